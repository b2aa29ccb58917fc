//! Pajak Sarang Burung Walet (swiftlet nest tax), UU 1/2022 Paragraf 14:
//! rate x market price x volume.

use serde::Deserialize;

use super::rules::RuleSet;
use super::{
    Breakdown, Decimal, Label, QuantityBase, TaxError, TaxResult, rate_component, section,
};
use crate::date::Date;
use crate::json_de::JsonRead;

/// One harvest or tax period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct WaletInput {
    /// Date of the harvest (or last day of the tax period).
    pub date: Date,
    /// Nests taken, in kg (with `market_price_per_kg`).
    #[serde(default)]
    pub volume_kg: Option<Decimal>,
    /// Market price per kg.
    #[serde(default)]
    pub market_price_per_kg: Option<i64>,
    /// Market value of the harvest, instead of volume x price.
    #[serde(default)]
    pub market_value: Option<i64>,
}

impl WaletInput {
    /// The day whose rule set applies.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.date)
    }
}

/// Pajak Sarang Burung Walet owed.
pub fn calculate(input: &WaletInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let walet = section(&rules.walet, "walet", rules)?;
    let mut breakdown = Breakdown::new("walet");
    let base = QuantityBase {
        fields: ["volume_kg", "market_price_per_kg", "market_value"],
        quantity: input.volume_kg,
        unit_price: input.market_price_per_kg,
        value: input.market_value,
        label: Label {
            id: "Nilai jual sarang burung walet",
            en: "Market value of the nests",
            formula: "volume_kg x market_price_per_kg",
        },
        reference: "UU 1/2022 Paragraf 14: dasar pengenaan harga pasaran x volume",
    }
    .resolve(&mut breakdown)?;
    rate_component(
        &mut breakdown,
        "walet",
        Label {
            id: "Pajak Sarang Burung Walet terutang",
            en: "Swiftlet nest tax owed",
            formula: "base x rate",
        },
        base,
        &walet.rate,
    )?;
    breakdown.finish(rules)
}
