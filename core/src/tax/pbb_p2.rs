//! PBB-P2 (Pajak Bumi dan Bangunan Perdesaan dan Perkotaan), UU 1/2022 Pasal 38-43.
//!
//! `PBB = rate x p x max(0, NJOP - NJOPTKP)`, NJOP = land NJOP + building NJOP (each from
//! area x NJOP per m² or given as a total). The NJOP tier sets rate and p for the whole object;
//! food-production and livestock land uses the tier's lower rate; a region may set a minimum
//! bill for taxable objects.

use std::cmp::Ordering;

use serde::Deserialize;

use super::rules::{PbbP2Rules, PbbP2Tier, RuleSet};
use super::{Breakdown, Decimal, Label, TaxError, TaxResult, non_negative, section, show};
use crate::date::Date;
use crate::json_de::JsonRead;

/// Input for one tax object (NOP) for one tax year.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct PbbP2Input {
    /// Tax year; the object's state and the rule set on 1 January of that year apply.
    pub tax_year: i32,
    /// Land area in m² (with `land_njop_per_m2`), or leave out and give `land_njop`.
    #[serde(default)]
    pub land_area_m2: Option<i64>,
    /// Land NJOP per m² (the NJOP class value).
    #[serde(default)]
    pub land_njop_per_m2: Option<i64>,
    /// Total land NJOP, instead of area x NJOP per m².
    #[serde(default)]
    pub land_njop: Option<i64>,
    /// Building floor area in m² (with `building_njop_per_m2`).
    #[serde(default)]
    pub building_area_m2: Option<i64>,
    /// Building NJOP per m².
    #[serde(default)]
    pub building_njop_per_m2: Option<i64>,
    /// Total building NJOP, instead of area x NJOP per m².
    #[serde(default)]
    pub building_njop: Option<i64>,
    /// Land used for food production or livestock (lower rate, UU 1/2022 Pasal 41(2)).
    #[serde(default)]
    pub food_or_livestock_land: bool,
    /// Whether this object receives the taxpayer's one NJOPTKP of the year (UU 1/2022
    /// Pasal 40(4)); false for the taxpayer's other objects.
    #[serde(default = "default_true")]
    pub njoptkp_applies: bool,
}

fn default_true() -> bool {
    true
}

impl PbbP2Input {
    /// The day whose rule set applies: 1 January of the tax year.
    pub fn rule_date(&self) -> Result<Date, TaxError> {
        Date::new(self.tax_year, 1, 1).map_err(|_| TaxError::InvalidInput {
            path: "tax_year".to_owned(),
            reason: "outside the years 1800-9999".to_owned(),
        })
    }
}

/// Text of the part (land or building) NJOP steps.
struct PartLabels {
    name: &'static str,
    area_field: &'static str,
    per_m2_field: &'static str,
    total_field: &'static str,
    from_area: Label,
    given: Label,
}

const LAND: PartLabels = PartLabels {
    name: "land",
    area_field: "land_area_m2",
    per_m2_field: "land_njop_per_m2",
    total_field: "land_njop",
    from_area: Label {
        id: "NJOP bumi",
        en: "Land NJOP",
        formula: "land_area_m2 x land_njop_per_m2",
    },
    given: Label {
        id: "NJOP bumi (diberikan)",
        en: "Land NJOP (given)",
        formula: "land_njop",
    },
};

const BUILDING: PartLabels = PartLabels {
    name: "building",
    area_field: "building_area_m2",
    per_m2_field: "building_njop_per_m2",
    total_field: "building_njop",
    from_area: Label {
        id: "NJOP bangunan",
        en: "Building NJOP",
        formula: "building_area_m2 x building_njop_per_m2",
    },
    given: Label {
        id: "NJOP bangunan (diberikan)",
        en: "Building NJOP (given)",
        formula: "building_njop",
    },
};

const NJOP_REFERENCE: &str = "UU 1/2022 Pasal 40(1)-(2)";

/// NJOP of land or building from area x NJOP per m², or the given total; absent is zero.
fn part_njop(
    labels: &PartLabels,
    area: Option<i64>,
    per_m2: Option<i64>,
    total: Option<i64>,
    breakdown: &mut Breakdown,
) -> Result<Decimal, TaxError> {
    if area.is_some_and(|area| area < 0) {
        return Err(TaxError::NegativeArea {
            field: labels.area_field.to_owned(),
        });
    }
    match (area, per_m2, total) {
        (Some(area), Some(per_m2), None) => {
            let per_m2 = non_negative(labels.per_m2_field, per_m2)?;
            let njop = Decimal::from_int(area).checked_mul(per_m2)?;
            Ok(breakdown.value(
                labels.from_area,
                &[
                    (labels.area_field, area.to_string()),
                    (labels.per_m2_field, show(per_m2)),
                ],
                njop,
                NJOP_REFERENCE,
            ))
        }
        (None, None, Some(total)) => {
            let njop = non_negative(labels.total_field, total)?;
            Ok(breakdown.value(
                labels.given,
                &[(labels.total_field, show(njop))],
                njop,
                NJOP_REFERENCE,
            ))
        }
        (None, None, None) => Ok(Decimal::ZERO),
        _ => Err(TaxError::InvalidInput {
            path: labels.total_field.to_owned(),
            reason: format!(
                "give either {} with {} or {} for the {}",
                labels.area_field, labels.per_m2_field, labels.total_field, labels.name
            ),
        }),
    }
}

/// The tier whose inclusive bound the NJOP does not exceed (the last tier is open).
fn tier_for(rules: &PbbP2Rules, njop: Decimal) -> Result<&PbbP2Tier, TaxError> {
    for tier in &rules.tiers {
        match tier.njop_up_to {
            Some(bound) if njop.compare(Decimal::from_int(bound))? == Ordering::Greater => {}
            _ => return Ok(tier),
        }
    }
    Err(TaxError::InvalidRuleSet {
        field: "pbb_p2.tiers".to_owned(),
        reason: "the last tier must have no upper bound".to_owned(),
    })
}

/// PBB-P2 owed for one object and year.
pub fn calculate(input: &PbbP2Input, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    let pbb = section(&rules.pbb_p2, "pbb_p2", rules)?;
    let mut breakdown = Breakdown::new("pbb_p2");
    let land = part_njop(
        &LAND,
        input.land_area_m2,
        input.land_njop_per_m2,
        input.land_njop,
        &mut breakdown,
    )?;
    let building = part_njop(
        &BUILDING,
        input.building_area_m2,
        input.building_njop_per_m2,
        input.building_njop,
        &mut breakdown,
    )?;
    let njop = breakdown.value(
        Label {
            id: "NJOP objek pajak",
            en: "NJOP of the object",
            formula: "land_njop + building_njop",
        },
        &[("land_njop", show(land)), ("building_njop", show(building))],
        land.checked_add(building)?,
        NJOP_REFERENCE,
    );
    let njoptkp = if input.njoptkp_applies {
        Decimal::from_int(pbb.njoptkp.value)
    } else {
        Decimal::ZERO
    };
    breakdown.sourced_value(
        Label {
            id: "NJOPTKP (sekali per wajib pajak per tahun)",
            en: "NJOPTKP (once per taxpayer per year)",
            formula: "njoptkp if njoptkp_applies else 0",
        },
        &[
            ("njoptkp", pbb.njoptkp.value.to_string()),
            ("njoptkp_applies", input.njoptkp_applies.to_string()),
        ],
        njoptkp,
        &pbb.njoptkp,
    );
    let taxable = breakdown.value(
        Label {
            id: "NJOP kena pajak",
            en: "Taxable NJOP",
            formula: "max(0, njop - njoptkp)",
        },
        &[("njop", show(njop)), ("njoptkp", show(njoptkp))],
        njop.checked_sub(njoptkp)?.max(Decimal::ZERO)?,
        "UU 1/2022 Pasal 40(4)",
    );
    let tier = tier_for(pbb, njop)?;
    let assessed = breakdown.sourced_value(
        Label {
            id: "Dasar pengenaan (persentase NJOP p)",
            en: "Tax base (assessment ratio p)",
            formula: "taxable_njop x p",
        },
        &[
            ("taxable_njop", show(taxable)),
            ("p", tier.assessment_ratio.value.to_string()),
        ],
        taxable.times(tier.assessment_ratio.value)?,
        &tier.assessment_ratio,
    );
    let rate = if input.food_or_livestock_land {
        &tier.food_livestock_rate
    } else {
        &tier.rate
    };
    let bound = tier
        .njop_up_to
        .map_or_else(|| "none".to_owned(), |bound| bound.to_string());
    let computed = assessed.times(rate.value)?;
    let computed_inputs = [
        ("tax_base", show(assessed)),
        ("rate", rate.value.to_string()),
        ("tier_njop_up_to", bound),
    ];
    // The minimum bill applies only to objects that owe something at all.
    let minimum = match &pbb.minimum_bill {
        Some(minimum)
            if !computed.is_zero()
                && computed.compare(Decimal::from_int(minimum.value))? == Ordering::Less =>
        {
            Some(minimum)
        }
        _ => None,
    };
    match minimum {
        None => {
            breakdown.component(
                "pbb_p2",
                Label {
                    id: "PBB-P2 terutang",
                    en: "PBB-P2 owed",
                    formula: "tax_base x rate",
                },
                &computed_inputs,
                computed,
                rate,
            )?;
        }
        Some(minimum) => {
            breakdown.sourced_value(
                Label {
                    id: "PBB-P2 terhitung (di bawah ketetapan minimal)",
                    en: "Computed PBB-P2 (below the minimum bill)",
                    formula: "tax_base x rate",
                },
                &computed_inputs,
                computed,
                rate,
            );
            breakdown.component(
                "pbb_p2",
                Label {
                    id: "PBB-P2 terutang (ketetapan minimal)",
                    en: "PBB-P2 owed (minimum bill)",
                    formula: "max(computed, minimum_bill)",
                },
                &[
                    ("computed", show(computed)),
                    ("minimum_bill", minimum.value.to_string()),
                ],
                Decimal::from_int(minimum.value),
                minimum,
            )?;
        }
    }
    breakdown.finish(rules)
}
