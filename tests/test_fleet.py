"""Fleet scale (issue 19, first part): size, build-out at a launch cadence, the steady launch demand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import model
from orbital.cli import main
from orbital.errors import OrbitalInputError
from orbital.fleet import _launches_by, build_out
from orbital.scenario import load_scenario


def test_a_constant_cadence_takes_n_over_c_years():
    assert build_out(321, 134.0) == pytest.approx(321 / 134.0, rel=1e-15)
    assert build_out(0, 134.0) == 0.0
    # Unlimited cadence: the fleet is up at the first launch window.
    assert build_out(321, 1e12) < 1e-9
    # A production limit below the cadence binds: 100 satellites a year, 9 a launch.
    assert build_out(321, 134.0, per_launch=9, production_per_year=100.0) == pytest.approx(321 * 9 / 100.0)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 100_000),
    c0=st.floats(1.0, 1000.0),
    growth=st.floats(0.0, 2.0),
    cap=st.one_of(st.none(), st.floats(1.0, 1e5)),
)
def test_the_launches_flown_by_the_build_out_time_are_the_fleet(n, c0, growth, cap):
    """Whatever the cadence, growth and production limit, the integral of the launch rate up to the build-out
    time is the number of launches (the two are computed apart: a closed-form time, an integral)."""
    years = build_out(n, c0, growth, per_launch=1.0, production_per_year=cap)
    assert float(_launches_by(years, c0, growth, 1.0, cap)) == pytest.approx(n, rel=1e-9)
    # A numerical integral of min(C0 (1+g)^t, cap) agrees (trapezoids on a fine grid).
    t = np.linspace(0.0, years, 20001)
    with np.errstate(over="ignore"):  # (1 + g)^t beyond the cap's time may overflow; the cap holds it
        rate = np.minimum(c0 * (1.0 + growth) ** t, np.inf if cap is None else cap)
    assert np.trapezoid(rate, t) == pytest.approx(n, rel=1e-4)


def test_the_fleet_of_a_scenario_by_hand():
    sc = load_scenario("baseline").replace(fleet__it_power="300 MW")
    f = model.fleet(sc)
    p = model.run(sc).physics
    assert f.satellites == 3000  # 300 MW / 100 kW
    assert f.launches == math.ceil(3000 / p["satellites_per_launch"])
    assert f.mass == pytest.approx(3000 * p["satellite_mass_kg"])
    assert f.build_years == pytest.approx(f.launches / 134.0)
    assert f.it_power_in_orbit[-1] == pytest.approx(300e6)
    assert f.it_power_in_orbit[0] == 0.0
    # Steady state: every satellite replaced each 5-year life (the dose life is longer), 1.18 %/yr lost.
    life = min(5.0, p["tid_lifetime_years"])
    per_year = 3000 * (1 / life + sc.maintenance.satellite_failure_rate)
    assert f.launches_per_year_steady == pytest.approx(per_year / p["satellites_per_launch"])
    # Against the world's ~1,900 t to orbit in 2024 (Space Foundation, The Space Report 2025).
    assert f.world_share_steady == pytest.approx(per_year * p["satellite_mass_kg"] / 1.9e6)
    assert f.world_share_steady > 1.0 and "world's yearly mass to orbit" in f.notes[0]


def test_the_fleet_command_and_bad_input(tmp_path, capsys):
    assert main(["fleet", "colossus-orbit"]) == 0
    assert "years to full capacity" in capsys.readouterr().out
    for section, key, value in (
        ("fleet", "launches_per_year", 0),
        ("fleet", "production_per_year", 0),
        ("launch", "world_upmass", "0 t"),
    ):
        path = tmp_path / f"{key}.toml"
        path.write_text(f"[{section}]\n{key} = {value!r}\n".replace("'", '"'))
        assert main(["fleet", str(path)]) == 2
        err = capsys.readouterr().err
        assert f"[{section}] {key}" in err and "valid range" in err
    with pytest.raises(OrbitalInputError, match="less than one satellite"):
        model.fleet(load_scenario("baseline").replace(fleet__it_power="10 kW"))


def test_wright_s_law_at_fleet_scale_reproduces_suncatcher():
    """Suncatcher (arXiv:2511.19468): from ~1,800 USD/kg after ~400 t, below 200 USD/kg needs ~370,000 t more
    (20 % per doubling). A fleet launching that mass on top of the anchor ends at 200 USD/kg (their ~370,000 t
    is rounded: 1 %); its mean price over its own mass is the integral of the curve."""
    from orbital import launch

    fleet_mass = 368_600e3  # kg: the mass the curve needs from 400 t to 200 USD/kg
    assert launch.wright_price(400e3 + fleet_mass) == pytest.approx(200.0, rel=0.01)
    assert fleet_mass == pytest.approx(370_000e3, rel=0.01)
    mean = launch.average_wright_price(400e3, fleet_mass)
    m = np.linspace(0.0, fleet_mass, 400_001)
    assert mean == pytest.approx(np.trapezoid(launch.wright_price(400e3 + m), m) / fleet_mass, rel=1e-3)
    sc = load_scenario("baseline").replace(launch__vehicle="starship-reuse", launch__year=2027, fleet__it_power="10 GW")
    f = model.fleet(sc)
    x = f.learning
    assert x["price_after_usd_per_kg"] < x["price_average_usd_per_kg"] < x["price_before_usd_per_kg"]
    assert x["fleet_mass_kg"] == pytest.approx(f.mass)


def test_the_build_out_figure():
    from orbital import plots

    fig = plots.build_out_chart(load_scenario("colossus-orbit"))
    left, right = fig.axes
    assert left.get_xlabel() and "[MW]" in left.get_ylabel() and right.get_ylabel() == "Launches per year"
    data = fig.orbital_data
    assert data["it_power_in_orbit_mw"][0] == 0.0
    assert data["it_power_in_orbit_mw"][-1] == pytest.approx(model.fleet("colossus-orbit").satellites * 0.1)  # MW


def test_run_reports_the_fleet_beside_the_per_mw_numbers():
    result = model.run("colossus-orbit")
    totals = result.physics["fleet"]
    assert totals["satellites"] == model.fleet("colossus-orbit").satellites
    assert "build_out" not in totals  # the curve is orbital fleet's
    assert "The fleet (288.3 MW)" in result.to_text()
    assert "fleet" not in model.run("baseline").physics  # only with a [fleet] section


def test_one_station_two_satellites_always_in_view_give_one_stations_capacity():
    from orbital.fleet import station_capacity

    rate = 2.0e9
    assert station_capacity([1440.0], 2, 1, rate) == pytest.approx(rate)  # not two
    assert station_capacity([1440.0], 2, 2, rate) == pytest.approx(2 * rate)  # two antennas serve both
    # With as many antennas as satellites nothing is shared: N f rate, summed over stations.
    assert station_capacity([144.0, 288.0], 3, 3, rate) == pytest.approx(3 * (0.1 + 0.2) * rate)
    # A single satellite: its own contact time, whatever the antennas.
    assert station_capacity([144.0], 1, 1, rate) == pytest.approx(0.1 * rate)


@settings(max_examples=60, deadline=None)
@given(
    minutes=st.lists(st.floats(0.0, 1440.0), min_size=1, max_size=8),
    satellites=st.integers(1, 100_000),
    antennas=st.integers(1, 50),
)
def test_contention_never_beats_either_bound(minutes, satellites, antennas):
    from orbital.fleet import station_capacity

    capacity = station_capacity(minutes, satellites, antennas, 1.0)
    uncontended = satellites * sum(m / 1440.0 for m in minutes)
    assert capacity <= uncontended * (1 + 1e-9) + 1e-12
    assert capacity <= len(minutes) * antennas * (1 + 1e-9)


def test_the_colossus_fleet_is_starved_by_station_contention():
    f = model.fleet("colossus-orbit")
    g = f.ground_link
    assert g["uncontended_bps"] / g["demand_bps"] > 10  # the per-satellite view: ~20x the demand
    assert g["capacity_to_demand"] < 1  # seven single-antenna stations: ~0.2
    assert any("ground stations carry" in note for note in f.notes)


def test_shells_hold_the_fleet_at_the_minimum_spacing(tmp_path, capsys):
    """A plane at radius r holds floor(2 pi r / spacing); SpaceX's filed shells (10 + 22 + 22 planes) hold the
    gigawatt fleet's 10,000 satellites at 10 km, spread in proportion; a million do not fit at 10 km."""
    from orbital.constants import R_EARTH
    from orbital.fleet import SHELL_PRESETS, shell_occupancy

    shells = SHELL_PRESETS["spacex-2026"]
    out = shell_occupancy(10_000, shells, 10e3)
    assert sum(s["satellites"] for s in out) == 10_000
    first = out[0]
    assert first["capacity"] == 10 * math.floor(2 * math.pi * (R_EARTH + 575e3) / 10e3)
    volume = 4 * math.pi * ((R_EARTH + 575e3) / 1e3) ** 2 * 20.0
    assert first["density_per_km3"] == pytest.approx(first["satellites"] / volume)
    with pytest.raises(OrbitalInputError, match="shells hold at most"):
        shell_occupancy(1_000_000, shells, 10e3)
    path = tmp_path / "crowded.toml"
    path.write_text('[compute]\nit_power = "100 GW"\n[fleet]\nshells = "spacex-2026"\nmin_spacing = "50 km"\n')
    assert main(["fleet", str(path)]) == 2
    assert "[fleet] min_spacing" in capsys.readouterr().err
    bad = tmp_path / "unknown.toml"
    bad.write_text('[fleet]\nshells = "starlink-gen3"\n')
    assert main(["fleet", str(bad)]) == 2
    assert "[fleet] shells" in capsys.readouterr().err
    f = model.fleet("gigawatt-constellation")
    assert [s["planes"] for s in f.shells] == [10, 22, 22]


def test_collision_flux_is_density_times_speed_times_cross_section():
    """The kinetic-gas form (Kessler & Cour-Palais 1978): n v A. 1e-8 objects per km3 at 13 km/s (ECSS's SSO mean
    impact speed) on 1,000 m2: 1e-17 m^-3 x 1.3e4 m/s x 1e3 m2 = 1.3e-10 per second, 4.1e-3 a year."""
    from orbital.fleet import collision_rate

    assert collision_rate(1e-17, 1.3e4, 1e3) == pytest.approx(1.3e-10, rel=1e-12)
    sc = load_scenario("gigawatt-constellation").replace(fleet__debris_density=1e-8)
    f = model.fleet(sc)
    c = f.collisions
    assert c["per_year"] == pytest.approx(c["per_satellite_per_year"][0] * f.satellites)
    assert c["per_satellite_per_year"][0] == pytest.approx(1e-17 * 1.3e4 * c["cross_section_m2"] * 365.25 * 86400)
    assert model.fleet("gigawatt-constellation").collisions is None  # no density: no estimate


def test_money_on_the_real_schedule():
    """The ground's capital spent evenly over a 2-year build at 8 % and earning from its end costs
    ((1.08)^2 - 1) / (2 ln 1.08) = 1.0802 times its price at the start (interest during construction); a
    satellite paid at its launch and earning from it leaves the orbit's LCOC where it is."""
    sc = load_scenario("baseline").replace(fleet__it_power="300 MW")
    f = model.fleet(sc)
    s = f.schedule
    assert s["ground_capital_factor"] == pytest.approx((1.08**2 - 1) / (2 * math.log(1.08)), rel=1e-9)
    result = model.run(sc)
    ground = result.terrestrial
    capital = sum(v for k, v in ground.lifetime_cost_breakdown_usd_per_mw.items() if k.startswith("capex: "))
    energy = ground.lifetime_cost_usd_per_mw / ground.lcoc_usd_per_mwh
    assert s["lcoc_terrestrial_usd_per_mwh"] == pytest.approx(
        (ground.lifetime_cost_usd_per_mw + capital * (s["ground_capital_factor"] - 1)) / energy, rel=1e-9
    )
    assert s["lcoc_orbital_usd_per_mwh"] == pytest.approx(result.orbital.lcoc_usd_per_mwh)
    assert s["cost_ratio"] < result.cost_ratio  # a slow ground build narrows the gap


def test_reentering_mass_is_the_retired_satellites_dry_mass():
    sc = load_scenario("baseline").replace(fleet__it_power="300 MW")
    f = model.fleet(sc)
    p = model.run(sc).physics
    dry = p["satellite_mass_kg"] - p["mass_budget_kg_per_kw"]["propellant"] * 100.0  # 100 kW satellites
    per_year = f.mass_per_year_steady / p["satellite_mass_kg"]  # satellites retired or lost a year
    assert f.reentry_mass_per_year == pytest.approx(per_year * dry)
    assert f.reentry_mass_per_year < f.mass_per_year_steady


def test_the_fleet_shells_figure():
    from orbital import plots

    fig = plots.fleet_shells_chart(load_scenario("gigawatt-constellation"))
    left, right = fig.axes
    assert left.get_ylabel() == "Satellites per plane" and "km³" in right.get_ylabel()
    f = model.fleet("gigawatt-constellation")
    assert fig.orbital_data["per_plane"] == pytest.approx([s["per_plane"] for s in f.shells])
    with pytest.raises(OrbitalInputError, match="needs \\[fleet\\] shells"):
        plots.fleet_shells_chart(load_scenario("colossus-orbit"))


def test_collision_avoidance_manoeuvres_and_their_propellant():
    """Starlink's ~149,000 manoeuvres from June to November 2025 over ~9,400 satellites (SpaceX's report to
    the FCC, 31 Dec 2025, as reported) is ~32 a satellite a year; at the assumed 0.05 m/s each that is
    1.6 m/s a year, carried in every satellite's propellant and counted across the fleet."""
    sc = load_scenario("baseline").replace(fleet__it_power="300 MW")
    f = model.fleet(sc)
    a = f.avoidance
    assert a["manoeuvres_per_satellite_year"] == 32.0
    assert a["manoeuvres_per_day"] == pytest.approx(3000 * 32.0 / 365.25)
    assert a["delta_v_m_per_s_per_year"] == pytest.approx(1.6)
    # Rocket equation on each satellite's mass at Isp 1,500 s: exact.
    burned = f.satellite_mass * (1.0 - math.exp(-1.6 / (9.80665 * 1500.0)))
    assert a["propellant_kg_per_year"] == pytest.approx(3000 * burned, rel=1e-12)
    # The satellite's propellant carries the manoeuvres over its life: more Δv, more propellant;
    # none without them (and then no avoidance block).
    still = load_scenario("baseline").replace(fleet__it_power="300 MW", launch__avoidance_manoeuvres=0)
    budget = model.run(sc).physics["mass_budget_kg_per_kw"]["propellant"]
    assert model.run(still).physics["mass_budget_kg_per_kw"]["propellant"] < budget
    assert model.fleet(still).avoidance is None
    assert "collision-avoidance manoeuvres a day" in str(f.table())


def test_the_fleet_over_sizes_equals_each_fleet(tmp_path, capsys):
    sc = load_scenario("baseline")
    sizes = model.fleet_sizes(sc, [1e6, 3e8, 1e11])
    for watts, fleet in zip([1e6, 3e8, 1e11], sizes.fleets, strict=True):
        alone = model.fleet(sc.replace(fleet__it_power=f"{watts} W"))
        assert fleet.to_dict() == alone.to_dict()
    assert [f.satellites for f in sizes.fleets] == [10, 3000, 1_000_000]
    # A scenario sized by an accelerator count is resized all the same.
    counted = model.fleet_sizes(sc.replace(fleet__accelerators=1000), [1e6, 3e8])
    assert [f.satellites for f in counted.fleets] == [10, 3000]
    assert main(["fleet", "baseline", "--it-power", "1", "300 MW", "100GW", "--out", str(tmp_path / "s")]) == 0
    text = capsys.readouterr().out
    assert "3 fleet sizes" in text and "1,000,000" in text and "capacity/demand" in text
    assert (tmp_path / "s" / "fleets.json").exists()
    for bad in ("0", "-1 MW", "2 TW", "lots"):
        assert main(["fleet", "baseline", "--it-power", bad]) == 2
        assert "--it-power" in capsys.readouterr().err
    # One fleet's files: the JSON and the build-out curve, whole.
    assert main(["fleet", "colossus-orbit", "--out", str(tmp_path / "c")]) == 0
    curve = (tmp_path / "c" / "build_out.csv").read_text().splitlines()
    assert curve[0] == "month,it_power_in_orbit_w"
    assert float(curve[-1].split(",")[1]) == pytest.approx(288.4e6, rel=1e-3)
    (tmp_path / "file").write_text("x")
    assert main(["fleet", "colossus-orbit", "--out", str(tmp_path / "file")]) == 2


def test_a_relayed_fleet_is_bounded_by_its_links_and_the_backbone():
    """With [downlink] band = isl every satellite has its own 100 Gbit/s link to the relay constellation
    (Starlink's optical ISLs, ~100 Gbps a link): no contention on the satellite side, so the fleet carries
    N x 100 Gbit/s unless the backbone to the ground ([fleet] backbone_capacity) carries less."""
    sc = load_scenario("baseline").replace(downlink__band="isl", fleet__it_power="300 MW")
    g = model.fleet(sc).ground_link
    assert g["relay_link_bps"] == 100e9 and g["backbone_bps"] is None
    assert g["capacity_bps"] == pytest.approx(3000 * 100e9)
    limited = model.fleet(sc.replace(fleet__backbone_capacity="50 Gbit/s")).ground_link
    assert limited["capacity_bps"] == pytest.approx(50e9)
    assert limited["capacity_to_demand"] == pytest.approx(50e9 / limited["demand_bps"])
    assert "backbone to the ground: 50 Gbit/s" in str(
        model.fleet(sc.replace(fleet__backbone_capacity="50 Gbit/s")).table()
    )


def test_a_catalogs_density_is_each_orbits_time_in_the_shell_over_its_volume(tmp_path, capsys):
    """Kessler (Icarus 48, 39, 1981): an object spends (E - e sin E)/pi of its period below the radius where
    cos E = (1 - R/a)/e. Circular orbits in a shell count whole; an ellipse from 500 to 1,500 km spends
    exactly half its time below its semi-major axis' radius minus a e sin E share, checked in closed form."""
    from orbital.constants import R_EARTH
    from orbital.fleet import catalog_density

    volume = 4.0 / 3.0 * math.pi * ((R_EARTH + 600e3) ** 3 - (R_EARTH + 500e3) ** 3)
    # Ten circular objects in the shell, two outside it.
    perigee = np.array([550e3] * 10 + [450e3, 650e3])
    assert catalog_density(perigee, perigee, 500e3, 600e3) == pytest.approx(10 / volume, rel=1e-12)
    # An ellipse 500 x 1,500 km: time below a (E = pi/2) is (pi/2 - e)/pi; between perigee and a that share.
    rp, ra = R_EARTH + 500e3, R_EARTH + 1500e3
    a, e = (rp + ra) / 2, (ra - rp) / (ra + rp)
    shell = 4.0 / 3.0 * math.pi * (a**3 - rp**3)
    assert catalog_density([500e3], [1500e3], 500e3, a - R_EARTH) == pytest.approx(
        (0.5 - e / math.pi) / shell, rel=1e-9
    )
    # Over shells that cover the whole orbit the shares add to one object.
    edges = np.linspace(400e3, 1600e3, 13)
    total = sum(
        catalog_density([500e3], [1500e3], lo, hi) * 4.0 / 3.0 * math.pi * ((R_EARTH + hi) ** 3 - (R_EARTH + lo) ** 3)
        for lo, hi in zip(edges[:-1], edges[1:], strict=True)
    )
    assert total == pytest.approx(1.0, rel=1e-12)

    # A SATCAT file: decayed objects and operating payloads are left out; the fleet's shell counts the rest.
    rows = [
        "OBJECT_NAME,OBJECT_TYPE,OPS_STATUS_CODE,DECAY_DATE,ORBIT_CENTER,PERIGEE,APOGEE",
        "DEB A,DEB,,,EA,545,555",
        "DEB B,DEB,,,EA,548,552",
        "OLD SAT,PAY,-,,EA,549,551",
        "ACTIVE,PAY,+,,EA,550,550",
        "GONE,DEB,D,2020-01-01,EA,550,550",
        "PROBE,PAY,,,SU,,",
    ]
    (tmp_path / "satcat.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "fleet.toml").write_text('[orbit]\naltitude = "550 km"\n[fleet]\ndebris_catalog = "satcat.csv"\n')
    sc = load_scenario(tmp_path / "fleet.toml")
    c = model.fleet(sc).collisions
    shell = 4.0 / 3.0 * math.pi * ((R_EARTH + 575e3) ** 3 - (R_EARTH + 525e3) ** 3)
    assert c["density_per_km3"][0] == pytest.approx(3 / shell * 1e9, rel=1e-9)
    assert c["altitude_m"][0] == pytest.approx((525e3, 575e3))
    assert "catalog satcat.csv" in str(model.fleet(sc).table())
    # Both a density and a catalog, or a file that is not a catalog: exit 2 naming the key.
    (tmp_path / "both.toml").write_text('[fleet]\ndebris_catalog = "satcat.csv"\ndebris_density = 1e-8\n')
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n")
    (tmp_path / "bad.toml").write_text('[fleet]\ndebris_catalog = "bad.csv"\n')
    (tmp_path / "missing.toml").write_text('[fleet]\ndebris_catalog = "nowhere.csv"\n')
    for name, text in (("both", "not both"), ("bad", "PERIGEE and APOGEE"), ("missing", "cannot be read")):
        assert main(["fleet", str(tmp_path / f"{name}.toml")]) == 2
        err = capsys.readouterr().err
        assert "debris_" in err and text in err


def test_the_build_cost_learns_from_the_fleets_own_production():
    """Wright's law over units: the mean cost of units x0 .. x0 + N relative to unit x0's is
    [(1 + N/x0)^(b+1) - 1] / ((b+1) N/x0), b = log2(1 - LR). 10,000 satellites after the 7,000 Starlink
    satellites that [launch] bus_cost prices, at 15 % a doubling: 0.889."""
    sc = load_scenario("gigawatt-constellation")
    plain = model.fleet(sc)
    learnt = model.fleet(sc.replace(fleet__build_learning_rate=0.15))
    b = math.log2(0.85)
    ratio = 10_000 / 7_000
    factor = ((1 + ratio) ** (b + 1) - 1) / ((b + 1) * ratio)
    assert learnt.learning["build_cost_factor"] == pytest.approx(factor, rel=1e-12)
    assert factor == pytest.approx(0.889, abs=5e-4)
    parts = model.run(sc).orbital.capex_breakdown_usd_per_w
    saved = parts["spacecraft"] * (1 - factor) * plain.it_power
    assert learnt.learning["capex_with_learning_usd"] == pytest.approx(
        plain.learning["capex_with_learning_usd"] - saved
    )
    # The launch side alone: the capex's launch share at the mean price over the fleet's mass.
    x = plain.learning
    launch_saved = parts["launch"] * (1 - x["price_average_usd_per_kg"] / x["price_before_usd_per_kg"]) * plain.it_power
    assert x["capex_with_learning_usd"] == pytest.approx(plain.capex - launch_saved)
    assert "Build cost" in str(learnt.table())
    # Neither a learning year nor a build learning rate: no learning block.
    assert model.fleet(load_scenario("colossus-orbit")).learning is None


def test_the_fleet_by_accelerator_count_and_on_the_calendar(tmp_path, capsys):
    """[fleet] accelerators sizes the fleet as a count (Colossus 1: ~220,000 GPUs) of [compute]'s system: the
    IT power is the count over the system's accelerators per watt, as [compute] accelerators does."""
    from orbital import hardware

    sc = load_scenario("baseline").replace(fleet__accelerators=220_000)
    per_watt = hardware.server(sc.compute.server).accelerators_per_watt
    assert sc.fleet.it_power == pytest.approx(220_000 / per_watt, rel=1e-12)
    f = model.fleet(sc.replace(fleet__start="2027-01-01"))
    d = f.to_dict()
    assert d["start"] == "2027-01-01"
    # 2.4-odd years after 1 January 2027 at 365.25 days a year, and the ground's 2 years.
    from datetime import date, timedelta

    assert d["full_capacity"] == (date(2027, 1, 1) + timedelta(days=f.build_years * 365.25)).isoformat()
    assert d["ground_on_line"] == "2028-12-31"  # 730.5 days: 2028 is a leap year
    # Bad input: both sizes, a start before the analysis' epoch.
    for text, message in (
        ('[fleet]\nit_power = "300 MW"\naccelerators = 1000\n', "not both"),
        ('[orbit]\nepoch = "2026-01-01"\n[fleet]\nstart = "2025-06-01"\n', "before [orbit] epoch"),
    ):
        path = tmp_path / "bad.toml"
        path.write_text(text)
        assert main(["fleet", str(path)]) == 2
        assert message in capsys.readouterr().err


def test_the_antennas_a_station_needs_are_the_fewest_that_carry_the_demand():
    from orbital.fleet import antennas_needed, station_capacity

    minutes, rate = [300.0, 120.0, 45.0], 2e9
    for satellites, demand in ((2884, 9.23e10), (100, 5e9), (10_000, 3.2e11)):
        a = antennas_needed(minutes, satellites, rate, demand)
        assert station_capacity(minutes, satellites, a, rate) >= demand
        assert a == 1 or station_capacity(minutes, satellites, a - 1, rate) < demand
    # Two satellites and one station: even two antennas carry at most both satellites' time in view.
    assert antennas_needed([1440.0], 2, 1e9, 2.5e9) is None
    g = model.fleet("colossus-orbit").ground_link
    assert g["antennas_needed"] == 5 and "5 per station" in str(model.fleet("colossus-orbit").table())
