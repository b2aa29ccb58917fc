//! Small helpers: time, randomness, hashing, bounded bodies.

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use hmac::{Hmac, Mac};
use kotacerdas_core::calendar::Instant;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Now, as the core's instant.
pub fn now() -> Instant {
    Instant::from_unix_seconds(now_unix())
}

/// `bytes` random bytes from the operating system, as lowercase hex.
pub fn random_hex(bytes: usize) -> Result<String, ApiError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::getrandom(&mut buffer).map_err(|_| ApiError::internal())?;
    Ok(hex(&buffer))
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// SHA-256 as hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// HMAC-SHA256 as hex (webhook signatures).
pub fn hmac_hex(key: &[u8], data: &[u8]) -> String {
    match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            hex(&mac.finalize().into_bytes())
        }
        // HMAC accepts keys of any length; unreachable in practice.
        Err(_) => String::new(),
    }
}

/// Reads at most `limit` bytes; a larger body is refused with 413 and a JSON error, before
/// it is read whole.
pub async fn read_body(body: Body, limit: usize) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "BODY_TOO_LARGE",
            "Isi permintaan terlalu besar",
            "The request body is too large",
        )
        .with_field("max_bytes", limit.to_string())
    })
}

/// Parses JSON with a 400 on mismatch.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::bad_json(&e))
}
