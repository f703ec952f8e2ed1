"""A year of sunlight on real orbits: eclipse seasons, longest eclipses, sunlit fractions."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import Orbit, OrbitalInputError, as_time, orbits
from orbital.constants import DAY


def test_dawn_dusk_650_eclipse_season(dawn_dusk_650_year):
    # Issue #2 / REFERENCES.md (derived, cylindrical shadow, ideal 18:00 node): about 88
    # eclipse days a year. The propagated orbit's true-sun geometry (the equation of time
    # moves the node by up to 4° from the mean sun) and SGP4's slightly slower node
    # (0.3 %, see test_propagation) shift the season's edges by a few days: ±5 days.
    assert dawn_dusk_650_year.eclipse_days == pytest.approx(88, abs=5)


def test_dawn_dusk_650_longest_eclipse(dawn_dusk_650_year):
    # Same source: longest eclipse 19.7 min with a cylindrical shadow; the series resolves
    # it to one 30 s step, and the real beta minimum differs from the ideal by < 0.5°
    # (±0.3 min), so ±0.6 min.
    assert dawn_dusk_650_year.max_eclipse_s / 60 == pytest.approx(19.7, abs=0.6)


def test_dawn_dusk_650_is_almost_always_sunlit(dawn_dusk_650_year, dawn_dusk_650_year_conical):
    # Issue #2: sunlit fraction well above 0.95 (Suncatcher's premise of near-continuous
    # sun). Eclipses of <= 20 min in ~1,300 of 5,380 orbits give ~0.96.
    assert dawn_dusk_650_year.sunlit_fraction > 0.955
    assert dawn_dusk_650_year_conical.sunlit_fraction > 0.955
    # Beta stays far from zero: the ideal orbit's minimum is 90 - 7.99 - 23.44 = 58.6°.
    assert dawn_dusk_650_year.beta_min_deg == pytest.approx(58.6, abs=0.5)


def test_conical_shadow_adds_penumbra(dawn_dusk_650_year, dawn_dusk_650_year_conical):
    cyl, con = dawn_dusk_650_year, dawn_dusk_650_year_conical
    # The penumbra widens the shadow by the Sun's 0.27° radius: more eclipse days, a
    # longer total shadow and a shorter umbra than the cylinder.
    assert con.eclipse_days >= cyl.eclipse_days
    assert con.max_eclipse_s >= cyl.max_eclipse_s
    assert con.max_umbra_s <= cyl.max_eclipse_s


def test_eclipse_season_falls_around_the_june_solstice(dawn_dusk_650):
    # An 18:00 dawn-dusk orbit's normal points away from the summer Sun: its eclipses come
    # in northern summer (beta smallest at the June solstice).
    series = dawn_dusk_650.sunlight(days=365, step=60, shadow="cylindrical")
    shaded_day = series.time[series.illuminated_fraction < 1] / DAY
    # The June solstice is day 171 counted from 2026-01-01 (day 0).
    assert abs((shaded_day.min() + shaded_day.max()) / 2 - 171) < 5
    assert abs(series.time[np.argmin(series.beta)] / DAY - 171) < 10


def test_noon_midnight_sso_has_an_eclipse_every_orbit():
    # Issue #2: a 550 km noon-midnight SSO is eclipsed on every revolution; beta stays
    # within a few degrees of zero, so every eclipse is close to the beta-0 value 35.6 min.
    orbit = Orbit.sun_synchronous("550 km", ltan="12:00", epoch="2026-01-01")
    summary = orbit.sunlight(days=30, step=30, shadow="cylindrical").summary()
    revolutions = 30 * DAY / orbit.period
    assert summary.eclipse_count == pytest.approx(revolutions, abs=1.5)
    assert summary.eclipse_days == 30
    assert summary.max_eclipse_s / 60 == pytest.approx(35.6, abs=0.6)


def test_series_agrees_with_eclipse_from_beta():
    # The propagated eclipse (SGP4 + ephemeris + shadow geometry) and Rickman's analytic
    # fraction at the series' own beta must agree: one orbit at 30 s steps resolves the
    # fraction to 30/5,739 = 0.5 %, plus the ~3 km wobble of the osculating radius.
    orbit = Orbit.circular("550 km", 53, raan=0, epoch="2026-03-20")
    series = orbit.sunlight(days=orbit.period / DAY, step=5, shadow="cylindrical")
    measured = 1 - series.illuminated_fraction.mean()
    predicted = orbits.eclipse_fraction(550e3, series.beta.mean(), "cylindrical")
    assert measured == pytest.approx(predicted, abs=0.005)


def test_penumbra_fraction_is_partial():
    orbit = Orbit.circular("550 km", 53, epoch="2026-01-01")
    series = orbit.sunlight(days=1, step=1, shadow="conical")
    partial = (series.illuminated_fraction > 0) & (series.illuminated_fraction < 1)
    # Crossing the penumbra at beta ~0 takes ~8-9 s on each side (0.53° of solar disc
    # swept at 0.063°/s of orbital motion as seen from the Earth's limb).
    per_eclipse = partial.sum() / series.summary().eclipse_count
    assert 10 < per_eclipse < 60


orbit_elements = st.tuples(
    st.floats(min_value=200e3, max_value=40000e3),
    st.floats(min_value=0.0, max_value=180.0),
    st.floats(min_value=0.0, max_value=360.0),
)


@settings(max_examples=15, deadline=None)
@given(orbit_elements, st.sampled_from(["conical", "cylindrical"]))
def test_sunlit_fraction_lies_in_0_1(elements, shadow):
    altitude, inclination, raan = elements
    orbit = Orbit(altitude=altitude, inclination=inclination, raan=raan, epoch=as_time("2026-01-01", name="epoch"))
    series = orbit.sunlight(days=1, step=120, shadow=shadow)
    summary = series.summary()
    assert np.all((series.illuminated_fraction >= 0) & (series.illuminated_fraction <= 1))
    assert 0.0 <= summary.sunlit_fraction <= 1.0
    assert 0.0 <= summary.umbra_fraction <= 1.0 - summary.sunlit_fraction + 1e-12


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"step": 0}, "step = 0 s is outside the valid range (0, inf]"),
        ({"step": -30}, "step = -30 s"),
        ({"days": 0}, "days = 0 day"),
        ({"days": 3650, "step": 1}, "more than the 20,000,000 one series may hold"),
        ({"step": "30 km"}, "step = '30 km' has units of length"),
        ({"shadow": "flat"}, "shadow = 'flat' is not one of"),
    ],
)
def test_bad_series_input(dawn_dusk_650, kwargs, fragment):
    with pytest.raises(OrbitalInputError) as info:
        dawn_dusk_650.sunlight(**kwargs)
    assert fragment in str(info.value)
