"""Example: a data team checks the NIK column of a CSV export in one call and gets a summary.

    python3 validate_csv.py registrations.csv [--column nik] [--reference-date 2026-11-29]

The whole column crosses into the library once (``validate_niks``); the summary counts refusals
by stable error code, and the rows it lists show line numbers and masked NIKs only, never the
whole number (a NIK is personal data, UU 27/2022).
"""

import argparse
import csv
import sys

import kotacerdas
from kotacerdas import NikOptions


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_file")
    parser.add_argument("--column", default="nik")
    parser.add_argument("--reference-date", help="YYYY-MM-DD; default: today in WIB")
    args = parser.parse_args(argv)

    with open(args.csv_file, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if rows and args.column not in rows[0]:
        sys.exit(f"no column {args.column!r} in {args.csv_file}")
    niks = [row[args.column] or "" for row in rows]

    options = NikOptions(reference_date=args.reference_date) if args.reference_date else NikOptions()
    result = kotacerdas.validate_niks(niks, options)

    print(f"{result.total} rows: {result.valid} valid, {result.invalid} refused")
    for code, count in sorted(result.error_counts.items()):
        print(f"  {code}: {count}")
    # Line 1 is the header, so data row i is on line i + 2.
    for index, error in enumerate(result.errors):
        if error:
            masked = niks[index].strip()[:6] + "*" * 10 if len(niks[index].strip()) >= 6 else "******"
            print(f"line {index + 2}: {result.error_codes[error - 1]} ({masked})")
    return 0 if result.invalid == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
