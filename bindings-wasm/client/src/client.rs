//! `Client`: one Promise-returning method per endpoint of `kotacerdas_client::Client`.

use std::future::Future;
use std::time::Duration;

use js_sys::{Promise, Uint8Array};
use kotacerdas_client::{ClientError, RulePack};
use kotacerdas_core::complaint::ReportDraft;
use serde::Serialize;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::convert::{client_error, from_js, invalid_input, optional_text, text, to_js};

/// The API client. Every method returns a Promise that rejects with a `KotaCerdasError`
/// carrying the client's stable code (`NETWORK`, `TIMEOUT`, `DECODE`, the server's code such
/// as `REPORT_INVALID` with `problems`, or `AUTH_...` with `status` 401/403).
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: kotacerdas_client::Client,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ClientOptions {
    timeout_ms: Option<u64>,
}

/// Checks the arguments, then runs a client call as a Promise of its JSON result; an argument
/// that does not fit rejects the Promise at once with `CALL_INVALID_INPUT`.
fn promise<A, T, F, Fut>(args: Result<A, JsValue>, call: F) -> Promise
where
    T: Serialize,
    F: FnOnce(A) -> Fut,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    match args {
        Ok(args) => {
            let call = call(args);
            future_to_promise(async move {
                match call.await {
                    Ok(value) => to_js(&value),
                    Err(error) => Err(client_error(&error)),
                }
            })
        }
        Err(error) => Promise::reject(&error),
    }
}

#[wasm_bindgen]
impl Client {
    /// A client for the server at `baseUrl` (absolute, e.g. `location.origin`); `options`
    /// may set `timeoutMs` per request (default 30 000).
    #[wasm_bindgen(constructor)]
    pub fn new(base_url: JsValue, options: JsValue) -> Result<Client, JsValue> {
        let base = text(&base_url, "baseUrl")?;
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(invalid_input("baseUrl must start with http:// or https://"));
        }
        let options: ClientOptions = if options.is_undefined() || options.is_null() {
            ClientOptions::default()
        } else {
            from_js(&options, "options")?
        };
        let timeout = match options.timeout_ms {
            None => Duration::from_secs(30),
            Some(ms @ 1..=600_000) => Duration::from_millis(ms),
            Some(_) => return Err(invalid_input("timeoutMs must be 1..600000")),
        };
        let inner = kotacerdas_client::Client::with_timeout(&base, timeout)
            .map_err(|e| client_error(&e))?;
        Ok(Client { inner })
    }

    /// The same client acting with an officer token.
    #[wasm_bindgen(js_name = withToken)]
    pub fn with_token(&self, token: JsValue) -> Result<Client, JsValue> {
        let token = text(&token, "token")?;
        Ok(Client {
            inner: self.inner.with_token(&token),
        })
    }

    /// `GET /v1/rules`: `{status: "current", etag, pack}`, or `{status: "not_modified"}`
    /// when `etag` is still current.
    pub fn rules(&self, etag: JsValue) -> Promise {
        let client = self.inner.clone();
        promise(optional_text(&etag, "etag"), move |etag| async move {
            Ok(match client.rules(etag.as_deref()).await? {
                RulePack::NotModified => json!({ "status": "not_modified" }),
                RulePack::Current { etag, pack } => {
                    json!({ "status": "current", "etag": etag, "pack": pack })
                }
            })
        })
    }

    /// Submits a draft with its idempotency key (retried safely). Prefer `Outbox.add` +
    /// `Outbox.sync`, which keep the draft when offline.
    #[wasm_bindgen(js_name = submitReport)]
    pub fn submit_report(&self, draft: JsValue, idempotency_key: JsValue) -> Promise {
        let args = from_js::<ReportDraft>(&draft, "draft")
            .and_then(|d| Ok((d, text(&idempotency_key, "idempotencyKey")?)));
        let client = self.inner.clone();
        promise(args, move |(draft, key)| async move {
            client.submit_report(&draft, &key).await
        })
    }

    /// `GET /v1/reports/{trackingCode}`: history, SLA, responsible OPD.
    #[wasm_bindgen(js_name = myReport)]
    pub fn my_report(&self, tracking_code: JsValue) -> Promise {
        let client = self.inner.clone();
        promise(
            text(&tracking_code, "trackingCode"),
            move |code| async move { client.my_report(&code).await },
        )
    }

    /// A reporter event: `confirm`, `dispute`, `reopen` or `provide_info`.
    #[wasm_bindgen(js_name = reporterEvent)]
    pub fn reporter_event(&self, tracking_code: JsValue, event: JsValue, note: JsValue) -> Promise {
        let args = (|| {
            Ok((
                text(&tracking_code, "trackingCode")?,
                text(&event, "event")?,
                optional_text(&note, "note")?,
            ))
        })();
        let client = self.inner.clone();
        promise(args, move |(code, event, note)| async move {
            client.reporter_event(&code, &event, note.as_deref()).await
        })
    }

    /// Uploads a photo (`image/jpeg`, `image/png`, ...) with its idempotency key.
    #[wasm_bindgen(js_name = uploadAttachment)]
    pub fn upload_attachment(
        &self,
        tracking_code: JsValue,
        media_type: JsValue,
        bytes: JsValue,
        idempotency_key: JsValue,
    ) -> Promise {
        let args = (|| {
            let bytes = bytes
                .dyn_into::<Uint8Array>()
                .map_err(|_| invalid_input("bytes must be a Uint8Array"))?;
            Ok((
                text(&tracking_code, "trackingCode")?,
                text(&media_type, "mediaType")?,
                bytes.to_vec(),
                text(&idempotency_key, "idempotencyKey")?,
            ))
        })();
        let client = self.inner.clone();
        promise(args, move |(code, media_type, bytes, key)| async move {
            client
                .upload_attachment(&code, &media_type, &bytes, &key)
                .await
        })
    }

    /// `GET /v1/public/reports`: non-confidential reports (never the reporter).
    #[wasm_bindgen(js_name = publicReports)]
    pub fn public_reports(&self, category: JsValue, limit: Option<u32>) -> Promise {
        let client = self.inner.clone();
        promise(
            optional_text(&category, "category"),
            move |category| async move {
                client
                    .public_reports(category.as_deref(), limit.unwrap_or(50))
                    .await
            },
        )
    }

    /// `GET /v1/duplicates`: open reports of the category near a point.
    pub fn duplicates(&self, category: JsValue, lat: f64, lon: f64) -> Promise {
        let client = self.inner.clone();
        promise(text(&category, "category"), move |category| async move {
            client.duplicates(&category, lat, lon).await
        })
    }

    /// `POST /v1/tax/calculate` on the server (the same rules as the package's `call`).
    #[wasm_bindgen(js_name = taxCalculate)]
    pub fn tax_calculate(&self, kind: JsValue, region: JsValue, input: JsValue) -> Promise {
        let args = (|| {
            Ok((
                text(&kind, "kind")?,
                text(&region, "region")?,
                from_js::<Value>(&input, "input")?,
            ))
        })();
        let client = self.inner.clone();
        promise(args, move |(kind, region, input)| async move {
            client.tax_calculate(&kind, &region, &input).await
        })
    }

    /// `GET /v1/officer/me`: the token's role and OPD.
    #[wasm_bindgen(js_name = officerMe)]
    pub fn officer_me(&self) -> Promise {
        let client = self.inner.clone();
        promise(Ok(()), move |()| async move { client.officer_me().await })
    }

    /// `GET /v1/officer/queue`, optionally one state, with each report's SLA status.
    #[wasm_bindgen(js_name = officerQueue)]
    pub fn officer_queue(&self, state: JsValue) -> Promise {
        let client = self.inner.clone();
        promise(optional_text(&state, "state"), move |state| async move {
            client.officer_queue(state.as_deref()).await
        })
    }

    /// `GET /v1/officer/reports/{id}`.
    #[wasm_bindgen(js_name = officerReport)]
    pub fn officer_report(&self, id: JsValue) -> Promise {
        let client = self.inner.clone();
        promise(text(&id, "id"), move |id| async move {
            client.officer_report(&id).await
        })
    }

    /// A lifecycle event as an officer, e.g. `{type: "verify"}` or
    /// `{type: "assign", opd: "DPUPR"}`; the core's state machine decides.
    #[wasm_bindgen(js_name = officerEvent)]
    pub fn officer_event(&self, id: JsValue, event: JsValue) -> Promise {
        let args = text(&id, "id").and_then(|id| Ok((id, from_js::<Value>(&event, "event")?)));
        let client = self.inner.clone();
        promise(args, move |(id, event)| async move {
            client.officer_event(&id, &event).await
        })
    }

    /// `POST /v1/admin/webhooks` (admin token): the secret is in this answer only.
    #[wasm_bindgen(js_name = createWebhook)]
    pub fn create_webhook(&self, url: JsValue) -> Promise {
        let client = self.inner.clone();
        promise(text(&url, "url"), move |url| async move {
            client.create_webhook(&url).await
        })
    }
}
