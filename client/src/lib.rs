//! `kotacerdas-client`: a typed client for the kotacerdas reference API and an offline
//! outbox that delivers each report exactly once.
//!
//! - [`Client`]: one method per endpoint, timeouts, retries with backoff for idempotent
//!   requests only (GETs, and POSTs that carry an `Idempotency-Key`), errors with stable codes
//!   ([`ClientError::code`]).
//! - [`outbox::Outbox`]: drafts are persisted (with their idempotency key and the exact body
//!   bytes) before any network call; [`outbox::Outbox::sync`] sends them in order and records
//!   each result. Storage is the [`outbox::OutboxStore`] trait: SQLite on native
//!   ([`outbox::SqliteStore`]); an IndexedDB store for wasm belongs to the npm package.
//!
//! ```no_run
//! # async fn demo() -> Result<(), kotacerdas_client::ClientError> {
//! use kotacerdas_client::Client;
//! let client = Client::new("http://127.0.0.1:8080")?;
//! let rules = client.rules(None).await?;
//! # Ok(()) }
//! ```

pub mod outbox;
mod problem;
mod types;

use std::time::Duration;

use kotacerdas_core::Problem;
use kotacerdas_core::complaint::{FieldProblem, ReportDraft};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use types::*;

/// Why a call failed. [`ClientError::code`] is stable across versions and channels.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ClientError {
    /// No connection, DNS failure, connection reset, or timeout: worth retrying later.
    #[error("network: {message}")]
    Network {
        /// What happened (no request data).
        message: String,
        /// True for a timeout.
        timeout: bool,
    },
    /// Missing, wrong or insufficient token (401/403).
    #[error("auth: {}", problem.code)]
    Auth {
        /// HTTP status.
        status: u16,
        /// The server's problem.
        problem: Problem,
    },
    /// The server refused the request (4xx) or failed (5xx), with its stable code and, for
    /// report validation, the core's field problems.
    #[error("server {status}: {}", problem.code)]
    Server {
        /// HTTP status.
        status: u16,
        /// The server's problem.
        problem: Problem,
        /// Field problems (validation).
        problems: Vec<FieldProblem>,
    },
    /// The response was not what the API promises.
    #[error("unexpected response: {message}")]
    Decode {
        /// What did not fit.
        message: String,
    },
    /// A local storage error (outbox).
    #[error("storage: {message}")]
    Storage {
        /// What failed.
        message: String,
    },
}

impl ClientError {
    /// The stable code: `NETWORK`, `TIMEOUT`, `DECODE`, `STORAGE`, or the server's code
    /// (e.g. `REPORT_INVALID`, `AUTH_REQUIRED`, `IDEMPOTENCY_KEY_REUSED`).
    pub fn code(&self) -> &str {
        match self {
            ClientError::Network { timeout: true, .. } => "TIMEOUT",
            ClientError::Network { .. } => "NETWORK",
            ClientError::Auth { problem, .. } | ClientError::Server { problem, .. } => {
                &problem.code
            }
            ClientError::Decode { .. } => "DECODE",
            ClientError::Storage { .. } => "STORAGE",
        }
    }

    /// Whether the same request may succeed later (network, 5xx, 429, or a concurrent
    /// request with the same key still in progress).
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Network { .. } => true,
            ClientError::Server {
                status, problem, ..
            } => *status >= 500 || *status == 429 || problem.code == "IDEMPOTENCY_KEY_IN_USE",
            _ => false,
        }
    }
}

/// How often and how long to retry idempotent requests.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in all (1 = no retry).
    pub attempts: u32,
    /// First wait; doubled each time.
    pub initial_backoff: Duration,
    /// Longest wait.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
        }
    }
}

/// The API client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
    retry: RetryPolicy,
    // Per request on wasm (fetch + AbortController); native sets it on the client.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    timeout: Duration,
}

#[cfg(not(target_arch = "wasm32"))]
async fn sleep(duration: Duration) {
    tokio::time::sleep(duration).await;
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // The global timer of browsers, workers and Node.js.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, milliseconds: i32);
}

/// wasm: a Promise resolved by `setTimeout`, so that backoff waits there too.
#[cfg(target_arch = "wasm32")]
async fn sleep(duration: Duration) {
    let milliseconds = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| set_timeout(&resolve, milliseconds));
    // The Promise only resolves.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Client {
    /// A client for `base_url` (e.g. `http://127.0.0.1:8080`), 30 s timeout per request.
    pub fn new(base_url: &str) -> Result<Client, ClientError> {
        Client::with_timeout(base_url, Duration::from_secs(30))
    }

    /// A client with its own per-request timeout.
    pub fn with_timeout(base_url: &str, timeout: Duration) -> Result<Client, ClientError> {
        #[cfg(not(target_arch = "wasm32"))]
        let builder = {
            // One TLS provider for the process (ring); an error means one is installed.
            let _ = rustls::crypto::ring::default_provider().install_default();
            reqwest::Client::builder()
                .timeout(timeout)
                .connect_timeout(timeout.min(Duration::from_secs(10)))
        };
        #[cfg(target_arch = "wasm32")]
        let builder = reqwest::Client::builder();
        let http = builder.build().map_err(|e| ClientError::Network {
            message: format!("cannot build HTTP client: {e}"),
            timeout: false,
        })?;
        Ok(Client {
            http,
            base: base_url.trim_end_matches('/').to_owned(),
            token: None,
            retry: RetryPolicy::default(),
            timeout,
        })
    }

    /// The same client acting with an officer token.
    pub fn with_token(&self, token: &str) -> Client {
        Client {
            token: Some(token.to_owned()),
            ..self.clone()
        }
    }

    /// The same client with another retry policy.
    pub fn with_retry(&self, retry: RetryPolicy) -> Client {
        Client {
            retry,
            ..self.clone()
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// One attempt; the body is raw bytes so that a retry sends exactly the same thing.
    async fn send_once(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, &[u8])>,
    ) -> Result<reqwest::Response, ClientError> {
        let mut request = self.http.request(method, self.url(path));
        #[cfg(target_arch = "wasm32")]
        {
            request = request.timeout(self.timeout);
        }
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some((content_type, bytes)) = body {
            request = request
                .header("content-type", content_type)
                .body(bytes.to_vec());
        }
        let response = request.send().await.map_err(network)?;
        if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
            return Ok(response);
        }
        Err(error_from(response).await)
    }

    /// Sends with retries when `idempotent`, else once.
    async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, &[u8])>,
        idempotent: bool,
    ) -> Result<reqwest::Response, ClientError> {
        let attempts = if idempotent {
            self.retry.attempts.max(1)
        } else {
            1
        };
        let mut backoff = self.retry.initial_backoff;
        let mut attempt = 1;
        loop {
            match self.send_once(method.clone(), path, headers, body).await {
                Err(error) if error.is_transient() && attempt < attempts => {
                    sleep(backoff).await;
                    backoff = (backoff * 2).min(self.retry.max_backoff);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        let response = self.send(Method::GET, path, &[], None, true).await?;
        decode(response).await
    }

    async fn post_json<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
        idempotent: bool,
    ) -> Result<T, ClientError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ClientError::Decode {
            message: e.to_string(),
        })?;
        let response = self
            .send(
                Method::POST,
                path,
                &[],
                Some(("application/json", &bytes)),
                idempotent,
            )
            .await?;
        decode(response).await
    }

    /// `GET /v1/rules`; with the ETag of the pack you have, `RulePack::NotModified` when it
    /// is still current.
    pub async fn rules(&self, etag: Option<&str>) -> Result<RulePack, ClientError> {
        let headers: Vec<(&str, &str)> = etag.map(|e| ("if-none-match", e)).into_iter().collect();
        let response = self
            .send(Method::GET, "/v1/rules", &headers, None, true)
            .await?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(RulePack::NotModified);
        }
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let pack: Value = decode(response).await?;
        Ok(RulePack::Current { etag, pack })
    }

    /// Submits a draft with its idempotency key (retried safely).
    pub async fn submit_report(
        &self,
        draft: &ReportDraft,
        idempotency_key: &str,
    ) -> Result<Submitted, ClientError> {
        let body = serde_json::to_vec(draft).map_err(|e| ClientError::Decode {
            message: e.to_string(),
        })?;
        self.submit_raw(&body, idempotency_key).await
    }

    /// Submits exact body bytes (the outbox keeps them so that a resend is byte-identical).
    pub async fn submit_raw(
        &self,
        body: &[u8],
        idempotency_key: &str,
    ) -> Result<Submitted, ClientError> {
        let response = self
            .send(
                Method::POST,
                "/v1/reports",
                &[("idempotency-key", idempotency_key)],
                Some(("application/json", body)),
                true,
            )
            .await?;
        decode(response).await
    }

    /// `GET /v1/reports/{tracking_code}`.
    pub async fn my_report(&self, tracking_code: &str) -> Result<MyReport, ClientError> {
        self.get_json(&format!("/v1/reports/{}", segment(tracking_code)))
            .await
    }

    /// A reporter event (`confirm`, `dispute`, `reopen`, `provide_info`); not retried.
    pub async fn reporter_event(
        &self,
        tracking_code: &str,
        event: &str,
        note: Option<&str>,
    ) -> Result<MyReport, ClientError> {
        let body = serde_json::json!({ "type": event, "note": note });
        self.post_json(
            &format!("/v1/reports/{}/events", segment(tracking_code)),
            &body,
            false,
        )
        .await
    }

    /// Uploads a photo (retried safely with its key).
    pub async fn upload_attachment(
        &self,
        tracking_code: &str,
        media_type: &str,
        bytes: &[u8],
        idempotency_key: &str,
    ) -> Result<Attachment, ClientError> {
        let response = self
            .send(
                Method::POST,
                &format!("/v1/reports/{}/attachments", segment(tracking_code)),
                &[("idempotency-key", idempotency_key)],
                Some((media_type, bytes)),
                true,
            )
            .await?;
        decode(response).await
    }

    /// `GET /v1/public/reports`.
    pub async fn public_reports(
        &self,
        category: Option<&str>,
        limit: u32,
    ) -> Result<Vec<PublicReport>, ClientError> {
        let mut path = format!("/v1/public/reports?limit={limit}");
        if let Some(category) = category {
            path.push_str(&format!("&category={}", segment(category)));
        }
        let list: ReportList<PublicReport> = self.get_json(&path).await?;
        Ok(list.reports)
    }

    /// `GET /v1/duplicates`.
    pub async fn duplicates(
        &self,
        category: &str,
        lat: f64,
        lon: f64,
    ) -> Result<Vec<DuplicateSuggestion>, ClientError> {
        let list: Suggestions = self
            .get_json(&format!(
                "/v1/duplicates?category={}&lat={lat}&lon={lon}",
                segment(category)
            ))
            .await?;
        Ok(list.suggestions)
    }

    /// `POST /v1/tax/calculate` (a pure calculation: retried).
    pub async fn tax_calculate(
        &self,
        kind: &str,
        region: &str,
        input: &Value,
    ) -> Result<Value, ClientError> {
        let body = serde_json::json!({ "kind": kind, "region": region, "input": input });
        self.post_json("/v1/tax/calculate", &body, true).await
    }

    /// `GET /v1/officer/me` (token required).
    pub async fn officer_me(&self) -> Result<OfficerInfo, ClientError> {
        self.get_json("/v1/officer/me").await
    }

    /// `GET /v1/officer/queue`.
    pub async fn officer_queue(&self, state: Option<&str>) -> Result<Vec<QueueItem>, ClientError> {
        let path = match state {
            Some(state) => format!("/v1/officer/queue?limit=200&state={}", segment(state)),
            None => "/v1/officer/queue?limit=200".to_owned(),
        };
        let list: ReportList<QueueItem> = self.get_json(&path).await?;
        Ok(list.reports)
    }

    /// `GET /v1/officer/reports/{id}`.
    pub async fn officer_report(&self, id: &str) -> Result<OfficerReport, ClientError> {
        self.get_json(&format!("/v1/officer/reports/{}", segment(id)))
            .await
    }

    /// A lifecycle event as an officer, e.g. `{"type": "assign", "opd": "DPUPR"}`; not
    /// retried (an event is not idempotent).
    pub async fn officer_event(
        &self,
        id: &str,
        event: &Value,
    ) -> Result<OfficerReport, ClientError> {
        self.post_json(
            &format!("/v1/officer/reports/{}/events", segment(id)),
            event,
            false,
        )
        .await
    }

    /// `POST /v1/admin/webhooks` (admin token).
    pub async fn create_webhook(&self, url: &str) -> Result<Webhook, ClientError> {
        self.post_json(
            "/v1/admin/webhooks",
            &serde_json::json!({ "url": url }),
            false,
        )
        .await
    }
}

/// Percent-encodes a path or query segment.
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn network(error: reqwest::Error) -> ClientError {
    let timeout = error.is_timeout();
    ClientError::Network {
        // Without the URL: it may hold a tracking code.
        message: error.without_url().to_string(),
        timeout,
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ClientError> {
    let bytes = response.bytes().await.map_err(network)?;
    serde_json::from_slice(&bytes).map_err(|e| ClientError::Decode {
        message: e.to_string(),
    })
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    error: Problem,
    #[serde(default)]
    problems: Vec<FieldProblem>,
}

async fn error_from(response: reqwest::Response) -> ClientError {
    let status = response.status().as_u16();
    let bytes = match response.bytes().await {
        Ok(bytes) => bytes,
        Err(error) => return network(error),
    };
    let Ok(body) = serde_json::from_slice::<ErrorBody>(&bytes) else {
        return ClientError::Decode {
            message: format!("HTTP {status} without a JSON error"),
        };
    };
    if status == 401 || status == 403 && body.error.code.starts_with("AUTH_") {
        return ClientError::Auth {
            status,
            problem: body.error,
        };
    }
    ClientError::Server {
        status,
        problem: body.error,
        problems: body.problems,
    }
}
