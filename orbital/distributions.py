"""Probability distributions of uncertain scenario parameters (a scenario's ``[uncertainty]`` section).

Each distribution is defined in the parameter's SI unit and sampled by its
inverse CDF, so a uniform draw (plain Monte Carlo, a Latin hypercube, a Sobol'
sequence) maps to the parameter the same way everywhere. Bounds truncate
normal and lognormal distributions (the draw is renormalised between them,
not clipped). A zero spread (``sd = 0``, ``sigma = 0``, ``low = high``) is a
constant: a degenerate distribution reproduces the deterministic scenario.

In a scenario file::

    [uncertainty]
    "launch.price_per_kg" = { distribution = "lognormal", median = "500 USD/kg", sigma = 0.7 }
    "terrestrial.electricity_price" = { distribution = "triangular", low = 0.04, mode = 0.08, high = 0.15 }
    "thermal.radiator_temperature" = { distribution = "normal", mean = "20 degC", sd = "10 K", low = "0 degC" }
    "launch.bus_cost" = { distribution = "uniform", low = 500, high = 5000 }

Values take units like the key itself (a bare number is in the key's bare unit);
``sigma`` of a lognormal is the standard deviation of ln(value), dimensionless.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import OrbitalInputError

__all__ = ["DISTRIBUTIONS", "Distribution", "parse_distribution", "support"]

#: Parameters each distribution takes (required, optional).
DISTRIBUTIONS = {
    "normal": (("mean", "sd"), ("low", "high")),
    "lognormal": (("median", "sigma"), ("low", "high")),
    "triangular": (("low", "mode", "high"), ()),
    "uniform": (("low", "high"), ()),
}


@dataclass(frozen=True)
class Distribution:
    """One uncertain parameter: its kind and parameters in SI (``low``/``high`` may be None)."""

    kind: str
    params: dict

    @property
    def constant(self) -> float | None:
        """The value of a degenerate distribution, else None."""
        p = self.params
        if self.kind == "normal" and p["sd"] == 0:
            return p["mean"]
        if self.kind == "lognormal" and p["sigma"] == 0:
            return p["median"]
        if self.kind in ("uniform", "triangular") and p["low"] == p["high"]:
            return p["low"]
        return None

    def _frozen(self):
        from scipy import stats  # imported here: scenario parsing should not pay for scipy.stats

        p = self.params
        if self.kind == "normal":
            return stats.norm(loc=p["mean"], scale=p["sd"])
        if self.kind == "lognormal":
            return stats.lognorm(s=p["sigma"], scale=p["median"])
        if self.kind == "uniform":
            return stats.uniform(loc=p["low"], scale=p["high"] - p["low"])
        width = p["high"] - p["low"]
        return stats.triang(c=(p["mode"] - p["low"]) / width, loc=p["low"], scale=width)

    def _cdf_bounds(self, frozen):
        low, high = self.params.get("low"), self.params.get("high")
        return (0.0 if low is None else float(frozen.cdf(low)), 1.0 if high is None else float(frozen.cdf(high)))

    def ppf(self, u) -> np.ndarray:
        """Values at cumulative probabilities ``u`` in [0, 1) (truncated between the bounds)."""
        u = np.asarray(u, dtype=float)
        if self.constant is not None:
            return np.full(u.shape, float(self.constant))
        frozen = self._frozen()
        a, b = self._cdf_bounds(frozen)
        return frozen.ppf(a + u * (b - a))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` independent draws."""
        return self.ppf(rng.random(n))


def _number(value, name, key, where):
    from .units import as_float

    if isinstance(value, bool):
        raise OrbitalInputError(f"{where}: {name} = {value!r} must be a number or a value with units")
    if name == "sigma":
        return as_float(value, "", name=f"{where}: {name}", bare_unit="")
    return as_float(value, key.unit, name=f"{where}: {name}", bare_unit=key.bare)


def support(dist: Distribution) -> tuple:
    """The interval its draws can fall in, bounds included: (low, high) in SI."""
    p = dist.params
    if dist.constant is not None:
        return dist.constant, dist.constant
    if dist.kind in ("uniform", "triangular"):
        return p["low"], p["high"]
    floor = 0.0 if dist.kind == "lognormal" else -np.inf
    return (floor if p["low"] is None else max(p["low"], floor)), (np.inf if p["high"] is None else p["high"])


def _check_support(dist: Distribution, key, where: str) -> None:
    """Refuse a distribution that can draw values outside the key's valid range (it is never clipped)."""
    if not getattr(key, "valid", None):
        return
    low, high, _, _ = key.bounds
    lo, hi = support(dist)
    scale = key.scale
    unit = f" {key.bare}" if key.bare else ""
    bounded = dist.kind in ("uniform", "triangular")  # their low and high are parameters, not truncations
    for side, beyond, limit in (("low", lo < low, low), ("high", hi > high, high)):
        if beyond:
            drawn = lo if side == "low" else hi
            fix = (
                f"its {side} must be {'>=' if side == 'low' else '<='} {limit / scale:g}"
                if bounded
                else f"truncate it with {side} = {limit / scale:g} (or move it inside the range)"
            )
            raise OrbitalInputError(
                f"{where}: this {dist.kind} distribution draws values {'down' if side == 'low' else 'up'} to "
                f"{drawn / scale:g}{unit}, outside the valid range {key.range_text()}: {fix}"
            )


def parse_distribution(spec, key, where) -> Distribution:
    """Validate one ``[uncertainty]`` entry (a TOML table) for a scenario key into SI.

    Parameters
    ----------
    spec : dict
        ``distribution`` and its parameters (:data:`DISTRIBUTIONS`).
    key : orbital.scenario.Key
        The scenario key it draws (its unit reads the values).
    where : str
        File and key, for messages.
    """
    if not isinstance(spec, dict) or "distribution" not in spec:
        raise OrbitalInputError(
            f"{where} must be a table with a 'distribution' ({', '.join(DISTRIBUTIONS)}) and its parameters"
        )
    kind = spec["distribution"]
    if kind not in DISTRIBUTIONS:
        raise OrbitalInputError(f"{where}: distribution = {kind!r} is not one of: {', '.join(DISTRIBUTIONS)}")
    required, optional = DISTRIBUTIONS[kind]
    given = {k: v for k, v in spec.items() if k != "distribution"}
    missing = [k for k in required if k not in given]
    unknown = [k for k in given if k not in required + optional]
    if missing or unknown:
        problem = f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(unknown)}"
        raise OrbitalInputError(
            f"{where}: a {kind} distribution takes {', '.join(required)}"
            + (f" (and optionally {', '.join(optional)})" if optional else "")
            + f"; {problem}"
        )
    p = {k: float(_number(v, k, key, where)) for k, v in given.items()}
    p.setdefault("low", None)
    p.setdefault("high", None)

    def fail(message):
        raise OrbitalInputError(f"{where}: {message}")

    if kind == "normal" and p["sd"] < 0:
        fail(f"sd = {p['sd']:g} must be >= 0")
    if kind == "lognormal":
        if p["median"] <= 0:
            fail(f"median = {p['median']:g} must be > 0 for a lognormal")
        if p["sigma"] < 0:
            fail(f"sigma = {p['sigma']:g} must be >= 0")
        if p["low"] is not None and p["low"] < 0:
            fail(f"low = {p['low']:g} must be >= 0 for a lognormal")
    if p["low"] is not None and p["high"] is not None and p["low"] > p["high"]:
        fail(f"low = {p['low']:g} must not exceed high = {p['high']:g}")
    if kind == "triangular" and not p["low"] <= p["mode"] <= p["high"]:
        fail(f"mode = {p['mode']:g} must lie between low = {p['low']:g} and high = {p['high']:g}")
    dist = Distribution(kind, p)
    _check_support(dist, key, where)
    if dist.constant is not None:
        centre = dist.constant
        if (p["low"] is not None and centre < p["low"]) or (p["high"] is not None and centre > p["high"]):
            fail(f"the constant value {centre:g} lies outside its bounds")
    elif kind in ("normal", "lognormal"):
        a, b = dist._cdf_bounds(dist._frozen())
        if b - a < 1e-12:
            fail(
                f"the bounds [{p['low']}, {p['high']}] hold no probability of this {kind} "
                "(they exclude the whole distribution)"
            )
    return dist
