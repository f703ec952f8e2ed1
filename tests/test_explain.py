"""Why two scenarios disagree (issue 18): Shapley values and the sequential waterfall over groups of keys."""

from __future__ import annotations

import numpy as np
import pytest

from orbital import explain, model
from orbital.cli import main
from orbital.errors import OrbitalInputError
from orbital.explain import _shapley, _waterfall
from orbital.scenario import load_scenario


def test_shapley_of_a_known_game():
    """The glove game (Shapley 1953's textbook case): players 0 and 1 together are worth 1, nothing else is;
    each gets 1/2, the third nothing. And an additive game gives each player its own worth."""
    v = np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0])  # indexed by bitmask over players 0, 1, 2
    assert _shapley(v, 3).tolist() == pytest.approx([0.5, 0.5, 0.0])
    worth = np.array([2.0, -1.0, 0.5])
    additive = np.array([sum(worth[i] for i in range(3) if m >> i & 1) for m in range(8)])
    assert _shapley(additive, 3).tolist() == pytest.approx(worth.tolist())
    assert _waterfall(additive, 3).tolist() == pytest.approx(worth.tolist())


@pytest.fixture(scope="module")
def walk():
    return explain.explain("baseline", "starcloud")


def test_the_end_points_are_the_two_scenarios(walk):
    a, b = model.run("baseline"), model.run("starcloud")
    assert walk.values["cost_ratio"] == pytest.approx((a.cost_ratio, b.cost_ratio), rel=1e-12)
    assert walk.values["lcoc_orbital"][1] == pytest.approx(b.orbital.lcoc_usd_per_mwh, rel=1e-12)


@pytest.mark.parametrize("output", list(explain.OUTPUTS))
def test_shapley_values_and_the_waterfall_add_up_to_the_change(walk, output):
    start, end = walk.values[output]
    assert sum(walk.shapley[output].values()) == pytest.approx(end - start, rel=1e-9, abs=1e-9)
    assert sum(walk.waterfall[output].values()) == pytest.approx(end - start, rel=1e-9, abs=1e-9)


def test_a_group_that_changes_nothing_gets_zero(walk):
    for group in ("orbit", "solar", "radiation", "maintenance", "workload"):  # the same in both scenarios
        assert walk.shapley["cost_ratio"][group] == 0.0
    # A key that differs without moving the composer's answer (the crossover's first year) gets zero too.
    a = load_scenario("baseline")
    b = a.replace(trends__start_year=2030, launch__price_per_kg="300 USD/kg")
    groups = {"trend": ["trends.start_year"], "launch price": ["launch.price_per_kg"]}
    both = explain.explain(a, b, groups)
    assert both.shapley["cost_ratio"]["trend"] == 0.0
    assert both.shapley["cost_ratio"]["launch price"] == pytest.approx(
        both.values["cost_ratio"][1] - both.values["cost_ratio"][0]
    )


def test_swapping_the_scenarios_negates_every_value(walk):
    back = explain.explain("starcloud", "baseline")
    for output in explain.OUTPUTS:
        for group, value in walk.shapley[output].items():
            assert back.shapley[output][group] == pytest.approx(-value, rel=1e-9, abs=1e-12)


def test_text_and_orbit_differences_are_walked_not_refused():
    """The vehicle (text) and the orbit (physics) cannot be arrays: their groups are evaluated subset by
    subset, and the answer still adds up. GEO needs its own vehicle (Starship cannot carry the satellite
    there, and the satellite shrinks to 35 kW for Falcon Heavy): moved apart they make designs that cannot be
    built, so they are joined into one group and the attribution is made over the rest (never refused)."""
    joined = explain.explain("baseline", "geo")
    assert joined.joined and all(g in joined.joined[-1] for g in ("orbit", "launch", "compute hardware"))
    start, end = joined.values["cost_ratio"]
    assert end == pytest.approx(model.run("geo").cost_ratio, rel=1e-9)
    assert sum(joined.shapley["cost_ratio"].values()) == pytest.approx(end - start, rel=1e-9)
    groups = explain.default_groups()
    groups["orbit, launch, compute"] = groups.pop("orbit") + groups.pop("launch") + groups.pop("compute hardware")
    geo = explain.explain("baseline", "geo", groups)
    assert geo.differences["orbit, launch, compute"]
    start, end = geo.values["cost_ratio"]
    assert sum(geo.shapley["cost_ratio"].values()) == pytest.approx(end - start, rel=1e-9)


@pytest.mark.parametrize(
    ("group", "fragment"),
    [
        ("x=launch.nope", "unknown key 'launch.nope'"),
        ("x=", "group 'x' is empty"),
        ("=launch.vehicle", "give NAME=section.key"),
        ("lunch", "'lunch' is not a default group; known: orbit, compute hardware"),
    ],
)
def test_bad_groups_exit_2(group, fragment, capsys):
    assert main(["explain", "baseline", "starcloud", "--group", group]) == 2
    assert fragment in capsys.readouterr().err


def test_default_groups_by_name_and_the_rest_as_other(capsys):
    assert main(["explain", "baseline", "starcloud", "--group", "launch", "--json"]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert out["groups"] == ["launch", "other"]
    total = out["values"]["cost_ratio"][1] - out["values"]["cost_ratio"][0]
    assert sum(out["shapley"]["cost_ratio"].values()) == pytest.approx(total, rel=1e-9)


def test_a_key_in_two_groups_is_refused():
    with pytest.raises(OrbitalInputError, match="'launch.vehicle' is in two groups"):
        explain.explain("baseline", "starcloud", {"a": ["launch.vehicle"], "b": ["launch.vehicle"]})


def test_the_cli_writes_the_figure(tmp_path):
    path = tmp_path / "explain.png"
    assert main(["explain", "baseline", "starcloud", "--figure", str(path)]) == 0
    assert path.stat().st_size > 10_000


def test_a_change_in_every_group_reaches_b_exactly():
    """One key changed in each of the 12 default groups (11 carried as arrays, the orbit walked): the last
    subset is B itself, so it must equal B's own run, shield transport included; 4,096 subsets add up."""
    a = load_scenario("baseline")
    b = a.replace(
        orbit__altitude="600 km",
        compute__hardware_price="25 USD/W",
        solar__eclipse_load=0.5,
        thermal__radiator_temperature="30 degC",
        radiation__shielding="8 mm",
        launch__price_per_kg="300 USD/kg",
        launch__bus_cost="700 USD/kg",
        maintenance__spares_share=0.2,
        terrestrial__electricity_price="0.06 USD/kWh",
        terrestrial__capex="10 USD/W",
        finance__discount_rate=0.1,
        workload__recovery_time="10 min",
    )
    result = explain.explain(a, b)
    assert result.subsets == 4096
    assert result.values["cost_ratio"][1] == pytest.approx(model.run(b).cost_ratio, rel=1e-9)
    assert result.values["lcoc_terrestrial"][1] == pytest.approx(model.run(b).terrestrial.lcoc_usd_per_mwh, rel=1e-9)
    start, end = result.values["cost_ratio"]
    assert sum(result.shapley["cost_ratio"].values()) == pytest.approx(end - start, rel=1e-9)
    assert all(result.shapley["cost_ratio"][g] != 0.0 for g in ("orbit", "radiation", "launch", "finance"))


def test_explain_alone_walks_to_the_most_favourable_sourced_values(capsys):
    """The baseline against parity: every favourable sourced value together still leaves the orbit dearer
    (ratio ~3.1), and the groups' shares of the gap add up to what they close."""
    result = explain.drivers("baseline")
    start, end = result.values["cost_ratio"]
    assert end < start and end > 1.0
    closed = -sum(v for v in result.shapley["cost_ratio"].values())
    assert closed == pytest.approx(start - end, rel=1e-9)
    text = "\n".join(result.drivers)
    assert "orbital capex: spacecraft" in text and "parity by launch price alone" in text
    assert "parity by bus cost alone" in text
    assert main(["explain", "baseline"]) == 0
    assert "What drives the answer" in capsys.readouterr().out
    favourable = explain.favourable("baseline")
    assert favourable.launch.price_per_kg == pytest.approx(60.0) and favourable.thermal.loop == "two-phase"


def test_the_explain_figure_from_orbital_plot(tmp_path):
    from orbital import plots

    fig = plots.explain_figure(load_scenario("baseline"), against="starcloud")
    assert fig.orbital_data["groups"][0] == "launch"  # the largest Shapley value first
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_yticklabels()
    assert main(["plot", "baseline", "--figure", "explain", "--against", "starcloud", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "explain.png").stat().st_size > 10_000
    assert "explain" not in plots.figure_names(load_scenario("baseline"))  # only by name


def test_b_s_own_catalog_travels_with_its_keys(tmp_path):
    """B names a server from its own user catalog; A does not know it. Moving the compute group brings the
    entry along (the walk still adds up to B's own answer)."""
    (tmp_path / "mine.toml").write_text(
        "[servers.gb200-cheap]\n"
        'description = "GB200 NVL72 at a lower price"\naccelerator = "b200-class"\naccelerators = 72\n'
        "power_kw = 120.0\ntypical_power_kw = 120.0\nmass_kg = 1360.0\nchassis_fraction = 0.5\nprice_usd = 2.0e6\n"
        "pflops_bf16 = 2.5\npflops_fp8 = 5.0\nhbm_gb = 186.0\ndomain = 72\njunction_limit_c = 87.0\n"
        'sources = ["a test (2026)"]\n'
    )
    (tmp_path / "b.toml").write_text('[scenario]\ncatalogs = ["mine.toml"]\n[compute]\nserver = "gb200-cheap"\n')
    b = load_scenario(tmp_path / "b.toml")
    walk = explain.explain("baseline", b)
    assert walk.values["cost_ratio"][1] == pytest.approx(model.run(b).cost_ratio, rel=1e-9)
