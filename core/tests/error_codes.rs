//! Every code of `error::all_codes()` is SCREAMING_SNAKE_CASE, starts with its domain prefix and
//! is documented in the right section of `docs/errors.md`; the document lists no other code.
// clippy.toml's allow-unwrap-in-tests covers #[test] functions only, not their helpers.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kotacerdas_core::error::all_codes;

fn is_screaming_snake_case(code: &str) -> bool {
    !code.is_empty()
        && code.split('_').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
        && code.as_bytes()[0].is_ascii_uppercase()
}

/// `nik_warning` -> `NIK_`, `sismiop_table` -> `SISMIOP_TABLE_`.
fn domain_prefix(domain: &str) -> String {
    let base = domain.strip_suffix("_warning").unwrap_or(domain);
    format!("{}_", base.to_ascii_uppercase())
}

/// The `docs/errors.md` section of each domain.
fn section_of(domain: &str) -> &'static str {
    match domain.strip_suffix("_warning").unwrap_or(domain) {
        "region" => "Region",
        "nik" => "NIK",
        "kk" => "KK",
        "nop" => "NOP",
        "npwp" => "NPWP",
        "nib" => "NIB",
        "phone" => "Phone",
        "date" => "Date",
        "pseudonym" => "Pseudonym",
        "sismiop_table" => "SISMIOP table",
        "calendar" => "Calendar",
        "call" => "Call",
        "tax" => "Tax",
        "complaint" => "Complaints",
        other => panic!("domain {other} has no section in docs/errors.md"),
    }
}

const SECTIONS: [&str; 14] = [
    "Region",
    "NIK",
    "KK",
    "NOP",
    "NPWP",
    "NIB",
    "Phone",
    "Date",
    "Pseudonym",
    "SISMIOP table",
    "Call",
    "Calendar",
    "Complaints",
    "Tax",
];

/// Section title -> the codes in the first column of its `| code | when | fields |` table.
fn documented() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/errors.md");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut has_header = false;
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            if let Some(previous) = &current {
                assert!(has_header, "section {previous} lacks its table header");
            }
            current = Some(title.trim().to_owned());
            has_header = false;
            assert!(
                sections
                    .insert(title.trim().to_owned(), Vec::new())
                    .is_none(),
                "section {title} appears twice"
            );
            continue;
        }
        let Some(section) = &current else { continue };
        if line.trim() == "| code | when | fields |" {
            has_header = true;
            continue;
        }
        if let Some(rest) = line.strip_prefix("| `") {
            let code = &rest[..rest.find('`').unwrap()];
            let cells: Vec<&str> = line.split('|').collect();
            assert_eq!(cells.len(), 5, "row of {code} needs code, when and fields");
            assert!(
                cells[2].trim().len() > 10,
                "{code}: explain when it happens"
            );
            assert!(!cells[3].trim().is_empty(), "{code}: list its fields");
            sections.get_mut(section).unwrap().push(code.to_owned());
        }
    }
    assert!(has_header, "the last section lacks its table header");
    sections
}

#[test]
fn codes_are_screaming_snake_case_with_their_domain_prefix() {
    let mut total = 0;
    for (domain, codes) in all_codes() {
        assert!(!codes.is_empty(), "{domain}");
        let prefix = domain_prefix(domain);
        for code in codes {
            assert!(is_screaming_snake_case(code), "{code}");
            assert!(
                code.starts_with(&prefix),
                "{code} should start with {prefix}"
            );
            assert!(code.len() > prefix.len(), "{code}");
            total += 1;
        }
        let unique: BTreeSet<&&str> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "{domain} repeats a code");
    }
    assert!(
        total >= 68,
        "the identifier, region and date codes alone are 68"
    );
}

#[test]
fn a_code_is_shared_only_by_an_error_and_its_warning() {
    let mut domains_of: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (domain, codes) in all_codes() {
        for code in codes {
            domains_of.entry(code).or_default().push(domain);
        }
    }
    for (code, domains) in domains_of {
        match domains.as_slice() {
            [_] => {}
            [error, warning] => assert_eq!(*warning, format!("{error}_warning"), "{code}"),
            _ => panic!("{code} is in {domains:?}"),
        }
    }
}

#[test]
fn every_code_is_documented_in_its_section() {
    let documented = documented();
    let titles: Vec<&str> = documented.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = SECTIONS.to_vec();
    expected.sort();
    assert_eq!(titles, expected, "docs/errors.md sections");
    for (domain, codes) in all_codes() {
        let section = &documented[section_of(domain)];
        for code in codes {
            assert!(
                section.iter().any(|c| c == code),
                "{code} is missing from section {} of docs/errors.md",
                section_of(domain)
            );
        }
    }
}

#[test]
fn docs_list_no_unknown_code() {
    let known: BTreeSet<(&str, &str)> = all_codes()
        .into_iter()
        .flat_map(|(domain, codes)| codes.iter().map(move |code| (section_of(domain), *code)))
        .collect();
    for (section, codes) in documented() {
        let unique: BTreeSet<&String> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "{section} lists a code twice");
        for code in &codes {
            assert!(
                known.contains(&(section.as_str(), code.as_str())),
                "docs/errors.md section {section} lists {code}, which the core does not produce"
            );
        }
    }
}
