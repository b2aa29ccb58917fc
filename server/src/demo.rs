//! The web demo's static files (`kotacerdas-server --demo-dir DIR`, as `cargo xtask demo`
//! runs it): `GET /` is `DIR/index.html`, `GET /a/b.js` is `DIR/a/b.js`. Only plain relative
//! paths of ASCII letters, digits, `-`, `_`, `.` and `/` are served (no `..`, no hidden files);
//! anything else is the API's JSON 404. Without `--demo-dir` nothing of this is mounted.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::error::ApiError;

/// The routes `/` and `/{*path}` over `dir`.
pub fn router(dir: PathBuf) -> Router {
    let dir = Arc::new(dir);
    Router::new()
        .route("/", get(index))
        .route("/{*path}", get(file))
        .with_state(dir)
}

async fn index(State(dir): State<Arc<PathBuf>>) -> Response {
    serve(&dir, "index.html").await
}

async fn file(State(dir): State<Arc<PathBuf>>, UrlPath(path): UrlPath<String>) -> Response {
    serve(&dir, &path).await
}

/// Whether a request path may name a file of the demo.
fn allowed(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && !segment.starts_with('.')
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

fn content_type(path: &str) -> &'static str {
    match Path::new(path).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "geojson") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

async fn serve(dir: &Path, path: &str) -> Response {
    if !allowed(path) {
        return ApiError::not_found().into_response();
    }
    let full = dir.join(path);
    let full = if full.is_dir() {
        full.join("index.html")
    } else {
        full
    };
    let Ok(bytes) = tokio::fs::read(&full).await else {
        return ApiError::not_found().into_response();
    };
    let name = full.to_string_lossy().into_owned();
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&name)),
    );
    // A demo under development: always revalidate.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn only_plain_relative_paths_are_served() {
        assert!(allowed("index.html"));
        assert!(allowed("kotacerdas/client/web.js"));
        for path in [
            "",
            "../etc/passwd",
            "a/../b",
            ".git/config",
            "a//b",
            "a\\b",
            "%2e%2e/x",
            "/abs",
        ] {
            assert!(!allowed(path), "{path}");
        }
    }
}
