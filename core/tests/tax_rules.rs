//! Rule sets: HKPD limits on load, selection by date, and the boundaries of the calculators.

use kotacerdas_core::tax::{self, RuleBook, RuleSet, TaxError};
use kotacerdas_core::{Coded, Date, Lang};
use serde_json::{Value, json};

const SAMPANG_JSON: &str = include_str!("../data/tax/35.27-2025.json");

fn sampang_value() -> Value {
    serde_json::from_str(SAMPANG_JSON).expect("embedded JSON parses")
}

/// The Sampang rule set with one value replaced by a JSON pointer.
fn sampang_with(pointer: &str, value: Value) -> Result<RuleSet, TaxError> {
    let mut raw = sampang_value();
    *raw.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the Sampang rule set")) = value;
    RuleSet::from_json(&raw.to_string())
}

fn code(result: Result<impl std::fmt::Debug, TaxError>) -> &'static str {
    result.expect_err("expected an error").code()
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).expect("test date")
}

/// A Bangkalan-like rule set: 0.1% up to NJOP Rp1 miliar, 0.2% above; productive land
/// 0.05% / 0.075%; minimum bill Rp10,000.
fn bangkalan_like() -> RuleSet {
    let mut raw = sampang_value();
    let sourced = |value: Value| json!({ "value": value, "reference": "Perda Kab. Bangkalan 1/2024", "confidence": "medium" });
    raw["id"] = json!("35.26-test");
    raw["region"] = json!("35.26");
    raw["pbb_p2"]["tiers"] = json!([
        { "njop_up_to": 1_000_000_000, "rate": sourced(json!("0.1%")),
          "food_livestock_rate": sourced(json!("0.05%")), "assessment_ratio": sourced(json!("100%")) },
        { "njop_up_to": null, "rate": sourced(json!("0.2%")),
          "food_livestock_rate": sourced(json!("0.075%")), "assessment_ratio": sourced(json!("100%")) }
    ]);
    raw["pbb_p2"]["minimum_bill"] = sourced(json!(10_000));
    RuleSet::from_json(&raw.to_string()).expect("valid Bangkalan-like rule set")
}

fn pbb(rules: &RuleSet, input: Value) -> i64 {
    tax::calculate("pbb_p2", &input, rules)
        .expect("valid input")
        .amount
}

#[test]
fn embedded_rule_sets_load() {
    let sampang = RuleSet::sampang_2025();
    assert_eq!(sampang.region, "35.27");
    let hkpd = RuleSet::hkpd_maxima();
    assert_eq!(hkpd.region, "HKPD");
    assert_eq!(RuleBook::builtin().sets().len(), 2);
}

#[test]
fn values_outside_hkpd_limits_are_refused() {
    let error = sampang_with("/pbb_p2/tiers/0/rate/value", json!("0.51%")).expect_err("above 0.5%");
    assert_eq!(error.code(), "TAX_RATE_ABOVE_MAXIMUM");
    assert!(error.message(Lang::Id).contains("0.5%"));
    assert!(error.message(Lang::En).contains("UU 1/2022 Pasal 41(1)"));
    assert!(sampang_with("/pbb_p2/tiers/0/rate/value", json!("0.5%")).is_ok());
    assert_eq!(
        code(sampang_with(
            "/pbjt/entertainment_special/value",
            json!("39.99%")
        )),
        "TAX_RATE_BELOW_MINIMUM"
    );
    assert_eq!(
        code(sampang_with(
            "/pbjt/entertainment_special/value",
            json!("75.01%")
        )),
        "TAX_RATE_ABOVE_MAXIMUM"
    );
    assert!(sampang_with("/pbjt/entertainment_special/value", json!("75%")).is_ok());
    assert_eq!(
        code(sampang_with("/pbb_p2/njoptkp/value", json!(9_999_999))),
        "TAX_VALUE_BELOW_MINIMUM"
    );
    assert_eq!(
        code(sampang_with(
            "/bphtb/npoptkp_inheritance/value",
            json!(299_999_999)
        )),
        "TAX_VALUE_BELOW_MINIMUM"
    );
    assert_eq!(
        code(sampang_with(
            "/pbb_p2/tiers/0/assessment_ratio/value",
            json!("19%")
        )),
        "TAX_RATE_BELOW_MINIMUM"
    );
    assert_eq!(
        code(sampang_with("/opsen/pkb_rate/value", json!("70%"))),
        "TAX_RATE_ABOVE_MAXIMUM"
    );
    assert_eq!(
        code(sampang_with("/sanctions/max_months/value", json!(25))),
        "TAX_VALUE_ABOVE_MAXIMUM"
    );
}

#[test]
fn malformed_and_inconsistent_rule_sets_are_refused() {
    assert_eq!(code(RuleSet::from_json("{")), "TAX_RULESET_INVALID");
    assert_eq!(
        code(sampang_with("/pbb_p2/tiers/0/rate/value", json!("0.1"))),
        "TAX_RULESET_INVALID"
    );
    assert_eq!(
        code(sampang_with(
            "/pbb_p2/tiers/0/food_livestock_rate/value",
            json!("0.1%")
        )),
        "TAX_RULESET_INVALID"
    );
    assert_eq!(
        code(sampang_with("/effective_until", json!("2024-12-31"))),
        "TAX_RULESET_INVALID"
    );
    let mut unknown_field = sampang_value();
    unknown_field["bogus"] = json!(1);
    assert_eq!(
        code(RuleSet::from_json(&unknown_field.to_string())),
        "TAX_RULESET_INVALID"
    );
}

#[test]
fn rule_sets_switch_on_the_boundary_date() {
    let old = sampang_with("/effective_until", json!("2025-06-30")).expect("valid");
    let mut new_raw = sampang_value();
    new_raw["id"] = json!("35.27-2025-07");
    new_raw["effective_from"] = json!("2025-07-01");
    new_raw["pbjt"]["food_beverage"]["value"] = json!("5%");
    let new = RuleSet::from_json(&new_raw.to_string()).expect("valid");
    let mut book = RuleBook::new();
    book.add(old).expect("first set");
    book.add(new).expect("no overlap");
    assert_eq!(
        book.in_force("35.27", d("2025-06-30"))
            .map(|s| s.id.as_str()),
        Ok("35.27-2025")
    );
    assert_eq!(
        book.in_force("35.27", d("2025-07-01"))
            .map(|s| s.id.as_str()),
        Ok("35.27-2025-07")
    );
    assert_eq!(
        code(book.in_force("35.27", d("2024-12-31"))),
        "TAX_RULESET_NOT_IN_FORCE"
    );
    let meal = |date: &str| {
        tax::calculate_in_force(
            "pbjt",
            &json!({ "date": date, "sub_type": "makanan_minuman", "price": 100_000 }),
            &book,
            "35.27",
        )
        .expect("in force")
        .amount
    };
    assert_eq!(meal("2025-06-30"), 10_000);
    assert_eq!(meal("2025-07-01"), 5_000);
    assert_eq!(
        code(book.add(RuleSet::sampang_2025())),
        "TAX_RULESET_OVERLAP"
    );
}

#[test]
fn pbb_njop_equal_to_njoptkp_owes_nothing() {
    let rules = RuleSet::sampang_2025();
    assert_eq!(
        pbb(&rules, json!({ "tax_year": 2025, "land_njop": 10_000_000 })),
        0
    );
    assert_eq!(
        pbb(&rules, json!({ "tax_year": 2025, "land_njop": 10_001_000 })),
        1
    );
    assert_eq!(
        pbb(&rules, json!({ "tax_year": 2025, "land_njop": 5_000_000 })),
        0
    );
}

#[test]
fn pbb_tier_edges_and_minimum_bill() {
    let rules = bangkalan_like();
    assert_eq!(
        pbb(
            &rules,
            json!({ "tax_year": 2025, "land_njop": 1_000_000_000 })
        ),
        990_000
    );
    // One rupiah more moves the whole object into the 0.2% tier.
    assert_eq!(
        pbb(
            &rules,
            json!({ "tax_year": 2025, "land_njop": 1_000_000_001 })
        ),
        1_980_000
    );
    assert_eq!(
        pbb(
            &rules,
            json!({ "tax_year": 2025, "land_njop": 1_000_000_001, "food_or_livestock_land": true })
        ),
        742_500
    );
    // 0.1% x 1,000,000 = 1,000 is below the minimum bill of 10,000.
    assert_eq!(
        pbb(&rules, json!({ "tax_year": 2025, "land_njop": 11_000_000 })),
        10_000
    );
    // Not taxable at all: no minimum bill.
    assert_eq!(
        pbb(&rules, json!({ "tax_year": 2025, "land_njop": 10_000_000 })),
        0
    );
}

#[test]
fn bphtb_npop_below_njop_uses_njop() {
    let rules = RuleSet::sampang_2025();
    let bphtb = |value: Value| {
        tax::calculate(
            "bphtb",
            &json!({ "acquisition_date": "2025-07-01", "acquisition": "sale",
                     "acquisition_value": value, "njop": 300_000_000,
                     "first_acquisition_in_region": true }),
            &rules,
        )
        .expect("valid")
        .amount
    };
    assert_eq!(bphtb(json!(200_000_000)), 11_000_000); // NJOP 300 jt used
    assert_eq!(bphtb(json!(null)), 11_000_000);
    assert_eq!(bphtb(json!(300_000_000)), 11_000_000);
    assert_eq!(bphtb(json!(300_000_020)), 11_000_001);
    assert_eq!(bphtb(json!(80_000_000)), 11_000_000);
}

#[test]
fn interest_is_capped_at_24_months() {
    let rules = RuleSet::sampang_2025();
    let interest = |payment: &str| {
        tax::calculate(
            "late_interest",
            &json!({ "principal": 1_000_000, "due_date": "2025-01-10", "payment_date": payment }),
            &rules,
        )
        .expect("valid")
        .amount
    };
    assert_eq!(interest("2025-01-10"), 0);
    assert_eq!(interest("2025-01-11"), 10_000);
    assert_eq!(interest("2025-02-10"), 10_000);
    assert_eq!(interest("2025-02-11"), 20_000);
    assert_eq!(interest("2027-01-10"), 240_000);
    assert_eq!(interest("2027-01-11"), 240_000);
    assert_eq!(interest("2030-01-01"), 240_000);
}

#[test]
fn rounding_happens_once_and_is_recorded() {
    let rules = RuleSet::sampang_2025();
    // 0.1% x 1,500 = 1.5 -> half-up to 2.
    let result = tax::calculate(
        "pbb_p2",
        &json!({ "tax_year": 2025, "land_njop": 1_500, "njoptkp_applies": false }),
        &rules,
    )
    .expect("valid");
    assert_eq!(result.exact_amount.to_string(), "1.5");
    assert_eq!(result.amount, 2);
    let rounding = result.breakdown.last().expect("rounding step");
    assert_eq!(rounding.kind, tax::StepKind::Rounding);
    assert_eq!(rounding.result.to_string(), "0.5");
    let down = sampang_with("/rounding/value/mode", json!("down")).expect("valid");
    let truncated = tax::calculate(
        "pbb_p2",
        &json!({ "tax_year": 2025, "land_njop": 1_500, "njoptkp_applies": false }),
        &down,
    )
    .expect("valid");
    assert_eq!(truncated.amount, 1);
}

#[test]
fn invalid_input_gets_a_stable_code_and_both_languages() {
    let rules = RuleSet::sampang_2025();
    let cases = [
        (
            "pbb_p2",
            json!({ "tax_year": 2025, "land_area_m2": -1, "land_njop_per_m2": 1 }),
            "TAX_NEGATIVE_AREA",
            "land_area_m2",
        ),
        (
            "reklame",
            json!({ "date": "2025-01-01", "width_m": "-2", "height_m": 4, "duration_days": 1, "nsr_per_m2_per_day": 1 }),
            "TAX_NEGATIVE_AREA",
            "width_m",
        ),
        (
            "pajak_hiburan",
            json!({}),
            "TAX_UNKNOWN_KIND",
            "pajak_hiburan",
        ),
        (
            "bphtb",
            json!({ "acquisition_date": "2025-01-01", "acquisition": "sale", "first_acquisition_in_region": true }),
            "TAX_INVALID_INPUT",
            "njop",
        ),
        (
            "bphtb",
            json!({ "acquisition_date": "2025-01-01", "acquisition": "sale", "njop": 1, "first_acquisition_in_region": true, "mbr_first_home": { "married": true } }),
            "TAX_INVALID_INPUT",
            "mbr_first_home.monthly_income",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "makanan_minuman", "price": "100000" }),
            "TAX_INVALID_INPUT",
            "price",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "makanan_minuman", "price": 1, "tip": 1 }),
            "TAX_INVALID_INPUT",
            "tip",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "makanan_minuman", "price": 1.5 }),
            "TAX_INVALID_INPUT",
            "price",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "makanan_minuman", "price": -1 }),
            "TAX_NEGATIVE_AMOUNT",
            "price",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "makanan_minuman", "price": 1, "discount": "120%" }),
            "TAX_RATE_ABOVE_MAXIMUM",
            "discount",
        ),
        (
            "pbjt",
            json!({ "date": "2025-01-01", "sub_type": "jasa_parkir", "price": 1, "special_entertainment": true }),
            "TAX_INVALID_INPUT",
            "special_entertainment",
        ),
        (
            "opsen_pkb",
            json!({ "date": "2025-02-01", "base": 1, "provincial_rate": "6.5%" }),
            "TAX_RATE_ABOVE_MAXIMUM",
            "provincial_rate",
        ),
        (
            "pbb_p2",
            json!({ "tax_year": 2025, "land_njop": 1, "land_area_m2": 1, "land_njop_per_m2": 1 }),
            "TAX_INVALID_INPUT",
            "land_njop",
        ),
        (
            "pbb_p2",
            json!({ "tax_year": 2025, "land_area_m2": i64::MAX, "land_njop_per_m2": i64::MAX }),
            "TAX_OVERFLOW",
            "",
        ),
        (
            "instalment",
            json!({ "principal": 1, "instalments": 25, "decision_date": "2025-01-01" }),
            "TAX_VALUE_ABOVE_MAXIMUM",
            "instalments",
        ),
        (
            "skpdkb",
            json!({ "basis": "audit", "tax_is_pbjt": false, "tax_owed": 1, "tax_paid": 0, "interest_from": "2025-02-01", "assessment_date": "2025-01-01" }),
            "TAX_INVALID_INPUT",
            "assessment_date",
        ),
    ];
    for (kind, input, expected, mention) in cases {
        let error = tax::calculate(kind, &input, &rules).expect_err(kind);
        assert_eq!(error.code(), expected, "{kind} {input}");
        let (id, en) = (error.message(Lang::Id), error.message(Lang::En));
        assert!(
            !id.is_empty() && !en.is_empty() && id != en,
            "{kind}: {id} / {en}"
        );
        assert!(
            en.contains(mention),
            "{kind}: {en} should mention {mention}"
        );
        if expected == "TAX_INVALID_INPUT" {
            let path = error.fields().into_iter().find(|(name, _)| *name == "path");
            assert_eq!(
                path.map(|(_, path)| path),
                Some(mention.to_owned()),
                "{kind}"
            );
        }
    }
}

#[test]
fn every_kind_is_dispatched() {
    for kind in tax::KINDS {
        let error = tax::calculate(kind, &json!({}), &RuleSet::sampang_2025())
            .expect_err("empty input is incomplete");
        assert_eq!(error.code(), "TAX_INVALID_INPUT", "{kind}");
    }
}

#[test]
fn every_tax_code_is_documented() {
    let docs = include_str!("../../docs/errors.md");
    for code in TaxError::CODES {
        assert!(
            docs.contains(&format!("`{code}`")),
            "{code} missing in docs/errors.md"
        );
    }
}

#[test]
fn results_serialize_with_exact_strings() {
    let result = tax::calculate(
        "pbjt",
        &json!({ "date": "2025-05-01", "sub_type": "makanan_minuman", "price": 100_001 }),
        &RuleSet::sampang_2025(),
    )
    .expect("valid");
    let value = serde_json::to_value(&result).expect("serializable");
    assert_eq!(value["amount"], json!(10_000));
    assert_eq!(value["exact_amount"], json!("10000.1"));
    assert_eq!(value["breakdown"][3]["inputs"]["rate"], json!("10%"));
    assert_eq!(value["breakdown"][3]["confidence"], json!("placeholder"));
}

#[test]
fn pbjt_turnover_threshold_when_the_perda_sets_one() {
    let rules = sampang_with(
        "/pbjt/food_beverage_turnover_threshold",
        json!({ "value": 5_000_000, "reference": "Perda (test)", "confidence": "placeholder" }),
    )
    .expect("valid");
    let meal = |turnover: Value| {
        tax::calculate(
            "pbjt",
            &json!({ "date": "2025-05-01", "sub_type": "makanan_minuman", "price": 100_000,
                     "monthly_turnover": turnover }),
            &rules,
        )
        .expect("valid")
        .amount
    };
    assert_eq!(meal(json!(5_000_000)), 0);
    assert_eq!(meal(json!(5_000_001)), 10_000);
    assert_eq!(meal(json!(null)), 10_000);
    assert_eq!(
        code(sampang_with(
            "/pbjt/food_beverage_turnover_threshold",
            json!({ "value": -1, "reference": "x", "confidence": "placeholder" })
        )),
        "TAX_VALUE_BELOW_MINIMUM"
    );
}
