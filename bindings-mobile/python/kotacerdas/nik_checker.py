"""Hand-written, shipped with the generated module: the fast single NIK check, as in Kotlin.

A thin translation like the generated code: every rule stays in the Rust core. Its only
decision is the transport: text of exactly 16 ASCII digits goes to ``check_nik_number`` as an
int, any other text to ``check_nik`` unchanged.
"""

from dataclasses import dataclass
from typing import Optional, Tuple

from .kotacerdas import NikOptions, check_nik, check_nik_number, nik_codes, nik_number_options


@dataclass(frozen=True)
class NikVerdict:
    """The answer of :meth:`NikChecker.check`: the same ``valid``, error code and warning codes
    as ``check_nik`` gives for the same input and options (no messages; ask ``check_nik``)."""

    valid: bool
    error_code: Optional[str]
    warning_codes: Tuple[str, ...]


class NikChecker:
    """Checks single NIKs with fixed options. Immutable; safe to share between threads.

    Raises ``NikError.InvalidArgument`` once, here, when a date in ``options`` is malformed.
    """

    def __init__(self, options: Optional[NikOptions] = None):
        self.options = options
        self._number = nik_number_options(options)
        codes = nik_codes()
        self._errors = codes.error_codes
        self._warnings = codes.warning_codes

    def check(self, nik: str) -> NikVerdict:
        """Checks ``nik``; a refused number is a result, not an exception."""
        if len(nik) == 16 and nik.isascii() and nik.isdigit():
            n = self._number
            answer = check_nik_number(int(nik), n.reference_date, n.strict, n.known_birth_date)
            error = answer & 0xFF
            if error:
                return NikVerdict(False, self._errors[error - 1], ())
            bits = answer >> 8 & 0xFF
            warnings = tuple(c for i, c in enumerate(self._warnings) if bits >> i & 1)
            return NikVerdict(True, None, warnings)
        result = check_nik(nik, self.options)
        return NikVerdict(
            result.valid, result.error.code if result.error else None, tuple(result.warning_codes)
        )
