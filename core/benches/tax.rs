//! Criterion benchmarks of the tax calculators through `json_api::call` (the path every
//! binding takes): one calculation with its step-by-step breakdown per iteration, on the
//! first input of each calculator's conformance vectors.
//!
//! No other implementation of these rules exists to compare with, so the baseline in the same
//! run is the same calculation through the typed Rust API (input already parsed, rule set
//! already chosen): the difference is what the JSON contract costs per call.
//!
//! Run: `cargo bench -p kotacerdas-core --bench tax` (part of `cargo xtask bench`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kotacerdas_core::json_api;
use kotacerdas_core::tax::{self, RuleBook, RuleSet, TaxError, TaxResult};
use serde::de::DeserializeOwned;
use serde_json::Value;

const VECTORS: &[&str] = &[
    include_str!("../../conformance/vectors/tax/pbb-p2.json"),
    include_str!("../../conformance/vectors/tax/bphtb.json"),
    include_str!("../../conformance/vectors/tax/pbjt.json"),
    include_str!("../../conformance/vectors/tax/late-interest.json"),
];

/// The typed calculation behind a JSON API function, on an input parsed once.
fn typed_calculation(function: &str, input: &Value) -> Box<dyn Fn(&RuleSet) -> bool> {
    fn typed<T: DeserializeOwned + 'static>(
        input: &Value,
        calculate: fn(&T, &RuleSet) -> Result<TaxResult, TaxError>,
    ) -> Box<dyn Fn(&RuleSet) -> bool> {
        let input: T = serde_json::from_value(input.clone()).expect("vector input is typed");
        Box::new(move |rules| calculate(black_box(&input), rules).is_ok())
    }
    match function {
        "tax.pbb_p2" => typed(input, tax::pbb_p2::calculate),
        "tax.bphtb" => typed(input, tax::bphtb::calculate),
        "tax.pbjt" => typed(input, tax::pbjt::calculate),
        "tax.late_interest" => typed(input, tax::sanction::late_interest),
        other => panic!("no typed baseline for {other}"),
    }
}

fn calculators(c: &mut Criterion) {
    let mut group = c.benchmark_group("tax");
    for text in VECTORS {
        let file: Value = serde_json::from_str(text).expect("vector file is JSON");
        let function = file["function"].as_str().expect("function").to_owned();
        // The first case that calculates (not a refusal).
        let input = file["cases"]
            .as_array()
            .expect("cases")
            .iter()
            .map(|case| case["input"].clone())
            .find(|input| json_api::call(&function, input).is_ok())
            .expect("a case that calculates");
        group.bench_function(function.as_str(), |b| {
            b.iter(|| json_api::call(black_box(&function), black_box(&input)).is_ok())
        });

        let kind = function.trim_start_matches("tax.");
        let region = input["region"].as_str().expect("region");
        let date = tax::rule_date(kind, &input["input"]).expect("input has a date");
        let rules = RuleBook::shipped()
            .in_force(region, date)
            .expect("a rule set in force");
        let calculate = typed_calculation(&function, &input["input"]);
        group.bench_function(format!("baseline: typed {function}"), |b| {
            b.iter(|| calculate(black_box(rules)))
        });
    }
    group.finish();
}

criterion_group!(benches, calculators);
criterion_main!(benches);
