//! A point in time, for event times and SLA checks.
//!
//! Complaint events need more than a day: "received at 16:55 on Friday" and "overdue since
//! 08:00" are instants. The core keeps them as whole seconds since the Unix epoch (UTC), which
//! every channel can represent exactly, and shows them in WIB (`+07:00`), Sampang's time zone.

use std::fmt;

use crate::calendar::CalendarError;
use crate::date::Date;

/// Offset of WIB (Asia/Jakarta) from UTC. Indonesia has no daylight saving time.
pub const WIB_OFFSET_SECONDS: i64 = 7 * 3600;

const SECONDS_PER_DAY: i64 = 86_400;

/// An instant: whole seconds since 1970-01-01T00:00:00Z.
///
/// Serialised as ISO 8601 in WIB, e.g. `2026-11-29T09:30:00+07:00`; parsed from ISO 8601
/// with any offset (`Z`, `+07:00`, `+0800`, ...), so a device in WITA or UTC is read correctly.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    unix_seconds: i64,
}

impl Instant {
    /// The instant `unix_seconds` after the epoch.
    pub fn from_unix_seconds(unix_seconds: i64) -> Instant {
        Instant { unix_seconds }
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.unix_seconds
    }

    /// The instant at `hour:minute:second` WIB on `date`.
    pub fn at_wib(
        date: Date,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Result<Instant, CalendarError> {
        if hour > 23 || minute > 59 || second > 59 {
            return Err(CalendarError::InvalidInstant {});
        }
        let local = i64::from(date.days_since_epoch()) * SECONDS_PER_DAY
            + i64::from(hour * 3600 + minute * 60 + second);
        Ok(Instant {
            unix_seconds: local - WIB_OFFSET_SECONDS,
        })
    }

    /// Midnight WIB at the start of `date`.
    pub fn start_of_day_wib(date: Date) -> Instant {
        let local = i64::from(date.days_since_epoch()) * SECONDS_PER_DAY;
        Instant {
            unix_seconds: local - WIB_OFFSET_SECONDS,
        }
    }

    /// The calendar day in WIB that contains this instant.
    pub fn date_wib(self) -> Result<Date, CalendarError> {
        let days = self
            .unix_seconds
            .saturating_add(WIB_OFFSET_SECONDS)
            .div_euclid(SECONDS_PER_DAY);
        i32::try_from(days)
            .ok()
            .and_then(|days| Date::from_days_since_epoch(days).ok())
            .ok_or(CalendarError::InvalidInstant {})
    }

    /// The instant `seconds` later (earlier when negative), saturating at the ends of `i64`.
    pub fn plus_seconds(self, seconds: i64) -> Instant {
        Instant {
            unix_seconds: self.unix_seconds.saturating_add(seconds),
        }
    }

    /// Seconds from `self` to `later` (negative if `later` is earlier).
    pub fn seconds_until(self, later: Instant) -> i64 {
        later.unix_seconds.saturating_sub(self.unix_seconds)
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM:SS` (optional fraction, ignored) with a mandatory
    /// offset: `Z`, `+HH:MM` or `+HHMM`. A time without offset is refused: on a phone set to
    /// another zone it would silently shift by hours.
    pub fn parse_iso(text: &str) -> Result<Instant, CalendarError> {
        let invalid = CalendarError::InvalidInstant {};
        let text = text.trim();
        if !text.is_ascii() || text.len() < 20 || text.len() > 40 {
            return Err(invalid);
        }
        let date = Date::parse_iso(&text[..10]).map_err(|_| CalendarError::InvalidInstant {})?;
        let bytes = text.as_bytes();
        if !matches!(bytes[10], b'T' | b't' | b' ') || bytes[13] != b':' || bytes[16] != b':' {
            return Err(invalid);
        }
        let two = |at: usize| -> Result<u32, CalendarError> {
            match (bytes.get(at), bytes.get(at + 1)) {
                (Some(a), Some(b)) if a.is_ascii_digit() && b.is_ascii_digit() => {
                    Ok(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
                }
                _ => Err(CalendarError::InvalidInstant {}),
            }
        };
        let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
        let mut rest = &text[19..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(invalid);
            }
            rest = &fraction[digits..];
        }
        let offset_seconds = match rest.as_bytes() {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), ..] => {
                let body = &rest[1..];
                let (h, m) = match body.len() {
                    5 if body.as_bytes()[2] == b':' => (&body[..2], &body[3..]),
                    4 => (&body[..2], &body[2..]),
                    _ => return Err(invalid),
                };
                let parse = |part: &str| {
                    part.parse::<u32>()
                        .map_err(|_| CalendarError::InvalidInstant {})
                };
                let (h, m) = (parse(h)?, parse(m)?);
                if h > 14 || m > 59 {
                    return Err(invalid);
                }
                let magnitude = i64::from(h * 3600 + m * 60);
                if *sign == b'-' { -magnitude } else { magnitude }
            }
            _ => return Err(invalid),
        };
        if hour > 23 || minute > 59 || second > 60 {
            return Err(invalid);
        }
        // A leap second is read as the last second of the minute.
        let second = second.min(59);
        let local = i64::from(date.days_since_epoch()) * SECONDS_PER_DAY
            + i64::from(hour * 3600 + minute * 60 + second);
        Ok(Instant {
            unix_seconds: local - offset_seconds,
        })
    }
}

impl fmt::Display for Instant {
    /// ISO 8601 in WIB: `2026-11-29T09:30:00+07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.unix_seconds.saturating_add(WIB_OFFSET_SECONDS);
        let seconds_of_day = local.rem_euclid(SECONDS_PER_DAY);
        match self.date_wib() {
            Ok(date) => write!(
                f,
                "{date}T{:02}:{:02}:{:02}+07:00",
                seconds_of_day / 3600,
                seconds_of_day % 3600 / 60,
                seconds_of_day % 60
            ),
            // Outside the years the Date type supports: still show something exact.
            Err(_) => write!(f, "@{}", self.unix_seconds),
        }
    }
}

impl fmt::Debug for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Instant({self})")
    }
}

impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Instant {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Instant, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Instant::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

impl crate::json_de::JsonRead for Instant {
    fn read(
        value: &serde_json::Value,
        _at: crate::json_de::At<'_>,
    ) -> Result<Instant, serde_json::Error> {
        Instant::parse_iso(crate::json_de::string(value)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn wib_round_trip() {
        let instant = Instant::parse_iso("2026-11-29T09:30:05+07:00").unwrap();
        assert_eq!(instant.to_string(), "2026-11-29T09:30:05+07:00");
        assert_eq!(Instant::parse_iso("2026-11-29T02:30:05Z").unwrap(), instant);
        assert_eq!(
            Instant::parse_iso("2026-11-29T10:30:05.123+0800").unwrap(),
            instant
        );
        let date = Date::new(2026, 11, 29).unwrap();
        assert_eq!(Instant::at_wib(date, 9, 30, 5).unwrap(), instant);
    }

    #[test]
    fn wib_day_boundary() {
        // 17:30 UTC on the 28th is already the 29th in Sampang.
        let instant = Instant::parse_iso("2026-11-28T17:30:00Z").unwrap();
        assert_eq!(
            instant.date_wib().unwrap(),
            Date::new(2026, 11, 29).unwrap()
        );
        let before = Instant::parse_iso("2026-11-28T16:59:59Z").unwrap();
        assert_eq!(before.date_wib().unwrap(), Date::new(2026, 11, 28).unwrap());
    }

    #[test]
    fn refuses_bad_text() {
        for text in [
            "",
            "2026-11-29",
            "2026-11-29T09:30:00",
            "2026-11-29T24:00:00Z",
            "2026-11-29T09:30:00+15:00",
            "2026-11-29T09:30:00+07",
            "2026-11-29T09:30:00.Z",
            "2026-11-29T09:3a:00Z",
            "2026-11-29T09:30:00Z\u{0}",
            "2026-11-29T09:30:00+07:00+07:00",
        ] {
            assert!(Instant::parse_iso(text).is_err(), "{text:?}");
        }
        let long = "9".repeat(1_000_000);
        assert!(Instant::parse_iso(&long).is_err());
        // Extreme instants have no WIB date but never panic.
        for extreme in [i64::MIN, i64::MAX] {
            let instant = Instant::from_unix_seconds(extreme);
            assert!(instant.date_wib().is_err());
            assert!(instant.to_string().starts_with('@'));
            assert_eq!(instant.plus_seconds(extreme).unix_seconds(), extreme);
        }
    }
}
