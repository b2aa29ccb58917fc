//! `cargo xtask bench-server [N]`: starts the release server on a free loopback port and
//! submits N reports (default 20,000) from 32 keep-alive connections, each with its own
//! Idempotency-Key; prints submissions per second and p50/p99 latency, then checks that
//! every accepted report is stored (counted through the officer queue). Bounded in count;
//! loopback only. Then, as the floor on the same server and connections, N `GET /v1/health`
//! (one `SELECT 1` each). With `KOTACERDAS_BENCH_POSTGRES_URL` set it runs again on PostgreSQL.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::{Result, cargo, run as run_command, workspace_root};

const CONNECTIONS: usize = 32;

struct Server {
    child: Child,
    base: String,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(database: &str) -> Result<Server> {
    let binary = workspace_root().join("target/release/kotacerdas-server");
    let mut child = Command::new(binary)
        .args(["--listen", "127.0.0.1:0", "--database", database])
        .env("KOTACERDAS_QUIET", "1")
        .env("KOTACERDAS_RATE_LIMIT", "0")
        .env("KOTACERDAS_NIK_KEY", "bench-nik-key-0123456789abcdef")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start server: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let first = lines
        .next()
        .ok_or("server printed nothing")?
        .map_err(|e| e.to_string())?;
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .ok_or_else(|| format!("unexpected: {first}"))?
        .to_owned();
    let second = lines
        .next()
        .ok_or("no token line")?
        .map_err(|e| e.to_string())?;
    std::thread::spawn(move || for _ in lines {});
    let token = match second.find("kc_") {
        Some(index) => second[index..].trim().to_owned(),
        // An existing PostgreSQL database: make a fresh admin token.
        None => {
            let output = Command::new(workspace_root().join("target/release/kotacerdas-server"))
                .args([
                    "token",
                    "create",
                    "--role",
                    "admin",
                    "--label",
                    "bench",
                    "--database",
                    database,
                ])
                .output()
                .map_err(|e| e.to_string())?;
            String::from_utf8_lossy(&output.stdout).trim().to_owned()
        }
    };
    Ok(Server {
        child,
        base: format!("http://{address}"),
        token,
    })
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn now_iso() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    kotacerdas_core::calendar::Instant::from_unix_seconds(i64::try_from(seconds).unwrap_or(0))
        .to_string()
}

/// Stored open reports, counted through the officer queue (200 per page).
fn stored(server: &Server) -> Result<usize> {
    let agent = agent();
    let mut total = 0;
    loop {
        let url = format!("{}/v1/officer/queue?limit=200&offset={total}", server.base);
        let mut response = agent
            .get(&url)
            .header("authorization", &format!("Bearer {}", server.token))
            .call()
            .map_err(|e| e.to_string())?;
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| e.to_string())?;
        let value: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
        let page = value["reports"].as_array().map_or(0, Vec::len);
        total += page;
        if page < 200 {
            return Ok(total);
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// What `drive` measured: latencies sorted, requests answered as expected, failures, time.
struct Measured {
    latencies: Vec<Duration>,
    succeeded: usize,
    errors: usize,
    elapsed: Duration,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.succeeded as f64 / self.elapsed.as_secs_f64()
    }

    fn milliseconds(&self, p: f64) -> f64 {
        percentile(&self.latencies, p).as_secs_f64() * 1000.0
    }
}

/// Sends `requests` requests from `CONNECTIONS` keep-alive connections; `send` makes request
/// number n and says whether the answer was the expected one.
fn drive(
    base: &str,
    requests: usize,
    send: impl Fn(&ureq::Agent, &str, usize) -> bool + Send + Sync + 'static,
) -> Result<Measured> {
    let send = Arc::new(send);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONNECTIONS {
        let (send, next, base) = (Arc::clone(&send), Arc::clone(&next), base.to_owned());
        workers.push(std::thread::spawn(move || {
            let agent = agent();
            let mut latencies = Vec::new();
            let (mut succeeded, mut errors) = (0usize, 0usize);
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= requests {
                    break;
                }
                let sent = Instant::now();
                let ok = send(&agent, &base, n);
                latencies.push(sent.elapsed());
                if ok {
                    succeeded += 1;
                } else {
                    errors += 1;
                }
            }
            (latencies, succeeded, errors)
        }));
    }
    let mut measured = Measured {
        latencies: Vec::with_capacity(requests),
        succeeded: 0,
        errors: 0,
        elapsed: Duration::ZERO,
    };
    for worker in workers {
        let (latencies, succeeded, errors) = worker.join().map_err(|_| "load thread panicked")?;
        measured.latencies.extend(latencies);
        measured.succeeded += succeeded;
        measured.errors += errors;
    }
    measured.elapsed = started.elapsed();
    measured.latencies.sort();
    Ok(measured)
}

fn load(label: &str, database: &str, requests: usize) -> Result {
    let server = start(database)?;
    let before = stored(&server)?;
    let body = serde_json::json!({
        "kind": "pengaduan",
        "category": "INFRA.DRAINASE",
        "title": "Saluran tersumbat (bench)",
        "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan",
        "location": { "lat": -7.19, "lon": 113.24, "accuracy_m": 15.0 },
        "reporter": { "phone": "081234567890" },
        "confidential": false,
        "created_at": now_iso(),
    })
    .to_string();
    let run_id = std::process::id();
    let submitted = drive(&server.base, requests, move |agent, base, n| {
        let response = agent
            .post(&format!("{base}/v1/reports"))
            .header("content-type", "application/json")
            .header("idempotency-key", &format!("bench-{run_id}-{n:08}"))
            .send(body.as_str());
        match response {
            Ok(mut r) if r.status().as_u16() == 201 => r.body_mut().read_to_string().is_ok(),
            _ => false,
        }
    })?;
    let after = stored(&server)?;
    let accepted = submitted.succeeded;
    println!(
        "{label}: {requests} submissions over {CONNECTIONS} connections in {:.2} s: {:.0} submissions/s, p50 {:.1} ms, p99 {:.1} ms, errors {}, stored {} of {accepted} accepted",
        submitted.elapsed.as_secs_f64(),
        submitted.per_second(),
        submitted.milliseconds(0.50),
        submitted.milliseconds(0.99),
        submitted.errors,
        after - before,
    );
    if after - before != accepted || submitted.errors > 0 {
        return Err(format!(
            "{label}: {} errors, {} stored of {accepted} accepted",
            submitted.errors,
            after - before
        ));
    }
    // The floor on the same server, connections and database: `GET /v1/health` does one
    // `SELECT 1` round trip and no work of ours, so the ratio shows what a submission costs
    // beyond HTTP and the database connection (validation, routing, SLA, the insert).
    let floor = drive(&server.base, requests, |agent, base, _| {
        match agent.get(&format!("{base}/v1/health")).call() {
            Ok(mut r) if r.status().as_u16() == 200 => r.body_mut().read_to_string().is_ok(),
            _ => false,
        }
    })?;
    println!(
        "{label} floor: {requests} health checks over {CONNECTIONS} connections in {:.2} s: {:.0} requests/s, p50 {:.1} ms, p99 {:.1} ms, errors {}",
        floor.elapsed.as_secs_f64(),
        floor.per_second(),
        floor.milliseconds(0.50),
        floor.milliseconds(0.99),
        floor.errors,
    );
    Ok(())
}

/// Entry point.
pub fn run(args: &[String]) -> Result {
    let requests = match args.first() {
        Some(n) => n.parse().map_err(|_| format!("not a count: {n}"))?,
        None => 20_000,
    };
    run_command(&cargo(), &["build", "--release", "-p", "kotacerdas-server"])?;
    let dir = std::env::temp_dir().join(format!("kotacerdas-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let sqlite = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    let result = load("SQLite", &sqlite, requests);
    let _ = std::fs::remove_dir_all(&dir);
    result?;
    match std::env::var("KOTACERDAS_BENCH_POSTGRES_URL") {
        Ok(url) => load("PostgreSQL", &url, requests)?,
        Err(_) => println!("PostgreSQL: skipped (set KOTACERDAS_BENCH_POSTGRES_URL)"),
    }
    Ok(())
}
