//! The kotacerdas core in WebAssembly: the `#[wasm_bindgen]` facade of the npm package
//! `kotacerdas`.
//!
//! This crate is a bridge, not an API of its own: it converts JavaScript values to the core's
//! types and back, and turns the core's coded errors into `KotaCerdasError`s. Every rule lives in
//! `kotacerdas-core`. The package's JavaScript entry points (`bindings-wasm/js/`) add the
//! `KotaCerdasError` class and loading; `cargo xtask npm` builds the package.

mod batch;
mod errors;
mod generic;
mod ids;
mod input;
mod regions;
mod typed;

pub use batch::validate_niks;
pub use errors::{get_language, set_language};
pub use generic::{call, error_codes, functions};
pub use ids::{
    normalize_phone, parse_kk, parse_nib, parse_nik, parse_nop, parse_npwp, validate_nik,
};
pub use regions::{lookup_region, region_children, region_decree, search_regions};
pub use typed::*;
