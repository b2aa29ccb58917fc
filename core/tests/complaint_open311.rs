//! Duplicate suggestions and the Open311 GeoReport v2 mapping.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kotacerdas_core::Lang;
use kotacerdas_core::calendar::{Instant, WorkingCalendar};
use kotacerdas_core::complaint::draft::{self, ValidationContext};
use kotacerdas_core::complaint::duplicates::{self, ExistingReport};
use kotacerdas_core::complaint::lifecycle::LifecycleContext;
use kotacerdas_core::complaint::open311::{self, PostServiceRequest};
use kotacerdas_core::complaint::sla::{self, DeadlineKind};
use kotacerdas_core::complaint::{Actor, Catalog, Event, EventKind, GeoPoint, ReportRecord, State};

/// A point `metres` north of `p` (one degree of latitude is about 111,195 m).
fn north(p: GeoPoint, metres: f64) -> GeoPoint {
    GeoPoint {
        lat: p.lat + metres / 111_195.0,
        lon: p.lon,
    }
}

#[test]
fn duplicates_same_category_open_near_first_at_most_five() {
    let catalog = Catalog::embedded();
    let here = GeoPoint {
        lat: -7.19,
        lon: 113.24,
    };
    let report = |id: &str, category: &str, state: State, metres: f64| ExistingReport {
        id: id.into(),
        category: category.into(),
        state,
        location: Some(north(here, metres)),
    };
    let existing = vec![
        report("far", "INFRA.JALAN", State::Diterima, 260.0),
        report("other-category", "PJU.MATI", State::Diterima, 10.0),
        report("closed", "INFRA.JALAN", State::Selesai, 5.0),
        report("draft", "INFRA.JALAN", State::Draft, 5.0),
        report("r6", "INFRA.JALAN", State::Ditunda, 240.0),
        report("r5", "INFRA.JALAN", State::Didisposisikan, 200.0),
        report("r1", "INFRA.JALAN", State::Diterima, 1.0),
        report("r3", "INFRA.JALAN", State::Ditindaklanjuti, 100.0),
        report("r2", "INFRA.JALAN", State::Terverifikasi, 50.0),
        report("r4", "INFRA.JALAN", State::Diterima, 150.0),
        ExistingReport {
            id: "no-point".into(),
            category: "INFRA.JALAN".into(),
            state: State::Diterima,
            location: None,
        },
    ];
    let hits = duplicates::suggest(catalog, "INFRA.JALAN", here, &existing);
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4", "r5"]);
    assert_eq!(hits[1].distance_m, 50);
    assert!(
        duplicates::suggest(
            catalog,
            "INFRA.JALAN",
            GeoPoint {
                lat: f64::NAN,
                lon: 0.0
            },
            &existing
        )
        .is_empty()
    );
}

#[test]
fn services_and_definitions() {
    let catalog = Catalog::embedded();
    let services = open311::services(catalog, Lang::Id);
    assert_eq!(services.len(), catalog.categories().len());
    let jalan = services
        .iter()
        .find(|s| s.service_code == "INFRA.JALAN")
        .unwrap();
    assert_eq!(jalan.group, "INFRA");
    assert_eq!(jalan.service_type, "realtime");
    assert!(jalan.keywords.contains("jalan rusak"));
    let json = serde_json::to_value(jalan).unwrap();
    assert_eq!(json["type"], "realtime");
    let definition = open311::service_definition(catalog, "LAYPUB.PUNGLI", Lang::En).unwrap();
    let kind = &definition.attributes[0];
    assert_eq!(kind.code, "kind");
    assert_eq!(kind.datatype, "singlevaluelist");
    assert_eq!(
        kind.values.len(),
        1,
        "extortion reports are complaints only"
    );
    assert!(open311::service_definition(catalog, "NOPE", Lang::En).is_none());
}

#[test]
fn service_request_round_trip() {
    let catalog = Catalog::embedded();
    let received = Instant::parse_iso("2026-11-27T09:00:00+07:00").unwrap();
    let mut post = PostServiceRequest {
        service_code: "INFRA.JALAN".into(),
        lat: Some(-7.19),
        long: Some(113.24),
        accuracy_m: Some(8.0),
        phone: Some("+62 812 3456 7890".into()),
        description: Some("Jalan berlubang besar di depan pasar.".into()),
        ..PostServiceRequest::default()
    };
    for (code, value) in [
        ("kind", "pengaduan"),
        ("title", "Jalan berlubang"),
        ("idempotency_key", "0f8fad5b-d9cb-469f-a165-70867728950e"),
        ("confidential", "false"),
    ] {
        post.attributes.insert(code.into(), value.into());
    }
    let context = ValidationContext {
        catalog,
        now: received,
    };
    // Road damage needs a photo, which a plain Open311 POST cannot carry inline.
    let draft = open311::draft_from_request(&post, received);
    let problems = draft::validate(&draft, &context).unwrap_err();
    let errors = open311::errors_from_problems(&problems, Lang::En);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, 400);
    assert!(
        errors[0]
            .description
            .starts_with("attachments: COMPLAINT_ATTACHMENT_REQUIRED")
    );

    post.service_code = "INFRA.DRAINASE".into();
    let report = draft::validate(&open311::draft_from_request(&post, received), &context).unwrap();
    assert_eq!(
        report.contact.as_ref().unwrap().phone.as_deref(),
        Some("+6281234567890")
    );

    let policy = catalog.sla_policy_for(&report.category).unwrap();
    let calendar = WorkingCalendar::embedded_default();
    let ctx = LifecycleContext {
        calendar,
        policy,
        catalog: Some(catalog),
    };
    let record = ReportRecord::replay(
        vec![
            Event {
                kind: EventKind::Submit,
                actor: Actor::Reporter,
                at: received,
                note: None,
            },
            Event {
                kind: EventKind::Verify,
                actor: Actor::Verifier,
                at: received.plus_seconds(3600),
                note: None,
            },
            Event {
                kind: EventKind::Assign {
                    opd: "DPUPR".into(),
                },
                actor: Actor::Verifier,
                at: received.plus_seconds(7200),
                note: None,
            },
        ],
        &ctx,
    )
    .unwrap();
    let sla = sla::evaluate(
        &record.history,
        policy,
        calendar,
        received.plus_seconds(7200),
    )
    .unwrap();
    let expected = sla.deadline(DeadlineKind::Resolution).map(|d| d.due);
    let request =
        open311::to_service_request(catalog, "SPG-1", &report, &record, expected, Lang::Id);
    assert_eq!(request.status, "open");
    assert_eq!(request.service_code, "INFRA.DRAINASE");
    assert!(request.agency_responsible.contains("Pekerjaan Umum"));
    assert!(request.status_notes.contains("Terdisposisi"));
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["requested_datetime"], "2026-11-27T09:00:00+07:00");
    // Fri 27 Nov 2026 + 14 working days (TIDAK_BERKADAR_PENGAWASAN) = Thu 17 Dec 2026.
    assert_eq!(json["expected_datetime"], "2026-12-17T23:59:59+07:00");
    assert_eq!(json["long"], 113.24);
    assert!(
        !json.to_string().contains("812"),
        "no contact data in the public projection"
    );

    // A confidential report keeps text and place out of the projection.
    let mut private = report.clone();
    private.confidential = true;
    let json = serde_json::to_value(open311::to_service_request(
        catalog,
        "SPG-2",
        &private,
        &record,
        None,
        Lang::En,
    ))
    .unwrap();
    assert!(json.get("description").is_none() && json.get("lat").is_none());
}
