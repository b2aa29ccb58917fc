//! `kotacerdas-mobile`: the uniffi facade of `kotacerdas-core` for Kotlin (Android and JVM),
//! Swift (iOS) and Python.
//!
//! Identifiers (single and batch), regions, local taxes (typed result with breakdown), complaint
//! draft validation, a generic `call` over every function of `json_api` by name, and the API
//! client with its offline outbox as async functions (`client` module).
//!
//! A thin layer: it converts between the core's types and uniffi records, objects and errors,
//! and holds no rule of its own. Every function but the client's is synchronous and keeps no mutable state (the
//! built-in tax rule sets are built once, on first use), so it may be called from any thread at
//! once. See `docs/android.md`, `docs/ios.md` and
//! `docs/python.md`; `cargo xtask bindings` generates the foreign code.
//!
//! The namespace is `kotacerdas`: Kotlin package `id.kotacerdas`, Swift module `KotaCerdas`,
//! Python module `kotacerdas` (names set in `uniffi.toml`).

uniffi::setup_scaffolding!("kotacerdas");

mod call;
mod client;
mod complaint;
mod direct;
mod errors;
mod ids;
mod region;
mod tax;

pub use call::{call, functions};
pub use client::{
    Agency, ApiClient, Attachment, ClientError, ClientOptions, ClientProblem, DuplicateSuggestion,
    GeoPoint, HistoryEntry, MyReport, OfficerInfo, OfficerReport, OutboxItem, OutboxStatus,
    PublicReport, QueueItem, ReportOutbox, RulePack, StateInfo, Submitted, SyncReport,
};
pub use complaint::{ComplaintValidation, FieldProblem, validate_complaint};
pub use errors::{
    CallError, KkError, NibError, NikError, NopError, NpwpError, PhoneError, RegionError,
};
pub use ids::{
    CenturyInference, KkDetails, KkOptions, Nik, NikBatchResult, NikCheck, NikCodes, NikDetails,
    NikKind, NikNumberOptions, NikOptions, NopDetails, NopOptions, NpwpDetails, NpwpForm,
    PhoneNumber, RegionRef, Sex, SismiopReference, Warning, check_nik, check_nik_number, nik_codes,
    nik_details, nik_number_options, normalize_phone, parse_kk, parse_nib, parse_nik_number,
    parse_nop, parse_npwp, validate_nik_lines, validate_niks,
};
pub use region::{
    Decree, MatchKind, Region, RegionLevel, Retirement, SearchHit, region_children, region_decree,
    region_lookup, region_search,
};
pub use tax::{Confidence, StepKind, TaxComponent, TaxResult, TaxStep, calculate_tax, tax_kinds};
