//! Rules shared by NIK and KK, which both start with a Kemendagri district code and carry a
//! DDMMYY date.

use crate::date::{Date, days_in_month};
use crate::region::{self, DistrictStatus};

use super::{CenturyInference, Strictness};

/// What is wrong with the region part `PP RR KK`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegionProblem {
    UnknownProvince {
        province: u8,
    },
    /// Regency 00 or 70: never used (Permendagri 58/2021 Pasal 4(3)(b): kabupaten 01-69,
    /// kota 71-99).
    InvalidRegency {
        regency: u8,
    },
    /// District 00 is never used.
    InvalidDistrict,
    /// Strict mode only: neither current nor retired.
    UnknownDistrict {
        code: u32,
    },
}

/// The checked region part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RegionPart {
    pub province: u8,
    pub regency: u8,
    pub district: u8,
    pub status: DistrictStatus,
}

impl RegionPart {
    /// `352701`.
    pub fn district_code(self) -> u32 {
        u32::from(self.province) * 10_000 + u32::from(self.regency) * 100 + u32::from(self.district)
    }
}

/// Checks `PP RR KK` (the first six digits, ASCII).
#[inline(always)]
pub(crate) fn check_region(
    digits: &[u8],
    strictness: Strictness,
) -> Result<RegionPart, RegionProblem> {
    #[inline(always)]
    fn two(digits: &[u8], i: usize) -> u8 {
        (digits[i] - b'0') * 10 + (digits[i + 1] - b'0')
    }
    let (province, regency, district) = (two(digits, 0), two(digits, 2), two(digits, 4));
    if !region::province_exists(province) {
        return Err(RegionProblem::UnknownProvince { province });
    }
    if regency == 0 || regency == 70 {
        return Err(RegionProblem::InvalidRegency { regency });
    }
    if district == 0 {
        return Err(RegionProblem::InvalidDistrict);
    }
    let status = region::district_status(province, regency, district);
    let part = RegionPart {
        province,
        regency,
        district,
        status,
    };
    if status == DistrictStatus::Unknown && strictness == Strictness::Strict {
        return Err(RegionProblem::UnknownDistrict {
            code: part.district_code(),
        });
    }
    Ok(part)
}

/// What is wrong with a DDMMYY date (after any NIK day offset is removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    InvalidMonth {
        month: u32,
    },
    /// Day and month exist but not together in any candidate year (31 April, 29 Feb of a
    /// non-leap year).
    NotACalendarDate,
    /// Both 20YY and 19YY are after the reference date.
    InFuture,
}

/// Picks the century of a DDMMYY date: 20YY if that is a real date not after `reference`, else
/// 19YY. `29 02 00` therefore means 2000-02-29 (a leap day), never 1900.
#[inline(always)]
pub(crate) fn infer_date(
    day: u32,
    month: u32,
    two_digit_year: u32,
    reference: Date,
) -> Result<(Date, CenturyInference), DateProblem> {
    if !(1..=12).contains(&month) {
        return Err(DateProblem::InvalidMonth { month });
    }
    // Compare as integers before building a `Date`: this runs for every NIK in a batch.
    let reference_key = date_key(reference.year(), reference.month(), reference.day());
    #[inline(always)]
    fn exists(year: i32, month: u32, day: u32) -> bool {
        day >= 1 && day <= days_in_month(year, month)
    }
    let current = 2000 + two_digit_year as i32;
    let previous = current - 100;
    let (year, century) =
        if exists(current, month, day) && date_key(current, month, day) <= reference_key {
            (current, CenturyInference::Current)
        } else if exists(previous, month, day) && date_key(previous, month, day) <= reference_key {
            (previous, CenturyInference::Previous)
        } else if !exists(current, month, day) && !exists(previous, month, day) {
            return Err(DateProblem::NotACalendarDate);
        } else {
            return Err(DateProblem::InFuture);
        };
    // `exists` checked day and month; years 1900-2099 are in the supported range.
    Ok((Date::from_checked_parts(year, month, day), century))
}

#[inline(always)]
fn date_key(year: i32, month: u32, day: u32) -> i64 {
    i64::from(year) * 10_000 + i64::from(month) * 100 + i64::from(day)
}

/// Uses a known date when its day, month and two-digit year agree with the encoded ones.
pub(crate) fn settle_with_known(day: u32, month: u32, two_digit_year: u32, known: Date) -> bool {
    known.day() == day
        && known.month() == month
        && known.year().rem_euclid(100) as u32 == two_digit_year
}
