//! The API client and the offline outbox of `kotacerdas-client`, as async APIs: Kotlin
//! `suspend` functions, Swift `async`, Python coroutines. Each call runs on a tokio runtime
//! that uniffi starts in the library (`async_runtime = "tokio"`), so the caller's thread is
//! never blocked by the network; the outbox's SQLite work runs inline on that runtime.
//!
//! Only translation: the records mirror the client's response types, the errors become one
//! `ClientError` (`ClientException` in Kotlin) carrying the client's stable code. Persisting
//! before any network call, keys, order and exactly-once delivery are the client crate's.

// uniffi lowers the error by value across the FFI (a Box cannot cross); it is built once per
// failed network call, next to which its size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use kotacerdas_client::outbox::{self, Outbox, SqliteStore};
use kotacerdas_client::{self as kc, RetryPolicy};
use kotacerdas_core::Problem;
use kotacerdas_core::complaint::ReportDraft;
use kotacerdas_core::complaint::draft::ReportError;

use crate::complaint::FieldProblem;
use crate::errors::problem;

/// Declares the client error enum: every variant carries the stable code, the HTTP status
/// (0 when no answer came), structured fields, both messages and the field problems.
macro_rules! client_error {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[error("{code}: {message_id}")]
                $variant {
                    /// Stable machine code (`NETWORK`, `REPORT_INVALID`, `AUTH_REQUIRED`, ...).
                    code: String,
                    /// HTTP status of the server's answer; 0 when there was none.
                    status: u16,
                    /// Structured fields (never request data).
                    fields: HashMap<String, String>,
                    /// Message in Indonesian.
                    message_id: String,
                    /// Message in English.
                    message_en: String,
                    /// The core's field problems of a refused report draft; empty otherwise.
                    problems: Vec<FieldProblem>,
                },
            )+
        }

        impl $name {
            $(
                #[allow(non_snake_case)]
                fn $variant(problem: Problem, status: u16, problems: Vec<FieldProblem>) -> $name {
                    $name::$variant {
                        code: problem.code,
                        status,
                        fields: problem.fields.into_iter().collect(),
                        message_id: problem.message_id,
                        message_en: problem.message_en,
                        problems,
                    }
                }
            )+

            /// The stable code, whatever the variant.
            pub fn code(&self) -> &str {
                match self {
                    $($name::$variant { code, .. } => code,)+
                }
            }
        }
    };
}

client_error! {
    /// Why a client or outbox call failed. Variants say what the app does next.
    ClientError {
        /// No answer (`NETWORK`, `TIMEOUT`): try again later; outbox items stay pending.
        Network,
        /// Missing, wrong or insufficient officer token (401/403, `AUTH_*`): sign in again.
        Auth,
        /// The server refused (4xx) or failed (5xx) with its code; a refused report draft
        /// (`REPORT_INVALID`) carries the core's field problems in `problems`.
        Server,
        /// The answer did not fit the API (`DECODE`): a server/app version mismatch.
        Decode,
        /// The outbox file could not be read or written (`STORAGE`).
        Storage,
        /// An argument of the app is malformed: a draft or event that is not a JSON object
        /// (`COMPLAINT_DRAFT_MALFORMED`, `CLIENT_EVENT_MALFORMED`).
        InvalidArgument,
    }
}

impl From<kc::ClientError> for ClientError {
    fn from(error: kc::ClientError) -> Self {
        let snapshot = error.problem();
        match error {
            kc::ClientError::Network { .. } => ClientError::Network(snapshot, 0, Vec::new()),
            kc::ClientError::Auth { status, .. } => ClientError::Auth(snapshot, status, Vec::new()),
            kc::ClientError::Server {
                status, problems, ..
            } => ClientError::Server(
                snapshot,
                status,
                problems.into_iter().map(Into::into).collect(),
            ),
            kc::ClientError::Decode { .. } => ClientError::Decode(snapshot, 0, Vec::new()),
            kc::ClientError::Storage { .. } => ClientError::Storage(snapshot, 0, Vec::new()),
        }
    }
}

/// A JSON document given by the app as a draft or event: an object, or the core's
/// `COMPLAINT_DRAFT_MALFORMED` problem (line and column, never the value).
fn json_object<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ClientError> {
    let malformed = |line, column| {
        ClientError::InvalidArgument(
            problem(&ReportError::Malformed { line, column }),
            0,
            Vec::new(),
        )
    };
    // serde would also read a struct from a JSON array; both documents are objects.
    if !text.trim_start().starts_with('{') {
        return Err(malformed(1, 1));
    }
    serde_json::from_str(text).map_err(|e| malformed(e.line(), e.column()))
}

/// Timeouts and retries of an [`ApiClient`]. Every field has a default.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ClientOptions {
    /// Per-request timeout in milliseconds.
    #[uniffi(default = 30000)]
    pub timeout_ms: u64,
    /// Attempts in all for idempotent requests (GETs, submissions with their key); 1 = no retry.
    #[uniffi(default = 4)]
    pub retry_attempts: u32,
    /// First wait between attempts, doubled each time, in milliseconds.
    #[uniffi(default = 200)]
    pub initial_backoff_ms: u64,
    /// Longest wait between attempts, in milliseconds.
    #[uniffi(default = 5000)]
    pub max_backoff_ms: u64,
}

impl Default for ClientOptions {
    fn default() -> Self {
        let retry = RetryPolicy::default();
        ClientOptions {
            timeout_ms: 30_000,
            retry_attempts: retry.attempts,
            initial_backoff_ms: u64::try_from(retry.initial_backoff.as_millis()).unwrap_or(200),
            max_backoff_ms: u64::try_from(retry.max_backoff.as_millis()).unwrap_or(5_000),
        }
    }
}

/// The rule pack (taxonomy, OPDs, SLA policies, calendar, tax rule sets).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RulePack {
    /// The ETag given is still current: keep the pack you have.
    NotModified,
    /// A newer pack.
    Current {
        /// Its ETag: send it next time.
        etag: String,
        /// The pack as JSON (fields in docs/client.md).
        pack_json: String,
    },
}

/// A report state with its labels.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StateInfo {
    /// Canonical code (`diterima`, `didisposisikan`, ...).
    pub code: String,
    /// Indonesian label.
    pub label_id: String,
    /// English label.
    pub label_en: String,
    /// Open311 status: `open` or `closed`.
    pub open311: String,
}

impl From<kc::StateInfo> for StateInfo {
    fn from(v: kc::StateInfo) -> Self {
        StateInfo {
            code: v.code,
            label_id: v.label_id,
            label_en: v.label_en,
            open311: v.open311,
        }
    }
}

/// The responsible OPD or body.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Agency {
    /// Code, e.g. `DPUPR`.
    pub code: String,
    /// Name; `None` for a body outside the directory.
    pub name: Option<String>,
}

impl From<kc::Agency> for Agency {
    fn from(v: kc::Agency) -> Self {
        Agency {
            code: v.code,
            name: v.name,
        }
    }
}

fn json_text(value: Option<serde_json::Value>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// The result of a submission (the same again for a resend with the same key).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Submitted {
    /// Public id.
    pub id: String,
    /// Secret tracking code: keep it to read the report later.
    pub tracking_code: String,
    /// State.
    pub state: StateInfo,
    /// Responsible agency.
    pub agency: Agency,
    /// SLA at submission, as JSON.
    pub sla_json: Option<String>,
}

impl From<kc::Submitted> for Submitted {
    fn from(v: kc::Submitted) -> Self {
        Submitted {
            id: v.id,
            tracking_code: v.tracking_code,
            state: v.state.into(),
            agency: v.agency.into(),
            sla_json: json_text(v.sla),
        }
    }
}

/// One event of a report's history.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryEntry {
    /// The event's type (`submit`, `verify`, `assign`, ...).
    pub event_type: String,
    /// The whole event as JSON (`{"type": "assign", "opd": "DPUPR"}`).
    pub event_json: String,
    /// Who (`reporter`, `system`, an officer role).
    pub actor: String,
    /// When, ISO 8601 with +07:00.
    pub at: String,
    /// Note.
    pub note: Option<String>,
}

impl From<kc::HistoryEntry> for HistoryEntry {
    fn from(v: kc::HistoryEntry) -> Self {
        HistoryEntry {
            event_type: v.event["type"].as_str().unwrap_or_default().to_owned(),
            event_json: v.event.to_string(),
            actor: v.actor,
            at: v.at,
            note: v.note,
        }
    }
}

/// A stored attachment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Attachment {
    /// Id.
    pub id: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
}

impl From<kc::Attachment> for Attachment {
    fn from(v: kc::Attachment) -> Self {
        Attachment {
            id: v.id,
            media_type: v.media_type,
            size_bytes: v.size_bytes,
        }
    }
}

fn all<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(Into::into).collect()
}

/// My report, read by its tracking code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MyReport {
    /// Public id.
    pub id: String,
    /// Category code.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Never shown publicly.
    pub confidential: bool,
    /// Identity hidden from the agency.
    pub anonymous: bool,
    /// State.
    pub state: StateInfo,
    /// Responsible agency.
    pub agency: Agency,
    /// History, oldest first.
    pub history: Vec<HistoryEntry>,
    /// SLA deadlines and status, as JSON.
    pub sla_json: Option<String>,
    /// Attachments.
    pub attachments: Vec<Attachment>,
}

impl From<kc::MyReport> for MyReport {
    fn from(v: kc::MyReport) -> Self {
        MyReport {
            id: v.id,
            category: v.category,
            title: v.title,
            description: v.description,
            confidential: v.confidential,
            anonymous: v.anonymous,
            state: v.state.into(),
            agency: v.agency.into(),
            history: all(v.history),
            sla_json: json_text(v.sla),
            attachments: all(v.attachments),
        }
    }
}

/// A point (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct GeoPoint {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A report on the public list (never a confidential one, never the reporter).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PublicReport {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Point, when given.
    pub location: Option<GeoPoint>,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
}

impl From<kc::PublicReport> for PublicReport {
    fn from(v: kc::PublicReport) -> Self {
        PublicReport {
            id: v.id,
            category: v.category,
            title: v.title,
            description: v.description,
            location: v.location.map(|p| GeoPoint {
                lat: p.lat,
                lon: p.lon,
            }),
            state: v.state.into(),
            agency: v.agency.into(),
        }
    }
}

/// A possible duplicate near a point.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DuplicateSuggestion {
    /// Public id.
    pub id: String,
    /// Distance in metres.
    pub distance_m: u32,
}

impl From<kc::DuplicateSuggestion> for DuplicateSuggestion {
    fn from(v: kc::DuplicateSuggestion) -> Self {
        DuplicateSuggestion {
            id: v.id,
            distance_m: v.distance_m,
        }
    }
}

/// Who an officer token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OfficerInfo {
    /// Token id.
    pub id: String,
    /// `verifier`, `opd_officer` or `admin`.
    pub role: String,
    /// OPD of an OPD officer.
    pub opd: Option<String>,
}

impl From<kc::OfficerInfo> for OfficerInfo {
    fn from(v: kc::OfficerInfo) -> Self {
        OfficerInfo {
            id: v.id,
            role: v.role,
            opd: v.opd,
        }
    }
}

/// An entry of the officer work queue.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QueueItem {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Confidential.
    pub confidential: bool,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
    /// `on_time`, `due_soon`, `overdue`, `paused` or `not_running`.
    pub sla_status: Option<String>,
}

impl From<kc::QueueItem> for QueueItem {
    fn from(v: kc::QueueItem) -> Self {
        QueueItem {
            id: v.id,
            category: v.category,
            title: v.title,
            confidential: v.confidential,
            state: v.state.into(),
            agency: v.agency.into(),
            sla_status: v.sla_status,
        }
    }
}

/// A report as an officer sees it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OfficerReport {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Confidential.
    pub confidential: bool,
    /// Anonymous.
    pub anonymous: bool,
    /// Contact for the desk as JSON (`None` when anonymous or for OPD officers; the NIK only
    /// masked). Personal data: do not log.
    pub contact_json: Option<String>,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
    /// Assignment trail, each entry as JSON.
    pub assignments_json: Vec<String>,
    /// History, oldest first.
    pub history: Vec<HistoryEntry>,
    /// SLA status.
    pub sla_status: Option<String>,
}

impl From<kc::OfficerReport> for OfficerReport {
    fn from(v: kc::OfficerReport) -> Self {
        OfficerReport {
            id: v.id,
            category: v.category,
            title: v.title,
            description: v.description,
            confidential: v.confidential,
            anonymous: v.anonymous,
            contact_json: json_text(v.contact.filter(|c| !c.is_null())),
            state: v.state.into(),
            agency: v.agency.into(),
            assignments_json: v.assignments.iter().map(ToString::to_string).collect(),
            history: all(v.history),
            sla_status: v.sla_status,
        }
    }
}

/// The API client. Immutable: `withToken` returns another client; share one from any thread.
#[derive(Debug, uniffi::Object)]
pub struct ApiClient {
    inner: kc::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl ApiClient {
    /// A client for `base_url` (e.g. `https://lapor.sampangkab.go.id`). No network yet.
    #[uniffi::constructor(default(options = None))]
    pub fn new(base_url: String, options: Option<ClientOptions>) -> Result<Arc<Self>, ClientError> {
        let options = options.unwrap_or_default();
        let inner = kc::Client::with_timeout(&base_url, Duration::from_millis(options.timeout_ms))?
            .with_retry(RetryPolicy {
                attempts: options.retry_attempts,
                initial_backoff: Duration::from_millis(options.initial_backoff_ms),
                max_backoff: Duration::from_millis(options.max_backoff_ms),
            });
        Ok(Arc::new(ApiClient { inner }))
    }

    /// The same client acting with an officer token (a secret: never log it).
    pub fn with_token(&self, token: String) -> Arc<ApiClient> {
        Arc::new(ApiClient {
            inner: self.inner.with_token(&token),
        })
    }

    /// The rule pack; with the ETag of the pack you have, `NotModified` while it is current.
    #[uniffi::method(default(etag = None))]
    pub async fn rules(&self, etag: Option<String>) -> Result<RulePack, ClientError> {
        Ok(match self.inner.rules(etag.as_deref()).await? {
            kc::RulePack::NotModified => RulePack::NotModified,
            kc::RulePack::Current { etag, pack } => RulePack::Current {
                etag,
                pack_json: pack.to_string(),
            },
        })
    }

    /// Submits a draft (JSON, fields in docs/complaints.md) directly, with its idempotency
    /// key. Prefer [`ReportOutbox`], which stores the draft first and survives no signal.
    pub async fn submit_report(
        &self,
        draft_json: String,
        idempotency_key: String,
    ) -> Result<Submitted, ClientError> {
        let draft: ReportDraft = json_object(&draft_json)?;
        Ok(self
            .inner
            .submit_report(&draft, &idempotency_key)
            .await?
            .into())
    }

    /// My report by its tracking code: state, history, SLA, the responsible OPD.
    pub async fn my_report(&self, tracking_code: String) -> Result<MyReport, ClientError> {
        Ok(self.inner.my_report(&tracking_code).await?.into())
    }

    /// A reporter event on my report: `confirm`, `dispute`, `reopen` or `provide_info`.
    #[uniffi::method(default(note = None))]
    pub async fn reporter_event(
        &self,
        tracking_code: String,
        event: String,
        note: Option<String>,
    ) -> Result<MyReport, ClientError> {
        Ok(self
            .inner
            .reporter_event(&tracking_code, &event, note.as_deref())
            .await?
            .into())
    }

    /// Uploads a photo to my report (retried safely with its key).
    pub async fn upload_attachment(
        &self,
        tracking_code: String,
        media_type: String,
        bytes: Vec<u8>,
        idempotency_key: String,
    ) -> Result<Attachment, ClientError> {
        Ok(self
            .inner
            .upload_attachment(&tracking_code, &media_type, &bytes, &idempotency_key)
            .await?
            .into())
    }

    /// The public list of non-confidential reports, newest first.
    #[uniffi::method(default(category = None, limit = 50))]
    pub async fn public_reports(
        &self,
        category: Option<String>,
        limit: u32,
    ) -> Result<Vec<PublicReport>, ClientError> {
        Ok(all(self
            .inner
            .public_reports(category.as_deref(), limit)
            .await?))
    }

    /// Reports of a category near a point that may be the same problem.
    pub async fn duplicates(
        &self,
        category: String,
        lat: f64,
        lon: f64,
    ) -> Result<Vec<DuplicateSuggestion>, ClientError> {
        Ok(all(self.inner.duplicates(&category, lat, lon).await?))
    }

    /// Who the token belongs to (officer token required).
    pub async fn officer_me(&self) -> Result<OfficerInfo, ClientError> {
        Ok(self.inner.officer_me().await?.into())
    }

    /// The officer's work queue with SLA status, optionally of one state.
    #[uniffi::method(default(state = None))]
    pub async fn officer_queue(
        &self,
        state: Option<String>,
    ) -> Result<Vec<QueueItem>, ClientError> {
        Ok(all(self.inner.officer_queue(state.as_deref()).await?))
    }

    /// One report as an officer sees it.
    pub async fn officer_report(&self, id: String) -> Result<OfficerReport, ClientError> {
        Ok(self.inner.officer_report(&id).await?.into())
    }

    /// A lifecycle event as JSON, e.g. `{"type": "assign", "opd": "DPUPR"}` (not retried; the
    /// server applies the core's state machine).
    pub async fn officer_event(
        &self,
        id: String,
        event_json: String,
    ) -> Result<OfficerReport, ClientError> {
        let event: serde_json::Value = json_object(&event_json)?;
        Ok(self.inner.officer_event(&id, &event).await?.into())
    }
}

/// Where an outbox item stands.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum OutboxStatus {
    /// Waiting to be sent.
    Pending,
    /// A send was started and may have reached the server; the next sync resends it with the
    /// same key, which the server answers with the original result.
    Sending,
    /// Accepted by the server.
    Sent {
        /// Public id.
        report_id: String,
        /// Secret tracking code.
        tracking_code: String,
    },
    /// Refused by the server; it will not be resent.
    Rejected {
        /// The server's code, e.g. `REPORT_INVALID`.
        code: String,
        /// The core's field problems.
        problems: Vec<FieldProblem>,
    },
}

/// One stored submission. Its body (the draft with the reporter's contact) stays in the
/// outbox file and is not copied here.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OutboxItem {
    /// Order of insertion; items are sent in this order.
    pub seq: i64,
    /// Idempotency key (128 random bits, hex).
    pub key: String,
    /// Title of the draft, for a list of pending reports.
    pub title: Option<String>,
    /// Category of the draft.
    pub category: Option<String>,
    /// Status.
    pub status: OutboxStatus,
    /// Send attempts so far.
    pub attempts: u32,
    /// Code of the last failure (`NETWORK`, ...), if any.
    pub last_error: Option<String>,
}

impl From<outbox::OutboxItem> for OutboxItem {
    fn from(v: outbox::OutboxItem) -> Self {
        // The body is the client's own serialisation of a draft; an unreadable one only
        // loses the title in this view.
        let draft: Option<ReportDraft> = serde_json::from_slice(&v.body).ok();
        let (title, category) = draft.map_or((None, None), |d| (d.title, d.category));
        OutboxItem {
            seq: v.seq,
            key: v.key,
            title,
            category,
            status: match v.status {
                outbox::ItemStatus::Pending => OutboxStatus::Pending,
                outbox::ItemStatus::Sending => OutboxStatus::Sending,
                outbox::ItemStatus::Sent {
                    report_id,
                    tracking_code,
                } => OutboxStatus::Sent {
                    report_id,
                    tracking_code,
                },
                outbox::ItemStatus::Rejected { code, problems } => OutboxStatus::Rejected {
                    code,
                    problems: all(problems),
                },
            },
            attempts: v.attempts,
            last_error: v.last_error,
        }
    }
}

/// A failure as data: code, fields and both messages.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClientProblem {
    /// Stable code, as [`ClientError`]'s.
    pub code: String,
    /// Structured fields.
    pub fields: HashMap<String, String>,
    /// Message in Indonesian.
    pub message_id: String,
    /// Message in English.
    pub message_en: String,
}

/// What one sync did, and every item's status afterwards.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncReport {
    /// Items accepted in this run.
    pub sent: u64,
    /// Items refused in this run.
    pub rejected: u64,
    /// Items still to send.
    pub remaining: u64,
    /// The transient failure that stopped the run (no signal, server error): sync again
    /// later. `None` when the run finished.
    pub stopped_by: Option<ClientProblem>,
    /// Every item of the outbox with its status after the run, in order.
    pub items: Vec<OutboxItem>,
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The offline outbox in a SQLite file: `add` stores a draft (no network), `sync` delivers
/// the stored items in order, each exactly once.
#[derive(Debug, uniffi::Object)]
pub struct ReportOutbox {
    inner: Outbox<SqliteStore>,
}

#[uniffi::export(async_runtime = "tokio")]
impl ReportOutbox {
    /// Opens or creates the outbox file (e.g. in the app's files directory). Blocking: a
    /// file open, milliseconds.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>, ClientError> {
        Ok(Arc::new(ReportOutbox {
            inner: Outbox::new(SqliteStore::open(path)?),
        }))
    }

    /// Stores a draft (JSON, fields in docs/complaints.md) for sending, durably, before any
    /// network call; gives it an idempotency key and a creation time unless it has them.
    pub async fn add(&self, draft_json: String) -> Result<OutboxItem, ClientError> {
        let draft: ReportDraft = json_object(&draft_json)?;
        Ok(self.inner.add(&draft).await?.into())
    }

    /// Every item with its status, in order.
    pub async fn items(&self) -> Result<Vec<OutboxItem>, ClientError> {
        Ok(all(self.inner.items().await?))
    }

    /// Items still to send.
    pub async fn pending_count(&self) -> Result<u64, ClientError> {
        Ok(count(self.inner.pending_count().await?))
    }

    /// Sends unfinished items in order through `client` (at most `max_items` when given).
    /// A refusal is recorded and the run goes on; no signal stops the run, keeps the items
    /// and says why in `stopped_by`. Only a storage failure throws.
    #[uniffi::method(default(max_items = None))]
    pub async fn sync(
        &self,
        client: Arc<ApiClient>,
        max_items: Option<u32>,
    ) -> Result<SyncReport, ClientError> {
        let limit = max_items.map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
        let report = self.inner.sync_some(&client.inner, limit).await?;
        Ok(SyncReport {
            sent: count(report.sent),
            rejected: count(report.rejected),
            remaining: count(report.remaining),
            stopped_by: report.stopped_by.map(|e| {
                let p = e.problem();
                ClientProblem {
                    code: p.code,
                    fields: p.fields.into_iter().collect(),
                    message_id: p.message_id,
                    message_en: p.message_en,
                }
            }),
            items: all(self.inner.items().await?),
        })
    }
}
