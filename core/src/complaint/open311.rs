//! Open311 GeoReport v2 mapping: services from the taxonomy, a service request from a report
//! and a draft from a posted service request.
//!
//! Mapping: category -> service (`service_code` = category code), top-level category ->
//! `group`, OPD -> `agency_responsible`, resolution deadline -> `expected_datetime`, state ->
//! `open`/`closed` with `status_notes`. Datetimes are ISO 8601 in WIB (`+07:00`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Instant;
use crate::complaint::Catalog;
use crate::complaint::draft::{DraftLocation, DraftReporter, ReportDraft, ValidReport};
use crate::complaint::lifecycle::ReportRecord;
use crate::complaint::taxonomy::{Category, ReportKind};
use crate::error::Lang;

/// An entry of `GET services`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    /// Category code.
    pub service_code: String,
    /// Category name.
    pub service_name: String,
    /// Parent name and responsible agency.
    pub description: String,
    /// Always true: every service has attributes (kind, desa, landmark).
    pub metadata: bool,
    /// Always `realtime`.
    #[serde(rename = "type")]
    pub service_type: String,
    /// Comma-separated keywords.
    pub keywords: String,
    /// Top-level category code.
    pub group: String,
}

/// A value of a list attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributeValue {
    /// Machine value.
    pub key: String,
    /// Label.
    pub name: String,
}

/// An attribute of a service definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribute {
    /// Always true (the user supplies it).
    pub variable: bool,
    /// Attribute code.
    pub code: String,
    /// `string`, `singlevaluelist`, ...
    pub datatype: String,
    /// Whether it must be given.
    pub required: bool,
    /// Hint.
    pub datatype_description: String,
    /// Display order.
    pub order: u32,
    /// Question shown to the user.
    pub description: String,
    /// Allowed values for lists.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeValue>,
}

/// `GET services/{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceDefinition {
    /// Category code.
    pub service_code: String,
    /// Attributes.
    pub attributes: Vec<Attribute>,
}

fn name(category: &Category, lang: Lang) -> &str {
    match lang {
        Lang::Id => &category.name_id,
        Lang::En => &category.name_en,
    }
}

/// The services list.
pub fn services(catalog: &Catalog, lang: Lang) -> Vec<Service> {
    catalog
        .categories()
        .iter()
        .map(|category| {
            let parent = category
                .parent
                .as_deref()
                .and_then(|code| catalog.category(code))
                .map(|parent| name(parent, lang).to_owned());
            let agency = catalog
                .opd(&category.opd)
                .map(|opd| opd.name.clone())
                .unwrap_or_default();
            Service {
                service_code: category.code.clone(),
                service_name: name(category, lang).to_owned(),
                description: match parent {
                    Some(parent) => format!("{parent}: {}. {agency}", name(category, lang)),
                    None => format!("{}. {agency}", name(category, lang)),
                },
                metadata: true,
                service_type: "realtime".to_owned(),
                keywords: category.keywords.join(","),
                group: category.group().to_owned(),
            }
        })
        .collect()
}

/// The definition of one service, or `None` for an unknown code.
pub fn service_definition(catalog: &Catalog, code: &str, lang: Lang) -> Option<ServiceDefinition> {
    let category = catalog.category(code)?;
    let text = |id: &str, en: &str| match lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    };
    let kinds = category
        .allowed_kinds
        .iter()
        .map(|kind| AttributeValue {
            key: kind.as_str().to_owned(),
            name: match (kind, lang) {
                (ReportKind::Pengaduan, Lang::Id) => "Pengaduan",
                (ReportKind::Pengaduan, Lang::En) => "Complaint",
                (ReportKind::Aspirasi, Lang::Id) => "Aspirasi",
                (ReportKind::Aspirasi, Lang::En) => "Suggestion",
                (ReportKind::PermintaanInformasi, Lang::Id) => "Permintaan informasi",
                (ReportKind::PermintaanInformasi, Lang::En) => "Information request",
            }
            .to_owned(),
        })
        .collect();
    let yes_no = || {
        vec![
            AttributeValue {
                key: "true".into(),
                name: text("Ya", "Yes"),
            },
            AttributeValue {
                key: "false".into(),
                name: text("Tidak", "No"),
            },
        ]
    };
    let attribute =
        |code: &str, datatype: &str, required: bool, order: u32, description: String, values| {
            Attribute {
                variable: true,
                code: code.to_owned(),
                datatype: datatype.to_owned(),
                required,
                datatype_description: String::new(),
                order,
                description,
                values,
            }
        };
    Some(ServiceDefinition {
        service_code: category.code.clone(),
        attributes: vec![
            attribute(
                "kind",
                "singlevaluelist",
                true,
                1,
                text("Jenis laporan", "Report kind"),
                kinds,
            ),
            attribute(
                "title",
                "string",
                true,
                2,
                text("Judul singkat", "Short title"),
                Vec::new(),
            ),
            attribute(
                "village_code",
                "string",
                false,
                3,
                text("Kode desa/kelurahan", "Desa/kelurahan code"),
                Vec::new(),
            ),
            attribute(
                "landmark",
                "string",
                false,
                4,
                text("Patokan", "Landmark"),
                Vec::new(),
            ),
            attribute(
                "anonymous",
                "singlevaluelist",
                false,
                5,
                text(
                    "Sembunyikan identitas dari instansi",
                    "Hide identity from the agency",
                ),
                yes_no(),
            ),
            attribute(
                "confidential",
                "singlevaluelist",
                false,
                6,
                text("Rahasiakan laporan dari publik", "Keep the report private"),
                yes_no(),
            ),
            attribute(
                "idempotency_key",
                "string",
                true,
                7,
                text(
                    "Kunci idempotensi dari aplikasi",
                    "Idempotency key from the app",
                ),
                Vec::new(),
            ),
        ],
    })
}

/// A service request as returned by `GET requests`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRequest {
    /// Report id.
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// State label and who is responsible.
    pub status_notes: String,
    /// Category name.
    pub service_name: String,
    /// Category code.
    pub service_code: String,
    /// Description (omitted for confidential reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The OPD or body responsible.
    pub agency_responsible: String,
    /// Created.
    pub requested_datetime: Instant,
    /// Last event.
    pub updated_datetime: Instant,
    /// Resolution deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_datetime: Option<Instant>,
    /// Desa code and landmark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Latitude (omitted for confidential reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (omitted for confidential reports).
    #[serde(rename = "long", skip_serializing_if = "Option::is_none")]
    pub long: Option<f64>,
}

/// Projects a report to an Open311 service request. Confidential (rahasia) reports keep
/// their text and place out of the projection; the reporter's identity is never in it.
pub fn to_service_request(
    catalog: &Catalog,
    id: &str,
    report: &ValidReport,
    record: &ReportRecord,
    expected: Option<Instant>,
    lang: Lang,
) -> ServiceRequest {
    let agency_code = record
        .forwarded_to
        .as_deref()
        .or(record.opd.as_deref())
        .unwrap_or(report.route.agency());
    let agency = catalog
        .opd(agency_code)
        .map(|opd| opd.name.clone())
        .unwrap_or_else(|| agency_code.to_owned());
    let responsible = match lang {
        Lang::Id => format!("{}. Penanggung jawab: {agency}", record.state.label(lang)),
        Lang::En => format!("{}. Responsible: {agency}", record.state.label(lang)),
    };
    let public = !report.confidential;
    let address = match (&report.village_code, &report.landmark) {
        (Some(village), Some(landmark)) => Some(format!("{village}, {landmark}")),
        (Some(village), None) => Some(village.clone()),
        (None, Some(landmark)) => Some(landmark.clone()),
        (None, None) => None,
    };
    ServiceRequest {
        service_request_id: id.to_owned(),
        status: record.state.open311_status().to_owned(),
        status_notes: responsible,
        service_name: catalog
            .category(&report.category)
            .map(|c| name(c, lang).to_owned())
            .unwrap_or_default(),
        service_code: report.category.clone(),
        description: public.then(|| report.description.clone()),
        agency_responsible: agency,
        requested_datetime: report.created_at,
        updated_datetime: record.history.last().map_or(report.created_at, |e| e.at),
        expected_datetime: expected,
        address: address.filter(|_| public),
        lat: report.location.filter(|_| public).map(|p| p.lat),
        long: report.location.filter(|_| public).map(|p| p.lon),
    }
}

/// The body of `POST requests` (form fields as a map, `attribute[code]` flattened to `code`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PostServiceRequest {
    /// Category code.
    pub service_code: String,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, rename = "long")]
    pub long: Option<f64>,
    /// GPS accuracy in metres (not in the standard; kotacerdas extension).
    #[serde(default)]
    pub accuracy_m: Option<f64>,
    /// Free-text address (used as the landmark).
    #[serde(default)]
    pub address_string: Option<String>,
    /// Contact e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Contact phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Contact first name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Contact last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Attributes by code (`kind`, `title`, `village_code`, `landmark`, `anonymous`,
    /// `confidential`, `idempotency_key`).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

/// Turns a posted service request into a draft, to be checked with
/// [`crate::complaint::draft::validate`] like any other. `created_at` is the server's
/// receipt time.
pub fn draft_from_request(request: &PostServiceRequest, received_at: Instant) -> ReportDraft {
    let attribute = |code: &str| request.attributes.get(code).cloned();
    let flag = |code: &str| attribute(code).map(|v| v.trim().eq_ignore_ascii_case("true"));
    let name = match (&request.first_name, &request.last_name) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        (first, last) => first.clone().or_else(|| last.clone()),
    };
    let reporter = DraftReporter {
        name,
        phone: request.phone.clone(),
        email: request.email.clone(),
        nik: None,
    };
    let has_reporter = reporter != DraftReporter::default();
    ReportDraft {
        kind: attribute("kind"),
        category: Some(request.service_code.clone()),
        title: attribute("title"),
        description: request.description.clone(),
        location: match (request.lat, request.long) {
            (Some(lat), Some(lon)) => Some(DraftLocation {
                lat,
                lon,
                accuracy_m: request.accuracy_m,
            }),
            _ => None,
        },
        village_code: attribute("village_code"),
        landmark: attribute("landmark").or_else(|| request.address_string.clone()),
        attachments: Vec::new(),
        reporter: has_reporter.then_some(reporter),
        anonymous: flag("anonymous").unwrap_or(false),
        confidential: flag("confidential").unwrap_or(true),
        idempotency_key: attribute("idempotency_key"),
        created_at: Some(received_at.to_string()),
    }
}

/// An Open311 error entry (`[{code, description}]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Open311Error {
    /// HTTP-like status code: 400 for validation problems.
    pub code: u16,
    /// `field: CODE: message`.
    pub description: String,
}

/// Maps validation problems to Open311 errors (400).
pub fn errors_from_problems(
    problems: &[crate::complaint::FieldProblem],
    lang: Lang,
) -> Vec<Open311Error> {
    problems
        .iter()
        .map(|p| Open311Error {
            code: 400,
            description: format!(
                "{}: {}: {}",
                p.field,
                p.problem.code,
                p.problem.message(lang)
            ),
        })
        .collect()
}
