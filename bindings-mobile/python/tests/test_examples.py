"""Runs the Python example of examples/python/ as a user would, so it cannot go stale."""

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]


def test_validate_csv_example_summarises_by_code_and_masks():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "python" / "validate_csv.py"),
            str(ROOT / "examples" / "data" / "registrations.csv"),
            "--reference-date",
            "2026-11-29",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PACKAGE_DIR)},
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "6 rows: 3 valid, 3 refused"
    assert "  NIK_INVALID_LENGTH: 1" in lines
    assert "  NIK_INVALID_MONTH: 1" in lines
    assert "  NIK_INVALID_DISTRICT: 1" in lines
    assert "line 5: NIK_INVALID_LENGTH (352701**********)" in lines
    assert "3527014513900004" not in result.stdout
