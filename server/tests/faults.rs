//! Fault injection between the client/outbox and the real server: a TCP proxy in the test
//! drops connections mid-request and mid-response, stalls past the client's timeout, answers
//! 500 (JSON) and 502 (an HTML page, like a load balancer), and corrupts the server's JSON.
//! Each fault gives the client a clear, stable error code; the outbox delivers every report
//! exactly once through all of them (counted in the real server's database). Then the server
//! against PostgreSQL restarting mid-load (when `KOTACERDAS_TEST_POSTGRES_URL` and
//! `KOTACERDAS_TEST_POSTGRES_DIR` are set, as `.ci/run` does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Backend, Server, TestDb, backends};
use kotacerdas_client::outbox::{Outbox, SqliteStore};
use kotacerdas_client::{Client, ClientError, RetryPolicy};
use kotacerdas_core::complaint::ReportDraft;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy does to one request (one connection: it forces `Connection: close`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// Forwarded unchanged.
    Pass,
    /// Half the request reaches the server, then both connections close.
    DropMidRequest,
    /// The server answers; the client gets half the response, then the connection closes.
    DropMidResponse,
    /// The server answers; the proxy holds the response past the client's timeout.
    Stall,
    /// The proxy answers 500 with the server's JSON error shape (the server never sees it).
    Status500,
    /// The proxy answers 502 with an HTML page.
    Status502Html,
    /// The server answers; the proxy replaces the body with truncated JSON.
    MalformedJson,
}

const CLIENT_TIMEOUT: Duration = Duration::from_millis(1500);
const STALL: Duration = Duration::from_millis(2500);

struct FaultProxy {
    base: String,
    faults: Arc<Mutex<VecDeque<Fault>>>,
    seen: Arc<Mutex<Vec<Fault>>>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultProxy {
    async fn start(upstream: SocketAddr) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let faults: Arc<Mutex<VecDeque<Fault>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Fault>>> = Arc::default();
        let (queue, log) = (faults.clone(), seen.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let fault = queue.lock().unwrap().pop_front().unwrap_or(Fault::Pass);
                log.lock().unwrap().push(fault);
                tokio::spawn(async move {
                    let _ = relay(client, upstream, fault).await;
                });
            }
        });
        FaultProxy {
            base,
            faults,
            seen,
            task,
        }
    }

    fn push(&self, faults: &[Fault]) {
        self.faults.lock().unwrap().extend(faults);
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads one HTTP request (head and `Content-Length` body).
async fn read_request(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = find(&buffer, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buffer.len() >= end + 4 + length {
                return Ok(buffer);
            }
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
}

/// The request with `Connection: close`, sent upstream; the whole response (read to EOF).
async fn forward(request: &[u8], upstream: SocketAddr) -> std::io::Result<Vec<u8>> {
    let end = find(request, b"\r\n\r\n").unwrap_or(request.len());
    let mut rewritten = request[..end].to_vec();
    rewritten.extend_from_slice(b"\r\nconnection: close");
    rewritten.extend_from_slice(&request[end..]);
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(&rewritten).await?;
    let mut response = Vec::new();
    server.read_to_end(&mut response).await?;
    Ok(response)
}

fn response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn relay(mut client: TcpStream, upstream: SocketAddr, fault: Fault) -> std::io::Result<()> {
    let request = read_request(&mut client).await?;
    let reply = match fault {
        Fault::DropMidRequest => {
            let mut server = TcpStream::connect(upstream).await?;
            server.write_all(&request[..request.len() / 2]).await?;
            return Ok(()); // both connections drop here
        }
        Fault::Status500 => response(
            "500 Internal Server Error",
            "application/json",
            r#"{"error":{"code":"INTERNAL","message_id":"Kesalahan server","message_en":"Server error","fields":{}}}"#,
        ),
        Fault::Status502Html => response(
            "502 Bad Gateway",
            "text/html",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        ),
        Fault::Pass => forward(&request, upstream).await?,
        Fault::DropMidResponse => {
            let whole = forward(&request, upstream).await?;
            whole[..whole.len() / 2].to_vec()
        }
        Fault::Stall => {
            let whole = forward(&request, upstream).await?;
            tokio::time::sleep(STALL).await;
            whole
        }
        Fault::MalformedJson => {
            let whole = forward(&request, upstream).await?;
            let end = find(&whole, b"\r\n\r\n").unwrap_or(whole.len());
            let status = String::from_utf8_lossy(&whole[..end])
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("HTTP/1.1 ")
                .to_owned();
            response(&status, "application/json", r#"{"id": "rpt_"#)
        }
    };
    client.write_all(&reply).await?;
    client.shutdown().await
}

fn draft(title: &str) -> ReportDraft {
    serde_json::from_value(common::draft(title, false)).unwrap()
}

/// An outbox in `file` holding one draft per title.
async fn filled_outbox(
    file: &std::path::Path,
    titles: impl Iterator<Item = String>,
) -> Outbox<SqliteStore> {
    let outbox = Outbox::new(SqliteStore::open(file).unwrap());
    for title in titles {
        outbox.add(&draft(&title)).await.unwrap();
    }
    outbox
}

/// (reports, distinct idempotency keys, distinct titles) in the server's database.
async fn server_counts(db: &TestDb) -> (i64, i64, usize) {
    let (reports, keys) = db.report_counts().await;
    let pool = db.pool().await;
    let mut titles = common::stored_titles(&pool).await;
    titles.dedup();
    pool.close().await;
    (reports, keys, titles.len())
}

fn client(base: &str) -> Client {
    Client::with_timeout(base, CLIENT_TIMEOUT)
        .unwrap()
        .with_retry(RetryPolicy {
            attempts: 1,
            ..RetryPolicy::default()
        })
}

/// One submission through each fault: the error code the app sees, and whether the server
/// stored the report anyway (then a resend with the same key must return that report).
async fn each_fault_gives_a_clear_code(proxy: &FaultProxy, direct: &Client, db: &TestDb) {
    let through = client(&proxy.base);
    let cases = [
        (Fault::DropMidRequest, "NETWORK", false),
        (Fault::DropMidResponse, "NETWORK", true),
        (Fault::Stall, "TIMEOUT", true),
        (Fault::Status500, "INTERNAL", false),
        (Fault::Status502Html, "DECODE", false),
        (Fault::MalformedJson, "DECODE", true),
    ];
    for (index, (fault, code, stored)) in cases.into_iter().enumerate() {
        let key = format!("fault-key-{index:04}-0000");
        let body = serde_json::to_vec(&draft(&format!("fault {fault:?}"))).unwrap();
        let (before, _, _) = server_counts(db).await;
        proxy.push(&[fault]);
        let error = through.submit_raw(&body, &key).await.unwrap_err();
        assert_eq!(error.code(), code, "{fault:?}: {error:?}");
        // What the outbox does with it: every one of these is retried later, none is final.
        assert!(
            error.is_transient() || matches!(error, ClientError::Decode { .. }),
            "{fault:?}"
        );
        if fault == Fault::Stall {
            // The proxy delivers the server's answer after the client gave up.
            tokio::time::sleep(STALL).await;
        }
        let (after, _, _) = server_counts(db).await;
        assert_eq!(after - before, i64::from(stored), "{fault:?}: stored?");
        // The resend (same key, same bytes) gives one report, never a second one.
        let first = direct.submit_raw(&body, &key).await.unwrap();
        let again = through.submit_raw(&body, &key).await.unwrap();
        assert_eq!(first, again);
        assert_eq!(server_counts(db).await.0, before + 1, "{fault:?}");
    }
}

const OUTBOX_REPORTS: usize = 30;

async fn fault_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let env = [("KOTACERDAS_RATE_LIMIT", "0"), ("KOTACERDAS_QUIET", "1")];
    let server = Server::start(&db, 0, &env);
    let upstream: SocketAddr = server.base.trim_start_matches("http://").parse().unwrap();
    let proxy = FaultProxy::start(upstream).await;
    let direct = client(&server.base);

    each_fault_gives_a_clear_code(&proxy, &direct, &db).await;
    let (first_part, _, _) = server_counts(&db).await;
    assert_eq!(first_part, 6);

    // The outbox through a stream of mixed faults.
    let titles = (0..OUTBOX_REPORTS).map(|index| format!("outbox #{index:03}"));
    let outbox = filled_outbox(&db.dir.path().join("outbox.db"), titles).await;
    let pattern = [
        Fault::Pass,
        Fault::DropMidRequest,
        Fault::DropMidResponse,
        Fault::Pass,
        Fault::Status500,
        Fault::MalformedJson,
        Fault::Stall,
        Fault::Pass,
        Fault::Status502Html,
        Fault::DropMidResponse,
        Fault::Pass,
        Fault::Pass,
    ];
    for _ in 0..6 {
        proxy.push(&pattern);
    }
    let through = client(&proxy.base);
    let mut stops: BTreeMap<String, usize> = BTreeMap::new();
    let mut rounds = 0;
    loop {
        rounds += 1;
        assert!(rounds < 200, "the outbox never drained: {stops:?}");
        let report = outbox.sync(&through).await.unwrap();
        assert_eq!(
            report.rejected, 0,
            "a fault made a report final: {report:?}"
        );
        match report.stopped_by {
            Some(error) => *stops.entry(error.code().to_owned()).or_default() += 1,
            None if report.remaining == 0 => break,
            None => {}
        }
    }
    let seen = proxy.seen.lock().unwrap().clone();
    eprintln!(
        "{backend:?}: outbox drained in {rounds} rounds through {} proxied requests; stopped by {stops:?}",
        seen.len()
    );
    for fault in pattern {
        assert!(seen.contains(&fault), "{fault:?} was never injected");
    }
    for code in stops.keys() {
        assert!(
            ["NETWORK", "TIMEOUT", "INTERNAL", "DECODE"].contains(&code.as_str()),
            "unexpected code {code}"
        );
    }
    assert!(stops.len() >= 4, "too few kinds of failure seen: {stops:?}");
    // A stalled answer may still be in flight; let it land before counting.
    tokio::time::sleep(STALL).await;

    let total = 6 + OUTBOX_REPORTS as i64;
    assert_eq!(
        server_counts(&db).await,
        (total, total, total as usize),
        "reports, keys, titles on the server: none lost, none duplicated"
    );
    let items = outbox.items().await.unwrap();
    common::assert_all_sent_once(&items, OUTBOX_REPORTS);
    assert!(items.iter().any(|item| item.attempts > 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_delivers_exactly_once_through_dropped_stalled_and_corrupted_responses() {
    let _exclusive = POSTGRES_EXCLUSIVE.lock().await;
    for backend in backends() {
        fault_scenario(backend).await;
    }
}

/// Runs `.ci/postgres.sh ACTION DIR` (stop/start keeping the data).
fn postgres(action: &str, dir: &str) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/postgres.sh");
    let status = std::process::Command::new("bash")
        .args([script, action, dir])
        .status()
        .unwrap();
    assert!(status.success(), "postgres.sh {action} failed");
}

/// PostgreSQL stopped until dropped (also when the test fails, for the tests that follow).
struct Paused(String);

impl Paused {
    fn new(dir: &str) -> Paused {
        postgres("pause", dir);
        Paused(dir.to_owned())
    }
}

impl Drop for Paused {
    fn drop(&mut self) {
        postgres("resume", &self.0);
    }
}

const WRITERS: usize = 4;
const OUTAGE: Duration = Duration::from_secs(6);
const WRITER_TIMEOUT: Duration = Duration::from_secs(2);

/// The restart test stops the PostgreSQL server the other test of this file uses.
static POSTGRES_EXCLUSIVE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
const PER_WRITER: usize = 25;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_survives_postgres_restarting_mid_load() {
    let (Ok(_), Ok(dir)) = (
        std::env::var("KOTACERDAS_TEST_POSTGRES_URL"),
        std::env::var("KOTACERDAS_TEST_POSTGRES_DIR"),
    ) else {
        eprintln!(
            "SKIPPED PostgreSQL restart: set KOTACERDAS_TEST_POSTGRES_URL and KOTACERDAS_TEST_POSTGRES_DIR (the data dir of .ci/postgres.sh); .ci/run does"
        );
        return;
    };
    let _exclusive = POSTGRES_EXCLUSIVE.lock().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = [("KOTACERDAS_RATE_LIMIT", "0"), ("KOTACERDAS_QUIET", "1")];
    let server = Server::start(&db, 0, &env);
    let errors: Arc<Mutex<BTreeMap<String, usize>>> = Arc::default();
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let outbox_file = db.dir.path().join(format!("outbox-{writer}.db"));
        let base = server.base.clone();
        let errors = errors.clone();
        writers.push(tokio::spawn(async move {
            let titles = (0..PER_WRITER).map(|index| format!("pg w{writer} #{index:03}"));
            let outbox = filled_outbox(&outbox_file, titles).await;
            let client = Client::with_timeout(&base, WRITER_TIMEOUT)
                .unwrap()
                .with_retry(RetryPolicy {
                    attempts: 1,
                    ..RetryPolicy::default()
                });
            let started = Instant::now();
            loop {
                assert!(started.elapsed() < Duration::from_secs(180), "writer stuck");
                let report = outbox.sync_some(&client, 1).await.unwrap();
                assert_eq!(report.rejected, 0, "{report:?}");
                if let Some(error) = report.stopped_by {
                    *errors
                        .lock()
                        .unwrap()
                        .entry(error.code().to_owned())
                        .or_default() += 1;
                } else if report.remaining == 0 {
                    return outbox.items().await.unwrap();
                }
                tokio::time::sleep(Duration::from_millis(40)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    let (stored_before, _, _) = server_counts(&db).await;
    let paused = Paused::new(&dir);
    // The outage, longer than the writers' timeout: they see codes and keep their reports.
    tokio::time::sleep(OUTAGE).await;
    drop(paused);
    let mut items = Vec::new();
    for writer in writers {
        items.extend(writer.await.unwrap());
    }
    let errors = errors.lock().unwrap().clone();
    eprintln!(
        "PostgreSQL restart: {stored_before} reports stored before a {OUTAGE:?} outage; writers stopped by {errors:?}"
    );
    assert!(
        stored_before < (WRITERS * PER_WRITER) as i64,
        "load ended before the outage"
    );
    assert!(!errors.is_empty(), "the outage was not observed");
    for code in errors.keys() {
        assert!(
            ["UNAVAILABLE", "INTERNAL", "TIMEOUT"].contains(&code.as_str()),
            "unclear error during the outage: {code}"
        );
    }
    let total = (WRITERS * PER_WRITER) as i64;
    assert_eq!(
        server_counts(&db).await,
        (total, total, total as usize),
        "reports, keys, titles after the restart"
    );
    common::assert_all_sent_once(&items, WRITERS * PER_WRITER);
}
