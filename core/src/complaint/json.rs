//! `complaint.*` functions of [`crate::json_api`]: JSON in, JSON out.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::calendar::{CalendarOptions, Instant, WorkingCalendar};
use crate::complaint::duplicates::{self, ExistingReport};
use crate::complaint::lifecycle::{
    self, Actor, Event, EventKind, LifecycleContext, ReportRecord, State,
};
use crate::complaint::sla::{self, SlaPolicy};
use crate::complaint::{Catalog, GeoPoint, draft, routing};
use crate::error::{Coded, Problem};
use crate::json_api::{CallError, decode};
use crate::json_de::JsonRead;

fn invalid(reason: &str) -> Problem {
    Problem::from_coded(&CallError::InvalidInput {
        reason: reason.to_owned(),
    })
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct SearchInput {
    text: String,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    5
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct RouteInput {
    category: String,
    #[serde(default)]
    region: Option<String>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct ValidateInput {
    /// The draft, as the app would send it.
    draft: Value,
    /// "Now" (required so that results are reproducible).
    now: Instant,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct TransitionInput {
    state: State,
    actor: Actor,
    event: EventKind,
}

/// The SLA policy (`sla_policy`): a code of the shipped catalog or a whole policy object. Read
/// by hand rather than as an untagged enum, which buffers the input in serde's `Content` and
/// compiled `SlaPolicy`'s reader a second time for it (npm package size). A policy object that
/// does not fit gives its own reason (an untagged enum said only that no variant matched).
fn resolve_policy(value: &Value) -> Result<SlaPolicy, Problem> {
    match value {
        Value::String(code) => Catalog::embedded()
            .sla_policy(code)
            .cloned()
            .ok_or_else(|| invalid("unknown sla_policy")),
        policy => decode(policy),
    }
}

fn calendar(options: Option<CalendarOptions>) -> Result<WorkingCalendar, Problem> {
    WorkingCalendar::embedded(options.unwrap_or_default()).map_err(|e| Problem::from_coded(&e))
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct ApplyInput {
    /// Events already accepted, oldest first (replayed from a new draft).
    #[serde(default)]
    history: Vec<Event>,
    event: Event,
    /// See [`resolve_policy`].
    sla_policy: Value,
    #[serde(default)]
    calendar_options: Option<CalendarOptions>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct SlaInput {
    history: Vec<Event>,
    /// See [`resolve_policy`].
    sla_policy: Value,
    at: Instant,
    #[serde(default)]
    calendar_options: Option<CalendarOptions>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct DuplicatesInput {
    category: String,
    location: GeoPoint,
    existing: Vec<ExistingReport>,
}

/// Calls a `complaint.*` function.
pub(crate) fn call(function: &str, input: &Value) -> Result<Value, Problem> {
    let catalog = Catalog::embedded();
    match function {
        "complaint.search" => {
            let input: SearchInput = decode(input)?;
            Ok(json!({"hits": catalog.search_categories(&input.text, input.limit.min(100))}))
        }
        "complaint.route" => {
            let input: RouteInput = decode(input)?;
            let route = routing::route(catalog, &input.category, input.region.as_deref())
                .map_err(|e| Problem::from_coded(&e))?;
            Ok(json!(route))
        }
        "complaint.validate" => {
            let input: ValidateInput = decode(input)?;
            let context = draft::ValidationContext {
                catalog,
                now: input.now,
            };
            Ok(match draft::validate_value(&input.draft, &context) {
                Ok(report) => json!({"valid": true, "report": report}),
                Err(problems) => {
                    let errors: Vec<Value> = problems
                        .iter()
                        .map(|p| json!({"field": p.field, "code": p.problem.code}))
                        .collect();
                    json!({"valid": false, "errors": errors, "problems": problems})
                }
            })
        }
        "complaint.transition" => {
            let input: TransitionInput = decode(input)?;
            let state = lifecycle::transition(input.state, input.actor, &input.event)
                .map_err(|e| Problem::from_coded(&e))?;
            Ok(json!({"state": state}))
        }
        "complaint.apply" => {
            let input: ApplyInput = decode(input)?;
            let policy = resolve_policy(&input.sla_policy)?;
            let calendar = calendar(input.calendar_options)?;
            let context = LifecycleContext {
                calendar: &calendar,
                policy: &policy,
                catalog: Some(catalog),
            };
            let record = ReportRecord::replay(input.history, &context).map_err(|(index, e)| {
                invalid(&format!("history event {index} refused: {}", e.code()))
            })?;
            let record = record
                .apply(input.event, &context)
                .map_err(|e| Problem::from_coded(&e))?;
            Ok(json!(record))
        }
        "complaint.sla" => {
            let input: SlaInput = decode(input)?;
            let policy = resolve_policy(&input.sla_policy)?;
            let calendar = calendar(input.calendar_options)?;
            let report = sla::evaluate(&input.history, &policy, &calendar, input.at)
                .map_err(|e| Problem::from_coded(&e))?;
            Ok(json!(report))
        }
        "complaint.duplicates" => {
            let input: DuplicatesInput = decode(input)?;
            let suggestions =
                duplicates::suggest(catalog, &input.category, input.location, &input.existing);
            Ok(json!({"suggestions": suggestions}))
        }
        _ => Err(Problem::from_coded(&CallError::UnknownFunction {
            function: function.chars().take(64).collect(),
        })),
    }
}
