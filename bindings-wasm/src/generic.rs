//! `call`: every function of the core's JSON API by name, the contract of the conformance
//! vectors. New core functions (taxes, calendar, complaints) arrive here without facade code.

use js_sys::{JSON, JsString, Object};
use kotacerdas_core::error::all_codes;
use kotacerdas_core::json_api::{self, FUNCTIONS};
use wasm_bindgen::prelude::*;

use crate::batch::strings;
use crate::errors::{from_problem, invalid_input, set};
use crate::input::{MAX_BATCH, MAX_TEXT, text};

/// Calls a core function by name (see `functions()`) with a JSON-like input; returns its
/// JSON output with snake_case keys, exactly as the conformance vectors describe it. Throws
/// `KotaCerdasError` with the same codes as the typed functions (`CALL_UNKNOWN_FUNCTION`,
/// `CALL_INVALID_INPUT`, ...).
#[wasm_bindgen(unchecked_return_type = "unknown")]
pub fn call(
    #[wasm_bindgen(unchecked_param_type = "string", js_name = functionName)] function_name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let function = text(&function_name, "functionName", MAX_TEXT)?;
    // JSON text crosses the boundary: JSON.stringify refuses cycles and BigInts with a JS
    // exception instead of recursing in wasm, and serde_json bounds nesting depth.
    let json =
        JSON::stringify(&input).map_err(|_| invalid_input("input cannot be converted to JSON"))?;
    let json: Option<&JsString> = json.dyn_ref::<JsString>();
    let value = match json {
        None => serde_json::Value::Null, // `undefined` or a function
        Some(json) if json.length() > MAX_BATCH => {
            return Err(invalid_input("input is too large"));
        }
        Some(json) => {
            serde_json::from_str(&String::from(json)).map_err(|e| invalid_input(&e.to_string()))?
        }
    };
    let output = json_api::call(&function, &value).map_err(|p| from_problem(&p))?;
    let text = serde_json::to_string(&output).map_err(|e| invalid_input(&e.to_string()))?;
    JSON::parse(&text).map_err(|_| invalid_input("output is not JSON"))
}

/// The names `call` accepts.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn functions() -> JsValue {
    strings(FUNCTIONS)
}

/// Every error and warning code of the core, by domain (`nik`, `nik_warning`, `region`, ...).
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "Record<string, string[]>")]
pub fn error_codes() -> JsValue {
    let object = Object::new();
    for (domain, codes) in all_codes() {
        set(&object, domain, &strings(codes));
    }
    object.into()
}

/// The version of the package (the crate's version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The instance's `WebAssembly.Memory`, for the package's own memory test (not public API:
/// the entry points do not export `__` names).
#[wasm_bindgen(js_name = __memory, skip_typescript)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}
