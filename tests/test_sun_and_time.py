"""Sun ephemeris, sidereal time and the local time of the node, against astropy/ERFA."""

import warnings

import numpy as np
import pytest
from astropy import units as u
from astropy.coordinates import TEME, get_sun
from astropy.time import Time
from astropy.utils import iers

from orbital import Orbit, orbits
from orbital.constants import AU


@pytest.fixture(scope="module")
def sun_2000_2100():
    """astropy's get_sun (ERFA epv00, aberration included) in TEME at 600 times over 2000-2100.

    TEME is reached through ITRS, which needs UT1 and polar motion; beyond the bundled
    IERS tables astropy extrapolates them, and because the same values rotate GCRS into
    ITRS and ITRS into TEME, the extrapolation cancels (to < 1e-6 deg).
    """
    with (
        warnings.catch_warnings(),
        iers.conf.set_temp("auto_download", False),
        iers.conf.set_temp("auto_max_age", None),  # an IERS table opened earlier in the session may be stale
        iers.conf.set_temp("iers_degraded_accuracy", "ignore"),
    ):
        warnings.simplefilter("ignore")  # ERFA's "dubious year" for UTC beyond known leap seconds
        times = Time(np.linspace(Time("2000-01-01").jd, Time("2100-12-31").jd, 600), format="jd", scale="utc")
        xyz = get_sun(times).transform_to(TEME(obstime=times)).cartesian.xyz.to_value(u.m).T
        jd_tt = times.tt.jd
    return jd_tt, xyz


def test_sun_direction_within_001_deg_of_astropy_2000_2100(sun_2000_2100):
    # Issue #2: the fast ephemeris must agree with astropy's get_sun to <= 0.01° over
    # 2000-2100. Meeus (1988) with its perturbation terms reaches 0.004° at worst.
    jd_tt, reference = sun_2000_2100
    direction, _ = orbits.sun_position(jd_tt)
    unit = reference / np.linalg.norm(reference, axis=1, keepdims=True)
    separation = np.degrees(np.arccos(np.clip(np.sum(direction * unit, axis=1), -1, 1)))
    assert separation.max() <= 0.01
    assert separation.mean() < 0.002


def test_sun_distance_within_3e_5_of_astropy(sun_2000_2100):
    # Meeus (1988) quotes the radius vector to ~1e-5 au with the perturbation terms;
    # 3e-5 relative (4,500 km) is that plus margin; it moves irradiance by 6e-5.
    jd_tt, reference = sun_2000_2100
    _, distance = orbits.sun_position(jd_tt)
    np.testing.assert_allclose(distance, np.linalg.norm(reference, axis=1), rtol=3e-5)


def test_sun_distance_range_is_the_annual_swing():
    # Perihelion 0.98329 au, aphelion 1.01671 au (e = 0.0167): irradiance swings ±3.3 %.
    jd = 2461041.5 + np.arange(0, 366, 0.25)
    _, distance = orbits.sun_position(jd)
    assert distance.min() / AU == pytest.approx(0.98329, abs=2e-4)
    assert distance.max() / AU == pytest.approx(1.01671, abs=2e-4)


def test_sun_position_broadcasts():
    direction, distance = orbits.sun_position(2451545.0)
    assert direction.shape == (3,) and np.ndim(distance) == 0
    direction, distance = orbits.sun_position(np.full((2, 4), 2451545.0))
    assert direction.shape == (2, 4, 3) and distance.shape == (2, 4)


def test_gmst_matches_erfa_gmst82():
    # IAU 1982 GMST, the angle of SGP4's TEME frame; ERFA implements the same expression.
    import erfa

    jd = np.linspace(2451545.0, 2488070.0, 50)
    np.testing.assert_allclose(orbits.gmst(jd), np.degrees(erfa.gmst82(jd, 0.0)), atol=1e-8)


def test_ltan_round_trip():
    jd = np.linspace(2461041.5, 2461406.5, 37)
    ltan = np.linspace(0, 23.9, 37)
    np.testing.assert_allclose(orbits.ltan_from_raan(orbits.raan_from_ltan(ltan, jd), jd), ltan, atol=1e-9)


def test_noon_node_points_at_the_sun_within_the_equation_of_time():
    # LTAN 12:00 (mean solar time) puts the node at the mean sun's right ascension; the true
    # sun is within the equation of time (|EoT| <= 16.5 min = 4.1°; Meeus 1998, ch. 28) of it.
    jd = 2461041.5 + np.arange(0, 365, 5.0)
    raan = orbits.raan_from_ltan(12.0, jd)
    sun, _ = orbits.sun_position(jd)
    sun_ra = np.degrees(np.arctan2(sun[:, 1], sun[:, 0]))
    offset = (raan - sun_ra + 180) % 360 - 180
    assert np.abs(offset).max() < 4.2
    assert np.abs(offset).max() > 3.5  # the equation of time really is there


def test_dawn_dusk_orbit_crosses_its_node_at_18h_local_time(dawn_dusk_650):
    # Propagate to each ascending-node crossing in the first day and read the local mean
    # solar time of its longitude; SGP4 short-period terms move the node by < 0.05°.
    orbit = dawn_dusk_650
    t = np.arange(0, 86400, 5.0)
    track = orbit.ground_track(t)
    r, _ = orbit.propagate(t)
    crossing = np.flatnonzero((r[:-1, 2] < 0) & (r[1:, 2] >= 0))
    ut_hours = (t[crossing] / 3600.0) % 24
    local = (ut_hours + track.longitude[crossing] / 15.0) % 24
    np.testing.assert_allclose(local, 18.0, atol=0.01)


def test_bad_ltan():
    with pytest.raises(ValueError, match="ltan = 25 h is outside the valid range"):
        orbits.raan_from_ltan(25.0, 2461041.5)
    with pytest.raises(ValueError, match="ltan = '6 pm'"):
        Orbit.sun_synchronous("650 km", ltan="6 pm")
