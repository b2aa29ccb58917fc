//! Routing: (category, kecamatan/desa) -> the OPD that handles a report, or a body outside
//! the regency it is forwarded to ("no wrong door").

use serde::{Deserialize, Serialize};

use crate::complaint::Catalog;
use crate::error::coded_enum;
use crate::json_de::JsonRead;
use crate::region::{RegionCode, RegionLevel};

coded_enum! {
    /// Why a report could not be routed.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RoutingError {
        /// The category code is not in the taxonomy.
        UnknownCategory { category: String } => "COMPLAINT_ROUTING_UNKNOWN_CATEGORY",
            id: "Kategori {category} tidak dikenal",
            en: "Category {category} is unknown";
        /// The region is not a kecamatan or desa code of the regency.
        RegionOutside { regency: String } => "COMPLAINT_ROUTING_REGION_OUTSIDE",
            id: "Wilayah harus kode kecamatan atau desa di kabupaten {regency}",
            en: "The region must be a kecamatan or desa code of regency {regency}";
    }
}

/// A routing rule as written in `routing.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct RoutingRule {
    /// The category code the rule applies to (and its sub-categories).
    pub category: String,
    /// Only reports in this kecamatan (`35.27.01`).
    #[serde(default)]
    pub district: Option<String>,
    /// Only reports in this desa (`35.27.01.2001`).
    #[serde(default)]
    pub village: Option<String>,
    /// Where the report goes.
    pub outcome: RuleOutcome,
    /// The regulation behind the rule.
    #[serde(default)]
    pub legal_reference: Option<String>,
}

/// What a rule decides. JSON: `{"type": "opd", "opd": ...}` or `{"type": "forward", "body":
/// ..., "reason_id": ..., "reason_en": ...}`, no other field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RuleOutcome {
    /// An OPD of the regency handles it.
    Opd {
        /// OPD code.
        opd: String,
    },
    /// Not the regency's authority: forward to another body.
    Forward {
        /// Code of the body in the OPD directory (kind `external`).
        body: String,
        /// Why, in Indonesian.
        reason_id: String,
        /// Why, in English.
        reason_en: String,
    },
}

/// Read by hand: serde's internally tagged enums buffer their input in serde's private
/// `Content` and compile a reader per variant for it (npm package size). The same outcomes are
/// accepted and refused as by `#[serde(tag = "type", deny_unknown_fields)]` (test below); a
/// refused one is reported at the end of the object.
impl<'de> Deserialize<'de> for RuleOutcome {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        /// A field that, when present, is a string (`null` is refused, as by the derive).
        fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
            String::deserialize(d).map(Some)
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            #[serde(rename = "type")]
            kind: String,
            #[serde(default, deserialize_with = "present")]
            opd: Option<String>,
            #[serde(default, deserialize_with = "present")]
            body: Option<String>,
            #[serde(default, deserialize_with = "present")]
            reason_id: Option<String>,
            #[serde(default, deserialize_with = "present")]
            reason_en: Option<String>,
        }
        let Fields {
            kind,
            opd,
            body,
            reason_id,
            reason_en,
        } = Fields::deserialize(deserializer)?;
        match (kind.as_str(), opd, body, reason_id, reason_en) {
            ("opd", Some(opd), None, None, None) => Ok(RuleOutcome::Opd { opd }),
            ("forward", None, Some(body), Some(reason_id), Some(reason_en)) => {
                Ok(RuleOutcome::Forward {
                    body,
                    reason_id,
                    reason_en,
                })
            }
            ("opd", ..) => Err(D::Error::custom(
                "an `opd` outcome has exactly the field `opd`",
            )),
            ("forward", ..) => Err(D::Error::custom(
                "a `forward` outcome has exactly the fields `body`, `reason_id`, `reason_en`",
            )),
            (other, ..) => Err(D::Error::unknown_variant(other, &["opd", "forward"])),
        }
    }
}

crate::json_de::read_with_serde!(RuleOutcome);

/// The routing file.
#[derive(Debug, Clone, Deserialize, JsonRead)]
pub(crate) struct RoutingData {
    pub version: String,
    pub rules: Vec<RoutingRule>,
}

/// The result of routing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Route {
    /// Handled by a regency OPD (or BUMD).
    Opd {
        /// OPD code.
        opd: String,
        /// Its name.
        name: String,
        /// False when the name is unconfirmed (show as provisional).
        confirmed: bool,
        /// Index of the rule in `routing.json`, or `None` for the category's own OPD.
        rule: Option<usize>,
    },
    /// Forwarded outside the regency.
    Forward {
        /// Code of the body.
        body: String,
        /// Its name.
        name: String,
        /// Why, in Indonesian.
        reason_id: String,
        /// Why, in English.
        reason_en: String,
        /// Index of the rule in `routing.json`.
        rule: usize,
    },
}

impl Route {
    /// The OPD or body code.
    pub fn agency(&self) -> &str {
        match self {
            Route::Opd { opd, .. } => opd,
            Route::Forward { body, .. } => body,
        }
    }
}

fn category_matches(rule_category: &str, category: &str) -> bool {
    category == rule_category
        || category
            .strip_prefix(rule_category)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// Routes a report of `category` located in `region` (a kecamatan or desa code of the
/// regency, or `None` when unknown). The most specific matching rule wins: a desa rule over a
/// kecamatan rule over a rule without region, then the longer category code.
pub fn route(
    catalog: &Catalog,
    category: &str,
    region: Option<&str>,
) -> Result<Route, RoutingError> {
    let category_info =
        catalog
            .category(category)
            .ok_or_else(|| RoutingError::UnknownCategory {
                category: category.chars().take(64).collect(),
            })?;
    let (district, village) = match region {
        None => (None, None),
        Some(text) => {
            let outside = || RoutingError::RegionOutside {
                regency: catalog.regency().to_owned(),
            };
            let code = RegionCode::parse(text).map_err(|_| outside())?;
            let regency = match code.level() {
                RegionLevel::District => code.parent(),
                RegionLevel::Village => code.parent().and_then(RegionCode::parent),
                _ => None,
            };
            if regency.map(|r| r.to_string()).as_deref() != Some(catalog.regency())
                || crate::region::get(code).is_none()
            {
                return Err(outside());
            }
            match code.level() {
                RegionLevel::Village => {
                    (code.parent().map(|d| d.to_string()), Some(code.to_string()))
                }
                _ => (Some(code.to_string()), None),
            }
        }
    };
    let best = catalog
        .routing_rules()
        .iter()
        .enumerate()
        .filter(|(_, rule)| category_matches(&rule.category, category))
        .filter(|(_, rule)| rule.district.is_none() || rule.district == district)
        .filter(|(_, rule)| rule.village.is_none() || rule.village == village)
        .max_by_key(|(index, rule)| {
            let specificity = if rule.village.is_some() {
                2
            } else {
                u8::from(rule.district.is_some())
            };
            // Earlier rules win ties: compare the negated index.
            (specificity, rule.category.len(), usize::MAX - index)
        });
    let agency = |code: &str| {
        catalog
            .opd(code)
            .map(|opd| (opd.name.clone(), opd.confirmed))
    };
    Ok(match best {
        Some((index, rule)) => match &rule.outcome {
            RuleOutcome::Opd { opd } => {
                let (name, confirmed) = agency(opd).unwrap_or_default();
                Route::Opd {
                    opd: opd.clone(),
                    name,
                    confirmed,
                    rule: Some(index),
                }
            }
            RuleOutcome::Forward {
                body,
                reason_id,
                reason_en,
            } => Route::Forward {
                body: body.clone(),
                name: agency(body).map(|(name, _)| name).unwrap_or_default(),
                reason_id: reason_id.clone(),
                reason_en: reason_en.clone(),
                rule: index,
            },
        },
        None => {
            let (name, confirmed) = agency(&category_info.opd).unwrap_or_default();
            Route::Opd {
                opd: category_info.opd.clone(),
                name,
                confirmed,
                rule: None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `RuleOutcome` derived before it was read by hand.
    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    enum Derived {
        Opd {
            opd: String,
        },
        Forward {
            body: String,
            reason_id: String,
            reason_en: String,
        },
    }

    fn same(derived: Derived, ours: &RuleOutcome) -> bool {
        match derived {
            Derived::Opd { opd } => *ours == RuleOutcome::Opd { opd },
            Derived::Forward {
                body,
                reason_id,
                reason_en,
            } => {
                *ours
                    == RuleOutcome::Forward {
                        body,
                        reason_id,
                        reason_en,
                    }
            }
        }
    }

    /// Every object of a tag (or none) and each field absent, a string, `null` or a number:
    /// both readers (serde_json's text reader and the core's value reader) accept and refuse
    /// the same, and agree on what they accept.
    #[test]
    fn hand_written_reader_agrees_with_the_derive() {
        let fields = ["opd", "body", "reason_id", "reason_en", "extra"];
        let values = [None, Some("\"X\""), Some("null"), Some("5")];
        let mut accepted = 0;
        let tags = [
            None,
            Some("\"opd\""),
            Some("\"forward\""),
            Some("\"other\""),
            Some("null"),
        ];
        for text in crate::json_de::tagged_objects(&tags, &fields, &values) {
            let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let derived = serde_json::from_str::<Derived>(&text);
            let by_text = serde_json::from_str::<RuleOutcome>(&text);
            let by_value = crate::json_de::from_value::<RuleOutcome>(&value);
            assert_eq!(derived.is_ok(), by_text.is_ok(), "{text}");
            assert_eq!(derived.is_ok(), by_value.is_ok(), "{text}");
            if let (Ok(derived), Ok(ours)) = (derived, by_value) {
                assert!(same(derived, &ours), "{text}");
                accepted += 1;
            }
        }
        assert_eq!(accepted, 2, "one opd and one forward shape");
    }
}
