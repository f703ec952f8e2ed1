"""Launch: capacity to orbit, prices and learning, the mass budget, packing, and the CLI."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import OrbitalInputError, hardware, launch, spacecraft
from orbital.cli import main
from orbital.constants import JULIAN_YEAR
from orbital.orbits import sun_synchronous_inclination

YEAR = JULIAN_YEAR


# --------------------------------------------------------------------------------------
# Published anchors
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mass", "power", "price", "published"),
    [(575.0, 28e3, 3600.0, 14_700.0), (575.0, 28e3, 200.0, 810.0), (260.0, 7e3, 3600.0, 26_600.0)],
)
def test_suncatcher_table_1_launched_power_price(mass, power, price, published):
    # Suncatcher (arXiv:2511.19468) Table 1: Starlink v2 mini (575 kg, ~28 kW, 5 yr) $14,700/kW/yr
    # at $3,600/kg and ~$810 at $200/kg; Starlink v1 (260 kg, 7 kW, 5 yr) $26,600 at $3,600/kg.
    # Their "~28 kW" is rounded (the table's numbers imply 28.1-28.4 kW): 2 %.
    assert launch.launched_power_price(mass, power, 5 * YEAR, price) == pytest.approx(published, rel=0.02)


def test_jones_falcon_9_price_per_kg():
    # Jones (NASA, ICES-2018-81): Falcon 9, $62M for 22,800 kg to LEO, about $2,720/kg. At the
    # vehicle's reference orbit the model's penalty is zero, so this is exact to rounding.
    f9 = launch.vehicle("falcon-9-expendable")
    price = launch.price_per_kg(f9, f9.reference_altitude, f9.site_latitude)
    assert price == pytest.approx(2720.0, rel=0.001)
    assert launch.orbit_delta_v_penalty(f9.reference_altitude, f9.site_latitude, f9.reference_altitude, 28.56) == 0


def test_learning_curve_to_200_per_kg():
    # Suncatcher: from ~$1,800/kg at ~400 t cumulative, 20 % per doubling reaches < $200/kg
    # only after ~370,000 t more; at ~180 Starship flights a year of 200 t, by ~2035.
    # Their "~370,000 t" is rounded: 1 %; the year is their "~2035": within half a year.
    more = launch.cumulative_mass_for_price(200.0) - 400e3
    assert more / 1e3 == pytest.approx(370_000.0, rel=0.01)
    assert launch.year_for_price(200.0, cadence=180 * 200e3, growth=0.0) == pytest.approx(2035.0, abs=0.5)
    assert launch.wright_price(launch.cumulative_mass_for_price(200.0)) == pytest.approx(200.0)
    # Each doubling takes 20 % off; the 18-24 % band of their fits moves the mass needed 3x either way.
    assert launch.wright_price(800e3) == pytest.approx(0.8 * 1800.0)
    fast, slow = (launch.cumulative_mass_for_price(200.0, learning_rate=lr) for lr in (0.24, 0.18))
    assert fast < launch.cumulative_mass_for_price(200.0) < slow


def test_default_learning_curve_flies_at_the_worlds_measured_cadence():
    # The world launched ~1,900 t to orbit in 2024 (Space Foundation, The Space Report 2025: ~4.2 million
    # lb, 40 % more than 2023). At that cadence growing 40 % a year from 2024, the 2025 anchor's cadence
    # is 1,900 x 1.4 = 2,660 t/yr, and the cumulative mass in 2026 is 400 t + 2,660 x 0.4 / ln 1.4 t:
    # exact closed forms, so 1e-9.
    assert launch.LEARNING_CURVE["upmass_kg_per_year"] == 1.9e6
    mass_2026 = 400e3 + 2.66e6 * 0.4 / math.log(1.4)
    assert launch.cumulative_mass_in_year(2026.0) == pytest.approx(mass_2026, rel=1e-9)
    # ... which prices 2026 at ~890 USD/kg (not the ~420 of Suncatcher's 36,000 t/yr from 2025), and
    # reaches 200 USD/kg about a year and a half after their ~2035.
    assert launch.wright_price(launch.cumulative_mass_in_year(2026.0)) == pytest.approx(
        1800.0 * (mass_2026 / 400e3) ** math.log2(0.8), rel=1e-9
    )
    assert launch.wright_price(launch.cumulative_mass_in_year(2026.0, cadence=36e6, growth=0.0)) == pytest.approx(
        421.3, rel=1e-3
    )
    assert 2036.0 < launch.year_for_price(200.0) < 2037.0
    # A cadence that does not grow launches C t; the closed forms are each other's inverse.
    assert launch.launched_by(3.0, 2e6, 0.0) == 6e6
    years = launch.years_to_launch(launch.launched_by(np.array([1.0, 2.5]), 2e6, np.array([0.0, 0.4])), 2e6, [0.0, 0.4])
    assert years == pytest.approx([1.0, 2.5], rel=1e-12)


def test_hohmann_to_geo_vallado_example():
    # Vallado (2013) Example 6-1: 191.34411 km to 35,781.34857 km, Δv = 3.935224 km/s total
    # (2.457038 + 1.478187). Same constants (R 6378.137 km, μ 398600.4418): 0.05 %.
    assert launch.hohmann_delta_v(191.34411e3, 35_781.34857e3) == pytest.approx(3935.224, rel=5e-4)
    assert launch.hohmann_delta_v(35_781.34857e3, 191.34411e3) == pytest.approx(-3935.224, rel=5e-4)


def test_starship_fitted_burnout_mass_matches_its_dry_mass():
    # The model fits the upper stage's effective burnout mass to the vendor's GTO capacity. For
    # Starship the upper stage is the ship: SpaceX gave its dry mass as 100-120 t (2019), and
    # the fit from 150 t LEO / 27 t GTO at 380 s lands inside that range.
    ship = launch.vehicle("starship-reuse")
    assert 100e3 <= ship.burnout_mass <= 120e3


def test_ariane_64_sso_capacity():
    # Ariane 6 User's Manual (2018): A64 15,500 kg to SSO at 97.4° (~500 km), 21,650 kg to LEO.
    # The model lands at 1.17x: it neglects the dog-legs and longer gravity losses of a
    # northward launch from Kourou, and the manual's LEO altitude is assumed (200 km). The
    # tolerance (+20 %, never below) states that bias rather than hides it.
    ariane = launch.vehicle("ariane-64")
    altitude = 500e3
    capacity = launch.capacity_to_orbit(ariane, altitude, float(sun_synchronous_inclination(altitude)))
    assert 15_500.0 <= capacity <= 1.20 * 15_500.0


def test_rideshare_price_sheet():
    # SpaceX rideshare (Feb 2026): $350,000 up to 50 kg to SSO, then $7,000 per kg.
    ride = launch.vehicle("rideshare-sso")
    np.testing.assert_allclose(launch.rideshare_price(ride, [10.0, 50.0, 200.0]), [350e3, 350e3, 1.4e6])


def test_gb200_rack_specific_mass():
    # GB200 NVL72: ~1.36 t for ~120 kW -> 11.3 kg/kW; half without the chassis (assumed share).
    rack = hardware.server("gb200-nvl72")
    assert rack.specific_mass() * 1e3 == pytest.approx(11.33, abs=0.01)
    assert rack.specific_mass(chassis_removed=True) == pytest.approx(rack.specific_mass() / 2)


# --------------------------------------------------------------------------------------
# Invariants
# --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["falcon-9-reusable", "falcon-heavy", "starship-reuse", "new-glenn", "ariane-64"]),
    altitude=st.floats(200e3, 2000e3),
    raise_by=st.floats(0.0, 1000e3),
    inclination=st.floats(0.0, 150.0),
    tilt=st.floats(0.0, 30.0),
)
def test_higher_or_more_inclined_never_raises_capacity(name, altitude, raise_by, inclination, tilt):
    v = launch.vehicle(name)
    low = max(inclination, v.site_latitude)  # below the site's latitude a lower inclination costs more
    base = launch.capacity_to_orbit(v, altitude, low)
    assert launch.capacity_to_orbit(v, altitude + raise_by, low) <= base + 1e-6
    assert launch.capacity_to_orbit(v, altitude, min(low + tilt, 180.0 - v.site_latitude)) <= base + 1e-6


def test_below_the_site_latitude_a_plane_change_is_paid():
    v = launch.vehicle("falcon-9-reusable")
    equatorial = launch.capacity_to_orbit(v, 550e3, 0.0)
    at_latitude = launch.capacity_to_orbit(v, 550e3, v.site_latitude)
    assert equatorial < 0.5 * at_latitude  # a 28.6° plane change costs ~3.8 km/s


@settings(max_examples=60, deadline=None)
@given(mass_per_kw=st.floats(5.0, 200.0), more=st.floats(0.0, 100.0), power=st.floats(10e3, 500e3))
def test_more_mass_per_kw_never_lowers_launch_cost_per_kw(mass_per_kw, more, power):
    v = launch.vehicle("starship-reuse")
    capacity = launch.capacity_to_orbit(v, 650e3, 97.99)
    price = launch.launch_price(v)

    def cost(kg_per_kw):
        mass = kg_per_kw * power / 1e3
        count = launch.satellites_per_launch(mass, capacity)[2]
        if count < 1:
            return np.inf
        return launch.launch_cost_per_kw(price, count, power)

    assert cost(mass_per_kw + more) >= cost(mass_per_kw)


def test_mass_budget_closes():
    budget = spacecraft.mass_budget(
        compute=11e-3,
        solar_array=13e-3,
        battery=10e-3,
        radiator=30e-3,
        power_management=5e-3,
        shielding=3e-3,
        communications=0.3e-3,
        drag_delta_v_per_year=5.0,
        lifetime=5 * YEAR,
        disposal_delta_v=170.0,
    )
    items = budget.items
    assert sum(items.values()) == pytest.approx(budget.total)
    dry_before_margin = budget.dry / 1.2
    assert items["structure"] == pytest.approx(0.2 * dry_before_margin)
    assert items["propellant"] == pytest.approx(budget.dry * np.expm1(195.0 / (9.80665 * 1500.0)))
    assert budget.delta_v == pytest.approx(5 * 5.0 + 170.0)


def test_mass_budget_vectorizes():
    grid = np.linspace(5e-3, 50e-3, 7)[:, None]
    budget = spacecraft.mass_budget(
        grid, 13e-3, 10e-3, np.linspace(10e-3, 40e-3, 5), 5e-3, 3e-3, 0.3e-3, 5.0, 5 * YEAR, 170.0
    )
    assert budget.total.shape == (7, 5)
    assert np.all(np.diff(budget.total, axis=0) > 0) and np.all(np.diff(budget.total, axis=1) > 0)


def test_spacecraft_design_uses_the_modules(dawn_dusk_650):
    d = spacecraft.spacecraft_design(dawn_dusk_650, 100e3, 5 * YEAR, sunlight_days=60)
    items = d.budget.items
    assert items["compute"] == pytest.approx(1360.0 / 120e3)
    assert items["shielding"] == pytest.approx(26.99 * 0.1e-3)  # 10 mm Al over 0.1 m²/kW
    assert d.mass == pytest.approx(float(d.budget.total) * 100e3)
    assert 0 < d.drag_delta_v_per_year < 50 and 100 < d.disposal_delta_v < 250
    lighter = spacecraft.spacecraft_design(dawn_dusk_650, 100e3, 5 * YEAR, sunlight_days=60, chassis_removed=True)
    assert lighter.mass < d.mass


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: launch.vehicle("atlas-v"), "known: ariane-64, falcon-9-expendable"),
        (lambda: launch.wright_price(1e6, learning_rate=1.2), "learning rate = 1.2"),
        (lambda: launch.wright_price(1e6, learning_rate=0.0), "learning rate = 0"),
        (lambda: launch.launch_price(launch.vehicle("falcon-9-reusable"), year=2020), "year = 2020"),
        (lambda: launch.launch_price(launch.vehicle("new-glenn")), "no published price"),
        (lambda: launch.capacity_to_orbit(launch.vehicle("rideshare-sso"), 550e3, 97.6), "per kg"),
        (lambda: hardware.server("dgx-b300"), "known: gb200-nvl72"),
    ],
)
def test_bad_input_is_named(call, fragment):
    with pytest.raises(OrbitalInputError, match=fragment):
        call()


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------

BASE = ["launch", "--altitude", "650 km", "--sso", "--start", "2026-01-01"]


def test_cli_satellite_json(capsys):
    assert main([*BASE, "--mass", "575 kg", "--power", "28 kW", "--price", "3600 USD/kg", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "price_usd_per_kg",
        "capacity_kg",
        "satellites_per_launch",
        "launches_per_mw",
        "mass_kg_per_kw",
        "launch_cost_usd_per_kw",
        "launched_power_price_usd_per_kw_year",
        "mass_budget_kg_per_kw",
    ):
        assert key in out, key
    assert out["mass_kg_per_kw"] == pytest.approx(575 / 28)
    assert out["satellites_per_launch"] == int(out["capacity_kg"] // 575)
    assert out["price_usd_per_kg_reference"] == pytest.approx(3600.0)
    assert out["launches_per_mw"] == pytest.approx(1000 / 28 / out["satellites_per_launch"])


def test_cli_sized_satellite_and_learning_curve(capsys):
    argv = [
        *BASE,
        "--it-power",
        "100 kW",
        "--vehicle",
        "starship-reuse",
        "--year",
        "2030",
        "--days",
        "60",
        "--target-price",
        "200",
        "--cadence",
        "36000",
        "--cadence-growth",
        "0",
        "--json",
    ]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    budget = out["mass_budget_kg_per_kw"]
    assert set(budget) >= {
        "compute",
        "solar_array",
        "battery",
        "radiator",
        "power_management",
        "shielding",
        "communications",
        "structure",
        "propulsion_dry",
        "propellant",
        "margin",
    }
    assert sum(budget.values()) == pytest.approx(out["mass_kg_per_kw"])
    assert out["price_usd_per_kg_reference"] < 1800.0 and out["target_year"] == pytest.approx(2035.2, abs=0.1)
    # Suncatcher's 36,000 t/yr from 2025 reaches 200 USD/kg in ~2035; the default world cadence later.
    assert main([arg for arg in argv if arg not in ("--cadence", "36000", "--cadence-growth", "0")]) == 0
    assert json.loads(capsys.readouterr().out)["target_year"] == pytest.approx(2036.5, abs=0.1)


def test_cli_table(capsys):
    assert main([*BASE, "--mass", "575", "--power", "28"]) == 0
    text = capsys.readouterr().out
    assert "Capacity to this orbit" in text and "Launched power price" in text and "per kW-year" in text


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--vehicle", "atlas-v", "--mass", "575", "--power", "28"], "known: ariane-64"),
        (["--mass", "30000 kg", "--power", "28 kW"], "heavier than falcon-9-reusable carries to this orbit"),
        (["--mass", "575", "--power", "28", "--learning-rate", "1.5", "--year", "2030"], "learning rate = 1.5"),
        (["--mass", "575", "--power", "28", "--year", "2019"], "year = 2019"),
        (["--mass", "575"], "give --mass and --power"),
        (["--mass", "575", "--power", "28", "--year", "2030", "--price", "300"], "not both"),
    ],
)
def test_cli_bad_input_exits_2(capsys, extra, fragment):
    assert main([*BASE, *extra]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_cli_rideshare_needs_sso(capsys):
    assert (
        main(
            [
                "launch",
                "--altitude",
                "550",
                "--inclination",
                "53",
                "--vehicle",
                "rideshare-sso",
                "--mass",
                "200",
                "--power",
                "2",
            ]
        )
        == 2
    )
    assert "sun-synchronous" in capsys.readouterr().err
    assert main([*BASE, "--vehicle", "rideshare-sso", "--mass", "200", "--power", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["launch_price_usd"] == pytest.approx(1.4e6) and out["launch_cost_usd_per_kw"] == pytest.approx(7e5)
