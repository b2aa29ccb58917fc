//! The conformance runner's reading of an adapter's output line (`kotacerdas conformance run
//! --adapter`): the protocol parse, the comparison with the case's expectation and the report
//! in every format, on arbitrary adapter output. Never a panic; the JSON report stays JSON and
//! the JUnit report stays well-formed XML whatever the adapter printed.
#![no_main]

use kotacerdas_cli::conformance::judge_adapter_line;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    // Expectations shaped like the shipped vectors, or (selector >= 4) one read from the input's
    // first line.
    let (expected, output) = match selector % 5 {
        0 => (json!({"ok": {"valid": true, "masked": "3527**********01"}}), rest),
        1 => (json!({"ok": {"warnings": ["A", "B"], "amount": 100000, "steps": [{"kind": "base"}]}}), rest),
        2 => (json!({"error": {"code": "NIK_INVALID_DATE"}}), rest),
        3 => (json!({"ok": {}}), rest),
        _ => {
            let split = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let Ok(expected) = serde_json::from_slice::<Value>(&rest[..split]) else { return };
            (expected, rest.get(split + 1..).unwrap_or_default())
        }
    };
    // The runner reads the adapter's stdout with `BufRead::lines`: UTF-8 lines without the end
    // of line (a line that is not UTF-8 is an I/O error there and never reaches the parser).
    let Ok(text) = std::str::from_utf8(output) else { return };
    let line = text.split('\n').next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let Ok((passed, [text_report, json_report, junit])) = judge_adapter_line(&expected, line) else {
        return;
    };
    assert!(!text_report.is_empty());
    let report: Value = serde_json::from_str(&json_report).expect("the JSON report is JSON");
    assert!(report.is_object());
    assert_well_formed_xml(&junit);
    // An answer that is exactly the expectation passes.
    if let Some(ok) = expected.get("ok") {
        let answer = json!({"id": "1", "ok": ok}).to_string();
        assert!(judge_adapter_line(&expected, &answer).map(|r| r.0).unwrap_or(true));
    }
    let _ = passed;
});

/// Every character is an XML 1.0 `Char`, every `&` starts an entity and every `<` a tag,
/// declaration or end tag: the adapter's text was escaped.
fn assert_well_formed_xml(xml: &str) {
    for c in xml.chars() {
        let allowed = matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}';
        assert!(allowed, "character {c:?} is not allowed in XML: {xml}");
    }
    for (i, _) in xml.match_indices('&') {
        let entity = &xml[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| entity.starts_with(e)),
            "unescaped & in {xml}"
        );
    }
    for (i, _) in xml.match_indices('<') {
        let next = xml[i + 1..].chars().next();
        assert!(
            next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '?'),
            "unescaped < in {xml}"
        );
    }
    // Attribute values are quoted with ": a raw " inside one would end it early.
    let tags = xml.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default());
    for tag in tags {
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in <{tag}>");
    }
}
