//! Opsen PKB and Opsen BBNKB: the regency's 66% surcharge on the provincial vehicle taxes
//! (UU 1/2022 Pasal 83(1)), owed from 5 January 2025 and paid together with PKB or BBNKB.
//!
//! The province may waive part of the base (Jawa Timur: a governor's decree keeps tax + opsen
//! near 2024 levels), modelled as a base-reduction share; the PKB or BBNKB owed is computed on
//! the reduced base, and the opsen on that tax.

use std::cmp::Ordering;

use serde::Deserialize;

use super::rules::{OpsenRules, RuleSet, Sourced};
use super::{Breakdown, Label, Rate, TaxError, TaxResult, non_negative, section, show};
use crate::date::Date;
use crate::json_de::JsonRead;

/// Which provincial tax the opsen is added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VehicleTax {
    /// Pajak Kendaraan Bermotor (annual).
    Pkb,
    /// Bea Balik Nama Kendaraan Bermotor (first delivery).
    Bbnkb,
}

impl VehicleTax {
    /// Kind name for the dispatcher and results.
    pub fn kind(self) -> &'static str {
        match self {
            VehicleTax::Pkb => "opsen_pkb",
            VehicleTax::Bbnkb => "opsen_bbnkb",
        }
    }
}

/// One PKB or BBNKB assessment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct OpsenInput {
    /// Date the PKB or BBNKB is owed.
    pub date: Date,
    /// PKB or BBNKB base before the province's reduction (with an optional `provincial_rate`).
    #[serde(default)]
    pub base: Option<i64>,
    /// PKB or BBNKB rate; defaults to the province's first-vehicle PKB or its BBNKB rate.
    #[serde(default)]
    pub provincial_rate: Option<Rate>,
    /// PKB or BBNKB owed as assessed by the province, instead of `base`.
    #[serde(default)]
    pub provincial_tax_owed: Option<i64>,
}

impl OpsenInput {
    /// The day whose rule set applies.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.date)
    }
}

struct VehicleRules<'a> {
    tax_name: &'static str,
    default_rate: &'a Sourced<Rate>,
    max_rate: &'a Sourced<Rate>,
    opsen_rate: &'a Sourced<Rate>,
}

fn vehicle_rules(vehicle: VehicleTax, opsen: &OpsenRules) -> VehicleRules<'_> {
    match vehicle {
        VehicleTax::Pkb => VehicleRules {
            tax_name: "PKB",
            default_rate: &opsen.province.pkb_rate,
            max_rate: &opsen.province.pkb_max_rate,
            opsen_rate: &opsen.pkb_rate,
        },
        VehicleTax::Bbnkb => VehicleRules {
            tax_name: "BBNKB",
            default_rate: &opsen.province.bbnkb_rate,
            max_rate: &opsen.province.bbnkb_rate,
            opsen_rate: &opsen.bbnkb_rate,
        },
    }
}

/// PKB or BBNKB plus its opsen, as one payment.
pub fn calculate(
    vehicle: VehicleTax,
    input: &OpsenInput,
    rules: &RuleSet,
) -> Result<TaxResult, TaxError> {
    let opsen = section(&rules.opsen, vehicle.kind(), rules)?;
    if input.date < opsen.in_force_from.value {
        return Err(TaxError::NotYetInForce {
            kind: vehicle.kind().to_owned(),
            from: opsen.in_force_from.value.to_string(),
        });
    }
    let vehicle_rules = vehicle_rules(vehicle, opsen);
    let mut breakdown = Breakdown::new(vehicle.kind());
    let provincial_label = Label {
        id: "Pajak provinsi terutang (PKB/BBNKB)",
        en: "Provincial tax owed (PKB/BBNKB)",
        formula: "reduced_base x provincial_rate",
    };
    let provincial_tax = match (input.base, input.provincial_rate, input.provincial_tax_owed) {
        (Some(base), rate, None) => {
            let base = non_negative("base", base)?;
            let reduction = &opsen.province.base_reduction;
            let reduced = breakdown.sourced_value(
                Label {
                    id: "Dasar pengenaan setelah pengurangan provinsi",
                    en: "Base after the province's reduction",
                    formula: "base x (1 - base_reduction)",
                },
                &[
                    ("base", show(base)),
                    ("base_reduction", reduction.value.to_string()),
                ],
                base.times(reduction.value.complement()?)?,
                reduction,
            );
            let rate_source = match rate {
                Some(rate) => {
                    if rate.compare(vehicle_rules.max_rate.value)? == Ordering::Greater {
                        return Err(TaxError::RateAboveMaximum {
                            field: "provincial_rate".to_owned(),
                            rate: rate.to_string(),
                            maximum: vehicle_rules.max_rate.value.to_string(),
                            reference: vehicle_rules.max_rate.reference.clone(),
                        });
                    }
                    Sourced {
                        value: rate,
                        reference: format!(
                            "{} rate given in the input (max {}, {})",
                            vehicle_rules.tax_name,
                            vehicle_rules.max_rate.value,
                            vehicle_rules.max_rate.reference
                        ),
                        confidence: vehicle_rules.max_rate.confidence,
                        note: None,
                    }
                }
                None => vehicle_rules.default_rate.clone(),
            };
            breakdown.component(
                "provincial_tax",
                provincial_label,
                &[
                    ("reduced_base", show(reduced)),
                    ("provincial_rate", rate_source.value.to_string()),
                ],
                reduced.times(rate_source.value)?,
                &rate_source,
            )?
        }
        (None, None, Some(owed)) => {
            let owed = non_negative("provincial_tax_owed", owed)?;
            breakdown.input_component(
                "provincial_tax",
                Label {
                    formula: "provincial_tax_owed",
                    ..provincial_label
                },
                &[("provincial_tax_owed", show(owed))],
                owed,
                "Ketetapan provinsi (SKPD PKB/BBNKB)",
            )?
        }
        _ => {
            return Err(TaxError::InvalidInput {
                path: "base".to_owned(),
                reason: "give either base (with an optional provincial_rate) or \
                         provincial_tax_owed"
                    .to_owned(),
            });
        }
    };
    breakdown.component(
        "opsen",
        Label {
            id: "Opsen (kabupaten/kota)",
            en: "Opsen (regency/city)",
            formula: "provincial_tax x opsen_rate",
        },
        &[
            ("provincial_tax", show(provincial_tax)),
            ("opsen_rate", vehicle_rules.opsen_rate.value.to_string()),
        ],
        provincial_tax.times(vehicle_rules.opsen_rate.value)?,
        vehicle_rules.opsen_rate,
    )?;
    breakdown.finish(rules)
}
