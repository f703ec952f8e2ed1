"""The example notebooks run top to bottom (issue 21): each code cell executed in order in one namespace,
as a kernel would, and each draws a figure."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "examples" / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_notebook_runs(path, capsys):
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    notebook = json.loads(path.read_text())
    assert notebook["nbformat"] == 4
    namespace = {"__name__": "__main__"}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)
    assert plt.get_fignums(), "the notebook drew no figure"
    for number in plt.get_fignums():
        for ax in plt.figure(number).axes:
            assert ax.get_xlabel() and ax.get_ylabel(), "a figure with an unlabelled axis"
    plt.close("all")


def test_there_are_two_notebooks():
    assert [p.stem for p in NOTEBOOKS] == ["first_comparison", "trade_study"]
