//! Counting working days: the "starting day never counts" rule, cross-year spans, range
//! errors, run-time replacement of the table, and hostile CSV.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kotacerdas_core::Coded;
use kotacerdas_core::Date;
use kotacerdas_core::calendar::{
    self, CalendarError, CalendarOptions, HolidayTable, Instant, LocalDayOff, WorkingCalendar,
};
use proptest::prelude::*;

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn default() -> &'static WorkingCalendar {
    WorkingCalendar::embedded_default()
}

#[test]
fn starting_day_never_counts() {
    // 2026-11-27 is a Friday, 28 Saturday, 29 Sunday, 30 Monday.
    assert_eq!(
        calendar::add_working_days(date("2026-11-27"), 1).unwrap(),
        date("2026-11-30")
    );
    assert_eq!(
        calendar::add_working_days(date("2026-11-28"), 1).unwrap(),
        date("2026-11-30")
    );
    assert_eq!(
        calendar::add_working_days(date("2026-11-29"), 1).unwrap(),
        date("2026-11-30")
    );
    assert_eq!(
        calendar::add_working_days(date("2026-11-30"), 3).unwrap(),
        date("2026-12-03")
    );
    assert_eq!(
        calendar::add_working_days(date("2026-11-28"), 0).unwrap(),
        date("2026-11-28")
    );
    assert_eq!(
        calendar::next_working_day(date("2026-11-27")).unwrap(),
        date("2026-11-30")
    );
    assert!(!calendar::is_working_day(date("2026-11-28")).unwrap());
}

#[test]
fn idul_fitri_2025_block() {
    // Thu 27 Mar; Fri 28 cuti (Nyepi), 29-30 weekend, 31 Mar-1 Apr libur, 2-4 cuti, 5-6
    // weekend, 7 cuti: the next working day is Tue 8 Apr.
    assert_eq!(
        calendar::add_working_days(date("2025-03-27"), 1).unwrap(),
        date("2025-04-08")
    );
    assert_eq!(
        calendar::working_days_between(date("2025-03-27"), date("2025-04-08")).unwrap(),
        1
    );
    // Essential services working through cuti bersama.
    let cuti_worked = WorkingCalendar::embedded(CalendarOptions {
        cuti_bersama_is_day_off: false,
        ..CalendarOptions::default()
    })
    .unwrap();
    assert_eq!(
        cuti_worked.add_working_days(date("2025-03-27"), 1).unwrap(),
        date("2025-03-28")
    );
    assert_eq!(
        cuti_worked.add_working_days(date("2025-03-28"), 1).unwrap(),
        date("2025-04-02")
    );
}

#[test]
fn cross_year_spans() {
    // 2024: 25 Dec libur, 26 cuti; 2025-01-01 libur.
    assert_eq!(
        calendar::add_working_days(date("2024-12-24"), 1).unwrap(),
        date("2024-12-27")
    );
    assert_eq!(
        calendar::add_working_days(date("2024-12-27"), 3).unwrap(),
        date("2025-01-02")
    );
    // 2026-12-24 cuti, 25 libur, 26-27 weekend; 2027-01-01 (Fri) libur, 2-3 weekend.
    assert_eq!(
        calendar::add_working_days(date("2026-12-23"), 3).unwrap(),
        date("2026-12-30")
    );
    assert_eq!(
        calendar::add_working_days(date("2026-12-30"), 2).unwrap(),
        date("2027-01-04")
    );
    assert_eq!(
        calendar::working_days_between(date("2026-12-23"), date("2027-01-04")).unwrap(),
        5
    );
    assert_eq!(
        calendar::working_days_between(date("2027-01-04"), date("2026-12-23")).unwrap(),
        -5
    );
    // The whole loaded span equals the sum of the years.
    let whole = calendar::working_days_between(date("2024-01-01"), date("2027-12-31")).unwrap();
    let mut per_year = 0;
    for year in 2024..=2027 {
        let mut day = Date::new(year, 1, 1).unwrap();
        while day.year() == year {
            if calendar::is_working_day(day).unwrap() {
                per_year += 1;
            }
            day = day.add_days(1).unwrap();
        }
    }
    // (1 Jan 2024, 31 Dec 2027]: 1 Jan 2024 is a holiday, so nothing is lost at the start.
    assert_eq!(whole, per_year);
}

#[test]
fn outside_the_loaded_years_is_an_error() {
    let before = default()
        .add_working_days(date("2023-12-29"), 1)
        .unwrap_err();
    assert_eq!(before.code(), "CALENDAR_DATE_OUT_OF_RANGE");
    assert!(default().is_working_day(date("2028-01-03")).is_err());
    assert!(
        default()
            .working_days_between(date("2024-01-02"), date("2028-01-03"))
            .is_err()
    );
    let past = default()
        .add_working_days(date("2027-12-29"), 5)
        .unwrap_err();
    assert_eq!(
        past,
        CalendarError::ResultOutOfRange {
            first_year: 2024,
            last_year: 2027
        }
    );
    assert!(
        default()
            .add_working_days(date("2024-01-02"), u32::MAX)
            .is_err()
    );
    assert_eq!(
        default().add_working_days(date("2027-12-30"), 1).unwrap(),
        date("2027-12-31")
    );
}

#[test]
fn replaced_at_run_time_with_a_newer_table_and_local_days() {
    let mut text = HolidayTable::embedded_csv().to_owned();
    text.push_str("2028-01-01,Tahun Baru 2028 Masehi,libur_nasional\r\n\r\n");
    let local = LocalDayOff {
        date: date("2028-01-03"),
        name: "Contoh hari libur daerah".into(),
        legal_reference: None,
    };
    let calendar = WorkingCalendar::from_csv(
        &text,
        CalendarOptions {
            local_days_off: vec![local.clone()],
            ..CalendarOptions::default()
        },
    )
    .unwrap();
    // Fri 2027-12-31 -> (Sat, Sun, Mon local day off) -> Tue 2028-01-04.
    assert_eq!(
        calendar.add_working_days(date("2027-12-31"), 1).unwrap(),
        date("2028-01-04")
    );
    assert_eq!(calendar.last_day(), date("2028-12-31"));
    // A local day outside the loaded years is refused.
    let err = WorkingCalendar::embedded(CalendarOptions {
        local_days_off: vec![local],
        ..CalendarOptions::default()
    })
    .unwrap_err();
    assert_eq!(err.code(), "CALENDAR_LOCAL_DAY_OUT_OF_RANGE");
    // Options come from JSON with defaults.
    let options: CalendarOptions = serde_json::from_str("{}").unwrap();
    assert!(options.cuti_bersama_is_day_off);
}

#[test]
fn bad_csv_is_refused_with_a_code() {
    let header = "date,name_id,kind\n";
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "CALENDAR_CSV_BAD_HEADER"),
        ("date;name;kind\n".into(), "CALENDAR_CSV_BAD_HEADER"),
        (header.into(), "CALENDAR_CSV_EMPTY"),
        (
            format!("{header}2025-01-01,Tahun Baru\n"),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
        (
            format!("{header}2025-01-01,A,libur_nasional,x\n"),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
        (
            format!("{header}2025-01-01,Ta\u{7}hun,libur_nasional\n"),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
        (
            format!("{header}2025-01-01, ,libur_nasional\n"),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
        (
            format!("{header}2025-02-30,A,libur_nasional\n"),
            "CALENDAR_CSV_INVALID_DATE",
        ),
        (
            format!("{header}2025-01-01,A,libur\n"),
            "CALENDAR_CSV_UNKNOWN_KIND",
        ),
        (
            format!("{header}2025-01-01,A,libur_lokal\n"),
            "CALENDAR_CSV_UNKNOWN_KIND",
        ),
        (
            format!("{header}2025-01-01,A,libur_nasional\n2025-01-01,B,cuti_bersama\n"),
            "CALENDAR_CSV_DUPLICATE_DATE",
        ),
        (
            format!("{header}2025-01-01,A,libur_nasional\n2027-01-01,B,libur_nasional\n"),
            "CALENDAR_CSV_YEAR_MISSING",
        ),
        (
            format!("{header}{}", "2025-01-01,A,libur_nasional\n".repeat(20_000)),
            "CALENDAR_CSV_TOO_MANY_ROWS",
        ),
        (
            format!("{header}{}", "x".repeat(1_000_000)),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
        (
            format!(
                "{header}2025-01-01,{},libur_nasional\n",
                "n".repeat(1_000_000)
            ),
            "CALENDAR_CSV_MALFORMED_ROW",
        ),
    ];
    for (text, code) in cases {
        let err = HolidayTable::parse_csv(&text).unwrap_err();
        assert_eq!(err.code(), code, "{:?}", text.get(..60));
        assert!(!err.message(kotacerdas_core::Lang::Id).is_empty());
    }
}

#[test]
fn instants_map_to_wib_days() {
    // 23:30 in Jakarta on Friday is still Friday; 17:30Z the same evening is Saturday in WIB.
    let friday_night = Instant::parse_iso("2026-11-27T16:30:00Z").unwrap();
    assert_eq!(friday_night.date_wib().unwrap(), date("2026-11-27"));
    let saturday = Instant::parse_iso("2026-11-27T17:30:00Z").unwrap();
    assert_eq!(saturday.date_wib().unwrap(), date("2026-11-28"));
}

/// Day-by-day reference for `working_days_between` on `(start, end]`.
fn naive_between(start: Date, end: Date) -> i64 {
    let mut count = 0;
    let mut day = start;
    while day < end {
        day = day.add_days(1).unwrap();
        if default().is_working_day(day).unwrap() {
            count += 1;
        }
    }
    count
}

proptest! {
    #[test]
    fn counting_agrees_with_adding(start in 0i32..1461, n in 0u32..300) {
        let start = date("2024-01-01").add_days(start).unwrap();
        match default().add_working_days(start, n) {
            Ok(end) => {
                prop_assert!(end >= start);
                prop_assert_eq!(default().working_days_between(start, end).unwrap(), i64::from(n));
                prop_assert_eq!(naive_between(start, end), i64::from(n));
                if n > 0 {
                    prop_assert!(default().is_working_day(end).unwrap());
                    let one_more = default().add_working_days(start, n + 1);
                    if let Ok(later) = one_more {
                        prop_assert!(later > end);
                    }
                }
            }
            Err(err) => prop_assert_eq!(err.code(), "CALENDAR_RESULT_OUT_OF_RANGE"),
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_csv_never_panics(body in ".{0,400}") {
        let text = format!("date,name_id,kind\n{body}");
        if let Ok(table) = HolidayTable::parse_csv(&text) {
            prop_assert!(table.first_year() <= table.last_year());
        }
    }
}
