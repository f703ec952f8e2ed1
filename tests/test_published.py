"""Published analyses as scenarios (issue 18): each reproduced as far as its assumptions are public; where
the model cannot reach the headline, the structural reason is stated and our number pinned. The published
values are copied here from their sources (users have no ../shared)."""

from __future__ import annotations

import pytest

from orbital import explain, launch, model

YEAR_HOURS = 8766.0


def test_suncatcher_table_1_launched_power_price():
    """Suncatcher (arXiv:2511.19468, Table 1): launch cost / (power x life) of a Starlink V2 mini, 575 kg,
    28 kW, 5 yr: 14,700 USD/kW/yr at 3,600 USD/kg and 810 at 200 USD/kg (their rounding: 1 %, 2 %)."""
    assert launch.launched_power_price(575.0, 28e3, 5 * 365.25 * 86400, 3600.0) == pytest.approx(14700, rel=0.01)
    assert launch.launched_power_price(575.0, 28e3, 5 * 365.25 * 86400, 200.0) == pytest.approx(810, rel=0.02)


def test_suncatcher_parity_argument_against_our_satellite():
    """Their parity: 810 USD/kW/yr at 200 USD/kg sits inside a terrestrial power spend of 570-3,000 USD/kW/yr.
    Structural difference: their kW is a V2 mini's array (20.5 kg per kW of array, a comms satellite with no
    radiator or battery sized for compute); ours is a kW of IT with its array, battery, radiator, structure
    and margin, ~112 kg/kW, so the same arithmetic gives ~4,500 USD per IT kW-year: above the ground's spend."""
    result = model.run("suncatcher")
    mass = result.orbital.mass_kg_per_kw
    ours = launch.launched_power_price(mass, 1e3, 5 * 365.25 * 86400, 200.0)
    assert mass == pytest.approx(111.7, rel=0.02)  # pinned
    assert 3000.0 < ours < 5000.0


def test_starcloud_white_paper():
    """Starcloud (2024): 40 MW for 10 yr, 8.2 M USD orbital against 167 M USD terrestrial, launch 30 USD/kg.
    Reproduced: the ground's energy, 40 MW x 10 yr x 0.04 USD/kWh = 140 M USD (their 167 M adds items not
    itemised publicly). Not reproduced: at 30 USD/kg, 8.2 M USD buys at most 6.8 kg per kW launched; our
    satellite weighs ~108 kg/kW, so the orbit is dearer (ratio pinned)."""
    result = model.run("starcloud")
    energy = result.terrestrial.opex_breakdown_usd_per_mw_year["electricity"] * 40 * 10
    assert energy == pytest.approx(40e3 * 10 * YEAR_HOURS * 0.04, rel=1e-3)
    assert 8.2e6 / 30.0 / 40e3 == pytest.approx(6.8, rel=0.01)
    assert result.orbital.mass_kg_per_kw == pytest.approx(108.1, rel=0.02)  # pinned
    assert result.cost_ratio == pytest.approx(6.18, rel=0.03)  # pinned: orbit ~6x dearer, not 20x cheaper


def test_mccalip_calculator():
    """McCalip (Dec 2025 defaults): 1 GW, 5 yr; terrestrial 14.8 USD/W and orbital 31.2 USD/W without the
    compute hardware, LCOE 891 vs 398 USD/MWh (2.24x). Reproduced: the ground's non-hardware capex, turbines
    at 1,800 USD/kW over a 0.85 capacity factor at PUE 1.2 plus a 12.5 USD/W facility, within 3 %. Not
    reproduced: the orbit. Its satellite is a V2 mini's 27.4 kg per kW; ours ~116 kg per kW of IT, so the
    build and launch per W are ~4x theirs (ratio pinned)."""
    result = model.run("mccalip")
    ground = result.terrestrial.capex_usd_per_w - result.terrestrial.capex_breakdown_usd_per_w["hardware"]
    assert ground == pytest.approx(14.8, rel=0.03)
    orbit = result.orbital.capex_usd_per_w - result.orbital.capex_breakdown_usd_per_w["hardware"]
    assert orbit > 4 * 31.2 * 0.9  # pinned below: ~174 USD/W
    assert orbit == pytest.approx(174.0, rel=0.03)
    assert 740.0 / 27.0 == pytest.approx(27.4, rel=0.01)
    assert result.orbital.mass_kg_per_kw == pytest.approx(115.7, rel=0.02)  # pinned


def test_the_walk_from_mccalip_to_our_baseline_adds_up():
    walk = explain.explain("mccalip", "baseline")
    start, end = walk.values["cost_ratio"]
    assert sum(walk.shapley["cost_ratio"].values()) == pytest.approx(end - start, rel=1e-9)


def test_spacedc_mdao_default_inference_case():
    """spacedc-mdao (orbitdc, 2026), its 1 MW inference case: ~19x the ground per delivered PFLOP-day.
    With its mapped inputs ours is ~26x: the same order (tolerance: a factor 1.5), not closer because the
    two models differ in structure: it derates orbital compute to 0.85 x 0.55 of nameplate (we do not), and
    its satellites carry less mass per kW than our sized array, radiator, battery and structure."""
    result = model.run("spacedc-mdao")
    ratio = result.orbital.usd_per_pflop_day / result.terrestrial.usd_per_pflop_day
    assert ratio == pytest.approx(result.cost_ratio, rel=1e-9)  # same hardware: PFLOP-days scale as MWh
    assert 19.0 / 1.5 < ratio < 19.0 * 1.5
    assert ratio == pytest.approx(26.4, rel=0.03)  # pinned


def test_turyshev_launch_plus_build_allowance():
    """Turyshev (arXiv:2604.27197, 2026): at ~40 kg/kW a terrestrial infrastructure benchmark of 10-40 k USD/kW
    allows 250-1,000 USD/kg for launch and build together (benchmark / mass per kW: exact arithmetic). His
    subsystem inputs are not public in our sources, so no scenario reproduces his node; with our baseline's
    mass per kW the same benchmark allows less than 40 % of that, and our baseline's launch plus build
    (460 + 1,000 USD/kg) is several times above even his upper bound."""
    assert 10e3 / 40.0 == pytest.approx(250.0) and 40e3 / 40.0 == pytest.approx(1000.0)
    result = model.run("baseline")
    mass = result.orbital.mass_kg_per_kw
    low, high = 10e3 / mass, 40e3 / mass
    assert high < 0.4 * 1000.0 and low < 0.4 * 250.0
    spend = (
        (result.orbital.capex_breakdown_usd_per_w["spacecraft"] + result.orbital.capex_breakdown_usd_per_w["launch"])
        * 1e3
        / mass
    )
    assert spend > 1000.0  # USD per kg of satellite for build and launch together
