//! Criterion benchmarks of NIK parsing: one NIK at a time, and the batch path.
//!
//! Run: `cargo bench -p kotacerdas-core --bench nik` (or `cargo xtask bench`). Inputs are
//! synthetic NIKs built from every current district with varied dates and serials.
//!
//! No Rust NIK library is published, so the baseline in the same run is the check developers
//! usually write by hand (the logic of the npm `nik-parser`): see [`hand_written_check`].

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kotacerdas_core::Date;
use kotacerdas_core::id::nik::{self, Nik, NikOptions};
use kotacerdas_core::region::{self, RegionLevel};

/// 10,000 valid NIKs spread over all districts, plus 5% with a broken date.
fn inputs() -> Vec<String> {
    let districts = region::all(RegionLevel::District);
    (0..10_000u64)
        .map(|i| {
            let district = districts[(i * 7919) as usize % districts.len()]
                .code
                .value();
            let day = 1 + (i % 28) + if i % 2 == 0 { 40 } else { 0 };
            let month = 1 + (i / 28) % 12;
            let serial = 1 + (i * 31) % 9999;
            let day = if i % 20 == 0 { 35 } else { day };
            format!("{district:06}{day:02}{month:02}{:02}{serial:04}", i % 100)
        })
        .collect()
}

/// The usual hand-written NIK check: 16 ASCII digits, the district code in a hash set of all
/// districts, day 1-31 (41-71 for women) and month 1-12, by slicing the string and parsing
/// each part. It does less than the core (no day-of-month by month and year, no century, no
/// serial check, no codes for what is wrong), so it is a floor for a simple check, not a peer
/// doing the same work.
fn hand_written_check(input: &str, districts: &HashSet<u64>) -> bool {
    if input.len() != 16 || !input.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let number = |from: usize, to: usize| input[from..to].parse::<u64>().unwrap_or(0);
    let day = number(6, 8);
    let day = if day > 40 { day - 40 } else { day };
    let month = number(8, 10);
    districts.contains(&number(0, 6)) && (1..=31).contains(&day) && (1..=12).contains(&month)
}

fn parse(c: &mut Criterion) {
    let inputs = inputs();
    let options = NikOptions::new(Date::new(2026, 11, 29).expect("valid date"));
    let buffer = inputs.join("\n");

    let mut group = c.benchmark_group("nik");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("parse_with (single calls)", |b| {
        b.iter(|| {
            let mut valid = 0u32;
            for input in &inputs {
                valid += u32::from(black_box(Nik::parse_with(black_box(input), &options)).is_ok());
            }
            valid
        })
    });
    group.bench_function("validate_lines (batch buffer)", |b| {
        b.iter(|| {
            nik::validate_lines(black_box(&buffer), &options)
                .summary
                .valid
        })
    });
    let districts: HashSet<u64> = region::all(RegionLevel::District)
        .iter()
        .map(|district| district.code.value())
        .collect();
    group.bench_function("baseline: hand-written check", |b| {
        b.iter(|| {
            let mut valid = 0u32;
            for input in &inputs {
                valid += u32::from(hand_written_check(black_box(input), &districts));
            }
            valid
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
