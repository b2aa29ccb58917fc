//! Comparing an answer with a case's expectation.

use serde_json::Value;

use super::implementation::Answer;
use super::vectors::Expected;

/// `Ok` when the answer meets the expectation; otherwise a readable difference.
///
/// `expected.ok` lists the fields that must match: every key it has must be in the answer with
/// an equal value. Objects inside are compared the same way, so a subset at any depth is
/// allowed. A list of plain values (strings, numbers, booleans, null), such as `warnings`, must
/// hold the same elements in any order; any other list must have the same length, and its
/// elements are compared in order, each as a subset.
pub fn check(expected: &Expected, answer: &Answer) -> Result<(), String> {
    match (expected, answer) {
        (Expected::Ok(fields), Answer::Ok(actual)) => {
            let mut differences = Vec::new();
            subset(fields, actual, "", &mut differences);
            if differences.is_empty() {
                Ok(())
            } else {
                Err(differences.join("\n"))
            }
        }
        (Expected::Error(error), Answer::Error(code)) if *code == error.code => Ok(()),
        (Expected::Error(error), Answer::Error(code)) => {
            Err(format!("expected error {}, got error {code}", error.code))
        }
        (Expected::Error(error), Answer::Ok(actual)) => Err(format!(
            "expected error {}, got a result: {}",
            error.code,
            shorten(actual)
        )),
        (Expected::Ok(_), Answer::Error(code)) => {
            Err(format!("expected a result, got error {code}"))
        }
        (_, Answer::Unsupported) => Err("unsupported".to_owned()),
        (_, Answer::Failure(reason)) => Err(reason.clone()),
    }
}

fn subset(expected: &Value, actual: &Value, path: &str, differences: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match have.get(key) {
                    Some(actual) => subset(value, actual, &path, differences),
                    None => differences.push(format!("  {path}: expected {value}, missing")),
                }
            }
        }
        (Value::Array(want), Value::Array(have)) if want.iter().all(is_scalar) => {
            if !same_multiset(want, have) {
                differences.push(format!(
                    "  {}: expected {expected} (in any order), got {actual}",
                    if path.is_empty() { "(result)" } else { path }
                ));
            }
        }
        (Value::Array(want), Value::Array(have)) if want.len() == have.len() => {
            for (index, (want, have)) in want.iter().zip(have).enumerate() {
                subset(want, have, &format!("{path}[{index}]"), differences);
            }
        }
        _ if numbers_equal(expected, actual) || expected == actual => {}
        _ => differences.push(format!(
            "  {}: expected {expected}, got {actual}",
            if path.is_empty() { "(result)" } else { path }
        )),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// The same elements, each as often, in any order (warning codes have no meaningful order).
fn same_multiset(want: &[Value], have: &[Value]) -> bool {
    if want.len() != have.len() {
        return false;
    }
    let mut unused: Vec<&Value> = have.iter().collect();
    want.iter().all(
        |w| match unused.iter().position(|h| numbers_equal(w, h) || *h == w) {
            Some(i) => {
                unused.swap_remove(i);
                true
            }
            None => false,
        },
    )
}

/// `5` and `5.0` are the same number in JSON; implementations in other languages may print
/// either.
fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => match (a.as_i64(), b.as_i64()) {
            (Some(a), Some(b)) => a == b,
            _ => a.as_f64().is_some() && a.as_f64() == b.as_f64(),
        },
        _ => false,
    }
}

fn shorten(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::vectors::ExpectedError;
    use serde_json::json;

    #[test]
    fn subset_at_any_depth() {
        let expected = Expected::Ok(json!({"a": 1, "b": {"c": "x"}}));
        assert!(
            check(
                &expected,
                &Answer::Ok(json!({"a": 1.0, "b": {"c": "x", "d": 2}, "e": 3}))
            )
            .is_ok()
        );
        let difference = check(&expected, &Answer::Ok(json!({"a": 2, "b": {}}))).unwrap_err();
        assert_eq!(
            difference,
            "  a: expected 1, got 2\n  b.c: expected \"x\", missing"
        );
    }

    #[test]
    fn lists_of_values_in_any_order_lists_of_objects_in_order() {
        let expected = Expected::Ok(json!({"warnings": ["A", "B"], "hits": [{"x": 1}, {"x": 2}]}));
        let answer = json!({"warnings": ["B", "A"], "hits": [{"x": 1, "y": 0}, {"x": 2}]});
        assert!(check(&expected, &Answer::Ok(answer)).is_ok());
        let swapped = json!({"warnings": ["A", "B"], "hits": [{"x": 2}, {"x": 1}]});
        assert_eq!(
            check(&expected, &Answer::Ok(swapped)).unwrap_err(),
            "  hits[0].x: expected 1, got 2\n  hits[1].x: expected 2, got 1"
        );
        let missing = json!({"warnings": ["A", "A"], "hits": [{"x": 1}]});
        assert_eq!(
            check(&expected, &Answer::Ok(missing)).unwrap_err(),
            "  warnings: expected [\"A\",\"B\"] (in any order), got [\"A\",\"A\"]\n  hits: expected [{\"x\":1},{\"x\":2}], got [{\"x\":1}]"
        );
        let empty = Expected::Ok(json!({"warnings": []}));
        assert!(check(&empty, &Answer::Ok(json!({"warnings": ["A"]}))).is_err());
    }

    #[test]
    fn errors_compare_by_code() {
        let expected = Expected::Error(ExpectedError {
            code: "NIK_INVALID_DATE".into(),
        });
        assert!(check(&expected, &Answer::Error("NIK_INVALID_DATE".into())).is_ok());
        assert_eq!(
            check(&expected, &Answer::Error("NIK_INVALID_DAY".into())).unwrap_err(),
            "expected error NIK_INVALID_DATE, got error NIK_INVALID_DAY"
        );
        assert!(check(&expected, &Answer::Ok(json!({}))).is_err());
    }
}
