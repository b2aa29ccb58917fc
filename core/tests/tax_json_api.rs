//! The tax functions of the language-neutral `json_api::call` surface.

use kotacerdas_core::json_api;
use serde_json::json;

#[test]
fn tax_calculate_by_name() {
    let out = json_api::call(
        "tax.calculate",
        &json!({ "kind": "mblb", "region": "35.27",
                 "input": { "date": "2025-03-31", "value": 500_000_000 } }),
    )
    .expect("valid call");
    assert_eq!(out["amount"], 125_000_000);
    assert_eq!(out["breakdown"][2]["result"], "25000000");
    let error = json_api::call(
        "tax.calculate",
        &json!({ "kind": "mblb", "region": "35.27", "input": { "date": "2025-03-31" } }),
    )
    .expect_err("no base");
    assert_eq!(error.code, "TAX_INVALID_INPUT");
    assert_eq!(error.fields["path"], "value");
}

#[test]
fn tax_calculate_with_a_regency_rule_set() {
    let mut bangkalan: serde_json::Value =
        serde_json::from_str(include_str!("../data/tax/35.27-2025.json")).expect("JSON");
    bangkalan["id"] = json!("35.26-test");
    bangkalan["region"] = json!("35.26");
    bangkalan["reklame"]["rate"]["value"] = json!("20%");
    let out = json_api::call(
        "tax.calculate",
        &json!({ "kind": "reklame", "region": "35.26", "rule_set": bangkalan,
                 "input": { "date": "2025-06-01", "contract_value": 10_000_000 } }),
    )
    .expect("valid call");
    assert_eq!(out["amount"], 2_000_000);
    bangkalan["reklame"]["rate"]["value"] = json!("26%");
    let refused = json_api::call(
        "tax.calculate",
        &json!({ "kind": "reklame", "region": "35.26", "rule_set": bangkalan,
                 "input": { "date": "2025-06-01", "contract_value": 10_000_000 } }),
    )
    .expect_err("above the HKPD maximum");
    assert_eq!(refused.code, "TAX_RATE_ABOVE_MAXIMUM");
}

#[test]
fn tax_rules_and_due_by_name() {
    let rules = json_api::call(
        "tax.rules",
        &json!({ "region": "35.27", "date": "2025-06-01" }),
    )
    .expect("in force");
    assert_eq!(rules["pbb_p2"]["tiers"][0]["rate"]["value"], "0.1%");
    let due = json_api::call(
        "tax.due",
        &json!({ "region": "35.27", "document": "self_assessed", "from": "2025-03-31" }),
    )
    .expect("2025 is loaded");
    assert_eq!(due[0]["date"], "2025-04-22");
    assert_eq!(due[1]["name"], "tax_return");
    let unknown = json_api::call(
        "tax.due",
        &json!({ "region": "35.27", "document": "sppt", "from": "2025-03-31", "x": 1 }),
    )
    .expect_err("unknown field");
    assert_eq!(unknown.code, "CALL_INVALID_INPUT");
}
