//! Open311 GeoReport v2 (JSON) at `/open311/v2/`, mapped by the core's `complaint::open311`.
//! `POST requests` needs an `api_key` (any officer token); confidential reports never appear
//! in `GET requests`. Errors are `[{code, description}]` as the standard says.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kotacerdas_core::Lang;
use kotacerdas_core::complaint::Catalog;
use kotacerdas_core::complaint::open311::{self, PostServiceRequest};
use kotacerdas_core::complaint::sla::DeadlineKind;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::api::{Submission, existing_id, submit_draft};
use crate::auth::authenticate;
use crate::error::ApiError;
use crate::reports::{self, ReportRow};
use crate::util::{self, now, read_body};

fn errors(status: StatusCode, description: &str) -> Response {
    (
        status,
        Json(json!([{ "code": status.as_u16(), "description": description }])),
    )
        .into_response()
}

fn from_api(error: ApiError) -> Response {
    if !error.problems.is_empty() {
        let list = open311::errors_from_problems(&error.problems, Lang::En);
        return (StatusCode::BAD_REQUEST, Json(list)).into_response();
    }
    let status = match error.status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => StatusCode::FORBIDDEN,
        StatusCode::NOT_FOUND => StatusCode::NOT_FOUND,
        s if s.is_server_error() => s,
        _ => StatusCode::BAD_REQUEST,
    };
    errors(
        status,
        &format!("{}: {}", error.problem.code, error.problem.message_en),
    )
}

fn lang(tag: Option<&str>) -> Lang {
    tag.and_then(Lang::from_tag).unwrap_or(Lang::Id)
}

/// `?lang=id|en`.
#[derive(Debug, Deserialize)]
pub struct LangQuery {
    /// Language of names.
    pub lang: Option<String>,
}

/// `GET /open311/v2/services.json`.
pub async fn services(Query(query): Query<LangQuery>) -> Json<Value> {
    let list = open311::services(Catalog::embedded(), lang(query.lang.as_deref()));
    Json(serde_json::to_value(list).unwrap_or(Value::Null))
}

/// `GET /open311/v2/services/{code}.json`.
pub async fn service_definition(
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let code = code.strip_suffix(".json").unwrap_or(&code);
    match open311::service_definition(Catalog::embedded(), code, lang(query.lang.as_deref())) {
        Some(definition) => Json(definition).into_response(),
        None => errors(StatusCode::NOT_FOUND, "service_code not found"),
    }
}

fn service_request(row: &ReportRow, language: Lang) -> Value {
    let expected = row
        .sla(now())
        .and_then(|s| s.deadline(DeadlineKind::Resolution).map(|d| d.due));
    let request = open311::to_service_request(
        Catalog::embedded(),
        &row.id,
        &row.report,
        &row.record,
        expected,
        language,
    );
    serde_json::to_value(request).unwrap_or(Value::Null)
}

/// Filters of `GET requests`.
#[derive(Debug, Deserialize)]
pub struct RequestsQuery {
    /// Comma-separated service codes.
    pub service_code: Option<String>,
    /// `open` or `closed`.
    pub status: Option<String>,
    /// Language.
    pub lang: Option<String>,
}

/// `GET /open311/v2/requests.json`: non-confidential reports, newest first (at most 200).
pub async fn list_requests(
    State(state): State<AppState>,
    Query(query): Query<RequestsQuery>,
) -> Response {
    let language = lang(query.lang.as_deref());
    let rows = sqlx::query(&format!(
        "SELECT {} FROM reports WHERE confidential = 0 ORDER BY created_at DESC, id LIMIT 1000",
        reports::COLUMNS
    ))
    .fetch_all(&state.db.pool)
    .await;
    let rows = match rows {
        Ok(rows) => rows,
        Err(error) => return from_api(error.into()),
    };
    let codes: Option<Vec<&str>> = query
        .service_code
        .as_deref()
        .map(|c| c.split(',').collect());
    let mut list = Vec::new();
    for row in &rows {
        let Ok(row) = ReportRow::from_row(row) else {
            continue;
        };
        if codes
            .as_ref()
            .is_some_and(|c| !c.contains(&row.report.category.as_str()))
        {
            continue;
        }
        if query
            .status
            .as_deref()
            .is_some_and(|s| s != row.record.state.open311_status())
        {
            continue;
        }
        list.push(service_request(&row, language));
        if list.len() >= 200 {
            break;
        }
    }
    Json(Value::Array(list)).into_response()
}

/// `GET /open311/v2/requests/{id}.json`.
pub async fn get_request(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let id = id.strip_suffix(".json").unwrap_or(&id);
    if id.len() > 64 {
        return errors(StatusCode::NOT_FOUND, "service_request_id not found");
    }
    match reports::load(&state, "id", id).await {
        Ok(Some(row)) if !row.report.confidential => {
            Json(json!([service_request(&row, lang(query.lang.as_deref()))])).into_response()
        }
        Ok(_) => errors(StatusCode::NOT_FOUND, "service_request_id not found"),
        Err(error) => from_api(error),
    }
}

/// `POST /open311/v2/requests.json` (form-encoded, `attribute[code]=value`).
pub async fn post_request(State(state): State<AppState>, body: Body) -> Response {
    let bytes = match read_body(body, crate::MAX_JSON_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => return from_api(error),
    };
    let Some(mut form) = decode_form(&bytes) else {
        return errors(
            StatusCode::BAD_REQUEST,
            "body must be application/x-www-form-urlencoded",
        );
    };
    let Some(api_key) = form.fields.remove("api_key") else {
        return errors(StatusCode::FORBIDDEN, "api_key is required");
    };
    if authenticate(&state, &api_key).await.is_err() {
        return errors(StatusCode::FORBIDDEN, "api_key is not valid");
    }
    let Some((request, key, body_hash)) = decode_service_request(form) else {
        return errors(StatusCode::BAD_REQUEST, "service_code is required");
    };
    let created = |id: String| {
        (
            StatusCode::CREATED,
            Json(json!([{ "service_request_id": id, "service_notice": "diterima" }])),
        )
            .into_response()
    };
    // A resubmitted form (same key, same fields) answers with the report stored first.
    match existing_id(&state, &key, &body_hash).await {
        Ok(Some(id)) => return created(id),
        Ok(None) => {}
        Err(error) => return from_api(error),
    }
    let mut draft = open311::draft_from_request(&request, now());
    draft.idempotency_key = Some(key.clone());
    let submission_hash = body_hash.clone();
    let submission = Submission {
        key: key.clone(),
        body_hash,
    };
    match submit_draft(&state, draft, submission).await {
        Ok((row, _)) => created(row.id),
        Err(error) if error.problem.code == "IDEMPOTENCY_KEY_IN_USE" => {
            match existing_id(&state, &key, &submission_hash).await {
                Ok(Some(id)) => created(id),
                Ok(None) => from_api(error),
                Err(error) => from_api(error),
            }
        }
        Err(error) => from_api(error),
    }
}

/// A decoded `POST requests.json` form: plain fields and `attribute[code]` values.
#[derive(Debug, Default)]
pub struct ServiceRequestForm {
    /// Plain fields by name (`api_key`, `service_code`, `lat`, ...).
    pub fields: BTreeMap<String, String>,
    /// `attribute[code]=value` pairs by code.
    pub attributes: BTreeMap<String, String>,
}

/// Decodes a form body (`None` when it is not `application/x-www-form-urlencoded` text):
/// the decoding `post_request` uses, also driven by the fuzz target `server_requests`.
pub fn decode_form(bytes: &[u8]) -> Option<ServiceRequestForm> {
    let mut form = ServiceRequestForm::default();
    for (name, value) in form_pairs(bytes)? {
        match name
            .strip_prefix("attribute[")
            .and_then(|n| n.strip_suffix(']'))
        {
            Some(code) => {
                form.attributes.insert(code.to_owned(), value);
            }
            None => {
                form.fields.insert(name, value);
            }
        }
    }
    Some(form)
}

/// The form (without `api_key`) as the core's service request, with its idempotency key and
/// body hash; `None` without a `service_code`.
pub fn decode_service_request(
    form: ServiceRequestForm,
) -> Option<(PostServiceRequest, String, String)> {
    let ServiceRequestForm { fields, attributes } = form;
    let service_code = fields.get("service_code").cloned()?;
    let number = |name: &str| fields.get(name).and_then(|v| v.trim().parse::<f64>().ok());
    let text = |name: &str| fields.get(name).cloned();
    // The key: the client's attribute, else one derived from the whole form so that an
    // identical resubmission is not a second report.
    let canonical = serde_json::to_string(&(&fields, &attributes)).unwrap_or_default();
    let body_hash = util::sha256_hex(canonical.as_bytes());
    let key = attributes
        .get("idempotency_key")
        .cloned()
        .unwrap_or_else(|| format!("open311-{}", &body_hash[..40]));
    let request = PostServiceRequest {
        service_code,
        lat: number("lat"),
        long: number("long"),
        accuracy_m: number("accuracy_m"),
        address_string: text("address_string"),
        email: text("email"),
        phone: text("phone"),
        first_name: text("first_name"),
        last_name: text("last_name"),
        description: text("description"),
        attributes,
    };
    Some((request, key, body_hash))
}

/// Parses a form body into pairs (no extra dependency: axum's form decoding is typed).
fn form_pairs(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut pairs = Vec::new();
    for part in text.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((percent_decode(name)?, percent_decode(value)?));
    }
    Some(pairs)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}
