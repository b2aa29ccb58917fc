"""`cargo xtask bench` (Python part): python-stdnum's `stdnum.id.nik` against the kotacerdas
Python binding on the same generated NIKs (synthetic: they belong to no known person), in one
process. Prints one `label<TAB>ns per NIK<TAB>valid count` line per measurement.

    python3 python_nik.py NIKS_FILE
"""

import sys
import time

import kotacerdas
from stdnum.id import nik as stdnum_nik

niks = open(sys.argv[1], encoding="utf-8").read().split("\n")
if niks and niks[-1] == "":
    niks.pop()
text = "\n".join(niks)
n = len(niks)
options = kotacerdas.NikOptions(reference_date="2026-11-29")


def stdnum_valid():
    return sum(1 for value in niks if stdnum_nik.is_valid(value))


def ours_single():
    valid = 0
    for value in niks:
        try:
            kotacerdas.Nik.parse(value, options)
            valid += 1
        except kotacerdas.NikError:
            pass
    return valid


def ours_batch():
    return kotacerdas.validate_nik_lines(text, options).valid


for label, run in [
    ("python-stdnum stdnum.id.nik.is_valid", stdnum_valid),
    ("kotacerdas Nik.parse single call", ours_single),
    ("kotacerdas validate_nik_lines batch", ours_batch),
]:
    run()  # warm-up
    best = None
    for _ in range(3):
        started = time.perf_counter_ns()
        valid = run()
        elapsed = (time.perf_counter_ns() - started) / n
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label}\t{best:.1f}\t{valid}", flush=True)
