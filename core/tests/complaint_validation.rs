//! Report draft validation: every problem at once, stable codes, hostile text.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::draft::{self, ReportDraft, ValidationContext};
use kotacerdas_core::complaint::{Catalog, FieldProblem, ReportKind, Route};

fn context() -> ValidationContext<'static> {
    ValidationContext {
        catalog: Catalog::embedded(),
        now: Instant::parse_iso("2026-11-29T10:00:00+07:00").unwrap(),
    }
}

fn good() -> serde_json::Value {
    serde_json::json!({
        "kind": "pengaduan",
        "category": "INFRA.JALAN",
        "title": "Jalan berlubang",
        "description": "Lubang besar di jalan depan SDN Banyuanyar, sudah dua minggu.",
        "location": {"lat": -7.19, "lon": 113.24, "accuracy_m": 12.0},
        "village_code": "35.27.01.2001",
        "landmark": "depan masjid",
        "attachments": [{"media_type": "image/jpeg", "size_bytes": 350000}],
        "reporter": {"name": "Siti", "phone": "0812-3456-7890"},
        "anonymous": false,
        "idempotency_key": "8f14e45f-ceea-467f-a8f5-2d8b1b5c0a11",
        "created_at": "2026-11-29T08:15:00+07:00"
    })
}

/// Validates through the text reader (`validate_json`) and the value reader
/// (`validate_value`, the JSON API's): both must give the same report or the same problems
/// (a malformed draft's line and column apart: a value has no text).
fn check(value: &serde_json::Value) -> Result<draft::ValidReport, Vec<FieldProblem>> {
    let by_text = draft::validate_json(&value.to_string(), &context());
    let by_value = draft::validate_value(value, &context());
    match (&by_text, &by_value) {
        (Ok(text), Ok(value)) => assert_eq!(text, value),
        (Err(text), Err(value)) => assert_eq!(codes(text), codes(value)),
        _ => panic!("the readers disagree: {by_text:?} / {by_value:?}"),
    }
    by_text
}

fn codes(problems: &[FieldProblem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.field.clone(), p.problem.code.clone()))
        .collect()
}

#[test]
fn a_good_draft_is_accepted_and_normalised() {
    let report = check(&good()).unwrap();
    assert_eq!(report.kind, ReportKind::Pengaduan);
    assert_eq!(
        report.contact.as_ref().unwrap().phone.as_deref(),
        Some("+6281234567890")
    );
    assert!(report.confidential, "private by default");
    assert_eq!(report.route.agency(), "DPUPR");
    assert_eq!(
        report.contact.as_ref().unwrap().name.as_deref(),
        Some("Siti")
    );
    // An invisible name (byte-order marks, zero-width spaces) is no name.
    let mut draft = good();
    draft["reporter"]["name"] = serde_json::json!("\u{feff}\u{200b}\u{2060} ");
    let report = check(&draft).unwrap();
    assert_eq!(report.contact.unwrap().name, None);
    assert_eq!(report.created_at.to_string(), "2026-11-29T08:15:00+07:00");
}

#[test]
fn every_problem_is_reported_at_once() {
    let draft = serde_json::json!({
        "kind": "keluhan",
        "category": "INFRA.JALAN",
        "title": "   \u{7}  ",
        "description": "pendek",
        "attachments": [
            {"media_type": "application/pdf", "size_bytes": 1},
            {"media_type": "image/png", "size_bytes": 99999999},
            {"media_type": "image/png", "size_bytes": 10},
            {"media_type": "image/png", "size_bytes": 10}
        ],
        "reporter": {"email": "bukan email", "nik": "1234"},
        "idempotency_key": "short",
        "created_at": "2026-11-30T10:00:00+07:00",
        "village_code": "35.26.01.2001"
    });
    let problems = check(&draft).unwrap_err();
    let found = codes(&problems);
    for expected in [
        ("kind", "COMPLAINT_KIND_UNKNOWN"),
        ("title", "COMPLAINT_TEXT_EMPTY"),
        ("description", "COMPLAINT_TEXT_TOO_SHORT"),
        ("location", "COMPLAINT_COORDINATES_REQUIRED"),
        ("village_code", "COMPLAINT_VILLAGE_UNKNOWN"),
        ("attachments", "COMPLAINT_TOO_MANY_ATTACHMENTS"),
        ("attachments[0].media_type", "COMPLAINT_ATTACHMENT_TYPE"),
        ("attachments[1].size_bytes", "COMPLAINT_ATTACHMENT_SIZE"),
        ("reporter.phone", "COMPLAINT_CONTACT_REQUIRED"),
        ("reporter.email", "COMPLAINT_EMAIL_INVALID"),
        ("reporter.nik", "NIK_INVALID_LENGTH"),
        ("idempotency_key", "COMPLAINT_IDEMPOTENCY_KEY_INVALID"),
        ("created_at", "COMPLAINT_TIME_IN_FUTURE"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} not in {found:?}"
        );
    }
    assert_eq!(found.len(), 13, "{found:?}");
    for problem in &problems {
        assert!(!problem.problem.message_id.is_empty() && !problem.problem.message_en.is_empty());
    }
}

#[test]
fn missing_fields_are_named() {
    let problems = check(&serde_json::json!({})).unwrap_err();
    let found = codes(&problems);
    for field in ["kind", "category", "title", "description", "created_at"] {
        assert!(
            found.contains(&(field.to_owned(), "COMPLAINT_FIELD_REQUIRED".to_owned())),
            "{field}"
        );
    }
    assert!(found.contains(&(
        "idempotency_key".to_owned(),
        "COMPLAINT_IDEMPOTENCY_KEY_INVALID".to_owned()
    )));
    assert!(found.contains(&(
        "reporter.phone".to_owned(),
        "COMPLAINT_CONTACT_REQUIRED".to_owned()
    )));
}

#[test]
fn location_rules() {
    let mut draft = good();
    // Surabaya is outside Sampang.
    draft["location"] = serde_json::json!({"lat": -7.25, "lon": 112.75, "accuracy_m": 10.0});
    let problems = check(&draft).unwrap_err();
    assert_eq!(
        problems[0].problem.code,
        "COMPLAINT_LOCATION_OUTSIDE_REGION"
    );
    assert!(
        problems[0].problem.fields["distance_m"]
            .parse::<u32>()
            .unwrap()
            > 25_000
    );
    // Just off the generalised coast (within the tolerance) is accepted.
    let coast = kotacerdas_core::complaint::GeoPoint {
        lat: -7.2265,
        lon: 113.2,
    };
    let outside = Catalog::embedded().boundary().distance_outside_m(coast);
    assert!(outside > 0.0 && outside < 500.0, "{outside}");
    draft["location"] = serde_json::json!({"lat": coast.lat, "lon": coast.lon, "accuracy_m": 10.0});
    check(&draft).unwrap();
    draft["location"] = serde_json::json!({"lat": -7.19, "lon": 113.24});
    assert_eq!(
        check(&draft).unwrap_err()[0].problem.code,
        "COMPLAINT_LOCATION_INACCURATE"
    );
    draft["location"] = serde_json::json!({"lat": -7.19, "lon": 113.24, "accuracy_m": 5000.0});
    assert_eq!(
        check(&draft).unwrap_err()[0].problem.code,
        "COMPLAINT_LOCATION_INACCURATE"
    );
    draft["location"] = serde_json::json!({"lat": 95.0, "lon": 113.24, "accuracy_m": 5.0});
    assert_eq!(
        check(&draft).unwrap_err()[0].problem.code,
        "COMPLAINT_COORDINATES_INVALID"
    );
    // A category that needs a place accepts a desa code with a landmark instead of GPS.
    let mut draft = good();
    draft["category"] = serde_json::json!("LINGK.SAMPAH");
    draft["attachments"] = serde_json::json!([]);
    draft.as_object_mut().unwrap().remove("location");
    check(&draft).unwrap();
    draft.as_object_mut().unwrap().remove("landmark");
    assert_eq!(
        codes(&check(&draft).unwrap_err()),
        vec![(
            "location".to_owned(),
            "COMPLAINT_LOCATION_REQUIRED".to_owned()
        )]
    );
    // A category without a place ignores a point far away.
    let mut draft = good();
    draft["category"] = serde_json::json!("ADMINDUK.KTP");
    draft["location"] = serde_json::json!({"lat": -6.2, "lon": 106.8, "accuracy_m": 10.0});
    assert!(check(&draft).is_ok());
}

#[test]
fn privacy_rules() {
    // Anonymous: no phone needed.
    let mut draft = good();
    draft["anonymous"] = serde_json::json!(true);
    draft.as_object_mut().unwrap().remove("reporter");
    let report = check(&draft).unwrap();
    assert!(report.anonymous && report.contact.is_none());
    // A valid NIK is kept masked only.
    let mut draft = good();
    draft["reporter"]["nik"] = serde_json::json!("3527014501900001");
    let report = check(&draft).unwrap();
    let contact = report.contact.unwrap();
    assert_eq!(contact.nik_masked.as_deref(), Some("352701**********"));
    assert!(
        !serde_json::to_string(&contact)
            .unwrap()
            .contains("3527014501900001")
    );
    // Extortion reports take no NIK, and only as pengaduan.
    let mut draft = good();
    draft["category"] = serde_json::json!("LAYPUB.PUNGLI");
    draft["reporter"]["nik"] = serde_json::json!("3527014501900001");
    draft["kind"] = serde_json::json!("aspirasi");
    let found = codes(&check(&draft).unwrap_err());
    assert!(found.contains(&("reporter.nik".into(), "COMPLAINT_NIK_NOT_ACCEPTED".into())));
    assert!(found.contains(&("kind".into(), "COMPLAINT_KIND_NOT_ALLOWED".into())));
    // Phone problems keep the identifier module's code.
    let mut draft = good();
    draft["reporter"]["phone"] = serde_json::json!("021-555-1234");
    let problems = check(&draft).unwrap_err();
    assert_eq!(problems[0].field, "reporter.phone");
    assert!(
        problems[0].problem.code.starts_with("PHONE_"),
        "{problems:?}"
    );
}

#[test]
fn hostile_text_is_refused_without_panic() {
    let mut draft = good();
    draft["description"] = serde_json::json!("x".repeat(1_000_000));
    draft["title"] = serde_json::json!("\u{0}\u{1}\u{1b}\u{7f}\u{202e}");
    draft["landmark"] = serde_json::json!("é".repeat(600_000));
    draft["reporter"]["name"] = serde_json::json!("\u{feff}".repeat(10));
    draft["idempotency_key"] = serde_json::json!("k".repeat(1_000_000));
    let found = codes(&check(&draft).unwrap_err());
    assert!(found.contains(&("description".into(), "COMPLAINT_TEXT_TOO_LONG".into())));
    assert!(found.contains(&("title".into(), "COMPLAINT_TEXT_EMPTY".into())));
    assert!(found.contains(&("landmark".into(), "COMPLAINT_TEXT_TOO_LONG".into())));
    assert!(found.contains(&(
        "idempotency_key".into(),
        "COMPLAINT_IDEMPOTENCY_KEY_INVALID".into()
    )));
    // Control characters are stripped from accepted text; newlines stay.
    let mut draft = good();
    draft["description"] =
        serde_json::json!("Jalan\u{0} rusak\r\nparah\tsekali \u{202e}sudah lama");
    assert_eq!(
        check(&draft).unwrap().description,
        "Jalan rusak\nparah sekali sudah lama"
    );
    // Not JSON, wrong types, unknown fields and lone surrogates: one malformed problem.
    for text in [
        "",
        "[]",
        "{\"kind\": 5}",
        "{\"unknown\": 1}",
        "{\"title\": \"\\ud800\"}",
        "{\"location\": {\"lat\": \"x\"}}",
    ] {
        let problems = draft::validate_json(text, &context()).unwrap_err();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            let by_value = draft::validate_value(&value, &context()).unwrap_err();
            assert_eq!(codes(&by_value), codes(&problems), "{text}");
            assert_eq!(by_value[0].problem.fields["line"], "1");
        }
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(
            problems[0].problem.code, "COMPLAINT_DRAFT_MALFORMED",
            "{text}"
        );
        assert!(!problems[0].problem.message_en.contains("\\ud800"));
    }
    let huge = format!("{{\"title\": \"{}\"}}", "a".repeat(1_000_000));
    assert!(draft::validate_json(&huge, &context()).is_err());
}

#[test]
fn forwarded_categories_validate_with_their_route() {
    let mut draft = good();
    draft["category"] = serde_json::json!("LISTRIK.PADAM");
    draft["attachments"] = serde_json::json!([]);
    let report = check(&draft).unwrap();
    assert!(matches!(report.route, Route::Forward { ref body, .. } if body == "PLN"));
    let typed: ReportDraft = serde_json::from_value(draft).unwrap();
    assert!(draft::validate(&typed, &context()).is_ok());
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary_text_in_every_field(
            kind in ".{0,20}", category in ".{0,20}", title in ".{0,300}",
            description in ".{0,300}", phone in ".{0,30}", nik in ".{0,30}", email in ".{0,40}",
            key in ".{0,40}", created in ".{0,40}", village in ".{0,20}", landmark in ".{0,50}",
            lat in proptest::num::f64::ANY, lon in proptest::num::f64::ANY,
        ) {
            let mut draft = serde_json::json!({
                "kind": kind, "category": category, "title": title, "description": description,
                "reporter": {"phone": phone, "nik": nik, "email": email},
                "idempotency_key": key, "created_at": created,
                "village_code": village, "landmark": landmark,
            });
            // JSON has no NaN or infinity: those travel as null (and are refused as malformed).
            if let (Some(lat), Some(lon)) = (serde_json::Number::from_f64(lat), serde_json::Number::from_f64(lon)) {
                draft["location"] = serde_json::json!({"lat": lat, "lon": lon, "accuracy_m": 10.0});
            }
            match check(&draft) {
                Ok(report) => prop_assert!(!report.title.is_empty()),
                Err(problems) => prop_assert!(!problems.is_empty()),
            }
        }

        #[test]
        fn arbitrary_json_text(text in ".{0,200}") {
            if let Err(problems) = draft::validate_json(&text, &context()) {
                prop_assert!(!problems.is_empty());
            }
        }
    }
}
