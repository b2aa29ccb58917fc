//! The tax rule-set loader (a regency's Perda as JSON) on arbitrary text.
#![no_main]

use kotacerdas_core::tax::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = RuleSet::from_json(text);
});
