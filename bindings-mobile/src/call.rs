//! The generic entry point: every function of `kotacerdas_core::json_api` by name, JSON in and
//! out. It carries functions the typed facade does not wrap yet, and runs the conformance
//! vectors in every language.

use kotacerdas_core::json_api::{self, CallError as CoreCallError};
use serde_json::Value;

use crate::errors::{CallError, problem};

/// Calls a core function by name (`"nik.parse"`, `"region.search"`, ...; see [`functions`])
/// with a JSON object, and returns its JSON result. Errors carry the same codes as the typed
/// functions.
#[uniffi::export]
pub fn call(function: String, input_json: String) -> Result<String, CallError> {
    let input: Value = serde_json::from_str(&input_json).map_err(|e| {
        CallError::InvalidInput(problem(&CoreCallError::InvalidInput {
            reason: format!("not JSON: {e}"),
        }))
    })?;
    match json_api::call(&function, &input) {
        Ok(output) => Ok(output.to_string()),
        Err(p) if p.code == "CALL_UNKNOWN_FUNCTION" => Err(CallError::UnknownFunction(p)),
        Err(p) if p.code == "CALL_INVALID_INPUT" => Err(CallError::InvalidInput(p)),
        Err(p) => Err(CallError::Rejected(p)),
    }
}

/// The names [`call`] accepts.
#[uniffi::export]
pub fn functions() -> Vec<String> {
    json_api::FUNCTIONS
        .iter()
        .map(|f| (*f).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_sorts_errors_by_what_the_caller_does() {
        let out = call(
            "nik.parse".into(),
            r#"{"nik": "3527014501900001", "reference_date": "2026-11-29"}"#.into(),
        )
        .unwrap();
        assert!(out.contains("\"birth_date\":\"1990-01-05\""), "{out}");
        assert!(matches!(
            call("x.y".into(), "{}".into()),
            Err(CallError::UnknownFunction { .. })
        ));
        let not_json = call("nik.parse".into(), "{".into()).unwrap_err();
        assert!(matches!(not_json, CallError::InvalidInput { .. }));
        assert_eq!(not_json.code(), "CALL_INVALID_INPUT");
        let rejected = call(
            "nik.parse".into(),
            r#"{"nik": "1", "reference_date": "2026-11-29"}"#.into(),
        )
        .unwrap_err();
        assert!(matches!(rejected, CallError::Rejected { .. }));
        assert_eq!(rejected.code(), "NIK_INVALID_LENGTH");
        assert!(functions().contains(&"region.search".to_owned()));
    }
}
