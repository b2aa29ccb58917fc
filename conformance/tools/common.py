"""Shared helpers of the vector generators: reading the region CSVs and writing vector files.

No dependencies beyond the Python 3.8+ standard library. Nothing here calls the SDK: expected
values are computed from the rules in spec/identifiers.md and the CSV data in core/data.
"""

import csv
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
WILAYAH = os.path.join(ROOT, "core", "data", "wilayah")
VECTORS = os.path.join(ROOT, "conformance", "vectors")

# Every generated case uses this "today", so that results are reproducible.
REFERENCE_DATE = "2026-11-29"


def read_csv(name):
    with open(os.path.join(WILAYAH, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Regions:
    """The Kemendagri tables: current codes and the retired (Papua 2022) ones."""

    def __init__(self):
        self.provinces = {r["code"]: r["name"] for r in read_csv("provinces.csv")}
        self.regencies = {r["code"]: r["name"] for r in read_csv("regencies.csv")}
        self.districts = {r["code"]: r["name"] for r in read_csv("districts.csv")}
        self.villages = {r["code"]: r["name"] for r in read_csv("villages_3527.csv")}
        self.retired = {r["code"]: r for r in read_csv("retired_codes.csv")}
        self.crosswalk = read_csv("districts_3527_bps_crosswalk.csv")
        assert len(self.provinces) == 38 and len(self.regencies) == 514
        assert len(self.districts) == 7285 and len(self.villages) == 186

    def table(self, level):
        return {
            "province": self.provinces,
            "regency": self.regencies,
            "district": self.districts,
            "village": self.villages,
        }[level]

    def find(self, code):
        """(name, retired row or None) of a dotted code, current first; None if unknown."""
        level = level_of(code)
        current = self.table(level)
        if code in current:
            return current[code], None
        row = self.retired.get(code)
        if row is not None and row["level"] == level:
            return row["name_when_retired"], row
        return None

    def ref(self, code):
        """The `{code, name, retired}` record an identifier carries for one of its region parts."""
        found = self.find(code)
        if found is None:
            return {"code": code, "name": None, "retired": False}
        return {"code": code, "name": found[0], "retired": found[1] is not None}

    def region(self, code):
        """The full record of region.lookup, or None when the code is unknown."""
        found = self.find(code)
        if found is None:
            return None
        name, retired = found
        parent = ".".join(code.split(".")[:-1]) or None
        record = {"code": code, "name": name, "level": level_of(code), "parent": parent, "retired": None}
        if retired is not None:
            successor = retired["probable_successor_code"]
            successor_found = self.find(successor)
            record["retired"] = {
                "successor": successor,
                "successor_name": successor_found[0] if successor_found else None,
                "successor_match": retired["successor_match"],
            }
        return record


def level_of(code):
    return {1: "province", 2: "regency", 3: "district", 4: "village"}[len(code.split("."))]


def dotted(plain):
    """'352701' -> '35.27.01'; '3527012001' -> '35.27.01.2001'."""
    parts = [plain[0:2], plain[2:4], plain[4:6], plain[6:]]
    return ".".join(p for p in parts if p)


def case(case_id, description, input_, ok=None, error=None, source=None):
    assert (ok is None) != (error is None), case_id
    c = {"id": case_id, "description": description, "input": input_}
    c["expected"] = {"ok": ok} if error is None else {"error": {"code": error}}
    if source is not None:
        c["source"] = source
    return c


def render(suite, function, description, legal_basis, cases, generator):
    """A vector file as text: the header, then one case per line (readable diffs)."""
    ids = [c["id"] for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates
    head = {
        "suite": suite,
        "function": function,
        "description": description,
        "legal_basis": legal_basis,
        "generated_by": generator,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append("  %s: %s," % (json.dumps(key), json.dumps(value, ensure_ascii=False)))
    lines.append('  "cases": [')
    body = [
        "    " + json.dumps(c, ensure_ascii=False, separators=(", ", ": ")) for c in cases
    ]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_all(files, check):
    """Writes {relative path: text}; with check, only compares and reports stale files."""
    stale = []
    for relative, text in sorted(files.items()):
        path = os.path.join(VECTORS, relative)
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(relative)
            except FileNotFoundError:
                stale.append(relative)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    if check:
        if stale:
            print("stale generated vector files (run the generator): " + ", ".join(stale), file=sys.stderr)
            return 1
        print("%d generated vector files are up to date" % len(files))
        return 0
    total = sum(t.count('\n    {"id"') for t in files.values())
    print("wrote %d files, %d cases" % (len(files), total))
    return 0
