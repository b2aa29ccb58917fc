//! Fault injection: the outbox's SQLite store on a full disk. The store is capped with
//! [`SqliteStore::set_size_limit`] (SQLite's `max_page_count`: the same `SQLITE_FULL` a full
//! disk gives), filled until it refuses, then given space again. A refused draft is refused
//! with a clear `STORAGE` error, nothing stored before is lost or changed, and the store works
//! again once there is space, also after reopening the file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kotacerdas_client::ClientError;
use kotacerdas_client::outbox::{ItemStatus, Outbox, OutboxItem, OutboxStore, SqliteStore};
use kotacerdas_core::complaint::ReportDraft;

fn draft(index: usize) -> ReportDraft {
    serde_json::from_value(serde_json::json!({
        "kind": "pengaduan",
        "category": "INFRA.DRAINASE",
        "title": format!("disk penuh #{index:04}"),
        // About 1.5 KiB per draft, so the cap is reached after a few dozen.
        "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan. ".repeat(20),
        "location": { "lat": -7.19, "lon": 113.24, "accuracy_m": 15.0 },
        "reporter": { "phone": "081234567890" },
        "confidential": false,
        "created_at": "2026-11-29T10:00:00+07:00",
    }))
    .unwrap()
}

fn titles(items: &[OutboxItem]) -> Vec<String> {
    items
        .iter()
        .map(|item| {
            let body: serde_json::Value = serde_json::from_slice(&item.body).unwrap();
            body["title"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_full_outbox_refuses_clearly_keeps_everything_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("outbox.db");
    let store = SqliteStore::open(&file).unwrap();
    store.set_size_limit(Some(64 * 1024)).unwrap();
    let outbox = Outbox::new(store);

    let mut stored = 0;
    let refusal = loop {
        assert!(stored < 1000, "the 64 KiB cap never filled");
        match outbox.add(&draft(stored)).await {
            Ok(item) => {
                assert_eq!(item.status, ItemStatus::Pending);
                stored += 1;
            }
            Err(error) => break error,
        }
    };
    assert!(stored >= 10, "only {stored} drafts fit in 64 KiB");
    assert_eq!(refusal.code(), "STORAGE");
    assert!(!refusal.is_transient());
    let ClientError::Storage { message } = &refusal else {
        panic!("{refusal:?}")
    };
    assert!(message.contains("full"), "unclear storage error: {message}");
    // Refused again while still full; what is stored is untouched and readable.
    assert_eq!(
        outbox.add(&draft(stored)).await.unwrap_err().code(),
        "STORAGE"
    );
    let before = outbox.items().await.unwrap();
    assert_eq!(before.len(), stored);
    let expected: Vec<String> = (0..stored).map(|i| format!("disk penuh #{i:04}")).collect();
    assert_eq!(titles(&before), expected);
    // Status updates of stored items still work on a full store (rows are rewritten in place).
    outbox
        .store()
        .update(before[0].seq, &ItemStatus::Sending, 1, Some("NETWORK"))
        .await
        .unwrap();

    // Space is back: the refused draft goes in, nothing else changed.
    outbox.store().set_size_limit(None).unwrap();
    outbox.add(&draft(stored)).await.unwrap();
    let after = outbox.items().await.unwrap();
    assert_eq!(after.len(), stored + 1);
    assert_eq!(&titles(&after)[..stored], &expected[..]);
    assert_eq!(after[0].status, ItemStatus::Sending);
    assert_eq!(after[1..stored], before[1..]);
    drop(outbox);

    // And after a restart of the app (the file reopened), everything is there.
    let reopened = Outbox::new(SqliteStore::open(&file).unwrap());
    let items = reopened.items().await.unwrap();
    assert_eq!(items.len(), stored + 1);
    assert_eq!(reopened.pending_count().await.unwrap(), stored + 1);
}
