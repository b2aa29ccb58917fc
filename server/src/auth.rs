//! Officer tokens: random 256-bit secrets shown once at creation and stored only as SHA-256
//! hashes, each with a role (verifier, OPD officer scoped to one OPD, admin).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use kotacerdas_core::complaint::{Actor, Catalog};
use serde::Serialize;
use sqlx::Row;

use crate::AppState;
use crate::db::Db;
use crate::error::ApiError;
use crate::util;

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The complaint desk: verifies, assigns, re-routes, rejects; sees every report.
    Verifier,
    /// An officer of one OPD: sees and follows up that OPD's reports only.
    OpdOfficer,
    /// Everything a verifier may, plus webhooks.
    Admin,
}

impl Role {
    /// Parses `verifier`, `opd_officer` or `admin`.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "verifier" => Some(Role::Verifier),
            "opd_officer" | "opd" => Some(Role::OpdOfficer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The tag stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Verifier => "verifier",
            Role::OpdOfficer => "opd_officer",
            Role::Admin => "admin",
        }
    }

    /// The core's actor for lifecycle events.
    pub fn actor(self) -> Actor {
        match self {
            Role::Verifier | Role::Admin => Actor::Verifier,
            Role::OpdOfficer => Actor::OpdOfficer,
        }
    }
}

/// An authenticated officer.
#[derive(Debug, Clone, Serialize)]
pub struct Officer {
    /// Token id (not the secret).
    pub id: String,
    /// Role.
    pub role: Role,
    /// OPD for `opd_officer`.
    pub opd: Option<String>,
    /// Label given at creation.
    pub label: String,
}

impl Officer {
    /// Whether this officer may see a report held by `agency`.
    pub fn may_see(&self, agency: &str) -> bool {
        match self.role {
            Role::Verifier | Role::Admin => true,
            Role::OpdOfficer => self.opd.as_deref() == Some(agency),
        }
    }
}

/// Why a token could not be created.
#[derive(Debug)]
pub enum TokenError {
    /// `--opd` missing for an OPD officer, or given for another role, or unknown.
    Opd(String),
    /// Database.
    Db(sqlx::Error),
    /// No randomness.
    Random,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::Opd(message) => f.write_str(message),
            TokenError::Db(error) => write!(f, "database: {error}"),
            TokenError::Random => f.write_str("no randomness from the operating system"),
        }
    }
}

/// Creates a token and returns its secret (shown once; only its hash is stored).
pub async fn create_token(
    db: &Db,
    role: Role,
    opd: Option<&str>,
    label: &str,
) -> Result<String, TokenError> {
    match (role, opd) {
        (Role::OpdOfficer, None) => {
            return Err(TokenError::Opd("--opd is required for opd_officer".into()));
        }
        (Role::OpdOfficer, Some(code)) if Catalog::embedded().opd(code).is_none() => {
            return Err(TokenError::Opd(format!("unknown OPD code {code}")));
        }
        (Role::Verifier | Role::Admin, Some(_)) => {
            return Err(TokenError::Opd("--opd applies to opd_officer only".into()));
        }
        _ => {}
    }
    let secret = format!(
        "kc_{}",
        util::random_hex(32).map_err(|_| TokenError::Random)?
    );
    let id = util::random_hex(8).map_err(|_| TokenError::Random)?;
    sqlx::query(
        "INSERT INTO tokens (id, token_hash, role, opd, label, created_at, revoked)
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(id)
    .bind(util::sha256_hex(secret.as_bytes()))
    .bind(role.as_str())
    .bind(opd.map(str::to_owned))
    .bind(label.to_owned())
    .bind(util::now_unix())
    .execute(&db.pool)
    .await
    .map_err(TokenError::Db)?;
    Ok(secret)
}

/// Number of tokens (to seed the first one).
pub async fn token_count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM tokens")
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}

/// Looks up a token secret.
pub async fn authenticate(state: &AppState, secret: &str) -> Result<Officer, ApiError> {
    if secret.len() > 200 {
        return Err(ApiError::unauthorized());
    }
    let row = sqlx::query(
        "SELECT id, role, opd, label FROM tokens WHERE token_hash = $1 AND revoked = 0",
    )
    .bind(util::sha256_hex(secret.as_bytes()))
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::unauthorized)?;
    let role: String = row.try_get("role")?;
    Ok(Officer {
        id: row.try_get("id")?,
        role: Role::parse(&role).ok_or_else(ApiError::unauthorized)?,
        opd: row.try_get("opd")?,
        label: row.try_get("label")?,
    })
}

/// The secret of an `Authorization: Bearer ...` header, if there is one.
pub fn bearer_secret(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

impl FromRequestParts<AppState> for Officer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let secret = bearer_secret(&parts.headers).ok_or_else(ApiError::unauthorized)?;
        authenticate(state, secret).await
    }
}
