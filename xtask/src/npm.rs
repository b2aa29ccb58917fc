//! `cargo xtask npm`: builds the npm package `kotacerdas` into `bindings-wasm/pkg/`.
//!
//! Steps, for each entry point (`kotacerdas`, and `kotacerdas/ids` from the same facade without
//! its default feature `rules`; see `npm/entry.rs`): the wasm with the size profile; the pinned
//! `wasm-bindgen-runner` for the `web` (browsers, bundlers) and `nodejs` (require/import in
//! Node) glue, which share one `.wasm`; `wasm-opt -Oz` from the npm `binaryen` package (`npm ci`
//! in `bindings-wasm/tools`); the entry points from `bindings-wasm/js/`. Then `shared.js` (one
//! `KotaCerdasError` for the package), `kotacerdas/client`, and the size report and budgets.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Result, cargo, run, run_in, workspace_root};

pub mod client;
pub(crate) mod entry;
mod schema_ts;

use entry::ENTRIES;

/// The budget of the issue: `.wasm` plus JS glue, gzipped, for either way of loading an entry
/// point. `kotacerdas/ids` is always held to it; the main entry to CI's ratchet until it fits.
const BUDGET_GZIP_BYTES: usize = 150 * 1024;

/// What `cargo xtask test` (and so CI) checks until the package meets the 150 KB:
/// a ratchet just above today's size (311.3 KB gzipped for the node entry; 346.5 KB before the
/// core's typed inputs were read by `#[derive(JsonRead)]` readers instead of serde's derived
/// visitors (`core/src/json_de.rs`, crate `core-derive`) and four sorts of the core shared one
/// copy of std's sort (`core/src/sort.rs`); 359.0 KB before the complaint draft,
/// SLA policy, event kind, routing outcome and GeoJSON inputs were read without serde_json's
/// text reader and serde's untagged and internally tagged enums; 385.3 KB before the core's
/// typed inputs were read by one deserializer), so that growth fails CI. Of the code, gzipped
/// by category (function names of a `wasm-opt -Oz -g` build): `json_api::call`
/// with the rules and output JSON inlined into it 37 KB, input readers 19 KB, tax rules 16 KB,
/// complaint rules 14 KB, core::fmt 14 KB, sorting 6 KB; data 99 KB (all 7,285 district names
/// are 31 KB of it).
/// Lower it as the package shrinks; `cargo xtask npm` alone checks the real budget.
pub const CI_BUDGET_ARGS: [&str; 2] = ["--budget-kb", "315"];

/// `cargo xtask npm [--budget-kb N]`.
pub fn npm(args: &[String]) -> Result {
    npm_with_budget(budget_arg(args)?)
}

fn budget_arg(args: &[String]) -> Result<Option<usize>> {
    match args.iter().position(|a| a == "--budget-kb") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .map(Some)
            .ok_or_else(|| "--budget-kb needs a number".to_owned()),
        None => Ok(None),
    }
}

fn npm_with_budget(budget_kb: Option<usize>) -> Result {
    let root = workspace_root();
    run(&cargo(), &["build", "-p", "wasm-bindgen-runner"])?;
    let runner = root.join("target/debug/wasm-bindgen-runner");
    let tools = root.join("bindings-wasm/tools");
    let wasm_opt = tools.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        run_in(&tools, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }

    let pkg = root.join("bindings-wasm/pkg");
    let _ = fs::remove_dir_all(&pkg);
    fs::create_dir_all(pkg.join("wasm")).map_err(|e| e.to_string())?;
    for entry in ENTRIES {
        entry.build(&pkg, &runner, &wasm_opt)?;
    }
    entry::shared_files(&pkg)?;
    copy(
        &root.join("bindings-wasm/npm/README.md"),
        &pkg.join("README.md"),
    )?;
    let manifest = read_text(&root.join("bindings-wasm/npm/package.json"))?;
    if !manifest.contains("\"@VERSION@\"") {
        return Err("bindings-wasm/npm/package.json lacks \"@VERSION@\"".into());
    }
    write(
        &pkg.join("package.json"),
        &manifest.replace("@VERSION@", env!("CARGO_PKG_VERSION")),
    )?;

    client::build(&pkg, &runner, &wasm_opt)?;
    report_sizes(&pkg, budget_kb.map_or(BUDGET_GZIP_BYTES, |kb| kb * 1024))
}

/// Runs the pinned wasm-bindgen runner on `input` into a fresh `out_dir`.
fn bindgen(runner: &Path, target: &str, out_dir: &Path, out_name: &str, input: &Path) -> Result {
    let _ = fs::remove_dir_all(out_dir);
    run(
        &path_str(runner)?,
        &[
            "--target",
            target,
            "--out-dir",
            &path_str(out_dir)?,
            "--out-name",
            out_name,
            &path_str(input)?,
        ],
    )
}

/// `wasm-opt -Oz --converge` (binaryen from npm) with the features rustc's wasm32 target
/// emits. `--converge` (repeat until the module stops shrinking) saves about 2 KB gzipped;
/// `-Os`, `--strip-debug`, `--strip-producers` saved nothing measurable (opt-level "s" in the
/// cargo profile instead of "z" cost 40 KB).
fn optimise(wasm_opt: &Path, from: &Path, to: &Path) -> Result {
    optimise_with(wasm_opt, from, to, &[])
}

/// [`optimise`] with extra `wasm-opt` flags (`cargo xtask wasm-size` keeps the names with `-g`).
pub(crate) fn optimise_with(wasm_opt: &Path, from: &Path, to: &Path, extra: &[&str]) -> Result {
    let (from, to) = (path_str(from)?, path_str(to)?);
    let mut args = vec![
        "-Oz",
        "--converge",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-reference-types",
        "--enable-sign-ext",
        "--enable-multivalue",
        "--enable-mutable-globals",
    ];
    args.extend_from_slice(extra);
    args.extend([from.as_str(), "-o", to.as_str()]);
    run(&path_str(wasm_opt)?, &args)
}

/// Copies the files of `sources` into a fresh `project`, installs its devDependencies
/// (`npm ci`) and the packed package if given; returns the test files (`*.test.*`), sorted.
pub fn prepare_project(
    sources: &Path,
    project: &Path,
    tarball: Option<&Path>,
) -> Result<Vec<String>> {
    let _ = fs::remove_dir_all(project);
    fs::create_dir_all(project).map_err(|e| e.to_string())?;
    let mut tests = Vec::new();
    for entry in fs::read_dir(sources).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().map_err(|e| e.to_string())?.is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.contains(".test.") {
                tests.push(name.clone());
            }
            copy(&entry.path(), &project.join(&name))?;
        }
    }
    tests.sort();
    run_in(project, "npm", &["ci", "--no-audit", "--no-fund"])?;
    let Some(tarball) = tarball else {
        return Ok(tests);
    };
    run_in(
        project,
        "npm",
        &[
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            &path_str(tarball)?,
        ],
    )?;
    Ok(tests)
}

/// Prints the sizes of each entry point (what a browser and what Node.js loads) and checks
/// them: `kotacerdas` against `budget` (the 150 KB, or CI's ratchet), `kotacerdas/ids`
/// always against the 150 KB.
fn report_sizes(pkg: &Path, budget: usize) -> Result {
    let mut over = Vec::new();
    eprintln!("xtask: package sizes (raw / gzip -9)");
    for entry in ENTRIES {
        let limit = if entry.specifier == entry::IDS.specifier {
            BUDGET_GZIP_BYTES
        } else {
            budget
        };
        let wasm = [entry.wasm()];
        let browser = entry.browser_files();
        let node = entry.node_files();
        for (label, files, checked) in [
            (entry.wasm(), &wasm[..], false),
            (
                format!("{}, browser: wasm + glue", entry.specifier),
                &browser[..],
                true,
            ),
            (
                format!("{}, node: wasm + glue", entry.specifier),
                &node[..],
                true,
            ),
        ] {
            let note = if checked {
                format!("(budget {} KB)", limit / 1024)
            } else {
                String::new()
            };
            let gzipped = print_size(&label, pkg, files, &note)?;
            if checked && gzipped > limit {
                over.push(format!(
                    "{label}: {gzipped} bytes gzipped, over {limit} bytes"
                ));
            }
        }
    }
    if budget != BUDGET_GZIP_BYTES {
        eprintln!(
            "xtask: NOTE: checking kotacerdas against {} KB instead of the issue's 150 KB \
             (kotacerdas/ids is checked against 150 KB)",
            budget / 1024
        );
    }
    if over.is_empty() {
        eprintln!("xtask: within the size budgets; package in bindings-wasm/pkg/");
        Ok(())
    } else {
        Err(format!("over the size budget: {}", over.join("; ")))
    }
}

/// Prints one row of sizes, raw and gzip -9, of `files` of `dir` together; returns the gzipped
/// total.
fn print_size(label: &str, dir: &Path, files: &[String], note: &str) -> Result<usize> {
    let (mut raw, mut gzipped) = (0, 0);
    for file in files {
        let bytes = read(&dir.join(file))?;
        raw += bytes.len();
        gzipped += gzip_len(&bytes)?;
    }
    eprintln!(
        "xtask:   {label:<40} {:>8.1} KB / {:>7.1} KB   {note}",
        raw as f64 / 1024.0,
        gzipped as f64 / 1024.0,
    );
    Ok(gzipped)
}

/// The gzip -9 size of `bytes` (the size every report of the package gives).
pub(crate) fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len())
}

fn path_str(path: &Path) -> Result<String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn copy(from: &Path, to: &PathBuf) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// `cargo xtask test-npm`: builds the package, packs it with `npm pack`, installs the tarball
/// into a fresh test project (`target/npm/test-project`, from `bindings-wasm/tests`) and runs
/// the Node and browser tests there with `node --test`.
pub fn test_npm(args: &[String]) -> Result {
    npm_with_budget(budget_arg(args)?)?;
    let root = workspace_root();
    let out = root.join("target/npm");
    let pkg = root.join("bindings-wasm/pkg");
    let tarball = out.join(format!("kotacerdas-{}.tgz", env!("CARGO_PKG_VERSION")));
    let _ = fs::remove_file(&tarball);
    run_in(
        &pkg,
        "npm",
        &["pack", "--pack-destination", &path_str(&out)?],
    )?;
    if !tarball.exists() {
        return Err(format!("npm pack did not write {}", tarball.display()));
    }

    let project = out.join("test-project");
    let sources = root.join("bindings-wasm/tests");
    let tests = prepare_project(&sources, &project, Some(&tarball))?;
    copy(&root.join("docs/web.md"), &project.join("web.md"))?;
    let artifacts = sources.join("artifacts");
    let vectors = root.join("conformance/vectors");
    let mut args = vec!["--test".to_owned()];
    args.extend(tests);
    eprintln!("xtask: $ node {}", args.join(" "));
    let status = std::process::Command::new("node")
        .args(&args)
        .current_dir(&project)
        .env("KOTACERDAS_VECTORS", &vectors)
        .env("KOTACERDAS_ARTIFACTS", &artifacts)
        .status()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if status.success() {
        eprintln!(
            "xtask: npm package tests passed; screenshot in {}",
            artifacts.display()
        );
        client::test(&tarball)
    } else {
        Err(format!("npm package tests failed ({status})"))
    }
}

/// `cargo xtask bench-npm [N]`: the package (single call and batch) against `nik-parser` and
/// `nusantara-valid` in one Node run over N generated NIKs (default 1,000,000). Not a test.
pub fn bench_npm(args: &[String]) -> Result {
    let count: u64 = match args.first() {
        Some(n) => n
            .replace('_', "")
            .parse()
            .map_err(|_| "usage: cargo xtask bench-npm [N]")?,
        None => 1_000_000,
    };
    npm_with_budget(Some(usize::MAX / 1024))?;
    let root = workspace_root();
    let niks = root.join(format!("target/npm/niks-{count}.txt"));
    let mut writer = std::io::BufWriter::new(
        fs::File::create(&niks).map_err(|e| format!("cannot write {}: {e}", niks.display()))?,
    );
    crate::niks::write_mix(&mut writer, count, 2027)
        .and_then(|()| writer.flush())
        .map_err(|e| e.to_string())?;
    let bench = root.join("bindings-wasm/bench");
    run_in(&bench, "npm", &["ci", "--no-audit", "--no-fund"])?;
    run_in(
        &bench,
        "npm",
        &[
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            &path_str(&root.join("bindings-wasm/pkg"))?,
        ],
    )?;
    run_in(&bench, "node", &["bench.mjs", &path_str(&niks)?])
}
