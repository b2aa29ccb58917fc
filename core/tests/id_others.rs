//! KK, NOP PBB-P2, NPWP, NIB and phone numbers per `spec/identifiers.md`: the rules and every
//! error and warning code of each type. Fixed reference date 2026-11-29.
// clippy.toml's allow-unwrap-in-tests covers #[test] functions only, not their helpers.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use kotacerdas_core::error::Coded;
use kotacerdas_core::id::kk::{Kk, KkError, KkOptions, KkWarning};
use kotacerdas_core::id::nib::{Nib, NibError};
use kotacerdas_core::id::nik::NikOptions;
use kotacerdas_core::id::nop::{
    Nop, NopError, NopOptions, NopWarning, SismiopTable, SismiopTableError,
};
use kotacerdas_core::id::npwp::{Npwp, NpwpError, NpwpForm};
use kotacerdas_core::id::phone::{PhoneError, PhoneNumber};
use kotacerdas_core::id::{CenturyInference, Strictness};
use kotacerdas_core::region::RegionCode;
use kotacerdas_core::{Date, Lang};

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn reference() -> Date {
    date(2026, 11, 29)
}

fn assert_messages(value: &dyn Coded) {
    let (id, en) = (value.message(Lang::Id), value.message(Lang::En));
    assert!(!id.trim().is_empty(), "{}: empty id message", value.code());
    assert!(!en.trim().is_empty(), "{}: empty en message", value.code());
    assert_ne!(id, en, "{}: id and en messages are the same", value.code());
}

/// Checks that `examples` produce exactly the codes of `all`, each with sound messages.
fn assert_all_codes<T: Coded>(examples: &[T], all: &[&str]) {
    let mut seen = BTreeSet::new();
    for example in examples {
        assert_messages(example);
        seen.insert(example.code());
    }
    let all: BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(seen, all);
}

// ---------------------------------------------------------------- KK

fn kk(input: &str) -> Result<Kk, KkError> {
    Kk::parse_with(input, &KkOptions::new(reference()))
}

fn kk_strict(input: &str) -> Result<Kk, KkError> {
    Kk::parse_with(
        input,
        &KkOptions::new(reference()).with_strictness(Strictness::Strict),
    )
}

#[test]
fn kk_valid_parts() {
    let card = kk("3527.01.120315.0042").unwrap();
    assert_eq!(card.reveal(), "3527011203150042");
    let district = card.district();
    assert_eq!(district.code.to_string(), "35.27.01");
    assert_eq!(district.name, Some("Sreseh"));
    assert_eq!(card.recorded_on(), date(2015, 3, 12), "DDMMYY, not YYMMDD");
    assert_eq!(card.century_inference(), CenturyInference::Current);
    assert_eq!(card.serial(), 42);
    assert_eq!(card.warnings().count(), 0);
    // The recording date century follows the NIK rule.
    let old = kk("3527010101850001").unwrap();
    assert_eq!(old.recorded_on(), date(1985, 1, 1));
    assert_eq!(old.century_inference(), CenturyInference::Previous);
}

#[test]
fn kk_date_has_no_plus_40() {
    assert_eq!(kk("3527014503150001").unwrap_err(), KkError::InvalidDate {});
    assert_eq!(kk("3527010003150001").unwrap_err(), KkError::InvalidDate {});
}

#[test]
fn kk_is_masked() {
    let card = kk("3527011203150042").unwrap();
    assert_eq!(card.masked(), "352701**********");
    assert_eq!(format!("{card:?}"), "Kk(352701**********)");
    assert_eq!(card.to_string(), "352701**********");
    let json = serde_json::to_string(&card.details()).unwrap();
    assert!(!json.contains("3527011203150042"));
    let value = serde_json::to_value(card.details()).unwrap();
    assert_eq!(value["recorded_on"], "2015-03-12");
    assert_eq!(value["serial"], "0042");
    assert_eq!(value["district"]["name"], "Sreseh");
}

#[test]
fn kk_every_code() {
    let errors = [
        (kk(" ").unwrap_err(), KkError::Empty {}),
        (
            kk("3527011203150O42").unwrap_err(),
            KkError::InvalidCharacter { position: 14 },
        ),
        (
            kk("3527011203150０42").unwrap_err(),
            KkError::NonAsciiDigit { position: 14 },
        ),
        (
            kk("35270112031500420").unwrap_err(),
            KkError::InvalidLength { found: 17 },
        ),
        (
            kk("9912341203150042").unwrap_err(),
            KkError::UnknownProvince { province: 99 },
        ),
        (
            kk("3570011203150042").unwrap_err(),
            KkError::InvalidRegency { regency: 70 },
        ),
        (
            kk("3527001203150042").unwrap_err(),
            KkError::InvalidDistrict {},
        ),
        (
            kk_strict("3527151203150042").unwrap_err(),
            KkError::UnknownDistrict { district: 352715 },
        ),
        (
            kk("3527011213150042").unwrap_err(),
            KkError::InvalidMonth { month: 13 },
        ),
        (kk("3527013102150042").unwrap_err(), KkError::InvalidDate {}),
        (
            Kk::parse_with("3527010107990042", &KkOptions::new(date(1999, 6, 30))).unwrap_err(),
            KkError::DateInFuture {},
        ),
        (
            kk("3527011203150000").unwrap_err(),
            KkError::InvalidSerial {},
        ),
    ];
    for (found, expected) in &errors {
        assert_eq!(found, expected);
    }
    let found: Vec<KkError> = errors.iter().map(|(found, _)| *found).collect();
    assert_all_codes(&found, KkError::CODES);

    let retired: Vec<KkWarning> = kk_strict("9102031203150042").unwrap().warnings().collect();
    assert_eq!(retired, [KkWarning::RetiredDistrict { district: 910203 }]);
    let unknown: Vec<KkWarning> = kk("3527151203150042").unwrap().warnings().collect();
    assert_eq!(unknown, [KkWarning::UnknownDistrict { district: 352715 }]);
    assert_all_codes(&[retired[0], unknown[0]], KkWarning::CODES);
}

// ---------------------------------------------------------------- NOP

fn sampang() -> NopOptions {
    NopOptions::sampang_default()
}

fn nop_codes(nop: &Nop) -> Vec<&'static str> {
    nop.warnings().iter().map(|w| w.code()).collect()
}

/// A verified table for Sampang with kelurahan data (test data, not BPPKAD's real table).
fn verified_table() -> SismiopTable {
    let csv = "kecamatan,kelurahan,name\n\
               010,,Sreseh\n\
               010,001,Labuhan\n\
               010,002,Noreh\n\
               \n\
               030,,Sampang\n\
               030,001,Polagan\n";
    SismiopTable::from_csv(RegionCode::parse("35.27").unwrap(), true, "test table", csv).unwrap()
}

fn verified() -> NopOptions {
    NopOptions {
        strictness: Strictness::Lenient,
        references: vec![verified_table()],
    }
}

#[test]
fn nop_sampang_default_is_an_unverified_bps_hint() {
    let nop = Nop::parse_with("35.27.010.001.001-0001.0", &sampang()).unwrap();
    assert_eq!(nop.as_str(), "352701000100100010");
    assert_eq!(nop.formatted(), "35.27.010.001.001-0001.0");
    assert_eq!(nop.to_string(), "35.27.010.001.001-0001.0");
    // Findings are warnings only, and the table is labelled unverified.
    assert_eq!(nop_codes(&nop), ["NOP_REFERENCE_UNVERIFIED"]);
    let details = nop.details();
    assert_eq!(details.kecamatan_name.as_deref(), Some("Sreseh"));
    assert_eq!(details.kelurahan_name, None, "the hint has no kelurahan");
    assert_eq!(details.regency_name, Some("Kabupaten Sampang"));
    assert_eq!(
        (
            details.province.as_str(),
            details.regency.as_str(),
            details.kecamatan.as_str(),
            details.kelurahan.as_str(),
            details.block.as_str(),
            details.serial.as_str(),
            details.special_code.as_str()
        ),
        ("35", "27", "010", "001", "001", "0001", "0")
    );
    let hint = SismiopTable::sampang_bps_hint();
    assert!(!hint.verified());
    assert!(hint.source().contains("unverified"));

    // BPS order: NOP kecamatan 110 is Ketapang and 120 Sokobanah (Kemendagri 12 and 11).
    let nop = Nop::parse_with("352711000100100010", &sampang()).unwrap();
    assert_eq!(nop.details().kecamatan_name.as_deref(), Some("Ketapang"));
    let nop = Nop::parse_with("352712000100100010", &sampang()).unwrap();
    assert_eq!(nop.details().kecamatan_name.as_deref(), Some("Sokobanah"));
    // A kecamatan missing from the hint is only a warning.
    let nop = Nop::parse_with("352715000100100010", &sampang()).unwrap();
    assert_eq!(
        nop.warnings(),
        [
            NopWarning::KecamatanNotInReference {
                kecamatan: "150".to_owned()
            },
            NopWarning::ReferenceUnverified {}
        ]
    );
}

#[test]
fn nop_custom_verified_table_makes_findings_errors() {
    let options = verified();
    let nop = Nop::parse_with("35.27.010.002.005-0017.0", &options).unwrap();
    assert!(nop.warnings().is_empty());
    let details = nop.details();
    assert_eq!(details.kecamatan_name.as_deref(), Some("Sreseh"));
    assert_eq!(details.kelurahan_name.as_deref(), Some("Noreh"));
    assert_eq!(
        Nop::parse_with("35.27.020.001.001-0001.0", &options).unwrap_err(),
        NopError::UnknownKecamatan {
            kecamatan: "020".to_owned()
        }
    );
    assert_eq!(
        Nop::parse_with("35.27.030.002.001-0001.0", &options).unwrap_err(),
        NopError::UnknownKelurahan {
            kelurahan: "030.002".to_owned()
        }
    );
    // A verified table without kelurahan rows checks kecamatan only.
    let table = SismiopTable::from_csv(
        RegionCode::parse("3527").unwrap(),
        true,
        "kecamatan only",
        "kecamatan,kelurahan,name\n010,,Sreseh\n",
    )
    .unwrap();
    assert!(table.verified());
    assert_eq!(table.source(), "kecamatan only");
    let options = NopOptions {
        strictness: Strictness::Lenient,
        references: vec![table],
    };
    assert!(Nop::parse_with("352701099900100010", &options).is_ok());
}

#[test]
fn nop_regency_without_reference_and_unknown_regency() {
    // Kabupaten Pamekasan (35.28): no table given.
    let nop = Nop::parse_with("352801000100100010", &sampang()).unwrap();
    assert_eq!(nop_codes(&nop), ["NOP_NO_REFERENCE"]);
    assert_eq!(
        nop.details().regency_name,
        Some("Kabupaten Pamekasan"),
        "Kemendagri name"
    );
    // 35.69 does not exist: a warning in lenient mode, an error in strict mode.
    let nop = Nop::parse_with("356901000100100010", &sampang()).unwrap();
    assert_eq!(
        nop.warnings(),
        [
            NopWarning::UnknownRegency {
                regency: "35.69".to_owned()
            },
            NopWarning::NoReference {}
        ]
    );
    let strict = NopOptions {
        strictness: Strictness::Strict,
        ..sampang()
    };
    assert_eq!(
        Nop::parse_with("356901000100100010", &strict).unwrap_err(),
        NopError::UnknownRegency {
            regency: "35.69".to_owned()
        }
    );
}

#[test]
fn nop_special_code() {
    for j in [0, 7, 9] {
        let nop = Nop::parse_with(&format!("35270100010010001{j}"), &verified()).unwrap();
        assert!(nop.warnings().is_empty(), "J = {j}");
    }
    let nop = Nop::parse_with("352701000100100015", &verified()).unwrap();
    assert_eq!(nop.warnings(), [NopWarning::UnusualSpecialCode { code: 5 }]);
}

#[test]
fn nop_every_code() {
    let parse = |input: &str| Nop::parse_with(input, &verified()).unwrap_err();
    let errors = [
        (parse(""), NopError::Empty {}),
        (
            parse("35.27.010.00l.001-0001.0"),
            NopError::InvalidCharacter { position: 13 },
        ),
        (
            parse("35.27.010.001.001-0001.０"),
            NopError::NonAsciiDigit { position: 24 },
        ),
        (
            parse("35.27.010.001.001-0001"),
            NopError::InvalidLength { found: 17 },
        ),
        (
            parse("98.27.010.001.001-0001.0"),
            NopError::UnknownProvince { province: 98 },
        ),
        (
            Nop::parse_with(
                "35.69.010.001.001-0001.0",
                &NopOptions {
                    strictness: Strictness::Strict,
                    references: Vec::new(),
                },
            )
            .unwrap_err(),
            NopError::UnknownRegency {
                regency: "35.69".to_owned(),
            },
        ),
        (parse("35.27.000.001.001-0001.0"), NopError::ZeroArea {}),
        (parse("35.27.010.000.001-0001.0"), NopError::ZeroArea {}),
        (
            parse("35.27.990.001.001-0001.0"),
            NopError::UnknownKecamatan {
                kecamatan: "990".to_owned(),
            },
        ),
        (
            parse("35.27.010.003.001-0001.0"),
            NopError::UnknownKelurahan {
                kelurahan: "010.003".to_owned(),
            },
        ),
    ];
    for (found, expected) in &errors {
        assert_eq!(found, expected);
    }
    let found: Vec<NopError> = errors.into_iter().map(|(found, _)| found).collect();
    assert_all_codes(&found, NopError::CODES);

    let mut warnings = Vec::new();
    for (input, options) in [
        ("356901000100100010", NopOptions::default()),
        ("352715000100100015", sampang()),
    ] {
        warnings.extend(
            Nop::parse_with(input, &options)
                .unwrap()
                .warnings()
                .iter()
                .cloned(),
        );
    }
    assert_all_codes(&warnings, NopWarning::CODES);
}

#[test]
fn sismiop_table_invalid_lines() {
    let regency = RegionCode::parse("35.27").unwrap();
    for (csv, line) in [
        ("kecamatan,kelurahan,name\n10,,Sreseh\n", 2),
        ("kecamatan,kelurahan,name\n010,,Sreseh\n010,1,Labuhan\n", 3),
        ("kecamatan,kelurahan,name\n010,,Sreseh\nno commas here\n", 3),
        ("kecamatan,kelurahan,name\n0a0,,Sreseh\n", 2),
        ("kecamatan,kelurahan,name\n010\n", 2),
    ] {
        let found = SismiopTable::from_csv(regency, true, "test", csv).unwrap_err();
        assert_eq!(found, SismiopTableError::InvalidLine { line }, "{csv:?}");
        assert_eq!(found.code(), "SISMIOP_TABLE_INVALID_LINE");
        assert_messages(&found);
    }
    assert_eq!(
        SismiopTableError::CODES,
        ["SISMIOP_TABLE_NOT_A_REGENCY", "SISMIOP_TABLE_INVALID_LINE"]
    );
    let district = RegionCode::parse("35.27.01").unwrap();
    let refused =
        SismiopTable::from_csv(district, true, "test", "kecamatan,kelurahan,name\n").unwrap_err();
    assert_eq!(refused, SismiopTableError::NotARegency {});
}

// ---------------------------------------------------------------- NPWP

fn npwp(input: &str) -> Result<Npwp, NpwpError> {
    Npwp::parse_with(input, &NikOptions::new(reference()))
}

#[test]
fn npwp_legacy_15_digits_with_luhn() {
    let valid = npwp("01.451.869.0-054.000").unwrap();
    assert_eq!(valid.form(), NpwpForm::Legacy15);
    assert_eq!(valid.reveal_npwp16(), "0014518690054000");
    assert_eq!(
        valid.legacy_formatted().as_deref(),
        Some("01.451.869.0-054.000")
    );
    assert_eq!(valid.tax_office(), Some("054"));
    assert_eq!(valid.branch(), Some("000"));
    assert_eq!(valid.nitku(), "0014518690054000000000");
    assert_eq!(valid.place_of_business(), None);
    assert!(valid.nik().is_none());
    assert_eq!(
        npwp("01.451.869.7-054.000").unwrap_err(),
        NpwpError::InvalidCheckDigit {}
    );
    // Every other check digit fails too; tax office and branch are not covered by the check.
    for c in (0..=9).filter(|&c| c != 0) {
        assert_eq!(
            npwp(&format!("01451869{c}054000")).unwrap_err(),
            NpwpError::InvalidCheckDigit {},
            "{c}"
        );
    }
    assert!(npwp("014518690999123").is_ok());
}

#[test]
fn npwp_16_digit_entity_is_0_plus_legacy() {
    let entity = npwp("0014518690054000").unwrap();
    assert_eq!(entity.form(), NpwpForm::Entity16);
    assert_eq!(
        entity.legacy_formatted().as_deref(),
        Some("01.451.869.0-054.000")
    );
    assert_eq!(entity.masked(), "0014518690054000");
    assert_eq!(
        npwp("0014518697054000").unwrap_err(),
        NpwpError::InvalidCheckDigit {}
    );
}

#[test]
fn npwp_16_digit_nik_is_checked_as_a_nik_and_masked() {
    let personal = npwp("3527014501900001").unwrap();
    assert_eq!(personal.form(), NpwpForm::Nik16);
    assert_eq!(personal.nik().unwrap().reveal(), "3527014501900001");
    assert_eq!(personal.legacy_formatted(), None);
    assert_eq!(personal.tax_office(), None);
    assert_eq!(personal.masked(), "352701**********");
    for shown in [format!("{personal:?}"), personal.to_string()] {
        assert!(!shown.contains("3527014501900001"), "{shown}");
    }
    let found = npwp("3527018101900001").unwrap_err();
    assert_eq!(
        found,
        NpwpError::InvalidNik {
            nik_code: "NIK_INVALID_DAY"
        }
    );
    assert!(found.message(Lang::En).contains("NIK_INVALID_DAY"));
}

#[test]
fn npwp_22_digit_nitku() {
    let branch = npwp("0014518690054000-000123").unwrap();
    assert_eq!(branch.form(), NpwpForm::Nitku22);
    assert_eq!(branch.place_of_business(), Some(123));
    assert_eq!(branch.nitku(), "0014518690054000000123");
    assert_eq!(branch.reveal_npwp16(), "0014518690054000");
    let head = npwp("0014518690054000000000").unwrap();
    assert_eq!(head.place_of_business(), Some(0));
    let personal = npwp("3527014501900001000000").unwrap();
    assert_eq!(personal.form(), NpwpForm::Nitku22);
    assert!(personal.nik().is_some());
    assert!(!format!("{personal:?}").contains("3527014501900001"));
    assert_eq!(
        npwp("0014518697054000000000").unwrap_err(),
        NpwpError::InvalidCheckDigit {}
    );
    assert_eq!(
        npwp("3527018101900001000000").unwrap_err(),
        NpwpError::InvalidNik {
            nik_code: "NIK_INVALID_DAY"
        }
    );
}

#[test]
fn npwp_every_code() {
    let errors = [
        (npwp(" -. ").unwrap_err(), NpwpError::Empty {}),
        (
            npwp("01.451.869.0/054.000").unwrap_err(),
            NpwpError::InvalidCharacter { position: 13 },
        ),
        (
            npwp("０1.451.869.0-054.000").unwrap_err(),
            NpwpError::NonAsciiDigit { position: 1 },
        ),
        (
            npwp("01.451.869.0-054.00").unwrap_err(),
            NpwpError::InvalidLength { found: 14 },
        ),
        (
            npwp("01451869005400012").unwrap_err(),
            NpwpError::InvalidLength { found: 17 },
        ),
        (
            npwp("001451869005400000012").unwrap_err(),
            NpwpError::InvalidLength { found: 21 },
        ),
        (
            npwp("00145186900540000000123").unwrap_err(),
            NpwpError::InvalidLength { found: 23 },
        ),
        (
            npwp("01.451.869.7-054.000").unwrap_err(),
            NpwpError::InvalidCheckDigit {},
        ),
        (
            npwp("3527014501900000").unwrap_err(),
            NpwpError::InvalidNik {
                nik_code: "NIK_INVALID_SERIAL",
            },
        ),
    ];
    for (found, expected) in &errors {
        assert_eq!(found, expected);
    }
    let found: Vec<NpwpError> = errors.iter().map(|(found, _)| *found).collect();
    assert_all_codes(&found, NpwpError::CODES);
}

// ---------------------------------------------------------------- NIB

#[test]
fn nib_is_13_digits() {
    let nib = Nib::parse(" 9120-0012-3456-7 ").unwrap();
    assert_eq!(nib.as_str(), "9120001234567");
    assert_eq!(nib.to_string(), "9120001234567");
    assert_eq!(format!("{nib:?}"), "Nib(9120001234567)");
    let errors = [
        (Nib::parse("").unwrap_err(), NibError::Empty {}),
        (
            Nib::parse("912000123456X").unwrap_err(),
            NibError::InvalidCharacter { position: 13 },
        ),
        (
            Nib::parse("９120001234567").unwrap_err(),
            NibError::NonAsciiDigit { position: 1 },
        ),
        (
            Nib::parse("912000123456").unwrap_err(),
            NibError::InvalidLength { found: 12 },
        ),
        (
            Nib::parse("91200012345678").unwrap_err(),
            NibError::InvalidLength { found: 14 },
        ),
    ];
    for (found, expected) in &errors {
        assert_eq!(found, expected);
    }
    let found: Vec<NibError> = errors.iter().map(|(found, _)| *found).collect();
    assert_all_codes(&found, NibError::CODES);
}

// ---------------------------------------------------------------- phone

#[test]
fn phone_forms_normalise_to_e164() {
    for input in [
        "081234567890",
        "0812-3456-7890",
        "6281234567890",
        "62 812 3456 7890",
        "+6281234567890",
        "+62 812-3456-7890",
        "+62 0812 3456 7890",
        "(0812) 3456 7890",
        "  0812.3456.7890 ",
        "(+62) 812 3456 7890",
        "0062 812 3456 7890",
    ] {
        let phone = PhoneNumber::parse(input).unwrap();
        assert_eq!(phone.e164(), "+6281234567890", "{input:?}");
        assert_eq!(phone.national(), "081234567890", "{input:?}");
        assert_eq!(phone.to_string(), "+6281234567890");
    }
}

#[test]
fn phone_lengths_10_to_13_in_the_08_form() {
    for (input, e164) in [
        ("0812345678", "+62812345678"),
        ("08123456789", "+628123456789"),
        ("081234567890", "+6281234567890"),
        ("0812345678901", "+62812345678901"),
        ("+62812345678", "+62812345678"),
        ("62812345678901", "+62812345678901"),
    ] {
        assert_eq!(PhoneNumber::parse(input).unwrap().e164(), e164, "{input}");
    }
    for (input, found) in [
        ("081234567", 9),
        ("08123", 5),
        ("08123456789012", 14),
        ("+62812345678901234", 16),
        ("+6281234567", 9),
        ("+62 0812 3456 7890 1234", 16),
    ] {
        assert_eq!(
            PhoneNumber::parse(input).unwrap_err(),
            PhoneError::InvalidLength { found },
            "{input}"
        );
    }
}

#[test]
fn phone_is_masked_in_debug() {
    let phone = PhoneNumber::parse("081234567890").unwrap();
    assert_eq!(phone.masked(), "+62812****7890");
    let debug = format!("{phone:?}");
    assert!(!debug.contains("81234567890"), "{debug}");
    assert_eq!(debug, "PhoneNumber(+62812****7890)");
}

#[test]
fn phone_every_code() {
    let errors = [
        (PhoneNumber::parse(" ").unwrap_err(), PhoneError::Empty {}),
        (
            PhoneNumber::parse("0812-3456-78a0").unwrap_err(),
            PhoneError::InvalidCharacter { position: 13 },
        ),
        (
            PhoneNumber::parse("0812+34567890").unwrap_err(),
            PhoneError::InvalidCharacter { position: 5 },
        ),
        (
            PhoneNumber::parse("０812 3456 7890").unwrap_err(),
            PhoneError::NonAsciiDigit { position: 1 },
        ),
        (
            PhoneNumber::parse("+1 415 555 0100").unwrap_err(),
            PhoneError::NotIndonesian {},
        ),
        (
            PhoneNumber::parse("+65 8123 4567").unwrap_err(),
            PhoneError::NotIndonesian {},
        ),
        (
            PhoneNumber::parse("0065 8123 4567").unwrap_err(),
            PhoneError::NotIndonesian {},
        ),
        (
            PhoneNumber::parse("812 3456 7890").unwrap_err(),
            PhoneError::InvalidPrefix {},
        ),
        (
            PhoneNumber::parse("(031) 555-1234").unwrap_err(),
            PhoneError::NotMobile {},
        ),
        (
            PhoneNumber::parse("+62 21 555 1234").unwrap_err(),
            PhoneError::NotMobile {},
        ),
        (
            PhoneNumber::parse("0323 321 123").unwrap_err(),
            PhoneError::NotMobile {},
        ),
        (
            PhoneNumber::parse("08123").unwrap_err(),
            PhoneError::InvalidLength { found: 5 },
        ),
    ];
    for (found, expected) in &errors {
        assert_eq!(found, expected);
    }
    let found: Vec<PhoneError> = errors.iter().map(|(found, _)| *found).collect();
    assert_all_codes(&found, PhoneError::CODES);
}
