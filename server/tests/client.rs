//! The Rust client (`kotacerdas-client`) against the real server on a free loopback port,
//! and webhooks delivered to a receiver in the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{Backend, Server, TestDb, backends, create_token};
use kotacerdas_client::outbox::{ItemStatus, Outbox, OutboxStore, SqliteStore};
use kotacerdas_client::{Client, ClientError, RetryPolicy, RulePack};
use kotacerdas_core::complaint::ReportDraft;
use serde_json::json;

fn draft(title: &str, confidential: bool) -> ReportDraft {
    serde_json::from_value(common::draft(title, confidential)).unwrap()
}

async fn client_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let client = Client::new(&server.base).unwrap();

    // Rule pack with ETag.
    let RulePack::Current { etag, pack } = client.rules(None).await.unwrap() else {
        panic!("expected a pack");
    };
    assert!(pack["taxonomy"]["categories"].is_array());
    assert_eq!(
        client.rules(Some(&etag)).await.unwrap(),
        RulePack::NotModified
    );

    // Submit; the same key again gives the same result.
    let submitted = client
        .submit_report(&draft("Lewat klien", false), "client-key-00001")
        .await
        .unwrap();
    let again = client
        .submit_report(&draft("Lewat klien", false), "client-key-00001")
        .await
        .unwrap();
    assert_eq!(submitted, again);
    assert_eq!(submitted.state.code, "diterima");
    let other = client
        .submit_report(&draft("Lain", false), "client-key-00001")
        .await
        .unwrap_err();
    assert_eq!(other.code(), "IDEMPOTENCY_KEY_REUSED");

    // Validation errors carry the core's field problems.
    let mut bad = draft("", false);
    bad.category = Some("NOPE".into());
    let error = client
        .submit_report(&bad, "client-key-00002")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "REPORT_INVALID");
    let ClientError::Server {
        status, problems, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*status, 422);
    assert!(
        problems
            .iter()
            .any(|p| p.field == "category" && p.problem.code == "COMPLAINT_CATEGORY_UNKNOWN")
    );
    assert!(!error.is_transient());

    let mine = client.my_report(&submitted.tracking_code).await.unwrap();
    assert_eq!(mine.title, "Lewat klien");
    assert_eq!(mine.history.len(), 1);
    let missing = client.my_report(&"0".repeat(32)).await.unwrap_err();
    assert_eq!(missing.code(), "NOT_FOUND");

    let public = client
        .public_reports(Some("INFRA.DRAINASE"), 10)
        .await
        .unwrap();
    assert_eq!(public.len(), 1);
    let duplicates = client
        .duplicates("INFRA.DRAINASE", -7.19, 113.2401)
        .await
        .unwrap();
    assert_eq!(duplicates[0].id, submitted.id);
    let attachment = client
        .upload_attachment(
            &submitted.tracking_code,
            "image/png",
            &[1, 2, 3],
            "client-att-0001",
        )
        .await
        .unwrap();
    assert_eq!(attachment.size_bytes, 3);

    // Officers: no token is an auth error; with tokens the flow runs through the core.
    let error = client.officer_queue(None).await.unwrap_err();
    assert!(
        matches!(error, ClientError::Auth { status: 401, .. }),
        "{error:?}"
    );
    let desk = client.with_token(&server.token.clone().unwrap());
    let queue = desk.officer_queue(None).await.unwrap();
    assert_eq!(queue[0].sla_status.as_deref(), Some("on_time"));
    desk.officer_event(&submitted.id, &json!({"type": "verify"}))
        .await
        .unwrap();
    let assigned = desk
        .officer_event(&submitted.id, &json!({"type": "assign", "opd": "DPUPR"}))
        .await
        .unwrap();
    assert_eq!(assigned.state.code, "didisposisikan");
    let dpupr = client.with_token(&create_token(&db, "opd_officer", Some("DPUPR")));
    assert_eq!(
        dpupr.officer_me().await.unwrap().opd.as_deref(),
        Some("DPUPR")
    );
    let followed = dpupr
        .officer_event(
            &submitted.id,
            &json!({"type": "follow_up", "note": "Sudah dikeruk"}),
        )
        .await
        .unwrap();
    assert_eq!(followed.state.code, "ditindaklanjuti");
    let dinkes = client.with_token(&create_token(&db, "opd_officer", Some("DINKES_KB")));
    let error = dinkes.officer_report(&submitted.id).await.unwrap_err();
    assert!(
        matches!(error, ClientError::Auth { status: 403, .. }),
        "{error:?}"
    );
    let confirmed = client
        .reporter_event(&submitted.tracking_code, "confirm", None)
        .await
        .unwrap();
    assert_eq!(confirmed.state.code, "selesai");

    let tax = client
        .tax_calculate("pbjt", "35.27", &json!({}))
        .await
        .unwrap_err();
    assert_ne!(tax.code(), "NETWORK");

    // A closed port: a network error, transient, retried then reported.
    let offline = Client::with_timeout("http://127.0.0.1:9", Duration::from_secs(2))
        .unwrap()
        .with_retry(RetryPolicy {
            attempts: 2,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(10),
        });
    let error = offline.rules(None).await.unwrap_err();
    assert_eq!(error.code(), "NETWORK");
    assert!(error.is_transient());
}

#[tokio::test]
async fn client_covers_citizen_and_officer_endpoints() {
    for backend in backends() {
        client_scenario(backend).await;
    }
}

#[tokio::test]
async fn outbox_keeps_items_offline_and_records_results() {
    let db = TestDb::new(Backend::Sqlite).await;
    let outbox_file = db.dir.path().join("outbox.db");
    let outbox = Outbox::new(SqliteStore::open(&outbox_file).unwrap());
    outbox.add(&draft("Pertama", false)).await.unwrap();
    let mut invalid = draft("", false);
    invalid.description = Some("  ".into());
    outbox.add(&invalid).await.unwrap();
    outbox.add(&draft("Ketiga", false)).await.unwrap();

    // No server yet: nothing is lost, the reason is kept, order is kept.
    let offline = Client::with_timeout("http://127.0.0.1:9", Duration::from_secs(2))
        .unwrap()
        .with_retry(RetryPolicy {
            attempts: 1,
            ..RetryPolicy::default()
        });
    let report = outbox.sync(&offline).await.unwrap();
    assert_eq!(report.sent, 0);
    assert_eq!(report.remaining, 3);
    assert_eq!(report.stopped_by.unwrap().code(), "NETWORK");
    let items = outbox.items().await.unwrap();
    assert_eq!(items[0].status, ItemStatus::Pending);
    assert_eq!(items[0].last_error.as_deref(), Some("NETWORK"));
    assert_eq!(items[0].attempts, 1);

    // Online: sent, rejected with field problems, sent; a second sync sends nothing.
    let server = Server::start(&db, 0, &[]);
    let client = Client::new(&server.base).unwrap();
    let report = outbox.sync(&client).await.unwrap();
    assert_eq!((report.sent, report.rejected, report.remaining), (2, 1, 0));
    let items = outbox.items().await.unwrap();
    assert!(matches!(items[0].status, ItemStatus::Sent { .. }));
    match &items[1].status {
        ItemStatus::Rejected { code, problems } => {
            assert_eq!(code, "REPORT_INVALID");
            assert!(problems.iter().any(|p| p.field == "description"));
        }
        other => panic!("{other:?}"),
    }
    let report = outbox.sync(&client).await.unwrap();
    assert_eq!((report.sent, report.rejected, report.remaining), (0, 0, 0));
    // An item left in "sending" (a crash mid-request) is resent with its key: no duplicate.
    let first = &items[0];
    outbox
        .store()
        .update(first.seq, &ItemStatus::Sending, first.attempts, None)
        .await
        .unwrap();
    let report = outbox.sync(&client).await.unwrap();
    assert_eq!(report.sent, 1);
    let after = outbox.items().await.unwrap();
    assert_eq!(
        after[0].status, items[0].status,
        "the same tracking code again"
    );
    let public = client.public_reports(None, 50).await.unwrap();
    assert_eq!(public.len(), 2);
}

#[tokio::test]
async fn webhooks_are_signed_and_retried() {
    use axum::http::{HeaderMap, StatusCode};
    for backend in backends() {
        let db = TestDb::new(backend).await;
        let server = Server::start(&db, 0, &[]);
        // A receiver that fails the first delivery, then records what it gets.
        let received: Arc<Mutex<Vec<(HeaderMap, String)>>> = Arc::default();
        let calls = Arc::new(Mutex::new(0u32));
        let app = {
            let (received, calls) = (received.clone(), calls.clone());
            axum::Router::new().route(
                "/hook",
                axum::routing::post(move |headers: HeaderMap, body: String| {
                    let (received, calls) = (received.clone(), calls.clone());
                    async move {
                        let mut n = calls.lock().unwrap();
                        *n += 1;
                        if *n == 1 {
                            return StatusCode::INTERNAL_SERVER_ERROR;
                        }
                        received.lock().unwrap().push((headers, body));
                        StatusCode::OK
                    }
                }),
            )
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let receiver = tokio::spawn(async move { axum::serve(listener, app).await });

        let admin = Client::new(&server.base)
            .unwrap()
            .with_token(&server.token.clone().unwrap());
        let hook = admin
            .create_webhook(&format!("http://{address}/hook"))
            .await
            .unwrap();
        let secret = hook.secret.unwrap();
        let submitted = admin
            .submit_report(&draft("Kabar lewat webhook", true), "webhook-key-0001")
            .await
            .unwrap();

        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while received.lock().unwrap().is_empty() {
            assert!(std::time::Instant::now() < deadline, "no webhook delivered");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            *calls.lock().unwrap() >= 2,
            "the failed delivery was retried"
        );
        let (headers, body) = received.lock().unwrap()[0].clone();
        let timestamp = headers["x-kotacerdas-timestamp"].to_str().unwrap();
        let signature = headers["x-kotacerdas-signature"].to_str().unwrap();
        let expected = format!(
            "sha256={}",
            kotacerdas_server::util::hmac_hex(
                secret.as_bytes(),
                format!("{timestamp}.{body}").as_bytes()
            )
        );
        assert_eq!(signature, expected);
        let payload: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(payload["event"], "submit");
        assert_eq!(payload["report_id"], submitted.id.as_str());
        // Confidential text and reporter data never go out.
        assert!(!body.contains("Kabar lewat webhook") && !body.contains("0812"));
        receiver.abort();
    }
}
