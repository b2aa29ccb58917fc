//! Runs the example on the repository's synthetic sample, as `cargo xtask test` does.
#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn pseudonymises_the_sample_without_writing_a_nik() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/niks-sample.txt");
    let output = Command::new(env!("CARGO_BIN_EXE_kotacerdas-example-pseudonymise"))
        .arg(sample)
        .env("KOTACERDAS_PSEUDONYM_KEY", "example-key-0123456789abcdef")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let rows = String::from_utf8(output.stdout).unwrap();
    let summary = String::from_utf8(output.stderr).unwrap();
    assert!(summary.starts_with("206 lines: "), "{summary}");
    let accepted: usize = summary
        .split(" accepted")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(
        rows.lines().count(),
        accepted + 1,
        "header + one row per NIK"
    );
    // No input NIK appears in the output, whole or in the 16-digit form.
    let inputs = std::fs::read_to_string(sample).unwrap();
    for nik in inputs.lines().filter(|l| l.len() == 16) {
        assert!(!rows.contains(nik), "a whole NIK was written");
    }
    let first = rows.lines().nth(1).unwrap();
    assert_eq!(first.split(',').next().unwrap().len(), 64, "{first}");
}

#[test]
fn refuses_to_run_without_a_key() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/niks-sample.txt");
    let output = Command::new(env!("CARGO_BIN_EXE_kotacerdas-example-pseudonymise"))
        .arg(sample)
        .env_remove("KOTACERDAS_PSEUDONYM_KEY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("KOTACERDAS_PSEUDONYM_KEY"));
}
