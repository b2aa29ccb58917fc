//! `cargo xtask`: one entry point that builds and tests every channel, so that README, CI and
//! developers run exactly the same steps.
//!
//! - `cargo xtask test`: formatting, clippy, every Rust test (unit, integration, doc, CLI), and
//!   each binding's suite: Kotlin/JVM (`mvn -q test`), Python (pytest), Swift (`swift test`,
//!   only where `swift` is on PATH). The CLI tests include the conformance suite:
//!   every vector file validated against its JSON Schemas (`cli/tests/conformance_vectors.rs`)
//!   and run through the real runner (`cli/tests/conformance_runner.rs`).
//! - `cargo xtask bindings`: builds `kotacerdas-mobile` (release, symbols kept) and generates
//!   its Kotlin, Swift and Python bindings with the workspace's pinned `uniffi-bindgen`.
//! - `cargo xtask bench-kotlin`: the JVM benchmark of the Kotlin bindings (ns per call).
//! - `cargo xtask android`: the Android AAR (needs the NDK and cargo-ndk; see docs/android.md).
//! - `cargo xtask bench [--quick]`: every benchmark in one run (criterion, npm against its
//!   peers, JVM, Python against python-stdnum, server, package size, CLI memory), written to
//!   `docs/performance.md` (see `bench.rs`).
//! - `cargo xtask bench-server [N]`: load benchmark of the release server on loopback (N
//!   submissions, default 20,000) with SQLite, and with PostgreSQL when
//!   `KOTACERDAS_BENCH_POSTGRES_URL` is set; prints submissions/s and p50/p99 latency.
//! - `cargo xtask niks N [--seed S]`: N synthetic NIK lines (a realistic mix of valid and
//!   invalid ones) for benchmarks and the CLI memory check. **Synthetic**: generated from
//!   region codes and random dates, they belong to no known person.
//! - `cargo xtask cli-memory [N]`: runs the release CLI on N generated lines (default
//!   1,000,000) through stdin and prints its peak memory (GNU time) and the summary.
//! - `cargo xtask fuzz [--seconds N] [TARGET ...]`: every cargo-fuzz target for N seconds
//!   (see `fuzz.rs`).
//! - `cargo xtask test-npm [--budget-kb N]`: the npm package's Node and browser tests against
//!   the packed tarball (part of `cargo xtask test`).
//! - `cargo xtask bench-npm [N]`: the package against `nik-parser` and `nusantara-valid` on N
//!   generated NIKs (default 1,000,000); prints ns per NIK and ratios.
//! - `cargo xtask npm [--budget-kb N]`: builds the npm package `kotacerdas` into `bindings-wasm/pkg/`, prints
//!   its sizes and fails over the 150 KB gzip budget (`--budget-kb` sets the main entry's;
//!   `kotacerdas/ids` is always held to 150 KB).

use std::env;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

mod bench;
mod bench_server;
mod demo;
mod fuzz;
mod mobile;
mod niks;
mod npm;
mod wasm_size;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("bench") => bench::bench(&args[1..]),
        Some("bench-server") => bench_server::run(&args[1..]),
        Some("niks") => generate_niks(&args[1..]),
        Some("cli-memory") => cli_memory(&args[1..]),
        Some("bindings") => mobile::bindings().map(|_| ()),
        Some("bench-kotlin") => mobile::bench_kotlin(),
        Some("android") => mobile::android(),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("npm") => npm::npm(&args[1..]),
        Some("demo") => demo::demo(&args[1..]),
        Some("test-e2e") => demo::test_e2e(),
        Some("test-npm") => npm::test_npm(&args[1..]),
        Some("bench-npm") => npm::bench_npm(&args[1..]),
        Some("wasm-size") => wasm_size::wasm_size(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <test | bench [--quick] | bench-server [REQUESTS] | niks N [--seed S] | cli-memory [N] | fuzz [--seconds N] [TARGET ...] | npm | test-npm | demo [--listen ADDR] | test-e2e | bench-npm | wasm-size [ENTRY | WASM] | bindings | bench-kotlin | android>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs a command in the workspace root, echoing it, and fails on a non-zero status.
fn run(program: &str, args: &[&str]) -> Result {
    run_in(&workspace_root(), program, args)
}

/// Runs a command in a folder, echoing it, and fails on a non-zero status.
fn run_in(dir: &Path, program: &str, args: &[&str]) -> Result {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn test() -> Result {
    let cargo = cargo();
    run(&cargo, &["fmt", "--all", "--check"])?;
    run(
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // For wasm32: the facade with its default features (the main npm entry), without them (the
    // module of `kotacerdas/ids`), the batch loop and the client's facade.
    for packages in [
        &[
            "-p",
            "kotacerdas-wasm",
            "-p",
            "kotacerdas-wasm-batch",
            "-p",
            "kotacerdas-wasm-client",
        ][..],
        &["-p", "kotacerdas-wasm", "--no-default-features"],
    ] {
        let mut args = vec!["clippy"];
        args.extend_from_slice(packages);
        args.extend_from_slice(&[
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]);
        run(&cargo, &args)?;
    }
    // The client must keep compiling for the browser (the npm package wraps it).
    run(
        &cargo,
        &[
            "check",
            "-p",
            "kotacerdas-client",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    if env::var_os("KOTACERDAS_TEST_POSTGRES_URL").is_none() {
        eprintln!(
            "xtask: NOTE PostgreSQL server tests SKIPPED: KOTACERDAS_TEST_POSTGRES_URL is not set \
             (.ci/run starts PostgreSQL and sets it; see docs/server.md)"
        );
    }
    run(&cargo, &["test", "--workspace"])?;
    // The npm package: build, pack, install the tarball, Node and browser tests.
    npm::test_npm(&npm::CI_BUDGET_ARGS.map(str::to_owned))?;
    demo::test_e2e()?;
    mobile::test()?;
    eprintln!("xtask: all test suites passed");
    Ok(())
}

fn generate_niks(args: &[String]) -> Result {
    let count: u64 = args
        .first()
        .and_then(|n| n.replace('_', "").parse().ok())
        .ok_or("usage: cargo xtask niks N [--seed S]")?;
    let seed = match args.iter().position(|a| a == "--seed") {
        Some(i) => args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .ok_or("--seed needs a number")?,
        None => 2027,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    niks::write_mix(&mut out, count, seed)
        .and_then(|()| out.flush())
        .or_else(|e| {
            // `| head` closes the pipe early; that is not a failure.
            if e.kind() == io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(e.to_string())
            }
        })
}

fn cli_memory(args: &[String]) -> Result {
    let count: u64 = match args.first() {
        Some(n) => n
            .replace('_', "")
            .parse()
            .map_err(|_| "usage: cargo xtask cli-memory [N]")?,
        None => 1_000_000,
    };
    run(&cargo(), &["build", "--release", "-p", "kotacerdas-cli"])?;
    let binary = workspace_root().join("target/release/kotacerdas");
    let mut ours = Command::new(&binary);
    ours.args(["nik", "check", "-", "--format", "jsonl"])
        .args(["--reference-date", "2026-11-29"]);
    peak_memory("peak RSS", ours, count)?;
    eprintln!("xtask: {count} lines through `kotacerdas nik check -`");
    // The peer, when `cargo xtask bench-npm` has installed it: the npm `nik-parser` in a
    // Node line reader doing the same job (one JSON line per input), on the same lines.
    let bench = workspace_root().join("bindings-wasm/bench");
    if bench.join("node_modules/nik-parser").is_dir() {
        let mut peer = Command::new("node");
        peer.arg(bench.join("nik-parser-lines.mjs"));
        peak_memory("peer nik-parser (Node line reader): peak RSS", peer, count)?;
    } else {
        println!("peer nik-parser: skipped (run `cargo xtask bench-npm` first to install it)");
    }
    Ok(())
}

/// Runs the command under GNU time with `count` synthetic NIK lines on stdin and prints
/// `<label> <peak> KiB, <seconds> s wall`.
fn peak_memory(label: &str, command: Command, count: u64) -> Result {
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg(format!("{label} %M KiB, %e s wall"))
        .arg(command.get_program())
        .args(command.get_args());
    let mut child = timed
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start /usr/bin/time (GNU time): {e}"))?;
    {
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let mut writer = BufWriter::new(stdin);
        niks::write_mix(&mut writer, count, 2027).map_err(|e| e.to_string())?;
        writer.flush().map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{label}: the command failed ({status})"))
    }
}
