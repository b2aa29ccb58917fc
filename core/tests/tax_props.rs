//! Properties of every calculator: never negative, monotone in the base, interest capped, and
//! a breakdown whose components plus rounding add up to the amount.

use std::sync::LazyLock;

use kotacerdas_core::tax::{self, Decimal, RuleSet, StepKind, TaxResult};
use proptest::prelude::*;
use serde_json::{Value, json};

fn calculate(kind: &str, input: &Value) -> TaxResult {
    tax::calculate(kind, input, &RuleSet::sampang_2025()).expect("generated input is valid")
}

/// Components and the rounding step must add up to the amount exactly.
fn assert_consistent(result: &TaxResult) {
    let mut sum = Decimal::ZERO;
    for step in &result.breakdown {
        if step.kind != StepKind::Value {
            sum = sum.checked_add(step.result).expect("no overflow");
        }
        if step.kind == StepKind::Component {
            assert!(!step.result.is_negative(), "negative component {step:?}");
        }
    }
    assert_eq!(sum, Decimal::from_int(result.amount), "{result:?}");
    assert!(result.amount >= 0);
}

const MAX_AMOUNT: i64 = 1_000_000_000_000_000; // Rp1 quadrillion: far above any real base

fn date() -> impl Strategy<Value = String> {
    (2025i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn inputs() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        (0..MAX_AMOUNT, 0..MAX_AMOUNT, any::<bool>(), any::<bool>()).prop_map(|(land, building, food, njoptkp)| (
            "pbb_p2",
            json!({ "tax_year": 2025, "land_njop": land, "building_njop": building,
                    "food_or_livestock_land": food, "njoptkp_applies": njoptkp })
        )),
        (0..MAX_AMOUNT, 0..MAX_AMOUNT, any::<bool>()).prop_map(|(value, njop, first)| (
            "bphtb",
            json!({ "acquisition_date": "2025-06-01", "acquisition": "sale",
                    "acquisition_value": value, "njop": njop, "first_acquisition_in_region": first })
        )),
        (0..MAX_AMOUNT, 0u32..=100, 0u32..=30, any::<bool>()).prop_map(|(price, discount, service, on_discounted)| (
            "pbjt",
            json!({ "date": "2025-06-01", "sub_type": "makanan_minuman", "price": price,
                    "discount": format!("{discount}%"), "service_charge": format!("{service}.5%"),
                    "service_charge_on": if on_discounted { "discounted" } else { "undiscounted" } })
        )),
        (0..MAX_AMOUNT, 0u32..100_000, 0u32..1000).prop_map(|(price, whole, fraction)| (
            "mblb",
            json!({ "date": "2025-06-01", "volume": format!("{whole}.{fraction:03}"), "harga_patokan": price % 10_000_000 })
        )),
        (0..MAX_AMOUNT, date(), date()).prop_map(|(principal, due, paid)| (
            "late_interest",
            json!({ "principal": principal, "due_date": due, "payment_date": paid })
        )),
        (0..MAX_AMOUNT, 1u32..=24).prop_map(|(principal, count)| (
            "instalment",
            json!({ "principal": principal, "instalments": count, "decision_date": "2025-06-01" })
        )),
        (0..MAX_AMOUNT).prop_map(|owed| (
            "opsen_bbnkb",
            json!({ "date": "2025-06-01", "base": owed })
        )),
    ]
}

proptest! {
    #[test]
    fn never_negative_and_breakdown_adds_up((kind, input) in inputs()) {
        assert_consistent(&calculate(kind, &input));
    }

    #[test]
    fn pbb_monotone_in_njop(a in 0..MAX_AMOUNT, b in 0..MAX_AMOUNT, food in any::<bool>()) {
        let (low, high) = (a.min(b), a.max(b));
        let pbb = |njop: i64| calculate("pbb_p2", &json!({ "tax_year": 2025, "land_njop": njop, "food_or_livestock_land": food })).amount;
        prop_assert!(pbb(low) <= pbb(high));
    }

    #[test]
    fn bphtb_monotone_in_value(a in 0..MAX_AMOUNT, b in 0..MAX_AMOUNT, njop in 0..MAX_AMOUNT) {
        let (low, high) = (a.min(b), a.max(b));
        let bphtb = |value: i64| calculate("bphtb", &json!({ "acquisition_date": "2025-06-01",
            "acquisition": "sale", "acquisition_value": value, "njop": njop,
            "first_acquisition_in_region": true })).amount;
        prop_assert!(bphtb(low) <= bphtb(high));
    }

    #[test]
    fn pbjt_monotone_in_price(a in 0..MAX_AMOUNT, b in 0..MAX_AMOUNT, discount in 0u32..=100) {
        let (low, high) = (a.min(b), a.max(b));
        let pbjt = |price: i64| calculate("pbjt", &json!({ "date": "2025-06-01",
            "sub_type": "jasa_perhotelan", "price": price, "discount": format!("{discount}%"),
            "service_charge": "10%" })).amount;
        prop_assert!(pbjt(low) <= pbjt(high));
    }

    #[test]
    fn interest_monotone_and_capped(principal in 0..MAX_AMOUNT, due in date(), a in date(), b in date()) {
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        let interest = |paid: &str| calculate("late_interest", &json!({ "principal": principal,
            "due_date": due, "payment_date": paid }));
        let (first, second) = (interest(&early), interest(&late));
        prop_assert!(first.amount <= second.amount);
        // 24 months x 1% x principal, exactly.
        let cap = Decimal::from_int(principal).checked_mul(Decimal::from_int(24)).expect("fits")
            .checked_mul(Decimal::parse("0.01").expect("decimal")).expect("fits");
        prop_assert!(second.exact_amount.compare(cap).expect("comparable").is_le());
    }
}

/// Every input field name of every kind, so random objects hit real fields.
const FIELDS: &[&str] = &[
    "tax_year",
    "land_area_m2",
    "land_njop_per_m2",
    "land_njop",
    "building_area_m2",
    "building_njop_per_m2",
    "building_njop",
    "food_or_livestock_land",
    "njoptkp_applies",
    "acquisition_date",
    "acquisition",
    "acquisition_value",
    "njop",
    "first_acquisition_in_region",
    "direct_line_family",
    "mbr_first_home",
    "monthly_income",
    "married",
    "date",
    "sub_type",
    "price",
    "discount",
    "service_charge",
    "service_charge_on",
    "electricity_use",
    "special_entertainment",
    "monthly_turnover",
    "width_m",
    "height_m",
    "duration_days",
    "nsr_per_m2_per_day",
    "contract_value",
    "volume_m3",
    "price_per_m3",
    "nilai_perolehan_air",
    "volume",
    "harga_patokan",
    "value",
    "volume_kg",
    "market_price_per_kg",
    "market_value",
    "base",
    "provincial_rate",
    "provincial_tax_owed",
    "principal",
    "due_date",
    "payment_date",
    "basis",
    "tax_is_pbjt",
    "tax_owed",
    "tax_paid",
    "interest_from",
    "assessment_date",
    "stage",
    "outcome",
    "tax_per_decision",
    "paid_before_objection",
    "decision_date",
    "instalments",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1_000_000_000i64..1_000_000_000_000).prop_map(Value::from),
        (0u32..=30).prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        date().prop_map(Value::from),
        "[0-9]{1,3}(\\.[0-9]{1,4})?%".prop_map(Value::from),
        "-?[0-9]{1,20}(\\.[0-9]{1,30})?".prop_map(Value::from),
        prop::sample::select(vec![
            "sale",
            "inheritance",
            "makanan_minuman",
            "tenaga_listrik",
            "kesenian_hiburan",
            "self_generated",
            "undiscounted",
            "audit",
            "ex_officio",
            "appeal",
            "rejected",
            "granted",
            "own_correction",
            "9999-12-31",
            "1800-01-01",
            "",
        ])
        .prop_map(Value::from),
    ]
}

static RULE_SETS: LazyLock<[RuleSet; 2]> =
    LazyLock::new(|| [RuleSet::sampang_2025(), RuleSet::hkpd_maxima()]);

fn random_input() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(2, 40, 12, |inner| {
        prop::collection::btree_map(prop::sample::select(FIELDS), inner, 0..12).prop_map(|map| {
            Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any JSON, for any kind, gives a result or a coded error: never a panic, and every
    /// result is consistent.
    #[test]
    fn arbitrary_input_never_panics(kind in prop::sample::select(tax::KINDS), input in random_input()) {
        for rules in RULE_SETS.iter() {
            if let Ok(result) = tax::calculate(kind, &input, rules) {
                assert_consistent(&result);
            }
        }
    }
}
