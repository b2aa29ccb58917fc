//! `cargo xtask demo`: builds the npm package, assembles the web demo in `target/demo`
//! (`web/` + the package under `kotacerdas/` + Sampang's outline) and runs the server with it
//! on http://127.0.0.1:8080 over SQLite (`./kotacerdas.db`). `cargo xtask test-e2e` runs the
//! demo's end-to-end tests in headless Chromium.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::npm::client::node_test;
use crate::npm::prepare_project;
use crate::{Result, cargo, run, workspace_root};

/// Builds the package and the server, and assembles `target/demo`; returns its path.
pub fn assemble() -> Result<PathBuf> {
    let root = workspace_root();
    crate::npm::npm(&crate::npm::CI_BUDGET_ARGS.map(str::to_owned))?;
    run(&cargo(), &["build", "-p", "kotacerdas-server"])?;
    let out = root.join("target/demo");
    let _ = fs::remove_dir_all(&out);
    copy_dir(&root.join("web"), &out, &|name| name != "tests")?;
    copy_dir(
        &root.join("bindings-wasm/pkg"),
        &out.join("kotacerdas"),
        &|_| true,
    )?;
    fs::copy(
        root.join("core/data/complaints/sampang_boundary.geojson"),
        out.join("sampang_boundary.geojson"),
    )
    .map_err(|e| format!("cannot copy the boundary: {e}"))?;
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&str) -> bool) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !keep(&name) || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(&name), keep)?;
        } else {
            fs::copy(&path, to.join(&name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// `cargo xtask demo [--listen ADDR] [--database URL]`: runs until Ctrl-C.
pub fn demo(args: &[String]) -> Result {
    let dir = assemble()?;
    let server = workspace_root().join("target/debug/kotacerdas-server");
    let mut server_args = vec!["--demo-dir".to_owned(), path_string(&dir)?];
    server_args.extend(args.iter().cloned());
    eprintln!("xtask: $ {} {}", server.display(), server_args.join(" "));
    let status = Command::new(&server)
        .args(&server_args)
        .status()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped ({status})"))
    }
}

/// `cargo xtask test-e2e`: the demo in headless Chromium (`web/tests`), screenshots in
/// `web/tests/artifacts`.
pub fn test_e2e() -> Result {
    let root = workspace_root();
    let dir = assemble()?;
    let project = root.join("target/demo-e2e");
    let tests = prepare_project(&root.join("web/tests"), &project, None)?;
    let artifacts = root.join("web/tests/artifacts");
    node_test(
        &project,
        &tests,
        &[
            ("KOTACERDAS_DEMO_DIR", &dir),
            ("KOTACERDAS_ARTIFACTS", &artifacts),
        ],
    )?;
    eprintln!(
        "xtask: demo end-to-end tests passed; screenshots in {}",
        artifacts.display()
    );
    Ok(())
}

fn path_string(path: &Path) -> Result<String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))
}
