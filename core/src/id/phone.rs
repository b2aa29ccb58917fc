//! Indonesian mobile phone numbers, normalised to E.164 (`+628…`).
//!
//! People write them as `0812-3456-7890`, `62 812 3456 7890`, `+62 812-3456-7890`,
//! `(+62) 812 3456 7890`, `0062 812 3456 7890` or `(0812) 3456 7890`. After the trunk prefix (`0`, `62` or `+62`) a mobile number starts with
//! `8` and has 9 to 12 more digits, i.e. 10 to 13 digits in the national `08…` form. A
//! complaint needs a reachable contact unless it is anonymous.

use std::fmt;

use crate::error::coded_enum;

coded_enum! {
    /// Why a phone number was refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PhoneError {
        /// Nothing but whitespace and separators.
        Empty {} => "PHONE_EMPTY",
            id: "Nomor telepon kosong",
            en: "Phone number is empty";
        /// A character other than digits, a leading `+`, spaces, dots, dashes or parentheses.
        InvalidCharacter { position: usize } => "PHONE_INVALID_CHARACTER",
            id: "Nomor telepon hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "A phone number may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit.
        NonAsciiDigit { position: usize } => "PHONE_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9",
            en: "The digit at position {position} is not an ASCII digit 0-9";
        /// An international number with a country code other than 62.
        NotIndonesian {} => "PHONE_NOT_INDONESIAN",
            id: "Hanya nomor Indonesia (+62) yang diterima",
            en: "Only Indonesian numbers (+62) are accepted";
        /// Does not start with `0`, `62` or `+62`.
        InvalidPrefix {} => "PHONE_INVALID_PREFIX",
            id: "Nomor harus diawali 08, 628 atau +628",
            en: "The number must start with 08, 628 or +628";
        /// Indonesian, but not a mobile number (after the prefix it must start with 8).
        NotMobile {} => "PHONE_NOT_MOBILE",
            id: "Bukan nomor seluler (harus diawali 08); nomor telepon rumah tidak dapat menerima SMS/WhatsApp",
            en: "Not a mobile number (must start with 08); landlines cannot receive SMS/WhatsApp";
        /// Wrong number of digits in the national form.
        InvalidLength { found: usize } => "PHONE_INVALID_LENGTH",
            id: "Nomor seluler harus 10-13 digit dalam format 08…, ditemukan {found}",
            en: "A mobile number has 10-13 digits in the 08… form, found {found}";
    }
}

/// An Indonesian mobile number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    /// National significant number (without 0 or 62): `8…`, 9-12 ASCII digits.
    subscriber: [u8; 12],
    length: u8,
}

impl PhoneNumber {
    /// Parses and normalises a mobile number.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneError> {
        const MAX_DIGITS: usize = 16;
        let trimmed = input.trim();
        let leading = input.chars().take_while(|c| c.is_whitespace()).count();
        let mut digits = [0u8; MAX_DIGITS];
        let mut count: usize = 0;
        let mut plus = false;
        for (index, c) in trimmed.chars().enumerate() {
            // `index` locates an invalid character for the message.
            match c {
                '0'..='9' => {
                    if count < MAX_DIGITS {
                        digits[count] = c as u8;
                    }
                    count += 1;
                }
                // `+62 …` and `(+62) …`: a plus before any digit.
                '+' if count == 0 && !plus => plus = true,
                ' ' | '.' | '-' | '(' | ')' => {}
                _ => {
                    let position = leading + index + 1;
                    return Err(if c.is_numeric() {
                        PhoneError::NonAsciiDigit { position }
                    } else {
                        PhoneError::InvalidCharacter { position }
                    });
                }
            }
        }
        if count == 0 {
            return Err(PhoneError::Empty {});
        }
        let mut digits = &digits[..count.min(MAX_DIGITS)];
        // `00` is the international call prefix: `0062 812…` = `+62 812…`.
        if !plus && digits.starts_with(b"00") {
            digits = &digits[2..];
            count -= 2;
            plus = true;
        }
        let national = if plus || digits.starts_with(b"62") {
            if !digits.starts_with(b"62") {
                return Err(PhoneError::NotIndonesian {});
            }
            // "+62 0812…" is a common way of writing; the trunk 0 is dropped.
            let rest = &digits[2..];
            rest.strip_prefix(b"0").unwrap_or(rest)
        } else if let Some(rest) = digits.strip_prefix(b"0") {
            rest
        } else {
            return Err(PhoneError::InvalidPrefix {});
        };
        if national.first() != Some(&b'8') {
            return Err(PhoneError::NotMobile {});
        }
        // Count in the national 08… form, as people know it; count digits beyond the buffer too.
        let national_length = count - (digits.len() - national.len()) + 1;
        if !(10..=13).contains(&national_length) {
            return Err(PhoneError::InvalidLength {
                found: national_length,
            });
        }
        let mut subscriber = [0u8; 12];
        subscriber[..national.len()].copy_from_slice(national);
        Ok(PhoneNumber {
            subscriber,
            length: national.len() as u8,
        })
    }

    /// E.164 form, `+6281234567890`.
    pub fn e164(&self) -> String {
        format!("+62{}", self.subscriber_digits())
    }

    /// National form, `081234567890`.
    pub fn national(&self) -> String {
        format!("0{}", self.subscriber_digits())
    }

    /// Masked for display: `+62812****7890`.
    pub fn masked(&self) -> String {
        let digits = self.subscriber_digits();
        let keep_end = 4;
        let hidden = digits.len().saturating_sub(3 + keep_end);
        format!(
            "+62{}{}{}",
            &digits[..3],
            "*".repeat(hidden),
            &digits[3 + hidden..]
        )
    }

    fn subscriber_digits(&self) -> &str {
        std::str::from_utf8(&self.subscriber[..usize::from(self.length)])
            .expect("phone digits are ASCII")
    }
}

impl fmt::Display for PhoneNumber {
    /// E.164.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+62{}", self.subscriber_digits())
    }
}

impl fmt::Debug for PhoneNumber {
    /// Masked: a phone number is personal data.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}
