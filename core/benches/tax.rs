//! Criterion benchmarks of the tax calculators through `json_api::call` (the path every
//! binding takes): one calculation with its step-by-step breakdown per iteration, on the
//! first input of each calculator's conformance vectors.
//!
//! Run: `cargo bench -p kotacerdas-core --bench tax` (part of `cargo xtask bench`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kotacerdas_core::json_api;
use serde_json::Value;

const VECTORS: &[&str] = &[
    include_str!("../../conformance/vectors/tax/pbb-p2.json"),
    include_str!("../../conformance/vectors/tax/bphtb.json"),
    include_str!("../../conformance/vectors/tax/pbjt.json"),
    include_str!("../../conformance/vectors/tax/late-interest.json"),
];

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
    }
    group.finish();
}

criterion_group!(benches, calculators);
criterion_main!(benches);
