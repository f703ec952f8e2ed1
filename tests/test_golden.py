"""Every command's output equals the golden files recorded before the API refactor (issue 14).

The refactor moved analysis out of the CLI and changed no number: JSON values agree to 1e-9
relative (the same arithmetic in the same order gives identical floats; the margin only absorbs a
change of the order of a sum, never a change of the model), and the printed tables agree to the
character. Re-record with ``python tests/golden_commands.py NAME`` only for a deliberate change of
the model, and say so in the commit.
"""

import json
import math

import pytest

from golden_commands import COMMANDS, GOLDEN, TEXT, run_json, run_text, strip


def _same(a, b, path="") -> list:
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{path}: keys {sorted(set(a) ^ set(b))} differ"]
        return [d for k in a for d in _same(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _same(x, y, f"{path}[{i}]")]
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        same = (
            a == b
            or (math.isnan(a) and math.isnan(b))
            or (math.isfinite(a) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-300))
        )
        return [] if same else [f"{path}: {a!r} != {b!r}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json_equals_golden(name):
    expected = json.loads((GOLDEN / f"{name}.json").read_text())
    differences = _same(strip(run_json(COMMANDS[name])), expected)
    assert not differences, "\n".join(differences[:20])


@pytest.mark.parametrize("name", TEXT)
def test_table_equals_golden(name):
    from orbital import __version__

    text = run_text(COMMANDS[name]).replace(f"orbital {__version__}", "orbital VERSION")
    assert text == (GOLDEN / f"{name}.txt").read_text()
