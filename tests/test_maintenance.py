"""Maintenance without repair (issue 16): failure modes from the Llama 3 table, satellite losses, the dose
limit, and cold spares carried from launch."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import economics, model
from orbital.errors import OrbitalInputError
from orbital.scenario import load_scenario, parse_scenario

NO_FAILURES = {
    "maintenance__accelerator_failures": 0.0,
    "maintenance__hbm_failures": 0.0,
    "maintenance__host_failures": 0.0,
    "maintenance__network_failures": 0.0,
    "maintenance__satellite_failure_rate": 0.0,
}


def test_the_failure_modes_are_the_llama_3_counts():
    m = load_scenario("baseline").maintenance
    per_year = 365.25 / (54.0 * 16384.0)  # Llama 3: 54 days on 16,384 H100s (arXiv:2407.21783, Table 5)
    assert m.accelerator_failures == pytest.approx((148 + 19 + 17 + 6) * per_year)
    assert m.hbm_failures == pytest.approx(72 * per_year)
    assert m.host_failures == pytest.approx((2 + 2 + 3 + 3 + 2 + 2) * per_year)
    assert m.network_failures == pytest.approx((35 + 7) * per_year)
    # A host or network failure takes a GB200 compute tray's 4 accelerators: 20 % of the hardware a year.
    result = model.run("baseline")
    lost = result.physics["hardware_failures_per_accelerator_year"]
    # Llama 3's counts, and the chip's (assumed) latch-ups from cosmic-ray nuclei: permanent losses too.
    latchups = result.physics["latchups_per_chip_year"]
    assert 0.0 < latchups < 1e-3
    assert lost == pytest.approx((190 + 72 + (14 + 42) * 4) * per_year + latchups, rel=1e-12)
    assert 0.19 < lost < 0.21


def test_castet_and_saleh_give_the_satellite_loss_rate():
    # Weibull reliability of 1,584 satellites (Castet & Saleh 2009): shape 0.4521, scale 2,607 yr.
    reliability = math.exp(-((5.0 / 2607.0) ** 0.4521))
    assert reliability == pytest.approx(0.943, abs=1e-3)
    assert load_scenario("baseline").maintenance.satellite_failure_rate == pytest.approx(
        -math.log(reliability) / 5.0, rel=0.01
    )


def test_spares_with_no_failures_change_nothing_but_mass_and_price(monkeypatch):
    from orbital import radiation

    monkeypatch.setitem(radiation.LATCHUP_RESPONSE, "saturation_cm2", 0.0)  # a chip that never latches up
    base = load_scenario("baseline").replace(**NO_FAILURES)
    none = model.run(base)
    spares = model.run(base.replace(maintenance__strategy="spares", maintenance__spares_share=0.2))
    assert spares.orbital.useful_fraction == pytest.approx(none.orbital.useful_fraction, rel=1e-12)
    assert spares.orbital.mass_kg_per_kw > none.orbital.mass_kg_per_kw
    assert spares.orbital.capex_breakdown_usd_per_w["hardware"] == pytest.approx(
        none.orbital.capex_breakdown_usd_per_w["hardware"] / 0.8, rel=1e-12
    )
    assert spares.physics["maintenance"]["cheapest"] == "none"  # spares that never serve only cost


@settings(max_examples=60, deadline=None)
@given(
    hardware=st.floats(0.0, 1.0),
    satellite=st.floats(0.0, 0.2),
    share=st.floats(0.0, 0.9),
    end=st.floats(0.1, 12.0),
)
def test_spares_never_lower_the_useful_fraction(hardware, satellite, share, end):
    weights = np.array([1.0, 1.0, 1.0, 1.0, 0.5])
    none = economics.unrepaired_fraction_by_year(hardware + satellite, end, weights)
    spared = economics.spared_fraction_by_year(hardware, satellite, share, end, weights)
    assert np.all(spared >= none - 1e-12) and np.all(spared <= 1.0 + 1e-12)
    assert economics.spared_fraction_by_year(hardware, satellite, 0.0, end, weights) == pytest.approx(none, abs=1e-12)


def test_spares_hold_full_capacity_until_they_run_out():
    # λ = 0.2 /yr, s = 0.5: full capacity to t* = ln 2 / 0.2 = 3.47 yr, then e^(−0.2 t) / 0.5.
    by_year = economics.spared_fraction_by_year(0.2, 0.0, 0.5, 10.0, np.ones(5))
    assert by_year[:3] == pytest.approx([1.0, 1.0, 1.0], abs=1e-12)
    knee = math.log(2.0) / 0.2
    year4 = ((knee - 3.0) + (math.exp(-0.2 * knee) - math.exp(-0.8)) / 0.2 / 0.5) / 1.0
    assert by_year[3] == pytest.approx(year4, rel=1e-12)


def test_run_names_the_cheapest_strategy():
    result = model.run("baseline")
    m = result.physics["maintenance"]
    assert set(m["strategies"]) == set(model.STRATEGIES)
    cheapest = min(m["strategies"], key=lambda k: m["strategies"][k]["lcoc_usd_per_mwh"])
    assert m["cheapest"] == cheapest and f"cheapest: {cheapest}" in result.to_text()
    own = m["strategies"][result.scenario.maintenance.strategy]
    assert own["lcoc_usd_per_mwh"] == result.orbital.lcoc_usd_per_mwh
    assert len(own["useful_fraction_by_year"]) == 5 and own["useful_fraction"] == result.orbital.useful_fraction
    spares = model.run(result.scenario.replace(maintenance__strategy="spares"))
    assert m["strategies"]["spares"]["lcoc_usd_per_mwh"] == pytest.approx(spares.orbital.lcoc_usd_per_mwh, rel=1e-12)


def test_bad_maintenance_input_is_named():
    with pytest.raises(
        OrbitalInputError, match=r"\[maintenance\] strategy = .repair. is not one of: none, spares, replenish, service"
    ):
        parse_scenario({"maintenance": {"strategy": "repair"}}, source="m.toml")
    with pytest.raises(
        OrbitalInputError, match=r"\[maintenance\] spares_share = 1 is outside the valid range \[0, 0.9\]"
    ):
        parse_scenario({"maintenance": {"spares_share": 1.0}}, source="m.toml")
    with pytest.raises(OrbitalInputError, match=r"\[maintenance\] hbm_failures = -0.1 is outside"):
        parse_scenario({"maintenance": {"hbm_failures": -0.1}}, source="m.toml")


def test_renewals_and_their_present_value():
    assert economics.renewals(1.0, 5.0) == 4 and economics.renewals(2.0, 5.0) == 2 and economics.renewals(6.0, 5.0) == 0
    # Σ_{k=1}^{4} e^(−0.05 k) 1.08^(−k): the geometric series in closed form.
    explicit = sum(math.exp(-0.05 * k) * 1.08**-k for k in range(1, 5))
    assert economics.discounted_renewals(0.08, 1.0, 4, decay=0.05) == pytest.approx(explicit, rel=1e-12)
    assert economics.discounted_renewals(0.0, 1.0, 4) == pytest.approx(4.0, rel=1e-12)


def test_a_renewed_fleet_is_a_sawtooth():
    weights = np.ones(5)
    # Renewed every year at λ = 0.2: each year averages (1 − e^−0.2) / 0.2 = 0.906346.
    year = economics.renewed_fraction_by_year(0.2, 0.0, 1.0, 10.0, weights)
    assert year == pytest.approx([-math.expm1(-0.2) / 0.2] * 5, rel=1e-12)
    # Renewed never (a period past the study): the unrepaired fleet.
    never = economics.renewed_fraction_by_year(0.2, 0.01, 100.0, 3.5, weights)
    assert never == pytest.approx(economics.unrepaired_fraction_by_year(0.21, 3.5, weights), rel=1e-12)
    # Half-yearly renewals of the hardware while satellites stay lost at 2 %/yr: year 2 holds less than year 1.
    served = economics.renewed_fraction_by_year(0.3, 0.02, 0.5, 10.0, weights)
    assert np.all(np.diff(served) < 0) and served[0] > economics.unrepaired_fraction_by_year(0.32, 10.0, weights)[0]


@pytest.mark.parametrize("strategy", ["replenish", "service"])
def test_repair_strategies_keep_more_capacity_and_cost_their_upkeep(strategy):
    base = load_scenario("baseline")
    none = model.run(base)
    repaired = model.run(base.replace(maintenance__strategy=strategy))
    assert repaired.orbital.useful_fraction > none.orbital.useful_fraction
    upkeep = {
        k: v for k, v in repaired.orbital.lifetime_cost_breakdown_usd_per_mw.items() if k.startswith("maintenance")
    }
    assert upkeep and all(v >= 0 for v in upkeep.values()) and sum(upkeep.values()) > 0
    assert sum(repaired.orbital.lifetime_cost_breakdown_usd_per_mw.values()) == pytest.approx(
        repaired.orbital.lifetime_cost_usd_per_mw, rel=1e-12
    )


def test_replenishment_is_priced_at_the_fleet_it_replaces():
    base = load_scenario("baseline").replace(maintenance__strategy="replenish", maintenance__replenish_threshold=0.8)
    r = model.run(base)
    m = r.scenario.maintenance
    lam = r.physics["hardware_failures_per_accelerator_year"] + m.satellite_failure_rate
    period = math.log(1 / 0.8) / lam  # capacity decays from 1 to 0.8
    horizon = min(5.0, r.physics["tid_lifetime_years"])
    events = [k * period for k in range(1, 100) if k * period < horizon]
    capex = r.orbital.capex_breakdown_usd_per_w
    fleet = (capex["hardware"] + capex["spacecraft"] + capex["compute_integration"] + capex["launch"]) * 1e6
    expected = sum(0.2 * fleet * 1.08**-t for t in events)
    assert r.orbital.lifetime_cost_breakdown_usd_per_mw["maintenance (PV): replenishment"] == pytest.approx(
        expected, rel=1e-9
    )


def test_replenishment_relaunches_the_fleet_at_its_dose_limit():
    # 3 mm of shielding at 650 km: a dose life T of ~1.5 yr in a 5-year study. Capacity falls from 1 to
    # 0.8 every P years (restored by partial launches) and to 0 at each T (the whole fleet launched again).
    base = load_scenario("baseline").replace(
        radiation__shielding="3 mm", maintenance__strategy="replenish", maintenance__replenish_threshold=0.8
    )
    r = model.run(base)
    lam = r.physics["hardware_failures_per_accelerator_year"] + r.scenario.maintenance.satellite_failure_rate
    period, dose_life = math.log(1 / 0.8) / lam, r.physics["tid_lifetime_years"]
    assert 1.0 < dose_life < 2.5 and period < dose_life
    cycles = [j * dose_life for j in range(0, 10) if j * dose_life < 5.0]
    partial = [c + k * period for c in cycles for k in range(1, 100) if k * period < dose_life and c + k * period < 5.0]
    capex = r.orbital.capex_breakdown_usd_per_w
    fleet = (capex["hardware"] + capex["spacecraft"] + capex["compute_integration"] + capex["launch"]) * 1e6
    items = r.orbital.lifetime_cost_breakdown_usd_per_mw
    assert items["maintenance (PV): replenishment"] == pytest.approx(
        sum(0.2 * fleet * 1.08**-t for t in partial), rel=1e-9
    )
    # Relaunches at T, 2T, 3T; the last serves 5 - 3T of its T years: it bears that share of its
    # annuity, (1 - 1.08^-(5 - 3T)) / (1 - 1.08^-T), like a ground asset outliving the study.
    last_share = (1 - 1.08 ** -(5.0 - cycles[-1])) / (1 - 1.08**-dose_life)
    shares = [1.0] * (len(cycles) - 2) + [last_share]
    assert items["maintenance (PV): dose_relaunch"] == pytest.approx(
        sum(fleet * share * 1.08**-t for t, share in zip(cycles[1:], shares, strict=True)), rel=1e-9
    )
    # The working fraction each year: e^(-lam (time since the last launch)), sampled finely.
    t = (np.arange(5_000_000) + 0.5) / 1e6
    since_cycle = t % dose_life
    working = np.exp(-lam * (since_cycle % period)).reshape(5, -1).mean(axis=1)
    fraction = economics.renewed_fraction_by_year(lam, 0.0, period, dose_life, np.ones(5), relaunch=True)
    assert fraction == pytest.approx(working, rel=1e-5)  # midpoint sampling of 1e6 points a year
    # And the strategy no longer stops at the dose limit: it beats "none" on useful compute.
    none = model.run(base.replace(maintenance__strategy="none"))
    assert r.orbital.useful_fraction > 2 * none.orbital.useful_fraction


def test_relaunch_without_a_dose_limit_is_the_plain_sawtooth():
    weights = np.ones(5)
    plain = economics.renewed_fraction_by_year(0.2, 0.0, 1.0, np.inf, weights)
    assert economics.renewed_fraction_by_year(0.2, 0.0, 1.0, np.inf, weights, relaunch=True) == pytest.approx(plain)
    assert economics.replenishment_present_values(0.08, 1.0, np.inf, 5.0)[1] == 0.0
