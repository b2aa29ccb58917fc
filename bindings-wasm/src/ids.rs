//! Identifiers: NIK, KK, NOP, NPWP, NIB and phone numbers, returned as typed objects.

use std::collections::BTreeMap;

use kotacerdas_core::error::{Coded, Problem};
use kotacerdas_core::id::kk::{Kk, KkOptions};
use kotacerdas_core::id::nik::{self, Nik, NikOptions, RegionRef};
use kotacerdas_core::id::nop::{Nop, NopOptions};
use kotacerdas_core::id::npwp::Npwp;
use kotacerdas_core::id::{CenturyInference, Nib, PhoneNumber, Strictness};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::errors::{language, throw};
use crate::input::{
    MAX_TEXT, Options, bool_option, date_or_today, options, string_option, text, ts,
};

/// Options of `parseNik`, `validateNik` and `validateNiks`.
#[derive(Debug, Default, Tsify)]
// Read by `input::options` (unknown keys refused); `rename_all` names the TypeScript fields.
#[serde(rename_all = "camelCase")]
pub struct NikParseOptions {
    /// "Today" for the century of the birth date, `YYYY-MM-DD`; default: today in WIB.
    #[tsify(optional)]
    pub reference_date: Option<String>,
    /// An unknown district is an error instead of a warning.
    #[tsify(optional)]
    pub strict: Option<bool>,
    /// A birth date recorded elsewhere, `YYYY-MM-DD`: settles the century for people aged 100
    /// or more; a mismatch is a warning.
    #[tsify(optional)]
    pub known_birth_date: Option<String>,
}

impl Options for NikParseOptions {
    const FIELDS: &'static [&'static str] = &["referenceDate", "strict", "knownBirthDate"];

    fn set(&mut self, key: &str, value: &JsValue) -> Result<(), String> {
        match key {
            "referenceDate" => self.reference_date = Some(string_option(value)?),
            "strict" => self.strict = Some(bool_option(value)?),
            "knownBirthDate" => self.known_birth_date = Some(string_option(value)?),
            _ => return Err("is not an option".to_owned()),
        }
        Ok(())
    }
}

impl NikParseOptions {
    pub(crate) fn to_core(&self) -> Result<NikOptions, JsValue> {
        let mut core = NikOptions::new(date_or_today(self.reference_date.as_deref())?)
            .with_strictness(strictness(self.strict));
        if let Some(known) = &self.known_birth_date {
            core = core.with_known_birth_date(date_or_today(Some(known))?);
        }
        Ok(core)
    }
}

/// Options of `parseKk`, `parseNop` and `parseNpwp`.
#[derive(Debug, Default, Tsify)]
// Read by `input::options` (unknown keys refused); `rename_all` names the TypeScript fields.
#[serde(rename_all = "camelCase")]
pub struct DatedOptions {
    /// "Today" for century inference, `YYYY-MM-DD`; default: today in WIB.
    #[tsify(optional)]
    pub reference_date: Option<String>,
    /// An unknown district (or regency, for a NOP) is an error instead of a warning.
    #[tsify(optional)]
    pub strict: Option<bool>,
}

impl Options for DatedOptions {
    const FIELDS: &'static [&'static str] = &["referenceDate", "strict"];

    fn set(&mut self, key: &str, value: &JsValue) -> Result<(), String> {
        match key {
            "referenceDate" => self.reference_date = Some(string_option(value)?),
            "strict" => self.strict = Some(bool_option(value)?),
            _ => return Err("is not an option".to_owned()),
        }
        Ok(())
    }
}

fn strictness(strict: Option<bool>) -> Strictness {
    if strict == Some(true) {
        Strictness::Strict
    } else {
        Strictness::Lenient
    }
}

/// A warning about an accepted value, or an error's details.
#[derive(Debug, Serialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Notice {
    /// Stable machine code, e.g. `NIK_RETIRED_DISTRICT`.
    pub code: String,
    /// Message in the current language (`setLanguage`).
    pub message: String,
    /// Structured fields; never personal data.
    pub fields: BTreeMap<String, String>,
}

pub(crate) fn notice(value: &dyn Coded) -> Notice {
    let problem = Problem::from_coded(value);
    Notice {
        message: problem.message(language()).to_owned(),
        code: problem.code,
        fields: problem.fields,
    }
}

/// A region part of an identifier.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RegionPart {
    /// Dotted code as encoded, e.g. `35.27.01`.
    pub code: String,
    /// Current name (or the name when retired); `null` when unknown.
    pub name: Option<String>,
    /// The code is no longer in the current decree.
    pub retired: bool,
}

fn region_part(region: RegionRef) -> RegionPart {
    RegionPart {
        code: region.code.to_string(),
        name: region.name.map(str::to_owned),
        retired: region.retired,
    }
}

/// A parsed NIK (or NIT). The number itself is only in masked form.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct NikInfo {
    /// `nik`, or `nit` for a citizen registered abroad (prefix 99).
    #[tsify(type = "\"nik\" | \"nit\"")]
    pub kind: nik::NikKind,
    /// Province; `null` for a NIT.
    pub province: Option<RegionPart>,
    /// Regency; `null` for a NIT.
    pub regency: Option<RegionPart>,
    /// District of first registration; `null` for a NIT.
    pub district: Option<RegionPart>,
    /// NIT only: 3-digit country code.
    pub nit_country_code: Option<String>,
    /// NIT only: 1-digit mission code.
    pub nit_mission_code: Option<String>,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// How the century of the birth date was chosen.
    #[tsify(type = "CenturyInference")]
    pub century_inference: CenturyInference,
    /// Sex as encoded (day + 40 for women).
    #[tsify(type = "\"male\" | \"female\"")]
    pub sex: nik::Sex,
    /// 4-digit serial.
    pub serial: String,
    /// `352701**********`: region kept, birth date and serial hidden.
    pub masked: String,
    /// Warnings about an accepted NIK.
    pub warnings: Vec<Notice>,
}

#[wasm_bindgen(typescript_custom_section)]
const CENTURY_TS: &str = r#"
/** How a century was chosen: `current` (20YY), `previous` (19YY) or `from_known_date`. */
export type CenturyInference = "current" | "previous" | "from_known_date";
"#;

/// Parses a NIK. Throws `KotaCerdasError` with a `NIK_*` code when it is not valid.
#[wasm_bindgen(js_name = parseNik)]
pub fn parse_nik(
    #[wasm_bindgen(unchecked_param_type = "string")] nik: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NikParseOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<Ts<NikInfo>, JsValue> {
    let input = text(&nik, "nik", MAX_TEXT)?;
    let core_options = options::<NikParseOptions>(&options_value.unwrap_or_default())?.to_core()?;
    let parsed = Nik::parse_with(&input, &core_options).map_err(|e| throw(&e))?;
    let nit = parsed.nit_codes();
    ts(&NikInfo {
        kind: parsed.kind(),
        province: parsed.province().map(region_part),
        regency: parsed.regency().map(region_part),
        district: parsed.district().map(region_part),
        nit_country_code: nit.map(|(country, _)| format!("{country:03}")),
        nit_mission_code: nit.map(|(_, mission)| mission.to_string()),
        birth_date: parsed.birth_date().to_string(),
        century_inference: parsed.century_inference(),
        sex: parsed.sex(),
        serial: format!("{:04}", parsed.serial()),
        masked: parsed.masked(),
        warnings: parsed.warnings().map(|w| notice(&w)).collect(),
    })
}

/// Checks one NIK: `null` when valid, else its error code. Never throws for an invalid NIK
/// (only for arguments of the wrong type). The fast path for form validation.
#[wasm_bindgen(js_name = validateNik, unchecked_return_type = "NikErrorCode | null")]
pub fn validate_nik(
    #[wasm_bindgen(unchecked_param_type = "string")] nik: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NikParseOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = text(&nik, "nik", MAX_TEXT)?;
    let core_options = options::<NikParseOptions>(&options_value.unwrap_or_default())?.to_core()?;
    Ok(match Nik::parse_with(&input, &core_options) {
        Ok(_) => JsValue::NULL,
        Err(error) => JsValue::from_str(error.code()),
    })
}

/// The fast path of `validateNik` that the entry points take for a plain string (at most
/// `MAX_TEXT` UTF-16 units, checked in JS) without options: one boundary crossing, with the
/// reference date computed in JS as days since 1970 in WIB. Returns 0 when valid, else 1 + the
/// index of the code in `NikError::CODES`, or `u32::MAX` for a date out of range (the entry
/// point then takes the checked path).
#[wasm_bindgen(js_name = __validateNikFast, skip_typescript)]
pub fn validate_nik_fast(nik: &str, today_wib_days: i32) -> u32 {
    let Ok(today) = kotacerdas_core::Date::from_days_since_epoch(today_wib_days) else {
        return u32::MAX;
    };
    match Nik::parse_with(nik, &NikOptions::new(today)) {
        Ok(_) => 0,
        // At most 13 codes: the cast cannot truncate.
        Err(error) => 1 + error.ordinal() as u32,
    }
}

/// The codes `__validateNikFast` indexes.
#[wasm_bindgen(js_name = __nikErrorCodes, skip_typescript)]
pub fn nik_error_codes() -> JsValue {
    crate::batch::strings(nik::NikError::CODES)
}

/// A parsed KK (Kartu Keluarga) number, masked.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct KkInfo {
    /// Issuing district.
    pub district: RegionPart,
    /// Recording date, `YYYY-MM-DD`.
    pub recorded_on: String,
    /// How the century of the recording date was chosen.
    #[tsify(type = "CenturyInference")]
    pub century_inference: CenturyInference,
    /// 4-digit family serial.
    pub serial: String,
    /// Masked number.
    pub masked: String,
    /// Warnings.
    pub warnings: Vec<Notice>,
}

/// Parses a KK number. Throws `KotaCerdasError` with a `KK_*` code when it is not valid.
#[wasm_bindgen(js_name = parseKk)]
pub fn parse_kk(
    #[wasm_bindgen(unchecked_param_type = "string")] kk: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DatedOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<Ts<KkInfo>, JsValue> {
    let input = text(&kk, "kk", MAX_TEXT)?;
    let opts = options::<DatedOptions>(&options_value.unwrap_or_default())?;
    let core_options = KkOptions::new(date_or_today(opts.reference_date.as_deref())?)
        .with_strictness(strictness(opts.strict));
    let parsed = Kk::parse_with(&input, &core_options).map_err(|e| throw(&e))?;
    ts(&KkInfo {
        district: region_part(parsed.district()),
        recorded_on: parsed.recorded_on().to_string(),
        century_inference: parsed.century_inference(),
        serial: format!("{:04}", parsed.serial()),
        masked: parsed.masked(),
        warnings: parsed.warnings().map(|w| notice(&w)).collect(),
    })
}

/// A parsed NOP PBB-P2 (land and building tax object number).
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct NopInfo {
    /// `PP.RR.KKK.DDD.BBB-NNNN.J`.
    pub formatted: String,
    /// Province, 2 digits.
    pub province: String,
    /// Regency, 2 digits.
    pub regency: String,
    /// Regency name (Kemendagri), if known.
    pub regency_name: Option<String>,
    /// SISMIOP kecamatan, 3 digits.
    pub kecamatan: String,
    /// Its name from the reference table, if any.
    pub kecamatan_name: Option<String>,
    /// SISMIOP kelurahan, 3 digits.
    pub kelurahan: String,
    /// Its name from a reference table with kelurahan data.
    pub kelurahan_name: Option<String>,
    /// Block, 3 digits.
    pub block: String,
    /// Object serial in the block, 4 digits.
    pub serial: String,
    /// Special code `J`.
    pub special_code: String,
    /// Warnings (e.g. the Sampang table is an unverified hint).
    pub warnings: Vec<Notice>,
}

/// Parses a NOP against Sampang's reference hint. Throws `KotaCerdasError` (`NOP_*`).
/// A regency's own SISMIOP table can be passed through `call("nop.parse", ...)`.
#[wasm_bindgen(js_name = parseNop)]
pub fn parse_nop(
    #[wasm_bindgen(unchecked_param_type = "string")] nop: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DatedOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<Ts<NopInfo>, JsValue> {
    let input = text(&nop, "nop", MAX_TEXT)?;
    let opts = options::<DatedOptions>(&options_value.unwrap_or_default())?;
    let mut core_options = NopOptions::sampang_default();
    core_options.strictness = strictness(opts.strict);
    let parsed = Nop::parse_with(&input, &core_options).map_err(|e| throw(&e))?;
    let details = parsed.details();
    ts(&NopInfo {
        formatted: details.formatted,
        province: details.province,
        regency: details.regency,
        regency_name: details.regency_name.map(str::to_owned),
        kecamatan: details.kecamatan,
        kecamatan_name: details.kecamatan_name,
        kelurahan: details.kelurahan,
        kelurahan_name: details.kelurahan_name,
        block: details.block,
        serial: details.serial,
        special_code: details.special_code,
        warnings: parsed.warnings().iter().map(|w| notice(w)).collect(),
    })
}

/// A parsed NPWP (taxpayer number), masked.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct NpwpInfo {
    /// The form it was written in.
    #[tsify(type = "\"legacy15\" | \"nik16\" | \"entity16\" | \"nitku22\"")]
    pub form: kotacerdas_core::id::npwp::NpwpForm,
    /// A person's NIK used as NPWP.
    pub personal: bool,
    /// The 16-digit NPWP, masked.
    pub npwp16: String,
    /// Legacy `99.999.999.9-999.999` form, when there is one.
    pub legacy: Option<String>,
    /// Tax office code (legacy forms).
    pub tax_office: Option<String>,
    /// Branch code (legacy forms).
    pub branch: Option<String>,
    /// NITKU place of business, 6 digits.
    pub place_of_business: Option<String>,
    /// NITKU (22 digits) of a non-personal NPWP.
    pub nitku: Option<String>,
}

/// Parses an NPWP in any of its forms. Throws `KotaCerdasError` (`NPWP_*`).
#[wasm_bindgen(js_name = parseNpwp)]
pub fn parse_npwp(
    #[wasm_bindgen(unchecked_param_type = "string")] npwp: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DatedOptions", js_name = options)]
    options_value: Option<JsValue>,
) -> Result<Ts<NpwpInfo>, JsValue> {
    let input = text(&npwp, "npwp", MAX_TEXT)?;
    let opts = options::<DatedOptions>(&options_value.unwrap_or_default())?;
    let nik_options = NikOptions::new(date_or_today(opts.reference_date.as_deref())?)
        .with_strictness(strictness(opts.strict));
    let parsed = Npwp::parse_with(&input, &nik_options).map_err(|e| throw(&e))?;
    let personal = parsed.nik().is_some();
    ts(&NpwpInfo {
        form: parsed.form(),
        personal,
        npwp16: parsed.masked(),
        legacy: parsed.legacy_formatted(),
        tax_office: parsed.tax_office().map(str::to_owned),
        branch: parsed.branch().map(str::to_owned),
        place_of_business: parsed.place_of_business().map(|p| format!("{p:06}")),
        nitku: (!personal).then(|| parsed.nitku()),
    })
}

/// A parsed NIB (business identification number).
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct NibInfo {
    /// The 13 digits.
    pub nib: String,
}

/// Parses an NIB. Throws `KotaCerdasError` (`NIB_*`).
#[wasm_bindgen(js_name = parseNib)]
pub fn parse_nib(
    #[wasm_bindgen(unchecked_param_type = "string")] nib: JsValue,
) -> Result<Ts<NibInfo>, JsValue> {
    let input = text(&nib, "nib", MAX_TEXT)?;
    let parsed = Nib::parse(&input).map_err(|e| throw(&e))?;
    ts(&NibInfo {
        nib: parsed.as_str().to_owned(),
    })
}

/// An Indonesian mobile number in its normal forms.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct PhoneInfo {
    /// `+62812...`.
    pub e164: String,
    /// `0812...`.
    pub national: String,
    /// Masked for display.
    pub masked: String,
}

/// Normalizes an Indonesian mobile number (`0812...`, `+62 812...`, `62812...`). Throws
/// `KotaCerdasError` (`PHONE_*`).
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<Ts<PhoneInfo>, JsValue> {
    let input = text(&phone, "phone", MAX_TEXT)?;
    let parsed = PhoneNumber::parse(&input).map_err(|e| throw(&e))?;
    ts(&PhoneInfo {
        e164: parsed.e164(),
        national: parsed.national(),
        masked: parsed.masked(),
    })
}
