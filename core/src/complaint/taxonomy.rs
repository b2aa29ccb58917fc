//! The category tree: stable codes, names, keywords and what each category needs.
//!
//! Sub-categories inherit the OPD, SLA policy, LAPOR! category, required fields, allowed
//! kinds and NIK policy of their parent unless they set their own, so each rule is written
//! once in `data/complaints/taxonomy.json`.

use crate::json_de::JsonRead;
use serde::{Deserialize, Serialize};

/// The three report kinds of SP4N-LAPOR!.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonRead,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// A complaint about a problem.
    Pengaduan,
    /// A suggestion.
    Aspirasi,
    /// A request for information.
    PermintaanInformasi,
}

impl ReportKind {
    /// The JSON tag (`pengaduan`, `aspirasi`, `permintaan_informasi`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Pengaduan => "pengaduan",
            ReportKind::Aspirasi => "aspirasi",
            ReportKind::PermintaanInformasi => "permintaan_informasi",
        }
    }

    /// Parses the JSON tag.
    pub fn from_tag(tag: &str) -> Option<ReportKind> {
        match tag {
            "pengaduan" => Some(ReportKind::Pengaduan),
            "aspirasi" => Some(ReportKind::Aspirasi),
            "permintaan_informasi" => Some(ReportKind::PermintaanInformasi),
            _ => None,
        }
    }
}

/// Something a category needs in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum RequiredField {
    /// A place: GPS coordinates, or a desa code plus a landmark (patokan).
    Location,
    /// GPS coordinates specifically (e.g. a pothole must be found on the road).
    Coordinates,
    /// At least one photo.
    Attachment,
}

/// A category as written in the data file (before inheritance).
#[derive(Debug, Clone, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub(crate) struct CategoryData {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub opd: Option<String>,
    pub sla_policy: Option<String>,
    pub lapor_category: Option<String>,
    pub required_fields: Option<Vec<RequiredField>>,
    pub allowed_kinds: Option<Vec<ReportKind>>,
    pub accepts_nik: Option<bool>,
    #[serde(default)]
    pub children: Vec<CategoryData>,
}

/// The taxonomy file.
#[derive(Debug, Clone, Deserialize, JsonRead)]
pub(crate) struct TaxonomyData {
    pub version: String,
    pub as_of: String,
    pub legal_reference: String,
    pub default_allowed_kinds: Vec<ReportKind>,
    pub categories: Vec<CategoryData>,
}

/// A category with every inherited value resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    /// Stable code, e.g. `INFRA.JALAN`; also the Open311 `service_code`.
    pub code: String,
    /// Parent code (`None` for a top-level category, which is also the Open311 `group`).
    pub parent: Option<String>,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Search keywords (Indonesian, English, colloquial).
    pub keywords: Vec<String>,
    /// Code of the responsible OPD (before routing rules).
    pub opd: String,
    /// Code of the SLA policy.
    pub sla_policy: String,
    /// The SP4N-LAPOR! category it is bridged to.
    pub lapor_category: String,
    /// What a report in this category must contain.
    pub required_fields: Vec<RequiredField>,
    /// Report kinds accepted.
    pub allowed_kinds: Vec<ReportKind>,
    /// Whether a NIK may be given (false for extortion and corruption, to protect the
    /// reporter).
    pub accepts_nik: bool,
    /// Codes of the sub-categories.
    pub children: Vec<String>,
}

impl Category {
    /// The top-level code (the Open311 group): the part before the first dot.
    pub fn group(&self) -> &str {
        self.code.split('.').next().unwrap_or(&self.code)
    }

    /// Whether reports in this category need `field`.
    pub fn requires(&self, field: RequiredField) -> bool {
        self.required_fields.contains(&field)
    }
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryMatch {
    /// Category code.
    pub code: String,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Relevance; higher is better. Only the order is meaningful.
    pub score: u32,
}

/// Longest query considered; the rest is ignored (hostile input stays cheap).
const MAX_QUERY_CHARS: usize = 500;

/// Lower-case, fold the Latin accents used in Madurese and Indonesian spelling, and turn
/// everything else that is not a letter or digit into single spaces.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in text.chars().take(MAX_QUERY_CHARS) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            other => other,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Scores one category against a normalised query: a keyword phrase found as whole words
/// weighs 3 per word, its words found apart 1 per word, a shared word prefix of 4+ letters 1,
/// a word of the name 1.
pub(crate) fn score(category: &Category, padded_query: &str, tokens: &[&str]) -> u32 {
    let mut total = 0;
    for keyword in &category.keywords {
        let keyword = normalize(keyword);
        if keyword.is_empty() {
            continue;
        }
        let words = keyword.split(' ').count() as u32;
        if padded_query.contains(&format!(" {keyword} ")) {
            total += 3 * words;
        } else if words > 1 && keyword.split(' ').all(|word| tokens.contains(&word)) {
            total += words;
        } else if words == 1
            && keyword.len() >= 4
            && tokens.iter().any(|token| {
                token.len() >= 4 && (token.starts_with(&keyword) || keyword.starts_with(token))
            })
        {
            total += 1;
        }
    }
    for name in [&category.name_id, &category.name_en] {
        for word in normalize(name).split(' ').filter(|word| word.len() >= 4) {
            if tokens.contains(&word) {
                total += 1;
            }
        }
    }
    total
}

/// Ranks `categories` for a free-text query; best first, at most `limit`.
pub(crate) fn search(categories: &[Category], query: &str, limit: usize) -> Vec<CategoryMatch> {
    let normalized = normalize(query);
    let padded = format!(" {normalized} ");
    let tokens: Vec<&str> = normalized.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.is_empty() {
        return Vec::new();
    }
    let own: Vec<u32> = categories
        .iter()
        .map(|category| score(category, &padded, &tokens))
        .collect();
    // A sub-category that matches on its own also gets its parent's score: "air PDAM nggak
    // ngalir" is about water (parent) and an outage (child), so the child ranks first.
    let parent_score = |category: &Category| {
        category
            .parent
            .as_deref()
            .and_then(|parent| categories.iter().position(|c| c.code == parent))
            .map_or(0, |index| own[index])
    };
    let mut hits: Vec<(u32, bool, &Category)> = categories
        .iter()
        .zip(&own)
        .filter(|(_, own)| **own > 0)
        .map(|(category, own)| {
            let total = if category.parent.is_some() {
                own + parent_score(category)
            } else {
                *own
            };
            (total, category.children.is_empty(), category)
        })
        .collect();
    // Best score first; on a tie a specific sub-category before its parent, then by code.
    crate::sort::sort_by(&mut hits, |a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.code.cmp(&b.2.code))
    });
    hits.into_iter()
        .take(limit)
        .map(|(score, _, category)| CategoryMatch {
            code: category.code.clone(),
            name_id: category.name_id.clone(),
            name_en: category.name_en.clone(),
            score,
        })
        .collect()
}
