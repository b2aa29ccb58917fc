//! KK (Nomor Kartu Keluarga), the 16-digit family card number: issuing district (6 digits,
//! Kemendagri), recording date DDMMYY (no +40 offset), 4-digit family serial.
//!
//! Legal basis: UU 23/2006 as amended by UU 24/2013 (Pasal 1 angka 13); the layout comes from
//! secondary sources only (**unverified**): no regulation text we could read spells it out.
//! No check digit. The number changes when the family changes. A KK identifies a family:
//! `Debug`/`Display` mask it like a NIK.

use std::fmt;

use crate::date::Date;
use crate::error::{Problem, coded_enum};
use crate::region::{DistrictStatus, RegionLevel};

use super::input::{self, InputProblem, number};
use super::nik::RegionRef;
use super::structure::{self, DateProblem, RegionProblem};
use super::{CenturyInference, Strictness};

coded_enum! {
    /// Why a KK number was refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum KkError {
        /// Nothing but whitespace and separators.
        Empty {} => "KK_EMPTY",
            id: "Nomor KK kosong",
            en: "KK number is empty";
        /// A character other than a digit, space, dot or dash.
        InvalidCharacter { position: usize } => "KK_INVALID_CHARACTER",
            id: "Nomor KK hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "A KK number may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit such as full-width `３`.
        NonAsciiDigit { position: usize } => "KK_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9; ketik ulang dengan angka biasa",
            en: "The digit at position {position} is not an ASCII digit 0-9; retype it with plain digits";
        /// Not 16 digits.
        InvalidLength { found: usize } => "KK_INVALID_LENGTH",
            id: "Nomor KK harus 16 digit, ditemukan {found} digit",
            en: "A KK number has 16 digits, found {found}";
        /// Not a Kemendagri province.
        UnknownProvince { province: u8 } => "KK_UNKNOWN_PROVINCE",
            id: "Kode provinsi {province:02} tidak dikenal",
            en: "Province code {province:02} is unknown";
        /// Regency 00 or 70.
        InvalidRegency { regency: u8 } => "KK_INVALID_REGENCY",
            id: "Kode kabupaten/kota {regency:02} tidak pernah dipakai",
            en: "Regency code {regency:02} is never used";
        /// District 00.
        InvalidDistrict {} => "KK_INVALID_DISTRICT",
            id: "Kode kecamatan 00 tidak pernah dipakai",
            en: "District code 00 is never used";
        /// Strict mode: neither current nor retired.
        UnknownDistrict { district: u32 } => "KK_UNKNOWN_DISTRICT",
            id: "Kode kecamatan {district:06} tidak ada dalam daftar Kemendagri",
            en: "District code {district:06} is not in the Kemendagri list";
        /// Month not in 01-12.
        InvalidMonth { month: u32 } => "KK_INVALID_MONTH",
            id: "Bulan pencatatan {month:02} tidak sah",
            en: "Recording month {month:02} is invalid";
        /// Not a calendar date.
        InvalidDate {} => "KK_INVALID_DATE",
            id: "Tanggal pencatatan tidak ada di kalender",
            en: "The recording date is not a calendar date";
        /// After the reference date in both candidate centuries.
        DateInFuture {} => "KK_DATE_IN_FUTURE",
            id: "Tanggal pencatatan jatuh setelah tanggal acuan",
            en: "The recording date is after the reference date";
        /// Serial 0000.
        InvalidSerial {} => "KK_INVALID_SERIAL",
            id: "Nomor urut keluarga 0000 tidak sah",
            en: "Family serial 0000 is invalid";
    }
}

coded_enum! {
    /// Something worth knowing about an accepted KK number.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum KkWarning {
        /// The issuing district was retired (Papua, 2022).
        RetiredDistrict { district: u32 } => "KK_RETIRED_DISTRICT",
            id: "Kode kecamatan {district:06} sudah tidak berlaku",
            en: "District code {district:06} has been retired";
        /// Lenient mode: unknown district (possibly retired before 2015).
        UnknownDistrict { district: u32 } => "KK_UNKNOWN_DISTRICT",
            id: "Kode kecamatan {district:06} tidak ada dalam daftar Kemendagri (mungkin kode lama)",
            en: "District code {district:06} is not in the Kemendagri list (possibly an old code)";
    }
}

impl KkError {
    fn from_input(problem: InputProblem) -> KkError {
        match problem {
            InputProblem::Empty => KkError::Empty {},
            InputProblem::InvalidCharacter { position } => KkError::InvalidCharacter { position },
            InputProblem::NonAsciiDigit { position } => KkError::NonAsciiDigit { position },
            InputProblem::Length { found } => KkError::InvalidLength { found },
        }
    }

    fn from_region(problem: RegionProblem) -> KkError {
        match problem {
            RegionProblem::UnknownProvince { province } => KkError::UnknownProvince { province },
            RegionProblem::InvalidRegency { regency } => KkError::InvalidRegency { regency },
            RegionProblem::InvalidDistrict => KkError::InvalidDistrict {},
            RegionProblem::UnknownDistrict { code } => KkError::UnknownDistrict { district: code },
        }
    }

    fn from_date(problem: DateProblem) -> KkError {
        match problem {
            DateProblem::InvalidMonth { month } => KkError::InvalidMonth { month },
            DateProblem::NotACalendarDate => KkError::InvalidDate {},
            DateProblem::InFuture => KkError::DateInFuture {},
        }
    }
}

/// Options for [`Kk::parse_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KkOptions {
    /// "Today" for century inference of the recording date.
    pub reference_date: Date,
    /// Whether an unknown district is an error or a warning.
    pub strictness: Strictness,
}

impl KkOptions {
    /// Lenient options with the given reference date.
    pub fn new(reference_date: Date) -> KkOptions {
        KkOptions {
            reference_date,
            strictness: Strictness::Lenient,
        }
    }

    /// The same options with another strictness.
    pub fn with_strictness(self, strictness: Strictness) -> KkOptions {
        KkOptions { strictness, ..self }
    }
}

/// A KK number that passed every rule.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kk {
    digits: [u8; 16],
    district_status: DistrictStatus,
    recorded_on: Date,
    century: CenturyInference,
}

impl Kk {
    /// Parses with lenient options and today's date in WIB.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(input: &str) -> Result<Kk, KkError> {
        Kk::parse_with(input, &KkOptions::new(Date::today_wib()))
    }

    /// Parses and checks a KK number.
    pub fn parse_with(input: &str, options: &KkOptions) -> Result<Kk, KkError> {
        let (digits, _) = input::read_digits::<16>(input, 16).map_err(KkError::from_input)?;
        let part = structure::check_region(&digits[..6], options.strictness)
            .map_err(KkError::from_region)?;
        let day = number(&digits[6..8]);
        let (month, two_digit_year) = (number(&digits[8..10]), number(&digits[10..12]));
        let (recorded_on, century) =
            structure::infer_date(day, month, two_digit_year, options.reference_date)
                .map_err(KkError::from_date)?;
        if &digits[12..] == b"0000" {
            return Err(KkError::InvalidSerial {});
        }
        Ok(Kk {
            digits,
            district_status: part.status,
            recorded_on,
            century,
        })
    }

    /// The whole number (family data: do not log it).
    pub fn reveal(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("KK digits are ASCII")
    }

    /// The issuing district.
    pub fn district(&self) -> RegionRef {
        RegionRef::resolve(RegionLevel::District, u64::from(number(&self.digits[..6])))
    }

    /// The date the card was recorded.
    pub fn recorded_on(&self) -> Date {
        self.recorded_on
    }

    /// How the century of the recording date was chosen.
    pub fn century_inference(&self) -> CenturyInference {
        self.century
    }

    /// The family serial, 1-9999.
    pub fn serial(&self) -> u16 {
        number(&self.digits[12..]) as u16
    }

    /// Warnings about the accepted number.
    pub fn warnings(&self) -> impl Iterator<Item = KkWarning> + use<> {
        let district = number(&self.digits[..6]);
        match self.district_status {
            DistrictStatus::Retired => Some(KkWarning::RetiredDistrict { district }),
            DistrictStatus::Unknown => Some(KkWarning::UnknownDistrict { district }),
            DistrictStatus::Current => None,
        }
        .into_iter()
    }

    /// Masked form `352701**********`.
    pub fn masked(&self) -> String {
        format!("{}**********", &self.reveal()[..6])
    }

    /// A plain serializable record (masked).
    pub fn details(&self) -> KkDetails {
        KkDetails {
            district: self.district(),
            recorded_on: self.recorded_on,
            century_inference: self.century,
            serial: format!("{:04}", self.serial()),
            masked: self.masked(),
            warnings: self.warnings().map(|w| Problem::from_coded(&w)).collect(),
        }
    }
}

impl fmt::Debug for Kk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kk({})", self.masked())
    }
}

impl fmt::Display for Kk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// The parts of a KK number, masked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KkDetails {
    /// Issuing district.
    pub district: RegionRef,
    /// Recording date.
    pub recorded_on: Date,
    /// How its century was chosen.
    pub century_inference: CenturyInference,
    /// Family serial, 4 digits.
    pub serial: String,
    /// Masked number.
    pub masked: String,
    /// Warnings.
    pub warnings: Vec<Problem>,
}
