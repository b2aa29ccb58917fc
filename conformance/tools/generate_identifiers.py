#!/usr/bin/env python3
"""Generates the identifier and region vectors (nik.parse, kk.parse, nop.parse, npwp.parse,
nib.parse, phone.normalize, region.lookup, region.search).

Expected values are computed here from the rules of spec/identifiers.md and the Kemendagri
CSVs in core/data/wilayah, independently of the Rust core: this script is a second
implementation of the rules, and the conformance run compares the two.

    python3 conformance/tools/generate_identifiers.py          # (re)write the files
    python3 conformance/tools/generate_identifiers.py --check  # fail if a file is stale

Every NIK and KK number here is synthetic: region codes from the decree, dates and serials
chosen by this script. They belong to no known person.
"""

import datetime
import sys

from common import REFERENCE_DATE, Regions, case, dotted, render, write_all

GENERATOR = "conformance/tools/generate_identifiers.py"
R = Regions()
REF = datetime.date.fromisoformat(REFERENCE_DATE)

NIK_BASIS = [
    "UU 23/2006 jo. UU 24/2013 Pasal 13",
    "PP 40/2019 Pasal 31(1)",
    "PP 40/2019 Pasal 32(3) (NIT)",
    "Permendagri 58/2021 Pasal 4(3)(b)",
    "Kepmendagri 300.2.2-2430 Tahun 2025 (kode wilayah)",
]
KK_BASIS = [
    "UU 23/2006 jo. UU 24/2013 Pasal 1 angka 13 (layout from secondary sources, unverified)",
    "Kepmendagri 300.2.2-2430 Tahun 2025 (kode wilayah)",
]
NOP_BASIS = [
    "UU 1/2022 Pasal 38-43 (PBB-P2)",
    "SISMIOP NOP layout PP.RR.KKK.DDD.BBB-NNNN.J (tax office reference tables)",
]
NPWP_BASIS = [
    "UU 7/2021 (HPP)",
    "PMK 112/2022 jo. PMK 136/2023",
    "PER-6/PJ/2024 (NPWP16, NITKU)",
]
NIB_BASIS = ["PP 5/2021 (OSS): 13 digits, no published structure or checksum"]
PHONE_BASIS = ["ITU-T E.164 (country code 62)", "spec/complaints.md: reachable contact"]
REGION_BASIS = [
    "Kepmendagri 300.2.2-2430 Tahun 2025",
    "Permendagri 58/2021 Pasal 4",
    "UU 14, 15, 16 and 29/2022 (Papua provinces; retired codes)",
]


# ---------------------------------------------------------------- rules (spec/identifiers.md)

def days_in_month(year, month):
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def infer_date(day, month, yy, ref, prefix):
    """Century rule: 20YY if that date exists and is not after ref, else 19YY."""
    if not 1 <= month <= 12:
        return None, None, prefix + "_INVALID_MONTH"

    def exists(year):
        return 1 <= day <= days_in_month(year, month)

    current, previous = 2000 + yy, 1900 + yy
    if exists(current) and datetime.date(current, month, day) <= ref:
        return datetime.date(current, month, day), "current", None
    if exists(previous) and datetime.date(previous, month, day) <= ref:
        return datetime.date(previous, month, day), "previous", None
    if not exists(current) and not exists(previous):
        return None, None, prefix + "_INVALID_DATE"
    return None, None, ("NIK_BIRTH_DATE_IN_FUTURE" if prefix == "NIK" else "KK_DATE_IN_FUTURE")


def read_digits(text, prefix, lengths):
    """Strips surrounding whitespace and the separators space, dot, dash."""
    stripped = text.strip()
    digits = ""
    for c in stripped:
        if c in "0123456789":
            digits += c
        elif c in " .-":
            continue
        else:
            return None, prefix + ("_NON_ASCII_DIGIT" if c.isnumeric() else "_INVALID_CHARACTER")
    if not digits:
        return None, prefix + "_EMPTY"
    if len(digits) not in lengths:
        return None, prefix + "_INVALID_LENGTH"
    return digits, None


def region_part(digits, strict, prefix):
    """PP RR KK: province must exist, RR not 00/70, KK not 00, district current or retired."""
    province, regency, district = digits[0:2], digits[2:4], digits[4:6]
    if province not in R.provinces:
        return None, prefix + "_UNKNOWN_PROVINCE"
    if regency in ("00", "70"):
        return None, prefix + "_INVALID_REGENCY"
    if district == "00":
        return None, prefix + "_INVALID_DISTRICT"
    code = dotted(digits[:6])
    found = R.find(code)
    if found is None:
        if strict:
            return None, prefix + "_UNKNOWN_DISTRICT"
        return ([], prefix + "_UNKNOWN_DISTRICT"), None
    return ([], prefix + "_RETIRED_DISTRICT" if found[1] is not None else None), None


def nik(text, strict=False, known=None, ref=REF):
    """Expected nik.parse output (a dict) or error code (a str)."""
    digits, error = read_digits(text, "NIK", (16,))
    if error:
        return error
    nit = digits[:2] == "99"
    warning = None
    if not nit:
        part, error = region_part(digits, strict, "NIK")
        if error:
            return error
        warning = part[1]
    encoded_day = int(digits[6:8])
    if 1 <= encoded_day <= 31:
        day, sex = encoded_day, "male"
    elif 41 <= encoded_day <= 71:
        day, sex = encoded_day - 40, "female"
    else:
        return "NIK_INVALID_DAY"
    month, yy = int(digits[8:10]), int(digits[10:12])
    mismatch = False
    if known is not None and (known.day, known.month, known.year % 100) == (day, month, yy):
        birth, century = known, "from_known_date"
    else:
        birth, century, error = infer_date(day, month, yy, ref, "NIK")
        if error:
            return error
        mismatch = known is not None
    if digits[12:] == "0000":
        return "NIK_INVALID_SERIAL"
    warnings = [w for w in (warning, "NIK_BIRTH_DATE_MISMATCH" if mismatch else None) if w]
    return {
        "kind": "nit" if nit else "nik",
        "province": None if nit else R.ref(digits[0:2]),
        "regency": None if nit else R.ref(dotted(digits[:4])),
        "district": None if nit else R.ref(dotted(digits[:6])),
        "nit_country_code": digits[2:5] if nit else None,
        "nit_mission_code": digits[5] if nit else None,
        "birth_date": birth.isoformat(),
        "century_inference": century,
        "sex": sex,
        "serial": digits[12:],
        "masked": digits[:6] + "*" * 10,
        "warnings": warnings,
    }


def kk(text, strict=False, ref=REF):
    digits, error = read_digits(text, "KK", (16,))
    if error:
        return error
    part, error = region_part(digits, strict, "KK")
    if error:
        return error
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    recorded, century, error = infer_date(day, month, yy, ref, "KK")
    if error:
        return error
    if digits[12:] == "0000":
        return "KK_INVALID_SERIAL"
    return {
        "district": R.ref(dotted(digits[:6])),
        "recorded_on": recorded.isoformat(),
        "century_inference": century,
        "serial": digits[12:],
        "masked": digits[:6] + "*" * 10,
        "warnings": [part[1]] if part[1] else [],
    }


def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def luhn_digit(first8):
    """The check digit C that makes first8 + C pass Luhn."""
    return next(str(c) for c in range(10) if luhn_ok(first8 + str(c)))


def npwp(text):
    digits, error = read_digits(text, "NPWP", (15, 16, 22))
    if error:
        return error
    if len(digits) == 15:
        npwp16, form, place = "0" + digits, "legacy15", None
    elif len(digits) == 16:
        npwp16, form, place = digits, "nik16", None
    else:
        npwp16, form, place = digits[:16], "nitku22", digits[16:]
    if npwp16[0] == "0":
        if not luhn_ok(npwp16[1:10]):
            return "NPWP_INVALID_CHECK_DIGIT"
        if form == "nik16":
            form = "entity16"
        d = npwp16[1:]
        return {
            "form": form,
            "personal": False,
            "npwp16": npwp16,
            "legacy": "%s.%s.%s.%s-%s.%s" % (d[:2], d[2:5], d[5:8], d[8], d[9:12], d[12:]),
            "tax_office": npwp16[10:13],
            "branch": npwp16[13:],
            "place_of_business": place,
            "nitku": npwp16 + (place or "000000"),
        }
    as_nik = nik(npwp16)
    if isinstance(as_nik, str):
        return "NPWP_INVALID_NIK"
    return {
        "form": form,
        "personal": True,
        "npwp16": as_nik["masked"],
        "legacy": None,
        "tax_office": None,
        "branch": None,
        "place_of_business": place,
        "nitku": None,
    }


def phone(text):
    """08…, 628…, +62 8…, (+62) 8…, 0062 8…, +62 08…: E.164 with 10-13 national digits."""
    stripped = text.strip()
    digits, plus = "", False
    for c in stripped:
        if c in "0123456789":
            digits += c
        elif c == "+" and not digits and not plus:
            plus = True
        elif c in " .-()":
            continue
        else:
            return "PHONE_NON_ASCII_DIGIT" if c.isnumeric() else "PHONE_INVALID_CHARACTER"
    if not digits:
        return "PHONE_EMPTY"
    if not plus and digits.startswith("00"):
        digits, plus = digits[2:], True
    if plus or digits.startswith("62"):
        if not digits.startswith("62"):
            return "PHONE_NOT_INDONESIAN"
        rest = digits[2:]
        national = rest[1:] if rest.startswith("0") else rest
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return "PHONE_INVALID_PREFIX"
    if not national.startswith("8"):
        return "PHONE_NOT_MOBILE"
    if not 10 <= len(national) + 1 <= 13:
        return "PHONE_INVALID_LENGTH"
    return {"e164": "+62" + national, "national": "0" + national}


# ---------------------------------------------------------------- helpers for cases

def expect(value):
    """(ok, error) keyword arguments for case()."""
    return {"error": value} if isinstance(value, str) else {"ok": value}


def nik_input(number, **extra):
    return dict({"nik": number, "reference_date": REFERENCE_DATE}, **extra)


def nik_case(case_id, description, number, strict=False, known=None, ref=None, source=None, keep=None):
    input_ = nik_input(number)
    if strict:
        input_["strict"] = True
    if known:
        input_["known_birth_date"] = known
    if ref:
        input_["reference_date"] = ref
    result = nik(
        number,
        strict=strict,
        known=datetime.date.fromisoformat(known) if known else None,
        ref=datetime.date.fromisoformat(ref) if ref else REF,
    )
    if isinstance(result, dict) and keep is not None:
        result = {k: result[k] for k in keep}
    return case(case_id, description, input_, source=source, **expect(result))


def kk_case(case_id, description, number, strict=False, ref=None):
    input_ = {"kk": number, "reference_date": ref or REFERENCE_DATE}
    if strict:
        input_["strict"] = True
    result = kk(number, strict=strict, ref=datetime.date.fromisoformat(ref) if ref else REF)
    return case(case_id, description, input_, **expect(result))


def first_district(prefix):
    """The first current district (in code order) whose code starts with prefix."""
    return next(code for code in sorted(R.districts) if code.startswith(prefix))


def synthetic_date(i):
    """A spread of day/month/two-digit-year triples, deterministic."""
    day = 1 + (i * 7) % 28
    month = 1 + (i * 5) % 12
    year = 1951 + (i * 13) % 70
    return day, month, year % 100


def compose(district_plain, day, month, yy, female, serial):
    return "%s%02d%02d%02d%04d" % (district_plain, day + (40 if female else 0), month, yy, serial)


SAMPLE = "3527014501900001"  # Sreseh, woman born 5 Jan 1990, serial 0001 (synthetic)


# ---------------------------------------------------------------- nik.parse

def nik_files():
    files = {}

    cases = []
    for i, code in enumerate(sorted(R.provinces)):
        district = first_district(code + ".")
        day, month, yy = synthetic_date(i)
        number = compose(district.replace(".", ""), day, month, yy, i % 2 == 1, i + 1)
        cases.append(nik_case(
            "nik-province-%s" % code,
            "Province %s (%s), first district %s %s: names from the Kemendagri table" % (
                code, R.provinces[code], district, R.districts[district]),
            number))
    files["id/nik-provinces.json"] = render(
        "nik", "nik.parse",
        "One synthetic NIK per province (38): region names, day offset for women, century inference",
        NIK_BASIS, cases, GENERATOR)

    cases = []
    for i, code in enumerate(sorted(R.regencies)):
        district = first_district(code + ".")
        day, month, yy = synthetic_date(i + 40)
        number = compose(district.replace(".", ""), day, month, yy, i % 2 == 0, 100 + i % 9000)
        cases.append(nik_case(
            "nik-regency-%s" % code.replace(".", ""),
            "%s (%s), district %s %s: a Kemendagri code (161 regency codes mean another regency in BPS tables)" % (
                R.regencies[code], code, district, R.districts[district]),
            number, keep=["kind", "province", "regency", "district", "birth_date", "sex", "warnings"]))
    files["id/nik-regencies.json"] = render(
        "nik", "nik.parse",
        "One synthetic NIK per regency of the current decree (514 kabupaten and kota)",
        NIK_BASIS, cases, GENERATOR)

    cases = []
    sampang = sorted(c for c in R.districts if c.startswith("35.27."))
    assert len(sampang) == 14
    for i, code in enumerate(sampang):
        plain = code.replace(".", "")
        for female in (False, True):
            day, month, yy = synthetic_date(i * 2 + female + 80)
            number = compose(plain, day, month, yy, female, 1 + i)
            cases.append(nik_case(
                "nik-sampang-%s-%s" % (code[-2:], "f" if female else "m"),
                "Kecamatan %s %s, %s" % (code, R.districts[code], "woman (day + 40)" if female else "man"),
                number))
    files["id/nik-sampang.json"] = render(
        "nik", "nik.parse",
        "Every kecamatan of Kabupaten Sampang (35.27), a man and a woman each",
        NIK_BASIS, cases, GENERATOR)

    # Day, month, calendar and century boundaries (district 35.27.01 Sreseh).
    d = "352701"
    cases = []
    for encoded, what in [
        (0, "day 00 is never used"), (1, "day 01: first male day"), (31, "day 31: last male day"),
        (32, "day 32: neither male nor female"), (40, "day 40: 0 + 40, not a day"),
        (41, "day 41: first female day (1 + 40)"), (71, "day 71: last female day (31 + 40)"),
        (72, "day 72: 32 + 40, not a day"), (80, "day 80"), (81, "day 81 (peers accept 81-99)"),
        (91, "day 91"), (99, "day 99"),
    ]:
        number = "%s%02d0190%04d" % (d, encoded, 1)
        cases.append(nik_case("nik-encoded-day-%02d" % encoded, what + "; January 1990", number))
    for month, what in [(0, "month 00"), (1, "month 01"), (12, "month 12"), (13, "month 13"), (99, "month 99")]:
        cases.append(nik_case("nik-month-%02d" % month, what, "%s15%02d900001" % (d, month)))
    for day, month, yy, what in [
        (31, 4, 90, "31 April does not exist"),
        (30, 2, 96, "30 February does not exist"),
        (29, 2, 1, "29 February 2001 and 1901: neither is a leap year"),
        (29, 2, 96, "29 February 1996, a leap year (2096 would be in the future)"),
        (29, 2, 0, "29 February with YY=00 is 2000 (a leap year; 1900 was not)"),
        (29, 2, 4, "29 February 2004"),
        (29, 2, 24, "29 February 2024"),
        (29, 2, 28, "29 February 28: 2028 is after the reference date, so 1928 (a leap year)"),
        (31, 12, 99, "31 December 1999"),
        (1, 1, 0, "1 January 2000"),
        (31, 1, 90, "31 January"),
        (30, 6, 90, "30 June"),
        (31, 6, 90, "31 June does not exist"),
        (31, 9, 90, "31 September does not exist"),
        (31, 11, 90, "31 November does not exist"),
    ]:
        for female in (False, True):
            number = compose(d, day, month, yy, female, 1)
            cases.append(nik_case(
                "nik-date-%02d%02d%02d-%s" % (day, month, yy, "f" if female else "m"),
                what + (" (woman)" if female else " (man)"), number))
    # Century: 20YY if not after the reference date 2026-11-29, else 19YY.
    for day, month, yy, what in [
        (29, 11, 26, "born on the reference date: 2026, not 1926"),
        (30, 11, 26, "one day after the reference date in 2026: so 1926"),
        (1, 12, 26, "December 2026 is in the future: 1926"),
        (28, 11, 26, "one day before the reference date: 2026"),
        (1, 1, 27, "2027 is in the future: 1927"),
        (12, 3, 5, "YY=05 is 2005, not 1905 (peers try 19YY first)"),
        (15, 8, 45, "YY=45: 2045 is in the future, so 1945"),
        (1, 1, 1, "YY=01: 2001"),
        (17, 8, 50, "YY=50: 1950"),
    ]:
        number = compose(d, day, month, yy, False, 7)
        cases.append(nik_case("nik-century-%02d%02d%02d" % (day, month, yy), what, number))
    cases.append(nik_case(
        "nik-future-both-centuries", "Reference date 1999-12-31: 29 Feb 2000 is in the future and 29 Feb 1900 does not exist",
        compose(d, 29, 2, 0, False, 1), ref="1999-12-31"))
    cases.append(nik_case(
        "nik-future-reference-1990", "Reference date 1990-01-01: 1995 and 2095 are both after it",
        compose(d, 1, 6, 95, True, 1), ref="1990-01-01"))
    cases.append(nik_case(
        "nik-reference-date-early", "Reference date 1990-01-01: 1 January 1989 is 1989",
        compose(d, 1, 1, 89, False, 1), ref="1990-01-01"))
    for serial in (0, 1, 9999):
        cases.append(nik_case(
            "nik-serial-value-%04d" % serial,
            "serial %04d%s" % (serial, " is never issued" if serial == 0 else " is valid"),
            "%s450190%04d" % (d, serial)))
    files["id/nik-dates.json"] = render(
        "nik", "nik.parse",
        "NIK date block DDMMYY and serial: male and female days, months, calendar dates, leap years, century inference",
        NIK_BASIS, cases, GENERATOR)

    # Region part.
    cases = []
    for number, what in [
        ("0027014501900001", "province 00"),
        ("1027014501900001", "province 10 does not exist"),
        ("2027014501900001", "province 20 does not exist"),
        ("3927014501900001", "province 39 does not exist"),
        ("9027014501900001", "province 90 does not exist"),
        ("9727014501900001", "province 97 does not exist (96 is the last)"),
        ("3500014501900001", "regency 00 is never used"),
        ("3570014501900001", "regency 70 is never used (kabupaten 01-69, kota 71-99)"),
        ("3527004501900001", "district 00 is never used (peers accept it)"),
        ("3527154501900001", "35.27.15 is in neither list (Sampang has 14 kecamatan): a warning in lenient mode"),
        ("3569014501900001", "35.69.01: regency 69 of Jawa Timur does not exist; lenient mode warns"),
        ("3578014501900001", "35.78.01 Kota Surabaya"),
        ("3171014501900001", "31.71.01 Jakarta Pusat (Kemendagri, not BPS)"),
        ("9171014501900001", "91.71.01 Kota Jayapura, still current in Papua"),
    ]:
        cases.append(nik_case("nik-region-" + number[:6], what, number))
    for number, what in [
        ("3527154501900001", "strict mode: an unknown district is an error"),
        ("3569014501900001", "strict mode: 35.69.01 is unknown"),
        ("3527014501900001", "strict mode: a current district is accepted"),
    ]:
        cases.append(nik_case("nik-strict-" + number[:6], what, number, strict=True))
    retired_regencies = sorted(c for c, r in R.retired.items() if r["level"] == "regency")
    for i, regency in enumerate(retired_regencies):
        district = sorted(c for c, r in R.retired.items() if r["level"] == "district" and c.startswith(regency + "."))[0]
        day, month, yy = synthetic_date(i + 200)
        number = compose(district.replace(".", ""), day, month, yy, i % 2 == 0, 1 + i)
        strict = i % 3 == 0
        cases.append(nik_case(
            "nik-retired-%s%s" % (district.replace(".", ""), "-strict" if strict else ""),
            "Retired Papua district %s %s (renumbered 2022, successor %s): accepted with a warning%s" % (
                district, R.retired[district]["name_when_retired"], R.retired[district]["probable_successor_code"],
                ", also in strict mode" if strict else ""),
            number, strict=strict))
    for number, what in [
        ("9912345501900001", "NIT 99 + country 123 + mission 4 (peers reject prefix 99)"),
        ("9900000101000001", "NIT with country 000 and mission 0: no public list, accepted structurally"),
        ("9999999101990001", "NIT country 999 mission 9"),
        ("9912348101900001", "NIT: the day rules still apply (day 81)"),
        ("9912345501900000", "NIT: serial 0000 is still invalid"),
        ("9912343102900001", "NIT: 31 February is still invalid"),
    ]:
        cases.append(nik_case("nik-nit-%d" % (len(cases) + 1), what, number))
    files["id/nik-regions.json"] = render(
        "nik", "nik.parse",
        "NIK region part PP RR KK: provinces, regency 00/70, district 00, unknown and retired districts, strict mode, NIT (prefix 99)",
        NIK_BASIS, cases, GENERATOR)

    # What people type.
    cases = []
    for case_id, text, what in [
        ("nik-input-plain", SAMPLE, "16 plain digits"),
        ("nik-input-spaces", "3527 01 450190 0001", "spaces between the blocks"),
        ("nik-input-dashes", "3527-01-450190-0001", "dashes between the blocks"),
        ("nik-input-surrounding-whitespace", "  3527014501900001\t", "surrounding whitespace"),
        ("nik-input-empty", "", "empty"),
        ("nik-input-only-separators", " .- ", "only separators"),
        ("nik-input-letter-o", "35270145O1900001", "letter O typed for zero"),
        ("nik-input-slash", "3527/01/450190/0001", "slash is not a separator"),
        ("nik-input-fullwidth-digit", "352701450190000\uff11", "full-width digit: refused, never converted"),
        ("nik-input-arabic-indic-digit", "\u0663527014501900001", "Arabic-Indic digit"),
        ("nik-input-15-digits", "352701450190001", "15 digits"),
        ("nik-input-17-digits", "35270145019000011", "17 digits"),
        ("nik-input-plus-sign", "+3527014501900001", "a plus sign"),
        ("nik-input-newline-inside", "35270145\n01900001", "a newline inside"),
    ]:
        cases.append(nik_case(case_id, what, text, keep=["birth_date", "masked"]))
    for case_id, input_, what in [
        ("nik-call-missing-reference-date", {"nik": SAMPLE}, "reference_date is required (reproducible century inference)"),
        ("nik-call-reference-date-not-iso", {"nik": SAMPLE, "reference_date": "29-11-2026"}, "dates are YYYY-MM-DD"),
        ("nik-call-reference-date-30-feb", {"nik": SAMPLE, "reference_date": "2026-02-30"}, "the reference date must exist"),
        ("nik-call-reference-year-1799", {"nik": SAMPLE, "reference_date": "1799-12-31"}, "years 1800-9999 only"),
        ("nik-call-number-not-string", {"nik": 3527014501900001, "reference_date": REFERENCE_DATE}, "the NIK is a string (a number loses leading zeros)"),
        ("nik-call-unknown-field", {"nik": SAMPLE, "reference_date": REFERENCE_DATE, "strictness": "strict"}, "an unknown field"),
        ("nik-call-strict-not-boolean", {"nik": SAMPLE, "reference_date": REFERENCE_DATE, "strict": "yes"}, "strict is a boolean"),
        ("nik-call-known-date-invalid", {"nik": SAMPLE, "reference_date": REFERENCE_DATE, "known_birth_date": "1990-02-29"},
         "the known birth date must exist"),
    ]:
        cases.append(case(case_id, "Malformed request: " + what, input_, error="CALL_INVALID_INPUT"))
    files["id/nik-input.json"] = render(
        "nik", "nik.parse",
        "What people type: separators and whitespace forgiven, anything else refused with its own code",
        NIK_BASIS, cases, GENERATOR)

    # Peer mistakes (spec/identifiers.md) and known birth dates.
    cases = [
        nik_case("nik-peer-bps-sampang-11", "Peers use BPS codes: Kemendagri 35.27.11 is Sokobanah (BPS 3527110 is Ketapang)",
                 "3527110101900001", keep=["district"]),
        nik_case("nik-peer-bps-sampang-12", "Kemendagri 35.27.12 is Ketapang (BPS 3527120 is Sokobanah)",
                 "3527120101900001", keep=["district"]),
        nik_case("nik-peer-bps-aceh-1101", "Kemendagri 11.01 is Aceh Selatan (BPS 1101 is Simeulue)",
                 "1101010101900001", keep=["regency", "district"]),
        nik_case("nik-peer-bps-medan-1271", "Kemendagri 12.71 is Kota Medan (BPS 1271 is Sibolga)",
                 "1271010101900001", keep=["regency"]),
        nik_case("nik-peer-bps-papua-9471-strict", "BPS 9471 (Kota Jayapura under BPS's old Papua 94) is no Kemendagri code",
                 "9471010101900001", strict=True),
        nik_case("nik-peer-bps-papua-94-is-papua-tengah", "Kemendagri 94 is Papua Tengah, not BPS's Papua",
                 "9401010101900001", keep=["province"]),
        nik_case("nik-peer-yymmdd", "DDMMYY, not YYMMDD: 120305 is 12 March 2005, not 5 March 2012",
                 "3527011203050001", keep=["birth_date"]),
        nik_case("nik-peer-yymmdd-invalid-reading", "311299 is 31 December 1999 (as YYMMDD it would be day 99)",
                 "3527013112990001", keep=["birth_date"]),
        nik_case("nik-peer-19yy-first", "2010 is not read as 1910", "3527010106100001", keep=["birth_date", "century_inference"]),
        nik_case("nik-peer-day-85", "Peers accept days 81-99", "3527018506900001"),
        nik_case("nik-peer-day-95", "Peers accept days 81-99", "3527019506900001"),
        nik_case("nik-peer-reject-99", "Peers reject prefix 99 (NIT)", "9936014506900001", keep=["kind", "nit_country_code", "nit_mission_code"]),
        nik_case("nik-peer-district-00", "Peers accept district 00", "3527000101900001"),
        nik_case("nik-peer-check-digit", "No check digit exists: any last digit 1-9 is fine", "3527014501900009",
                 keep=["serial", "warnings"]),
        nik_case("nik-peer-check-digit-2", "No check digit exists (another last digit)", "3527014501900003",
                 keep=["serial", "warnings"]),
        nik_case("nik-known-100-years", "Born 1920: YY=20 would give 2020; the known birth date settles the century",
                 "3527011203200001", known="1920-03-12"),
        nik_case("nik-known-same", "Known birth date equal to the inferred one", SAMPLE, known="1990-01-05"),
        nik_case("nik-known-corrected", "Birth date corrected later: the NIK stays valid, with a warning",
                 SAMPLE, known="1990-01-06"),
        nik_case("nik-known-other-year", "Known date in another year: warning, the NIK's own date is kept",
                 SAMPLE, known="1991-01-05"),
        nik_case("nik-known-future-nik-date", "Known date 1926-12-01 settles a date that 2026 would put in the future",
                 "3527010112260001", known="1926-12-01"),
        nik_case("nik-masked", "The masked form keeps the region and hides date and serial",
                 "3527124501900001", keep=["masked"]),
    ]
    files["id/nik-peer-mistakes.json"] = render(
        "nik", "nik.parse",
        "Known mistakes of other validators (spec/identifiers.md) and known birth dates",
        NIK_BASIS, cases, GENERATOR)
    return files


# ---------------------------------------------------------------- kk.parse

def kk_files():
    cases = []
    sampang = sorted(c for c in R.districts if c.startswith("35.27."))
    for i, code in enumerate(sampang):
        day, month, yy = synthetic_date(i + 300)
        yy = 5 + i  # recorded 2005-2018
        number = "%s%02d%02d%02d%04d" % (code.replace(".", ""), day, month, yy, 10 + i)
        cases.append(kk_case("kk-sampang-%s" % code[-2:], "KK issued in %s %s" % (code, R.districts[code]), number))
    d = "352703"
    for day, month, yy, what in [
        (1, 1, 10, "1 January 2010"),
        (31, 12, 15, "31 December 2015"),
        (41, 1, 10, "a KK has no +40 offset: day 41 is invalid"),
        (0, 1, 10, "day 00"),
        (32, 1, 10, "day 32"),
        (31, 4, 10, "31 April"),
        (29, 2, 12, "29 February 2012 (leap year)"),
        (29, 2, 13, "29 February 2013 and 1913: no leap year"),
        (29, 2, 0, "29 February 2000"),
        (15, 0, 10, "month 00"),
        (15, 13, 10, "month 13"),
        (29, 11, 26, "recorded on the reference date"),
        (30, 11, 26, "one day after the reference date: 1926"),
        (1, 1, 27, "2027 is in the future: 1927"),
    ]:
        number = "%s%02d%02d%02d%04d" % (d, day, month, yy, 1)
        cases.append(kk_case("kk-date-%02d%02d%02d" % (day, month, yy), what, number))
    cases.append(kk_case("kk-future-both-centuries", "Reference 1999-12-31: 29 Feb 2000 is in the future, 1900 had none",
                         "352703290200" + "0001", ref="1999-12-31"))
    for number, what, strict in [
        ("3527030101100000", "family serial 0000", False),
        ("3527030101109999", "family serial 9999", False),
        ("1027030101100001", "province 10 does not exist", False),
        ("3500030101100001", "regency 00", False),
        ("3570030101100001", "regency 70", False),
        ("3527000101100001", "district 00", False),
        ("3527150101100001", "unknown district: warning in lenient mode", False),
        ("3527150101100001", "unknown district: error in strict mode", True),
        ("9101010101100001", "retired Papua district 91.01.01 Merauke: warning", False),
        ("9101010101100001", "retired district in strict mode: still accepted, with a warning", True),
        ("9901010101100001", "a KK has no NIT form: 99 is not a province", False),
    ]:
        cases.append(kk_case("kk-%s%s" % (number[:6] + "-" + number[12:], "-strict" if strict else ""), what, number, strict=strict))
    for case_id, text, what in [
        ("kk-input-dots", "3527.03.010110.0001", "dots between the blocks"),
        ("kk-input-empty", "  ", "only whitespace"),
        ("kk-input-letter", "3527030101100OO1", "letters O for zeros"),
        ("kk-input-fullwidth", "\uff13527030101100001", "a full-width digit"),
        ("kk-input-15", "352703010110001", "15 digits"),
        ("kk-input-17", "35270301011000011", "17 digits"),
    ]:
        cases.append(kk_case(case_id, what, text))
    cases.append(case("kk-call-missing-kk", "Malformed request: kk is required", {"reference_date": REFERENCE_DATE}, error="CALL_INVALID_INPUT"))
    cases.append(case("kk-call-missing-reference-date", "Malformed request: reference_date is required", {"kk": "3527030101100001"},
                      error="CALL_INVALID_INPUT"))
    return {"id/kk.json": render(
        "kk", "kk.parse",
        "KK number: issuing district (Kemendagri), recording date DDMMYY without +40, family serial",
        KK_BASIS, cases, GENERATOR)}


# ---------------------------------------------------------------- nop.parse

def nop(text, strict=False, table=None):
    """table: None for the built-in Sampang hint, else (regency 'PP.RR', verified, {kec: name}, {(kec, kel): name})."""
    digits, error = read_digits(text, "NOP", (18,))
    if error:
        return error
    province, regency = digits[:2], digits[2:4]
    kec, kel = digits[4:7], digits[7:10]
    warnings = []
    if province not in R.provinces:
        return "NOP_UNKNOWN_PROVINCE"
    regency_code = province + "." + regency
    found = R.find(regency_code)
    if found is None:
        if strict:
            return "NOP_UNKNOWN_REGENCY"
        warnings.append("NOP_UNKNOWN_REGENCY")
    if kec == "000" or kel == "000":
        return "NOP_ZERO_AREA"
    if table is None:
        hint = {row["bps_code"][4:7]: row["name_kemendagri"] for row in R.crosswalk}
        table = ("35.27", False, hint, {})
    kec_name = kel_name = None
    if table[0] != regency_code:
        warnings.append("NOP_NO_REFERENCE")
    else:
        _, verified, kecs, kels = table
        kec_name = kecs.get(kec)
        if kec_name is None:
            if verified:
                return "NOP_UNKNOWN_KECAMATAN"
            warnings.append("NOP_KECAMATAN_NOT_IN_REFERENCE")
        if verified and kels:
            kel_name = kels.get((kec, kel))
            if kel_name is None:
                return "NOP_UNKNOWN_KELURAHAN"
        if not verified:
            warnings.append("NOP_REFERENCE_UNVERIFIED")
    if digits[17] not in "079":
        warnings.append("NOP_UNUSUAL_SPECIAL_CODE")
    return {
        "formatted": "%s.%s.%s.%s.%s-%s.%s" % (digits[:2], digits[2:4], digits[4:7], digits[7:10], digits[10:13], digits[13:17], digits[17]),
        "province": province,
        "regency": regency,
        "regency_name": found[0] if found else None,
        "kecamatan": kec,
        "kecamatan_name": kec_name,
        "kelurahan": kel,
        "kelurahan_name": kel_name,
        "block": digits[10:13],
        "serial": digits[13:17],
        "special_code": digits[17],
        "warnings": warnings,
    }


def nop_files():
    cases = []
    for row in R.crosswalk:
        kec = row["bps_code"][4:7]
        number = "3527%s001001%04d0" % (kec, int(kec))
        cases.append(case(
            "nop-sampang-hint-%s" % kec,
            "NOP kecamatan %s is BPS %s = %s (Kemendagri %s), from the unverified crosswalk hint" % (
                kec, row["bps_code"], row["name_kemendagri"], row["kemendagri_code"]),
            {"nop": number}, **expect(nop(number))))
    for number, what, strict in [
        ("35.27.110.001.001-0001.0", "NOP 110 is Ketapang (BPS order), not Sokobanah (Kemendagri 35.27.11)", False),
        ("35.27.011.001.001-0001.0", "NOP 011 is not a BPS kecamatan of Sampang: warning against the unverified hint", False),
        ("35.27.140.001.001-0001.0", "NOP 140: Kemendagri has 14 kecamatan but BPS numbers them differently", False),
        ("35.27.010.001.001-0001.7", "special code 7 (jointly used)", False),
        ("35.27.010.001.001-0001.9", "special code 9", False),
        ("35.27.010.001.001-0001.1", "special code 1 is unusual: warning", False),
        ("35.27.010.001.001-0001.5", "special code 5 is unusual: warning", False),
        ("35.27.000.001.001-0001.0", "kecamatan 000 is never used", False),
        ("35.27.010.000.001-0001.0", "kelurahan 000 is never used", False),
        ("35.26.010.001.001-0001.0", "Bangkalan: no reference table given, kecamatan not checked", False),
        ("35.78.010.001.001-0001.0", "Kota Surabaya: no reference table", False),
        ("35.69.010.001.001-0001.0", "regency 35.69 does not exist: warning in lenient mode", False),
        ("35.69.010.001.001-0001.0", "regency 35.69 does not exist: error in strict mode", True),
        ("91.01.010.001.001-0001.0", "retired regency 91.01 (KAB. MERAUKE) is still known", True),
        ("99.27.010.001.001-0001.0", "99 is no province (a NOP has no NIT form)", False),
        ("10.27.010.001.001-0001.0", "province 10 does not exist", False),
        ("352701000100100010", "18 plain digits", False),
        ("  35 27 010 001 001 0001 0  ", "spaces and surrounding whitespace", False),
        ("", "empty", False),
        ("35.27.010.001.001/0001.0", "slash is not a separator", False),
        ("35.27.010.001.001-0001.\u0660", "an Arabic-Indic zero", False),
        ("35.27.010.001.001-0001", "17 digits", False),
        ("35.27.010.001.001-0001.00", "19 digits", False),
    ]:
        input_ = {"nop": number}
        if strict:
            input_["strict"] = True
        cases.append(case("nop-%02d" % len(cases), what, input_, **expect(nop(number, strict=strict))))

    csv_full = "kecamatan,kelurahan,name\n010,,Sreseh\n010,001,Noreh\n010,002,Labuhan\n020,,Torjun\n"
    table_full = ("35.27", True, {"010": "Sreseh", "020": "Torjun"}, {("010", "001"): "Noreh", ("010", "002"): "Labuhan"})
    csv_kec = "kecamatan,kelurahan,name\n010,,Sreseh\n020,,Torjun\n"
    table_kec_verified = ("35.27", True, {"010": "Sreseh", "020": "Torjun"}, {})
    table_kec_unverified = ("35.27", False, {"010": "Sreseh", "020": "Torjun"}, {})
    for case_id, number, reference, table, what in [
        ("nop-verified-known", "35.27.010.002.005-0012.0", {"regency": "35.27", "verified": True, "csv": csv_full}, table_full,
         "a verified SISMIOP table with kelurahan rows names both"),
        ("nop-verified-unknown-kecamatan", "35.27.030.001.005-0012.0", {"regency": "35.27", "verified": True, "csv": csv_full}, table_full,
         "kecamatan 030 is not in the verified table: error"),
        ("nop-verified-unknown-kelurahan", "35.27.010.003.005-0012.0", {"regency": "35.27", "verified": True, "csv": csv_full}, table_full,
         "kelurahan 010.003 is not in the verified table: error"),
        ("nop-verified-no-kelurahan-rows", "35.27.020.009.005-0012.0", {"regency": "3527", "verified": True, "csv": csv_kec}, table_kec_verified,
         "a verified table without kelurahan rows checks kecamatan only"),
        ("nop-unverified-table-missing-kecamatan", "35.27.030.001.005-0012.0", {"regency": "35.27", "verified": False, "csv": csv_kec}, table_kec_unverified,
         "an unverified table only warns"),
        ("nop-table-other-regency", "35.27.010.001.005-0012.0", {"regency": "35.26", "verified": True, "csv": csv_kec}, ("35.26", True, {}, {}),
         "the caller's table for 35.26 replaces the built-in hint: 35.27 has no reference"),
        ("nop-table-for-its-regency", "35.26.010.001.005-0012.0", {"regency": "35.26", "verified": True, "csv": csv_kec}, ("35.26", True, {"010": "Sreseh", "020": "Torjun"}, {}),
         "the caller's table is used for its own regency"),
    ]:
        cases.append(case(case_id, what, {"nop": number, "reference": reference}, **expect(nop(number, table=table))))
    for case_id, reference, code, what in [
        ("nop-table-district-code", {"regency": "35.27.01", "verified": True, "csv": csv_kec}, "SISMIOP_TABLE_NOT_A_REGENCY",
         "a table is for one regency, not a district"),
        ("nop-table-province-code", {"regency": "35", "verified": True, "csv": csv_kec}, "SISMIOP_TABLE_NOT_A_REGENCY",
         "a table is for one regency, not a province"),
        ("nop-table-bad-regency", {"regency": "35-27x", "verified": True, "csv": csv_kec}, "REGION_INVALID_CODE",
         "the table's regency is not a region code"),
        ("nop-table-two-digit-kecamatan", {"regency": "35.27", "verified": True, "csv": "kecamatan,kelurahan,name\n10,,Sreseh\n"},
         "SISMIOP_TABLE_INVALID_LINE", "kecamatan codes have 3 digits"),
        ("nop-table-missing-field", {"regency": "35.27", "verified": True, "csv": "kecamatan,kelurahan,name\n010\n"},
         "SISMIOP_TABLE_INVALID_LINE", "a line needs three fields"),
        ("nop-table-letters", {"regency": "35.27", "verified": True, "csv": "kecamatan,kelurahan,name\n010,,Sreseh\n0a0,001,X\n"},
         "SISMIOP_TABLE_INVALID_LINE", "codes are digits"),
    ]:
        cases.append(case(case_id, what, {"nop": "35.27.010.001.005-0012.0", "reference": reference}, error=code))
    cases.append(case("nop-call-strict-string", "Malformed request: strict is a boolean", {"nop": "352701000100100010", "strict": "true"},
                      error="CALL_INVALID_INPUT"))
    cases.append(case("nop-call-reference-incomplete", "Malformed request: a reference needs regency, verified and csv",
                      {"nop": "352701000100100010", "reference": {"regency": "35.27", "csv": "kecamatan,kelurahan,name\n"}},
                      error="CALL_INVALID_INPUT"))
    return {"id/nop.json": render(
        "nop", "nop.parse",
        "NOP PBB-P2: layout, Kemendagri province and regency, SISMIOP kecamatan/kelurahan against a reference table, special code",
        NOP_BASIS, cases, GENERATOR)}


# ---------------------------------------------------------------- npwp.parse

def npwp_files():
    cases = []

    def add(case_id, what, text, source=None):
        input_ = {"npwp": text, "reference_date": REFERENCE_DATE}
        cases.append(case(case_id, what, input_, source=source, **expect(npwp(text))))

    add("npwp-spec-valid", "The spec's valid example", "01.451.869.0-054.000", source="spec/identifiers.md, NPWP example (valid)")
    add("npwp-spec-invalid-check", "The spec's example with check digit 7: fails Luhn", "01.451.869.7-054.000",
        source="spec/identifiers.md, NPWP example (invalid)")
    for c in "123456789":
        if c != "0":
            add("npwp-spec-check-%s" % c, "Check digit %s instead of 0" % c, "01.451.869.%s-054.000" % c)
    # Generated legacy NPWPs with a correct Luhn digit, and the same with the digit + 1.
    for i in range(12):
        first8 = "%08d" % ((i * 7919 + 1234567) * 37 % 10 ** 8)
        good = luhn_digit(first8)
        bad = str((int(good) + 1 + i % 8) % 10)
        office, branch = "%03d" % (100 + i * 37 % 900), "%03d" % (i % 3)
        plain = first8 + good + office + branch
        formatted = "%s.%s.%s.%s-%s.%s" % (first8[:2], first8[2:5], first8[5:8], good, office, branch)
        add("npwp-legacy-%02d" % i, "Legacy 15 digits, Luhn digit %s over digits 1-9" % good, formatted if i % 2 else plain)
        add("npwp-legacy-%02d-wrong" % i, "The same with check digit %s" % bad, first8 + bad + office + branch)
        add("npwp-entity16-%02d" % i, "16 digits: 0 + the legacy 15 (Luhn over digits 2-10)", "0" + plain)
        if i < 4:
            add("npwp-nitku-entity-%02d" % i, "NITKU: NPWP16 + place of business %06d" % (i + 1), "0" + plain + "%06d" % i)
    add("npwp-entity16-wrong", "16 digits with 0: Luhn fails", "0014518697054000")
    add("npwp-nik16", "16 digits not starting with 0: a person's NIK", SAMPLE)
    add("npwp-nik16-dots", "A NIK written with dots", "3527.01.450190.0001")
    add("npwp-nik16-invalid-day", "A NIK-form NPWP must be a valid NIK (day 81)", "3527018101900001")
    add("npwp-nik16-district-00", "A NIK-form NPWP with district 00", "3527004501900001")
    add("npwp-nik16-nit", "A NIT is a NIK too", "9912345501900001")
    add("npwp-nitku-person", "NITKU of a person: NIK + place of business", SAMPLE + "000001")
    add("npwp-nitku-person-invalid", "NITKU whose first 16 digits are not a valid NIK", "3527014501900000" + "000001")
    add("npwp-nitku-head-office", "NITKU 000000 = head office", "0014518690054000000000")
    for n in (14, 17, 21, 23, 1):
        add("npwp-length-%d" % n, "%d digits" % n, ("3527014501900001234567890")[:n])
    add("npwp-empty", "empty", "")
    add("npwp-letter", "a letter", "01.451.869.O-054.000")
    add("npwp-fullwidth", "a full-width digit", "\uff10" + "14518690054000")
    cases.append(case("npwp-call-missing-reference-date", "Malformed request: reference_date is required (an NPWP may be a NIK)",
                      {"npwp": "01.451.869.0-054.000"}, error="CALL_INVALID_INPUT"))
    return {"id/npwp.json": render(
        "npwp", "npwp.parse",
        "NPWP: legacy 15 digits with Luhn check digit, NPWP16 (NIK or 0 + legacy), NITKU 22",
        NPWP_BASIS, cases, GENERATOR)}


# ---------------------------------------------------------------- nib.parse, phone.normalize

def nib_files():
    cases = []
    for case_id, text, what in [
        ("nib-plain", "1234567890123", "13 digits"),
        ("nib-zeros", "0000000000000", "13 zeros: no structure or checksum is published, so accepted"),
        ("nib-spaces", "1234 5678 9012 3", "spaces"),
        ("nib-dots-dashes", "12.345-678.901-23", "dots and dashes"),
        ("nib-whitespace", "\t1234567890123 ", "surrounding whitespace"),
        ("nib-12", "123456789012", "12 digits"),
        ("nib-14", "12345678901234", "14 digits"),
        ("nib-1", "1", "1 digit"),
        ("nib-empty", "", "empty"),
        ("nib-blank", "   ", "only spaces"),
        ("nib-letter", "12345678901A3", "a letter"),
        ("nib-prefix", "NIB1234567890123", "the word NIB in front"),
        ("nib-fullwidth", "123456789012\uff13", "a full-width digit"),
        ("nib-devanagari", "\u0967234567890123", "a Devanagari digit"),
    ]:
        result = read_digits(text, "NIB", (13,))
        value = result[1] if result[1] else {"nib": result[0]}
        cases.append(case(case_id, what, {"nib": text}, **expect(value)))
    cases.append(case("nib-call-unknown-field", "Malformed request: an unknown field", {"nib": "1234567890123", "oss": True},
                      error="CALL_INVALID_INPUT"))
    cases.append(case("nib-call-not-an-object", "Malformed request: the input is an object", "1234567890123", error="CALL_INVALID_INPUT"))
    return {"id/nib.json": render(
        "nib", "nib.parse", "NIB (OSS): exactly 13 digits; nothing else can be checked offline",
        NIB_BASIS, cases, GENERATOR)}


def phone_files():
    cases = []
    forms = [
        ("phone-08", "0812-3456-7890", "national 08 form with dashes"),
        ("phone-08-plain", "081234567890", "national, plain"),
        ("phone-62", "6281234567890", "62 without plus"),
        ("phone-plus62", "+6281234567890", "E.164 already"),
        ("phone-plus62-spaces", "+62 812 3456 7890", "+62 with spaces"),
        ("phone-plus62-trunk-0", "+62 0812 3456 7890", "+62 0812: the trunk 0 is dropped"),
        ("phone-paren-plus62", "(+62) 812-3456-7890", "(+62) form"),
        ("phone-0062", "0062 812 3456 7890", "00 international prefix"),
        ("phone-paren-08", "(0812) 3456 7890", "parentheses around the prefix"),
        ("phone-dots", "0812.3456.7890", "dots"),
        ("phone-whitespace", "  081234567890\n", "surrounding whitespace"),
        ("phone-len-9", "081234567", "9 digits in the 08 form: too short"),
        ("phone-len-10", "0812345678", "10 digits: the shortest"),
        ("phone-len-11", "08123456789", "11 digits"),
        ("phone-len-13", "0812345678901", "13 digits: the longest"),
        ("phone-len-14", "08123456789012", "14 digits: too long"),
        ("phone-plus62-len-10", "+62812345678", "+62 form, 10 digits in the 08 form"),
        ("phone-plus62-len-9", "+6281234567", "+62 form, 9 digits in the 08 form"),
        ("phone-plus62-len-14", "+628123456789012", "+62 form, 14 digits in the 08 form"),
        ("phone-62-len-13", "62812345678901", "62 form, 13 digits"),
        ("phone-landline-surabaya", "031 5678901", "Surabaya landline (031): not mobile"),
        ("phone-landline-sampang", "(0323) 321234", "Sampang landline (0323): not mobile"),
        ("phone-landline-plus62", "+62 323 321234", "landline in +62 form"),
        ("phone-plus62-0-landline", "+62 0323 321234", "+62 0323: landline"),
        ("phone-malaysia", "+60 12 345 6789", "Malaysia"),
        ("phone-us", "+1 202 555 0100", "United States"),
        ("phone-0065", "0065 9123 4567", "00 + Singapore"),
        ("phone-no-prefix", "81234567890", "no 0 or 62 in front"),
        ("phone-leading-1", "1234567890", "starts with 1"),
        ("phone-empty", "", "empty"),
        ("phone-separators-only", " ( ) - ", "only separators"),
        ("phone-letters", "0812-34AB-7890", "letters"),
        ("phone-plus-inside", "0812+34567890", "a plus after digits"),
        ("phone-two-plus", "++6281234567890", "two plus signs"),
        ("phone-slash", "0812/3456/7890", "slash is not a separator"),
        ("phone-fullwidth", "\uff10812-3456-7890", "full-width zero"),
        ("phone-arabic-indic", "\u0660\u0668123456789", "Arabic-Indic digits"),
        ("phone-0857", "0857-1234-5678", "Indosat prefix 0857"),
        ("phone-0895", "0895 1234 5678", "Tri prefix 0895"),
        ("phone-0881", "0881 2345 678", "Smartfren prefix 0881, 11 digits"),
    ]
    for case_id, text, what in forms:
        cases.append(case(case_id, what, {"phone": text}, **expect(phone(text))))
    cases.append(case("phone-call-null", "Malformed request: phone is a string", {"phone": None}, error="CALL_INVALID_INPUT"))
    cases.append(case("phone-call-number", "Malformed request: a number loses the leading 0", {"phone": 81234567890}, error="CALL_INVALID_INPUT"))
    return {"id/phone.json": render(
        "phone", "phone.normalize",
        "Indonesian mobile numbers to E.164 (+628…), 10-13 digits in the national 08… form",
        PHONE_BASIS, cases, GENERATOR)}


# ---------------------------------------------------------------- region.lookup, region.search

def region_files():
    files = {}

    def lookup_case(case_id, what, text):
        plain = text.strip().replace(".", "")
        if not plain.isdigit() or not plain.isascii() or len(plain) not in (2, 4, 6, 10):
            return case(case_id, what, {"code": text}, error="REGION_INVALID_CODE")
        record = R.region(dotted(plain))
        if record is None:
            return case(case_id, what, {"code": text}, error="REGION_NOT_FOUND")
        return case(case_id, what, {"code": text}, ok=record)

    cases = [lookup_case("region-province-" + c, "Province %s %s" % (c, n), c) for c, n in sorted(R.provinces.items())]
    files["region/provinces.json"] = render(
        "region", "region.lookup", "Every province of the current decree (38)", REGION_BASIS, cases, GENERATOR)

    cases = [lookup_case("region-regency-" + c.replace(".", ""), "%s %s" % (c, n), c)
             for c, n in sorted(R.regencies.items()) if c.startswith("35.")]
    cases += [lookup_case("region-regency-plain-" + c.replace(".", ""), "%s in plain form" % n, c.replace(".", ""))
              for c, n in sorted(R.regencies.items()) if c[:2] in ("11", "31", "51", "64", "96")]
    files["region/regencies.json"] = render(
        "region", "region.lookup",
        "Every regency of Jawa Timur, and the regencies of a few other provinces in plain form",
        REGION_BASIS, cases, GENERATOR)

    cases = [lookup_case("region-district-" + c.replace(".", ""), "Kecamatan %s" % n, c)
             for c, n in sorted(R.districts.items()) if c.startswith("35.27.")]
    cases += [lookup_case("region-village-" + c.replace(".", ""), "%s %s" % ("Kelurahan" if c[9] == "1" else "Desa", n), c)
              for c, n in sorted(R.villages.items())]
    files["region/sampang.json"] = render(
        "region", "region.lookup",
        "Kabupaten Sampang (35.27): its 14 kecamatan and 186 desa/kelurahan",
        REGION_BASIS, cases, GENERATOR)

    retired = sorted(R.retired)
    sample = [c for c in retired if R.retired[c]["level"] == "regency"]
    sample += [c for c in retired if R.retired[c]["successor_match"] != "exact-name"]
    sample += [c for i, c in enumerate(c for c in retired if R.retired[c]["level"] == "district") if i % 25 == 0]
    cases = [lookup_case("region-retired-" + c.replace(".", ""), "Retired %s %s -> %s" % (
        c, R.retired[c]["name_when_retired"], R.retired[c]["probable_successor_code"]), c) for c in dict.fromkeys(sample)]
    files["region/retired.json"] = render(
        "region", "region.lookup",
        "Papua codes retired in 2022 (old NIKs still carry them), each with its probable successor",
        REGION_BASIS, cases, GENERATOR)

    cases = [lookup_case(case_id, what, text) for case_id, text, what in [
        ("region-form-plain-district", "352701", "district without dots"),
        ("region-form-plain-village", "3527012001", "village without dots"),
        ("region-form-whitespace", " 35.27 ", "surrounding whitespace"),
        ("region-form-1-digit", "3", "1 digit"),
        ("region-form-3-digits", "352", "3 digits"),
        ("region-form-5-digits", "35.27.0", "5 digits"),
        ("region-form-8-digits", "35.27.01.20", "8 digits"),
        ("region-form-9-digits", "35.27.01.200", "9 digits"),
        ("region-form-11-digits", "35.27.01.20011", "11 digits"),
        ("region-form-empty", "", "empty"),
        ("region-form-letter", "35.2A", "a letter"),
        ("region-form-dash", "35-27", "a dash is not a region code separator"),
        ("region-form-bps-7", "3527110", "a 7-digit BPS kecamatan code is no Kemendagri code"),
        ("region-not-found-province-99", "99", "99 (NIT) is not a region"),
        ("region-not-found-province-00", "00", "province 00"),
        ("region-not-found-regency", "35.69", "regency 35.69"),
        ("region-not-found-regency-70", "35.70", "regency 70 is never used"),
        ("region-not-found-district", "35.27.15", "district 35.27.15 (Sampang has 14)"),
        ("region-not-found-village", "35.27.01.2099", "no such village in Sreseh"),
        ("region-not-found-village-outside-sampang", "35.26.01.2001", "villages are loaded for Sampang only"),
        ("region-not-found-bps-94-regency", "94.71", "BPS 9471 (Kota Jayapura) is not a Kemendagri code"),
    ]]
    cases.append(case("region-call-number", "Malformed request: a code is a string", {"code": 35}, error="CALL_INVALID_INPUT"))
    cases.append(case("region-call-missing-code", "Malformed request: code is required", {}, error="CALL_INVALID_INPUT"))
    files["region/lookup-forms.json"] = render(
        "region", "region.lookup", "Code forms (dotted, plain) and codes that are malformed or unknown",
        REGION_BASIS, cases, GENERATOR)
    files.update(search_files())
    return files


def fold(text):
    return "".join(c for c in text if c.isalnum()).lower()


PREFIXES = [["kabupaten", "administrasi"], ["kota", "administrasi"], ["kabupaten"], ["kota"]]


def match(name, level, needle):
    """exact (whole name, or a regency name without Kabupaten/Kota [Administrasi]), prefix of a
    word running on into the next words, or substring; all folded."""
    words, word = [], ""
    for c in name + " ":
        if c.isalnum():
            word += c
        elif word:
            words.append(fold(word))
            word = ""
    bare = None
    if level == "regency":
        for p in PREFIXES:
            if len(words) > len(p) and words[:len(p)] == p:
                bare = "".join(words[len(p):])
                break
    if fold(name) == needle or bare == needle:
        return 0
    if any("".join(words[i:]).startswith(needle) for i in range(len(words))):
        return 1
    if needle in fold(name):
        return 2
    return None


def search(text, limit):
    needle = fold(text)
    if not needle or limit == 0:
        return []
    order = {"province": 0, "regency": 1, "district": 2, "village": 3}
    hits = []
    everything = [(c, lvl) for lvl in ("province", "regency", "district", "village") for c in R.table(lvl)]
    everything += [(c, r["level"]) for c, r in R.retired.items()]
    for code, level in everything:
        record = R.region(code)
        kind = match(record["name"], level, needle)
        if kind is not None:
            key = (kind, record["retired"] is not None, order[level], int(code.replace(".", "")))
            hits.append((key, dict(record, match=["exact", "prefix", "substring"][kind])))
    hits.sort(key=lambda h: h[0])
    return [h[1] for h in hits[:min(limit, 1000)]]


def search_files():
    cases = []
    for case_id, text, limit, what in [
        ("search-sampang", "sampang", 3, "the regency first (exact without 'Kabupaten'), then districts named Sampang in code order (33.01.17 in Cilacap before 35.27.03)"),
        ("search-kabupaten-sampang", "Kabupaten Sampang", 2, "the full regency name"),
        ("search-tamba-an", "tamba an", 5, "apostrophes and spaces are ignored: Tamba'an"),
        ("search-karang-penang", "karang penang", 5, "Karangpenang written apart"),
        ("search-mandangin", "mandangin", 5, "P. Mandangin by a later word"),
        ("search-sreseh", "SRESEH", 5, "case is ignored"),
        ("search-jawa-timur", "jawa timur", 1, "a province"),
        ("search-surabaya", "surabaya", 2, "Kota Surabaya without 'Kota'"),
        ("search-kepulauan-seribu", "kepulauan seribu", 2, "Kabupaten Administrasi: both words may be left out"),
        ("search-merauke", "merauke", 4, "current codes first, retired ones after them"),
        ("search-empty", "", 5, "empty text finds nothing"),
        ("search-punctuation", "' .-", 5, "only punctuation finds nothing"),
        ("search-limit-0", "sampang", 0, "limit 0"),
        ("search-nothing", "zzzzqq", 5, "no match"),
    ]:
        cases.append(case(case_id, what, {"text": text, "limit": limit}, ok={"hits": search(text, limit)}))
    cases.append(case("search-default-limit", "without a limit, at most 20 hits", {"text": "a"}, ok={"hits": search("a", 20)}))
    cases.append(case("search-call-negative-limit", "Malformed request: the limit is not negative", {"text": "sampang", "limit": -1},
                      error="CALL_INVALID_INPUT"))
    return {"region/search.json": render(
        "region-search", "region.search",
        "Region search by name: case, space and punctuation insensitive; exact, then prefix, then substring; higher levels first; retired last",
        REGION_BASIS, cases, GENERATOR)}


def main():
    files = {}
    for part in (nik_files, kk_files, nop_files, npwp_files, nib_files, phone_files, region_files):
        files.update(part())
    return write_all(files, "--check" in sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
