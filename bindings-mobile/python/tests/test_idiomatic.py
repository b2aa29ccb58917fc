"""The bindings as a Python developer uses them."""

import threading

import pytest

import kotacerdas
from kotacerdas import CallError, Nik, NikError, NikOptions

FIXED = NikOptions(reference_date="2026-11-29")


def test_nik_prints_masked_and_reveals_on_request():
    nik = Nik.parse("3527 01 450190 0001", FIXED)
    assert str(nik) == "352701**********"
    assert "0001" not in repr(nik)
    assert nik.reveal() == "3527014501900001"
    details = nik.details()
    assert details.kind == kotacerdas.NikKind.NIK
    assert details.sex == kotacerdas.Sex.FEMALE
    assert details.birth_date == "1990-01-05"
    assert details.district.name == "Sreseh"
    assert details.warnings == []
    assert "3527014501900001" not in repr(details)
    assert nik == Nik.parse("3527014501900001", FIXED)
    assert hash(nik) == hash(Nik.parse("3527014501900001", FIXED))
    assert Nik.parse("9912345501900001", FIXED).details().province is None


def test_errors_are_exceptions_with_code_fields_and_messages():
    with pytest.raises(NikError) as caught:
        Nik.parse("1234", FIXED)
    error = caught.value
    assert isinstance(error, NikError.Invalid)
    assert error.code == "NIK_INVALID_LENGTH"
    assert error.fields == {"found": "4"}
    assert error.message_id == "NIK harus 16 digit, ditemukan 4 digit"
    assert error.message_en == "A NIK has 16 digits, found 4"
    with pytest.raises(NikError.InvalidArgument) as caught:
        Nik.parse("3527014501900001", NikOptions(reference_date="tomorrow"))
    assert caught.value.code == "DATE_INVALID_FORMAT"
    with pytest.raises(CallError.UnknownFunction):
        kotacerdas.call("nik.nope", "{}")


def test_other_identifiers_and_regions():
    assert kotacerdas.parse_kk("3527010101200001", kotacerdas.KkOptions(reference_date="2026-11-29")).masked == "352701**********"
    assert kotacerdas.parse_nop("352701000100100010").formatted == "35.27.010.001.001-0001.0"
    assert kotacerdas.parse_npwp("3527014501900001", "2026-11-29").form == kotacerdas.NpwpForm.NIK16
    assert kotacerdas.parse_nib("1234567890123") == "1234567890123"
    assert kotacerdas.normalize_phone("0812-3456-7890").e164 == "+6281234567890"
    with pytest.raises(kotacerdas.PhoneError.Invalid) as caught:
        kotacerdas.normalize_phone("031 1234567")
    assert caught.value.code == "PHONE_NOT_MOBILE"
    sampang = kotacerdas.region_lookup("35.27")
    assert sampang.level == kotacerdas.RegionLevel.REGENCY
    assert len(kotacerdas.region_children("35.27")) == 14
    assert kotacerdas.region_search("karang penang")[0].matched == kotacerdas.MatchKind.EXACT
    with pytest.raises(kotacerdas.RegionError.NotFound):
        kotacerdas.region_lookup("35.99")


def test_batch():
    result = kotacerdas.validate_nik_lines("3527014501900001\n1234\n\n3527004501900001\n", FIXED)
    assert (result.total, result.valid, result.invalid) == (4, 1, 3)
    codes = ["OK" if b == 0 else result.error_codes[b - 1] for b in result.errors]
    assert codes == ["OK", "NIK_INVALID_LENGTH", "NIK_EMPTY", "NIK_INVALID_DISTRICT"]
    assert isinstance(result.errors, bytes)
    same = kotacerdas.validate_niks(["3527014501900001", "1234", "", "3527004501900001"], FIXED)
    assert same == result


@pytest.mark.parametrize(
    "call,code",
    [
        (lambda: Nik.parse(""), "NIK_EMPTY"),
        (lambda: Nik.parse("9" * 1_000_000), "NIK_INVALID_LENGTH"),
        (lambda: Nik.parse("x" * 1_000_000), "NIK_INVALID_CHARACTER"),
        (lambda: Nik.parse("３５２７０１４５０１９０００１"), "NIK_NON_ASCII_DIGIT"),
        (lambda: Nik.parse("3527\x00014501900001"), "NIK_INVALID_CHARACTER"),
        (lambda: kotacerdas.parse_kk(""), "KK_EMPTY"),
        (lambda: kotacerdas.parse_nop("9" * 1_000_000), "NOP_INVALID_LENGTH"),
        (lambda: kotacerdas.parse_npwp(""), "NPWP_EMPTY"),
        (lambda: kotacerdas.parse_nib("x"), "NIB_INVALID_CHARACTER"),
        (lambda: kotacerdas.normalize_phone(""), "PHONE_EMPTY"),
        (lambda: kotacerdas.region_lookup("9" * 1_000_000), "REGION_INVALID_CODE"),
        (lambda: kotacerdas.call("nik.parse", ""), "CALL_INVALID_INPUT"),
        (lambda: kotacerdas.call("nik.parse", "[" * 100_000), "CALL_INVALID_INPUT"),
        (lambda: kotacerdas.call("x" * 1_000_000, "{}"), "CALL_UNKNOWN_FUNCTION"),
    ],
)
def test_hostile_inputs_raise_typed_errors(call, code):
    with pytest.raises(Exception) as caught:
        call()
    assert type(caught.value).__module__.startswith("kotacerdas")
    assert caught.value.code == code


def test_many_threads_get_consistent_results():
    mismatches = []

    def work():
        for _ in range(2_000):
            if Nik.parse("3527014501900001", FIXED).details().birth_date != "1990-01-05":
                mismatches.append(1)
            try:
                Nik.parse("35270145019000", FIXED)
                mismatches.append(1)
            except NikError.Invalid as error:
                if error.fields != {"found": "14"}:
                    mismatches.append(1)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not mismatches


def test_tax_and_complaint():
    result = kotacerdas.calculate_tax("mblb", '{"date": "2025-03-31", "value": 500000000}')
    assert result.amount == 125_000_000
    assert any(step.kind == kotacerdas.StepKind.COMPONENT for step in result.breakdown)
    with pytest.raises(kotacerdas.TaxError.Invalid) as caught:
        kotacerdas.calculate_tax("pajak_langit", "{}")
    assert caught.value.code == "TAX_UNKNOWN_KIND"
    outcome = kotacerdas.validate_complaint("{}", "2026-11-29T10:00:00+07:00")
    assert not outcome.valid
    assert "kind" in [problem.field for problem in outcome.problems]
    with pytest.raises(kotacerdas.ComplaintError.InvalidArgument):
        kotacerdas.validate_complaint("{}", "kemarin")


def test_check_nik_is_one_call_with_the_refusal_as_a_result():
    ok = kotacerdas.check_nik("3527 01 450190 0001", FIXED)
    assert ok.valid and ok.error is None and ok.masked == "352701**********"
    refused = kotacerdas.check_nik("1234", FIXED)
    assert not refused.valid and refused.masked is None
    assert refused.error.code == "NIK_INVALID_LENGTH" and refused.error.fields == {"found": "4"}
    assert kotacerdas.check_nik("x" * 1_000_000, FIXED).error.code.startswith("NIK_")
    with pytest.raises(NikError.InvalidArgument):
        kotacerdas.check_nik("3527014501900001", NikOptions(reference_date="kemarin"))
    assert kotacerdas.nik_details("3527014501900001", FIXED) == Nik.parse("3527014501900001", FIXED).details()


def test_check_nik_number_answers_as_check_nik():
    # The primitive entry behind Kotlin's NikChecker, exported here too: 16 digits as an int,
    # the answer as an int decoded with the core's tables.
    codes = kotacerdas.nik_codes()
    options = kotacerdas.nik_number_options(FIXED)
    assert options.reference_date == 20261129
    seen = set()
    for text in ["3527014501900001", "3527014501900000", "3527004501900001", "3527994501900001",
                 "3527013102900001", "9912344501900001", "0000000000000000", "3527014513900001"]:
        answer = kotacerdas.check_nik_number(
            int(text), options.reference_date, options.strict, options.known_birth_date)
        error = answer & 0xFF
        warnings = [c for i, c in enumerate(codes.warning_codes) if answer >> 8 & (1 << i)]
        check = kotacerdas.check_nik(text, FIXED)
        got = (error == 0, codes.error_codes[error - 1] if error else None, warnings)
        assert got == (check.valid, check.error.code if check.error else None, check.warning_codes)
        seen.add(repr(got))
    assert len(seen) >= 6
    with pytest.raises(NikError.InvalidArgument):
        kotacerdas.check_nik_number(10**16, 0, False, 0)
