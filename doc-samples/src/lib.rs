//! Every Rust code sample of `docs/*.md`, compiled as a function (see `build.rs`). The crate has
//! no API: it exists so that `cargo test --workspace` fails when a sample in the docs goes stale.

#![allow(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/samples.rs"));
