//! Complaint drafts: the same validation the server applies to an app's upload, so an app can
//! show every problem before sending.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::{Catalog, ValidationContext, draft};

use crate::errors::{ComplaintError, problem};

/// One problem of a draft, tied to its field.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldProblem {
    /// Dotted path of the field in the draft JSON (`contact.phone`); empty for the whole draft.
    pub field: String,
    /// Stable code, e.g. `COMPLAINT_REQUIRED`.
    pub code: String,
    /// Structured fields.
    pub fields: HashMap<String, String>,
    /// Message in Indonesian.
    pub message_id: String,
    /// Message in English.
    pub message_en: String,
}

impl From<draft::FieldProblem> for FieldProblem {
    fn from(p: draft::FieldProblem) -> Self {
        FieldProblem {
            field: p.field,
            code: p.problem.code,
            fields: p.problem.fields.into_iter().collect(),
            message_id: p.problem.message_id,
            message_en: p.problem.message_en,
        }
    }
}

/// The outcome of validating a draft: either the cleaned report or every problem found.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComplaintValidation {
    /// The draft passed every check.
    pub valid: bool,
    /// The cleaned, normalised report as JSON (phone in E.164, NIK masked), when valid.
    pub report_json: Option<String>,
    /// Every problem, in field order, when not valid.
    pub problems: Vec<FieldProblem>,
}

/// Validates a complaint draft (JSON as the app would send it; fields in docs/complaints.md)
/// against Sampang's taxonomy and limits. `now` (ISO 8601 with offset) defaults to the clock.
#[uniffi::export(default(now = None))]
pub fn validate_complaint(
    draft_json: String,
    now: Option<String>,
) -> Result<ComplaintValidation, ComplaintError> {
    let now = match now {
        Some(text) => {
            Instant::parse_iso(&text).map_err(|e| ComplaintError::InvalidArgument(problem(&e)))?
        }
        None => Instant::from_unix_seconds(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
        ),
    };
    let context = ValidationContext {
        catalog: Catalog::embedded(),
        now,
    };
    Ok(match draft::validate_json(&draft_json, &context) {
        Ok(report) => ComplaintValidation {
            valid: true,
            // A ValidReport is plain data; serialising it cannot fail.
            report_json: serde_json::to_string(&report).ok(),
            problems: Vec::new(),
        },
        Err(problems) => ComplaintValidation {
            valid: false,
            report_json: None,
            problems: problems.into_iter().map(Into::into).collect(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_draft_lists_its_problems_and_bad_now_is_an_argument_error() {
        let result =
            validate_complaint("{}".into(), Some("2026-11-29T09:00:00+07:00".into())).unwrap();
        assert!(!result.valid);
        assert!(result.problems.iter().any(|p| p.field == "kind"));
        let malformed = validate_complaint("[]".into(), None).unwrap();
        assert_eq!(malformed.problems.len(), 1);
        let error = validate_complaint("{}".into(), Some("yesterday".into())).unwrap_err();
        assert!(error.code().starts_with("CALENDAR_"), "{}", error.code());
    }
}
