"""The Python API under the CLI (issue 14): every command's ``--json`` is its API result's ``to_dict()``,
results are pleasant in a notebook, nothing imports the CLI and the package has no import cycle."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from golden_commands import COMMANDS, run_json, same, strip

import orbital
from orbital import (
    downlink,
    explain,
    launch,
    model,
    optimize,
    orbits,
    plots,
    radiation,
    report,
    solar,
    spacecraft,
    sweep,
    thermal,
    uncertainty,
)
from orbital.orbits import Orbit
from orbital.scenario import load_scenario

PACKAGE = Path(orbital.__file__).parent


def _dawn_dusk():
    return Orbit.sun_synchronous(650e3, 18.0, "2026-01-01")


def _inclined(altitude=550e3, inclination=53.0):
    return Orbit.circular(altitude, inclination, epoch="2026-01-01")


def _axes(*texts):
    return [sweep.parse_axis(t) for t in texts]


# command name -> (argv, the same inputs through the API)
CASES = {
    "orbit": (
        [
            "orbit",
            "--altitude",
            "550",
            "--inclination",
            "53",
            "--days",
            "5",
            "--ballistic-coefficient",
            "100",
            "--json",
        ],
        lambda tmp: orbits.orbit_report(_inclined(), days=5, ballistic_coefficient=100.0),
    ),
    "solar": (
        ["solar", "--altitude", "650", "--sso", "--days", "20", "--efficiency", "0.3", "--json"],
        lambda tmp: solar.solar_report(_dawn_dusk(), days=20, efficiency=0.3),
    ),
    "thermal": (
        ["thermal", "--altitude", "650", "--sso", "--days", "20", "--junction-limit", "358 K", "--json"],
        lambda tmp: thermal.thermal_report(_dawn_dusk(), days=20, junction_limit=358.0),
    ),
    "radiation": (
        ["radiation", "--altitude", "650", "--sso", "--chips", "4096", "--shielding", "5 mm", "--json"],
        lambda tmp: radiation.radiation_summary(_dawn_dusk(), chips=4096, shielding=5e-3),
    ),
    "launch": (
        COMMANDS["launch-satellite"],
        lambda tmp: launch.launch_report(_inclined(), 575.0, 28e3, year=2030.0),
    ),
    "launch-sized": (
        [
            "launch",
            "--altitude",
            "650",
            "--sso",
            "--it-power",
            "110",
            "--vehicle",
            "starship-reuse",
            "--chassis-removed",
            "--target-price",
            "200",
            "--json",
        ],
        lambda tmp: spacecraft.design_and_launch(
            _dawn_dusk(), 110e3, "starship-reuse", chassis_removed=True, launch_options={"target_price": 200.0}
        ),
    ),
    "link": (
        ["link", "--altitude", "650", "--sso", "--band", "optical", "--days", "3", "--json"],
        lambda tmp: downlink.link_summary(_dawn_dusk(), "optical", days=3.0),
    ),
    "run": (COMMANDS["run-starcloud"], lambda tmp: model.run("starcloud")),
    "compare": (["compare", "baseline", "geo", "--json"], lambda tmp: model.compare(["baseline", "geo"])),
    "sweep": (
        [
            "sweep",
            "baseline",
            "--set",
            "launch.price_per_kg=20:3000:log4",
            "--set",
            "radiation.shielding=2,5",
            "--workers",
            "0",
            "--json",
        ],
        lambda tmp: sweep.sweep(
            load_scenario("baseline"),
            _axes("launch.price_per_kg=20:3000:log4", "radiation.shielding=2,5"),
            workers=0,
        ),
    ),
    "mc": (
        ["mc", "uncertainty", "--samples", "500", "--seed", "4", "--workers", "0", "--json"],
        lambda tmp: uncertainty.monte_carlo(load_scenario("uncertainty"), 500, 4, workers=0),
    ),
    "sensitivity": (
        ["sensitivity", "uncertainty", "--target", "0.3", "--json"],
        lambda tmp: uncertainty.sensitivity(load_scenario("uncertainty"), target=0.3),
    ),
    "crossover": (
        ["crossover", "uncertainty", "--json"],
        lambda tmp: uncertainty.crossover(load_scenario("uncertainty")),
    ),
    "optimize": (
        ["optimize", "baseline", "--vary", "radiation.shielding=1mm:20mm", "--seed", "3", "--json"],
        lambda tmp: optimize.optimize(
            load_scenario("baseline"), [optimize.parse_bounds("radiation.shielding=1mm:20mm")], seed=3
        ),
    ),
    "optimize-pareto": (
        [
            "optimize",
            "baseline",
            "--vary",
            "compute.satellite_it_power=20kW:150kW",
            "--pareto",
            "lcoc,mass",
            "--samples",
            "64",
            "--json",
        ],
        lambda tmp: optimize.pareto(
            load_scenario("baseline"),
            [optimize.parse_bounds("compute.satellite_it_power=20kW:150kW")],
            ("lcoc", "mass"),
            samples=64,
        ),
    ),
    "plot": (
        ["plot", "baseline", "--figure", "mass-budget", "--out", "{tmp}/cli", "--json"],
        lambda tmp: plots.write_figures(load_scenario("baseline"), tmp / "cli", ["mass-budget"]),
    ),
    "fleet": (
        ["fleet", "colossus-orbit", "--json"],
        lambda tmp: model.fleet(load_scenario("colossus-orbit")),
    ),
    "explain": (
        ["explain", "baseline", "starcloud", "--json"],
        lambda tmp: explain.explain("baseline", "starcloud"),
    ),
    "check-design": (
        ["check-design", "ai1", "--json"],
        lambda tmp: model.check_design(load_scenario("ai1")),
    ),
    "report": (
        ["report", "geo", "-o", "{tmp}/cli.pdf", "--json"],
        lambda tmp: report.write_report(load_scenario("geo"), tmp / "cli.pdf", "pdf"),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_command_json_is_its_api_result(name, tmp_path):
    argv, call = CASES[name]
    printed = run_json([a.replace("{tmp}", str(tmp_path)) for a in argv])
    result = call(tmp_path)
    # The JSON of to_dict() (int keys become strings, non-finite numbers null with a reason), less what
    # measures the run (wall time).
    api = json.loads(result.to_json())
    differences = same(strip(printed), strip(api))
    assert not differences, "\n".join(differences[:20])


def test_results_are_pleasant_in_a_notebook():
    result = model.run("baseline")
    assert len(repr(result)) < 200 and f"ratio {result.cost_ratio:.3g}" in repr(result)
    page = result._repr_html_()
    assert page.count("<tr>") == len(model.RESULT_ROWS) + 1 and "Levelized cost of compute" in page
    frame = result.to_frame()
    assert list(frame.columns) == ["orbital", "terrestrial", "unit"]
    assert frame.loc["lcoc_usd_per_mwh", "orbital"] == pytest.approx(result.orbital.lcoc_usd_per_mwh)
    assert np.isnan(frame.loc["mass_kg_per_kw", "terrestrial"])  # the ground has no launch mass
    # The CLI table and the notebook table are the same rows.
    assert all(label in result.to_text() for label, *_ in result.rows())

    report_ = orbits.orbit_report(_dawn_dusk(), days=2)
    assert len(repr(report_)) < 200 and repr(report_).startswith("OrbitReport(altitude_km=650")
    assert "<table>" in report_._repr_html_() and "Sunlit fraction" in report_._repr_html_()
    assert str(report_) == report_.to_text() and "Longest eclipse" in str(report_)
    frame = report_.to_frame()
    assert frame.loc["period_s", "value"] == pytest.approx(report_.orbit.period)


def test_sweep_and_monte_carlo_frames_and_grid_as_xarray():
    sc = load_scenario("baseline")
    grid = sweep.sweep(sc, _axes("launch.price_per_kg=100:1000:3", "radiation.shielding=2,5,10,20"), workers=0)
    frame = grid.to_frame()
    assert len(frame) == 12 and "launch.price_per_kg [USD/kg]" in frame and "lcoc_orbital [USD/MWh]" in frame
    xr = pytest.importorskip("xarray")
    data = grid.to_xarray()
    assert isinstance(data, xr.Dataset)
    assert data["cost_ratio"].dims == ("launch.price_per_kg", "radiation.shielding")
    assert data["cost_ratio"].shape == (3, 4) and data["lcoc_orbital"].attrs["units"] == "USD/MWh"
    # The grid's first axis varies slowest: the dataset's [i, j] is the table's row 4 i + j.
    np.testing.assert_array_equal(data["cost_ratio"].values.ravel(), grid.result.outputs["cost_ratio"])
    assert data["launch.price_per_kg"].values[1] == pytest.approx(550.0)
    lhs = sweep.sweep(sc, _axes("launch.price_per_kg=100:1000:3"), samples=8, workers=0)
    with pytest.raises(orbital.OrbitalInputError, match="grid"):
        lhs.to_xarray()
    mc = uncertainty.monte_carlo(load_scenario("uncertainty"), 64, 0, workers=0)
    assert len(mc.to_frame()) == 64 and "cost_ratio" in repr(mc)


def test_figures_draw_into_a_given_axis_or_figure_without_a_title():
    from matplotlib.figure import Figure

    sc = load_scenario("baseline")
    result = model.run(sc)
    fig = Figure()
    ax = fig.subplots()
    drawn = plots.mass_budget(sc, result, ax=ax, title=False)
    assert drawn is fig and ax.get_ylabel() and fig.get_suptitle() == ""
    titled = plots.mass_budget(sc, result)
    assert titled is not fig and titled.get_suptitle()
    two = Figure()
    drawn = plots.radiator_vs_temperature(sc, result, fig=two)
    assert drawn is two and len(two.axes) == 2
    with pytest.raises(orbital.OrbitalInputError, match="fig= instead of ax="):
        plots.radiator_vs_temperature(sc, result, ax=Figure().subplots())


def _imports(path: Path) -> set:
    """The package's modules a module imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("orbital."):
            found.add(node.module.split(".")[1])
    return found - {"__init__"}


def test_nothing_imports_the_cli_and_there_is_no_import_cycle():
    # The two entry points (`python -m orbital` and the console script's trampoline) exist to call the CLI.
    entry_points = ("__init__", "__main__", "_entry")
    modules = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem not in entry_points}
    importers = sorted(name for name, imported in modules.items() if "cli" in imported)
    assert importers == []
    # Depth-first search for a cycle through any import, top-level or deferred.
    state = {}

    def visit(name, trail):
        state[name] = "open"
        for other in sorted(modules.get(name, ())):
            if other not in modules:
                continue
            if state.get(other) == "open":
                raise AssertionError("import cycle: " + " -> ".join([*trail, name, other]))
            if other not in state:
                visit(other, [*trail, name])
        state[name] = "done"

    for name in sorted(modules):
        if name not in state:
            visit(name, [])


def test_import_and_help_load_no_physics():
    code = (
        "import sys, orbital\n"
        "loaded = set(sys.modules)\n"
        "from orbital.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('numpy', 'astropy', 'scipy', 'matplotlib', 'orbital.orbits', 'orbital.model')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "print(sorted(m for m in loaded if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-2:] == ["[]", "[]"]


def test_lazy_attributes_of_the_package():
    assert orbital.Orbit is Orbit
    assert orbital.model is model
    with pytest.raises(AttributeError):
        orbital.no_such_module  # noqa: B018
