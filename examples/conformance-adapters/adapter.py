#!/usr/bin/env python3
"""Example conformance adapter in plain Python (3.8+, no dependencies).

It shows the stdio protocol of `kotacerdas conformance run --adapter "python3 adapter.py"`:
one JSON request per line on stdin, one JSON answer per line on stdout.

    request   {"id": "7", "function": "nib.parse", "input": {"nib": "1234567890123"}}
    answers   {"id": "7", "ok": {...}}
              {"id": "7", "error": {"code": "NIB_INVALID_LENGTH"}}
              {"id": "7", "unsupported": true}

It implements nib.parse and phone.normalize completely, and nik.parse for what it can decide
without the national region table: NITs (prefix 99), NIKs of Kabupaten Sampang (35.27), and
inputs refused before the region is looked at. Everything else is answered "unsupported",
which the runner reports as skipped, not failed. Replace the functions with calls into your own
code. Print nothing else on stdout (logs go to stderr), and flush after every answer.
"""

import datetime
import json
import sys
import unicodedata

SAMPANG = {
    "01": "Sreseh", "02": "Torjun", "03": "Sampang", "04": "Camplong", "05": "Omben", "06": "Kedungdung",
    "07": "Jrengik", "08": "Tambelangan", "09": "Banyuates", "10": "Robatal", "11": "Sokobanah",
    "12": "Ketapang", "13": "Pangarengan", "14": "Karangpenang",
}


class Refused(Exception):
    """An error answer with a stable code."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Unsupported(Exception):
    """This adapter cannot decide the case."""


def is_other_digit(c):
    """Any other Unicode number (full-width, Arabic-Indic, ...): refused with its own code."""
    return unicodedata.category(c).startswith("N")


def read_digits(text, prefix, lengths):
    """Digits of an identifier: surrounding whitespace and spaces, dots, dashes are skipped."""
    digits = ""
    for c in text.strip():
        if c in "0123456789":
            digits += c
        elif c not in " .-":
            raise Refused(prefix + ("_NON_ASCII_DIGIT" if is_other_digit(c) else "_INVALID_CHARACTER"))
    if not digits:
        raise Refused(prefix + "_EMPTY")
    if len(digits) not in lengths:
        raise Refused(prefix + "_INVALID_LENGTH")
    return digits


def fields(input_, required, optional=()):
    """The input object, refused as CALL_INVALID_INPUT if a field is missing or unknown."""
    if not isinstance(input_, dict):
        raise Refused("CALL_INVALID_INPUT")
    if any(name not in input_ for name in required) or any(name not in required + optional for name in input_):
        raise Refused("CALL_INVALID_INPUT")
    return input_


def string(value):
    if not isinstance(value, str):
        raise Refused("CALL_INVALID_INPUT")
    return value


def date(value):
    """YYYY-MM-DD, a real calendar date in the years 1800-9999."""
    text = string(value)
    parts = text.split("-")
    if len(text) != 10 or len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        raise Refused("CALL_INVALID_INPUT")
    year, month, day = (int(p) for p in parts)
    if not 1800 <= year <= 9999 or not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        raise Refused("CALL_INVALID_INPUT")
    return datetime.date(year, month, day)


def nib_parse(input_):
    nib = string(fields(input_, ("nib",))["nib"])
    return {"nib": read_digits(nib, "NIB", (13,))}


def phone_normalize(input_):
    text = string(fields(input_, ("phone",))["phone"])
    digits, plus = "", False
    for c in text.strip():
        if c in "0123456789":
            digits += c
        elif c == "+" and not digits and not plus:
            plus = True
        elif c not in " .-()":
            raise Refused("PHONE_NON_ASCII_DIGIT" if is_other_digit(c) else "PHONE_INVALID_CHARACTER")
    if not digits:
        raise Refused("PHONE_EMPTY")
    if not plus and digits.startswith("00"):
        digits, plus = digits[2:], True
    if plus or digits.startswith("62"):
        if not digits.startswith("62"):
            raise Refused("PHONE_NOT_INDONESIAN")
        national = digits[2:]
        if national.startswith("0"):
            national = national[1:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise Refused("PHONE_INVALID_PREFIX")
    if not national.startswith("8"):
        raise Refused("PHONE_NOT_MOBILE")
    if not 10 <= len(national) + 1 <= 13:
        raise Refused("PHONE_INVALID_LENGTH")
    hidden = len(national) - 7
    return {"e164": "+62" + national, "national": "0" + national,
            "masked": "+62" + national[:3] + "*" * hidden + national[3 + hidden:]}


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def nik_parse(input_):
    input_ = fields(input_, ("nik", "reference_date"), ("strict", "known_birth_date"))
    text, today = string(input_["nik"]), date(input_["reference_date"])
    strict = input_.get("strict", False)
    if not isinstance(strict, bool):
        raise Refused("CALL_INVALID_INPUT")
    known = date(input_["known_birth_date"]) if "known_birth_date" in input_ else None
    digits = read_digits(text, "NIK", (16,))
    nit = digits.startswith("99")
    warnings = []
    if not nit:
        if not digits.startswith("3527"):
            raise Unsupported()  # would need the national region table
        if digits[4:6] == "00":
            raise Refused("NIK_INVALID_DISTRICT")
        if digits[4:6] not in SAMPANG:
            if strict:
                raise Refused("NIK_UNKNOWN_DISTRICT")
            warnings.append("NIK_UNKNOWN_DISTRICT")
    day = int(digits[6:8])
    if 1 <= day <= 31:
        sex = "male"
    elif 41 <= day <= 71:
        day, sex = day - 40, "female"
    else:
        raise Refused("NIK_INVALID_DAY")
    month, yy = int(digits[8:10]), int(digits[10:12])
    if not 1 <= month <= 12:
        raise Refused("NIK_INVALID_MONTH")
    if known is not None and (known.day, known.month, known.year % 100) == (day, month, yy):
        birth, century = known, "from_known_date"
    else:
        birth = century = None
        for year, name in ((2000 + yy, "current"), (1900 + yy, "previous")):
            if day <= days_in_month(year, month) and datetime.date(year, month, day) <= today:
                birth, century = datetime.date(year, month, day), name
                break
        if birth is None:
            exists = any(day <= days_in_month(y, month) for y in (2000 + yy, 1900 + yy))
            raise Refused("NIK_BIRTH_DATE_IN_FUTURE" if exists else "NIK_INVALID_DATE")
        if known is not None:
            warnings.append("NIK_BIRTH_DATE_MISMATCH")
    if digits[12:] == "0000":
        raise Refused("NIK_INVALID_SERIAL")

    def region(code, name):
        return None if nit else {"code": code, "name": name, "retired": False}

    return {
        "kind": "nit" if nit else "nik",
        "province": region("35", "Jawa Timur"),
        "regency": region("35.27", "Kabupaten Sampang"),
        "district": region("35.27." + digits[4:6], SAMPANG.get(digits[4:6])),
        "nit_country_code": digits[2:5] if nit else None,
        "nit_mission_code": digits[5] if nit else None,
        "birth_date": birth.isoformat(),
        "century_inference": century,
        "sex": sex,
        "serial": digits[12:],
        "masked": digits[:6] + "*" * 10,
        "warnings": warnings,
    }


FUNCTIONS = {"nib.parse": nib_parse, "phone.normalize": phone_normalize, "nik.parse": nik_parse}


def answer(request):
    function = FUNCTIONS.get(request.get("function"))
    if function is None:
        return {"unsupported": True}
    try:
        return {"ok": function(request.get("input"))}
    except Refused as refused:
        return {"error": {"code": refused.code}}
    except Unsupported:
        return {"unsupported": True}


def main():
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    for line in sys.stdin:
        request = json.loads(line)
        reply = dict({"id": request["id"]}, **answer(request))
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
