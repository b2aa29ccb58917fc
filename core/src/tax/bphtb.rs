//! BPHTB (Bea Perolehan Hak atas Tanah dan/atau Bangunan), UU 1/2022 Pasal 44-49.
//!
//! `BPHTB = rate x max(0, NPOP - NPOPTKP)`, NPOP = max(acquisition value, NJOP) (the NJOP when
//! the value is unknown). NPOPTKP: the higher amount for inheritance or hibah wasiat to
//! direct-line family one degree up or down or a spouse, the normal amount for the taxpayer's
//! first acquisition in the region, otherwise none. Low-income households (MBR) buying a first
//! home are exempt within the region's income limits.

use std::cmp::Ordering;

use serde::Deserialize;

use super::rules::{BphtbRules, RuleSet};
use super::{Breakdown, Decimal, Label, TaxError, TaxResult, non_negative, section, show};
use crate::date::Date;
use crate::json_de::JsonRead;

/// How the right was acquired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum Acquisition {
    /// Jual beli: the value is the transaction price.
    Sale,
    /// Lelang: the value is the winning bid in the auction minutes.
    Auction,
    /// Waris: the value is the market value.
    Inheritance,
    /// Hibah wasiat: the value is the market value.
    HibahWasiat,
    /// Hibah, tukar-menukar, pemasukan ke perseroan, pemberian hak baru, ...: market value.
    Other,
}

impl Acquisition {
    fn value_label(self) -> &'static str {
        match self {
            Acquisition::Sale => "harga transaksi / transaction price",
            Acquisition::Auction => "nilai lelang / auction value",
            Acquisition::Inheritance | Acquisition::HibahWasiat | Acquisition::Other => {
                "nilai pasar / market value"
            }
        }
    }

    fn by_inheritance(self) -> bool {
        matches!(self, Acquisition::Inheritance | Acquisition::HibahWasiat)
    }
}

/// A household's claim to the MBR first-home exemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct MbrClaim {
    /// Monthly income in rupiah (joint income if married).
    pub monthly_income: i64,
    /// Married (the higher income limit applies).
    pub married: bool,
}

/// Input for one acquisition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct BphtbInput {
    /// Date the tax is owed (deed, auction minutes, registration of inheritance, ...).
    pub acquisition_date: Date,
    /// How the right was acquired.
    pub acquisition: Acquisition,
    /// Price, auction value or market value; `null` if unknown (the NJOP is used).
    #[serde(default)]
    pub acquisition_value: Option<i64>,
    /// NJOP PBB-P2 of the object in the year of acquisition.
    pub njop: i64,
    /// The taxpayer's first acquisition in this region (grants the NPOPTKP).
    pub first_acquisition_in_region: bool,
    /// For inheritance or hibah wasiat: the receiver is direct-line family one degree up or
    /// down of the giver, or the spouse.
    #[serde(default)]
    pub direct_line_family: bool,
    /// Claim to the MBR first-home exemption, if any.
    #[serde(default)]
    pub mbr_first_home: Option<MbrClaim>,
}

impl BphtbInput {
    /// The day whose rule set applies: the acquisition date.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Ok(self.acquisition_date)
    }
}

/// BPHTB owed for one acquisition.
pub fn calculate(input: &BphtbInput, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let bphtb = section(&rules.bphtb, "bphtb", rules)?;
    let mut breakdown = Breakdown::new("bphtb");
    let njop = non_negative("njop", input.njop)?;
    let value = input
        .acquisition_value
        .map(|value| non_negative("acquisition_value", value))
        .transpose()?;
    let npop = breakdown.value(
        Label {
            id: "Nilai Perolehan Objek Pajak (NPOP)",
            en: "Acquisition value of the object (NPOP)",
            formula: "max(acquisition_value, njop); njop if the value is unknown",
        },
        &[
            (
                "acquisition_value",
                value.map_or_else(|| "unknown".to_owned(), show),
            ),
            ("value_kind", input.acquisition.value_label().to_owned()),
            ("njop", show(njop)),
        ],
        value.map_or(Ok(njop), |value| value.max(njop))?,
        "UU 1/2022 Pasal 46",
    );
    let npoptkp_source = if input.acquisition.by_inheritance() && input.direct_line_family {
        Some(&bphtb.npoptkp_inheritance)
    } else if input.first_acquisition_in_region {
        Some(&bphtb.npoptkp_first_acquisition)
    } else {
        None
    };
    let npoptkp = npoptkp_source.map_or(Decimal::ZERO, |source| Decimal::from_int(source.value));
    let npoptkp_label = Label {
        id: "NPOPTKP",
        en: "Non-taxable acquisition value (NPOPTKP)",
        formula: "inheritance/hibah wasiat to direct family: npoptkp_inheritance; \
                  first acquisition in the region: npoptkp_first_acquisition; else 0",
    };
    let npoptkp_inputs = [
        (
            "first_acquisition_in_region",
            input.first_acquisition_in_region.to_string(),
        ),
        ("direct_line_family", input.direct_line_family.to_string()),
    ];
    match npoptkp_source {
        Some(source) => breakdown.sourced_value(npoptkp_label, &npoptkp_inputs, npoptkp, source),
        None => breakdown.value(
            npoptkp_label,
            &npoptkp_inputs,
            npoptkp,
            "UU 1/2022 Pasal 46",
        ),
    };
    let taxable = breakdown.value(
        Label {
            id: "NPOP kena pajak",
            en: "Taxable acquisition value",
            formula: "max(0, npop - npoptkp)",
        },
        &[("npop", show(npop)), ("npoptkp", show(npoptkp))],
        npop.checked_sub(npoptkp)?.max(Decimal::ZERO)?,
        "UU 1/2022 Pasal 46",
    );
    if let Some(claim) = input.mbr_first_home
        && mbr_exempt(claim, bphtb, rules, &mut breakdown)?
    {
        breakdown.input_component(
            "bphtb",
            Label {
                id: "BPHTB terutang (dibebaskan: MBR rumah pertama)",
                en: "BPHTB owed (exempt: low-income first home)",
                formula: "0",
            },
            &[("taxable_npop", show(taxable))],
            Decimal::ZERO,
            "UU 1/2022 Pasal 44(4)(h)",
        )?;
        return breakdown.finish(rules);
    }
    breakdown.component(
        "bphtb",
        Label {
            id: "BPHTB terutang",
            en: "BPHTB owed",
            formula: "taxable_npop x rate",
        },
        &[
            ("taxable_npop", show(taxable)),
            ("rate", bphtb.rate.value.to_string()),
        ],
        taxable.times(bphtb.rate.value)?,
        &bphtb.rate,
    )?;
    breakdown.finish(rules)
}

/// Checks the income limit of an MBR claim and records the check.
fn mbr_exempt(
    claim: MbrClaim,
    bphtb: &BphtbRules,
    rules: &RuleSet,
    breakdown: &mut Breakdown,
) -> Result<bool, TaxError> {
    let limits = section(&bphtb.mbr_exemption, "bphtb.mbr_exemption", rules)?;
    let income = non_negative("mbr_first_home.monthly_income", claim.monthly_income)?;
    let limit = if claim.married {
        &limits.income_limit_married
    } else {
        &limits.income_limit_single
    };
    let within = income.compare(Decimal::from_int(limit.value))? != Ordering::Greater;
    breakdown.sourced_value(
        Label {
            id: "Batas penghasilan MBR (1 = memenuhi, 0 = tidak)",
            en: "MBR income limit (1 = within, 0 = above)",
            formula: "monthly_income <= income_limit",
        },
        &[
            ("monthly_income", show(income)),
            ("income_limit", limit.value.to_string()),
            ("married", claim.married.to_string()),
        ],
        Decimal::from_int(i64::from(within)),
        limit,
    );
    Ok(within)
}
