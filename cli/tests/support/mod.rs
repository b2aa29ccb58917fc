//! Running the real `kotacerdas` binary from integration tests.

#![allow(clippy::unwrap_used, dead_code)] // test helpers; not every test file uses each one

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs `kotacerdas` with `args`, feeding `stdin`, and collects its output.
pub fn kotacerdas(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kotacerdas"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = stdin.to_owned();
    let mut pipe = child.stdin.take().unwrap();
    // Write from another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

/// The JSON-lines records on stdout.
pub fn jsonl(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}
