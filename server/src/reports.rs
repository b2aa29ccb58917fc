//! Reports as stored: the validated report (without contact), the contact (with the NIK only
//! masked), the NIK's keyed HMAC, and the core's `ReportRecord` (state + full history).
//! Every state change goes through `ReportRecord::apply`; the row is updated only if its
//! version is unchanged, so concurrent officers cannot lose each other's events.

use axum::http::StatusCode;
use kotacerdas_core::Problem;
use kotacerdas_core::calendar::{Instant, WorkingCalendar};
use kotacerdas_core::complaint::draft::{DraftAttachment, ValidContact};
use kotacerdas_core::complaint::sla::{self, SlaReport};
use kotacerdas_core::complaint::{
    Catalog, Event, GeoPoint, LifecycleError, ReportKind, ReportRecord, Route, ValidReport,
    lifecycle::LifecycleContext,
};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::AppState;
use crate::error::ApiError;
use crate::util;

/// The validated report without contact data (contact is stored apart).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredReport {
    /// Kind tag.
    pub kind: String,
    /// Category code.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// GPS point.
    pub location: Option<GeoPoint>,
    /// GPS accuracy.
    pub accuracy_m: Option<f64>,
    /// Desa code.
    pub village_code: Option<String>,
    /// Landmark.
    pub landmark: Option<String>,
    /// Declared photos.
    pub attachments: Vec<DraftAttachment>,
    /// Identity hidden from the agency.
    pub anonymous: bool,
    /// Never public.
    pub confidential: bool,
    /// Client key.
    pub idempotency_key: String,
    /// Client creation time.
    pub created_at: Instant,
    /// Routing result at submission.
    pub route: StoredRoute,
}

/// `Route` as stored (the core's `Route` is serialise-only).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StoredRoute {
    /// An OPD of the regency.
    Opd {
        /// Code.
        opd: String,
        /// Name.
        name: String,
        /// Confirmed name.
        confirmed: bool,
        /// Rule index.
        rule: Option<usize>,
    },
    /// Forwarded outside.
    Forward {
        /// Code.
        body: String,
        /// Name.
        name: String,
        /// Reason (id).
        reason_id: String,
        /// Reason (en).
        reason_en: String,
        /// Rule index.
        rule: usize,
    },
}

impl StoredRoute {
    fn from_route(route: &Route) -> StoredRoute {
        match route.clone() {
            Route::Opd {
                opd,
                name,
                confirmed,
                rule,
            } => StoredRoute::Opd {
                opd,
                name,
                confirmed,
                rule,
            },
            Route::Forward {
                body,
                name,
                reason_id,
                reason_en,
                rule,
            } => StoredRoute::Forward {
                body,
                name,
                reason_id,
                reason_en,
                rule,
            },
        }
    }

    fn to_route(&self) -> Route {
        match self.clone() {
            StoredRoute::Opd {
                opd,
                name,
                confirmed,
                rule,
            } => Route::Opd {
                opd,
                name,
                confirmed,
                rule,
            },
            StoredRoute::Forward {
                body,
                name,
                reason_id,
                reason_en,
                rule,
            } => Route::Forward {
                body,
                name,
                reason_id,
                reason_en,
                rule,
            },
        }
    }
}

impl StoredReport {
    /// From a validated report (contact dropped).
    pub fn from_valid(report: &ValidReport) -> StoredReport {
        StoredReport {
            kind: report.kind.as_str().to_owned(),
            category: report.category.clone(),
            title: report.title.clone(),
            description: report.description.clone(),
            location: report.location,
            accuracy_m: report.accuracy_m,
            village_code: report.village_code.clone(),
            landmark: report.landmark.clone(),
            attachments: report.attachments.clone(),
            anonymous: report.anonymous,
            confidential: report.confidential,
            idempotency_key: report.idempotency_key.clone(),
            created_at: report.created_at,
            route: StoredRoute::from_route(&report.route),
        }
    }

    /// Back to the core's type (for the Open311 projection).
    pub fn to_valid(&self, contact: Option<ValidContact>) -> ValidReport {
        ValidReport {
            kind: ReportKind::from_tag(&self.kind).unwrap_or(ReportKind::Pengaduan),
            category: self.category.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            location: self.location,
            accuracy_m: self.accuracy_m,
            village_code: self.village_code.clone(),
            landmark: self.landmark.clone(),
            attachments: self.attachments.clone(),
            contact,
            anonymous: self.anonymous,
            confidential: self.confidential,
            idempotency_key: self.idempotency_key.clone(),
            created_at: self.created_at,
            route: self.route.to_route(),
        }
    }
}

/// Contact as stored: the NIK only masked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredContact {
    /// Name.
    pub name: Option<String>,
    /// Phone (E.164).
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Masked NIK.
    pub nik_masked: Option<String>,
}

/// A loaded row.
#[derive(Debug, Clone)]
pub struct ReportRow {
    /// Public id.
    pub id: String,
    /// Secret tracking code.
    pub tracking_code: String,
    /// Report.
    pub report: StoredReport,
    /// Contact.
    pub contact: Option<StoredContact>,
    /// Lifecycle.
    pub record: ReportRecord,
    /// Responsible agency now (assigned OPD, forwarded body, or the route's).
    pub agency: String,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Columns read by [`ReportRow::from_row`].
pub const COLUMNS: &str =
    "id, tracking_code, report_json, contact_json, record_json, agency, version";

impl ReportRow {
    /// Decodes a row selected with [`COLUMNS`].
    pub fn from_row(row: &AnyRow) -> Result<ReportRow, ApiError> {
        let report: String = row.try_get("report_json")?;
        let contact: Option<String> = row.try_get("contact_json")?;
        let record: String = row.try_get("record_json")?;
        Ok(ReportRow {
            id: row.try_get("id")?,
            tracking_code: row.try_get("tracking_code")?,
            report: serde_json::from_str(&report)?,
            contact: contact.map(|c| serde_json::from_str(&c)).transpose()?,
            record: serde_json::from_str(&record)?,
            agency: row.try_get("agency")?,
            version: row.try_get("version")?,
        })
    }

    /// SLA status now, from the core (`None` if the category has no policy or the calendar
    /// does not cover the deadline).
    pub fn sla(&self, at: Instant) -> Option<SlaReport> {
        let catalog = Catalog::embedded();
        let policy = catalog.sla_policy_for(&self.report.category)?;
        sla::evaluate(
            &self.record.history,
            policy,
            WorkingCalendar::embedded_default(),
            at,
        )
        .ok()
    }

    /// The responsible agency with its directory entry.
    pub fn agency_view(&self) -> serde_json::Value {
        let catalog = Catalog::embedded();
        match catalog.opd(&self.agency) {
            Some(opd) => serde_json::json!({
                "code": opd.code, "name": opd.name, "short_name": opd.short_name,
                "confirmed": opd.confirmed,
            }),
            None => serde_json::json!({ "code": self.agency }),
        }
    }
}

/// Who is responsible given the record: assigned OPD or forwarded body, else the route's.
pub fn current_agency(report: &StoredReport, record: &ReportRecord) -> String {
    record
        .forwarded_to
        .clone()
        .or_else(|| record.opd.clone())
        .unwrap_or_else(|| report.route.to_route().agency().to_owned())
}

/// Loads by a column (`id` or `tracking_code`).
pub async fn load(
    state: &AppState,
    column: &str,
    value: &str,
) -> Result<Option<ReportRow>, ApiError> {
    let sql = match column {
        "tracking_code" => format!("SELECT {COLUMNS} FROM reports WHERE tracking_code = $1"),
        _ => format!("SELECT {COLUMNS} FROM reports WHERE id = $1"),
    };
    let row = sqlx::query(&sql)
        .bind(value)
        .fetch_optional(&state.db.pool)
        .await?;
    row.as_ref().map(ReportRow::from_row).transpose()
}

/// HTTP status for a refused event: not allowed by the actor's role is 403, not possible in
/// this state (or a concurrent change) is 409, a bad note or agency is 422.
fn lifecycle_status(error: &LifecycleError) -> StatusCode {
    match error {
        LifecycleError::ActorNotAllowed { .. } => StatusCode::FORBIDDEN,
        LifecycleError::TransitionNotAllowed { .. }
        | LifecycleError::AutoCloseTooEarly { .. }
        | LifecycleError::ReopenWindowClosed { .. }
        | LifecycleError::SameAgency { .. } => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Applies one event through the core's state machine and stores it if the row did not
/// change meanwhile. Returns the updated row.
pub async fn apply_event(
    state: &AppState,
    row: &ReportRow,
    event: Event,
) -> Result<ReportRow, ApiError> {
    let catalog = Catalog::embedded();
    let policy = catalog
        .sla_policy_for(&row.report.category)
        .ok_or_else(|| {
            eprintln!("no SLA policy for a stored category");
            ApiError::internal()
        })?;
    let context = LifecycleContext {
        calendar: WorkingCalendar::embedded_default(),
        policy,
        catalog: Some(catalog),
    };
    let kind = event.kind.as_str();
    let record = row.record.apply(event, &context).map_err(|error| {
        ApiError::from_problem(lifecycle_status(&error), Problem::from_coded(&error))
    })?;
    let agency = current_agency(&row.report, &record);
    let now = util::now_unix();
    let changed = sqlx::query(
        "UPDATE reports SET record_json = $1, state = $2, agency = $3, updated_at = $4,
         version = version + 1 WHERE id = $5 AND version = $6",
    )
    .bind(serde_json::to_string(&record)?)
    .bind(record.state.as_str())
    .bind(agency.as_str())
    .bind(now)
    .bind(row.id.as_str())
    .bind(row.version)
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "REPORT_CHANGED",
            "Laporan baru saja diubah orang lain; muat ulang lalu coba lagi",
            "The report was changed meanwhile; reload and try again",
        ));
    }
    let updated = ReportRow {
        record,
        agency,
        version: row.version.saturating_add(1),
        ..row.clone()
    };
    crate::webhooks::enqueue(state, &updated, kind).await;
    Ok(updated)
}

/// The history as shown to the reporter and officers: kind, actor, time, note, labels.
pub fn history_view(record: &ReportRecord) -> serde_json::Value {
    serde_json::Value::Array(
        record
            .history
            .iter()
            .map(|event| {
                serde_json::json!({
                    "event": event.kind,
                    "actor": event.actor,
                    "at": event.at,
                    "note": event.note,
                })
            })
            .collect(),
    )
}

/// State with its labels.
pub fn state_view(record: &ReportRecord) -> serde_json::Value {
    use kotacerdas_core::Lang;
    serde_json::json!({
        "code": record.state.as_str(),
        "label_id": record.state.label(Lang::Id),
        "label_en": record.state.label(Lang::En),
        "open311": record.state.open311_status(),
        "lapor": record.state.lapor_label(),
    })
}
