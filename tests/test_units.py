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


# -- the plain reader (issue 22): astropy is imported only for what it leaves --------------------------------

#: Spellings a user or a scenario writes, and some the plain reader must leave to astropy.
SPELLINGS = [
    "",
    "m",
    "km",
    "mm",
    "cm",
    "um",
    "nm",
    "s",
    "ms",
    "min",
    "h",
    "d",
    "day",
    "yr",
    "kg",
    "g",
    "t",
    "mg",
    "W",
    "kW",
    "MW",
    "GW",
    "TW",
    "J",
    "kJ",
    "MJ",
    "Wh",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "eV",
    "MeV",
    "keV",
    "N",
    "Pa",
    "kPa",
    "Hz",
    "MHz",
    "GHz",
    "V",
    "A",
    "K",
    "deg",
    "rad",
    "mrad",
    "percent",
    "%",
    "bit",
    "Gbit",
    "Tbit",
    "byte",
    "MMBtu",
    "USD",
    "kUSD",
    "MUSD",
    "GUSD",
    "USD/kg",
    "USD/kWh",
    "USD/MWh",
    "USD/MMBtu",
    "USD/W",
    "USD/kW",
    "MUSD/MW",
    "USD/(MW yr)",
    "USD/(kW yr)",
    "USD/min",
    "USD/h",
    "kg/kWh",
    "kg/kW",
    "kg/W",
    "m2/kW",
    "m2/W",
    "W/m2",
    "W m-2",
    "W.m-2",
    "W*m**-2",
    "W m^-2",
    "kg m-2",
    "kg/m2",
    "kg/m3",
    "m/s",
    "km/s",
    "m s-1",
    "Gbit/s",
    "Tbit/s",
    "MeV cm2/mg",
    "1/s",
    "s-1",
    "deg/s",
    "W/(m2 K)",
    "W/K",
    "J/kg",
    "kg/(m2 s)",
    "(m)",
    "m2",
    "m3",
    "km2",
    # left to astropy: offsets, logarithms, unknown names, an ambiguous order of division
    "degC",
    "deg_C",
    "degF",
    "dB",
    "dBW",
    "cd",
    "Gyr",
    "kt",
    "ha",
    "lb",
    "AU",
    "au",
    "m/s/s",
    "W/m2 K",
    "sr",
    "arcsec",
    "foo",
    "k",
    "M",
]
TARGETS = [
    "m",
    "s",
    "kg",
    "W",
    "J",
    "USD/kg",
    "USD/J",
    "USD/W",
    "USD/(W s)",
    "kg/J",
    "kg/W",
    "m2/W",
    "K",
    "deg",
    "",
    "m/s",
    "W/m2",
    "bit/s",
    "Hz",
    "h",
    "percent",
]


def astropy_or_error(value, unit, bare=None):
    try:
        return units_module._astropy_value(value, unit, "x", bare)
    except OrbitalInputError:
        return "refused"


import orbital.units as units_module  # noqa: E402


@pytest.mark.parametrize("target", TARGETS)
def test_the_plain_reader_agrees_with_astropy_on_every_spelling_it_takes(target):
    """Every value the plain reader converts is astropy's to 1e-15 (the same factors in another order), and
    it takes nothing astropy refuses; what it does not know it leaves (None) to astropy."""
    taken = 0
    for spelling in SPELLINGS:
        for value in (f"2.5 {spelling}", 2.5):
            bare = spelling if not isinstance(value, str) else None
            try:
                plain = units_module._plain_value(value, target, bare)
            except Exception as exc:  # the plain reader never raises: it leaves the value to astropy
                pytest.fail(f"{value!r} -> {target!r}: {exc!r}")
            if plain is None:
                continue
            taken += 1
            expected = astropy_or_error(value, target, bare)
            assert expected != "refused", (value, target, bare)
            assert plain == pytest.approx(expected, rel=1e-15, abs=0), (value, target, bare)
    assert taken > 0


def test_the_plain_reader_leaves_what_it_does_not_know():
    for spelling in ("degC", "dB", "cd", "Gyr", "kt", "m/s/s", "W/m2 K", "foo", "k"):
        assert units_module._plain_unit(spelling) is None, spelling
    assert units_module._plain_value("2 USD/kWh", "USD/J", None) == pytest.approx(2 / 3.6e6, rel=1e-15)
    assert units_module._plain_value("20 degC", "K", None) == 293.15  # the one offset taken, into kelvin
    assert units_module._plain_value("20 degC", "mK", None) is None
    assert units_module._plain_value("650 kg", "m", None) is None  # astropy writes the error


@given(
    st.lists(
        st.sampled_from(["m", "km", "s", "h", "yr", "kg", "t", "W", "kW", "MUSD", "Wh", "deg", "cd", "Gyr"]),
        min_size=1,
        max_size=3,
    ),
    st.lists(st.sampled_from(["", "2", "-1", "^3", "**-2"]), min_size=3, max_size=3),
    st.sampled_from([" ", "*", ".", "/", " / "]),
    st.booleans(),
    st.sampled_from(["m", "W", "USD/W", "kg/W", "s", "J"]),
)
def test_random_unit_expressions_read_as_astropy_reads_them(names, powers, join, bracket, target):
    """Property: any product or quotient of known units with powers reads to astropy's number, or is left."""
    factors = [n + p for n, p in zip(names, powers[: len(names)], strict=True)]
    text = factors[0] + (
        join + ("(" + " ".join(factors[1:]) + ")" if bracket else " ".join(factors[1:])) if len(factors) > 1 else ""
    )
    plain = units_module._plain_value(f"3 {text}", target, None)
    if plain is not None:
        expected = astropy_or_error(f"3 {text}", target)
        assert expected != "refused", text
        assert plain == pytest.approx(expected, rel=1e-14), text


def test_scenarios_and_the_composer_do_not_import_astropy():
    """A warm run reads every bundled scenario's values without astropy (~0.15 s of imports, issue 22)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from orbital.scenario import bundled_scenarios, load_scenario\n"
        "from orbital.units import as_time\n"
        "for name in bundled_scenarios():\n"
        "    load_scenario(name)\n"
        "as_time('2026-06-21T12:30:00', name='t').decimalyear\n"
        "print(sorted(m for m in sys.modules if m.startswith('astropy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- instants without astropy.time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-01",
        "2026-06-21T12:30:00",
        "2026-01-01T06:30:15.123",
        "2040-03-01 01:02:03",
        "1999-12-31T23:59:59.9995",
        "2016-12-31T23:59:60.5",
        "2017-01-01T00:00:00",
    ],
)
def test_epochs_are_astropys_times(text):
    """Epoch is ERFA's calendar, as inside astropy: the same Julian date (to 1 ulp), ISO strings, decimal year."""
    from astropy.time import Time

    mine, theirs = as_time(text, name="t"), Time(text, scale="utc")
    assert mine.jd == pytest.approx(theirs.jd, rel=1e-16, abs=1e-9)
    assert mine.isot == theirs.isot and mine.iso == theirs.iso
    assert mine.decimalyear == pytest.approx(theirs.decimalyear, rel=0, abs=1e-12)
    assert as_time(theirs, name="t").jd == pytest.approx(mine.jd, rel=1e-16, abs=1e-9)
    assert (mine.astropy - theirs).to_value("s") == pytest.approx(0.0, abs=1e-6)
    assert abs((mine.datetime - theirs.to_datetime(leap_second_strict="silent")).total_seconds()) < 1.000001


def test_epochs_from_other_types_compare_hash_and_pickle():
    import datetime
    import pickle

    from orbital import Epoch, Orbit

    a = as_time("2026-06-21T12:00:00", name="t")
    assert as_time(datetime.datetime(2026, 6, 21, 12), name="t") == a
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    assert as_time(datetime.datetime(2026, 6, 21, 21, tzinfo=tokyo), name="t") == a
    assert as_time(np.datetime64("2026-06-21T12:00"), name="t") == a
    assert as_time(datetime.date(2026, 6, 21), name="t") < a
    assert as_time("2026-06-21T12:00:00Z", name="t") == a
    assert hash(Epoch(a.jd1, a.jd2)) == hash(a) and pickle.loads(pickle.dumps(a)) == a
    assert repr(a) == "Epoch('2026-06-21T12:00:00.000')"
    assert Orbit(altitude=550e3, inclination=53.0, raan=0.0, epoch="2026-06-21T12:00").epoch == a
    with pytest.raises(AttributeError):
        a.jd1 = 0.0


@pytest.mark.parametrize(
    "bad", ["2026-02-30", "2026-13-01", "2026-01-01T24:00", "2026-01-01T23:59:60", "01/01/2026", "2026-1-1x", "", "NaT"]
)
def test_dates_that_do_not_exist_are_refused(bad):
    with pytest.raises(OrbitalInputError, match=r"start = .* is not an ISO 8601 date"):
        as_time(bad, name="start")
    with pytest.raises(OrbitalInputError, match="is not a date"):
        as_time(np.datetime64("NaT"), name="start")
