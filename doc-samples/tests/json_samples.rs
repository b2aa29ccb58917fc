//! The JSON samples of `docs/complaints.md` (a report draft) and `docs/conformance.md` (an adapter
//! request) are what the docs say they are: the draft passes the core's validation, the request
//! runs through `json_api::call`.

#![allow(clippy::unwrap_used)]

use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::{Catalog, ValidationContext, draft};
use kotacerdas_core::json_api;

/// The ```json blocks of a doc, in order.
fn json_blocks(doc: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if line == "```json" {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push(body.join("\n"));
        }
    }
    blocks
}

#[test]
fn the_draft_in_complaints_md_is_valid() {
    let blocks = json_blocks(include_str!("../../docs/complaints.md"));
    let draft_json = blocks
        .iter()
        .find(|b| b.contains("\"idempotency_key\""))
        .expect("a report draft sample");
    let context = ValidationContext {
        catalog: Catalog::embedded(),
        // An hour after the sample's created_at.
        now: Instant::parse_iso("2026-11-29T09:15:00+07:00").unwrap(),
    };
    let valid = draft::validate_json(draft_json, &context).unwrap();
    assert_eq!(valid.category, "INFRA.JALAN");
}

#[test]
fn the_adapter_request_in_conformance_md_runs() {
    let blocks = json_blocks(include_str!("../../docs/conformance.md"));
    let request: serde_json::Value = serde_json::from_str(&blocks[0]).unwrap();
    let function = request["function"].as_str().unwrap();
    let output = json_api::call(function, &request["input"]).unwrap();
    assert_eq!(output["masked"], "352701**********", "{output}");
}
