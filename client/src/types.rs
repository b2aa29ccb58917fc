//! Response types of the API. Unknown fields are ignored so that a newer server does not
//! break an older app.

use kotacerdas_core::complaint::GeoPoint;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The rule pack.
#[derive(Debug, Clone, PartialEq)]
pub enum RulePack {
    /// The ETag given is still current.
    NotModified,
    /// A new pack.
    Current {
        /// Its ETag (send it next time).
        etag: String,
        /// Taxonomy, OPDs, SLA policies, report rules, calendar, tax rule sets.
        pack: Value,
    },
}

/// A state with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateInfo {
    /// Canonical code (`diterima`, ...).
    pub code: String,
    /// Indonesian label.
    pub label_id: String,
    /// English label.
    pub label_en: String,
    /// `open` or `closed`.
    pub open311: String,
}

/// The responsible OPD or body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Code.
    pub code: String,
    /// Name (absent for a body outside the directory).
    #[serde(default)]
    pub name: Option<String>,
}

/// The result of a submission (the same on a replay with the same key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submitted {
    /// Public id.
    pub id: String,
    /// Secret tracking code: keep it to read the report later.
    pub tracking_code: String,
    /// State.
    pub state: StateInfo,
    /// Responsible agency.
    pub agency: Agency,
    /// SLA at submission.
    #[serde(default)]
    pub sla: Option<Value>,
}

/// One event of the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// `{type, ...}` as the core's event kind.
    pub event: Value,
    /// Who.
    pub actor: String,
    /// When (ISO 8601, +07:00).
    pub at: String,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
}

/// My report (by tracking code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyReport {
    /// Public id.
    pub id: String,
    /// Category code.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Confidential.
    pub confidential: bool,
    /// Anonymous.
    pub anonymous: bool,
    /// State.
    pub state: StateInfo,
    /// Responsible agency.
    pub agency: Agency,
    /// History, oldest first.
    pub history: Vec<HistoryEntry>,
    /// SLA deadlines and status.
    #[serde(default)]
    pub sla: Option<Value>,
    /// Attachments.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// A stored attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Id.
    pub id: String,
    /// Media type.
    pub media_type: String,
    /// Size.
    pub size_bytes: u64,
}

/// A public report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicReport {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Point.
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ReportList<T> {
    pub reports: Vec<T>,
}

/// A possible duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateSuggestion {
    /// Public id.
    pub id: String,
    /// Distance in metres.
    pub distance_m: u32,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Suggestions {
    pub suggestions: Vec<DuplicateSuggestion>,
}

/// The token's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerInfo {
    /// Token id.
    pub id: String,
    /// `verifier`, `opd_officer` or `admin`.
    pub role: String,
    /// OPD of an OPD officer.
    #[serde(default)]
    pub opd: Option<String>,
}

/// A work-queue entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Confidential.
    pub confidential: bool,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
    /// `on_time`, `due_soon`, `overdue`, `paused`, `not_running`.
    #[serde(default)]
    pub sla_status: Option<String>,
}

/// A report as an officer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerReport {
    /// Public id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Confidential.
    pub confidential: bool,
    /// Anonymous.
    pub anonymous: bool,
    /// Contact for the desk (null when anonymous or for OPD officers); the NIK only masked.
    #[serde(default)]
    pub contact: Option<Value>,
    /// State.
    pub state: StateInfo,
    /// Agency.
    pub agency: Agency,
    /// Assignment trail.
    #[serde(default)]
    pub assignments: Vec<Value>,
    /// History.
    pub history: Vec<HistoryEntry>,
    /// SLA status.
    #[serde(default)]
    pub sla_status: Option<String>,
}

/// A registered webhook (the secret is only in the creation response).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    /// Id.
    pub id: String,
    /// URL.
    pub url: String,
    /// HMAC-SHA256 signing secret.
    #[serde(default)]
    pub secret: Option<String>,
}
