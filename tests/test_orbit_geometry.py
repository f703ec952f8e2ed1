"""Two-body, J2 and eclipse-from-beta kernels against published and derived values."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbital import OrbitalInputError, orbits
from orbital.constants import DAY, TROPICAL_YEAR_DAYS

KM = 1e3


def test_period_550km():
    # REFERENCES.md "Orbit and sunlight" (derived, R = 6378.137 km, GM = 398600.4418):
    # 95.65 min. The value is quoted to 0.01 min, so that is the tolerance.
    assert orbits.orbital_period(550 * KM) / 60 == pytest.approx(95.65, abs=0.01)


@pytest.mark.parametrize(("altitude_km", "period_min"), [(400, 92.56), (650, 97.73), (800, 100.87)])
def test_period_other_altitudes(altitude_km, period_min):
    # Same source and rounding as above.
    assert orbits.orbital_period(altitude_km * KM) / 60 == pytest.approx(period_min, abs=0.01)


def test_circular_velocity_iss_like():
    # Vallado (2013) ch. 1: v = sqrt(mu/r); at 400 km, 7.669 km/s (sqrt(398600.4418/6778.137)).
    assert orbits.circular_velocity(400 * KM) == pytest.approx(7668.6, abs=0.5)


@pytest.mark.parametrize(("altitude_km", "inclination"), [(550, 97.59), (650, 97.99), (800, 98.60)])
def test_sun_synchronous_inclination(altitude_km, inclination):
    # Issue #2 / REFERENCES.md: 97.59° at 550 km, 97.99° at 650 km, 98.60° at 800 km
    # (J2 = 1.08262668e-3, one node revolution per tropical year); quoted to 0.01°.
    assert orbits.sun_synchronous_inclination(altitude_km * KM) == pytest.approx(inclination, abs=0.006)


def test_sun_synchronous_drift_is_one_turn_per_tropical_year():
    # Definition of sun-synchrony: 360°/365.2422 d = 0.98565°/day; the kernels must agree
    # to rounding (1e-9 relative).
    altitude = np.array([300, 550, 650, 1000, 3000]) * KM
    rate = orbits.raan_drift_rate(altitude, orbits.sun_synchronous_inclination(altitude)) * DAY
    np.testing.assert_allclose(rate, 360.0 / TROPICAL_YEAR_DAYS, rtol=1e-9)


def test_raan_drift_iss():
    # ISS at 380 km, 51.6°: -5.06°/day from the J2 formula (R. Matson, SeeSat-L, 2003-12-04,
    # J2 = 0.00108263), against -5.1°/day read off a year of ISS TLEs in the same thread.
    # 0.5 % covers the rounding of the quoted inputs (a = 6758 km).
    assert orbits.raan_drift_rate(380 * KM, 51.6) * DAY == pytest.approx(-5.06, rel=0.005)


def test_argp_drift_vanishes_at_critical_inclination():
    # Molniya's critical inclination: 5 cos² i - 1 = 0 at 63.435° (Vallado 2013, ch. 9).
    assert orbits.argp_drift_rate(20000 * KM, 63.4349488) == pytest.approx(0.0, abs=1e-12)


def test_no_sun_synchronous_orbit_too_high():
    # Above ~5,974 km no inclination gives 0.9856°/day of drift.
    assert orbits.max_sun_synchronous_altitude() / KM == pytest.approx(5974, abs=5)
    with pytest.raises(OrbitalInputError, match="no sun-synchronous orbit exists") as info:
        orbits.sun_synchronous_inclination(7000 * KM)
    assert "the valid range is [150, 5974" in str(info.value)


def test_longest_eclipse_550km_cylindrical():
    # REFERENCES.md (Rickman, NASA TFAWS 2014 formula, derived): 35.61 min at beta 0.
    assert orbits.eclipse_duration(550 * KM, 0.0) / 60 == pytest.approx(35.61, abs=0.01)


@pytest.mark.parametrize(("altitude_km", "minutes"), [(400, 36.11), (650, 35.38), (800, 35.13)])
def test_longest_eclipse_other_altitudes(altitude_km, minutes):
    # Same source; quoted to 0.01 min.
    assert orbits.eclipse_duration(altitude_km * KM, 0.0) / 60 == pytest.approx(minutes, abs=0.01)


def test_rickman_formula_at_nonzero_beta():
    # Rickman (2014): f = acos(sqrt(h² + 2Rh) / ((R + h) cos β)) / π. Our general form must
    # equal it to rounding.
    h, r = 650 * KM, 6378.137 * KM
    beta = np.array([0.0, 20.0, 45.0, 60.0, 65.0])
    rickman = np.arccos(np.clip(np.sqrt(h**2 + 2 * r * h) / ((r + h) * np.cos(np.radians(beta))), -1, 1)) / np.pi
    np.testing.assert_allclose(orbits.eclipse_fraction(h, beta), rickman, atol=1e-12)


def test_critical_beta_550km():
    # REFERENCES.md: beta* = 67.0° at 550 km (asin(R/(R+h))); quoted to 0.1°.
    assert orbits.critical_beta(550 * KM) == pytest.approx(67.0, abs=0.05)
    assert orbits.eclipse_fraction(550 * KM, 67.1) == 0.0
    assert orbits.eclipse_fraction(550 * KM, 66.9) > 0.0


def test_dawn_dusk_longest_eclipse_from_beta():
    # REFERENCES.md: 650 km dawn-dusk SSO, cylindrical shadow, ideal 18:00 node: longest
    # eclipse 19.7 min. At the June solstice the ideal node's beta is 90° - (i - 90°) - 23.44°.
    beta = 90.0 - (orbits.sun_synchronous_inclination(650 * KM) - 90.0) - 23.44
    assert orbits.eclipse_duration(650 * KM, beta) / 60 == pytest.approx(19.7, abs=0.1)


def test_geo_eclipse_is_about_70_minutes():
    # GEO eclipses at the equinoxes last up to ~70-72 min (Wertz & Larson, SMAD, 1999, ch. 5);
    # our cylindrical value is 69.4 min and the conical one 70.6 min.
    geo = 35786 * KM
    assert 68 < orbits.eclipse_duration(geo, 0.0) / 60 < 72
    assert 68 < orbits.eclipse_duration(geo, 0.0, "conical") / 60 < 72


def test_sun_angular_radius():
    # IAU 2015 B3 nominal solar radius 695,700 km seen from 1 au (IAU 2012 B2): 959.2" = 0.26645°.
    assert orbits.sun_angular_radius() == pytest.approx(0.26645, abs=1e-5)


def test_penumbra_is_conical_minus_umbra():
    h = 650 * KM
    beta = np.linspace(-80, 80, 33)
    np.testing.assert_allclose(
        orbits.eclipse_fraction(h, beta, "penumbra"),
        orbits.eclipse_fraction(h, beta, "conical") - orbits.eclipse_fraction(h, beta, "umbra"),
    )


altitudes = st.floats(min_value=150e3, max_value=500_000e3)
betas = st.floats(min_value=-90.0, max_value=90.0)


@given(altitudes, betas, st.sampled_from(orbits.ECLIPSE_REGIONS))
def test_eclipse_fraction_is_a_fraction(altitude, beta, shadow):
    f = orbits.eclipse_fraction(altitude, beta, shadow)
    assert 0.0 <= f < 1.0


@given(altitudes, betas)
def test_umbra_never_longer_than_cylinder_never_longer_than_penumbra(altitude, beta):
    umbra = orbits.eclipse_fraction(altitude, beta, "umbra")
    cylinder = orbits.eclipse_fraction(altitude, beta, "cylindrical")
    any_shadow = orbits.eclipse_fraction(altitude, beta, "conical")
    assert umbra <= cylinder + 1e-15
    assert cylinder <= any_shadow + 1e-15


@given(st.floats(min_value=150e3, max_value=499_000e3), st.floats(min_value=1.0, max_value=1e6))
def test_higher_orbit_never_has_larger_eclipse_fraction_at_beta0(altitude, delta):
    # Property: the shadowed fraction of the orbit, asin(R/(R+h))/π, falls with altitude.
    assert orbits.eclipse_fraction(altitude + delta, 0.0) <= orbits.eclipse_fraction(altitude, 0.0)


@given(st.floats(min_value=150e3, max_value=1300e3), st.floats(min_value=1.0, max_value=40e3))
def test_higher_orbit_never_has_longer_eclipse_at_beta0_below_1300km(altitude, delta):
    # Property asked for by issue #2, and true in LEO: the eclipse duration at beta 0,
    # T·asin(R/r)/π, falls with altitude up to r ≈ R/0.826 (about 1,340 km) ...
    higher = min(altitude + delta, 1340e3)
    assert orbits.eclipse_duration(higher, 0.0) <= orbits.eclipse_duration(altitude, 0.0) + 1e-9


def test_eclipse_duration_rises_again_above_1340km():
    # ... and rises above it, because the period grows faster than the shadow shrinks:
    # GEO eclipses (~70 min) are twice LEO ones (~35 min). Documented so that nobody
    # "fixes" the kernel to satisfy a false monotonicity.
    d = orbits.eclipse_duration(np.array([800, 1340, 2000, 35786]) * KM, 0.0)
    assert d[0] > d[1] < d[2] < d[3]


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: orbits.orbital_period(100e3), "altitude = 100 km is outside the valid range [150, 500000] km"),
        (lambda: orbits.orbital_period(600_000e3), "altitude = 600000 km"),
        (lambda: orbits.raan_drift_rate(550e3, 181.0), "inclination = 181 deg is outside the valid range [0, 180]"),
        (lambda: orbits.raan_drift_rate(550e3, -1.0), "inclination = -1 deg"),
        (lambda: orbits.eclipse_fraction(550e3, 95.0), "beta = 95 deg"),
        (lambda: orbits.eclipse_fraction(550e3, 0.0, "oval"), "shadow = 'oval' is not one of"),
        (lambda: orbits.raan_drift_rate(550e3, 50.0, 1.0), "eccentricity = 1 is outside the valid range [0, 1)"),
        (lambda: orbits.orbital_period(np.nan), "altitude = nan km"),
    ],
)
def test_bad_input_names_parameter_and_range(call, fragment):
    with pytest.raises(OrbitalInputError) as info:
        call()
    assert fragment in str(info.value)


def test_kernels_broadcast():
    altitude = np.array([400, 550, 650]) * KM
    assert orbits.orbital_period(altitude).shape == (3,)
    assert np.ndim(orbits.orbital_period(550 * KM)) == 0
    grid = orbits.eclipse_fraction(altitude[:, None], np.array([0.0, 30.0, 60.0]))
    assert grid.shape == (3, 3)
