//! Identifiers: NIK, KK, NOP PBB-P2, NPWP, NIB and Indonesian phone numbers.
//!
//! Each identifier is a type whose only constructor is its parser (`Nik::parse_with`,
//! `Kk::parse_with`, ...): holding a value means it passed every rule of
//! `docs/identifiers.md`. Parsers forgive what people type (surrounding whitespace, and spaces,
//! dots and dashes between digits) but never guess: any other character, including non-ASCII
//! digits such as full-width `３`, is refused with its own code.

pub mod kk;
pub mod nib;
pub mod nik;
pub mod nop;
pub mod npwp;
pub mod phone;

mod input;
mod structure;

pub use kk::Kk;
pub use nib::Nib;
pub use nik::Nik;
pub use nop::Nop;
pub use npwp::Npwp;
pub use phone::PhoneNumber;

/// How strictly region codes inside an identifier are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[derive(crate::json_de::JsonRead)]
pub enum Strictness {
    /// An unknown district is a warning: it may be a code retired before 2015, for which no
    /// archive exists. The default, for data cleaning.
    #[default]
    Lenient,
    /// An unknown district is an error.
    Strict,
}

/// How the century of a two-digit year was chosen (NIK birth date, KK recording date).
///
/// The year has two digits and the century is not encoded. The rule: 20YY if that date is not
/// after the reference date ("today" by default), else 19YY. For people aged 100 or more the
/// number is ambiguous: pass a known birth date to settle it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CenturyInference {
    /// 20YY, because it is not after the reference date (19YY is also possible for a person
    /// aged 100 or more).
    Current,
    /// 19YY, because 20YY would be after the reference date.
    Previous,
    /// Taken from the known birth date the caller passed.
    FromKnownDate,
}
