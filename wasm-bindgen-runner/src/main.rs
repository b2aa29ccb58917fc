//! `wasm-bindgen-runner --target web|nodejs --out-dir DIR --out-name NAME INPUT.wasm`
//!
//! The JS glue generation of wasm-bindgen, linked as a library at the version pinned in
//! Cargo.lock. It must equal the `wasm-bindgen` crate the wasm was built with; using the
//! library (instead of `cargo install wasm-bindgen-cli` or wasm-pack's download) keeps the two
//! in lock step and needs nothing but crates.io.

use std::path::PathBuf;

use anyhow::{Context, bail};
use wasm_bindgen_cli_support::Bindgen;

fn main() -> anyhow::Result<()> {
    let mut target = None;
    let mut out_dir = None;
    let mut out_name = None;
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--target" => target = args.next(),
            "--out-dir" => out_dir = args.next().map(PathBuf::from),
            "--out-name" => out_name = args.next(),
            _ if arg.starts_with("--") => bail!("unknown option {arg}"),
            _ => input = Some(PathBuf::from(arg)),
        }
    }
    let usage =
        "usage: wasm-bindgen-runner --target web|nodejs --out-dir DIR --out-name NAME INPUT.wasm";
    let (Some(target), Some(out_dir), Some(out_name), Some(input)) =
        (target, out_dir, out_name, input)
    else {
        bail!(usage);
    };

    let mut bindgen = Bindgen::new();
    bindgen
        .input_path(&input)
        .out_name(&out_name)
        .typescript(true);
    match target.as_str() {
        "web" => bindgen.web(true)?,
        "nodejs" => bindgen.nodejs(true)?,
        other => bail!("unsupported target {other}; {usage}"),
    };
    bindgen
        .generate(&out_dir)
        .with_context(|| format!("wasm-bindgen on {}", input.display()))?;
    Ok(())
}
