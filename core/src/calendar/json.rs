//! `calendar.*` functions of [`crate::json_api`]: JSON in, JSON out.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::calendar::{CalendarOptions, WorkingCalendar};
use crate::date::Date;
use crate::error::Problem;
use crate::json_api::{CallError, decode};
use crate::json_de::JsonRead;

/// The calendar part of every input: options and, optionally, a replacement holiday CSV.
#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead, Default)]
#[serde(deny_unknown_fields)]
struct CalendarInput {
    #[serde(default)]
    options: Option<CalendarOptions>,
    /// A holiday CSV (`date,name_id,kind`) replacing the shipped one.
    #[serde(default)]
    holidays_csv: Option<String>,
}

impl CalendarInput {
    fn build(self) -> Result<WorkingCalendar, Problem> {
        let options = self.options.unwrap_or_default();
        let calendar = match self.holidays_csv {
            Some(csv) => WorkingCalendar::from_csv(&csv, options),
            None => WorkingCalendar::embedded(options),
        };
        calendar.map_err(|e| Problem::from_coded(&e))
    }
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct AddInput {
    date: Date,
    n: u32,
    #[serde(default)]
    calendar: CalendarInput,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct BetweenInput {
    start: Date,
    end: Date,
    #[serde(default)]
    calendar: CalendarInput,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
struct DayInput {
    date: Date,
    #[serde(default)]
    calendar: CalendarInput,
}

/// Calls a `calendar.*` function.
pub(crate) fn call(function: &str, input: &Value) -> Result<Value, Problem> {
    let coded = |e: super::CalendarError| Problem::from_coded(&e);
    match function {
        "calendar.add_working_days" => {
            let input: AddInput = decode(input)?;
            let result = input
                .calendar
                .build()?
                .add_working_days(input.date, input.n)
                .map_err(coded)?;
            Ok(json!({"date": result, "weekday": result.weekday()}))
        }
        "calendar.working_days_between" => {
            let input: BetweenInput = decode(input)?;
            let days = input
                .calendar
                .build()?
                .working_days_between(input.start, input.end)
                .map_err(coded)?;
            Ok(json!({"working_days": days}))
        }
        "calendar.is_working_day" => {
            let input: DayInput = decode(input)?;
            let kind = input
                .calendar
                .build()?
                .day_kind(input.date)
                .map_err(coded)?;
            Ok(json!({"working_day": kind == super::DayKind::Working, "kind": kind}))
        }
        "calendar.next_working_day" => {
            let input: DayInput = decode(input)?;
            let result = input
                .calendar
                .build()?
                .next_working_day(input.date)
                .map_err(coded)?;
            Ok(json!({"date": result, "weekday": result.weekday()}))
        }
        _ => Err(Problem::from_coded(&CallError::UnknownFunction {
            function: function.chars().take(64).collect(),
        })),
    }
}
