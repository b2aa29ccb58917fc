//! Pajak Reklame (advertisement tax), UU 1/2022 Paragraf 11: rate x nilai sewa reklame (NSR).
//!
//! The NSR is width x height x duration in days x the NSR unit value per m² per day from the
//! regent's regulation (by type and location), or the contract value when the advertisement is
//! rented.

use serde::Deserialize;

use super::rules::RuleSet;
use super::{
    Breakdown, Decimal, Label, TaxError, TaxResult, non_negative, non_negative_measure,
    rate_component, section, show,
};
use crate::date::Date;
use crate::json_de::JsonRead;

/// One advertisement for one period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct ReklameInput {
    /// First day of the advertisement.
    pub date: Date,
    /// Width in metres.
    #[serde(default)]
    pub width_m: Option<Decimal>,
    /// Height in metres.
    #[serde(default)]
    pub height_m: Option<Decimal>,
    /// Duration in days.
    #[serde(default)]
    pub duration_days: Option<i64>,
    /// NSR unit value per m² per day (regent's regulation).
    #[serde(default)]
    pub nsr_per_m2_per_day: Option<i64>,
    /// Contract value, instead of the size-based NSR.
    #[serde(default)]
    pub contract_value: Option<i64>,
}

impl ReklameInput {
    /// The day whose rule set applies.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.date)
    }
}

const NSR_REFERENCE: &str = "UU 1/2022 Paragraf 11: dasar pengenaan nilai sewa reklame";

fn size_based_nsr(
    (width, height, days, unit): (Decimal, Decimal, i64, i64),
    breakdown: &mut Breakdown,
) -> Result<Decimal, TaxError> {
    let width = non_negative_measure("width_m", width)?;
    let height = non_negative_measure("height_m", height)?;
    let days = non_negative("duration_days", days)?;
    let unit = non_negative("nsr_per_m2_per_day", unit)?;
    let area = breakdown.value(
        Label {
            id: "Luas reklame (m²)",
            en: "Advertisement area (m²)",
            formula: "width_m x height_m",
        },
        &[("width_m", show(width)), ("height_m", show(height))],
        width.checked_mul(height)?,
        NSR_REFERENCE,
    );
    Ok(breakdown.value(
        Label {
            id: "Nilai sewa reklame (NSR)",
            en: "Advertisement rental value (NSR)",
            formula: "area_m2 x duration_days x nsr_per_m2_per_day",
        },
        &[
            ("area_m2", show(area)),
            ("duration_days", show(days)),
            ("nsr_per_m2_per_day", show(unit)),
        ],
        area.checked_mul(days)?.checked_mul(unit)?,
        NSR_REFERENCE,
    ))
}

/// Pajak Reklame owed.
pub fn calculate(input: &ReklameInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let reklame = section(&rules.reklame, "reklame", rules)?;
    let mut breakdown = Breakdown::new("reklame");
    let size = (
        input.width_m,
        input.height_m,
        input.duration_days,
        input.nsr_per_m2_per_day,
    );
    let nsr = match (size, input.contract_value) {
        ((Some(width), Some(height), Some(days), Some(unit)), None) => {
            size_based_nsr((width, height, days, unit), &mut breakdown)?
        }
        ((None, None, None, None), Some(contract)) => {
            let contract = non_negative("contract_value", contract)?;
            breakdown.value(
                Label {
                    id: "Nilai sewa reklame (nilai kontrak)",
                    en: "Advertisement rental value (contract value)",
                    formula: "contract_value",
                },
                &[("contract_value", show(contract))],
                contract,
                NSR_REFERENCE,
            )
        }
        _ => {
            return Err(TaxError::InvalidInput {
                path: "contract_value".to_owned(),
                reason: "give either width_m, height_m, duration_days and nsr_per_m2_per_day, \
                         or contract_value"
                    .to_owned(),
            });
        }
    };
    rate_component(
        &mut breakdown,
        "reklame",
        Label {
            id: "Pajak Reklame terutang",
            en: "Advertisement tax owed",
            formula: "base x rate",
        },
        nsr,
        &reklame.rate,
    )?;
    breakdown.finish(rules)
}
