//! Every identifier parser on arbitrary text: no panic, and what parses keeps its invariants.
#![no_main]

use kotacerdas_core::Date;
use kotacerdas_core::id::kk::{Kk, KkOptions};
use kotacerdas_core::id::nik::{Nik, NikOptions};
use kotacerdas_core::id::nop::{Nop, NopOptions};
use kotacerdas_core::id::npwp::Npwp;
use kotacerdas_core::id::{Nib, PhoneNumber, Strictness};
use kotacerdas_core::region;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = Date::new(2026, 11, 29).expect("valid date");
    for strictness in [Strictness::Lenient, Strictness::Strict] {
        let options = NikOptions::new(reference).with_strictness(strictness);
        if let Ok(nik) = Nik::parse_with(text, &options) {
            // The masked forms never show the whole number, and the number parses back.
            let whole = nik.reveal().to_owned();
            assert!(!format!("{nik:?}{nik}").contains(&whole));
            assert_eq!(Nik::parse_with(&whole, &options).map(|n| n.reveal().to_owned()), Ok(whole));
            let _ = nik.details();
        }
        let _ = Kk::parse_with(text, &KkOptions::new(reference).with_strictness(strictness)).map(|kk| kk.details());
        let _ = Npwp::parse_with(text, &options).map(|npwp| (npwp.masked(), npwp.legacy_formatted(), npwp.nitku()));
    }
    let _ = Nop::parse_with(text, &NopOptions::sampang_default()).map(|nop| nop.details());
    let _ = Nib::parse(text);
    if let Ok(phone) = PhoneNumber::parse(text) {
        assert_eq!(PhoneNumber::parse(&phone.e164()), Ok(phone));
    }
    if let Ok(found) = region::lookup(text) {
        let _ = region::children(found.code);
    }
    let _ = region::search(text, 5);
});
