//! Local taxes (pajak daerah) under UU 1/2022 (HKPD) and PP 35/2023: every regency tax,
//! the opsen, sanctions and due dates, as versioned rule sets with explained results.
//!
//! * Money is whole rupiah (`i64`); intermediate values are exact [`Decimal`]s and rates exact
//!   [`Rate`]s. A document is rounded once, at its end, with the rule set's [`Rounding`].
//! * Every rate, threshold and sanction comes from a [`RuleSet`] (region + effective period +
//!   legal reference), loaded from JSON and checked against the HKPD limits.
//! * Every calculator returns a [`TaxResult`]: the amount and an ordered breakdown, each step
//!   with Indonesian and English labels, formula, inputs, result and legal reference.
//!
//! ```
//! use kotacerdas_core::tax::{self, RuleBook};
//! use kotacerdas_core::Date;
//!
//! let book = RuleBook::builtin();
//! let rules = book.in_force("35.27", Date::new(2025, 6, 1).unwrap()).unwrap();
//! let input = serde_json::json!({ "date": "2025-06-01", "sub_type": "makanan_minuman",
//!     "price": 100000, "discount": "20%", "service_charge": "5%" });
//! let result = tax::calculate("pbjt", &input, rules).unwrap();
//! assert_eq!(result.amount, 8_400);
//! ```

pub mod air_tanah;
pub mod bphtb;
mod dispatch;
pub mod due;
pub mod mblb;
pub mod money;
pub mod opsen;
pub mod pbb_p2;
pub mod pbjt;
pub mod reklame;
pub mod rules;
pub mod sanction;
mod validate;
pub mod walet;

pub use dispatch::{KINDS, calculate, calculate_in_force, rule_date};
pub use money::{Decimal, Rate, Rounding, RoundingMode};
pub use rules::{Confidence, RuleBook, RuleSet, Sourced};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::coded_enum;

coded_enum! {
    /// Why a tax calculation or a rule set was refused.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TaxError {
        /// An arithmetic result does not fit (amounts beyond any real tax).
        Overflow {} => "TAX_OVERFLOW",
            id: "Perhitungan melampaui batas angka yang didukung",
            en: "The calculation exceeds the supported number range";
        /// A money amount (price, NJOP, principal, ...) below zero.
        NegativeAmount { field: String } => "TAX_NEGATIVE_AMOUNT",
            id: "Nilai {field} tidak boleh negatif",
            en: "{field} must not be negative";
        /// A land or building area, size or volume below zero.
        NegativeArea { field: String } => "TAX_NEGATIVE_AREA",
            id: "Luas atau volume {field} tidak boleh negatif",
            en: "Area or volume {field} must not be negative";
        /// A rate above its legal maximum (in a rule set or an input).
        RateAboveMaximum { field: String, rate: String, maximum: String, reference: String } => "TAX_RATE_ABOVE_MAXIMUM",
            id: "Tarif {field} {rate} melebihi batas tertinggi {maximum} ({reference})",
            en: "Rate {field} {rate} exceeds the maximum {maximum} ({reference})";
        /// A rate below its legal minimum (e.g. hiburan khusus below 40%).
        RateBelowMinimum { field: String, rate: String, minimum: String, reference: String } => "TAX_RATE_BELOW_MINIMUM",
            id: "Tarif {field} {rate} di bawah batas terendah {minimum} ({reference})",
            en: "Rate {field} {rate} is below the minimum {minimum} ({reference})";
        /// A threshold or count above its legal maximum (e.g. more than 24 months).
        ValueAboveMaximum { field: String, value: String, maximum: String, reference: String } => "TAX_VALUE_ABOVE_MAXIMUM",
            id: "Nilai {field} {value} melebihi batas tertinggi {maximum} ({reference})",
            en: "{field} {value} exceeds the maximum {maximum} ({reference})";
        /// A threshold below its legal minimum (e.g. NJOPTKP below Rp10,000,000).
        ValueBelowMinimum { field: String, value: String, minimum: String, reference: String } => "TAX_VALUE_BELOW_MINIMUM",
            id: "Nilai {field} {value} di bawah batas terendah {minimum} ({reference})",
            en: "{field} {value} is below the minimum {minimum} ({reference})";
        /// A rule set that is not well formed or contradicts itself.
        InvalidRuleSet { field: String, reason: String } => "TAX_RULESET_INVALID",
            id: "Aturan pajak tidak sah pada {field}: {reason}",
            en: "Invalid tax rule set at {field}: {reason}";
        /// Two rule sets of one region overlap in time.
        RuleSetOverlap { region: String, first: String, second: String } => "TAX_RULESET_OVERLAP",
            id: "Aturan pajak {first} dan {second} untuk wilayah {region} berlaku pada periode yang tumpang tindih",
            en: "Rule sets {first} and {second} of region {region} overlap in time";
        /// No rule set of the region is in force on the date.
        RuleSetNotInForce { region: String, date: String } => "TAX_RULESET_NOT_IN_FORCE",
            id: "Tidak ada aturan pajak wilayah {region} yang berlaku pada {date}",
            en: "No tax rule set of region {region} is in force on {date}";
        /// The rule set does not regulate this tax (the regency does not levy it).
        NotInRuleSet { kind: String, rule_set: String } => "TAX_NOT_IN_RULESET",
            id: "Aturan pajak {rule_set} tidak mengatur {kind}",
            en: "Rule set {rule_set} does not regulate {kind}";
        /// The tax did not exist yet on the date (e.g. opsen before 5 January 2025).
        NotYetInForce { kind: String, from: String } => "TAX_NOT_YET_IN_FORCE",
            id: "{kind} baru berlaku sejak {from}",
            en: "{kind} applies only from {from}";
        /// A tax kind name the engine does not know.
        UnknownKind { kind: String } => "TAX_UNKNOWN_KIND",
            id: "Jenis pajak tidak dikenal: {kind}",
            en: "Unknown tax kind: {kind}";
        /// A missing, ill-typed, unknown or contradictory input field.
        InvalidInput { path: String, reason: String } => "TAX_INVALID_INPUT",
            id: "Masukan tidak sah pada {path}: {reason}",
            en: "Invalid input at {path}: {reason}";
        /// Working days cannot be counted (e.g. a year whose holidays are not loaded).
        WorkingDaysUnavailable { calendar_code: String, detail_id: String, detail_en: String } => "TAX_WORKING_DAYS_UNAVAILABLE",
            id: "Hari kerja tidak dapat dihitung: {detail_id}",
            en: "Working days cannot be counted: {detail_en}";
        /// A date calculation left the supported years.
        DateOutOfRange {} => "TAX_DATE_OUT_OF_RANGE",
            id: "Tanggal hasil perhitungan di luar rentang yang didukung",
            en: "A computed date is outside the supported range";
    }
}

/// What a breakdown step is, so a reader (and a test) knows which steps add up to the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// An intermediate value: a base, a deduction, a rate, a count.
    Value,
    /// An amount owed; all components plus the rounding step sum to the total.
    Component,
    /// The one rounding step of the document: rounded total minus exact total.
    Rounding,
}

/// One explained step of a calculation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// The formula, with the names used in `inputs`.
    pub formula: String,
    /// Named input values of the formula (exact decimals, rates as percent strings).
    pub inputs: BTreeMap<String, String>,
    /// The exact result.
    pub result: Decimal,
    /// Whether the step is an intermediate value, a component of the total or the rounding.
    pub kind: StepKind,
    /// The legal basis (e.g. "UU 1/2022 Pasal 41(1)").
    pub legal_reference: String,
    /// Confidence of the legal value used, when the step uses one.
    pub confidence: Option<Confidence>,
    /// For a component step, the stable code of the amount (`pbb_p2`, `opsen`, `interest`,
    /// `surcharge`, ...; listed in docs/tax.md), so programs need not read labels.
    pub component: Option<String>,
}

/// One amount that adds to the document's total, by stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Stable code, e.g. `opsen`.
    pub code: String,
    /// The exact amount (before the document's one rounding).
    pub amount: Decimal,
}

/// The result of a tax calculation: amount plus explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaxResult {
    /// Tax kind name (`pbb_p2`, `bphtb`, ...).
    pub kind: String,
    /// The rule set used.
    pub rule_set: String,
    /// The amount to pay in whole rupiah, rounded once.
    pub amount: i64,
    /// The exact amount before rounding.
    pub exact_amount: Decimal,
    /// The amounts that add up to the exact total, in breakdown order.
    pub components: Vec<Component>,
    /// Ordered steps.
    pub breakdown: Vec<Step>,
    /// True if any value used is a placeholder (not verified in the regency's Perda).
    pub uses_placeholder: bool,
}

/// Builds the breakdown of one document and rounds it once at the end.
#[derive(Debug)]
pub(crate) struct Breakdown {
    kind: &'static str,
    steps: Vec<Step>,
    total: Decimal,
}

/// A step's text (labels in both languages and the formula), before its values are attached.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    pub id: &'static str,
    pub en: &'static str,
    pub formula: &'static str,
}

impl Breakdown {
    pub(crate) fn new(kind: &'static str) -> Breakdown {
        Breakdown {
            kind,
            steps: Vec::new(),
            total: Decimal::ZERO,
        }
    }

    #[allow(clippy::too_many_arguments)] // one private constructor of every step
    fn push(
        &mut self,
        component: Option<&str>,
        label: Label,
        inputs: &[(&str, String)],
        result: Decimal,
        kind: StepKind,
        reference: &str,
        confidence: Option<Confidence>,
    ) {
        self.steps.push(Step {
            label_id: label.id.to_owned(),
            label_en: label.en.to_owned(),
            formula: label.formula.to_owned(),
            inputs: inputs
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone()))
                .collect(),
            result,
            kind,
            legal_reference: reference.to_owned(),
            confidence,
            component: component.map(str::to_owned),
        });
    }

    /// Records an intermediate value.
    pub(crate) fn value(
        &mut self,
        label: Label,
        inputs: &[(&str, String)],
        result: Decimal,
        reference: &str,
    ) -> Decimal {
        self.push(
            None,
            label,
            inputs,
            result,
            StepKind::Value,
            reference,
            None,
        );
        result
    }

    /// Records an intermediate value computed with a legal value from the rule set.
    pub(crate) fn sourced_value<T>(
        &mut self,
        label: Label,
        inputs: &[(&str, String)],
        result: Decimal,
        source: &Sourced<T>,
    ) -> Decimal {
        self.push(
            None,
            label,
            inputs,
            result,
            StepKind::Value,
            &source.reference,
            Some(source.confidence),
        );
        result
    }

    /// Records an amount owed that adds to the document's total.
    pub(crate) fn component<T>(
        &mut self,
        code: &str,
        label: Label,
        inputs: &[(&str, String)],
        result: Decimal,
        source: &Sourced<T>,
    ) -> Result<Decimal, TaxError> {
        self.total = self.total.checked_add(result)?;
        self.push(
            Some(code),
            label,
            inputs,
            result,
            StepKind::Component,
            &source.reference,
            Some(source.confidence),
        );
        Ok(result)
    }

    /// Records an amount owed that comes from the input, not from a legal value.
    pub(crate) fn input_component(
        &mut self,
        code: &str,
        label: Label,
        inputs: &[(&str, String)],
        result: Decimal,
        reference: &str,
    ) -> Result<Decimal, TaxError> {
        self.total = self.total.checked_add(result)?;
        self.push(
            Some(code),
            label,
            inputs,
            result,
            StepKind::Component,
            reference,
            None,
        );
        Ok(result)
    }

    /// Rounds the total once, records where, and returns the result.
    pub(crate) fn finish(mut self, rules: &RuleSet) -> Result<TaxResult, TaxError> {
        let exact = self.total;
        let rounding = rules.rounding.value;
        let amount = exact.round(rounding)?;
        let adjustment = Decimal::from_int(amount).checked_sub(exact)?;
        self.push(
            None,
            Label {
                id: "Pembulatan satu kali per dokumen",
                en: "Single rounding of the document",
                formula: "round(total, mode, unit) - total",
            },
            &[
                ("total", exact.to_string()),
                ("mode", rounding.mode.as_str().to_owned()),
                ("unit", rounding.unit.to_string()),
            ],
            adjustment,
            StepKind::Rounding,
            &rules.rounding.reference,
            None,
        );
        let uses_placeholder = self
            .steps
            .iter()
            .any(|step| step.confidence == Some(Confidence::Placeholder));
        let components = self
            .steps
            .iter()
            .filter_map(|step| {
                let code = step.component.clone()?;
                Some(Component {
                    code,
                    amount: step.result,
                })
            })
            .collect();
        Ok(TaxResult {
            kind: self.kind.to_owned(),
            rule_set: rules.id.clone(),
            amount,
            exact_amount: exact,
            components,
            breakdown: self.steps,
            uses_placeholder,
        })
    }
}

/// Refuses a negative money amount.
pub(crate) fn non_negative(field: &str, value: i64) -> Result<Decimal, TaxError> {
    if value < 0 {
        return Err(TaxError::NegativeAmount {
            field: field.to_owned(),
        });
    }
    Ok(Decimal::from_int(value))
}

/// Refuses a negative area, size or volume.
pub(crate) fn non_negative_measure(field: &str, value: Decimal) -> Result<Decimal, TaxError> {
    if value.is_negative() {
        return Err(TaxError::NegativeArea {
            field: field.to_owned(),
        });
    }
    Ok(value)
}

/// Formats a rupiah amount for step inputs.
pub(crate) fn show(value: Decimal) -> String {
    value.to_string()
}

/// One way of stating a tax base: a quantity times a unit price, or the value itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuantityBase<'a> {
    /// Field names: quantity, unit price, value.
    pub fields: [&'a str; 3],
    pub quantity: Option<Decimal>,
    pub unit_price: Option<i64>,
    pub value: Option<i64>,
    pub label: Label,
    pub reference: &'a str,
}

impl QuantityBase<'_> {
    /// The base, recorded as a step; exactly one of the two forms must be given.
    pub(crate) fn resolve(self, breakdown: &mut Breakdown) -> Result<Decimal, TaxError> {
        let [quantity_field, price_field, value_field] = self.fields;
        match (self.quantity, self.unit_price, self.value) {
            (Some(quantity), Some(price), None) => {
                let quantity = non_negative_measure(quantity_field, quantity)?;
                let price = non_negative(price_field, price)?;
                Ok(breakdown.value(
                    self.label,
                    &[(quantity_field, show(quantity)), (price_field, show(price))],
                    quantity.checked_mul(price)?,
                    self.reference,
                ))
            }
            (None, None, Some(value)) => {
                let value = non_negative(value_field, value)?;
                Ok(breakdown.value(
                    Label {
                        formula: "given value",
                        ..self.label
                    },
                    &[(value_field, show(value))],
                    value,
                    self.reference,
                ))
            }
            _ => Err(TaxError::InvalidInput {
                path: value_field.to_owned(),
                reason: format!(
                    "give either {quantity_field} with {price_field}, or {value_field}"
                ),
            }),
        }
    }
}

/// `base x rate` as the document's tax component.
pub(crate) fn rate_component(
    breakdown: &mut Breakdown,
    code: &str,
    label: Label,
    base: Decimal,
    rate: &Sourced<Rate>,
) -> Result<Decimal, TaxError> {
    breakdown.component(
        code,
        label,
        &[("base", show(base)), ("rate", rate.value.to_string())],
        base.times(rate.value)?,
        rate,
    )
}

/// The section of a rule set, or [`TaxError::NotInRuleSet`].
pub(crate) fn section<'a, T>(
    section: &'a Option<T>,
    kind: &str,
    rules: &RuleSet,
) -> Result<&'a T, TaxError> {
    section.as_ref().ok_or_else(|| TaxError::NotInRuleSet {
        kind: kind.to_owned(),
        rule_set: rules.id.clone(),
    })
}
