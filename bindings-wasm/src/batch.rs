//! `validateNiks`: a whole list of NIKs in one boundary crossing, with a columnar result.

use js_sys::{Array, JsString, Object, Uint8Array};
use kotacerdas_core::id::nik::{self, Nik, NikError, NikSummary, NikWarning};
use wasm_bindgen::prelude::*;

use crate::errors::{invalid_input, set};
use crate::ids::NikParseOptions;
use crate::input::{MAX_BATCH, large_text, options};

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
        validate_lines(
            &large_text(&niks, "niks", MAX_BATCH)?,
            &core_options,
            &mut columns,
        );
    } else if let Some(bytes) = niks.dyn_ref::<Uint8Array>() {
        if bytes.length() > MAX_BATCH {
            return Err(invalid_input(&format!(
                "niks is longer than {MAX_BATCH} bytes"
            )));
        }
        let buffer = bytes.to_vec();
        validate_lines(
            &String::from_utf8_lossy(&buffer),
            &core_options,
            &mut columns,
        );
    } else if let Some(array) = niks.dyn_ref::<Array>() {
        validate_array(array, &core_options, &mut columns)?;
    } else {
        return Err(invalid_input(
            "niks must be an array of strings, a string or a Uint8Array",
        ));
    }
    Ok(columns.into_js())
}

/// One NIK per line (`nik::lines`).
fn validate_lines(buffer: &str, core_options: &nik::NikOptions, columns: &mut Columns) {
    // A NIK line is usually 17 bytes.
    columns.reserve(buffer.len() / 17 + 1);
    for line in nik::lines(buffer) {
        columns.push(Nik::parse_with(line, core_options));
    }
}

/// The array crosses the boundary once, joined by newlines (one JS call instead of one per
/// item). When an item itself contains a newline the join is ambiguous, so those (rare)
/// arrays are read item by item.
fn validate_array(
    array: &Array,
    core_options: &nik::NikOptions,
    columns: &mut Columns,
) -> Result<(), JsValue> {
    let count = array.length() as usize;
    if count == 0 {
        return Ok(());
    }
    columns.reserve(count);
    let joined: JsValue = array.join("\n").into();
    let buffer = large_text(&joined, "niks", MAX_BATCH)?;
    if buffer.bytes().filter(|&b| b == b'\n').count() == count - 1 {
        for item in buffer.split('\n') {
            columns.push(Nik::parse_with(item, core_options));
        }
    } else {
        for index in 0..count {
            let value = array.get(index as u32);
            // The same string conversion as `join` above, so both paths agree on non-strings.
            let item: JsString = Array::of1(&value).join("");
            columns.push(Nik::parse_with(&String::from(&item), core_options));
        }
    }
    Ok(())
}

/// The result columns, written in place: `Vec::push` is a call per item in the
/// size-optimised build, an indexed store is not.
#[derive(Default)]
struct Columns {
    summary: NikSummary,
    /// Items written; the vectors are longer (zeroed room for more).
    len: usize,
    error: Vec<u8>,
    warning: Vec<u8>,
}

impl Columns {
    fn reserve(&mut self, additional: usize) {
        let room = self.len + additional;
        self.error.resize(room, 0);
        self.warning.resize(room, 0);
    }

    #[inline(always)]
    fn push(&mut self, result: Result<Nik, NikError>) {
        if self.len == self.error.len() {
            self.reserve((self.len / 2).max(1024));
        }
        self.summary.record(&result);
        let (error, warning) = match &result {
            // At most 3 warning kinds: one bit each fits a byte.
            Ok(valid) => (0, valid.warning_bits()),
            // At most 13 error kinds: 1 + ordinal fits a byte.
            Err(error) => (1 + error.ordinal() as u8, 0),
        };
        let (errors, warnings) = (self.error.as_mut_slice(), self.warning.as_mut_slice());
        if let (Some(e), Some(w)) = (errors.get_mut(self.len), warnings.get_mut(self.len)) {
            (*e, *w) = (error, warning);
        }
        self.len += 1;
    }

    fn into_js(self) -> JsValue {
        let result = Object::new();
        let summary = &self.summary;
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
        let len = self.len;
        set(
            &result,
            "error",
            &Uint8Array::from(&self.error[..len]).into(),
        );
        set(
            &result,
            "warning",
            &Uint8Array::from(&self.warning[..len]).into(),
        );
        set(&result, "errorCodes", &strings(NikError::CODES));
        set(&result, "warningCodes", &strings(NikWarning::CODES));
        result.into()
    }
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

    #[test]
    fn codes_fit_the_byte_columns() {
        assert!(NikError::CODES.len() < 255);
        assert!(NikWarning::CODES.len() <= 8);
    }
}
