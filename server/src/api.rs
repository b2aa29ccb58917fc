//! Citizen endpoints: rule pack, submit, my report by tracking code, reporter events,
//! attachments, the public list, duplicate suggestions and tax calculation.

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kotacerdas_core::calendar::HolidayTable;
use kotacerdas_core::complaint::draft::{self, ReportError};
use kotacerdas_core::complaint::duplicates::{self, ExistingReport};
use kotacerdas_core::complaint::lifecycle::LifecycleContext;
use kotacerdas_core::complaint::{
    Actor, Catalog, Event, EventKind, GeoPoint, ReportDraft, ReportRecord, State as LifeState,
    ValidReport, ValidationContext,
};
use kotacerdas_core::id::nik::Nik;
use kotacerdas_core::tax::RuleBook;
use kotacerdas_core::{Problem, calendar::WorkingCalendar};
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::Row;

use crate::error::ApiError;
use crate::reports::{self, ReportRow};
use crate::util::{self, now, now_unix, parse_json, read_body};
use crate::{AppState, MAX_JSON_BYTES};

/// `GET /v1/health`.
pub async fn health(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    sqlx::query("SELECT 1").execute(&state.db.pool).await?;
    Ok(Json(json!({ "status": "ok" })))
}

/// The rule pack (taxonomy, OPDs, SLA policies, report rules, calendar, tax rule sets) and
/// its ETag, so that apps update rules without a release.
pub fn build_rule_pack() -> (String, String) {
    let catalog = Catalog::embedded();
    let holidays = HolidayTable::embedded();
    let pack = json!({
        "regency": catalog.regency(),
        "taxonomy": {
            "version": catalog.taxonomy_version(),
            "as_of": catalog.taxonomy_as_of(),
            "legal_reference": catalog.taxonomy_legal_reference(),
            "categories": catalog.categories(),
        },
        "opds": { "version": catalog.opds_version(), "opds": catalog.opds() },
        "routing_version": catalog.routing_version(),
        "sla_policies": catalog.sla_policies(),
        "report_rules": catalog.report_rules(),
        "calendar": {
            "version": util::sha256_hex(HolidayTable::embedded_csv().as_bytes())[..16].to_owned(),
            "first_year": holidays.first_year(),
            "last_year": holidays.last_year(),
            "holidays": holidays.holidays().len(),
        },
        "tax": { "rule_sets": RuleBook::builtin().sets() },
    });
    let text = pack.to_string();
    let etag = format!("\"{}\"", &util::sha256_hex(text.as_bytes())[..32]);
    (text, etag)
}

/// `GET /v1/rules`: 304 when `If-None-Match` matches.
pub async fn rules(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (text, etag) = &*state.rule_pack;
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    let etag_value = HeaderValue::from_str(etag).unwrap_or(HeaderValue::from_static("\"\""));
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value)]).into_response();
    }
    (
        [
            (header::ETAG, etag_value),
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        text.clone(),
    )
        .into_response()
}

/// The `Idempotency-Key` header, checked against the core's limits.
pub fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let rules = Catalog::embedded().report_rules();
    let invalid = || {
        let error = ReportError::IdempotencyKeyInvalid {
            min: rules.idempotency_key_min_chars,
            max: rules.idempotency_key_max_chars,
        };
        ApiError::from_problem(StatusCode::BAD_REQUEST, Problem::from_coded(&error))
    };
    let key = headers
        .get("idempotency-key")
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "IDEMPOTENCY_KEY_REQUIRED",
                "Header Idempotency-Key wajib diisi",
                "The Idempotency-Key header is required",
            )
        })?
        .to_str()
        .map_err(|_| invalid())?;
    let ok = (rules.idempotency_key_min_chars..=rules.idempotency_key_max_chars)
        .contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(key.to_owned())
    } else {
        Err(invalid())
    }
}

fn key_reused() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "IDEMPOTENCY_KEY_REUSED",
        "Kunci idempotensi ini sudah dipakai untuk isi laporan yang berbeda",
        "This idempotency key was already used with a different report body",
    )
}

/// The stored result of an earlier submission with this key: `Some(response)` when the body
/// is the same, 409 when it differs, `None` when the key is new.
async fn replay(state: &AppState, key: &str, hash: &str) -> Result<Option<Response>, ApiError> {
    let row =
        sqlx::query("SELECT body_hash, response_json FROM reports WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let stored_hash: String = row.try_get("body_hash")?;
    if stored_hash != hash {
        return Err(key_reused());
    }
    let response: String = row.try_get("response_json")?;
    Ok(Some(
        (
            StatusCode::CREATED,
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
                (
                    header::HeaderName::from_static("idempotent-replayed"),
                    HeaderValue::from_static("true"),
                ),
            ],
            response,
        )
            .into_response(),
    ))
}

/// The id of the report stored earlier under this key with the same body hash (409 when the
/// body differs); for channels that answer with the id only (Open311).
pub async fn existing_id(
    state: &AppState,
    key: &str,
    hash: &str,
) -> Result<Option<String>, ApiError> {
    let row = sqlx::query("SELECT id, body_hash FROM reports WHERE idempotency_key = $1")
        .bind(key)
        .fetch_optional(&state.db.pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let stored_hash: String = row.try_get("body_hash")?;
    if stored_hash != hash {
        return Err(key_reused());
    }
    Ok(Some(row.try_get("id")?))
}

/// What a submission needs besides the draft: the channel's idempotency key and body hash.
#[derive(Debug)]
pub struct Submission {
    /// Key.
    pub key: String,
    /// SHA-256 of the request body (same key + other body = 409).
    pub body_hash: String,
}

/// Validates and stores a draft through the core, or returns the earlier result for the key.
pub async fn submit_draft(
    state: &AppState,
    mut draft: ReportDraft,
    submission: Submission,
) -> Result<(ReportRow, Value), ApiError> {
    let catalog = Catalog::embedded();
    let at = now();
    match &draft.idempotency_key {
        Some(inner) if *inner != submission.key => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "IDEMPOTENCY_KEY_MISMATCH",
                "idempotency_key di isi laporan berbeda dengan header Idempotency-Key",
                "The draft's idempotency_key differs from the Idempotency-Key header",
            ));
        }
        Some(_) => {}
        None => draft.idempotency_key = Some(submission.key.clone()),
    }
    let valid = draft::validate(&draft, &ValidationContext { catalog, now: at })
        .map_err(ApiError::validation)?;
    // The NIK is kept only as a keyed HMAC (for joining) and masked (for display).
    let nik_hmac = draft
        .reporter
        .as_ref()
        .and_then(|r| r.nik.as_deref())
        .and_then(|nik| Nik::parse(nik.trim()).ok())
        .and_then(|nik| nik.pseudonym(&state.config.nik_key).ok());
    let contact = valid.contact.clone();
    let stored = ValidReport {
        contact: None,
        ..valid.clone()
    };
    let policy = catalog.sla_policy_for(&valid.category).ok_or_else(|| {
        eprintln!("category without SLA policy");
        ApiError::internal()
    })?;
    let context = LifecycleContext {
        calendar: WorkingCalendar::embedded_default(),
        policy,
        catalog: Some(catalog),
    };
    let submit = Event {
        kind: EventKind::Submit,
        actor: Actor::Reporter,
        at,
        note: None,
    };
    let record = ReportRecord::new()
        .apply(submit, &context)
        .map_err(|e| ApiError::from_problem(StatusCode::CONFLICT, Problem::from_coded(&e)))?;
    let agency = reports::current_agency(&stored, &record);
    let row = ReportRow {
        id: util::random_hex(8)?,
        // 128 bits from the OS generator: unguessable, so it can stand alone as the key.
        tracking_code: util::random_hex(16)?,
        report: stored,
        contact,
        record,
        agency,
        version: 1,
    };
    let response = json!({
        "id": row.id,
        "tracking_code": row.tracking_code,
        "state": reports::state_view(&row.record),
        "agency": row.agency_view(),
        "route": row.report.route,
        "sla": row.sla(at),
        "submitted_at": at,
    });
    let location = row.report.location;
    let inserted = sqlx::query(
        "INSERT INTO reports (id, tracking_code, idempotency_key, body_hash, category, kind,
           state, agency, confidential, anonymous, lat, lon, created_at, updated_at,
           report_json, contact_json, nik_hmac, record_json, response_json, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
           $18, $19, $20)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(row.id.as_str())
    .bind(row.tracking_code.as_str())
    .bind(submission.key.as_str())
    .bind(submission.body_hash.as_str())
    .bind(row.report.category.as_str())
    .bind(row.report.kind.as_str())
    .bind(row.record.state.as_str())
    .bind(row.agency.as_str())
    .bind(i64::from(row.report.confidential))
    .bind(i64::from(row.report.anonymous))
    .bind(location.map(|p| p.lat))
    .bind(location.map(|p| p.lon))
    .bind(at.unix_seconds())
    .bind(at.unix_seconds())
    .bind(serde_json::to_string(&row.report)?)
    .bind(
        row.contact
            .as_ref()
            .map(serde_json::to_string)
            .transpose()?,
    )
    .bind(nik_hmac)
    .bind(serde_json::to_string(&row.record)?)
    .bind(response.to_string())
    .bind(row.version)
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if inserted == 0 {
        // Another request with the same key won the race: answer as a replay would.
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "IDEMPOTENCY_KEY_IN_USE",
            "Laporan dengan kunci ini sedang/sudah diproses; kirim ulang untuk melihat hasilnya",
            "A report with this key is being or was processed; retry to get its result",
        ));
    }
    crate::webhooks::enqueue(state, &row, "submit").await;
    Ok((row, response))
}

/// Decodes the body of `POST /v1/reports` (the one decoding `submit` uses; the fuzz target
/// `server_requests` drives it with arbitrary bytes): a draft, or a refusal naming the problem
/// (line and column, never the value).
pub fn decode_report_draft(bytes: &[u8]) -> Result<ReportDraft, ApiError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ApiError::validation(vec![kotacerdas_core::complaint::FieldProblem {
            field: String::new(),
            problem: Problem::from_coded(&ReportError::Malformed { line: 1, column: 1 }),
        }])
    })?;
    match serde_json::from_str(text) {
        Ok(draft) if text.trim_start().starts_with('{') => Ok(draft),
        _ => {
            let context = ValidationContext {
                catalog: Catalog::embedded(),
                now: now(),
            };
            Err(match draft::validate_json(text, &context) {
                Err(problems) => ApiError::validation(problems),
                Ok(_) => ApiError::internal(),
            })
        }
    }
}

/// `POST /v1/reports` (header `Idempotency-Key` required).
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let bytes = read_body(body, MAX_JSON_BYTES).await?;
    let hash = util::sha256_hex(&bytes);
    if let Some(response) = replay(&state, &key, &hash).await? {
        return Ok(response);
    }
    let draft = decode_report_draft(&bytes)?;
    let submission = Submission {
        key: key.clone(),
        body_hash: hash.clone(),
    };
    match submit_draft(&state, draft, submission).await {
        Ok((_, response)) => Ok((StatusCode::CREATED, Json(response)).into_response()),
        Err(error) if error.problem.code == "IDEMPOTENCY_KEY_IN_USE" => {
            // The winner has committed by now: replay its result or refuse a different body.
            replay(&state, &key, &hash).await?.ok_or(error)
        }
        Err(error) => Err(error),
    }
}

/// Tracking codes are 32 lowercase hex digits; anything else is simply not found.
fn is_tracking_code(code: &str) -> bool {
    code.len() == 32 && code.bytes().all(|b| b.is_ascii_hexdigit())
}

async fn load_mine(state: &AppState, code: &str) -> Result<ReportRow, ApiError> {
    if !is_tracking_code(code) {
        return Err(ApiError::not_found());
    }
    reports::load(state, "tracking_code", code)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The attachments of a report (metadata only).
pub async fn attachment_list(state: &AppState, report_id: &str) -> Result<Value, ApiError> {
    let rows = sqlx::query(
        "SELECT id, media_type, size_bytes FROM attachments WHERE report_id = $1 ORDER BY created_at, id",
    )
    .bind(report_id)
    .fetch_all(&state.db.pool)
    .await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.try_get("id")?;
        let media_type: String = row.try_get("media_type")?;
        let size: i64 = row.try_get("size_bytes")?;
        list.push(json!({ "id": id, "media_type": media_type, "size_bytes": size }));
    }
    Ok(Value::Array(list))
}

/// The full report as its reporter sees it (no contact data is echoed).
async fn mine_view(state: &AppState, row: &ReportRow) -> Result<Value, ApiError> {
    let report = &row.report;
    Ok(json!({
        "id": row.id,
        "tracking_code": row.tracking_code,
        "kind": report.kind,
        "category": report.category,
        "title": report.title,
        "description": report.description,
        "location": report.location,
        "village_code": report.village_code,
        "landmark": report.landmark,
        "anonymous": report.anonymous,
        "confidential": report.confidential,
        "state": reports::state_view(&row.record),
        "agency": row.agency_view(),
        "history": reports::history_view(&row.record),
        "sla": row.sla(now()),
        "attachments": attachment_list(state, &row.id).await?,
        "created_at": report.created_at,
    }))
}

/// `GET /v1/reports/{tracking_code}`.
pub async fn read_mine(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let row = load_mine(&state, &code).await?;
    Ok(Json(mine_view(&state, &row).await?))
}

/// Splits `{"type": ..., "note": ...}` into the core's event kind and the note.
pub fn parse_event(bytes: &[u8]) -> Result<(EventKind, Option<String>), ApiError> {
    let mut value: Value = parse_json(bytes)?;
    let note = match value.as_object_mut().and_then(|o| o.remove("note")) {
        None | Some(Value::Null) => None,
        Some(Value::String(note)) => Some(note),
        Some(_) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "REQUEST_MALFORMED",
                "note harus berupa teks",
                "note must be a string",
            ));
        }
    };
    let kind: EventKind = serde_json::from_value(value).map_err(|e| ApiError::bad_json(&e))?;
    Ok((kind, note))
}

/// `POST /v1/reports/{tracking_code}/events`: confirm, dispute, reopen, provide_info (the
/// core refuses other events for the reporter with 403).
pub async fn reporter_event(
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    let row = load_mine(&state, &code).await?;
    let bytes = read_body(body, MAX_JSON_BYTES).await?;
    let (kind, note) = parse_event(&bytes)?;
    let event = Event {
        kind,
        actor: Actor::Reporter,
        at: now(),
        note,
    };
    let updated = reports::apply_event(&state, &row, event).await?;
    Ok(Json(mine_view(&state, &updated).await?))
}

/// The media type of an attachment upload: `Content-Type` without parameters, lowercase;
/// empty when missing or not text (then refused as a type not allowed).
pub fn attachment_media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

/// `POST /v1/reports/{tracking_code}/attachments`: the raw photo as the body, its media
/// type as `Content-Type`, and an `Idempotency-Key`. Type, size and count limits are the
/// core's report rules.
pub async fn upload_attachment(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let row = load_mine(&state, &code).await?;
    let key = idempotency_key(&headers)?;
    let rules = Catalog::embedded().report_rules();
    let media_type = attachment_media_type(&headers);
    if !rules.attachment_media_types.contains(&media_type) {
        let error = ReportError::AttachmentType {
            allowed: rules.attachment_media_types.join(", "),
        };
        return Err(ApiError::from_problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Problem::from_coded(&error),
        ));
    }
    let max = usize::try_from(rules.attachment_max_bytes).unwrap_or(usize::MAX);
    let bytes = read_body(body, max).await.map_err(|_| {
        ApiError::from_problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            Problem::from_coded(&ReportError::AttachmentSize {
                max_bytes: rules.attachment_max_bytes,
            }),
        )
    })?;
    if bytes.is_empty() {
        return Err(ApiError::from_problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::from_coded(&ReportError::AttachmentSize {
                max_bytes: rules.attachment_max_bytes,
            }),
        ));
    }
    // Replay: the same key for this report returns the stored attachment.
    let existing =
        sqlx::query("SELECT id, report_id, size_bytes FROM attachments WHERE idempotency_key = $1")
            .bind(key.as_str())
            .fetch_optional(&state.db.pool)
            .await?;
    if let Some(existing) = existing {
        let report_id: String = existing.try_get("report_id")?;
        let size: i64 = existing.try_get("size_bytes")?;
        if report_id != row.id || usize::try_from(size).ok() != Some(bytes.len()) {
            return Err(key_reused());
        }
        let id: String = existing.try_get("id")?;
        return Ok((
            StatusCode::CREATED,
            Json(json!({ "id": id, "media_type": media_type, "size_bytes": size })),
        )
            .into_response());
    }
    let count: i64 = sqlx::query("SELECT COUNT(*) FROM attachments WHERE report_id = $1")
        .bind(row.id.as_str())
        .fetch_one(&state.db.pool)
        .await?
        .try_get(0)?;
    if usize::try_from(count).unwrap_or(usize::MAX) >= rules.max_attachments {
        return Err(ApiError::from_problem(
            StatusCode::CONFLICT,
            Problem::from_coded(&ReportError::TooManyAttachments {
                max: rules.max_attachments,
            }),
        ));
    }
    let id = util::random_hex(8)?;
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO attachments (id, report_id, idempotency_key, media_type, size_bytes, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(id.as_str())
    .bind(row.id.as_str())
    .bind(key.as_str())
    .bind(media_type.as_str())
    .bind(size)
    .bind(bytes.to_vec())
    .bind(now_unix())
    .execute(&state.db.pool)
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "media_type": media_type, "size_bytes": size })),
    )
        .into_response())
}

/// Paging and filters of list endpoints.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Category code (exact).
    pub category: Option<String>,
    /// State code.
    pub state: Option<String>,
    /// At most this many (1..=200, default 50).
    pub limit: Option<i64>,
    /// Skip this many.
    pub offset: Option<i64>,
}

/// A public item: never confidential, never any reporter data.
pub fn public_view(row: &ReportRow) -> Value {
    let report = &row.report;
    json!({
        "id": row.id,
        "kind": report.kind,
        "category": report.category,
        "title": report.title,
        "description": report.description,
        "location": report.location,
        "village_code": report.village_code,
        "landmark": report.landmark,
        "state": reports::state_view(&row.record),
        "agency": row.agency_view(),
        "created_at": report.created_at,
    })
}

/// `GET /v1/public/reports`: non-confidential reports, newest first.
pub async fn public_list(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(query) = query?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let offset = query.offset.unwrap_or(0).max(0);
    let rows = sqlx::query(&format!(
        "SELECT {} FROM reports WHERE confidential = 0
           AND ($1 = '' OR category = $1) AND ($2 = '' OR state = $2)
         ORDER BY created_at DESC, id LIMIT $3 OFFSET $4",
        reports::COLUMNS
    ))
    .bind(query.category.unwrap_or_default())
    .bind(query.state.unwrap_or_default())
    .bind(limit)
    .bind(offset)
    .fetch_all(&state.db.pool)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(public_view(&ReportRow::from_row(row)?));
    }
    Ok(Json(json!({ "reports": items })))
}

/// Query of `GET /v1/duplicates`.
#[derive(Debug, Deserialize)]
pub struct DuplicatesQuery {
    /// Category code.
    pub category: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// `GET /v1/duplicates`: open, non-confidential reports of the category near the point
/// (the core's radius and count).
pub async fn duplicates(
    State(state): State<AppState>,
    query: Result<Query<DuplicatesQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(query) = query?;
    let catalog = Catalog::embedded();
    let point = GeoPoint {
        lat: query.lat,
        lon: query.lon,
    };
    if !point.is_valid() {
        return Ok(Json(json!({ "suggestions": [] })));
    }
    // A bounding box around the radius narrows the rows; the core measures exactly.
    let radius = catalog.report_rules().duplicate_radius_m;
    let dlat = radius / 111_000.0 * 1.5;
    let dlon = dlat / query.lat.to_radians().cos().abs().max(0.01);
    let rows = sqlx::query(
        "SELECT id, state, lat, lon FROM reports WHERE category = $1 AND confidential = 0
           AND lat BETWEEN $2 AND $3 AND lon BETWEEN $4 AND $5 LIMIT 1000",
    )
    .bind(query.category.as_str())
    .bind(query.lat - dlat)
    .bind(query.lat + dlat)
    .bind(query.lon - dlon)
    .bind(query.lon + dlon)
    .fetch_all(&state.db.pool)
    .await?;
    let mut existing = Vec::with_capacity(rows.len());
    for row in rows {
        let state_tag: String = row.try_get("state")?;
        let state: LifeState = serde_json::from_value(Value::String(state_tag))?;
        existing.push(ExistingReport {
            id: row.try_get("id")?,
            category: query.category.clone(),
            state,
            location: Some(GeoPoint {
                lat: row.try_get("lat")?,
                lon: row.try_get("lon")?,
            }),
        });
    }
    let suggestions = duplicates::suggest(catalog, &query.category, point, &existing);
    Ok(Json(json!({ "suggestions": suggestions })))
}

/// `POST /v1/tax/calculate`: `{kind, region, input}` through the core's JSON API, with the
/// server's built-in rule sets.
pub async fn tax_calculate(body: Body) -> Result<Json<Value>, ApiError> {
    let bytes = read_body(body, MAX_JSON_BYTES).await?;
    calculate_tax(&bytes).map(Json)
}

/// The body of `POST /v1/tax/calculate` decoded and calculated with the built-in rule sets
/// (a `rule_set` in the body is ignored): the handler's whole work, also fuzzed.
pub fn calculate_tax(bytes: &[u8]) -> Result<Value, ApiError> {
    let mut input: Value = parse_json(bytes)?;
    if let Some(object) = input.as_object_mut() {
        object.remove("rule_set");
    }
    kotacerdas_core::json_api::call("tax.calculate", &input)
        .map_err(|problem| ApiError::from_problem(StatusCode::UNPROCESSABLE_ENTITY, problem))
}
