//! The error model shared by every domain.
//!
//! Each domain has its own error enum (`NikError`, `RegionError`, ...). Every variant has a
//! stable machine code in SCREAMING_SNAKE_CASE (the same string in Rust, JS, Kotlin, Swift and
//! Python), structured fields, and a message in Indonesian and English. Codes are a public
//! contract: never rename one; add a new variant instead. `docs/errors.md` lists them all and a
//! test keeps that list complete.
//!
//! Messages never contain a whole NIK or other personal data: fields hold positions, lengths,
//! region codes and the like, not the input.

use std::collections::BTreeMap;
use std::fmt;

/// Language of a human-readable message.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (the default everywhere).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses `id` or `en` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.to_ascii_lowercase().as_str() {
            "id" | "id-id" | "ind" => Some(Lang::Id),
            "en" | "en-us" | "en-gb" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Implemented by every error and warning of the SDK.
pub trait Coded {
    /// Stable machine code, e.g. `NIK_INVALID_DATE`.
    fn code(&self) -> &'static str;
    /// Human-readable message in the given language.
    fn message(&self, lang: Lang) -> String;
    /// Structured fields (name, value) that explain the problem; never personal data.
    fn fields(&self) -> Vec<(&'static str, String)>;
}

/// A language-neutral snapshot of any [`Coded`] value, for JSON output and bindings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// Stable machine code.
    pub code: String,
    /// Message in Indonesian.
    pub message_id: String,
    /// Message in English.
    pub message_en: String,
    /// Structured fields by name.
    pub fields: BTreeMap<String, String>,
}

impl Problem {
    /// Captures code, both messages and fields of a coded value.
    pub fn from_coded(value: &dyn Coded) -> Problem {
        Problem {
            code: value.code().to_owned(),
            message_id: value.message(Lang::Id),
            message_en: value.message(Lang::En),
            fields: value
                .fields()
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        }
    }

    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.message_id,
            Lang::En => &self.message_en,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en)
    }
}

/// Declares an enum of coded problems: each variant with its stable code, its fields and its
/// messages in Indonesian and English. Messages may name the fields (`{found}`).
///
/// The macro exists so that code, messages and the list of all codes are written once, next to
/// each other, for every domain.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident { $($field:ident : $ty:ty),* $(,)? } => $code:literal,
                    id: $id:literal,
                    en: $en:literal;
            )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[allow(missing_docs)]
                $variant { $($field: $ty),* },
            )+
        }

        impl $name {
            /// Every code this type can produce, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// Position of this variant's code in [`Self::CODES`]: lets counters use an array
            /// instead of a map keyed by string.
            #[inline]
            pub fn ordinal(&self) -> usize {
                #[allow(non_camel_case_types, dead_code, clippy::enum_variant_names)]
                enum Ordinal { $($variant),+ }
                match self {
                    $(Self::$variant { .. } => Ordinal::$variant as usize,)+
                }
            }
        }

        impl $crate::error::Coded for $name {
            fn code(&self) -> &'static str {
                match self {
                    $(Self::$variant { .. } => $code,)+
                }
            }

            #[allow(unused_variables)]
            fn message(&self, lang: $crate::error::Lang) -> String {
                match self {
                    $(Self::$variant { $($field),* } => match lang {
                        $crate::error::Lang::Id => format!($id),
                        $crate::error::Lang::En => format!($en),
                    },)+
                }
            }

            #[allow(unused_variables)]
            fn fields(&self) -> Vec<(&'static str, String)> {
                match self {
                    $(Self::$variant { $($field),* } => vec![$((stringify!($field), $field.to_string())),*],)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                use $crate::error::Coded as _;
                write!(f, "{}: {}", self.code(), self.message($crate::error::Lang::En))
            }
        }

        impl ::std::error::Error for $name {}

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::error::Problem::from_coded(self).serialize(serializer)
            }
        }
    };
}
pub(crate) use coded_enum;

/// Every error and warning code of the core, by domain, for documentation and bindings.
pub fn all_codes() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("calendar", crate::calendar::CalendarError::CODES),
        ("complaint", crate::complaint::ComplaintDataError::CODES),
        ("complaint", crate::complaint::draft::ReportError::CODES),
        ("complaint", crate::complaint::LifecycleError::CODES),
        ("complaint", crate::complaint::RoutingError::CODES),
        ("date", crate::date::DateError::CODES),
        ("region", crate::region::RegionError::CODES),
        ("nik", crate::id::nik::NikError::CODES),
        ("nik_warning", crate::id::nik::NikWarning::CODES),
        ("pseudonym", crate::id::nik::PseudonymError::CODES),
        ("kk", crate::id::kk::KkError::CODES),
        ("kk_warning", crate::id::kk::KkWarning::CODES),
        ("nop", crate::id::nop::NopError::CODES),
        ("nop_warning", crate::id::nop::NopWarning::CODES),
        ("sismiop_table", crate::id::nop::SismiopTableError::CODES),
        ("npwp", crate::id::npwp::NpwpError::CODES),
        ("nib", crate::id::nib::NibError::CODES),
        ("phone", crate::id::phone::PhoneError::CODES),
        ("call", crate::json_api::CallError::CODES),
        ("tax", crate::tax::TaxError::CODES),
    ]
}
