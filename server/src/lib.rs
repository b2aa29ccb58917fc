//! `kotacerdas-server`: the reference API server for public complaints. Every rule comes
//! from `kotacerdas-core` (validation, routing, lifecycle, SLA, duplicates, Open311); this
//! crate only stores, authenticates and speaks HTTP.
//!
//! Storage is SQLite by default (a file, WAL mode, migrated on start) or PostgreSQL when the
//! database URL starts with `postgres://`; see `docs/server.md`.

// ApiError (status + Problem + field problems) is returned on the cold path of a request;
// boxing it would only add an allocation to every refusal.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod auth;
pub mod db;
pub mod demo;
pub mod error;
pub mod officer;
pub mod open311;
pub mod openapi;
pub mod reports;
pub mod util;
pub mod webhooks;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant as StdInstant;

use axum::Router;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::db::Db;
use crate::error::ApiError;

/// Largest JSON body (a report draft is a few KiB).
pub const MAX_JSON_BYTES: usize = 64 * 1024;

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Database URL: `sqlite://file?mode=rwc` or `postgres://...`.
    pub database_url: String,
    /// Key for NIK pseudonyms (HMAC), at least 16 bytes.
    pub nik_key: Vec<u8>,
    /// Requests per minute per client address on citizen write endpoints (0 = no limit).
    pub rate_limit_per_minute: u32,
    /// Pool size.
    pub max_connections: u32,
}

/// Shared by every handler.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Storage.
    pub db: Db,
    /// Settings.
    pub config: Arc<Config>,
    /// Rule pack bytes and their ETag, built once.
    pub rule_pack: Arc<(String, String)>,
    limiter: Arc<Mutex<HashMap<IpAddr, (StdInstant, f64)>>>,
    /// Wakes the webhook sender after a status change.
    pub webhook_wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Opens the database and prepares the rule pack.
    pub async fn new(config: Config) -> Result<AppState, sqlx::Error> {
        let db = Db::open(&config.database_url, config.max_connections).await?;
        Ok(AppState {
            db,
            config: Arc::new(config),
            rule_pack: Arc::new(api::build_rule_pack()),
            limiter: Arc::new(Mutex::new(HashMap::new())),
            webhook_wake: Arc::new(tokio::sync::Notify::new()),
        })
    }
}

/// Every route: citizen `/v1/...`, officer `/v1/officer/...`, admin `/v1/admin/...`, Open311
/// `/open311/v2/...` and `/openapi.json`. [`openapi::ROUTES`] lists the same paths; a test
/// keeps them equal.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route("/v1/health", get(api::health))
        .route("/v1/rules", get(api::rules))
        .route("/v1/reports", post(api::submit))
        .route("/v1/reports/{tracking_code}", get(api::read_mine))
        .route(
            "/v1/reports/{tracking_code}/events",
            post(api::reporter_event),
        )
        .route(
            "/v1/reports/{tracking_code}/attachments",
            post(api::upload_attachment),
        )
        .route("/v1/public/reports", get(api::public_list))
        .route("/v1/duplicates", get(api::duplicates))
        .route("/v1/tax/calculate", post(api::tax_calculate))
        .route("/v1/officer/me", get(officer::me))
        .route("/v1/officer/queue", get(officer::queue))
        .route("/v1/officer/reports/{id}", get(officer::read))
        .route("/v1/officer/reports/{id}/events", post(officer::event))
        .route(
            "/v1/officer/attachments/{id}",
            get(officer::read_attachment),
        )
        .route(
            "/v1/admin/webhooks",
            get(webhooks::list).post(webhooks::create),
        )
        .route("/open311/v2/services.json", get(open311::services))
        .route(
            "/open311/v2/services/{code}",
            get(open311::service_definition),
        )
        .route(
            "/open311/v2/requests.json",
            get(open311::list_requests).post(open311::post_request),
        )
        .route("/open311/v2/requests/{id}", get(open311::get_request))
        .fallback(|| async { ApiError::not_found() })
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(access_log))
        .with_state(state)
}

/// Extractor rejections of axum (a path that is not UTF-8, a bad query) are plain text; every
/// error the API returns is JSON with a stable code, so they are rewritten here.
async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let mut error = ApiError::new(
            status,
            "REQUEST_MALFORMED",
            "Permintaan tidak sesuai",
            "The request is not as expected",
        );
        if status.is_server_error() {
            error = ApiError::internal();
        }
        return error.into_response();
    }
    response
}

/// One line per request: method, route template (never the raw path: tracking codes are
/// secrets), status, milliseconds. No query strings, headers or bodies: no personal data.
async fn access_log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(unmatched)".to_owned(), |p| p.as_str().to_owned());
    let started = StdInstant::now();
    let response = next.run(request).await;
    if log_enabled() {
        eprintln!(
            "{method} {route} {} {}ms",
            response.status().as_u16(),
            started.elapsed().as_millis()
        );
    }
    response
}

fn log_enabled() -> bool {
    static QUIET: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    !*QUIET.get_or_init(|| std::env::var_os("KOTACERDAS_QUIET").is_some())
}

/// A token bucket per client address (burst and refill of `limit` per minute) on citizen writes (submit, attachments,
/// reporter events, Open311 POST): enough against a flood from one address, per instance.
async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = state.config.rate_limit_per_minute;
    let limited = request.method() == axum::http::Method::POST
        && !request.uri().path().starts_with("/v1/officer/")
        && !request.uri().path().starts_with("/v1/admin/");
    let connect = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    if limit > 0
        && limited
        && let Some(address) = connect
    {
        let now = StdInstant::now();
        let capacity = f64::from(limit);
        let allowed = match state.limiter.lock() {
            Ok(mut table) => {
                if table.len() > 100_000 {
                    table.retain(|_, (last, _)| now.duration_since(*last).as_secs() < 60);
                }
                let entry = table.entry(address.ip()).or_insert((now, capacity));
                // Refill at `limit` per minute, up to `limit`.
                let refill = now.duration_since(entry.0).as_secs_f64() * capacity / 60.0;
                entry.1 = (entry.1 + refill).min(capacity);
                entry.0 = now;
                if entry.1 >= 1.0 {
                    entry.1 -= 1.0;
                    true
                } else {
                    false
                }
            }
            // A poisoned lock only means another request panicked; do not block everyone.
            Err(_) => true,
        };
        if !allowed {
            let mut response = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Terlalu banyak permintaan; coba lagi dalam satu menit",
                "Too many requests; try again in a minute",
            )
            .into_response();
            response
                .headers_mut()
                .insert("retry-after", axum::http::HeaderValue::from_static("60"));
            return response;
        }
    }
    next.run(request).await
}

/// Serves until Ctrl-C, with the webhook sender in the background.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_with_demo(state, listener, None).await
}

/// [`serve`], plus the web demo's static files from `demo_dir` at `/` (see [`demo`]).
pub async fn serve_with_demo(
    state: AppState,
    listener: tokio::net::TcpListener,
    demo_dir: Option<std::path::PathBuf>,
) -> std::io::Result<()> {
    tokio::spawn(webhooks::sender(state.clone()));
    let mut app = router(state);
    if let Some(dir) = demo_dir {
        // Its 405s (a POST to a path only the demo's GET route matches) in JSON too.
        app = app.merge(demo::router(dir).layer(middleware::from_fn(json_errors)));
    }
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
