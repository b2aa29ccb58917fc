//! JSON errors: every refusal has a stable code, messages in Indonesian and English and, for
//! report validation, the core's field problems. Codes of the rules come from the core;
//! the codes below are the server's own (HTTP, auth, idempotency) and are listed in
//! `docs/server.md`.

use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kotacerdas_core::Problem;
use kotacerdas_core::complaint::FieldProblem;
use serde::Serialize;

/// A refusal, ready to be sent.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Code and messages.
    pub problem: Problem,
    /// Field problems of a report draft (validation only).
    pub problems: Vec<FieldProblem>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a Problem,
    #[serde(skip_serializing_if = "<[FieldProblem]>::is_empty")]
    problems: &'a [FieldProblem],
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: &self.problem,
            problems: &self.problems,
        };
        (self.status, Json(body)).into_response()
    }
}

impl ApiError {
    /// A server-level error with both messages.
    pub fn new(status: StatusCode, code: &str, id: &str, en: &str) -> ApiError {
        ApiError {
            status,
            problem: Problem {
                code: code.to_owned(),
                message_id: id.to_owned(),
                message_en: en.to_owned(),
                fields: BTreeMap::new(),
            },
            problems: Vec::new(),
        }
    }

    /// A core problem with an HTTP status.
    pub fn from_problem(status: StatusCode, problem: Problem) -> ApiError {
        ApiError {
            status,
            problem,
            problems: Vec::new(),
        }
    }

    /// Adds a structured field.
    pub fn with_field(mut self, name: &str, value: impl Into<String>) -> ApiError {
        self.problem.fields.insert(name.to_owned(), value.into());
        self
    }

    /// 422 with the core's field problems.
    pub fn validation(problems: Vec<FieldProblem>) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "REPORT_INVALID",
            "Laporan belum lengkap atau tidak sah; lihat daftar masalah per kolom",
            "The report is incomplete or invalid; see the problems per field",
        );
        error.problems = problems;
        error
    }

    /// 400: the body is not the JSON expected.
    pub fn bad_json(detail: &serde_json::Error) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
            "Isi permintaan bukan JSON yang sesuai",
            "The request body is not the expected JSON",
        )
        .with_field("line", detail.line().to_string())
        .with_field("column", detail.column().to_string())
    }

    /// 404.
    pub fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Tidak ditemukan",
            "Not found",
        )
    }

    /// 401: no token or an unknown one. Says nothing about what exists.
    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "AUTH_REQUIRED",
            "Token petugas tidak ada atau tidak sah",
            "Missing or invalid officer token",
        )
    }

    /// 403: a valid token whose role or OPD does not allow this.
    pub fn forbidden() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "AUTH_FORBIDDEN",
            "Peran atau OPD Anda tidak berwenang untuk ini",
            "Your role or OPD is not allowed to do this",
        )
    }

    /// 500 without internals (they go to the log, never to the client).
    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            "Terjadi kesalahan di server; coba lagi nanti",
            "Server error; try again later",
        )
    }

    /// 503 when the database is unavailable: retrying later is right.
    pub fn unavailable() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "UNAVAILABLE",
            "Layanan sedang tidak tersedia; coba lagi nanti",
            "The service is unavailable; try again later",
        )
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(_: axum::extract::rejection::QueryRejection) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
            "Parameter kueri tidak sesuai",
            "The query parameters are not as expected",
        )
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        // sqlx errors carry no request data (values are bound, never formatted into SQL).
        eprintln!("database error: {error}");
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                ApiError::unavailable()
            }
            _ => ApiError::internal(),
        }
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(error: serde_json::Error) -> ApiError {
        eprintln!("stored JSON error at line {}", error.line());
        ApiError::internal()
    }
}
