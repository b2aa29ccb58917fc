//! Kemendagri regions: look-up, children, search and the decree the tables follow.

use kotacerdas_core::region::{self, MatchKind, Region, RegionLevel};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::errors::{invalid_input, throw};
use crate::input::{MAX_TEXT, text, ts};

#[wasm_bindgen(typescript_custom_section)]
const LEVEL_TS: &str = r#"
/** Administrative level: provinsi, kabupaten/kota, kecamatan, desa/kelurahan. */
export type RegionLevel = "province" | "regency" | "district" | "village";
"#;

/// A region of the Kemendagri table.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    /// Dotted code, e.g. `35.27.01`.
    pub code: String,
    /// Name as in the decree (for a retired code, its name when retired).
    pub name: String,
    /// Level of the code.
    #[tsify(type = "RegionLevel")]
    pub level: RegionLevel,
    /// Parent code; `null` for a province.
    pub parent: Option<String>,
    /// Set when the code is no longer in the current decree.
    pub retired: Option<RetirementInfo>,
}

/// What became of a retired code.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct RetirementInfo {
    /// The code that most probably replaced it (no official crosswalk exists).
    pub successor: String,
    /// The successor's current name.
    pub successor_name: Option<String>,
    /// How the successor was matched.
    pub successor_match: String,
    /// The oldest archived decree that has the code.
    pub earliest_archive: String,
    /// The newest archived decree that has the code.
    pub last_archive: String,
}

fn info(region: &Region) -> RegionInfo {
    RegionInfo {
        code: region.code.to_string(),
        name: region.name.to_owned(),
        level: region.level,
        parent: region.parent.map(|p| p.to_string()),
        retired: region.retired.as_ref().map(|r| RetirementInfo {
            successor: r.successor.to_string(),
            successor_name: r.successor_name.map(str::to_owned),
            successor_match: r.successor_match.to_owned(),
            earliest_archive: r.earliest_archive.to_owned(),
            last_archive: r.last_archive.to_owned(),
        }),
    }
}

/// Looks a region up by code (`35.27`, `352701`, ...). Throws `KotaCerdasError`
/// (`REGION_INVALID_CODE`, `REGION_NOT_FOUND`).
#[wasm_bindgen(js_name = lookupRegion)]
pub fn lookup_region(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
) -> Result<Ts<RegionInfo>, JsValue> {
    let code = text(&code, "code", MAX_TEXT)?;
    let found = region::lookup(&code).map_err(|e| throw(&e))?;
    ts(&info(&found))
}

/// The current regions directly below a region (regencies of a province, districts of a
/// regency, villages of a Sampang district). Throws like `lookupRegion`.
#[wasm_bindgen(js_name = regionChildren)]
pub fn region_children(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
) -> Result<Vec<Ts<RegionInfo>>, JsValue> {
    let code = text(&code, "code", MAX_TEXT)?;
    let found = region::lookup(&code).map_err(|e| throw(&e))?;
    region::children(found.code)
        .iter()
        .map(|child| ts(&info(child)))
        .collect()
}

/// One search result.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RegionHit {
    /// The region found.
    pub region: RegionInfo,
    /// How it matched, best first.
    #[serde(rename = "match")]
    #[tsify(type = "\"exact\" | \"prefix\" | \"substring\"")]
    pub matched: MatchKind,
}

/// Finds regions by name, ignoring case, spaces and punctuation; exact matches first, then
/// prefix, then substring. `limit` defaults to 20, at most 1000.
#[wasm_bindgen(js_name = searchRegions)]
pub fn search_regions(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] limit: Option<JsValue>,
) -> Result<Vec<Ts<RegionHit>>, JsValue> {
    let query = text(&query, "query", MAX_TEXT)?;
    let limit = match limit {
        None => 20,
        Some(value) if value.is_undefined() => 20,
        Some(value) => match value.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => n.min(1000.0) as usize,
            _ => return Err(invalid_input("limit must be a whole number >= 0")),
        },
    };
    region::search(&query, limit)
        .into_iter()
        .map(|hit| {
            ts(&RegionHit {
                region: info(&hit.region),
                matched: hit.matched,
            })
        })
        .collect()
}

/// The decree that the region tables follow.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct DecreeInfo {
    /// E.g. "Kepmendagri No. 300.2.2-2430 Tahun 2025".
    pub name: String,
    /// Date signed, `YYYY-MM-DD`.
    pub date: String,
    /// Its title.
    pub title: String,
    /// Where the data was copied from.
    pub source: String,
}

/// The decree the region tables follow, for a "kode wilayah per Kepmendagri ..." note.
#[wasm_bindgen(js_name = regionDecree)]
pub fn region_decree() -> Result<Ts<DecreeInfo>, JsValue> {
    let decree = region::decree();
    ts(&DecreeInfo {
        name: decree.name.to_owned(),
        date: decree.date.to_string(),
        title: decree.title.to_owned(),
        source: decree.source.to_owned(),
    })
}
