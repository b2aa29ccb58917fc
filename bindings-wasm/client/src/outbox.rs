//! `Outbox` over a store written in JS (the package's `IndexedDbOutboxStore`, or any object
//! with the same three methods): the outbox's rules are `kotacerdas_client::outbox`'s, this
//! file only adapts the store and the values.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{JSON, Object, Promise, Reflect, Uint8Array};
use kotacerdas_client::ClientError;
use kotacerdas_client::outbox::{self, ItemStatus, OutboxItem, OutboxStore};
use kotacerdas_core::complaint::ReportDraft;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use crate::Client;
use crate::convert::{client_error, from_js, set, to_js};

#[wasm_bindgen]
extern "C" {
    /// The JS store: `insert(key, body) -> item`, `items() -> item[]` (in `seq` order),
    /// `update(seq, status, attempts, lastError)`; each may return a Promise.
    #[wasm_bindgen(typescript_type = "OutboxStore")]
    #[derive(Debug, Clone)]
    pub type JsOutboxStore;

    #[wasm_bindgen(method, catch, js_name = insert)]
    fn js_insert(this: &JsOutboxStore, key: &str, body: Uint8Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = items)]
    fn js_items(this: &JsOutboxStore) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = update)]
    fn js_update(
        this: &JsOutboxStore,
        seq: f64,
        status: JsValue,
        attempts: u32,
        last_error: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// A failure of the JS store as the client's `STORAGE` error (its message only).
fn storage(error: &JsValue) -> ClientError {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the outbox store failed".to_owned());
    ClientError::Storage { message }
}

fn bad_item(what: &str) -> ClientError {
    ClientError::Storage {
        message: format!("the store returned an item with {what}"),
    }
}

/// Awaits what a store method returned (a Promise or a plain value).
async fn settle(result: Result<JsValue, JsValue>) -> Result<JsValue, ClientError> {
    let value = result.map_err(|e| storage(&e))?;
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(|e| storage(&e))
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// An item as the store gives it back.
fn item_from_js(value: &JsValue) -> Result<OutboxItem, ClientError> {
    let seq = field(value, "seq")
        .as_f64()
        .filter(|s| s.fract() == 0.0 && *s >= 0.0 && *s <= 9_007_199_254_740_991.0)
        .ok_or_else(|| bad_item("no integer seq"))? as i64;
    let key = field(value, "key")
        .as_string()
        .ok_or_else(|| bad_item("no key"))?;
    let body = field(value, "body")
        .dyn_into::<Uint8Array>()
        .map_err(|_| bad_item("a body that is not a Uint8Array"))?
        .to_vec();
    let status = JSON::stringify(&field(value, "status"))
        .ok()
        .and_then(|t| t.as_string())
        .and_then(|t| serde_json::from_str::<ItemStatus>(&t).ok())
        .ok_or_else(|| bad_item("an unknown status"))?;
    let attempts = field(value, "attempts")
        .as_f64()
        .filter(|a| a.fract() == 0.0 && *a >= 0.0 && *a <= f64::from(u32::MAX))
        .ok_or_else(|| bad_item("no attempt count"))? as u32;
    let last_error = field(value, "last_error").as_string();
    Ok(OutboxItem {
        seq,
        key,
        body,
        status,
        attempts,
        last_error,
    })
}

/// An item for JS: the stored fields plus `draft`, the body parsed.
fn item_to_js(item: &OutboxItem) -> Result<JsValue, JsValue> {
    let object = Object::new();
    set(&object, "seq", &JsValue::from_f64(item.seq as f64));
    set(&object, "key", &JsValue::from_str(&item.key));
    set(
        &object,
        "body",
        &Uint8Array::from(item.body.as_slice()).into(),
    );
    set(&object, "status", &to_js(&item.status)?);
    set(&object, "attempts", &JsValue::from(item.attempts));
    let last_error = item
        .last_error
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    set(&object, "last_error", &last_error);
    let draft = std::str::from_utf8(&item.body)
        .ok()
        .and_then(|text| JSON::parse(text).ok())
        .unwrap_or(JsValue::NULL);
    set(&object, "draft", &draft);
    Ok(object.into())
}

impl OutboxStore for JsOutboxStore {
    async fn insert(&self, key: &str, body: &[u8]) -> Result<OutboxItem, ClientError> {
        let stored = settle(self.js_insert(key, Uint8Array::from(body))).await?;
        item_from_js(&stored)
    }

    async fn items(&self) -> Result<Vec<OutboxItem>, ClientError> {
        let list = settle(self.js_items()).await?;
        let list = list
            .dyn_into::<js_sys::Array>()
            .map_err(|_| bad_item("items() that is not an array"))?;
        let mut items = list
            .iter()
            .map(|v| item_from_js(&v))
            .collect::<Result<Vec<_>, _>>()?;
        items.sort_by_key(|i| i.seq);
        Ok(items)
    }

    async fn update(
        &self,
        seq: i64,
        status: &ItemStatus,
        attempts: u32,
        last_error: Option<&str>,
    ) -> Result<(), ClientError> {
        let status = to_js(status).map_err(|e| storage(&e))?;
        settle(self.js_update(seq as f64, status, attempts, last_error.map(str::to_owned)))
            .await
            .map(|_| ())
    }
}

/// The offline outbox: `add` stores a draft (with its idempotency key and exact bytes) in the
/// store before any network call; `sync` sends unfinished items in order, and a resend is
/// never a second report. Items are `{seq, key, body, status, attempts, last_error, draft}`
/// with `status` one of `{status: "pending" | "sending"}`,
/// `{status: "sent", report_id, tracking_code}`, `{status: "rejected", code, problems}`.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Outbox {
    inner: Rc<outbox::Outbox<JsOutboxStore>>,
    // The last sync started: the next one waits for it, so that runs never overlap.
    last_sync: Rc<RefCell<Option<Promise>>>,
}

fn run<F>(call: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, ClientError>> + 'static,
{
    future_to_promise(async move { call.await.map_err(|e| client_error(&e)) })
}

#[wasm_bindgen]
impl Outbox {
    /// An outbox over a store (e.g. `await IndexedDbOutboxStore.open()`).
    #[wasm_bindgen(constructor)]
    pub fn new(store: JsOutboxStore) -> Outbox {
        Outbox {
            inner: Rc::new(outbox::Outbox::new(store)),
            last_sync: Rc::new(RefCell::new(None)),
        }
    }

    /// Stores a draft for sending (no network): gives it an idempotency key unless it has one.
    /// Resolves with the stored item once the store has it durably.
    pub fn add(&self, draft: JsValue) -> Promise {
        let draft = match from_js::<ReportDraft>(&draft, "draft") {
            Ok(draft) => draft,
            Err(error) => return Promise::reject(&error),
        };
        let inner = Rc::clone(&self.inner);
        run(async move {
            let item = inner.add(&draft).await?;
            item_to_js(&item).map_err(|e| storage(&e))
        })
    }

    /// Every item with its status, in order.
    pub fn items(&self) -> Promise {
        let inner = Rc::clone(&self.inner);
        run(async move {
            let list = js_sys::Array::new();
            for item in inner.items().await? {
                list.push(&item_to_js(&item).map_err(|e| storage(&e))?);
            }
            Ok(list.into())
        })
    }

    /// How many items are still to send.
    #[wasm_bindgen(js_name = pendingCount)]
    pub fn pending_count(&self) -> Promise {
        let inner = Rc::clone(&self.inner);
        run(async move { Ok(JsValue::from(inner.pending_count().await? as f64)) })
    }

    /// Sends unfinished items in order (at most `maxItems`, default all). Resolves with
    /// `{sent, rejected, remaining, stopped_by}`: `stopped_by` is the transient error
    /// (`NETWORK`, a 5xx, ...) that stopped the run, or null. A sync called while another
    /// runs starts when that one has finished.
    pub fn sync(&self, client: &Client, max_items: Option<u32>) -> Promise {
        let previous = self.last_sync.borrow_mut().take();
        let inner = Rc::clone(&self.inner);
        let client = client.inner.clone();
        let max = max_items.map_or(usize::MAX, |m| m as usize);
        let promise = run(async move {
            if let Some(previous) = previous {
                // Its outcome belongs to its own caller.
                let _ = JsFuture::from(previous).await;
            }
            let report = inner.sync_some(&client, max).await?;
            let result = to_js(&json!({
                "sent": report.sent,
                "rejected": report.rejected,
                "remaining": report.remaining,
            }))
            .map_err(|e| storage(&e))?;
            let stopped = report
                .stopped_by
                .as_ref()
                .map_or(JsValue::NULL, client_error);
            set(&Object::from(result.clone()), "stopped_by", &stopped);
            Ok(result)
        });
        *self.last_sync.borrow_mut() = Some(promise.clone());
        promise
    }
}
