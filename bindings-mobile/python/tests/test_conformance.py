"""Every case of every conformance vector file through the generic ``call``, with the rule of
``kotacerdas conformance run`` (cli/src/conformance/compare.rs): expected ``ok`` fields are a
subset at any depth; a list of plain values holds the same elements in any order; any other
list has the same length and is compared element by element, each as a subset; an expected
error matches by code."""

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
    return want == have and type(want) is type(have)


def same_multiset(want, have):
    unused = list(have)
    for w in want:
        index = next((i for i, h in enumerate(unused) if same(w, h)), None)
        if index is None:
            return False
        unused.pop(index)
    return not unused


def subset(want, have, path, differences):
    if isinstance(want, dict) and isinstance(have, dict):
        for key, value in want.items():
            child = f"{path}.{key}" if path else key
            if key not in have:
                differences.append(f"{child}: expected {value!r}, missing")
            else:
                subset(value, have[key], child, differences)
    elif isinstance(want, list) and isinstance(have, list) \
            and all(not isinstance(w, (list, dict)) for w in want):
        if not same_multiset(want, have):
            differences.append(f"{path or '(result)'}: expected {want!r} (in any order), got {have!r}")
    elif isinstance(want, list) and isinstance(have, list) and len(want) == len(have):
        for index, (w, h) in enumerate(zip(want, have)):
            subset(w, h, f"{path}[{index}]", differences)
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
