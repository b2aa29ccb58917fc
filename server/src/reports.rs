//! Reports as stored: the validated report (without contact), the contact (with the NIK only
//! masked), the NIK's keyed HMAC, and the core's `ReportRecord` (state + full history).
//! Every state change goes through `ReportRecord::apply`; the row is updated only if its
//! version is unchanged, so concurrent officers cannot lose each other's events.

use axum::http::StatusCode;
use kotacerdas_core::Problem;
use kotacerdas_core::calendar::{Instant, WorkingCalendar};
use kotacerdas_core::complaint::draft::ValidContact;
use kotacerdas_core::complaint::sla::{self, SlaReport};
use kotacerdas_core::complaint::{
    Catalog, Event, LifecycleError, ReportRecord, ValidReport, lifecycle::LifecycleContext,
};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::AppState;
use crate::error::ApiError;
use crate::util;

/// A loaded row.
#[derive(Debug, Clone)]
pub struct ReportRow {
    /// Public id.
    pub id: String,
    /// Secret tracking code.
    pub tracking_code: String,
    /// The core's validated report as submitted, with `contact: None`: the contact (NIK
    /// masked only) is stored in its own column.
    pub report: ValidReport,
    /// Contact.
    pub contact: Option<ValidContact>,
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
pub fn current_agency(report: &ValidReport, record: &ReportRecord) -> String {
    record
        .forwarded_to
        .clone()
        .or_else(|| record.opd.clone())
        .unwrap_or_else(|| report.route.agency().to_owned())
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
