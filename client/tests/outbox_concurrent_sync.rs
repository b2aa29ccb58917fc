//! Two syncs of one outbox at the same time (a connectivity event and a user's "send now"):
//! they take turns, so an item is sent once. Before syncs took turns, both read the item as
//! pending and both sent it; the idempotency key kept it one report on the server, but a
//! transient failure of the second send could put back to `pending` an item the first had
//! marked `sent`. The fake server answers slowly, so that without turns both syncs would be
//! inside their request at once, and counts the requests it gets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kotacerdas_client::Client;
use kotacerdas_client::outbox::{ItemStatus, Outbox, SqliteStore};
use kotacerdas_core::complaint::ReportDraft;

const SUBMITTED: &str = r#"{"id":"R-1","tracking_code":"TRACK-1","state":{"code":"submitted","label_id":"Diterima","label_en":"Submitted","open311":"open"},"agency":{"code":"DPUPR","name":null}}"#;

/// A loopback HTTP server answering every request with 201 after `delay`; returns its base
/// URL and the number of requests received so far.
fn slow_server(delay: Duration) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let counter = Arc::clone(&counter);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream);
                loop {
                    // One request: headers, then a body of content-length bytes.
                    let mut length = 0usize;
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        if line == "\r\n" {
                            break;
                        }
                        let lower = line.to_ascii_lowercase();
                        if let Some(value) = lower.strip_prefix("content-length:") {
                            length = value.trim().parse().unwrap();
                        }
                    }
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).unwrap();
                    counter.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(delay);
                    let response = format!(
                        "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{SUBMITTED}",
                        SUBMITTED.len()
                    );
                    if reader.get_mut().write_all(response.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (base, requests)
}

fn draft() -> ReportDraft {
    serde_json::from_value(serde_json::json!({
        "kind": "pengaduan",
        "category": "INFRA.DRAINASE",
        "title": "Saluran tersumbat",
        "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan",
        "location": { "lat": -7.19, "lon": 113.24, "accuracy_m": 15.0 },
        "reporter": { "phone": "081234567890" },
        "confidential": false,
        "created_at": "2026-11-29T10:00:00+07:00",
    }))
    .unwrap()
}

#[tokio::test]
async fn two_syncs_at_once_send_an_item_once() {
    let (base, requests) = slow_server(Duration::from_millis(300));
    let dir = tempfile::tempdir().unwrap();
    let outbox = Outbox::new(SqliteStore::open(dir.path().join("outbox.db")).unwrap());
    let item = outbox.add(&draft()).await.unwrap();
    let client = Client::new(&base).unwrap();

    let (first, second) = tokio::join!(outbox.sync(&client), outbox.sync(&client));
    let (first, second) = (first.unwrap(), second.unwrap());

    assert_eq!(
        requests.load(Ordering::SeqCst),
        1,
        "the item was sent twice"
    );
    assert_eq!(first.sent + second.sent, 1);
    assert!(first.stopped_by.is_none() && second.stopped_by.is_none());
    let items = outbox.items().await.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].seq, item.seq);
    assert_eq!(
        items[0].status,
        ItemStatus::Sent {
            report_id: "R-1".to_owned(),
            tracking_code: "TRACK-1".to_owned()
        }
    );
}
