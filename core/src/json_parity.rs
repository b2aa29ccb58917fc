//! The parity test of `json_de::JsonRead` with serde: every input of the core, valid (the
//! conformance vectors and the shipped data files) and mutated (`json_de::mutations`), is read
//! through the core's entry points; in test builds each `json_de::from_value` also reads the
//! value through serde's derived `Deserialize` and panics unless both give the same value or
//! the same error message and path. (The catalog and the HKPD limits, read by private
//! functions, have the same test in their modules.)

#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::Value;

use crate::json_de::{mutations, parity};
use crate::tax::rules::RuleSet;

/// The field paths of a JSON value (array items under `[]`): a case whose input has no path
/// that an earlier case had not adds nothing to the mutated corpus but time.
fn shape(value: &Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let path = format!("{at}.{key}");
                shape(item, &path, out);
                out.insert(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

fn vector_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            vector_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_vector_input_and_its_mutations_read_as_serde_reads_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/vectors");
    let mut files = Vec::new();
    vector_files(&dir, &mut files);
    files.sort();
    assert!(files.len() > 40, "vector files found: {}", files.len());
    let before = parity::checked();
    let mut functions = std::collections::BTreeSet::new();
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let suite: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let function = suite["function"].as_str().unwrap();
        functions.insert(function.to_owned());
        for case in suite["cases"].as_array().unwrap() {
            // A rule set given inline is mutated by the rule set's own test below (thousands
            // of variants); here it is put back unchanged into the input's variants.
            let mut input = case["input"].clone();
            let rule_set = input.as_object_mut().and_then(|map| map.remove("rule_set"));
            let mut paths = std::collections::BTreeSet::new();
            shape(&input, function, &mut paths);
            let mut inputs = if !paths.is_subset(&seen) {
                seen.extend(paths);
                mutations(&input)
            } else {
                Vec::new()
            };
            if let Some(rule_set) = rule_set {
                for variant in &mut inputs {
                    if let Some(map) = variant.as_object_mut() {
                        map.insert("rule_set".to_owned(), rule_set.clone());
                    }
                }
            }
            inputs.push(case["input"].clone());
            for input in inputs {
                // The result does not matter here: `from_value` compares the readers.
                let _ = crate::json_api::call(function, &input);
            }
        }
    }
    // Every function with typed input was called.
    assert!(functions.len() >= 30, "{functions:?}");
    let checked = parity::checked() - before;
    assert!(checked > 15_000, "compared reads: {checked}");
}

#[test]
fn the_rule_set_and_the_boundary_and_their_mutations_read_as_serde_reads_them() {
    let before = parity::checked();
    let rule_set: Value =
        serde_json::from_str(include_str!("../data/tax/35.27-2025.json")).unwrap();
    let variants = mutations(&rule_set);
    assert!(variants.len() > 1_000, "{}", variants.len());
    for variant in &variants {
        let _ = crate::json_de::from_value::<RuleSet>(variant);
    }
    // Once through the public reader (HKPD limits and consistency checks after reading).
    assert!(RuleSet::from_json(&rule_set.to_string()).is_ok());
    let boundary: Value =
        serde_json::from_str(include_str!("../data/complaints/sampang_boundary.geojson")).unwrap();
    for variant in mutations(&boundary) {
        let _ = crate::complaint::geo::Boundary::from_geojson(&variant.to_string());
    }
    assert!(parity::checked() - before > 2_000);
}
