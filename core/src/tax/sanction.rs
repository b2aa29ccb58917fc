//! Administrative sanctions of PP 35/2023: interest, surcharges, fines and instalment interest.
//!
//! Monthly interest counts a started month as a full month and stops at the rule set's maximum
//! (24 months): `interest = principal x monthly_rate x min(months, max_months)`.

use serde::Deserialize;

use super::due::months_started;
use super::rules::{RuleSet, SanctionRules, Sourced};
use super::{Breakdown, Decimal, Label, Rate, TaxError, TaxResult, non_negative, show};
use crate::date::Date;
use crate::json_de::JsonRead;

/// Why monthly interest is owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum InterestBasis {
    /// Late or short payment of an SPPT/SKPD or self-assessed tax, billed by STPD.
    #[default]
    LatePayment,
    /// The taxpayer's own correction of an SPTPD.
    OwnCorrection,
    /// Unpaid tax from a decision on correction, objection or appeal.
    DecisionUnpaid,
    /// Late retribusi.
    Retribusi,
    /// Payment deferred by decision (penundaan): from the original to the new due date, at the
    /// instalment rate.
    Deferment,
}

/// Late-payment interest (STPD).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct LateInterestInput {
    /// Tax (or retribusi) paid late or short.
    pub principal: i64,
    /// The due date.
    pub due_date: Date,
    /// The payment date (or the STPD date for an unpaid amount).
    pub payment_date: Date,
    /// Which interest applies.
    #[serde(default)]
    pub basis: InterestBasis,
}

impl LateInterestInput {
    /// The day whose rule set applies: the payment date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.payment_date)
    }
}

/// Months counted from `from` to `to`, capped, recorded as a step.
fn counted_months(
    from: Date,
    to: Date,
    sanctions: &SanctionRules,
    breakdown: &mut Breakdown,
) -> Result<u32, TaxError> {
    let started = months_started(from, to)?;
    let counted = started.min(sanctions.max_months.value);
    breakdown.sourced_value(
        Label {
            id: "Jumlah bulan (bagian bulan = 1 bulan, paling lama)",
            en: "Months (a started month counts as a month, capped)",
            formula: "min(months_started(from, to), max_months)",
        },
        &[
            ("from", from.to_string()),
            ("to", to.to_string()),
            ("months_started", started.to_string()),
            ("max_months", sanctions.max_months.value.to_string()),
        ],
        Decimal::from_int(i64::from(counted)),
        &sanctions.max_months,
    );
    Ok(counted)
}

/// `principal x monthly_rate x months` as a component.
fn interest_component(
    principal: Decimal,
    rate: &Sourced<Rate>,
    months: u32,
    breakdown: &mut Breakdown,
) -> Result<Decimal, TaxError> {
    breakdown.component(
        "interest",
        Label {
            id: "Sanksi bunga",
            en: "Interest sanction",
            formula: "principal x monthly_rate x months",
        },
        &[
            ("principal", show(principal)),
            ("monthly_rate", rate.value.to_string()),
            ("months", months.to_string()),
        ],
        principal.times(rate.value.times_count(months)?)?,
        rate,
    )
}

/// Interest on a late or short payment, a correction, an unpaid decision or late retribusi.
pub fn late_interest(input: &LateInterestInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let sanctions = &rules.sanctions;
    let principal = non_negative("principal", input.principal)?;
    let rate = match input.basis {
        InterestBasis::LatePayment => &sanctions.late_payment_monthly,
        InterestBasis::OwnCorrection => &sanctions.own_correction_monthly,
        InterestBasis::DecisionUnpaid => &sanctions.decision_unpaid_monthly,
        InterestBasis::Retribusi => &sanctions.retribusi_monthly,
        InterestBasis::Deferment => &sanctions.instalment_monthly,
    };
    let mut breakdown = Breakdown::new("late_interest");
    let months = counted_months(
        input.due_date,
        input.payment_date,
        sanctions,
        &mut breakdown,
    )?;
    interest_component(principal, rate, months, &mut breakdown)?;
    breakdown.finish(rules)
}

/// How an SKPDKB was assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum SkpdkbBasis {
    /// After an audit (pemeriksaan): 1.8% per month.
    Audit,
    /// Ex officio (no return filed, no books kept): 2.2% per month plus a surcharge.
    ExOfficio,
}

/// An SKPDKB: shortfall plus interest, plus a surcharge when ex officio.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct SkpdkbInput {
    /// Audit or ex officio.
    pub basis: SkpdkbBasis,
    /// The tax is PBJT (50% ex officio surcharge) rather than another tax (25%).
    pub tax_is_pbjt: bool,
    /// Tax owed per the assessment.
    pub tax_owed: i64,
    /// Tax already paid for the period.
    pub tax_paid: i64,
    /// When interest starts: the moment the tax became owed (end of the tax period).
    pub interest_from: Date,
    /// Date of the SKPDKB.
    pub assessment_date: Date,
}

impl SkpdkbInput {
    /// The day whose rule set applies: the assessment date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.assessment_date)
    }
}

/// The shortfall `max(0, owed - paid)` as a component.
fn shortfall(owed: i64, paid: i64, breakdown: &mut Breakdown) -> Result<Decimal, TaxError> {
    let owed = non_negative("tax_owed", owed)?;
    let paid = non_negative("tax_paid", paid)?;
    breakdown.input_component(
        "principal_shortfall",
        Label {
            id: "Pajak kurang bayar (pokok)",
            en: "Tax underpaid (principal)",
            formula: "max(0, tax_owed - tax_paid)",
        },
        &[("tax_owed", show(owed)), ("tax_paid", show(paid))],
        owed.checked_sub(paid)?.max(Decimal::ZERO)?,
        "PP 35/2023 Pasal 77",
    )
}

/// Surcharge `base x rate` as a component.
fn surcharge(
    base: Decimal,
    rate: &Sourced<Rate>,
    breakdown: &mut Breakdown,
) -> Result<Decimal, TaxError> {
    breakdown.component(
        "surcharge",
        Label {
            id: "Sanksi kenaikan",
            en: "Surcharge",
            formula: "shortfall x surcharge_rate",
        },
        &[
            ("shortfall", show(base)),
            ("surcharge_rate", rate.value.to_string()),
        ],
        base.times(rate.value)?,
        rate,
    )
}

/// SKPDKB total: shortfall + interest (+ surcharge when ex officio).
pub fn skpdkb(input: &SkpdkbInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    if input.assessment_date < input.interest_from {
        return Err(TaxError::InvalidInput {
            path: "assessment_date".to_owned(),
            reason: "is before interest_from".to_owned(),
        });
    }
    let sanctions = &rules.sanctions;
    let mut breakdown = Breakdown::new("skpdkb");
    let principal = shortfall(input.tax_owed, input.tax_paid, &mut breakdown)?;
    let months = counted_months(
        input.interest_from,
        input.assessment_date,
        sanctions,
        &mut breakdown,
    )?;
    match input.basis {
        SkpdkbBasis::Audit => {
            interest_component(
                principal,
                &sanctions.skpdkb_audit_monthly,
                months,
                &mut breakdown,
            )?;
        }
        SkpdkbBasis::ExOfficio => {
            interest_component(
                principal,
                &sanctions.skpdkb_ex_officio_monthly,
                months,
                &mut breakdown,
            )?;
            let rate = if input.tax_is_pbjt {
                &sanctions.ex_officio_surcharge_pbjt
            } else {
                &sanctions.ex_officio_surcharge_other
            };
            surcharge(principal, rate, &mut breakdown)?;
        }
    }
    breakdown.finish(rules)
}

/// An SKPDKBT (additional assessment after new data): shortfall plus the 100% surcharge.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct SkpdkbtInput {
    /// Additional tax owed per the new data.
    pub tax_owed: i64,
    /// Tax already paid or assessed before.
    pub tax_paid: i64,
    /// Date of the SKPDKBT.
    pub assessment_date: Date,
}

impl SkpdkbtInput {
    /// The day whose rule set applies: the assessment date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.assessment_date)
    }
}

/// SKPDKBT total: shortfall + 100% surcharge.
pub fn skpdkbt(input: &SkpdkbtInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let mut breakdown = Breakdown::new("skpdkbt");
    let principal = shortfall(input.tax_owed, input.tax_paid, &mut breakdown)?;
    surcharge(
        principal,
        &rules.sanctions.skpdkbt_surcharge,
        &mut breakdown,
    )?;
    breakdown.finish(rules)
}

/// Objection (keberatan) or appeal (banding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum DisputeStage {
    /// Keberatan to the regent (30% fine).
    Objection,
    /// Banding to the tax court (60% fine).
    Appeal,
}

/// The decision on the dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum DisputeOutcome {
    /// Ditolak.
    Rejected,
    /// Dikabulkan sebagian.
    PartlyGranted,
    /// Dikabulkan seluruhnya: no fine.
    Granted,
}

/// Fine after a rejected or partly granted objection or appeal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DisputeFineInput {
    /// Objection or appeal.
    pub stage: DisputeStage,
    /// The decision.
    pub outcome: DisputeOutcome,
    /// Tax owed per the decision.
    pub tax_per_decision: i64,
    /// Tax paid before the objection was filed.
    pub paid_before_objection: i64,
    /// Date of the decision.
    pub decision_date: Date,
}

impl DisputeFineInput {
    /// The day whose rule set applies: the decision date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.decision_date)
    }
}

/// Fine = rate x max(0, tax per decision - tax paid before the objection); none if granted.
pub fn dispute_fine(input: &DisputeFineInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let mut breakdown = Breakdown::new("dispute_fine");
    let decided = non_negative("tax_per_decision", input.tax_per_decision)?;
    let paid = non_negative("paid_before_objection", input.paid_before_objection)?;
    let base = breakdown.value(
        Label {
            id: "Dasar denda",
            en: "Fine base",
            formula: "max(0, tax_per_decision - paid_before_objection)",
        },
        &[
            ("tax_per_decision", show(decided)),
            ("paid_before_objection", show(paid)),
        ],
        decided.checked_sub(paid)?.max(Decimal::ZERO)?,
        "PP 35/2023 Pasal 91(3), 96(3)-(4)",
    );
    let rate = match input.stage {
        DisputeStage::Objection => &rules.sanctions.objection_fine,
        DisputeStage::Appeal => &rules.sanctions.appeal_fine,
    };
    let fine_label = Label {
        id: "Sanksi denda",
        en: "Fine",
        formula: "fine_base x fine_rate (0 if granted in full)",
    };
    let fine = if input.outcome == DisputeOutcome::Granted {
        Decimal::ZERO
    } else {
        base.times(rate.value)?
    };
    breakdown.component(
        "fine",
        fine_label,
        &[
            ("fine_base", show(base)),
            ("fine_rate", rate.value.to_string()),
            ("outcome", format!("{:?}", input.outcome)),
        ],
        fine,
        rate,
    )?;
    breakdown.finish(rules)
}

/// Tax paid in monthly instalments (or deferred).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct InstalmentInput {
    /// Tax to be paid in instalments.
    pub principal: i64,
    /// Number of equal monthly instalments.
    pub instalments: u32,
    /// Date the instalment decision was issued.
    pub decision_date: Date,
}

impl InstalmentInput {
    /// The day whose rule set applies: the decision date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.decision_date)
    }
}

/// Interest on each instalment: monthly rate x the balance still unpaid in that month. The
/// principal is split equally; the last instalment takes the remainder of the division.
pub fn instalment(input: &InstalmentInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let sanctions = &rules.sanctions;
    let principal = non_negative("principal", input.principal)?;
    if input.instalments == 0 {
        return Err(TaxError::InvalidInput {
            path: "instalments".to_owned(),
            reason: "must be at least 1".to_owned(),
        });
    }
    if input.instalments > sanctions.max_months.value {
        return Err(TaxError::ValueAboveMaximum {
            field: "instalments".to_owned(),
            value: input.instalments.to_string(),
            maximum: sanctions.max_months.value.to_string(),
            reference: sanctions.instalment_monthly.reference.clone(),
        });
    }
    let count = i64::from(input.instalments);
    let share = input.principal / count;
    let mut breakdown = Breakdown::new("instalment");
    let mut balance = principal;
    for number in 1..=count {
        let rate = &sanctions.instalment_monthly;
        breakdown.component(
            "instalment_interest",
            Label {
                id: "Bunga angsuran bulan ini",
                en: "Instalment interest for the month",
                formula: "unpaid_balance x monthly_rate",
            },
            &[
                ("instalment", number.to_string()),
                ("unpaid_balance", show(balance)),
                ("monthly_rate", rate.value.to_string()),
            ],
            balance.times(rate.value)?,
            rate,
        )?;
        let paid = if number == count {
            balance
        } else {
            Decimal::from_int(share)
        };
        balance = balance.checked_sub(paid)?;
    }
    breakdown.finish(rules)
}
