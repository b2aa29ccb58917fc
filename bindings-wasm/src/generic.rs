//! `call`: every function of the core's JSON API by name, the contract of the conformance
//! vectors. New core functions (taxes, calendar, complaints) arrive here without facade code.

use js_sys::{JSON, JsString};
use kotacerdas_core::json_api::{self, FUNCTIONS};
use wasm_bindgen::prelude::*;

use crate::batch::strings;
use crate::errors::{from_problem, invalid_input};
use crate::input::{MAX_BATCH, MAX_TEXT, text};

#[wasm_bindgen(typescript_custom_section)]
const FUNCTIONS_TS: &str = r#"
/** Every function `call` accepts (the core's JSON API, as in the conformance vectors). */
export type FunctionName =
  | "nik.parse" | "kk.parse" | "nop.parse" | "npwp.parse" | "nib.parse" | "phone.normalize"
  | "region.lookup" | "region.search" | "calendar.add_working_days"
  | "calendar.working_days_between" | "calendar.is_working_day" | "calendar.next_working_day"
  | "complaint.search" | "complaint.route" | "complaint.validate" | "complaint.transition"
  | "complaint.apply" | "complaint.sla" | "complaint.duplicates" | "tax.calculate"
  | "tax.pbb_p2" | "tax.bphtb" | "tax.pbjt" | "tax.reklame" | "tax.air_tanah" | "tax.mblb"
  | "tax.walet" | "tax.opsen_pkb" | "tax.opsen_bbnkb" | "tax.late_interest" | "tax.skpdkb"
  | "tax.skpdkbt" | "tax.dispute_fine" | "tax.instalment" | "tax.rules" | "tax.due";
"#;

/// Calls a core function by name (see `functions()`) with a JSON-like input; returns its
/// JSON output with snake_case keys, exactly as the conformance vectors describe it. Throws
/// `KotaCerdasError` with the same codes as the typed functions (`CALL_UNKNOWN_FUNCTION`,
/// `CALL_INVALID_INPUT`, ...).
#[wasm_bindgen(unchecked_return_type = "unknown")]
pub fn call(
    #[wasm_bindgen(unchecked_param_type = "FunctionName", js_name = functionName)]
    function_name: JsValue,
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
#[wasm_bindgen(unchecked_return_type = "FunctionName[]")]
pub fn functions() -> JsValue {
    strings(FUNCTIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typescript_union_lists_every_function() {
        let source = include_str!("generic.rs");
        let start = source.find("export type FunctionName =").expect("declared");
        let body = &source[start..];
        let body = &body[..body.find(';').expect("terminated")];
        let names: Vec<&str> = body.split('"').skip(1).step_by(2).collect();
        assert_eq!(names, FUNCTIONS);
    }
}
