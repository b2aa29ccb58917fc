//! Integration tests of the server binary over HTTP, against SQLite and (when configured)
//! PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::{Backend, Server, TestDb, backends, create_token, draft, http};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

async fn post_report(
    client: &reqwest::Client,
    server: &Server,
    key: &str,
    body: &Value,
) -> (StatusCode, Value) {
    let response = client
        .post(format!("{}/v1/reports", server.base))
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn officer_post(
    client: &reqwest::Client,
    server: &Server,
    token: &str,
    id: &str,
    event: Value,
) -> (StatusCode, Value) {
    let response = client
        .post(format!("{}/v1/officer/reports/{id}/events", server.base))
        .bearer_auth(token)
        .json(&event)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get(client: &reqwest::Client, url: String, token: Option<&str>) -> (StatusCode, Value) {
    let mut request = client.get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn idempotency_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let client = http();
    let body = draft("Selokan mampet", false);

    let (status, first) = post_report(&client, &server, "key-aaaaaaaa-0001", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let code = first["tracking_code"].as_str().unwrap();
    // 128 bits: 32 hex digits.
    assert_eq!(code.len(), 32);
    assert!(code.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(first["state"]["code"], "diterima");
    assert_eq!(first["agency"]["code"], "DPUPR");

    // Same key, same body: the original result, not a second report.
    let (status, again) = post_report(&client, &server, "key-aaaaaaaa-0001", &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again, first);

    // Same key, other body: 409.
    let other = draft("Selokan mampet lagi", false);
    let (status, conflict) = post_report(&client, &server, "key-aaaaaaaa-0001", &other).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["error"]["code"], "IDEMPOTENCY_KEY_REUSED");
    assert!(conflict["error"]["message_id"].as_str().unwrap().len() > 5);

    // No key: 400; a bad key: the core's code.
    let response = client
        .post(format!("{}/v1/reports", server.base))
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "IDEMPOTENCY_KEY_REQUIRED");
    let (status, error) = post_report(&client, &server, "bad key!", &body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"]["code"], "COMPLAINT_IDEMPOTENCY_KEY_INVALID");

    // Validation problems come from the core, per field.
    let mut invalid = draft("", false);
    invalid["category"] = json!("NOPE.NOPE");
    let (status, error) = post_report(&client, &server, "key-aaaaaaaa-0002", &invalid).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes: Vec<&str> = error["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["problem"]["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"COMPLAINT_CATEGORY_UNKNOWN"), "{codes:?}");
    assert!(codes.contains(&"COMPLAINT_TEXT_EMPTY"), "{codes:?}");
    // A refused draft does not consume its key.
    let (status, _) = post_report(&client, &server, "key-aaaaaaaa-0002", &body).await;
    assert_eq!(status, StatusCode::CREATED);

    // Read by tracking code; an unknown or malformed code is 404.
    let (status, mine) = get(&client, format!("{}/v1/reports/{code}", server.base), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine["history"][0]["event"]["type"], "submit");
    assert_eq!(mine["agency"]["code"], "DPUPR");
    assert_eq!(mine["sla"]["status"], "on_time");
    let (status, _) = get(
        &client,
        format!("{}/v1/reports/{}", server.base, "0".repeat(32)),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&client, format!("{}/v1/reports/..%2F", server.base), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Exactly two reports stored.
    assert_eq!(db.report_counts().await.0, 2);
}

#[tokio::test]
async fn submit_is_idempotent_and_readable_by_tracking_code() {
    for backend in backends() {
        idempotency_scenario(backend).await;
    }
}

async fn concurrent_same_key_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let client = http();
    let body = draft("Banyak kiriman bersamaan", false);
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let client = client.clone();
        let base = server.base.clone();
        let body = body.clone();
        tasks.push(tokio::spawn(async move {
            let response = client
                .post(format!("{base}/v1/reports"))
                .header("idempotency-key", "same-key-concurrent")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let status = response.status();
            let value: Value = response.json().await.unwrap();
            (status, value["tracking_code"].as_str().map(str::to_owned))
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        let (status, code) = task.await.unwrap();
        assert_eq!(status, StatusCode::CREATED);
        codes.push(code.unwrap());
    }
    codes.dedup();
    assert_eq!(codes.len(), 1, "every racer gets the one report");
    assert_eq!(db.report_counts().await.0, 1);
}

#[tokio::test]
async fn concurrent_submissions_with_one_key_store_one_report() {
    for backend in backends() {
        concurrent_same_key_scenario(backend).await;
    }
}

async fn officer_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let admin = server.token.clone().expect("seeded token");
    let verifier = create_token(&db, "verifier", None);
    let dpupr = create_token(&db, "opd_officer", Some("DPUPR"));
    let dinkes = create_token(&db, "opd_officer", Some("DINKES_KB"));
    let client = http();
    let base = &server.base;

    let (_, submitted) = post_report(
        &client,
        &server,
        "officer-flow-0001",
        &draft("Got mampet", true),
    )
    .await;
    let id = submitted["id"].as_str().unwrap().to_owned();
    let code = submitted["tracking_code"].as_str().unwrap().to_owned();

    // No token, a wrong token: 401 and no data.
    for token in [None, Some("kc_wrong"), Some("")] {
        let (status, body) = get(&client, format!("{base}/v1/officer/queue"), token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error"]["code"], "AUTH_REQUIRED");
        assert!(body.get("reports").is_none());
        let (status, body) = get(&client, format!("{base}/v1/officer/reports/{id}"), token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.get("title").is_none());
    }

    // Verifier sees it (confidential included) with its SLA status.
    let (status, queue) = get(&client, format!("{base}/v1/officer/queue"), Some(&verifier)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue["reports"][0]["id"], id.as_str());
    assert_eq!(queue["reports"][0]["sla_status"], "on_time");

    // Routed to DPUPR: its officer sees it, Dinkes does not, not even by id.
    let (_, queue) = get(&client, format!("{base}/v1/officer/queue"), Some(&dpupr)).await;
    assert_eq!(queue["reports"].as_array().unwrap().len(), 1);
    let (_, queue) = get(&client, format!("{base}/v1/officer/queue"), Some(&dinkes)).await;
    assert_eq!(queue["reports"].as_array().unwrap().len(), 0);
    let (status, body) = get(
        &client,
        format!("{base}/v1/officer/reports/{id}"),
        Some(&dinkes),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.get("title").is_none());
    let (status, _) = officer_post(
        &client,
        &server,
        &dinkes,
        &id,
        json!({"type": "follow_up", "note": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The core's actor guard: an OPD officer cannot verify.
    let (status, body) =
        officer_post(&client, &server, &dpupr, &id, json!({"type": "verify"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "COMPLAINT_ACTOR_NOT_ALLOWED");
    // And the state machine: no follow-up before assignment.
    let (status, body) = officer_post(
        &client,
        &server,
        &verifier,
        &id,
        json!({"type": "follow_up", "note": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "COMPLAINT_TRANSITION_NOT_ALLOWED");

    let (status, body) =
        officer_post(&client, &server, &verifier, &id, json!({"type": "verify"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = officer_post(
        &client,
        &server,
        &verifier,
        &id,
        json!({"type": "assign", "opd": "DINKES_KB"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Now Dinkes holds it and DPUPR no longer does.
    let (status, _) = get(
        &client,
        format!("{base}/v1/officer/reports/{id}"),
        Some(&dpupr),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(
        &client,
        format!("{base}/v1/officer/reports/{id}"),
        Some(&dinkes),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // Re-route back with history; an unknown OPD is refused by the core.
    let (status, body) = officer_post(
        &client,
        &server,
        &admin,
        &id,
        json!({"type": "assign", "opd": "NOPE"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "COMPLAINT_UNKNOWN_AGENCY");
    let (status, body) = officer_post(
        &client,
        &server,
        &admin,
        &id,
        json!({"type": "assign", "opd": "DPUPR", "note": "salah OPD"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let assignments = body["assignments"].as_array().unwrap();
    assert_eq!(assignments.len(), 2);
    assert_eq!(assignments[0]["opd"], "DINKES_KB");
    assert_eq!(assignments[1]["opd"], "DPUPR");

    // A note is required for a follow-up.
    let (status, body) =
        officer_post(&client, &server, &dpupr, &id, json!({"type": "follow_up"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "COMPLAINT_NOTE_REQUIRED");
    let (status, body) = officer_post(
        &client,
        &server,
        &dpupr,
        &id,
        json!({"type": "follow_up", "note": "Sudah dibersihkan"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // OPD officers never see the reporter's contact.
    assert!(body["contact"].is_null());
    let (_, desk_view) = get(
        &client,
        format!("{base}/v1/officer/reports/{id}"),
        Some(&verifier),
    )
    .await;
    assert_eq!(desk_view["contact"]["phone"], "+6281234567890");

    // The reporter confirms through the tracking code; officer events are refused there.
    let response = client
        .post(format!("{base}/v1/reports/{code}/events"))
        .json(&json!({"type": "follow_up", "note": "pura-pura petugas"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "COMPLAINT_ACTOR_NOT_ALLOWED");
    let response = client
        .post(format!("{base}/v1/reports/{code}/events"))
        .json(&json!({"type": "confirm"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mine: Value = response.json().await.unwrap();
    assert_eq!(mine["state"]["code"], "selesai");
    let response = client
        .post(format!("{base}/v1/reports/{code}/events"))
        .json(&json!({"type": "reopen", "note": "Tersumbat lagi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mine: Value = response.json().await.unwrap();
    assert_eq!(mine["state"]["code"], "didisposisikan");

    // Closed reports leave the queue; the admin (only) manages webhooks.
    let (status, _) = get(
        &client,
        format!("{base}/v1/admin/webhooks"),
        Some(&verifier),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&client, format!("{base}/v1/admin/webhooks"), Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, me) = get(&client, format!("{base}/v1/officer/me"), Some(&dpupr)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "opd_officer");
    assert_eq!(me["opd"], "DPUPR");

    // Tokens are stored hashed only.
    let pool = db.pool().await;
    let rows = sqlx::query("SELECT token_hash FROM tokens")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 4);
    for row in rows {
        let hash: String = row.try_get(0).unwrap();
        for secret in [&admin, &verifier, &dpupr, &dinkes] {
            assert_ne!(&hash, secret);
            assert!(!hash.contains(&secret[3..]));
        }
    }
}

#[tokio::test]
async fn officers_are_authenticated_scoped_and_bound_by_the_state_machine() {
    for backend in backends() {
        officer_scenario(backend).await;
    }
}

async fn public_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let client = http();
    let base = &server.base;
    let (_, secret) = post_report(
        &client,
        &server,
        "public-0000000001",
        &draft("RAHASIA pungli", true),
    )
    .await;
    let mut anonymous = draft("Terbuka anonim", false);
    anonymous["anonymous"] = json!(true);
    anonymous["reporter"] = json!({ "name": "Siti Penduduk", "phone": "081298765432" });
    let (status, open) = post_report(&client, &server, "public-0000000002", &anonymous).await;
    assert_eq!(status, StatusCode::CREATED, "{open}");
    let secret_id = secret["id"].as_str().unwrap();
    let open_id = open["id"].as_str().unwrap();

    let mut texts = Vec::new();
    for url in [
        format!("{base}/v1/public/reports"),
        format!("{base}/v1/public/reports?category=INFRA.DRAINASE"),
        format!("{base}/open311/v2/requests.json"),
        format!("{base}/open311/v2/requests/{open_id}.json"),
        format!("{base}/v1/duplicates?category=INFRA.DRAINASE&lat=-7.19&lon=113.2401"),
    ] {
        let response = client.get(&url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        texts.push(response.text().await.unwrap());
    }
    let all = texts.join("\n");
    assert!(all.contains(open_id), "the public report is listed");
    assert!(
        !all.contains(secret_id),
        "confidential report leaked: {all}"
    );
    assert!(!all.contains("RAHASIA"));
    for personal in ["Siti", "81298765432", "tracking_code"] {
        assert!(!all.contains(personal), "{personal} in public output");
    }
    let response = client
        .get(format!("{base}/open311/v2/requests/{secret_id}.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let errors: Value = response.json().await.unwrap();
    assert_eq!(errors[0]["code"], 404);

    // Open311 POST: api_key required; the core maps the form to a draft.
    let form = "service_code=INFRA.DRAINASE&lat=-7.19&long=113.24&accuracy_m=10\
        &description=Saluran+tersumbat+di+depan+balai+desa&attribute%5Bkind%5D=pengaduan\
        &attribute%5Btitle%5D=Saluran+tersumbat&attribute%5Bconfidential%5D=false\
        &phone=081234567890";
    let post = |body: String| {
        client
            .post(format!("{base}/open311/v2/requests.json"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let response = post(form.to_owned()).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let token = server.token.clone().unwrap();
    let response = post(format!("{form}&api_key={token}")).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let request_id = created[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same form again is the same request (derived idempotency key).
    let response = post(format!("{form}&api_key={token}")).await.unwrap();
    let again: Value = response.json().await.unwrap();
    assert_eq!(again[0]["service_request_id"], request_id.as_str());
    // A client's own idempotency key is checked by the core's draft rules: an empty one is
    // refused as the client's error, nothing stored (found by the fuzz target).
    let response = post(format!(
        "{form}&attribute%5Bidempotency_key%5D=&api_key={token}"
    ))
    .await
    .unwrap();
    assert!(response.status().is_client_error(), "{}", response.status());
    let (_, listed) = get(
        &client,
        format!("{base}/open311/v2/requests/{request_id}.json"),
        None,
    )
    .await;
    assert_eq!(listed[0]["status"], "open");
    assert_eq!(
        listed[0]["agency_responsible"],
        "Dinas Pekerjaan Umum dan Penataan Ruang"
    );
    assert!(
        listed[0]["expected_datetime"]
            .as_str()
            .unwrap()
            .ends_with("+07:00")
    );
    let response = post(format!("service_code=INFRA.DRAINASE&api_key={token}"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let errors: Value = response.json().await.unwrap();
    assert_eq!(errors[0]["code"], 400);

    // Duplicates: the open report is suggested, with its distance.
    let (_, duplicates) = get(
        &client,
        format!("{base}/v1/duplicates?category=INFRA.DRAINASE&lat=-7.19&lon=113.2401"),
        None,
    )
    .await;
    let suggested: Vec<&str> = duplicates["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(suggested.contains(&open_id));
    assert!(!suggested.contains(&secret_id));
}

#[tokio::test]
async fn confidential_reports_and_reporters_never_reach_public_endpoints() {
    for backend in backends() {
        public_scenario(backend).await;
    }
}

/// Every byte of the database (SQLite files) or every stored text (PostgreSQL).
async fn database_text(db: &TestDb) -> String {
    match db.backend {
        Backend::Sqlite => {
            let mut text = String::new();
            for suffix in ["", "-wal", "-shm"] {
                let path = format!("{}{suffix}", db.sqlite_file().display());
                if let Ok(bytes) = std::fs::read(path) {
                    text.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
            text
        }
        Backend::Postgres => {
            let pool = db.pool().await;
            let mut text = String::new();
            for table in ["reports", "tokens", "webhook_deliveries", "attachments"] {
                let rows = sqlx::query(&format!("SELECT CAST(t.* AS TEXT) FROM {table} t"))
                    .fetch_all(&pool)
                    .await
                    .unwrap();
                for row in rows {
                    text.push_str(&row.try_get::<String, _>(0).unwrap());
                }
            }
            text
        }
    }
}

async fn nik_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[]);
    let client = http();
    let nik = "3527014501900001";
    let mut body = draft("Laporan dengan NIK", true);
    body["reporter"] = json!({ "phone": "081234567890", "nik": nik });
    let (status, submitted) = post_report(&client, &server, "nik-report-00001", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{submitted}");
    // An invalid NIK is refused without echoing it.
    body["reporter"]["nik"] = json!("3527019999999999");
    let (status, refused) = post_report(&client, &server, "nik-report-00002", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!refused.to_string().contains("3527019999999999"));

    let token = server.token.clone().unwrap();
    let id = submitted["id"].as_str().unwrap();
    let (_, view) = get(
        &client,
        format!("{}/v1/officer/reports/{id}", server.base),
        Some(&token),
    )
    .await;
    assert_eq!(view["contact"]["nik_masked"], "352701**********");

    let expected_hmac = kotacerdas_core::id::nik::Nik::parse(nik)
        .unwrap()
        .pseudonym(common::NIK_KEY.as_bytes())
        .unwrap();
    let pool = db.pool().await;
    let stored: String = sqlx::query("SELECT nik_hmac FROM reports WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
    assert_eq!(stored, expected_hmac);
    pool.close().await;

    let text = database_text(&db).await;
    assert!(text.contains("352701**********"), "the scan reads the data");
    assert!(!text.contains(nik), "NIK in the database");
    assert!(!text.contains("3527019999999999"));
    let log = server.log_text();
    assert!(
        log.contains("POST /v1/reports 201"),
        "the log is written: {log}"
    );
    assert!(
        !log.contains(nik) && !log.contains("352701"),
        "NIK in the log"
    );
    assert!(!log.contains(submitted["tracking_code"].as_str().unwrap()));
}

#[tokio::test]
async fn nik_is_stored_only_as_hmac_and_masked_and_never_logged() {
    for backend in backends() {
        nik_scenario(backend).await;
    }
}

async fn limits_scenario(backend: Backend) {
    let db = TestDb::new(backend).await;
    let server = Server::start(&db, 0, &[("KOTACERDAS_RATE_LIMIT", "30")]);
    let client = http();
    let base = &server.base;
    // Oversized JSON body.
    let mut big = draft("Besar", false);
    big["description"] = json!("x".repeat(100_000));
    let (status, body) = post_report(&client, &server, "too-big-00000001", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "BODY_TOO_LARGE");

    let (_, submitted) =
        post_report(&client, &server, "attach-000000001", &draft("Foto", false)).await;
    let code = submitted["tracking_code"].as_str().unwrap();
    let upload = |media: &'static str, bytes: Vec<u8>, key: String| {
        let client = client.clone();
        let url = format!("{base}/v1/reports/{code}/attachments");
        async move {
            let response = client
                .post(url)
                .header("content-type", media)
                .header("idempotency-key", key)
                .body(bytes)
                .send()
                .await
                .unwrap();
            let status = response.status();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, body) = upload("text/html", vec![1; 10], "att-type-000001".into()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "COMPLAINT_ATTACHMENT_TYPE");
    let (status, body) = upload(
        "image/jpeg",
        vec![0; 5 * 1024 * 1024 + 1],
        "att-size-000001".into(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "COMPLAINT_ATTACHMENT_SIZE");
    for n in 0..3 {
        let (status, body) = upload(
            "image/jpeg",
            vec![0xFF; 1000 + n],
            format!("att-ok-00000{n}"),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    // The same key again is a replay, not a fourth photo; a fourth is refused.
    let (status, _) = upload("image/jpeg", vec![0xFF; 1000], "att-ok-000000".into()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = upload("image/png", vec![1; 10], "att-ok-000009".into()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "COMPLAINT_TOO_MANY_ATTACHMENTS");
    let (_, mine) = get(&client, format!("{base}/v1/reports/{code}"), None).await;
    assert_eq!(mine["attachments"].as_array().unwrap().len(), 3);
    let attachment = mine["attachments"][0]["id"].as_str().unwrap();
    let token = server.token.clone().unwrap();
    let response = client
        .get(format!("{base}/v1/officer/attachments/{attachment}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let size = mine["attachments"][0]["size_bytes"].as_u64().unwrap();
    assert_eq!(response.bytes().await.unwrap().len() as u64, size);

    // Garbage never crashes the server: JSON errors with codes, below 500.
    for (path, body) in [
        ("/v1/reports", "[1,2,3]"),
        ("/v1/reports", "{\"kind\": \"pengaduan\", \"extra\": 1}"),
        ("/v1/reports", "\u{0}\u{1}"),
        ("/v1/tax/calculate", "{}"),
        ("/v1/tax/calculate", "not json"),
        ("/v1/reports/zzz/events", "{}"),
        ("/open311/v2/requests.json", "%zz=1"),
    ] {
        let response = client
            .post(format!("{base}{path}"))
            .header("idempotency-key", format!("junk-{}", common::random_hex(8)))
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_client_error(),
            "{path} {body}: {}",
            response.status()
        );
        let text = response.text().await.unwrap();
        assert!(serde_json::from_str::<Value>(&text).is_ok(), "{text}");
    }

    for path in [
        "/v1/duplicates?category=INFRA.DRAINASE",
        "/v1/duplicates?category=X&lat=abc&lon=1",
        "/v1/public/reports?limit=many",
        "/v1/reports/%FF%FE",
    ] {
        let response = client.get(format!("{base}{path}")).send().await.unwrap();
        assert!(
            response.status().is_client_error(),
            "{path}: {}",
            response.status()
        );
        let error: Value = response.json().await.unwrap();
        assert!(error["error"]["code"].is_string(), "{path}: {error}");
    }

    // Per-client rate limit on citizen writes (30/minute here).
    let mut limited = false;
    for n in 0..40 {
        let (status, body) = post_report(
            &client,
            &server,
            &format!("rate-limit-{n:06}"),
            &draft("Banyak", false),
        )
        .await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(body["error"]["code"], "RATE_LIMITED");
            limited = true;
            break;
        }
    }
    assert!(limited, "rate limit never hit");
}

#[tokio::test]
async fn bodies_attachments_and_rates_are_limited() {
    for backend in backends() {
        limits_scenario(backend).await;
    }
}

#[tokio::test]
async fn rule_pack_has_an_etag_and_openapi_lists_every_route() {
    let db = TestDb::new(Backend::Sqlite).await;
    let server = Server::start(&db, 0, &[]);
    let client = http();
    let response = client
        .get(format!("{}/v1/rules", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let pack: Value = response.json().await.unwrap();
    assert!(pack["taxonomy"]["categories"].as_array().unwrap().len() > 10);
    assert!(!pack["tax"]["rule_sets"].as_array().unwrap().is_empty());
    let response = client
        .get(format!("{}/v1/rules", server.base))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);

    let (status, doc) = get(&client, format!("{}/openapi.json", server.base), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    for route in kotacerdas_server::openapi::ROUTES {
        assert!(
            doc["paths"][route.path][route.method].is_object(),
            "{}",
            route.path
        );
        // Every documented route is routed: never the fallback's "(unmatched)" log line.
        let path = route
            .path
            .replace("{tracking_code}", &"0".repeat(32))
            .replace("{id}", "x")
            .replace("{code}", "INFRA.json");
        let request = match route.method {
            "get" => client.get(format!("{}{path}", server.base)),
            _ => client.post(format!("{}{path}", server.base)).body("{}"),
        };
        let response = request.send().await.unwrap();
        assert_ne!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{path}");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        !server.log_text().contains("(unmatched)"),
        "{}",
        server.log_text()
    );

    // Tax through the core, with its stable codes on bad input.
    let response = client
        .post(format!("{}/v1/tax/calculate", server.base))
        .json(&json!({ "kind": "nope", "region": "35.27", "input": {} }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert!(
        error["error"]["code"].as_str().unwrap().starts_with("TAX_")
            || error["error"]["code"] == "CALL_INVALID_INPUT",
        "{error}"
    );
}
