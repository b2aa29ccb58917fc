//! `cargo xtask fuzz [--seconds N] [TARGET ...]`: builds the cargo-fuzz targets of `fuzz/` with
//! the nightly toolchain and runs each for N seconds (default 30) from its committed seeds
//! (`fuzz/seeds/<target>`). `.ci/run` runs every target for a short smoke time so that a
//! regression shows in CI; the 10-minute local runs and their figures are in `fuzz/README.md`. Any crash fails the run; libFuzzer leaves the input in
//! `fuzz/artifacts/<target>/` — turn it into a regression test before fixing.
//!
//! Installs what it needs on a fresh machine: the nightly toolchain (minimal profile) and
//! cargo-fuzz at a pinned version.

use std::fs;
use std::process::Command;
use std::time::Instant;

use crate::{Result, run, workspace_root};

const CARGO_FUZZ_VERSION: &str = "0.13.2";

pub fn fuzz(args: &[String]) -> Result {
    let mut seconds = 30u64;
    let mut targets: Vec<String> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--seconds" {
            seconds = rest
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or("--seconds needs a number")?;
        } else {
            targets.push(arg.clone());
        }
    }
    if targets.is_empty() {
        targets = all_targets()?;
    }
    let started = Instant::now();
    ensure_tools()?;
    let fuzz_dir = workspace_root().join("fuzz");
    let dir = fuzz_dir.to_string_lossy().into_owned();
    run(
        "cargo",
        &["+nightly", "fuzz", "build", "-O", "--fuzz-dir", &dir],
    )?;
    let built = started.elapsed().as_secs();
    for target in &targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let seeds = fuzz_dir.join("seeds").join(target);
        let max_time = format!("-max_total_time={seconds}");
        run(
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                "-O",
                "--fuzz-dir",
                &dir,
                target,
                &corpus.to_string_lossy(),
                &seeds.to_string_lossy(),
                "--",
                &max_time,
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ],
        )?;
    }
    eprintln!(
        "xtask: {} fuzz targets ran {seconds} s each without a crash ({built} s to install and build, {} s in all)",
        targets.len(),
        started.elapsed().as_secs()
    );
    Ok(())
}

/// The `[[bin]]` names of `fuzz/Cargo.toml`.
fn all_targets() -> Result<Vec<String>> {
    let manifest = workspace_root().join("fuzz/Cargo.toml");
    let text = fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let mut targets = Vec::new();
    let mut in_bin = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if let (true, Some(name)) = (in_bin, line.strip_prefix("name = ")) {
            targets.push(name.trim_matches('"').to_owned());
        }
    }
    Ok(targets)
}

fn ensure_tools() -> Result {
    let has_nightly = Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_nightly {
        run(
            "rustup",
            &["toolchain", "install", "nightly", "--profile", "minimal"],
        )?;
    }
    let fuzz_version = Command::new("cargo").args(["fuzz", "--version"]).output();
    let installed =
        fuzz_version.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(CARGO_FUZZ_VERSION));
    if !installed {
        run(
            "cargo",
            &[
                "install",
                "cargo-fuzz",
                "--version",
                CARGO_FUZZ_VERSION,
                "--locked",
            ],
        )?;
    }
    Ok(())
}
