//! Typed functions for taxes, the working-day calendar and complaints: each is one core
//! function of the JSON API (`kotacerdas_core::json_api`), so inputs and outputs are exactly
//! those of the conformance vectors (snake_case keys), declared in TypeScript from the
//! conformance schemas by `cargo xtask npm` (`TaxPbbP2Input`, `TaxPbbP2Output`, ...).
//!
//! Values cross as JS values, not JSON text, so that integers stay exact: an input integer may
//! be a `bigint` (a `number` must be a safe integer), and an output integer beyond
//! `Number.MAX_SAFE_INTEGER` comes back as a `bigint` instead of being rounded.

use js_sys::{Array, BigInt, JsString, Object, Reflect};
use kotacerdas_core::complaint::{Catalog, open311};
use kotacerdas_core::json_api;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

use crate::errors::{from_problem, invalid_input, language};
use crate::input::{MAX_TEXT, is_array, own_keys, text, ts_value, unreadable};

/// Deepest nesting accepted (the core's inputs are a few levels deep).
const MAX_DEPTH: usize = 64;
/// Most values (objects, arrays, scalars) in one input.
const MAX_NODES: usize = 1_000_000;
/// 2^53 - 1.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Calls a core function with a JS input and returns its output as JS values.
fn invoke(function: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    let mut nodes = 0;
    let value = from_js(input, 0, &mut nodes)?;
    let output = json_api::call(function, &value).map_err(|p| from_problem(&p))?;
    Ok(to_js(&output))
}

fn from_js(value: &JsValue, depth: usize, nodes: &mut usize) -> Result<Value, JsValue> {
    *nodes += 1;
    if depth > MAX_DEPTH || *nodes > MAX_NODES {
        return Err(invalid_input("input is nested too deeply or too large"));
    }
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if value.is_string() {
        return text(value, "a string of the input", MAX_TEXT).map(Value::String);
    }
    if let Some(number) = value.as_f64() {
        return number_value(number);
    }
    if value.is_bigint() {
        let digits = BigInt::from(value.clone())
            .to_string(10)
            .map(String::from)
            .unwrap_or_default();
        return digits
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| invalid_input("a bigint of the input is outside the 64-bit range"));
    }
    if is_array(value).map_err(unreadable)? {
        let length = Reflect::get(value, &JsValue::from_str("length"))
            .map_err(unreadable)?
            .as_f64()
            .unwrap_or(0.0);
        if length > MAX_NODES as f64 {
            return Err(invalid_input("input is nested too deeply or too large"));
        }
        let length = length as u32;
        let mut items = Vec::with_capacity(length.min(1024) as usize);
        for index in 0..length {
            let item = Reflect::get_u32(value, index).map_err(unreadable)?;
            items.push(from_js(&item, depth + 1, nodes)?);
        }
        return Ok(Value::Array(items));
    }
    if value.is_object() && !value.is_function() {
        let object = Object::from(value.clone());
        let mut map = Map::new();
        for key in own_keys(value).map_err(unreadable)?.iter() {
            let field = Reflect::get(&object, &key).map_err(unreadable)?;
            // As JSON.stringify: a property set to `undefined` is absent.
            if field.is_undefined() {
                continue;
            }
            let key = key
                .dyn_ref::<JsString>()
                .map(String::from)
                .unwrap_or_default();
            map.insert(key, from_js(&field, depth + 1, nodes)?);
        }
        return Ok(Value::Object(map));
    }
    Err(invalid_input(
        "the input holds a function or symbol; only JSON-like values are accepted",
    ))
}

fn number_value(number: f64) -> Result<Value, JsValue> {
    if number.fract() == 0.0 && number.abs() <= MAX_SAFE {
        // Exact: a safe integer.
        return Ok(Value::from(number as i64));
    }
    if number.fract() == 0.0 && number.is_finite() {
        return Err(invalid_input(
            "an integer of the input is beyond Number.MAX_SAFE_INTEGER; pass it as a bigint",
        ));
    }
    Number::from_f64(number)
        .map(Value::Number)
        .ok_or_else(|| invalid_input("a number of the input is NaN or infinite"))
}

fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => number_js(number),
        Value::String(text) => JsValue::from_str(text),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let object = Object::new();
            for (key, item) in map {
                crate::errors::set(&object, key, &to_js(item));
            }
            object.into()
        }
    }
}

fn number_js(number: &Number) -> JsValue {
    let exact = |float: f64| float.abs() <= MAX_SAFE;
    if let Some(integer) = number.as_i64() {
        if exact(integer as f64) {
            return JsValue::from_f64(integer as f64);
        }
        return BigInt::from(integer).into();
    }
    if let Some(integer) = number.as_u64() {
        if exact(integer as f64) {
            return JsValue::from_f64(integer as f64);
        }
        return BigInt::from(integer).into();
    }
    JsValue::from_f64(number.as_f64().unwrap_or(f64::NAN))
}

/// One typed function per core function: `name => "jsName", "core.function", "TInput",
/// "TOutput"` declares `jsName(input: TInput): TOutput`. Docs are `#[doc = "..."]` with plain
/// string literals: wasm-bindgen would copy a raw literal's `r"` into the TypeScript comment.
macro_rules! typed {
    ($($(#[$doc:meta])* $rust:ident => $js:literal, $function:literal, $input:literal, $output:literal;)*) => {
        $(
            $(#[$doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $output)]
            pub fn $rust(
                #[wasm_bindgen(unchecked_param_type = $input)] input: JsValue,
            ) -> Result<JsValue, JsValue> {
                invoke($function, &input)
            }
        )*

        /// Every core function with a typed function: (JS name, core function).
        #[cfg(test)]
        pub(crate) const TYPED: &[(&str, &str, &str, &str)] = &[$(($js, $function, $input, $output)),*];
    };
}

typed! {
    #[doc = " Adds working days to a date (SLA deadlines): weekends, national holidays and cuti"]
    #[doc = " bersama are skipped. Throws `KotaCerdasError` (`CALENDAR_...`, `CALL_INVALID_INPUT`)."]
    add_working_days => "addWorkingDays", "calendar.add_working_days",
        "CalendarAddWorkingDaysInput", "CalendarAddWorkingDaysOutput";
    #[doc = " Working days between two dates."]
    working_days_between => "workingDaysBetween", "calendar.working_days_between",
        "CalendarWorkingDaysBetweenInput", "CalendarWorkingDaysBetweenOutput";
    #[doc = " Whether a date is a working day, and why not."]
    is_working_day => "isWorkingDay", "calendar.is_working_day",
        "CalendarIsWorkingDayInput", "CalendarIsWorkingDayOutput";
    #[doc = " The first working day on or after a date."]
    next_working_day => "nextWorkingDay", "calendar.next_working_day",
        "CalendarNextWorkingDayInput", "CalendarNextWorkingDayOutput";
    #[doc = " Searches the complaint taxonomy (categories) by free text."]
    search_complaint_categories => "searchComplaintCategories", "complaint.search",
        "ComplaintSearchInput", "ComplaintSearchOutput";
    #[doc = " The OPD (agency) responsible for a complaint category, by region."]
    route_complaint => "routeComplaint", "complaint.route",
        "ComplaintRouteInput", "ComplaintRouteOutput";
    #[doc = " Validates a complaint draft: every problem with a stable code, or the valid report."]
    validate_complaint => "validateComplaint", "complaint.validate",
        "ComplaintValidateInput", "ComplaintValidateOutput";
    #[doc = " Checks one lifecycle transition (who may move a report from which state to which)."]
    complaint_transition => "complaintTransition", "complaint.transition",
        "ComplaintTransitionInput", "ComplaintTransitionOutput";
    #[doc = " Applies lifecycle events to a report record."]
    apply_complaint_events => "applyComplaintEvents", "complaint.apply",
        "ComplaintApplyInput", "ComplaintApplyOutput";
    #[doc = " The SLA status of a report: deadlines in working hours or days, breaches."]
    complaint_sla => "complaintSla", "complaint.sla",
        "ComplaintSlaInput", "ComplaintSlaOutput";
    #[doc = " Probable duplicates of a new report among existing ones."]
    find_duplicate_complaints => "findDuplicateComplaints", "complaint.duplicates",
        "ComplaintDuplicatesInput", "ComplaintDuplicatesOutput";
    #[doc = " Calculates a tax of any kind (`kind` in the input) with the rule set in force, with its"]
    #[doc = " breakdown. Throws `KotaCerdasError` (`TAX_...`)."]
    calculate_tax => "calculateTax", "tax.calculate", "TaxCalculateInput", "TaxCalculateOutput";
    #[doc = " PBB-P2 (land and buildings) with its breakdown."]
    calculate_pbb_p2 => "calculatePbbP2", "tax.pbb_p2", "TaxPbbP2Input", "TaxPbbP2Output";
    #[doc = " BPHTB (acquisition of land and buildings)."]
    calculate_bphtb => "calculateBphtb", "tax.bphtb", "TaxBphtbInput", "TaxBphtbOutput";
    #[doc = " PBJT (specific goods and services: food, hotels, parking, ...)."]
    calculate_pbjt => "calculatePbjt", "tax.pbjt", "TaxPbjtInput", "TaxPbjtOutput";
    #[doc = " Pajak Reklame (advertisements)."]
    calculate_reklame => "calculateReklame", "tax.reklame", "TaxReklameInput", "TaxReklameOutput";
    #[doc = " Pajak Air Tanah (ground water)."]
    calculate_air_tanah => "calculateAirTanah", "tax.air_tanah",
        "TaxAirTanahInput", "TaxAirTanahOutput";
    #[doc = " Pajak MBLB (non-metal minerals and rocks)."]
    calculate_mblb => "calculateMblb", "tax.mblb", "TaxMblbInput", "TaxMblbOutput";
    #[doc = " Pajak Sarang Burung Walet (swiftlet nests)."]
    calculate_walet => "calculateWalet", "tax.walet", "TaxWaletInput", "TaxWaletOutput";
    #[doc = " Opsen PKB (the regency's share on the vehicle tax)."]
    calculate_opsen_pkb => "calculateOpsenPkb", "tax.opsen_pkb",
        "TaxOpsenPkbInput", "TaxOpsenPkbOutput";
    #[doc = " Opsen BBNKB (the regency's share on the vehicle transfer fee)."]
    calculate_opsen_bbnkb => "calculateOpsenBbnkb", "tax.opsen_bbnkb",
        "TaxOpsenBbnkbInput", "TaxOpsenBbnkbOutput";
    #[doc = " Late-payment interest (sanksi bunga)."]
    calculate_late_interest => "calculateLateInterest", "tax.late_interest",
        "TaxLateInterestInput", "TaxLateInterestOutput";
    #[doc = " SKPDKB (assessment of underpaid tax)."]
    calculate_skpdkb => "calculateSkpdkb", "tax.skpdkb", "TaxSkpdkbInput", "TaxSkpdkbOutput";
    #[doc = " SKPDKBT (additional underpaid tax assessment)."]
    calculate_skpdkbt => "calculateSkpdkbt", "tax.skpdkbt", "TaxSkpdkbtInput", "TaxSkpdkbtOutput";
    #[doc = " Fine on a rejected objection or appeal."]
    calculate_dispute_fine => "calculateDisputeFine", "tax.dispute_fine",
        "TaxDisputeFineInput", "TaxDisputeFineOutput";
    #[doc = " Instalment plan with interest."]
    calculate_instalment => "calculateInstalment", "tax.instalment",
        "TaxInstalmentInput", "TaxInstalmentOutput";
    #[doc = " The rule set in force for a region on a date (rates, thresholds, sources)."]
    tax_rules => "taxRules", "tax.rules", "TaxRulesInput", "TaxRulesOutput";
    #[doc = " The due date of a tax for a period."]
    tax_due => "taxDue", "tax.due", "TaxDueInput", "TaxDueOutput";
}

#[wasm_bindgen(typescript_custom_section)]
const OPEN311_TS: &str = r#"
/** An Open311 GeoReport v2 service (`GET services.json`): one complaint category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  service_type: "realtime";
  keywords: string;
  group: string;
}

/** An attribute of an Open311 service definition. */
export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
}

/** An Open311 service definition (`GET services/{code}.json`). */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}
"#;

/// The complaint categories as Open311 GeoReport v2 services, in the current language.
#[wasm_bindgen(js_name = open311Services, unchecked_return_type = "Open311Service[]")]
pub fn open311_services() -> Result<JsValue, JsValue> {
    ts_value(&open311::services(Catalog::embedded(), language()))
}

/// The Open311 definition of one service (category code), or `null` for an unknown code.
#[wasm_bindgen(
    js_name = open311ServiceDefinition,
    unchecked_return_type = "Open311ServiceDefinition | null"
)]
pub fn open311_service_definition(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
) -> Result<JsValue, JsValue> {
    let code = text(&code, "code", MAX_TEXT)?;
    match open311::service_definition(Catalog::embedded(), &code, language()) {
        Some(definition) => ts_value(&definition),
        None => Ok(JsValue::NULL),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kotacerdas_core::json_api::FUNCTIONS;

    #[test]
    fn every_function_beyond_identifiers_and_regions_is_typed() {
        let typed: Vec<&str> = TYPED.iter().map(|(_, function, _, _)| *function).collect();
        let expected: Vec<&str> = FUNCTIONS
            .iter()
            .copied()
            .filter(|name| {
                ["tax.", "calendar.", "complaint."]
                    .iter()
                    .any(|prefix| name.starts_with(prefix))
            })
            .collect();
        let mut sorted = typed.clone();
        sorted.sort_unstable();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort_unstable();
        assert_eq!(sorted, expected_sorted);
    }

    #[test]
    fn type_names_follow_the_function_names() {
        for (_, function, input, output) in TYPED {
            let pascal: String = function
                .split(['.', '_'])
                .map(|part| part[..1].to_ascii_uppercase() + &part[1..])
                .collect();
            assert_eq!(*input, format!("{pascal}Input"));
            assert_eq!(*output, format!("{pascal}Output"));
        }
    }
}
