//! Test harness: starts the real server binary on a free loopback port against SQLite (a
//! temp file) or PostgreSQL (a fresh database on the server named by
//! `KOTACERDAS_TEST_POSTGRES_URL`, set by `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const NIK_KEY: &str = "test-nik-key-0123456789abcdef";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backends to run: SQLite always, PostgreSQL when configured (printed when skipped).
pub fn backends() -> Vec<Backend> {
    if std::env::var("KOTACERDAS_TEST_POSTGRES_URL").is_ok() {
        vec![Backend::Sqlite, Backend::Postgres]
    } else {
        eprintln!(
            "SKIPPED PostgreSQL run: set KOTACERDAS_TEST_POSTGRES_URL (e.g. postgres://user@127.0.0.1/postgres); .ci/run does"
        );
        vec![Backend::Sqlite]
    }
}

/// A database for one test: a temp SQLite file or a fresh PostgreSQL database.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    pub dir: tempfile::TempDir,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.path().join("kc.db").display()),
            Backend::Postgres => {
                let admin = std::env::var("KOTACERDAS_TEST_POSTGRES_URL").unwrap();
                let name = format!("kc_test_{}", random_hex(6));
                let db = kotacerdas_server::db::Db::open_raw(&admin).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&db)
                    .await
                    .unwrap();
                db.close().await;
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap();
                format!("{base}/{name}")
            }
        };
        TestDb { url, backend, dir }
    }

    /// The SQLite file path (SQLite only).
    pub fn sqlite_file(&self) -> PathBuf {
        self.dir.path().join("kc.db")
    }

    pub async fn pool(&self) -> sqlx::AnyPool {
        kotacerdas_server::db::Db::open_raw(&self.url)
            .await
            .unwrap()
    }

    /// (stored reports, distinct idempotency keys): the exactly-once checks of every test.
    pub async fn report_counts(&self) -> (i64, i64) {
        use sqlx::Row;
        let pool = self.pool().await;
        let row = sqlx::query("SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM reports")
            .fetch_one(&pool)
            .await
            .unwrap();
        let counts = (row.try_get(0).unwrap(), row.try_get(1).unwrap());
        pool.close().await;
        counts
    }
}

pub fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    getrandom::getrandom(&mut buffer).unwrap();
    buffer.iter().map(|b| format!("{b:02x}")).collect()
}

/// A running server process.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub port: u16,
    pub token: Option<String>,
    pub log: PathBuf,
}

pub fn server_bin() -> &'static str {
    env!("CARGO_BIN_EXE_kotacerdas-server")
}

impl Server {
    /// Starts on a free port (`port` 0) or a given one; waits until it listens.
    pub fn start(db: &TestDb, port: u16, extra_env: &[(&str, &str)]) -> Server {
        let log = db.dir.path().join(format!("server-{}.log", random_hex(4)));
        let log_file = std::fs::File::create(&log).unwrap();
        let mut command = Command::new(server_bin());
        command
            .args([
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--database",
                &db.url,
            ])
            .env("KOTACERDAS_NIK_KEY", NIK_KEY)
            .env_remove("DATABASE_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file));
        for (name, value) in extra_env {
            command.env(name, value);
        }
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().expect("server printed nothing").unwrap();
        let address = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .to_owned();
        let port = address.rsplit(':').next().unwrap().parse().unwrap();
        let mut token = None;
        if let Some(Ok(line)) = lines.next()
            && let Some(index) = line.find("kc_")
        {
            token = Some(line[index..].trim().to_owned());
        }
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            base: format!("http://{address}"),
            port,
            token,
            log,
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Creates a token through the CLI (`kotacerdas-server token create`).
pub fn create_token(db: &TestDb, role: &str, opd: Option<&str>) -> String {
    let mut command = Command::new(server_bin());
    command
        .args(["token", "create", "--role", role, "--database", &db.url])
        .env_remove("DATABASE_URL");
    if let Some(opd) = opd {
        command.args(["--opd", opd]);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "token create failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// A valid public draft (no photo needed for drainage).
pub fn draft(title: &str, confidential: bool) -> serde_json::Value {
    serde_json::json!({
        "kind": "pengaduan",
        "category": "INFRA.DRAINASE",
        "title": title,
        "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan",
        "location": { "lat": -7.19, "lon": 113.24, "accuracy_m": 15.0 },
        "reporter": { "phone": "081234567890" },
        "confidential": confidential,
        "created_at": now_iso(),
    })
}

pub fn now_iso() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    kotacerdas_core::calendar::Instant::from_unix_seconds(seconds as i64).to_string()
}

pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// Asserts that every outbox item is sent and that their tracking codes are distinct (one
/// report each on the server).
pub fn assert_all_sent_once(items: &[kotacerdas_client::outbox::OutboxItem], expected: usize) {
    assert_eq!(items.len(), expected, "outbox items");
    let mut codes: Vec<&str> = items
        .iter()
        .map(|item| match &item.status {
            kotacerdas_client::outbox::ItemStatus::Sent { tracking_code, .. } => {
                tracking_code.as_str()
            }
            other => panic!("item {} is {other:?}", item.seq),
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), expected, "distinct tracking codes");
}

/// The titles of the reports stored on the server, sorted (duplicates kept).
pub async fn stored_titles(pool: &sqlx::AnyPool) -> Vec<String> {
    use sqlx::Row;
    let mut titles: Vec<String> = sqlx::query("SELECT report_json FROM reports")
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let json: String = r.try_get(0).unwrap();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            value["title"].as_str().unwrap().to_owned()
        })
        .collect();
    titles.sort();
    titles
}
