"""SGP4 propagation, mean altitude, J2 drift in the propagated orbit, Earth-fixed track."""

import numpy as np
import pytest
from astropy import units as u
from astropy.coordinates import ITRS, TEME, CartesianRepresentation
from astropy.time import Time

from orbital import Orbit, OrbitalInputError, orbits
from orbital.constants import DAY, R_EARTH


def test_mean_altitude_is_the_sgp4_mean_semi_major_axis():
    # "altitude" means Brouwer mean a - R; SGP4's own a (satrec.a) must match to < 1 mm.
    sat = orbits._satrec(2461041.5, 650e3, 0.0, 97.99, 10.0, 0.0, 0.0)
    assert sat.a * 6378.137e3 - R_EARTH == pytest.approx(650e3, abs=1e-3)


def test_circular_orbit_stays_at_its_radius():
    # A circular mean orbit's osculating radius varies only by J2 short-period terms
    # (~ J2 R²/a ≈ 7 km); the Earth's 21 km flattening changes heights, not radii.
    orbit = Orbit.circular("550 km", 53, epoch="2026-01-01")
    r, v = orbit.propagate(np.arange(0, 2 * DAY, 60.0))
    radius = np.linalg.norm(r, axis=1) - R_EARTH
    assert np.abs(radius - 550e3).max() < 12e3
    assert np.linalg.norm(v, axis=1).mean() == pytest.approx(orbits.circular_velocity(550e3), rel=2e-3)


def _mean_node(orbit, t0):
    """RAAN averaged over one revolution (removes J2 short-period terms) [deg]."""
    t = np.linspace(t0, t0 + orbit.period, 400, endpoint=False)
    r, v = orbit.propagate(t)
    h = np.cross(r, v)
    node = np.arctan2(h[:, 0], -h[:, 1])
    return np.degrees(np.angle(np.mean(np.exp(1j * node))))


@pytest.mark.parametrize(("altitude_km", "inclination"), [(400, 51.6), (550, 53.0), (650, 97.99), (1200, 30.0)])
def test_propagated_node_drift_matches_j2_theory(altitude_km, inclination):
    # SGP4 (Vallado et al. 2006) carries J2 to second order and J4; first-order J2 theory
    # (Vallado 2013, ch. 9) must agree with it to those terms, O(J2) ≈ 0.1-0.4 % here.
    orbit = Orbit.circular(altitude_km * 1e3, inclination, epoch="2026-01-01")
    days = 30
    drift = ((_mean_node(orbit, days * DAY) - _mean_node(orbit, 0.0) + 180) % 360 - 180) / days
    assert drift == pytest.approx(orbit.raan_drift_rate * DAY, rel=0.005)


def test_ground_track_matches_astropy_teme_to_itrs():
    # astropy's TEME -> ITRS uses the same GMST plus UT1-UTC and polar motion from its
    # bundled IERS tables (2024 is covered). Those add < 0.1 s of rotation and < 20 m,
    # i.e. < 0.001° in latitude and longitude; the height agrees to < 1 m.
    orbit = Orbit.circular("550 km", 53, raan=30, epoch="2024-03-01")
    t = np.linspace(0, DAY, 200)
    track = orbit.ground_track(t)
    r, _ = orbit.propagate(t)
    times = Time(orbit.epoch.jd + t / DAY, format="jd", scale="utc")
    location = TEME(CartesianRepresentation(r.T * u.m), obstime=times).transform_to(ITRS(obstime=times)).earth_location
    assert np.abs(location.lat.deg - track.latitude).max() < 1e-3
    assert np.abs((location.lon.deg - track.longitude + 180) % 360 - 180).max() < 1e-3
    assert np.abs(location.height.to_value(u.m) - track.height).max() < 1.0


def test_ground_track_latitude_reaches_inclination():
    orbit = Orbit.circular("550 km", 53, epoch="2026-01-01")
    track = orbit.ground_track(np.arange(0, DAY, 30.0))
    # Geodetic latitude exceeds the geocentric inclination slightly (flattening, < 0.2°).
    assert 53.0 < track.latitude.max() < 53.3


def test_many_orbits_at_once():
    jd = 2461041.5 + np.arange(0, 1, 0.01)
    r, v = orbits.propagate(jd, 2461041.5, np.array([550e3, 650e3]), 53.0, 0.0)
    assert r.shape == (2, 100, 3) and v.shape == (2, 100, 3)
    single, _ = orbits.propagate(jd, 2461041.5, 650e3, 53.0, 0.0)
    np.testing.assert_allclose(r[1], single)


def test_geo_is_propagated_with_sdp4():
    orbit = Orbit.circular("35786 km", 0.05, epoch="2026-01-01")
    r, _ = orbit.propagate(np.arange(0, DAY, 600.0))
    assert np.linalg.norm(r, axis=1) == pytest.approx(42164e3, rel=1e-3)


def test_eccentric_orbit_perigee_is_checked():
    with pytest.raises(OrbitalInputError, match="perigee altitude = "):
        Orbit(altitude=500e3, inclination=50, raan=0, epoch=Time("2026-01-01"), eccentricity=0.1)
