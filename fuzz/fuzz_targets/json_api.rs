//! Every function of the JSON surface (tax calculators, complaint validation and lifecycle,
//! calendar, identifiers) on arbitrary JSON: an error code or a result, never a panic.
#![no_main]

use kotacerdas_core::json_api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, json)) = data.split_first() else { return };
    let function = json_api::FUNCTIONS[usize::from(selector) % json_api::FUNCTIONS.len()];
    if let Ok(input) = serde_json::from_slice::<serde_json::Value>(json) {
        match json_api::call(function, &input) {
            Ok(output) => assert!(!output.is_null() || function.starts_with("calendar")),
            Err(problem) => assert!(!problem.code.is_empty() && !problem.message_en.is_empty()),
        }
    }
});
