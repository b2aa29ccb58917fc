//! The conformance vectors as data: every file matches the vector-file schema, every input its
//! function's input schema, every `expected.ok` its output schema, and the reference core's
//! real outputs match the output schemas in full. Also: every error code reachable through
//! `json_api` has a case, every function has vectors, ids are unique, generated files are fresh.
//!
//! The schemas use a small subset of JSON Schema 2020-12 (listed in `conformance/SCHEMA.md`);
//! the validator below implements all of it and refuses any other keyword, so no constraint in
//! a schema is silently ignored.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kotacerdas_core::json_api;
use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn vector_files() -> Vec<(PathBuf, Value)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root().join("conformance/vectors"), &mut paths);
    paths.sort();
    assert!(!paths.is_empty());
    paths
        .into_iter()
        .map(|p| {
            let v = read_json(&p);
            (p, v)
        })
        .collect()
}

fn schema(name: &str) -> Value {
    read_json(&root().join("conformance/schema").join(name))
}

/// Errors whose cases send a deliberately malformed input: their inputs are not checked
/// against the input schema.
const MALFORMED_INPUT: &[&str] = &[
    "CALL_INVALID_INPUT",
    "TAX_INVALID_INPUT",
    "TAX_RULESET_INVALID",
    "TAX_UNKNOWN_KIND",
];

/// Codes of `error::all_codes()` that no `json_api` function can return, and why. Every other
/// code must appear in a case (as `expected.error.code`, or inside `expected.ok`: a warning, a
/// draft problem).
const UNREACHABLE: &[(&str, &str)] = &[
    (
        "CALL_UNKNOWN_FUNCTION",
        "the protocol's `unsupported` answer: a vector names a function, so the runner counts it as unsupported",
    ),
    (
        "DATE_INVALID_FORMAT",
        "json_api reads dates while decoding the input: a bad date is CALL_INVALID_INPUT (tested)",
    ),
    (
        "DATE_NOT_A_CALENDAR_DATE",
        "as DATE_INVALID_FORMAT: CALL_INVALID_INPUT",
    ),
    (
        "DATE_OUT_OF_RANGE",
        "as DATE_INVALID_FORMAT: CALL_INVALID_INPUT",
    ),
    (
        "CALENDAR_INVALID_INSTANT",
        "json_api reads instants while decoding the input: CALL_INVALID_INPUT (tested); a draft's created_at is COMPLAINT_TIME_INVALID",
    ),
    (
        "PSEUDONYM_KEY_TOO_SHORT",
        "no json_api function computes a NIK pseudonym (it needs a secret key)",
    ),
    (
        "CALENDAR_CSV_TOO_MANY_ROWS",
        "a resource limit of the SDK (10,000 rows), not a rule: a case would be a 300 KB vector",
    ),
    (
        "COMPLAINT_DATA_INVALID_JSON",
        "no json_api function loads complaint data files (the catalog is embedded)",
    ),
    (
        "COMPLAINT_DATA_INVALID_CODE",
        "as COMPLAINT_DATA_INVALID_JSON",
    ),
    (
        "COMPLAINT_DATA_DUPLICATE_CODE",
        "as COMPLAINT_DATA_INVALID_JSON",
    ),
    (
        "COMPLAINT_DATA_UNKNOWN_REFERENCE",
        "as COMPLAINT_DATA_INVALID_JSON",
    ),
    (
        "COMPLAINT_DATA_MISSING_VALUE",
        "as COMPLAINT_DATA_INVALID_JSON",
    ),
    (
        "COMPLAINT_DATA_INVALID_BOUNDARY",
        "as COMPLAINT_DATA_INVALID_JSON",
    ),
];

fn unreachable_reason(code: &str) -> Option<&'static str> {
    UNREACHABLE
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, why)| *why)
}

// ------------------------------------------------------------------ the validator

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Everything, including `required`.
    Full,
    /// For `expected.ok`, which lists a subset of the fields: `required` is not checked.
    Partial,
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "pattern",
    "minimum",
    "minLength",
    "minItems",
    "oneOf",
    "anyOf",
];

/// Every keyword of every (sub)schema is one the validator implements.
fn check_keywords(schema: &Value, path: &str, problems: &mut Vec<String>) {
    let Value::Object(map) = schema else {
        problems.push(format!("{path}: a schema must be an object"));
        return;
    };
    for (key, value) in map {
        let here = format!("{path}/{key}");
        if !KEYWORDS.contains(&key.as_str()) {
            problems.push(format!("{here}: unsupported keyword"));
            continue;
        }
        match key.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in value.as_object().unwrap() {
                    check_keywords(sub, &format!("{here}/{name}"), problems);
                }
            }
            "items" | "additionalProperties" if value.is_object() => {
                check_keywords(value, &here, problems);
            }
            "oneOf" | "anyOf" => {
                for (i, sub) in value.as_array().unwrap().iter().enumerate() {
                    check_keywords(sub, &format!("{here}/{i}"), problems);
                }
            }
            _ => {}
        }
    }
}

struct Validator<'a> {
    root: &'a Value,
    mode: Mode,
}

impl Validator<'_> {
    fn validate(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        let Value::Object(s) = schema else {
            errors.push(format!("{path}: schema is not an object"));
            return;
        };
        if let Some(Value::String(reference)) = s.get("$ref") {
            let name = reference
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("only local $refs are supported: {reference}"));
            let target = &self.root["$defs"][name];
            assert!(target.is_object(), "unresolved $ref {reference}");
            self.validate(target, value, path, errors);
        }
        if let Some(types) = s.get("type") {
            let allowed: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                _ => panic!("bad type keyword"),
            };
            if !allowed.iter().any(|t| has_type(value, t)) {
                errors.push(format!(
                    "{path}: expected {}, got {value}",
                    allowed.join(" or ")
                ));
                return;
            }
        }
        if let Some(Value::Array(options)) = s.get("enum")
            && !options.contains(value)
        {
            errors.push(format!(
                "{path}: {value} is not one of {}",
                Value::Array(options.clone())
            ));
        }
        if let Some(constant) = s.get("const")
            && constant != value
        {
            errors.push(format!("{path}: expected {constant}, got {value}"));
        }
        if let (Some(Value::String(pattern)), Value::String(text)) = (s.get("pattern"), value) {
            let regex = regex::Regex::new(pattern).unwrap();
            if !regex.is_match(text) {
                errors.push(format!("{path}: {text:?} does not match {pattern}"));
            }
        }
        if let (Some(Value::Number(min)), Value::String(text)) = (s.get("minLength"), value)
            && (text.chars().count() as u64) < min.as_u64().unwrap()
        {
            errors.push(format!("{path}: shorter than {min}"));
        }
        if let (Some(min), Value::Number(n)) = (s.get("minimum"), value)
            && n.as_f64().unwrap() < min.as_f64().unwrap()
        {
            errors.push(format!("{path}: {n} is below the minimum {min}"));
        }
        if let Value::Array(items) = value {
            if let Some(Value::Number(min)) = s.get("minItems")
                && (items.len() as u64) < min.as_u64().unwrap()
            {
                errors.push(format!("{path}: fewer than {min} items"));
            }
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    self.validate(item_schema, item, &format!("{path}[{i}]"), errors);
                }
            }
        }
        if let Value::Object(fields) = value {
            if self.mode == Mode::Full
                && let Some(Value::Array(required)) = s.get("required")
            {
                for name in required {
                    let name = name.as_str().unwrap();
                    if !fields.contains_key(name) {
                        errors.push(format!("{path}: missing required field {name}"));
                    }
                }
            }
            let properties = s.get("properties").and_then(Value::as_object);
            for (name, field) in fields {
                let here = format!("{path}.{name}");
                match (
                    properties.and_then(|p| p.get(name)),
                    s.get("additionalProperties"),
                ) {
                    (Some(sub), _) => self.validate(sub, field, &here, errors),
                    (None, Some(Value::Bool(false))) => {
                        errors.push(format!("{here}: field not allowed"));
                    }
                    (None, Some(sub @ Value::Object(_))) => {
                        self.validate(sub, field, &here, errors)
                    }
                    (None, _) => {}
                }
            }
        }
        for (keyword, exactly_one) in [("oneOf", true), ("anyOf", false)] {
            if let Some(Value::Array(options)) = s.get(keyword) {
                let mut details = Vec::new();
                let matching = options
                    .iter()
                    .filter(|option| {
                        let mut sub = Vec::new();
                        self.validate(option, value, path, &mut sub);
                        details.extend(sub.iter().cloned());
                        sub.is_empty()
                    })
                    .count();
                let ok = if exactly_one {
                    matching == 1
                } else {
                    matching >= 1
                };
                if !ok {
                    errors.push(format!(
                        "{path}: {matching} of the {keyword} options match ({})",
                        details.join("; ")
                    ));
                }
            }
        }
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        other => panic!("unknown type {other}"),
    }
}

fn validate(schema: &Value, value: &Value, mode: Mode) -> Vec<String> {
    let mut errors = Vec::new();
    Validator { root: schema, mode }.validate(schema, value, "$", &mut errors);
    errors
}

// ------------------------------------------------------------------ tests

#[test]
fn the_validator_refuses_what_it_should() {
    let schema = json!({
        "type": "object", "required": ["a"], "additionalProperties": false,
        "properties": {
            "a": {"type": "string", "pattern": "^[0-9]{2}$"},
            "b": {"type": ["integer", "null"], "minimum": 0},
            "c": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/d"}},
            "e": {"oneOf": [{"const": 1}, {"enum": [1, 2]}]},
            "f": {"anyOf": [{"type": "string", "minLength": 2}, {"type": "null"}]}
        },
        "$defs": {"d": {"enum": ["x", "y"]}}
    });
    assert!(
        validate(
            &schema,
            &json!({"a": "12", "b": null, "c": ["x"], "e": 2, "f": "ab"}),
            Mode::Full
        )
        .is_empty()
    );
    for (value, fragment) in [
        (json!({"b": 1}), "missing required field a"),
        (json!({"a": "123"}), "does not match"),
        (json!({"a": "12", "z": 1}), "field not allowed"),
        (json!({"a": "12", "b": -1}), "below the minimum"),
        (json!({"a": "12", "b": 1.5}), "expected integer or null"),
        (json!({"a": "12", "c": []}), "fewer than 1 items"),
        (json!({"a": "12", "c": ["z"]}), "is not one of"),
        (json!({"a": "12", "e": 1}), "2 of the oneOf options match"),
        (json!({"a": "12", "f": "a"}), "0 of the anyOf options match"),
        (json!("12"), "expected object"),
    ] {
        let errors = validate(&schema, &value, Mode::Full);
        assert!(
            errors.iter().any(|e| e.contains(fragment)),
            "{value}: {errors:?}"
        );
    }
    assert!(validate(&schema, &json!({"b": 1}), Mode::Partial).is_empty());
    let mut problems = Vec::new();
    check_keywords(&json!({"type": "object", "if": {}}), "$", &mut problems);
    assert_eq!(problems, ["$/if: unsupported keyword"]);
}

#[test]
fn schemas_use_only_supported_keywords_and_cover_every_function() {
    let dir = root().join("conformance/schema");
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        check_keywords(&read_json(&path), &name, &mut problems);
        names.insert(name);
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let mut expected: BTreeSet<String> = BTreeSet::from(["vector-file.schema.json".to_owned()]);
    for function in json_api::FUNCTIONS {
        expected.insert(format!("{function}.input.schema.json"));
        expected.insert(format!("{function}.output.schema.json"));
    }
    assert_eq!(
        names, expected,
        "one input and one output schema per json_api function"
    );
}

#[test]
fn every_vector_file_and_case_matches_the_schemas() {
    let file_schema = schema("vector-file.schema.json");
    let mut problems = Vec::new();
    let mut cases = 0;
    for (path, file) in vector_files() {
        let name = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        for error in validate(&file_schema, &file, Mode::Full) {
            problems.push(format!("{name}: {error}"));
        }
        let Some(function) = file["function"].as_str() else {
            continue;
        };
        let input_schema = schema(&format!("{function}.input.schema.json"));
        let output_schema = schema(&format!("{function}.output.schema.json"));
        for case in file["cases"].as_array().into_iter().flatten() {
            cases += 1;
            let id = case["id"].as_str().unwrap_or("?");
            let error_code = case["expected"]["error"]["code"].as_str();
            if !error_code.is_some_and(|code| MALFORMED_INPUT.contains(&code)) {
                for error in validate(&input_schema, &case["input"], Mode::Full) {
                    problems.push(format!("{name} {id} input: {error}"));
                }
            }
            if let Some(ok) = case["expected"].get("ok") {
                for error in validate(&output_schema, ok, Mode::Partial) {
                    problems.push(format!("{name} {id} expected.ok: {error}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(cases >= 600, "only {cases} cases");
}

#[test]
fn reference_outputs_match_the_output_schemas_in_full() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, file) in vector_files() {
        let function = file["function"].as_str().unwrap();
        let output_schema = schema(&format!("{function}.output.schema.json"));
        for case in file["cases"].as_array().unwrap() {
            if case["expected"].get("ok").is_none() {
                continue;
            }
            match json_api::call(function, &case["input"]) {
                Ok(output) => {
                    checked += 1;
                    for error in validate(&output_schema, &output, Mode::Full) {
                        problems.push(format!("{} {}: {error}", path.display(), case["id"]));
                    }
                }
                Err(problem) => {
                    problems.push(format!("{} {}: {problem}", path.display(), case["id"]))
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 500, "{checked}");
}

#[test]
fn every_reachable_error_code_has_a_case() {
    let all: BTreeSet<&str> = kotacerdas_core::error::all_codes()
        .into_iter()
        .flat_map(|(_, codes)| codes.iter().copied())
        .collect();
    // Codes inside a result: warnings, draft problems.
    fn inside(value: &Value, all: &BTreeSet<&str>, seen: &mut BTreeSet<String>) {
        match value {
            Value::String(text) if all.contains(text.as_str()) => {
                seen.insert(text.clone());
            }
            Value::Object(map) => map.values().for_each(|v| inside(v, all, seen)),
            Value::Array(items) => items.iter().for_each(|v| inside(v, all, seen)),
            _ => {}
        }
    }
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (_, file) in vector_files() {
        for case in file["cases"].as_array().unwrap() {
            if let Some(code) = case["expected"]["error"]["code"].as_str() {
                seen.insert(code.to_owned());
            }
            inside(&case["expected"]["ok"], &all, &mut seen);
        }
    }
    let unknown: Vec<&String> = seen.iter().filter(|c| !all.contains(c.as_str())).collect();
    assert!(
        unknown.is_empty(),
        "vectors name codes the core does not have: {unknown:?}"
    );
    let missing: Vec<&str> = all
        .iter()
        .copied()
        .filter(|c| !seen.contains(*c) && unreachable_reason(c).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "reachable codes without a case: {missing:?}"
    );
    for (code, _) in UNREACHABLE {
        assert!(
            all.contains(code),
            "{code} is listed as unreachable but is no code"
        );
    }
    let reachable = all
        .iter()
        .filter(|c| unreachable_reason(c).is_none())
        .count();
    eprintln!(
        "error and warning codes: {} covered of {} reachable through json_api ({} in all)",
        seen.len(),
        reachable,
        all.len()
    );
}

#[test]
fn dates_refused_while_decoding_are_call_invalid_input() {
    // Why the DATE_* codes are listed as unreachable.
    for date in ["2026-13-01", "2026-02-30", "1799-12-31", "29/11/2026"] {
        let error = json_api::call(
            "nik.parse",
            &json!({"nik": "3527014501900001", "reference_date": date}),
        )
        .unwrap_err();
        assert_eq!(error.code, "CALL_INVALID_INPUT", "{date}");
    }
}

#[test]
fn every_function_has_vectors_and_ids_are_unique_per_suite() {
    let mut per_function: BTreeMap<String, usize> = BTreeMap::new();
    let mut ids: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (_, file) in vector_files() {
        let cases = file["cases"].as_array().unwrap();
        *per_function
            .entry(file["function"].as_str().unwrap().to_owned())
            .or_default() += cases.len();
        for case in cases {
            *ids.entry((
                file["suite"].as_str().unwrap().to_owned(),
                case["id"].as_str().unwrap().to_owned(),
            ))
            .or_default() += 1;
        }
    }
    for function in json_api::FUNCTIONS {
        assert!(
            per_function.get(*function).copied().unwrap_or(0) >= 5,
            "{function} has too few cases: {per_function:?}"
        );
    }
    let duplicates: Vec<_> = ids
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(k, _)| k)
        .collect();
    assert!(duplicates.is_empty(), "duplicate case ids: {duplicates:?}");
}

#[test]
fn worked_examples_of_the_spec_are_marked_with_their_source() {
    let mut sources = Vec::new();
    for (_, file) in vector_files() {
        for case in file["cases"].as_array().unwrap() {
            if let Some(source) = case["source"].as_str() {
                sources.push(source.to_owned());
            }
        }
    }
    for example in [
        "PP 35/2023 Penjelasan Pasal 77(2)",
        "PP 35/2023 Penjelasan Pasal 103",
        "PP 35/2023 Penjelasan Pasal 107(4)",
        "Bapenda DKI",
        "spec/identifiers.md, NPWP example",
        "Pajak Reklame example",
    ] {
        assert!(
            sources.iter().any(|s| s.contains(example)),
            "no case marked with {example}"
        );
    }
}

/// The generated vector and schema files are what their generators write now (skipped with a
/// message when python3 is not installed).
#[test]
fn generated_files_are_up_to_date() {
    let tools = root().join("conformance/tools");
    for script in [
        "generate_identifiers.py",
        "generate_tax.py",
        "generate_calendar.py",
        "generate_complaints.py",
        "generate_schemas.py",
    ] {
        let output = match Command::new("python3")
            .arg("-B")
            .arg(tools.join(script))
            .arg("--check")
            .output()
        {
            Ok(output) => output,
            Err(e) => {
                eprintln!("skipped: python3 is not available ({e}); cannot check {script}");
                return;
            }
        };
        assert!(
            output.status.success(),
            "{script} --check: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
