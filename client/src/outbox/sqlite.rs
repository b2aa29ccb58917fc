//! The native outbox store: one SQLite file (bundled SQLite), WAL mode, synchronous FULL so
//! that an item reported as stored survives a crash or power loss.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use super::{ItemStatus, OutboxItem, OutboxStore};
use crate::ClientError;

/// SQLite-backed outbox storage.
#[derive(Debug)]
pub struct SqliteStore {
    connection: Mutex<Connection>,
}

fn storage(error: impl std::fmt::Display) -> ClientError {
    ClientError::Storage {
        message: error.to_string(),
    }
}

impl SqliteStore {
    /// Opens or creates the outbox file.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, ClientError> {
        let connection = Connection::open(path).map_err(storage)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA busy_timeout = 10000;
                 CREATE TABLE IF NOT EXISTS outbox (
                     seq INTEGER PRIMARY KEY AUTOINCREMENT,
                     key TEXT NOT NULL UNIQUE,
                     body BLOB NOT NULL,
                     status TEXT NOT NULL,
                     attempts INTEGER NOT NULL DEFAULT 0,
                     last_error TEXT
                 );",
            )
            .map_err(storage)?;
        Ok(SqliteStore {
            connection: Mutex::new(connection),
        })
    }

    /// Caps the outbox file at about `max_bytes` (`None`: no cap beyond the disk), e.g. to
    /// keep an app within its storage budget. A store that reaches the cap, or a full disk,
    /// refuses new items with a `STORAGE` error ("database or disk is full") and keeps every
    /// item it already holds; once space is back (a higher cap, a freed disk) it works again.
    /// The cap holds for this open store (SQLite's `max_page_count`, per connection).
    pub fn set_size_limit(&self, max_bytes: Option<u64>) -> Result<(), ClientError> {
        self.with(|c| {
            let page_size: u64 = c.query_row("PRAGMA page_size", [], |row| row.get(0))?;
            // SQLite's own ceiling when there is no cap.
            let pages = max_bytes.map_or(4_294_967_294, |bytes| (bytes / page_size.max(1)).max(1));
            c.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
        })
    }

    fn with<T>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, ClientError> {
        let connection = self
            .connection
            .lock()
            .map_err(|_| storage("outbox lock poisoned"))?;
        work(&connection).map_err(storage)
    }
}

fn item(row: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxItem> {
    let status: String = row.get(3)?;
    let status = serde_json::from_str(&status).unwrap_or(ItemStatus::Pending);
    Ok(OutboxItem {
        seq: row.get(0)?,
        key: row.get(1)?,
        body: row.get(2)?,
        status,
        attempts: row.get(4)?,
        last_error: row.get(5)?,
    })
}

const SELECT: &str = "SELECT seq, key, body, status, attempts, last_error FROM outbox";

impl OutboxStore for SqliteStore {
    async fn insert(&self, key: &str, body: &[u8]) -> Result<OutboxItem, ClientError> {
        let status = serde_json::to_string(&ItemStatus::Pending).map_err(storage)?;
        self.with(|c| {
            c.execute(
                "INSERT INTO outbox (key, body, status) VALUES (?1, ?2, ?3)",
                params![key, body, status],
            )?;
            c.query_row(&format!("{SELECT} WHERE key = ?1"), params![key], item)
        })
    }

    async fn items(&self) -> Result<Vec<OutboxItem>, ClientError> {
        self.with(|c| {
            let mut statement = c.prepare(&format!("{SELECT} ORDER BY seq"))?;
            let rows = statement.query_map([], item)?;
            rows.collect()
        })
    }

    async fn update(
        &self,
        seq: i64,
        status: &ItemStatus,
        attempts: u32,
        last_error: Option<&str>,
    ) -> Result<(), ClientError> {
        let status = serde_json::to_string(status).map_err(storage)?;
        let found = self.with(|c| {
            c.query_row(
                "UPDATE outbox SET status = ?1, attempts = ?2, last_error = ?3 WHERE seq = ?4 RETURNING seq",
                params![status, attempts, last_error, seq],
                |row| row.get::<_, i64>(0),
            )
            .optional()
        })?;
        found
            .map(|_| ())
            .ok_or_else(|| storage(format!("no outbox item {seq}")))
    }
}
