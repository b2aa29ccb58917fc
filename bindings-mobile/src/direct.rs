//! The C ABI of the Kotlin wrapper: plain `extern "C"` functions outside uniffi, for callers
//! that bind them directly (JNA direct mapping in `NikChecker.kt`) so that a call passes only
//! integers and allocates nothing on the foreign side: no uniffi call status, no buffer.
//!
//! An **internal** ABI, not API: only the hand-written Kotlin in this repository calls it, and
//! it may change with any release of the library (the generated bindings do not know it; Swift
//! and Python reach the same code through the uniffi exports [`check_nik_number`] and
//! [`parse_nik_number`]). Each function is a translation of a uniffi export, which holds the one
//! implementation, and never unwinds across the FFI: a panic, like an argument the export
//! refuses, becomes a reserved answer on which the caller calls the uniffi export to get the
//! typed error. The symbols are exported by the cdylib and kept in the staticlib (iOS), like
//! uniffi's own; the Swift and Python generators ignore them.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::ids::{check_nik_number, parse_nik_number};

/// The answer of [`kotacerdas_nik_check_number`] for "call [`check_nik_number`] to learn why":
/// an argument it refuses (more than 16 digits, an impossible date) or an internal error. No
/// verdict has it (a verdict uses the low 16 bits only).
pub const NIK_CHECK_RETRY_TYPED: u32 = u32::MAX;

/// [`check_nik_number`] for a direct C call: the same arguments (`strict`: 0 = false, any other
/// value = true) and the same answer (low byte 0 = accepted, else error index + 1; second byte:
/// one bit per warning), or [`NIK_CHECK_RETRY_TYPED`] where the export returns an error or the
/// call panics.
// `no_mangle` is what makes this a C entry point; the name carries the crate's prefix so that
// it cannot clash with another library's symbol (the only reason the attribute is unsafe).
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub extern "C" fn kotacerdas_nik_check_number(
    nik: u64,
    reference_date: u32,
    strict: u8,
    known_birth_date: u32,
) -> u32 {
    answer_or(NIK_CHECK_RETRY_TYPED, || {
        check_nik_number(nik, reference_date, strict != 0, known_birth_date)
    })
}

/// The answer of [`kotacerdas_nik_parse_number`] for "call [`parse_nik_number`] to learn why".
/// No answer has it (a refused number's answer uses bits 0-8 only).
pub const NIK_PARSE_RETRY_TYPED: u64 = u64::MAX;

/// [`parse_nik_number`] for a direct C call: the same arguments as
/// [`kotacerdas_nik_check_number`] and the same packed answer (verdict and parsed fields), or
/// [`NIK_PARSE_RETRY_TYPED`] where the export returns an error or the call panics.
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub extern "C" fn kotacerdas_nik_parse_number(
    nik: u64,
    reference_date: u32,
    strict: u8,
    known_birth_date: u32,
) -> u64 {
    answer_or(NIK_PARSE_RETRY_TYPED, || {
        parse_nik_number(nik, reference_date, strict != 0, known_birth_date)
    })
}

/// The export's answer, or `reserved` when it returns an error or panics: nothing unwinds
/// into the caller's frames.
fn answer_or<T, E>(reserved: T, export: impl FnOnce() -> Result<T, E>) -> T {
    // Only integers go in, and nothing the closure sees is left half-updated by a panic.
    catch_unwind(AssertUnwindSafe(export))
        .ok()
        .and_then(Result::ok)
        .unwrap_or(reserved)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: u32 = 20261129;

    #[test]
    fn answers_as_the_uniffi_export() {
        let mut answers = std::collections::BTreeSet::new();
        for nik in [
            3527014501900001,
            3527014501900000,
            3527004501900001,
            3527994501900001,
            3527019901900001,
            3527014513900001,
            3527013102900001,
            9912344501900001,
            3570014501900001,
            1,
            0,
            9_999_999_999_999_999,
        ] {
            for (strict, known) in [(false, 0), (true, 0), (false, 19910105), (false, 19900105)] {
                for reference in [REFERENCE, 0] {
                    let want = check_nik_number(nik, reference, strict, known)
                        .expect("valid arguments: a verdict");
                    let got = kotacerdas_nik_check_number(nik, reference, u8::from(strict), known);
                    assert_eq!(got, want, "{nik} {strict} {known} {reference}");
                    assert_ne!(got, NIK_CHECK_RETRY_TYPED);
                    answers.insert(got);
                }
            }
        }
        // Accepted, accepted with warnings and several refusals: not one kind of answer only.
        assert!(answers.len() >= 6, "{answers:?}");
        assert!(answers.contains(&0));
        assert!(answers.iter().any(|a| a >> 8 != 0));
        // Any non-zero `strict` is true, as in C.
        assert_eq!(
            kotacerdas_nik_check_number(3527994501900001, REFERENCE, 7, 0),
            kotacerdas_nik_check_number(3527994501900001, REFERENCE, 1, 0),
        );
    }

    #[test]
    fn a_panic_is_the_reserved_answer_not_an_unwind() {
        let panicking = || -> Result<u32, ()> {
            panic!("deliberate panic (test): the C entry answers the reserved value")
        };
        assert_eq!(
            answer_or(NIK_CHECK_RETRY_TYPED, panicking),
            NIK_CHECK_RETRY_TYPED
        );
        assert_eq!(
            answer_or(NIK_CHECK_RETRY_TYPED, || Err::<u32, _>(())),
            NIK_CHECK_RETRY_TYPED
        );
        assert_eq!(answer_or(NIK_CHECK_RETRY_TYPED, || Ok::<_, ()>(7)), 7);
    }

    #[test]
    fn refused_arguments_answer_the_reserved_value() {
        for (nik, reference, known) in [
            (10_000_000_000_000_000, REFERENCE, 0), // 17 digits
            (u64::MAX, 0, 0),                       // 20 digits
            (3527014501900001, 20261331, 0),        // month 13
            (3527014501900001, 20260230, 0),        // 30 February
            (3527014501900001, u32::MAX, 0),        // year 429496
            (3527014501900001, REFERENCE, 5),       // year 0
            (3527014501900001, REFERENCE, 19900230),
        ] {
            assert!(check_nik_number(nik, reference, false, known).is_err());
            assert_eq!(
                kotacerdas_nik_check_number(nik, reference, 0, known),
                NIK_CHECK_RETRY_TYPED,
                "{nik} {reference} {known}"
            );
            assert!(parse_nik_number(nik, reference, false, known).is_err());
            assert_eq!(
                kotacerdas_nik_parse_number(nik, reference, 0, known),
                NIK_PARSE_RETRY_TYPED,
                "{nik} {reference} {known}"
            );
        }
    }
}
