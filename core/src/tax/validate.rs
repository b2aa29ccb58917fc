//! Checks a rule set against the HKPD limits (data: `core/data/tax/hkpd_limits.json`) and for
//! internal consistency.
//!
//! The limits are checked on the raw JSON, by path, so that one table of limits with their legal
//! references covers every rule set; a test makes sure every path names a real value.

use std::cmp::Ordering;

use serde::Deserialize;
use serde_json::Value;

use super::TaxError;
use super::money::{Decimal, Rate};
use super::rules::RuleSet;
use crate::json_de::JsonRead;

/// A bound is a rate (`"0.5%"`) or a whole number (rupiah, months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Rate(Rate),
    Number(Decimal),
}

impl Bound {
    fn from_json(value: &Value) -> Option<Bound> {
        match value {
            Value::String(text) => Rate::parse_percent(text).map(Bound::Rate),
            Value::Number(number) => number.as_i64().map(|n| Bound::Number(Decimal::from_int(n))),
            _ => None,
        }
    }

    fn compare(self, other: Bound) -> Option<Ordering> {
        match (self, other) {
            (Bound::Rate(a), Bound::Rate(b)) => a.compare(b).ok(),
            (Bound::Number(a), Bound::Number(b)) => a.compare(b).ok(),
            _ => None,
        }
    }

    fn show(self) -> String {
        match self {
            Bound::Rate(rate) => rate.to_string(),
            Bound::Number(number) => number.to_string(),
        }
    }
}

#[derive(Debug, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct LimitEntry {
    /// Dotted path to a [`super::Sourced`] value; `name[]` walks every element of an array.
    path: String,
    #[serde(default)]
    min: Option<Value>,
    #[serde(default)]
    max: Option<Value>,
    reference: String,
}

// No deny_unknown_fields: the file carries a `_comment`.
#[derive(Debug, Deserialize, JsonRead)]
struct LimitFile {
    limits: Vec<LimitEntry>,
}

/// The HKPD limits.
#[derive(Debug)]
pub(crate) struct Limits {
    entries: Vec<LimitEntry>,
}

/// Every value a dotted path reaches (absent optional sections reach none).
fn values_at<'a>(root: &'a Value, path: &str) -> Vec<(String, &'a Value)> {
    let mut found = vec![(String::new(), root)];
    for segment in path.split('.') {
        let (name, each) = match segment.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (segment, false),
        };
        let mut next = Vec::new();
        for (at, value) in found {
            let Some(child) = value.get(name) else {
                continue;
            };
            let at = if at.is_empty() {
                name.to_owned()
            } else {
                format!("{at}.{name}")
            };
            match (each, child) {
                (true, Value::Array(items)) => next.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(index, item)| (format!("{at}[{index}]"), item)),
                ),
                (false, child) if !child.is_null() => next.push((at, child)),
                _ => {}
            }
        }
        found = next;
    }
    found
}

impl Limits {
    pub(crate) fn parse(text: &str) -> Result<Limits, TaxError> {
        let file: LimitFile =
            crate::json_de::from_str(text).map_err(|error| TaxError::InvalidRuleSet {
                field: "hkpd_limits".to_owned(),
                reason: error.error.to_string(),
            })?;
        Ok(Limits {
            entries: file.limits,
        })
    }

    /// Paths of all limits (for the test that every path matches a value).
    #[cfg(test)]
    pub(crate) fn paths(&self) -> Vec<&str> {
        self.entries
            .iter()
            .map(|entry| entry.path.as_str())
            .collect()
    }

    /// Refuses the first value outside its limit.
    pub(crate) fn check(&self, rule_set: &Value) -> Result<(), TaxError> {
        for entry in &self.entries {
            let bound = |value: &Option<Value>| -> Result<Option<Bound>, TaxError> {
                value
                    .as_ref()
                    .map(|value| {
                        Bound::from_json(value).ok_or_else(|| TaxError::InvalidRuleSet {
                            field: format!("hkpd_limits {}", entry.path),
                            reason: "a bound is a percent string or an integer".to_owned(),
                        })
                    })
                    .transpose()
            };
            let (min, max) = (bound(&entry.min)?, bound(&entry.max)?);
            for (at, sourced) in values_at(rule_set, &entry.path) {
                let field = format!("{at}.value");
                let Some(value) = sourced.get("value").and_then(Bound::from_json) else {
                    return Err(TaxError::InvalidRuleSet {
                        field,
                        reason: "expected a percent string such as \"0.1%\" or an integer"
                            .to_owned(),
                    });
                };
                if let Some(max) = max
                    && value.compare(max) == Some(Ordering::Greater)
                {
                    return Err(match value {
                        Bound::Rate(_) => TaxError::RateAboveMaximum {
                            field: at,
                            rate: value.show(),
                            maximum: max.show(),
                            reference: entry.reference.clone(),
                        },
                        Bound::Number(_) => TaxError::ValueAboveMaximum {
                            field: at,
                            value: value.show(),
                            maximum: max.show(),
                            reference: entry.reference.clone(),
                        },
                    });
                }
                if let Some(min) = min
                    && value.compare(min) == Some(Ordering::Less)
                {
                    return Err(match value {
                        Bound::Rate(_) => TaxError::RateBelowMinimum {
                            field: at,
                            rate: value.show(),
                            minimum: min.show(),
                            reference: entry.reference.clone(),
                        },
                        Bound::Number(_) => TaxError::ValueBelowMinimum {
                            field: at,
                            value: value.show(),
                            minimum: min.show(),
                            reference: entry.reference.clone(),
                        },
                    });
                }
                if value.compare(min.or(max).unwrap_or(value)).is_none() {
                    return Err(TaxError::InvalidRuleSet {
                        field,
                        reason: "a rate where a number is expected, or the reverse".to_owned(),
                    });
                }
            }
        }
        Ok(())
    }
}

fn invalid(field: &str, reason: &str) -> TaxError {
    TaxError::InvalidRuleSet {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
}

/// Rules that relate several values of one set.
pub(crate) fn check_consistency(rules: &RuleSet) -> Result<(), TaxError> {
    if rules
        .effective_until
        .is_some_and(|until| until < rules.effective_from)
    {
        return Err(invalid("effective_until", "ends before effective_from"));
    }
    if rules.rounding.value.unit <= 0 {
        return Err(invalid("rounding.value.unit", "must be at least Rp1"));
    }
    if let Some(pbb) = &rules.pbb_p2 {
        if pbb.tiers.is_empty() {
            return Err(invalid("pbb_p2.tiers", "needs at least one tier"));
        }
        let mut previous_bound: Option<i64> = None;
        for (index, tier) in pbb.tiers.iter().enumerate() {
            let field = format!("pbb_p2.tiers[{index}]");
            let is_last = index + 1 == pbb.tiers.len();
            match (tier.njop_up_to, is_last) {
                (None, false) => {
                    return Err(invalid(
                        &field,
                        "only the last tier may have no upper bound",
                    ));
                }
                (Some(_), true) => {
                    return Err(invalid(
                        &field,
                        "the last tier must have no upper bound (null)",
                    ));
                }
                (Some(bound), false) => {
                    if bound < 0 || previous_bound.is_some_and(|previous| bound <= previous) {
                        return Err(invalid(
                            &field,
                            "tier bounds must be ascending and positive",
                        ));
                    }
                    previous_bound = Some(bound);
                }
                (None, true) => {}
            }
            // UU 1/2022 Pasal 41(2): food-production and livestock land gets a lower rate.
            if tier.food_livestock_rate.value.compare(tier.rate.value)? != Ordering::Less {
                return Err(invalid(
                    &format!("{field}.food_livestock_rate"),
                    "must be lower than the tier's rate (UU 1/2022 Pasal 41(2))",
                ));
            }
        }
        if pbb.minimum_bill.as_ref().is_some_and(|bill| bill.value < 0) {
            return Err(invalid("pbb_p2.minimum_bill", "must not be negative"));
        }
    }
    if let Some(mbr) = rules.bphtb.as_ref().and_then(|b| b.mbr_exemption.as_ref())
        && (mbr.income_limit_single.value < 0 || mbr.income_limit_married.value < 0)
    {
        return Err(invalid(
            "bphtb.mbr_exemption",
            "income limits must not be negative",
        ));
    }
    if let Some(opsen) = &rules.opsen
        && opsen
            .province
            .base_reduction
            .value
            .compare(Rate::HUNDRED_PERCENT)?
            == Ordering::Greater
    {
        return Err(invalid(
            "opsen.province.base_reduction",
            "cannot exceed 100%",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The limits file and its mutations read by `JsonRead` as serde reads them (the parity
    /// test of `crate::json_parity`; `json_de::from_value` compares the readers).
    #[test]
    fn the_limits_and_their_mutations_read_as_serde_reads_them() {
        let before = crate::json_de::parity::checked();
        let limits: serde_json::Value =
            serde_json::from_str(include_str!("../../data/tax/hkpd_limits.json"))
                .expect("valid JSON");
        let variants = crate::json_de::mutations(&limits);
        assert!(variants.len() > 100, "{}", variants.len());
        for variant in &variants {
            let _ = Limits::parse(&variant.to_string());
        }
        assert_eq!(crate::json_de::parity::checked() - before, variants.len());
    }

    /// A mistyped path would silently check nothing: every limit must reach a value.
    #[test]
    fn every_limit_path_reaches_a_value_of_the_hkpd_rule_set() {
        let limits =
            Limits::parse(include_str!("../../data/tax/hkpd_limits.json")).expect("limits parse");
        let hkpd: Value = serde_json::from_str(include_str!("../../data/tax/hkpd_maxima.json"))
            .expect("rule set parses");
        for path in limits.paths() {
            if path == "pbb_p2.minimum_bill" || path == "pbjt.food_beverage_turnover_threshold" {
                // Optional, and absent at the HKPD limits.
                continue;
            }
            assert!(!values_at(&hkpd, path).is_empty(), "{path} reaches nothing");
        }
        let sampang: Value = serde_json::from_str(include_str!("../../data/tax/35.27-2025.json"))
            .expect("rule set parses");
        assert_eq!(values_at(&sampang, "pbb_p2.tiers[].rate").len(), 1);
    }
}
