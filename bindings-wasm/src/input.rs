//! Reading arguments from JavaScript defensively: any JS value may arrive, whatever the types
//! say, and none may trap the instance.

use js_sys::{Array, JsString, Reflect};
use kotacerdas_core::Date;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{invalid_input, throw};

/// Longest identifier or search text accepted, in UTF-16 units. Far above any real input; it
/// keeps a hostile string from growing the wasm memory (which never shrinks).
pub(crate) const MAX_TEXT: u32 = 1 << 20;

/// Longest newline-separated batch, in UTF-16 units (about 5.8 million NIK lines). Bigger
/// inputs are validated in chunks by the caller.
pub(crate) const MAX_BATCH: u32 = 100_000_000;

/// A JS string argument, or `CALL_INVALID_INPUT`.
pub(crate) fn text(value: &JsValue, name: &str, max: u32) -> Result<String, JsValue> {
    let Some(string) = value.dyn_ref::<JsString>() else {
        return Err(invalid_input(&format!("{name} must be a string")));
    };
    if string.length() > max {
        return Err(invalid_input(&format!(
            "{name} is longer than {max} characters"
        )));
    }
    // Lone surrogates become U+FFFD, which every parser refuses as an invalid character.
    Ok(String::from(string))
}

// Reading a hostile value may throw (a Proxy's traps, a revoked Proxy, an item whose
// `toString` throws): these imports turn such an exception into an `Err`, which becomes
// `CALL_INVALID_INPUT` (js_sys's own bindings would let it escape as a plain `Error`).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Array.prototype.join.call(array, separator)`.
    #[wasm_bindgen(js_namespace = ["Array", "prototype", "join"], js_name = call, catch)]
    pub(crate) fn join(array: &JsValue, separator: &str) -> Result<JsString, JsValue>;
    /// `Object.keys(value)`.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub(crate) fn own_keys(object: &JsValue) -> Result<Array, JsValue>;
}

/// The `Err` of a read that threw.
pub(crate) fn unreadable(_: JsValue) -> JsValue {
    invalid_input("a property of the input cannot be read")
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &mut [u8]) -> EncodeResult;
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A large JS string argument (a batch), or `CALL_INVALID_INPUT`.
///
/// wasm-bindgen copies strings into wasm memory one UTF-16 unit at a time in JS, which was
/// 40% of a batch; the platform's `TextEncoder.encodeInto` writes the UTF-8 in one native call.
pub(crate) fn large_text(value: &JsValue, name: &str, max: u32) -> Result<String, JsValue> {
    let Some(string) = value.dyn_ref::<JsString>() else {
        return Err(invalid_input(&format!("{name} must be a string")));
    };
    let units = string.length();
    if units > max {
        return Err(invalid_input(&format!(
            "{name} is longer than {max} characters"
        )));
    }
    // Room for ASCII plus a margin; other text falls back to the usual copy.
    let mut buffer = vec![0u8; units as usize + units as usize / 8 + 8];
    let result = ENCODER.with(|encoder| encoder.encode_into(string, &mut buffer));
    if result.read() == units {
        buffer.truncate(result.written() as usize);
        if let Ok(text) = String::from_utf8(buffer) {
            return Ok(text);
        }
    }
    Ok(String::from(string))
}

/// An options record read from a JS object field by field.
pub(crate) trait Options: Default {
    /// The keys it accepts, as written in JS.
    const FIELDS: &'static [&'static str];
    /// Stores the value of `key` (one of `FIELDS`; never `undefined` or `null`), or says why it
    /// does not fit.
    fn set(&mut self, key: &str, value: &JsValue) -> Result<(), String>;
}

/// An options object (`undefined` or `null` for the defaults), or `CALL_INVALID_INPUT`.
///
/// Read property by property as `JSON.stringify` sees an object (own enumerable string keys; a
/// property that is `undefined`, a function or a symbol is absent; `null` is absent too), with
/// no JSON text and no serde deserializer: those are most of what `kotacerdas/ids` would
/// otherwise download for its two option types. Unknown keys and wrong types are refused.
pub(crate) fn options<T: Options>(value: &JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || value.is_function() || is_array(value).map_err(unreadable)? {
        return Err(invalid_input("options must be an object"));
    }
    // An object that JSON.stringify would replace by its `toJSON()` (a Date, ...) is not an
    // options record.
    let to_json = Reflect::get(value, &JsValue::from_str("toJSON")).map_err(unreadable)?;
    if to_json.is_function() {
        return Err(invalid_input("options must be a plain object"));
    }
    let mut options = T::default();
    for key in own_keys(value).map_err(unreadable)?.iter() {
        let field = Reflect::get(value, &key).map_err(unreadable)?;
        if field.is_undefined() || field.is_null() || field.is_function() || field.is_symbol() {
            continue;
        }
        let key = key.as_string().unwrap_or_default();
        let Some(known) = T::FIELDS.iter().find(|name| **name == key) else {
            let expected: Vec<String> = T::FIELDS.iter().map(|name| format!("`{name}`")).collect();
            return Err(invalid_input(&format!(
                "options: unknown field `{key}`, expected one of {}",
                expected.join(", ")
            )));
        };
        options
            .set(known, &field)
            .map_err(|reason| invalid_input(&format!("options: {key} {reason}")))?;
    }
    Ok(options)
}

/// An option that must be a string (at most `MAX_TEXT` UTF-16 units).
pub(crate) fn string_option(value: &JsValue) -> Result<String, String> {
    match value.dyn_ref::<JsString>() {
        Some(string) if string.length() <= MAX_TEXT => Ok(String::from(string)),
        Some(_) => Err(format!("is longer than {MAX_TEXT} characters")),
        None => Err("must be a string".to_owned()),
    }
}

/// An option that must be `true` or `false`.
pub(crate) fn bool_option(value: &JsValue) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| "must be true or false".to_owned())
}

/// A record as a plain JS object typed by its tsify declaration. Through JSON text for the same
/// reason as [`options`].
pub(crate) fn ts<T: Tsify + Serialize>(value: &T) -> Result<Ts<T>, JsValue> {
    ts_value(value).map(Ts::new_unchecked)
}

/// A record as a plain JS object, through JSON text (its TypeScript type is declared
/// separately).
pub(crate) fn ts_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| invalid_input(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| invalid_input("output is not JSON"))
}

/// An ISO date option, or today in WIB (UTC+7) from the JS clock: `std` has no clock on
/// wasm32, so the core's `Date::today_wib` does not exist there.
pub(crate) fn date_or_today(value: Option<&str>) -> Result<Date, JsValue> {
    match value {
        Some(text) => Date::parse_iso(text).map_err(|e| throw(&e)),
        None => today_wib(),
    }
}

fn today_wib() -> Result<Date, JsValue> {
    const WIB_OFFSET_MS: f64 = 7.0 * 3_600_000.0;
    let days = ((js_sys::Date::now() + WIB_OFFSET_MS) / 86_400_000.0).floor();
    // Any clock between years 1800 and 9999 fits an i32 day count.
    Date::from_days_since_epoch(days as i32).map_err(|e| throw(&e))
}
