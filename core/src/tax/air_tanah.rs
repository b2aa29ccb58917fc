//! Pajak Air Tanah (groundwater tax), UU 1/2022 Paragraf 12: rate x nilai perolehan air (NPA).
//!
//! The NPA comes from the regent's formula (volume, location, purpose, ...); give it, or a
//! volume and a price per m³ that already reflect that formula.

use serde::Deserialize;

use super::rules::RuleSet;
use super::{
    Breakdown, Decimal, Label, QuantityBase, TaxError, TaxResult, rate_component, section,
};
use crate::date::Date;
use crate::json_de::JsonRead;

/// One tax period of groundwater use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct AirTanahInput {
    /// Last day of the tax period.
    pub date: Date,
    /// Volume taken in m³ (with `price_per_m3`).
    #[serde(default)]
    pub volume_m3: Option<Decimal>,
    /// Water acquisition value per m³ per the regent's regulation.
    #[serde(default)]
    pub price_per_m3: Option<i64>,
    /// Nilai perolehan air, instead of volume x price.
    #[serde(default)]
    pub nilai_perolehan_air: Option<i64>,
}

impl AirTanahInput {
    /// The day whose rule set applies.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.date)
    }
}

/// Pajak Air Tanah owed.
pub fn calculate(input: &AirTanahInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let air_tanah = section(&rules.air_tanah, "air_tanah", rules)?;
    let mut breakdown = Breakdown::new("air_tanah");
    let base = QuantityBase {
        fields: ["volume_m3", "price_per_m3", "nilai_perolehan_air"],
        quantity: input.volume_m3,
        unit_price: input.price_per_m3,
        value: input.nilai_perolehan_air,
        label: Label {
            id: "Nilai perolehan air (NPA)",
            en: "Water acquisition value (NPA)",
            formula: "volume_m3 x price_per_m3",
        },
        reference: "UU 1/2022 Paragraf 12 (PAT): dasar pengenaan NPA",
    }
    .resolve(&mut breakdown)?;
    rate_component(
        &mut breakdown,
        "air_tanah",
        Label {
            id: "Pajak Air Tanah terutang",
            en: "Groundwater tax owed",
            formula: "base x rate",
        },
        base,
        &air_tanah.rate,
    )?;
    breakdown.finish(rules)
}
