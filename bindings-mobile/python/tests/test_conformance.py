"""Every case of every conformance vector file through the generic ``call``, with the rule of
``kotacerdas conformance run``: expected ``ok`` fields are a subset at any depth (lists equal
as a whole), an expected error matches by code."""

import json
import pathlib

import pytest

import kotacerdas

ROOT = pathlib.Path(__file__).resolve().parents[3]
FILES = sorted((ROOT / "conformance" / "vectors").rglob("*.json"))
CASES = [
    pytest.param(json.loads(path.read_text())["function"], case, id=f"{path.name}:{case['id']}")
    for path in FILES
    for case in json.loads(path.read_text())["cases"]
]


def test_there_are_vectors():
    assert FILES, "no vector files"
    assert len(CASES) >= len(FILES)


def same(want, have):
    # 5 and 5.0 are the same JSON number; bool is not a number here.
    if isinstance(want, (int, float)) and isinstance(have, (int, float)) \
            and not isinstance(want, bool) and not isinstance(have, bool):
        return float(want) == float(have)
    if isinstance(want, list) and isinstance(have, list):
        return len(want) == len(have) and all(same(a, b) for a, b in zip(want, have))
    return want == have


def subset(want, have, path, differences):
    if isinstance(want, dict) and isinstance(have, dict):
        for key, value in want.items():
            child = f"{path}.{key}" if path else key
            if key not in have:
                differences.append(f"{child}: expected {value!r}, missing")
            else:
                subset(value, have[key], child, differences)
    elif not same(want, have):
        differences.append(f"{path or '(result)'}: expected {want!r}, got {have!r}")


@pytest.mark.parametrize("function,case", CASES)
def test_vector(function, case):
    expected = case["expected"]
    try:
        actual = json.loads(kotacerdas.call(function, json.dumps(case["input"])))
    except kotacerdas.CallError as error:
        assert "error" in expected, f"expected a result, got error {error.code}"
        assert error.code == expected["error"]["code"]
        return
    assert "ok" in expected, f"expected error {expected['error']['code']}, got {actual}"
    differences = []
    subset(expected["ok"], actual, "", differences)
    assert not differences, "\n".join(differences)
