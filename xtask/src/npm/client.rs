//! The subpath `kotacerdas/client` of the npm package: the API client and offline outbox
//! (`bindings-wasm/client`, its own .wasm and glue) with the JS entry points and IndexedDB
//! store of `bindings-wasm/js/client/`. Built into `pkg/client/` by `cargo xtask npm`; its
//! size is reported on its own (it is loaded only by apps that talk to the server).

use std::fs;
use std::path::Path;
use std::process::Command;

use super::{bindgen, copy, optimise, prepare_project, print_size};
use crate::{Result, cargo, run, workspace_root};

/// JS files of `bindings-wasm/js/client/` shipped as they are.
const ENTRY_FILES: [&str; 4] = ["web.js", "index.mjs", "common.js", "index.d.ts"];

/// Builds `pkg/client/` with the runner and wasm-opt the core package used.
pub fn build(pkg: &Path, runner: &Path, wasm_opt: &Path) -> Result {
    let root = workspace_root();
    run(
        &cargo(),
        &[
            "build",
            "-p",
            "kotacerdas-wasm-client",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "release-size",
        ],
    )?;
    let input = root.join("target/wasm32-unknown-unknown/release-size/kotacerdas_wasm_client.wasm");
    let generated = root.join("target/npm/client-web");
    bindgen(runner, "web", &generated, "kotacerdas_client", &input)?;
    let out = pkg.join("client");
    fs::create_dir_all(out.join("wasm")).map_err(|e| e.to_string())?;
    optimise(
        wasm_opt,
        &generated.join("kotacerdas_client_bg.wasm"),
        &out.join("wasm/kotacerdas_client_bg.wasm"),
    )?;
    copy(
        &generated.join("kotacerdas_client.js"),
        &out.join("wasm/kotacerdas_client.js"),
    )?;
    let js = root.join("bindings-wasm/js/client");
    for file in ENTRY_FILES {
        copy(&js.join(file), &out.join(file))?;
    }
    report_size(&out)
}

fn report_size(out: &Path) -> Result {
    let files = |entry: &str, shared: &str| {
        [
            "wasm/kotacerdas_client_bg.wasm",
            "wasm/kotacerdas_client.js",
            entry,
            "common.js",
            shared,
        ]
        .map(str::to_owned)
    };
    eprintln!(
        "xtask: kotacerdas/client sizes (raw / gzip -9): its own module, no rules module needed"
    );
    print_size(
        "browser: wasm + glue + web.js",
        out,
        &files("web.js", "../shared.js"),
        "",
    )?;
    print_size(
        "node: wasm + glue + index.mjs",
        out,
        &files("index.mjs", "../shared.cjs"),
        "",
    )?;
    Ok(())
}

/// Runs `node --test` on `tests` in `project` with the server binary's path in
/// `KOTACERDAS_SERVER` and `env` added.
pub fn node_test(project: &Path, tests: &[String], env: &[(&str, &Path)]) -> Result {
    let server = workspace_root().join("target/debug/kotacerdas-server");
    let mut args = vec!["--test".to_owned(), "--test-concurrency=1".to_owned()];
    args.extend(tests.iter().cloned());
    eprintln!("xtask: $ node {}", args.join(" "));
    let mut command = Command::new("node");
    command
        .args(&args)
        .current_dir(project)
        .env("KOTACERDAS_SERVER", &server);
    for (name, value) in env {
        command.env(name, value);
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "node tests in {} failed ({status})",
            project.display()
        ))
    }
}

/// The client's Node tests (`bindings-wasm/client/tests`) from the packed package against the
/// real server binary (built here, debug).
pub fn test(tarball: &Path) -> Result {
    let root = workspace_root();
    run(&cargo(), &["build", "-p", "kotacerdas-server"])?;
    let project = root.join("target/npm/client-test-project");
    let tests = prepare_project(
        &root.join("bindings-wasm/client/tests"),
        &project,
        Some(tarball),
    )?;
    copy(&root.join("docs/client.md"), &project.join("client.md"))?;
    node_test(&project, &tests, &[])?;
    eprintln!("xtask: kotacerdas/client tests passed against the server");
    Ok(())
}
