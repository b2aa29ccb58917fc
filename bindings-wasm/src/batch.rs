//! `validateNiks`: a whole list of NIKs in one boundary crossing, with a columnar result.

use js_sys::{Array, Object, Reflect, Uint8Array};
use kotacerdas_core::id::nik::{self, NikError, NikWarning};
use kotacerdas_wasm_batch::Columns;
use wasm_bindgen::prelude::*;

use crate::errors::{invalid_input, set};
use crate::ids::NikParseOptions;
use crate::input::{MAX_BATCH, is_array, join, large_text, options, unreadable};

#[wasm_bindgen(typescript_custom_section)]
const BATCH_TS: &str = r#"
/** Every error code of a NIK. */
export type NikErrorCode =
  | "NIK_EMPTY" | "NIK_INVALID_CHARACTER" | "NIK_NON_ASCII_DIGIT" | "NIK_INVALID_LENGTH"
  | "NIK_UNKNOWN_PROVINCE" | "NIK_INVALID_REGENCY" | "NIK_INVALID_DISTRICT"
  | "NIK_UNKNOWN_DISTRICT" | "NIK_INVALID_DAY" | "NIK_INVALID_MONTH" | "NIK_INVALID_DATE"
  | "NIK_BIRTH_DATE_IN_FUTURE" | "NIK_INVALID_SERIAL";

/** Every warning code of an accepted NIK. */
export type NikWarningCode = "NIK_RETIRED_DISTRICT" | "NIK_UNKNOWN_DISTRICT" | "NIK_BIRTH_DATE_MISMATCH";

/**
 * The result of `validateNiks`: counts, plus one entry per input in two typed arrays, in
 * input order. No NIK is copied back.
 */
export interface NikBatchResult {
  /** Inputs seen. */
  total: number;
  /** Accepted (possibly with warnings). */
  valid: number;
  /** Refused. */
  invalid: number;
  /** Accepted with at least one warning. */
  withWarnings: number;
  /** Refusals by code (codes that did not occur are absent). */
  errors: Partial<Record<NikErrorCode, number>>;
  /** Warnings by code (codes that did not occur are absent). */
  warnings: Partial<Record<NikWarningCode, number>>;
  /** Per input: 0 when valid, else 1 + the index of its code in `errorCodes`. */
  error: Uint8Array;
  /** Per input: bit i is set when warning `warningCodes[i]` applies. */
  warning: Uint8Array;
  /** The table that `error` indexes (offset by one). */
  errorCodes: NikErrorCode[];
  /** The table of `warning`'s bits. */
  warningCodes: NikWarningCode[];
}
"#;

/// Validates many NIKs at once: an array of strings, or one string with one NIK per line
/// (`\r\n` accepted; a final newline adds no item), or those lines as UTF-8 bytes (a
/// `Uint8Array` or Node `Buffer`, e.g. a file read without an encoding: no string is decoded;
/// bytes that are not UTF-8 read as U+FFFD, an invalid character). Invalid NIKs are counted and
/// marked, not thrown; only arguments of the wrong type throw.
#[wasm_bindgen(js_name = validateNiks, unchecked_return_type = "NikBatchResult")]
pub fn validate_niks(
    #[wasm_bindgen(unchecked_param_type = "string[] | string | Uint8Array")] niks: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NikParseOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let core_options = options::<NikParseOptions>(&options_value.unwrap_or_default())?.to_core()?;
    let mut columns = Columns::default();
    if niks.is_string() {
        columns.validate_lines(&large_text(&niks, "niks", MAX_BATCH)?, &core_options);
    } else if let Some(bytes) = niks.dyn_ref::<Uint8Array>() {
        if bytes.length() > MAX_BATCH {
            return Err(invalid_input(&format!(
                "niks is longer than {MAX_BATCH} bytes"
            )));
        }
        let buffer = bytes.to_vec();
        columns.validate_lines(&String::from_utf8_lossy(&buffer), &core_options);
    } else if is_array(&niks).map_err(unreadable)? {
        validate_array(&niks, &core_options, &mut columns)?;
    } else {
        return Err(invalid_input(
            "niks must be an array of strings, a string or a Uint8Array",
        ));
    }
    Ok(into_js(&columns))
}

/// The array crosses the boundary once, joined by newlines (one JS call instead of one per
/// item). When an item itself contains a newline the join is ambiguous, so those (rare)
/// arrays are read item by item.
fn validate_array(
    array: &JsValue,
    core_options: &nik::NikOptions,
    columns: &mut Columns,
) -> Result<(), JsValue> {
    // Every read through an import that catches: the array may be a Proxy, an item's
    // `toString` may throw.
    let count = Reflect::get(array, &JsValue::from_str("length"))
        .map_err(unreadable)?
        .as_f64()
        .unwrap_or(0.0) as usize;
    if count == 0 {
        return Ok(());
    }
    let joined: JsValue = join(array, "\n").map_err(unreadable)?.into();
    let buffer = large_text(&joined, "niks", MAX_BATCH)?;
    if buffer.bytes().filter(|&b| b == b'\n').count() == count - 1 {
        columns.validate_joined(&buffer, core_options);
    } else {
        for index in 0..count {
            let value = Reflect::get_u32(array, index as u32).map_err(unreadable)?;
            // The same string conversion as `join` above, so both paths agree on non-strings.
            let item = join(&Array::of1(&value), "").map_err(unreadable)?;
            columns.validate(&String::from(&item), core_options);
        }
    }
    Ok(())
}

/// The result object: counts, then the columns as two `Uint8Array`s (one copy each).
fn into_js(columns: &Columns) -> JsValue {
    let result = Object::new();
    let summary = columns.summary();
    set(&result, "total", &JsValue::from_f64(summary.total as f64));
    set(&result, "valid", &JsValue::from_f64(summary.valid as f64));
    set(
        &result,
        "invalid",
        &JsValue::from_f64(summary.invalid as f64),
    );
    set(
        &result,
        "withWarnings",
        &JsValue::from_f64(summary.with_warnings as f64),
    );
    set(&result, "errors", &counts(summary.errors()));
    set(&result, "warnings", &counts(summary.warnings()));
    set(&result, "error", &Uint8Array::from(columns.error()).into());
    set(
        &result,
        "warning",
        &Uint8Array::from(columns.warning()).into(),
    );
    set(&result, "errorCodes", &strings(NikError::CODES));
    set(&result, "warningCodes", &strings(NikWarning::CODES));
    result.into()
}

fn counts(map: std::collections::BTreeMap<&'static str, u64>) -> JsValue {
    let object = Object::new();
    for (code, count) in map {
        set(&object, code, &JsValue::from_f64(count as f64));
    }
    object.into()
}

pub(crate) fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|item| JsValue::from_str(item))
        .collect::<Array>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes between double quotes in a TypeScript union declaration.
    fn union(declaration: &str, name: &str) -> Vec<String> {
        let start = declaration
            .find(&format!("export type {name} ="))
            .expect("declared");
        let body = &declaration[start..];
        let body = &body[..body.find(';').expect("terminated")];
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn typescript_unions_list_every_nik_code() {
        assert_eq!(
            union(include_str!("batch.rs"), "NikErrorCode"),
            NikError::CODES
        );
        assert_eq!(
            union(include_str!("batch.rs"), "NikWarningCode"),
            NikWarning::CODES
        );
    }
}
