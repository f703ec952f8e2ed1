"""Exceptions, warnings and input checks shared by the whole package.

Every check names the parameter, the offending value and the valid range, so a
user (or a scenario file's author) can fix the input without reading code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy


class OrbitalInputError(ValueError):
    """Bad input: a value that cannot be parsed or lies outside a model's validity."""


class OrbitalWarning(UserWarning):
    """The package changed or approximated something the user asked for."""


def _show(value: float, scale: float) -> str:
    return f"{value / scale:.6g}"


def check_range(
    name: str,
    value,
    low: float,
    high: float,
    *,
    unit: str = "",
    scale: float = 1.0,
    low_open: bool = False,
    high_open: bool = False,
    hint: str = "",
) -> "numpy.ndarray":
    """Raise :class:`OrbitalInputError` unless every element of ``value`` lies in the range.

    Parameters
    ----------
    name : str
        Parameter name as the user knows it.
    value : float or array_like
        Value(s) in the kernel's unit.
    low, high : float
        Bounds in the kernel's unit.
    unit : str
        Unit shown in the message; ``value / scale`` is expressed in it.
    scale : float
        Kernel units per displayed unit (1000 to show metres as km).
    low_open, high_open : bool
        Exclude the bound itself.
    hint : str
        Extra advice appended to the message.

    Returns
    -------
    numpy.ndarray
        ``value`` as a float array (a 0-d array for a scalar).
    """
    import numpy as np  # here, not at the top: `import orbital` and `orbital --help` stay light

    arr = np.asarray(value, dtype=float)
    too_low = arr <= low if low_open else arr < low
    too_high = arr >= high if high_open else arr > high
    bad = ~np.isfinite(arr) | too_low | too_high
    if np.any(bad):
        first = float(arr[bad].flat[0])
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        suffix = f" {unit}" if unit else ""
        message = (
            f"{name} = {_show(first, scale)}{suffix} is outside the valid range "
            f"{lo}{_show(low, scale)}, {_show(high, scale)}{hi}{suffix}"
        )
        if hint:
            message += f"; {hint}"
        raise OrbitalInputError(message)
    return arr


def check_choice(name: str, value: str, choices) -> str:
    """Raise :class:`OrbitalInputError` unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise OrbitalInputError(f"{name} = {value!r} is not one of: {', '.join(repr(c) for c in choices)}")
    return value
