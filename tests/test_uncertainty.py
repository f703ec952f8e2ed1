"""Distributions, Monte Carlo, Sobol' indices, tornado and crossover year (orbital.distributions,
orbital.uncertainty, `orbital mc`, `orbital sensitivity`, `orbital crossover`)."""

import json

import numpy as np
import pytest
from scipy import stats

from orbital import OrbitalInputError, model, scenario, sweep, uncertainty
from orbital.cli import main


def _scenario(uncertain: dict, **sections):
    raw = {"uncertainty": uncertain, **sections}
    return scenario.parse_scenario(raw, source="test.toml")


# --------------------------------------------------------------------------------------
# Distributions
# --------------------------------------------------------------------------------------


def test_each_distribution_has_scipys_quantiles_in_si():
    sc = _scenario(
        {
            # A build cost cannot be negative: the normal is truncated at 0 by declaration (never clipped).
            "launch.bus_cost": {"distribution": "normal", "mean": 1000, "sd": 200, "low": 0},
            "launch.price_per_kg": {"distribution": "lognormal", "median": "500 USD/kg", "sigma": 0.7},
            "terrestrial.electricity_price": {"distribution": "triangular", "low": 0.04, "mode": 0.08, "high": 0.15},
            "thermal.radiator_temperature": {"distribution": "uniform", "low": "10 degC", "high": "30 degC"},
        }
    )
    u = sc.uncertainty
    q = np.array([0.1, 0.5, 0.9])
    truncated = stats.truncnorm((0 - 1000) / 200, np.inf, loc=1000, scale=200)
    assert u["launch.bus_cost"].ppf(q) == pytest.approx(truncated.ppf(q), rel=1e-12)
    assert u["launch.price_per_kg"].ppf(q) == pytest.approx(stats.lognorm(0.7, scale=500).ppf(q), rel=1e-12)
    kwh = 3.6e6  # USD/kWh -> USD/J: the bounds are read in the key's unit
    tri = stats.triang(c=(0.08 - 0.04) / 0.11, loc=0.04 / kwh, scale=0.11 / kwh)
    assert u["terrestrial.electricity_price"].ppf(q) == pytest.approx(tri.ppf(q), rel=1e-12)
    assert u["thermal.radiator_temperature"].ppf(q) == pytest.approx([285.15, 293.15, 301.15], rel=1e-12)


def test_bounds_truncate_instead_of_clipping():
    sc = _scenario({"launch.bus_cost": {"distribution": "normal", "mean": 1000, "sd": 500, "low": 800, "high": 2000}})
    d = sc.uncertainty["launch.bus_cost"]
    x = d.sample(200_000, np.random.default_rng(1))
    assert x.min() >= 800 and x.max() <= 2000
    assert np.mean(x == 800) == 0  # no mass piled on the bound, as clipping would
    # Mean of the truncated normal (scipy's truncnorm); 3 standard errors of 200,000 draws.
    expected = stats.truncnorm(-0.4, 2.0, loc=1000, scale=500)
    assert np.mean(x) == pytest.approx(expected.mean(), abs=3 * expected.std() / np.sqrt(x.size))


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"distribution": "uniform", "low": 500, "high": 100}, "must not exceed high"),
        ({"distribution": "normal", "mean": 500, "sd": -1}, "sd = -1 must be >= 0"),
        ({"distribution": "normal", "mean": 500, "sd": 10, "low": 5000, "high": 6000}, "hold no probability"),
        ({"distribution": "lognormal", "median": 0, "sigma": 1}, "median = 0 must be > 0"),
        ({"distribution": "lognormal", "median": 10, "sigma": -1}, "sigma = -1 must be >= 0"),
        ({"distribution": "triangular", "low": 1, "mode": 5, "high": 3}, "mode = 5 must lie between"),
        ({"distribution": "gamma", "mean": 1}, "not one of: normal, lognormal"),
        ({"distribution": "normal", "mean": 1}, "missing sd"),
        ({"distribution": "uniform", "low": 1, "high": 2, "mode": 1}, "unknown mode"),
        ({"distribution": "uniform", "low": "1 kg", "high": 2}, "has units of mass"),
        ({"mean": 1}, "must be a table with a 'distribution'"),
        ({"distribution": "normal", "mean": 5, "sd": 0, "low": 10}, "outside its bounds"),
    ],
)
def test_invalid_distributions_name_file_key_and_problem(spec, message):
    with pytest.raises(OrbitalInputError, match=message) as error:
        _scenario({"launch.bus_cost": spec})
    assert "test.toml: [uncertainty] launch.bus_cost" in str(error.value)


def test_unknown_or_non_numeric_keys_are_refused():
    with pytest.raises(OrbitalInputError, match="did you mean 'launch.bus_cost'"):
        _scenario({"launch.bus_costs": {"distribution": "uniform", "low": 1, "high": 2}})
    with pytest.raises(OrbitalInputError, match="only numeric keys"):
        _scenario({"launch.vehicle": {"distribution": "uniform", "low": 1, "high": 2}})


def test_nested_tables_and_the_resolved_scenario_keep_the_section():
    sc = _scenario({"launch": {"bus_cost": {"distribution": "uniform", "low": 100, "high": 200}}})
    assert list(sc.uncertainty) == ["launch.bus_cost"]
    text = scenario.resolved_toml(sc)
    assert '[uncertainty]\n"launch.bus_cost" = { distribution = "uniform", low = 100, high = 200 }' in text
    again = sc.replace(launch__fill=0.9)
    assert list(again.uncertainty) == ["launch.bus_cost"]


# --------------------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------------------


def test_same_seed_same_numbers_other_seed_other_numbers():
    sc = scenario.load_scenario("uncertainty")
    a = uncertainty.monte_carlo(sc, 2000, seed=7, workers=0)
    b = uncertainty.monte_carlo(sc, 2000, seed=7, workers=0)
    c = uncertainty.monte_carlo(sc, 2000, seed=8, workers=0)
    for name in sweep.OUTPUTS:
        assert np.array_equal(a.result.outputs[name], b.result.outputs[name], equal_nan=True)
    assert a.percentiles == b.percentiles
    assert a.percentiles["cost_ratio"][50] != c.percentiles["cost_ratio"][50]


def test_degenerate_distributions_reproduce_the_deterministic_run():
    # Every parameter fixed (zero spread) at a value that differs from the scenario's default.
    fixed = {
        "launch.price_per_kg": {"distribution": "normal", "mean": "300 USD/kg", "sd": 0},
        "launch.bus_cost": {"distribution": "lognormal", "median": "700 USD/kg", "sigma": 0},
        "terrestrial.electricity_price": {"distribution": "uniform", "low": 0.1, "high": 0.1},
        "thermal.radiator_temperature": {"distribution": "triangular", "low": 310, "mode": 310, "high": 310},
    }
    sc = _scenario(fixed, launch={"vehicle": "starship-no-reuse"})
    mc = uncertainty.monte_carlo(sc, 500, seed=1, workers=0)
    r = model.run(
        sc.replace(
            launch__price_per_kg="300 USD/kg",
            launch__bus_cost="700 USD/kg",
            terrestrial__electricity_price=0.1,
            thermal__radiator_temperature="310 K",
        )
    )
    # The same equations on arrays and on scalars: equal to rounding.
    assert mc.percentiles["cost_ratio"][50] == pytest.approx(r.cost_ratio, rel=1e-12)
    assert mc.percentiles["lcoc_orbital"][50] == pytest.approx(r.orbital.lcoc_usd_per_mwh, rel=1e-12)
    assert mc.percentiles["lcoc_terrestrial"][10] == pytest.approx(r.terrestrial.lcoc_usd_per_mwh, rel=1e-12)
    assert mc.percentiles["mass"][90] == pytest.approx(r.orbital.mass_kg_per_kw, rel=1e-12)
    assert mc.probability_orbital_cheaper == float(r.cost_ratio < 1)


def test_probability_orbital_cheaper_counts_the_samples_below_parity():
    sc = _scenario(
        {"launch.price_per_kg": {"distribution": "lognormal", "median": "10 USD/kg", "sigma": 1.5}},
        launch={"bus_cost": "50 USD/kg", "vehicle": "starship-no-reuse"},
        terrestrial={"electricity_price": "0.50 USD/kWh"},
        downlink={"pass_fee": "0 USD/min"},  # owned ground stations
    )
    mc = uncertainty.monte_carlo(sc, 4000, seed=2, workers=0)
    out = mc.result.outputs
    assert 0 < mc.probability_orbital_cheaper < 1
    assert mc.probability_orbital_cheaper == np.mean(out["cost_ratio"] < 1)
    # The break-even price separates the samples: below it the orbit wins.
    be = np.nanmedian(out["break_even_launch_price"])
    price = mc.result.inputs["launch.price_per_kg"]
    assert np.all(out["orbital_cheaper"] == (price < be))


def test_orbit_parameters_cannot_be_sampled():
    sc = _scenario({"orbit.altitude": {"distribution": "uniform", "low": 500, "high": 600}})
    with pytest.raises(OrbitalInputError, match="changes the orbit physics"):
        uncertainty.monte_carlo(sc, 10)


def test_mc_command_prints_percentiles_and_writes_samples(tmp_path, capsys):
    out = tmp_path / "mc.parquet"
    argv = ["mc", "uncertainty", "--samples", "3000", "--seed", "4", "--out", str(out), "--json", "--quiet"]
    assert main(argv) == 0
    r = json.loads(capsys.readouterr().out)
    table = sweep.read_table(out)
    assert len(table["cost_ratio"]) == 3000
    p = np.percentile(table["cost_ratio"][table["feasible"]], [10, 50, 90])
    assert [r["percentiles"]["cost_ratio"][k] for k in ("10", "50", "90")] == pytest.approx(p, rel=1e-15)


def test_mc_without_an_uncertainty_section_says_how_to_add_one(capsys):
    assert main(["mc", "baseline", "--samples", "10"]) == 2
    assert "no [uncertainty] section" in capsys.readouterr().err


# --------------------------------------------------------------------------------------
# Sobol' and tornado
# --------------------------------------------------------------------------------------


def test_sobol_reproduces_the_ishigami_indices():
    """Ishigami & Homma (1990), a = 7, b = 0.1, x ~ U(-pi, pi): analytic S1 = 0.3139, 0.4424, 0 and
    ST = 0.5576, 0.4424, 0.2437 (SALib's documented reference). Tolerance: the 0.05 convergence
    target the indices are computed to, with the reported 95 % intervals covering the truth."""
    from SALib.test_functions import Ishigami

    from orbital.distributions import Distribution

    dists = {f"x{i}": Distribution("uniform", {"low": -np.pi, "high": np.pi}) for i in (1, 2, 3)}

    def ishigami(table):
        return Ishigami.evaluate(np.column_stack([table["x1"], table["x2"], table["x3"]]))

    si = uncertainty.sobol_indices(ishigami, dists, "ishigami", seed=1, target=0.05)
    assert si.converged and np.all(si.total_conf <= 0.05)
    s1 = np.array([0.3139, 0.4424, 0.0])
    st = np.array([0.5576, 0.4424, 0.2437])
    assert si.first == pytest.approx(s1, abs=0.05)
    assert si.total == pytest.approx(st, abs=0.05)
    assert np.all(np.abs(si.total - st) <= si.total_conf + 0.01)


def test_sobol_of_the_chain_converges_and_ranks_the_launch_price_first():
    sc = scenario.load_scenario("uncertainty")
    si = uncertainty.sobol(sc, "cost_ratio", seed=0)
    assert si.converged and np.max(si.total_conf) <= 0.05
    assert si.names[int(np.argmax(si.total))] == "launch.price_per_kg"
    # Trend rates do not enter a single-year cost: their indices are zero to sampling noise.
    for name in ("trends.bus_cost_change", "trends.hardware_price_change"):
        assert abs(si.total[si.names.index(name)]) < 1e-9


def test_tornado_swings_each_parameter_alone_around_the_scenario():
    sc = scenario.load_scenario("uncertainty")
    t = uncertainty.tornado(sc, "cost_ratio")
    base = model.run(sc)  # the scenario as given: unset prices at the catalog's
    assert t["base"] == pytest.approx(base.cost_ratio, rel=1e-12)
    price = t["swings"]["launch.price_per_kg"]
    assert price["output_at_low"] < t["base"] < price["output_at_high"]
    high = model.run(sc.replace(launch__price_per_kg=price["high_value"], launch__year=None))
    assert price["output_at_high"] == pytest.approx(high.cost_ratio, rel=1e-12)
    swings = [abs(s["output_at_high"] - s["output_at_low"]) for s in t["swings"].values()]
    assert swings == sorted(swings, reverse=True)


def test_sensitivity_command_writes_both_figures(tmp_path, capsys):
    assert main(["sensitivity", "uncertainty", "--figures", str(tmp_path), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["converged"] and set(r["sobol"]) == set(scenario.load_scenario("uncertainty").uncertainty)
    for name in ("sensitivity.png", "tornado.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")


# --------------------------------------------------------------------------------------
# Crossover year
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crossing():
    """A scenario that crosses: a cheap bus, and electricity rising 12 %/yr from 0.08 USD/kWh."""
    return scenario.parse_scenario(
        {
            "launch": {"vehicle": "starship-no-reuse", "bus_cost": "50 USD/kg"},
            "trends": {"electricity_price_change": 0.12, "end_year": 2070},
            "uncertainty": {
                "trends.electricity_price_change": {"distribution": "uniform", "low": 0.08, "high": 0.16},
                "launch.bus_cost": {"distribution": "uniform", "low": "30 USD/kg", "high": "80 USD/kg"},
            },
        },
        source="crossing.toml",
    )


def test_the_crossover_year_is_where_the_scalar_runs_change_sides(crossing):
    c = uncertainty.crossover(crossing)
    assert c.year is not None and 2027 <= c.year <= 2070

    def ratio(year):
        e = 0.0806 * 1.12 ** (year - 2026)
        return model.run(crossing.replace(launch__year=year, terrestrial__electricity_price=e)).cost_ratio

    assert ratio(c.year) < 1.0 <= ratio(c.year - 1)
    i = int(np.flatnonzero(c.years == c.year)[0])
    r = model.run(
        crossing.replace(launch__year=c.year, terrestrial__electricity_price=0.0806 * 1.12 ** (c.year - 2026))
    )
    assert c.lcoc_orbital[i] == pytest.approx(r.orbital.lcoc_usd_per_mwh, rel=1e-12)


def test_the_crossover_band_is_ordered_and_reproducible(crossing):
    a = uncertainty.crossover(crossing, samples=400, seed=5)
    b = uncertainty.crossover(crossing, samples=400, seed=5)
    assert a.band == b.band and a.never_fraction == b.never_fraction
    assert a.band[10] <= a.band[50] <= a.band[90]
    assert a.band[10] < a.band[90]  # the spread in the trend moves the year
    low, high = a.lcoc_band["terrestrial"][10], a.lcoc_band["terrestrial"][90]
    assert np.all(low <= high) and np.all(high[1:] > high[0])


def test_crossover_command_and_bad_years(tmp_path, capsys):
    assert main(["crossover", "baseline", "--figure", str(tmp_path / "c.png"), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["year"] is None and r["years"][0] == 2026 and (tmp_path / "c.png").exists()
    # Years before the learning curve's 2025 anchor, and prices falling by 100 % or more a year,
    # are refused when the scenario is read, before any work.
    with pytest.raises(OrbitalInputError, match=r"b.toml: \[trends\] start_year = 2020 is outside .*\[2025, 2200\]"):
        scenario.parse_scenario({"trends": {"start_year": 2020}}, source="b.toml")
    with pytest.raises(OrbitalInputError, match=r"\[trends\] hardware_price_change = -1.5 is outside .*\(-1, 1\]"):
        scenario.parse_scenario({"trends": {"hardware_price_change": -1.5}}, source="b.toml")
