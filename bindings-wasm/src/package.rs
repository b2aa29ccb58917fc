//! What every build of the module has, the full package and `kotacerdas/ids` alike: the
//! listing of error codes, the version, and the memory handle of the package's own tests.

use js_sys::Object;
use kotacerdas_core::error::all_codes;
use wasm_bindgen::prelude::*;

use crate::batch::strings;
use crate::errors::set;

/// Every error and warning code of the core, by domain (`nik`, `nik_warning`, `region`, ...).
/// The same listing in every entry point: it is only the codes (no messages, no rules), so
/// `kotacerdas/ids` also lists the domains whose functions only the full package has.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "Record<string, string[]>")]
pub fn error_codes() -> JsValue {
    // Several error types share a domain (e.g. `complaint`): one list per domain.
    let mut domains: Vec<(&str, Vec<&str>)> = Vec::new();
    for (domain, codes) in all_codes() {
        match domains.iter_mut().find(|(name, _)| *name == domain) {
            Some((_, list)) => list.extend_from_slice(codes),
            None => domains.push((domain, codes.to_vec())),
        }
    }
    let object = Object::new();
    for (domain, codes) in domains {
        set(&object, domain, &strings(&codes));
    }
    object.into()
}

/// The version of the package (the crate's version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The instance's `WebAssembly.Memory`, for the package's own memory test (not public API:
/// the entry points do not export `__` names).
#[wasm_bindgen(js_name = __memory, skip_typescript)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}
