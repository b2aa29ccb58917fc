//! NOP PBB-P2 (Nomor Objek Pajak), 18 digits: `PP.RR.KKK.DDD.BBB-NNNN.J`.
//!
//! Province (2), regency (2), kecamatan (3), desa/kelurahan (3), block (3), object serial in
//! the block (4), special code `J` (0 = single taxpayer; 7 and 9 = special or jointly used,
//! **unverified**). No check digit.
//!
//! The kecamatan and kelurahan parts are **not** Kemendagri codes: they come from the tax
//! office's SISMIOP reference tables (built on BPS order). Only the regency's own tables can
//! check them, so they are data the regency supplies as a [`SismiopTable`]. The default for
//! Sampang, [`SismiopTable::sampang_bps_hint`], is derived from the BPS crosswalk and labelled
//! **unverified**: it checks kecamatan only, and its findings are warnings, not errors.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Problem, coded_enum};
use crate::region::{self, RegionCode, RegionLevel};

use super::Strictness;
use super::input::{self, InputProblem, number};

coded_enum! {
    /// Why a NOP was refused.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum NopError {
        /// Nothing but whitespace and separators.
        Empty {} => "NOP_EMPTY",
            id: "NOP kosong",
            en: "NOP is empty";
        /// A character other than a digit, space, dot or dash.
        InvalidCharacter { position: usize } => "NOP_INVALID_CHARACTER",
            id: "NOP hanya boleh berisi angka (karakter tidak sah di posisi {position})",
            en: "A NOP may only contain digits (invalid character at position {position})";
        /// A non-ASCII digit.
        NonAsciiDigit { position: usize } => "NOP_NON_ASCII_DIGIT",
            id: "Angka di posisi {position} bukan angka ASCII 0-9",
            en: "The digit at position {position} is not an ASCII digit 0-9";
        /// Not 18 digits.
        InvalidLength { found: usize } => "NOP_INVALID_LENGTH",
            id: "NOP harus 18 digit, ditemukan {found} digit",
            en: "A NOP has 18 digits, found {found}";
        /// Not a province code.
        UnknownProvince { province: u8 } => "NOP_UNKNOWN_PROVINCE",
            id: "Kode provinsi {province:02} tidak dikenal",
            en: "Province code {province:02} is unknown";
        /// Strict mode: the regency is in neither the current nor the retired list.
        UnknownRegency { regency: String } => "NOP_UNKNOWN_REGENCY",
            id: "Kode kabupaten/kota {regency} tidak dikenal",
            en: "Regency code {regency} is unknown";
        /// Kecamatan `000` or kelurahan `000`, which SISMIOP never uses.
        ZeroArea {} => "NOP_ZERO_AREA",
            id: "Kode kecamatan atau kelurahan NOP tidak boleh 000",
            en: "The NOP kecamatan or kelurahan code cannot be 000";
        /// A verified reference table for this regency does not have the kecamatan.
        UnknownKecamatan { kecamatan: String } => "NOP_UNKNOWN_KECAMATAN",
            id: "Kode kecamatan NOP {kecamatan} tidak ada dalam tabel referensi SISMIOP",
            en: "NOP kecamatan code {kecamatan} is not in the SISMIOP reference table";
        /// A verified reference table for this regency does not have the kelurahan.
        UnknownKelurahan { kelurahan: String } => "NOP_UNKNOWN_KELURAHAN",
            id: "Kode kelurahan NOP {kelurahan} tidak ada dalam tabel referensi SISMIOP",
            en: "NOP kelurahan code {kelurahan} is not in the SISMIOP reference table";
    }
}

coded_enum! {
    /// Something worth knowing about an accepted NOP.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum NopWarning {
        /// Lenient mode: the regency is not a known Kemendagri code.
        UnknownRegency { regency: String } => "NOP_UNKNOWN_REGENCY",
            id: "Kode kabupaten/kota {regency} tidak dikenal",
            en: "Regency code {regency} is unknown";
        /// No reference table was given for this regency, so kecamatan and kelurahan were not checked.
        NoReference {} => "NOP_NO_REFERENCE",
            id: "Tidak ada tabel referensi SISMIOP untuk kabupaten/kota ini; kecamatan dan kelurahan tidak diperiksa",
            en: "No SISMIOP reference table for this regency; kecamatan and kelurahan were not checked";
        /// The kecamatan is not in an unverified reference table.
        KecamatanNotInReference { kecamatan: String } => "NOP_KECAMATAN_NOT_IN_REFERENCE",
            id: "Kode kecamatan {kecamatan} tidak ada dalam tabel referensi yang belum diverifikasi",
            en: "Kecamatan code {kecamatan} is not in the unverified reference table";
        /// The reference table used is not verified against the regency's SISMIOP.
        ReferenceUnverified {} => "NOP_REFERENCE_UNVERIFIED",
            id: "Tabel referensi SISMIOP yang dipakai belum diverifikasi dengan Bapenda",
            en: "The SISMIOP reference table used is not verified with the tax office";
        /// `J` is not 0, 7 or 9.
        UnusualSpecialCode { code: u8 } => "NOP_UNUSUAL_SPECIAL_CODE",
            id: "Kode khusus NOP {code} tidak lazim (biasanya 0, 7 atau 9)",
            en: "NOP special code {code} is unusual (normally 0, 7 or 9)";
    }
}

/// A regency's SISMIOP reference: its NOP kecamatan codes and, when known, kelurahan codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SismiopTable {
    province: u8,
    regency: u8,
    /// Checked against the regency's own SISMIOP tables: findings become errors.
    verified: bool,
    source: String,
    kecamatan: BTreeMap<u16, String>,
    /// Empty when the table has no kelurahan data.
    kelurahan: BTreeMap<(u16, u16), String>,
}

coded_enum! {
    /// Why a SISMIOP reference table could not be loaded.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum SismiopTableError {
        /// The code given for the table is not a regency code.
        NotARegency {} => "SISMIOP_TABLE_NOT_A_REGENCY",
            id: "Tabel SISMIOP harus untuk satu kabupaten/kota (kode 4 digit, mis. 35.27)",
            en: "A SISMIOP table is for one regency (a 4-digit code such as 35.27)";
        /// A line is not `kecamatan,kelurahan,name` with 3-digit codes.
        InvalidLine { line: usize } => "SISMIOP_TABLE_INVALID_LINE",
            id: "Baris {line} tabel SISMIOP harus berformat kecamatan,kelurahan,nama (kode 3 digit)",
            en: "Line {line} of the SISMIOP table must be kecamatan,kelurahan,name (3-digit codes)";
    }
}

impl SismiopTable {
    /// Loads a table from CSV text with the header `kecamatan,kelurahan,name`: 3-digit codes,
    /// `kelurahan` empty on a kecamatan row. `regency` is the Kemendagri regency (`35.27`).
    pub fn from_csv(
        regency: RegionCode,
        verified: bool,
        source: &str,
        csv: &str,
    ) -> Result<SismiopTable, SismiopTableError> {
        if regency.level() != RegionLevel::Regency {
            return Err(SismiopTableError::NotARegency {});
        }
        let value = regency.value();
        let mut table = SismiopTable {
            province: (value / 100) as u8,
            regency: (value % 100) as u8,
            verified,
            source: source.to_owned(),
            kecamatan: BTreeMap::new(),
            kelurahan: BTreeMap::new(),
        };
        for (index, line) in csv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let invalid = || SismiopTableError::InvalidLine { line: index + 1 };
            let mut fields = line.splitn(3, ',');
            let (kec, kel, name) = match (fields.next(), fields.next(), fields.next()) {
                (Some(kec), Some(kel), Some(name)) => (kec.trim(), kel.trim(), name.trim()),
                _ => return Err(invalid()),
            };
            let code = |text: &str| {
                (text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| number(text.as_bytes()) as u16)
            };
            let kec = code(kec).ok_or_else(invalid)?;
            if kel.is_empty() {
                table.kecamatan.insert(kec, name.to_owned());
            } else {
                table
                    .kelurahan
                    .insert((kec, code(kel).ok_or_else(invalid)?), name.to_owned());
            }
        }
        Ok(table)
    }

    /// Sampang's kecamatan as BPS numbers them (`3527010` -> NOP `010`), from the crosswalk in
    /// `core/data/wilayah/districts_3527_bps_crosswalk.csv`. **Unverified** against BPPKAD
    /// Sampang's SISMIOP `REF_KECAMATAN`; no kelurahan data.
    pub fn sampang_bps_hint() -> SismiopTable {
        const CROSSWALK: &str = include_str!("../../data/wilayah/districts_3527_bps_crosswalk.csv");
        let mut kecamatan = BTreeMap::new();
        for line in CROSSWALK.lines().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            if let [_, bps, name, _] = fields.as_slice() {
                // BPS kecamatan codes are 7 digits: regency (4) + kecamatan (3).
                if let Some(code) = bps.get(4..7) {
                    kecamatan.insert(number(code.as_bytes()) as u16, (*name).to_owned());
                }
            }
        }
        SismiopTable {
            province: 35,
            regency: 27,
            verified: false,
            source: "BPS kecamatan codes matched by name to Kemendagri (districts_3527_bps_crosswalk.csv); unverified hint, not BPPKAD's SISMIOP table".to_owned(),
            kecamatan,
            kelurahan: BTreeMap::new(),
        }
    }

    /// Whether findings from this table are errors (verified) or warnings.
    pub fn verified(&self) -> bool {
        self.verified
    }

    /// Where the table came from.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Options for [`Nop::parse_with`].
#[derive(Debug, Clone, Default)]
pub struct NopOptions {
    /// Whether an unknown regency is an error.
    pub strictness: Strictness,
    /// Reference tables, one per regency.
    pub references: Vec<SismiopTable>,
}

impl NopOptions {
    /// Lenient, with Sampang's unverified BPS hint as the only reference.
    pub fn sampang_default() -> NopOptions {
        NopOptions {
            strictness: Strictness::Lenient,
            references: vec![SismiopTable::sampang_bps_hint()],
        }
    }
}

/// A NOP that passed its checks.
#[derive(Clone, PartialEq, Eq)]
pub struct Nop {
    digits: [u8; 18],
    kecamatan_name: Option<String>,
    kelurahan_name: Option<String>,
    warnings: Vec<NopWarning>,
}

impl Nop {
    /// Parses a NOP and checks it against the reference table for its regency, if any.
    pub fn parse_with(input: &str, options: &NopOptions) -> Result<Nop, NopError> {
        let (digits, _) = input::read_digits::<18>(input, 18).map_err(|problem| match problem {
            InputProblem::Empty => NopError::Empty {},
            InputProblem::InvalidCharacter { position } => NopError::InvalidCharacter { position },
            InputProblem::NonAsciiDigit { position } => NopError::NonAsciiDigit { position },
            InputProblem::Length { found } => NopError::InvalidLength { found },
        })?;
        let part = |range: std::ops::Range<usize>| number(&digits[range]);
        let (province, regency) = (part(0..2) as u8, part(2..4) as u8);
        let (kecamatan, kelurahan) = (part(4..7) as u16, part(7..10) as u16);
        let mut warnings = Vec::new();

        if !region::province_exists(province) {
            return Err(NopError::UnknownProvince { province });
        }
        let regency_code = format!("{province:02}.{regency:02}");
        if region::name_of(
            RegionLevel::Regency,
            u64::from(province) * 100 + u64::from(regency),
        )
        .is_none()
        {
            match options.strictness {
                Strictness::Strict => {
                    return Err(NopError::UnknownRegency {
                        regency: regency_code,
                    });
                }
                Strictness::Lenient => warnings.push(NopWarning::UnknownRegency {
                    regency: regency_code,
                }),
            }
        }
        if kecamatan == 0 || kelurahan == 0 {
            return Err(NopError::ZeroArea {});
        }

        let reference = options
            .references
            .iter()
            .find(|t| t.province == province && t.regency == regency);
        let (mut kecamatan_name, mut kelurahan_name) = (None, None);
        match reference {
            None => warnings.push(NopWarning::NoReference {}),
            Some(table) => {
                let kec_text = format!("{kecamatan:03}");
                kecamatan_name = table.kecamatan.get(&kecamatan).cloned();
                if kecamatan_name.is_none() {
                    if table.verified {
                        return Err(NopError::UnknownKecamatan {
                            kecamatan: kec_text,
                        });
                    }
                    warnings.push(NopWarning::KecamatanNotInReference {
                        kecamatan: kec_text,
                    });
                }
                if table.verified && !table.kelurahan.is_empty() {
                    kelurahan_name = table.kelurahan.get(&(kecamatan, kelurahan)).cloned();
                    if kelurahan_name.is_none() {
                        return Err(NopError::UnknownKelurahan {
                            kelurahan: format!("{kecamatan:03}.{kelurahan:03}"),
                        });
                    }
                }
                if !table.verified {
                    warnings.push(NopWarning::ReferenceUnverified {});
                }
            }
        }
        let special = digits[17] - b'0';
        if !matches!(special, 0 | 7 | 9) {
            warnings.push(NopWarning::UnusualSpecialCode { code: special });
        }
        Ok(Nop {
            digits,
            kecamatan_name,
            kelurahan_name,
            warnings,
        })
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("NOP digits are ASCII")
    }

    /// `35.27.010.001.001-0001.0`.
    pub fn formatted(&self) -> String {
        let d = self.as_str();
        format!(
            "{}.{}.{}.{}.{}-{}.{}",
            &d[..2],
            &d[2..4],
            &d[4..7],
            &d[7..10],
            &d[10..13],
            &d[13..17],
            &d[17..]
        )
    }

    /// The details as a plain record.
    pub fn details(&self) -> NopDetails {
        let d = self.as_str();
        let regency_value = number(&self.digits[..4]);
        NopDetails {
            formatted: self.formatted(),
            province: d[..2].to_owned(),
            regency: d[2..4].to_owned(),
            regency_name: region::name_of(RegionLevel::Regency, u64::from(regency_value)),
            kecamatan: d[4..7].to_owned(),
            kecamatan_name: self.kecamatan_name.clone(),
            kelurahan: d[7..10].to_owned(),
            kelurahan_name: self.kelurahan_name.clone(),
            block: d[10..13].to_owned(),
            serial: d[13..17].to_owned(),
            special_code: d[17..].to_owned(),
            warnings: self
                .warnings
                .iter()
                .map(|w| Problem::from_coded(w))
                .collect(),
        }
    }

    /// Warnings about the accepted NOP.
    pub fn warnings(&self) -> &[NopWarning] {
        &self.warnings
    }
}

impl fmt::Display for Nop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

impl fmt::Debug for Nop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nop({})", self.formatted())
    }
}

/// The parts of a NOP.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NopDetails {
    /// `PP.RR.KKK.DDD.BBB-NNNN.J`.
    pub formatted: String,
    /// Province, 2 digits.
    pub province: String,
    /// Regency, 2 digits.
    pub regency: String,
    /// Regency name (Kemendagri), if known.
    pub regency_name: Option<&'static str>,
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
    /// Warnings.
    pub warnings: Vec<Problem>,
}
