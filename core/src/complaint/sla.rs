//! Service levels in working days: deadlines computed from a report's event history, the
//! policy of its category and the holiday calendar, and a status at a given instant.
//!
//! Clocks (all in working days, WIB; a deadline is the end, 23:59:59 WIB, of the n-th working
//! day after the day the clock started, which itself never counts):
//! - `verify`: from each entry into `diterima` (submission, or data supplied after `ditunda`)
//!   until the desk acts (assigns, asks for data, rejects, marks duplicate or forwards);
//! - `follow_up`: from each assignment (also re-routing, a dispute or a reopen) until the OPD
//!   posts a follow-up or declares it is not its authority;
//! - `auto_close`: from the latest follow-up: the earliest time the system may close;
//! - `resolution`: from submission until `selesai` or another final decision, extended by the
//!   working days spent in `ditunda` (waiting for the reporter is not the agency's delay).
//!
//! A deadline past the loaded calendar is an error ([`CalendarError`]), never a guess.

use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarError, Instant, WorkingCalendar};
use crate::complaint::lifecycle::{Event, EventKind, State, transition};
use crate::json_de::JsonRead;

/// An SLA policy (`sla_policies.json`): working days per clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct SlaPolicy {
    /// Stable code, e.g. `TIDAK_BERKADAR_PENGAWASAN`.
    pub code: String,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Verify and assign within this many working days.
    pub verify_days: u32,
    /// First follow-up by the OPD within this many working days of assignment.
    pub follow_up_days: u32,
    /// Close automatically after this many working days of reporter silence.
    pub auto_close_days: u32,
    /// Resolve within this many working days of submission (the tier).
    pub resolution_days: u32,
    /// The reporter may reopen within this many working days of closing.
    pub reopen_window_days: u32,
    /// "Due soon" when at most this many working days remain.
    pub due_soon_days: u32,
    /// The legal basis.
    pub legal_reference: String,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
pub(crate) struct SlaPolicyData {
    pub policies: Vec<SlaPolicy>,
}

/// The end (23:59:59 WIB) of the `n`-th working day after the WIB day of `start`.
pub fn deadline_after(
    calendar: &WorkingCalendar,
    start: Instant,
    n: u32,
) -> Result<Instant, CalendarError> {
    let due_day = calendar.add_working_days(start.date_wib()?, n)?;
    let next_day = due_day
        .add_days(1)
        .map_err(|_| CalendarError::InvalidInstant {})?;
    Ok(Instant::start_of_day_wib(next_day).plus_seconds(-1))
}

/// Which clock.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonRead,
)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Verify and assign.
    Verify,
    /// First follow-up by the OPD.
    FollowUp,
    /// Earliest automatic close.
    AutoClose,
    /// Resolution.
    Resolution,
}

/// How a deadline stands at the given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineOutcome {
    /// Running, not yet due.
    Pending,
    /// Running and past due.
    Overdue,
    /// Stopped in time.
    Met,
    /// Stopped late.
    Missed,
}

/// One clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// Which clock.
    pub kind: DeadlineKind,
    /// When it (last) started.
    pub started_at: Instant,
    /// When it is due.
    pub due: Instant,
    /// When it stopped, if it did.
    pub stopped_at: Option<Instant>,
    /// How it stands.
    pub outcome: DeadlineOutcome,
}

/// Overall status for a list or a dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum SlaStatus {
    /// Every running agency clock has time left.
    OnTime,
    /// A running agency clock has at most `due_soon_days` working days left.
    DueSoon,
    /// A running agency clock is past due.
    Overdue,
    /// Waiting for the reporter (`ditunda`): the agency's clocks do not run.
    Paused,
    /// Not submitted yet, or closed.
    NotRunning,
}

/// Deadlines and status of one report at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlaReport {
    /// The state after the history.
    pub state: State,
    /// Every clock that has started, in the order verify, follow-up, auto-close, resolution.
    pub deadlines: Vec<Deadline>,
    /// The overall status at `at`.
    pub status: SlaStatus,
    /// The instant evaluated.
    pub at: Instant,
}

impl SlaReport {
    /// A deadline by kind.
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }
}

#[derive(Clone, Copy)]
struct Clock {
    started_at: Instant,
    due: Instant,
    stopped_at: Option<Instant>,
}

/// Computes every deadline from the history (events that the state machine would refuse are
/// skipped, so a partly corrupt log still gives an answer) and the status at `at`.
pub fn evaluate(
    history: &[Event],
    policy: &SlaPolicy,
    calendar: &WorkingCalendar,
    at: Instant,
) -> Result<SlaReport, CalendarError> {
    let mut state = State::Draft;
    let mut verify: Option<Clock> = None;
    let mut follow_up: Option<Clock> = None;
    let mut auto_close: Option<Clock> = None;
    let mut resolution: Option<Clock> = None;
    let mut submitted_at: Option<Instant> = None;
    let mut paused_since: Option<Instant> = None;
    let mut paused_days: u32 = 0;
    let start = |from: Instant, days: u32| -> Result<Clock, CalendarError> {
        Ok(Clock {
            started_at: from,
            due: deadline_after(calendar, from, days)?,
            stopped_at: None,
        })
    };
    let stop = |clock: &mut Option<Clock>, when: Instant| {
        if let Some(clock) = clock
            && clock.stopped_at.is_none()
        {
            clock.stopped_at = Some(when);
        }
    };
    for event in history {
        let Ok(next) = transition(state, event.actor, &event.kind) else {
            continue;
        };
        let when = event.at;
        match &event.kind {
            EventKind::Submit => {
                submitted_at = Some(when);
                verify = Some(start(when, policy.verify_days)?);
                resolution = Some(start(when, policy.resolution_days)?);
            }
            EventKind::ProvideInfo => {
                verify = Some(start(when, policy.verify_days)?);
                if let (Some(since), Some(submitted)) = (paused_since.take(), submitted_at) {
                    let days =
                        calendar.working_days_between(since.date_wib()?, when.date_wib()?)?;
                    paused_days = paused_days.saturating_add(u32::try_from(days).unwrap_or(0));
                    let mut clock = start(
                        submitted,
                        policy.resolution_days.saturating_add(paused_days),
                    )?;
                    clock.stopped_at = resolution.and_then(|c| c.stopped_at);
                    resolution = Some(clock);
                }
            }
            EventKind::RequestInfo => {
                stop(&mut verify, when);
                paused_since = Some(when);
            }
            EventKind::Assign { .. } => {
                stop(&mut verify, when);
                follow_up = Some(start(when, policy.follow_up_days)?);
            }
            EventKind::Dispute | EventKind::Reopen => {
                follow_up = Some(start(when, policy.follow_up_days)?);
                auto_close = None;
                if let Some(clock) = &mut resolution {
                    clock.stopped_at = None;
                }
            }
            EventKind::FollowUp => {
                stop(&mut follow_up, when);
                auto_close = Some(start(when, policy.auto_close_days)?);
            }
            EventKind::NotAuthority { .. } => {
                stop(&mut verify, when);
                stop(&mut follow_up, when);
                stop(&mut resolution, when);
            }
            EventKind::MarkDuplicate { .. } | EventKind::Reject => {
                stop(&mut verify, when);
                stop(&mut resolution, when);
            }
            EventKind::Confirm | EventKind::AutoClose => {
                stop(&mut auto_close, when);
                stop(&mut resolution, when);
            }
            EventKind::Verify | EventKind::Archive => {}
        }
        state = next;
    }
    let outcome = |clock: &Clock| match clock.stopped_at {
        Some(stopped) if stopped <= clock.due => DeadlineOutcome::Met,
        Some(_) => DeadlineOutcome::Missed,
        None if at > clock.due => DeadlineOutcome::Overdue,
        None => DeadlineOutcome::Pending,
    };
    let deadlines: Vec<Deadline> = [
        (DeadlineKind::Verify, verify),
        (DeadlineKind::FollowUp, follow_up),
        (DeadlineKind::AutoClose, auto_close),
        (DeadlineKind::Resolution, resolution),
    ]
    .into_iter()
    .filter_map(|(kind, clock)| {
        clock.map(|clock| Deadline {
            kind,
            started_at: clock.started_at,
            due: clock.due,
            stopped_at: clock.stopped_at,
            outcome: outcome(&clock),
        })
    })
    .collect();
    let status = if state == State::Ditunda {
        SlaStatus::Paused
    } else if !state.is_open() {
        SlaStatus::NotRunning
    } else {
        // The agency's running clocks; auto-close is the system's, not a delay.
        let mut status = SlaStatus::OnTime;
        for deadline in deadlines
            .iter()
            .filter(|d| d.kind != DeadlineKind::AutoClose)
        {
            match deadline.outcome {
                DeadlineOutcome::Overdue => status = SlaStatus::Overdue,
                DeadlineOutcome::Pending if status == SlaStatus::OnTime => {
                    let left =
                        calendar.working_days_between(at.date_wib()?, deadline.due.date_wib()?)?;
                    if left <= i64::from(policy.due_soon_days) {
                        status = SlaStatus::DueSoon;
                    }
                }
                _ => {}
            }
        }
        status
    };
    Ok(SlaReport {
        state,
        deadlines,
        status,
        at,
    })
}
