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

import functools
import re

import astropy.units as u
import numpy as np
from astropy.time import Time

from .errors import OrbitalInputError

__all__ = ["MMBtu", "USD", "Wh", "as_float", "as_time"]

_EXTRA_UNITS: dict = {}  # namespace of the units below and their prefixed forms

#: The package's currency unit, with SI prefixes ("11.7 MUSD/MW"). Prices are
#: nominal US dollars of the year their source states; nothing is inflated implicitly.
USD = u.def_unit("USD", prefixes=True, namespace=_EXTRA_UNITS, doc="United States dollar")

#: Watt-hour, with SI prefixes (kWh, MWh, ...), for energies and prices per energy.
Wh = u.def_unit("Wh", u.W * u.h, prefixes=True, namespace=_EXTRA_UNITS, doc="watt hour")

#: Million British thermal units (1 BTU = 1055.05585 J, the International Table BTU), for fuel prices.
MMBtu = u.def_unit("MMBtu", 1e6 * u.imperial.BTU, namespace=_EXTRA_UNITS, doc="million BTU")

_ALIASES = {"degC": u.deg_C, "celsius": u.deg_C, "degF": u.imperial.deg_F}
_CLOCK = re.compile(r"^\s*(\d{1,2}):([0-5]\d)(?::([0-5]\d(?:\.\d*)?))?\s*$")


def _parse_unit(unit) -> u.UnitBase:
    return _parse_unit_text(unit) if isinstance(unit, str) else u.Unit(unit)


@functools.lru_cache(maxsize=512)
def _parse_unit_text(unit: str) -> u.UnitBase:
    # Enabling the package's units costs ~0.5 ms per call: parse each unit string once.
    with u.add_enabled_units(_EXTRA_UNITS), u.add_enabled_aliases(_ALIASES):
        return u.Unit(unit)


_NUMBER_AND_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(\S.*?)?\s*$")


def _dimension(unit: u.UnitBase) -> str:
    return str(unit.physical_type)


def _parse_string(text: str, target: u.UnitBase, bare: u.UnitBase, name: str):
    clock = _CLOCK.match(text)
    if clock:
        if target.physical_type != u.get_physical_type("time"):
            raise OrbitalInputError(
                f"{name} = {text!r}: a clock time is only valid for a time, but {name} is a {_dimension(target)}"
            )
        hours = int(clock.group(1)) + int(clock.group(2)) / 60 + float(clock.group(3) or 0) / 3600
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
        with u.add_enabled_units(_EXTRA_UNITS), u.add_enabled_aliases(_ALIASES):
            return u.Quantity(text)
    except (TypeError, ValueError) as exc:
        raise OrbitalInputError(
            f"{name} = {text!r} could not be read as a {_dimension(target)} "
            f"(expected something like '{_example(target)}'): {exc}"
        ) from None


def _example(unit: u.UnitBase) -> str:
    if unit == u.h:
        return "18:00' or '18 h"
    return f"1 {unit.to_string()}"


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


def as_time(value, *, name: str) -> Time:
    """Return ``value`` as a UTC :class:`astropy.time.Time`.

    Accepts an ISO 8601 date or date-time string (``"2026-01-01"``,
    ``"2026-06-21T12:00:00"``), a :class:`datetime.datetime`, a
    :class:`numpy.datetime64` or a :class:`~astropy.time.Time`.
    """
    if isinstance(value, Time):
        return value.utc
    if isinstance(value, str):
        text = value.strip()
        try:
            return Time(text, format="isot" if "T" in text else "iso", scale="utc")
        except ValueError:
            raise OrbitalInputError(
                f"{name} = {value!r} is not an ISO 8601 date such as '2026-01-01' or '2026-01-01T06:00:00'"
            ) from None
    try:
        return Time(value, scale="utc")
    except (TypeError, ValueError):
        raise OrbitalInputError(
            f"{name} = {value!r} is not a date (give an ISO 8601 string such as '2026-01-01')"
        ) from None
