//! The subpath `kotacerdas/client` of the npm package: the API client and offline outbox
//! (`bindings-wasm/client`, its own .wasm and glue) with the JS entry points and IndexedDB
//! store of `bindings-wasm/js/client/`. Built into `pkg/client/` by `cargo xtask npm`; its
//! size is reported on its own (it is loaded only by apps that talk to the server).

use std::fs;
use std::path::Path;

use super::{copy, gzip_len, path_str, read};
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
    let _ = fs::remove_dir_all(&generated);
    run(
        &path_str(runner)?,
        &[
            "--target",
            "web",
            "--out-dir",
            &path_str(&generated)?,
            "--out-name",
            "kotacerdas_client",
            &path_str(&input)?,
        ],
    )?;
    let out = pkg.join("client");
    fs::create_dir_all(out.join("wasm")).map_err(|e| e.to_string())?;
    // Features are read from the module's target_features section.
    run(
        &path_str(wasm_opt)?,
        &[
            "-Oz",
            &path_str(&generated.join("kotacerdas_client_bg.wasm"))?,
            "-o",
            &path_str(&out.join("wasm/kotacerdas_client_bg.wasm"))?,
        ],
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
    let rows = [
        (
            "browser: wasm + glue + web.js",
            [
                "wasm/kotacerdas_client_bg.wasm",
                "wasm/kotacerdas_client.js",
                "web.js",
                "common.js",
            ],
        ),
        (
            "node: wasm + glue + index.mjs",
            [
                "wasm/kotacerdas_client_bg.wasm",
                "wasm/kotacerdas_client.js",
                "index.mjs",
                "common.js",
            ],
        ),
    ];
    eprintln!("xtask: kotacerdas/client sizes (raw / gzip -9), on top of the core package");
    for (label, files) in rows {
        let (mut raw, mut gzipped) = (0, 0);
        for file in files {
            let bytes = read(&out.join(file))?;
            raw += bytes.len();
            gzipped += gzip_len(&bytes)?;
        }
        eprintln!(
            "xtask:   {label:<32} {:>8.1} KB / {:>7.1} KB",
            raw as f64 / 1024.0,
            gzipped as f64 / 1024.0
        );
    }
    Ok(())
}
