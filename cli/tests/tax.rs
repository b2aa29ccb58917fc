//! Runs the real `kotacerdas tax` subcommand: JSON result contract, flags, rules, errors.

use std::process::{Command, Output};

use serde_json::Value;

fn kotacerdas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kotacerdas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON object")
}

#[test]
fn tax_kind_prints_result_and_breakdown_as_json() {
    let output = kotacerdas(&[
        "tax",
        "reklame",
        "--json",
        r#"{"date": "2025-06-01", "width_m": 2, "height_m": 4, "duration_days": 30}"#,
        "--set",
        "nsr_per_m2_per_day=125000",
        "--format",
        "jsonl",
    ]);
    assert!(output.status.success(), "{output:?}");
    let result = json(&output);
    assert_eq!(result["amount"], 7_500_000);
    assert_eq!(result["rule_set"], "35.27-2025");
    assert!(
        result["breakdown"]
            .as_array()
            .is_some_and(|steps| steps.len() == 4)
    );
}

#[test]
fn tax_refusal_has_code_and_exit_status_1() {
    let output = kotacerdas(&["tax", "pajak_hiburan", "--json", "{}", "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["error"]["code"], "TAX_UNKNOWN_KIND");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("TAX_UNKNOWN_KIND"));
}

#[test]
fn tax_rules_shows_the_rule_set_in_force() {
    let output = kotacerdas(&[
        "tax",
        "rules",
        "--region",
        "35.27",
        "--date",
        "2025-06-01",
        "--format",
        "jsonl",
    ]);
    assert!(output.status.success());
    let rules = json(&output);
    assert_eq!(rules["id"], "35.27-2025");
    assert_eq!(
        rules["pbb_p2"]["tiers"][0]["food_livestock_rate"]["value"],
        "0.09%"
    );
    let before = kotacerdas(&["tax", "rules", "--date", "2024-06-01", "--format", "jsonl"]);
    assert_eq!(before.status.code(), Some(1));
    assert_eq!(json(&before)["error"]["code"], "TAX_RULESET_NOT_IN_FORCE");
}

#[test]
fn tax_due_counts_working_days() {
    let output = kotacerdas(&[
        "tax",
        "due",
        "--json",
        r#"{"document": "self_assessed", "from": "2025-03-31"}"#,
        "--format",
        "jsonl",
    ]);
    assert!(output.status.success(), "{output:?}");
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    assert_eq!(lines[0]["name"], "payment");
    assert_eq!(lines[0]["date"], "2025-04-22");
    assert_eq!(lines[1]["date"], "2025-04-29");
}
