//! Status-change webhooks: every accepted event queues one delivery per registered webhook in
//! the database (so a restart loses none); a background task POSTs them, signed with
//! HMAC-SHA256, and retries failures with exponential backoff. Payloads carry ids, states
//! and agencies only, never report text or reporter data.

use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use kotacerdas_core::Lang;
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::Row;

use crate::AppState;
use crate::auth::{Officer, Role};
use crate::error::ApiError;
use crate::reports::ReportRow;
use crate::util::{self, now_unix, parse_json, read_body};

/// Attempts before a delivery is given up (it stays in the table with its last error).
pub const MAX_ATTEMPTS: i64 = 12;

fn admin_only(officer: &Officer) -> Result<(), ApiError> {
    if officer.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewWebhook {
    url: String,
}

/// `POST /v1/admin/webhooks` `{"url": ...}`: returns the id and the signing secret (once).
pub async fn create(
    State(state): State<AppState>,
    officer: Officer,
    body: Body,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    admin_only(&officer)?;
    let bytes = read_body(body, crate::MAX_JSON_BYTES).await?;
    let new: NewWebhook = parse_json(&bytes)?;
    let url = new.url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() > 2000 {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "WEBHOOK_URL_INVALID",
            "URL webhook harus http:// atau https://",
            "The webhook URL must be http:// or https://",
        ));
    }
    let id = util::random_hex(8)?;
    let secret = util::random_hex(32)?;
    sqlx::query("INSERT INTO webhooks (id, url, secret, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id.as_str())
        .bind(url)
        .bind(secret.as_str())
        .bind(now_unix())
        .execute(&state.db.pool)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "url": url, "secret": secret })),
    ))
}

/// `GET /v1/admin/webhooks`: ids and URLs (no secrets) with pending/failed counts.
pub async fn list(
    State(state): State<AppState>,
    officer: Officer,
) -> Result<Json<Value>, ApiError> {
    admin_only(&officer)?;
    let rows = sqlx::query(
        "SELECT w.id, w.url,
           (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL) AS pending
         FROM webhooks w ORDER BY w.created_at, w.id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let mut hooks = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.try_get("id")?;
        let url: String = row.try_get("url")?;
        let pending: i64 = row.try_get("pending")?;
        hooks.push(json!({ "id": id, "url": url, "pending": pending }));
    }
    Ok(Json(json!({ "webhooks": hooks })))
}

/// Queues one delivery per webhook for an accepted event. A failure here is logged, not
/// returned: the event itself is already stored.
pub async fn enqueue(state: &AppState, row: &ReportRow, event: &str) {
    let payload = json!({
        "event": event,
        "report_id": row.id,
        "state": row.record.state.as_str(),
        "state_label_id": row.record.state.label(Lang::Id),
        "state_label_en": row.record.state.label(Lang::En),
        "agency": row.agency,
        "category": row.report.category,
        "at": row.record.history.last().map(|e| e.at),
    })
    .to_string();
    let Ok(prefix) = util::random_hex(8) else {
        return;
    };
    let result = sqlx::query(
        "INSERT INTO webhook_deliveries (id, webhook_id, payload, attempts, next_at)
         SELECT $1 || id, id, $2, 0, $3 FROM webhooks",
    )
    .bind(prefix)
    .bind(payload)
    .bind(now_unix())
    .execute(&state.db.pool)
    .await;
    match result {
        Ok(done) if done.rows_affected() > 0 => state.webhook_wake.notify_one(),
        Ok(_) => {}
        Err(error) => eprintln!("webhook enqueue failed: {error}"),
    }
}

/// Seconds to wait after `attempts` failures: 2, 4, 8, ... capped at one hour.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exponent = u32::try_from(attempts.clamp(1, 12)).unwrap_or(12);
    2i64.saturating_pow(exponent).min(3600)
}

/// The background sender: runs until the process ends.
pub async fn sender(state: AppState) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("webhooks disabled: cannot build HTTP client: {error}");
            return;
        }
    };
    loop {
        if let Err(error) = deliver_due(&state, &client).await {
            eprintln!("webhook sender: {error}");
        }
        let _ = tokio::time::timeout(Duration::from_secs(1), state.webhook_wake.notified()).await;
    }
}

async fn deliver_due(state: &AppState, client: &reqwest::Client) -> Result<(), sqlx::Error> {
    let now = now_unix();
    let due = sqlx::query(
        "SELECT d.id, d.payload, d.attempts, d.next_at, w.url, w.secret
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.delivered_at IS NULL AND d.next_at <= $1 AND d.attempts < $2
         ORDER BY d.next_at LIMIT 50",
    )
    .bind(now)
    .bind(MAX_ATTEMPTS)
    .fetch_all(&state.db.pool)
    .await?;
    for row in due {
        let id: String = row.try_get("id")?;
        let payload: String = row.try_get("payload")?;
        let attempts: i64 = row.try_get("attempts")?;
        let next_at: i64 = row.try_get("next_at")?;
        let url: String = row.try_get("url")?;
        let secret: String = row.try_get("secret")?;
        // Claim it so that another server instance on the same database skips it.
        let claimed = sqlx::query(
            "UPDATE webhook_deliveries SET next_at = $1 WHERE id = $2 AND next_at = $3 AND delivered_at IS NULL",
        )
        .bind(now.saturating_add(60))
        .bind(id.as_str())
        .bind(next_at)
        .execute(&state.db.pool)
        .await?
        .rows_affected();
        if claimed == 0 {
            continue;
        }
        let timestamp = now_unix().to_string();
        let signed = format!("{timestamp}.{payload}");
        let signature = format!(
            "sha256={}",
            util::hmac_hex(secret.as_bytes(), signed.as_bytes())
        );
        let outcome = client
            .post(&url)
            .header("content-type", "application/json")
            .header("x-kotacerdas-delivery", id.as_str())
            .header("x-kotacerdas-timestamp", timestamp.as_str())
            .header("x-kotacerdas-signature", signature)
            .body(payload)
            .send()
            .await;
        let failure = match outcome {
            Ok(response) if response.status().is_success() => None,
            Ok(response) => Some(format!("HTTP {}", response.status().as_u16())),
            Err(error) if error.is_timeout() => Some("timeout".to_owned()),
            Err(_) => Some("connection failed".to_owned()),
        };
        match failure {
            None => {
                sqlx::query("UPDATE webhook_deliveries SET delivered_at = $1, attempts = attempts + 1 WHERE id = $2")
                    .bind(now_unix())
                    .bind(id.as_str())
                    .execute(&state.db.pool)
                    .await?;
            }
            Some(reason) => {
                let attempts = attempts.saturating_add(1);
                sqlx::query(
                    "UPDATE webhook_deliveries SET attempts = $1, next_at = $2, last_error = $3 WHERE id = $4",
                )
                .bind(attempts)
                .bind(now_unix().saturating_add(backoff_seconds(attempts)))
                .bind(reason)
                .bind(id.as_str())
                .execute(&state.db.pool)
                .await?;
            }
        }
    }
    Ok(())
}
