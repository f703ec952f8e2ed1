"""The composer: a scenario in, orbital and terrestrial side by side per MW of IT load out.

Like pvlib's ModelChain, :func:`run` only calls the physics modules and does the
bookkeeping: the orbit's sunlight, heat environment, drag, radiation and links
(:func:`orbit_physics`, cached on disk because they cost seconds), then the
satellite's mass budget, launches, goodput and hardware attrition, and the
terrestrial facility's power, water and CO₂, then both sides' discounted costs
and the levelized cost of compute. It does no physics itself.

Levelized cost of compute (LCOC) = present value of all costs / present value
of useful IT energy, where useful energy is the IT power × hours × goodput ×
surviving hardware (no repair in orbit; ground hardware is replaced, at a
cost) × uptime. The break-even launch price solves LCOC_orbit(p) = LCOC_ground
for the price per kg to the vehicle's reference orbit.
"""

from __future__ import annotations

import contextvars
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from . import catalogs, downlink, economics, hardware, launch, radiation, solar, spacecraft, terrestrial, thermal
from .cache import cached
from .constants import DAY, JULIAN_YEAR
from .errors import OrbitalInputError
from .orbits import Orbit
from .results import Report
from .scenario import Scenario
from .terrestrial import KWH

__all__ = [
    "PHYSICS_KEYS",
    "RESULT_ROWS",
    "Comparison",
    "Result",
    "Side",
    "compare",
    "compose",
    "check_design",
    "fleet",
    "orbit_physics",
    "physics_is_cached",
    "run",
    "scenario_orbit",
]

_HOURS_PER_YEAR = JULIAN_YEAR / 3600.0
# Bumped when what orbit_physics computes changes; 2: the radiation track's version joined the key
# (entries from before the phase-averaged tracks held the old dose); 6: the heavy-ion LET spectra joined.
_PHYSICS_VERSION = 7


# --------------------------------------------------------------------------------------
# The orbit's physics, computed once per orbit and settings and cached
# --------------------------------------------------------------------------------------


def scenario_orbit(sc: Scenario) -> Orbit:
    """The :class:`~orbital.orbits.Orbit` a scenario's ``[orbit]`` section describes."""
    return _orbit_from(sc.orbit)


def _orbit_from(o) -> Orbit:
    if o.sun_synchronous:
        return Orbit.sun_synchronous(o.altitude, o.ltan, o.epoch, o.eccentricity)
    return Orbit(altitude=o.altitude, inclination=o.inclination, raan=0.0, epoch=o.epoch, eccentricity=o.eccentricity)


#: The keys :func:`orbit_physics` depends on (whole sections where the whole section is listed).
#: Everything else is bookkeeping on top of the physics, vectorized over design points by :func:`compose`.
PHYSICS_KEYS = {
    "orbit": None,
    "solar": ("pointing",),
    "thermal": ("coating", "attitude"),
    "finance": ("lifetime",),
    "radiation": ("shielding", "solar", "track_days", "track_samples"),
    "launch": ("solar_activity",),
    "downlink": ("band", "stations", "min_elevation", "availability", "days", "step", "fibre_distance"),
}


def _physics_key(sc: Scenario) -> dict:
    def section(name):
        values = sc.values[name]
        keys = PHYSICS_KEYS[name] or list(values)
        return {k: (values[k].isot if hasattr(values[k], "isot") else values[k]) for k in keys}

    return {
        "version": _PHYSICS_VERSION,
        "track_version": radiation.TRACK_VERSION,
        "orbit": section("orbit"),
        "solar": section("solar"),
        "thermal": section("thermal"),
        "lifetime": sc.finance.lifetime,
        "radiation": section("radiation"),
        "launch": section("launch"),
        "downlink": section("downlink"),
        # User catalog entries (coatings, stations, terminals) change the physics under the same names.
        **({"catalog": sc.catalog} if sc.catalog else {}),
    }


def physics_is_cached(sc: Scenario) -> bool:
    """Whether :func:`orbit_physics` of the scenario is already in the disk cache."""
    from .cache import is_cached

    return is_cached("physics", _physics_key(sc))


def radiation_behind_shield(env: radiation.TrappedEnvironment, shielding) -> dict:
    """Dose [rad(Si)/yr] and proton flux above 10 MeV [cm⁻² s⁻¹] behind an Al shield [m] on a track.

    Trapped particles of ``env`` plus galactic cosmic rays; the same numbers drive the composer's
    upset rates and the goodput map. ``shielding`` may be an array (each distinct thickness is
    transported once); the results then have its shape.
    """
    from .heavy_ions import let_spectra

    t = np.asarray(shielding, dtype=float)
    depths, inverse = np.unique(t, return_inverse=True)
    dose = radiation.dose_depth(env, depths)
    galactic = radiation.cosmic_rays(env, depths)
    flux = radiation.shielded_proton_flux(env, depths) + galactic.proton_flux

    def at_shielding(values):
        picked = np.asarray(values)[inverse].reshape(t.shape)
        return float(picked) if picked.ndim == 0 else picked

    index = inverse.reshape(t.shape)
    spectra = let_spectra(env, depths)[1]
    return {
        "dose_per_year": at_shielding(dose.total),
        "proton_flux": at_shielding(flux),
        "saa_fraction": env.saa_fraction,
        "cosmic_ray_dose": at_shielding(dose.cosmic_ray),
        # Cosmic-ray nuclei Z >= 2 above each LET of heavy_ions.LET_GRID, one row per distinct thickness,
        # and the row of each design point: the chip's heavy-ion rates are weightings of these rows.
        "heavy_ion_let": spectra.tolist() if t.ndim == 0 else spectra,  # a scalar shield's physics is cached as JSON
        "heavy_ion_row": int(index) if index.ndim == 0 else index,
    }


def heavy_ion_rates(chip: radiation.Accelerator, physics_radiation: dict) -> dict:
    """A chip's heavy-ion interruptions, silent corruptions and latch-ups per second at each design
    point, from the LET spectra :func:`radiation_behind_shield` keeps (integral RPP method)."""
    from .heavy_ions import chip_rates

    rates = chip_rates(chip, physics_radiation["heavy_ion_let"])
    row = physics_radiation["heavy_ion_row"]
    return {k: (v[row] if np.ndim(row) else float(v[row])) for k, v in rates.items()}


def orbit_physics(sc: Scenario, cache=True) -> dict:
    """Sunlight, radiator environment, drag density, radiation and links of the scenario's orbit.

    Everything here costs seconds (a year of SGP4 sunlight, NRLMSIS, IRBEM and
    SHIELDOSE-2, passes and ITU-R attenuation), so the result is cached on disk
    (:func:`orbital.cache.cached`) keyed on every setting it depends on.

    Returns
    -------
    dict
        JSON-able: ``summary`` (sunlight), ``illumination``, ``radiator_environment``,
        ``density``, ``radiation`` (dose and proton flux behind the shield, SAA
        fraction) and ``link`` (contacts, rates, volume, latency terms).
    """

    orbit = scenario_orbit(sc)

    def sunlight_part():
        o = sc.orbit
        series = orbit.sunlight(days=o.sunlight_days / DAY, step=o.sunlight_step, shadow=o.shadow)
        summary = series.summary()
        illumination = solar.array_illumination(series, orbit.altitude, sc.solar.pointing)
        coat = thermal.coating(sc.thermal.coating)
        alpha = float(thermal.absorptance_at(sc.finance.lifetime, coat.absorptance, coat.absorptance_rate))
        environment = thermal.radiator_environment(
            series, orbit.altitude, alpha, coat.emittance, 2, sc.thermal.attitude
        )
        density = orbit.mean_density(sc.launch.solar_activity) if orbit.altitude <= 1000e3 else 0.0
        return {
            "summary": {
                "sunlit_fraction": summary.sunlit_fraction,
                "eclipse_days": summary.eclipse_days,
                "max_eclipse_s": summary.max_eclipse_s,
            },
            # Shares of the array's and the radiator's area facing the flow over the year (drag).
            "ram_projection": list(spacecraft.ram_facing_shares(series.beta, sc.solar.pointing, sc.thermal.attitude)),
            "illumination": {
                k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in asdict(illumination).items()
            },
            "radiator_environment": {
                k: float(v) if not isinstance(v, str) else v for k, v in asdict(environment).items()
            },
            "density": float(density),
            # Day by day, for the sunlight figure on a warm cache.
            "daily": {k: v.tolist() for k, v in series.daily_means().items()},
        }

    def radiation_part():
        r = sc.radiation
        env = radiation.trapped_environment(orbit, r.track_days / DAY, int(r.track_samples), r.solar)
        return {"radiation": radiation_behind_shield(env, r.shielding)}

    def link_part():
        d = sc.downlink
        stations = [s.strip() for s in d.stations.split(",") if s.strip()] or None
        link = downlink.link_summary(
            orbit,
            d.band,
            stations,
            min_elevation=d.min_elevation,
            availability=d.availability,
            days=d.days / DAY,
            step=d.step,
            fibre_length=d.fibre_distance,
        )
        return {
            "link": {
                **{k: getattr(link, k) for k in (*_LINK_KEYS, "isl_capacity")},
                # Each station's minutes a day in view of one satellite: the fleet's contention (orbital.fleet).
                "station_minutes_per_day": dict(link.station_minutes_per_day),
            }
        }

    def compute():
        # The three parts are independent and spend their time in compiled code (SGP4 and numpy,
        # IRBEM's Fortran, itur's map loading): threads overlap them on a cold cache.
        with ThreadPoolExecutor(max_workers=3) as pool, catalogs.using(sc.catalog):
            # Each thread runs in a copy of this context, so it sees the scenario's user catalogs.
            parts = [
                pool.submit(contextvars.copy_context().run, part) for part in (radiation_part, sunlight_part, link_part)
            ]
            result = {
                "orbit": {
                    "altitude": orbit.altitude,
                    "inclination": orbit.inclination,
                    "period": orbit.period,
                    "ltan": orbit.ltan,
                }
            }
            for part in parts:
                result.update(part.result())
        return result

    return cached("physics", _physics_key(sc), compute, enabled=cache, validate=_check_physics)


#: The link's numbers the composer keeps (and ``isl_capacity``, None for links to the ground).
_LINK_KEYS = (
    "contact_minutes_per_day",
    "passes_per_day",
    "data_rate",
    "daily_volume",
    "round_trip_latency",
    "mean_wait_for_contact",
    "terrestrial_round_trip_latency",
)

#: The numbers a cached orbit-physics entry holds, part by part.
_PHYSICS_SHAPE = {
    "orbit": ("altitude", "inclination", "period", "ltan"),
    "summary": ("sunlit_fraction", "eclipse_days", "max_eclipse_s"),
    "ram_projection": (0, 1),
    "radiation": ("dose_per_year", "proton_flux", "saa_fraction", "cosmic_ray_dose"),
    "link": _LINK_KEYS,
}


def _check_physics(value) -> None:
    """Raise ``ValueError`` unless a cached physics entry has every part the composer reads, as numbers."""
    import numbers

    def number(part, key, allow_none=False):
        x = value[part][key]
        if not ((allow_none and x is None) or (isinstance(x, numbers.Real) and not isinstance(x, bool))):
            raise ValueError(f"cache entry: {part}.{key} = {x!r} is not a number")

    for part, keys in _PHYSICS_SHAPE.items():
        for key in keys:
            number(part, key)
    number("link", "isl_capacity", allow_none=True)
    minutes = value["link"]["station_minutes_per_day"]
    if not isinstance(minutes, dict) or not all(isinstance(m, numbers.Real) for m in minutes.values()):
        raise ValueError("cache entry: link.station_minutes_per_day is not a table of numbers")
    daily = value["daily"]
    if len({len(daily["beta"]), len(daily["sunlit_fraction"])}) != 1 or not daily["beta"]:
        raise ValueError("cache entry: the daily sunlight series are empty or differ in length")
    if not isinstance(value["density"], numbers.Real):
        raise ValueError("cache entry: density is not a number")
    illumination = value["illumination"]
    lengths = {len(illumination[k]) for k in ("orbit_insolation", "orbit_shadow_time")}
    if len(lengths) != 1 or lengths == {0}:
        raise ValueError("cache entry: the illumination's orbit series are empty or differ in length")
    from dataclasses import fields

    for name in (f.name for f in fields(solar.ArrayIllumination)):
        illumination[name]  # every field present (KeyError otherwise)
    for name in (f.name for f in fields(thermal.RadiatorEnvironment)):
        value["radiator_environment"][name]


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One side of the comparison, per MW of IT load (units in the field names)."""

    capex_usd_per_w: float
    opex_usd_per_mw_year: float
    lifetime_cost_usd_per_mw: float
    lcoc_usd_per_mwh: float
    usd_per_accelerator_hour: float
    usd_per_pflop_day: float
    mass_kg_per_kw: float | None
    launches_per_mw: float | None
    array_area_m2_per_mw: float | None
    radiator_area_m2_per_mw: float | None
    sunlit_fraction: float | None
    goodput: float
    useful_fraction: float
    water_m3_per_mw_year: float
    co2_t_per_mw_year: float
    capex_breakdown_usd_per_w: dict
    opex_breakdown_usd_per_mw_year: dict
    capital_share: dict
    lifetime_cost_breakdown_usd_per_mw: dict


#: The side-by-side table of a result: label, ``Side`` field, unit, format. Used by the CLI, the
#: report, ``Result.to_frame`` and the notebook display.
RESULT_ROWS = (
    ("Capex", "capex_usd_per_w", "USD/W", "{:,.2f}"),
    ("Opex", "opex_usd_per_mw_year", "USD/MW/yr", "{:,.0f}"),
    ("Lifetime cost (PV)", "lifetime_cost_usd_per_mw", "USD/MW", "{:,.0f}"),
    ("Levelized cost of compute", "lcoc_usd_per_mwh", "USD/MWh", "{:,.0f}"),
    ("Per accelerator-hour", "usd_per_accelerator_hour", "USD", "{:,.2f}"),
    ("Per PFLOP-day (dense BF16)", "usd_per_pflop_day", "USD", "{:,.2f}"),
    ("Goodput", "goodput", "", "{:.3f}"),
    ("Useful fraction of IT-hours", "useful_fraction", "", "{:.3f}"),
    ("Mass", "mass_kg_per_kw", "kg/kW", "{:,.1f}"),
    ("Launches", "launches_per_mw", "per MW", "{:.3g}"),
    ("Array area", "array_area_m2_per_mw", "m2/MW", "{:,.0f}"),
    ("Radiator area", "radiator_area_m2_per_mw", "m2/MW", "{:,.0f}"),
    ("Sunlit fraction", "sunlit_fraction", "", "{:.3f}"),
    ("Water", "water_m3_per_mw_year", "m3/MW/yr", "{:,.0f}"),
    ("CO2", "co2_t_per_mw_year", "t/MW/yr", "{:,.0f}"),
)


def _cell(fmt, value) -> str:
    return "-" if value is None else fmt.format(value)


@dataclass(frozen=True, repr=False)
class Result(Report):
    """A scenario's answer: both sides per MW, their ratio, the break-even launch price, the physics behind.

    ``to_dict()`` is ``orbital run --json``; ``rows()`` the side-by-side table (the CLI, the
    report and ``_repr_html_`` show it); ``to_frame()`` the same table with unformatted
    numbers; ``save(directory)`` writes ``result.json``, ``result.csv`` and the resolved scenario.
    """

    scenario: Scenario
    orbital: Side
    terrestrial: Side
    cost_ratio: float
    break_even_launch_price_usd_per_kg: float | None
    break_even_note: str
    physics: dict
    derived: dict
    caveats: tuple = ()
    parity_budget_usd_per_w: float | None = None
    parity_useful_fraction: float | None = None

    def to_dict(self) -> dict:
        """The JSON structure of ``orbital run --json``."""
        from . import __version__

        return {
            "orbital_version": __version__,
            "scenario": self.scenario.name,
            "orbital": asdict(self.orbital),
            "terrestrial": asdict(self.terrestrial),
            "cost_ratio": self.cost_ratio,
            "break_even_launch_price_usd_per_kg": self.break_even_launch_price_usd_per_kg,
            "break_even_note": self.break_even_note,
            "parity_budget_usd_per_w": self.parity_budget_usd_per_w,
            "spacecraft_launch_operations_usd_per_w": self.spacecraft_launch_operations_usd_per_w,
            "parity_useful_fraction": self.parity_useful_fraction,
            "caveats": list(self.caveats),
            "physics": self.physics,
        }

    def __repr__(self) -> str:
        be = self.break_even_launch_price_usd_per_kg
        return (
            f"Result({self.scenario.name!r}: LCOC orbital {self.orbital.lcoc_usd_per_mwh:,.0f} vs terrestrial "
            f"{self.terrestrial.lcoc_usd_per_mwh:,.0f} USD/MWh, ratio {self.cost_ratio:.3g}, break-even "
            + ("none" if be is None else f"{be:,.0f} USD/kg")
            + ")"
        )

    @property
    def spacecraft_launch_operations_usd_per_w(self) -> float:
        """What spacecraft, launch and operations cost now, per W of IT over the study (PV) [USD/W]."""
        items = self.orbital.lifetime_cost_breakdown_usd_per_mw
        fixed = items["capex: hardware"] + items["capex: nre"]
        return (self.orbital.lifetime_cost_usd_per_mw - fixed) / 1e6

    def parity_text(self) -> str:
        """Where the orbit would meet the ground, in one sentence."""
        budget, now = self.parity_budget_usd_per_w, self.spacecraft_launch_operations_usd_per_w
        if budget is None:
            return "parity: undefined"
        if budget <= 0:
            needed = self.parity_useful_fraction
            return (
                "parity: out of reach even with free spacecraft, launch and operations (the hardware alone costs "
                f"more per useful MWh than the ground); it would need a useful fraction of {needed:.3f}"
                + (" (more than every hour)" if needed and needed > 1 else "")
            )
        return (
            f"parity: spacecraft + launch + operations may cost {budget:,.2f} USD/W of IT (now {now:,.2f}, "
            f"{now / budget:.2g}x that)"
        )

    def rows(self) -> list:
        """(label, orbital, terrestrial, unit) of :data:`RESULT_ROWS`, formatted ("-" where a side has none)."""
        o, t = asdict(self.orbital), asdict(self.terrestrial)
        return [(label, _cell(fmt, o[key]), _cell(fmt, t[key]), unit) for label, key, unit, fmt in RESULT_ROWS]

    def verdict(self) -> str:
        """The answer in two sentences: the cost ratio and the break-even launch price (or the parity budget)."""
        be = self.break_even_launch_price_usd_per_kg
        first = "".join(f"Caveat: {c[0].upper()}{c[1:]}. " for c in self.caveats)
        return (
            first
            + f"Cost ratio (orbital / terrestrial levelized cost of compute): {self.cost_ratio:.3g}. "
            + (
                f"Break-even launch price: {be:,.0f} USD/kg."
                if be is not None
                else f"Break-even launch price: {self.break_even_note}; {self.parity_text()}."
            )
        )

    def to_text(self) -> str:
        """The table ``orbital run`` prints."""
        r = self.to_dict()
        o, t = r["orbital"], r["terrestrial"]
        lines = [
            f"orbital {r['orbital_version']}: {r['scenario']} - per MW of IT load, "
            f"{self.scenario.finance.lifetime / JULIAN_YEAR:g}-year life",
            f"  {'':32}{'orbital':>16}{'terrestrial':>16}  unit",
        ]
        lines += [f"  {label:32}{a:>16}{b:>16}  {unit}" for label, a, b, unit in self.rows()]
        lines.append("Capex by item (USD/W)")
        for side_name, side in (("orbital", o), ("terrestrial", t)):
            items = ", ".join(f"{k.replace('_', ' ')} {v:,.2f}" for k, v in side["capex_breakdown_usd_per_w"].items())
            lines.append(f"  {side_name:<12}{items}")
        lines.append("Opex by item (USD/MW/yr)")
        for side_name, side in (("orbital", o), ("terrestrial", t)):
            items = ", ".join(
                f"{k.replace('_', ' ')} {v:,.0f}" for k, v in side["opex_breakdown_usd_per_mw_year"].items()
            )
            lines.append(f"  {side_name:<12}{items}")
        lines.append("Lifetime cost by item (PV, USD/MW): capital x the study's share of it, opex, credits")
        for side_name, side in (("orbital", o), ("terrestrial", t)):
            share = side["capital_share"]
            items = ", ".join(
                f"{k.split(': ')[1].replace('_', ' ')}"
                + (f" (x{share[k[7:]]:.3f})" if k.startswith("capex: ") and share[k[7:]] != 1.0 else "")
                + f" {v:,.0f}"
                for k, v in side["lifetime_cost_breakdown_usd_per_mw"].items()
                if v
            )
            lines.append(f"  {side_name:<12}{items}")
        p = r["physics"]
        lines.append("Behind the orbital side")
        lines.append(
            f"  {p['satellites']} satellites of {p['satellite_mass_kg']:,.0f} kg, {p['satellites_per_launch']} per "
            f"launch ({p['launches']} launches at ${p['launch_price_usd'] / 1e6:,.1f}M, "
            f"${p['price_per_kg_reference']:,.0f}/kg)"
        )
        lines.append(
            f"  dose {p['dose_rad_si_per_year']:,.0f} rad(Si)/yr, "
            f"{p['cluster_interruptions_per_hour']:.3g} interruptions/h "
            f"for {p['accelerators']:,} accelerators, "
            f"{p['hardware_failures_per_accelerator_year']:.1%}/yr hardware lost"
        )
        lines.append(
            f"  link: {p['link']['daily_volume'] / 1e12:.3g} TB/day, capacity/demand {p['capacity_to_demand']:.3g}"
        )
        m = p["maintenance"]
        spares = f" ({m['spares_share']:.0%} spares)"
        by_strategy = ", ".join(
            f"{name}{spares if name == 'spares' else ''} "
            f"{row['lcoc_usd_per_mwh']:,.0f} USD/MWh, useful {row['useful_fraction']:.3f}"
            for name, row in m["strategies"].items()
        )
        lines.append(f"  maintenance strategies: {by_strategy}; cheapest: {m['cheapest']}")
        shed = p.get("eclipse_shedding")
        if shed:
            lines.append(
                f"  shedding the compute in eclipse would change the mass by {shed['mass_kg_per_kw_change']:+,.1f} "
                f"kg/kW and the orbital LCOC by {shed['lcoc_usd_per_mwh_change']:+,.0f} USD/MWh "
                f"(useful fraction {shed['useful_fraction']:.3f})"
            )
        totals = p.get("fleet")
        if totals:
            lines.append(
                f"The fleet ({totals['it_power_w'] / 1e6:,.4g} MW): {totals['satellites']:,} satellites, "
                f"{totals['launches']:,} launches, {totals['capex_usd'] / 1e9:,.3g} billion USD, "
                f"{totals['build_years']:.3g} years to build ({totals['ground_build_years']:.3g} on the ground), "
                f"{totals['steady_state']['launches_per_year']:,.1f} launches a year to keep it "
                f"({totals['world_upmass_share']['steady_state']:.0%} of the world's upmass)"
            )
        check = p.get("design_check")
        if check:
            lines.append(f"The announced design ({check['claim']['name']}; orbital check-design for the reasons)")
            for c in check["checks"]:
                if c["inside"] is not None:
                    verdict = "inside" if c["inside"] else "OUTSIDE"
                    implied = "no mass left for it" if c["claimed"] is None else f"{c['claimed']:,.4g}"
                    lines.append(
                        f"  {c['quantity']}: claim implies {implied}, limit {c['limit']:,.4g} {c['unit']} ({verdict})"
                    )
            if check["claimed_kg_per_kw"] is not None:
                lines.append(
                    f"  mass: claim {check['claimed_kg_per_kw']:.1f} kg/kW, model {check['model_kg_per_kw']:.1f} "
                    f"kg/kW, with the best tested technology {check['best_technology_kg_per_kw']:.1f} kg/kW"
                )
        lines += [f"Caveat: {c}" for c in self.caveats]
        lines.append(f"Cost ratio (orbital / terrestrial LCOC): {r['cost_ratio']:.3g}")
        be = r["break_even_launch_price_usd_per_kg"]
        lines.append(
            "Break-even launch price: "
            + (f"{be:,.0f} USD/kg ({r['break_even_note']})" if be is not None else r["break_even_note"])
        )
        lines.append(self.parity_text()[0].upper() + self.parity_text()[1:])
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        e = html.escape
        body = "".join(
            f"<tr><td>{e(label)}</td><td style='text-align:right'>{e(a)}</td>"
            f"<td style='text-align:right'>{e(b)}</td><td style='padding-left:0.8em'>{e(unit)}</td></tr>"
            for label, a, b, unit in self.rows()
        )
        return (
            f"<table><caption style='text-align:left'><b>{e(self.scenario.name)}</b>: per MW of IT load. "
            f"{e(self.verdict())}</caption><tr><th></th><th>orbital</th><th>terrestrial</th><th>unit</th></tr>"
            f"{body}</table>"
        )

    def to_frame(self):
        """The side-by-side table as a pandas DataFrame: index the ``Side`` field (its unit in the name),
        columns ``orbital``, ``terrestrial`` (floats, NaN where a side has none) and ``unit``."""
        import pandas as pd

        o, t = asdict(self.orbital), asdict(self.terrestrial)
        nan = float("nan")
        frame = pd.DataFrame(
            {
                "orbital": [nan if o[k] is None else float(o[k]) for _, k, _, _ in RESULT_ROWS],
                "terrestrial": [nan if t[k] is None else float(t[k]) for _, k, _, _ in RESULT_ROWS],
                "unit": [u for _, _, u, _ in RESULT_ROWS],
            },
            index=pd.Index([k for _, k, _, _ in RESULT_ROWS], name="metric"),
        )
        return frame

    def to_csv(self) -> str:
        """``result.csv``: one row per metric, full precision, empty where a side has none."""
        r = self.to_dict()
        rows = ["metric,orbital,terrestrial,unit"]
        for _label, key, unit, _ in RESULT_ROWS:
            o, t = r["orbital"][key], r["terrestrial"][key]
            rows.append(f"{key},{'' if o is None else repr(float(o))},{'' if t is None else repr(float(t))},{unit}")
        rows.append(f"cost_ratio,{r['cost_ratio']!r},,")
        be = r["break_even_launch_price_usd_per_kg"]
        rows.append(f"break_even_launch_price_usd_per_kg,{'' if be is None else repr(be)},,USD/kg")
        budget = r["parity_budget_usd_per_w"]
        rows.append(f"parity_budget_usd_per_w,{'' if budget is None else repr(budget)},,USD/W")
        rows.append(f"spacecraft_launch_operations_usd_per_w,{r['spacecraft_launch_operations_usd_per_w']!r},,USD/W")
        return "\n".join(rows) + "\n"

    def save(self, directory) -> Path:
        """Write ``result.json``, ``result.csv`` and ``scenario.resolved.toml`` into ``directory``, all or none."""

        from .cache import output_directory, write_all_atomically
        from .scenario import resolved_toml

        out = output_directory(directory)
        texts = {
            "result.json": self.to_json(),
            "result.csv": self.to_csv(),
            "scenario.resolved.toml": resolved_toml(self.scenario, self.derived),
        }
        write_all_atomically({out / name: text for name, text in texts.items()})
        return out


@dataclass(frozen=True, repr=False)
class Comparison(Report):
    """Several scenarios' results side by side (``orbital compare``).

    ``to_dict()`` is what ``orbital compare --json`` prints: a list with one
    :meth:`Result.to_dict` per scenario, in the order given.
    """

    results: tuple

    def to_dict(self) -> list:  # a list, as the command has always printed
        return [r.to_dict() for r in self.results]

    def __repr__(self) -> str:
        return "Comparison(" + ", ".join(f"{r.scenario.name}: ratio {r.cost_ratio:.3g}" for r in self.results) + ")"

    def to_text(self) -> str:
        from . import __version__

        names = [r.scenario.name for r in self.results]
        width = max(14, *(len(n) + 2 for n in names))
        lines = [
            f"orbital {__version__}: compare (orbital side; terrestrial in the last rows)",
            f"  {'':32}" + "".join(f"{n:>{width}}" for n in names),
        ]
        for k, (label, _, unit, _) in enumerate(RESULT_ROWS):
            lines.append(f"  {label:32}" + "".join(f"{r.rows()[k][1]:>{width}}" for r in self.results) + f"  {unit}")
        lines.append(
            f"  {'Terrestrial LCOC':32}"
            + "".join(f"{r.terrestrial.lcoc_usd_per_mwh:>{width},.0f}" for r in self.results)
            + "  USD/MWh"
        )
        lines.append(f"  {'Cost ratio':32}" + "".join(f"{r.cost_ratio:>{width}.3g}" for r in self.results))
        be = [r.break_even_launch_price_usd_per_kg for r in self.results]
        lines.append(
            f"  {'Break-even launch price':32}"
            + "".join(f"{'none' if b is None else f'{b:,.0f}':>{width}}" for b in be)
            + "  USD/kg"
        )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        return "<pre>" + html.escape(self.to_text()) + "</pre>"

    def to_frame(self):
        """One column per scenario, one row per :data:`RESULT_ROWS` metric of the orbital side, plus the
        terrestrial LCOC, the cost ratio and the break-even price (pandas)."""
        import pandas as pd

        columns = {}
        for r in self.results:
            frame = r.to_frame()
            column = frame["orbital"].copy()
            column["terrestrial_lcoc_usd_per_mwh"] = r.terrestrial.lcoc_usd_per_mwh
            column["cost_ratio"] = r.cost_ratio
            be = r.break_even_launch_price_usd_per_kg
            column["break_even_launch_price_usd_per_kg"] = float("nan") if be is None else be
            columns[r.scenario.name] = column
        return pd.DataFrame(columns)


# --------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------


def lifetime_cost_items(sc: Scenario, side: Side) -> dict:
    """A side's lifetime cost per MW by line item [USD]: capital charged to the study, opex and credits at
    present value. The items add up to ``side.lifetime_cost_usd_per_mw``."""
    return {k: float(v) for k, v in side.lifetime_cost_breakdown_usd_per_mw.items()}


# --------------------------------------------------------------------------------------
# The composer
# --------------------------------------------------------------------------------------


class _Values:
    """The scenario's sections with some numeric keys replaced by arrays of design points."""

    def __init__(self, sc: Scenario, overrides: dict | None):
        self._sections = {name: dict(values) for name, values in sc.values.items()}
        for name, value in (overrides or {}).items():
            section, _, key = name.partition(".")
            self._sections[section][key] = value
        # A launch price per kg and a learning-curve year exclude each other: the one given wins.
        launch_given = {name for name in overrides or {} if name in ("launch.price_per_kg", "launch.year")}
        if launch_given == {"launch.price_per_kg"}:
            self._sections["launch"]["year"] = None
        elif launch_given == {"launch.year"}:
            self._sections["launch"]["price_per_kg"] = None

    def with_compute(self, **keys) -> _Values:
        """A copy with ``[compute]`` keys replaced (one system of a mixed fleet)."""
        copy = object.__new__(_Values)
        copy._sections = {**self._sections, "compute": {**self._sections["compute"], **keys}}
        return copy

    def __getattr__(self, section):
        try:
            return _Section(self._sections[section])
        except KeyError:
            raise AttributeError(section) from None


class _Section(dict):
    __getattr__ = dict.__getitem__


def compose(sc: Scenario, physics: dict, overrides: dict | None = None, strict=True) -> dict:
    """Both sides, the ratio and the break-even launch price, vectorized over design points.

    Parameters
    ----------
    sc : Scenario
        The scenario every key not in ``overrides`` comes from.
    physics : dict
        :func:`orbit_physics` of the scenario's orbit; ``physics["radiation"]``'s
        dose and proton flux may be arrays over the design points (a shielding sweep).
    overrides : dict, optional
        ``"section.key"`` -> SI values (arrays broadcast together) for the numeric
        keys that do not change the orbit physics (:data:`orbital.sweep.VECTOR_KEYS`).
    strict : bool
        Raise on a design that cannot be built (radiator below its sink, a satellite
        heavier than the vehicle carries); otherwise it costs ∞ and ``feasible`` is False.

    Returns
    -------
    dict
        ``orbital`` and ``terrestrial`` (the :class:`Side` fields), ``report``,
        ``cost_ratio``, ``break_even_launch_price`` (NaN where there is none, with
        ``break_even_reason``), ``feasible``: arrays, or scalars without overrides.
    """
    with catalogs.using(sc.catalog):
        v = _Values(sc, overrides)
        if v.compute.systems:
            orbital, ground, extra = _mixed_fleet(v, physics, strict)
        else:
            orbital, extra = _orbital_side(v, physics, strict)
            ground = _terrestrial_side(v, extra)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = orbital["lcoc_usd_per_mwh"] / ground["lcoc_usd_per_mwh"]
        # LCOC_orbit is linear in the launch price: its slope and intercept give the break-even price.
        slope = extra["lcoc_per_launch_price"]
        intercept = orbital["lcoc_usd_per_mwh"] - slope * extra["price_per_kg_reference"]
        price = (ground["lcoc_usd_per_mwh"] - intercept) / slope
    ceiling = v.launch.break_even_ceiling
    reason = np.select(
        [~extra["feasible"], ~(slope > 0), price < 0, price > ceiling],
        ["infeasible", "no-launch-term", "orbit-dearer-at-free-launch", "above-ceiling"],
        "",
    )
    break_even = np.where(reason == "", price, np.nan)
    # What spacecraft, launch and operations may cost together for the orbit to meet the ground at the
    # scenario's useful energy; and the useful fraction a free spacecraft, launch and operations would need.
    items = orbital["lifetime_cost_breakdown_usd_per_mw"]
    fixed = items["capex: hardware"] + items["capex: nre"]
    with np.errstate(invalid="ignore", divide="ignore"):
        affordable = ground["lcoc_usd_per_mwh"] * extra["discounted_mwh"]
        budget = (affordable - fixed) / 1e6
        needed_fraction = orbital["useful_fraction"] * fixed / affordable
    return {
        "orbital": orbital,
        "terrestrial": ground,
        "report": extra["report"],
        "cost_ratio": np.asarray(ratio)[()],
        "break_even_launch_price": break_even[()],
        "break_even_reason": reason[()],
        "parity_budget": np.asarray(budget)[()],
        "parity_useful_fraction": np.asarray(needed_fraction)[()],
        "feasible": np.asarray(extra["feasible"])[()],
        "derived": extra["derived"],
    }


def _scalars(d: dict) -> dict:
    """A single design point's values as plain Python: numbers, and lists for series (by year)."""

    def plain(x):
        if isinstance(x, dict):
            return _scalars(x)
        if isinstance(x, np.ndarray) and x.size > 1:
            return x.tolist()
        return x.item() if isinstance(x, (np.ndarray, np.generic)) else x

    return {k: plain(x) for k, x in d.items()}


def run(sc, cache=True) -> Result:
    """Orbital against terrestrial per MW of IT load for a scenario (``orbital run``).

    Parameters
    ----------
    sc : Scenario or str or path
        A scenario (:func:`orbital.scenario.load_scenario`, ``parse_scenario``), or a
        scenario file or bundled scenario name to load.
    cache : bool
        Use the disk cache for the orbit physics.

    Returns
    -------
    Result
    """
    sc = _scenario(sc)
    try:
        physics = orbit_physics(sc, cache)
        out = compose(sc, physics)
    except OrbitalInputError as exc:  # a model's check on what the scenario implies: say which file
        if sc.path is None or str(exc).startswith(str(sc.path)):
            raise
        raise OrbitalInputError(f"{sc.path}: {exc}") from None
    orbital, ground, report = (_scalars(out[k]) for k in ("orbital", "terrestrial", "report"))
    ceiling = sc.launch.break_even_ceiling
    notes = {
        "": "price per kg to the vehicle's reference orbit",
        "no-launch-term": "launch price does not affect the orbital cost",
        "orbit-dearer-at-free-launch": "none: the orbit costs more than the ground even with free launch",
        "above-ceiling": f"none below {ceiling:,.0f} USD/kg",
    }
    for count in ("satellites", "satellites_per_launch", "launches", "accelerators"):
        report[count] = int(report[count])
    strategies = _strategies(sc, physics, orbital)
    strategies["strategies"][sc.maintenance.strategy]["useful_fraction_by_year"] = report["useful_fraction_by_year"]
    reason = str(out["break_even_reason"])
    break_even = None if reason else float(out["break_even_launch_price"])
    physics_out = {
        **report,
        "maintenance": strategies,
        "eclipse_shedding": _eclipse_shedding(sc, physics, orbital),
        "design_check": _design_check(sc, cache),
        "link": physics["link"],
        # The heavy-ion LET spectra stay in the physics; their rates are reported below.
        "radiation_environment": {k: x for k, x in physics["radiation"].items() if not k.startswith("heavy_ion_")},
        "sunlight": physics["summary"],
    }
    result = Result(
        sc,
        Side(**orbital),
        Side(**ground),
        float(out["cost_ratio"]),
        break_even,
        notes[reason],
        physics_out,
        out["derived"],
        _caveats(sc, report),
        _finite_or_none(out["parity_budget"]),
        _finite_or_none(out["parity_useful_fraction"]),
    )
    if sc.given.get("fleet"):  # the fleet's totals beside the per-MW numbers
        from .fleet import assess

        totals = assess(sc, result).to_dict()
        totals.pop("build_out")  # the month-by-month curve is orbital fleet's
        physics_out["fleet"] = totals
    return result


def _finite_or_none(x):
    x = float(x)
    return x if math.isfinite(x) else None


#: The maintenance strategies the composer models (``[maintenance] strategy``).
STRATEGIES = ("none", "spares", "replenish", "service")


@catalogs.scoped
def fleet(sc, cache=True):
    """The scenario's fleet (``[fleet]``): satellites, launches, capex, the build-out at the launch cadence
    against the ground's build time, the steady launch demand and its share of the world's upmass
    (``orbital fleet``; :mod:`orbital.fleet`).

    Returns
    -------
    orbital.fleet.Fleet
    """
    from .fleet import assess

    sc = _scenario(sc)
    return assess(sc, run(sc, cache))


@catalogs.scoped
def fleet_sizes(sc, it_powers, cache=True):
    """The scenario's fleet at each of ``it_powers`` [W] (``orbital fleet --it-power A B ...``): one run of
    the composer, the fleet assessed at every size (:func:`orbital.fleet.sizes`).

    Returns
    -------
    orbital.fleet.FleetSizes
    """
    from .fleet import sizes

    sc = _scenario(sc)
    return sizes(sc, run(sc, cache), it_powers)


@catalogs.scoped
def check_design(sc, cache=True):
    """An announced satellite (the scenario's ``[claim]``) against physics, today's technology and the
    model's own satellite for the same power (``orbital check-design``; :mod:`orbital.designs`).

    Returns
    -------
    orbital.designs.DesignCheck
    """
    from .designs import assess_claim

    return assess_claim(_scenario(sc), run, orbit_physics, cache)


def _design_check(sc: Scenario, cache: bool) -> dict | None:
    """The scenario's ``[claim]`` checked, for ``run``'s report (None without a claim)."""
    if not sc.claim.name or sc.claim.it_power is None:
        return None
    return check_design(sc, cache).to_dict()


def _eclipse_shedding(sc: Scenario, physics: dict, orbital: dict) -> dict | None:
    """What switching the compute off in eclipse ([solar] eclipse_load = 0) would change: mass and
    LCOC against the scenario's own (None when it sheds already or cannot be built that way)."""
    if sc.solar.eclipse_load == 0.0:
        return None
    try:
        shed = compose(sc.replace(solar__eclipse_load=0.0), physics)
    except OrbitalInputError:
        return None
    side = _scalars(shed["orbital"])
    return {
        "mass_kg_per_kw": side["mass_kg_per_kw"],
        "mass_kg_per_kw_change": side["mass_kg_per_kw"] - orbital["mass_kg_per_kw"],
        "lcoc_usd_per_mwh": side["lcoc_usd_per_mwh"],
        "lcoc_usd_per_mwh_change": side["lcoc_usd_per_mwh"] - orbital["lcoc_usd_per_mwh"],
        "useful_fraction": side["useful_fraction"],
    }


def _strategies(sc: Scenario, physics: dict, orbital: dict) -> dict:
    """Each maintenance strategy's orbital LCOC, capex and useful fraction by year, and the cheapest."""
    out = {}
    for strategy in STRATEGIES:
        if strategy == sc.maintenance.strategy:
            side = orbital
            by_year = None
        else:
            try:
                other = compose(sc.replace(maintenance__strategy=strategy), physics)
            except OrbitalInputError:  # this strategy cannot be built here: left out
                continue
            side = _scalars(other["orbital"])
            by_year = _scalars(other["report"])["useful_fraction_by_year"]
        out[strategy] = {
            "lcoc_usd_per_mwh": side["lcoc_usd_per_mwh"],
            "capex_usd_per_w": side["capex_usd_per_w"],
            "useful_fraction": side["useful_fraction"],
            "useful_fraction_by_year": by_year,
        }
    cheapest = min(out, key=lambda k: out[k]["lcoc_usd_per_mwh"])
    return {"strategies": out, "cheapest": cheapest, "spares_share": sc.maintenance.spares_share}


def _caveats(sc: Scenario, report: dict) -> tuple:
    """What the reader of the cost ratio must know first: compute the link cannot reach or feed."""
    d = sc.downlink
    demand = report["capacity_to_demand"]
    if demand == 0.0:
        return (
            f"the {d.band} link carries nothing from this orbit (its budget closes to no station in view above "
            f"{d.min_elevation:g} deg at {d.availability:g} % availability): nobody on the ground can reach this "
            "compute, and the costs price it as if they could",
        )
    if demand < 1.0:
        return (
            f"the {d.band} link carries only {demand:.0%} of the {sc.workload.kind} demand (day average): the rest "
            "of the compute cannot be fed or read, and the costs price it as if it could",
        )
    return ()


def compare(scenarios, cache=True) -> Comparison:
    """Run several scenarios (``Scenario`` objects, files or bundled names) and set them side by side."""
    return Comparison(tuple(run(sc, cache) for sc in scenarios))


def _scenario(sc) -> Scenario:
    if isinstance(sc, Scenario):
        return sc
    from .scenario import load_scenario

    return load_scenario(sc)


#: How a mixed fleet's report entries combine (the default: weighted by IT-power share).
_FLEET_SUM = ("satellites", "launches", "demand_bps")
_FLEET_FIRST = (
    "capacity_kg",
    "launch_price_usd",
    "price_per_kg_reference",
    "dose_rad_si_per_year",
    "satellite_failures_per_year",
    "maintenance_strategy",
    "sunlit_fraction",
    "capital_share",
)
_FLEET_PER_SATELLITE = ("satellite_mass_kg", "satellites_per_launch", "drag_delta_v_m_per_s_per_year")


def _mixed_fleet(v: _Values, physics: dict, strict: bool):
    """A fleet of several systems, each on its own satellites with its IT-power share: costs, masses,
    areas, energy and upsets add up; levelized costs are the fleet's total cost over its total useful
    energy (accelerator-hours, PFLOP-days)."""
    total = v.compute.it_power
    parts = []
    for name, share in v.compute.systems.items():
        sub = v.with_compute(server=name, systems=None, it_power=total * share)
        orbital, extra = _orbital_side(sub, physics, strict)
        parts.append((name, share, orbital, _terrestrial_side(sub, extra), extra))
    shares = [p[1] for p in parts]

    def mix(values, key=""):
        first = values[0]
        if key in _FLEET_FIRST or first is None or isinstance(first, str | hardware.Server):
            return first
        if isinstance(first, dict):
            return {k: mix([x[k] for x in values], k) for k in first}
        if key in _FLEET_SUM:
            return sum(values)
        if key == "tid_lifetime_years":
            return np.minimum.reduce([np.asarray(x) for x in values])
        return sum(w * np.asarray(x) for w, x in zip(shares, values, strict=True))

    def levelized(sides):
        """Total cost over total energy, accelerator-hours and PFLOP-days (each side's denominators)."""
        out = mix(sides)
        cost = [s["lifetime_cost_usd_per_mw"] for s in sides]
        with np.errstate(divide="ignore", invalid="ignore"):
            for key in ("lcoc_usd_per_mwh", "usd_per_accelerator_hour", "usd_per_pflop_day"):
                units = sum(
                    w * np.where(np.isfinite(s[key]), c / s[key], 0.0)
                    for w, c, s in zip(shares, cost, sides, strict=True)
                )
                out[key] = np.where(units > 0, out["lifetime_cost_usd_per_mw"] / units, np.inf)[()]
        return out

    orbital = levelized([p[2] for p in parts])
    ground = levelized([p[3] for p in parts])
    extras = [p[4] for p in parts]
    reports = [e["report"] for e in extras]
    report = mix(reports)
    largest = max(range(len(parts)), key=lambda i: parts[i][1])
    report["accelerators"] = reports[largest]["accelerators"]  # one job's, on the largest system
    satellites = [r["satellites"] for r in reports]
    for key in _FLEET_PER_SATELLITE:
        report[key] = sum(n * r[key] for n, r in zip(satellites, reports, strict=True)) / sum(satellites)
    report["capacity_to_demand"] = sum(r["capacity_to_demand"] * r["demand_bps"] for r in reports) / sum(
        r["demand_bps"] for r in reports
    )
    report["systems"] = {
        name: {
            "it_power_share": share,
            "satellites": e["report"]["satellites"],
            "accelerators_per_mw": e["accelerators_per_mw"],
            "lcoc_usd_per_mwh": o["lcoc_usd_per_mwh"],
            "terrestrial_lcoc_usd_per_mwh": g["lcoc_usd_per_mwh"],
        }
        for name, share, o, g, e in parts
    }
    discounted = [e["discounted_mwh"] for e in extras]
    with np.errstate(divide="ignore", invalid="ignore"):
        fleet_mwh = sum(w * d for w, d in zip(shares, discounted, strict=True))
        slope = (
            sum(w * e["lcoc_per_launch_price"] * d for w, e, d in zip(shares, extras, discounted, strict=True))
            / fleet_mwh
        )
    extra = {
        "price_per_kg_reference": extras[0]["price_per_kg_reference"],
        "lcoc_per_launch_price": slope,
        "discounted_mwh": fleet_mwh,
        "report": report,
        "feasible": np.logical_and.reduce([np.asarray(e["feasible"]) for e in extras]),
        "derived": _fleet_derived(parts),
    }
    return orbital, ground, extra


def _fleet_derived(parts) -> dict:
    """The values the systems filled in for empty defaults, where they agree (a value that differs by
    system, such as the catalog price, stays unset: each system takes its own again when re-read)."""
    first, *others = (p[4]["derived"] for p in parts)
    return {
        section: {k: v for k, v in keys.items() if all(o.get(section, {}).get(k) == v for o in others)}
        for section, keys in first.items()
    }


def _radiator_and_junction(v: _Values, server, derived: dict) -> tuple:
    """The radiator's temperature (given, or derived from the system's junction limit less a margin down
    the loop's chain: Gilmore 2002, ch. 6 and 11) and the junction temperature it implies [K]."""
    t = v.thermal
    loop = thermal.loop(t.loop)
    if t.radiator_temperature_basis == "junction-limit":
        surface = thermal.radiator_temperature_from_junction(
            server.junction_limit - np.asarray(t.junction_margin),
            loop.junction_to_coolant,
            loop.loop_delta_t,
            loop.fluid_to_surface,
        )[0]
        derived.setdefault("thermal", {})["radiator_temperature"] = f"{np.min(surface):.5g} K"
    else:
        surface = np.asarray(t.radiator_temperature, dtype=float)
    return surface, surface + loop.junction_drop


def _orbital_side(v: _Values, physics: dict, strict: bool):
    c, lc, r, f = v.compute, v.launch, v.radiation, v.finance
    server = hardware.server(c.server)
    chip = radiation.accelerator(c.accelerator or server.accelerator)
    hardware_price = server.price / server.power if c.hardware_price is None else c.hardware_price
    derived = {"compute": {"hardware_price": f"{hardware_price:.4g} USD/W"}} if c.hardware_price is None else {}
    lifetime_years = f.lifetime / JULIAN_YEAR
    it_power = c.it_power
    per_mw = 1e6 / it_power
    accelerators_per_mw = server.accelerators / server.power * 1e6
    w, m = v.workload, v.maintenance
    # Cold spares (strategy "spares"): carried and paid for, not powered.
    compute_carried = 1.0 / (1.0 - m.spares_share) if m.strategy == "spares" else 1.0
    # Training goodput belongs to one synchronous job: a 40 MW site runs many, each checkpointing on its own.
    chips = np.maximum(np.round(accelerators_per_mw * np.minimum(w.job_it_power, it_power) / 1e6), 1.0)
    replica = server.accelerators if w.replica_accelerators is None else w.replica_accelerators
    if w.replica_accelerators is None:
        derived.setdefault("workload", {})["replica_accelerators"] = f"{server.accelerators:g}"

    radiator_temperature, junction = _radiator_and_junction(v, server, derived)
    too_hot = np.asarray(junction > server.junction_limit + 1e-9)
    if strict and np.any(too_hot):
        t = v.thermal
        raise OrbitalInputError(
            f"[thermal] radiator_temperature = {np.max(radiator_temperature):.5g} K puts the {server.name} junction at "
            f"{np.max(junction) - 273.15:.1f} degC through the {t.loop!r} loop's chain, above its limit of "
            f"{server.junction_limit - 273.15:.0f} degC: lower radiator_temperature, or set "
            '[thermal] radiator_temperature_basis = "junction-limit"'
        )
    orbit = _orbit_from(v.orbit)
    illumination = solar.ArrayIllumination(
        **{k: (np.asarray(x) if isinstance(x, list) else x) for k, x in physics["illumination"].items()}
    )
    environment = thermal.RadiatorEnvironment(**physics["radiator_environment"])
    _check_terminals_per_kw(lc.communications, c.satellite_it_power)
    need = workload_demand(it_power, w.kind, w.training_share)
    try:
        design = spacecraft.spacecraft_design(
            orbit,
            c.satellite_it_power,
            f.lifetime,
            server_name=c.server,
            chassis_removed=c.chassis_removed,
            shielding=r.shielding,
            enclosure_area_per_watt=r.enclosure_area,
            power_management_per_watt=lc.power_management,
            communications_mass=lc.communications,
            ram_area_fraction=lc.ram_area_fraction,
            ram_projection=tuple(physics["ram_projection"]),
            radiator_temperature=radiator_temperature,
            bus_load=lc.bus_load,
            loop_length=v.thermal.loop_length,
            conversion_efficiency=v.solar.conversion_efficiency,
            cell_name=v.solar.cell,
            battery_name=v.solar.battery,
            coating_name=v.thermal.coating,
            panel_name=v.thermal.panel,
            loop_name=v.thermal.loop,
            pointing=v.solar.pointing,
            attitude=v.thermal.attitude,
            eclipse_load=v.solar.eclipse_load,
            illumination=illumination,
            radiator_environment=environment,
            density=physics["density"],
            thruster_isp=lc.thruster_isp,
            structure_fraction=lc.structure_fraction,
            margin=lc.margin,
            avoidance_delta_v_per_year=lc.avoidance_manoeuvres * lc.avoidance_delta_v,
            infeasible="raise" if strict else "inf",
            compute_mass_factor=compute_carried,
        )
    except OrbitalInputError as exc:  # the satellite cannot be built: name the keys that shaped it
        t = v.thermal
        raise OrbitalInputError(
            f"{exc} (the satellite from [thermal] radiator_temperature = {np.min(t.radiator_temperature):g} K, "
            f"coating = {t.coating!r}, attitude = {t.attitude!r}; [launch] structure_fraction, margin, "
            "thruster_isp; [compute] satellite_it_power)"
        ) from None
    satellites = np.ceil(it_power / c.satellite_it_power - 1e-9)

    vehicle = launch.vehicle(lc.vehicle)
    pricing = {}
    if lc.year is not None:
        pricing.update(year=lc.year, **launch.world_cadence(lc))
    elif lc.price_per_kg is not None:
        pricing["price_per_kg"] = lc.price_per_kg
    if vehicle.kind == "rideshare":
        raise OrbitalInputError(
            f"[launch] vehicle = {vehicle.name!r}: a constellation of MW-class satellites does "
            "not fly as rideshare; pick a dedicated vehicle"
        )
    capacity = float(launch.capacity_to_orbit(vehicle, orbit.altitude, orbit.inclination))
    feasible = np.asarray(design.mass <= capacity * lc.fill) & ~too_hot
    if strict and not np.all(feasible):
        mass = float(np.max(design.mass))
        power = float(np.max(c.satellite_it_power))
        raise OrbitalInputError(
            f"a {power / 1e3:g} kW satellite weighs {mass:,.0f} kg, more than {vehicle.name} "
            f"carries to this orbit ({capacity:,.0f} kg at fill {np.min(lc.fill):g}): lower [compute] "
            "satellite_it_power or pick a larger [launch] vehicle"
        )
    launch_price = launch.launch_price(vehicle, **pricing)
    if capacity > 0.0:
        carried = launch.satellites_per_launch(np.where(feasible, design.mass, capacity), capacity, lc.fill)[2]
    else:  # the vehicle cannot reach this orbit at all (strict runs have said so above)
        carried = np.zeros(np.shape(feasible))
    per_launch = np.where(feasible, carried, 0.0)
    # Per MW the fleet's launches are counted as a fraction (a larger fleet fills its last launch);
    # the whole launches the scenario's own cluster needs are reported beside.
    with np.errstate(divide="ignore"):
        launches = np.where(feasible, satellites / np.maximum(per_launch, 1.0), np.inf)
    price_ref = launch_price / vehicle.capacity_reference

    budget = design.budget.items
    compute_mass = budget["compute"] * c.satellite_it_power
    with np.errstate(invalid="ignore"):
        bus_mass = np.where(feasible, design.mass - compute_mass - budget["propellant"] * c.satellite_it_power, np.inf)
    build = _spacecraft_build(lc, budget, design, bus_mass, c.satellite_it_power)  # USD per satellite
    capex = {
        "hardware": hardware_price * compute_carried,
        "spacecraft": sum(build.values()) * satellites / it_power,
        "compute_integration": lc.compute_integration * hardware_price * compute_carried,
        "launch": launches * launch_price / it_power,
        "nre": f.nre / (it_power if f.fleet_it_power is None else f.fleet_it_power),
    }
    # Launch and first-year insurance on what flies; operations as a fixed amount and a share of capex.
    capex["insurance"] = lc.insurance_rate * (capex["spacecraft"] + capex["launch"])
    opex = {
        "operations": (f.orbital_operations * JULIAN_YEAR + f.operations_share * sum(capex.values())) * 1e6,
        "ground_segment": _ground_segment(v.downlink, physics["link"], need.busier, satellites, it_power),
    }

    heavy = heavy_ion_rates(chip, physics["radiation"])
    effects = radiation.cluster_effects(
        chip,
        chips,
        physics["radiation"]["dose_per_year"],
        physics["radiation"]["proton_flux"],
        w.checkpoint_time,
        w.restart_time,
        heavy_ion_rate=heavy["interrupt"],
    )
    orbit_goodput, ground_goodput = workload_goodputs(w, effects, chips, replica)
    shadow_fraction = float(illumination.orbit_shadow_time.mean() / illumination.period)
    eclipse_factor = 1.0 - shadow_fraction * (1.0 - v.solar.eclipse_load)
    factor, weights, _ = economics.present_value_factors(lifetime_years, f.discount_rate)
    # Nothing is repaired in orbit: failed hardware and failed satellites are lost (spares, if carried,
    # come on line first), and all of it stops at the dose limit.
    # Latch-ups from cosmic-ray nuclei are permanent losses of the chip, on top of the fleet's failures.
    hardware_loss = (
        m.accelerator_failures
        + m.hbm_failures
        + (m.host_failures + m.network_failures) * (m.accelerators_per_host)
        + heavy["latchup"] * JULIAN_YEAR
    )
    survival, upkeep = _maintenance(
        m,
        hardware_loss,
        effects.tid_lifetime_years,
        lifetime_years,
        f.discount_rate,
        weights,
        capex,
        satellites,
        it_power,
    )
    # Useful IT energy per MW in each year of the life [J]; a design that cannot be built delivers none.
    energy = (1e6 * JULIAN_YEAR * np.asarray(orbit_goodput * eclipse_factor * feasible))[..., None] * survival
    capex_total = sum(capex.values())
    # The satellites are built for the study's life: every orbital capital item is charged in full.
    items = _cost_items(capex, {k: 1.0 for k in capex}, opex, factor, weights)
    items.update({f"maintenance (PV): {k}": v for k, v in upkeep.items()})
    money = economics.levelize(
        sum(items.values()), energy, accelerators_per_mw, server.pflops_per_accelerator, factor, weights
    )
    if strict and not np.all(np.isfinite(money["lcoc"])):
        raise OrbitalInputError(
            _why_no_useful_compute(effects, orbit_goodput, chips, w, feasible, lifetime_years, eclipse_factor)
        )
    useful_fraction = np.sum(energy * weights, axis=-1) / (1e6 * JULIAN_YEAR * lifetime_years)
    # The launch term is the only one the launch price moves: its derivative in closed form.
    discounted_mwh = np.sum(energy * weights * factor, axis=-1) / (3600.0 * 1e6)
    with np.errstate(divide="ignore", invalid="ignore"):
        # A launch dollar also buys its insurance, and the operations that scale with capex.
        markup = (1.0 + lc.insurance_rate) * (1.0 + f.operations_share * np.sum(weights * factor, axis=-1))
        lcoc_per_price = launches * vehicle.capacity_reference / it_power * 1e6 * markup / discounted_mwh

    mass_per_mw_launched = design.mass * satellites * per_mw
    side = {
        "capex_usd_per_w": capex_total,
        "opex_usd_per_mw_year": sum(opex.values()),
        "lifetime_cost_usd_per_mw": money["lifetime_cost"],
        "lcoc_usd_per_mwh": money["lcoc"],
        "usd_per_accelerator_hour": money["accelerator_hour"],
        "usd_per_pflop_day": money["pflop_day"],
        "mass_kg_per_kw": design.budget.total * 1e3,
        "launches_per_mw": launches * per_mw,
        "array_area_m2_per_mw": design.array_area * satellites * per_mw,
        "radiator_area_m2_per_mw": design.radiator_area * satellites * per_mw,
        "sunlit_fraction": physics["summary"]["sunlit_fraction"],
        "goodput": orbit_goodput,
        "useful_fraction": useful_fraction[()],
        "water_m3_per_mw_year": 0.0,
        "co2_t_per_mw_year": lc.co2_per_kg * mass_per_mw_launched / 1e3 / lifetime_years,
        "capex_breakdown_usd_per_w": capex,
        "opex_breakdown_usd_per_mw_year": opex,
        "capital_share": {k: 1.0 for k in capex},
        "lifetime_cost_breakdown_usd_per_mw": items,
    }
    link = physics["link"]
    report = {
        "satellites": satellites,
        "satellite_mass_kg": design.mass,
        "satellites_per_launch": per_launch,
        "launches": np.ceil(launches - 1e-9),
        "capacity_kg": capacity,
        "launch_price_usd": launch_price,
        "price_per_kg_reference": price_ref,
        "mass_budget_kg_per_kw": {k: x * 1e3 for k, x in budget.items()},
        "spacecraft_cost_usd_per_w": {k: x * satellites / it_power for k, x in build.items()},
        "drag_delta_v_m_per_s_per_year": design.drag_delta_v_per_year,
        "avoidance_delta_v_m_per_s_per_year": np.asarray(lc.avoidance_manoeuvres * lc.avoidance_delta_v)[()],
        "radiator_temperature_k": radiator_temperature[()],
        "junction_temperature_k": junction[()],
        "junction_limit_k": server.junction_limit,
        "heat_rejected_per_it_watt": design.heat_rejected / c.satellite_it_power,
        "array_rated_power_per_it_watt": design.array_rated_power / c.satellite_it_power,
        "accelerators": chips,
        "dose_rad_si_per_year": physics["radiation"]["dose_per_year"],
        "heavy_ion_interruptions_per_chip_day": np.asarray(heavy["interrupt"] * DAY)[()],
        "heavy_ion_sdc_per_chip_day": np.asarray(heavy["sdc"] * DAY)[()],
        "latchups_per_chip_year": np.asarray(heavy["latchup"] * JULIAN_YEAR)[()],
        "cluster_interruptions_per_hour": effects.cluster_interruptions_per_hour,
        "ground_cluster_interruptions_per_hour": effects.ground_cluster_interruptions_per_hour,
        "tid_lifetime_years": effects.tid_lifetime_years,
        "hardware_failures_per_accelerator_year": hardware_loss,
        "satellite_failures_per_year": m.satellite_failure_rate,
        "maintenance_strategy": m.strategy,
        "useful_fraction_by_year": np.asarray(orbit_goodput * eclipse_factor * feasible)[..., None] * survival,
        "demand_bps": need.busier,
        # Every satellite carries its own terminal; contention for the stations is not modelled.
        "capacity_to_demand": satellites * link["daily_volume"] * 8.0 / DAY / need.busier,
    }
    extra = {
        "price_per_kg_reference": price_ref,
        "lcoc_per_launch_price": lcoc_per_price,
        "discounted_mwh": discounted_mwh,
        "report": report,
        "accelerators_per_mw": accelerators_per_mw,
        "server": server,
        "hardware_price": hardware_price,
        "ground_goodput": ground_goodput,
        "feasible": feasible,
        "derived": derived,
    }
    return side, extra


def workload_goodputs(w, effects, job_accelerators, replica_accelerators) -> tuple:
    """Goodput of the scenario's ``[workload]`` in orbit and on the ground, from a cluster's event rates.

    Events per accelerator-second that stop the work: the ground fleet's rate (both sides) plus, in
    orbit, radiation's uncorrectable errors, SEFIs and crashes, and its silent corruptions when
    ``sdc_rollback`` (caught and redone).
    """
    events = np.asarray(effects.interruptions_per_chip_day) / DAY
    if w.sdc_rollback:
        events = events + np.asarray(effects.per_chip_day["sdc_dose"]) / DAY
    workload = {
        "kind": w.kind,
        "job_accelerators": job_accelerators,
        "checkpoint_time": w.checkpoint_time,
        "restart_time": w.restart_time,
        "replica_accelerators": replica_accelerators,
        "recovery_time": w.recovery_time,
        "training_share": w.training_share,
    }
    orbit = radiation.workload_goodput(events, **workload)
    ground = radiation.workload_goodput(radiation.GROUND_INTERRUPTIONS_PER_CHIP_DAY / DAY, **workload)
    return orbit, ground


def workload_demand(it_power, kind, training_share) -> downlink.Demand:
    """Link traffic of the scenario's workload: a preset, or the mix of both by training share."""
    if kind != "mix":
        return downlink.demand(it_power, kind)
    train, infer = downlink.demand(it_power, "training"), downlink.demand(it_power, "inference")
    s = training_share
    return downlink.Demand(
        "mix", uplink=s * train.uplink + (1 - s) * infer.uplink, downlink=s * train.downlink + (1 - s) * infer.downlink
    )


def antenna_minutes_per_day(demand_bps, data_rate, satellites, contact_minutes_per_day):
    """Ground-station minutes a day the cluster's traffic needs [min/day]: its volume at the link's rate,
    never more than the fleet's contacts offer (a link short of its demand uses every contact). A link
    that does not close buys no antenna time (the result's caveats say it carries nothing)."""
    rate = np.asarray(data_rate, dtype=float)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        needed = np.where(rate > 0, demand_bps * DAY / rate / 60.0, 0.0)
    return np.minimum(needed, satellites * contact_minutes_per_day)


def _ground_segment(d, link, demand_bps, satellites, it_power):
    """Pass fees for the antenna time the traffic needs [USD/(MW yr)]; the isl band lands through relays,
    whose fees ``pass_fee`` does not price."""
    if d.band == "isl":
        return np.zeros_like(np.asarray(d.pass_fee, dtype=float))
    minutes = antenna_minutes_per_day(demand_bps, link["data_rate"], satellites, link["contact_minutes_per_day"])
    return d.pass_fee * 60.0 * minutes * (JULIAN_YEAR / DAY) / it_power * 1e6


def _spacecraft_build(lc, budget, design, bus_mass, satellite_it_power) -> dict:
    """One satellite's build cost by subsystem [USD]: the array, radiator and battery at their own prices
    where given (else their mass at ``bus_cost``), and the rest of the bus at ``bus_cost``."""
    by_mass = {name: budget[name] * satellite_it_power for name in ("solar_array", "radiator", "battery")}
    priced = {
        "solar_array": None if lc.array_cost is None else lc.array_cost * design.array_rated_power,
        "radiator": None if lc.radiator_cost is None else lc.radiator_cost * design.radiator_area,
        "battery": None if lc.battery_cost is None else lc.battery_cost * design.battery_energy,
    }
    build = {k: lc.bus_cost * by_mass[k] if priced[k] is None else priced[k] for k in by_mass}
    build["structure_and_integration"] = lc.bus_cost * (bus_mass - sum(by_mass.values()))
    return build


def _maintenance(m, hardware_loss, end_of_life, lifetime_years, rate, weights, capex, satellites, it_power):
    """The working fraction by year under the ``[maintenance]`` strategy, and what the upkeep costs (PV, USD/MW).

    none / spares: nothing is repaired (spares come on line first); replenish: new satellites restore
    full capacity whenever it falls to the threshold, and the whole fleet is launched again at its dose
    limit (replacements launched since die with it: slightly pessimistic); service: visits every
    interval replace the failed hardware (whole satellites lost stay lost). The dose limit ends the
    hardware of every strategy but replenish.
    """
    lam_s = m.satellite_failure_rate
    horizon = np.minimum(lifetime_years, end_of_life)
    if m.strategy in ("none", "spares"):
        share = m.spares_share if m.strategy == "spares" else 0.0
        return economics.spared_fraction_by_year(hardware_loss, lam_s, share, end_of_life, weights), {}
    if m.strategy == "replenish":
        lam = hardware_loss + lam_s
        with np.errstate(divide="ignore"):
            period = np.where(lam > 0, np.log(1.0 / m.replenish_threshold) / np.where(lam > 0, lam, 1.0), 1e9)
        survival = economics.renewed_fraction_by_year(lam, 0.0, period, end_of_life, weights, relaunch=True)
        fleet = (capex["hardware"] + capex["spacecraft"] + capex["compute_integration"] + capex["launch"]) * 1e6
        partial, whole = economics.replenishment_present_values(rate, period, end_of_life, lifetime_years)
        return survival, {
            "replenishment": (1.0 - m.replenish_threshold) * fleet * partial,
            "dose_relaunch": fleet * whole,
        }
    interval = m.service_interval / JULIAN_YEAR
    survival = economics.renewed_fraction_by_year(hardware_loss, lam_s, interval, end_of_life, weights)
    pv = economics.discounted_renewals(rate, interval, economics.renewals(interval, horizon), decay=lam_s)
    return survival, {
        "service_visits": m.service_cost * satellites * 1e6 / it_power * pv,
        "replaced_hardware": -np.expm1(-hardware_loss * interval) * capex["hardware"] * 1e6 * pv,
    }


def _why_no_useful_compute(effects, goodput, chips, w, feasible, lifetime_years, eclipse_factor) -> str:
    """The reason a scenario delivers no useful compute, in the scenario's own keys."""
    start = "the scenario delivers no useful compute over its life: "
    if not np.all(feasible):
        return start + "the satellite cannot be built or launched as specified"
    if np.any(np.asarray(goodput) == 0.0):
        interruptions = float(np.max(effects.cluster_interruptions_per_hour))
        return start + (
            f"goodput 0 from {interruptions:.3g} interruptions per hour across the {int(np.max(chips)):,}-accelerator "
            f"training job: [workload] checkpoint_time = {float(np.max(w.checkpoint_time)):g} s is not shorter than "
            f"the mean time between interruptions, {3600.0 / interruptions:.4g} s (checkpoint faster, or lower "
            "[workload] job_it_power)"
        )
    if np.any(np.asarray(effects.tid_lifetime_years) <= 0.5):
        return start + (
            f"the dose limit is reached after {float(np.min(effects.tid_lifetime_years)):.2g} years, before the first "
            "year's middle (raise [radiation] shielding, or pick a lower orbit)"
        )
    if np.any(np.asarray(eclipse_factor) == 0.0):
        return start + "[solar] eclipse_load = 0 in an orbit that is always in eclipse"
    return start + f"no hardware survives the {lifetime_years:g}-year [finance] lifetime"


def _check_terminals_per_kw(communications, satellite_it_power) -> None:
    """The terminals' mass per kW is derived from two keys: name them, not the derived quantity."""
    per_kw = np.asarray(communications / satellite_it_power * 1e3, dtype=float)
    if np.any(per_kw > 1e3):  # the mass budget's ceiling for any subsystem [kg/kW]
        i = int(np.argmax(per_kw))
        raise OrbitalInputError(
            f"[launch] communications / [compute] satellite_it_power = {per_kw.flat[i]:,.0f} kg/kW "
            f"({np.broadcast_to(communications, per_kw.shape).flat[i]:g} kg over "
            f"{np.broadcast_to(satellite_it_power, per_kw.shape).flat[i] / 1e3:g} kW) is outside the valid range "
            "[0, 1000] kg/kW: raise satellite_it_power or lower communications"
        )


def _cost_items(capex, share, opex, factor, weights, after=None, credits=None) -> dict:
    """Lifetime cost per MW by line item [USD]: each capital item times its study share, each opex item at
    present value (an item in ``after`` only from that year of the study on), and credits (negative)."""
    items = {f"capex: {k}": np.asarray(v * share[k] * 1e6)[()] for k, v in capex.items()}
    for name, per_year in opex.items():
        mid = np.cumsum(weights) - weights / 2.0
        paid = 1.0 if after is None or name not in after else (mid >= np.asarray(after[name])[..., None])
        items[f"opex (PV): {name}"] = (np.asarray(per_year) * np.sum(weights * factor * paid, axis=-1))[()]
    items.update({f"credit: {k}": np.asarray(-v)[()] for k, v in (credits or {}).items()})
    return items


def _terrestrial_side(v: _Values, extra: dict) -> dict:
    t, f, c = v.terrestrial, v.finance, v.compute
    lifetime_years = f.lifetime / JULIAN_YEAR
    mw = 1e6
    facility = terrestrial.facility_energy(mw, t.pue, t.availability)
    it_energy = mw * t.availability * JULIAN_YEAR
    capex = {"hardware": extra["hardware_price"], "construction": t.capex}
    lives = {"hardware": c.hardware_life, "construction": t.construction_life}
    # Failed accelerators are replaced: the vendor's until the warranty ends, then the replaced part's price.
    opex = {
        "maintenance": t.maintenance * t.capex * mw,
        "hardware_replacement": c.hardware_failure_rate * t.replacement_share * extra["hardware_price"] * mw,
    }
    after = {"hardware_replacement": t.warranty / JULIAN_YEAR}
    if t.power_source == "grid":
        bill, co2 = terrestrial.grid_power(facility, t.electricity_price, t.grid_co2)
        opex["electricity"] = bill
    elif t.power_source in ("gas", "hybrid"):
        # hybrid: the grid's share bought, the rest from turbines sized for it, batteries beside.
        grid = t.grid_share if t.power_source == "hybrid" else 0.0
        heat_rate = t.gas_heat_rate * terrestrial.MMBTU / 1e6 / KWH  # BTU per kWh -> J of fuel per J
        co2_per_joule = terrestrial.data()["gas_turbine"]["co2_kg_per_mmbtu"] / terrestrial.MMBTU
        plant, fuel, co2 = terrestrial.gas_turbine_power(
            mw * t.pue * (1.0 - grid),
            facility * (1.0 - grid),
            t.gas_capex,
            heat_rate,
            t.gas_price,
            t.gas_capacity_factor,
            co2_per_joule,
        )
        capex["power_plant"] = plant / mw
        lives["power_plant"] = t.power_plant_life
        opex["fuel"] = fuel
        if t.power_source == "hybrid":
            bill, grid_co2 = terrestrial.grid_power(facility * grid, t.electricity_price, t.grid_co2)
            opex["electricity"] = bill
            co2 = co2 + grid_co2
            capex["storage"] = t.storage_hours * t.pue * t.storage_capex  # USD per W of IT
            lives["storage"] = t.storage_life
    else:
        ground = _ground_solar(t.site, t.solar_cell)
        cell = solar.cell(t.solar_cell)
        rated = 1000.0 * cell.efficiency * cell.packing_factor  # STC rating per m² of array
        system = _solar_storage(mw * t.pue, np.asarray(ground["hourly_output"]), rated, t)
        capex["solar_array"] = system["array_rated_power"] * t.pv_capex / mw
        capex["storage"] = system["storage_energy"] * t.storage_capex / mw
        lives["solar_array"], lives["storage"] = t.pv_life, t.storage_life
        bill, co2 = terrestrial.grid_power(system["grid_energy"], t.electricity_price, t.grid_co2)
        opex["backup_electricity"] = bill
    goodput = extra["ground_goodput"]
    factor, weights, _ = economics.present_value_factors(lifetime_years, f.discount_rate)
    energy = np.asarray(it_energy * goodput)[..., None] * np.ones(weights.size)
    # Each asset bears the study's share of its price (capital recovery factors); the hardware is sold
    # at the end of the study (none is recovered from orbit).
    share = {k: economics.study_share(f.discount_rate, lives[k] / JULIAN_YEAR, lifetime_years) for k in capex}
    resale = t.resale_value * extra["hardware_price"] * mw * (1.0 + np.asarray(f.discount_rate)) ** -lifetime_years
    items = _cost_items(capex, share, opex, factor, weights, after, {"hardware_resale": resale})
    money = economics.levelize(
        sum(items.values()),
        energy,
        extra["accelerators_per_mw"],
        extra["server"].pflops_per_accelerator,
        factor,
        weights,
    )
    return {
        "capex_usd_per_w": sum(capex.values()),
        "opex_usd_per_mw_year": sum(opex.values()),
        "lifetime_cost_usd_per_mw": money["lifetime_cost"],
        "lcoc_usd_per_mwh": money["lcoc"],
        "usd_per_accelerator_hour": money["accelerator_hour"],
        "usd_per_pflop_day": money["pflop_day"],
        "mass_kg_per_kw": None,
        "launches_per_mw": None,
        "array_area_m2_per_mw": None,
        "radiator_area_m2_per_mw": None,
        "sunlit_fraction": None,
        "goodput": goodput,
        "useful_fraction": t.availability * goodput,
        "water_m3_per_mw_year": terrestrial.water_use(it_energy, t.wue),
        "co2_t_per_mw_year": co2 / 1e3,
        "capex_breakdown_usd_per_w": capex,
        "opex_breakdown_usd_per_mw_year": opex,
        "capital_share": share,
        "lifetime_cost_breakdown_usd_per_mw": items,
    }


def _solar_storage(load, hourly_output, rated, t) -> dict:
    """:func:`orbital.terrestrial.solar_storage_power` for each distinct (load, oversize, round trip).

    The day-by-day storage balance is a year of hours per design: run once per distinct
    combination (a sweep has few) rather than broadcast into a design x hour array.
    """
    combos = np.broadcast_arrays(
        *(np.asarray(x, dtype=float) for x in (load, t.array_oversize, t.round_trip_efficiency))
    )
    shape = combos[0].shape
    distinct, inverse = np.unique(np.stack([c.ravel() for c in combos], axis=1), axis=0, return_inverse=True)
    systems = [terrestrial.solar_storage_power(p, hourly_output, rated, over, eta) for p, over, eta in distinct]
    return {
        name: np.array([getattr(s, name) for s in systems])[inverse.ravel()].reshape(shape)[()]
        for name in ("array_rated_power", "storage_energy", "grid_energy")
    }


def _ground_solar(site, cell_name) -> dict:
    def compute():
        g = solar.ground_yield(site, solar.cell(cell_name))
        return {"hourly_output": g.hourly_output.tolist(), "energy_density": g.energy_density}

    return cached("ground-solar", {"site": site, "cell": cell_name, "version": 1}, compute)
