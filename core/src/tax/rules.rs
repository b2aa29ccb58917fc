//! Rule sets: every rate, threshold, tier and sanction of a region for a period, as data.
//!
//! A rule set is JSON (format in `docs/tax.md`, examples in `core/data/tax/`). Each legal value
//! is a [`Sourced`] value: `{"value": "0.1%", "reference": "Perda ...", "confidence": "medium"}`.
//! [`RuleSet::from_json`] refuses values outside the HKPD limits (`core/data/tax/hkpd_limits.json`)
//! and self-contradictory sets, so a regency can supply its Perda without code changes.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::money::{Rate, Rounding};
use super::{TaxError, validate};
use crate::date::Date;
use crate::json_de::JsonRead;

/// How sure we are of a legal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in the legal text itself.
    High,
    /// From a reputable secondary source; the legal text was not seen.
    Medium,
    /// Unverified: a placeholder (usually the HKPD limit) until the Perda is read.
    Placeholder,
}

/// A legal value with its reference and confidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Legal reference, e.g. "UU 1/2022 Pasal 41(1)".
    pub reference: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Optional remark (why a placeholder, what to check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One NJOP tier of PBB-P2: the tier whose bound the object's total NJOP does not exceed sets
/// the rate for the whole object (as in Bangkalan Perda 1/2024).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct PbbP2Tier {
    /// Inclusive upper bound of total NJOP in rupiah; `null` for the last, open tier.
    pub njop_up_to: Option<i64>,
    /// Rate for other objects.
    pub rate: Sourced<Rate>,
    /// Lower rate for food-production and livestock land (UU 1/2022 Pasal 41(2)).
    pub food_livestock_rate: Sourced<Rate>,
    /// Assessment ratio p (20%-100%) applied to NJOP minus NJOPTKP.
    pub assessment_ratio: Sourced<Rate>,
}

/// PBB-P2 rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct PbbP2Rules {
    /// NJOPTKP, deducted once per taxpayer per year.
    pub njoptkp: Sourced<i64>,
    /// NJOP tiers, ascending; the last has no bound.
    pub tiers: Vec<PbbP2Tier>,
    /// Minimum bill (SISMIOP practice) for a taxable object, if the region sets one.
    #[serde(default)]
    pub minimum_bill: Option<Sourced<i64>>,
}

/// Income limits of the BPHTB exemption for low-income households (MBR) buying a first home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct MbrExemption {
    /// Highest monthly income of an unmarried buyer.
    pub income_limit_single: Sourced<i64>,
    /// Highest monthly income of a married buyer (joint).
    pub income_limit_married: Sourced<i64>,
}

/// BPHTB rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct BphtbRules {
    /// Rate (max 5%).
    pub rate: Sourced<Rate>,
    /// NPOPTKP for the taxpayer's first acquisition in the region (min Rp80 jt).
    pub npoptkp_first_acquisition: Sourced<i64>,
    /// NPOPTKP for inheritance or hibah wasiat to direct-line family or spouse (min Rp300 jt).
    pub npoptkp_inheritance: Sourced<i64>,
    /// MBR first-home exemption, if the region grants it.
    #[serde(default)]
    pub mbr_exemption: Option<MbrExemption>,
}

/// PBJT rates by sub-type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct PbjtRules {
    /// Makanan dan/atau minuman.
    pub food_beverage: Sourced<Rate>,
    /// Tenaga listrik, general.
    pub electricity: Sourced<Rate>,
    /// Tenaga listrik from another source consumed by industry, oil and gas mining (max 3%).
    pub electricity_industry: Sourced<Rate>,
    /// Self-generated tenaga listrik (max 1.5%).
    pub electricity_self_generated: Sourced<Rate>,
    /// Jasa perhotelan.
    pub hotel: Sourced<Rate>,
    /// Jasa parkir.
    pub parking: Sourced<Rate>,
    /// Jasa kesenian dan hiburan, general.
    pub entertainment: Sourced<Rate>,
    /// Discotheque, karaoke, nightclub, bar, mandi uap/spa (40%-75%).
    pub entertainment_special: Sourced<Rate>,
    /// Monthly turnover at or below which a food and beverage seller is not a PBJT object,
    /// if the Perda sets one.
    #[serde(default)]
    pub food_beverage_turnover_threshold: Option<Sourced<i64>>,
}

/// A tax with a single rate (reklame, air tanah, sarang burung walet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct SingleRate {
    /// The rate.
    pub rate: Sourced<Rate>,
}

/// MBLB rules, with the province's opsen collected in the same payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct MblbRules {
    /// MBLB rate (max 20%).
    pub rate: Sourced<Rate>,
    /// Province opsen MBLB as a share of the MBLB tax (25%).
    pub opsen_rate: Sourced<Rate>,
}

/// Provincial PKB/BBNKB values the regency's opsen depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct ProvinceVehicleRules {
    /// Province name.
    pub province: String,
    /// PKB rate of a first private vehicle.
    pub pkb_rate: Sourced<Rate>,
    /// Highest PKB rate an input may claim (progressive rates for later vehicles).
    pub pkb_max_rate: Sourced<Rate>,
    /// BBNKB rate (first delivery).
    pub bbnkb_rate: Sourced<Rate>,
    /// Share of the PKB/BBNKB base the governor waives (0% = none).
    pub base_reduction: Sourced<Rate>,
}

/// Opsen PKB and Opsen BBNKB rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct OpsenRules {
    /// First day the opsen is owed (5 January 2025).
    pub in_force_from: Sourced<Date>,
    /// Opsen PKB rate (66%).
    pub pkb_rate: Sourced<Rate>,
    /// Opsen BBNKB rate (66%).
    pub bbnkb_rate: Sourced<Rate>,
    /// The province's rates and base reduction.
    pub province: ProvinceVehicleRules,
}

/// Administrative sanctions (PP 35/2023); monthly rates count part of a month as a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct SanctionRules {
    /// Late or short payment billed by STPD.
    pub late_payment_monthly: Sourced<Rate>,
    /// Own correction of an SPTPD.
    pub own_correction_monthly: Sourced<Rate>,
    /// Unpaid decision on correction, objection or appeal.
    pub decision_unpaid_monthly: Sourced<Rate>,
    /// SKPDKB after an audit.
    pub skpdkb_audit_monthly: Sourced<Rate>,
    /// SKPDKB ex officio.
    pub skpdkb_ex_officio_monthly: Sourced<Rate>,
    /// Ex officio surcharge for PBJT.
    pub ex_officio_surcharge_pbjt: Sourced<Rate>,
    /// Ex officio surcharge for other taxes.
    pub ex_officio_surcharge_other: Sourced<Rate>,
    /// SKPDKBT surcharge.
    pub skpdkbt_surcharge: Sourced<Rate>,
    /// Fine when an objection is rejected or partly granted.
    pub objection_fine: Sourced<Rate>,
    /// Fine when an appeal is rejected or partly granted.
    pub appeal_fine: Sourced<Rate>,
    /// Instalment or deferment interest on the unpaid balance.
    pub instalment_monthly: Sourced<Rate>,
    /// Late retribusi.
    pub retribusi_monthly: Sourced<Rate>,
    /// Most months of interest.
    pub max_months: Sourced<u32>,
}

/// Due-date periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DueDateRules {
    /// SPPT PBB-P2: months after the date it was sent.
    pub sppt_months: Sourced<u32>,
    /// SKPD: months after issue.
    pub skpd_months: Sourced<u32>,
    /// Objection: months after the assessment's date.
    pub objection_months: Sourced<u32>,
    /// Self-assessed taxes: working days after the tax period ends, for payment.
    pub self_assessed_payment_working_days: Sourced<u32>,
    /// Self-assessed taxes: working days after the tax period ends, for the return (SPTPD).
    pub self_assessed_return_working_days: Sourced<u32>,
}

/// All rules of one region for one period.
///
/// Load it with [`RuleSet::from_json`]: deserializing it directly skips the HKPD limit and
/// consistency checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Stable identifier, e.g. `35.27-2025`.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Kemendagri region code (`35.27`), or `HKPD` for the national limits.
    pub region: String,
    /// First day in force.
    pub effective_from: Date,
    /// Last day in force, inclusive; `null` while in force.
    #[serde(default)]
    pub effective_until: Option<Date>,
    /// Legal basis of the whole set (the Perda and its amendments).
    pub legal_basis: Sourced<String>,
    /// The one rounding step per document.
    pub rounding: Sourced<Rounding>,
    /// PBB-P2.
    #[serde(default)]
    pub pbb_p2: Option<PbbP2Rules>,
    /// BPHTB.
    #[serde(default)]
    pub bphtb: Option<BphtbRules>,
    /// PBJT.
    #[serde(default)]
    pub pbjt: Option<PbjtRules>,
    /// Pajak Reklame.
    #[serde(default)]
    pub reklame: Option<SingleRate>,
    /// Pajak Air Tanah.
    #[serde(default)]
    pub air_tanah: Option<SingleRate>,
    /// Pajak MBLB.
    #[serde(default)]
    pub mblb: Option<MblbRules>,
    /// Pajak Sarang Burung Walet.
    #[serde(default)]
    pub walet: Option<SingleRate>,
    /// Opsen PKB and BBNKB.
    #[serde(default)]
    pub opsen: Option<OpsenRules>,
    /// Sanctions.
    pub sanctions: SanctionRules,
    /// Due dates.
    pub due_dates: DueDateRules,
}

const HKPD_LIMITS: &str = include_str!("../../data/tax/hkpd_limits.json");
const SAMPANG_2025: &str = include_str!("../../data/tax/35.27-2025.json");
const HKPD_MAXIMA: &str = include_str!("../../data/tax/hkpd_maxima.json");

impl RuleSet {
    /// Parses a rule set and checks it against the HKPD limits and for consistency.
    pub fn from_json(text: &str) -> Result<RuleSet, TaxError> {
        let raw: serde_json::Value =
            serde_json::from_str(text).map_err(|error| TaxError::InvalidRuleSet {
                field: format!("line {}", error.line()),
                reason: error.to_string(),
            })?;
        let limits = validate::Limits::parse(HKPD_LIMITS)?;
        limits.check(&raw)?;
        let rules: RuleSet =
            crate::json_de::from_value(&raw).map_err(|error| TaxError::InvalidRuleSet {
                field: error.path,
                reason: error.error.to_string(),
            })?;
        validate::check_consistency(&rules)?;
        Ok(rules)
    }

    /// True if the set is in force on the date (both ends inclusive).
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective_from <= date && self.effective_until.is_none_or(|until| date <= until)
    }

    /// Kabupaten Sampang (35.27) from 2025: verified values plus labelled placeholders.
    pub fn sampang_2025() -> RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| {
            RuleSet::from_json(SAMPANG_2025).expect("the embedded Sampang rule set is tested valid")
        })
        .clone()
    }

    /// Every HKPD rate at its maximum and every threshold at its minimum (region `HKPD`).
    pub fn hkpd_maxima() -> RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| {
            RuleSet::from_json(HKPD_MAXIMA).expect("the embedded HKPD rule set is tested valid")
        })
        .clone()
    }

    /// The region code without dots, upper case (`35.27` and `3527` are one region).
    pub fn region_key(&self) -> String {
        normalize_region(&self.region)
    }
}

/// `35.27` and `3527` name the same region.
fn normalize_region(code: &str) -> String {
    code.trim()
        .chars()
        .filter(|c| *c != '.')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// A collection of rule sets, at most one in force per region and day.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    sets: Vec<RuleSet>,
}

impl RuleBook {
    /// An empty book.
    pub fn new() -> RuleBook {
        RuleBook::default()
    }

    /// The rule sets shipped with the SDK: Kabupaten Sampang and the HKPD maxima. A copy the
    /// caller may add its own rule sets to; to only read them, [`RuleBook::shipped`] avoids
    /// the copy.
    pub fn builtin() -> RuleBook {
        RuleBook::shipped().clone()
    }

    /// The rule sets shipped with the SDK, built once per process.
    pub fn shipped() -> &'static RuleBook {
        static BOOK: OnceLock<RuleBook> = OnceLock::new();
        BOOK.get_or_init(|| RuleBook {
            sets: vec![RuleSet::sampang_2025(), RuleSet::hkpd_maxima()],
        })
    }

    /// Adds a rule set, refusing one that overlaps another of the same region.
    pub fn add(&mut self, rules: RuleSet) -> Result<(), TaxError> {
        let key = rules.region_key();
        for existing in self.sets.iter().filter(|set| set.region_key() == key) {
            let starts_before_other_ends = existing
                .effective_until
                .is_none_or(|until| rules.effective_from <= until);
            let other_starts_before_end = rules
                .effective_until
                .is_none_or(|until| existing.effective_from <= until);
            if starts_before_other_ends && other_starts_before_end {
                return Err(TaxError::RuleSetOverlap {
                    region: rules.region.clone(),
                    first: existing.id.clone(),
                    second: rules.id.clone(),
                });
            }
        }
        self.sets.push(rules);
        Ok(())
    }

    /// The rule set of the region in force on the date.
    pub fn in_force(&self, region: &str, date: Date) -> Result<&RuleSet, TaxError> {
        let key = normalize_region(region);
        self.sets
            .iter()
            .find(|set| set.region_key() == key && set.in_force_on(date))
            .ok_or_else(|| TaxError::RuleSetNotInForce {
                region: region.to_owned(),
                date: date.to_string(),
            })
    }

    /// All rule sets, in the order added.
    pub fn sets(&self) -> &[RuleSet] {
        &self.sets
    }
}
