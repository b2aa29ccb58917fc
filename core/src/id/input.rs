//! Reading digits from what a person typed. Shared by every identifier parser.

/// What is wrong with the characters of an input, before any identifier rule applies. Each
/// identifier maps these to its own codes (`NIK_INVALID_LENGTH`, `KK_INVALID_LENGTH`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputProblem {
    /// Nothing but whitespace and separators.
    Empty,
    /// A character that is neither an ASCII digit nor a separator (1-based position).
    InvalidCharacter { position: usize },
    /// A digit outside ASCII, e.g. full-width `３` or Arabic-Indic `٣` (1-based position).
    NonAsciiDigit { position: usize },
    /// The number of digits found.
    Length { found: usize },
}

/// Separators people type inside numbers: `3527 01 450190 0001`, `3527.01.450190.0001`,
/// `01.451.869.0-054.000`.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-')
}

/// Reads between `MIN` and `MAX` digits (`MIN == MAX` for fixed-length identifiers) into a
/// fixed buffer, skipping separators and surrounding whitespace. Returns the buffer and the
/// number of digits. Never allocates.
///
/// The fast path (exactly `MAX` plain ASCII digits, as in most machine-produced data) is
/// inlined into the caller even in the size-optimised wasm build, where a call per NIK was a
/// large part of a batch; everything else is one out-of-line call.
#[inline(always)]
pub(crate) fn read_digits<const MAX: usize>(
    input: &str,
    min: usize,
) -> Result<([u8; MAX], usize), InputProblem> {
    let bytes = input.as_bytes();
    if bytes.len() == MAX {
        let mut digits = [0u8; MAX];
        let mut all = true;
        for (slot, &byte) in digits.iter_mut().zip(bytes) {
            all &= byte.is_ascii_digit();
            *slot = byte;
        }
        if all {
            return Ok((digits, MAX));
        }
    }
    read_digits_slow(input, min)
}

#[inline(never)]
fn read_digits_slow<const MAX: usize>(
    input: &str,
    min: usize,
) -> Result<([u8; MAX], usize), InputProblem> {
    if input.is_ascii() {
        read_ascii_digits(input.as_bytes(), min)
    } else {
        read_char_digits(input, min)
    }
}

fn read_char_digits<const MAX: usize>(
    input: &str,
    min: usize,
) -> Result<([u8; MAX], usize), InputProblem> {
    let mut digits = [0u8; MAX];
    let trimmed = input.trim();
    let mut count = 0;
    for (index, c) in trimmed.chars().enumerate() {
        if c.is_ascii_digit() {
            if count < MAX {
                digits[count] = c as u8;
            }
            count += 1;
        } else if is_separator(c) {
            continue;
        } else {
            // Position in the input as the person sees it (leading whitespace included).
            let leading = input.chars().take_while(|c| c.is_whitespace()).count();
            let position = leading + index + 1;
            return Err(if c.is_numeric() {
                InputProblem::NonAsciiDigit { position }
            } else {
                InputProblem::InvalidCharacter { position }
            });
        }
    }
    match count {
        0 => Err(InputProblem::Empty),
        n if n < min || n > MAX => Err(InputProblem::Length { found: n }),
        n => Ok((digits, n)),
    }
}

/// [`read_digits`] for ASCII input, byte by byte (what most typed-in data is): the same
/// answers as the `char` loop, without decoding UTF-8.
fn read_ascii_digits<const MAX: usize>(
    bytes: &[u8],
    min: usize,
) -> Result<([u8; MAX], usize), InputProblem> {
    // `char::is_whitespace` restricted to ASCII (it includes U+000B, unlike
    // `u8::is_ascii_whitespace`).
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |last| last + 1);
    let mut digits = [0u8; MAX];
    let mut count = 0;
    for (index, &byte) in bytes[start..end].iter().enumerate() {
        if byte.is_ascii_digit() {
            if count < MAX {
                digits[count] = byte;
            }
            count += 1;
        } else if !is_separator(char::from(byte)) {
            return Err(InputProblem::InvalidCharacter {
                position: start + index + 1,
            });
        }
    }
    match count {
        0 => Err(InputProblem::Empty),
        n if n < min || n > MAX => Err(InputProblem::Length { found: n }),
        n => Ok((digits, n)),
    }
}

/// The number formed by `digits[range]` (ASCII digits).
#[inline(always)]
pub(crate) fn number(digits: &[u8]) -> u32 {
    // A plain loop: iterator adapters are not inlined in the size-optimised wasm build.
    let mut value = 0;
    let mut index = 0;
    while index < digits.len() {
        value = value * 10 + u32::from(digits[index] - b'0');
        index += 1;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_whitespace_are_skipped() {
        let (digits, n) = read_digits::<16>(" 3527.01.450190.0001\t", 16).unwrap();
        assert_eq!(n, 16);
        assert_eq!(&digits, b"3527014501900001");
        assert!(read_digits::<16>("3527-01-450190-0001", 16).is_ok());
        assert!(read_digits::<16>("3527 01 450190 0001", 16).is_ok());
    }

    #[test]
    fn problems_are_classified() {
        assert_eq!(read_digits::<16>("", 16), Err(InputProblem::Empty));
        assert_eq!(read_digits::<16>(" .- ", 16), Err(InputProblem::Empty));
        assert_eq!(
            read_digits::<16>("12a", 16),
            Err(InputProblem::InvalidCharacter { position: 3 })
        );
        assert_eq!(
            read_digits::<16>("  1２", 16),
            Err(InputProblem::NonAsciiDigit { position: 4 })
        );
        assert_eq!(
            read_digits::<16>("123", 16),
            Err(InputProblem::Length { found: 3 })
        );
        let long = "1".repeat(1_000_000);
        assert_eq!(
            read_digits::<16>(&long, 16),
            Err(InputProblem::Length { found: 1_000_000 })
        );
    }

    #[test]
    fn ascii_path_agrees_with_the_char_path() {
        // Both paths on ASCII text: the same answers.
        let inputs = [
            "",
            " ",
            "\u{b}3527014501900001\u{c}",
            " 3527.01.450190.0001\t",
            "12a",
            "  1 2 x",
            "3527-01-450190-0001",
            "123",
            "35270145019000011",
            "\r\n",
            " .- ",
            "1\u{1c}2",
        ];
        for input in inputs {
            let by_bytes = read_ascii_digits::<16>(input.as_bytes(), 16);
            let by_chars = read_char_digits::<16>(input, 16);
            assert_eq!(by_bytes, by_chars, "{input:?}");
        }
    }

    #[test]
    fn variable_length() {
        assert_eq!(read_digits::<22>("014518690054000", 15).unwrap().1, 15);
        assert_eq!(
            read_digits::<22>("12345", 15),
            Err(InputProblem::Length { found: 5 })
        );
    }
}
