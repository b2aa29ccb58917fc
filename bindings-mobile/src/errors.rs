//! One error type per domain, as thrown in Kotlin (`NikException`), Swift (`NikError`) and
//! Python (`NikError`).
//!
//! Every variant carries the same four fields: the stable `code` of `docs/errors.md`, the
//! structured `fields` (never personal data), and the message in Indonesian and English. The
//! variants only say whether the caller acts differently: `Invalid` is the user's input (show
//! the message), `InvalidArgument` is the app's own argument, such as a malformed reference
//! date (fix the code).

use std::collections::HashMap;

use kotacerdas_core::{Coded, Problem};

/// Declares a domain error enum whose variants all carry code, fields and both messages.
macro_rules! domain_error {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[error("{code}: {message_id}")]
                $variant {
                    /// Stable machine code, e.g. `NIK_INVALID_LENGTH`.
                    code: String,
                    /// Structured fields that explain the problem (positions, lengths, codes).
                    fields: HashMap<String, String>,
                    /// Message in Indonesian (the default language of the SDK).
                    message_id: String,
                    /// Message in English.
                    message_en: String,
                },
            )+
        }

        impl $name {
            $(
                #[allow(non_snake_case, dead_code)]
                pub(crate) fn $variant(problem: Problem) -> $name {
                    $name::$variant {
                        code: problem.code,
                        fields: problem.fields.into_iter().collect(),
                        message_id: problem.message_id,
                        message_en: problem.message_en,
                    }
                }
            )+

            /// The stable code, whatever the variant.
            pub fn code(&self) -> &str {
                match self {
                    $($name::$variant { code, .. } => code,)+
                }
            }
        }
    };
}

/// A snapshot of any coded core value.
pub(crate) fn problem(value: &dyn Coded) -> Problem {
    Problem::from_coded(value)
}

domain_error! {
    /// A NIK was refused, or an option of the NIK functions was malformed.
    NikError {
        /// The NIK breaks a rule; `code` says which (`NIK_*`).
        Invalid,
        /// An argument of the app is malformed: a reference or known birth date that is not
        /// `YYYY-MM-DD` (`DATE_*`), or a pseudonym key that is too short (`PSEUDONYM_*`).
        InvalidArgument,
    }
}

domain_error! {
    /// A KK number was refused, or an option was malformed.
    KkError {
        /// The number breaks a rule (`KK_*`).
        Invalid,
        /// A malformed reference date (`DATE_*`).
        InvalidArgument,
    }
}

domain_error! {
    /// A NOP was refused, or the SISMIOP reference table given was malformed.
    NopError {
        /// The NOP breaks a rule (`NOP_*`).
        Invalid,
        /// The reference table or its regency code is malformed (`SISMIOP_TABLE_*`,
        /// `REGION_*`).
        InvalidArgument,
    }
}

domain_error! {
    /// An NPWP was refused, or an option was malformed.
    NpwpError {
        /// The NPWP breaks a rule (`NPWP_*`).
        Invalid,
        /// A malformed reference date (`DATE_*`).
        InvalidArgument,
    }
}

domain_error! {
    /// A NIB was refused.
    NibError {
        /// The NIB breaks a rule (`NIB_*`).
        Invalid,
    }
}

domain_error! {
    /// A phone number was refused.
    PhoneError {
        /// The number breaks a rule (`PHONE_*`).
        Invalid,
    }
}

domain_error! {
    /// A region code was malformed or not found.
    RegionError {
        /// Not 2, 4, 6 or 10 digits (`REGION_INVALID_CODE`).
        Invalid,
        /// Well-formed but in neither the current decree nor the retired codes
        /// (`REGION_NOT_FOUND`).
        NotFound,
    }
}

domain_error! {
    /// A generic [`crate::call`] failed.
    CallError {
        /// No function has this name (`CALL_UNKNOWN_FUNCTION`).
        UnknownFunction,
        /// The input is not JSON or does not fit the function (`CALL_INVALID_INPUT`).
        InvalidInput,
        /// The function ran and refused the input with its domain code (`NIK_*`, `REGION_*`,
        /// ...), exactly as the typed function would.
        Rejected,
    }
}

domain_error! {
    /// A tax calculation was refused.
    TaxError {
        /// The input breaks a rule or no rule set covers it (`TAX_*`, `RULES_*`).
        Invalid,
        /// The input is not a JSON object (`TAX_INVALID_INPUT`).
        InvalidArgument,
    }
}

domain_error! {
    /// A complaint function could not run (a refused draft is a result, not this error).
    ComplaintError {
        /// A malformed argument, such as an instant that is not ISO 8601 (`CALENDAR_*`).
        InvalidArgument,
    }
}
