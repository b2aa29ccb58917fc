//! The kotacerdas API client and offline outbox in WebAssembly: the `#[wasm_bindgen]` facade
//! of the npm subpath `kotacerdas/client`.
//!
//! A bridge, not an API of its own: every method is one call of `kotacerdas-client` (requests,
//! retries, error codes, the outbox's exactly-once rules); this crate converts JS values to
//! Rust and back, turns [`ClientError`]s into the package's `KotaCerdasError`, and adapts a JS
//! store object (the package's `IndexedDbOutboxStore`, or your own) to
//! [`kotacerdas_client::outbox::OutboxStore`]. Results are the API's JSON records
//! (snake_case), as the server sends them. `cargo xtask npm` builds it next to the core module.

// ClientError (with the server's Problem and field problems) is what the client crate returns;
// the store adapter passes it on as is.
#![allow(clippy::result_large_err)]

mod client;
mod convert;
mod outbox;

pub use client::Client;
pub use outbox::Outbox;
