"""Technology levels and announced designs (issue 17): the junction chain, heat from conversion, bus loads,
cycle-life batteries, loops that scale, the area each attitude shows the flow, and check-design."""

from __future__ import annotations

import math

import numpy as np
import pytest

from orbital import model, solar, spacecraft, thermal
from orbital.cli import main
from orbital.errors import OrbitalInputError
from orbital.scenario import load_scenario, parse_scenario

SIGMA = 5.670374419e-8  # CODATA 2018


def test_a_radiator_hotter_than_the_junction_allows_is_an_error_in_run_and_infeasible_in_a_sweep():
    """GB200's 87 degC junction (nvidia-smi's max operating temperature on H100, taken for Blackwell) less the
    single-phase chain (25 K cold plate, half of the 15 K loop drop, 5 K to the surface) allows 49.5 degC."""
    base = load_scenario("baseline")
    with pytest.raises(OrbitalInputError, match=r"junction at 104\.4 degC .* above its limit of 87 degC"):
        model.run(base.replace(thermal__radiator_temperature="340 K"))
    physics = model.orbit_physics(base)
    out = model.compose(base, physics, {"thermal.radiator_temperature": np.array([320.0, 323.0])}, strict=False)
    assert out["feasible"].tolist() == [True, False]
    assert math.isinf(out["orbital"]["lcoc_usd_per_mwh"][1])


def test_the_junction_limit_basis_runs_the_radiator_as_hot_as_the_chain_allows():
    base = load_scenario("baseline")
    result = model.run(base.replace(thermal__radiator_temperature_basis="junction-limit"))
    # 87 degC - 10 K margin - 25 K - 7.5 K - 5 K = 39.5 degC = 312.65 K
    assert result.physics["radiator_temperature_k"] == pytest.approx(312.65)
    assert result.physics["junction_temperature_k"] == pytest.approx(273.15 + 77.0)
    # Hotter than the default 20 degC, so a smaller radiator (sigma T^4).
    assert result.orbital.radiator_area_m2_per_mw < model.run(base).orbital.radiator_area_m2_per_mw


def test_a_given_area_and_heat_need_the_stefan_boltzmann_temperature_to_1_K(dawn_dusk_650):
    """AI1's claim, 120 kW on ~110 m2 radiating from both faces: T^4 = Q / (n eps sigma eta A) + T_sink^4, with the
    orbit's hot-case sink. Solved here by fixed-point iteration on the fin efficiency; the model bisects."""
    series = dawn_dusk_650.sunlight(days=30, step=120)
    env = thermal.radiator_environment(series, dawn_dusk_650.altitude, 0.09, 0.79, 2, "edge-on")
    panel = thermal.panel("conventional")
    q, area = 120e3, 110.0
    sink = thermal.sink_temperature(env.hot, env.emissivity, 2)
    t = 350.0
    for _ in range(50):
        eta = thermal.fin_efficiency(t, 0.79, 2, panel.fin_conductivity, panel.fin_thickness, panel.fin_half_width)
        t = (q / (2 * 0.79 * SIGMA * eta * area) + sink**4) ** 0.25
    assert float(thermal.temperature_for_area(q, area, env, panel)) == pytest.approx(t, abs=1.0)
    assert 350 < t < 380  # ~90 degC: far above what an 87 degC junction allows through any loop


def test_conversion_losses_and_bus_loads_are_heat_and_array_load(dawn_dusk_650):
    common = dict(orbit=dawn_dusk_650, it_power=100e3, lifetime=5 * 365.25 * 86400)
    ideal = spacecraft.spacecraft_design(**common, bus_load=0.0, conversion_efficiency=1.0, eclipse_load=0.0)
    real = spacecraft.spacecraft_design(**common, bus_load=0.02, conversion_efficiency=0.85, eclipse_load=0.0)
    # With no eclipse load the battery loses nothing: heat = IT (1 + bus) / X_d exactly.
    assert ideal.heat_rejected == pytest.approx(100e3)
    assert real.heat_rejected == pytest.approx(100e3 * 1.02 / 0.85)
    assert real.radiator_area / ideal.radiator_area == pytest.approx(1.02 / 0.85, rel=1e-9)
    assert real.array_rated_power / ideal.array_rated_power == pytest.approx(1.02 / 0.85, rel=1e-9)


def test_a_cycle_life_curve_sets_the_depth_of_discharge():
    """N(DoD) = 38,000 (0.35 / DoD)^3.56: the depth whose life equals the mission's cycles, capped at 80 %."""
    b = solar.battery("li-ion-cycle-life")
    for cycles, dod in ((38000, 0.35), (6300, 0.35 * (38000 / 6300) ** (1 / 3.56)), (100, 0.8), (1e5, None)):
        energy, used = solar.battery_size(1e3, 2000.0, cycles, b)
        expected = 0.35 * (38000 / cycles) ** (1 / 3.56) if dod is None else dod
        assert used == pytest.approx(expected, rel=1e-9)
        assert energy == pytest.approx(1e3 * 2000.0 / (0.95 * used))
    rule = solar.battery("li-ion-leo")  # the ISS rule: never deeper than rated
    assert solar.battery_size(1e3, 2000.0, 6300, rule)[1] == pytest.approx(0.35)


def test_the_loop_scales_with_heat_and_length():
    """The ISS loop (35 kW, 354 kg pump module, 289 kg of ammonia) is matched by ~261 m of line each way;
    a loop's line mass grows with its length and with the square root of its heat (the bore)."""
    single = thermal.loop("single-phase")
    assert thermal.pumped_loop_mass(35e3, 261.0, single) == pytest.approx(643.0, rel=0.01)
    lines = thermal.pumped_loop_mass(35e3, 100.0, single) - thermal.pumped_loop_mass(35e3, 0.0, single)
    assert thermal.pumped_loop_mass(35e3, 0.0, single) == pytest.approx(354.0, rel=0.01)  # the pump package
    assert thermal.pumped_loop_mass(35e3, 200.0, single) - 354.0 == pytest.approx(2 * lines, rel=0.01)
    two = thermal.loop("two-phase")  # latent heat: ~17x less flow, much lighter lines
    assert thermal.pumped_loop_mass(100e3, 50.0, two) < 0.6 * thermal.pumped_loop_mass(100e3, 50.0, single)


@pytest.mark.parametrize(
    ("beta", "array", "radiator"),
    [(90.0, 0.0, 1.0), (0.0, 2 / math.pi, 0.0), (60.0, 1 / math.pi, None)],
)
def test_the_area_facing_the_flow_follows_the_attitude(beta, array, radiator):
    """A sun-tracking array shows (2/pi)|cos beta| of itself to the flow; an edge-on radiator with Earth in its
    plane all of itself in a dawn-dusk orbit (beta = 90 deg) and nothing when the Sun is in the orbit plane."""
    a, r = spacecraft.ram_facing_shares([beta], "sun-tracking", "edge-on")
    assert a == pytest.approx(array, abs=1e-12)
    if radiator is not None:
        assert r == pytest.approx(radiator, abs=1e-3)
    assert spacecraft.ram_facing_shares([beta], "zenith", "nadir") == (0.0, 0.0)


def test_run_reports_what_eclipse_shedding_would_save():
    result = model.run("baseline")
    shed = result.physics["eclipse_shedding"]
    assert shed["mass_kg_per_kw_change"] < 0  # no battery for the compute
    assert shed["useful_fraction"] < result.orbital.useful_fraction  # the compute sleeps in eclipse
    assert "shedding the compute in eclipse" in result.to_text()


def test_check_design_states_what_ai1_implies():
    check = model.check_design(load_scenario("ai1"))
    rows = {c["quantity"]: c for c in check.checks}
    radiator = rows["Radiator temperature"]
    assert radiator["inside"] is False and radiator["claimed"] > radiator["limit"]  # 110 m2 is too small
    assert check.claimed_kg_per_kw == pytest.approx(1000 / 70)  # 70 kW per tonne
    assert check.model_kg_per_kw > 3 * check.claimed_kg_per_kw
    assert rows["Bus mass"]["inside"] is False
    assert main(["check-design", "ai1", "--json"]) == 0


def test_check_design_needs_a_claim(tmp_path):
    path = tmp_path / "plain.toml"
    path.write_text("[compute]\nserver = 'hgx-h100'\n")
    assert main(["check-design", str(path)]) == 2
    with pytest.raises(OrbitalInputError, match="mass or specific_power, not both"):
        model.check_design(
            parse_scenario({"claim": {"name": "x", "it_power": "100 kW", "mass": "1 t", "specific_power": "70 kW/t"}})
        )


def test_a_starlink_v2_mini_class_bus_lands_at_the_top_of_its_published_mass():
    """Starlink V2 mini: ~28 kW of array on 575-800 kg (Suncatcher Table 1: 575 kg; a public calculator 740 kg).
    With a production satellite's settings (5 % margin, no compute shield, a two-phase loop at the junction chain,
    a cycle-life battery) the model's bus (everything but the payload) for a load its 28 kW array carries lands
    at ~800 kg: at the range's top. Tolerance: the range, its "~800 kg" top read to 1 %; the array to 2 %."""
    sc = load_scenario("starlink-v2-mini")  # those settings are the scenario's own
    p = model.run(sc).physics
    assert p["array_rated_power_per_it_watt"] * 9.4e3 == pytest.approx(28e3, rel=0.02)
    bus = p["satellite_mass_kg"] - p["mass_budget_kg_per_kw"]["compute"] * 9.4
    assert 575.0 <= bus <= 808.0, bus


def test_turyshevs_1_mw_node_areas_at_the_same_anchor():
    """Turyshev (arXiv:2604.27197): a 1 MW high-sunlight node needs 5.64e3 m2 of PV (BOL) and 2.50e3 m2 of
    radiator. His inputs (cell efficiency, radiator temperature, emissivity) are not in the stored material, so
    this checks our baseline (650 km dawn-dusk, XTJ cells, 20 degC silver-Teflon radiator) against his areas to
    10 %; his 29.4 kg/kW for PV + storage + radiator is not reached (see the issue 17 notes): our radiator
    panels (7 kg/m2) and loop alone are ~29 kg/kW."""
    result = model.run("baseline")
    assert result.orbital.array_area_m2_per_mw == pytest.approx(5.64e3, rel=0.10)
    assert result.orbital.radiator_area_m2_per_mw == pytest.approx(2.50e3, rel=0.10)
    budget = result.physics["mass_budget_kg_per_kw"]
    assert budget["solar_array"] + budget["battery"] + budget["radiator"] > 29.4 * 1.5  # pinned: ~53 kg/kW


@pytest.mark.parametrize(
    "name", ["ai1", "starcloud-3", "suncatcher-prototype", "suncatcher-constellation", "starlink-v2-mini"]
)
def test_every_announced_design_runs_and_is_checked(name):
    result = model.run(name)
    assert math.isfinite(result.cost_ratio)
    check = model.check_design(load_scenario(name))
    assert check.model_mass_kg == pytest.approx(result.physics["satellite_mass_kg"])


def test_colossus_to_orbit_is_220k_gpus_of_three_systems_against_memphis():
    sc = load_scenario("colossus-orbit")
    shares = sc.compute.systems
    assert set(shares) == {"hgx-h100", "hgx-h200", "gb200-nvl72"}
    gpus = sum(
        share * sc.compute.it_power / (power / n)
        for share, (power, n) in zip(shares.values(), ((10.2e3, 8), (10.2e3, 8), (120e3, 72)), strict=True)
    )
    assert gpus == pytest.approx(220000, rel=1e-6)
    assert 250e6 < sc.compute.it_power < 320e6  # ~300 MW
    result = model.run(sc)
    assert set(result.physics["systems"]) == set(shares)
    assert result.terrestrial.capex_breakdown_usd_per_w["storage"] > 0  # the Megapacks
    assert result.terrestrial.opex_breakdown_usd_per_mw_year["fuel"] > 0  # the turbines


def test_the_cli_refuses_a_radiator_hotter_than_the_junction_with_exit_2(tmp_path, capsys):
    path = tmp_path / "hot.toml"
    path.write_text('[thermal]\nradiator_temperature = "70 degC"\n')
    assert main(["run", str(path), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "hot.toml" in err and "[thermal] radiator_temperature" in err and "above its limit" in err
    assert err.count("\n") == 1 and not (tmp_path / "o").exists()
