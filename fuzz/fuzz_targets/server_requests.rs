//! The server's request decoding on arbitrary input: report and event bodies, the tax body,
//! the Open311 form, the headers it reads (`Idempotency-Key`, `Content-Type`, `Authorization`)
//! and the query strings of every list endpoint. These are the functions the handlers call.
//! A refusal is always a 4xx with a stable code and both messages; never a panic or a 500.
#![no_main]

use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, Uri};
use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::open311::draft_from_request;
use kotacerdas_server::api::{
    DuplicatesQuery, ListQuery, attachment_media_type, calculate_tax, decode_report_draft,
    idempotency_key, parse_event,
};
use kotacerdas_server::auth::bearer_secret;
use kotacerdas_server::error::ApiError;
use kotacerdas_server::open311::{LangQuery, RequestsQuery, decode_form, decode_service_request};
use libfuzzer_sys::fuzz_target;

fn refused_cleanly(error: &ApiError) {
    assert!(error.status.is_client_error(), "{:?} for bad input", error.status);
    let problem = &error.problem;
    assert!(!problem.code.is_empty() && !problem.message_en.is_empty() && !problem.message_id.is_empty());
    for field in &error.problems {
        assert!(!field.problem.code.is_empty());
    }
}

fn query<T: serde::de::DeserializeOwned>(uri: &Uri) {
    if let Err(rejection) = Query::<T>::try_from_uri(uri) {
        refused_cleanly(&ApiError::from(rejection));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, data)) = data.split_first() else { return };
    match selector % 6 {
        0 => {
            if let Err(error) = decode_report_draft(data) {
                refused_cleanly(&error);
            }
        }
        1 => {
            if let Err(error) = parse_event(data) {
                refused_cleanly(&error);
            }
        }
        2 => {
            if let Err(error) = calculate_tax(data) {
                refused_cleanly(&error);
            }
        }
        3 => {
            if let Some(mut form) = decode_form(data) {
                form.fields.remove("api_key");
                let given = form.attributes.get("idempotency_key").cloned();
                if let Some((request, key, hash)) = decode_service_request(form) {
                    assert_eq!(hash.len(), 64);
                    // The client's key as given (the core's draft check judges it, even when
                    // empty), else one derived from the form.
                    match given {
                        Some(given) => assert_eq!(key, given),
                        None => assert!(key.starts_with("open311-") && key.len() == 48),
                    }
                    let _ = draft_from_request(&request, Instant::from_unix_seconds(1_764_374_400));
                }
            }
        }
        4 => {
            // Three header values, split at NUL bytes.
            let mut parts = data.split(|&b| b == 0);
            let mut headers = HeaderMap::new();
            for name in ["idempotency-key", "content-type", "authorization"] {
                if let Some(Ok(value)) = parts.next().map(HeaderValue::from_bytes) {
                    headers.insert(name, value);
                }
            }
            match idempotency_key(&headers) {
                Ok(key) => assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')),
                Err(error) => refused_cleanly(&error),
            }
            let media_type = attachment_media_type(&headers);
            assert!(!media_type.contains(';') && media_type.trim() == media_type);
            if let Some(secret) = bearer_secret(&headers) {
                assert_eq!(secret.trim(), secret);
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            let Ok(uri) = format!("/v1/public/reports?{text}").parse::<Uri>() else { return };
            query::<ListQuery>(&uri);
            query::<DuplicatesQuery>(&uri);
            query::<RequestsQuery>(&uri);
            query::<LangQuery>(&uri);
        }
    }
});
