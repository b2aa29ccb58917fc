//! NPWP (Nomor Pokok Wajib Pajak) in its three forms.
//!
//! - 15 digits (legacy) `TT.SSS.SSS.C-KKK.BBB`: `C` is the Luhn mod-10 check digit over digits
//!   1-9; `KKK` the tax office, `BBB` the branch (`000` = head office).
//! - 16 digits (UU 7/2021 HPP; PMK 112/2022 as amended by PMK 136/2023; PER-6/PJ/2024):
//!   resident individuals use their NIK (checked as a NIK); others use `0` + the old 15 digits
//!   (Luhn over digits 2-10).
//! - 22 digits, NITKU: NPWP16 + a 6-digit place-of-business number (`000000` = head office).
//!
//! An NPWP that is a NIK is personal data: `Debug`/`Display` mask it as a NIK.

use std::fmt;

use crate::error::{Coded, coded_enum};

use super::input::{self, InputProblem, number};
use super::nik::{Nik, NikOptions};

coded_enum! {
    /// Why an NPWP was refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NpwpError {
        /// Nothing but whitespace and separators.
        Empty {} => "NPWP_EMPTY",
            id: "NPWP kosong",
            en: "NPWP is empty";
        /// A character other than a digit, space, dot or dash.
        InvalidCharacter { position: usize } => "NPWP_INVALID_CHARACTER",
            id: "NPWP hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "An NPWP may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit.
        NonAsciiDigit { position: usize } => "NPWP_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9",
            en: "The digit at position {position} is not an ASCII digit 0-9";
        /// Not 15, 16 or 22 digits.
        InvalidLength { found: usize } => "NPWP_INVALID_LENGTH",
            id: "NPWP harus 15, 16 atau 22 digit (NITKU), ditemukan {found} digit",
            en: "An NPWP has 15, 16 or 22 (NITKU) digits, found {found}";
        /// The Luhn check digit does not match.
        InvalidCheckDigit {} => "NPWP_INVALID_CHECK_DIGIT",
            id: "Digit pemeriksa NPWP tidak cocok; periksa kembali angkanya",
            en: "The NPWP check digit does not match; check the number again";
        /// A 16-digit NPWP not starting with 0 must be a valid NIK.
        InvalidNik { nik_code: &'static str } => "NPWP_INVALID_NIK",
            id: "NPWP 16 digit orang pribadi harus NIK yang sah ({nik_code})",
            en: "A 16-digit personal NPWP must be a valid NIK ({nik_code})";
    }
}

/// Which form an NPWP has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NpwpForm {
    /// Legacy 15 digits.
    Legacy15,
    /// 16 digits: a resident individual's NIK.
    Nik16,
    /// 16 digits: `0` + the legacy 15 digits.
    Entity16,
    /// 22 digits: NPWP16 + place of business.
    Nitku22,
}

/// An NPWP that passed its checks.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Npwp {
    /// Always stored in the 16-digit form (`0` + legacy for 15-digit input).
    npwp16: [u8; 16],
    form: NpwpForm,
    /// NITKU place-of-business number.
    place_of_business: Option<u32>,
    /// Set when the 16 digits are a NIK.
    nik: Option<Nik>,
}

impl Npwp {
    /// Parses an NPWP in any of its forms. A NIK inside is checked with `nik_options`.
    pub fn parse_with(input: &str, nik_options: &NikOptions) -> Result<Npwp, NpwpError> {
        let (digits, count) =
            input::read_digits::<22>(input, 15).map_err(|problem| match problem {
                InputProblem::Empty => NpwpError::Empty {},
                InputProblem::InvalidCharacter { position } => {
                    NpwpError::InvalidCharacter { position }
                }
                InputProblem::NonAsciiDigit { position } => NpwpError::NonAsciiDigit { position },
                InputProblem::Length { found } => NpwpError::InvalidLength { found },
            })?;
        let mut npwp16 = [b'0'; 16];
        match count {
            15 => {
                npwp16[1..].copy_from_slice(&digits[..15]);
                Npwp::sixteen(npwp16, NpwpForm::Legacy15, None, nik_options)
            }
            16 | 22 => {
                npwp16.copy_from_slice(&digits[..16]);
                let (form, place) = if count == 22 {
                    (NpwpForm::Nitku22, Some(number(&digits[16..22])))
                } else {
                    (NpwpForm::Nik16, None)
                };
                Npwp::sixteen(npwp16, form, place, nik_options)
            }
            found => Err(NpwpError::InvalidLength { found }),
        }
    }

    /// Checks the 16-digit core: `0` + legacy (Luhn) or a NIK.
    fn sixteen(
        npwp16: [u8; 16],
        form: NpwpForm,
        place_of_business: Option<u32>,
        nik_options: &NikOptions,
    ) -> Result<Npwp, NpwpError> {
        if npwp16[0] == b'0' {
            if !luhn_valid(&npwp16[1..10]) {
                return Err(NpwpError::InvalidCheckDigit {});
            }
            let form = if form == NpwpForm::Nik16 {
                NpwpForm::Entity16
            } else {
                form
            };
            return Ok(Npwp {
                npwp16,
                form,
                place_of_business,
                nik: None,
            });
        }
        let text = std::str::from_utf8(&npwp16).expect("NPWP digits are ASCII");
        let nik = Nik::parse_with(text, nik_options).map_err(|error| NpwpError::InvalidNik {
            nik_code: error.code(),
        })?;
        Ok(Npwp {
            npwp16,
            form,
            place_of_business,
            nik: Some(nik),
        })
    }

    /// The form of the input.
    pub fn form(&self) -> NpwpForm {
        self.form
    }

    /// The NIK inside a personal NPWP.
    pub fn nik(&self) -> Option<&Nik> {
        self.nik.as_ref()
    }

    /// The 16-digit NPWP (for legacy input, `0` + the 15 digits). Personal data when it is a
    /// NIK.
    pub fn reveal_npwp16(&self) -> &str {
        std::str::from_utf8(&self.npwp16).expect("NPWP digits are ASCII")
    }

    /// The legacy 15-digit form `TT.SSS.SSS.C-KKK.BBB`, when there is one (not for a NIK).
    pub fn legacy_formatted(&self) -> Option<String> {
        if self.nik.is_some() {
            return None;
        }
        let d = &self.reveal_npwp16()[1..];
        Some(format!(
            "{}.{}.{}.{}-{}.{}",
            &d[..2],
            &d[2..5],
            &d[5..8],
            &d[8..9],
            &d[9..12],
            &d[12..15]
        ))
    }

    /// Legacy tax office code `KKK` (not for a NIK).
    pub fn tax_office(&self) -> Option<&str> {
        self.nik.is_none().then(|| &self.reveal_npwp16()[10..13])
    }

    /// Legacy branch code `BBB`, `000` for the head office (not for a NIK).
    pub fn branch(&self) -> Option<&str> {
        self.nik.is_none().then(|| &self.reveal_npwp16()[13..16])
    }

    /// NITKU place-of-business number (`0` = head office).
    pub fn place_of_business(&self) -> Option<u32> {
        self.place_of_business
    }

    /// The 22-digit NITKU, with `000000` for the head office when the input had no place.
    pub fn nitku(&self) -> String {
        format!(
            "{}{:06}",
            self.reveal_npwp16(),
            self.place_of_business.unwrap_or(0)
        )
    }

    /// A form safe to show: a NIK masked, an entity NPWP whole (it identifies a business).
    pub fn masked(&self) -> String {
        match &self.nik {
            Some(nik) => nik.masked(),
            None => self.reveal_npwp16().to_owned(),
        }
    }
}

impl fmt::Debug for Npwp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Npwp({:?}, {})", self.form, self.masked())
    }
}

impl fmt::Display for Npwp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Luhn mod-10 over ASCII digits, the last one being the check digit.
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}
