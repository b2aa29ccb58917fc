//! Kemendagri region codes: lookup, children, search and the decree the tables follow.

use kotacerdas_core::region as core_region;

use crate::errors::{RegionError, problem};

/// Administrative level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RegionLevel {
    /// Provinsi (2 digits).
    Province,
    /// Kabupaten or kota (4 digits).
    Regency,
    /// Kecamatan or distrik (6 digits).
    District,
    /// Desa or kelurahan (10 digits; only Kabupaten Sampang is loaded).
    Village,
}

/// What became of a retired code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Retirement {
    /// The code that most probably replaced it (no official crosswalk exists).
    pub successor: String,
    /// The successor's current name.
    pub successor_name: Option<String>,
    /// How the successor was matched: `exact-name` or `spelling-variant (manual)`.
    pub successor_match: String,
    /// The oldest archived decree that has the code.
    pub earliest_archive: String,
    /// The newest archived decree that has the code.
    pub last_archive: String,
}

/// A region of the Kemendagri table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Region {
    /// Dotted code, e.g. `35.27.01`.
    pub code: String,
    /// Name as in the decree (for a retired code, its name when retired).
    pub name: String,
    /// Level.
    pub level: RegionLevel,
    /// Parent code (`None` for a province).
    pub parent: Option<String>,
    /// Set when the code is no longer in the current decree.
    pub retired: Option<Retirement>,
}

impl From<core_region::Region> for Region {
    fn from(value: core_region::Region) -> Self {
        Region {
            code: value.code.to_string(),
            name: value.name.to_owned(),
            level: match value.level {
                core_region::RegionLevel::Province => RegionLevel::Province,
                core_region::RegionLevel::Regency => RegionLevel::Regency,
                core_region::RegionLevel::District => RegionLevel::District,
                core_region::RegionLevel::Village => RegionLevel::Village,
            },
            parent: value.parent.map(|p| p.to_string()),
            retired: value.retired.map(|r| Retirement {
                successor: r.successor.to_string(),
                successor_name: r.successor_name.map(str::to_owned),
                successor_match: r.successor_match.to_owned(),
                earliest_archive: r.earliest_archive.to_owned(),
                last_archive: r.last_archive.to_owned(),
            }),
        }
    }
}

/// How a search hit matched (best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MatchKind {
    /// The whole name (ignoring "Kabupaten"/"Kota").
    Exact,
    /// The name or one of its words starts with the query.
    Prefix,
    /// The query occurs inside the name.
    Substring,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SearchHit {
    /// The region found.
    pub region: Region,
    /// How it matched.
    pub matched: MatchKind,
}

/// The decree the region tables follow.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Decree {
    /// E.g. "Kepmendagri No. 300.2.2-2430 Tahun 2025".
    pub name: String,
    /// Date signed, `YYYY-MM-DD`.
    pub date: String,
    /// Title.
    pub title: String,
    /// Where the data was copied from.
    pub source: String,
}

fn region_error(error: core_region::RegionError) -> RegionError {
    match error {
        core_region::RegionError::NotFound { .. } => RegionError::NotFound(problem(&error)),
        core_region::RegionError::InvalidCode {} => RegionError::Invalid(problem(&error)),
    }
}

/// Looks a code up (`35.27`, `3527`, `35.27.01.2001`), current or retired.
#[uniffi::export]
pub fn region_lookup(code: String) -> Result<Region, RegionError> {
    core_region::lookup(&code)
        .map(Into::into)
        .map_err(region_error)
}

/// The current regions directly below a code (regencies of a province, districts of a
/// regency, villages of a Sampang district). The code itself must exist.
#[uniffi::export]
pub fn region_children(code: String) -> Result<Vec<Region>, RegionError> {
    let parent = core_region::lookup(&code).map_err(region_error)?;
    Ok(core_region::children(parent.code)
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Finds regions by name, ignoring case, spaces and punctuation; best matches first. At most
/// `limit` hits (capped at 1,000).
#[uniffi::export(default(limit = 20))]
pub fn region_search(text: String, limit: u32) -> Vec<SearchHit> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX).min(1000);
    core_region::search(&text, limit)
        .into_iter()
        .map(|hit| SearchHit {
            matched: match hit.matched {
                core_region::MatchKind::Exact => MatchKind::Exact,
                core_region::MatchKind::Prefix => MatchKind::Prefix,
                core_region::MatchKind::Substring => MatchKind::Substring,
            },
            region: hit.region.into(),
        })
        .collect()
}

/// The decree the tables follow, for "kode wilayah per Kepmendagri ..." in an app.
#[uniffi::export]
pub fn region_decree() -> Decree {
    let decree = core_region::decree();
    Decree {
        name: decree.name.to_owned(),
        date: decree.date.to_string(),
        title: decree.title.to_owned(),
        source: decree.source.to_owned(),
    }
}
