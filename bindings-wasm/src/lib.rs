//! The kotacerdas core in WebAssembly: the `#[wasm_bindgen]` facade of the npm package
//! `kotacerdas`.
//!
//! This crate is a bridge, not an API of its own: it converts JavaScript values to the core's
//! types and back, and turns the core's coded errors into `KotaCerdasError`s. Every rule lives in
//! `kotacerdas-core`. The package's JavaScript entry points (`bindings-wasm/js/`) add the
//! `KotaCerdasError` class and loading; `cargo xtask npm` builds the package.
//!
//! The default feature `rules` adds taxes, rule sets, the calendar, complaints and `call`.
//! Built without it, the same sources make the module of the subpath `kotacerdas/ids`
//! (identifiers, regions, languages, error codes), a fraction of the download.

mod batch;
mod errors;
#[cfg(feature = "rules")]
mod generic;
mod ids;
mod input;
mod package;
mod regions;
#[cfg(feature = "rules")]
mod typed;

pub use batch::validate_niks;
pub use errors::{get_language, set_language};
#[cfg(feature = "rules")]
pub use generic::{call, functions};
pub use ids::{
    normalize_phone, parse_kk, parse_nib, parse_nik, parse_nop, parse_npwp, validate_nik,
};
pub use package::{error_codes, memory, version};
pub use regions::{lookup_region, region_children, region_decree, search_regions};
#[cfg(feature = "rules")]
pub use typed::*;
