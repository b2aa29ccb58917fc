//! The offline outbox: a report is stored with its idempotency key and its exact JSON body
//! before any network call, so that a phone without signal, or an app killed mid-upload,
//! still delivers it exactly once: every resend carries the same key and the same bytes,
//! and the server answers a resend with the original result.
//!
//! States: `pending` -> `sending` -> `sent` (with the tracking code) or `rejected` (with the
//! core's field problems); a transient failure puts the item back to `pending` with the
//! reason. An item found in `sending` after a crash is simply sent again.

use futures_util::lock::Mutex;
use kotacerdas_core::complaint::{FieldProblem, ReportDraft};
use serde::{Deserialize, Serialize};

use crate::{Client, ClientError};

/// Where an item stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ItemStatus {
    /// Waiting to be sent.
    Pending,
    /// A send was started (and may have reached the server).
    Sending,
    /// Accepted by the server.
    Sent {
        /// Public id.
        report_id: String,
        /// Secret tracking code.
        tracking_code: String,
    },
    /// Refused by the server; will not be resent.
    Rejected {
        /// The server's code, e.g. `REPORT_INVALID`.
        code: String,
        /// The core's field problems.
        problems: Vec<FieldProblem>,
    },
}

impl ItemStatus {
    /// `pending`, `sending`, `sent` or `rejected`.
    pub fn tag(&self) -> &'static str {
        match self {
            ItemStatus::Pending => "pending",
            ItemStatus::Sending => "sending",
            ItemStatus::Sent { .. } => "sent",
            ItemStatus::Rejected { .. } => "rejected",
        }
    }

    /// Still to be sent.
    pub fn is_unfinished(&self) -> bool {
        matches!(self, ItemStatus::Pending | ItemStatus::Sending)
    }
}

/// One stored submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Order of insertion (items are sent in this order).
    pub seq: i64,
    /// Idempotency key (128 random bits, hex).
    pub key: String,
    /// The exact JSON body to send.
    pub body: Vec<u8>,
    /// Status.
    pub status: ItemStatus,
    /// Send attempts so far.
    pub attempts: u32,
    /// Code of the last transient failure.
    pub last_error: Option<String>,
}

/// Storage of the outbox. Async so that a browser store (IndexedDB, in the npm package) can
/// implement it; the SQLite store simply does its work inline.
#[allow(async_fn_in_trait)] // Implementations on wasm are !Send; no Send bound wanted.
pub trait OutboxStore {
    /// Stores a new pending item (durably) and returns it.
    async fn insert(&self, key: &str, body: &[u8]) -> Result<OutboxItem, ClientError>;
    /// Every item, in order.
    async fn items(&self) -> Result<Vec<OutboxItem>, ClientError>;
    /// Records a new status, attempt count and last error (durably).
    async fn update(
        &self,
        seq: i64,
        status: &ItemStatus,
        attempts: u32,
        last_error: Option<&str>,
    ) -> Result<(), ClientError>;
}

/// What one [`Outbox::sync`] did.
#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    /// Items accepted in this run.
    pub sent: usize,
    /// Items refused in this run.
    pub rejected: usize,
    /// Items still to send.
    pub remaining: usize,
    /// The transient error that stopped the run (try again later), if any.
    pub stopped_by: Option<ClientError>,
}

/// The outbox over a store. Use one `Outbox` per store: syncs of one outbox run one at a time.
#[derive(Debug)]
pub struct Outbox<S: OutboxStore> {
    store: S,
    /// Held for a whole sync. Two syncs running at once would both send an item; and when
    /// one of them then failed transiently it would put back to `pending` an item the other
    /// had just marked `sent` (the idempotency key kept it one report, but the outbox was
    /// wrong until the next sync). Not a thread lock: it is held across awaits, on any runtime.
    sync_turn: Mutex<()>,
}

/// A new idempotency key: 128 bits from the OS generator.
pub fn new_key() -> Result<String, ClientError> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).map_err(|e| ClientError::Storage {
        message: format!("no randomness: {e}"),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(not(target_arch = "wasm32"))]
fn now_iso() -> Option<String> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let instant =
        kotacerdas_core::calendar::Instant::from_unix_seconds(i64::try_from(seconds).ok()?);
    Some(instant.to_string())
}

// wasm32-unknown-unknown has no clock in std: the web app sets `created_at` itself.
#[cfg(target_arch = "wasm32")]
fn now_iso() -> Option<String> {
    None
}

impl<S: OutboxStore> Outbox<S> {
    /// An outbox over a store.
    pub fn new(store: S) -> Outbox<S> {
        Outbox {
            store,
            sync_turn: Mutex::new(()),
        }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Stores a draft for sending: gives it an idempotency key (unless it has one) and a
    /// creation time (unless it has one), and persists the exact bytes to send. No network.
    pub async fn add(&self, draft: &ReportDraft) -> Result<OutboxItem, ClientError> {
        let mut draft = draft.clone();
        let key = match &draft.idempotency_key {
            Some(key) => key.clone(),
            None => new_key()?,
        };
        draft.idempotency_key = Some(key.clone());
        if draft.created_at.is_none() {
            draft.created_at = now_iso();
        }
        let body = serde_json::to_vec(&draft).map_err(|e| ClientError::Storage {
            message: e.to_string(),
        })?;
        self.store.insert(&key, &body).await
    }

    /// Every item with its status.
    pub async fn items(&self) -> Result<Vec<OutboxItem>, ClientError> {
        self.store.items().await
    }

    /// Items still to send.
    pub async fn pending_count(&self) -> Result<usize, ClientError> {
        Ok(self
            .store
            .items()
            .await?
            .iter()
            .filter(|i| i.status.is_unfinished())
            .count())
    }

    /// Sends unfinished items in order. A refusal is recorded and the run goes on; a
    /// transient failure (no network, server error) stops the run so that order is kept,
    /// and the item waits for the next `sync`.
    pub async fn sync(&self, client: &Client) -> Result<SyncReport, ClientError> {
        self.sync_some(client, usize::MAX).await
    }

    /// Like [`Outbox::sync`], but sends at most `max_items` (small batches on a weak link).
    pub async fn sync_some(
        &self,
        client: &Client,
        max_items: usize,
    ) -> Result<SyncReport, ClientError> {
        let _turn = self.sync_turn.lock().await;
        let mut report = SyncReport::default();
        let items = self.store.items().await?;
        let mut unfinished = items.into_iter().filter(|i| i.status.is_unfinished());
        let mut budget = max_items;
        while let Some(item) = unfinished.next() {
            if budget == 0 {
                report.remaining = 1 + unfinished.count();
                return Ok(report);
            }
            budget -= 1;
            let attempts = item.attempts.saturating_add(1);
            // Recorded before the request: after a crash we know it may have arrived.
            self.store
                .update(item.seq, &ItemStatus::Sending, attempts, None)
                .await?;
            match client.submit_raw(&item.body, &item.key).await {
                Ok(submitted) => {
                    let status = ItemStatus::Sent {
                        report_id: submitted.id,
                        tracking_code: submitted.tracking_code,
                    };
                    self.store.update(item.seq, &status, attempts, None).await?;
                    report.sent += 1;
                }
                Err(error)
                    if error.is_transient() || matches!(error, ClientError::Decode { .. }) =>
                {
                    self.store
                        .update(item.seq, &ItemStatus::Pending, attempts, Some(error.code()))
                        .await?;
                    report.remaining = 1 + unfinished.count();
                    report.stopped_by = Some(error);
                    return Ok(report);
                }
                Err(error) => {
                    let problems = match &error {
                        ClientError::Server { problems, .. } => problems.clone(),
                        _ => Vec::new(),
                    };
                    let status = ItemStatus::Rejected {
                        code: error.code().to_owned(),
                        problems,
                    };
                    self.store
                        .update(item.seq, &status, attempts, Some(error.code()))
                        .await?;
                    report.rejected += 1;
                }
            }
        }
        Ok(report)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod sqlite;
#[cfg(not(target_arch = "wasm32"))]
pub use sqlite::SqliteStore;
