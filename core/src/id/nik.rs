//! NIK (Nomor Induk Kependudukan), the 16-digit citizen number: `PP RR KK DDMMYY SSSS`.
//!
//! Legal basis: UU 23/2006 as amended by UU 24/2013 (Pasal 13); PP 40/2019 Pasal 30-34 (layout
//! in Pasal 31(1); NIT for citizens registered abroad in Pasal 32(3)). There is **no check
//! digit**: no regulation defines one.
//!
//! A NIK is personal data (UU 27/2022). [`Nik`]'s `Debug` and `Display` print only the masked
//! form `352701**********` (region kept, date and serial hidden); [`Nik::reveal`] is the one,
//! explicit way to get the whole number back, e.g. to store it. To join datasets without
//! storing NIKs use [`Nik::pseudonym`], a keyed HMAC: a plain hash is brute-forced from about
//! 10^4 candidates once region and birth date are known.
//!
//! ```
//! use kotacerdas_core::id::nik::{Nik, NikKind, NikOptions, Sex};
//! use kotacerdas_core::Date;
//!
//! let options = NikOptions::new(Date::new(2026, 11, 29).unwrap());
//! let nik = Nik::parse_with("3527 01 450190 0001", &options).unwrap();
//! assert_eq!(nik.kind(), NikKind::Nik);
//! assert_eq!(nik.sex(), Sex::Female); // day 45 = 5 + 40
//! assert_eq!(nik.district().unwrap().name, Some("Sreseh"));
//! assert_eq!(format!("{nik:?}"), "Nik(352701**********)");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::date::Date;
use crate::error::{Problem, coded_enum};
use crate::region::{self, DistrictStatus, RegionCode, RegionLevel};

use super::input::{self, InputProblem, number};
use super::structure::{self, DateProblem, RegionProblem};
use super::{CenturyInference, Strictness};

coded_enum! {
    /// Why a NIK was refused. Fields never contain the NIK itself.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NikError {
        /// Nothing but whitespace and separators.
        Empty {} => "NIK_EMPTY",
            id: "NIK kosong",
            en: "NIK is empty";
        /// A character other than a digit, space, dot or dash.
        InvalidCharacter { position: usize } => "NIK_INVALID_CHARACTER",
            id: "NIK hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "A NIK may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit such as full-width `３`: refused rather than silently converted.
        NonAsciiDigit { position: usize } => "NIK_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9 (mis. angka lebar penuh); ketik ulang dengan angka biasa",
            en: "The digit at position {position} is not an ASCII digit 0-9 (e.g. full-width); retype it with plain digits";
        /// Not 16 digits.
        InvalidLength { found: usize } => "NIK_INVALID_LENGTH",
            id: "NIK harus 16 digit, ditemukan {found} digit",
            en: "A NIK has 16 digits, found {found}";
        /// The first two digits are neither a Kemendagri province nor 99 (NIT).
        UnknownProvince { province: u8 } => "NIK_UNKNOWN_PROVINCE",
            id: "Kode provinsi {province:02} tidak dikenal",
            en: "Province code {province:02} is unknown";
        /// Regency 00 or 70, which are never used.
        InvalidRegency { regency: u8 } => "NIK_INVALID_REGENCY",
            id: "Kode kabupaten/kota {regency:02} tidak pernah dipakai (kabupaten 01-69, kota 71-99)",
            en: "Regency code {regency:02} is never used (kabupaten 01-69, kota 71-99)";
        /// District 00, which is never used.
        InvalidDistrict {} => "NIK_INVALID_DISTRICT",
            id: "Kode kecamatan 00 tidak pernah dipakai",
            en: "District code 00 is never used";
        /// Strict mode: the district is neither current nor retired.
        UnknownDistrict { district: u32 } => "NIK_UNKNOWN_DISTRICT",
            id: "Kode kecamatan {district:06} tidak ada dalam daftar Kemendagri",
            en: "District code {district:06} is not in the Kemendagri list";
        /// Day not in 01-31 (male) or 41-71 (female).
        InvalidDay { day: u32 } => "NIK_INVALID_DAY",
            id: "Tanggal lahir {day:02} tidak sah (laki-laki 01-31, perempuan 41-71)",
            en: "Birth day {day:02} is invalid (male 01-31, female 41-71)";
        /// Month not in 01-12.
        InvalidMonth { month: u32 } => "NIK_INVALID_MONTH",
            id: "Bulan lahir {month:02} tidak sah",
            en: "Birth month {month:02} is invalid";
        /// Day and month exist but not together (31 April; 29 February of a non-leap year).
        InvalidDate {} => "NIK_INVALID_DATE",
            id: "Tanggal lahir tidak ada di kalender",
            en: "The birth date is not a calendar date";
        /// The birth date is after the reference date in both candidate centuries.
        BirthDateInFuture {} => "NIK_BIRTH_DATE_IN_FUTURE",
            id: "Tanggal lahir jatuh setelah tanggal acuan",
            en: "The birth date is after the reference date";
        /// Serial 0000, which is never issued.
        InvalidSerial {} => "NIK_INVALID_SERIAL",
            id: "Nomor urut 0000 tidak pernah diterbitkan",
            en: "Serial number 0000 is never issued";
    }
}

impl NikError {
    fn from_input(problem: InputProblem) -> NikError {
        match problem {
            InputProblem::Empty => NikError::Empty {},
            InputProblem::InvalidCharacter { position } => NikError::InvalidCharacter { position },
            InputProblem::NonAsciiDigit { position } => NikError::NonAsciiDigit { position },
            InputProblem::Length { found } => NikError::InvalidLength { found },
        }
    }

    fn from_region(problem: RegionProblem) -> NikError {
        match problem {
            RegionProblem::UnknownProvince { province } => NikError::UnknownProvince { province },
            RegionProblem::InvalidRegency { regency } => NikError::InvalidRegency { regency },
            RegionProblem::InvalidDistrict => NikError::InvalidDistrict {},
            RegionProblem::UnknownDistrict { code } => NikError::UnknownDistrict { district: code },
        }
    }

    fn from_date(problem: DateProblem) -> NikError {
        match problem {
            DateProblem::InvalidMonth { month } => NikError::InvalidMonth { month },
            DateProblem::NotACalendarDate => NikError::InvalidDate {},
            DateProblem::InFuture => NikError::BirthDateInFuture {},
        }
    }
}

coded_enum! {
    /// Something worth knowing about a NIK that is still accepted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NikWarning {
        /// The district code was retired (Papua, 2022); old NIKs keep it.
        RetiredDistrict { district: u32 } => "NIK_RETIRED_DISTRICT",
            id: "Kode kecamatan {district:06} sudah tidak berlaku (NIK lama tetap memakainya)",
            en: "District code {district:06} has been retired (old NIKs keep it)";
        /// Lenient mode: the district is in neither list; it may be a code retired before 2015.
        UnknownDistrict { district: u32 } => "NIK_UNKNOWN_DISTRICT",
            id: "Kode kecamatan {district:06} tidak ada dalam daftar Kemendagri (mungkin kode lama sebelum 2015)",
            en: "District code {district:06} is not in the Kemendagri list (possibly retired before 2015)";
        /// The caller's recorded birth date differs from the NIK's; a corrected birth date
        /// does not change the NIK.
        BirthDateMismatch {} => "NIK_BIRTH_DATE_MISMATCH",
            id: "Tanggal lahir yang tercatat berbeda dengan yang tertera di NIK",
            en: "The recorded birth date differs from the one in the NIK";
    }
}

coded_enum! {
    /// Why a pseudonym could not be computed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum PseudonymError {
        /// The HMAC key is shorter than 16 bytes, which makes brute force feasible.
        KeyTooShort { minimum: usize, found: usize } => "PSEUDONYM_KEY_TOO_SHORT",
            id: "Kunci pseudonim minimal {minimum} byte, diberikan {found}",
            en: "The pseudonym key needs at least {minimum} bytes, got {found}";
    }
}

/// NIK or NIT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NikKind {
    /// A regular NIK with a Kemendagri region.
    Nik,
    /// Nomor Induk Tunggal of a citizen registered abroad: `99` + 3-digit country code +
    /// 1-digit mission code (PP 40/2019 Pasal 32(3)). No public list of the codes exists, so
    /// they are accepted structurally.
    Nit,
}

/// Sex as encoded in the day (female: day + 40).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Day 01-31.
    Male,
    /// Day 41-71.
    Female,
}

/// Options for [`Nik::parse_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NikOptions {
    /// "Today" for century inference.
    pub reference_date: Date,
    /// Whether an unknown district is an error or a warning.
    pub strictness: Strictness,
    /// A birth date recorded elsewhere: settles the century for people aged 100 or more; a
    /// mismatch is a warning, not an error.
    pub known_birth_date: Option<Date>,
}

impl NikOptions {
    /// Lenient options with the given reference date.
    pub fn new(reference_date: Date) -> NikOptions {
        NikOptions {
            reference_date,
            strictness: Strictness::Lenient,
            known_birth_date: None,
        }
    }

    /// Lenient options with today's date in WIB.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> NikOptions {
        NikOptions::new(Date::today_wib())
    }

    /// The same options with another strictness.
    pub fn with_strictness(self, strictness: Strictness) -> NikOptions {
        NikOptions { strictness, ..self }
    }

    /// The same options with a known birth date.
    pub fn with_known_birth_date(self, known_birth_date: Date) -> NikOptions {
        NikOptions {
            known_birth_date: Some(known_birth_date),
            ..self
        }
    }
}

/// A NIK that passed every rule. Valid by construction; see the module docs.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: [u8; 16],
    kind: NikKind,
    /// `None` for a NIT.
    district_status: Option<DistrictStatus>,
    birth_date: Date,
    century: CenturyInference,
    sex: Sex,
    birth_date_mismatch: bool,
}

/// A region part of a NIK, resolved against the Kemendagri table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RegionRef {
    /// The code as encoded in the number.
    pub code: RegionCode,
    /// The current name, or the name when retired; `None` when unknown.
    pub name: Option<&'static str>,
    /// The code is no longer in the current decree.
    pub retired: bool,
}

impl RegionRef {
    pub(crate) fn resolve(level: RegionLevel, value: u64) -> RegionRef {
        // Values come from two-digit fields, so they always fit the level.
        let code = RegionCode::from_value(level, value).expect("two-digit fields fit every level");
        let found = region::get(code);
        RegionRef {
            code,
            name: found.as_ref().map(|r| r.name),
            retired: found.is_some_and(|r| r.retired.is_some()),
        }
    }
}

impl Nik {
    /// Parses with lenient options and today's date in WIB.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(input: &str) -> Result<Nik, NikError> {
        Nik::parse_with(input, &NikOptions::today())
    }

    /// Parses and checks a NIK. Errors are reported in a fixed order: characters and length,
    /// province, regency, district, day, month, date, serial.
    #[inline]
    pub fn parse_with(input: &str, options: &NikOptions) -> Result<Nik, NikError> {
        let (digits, _) = input::read_digits::<16>(input, 16).map_err(NikError::from_input)?;

        let (kind, district_status) = if digits[0] == b'9' && digits[1] == b'9' {
            (NikKind::Nit, None)
        } else {
            let part = structure::check_region(&digits[..6], options.strictness)
                .map_err(NikError::from_region)?;
            (NikKind::Nik, Some(part.status))
        };

        let encoded_day = number(&digits[6..8]);
        let (day, sex) = match encoded_day {
            1..=31 => (encoded_day, Sex::Male),
            41..=71 => (encoded_day - 40, Sex::Female),
            _ => return Err(NikError::InvalidDay { day: encoded_day }),
        };
        let (month, two_digit_year) = (number(&digits[8..10]), number(&digits[10..12]));
        let known = options.known_birth_date;
        let (birth_date, century, birth_date_mismatch) = match known {
            Some(date) if structure::settle_with_known(day, month, two_digit_year, date) => {
                (date, CenturyInference::FromKnownDate, false)
            }
            _ => {
                let (date, century) =
                    structure::infer_date(day, month, two_digit_year, options.reference_date)
                        .map_err(NikError::from_date)?;
                (date, century, known.is_some())
            }
        };

        if digits[12..] == *b"0000" {
            return Err(NikError::InvalidSerial {});
        }
        Ok(Nik {
            digits,
            kind,
            district_status,
            birth_date,
            century,
            sex,
            birth_date_mismatch,
        })
    }

    /// The whole 16-digit number. Personal data: store or transmit it only where the purpose
    /// requires it, and never log it.
    pub fn reveal(&self) -> &str {
        // `digits` holds ASCII digits only (checked by the parser).
        std::str::from_utf8(&self.digits).expect("NIK digits are ASCII")
    }

    /// NIK or NIT.
    pub fn kind(&self) -> NikKind {
        self.kind
    }

    /// The province (`None` for a NIT).
    pub fn province(&self) -> Option<RegionRef> {
        self.region_part(RegionLevel::Province, 2)
    }

    /// The regency (`None` for a NIT).
    pub fn regency(&self) -> Option<RegionRef> {
        self.region_part(RegionLevel::Regency, 4)
    }

    /// The district of first registration (not the current domicile; `None` for a NIT).
    pub fn district(&self) -> Option<RegionRef> {
        self.region_part(RegionLevel::District, 6)
    }

    fn region_part(&self, level: RegionLevel, digits: usize) -> Option<RegionRef> {
        (self.kind == NikKind::Nik)
            .then(|| RegionRef::resolve(level, u64::from(number(&self.digits[..digits]))))
    }

    /// For a NIT, the 3-digit country code and the 1-digit mission code.
    pub fn nit_codes(&self) -> Option<(u16, u8)> {
        (self.kind == NikKind::Nit)
            .then(|| (number(&self.digits[2..5]) as u16, self.digits[5] - b'0'))
    }

    /// The birth date, with the century inferred (see [`Nik::century_inference`]).
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// How the century of the birth date was chosen.
    pub fn century_inference(&self) -> CenturyInference {
        self.century
    }

    /// Sex as encoded.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// The 4-digit serial, 1-9999.
    pub fn serial(&self) -> u16 {
        number(&self.digits[12..]) as u16
    }

    /// Warnings about an accepted NIK.
    #[inline]
    pub fn warnings(&self) -> impl Iterator<Item = NikWarning> + use<> {
        let district = number(&self.digits[..6]);
        let region = match self.district_status {
            Some(DistrictStatus::Retired) => Some(NikWarning::RetiredDistrict { district }),
            Some(DistrictStatus::Unknown) => Some(NikWarning::UnknownDistrict { district }),
            Some(DistrictStatus::Current) | None => None,
        };
        let mismatch = self
            .birth_date_mismatch
            .then_some(NikWarning::BirthDateMismatch {});
        [region, mismatch].into_iter().flatten()
    }

    /// [`Nik::warnings`] as bits: bit [`NikWarning::ordinal`] is set for each warning. The
    /// batch paths' form (no iterator per NIK).
    #[inline(always)]
    pub fn warning_bits(&self) -> u8 {
        let bit = |warning: NikWarning| 1u8 << warning.ordinal();
        let region = match self.district_status {
            Some(DistrictStatus::Retired) => bit(NikWarning::RetiredDistrict { district: 0 }),
            Some(DistrictStatus::Unknown) => bit(NikWarning::UnknownDistrict { district: 0 }),
            Some(DistrictStatus::Current) | None => 0,
        };
        let mismatch = if self.birth_date_mismatch {
            bit(NikWarning::BirthDateMismatch {})
        } else {
            0
        };
        region | mismatch
    }

    /// The masked form `352701**********`: region kept, birth date and serial hidden.
    pub fn masked(&self) -> String {
        let mut masked = String::with_capacity(16);
        masked.push_str(&self.reveal()[..6]);
        masked.push_str("**********");
        masked
    }

    /// A keyed pseudonym for joining datasets without storing NIKs: lowercase hex of
    /// HMAC-SHA256(key, "kotacerdas:nik:v1:" + NIK). Keep the key secret and the same for
    /// every dataset that must join; at least 16 bytes (32 random bytes recommended).
    pub fn pseudonym(&self, key: &[u8]) -> Result<String, PseudonymError> {
        const MINIMUM_KEY_BYTES: usize = 16;
        if key.len() < MINIMUM_KEY_BYTES {
            return Err(PseudonymError::KeyTooShort {
                minimum: MINIMUM_KEY_BYTES,
                found: key.len(),
            });
        }
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts any key length");
        mac.update(b"kotacerdas:nik:v1:");
        mac.update(&self.digits);
        let tag = mac.finalize().into_bytes();
        Ok(tag.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Everything known about this NIK, for JSON output and bindings (masked, never whole).
    pub fn details(&self) -> NikDetails {
        NikDetails {
            kind: self.kind,
            province: self.province(),
            regency: self.regency(),
            district: self.district(),
            nit_country_code: self.nit_codes().map(|(country, _)| format!("{country:03}")),
            nit_mission_code: self.nit_codes().map(|(_, mission)| mission),
            birth_date: self.birth_date,
            century_inference: self.century,
            sex: self.sex,
            serial: format!("{:04}", self.serial()),
            masked: self.masked(),
            warnings: self.warnings().map(|w| Problem::from_coded(&w)).collect(),
        }
    }
}

impl fmt::Debug for Nik {
    /// Masked: a NIK must never reach a log whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

impl fmt::Display for Nik {
    /// Masked; use [`Nik::reveal`] for the whole number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// The parts of a NIK, masked, as a plain serializable record.
///
/// Note that region, birth date, sex and serial together still identify the person: treat
/// this record as personal data too.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NikDetails {
    /// NIK or NIT.
    pub kind: NikKind,
    /// Province (absent for a NIT).
    pub province: Option<RegionRef>,
    /// Regency (absent for a NIT).
    pub regency: Option<RegionRef>,
    /// District (absent for a NIT).
    pub district: Option<RegionRef>,
    /// NIT only: country code.
    pub nit_country_code: Option<String>,
    /// NIT only: mission code.
    pub nit_mission_code: Option<u8>,
    /// Birth date.
    pub birth_date: Date,
    /// How its century was chosen.
    pub century_inference: CenturyInference,
    /// Sex.
    pub sex: Sex,
    /// Serial, 4 digits.
    pub serial: String,
    /// Masked number.
    pub masked: String,
    /// Warnings.
    pub warnings: Vec<Problem>,
}

/// Counts of a batch validation, by outcome and code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NikSummary {
    /// Inputs seen.
    pub total: u64,
    /// Accepted (possibly with warnings).
    pub valid: u64,
    /// Refused.
    pub invalid: u64,
    /// Accepted with at least one warning.
    pub with_warnings: u64,
    // Counts by code ordinal: an array index per item instead of a map look-up.
    error_counts: [u64; NikError::CODES.len()],
    warning_counts: [u64; NikWarning::CODES.len()],
}

impl NikSummary {
    /// Adds one result. Never allocates.
    #[inline]
    pub fn record(&mut self, result: &Result<Nik, NikError>) {
        self.total += 1;
        match result {
            Ok(nik) => {
                self.valid += 1;
                let bits = nik.warning_bits();
                for (index, count) in self.warning_counts.iter_mut().enumerate() {
                    *count += u64::from((bits >> index) & 1);
                }
                self.with_warnings += u64::from(bits != 0);
            }
            Err(error) => {
                self.invalid += 1;
                self.error_counts[error.ordinal()] += 1;
            }
        }
    }

    /// Refusals by error code (codes with a zero count left out).
    pub fn errors(&self) -> BTreeMap<&'static str, u64> {
        counts_by_code(NikError::CODES, &self.error_counts)
    }

    /// Warnings by code (codes with a zero count left out).
    pub fn warnings(&self) -> BTreeMap<&'static str, u64> {
        counts_by_code(NikWarning::CODES, &self.warning_counts)
    }
}

fn counts_by_code(codes: &[&'static str], counts: &[u64]) -> BTreeMap<&'static str, u64> {
    codes
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(code, n)| (*code, *n))
        .collect()
}

impl serde::Serialize for NikSummary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("NikSummary", 6)?;
        state.serialize_field("total", &self.total)?;
        state.serialize_field("valid", &self.valid)?;
        state.serialize_field("invalid", &self.invalid)?;
        state.serialize_field("with_warnings", &self.with_warnings)?;
        state.serialize_field("errors", &self.errors())?;
        state.serialize_field("warnings", &self.warnings())?;
        state.end()
    }
}

/// The result of validating many NIKs at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NikBatch {
    /// One result per input, in input order. `Nik` and `NikError` hold no heap data, so this is
    /// the only allocation of the batch.
    pub results: Vec<Result<Nik, NikError>>,
    /// Counts by outcome and code.
    pub summary: NikSummary,
}

/// Validates many NIKs with one set of options.
pub fn validate_many<'a>(
    inputs: impl IntoIterator<Item = &'a str>,
    options: &NikOptions,
) -> NikBatch {
    let inputs = inputs.into_iter();
    let capacity = inputs.size_hint().0;
    validate_into(inputs, capacity, options)
}

fn validate_into<'a>(
    inputs: impl Iterator<Item = &'a str>,
    capacity: usize,
    options: &NikOptions,
) -> NikBatch {
    let mut results = Vec::with_capacity(capacity);
    let mut summary = NikSummary::default();
    for input in inputs {
        let result = Nik::parse_with(input, options);
        summary.record(&result);
        results.push(result);
    }
    NikBatch { results, summary }
}

/// Validates a newline-separated buffer (one NIK per line; `\r\n` accepted). A final newline
/// does not add an empty item; blank lines inside do (as `NIK_EMPTY`) so results stay aligned
/// with line numbers.
pub fn validate_lines(buffer: &str, options: &NikOptions) -> NikBatch {
    // A NIK line is usually 17 bytes; an estimate saves a counting pass over the buffer.
    let estimated_lines = buffer.len() / 17 + 1;
    validate_into(lines(buffer), estimated_lines, options)
}

/// The lines of a buffer as [`validate_lines`] sees them.
pub fn lines(buffer: &str) -> impl Iterator<Item = &str> {
    let body = buffer.strip_suffix('\n').unwrap_or(buffer);
    Lines {
        rest: body,
        done: buffer.is_empty(),
    }
}

/// Whether any byte of `word` is `\n` (exact: the classic zero-byte test on `word ^ 0x0a..`;
/// a borrow can only pass a byte that is already zero).
#[inline(always)]
fn has_newline(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (ONES * u64::from(b'\n'));
    x.wrapping_sub(ONES) & !x & (ONES << 7) != 0
}

/// `split('\n')` without `\r`, with an inlined byte scan: NIK lines are 16 bytes, too short for
/// `memchr`'s call to pay off (it was a tenth of a batch in wasm).
struct Lines<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let rest = self.rest;
        let bytes = rest.as_bytes();
        // Eight bytes at a time while no word holds a newline (a NIK line is two words and a
        // byte), then byte by byte.
        let mut end = 0;
        while let Some(word) = bytes.get(end..end + 8) {
            let word = u64::from_le_bytes([
                word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
            ]);
            if has_newline(word) {
                break;
            }
            end += 8;
        }
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        let line = match (end < bytes.len()).then_some(end) {
            Some(end) => {
                // `\n` is ASCII: both slices start and end on character boundaries.
                self.rest = &rest[end + 1..];
                &rest[..end]
            }
            None => {
                self.done = true;
                rest
            }
        };
        Some(match line.as_bytes().last() {
            // `\r` is ASCII: the slice ends on a character boundary.
            Some(b'\r') => &line[..line.len() - 1],
            _ => line,
        })
    }
}
