//! The holiday CSV loader (a newer SKB supplied at run time) on arbitrary text.
#![no_main]

use kotacerdas_core::calendar::HolidayTable;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = HolidayTable::parse_csv(text);
});
