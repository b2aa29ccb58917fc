//! Loading and cross-checking the complaint data files.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::complaint::geo::Boundary;
use crate::complaint::routing::{RoutingData, RoutingRule, RuleOutcome};
use crate::complaint::sla::{SlaPolicy, SlaPolicyData};
use crate::complaint::taxonomy::{
    self, Category, CategoryData, CategoryMatch, ReportKind, TaxonomyData,
};
use crate::error::coded_enum;
use crate::json_de::JsonRead;
use crate::region::RegionCode;

coded_enum! {
    /// Why complaint data (the shipped files or a caller's replacement) was refused.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ComplaintDataError {
        /// Not valid JSON of the expected shape.
        InvalidJson { file: String, line: usize, column: usize } => "COMPLAINT_DATA_INVALID_JSON",
            id: "Berkas data {file} bukan JSON yang sah (baris {line}, kolom {column})",
            en: "Data file {file} is not valid JSON of the expected shape (line {line}, column {column})";
        /// A category code that is not dotted SCREAMING_SNAKE_CASE under its parent's code.
        InvalidCode { code: String } => "COMPLAINT_DATA_INVALID_CODE",
            id: "Kode {code} tidak sah (huruf besar, angka dan _, diawali kode induknya dan titik)",
            en: "Code {code} is invalid (capitals, digits and _, starting with its parent's code and a dot)";
        /// The same code twice.
        DuplicateCode { code: String } => "COMPLAINT_DATA_DUPLICATE_CODE",
            id: "Kode {code} muncul lebih dari sekali",
            en: "Code {code} appears more than once";
        /// A reference to an OPD, policy, category or region that does not exist.
        UnknownReference { file: String, code: String, reference: String } => "COMPLAINT_DATA_UNKNOWN_REFERENCE",
            id: "{file}: {code} merujuk {reference} yang tidak ada",
            en: "{file}: {code} refers to {reference}, which does not exist";
        /// A top-level category without a value its sub-categories would inherit.
        MissingValue { code: String, field: String } => "COMPLAINT_DATA_MISSING_VALUE",
            id: "Kategori {code} tidak memiliki {field}",
            en: "Category {code} has no {field}";
        /// The boundary is not a GeoJSON Polygon/MultiPolygon feature with valid rings.
        InvalidBoundary {} => "COMPLAINT_DATA_INVALID_BOUNDARY",
            id: "Batas wilayah harus Feature GeoJSON Polygon/MultiPolygon yang sah",
            en: "The boundary must be a valid GeoJSON Polygon/MultiPolygon feature";
    }
}

/// An agency in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct Opd {
    /// Stable code, e.g. `DPUPR`.
    pub code: String,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// `dinas`, `badan`, `bumd`, `external`, ...
    pub kind: String,
    /// `kabupaten`, `provinsi` or `nasional`.
    pub level: String,
    /// False when the name or responsibility is not confirmed: show it as provisional.
    pub confirmed: bool,
    /// The regulation that sets it up.
    pub legal_reference: String,
    /// Caveats.
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
struct OpdData {
    version: String,
    regency: String,
    opds: Vec<Opd>,
}

/// Limits for reports (`report_rules.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonRead)]
pub struct ReportRules {
    /// Data version.
    pub version: String,
    /// Longest title, in characters.
    pub title_max_chars: usize,
    /// Shortest description, in characters.
    pub description_min_chars: usize,
    /// Longest description, in characters.
    pub description_max_chars: usize,
    /// Longest landmark (patokan), in characters.
    pub landmark_max_chars: usize,
    /// Longest reporter name, in characters.
    pub name_max_chars: usize,
    /// Longest e-mail address.
    pub email_max_chars: usize,
    /// Most attachments per report.
    pub max_attachments: usize,
    /// Largest attachment in bytes.
    pub attachment_max_bytes: u64,
    /// Accepted media types.
    pub attachment_media_types: Vec<String>,
    /// Worst GPS accuracy accepted, in metres.
    pub max_location_accuracy_m: f64,
    /// How far outside the generalised boundary a point may be, in metres.
    pub boundary_tolerance_m: f64,
    /// How far in the future `created_at` may be (device clocks drift).
    pub max_clock_skew_seconds: i64,
    /// Shortest idempotency key.
    pub idempotency_key_min_chars: usize,
    /// Longest idempotency key.
    pub idempotency_key_max_chars: usize,
    /// Radius of the duplicate search, in metres.
    pub duplicate_radius_m: f64,
    /// Most duplicate suggestions.
    pub duplicate_max_results: usize,
}

/// The JSON/GeoJSON texts a catalog is built from.
#[derive(Debug, Clone, Copy)]
pub struct CatalogSources<'a> {
    /// `taxonomy.json`.
    pub taxonomy: &'a str,
    /// `opds.json`.
    pub opds: &'a str,
    /// `routing.json`.
    pub routing: &'a str,
    /// `sla_policies.json`.
    pub sla_policies: &'a str,
    /// `report_rules.json`.
    pub report_rules: &'a str,
    /// `sampang_boundary.geojson` (a GeoJSON Feature).
    pub boundary: &'a str,
}

impl CatalogSources<'static> {
    /// The files shipped in `core/data/complaints/`.
    pub fn embedded() -> CatalogSources<'static> {
        CatalogSources {
            taxonomy: include_str!("../../data/complaints/taxonomy.json"),
            opds: include_str!("../../data/complaints/opds.json"),
            routing: include_str!("../../data/complaints/routing.json"),
            sla_policies: include_str!("../../data/complaints/sla_policies.json"),
            report_rules: include_str!("../../data/complaints/report_rules.json"),
            boundary: include_str!("../../data/complaints/sampang_boundary.geojson"),
        }
    }
}

/// Everything the complaint rules need, loaded and cross-checked.
#[derive(Debug, Clone)]
pub struct Catalog {
    regency: String,
    taxonomy_version: String,
    taxonomy_as_of: String,
    taxonomy_legal_reference: String,
    categories: Vec<Category>,
    index: BTreeMap<String, usize>,
    opds: Vec<Opd>,
    opds_version: String,
    routing_version: String,
    routing: Vec<RoutingRule>,
    sla: Vec<SlaPolicy>,
    rules: ReportRules,
    boundary: Boundary,
}

/// How a data file's text becomes a typed value.
trait Reader {
    fn read<T: for<'de> Deserialize<'de> + JsonRead>(text: &str) -> Result<T, serde_json::Error>;
}

/// serde_json's text reader: a file of the wrong shape is reported at the line and column of
/// the offending value (a caller's files, [`Catalog::from_sources`]).
struct TextReader;

impl Reader for TextReader {
    fn read<T: for<'de> Deserialize<'de> + JsonRead>(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// The core's one deserializer over a parsed value (`json_de`), for the shipped files, which
/// tests prove valid: the npm package then holds no text reader code per catalog type.
struct ValueReader;

impl Reader for ValueReader {
    fn read<T: for<'de> Deserialize<'de> + JsonRead>(text: &str) -> Result<T, serde_json::Error> {
        crate::json_de::from_str(text).map_err(|err| err.error)
    }
}

fn parse<R: Reader, T: for<'de> Deserialize<'de> + JsonRead>(
    file: &str,
    text: &str,
) -> Result<T, ComplaintDataError> {
    R::read(text).map_err(|err| ComplaintDataError::InvalidJson {
        file: file.to_owned(),
        line: err.line(),
        column: err.column(),
    })
}

fn valid_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment.len() <= 32
        && segment
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

struct Inherited<'a> {
    parent: Option<&'a str>,
    opd: Option<&'a str>,
    sla_policy: Option<&'a str>,
    lapor_category: Option<&'a str>,
    required_fields: &'a [taxonomy::RequiredField],
    allowed_kinds: &'a [ReportKind],
    accepts_nik: bool,
}

fn flatten(
    data: &CategoryData,
    inherited: &Inherited<'_>,
    out: &mut Vec<Category>,
) -> Result<(), ComplaintDataError> {
    let valid_code = match inherited.parent {
        None => valid_segment(&data.code),
        Some(parent) => data
            .code
            .strip_prefix(parent)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(valid_segment),
    };
    if !valid_code {
        return Err(ComplaintDataError::InvalidCode {
            code: data.code.chars().take(64).collect(),
        });
    }
    let missing = |field: &str| ComplaintDataError::MissingValue {
        code: data.code.clone(),
        field: field.to_owned(),
    };
    let opd = data
        .opd
        .as_deref()
        .or(inherited.opd)
        .ok_or_else(|| missing("opd"))?;
    let sla_policy = data
        .sla_policy
        .as_deref()
        .or(inherited.sla_policy)
        .ok_or_else(|| missing("sla_policy"))?;
    let lapor_category = data
        .lapor_category
        .as_deref()
        .or(inherited.lapor_category)
        .ok_or_else(|| missing("lapor_category"))?;
    let required_fields = data
        .required_fields
        .as_deref()
        .unwrap_or(inherited.required_fields);
    let allowed_kinds = data
        .allowed_kinds
        .as_deref()
        .unwrap_or(inherited.allowed_kinds);
    if allowed_kinds.is_empty() {
        return Err(missing("allowed_kinds"));
    }
    let accepts_nik = data.accepts_nik.unwrap_or(inherited.accepts_nik);
    out.push(Category {
        code: data.code.clone(),
        parent: inherited.parent.map(str::to_owned),
        name_id: data.name_id.clone(),
        name_en: data.name_en.clone(),
        keywords: data.keywords.clone(),
        opd: opd.to_owned(),
        sla_policy: sla_policy.to_owned(),
        lapor_category: lapor_category.to_owned(),
        required_fields: required_fields.to_vec(),
        allowed_kinds: allowed_kinds.to_vec(),
        accepts_nik,
        children: data
            .children
            .iter()
            .map(|child| child.code.clone())
            .collect(),
    });
    let for_children = Inherited {
        parent: Some(&data.code),
        opd: Some(opd),
        sla_policy: Some(sla_policy),
        lapor_category: Some(lapor_category),
        required_fields,
        allowed_kinds,
        accepts_nik,
    };
    for child in &data.children {
        flatten(child, &for_children, out)?;
    }
    Ok(())
}

impl Catalog {
    /// Sampang's catalog shipped with this release, loaded once.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::read::<ValueReader>(CatalogSources::embedded())
                .expect("the shipped complaint data is checked by tests/complaint_data.rs")
        })
    }

    /// Builds a catalog from JSON texts, checking every cross-reference.
    pub fn from_sources(sources: CatalogSources<'_>) -> Result<Catalog, ComplaintDataError> {
        Catalog::read::<TextReader>(sources)
    }

    fn read<R: Reader>(sources: CatalogSources<'_>) -> Result<Catalog, ComplaintDataError> {
        let taxonomy: TaxonomyData = parse::<R, _>("taxonomy.json", sources.taxonomy)?;
        let opd_data: OpdData = parse::<R, _>("opds.json", sources.opds)?;
        let routing: RoutingData = parse::<R, _>("routing.json", sources.routing)?;
        let sla: SlaPolicyData = parse::<R, _>("sla_policies.json", sources.sla_policies)?;
        let rules: ReportRules = parse::<R, _>("report_rules.json", sources.report_rules)?;
        let boundary = Boundary::from_geojson(sources.boundary)
            .ok_or(ComplaintDataError::InvalidBoundary {})?;

        let unique = |codes: Vec<&str>| -> Result<BTreeSet<String>, ComplaintDataError> {
            let mut seen = BTreeSet::new();
            for code in codes {
                if !seen.insert(code.to_owned()) {
                    return Err(ComplaintDataError::DuplicateCode {
                        code: code.chars().take(64).collect(),
                    });
                }
            }
            Ok(seen)
        };
        let opd_codes = unique(opd_data.opds.iter().map(|o| o.code.as_str()).collect())?;
        let policy_codes = unique(sla.policies.iter().map(|p| p.code.as_str()).collect())?;

        let mut categories = Vec::new();
        let root = Inherited {
            parent: None,
            opd: None,
            sla_policy: None,
            lapor_category: None,
            required_fields: &[],
            allowed_kinds: &taxonomy.default_allowed_kinds,
            accepts_nik: true,
        };
        for top in &taxonomy.categories {
            flatten(top, &root, &mut categories)?;
        }
        let category_codes = unique(categories.iter().map(|c| c.code.as_str()).collect())?;
        let unknown =
            |file: &str, code: &str, reference: &str| ComplaintDataError::UnknownReference {
                file: file.to_owned(),
                code: code.chars().take(64).collect(),
                reference: reference.chars().take(64).collect(),
            };
        for category in &categories {
            if !opd_codes.contains(&category.opd) {
                return Err(unknown("taxonomy.json", &category.code, &category.opd));
            }
            if !policy_codes.contains(&category.sla_policy) {
                return Err(unknown(
                    "taxonomy.json",
                    &category.code,
                    &category.sla_policy,
                ));
            }
        }
        for rule in &routing.rules {
            if !category_codes.contains(&rule.category) {
                return Err(unknown("routing.json", &rule.category, &rule.category));
            }
            let agency = match &rule.outcome {
                RuleOutcome::Opd { opd } => opd,
                RuleOutcome::Forward { body, .. } => body,
            };
            if !opd_codes.contains(agency) {
                return Err(unknown("routing.json", &rule.category, agency));
            }
            for region in [&rule.district, &rule.village].into_iter().flatten() {
                let known = RegionCode::parse(region)
                    .ok()
                    .and_then(crate::region::get)
                    .is_some_and(|r| r.code.to_string().starts_with(&opd_data.regency));
                if !known {
                    return Err(unknown("routing.json", &rule.category, region));
                }
            }
        }
        let index = categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        Ok(Catalog {
            regency: opd_data.regency,
            taxonomy_version: taxonomy.version,
            taxonomy_as_of: taxonomy.as_of,
            taxonomy_legal_reference: taxonomy.legal_reference,
            categories,
            index,
            opds_version: opd_data.version,
            opds: opd_data.opds,
            routing_version: routing.version,
            routing: routing.rules,
            sla: sla.policies,
            rules,
            boundary,
        })
    }

    /// The regency code, e.g. `35.27`.
    pub fn regency(&self) -> &str {
        &self.regency
    }

    /// Version of the taxonomy data, e.g. `2026-11-29.1`.
    pub fn taxonomy_version(&self) -> &str {
        &self.taxonomy_version
    }

    /// The date the taxonomy was last reviewed.
    pub fn taxonomy_as_of(&self) -> &str {
        &self.taxonomy_as_of
    }

    /// The legal basis of the taxonomy.
    pub fn taxonomy_legal_reference(&self) -> &str {
        &self.taxonomy_legal_reference
    }

    /// Version of the OPD directory.
    pub fn opds_version(&self) -> &str {
        &self.opds_version
    }

    /// Version of the routing table.
    pub fn routing_version(&self) -> &str {
        &self.routing_version
    }

    /// Every category, parents before their children, in file order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The top-level categories.
    pub fn top_level(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(|c| c.parent.is_none())
    }

    /// A category by code.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.index.get(code).map(|&i| &self.categories[i])
    }

    /// Suggests categories for what a citizen typed (keyword match with a simple ranking).
    pub fn search_categories(&self, query: &str, limit: usize) -> Vec<CategoryMatch> {
        taxonomy::search(&self.categories, query, limit)
    }

    /// The OPD directory.
    pub fn opds(&self) -> &[Opd] {
        &self.opds
    }

    /// An OPD or external body by code.
    pub fn opd(&self, code: &str) -> Option<&Opd> {
        self.opds.iter().find(|opd| opd.code == code)
    }

    /// The routing rules in file order.
    pub fn routing_rules(&self) -> &[RoutingRule] {
        &self.routing
    }

    /// The SLA policies.
    pub fn sla_policies(&self) -> &[SlaPolicy] {
        &self.sla
    }

    /// An SLA policy by code.
    pub fn sla_policy(&self, code: &str) -> Option<&SlaPolicy> {
        self.sla.iter().find(|policy| policy.code == code)
    }

    /// The SLA policy of a category.
    pub fn sla_policy_for(&self, category: &str) -> Option<&SlaPolicy> {
        self.category(category)
            .and_then(|category| self.sla_policy(&category.sla_policy))
    }

    /// Report limits.
    pub fn report_rules(&self) -> &ReportRules {
        &self.rules
    }

    /// The regency boundary.
    pub fn boundary(&self) -> &Boundary {
        &self.boundary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Coded;

    /// Each shipped file and its mutations read by `JsonRead` as serde reads them (the
    /// parity test of `crate::json_parity`; `json_de::from_value` compares the readers).
    #[test]
    fn the_shipped_files_and_their_mutations_read_as_serde_reads_them() {
        let before = crate::json_de::parity::checked();
        let embedded = CatalogSources::embedded();
        type Field = for<'s, 't> fn(&'s mut CatalogSources<'t>) -> &'s mut &'t str;
        let files: [(&str, Field); 5] = [
            ("taxonomy", |s| &mut s.taxonomy),
            ("opds", |s| &mut s.opds),
            ("routing", |s| &mut s.routing),
            ("sla_policies", |s| &mut s.sla_policies),
            ("report_rules", |s| &mut s.report_rules),
        ];
        for (name, file) in files {
            let mut sources = embedded;
            let value: serde_json::Value =
                serde_json::from_str(file(&mut sources)).expect("valid JSON");
            let variants = crate::json_de::mutations(&value);
            assert!(variants.len() > 30, "{name}: {}", variants.len());
            for variant in variants {
                let text = variant.to_string();
                let mut sources = embedded;
                *file(&mut sources) = &text;
                let _ = Catalog::read::<ValueReader>(sources);
            }
        }
        assert!(crate::json_de::parity::checked() - before > 1_000);
    }

    /// The shipped files read through `json_de` give the catalog serde_json's text reader gives.
    #[test]
    fn both_readers_load_the_same_catalog() {
        let text = Catalog::from_sources(CatalogSources::embedded()).expect("valid");
        assert_eq!(format!("{text:?}"), format!("{:?}", Catalog::embedded()));
        let wrong = CatalogSources {
            routing: "{\"version\": 1}",
            ..CatalogSources::embedded()
        };
        for result in [
            Catalog::read::<ValueReader>(wrong),
            Catalog::read::<TextReader>(wrong),
        ] {
            assert_eq!(
                result.map(|_| ()).map_err(|e| e.code()),
                Err("COMPLAINT_DATA_INVALID_JSON")
            );
        }
    }
}
