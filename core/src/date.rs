//! A proleptic Gregorian calendar date without time zone, and "today" in WIB.
//!
//! The core needs only whole days (birth dates, due dates, holidays), so it carries its own
//! small date type instead of a date-time library. Every date the SDK talks about is a day in
//! WIB (UTC+7), Sampang's time zone, whatever the device's time zone is.

use std::fmt;
use std::str::FromStr;

use crate::error::coded_enum;

coded_enum! {
    /// Why a date was refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum DateError {
        /// Not `YYYY-MM-DD`.
        InvalidFormat {} => "DATE_INVALID_FORMAT",
            id: "Tanggal harus berformat YYYY-MM-DD",
            en: "Date must have the form YYYY-MM-DD";
        /// A month or day that does not exist (e.g. 2023-02-29).
        NotACalendarDate { year: i32, month: u32, day: u32 } => "DATE_NOT_A_CALENDAR_DATE",
            id: "Tanggal {year:04}-{month:02}-{day:02} tidak ada di kalender",
            en: "{year:04}-{month:02}-{day:02} is not a calendar date";
        /// Outside the years 1800-9999 that the SDK supports.
        OutOfRange { year: i32 } => "DATE_OUT_OF_RANGE",
            id: "Tahun {year} di luar rentang yang didukung (1800-9999)",
            en: "Year {year} is outside the supported range (1800-9999)";
    }
}

/// The years the SDK accepts. Birth dates before 1800 do not occur in NIKs; the upper bound
/// keeps day arithmetic far from overflow.
const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 9999;

/// A calendar date (day precision), valid by construction.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order gives the derived Ord chronological order.
    year: i16,
    month: u8,
    day: u8,
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Saturday or Sunday (Indonesia's civil service works a five-day week).
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// True for Gregorian leap years.
#[inline(always)]
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (month 1-12).
#[inline(always)]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, refusing ones that do not exist.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::OutOfRange { year });
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NotACalendarDate { year, month, day });
        }
        // The range checks above make these conversions lossless.
        Ok(Date {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Builds a date the caller has already checked (year in range, day within the month):
    /// the NIK fast path checks with integers first and should not pay for the check twice.
    pub(crate) fn from_checked_parts(year: i32, month: u32, day: u32) -> Date {
        debug_assert!(Date::new(year, month, day).is_ok());
        Date {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bytes = text.trim().as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::InvalidFormat {});
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            bytes[range].iter().try_fold(0u32, |acc, &b| {
                if b.is_ascii_digit() {
                    Ok(acc * 10 + u32::from(b - b'0'))
                } else {
                    Err(DateError::InvalidFormat {})
                }
            })
        };
        // A four-digit year always fits an i32.
        Date::new(number(0..4)? as i32, number(5..7)?, number(8..10)?)
    }

    /// The year.
    #[inline]
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1-12.
    #[inline]
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1-31.
    #[inline]
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i32 {
        let (month, day) = (self.month() as i32, self.day() as i32);
        let year = self.year() - i32::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01. Inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i32) -> Result<Date, DateError> {
        let z = i64::from(days) + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).map_err(|_| DateError::OutOfRange { year: i32::MAX })?;
        Date::new(year, month as u32, day as u32)
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i32) -> Result<Date, DateError> {
        let target = self
            .days_since_epoch()
            .checked_add(days)
            .ok_or(DateError::OutOfRange { year: self.year() })?;
        Date::from_days_since_epoch(target)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const ORDER: [Weekday; 7] = [
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        ORDER[self.days_since_epoch().rem_euclid(7) as usize]
    }

    /// Today's date in WIB (UTC+7), from the system clock.
    ///
    /// Not available on `wasm32-unknown-unknown`, where `std` has no clock: the wasm facade
    /// passes the JavaScript date instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_wib() -> Date {
        const WIB_OFFSET_SECONDS: i64 = 7 * 3600;
        let unix_seconds = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)
        {
            Ok(elapsed) => elapsed.as_secs() as i64,
            // A clock before 1970 is broken; fall back to the epoch rather than fail.
            Err(_) => 0,
        };
        let days = (unix_seconds + WIB_OFFSET_SECONDS).div_euclid(86_400);
        let fallback = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        i32::try_from(days)
            .ok()
            .and_then(|days| Date::from_days_since_epoch(days).ok())
            .unwrap_or(fallback)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse_iso(text)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

impl crate::json_de::JsonRead for Date {
    fn read(
        value: &serde_json::Value,
        _at: crate::json_de::At<'_>,
    ) -> Result<Date, serde_json::Error> {
        let text = crate::json_de::string(value)?;
        Date::parse_iso(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_over_four_centuries() {
        let start = Date::new(1900, 1, 1).unwrap().days_since_epoch();
        let end = Date::new(2300, 12, 31).unwrap().days_since_epoch();
        let mut previous: Option<Date> = None;
        for days in start..=end {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
            if let Some(previous) = previous {
                assert!(previous < date);
            }
            previous = Some(date);
        }
    }

    #[test]
    fn known_weekdays() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::new(2026, 11, 29).unwrap().weekday(), Weekday::Sunday);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
    }

    #[test]
    fn leap_years() {
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2024, 2, 29).is_ok());
        assert_eq!(
            Date::new(1900, 2, 29),
            Err(DateError::NotACalendarDate {
                year: 1900,
                month: 2,
                day: 29
            })
        );
        assert!(Date::new(2023, 2, 29).is_err());
    }

    #[test]
    fn iso_parsing() {
        assert_eq!(
            Date::parse_iso("2025-04-21").unwrap().to_string(),
            "2025-04-21"
        );
        assert_eq!(
            Date::parse_iso("2025-4-21"),
            Err(DateError::InvalidFormat {})
        );
        assert_eq!(
            Date::parse_iso("2025-04-3x"),
            Err(DateError::InvalidFormat {})
        );
        assert!(matches!(
            Date::parse_iso("2025-13-01"),
            Err(DateError::NotACalendarDate { .. })
        ));
        assert_eq!(
            Date::parse_iso("0999-01-01"),
            Err(DateError::OutOfRange { year: 999 })
        );
    }

    #[test]
    fn today_is_plausible() {
        assert!(Date::today_wib().year() >= 2024);
    }
}
