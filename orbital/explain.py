"""Why two scenarios disagree: the change of the cost ratio attributed to groups of keys (``orbital explain``).

Scenario A is moved to scenario B one group of keys at a time (orbit, compute hardware, solar, thermal,
radiation, launch, spacecraft cost, maintenance, terrestrial power, terrestrial facility, finance,
workload; or groups of the user's). Every subset S of the groups defines a scenario: A with the keys of
the groups in S taken from B. Its value v(S) (the cost ratio, and each side's LCOC) is computed for all
2^n subsets, and the change v(all) − v(∅) is attributed two ways:

* **Shapley values**, ``φ_g = Σ_{S ⊆ G∖{g}} |S|! (n − |S| − 1)! / n! · [v(S ∪ {g}) − v(S)]``: the average
  of a group's contribution over every order of the steps. They add up to the total change
  (efficiency), a group that changes nothing gets zero, and swapping A and B negates them.
* **The sequential waterfall** in the groups' order: v({g₁}) − v(∅), v({g₁, g₂}) − v({g₁}), …, whose
  steps also add up to the total but depend on the order.

Groups whose differences are all numbers the composer vectorizes are evaluated together, one compose
call over all their subsets; groups that differ in text, flags or the orbit physics (the orbit, the
vehicle, the shield's track, the lifetime) are evaluated subset by subset of those groups.

References
----------
Shapley, L. S. (1953), "A value for n-person games", Contributions to the Theory of Games II, 307-317.
"""

from __future__ import annotations

import math
import sys
import types
from dataclasses import dataclass

import numpy as np

from . import catalogs, model
from .errors import OrbitalInputError
from .results import Report, Table
from .scenario import SCHEMA, Scenario
from .sweep import VECTOR_KEYS, physics_for

__all__ = [
    "DEFAULT_GROUPS",
    "FAVOURABLE",
    "OUTPUTS",
    "Explanation",
    "default_groups",
    "drivers",
    "explain",
    "favourable",
]

#: What an explanation attributes: name -> (where in :func:`orbital.model.compose`'s answer, unit).
OUTPUTS = {
    "cost_ratio": (("cost_ratio",), ""),
    "lcoc_orbital": (("orbital", "lcoc_usd_per_mwh"), "USD/MWh"),
    "lcoc_terrestrial": (("terrestrial", "lcoc_usd_per_mwh"), "USD/MWh"),
}

_SPACECRAFT_COST = ("bus_cost", "array_cost", "radiator_cost", "battery_cost", "compute_integration", "insurance_rate")
_GROUND_POWER = (
    "power_source", "electricity_price", "grid_co2", "gas_capex", "gas_heat_rate", "gas_price",
    "gas_capacity_factor", "site", "solar_cell", "pv_capex", "storage_capex", "power_plant_life", "pv_life",
    "storage_life", "round_trip_efficiency", "array_oversize", "grid_share", "storage_hours",
)  # fmt: skip

#: The default groups: name -> the ``section.key`` names they hold (every key of every section but
#: ``[scenario]``, ``[claim]`` and ``[uncertainty]`` is in exactly one).
DEFAULT_GROUPS = {
    "orbit": [f"orbit.{k}" for k in SCHEMA["orbit"]] + [f"downlink.{k}" for k in SCHEMA["downlink"]],
    "compute hardware": [f"compute.{k}" for k in SCHEMA["compute"]],
    "solar": [f"solar.{k}" for k in SCHEMA["solar"]],
    "thermal": [f"thermal.{k}" for k in SCHEMA["thermal"]],
    "radiation": [f"radiation.{k}" for k in SCHEMA["radiation"]],
    "launch": [f"launch.{k}" for k in SCHEMA["launch"] if k not in _SPACECRAFT_COST],
    "spacecraft cost": [f"launch.{k}" for k in _SPACECRAFT_COST],
    "maintenance": [f"maintenance.{k}" for k in SCHEMA["maintenance"]],
    "terrestrial power": [f"terrestrial.{k}" for k in _GROUND_POWER],
    "terrestrial facility": [f"terrestrial.{k}" for k in SCHEMA["terrestrial"] if k not in _GROUND_POWER],
    "finance": [f"finance.{k}" for k in SCHEMA["finance"]] + [f"trends.{k}" for k in SCHEMA["trends"]],
    "workload": [f"workload.{k}" for k in SCHEMA["workload"]],
}


#: The most favourable sourced value of each key for the orbit ("section__key" -> (value, source)):
#: what ``explain A`` alone moves the scenario to, to show which groups close how much of the gap.
FAVOURABLE = {
    "launch__vehicle": ("starship-reuse", "Starship with reuse (Suncatcher's bottom-up estimate)"),
    "launch__price_per_kg": ("60 USD/kg", "Suncatcher (2025): Starship <= ~60 USD/kg at 10x reuse"),
    "launch__year": (None, "the price above instead of a learning-curve year"),
    "launch__bus_cost": ("770 USD/kg", "Quilty Space (2024): Starlink V1 ~770 USD/kg, the lowest estimate"),
    "compute__chassis_removed": (True, "the rack flown without its terrestrial chassis"),
    "solar__battery": ("li-ion-cycle-life", "depth of discharge from a cycle-life curve"),
    "thermal__radiator_temperature_basis": ("junction-limit", "the radiator as hot as the junction allows"),
    "thermal__loop": ("two-phase", "a two-phase loop (the shortest junction chain, light lines)"),
    "thermal__panel": ("carbon-carbon-heat-pipe", "Juhasz (1998): 1.45 kg/m2, a tested prototype"),
    "terrestrial__electricity_price": ("0.25 USD/kWh", "Suncatcher (2025): the top of terrestrial power spend"),
    "terrestrial__pue": (1.56, "Uptime Institute survey (2024): the industry average PUE"),
    "terrestrial__capex": ("15.0 USD/W", "Cushman & Wakefield (2025): Reno, the dearest of 19 US markets"),
}


def favourable(sc) -> Scenario:
    """The scenario with every key of :data:`FAVOURABLE` at its most favourable sourced value for the orbit
    (a key the scenario's ground does not use, such as the grid price for gas turbines, changes nothing)."""
    sc = _scenario(sc)
    return sc.replace(**{key: value for key, (value, _) in FAVOURABLE.items()}).replace(
        scenario__name=f"{sc.name} (favourable)"
    )


def default_groups() -> dict:
    """A copy of :data:`DEFAULT_GROUPS`."""
    return {name: list(keys) for name, keys in DEFAULT_GROUPS.items()}


@dataclass(frozen=True, repr=False)
class Explanation(Report):
    """The change from scenario ``a`` to scenario ``b`` attributed to groups of keys.

    ``values`` holds each output at A and at B; ``shapley`` and ``waterfall`` map each output to
    {group: change}; ``differences`` lists each group's keys that differ, as (key, A's value, B's value).
    """

    a: str
    b: str
    groups: tuple
    values: dict
    shapley: dict
    waterfall: dict
    differences: dict
    subsets: int
    drivers: tuple = ()
    joined: tuple = ()

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "groups": list(self.groups),
            "values": self.values,
            "shapley": self.shapley,
            "waterfall": self.waterfall,
            "differences": {g: [list(d) for d in diffs] for g, diffs in self.differences.items()},
            "subsets": self.subsets,
            "drivers": list(self.drivers),
            "joined": list(self.joined),
        }

    def ranked(self, output="cost_ratio") -> list:
        """Groups by the size of their Shapley value, largest first."""
        return sorted(self.shapley[output], key=lambda g: -abs(self.shapley[output][g]))

    def table(self) -> Table:
        va, vb = self.values["cost_ratio"]
        t = Table(f"From {self.a} to {self.b}: cost ratio {va:.3g} -> {vb:.3g}")
        t.section("Group                        Shapley   Waterfall   Orbital LCOC  Ground LCOC  (USD/MWh, Shapley)")
        for g in self.ranked():
            t.row(
                g,
                f"{self.shapley['cost_ratio'][g]:+9.3g} {self.waterfall['cost_ratio'][g]:+11.3g}"
                f" {self.shapley['lcoc_orbital'][g]:+14,.0f} {self.shapley['lcoc_terrestrial'][g]:+12,.0f}",
            )
        t.row("total", f"{vb - va:+9.3g} {vb - va:+11.3g}")
        t.section("What differs (A -> B)")
        for g in self.ranked():
            diffs = self.differences.get(g, [])
            if diffs:
                t.row(
                    g,
                    "; ".join(f"{k} {_short(x)} -> {_short(y)}" for k, x, y in diffs[:6])
                    + (" ..." if len(diffs) > 6 else ""),
                )
        for group in self.joined:
            t.row("joined", f"{group}: moved apart, these groups give a design that cannot be built")
        if self.drivers:
            t.section("What drives the answer")
            for line in self.drivers:
                t.row("", line)
        return t

    def __repr__(self) -> str:
        top = ", ".join(f"{g} {self.shapley['cost_ratio'][g]:+.3g}" for g in self.ranked()[:3])
        va, vb = self.values["cost_ratio"]
        return f"Explanation({self.a} -> {self.b}: cost ratio {va:.3g} -> {vb:.3g}; {top})"


def _short(value) -> str:
    if value is None:
        return "(default)"
    if isinstance(value, float):
        return f"{value:.4g}"
    text = str(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _scenario(sc) -> Scenario:
    if isinstance(sc, Scenario):
        return sc
    from .scenario import load_scenario

    return load_scenario(sc)


def _check_groups(groups: dict) -> dict:
    seen = {}
    known = {f"{s}.{k}" for s, keys in SCHEMA.items() for k in keys}
    for name, keys in groups.items():
        if not keys:
            raise OrbitalInputError(f"explain: group {name!r} is empty")
        for key in keys:
            if key not in known:
                raise OrbitalInputError(f"explain: group {name!r}: unknown key {key!r}")
            if key in seen:
                raise OrbitalInputError(f"explain: key {key!r} is in two groups, {seen[key]!r} and {name!r}")
            seen[key] = name
    return {name: list(keys) for name, keys in groups.items()}


def _differences(a: Scenario, b: Scenario, keys) -> list:
    """(key, A's written value, B's written value) for each key whose resolved values differ."""
    out = []
    for full in keys:
        section, _, key = full.partition(".")
        if a.values[section][key] != b.values[section][key]:
            out.append((full, a.given.get(section, {}).get(key), b.given.get(section, {}).get(key)))
    return out


def _vectorizable(a: Scenario, b: Scenario, full: str) -> bool:
    section, _, key = full.partition(".")
    return full in VECTOR_KEYS and a.values[section][key] is not None and b.values[section][key] is not None


def _move(a: Scenario, b: Scenario, keys) -> Scenario:
    """A with ``keys`` taken from B (B's written value, or the default where B gives none). A group moves
    whole, so that keys that only make sense together (server and systems, year and price) go together."""
    changes = {}
    for full in keys:
        section, _, key = full.partition(".")
        changes[f"{section}__{key}"] = b.given.get(section, {}).get(key)
    return a.replace(**changes) if changes else a


def _evaluate(a, b, groups, active, differences, cache) -> dict:
    """Each output for every subset of the ``active`` groups (indexed by bitmask); NaN where a mixture
    cannot be composed."""
    n = len(active)
    masks = np.arange(2**n)
    # Groups with a difference the composer cannot take as an array are walked subset by subset.
    walked = [i for i, g in enumerate(active) if not all(_vectorizable(a, b, k) for k, _, _ in differences[g])]
    vectors = [i for i in range(n) if i not in walked]
    values = {name: np.full(2**n, np.nan) for name in OUTPUTS}
    for combo in range(2 ** len(walked)):
        chosen = [walked[j] for j in range(len(walked)) if combo >> j & 1]
        # Every subset whose walked groups are exactly `chosen`, with the vector groups on or off.
        walked_bits = sum(1 << i for i in chosen)
        walked_mask = sum(1 << i for i in walked)
        subset = masks[(masks & walked_mask) == walked_bits]
        overrides = {}
        for i in vectors:
            on = (subset >> i & 1).astype(bool)
            for full, _, _ in differences[active[i]]:
                section, _, key = full.partition(".")
                overrides[full] = np.where(on, b.values[section][key], a.values[section][key])
        try:
            base = _move(a, b, [k for i in chosen for k in groups[active[i]]])
            out = model.compose(base, physics_for(base, overrides, cache), overrides or None, strict=False)
        except OrbitalInputError:  # this mixture cannot even be read or composed: not finite
            continue
        for name, (path, _) in OUTPUTS.items():
            value = out
            for step in path:
                value = value[step]
            values[name][subset] = np.broadcast_to(np.asarray(value, dtype=float), subset.shape)
    return values


@catalogs.scoped
def explain(a, b, groups: dict | None = None, cache=True) -> Explanation:
    """Attribute the change from scenario ``a`` to scenario ``b`` to groups of keys (Shapley values and
    the sequential waterfall); see the module docstring.

    Parameters
    ----------
    a, b : Scenario or str or path
        The scenarios (files or bundled names are loaded).
    groups : dict, optional
        name -> ``section.key`` names; default :data:`DEFAULT_GROUPS`. Keys that differ but are in no
        group are gathered in a group ``other``.
    cache : bool
        Use the disk cache for the orbit physics.
    """
    a, b = _scenario(a), _scenario(b)
    if b.catalog:  # B's own catalog entries travel with the keys moved from it
        import dataclasses

        a = dataclasses.replace(a, catalog=catalogs.combine(a.catalog, b.catalog))
    groups = _check_groups(default_groups() if groups is None else groups)
    grouped = {k for keys in groups.values() for k in keys}
    skip = {"scenario", "claim", "fleet"}
    rest = [f"{s}.{k}" for s, keys in SCHEMA.items() if s not in skip for k in keys if f"{s}.{k}" not in grouped]
    differences = {name: _differences(a, b, keys) for name, keys in groups.items()}
    if _differences(a, b, rest):
        differences["other"] = _differences(a, b, rest)
        groups["other"] = rest
    active = [g for g in groups if differences.get(g)]
    joined = []
    while True:
        if len(active) > 16:
            raise OrbitalInputError(f"explain: {len(active)} groups differ; at most 16 (2^16 subsets) are attributed")
        values = _evaluate(a, b, groups, active, differences, cache)
        bad = np.zeros(2 ** len(active), dtype=bool)
        for v in values.values():
            bad |= ~np.isfinite(v)
        if not bad.any():
            break
        if bad[0] or bad[-1]:
            end = a.name if bad[0] else b.name
            raise OrbitalInputError(f"explain: {end} itself has no finite cost ratio (a design that cannot be built)")
        # Mixtures that cannot be built (GEO without its vehicle): the groups they move only work together,
        # so they are joined into one and the attribution is made again over fewer groups.
        # The smallest mixture that fails, and the smallest buildable one containing it: its groups join.
        size = np.array([bin(m).count("1") for m in range(len(bad))])
        worst = int(np.flatnonzero(bad)[np.argmin(size[bad])])
        masks = np.arange(len(bad))
        fits = masks[~bad & ((masks & worst) == worst)]
        partner = int(fits[np.argmin(size[fits])])
        names = [active[i] for i in range(len(active)) if partner >> i & 1]
        merged = " + ".join(names)
        groups[merged] = [k for g in names for k in groups.pop(g)]
        differences[merged] = [d for g in names for d in differences.pop(g)]
        joined.append(merged)
        active = [g for g in active if g not in names] + [merged]
    n = len(active)

    def snap(x, v):  # rounding noise of a group that changes nothing to exactly zero
        scale = max(abs(v[0]), abs(v[-1]), 1.0)
        return np.where(np.abs(x) < 1e-9 * scale, 0.0, x)

    shapley = {name: dict(zip(active, snap(_shapley(v, n), v).tolist(), strict=True)) for name, v in values.items()}
    waterfall = {name: dict(zip(active, snap(_waterfall(v, n), v).tolist(), strict=True)) for name, v in values.items()}
    for table in (shapley, waterfall):  # groups that change nothing get exactly zero
        for name in table:
            table[name].update({g: 0.0 for g in groups if g not in active})
    return Explanation(
        a=a.name,
        b=b.name,
        groups=tuple(groups),
        values={name: (float(v[0]), float(v[-1])) for name, v in values.items()},
        shapley=shapley,
        waterfall=waterfall,
        differences={g: differences[g] for g in active},
        subsets=2**n,
        joined=tuple(joined),
    )


def drivers(a, cache=True) -> Explanation:
    """Scenario ``a``'s cost ratio against parity (``orbital explain A``): the walk to
    :func:`favourable`, with the drivers in plain words: what the orbital capex is made of, how much of
    the gap to parity each group's most favourable sourced values close, and the launch price and bus
    cost each alone would need for parity."""
    a = _scenario(a)
    walk = explain(a, favourable(a), cache=cache)
    result = model.run(a, cache)
    capex = result.orbital.capex_breakdown_usd_per_w
    total = sum(capex.values())
    ratio = result.cost_ratio
    parts = sorted(((k, v) for k, v in capex.items() if v > 0), key=lambda kv: -kv[1])
    lines = [
        "orbital capex: "
        + ", ".join(f"{k.replace('_', ' ')} {v / total:.0%}" for k, v in parts)
        + f" of {total:,.0f} USD/W"
    ]
    gap = ratio - 1.0
    if gap > 0:
        shapley = walk.shapley["cost_ratio"]
        closing = [(g, -shapley[g] / gap) for g in walk.ranked() if shapley[g] < 0]
        lines.append(
            f"the gap to parity (ratio {ratio:.3g} -> 1): the most favourable sourced values close "
            + ", ".join(f"{g} {share:.0%}" for g, share in closing)
            + f"; all together reach {walk.values['cost_ratio'][1]:.3g}"
        )
    be = result.break_even_launch_price_usd_per_kg
    lines.append(
        f"parity by launch price alone: below {be:,.0f} USD/kg"
        if be is not None
        else f"parity by launch price alone: {result.break_even_note}"
    )
    lines.append(_parity_bus_cost(a, ratio, cache))
    return Explanation(**{**walk.__dict__, "drivers": tuple(lines)})


def _parity_bus_cost(a: Scenario, ratio: float, cache: bool) -> str:
    """The bus cost per kg at which the orbit meets the ground, everything else as the scenario (the
    orbital LCOC is linear in it)."""
    physics = model.orbit_physics(a, cache)
    at = np.array([0.0, a.launch.bus_cost])
    out = model.compose(a, physics, {"launch.bus_cost": at}, strict=False)
    r = np.asarray(out["cost_ratio"], dtype=float)
    if not np.all(np.isfinite(r)) or r[1] == r[0]:
        return "parity by bus cost alone: not defined here"
    needed = at[1] * (1.0 - r[0]) / (r[1] - r[0])
    if needed < 0:
        return f"parity by bus cost alone: none (even a free bus leaves the ratio at {r[0]:.3g})"
    return f"parity by bus cost alone: below {needed:,.0f} USD/kg (now {a.launch.bus_cost:,.0f})"


def _shapley(v: np.ndarray, n: int) -> np.ndarray:
    """Exact Shapley values of the game v over n players (v indexed by bitmask)."""
    masks = np.arange(2**n)
    size = np.array([bin(m).count("1") for m in masks])
    weight = np.array([math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n) for s in range(n)])
    phi = np.empty(n)
    for i in range(n):
        without = masks[(masks >> i & 1) == 0]
        phi[i] = np.sum(weight[size[without]] * (v[without | (1 << i)] - v[without]))
    return phi


class _CallableModule(types.ModuleType):
    """``orbital.explain(a, b)`` calls :func:`explain`; ``orbital.explain.explain`` is the same function."""

    def __call__(self, a, b, groups=None, cache=True) -> Explanation:
        return explain(a, b, groups, cache)


sys.modules[__name__].__class__ = _CallableModule


def _waterfall(v: np.ndarray, n: int) -> np.ndarray:
    """Steps of the walk adding the groups in order: v({1..i}) - v({1..i-1})."""
    prefix = [(1 << i) - 1 for i in range(n + 1)]
    return np.array([v[prefix[i + 1]] - v[prefix[i]] for i in range(n)])
