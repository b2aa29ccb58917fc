//! The working-day calendar (hari kerja), shared by complaints (SLA deadlines) and taxes (due
//! dates).
//!
//! A working day is a Monday-Friday that is not a libur nasional, not a cuti bersama (unless
//! the caller says cuti bersama is worked) and not one of the regency's own days off. Every
//! date is a day in WIB (UTC+7), whatever the device's time zone: convert instants with
//! [`Instant::date_wib`] first.
//!
//! Counting follows "paling lambat 3 hari kerja sejak diterima": the starting day never
//! counts, so Friday + 1 working day is Monday and Saturday + 1 is Monday too.
//!
//! The holidays are data (`core/data/holidays/`, with their SKB numbers), loaded for whole
//! years; a date outside those years is an error, never a guess. A newer SKB can be loaded at
//! run time with [`HolidayTable::parse_csv`].
//!
//! ```
//! use kotacerdas_core::calendar::{CalendarOptions, WorkingCalendar};
//! use kotacerdas_core::Date;
//!
//! let calendar = WorkingCalendar::embedded(CalendarOptions::default()).unwrap();
//! let friday = Date::new(2026, 11, 27).unwrap();
//! assert_eq!(calendar.add_working_days(friday, 1).unwrap(), Date::new(2026, 11, 30).unwrap());
//! // Idul Fitri 2025: 31 Mar-1 Apr libur nasional, 2-4 and 7 Apr cuti bersama.
//! let before = Date::new(2025, 3, 27).unwrap();
//! assert_eq!(calendar.add_working_days(before, 1).unwrap(), Date::new(2025, 4, 8).unwrap());
//! ```

mod instant;
pub(crate) mod json;
mod table;

use std::borrow::Cow;
use std::sync::OnceLock;

pub use instant::{Instant, WIB_OFFSET_SECONDS};
pub use table::{Holiday, HolidayKind, HolidayTable};

use crate::date::Date;
use crate::error::coded_enum;

coded_enum! {
    /// Why a calendar could not be built or a date could not be counted.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CalendarError {
        /// The date is outside the years whose holidays are loaded.
        DateOutOfRange { date: String, first_year: i32, last_year: i32 } => "CALENDAR_DATE_OUT_OF_RANGE",
            id: "Tanggal {date} di luar tahun kalender libur yang dimuat ({first_year}-{last_year})",
            en: "Date {date} is outside the years of the loaded holiday calendar ({first_year}-{last_year})";
        /// Counting working days ran past the last loaded year.
        ResultOutOfRange { first_year: i32, last_year: i32 } => "CALENDAR_RESULT_OUT_OF_RANGE",
            id: "Hasil perhitungan hari kerja melewati tahun kalender libur yang dimuat ({first_year}-{last_year})",
            en: "The working-day count runs past the years of the loaded holiday calendar ({first_year}-{last_year})";
        /// The first line of the CSV is not `date,name_id,kind`.
        CsvBadHeader {} => "CALENDAR_CSV_BAD_HEADER",
            id: "Baris pertama CSV hari libur harus `date,name_id,kind`",
            en: "The first line of the holiday CSV must be `date,name_id,kind`";
        /// A row without exactly three fields, or with an empty or unacceptable name.
        CsvMalformedRow { line: usize } => "CALENDAR_CSV_MALFORMED_ROW",
            id: "Baris {line} CSV hari libur tidak berformat tanggal,nama,jenis yang benar",
            en: "Line {line} of the holiday CSV is not a valid date,name,kind row";
        /// The date field is not a calendar date in `YYYY-MM-DD`.
        CsvInvalidDate { line: usize } => "CALENDAR_CSV_INVALID_DATE",
            id: "Tanggal pada baris {line} CSV hari libur tidak valid (YYYY-MM-DD)",
            en: "The date on line {line} of the holiday CSV is not valid (YYYY-MM-DD)";
        /// The kind is neither `libur_nasional` nor `cuti_bersama`.
        CsvUnknownKind { line: usize } => "CALENDAR_CSV_UNKNOWN_KIND",
            id: "Jenis pada baris {line} CSV hari libur harus libur_nasional atau cuti_bersama",
            en: "The kind on line {line} of the holiday CSV must be libur_nasional or cuti_bersama";
        /// The same date appears twice.
        CsvDuplicateDate { date: String } => "CALENDAR_CSV_DUPLICATE_DATE",
            id: "Tanggal {date} muncul lebih dari sekali di CSV hari libur",
            en: "Date {date} appears more than once in the holiday CSV";
        /// No rows at all.
        CsvEmpty {} => "CALENDAR_CSV_EMPTY",
            id: "CSV hari libur tidak berisi satu baris pun",
            en: "The holiday CSV has no rows";
        /// A year between the first and the last has no row: its data is missing.
        CsvYearMissing { year: i32 } => "CALENDAR_CSV_YEAR_MISSING",
            id: "CSV hari libur tidak memuat satu pun hari libur tahun {year}",
            en: "The holiday CSV has no holiday at all in {year}";
        /// More rows than any real table has.
        CsvTooManyRows { max: usize } => "CALENDAR_CSV_TOO_MANY_ROWS",
            id: "CSV hari libur melebihi {max} baris",
            en: "The holiday CSV has more than {max} rows";
        /// A local day off outside the loaded years.
        LocalDayOutOfRange { date: String } => "CALENDAR_LOCAL_DAY_OUT_OF_RANGE",
            id: "Hari libur daerah {date} di luar tahun kalender libur yang dimuat",
            en: "Local day off {date} is outside the years of the loaded holiday calendar";
        /// Not an ISO 8601 date-time with offset, or outside the supported years.
        InvalidInstant {} => "CALENDAR_INVALID_INSTANT",
            id: "Waktu harus berformat ISO 8601 dengan zona waktu, mis. 2026-11-29T09:30:00+07:00",
            en: "A time must be ISO 8601 with an offset, e.g. 2026-11-29T09:30:00+07:00";
    }
}

/// A day off declared by the regency (e.g. Hari Jadi Kabupaten, by Keputusan Bupati).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(crate::json_de::JsonRead)]
pub struct LocalDayOff {
    /// The day, in WIB.
    pub date: Date,
    /// Indonesian name.
    pub name: String,
    /// The decision that declares it, e.g. "Keputusan Bupati Sampang No. ...".
    #[serde(default)]
    pub legal_reference: Option<String>,
}

/// How the calendar treats the listed days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
// A misspelled option must not silently fall back to the default: that would shift deadlines.
#[serde(default, deny_unknown_fields)]
#[derive(crate::json_de::JsonRead)]
pub struct CalendarOptions {
    /// Whether cuti bersama is a day off (default `true`: the Pemkab's offices follow the
    /// ASN cuti bersama; essential services may set `false`).
    pub cuti_bersama_is_day_off: bool,
    /// The regency's own days off, inside the loaded years.
    pub local_days_off: Vec<LocalDayOff>,
}

impl Default for CalendarOptions {
    fn default() -> Self {
        CalendarOptions {
            cuti_bersama_is_day_off: true,
            local_days_off: Vec::new(),
        }
    }
}

/// What a given day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A working day.
    Working,
    /// Saturday or Sunday.
    Weekend,
    /// A national holiday on a weekday.
    LiburNasional,
    /// Cuti bersama on a weekday, counted as a day off.
    CutiBersama,
    /// A local day off on a weekday.
    LiburLokal,
}

/// A holiday table plus options: answers "is this a working day" and counts working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    table: Cow<'static, HolidayTable>,
    options: CalendarOptions,
    /// Every weekday that is off under `options`, sorted, without duplicates.
    days_off: Vec<Date>,
    first_day: Date,
    last_day: Date,
}

impl WorkingCalendar {
    /// The calendar over the shipped holidays.
    pub fn embedded(options: CalendarOptions) -> Result<WorkingCalendar, CalendarError> {
        WorkingCalendar::build(Cow::Borrowed(HolidayTable::embedded()), options)
    }

    /// The calendar over the shipped holidays with default options, built once.
    pub fn embedded_default() -> &'static WorkingCalendar {
        static CALENDAR: OnceLock<WorkingCalendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            WorkingCalendar::embedded(CalendarOptions::default())
                .expect("default options have no local days off, so nothing can be out of range")
        })
    }

    /// A calendar over a caller's table (e.g. from a newer SKB).
    pub fn new(
        table: HolidayTable,
        options: CalendarOptions,
    ) -> Result<WorkingCalendar, CalendarError> {
        WorkingCalendar::build(Cow::Owned(table), options)
    }

    /// Parses CSV text (the shipped format) and builds a calendar over it.
    pub fn from_csv(
        text: &str,
        options: CalendarOptions,
    ) -> Result<WorkingCalendar, CalendarError> {
        WorkingCalendar::new(HolidayTable::parse_csv(text)?, options)
    }

    fn build(
        table: Cow<'static, HolidayTable>,
        options: CalendarOptions,
    ) -> Result<WorkingCalendar, CalendarError> {
        let first_day =
            Date::new(table.first_year(), 1, 1).map_err(|_| CalendarError::CsvYearMissing {
                year: table.first_year(),
            })?;
        let last_day =
            Date::new(table.last_year(), 12, 31).map_err(|_| CalendarError::CsvYearMissing {
                year: table.last_year(),
            })?;
        let mut days_off: Vec<Date> = table
            .holidays()
            .iter()
            .filter(|holiday| match holiday.kind {
                HolidayKind::CutiBersama => options.cuti_bersama_is_day_off,
                HolidayKind::LiburNasional | HolidayKind::LiburLokal => true,
            })
            .map(|holiday| holiday.date)
            .collect();
        for local in &options.local_days_off {
            if local.date < first_day || local.date > last_day {
                return Err(CalendarError::LocalDayOutOfRange {
                    date: local.date.to_string(),
                });
            }
            days_off.push(local.date);
        }
        days_off.retain(|date| !date.weekday().is_weekend());
        crate::sort::sort_by(&mut days_off, Ord::cmp);
        days_off.dedup();
        Ok(WorkingCalendar {
            table,
            options,
            days_off,
            first_day,
            last_day,
        })
    }

    /// The holiday table in use.
    pub fn table(&self) -> &HolidayTable {
        &self.table
    }

    /// The options in use.
    pub fn options(&self) -> &CalendarOptions {
        &self.options
    }

    /// 1 January of the first loaded year.
    pub fn first_day(&self) -> Date {
        self.first_day
    }

    /// 31 December of the last loaded year.
    pub fn last_day(&self) -> Date {
        self.last_day
    }

    fn check(&self, date: Date) -> Result<(), CalendarError> {
        if date < self.first_day || date > self.last_day {
            return Err(CalendarError::DateOutOfRange {
                date: date.to_string(),
                first_year: self.table.first_year(),
                last_year: self.table.last_year(),
            });
        }
        Ok(())
    }

    fn result_out_of_range(&self) -> CalendarError {
        CalendarError::ResultOutOfRange {
            first_year: self.table.first_year(),
            last_year: self.table.last_year(),
        }
    }

    // Callers have checked the range.
    fn is_working(&self, date: Date) -> bool {
        !date.weekday().is_weekend() && self.days_off.binary_search(&date).is_err()
    }

    /// What `date` is: a working day, a weekend, or which kind of day off.
    pub fn day_kind(&self, date: Date) -> Result<DayKind, CalendarError> {
        self.check(date)?;
        if date.weekday().is_weekend() {
            return Ok(DayKind::Weekend);
        }
        if self.is_working(date) {
            return Ok(DayKind::Working);
        }
        // A local day off that is also national reports the national kind.
        Ok(match self.table.get(date).map(|holiday| holiday.kind) {
            Some(HolidayKind::LiburNasional) => DayKind::LiburNasional,
            Some(HolidayKind::CutiBersama) => DayKind::CutiBersama,
            Some(HolidayKind::LiburLokal) | None => DayKind::LiburLokal,
        })
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        self.check(date)?;
        Ok(self.is_working(date))
    }

    /// The first working day strictly after `date` (same as `add_working_days(date, 1)`).
    pub fn next_working_day(&self, date: Date) -> Result<Date, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// The date `n` working days after `date`; the starting day never counts, whatever it
    /// is. `n = 0` gives `date` itself.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, CalendarError> {
        self.check(date)?;
        let mut current = date;
        let mut remaining = n;
        while remaining > 0 {
            if current >= self.last_day {
                return Err(self.result_out_of_range());
            }
            current = current
                .add_days(1)
                .map_err(|_| self.result_out_of_range())?;
            if self.is_working(current) {
                remaining -= 1;
            }
        }
        Ok(current)
    }

    /// The number of working days `d` with `start < d <= end`, so that
    /// `working_days_between(d, add_working_days(d, n)) == n`. Negative when `end` is before
    /// `start`.
    pub fn working_days_between(&self, start: Date, end: Date) -> Result<i64, CalendarError> {
        self.check(start)?;
        self.check(end)?;
        let (low, high, sign) = if start <= end {
            (start, end, 1)
        } else {
            (end, start, -1)
        };
        let days = i64::from(high.days_since_epoch() - low.days_since_epoch());
        // Weekdays in (low, high], then minus the days off in that span.
        let full_weeks = days / 7;
        let mut weekdays = full_weeks * 5;
        let low_index = i64::from(low.days_since_epoch());
        for offset in full_weeks * 7 + 1..=days {
            // 1970-01-01 was a Thursday: index 0 Thursday ... 2 Saturday, 3 Sunday.
            let weekday = (low_index + offset).rem_euclid(7);
            if weekday != 2 && weekday != 3 {
                weekdays += 1;
            }
        }
        let off_from = self.days_off.partition_point(|day| *day <= low);
        let off_to = self.days_off.partition_point(|day| *day <= high);
        let off = (off_to - off_from) as i64;
        Ok(sign * (weekdays - off))
    }
}

/// `n` working days after `date` on the shipped calendar with default options.
pub fn add_working_days(date: Date, n: u32) -> Result<Date, CalendarError> {
    WorkingCalendar::embedded_default().add_working_days(date, n)
}

/// Working days in `(start, end]` on the shipped calendar with default options.
pub fn working_days_between(start: Date, end: Date) -> Result<i64, CalendarError> {
    WorkingCalendar::embedded_default().working_days_between(start, end)
}

/// Whether `date` is a working day on the shipped calendar with default options.
pub fn is_working_day(date: Date) -> Result<bool, CalendarError> {
    WorkingCalendar::embedded_default().is_working_day(date)
}

/// The first working day after `date` on the shipped calendar with default options.
pub fn next_working_day(date: Date) -> Result<Date, CalendarError> {
    WorkingCalendar::embedded_default().next_working_day(date)
}
