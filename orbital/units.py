"""Units at the edge: turn what a user types into the floats the kernels take.

The physics kernels work on plain floats in SI units (angles in degrees, local
times in hours). Everything a user gives -- a CLI option, a scenario value, an
argument of the Python API -- passes once through :func:`as_float` (or
:func:`as_time`), which accepts

* a string with a unit: ``"650 km"``, ``"2.5 mm"``, ``"1 MW"``, ``"5 yr"``,
  ``"20 degC"``, ``"20 °C"``, ``"293 K"``, ``"200 USD/kg"``, ``"0.04 USD/kWh"``;
* a clock time for a quantity measured in hours: ``"18:00"``, ``"06:30:15"``;
* a bare number (or numeric string), taken in the parameter's documented unit;
* an :class:`astropy.units.Quantity`;

and returns the value in the unit the caller asks for, or raises
:class:`~orbital.errors.OrbitalInputError` naming the parameter, the value and
the expected dimension.
"""

from __future__ import annotations

import datetime as _datetime
import functools
import math
import re
import sys
import warnings

import numpy as np

from .errors import OrbitalInputError

__all__ = ["MMBtu", "USD", "Wh", "Epoch", "as_float", "as_time", "is_time", "utc_datetime64"]  # noqa: F822 (USD, Wh, MMBtu: lazy)


@functools.cache
def _astropy():
    """astropy.units with the package's units, imported only for what the plain reader below leaves
    (Quantities, affine or logarithmic units, unusual spellings, every error message): ~0.1 s."""
    import astropy.units as u

    extra: dict = {}  # namespace of the units below and their prefixed forms
    # The package's currency unit, with SI prefixes ("11.7 MUSD/MW"). Prices are nominal US dollars of
    # the year their source states; nothing is inflated implicitly.
    u.def_unit("USD", prefixes=True, namespace=extra, doc="United States dollar")
    # Watt-hour, with SI prefixes (kWh, MWh, ...), for energies and prices per energy.
    u.def_unit("Wh", u.W * u.h, prefixes=True, namespace=extra, doc="watt hour")
    # Million British thermal units (1 BTU = 1055.05585 J, the International Table BTU), for fuel prices.
    u.def_unit("MMBtu", 1e6 * u.imperial.BTU, namespace=extra, doc="million BTU")
    aliases = {"degC": u.deg_C, "celsius": u.deg_C, "degF": u.imperial.deg_F}
    return u, extra, aliases


def __getattr__(name):
    # USD, Wh and MMBtu are astropy units: built when first asked for, so importing this module is cheap.
    if name in ("USD", "Wh", "MMBtu"):
        return _astropy()[1][name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_CLOCK = re.compile(r"^\s*(\d{1,2}):([0-5]\d)(?::([0-5]\d(?:\.\d*)?))?\s*$")


def _clock_hours(clock) -> float:
    """Hours of a ``_CLOCK`` match ("18:00", "06:30:15")."""
    return int(clock.group(1)) + int(clock.group(2)) / 60 + float(clock.group(3) or 0) / 3600


# -- the plain reader: the package's own spellings without astropy ---------------------------------------
# A warm run reads ~500 values; importing astropy.units for them cost more than the whole composition.
# The reader knows products, quotients (one "/" per level, then a factor or a bracket), integer powers
# and SI prefixes of the units below, and nothing else: whatever it does not know, and every error,
# goes to astropy, the authority. tests/test_units.py checks every spelling it accepts against astropy.

#: Dimension exponents are over these base quantities.
_BASES = ("m", "kg", "s", "A", "K", "USD", "rad", "bit")


def _dims(**powers):
    return tuple(powers.get(b, 0) for b in _BASES)


#: Unit -> (factor to SI, dimension), with astropy's definitions (yr = 365.25 d, t = 1000 kg).
_PLAIN_UNITS = {
    "m": (1.0, _dims(m=1)),
    "g": (1e-3, _dims(kg=1)),
    "s": (1.0, _dims(s=1)),
    "A": (1.0, _dims(A=1)),
    "K": (1.0, _dims(K=1)),
    "USD": (1.0, _dims(USD=1)),
    "rad": (1.0, _dims(rad=1)),
    "bit": (1.0, _dims(bit=1)),
    "byte": (8.0, _dims(bit=1)),
    "W": (1.0, _dims(kg=1, m=2, s=-3)),
    "J": (1.0, _dims(kg=1, m=2, s=-2)),
    "Wh": (3600.0, _dims(kg=1, m=2, s=-2)),
    "eV": (1.602176634e-19, _dims(kg=1, m=2, s=-2)),
    "N": (1.0, _dims(kg=1, m=1, s=-2)),
    "Pa": (1.0, _dims(kg=1, m=-1, s=-2)),
    "Hz": (1.0, _dims(s=-1)),
    "V": (1.0, _dims(kg=1, m=2, s=-3, A=-1)),
    "min": (60.0, _dims(s=1)),
    "h": (3600.0, _dims(s=1)),
    "d": (86400.0, _dims(s=1)),
    "day": (86400.0, _dims(s=1)),
    "yr": (31557600.0, _dims(s=1)),
    "t": (1000.0, _dims(kg=1)),
    "deg": (math.pi / 180.0, _dims(rad=1)),
    "percent": (0.01, _dims()),
    "%": (0.01, _dims()),
    "MMBtu": (1.05505585e9, _dims(kg=1, m=2, s=-2)),
}
#: Units that take SI prefixes in astropy (and here).
_PREFIXABLE = ("m", "g", "s", "A", "K", "USD", "rad", "bit", "byte", "W", "J", "Wh", "eV", "N", "Pa", "Hz", "V")
_PREFIXES = {"P": 1e15, "T": 1e12, "G": 1e9, "M": 1e6, "k": 1e3, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12}
#: The temperatures with an offset the reader takes, as a whole unit read into kelvin.
_CELSIUS = ("degC", "deg_C", "°C", "celsius")


def _plain_name(name):
    if name in _PLAIN_UNITS:
        return _PLAIN_UNITS[name]
    for base in _PREFIXABLE:
        prefix = name[: -len(base)]
        if name.endswith(base) and prefix in _PREFIXES:
            factor, dims = _PLAIN_UNITS[base]
            return _PREFIXES[prefix] * factor, dims
    return None


@functools.lru_cache(maxsize=512)
def _plain_unit(text: str):
    """(factor to SI, dimension) of a unit the plain reader knows, else None."""
    if not text.strip():
        return 1.0, _dims()  # dimensionless
    factor, dims, position = _plain_product(text.strip(), 0)
    return (factor, dims) if factor is not None and position == len(text.strip()) else None


_PLAIN_POWER = re.compile(r"(?:\^|\*\*)?([-+]?\d+)")
_PLAIN_NAME = re.compile(r"[A-Za-z%°_]+")
_PLAIN_JOIN = re.compile(r"\s*(/|\*|\.|\s)\s*")


def _plain_power(text, position):
    match = _PLAIN_POWER.match(text, position)
    return (int(match.group(1)), match.end()) if match else (1, position)


def _plain_factor(text, position):
    """One unit name or bracketed product with its power: (factor, dims, next position) or Nones."""
    if text.startswith("(", position):
        factor, dims, position = _plain_product(text, position + 1)
        if factor is None or not text.startswith(")", position):
            return None, None, position
        position += 1
    else:
        match = _PLAIN_NAME.match(text, position)
        unit = _plain_name(match.group(0)) if match else None
        if unit is None:
            return None, None, position
        factor, dims = unit
        position = match.end()
    power, position = _plain_power(text, position)
    return factor**power, tuple(d * power for d in dims), position


def _plain_product(text, position):
    """Factors joined by spaces, "*" or "." and at most one "/" (then one factor) per level."""
    factor, dims, position = _plain_factor(text, position)
    while factor is not None and position < len(text) and text[position] != ")":
        join = _PLAIN_JOIN.match(text, position)
        if join is None:
            return None, None, position
        other, other_dims, after = _plain_factor(text, join.end())
        if other is None:
            return None, None, position
        if join.group(1) == "/":
            factor, dims = factor / other, tuple(a - b for a, b in zip(dims, other_dims, strict=True))
            position = after
            break  # "a/b c" or "a/b/c" are astropy's to read
        factor, dims, position = factor * other, tuple(a + b for a, b in zip(dims, other_dims, strict=True)), after
    return factor, dims, position


_NUMBER_AND_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(\S.*?)?\s*$")


def _plain_value(value, unit, bare_unit):
    """``value`` in ``unit`` by the plain reader, or None for astropy to read (and explain)."""
    if not isinstance(unit, str) or not (bare_unit is None or isinstance(bare_unit, str)):
        return None
    target = _plain_unit(unit)
    bare = target if bare_unit is None else _plain_unit(bare_unit)
    if target is None or bare is None:
        return None
    if isinstance(value, str):
        clock = _CLOCK.match(value)
        if clock:
            hours = _clock_hours(clock)
            if hours > 24 or target[1] != _dims(s=1):
                return None
            return hours * (3600.0 / target[0])
        match = _NUMBER_AND_UNIT.match(value)
        if match is None:
            return None
        number = float(match.group(1))
        text = match.group(2)
        if text in _CELSIUS:  # an offset, not a factor: only into kelvin itself
            return number + 273.15 if unit == "K" else None
        given = bare if text is None else _plain_unit(text)
    elif isinstance(value, (bool, np.bool_)) or value is None or _is_quantity(value):
        return None
    else:
        try:
            number = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            return None
        given = bare
    if given is None or given[1] != target[1]:
        return None
    return number if given[0] == target[0] else number * (given[0] / target[0])


def _is_quantity(value):
    units = sys.modules.get("astropy.units")  # a Quantity exists only if astropy.units was imported
    return units is not None and isinstance(value, units.Quantity)


def _parse_unit(unit):
    return _parse_unit_text(unit) if isinstance(unit, str) else _astropy()[0].Unit(unit)


@functools.lru_cache(maxsize=512)
def _parse_unit_text(unit: str):
    # Enabling the package's units costs ~0.5 ms per call: parse each unit string once.
    u, extra, aliases = _astropy()
    with u.add_enabled_units(extra), u.add_enabled_aliases(aliases):
        return u.Unit(unit)


def _dimension(unit) -> str:
    kind = str(unit.physical_type)
    if kind == "dimensionless":
        return "plain number"
    return f"quantity in {unit.to_string()}" if kind == "unknown" else kind  # currencies have no physical type


def _parse_string(text: str, target, bare, name: str):
    u, extra, aliases = _astropy()
    clock = _CLOCK.match(text)
    if clock:
        if target.physical_type != u.get_physical_type("time"):
            raise OrbitalInputError(
                f"{name} = {text!r}: a clock time is only valid for a time, but {name} is a {_dimension(target)}"
            )
        hours = _clock_hours(clock)
        if hours > 24:
            raise OrbitalInputError(f"{name} = {text!r} is not a clock time between 00:00 and 24:00")
        return hours * u.h
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return number * bare
    try:
        match = _NUMBER_AND_UNIT.match(text)
        if match and match.group(2):  # "650 km": the unit through the cache
            return float(match.group(1)) * _parse_unit_text(match.group(2))
        with u.add_enabled_units(extra), u.add_enabled_aliases(aliases):
            return u.Quantity(text)
    except (TypeError, ValueError) as exc:
        raise OrbitalInputError(
            f"{name} = {text!r} could not be read as a {_dimension(target)} "
            f"(expected something like '{_example(target)}'): {exc}"
        ) from None


def _example(unit) -> str:
    if unit == _astropy()[0].h:
        return "18:00' or '18 h"
    text = unit.to_string()
    return f"1 {text}" if text else "0.5"


def as_float(value, unit, *, name: str, bare_unit=None):
    """Return ``value`` as a float (or float array) expressed in ``unit``.

    Parameters
    ----------
    value : str, float, int, array_like or astropy.units.Quantity
        What the user gave.
    unit : str or astropy.units.UnitBase
        Unit of the returned number, e.g. ``"m"``, ``"deg"``, ``"K"``,
        ``"USD/kWh"``. Its dimension is the one the parameter must have.
    name : str
        Parameter name used in error messages (``"altitude"``,
        ``"--ltan"``, ``"orbit.altitude in scenario.toml"``).
    bare_unit : str or astropy.units.UnitBase, optional
        Unit in which a bare number is taken (the parameter's documented
        unit); defaults to ``unit``.

    Returns
    -------
    float or numpy.ndarray
        The value in ``unit``.

    Raises
    ------
    OrbitalInputError
        The value cannot be parsed, has the wrong dimension, or is not finite.

    Examples
    --------
    >>> as_float("650 km", "m", name="altitude")
    650000.0
    >>> as_float("20 degC", "K", name="radiator temperature")
    293.15
    >>> as_float(650, "m", name="altitude", bare_unit="km")
    650000.0
    >>> as_float("18:00", "h", name="ltan")
    18.0
    """
    plain = _plain_value(value, unit, bare_unit)
    if plain is not None and np.all(np.isfinite(plain)):
        return float(plain) if np.ndim(plain) == 0 else plain
    return _astropy_value(value, unit, name, bare_unit)


def _astropy_value(value, unit, name, bare_unit):
    """:func:`as_float` through astropy: every value the plain reader leaves, and every error message."""
    u = _astropy()[0]
    target = _parse_unit(unit)
    bare = _parse_unit(bare_unit) if bare_unit is not None else target
    if isinstance(value, u.Quantity):
        quantity = value
    elif isinstance(value, str):
        quantity = _parse_string(value, target, bare, name)
    elif isinstance(value, (bool, np.bool_)) or value is None:
        raise OrbitalInputError(f"{name} = {value!r} is not a number with a unit")
    else:
        try:
            number = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise OrbitalInputError(f"{name} = {value!r} is not a number or a string with a unit") from None
        quantity = number * bare
    try:
        with np.errstate(over="ignore"):  # a value too large for its unit is refused just below, not warned about
            result = quantity.to_value(target, equivalencies=u.temperature())
    except u.UnitConversionError:
        raise OrbitalInputError(
            f"{name} = {value!r} has units of {_dimension(quantity.unit)}, "
            f"but {name} must be a {_dimension(target)} (e.g. '{_example(target)}')"
        ) from None
    result = np.asarray(result, dtype=float)
    if not np.all(np.isfinite(result)):
        raise OrbitalInputError(f"{name} = {value!r} is not a finite number in {target}")
    return float(result) if result.ndim == 0 else result


# -- instants ------------------------------------------------------------------------------------------


@functools.total_ordering
class Epoch:
    """One UTC instant: what :func:`as_time` returns and :attr:`orbital.Orbit.epoch` holds.

    A two-part Julian date in UTC (ERFA's quasi-JD, as astropy keeps it), with the few astropy
    ``Time`` attributes the package uses (``jd``, ``jd1``, ``jd2``, ``isot``, ``iso``,
    ``decimalyear``, ``utc``); :attr:`astropy` gives the astropy ``Time`` itself. ERFA does the
    calendar and leap seconds, as it does inside astropy, so the numbers are astropy's (tests check
    them) without the ~0.15 s of importing astropy.time on every run.
    """

    __slots__ = ("jd1", "jd2")

    def __init__(self, jd1, jd2=0.0):
        jd1, jd2 = float(jd1), float(jd2)
        if not (math.isfinite(jd1) and math.isfinite(jd2)):
            raise OrbitalInputError(f"epoch Julian date {jd1!r} + {jd2!r} is not finite")
        # One representation per instant: jd1 the UTC midnight starting the day, jd2 the fraction of it.
        midnight = math.floor(jd1 + jd2 - 0.5) + 0.5
        object.__setattr__(self, "jd1", midnight)
        object.__setattr__(self, "jd2", (jd1 - midnight) + jd2)

    def __setattr__(self, name, value):
        raise AttributeError("an Epoch is immutable")

    @classmethod
    def from_calendar(cls, year, month, day, hour=0, minute=0, second=0.0):
        """The instant of a UTC calendar date and time (ERFA ``dtf2d``: leap seconds included)."""
        import erfa

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", erfa.ErfaWarning)  # "dubious year": after the last known leap second
            jd1, jd2 = erfa.dtf2d("UTC", year, month, day, hour, minute, second)
        if any("end of day" in str(w.message) for w in caught):
            raise ValueError(f"{hour:02d}:{minute:02d}:{second:g} is past the end of {year}-{month:02d}-{day:02d}")
        return cls(jd1, jd2)

    @property
    def jd(self) -> float:
        """Julian date (UTC) [day]."""
        return self.jd1 + self.jd2

    @property
    def utc(self) -> Epoch:
        return self

    @property
    def isscalar(self) -> bool:
        return True

    def _calendar(self, digits=3):
        import erfa

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", erfa.ErfaWarning)
            year, month, day, hmsf = erfa.d2dtf("UTC", digits, self.jd1, self.jd2)
        return int(year), int(month), int(day), [int(x) for x in hmsf.tolist()]

    @property
    def isot(self) -> str:
        """ISO 8601 with a "T" and milliseconds, as astropy writes it: ``2026-01-01T00:00:00.000``."""
        year, month, day, (h, m, s, ms) = self._calendar()
        return f"{year:04d}-{month:02d}-{day:02d}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}"

    @property
    def iso(self) -> str:
        """ISO 8601 with a space: ``2026-01-01 00:00:00.000``."""
        return self.isot.replace("T", " ")

    @property
    def decimalyear(self) -> float:
        """The year and the fraction of it elapsed (UTC), astropy's ``decimalyear``."""
        year = self._calendar()[0]
        start, end = Epoch.from_calendar(year, 1, 1), Epoch.from_calendar(year + 1, 1, 1)
        elapsed = (self.jd1 - start.jd1) + (self.jd2 - start.jd2)
        return year + elapsed / ((end.jd1 - start.jd1) + (end.jd2 - start.jd2))

    @property
    def datetime(self) -> _datetime.datetime:
        """The instant as a naive UTC :class:`datetime.datetime` (microseconds)."""
        year, month, day, (h, m, s, us) = self._calendar(6)
        return _datetime.datetime(year, month, day, h, m, min(s, 59), us)

    @property
    def astropy(self):
        """The instant as an :class:`astropy.time.Time` (imports astropy.time)."""
        from astropy.time import Time

        return Time(self.jd1, self.jd2, format="jd", scale="utc")

    def _key(self):
        return (self.jd1, self.jd2)

    def __eq__(self, other):
        other = _as_epoch_or_none(other)
        return NotImplemented if other is None else self._key() == other._key()

    def __lt__(self, other):
        other = _as_epoch_or_none(other)
        return NotImplemented if other is None else self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Epoch('{self.isot}')"

    def __str__(self):
        return self.isot

    def __reduce__(self):
        return (Epoch, (self.jd1, self.jd2))


def utc_datetime64(jd_utc):
    """Julian dates (UTC) as numpy ``datetime64[us]``, for libraries that take dates (NRLMSIS, IRBEM).

    Linear in the Julian date: on a day that ends with a leap second it is off by up to that second.
    """
    jd = np.asarray(jd_utc, dtype=float)
    return np.datetime64("1970-01-01T00:00:00", "us") + np.round((jd - 2440587.5) * 86400e6).astype("timedelta64[us]")


def is_time(value) -> bool:
    """Whether ``value`` is an instant (an :class:`Epoch` or an astropy ``Time``, scalar or array)."""
    time = sys.modules.get("astropy.time")
    return isinstance(value, Epoch) or (time is not None and isinstance(value, time.Time))


def _as_epoch_or_none(value):
    if isinstance(value, Epoch):
        return value
    time = sys.modules.get("astropy.time")
    if time is not None and isinstance(value, time.Time) and value.isscalar:
        utc = value.utc
        return Epoch(utc.jd1, utc.jd2)
    return None


_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d*)?))?)?(?:Z|[+]00:?00)?$"
)


def as_time(value, *, name: str) -> Epoch:
    """Return ``value`` as a UTC :class:`Epoch`.

    Accepts an ISO 8601 date or date-time string (``"2026-01-01"``,
    ``"2026-06-21T12:00:00"``), a :class:`datetime.datetime` (naive ones are UTC), a
    :class:`datetime.date`, a :class:`numpy.datetime64`, an :class:`Epoch` or a scalar
    :class:`astropy.time.Time`.
    """
    epoch = _as_epoch_or_none(value)
    if epoch is not None:
        return epoch
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        try:
            if match is None:
                raise ValueError("not an ISO date")
            year, month, day, hour, minute = (int(g or 0) for g in match.groups()[:5])
            return _checked_calendar(year, month, day, hour, minute, float(match.group(6) or 0.0))
        except ValueError:
            raise OrbitalInputError(
                f"{name} = {value!r} is not an ISO 8601 date such as '2026-01-01' or '2026-01-01T06:00:00'"
            ) from None
    if isinstance(value, np.datetime64) and not np.isnat(value):
        value = value.astype("datetime64[us]").item()
    if isinstance(value, _datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_datetime.timezone.utc).replace(tzinfo=None)
        second = value.second + value.microsecond / 1e6
        return _checked_calendar(value.year, value.month, value.day, value.hour, value.minute, second)
    if isinstance(value, _datetime.date):
        return _checked_calendar(value.year, value.month, value.day, 0, 0, 0.0)
    raise OrbitalInputError(f"{name} = {value!r} is not a date (give an ISO 8601 string such as '2026-01-01')")


def _checked_calendar(year, month, day, hour, minute, second):
    """A calendar date and time that exists (ERFA refuses a 13th month or a 32nd day), as an Epoch."""
    import erfa

    if not (1 <= month <= 12 and 1 <= day <= 31 and 0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second < 61):
        raise ValueError("no such date")
    try:
        return Epoch.from_calendar(year, month, day, hour, minute, second)
    except erfa.ErfaError as exc:
        raise ValueError(str(exc)) from None
