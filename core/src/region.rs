//! Kemendagri region codes (kode wilayah administrasi pemerintahan).
//!
//! The tables are compiled from `core/data/wilayah/*.csv` by `build.rs` (source and decree in
//! `core/data/wilayah/SOURCE.md`): 38 provinces, 514 regencies, 7,285 districts, the 186 desa
//! and kelurahan of Kabupaten Sampang, and 620 Papua codes retired in 2022 that old NIKs still
//! carry, each with its probable successor.
//!
//! These are **Kemendagri** codes. BPS (statistics) codes differ in 161 regencies and in the
//! kecamatan order inside Sampang; never mix the two.
//!
//! ```
//! use kotacerdas_core::region;
//!
//! let sampang = region::lookup("35.27").unwrap();
//! assert_eq!(sampang.name, "Kabupaten Sampang");
//! assert_eq!(region::lookup("352711").unwrap().name, "Sokobanah"); // not BPS' Ketapang
//! assert_eq!(region::children(sampang.code).len(), 14);
//! ```

use std::fmt;
use std::sync::OnceLock;

use crate::date::Date;
use crate::error::coded_enum;

#[allow(clippy::unreadable_literal)]
mod data {
    include!(concat!(env!("OUT_DIR"), "/regions_data.rs"));
}

coded_enum! {
    /// Why a region code was refused or not found.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RegionError {
        /// Not 2, 4, 6 or 10 digits, in dotted (`35.27.01`) or plain (`352701`) form.
        InvalidCode {} => "REGION_INVALID_CODE",
            id: "Kode wilayah harus 2, 4, 6 atau 10 digit (mis. 35, 35.27, 35.27.01, 35.27.01.2001)",
            en: "A region code has 2, 4, 6 or 10 digits (e.g. 35, 35.27, 35.27.01, 35.27.01.2001)";
        /// Well-formed, but neither in the current decree nor among the retired codes.
        NotFound { code: String } => "REGION_NOT_FOUND",
            id: "Kode wilayah {code} tidak ditemukan",
            en: "Region code {code} was not found";
    }
}

/// Administrative level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
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

impl RegionLevel {
    /// Number of digits of a code at this level.
    pub fn digits(self) -> usize {
        match self {
            RegionLevel::Province => 2,
            RegionLevel::Regency => 4,
            RegionLevel::District => 6,
            RegionLevel::Village => 10,
        }
    }

    fn from_digits(digits: usize) -> Option<RegionLevel> {
        match digits {
            2 => Some(RegionLevel::Province),
            4 => Some(RegionLevel::Regency),
            6 => Some(RegionLevel::District),
            10 => Some(RegionLevel::Village),
            _ => None,
        }
    }
}

/// A syntactically valid region code; it may or may not exist (see [`get`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionCode {
    level: RegionLevel,
    value: u64,
}

impl RegionCode {
    /// Parses `35`, `35.27`, `35.27.01`, `35.27.01.2001` or the same without dots.
    pub fn parse(text: &str) -> Result<RegionCode, RegionError> {
        let text = text.trim();
        let mut value: u64 = 0;
        let mut digits = 0;
        for byte in text.bytes() {
            match byte {
                b'0'..=b'9' if digits < 10 => {
                    value = value * 10 + u64::from(byte - b'0');
                    digits += 1;
                }
                b'.' => {}
                _ => return Err(RegionError::InvalidCode {}),
            }
        }
        let level = RegionLevel::from_digits(digits).ok_or(RegionError::InvalidCode {})?;
        Ok(RegionCode { level, value })
    }

    /// Builds a code from its numeric value, e.g. `(District, 352701)`.
    pub fn from_value(level: RegionLevel, value: u64) -> Result<RegionCode, RegionError> {
        if value < 10u64.pow(level.digits() as u32) {
            Ok(RegionCode { level, value })
        } else {
            Err(RegionError::InvalidCode {})
        }
    }

    /// The level of this code.
    pub fn level(self) -> RegionLevel {
        self.level
    }

    /// The numeric value (`35.27.01` -> 352701).
    pub fn value(self) -> u64 {
        self.value
    }

    /// The code one level up, or `None` for a province.
    pub fn parent(self) -> Option<RegionCode> {
        let (level, divisor) = match self.level {
            RegionLevel::Province => return None,
            RegionLevel::Regency => (RegionLevel::Province, 100),
            RegionLevel::District => (RegionLevel::Regency, 100),
            RegionLevel::Village => (RegionLevel::District, 10_000),
        };
        Some(RegionCode {
            level,
            value: self.value / divisor,
        })
    }

    /// The code without dots (`352701`).
    pub fn plain(self) -> String {
        format!("{:0width$}", self.value, width = self.level.digits())
    }
}

impl fmt::Display for RegionCode {
    /// Dotted form, as in the decree: `35.27.01.2001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self.plain();
        let parts = [
            &plain[..2],
            plain.get(2..4).unwrap_or(""),
            plain.get(4..6).unwrap_or(""),
            plain.get(6..).unwrap_or(""),
        ];
        let mut first = true;
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            if !first {
                f.write_str(".")?;
            }
            f.write_str(part)?;
            first = false;
        }
        Ok(())
    }
}

impl fmt::Debug for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegionCode({self})")
    }
}

impl serde::Serialize for RegionCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A region of the Kemendagri table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Region {
    /// The code.
    pub code: RegionCode,
    /// Current name as in the decree; for a retired code, its name when it was retired.
    pub name: &'static str,
    /// The level (same as `code.level()`).
    pub level: RegionLevel,
    /// The parent code (`None` for a province). For a retired code, the parent as encoded.
    pub parent: Option<RegionCode>,
    /// Set when the code is no longer in the current decree.
    pub retired: Option<Retirement>,
}

/// What became of a retired code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Retirement {
    /// The code that most probably replaced it (no official crosswalk exists).
    pub successor: RegionCode,
    /// The successor's current name.
    pub successor_name: Option<&'static str>,
    /// How the successor was matched: `exact-name` or `spelling-variant (manual)`.
    pub successor_match: &'static str,
    /// The oldest archived decree that has the code.
    pub earliest_archive: &'static str,
    /// The newest archived decree that has the code.
    pub last_archive: &'static str,
}

/// The decree that the region tables follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Decree {
    /// E.g. "Kepmendagri No. 300.2.2-2430 Tahun 2025".
    pub name: &'static str,
    /// The date the decree was signed.
    pub date: Date,
    /// Its title.
    pub title: &'static str,
    /// Where the data was copied from.
    pub source: &'static str,
}

/// The decree the tables follow, so an app can show "kode wilayah per Kepmendagri ...".
pub fn decree() -> Decree {
    Decree {
        name: data::DECREE_NAME,
        date: Date::parse_iso(data::DECREE_DATE).expect("build.rs checks the decree date"),
        title: data::DECREE_TITLE,
        source: data::DECREE_SOURCE,
    }
}

/// One level's static table: sorted codes and their names. Codes and name offsets are built
/// on first use (see `build.rs`: compact data for the npm package); afterwards a lookup is a
/// binary search and a slice.
struct Table<C: 'static> {
    codes: fn() -> Vec<C>,
    /// The names in code order, each followed by `\n`.
    names: &'static str,
    count: usize,
    index: OnceLock<Index<C>>,
}

struct Index<C> {
    codes: Vec<C>,
    /// Where each name starts in `names` (one more entry: the end).
    starts: Vec<u32>,
}

impl<C: Copy + Ord + Into<u64>> Table<C> {
    const fn new(codes: fn() -> Vec<C>, names: &'static str, count: usize) -> Table<C> {
        Table {
            codes,
            names,
            count,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index<C> {
        self.index.get_or_init(|| {
            let mut starts = Vec::with_capacity(self.count + 1);
            starts.push(0);
            for (at, byte) in self.names.bytes().enumerate() {
                if byte == b'\n' {
                    // The names are ~100 KB: offsets fit a u32.
                    starts.push(u32::try_from(at + 1).unwrap_or(u32::MAX));
                }
            }
            let codes = (self.codes)();
            debug_assert_eq!(codes.len(), self.count);
            debug_assert_eq!(starts.len(), self.count + 1);
            Index { codes, starts }
        })
    }

    fn name(&self, index: usize) -> &'static str {
        let starts = &self.index().starts;
        let (start, next) = (starts[index] as usize, starts[index + 1] as usize);
        // Without the trailing newline.
        &self.names[start..next - 1]
    }

    fn code(&self, index: usize) -> C {
        self.index().codes[index]
    }

    fn position(&self, value: u64) -> Option<usize> {
        self.index()
            .codes
            .binary_search_by(|code| (*code).into().cmp(&value))
            .ok()
    }

    fn len(&self) -> usize {
        self.count
    }
}

/// District codes from the NIK index (`REGENCY_SLOT`, `DISTRICT_MASKS`): regencies in code
/// order, districts by bit. One table instead of two.
fn district_codes() -> Vec<u32> {
    let mut codes = Vec::with_capacity(data::DISTRICTS_COUNT);
    for (key, &slot) in (0u32..).zip(data::REGENCY_SLOT.iter()) {
        if slot == 0 {
            continue;
        }
        let mask = data::DISTRICT_MASKS[usize::from(slot) - 1];
        codes.extend(
            (0u8..128)
                .filter(|&index| bit(mask, index))
                .map(|index| key * 100 + u32::from(index)),
        );
    }
    codes
}

static PROVINCES: Table<u32> = Table::new(
    || data::PROVINCES_CODES.to_vec(),
    data::PROVINCES_NAMES,
    data::PROVINCES_COUNT,
);
static REGENCIES: Table<u32> = Table::new(
    || data::REGENCIES_CODES.to_vec(),
    data::REGENCIES_NAMES,
    data::REGENCIES_COUNT,
);
static DISTRICTS: Table<u32> =
    Table::new(district_codes, data::DISTRICTS_NAMES, data::DISTRICTS_COUNT);
static VILLAGES: Table<u64> = Table::new(
    || data::VILLAGES_CODES.to_vec(),
    data::VILLAGES_NAMES,
    data::VILLAGES_COUNT,
);
static RETIRED_REGENCIES: Table<u32> = Table::new(
    || data::RETIRED_REGENCIES_CODES.to_vec(),
    data::RETIRED_REGENCIES_NAMES,
    data::RETIRED_REGENCIES_COUNT,
);
static RETIRED_DISTRICTS: Table<u32> = Table::new(
    || data::RETIRED_DISTRICTS_CODES.to_vec(),
    data::RETIRED_DISTRICTS_NAMES,
    data::RETIRED_DISTRICTS_COUNT,
);

/// Parses a code and looks it up.
pub fn lookup(text: &str) -> Result<Region, RegionError> {
    let code = RegionCode::parse(text)?;
    get(code).ok_or_else(|| RegionError::NotFound {
        code: code.to_string(),
    })
}

/// The region with this code, current or retired.
pub fn get(code: RegionCode) -> Option<Region> {
    let current = |table: &Table<_>| {
        table
            .position(code.value)
            .map(|i| region_at(code, table.name(i)))
    };
    match code.level {
        RegionLevel::Province => current(&PROVINCES),
        RegionLevel::Regency => current(&REGENCIES).or_else(|| {
            retired(
                code,
                &RETIRED_REGENCIES,
                &data::RETIRED_REGENCIES_SUCCESSORS,
                &data::RETIRED_REGENCIES_DETAILS,
            )
        }),
        RegionLevel::District => current(&DISTRICTS).or_else(|| {
            retired(
                code,
                &RETIRED_DISTRICTS,
                &data::RETIRED_DISTRICTS_SUCCESSORS,
                &data::RETIRED_DISTRICTS_DETAILS,
            )
        }),
        RegionLevel::Village => VILLAGES
            .position(code.value)
            .map(|i| region_at(code, VILLAGES.name(i))),
    }
}

fn region_at(code: RegionCode, name: &'static str) -> Region {
    Region {
        code,
        name,
        level: code.level,
        parent: code.parent(),
        retired: None,
    }
}

fn retired(
    code: RegionCode,
    table: &Table<u32>,
    successors: &[u32],
    details: &[[u8; 3]],
) -> Option<Region> {
    let index = table.position(code.value)?;
    let successor = RegionCode {
        level: code.level,
        value: u64::from(successors[index]),
    };
    let [earliest, last, matched] = details[index];
    Some(Region {
        retired: Some(Retirement {
            successor,
            successor_name: get(successor).map(|r| r.name),
            successor_match: data::SUCCESSOR_MATCHES[usize::from(matched)],
            earliest_archive: data::ARCHIVES[usize::from(earliest)],
            last_archive: data::ARCHIVES[usize::from(last)],
        }),
        ..region_at(code, table.name(index))
    })
}

/// The current regions directly below `code` (regencies of a province, districts of a
/// regency, villages of a Sampang district). Retired codes are not listed; look them up by code.
pub fn children(code: RegionCode) -> Vec<Region> {
    let (level, table_range): (RegionLevel, Box<dyn Iterator<Item = (u64, &'static str)>>) =
        match code.level {
            RegionLevel::Province => (RegionLevel::Regency, Box::new(rows(&REGENCIES))),
            RegionLevel::Regency => (RegionLevel::District, Box::new(rows(&DISTRICTS))),
            RegionLevel::District => (RegionLevel::Village, Box::new(rows(&VILLAGES))),
            RegionLevel::Village => return Vec::new(),
        };
    table_range
        .map(|(value, name)| region_at(RegionCode { level, value }, name))
        .filter(|region| region.parent == Some(code))
        .collect()
}

fn rows<C: Copy + Ord + Into<u64>>(
    table: &'static Table<C>,
) -> impl Iterator<Item = (u64, &'static str)> {
    (0..table.len()).map(move |i| (table.code(i).into(), table.name(i)))
}

/// Every current region of a level, in code order.
pub fn all(level: RegionLevel) -> Vec<Region> {
    let rows: Box<dyn Iterator<Item = (u64, &'static str)>> = match level {
        RegionLevel::Province => Box::new(rows(&PROVINCES)),
        RegionLevel::Regency => Box::new(rows(&REGENCIES)),
        RegionLevel::District => Box::new(rows(&DISTRICTS)),
        RegionLevel::Village => Box::new(rows(&VILLAGES)),
    };
    rows.map(|(value, name)| region_at(RegionCode { level, value }, name))
        .collect()
}

/// Every retired code (regencies, then districts), with successors.
pub fn all_retired() -> Vec<Region> {
    let regencies = rows(&RETIRED_REGENCIES).map(|(value, _)| RegionCode {
        level: RegionLevel::Regency,
        value,
    });
    let districts = rows(&RETIRED_DISTRICTS).map(|(value, _)| RegionCode {
        level: RegionLevel::District,
        value,
    });
    regencies.chain(districts).filter_map(get).collect()
}

/// How a search hit matched the query (best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole name (ignoring "Kabupaten"/"Kota" and the like).
    Exact,
    /// The name or one of its words starts with the query.
    Prefix,
    /// The query occurs inside the name.
    Substring,
}

/// One result of [`search`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SearchHit {
    /// The region found.
    pub region: Region,
    /// How it matched.
    pub matched: MatchKind,
}

/// Finds regions by name, ignoring case, spaces and punctuation (`"tamba an"` finds
/// `Tamba'an`, `"karang penang"` finds `Karangpenang`). Exact matches come first, then prefix,
/// then substring; within a kind, higher levels first, then code order; retired codes last.
pub fn search(query: &str, limit: usize) -> Vec<SearchHit> {
    let needle = fold(query);
    if needle.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<SearchHit> = search_index()
        .iter()
        .filter_map(|entry| {
            entry.matches(&needle).map(|matched| SearchHit {
                region: entry.region.clone(),
                matched,
            })
        })
        .collect();
    hits.sort_by_key(|hit| {
        (
            hit.matched,
            hit.region.retired.is_some(),
            hit.region.level,
            hit.region.code,
        )
    });
    hits.truncate(limit);
    hits
}

/// Administrative words in front of regency names that a user may leave out. Only whole
/// words of a regency's name: "Kotabumi" and the kecamatan "Kota Agung" keep their "Kota".
const NAME_PREFIXES: [&[&str]; 4] = [
    &["kabupaten", "administrasi"],
    &["kota", "administrasi"],
    &["kabupaten"],
    &["kota"],
];

/// A region with its name folded once, for searching.
struct SearchEntry {
    region: Region,
    /// The folded name: its words, folded and concatenated ("P. Mandangin" -> "pmandangin").
    folded: String,
    /// Where each word starts in `folded`.
    word_starts: Vec<usize>,
    /// For a regency, where the name starts after "Kabupaten"/"Kota" and the like.
    bare_start: Option<usize>,
}

impl SearchEntry {
    fn new(region: Region) -> SearchEntry {
        let words: Vec<String> = region
            .name
            .split(|c: char| !c.is_alphanumeric())
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        let mut word_starts = Vec::with_capacity(words.len());
        let mut folded = String::new();
        for word in &words {
            word_starts.push(folded.len());
            folded.push_str(word);
        }
        let bare_start = match region.level {
            RegionLevel::Regency => NAME_PREFIXES
                .iter()
                .find(|p| words.len() > p.len() && words.iter().zip(p.iter()).all(|(w, p)| w == p))
                .map(|p| word_starts[p.len()]),
            _ => None,
        };
        SearchEntry {
            region,
            folded,
            word_starts,
            bare_start,
        }
    }

    fn matches(&self, needle: &str) -> Option<MatchKind> {
        let bare = self.bare_start.map(|start| &self.folded[start..]);
        if self.folded == needle || bare == Some(needle) {
            return Some(MatchKind::Exact);
        }
        // A prefix of any word, continuing into the following words: "mandangin" and
        // "p mandangin" both prefix-match "P. Mandangin".
        if self
            .word_starts
            .iter()
            .any(|&start| self.folded[start..].starts_with(needle))
        {
            return Some(MatchKind::Prefix);
        }
        self.folded.contains(needle).then_some(MatchKind::Substring)
    }
}

/// Every current and retired region with its folded name, built on the first search.
fn search_index() -> &'static [SearchEntry] {
    static INDEX: std::sync::OnceLock<Vec<SearchEntry>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let levels = [
            RegionLevel::Province,
            RegionLevel::Regency,
            RegionLevel::District,
            RegionLevel::Village,
        ];
        levels
            .into_iter()
            .flat_map(all)
            .chain(all_retired())
            .map(SearchEntry::new)
            .collect()
    })
}

/// Lowercase ASCII letters and digits only.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a district code is in the current decree, retired, or unknown. The fast path for
/// NIK and KK parsing: one index access and one bit test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DistrictStatus {
    Current,
    Retired,
    Unknown,
}

#[inline(always)]
pub(crate) fn district_status(province: u8, regency: u8, district: u8) -> DistrictStatus {
    let key = usize::from(province) * 100 + usize::from(regency);
    let code = u32::from(province) * 10_000 + u32::from(regency) * 100 + u32::from(district);
    let slot = data::REGENCY_SLOT.get(key).copied().unwrap_or(0);
    if slot > 0 && district < 100 && bit(data::DISTRICT_MASKS[usize::from(slot) - 1], district) {
        return DistrictStatus::Current;
    }
    if RETIRED_DISTRICTS.position(u64::from(code)).is_some() {
        DistrictStatus::Retired
    } else {
        DistrictStatus::Unknown
    }
}

/// Bit `index` (< 128) of a mask stored as `[low, high]` halves: 64-bit shifts only (a 128-bit
/// shift is a library call in wasm32, and LLVM turned even a `u128` split by `index < 64` back
/// into one).
#[inline(always)]
fn bit(mask: [u64; 2], index: u8) -> bool {
    // A select, not `mask[index / 64]`: indexing copied the mask to the stack in wasm.
    let half = if index < 64 { mask[0] } else { mask[1] };
    (half >> (index % 64)) & 1 != 0
}

/// Whether a two-digit province code is in the current decree.
#[inline(always)]
pub(crate) fn province_exists(province: u8) -> bool {
    province < 100 && bit(data::PROVINCE_MASK, province)
}

/// Name of a current or retired region by level and value, for identifier details.
pub(crate) fn name_of(level: RegionLevel, value: u64) -> Option<&'static str> {
    get(RegionCode { level, value }).map(|region| region.name)
}
