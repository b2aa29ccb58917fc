//! Pajak MBLB (non-metal minerals and rocks), UU 1/2022 Paragraf 13: rate x volume x harga
//! patokan, plus the province's opsen MBLB (25% of the MBLB tax) collected in the same payment
//! (PP 35/2023 Penjelasan Pasal 107(4)).

use serde::Deserialize;

use super::rules::RuleSet;
use super::{
    Breakdown, Decimal, Label, QuantityBase, TaxError, TaxResult, rate_component, section, show,
};
use crate::date::Date;
use crate::json_de::JsonRead;

/// One extraction period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct MblbInput {
    /// Last day of the tax period.
    pub date: Date,
    /// Volume or tonnage extracted (with `harga_patokan`).
    #[serde(default)]
    pub volume: Option<Decimal>,
    /// Benchmark price per unit of volume (harga patokan, set by the governor).
    #[serde(default)]
    pub harga_patokan: Option<i64>,
    /// Sale value of the extraction, instead of volume x harga patokan.
    #[serde(default)]
    pub value: Option<i64>,
}

impl MblbInput {
    /// The day whose rule set applies.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.date)
    }
}

/// Pajak MBLB plus opsen MBLB, as one payment.
pub fn calculate(input: &MblbInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let mblb = section(&rules.mblb, "mblb", rules)?;
    let mut breakdown = Breakdown::new("mblb");
    let base = QuantityBase {
        fields: ["volume", "harga_patokan", "value"],
        quantity: input.volume,
        unit_price: input.harga_patokan,
        value: input.value,
        label: Label {
            id: "Nilai jual hasil pengambilan MBLB",
            en: "Value of the extracted minerals",
            formula: "volume x harga_patokan",
        },
        reference: "UU 1/2022 Paragraf 13: dasar pengenaan volume x harga patokan",
    }
    .resolve(&mut breakdown)?;
    let tax = rate_component(
        &mut breakdown,
        "mblb",
        Label {
            id: "Pajak MBLB terutang",
            en: "MBLB tax owed",
            formula: "base x rate",
        },
        base,
        &mblb.rate,
    )?;
    breakdown.component(
        "opsen_mblb",
        Label {
            id: "Opsen MBLB (provinsi)",
            en: "Opsen MBLB (province)",
            formula: "mblb_tax x opsen_rate",
        },
        &[
            ("mblb_tax", show(tax)),
            ("opsen_rate", mblb.opsen_rate.value.to_string()),
        ],
        tax.times(mblb.opsen_rate.value)?,
        &mblb.opsen_rate,
    )?;
    breakdown.finish(rules)
}
