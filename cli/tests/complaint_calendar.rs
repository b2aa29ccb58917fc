//! Runs the real `kotacerdas` binary: `complaint categories`, `complaint validate` and
//! `calendar add-working-days`.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod support;

use support::{jsonl as records, kotacerdas};

#[test]
fn add_working_days() {
    let friday = records(&kotacerdas(
        &[
            "calendar",
            "add-working-days",
            "2026-11-27",
            "1",
            "--format",
            "jsonl",
        ],
        "",
    ));
    assert_eq!(friday[0]["result"], "2026-11-30");
    assert_eq!(friday[0]["result_weekday"], "monday");
    let cuti = records(&kotacerdas(
        &[
            "calendar",
            "add-working-days",
            "2025-03-27",
            "1",
            "--cuti-bersama-worked",
            "--format",
            "jsonl",
        ],
        "",
    ));
    assert_eq!(cuti[0]["result"], "2025-03-28");
    let past = kotacerdas(&["calendar", "add-working-days", "2027-12-30", "5"], "");
    assert_eq!(past.status.code(), Some(1));
    assert!(
        String::from_utf8(past.stderr)
            .unwrap()
            .contains("CALENDAR_RESULT_OUT_OF_RANGE")
    );
    let bad = kotacerdas(&["calendar", "add-working-days", "2027-02-30", "5"], "");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn categories_and_search() {
    let all = records(&kotacerdas(
        &["complaint", "categories", "--format", "jsonl"],
        "",
    ));
    assert_eq!(all.len(), 93);
    assert_eq!(all[0]["code"], "INFRA");
    let hits = records(&kotacerdas(
        &[
            "complaint",
            "categories",
            "--search",
            "lampu jalan mati",
            "--format",
            "jsonl",
            "--lang",
            "en",
        ],
        "",
    ));
    assert_eq!(hits[0]["code"], "PJU.MATI");
    assert_eq!(hits[0]["name"], "Street light out");
}

#[test]
fn validate_a_draft() {
    let good = r#"{"kind":"pengaduan","category":"LINGK.SAMPAH","title":"Sampah",
        "description":"Sampah menumpuk tiga hari di TPS.","village_code":"35.27.01.2001",
        "landmark":"depan balai desa","anonymous":true,"idempotency_key":"abcdef123456",
        "created_at":"2026-11-29T08:00:00+07:00"}"#;
    let now = ["--now", "2026-11-29T09:00:00+07:00"];
    let output = kotacerdas(&["complaint", "validate", "-", now[0], now[1]], good);
    let record = &records(&output)[0];
    assert_eq!(record["valid"], true);
    assert_eq!(record["report"]["route"]["opd"], "DLH_PERKIM");
    let output = kotacerdas(
        &[
            "complaint",
            "validate",
            "-",
            "--fail-on-invalid",
            now[0],
            now[1],
        ],
        "{}",
    );
    assert_eq!(output.status.code(), Some(1));
    let record = &records(&output)[0];
    assert_eq!(record["valid"], false);
    assert!(record["problems"].as_array().unwrap().len() >= 6);
    let missing = kotacerdas(&["complaint", "validate", "/nonexistent/draft.json"], "");
    assert_eq!(missing.status.code(), Some(3));
}

#[test]
fn calendar_and_complaint_vectors_pass_against_the_core() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors");
    let calendar = format!("{root}/calendar");
    let complaint = format!("{root}/complaint");
    let output = kotacerdas(
        &[
            "conformance",
            "run",
            "--vectors",
            &calendar,
            "--vectors",
            &complaint,
        ],
        "",
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}
