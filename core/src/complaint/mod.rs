//! Public complaints (pengaduan masyarakat): categories and routing, report validation, the
//! lifecycle, SLA deadlines in working days, duplicate suggestions and Open311 mapping.
//!
//! All rules that change by regency or by decree are data in `core/data/complaints/`
//! (taxonomy, OPD directory, routing rules, SLA policies, report limits, boundary), each with
//! its source or legal reference in `SOURCE.md`. [`Catalog::embedded`] loads Sampang's;
//! [`Catalog::from_sources`] loads a caller's (same JSON shapes) without a new release.
//!
//! ```
//! use kotacerdas_core::complaint::Catalog;
//!
//! let catalog = Catalog::embedded();
//! let best = &catalog.search_categories("jalan berlubang di depan pasar", 3)[0];
//! assert_eq!(best.code, "INFRA.JALAN");
//! assert_eq!(catalog.category("INFRA.JALAN").unwrap().opd, "DPUPR");
//! ```

mod catalog;
pub mod draft;
pub mod duplicates;
pub mod geo;
pub(crate) mod json;
pub mod lifecycle;
pub mod open311;
pub mod routing;
pub mod sla;
pub mod taxonomy;

pub use catalog::{Catalog, CatalogSources, ComplaintDataError, Opd, ReportRules};
pub use draft::{FieldProblem, ReportDraft, ValidReport, ValidationContext};
pub use geo::GeoPoint;
pub use lifecycle::{Actor, Event, EventKind, LifecycleError, ReportRecord, State};
pub use routing::{Route, RoutingError};
pub use sla::{SlaPolicy, SlaReport, SlaStatus};
pub use taxonomy::{Category, CategoryMatch, ReportKind, RequiredField};
