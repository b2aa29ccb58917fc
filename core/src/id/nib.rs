//! NIB (Nomor Induk Berusaha), the 13-digit business number issued by OSS (PP 5/2021).
//!
//! OSS publishes no structure and no checksum, so offline only the form can be checked:
//! exactly 13 digits. Whether a NIB was actually issued can only be asked of OSS.

use std::fmt;

use crate::error::coded_enum;

use super::input::{self, InputProblem};

coded_enum! {
    /// Why a NIB was refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NibError {
        /// Nothing but whitespace and separators.
        Empty {} => "NIB_EMPTY",
            id: "NIB kosong",
            en: "NIB is empty";
        /// A character other than a digit, space, dot or dash.
        InvalidCharacter { position: usize } => "NIB_INVALID_CHARACTER",
            id: "NIB hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "A NIB may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit.
        NonAsciiDigit { position: usize } => "NIB_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9",
            en: "The digit at position {position} is not an ASCII digit 0-9";
        /// Not 13 digits.
        InvalidLength { found: usize } => "NIB_INVALID_LENGTH",
            id: "NIB harus 13 digit, ditemukan {found} digit",
            en: "A NIB has 13 digits, found {found}";
    }
}

/// A NIB of the right form.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nib {
    digits: [u8; 13],
}

impl Nib {
    /// Parses a NIB (13 digits; spaces, dots and dashes are skipped).
    pub fn parse(input: &str) -> Result<Nib, NibError> {
        let (digits, _) = input::read_digits::<13>(input, 13).map_err(|problem| match problem {
            InputProblem::Empty => NibError::Empty {},
            InputProblem::InvalidCharacter { position } => NibError::InvalidCharacter { position },
            InputProblem::NonAsciiDigit { position } => NibError::NonAsciiDigit { position },
            InputProblem::Length { found } => NibError::InvalidLength { found },
        })?;
        Ok(Nib { digits })
    }

    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("NIB digits are ASCII")
    }
}

impl fmt::Display for Nib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Nib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nib({})", self.as_str())
    }
}
