//! The shipped holiday calendar against its source CSV and the decrees' counts.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kotacerdas_core::Date;
use kotacerdas_core::calendar::{
    CalendarOptions, DayKind, HolidayKind, HolidayTable, WorkingCalendar,
};
use kotacerdas_core::date::Weekday;

const CSV_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/holidays/id_holidays.csv");

/// The CSV read with the simplest possible parser, independent of the crate's.
fn source_rows() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(CSV_PATH).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,name_id,kind"));
    lines
        .map(|line| {
            let parts: Vec<&str> = line.split(',').collect();
            assert_eq!(parts.len(), 3, "{line}");
            (parts[0].into(), parts[1].into(), parts[2].into())
        })
        .collect()
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

#[test]
fn shipped_table_equals_source_csv_row_by_row() {
    let rows = source_rows();
    let table = HolidayTable::embedded();
    assert_eq!(rows.len(), 108, "SOURCE.md documents 108 rows");
    assert_eq!(table.holidays().len(), rows.len());
    for ((date_text, name, kind), holiday) in rows.iter().zip(table.holidays()) {
        assert_eq!(&holiday.date.to_string(), date_text);
        assert_eq!(&holiday.name, name);
        assert_eq!(holiday.kind.as_str(), kind);
    }
    assert_eq!((table.first_year(), table.last_year()), (2024, 2027));
}

#[test]
fn counts_per_year_match_the_decrees() {
    // README of the data: 2024 19 + 10, 2025 17 + 11, 2026 17 + 8, 2027 18 + 8.
    let expected = [(2024, 19, 10), (2025, 17, 11), (2026, 17, 8), (2027, 18, 8)];
    let table = HolidayTable::embedded();
    for (year, national, cuti) in expected {
        let count = |kind| {
            table
                .holidays()
                .iter()
                .filter(|h| h.date.year() == year && h.kind == kind)
                .count()
        };
        assert_eq!(count(HolidayKind::LiburNasional), national, "{year}");
        assert_eq!(count(HolidayKind::CutiBersama), cuti, "{year}");
    }
}

#[test]
fn every_day_2024_to_2027_is_classified_from_the_source() {
    let rows = source_rows();
    let default = WorkingCalendar::embedded(CalendarOptions::default()).unwrap();
    let cuti_worked = WorkingCalendar::embedded(CalendarOptions {
        cuti_bersama_is_day_off: false,
        local_days_off: Vec::new(),
    })
    .unwrap();
    let mut day = date("2024-01-01");
    let mut checked = 0;
    while day <= date("2027-12-31") {
        let row = rows.iter().find(|(d, _, _)| *d == day.to_string());
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        let (expect_default, expect_cuti_worked) = match (weekend, row.map(|r| r.2.as_str())) {
            (true, _) => (DayKind::Weekend, DayKind::Weekend),
            (false, Some("libur_nasional")) => (DayKind::LiburNasional, DayKind::LiburNasional),
            (false, Some("cuti_bersama")) => (DayKind::CutiBersama, DayKind::Working),
            (false, None) => (DayKind::Working, DayKind::Working),
            (false, Some(other)) => panic!("unknown kind {other}"),
        };
        assert_eq!(default.day_kind(day).unwrap(), expect_default, "{day}");
        assert_eq!(
            cuti_worked.day_kind(day).unwrap(),
            expect_cuti_worked,
            "{day}"
        );
        assert_eq!(
            default.is_working_day(day).unwrap(),
            expect_default == DayKind::Working,
            "{day}"
        );
        day = day.add_days(1).unwrap();
        checked += 1;
    }
    assert_eq!(checked, 366 + 365 + 365 + 365);
}

#[test]
fn known_days_from_the_decrees() {
    // Written from the decrees, not from the CSV: election days (Keppres 10/2024, 33/2024),
    // the 2025 amendment (SKB 933/2025: 18 Aug is cuti bersama), Idul Fitri 2025.
    let calendar = WorkingCalendar::embedded_default();
    for (day, kind) in [
        ("2024-02-14", DayKind::LiburNasional),
        ("2024-11-27", DayKind::LiburNasional),
        ("2025-08-18", DayKind::CutiBersama),
        ("2025-03-31", DayKind::LiburNasional),
        ("2025-04-01", DayKind::LiburNasional),
        ("2025-04-02", DayKind::CutiBersama),
        ("2025-04-07", DayKind::CutiBersama),
        ("2025-04-08", DayKind::Working),
        ("2026-08-17", DayKind::LiburNasional),
        ("2027-01-05", DayKind::LiburNasional),
        ("2027-12-24", DayKind::CutiBersama),
        ("2027-12-26", DayKind::Weekend),
    ] {
        assert_eq!(calendar.day_kind(date(day)).unwrap(), kind, "{day}");
    }
    let isra_mikraj_1449 = HolidayTable::embedded().get(date("2027-12-26")).unwrap();
    assert_eq!(isra_mikraj_1449.kind, HolidayKind::LiburNasional);
}
