//! The complaint taxonomy loader: arbitrary taxonomy JSON next to the shipped OPDs, routing,
//! SLA policies, report rules and boundary.
#![no_main]

use kotacerdas_core::complaint::{Catalog, CatalogSources};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sources = CatalogSources { taxonomy: text, ..CatalogSources::embedded() };
    let _ = Catalog::from_sources(sources);
});
