"""Atmospheric density (NRLMSIS 2.1), drag make-up delta-v, decay and lifetime."""

import numpy as np
import pytest
from astropy.time import Time

from orbital import Orbit, OrbitalInputError, orbits
from orbital.constants import DAY, GM_EARTH, JULIAN_YEAR, R_EARTH


def _jd(year, day_of_year, seconds):
    return Time(f"{year}-01-01").jd + day_of_year - 1 + seconds / DAY


@pytest.mark.parametrize(
    ("year", "doy", "sec", "alt_km", "lat", "lon", "f107a", "f107", "ap", "rho_g_cm3"),
    [
        (2006, 264, 42650, 155.0, 80.8, 150.2, 77.7, 70.9, 3.0, 0.9118e-12),
        (2012, 167, 1526, 250.0, -12.7, -74.9, 126.8, 148.6, 2.0, 0.4471e-13),
        (1980, 228, 60210, 400.6, 15.2, -112.7, 180.0, 186.9, 5.0, 0.4354e-14),
        (1989, 39, 31499, 500.0, 42.6, -71.5, 225.1, 216.4, 14.0, 0.1034e-14),
        (2006, 257, 18301, 500.0, -47.6, 125.3, 77.6, 82.9, 4.0, 0.1879e-15),
    ],
)
def test_density_matches_nrlmsis21_reference_output(year, doy, sec, alt_km, lat, lon, f107a, f107, ap, rho_g_cm3):
    # NRL's reference output for NRLMSIS 2.1 (msis2.1_test_ref_dp.txt, shipped with the
    # Fortran release and with pymsis), printed to 4 significant digits: 1e-3 tolerance
    # covers that rounding and nothing else, so a unit or date slip fails.
    rho = orbits.atmospheric_density(
        alt_km * 1e3, lat, lon, _jd(year, doy, sec), {"f107": f107, "f107a": f107a, "ap": ap}
    )
    assert rho == pytest.approx(rho_g_cm3 * 1e3, rel=1e-3)


def test_activity_levels_are_ecss_long_term_values():
    # ECSS-E-ST-10-04C (2008) Table 6-3, long-term: low 65/0, moderate 140/15, high 250/45.
    assert [orbits.solar_activity(level)["f107"] for level in ("low", "moderate", "high")] == [65, 140, 250]
    assert [orbits.solar_activity(level)["ap"] for level in ("low", "moderate", "high")] == [0, 15, 45]
    assert "ECSS-E-ST-10-04C" in orbits.solar_activity("moderate")["source"]


def test_density_rises_with_activity_and_falls_with_altitude():
    jd = 2461041.5 + np.linspace(0, 365, 50)
    lon = np.linspace(-180, 180, 50)
    low, moderate, high = (
        orbits.atmospheric_density(550e3, 0.0, lon, jd, level).mean() for level in ("low", "moderate", "high")
    )
    assert low < moderate < high
    # Solar-cycle swing at 550 km is an order of magnitude or more (Emmert et al. 2021).
    assert high / low > 10
    profile = orbits.atmospheric_density(np.arange(200e3, 1000e3, 50e3), 0.0, 0.0, 2461041.5)
    assert np.all(np.diff(profile) < 0)


def test_rotation_factor_values():
    # King-Hele (1987): F = (1 - r ω cos i / v)²: 1 for a polar orbit, < 1 prograde, > 1
    # retrograde. ISS-like 400 km, 51.6°: (1 - 494.3 × 0.6211 / 7668.6)² = 0.9216.
    assert orbits.atmosphere_rotation_factor(400e3, 90.0) == pytest.approx(1.0)
    assert orbits.atmosphere_rotation_factor(400e3, 51.6) == pytest.approx(0.9216, abs=2e-4)
    assert orbits.atmosphere_rotation_factor(650e3, 97.99) > 1.0


def test_decay_per_revolution_is_the_textbook_value():
    # Vallado (2013) ch. 9 / King-Hele (1987): Δa per revolution = -2π (c_D A / m) ρ a².
    rho, altitude, b = 1e-12, 400e3, 50.0
    a = R_EARTH + altitude
    per_rev = orbits.decay_rate(rho, altitude, b) * orbits.orbital_period(altitude)
    assert per_rev == pytest.approx(-2 * np.pi * rho * a**2 / b, rel=1e-12)


def test_delta_v_equals_the_decay_it_prevents():
    # Energy bookkeeping: re-raising a circular orbit by Δa costs Δv = (v / 2a) Δa, so the
    # yearly make-up Δv must equal (v / 2a) × the decay accumulated in a year (F = 1 polar).
    rho, altitude, b = 3e-13, 500e3, 120.0
    a = R_EARTH + altitude
    v = np.sqrt(GM_EARTH / a)
    decay_per_year = -orbits.decay_rate(rho, altitude, b) * JULIAN_YEAR
    assert orbits.drag_delta_v_per_year(rho, altitude, b) == pytest.approx(v / (2 * a) * decay_per_year, rel=1e-12)


def test_lifetime_in_an_exponential_atmosphere_is_scale_height_over_decay_rate():
    # King-Hele (1987), ch. 4: in an atmosphere of scale height H a circular orbit lives
    # L ≈ H / |da/dt| at its starting height. The neglected variation of √a over the
    # last few H (~0.5 %) and the truncation at 120 km (e^-9) set a 1 % tolerance.
    h0, scale_height, rho0, b = 500e3, 60e3, 5e-13, 100.0
    levels = np.linspace(120e3, h0, 400)
    profile = rho0 * np.exp(-(levels - h0) / scale_height)
    lifetime = orbits.orbital_lifetime(h0, b, levels, profile)
    expected = scale_height / -orbits.decay_rate(rho0, h0, b)
    assert lifetime == pytest.approx(expected, rel=0.01)


def test_lifetime_grows_with_altitude_and_ballistic_coefficient():
    levels = np.linspace(120e3, 800e3, 69)
    profile = orbits.atmospheric_density(levels, 0.0, 0.0, 2461041.5, "moderate")
    lives = orbits.orbital_lifetime(np.array([300e3, 400e3, 500e3, 700e3]), 100.0, levels, profile)
    assert np.all(np.diff(lives) > 0)
    assert orbits.orbital_lifetime(400e3, 200.0, levels, profile) == pytest.approx(2 * lives[1], rel=1e-9)


def test_orbit_drag_for_a_dawn_dusk_650_km_satellite(dawn_dusk_650):
    # Plumbing check of the Orbit methods (the physics is checked above): bounds, not an
    # oracle. At 650 km and moderate activity NRLMSIS gives a few 1e-14 to 1e-13 kg/m³;
    # with B = 100 kg/m² that is under 10 m/s per year, and an orbit that lasts decades.
    rho = dawn_dusk_650.mean_density("moderate", samples=2000)
    assert 1e-14 < rho < 3e-13
    dv = dawn_dusk_650.drag_delta_v_per_year(100.0, "moderate")
    assert 0.05 < dv < 10
    assert dawn_dusk_650.lifetime(100.0, "moderate") / JULIAN_YEAR > 10


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (
            lambda: orbits.atmospheric_density(1200e3, 0, 0, 2461041.5),
            "altitude = 1200 km is outside the valid range [0, 1100] km",
        ),
        (
            lambda: orbits.atmospheric_density(500e3, 0, 0, 2461041.5, "extreme"),
            "solar activity = 'extreme' is not one of",
        ),
        (
            lambda: orbits.atmospheric_density(500e3, 0, 0, 2461041.5, {"f107": 20, "f107a": 70, "ap": 4}),
            "f107 = 20 sfu",
        ),
        (
            lambda: orbits.drag_acceleration(1e-12, 7600, 0.0),
            "ballistic coefficient = 0 kg/m2 is outside the valid range (0, inf]",
        ),
        (
            lambda: Orbit.circular("1500 km", 50).lifetime(100.0),
            "altitude = 1500 km: the drag model covers mean altitudes [150, 1000] km",
        ),
    ],
)
def test_bad_drag_input(call, fragment):
    with pytest.raises(OrbitalInputError) as info:
        call()
    assert fragment in str(info.value)
