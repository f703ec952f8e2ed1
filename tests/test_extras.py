"""A slim install (issue 21): the main job needs no optional package, and each feature that does names the
extra to install (exit 2, no traceback)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from orbital import downlink, sweep
from orbital.cli import main


def without(monkeypatch, *modules):
    """Make ``import module`` fail as if the package were not installed."""
    for name in modules:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


def test_the_main_job_and_csv_need_no_extra(monkeypatch, tmp_path, capsys):
    without(monkeypatch, "pyarrow", "SALib", "dask", "distributed", "itur")
    assert main(["run", "baseline", "--out", str(tmp_path / "run")]) == 0
    capsys.readouterr()
    columns = {
        "orbit.altitude": np.array([5e5, np.inf]),
        "launch.vehicle": np.array(["a, b", 'say "hi"'], dtype=object),
    }
    back = sweep.read_table(sweep.write_table(columns, tmp_path / "t.csv"))
    assert back["orbit.altitude"][1] == np.inf and list(back["launch.vehicle"]) == ["a, b", 'say "hi"']
    # The optical catalog sites' cloud statistics ship with the package (checked against itur below).
    downlink._cloud_free.cache_clear()
    assert 0.7 < downlink.cloud_free_probability(34.38, -117.68) < 0.9  # Table Mountain


@pytest.mark.parametrize(
    ("modules", "argv", "extra"),
    [
        (("SALib",), ["sensitivity", "uncertainty", "--quiet"], "sensitivity"),
        (("pyarrow",), ["sweep", "baseline", "--set", "launch.bus_cost=1,2", "--out", "{tmp}/s.parquet"], "parquet"),
        (("dask", "distributed"), ["sweep", "baseline", "--set", "launch.bus_cost=1,2", "--workers", "2"], "scale"),
    ],
)
def test_a_feature_without_its_extra_says_which_to_install(monkeypatch, tmp_path, capsys, modules, argv, extra):
    without(monkeypatch, *modules)
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert f"pip install 'orbital-dc[{extra}]'" in err and "Traceback" not in err


def test_itu_outside_the_shipped_table_needs_the_itu_extra(monkeypatch):
    without(monkeypatch, "itur")
    downlink._cloud_free.cache_clear()
    with pytest.raises(downlink.OrbitalInputError, match=r"orbital-dc\[itu\]"):
        downlink.cloud_free_probability(48.08, 11.28)  # not a catalog site
    downlink._cloud_free.cache_clear()


def test_the_shipped_cloud_statistics_equal_itur():
    # orbital/data/itu_attenuation.json's cloud_free entries: ITU-R P.840 through itur, exactly.
    shipped = downlink._attenuation_table()["cloud_free"]
    for key, value in shipped.items():
        lat, lon = (float(x) for x in key.split(","))
        assert downlink._cloud_free_itur(lat, lon) == pytest.approx(value, rel=1e-12)


def test_csv_written_with_or_without_pyarrow_reads_the_same_either_way(tmp_path, monkeypatch):
    columns = {
        "orbit.altitude": np.array([5e5, 6.25e5, np.inf]),
        "break_even_launch_price": np.array([np.nan, 12.5, 1e-7]),
        "launch.vehicle": np.array(["falcon-heavy", 'a "b", c', "x"], dtype=object),
        "feasible": np.array([True, False, True]),
    }
    fast = sweep.write_table(columns, tmp_path / "fast.csv")  # through pyarrow (installed with [test])
    slow = tmp_path / "slow.csv"
    slow.write_text(sweep._csv_text(columns))  # the pure-Python writer
    readings = [sweep.read_table(fast), sweep.read_table(slow)]
    without(monkeypatch, "pyarrow")
    readings += [sweep.read_table(fast), sweep.read_table(slow)]
    for back in readings:
        assert np.array_equal(back["orbit.altitude"], columns["orbit.altitude"])
        assert np.array_equal(back["break_even_launch_price"], columns["break_even_launch_price"], equal_nan=True)
        assert list(back["launch.vehicle"]) == list(columns["launch.vehicle"])
        assert list(back["feasible"]) == [True, False, True]
