//! No secrets in the repository: every tracked file (`git ls-files`) is scanned for private
//! keys, cloud and registry tokens, this server's own officer tokens (`kc_` + 64 hex digits),
//! passwords in database URLs, NIK pseudonym keys that are not marked as test values, and key
//! files by name. Runs in `cargo xtask test` (`cargo test --workspace`).
//!
//! The patterns are built from pieces so that this file does not match itself, and the first
//! test proves the scanner finds each kind of secret it looks for.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use regex::Regex;

struct Rule {
    name: &'static str,
    pattern: Regex,
}

fn rules() -> Vec<Rule> {
    let dashes = "-".repeat(5);
    let rule = |name: &'static str, pattern: String| Rule {
        name,
        pattern: Regex::new(&pattern).unwrap(),
    };
    vec![
        rule(
            "private key",
            format!("{dashes}BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?{dashes}"),
        ),
        rule("AWS access key id", format!("{}IA[0-9A-Z]{{16}}", "AK")),
        rule(
            "GitHub token",
            format!(
                "(gh[pousr]_[A-Za-z0-9]{{36}}|{}_[A-Za-z0-9_]{{60,}})",
                "github_pat"
            ),
        ),
        rule(
            "Slack token",
            format!("{}-[0-9A-Za-z-]{{10,}}", "xox[abprs]"),
        ),
        rule("Google API key", format!("{}za[0-9A-Za-z_-]{{35}}", "AI")),
        rule(
            "Stripe secret key",
            format!("{}_live_[0-9A-Za-z]{{16,}}", "sk"),
        ),
        rule("npm token", format!("{}_[A-Za-z0-9]{{36}}", "npm")),
        rule("PyPI token", format!("{}-AgE[A-Za-z0-9_-]{{50,}}", "pypi")),
        rule(
            "kotacerdas officer token",
            format!("{}_[0-9a-f]{{64}}", "kc"),
        ),
        rule(
            "password in a database URL",
            format!("{}://[^/\\s:@]+:[^@\\s/]+@", "(postgres|postgresql|mysql)"),
        ),
    ]
}

/// `KOTACERDAS_NIK_KEY` values written into files must say they are test values.
fn nik_key_problem(line: &str) -> bool {
    let name = format!("{}_NIK_KEY", "KOTACERDAS");
    let Some(at) = line.find(&name) else {
        return false;
    };
    let value = line[at + name.len()..].trim_start_matches(['=', '"', '\'', ',', ' ', ':']);
    let value: String = value
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | ')'))
        .collect();
    let placeholder = value.starts_with("...")
        || value.starts_with('$')
        || value.starts_with('<')
        || value.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    let marked = ["test", "ci-", "bench", "smoke", "example", "demo"]
        .iter()
        .any(|m| value.contains(m));
    !placeholder && !marked && value.len() >= 16
}

const KEY_FILE_ENDINGS: &[&str] = &[".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".env"];
const KEY_FILE_NAMES: &[&str] = &[
    "id_rsa",
    "id_ed25519",
    "id_ecdsa",
    ".npmrc",
    ".pypirc",
    "credentials",
];

fn scan(path: &str, text: &str, rules: &[Rule], findings: &mut Vec<String>) {
    let file_name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if KEY_FILE_ENDINGS.iter().any(|e| file_name.ends_with(e))
        || KEY_FILE_NAMES.contains(&file_name.as_str())
    {
        findings.push(format!("{path}: a key or credentials file by its name"));
    }
    for (number, line) in text.lines().enumerate() {
        for rule in rules {
            if rule.pattern.is_match(line) {
                // The kind and the place only: never the secret itself.
                findings.push(format!("{path}:{}: {}", number + 1, rule.name));
            }
        }
        if nik_key_problem(line) {
            findings.push(format!(
                "{path}:{}: NIK pseudonym key not marked as a test value",
                number + 1
            ));
        }
    }
}

#[test]
fn the_scanner_finds_each_kind_of_secret() {
    let rules = rules();
    let hex64 = "0123456789abcdef".repeat(4);
    let dashes = "-".repeat(5);
    let samples = [
        format!("{dashes}BEGIN RSA PRIVATE KEY{dashes}"),
        format!("{dashes}BEGIN OPENSSH PRIVATE KEY{dashes}"),
        format!("aws = {}{}", "AKIA", "ABCDEFGHIJKLMNOP"),
        format!("token {}{}", "ghp_", "a".repeat(36)),
        format!("{}{}", "xoxb-", "1234567890-abcdef"),
        format!("{}{}", "AIza", "b".repeat(35)),
        format!("{}{}", "sk_live_", "c".repeat(24)),
        format!("{}{}", "npm_", "d".repeat(36)),
        format!("{}{}", "pypi-AgE", "e".repeat(60)),
        format!("Authorization: Bearer kc_{hex64}"),
        format!(
            "DATABASE_URL={}://kotacerdas:hunter2@db.internal/kc",
            "postgres"
        ),
        format!("{}_NIK_KEY=8f3a0c9e1b7d4f2a6c5e9b0d3f1a7c4e", "KOTACERDAS"),
    ];
    for sample in &samples {
        let mut findings = Vec::new();
        scan("sample.txt", sample, &rules, &mut findings);
        assert_eq!(findings.len(), 1, "{sample:?}: {findings:?}");
        assert!(!findings[0].contains("hunter2") && !findings[0].contains(&hex64));
    }
    let mut findings = Vec::new();
    scan("deploy/server.pem", "", &rules, &mut findings);
    assert_eq!(findings.len(), 1);
    // Test values, placeholders and URLs without a password pass.
    for fine in [
        format!("{}_NIK_KEY=ci-smoke-key-0123456789abcdef", "KOTACERDAS"),
        format!("export {}_NIK_KEY='...at least 16 bytes...'", "KOTACERDAS"),
        format!("{}_NIK_KEY=$KEY", "KOTACERDAS"),
        "postgres://postgres@127.0.0.1:55432/kotacerdas_test".to_owned(),
        "kc_ followed by 64 hex digits".to_owned(),
    ] {
        let mut findings = Vec::new();
        scan("fine.txt", &fine, &rules, &mut findings);
        assert!(findings.is_empty(), "{fine:?}: {findings:?}");
    }
}

#[test]
fn no_secrets_in_tracked_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let listed = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output();
    let Some(listed) = listed.ok().filter(|o| o.status.success()) else {
        // A source tarball without git: nothing tracked to scan.
        eprintln!("SKIPPED secrets scan: not a git checkout");
        return;
    };
    let rules = rules();
    let mut findings = Vec::new();
    let mut scanned = 0;
    for path in listed.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).into_owned();
        let Ok(bytes) = std::fs::read(root.join(&path)) else {
            continue; // deleted in the working tree
        };
        scanned += 1;
        scan(
            &path,
            &String::from_utf8_lossy(&bytes),
            &rules,
            &mut findings,
        );
    }
    assert!(scanned > 100, "only {scanned} files scanned");
    assert!(
        findings.is_empty(),
        "possible secrets:\n{}",
        findings.join("\n")
    );
}
