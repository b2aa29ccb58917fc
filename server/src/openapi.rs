//! The OpenAPI 3.1 document at `/openapi.json`, generated from [`ROUTES`], the same table of
//! paths the router registers (a test requests every entry and fails on an unrouted one).

use axum::Json;
use serde_json::{Map, Value, json};

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (rate-limited on writes).
    Public,
    /// Officer bearer token.
    Officer,
    /// Admin bearer token.
    Admin,
    /// Open311 `api_key` form field.
    ApiKey,
}

/// One endpoint.
#[derive(Debug, Clone, Copy)]
pub struct RouteDoc {
    /// HTTP method, lowercase.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Access.
    pub access: Access,
    /// Request body media type, if any.
    pub body: Option<&'static str>,
    /// Success status.
    pub ok: u16,
}

const fn r(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    access: Access,
    body: Option<&'static str>,
    ok: u16,
) -> RouteDoc {
    RouteDoc {
        method,
        path,
        summary,
        access,
        body,
        ok,
    }
}

const JSON: Option<&str> = Some("application/json");

/// Every endpoint of the router.
pub const ROUTES: &[RouteDoc] = &[
    r(
        "get",
        "/openapi.json",
        "This document",
        Access::Public,
        None,
        200,
    ),
    r(
        "get",
        "/v1/health",
        "Liveness and database check",
        Access::Public,
        None,
        200,
    ),
    r(
        "get",
        "/v1/rules",
        "Rule pack (taxonomy, OPDs, SLA, report rules, calendar, tax rule sets) with ETag; 304 on If-None-Match",
        Access::Public,
        None,
        200,
    ),
    r(
        "post",
        "/v1/reports",
        "Submit a report draft; Idempotency-Key header required (same key + same body = original result, other body = 409)",
        Access::Public,
        JSON,
        201,
    ),
    r(
        "get",
        "/v1/reports/{tracking_code}",
        "My report by its 128-bit tracking code: state, history, SLA, responsible OPD",
        Access::Public,
        None,
        200,
    ),
    r(
        "post",
        "/v1/reports/{tracking_code}/events",
        "Reporter event: confirm, dispute, reopen, provide_info ({type, note})",
        Access::Public,
        JSON,
        200,
    ),
    r(
        "post",
        "/v1/reports/{tracking_code}/attachments",
        "Upload a photo (raw body, Content-Type image/*, Idempotency-Key)",
        Access::Public,
        Some("image/jpeg"),
        201,
    ),
    r(
        "get",
        "/v1/public/reports",
        "Public list of non-confidential reports (no reporter data)",
        Access::Public,
        None,
        200,
    ),
    r(
        "get",
        "/v1/duplicates",
        "Possible duplicates near a point (category, lat, lon)",
        Access::Public,
        None,
        200,
    ),
    r(
        "post",
        "/v1/tax/calculate",
        "Tax calculation by the core ({kind, region, input})",
        Access::Public,
        JSON,
        200,
    ),
    r(
        "get",
        "/v1/officer/me",
        "The token's role and OPD",
        Access::Officer,
        None,
        200,
    ),
    r(
        "get",
        "/v1/officer/queue",
        "Work queue with SLA status; OPD officers see their OPD only",
        Access::Officer,
        None,
        200,
    ),
    r(
        "get",
        "/v1/officer/reports/{id}",
        "A report with history, SLA and (for the desk, when not anonymous) contact",
        Access::Officer,
        None,
        200,
    ),
    r(
        "post",
        "/v1/officer/reports/{id}/events",
        "Lifecycle event through the core's state machine ({type, note, ...}); assign again to re-route",
        Access::Officer,
        JSON,
        200,
    ),
    r(
        "get",
        "/v1/officer/attachments/{id}",
        "Attachment bytes",
        Access::Officer,
        None,
        200,
    ),
    r(
        "get",
        "/v1/admin/webhooks",
        "Registered webhooks with pending deliveries",
        Access::Admin,
        None,
        200,
    ),
    r(
        "post",
        "/v1/admin/webhooks",
        "Register a status-change webhook ({url}); returns the HMAC secret once",
        Access::Admin,
        JSON,
        201,
    ),
    r(
        "get",
        "/open311/v2/services.json",
        "Open311 services",
        Access::Public,
        None,
        200,
    ),
    r(
        "get",
        "/open311/v2/services/{code}",
        "Open311 service definition ({code}.json)",
        Access::Public,
        None,
        200,
    ),
    r(
        "get",
        "/open311/v2/requests.json",
        "Open311 service requests (non-confidential)",
        Access::Public,
        None,
        200,
    ),
    r(
        "post",
        "/open311/v2/requests.json",
        "Open311 POST requests (form, api_key)",
        Access::ApiKey,
        Some("application/x-www-form-urlencoded"),
        201,
    ),
    r(
        "get",
        "/open311/v2/requests/{id}",
        "Open311 one request ({id}.json)",
        Access::Public,
        None,
        200,
    ),
];

/// Builds the document.
pub fn build() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for route in ROUTES {
        let mut operation = json!({
            "summary": route.summary,
            "responses": {
                route.ok.to_string(): { "description": "Success" },
                "default": {
                    "description": "Error with a stable code and messages in Indonesian and English",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                }
            }
        });
        let params: Vec<Value> = route
            .path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        let mut params = params;
        if route.path == "/v1/reports" || route.path.ends_with("/attachments") {
            params.push(
                json!({ "name": "Idempotency-Key", "in": "header", "required": true,
                "schema": { "type": "string", "pattern": "^[A-Za-z0-9_-]+$" } }),
            );
        }
        if !params.is_empty() {
            operation["parameters"] = Value::Array(params);
        }
        if let Some(media) = route.body {
            operation["requestBody"] = json!({ "required": true, "content": { media: {} } });
        }
        match route.access {
            Access::Officer | Access::Admin => {
                operation["security"] = json!([{ "bearer": [] }]);
            }
            Access::Public | Access::ApiKey => {}
        }
        let entry = paths
            .entry(route.path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(object) = entry.as_object_mut() {
            object.insert(route.method.to_owned(), operation);
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "kotacerdas reference API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Public complaints for Kabupaten Sampang: rules from kotacerdas-core."
        },
        "paths": paths,
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Problem": {
                    "type": "object",
                    "required": ["code", "message_id", "message_en", "fields"],
                    "properties": {
                        "code": { "type": "string" },
                        "message_id": { "type": "string" },
                        "message_en": { "type": "string" },
                        "fields": { "type": "object", "additionalProperties": { "type": "string" } }
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": { "$ref": "#/components/schemas/Problem" },
                        "problems": { "type": "array", "items": {
                            "type": "object",
                            "properties": { "field": { "type": "string" }, "problem": { "$ref": "#/components/schemas/Problem" } }
                        } }
                    }
                }
            }
        }
    })
}

/// `GET /openapi.json`.
pub async fn document() -> Json<Value> {
    Json(build())
}
