"""The explorer's model: a scenario behind controls (``orbital explore``), without any web framework.

:class:`Explorer` holds the loaded scenario and what the user changed. Every change goes through
:meth:`Scenario.replace <orbital.scenario.Scenario.replace>`, so a value is read and checked exactly as
in a scenario file (units, ranges, the model's own messages), and every answer is :func:`orbital.model.run`
of the resulting scenario, so the page shows what ``orbital run`` of the saved scenario prints. Around
the answer: a one-at-a-time tornado (one vectorized composer call) and the explain waterfall from the
loaded scenario. The web page (:mod:`orbital.explore_app`) only draws what :meth:`Explorer.answer` returns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import catalogs, model
from .errors import OrbitalInputError
from .scenario import SCHEMA, Scenario, catalog_entries, load_scenario, resolved_toml
from .sweep import VECTOR_KEYS
from .units import as_float

__all__ = ["CHOICE_CONTROLS", "PHYSICS_CONTROLS", "Control", "Explorer"]

#: Controls that change the orbit physics (a cache miss costs ~1 s, shown as progress): every key
#: :func:`orbital.model.orbit_physics` depends on.
PHYSICS_CONTROLS = tuple(
    f"{section}.{key}" for section, keys in model.PHYSICS_KEYS.items() for key in (keys or SCHEMA[section])
)
#: Choices that change the answer but not the orbit physics: catalogs (vehicle, server, cells, ...),
#: strategies and yes/no switches of the sections the composer reads.
CHOICE_CONTROLS = tuple(
    f"{section}.{key}"
    for section in ("compute", "solar", "thermal", "launch", "workload", "maintenance", "terrestrial")
    for key, spec in SCHEMA[section].items()
    if (spec.kind == "flag" or (spec.kind == "text" and (spec.choices or spec.catalog)))
    and f"{section}.{key}" not in PHYSICS_CONTROLS
)
#: The sections in the order the page shows them.
SECTION_ORDER = (
    "orbit", "radiation", "compute", "solar", "thermal", "launch", "workload", "maintenance", "downlink",
    "terrestrial", "trends", "finance",
)  # fmt: skip
#: The tornado's swing: each key alone at -20 % and +20 % of its value (within its valid range).
TORNADO_SWING = 0.2
TORNADO_BARS = 12


@dataclass(frozen=True)
class Control:
    """One control: a scenario key in its display unit, with the range of its slider."""

    name: str  # "section.key"
    unit: str  # the unit a bare number is in
    description: str  # the default's source (the tooltip)
    value: float | bool | None  # current value in ``unit`` (None: the key is unset)
    low: float
    high: float
    physics: bool  # changing it recomputes the orbit physics
    integer: bool = False
    flag: bool = False  # a yes/no key
    choices: tuple = ()  # a text key's accepted values (its choices or catalog entries)
    text: bool = False  # a text key (a date, a list of stations, a choice)
    placeholder: str = ""  # what an unset key stands for
    slider: bool = True  # False: text only (an unset key with nothing to start a slider from)
    start: float | None = None  # where the slider starts: the value, or what an unset key stands for

    @property
    def section(self) -> str:
        return self.name.partition(".")[0]


class Explorer:
    """A loaded scenario and the changes made to it.

    Parameters
    ----------
    scenario : Scenario, str or path
        The starting point (a bundled name or a file).
    cache : bool
        Use the disk cache for the orbit physics.
    """

    def __init__(self, scenario="baseline", cache=True):
        self.base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        self.cache = cache
        self.changes: dict = {}  # "section.key" -> what the user gave (display-unit number, text or bool)
        self.scenario = self.base
        self.base_result = model.run(self.base, cache)

    # -- controls ---------------------------------------------------------------------------------------

    def controls(self) -> list[Control]:
        """Every key the composer vectorizes, every key the orbit physics depends on, and the catalog
        choices and switches of the composer's sections, grouped by section."""
        names = list(dict.fromkeys((*PHYSICS_CONTROLS, *VECTOR_KEYS, *CHOICE_CONTROLS)))
        order = {section: k for k, section in enumerate(SECTION_ORDER)}
        names.sort(key=lambda n: order.get(n.partition(".")[0], len(order)))  # stable: schema order within
        return [self.control(name) for name in names]

    def control(self, name: str) -> Control:
        section, _, key = name.partition(".")
        spec = SCHEMA[section][key]
        value = self.scenario.values[section][key]
        physics = name in PHYSICS_CONTROLS
        if spec.kind == "flag":
            return Control(name, "", spec.source, bool(value), 0.0, 1.0, physics, flag=True)
        if spec.kind in ("text", "time"):
            shown = value.isot.removesuffix("T00:00:00.000") if spec.kind == "time" else value
            choices = tuple(spec.choices or ())
            if spec.catalog and spec.kind == "text" and name != "downlink.stations":  # one entry of a catalog
                with catalogs.using(self.base.catalog):
                    choices = ("",) * (spec.default == "") + tuple(catalog_entries(spec.catalog))
            placeholder = f"default: {spec.default}" if spec.default not in (None, "") else spec.source
            return Control(name, "", spec.source, shown, 0.0, 1.0, physics, choices=choices, text=True,
                           placeholder=placeholder, slider=False)  # fmt: skip
        scale = spec.scale
        shown = None if value is None else float(value) / scale
        low, high, _, _ = spec.bounds
        low, high = low / scale, high / scale
        placeholder, start = "", shown
        if value is None:  # what the composer uses instead, where it says
            derived = self.base_result.derived.get(section, {}).get(key)
            if name == "orbit.inclination" and self.scenario.orbit.sun_synchronous:
                start = model.scenario_orbit(self.scenario).inclination
                derived = f"{start:.2f} (sun-synchronous)"
            elif derived is not None:
                start = as_float(derived, spec.bare or "", name=name)
            said = derived if derived is not None else spec.source
            placeholder = said if said.startswith("default") else f"default: {said}"
        return Control(
            name, spec.bare or "", spec.source, shown, *_slider_range(start, low, high), physics, spec.integer,
            placeholder=placeholder, slider=start is not None, start=start,
        )  # fmt: skip

    # -- changes ----------------------------------------------------------------------------------------

    def propose(self, name: str, value) -> Scenario:
        """The scenario with ``name`` set to ``value`` (a number in the control's unit, a string with
        units, a bool; None unsets it): :class:`~orbital.errors.OrbitalInputError` with the model's own
        message when the value is refused. Nothing changes until :meth:`accept`."""
        section, _, key = name.partition(".")
        if key not in SCHEMA.get(section, {}):
            raise OrbitalInputError(f"unknown control {name!r}")
        if isinstance(value, str) and not value.strip():
            value = None
        changes = self._linked({**self.changes, name: value}, name, value)
        return self.base.replace(**{k.replace(".", "__"): v for k, v in changes.items()})

    def _linked(self, changes: dict, name: str, value) -> dict:
        """The orbit's two ways of being given, kept consistent: an inclination typed means an orbit that is
        not sun-synchronous; leaving sun-synchronous keeps its inclination; going to it drops a typed one."""
        if name == "orbit.inclination" and value is not None:
            changes["orbit.sun_synchronous"] = False
        elif name == "orbit.sun_synchronous" and not value and changes.get("orbit.inclination") is None:
            changes["orbit.inclination"] = round(model.scenario_orbit(self.scenario).inclination, 4)
        elif name == "orbit.sun_synchronous" and value:
            changes["orbit.inclination"] = None
        return changes

    def accept(self, name: str, value, scenario: Scenario) -> None:
        """Make a proposed change the current point."""
        self.changes = self._linked({**self.changes, name: value}, name, value)
        self.scenario = scenario

    def reset(self) -> None:
        self.changes = {}
        self.scenario = self.base

    def needs_physics(self, scenario: Scenario) -> bool:
        """Whether answering for ``scenario`` would compute orbit physics (seconds) first."""
        return self.cache and not model.physics_is_cached(scenario)

    # -- answers ----------------------------------------------------------------------------------------

    def answer(self, scenario: Scenario | None = None) -> dict:
        """Everything the page shows for ``scenario`` (default the current point): the headline numbers,
        cost and mass breakdowns, the tornado and the waterfall from the loaded scenario."""
        sc = self.scenario if scenario is None else scenario
        result = model.run(sc, self.cache)
        o, t = result.orbital, result.terrestrial
        return {
            "cost_ratio": result.cost_ratio,
            "lcoc_orbital": o.lcoc_usd_per_mwh,
            "lcoc_terrestrial": t.lcoc_usd_per_mwh,
            "break_even_launch_price": result.break_even_launch_price_usd_per_kg,
            "break_even_note": result.break_even_note,
            "parity_budget": result.parity_budget_usd_per_w,
            "parity_text": result.parity_text(),
            "goodput": o.goodput,
            "useful_fraction": o.useful_fraction,
            "ground_goodput": t.goodput,
            "mass_kg_per_kw": o.mass_kg_per_kw,
            "mass_budget": dict(result.physics["mass_budget_kg_per_kw"]),
            "costs": {
                side: {k: v / 1e6 for k, v in model.lifetime_cost_items(sc, s).items() if v != 0}
                for side, s in (("orbital", o), ("terrestrial", t))
            },
            "tornado": self.tornado(sc),
            "waterfall": self.waterfall(sc),
        }

    def tornado(self, sc: Scenario) -> list:
        """The cost ratio with each numeric key alone at ∓20 % of its value, largest swings first:
        ``(name, ratio at -20 %, ratio at +20 %)``, one composer call for all of them."""
        names, lows, highs = [], [], []
        for name in VECTOR_KEYS:
            if name in PHYSICS_CONTROLS:
                continue
            section, _, key = name.partition(".")
            spec, value = SCHEMA[section][key], sc.values[section][key]
            if value is None or value == 0 or not math.isfinite(value):
                continue
            low, high, low_open, high_open = spec.bounds
            down, up = value * (1 - TORNADO_SWING), value * (1 + TORNADO_SWING)
            if spec.integer:
                down, up = math.floor(down), math.ceil(up)
            down, up = sorted((down, up))
            inside = (down > low or (down == low and not low_open)) and (up < high or (up == high and not high_open))
            if not inside or down == up:
                continue
            names.append(name)
            lows.append(down)
            highs.append(up)
        if not names:
            return []
        n = 2 * len(names)
        overrides = {}
        for i, name in enumerate(names):
            section, _, key = name.partition(".")
            column = np.full(n, float(sc.values[section][key]))
            column[2 * i], column[2 * i + 1] = lows[i], highs[i]
            overrides[name] = column
        ratio = np.asarray(
            model.compose(sc, model.orbit_physics(sc, self.cache), overrides, strict=False)["cost_ratio"]
        )
        bars = [(name, float(ratio[2 * i]), float(ratio[2 * i + 1])) for i, name in enumerate(names)]
        bars = [b for b in bars if math.isfinite(b[1]) and math.isfinite(b[2])]
        bars.sort(key=lambda b: -abs(b[2] - b[1]))
        return bars[:TORNADO_BARS]

    def waterfall(self, sc: Scenario) -> dict:
        """The cost ratio's walk from the loaded scenario to ``sc`` by groups of keys (orbital explain)."""
        from .explain import explain

        if not self.changes or sc is self.base:
            return {}
        walk = explain(self.base, sc, cache=self.cache)
        return {group: float(step) for group, step in walk.waterfall["cost_ratio"].items() if step != 0}

    # -- files ------------------------------------------------------------------------------------------

    def toml(self) -> str:
        """The current point as a scenario file (every key resolved, each default with its source)."""
        return resolved_toml(self.scenario)

    def report(self, path, progress=None):
        """The HTML report of the current point, written to ``path``."""
        from .report import write_report

        return write_report(self.scenario, path, "html", progress)


def _slider_range(value, low, high) -> tuple:
    """A slider's span in display units: the valid range where it is narrow, else around the value."""
    finite_low = low if math.isfinite(low) else None
    finite_high = high if math.isfinite(high) else None
    if value is None:
        value = 0.0 if finite_low is None else max(finite_low, 0.0)
    if finite_low is not None and finite_high is not None and finite_high - finite_low <= max(10 * abs(value), 10):
        return finite_low, finite_high
    span = max(abs(value), 1.0)
    start = value - 2 * span if finite_low is None else max(finite_low, 0.0 if value >= 0 else value - 2 * span)
    stop = value + 2 * span if finite_high is None else min(finite_high, value + 2 * span)
    return start, stop
