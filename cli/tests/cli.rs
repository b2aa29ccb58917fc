//! Runs the real `kotacerdas` binary: the `nik check` record contract, formats, stdin
//! streaming, exit statuses and the summary line.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod support;

use std::process::Output;

use serde_json::Value;
use support::{jsonl, kotacerdas};

const DATE: [&str; 2] = ["--reference-date", "2026-11-29"];

#[test]
fn nik_check_record_is_the_documented_contract() {
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "3527.01.450190.0001",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    assert!(output.status.success());
    let records = jsonl(&output);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    let keys: Vec<&str> = record
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "input",
            "valid",
            "error",
            "warnings",
            "kind",
            "province",
            "regency",
            "district",
            "birth_date",
            "sex",
            "serial",
            "masked"
        ]
    );
    assert_eq!(record["input"], "3527.01.450190.0001");
    assert_eq!(record["valid"], true);
    assert_eq!(record["error"], Value::Null);
    assert_eq!(record["kind"], "nik");
    assert_eq!(record["province"]["code"], "35");
    assert_eq!(record["province"]["name"], "Jawa Timur");
    assert_eq!(record["regency"]["name"], "Kabupaten Sampang");
    assert_eq!(record["district"]["code"], "35.27.01");
    assert_eq!(record["district"]["name"], "Sreseh");
    assert_eq!(record["district"]["retired"], false);
    assert_eq!(record["birth_date"], "1990-01-05");
    assert_eq!(record["sex"], "female");
    assert_eq!(record["serial"], "0001");
    assert_eq!(record["masked"], "352701**********");
}

#[test]
fn invalid_record_has_code_message_and_null_fields() {
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "3527014501900000",
            "--format",
            "jsonl",
            "--lang",
            "en",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    assert!(
        output.status.success(),
        "invalid inputs do not fail the run by default"
    );
    let record = &jsonl(&output)[0];
    assert_eq!(record["valid"], false);
    assert_eq!(record["error"]["code"], "NIK_INVALID_SERIAL");
    assert_eq!(
        record["error"]["message"],
        "Serial number 0000 is never issued"
    );
    assert_eq!(record["birth_date"], Value::Null);
    assert_eq!(record["masked"], Value::Null);
}

#[test]
fn warnings_are_listed_with_codes() {
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "9101014501900001",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    let record = &jsonl(&output)[0];
    assert_eq!(record["warnings"][0]["code"], "NIK_RETIRED_DISTRICT");
    assert_eq!(record["district"]["retired"], true);
    assert_eq!(record["district"]["name"], "Merauke");
}

#[test]
fn stdin_is_streamed_with_a_summary_on_stderr() {
    let lines: String = (1..=20_000)
        .map(|i| format!("35270145019{:05}\n", i % 10_000))
        .collect();
    let output = kotacerdas(
        &["nik", "check", "-", "--format", "jsonl", DATE[0], DATE[1]],
        &lines,
    );
    assert!(output.status.success());
    assert_eq!(jsonl(&output).len(), 20_000);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        "summary: 20000 checked, 19998 valid (0 with warnings), 2 invalid; errors: NIK_INVALID_SERIAL 2"
    );
}

#[test]
fn no_arguments_reads_stdin_too() {
    let output = kotacerdas(
        &["nik", "check", "--format", "csv", DATE[0], DATE[1]],
        "3527014501900001\r\n\n",
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "input,valid,error,warnings,district.name,birth_date,sex,serial,masked\n\
         3527014501900001,true,,,Sreseh,1990-01-05,female,0001,352701**********\n\
         ,false,NIK_EMPTY,,,,,,\n"
    );
}

#[test]
fn mask_input_hides_the_input_too() {
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "3527014501900001",
            "--mask-input",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains("3527014501900001"), "{stdout}");
    assert_eq!(
        jsonl(&Output {
            stdout: stdout.into_bytes(),
            ..output
        })[0]["input"],
        "352701**********"
    );
}

#[test]
fn fail_on_invalid_sets_status_1() {
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "123",
            "--fail-on-invalid",
            "--format",
            "jsonl",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let output = kotacerdas(
        &[
            "nik",
            "check",
            "3527014501900001",
            "--fail-on-invalid",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        kotacerdas(&["nik", "check", "--no-such-flag"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kotacerdas(&["nik", "check", "--reference-date", "2026-02-30", "1"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(kotacerdas(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn unreadable_input_file_exits_3() {
    let output = kotacerdas(&["nik", "check", "--input", "/no/such/file"], "");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("cannot open /no/such/file")
    );
}

#[test]
fn sample_file_of_the_readme_runs() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/niks-sample.txt"
    );
    let output = kotacerdas(
        &[
            "nik", "check", "--input", sample, "--format", "jsonl", DATE[0], DATE[1],
        ],
        "",
    );
    assert!(output.status.success());
    assert_eq!(jsonl(&output).len(), 206);
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .starts_with("summary: 206 checked")
    );
}

#[test]
fn other_identifiers() {
    let kk = &jsonl(&kotacerdas(
        &[
            "kk",
            "check",
            "3527012003150007",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    ))[0];
    assert_eq!(kk["recorded_on"], "2015-03-20");
    assert_eq!(kk["district"]["name"], "Sreseh");
    let npwp = jsonl(&kotacerdas(
        &[
            "npwp",
            "check",
            "01.451.869.0-054.000",
            "01.451.869.7-054.000",
            "--format",
            "jsonl",
        ],
        "",
    ));
    assert_eq!(npwp[0]["form"], "legacy15");
    assert_eq!(npwp[0]["tax_office"], "054");
    assert_eq!(npwp[1]["error"]["code"], "NPWP_INVALID_CHECK_DIGIT");
    let nop = &jsonl(&kotacerdas(
        &[
            "nop",
            "check",
            "35.27.010.001.001-0001.0",
            "--format",
            "jsonl",
        ],
        "",
    ))[0];
    assert_eq!(nop["kecamatan_name"], "Sreseh");
    assert_eq!(nop["warnings"][0]["code"], "NOP_REFERENCE_UNVERIFIED");
    let phone = &jsonl(&kotacerdas(
        &["phone", "normalize", "0812-3456-7890", "--format", "jsonl"],
        "",
    ))[0];
    assert_eq!(phone["e164"], "+6281234567890");
    let nib = &jsonl(&kotacerdas(
        &["nib", "check", "12345678901", "--format", "jsonl"],
        "",
    ))[0];
    assert_eq!(nib["error"]["code"], "NIB_INVALID_LENGTH");
}

#[test]
fn personal_npwp_is_never_echoed_whole() {
    let output = kotacerdas(
        &[
            "npwp",
            "check",
            "3527014501900001",
            "--format",
            "jsonl",
            DATE[0],
            DATE[1],
        ],
        "",
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains("3527014501900001"), "{stdout}");
    assert!(stdout.contains("\"form\":\"nik16\""));
}

#[test]
fn region_get_and_search() {
    let records = jsonl(&kotacerdas(
        &["region", "get", "35.27", "--children", "--format", "jsonl"],
        "",
    ));
    assert_eq!(records.len(), 15);
    assert_eq!(records[0]["name"], "Kabupaten Sampang");
    assert_eq!(records[11]["code"], "35.27.11");
    assert_eq!(records[11]["name"], "Sokobanah");
    let missing = kotacerdas(&["region", "get", "35.27.99"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("REGION_NOT_FOUND")
    );
    let hits = jsonl(&kotacerdas(
        &["region", "search", "KARANG-penang", "--format", "jsonl"],
        "",
    ));
    assert_eq!(hits[0]["code"], "35.27.14");
    assert_eq!(hits[0]["match"], "exact");
}

#[test]
fn byte_order_mark_of_a_spreadsheet_export_is_skipped() {
    let output = kotacerdas(
        &["nik", "check", "--format", "jsonl", DATE[0], DATE[1]],
        "\u{feff}3527014501900001\n",
    );
    assert_eq!(jsonl(&output)[0]["valid"], true);
}
