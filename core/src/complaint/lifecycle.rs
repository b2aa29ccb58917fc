//! The canonical lifecycle of a report, with guarded transitions and projections to
//! Open311, LAPOR!-style and FixMyStreet-style labels.
//!
//! ```text
//! draft -> diterima -> terverifikasi -> didisposisikan -> ditindaklanjuti -> selesai
//!            |  ^          |   |            ^   |   |            |   |          |
//!            v  |          |   |            +---+   |            |   +-> didisposisikan (reporter disputes)
//!          ditunda         |   +-> bukan_wewenang <-+            +-> selesai (auto after 10 working days)
//!   (diterima|terverifikasi) -> duplikat | ditolak      selesai -> didisposisikan (reopen, within window)
//!   selesai | ditolak | duplikat | bukan_wewenang -> diarsipkan
//! ```
//!
//! [`transition`] is the pure table (state + actor + event -> state). [`ReportRecord::apply`]
//! adds the guards that need history, time and the calendar (event order, notes, auto-close
//! only after the silence period, reopen only within the window, re-routing to another OPD).

use serde::{Deserialize, Serialize};

use crate::calendar::{Instant, WorkingCalendar};
use crate::complaint::Catalog;
use crate::complaint::sla::{SlaPolicy, deadline_after};
use crate::error::{Lang, coded_enum};
use crate::json_de::JsonRead;

coded_enum! {
    /// Why an event was refused.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum LifecycleError {
        /// The event is not possible in the current state.
        TransitionNotAllowed { from: String, event: String } => "COMPLAINT_TRANSITION_NOT_ALLOWED",
            id: "Peristiwa {event} tidak dapat terjadi pada status {from}",
            en: "Event {event} is not possible in state {from}";
        /// The actor may not perform this event.
        ActorNotAllowed { actor: String, event: String } => "COMPLAINT_ACTOR_NOT_ALLOWED",
            id: "{actor} tidak berwenang melakukan {event}",
            en: "{actor} may not perform {event}";
        /// The event is earlier than the previous one.
        EventOutOfOrder { previous: String } => "COMPLAINT_EVENT_OUT_OF_ORDER",
            id: "Waktu peristiwa lebih awal dari peristiwa sebelumnya ({previous})",
            en: "The event is earlier than the previous one ({previous})";
        /// A note (reason, follow-up text) is required for this event.
        NoteRequired { event: String } => "COMPLAINT_NOTE_REQUIRED",
            id: "Peristiwa {event} wajib disertai catatan",
            en: "Event {event} needs a note";
        /// The note is longer than allowed.
        NoteTooLong { max: usize } => "COMPLAINT_NOTE_TOO_LONG",
            id: "Catatan melebihi {max} karakter",
            en: "The note is longer than {max} characters";
        /// The OPD or external body is not in the directory.
        UnknownAgency { agency: String } => "COMPLAINT_UNKNOWN_AGENCY",
            id: "Instansi {agency} tidak ada di direktori",
            en: "Agency {agency} is not in the directory";
        /// Re-routing to the OPD that already has the report.
        SameAgency { agency: String } => "COMPLAINT_SAME_AGENCY",
            id: "Laporan sudah didisposisikan ke {agency}",
            en: "The report is already assigned to {agency}";
        /// Automatic close before the reporter's silence period has passed.
        AutoCloseTooEarly { earliest: String } => "COMPLAINT_AUTO_CLOSE_TOO_EARLY",
            id: "Laporan baru dapat ditutup otomatis setelah {earliest}",
            en: "The report can be closed automatically only after {earliest}";
        /// Reopening after the window has closed.
        ReopenWindowClosed { closed_at: String } => "COMPLAINT_REOPEN_WINDOW_CLOSED",
            id: "Batas waktu membuka kembali laporan telah lewat ({closed_at})",
            en: "The window for reopening the report closed at {closed_at}";
        /// A deadline falls outside the loaded holiday calendar.
        CalendarOutOfRange { calendar_code: String } => "COMPLAINT_CALENDAR_OUT_OF_RANGE",
            id: "Tenggat tidak dapat dihitung: kalender hari libur tidak mencakup tanggalnya ({calendar_code})",
            en: "The deadline cannot be computed: the holiday calendar does not cover its date ({calendar_code})";
    }
}

/// Canonical states (JSON tags are the Indonesian names).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonRead,
)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Not yet submitted (offline outbox).
    Draft,
    /// Submitted, not yet verified.
    Diterima,
    /// Verified.
    Terverifikasi,
    /// Assigned to an OPD.
    Didisposisikan,
    /// The OPD posted a follow-up.
    Ditindaklanjuti,
    /// Done: confirmed by the reporter or closed after silence.
    Selesai,
    /// On hold: more data needed from the reporter.
    Ditunda,
    /// Not this government's authority: forwarded.
    BukanWewenang,
    /// Linked to an original report.
    Duplikat,
    /// Rejected with a reason.
    Ditolak,
    /// Archived.
    Diarsipkan,
}

/// Every state, for tables and tests.
pub const ALL_STATES: [State; 11] = [
    State::Draft,
    State::Diterima,
    State::Terverifikasi,
    State::Didisposisikan,
    State::Ditindaklanjuti,
    State::Selesai,
    State::Ditunda,
    State::BukanWewenang,
    State::Duplikat,
    State::Ditolak,
    State::Diarsipkan,
];

impl State {
    /// The JSON tag.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Diterima => "diterima",
            State::Terverifikasi => "terverifikasi",
            State::Didisposisikan => "didisposisikan",
            State::Ditindaklanjuti => "ditindaklanjuti",
            State::Selesai => "selesai",
            State::Ditunda => "ditunda",
            State::BukanWewenang => "bukan_wewenang",
            State::Duplikat => "duplikat",
            State::Ditolak => "ditolak",
            State::Diarsipkan => "diarsipkan",
        }
    }

    /// Whether the report is still being handled (for duplicate search and Open311).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            State::Diterima
                | State::Terverifikasi
                | State::Didisposisikan
                | State::Ditindaklanjuti
                | State::Ditunda
        )
    }

    /// Open311 GeoReport v2 status: only `open` or `closed` exist there.
    pub fn open311_status(self) -> &'static str {
        if self.is_open() || self == State::Draft {
            "open"
        } else {
            "closed"
        }
    }

    /// A label in the style of SP4N-LAPOR!'s status names (Indonesian).
    pub fn lapor_label(self) -> &'static str {
        match self {
            State::Draft => "Draf",
            State::Diterima => "Belum Terverifikasi",
            State::Terverifikasi => "Terverifikasi",
            State::Didisposisikan => "Terdisposisi",
            State::Ditindaklanjuti => "Ditindaklanjuti",
            State::Selesai => "Selesai",
            State::Ditunda => "Ditunda",
            State::BukanWewenang => "Bukan Wewenang",
            State::Duplikat => "Duplikat",
            State::Ditolak => "Ditolak",
            State::Diarsipkan => "Diarsipkan",
        }
    }

    /// A FixMyStreet-style state name.
    pub fn fixmystreet_status(self) -> &'static str {
        match self {
            State::Draft => "unconfirmed",
            State::Diterima => "confirmed",
            State::Terverifikasi | State::Ditunda => "investigating",
            State::Didisposisikan => "action scheduled",
            State::Ditindaklanjuti => "in progress",
            State::Selesai => "fixed",
            State::BukanWewenang => "not responsible",
            State::Duplikat => "duplicate",
            State::Ditolak => "unable to fix",
            State::Diarsipkan => "closed",
        }
    }

    /// A label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.lapor_label(),
            Lang::En => match self {
                State::Draft => "Draft",
                State::Diterima => "Received, not yet verified",
                State::Terverifikasi => "Verified",
                State::Didisposisikan => "Assigned",
                State::Ditindaklanjuti => "Follow-up posted",
                State::Selesai => "Resolved",
                State::Ditunda => "On hold: more information needed",
                State::BukanWewenang => "Not the regency's authority: forwarded",
                State::Duplikat => "Duplicate",
                State::Ditolak => "Rejected",
                State::Diarsipkan => "Archived",
            },
        }
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The citizen who reported.
    Reporter,
    /// The complaint desk that verifies and assigns (admin SP4N).
    Verifier,
    /// An officer of the assigned OPD.
    OpdOfficer,
    /// The system (timers).
    System,
}

impl Actor {
    fn as_str(self) -> &'static str {
        match self {
            Actor::Reporter => "reporter",
            Actor::Verifier => "verifier",
            Actor::OpdOfficer => "opd_officer",
            Actor::System => "system",
        }
    }
}

/// What happened. JSON: `{"type": "submit"}`, `{"type": "assign", "opd": ...}`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// The reporter submits the draft.
    Submit,
    /// The desk verifies the report.
    Verify,
    /// The desk asks the reporter for more data (note required).
    RequestInfo,
    /// The reporter supplies it.
    ProvideInfo,
    /// The desk assigns (or re-routes) the report to an OPD.
    Assign {
        /// OPD code.
        opd: String,
    },
    /// Not the regency's authority: forward (note required).
    NotAuthority {
        /// The body it is forwarded to, if known.
        #[serde(default)]
        forward_to: Option<String>,
    },
    /// Linked to an original report.
    MarkDuplicate {
        /// The original report's id.
        original_id: String,
    },
    /// Rejected (note required: the reason).
    Reject,
    /// The OPD posts a follow-up (note required).
    FollowUp,
    /// The reporter confirms it is resolved.
    Confirm,
    /// The reporter says it is not resolved (note required).
    Dispute,
    /// The system closes after the reporter's silence.
    AutoClose,
    /// The reporter reopens within the window (note required).
    Reopen,
    /// Archived.
    Archive,
}

impl EventKind {
    /// The JSON tag.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Submit => "submit",
            EventKind::Verify => "verify",
            EventKind::RequestInfo => "request_info",
            EventKind::ProvideInfo => "provide_info",
            EventKind::Assign { .. } => "assign",
            EventKind::NotAuthority { .. } => "not_authority",
            EventKind::MarkDuplicate { .. } => "mark_duplicate",
            EventKind::Reject => "reject",
            EventKind::FollowUp => "follow_up",
            EventKind::Confirm => "confirm",
            EventKind::Dispute => "dispute",
            EventKind::AutoClose => "auto_close",
            EventKind::Reopen => "reopen",
            EventKind::Archive => "archive",
        }
    }

    fn needs_note(&self) -> bool {
        matches!(
            self,
            EventKind::RequestInfo
                | EventKind::NotAuthority { .. }
                | EventKind::Reject
                | EventKind::FollowUp
                | EventKind::Dispute
                | EventKind::Reopen
        )
    }

    fn actors(&self) -> &'static [Actor] {
        match self {
            EventKind::Submit
            | EventKind::ProvideInfo
            | EventKind::Confirm
            | EventKind::Dispute
            | EventKind::Reopen => &[Actor::Reporter],
            EventKind::Verify
            | EventKind::RequestInfo
            | EventKind::Assign { .. }
            | EventKind::MarkDuplicate { .. }
            | EventKind::Reject => &[Actor::Verifier],
            EventKind::NotAuthority { .. } => &[Actor::Verifier, Actor::OpdOfficer],
            EventKind::FollowUp => &[Actor::OpdOfficer],
            EventKind::AutoClose => &[Actor::System],
            EventKind::Archive => &[Actor::System, Actor::Verifier],
        }
    }
}

/// The tags of [`EventKind`] in declaration order.
const EVENT_TAGS: &[&str] = &[
    "submit",
    "verify",
    "request_info",
    "provide_info",
    "assign",
    "not_authority",
    "mark_duplicate",
    "reject",
    "follow_up",
    "confirm",
    "dispute",
    "auto_close",
    "reopen",
    "archive",
];

/// Read by hand: serde's internally tagged enums buffer their input in serde's private
/// `Content` and compile a reader per variant for it (npm package size). For a JSON object the
/// result and the error message are those of `#[serde(tag = "type", deny_unknown_fields)]`
/// (test below): a unit variant ignores other fields, a struct variant refuses unknown ones.
/// Unlike the derive, an event kind written as an array (`["assign", "DPUPR"]`) is refused.
impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        event_kind(&serde_json::Value::deserialize(deserializer)?)
    }
}

impl JsonRead for EventKind {
    fn read(
        value: &serde_json::Value,
        _at: crate::json_de::At<'_>,
    ) -> Result<Self, serde_json::Error> {
        event_kind(value)
    }
}

/// The one reader of an event kind (both impls above).
fn event_kind<E: serde::de::Error>(value: &serde_json::Value) -> Result<EventKind, E> {
    {
        use serde_json::Value;

        use crate::json_de::unexpected;

        let Value::Object(map) = value else {
            return Err(E::invalid_type(
                unexpected(value),
                &"internally tagged enum EventKind",
            ));
        };
        let tag = match map.get("type") {
            None => return Err(E::missing_field("type")),
            Some(Value::String(tag)) => tag.as_str(),
            Some(other) => {
                return Err(E::invalid_type(unexpected(other), &"variant identifier"));
            }
        };
        // A struct variant's one field: its name, whether it is required.
        let (field, required): (&'static [&'static str], bool) = match tag {
            "assign" => (&["opd"], true),
            "not_authority" => (&["forward_to"], false),
            "mark_duplicate" => (&["original_id"], true),
            _ if EVENT_TAGS.contains(&tag) => (&[], false),
            _ => return Err(E::unknown_variant(tag, EVENT_TAGS)),
        };
        let mut text = None;
        if let [name] = field {
            for (key, value) in map.iter().filter(|(key, _)| *key != "type") {
                if key != name {
                    return Err(E::unknown_field(key, field));
                }
                text = match value {
                    Value::String(text) => Some(text.clone()),
                    Value::Null if !required => None,
                    other => return Err(E::invalid_type(unexpected(other), &"a string")),
                };
            }
            if required && text.is_none() {
                return Err(E::missing_field(name));
            }
        }
        Ok(match tag {
            "submit" => EventKind::Submit,
            "verify" => EventKind::Verify,
            "request_info" => EventKind::RequestInfo,
            "provide_info" => EventKind::ProvideInfo,
            // Required: present (checked above).
            "assign" => EventKind::Assign {
                opd: text.unwrap_or_default(),
            },
            "not_authority" => EventKind::NotAuthority { forward_to: text },
            "mark_duplicate" => EventKind::MarkDuplicate {
                original_id: text.unwrap_or_default(),
            },
            "reject" => EventKind::Reject,
            "follow_up" => EventKind::FollowUp,
            "confirm" => EventKind::Confirm,
            "dispute" => EventKind::Dispute,
            "auto_close" => EventKind::AutoClose,
            "reopen" => EventKind::Reopen,
            "archive" => EventKind::Archive,
            _ => return Err(E::unknown_variant(tag, EVENT_TAGS)),
        })
    }
}

/// One recorded transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// Who did it.
    pub actor: Actor,
    /// When.
    pub at: Instant,
    /// Reason, follow-up text or comment.
    #[serde(default)]
    pub note: Option<String>,
}

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 5000;

/// The pure transition table: the state after `kind` by `actor` in `from`.
pub fn transition(from: State, actor: Actor, kind: &EventKind) -> Result<State, LifecycleError> {
    use State::*;
    let to = match (from, kind) {
        (Draft, EventKind::Submit) => Diterima,
        (Diterima, EventKind::Verify) => Terverifikasi,
        (Diterima | Terverifikasi, EventKind::RequestInfo) => Ditunda,
        (Ditunda, EventKind::ProvideInfo) => Diterima,
        (Terverifikasi | Didisposisikan, EventKind::Assign { .. }) => Didisposisikan,
        (Terverifikasi | Didisposisikan, EventKind::NotAuthority { .. }) => BukanWewenang,
        (Diterima | Terverifikasi, EventKind::MarkDuplicate { .. }) => Duplikat,
        (Diterima | Terverifikasi | Ditunda, EventKind::Reject) => Ditolak,
        (Didisposisikan | Ditindaklanjuti, EventKind::FollowUp) => Ditindaklanjuti,
        (Ditindaklanjuti, EventKind::Confirm | EventKind::AutoClose) => Selesai,
        (Ditindaklanjuti, EventKind::Dispute) => Didisposisikan,
        (Selesai, EventKind::Reopen) => Didisposisikan,
        (Selesai | Ditolak | Duplikat | BukanWewenang, EventKind::Archive) => Diarsipkan,
        _ => {
            return Err(LifecycleError::TransitionNotAllowed {
                from: from.as_str().to_owned(),
                event: kind.as_str().to_owned(),
            });
        }
    };
    if !kind.actors().contains(&actor) {
        return Err(LifecycleError::ActorNotAllowed {
            actor: actor.as_str().to_owned(),
            event: kind.as_str().to_owned(),
        });
    }
    Ok(to)
}

/// What [`ReportRecord::apply`] needs besides the record.
#[derive(Debug, Clone, Copy)]
pub struct LifecycleContext<'a> {
    /// Working-day calendar for the auto-close and reopen windows.
    pub calendar: &'a WorkingCalendar,
    /// The report's SLA policy.
    pub policy: &'a SlaPolicy,
    /// When given, assigned and forwarded agencies must be in its directory.
    pub catalog: Option<&'a Catalog>,
}

/// A report's lifecycle: current state plus the full event history (audit trail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRecord {
    /// Current state.
    pub state: State,
    /// Every accepted event, oldest first.
    pub history: Vec<Event>,
    /// The OPD currently responsible.
    pub opd: Option<String>,
    /// The original report when this one is a duplicate.
    pub duplicate_of: Option<String>,
    /// The body it was forwarded to when not the regency's authority.
    pub forwarded_to: Option<String>,
}

impl Default for ReportRecord {
    fn default() -> Self {
        ReportRecord::new()
    }
}

impl ReportRecord {
    /// A new draft with no history.
    pub fn new() -> ReportRecord {
        ReportRecord {
            state: State::Draft,
            history: Vec::new(),
            opd: None,
            duplicate_of: None,
            forwarded_to: None,
        }
    }

    /// The OPDs the report was assigned to, in order (re-routing audit trail).
    pub fn assignments(&self) -> Vec<(&str, Instant)> {
        self.history
            .iter()
            .filter_map(|event| match &event.kind {
                EventKind::Assign { opd } => Some((opd.as_str(), event.at)),
                _ => None,
            })
            .collect()
    }

    /// The latest event of a kind.
    pub(crate) fn last_at(&self, matches: impl Fn(&EventKind) -> bool) -> Option<Instant> {
        self.history
            .iter()
            .rev()
            .find(|event| matches(&event.kind))
            .map(|event| event.at)
    }

    /// Applies one event, returning the new record or why it was refused. The record itself
    /// is unchanged on error.
    pub fn apply(
        &self,
        event: Event,
        context: &LifecycleContext<'_>,
    ) -> Result<ReportRecord, LifecycleError> {
        if let Some(previous) = self.history.last()
            && event.at < previous.at
        {
            return Err(LifecycleError::EventOutOfOrder {
                previous: previous.at.to_string(),
            });
        }
        let to = transition(self.state, event.actor, &event.kind)?;
        let note = event.note.as_deref().map(str::trim).unwrap_or("");
        if event.kind.needs_note() && note.is_empty() {
            return Err(LifecycleError::NoteRequired {
                event: event.kind.as_str().to_owned(),
            });
        }
        if event
            .note
            .as_deref()
            .is_some_and(|n| n.chars().nth(MAX_NOTE_CHARS).is_some())
        {
            return Err(LifecycleError::NoteTooLong {
                max: MAX_NOTE_CHARS,
            });
        }
        let calendar_error =
            |err: crate::calendar::CalendarError| LifecycleError::CalendarOutOfRange {
                calendar_code: crate::error::Coded::code(&err).to_owned(),
            };
        let known = |agency: &str| -> Result<(), LifecycleError> {
            match context.catalog {
                Some(catalog) if catalog.opd(agency).is_none() => {
                    Err(LifecycleError::UnknownAgency {
                        agency: agency.chars().take(64).collect(),
                    })
                }
                _ => Ok(()),
            }
        };
        let mut next = self.clone();
        match &event.kind {
            EventKind::Assign { opd } => {
                known(opd)?;
                if self.state == State::Didisposisikan && self.opd.as_deref() == Some(opd.as_str())
                {
                    return Err(LifecycleError::SameAgency {
                        agency: opd.chars().take(64).collect(),
                    });
                }
                next.opd = Some(opd.clone());
            }
            EventKind::NotAuthority { forward_to } => {
                if let Some(body) = forward_to {
                    known(body)?;
                }
                next.forwarded_to = forward_to.clone();
            }
            EventKind::MarkDuplicate { original_id } => {
                next.duplicate_of = Some(original_id.clone());
            }
            EventKind::AutoClose => {
                let follow_up = self
                    .last_at(|kind| matches!(kind, EventKind::FollowUp))
                    .ok_or_else(|| LifecycleError::TransitionNotAllowed {
                        from: self.state.as_str().to_owned(),
                        event: event.kind.as_str().to_owned(),
                    })?;
                let earliest =
                    deadline_after(context.calendar, follow_up, context.policy.auto_close_days)
                        .map_err(calendar_error)?;
                if event.at <= earliest {
                    return Err(LifecycleError::AutoCloseTooEarly {
                        earliest: earliest.to_string(),
                    });
                }
            }
            EventKind::Reopen => {
                let closed = self
                    .last_at(|kind| matches!(kind, EventKind::Confirm | EventKind::AutoClose))
                    .ok_or_else(|| LifecycleError::TransitionNotAllowed {
                        from: self.state.as_str().to_owned(),
                        event: event.kind.as_str().to_owned(),
                    })?;
                let window =
                    deadline_after(context.calendar, closed, context.policy.reopen_window_days)
                        .map_err(calendar_error)?;
                if event.at > window {
                    return Err(LifecycleError::ReopenWindowClosed {
                        closed_at: window.to_string(),
                    });
                }
            }
            _ => {}
        }
        next.state = to;
        next.history.push(event);
        Ok(next)
    }

    /// Replays events from a new draft; on error, the index of the refused event.
    pub fn replay(
        events: impl IntoIterator<Item = Event>,
        context: &LifecycleContext<'_>,
    ) -> Result<ReportRecord, (usize, LifecycleError)> {
        let mut record = ReportRecord::new();
        for (index, event) in events.into_iter().enumerate() {
            record = record.apply(event, context).map_err(|err| (index, err))?;
        }
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `EventKind` derived before it was read by hand. Compared through `Debug`, so the
    /// fields are never read otherwise.
    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    enum Derived {
        Submit,
        Verify,
        RequestInfo,
        ProvideInfo,
        Assign {
            opd: String,
        },
        NotAuthority {
            #[serde(default)]
            forward_to: Option<String>,
        },
        MarkDuplicate {
            original_id: String,
        },
        Reject,
        FollowUp,
        Confirm,
        Dispute,
        AutoClose,
        Reopen,
        Archive,
    }

    /// The derived value's `Debug`, which names variants and fields as `EventKind`'s does.
    fn convert(derived: Derived) -> String {
        format!("{derived:?}")
    }

    /// Every object with a tag of each kind (or none, or not a string) and each field absent,
    /// a string, `null` or a number: the same result and the same error message as the derive,
    /// through the core's value reader (the JSON API's) and serde_json's.
    #[test]
    fn hand_written_reader_agrees_with_the_derive() {
        let fields = ["opd", "forward_to", "original_id", "extra"];
        let values = [None, Some("\"X\""), Some("null"), Some("5")];
        let mut tags: Vec<String> = EVENT_TAGS.iter().map(|t| format!("\"{t}\"")).collect();
        tags.extend(["\"nope\"", "null", "5", "\"Submit\""].map(str::to_owned));
        let tags: Vec<Option<&str>> = tags
            .iter()
            .map(|t| Some(t.as_str()))
            .chain([None])
            .collect();
        let mut accepted = 0;
        for text in crate::json_de::tagged_objects(&tags, &fields, &values) {
            let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let derived = crate::json_de::from_value_serde::<Derived>(&value).map_err(|e| e.error);
            let ours = crate::json_de::from_value::<EventKind>(&value).map_err(|e| e.error);
            let plain = serde_json::from_value::<EventKind>(value.clone());
            match (derived, ours) {
                (Ok(derived), Ok(ours)) => {
                    assert_eq!(convert(derived), format!("{ours:?}"), "{text}");
                    assert_eq!(plain.ok().as_ref(), Some(&ours), "{text}");
                    accepted += 1;
                }
                (Err(derived), Err(ours)) => {
                    assert_eq!(derived.to_string(), ours.to_string(), "{text}");
                    assert!(plain.is_err(), "{text}");
                }
                (derived, ours) => panic!("{text}: derive {derived:?}, by hand {ours:?}"),
            }
        }
        assert!(accepted > 1000, "{accepted}");
        for tag in EVENT_TAGS {
            let value = match *tag {
                "assign" => serde_json::json!({"type": tag, "opd": "X"}),
                "mark_duplicate" => serde_json::json!({"type": tag, "original_id": "X"}),
                _ => serde_json::json!({"type": tag}),
            };
            let kind: EventKind = crate::json_de::from_value(&value).expect("a kind");
            assert_eq!(kind.as_str(), *tag);
            let written = serde_json::to_value(&kind).expect("JSON");
            assert_eq!(
                crate::json_de::from_value::<EventKind>(&written).ok(),
                Some(kind)
            );
        }
    }
}
