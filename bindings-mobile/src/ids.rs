//! Identifiers: NIK (an object, so that its whole number is never printed), and records for
//! KK, NOP, NPWP, NIB and phone numbers. Only translation to and from the core's types.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use kotacerdas_core::id::nik::{self, NikSummary};
use kotacerdas_core::id::{
    self as core_id, CenturyInference as CoreCentury, Strictness, kk, nop, npwp,
};
use kotacerdas_core::{Coded, Date};

use crate::errors::{KkError, NibError, NikError, NopError, NpwpError, PhoneError, problem};

/// Options of the NIK functions. Every field has a default.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct NikOptions {
    /// "Today" for the century of the birth date, `YYYY-MM-DD`; `None` = today in WIB.
    /// Pass a fixed date where results must be reproducible.
    #[uniffi(default = None)]
    pub reference_date: Option<String>,
    /// An unknown district is an error instead of a warning.
    #[uniffi(default = false)]
    pub strict: bool,
    /// A birth date recorded elsewhere, `YYYY-MM-DD`: settles the century for people aged 100
    /// or more; a mismatch is a warning.
    #[uniffi(default = None)]
    pub known_birth_date: Option<String>,
}

fn date(text: &str) -> Result<Date, kotacerdas_core::Problem> {
    Date::parse_iso(text).map_err(|e| problem(&e))
}

fn reference_date(text: Option<&str>) -> Result<Date, kotacerdas_core::Problem> {
    text.map_or_else(|| Ok(Date::today_wib()), date)
}

fn strictness(strict: bool) -> Strictness {
    if strict {
        Strictness::Strict
    } else {
        Strictness::Lenient
    }
}

impl NikOptions {
    fn to_core(&self) -> Result<nik::NikOptions, NikError> {
        let reference =
            reference_date(self.reference_date.as_deref()).map_err(NikError::InvalidArgument)?;
        let mut options = nik::NikOptions::new(reference).with_strictness(strictness(self.strict));
        if let Some(known) = &self.known_birth_date {
            options.known_birth_date = Some(date(known).map_err(NikError::InvalidArgument)?);
        }
        Ok(options)
    }
}

/// NIK or NIT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum NikKind {
    /// A regular NIK with a Kemendagri region.
    Nik,
    /// Nomor Induk Tunggal of a citizen registered abroad (`99` + country + mission).
    Nit,
}

/// Sex as encoded in the day of birth (women: day + 40).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Sex {
    /// Day 01-31.
    Male,
    /// Day 41-71.
    Female,
}

/// How the century of a two-digit year was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CenturyInference {
    /// 20YY, because it is not after the reference date.
    Current,
    /// 19YY, because 20YY would be after the reference date.
    Previous,
    /// Taken from the known birth date given in the options.
    FromKnownDate,
}

impl From<CoreCentury> for CenturyInference {
    fn from(value: CoreCentury) -> Self {
        match value {
            CoreCentury::Current => CenturyInference::Current,
            CoreCentury::Previous => CenturyInference::Previous,
            CoreCentury::FromKnownDate => CenturyInference::FromKnownDate,
        }
    }
}

/// A region part of an identifier, resolved against the Kemendagri table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RegionRef {
    /// Dotted code, e.g. `35.27.01`.
    pub code: String,
    /// Current name (or the name when retired); `None` when the code is unknown.
    pub name: Option<String>,
    /// The code is no longer in the current decree.
    pub retired: bool,
}

impl From<nik::RegionRef> for RegionRef {
    fn from(value: nik::RegionRef) -> Self {
        RegionRef {
            code: value.code.to_string(),
            name: value.name.map(str::to_owned),
            retired: value.retired,
        }
    }
}

/// A warning about an accepted identifier: same shape as an error, but nothing was refused.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Warning {
    /// Stable code, e.g. `NIK_RETIRED_DISTRICT`.
    pub code: String,
    /// Structured fields.
    pub fields: HashMap<String, String>,
    /// Message in Indonesian.
    pub message_id: String,
    /// Message in English.
    pub message_en: String,
}

fn warning(value: &dyn Coded) -> Warning {
    let p = problem(value);
    Warning {
        code: p.code,
        fields: p.fields.into_iter().collect(),
        message_id: p.message_id,
        message_en: p.message_en,
    }
}

/// The parts of a NIK, masked. Region, birth date and sex together still identify a person:
/// treat this record as personal data too.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NikDetails {
    /// NIK or NIT.
    pub kind: NikKind,
    /// Province (`None` for a NIT).
    pub province: Option<RegionRef>,
    /// Regency (`None` for a NIT).
    pub regency: Option<RegionRef>,
    /// District of first registration (`None` for a NIT).
    pub district: Option<RegionRef>,
    /// NIT only: 3-digit country code.
    pub nit_country_code: Option<String>,
    /// NIT only: 1-digit mission code.
    pub nit_mission_code: Option<String>,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// How its century was chosen.
    pub century_inference: CenturyInference,
    /// Sex as encoded.
    pub sex: Sex,
    /// Serial, 4 digits.
    pub serial: String,
    /// Masked number `352701**********`.
    pub masked: String,
    /// Warnings about the accepted number.
    pub warnings: Vec<Warning>,
}

/// A NIK that passed every rule. Printing it (`toString()`, `description`, `str()`) shows only
/// the masked form; [`Nik::reveal`] is the one explicit way to the whole number.
#[derive(uniffi::Object, PartialEq, Eq, Hash)]
#[uniffi::export(Display, Debug, Eq, Hash)]
pub struct Nik(nik::Nik);

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[uniffi::export]
impl Nik {
    /// Parses and checks a NIK (spaces, dots and dashes between digits are accepted).
    #[uniffi::constructor(default(options = None))]
    pub fn parse(nik: String, options: Option<NikOptions>) -> Result<Arc<Nik>, NikError> {
        let options = options.unwrap_or_default().to_core()?;
        nik::Nik::parse_with(&nik, &options)
            .map(|parsed| Arc::new(Nik(parsed)))
            .map_err(|e| NikError::Invalid(problem(&e)))
    }

    /// The whole 16 digits. Personal data (UU 27/2022): store or send it only where the
    /// purpose requires it, and never log it.
    pub fn reveal(&self) -> String {
        self.0.reveal().to_owned()
    }

    /// The masked form `352701**********` (region kept, birth date and serial hidden).
    pub fn masked(&self) -> String {
        self.0.masked()
    }

    /// NIK or NIT.
    pub fn kind(&self) -> NikKind {
        match self.0.kind() {
            nik::NikKind::Nik => NikKind::Nik,
            nik::NikKind::Nit => NikKind::Nit,
        }
    }

    /// Everything known about the number, masked.
    pub fn details(&self) -> NikDetails {
        let n = &self.0;
        let nit = n.nit_codes();
        NikDetails {
            kind: self.kind(),
            province: n.province().map(Into::into),
            regency: n.regency().map(Into::into),
            district: n.district().map(Into::into),
            nit_country_code: nit.map(|(country, _)| format!("{country:03}")),
            nit_mission_code: nit.map(|(_, mission)| mission.to_string()),
            birth_date: n.birth_date().to_string(),
            century_inference: n.century_inference().into(),
            sex: match n.sex() {
                nik::Sex::Male => Sex::Male,
                nik::Sex::Female => Sex::Female,
            },
            serial: format!("{:04}", n.serial()),
            masked: n.masked(),
            warnings: n.warnings().map(|w| warning(&w)).collect(),
        }
    }

    /// A keyed pseudonym (lowercase hex HMAC-SHA256) for joining datasets without storing
    /// NIKs. The key must have at least 16 bytes (32 random bytes recommended).
    pub fn pseudonym(&self, key: Vec<u8>) -> Result<String, NikError> {
        self.0
            .pseudonym(&key)
            .map_err(|e| NikError::InvalidArgument(problem(&e)))
    }
}

/// The outcome of checking one NIK, in one crossing and without an exception for a refused
/// number: what a form needs to accept or refuse the field. Holds no part of the number but
/// the masked form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NikCheck {
    /// The NIK passed every rule (possibly with warnings).
    pub valid: bool,
    /// Why it was refused (`NIK_*`), with fields and both messages; `None` when valid.
    pub error: Option<Warning>,
    /// Masked number `352701**********` when valid.
    pub masked: Option<String>,
    /// Codes of the warnings about an accepted number (`NIK_RETIRED_DISTRICT`, ...).
    pub warning_codes: Vec<String>,
}

/// Checks one NIK: the fast single call. Unlike [`Nik::parse`] a refused number is a result,
/// not an exception, and no object is created (no handle, no cleaner, nothing to close), so
/// one call is one crossing of the FFI. Only malformed options throw.
#[uniffi::export(default(options = None))]
pub fn check_nik(nik: String, options: Option<NikOptions>) -> Result<NikCheck, NikError> {
    let options = options.unwrap_or_default().to_core()?;
    Ok(match nik::Nik::parse_with(&nik, &options) {
        Ok(parsed) => NikCheck {
            valid: true,
            error: None,
            masked: Some(parsed.masked()),
            warning_codes: parsed.warnings().map(|w| w.code().to_owned()).collect(),
        },
        Err(error) => NikCheck {
            valid: false,
            error: Some(warning(&error)),
            masked: None,
            warning_codes: Vec::new(),
        },
    })
}

/// Parses a NIK and returns its masked details in one crossing: the same as
/// `Nik.parse(nik, options).details()` without the object in between.
#[uniffi::export(default(options = None))]
pub fn nik_details(nik: String, options: Option<NikOptions>) -> Result<NikDetails, NikError> {
    Ok(Nik::parse(nik, options)?.details())
}

/// [`NikOptions`] as primitives, for [`check_nik_number`]: dates are `YYYYMMDD` numbers.
/// Made once by [`nik_number_options`], which checks the dates, and then reused for every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct NikNumberOptions {
    /// "Today" as `YYYYMMDD`; 0 = today in WIB at each call.
    pub reference_date: u32,
    /// An unknown district is an error instead of a warning.
    pub strict: bool,
    /// The known birth date as `YYYYMMDD`; 0 = none.
    pub known_birth_date: u32,
}

fn date_number(date: Date) -> u32 {
    // Years are 1-9999 (`Date` refuses others), so the number fits a u32.
    date.year().unsigned_abs() * 10_000 + date.month() * 100 + date.day()
}

fn number_date(value: u32) -> Result<Option<Date>, NikError> {
    if value == 0 {
        return Ok(None);
    }
    // A year above i32::MAX / 10_000 cannot be built from a u32, so the cast is lossless.
    Date::new((value / 10_000) as i32, value / 100 % 100, value % 100)
        .map(Some)
        .map_err(|e| NikError::InvalidArgument(problem(&e)))
}

/// Checks [`NikOptions`] once and returns them as primitives for [`check_nik_number`].
#[uniffi::export(default(options = None))]
pub fn nik_number_options(options: Option<NikOptions>) -> Result<NikNumberOptions, NikError> {
    let options = options.unwrap_or_default();
    let checked = options.to_core()?;
    Ok(NikNumberOptions {
        reference_date: if options.reference_date.is_some() {
            date_number(checked.reference_date)
        } else {
            0
        },
        strict: options.strict,
        known_birth_date: checked.known_birth_date.map_or(0, date_number),
    })
}

/// The code tables of [`check_nik_number`]'s answer, in the core's fixed order. Fetch them once.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NikCodes {
    /// Every NIK error code: an answer's low byte `k > 0` means `error_codes[k - 1]`.
    pub error_codes: Vec<String>,
    /// Every NIK warning code: bit `i` of an answer's second byte means `warning_codes[i]`.
    pub warning_codes: Vec<String>,
}

/// The tables that decode [`check_nik_number`]'s answer (the same as the batch's).
#[uniffi::export]
pub fn nik_codes() -> NikCodes {
    let owned = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect();
    NikCodes {
        error_codes: owned(nik::NikError::CODES),
        warning_codes: owned(nik::NikWarning::CODES),
    }
}

/// Checks a NIK given as its number (the 16 digits read as decimal, leading zeros included):
/// the primitive-only single call. Nothing but integers crosses the FFI, so the foreign side
/// allocates no buffer; bindings use it for input that is exactly 16 ASCII digits and send any
/// other text to [`check_nik`] (the hand-written `NikChecker` does: in Python through this
/// export, in Kotlin through its C twin `kotacerdas_nik_check_number`, `src/direct.rs`).
///
/// The number is formatted back to 16 digits and parsed by the core like any text, so the
/// answer is the one [`check_nik`] gives for those digits. Answer: low byte 0 = accepted, else
/// the error's index in [`nik_codes`]`.error_codes` + 1; second byte: bit `i` set for warning
/// `warning_codes[i]`. The other arguments are a [`NikNumberOptions`] (from
/// [`nik_number_options`]) taken apart, because a record would cross as a buffer. Only a number
/// of more than 16 digits or an impossible date throw (`InvalidArgument`).
#[uniffi::export]
pub fn check_nik_number(
    nik: u64,
    reference_date: u32,
    strict: bool,
    known_birth_date: u32,
) -> Result<u32, NikError> {
    Ok(
        match parse_number(nik, reference_date, strict, known_birth_date)? {
            Ok(parsed) => u32::from(parsed.warning_bits()) << 8,
            Err(error) => error.ordinal() as u32 + 1,
        },
    )
}

/// The one implementation behind [`check_nik_number`] and [`parse_nik_number`]: the number
/// formatted back to 16 digits and parsed by the core like any text; the outer error is for
/// arguments no 16-digit text and no checked [`NikNumberOptions`] can give.
fn parse_number(
    nik: u64,
    reference_date: u32,
    strict: bool,
    known_birth_date: u32,
) -> Result<Result<nik::Nik, nik::NikError>, NikError> {
    if nik > 9_999_999_999_999_999 {
        let found = nik.ilog10() as usize + 1;
        return Err(NikError::InvalidArgument(problem(
            &nik::NikError::InvalidLength { found },
        )));
    }
    let reference_date = number_date(reference_date)?.unwrap_or_else(Date::today_wib);
    let mut options = nik::NikOptions::new(reference_date).with_strictness(strictness(strict));
    options.known_birth_date = number_date(known_birth_date)?;
    Ok(nik::Nik::parse_with(&format!("{nik:016}"), &options))
}

// The layout of `parse_nik_number`'s answer fits 64 bits only while these hold: a new NIK
// warning or error code in the core must come with a new layout (and its Kotlin decoder).
const _: () = assert!(nik::NikWarning::CODES.len() <= 3 && nik::NikError::CODES.len() < 255);

/// First day of [`parse_nik_number`]'s day count: no birth date is earlier (`Date` starts in 1800).
const DAY_ZERO: (i32, u32, u32) = (1800, 1, 1);

/// Parses a NIK given as its number, like [`check_nik_number`], and answers the verdict and the
/// parsed fields in one `u64`: what [`nik_details`] gives but the region names, the messages
/// and the masked form (the foreign side looks names up when it needs them).
///
/// Answer, from bit 0: a refused number has bit 0 set and the error's index in
/// [`nik_codes`]`.error_codes` in bits 1-8 (every other bit clear). An accepted number has bit 0
/// clear and: bits 1-3 its warnings (bit `1 + i` for `warning_codes[i]`); bit 4 NIT (else NIK);
/// bit 5 female (else male); bits 6-7 the century inference (0 current, 1 previous, 2 from the
/// known date); bits 8-29 the birth date as days since 1800-01-01; bits 30-43 the serial
/// (1-9999); bits 44-63 the first six digits as a number: the district code of a NIK
/// (`352701` for `35.27.01`), `99` + country + mission code of a NIT. Throws as
/// [`check_nik_number`] does.
#[uniffi::export]
pub fn parse_nik_number(
    nik: u64,
    reference_date: u32,
    strict: bool,
    known_birth_date: u32,
) -> Result<u64, NikError> {
    Ok(
        match parse_number(nik, reference_date, strict, known_birth_date)? {
            Ok(parsed) => packed_fields(&parsed),
            Err(error) => (error.ordinal() as u64) << 1 | 1,
        },
    )
}

fn packed_fields(parsed: &nik::Nik) -> u64 {
    let day_zero =
        Date::new(DAY_ZERO.0, DAY_ZERO.1, DAY_ZERO.2).expect("1800-01-01 is a calendar date");
    // Not negative and below 2^22: birth dates are 1800-01-01 to 9999-12-31 (2,995,058 days).
    let days = u64::from(
        (parsed.birth_date().days_since_epoch() - day_zero.days_since_epoch()).unsigned_abs(),
    );
    let region = match (parsed.district(), parsed.nit_codes()) {
        (Some(district), _) => district.code.value(),
        (None, Some((country, mission))) => 990_000 + u64::from(country) * 10 + u64::from(mission),
        (None, None) => 0,
    };
    let century = match parsed.century_inference() {
        CoreCentury::Current => 0,
        CoreCentury::Previous => 1,
        CoreCentury::FromKnownDate => 2,
    };
    u64::from(parsed.warning_bits()) << 1
        | u64::from(parsed.kind() == nik::NikKind::Nit) << 4
        | u64::from(parsed.sex() == nik::Sex::Female) << 5
        | century << 6
        | days << 8
        | u64::from(parsed.serial()) << 30
        | region << 44
}

/// The result of validating many NIKs in one call, compact so that a million NIKs cross the
/// FFI as two bytes each.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NikBatchResult {
    /// Inputs seen.
    pub total: u64,
    /// Accepted (possibly with warnings).
    pub valid: u64,
    /// Refused.
    pub invalid: u64,
    /// Accepted with at least one warning.
    pub with_warnings: u64,
    /// Refusals by error code (zero counts left out).
    pub error_counts: HashMap<String, u64>,
    /// Warnings by code (zero counts left out).
    pub warning_counts: HashMap<String, u64>,
    /// Every error code, in a fixed order: `errors[i] = k > 0` means `error_codes[k - 1]`.
    pub error_codes: Vec<String>,
    /// Every warning code, in a fixed order: `warnings[i] = k > 0` means `warning_codes[k - 1]`.
    pub warning_codes: Vec<String>,
    /// One byte per input, in input order: 0 = accepted, else the error code's index + 1.
    pub errors: Vec<u8>,
    /// One byte per input: 0 = no warning, else the first warning code's index + 1.
    pub warnings: Vec<u8>,
}

fn batch_result(batch: nik::NikBatch) -> NikBatchResult {
    let count = batch.results.len();
    let (mut errors, mut warnings) = (Vec::with_capacity(count), Vec::with_capacity(count));
    for result in &batch.results {
        // Code tables have fewer than 255 entries (a test checks it), so an ordinal fits a byte.
        match result {
            Ok(parsed) => {
                errors.push(0);
                warnings.push(
                    parsed
                        .warnings()
                        .next()
                        .map_or(0, |w| w.ordinal() as u8 + 1),
                );
            }
            Err(error) => {
                errors.push(error.ordinal() as u8 + 1);
                warnings.push(0);
            }
        }
    }
    let summary: &NikSummary = &batch.summary;
    let counts = |map: std::collections::BTreeMap<&'static str, u64>| {
        map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    };
    let codes = nik_codes();
    NikBatchResult {
        total: summary.total,
        valid: summary.valid,
        invalid: summary.invalid,
        with_warnings: summary.with_warnings,
        error_counts: counts(summary.errors()),
        warning_counts: counts(summary.warnings()),
        error_codes: codes.error_codes,
        warning_codes: codes.warning_codes,
        errors,
        warnings,
    }
}

/// Validates many NIKs in one call. Invalid NIKs are counted, not thrown; only malformed
/// options throw.
#[uniffi::export(default(options = None))]
pub fn validate_niks(
    niks: Vec<String>,
    options: Option<NikOptions>,
) -> Result<NikBatchResult, NikError> {
    let options = options.unwrap_or_default().to_core()?;
    Ok(batch_result(nik::validate_many(
        niks.iter().map(String::as_str),
        &options,
    )))
}

/// Validates newline-separated NIKs (one per line, `\r\n` accepted; a final newline adds no
/// item, blank lines inside count as `NIK_EMPTY` so results stay aligned with line numbers).
/// The fastest path for large files: one string crosses the FFI.
#[uniffi::export(default(options = None))]
pub fn validate_nik_lines(
    text: String,
    options: Option<NikOptions>,
) -> Result<NikBatchResult, NikError> {
    let options = options.unwrap_or_default().to_core()?;
    Ok(batch_result(nik::validate_lines(&text, &options)))
}

/// Options of the KK parser.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct KkOptions {
    /// "Today" for the century of the recording date, `YYYY-MM-DD`; `None` = today in WIB.
    #[uniffi(default = None)]
    pub reference_date: Option<String>,
    /// An unknown district is an error instead of a warning.
    #[uniffi(default = false)]
    pub strict: bool,
}

/// The parts of a KK number (family card), masked.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KkDetails {
    /// Issuing district.
    pub district: RegionRef,
    /// Recording date, `YYYY-MM-DD`.
    pub recorded_on: String,
    /// How its century was chosen.
    pub century_inference: CenturyInference,
    /// Family serial, 4 digits.
    pub serial: String,
    /// Masked number.
    pub masked: String,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

/// Parses and checks a KK number.
#[uniffi::export(default(options = None))]
pub fn parse_kk(kk: String, options: Option<KkOptions>) -> Result<KkDetails, KkError> {
    let options = options.unwrap_or_default();
    let reference =
        reference_date(options.reference_date.as_deref()).map_err(KkError::InvalidArgument)?;
    let core_options = kk::KkOptions::new(reference).with_strictness(strictness(options.strict));
    let parsed =
        kk::Kk::parse_with(&kk, &core_options).map_err(|e| KkError::Invalid(problem(&e)))?;
    Ok(KkDetails {
        district: parsed.district().into(),
        recorded_on: parsed.recorded_on().to_string(),
        century_inference: parsed.century_inference().into(),
        serial: format!("{:04}", parsed.serial()),
        masked: parsed.masked(),
        warnings: parsed.warnings().map(|w| warning(&w)).collect(),
    })
}

/// A regency's own SISMIOP reference table for NOP checks.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SismiopReference {
    /// Kemendagri regency code, e.g. `35.27`.
    pub regency: String,
    /// Checked against the regency's SISMIOP: findings become errors instead of warnings.
    pub verified: bool,
    /// CSV with the header `kecamatan,kelurahan,name` (3-digit codes).
    pub csv: String,
}

/// Options of the NOP parser.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct NopOptions {
    /// An unknown regency is an error instead of a warning.
    #[uniffi(default = false)]
    pub strict: bool,
    /// The regency's own table; `None` = Sampang's unverified BPS-derived hint.
    #[uniffi(default = None)]
    pub reference: Option<SismiopReference>,
}

/// The parts of a NOP PBB-P2 (tax object number; not personal data).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NopDetails {
    /// `PP.RR.KKK.DDD.BBB-NNNN.J`.
    pub formatted: String,
    /// Province, 2 digits.
    pub province: String,
    /// Regency, 2 digits.
    pub regency: String,
    /// Regency name (Kemendagri), if known.
    pub regency_name: Option<String>,
    /// SISMIOP kecamatan, 3 digits.
    pub kecamatan: String,
    /// Its name from the reference table, if any.
    pub kecamatan_name: Option<String>,
    /// SISMIOP kelurahan, 3 digits.
    pub kelurahan: String,
    /// Its name from a reference table with kelurahan data.
    pub kelurahan_name: Option<String>,
    /// Block, 3 digits.
    pub block: String,
    /// Object serial in the block, 4 digits.
    pub serial: String,
    /// Special code `J`.
    pub special_code: String,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

/// Parses a NOP and checks it against the reference table of its regency.
#[uniffi::export(default(options = None))]
pub fn parse_nop(nop: String, options: Option<NopOptions>) -> Result<NopDetails, NopError> {
    let options = options.unwrap_or_default();
    let mut core_options = nop::NopOptions::sampang_default();
    core_options.strictness = strictness(options.strict);
    if let Some(reference) = options.reference {
        let regency = kotacerdas_core::region::RegionCode::parse(&reference.regency)
            .map_err(|e| NopError::InvalidArgument(problem(&e)))?;
        let table =
            nop::SismiopTable::from_csv(regency, reference.verified, "caller", &reference.csv)
                .map_err(|e| NopError::InvalidArgument(problem(&e)))?;
        core_options.references = vec![table];
    }
    let parsed =
        nop::Nop::parse_with(&nop, &core_options).map_err(|e| NopError::Invalid(problem(&e)))?;
    let d = parsed.details();
    Ok(NopDetails {
        formatted: d.formatted,
        province: d.province,
        regency: d.regency,
        regency_name: d.regency_name.map(str::to_owned),
        kecamatan: d.kecamatan,
        kecamatan_name: d.kecamatan_name,
        kelurahan: d.kelurahan,
        kelurahan_name: d.kelurahan_name,
        block: d.block,
        serial: d.serial,
        special_code: d.special_code,
        warnings: parsed.warnings().iter().map(|w| warning(w)).collect(),
    })
}

/// Which form an NPWP has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum NpwpForm {
    /// Legacy 15 digits.
    Legacy15,
    /// 16 digits: a resident individual's NIK.
    Nik16,
    /// 16 digits: `0` + the legacy 15 digits.
    Entity16,
    /// 22 digits: NPWP16 + place of business (NITKU).
    Nitku22,
}

/// The parts of an NPWP. A personal NPWP is a NIK, so `npwp16` is masked.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NpwpDetails {
    /// The form of the input.
    pub form: NpwpForm,
    /// The 16 digits are a resident individual's NIK.
    pub personal: bool,
    /// The 16-digit NPWP, masked when personal.
    pub npwp16: String,
    /// `TT.SSS.SSS.C-KKK.BBB` for an entity NPWP.
    pub legacy: Option<String>,
    /// Tax office (KPP) code, entity NPWP only.
    pub tax_office: Option<String>,
    /// Branch code, entity NPWP only.
    pub branch: Option<String>,
    /// NITKU place-of-business number, 6 digits.
    pub place_of_business: Option<String>,
    /// 22-digit NITKU of an entity.
    pub nitku: Option<String>,
}

/// Parses an NPWP in any of its forms (15, 16 or 22 digits). `reference_date` (`YYYY-MM-DD`,
/// `None` = today in WIB) is for an NPWP that is a NIK.
#[uniffi::export(default(reference_date = None))]
pub fn parse_npwp(npwp: String, reference_date: Option<String>) -> Result<NpwpDetails, NpwpError> {
    let reference =
        self::reference_date(reference_date.as_deref()).map_err(NpwpError::InvalidArgument)?;
    let parsed = npwp::Npwp::parse_with(&npwp, &nik::NikOptions::new(reference))
        .map_err(|e| NpwpError::Invalid(problem(&e)))?;
    let personal = parsed.nik().is_some();
    Ok(NpwpDetails {
        form: match parsed.form() {
            npwp::NpwpForm::Legacy15 => NpwpForm::Legacy15,
            npwp::NpwpForm::Nik16 => NpwpForm::Nik16,
            npwp::NpwpForm::Entity16 => NpwpForm::Entity16,
            npwp::NpwpForm::Nitku22 => NpwpForm::Nitku22,
        },
        personal,
        npwp16: parsed.masked(),
        legacy: parsed.legacy_formatted(),
        tax_office: parsed.tax_office().map(str::to_owned),
        branch: parsed.branch().map(str::to_owned),
        place_of_business: parsed.place_of_business().map(|p| format!("{p:06}")),
        nitku: (!personal).then(|| parsed.nitku()),
    })
}

/// Checks a NIB (13 digits; OSS publishes no structure or checksum) and returns its digits.
#[uniffi::export]
pub fn parse_nib(nib: String) -> Result<String, NibError> {
    core_id::Nib::parse(&nib)
        .map(|parsed| parsed.as_str().to_owned())
        .map_err(|e| NibError::Invalid(problem(&e)))
}

/// An Indonesian mobile number in its normal forms.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PhoneNumber {
    /// `+628…`.
    pub e164: String,
    /// `08…`.
    pub national: String,
    /// For display in logs and lists.
    pub masked: String,
}

/// Parses and normalises an Indonesian mobile number.
#[uniffi::export]
pub fn normalize_phone(phone: String) -> Result<PhoneNumber, PhoneError> {
    let parsed =
        core_id::PhoneNumber::parse(&phone).map_err(|e| PhoneError::Invalid(problem(&e)))?;
    Ok(PhoneNumber {
        e164: parsed.e164(),
        national: parsed.national(),
        masked: parsed.masked(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed() -> Option<NikOptions> {
        Some(NikOptions {
            reference_date: Some("2026-11-29".into()),
            ..NikOptions::default()
        })
    }

    #[test]
    fn nik_prints_masked_and_reveals_on_request() {
        let nik = Nik::parse("3527014501900001".into(), fixed()).unwrap();
        assert_eq!(nik.to_string(), "352701**********");
        assert_eq!(format!("{nik:?}"), "Nik(352701**********)");
        assert_eq!(nik.reveal(), "3527014501900001");
        assert_eq!(nik.details().birth_date, "1990-01-05");
    }

    #[test]
    fn errors_carry_code_fields_and_both_messages() {
        let error = Nik::parse("1234".into(), fixed()).unwrap_err();
        let NikError::Invalid {
            code,
            fields,
            message_id,
            message_en,
        } = error
        else {
            panic!("expected Invalid");
        };
        assert_eq!(code, "NIK_INVALID_LENGTH");
        assert_eq!(fields["found"], "4");
        assert!(message_id.contains("16 digit"));
        assert!(message_en.contains("16 digits"));
        let bad_date = NikOptions {
            reference_date: Some("29-11-2026".into()),
            ..NikOptions::default()
        };
        let error = Nik::parse("3527014501900001".into(), Some(bad_date)).unwrap_err();
        assert!(matches!(error, NikError::InvalidArgument { .. }));
        assert_eq!(error.code(), "DATE_INVALID_FORMAT");
    }

    #[test]
    fn check_and_details_match_the_object_path() {
        let valid = check_nik("3527014501900001".into(), fixed()).unwrap();
        assert!(valid.valid && valid.error.is_none());
        assert_eq!(valid.masked.as_deref(), Some("352701**********"));
        let refused = check_nik("1234".into(), fixed()).unwrap();
        assert!(!refused.valid && refused.masked.is_none());
        let error = refused.error.unwrap();
        assert_eq!(error.code, "NIK_INVALID_LENGTH");
        assert_eq!(error.fields["found"], "4");
        let retired = check_nik("3527004501900001".into(), fixed()).unwrap();
        assert_eq!(retired.error.unwrap().code, "NIK_INVALID_DISTRICT");
        let bad_options = NikOptions {
            reference_date: Some("kemarin".into()),
            ..NikOptions::default()
        };
        assert_eq!(
            check_nik("3527014501900001".into(), Some(bad_options))
                .unwrap_err()
                .code(),
            "DATE_INVALID_FORMAT"
        );
        let object = Nik::parse("3527014501900001".into(), fixed()).unwrap();
        assert_eq!(
            nik_details("3527014501900001".into(), fixed()).unwrap(),
            object.details()
        );
    }

    #[test]
    fn batch_codes_fit_a_byte_and_index_their_tables() {
        assert!(nik::NikError::CODES.len() < 255 && nik::NikWarning::CODES.len() < 255);
        let result =
            validate_nik_lines("3527014501900001\n1234\n3527004501900001\n".into(), fixed())
                .unwrap();
        assert_eq!((result.total, result.valid, result.invalid), (3, 1, 2));
        assert_eq!(result.errors[0], 0);
        assert_eq!(
            result.error_codes[usize::from(result.errors[1]) - 1],
            "NIK_INVALID_LENGTH"
        );
        assert_eq!(
            result.error_codes[usize::from(result.errors[2]) - 1],
            "NIK_INVALID_DISTRICT"
        );
        assert_eq!(result.error_counts["NIK_INVALID_LENGTH"], 1);
        let same = validate_niks(
            vec![
                "3527014501900001".into(),
                "1234".into(),
                "3527004501900001".into(),
            ],
            fixed(),
        )
        .unwrap();
        assert_eq!(same, result);
    }

    /// What `check_nik_number` says, decoded with `nik_codes` into `check_nik`'s terms.
    fn decoded(nik: u64, options: Option<NikOptions>) -> (bool, Option<String>, Vec<String>) {
        let codes = nik_codes();
        let o = nik_number_options(options).unwrap();
        let answer = check_nik_number(nik, o.reference_date, o.strict, o.known_birth_date).unwrap();
        let error = (answer & 0xff) as usize;
        let warnings = (0..codes.warning_codes.len())
            .filter(|i| answer >> 8 & (1 << i) != 0)
            .map(|i| codes.warning_codes[i].clone())
            .collect();
        (
            error == 0,
            error.checked_sub(1).map(|i| codes.error_codes[i].clone()),
            warnings,
        )
    }

    #[test]
    fn number_entry_answers_as_check_nik() {
        let strict = NikOptions {
            strict: true,
            ..fixed().unwrap()
        };
        let known = NikOptions {
            known_birth_date: Some("1991-01-05".into()),
            ..fixed().unwrap()
        };
        let mut seen = std::collections::BTreeSet::new();
        for options in [fixed(), Some(strict), Some(known), None] {
            for text in [
                "3527014501900001",
                "3527014501900000",
                "3527004501900001",
                "0000000000000000",
                "3527994501900001",
                "3527019901900001",
                "3527014513900001",
                "3527013102900001",
                "3527014501300001",
                "9912344501900001",
                "9100014501900001",
                "3570014501900001",
                "0000000000000001",
                "3527014501260001",
            ] {
                let expected = check_nik(text.into(), options.clone()).unwrap();
                let got = decoded(text.parse().unwrap(), options.clone());
                let want = (
                    expected.valid,
                    expected.error.map(|e| e.code),
                    expected.warning_codes,
                );
                assert_eq!(got, want, "{text}");
                seen.insert(format!("{want:?}"));
            }
        }
        // The vectors above reach valid, refused and warned answers, not one kind only.
        assert!(seen.len() >= 8, "{seen:?}");
        assert!(
            seen.iter().any(|s| s.contains("NIK_UNKNOWN_DISTRICT\"]")),
            "{seen:?}"
        );
        assert!(
            seen.iter().any(|s| s.contains("NIK_BIRTH_DATE_MISMATCH")),
            "{seen:?}"
        );
    }

    /// `parse_nik_number`'s answer unpacked into `nik_details`' terms (names and masked left out).
    fn unpacked(answer: u64) -> Result<NikDetails, String> {
        let codes = nik_codes();
        if answer & 1 == 1 {
            return Err(codes.error_codes[(answer >> 1 & 0xff) as usize].clone());
        }
        let field = |shift: u32, bits: u32| answer >> shift & ((1 << bits) - 1);
        let region = field(44, 20);
        let code = |digits: u64| RegionRef {
            code: match digits {
                2 => format!("{:02}", region / 10_000),
                4 => format!("{:02}.{:02}", region / 10_000, region / 100 % 100),
                _ => format!(
                    "{:02}.{:02}.{:02}",
                    region / 10_000,
                    region / 100 % 100,
                    region % 100
                ),
            },
            name: None,
            retired: false,
        };
        let nit = field(4, 1) == 1;
        let days = i32::try_from(field(8, 22)).unwrap();
        let birth =
            Date::from_days_since_epoch(Date::new(1800, 1, 1).unwrap().days_since_epoch() + days);
        Ok(NikDetails {
            kind: if nit { NikKind::Nit } else { NikKind::Nik },
            province: (!nit).then(|| code(2)),
            regency: (!nit).then(|| code(4)),
            district: (!nit).then(|| code(6)),
            nit_country_code: nit.then(|| format!("{:03}", region / 10 % 1000)),
            nit_mission_code: nit.then(|| (region % 10).to_string()),
            birth_date: birth.unwrap().to_string(),
            century_inference: [
                CenturyInference::Current,
                CenturyInference::Previous,
                CenturyInference::FromKnownDate,
            ][field(6, 2) as usize],
            sex: if field(5, 1) == 1 {
                Sex::Female
            } else {
                Sex::Male
            },
            serial: format!("{:04}", field(30, 14)),
            masked: String::new(),
            warnings: (0..3)
                .filter(|i| field(1 + i, 1) == 1)
                .map(|i| Warning {
                    code: codes.warning_codes[i as usize].clone(),
                    fields: HashMap::new(),
                    message_id: String::new(),
                    message_en: String::new(),
                })
                .collect(),
        })
    }

    /// `nik_details` without what `parse_nik_number` leaves out.
    fn details_without_names(nik: &str, options: Option<NikOptions>) -> Result<NikDetails, String> {
        let strip = |r: Option<RegionRef>| {
            r.map(|r| RegionRef {
                name: None,
                retired: false,
                ..r
            })
        };
        match nik_details(nik.into(), options) {
            Ok(d) => Ok(NikDetails {
                province: strip(d.province),
                regency: strip(d.regency),
                district: strip(d.district),
                masked: String::new(),
                warnings: d
                    .warnings
                    .into_iter()
                    .map(|w| Warning {
                        fields: HashMap::new(),
                        message_id: String::new(),
                        message_en: String::new(),
                        ..w
                    })
                    .collect(),
                ..d
            }),
            Err(e) => Err(e.code().to_owned()),
        }
    }

    #[test]
    fn number_parse_answers_as_nik_details() {
        let known = NikOptions {
            known_birth_date: Some("1891-01-05".into()),
            ..fixed().unwrap()
        };
        let strict = NikOptions {
            strict: true,
            ..fixed().unwrap()
        };
        let mut kinds = std::collections::BTreeSet::new();
        for options in [fixed(), Some(strict), Some(known), None] {
            let o = nik_number_options(options.clone()).unwrap();
            for text in [
                "3527014501900001",
                "3527010501919999",
                "3527004501900001",
                "3527994501900001",
                "9912344501900001",
                "9199974501910001",
                "3527014501260001",
                "3527017112990009",
                "9471014502000001",
                "3527012902000001",
                "3527014513900001",
                "0000000000000000",
            ] {
                let number: u64 = text.parse().unwrap();
                let answer =
                    parse_nik_number(number, o.reference_date, o.strict, o.known_birth_date)
                        .unwrap();
                let want = details_without_names(text, options.clone());
                assert_eq!(unpacked(answer), want, "{text}");
                kinds.insert(format!(
                    "{:?}",
                    want.map(|d| (d.kind, d.century_inference, d.warnings.len()))
                ));
            }
        }
        assert!(kinds.len() >= 6, "{kinds:?}");
        assert!(
            kinds.iter().any(|k| k.contains("FromKnownDate")),
            "{kinds:?}"
        );
        assert!(kinds.iter().any(|k| k.contains("Nit")), "{kinds:?}");
        let error = parse_nik_number(10_000_000_000_000_000, 0, false, 0).unwrap_err();
        assert_eq!(error.code(), "NIK_INVALID_LENGTH");
        assert!(parse_nik_number(3527014501900001, 20261331, false, 0).is_err());
    }

    #[test]
    fn number_entry_refuses_impossible_arguments() {
        let error = check_nik_number(10_000_000_000_000_000, 0, false, 0).unwrap_err();
        assert!(matches!(error, NikError::InvalidArgument { .. }));
        assert_eq!(error.code(), "NIK_INVALID_LENGTH");
        let error = check_nik_number(3527014501900001, 20261331, false, 0).unwrap_err();
        assert_eq!(error.code(), "DATE_NOT_A_CALENDAR_DATE");
        let error = check_nik_number(3527014501900001, 20261129, false, 5).unwrap_err();
        assert!(matches!(error, NikError::InvalidArgument { .. }));
        let options = nik_number_options(fixed()).unwrap();
        assert_eq!(options.reference_date, 20261129);
        assert_eq!(nik_number_options(None).unwrap().reference_date, 0);
        let bad = NikOptions {
            known_birth_date: Some("1990-02-30".into()),
            ..NikOptions::default()
        };
        assert!(nik_number_options(Some(bad)).is_err());
    }
}
