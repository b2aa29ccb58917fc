//! Report drafts and their validation: every problem is reported at once, each with the
//! field it concerns, a stable code and messages in Indonesian and English.
//!
//! Free text is cleaned before it is measured: `\r\n` becomes `\n`, tabs become spaces, other
//! control characters, bidirectional overrides and zero-width characters (used to disguise or
//! hide text) are removed, and the result is trimmed. Oversized input is refused before any work proportional to its size.

use serde::{Deserialize, Serialize};

use crate::calendar::Instant;
use crate::complaint::geo::GeoPoint;
use crate::complaint::routing::{self, Route};
use crate::complaint::taxonomy::{ReportKind, RequiredField};
use crate::complaint::{Catalog, ReportRules};
use crate::error::{Coded, Problem, coded_enum};
use crate::id::nik::{Nik, NikOptions};
use crate::id::phone::PhoneNumber;
use crate::json_de::JsonRead;
use crate::region::{RegionCode, RegionLevel};

coded_enum! {
    /// A problem with one field of a report draft.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ReportError {
        /// The draft is not a JSON object of the expected shape.
        Malformed { line: usize, column: usize } => "COMPLAINT_DRAFT_MALFORMED",
            id: "Draf laporan bukan JSON yang sah (baris {line}, kolom {column})",
            en: "The report draft is not valid JSON of the expected shape (line {line}, column {column})";
        /// A required field is missing.
        Required {} => "COMPLAINT_FIELD_REQUIRED",
            id: "Wajib diisi",
            en: "Required";
        /// Not one of pengaduan, aspirasi, permintaan_informasi.
        KindUnknown {} => "COMPLAINT_KIND_UNKNOWN",
            id: "Jenis laporan harus pengaduan, aspirasi atau permintaan_informasi",
            en: "The report kind must be pengaduan, aspirasi or permintaan_informasi";
        /// The category does not accept this kind.
        KindNotAllowed { category: String } => "COMPLAINT_KIND_NOT_ALLOWED",
            id: "Kategori {category} tidak menerima jenis laporan ini",
            en: "Category {category} does not accept this kind of report";
        /// Not a category code of the taxonomy.
        CategoryUnknown {} => "COMPLAINT_CATEGORY_UNKNOWN",
            id: "Kategori tidak dikenal",
            en: "Unknown category";
        /// Empty or only whitespace/control characters.
        TextEmpty {} => "COMPLAINT_TEXT_EMPTY",
            id: "Tidak boleh kosong",
            en: "Must not be empty";
        /// Shorter than the minimum.
        TextTooShort { min: usize, found: usize } => "COMPLAINT_TEXT_TOO_SHORT",
            id: "Minimal {min} karakter, terisi {found}",
            en: "At least {min} characters, found {found}";
        /// Longer than the maximum.
        TextTooLong { max: usize } => "COMPLAINT_TEXT_TOO_LONG",
            id: "Maksimal {max} karakter",
            en: "At most {max} characters";
        /// The category needs a place: coordinates, or a desa code with a landmark.
        LocationRequired {} => "COMPLAINT_LOCATION_REQUIRED",
            id: "Kategori ini memerlukan lokasi: titik GPS, atau kode desa beserta patokan",
            en: "This category needs a location: a GPS point, or a desa code with a landmark";
        /// The category needs GPS coordinates.
        CoordinatesRequired {} => "COMPLAINT_COORDINATES_REQUIRED",
            id: "Kategori ini memerlukan titik GPS",
            en: "This category needs a GPS point";
        /// Latitude/longitude not finite or out of range.
        CoordinatesInvalid {} => "COMPLAINT_COORDINATES_INVALID",
            id: "Koordinat tidak sah (lintang -90..90, bujur -180..180)",
            en: "Invalid coordinates (latitude -90..90, longitude -180..180)";
        /// Accuracy missing, not positive, or worse than allowed.
        LocationInaccurate { max_m: u32 } => "COMPLAINT_LOCATION_INACCURATE",
            id: "Akurasi lokasi harus diisi dan tidak lebih dari {max_m} m; tunggu sinyal GPS atau pilih desa dan patokan",
            en: "Location accuracy must be given and at most {max_m} m; wait for GPS or choose a desa and landmark";
        /// Outside the regency (beyond the tolerance band).
        LocationOutsideRegion { regency: String, distance_m: u32 } => "COMPLAINT_LOCATION_OUTSIDE_REGION",
            id: "Lokasi berada di luar wilayah kabupaten {regency} (sekitar {distance_m} m dari batas)",
            en: "The location is outside regency {regency} (about {distance_m} m from the boundary)";
        /// Not a desa/kelurahan code of the regency.
        VillageUnknown { regency: String } => "COMPLAINT_VILLAGE_UNKNOWN",
            id: "Kode desa/kelurahan tidak dikenal di kabupaten {regency}",
            en: "Not a desa/kelurahan code of regency {regency}";
        /// The category needs a photo.
        AttachmentRequired {} => "COMPLAINT_ATTACHMENT_REQUIRED",
            id: "Kategori ini memerlukan minimal satu foto",
            en: "This category needs at least one photo";
        /// More attachments than allowed.
        TooManyAttachments { max: usize } => "COMPLAINT_TOO_MANY_ATTACHMENTS",
            id: "Maksimal {max} lampiran",
            en: "At most {max} attachments";
        /// Media type not accepted.
        AttachmentType { allowed: String } => "COMPLAINT_ATTACHMENT_TYPE",
            id: "Jenis berkas tidak diterima (yang diterima: {allowed})",
            en: "File type not accepted (accepted: {allowed})";
        /// Empty or larger than allowed.
        AttachmentSize { max_bytes: u64 } => "COMPLAINT_ATTACHMENT_SIZE",
            id: "Ukuran berkas harus lebih dari 0 dan paling besar {max_bytes} byte",
            en: "The file size must be above 0 and at most {max_bytes} bytes";
        /// A named report needs a phone number.
        ContactRequired {} => "COMPLAINT_CONTACT_REQUIRED",
            id: "Nomor telepon wajib diisi kecuali laporan dikirim secara anonim",
            en: "A phone number is required unless the report is anonymous";
        /// Not a plausible e-mail address.
        EmailInvalid {} => "COMPLAINT_EMAIL_INVALID",
            id: "Alamat email tidak sah",
            en: "Invalid e-mail address";
        /// The category takes no NIK (protects reporters of extortion and corruption).
        NikNotAccepted { category: String } => "COMPLAINT_NIK_NOT_ACCEPTED",
            id: "Kategori {category} tidak memerlukan NIK; hapus NIK untuk melindungi identitas Anda",
            en: "Category {category} takes no NIK; remove it to protect your identity";
        /// Idempotency key missing, too short/long or with characters other than A-Z a-z 0-9 - _.
        IdempotencyKeyInvalid { min: usize, max: usize } => "COMPLAINT_IDEMPOTENCY_KEY_INVALID",
            id: "Kunci idempotensi harus {min}-{max} karakter A-Z, a-z, 0-9, - atau _",
            en: "The idempotency key must be {min}-{max} characters A-Z, a-z, 0-9, - or _";
        /// Not an ISO 8601 time with offset.
        TimeInvalid {} => "COMPLAINT_TIME_INVALID",
            id: "Waktu harus ISO 8601 dengan zona waktu, mis. 2026-11-29T09:30:00+07:00",
            en: "The time must be ISO 8601 with an offset, e.g. 2026-11-29T09:30:00+07:00";
        /// Later than now plus the allowed clock skew.
        TimeInFuture { max_skew_seconds: i64 } => "COMPLAINT_TIME_IN_FUTURE",
            id: "Waktu pembuatan berada di masa depan (toleransi {max_skew_seconds} detik); periksa jam perangkat",
            en: "The creation time is in the future (tolerance {max_skew_seconds} s); check the device clock";
    }
}

/// One problem of a draft: the field path (e.g. `attachments[1].media_type`) and the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// Dotted path of the field in the draft JSON; empty for the whole draft.
    pub field: String,
    /// Code, messages and fields.
    pub problem: Problem,
}

impl FieldProblem {
    fn new(field: impl Into<String>, problem: &dyn Coded) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            problem: Problem::from_coded(problem),
        }
    }
}

/// A GPS fix.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DraftLocation {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Accuracy radius in metres, as reported by the device.
    #[serde(default)]
    pub accuracy_m: Option<f64>,
}

/// A photo to be uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DraftAttachment {
    /// Media type, e.g. `image/jpeg`.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
    /// Client-side reference (file name or URL); not checked.
    #[serde(default)]
    pub reference: Option<String>,
}

/// Who reports.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DraftReporter {
    /// Name (optional).
    #[serde(default)]
    pub name: Option<String>,
    /// Mobile number.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// NIK (optional).
    #[serde(default)]
    pub nik: Option<String>,
}

/// A report as the app builds it, possibly offline. Every field is optional here so that
/// validation can name every missing one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct ReportDraft {
    /// `pengaduan`, `aspirasi` or `permintaan_informasi`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Category code.
    #[serde(default)]
    pub category: Option<String>,
    /// Short title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// GPS fix.
    #[serde(default)]
    pub location: Option<DraftLocation>,
    /// Desa/kelurahan code (`35.27.01.2001`).
    #[serde(default)]
    pub village_code: Option<String>,
    /// Landmark (patokan), e.g. "depan masjid".
    #[serde(default)]
    pub landmark: Option<String>,
    /// Photos.
    #[serde(default)]
    pub attachments: Vec<DraftAttachment>,
    /// Reporter.
    #[serde(default)]
    pub reporter: Option<DraftReporter>,
    /// Identity hidden from the agency.
    #[serde(default)]
    pub anonymous: bool,
    /// Never shown publicly. Private unless the reporter opts out.
    #[serde(default = "default_confidential")]
    pub confidential: bool,
    /// Client-generated key so that a retried upload is not a second report.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// When the draft was created (ISO 8601 with offset).
    #[serde(default)]
    pub created_at: Option<String>,
}

fn default_confidential() -> bool {
    true
}

/// What validation needs besides the draft.
#[derive(Debug, Clone, Copy)]
pub struct ValidationContext<'a> {
    /// Taxonomy, limits and boundary.
    pub catalog: &'a Catalog,
    /// Now (for `created_at` in the future and NIK century inference).
    pub now: Instant,
}

/// Reporter contact after validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidContact {
    /// Name, cleaned.
    pub name: Option<String>,
    /// Phone in E.164 (`+628…`).
    pub phone: Option<String>,
    /// E-mail, trimmed.
    pub email: Option<String>,
    /// NIK masked for display (`352701**********`); the full NIK is never echoed.
    pub nik_masked: Option<String>,
}

/// A draft that passed every check, cleaned and normalised. Deserialisable so that a server
/// can store it as it is (the contact apart) and read it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidReport {
    /// Kind.
    pub kind: ReportKind,
    /// Category code.
    pub category: String,
    /// Title, cleaned.
    pub title: String,
    /// Description, cleaned.
    pub description: String,
    /// GPS point, if given.
    pub location: Option<GeoPoint>,
    /// GPS accuracy in metres, if a point was given.
    pub accuracy_m: Option<f64>,
    /// Desa code (dotted), if given.
    pub village_code: Option<String>,
    /// Landmark, cleaned.
    pub landmark: Option<String>,
    /// Photos.
    pub attachments: Vec<DraftAttachment>,
    /// Contact (`None` when anonymous and nothing given).
    pub contact: Option<ValidContact>,
    /// Identity hidden from the agency.
    pub anonymous: bool,
    /// Never shown publicly.
    pub confidential: bool,
    /// Idempotency key.
    pub idempotency_key: String,
    /// Creation time.
    pub created_at: Instant,
    /// Where it goes.
    pub route: Route,
}

/// Removes control characters (keeping newlines), bidirectional overrides and zero-width
/// characters, turns tabs into spaces and `\r\n` into `\n`, and trims. `None` when the raw
/// text is over `max_bytes`.
pub fn clean_text(text: &str, max_bytes: usize) -> Option<String> {
    if text.len() > max_bytes {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            // Bidirectional overrides disguise text; zero-width characters hide it.
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Some(out.trim().to_owned())
}

struct Collector {
    problems: Vec<FieldProblem>,
}

impl Collector {
    fn push(&mut self, field: &str, problem: &dyn Coded) {
        self.problems.push(FieldProblem::new(field, problem));
    }

    /// Cleans and measures a text field; `None` (with a problem recorded) when unusable.
    fn text(&mut self, field: &str, value: Option<&str>, min: usize, max: usize) -> Option<String> {
        let Some(raw) = value else {
            self.push(field, &ReportError::Required {});
            return None;
        };
        // Four bytes per character is the UTF-8 maximum: anything longer is over `max`.
        let Some(cleaned) = clean_text(raw, max.saturating_mul(4)) else {
            self.push(field, &ReportError::TextTooLong { max });
            return None;
        };
        let count = cleaned.chars().count();
        if count == 0 {
            self.push(field, &ReportError::TextEmpty {});
            None
        } else if count > max {
            self.push(field, &ReportError::TextTooLong { max });
            None
        } else if count < min {
            self.push(field, &ReportError::TextTooShort { min, found: count });
            None
        } else {
            Some(cleaned)
        }
    }

    fn optional_text(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let raw = value?;
        let cleaned = match clean_text(raw, max.saturating_mul(4)) {
            Some(cleaned) if cleaned.chars().count() <= max => cleaned,
            _ => {
                self.push(field, &ReportError::TextTooLong { max });
                return None;
            }
        };
        (!cleaned.is_empty()).then_some(cleaned)
    }
}

fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
}

/// The one problem of a draft that does not fit the draft shape, at `line` and `column`.
fn malformed(line: usize, column: usize) -> Vec<FieldProblem> {
    vec![FieldProblem::new(
        "",
        &ReportError::Malformed { line, column },
    )]
}

/// Parses draft JSON and validates it; a JSON that does not fit the draft shape gives one
/// `COMPLAINT_DRAFT_MALFORMED` problem (with line and column, never the offending value).
pub fn validate_json(
    text: &str,
    context: &ValidationContext<'_>,
) -> Result<ValidReport, Vec<FieldProblem>> {
    // serde would also read a struct from a JSON array; a draft is an object.
    if !text.trim_start().starts_with('{') {
        return Err(malformed(1, 1));
    }
    let draft: ReportDraft =
        serde_json::from_str(text).map_err(|err| malformed(err.line(), err.column()))?;
    validate(&draft, context)
}

/// [`validate_json`] for a draft that is already a JSON value (the JSON API, the npm package):
/// the same checks, read by the core's value deserializer (`json_de`) instead of serde_json's
/// text reader, so the npm package holds no text-reader code for the draft types. A value has
/// no text, so a value that does not fit the draft shape is one `COMPLAINT_DRAFT_MALFORMED`
/// problem at line 1, column 1 (`json_de` reads a struct only from an object, never from an
/// array).
pub fn validate_value(
    draft: &serde_json::Value,
    context: &ValidationContext<'_>,
) -> Result<ValidReport, Vec<FieldProblem>> {
    let draft: ReportDraft = crate::json_de::from_value(draft).map_err(|_| malformed(1, 1))?;
    validate(&draft, context)
}

/// Validates a draft, returning the cleaned report or every problem found.
pub fn validate(
    draft: &ReportDraft,
    context: &ValidationContext<'_>,
) -> Result<ValidReport, Vec<FieldProblem>> {
    let catalog = context.catalog;
    let rules: &ReportRules = catalog.report_rules();
    let mut c = Collector {
        problems: Vec::new(),
    };

    let kind = match draft.kind.as_deref() {
        None => {
            c.push("kind", &ReportError::Required {});
            None
        }
        Some(tag) => {
            let kind = ReportKind::from_tag(tag.trim());
            if kind.is_none() {
                c.push("kind", &ReportError::KindUnknown {});
            }
            kind
        }
    };
    let category = match draft.category.as_deref() {
        None => {
            c.push("category", &ReportError::Required {});
            None
        }
        Some(code) => {
            let category = catalog.category(code.trim());
            if category.is_none() {
                c.push("category", &ReportError::CategoryUnknown {});
            }
            category
        }
    };
    if let (Some(kind), Some(category)) = (kind, category)
        && !category.allowed_kinds.contains(&kind)
    {
        c.push(
            "kind",
            &ReportError::KindNotAllowed {
                category: category.code.clone(),
            },
        );
    }

    let title = c.text("title", draft.title.as_deref(), 1, rules.title_max_chars);
    let description = c.text(
        "description",
        draft.description.as_deref(),
        rules.description_min_chars,
        rules.description_max_chars,
    );

    // Location: a GPS point, or a desa code with a landmark.
    let requires = |field| category.is_some_and(|cat| cat.requires(field));
    let must_be_inside = requires(RequiredField::Location) || requires(RequiredField::Coordinates);
    let mut point = None;
    let mut accuracy = None;
    if let Some(location) = draft.location {
        let candidate = GeoPoint {
            lat: location.lat,
            lon: location.lon,
        };
        if !candidate.is_valid() {
            c.push("location", &ReportError::CoordinatesInvalid {});
        } else {
            let max = rules.max_location_accuracy_m;
            match location.accuracy_m {
                Some(a) if a.is_finite() && a > 0.0 && a <= max => {
                    accuracy = Some(a);
                    point = Some(candidate);
                }
                _ => c.push(
                    "location.accuracy_m",
                    &ReportError::LocationInaccurate {
                        max_m: max.clamp(0.0, u32::MAX as f64) as u32,
                    },
                ),
            }
            let outside = catalog.boundary().distance_outside_m(candidate);
            if must_be_inside && outside > rules.boundary_tolerance_m {
                c.push(
                    "location",
                    &ReportError::LocationOutsideRegion {
                        regency: catalog.regency().to_owned(),
                        distance_m: outside.clamp(0.0, u32::MAX as f64) as u32,
                    },
                );
                point = None;
            }
        }
    }
    let village = draft.village_code.as_deref().and_then(|text| {
        let village = RegionCode::parse(text)
            .ok()
            .filter(|code| code.level() == RegionLevel::Village)
            .filter(|code| {
                code.to_string()
                    .starts_with(&format!("{}.", catalog.regency()))
            })
            .and_then(crate::region::get);
        if village.is_none() {
            c.push(
                "village_code",
                &ReportError::VillageUnknown {
                    regency: catalog.regency().to_owned(),
                },
            );
        }
        village.map(|v| v.code)
    });
    let landmark = c.optional_text(
        "landmark",
        draft.landmark.as_deref(),
        rules.landmark_max_chars,
    );
    if requires(RequiredField::Coordinates) && draft.location.is_none() {
        c.push("location", &ReportError::CoordinatesRequired {});
    } else if requires(RequiredField::Location)
        && draft.location.is_none()
        && (draft.village_code.is_none() || draft.landmark.is_none())
    {
        c.push("location", &ReportError::LocationRequired {});
    }

    // Attachments.
    if draft.attachments.len() > rules.max_attachments {
        c.push(
            "attachments",
            &ReportError::TooManyAttachments {
                max: rules.max_attachments,
            },
        );
    }
    if requires(RequiredField::Attachment) && draft.attachments.is_empty() {
        c.push("attachments", &ReportError::AttachmentRequired {});
    }
    for (i, attachment) in draft
        .attachments
        .iter()
        .enumerate()
        .take(rules.max_attachments)
    {
        let media_type = attachment.media_type.trim().to_ascii_lowercase();
        if !rules.attachment_media_types.contains(&media_type) {
            c.push(
                &format!("attachments[{i}].media_type"),
                &ReportError::AttachmentType {
                    allowed: rules.attachment_media_types.join(", "),
                },
            );
        }
        if attachment.size_bytes == 0 || attachment.size_bytes > rules.attachment_max_bytes {
            c.push(
                &format!("attachments[{i}].size_bytes"),
                &ReportError::AttachmentSize {
                    max_bytes: rules.attachment_max_bytes,
                },
            );
        }
    }

    // Reporter.
    let reporter = draft.reporter.clone().unwrap_or_default();
    let name = c.optional_text(
        "reporter.name",
        reporter.name.as_deref(),
        rules.name_max_chars,
    );
    let phone = match reporter.phone.as_deref().filter(|p| !p.trim().is_empty()) {
        None => {
            if !draft.anonymous {
                c.push("reporter.phone", &ReportError::ContactRequired {});
            }
            None
        }
        Some(text) => match PhoneNumber::parse(text) {
            Ok(phone) => Some(phone.e164()),
            Err(err) => {
                c.push("reporter.phone", &err);
                None
            }
        },
    };
    let email = reporter
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .and_then(|email| {
            if email.chars().count() <= rules.email_max_chars && plausible_email(email) {
                Some(email.to_owned())
            } else {
                c.push("reporter.email", &ReportError::EmailInvalid {});
                None
            }
        });
    let nik_masked = reporter
        .nik
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .and_then(|text| {
            if let Some(category) = category.filter(|cat| !cat.accepts_nik) {
                c.push(
                    "reporter.nik",
                    &ReportError::NikNotAccepted {
                        category: category.code.clone(),
                    },
                );
                return None;
            }
            let today = context.now.date_wib().ok()?;
            match Nik::parse_with(text, &NikOptions::new(today)) {
                Ok(nik) => Some(nik.masked()),
                Err(err) => {
                    c.push("reporter.nik", &err);
                    None
                }
            }
        });

    // Idempotency and time.
    let key_ok = |key: &str| {
        (rules.idempotency_key_min_chars..=rules.idempotency_key_max_chars).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let idempotency_key = match draft.idempotency_key.as_deref() {
        Some(key) if key_ok(key) => Some(key.to_owned()),
        _ => {
            c.push(
                "idempotency_key",
                &ReportError::IdempotencyKeyInvalid {
                    min: rules.idempotency_key_min_chars,
                    max: rules.idempotency_key_max_chars,
                },
            );
            None
        }
    };
    let created_at = match draft.created_at.as_deref() {
        None => {
            c.push("created_at", &ReportError::Required {});
            None
        }
        Some(text) => match Instant::parse_iso(text) {
            Err(_) => {
                c.push("created_at", &ReportError::TimeInvalid {});
                None
            }
            Ok(at) if at > context.now.plus_seconds(rules.max_clock_skew_seconds) => {
                c.push(
                    "created_at",
                    &ReportError::TimeInFuture {
                        max_skew_seconds: rules.max_clock_skew_seconds,
                    },
                );
                None
            }
            Ok(at) => Some(at),
        },
    };

    let route = category.and_then(|category| {
        let region = village.map(|v| v.to_string());
        routing::route(catalog, &category.code, region.as_deref()).ok()
    });

    match (
        kind,
        category,
        title,
        description,
        idempotency_key,
        created_at,
        route,
    ) {
        (
            Some(kind),
            Some(category),
            Some(title),
            Some(description),
            Some(idempotency_key),
            Some(created_at),
            Some(route),
        ) if c.problems.is_empty() => {
            let contact =
                (name.is_some() || phone.is_some() || email.is_some() || nik_masked.is_some())
                    .then_some(ValidContact {
                        name,
                        phone,
                        email,
                        nik_masked,
                    });
            Ok(ValidReport {
                kind,
                category: category.code.clone(),
                title,
                description,
                location: point,
                accuracy_m: accuracy,
                village_code: village.map(|v| v.to_string()),
                landmark,
                attachments: draft.attachments.clone(),
                contact,
                anonymous: draft.anonymous,
                confidential: draft.confidential,
                idempotency_key,
                created_at,
                route,
            })
        }
        _ => Err(c.problems),
    }
}
