//! Local taxes (HKPD): the amount with its explained breakdown. Each kind has its own input
//! fields (docs/tax.md), so the input stays JSON; the result is typed.

use std::collections::HashMap;
use std::sync::OnceLock;

use kotacerdas_core::tax::{self, RuleBook};
use serde_json::Value;

use crate::errors::{TaxError, problem};

/// What a breakdown step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StepKind {
    /// An intermediate value: a base, a deduction, a rate, a count.
    Value,
    /// An amount owed; all components plus the rounding step sum to the total.
    Component,
    /// The one rounding step: rounded total minus exact total.
    Rounding,
}

/// How sure the SDK is of a legal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Confidence {
    /// Read in the legal text itself.
    High,
    /// From a reputable secondary source.
    Medium,
    /// Unverified placeholder (usually the HKPD limit) until the Perda is read.
    Placeholder,
}

/// One explained step of a calculation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TaxStep {
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// The formula, with the names used in `inputs`.
    pub formula: String,
    /// Named input values (exact decimals, rates as percent strings).
    pub inputs: HashMap<String, String>,
    /// The exact result, as a decimal string.
    pub result: String,
    /// Intermediate value, component of the total, or the rounding.
    pub kind: StepKind,
    /// Legal basis, e.g. "UU 1/2022 Pasal 41(1)".
    pub legal_reference: String,
    /// Confidence of the legal value used, when the step uses one.
    pub confidence: Option<Confidence>,
    /// For a component step, the stable code of the amount (`pbb_p2`, `opsen`, `interest`,
    /// ...; docs/tax.md), so programs need not read labels.
    pub component: Option<String>,
}

/// One amount that adds up to the total.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TaxComponent {
    /// Stable code, e.g. `opsen`.
    pub code: String,
    /// The exact amount (before the one rounding), as a decimal string.
    pub amount: String,
}

/// A tax amount and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TaxResult {
    /// Tax kind (`pbb_p2`, `bphtb`, ...).
    pub kind: String,
    /// The rule set used, e.g. `35.27-2025`.
    pub rule_set: String,
    /// The amount to pay in whole rupiah, rounded once.
    pub amount: i64,
    /// The exact amount before rounding, as a decimal string.
    pub exact_amount: String,
    /// The amounts that add up to the exact total, in breakdown order.
    pub components: Vec<TaxComponent>,
    /// Ordered steps.
    pub breakdown: Vec<TaxStep>,
    /// True if any value used is an unverified placeholder.
    pub uses_placeholder: bool,
}

// The built-in rule sets are immutable: build them once for every call.
fn builtin_book() -> &'static RuleBook {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    BOOK.get_or_init(RuleBook::builtin)
}

/// The tax kinds [`calculate_tax`] knows (`pbb_p2`, `bphtb`, `pbjt`, ...).
#[uniffi::export]
pub fn tax_kinds() -> Vec<String> {
    tax::KINDS.iter().map(|k| (*k).to_owned()).collect()
}

/// Calculates a local tax with the rule set of `region` in force on the input's date.
/// `input_json` holds the kind's fields (docs/tax.md), e.g. `{"date": "2025-03-31", "value":
/// 500000000}` for `mblb`.
#[uniffi::export(default(region = "35.27"))]
pub fn calculate_tax(
    kind: String,
    input_json: String,
    region: String,
) -> Result<TaxResult, TaxError> {
    let input: Value = serde_json::from_str(&input_json).map_err(|e| {
        TaxError::InvalidArgument(problem(&tax::TaxError::InvalidInput {
            path: String::new(),
            reason: format!("not JSON: {e}"),
        }))
    })?;
    let result = tax::calculate_in_force(&kind, &input, builtin_book(), &region)
        .map_err(|e| TaxError::Invalid(problem(&e)))?;
    Ok(TaxResult {
        kind: result.kind,
        rule_set: result.rule_set,
        amount: result.amount,
        exact_amount: result.exact_amount.to_string(),
        components: result
            .components
            .into_iter()
            .map(|c| TaxComponent {
                code: c.code,
                amount: c.amount.to_string(),
            })
            .collect(),
        breakdown: result
            .breakdown
            .into_iter()
            .map(|step| TaxStep {
                label_id: step.label_id,
                label_en: step.label_en,
                formula: step.formula,
                inputs: step.inputs.into_iter().collect(),
                result: step.result.to_string(),
                kind: match step.kind {
                    tax::StepKind::Value => StepKind::Value,
                    tax::StepKind::Component => StepKind::Component,
                    tax::StepKind::Rounding => StepKind::Rounding,
                },
                legal_reference: step.legal_reference,
                confidence: step.confidence.map(|c| match c {
                    tax::Confidence::High => Confidence::High,
                    tax::Confidence::Medium => Confidence::Medium,
                    tax::Confidence::Placeholder => Confidence::Placeholder,
                }),
                component: step.component,
            })
            .collect(),
        uses_placeholder: result.uses_placeholder,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mblb_worked_example_and_errors() {
        let result = calculate_tax(
            "mblb".into(),
            r#"{"date": "2025-03-31", "value": 500000000}"#.into(),
            "35.27".into(),
        )
        .unwrap();
        assert_eq!(result.amount, 125_000_000);
        assert_eq!(result.rule_set, "35.27-2025");
        assert!(!result.breakdown.is_empty());
        assert!(!result.components.is_empty());
        let error = calculate_tax("mblb".into(), "{".into(), "35.27".into()).unwrap_err();
        assert_eq!(error.code(), "TAX_INVALID_INPUT");
        let error = calculate_tax("nope".into(), "{}".into(), "35.27".into()).unwrap_err();
        assert_eq!(error.code(), "TAX_UNKNOWN_KIND");
    }
}
