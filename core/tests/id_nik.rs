//! NIK rules from `spec/identifiers.md`, one test per rule and per code, the peer mistakes the
//! spec lists, masking, pseudonyms and batch validation. Every test uses the fixed reference
//! date 2026-11-29, never the clock.
// clippy.toml's allow-unwrap-in-tests covers #[test] functions only, not their helpers.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use kotacerdas_core::error::Coded;
use kotacerdas_core::id::nik::{
    self, Nik, NikError, NikKind, NikOptions, NikWarning, PseudonymError, Sex,
};
use kotacerdas_core::id::{CenturyInference, Strictness};
use kotacerdas_core::{Date, Lang};

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

/// "Today" for every test.
fn reference() -> Date {
    date(2026, 11, 29)
}

fn lenient() -> NikOptions {
    NikOptions::new(reference())
}

fn strict() -> NikOptions {
    lenient().with_strictness(Strictness::Strict)
}

fn parse(input: &str) -> Result<Nik, NikError> {
    Nik::parse_with(input, &lenient())
}

fn error(input: &str) -> NikError {
    parse(input).unwrap_err()
}

fn warnings(nik: &Nik) -> Vec<NikWarning> {
    nik.warnings().collect()
}

/// Both messages exist, differ, and are real sentences.
fn assert_messages(value: &dyn Coded) {
    let (id, en) = (value.message(Lang::Id), value.message(Lang::En));
    assert!(!id.trim().is_empty(), "{}: empty id message", value.code());
    assert!(!en.trim().is_empty(), "{}: empty en message", value.code());
    assert_ne!(id, en, "{}: id and en messages are the same", value.code());
}

/// The Sampang example: Sreseh (35.27.01), female born 5 January 1990, serial 1.
const SRESEH_WOMAN: &str = "3527014501900001";

// ---------------------------------------------------------------- the parts of a valid NIK

#[test]
fn valid_nik_parts() {
    let nik = parse(SRESEH_WOMAN).unwrap();
    assert_eq!(nik.kind(), NikKind::Nik);
    let province = nik.province().unwrap();
    assert_eq!(province.code.to_string(), "35");
    assert_eq!(province.name, Some("Jawa Timur"));
    let regency = nik.regency().unwrap();
    assert_eq!(regency.code.to_string(), "35.27");
    assert_eq!(regency.name, Some("Kabupaten Sampang"));
    let district = nik.district().unwrap();
    assert_eq!(district.code.to_string(), "35.27.01");
    assert_eq!(district.name, Some("Sreseh"));
    assert!(!district.retired);
    assert_eq!(nik.birth_date(), date(1990, 1, 5));
    assert_eq!(nik.century_inference(), CenturyInference::Previous);
    assert_eq!(nik.sex(), Sex::Female);
    assert_eq!(nik.serial(), 1);
    assert_eq!(nik.nit_codes(), None);
    assert!(warnings(&nik).is_empty());
    assert_eq!(nik.reveal(), SRESEH_WOMAN);
}

#[test]
fn male_days_01_to_31_female_days_41_to_71() {
    for day in 1..=31u32 {
        let male = parse(&format!("352701{day:02}01900001")).unwrap();
        let female = parse(&format!("352701{:02}01900001", day + 40)).unwrap();
        assert_eq!(male.sex(), Sex::Male);
        assert_eq!(female.sex(), Sex::Female);
        assert_eq!(male.birth_date(), date(1990, 1, day));
        assert_eq!(female.birth_date(), male.birth_date());
    }
}

#[test]
fn days_00_32_to_40_and_72_to_99_are_invalid() {
    for day in [0u32, 32, 35, 40, 72, 80, 99] {
        assert_eq!(
            error(&format!("352701{day:02}01900001")),
            NikError::InvalidDay { day },
            "day {day:02}"
        );
    }
}

#[test]
fn months_01_to_12() {
    for month in 1..=12u32 {
        let nik = parse(&format!("35270101{month:02}900001")).unwrap();
        assert_eq!(nik.birth_date(), date(1990, month, 1));
    }
    for month in [0u32, 13, 20, 99] {
        assert_eq!(
            error(&format!("35270101{month:02}900001")),
            NikError::InvalidMonth { month }
        );
    }
}

#[test]
fn date_must_be_a_calendar_date() {
    // 31 April, 30 February, 29 February of a non-leap year (2001 and 1901).
    for nik in ["3527013104900001", "3527013002900001", "3527012902010001"] {
        assert_eq!(error(nik), NikError::InvalidDate {}, "{nik}");
    }
    // The same for women (day + 40).
    assert_eq!(error("3527017104900001"), NikError::InvalidDate {});
    // 29 February of a leap year.
    assert_eq!(
        parse("3527012902960001").unwrap().birth_date(),
        date(1996, 2, 29)
    );
    assert_eq!(
        parse("3527016902240001").unwrap().birth_date(),
        date(2024, 2, 29)
    );
}

#[test]
fn serial_0001_to_9999_and_0000_is_invalid() {
    assert_eq!(parse("3527014501900001").unwrap().serial(), 1);
    assert_eq!(parse("3527014501909999").unwrap().serial(), 9999);
    assert_eq!(parse("3527014501900420").unwrap().serial(), 420);
    assert_eq!(error("3527014501900000"), NikError::InvalidSerial {});
}

#[test]
fn province_must_be_kemendagri_or_99() {
    for province in [0u8, 10, 20, 30, 37, 97, 98] {
        assert_eq!(
            error(&format!("{province:02}27014501900001")),
            NikError::UnknownProvince { province },
            "{province:02}"
        );
    }
    // Every current province is accepted (with a district that exists in it or a warning).
    for region in kotacerdas_core::region::all(kotacerdas_core::region::RegionLevel::Province) {
        let nik = format!("{}01014501900001", region.code.plain());
        assert!(parse(&nik).is_ok(), "{}", region.code);
    }
}

#[test]
fn regency_00_and_70_never_occur() {
    assert_eq!(
        error("3500014501900001"),
        NikError::InvalidRegency { regency: 0 }
    );
    assert_eq!(
        error("3570014501900001"),
        NikError::InvalidRegency { regency: 70 }
    );
    // Kota codes 71-99 are fine: Kota Surabaya is 35.78.
    let surabaya = parse("3578014501900001").unwrap();
    assert_eq!(
        surabaya.regency().unwrap().name,
        Some("Kota Surabaya"),
        "35.78"
    );
}

#[test]
fn district_must_exist_current_or_retired() {
    // Lenient (the default): an unknown district is a warning.
    let nik = parse("3527154501900001").unwrap();
    assert_eq!(
        warnings(&nik),
        [NikWarning::UnknownDistrict { district: 352715 }]
    );
    let district = nik.district().unwrap();
    assert_eq!(district.name, None);
    assert!(!district.retired);
    // Strict: an error.
    assert_eq!(
        Nik::parse_with("3527154501900001", &strict()).unwrap_err(),
        NikError::UnknownDistrict { district: 352715 }
    );
    // A district of an unknown regency as well.
    assert_eq!(
        Nik::parse_with("3569014501900001", &strict()).unwrap_err(),
        NikError::UnknownDistrict { district: 356901 }
    );
    assert!(NikOptions::new(reference()).strictness == Strictness::Lenient);
    assert_eq!(Strictness::default(), Strictness::Lenient);
}

#[test]
fn retired_papua_district_is_accepted_with_a_warning_even_in_strict_mode() {
    // 91.02.03 Kurulu, renumbered 95.01.02 in 2022; old NIKs keep 910203.
    for options in [lenient(), strict()] {
        let nik = Nik::parse_with("9102034501900001", &options).unwrap();
        assert_eq!(
            warnings(&nik),
            [NikWarning::RetiredDistrict { district: 910203 }]
        );
        let district = nik.district().unwrap();
        assert_eq!(district.name, Some("Kurulu"));
        assert!(district.retired);
        // The retired regency code 91.02 resolves too.
        let regency = nik.regency().unwrap();
        assert!(regency.retired);
        assert!(regency.name.is_some());
    }
}

#[test]
fn nit_prefix_99_is_accepted_structurally() {
    // 99 + country 123 + mission 4.
    for options in [lenient(), strict()] {
        let nit = Nik::parse_with("9912344501900001", &options).unwrap();
        assert_eq!(nit.kind(), NikKind::Nit);
        assert_eq!(nit.nit_codes(), Some((123, 4)));
        assert_eq!(nit.province(), None);
        assert_eq!(nit.regency(), None);
        assert_eq!(nit.district(), None);
        assert_eq!(nit.birth_date(), date(1990, 1, 5));
        assert_eq!(nit.sex(), Sex::Female);
        assert!(warnings(&nit).is_empty());
        assert_eq!(nit.masked(), "991234**********");
    }
    // The date and serial rules still apply.
    assert_eq!(error("9912348501900001"), NikError::InvalidDay { day: 85 });
    assert_eq!(error("9912344501900000"), NikError::InvalidSerial {});
    // Region parts 00 are fine for a NIT: it carries a country, not a region.
    assert!(parse("9900004501900001").is_ok());
}

#[test]
fn errors_are_reported_in_the_documented_order() {
    // characters and length, province, regency, district, day, month, date, serial.
    assert_eq!(
        error("1000008513310000"),
        NikError::UnknownProvince { province: 10 }
    );
    assert_eq!(
        error("3500008513310000"),
        NikError::InvalidRegency { regency: 0 }
    );
    assert_eq!(error("3527008513310000"), NikError::InvalidDistrict {});
    assert_eq!(error("3527018513310000"), NikError::InvalidDay { day: 85 });
    assert_eq!(
        error("3527013113310000"),
        NikError::InvalidMonth { month: 13 }
    );
    assert_eq!(error("3527013104310000"), NikError::InvalidDate {});
}

// ---------------------------------------------------------------- century inference

#[test]
fn century_is_20yy_unless_after_the_reference_date() {
    // 2026-11-29 is the reference itself: not after, so 2026.
    let today = parse("3527012911260001").unwrap();
    assert_eq!(today.birth_date(), date(2026, 11, 29));
    assert_eq!(today.century_inference(), CenturyInference::Current);
    // One day later would be in the future: 1926.
    let tomorrow = parse("3527013011260001").unwrap();
    assert_eq!(tomorrow.birth_date(), date(1926, 11, 30));
    assert_eq!(tomorrow.century_inference(), CenturyInference::Previous);
    // 00 is 2000, 99 is 1999.
    assert_eq!(
        parse("3527010101000001").unwrap().birth_date(),
        date(2000, 1, 1)
    );
    assert_eq!(
        parse("3527013112990001").unwrap().birth_date(),
        date(1999, 12, 31)
    );
    // Another reference date changes the answer.
    let options = NikOptions::new(date(2010, 1, 1));
    let nik = Nik::parse_with("3527010101150001", &options).unwrap();
    assert_eq!(nik.birth_date(), date(1915, 1, 1));
}

#[test]
fn leap_day_of_year_00_is_2000() {
    let nik = parse("3527012902000001").unwrap();
    assert_eq!(nik.birth_date(), date(2000, 2, 29));
    assert_eq!(nik.century_inference(), CenturyInference::Current);
    let woman = parse("3527016902000001").unwrap();
    assert_eq!(woman.birth_date(), date(2000, 2, 29));
    // Before 2000-02-29 there is no valid century (1900 was not a leap year): in the future.
    let options = NikOptions::new(date(1999, 12, 31));
    assert_eq!(
        Nik::parse_with("3527012902000001", &options).unwrap_err(),
        NikError::BirthDateInFuture {}
    );
}

#[test]
fn birth_date_after_the_reference_in_both_centuries_is_in_the_future() {
    let options = NikOptions::new(date(1999, 6, 30));
    assert_eq!(
        Nik::parse_with("3527010107990001", &options).unwrap_err(),
        NikError::BirthDateInFuture {}
    );
    // The day before is fine.
    assert_eq!(
        Nik::parse_with("3527013006990001", &options)
            .unwrap()
            .birth_date(),
        date(1999, 6, 30)
    );
}

#[test]
fn known_birth_date_settles_the_century() {
    // Born 1 January 1920: the NIK reads 010120, which alone means 2020.
    let alone = parse("3527010101200001").unwrap();
    assert_eq!(alone.birth_date(), date(2020, 1, 1));
    let options = lenient().with_known_birth_date(date(1920, 1, 1));
    let nik = Nik::parse_with("3527010101200001", &options).unwrap();
    assert_eq!(nik.birth_date(), date(1920, 1, 1));
    assert_eq!(nik.century_inference(), CenturyInference::FromKnownDate);
    assert!(warnings(&nik).is_empty());
    // The same for a woman.
    let options = lenient().with_known_birth_date(date(1920, 1, 1));
    let woman = Nik::parse_with("3527014101200001", &options).unwrap();
    assert_eq!(woman.birth_date(), date(1920, 1, 1));
}

#[test]
fn known_birth_date_mismatch_is_a_warning_not_a_rejection() {
    let options = lenient().with_known_birth_date(date(1990, 1, 6));
    let nik = Nik::parse_with(SRESEH_WOMAN, &options).unwrap();
    assert_eq!(nik.birth_date(), date(1990, 1, 5), "the NIK's own date");
    assert_eq!(nik.century_inference(), CenturyInference::Previous);
    assert_eq!(warnings(&nik), [NikWarning::BirthDateMismatch {}]);
    // Still a mismatch when only the year differs.
    let options = lenient().with_known_birth_date(date(1991, 1, 5));
    let nik = Nik::parse_with(SRESEH_WOMAN, &options).unwrap();
    assert_eq!(warnings(&nik), [NikWarning::BirthDateMismatch {}]);
    // The NIK's own rules still apply.
    assert_eq!(
        Nik::parse_with("3527014513900001", &options).unwrap_err(),
        NikError::InvalidMonth { month: 13 }
    );
}

// ---------------------------------------------------------------- peer mistakes (spec list)

#[test]
fn peer_mistake_bps_codes_instead_of_kemendagri() {
    // Kemendagri 35.27.11 is Sokobanah; BPS 3527110 is Ketapang.
    let nik = parse("3527110101900001").unwrap();
    assert_eq!(nik.district().unwrap().name, Some("Sokobanah"));
    let nik = parse("3527120101900001").unwrap();
    assert_eq!(nik.district().unwrap().name, Some("Ketapang"));
    // Kemendagri 11.01 is Aceh Selatan (BPS: Simeulue); 12.71 is Medan (BPS: Sibolga);
    // 31.71 is Jakarta Pusat (BPS: Jakarta Selatan).
    for (nik, regency) in [
        ("1101014501900001", "Kabupaten Aceh Selatan"),
        ("1271014501900001", "Kota Medan"),
        ("3171014501900001", "Kota Administrasi Jakarta Pusat"),
    ] {
        let parsed = Nik::parse_with(nik, &strict()).unwrap();
        assert_eq!(parsed.regency().unwrap().name, Some(regency), "{nik}");
    }
    // Kemendagri 94 is Papua Tengah now (BPS used 94 for Papua before 2022).
    let nik = parse("9401014501900001").unwrap();
    assert_eq!(nik.province().unwrap().name, Some("Papua Tengah"));
}

#[test]
fn peer_mistake_reading_the_date_as_yymmdd() {
    // DDMMYY 120305 is 12 March 2005, not 5 March 2012.
    let nik = parse("3527011203050001").unwrap();
    assert_eq!(nik.birth_date(), date(2005, 3, 12));
    // 311299 is 31 December 1999; as YYMMDD it would be day 99 and refused.
    let nik = parse("3527013112990001").unwrap();
    assert_eq!(nik.birth_date(), date(1999, 12, 31));
}

#[test]
fn peer_mistake_19yy_tried_first() {
    // 2005 must not be read as 1905.
    let nik = parse("3527010512050001").unwrap();
    assert_eq!(nik.birth_date(), date(2005, 12, 5));
    assert_eq!(nik.century_inference(), CenturyInference::Current);
}

#[test]
fn peer_mistake_accepting_days_81_to_99() {
    for day in 81..=99u32 {
        assert_eq!(
            error(&format!("352701{day:02}01900001")),
            NikError::InvalidDay { day }
        );
    }
}

#[test]
fn peer_mistake_rejecting_prefix_99() {
    let nit = Nik::parse_with("9903600101900001", &strict()).unwrap();
    assert_eq!(nit.kind(), NikKind::Nit);
    assert_eq!(nit.nit_codes(), Some((36, 0)));
}

#[test]
fn peer_mistake_accepting_district_00() {
    assert_eq!(error("3527004501900001"), NikError::InvalidDistrict {});
    assert_eq!(
        Nik::parse_with("3527004501900001", &strict()).unwrap_err(),
        NikError::InvalidDistrict {}
    );
}

#[test]
fn peer_mistake_accepting_serial_0000() {
    assert_eq!(error("3527014501900000"), NikError::InvalidSerial {});
}

#[test]
fn peer_mistake_inventing_a_check_digit() {
    // No check digit exists: every last digit 1-9 of a valid NIK is accepted.
    for last in 1..=9 {
        assert!(parse(&format!("352701450190000{last}")).is_ok());
    }
}

// ---------------------------------------------------------------- input forgiveness

#[test]
fn separators_and_surrounding_whitespace_are_forgiven() {
    for input in [
        "3527.01.450190.0001",
        "3527 01 450190 0001",
        "3527-01-450190-0001",
        "  3527014501900001\t\n",
        "\u{00A0}3527014501900001\u{3000}",
        "35.27.01.45.01.90.0001",
    ] {
        let nik = parse(input).unwrap();
        assert_eq!(nik.reveal(), SRESEH_WOMAN, "{input:?}");
    }
}

#[test]
fn full_width_digits_are_refused_not_mangled() {
    assert_eq!(
        error("３５２７０１４５０１９０００１"),
        NikError::NonAsciiDigit { position: 1 }
    );
    assert_eq!(
        error("352701450190000１"),
        NikError::NonAsciiDigit { position: 16 }
    );
    // Arabic-Indic digits too.
    assert_eq!(
        error("35270145019000٠1"),
        NikError::NonAsciiDigit { position: 15 }
    );
}

#[test]
fn letters_are_refused_with_their_position() {
    assert_eq!(
        error("3527O14501900001"),
        NikError::InvalidCharacter { position: 5 }
    );
    // The position counts leading whitespace, as the person sees the input.
    assert_eq!(
        error("  3527014501900OO1"),
        NikError::InvalidCharacter { position: 16 }
    );
    assert_eq!(
        error("3527/01/450190/0001"),
        NikError::InvalidCharacter { position: 5 }
    );
    assert_eq!(
        error("3527014501900001x"),
        NikError::InvalidCharacter { position: 17 }
    );
}

#[test]
fn empty_and_wrong_length() {
    for input in ["", "   ", " .-. ", "\n"] {
        assert_eq!(error(input), NikError::Empty {}, "{input:?}");
    }
    assert_eq!(
        error("352701450190001"),
        NikError::InvalidLength { found: 15 }
    );
    assert_eq!(
        error("35270145019000011"),
        NikError::InvalidLength { found: 17 }
    );
    assert_eq!(error("3"), NikError::InvalidLength { found: 1 });
}

// ---------------------------------------------------------------- every code

/// One input per error code (lenient unless noted), and the fields it must carry.
fn error_examples() -> Vec<(&'static str, NikOptions, NikError, &'static str)> {
    vec![
        ("", lenient(), NikError::Empty {}, "NIK_EMPTY"),
        (
            "3527-01-45x190-0001",
            lenient(),
            NikError::InvalidCharacter { position: 11 },
            "NIK_INVALID_CHARACTER",
        ),
        (
            "３527014501900001",
            lenient(),
            NikError::NonAsciiDigit { position: 1 },
            "NIK_NON_ASCII_DIGIT",
        ),
        (
            "35270145019000",
            lenient(),
            NikError::InvalidLength { found: 14 },
            "NIK_INVALID_LENGTH",
        ),
        (
            "9827014501900001",
            lenient(),
            NikError::UnknownProvince { province: 98 },
            "NIK_UNKNOWN_PROVINCE",
        ),
        (
            "3570014501900001",
            lenient(),
            NikError::InvalidRegency { regency: 70 },
            "NIK_INVALID_REGENCY",
        ),
        (
            "3527004501900001",
            lenient(),
            NikError::InvalidDistrict {},
            "NIK_INVALID_DISTRICT",
        ),
        (
            "3527994501900001",
            strict(),
            NikError::UnknownDistrict { district: 352799 },
            "NIK_UNKNOWN_DISTRICT",
        ),
        (
            "3527013601900001",
            lenient(),
            NikError::InvalidDay { day: 36 },
            "NIK_INVALID_DAY",
        ),
        (
            "3527014500900001",
            lenient(),
            NikError::InvalidMonth { month: 0 },
            "NIK_INVALID_MONTH",
        ),
        (
            "3527017002900001",
            lenient(),
            NikError::InvalidDate {},
            "NIK_INVALID_DATE",
        ),
        (
            "3527010101990001",
            NikOptions::new(date(1998, 12, 31)),
            NikError::BirthDateInFuture {},
            "NIK_BIRTH_DATE_IN_FUTURE",
        ),
        (
            "3527014501900000",
            lenient(),
            NikError::InvalidSerial {},
            "NIK_INVALID_SERIAL",
        ),
    ]
}

#[test]
fn every_nik_error_code_is_produced_and_explained() {
    let mut seen = BTreeSet::new();
    for (input, options, expected, code) in error_examples() {
        let found = Nik::parse_with(input, &options).unwrap_err();
        assert_eq!(found, expected, "{input:?}");
        assert_eq!(found.code(), code);
        assert_messages(&found);
        // Display carries the code and the English message.
        assert_eq!(
            found.to_string(),
            format!("{code}: {}", found.message(Lang::En))
        );
        seen.insert(code);
    }
    let all: BTreeSet<&str> = NikError::CODES.iter().copied().collect();
    assert_eq!(seen, all, "every NikError code has an example");
    assert_eq!(NikError::CODES.len(), 13);
}

#[test]
fn error_messages_name_their_fields() {
    let found = error("3527019901900001");
    assert_eq!(found.fields(), [("day", "99".to_owned())]);
    assert!(found.message(Lang::En).contains("99"));
    assert!(found.message(Lang::Id).contains("99"));
    let found = error("3527-01-45x190-0001");
    assert_eq!(found.fields(), [("position", "11".to_owned())]);
    assert!(found.message(Lang::Id).contains("11"));
    let found = Nik::parse_with("3527994501900001", &strict()).unwrap_err();
    assert!(found.message(Lang::En).contains("352799"));
    let json = serde_json::to_value(found).unwrap();
    assert_eq!(json["code"], "NIK_UNKNOWN_DISTRICT");
    assert_eq!(json["fields"]["district"], "352799");
    assert!(!json["message_id"].as_str().unwrap().is_empty());
    assert!(!json["message_en"].as_str().unwrap().is_empty());
}

#[test]
fn every_nik_warning_code_is_produced_and_explained() {
    let examples = [
        (
            "9102034501900001",
            lenient(),
            NikWarning::RetiredDistrict { district: 910203 },
            "NIK_RETIRED_DISTRICT",
        ),
        (
            "3527994501900001",
            lenient(),
            NikWarning::UnknownDistrict { district: 352799 },
            "NIK_UNKNOWN_DISTRICT",
        ),
        (
            SRESEH_WOMAN,
            lenient().with_known_birth_date(date(1990, 1, 15)),
            NikWarning::BirthDateMismatch {},
            "NIK_BIRTH_DATE_MISMATCH",
        ),
    ];
    let mut seen = BTreeSet::new();
    for (input, options, expected, code) in examples {
        let nik = Nik::parse_with(input, &options).unwrap();
        assert_eq!(warnings(&nik), [expected]);
        assert_eq!(expected.code(), code);
        assert_messages(&expected);
        seen.insert(code);
    }
    let all: BTreeSet<&str> = NikWarning::CODES.iter().copied().collect();
    assert_eq!(seen, all, "every NikWarning code has an example");
}

#[test]
fn two_warnings_at_once() {
    let options = lenient().with_known_birth_date(date(1980, 1, 5));
    let nik = Nik::parse_with("9102034501900001", &options).unwrap();
    assert_eq!(
        warnings(&nik),
        [
            NikWarning::RetiredDistrict { district: 910203 },
            NikWarning::BirthDateMismatch {}
        ]
    );
}

// ---------------------------------------------------------------- masking

#[test]
fn masking_never_shows_the_whole_number() {
    let options = lenient().with_known_birth_date(date(1990, 1, 6));
    for input in [
        SRESEH_WOMAN,
        "9912344501900001",
        "9102034501900001",
        "3527994501909999",
    ] {
        let nik = Nik::parse_with(input, &options).unwrap();
        let whole = nik.reveal().to_owned();
        assert_eq!(whole, input);
        assert_eq!(nik.masked(), format!("{}**********", &input[..6]));
        for shown in [
            format!("{nik:?}"),
            format!("{nik:#?}"),
            nik.to_string(),
            nik.masked(),
            format!("{:?}", nik.details()),
            serde_json::to_string(&nik.details()).unwrap(),
            format!("{:?}", Nik::parse_with(input, &options)),
        ] {
            assert!(!shown.contains(&whole), "{shown}");
            // Neither the date block nor the serial appears next to the region.
            assert!(!shown.contains(&input[..12]), "{shown}");
        }
    }
    let nik = parse(SRESEH_WOMAN).unwrap();
    assert_eq!(format!("{nik:?}"), "Nik(352701**********)");
    assert_eq!(nik.to_string(), "352701**********");
}

#[test]
fn details_serialize_the_documented_fields() {
    let nik = parse(SRESEH_WOMAN).unwrap();
    let json = serde_json::to_value(nik.details()).unwrap();
    assert_eq!(json["kind"], "nik");
    assert_eq!(json["province"]["code"], "35");
    assert_eq!(json["province"]["name"], "Jawa Timur");
    assert_eq!(json["regency"]["code"], "35.27");
    assert_eq!(json["district"]["code"], "35.27.01");
    assert_eq!(json["district"]["name"], "Sreseh");
    assert_eq!(json["district"]["retired"], false);
    assert_eq!(json["birth_date"], "1990-01-05");
    assert_eq!(json["century_inference"], "previous");
    assert_eq!(json["sex"], "female");
    assert_eq!(json["serial"], "0001");
    assert_eq!(json["masked"], "352701**********");
    assert_eq!(json["warnings"], serde_json::json!([]));

    let nit = parse("9912344501900001").unwrap();
    let json = serde_json::to_value(nit.details()).unwrap();
    assert_eq!(json["kind"], "nit");
    assert_eq!(json["nit_country_code"], "123");
    assert_eq!(json["nit_mission_code"], 4);
    assert!(json["district"].is_null());

    let retired = parse("9102034501900001").unwrap();
    let json = serde_json::to_value(retired.details()).unwrap();
    assert_eq!(json["district"]["retired"], true);
    assert_eq!(json["warnings"][0]["code"], "NIK_RETIRED_DISTRICT");
}

// ---------------------------------------------------------------- pseudonym

const KEY: &[u8; 32] = b"kotacerdas-test-key-0123456789ab";
const OTHER_KEY: &[u8; 32] = b"another-key-of-32-bytes-length!!";

#[test]
fn pseudonym_is_hmac_sha256_deterministic_per_key() {
    let nik = parse(SRESEH_WOMAN).unwrap();
    // Computed independently (Python hmac, SHA-256, message "kotacerdas:nik:v1:" + NIK).
    let expected = "ea16204f9339984d9d7b66f37d653ab7b7016c6dafec3642b44624823ddc122e";
    assert_eq!(nik.pseudonym(KEY).unwrap(), expected);
    assert_eq!(nik.pseudonym(KEY).unwrap(), expected, "deterministic");
    // The same NIK typed differently gives the same pseudonym.
    let typed = parse(" 3527.01.450190.0001 ").unwrap();
    assert_eq!(typed.pseudonym(KEY).unwrap(), expected);
    // Another key, another pseudonym.
    let other = nik.pseudonym(OTHER_KEY).unwrap();
    assert_eq!(
        other,
        "897b17d44491efa37af0ba65c5372d20dc667cacf407851bcd3313d8b32377ec"
    );
    assert_ne!(other, expected);
    // Another NIK, another pseudonym.
    let neighbour = parse("3527014501900002").unwrap();
    assert_ne!(neighbour.pseudonym(KEY).unwrap(), expected);
    assert!(!expected.contains(SRESEH_WOMAN));
}

#[test]
fn pseudonym_key_too_short() {
    let nik = parse(SRESEH_WOMAN).unwrap();
    let found = nik.pseudonym(&[7u8; 15]).unwrap_err();
    assert_eq!(
        found,
        PseudonymError::KeyTooShort {
            minimum: 16,
            found: 15
        }
    );
    assert_eq!(found.code(), "PSEUDONYM_KEY_TOO_SHORT");
    assert_messages(&found);
    assert_eq!(
        nik.pseudonym(b"").unwrap_err(),
        PseudonymError::KeyTooShort {
            minimum: 16,
            found: 0
        }
    );
    assert_eq!(nik.pseudonym(&[7u8; 16]).unwrap().len(), 64);
    assert_eq!(PseudonymError::CODES, ["PSEUDONYM_KEY_TOO_SHORT"]);
}

// ---------------------------------------------------------------- batch

#[test]
fn validate_many_keeps_order_and_counts_by_code() {
    let inputs = [
        SRESEH_WOMAN,
        "3527018101900001",
        "9102034501900001",
        "",
        "3527994501900001",
        "3527014501900000",
        "3527019901900001",
    ];
    let batch = nik::validate_many(inputs, &lenient());
    assert_eq!(batch.results.len(), inputs.len());
    for (input, result) in inputs.iter().zip(&batch.results) {
        assert_eq!(*result, Nik::parse_with(input, &lenient()), "{input:?}");
    }
    let summary = &batch.summary;
    assert_eq!(summary.total, 7);
    assert_eq!(summary.valid, 3);
    assert_eq!(summary.invalid, 4);
    assert_eq!(summary.with_warnings, 2);
    let errors: BTreeMap<&str, u64> = [
        ("NIK_EMPTY", 1),
        ("NIK_INVALID_DAY", 2),
        ("NIK_INVALID_SERIAL", 1),
    ]
    .into();
    assert_eq!(summary.errors(), errors);
    let warnings: BTreeMap<&str, u64> =
        [("NIK_RETIRED_DISTRICT", 1), ("NIK_UNKNOWN_DISTRICT", 1)].into();
    assert_eq!(summary.warnings(), warnings);

    // Strict mode moves the unknown district from warnings to errors.
    let batch = nik::validate_many(inputs, &strict());
    assert_eq!(batch.summary.errors()["NIK_UNKNOWN_DISTRICT"], 1);
    assert!(
        !batch
            .summary
            .warnings()
            .contains_key("NIK_UNKNOWN_DISTRICT")
    );

    let empty = nik::validate_many([], &lenient());
    assert!(empty.results.is_empty());
    assert_eq!(empty.summary, nik::NikSummary::default());
}

#[test]
fn validate_lines_handles_crlf_blank_lines_and_final_newline() {
    let buffer = "3527014501900001\r\n3527018101900001\n\n 3527.01.450190.0002 \r\n";
    let batch = nik::validate_lines(buffer, &lenient());
    assert_eq!(batch.results.len(), 4, "the final newline adds no item");
    assert_eq!(batch.results[0].unwrap().reveal(), SRESEH_WOMAN);
    assert_eq!(
        batch.results[1],
        Err(NikError::InvalidDay { day: 81 }),
        "\\r\\n is not part of the line"
    );
    assert_eq!(batch.results[2], Err(NikError::Empty {}), "blank line kept");
    assert_eq!(batch.results[3].unwrap().serial(), 2);
    assert_eq!(batch.summary.total, 4);
    assert_eq!(batch.summary.valid, 2);
    assert_eq!(batch.summary.invalid, 2);
    assert_eq!(batch.summary.errors()["NIK_EMPTY"], 1);
    assert_eq!(batch.summary.errors()["NIK_INVALID_DAY"], 1);

    // Without a final newline: the same items.
    let batch = nik::validate_lines(buffer.trim_end(), &lenient());
    assert_eq!(batch.results.len(), 4);
    assert_eq!(batch.summary.valid, 2);

    // Empty buffer: nothing. A lone newline: one blank line.
    assert!(nik::validate_lines("", &lenient()).results.is_empty());
    let lines: Vec<&str> = nik::lines("a\r\nb\n\nc").collect();
    assert_eq!(lines, ["a", "b", "", "c"]);
    let lines: Vec<&str> = nik::lines("a\n").collect();
    assert_eq!(lines, ["a"]);
    let lines: Vec<&str> = nik::lines("a\r\n\r\n").collect();
    assert_eq!(lines, ["a", ""]);
}

/// `nik::lines` scans eight bytes at a time: it must split exactly like `split('\n')` minus a
/// final empty item and each line's last `\r`, wherever the newlines fall in a word.
#[test]
fn lines_split_like_split_newline_at_every_offset() {
    let reference = |buffer: &str| -> Vec<String> {
        if buffer.is_empty() {
            return Vec::new();
        }
        let body = buffer.strip_suffix('\n').unwrap_or(buffer);
        body.split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_owned())
            .collect()
    };
    // Every buffer of up to 5 symbols from a small alphabet (with multi-byte characters and
    // bytes close to '\n': 0x0b, 0x09), each symbol repeated to move it across word edges.
    let alphabet = ["1", "\n", "\r", "\u{b}\t", "é", "3527014501900001"];
    let mut buffers = vec![String::new()];
    for _ in 0..5 {
        let mut next = Vec::new();
        for buffer in &buffers {
            for symbol in alphabet {
                next.push(format!("{buffer}{symbol}"));
            }
        }
        buffers.extend(next.iter().cloned());
        buffers.sort();
        buffers.dedup();
    }
    assert!(buffers.len() > 5000);
    for buffer in &buffers {
        let lines: Vec<&str> = nik::lines(buffer).collect();
        assert_eq!(lines, reference(buffer), "{buffer:?}");
    }
}

#[test]
fn summary_serializes_counts_by_code() {
    let batch = nik::validate_lines("3527018101900001\n\n", &lenient());
    let json = serde_json::to_value(&batch.summary).unwrap();
    assert_eq!(json["total"], 2);
    assert_eq!(json["invalid"], 2);
    assert_eq!(json["errors"]["NIK_INVALID_DAY"], 1);
    assert_eq!(json["errors"]["NIK_EMPTY"], 1);
}

#[test]
fn warning_bits_match_the_warnings() {
    let options = NikOptions::new(Date::new(2026, 11, 29).unwrap())
        .with_known_birth_date(Date::new(1990, 1, 6).unwrap());
    // Current district with a birth-date mismatch; an unknown district (35.27.99); and a
    // retired Papua district, without and with a known birth date.
    for nik in ["3527014501900001", "3527994501900001", "9101014501900001"] {
        for options in [options, NikOptions::new(Date::new(2026, 11, 29).unwrap())] {
            let Ok(parsed) = Nik::parse_with(nik, &options) else {
                continue;
            };
            let expected = parsed
                .warnings()
                .fold(0u8, |bits, warning| bits | (1 << warning.ordinal()));
            assert_eq!(parsed.warning_bits(), expected, "{nik}");
        }
    }
}
