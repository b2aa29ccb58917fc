"""Runs the Python examples of docs/python.md in order, so the guide cannot drift."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_guide_examples_run():
    text = (ROOT / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    assert namespace["whole"] == "3527014501900001"
    assert namespace["reason"] == "NETWORK"
    assert namespace["report"].items[0].last_error == "NETWORK"
