//! Crash tests of the outbox against the real server: a client process submitting 200
//! reports through its outbox is SIGKILLed at random moments and restarted until its outbox
//! is empty; then the server is SIGKILLed and restarted while a client streams 200 reports.
//! Either way the server ends with exactly 200 reports, none duplicated, none lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Backend, Server, TestDb, backends};
use kotacerdas_client::outbox::{Outbox, SqliteStore};
use kotacerdas_client::{Client, RetryPolicy};

const TOTAL: usize = 200;

/// Not a test on its own: the body of the client process the crash tests spawn (and kill).
/// Without its environment variables it returns at once.
#[test]
fn outbox_driver_process() {
    let Ok(outbox_file) = std::env::var("KC_DRIVER_OUTBOX") else {
        return;
    };
    let base = std::env::var("KC_DRIVER_URL").unwrap();
    let delay = Duration::from_millis(
        std::env::var("KC_DRIVER_DELAY_MS")
            .unwrap()
            .parse()
            .unwrap(),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let outbox = Outbox::new(SqliteStore::open(&outbox_file).unwrap());
        // Drafts are made (and persisted) before any network call, resuming after a kill.
        let have = outbox.items().await.unwrap().len();
        for index in have..TOTAL {
            let draft: kotacerdas_core::complaint::ReportDraft =
                serde_json::from_value(common::draft(&format!("crash #{index:03}"), false))
                    .unwrap();
            outbox.add(&draft).await.unwrap();
        }
        let client = Client::with_timeout(&base, Duration::from_secs(5))
            .unwrap()
            .with_retry(RetryPolicy {
                attempts: 1,
                ..RetryPolicy::default()
            });
        loop {
            let report = outbox.sync_some(&client, 1).await.unwrap();
            if report.remaining == 0 && report.stopped_by.is_none() {
                break;
            }
            tokio::time::sleep(delay).await;
        }
    });
}

fn spawn_driver(outbox: &std::path::Path, base: &str, delay_ms: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "outbox_driver_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("KC_DRIVER_OUTBOX", outbox)
        .env("KC_DRIVER_URL", base)
        .env("KC_DRIVER_DELAY_MS", delay_ms.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A small xorshift generator; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        eprintln!("crash test seed {seed}");
        Rng(seed)
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        low + self.0 % (high - low)
    }
}

/// Exactly `TOTAL` reports, one per title, and an outbox whose items are all sent with
/// distinct tracking codes.
async fn assert_exactly_once(db: &TestDb, outbox_file: &std::path::Path) {
    let (count, keys) = db.report_counts().await;
    assert_eq!(count, TOTAL as i64, "reports on the server");
    let pool = db.pool().await;
    assert_eq!(keys, TOTAL as i64);
    let mut titles = common::stored_titles(&pool).await;
    titles.dedup();
    assert_eq!(titles.len(), TOTAL, "one report per draft, none duplicated");
    assert_eq!(titles[0], "crash #000");
    assert_eq!(titles[TOTAL - 1], format!("crash #{:03}", TOTAL - 1));

    let outbox = Outbox::new(SqliteStore::open(outbox_file).unwrap());
    common::assert_all_sent_once(&outbox.items().await.unwrap(), TOTAL);
}

async fn client_killed(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(
        &db,
        0,
        &[("KOTACERDAS_RATE_LIMIT", "0"), ("KOTACERDAS_QUIET", "1")],
    );
    let outbox_file = db.dir.path().join("outbox.db");
    let mut rng = Rng::new();
    let mut kills = 0;
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "crash test took too long"
        );
        let mut child = spawn_driver(&outbox_file, &server.base, 15);
        std::thread::sleep(Duration::from_millis(rng.between(20, 220)));
        match child.try_wait().unwrap() {
            Some(status) => {
                assert!(status.success(), "driver failed: {status}");
                break;
            }
            None => {
                child.kill().unwrap(); // SIGKILL
                child.wait().unwrap();
                kills += 1;
            }
        }
    }
    eprintln!("{backend:?}: client killed {kills} times");
    assert!(kills >= 20, "only {kills} kills");
    assert_exactly_once(&db, &outbox_file).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_sigkilled_twenty_times_delivers_exactly_200() {
    for backend in backends() {
        client_killed(backend).await;
    }
}

async fn server_killed(backend: Backend) {
    let db = TestDb::new(backend).await;
    let env = [("KOTACERDAS_RATE_LIMIT", "0"), ("KOTACERDAS_QUIET", "1")];
    let mut server = Server::start(&db, 0, &env);
    let port = server.port;
    let base = server.base.clone();
    let outbox_file = db.dir.path().join("outbox.db");
    let mut rng = Rng::new();
    let mut driver = spawn_driver(&outbox_file, &base, 20);
    let mut kills = 0;
    let started = Instant::now();
    let status = loop {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "crash test took too long"
        );
        std::thread::sleep(Duration::from_millis(rng.between(80, 300)));
        if let Some(status) = driver.try_wait().unwrap() {
            break status;
        }
        server.kill(); // SIGKILL, mid-stream
        kills += 1;
        std::thread::sleep(Duration::from_millis(rng.between(0, 100)));
        server = Server::start(&db, port, &env);
    };
    assert!(status.success(), "driver failed: {status}");
    eprintln!("{backend:?}: server killed {kills} times");
    assert!(kills >= 10, "only {kills} server kills");
    drop(server);
    assert_exactly_once(&db, &outbox_file).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_sigkilled_mid_stream_still_stores_exactly_200() {
    for backend in backends() {
        server_killed(backend).await;
    }
}
