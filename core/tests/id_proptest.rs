//! Property tests: no input panics a parser; NIKs built from valid parts parse back to those
//! parts; parse/format round trips; female day = male day + 40. Fixed reference date
//! 2026-11-29.
// clippy.toml's allow-unwrap-in-tests covers #[test] functions only, not their helpers.
#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use proptest::prelude::*;

use kotacerdas_core::error::Coded;
use kotacerdas_core::id::kk::{Kk, KkOptions};
use kotacerdas_core::id::nib::Nib;
use kotacerdas_core::id::nik::{self, Nik, NikError, NikKind, NikOptions, NikWarning, Sex};
use kotacerdas_core::id::nop::{Nop, NopOptions, SismiopTable};
use kotacerdas_core::id::npwp::{Npwp, NpwpForm};
use kotacerdas_core::id::phone::PhoneNumber;
use kotacerdas_core::id::{CenturyInference, Strictness};
use kotacerdas_core::region::{self, Region, RegionCode, RegionLevel};
use kotacerdas_core::{Date, Lang};

fn reference() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// Current districts followed by retired ones.
fn districts() -> &'static [Region] {
    static DISTRICTS: OnceLock<Vec<Region>> = OnceLock::new();
    DISTRICTS.get_or_init(|| {
        let mut all = region::all(RegionLevel::District);
        all.extend(
            region::all_retired()
                .into_iter()
                .filter(|r| r.level == RegionLevel::District),
        );
        assert_eq!(all.len(), 7_285 + 594);
        all
    })
}

/// Birth dates whose century the reference date 2026-11-29 recovers: 1926-11-30 ..= 2026-11-29.
fn birth_date() -> impl Strategy<Value = Date> {
    let first = Date::new(1926, 11, 30).unwrap().days_since_epoch();
    let last = reference().days_since_epoch();
    (first..=last).prop_map(|days| Date::from_days_since_epoch(days).unwrap())
}

fn ddmmyy(date: Date, day_offset: u32) -> String {
    format!(
        "{:02}{:02}{:02}",
        date.day() + day_offset,
        date.month(),
        date.year().rem_euclid(100)
    )
}

fn sex() -> impl Strategy<Value = Sex> {
    prop_oneof![Just(Sex::Male), Just(Sex::Female)]
}

fn day_offset(sex: Sex) -> u32 {
    match sex {
        Sex::Male => 0,
        Sex::Female => 40,
    }
}

fn options(strictness: Strictness) -> NikOptions {
    NikOptions::new(reference()).with_strictness(strictness)
}

/// Luhn check digit for `payload` (ASCII digits), computed independently of the SDK.
fn luhn_digit(payload: &str) -> u32 {
    let sum: u32 = payload
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = d * 2;
                doubled / 10 + doubled % 10
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// Text that stresses the input readers: arbitrary Unicode, digit-heavy strings with
/// separators and look-alike digits, and long strings.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,64}",
        "[0-9]{0,40}",
        "[ +]?[0-9 .()\\-]{0,30}",
        "[0-9０-９٠-٩۰-۹ .\\-]{0,30}",
        "\\s{0,3}(99|35|62|\\+62|08|0)[0-9]{0,24}\\s{0,3}",
        "[0-9\r\n]{0,80}",
        "[0-9a-zA-Z ]{0,5000}",
        proptest::collection::vec(any::<char>(), 0..3000).prop_map(|c| c.into_iter().collect()),
    ]
}

fn any_date() -> impl Strategy<Value = Date> {
    let first = Date::new(1800, 1, 1).unwrap().days_since_epoch();
    let last = Date::new(9999, 12, 31).unwrap().days_since_epoch();
    (first..=last).prop_map(|days| Date::from_days_since_epoch(days).unwrap())
}

fn verified_sampang() -> NopOptions {
    let table = SismiopTable::from_csv(
        RegionCode::parse("35.27").unwrap(),
        true,
        "test",
        "kecamatan,kelurahan,name\n010,,Sreseh\n010,001,Labuhan\n",
    )
    .unwrap();
    NopOptions {
        strictness: Strictness::Strict,
        references: vec![table],
    }
}

fn exercise_coded(value: &dyn Coded) {
    assert!(!value.code().is_empty());
    assert!(!value.message(Lang::Id).is_empty());
    assert!(!value.message(Lang::En).is_empty());
    let _ = value.fields();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_input_panics_any_parser(text in nasty_text(), today in any_date(), known in any_date()) {
        for strictness in [Strictness::Lenient, Strictness::Strict] {
            let nik_options = NikOptions::new(today).with_strictness(strictness);
            for options in [nik_options, nik_options.with_known_birth_date(known)] {
                match Nik::parse_with(&text, &options) {
                    Ok(nik) => {
                        let _ = nik.details();
                        let _ = format!("{nik:?} {nik}");
                        nik.warnings().for_each(|w| exercise_coded(&w));
                    }
                    Err(error) => exercise_coded(&error),
                }
                let _ = Npwp::parse_with(&text, &options).map(|n| (n.nitku(), n.masked(), n.legacy_formatted()));
            }
            let kk_options = KkOptions::new(today).with_strictness(strictness);
            match Kk::parse_with(&text, &kk_options) {
                Ok(kk) => { let _ = kk.details(); }
                Err(error) => exercise_coded(&error),
            }
        }
        for options in [NopOptions::sampang_default(), verified_sampang(), NopOptions::default()] {
            if let Ok(nop) = Nop::parse_with(&text, &options) {
                let _ = nop.details();
            }
        }
        let _ = Nib::parse(&text);
        if let Ok(phone) = PhoneNumber::parse(&text) {
            let _ = (phone.e164(), phone.national(), phone.masked());
        }
        let _ = region::lookup(&text);
        if let Ok(code) = RegionCode::parse(&text) {
            let _ = (region::get(code), region::children(code), code.parent(), code.to_string());
        }
        let _ = SismiopTable::from_csv(RegionCode::parse("35.27").unwrap(), true, "fuzz", &text);
        let batch = nik::validate_lines(&text, &NikOptions::new(today));
        prop_assert_eq!(batch.results.len() as u64, batch.summary.total);
        prop_assert_eq!(batch.summary.valid + batch.summary.invalid, batch.summary.total);
    }

    /// Every NIK built from a valid district (current or retired), date, sex and serial
    /// parses back to those parts, in both modes.
    #[test]
    fn generated_nik_parses_back(
        index in 0..districts().len(),
        date in birth_date(),
        sex in sex(),
        serial in 1u16..=9999,
    ) {
        let district = &districts()[index];
        let input = format!(
            "{}{}{serial:04}",
            district.code.plain(),
            ddmmyy(date, day_offset(sex))
        );
        for strictness in [Strictness::Lenient, Strictness::Strict] {
            let nik = Nik::parse_with(&input, &options(strictness)).unwrap();
            prop_assert_eq!(nik.kind(), NikKind::Nik);
            prop_assert_eq!(nik.reveal(), input.as_str());
            prop_assert_eq!(nik.birth_date(), date);
            let expected_century = if date.year() >= 2000 {
                CenturyInference::Current
            } else {
                CenturyInference::Previous
            };
            prop_assert_eq!(nik.century_inference(), expected_century);
            prop_assert_eq!(nik.sex(), sex);
            prop_assert_eq!(nik.serial(), serial);
            let found = nik.district().unwrap();
            prop_assert_eq!(found.code, district.code);
            prop_assert_eq!(found.name, Some(district.name));
            prop_assert_eq!(found.retired, district.retired.is_some());
            prop_assert_eq!(nik.regency().unwrap().code, district.parent.unwrap());
            prop_assert_eq!(
                nik.province().unwrap().code,
                district.parent.unwrap().parent().unwrap()
            );
            prop_assert!(nik.province().unwrap().name.is_some());
            let warnings: Vec<NikWarning> = nik.warnings().collect();
            if district.retired.is_some() {
                let code = district.code.value() as u32;
                prop_assert_eq!(warnings, vec![NikWarning::RetiredDistrict { district: code }]);
            } else {
                prop_assert!(warnings.is_empty());
            }
            prop_assert_eq!(nik.masked(), format!("{}**********", district.code.plain()));
        }
    }

    /// NIT: 99 + country + mission, any valid date, sex and serial.
    #[test]
    fn generated_nit_parses_back(
        country in 0u16..1000,
        mission in 0u8..10,
        date in birth_date(),
        sex in sex(),
        serial in 1u16..=9999,
    ) {
        let input = format!("99{country:03}{mission}{}{serial:04}", ddmmyy(date, day_offset(sex)));
        let nit = Nik::parse_with(&input, &options(Strictness::Strict)).unwrap();
        prop_assert_eq!(nit.kind(), NikKind::Nit);
        prop_assert_eq!(nit.nit_codes(), Some((country, mission)));
        prop_assert_eq!(nit.birth_date(), date);
        prop_assert_eq!(nit.sex(), sex);
        prop_assert_eq!(nit.serial(), serial);
        prop_assert!(nit.district().is_none());
    }

    /// `details()` reassembled gives the number back; separators typed in between do not
    /// change the result.
    #[test]
    fn nik_details_reassemble_to_the_number(
        index in 0..districts().len(),
        date in birth_date(),
        sex in sex(),
        serial in 1u16..=9999,
        separator in prop_oneof![Just(""), Just(" "), Just("."), Just("-"), Just(" - ")],
    ) {
        let district = districts()[index].code.plain();
        let block = ddmmyy(date, day_offset(sex));
        let input = format!("{district}{block}{serial:04}");
        let typed = format!(
            "  {}{separator}{}{separator}{}{separator}{block}{separator}{serial:04} ",
            &district[..2],
            &district[2..4],
            &district[4..]
        );
        let nik = Nik::parse_with(&typed, &options(Strictness::Lenient)).unwrap();
        prop_assert_eq!(nik.reveal(), input.as_str());
        let details = nik.details();
        let birth = details.birth_date;
        let offset = if details.sex == Sex::Female { 40 } else { 0 };
        let reassembled = format!(
            "{}{}{}",
            details.district.unwrap().code.plain(),
            ddmmyy(birth, offset),
            details.serial
        );
        prop_assert_eq!(reassembled, input);
        prop_assert_eq!(&details.masked[..6], &district[..]);
    }

    /// Female day = male day + 40, and nothing else changes.
    #[test]
    fn female_day_is_male_day_plus_40(
        index in 0..districts().len(),
        date in birth_date(),
        serial in 1u16..=9999,
    ) {
        let district = districts()[index].code.plain();
        let male = format!("{district}{}{serial:04}", ddmmyy(date, 0));
        let female = format!("{district}{}{serial:04}", ddmmyy(date, 40));
        let male = Nik::parse_with(&male, &options(Strictness::Lenient)).unwrap();
        let female = Nik::parse_with(&female, &options(Strictness::Lenient)).unwrap();
        prop_assert_eq!(male.sex(), Sex::Male);
        prop_assert_eq!(female.sex(), Sex::Female);
        prop_assert_eq!(male.birth_date(), female.birth_date());
        prop_assert_eq!(male.district(), female.district());
        prop_assert_eq!(male.serial(), female.serial());
        prop_assert_eq!(male.century_inference(), female.century_inference());
        prop_assert_eq!(male.warnings().collect::<Vec<_>>(), female.warnings().collect::<Vec<_>>());
    }

    /// Days outside 01-31 and 41-71 are refused whatever the rest.
    #[test]
    fn days_outside_both_ranges_are_refused(
        day in prop_oneof![Just(0u32), 32u32..=40, 72u32..=99],
        month in 1u32..=12,
        year in 0u32..100,
        serial in 1u16..=9999,
    ) {
        let input = format!("352701{day:02}{month:02}{year:02}{serial:04}");
        prop_assert_eq!(
            Nik::parse_with(&input, &options(Strictness::Lenient)),
            Err(NikError::InvalidDay { day })
        );
    }

    /// KK: district + recording date (no +40) + serial parse back.
    #[test]
    fn generated_kk_parses_back(
        index in 0..districts().len(),
        date in birth_date(),
        serial in 1u16..=9999,
    ) {
        let district = &districts()[index];
        let input = format!("{}{}{serial:04}", district.code.plain(), ddmmyy(date, 0));
        let kk = Kk::parse_with(&input, &KkOptions::new(reference()).with_strictness(Strictness::Strict)).unwrap();
        prop_assert_eq!(kk.reveal(), input.as_str());
        prop_assert_eq!(kk.recorded_on(), date);
        prop_assert_eq!(kk.serial(), serial);
        prop_assert_eq!(kk.district().code, district.code);
        prop_assert_eq!(kk.warnings().count(), usize::from(district.retired.is_some()));
    }

    /// Phone: e164() and national() re-parse to the same number.
    #[test]
    fn phone_round_trips(
        rest in "[0-9]{8,11}",
        prefix in prop_oneof![Just("0"), Just("62"), Just("+62"), Just("+62 0"), Just("+62-")],
    ) {
        let input = format!("{prefix}8{rest}");
        let phone = PhoneNumber::parse(&input).unwrap();
        prop_assert_eq!(phone.e164(), format!("+628{rest}"));
        prop_assert_eq!(phone.national(), format!("08{rest}"));
        prop_assert_eq!(PhoneNumber::parse(&phone.e164()).unwrap(), phone);
        prop_assert_eq!(PhoneNumber::parse(&phone.national()).unwrap(), phone);
        prop_assert_eq!(PhoneNumber::parse(&phone.to_string()).unwrap(), phone);
        let masked = phone.masked();
        prop_assert!(!masked.contains(&rest));
        let debug = format!("{phone:?}");
        prop_assert!(!debug.contains(&rest));
    }

    /// NPWP: a legacy number with a correct Luhn digit is valid, its formatted form, its
    /// 16-digit form and its NITKU re-parse to the same NPWP; any other check digit fails.
    #[test]
    fn npwp_round_trips(
        payload in "[0-9]{8}",
        office in "[0-9]{3}",
        branch in "[0-9]{3}",
        place in 0u32..1_000_000,
        wrong in 1u32..10,
    ) {
        let check = luhn_digit(&payload);
        let legacy = format!("{payload}{check}{office}{branch}");
        let options = NikOptions::new(reference());
        let npwp = Npwp::parse_with(&legacy, &options).unwrap();
        prop_assert_eq!(npwp.form(), NpwpForm::Legacy15);
        let formatted = npwp.legacy_formatted().unwrap();
        prop_assert_eq!(
            &formatted,
            &format!("{}.{}.{}.{check}-{office}.{branch}", &payload[..2], &payload[2..5], &payload[5..8])
        );
        let again = Npwp::parse_with(&formatted, &options).unwrap();
        prop_assert_eq!(again.reveal_npwp16(), npwp.reveal_npwp16());
        let sixteen = Npwp::parse_with(npwp.reveal_npwp16(), &options).unwrap();
        prop_assert_eq!(sixteen.form(), NpwpForm::Entity16);
        prop_assert_eq!(sixteen.legacy_formatted(), Some(formatted));
        let nitku = format!("{}{place:06}", npwp.reveal_npwp16());
        let with_place = Npwp::parse_with(&nitku, &options).unwrap();
        prop_assert_eq!(with_place.form(), NpwpForm::Nitku22);
        prop_assert_eq!(with_place.place_of_business(), Some(place));
        prop_assert_eq!(with_place.nitku(), nitku);
        let bad = format!("{payload}{}{office}{branch}", (check + wrong) % 10);
        prop_assert_eq!(
            Npwp::parse_with(&bad, &options).unwrap_err().code(),
            "NPWP_INVALID_CHECK_DIGIT"
        );
    }

    /// NOP: the formatted form re-parses to the same digits.
    #[test]
    fn nop_round_trips(digits in "3527[0-9]{14}") {
        if let Ok(nop) = Nop::parse_with(&digits, &NopOptions::sampang_default()) {
            let again = Nop::parse_with(&nop.formatted(), &NopOptions::sampang_default()).unwrap();
            prop_assert_eq!(again.as_str(), digits.as_str());
            prop_assert_eq!(again.details(), nop.details());
        } else {
            // Only a zero kecamatan or kelurahan is refused for Sampang with the hint.
            prop_assert!(&digits[4..7] == "000" || &digits[7..10] == "000");
        }
    }

    /// NIB: any 13 digits, with separators.
    #[test]
    fn nib_round_trips(digits in "[0-9]{13}") {
        let typed = format!(" {}-{} ", &digits[..6], &digits[6..]);
        let nib = Nib::parse(&typed).unwrap();
        prop_assert_eq!(nib.as_str(), digits.as_str());
    }

    /// Region codes: the printed form of every code looks up to the same region.
    #[test]
    fn region_code_round_trips(index in 0..districts().len()) {
        let district = &districts()[index];
        let by_dotted = region::lookup(&district.code.to_string()).unwrap();
        let by_plain = region::lookup(&district.code.plain()).unwrap();
        prop_assert_eq!(&by_dotted, district);
        prop_assert_eq!(&by_plain, district);
        prop_assert_eq!(RegionCode::from_value(RegionLevel::District, district.code.value()).unwrap(), district.code);
    }
}

proptest! {
    // A search scans every name: fewer cases keep the debug build fast.
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_query_panics_region_search(text in nasty_text(), limit in 0usize..50) {
        let hits = region::search(&text, limit);
        prop_assert!(hits.len() <= limit);
        for pair in hits.windows(2) {
            prop_assert!(pair[0].matched <= pair[1].matched);
        }
    }
}
