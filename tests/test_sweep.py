"""Trade-space sweeps (orbital.sweep, `orbital sweep`): axes, design tables, grouped vectorized
evaluation, chunks on disk and resume, dask, files.

The sweep is checked against the scalar composer (`model.run`) design point by design point:
both run the same equations, once with arrays and once with scalars, so they must agree to
floating-point rounding (rel 1e-12; any larger difference is a plumbing bug).
"""

import json

import numpy as np
import pytest

from orbital import OrbitalInputError, model, scenario, sweep
from orbital.cli import main

RTOL = 1e-12  # same equations, arrays against scalars: rounding only


@pytest.fixture(scope="module")
def baseline():
    return scenario.load_scenario("baseline")


# --------------------------------------------------------------------------------------
# Axes
# --------------------------------------------------------------------------------------


def test_ranges_lists_and_units():
    a = sweep.parse_axis("orbit.altitude=400km:1500km:12")
    assert a.spacing == "linear" and a.values.size == 12
    assert a.values[0] == 400e3 and a.values[-1] == 1500e3
    b = sweep.parse_axis("launch.price_per_kg=100:3000:log20")  # bare numbers in the key's unit (USD/kg)
    assert b.spacing == "log" and np.allclose(np.diff(np.log(b.values)), np.log(30) / 19)
    c = sweep.parse_axis("radiation.shielding=1 mm, 0.5 cm,20")  # bare 20 is in mm, the key's file unit
    assert np.allclose(c.values, [1e-3, 5e-3, 20e-3]) and c.spacing == "list"
    d = sweep.parse_axis("thermal.radiator_temperature=20 degC:80 degC:4")
    assert np.allclose(d.values, [293.15, 313.15, 333.15, 353.15])
    e = sweep.parse_axis("launch.vehicle=starship-no-reuse,falcon-heavy")
    assert list(e.values) == ["starship-no-reuse", "falcon-heavy"]
    f = sweep.parse_axis("orbit.sun_synchronous=true,false")
    assert list(f.values) == [True, False]


@pytest.mark.parametrize(
    "text, message",
    [
        ("orbit.altitud=400:1500:25", "did you mean 'orbit.altitude'"),
        ("altitude=400:1500:25", "unknown parameter"),
        ("orbit.altitude=400kg:1500km:25", "must be a length"),
        ("orbit.altitude=400km:1500km:0", "whole number >= 2"),
        ("orbit.altitude=400km:1500km:1", "whole number >= 2"),
        ("orbit.altitude=400km:1500km:log0", "whole number >= 2"),
        ("orbit.altitude=400km:1500km:2.5", "whole number >= 2"),
        ("orbit.altitude=400km:400km:5", "the range is empty"),
        ("launch.bus_cost=0:3000:log20", "positive bounds"),
        (
            "launch.price_per_kg=0:3000:log20",
            r"--set launch.price_per_kg = 0 USD/kg is outside the valid range \(0, inf\) USD/kg",
        ),
        ("orbit.altitude=400:1500", "start:stop:N"),
        ("orbit.altitude", "expected section.key"),
        ("launch.vehicle=a:b:3", "comma list"),
        ("solar.pointing=sun-trackin,zenith", "is not one of"),
        ("orbit.sun_synchronous=yes", "not true or false"),
        ("orbit.altitude=400,,500", "empty value"),
    ],
)
def test_bad_axes_name_the_problem(text, message):
    with pytest.raises(OrbitalInputError, match=message):
        sweep.parse_axis(text)


def test_grid_is_the_cartesian_product_first_axis_slowest():
    a = sweep.parse_axis("launch.bus_cost=100,200")
    b = sweep.parse_axis("launch.fill=0.5,0.75,1")
    t = sweep.grid([a, b])
    assert list(t["launch.bus_cost"]) == [100, 100, 100, 200, 200, 200]
    assert list(t["launch.fill"]) == [0.5, 0.75, 1, 0.5, 0.75, 1]
    with pytest.raises(OrbitalInputError, match="more than once"):
        sweep.grid([a, a])


def test_latin_hypercube_fills_every_stratum_once_and_repeats_with_its_seed():
    axes = [sweep.parse_axis("launch.bus_cost=100:200:2"), sweep.parse_axis("launch.price_per_kg=10:1000:log2")]
    t = sweep.latin_hypercube(axes, 50, seed=3)
    # One point in each of the 50 equal-probability strata of every axis (the LHS property).
    linear = np.floor((t["launch.bus_cost"] - 100) / 100 * 50)
    log = np.floor(np.log(t["launch.price_per_kg"] / 10) / np.log(100) * 50)
    assert sorted(linear) == list(range(50)) and sorted(log) == list(range(50))
    again = sweep.latin_hypercube(axes, 50, seed=3)
    assert all(np.array_equal(t[k], again[k]) for k in t)
    other = sweep.latin_hypercube(axes, 50, seed=4)
    assert not np.array_equal(t["launch.bus_cost"], other["launch.bus_cost"])


# --------------------------------------------------------------------------------------
# Evaluation against the scalar composer
# --------------------------------------------------------------------------------------


def test_every_design_point_equals_a_scalar_run(baseline):
    axes = [
        sweep.parse_axis("orbit.altitude=600km,650km"),  # two orbits: two physics groups
        sweep.parse_axis("launch.price_per_kg=50,2000"),
        sweep.parse_axis("radiation.shielding=3mm,10mm"),  # vectorized through the cached track
        sweep.parse_axis("thermal.radiator_temperature=300K,320K"),
        sweep.parse_axis("terrestrial.electricity_price=0.05,0.12"),
    ]
    table = sweep.grid(axes)
    result = sweep.run_table(baseline, table, workers=0)
    assert result.groups == 2 and len(result) == 32
    for i in (0, 7, 13, 22, 31):
        sc = sweep.scenario_with(baseline, {k: v[i] for k, v in table.items()})
        r = model.run(sc)
        o = {k: v[i] for k, v in result.outputs.items()}
        assert o["lcoc_orbital"] == pytest.approx(r.orbital.lcoc_usd_per_mwh, rel=RTOL)
        assert o["lcoc_terrestrial"] == pytest.approx(r.terrestrial.lcoc_usd_per_mwh, rel=RTOL)
        assert o["cost_ratio"] == pytest.approx(r.cost_ratio, rel=RTOL)
        assert o["mass"] == pytest.approx(r.orbital.mass_kg_per_kw, rel=RTOL)
        assert o["dose"] == pytest.approx(r.physics["dose_rad_si_per_year"], rel=RTOL)
        assert o["goodput_orbital"] == pytest.approx(r.orbital.goodput, rel=RTOL)
        be = r.break_even_launch_price_usd_per_kg
        assert (np.isnan(o["break_even_launch_price"]) and be is None) or o["break_even_launch_price"] == (
            pytest.approx(be, rel=1e-9)
        )


def test_break_even_matches_the_scalar_run_where_there_is_one(baseline):
    # Parity near 25 USD/kg (test_plots' cheap bus, owned ground stations)
    sc = baseline.replace(
        launch__bus_cost="50 USD/kg", terrestrial__electricity_price="0.50 USD/kWh", downlink__pass_fee=0.0
    )
    out = sweep.run_table(sc, {"launch.price_per_kg": np.array([5.0, 500.0])}, workers=0).outputs
    r = model.run(sc.replace(launch__price_per_kg=500.0, launch__year=None))
    assert r.break_even_launch_price_usd_per_kg is not None
    assert out["break_even_launch_price"] == pytest.approx([r.break_even_launch_price_usd_per_kg] * 2, rel=1e-9)
    assert out["orbital_cheaper"].tolist() == [True, False]


def test_infeasible_points_cost_infinity_without_stopping_the_sweep(baseline):
    # 150 K is below the radiator's sink (~185 K at 650 km); 2,000 kW satellites outweigh the vehicle.
    table = {
        "thermal.radiator_temperature": np.array([150.0, 293.15, 293.15]),
        "compute.satellite_it_power": np.array([100e3, 100e3, 2000e3]),
    }
    out = sweep.run_table(baseline, table, workers=0).outputs
    assert out["feasible"].tolist() == [False, True, False]
    assert np.isinf(out["lcoc_orbital"][[0, 2]]).all() and np.isfinite(out["lcoc_orbital"][1])
    assert not np.isnan(out["cost_ratio"]).any()
    assert out["orbital_cheaper"].tolist() == [False, False, False]
    with pytest.raises(OrbitalInputError):  # the scalar run still refuses the same design
        model.run(baseline.replace(thermal__radiator_temperature="150 K"))


def test_out_of_range_values_are_errors_not_infinities(baseline):
    with pytest.raises(OrbitalInputError, match="shielding"):
        sweep.run_table(baseline, {"radiation.shielding": np.array([0.01, 0.2])}, workers=0)


# --------------------------------------------------------------------------------------
# Chunks, resume, dask
# --------------------------------------------------------------------------------------


def test_an_interrupted_run_resumes_from_its_chunks(baseline, tmp_path, monkeypatch):
    table = sweep.grid(
        [sweep.parse_axis("launch.bus_cost=100:3000:9"), sweep.parse_axis("launch.price_per_kg=20:2000:log9")]
    )
    fresh = sweep.run_table(baseline, table, workers=0, chunk_rows=20)
    real, calls = sweep._evaluate_rows, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user stops the run after two chunks
        return real(*args)

    monkeypatch.setattr(sweep, "_evaluate_rows", failing)
    work = tmp_path / "out.parquet.partial"
    with pytest.raises(KeyboardInterrupt):
        sweep.run_table(baseline, table, workers=0, work_dir=work, chunk_rows=20)
    assert sorted(p.name for p in work.glob("chunk-*.npz")) == ["chunk-000000.npz", "chunk-000001.npz"]
    calls.clear()
    monkeypatch.setattr(sweep, "_evaluate_rows", lambda *a: (calls.append(1), real(*a))[1])
    resumed = sweep.run_table(baseline, table, workers=0, work_dir=work, resume=True, chunk_rows=20)
    assert resumed.resumed_chunks == 2 and len(calls) == resumed.chunks - 2 == 3
    for name in sweep.OUTPUTS:
        assert np.array_equal(resumed.outputs[name], fresh.outputs[name], equal_nan=True), name
    assert not work.exists()  # cleared once the whole table is done


def test_resume_ignores_chunks_of_another_table(baseline, tmp_path):
    work = tmp_path / "w"
    table = {"launch.bus_cost": np.array([100.0, 200.0])}
    sweep.run_table(baseline, table, workers=0, work_dir=work)
    work.mkdir()
    (work / "manifest.json").write_text(json.dumps({"digest": "something else"}))
    np.savez(work / "chunk-000000.npz", **{k: np.zeros(2) for k in sweep.OUTPUTS})
    r = sweep.run_table(baseline, table, workers=0, work_dir=work, resume=True)
    assert r.resumed_chunks == 0 and r.outputs["lcoc_orbital"][0] > 0


def test_dask_gives_bitwise_the_same_numbers(baseline):
    table = sweep.grid(
        [
            sweep.parse_axis("orbit.altitude=600km,700km"),
            sweep.parse_axis("launch.price_per_kg=20:2000:log5"),
            sweep.parse_axis("radiation.shielding=2mm,8mm"),
        ]
    )
    here = sweep.run_table(baseline, table, workers=0)
    there = sweep.run_table(baseline, table, workers=2)
    assert there.runner.startswith("dask") and here.runner == "this process"
    for name in sweep.OUTPUTS:
        assert np.array_equal(here.outputs[name], there.outputs[name], equal_nan=True), name


def test_a_scheduler_that_does_not_answer_is_a_clear_error(baseline, tmp_path):
    with pytest.raises(OrbitalInputError, match=r"no dask scheduler answered within 5 s"):
        sweep.run_table(
            baseline, {"launch.bus_cost": np.array([100.0])}, scheduler="tcp://127.0.0.1:9", work_dir=tmp_path / "w"
        )


# --------------------------------------------------------------------------------------
# Files and the command
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_tables_round_trip_with_units_in_the_header(tmp_path, suffix):
    columns = {
        "orbit.altitude": np.array([5e5, 6e5]),
        "launch.vehicle": np.array(["falcon-heavy", "starship-no-reuse"], dtype=object),
        "break_even_launch_price": np.array([np.nan, 12.5]),
        "feasible": np.array([True, False]),
    }
    path = sweep.write_table(columns, tmp_path / f"t{suffix}")
    assert not list(tmp_path.glob("*.tmp"))
    back = sweep.read_table(path)
    assert list(back) == list(columns)
    assert np.array_equal(back["orbit.altitude"], columns["orbit.altitude"])
    assert list(back["launch.vehicle"]) == list(columns["launch.vehicle"])
    assert np.isnan(back["break_even_launch_price"][0]) and back["break_even_launch_price"][1] == 12.5
    assert list(back["feasible"]) == [True, False]
    if suffix == ".csv":
        header = path.read_text().splitlines()[0]
        assert '"orbit.altitude [m]"' in header and '"break_even_launch_price [USD/kg]"' in header


def test_the_command_writes_the_table_and_a_summary(tmp_path, capsys):
    out = tmp_path / "r.csv"
    code = main(
        ["sweep", "baseline", "--set", "launch.price_per_kg=100:1000:3", "--set", "launch.bus_cost=200,2000",
         "--out", str(out), "--json", "--quiet"]
    )  # fmt: skip
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["points"] == 6 and summary["orbits"] == 1 and summary["runner"] == "this process"
    table = sweep.read_table(out)
    assert table["launch.price_per_kg"].tolist() == [100, 100, 550, 550, 1000, 1000]
    assert summary["lowest_cost_ratio"]["cost_ratio"] == pytest.approx(np.min(table["cost_ratio"]), rel=1e-15)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--set", "orbit.altitud=400:1500:25"], "did you mean 'orbit.altitude'"),
        (["--set", "orbit.altitude=400kg:1500km:3"], "must be a length"),
        (["--set", "orbit.altitude=400km:1500km:0"], ">= 2"),
        ([], "at least one --set"),
        (["--set", "launch.bus_cost=1,2", "--out", "x.txt"], ".parquet or .csv"),
        (["--set", "launch.bus_cost=1,2", "--resume"], "--resume needs --out"),
    ],
)
def test_the_command_refuses_bad_input_before_any_work(argv, message, capsys):
    assert main(["sweep", "baseline", *argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("name", ["baseline", "terrestrial-solar"])
def test_every_vectorized_key_takes_an_array(name):
    """Each numeric key the sweep vectorizes goes through the composer as an array: two values
    (the scenario's and 5 % less, a year later for a year) give the scalar runs' costs."""
    sc = scenario.load_scenario(name)
    for key in sweep.VECTOR_KEYS:
        section, _, k = key.partition(".")
        value = sc.values[section][k]
        if value is None:
            value = {
                "compute.hardware_price": 20.0,
                "launch.price_per_kg": 500.0,
                "launch.year": 2030.0,
                "workload.replica_accelerators": 72.0,
                "finance.fleet_it_power": 2e6,
                "launch.array_cost": 50.0,
                "launch.radiator_cost": 500.0,
                "launch.battery_cost": 300.0 / 3.6e6,
                "launch.ram_area_fraction": 0.1,
            }[key]
        small = 0.01 * scenario.SCHEMA[section][k].scale  # 0.01 in the unit the key is written in
        integer = scenario.SCHEMA[section][k].integer
        step = key.endswith("year") or integer  # years and counts move by one
        values = np.array([value, value + 1.0 if step else 0.95 * value if value else small])
        out = sweep.run_table(sc, {key: values}, workers=0).outputs
        second = model.run(sweep.scenario_with(sc, {key: values[1]}))
        assert out["lcoc_terrestrial"][1] == pytest.approx(second.terrestrial.lcoc_usd_per_mwh, rel=RTOL), key
        assert out["lcoc_orbital"][1] == pytest.approx(second.orbital.lcoc_usd_per_mwh, rel=RTOL), key


def test_a_ctrl_c_keeps_the_chunks_and_says_how_to_resume(baseline, tmp_path, monkeypatch, capsys):
    out = tmp_path / "r.csv"
    argv = ["sweep", "baseline", "--set", "launch.bus_cost=100:3000:30", "--out", str(out), "--quiet"]
    real, calls = sweep._evaluate_rows, []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(sweep, "CHUNK_ROWS", 10)
    monkeypatch.setattr(sweep, "_evaluate_rows", interrupted)
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert "interrupted; finished chunks are kept in" in err and "--resume" in err and not out.exists()
    monkeypatch.setattr(sweep, "_evaluate_rows", real)
    assert main([*argv, "--resume", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["resumed_chunks"] == 1
    assert len(sweep.read_table(out)["lcoc_orbital"]) == 30


def test_writing_a_table_imports_no_pandas_and_leaves_no_temporary(tmp_path):
    """pyarrow's pa.array imports pandas to check for pandas objects (~0.4 s and its memory, issue 22): the
    columns are handed to Arrow as numpy buffers instead. Text, NaN (a null), booleans and integers
    round-trip; the file is streamed into a temporary beside the target, renamed when whole."""
    import subprocess
    import sys

    code = (
        "import sys, numpy as np\n"
        "from orbital import sweep\n"
        "cols = {'orbit.altitude': np.array([5e5, np.nan]), 'feasible': np.array([True, False]),\n"
        "        'solar.cell': np.array(['a', 'b\"c'], dtype=object), 'radiation.track_samples': np.array([1, 2])}\n"
        f"for name in ('x.parquet', 'x.csv'): sweep.write_table(cols, {str(tmp_path)!r} + '/' + name)\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv", "x.parquet"]
    for name in ("x.parquet", "x.csv"):
        back = sweep.read_table(tmp_path / name)
        np.testing.assert_array_equal(back["orbit.altitude"], [5e5, np.nan])
        assert back["feasible"].tolist() == [True, False] and back["solar.cell"].tolist() == ["a", 'b"c']
        assert back["radiation.track_samples"].tolist() == [1, 2]
