//! Every tax calculator with structured arbitrary inputs: the inputs of the shipped
//! conformance vectors (`conformance/vectors/tax/`) are the templates, and the fuzzer rewrites
//! their fields with numbers at and past the edges, odd decimals and percentages, dates at the
//! ends of the calendar, other enum words, nulls and missing fields. Raw JSON (the `json_api`
//! target) rarely gets past the first field check; this reaches the arithmetic.
//! Invariants: an error has a code and both messages; a result holds no float anywhere
//! (money is integer rupiah, rates are exact decimals) and is the same when calculated again.
#![no_main]

use std::sync::OnceLock;

use kotacerdas_core::json_api;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const VECTORS: &[&str] = &[
    include_str!("../../conformance/vectors/tax/air-tanah.json"),
    include_str!("../../conformance/vectors/tax/boundaries.json"),
    include_str!("../../conformance/vectors/tax/bphtb.json"),
    include_str!("../../conformance/vectors/tax/dispute-fine.json"),
    include_str!("../../conformance/vectors/tax/due-dates.json"),
    include_str!("../../conformance/vectors/tax/extremes.json"),
    include_str!("../../conformance/vectors/tax/instalment.json"),
    include_str!("../../conformance/vectors/tax/late-interest.json"),
    include_str!("../../conformance/vectors/tax/mblb.json"),
    include_str!("../../conformance/vectors/tax/opsen-bbnkb.json"),
    include_str!("../../conformance/vectors/tax/opsen-pkb.json"),
    include_str!("../../conformance/vectors/tax/pbb-p2.json"),
    include_str!("../../conformance/vectors/tax/pbjt.json"),
    include_str!("../../conformance/vectors/tax/reklame.json"),
    include_str!("../../conformance/vectors/tax/rule-sets.json"),
    include_str!("../../conformance/vectors/tax/rules.json"),
    include_str!("../../conformance/vectors/tax/skpdkb.json"),
    include_str!("../../conformance/vectors/tax/skpdkbt.json"),
    include_str!("../../conformance/vectors/tax/walet.json"),
    include_str!("../../conformance/vectors/tax/worked-examples.json"),
];

struct Templates {
    /// (function, input) of every case.
    cases: Vec<(String, Value)>,
    /// Every string value seen in the inputs (enum words, dates, rates, region codes).
    words: Vec<String>,
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let mut cases = Vec::new();
        let mut words = Vec::new();
        for text in VECTORS {
            let file: Value = serde_json::from_str(text).expect("vector file is JSON");
            let function = file["function"].as_str().expect("function").to_owned();
            for case in file["cases"].as_array().expect("cases") {
                collect_words(&case["input"], &mut words);
                cases.push((function.clone(), case["input"].clone()));
            }
        }
        words.sort();
        words.dedup();
        Templates { cases, words }
    })
}

fn collect_words(value: &Value, words: &mut Vec<String>) {
    match value {
        Value::String(s) => words.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_words(v, words)),
        Value::Object(map) => map.values().for_each(|v| collect_words(v, words)),
        _ => {}
    }
}

const NUMBERS: &[i64] = &[
    0, 1, -1, 2, 12, 13, 24, 31, 100, 1_000, 999_999_999, 1_000_000_000_000, 9_007_199_254_740_993,
    i64::MAX, i64::MIN, i64::MAX / 100, i64::MAX / 10_000, 4_294_967_296,
];
const TEXTS: &[&str] = &[
    "", "0", "-0", "0.0000001", "1e3", "1E400", "NaN", "-5", "100%", "0%", "150%", "-1%", "12.5%",
    "0.5", "99999999999999999999999999999999", "1.", ".5", "1,5", " 7", "2025-02-29", "2024-02-29",
    "0000-01-01", "9999-12-31", "2025-13-01", "2025-00-10", "35.27", "35", "35.27.01", "11",
];

fn arbitrary_leaf(u: &mut Unstructured, words: &[String]) -> Result<Value> {
    Ok(match u.int_in_range(0..=8u8)? {
        0 => Value::from(*u.choose(NUMBERS)?),
        1 => Value::from(u.arbitrary::<i64>()?),
        2 => Value::from(u.arbitrary::<u64>()?),
        3 => Value::String((*u.choose(TEXTS)?).to_owned()),
        4 => Value::String(u.choose(words)?.clone()),
        5 => Value::String(format!("{}.{}", u.arbitrary::<i64>()?, u.arbitrary::<u32>()?)),
        6 => Value::from(u.arbitrary::<f64>()?),
        7 => Value::Bool(u.arbitrary()?),
        _ => Value::Null,
    })
}

/// Rewrites some leaves, drops or adds some fields.
fn mutate(value: &mut Value, u: &mut Unstructured, words: &[String], depth: u32) -> Result<()> {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                match u.int_in_range(0..=9u8)? {
                    0 => {
                        map.remove(&key);
                    }
                    1 | 2 => {
                        map.insert(key, arbitrary_leaf(u, words)?);
                    }
                    _ => {
                        if let Some(child) = map.get_mut(&key) {
                            mutate(child, u, words, depth + 1)?;
                        }
                    }
                }
            }
            if u.ratio(1u8, 16u8)? {
                let key = u.choose(words)?.clone();
                map.insert(key, arbitrary_leaf(u, words)?);
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                mutate(item, u, words, depth + 1)?;
            }
            if depth < 4 && !items.is_empty() && u.ratio(1u8, 8u8)? {
                let copy = items[0].clone();
                items.push(copy);
            }
        }
        leaf => {
            if u.ratio(1u8, 3u8)? {
                *leaf = arbitrary_leaf(u, words)?;
            }
        }
    }
    Ok(())
}

fn assert_no_float(value: &Value, function: &str) {
    match value {
        Value::Number(n) => assert!(n.is_i64() || n.is_u64(), "{function}: float {n} in a result"),
        Value::Array(items) => items.iter().for_each(|v| assert_no_float(v, function)),
        Value::Object(map) => map.values().for_each(|v| assert_no_float(v, function)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let templates = templates();
    let mut u = Unstructured::new(data);
    let Ok((function, template)) = u.choose(&templates.cases) else { return };
    let mut input = template.clone();
    if mutate(&mut input, &mut u, &templates.words, 0).is_err() {
        return;
    }
    // Sometimes the same input through the generic entry point.
    let function = match (u.ratio(1u8, 4u8), function.strip_prefix("tax.")) {
        (Ok(true), Some(kind)) if kind != "rules" && kind != "due" && kind != "calculate" => {
            if let Value::Object(map) = &mut input {
                map.insert("kind".to_owned(), Value::from(kind));
            }
            "tax.calculate"
        }
        _ => function.as_str(),
    };
    match json_api::call(function, &input) {
        Ok(output) => {
            assert_no_float(&output, function);
            assert_eq!(json_api::call(function, &input).ok(), Some(output), "{function} is not deterministic");
        }
        Err(problem) => {
            assert!(!problem.code.is_empty() && !problem.message_en.is_empty() && !problem.message_id.is_empty());
        }
    }
});
