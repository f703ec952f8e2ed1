"""Every command's output equals the golden files (tests/golden/), first recorded before the API refactor.

The refactor of issue 14 moved analysis out of the CLI and changed no number: JSON values agree to 1e-9
relative (the same arithmetic in the same order gives identical floats; the margin only absorbs a
change of the order of a sum, never a change of the model), and the printed tables agree to the
character. Re-record with ``python tests/golden_commands.py NAME`` only for a deliberate change of
the model, and say so in the commit (issue 15: valid JSON, caveats, feasibility; issue 16: the
[workload] section).
"""

import json

import pytest
from golden_commands import COMMANDS, GOLDEN, TEXT, run_json, run_text, same, strip


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json_equals_golden(name):
    expected = json.loads((GOLDEN / f"{name}.json").read_text())
    differences = same(strip(run_json(COMMANDS[name])), expected)
    assert not differences, "\n".join(differences[:20])


@pytest.mark.parametrize("name", TEXT)
def test_table_equals_golden(name):
    from orbital import __version__

    text = run_text(COMMANDS[name]).replace(f"orbital {__version__}", "orbital VERSION")
    assert text == (GOLDEN / f"{name}.txt").read_text()
