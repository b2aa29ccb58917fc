"""NikChecker (16 ASCII digits cross as an int) answers exactly as check_nik (the text path)."""

import json
import random
import threading
from pathlib import Path

import pytest

from kotacerdas import NikChecker, NikError, NikOptions, NikVerdict, check_nik

ROOT = Path(__file__).resolve().parents[3]
OPTION_KEYS = {"nik", "reference_date", "strict", "known_birth_date"}


def expected(nik, options):
    check = check_nik(nik, options)
    return NikVerdict(check.valid, check.error.code if check.error else None, tuple(check.warning_codes))


def fast(nik):
    return len(nik) == 16 and nik.isascii() and nik.isdigit()


def test_conformance_vectors_answer_as_check_nik_and_as_the_vector():
    compared = fast_path = 0
    for path in sorted((ROOT / "conformance" / "vectors").rglob("nik*.json")):
        suite = json.loads(path.read_text())
        if suite["function"] != "nik.parse":
            continue
        for case in suite["cases"]:
            given = case["input"]
            if set(given) - OPTION_KEYS or not isinstance(given.get("nik"), str):
                continue  # a malformed request: `call`'s concern
            if not all(isinstance(given.get(k, ""), str) for k in ("reference_date", "known_birth_date")):
                continue
            if not isinstance(given.get("strict", False), bool):
                continue
            options = NikOptions(
                reference_date=given.get("reference_date"),
                strict=given.get("strict", False),
                known_birth_date=given.get("known_birth_date"),
            )
            try:
                checker = NikChecker(options)
            except NikError.InvalidArgument as error:
                with pytest.raises(NikError.InvalidArgument) as again:
                    check_nik(given["nik"], options)
                assert again.value.code == error.code
                continue
            verdict = checker.check(given["nik"])
            assert verdict == expected(given["nik"], options), case["id"]
            want = case["expected"]
            code = want.get("error", {}).get("code")
            if code is None or code.startswith("NIK_"):
                assert verdict.error_code == code, case["id"]
            compared += 1
            fast_path += fast(given["nik"])
    assert compared >= 500, compared
    assert 450 <= fast_path < compared, fast_path


REGIONS = ["352701", "352799", "352700", "357001", "910101", "990010", "000000", "317101"]


def generated(rng):
    serial = 0 if rng.randrange(20) == 0 else rng.randrange(1, 10_000)  # 0000 is refused
    digits = rng.choice(REGIONS) + "%02d%02d%02d%04d" % (
        rng.randrange(75), rng.randrange(14), rng.randrange(100), serial)
    kind = rng.randrange(10)
    if kind == 0:
        return digits[:15]
    if kind == 1:
        return digits[:6] + "." + digits[6:]
    if kind == 2:
        return digits[:3] + "\uFF13" + digits[4:]  # a full-width digit
    return digits


def test_twenty_thousand_generated_inputs_answer_as_check_nik():
    rng = random.Random(2026)
    option_sets = [
        NikOptions(reference_date="2026-11-29"),
        NikOptions(reference_date="2026-11-29", strict=True),
        NikOptions(reference_date="2020-02-29", known_birth_date="1990-01-05"),
        None,
    ]
    checkers = [NikChecker(o) for o in option_sets]
    seen = set()
    fast_path = 0
    for i in range(20_000):
        nik = generated(rng)
        verdict = checkers[i % 4].check(nik)
        assert verdict == expected(nik, option_sets[i % 4]), (i, i % 4)
        seen.add(verdict)
        fast_path += fast(nik)
    # The mix reaches both paths and every kind of answer, so the comparison means something.
    assert 12_000 <= fast_path <= 19_000, fast_path
    assert {v.error_code for v in seen} >= {
        "NIK_INVALID_LENGTH", "NIK_NON_ASCII_DIGIT", "NIK_UNKNOWN_PROVINCE", "NIK_INVALID_DISTRICT",
        "NIK_UNKNOWN_DISTRICT", "NIK_INVALID_DAY", "NIK_INVALID_MONTH", "NIK_INVALID_DATE",
        "NIK_INVALID_SERIAL",
    }
    assert {w for v in seen for w in v.warning_codes} >= {"NIK_UNKNOWN_DISTRICT", "NIK_BIRTH_DATE_MISMATCH"}
    assert NikVerdict(True, None, ()) in seen


def test_eight_threads_share_one_checker():
    checker = NikChecker(NikOptions(reference_date="2026-11-29"))
    rng = random.Random(7)
    inputs = [n for n in (generated(rng) for _ in range(400)) if fast(n)]
    want = [expected(n, checker.options) for n in inputs]
    bad = []

    def work(t):
        for i in range(2_000):
            k = (i * 7 + t * 131) % len(inputs)
            if checker.check(inputs[k]) != want[k]:
                bad.append(k)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert bad == []


def test_malformed_options_raise_once_at_construction():
    with pytest.raises(NikError.InvalidArgument) as error:
        NikChecker(NikOptions(reference_date="29-11-2026"))
    assert error.value.code == "DATE_INVALID_FORMAT"
