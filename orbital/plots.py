"""Publication-ready figures of a scenario (the report that embeds them is :mod:`orbital.report`).

Every function takes a :class:`~orbital.scenario.Scenario` (and the composer's
:class:`~orbital.model.Result` where it needs one) and returns a matplotlib
``Figure`` styled alike: units in brackets on every axis, a caption-ready title,
the Okabe-Ito colour-blind-safe palette. The numbers drawn are attached to the
figure as ``figure.orbital_data`` so that tests (and users) can check them
against the model. :data:`FIGURES` lists them by name.
"""

from __future__ import annotations

import contextvars
import functools
import io
import textwrap
from dataclasses import asdict
from pathlib import Path

import numpy as np

from . import cache, catalogs, hardware, launch, model, radiation, solar, thermal
from .cache import write_all_atomically
from .constants import DAY, JULIAN_YEAR
from .errors import OrbitalInputError
from .orbits import Orbit
from .results import Written
from .scenario import SCHEMA, Scenario
from .sweep import shown_value, unit_of

__all__ = [
    "FIGURES",
    "FIGURE_FORMATS",
    "PALETTE",
    "UNCERTAINTY_FIGURES",
    "figure_names",
    "pareto_chart",
    "render",
    "write_figures",
]

FIGURE_FORMATS = ("png", "svg", "pdf")

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

_STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 8.5,
    "axes.grid": True,
    "grid.alpha": 0.3,
}
_SAVE_DPI = 200  # figure files: print quality
SCREEN_DPI = 150  # figures embedded in the HTML report: ~1,050 px wide, half the bytes and encoding time


#: Where the figure being drawn goes: the user's ``ax``/``fig`` and ``title`` (see :func:`_styled`).
_TARGET = contextvars.ContextVar("orbital_figure_target", default=None)


def _styled(function):
    """Draw a figure under the package style, whatever the user's rcParams say.

    Every figure function so wrapped also takes ``ax=`` (a matplotlib Axes to draw into, for
    the figures that draw one), ``fig=`` (a Figure to draw into) and ``title=False`` (leave
    the title to the caller).
    """

    @functools.wraps(function)
    def styled(*args, ax=None, fig=None, title=True, **kwargs):
        import matplotlib
        from cycler import cycler

        token = _TARGET.set({"ax": ax, "fig": fig, "title": title, "name": function.__name__})
        try:
            with matplotlib.rc_context({**_STYLE, "axes.prop_cycle": cycler(color=PALETTE)}):
                return function(*args, **kwargs)
        finally:
            _TARGET.reset(token)

    return styled


def _figure(ncols=1, figsize=(7.0, 4.3)):
    """A figure and its axes: the caller's ``ax`` or ``fig`` if given, else a new bare Figure."""
    target = _TARGET.get() or {}
    if target.get("ax") is not None:
        if ncols != 1:
            raise OrbitalInputError(f"{target['name']} draws {ncols} axes: pass fig= instead of ax=")
        return target["ax"].figure, target["ax"]
    if target.get("fig") is not None:
        return target["fig"], target["fig"].subplots(1, ncols)
    # A bare Figure (no pyplot): nothing is registered with a GUI backend and nothing leaks.
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, dpi=110, layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, axes


def _finish(fig, title, data):
    if (_TARGET.get() or {}).get("title", True):
        # Wrapped to the figure's width (~0.52 em per character at 11 pt): the layout keeps the title
        # inside the canvas, it does not shorten a line that is wider than the canvas.
        width = max(20, int(fig.get_figwidth() * 72 / (11 * 0.52)))
        lines = [textwrap.fill(line, width) for line in title.split("\n")]
        fig.suptitle("\n".join(lines), fontsize=11)
    fig.orbital_data = data
    return fig


@functools.lru_cache(maxsize=4)
def _track(altitude, inclination, raan, epoch, eccentricity, days, step, shadow):
    orbit = Orbit(altitude=altitude, inclination=inclination, raan=raan, epoch=epoch, eccentricity=eccentricity)
    return orbit.sunlight(days=days, step=step, shadow=shadow)


def _series(sc: Scenario):
    """The scenario's sunlight track, exactly as the composer samples it (kept for the next figure)."""
    o, s = model.scenario_orbit(sc), sc.orbit
    return _track(
        o.altitude,
        o.inclination,
        o.raan,
        o.epoch.isot,
        o.eccentricity,
        s.sunlight_days / DAY,
        s.sunlight_step,
        s.shadow,
    )


# --------------------------------------------------------------------------------------
# The nine figures
# --------------------------------------------------------------------------------------


def _plain_log_ticks(axis, ticks):
    """Log-axis ticks written as plain numbers (1, 2, 5, 10 rather than 10⁰, 10¹)."""
    from matplotlib.ticker import FixedLocator, NullLocator, StrMethodFormatter

    axis.set_major_locator(FixedLocator(ticks))
    axis.set_major_formatter(StrMethodFormatter("{x:,g}"))
    axis.set_minor_locator(NullLocator())


def orbit_label(orbit: Orbit) -> str:
    return f"{orbit.altitude / 1e3:,.0f} km, {orbit.inclination:.1f}°"


@_styled
def beta_and_sunlight(sc: Scenario, result=None):
    """Beta angle and the daily sunlit fraction over the scenario's span: eclipse seasons are where it dips."""
    means = model.orbit_physics(sc)["daily"]  # from the disk cache when the scenario has run
    daily, beta = np.asarray(means["sunlit_fraction"]), np.asarray(means["beta"])
    n = daily.size
    day = np.arange(n) + 0.5
    fig, ax = _figure()
    eclipsed = daily < 1.0 - 1e-9
    if eclipsed.any():  # shade the eclipse season(s) day by day
        ax.fill_between(
            np.arange(n),
            0,
            1,
            where=eclipsed,
            step="post",
            color=PALETTE[7],
            alpha=0.08,
            transform=ax.get_xaxis_transform(),
            label="days with eclipses",
        )
    ax.plot(day, beta, color=PALETTE[0], lw=1.4, label="beta angle, daily mean (left)")
    ax.set_xlabel("Days from the epoch [day]")
    ax.set_ylabel("Beta angle [deg]", color=PALETTE[0])
    ax.set_xlim(0, n)
    right = ax.twinx()
    right.plot(day, daily, color=PALETTE[3], lw=1.4, label="sunlit fraction, daily mean (right)")
    right.set_ylabel("Sunlit fraction of the day [-]", color=PALETTE[3])
    right.set_ylim(min(0.5, daily.min() - 0.02), 1.005)
    right.grid(False)
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="lower left", framealpha=0.9)
    o = model.scenario_orbit(sc)
    return _finish(
        fig,
        f"Sunlight over {sc.orbit.sunlight_days / DAY:g} days from {o.epoch.isot[:10]}: {orbit_label(o)}",
        {"day": day, "daily_beta_deg": beta, "daily_sunlit_fraction": daily},
    )


@_styled
def solar_power_by_orbit(sc: Scenario, result=None):
    """Orbit-average array output per m² against altitude for several LTANs, and the ground panel."""
    altitudes = np.array([400e3, 550e3, 700e3, 850e3, 1000e3])
    ltans = (18.0, 15.0, 12.0)
    cell = solar.cell(sc.solar.cell)
    lines = {}
    fig, ax = _figure()
    for k, ltan in enumerate(ltans):
        values = []
        for altitude in altitudes:  # 15 year-long tracks; each is one vectorized propagation
            orbit = Orbit.sun_synchronous(altitude, ltan, sc.orbit.epoch)
            # A year mean: 30-min steps give the sunlit fraction of 10-min steps to 1e-4 (550 km dawn-dusk).
            series = orbit.sunlight(days=365.0, step=1800.0)
            light = solar.array_illumination(series, altitude, sc.solar.pointing)
            values.append(float(solar.orbit_average_output(light, cell)[0]))
        lines[ltan] = np.array(values)
        ax.plot(altitudes / 1e3, lines[ltan], "o-", color=PALETTE[k], label=f"sun-synchronous, LTAN {ltan:02.0f}:00")
    ground = model._ground_solar(sc.terrestrial.site, sc.solar.cell)
    ground_mean = ground["energy_density"] / JULIAN_YEAR
    ax.axhline(
        ground_mean,
        color=PALETTE[7],
        ls="--",
        lw=1.2,
        label=f"the same array on the ground ({sc.terrestrial.site}, fixed tilt, TMY)",
    )
    ax.set_xlabel("Altitude [km]")
    ax.set_ylabel("Year-average output, beginning of life [W/m²]")
    ax.set_ylim(0, None)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.2), framealpha=0.9)  # between the ground and orbit lines
    return _finish(
        fig,
        f"Solar output per m² of array ({cell.name}, {sc.solar.pointing})\ndawn-dusk gets "
        f"{lines[18.0].min() / ground_mean:.1f}-{lines[18.0].max() / ground_mean:.1f}× the ground "
        "(Suncatcher: up to 8×)",
        {"altitude_km": altitudes / 1e3, "w_per_m2": lines, "ground_w_per_m2": ground_mean},
    )


def _coating_environments(sc: Scenario, names) -> dict:
    """Each coating's radiator environment on the scenario's orbit, after its life: kept in the disk cache
    beside the orbit physics, so a warm report does not propagate the year again for this figure."""
    o = model.scenario_orbit(sc)

    def compute():
        series = _series(sc)
        out = {}
        for name in names:
            coat = thermal.coating(name)
            alpha = float(thermal.absorptance_at(sc.finance.lifetime, coat.absorptance, coat.absorptance_rate))
            env = thermal.radiator_environment(series, o.altitude, alpha, coat.emittance, 2, sc.thermal.attitude)
            out[name] = {k: (float(v) if not isinstance(v, str) else v) for k, v in asdict(env).items()}
        return out

    key = {"physics": model._physics_key(sc), "coatings": list(names), "catalog": sc.catalog or None}

    def validate(value):  # every coating, every field, numbers where numbers belong (TypeError otherwise)
        for name in names:
            env = thermal.RadiatorEnvironment(**value[name])
            env.hot + env.cold + env.mean + env.absorptivity + env.emissivity

    stored = cache.cached("coating-environments", key, compute, validate=validate)
    return {name: thermal.RadiatorEnvironment(**stored[name]) for name in names}


@_styled
def radiator_vs_temperature(sc: Scenario, result=None):
    """Net rejection and radiator area per MW against radiator temperature, for several coatings."""
    o = model.scenario_orbit(sc)
    temperatures = np.union1d(np.linspace(260.0, 380.0, 25), [sc.thermal.radiator_temperature])
    names = ("silver-teflon", "quartz-over-silver", "white-epoxy", "az-93", "black-paint")
    fig, (left, right) = _figure(ncols=2, figsize=(9.5, 4.2))
    data = {"temperature_k": temperatures}
    environments = _coating_environments(sc, names)
    for k, name in enumerate(names):
        env = environments[name]
        net = thermal.net_rejection(temperatures, env.emissivity, env.hot, 2)
        design = thermal.size_radiator(
            1e6, temperatures, env, thermal.panel(sc.thermal.panel), thermal.loop(sc.thermal.loop), infeasible="inf"
        )
        data[name] = {"net_w_per_m2": net, "area_m2_per_mw": np.asarray(design.area, dtype=float)}
        style = "-" if name == sc.thermal.coating else "--"
        label = f"{name} (this scenario)" if name == sc.thermal.coating else name
        left.plot(temperatures - 273.15, net, style, color=PALETTE[k], label=label)
        right.plot(temperatures - 273.15, design.area, style, color=PALETTE[k], label=label)
    for axis in (left, right):
        axis.axvline(sc.thermal.radiator_temperature - 273.15, color=PALETTE[7], ls=":", lw=1.0)
        axis.set_xlabel("Radiator temperature [°C]")
    left.axhline(0.0, color=PALETTE[7], lw=0.8)
    left.set_ylabel("Net rejection, hot case [W/m² of panel]")
    right.set_ylabel("Radiator area [m² per MW of heat]")
    right.set_yscale("log")
    _plain_log_ticks(right.yaxis, [300, 500, 700, 1000, 1500, 2000, 3000, 5000, 10000])
    left.legend(title=f"coating, after {sc.finance.lifetime / JULIAN_YEAR:g} yr", loc="upper left")
    return _finish(
        fig,
        f"Heat rejection: two-sided {sc.thermal.attitude} radiator at {o.altitude / 1e3:,.0f} km "
        f"(dotted: this scenario's {sc.thermal.radiator_temperature - 273.15:g} °C)",
        data,
    )


#: Track sampling of the radiation figures' extra orbits [days, samples] (LEO: phase-averaged, so the
#: days do not matter). Coarser than a scenario's 1,500: 400 phase samples keep the dose behind 10 mm
#: within 5 % of 6,000 and 1,000 within 3 % (475-1,200 km, 53° and 98°); the map's goodputs within
#: 0.015 of 6,000-sample ones at every cell.
_MAP_TRACK = (30.0, 400)
_REFERENCE_TRACK = (30.0, 1000)
_MAP_ALTITUDES = np.array([400e3, 600e3, 800e3, 1000e3, 1200e3])
_MAP_INCLINATIONS = np.array([30.0, 53.0, 75.0, 98.0])


def _reference_orbits(sc: Scenario) -> dict:
    return {
        "ISS-like": Orbit.circular(420e3, 51.6, epoch=sc.orbit.epoch),
        "polar": Orbit.circular(1200e3, 90.0, epoch=sc.orbit.epoch),
    }


def _map_orbits(sc: Scenario) -> list:
    return [Orbit.circular(a, i, epoch=sc.orbit.epoch) for i in _MAP_INCLINATIONS for a in _MAP_ALTITUDES]


def _tracks(sc: Scenario, names) -> list:
    """(orbit, days, samples) of every trapped-particle track the named figures need beyond the composer's."""
    tracks = []
    if "dose-depth" in names:
        tracks += [(orbit, *_REFERENCE_TRACK) for orbit in _reference_orbits(sc).values()]
    if "goodput-map" in names:
        tracks += [(orbit, *_MAP_TRACK) for orbit in _map_orbits(sc)]
    return tracks


def _track_key(orbit: Orbit, days, samples, solar):
    return (orbit.altitude, orbit.inclination, orbit.raan, orbit.eccentricity, orbit.epoch.isot, days, samples, solar)


def _environment(environments, orbit: Orbit, days, samples, solar):
    """A trapped-particle track: from ``environments`` (key -> Future, computed ahead) or computed now."""
    future = (environments or {}).get(_track_key(orbit, days, samples, solar))
    return future.result() if future is not None else radiation.trapped_environment(orbit, days, samples, solar)


@_styled
def dose_depth_curves(sc: Scenario, result=None, environments=None):
    """Dose behind aluminium for the scenario's orbit and reference orbits, with the chip's dose limit."""
    r = sc.radiation
    tracks = {
        "this scenario": (model.scenario_orbit(sc), r.track_days / DAY, int(r.track_samples))
    }  # the composer's own track
    tracks.update({label: (orbit, *_REFERENCE_TRACK) for label, orbit in _reference_orbits(sc).items()})
    depths = np.union1d(np.geomspace(0.5e-3, 20e-3, 25), [r.shielding])  # the scenario's own shield on the grid
    chip = radiation.accelerator(hardware.fleet_accelerator(sc.compute))
    fig, ax = _figure()
    data = {"thickness_mm": depths * 1e3}
    for k, (label, (orbit, days, samples)) in enumerate(tracks.items()):
        total = radiation.dose_depth(_environment(environments, orbit, days, samples, r.solar), depths).total
        data[label] = total
        ax.plot(depths * 1e3, total, "-", color=PALETTE[k], label=f"{label} ({orbit_label(orbit)})")
    years = sc.finance.lifetime / JULIAN_YEAR
    limit = chip.tid_limit / years
    ax.axhline(
        limit,
        color=PALETTE[3],
        ls="--",
        lw=1.2,
        label=f"{chip.name} limit: {chip.tid_limit:,.0f} rad(Si) over {years:g} yr",
    )
    ax.axvline(
        r.shielding * 1e3, color=PALETTE[7], ls=":", lw=1.0, label=f"this scenario's shield, {r.shielding * 1e3:g} mm"
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    _plain_log_ticks(ax.xaxis, [0.5, 1, 2, 5, 10, 20])
    ax.set_xlabel("Aluminium shield thickness [mm]")
    ax.set_ylabel("Dose in silicon [rad(Si)/yr]")
    ax.legend(loc="upper right", framealpha=0.9)
    data["limit_rad_per_year"] = limit
    return _finish(
        fig, f"Dose-depth at the centre of Al spheres (AP8/AE8 solar {r.solar}, SHIELDOSE-2, GCR H+He)", data
    )


@_styled
def goodput_map(sc: Scenario, result=None, environments=None):
    """Goodput of the scenario's workload by altitude and inclination, behind the scenario's shield."""
    result = result or model.run(sc)
    r, c, w = sc.radiation, sc.compute, sc.workload
    chips = result.physics["accelerators"]
    chip = radiation.accelerator(hardware.fleet_accelerator(c))  # a mixed fleet: its largest system's chip
    systems = hardware.fleet(c)
    largest = hardware.server(max(systems, key=systems.get))
    replica = largest.accelerators if w.replica_accelerators is None else w.replica_accelerators
    goodput = []
    for orbit in _map_orbits(sc):  # 20 tracks through IRBEM, each vectorized over its samples
        env = model.radiation_behind_shield(_environment(environments, orbit, *_MAP_TRACK, r.solar), r.shielding)
        effects = radiation.cluster_effects(
            chip,
            chips,
            env["dose_per_year"],
            env["proton_flux"],
            w.checkpoint_time,
            w.restart_time,
            heavy_ion_rate=model.heavy_ion_rates(chip, env)["interrupt"],
        )
        goodput.append(model.workload_goodputs(w, effects, chips, replica)[0])
    values = np.reshape(goodput, (_MAP_INCLINATIONS.size, _MAP_ALTITUDES.size))
    fig, ax = _figure()
    x, y = np.arange(_MAP_ALTITUDES.size), np.arange(_MAP_INCLINATIONS.size)  # evenly spaced cells
    mesh = ax.pcolormesh(x, y, values, cmap="viridis", vmin=0.0, vmax=1.0, shading="nearest")
    for i in y:
        for j in x:
            ax.text(
                j,
                i,
                f"{values[i, j]:.2f}",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if values[i, j] < 0.6 else "black",
            )
    fig.colorbar(mesh, ax=ax, label=f"Goodput of the {w.kind} workload [-]")
    ax.set_xticks(x, [f"{a / 1e3:,.0f}" for a in _MAP_ALTITUDES])
    ax.set_yticks(y, [f"{v:g}" for v in _MAP_INCLINATIONS])
    ax.set_xlabel("Altitude [km]")
    ax.set_ylabel("Inclination [deg]")
    ax.grid(False)
    o = model.scenario_orbit(sc)
    ax.set_title(
        f"this scenario ({orbit_label(o)}): goodput {result.orbital.goodput:.2f}; map cells ±0.02 "
        f"({_MAP_TRACK[1]} phase samples per orbit)",
        fontsize=9,
    )
    what = (
        f"{replica:,.0f}-accelerator inference replicas ({w.recovery_time / 60:g} min recovery"
        if w.kind == "inference"
        else f"a {chips:,}-accelerator {w.kind} job ({w.checkpoint_time:g} s checkpoints, "
        f"{w.restart_time / 60:g} min restarts"
    )
    return _finish(
        fig,
        f"Goodput of {what}; {chip.name}, {r.shielding * 1e3:g} mm Al, solar {r.solar})",
        {"altitude_km": _MAP_ALTITUDES / 1e3, "inclination_deg": _MAP_INCLINATIONS, "goodput": values},
    )


def _fill(k):
    """Colour and hatch of the k-th stacked item: the palette (grey for black), hatched on its second pass."""
    colours = (*PALETTE[:7], "#999999")
    return colours[k % len(colours)], (None, "//", "..")[(k // len(colours)) % 3]


@_styled
def mass_budget(sc: Scenario, result=None):
    """The satellite's mass per kW of IT load, stacked by subsystem."""
    result = result or model.run(sc)
    budget = result.physics["mass_budget_kg_per_kw"]
    fig, ax = _figure(figsize=(6.5, 4.8))
    bottom = 0.0
    for k, (name, value) in enumerate(budget.items()):
        colour, hatch = _fill(k)
        ax.bar(
            [sc.name],
            [value],
            bottom=bottom,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.5,
            width=0.5,
            label=f"{name.replace('_', ' ')}: {value:.1f}",
        )
        bottom += value
    ax.set_ylabel("Mass [kg per kW of IT load]")
    ax.set_xlabel("Scenario")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1], labels[::-1], loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, title="kg/kW"
    )  # reversed: the legend reads top to bottom like the stack
    return _finish(
        fig, f"Satellite mass budget: {bottom:.1f} kg per kW of IT load", {"kg_per_kw": budget, "total": bottom}
    )


@_styled
def cost_per_mw(sc: Scenario, result=None):
    """Lifetime cost per MW by line item (capital charged to the study, discounted opex, credits below
    zero), orbital against terrestrial."""
    result = result or model.run(sc)
    sides = {"orbital": result.orbital, "terrestrial": result.terrestrial}
    data = {name: {k: v / 1e6 for k, v in model.lifetime_cost_items(sc, side).items()} for name, side in sides.items()}
    names = list(dict.fromkeys(k for items in data.values() for k, v in items.items() if v != 0))
    fig, ax = _figure(figsize=(7.5, 4.8))
    tops, floors = np.zeros(2), np.zeros(2)  # costs stack up from 0, credits (resale) down from 0
    for k, item in enumerate(names):  # one colour per line item, on both bars
        heights = np.array([data[side].get(item, 0.0) for side in sides])
        colour, hatch = _fill(k)
        ax.bar(
            [0, 1],
            heights,
            bottom=np.where(heights >= 0, tops, floors),
            width=0.55,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.5,
            label=item.replace("_", " "),
        )
        tops += np.maximum(heights, 0.0)
        floors += np.minimum(heights, 0.0)
    for x, (top, net) in enumerate(zip(tops, tops + floors, strict=True)):
        ax.text(x, top, f"{net:,.1f}" + (" net" if net != top else ""), ha="center", va="bottom", fontsize=9)
    ax.set_ylim(min(floors.min() * 1.3, 0.0), tops.max() * 1.08)  # room for the totals and the credits
    ax.axhline(0.0, color="black", linewidth=0.6)
    ax.set_xticks([0, 1], list(sides))
    ax.set_ylabel("Lifetime cost per MW of IT load [million USD]")
    lifetime = sc.finance.lifetime / JULIAN_YEAR
    ax.set_xlabel(
        f"Capital charged to {lifetime:g} years, opex discounted at {sc.finance.discount_rate:.0%}, credits below 0"
    )
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    return _finish(
        fig,
        f"Cost per MW: levelized {result.orbital.lcoc_usd_per_mwh:,.0f} against "
        f"{result.terrestrial.lcoc_usd_per_mwh:,.0f} USD/MWh of useful IT energy",
        data,
    )


#: The ground side's energy price the break-even map varies, by power source:
#: (scenario key, axis label, factor from SI to the axis unit, axis range in the axis unit).
_GROUND_PRICE_AXIS = {
    "grid": ("electricity_price", "Grid electricity price [USD/kWh]", 3.6e6, (0.02, 0.40)),
    "solar-storage": ("electricity_price", "Backup grid electricity price [USD/kWh]", 3.6e6, (0.02, 0.40)),
    "gas": ("gas_price", "Natural gas price [USD/MMBtu]", 1055.05585e6, (1.0, 20.0)),
    "hybrid": ("electricity_price", "Grid electricity price (grid share) [USD/kWh]", 3.6e6, (0.02, 0.40)),
}


def _linear(sc: Scenario, section, key, base, values, side):
    """A side's levelized cost at several values of one price, from two composer runs.

    Levelized cost is linear in launch price (a capex line) and in energy price (an opex line), so two
    runs give the line exactly; the tests check it against direct runs.
    """
    high = base * 2.0 + (1.0 if key == "price_per_kg" else 1e-9)
    changes = {"launch__year": None} if key == "price_per_kg" else {}  # a price replaces the learning-curve year
    unit = SCHEMA[section][key].unit  # SI, given explicitly: a bare number would be read in the file's unit

    def lcoc(price):
        return getattr(model.run(sc.replace(**changes, **{f"{section}__{key}": f"{price!r} {unit}"})), side)

    at_base, at_high = lcoc(base).lcoc_usd_per_mwh, lcoc(high).lcoc_usd_per_mwh
    return at_base + (at_high - at_base) / (high - base) * (np.asarray(values) - base)


@_styled
def break_even_map(sc: Scenario, result=None):
    """Levelized-cost ratio (orbit / ground) over launch price and the ground's energy price, with parity."""
    result = result or model.run(sc)
    key, label, factor, (low, high) = _GROUND_PRICE_AXIS[sc.terrestrial.power_source]
    launch_prices = np.geomspace(10.0, 5000.0, 60)
    energy_prices = np.linspace(low, high, 50)
    base_launch = result.physics["price_per_kg_reference"]
    orbit = _linear(sc, "launch", "price_per_kg", base_launch, launch_prices, "orbital")
    base_energy = getattr(sc.terrestrial, key)
    ground = _linear(sc, "terrestrial", key, base_energy, energy_prices / factor, "terrestrial")
    ratio = orbit[None, :] / ground[:, None]
    fig, ax = _figure()
    mesh = ax.pcolormesh(launch_prices, energy_prices, np.log10(ratio), cmap="RdBu_r", vmin=-1, vmax=1, shading="auto")
    bar = fig.colorbar(mesh, ax=ax, ticks=np.log10([0.1, 0.2, 0.5, 1, 2, 5, 10]))
    bar.ax.set_yticklabels(["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    bar.set_label("Levelized cost ratio, orbit / ground [-]")
    levels = [v for v in (0.5, 1.0, 2.0, 3.0, 5.0, 10.0) if ratio.min() < v < ratio.max()]
    if levels:
        contour = ax.contour(
            launch_prices,
            energy_prices,
            ratio,
            levels=levels,
            colors="k",
            linewidths=[2.0 if v == 1.0 else 0.7 for v in levels],
        )
        ax.clabel(contour, fmt={v: "parity" if v == 1.0 else f"{v:g}×" for v in levels}, fontsize=8)
    if not ratio.min() < 1.0 < ratio.max():
        word = "more" if ratio.min() >= 1.0 else "less"
        ax.text(
            0.5,
            0.92,
            f"no parity here: orbit costs {word} everywhere (ratio {ratio.min():.2g} to {ratio.max():.2g})",
            transform=ax.transAxes,
            ha="center",
            fontsize=9,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
    ax.plot(
        [base_launch],
        [base_energy * factor],
        "o",
        color=PALETTE[6],
        mec="k",
        ms=8,
        label=f"this scenario: ratio {result.cost_ratio:.3g}",
    )
    ax.set_xscale("log")
    _plain_log_ticks(ax.xaxis, [10, 20, 50, 100, 200, 500, 1000, 2000, 5000])
    ax.set_xlabel("Launch price to the vehicle's reference orbit [USD/kg]")
    ax.set_ylabel(label)
    ax.legend(loc="lower left", framealpha=0.9)
    ax.grid(False)
    return _finish(
        fig,
        f"Where orbit and ground cost the same ({sc.terrestrial.power_source} power on the ground)",
        {"launch_price_usd_per_kg": launch_prices, "energy_price": energy_prices, "ratio": ratio},
    )


@_styled
def learning_curve(sc: Scenario, result=None):
    """Launch price per kg on Wright's law over the years, and when it reaches the break-even price."""
    result = result or model.run(sc)
    curve = launch.LEARNING_CURVE
    years = np.linspace(curve["year"], curve["year"] + 25.0, 301)
    world = launch.world_cadence(sc.launch)
    prices = launch.wright_price(launch.cumulative_mass_in_year(years, **world))
    fig, ax = _figure()
    ax.plot(
        years,
        prices,
        color=PALETTE[0],
        lw=1.6,
        label=f"Wright's law: {curve['learning_rate']:.0%} cheaper per doubling of launched mass; world "
        f"{world['cadence'] / 1e3:,.0f} t/yr in {curve['upmass_year']:.0f}, +{world['growth']:.0%}/yr",
    )
    ax.axhline(
        result.physics["price_per_kg_reference"],
        color=PALETTE[7],
        ls=":",
        lw=1.0,
        label=f"this scenario's price: {result.physics['price_per_kg_reference']:,.0f} USD/kg",
    )
    be = result.break_even_launch_price_usd_per_kg
    reached = None
    if be is not None:
        reached = float(launch.year_for_price(be, **world))
        ax.axhline(
            be,
            color=PALETTE[3],
            ls="--",
            label=f"break-even: {be:,.0f} USD/kg, "
            + (f"reached in {reached:.0f}" if reached < 2100 else "not reached by 2100"),
        )
        if reached <= years[-1]:
            ax.axvline(reached, color=PALETTE[3], ls="-.", label="break-even year")
    else:
        ax.text(
            0.6,
            0.72,
            f"No break-even launch price:\n{result.break_even_note.removeprefix('none: ')}",
            transform=ax.transAxes,
            ha="center",
            fontsize=9,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
    ax.set_yscale("log")
    _plain_log_ticks(ax.yaxis, [10, 20, 50, 100, 200, 500, 1000, 2000, 5000])
    ax.set_xlabel("Calendar year [yr]")
    ax.set_ylabel("Launch price to the reference orbit [USD/kg]")
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    return _finish(
        fig,
        "Launch price learning curve (Suncatcher's Wright's law, arXiv:2511.19468, at the world's cadence)",
        {"year": years, "usd_per_kg": prices, "break_even": be, "year_reached": reached},
    )


#: Samples behind the crossover figure's band (x the years): percentiles to ~2 %.
_CROSSOVER_SAMPLES = 2000


@_styled
def sobol_chart(sc: Scenario, result=None, output="cost_ratio", indices=None):
    """Sobol' first- and total-order indices of the cost ratio over the [uncertainty] distributions."""
    from . import uncertainty

    si = indices or uncertainty.sobol(sc, output)
    output = si.output
    order = np.argsort(-si.total)
    names = [si.names[i] for i in order]
    y = np.arange(len(names))
    fig, ax = _figure(figsize=(7.5, 0.9 + 0.45 * len(names)))
    ax.barh(
        y - 0.18,
        si.first[order],
        height=0.36,
        xerr=si.first_conf[order],
        color=PALETTE[0],
        capsize=2,
        label="first order S1 (alone)",
    )
    ax.barh(
        y + 0.18,
        si.total[order],
        height=0.36,
        xerr=si.total_conf[order],
        color=PALETTE[1],
        capsize=2,
        label="total order ST (with interactions)",
    )
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(min(0.0, float(np.min(si.first - si.first_conf)) - 0.02), 1.05)
    ax.set_xlabel(f"Sobol' index of {output} [-] (share of its variance; bars: bootstrap 95 % CI)")
    ax.set_ylabel("Uncertain parameter")
    ax.legend(loc="lower right", fontsize=8)
    converged = "converged" if si.converged else "NOT converged"
    return _finish(
        fig,
        f"Global sensitivity of {output}: N = {si.base_samples:,} ({si.runs:,} runs), ST {converged} to ±{si.target:g}",
        {"names": si.names, "S1": si.first, "S1_conf": si.first_conf, "ST": si.total, "ST_conf": si.total_conf},
    )


@_styled
def tornado_chart(sc: Scenario, result=None, output="cost_ratio", swings=None):
    """One-at-a-time swings of the cost ratio, each uncertain parameter from its P10 to its P90."""
    from . import uncertainty

    t = swings or uncertainty.tornado(sc, output)
    output = t["output"]
    names = list(t["swings"])
    fig, ax = _figure(figsize=(7.5, 0.9 + 0.45 * len(names)))
    base = t["base"]
    for k, name in enumerate(names):
        s = t["swings"][name]
        if abs(s["output_at_high"] - s["output_at_low"]) <= 1e-9 * abs(base):
            ax.text(base, k, f"  no effect on {output}", va="center", ha="left", fontsize=7)
            continue
        for value, at, colour in (
            (s["low_value"], s["output_at_low"], PALETTE[0]),
            (s["high_value"], s["output_at_high"], PALETTE[3]),
        ):
            ax.barh(k, at - base, left=base, color=colour, height=0.6)
            ax.text(
                at, k, f" {shown_value(name, value)} ", va="center", ha="left" if at >= base else "right", fontsize=7
            )
    ax.axvline(base, color=PALETTE[7], lw=1.0)
    if output == "cost_ratio":
        ax.axvline(1.0, color=PALETTE[2], ls="--", lw=1.0, label="parity (ratio 1)")
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.4, -0.6)  # largest swing on top, room for the last row's label
    ax.margins(x=0.25)
    ax.set_xlabel(f"{output} [{unit_of(output) or '-'}] (base {base:.3g}: every parameter at its base value)")
    ax.set_ylabel("Parameter (at its P10 / P90)")
    from matplotlib.patches import Patch

    handles = [
        Patch(color=PALETTE[0], label=f"at P{t['percentiles'][0]}"),
        Patch(color=PALETTE[3], label=f"at P{t['percentiles'][1]}"),
    ]
    if output == "cost_ratio":
        handles.append(ax.get_legend_handles_labels()[0][0])
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    return _finish(fig, f"Tornado: one-at-a-time swings of {output}", t)


@_styled
def crossover_chart(sc: Scenario, result=None, crossing=None):
    """Levelized cost of compute by year under launch learning and the [trends], with the crossover year."""
    from . import uncertainty

    c = crossing or uncertainty.crossover(sc, samples=_CROSSOVER_SAMPLES if sc.uncertainty else 0)
    samples = c.samples
    fig, ax = _figure()
    for side, colour in (("orbital", PALETTE[0]), ("terrestrial", PALETTE[1])):
        ax.plot(c.years, getattr(c, f"lcoc_{side}"), color=colour, lw=1.6, label=f"{side} (scenario values)")
        if c.lcoc_band is not None:
            band = c.lcoc_band[side]
            ax.fill_between(
                c.years,
                band[10],
                band[90],
                color=colour,
                alpha=0.2,
                lw=0,
                label=f"{side} P10-P90 ({samples:,} samples)",
            )
    if c.year is not None:
        ax.axvline(c.year, color=PALETTE[3], ls="--", label=f"crossover: {c.year:.0f}")
    note = f"no crossover by {c.years[-1]:.0f}" if c.year is None else f"crossover in {c.year:.0f}"
    if c.band is not None:
        note += f"\nsampled: P10 {c.band[10]:.0f}, P50 {c.band[50]:.0f}, P90 {c.band[90]:.0f}"
    if c.never_fraction is not None:
        note += f"\n{c.never_fraction:.0%} of samples never cross by {c.years[-1]:.0f}"
    ax.text(
        0.98,
        0.62,
        note,
        transform=ax.transAxes,
        fontsize=8,
        va="top",
        ha="right",
        bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
    )
    ax.set_yscale("log")
    ax.set_xlabel("Launch year [yr]")
    ax.set_ylabel("Levelized cost of compute [USD/MWh]")
    ax.legend(loc="upper right", fontsize=8)
    t = sc.trends
    return _finish(
        fig,
        "Crossover year: launch price on Wright's law; hardware "
        f"{t.hardware_price_change:+.0%}/yr, bus {t.bus_cost_change:+.0%}/yr, "
        f"electricity {t.electricity_price_change:+.0%}/yr",
        {
            "years": c.years,
            "lcoc_orbital": c.lcoc_orbital,
            "lcoc_terrestrial": c.lcoc_terrestrial,
            "year": c.year,
            "band": c.band,
            "never_fraction": c.never_fraction,
        },
    )


@_styled
def pareto_chart(columns: dict, front, x="lcoc_orbital", y="mass"):
    """All feasible designs of a sweep and their non-dominated set in two outputs."""
    fig, ax = _figure()
    xs, ys = np.asarray(columns[x], float), np.asarray(columns[y], float)
    ok = np.isfinite(xs) & np.isfinite(ys) & np.asarray(columns.get("feasible", True))
    ax.scatter(xs[ok], ys[ok], s=4, color=PALETTE[5], alpha=0.4, lw=0, label=f"designs ({np.count_nonzero(ok):,})")
    order = np.argsort(xs[front])
    ax.plot(
        xs[front][order],
        ys[front][order],
        "o-",
        color=PALETTE[3],
        ms=3,
        lw=1.2,
        label=f"non-dominated ({len(front):,})",
    )
    for values, axis in ((xs[ok], ax.xaxis), (ys[ok], ax.yaxis)):
        if values.size and np.min(values) > 0 and np.max(values) > 10 * np.min(values):
            (ax.set_xscale if axis is ax.xaxis else ax.set_yscale)("log")  # decades of cost: read them evenly
    ax.set_xlabel(f"{x} [{unit_of(x) or '-'}]")
    ax.set_ylabel(f"{y} [{unit_of(y) or '-'}]")
    ax.legend(loc="upper right", fontsize=8)
    return _finish(fig, f"Pareto front: {x} against {y} (both minimised)", {"front": np.asarray(front)})


#: name -> (caption, function)
@_styled
def explain_chart(explanation):
    """The change of the cost ratio from one scenario to another, by group: the sequential waterfall
    (bars from the running total) beside the Shapley values (order-free)."""
    e = explanation
    groups = [g for g in e.ranked() if e.shapley["cost_ratio"][g] != 0.0 or e.waterfall["cost_ratio"][g] != 0.0]
    start, end = e.values["cost_ratio"]
    fig, (left, right) = _figure(ncols=2, figsize=(10.0, 0.45 * len(groups) + 2.4))
    order = [g for g in e.groups if g in groups]  # the walk's own order
    running, reached = start, [start, end]
    for k, g in enumerate(order):
        step = e.waterfall["cost_ratio"][g]
        left.barh(k, step, left=running, color=PALETTE[0] if step < 0 else PALETTE[1], height=0.6)
        running += step
        reached.append(running)
    left.axvline(start, color="grey", linewidth=0.8, linestyle="--", label=f"{e.a}: {start:.3g}")
    left.axvline(end, color="black", linewidth=0.8, label=f"{e.b}: {end:.3g}")
    left.set_yticks(range(len(order)), order)
    left.invert_yaxis()
    pad = 0.06 * (max(reached) - min(reached) or 1.0)
    left.set_xlim(min(reached) - pad, max(reached) + pad)
    left.set_xlabel("Cost ratio, orbital / terrestrial LCOC [-]")
    left.set_title("Sequential walk (groups in order)", fontsize=10)
    left.legend(fontsize=8, loc="best")
    values = [e.shapley["cost_ratio"][g] for g in groups]
    right.barh(range(len(groups)), values, color=[PALETTE[0] if v < 0 else PALETTE[1] for v in values], height=0.6)
    right.axvline(0.0, color="black", linewidth=0.6)
    right.set_yticks(range(len(groups)), groups)
    right.invert_yaxis()
    right.margins(x=0.25)  # room for the value labels
    right.set_xlabel("Shapley value: change of the cost ratio [-]")
    right.set_title("Shapley values (every order averaged)", fontsize=10)
    for k, v in enumerate(values):
        right.text(v, k, f" {v:+.3g} ", va="center", ha="left" if v >= 0 else "right", fontsize=8)
    data = {"groups": groups, "shapley": values, "waterfall": [e.waterfall["cost_ratio"][g] for g in order]}
    return _finish(fig, f"Why {e.a} ({start:.3g}) and {e.b} ({end:.3g}) disagree", data)


@_styled
def build_out_chart(sc: Scenario, result=None):
    """The fleet's IT power in orbit month by month at the launch cadence, against the ground's, and the
    launches a year while it is built and in steady state (:func:`orbital.model.fleet`)."""
    f = model.fleet(sc)
    years = np.asarray(f.months, dtype=float) / 12.0
    horizon = max(years[-1], f.ground_build_years) * 1.15 + 0.1
    fig, (left, right) = _figure(ncols=2, figsize=(10.0, 4.2))
    orbit = np.append(np.asarray(f.it_power_in_orbit) / 1e6, f.it_power / 1e6)
    left.step(np.append(years, horizon), orbit, where="post", color=PALETTE[0], label="in orbit")
    left.step(
        [0.0, f.ground_build_years, horizon], [0.0, f.it_power / 1e6, f.it_power / 1e6], where="post",
        color=PALETTE[1], linestyle="--", label=f"on the ground ({f.ground_build_years:.3g} yr to build)",
    )  # fmt: skip
    left.set_xlim(0.0, horizon)
    left.set_xlabel("Years from the start of deployment")
    left.set_ylabel("IT power on line [MW]")
    left.legend(fontsize=8, loc="lower right")
    building = f.launches / f.build_years if f.build_years > 0 else 0.0
    right.bar([0, 1], [building, f.launches_per_year_steady], color=[PALETTE[0], PALETTE[2]], width=0.55)
    right.set_xticks([0, 1], ["while built", "steady state"])
    right.set_ylabel("Launches per year")
    for x, v, share in ((0, building, f.world_share_build), (1, f.launches_per_year_steady, f.world_share_steady)):
        right.text(x, v, f"{v:,.0f}\n({share:.0%} of world upmass)", ha="center", va="bottom", fontsize=8)
    right.set_ylim(0, max(building, f.launches_per_year_steady) * 1.3 or 1.0)
    data = {
        "years": years,
        "it_power_in_orbit_mw": orbit[:-1],
        "launches_per_year": [building, f.launches_per_year_steady],
    }
    return _finish(
        fig,
        f"Build-out of {f.it_power / 1e6:,.4g} MW in orbit: {f.satellites:,} satellites, {f.launches:,} launches, "
        f"{f.build_years:.3g} years",
        data,
    )


@_styled
def fleet_shells_chart(sc: Scenario, result=None):
    """Satellites per plane in each shell of the fleet's preset against what a plane holds at the minimum
    spacing, and each shell's spatial density."""
    f = model.fleet(sc)
    if not f.shells:
        raise OrbitalInputError('the fleet-shells figure needs [fleet] shells (e.g. "spacex-2026")')
    labels = [
        f"{s['altitude_m'][0] / 1e3:,.0f}-{s['altitude_m'][1] / 1e3:,.0f} km\n{s['inclination_deg']:g}°"
        for s in f.shells
    ]
    fig, (left, right) = _figure(ncols=2, figsize=(10.0, 4.2))
    x = np.arange(len(labels))
    per_plane = [s["per_plane"] for s in f.shells]
    holds = [s["capacity"] / s["planes"] for s in f.shells]
    left.bar(x - 0.2, per_plane, width=0.4, color=PALETTE[0], label="the fleet's satellites per plane")
    left.bar(x + 0.2, holds, width=0.4, color=PALETTE[2], label=f"a plane holds at {sc.fleet.min_spacing / 1e3:g} km")
    left.set_ylim(0, max(max(per_plane), max(holds)) * 1.3)
    left.set_xticks(x, labels)
    left.set_ylabel("Satellites per plane")
    left.legend(fontsize=8, loc="upper center", ncol=2)
    density = [s["density_per_km3"] * 1e6 for s in f.shells]
    right.bar(x, density, width=0.55, color=PALETTE[1])
    right.set_xticks(x, labels)
    right.set_ylabel("Spatial density [satellites per 10⁶ km³]")
    data = {"per_plane": per_plane, "plane_capacity": holds, "density_per_million_km3": density}
    return _finish(fig, f"{f.satellites:,} satellites over the {sc.fleet.shells} shells", data)


@_styled
def let_spectrum_chart(sc: Scenario, result=None, environments=None):
    """Cosmic-ray nuclei above each LET behind the scenario's shield, with the chip's (assumed) heavy-ion
    and latch-up Weibull curves: where the spectrum meets the curves, the heavy-ion upsets come from."""
    from .heavy_ions import let_spectrum

    r = sc.radiation
    env = _environment(environments, model.scenario_orbit(sc), r.track_days / DAY, int(r.track_samples), r.solar)
    spectrum = let_spectrum(env, r.shielding)
    chip = radiation.accelerator(hardware.fleet_accelerator(sc.compute))
    fig, ax = _figure()
    shown = spectrum.let >= 1e-2
    ax.loglog(spectrum.let[shown], spectrum.integral[shown], color=PALETTE[0], lw=1.6, label="all nuclei (Z 1-28)")
    ax.loglog(spectrum.let[shown], spectrum.heavy[shown], color=PALETTE[1], lw=1.6, ls="--", label="Z 2-28")
    ax.set_xlabel("LET in silicon [MeV cm²/mg]")
    ax.set_ylabel("Intensity above LET [m⁻² sr⁻¹ s⁻¹]")
    ax.set_xlim(1e-2, 1e2)
    twin = ax.twinx()
    let = np.geomspace(1e-2, 1e2, 400)
    upset, latch = chip.heavy_ion_curve("interrupt"), chip.latchup_curve()
    twin.semilogx(let, upset(let), color=PALETTE[3], lw=1.2, label=f"{chip.name} interruptions (Weibull, assumed)")
    twin.semilogx(let, latch(let), color=PALETTE[4], lw=1.2, ls=":", label=f"{chip.name} latch-up (assumed)")
    twin.set_yscale("log")
    twin.set_ylim(max(latch.saturation, 1e-12) * 1e-3, upset.saturation * 3.0)
    twin.set_ylabel("Cross-section per chip [cm²]")
    lines = ax.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="lower left", fontsize=8, framealpha=0.9)
    data = {"let_mev_cm2_per_mg": spectrum.let, "all_nuclei_above": spectrum.integral, "heavy_above": spectrum.heavy}
    return _finish(
        fig,
        f"Cosmic-ray LET spectrum behind {r.shielding * 1e3:g} mm Al (Matthiä et al. 2013 nuclei, integral RPP)",
        data,
    )


@_styled
def worst_day_chart(sc: Scenario, result=None, environments=None):
    """CREME96's worst day of solar protons at 1 AU and at the scenario's orbit (through its geomagnetic
    cutoff and the Earth's shadow): the fluence of that one day above each energy."""
    r = sc.radiation
    env = _environment(environments, model.scenario_orbit(sc), r.track_days / DAY, int(r.track_samples), r.solar)
    energy, intensity = radiation.WORST_DAY_PROTONS
    outside = intensity * 4.0 * np.pi * DAY * 1e-4
    at_orbit = radiation.transmitted(env, (energy, outside), "worst day")[1]
    day = radiation.worst_day(env, r.shielding)
    fig, ax = _figure()
    ax.loglog(energy, outside, "o-", color=PALETTE[0], lw=1.4, label="at 1 AU (CREME96 worst day, Oct 1989)")
    ax.loglog(energy, at_orbit, "s-", color=PALETTE[3], lw=1.4, label="at this orbit (cutoff and Earth's shadow)")
    ax.set_xlabel("Proton energy [MeV]")
    ax.set_ylabel("Fluence above energy in the day [cm⁻²]")
    ax.text(
        0.98,
        0.95,
        f"dose behind {r.shielding * 1e3:g} mm Al: {day['dose_rad_si']:.3g} rad(Si) in the day",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=9,
    )
    ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    data = {"energy_mev": energy, "fluence_1au_cm2": outside, "fluence_orbit_cm2": at_orbit, **day}
    return _finish(fig, "The worst day of solar protons, outside the magnetosphere and at the orbit", data)


def explain_figure(sc: Scenario, result=None, against=None):
    """The walk from the scenario to ``against`` (a scenario, file or bundled name) by group of keys, or,
    without one, to its most favourable sourced values (:func:`orbital.explain.drivers`)."""
    from . import explain

    walk = explain.explain(sc, against) if against is not None else explain.drivers(sc)
    return explain_chart(walk)


FIGURES = {
    "sunlight": ("Beta angle and sunlit fraction over the year", beta_and_sunlight),
    "solar-power": ("Orbit-average solar output per m² by altitude and LTAN, against the ground", solar_power_by_orbit),
    "radiator": ("Net rejection and radiator area per MW against temperature, by coating", radiator_vs_temperature),
    "dose-depth": ("Dose-depth curves with the accelerator's dose limit", dose_depth_curves),
    "let-spectrum": ("Cosmic-ray LET spectrum behind the shield and the chip's heavy-ion curves", let_spectrum_chart),
    "worst-day": ("The worst day of solar protons at 1 AU and at the orbit", worst_day_chart),
    "goodput-map": ("Goodput by altitude and inclination", goodput_map),
    "mass-budget": ("Mass budget per kW, by subsystem", mass_budget),
    "cost": ("Cost per MW, orbital against terrestrial, by line item", cost_per_mw),
    "break-even": ("Cost ratio over launch price and the ground's energy price, with parity", break_even_map),
    "learning-curve": ("Launch price learning curve and the break-even year", learning_curve),
    "crossover": ("Levelized cost by launch year under learning and trends, with the crossover year", crossover_chart),
    "sensitivity": ("Sobol' first- and total-order indices of the cost ratio", sobol_chart),
    "tornado": ("One-at-a-time swings of the cost ratio from P10 to P90", tornado_chart),
    "explain": ("Why two scenarios disagree: the walk and the Shapley values by group of keys", explain_figure),
    "build-out": (
        "The fleet's IT power in orbit over time against the ground's, and its launches a year",
        build_out_chart,
    ),
    "fleet-shells": ("The fleet's satellites per plane and spatial density in its shells", fleet_shells_chart),
}

#: Figures of a scenario's [fleet] section (in "all" only when the scenario has one).
FLEET_FIGURES = ("build-out", "fleet-shells")

#: Figures drawn only when asked for by name (the report draws the walks in their own section).
ON_REQUEST_FIGURES = ("explain",)

#: Figures drawn from a scenario's [uncertainty] section (left out of "all" without one).
UNCERTAINTY_FIGURES = ("sensitivity", "tornado")


def figure_names(sc: Scenario) -> list:
    """The figures "all" means for a scenario: every one, less the uncertainty figures without [uncertainty], the
    fleet figures without [fleet], and those drawn only on request."""
    fleet = bool(sc.given.get("fleet"))
    return [
        n
        for n in FIGURES
        if (sc.uncertainty or n not in UNCERTAINTY_FIGURES)
        and n not in ON_REQUEST_FIGURES
        and (fleet or n not in FLEET_FIGURES)
        and (n != "fleet-shells" or bool(sc.fleet.shells))
    ]


def _check_names(names):
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        raise OrbitalInputError(f"figure = {unknown[0]!r} is not known; known: {', '.join(FIGURES)}, all")


def render(sc: Scenario, names=None, result=None, progress=None, on_figure=None, against=None):
    """The figures ``names`` (default all) of a scenario: name -> Figure, in the order asked.

    ``progress`` is called as ``progress(k, n, step)`` before the composer runs
    (k = 0, when no ``result`` is given) and before each figure. The
    trapped-particle tracks of the radiation figures (IRBEM, a few seconds) are
    computed in a background thread from the start, while the composer runs and
    the other figures are drawn. ``on_figure(name, figure)``, if given, is called
    as each figure is finished (to encode it while the tracks are still running).
    """
    from concurrent.futures import ThreadPoolExecutor

    names = figure_names(sc) if names is None else list(names)
    _check_names(names)
    radiation_figures = ("dose-depth", "goodput-map")
    order = [n for n in names if n not in radiation_figures] + [n for n in names if n in radiation_figures]
    figures = {}
    with ThreadPoolExecutor(max_workers=1) as background:
        environments = {
            _track_key(orbit, days, samples, sc.radiation.solar): background.submit(
                radiation.trapped_environment, orbit, days, samples, sc.radiation.solar
            )
            for orbit, days, samples in _tracks(sc, names)
        }
        try:
            if result is None:
                if progress:
                    progress(0, len(order), "orbit physics and costs")
                result = model.run(sc)
            for k, name in enumerate(order):
                if progress:
                    progress(k + 1, len(order), name)
                extra = {"environments": environments} if name in radiation_figures else {}
                if name == "explain":
                    extra = {"against": against}
                figures[name] = FIGURES[name][1](sc, result, **extra)
                if on_figure:
                    on_figure(name, figures[name])
        finally:
            for future in environments.values():  # on an error, do not wait for tracks nobody will draw
                future.cancel()
    return {name: figures[name] for name in names}


def figure_bytes(fig, fmt, dpi=_SAVE_DPI) -> bytes:
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    buffer = io.BytesIO()
    # A constrained layout already fits everything in the canvas; a tight bounding box would draw the
    # figure a second time to measure it. A caller's figure without a layout engine is cropped as before.
    fitted = isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
    fig.savefig(buffer, format=fmt, dpi=dpi, **({} if fitted else {"bbox_inches": "tight"}))
    return buffer.getvalue()


def check_figure_path(path) -> str:
    """Refuse, before any work, a figure file that is not .png/.svg/.pdf or cannot be written; its format."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FIGURE_FORMATS:
        raise OrbitalInputError(f"figure file {str(path)!r}: give a .png, .svg or .pdf name")
    if path.is_dir():
        raise OrbitalInputError(f"figure file {str(path)!r} is a directory; give a file name")
    cache.check_writable(path.parent)
    return fmt


def save_figure(fig, path) -> Path:
    """Write one figure to ``path`` (format from the suffix: png, svg or pdf), whole or not at all."""
    path = Path(path)
    fmt = check_figure_path(path)
    write_all_atomically({path: figure_bytes(fig, fmt)})
    return path


@catalogs.scoped
def write_figures(sc: Scenario, out_dir, names=None, fmt="png", progress=None, against=None) -> Written:
    """Render and save figures as ``<name>.<fmt>`` in ``out_dir``: all of them, or none (``orbital plot``).

    ``names`` defaults to :func:`figure_names`; ``against`` is the scenario the ``explain`` figure walks
    to; returns the files written.
    """
    if fmt not in FIGURE_FORMATS:
        raise OrbitalInputError(f"format = {fmt!r} is not one of: {', '.join(FIGURE_FORMATS)}")
    out = Path(out_dir)
    cache.check_writable(out)
    blobs = {}  # each figure encoded as soon as it is drawn, while the radiation tracks still run

    def encode(name, fig):
        blobs[name] = figure_bytes(fig, fmt)

    figures = render(sc, names, progress=progress, on_figure=encode, against=against)
    if progress:
        progress(len(figures), len(figures), f"writing {len(figures)} {fmt} file(s)")
    files = {out / f"{name}.{fmt}": blobs[name] for name in figures}
    write_all_atomically(files)
    return Written(tuple(files))
