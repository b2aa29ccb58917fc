//! Small text formats: dates, instants, region codes, SISMIOP reference tables, money.
#![no_main]

use kotacerdas_core::Date;
use kotacerdas_core::calendar::Instant;
use kotacerdas_core::id::nop::SismiopTable;
use kotacerdas_core::region::RegionCode;
use kotacerdas_core::tax::money::{Decimal, Rate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = Date::parse_iso(text) {
        assert_eq!(Date::parse_iso(&date.to_string()), Ok(date));
    }
    let _ = Instant::parse_iso(text);
    if let Ok(code) = RegionCode::parse(text) {
        assert_eq!(RegionCode::parse(&code.to_string()), Ok(code));
    }
    if let Ok(regency) = RegionCode::parse("35.27") {
        let _ = SismiopTable::from_csv(regency, true, "fuzz", text);
    }
    let _ = Decimal::parse(text);
    let _ = Rate::parse_percent(text);
});
