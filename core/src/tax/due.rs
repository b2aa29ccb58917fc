//! Due dates and month counting.
//!
//! Month-based periods (SPPT 6 months after it was sent, SKPD 1 month, objection 3 months)
//! need only the calendar date; when the target month is shorter, the period ends on its last
//! day (31 August + 6 months = 28/29 February). Self-assessed taxes are due a number of
//! working days after the tax period ends, counted with the shared
//! [`WorkingCalendar`](crate::calendar::WorkingCalendar) (the period's last day never counts).

use serde::{Deserialize, Serialize};

use super::TaxError;
use super::rules::{RuleSet, Sourced};
use crate::calendar::{CalendarError, WorkingCalendar};
use crate::date::{Date, days_in_month};
use crate::error::{Coded, Lang};
use crate::json_de::JsonRead;

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: Date, months: u32) -> Result<Date, TaxError> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).map_err(|_| TaxError::DateOutOfRange {})?;
    // rem_euclid(12) is in 0..12, so the month fits.
    let month = index.rem_euclid(12) as u32 + 1;
    let day = date.day().min(days_in_month(year, month));
    Date::new(year, month, day).map_err(|_| TaxError::DateOutOfRange {})
}

/// Months from `from` to `to`, a started month counting as a full month (PP 35/2023 Pasal
/// 59(7): "bagian dari bulan dihitung satu bulan"); zero when `to` is not after `from`.
///
/// The count is the smallest `n` with `from + n months >= to`; one day late is one month.
pub fn months_started(from: Date, to: Date) -> Result<u32, TaxError> {
    if to <= from {
        return Ok(0);
    }
    // Start from the whole-month difference, which is at most one short of the answer.
    let whole = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let mut months = u32::try_from(whole.max(0))
        .map_err(|_| TaxError::DateOutOfRange {})?
        .saturating_sub(1);
    while add_months(from, months)? < to {
        months += 1;
    }
    Ok(months)
}

/// The document whose due date is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueDocument {
    /// SPPT PBB-P2: from the date it was sent.
    Sppt,
    /// SKPD (official assessment): from its issue date.
    Skpd,
    /// Objection against an assessment: from the assessment's date.
    Objection,
}

/// Unit of a due-date period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Calendar months.
    Months,
    /// Working days (hari kerja) of the shared calendar.
    WorkingDays,
}

/// A due date with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueDate {
    /// Last day to pay (or to file).
    pub date: Date,
    /// Length of the period.
    pub period: u32,
    /// Unit of the period.
    pub unit: PeriodUnit,
    /// Legal reference of the period.
    pub legal_reference: String,
}

/// Due date of a month-based document.
pub fn due_date(document: DueDocument, from: Date, rules: &RuleSet) -> Result<DueDate, TaxError> {
    let period: &Sourced<u32> = match document {
        DueDocument::Sppt => &rules.due_dates.sppt_months,
        DueDocument::Skpd => &rules.due_dates.skpd_months,
        DueDocument::Objection => &rules.due_dates.objection_months,
    };
    Ok(DueDate {
        date: add_months(from, period.value)?,
        period: period.value,
        unit: PeriodUnit::Months,
        legal_reference: period.reference.clone(),
    })
}

/// The last day of a monthly tax period (masa pajak).
pub fn tax_period_end(year: i32, month: u32) -> Result<Date, TaxError> {
    Date::new(year, month, days_in_month(year, month)).map_err(|_| TaxError::InvalidInput {
        path: "tax_period".to_owned(),
        reason: "not a month of the supported years".to_owned(),
    })
}

/// Due dates of a self-assessed tax (PBJT, reklame by return, air tanah, MBLB, walet, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfAssessedDue {
    /// Last day of the tax period.
    pub period_end: Date,
    /// Last day to pay.
    pub payment: DueDate,
    /// Last day to file the return (SPTPD).
    pub tax_return: DueDate,
}

fn calendar_error(error: CalendarError) -> TaxError {
    TaxError::WorkingDaysUnavailable {
        calendar_code: error.code().to_owned(),
        detail_id: error.message(Lang::Id),
        detail_en: error.message(Lang::En),
    }
}

/// Payment and return due dates of a self-assessed tax whose period ends on `period_end`.
pub fn self_assessed_due(
    period_end: Date,
    rules: &RuleSet,
    calendar: &WorkingCalendar,
) -> Result<SelfAssessedDue, TaxError> {
    let after = |period: &Sourced<u32>| -> Result<DueDate, TaxError> {
        Ok(DueDate {
            date: calendar
                .add_working_days(period_end, period.value)
                .map_err(calendar_error)?,
            period: period.value,
            unit: PeriodUnit::WorkingDays,
            legal_reference: period.reference.clone(),
        })
    };
    Ok(SelfAssessedDue {
        period_end,
        payment: after(&rules.due_dates.self_assessed_payment_working_days)?,
        tax_return: after(&rules.due_dates.self_assessed_return_working_days)?,
    })
}

/// Which due dates to compute, for JSON callers (CLI, conformance runner, bindings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// SPPT PBB-P2; `from` is the date it was sent.
    Sppt,
    /// SKPD; `from` is its issue date.
    Skpd,
    /// Objection; `from` is the assessment's date.
    Objection,
    /// Self-assessed tax; `from` is the last day of the tax period.
    SelfAssessed,
}

/// Input of [`due_dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct DueInput {
    /// The document.
    pub document: DueKind,
    /// The date the period runs from (see [`DueKind`]).
    pub from: Date,
}

/// One named due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedDueDate {
    /// What is due: `payment`, `tax_return` or `objection`.
    pub name: &'static str,
    /// The due date and its basis.
    #[serde(flatten)]
    pub due: DueDate,
}

/// Every due date of a document: payment for SPPT and SKPD, the last day to object, or payment
/// and return for a self-assessed tax.
pub fn due_dates(
    input: &DueInput,
    rules: &RuleSet,
    calendar: &WorkingCalendar,
) -> Result<Vec<NamedDueDate>, TaxError> {
    let named = |name, document| -> Result<NamedDueDate, TaxError> {
        Ok(NamedDueDate {
            name,
            due: due_date(document, input.from, rules)?,
        })
    };
    Ok(match input.document {
        DueKind::Sppt => vec![named("payment", DueDocument::Sppt)?],
        DueKind::Skpd => vec![named("payment", DueDocument::Skpd)?],
        DueKind::Objection => vec![named("objection", DueDocument::Objection)?],
        DueKind::SelfAssessed => {
            let due = self_assessed_due(input.from, rules, calendar)?;
            vec![
                NamedDueDate {
                    name: "payment",
                    due: due.payment,
                },
                NamedDueDate {
                    name: "tax_return",
                    due: due.tax_return,
                },
            ]
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).expect("test date")
    }

    #[test]
    fn adding_months_clamps_to_month_end() {
        assert_eq!(add_months(d("2025-08-31"), 6), Ok(d("2026-02-28")));
        assert_eq!(add_months(d("2023-08-31"), 6), Ok(d("2024-02-29")));
        assert_eq!(add_months(d("2025-11-15"), 3), Ok(d("2026-02-15")));
        assert_eq!(add_months(d("2025-01-31"), 0), Ok(d("2025-01-31")));
    }

    #[test]
    fn partial_months_count_as_full_months() {
        let due = d("2025-01-10");
        assert_eq!(months_started(due, d("2025-01-10")), Ok(0));
        assert_eq!(months_started(due, d("2025-01-09")), Ok(0));
        assert_eq!(months_started(due, d("2025-01-11")), Ok(1));
        assert_eq!(months_started(due, d("2025-02-10")), Ok(1));
        assert_eq!(months_started(due, d("2025-02-11")), Ok(2));
        assert_eq!(months_started(d("2025-01-31"), d("2025-02-28")), Ok(1));
        assert_eq!(months_started(d("2025-01-31"), d("2025-03-01")), Ok(2));
        assert_eq!(months_started(d("2025-01-31"), d("2025-04-21")), Ok(3));
        assert_eq!(months_started(due, d("2027-01-10")), Ok(24));
        assert_eq!(months_started(due, d("2027-01-11")), Ok(25));
    }
}
