"""Money (issue 16): capital recovery, asset lives, warranty and resale, and both sides' levelized cost of
compute reproduced by hand calculations written apart from the code."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import economics, model
from orbital.errors import OrbitalInputError
from orbital.scenario import load_scenario, parse_scenario

YEAR = 365.25 * 86400.0


def crf(r, n):
    """Textbook capital recovery factor (Short, Packey & Holt, NREL/TP-462-5173, 1995, eq. 4-3)."""
    return 1.0 / n if r < 1e-200 else r * (1 + r) ** n / math.expm1(n * math.log1p(r))


def test_a_15_year_asset_in_a_5_year_study_bears_0_466_of_its_price():
    # CRF(8 %, 15) = 0.116830, CRF(8 %, 5) = 0.250456 (annuity tables): 0.4665.
    assert economics.study_share(0.08, 15, 5) == pytest.approx(0.116830 / 0.250456, rel=1e-5)
    assert economics.study_share(0.08, 15, 5) == pytest.approx(0.466, abs=5e-4)


@settings(max_examples=60, deadline=None)
@given(r=st.floats(0.0, 0.5), life=st.floats(0.5, 60.0), study=st.floats(0.5, 60.0))
def test_the_study_share_is_the_ratio_of_annuities(r, life, study):
    assert economics.capital_recovery_factor(r, life) == pytest.approx(crf(r, life), rel=1e-10)
    share = economics.study_share(r, life, study)
    assert share == pytest.approx(crf(r, life) / crf(r, study), rel=1e-10)
    # Longer-lived assets are charged less; an asset of the study's own life exactly its price.
    assert (share <= 1.0 + 1e-12) == (life >= study - 1e-12) or abs(life - study) < 1e-9
    assert economics.study_share(r, study, study) == pytest.approx(1.0, rel=1e-12)


def _ground_goodput(kind, job_accelerators=600):
    """The ground fleet's rate (Llama 3: 419 interruptions in 54 days on 16,384 H100s) through each workload."""
    rate = 419.0 / (54.0 * 16384.0 * 86400.0)  # per accelerator-second
    if kind == "inference":  # replicas of 72 (a GB200 NVL72) idled 300 s per event: 1 / (1 + λnT)
        return 1.0 / (1.0 + rate * 72 * 300.0)
    m, delta, restart = 1.0 / (rate * job_accelerators), 60.0, 600.0  # Daly (2006) at his optimum interval
    tau = math.sqrt(2 * delta * m) * (1 + math.sqrt(delta / (2 * m)) / 3 + delta / (9 * 2 * m)) - delta
    return tau / (m * math.exp(restart / m) * (math.exp((tau + delta) / m) - 1))


@pytest.mark.parametrize("kind", ["inference", "training"])
def test_the_ground_lcoc_by_hand(kind):
    """Baseline ground side, by hand: GB200 NVL72 at $2.5M / 120 kW, construction $11.7/W over 20 years,
    2 %/yr maintenance, 8.2 %/yr failures replaced at 3/4 of the price after a 3-year warranty, 10 % resale,
    grid at 8.06 c/kWh and PUE 1.2, availability 0.9998, 5 years at 8 %."""
    r, years = 0.08, 5
    hardware = 2.5e6 / 120e3 * 1e6  # USD per MW
    construction = 11.7e6 * crf(r, 20) / crf(r, 5)
    mid = np.arange(years) + 0.5
    df = (1 + r) ** -mid
    failures = (0.301 + 0.172) * 419.0 / (54.0 * 16384.0) * 365.25
    replacement = failures * 0.75 * hardware * np.sum(df[mid >= 3.0])
    maintenance = 0.02 * 11.7e6 * df.sum()
    electricity = 1e6 * 1.2 * 0.9998 * YEAR / 3.6e6 * 0.0806 * df.sum()  # kWh x USD/kWh
    resale = 0.1 * hardware * (1 + r) ** -5
    cost = hardware + construction + replacement + maintenance + electricity - resale
    mwh = 0.9998 * _ground_goodput(kind) * YEAR / 3600.0 * df.sum()  # useful MWh per MW, discounted
    result = model.run(load_scenario("baseline").replace(workload__kind=kind))
    assert result.terrestrial.lifetime_cost_usd_per_mw == pytest.approx(cost, rel=1e-6)
    assert result.terrestrial.lcoc_usd_per_mwh == pytest.approx(cost / mwh, rel=1e-6)


@pytest.mark.parametrize("kind", ["inference", "training"])
def test_the_orbital_lcoc_by_hand(kind):
    """Baseline orbital side from its physics (mass, launches, goodput, dose life), by hand: hardware,
    the bus at $1,000/kg of non-compute, non-propellant mass, the launches, 5 % insurance on bus and launch,
    operations at 1 % of capex a year, pass fees for the link's antenna time; useful energy
    shrinks at the hardware and satellite failure rates (averaged over each year), stops at the dose limit,
    and nothing is resold."""
    result = model.run(load_scenario("baseline").replace(workload__kind=kind))
    p, o = result.physics, result.orbital
    r, years = 0.08, 5
    budget = p["mass_budget_kg_per_kw"]
    bus_kg_per_kw = sum(v for k, v in budget.items() if k not in ("compute", "propellant"))
    satellites = p["satellites"]
    hardware = 2.5e6 / 120e3 * 1e6
    bus = 1000.0 * bus_kg_per_kw * 100.0 * satellites  # USD/kg x kg/kW x 100 kW per satellite, per MW
    launch = o.launches_per_mw * p["launch_price_usd"]
    capex = hardware + bus + launch + 0.05 * (bus + launch)  # 5 % insurance on what flies
    mid = np.arange(years) + 0.5
    df = (1 + r) ** -mid
    cost = capex * (1 + 0.01 * df.sum())  # operations: 1 % of capex a year (McCalip's calculator)
    # Pass fees: 22 USD a minute (AWS Ground Station wideband, on demand) for the antenna time the
    # workload's traffic needs at the link's rate (well under the contacts the fleet has).
    minutes_per_day = p["demand_bps"] * 86400.0 / p["link"]["data_rate"] / 60.0
    assert minutes_per_day < satellites * p["link"]["contact_minutes_per_day"]
    cost += 22.0 * minutes_per_day * 365.25 * df.sum()
    # Llama 3's hardware failure counts in 54 days on 16,384 H100s (host and network ones take a 4-GPU
    # tray), and Castet & Saleh's 1.18 %/yr of whole satellites: nothing repaired in orbit.
    # Latch-ups from cosmic-ray nuclei (the chip's assumed latch-up Weibull) are permanent losses too.
    failures = (190 + 72 + (14 + 42) * 4) * 365.25 / (54.0 * 16384.0) + 0.0118 + p["latchups_per_chip_year"]
    start = np.arange(years)  # the mean of e^(-λt) over each year, cut at the dose limit
    stop = np.clip(start + 1.0, start, p["tid_lifetime_years"])
    alive = (np.exp(-failures * start) - np.exp(-failures * stop)) / failures
    mwh = np.sum(o.goodput * alive * df) * YEAR / 3600.0  # eclipse_load = 1: no eclipse factor
    assert o.lifetime_cost_usd_per_mw == pytest.approx(cost, rel=1e-6)
    assert o.lcoc_usd_per_mwh == pytest.approx(cost / mwh, rel=1e-6)


def test_each_ground_asset_bears_its_share_and_says_so():
    gas = model.run(load_scenario("baseline").replace(terrestrial__power_source="gas"))
    share = gas.terrestrial.capital_share
    assert share["construction"] == pytest.approx(crf(0.08, 20) / crf(0.08, 5), rel=1e-12)
    assert share["power_plant"] == pytest.approx(crf(0.08, 25) / crf(0.08, 5), rel=1e-12)
    assert share["hardware"] == 1.0
    items = gas.terrestrial.lifetime_cost_breakdown_usd_per_mw
    assert sum(items.values()) == pytest.approx(gas.terrestrial.lifetime_cost_usd_per_mw, rel=1e-12)
    assert items["credit: hardware_resale"] < 0
    solar = model.run("terrestrial-solar").terrestrial.capital_share
    assert solar["storage"] == pytest.approx(crf(0.08, 12) / crf(0.08, 5), rel=1e-12)
    # In a study longer than the hardware's life the ground buys it again: a share above 1.
    long = model.run(load_scenario("baseline").replace(finance__lifetime="10 yr"))
    assert long.terrestrial.capital_share["hardware"] == pytest.approx(crf(0.08, 5) / crf(0.08, 10), rel=1e-12)


def test_a_longer_warranty_and_a_higher_resale_never_raise_the_ground_cost():
    base = load_scenario("baseline")
    costs = [
        model.run(base.replace(terrestrial__warranty=f"{w} yr", terrestrial__resale_value=v)).terrestrial
        for w, v in ((0, 0.0), (3, 0.0), (5, 0.0), (5, 0.3))
    ]
    lifetime = [c.lifetime_cost_usd_per_mw for c in costs]
    assert lifetime == sorted(lifetime, reverse=True) and lifetime[0] > lifetime[-1]


def test_bad_money_input_names_the_key():
    with pytest.raises(
        OrbitalInputError, match=r"\[terrestrial\] warranty = 6 yr is longer than \[compute\] hardware_life = 5 yr"
    ):
        parse_scenario({"terrestrial": {"warranty": "6 yr"}}, source="m.toml")
    with pytest.raises(OrbitalInputError, match=r"\[terrestrial\] construction_life = -5 yr is outside"):
        parse_scenario({"terrestrial": {"construction_life": "-5 yr"}}, source="m.toml")
    with pytest.raises(OrbitalInputError, match=r"\[compute\] hardware_failure_rate = 2 is outside"):
        parse_scenario({"compute": {"hardware_failure_rate": 2}}, source="m.toml")
    with pytest.raises(OrbitalInputError, match=r"\[terrestrial\] resale_value = 1.5 is outside"):
        parse_scenario({"terrestrial": {"resale_value": 1.5}}, source="m.toml")


def test_the_parity_budget_is_where_the_two_costs_meet():
    # Ground power at 0.20 USD/kWh: no launch price makes the orbit cheaper, but a budget exists.
    result = model.run(load_scenario("baseline").replace(terrestrial__electricity_price="0.20 USD/kWh"))
    budget, now = result.parity_budget_usd_per_w, result.spacecraft_launch_operations_usd_per_w
    assert result.break_even_launch_price_usd_per_kg is None and 0 < budget < now
    o, t = result.orbital, result.terrestrial
    # Spacecraft, launch and operations cut from `now` to `budget` USD/W: the orbit's LCOC meets the ground's.
    at_budget = o.lcoc_usd_per_mwh * (o.lifetime_cost_usd_per_mw - (now - budget) * 1e6) / o.lifetime_cost_usd_per_mw
    assert at_budget == pytest.approx(t.lcoc_usd_per_mwh, rel=1e-9)
    # With them free, the hardware alone meets the ground at the useful fraction the result names.
    hardware = o.lifetime_cost_usd_per_mw - now * 1e6
    free = o.lcoc_usd_per_mwh * hardware / o.lifetime_cost_usd_per_mw  # per MWh at today's useful fraction
    needed = result.parity_useful_fraction
    assert free * o.useful_fraction / needed == pytest.approx(t.lcoc_usd_per_mwh, rel=1e-9)
    assert "parity: spacecraft + launch + operations may cost" in result.to_text().lower()
    assert result.to_dict()["parity_budget_usd_per_w"] == budget


def test_the_unrepaired_fleet_is_continuous_in_its_end_of_life():
    weights = np.ones(5)
    # λ = 0.1 /yr: year 0 keeps (1 − e^−0.1) / 0.1 = 0.95163 on average (analytic mean of e^−λt).
    assert economics.unrepaired_fraction_by_year(0.1, 10.0, weights)[0] == pytest.approx(-math.expm1(-0.1) / 0.1)
    ends = np.linspace(2.0, 3.0, 1001)
    years = economics.unrepaired_fraction_by_year(0.08, ends, weights)
    # The third year fills in linearly as the end of life crosses it: no whole-year step.
    assert np.max(np.abs(np.diff(years[:, 2]))) < 2e-3 and years[0, 2] == 0.0 and years[-1, 2] > 0.7
    assert np.all(economics.unrepaired_fraction_by_year(0.0, 2.5, weights) == [1, 1, 0.5, 0, 0])


def test_lcoc_is_continuous_in_shielding_and_lifetime():
    """800 km, where the dose limit falls inside the study: no jump over 1 % between neighbouring points
    (whole-year binning moved the cost by 29 % between 4.8 and 4.9 mm)."""
    from orbital import sweep

    sc = load_scenario("baseline").replace(orbit__altitude="800 km")
    fine = sweep.run_table(sc, {"radiation.shielding": np.linspace(4e-3, 6e-3, 401)}, workers=0).outputs
    lcoc = fine["lcoc_orbital"]
    assert np.max(np.abs(np.diff(lcoc)) / lcoc[:-1]) < 0.01
    coarse = sweep.run_table(sc, {"radiation.shielding": np.linspace(4e-3, 6e-3, 41)}, workers=0).outputs
    # Ten times finer steps, about ten times smaller jumps: the cost is continuous, only steep.
    ratio = np.max(np.abs(np.diff(coarse["lcoc_orbital"]))) / np.max(np.abs(np.diff(lcoc)))
    assert 5 < ratio < 20
    runs = [
        model.run(sc.replace(finance__lifetime=f"{years} yr")).orbital.lcoc_usd_per_mwh for years in (4.98, 5.0, 5.02)
    ]
    assert np.max(np.abs(np.diff(runs)) / runs[:-1]) < 0.01


def test_orbital_cost_lines_insurance_operations_and_nre_over_the_fleet():
    base = load_scenario("baseline").replace(finance__nre="1e9 USD")
    alone = model.run(base).orbital.capex_breakdown_usd_per_w
    fleet = model.run(base.replace(finance__fleet_it_power="1000 MW")).orbital.capex_breakdown_usd_per_w
    assert alone["nre"] == pytest.approx(1000.0) and fleet["nre"] == pytest.approx(1.0)  # USD/W
    assert alone["insurance"] == pytest.approx(0.05 * (alone["spacecraft"] + alone["launch"]), rel=1e-12)
    result = model.run(base)
    ops = result.orbital.opex_breakdown_usd_per_mw_year["operations"]
    assert ops == pytest.approx(0.01 * result.orbital.capex_usd_per_w * 1e6, rel=1e-12)


def test_the_spacecraft_is_priced_by_subsystem():
    base = load_scenario("baseline")
    result = model.run(base)
    build = result.physics["spacecraft_cost_usd_per_w"]
    assert sum(build.values()) == pytest.approx(result.orbital.capex_breakdown_usd_per_w["spacecraft"], rel=1e-12)
    # By default each subsystem costs its mass at bus_cost (1,000 USD/kg): the array's 13.48 kg/kW is 13.48 USD/W.
    budget = result.physics["mass_budget_kg_per_kw"]
    assert build["solar_array"] == pytest.approx(budget["solar_array"] * 1000.0 / 1e3, rel=1e-12)
    # A price per W of array (rated, beginning of life) replaces that line alone; integration adds its own.
    priced = model.run(base.replace(launch__array_cost="50 USD/W", launch__compute_integration=0.1))
    assert priced.physics["spacecraft_cost_usd_per_w"]["solar_array"] > build["solar_array"]
    assert priced.physics["spacecraft_cost_usd_per_w"]["radiator"] == pytest.approx(build["radiator"], rel=1e-12)
    assert priced.orbital.capex_breakdown_usd_per_w["compute_integration"] == pytest.approx(
        0.1 * result.orbital.capex_breakdown_usd_per_w["hardware"], rel=1e-12
    )


# --------------------------------------------------------------------------------------
# Ground segment: pass fees for the antenna time the link uses


def test_pass_fees_buy_the_minutes_the_traffic_needs_and_no_more():
    # 1 Gbit/s of demand over a 2 Gbit/s link needs half of each day's 1,440 minutes: 720 min/day,
    # unless the fleet's contacts offer fewer (then every contact minute is bought).
    assert model.antenna_minutes_per_day(1e9, 2e9, 10, 300.0) == pytest.approx(720.0, rel=1e-12)
    assert model.antenna_minutes_per_day(1e9, 2e9, 2, 300.0) == pytest.approx(600.0, rel=1e-12)
    # A link that does not close buys nothing (the result's caveat says the compute is unreachable).
    assert model.antenna_minutes_per_day(1e9, 0.0, 10, 1440.0) == 0.0


def test_the_ground_segment_is_linear_in_the_pass_fee_and_absent_for_relays():
    base = load_scenario("baseline")
    lines = [
        model.run(base.replace(downlink__pass_fee=f"{fee} USD/min")).orbital.opex_breakdown_usd_per_mw_year
        for fee in (0, 10, 22)
    ]
    segment = [line["ground_segment"] for line in lines]
    assert segment[0] == 0.0 and segment[2] == pytest.approx(2.2 * segment[1], rel=1e-12)
    assert [line["operations"] for line in lines] == [lines[0]["operations"]] * 3  # its own line
    relay = model.run(base.replace(downlink__band="isl")).orbital.opex_breakdown_usd_per_mw_year
    assert relay["ground_segment"] == 0.0


def test_pass_fees_do_not_move_the_break_even_slope():
    # The break-even price is where the launch term closes the gap: a pass fee widens the gap, not the slope.
    base = load_scenario("baseline").replace(
        terrestrial__electricity_price="0.5 USD/kWh", launch__bus_cost="50 USD/kg", downlink__pass_fee=0.0
    )
    free, paid = (model.run(base.replace(downlink__pass_fee=f"{fee} USD/min")) for fee in (0, 5))
    assert free.break_even_launch_price_usd_per_kg > paid.break_even_launch_price_usd_per_kg > 0
