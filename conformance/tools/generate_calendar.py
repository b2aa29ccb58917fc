#!/usr/bin/env python3
"""Generates the working-day calendar vectors (calendar.is_working_day, next_working_day,
add_working_days, working_days_between) from the holiday CSV core/data/holidays/id_holidays.csv
and the rules of spec/complaints.md ("Service levels"): Saturday and Sunday are days off;
national holidays and cuti bersama (by default) too; the starting day never counts; a date
outside the loaded years is an error, never a guess. Nothing here calls the SDK.

    python3 conformance/tools/generate_calendar.py          # (re)write the files
    python3 conformance/tools/generate_calendar.py --check  # fail if a file is stale
"""

import csv
import datetime
import os
import sys

from common import ROOT, case, render, write_all

GENERATOR = "conformance/tools/generate_calendar.py"
BASIS = [
    "SKB Menteri Agama, Menteri Ketenagakerjaan dan MenPAN-RB on libur nasional and cuti bersama 2024-2027 (core/data/holidays/SOURCE.md)",
    "spec/complaints.md: working days in WIB, 5-day week, cuti bersama a day off by default",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
D = datetime.date
ONE = datetime.timedelta(days=1)


def load():
    with open(os.path.join(ROOT, "core", "data", "holidays", "id_holidays.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {D.fromisoformat(r["date"]): (r["kind"], r["name_id"]) for r in rows}


HOLIDAYS = load()
FIRST, LAST = D(min(HOLIDAYS).year, 1, 1), D(max(HOLIDAYS).year, 12, 31)
assert (FIRST, LAST) == (D(2024, 1, 1), D(2027, 12, 31))


class OutOfRange(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def kind(day, cuti_off=True, local=()):
    if not FIRST <= day <= LAST:
        raise OutOfRange("CALENDAR_DATE_OUT_OF_RANGE")
    if day.weekday() >= 5:
        return "weekend"
    if day in HOLIDAYS:
        holiday_kind = HOLIDAYS[day][0]
        if holiday_kind == "libur_nasional" or cuti_off:
            return holiday_kind
    if day in local:
        return "libur_lokal"
    return "working"


def add(day, n, **options):
    kind(day, **options)
    while n > 0:
        day += ONE
        if day > LAST:
            raise OutOfRange("CALENDAR_RESULT_OUT_OF_RANGE")
        if kind(day, **options) == "working":
            n -= 1
    return day


def between(start, end):
    kind(start)
    kind(end)
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count, day = 0, start
    while day < end:
        day += ONE
        count += kind(day) == "working"
    return sign * count


def date_result(day):
    return {"date": day.isoformat(), "weekday": WEEKDAYS[day.weekday()]}


def expect(fn):
    try:
        return {"ok": fn()}
    except OutOfRange as e:
        return {"error": e.code}


def main():
    files = {}

    cases = []
    for day, (holiday_kind, name) in sorted(HOLIDAYS.items()):
        cases.append(case("day-%s" % day, "%s (%s, %s)" % (name, holiday_kind, WEEKDAYS[day.weekday()]),
                          {"date": day.isoformat()}, **expect(lambda: {"working_day": kind(day) == "working", "kind": kind(day)})))
        if holiday_kind == "cuti_bersama" and day.weekday() < 5:
            cases.append(case("day-%s-cuti-worked" % day, "%s: a working day where cuti bersama is worked (hospitals, water)" % name,
                              {"date": day.isoformat(), "calendar": {"options": {"cuti_bersama_is_day_off": False}}},
                              ok={"working_day": True, "kind": "working"}))
    for day, what in [(D(2026, 11, 30), "an ordinary Monday"), (D(2026, 11, 28), "a Saturday"), (D(2026, 11, 29), "a Sunday"),
                      (D(2024, 1, 2), "the first working day of the loaded years"), (D(2027, 12, 31), "the last loaded day")]:
        cases.append(case("day-%s" % day, what, {"date": day.isoformat()},
                          **expect(lambda: {"working_day": kind(day) == "working", "kind": kind(day)})))
    local = {"local_days_off": [{"date": "2026-12-01", "name": "Contoh libur daerah (Keputusan Bupati)"}]}
    cases.append(case("day-local-day-off", "a local day off set by the regency", {"date": "2026-12-01", "calendar": {"options": local}},
                      ok={"working_day": False, "kind": "libur_lokal"}))
    for day, code in [("2023-12-31", "CALENDAR_DATE_OUT_OF_RANGE"), ("2028-01-01", "CALENDAR_DATE_OUT_OF_RANGE")]:
        cases.append(case("day-%s" % day, "outside the loaded years 2024-2027: an error, not a guess", {"date": day}, error=code))
    cases.append(case("day-local-day-outside-years", "a local day off outside the loaded years",
                      {"date": "2026-12-01", "calendar": {"options": {"local_days_off": [{"date": "2030-01-02", "name": "x"}]}}},
                      error="CALENDAR_LOCAL_DAY_OUT_OF_RANGE"))
    files["calendar/is-working-day.json"] = render("calendar.days", "calendar.is_working_day",
                                                   "Every day of the holiday table, weekends, and days outside it", BASIS, cases, GENERATOR)

    cases = []
    for day, (holiday_kind, name) in sorted(HOLIDAYS.items()):
        cases.append(case("next-after-%s" % day, "the first working day after %s" % name, {"date": day.isoformat()},
                          **expect(lambda: date_result(add(day, 1)))))
    cases.append(case("next-after-friday", "Friday -> Monday", {"date": "2026-11-27"}, ok=date_result(D(2026, 11, 30))))
    cases.append(case("next-after-last-day", "after 31 Dec 2027 nothing is loaded", {"date": "2027-12-31"}, error="CALENDAR_RESULT_OUT_OF_RANGE"))
    files["calendar/next-working-day.json"] = render("calendar.next", "calendar.next_working_day",
                                                     "The working day after each holiday of the table", BASIS, cases, GENERATOR)

    cases = []
    for year in range(2024, 2028):
        for month in range(1, 13):
            start = D(year, month, 1)
            for n in (2, 3, 5, 10, 14):
                cases.append(case("add-%s-%d" % (start, n), "%d working days after %s (SLA tiers 2/3/5/10/14)" % (n, start),
                                  {"date": start.isoformat(), "n": n}, **expect(lambda: date_result(add(start, n)))))
    for start, n, what, options in [
        (D(2026, 11, 27), 1, "Friday + 1 is Monday", None),
        (D(2026, 11, 28), 1, "Saturday + 1 is Monday: the starting day never counts", None),
        (D(2026, 11, 28), 0, "0 days is the day itself, even a Saturday", None),
        (D(2025, 3, 27), 1, "Idul Fitri 2025: cuti bersama and holidays from 28 March to 7 April", None),
        (D(2025, 3, 27), 1, "the same with cuti bersama worked", {"cuti_bersama_is_day_off": False}),
        (D(2024, 1, 1), 60, "60 working days (Perpres 76/2013 outer limit) from New Year 2024", None),
        (D(2027, 12, 29), 2, "29 Dec 2027 + 2 = 31 Dec", None),
        (D(2027, 12, 29), 3, "29 Dec 2027 + 3 runs past the loaded years", None),
        (D(2023, 12, 29), 1, "a start before the loaded years", None),
    ]:
        input_ = {"date": start.isoformat(), "n": n}
        if options:
            input_["calendar"] = {"options": options}
        cuti = options is None
        cases.append(case("add-%s-%d%s" % (start, n, "" if cuti else "-cuti-worked"), what, input_,
                          **expect(lambda: date_result(add(start, n, cuti_off=cuti)))))
    cases.append(case("add-local-day-off", "a local day off is skipped", {"date": "2026-11-30", "n": 1, "calendar": {"options": local}},
                      ok=date_result(D(2026, 12, 2))))
    csv_2028 = "date,name_id,kind\n2028-01-01,Tahun Baru 2028 Masehi,libur_nasional\n2028-01-26,Tahun Baru Imlek,libur_nasional\n"
    cases.append(case("add-own-table-2028", "a newer SKB loaded at run time (2028)", {"date": "2028-01-23", "n": 3,
                      "calendar": {"holidays_csv": csv_2028}}, ok=date_result(D(2028, 1, 27))))
    for case_id, text, code, what in [
        ("csv-bad-header", "tanggal,nama\n2028-01-01,x,libur_nasional\n", "CALENDAR_CSV_BAD_HEADER", "the header is date,name_id,kind"),
        ("csv-malformed-row", "date,name_id,kind\n2028-01-01,libur_nasional\n", "CALENDAR_CSV_MALFORMED_ROW", "a row with two fields"),
        ("csv-empty-name", "date,name_id,kind\n2028-01-01,,libur_nasional\n", "CALENDAR_CSV_MALFORMED_ROW", "an empty name"),
        ("csv-invalid-date", "date,name_id,kind\n2028-02-30,x,libur_nasional\n", "CALENDAR_CSV_INVALID_DATE", "30 February"),
        ("csv-unknown-kind", "date,name_id,kind\n2028-01-01,x,libur_daerah\n", "CALENDAR_CSV_UNKNOWN_KIND", "kinds are libur_nasional and cuti_bersama"),
        ("csv-duplicate", "date,name_id,kind\n2028-01-01,x,libur_nasional\n2028-01-01,y,cuti_bersama\n", "CALENDAR_CSV_DUPLICATE_DATE",
         "the same date twice"),
        ("csv-empty", "date,name_id,kind\n", "CALENDAR_CSV_EMPTY", "no rows"),
        ("csv-year-missing", "date,name_id,kind\n2028-01-01,x,libur_nasional\n2030-01-01,y,libur_nasional\n", "CALENDAR_CSV_YEAR_MISSING",
         "2029 has no row: its data is missing"),
    ]:
        cases.append(case("add-" + case_id, "a holiday table is refused: " + what,
                          {"date": "2028-01-03", "n": 1, "calendar": {"holidays_csv": text}}, error=code))
    files["calendar/add-working-days-generated.json"] = render(
        "calendar.add", "calendar.add_working_days",
        "Working days after the first of every month 2024-2027 (SLA tiers), edges of the loaded years, own holiday tables",
        BASIS, cases, GENERATOR)

    cases = []
    for year in range(2024, 2028):
        for month in range(1, 13):
            start = D(year, month, 1) - ONE
            end = D(year + (month == 12), month % 12 + 1, 1) - ONE
            if start < FIRST:
                continue
            cases.append(case("between-%d-%02d" % (year, month), "working days in %d-%02d" % (year, month),
                              {"start": start.isoformat(), "end": end.isoformat()}, ok={"working_days": between(start, end)}))
    for start, end, what in [(D(2026, 11, 30), D(2026, 11, 30), "the same day: 0"),
                             (D(2026, 12, 31), D(2026, 11, 30), "reversed: negative"),
                             (D(2024, 1, 1), D(2027, 12, 31), "all loaded years")]:
        cases.append(case("between-%s-%s" % (start, end), what, {"start": start.isoformat(), "end": end.isoformat()},
                          ok={"working_days": between(start, end)}))
    cases.append(case("between-before-loaded", "a start before 2024", {"start": "2023-12-01", "end": "2024-01-10"},
                      error="CALENDAR_DATE_OUT_OF_RANGE"))
    files["calendar/working-days-between-generated.json"] = render(
        "calendar.between", "calendar.working_days_between", "Working days of every month 2024-2027 (start excluded, end included)",
        BASIS, cases, GENERATOR)
    return write_all(files, "--check" in sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
