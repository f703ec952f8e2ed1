"""Units at the edge: every accepted spelling reads to the right SI float; bad input is named."""

import astropy.units as u
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbital import OrbitalInputError, as_float, as_time
from orbital.units import USD


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("650 km", "m", 650e3),
        ("650km", "m", 650e3),
        ("2.5 mm", "m", 2.5e-3),
        ("1 MW", "W", 1e6),
        ("20 degC", "K", 293.15),
        ("20 °C", "K", 293.15),
        ("293 K", "K", 293.0),
        ("5 yr", "s", 5 * 365.25 * 86400),
        ("200 USD/kg", "USD/kg", 200.0),
        ("0.04 USD/kWh", "USD/J", 0.04 / 3.6e6),
        ("0.04 USD/kWh", "USD/kWh", 0.04),
        ("11.7 MUSD/MW", "USD/W", 11.7),
        ("3 MWh", "J", 3 * 3.6e9),
        ("18:00", "h", 18.0),
        ("06:30", "h", 6.5),
        ("06:30:36", "h", 6.51),
        ("97.5 deg", "deg", 97.5),
        ("1.7 rad", "deg", np.degrees(1.7)),
    ],
)
def test_strings_with_units(value, unit, expected):
    assert as_float(value, unit, name="x") == pytest.approx(expected, rel=1e-12)


def test_bare_numbers_take_the_documented_unit():
    assert as_float(650, "m", name="altitude", bare_unit="km") == 650e3
    assert as_float("650", "m", name="altitude", bare_unit="km") == 650e3
    assert as_float(650e3, "m", name="altitude") == 650e3


def test_quantities_and_arrays():
    assert as_float(650 * u.km, "m", name="altitude") == 650e3
    assert as_float(3 * USD / u.kg, "USD/kg", name="price") == 3.0
    np.testing.assert_allclose(as_float([1, 2], "m", name="x", bare_unit="km"), [1e3, 2e3])


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("650 kg", "must be a length"),
        ("six hundred km", "could not be read as a length"),
        ("nan km", "not a finite number"),
        (True, "not a number"),
        (None, "not a number"),
        ("18:00", "clock time is only valid for a time"),
    ],
)
def test_bad_values_name_parameter_value_and_dimension(value, fragment):
    with pytest.raises(OrbitalInputError) as info:
        as_float(value, "m", name="altitude")
    message = str(info.value)
    assert message.startswith("altitude = ")
    assert fragment in message


def test_bad_clock_time():
    with pytest.raises(OrbitalInputError, match="ltan = '25:00'"):
        as_float("25:00", "h", name="ltan")


def test_error_is_a_value_error():
    assert issubclass(OrbitalInputError, ValueError)


def test_times():
    assert as_time("2026-01-01", name="start").isot == "2026-01-01T00:00:00.000"
    assert as_time("2026-06-21T12:30:00", name="start").jd == pytest.approx(2461213.0208333335)
    with pytest.raises(OrbitalInputError, match="start = '2026-13-45'"):
        as_time("2026-13-45", name="start")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_length_round_trip(x):
    """Property: a length written in km reads back as the same number of metres."""
    assert as_float(f"{x!r} km", "m", name="x") == pytest.approx(x * 1e3, rel=1e-12, abs=1e-9)
