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

/// Cases of each vector file whose inputs are mutated (all are read as they are).
const MUTATED_CASES: usize = 12;

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
    for file in files {
        let suite: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let function = suite["function"].as_str().unwrap();
        functions.insert(function.to_owned());
        for (index, case) in suite["cases"].as_array().unwrap().iter().enumerate() {
            let inputs = if index < MUTATED_CASES {
                mutations(&case["input"])
            } else {
                vec![case["input"].clone()]
            };
            for input in inputs {
                // The result does not matter here: `from_value` compares the readers.
                let _ = crate::json_api::call(function, &input);
            }
        }
    }
    // Every function with typed input was called.
    assert!(functions.len() >= 30, "{functions:?}");
    let checked = parity::checked() - before;
    assert!(checked > 20_000, "compared reads: {checked}");
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
        let _ = RuleSet::from_json(&variant.to_string());
    }
    let boundary: Value =
        serde_json::from_str(include_str!("../data/complaints/sampang_boundary.geojson")).unwrap();
    for variant in mutations(&boundary) {
        let _ = crate::complaint::geo::Boundary::from_geojson(&variant.to_string());
    }
    assert!(parity::checked() - before > 2_000);
}
