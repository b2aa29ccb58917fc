//! Runs every `$ kotacerdas …` line shown in `docs/*.md` and compares its stdout with the lines
//! the docs show under it, so the CLI guide cannot drift from the binary.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

struct Example {
    doc: String,
    args: Vec<String>,
    expected: Vec<String>,
}

/// `$ kotacerdas a b c` in a ```sh block, followed by its output lines up to the next `$` or the
/// end of the block. Arguments are split on spaces (the docs use no quoting in these lines).
fn examples() -> Vec<Example> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(docs).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut in_sh = false;
        // Whether the lines being read are the output of a `$ kotacerdas` line.
        let mut in_output = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_sh = line == "```sh" && !in_sh;
                in_output = false;
                continue;
            }
            if !in_sh {
                continue;
            }
            if let Some(command) = line.strip_prefix("$ kotacerdas ") {
                in_output = true;
                found.push(Example {
                    doc: path.file_name().unwrap().to_string_lossy().into_owned(),
                    args: command.split_whitespace().map(str::to_owned).collect(),
                    expected: Vec::new(),
                });
            } else if line.starts_with('$') {
                in_output = false; // another program's example: not ours to run
            } else if in_output && let Some(example) = found.last_mut() {
                example.expected.push(line.to_owned());
            }
        }
    }
    found
}

#[test]
fn every_cli_example_in_the_docs_prints_what_the_docs_show() {
    let examples = examples();
    assert!(
        !examples.is_empty(),
        "no `$ kotacerdas` example found in docs/"
    );
    for example in examples {
        let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
        let output = support::kotacerdas(&args, "");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let actual: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            actual,
            example.expected,
            "docs/{}: `kotacerdas {}`",
            example.doc,
            args.join(" ")
        );
    }
}
