//! Report draft JSON from a citizen's app, validated against Sampang's catalog.
#![no_main]

use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::{Catalog, ValidationContext, draft};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(now) = Instant::parse_iso("2026-11-29T10:00:00+07:00") else { return };
    let context = ValidationContext { catalog: Catalog::embedded(), now };
    if let Err(problems) = draft::validate_json(text, &context) {
        assert!(!problems.is_empty());
    }
});
