//! The JSON inputs shown in `docs/tax.md` under each tax's heading are calculated with the
//! shipped Sampang rule set, and the first bold amount after each (`**Rp190,000**`) must be the
//! result. The docs' numbers are therefore the core's numbers.

#![allow(clippy::unwrap_used)]

use kotacerdas_core::tax::{self, RuleSet};

const DOC: &str = include_str!("../../docs/tax.md");

/// (heading's tax kind, JSON input, amount shown after it).
fn worked_examples() -> Vec<(String, String, i128)> {
    let mut examples = Vec::new();
    let mut kind: Option<String> = None;
    let mut lines = DOC.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("### ") {
            // `### PBB-P2 (`pbb_p2`), UU ...`: the first code span names the kind.
            kind = heading.split('`').nth(1).map(str::to_owned);
            continue;
        }
        if line.starts_with("## ") {
            kind = None; // a new chapter: no tax section until the next `###`
            continue;
        }
        if line != "```json" {
            continue;
        }
        let mut input = String::new();
        for body in lines.by_ref() {
            if body == "```" {
                break;
            }
            input.push_str(body);
            input.push('\n');
        }
        let Some(kind) = kind.clone().filter(|k| tax::KINDS.contains(&k.as_str())) else {
            continue; // a result or a rule-set sample, not a worked example
        };
        let after: String = lines.clone().take(3).collect::<Vec<_>>().join(" ");
        let amount = after
            .split("**Rp")
            .nth(1)
            .and_then(|rest| rest.split("**").next())
            .map(|digits| digits.replace(',', "").parse::<i128>().unwrap())
            .unwrap_or_else(|| panic!("no **Rp…** amount after the {kind} example"));
        examples.push((kind, input, amount));
    }
    examples
}

#[test]
fn every_worked_example_in_tax_md_gives_the_amount_shown() {
    let examples = worked_examples();
    assert!(examples.len() >= 3, "found {}", examples.len());
    let rules = RuleSet::sampang_2025();
    for (kind, input, amount) in examples {
        let input: serde_json::Value = serde_json::from_str(&input).unwrap();
        let result = tax::calculate(&kind, &input, &rules).unwrap();
        assert_eq!(
            i128::from(result.amount),
            amount,
            "docs/tax.md, {kind}: {input}"
        );
    }
}
