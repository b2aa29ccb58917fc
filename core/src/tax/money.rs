//! Exact decimal arithmetic for tax amounts and rates.
//!
//! No binary floating point anywhere: a [`Decimal`] is an `i128` count of `10^-scale` units, so
//! `0.09%` of Rp1,234,567 is held exactly and rounded to whole rupiah once, at the end of the
//! document ([`Rounding`]). Every operation is checked: overflow is an error, never a wrap.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json_de::{At, unexpected};

use super::TaxError;
use crate::json_de::JsonRead;

/// Most decimal places a value may carry. Every rate in the law has at most 4 decimals of a
/// percent (6 of a fraction); a document multiplies a few of them, so 24 leaves ample room
/// while keeping `10^scale` far inside `i128`.
const MAX_SCALE: u32 = 24;

/// An exact decimal number: `units / 10^scale`.
///
/// Serialized as a string (`"8400"`, `"1234.5"`) so no channel turns it into a float.
#[derive(Clone, Copy)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

fn pow10(exponent: u32) -> Result<i128, TaxError> {
    10i128.checked_pow(exponent).ok_or(TaxError::Overflow {})
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// A whole number (e.g. rupiah or square metres).
    pub fn from_int(value: i64) -> Decimal {
        Decimal {
            units: i128::from(value),
            scale: 0,
        }
    }

    /// `units / 10^scale`.
    pub fn new(units: i128, scale: u32) -> Result<Decimal, TaxError> {
        if scale > MAX_SCALE {
            return Err(TaxError::Overflow {});
        }
        Ok(Decimal { units, scale }.normalized())
    }

    /// Drops trailing zero decimals so scales stay small across long calculations.
    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// Both values brought to the larger scale.
    fn aligned(self, other: Decimal) -> Result<(i128, i128, u32), TaxError> {
        let scale = self.scale.max(other.scale);
        let lift = |value: Decimal| -> Result<i128, TaxError> {
            value
                .units
                .checked_mul(pow10(scale - value.scale)?)
                .ok_or(TaxError::Overflow {})
        };
        Ok((lift(self)?, lift(other)?, scale))
    }

    /// `self + other`, or [`TaxError::Overflow`].
    pub fn checked_add(self, other: Decimal) -> Result<Decimal, TaxError> {
        let (a, b, scale) = self.aligned(other)?;
        Decimal::new(a.checked_add(b).ok_or(TaxError::Overflow {})?, scale)
    }

    /// `self - other`, or [`TaxError::Overflow`].
    pub fn checked_sub(self, other: Decimal) -> Result<Decimal, TaxError> {
        let (a, b, scale) = self.aligned(other)?;
        Decimal::new(a.checked_sub(b).ok_or(TaxError::Overflow {})?, scale)
    }

    /// `self * other`, or [`TaxError::Overflow`].
    pub fn checked_mul(self, other: Decimal) -> Result<Decimal, TaxError> {
        let units = self
            .units
            .checked_mul(other.units)
            .ok_or(TaxError::Overflow {})?;
        Decimal::new(units, self.scale + other.scale)
    }

    /// `self * rate`.
    pub fn times(self, rate: Rate) -> Result<Decimal, TaxError> {
        self.checked_mul(rate.0)
    }

    /// Exact comparison (errors only if aligning the scales overflows).
    pub fn compare(self, other: Decimal) -> Result<Ordering, TaxError> {
        let (a, b, _) = self.aligned(other)?;
        Ok(a.cmp(&b))
    }

    /// The larger of two values.
    pub fn max(self, other: Decimal) -> Result<Decimal, TaxError> {
        Ok(match self.compare(other)? {
            Ordering::Less => other,
            _ => self,
        })
    }

    /// True below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// True if exactly zero.
    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// The value as a whole number, if it has no fraction and fits an `i64`.
    pub fn to_whole(self) -> Option<i64> {
        let normalized = self.normalized();
        if normalized.scale != 0 {
            return None;
        }
        i64::try_from(normalized.units).ok()
    }

    /// Rounds to a multiple of `rounding.unit` rupiah with `rounding.mode`.
    pub fn round(self, rounding: Rounding) -> Result<i64, TaxError> {
        if rounding.unit <= 0 {
            return Err(TaxError::InvalidRuleSet {
                field: "rounding.unit".to_owned(),
                reason: "must be a positive number of rupiah".to_owned(),
            });
        }
        let divisor = pow10(self.scale)?
            .checked_mul(i128::from(rounding.unit))
            .ok_or(TaxError::Overflow {})?;
        let quotient = self.units / divisor;
        let remainder = self.units % divisor;
        let away_from_zero = if self.units < 0 { -1 } else { 1 };
        // Compare 2*|remainder| with the divisor to decide halves without a fraction.
        let twice = remainder
            .abs()
            .checked_mul(2)
            .ok_or(TaxError::Overflow {})?;
        let bump = match rounding.mode {
            _ if remainder == 0 => false,
            RoundingMode::Down => false,
            RoundingMode::Up => true,
            RoundingMode::HalfUp => twice >= divisor,
            RoundingMode::HalfEven => twice > divisor || (twice == divisor && quotient % 2 != 0),
        };
        let units = if bump {
            quotient + away_from_zero
        } else {
            quotient
        };
        let rupiah = units
            .checked_mul(i128::from(rounding.unit))
            .ok_or(TaxError::Overflow {})?;
        i64::try_from(rupiah).map_err(|_| TaxError::Overflow {})
    }

    /// Parses `123`, `-4.5`, `0.0009` (no exponent, no thousands separators).
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || (digits.contains('.') && fraction.is_empty())
        {
            return None;
        }
        let scale = u32::try_from(fraction.len()).ok()?;
        let mut units: i128 = 0;
        for byte in whole.bytes().chain(fraction.bytes()) {
            units = units
                .checked_mul(10)?
                .checked_add(i128::from(byte - b'0'))?;
        }
        Decimal::new(if negative { -units } else { units }, scale).ok()
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        a.units == b.units && a.scale == b.scale
    }
}

impl Eq for Decimal {}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.normalized();
        let sign = if value.units < 0 { "-" } else { "" };
        let digits = value.units.unsigned_abs().to_string();
        let scale = value.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// What a decimal is read from (serde's `expected ...` in an error).
const DECIMAL_EXPECTING: &str = "an integer or a decimal string such as \"12.5\"";

/// Accepts a JSON integer or a decimal string; refuses JSON floats, which are inexact.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(DECIMAL_EXPECTING)
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
                Ok(Decimal {
                    units: i128::from(value),
                    scale: 0,
                })
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
                Decimal::parse(text).ok_or_else(|| E::custom("not a decimal number"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// As the `Deserialize` impl above (its messages).
impl crate::json_de::JsonRead for Decimal {
    fn read(value: &Value, _at: At<'_>) -> Result<Decimal, serde_json::Error> {
        use serde::de::Error as _;
        match value {
            Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(unsigned), _) => Ok(Decimal {
                    units: i128::from(unsigned),
                    scale: 0,
                }),
                (None, Some(signed)) => Ok(Decimal::from_int(signed)),
                (None, None) => Err(serde_json::Error::invalid_type(
                    unexpected(value),
                    &DECIMAL_EXPECTING,
                )),
            },
            Value::String(text) => Decimal::parse(text)
                .ok_or_else(|| serde_json::Error::custom("not a decimal number")),
            other => Err(serde_json::Error::invalid_type(
                unexpected(other),
                &DECIMAL_EXPECTING,
            )),
        }
    }
}

/// An exact rate, written as a percent string: `"0.09%"`, `"66%"`, `"2.2%"`.
///
/// The `%` is required so that `"0.1"` can never be misread as 10% or 0.1%.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Rate(Decimal);

impl Rate {
    /// 0%.
    pub const ZERO: Rate = Rate(Decimal::ZERO);
    /// 100%.
    pub const HUNDRED_PERCENT: Rate = Rate(Decimal { units: 1, scale: 0 });

    /// Parses `"<decimal>%"`; refuses negative rates, which no tax rule has.
    pub fn parse_percent(text: &str) -> Option<Rate> {
        let percent = Decimal::parse(text.trim().strip_suffix('%')?.trim_end())?;
        if percent.is_negative() {
            return None;
        }
        Rate::from_percent(percent).ok()
    }

    /// A rate from its percent value (`2.2` -> 2.2%).
    pub fn from_percent(percent: Decimal) -> Result<Rate, TaxError> {
        Ok(Rate(Decimal::new(percent.units, percent.scale + 2)?))
    }

    /// The rate as a fraction (2.2% -> 0.022).
    pub fn fraction(self) -> Decimal {
        self.0
    }

    /// Exact comparison.
    pub fn compare(self, other: Rate) -> Result<Ordering, TaxError> {
        self.0.compare(other.0)
    }

    /// `n * self` (e.g. months x monthly rate), exact.
    pub fn times_count(self, count: u32) -> Result<Rate, TaxError> {
        Ok(Rate(
            self.0.checked_mul(Decimal::from_int(i64::from(count)))?,
        ))
    }

    /// `1 - self` (a reduction expressed as the share kept).
    pub fn complement(self) -> Result<Rate, TaxError> {
        Ok(Rate(Decimal::from_int(1).checked_sub(self.0)?))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shifting the scale by two turns the fraction into a percent exactly.
        let percent = Decimal {
            units: self.0.units,
            scale: self.0.scale.saturating_sub(2),
        };
        let percent = if self.0.scale >= 2 {
            percent
        } else {
            Decimal {
                units: self.0.units.saturating_mul(10i128.pow(2 - self.0.scale)),
                scale: 0,
            }
        };
        write!(f, "{percent}%")
    }
}

impl fmt::Debug for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rate({self})")
    }
}

impl Serialize for Rate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Rate::parse_percent(&text)
            .ok_or_else(|| serde::de::Error::custom("a rate is a percent string such as \"0.1%\""))
    }
}

impl crate::json_de::JsonRead for Rate {
    fn read(value: &Value, _at: At<'_>) -> Result<Rate, serde_json::Error> {
        Rate::parse_percent(crate::json_de::string(value)?)
            .ok_or_else(|| serde::de::Error::custom("a rate is a percent string such as \"0.1%\""))
    }
}

/// How the one rounding step of a document rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonRead)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Halves away from zero (Rp0.5 -> Rp1): the default.
    #[default]
    HalfUp,
    /// Halves to the even neighbour (banker's rounding).
    HalfEven,
    /// Toward zero (truncate).
    Down,
    /// Away from zero.
    Up,
}

impl RoundingMode {
    /// The name used in rule-set JSON (`half_up`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfEven => "half_even",
            RoundingMode::Down => "down",
            RoundingMode::Up => "up",
        }
    }
}

/// The rounding rule of a rule set: mode and unit (Rp1 by default; e.g. Rp100 if a Perda
/// says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonRead)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// How halves and fractions go.
    #[serde(default)]
    pub mode: RoundingMode,
    /// Round to a multiple of this many rupiah.
    #[serde(default = "Rounding::default_unit")]
    pub unit: i64,
}

impl Rounding {
    fn default_unit() -> i64 {
        1
    }
}

impl Default for Rounding {
    fn default() -> Rounding {
        Rounding {
            mode: RoundingMode::HalfUp,
            unit: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::parse(text).expect("test literal is a decimal")
    }

    #[test]
    fn parses_and_prints_exactly() {
        assert_eq!(dec("0.0009").to_string(), "0.0009");
        assert_eq!(dec("-12.50").to_string(), "-12.5");
        assert_eq!(dec("100").to_string(), "100");
        assert!(Decimal::parse("1e3").is_none());
        assert!(Decimal::parse("1.").is_none());
        assert!(Decimal::parse(".5").is_none());
        assert!(Decimal::parse("1,000").is_none());
    }

    #[test]
    fn rates_are_percent_strings() {
        let rate = Rate::parse_percent("0.09%").expect("valid rate");
        assert_eq!(rate.fraction(), dec("0.0009"));
        assert_eq!(rate.to_string(), "0.09%");
        assert_eq!(
            Rate::parse_percent("66%").expect("valid").to_string(),
            "66%"
        );
        assert!(Rate::parse_percent("0.1").is_none());
        let product = Decimal::from_int(1_234_567)
            .times(rate)
            .expect("no overflow");
        assert_eq!(product.to_string(), "1111.1103");
    }

    #[test]
    fn rounding_modes() {
        let rp1 = |mode| Rounding { mode, unit: 1 };
        assert_eq!(dec("2.5").round(rp1(RoundingMode::HalfUp)), Ok(3));
        assert_eq!(dec("2.4999").round(rp1(RoundingMode::HalfUp)), Ok(2));
        assert_eq!(dec("2.5").round(rp1(RoundingMode::HalfEven)), Ok(2));
        assert_eq!(dec("3.5").round(rp1(RoundingMode::HalfEven)), Ok(4));
        assert_eq!(dec("2.9").round(rp1(RoundingMode::Down)), Ok(2));
        assert_eq!(dec("2.1").round(rp1(RoundingMode::Up)), Ok(3));
        assert_eq!(dec("-2.5").round(rp1(RoundingMode::HalfUp)), Ok(-3));
        let hundreds = Rounding {
            mode: RoundingMode::HalfUp,
            unit: 100,
        };
        assert_eq!(dec("1249.99").round(hundreds), Ok(1200));
        assert_eq!(dec("1250").round(hundreds), Ok(1300));
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Decimal::from_int(i64::MAX);
        let huge = big.checked_mul(big).expect("fits i128");
        assert_eq!(huge.checked_mul(big), Err(TaxError::Overflow {}));
        assert_eq!(huge.round(Rounding::default()), Err(TaxError::Overflow {}));
    }
}
