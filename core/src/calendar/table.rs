//! The holiday table: national holidays (libur nasional) and cuti bersama, from CSV.
//!
//! The shipped table is `core/data/holidays/id_holidays.csv` (sources and decrees in
//! `core/data/holidays/SOURCE.md`), embedded at compile time and parsed once. A caller can
//! parse a newer CSV of the same shape (after a new or amended SKB) with
//! [`HolidayTable::parse_csv`] without waiting for a release.

use std::sync::OnceLock;

use crate::calendar::CalendarError;
use crate::date::Date;

const EMBEDDED_CSV: &str = include_str!("../../data/holidays/id_holidays.csv");
const HEADER: &str = "date,name_id,kind";
/// Longest holiday name accepted; the decrees' longest is under 80 characters.
const MAX_NAME_CHARS: usize = 200;
/// More rows than any sane table (about 30 a year); bounds the work on hostile input.
const MAX_ROWS: usize = 10_000;

/// What kind of day off a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(crate::json_de::JsonRead)]
pub enum HolidayKind {
    /// A national public holiday (Keppres 8/2024 and the yearly SKB).
    LiburNasional,
    /// Collective leave set by the SKB; a day off for ASN only when the caller says so.
    CutiBersama,
    /// A day off declared by the regency itself (a caller option, never in the CSV).
    LiburLokal,
}

impl HolidayKind {
    /// The tag used in the CSV and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            HolidayKind::LiburNasional => "libur_nasional",
            HolidayKind::CutiBersama => "cuti_bersama",
            HolidayKind::LiburLokal => "libur_lokal",
        }
    }
}

/// One listed day off.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, crate::json_de::JsonRead,
)]
pub struct Holiday {
    /// The day, in WIB.
    pub date: Date,
    /// Indonesian name as in the decree (informative only: never match on it).
    pub name: String,
    /// Libur nasional, cuti bersama or a local day off.
    pub kind: HolidayKind,
}

/// A validated holiday table: rows sorted by date, no duplicate dates, and at least one row
/// in every year from the first to the last (a missing year means missing data, not a year
/// without holidays).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HolidayTable {
    holidays: Vec<Holiday>,
    first_year: i32,
    last_year: i32,
}

impl HolidayTable {
    /// The table shipped with this release (2024-2027), parsed on first use.
    pub fn embedded() -> &'static HolidayTable {
        static TABLE: OnceLock<HolidayTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            HolidayTable::parse_csv(EMBEDDED_CSV)
                .expect("the embedded holiday CSV is checked by tests/calendar_data.rs")
        })
    }

    /// The CSV text shipped with this release, for callers that want to show or diff it.
    pub fn embedded_csv() -> &'static str {
        EMBEDDED_CSV
    }

    /// Parses CSV text with the header `date,name_id,kind` (the shipped format). Rows may
    /// come in any order; blank lines and a trailing `\r` are ignored. Names may not contain
    /// commas or control characters (the format has no quoting).
    pub fn parse_csv(text: &str) -> Result<HolidayTable, CalendarError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.trim_end_matches('\r')))
            .filter(|(_, line)| !line.trim().is_empty());
        match lines.next() {
            Some((_, header)) if header.trim() == HEADER => {}
            _ => return Err(CalendarError::CsvBadHeader {}),
        }
        let mut holidays = Vec::new();
        for (line, row) in lines {
            if holidays.len() >= MAX_ROWS {
                return Err(CalendarError::CsvTooManyRows { max: MAX_ROWS });
            }
            let mut fields = row.split(',');
            let (Some(date), Some(name), Some(kind), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(CalendarError::CsvMalformedRow { line });
            };
            let date = Date::parse_iso(date).map_err(|_| CalendarError::CsvInvalidDate { line })?;
            let name = name.trim();
            if name.is_empty()
                || name.chars().count() > MAX_NAME_CHARS
                || name.chars().any(char::is_control)
            {
                return Err(CalendarError::CsvMalformedRow { line });
            }
            let kind = match kind.trim() {
                "libur_nasional" => HolidayKind::LiburNasional,
                "cuti_bersama" => HolidayKind::CutiBersama,
                _ => return Err(CalendarError::CsvUnknownKind { line }),
            };
            holidays.push(Holiday {
                date,
                name: name.to_owned(),
                kind,
            });
        }
        HolidayTable::from_holidays(holidays)
    }

    /// Builds a table from rows (any order). Refuses an empty list, duplicate dates and gaps
    /// of whole years.
    pub fn from_holidays(mut holidays: Vec<Holiday>) -> Result<HolidayTable, CalendarError> {
        crate::sort::sort_by(&mut holidays, |a, b| a.date.cmp(&b.date));
        for pair in holidays.windows(2) {
            if pair[0].date == pair[1].date {
                return Err(CalendarError::CsvDuplicateDate {
                    date: pair[0].date.to_string(),
                });
            }
        }
        let (Some(first), Some(last)) = (holidays.first(), holidays.last()) else {
            return Err(CalendarError::CsvEmpty {});
        };
        let (first_year, last_year) = (first.date.year(), last.date.year());
        for year in first_year..=last_year {
            if !holidays.iter().any(|holiday| holiday.date.year() == year) {
                return Err(CalendarError::CsvYearMissing { year });
            }
        }
        Ok(HolidayTable {
            holidays,
            first_year,
            last_year,
        })
    }

    /// All rows, sorted by date.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// First year covered.
    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    /// Last year covered.
    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    /// The row for `date`, if any.
    pub fn get(&self, date: Date) -> Option<&Holiday> {
        self.holidays
            .binary_search_by_key(&date, |holiday| holiday.date)
            .ok()
            .map(|index| &self.holidays[index])
    }
}
