//! Storage: one set of SQL for SQLite (default, a file in WAL mode) and PostgreSQL
//! (`DATABASE_URL=postgres://...`), through sqlx's `Any` driver so that every query is
//! written once. Placeholders are `$1, $2, ...`, which both engines accept.
//!
//! No transaction spans a read and a later write: SQLite in WAL mode cannot upgrade a read
//! transaction under contention, so writes are single statements guarded by a unique key
//! (idempotency) or a version column (optimistic concurrency).

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Row};

/// Which engine a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The pool and its engine.
#[derive(Debug, Clone)]
pub struct Db {
    /// Connection pool.
    pub pool: AnyPool,
    /// Engine.
    pub backend: Backend,
}

/// Schema migrations, in order; `{BLOB}` is the engine's byte-array type (the only
/// difference between the two dialects here). Never edit one that has shipped: add another.
const MIGRATIONS: &[&str] = &[
    // 1: reports, tokens, attachments, webhooks.
    "CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        tracking_code TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        body_hash TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        agency TEXT NOT NULL,
        confidential BIGINT NOT NULL,
        anonymous BIGINT NOT NULL,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        report_json TEXT NOT NULL,
        contact_json TEXT,
        nik_hmac TEXT,
        record_json TEXT NOT NULL,
        response_json TEXT NOT NULL,
        version BIGINT NOT NULL
    );
    CREATE INDEX reports_agency_state ON reports (agency, state);
    CREATE INDEX reports_category_state ON reports (category, state);
    CREATE INDEX reports_public ON reports (confidential, created_at);
    CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        opd TEXT,
        label TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revoked BIGINT NOT NULL
    );
    CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        media_type TEXT NOT NULL,
        size_bytes BIGINT NOT NULL,
        data {BLOB} NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE INDEX attachments_report ON attachments (report_id);
    CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        webhook_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts BIGINT NOT NULL,
        next_at BIGINT NOT NULL,
        delivered_at BIGINT,
        last_error TEXT
    );
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (delivered_at, next_at);",
];

impl Db {
    /// Opens (creating a SQLite file if needed) and migrates.
    pub async fn open(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // NORMAL is durable in WAL mode except for the last commits on power
                        // loss (not on a process crash); FULL would halve the write rate.
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        let db = Db { pool, backend };
        if backend == Backend::Sqlite {
            // Persistent in the file: readers no longer block the writer.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&db.pool)
                .await?;
        }
        db.migrate().await?;
        Ok(db)
    }

    /// A plain pool without migrations (tools and tests).
    pub async fn open_raw(url: &str) -> Result<AnyPool, sqlx::Error> {
        install_default_drivers();
        AnyPoolOptions::new().max_connections(2).connect(url).await
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        sqlx::query("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            .execute(&self.pool)
            .await?;
        let blob = match self.backend {
            Backend::Sqlite => "BLOB",
            Backend::Postgres => "BYTEA",
        };
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            // Several instances may start at once on one database: one migrates, the others wait.
            sqlx::query("LOCK TABLE schema_version IN EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let current: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            let version = i64::try_from(index).unwrap_or(i64::MAX).saturating_add(1);
            if version <= current {
                continue;
            }
            for statement in migration.replace("{BLOB}", blob).split(';') {
                if !statement.trim().is_empty() {
                    sqlx::query(statement).execute(&mut *tx).await?;
                }
            }
            sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
                .bind(version)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }
}
