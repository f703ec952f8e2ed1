"""Announced satellites checked against physics and today's technology (``orbital check-design``).

The entry point is :func:`orbital.model.check_design`; this module holds the assessment, given the
composer's run and orbit physics (so that it does not import the composer, which reports it).

A scenario's ``[claim]`` section records what a company announced for one satellite (compute power,
array power, radiator area, mass or compute per tonne). :func:`check_design` sets the claim beside the
model's own satellite for the same power on the same orbit, with the scenario's technology choices,
and states what the claim implies:

* the radiator temperature at which the claimed area rejects the satellite's heat (its IT load, bus
  loads and conversion losses; and the IT load alone, which is what a claim usually counts), against
  the highest temperature the system's junction limit allows down the loop's chain;
* the array power the load needs at the end of life on this orbit, against the claimed array;
* the array specific power the claimed mass leaves room for once every other subsystem has the
  model's mass, against the best array in the cell catalog;
* the bus mass per kW the claim implies (satellite less compute), against the model's.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import hardware, solar, thermal
from .errors import OrbitalInputError
from .results import Report, Table
from .scenario import Scenario

__all__ = ["BEST_TECHNOLOGY", "DesignCheck", "assess_claim"]

#: The lightest options the catalogs hold that have been built and tested (not targets such as the
#: unfurlable radiator): what "today's technology" allows the model's own satellite. The solar cell is
#: the catalog's highest specific power.
BEST_TECHNOLOGY = {
    "thermal__panel": "carbon-carbon-heat-pipe",
    "thermal__loop": "two-phase",
    "thermal__radiator_temperature_basis": "junction-limit",
    "solar__battery": "li-ion-cycle-life",
    "compute__chassis_removed": True,
}


@dataclass(frozen=True, repr=False)
class DesignCheck(Report):
    """An announced design set against physics, technology and the model's own satellite.

    ``checks`` holds one dict per implied quantity: ``quantity``, ``unit``, ``claimed`` (what the claim
    says or implies), ``limit`` (what physics or today's technology allows), ``model`` (the model's own
    value for the same power), ``inside`` (True, False or None when the claim does not say) and ``why``.
    """

    scenario: str
    claim: dict
    checks: tuple
    model_mass_kg: float
    model_kg_per_kw: float
    best_technology_kg_per_kw: float
    claimed_mass_kg: float | None
    claimed_kg_per_kw: float | None

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "claim": self.claim,
            "checks": [dict(c) for c in self.checks],
            "model_mass_kg": self.model_mass_kg,
            "model_kg_per_kw": self.model_kg_per_kw,
            "best_technology_kg_per_kw": self.best_technology_kg_per_kw,
            "best_technology": dict(BEST_TECHNOLOGY),
            "claimed_mass_kg": self.claimed_mass_kg,
            "claimed_kg_per_kw": self.claimed_kg_per_kw,
        }

    def table(self) -> Table:
        t = Table(f"{self.claim['name']} ({self.claim['source']}): the claim against physics and the model")
        for c in self.checks:
            verdict = {True: "inside", False: "OUTSIDE", None: "not claimed"}[c["inside"]]
            t.row(
                c["quantity"],
                f"claim {_fmt(c['claimed'])}, limit {_fmt(c['limit'])}, model {_fmt(c['model'])} {c['unit']}: "
                f"{verdict} ({c['why']})",
            )
        mass = f"{self.claimed_mass_kg:,.0f} kg ({self.claimed_kg_per_kw:.1f} kg/kW)" if self.claimed_mass_kg else "-"
        t.row(
            "Mass",
            f"claim {mass}; model {self.model_mass_kg:,.0f} kg ({self.model_kg_per_kw:.1f} kg/kW); with the best "
            f"tested technology in the catalogs {self.best_technology_kg_per_kw:.1f} kg/kW",
        )
        return t

    def __repr__(self) -> str:
        inside = sum(c["inside"] is True for c in self.checks)
        judged = sum(c["inside"] is not None for c in self.checks)
        return f"DesignCheck({self.claim['name']!r}: {inside} of {judged} implied quantities inside the limits)"


def _fmt(x) -> str:
    if x is None:
        return "-"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def assess_claim(sc: Scenario, run, orbit_physics, cache=True) -> DesignCheck:
    """Check the scenario's ``[claim]`` (an announced satellite) against physics and technology.

    Parameters
    ----------
    sc : Scenario
        A scenario with ``[claim] name`` and at least ``[claim] it_power``.
    run, orbit_physics : callable
        :func:`orbital.model.run` and :func:`orbital.model.orbit_physics`.
    cache : bool
        Use the disk cache for the orbit physics.
    """
    c = sc.claim
    if not c.name or c.it_power is None:
        raise OrbitalInputError(
            f"{sc.path or sc.name}: check-design needs a [claim] section with name and it_power "
            "(the announced satellite's compute power)"
        )
    if c.mass is not None and c.specific_power is not None:
        raise OrbitalInputError(f"{sc.path or sc.name}: [claim] give mass or specific_power, not both")
    it_power = c.it_power
    # The model's own satellite for the claimed power (without the claim: its run does not check it again).
    own = sc.replace(compute__satellite_it_power=f"{it_power} W", claim__name=None)
    if sc.compute.it_power < it_power:  # at least one satellite's worth (a count gives way to it)
        own = own.replace(compute__accelerators=None, compute__it_power=f"{it_power} W")
    result = run(own, cache)
    p = result.physics
    physics = orbit_physics(own, cache)
    environment = thermal.RadiatorEnvironment(**physics["radiator_environment"])
    panel = thermal.panel(sc.thermal.panel)
    systems = hardware.fleet(sc.compute)
    unit = hardware.server(max(systems, key=systems.get))

    checks = []
    # Radiator: the temperature the claimed area needs for the peak load's heat, against the junction chain.
    loop = thermal.loop(sc.thermal.loop)
    allowed = unit.junction_limit - loop.junction_drop
    model_area = result.orbital.radiator_area_m2_per_mw * it_power / 1e6
    peak = c.peak_it_power or it_power
    if c.radiator_area is not None:
        heat = peak * p["heat_rejected_per_it_watt"]
        needed = float(thermal.temperature_for_area(heat, c.radiator_area, environment, panel))
        it_only = float(thermal.temperature_for_area(peak, c.radiator_area, environment, panel))
        checks.append(
            {
                "quantity": "Radiator temperature",
                "unit": "K",
                "claimed": needed,
                "limit": allowed,
                "model": float(p["radiator_temperature_k"]),
                "inside": needed <= allowed,
                "why": f"{c.radiator_area:g} m2 rejecting {heat / 1e3:,.0f} kW (peak IT, bus loads, conversion "
                f"losses) must run at {needed - 273.15:.0f} degC ({it_only - 273.15:.0f} degC for the IT load "
                f"alone); {unit.name}'s {unit.junction_limit - 273.15:.0f} degC junction allows "
                f"{allowed - 273.15:.0f} degC through the {loop.name} loop; the model's radiator is "
                f"{model_area:,.0f} m2",
            }
        )
    else:
        checks.append(_unclaimed("Radiator temperature", "K", allowed, float(p["radiator_temperature_k"])))
    # Array: the end-of-life rated power the load needs through the year's worst orbit.
    needed_array = p["array_rated_power_per_it_watt"] * it_power
    if c.array_power is not None:
        checks.append(
            {
                "quantity": "Array power",
                "unit": "kW",
                "claimed": c.array_power / 1e3,
                "limit": needed_array / 1e3,
                "model": needed_array / 1e3,
                "inside": c.array_power >= needed_array * (1 - 1e-9),
                "why": f"the {it_power / 1e3:,.3g} kW average load, bus loads and conversion losses through "
                "eclipses need this rated array at the start of life (degradation to the end of life included)",
            }
        )
    else:
        checks.append(_unclaimed("Array power", "kW", needed_array / 1e3, needed_array / 1e3))
    # Mass: what is left for the array once the rest has the model's mass; the bus the claim implies.
    budget = p["mass_budget_kg_per_kw"]  # per kW of IT, closed with structure, margin and propellant
    model_mass = float(p["satellite_mass_kg"])
    claimed_mass = c.mass if c.mass is not None else (it_power / c.specific_power if c.specific_power else None)
    compute = budget["compute"] * it_power / 1e3
    best = max(solar.catalog_names("cell"), key=lambda n: (solar.cell(n).specific_power, solar.cell(n).efficiency))
    best_power = solar.cell(best).specific_power
    array_power = c.array_power or needed_array
    model_array = needed_array / (budget["solar_array"] * it_power / 1e3) if budget["solar_array"] > 0 else None
    # The model's satellite with the lightest tested technology the catalogs hold: today's limit.
    try:
        lightest = run(own.replace(**BEST_TECHNOLOGY, solar__cell=best), cache).physics
    except OrbitalInputError:  # e.g. the best cell cannot be sized here: keep the scenario's own cell
        lightest = run(own.replace(**BEST_TECHNOLOGY), cache).physics
    lightest_mass = float(lightest["satellite_mass_kg"])
    lightest_bus = (lightest_mass - lightest["mass_budget_kg_per_kw"]["compute"] * it_power / 1e3) / (it_power / 1e3)
    if claimed_mass is not None:
        # Everything but the array scales with the satellite's closing factors as in the model.
        rest = model_mass - budget["solar_array"] * it_power / 1e3 * _closing(budget)
        left = (claimed_mass - rest) / _closing(budget)
        implied = array_power / left if left > 0 else None  # no mass is left for an array at all
        checks.append(
            {
                "quantity": "Array specific power",
                "unit": "W/kg",
                "claimed": implied,
                "limit": best_power,
                "model": model_array,
                "inside": bool(left > 0 and implied <= best_power),
                "why": (
                    f"{claimed_mass:,.0f} kg less the model's {rest:,.0f} kg for everything else leaves "
                    f"{max(left, 0):,.0f} kg for a {array_power / 1e3:,.0f} kW array"
                    if left > 0
                    else f"the model's satellite without its array already weighs {rest:,.0f} kg"
                )
                + f"; the best array in the catalog ({best}) gives {best_power:.0f} W/kg",
            }
        )
        bus = (claimed_mass - compute) / (it_power / 1e3)
        model_bus = (model_mass - compute) / (it_power / 1e3)
        checks.append(
            {
                "quantity": "Bus mass",
                "unit": "kg/kW",
                "claimed": bus,
                "limit": lightest_bus,
                "model": model_bus,
                "inside": bus >= lightest_bus * (1 - 1e-9),
                "why": f"the satellite less its {compute:,.0f} kg of compute ({sc.compute.server}, chassis "
                f"{'removed' if sc.compute.chassis_removed else 'flown'}), per kW of IT; the limit is the model's "
                "bus with the lightest tested technology in the catalogs, the model's own with the scenario's",
            }
        )
    else:
        checks.append(_unclaimed("Array specific power", "W/kg", best_power, model_array))
        checks.append(_unclaimed("Bus mass", "kg/kW", lightest_bus, (model_mass - compute) / (it_power / 1e3)))
    claim = {
        k: sc.claim[k]
        for k in (
            "name",
            "source",
            "it_power",
            "peak_it_power",
            "array_power",
            "radiator_area",
            "mass",
            "specific_power",
        )
    }
    return DesignCheck(
        scenario=sc.name,
        claim=claim,
        checks=tuple(checks),
        model_mass_kg=model_mass,
        model_kg_per_kw=model_mass / (it_power / 1e3),
        best_technology_kg_per_kw=lightest_mass / (it_power / 1e3),
        claimed_mass_kg=claimed_mass,
        claimed_kg_per_kw=None if claimed_mass is None else claimed_mass / (it_power / 1e3),
    )


def _closing(budget: dict) -> float:
    """Satellite mass per kg of subsystems: structure, margin, propulsion and propellant close on the dry
    mass in proportion (:func:`orbital.spacecraft.mass_budget`)."""
    subsystems = ("compute", "solar_array", "battery", "radiator", "power_management", "shielding", "communications")
    return sum(budget.values()) / sum(budget[k] for k in subsystems)


def _unclaimed(quantity, unit, limit, model_value) -> dict:
    return {
        "quantity": quantity,
        "unit": unit,
        "claimed": None,
        "limit": limit,
        "model": model_value,
        "inside": None,
        "why": "the claim does not say",
    }
