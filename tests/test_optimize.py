"""Design optimization and Pareto fronts (orbital.optimize, `orbital optimize`)."""

import json

import numpy as np
import pytest

from orbital import OrbitalInputError, OrbitalWarning, optimize, scenario, sweep
from orbital.cli import main


@pytest.fixture(scope="module")
def baseline():
    return scenario.load_scenario("baseline")


def test_the_optimum_beats_a_dense_grid(baseline):
    """Shielding trades enclosure mass against upsets and dose life: an interior optimum.
    Differential evolution must match or beat the best of 2,000 grid points (to 1e-6)."""
    axes = [optimize.parse_bounds("radiation.shielding=1mm:30mm")]
    best = optimize.optimize(baseline, axes, "lcoc", seed=0)
    grid = sweep.run_table(baseline, {"radiation.shielding": np.linspace(1e-3, 30e-3, 2000)}, workers=0)
    assert best.value <= np.min(grid.outputs["lcoc_orbital"]) * (1 + 1e-6)
    assert not best.at_bound["radiation.shielding"]
    assert best.value < best.baseline  # the scenario's 10 mm is not the cheapest
    assert best.outputs["lcoc_orbital"] == best.value


def test_thin_shields_stop_a_training_job_and_say_so(baseline):
    training = baseline.replace(workload__kind="training")  # a synchronous job feels every upset
    with pytest.warns(OrbitalWarning, match="goodput 0"):
        grid = sweep.run_table(training, {"radiation.shielding": np.linspace(1e-3, 30e-3, 200)}, workers=0)
    assert not grid.outputs["feasible"][0] and grid.outputs["feasible"][-1]


def test_a_monotone_objective_ends_on_its_bound_and_says_so(baseline):
    axes = [optimize.parse_bounds("thermal.radiator_temperature=280K:350K")]
    best = optimize.optimize(baseline, axes, "mass", seed=1)
    assert best.parameters["thermal.radiator_temperature"] == pytest.approx(350.0, abs=0.01)
    assert best.at_bound["thermal.radiator_temperature"]


def test_the_same_seed_finds_the_same_design(baseline):
    axes = [optimize.parse_bounds("radiation.shielding=1mm:30mm"), optimize.parse_bounds("launch.fill=0.5:1")]
    a = optimize.optimize(baseline, axes, "lcoc", seed=3)
    b = optimize.optimize(baseline, axes, "lcoc", seed=3)
    assert a.parameters == b.parameters and a.value == b.value


@pytest.mark.parametrize(
    "vary, message",
    [
        ("radiation.shielding=0.001mm:30mm", "shielding = 0.001 mm is outside the valid range"),
        ("orbit.altitude=500km:900km", "does not change the orbit physics"),
        ("radiation.shielding=1mm", "low:high"),
        ("launch.vehicle=a:b", "comma list"),
    ],
)
def test_bounds_outside_a_model_or_on_orbit_keys_are_refused(baseline, vary, message):
    with pytest.raises(OrbitalInputError, match=message):
        optimize.optimize(baseline, [optimize.parse_bounds(vary)], "lcoc")


@pytest.mark.parametrize("objectives", [2, 3])
def test_the_pareto_front_is_exactly_the_non_dominated_set(objectives):
    rng = np.random.default_rng(objectives)
    names = ["lcoc_orbital", "mass", "capex_orbital"][:objectives]
    columns = {n: rng.random(600) for n in names}
    columns["feasible"] = rng.random(600) > 0.1
    front = set(optimize.pareto_front(columns, tuple(names)).tolist())
    v = np.column_stack([columns[n] for n in names])
    for i in np.flatnonzero(columns["feasible"]):  # brute force: dominated by any feasible point?
        others = columns["feasible"] & np.all(v <= v[i], axis=1) & np.any(v < v[i], axis=1)
        assert (i in front) == (not others.any())
    assert not any(not columns["feasible"][i] for i in front)


def test_the_pareto_command_writes_the_front(tmp_path, capsys):
    out, fig = tmp_path / "front.csv", tmp_path / "front.png"
    argv = ["optimize", "baseline", "--vary", "radiation.shielding=1mm:20mm:log", "--vary",
            "compute.satellite_it_power=20kW:150kW", "--pareto", "lcoc,mass", "--samples", "512",
            "--out", str(out), "--figure", str(fig), "--json"]  # fmt: skip
    assert main(argv) == 0
    r = json.loads(capsys.readouterr().out)
    table = sweep.read_table(out)
    assert len(r["front"]) == len(table["lcoc_orbital"]) >= 2
    order = np.argsort(table["lcoc_orbital"])
    assert np.all(np.diff(table["mass"][order]) < 0)  # cheaper along the front means heavier
    assert fig.read_bytes().startswith(b"\x89PNG")


def test_optimize_command_prints_the_design(capsys):
    argv = ["optimize", "baseline", "--vary", "radiation.shielding=1mm:30mm", "--objective", "ratio"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "minimum ratio" in text and "radiation.shielding" in text and " mm" in text
