//! Turns every ```rust block of `docs/*.md` into a function of this crate, so that a sample that
//! no longer compiles fails `cargo test --workspace`.
//!
//! A block becomes the body of `fn() -> Result<(), Box<dyn Error>>` (`async fn` when it uses
//! `.await`), so `?` works as readers expect. An HTML comment right above the block, invisible
//! on GitHub, may give the lines a sample needs but does not show and say whether it runs:
//! `<!-- doc-sample: compile-only -->` or `<!-- doc-sample: setup: let draft = ...; -->`.
//! Blocks without `.await` and not marked compile-only also run as tests.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    println!("cargo::rerun-if-changed={}", docs.display());
    let mut files: Vec<_> = fs::read_dir(&docs)
        .expect("docs/ exists")
        .map(|entry| entry.expect("readable docs/").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();

    let mut out = String::new();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("readable doc");
        let stem = path
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .replace('-', "_");
        for (index, sample) in samples(&text).into_iter().enumerate() {
            let name = format!("{stem}_md_{}", index + 1);
            let is_async = sample.body.contains(".await");
            let _ = writeln!(
                out,
                "/// `docs/{}`, line {}.\n#[allow(unused, clippy::all)]\npub {}fn {name}() -> \
                 Result<(), Box<dyn std::error::Error>> {{\n{}\n{}\nOk(())\n}}\n",
                path.file_name().expect("file name").to_string_lossy(),
                sample.line,
                if is_async { "async " } else { "" },
                sample.setup,
                sample.body,
            );
            if !is_async && !sample.compile_only {
                let _ = writeln!(
                    out,
                    "#[test]\nfn runs_{name}() {{\n    if let Err(error) = {name}() {{\n        \
                     panic!(\"docs sample failed: {{error}}\");\n    }}\n}}\n"
                );
            }
        }
    }
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("samples.rs");
    fs::write(target, out).expect("writable OUT_DIR");
}

struct Sample {
    line: usize,
    setup: String,
    compile_only: bool,
    body: String,
}

fn samples(text: &str) -> Vec<Sample> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if lines[index].trim_end() != "```rust" {
            index += 1;
            continue;
        }
        let directive = index
            .checked_sub(1)
            .map(|i| lines[i].trim())
            .and_then(|l| l.strip_prefix("<!-- doc-sample:"))
            .and_then(|l| l.strip_suffix("-->"))
            .unwrap_or("");
        let compile_only = directive.contains("compile-only");
        let setup = directive
            .split_once("setup:")
            .map_or("", |(_, setup)| setup)
            .trim()
            .to_owned();
        let start = index + 1;
        let mut end = start;
        while end < lines.len() && lines[end].trim_end() != "```" {
            end += 1;
        }
        found.push(Sample {
            line: start,
            setup,
            compile_only,
            body: lines[start..end].join("\n"),
        });
        index = end + 1;
    }
    found
}
