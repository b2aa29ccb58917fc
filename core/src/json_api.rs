//! The language-neutral surface of the core: every public rule callable by name, with JSON in
//! and JSON out.
//!
//! This is the contract of the conformance suite (`conformance/`, `kotacerdas conformance
//! run`) and of the vendors' stdio adapter protocol, and the generic `call` of every binding.
//! It only translates JSON to the typed API and back; the rules stay in their modules.
//!
//! ```
//! use kotacerdas_core::json_api;
//! use serde_json::json;
//!
//! let out = json_api::call("nik.parse", &json!({"nik": "3527014501900001", "reference_date": "2026-11-29"})).unwrap();
//! assert_eq!(out["birth_date"], "1990-01-05");
//! let err = json_api::call("nik.parse", &json!({"nik": "1234", "reference_date": "2026-11-29"})).unwrap_err();
//! assert_eq!(err.code, "NIK_INVALID_LENGTH");
//! ```

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::calendar::WorkingCalendar;
use crate::date::Date;
use crate::error::{Coded, Problem, coded_enum};
use crate::id::kk::{Kk, KkOptions};
use crate::id::nik::{Nik, NikOptions, RegionRef};
use crate::id::nop::{Nop, NopOptions, SismiopTable};
use crate::id::npwp::Npwp;
use crate::id::{Nib, PhoneNumber, Strictness};
use crate::json_de::JsonRead;
use crate::region::{self, RegionCode};
use crate::tax;

coded_enum! {
    /// Why a call by name could not be made.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CallError {
        /// No function has this name.
        UnknownFunction { function: String } => "CALL_UNKNOWN_FUNCTION",
            id: "Fungsi {function} tidak dikenal",
            en: "Unknown function {function}";
        /// The input JSON does not fit the function (missing or ill-typed field, unknown field).
        InvalidInput { reason: String } => "CALL_INVALID_INPUT",
            id: "Masukan tidak sesuai: {reason}",
            en: "Invalid input: {reason}";
    }
}

/// Every function [`call`] accepts.
pub const FUNCTIONS: &[&str] = &[
    "nik.parse",
    "kk.parse",
    "nop.parse",
    "npwp.parse",
    "nib.parse",
    "phone.normalize",
    "region.lookup",
    "region.search",
    "calendar.add_working_days",
    "calendar.working_days_between",
    "calendar.is_working_day",
    "calendar.next_working_day",
    "complaint.search",
    "complaint.route",
    "complaint.validate",
    "complaint.transition",
    "complaint.apply",
    "complaint.sla",
    "complaint.duplicates",
    "tax.calculate",
    "tax.pbb_p2",
    "tax.bphtb",
    "tax.pbjt",
    "tax.reklame",
    "tax.air_tanah",
    "tax.mblb",
    "tax.walet",
    "tax.opsen_pkb",
    "tax.opsen_bbnkb",
    "tax.late_interest",
    "tax.skpdkb",
    "tax.skpdkbt",
    "tax.dispute_fine",
    "tax.instalment",
    "tax.rules",
    "tax.due",
];

/// Calls a function by name. Errors carry the same stable codes as the typed API.
pub fn call(function: &str, input: &Value) -> Result<Value, Problem> {
    match function {
        "nik.parse" => nik_parse(decode(input)?),
        "kk.parse" => kk_parse(decode(input)?),
        "nop.parse" => nop_parse(decode(input)?),
        "npwp.parse" => npwp_parse(decode(input)?),
        "nib.parse" => nib_parse(decode(input)?),
        "phone.normalize" => phone_normalize(decode(input)?),
        "region.lookup" => region_lookup(decode(input)?),
        "region.search" => region_search(decode(input)?),
        name if name.starts_with("calendar.") => crate::calendar::json::call(name, input),
        name if name.starts_with("complaint.") => crate::complaint::json::call(name, input),
        "tax.calculate" => tax_calculate(decode(input)?),
        // `tax.<kind>`: the same calculation with the kind in the name (the conformance
        // suite's function names).
        name if name
            .strip_prefix("tax.")
            .is_some_and(|kind| tax::KINDS.contains(&kind)) =>
        {
            let TaxKindInput {
                region,
                input,
                rule_set,
            } = decode(input)?;
            let kind = name.trim_start_matches("tax.").to_owned();
            tax_calculate(TaxCalculateInput {
                kind,
                region,
                input,
                rule_set,
            })
        }
        "tax.rules" => tax_rules(decode(input)?),
        "tax.due" => tax_due(decode(input)?),
        _ => Err(problem(&CallError::UnknownFunction {
            function: function.to_owned(),
        })),
    }
}

fn problem(error: &dyn Coded) -> Problem {
    Problem::from_coded(error)
}

pub(crate) fn decode<T: JsonRead>(input: &Value) -> Result<T, Problem> {
    crate::json_de::from_value(input).map_err(|e| {
        problem(&CallError::InvalidInput {
            reason: e.error.to_string(),
        })
    })
}

/// Reads a typed value from a JSON value with the deserializer every `call` uses (bindings use it
/// for their own option types, so the package holds one JSON deserializer); the error carries
/// serde_json's message.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    crate::json_de::from_value_serde(value).map_err(|e| e.error)
}

fn codes<C: Coded>(items: impl IntoIterator<Item = C>) -> Vec<&'static str> {
    items.into_iter().map(|item| item.code()).collect()
}

fn region_ref(region: Option<RegionRef>) -> Value {
    region.map_or(
        Value::Null,
        |r| json!({"code": r.code.to_string(), "name": r.name, "retired": r.retired}),
    )
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct NikInput {
    nik: String,
    /// "Today" for the century; required so that results are reproducible.
    reference_date: Date,
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    known_birth_date: Option<Date>,
}

fn strictness(strict: bool) -> Strictness {
    if strict {
        Strictness::Strict
    } else {
        Strictness::Lenient
    }
}

fn nik_parse(input: NikInput) -> Result<Value, Problem> {
    let mut options =
        NikOptions::new(input.reference_date).with_strictness(strictness(input.strict));
    options.known_birth_date = input.known_birth_date;
    let nik = Nik::parse_with(&input.nik, &options).map_err(|e| problem(&e))?;
    let nit = nik.nit_codes();
    Ok(json!({
        "kind": nik.kind(),
        "province": region_ref(nik.province()),
        "regency": region_ref(nik.regency()),
        "district": region_ref(nik.district()),
        "nit_country_code": nit.map(|(country, _)| format!("{country:03}")),
        "nit_mission_code": nit.map(|(_, mission)| mission.to_string()),
        "birth_date": nik.birth_date(),
        "century_inference": nik.century_inference(),
        "sex": nik.sex(),
        "serial": format!("{:04}", nik.serial()),
        "masked": nik.masked(),
        "warnings": codes(nik.warnings()),
    }))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct KkInput {
    kk: String,
    reference_date: Date,
    #[serde(default)]
    strict: bool,
}

fn kk_parse(input: KkInput) -> Result<Value, Problem> {
    let options = KkOptions::new(input.reference_date).with_strictness(strictness(input.strict));
    let kk = Kk::parse_with(&input.kk, &options).map_err(|e| problem(&e))?;
    Ok(json!({
        "district": region_ref(Some(kk.district())),
        "recorded_on": kk.recorded_on(),
        "century_inference": kk.century_inference(),
        "serial": format!("{:04}", kk.serial()),
        "masked": kk.masked(),
        "warnings": codes(kk.warnings()),
    }))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct NopInput {
    nop: String,
    #[serde(default)]
    strict: bool,
    /// A regency's own SISMIOP table; without it, Sampang's unverified BPS hint is used.
    #[serde(default)]
    reference: Option<ReferenceInput>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct ReferenceInput {
    regency: String,
    verified: bool,
    csv: String,
}

fn nop_parse(input: NopInput) -> Result<Value, Problem> {
    let mut options = NopOptions::sampang_default();
    options.strictness = strictness(input.strict);
    if let Some(reference) = input.reference {
        let regency = RegionCode::parse(&reference.regency).map_err(|e| problem(&e))?;
        let table = SismiopTable::from_csv(regency, reference.verified, "caller", &reference.csv)
            .map_err(|e| problem(&e))?;
        options.references = vec![table];
    }
    let nop = Nop::parse_with(&input.nop, &options).map_err(|e| problem(&e))?;
    let mut details = serde_json::to_value(nop.details()).unwrap_or(Value::Null);
    details["warnings"] = json!(nop.warnings().iter().map(Coded::code).collect::<Vec<_>>());
    Ok(details)
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct NpwpInput {
    npwp: String,
    /// For an NPWP that is a NIK.
    reference_date: Date,
}

fn npwp_parse(input: NpwpInput) -> Result<Value, Problem> {
    let npwp = Npwp::parse_with(&input.npwp, &NikOptions::new(input.reference_date))
        .map_err(|e| problem(&e))?;
    let personal = npwp.nik().is_some();
    Ok(json!({
        "form": npwp.form(),
        "personal": personal,
        "npwp16": npwp.masked(),
        "legacy": npwp.legacy_formatted(),
        "tax_office": npwp.tax_office(),
        "branch": npwp.branch(),
        "place_of_business": npwp.place_of_business().map(|p| format!("{p:06}")),
        "nitku": (!personal).then(|| npwp.nitku()),
    }))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct NibInput {
    nib: String,
}

fn nib_parse(input: NibInput) -> Result<Value, Problem> {
    let nib = Nib::parse(&input.nib).map_err(|e| problem(&e))?;
    Ok(json!({"nib": nib.as_str()}))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct PhoneInput {
    phone: String,
}

fn phone_normalize(input: PhoneInput) -> Result<Value, Problem> {
    let phone = PhoneNumber::parse(&input.phone).map_err(|e| problem(&e))?;
    Ok(json!({"e164": phone.e164(), "national": phone.national(), "masked": phone.masked()}))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct RegionInput {
    code: String,
}

fn region_json(found: &region::Region) -> Value {
    json!({
        "code": found.code.to_string(),
        "name": found.name,
        "level": found.level,
        "parent": found.parent.map(|p| p.to_string()),
        "retired": found.retired.as_ref().map(|r| json!({
            "successor": r.successor.to_string(),
            "successor_name": r.successor_name,
            "successor_match": r.successor_match,
        })),
    })
}

fn region_lookup(input: RegionInput) -> Result<Value, Problem> {
    let found = region::lookup(&input.code).map_err(|e| problem(&e))?;
    Ok(region_json(&found))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct SearchInput {
    text: String,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    20
}

fn region_search(input: SearchInput) -> Result<Value, Problem> {
    let hits = region::search(&input.text, input.limit.min(1000));
    let hits: Vec<Value> = hits
        .iter()
        .map(|hit| {
            let mut value = region_json(&hit.region);
            value["match"] = json!(hit.matched);
            value
        })
        .collect();
    Ok(json!({"hits": hits}))
}

/// The built-in rule sets, plus the caller's own rule set (a regency's Perda) if given; only
/// then is the shipped book copied.
fn tax_book(rule_set: Option<&Value>) -> Result<Cow<'static, tax::RuleBook>, Problem> {
    let Some(rule_set) = rule_set else {
        return Ok(Cow::Borrowed(tax::RuleBook::shipped()));
    };
    let mut book = tax::RuleBook::builtin();
    let rules = tax::RuleSet::from_json(&rule_set.to_string()).map_err(|e| problem(&e))?;
    book.add(rules).map_err(|e| problem(&e))?;
    Ok(Cow::Owned(book))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct TaxCalculateInput {
    /// Tax kind, one of `tax::KINDS`.
    kind: String,
    /// Region whose rule set in force on the input's date applies.
    region: String,
    /// The calculator's input (`docs/tax.md`).
    input: Value,
    /// A regency's own rule set, added to the built-in ones.
    #[serde(default)]
    rule_set: Option<Value>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct TaxKindInput {
    region: String,
    input: Value,
    #[serde(default)]
    rule_set: Option<Value>,
}

fn tax_calculate(input: TaxCalculateInput) -> Result<Value, Problem> {
    let book = tax_book(input.rule_set.as_ref())?;
    let result = tax::calculate_in_force(&input.kind, &input.input, &book, &input.region)
        .map_err(|e| problem(&e))?;
    serde_json::to_value(result).map_err(|e| {
        problem(&CallError::InvalidInput {
            reason: e.to_string(),
        })
    })
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct TaxRulesInput {
    region: String,
    date: Date,
    #[serde(default)]
    rule_set: Option<Value>,
}

fn tax_rules(input: TaxRulesInput) -> Result<Value, Problem> {
    let book = tax_book(input.rule_set.as_ref())?;
    let rules = book
        .in_force(&input.region, input.date)
        .map_err(|e| problem(&e))?;
    serde_json::to_value(rules).map_err(|e| {
        problem(&CallError::InvalidInput {
            reason: e.to_string(),
        })
    })
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct TaxDueInput {
    region: String,
    document: tax::due::DueKind,
    from: Date,
}

fn tax_due(input: TaxDueInput) -> Result<Value, Problem> {
    let book = tax::RuleBook::shipped();
    let rules = book
        .in_force(&input.region, input.from)
        .map_err(|e| problem(&e))?;
    let due = tax::due::DueInput {
        document: input.document,
        from: input.from,
    };
    let dues = tax::due::due_dates(&due, rules, WorkingCalendar::embedded_default())
        .map_err(|e| problem(&e))?;
    Ok(json!(dues))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_function_and_bad_input_have_codes() {
        assert_eq!(
            call("nik.frobnicate", &json!({})).unwrap_err().code,
            "CALL_UNKNOWN_FUNCTION"
        );
        let missing = call("nik.parse", &json!({"nik": "3527014501900001"})).unwrap_err();
        assert_eq!(missing.code, "CALL_INVALID_INPUT");
        assert!(
            missing.message_en.contains("reference_date"),
            "{}",
            missing.message_en
        );
        let unknown_field =
            call("nib.parse", &json!({"nib": "1234567890123", "x": 1})).unwrap_err();
        assert_eq!(unknown_field.code, "CALL_INVALID_INPUT");
        assert_eq!(
            call("nib.parse", &json!("not an object")).unwrap_err().code,
            "CALL_INVALID_INPUT"
        );
    }

    #[test]
    fn every_tax_kind_has_its_own_function() {
        for kind in tax::KINDS {
            assert!(
                FUNCTIONS.contains(&format!("tax.{kind}").as_str()),
                "{kind}"
            );
        }
    }

    #[test]
    fn every_listed_function_is_callable() {
        for function in FUNCTIONS {
            let result = call(function, &json!({}));
            assert_ne!(
                result.err().map(|p| p.code),
                Some("CALL_UNKNOWN_FUNCTION".to_owned()),
                "{function}"
            );
        }
    }
}
