//! The worked examples of `spec/local-tax.md` (the conformance vectors
//! `conformance/vectors/tax/worked-examples.json`) and one example per tax and sanction,
//! reproduced exactly through the JSON dispatcher.

use kotacerdas_core::Date;
use kotacerdas_core::tax::{self, RuleBook, RuleSet, StepKind, TaxResult};
use serde::Deserialize;
use serde_json::{Value, json};

fn sampang() -> RuleSet {
    RuleSet::sampang_2025()
}

fn run(kind: &str, input: Value) -> TaxResult {
    tax::calculate(kind, &input, &sampang()).expect("valid example input")
}

/// The result of the first step with this English label.
fn step(result: &TaxResult, label_en: &str) -> String {
    result
        .breakdown
        .iter()
        .find(|step| step.label_en == label_en)
        .unwrap_or_else(|| panic!("no step {label_en}"))
        .result
        .to_string()
}

fn components(result: &TaxResult) -> Vec<String> {
    result
        .breakdown
        .iter()
        .filter(|step| step.kind == StepKind::Component)
        .map(|step| step.result.to_string())
        .collect()
}

#[derive(Deserialize)]
struct Case {
    id: String,
    input: CaseInput,
    expected: Expected,
}

#[derive(Deserialize)]
struct CaseInput {
    kind: String,
    region: String,
    input: Value,
}

#[derive(Deserialize)]
struct Expected {
    ok: ExpectedResult,
}

#[derive(Deserialize)]
struct ExpectedResult {
    amount: i64,
}

#[derive(Deserialize)]
struct VectorFile {
    cases: Vec<Case>,
}

/// The components of each worked example, in order, as the legal text spells them out.
const COMPONENTS: [(&str, &[&str]); 8] = [
    ("mblb-opsen-pp35-107-4", &["100000000", "25000000"]),
    ("opsen-bbnkb-pp35", &["24000000", "15840000"]),
    ("opsen-pkb-pp35", &["3000000", "1980000"]),
    ("pbjt-dki-service-discounted", &["8400"]),
    ("pbjt-dki-service-undiscounted", &["8500"]),
    ("reklame-2x4-30-days", &["7500000"]),
    (
        "skpdkb-ex-officio-pp35-77-2",
        &["150000000", "9900000", "75000000"],
    ),
    (
        "instalment-pp35-103",
        &["600000", "450000", "300000", "150000"],
    ),
];

/// The conformance vectors of the spec's worked examples, with their components checked too.
#[test]
fn worked_examples_of_the_spec() {
    let file: VectorFile = serde_json::from_str(include_str!(
        "../../conformance/vectors/tax/worked-examples.json"
    ))
    .expect("vectors");
    assert_eq!(file.cases.len(), COMPONENTS.len());
    let book = RuleBook::builtin();
    for (case, (id, expected_components)) in file.cases.iter().zip(COMPONENTS) {
        assert_eq!(case.id, id);
        let input = &case.input;
        let result = tax::calculate_in_force(&input.kind, &input.input, &book, &input.region)
            .unwrap_or_else(|error| panic!("{id}: {error}"));
        assert_eq!(result.amount, case.expected.ok.amount, "{id}");
        assert_eq!(components(&result), expected_components, "{id}");
    }
    let dki = &file.cases[3].input;
    let bill = tax::calculate(&dki.kind, &dki.input, &sampang()).expect("valid");
    assert_eq!(
        step(&bill, "PBJT base (amount paid by the consumer)"),
        "84000"
    );
    assert_eq!(step(&bill, "Consumer's total bill (information)"), "92400");
    let undiscounted = &file.cases[4].input;
    let bill = tax::calculate(&undiscounted.kind, &undiscounted.input, &sampang()).expect("ok");
    assert_eq!(step(&bill, "Consumer's total bill (information)"), "93500");
    let reklame = &file.cases[5].input;
    let nsr = tax::calculate(&reklame.kind, &reklame.input, &sampang()).expect("valid");
    assert_eq!(step(&nsr, "Advertisement rental value (NSR)"), "30000000");
}

#[test]
fn opsen_from_the_province_assessment() {
    let result = run(
        "opsen_pkb",
        json!({ "date": "2025-02-01", "provincial_tax_owed": 3_000_000 }),
    );
    assert_eq!(components(&result), ["3000000", "1980000"]);
}

#[test]
fn opsen_before_5_january_2025_is_refused() {
    let rules = RuleSet::hkpd_maxima();
    let error = tax::calculate(
        "opsen_pkb",
        &json!({ "date": "2025-01-04", "provincial_tax_owed": 3_000_000 }),
        &rules,
    )
    .expect_err("opsen did not exist yet");
    assert_eq!(kotacerdas_core::Coded::code(&error), "TAX_NOT_YET_IN_FORCE");
    assert!(
        tax::calculate(
            "opsen_pkb",
            &json!({ "date": "2025-01-05", "provincial_tax_owed": 3_000_000 }),
            &rules,
        )
        .is_ok()
    );
}

#[test]
fn pbjt_electricity_and_special_entertainment_rates() {
    let electricity = |usage: &str| {
        run(
            "pbjt",
            json!({ "date": "2025-05-01", "sub_type": "tenaga_listrik", "price": 1_000_000,
                    "electricity_use": usage }),
        )
        .amount
    };
    assert_eq!(electricity("general"), 100_000);
    assert_eq!(electricity("industry_from_other_source"), 30_000);
    assert_eq!(electricity("self_generated"), 15_000);
    let karaoke = run(
        "pbjt",
        json!({ "date": "2025-05-01", "sub_type": "kesenian_hiburan", "price": 1_000_000,
                "special_entertainment": true }),
    );
    assert_eq!(karaoke.amount, 400_000);
    assert!(karaoke.uses_placeholder, "Sampang's 40% is a placeholder");
}

#[test]
fn pbb_p2_sampang_rates() {
    let input = json!({ "tax_year": 2025, "land_area_m2": 200, "land_njop_per_m2": 500_000,
                        "building_area_m2": 100, "building_njop_per_m2": 1_000_000 });
    let result = run("pbb_p2", input);
    // NJOP 200,000,000; minus NJOPTKP 10,000,000; p 100%; 0.1%.
    assert_eq!(step(&result, "NJOP of the object"), "200000000");
    assert_eq!(result.amount, 190_000);
    let food = run(
        "pbb_p2",
        json!({ "tax_year": 2025, "land_njop": 200_000_000, "food_or_livestock_land": true }),
    );
    assert_eq!(food.amount, 171_000);
}

#[test]
fn pbb_p2_njoptkp_once_per_taxpayer() {
    let second_object = run(
        "pbb_p2",
        json!({ "tax_year": 2025, "land_njop": 200_000_000, "njoptkp_applies": false }),
    );
    assert_eq!(second_object.amount, 200_000);
}

#[test]
fn bphtb_sale_and_inheritance() {
    let sale = run(
        "bphtb",
        json!({ "acquisition_date": "2025-07-01", "acquisition": "sale",
                "acquisition_value": 500_000_000, "njop": 400_000_000,
                "first_acquisition_in_region": true }),
    );
    assert_eq!(sale.amount, 21_000_000); // 5% x (500 - 80) jt
    let inheritance = run(
        "bphtb",
        json!({ "acquisition_date": "2025-07-01", "acquisition": "inheritance",
                "acquisition_value": 500_000_000, "njop": 400_000_000,
                "first_acquisition_in_region": false, "direct_line_family": true }),
    );
    assert_eq!(inheritance.amount, 10_000_000); // 5% x (500 - 300) jt
    let later_purchase = run(
        "bphtb",
        json!({ "acquisition_date": "2025-07-01", "acquisition": "auction",
                "acquisition_value": 500_000_000, "njop": 400_000_000,
                "first_acquisition_in_region": false }),
    );
    assert_eq!(later_purchase.amount, 25_000_000);
}

#[test]
fn bphtb_mbr_first_home_exemption_uses_sampang_income_limits() {
    let buy = |income: i64, married: bool| {
        run(
            "bphtb",
            json!({ "acquisition_date": "2025-07-01", "acquisition": "sale",
                    "acquisition_value": 150_000_000, "njop": 120_000_000,
                    "first_acquisition_in_region": true,
                    "mbr_first_home": { "monthly_income": income, "married": married } }),
        )
        .amount
    };
    assert_eq!(buy(7_500_000, false), 0);
    assert_eq!(buy(7_500_001, false), 3_500_000);
    assert_eq!(buy(10_000_000, true), 0);
    assert_eq!(buy(10_000_001, true), 3_500_000);
}

#[test]
fn air_tanah_and_walet() {
    let water = run(
        "air_tanah",
        json!({ "date": "2025-05-31", "volume_m3": "1234.5", "price_per_m3": 3_000 }),
    );
    assert_eq!(water.amount, 740_700); // 20% x 3,703,500
    let nests = run(
        "walet",
        json!({ "date": "2025-05-31", "volume_kg": "2.5", "market_price_per_kg": 10_000_000 }),
    );
    assert_eq!(nests.amount, 2_500_000);
}

#[test]
fn late_interest_one_percent_per_started_month() {
    let result = run(
        "late_interest",
        json!({ "principal": 1_000_000, "due_date": "2025-08-31",
                "payment_date": "2025-10-01" }),
    );
    assert_eq!(
        step(
            &result,
            "Months (a started month counts as a month, capped)"
        ),
        "2"
    );
    assert_eq!(result.amount, 20_000);
}

#[test]
fn interest_bases_use_their_rates() {
    let interest = |basis: &str| {
        run(
            "late_interest",
            json!({ "principal": 10_000_000, "due_date": "2025-01-31",
                    "payment_date": "2025-04-30", "basis": basis }),
        )
        .amount
    };
    assert_eq!(interest("late_payment"), 300_000);
    assert_eq!(interest("own_correction"), 300_000);
    assert_eq!(interest("retribusi"), 300_000);
    assert_eq!(interest("decision_unpaid"), 180_000);
    assert_eq!(interest("deferment"), 180_000);
}

#[test]
fn dispute_fines() {
    let fine = |stage: &str, outcome: &str| {
        run(
            "dispute_fine",
            json!({ "stage": stage, "outcome": outcome, "tax_per_decision": 10_000_000,
                    "paid_before_objection": 4_000_000, "decision_date": "2025-09-01" }),
        )
        .amount
    };
    assert_eq!(fine("objection", "rejected"), 1_800_000);
    assert_eq!(fine("objection", "partly_granted"), 1_800_000);
    assert_eq!(fine("appeal", "rejected"), 3_600_000);
    assert_eq!(fine("appeal", "granted"), 0);
}

#[test]
fn skpdkbt_doubles_the_shortfall() {
    let result = run(
        "skpdkbt",
        json!({ "tax_owed": 30_000_000, "tax_paid": 10_000_000,
                "assessment_date": "2025-09-01" }),
    );
    assert_eq!(result.amount, 40_000_000);
}

#[test]
fn calculate_in_force_selects_by_the_input_date() {
    let book = RuleBook::builtin();
    let input = json!({ "tax_year": 2025, "land_njop": 110_000_000 });
    let result = tax::calculate_in_force("pbb_p2", &input, &book, "3527").expect("in force");
    assert_eq!(result.rule_set, "35.27-2025");
    assert_eq!(result.amount, 100_000);
    let old = json!({ "tax_year": 2024, "land_njop": 110_000_000 });
    let error = tax::calculate_in_force("pbb_p2", &old, &book, "35.27").expect_err("no 2024 set");
    assert_eq!(
        kotacerdas_core::Coded::code(&error),
        "TAX_RULESET_NOT_IN_FORCE"
    );
    let date = Date::new(2025, 1, 1).expect("valid");
    assert_eq!(tax::rule_date("pbb_p2", &input), Ok(date));
}

#[test]
fn month_based_due_dates() {
    use kotacerdas_core::tax::due::{DueDocument, due_date};
    let rules = sampang();
    let due = |document, from: &str| {
        due_date(document, Date::parse_iso(from).expect("date"), &rules)
            .expect("in range")
            .date
            .to_string()
    };
    assert_eq!(due(DueDocument::Sppt, "2025-03-15"), "2025-09-15");
    assert_eq!(due(DueDocument::Sppt, "2025-08-31"), "2026-02-28");
    assert_eq!(due(DueDocument::Skpd, "2025-01-31"), "2025-02-28");
    assert_eq!(due(DueDocument::Objection, "2025-04-21"), "2025-07-21");
}

#[test]
fn self_assessed_due_dates_count_working_days() {
    use kotacerdas_core::calendar::WorkingCalendar;
    use kotacerdas_core::tax::due::{self_assessed_due, tax_period_end};
    let calendar = WorkingCalendar::embedded_default();
    let rules = sampang();
    // Masa Maret 2025: Idul Fitri 31 Mar-1 Apr (libur nasional), 2-4 and 7 Apr (cuti bersama),
    // so the 10th working day after 31 March is 22 April, the 15th is 29 April.
    let march = tax_period_end(2025, 3).expect("valid month");
    let due = self_assessed_due(march, &rules, calendar).expect("2025 is loaded");
    assert_eq!(due.payment.date.to_string(), "2025-04-22");
    assert_eq!(due.tax_return.date.to_string(), "2025-04-29");
    // Whatever the holidays, the payment date is exactly 10 working days after the period.
    let january = tax_period_end(2026, 1).expect("valid month");
    let due = self_assessed_due(january, &rules, calendar).expect("2026 is loaded");
    assert_eq!(
        calendar.working_days_between(january, due.payment.date),
        Ok(10)
    );
    let far = tax_period_end(2040, 1).expect("valid month");
    let error = self_assessed_due(far, &rules, calendar).expect_err("2040 is not loaded");
    assert_eq!(
        kotacerdas_core::Coded::code(&error),
        "TAX_WORKING_DAYS_UNAVAILABLE"
    );
}

#[test]
fn due_dates_from_json() {
    use kotacerdas_core::calendar::WorkingCalendar;
    use kotacerdas_core::tax::due::{DueInput, due_dates};
    let input: DueInput =
        serde_json::from_value(json!({ "document": "sppt", "from": "2025-03-15" }))
            .expect("valid input");
    let dues = due_dates(&input, &sampang(), WorkingCalendar::embedded_default()).expect("ok");
    assert_eq!(dues.len(), 1);
    assert_eq!(dues[0].due.date.to_string(), "2025-09-15");
    let value = serde_json::to_value(&dues[0]).expect("serializable");
    assert_eq!(value["name"], "payment");
    assert_eq!(value["unit"], "months");
}
