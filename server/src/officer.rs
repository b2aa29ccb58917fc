//! Officer endpoints (bearer token): work queue with SLA status, a report with contact and
//! history, lifecycle events through the core's state machine (the actor follows the role),
//! attachments. An OPD officer sees only reports held by their OPD.

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kotacerdas_core::complaint::Event;
use serde_json::{Value, json};
use sqlx::Row;

use crate::api::{ListQuery, attachment_list, parse_event};
use crate::auth::{Officer, Role};
use crate::error::ApiError;
use crate::reports::{self, ReportRow};
use crate::util::{now, read_body};
use crate::{AppState, MAX_JSON_BYTES};

/// States that leave the queue.
const CLOSED_STATES: &str = "'selesai', 'ditolak', 'duplikat', 'bukan_wewenang', 'diarsipkan'";

/// `GET /v1/officer/me`.
pub async fn me(officer: Officer) -> Json<Officer> {
    Json(officer)
}

/// A report as an officer sees it: everything but the NIK (masked only), and no reporter
/// identity when the report is anonymous or the officer belongs to an OPD (the desk relays).
async fn officer_view(
    state: &AppState,
    officer: &Officer,
    row: &ReportRow,
) -> Result<Value, ApiError> {
    let report = &row.report;
    let contact = if report.anonymous || officer.role == Role::OpdOfficer {
        Value::Null
    } else {
        serde_json::to_value(&row.contact)?
    };
    let sla = row.sla(now());
    Ok(json!({
        "id": row.id,
        "kind": report.kind,
        "category": report.category,
        "title": report.title,
        "description": report.description,
        "location": report.location,
        "accuracy_m": report.accuracy_m,
        "village_code": report.village_code,
        "landmark": report.landmark,
        "anonymous": report.anonymous,
        "confidential": report.confidential,
        "contact": contact,
        "state": reports::state_view(&row.record),
        "agency": row.agency_view(),
        "route": report.route,
        "assignments": row.record.assignments().into_iter()
            .map(|(opd, at)| json!({ "opd": opd, "at": at })).collect::<Vec<_>>(),
        "duplicate_of": row.record.duplicate_of,
        "forwarded_to": row.record.forwarded_to,
        "history": reports::history_view(&row.record),
        "sla_status": sla.as_ref().map(|s| s.status),
        "sla": sla,
        "attachments": attachment_list(state, &row.id).await?,
        "created_at": report.created_at,
    }))
}

/// `GET /v1/officer/queue`: open reports (or `state=`), oldest first, each with its SLA
/// status (`on_time`, `due_soon`, `overdue`, ...). OPD officers get their OPD's only.
pub async fn queue(
    State(state): State<AppState>,
    officer: Officer,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(query) = query?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let offset = query.offset.unwrap_or(0).max(0);
    let agency = match officer.role {
        Role::OpdOfficer => officer.opd.clone().ok_or_else(ApiError::forbidden)?,
        Role::Verifier | Role::Admin => String::new(),
    };
    let state_filter = match &query.state {
        Some(_) => "state = $3".to_owned(),
        None => format!("($3 = '' AND state NOT IN ({CLOSED_STATES}))"),
    };
    let rows = sqlx::query(&format!(
        "SELECT {} FROM reports WHERE ($1 = '' OR agency = $1)
           AND ($2 = '' OR category = $2) AND {state_filter}
         ORDER BY created_at, id LIMIT $4 OFFSET $5",
        reports::COLUMNS
    ))
    .bind(agency)
    .bind(query.category.clone().unwrap_or_default())
    .bind(query.state.clone().unwrap_or_default())
    .bind(limit)
    .bind(offset)
    .fetch_all(&state.db.pool)
    .await?;
    let at = now();
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let row = ReportRow::from_row(row)?;
        let sla = row.sla(at);
        items.push(json!({
            "id": row.id,
            "category": row.report.category,
            "title": row.report.title,
            "confidential": row.report.confidential,
            "state": reports::state_view(&row.record),
            "agency": row.agency_view(),
            "sla_status": sla.as_ref().map(|s| s.status),
            "deadlines": sla.as_ref().map(|s| &s.deadlines),
            "created_at": row.report.created_at,
        }));
    }
    Ok(Json(json!({ "reports": items })))
}

async fn load_scoped(state: &AppState, officer: &Officer, id: &str) -> Result<ReportRow, ApiError> {
    if id.len() > 64 {
        return Err(ApiError::not_found());
    }
    let row = reports::load(state, "id", id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !officer.may_see(&row.agency) {
        return Err(ApiError::forbidden());
    }
    Ok(row)
}

/// `GET /v1/officer/reports/{id}`.
pub async fn read(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let row = load_scoped(&state, &officer, &id).await?;
    Ok(Json(officer_view(&state, &officer, &row).await?))
}

/// `POST /v1/officer/reports/{id}/events` with `{"type": "verify" | "assign" (+ "opd") |
/// "follow_up" | ..., "note": ...}`. Re-routing is another `assign`; the history keeps both.
pub async fn event(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    let row = load_scoped(&state, &officer, &id).await?;
    let bytes = read_body(body, MAX_JSON_BYTES).await?;
    let (kind, note) = parse_event(&bytes)?;
    let event = Event {
        kind,
        actor: officer.role.actor(),
        at: now(),
        note,
    };
    let updated = reports::apply_event(&state, &row, event).await?;
    Ok(Json(officer_view(&state, &officer, &updated).await?))
}

/// `GET /v1/officer/attachments/{id}`: the photo bytes.
pub async fn read_attachment(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let row = sqlx::query("SELECT report_id, media_type, data FROM attachments WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let report_id: String = row.try_get("report_id")?;
    load_scoped(&state, &officer, &report_id).await?;
    let media_type: String = row.try_get("media_type")?;
    let data: Vec<u8> = row.try_get("data")?;
    let content_type = HeaderValue::from_str(&media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, content_type)], data).into_response())
}
