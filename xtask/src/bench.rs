//! `cargo xtask bench [--quick]`: runs every benchmark of the project in one go and writes
//! `docs/performance.md` from what it measured (the file is generated, never edited by hand).
//!
//! Sections: native NIK parse and batch (criterion), tax calculation (criterion), the npm
//! package against `nik-parser` and `nusantara-valid` (one Node run), the JVM binding, the
//! Python binding against `python-stdnum` (one Python process), server submissions/s with
//! SQLite (and PostgreSQL when `KOTACERDAS_BENCH_POSTGRES_URL` is set), the npm package's size
//! against the peers' files, and the CLI's peak memory on 10 million lines. A section whose
//! toolchain is missing (or that fails) is listed as skipped with the reason. The load average
//! is recorded before and after each section: the figures are only as good as the machine was
//! quiet. `--quick` runs shorter measurements on fewer inputs (for trying the command; the
//! committed file states which mode wrote it).

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::npm::gzip_len;
use crate::{Result, cargo, workspace_root};

/// One line of the report.
struct Row {
    what: String,
    ours: String,
    peer: String,
    ratio: String,
    command: String,
}

impl Row {
    /// A row with a peer: the ratio is peer ÷ ours (above 1: ours is faster or smaller).
    fn against(
        what: &str,
        ours: f64,
        peer_name: &str,
        peer: f64,
        unit: &str,
        command: &str,
    ) -> Row {
        Row::compared(
            what,
            (ours, unit),
            peer_name,
            (peer, unit),
            peer / ours,
            command,
        )
    }

    /// A row of rates (higher is better): the ratio is ours ÷ peer, so that it reads like the
    /// others (above 1: ours is faster).
    fn rate_against(
        what: &str,
        ours: (f64, &str),
        peer_name: &str,
        peer: (f64, &str),
        command: &str,
    ) -> Row {
        Row::compared(what, ours, peer_name, peer, ours.0 / peer.0, command)
    }

    /// The row of two figures with their units; a ratio that is not finite (a zero) shows `—`.
    fn compared(
        what: &str,
        (ours, ours_unit): (f64, &str),
        peer_name: &str,
        (peer, peer_unit): (f64, &str),
        ratio: f64,
        command: &str,
    ) -> Row {
        Row {
            what: what.to_owned(),
            ours: format!("{} {ours_unit}", figure(ours)),
            peer: format!("{peer_name}: {} {peer_unit}", figure(peer)),
            ratio: if ratio.is_finite() {
                format!("{ratio:.2}×")
            } else {
                "—".to_owned()
            },
            command: command.to_owned(),
        }
    }

    /// A row without a peer (none exists, or none is measured by this command).
    fn alone(what: &str, ours: String, note: &str, command: &str) -> Row {
        Row {
            what: what.to_owned(),
            ours,
            peer: note.to_owned(),
            ratio: "—".to_owned(),
            command: command.to_owned(),
        }
    }
}

fn figure(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

struct Section {
    title: &'static str,
    load_before: String,
    load_after: String,
    outcome: std::result::Result<Vec<Row>, String>,
}

pub fn bench(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--quick");
    let root = workspace_root();
    let started = utc_now();
    let commit = capture_text(&root, "git", &["rev-parse", "--short=12", "HEAD"])
        .map(|c| c.trim().to_owned())
        .unwrap_or_else(|e| format!("unknown ({e})"));
    let dirty = capture_text(&root, "git", &["status", "--porcelain"])
        .map(|s| !s.trim().is_empty())
        .unwrap_or(false);
    type Run = fn(bool) -> Result<Vec<Row>>;
    let plan: [(&'static str, Run); 8] = [
        ("Native NIK parsing (Rust, criterion)", native),
        ("Tax calculation (Rust, criterion)", tax),
        (
            "npm package vs nik-parser and nusantara-valid (one Node run)",
            npm,
        ),
        ("npm package size vs the peers' files", npm_size),
        ("JVM (Kotlin binding)", jvm),
        (
            "Python binding vs python-stdnum (one Python process)",
            python,
        ),
        ("Server submissions", server),
        ("CLI memory", cli_memory),
    ];
    let mut sections = Vec::new();
    for (title, run) in plan {
        eprintln!("xtask bench: == {title}");
        let load_before = load_average();
        let outcome = run(quick);
        if let Err(reason) = &outcome {
            eprintln!("xtask bench: SKIPPED {title}: {reason}");
        }
        sections.push(Section {
            title,
            load_before,
            load_after: load_average(),
            outcome,
        });
    }
    let text = render(&sections, quick, &started, &commit, dirty);
    let path = root.join("docs/performance.md");
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("xtask bench: wrote {}", path.display());
    Ok(())
}

fn render(sections: &[Section], quick: bool, started: &str, commit: &str, dirty: bool) -> String {
    let mut out = String::new();
    let mode = if quick {
        "`--quick` (short measurements, fewer inputs: indicative only)"
    } else {
        "full"
    };
    let _ = writeln!(out, "# Performance\n");
    let _ = writeln!(
        out,
        "Generated by `cargo xtask bench{}` — do not edit by hand; run the command again.\n",
        if quick { " --quick" } else { "" }
    );
    let _ = writeln!(out, "- date: {started} (UTC, start of the run)");
    let _ = writeln!(out, "- machine: {}", machine());
    let _ = writeln!(
        out,
        "- git commit: `{commit}`{}",
        if dirty {
            " (with uncommitted changes)"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "- mode: {mode}");
    let _ = writeln!(
        out,
        "- load average (1, 5, 15 min) before and after each section is given with it. The machine \
         is shared (other builds run on the same cores): a load above the core count means the \
         figures include waiting for a core, for ours and the peers' alike, which is why each \
         peer is measured in the same run, right next to ours.\n"
    );
    let _ = writeln!(
        out,
        "Ratio = peer ÷ ours: above 1 means ours is faster (time) or smaller (size, memory). \
         A baseline or floor does less work than ours (it is what the simplest version of the \
         task costs), so there a ratio below 1 is expected and says what our extra work costs. \
         Inputs are synthetic NIKs from `cargo xtask niks` (a mix of valid and invalid ones; \
         they belong to no known person).\n"
    );
    for section in sections {
        let _ = writeln!(out, "## {}\n", section.title);
        let _ = writeln!(
            out,
            "Load average before: {}; after: {}.\n",
            section.load_before, section.load_after
        );
        match &section.outcome {
            Ok(rows) => {
                let _ = writeln!(out, "| what | ours | peer / baseline | ratio | command |");
                let _ = writeln!(out, "|---|---|---|---|---|");
                for row in rows {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | `{}` |",
                        row.what, row.ours, row.peer, row.ratio, row.command
                    );
                }
                let _ = writeln!(out);
            }
            Err(reason) => {
                let _ = writeln!(out, "Skipped: {}\n", reason.replace('\n', " "));
            }
        }
    }
    out
}

fn utc_now() -> String {
    capture_text(&workspace_root(), "date", &["-u", "+%Y-%m-%d %H:%M"])
        .map(|d| d.trim().to_owned())
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        })
        .map_or_else(
            || "unknown memory".to_owned(),
            |kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0),
        );
    format!("{cores} cores ({cpu}), {memory}, {}", std::env::consts::OS)
}

/// Runs a command, echoing it, and returns its stdout and stderr together (stdout first);
/// fails on a non-zero status with the end of that output.
fn capture(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<String> {
    eprintln!("xtask bench: $ {program} {}", args.join(" "));
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(text)
    } else {
        let tail: Vec<&str> = text.lines().rev().take(6).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        Err(format!(
            "`{program} {}` failed ({}): {}",
            args.join(" "),
            output.status,
            tail.join(" / ")
        ))
    }
}

/// Runs `cargo xtask ARGS...` and returns its output and the command line for the report.
fn xtask(args: &[&str]) -> Result<(String, String)> {
    let mut full = vec!["xtask"];
    full.extend_from_slice(args);
    let output = capture(&workspace_root(), &cargo(), &full, &[])?;
    Ok((output, format!("cargo {}", full.join(" "))))
}

fn capture_text(dir: &Path, program: &str, args: &[&str]) -> Result<String> {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("{program} failed ({})", output.status))
    }
}

/// `(function id, ns per element)` of every benchmark of a criterion group, from its files.
fn criterion_results(group: &str) -> Result<Vec<(String, f64)>> {
    let dir = workspace_root().join("target/criterion").join(group);
    let mut results = Vec::new();
    let entries =
        fs::read_dir(&dir).map_err(|e| format!("no results in {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let read = |name: &str| -> Option<Value> {
            let text = fs::read_to_string(entry.path().join("new").join(name)).ok()?;
            serde_json::from_str(&text).ok()
        };
        let (Some(benchmark), Some(estimates)) = (read("benchmark.json"), read("estimates.json"))
        else {
            continue;
        };
        let Some(id) = benchmark["function_id"].as_str() else {
            continue;
        };
        let Some(ns) = estimates["mean"]["point_estimate"].as_f64() else {
            continue;
        };
        let elements = benchmark["throughput"]["Elements"].as_f64().unwrap_or(1.0);
        results.push((id.to_owned(), ns / elements));
    }
    results.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(results)
}

fn criterion(bench: &str, quick: bool) -> Result<String> {
    let mut args = vec!["bench", "-p", "kotacerdas-core", "--bench", bench, "--"];
    if quick {
        args.extend(["--warm-up-time", "1", "--measurement-time", "2"]);
    }
    capture(&workspace_root(), &cargo(), &args, &[])
        .map(|_| args.join(" ").trim_end_matches(" --").to_owned())
}

/// `(benchmark id, ns per element)` pairs.
type Measurements = Vec<(String, f64)>;

/// Criterion results split into ours and the baseline (the function whose id starts with
/// `baseline:`, or `baseline: <id>` for a baseline per function).
fn with_baselines(group: &str) -> Result<(Measurements, Measurements)> {
    let (baselines, ours): (Vec<_>, Vec<_>) = criterion_results(group)?
        .into_iter()
        .partition(|(id, _)| id.starts_with("baseline: "));
    if baselines.is_empty() {
        return Err(format!("criterion group {group} has no baseline"));
    }
    Ok((ours, baselines))
}

fn native(quick: bool) -> Result<Vec<Row>> {
    let command = format!("cargo {}", criterion("nik", quick)?);
    let (ours, baselines) = with_baselines("nik")?;
    let (name, baseline) = &baselines[0];
    let name = name.trim_start_matches("baseline: ");
    Ok(ours
        .into_iter()
        .map(|(id, ns)| {
            Row::against(
                &format!("native `{id}`, per NIK"),
                ns,
                &format!(
                    "baseline, {name} (16 digits, district in a hash set, day and month ranges)"
                ),
                *baseline,
                "ns",
                &command,
            )
        })
        .collect())
}

fn tax(quick: bool) -> Result<Vec<Row>> {
    let command = format!("cargo {}", criterion("tax", quick)?);
    let (ours, baselines) = with_baselines("tax")?;
    ours.into_iter()
        .map(|(id, ns)| {
            let typed = baselines
                .iter()
                .find(|(name, _)| name == &format!("baseline: typed {id}"))
                .ok_or(format!("no typed baseline for {id}"))?;
            Ok(Row::against(
                &format!("`json_api::call(\"{id}\")` with its breakdown"),
                ns / 1000.0,
                "baseline, the typed Rust call (input parsed, rule set chosen)",
                typed.1 / 1000.0,
                "µs",
                &command,
            ))
        })
        .collect()
}

/// Synthetic NIK lines in `target/bench/`, the same generator and seed as the other benches.
fn niks_file(count: u64) -> Result<PathBuf> {
    let dir = workspace_root().join("target/bench");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("niks-{count}.txt"));
    let mut writer = BufWriter::new(fs::File::create(&path).map_err(|e| e.to_string())?);
    crate::niks::write_mix(&mut writer, count, 2027)
        .and_then(|()| writer.flush())
        .map_err(|e| e.to_string())?;
    Ok(path)
}

/// Lines ending in numbers: the label (text before the first of the last `numbers` tokens)
/// and those numbers.
fn numeric_lines(text: &str, numbers: usize) -> Vec<(String, Vec<f64>)> {
    text.lines()
        .filter_map(|line| {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            if tokens.len() <= numbers {
                return None;
            }
            let (label, tail) = tokens.split_at(tokens.len() - numbers);
            let values: Option<Vec<f64>> = tail.iter().map(|t| t.parse().ok()).collect();
            Some((label.join(" "), values?))
        })
        .collect()
}

fn find<'a>(rows: &'a [(String, Vec<f64>)], prefix: &str) -> Result<&'a [f64]> {
    rows.iter()
        .find(|(label, _)| label.starts_with(prefix))
        .map(|(_, values)| values.as_slice())
        .ok_or_else(|| format!("no result for {prefix:?} in the output"))
}

fn npm(quick: bool) -> Result<Vec<Row>> {
    let count = if quick { "100000" } else { "1000000" };
    let (output, command) = xtask(&["bench-npm", count])?;
    let lines = numeric_lines(&output, 3);
    let ns = |prefix: &str| find(&lines, prefix).map(|v| v[0]);
    let nik_parser = ns("nik-parser")?;
    let nusantara = ns("nusantara-valid extended isValidNIK")?;
    let nusantara_data = ns("nusantara-valid extended getDataNIK")?;
    let unit = "ns/NIK";
    Ok(vec![
        Row::against(
            "Node: `validateNiks(text)` batch",
            ns("kotacerdas validateNiks(string)")?,
            "nik-parser `isValid()`",
            nik_parser,
            unit,
            &command,
        ),
        Row::against(
            "Node: `validateNiks(array)` batch",
            ns("kotacerdas validateNiks(array)")?,
            "nik-parser `isValid()`",
            nik_parser,
            unit,
            &command,
        ),
        Row::against(
            "Node: `validateNik(nik)` single call",
            ns("kotacerdas validateNik(nik)")?,
            "nik-parser `isValid()`",
            nik_parser,
            unit,
            &command,
        ),
        Row::against(
            "Node: `validateNik(nik)` single call",
            ns("kotacerdas validateNik(nik)")?,
            "nusantara-valid `isValidNIK`",
            nusantara,
            unit,
            &command,
        ),
        Row::against(
            "Node: `parseNik(nik)` full record",
            ns("kotacerdas parseNik(nik)")?,
            "nusantara-valid `getDataNIK`",
            nusantara_data,
            unit,
            &command,
        ),
    ])
}

/// Sizes of the package built by `bench-npm` (run just before) and of the peers' files.
fn npm_size(_quick: bool) -> Result<Vec<Row>> {
    let root = workspace_root();
    // The main entry's module (the package also holds `kotacerdas/ids` and `kotacerdas/client`).
    let wasm = &root.join("bindings-wasm/pkg/wasm/kotacerdas_bg.wasm");
    let ours = fs::read(wasm).map_err(|e| {
        format!(
            "cannot read {} (the npm section did not build it): {e}",
            wasm.display()
        )
    })?;
    let ids_wasm = root.join("bindings-wasm/pkg/wasm/kotacerdas_ids_bg.wasm");
    let ids =
        fs::read(&ids_wasm).map_err(|e| format!("cannot read {}: {e}", ids_wasm.display()))?;
    let modules = root.join("bindings-wasm/bench/node_modules");
    let nusantara = modules.join("nusantara-valid/dist/umd/nusantara-valid.extended.js");
    let nusantara =
        fs::read(&nusantara).map_err(|e| format!("cannot read {}: {e}", nusantara.display()))?;
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(modules.join("nik-parser/package.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let main = manifest["main"].as_str().unwrap_or("index.js");
    let nik_parser = fs::read(modules.join("nik-parser").join(main)).map_err(|e| e.to_string())?;
    let kb = |n: usize| n as f64 / 1024.0;
    let command = "cargo xtask bench-npm (builds bindings-wasm/pkg); sizes gzip -9";
    let name = wasm
        .strip_prefix(&root)
        .unwrap_or(wasm)
        .display()
        .to_string();
    Ok(vec![
        Row::against(
            &format!("`{name}` (all rules: ids, regions, tax, complaints, calendar), gzip"),
            kb(gzip_len(&ours)?),
            "nusantara-valid extended UMD (with district data), gzip",
            kb(gzip_len(&nusantara)?),
            "KiB",
            command,
        ),
        Row::against(
            "the same `.wasm`, gzip",
            kb(gzip_len(&ours)?),
            &format!("nik-parser `{main}` (no region data), gzip"),
            kb(gzip_len(&nik_parser)?),
            "KiB",
            command,
        ),
        Row::against(
            "`bindings-wasm/pkg/wasm/kotacerdas_ids_bg.wasm` (`kotacerdas/ids`: identifiers, regions, all district names), gzip",
            kb(gzip_len(&ids)?),
            "nusantara-valid extended UMD (with district data), gzip",
            kb(gzip_len(&nusantara)?),
            "KiB",
            command,
        ),
    ])
}

/// One `bench-kotlin` result line:
/// `<name> <wall> ns/op wall (min ..)  <cpu> ns/op cpu (min ..)  <all> ns/op process cpu  median of N`.
struct JvmResult {
    name: String,
    wall: f64,
    /// CPU time of the calling thread.
    thread_cpu: f64,
    /// CPU time of the whole JVM (adds GC and JNA's cleaner thread), if printed.
    process_cpu: Option<f64>,
}

fn jvm_line(line: &str) -> Option<JvmResult> {
    // Maven may colour its output: drop the escape sequences.
    let line = strip_ansi(line);
    let (before, after) = line.split_once(" ns/op wall")?;
    let (name, wall) = before.trim_end().rsplit_once(' ')?;
    let (before_cpu, rest) = after.split_once(" ns/op cpu")?;
    let thread_cpu = before_cpu.rsplit(' ').next()?.parse().ok()?;
    let process_cpu = rest
        .split_once(" ns/op process cpu")
        .and_then(|(before, _)| before.rsplit(' ').next()?.parse().ok());
    Some(JvmResult {
        name: name.trim().to_owned(),
        wall: wall.parse().ok()?,
        thread_cpu,
        process_cpu,
    })
}

fn jvm(_quick: bool) -> Result<Vec<Row>> {
    let (output, command) = xtask(&["bench-kotlin"])?;
    let (baselines, ours): (Vec<_>, Vec<_>) = output
        .lines()
        .filter_map(jvm_line)
        .partition(|result| result.name.starts_with("baseline: "));
    let baseline = baselines
        .first()
        .ok_or("bench-kotlin printed no baseline")?;
    let rows = ours
        .iter()
        .map(|result| {
            let process = result
                .process_cpu
                .map(|ns| format!("; JVM process CPU {} ns", figure(ns)))
                .unwrap_or_default();
            Row::against(
                &format!(
                    "JVM `{}` (calling thread's CPU time; wall {} ns{process})",
                    result.name,
                    figure(result.wall)
                ),
                result.thread_cpu,
                &baseline.name.replacen("baseline: ", "baseline, ", 1),
                baseline.thread_cpu,
                "ns/op",
                &command,
            )
        })
        .collect();
    found(rows, "bench-kotlin")
}

/// The text without ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The rows, or an error when the command printed none.
fn found(rows: Vec<Row>, command: &str) -> Result<Vec<Row>> {
    if rows.is_empty() {
        Err(format!("{command} printed no results"))
    } else {
        Ok(rows)
    }
}

fn python(quick: bool) -> Result<Vec<Row>> {
    let root = workspace_root();
    let venv = root.join("target/bench/python-venv");
    let python = venv.join("bin/python3");
    if !python.exists() {
        capture(
            &root,
            "python3",
            &["-m", "venv", &venv.to_string_lossy()],
            &[],
        )?;
    }
    let python = python.to_string_lossy().into_owned();
    capture(
        &root,
        &python,
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "python-stdnum==2.2",
        ],
        &[],
    )?;
    crate::mobile::bindings()?;
    let count = if quick { 100_000 } else { 1_000_000 };
    let niks = niks_file(count)?;
    let script = root.join("xtask/bench/python_nik.py");
    let pythonpath = root.join("bindings-mobile/python");
    let output = capture(
        &root,
        &python,
        &[&script.to_string_lossy(), &niks.to_string_lossy()],
        &[("PYTHONPATH", &pythonpath.to_string_lossy())],
    )?;
    let lines: Vec<(String, Vec<f64>)> = output
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let label = parts.next()?.to_owned();
            let ns = parts.next()?.parse().ok()?;
            Some((label, vec![ns]))
        })
        .collect();
    let stdnum = find(&lines, "python-stdnum")?[0];
    let command = format!(
        "cargo xtask bench (python section: python-stdnum 2.2, {count} NIKs, xtask/bench/python_nik.py)"
    );
    Ok(vec![
        Row::against(
            "Python: `Nik.parse` single call (full record)",
            find(&lines, "kotacerdas Nik.parse")?[0],
            "python-stdnum `stdnum.id.nik.is_valid`",
            stdnum,
            "ns/NIK",
            &command,
        ),
        Row::against(
            "Python: `validate_nik_lines` batch",
            find(&lines, "kotacerdas validate_nik_lines")?[0],
            "python-stdnum `stdnum.id.nik.is_valid`",
            stdnum,
            "ns/NIK",
            &command,
        ),
    ])
}

fn server(quick: bool) -> Result<Vec<Row>> {
    let count = if quick { "2000" } else { "20000" };
    let (output, command) = xtask(&["bench-server", count])?;
    // "<label>: ... <rate> submissions/s, p50 .., p99 .., errors .." and the floor's line
    // "<label> floor: ... <rate> requests/s, p50 .., p99 .., errors ..".
    let figures = |prefix: &str, unit: &str| -> Option<(f64, String)> {
        let line = output.lines().find_map(|l| l.strip_prefix(prefix))?;
        let (before, after) = line.split_once(unit)?;
        let rate = before.rsplit(' ').next()?.parse().ok()?;
        let latency = after.trim_start_matches(", ").split(", errors").next()?;
        Some((rate, latency.to_owned()))
    };
    let mut rows = Vec::new();
    for backend in ["SQLite", "PostgreSQL"] {
        let what = format!("server `POST /v1/reports`, {backend}");
        let ours = figures(&format!("{backend}: "), " submissions/s");
        let floor = figures(&format!("{backend} floor: "), " requests/s");
        match (ours, floor) {
            (Some((rate, latency)), Some((floor_rate, floor_latency))) => {
                rows.push(Row::rate_against(
                    &format!("{what} ({latency})"),
                    (rate, "submissions/s"),
                    &format!(
                        "floor, `GET /v1/health` (one `SELECT 1`) on the same server ({floor_latency})"
                    ),
                    (floor_rate, "requests/s"),
                    &command,
                ));
            }
            _ => {
                if let Some(line) = output
                    .lines()
                    .find(|l| l.starts_with(&format!("{backend}:")))
                {
                    rows.push(Row::alone(&what, line.to_owned(), "—", &command));
                }
            }
        }
    }
    found(rows, "bench-server")
}

fn cli_memory(quick: bool) -> Result<Vec<Row>> {
    let count = if quick { "1000000" } else { "10000000" };
    let (output, command) = xtask(&["cli-memory", count])?;
    // "<label> <KiB> KiB, <seconds> s wall"
    let measured = |label: &str| -> Option<(f64, f64)> {
        let rest = output.lines().find_map(|l| l.strip_prefix(label))?;
        let (kib, rest) = rest.trim().split_once(" KiB, ")?;
        let seconds = rest.split_once(" s wall")?.0;
        Some((kib.parse().ok()?, seconds.parse().ok()?))
    };
    let (kib, seconds) = measured("peak RSS ").ok_or("cli-memory printed no peak RSS")?;
    let what = format!("`kotacerdas nik check -` on {count} lines (stdin to JSON lines)");
    let Some((peer_kib, peer_seconds)) = measured("peer nik-parser (Node line reader): peak RSS ")
    else {
        return Ok(vec![Row::alone(
            &what,
            format!("{} KiB, {seconds} s wall", figure(kib)),
            "— (peer not installed: run `cargo xtask bench-npm` first)",
            &command,
        )]);
    };
    let peer = "npm `nik-parser` in a Node line reader (one JSON line per input)";
    Ok(vec![
        Row::against(
            &format!("{what}: peak RSS"),
            kib,
            peer,
            peer_kib,
            "KiB",
            &command,
        ),
        Row::against(
            &format!("{what}: wall time (the line generator shares the pipe)"),
            seconds,
            peer,
            peer_seconds,
            "s",
            &command,
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_codes_are_dropped() {
        assert_eq!(
            strip_ansi("\u{1b}[0mparseNib x \u{1b}[1;31mred"),
            "parseNib x red"
        );
    }

    #[test]
    fn ratios_read_above_one_when_ours_is_better() {
        let time = Row::against("t", 2.0, "peer", 6.0, "ns", "c");
        assert_eq!(
            (time.ours.as_str(), time.ratio.as_str()),
            ("2.0 ns", "3.00×")
        );
        let rate = Row::rate_against("r", (300.0, "req/s"), "floor", (100.0, "req/s"), "c");
        assert_eq!(rate.ratio, "3.00×");
        assert_eq!(Row::against("z", 0.0, "peer", 6.0, "ns", "c").ratio, "—");
    }

    #[test]
    fn jvm_lines_give_name_wall_and_cpu() {
        let line = "\u{1b}[0mcheckNik (single call, valid)                  33631.5 ns/op wall (min 30000.0)     31000.2 ns/op cpu (min 29000.0)     50000.0 ns/op process cpu  median of 7";
        let result = jvm_line(line).unwrap();
        assert_eq!(result.name, "checkNik (single call, valid)");
        assert_eq!((result.wall, result.thread_cpu), (33631.5, 31000.2));
        assert_eq!(result.process_cpu, Some(50000.0));
        let older = "parseNib x   10.0 ns/op wall (min 9.0)   8.0 ns/op cpu (min 7.0)  median of 7";
        assert_eq!(jvm_line(older).unwrap().process_cpu, None);
        assert!(jvm_line("(checksum 42)").is_none());
    }

    #[test]
    fn result_lines_split_into_label_and_numbers() {
        let text = "header line\nkotacerdas validateNik(nik) single call 604.0 2.59 900000\n";
        let lines = numeric_lines(text, 3);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].0, "kotacerdas validateNik(nik) single call");
        assert_eq!(
            find(&lines, "kotacerdas validateNik").unwrap(),
            &[604.0, 2.59, 900000.0]
        );
        assert!(find(&lines, "nik-parser").is_err());
    }
}
