"""Command-line interface: ``orbital <command> ...``.

The CLI only parses options (through :mod:`orbital.units`), calls the same
Python API a notebook would, and prints. Bad input exits with status 2 and a
one-line message naming the option; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import numpy as np

from . import __version__, downlink, launch, radiation, solar, thermal
from .constants import DAY, JULIAN_YEAR
from .environment import ALBEDO, EARTH_IR
from .errors import OrbitalInputError, OrbitalWarning
from .orbits import DEFAULT_EPOCH, Orbit, solar_activity
from .units import as_float, as_time

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
KWH = 3.6e6


# --------------------------------------------------------------------------------------
# Shared orbit options
# --------------------------------------------------------------------------------------


def _add_orbit_options(parser, days_default="365", sunlight=True):
    parser.add_argument("--altitude", required=True, help="mean altitude; bare number in km (e.g. 650 or '650 km')")
    plane = parser.add_mutually_exclusive_group(required=True)
    plane.add_argument("--inclination", help="inclination; bare number in deg")
    plane.add_argument("--sso", action="store_true", help="sun-synchronous: inclination from the altitude")
    parser.add_argument("--ltan", help="with --sso: local mean time of the ascending node (default 18:00, dawn-dusk)")
    parser.add_argument("--raan", help="without --sso: RAAN at the start, TEME; bare number in deg (default 0)")
    parser.add_argument("--eccentricity", default="0", help="mean eccentricity (default 0)")
    parser.add_argument("--start", default=DEFAULT_EPOCH[:10], help="epoch and start, ISO date (default 2026-01-01)")
    parser.add_argument("--days", default=days_default, help=f"span; bare number in days (default {days_default})")
    if sunlight:
        parser.add_argument("--step", default="30", help="time step; bare number in s (default 30)")
        parser.add_argument(
            "--shadow",
            choices=("conical", "cylindrical"),
            default="conical",
            help="Earth shadow model (default conical: umbra and penumbra)",
        )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")


def _orbit_from_args(args) -> Orbit:
    altitude = as_float(args.altitude, "m", name="--altitude", bare_unit="km")
    epoch = as_time(args.start, name="--start")
    eccentricity = as_float(args.eccentricity, "", name="--eccentricity")
    if args.sso:
        if args.raan is not None:
            raise OrbitalInputError("--raan cannot be combined with --sso (the LTAN sets the node); use --ltan")
        ltan = as_float(args.ltan if args.ltan is not None else "18:00", "h", name="--ltan")
        return Orbit.sun_synchronous(altitude, ltan, epoch, eccentricity)
    if args.ltan is not None:
        raise OrbitalInputError("--ltan needs --sso (for other orbits give --raan)")
    inclination = as_float(args.inclination, "deg", name="--inclination")
    raan = as_float(args.raan if args.raan is not None else 0.0, "deg", name="--raan")
    return Orbit(altitude=altitude, inclination=inclination, raan=raan % 360.0, epoch=epoch, eccentricity=eccentricity)


def _sunlight_from_args(args, orbit):
    days = as_float(args.days, "day", name="--days")
    step = as_float(args.step, "s", name="--step")
    return orbit.sunlight(days=days, step=step, shadow=args.shadow)


def _orbit_fields(orbit: Orbit, summary, shadow) -> dict:
    return {
        "orbital_version": __version__,
        "start": orbit.epoch.isot,
        "altitude_km": orbit.altitude / 1e3,
        "eccentricity": orbit.eccentricity,
        "inclination_deg": orbit.inclination,
        "raan_deg": orbit.raan,
        "ltan_h": orbit.ltan,
        "sun_synchronous": orbit.is_sun_synchronous,
        "period_s": orbit.period,
        "velocity_m_per_s": orbit.velocity,
        "raan_drift_deg_per_day": orbit.raan_drift_rate * DAY,
        "argp_drift_deg_per_day": orbit.argp_drift_rate * DAY,
        "days": summary.days,
        "step_s": summary.step_s,
        "samples": summary.samples,
        "shadow": shadow,
        "sunlit_fraction": summary.sunlit_fraction,
        "mean_irradiance_factor": summary.mean_irradiance_factor,
        "umbra_fraction": summary.umbra_fraction,
        "eclipse_days": summary.eclipse_days,
        "eclipse_count": summary.eclipse_count,
        "max_eclipse_s": summary.max_eclipse_s,
        "max_umbra_s": summary.max_umbra_s,
        "beta_min_deg": summary.beta_min_deg,
        "beta_max_deg": summary.beta_max_deg,
    }


class _Table:
    """Aligned label/value rows under section headings."""

    def __init__(self, title):
        self.lines = [title]

    def section(self, heading):
        self.lines.append(heading)

    def row(self, label, value):
        self.lines.append(f"  {label:<30}{value}")

    def __str__(self):
        return "\n".join(self.lines)


def _clock(hours: float) -> str:
    minutes = int(round(hours * 60)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _orbit_rows(table: _Table, r: dict) -> None:
    kind = (
        f"sun-synchronous, LTAN {_clock(r['ltan_h'])} (local mean time)"
        if r["sun_synchronous"]
        else f"LTAN {_clock(r['ltan_h'])} at the epoch (local mean time), not sun-synchronous"
    )
    table.row("Orbit", kind)
    table.row("Altitude (mean)", f"{r['altitude_km']:,.1f} km, e = {r['eccentricity']:g}")
    table.row("Inclination", f"{r['inclination_deg']:.3f} deg")
    table.row("RAAN at epoch", f"{r['raan_deg']:.3f} deg (TEME, {r['start']} UTC)")
    table.row("Period", f"{r['period_s'] / 60:.2f} min")
    table.row("Velocity", f"{r['velocity_m_per_s'] / 1e3:.3f} km/s")
    table.row("Node drift (J2)", f"{r['raan_drift_deg_per_day']:+.4f} deg/day")
    table.row("Perigee drift (J2)", f"{r['argp_drift_deg_per_day']:+.4f} deg/day")
    table.section(
        f"Sunlight over {r['days']:g} days at {r['step_s']:g} s steps ({r['shadow']} shadow, {r['samples']:,} samples)"
    )
    table.row("Sunlit fraction", f"{r['sunlit_fraction']:.4f} (penumbra counted in part)")
    table.row("Mean irradiance / S0", f"{r['mean_irradiance_factor']:.4f} (with the 1/r^2 swing)")
    table.row("Days with an eclipse", f"{r['eclipse_days']}")
    table.row("Eclipses", f"{r['eclipse_count']:,}")
    table.row("Longest eclipse", f"{r['max_eclipse_s'] / 60:.1f} min (umbra {r['max_umbra_s'] / 60:.1f} min)")
    table.row("Beta angle", f"{r['beta_min_deg']:.2f} to {r['beta_max_deg']:.2f} deg")


# --------------------------------------------------------------------------------------
# orbital orbit
# --------------------------------------------------------------------------------------


def _orbit_report(args) -> dict:
    orbit = _orbit_from_args(args)
    summary = _sunlight_from_args(args, orbit).summary()
    report = _orbit_fields(orbit, summary, args.shadow)
    if args.ballistic_coefficient is not None:
        b = as_float(args.ballistic_coefficient, "kg/m2", name="--ballistic-coefficient")
        activity = solar_activity(args.solar_activity)
        span = max(summary.days, 1.0)
        report.update(
            {
                "ballistic_coefficient_kg_per_m2": b,
                "solar_activity": args.solar_activity,
                "f107_sfu": activity["f107"],
                "ap": activity["ap"],
                "solar_activity_source": activity["source"],
                "mean_density_kg_per_m3": orbit.mean_density(args.solar_activity, days=span),
                "drag_delta_v_m_per_s_per_year": orbit.drag_delta_v_per_year(b, args.solar_activity, span),
                "lifetime_years": orbit.lifetime(b, args.solar_activity) / JULIAN_YEAR,
            }
        )
    return report


def _format_orbit(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: orbit")
    _orbit_rows(table, r)
    if "drag_delta_v_m_per_s_per_year" in r:
        table.section(
            f"Drag (NRLMSIS 2.1, {r['solar_activity']} activity: F10.7 {r['f107_sfu']:g} sfu, Ap {r['ap']:g})"
        )
        table.row("Ballistic coefficient", f"{r['ballistic_coefficient_kg_per_m2']:g} kg/m^2 (m / (C_D A))")
        table.row("Mean density", f"{r['mean_density_kg_per_m3']:.3e} kg/m^3")
        table.row("Delta-v to hold altitude", f"{r['drag_delta_v_m_per_s_per_year']:.3g} m/s per year")
        table.row("Lifetime without thrust", f"{r['lifetime_years']:.3g} years (fixed activity level)")
    return str(table)


# --------------------------------------------------------------------------------------
# orbital solar
# --------------------------------------------------------------------------------------


def _solar_report(args) -> dict:
    orbit = _orbit_from_args(args)
    series = _sunlight_from_args(args, orbit)
    it_power = as_float(args.it_power, "W", name="--it-power", bare_unit="MW")
    if it_power <= 0:
        raise OrbitalInputError(f"--it-power = {args.it_power!r} must be positive")
    other_load = as_float(args.other_load, "W", name="--other-load", bare_unit="kW")
    lifetime = as_float(args.lifetime, "s", name="--lifetime", bare_unit="yr")
    overrides = {
        "efficiency": None if args.efficiency is None else as_float(args.efficiency, "", name="--efficiency"),
        "packing_factor": None if args.packing is None else as_float(args.packing, "", name="--packing"),
        "degradation_rate": None
        if args.degradation is None
        else as_float(args.degradation, "1/yr", name="--degradation", bare_unit="percent/yr"),
    }
    _check_fraction("--efficiency", overrides["efficiency"], open_high=True)
    _check_fraction("--packing", overrides["packing_factor"], open_high=False)
    cell = solar.cell(args.cell).with_overrides(**overrides)
    battery = solar.battery(args.battery).with_overrides(
        rated_depth_of_discharge=None
        if args.depth_of_discharge is None
        else as_float(args.depth_of_discharge, "", name="--depth-of-discharge")
    )
    eclipse_load = as_float(args.eclipse_load, "", name="--eclipse-load")
    fluence = as_float(args.fluence, "1/(cm2 yr)", name="--fluence")
    illumination = solar.array_illumination(series, orbit.altitude, args.pointing, albedo_power=args.albedo_power)
    system = solar.size_power_system(
        illumination,
        it_power + other_load,
        cell,
        battery,
        lifetime,
        fluence_per_year=fluence,
        eclipse_load_fraction=eclipse_load,
    )
    ground = solar.ground_yield(args.site, cell, mounting=args.mounting, sky=args.sky)
    per_mw = 1e6 / it_power
    report = _orbit_fields(orbit, series.summary(), args.shadow)
    report.update(
        {
            "it_power_mw": it_power / 1e6,
            "other_load_kw": other_load / 1e3,
            "cell": cell.name,
            "cell_description": cell.description,
            "efficiency": cell.efficiency,
            "packing_factor": cell.packing_factor,
            "assembly_factor": cell.assembly_factor,
            "pointing": args.pointing,
            "lifetime_years": lifetime / JULIAN_YEAR,
            "degradation_per_year": cell.degradation_rate,
            "fluence_1mev_e_per_cm2_per_year": fluence,
            "operating_temperature_c": float(system.operating_temperature) - 273.15,
            "operating_efficiency": float(system.operating_efficiency),
            "orbit_average_w_per_m2": float(system.orbit_average_power_density),
            "annual_kwh_per_m2": float(system.annual_energy_density) / KWH,
            "eol_power_fraction": float(system.end_of_life_factor),
            "life_average_power_fraction": float(system.life_average_factor),
            "array_area_m2_per_mw": float(system.array_area) * per_mw,
            "array_rated_kw_per_mw": float(system.array_rated_power) / 1e3 * per_mw,
            "array_mass_kg_per_mw": float(system.array_mass) * per_mw,
            "orbit_average_margin": float(system.orbit_average_margin),
            "battery": battery.name,
            "eclipse_load_fraction": eclipse_load,
            "battery_kwh_per_mw": float(system.battery_energy) / KWH * per_mw,
            "battery_mass_kg_per_mw": float(system.battery_mass) * per_mw,
            "depth_of_discharge": float(system.depth_of_discharge),
            "battery_cycles": float(system.battery_cycles),
            "ground_site": ground.site,
            "ground_mounting": ground.mounting,
            "ground_sky": ground.sky,
            "ground_source": ground.source,
            "ground_insolation_kwh_per_m2": ground.insolation / KWH,
            "ground_annual_kwh_per_m2": ground.energy_density / KWH,
            "ground_mean_cell_temperature_c": ground.mean_cell_temperature - 273.15,
            "ground_ratio": float(system.annual_energy_density) / ground.energy_density,
            "insolation_ratio": illumination.mean_irradiance * JULIAN_YEAR / ground.insolation,
        }
    )
    return report


def _check_fraction(name, value, open_high):
    if value is None:
        return
    if not (0.0 < value < 1.0 or (not open_high and value == 1.0)):
        bound = ")" if open_high else "]"
        raise OrbitalInputError(f"{name} = {value:g} is outside the valid range (0, 1{bound}")


def _format_solar(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: solar")
    _orbit_rows(table, r)
    table.section(f"Array: {r['cell']} ({r['pointing']}), {r['lifetime_years']:g}-year life")
    table.row(
        "Cell efficiency (BOL, ref.)",
        f"{r['efficiency']:.3f}; packing {r['packing_factor']:.2f}, assembly {r['assembly_factor']:.2f}",
    )
    table.row(
        "Operating point in sunlight",
        f"{r['operating_temperature_c']:.1f} C, efficiency {r['operating_efficiency']:.3f}",
    )
    table.row("Orbit-average output (BOL)", f"{r['orbit_average_w_per_m2']:.1f} W/m^2 of array")
    table.row("Annual output (BOL)", f"{r['annual_kwh_per_m2']:,.0f} kWh/m^2")
    table.row(
        "End-of-life power",
        f"{r['eol_power_fraction']:.3f} of BOL (life average {r['life_average_power_fraction']:.3f})",
    )
    table.section(f"Sized for {r['it_power_mw']:g} MW of IT load (+{r['other_load_kw']:g} kW other), per MW of IT")
    table.row("Array area", f"{r['array_area_m2_per_mw']:,.0f} m^2 ({r['array_rated_kw_per_mw']:,.0f} kW rated)")
    table.row("Array mass", f"{r['array_mass_kg_per_mw']:,.0f} kg")
    table.row("Orbit-average margin (EOL)", f"{r['orbit_average_margin']:+.1%}")
    table.row(
        "Battery",
        f"{r['battery_kwh_per_mw']:,.0f} kWh at {r['depth_of_discharge']:.0%} DoD, "
        f"{r['battery_mass_kg_per_mw']:,.0f} kg ({r['battery_cycles']:,.0f} cycles, {r['battery']})",
    )
    table.section(f"Same panel on the ground: {r['ground_site']} ({r['ground_mounting']}, {r['ground_sky']})")
    table.row("Plane-of-array insolation", f"{r['ground_insolation_kwh_per_m2']:,.0f} kWh/m^2 per year")
    table.row(
        "Annual output",
        f"{r['ground_annual_kwh_per_m2']:,.0f} kWh/m^2 "
        f"(cell {r['ground_mean_cell_temperature_c']:.1f} C irradiance-weighted)",
    )
    table.row("Orbit / ground", f"{r['ground_ratio']:.2f}x electrical, {r['insolation_ratio']:.2f}x insolation")
    return str(table)


# --------------------------------------------------------------------------------------
# orbital thermal
# --------------------------------------------------------------------------------------


def _thermal_report(args) -> dict:
    orbit = _orbit_from_args(args)
    series = _sunlight_from_args(args, orbit)
    heat = as_float(args.heat, "W", name="--heat", bare_unit="MW")
    if heat <= 0:
        raise OrbitalInputError(f"--heat = {args.heat!r} must be positive")
    lifetime = as_float(args.lifetime, "s", name="--lifetime", bare_unit="yr")
    coat = thermal.coating(args.coating)
    alpha = coat.absorptance if args.absorptivity is None else as_float(args.absorptivity, "", name="--absorptivity")
    eps = coat.emittance if args.emissivity is None else as_float(args.emissivity, "", name="--emissivity")
    for name, value in (("--absorptivity", alpha), ("--emissivity", eps)):
        if not 0.0 <= value <= 1.0:
            raise OrbitalInputError(f"{name} = {value:g} is outside the valid range [0, 1]")
    alpha_eol = float(thermal.absorptance_at(lifetime, alpha, coat.absorptance_rate))
    sides = int(as_float(args.sides, "", name="--sides"))
    loop = thermal.loop(args.loop)
    chain = {}
    if args.junction_limit is not None:
        if args.temperature is not None:
            raise OrbitalInputError("give --temperature or --junction-limit, not both")
        t_j = as_float(args.junction_limit, "K", name="--junction-limit")
        temperature, t_in, t_out = thermal.radiator_temperature_from_junction(
            t_j, loop.junction_to_coolant, loop.loop_delta_t, loop.fluid_to_surface
        )
        chain = {"junction_limit_k": t_j, "coolant_in_k": float(t_in), "coolant_out_k": float(t_out)}
    else:
        temperature = as_float(
            args.temperature if args.temperature is not None else "20 degC", "K", name="--temperature"
        )
    lift = as_float(args.heat_pump_lift, "K", name="--heat-pump-lift")
    cop = None if args.heat_pump_cop is None else as_float(args.heat_pump_cop, "", name="--heat-pump-cop")
    earth_ir = as_float(args.earth_ir, "W/m2", name="--earth-ir")
    albedo = as_float(args.albedo, "", name="--albedo")
    env = thermal.radiator_environment(series, orbit.altitude, alpha_eol, eps, sides, args.attitude, earth_ir, albedo)
    design = thermal.size_radiator(
        heat,
        temperature,
        env,
        thermal.panel(args.panel),
        loop,
        lift,
        cop,
        as_float(args.carnot_fraction, "", name="--carnot-fraction"),
    )
    per_mw = 1e6 / heat
    report = _orbit_fields(orbit, series.summary(), args.shadow)
    report.update(
        {
            "heat_mw": heat / 1e6,
            "coating": coat.name,
            "absorptivity_bol": alpha,
            "absorptivity": alpha_eol,
            "emissivity": eps,
            "lifetime_years": lifetime / JULIAN_YEAR,
            "sides": sides,
            "attitude": args.attitude,
            "earth_ir_w_per_m2": earth_ir,
            "albedo": albedo,
            "panel": args.panel,
            "loop": loop.name,
            **chain,
            "radiator_temperature_k": float(design.radiator_temperature),
            "sink_temperature_k": float(design.sink_temperature_hot),
            "sink_temperature_mean_k": float(design.sink_temperature_mean),
            "sink_temperature_cold_k": float(design.sink_temperature_cold),
            "absorbed_hot_w_per_m2": env.hot,
            "absorbed_mean_w_per_m2": env.mean,
            "emitted_w_per_m2": float(thermal.emitted_flux(design.radiator_temperature, eps, sides)),
            "net_rejection_w_per_m2": float(design.net_rejection_hot),
            "net_rejection_mean_w_per_m2": float(design.net_rejection_mean),
            "fin_efficiency": float(design.fin_efficiency),
            "heat_pump_cop": None if np.isnan(design.heat_pump_cop) else float(design.heat_pump_cop),
            "heat_pump_power_w_per_mw": float(design.heat_pump_power) * per_mw,
            "rejected_heat_w_per_mw": float(design.rejected_heat) * per_mw,
            "radiator_area_m2_per_mw": float(design.area) * per_mw,
            "radiator_area_orbit_average_m2_per_mw": float(design.area_orbit_average) * per_mw,
            "radiator_mass_kg_per_mw": float(design.panel_mass) * per_mw,
            "loop_mass_kg_per_mw": float(design.loop_mass) * per_mw,
            "thermal_mass_kg_per_mw": float(design.mass) * per_mw,
        }
    )
    return report


def _format_thermal(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: thermal")
    _orbit_rows(table, r)
    table.section(
        f"Radiator: {r['coating']} ({r['sides']}-sided, {r['attitude']}), {r['panel']} panel, {r['loop']} loop"
    )
    if "junction_limit_k" in r:
        table.row(
            "Junction limit",
            f"{r['junction_limit_k']:.1f} K; coolant {r['coolant_in_k']:.1f} -> {r['coolant_out_k']:.1f} K",
        )
    table.row(
        "Radiator temperature", f"{r['radiator_temperature_k']:.1f} K ({r['radiator_temperature_k'] - 273.15:.1f} C)"
    )
    table.row(
        "Absorptivity / emissivity",
        f"{r['absorptivity']:.3f} after {r['lifetime_years']:g} yr "
        f"({r['absorptivity_bol']:.3f} new) / {r['emissivity']:.3f}",
    )
    table.row("Emitted", f"{r['emitted_w_per_m2']:.1f} W/m^2 of panel")
    table.row("Absorbed, hot / mean", f"{r['absorbed_hot_w_per_m2']:.1f} / {r['absorbed_mean_w_per_m2']:.1f} W/m^2")
    table.row(
        "Sink hot / mean / cold",
        f"{r['sink_temperature_k']:.1f} / {r['sink_temperature_mean_k']:.1f} / {r['sink_temperature_cold_k']:.1f} K",
    )
    table.row(
        "Net rejection, hot / mean",
        f"{r['net_rejection_w_per_m2']:.1f} / {r['net_rejection_mean_w_per_m2']:.1f} W/m^2"
        f" (fin efficiency {r['fin_efficiency']:.3f})",
    )
    table.section(f"Sized for {r['heat_mw']:g} MW of heat, per MW")
    if r["heat_pump_cop"] is not None:
        table.row("Heat pump", f"COP {r['heat_pump_cop']:.2f}, {r['heat_pump_power_w_per_mw'] / 1e3:,.0f} kW electric")
    table.row("Heat rejected", f"{r['rejected_heat_w_per_mw'] / 1e3:,.0f} kW")
    table.row(
        "Radiator area (hot case)",
        f"{r['radiator_area_m2_per_mw']:,.0f} m^2 of panel "
        f"(orbit average {r['radiator_area_orbit_average_m2_per_mw']:,.0f})",
    )
    table.row(
        "Mass",
        f"{r['thermal_mass_kg_per_mw']:,.0f} kg (panels {r['radiator_mass_kg_per_mw']:,.0f}, "
        f"loop {r['loop_mass_kg_per_mw']:,.0f})",
    )
    return str(table)


# --------------------------------------------------------------------------------------
# orbital radiation
# --------------------------------------------------------------------------------------


def _read_spectrum(path: str, option: str):
    """Two columns, energy [MeV] and integral fluence above it [cm^-2], '#' comments, comma or blank separated."""
    file = Path(path)
    if not file.is_file():
        raise OrbitalInputError(f"{option} = {path!r}: no such file")
    try:
        text = file.read_text().replace(",", " ")
        data = np.loadtxt(text.splitlines(), comments="#", ndmin=2)
    except (ValueError, UnicodeDecodeError) as exc:
        raise OrbitalInputError(
            f"{option}: {path} is not two numeric columns (energy MeV, fluence cm^-2): {exc}"
        ) from None
    if data.shape[1] != 2 or data.shape[0] < 2:
        raise OrbitalInputError(
            f"{option}: {path} must have two columns (energy MeV, integral fluence cm^-2) and at least two rows"
        )
    return data[:, 0], data[:, 1]


def _radiation_report(args) -> dict:
    orbit = _orbit_from_args(args)
    days = as_float(args.days, "day", name="--days")
    samples = as_float(args.samples, "", name="--samples")
    if samples != int(samples):
        raise OrbitalInputError(f"--samples = {args.samples!r} must be a whole number")
    shielding = as_float(args.shielding, "m", name="--shielding", bare_unit="mm")
    chips = as_float(args.chips, "", name="--chips")
    if chips != int(chips) or chips < 1:
        raise OrbitalInputError(f"--chips = {args.chips!r} must be a whole number of at least 1")
    checkpoint = as_float(args.checkpoint_time, "s", name="--checkpoint-time")
    restart = None if args.restart_time is None else as_float(args.restart_time, "s", name="--restart-time")
    threshold = as_float(args.see_threshold, "MeV", name="--see-threshold")
    phi = (
        None
        if args.modulation_potential is None
        else as_float(args.modulation_potential, "MV", name="--modulation-potential")
    )
    fluence = None if args.solar_fluence is None else _read_spectrum(args.solar_fluence, "--solar-fluence")
    event = None if args.solar_event is None else _read_spectrum(args.solar_event, "--solar-event")
    neutrons = (
        None
        if args.ground_neutron_flux is None
        else as_float(args.ground_neutron_flux, "1/(cm2 s)", name="--ground-neutron-flux", bare_unit="1/(cm2 h)")
    )
    s = radiation.radiation_summary(
        orbit,
        args.accelerator,
        int(chips),
        shielding,
        checkpoint,
        restart,
        args.solar,
        threshold,
        solar_proton_fluence=fluence,
        solar_event_fluence=event,
        modulation_potential=phi,
        ground_neutron_flux=neutrons,
        days=days,
        samples=int(samples),
        cache=not args.no_cache,
    )
    curve = s.dose_depth
    return {
        "orbital_version": __version__,
        "start": orbit.epoch.isot,
        "altitude_km": orbit.altitude / 1e3,
        "eccentricity": orbit.eccentricity,
        "inclination_deg": orbit.inclination,
        "raan_deg": orbit.raan,
        "ltan_h": orbit.ltan,
        "sun_synchronous": orbit.is_sun_synchronous,
        "track_days": days,
        "track_samples": int(samples),
        "track_phase_averaged": radiation.phase_averaged(orbit),
        "solar": s.solar,
        "trapped_models": "AP8-{} / AE8-{}".format(*(m.upper() for m in radiation.SOLAR_CONDITIONS[s.solar])),
        "shielding_mm": s.shielding * 1e3,
        "areal_density_g_per_cm2": s.areal_density * 0.1,
        "dose_rad_si_per_year": s.dose_per_year,
        "dose_components_rad_si_per_year": s.dose_components,
        "solar_protons_included": s.solar_protons_included,
        "modulation_potential_mv": s.modulation_potential,
        "gcr_transmission": s.gcr_transmission,
        "saa_fraction": s.saa_fraction,
        "proton_flux_gt10mev_cm2_s": s.proton_flux_gt10,
        "see_threshold_mev": s.see_threshold,
        "proton_flux_behind_shield_cm2_s": s.proton_flux_behind_shield,
        "gcr_proton_flux_behind_shield_cm2_s": s.gcr_proton_flux_behind_shield,
        "accelerator": s.accelerator,
        "accelerator_status": s.accelerator_status,
        "chips": s.chips,
        "sdc_per_chip_day": s.sdc_per_chip_day,
        "ue_per_chip_day": s.ue_per_chip_day,
        "sefi_per_chip_day": s.sefi_per_chip_day,
        "crash_per_chip_day": s.crash_per_chip_day,
        "cross_section_route_per_chip_day": s.flux_route,
        "interruptions_per_chip_day": s.interruptions_per_chip_day,
        "ground_interruptions_per_chip_day": s.ground_interruptions_per_chip_day,
        "cluster_interruptions_per_hour": s.cluster_interruptions_per_hour,
        "ground_cluster_interruptions_per_hour": s.ground_cluster_interruptions_per_hour,
        "checkpoint_time_s": s.checkpoint_time,
        "checkpoint_interval_s": s.checkpoint_interval,
        "goodput": s.goodput,
        "ground_goodput": s.ground_goodput,
        "tid_lifetime_years": s.tid_lifetime_years,
        "tid_no_hard_failure_years": s.tid_no_hard_failure_years,
        "solar_event": s.solar_event,
        "ground_neutron_flux_cm2_h": None if s.ground_neutron_flux is None else s.ground_neutron_flux * 3600.0,
        "ground_per_chip_day": s.ground_rates_per_chip_day,
        "dose_depth": {
            "thickness_mm": (curve.thickness * 1e3).tolist(),
            "total_rad_si_per_year": curve.total.tolist(),
            "trapped_proton": curve.trapped_proton.tolist(),
            "electron": curve.electron.tolist(),
            "bremsstrahlung": curve.bremsstrahlung.tolist(),
            "cosmic_ray": curve.cosmic_ray.tolist(),
            "solar_proton": curve.solar_proton.tolist(),
        },
    }


def _radiation_rows(table: _Table, r: dict) -> None:
    kind = f"sun-synchronous, LTAN {_clock(r['ltan_h'])}" if r["sun_synchronous"] else "not sun-synchronous"
    table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.3f} deg, {kind}")
    if r["track_phase_averaged"]:
        table.row("Track averaged", f"{r['track_samples']:,} phases (along the orbit x Earth rotation under it)")
    else:
        table.row("Track averaged", f"{r['track_days']:g} days, {r['track_samples']:,} samples from {r['start']} UTC")
    table.row(
        "Trapped models", f"{r['trapped_models']} (solar {r['solar']}), GCR phi {r['modulation_potential_mv']:g} MV"
    )


def _format_dose_depth(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: radiation dose-depth (centre of Al spheres, Si)")
    _radiation_rows(table, r)
    d = r["dose_depth"]
    solar = "solar p" if r["solar_protons_included"] else "solar p (not given)"
    table.section(
        f"  {'Al [mm]':>8} {'g/cm^2':>8} {'total':>11} {'trapped p':>11} {'electron':>11} "
        f"{'brems':>9} {'GCR H+He':>9} {solar:>10}   [rad(Si)/yr]"
    )
    for i, t in enumerate(d["thickness_mm"]):
        table.section(
            f"  {t:8.2f} {t * 0.2699:8.3f} {d['total_rad_si_per_year'][i]:11.4g} "
            f"{d['trapped_proton'][i]:11.4g} {d['electron'][i]:11.4g} {d['bremsstrahlung'][i]:9.3g} "
            f"{d['cosmic_ray'][i]:9.3g} {d['solar_proton'][i]:10.3g}"
        )
    return str(table)


def _format_radiation(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: radiation")
    _radiation_rows(table, r)
    table.section("Environment")
    table.row("Protons > 10 MeV (orbit mean)", f"{r['proton_flux_gt10mev_cm2_s']:.3g} /cm^2/s")
    table.row("Time in the SAA", f"{r['saa_fraction']:.1%} (> 10 MeV protons above 1 /cm^2/s)")
    table.row("GCR reaching the orbit", f"{r['gcr_transmission']:.1%} of free-space protons > 10 MeV")
    table.section(f"Behind {r['shielding_mm']:g} mm Al ({r['areal_density_g_per_cm2']:.3f} g/cm^2)")
    c = r["dose_components_rad_si_per_year"]
    table.row("Dose", f"{r['dose_rad_si_per_year']:.4g} rad(Si)/yr")
    table.row(
        "  of which",
        f"trapped p {c['trapped_proton']:.3g}, electrons {c['electron']:.3g}, "
        f"brems {c['bremsstrahlung']:.3g}, GCR {c['cosmic_ray']:.3g}",
    )
    table.row(
        "  solar protons",
        f"{c['solar_proton']:.3g}" if r["solar_protons_included"] else "not included (give --solar-fluence)",
    )
    table.row(
        f"Protons > {r['see_threshold_mev']:g} MeV inside",
        f"{r['proton_flux_behind_shield_cm2_s']:.3g} /cm^2/s (GCR {r['gcr_proton_flux_behind_shield_cm2_s']:.3g})",
    )
    table.section(f"Per chip: {r['accelerator']} ({r['accelerator_status']} data), per day")
    x = r["cross_section_route_per_chip_day"]
    ground = r["ground_per_chip_day"]
    table.row("", f"{'per rad':>11} {'sigma x flux':>13}" + (f" {'ground':>11}" if ground else ""))
    for label, key, route in (
        ("Silent data corruption", "sdc_per_chip_day", "sdc"),
        ("Uncorrectable memory error", "ue_per_chip_day", "ue"),
        ("SEFI", "sefi_per_chip_day", "sefi"),
        ("Host crash", "crash_per_chip_day", "crash"),
    ):
        table.row(label, f"{r[key]:11.3g} {x[route]:13.3g}" + (f" {ground[route]:11.3g}" if ground else ""))
    if ground:
        table.row(
            "  ground: neutrons > 10 MeV", f"{r['ground_neutron_flux_cm2_h']:g} /cm^2/h x the same cross-sections"
        )
    chips = f"{r['chips']:,} chip" + ("s" if r["chips"] > 1 else "")
    table.section(f"Cluster of {chips}, checkpoint {r['checkpoint_time_s']:g} s")
    table.row("", f"{'orbit':>11} {'ground':>13}")
    table.row(
        "Interruptions per hour",
        f"{r['cluster_interruptions_per_hour']:11.3g} {r['ground_cluster_interruptions_per_hour']:13.3g}",
    )
    table.row("Goodput", f"{r['goodput']:11.3f} {r['ground_goodput']:13.3f}")
    table.row("Checkpoint interval (Daly)", f"{r['checkpoint_interval_s'] / 60:.1f} min")
    table.row(
        "Dose lifetime",
        f"{r['tid_lifetime_years']:.3g} yr to HBM irregularities "
        f"({r['tid_no_hard_failure_years']:.3g} yr to the tested 15 krad)",
    )
    if r["solar_event"] is not None:
        e = r["solar_event"]
        table.section("Solar particle event (--solar-event)")
        table.row("Dose", f"{e['dose_rad_si']:.3g} rad(Si)")
        table.row(
            "Per chip", f"SDC {e['sdc_per_chip']:.3g}, UE {e['ue_per_chip']:.3g}, crash {e['crash_per_chip']:.3g}"
        )
        table.row("Cluster interruptions", f"{e['cluster_interruptions']:.3g}")
    table.row("Ground baseline", "Llama 3 fleet (Meta 2024): 419 interruptions in 54 days on 16,384 GPUs")
    return str(table)


# --------------------------------------------------------------------------------------
# orbital launch
# --------------------------------------------------------------------------------------


def _launch_report(args) -> dict:
    orbit = _orbit_from_args(args)
    launcher = launch.vehicle(args.vehicle)
    lifetime = as_float(args.lifetime, "s", name="--lifetime", bare_unit="yr")
    fill = as_float(args.fill, "", name="--fill")
    learning = {
        "cadence": None
        if args.cadence is None
        else as_float(args.cadence, "kg/yr", name="--cadence", bare_unit="t/yr"),
        "growth": as_float(args.cadence_growth, "", name="--cadence-growth"),
        "learning_rate": as_float(args.learning_rate, "", name="--learning-rate"),
    }
    pricing = {}
    if args.year is not None:
        pricing["year"] = as_float(args.year, "", name="--year")
    if args.price is not None:
        pricing["price_per_kg"] = as_float(args.price, "USD/kg", name="--price")
    satellite_mode = args.mass is not None or args.power is not None
    if satellite_mode:
        if args.mass is None or args.power is None or args.it_power is not None:
            raise OrbitalInputError("give --mass and --power for a satellite, or --it-power for a sized one, not both")
        mass = as_float(args.mass, "kg", name="--mass")
        power = as_float(args.power, "W", name="--power", bare_unit="kW")
        if mass <= 0 or power <= 0:
            raise OrbitalInputError("--mass and --power must be positive")
        budget = {"satellite": mass / power * 1e3}
        design = None
    else:
        power = as_float(args.it_power or "100 kW", "W", name="--it-power", bare_unit="kW")
        options = {
            "server_name": args.server,
            "chassis_removed": args.chassis_removed,
            "shielding": as_float(args.shielding, "m", name="--shielding", bare_unit="mm"),
            "activity": args.solar_activity,
            "radiator_temperature": as_float(args.radiator_temperature, "K", name="--radiator-temperature"),
            "thruster_isp": as_float(args.thruster_isp, "s", name="--thruster-isp"),
            "structure_fraction": as_float(args.structure_fraction, "", name="--structure-fraction"),
            "margin": as_float(args.margin, "", name="--margin"),
        }
        if args.pmad_mass is not None:
            options["power_management_per_watt"] = as_float(
                args.pmad_mass, "kg/W", name="--pmad-mass", bare_unit="kg/kW"
            )
        if args.comms_mass is not None:
            options["communications_mass"] = as_float(args.comms_mass, "kg", name="--comms-mass")
        options["sunlight_days"] = as_float(args.days, "day", name="--days")
        design = launch.spacecraft_design(orbit, power, lifetime, **options)
        mass = design.mass
        budget = {k: float(v) * 1e3 for k, v in design.budget.items.items()}
    report = {
        "orbital_version": __version__,
        "altitude_km": orbit.altitude / 1e3,
        "inclination_deg": orbit.inclination,
        "sun_synchronous": orbit.is_sun_synchronous,
        "vehicle": launcher.name,
        "vehicle_status": launcher.status,
        "lifetime_years": lifetime / JULIAN_YEAR,
        "satellite_mass_kg": mass,
        "satellite_power_kw": power / 1e3,
        "mass_kg_per_kw": mass / power * 1e3,
        "mass_budget_kg_per_kw": budget,
    }
    if launcher.kind == "rideshare":
        if not orbit.is_sun_synchronous:
            raise OrbitalInputError(f"{launcher.name} flies to sun-synchronous orbits only: give --sso")
        if pricing or args.cadence is not None:
            raise OrbitalInputError(f"{launcher.name} has a published rideshare price: --year and --price do not apply")
        price = float(launch.rideshare_price(launcher, mass))
        report.update(
            {
                "capacity_kg": None,
                "satellites_per_launch": 1,
                "launch_price_usd": price,
                "price_usd_per_kg": price / mass,
                "price_usd_per_kg_reference": None,
            }
        )
        count = 1
    else:
        capacity = float(launch.capacity_to_orbit(launcher, orbit.altitude, orbit.inclination))
        if mass > capacity * fill:
            raise OrbitalInputError(
                f"the satellite ({mass:,.0f} kg) is heavier than {launcher.name} carries to this orbit "
                f"({capacity:,.0f} kg at fill {fill:g}): lower the IT power per satellite or pick a larger vehicle"
            )
        price = float(launch.launch_price(launcher, **pricing, **learning))
        by_mass, by_volume, count = launch.satellites_per_launch(
            mass,
            capacity,
            fill,
            launcher.envelope_volume,
            None if args.stowed_density is None else as_float(args.stowed_density, "kg/m3", name="--stowed-density"),
        )
        count = int(count)
        if count < 1:
            raise OrbitalInputError(f"not one satellite fits {launcher.name}'s fairing at this stowed density")
        report.update(
            {
                "capacity_kg": capacity,
                "capacity_reference_kg": launcher.capacity_reference,
                "delta_v_penalty_m_per_s": float(
                    launch.orbit_delta_v_penalty(
                        orbit.altitude, orbit.inclination, launcher.reference_altitude, launcher.site_latitude
                    )
                ),
                "satellites_by_mass": int(by_mass),
                "satellites_by_volume": None if by_volume is None else int(by_volume),
                "satellites_per_launch": count,
                "launch_price_usd": price,
                "price_usd_per_kg_reference": price / launcher.capacity_reference,
                "price_usd_per_kg": price / (capacity * fill),
                "fill": fill,
            }
        )
        if "year" in pricing:
            report["year"] = pricing["year"]
    per_kw = float(launch.launch_cost_per_kw(report["launch_price_usd"], count, power))
    report.update(
        {
            "launches_per_mw": 1e6 / power / count,
            "launch_cost_usd_per_kw": per_kw,
            "launched_power_price_usd_per_kw_year": per_kw / (lifetime / JULIAN_YEAR),
        }
    )
    if design is not None:
        report.update(
            {
                "server": args.server,
                "chassis_removed": args.chassis_removed,
                "array_area_m2": design.array_area,
                "radiator_area_m2": design.radiator_area,
                "ballistic_coefficient_kg_per_m2": design.ballistic_coefficient,
                "drag_delta_v_m_per_s_per_year": design.drag_delta_v_per_year,
                "disposal_delta_v_m_per_s": design.disposal_delta_v,
            }
        )
    if args.target_price is not None:
        target = as_float(args.target_price, "USD/kg", name="--target-price")
        report["target_price_usd_per_kg"] = target
        report["target_cumulative_mass_t"] = (
            float(launch.cumulative_mass_for_price(target, learning_rate=learning["learning_rate"])) / 1e3
        )
        report["target_year"] = float(
            launch.year_for_price(target, learning["cadence"], learning["growth"], learning["learning_rate"])
        )
    return report


def _format_launch(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: launch")
    kind = "sun-synchronous" if r["sun_synchronous"] else "circular"
    table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.2f} deg ({kind})")
    table.row("Vehicle", f"{r['vehicle']} ({r['vehicle_status']})")
    if r["capacity_kg"] is not None:
        table.row(
            "Capacity to this orbit",
            f"{r['capacity_kg']:,.0f} kg ({r['capacity_reference_kg']:,.0f} kg to its "
            f"reference orbit; penalty {r['delta_v_penalty_m_per_s']:,.0f} m/s)",
        )
        when = f" in {r['year']:g} on the learning curve" if "year" in r else ""
        table.row(
            "Launch price",
            f"${r['launch_price_usd'] / 1e6:,.1f}M{when}: ${r['price_usd_per_kg_reference']:,.0f}"
            f"/kg to the reference orbit, ${r['price_usd_per_kg']:,.0f}/kg here at fill {r['fill']:g}",
        )
    else:
        table.row(
            "Rideshare price", f"${r['launch_price_usd']:,.0f} for the satellite (${r['price_usd_per_kg']:,.0f}/kg)"
        )
    table.section(
        f"Satellite: {r['satellite_mass_kg']:,.0f} kg for {r['satellite_power_kw']:,.1f} kW "
        f"({r['mass_kg_per_kw']:.1f} kg/kW)"
    )
    budget = r["mass_budget_kg_per_kw"]
    if "satellite" not in budget:
        for key, value in budget.items():
            table.row(f"  {key.replace('_', ' ')}", f"{value:8.2f} kg/kW")
        table.row(
            "  drag make-up / disposal",
            f"{r['drag_delta_v_m_per_s_per_year']:.3g} m/s per year "
            f"(B = {r['ballistic_coefficient_kg_per_m2']:.3g} kg/m^2) / {r['disposal_delta_v_m_per_s']:.0f} m/s",
        )
        table.row("  areas", f"array {r['array_area_m2']:,.0f} m^2, radiator {r['radiator_area_m2']:,.0f} m^2")
    table.section(f"Launches for a {r['lifetime_years']:g}-year life")
    volume = "" if r.get("satellites_by_volume") is None else f", {r['satellites_by_volume']} by volume"
    if r["capacity_kg"] is not None:
        table.row("Satellites per launch", f"{r['satellites_per_launch']} ({r['satellites_by_mass']} by mass{volume})")
    table.row("Launches per MW", f"{r['launches_per_mw']:.3g}")
    table.row("Launch cost", f"${r['launch_cost_usd_per_kw']:,.0f} per kW")
    table.row("Launched power price", f"${r['launched_power_price_usd_per_kw_year']:,.0f} per kW-year")
    if "target_year" in r:
        table.row(
            f"Learning curve to ${r['target_price_usd_per_kg']:g}/kg",
            f"{r['target_cumulative_mass_t']:,.0f} t launched in all, reached in {r['target_year']:.1f}",
        )
    return str(table)


# --------------------------------------------------------------------------------------
# orbital link
# --------------------------------------------------------------------------------------


def _link_report(args) -> dict:
    orbit = _orbit_from_args(args)
    stations = None
    if args.stations is not None and args.stations.strip().lower() != "all":
        stations = [name.strip() for name in args.stations.split(",") if name.strip()]
    s = downlink.link_summary(
        orbit,
        args.band,
        stations,
        it_power=as_float(args.it_power, "W", name="--it-power", bare_unit="MW"),
        workload=args.workload,
        min_elevation=as_float(args.min_elevation, "deg", name="--min-elevation"),
        availability=as_float(args.availability, "percent", name="--availability", bare_unit="percent"),
        days=as_float(args.days, "day", name="--days"),
        step=as_float(args.step, "s", name="--step"),
        fibre_length=as_float(args.fibre_distance, "m", name="--fibre-distance", bare_unit="km"),
    )
    return {
        "orbital_version": __version__,
        "altitude_km": orbit.altitude / 1e3,
        "inclination_deg": orbit.inclination,
        "band": s.band,
        "band_status": downlink.band(s.band).status,
        "stations": list(s.stations),
        "min_elevation_deg": s.min_elevation,
        "availability_percent": s.availability,
        "contact_minutes_per_day": s.contact_minutes_per_day,
        "passes_per_day": s.passes_per_day,
        "station_minutes_per_day": s.station_minutes_per_day,
        "station_passes_per_day": s.station_passes_per_day,
        "cloud_free_probability": s.cloud_free,
        "network_cloud_free_probability": s.network_cloud_free,
        "data_rate_bps": s.data_rate,
        "peak_rate_bps": s.peak_rate,
        "daily_volume_bytes": s.daily_volume,
        "isl_capacity_bps": s.isl_capacity,
        "workload": s.demand.workload,
        "it_power_mw": as_float(args.it_power, "W", name="--it-power", bare_unit="MW") / 1e6,
        "demand_bps": s.demand.busier,
        "demand_uplink_bps": s.demand.uplink,
        "demand_downlink_bps": s.demand.downlink,
        "capacity_to_demand": s.capacity_to_demand,
        "round_trip_latency_s": s.round_trip_latency,
        "mean_wait_for_contact_s": s.mean_wait_for_contact,
        "terrestrial_round_trip_latency_s": s.terrestrial_round_trip_latency,
    }


def _rate(bps: float) -> str:
    for unit, scale in (("Tbps", 1e12), ("Gbps", 1e9), ("Mbps", 1e6)):
        if bps >= scale:
            return f"{bps / scale:.3g} {unit}"
    return f"{bps / 1e3:.3g} kbps"


def _format_link(r: dict) -> str:
    table = _Table(f"orbital {r['orbital_version']}: link")
    table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.2f} deg")
    table.row("Band", f"{r['band']} ({r['band_status']} parameters)")
    if r["band"] == "isl":
        table.row("To the ground", f"through a relay constellation at {_rate(r['data_rate_bps'])} per link")
        table.row("Inside the cluster", f"{_rate(r['isl_capacity_bps'])} per optical inter-satellite link")
    else:
        table.section(f"Contacts above {r['min_elevation_deg']:g} deg ({len(r['stations'])} stations)")
        for name, minutes in r["station_minutes_per_day"].items():
            cloud = r["cloud_free_probability"]
            weather = "" if cloud is None else f", cloud-free {cloud[name]:.0%}"
            table.row(f"  {name}", f"{minutes:6.1f} min/day, {r['station_passes_per_day'][name]:.1f} passes{weather}")
        table.row("Network", f"{r['contact_minutes_per_day']:.1f} min/day in {r['passes_per_day']:.1f} contacts")
        if r["network_cloud_free_probability"] is not None:
            table.row("At least one site clear", f"{r['network_cloud_free_probability']:.1%} (independent weather)")
        basis = (
            "clear sky, times the cloud-free probability in the volume"
            if r["cloud_free_probability"] is not None
            else f"ITU-R attenuation at {r['availability_percent']:g} % availability"
        )
        table.row(
            "Data rate in contact",
            f"{_rate(r['data_rate_bps'])} mean, {_rate(r['peak_rate_bps'])} peak ({basis})",
        )
    table.row("Daily volume", f"{r['daily_volume_bytes'] / 1e12:.3g} TB")
    table.section(f"Demand: {r['workload']} for {r['it_power_mw']:g} MW")
    table.row("Up / down", f"{_rate(r['demand_uplink_bps'])} / {_rate(r['demand_downlink_bps'])}")
    table.row("Capacity / demand", f"{r['capacity_to_demand']:.3g} (day average, busier direction)")
    table.row(
        "Round trip",
        f"{r['round_trip_latency_s'] * 1e3:.1f} ms in contact, plus {r['mean_wait_for_contact_s']:,.0f} s "
        f"average wait for one; ground data center {r['terrestrial_round_trip_latency_s'] * 1e3:.1f} ms",
    )
    return str(table)


# --------------------------------------------------------------------------------------
# orbital run / compare / scenarios
# --------------------------------------------------------------------------------------

_ROWS = (
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


def _run_one(path, cache=True):
    from . import model
    from .scenario import load_scenario

    return model.run(load_scenario(path), cache=cache)


def _cell(fmt, value):
    return "-" if value is None else fmt.format(value)


def _format_result(result) -> str:
    r = result.to_dict()
    o, t = r["orbital"], r["terrestrial"]
    lines = [
        f"orbital {r['orbital_version']}: {r['scenario']} - per MW of IT load, "
        f"{result.scenario.finance.lifetime / JULIAN_YEAR:g}-year life",
        f"  {'':32}{'orbital':>16}{'terrestrial':>16}  unit",
    ]
    for label, key, unit, fmt in _ROWS:
        lines.append(f"  {label:32}{_cell(fmt, o[key]):>16}{_cell(fmt, t[key]):>16}  {unit}")
    lines.append("Capex by item (USD/W)")
    for side_name, side in (("orbital", o), ("terrestrial", t)):
        items = ", ".join(f"{k.replace('_', ' ')} {v:,.2f}" for k, v in side["capex_breakdown_usd_per_w"].items())
        lines.append(f"  {side_name:<12}{items}")
    lines.append("Opex by item (USD/MW/yr)")
    for side_name, side in (("orbital", o), ("terrestrial", t)):
        items = ", ".join(f"{k.replace('_', ' ')} {v:,.0f}" for k, v in side["opex_breakdown_usd_per_mw_year"].items())
        lines.append(f"  {side_name:<12}{items}")
    p = r["physics"]
    lines.append("Behind the orbital side")
    lines.append(
        f"  {p['satellites']} satellites of {p['satellite_mass_kg']:,.0f} kg, {p['satellites_per_launch']} per launch "
        f"({p['launches']} launches at ${p['launch_price_usd'] / 1e6:,.1f}M, ${p['price_per_kg_reference']:,.0f}/kg)"
    )
    lines.append(
        f"  dose {p['dose_rad_si_per_year']:,.0f} rad(Si)/yr, "
        f"{p['cluster_interruptions_per_hour']:.3g} interruptions/h "
        f"for {p['accelerators']:,} accelerators, {p['hardware_failures_per_accelerator_year']:.1%}/yr hardware lost"
    )
    lines.append(
        f"  link: {p['link']['daily_volume'] / 1e12:.3g} TB/day, capacity/demand {p['capacity_to_demand']:.3g}"
    )
    lines.append(f"Cost ratio (orbital / terrestrial LCOC): {r['cost_ratio']:.3g}")
    be = r["break_even_launch_price_usd_per_kg"]
    lines.append(
        "Break-even launch price: "
        + (f"{be:,.0f} USD/kg ({r['break_even_note']})" if be is not None else r["break_even_note"])
    )
    return "\n".join(lines)


def _result_csv(result) -> str:
    r = result.to_dict()
    rows = ["metric,orbital,terrestrial,unit"]
    for _label, key, unit, _ in _ROWS:
        o, t = r["orbital"][key], r["terrestrial"][key]
        rows.append(f"{key},{'' if o is None else repr(float(o))},{'' if t is None else repr(float(t))},{unit}")
    rows.append(f"cost_ratio,{r['cost_ratio']!r},,")
    be = r["break_even_launch_price_usd_per_kg"]
    rows.append(f"break_even_launch_price_usd_per_kg,{'' if be is None else repr(be)},,USD/kg")
    return "\n".join(rows) + "\n"


def _write_outputs(result, out_dir) -> None:
    from .cache import write_all_atomically
    from .scenario import resolved_toml

    texts = {
        "result.json": json.dumps(result.to_dict(), indent=2),
        "result.csv": _result_csv(result),
        "scenario.resolved.toml": resolved_toml(result.scenario, result.derived),
    }
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OrbitalInputError(f"--out = {str(out_dir)!r} exists and is not a directory")
    write_all_atomically({out / name: text for name, text in texts.items()})


def _run_command(args) -> str:
    result = _run_one(args.scenario, cache=not args.no_cache)
    if args.out is not None:
        _write_outputs(result, args.out)
    return json.dumps(result.to_dict(), indent=2) if args.json else _format_result(result)


def _with_progress(work, quiet=False):
    """Run ``work(progress)`` with a progress line on stderr when it is a terminal (and not ``quiet``)."""
    from .plots import TerminalProgress

    if quiet or not sys.stderr.isatty():
        return work(None)
    progress = TerminalProgress()
    try:
        return work(progress)
    finally:
        progress.close()


def _plot_command(args) -> str:
    from . import plots
    from .scenario import load_scenario

    names = None if args.figure == "all" else [args.figure]
    if names is not None and args.figure not in plots.FIGURES:  # before the scenario: a typo costs nothing
        raise OrbitalInputError(f"--figure = {args.figure!r} is not known; known: {', '.join(plots.FIGURES)}, all")
    sc = load_scenario(args.scenario)
    paths = _with_progress(lambda progress: plots.write_figures(sc, args.out, names, args.format, progress))
    return "\n".join(str(p) for p in paths)


def _report_command(args) -> str:
    from . import plots
    from .scenario import load_scenario

    fmt = args.format or ("pdf" if str(args.output).lower().endswith(".pdf") else "html")
    sc = load_scenario(args.scenario)
    return str(_with_progress(lambda progress: plots.report(sc, args.output, fmt, progress)))


def _break_even_text(result) -> str:
    value = result.break_even_launch_price_usd_per_kg
    return "none" if value is None else f"{value:,.0f}"


def _compare_command(args) -> str:
    results = [_run_one(path, cache=not args.no_cache) for path in args.scenarios]
    if args.json:
        return json.dumps([r.to_dict() for r in results], indent=2)
    names = [r.scenario.name for r in results]
    width = max(14, *(len(n) + 2 for n in names))
    lines = [
        f"orbital {__version__}: compare (orbital side; terrestrial in the last rows)",
        f"  {'':32}" + "".join(f"{n:>{width}}" for n in names),
    ]
    for label, key, unit, fmt in _ROWS:
        lines.append(
            f"  {label:32}"
            + "".join(f"{_cell(fmt, r.to_dict()['orbital'][key]):>{width}}" for r in results)
            + f"  {unit}"
        )
    lines.append(
        f"  {'Terrestrial LCOC':32}"
        + "".join(f"{r.terrestrial.lcoc_usd_per_mwh:>{width},.0f}" for r in results)
        + "  USD/MWh"
    )
    lines.append(f"  {'Cost ratio':32}" + "".join(f"{r.cost_ratio:>{width}.3g}" for r in results))
    lines.append(
        f"  {'Break-even launch price':32}" + "".join(f"{_break_even_text(r):>{width}}" for r in results) + "  USD/kg"
    )
    return "\n".join(lines)


def _scenarios_command(args) -> str:
    import tomllib

    from .scenario import bundled_scenarios

    lines = []
    for name, path in bundled_scenarios().items():
        description = tomllib.loads(path.read_text("utf-8")).get("scenario", {}).get("description", "")
        lines.append(f"{name:<20}{description}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Trade spaces and uncertainty
# --------------------------------------------------------------------------------------


def _fmt_si(name, value) -> str:
    from .plots import _shown

    return _shown(name, float(value))


def _run_options(args, out_file=None) -> dict:
    options = {"cache": not args.no_cache, "workers": args.workers, "scheduler": args.scheduler}
    if out_file is not None:
        out = Path(out_file)
        options["work_dir"] = out.with_name(out.name + ".partial")
        options["resume"] = args.resume
    elif args.resume:
        raise OrbitalInputError("--resume needs --out (finished chunks are kept beside the output file)")
    return options


def _check_table_file(path):
    if path is None:
        return
    p = Path(path)
    if p.suffix.lower() not in (".parquet", ".csv"):
        raise OrbitalInputError(f"--out = {str(path)!r}: give a .parquet or .csv file")
    if p.is_dir():
        raise OrbitalInputError(f"--out = {str(path)!r} is a directory; give a .parquet or .csv file name")


def _sweep_report(args) -> dict:
    import time

    from . import sweep
    from .scenario import load_scenario

    if not args.set:
        raise OrbitalInputError("give at least one --set section.key=start:stop:N (or a comma list)")
    axes = [sweep.parse_axis(text) for text in args.set]
    _check_table_file(args.out)
    sc = load_scenario(args.scenario)
    table = sweep.latin_hypercube(axes, args.samples, args.seed) if args.samples else sweep.grid(axes)
    start = time.perf_counter()
    result = _with_progress(
        lambda progress: sweep.run_table(sc, table, progress=progress, **_run_options(args, args.out)), args.quiet
    )
    elapsed = time.perf_counter() - start
    if args.out is not None:
        sweep.write_table(result.columns, args.out)
    out = result.outputs
    n = len(result)
    ratio = np.where(out["feasible"], out["cost_ratio"], np.inf)
    best = int(np.argmin(ratio))
    return {
        "scenario": sc.name,
        "design": "latin-hypercube" if args.samples else "grid",
        "points": n,
        "parameters": {a.name: {"spacing": a.spacing, "values": int(a.values.size)} for a in axes},
        "orbits": result.groups,
        "chunks": result.chunks,
        "resumed_chunks": result.resumed_chunks,
        "runner": result.runner,
        "seconds": elapsed,
        "points_per_second": n / elapsed if elapsed > 0 else None,
        "feasible_fraction": float(np.mean(out["feasible"])),
        "orbital_cheaper_fraction": float(np.mean(out["orbital_cheaper"])),
        "lowest_cost_ratio": {
            "cost_ratio": float(ratio[best]),
            "lcoc_orbital": float(out["lcoc_orbital"][best]),
            "at": {name: _plain(table[name][best]) for name in table},
        },
        "out": None if args.out is None else str(args.out),
    }


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def _sweep_command(args) -> str:
    r = _sweep_report(args)
    lines = [
        f"orbital sweep: {r['scenario']} - {r['points']:,} design points ({r['design']}) in {r['seconds']:.2f} s "
        f"on {r['runner']}",
        f"  {r['orbits']} orbit(s), {r['chunks']} chunk(s)"
        + (f", {r['resumed_chunks']} resumed from disk" if r["resumed_chunks"] else ""),
        f"  feasible {r['feasible_fraction']:.1%}; "
        f"orbital cheaper than the ground in {r['orbital_cheaper_fraction']:.1%}",
    ]
    low = r["lowest_cost_ratio"]
    if np.isfinite(low["cost_ratio"]):
        at = ", ".join(f"{k} = {_fmt_si(k, v) if isinstance(v, float) else v}" for k, v in low["at"].items())
        lines.append(
            f"  lowest cost ratio {low['cost_ratio']:.3g} (orbital {low['lcoc_orbital']:,.0f} USD/MWh) at {at}"
        )
    else:
        lines.append("  no design point is feasible")
    if r["out"]:
        lines.append(f"  wrote {r['out']}")
    return "\n".join(lines)


def _mc_report(args) -> dict:
    import time

    from . import uncertainty
    from .scenario import load_scenario

    _check_table_file(args.out)
    sc = load_scenario(args.scenario)
    start = time.perf_counter()
    mc = _with_progress(
        lambda progress: uncertainty.monte_carlo(
            sc, args.samples, args.seed, progress=progress, **_run_options(args, args.out)
        ),
        args.quiet,
    )
    elapsed = time.perf_counter() - start
    if args.out is not None:
        from . import sweep

        sweep.write_table(mc.result.columns, args.out)
    return {
        "scenario": sc.name,
        "samples": mc.samples,
        "seed": mc.seed,
        "seconds": elapsed,
        "uncertain": {name: {"distribution": d.kind, **d.params} for name, d in sc.uncertainty.items()},
        "percentiles": mc.percentiles,
        "probability_orbital_cheaper": mc.probability_orbital_cheaper,
        "feasible_fraction": mc.feasible_fraction,
        "out": None if args.out is None else str(args.out),
    }


def _mc_command(args) -> str:
    from .sweep import unit_of

    r = _mc_report(args)
    lines = [
        f"orbital mc: {r['scenario']} - {r['samples']:,} samples (seed {r['seed']}) in {r['seconds']:.2f} s",
        f"  uncertain: {', '.join(r['uncertain'])}",
        f"  {'output':26}{'P10':>12}{'P50':>12}{'P90':>12}{'mean':>12}  unit",
    ]
    for name, row in r["percentiles"].items():
        if row is None:
            lines.append(f"  {name:26}{'(none)':>12}")
            continue
        cells = "".join(f"{row[p]:>12,.4g}" for p in (10, 50, 90, "mean"))
        extra = f"  ({row['samples']:,} samples have one)" if row["samples"] < r["samples"] else ""
        lines.append(f"  {name:26}{cells}  {unit_of(name)}{extra}")
    lines.append(f"  probability the orbit is cheaper: {r['probability_orbital_cheaper']:.2%}")
    if r["feasible_fraction"] < 1:
        lines.append(f"  feasible samples: {r['feasible_fraction']:.2%} (percentiles are over these)")
    if r["out"]:
        lines.append(f"  wrote {r['out']}")
    return "\n".join(lines)


def _sensitivity_report(args, keep=None) -> dict:
    from . import uncertainty
    from .scenario import load_scenario

    sc = load_scenario(args.scenario)
    si = _with_progress(
        lambda progress: uncertainty.sobol(
            sc, args.output, args.seed, args.target, cache=not args.no_cache, progress=progress
        ),
        args.quiet,
    )
    swings = uncertainty.tornado(sc, args.output, cache=not args.no_cache)
    figures = []
    if args.figures:
        from . import plots

        out = Path(args.figures)
        figures = [
            plots.save_figure(plots.sobol_chart(sc, indices=si), out / "sensitivity.png"),
            plots.save_figure(plots.tornado_chart(sc, swings=swings), out / "tornado.png"),
        ]
    return {
        "scenario": sc.name,
        "output": si.output,
        "base_samples": si.base_samples,
        "runs": si.runs,
        "target": si.target,
        "converged": si.converged,
        "sobol": {
            name: {
                "S1": float(si.first[j]),
                "S1_conf": float(si.first_conf[j]),
                "ST": float(si.total[j]),
                "ST_conf": float(si.total_conf[j]),
            }
            for j, name in enumerate(si.names)
        },
        "tornado": swings,
        "figures": [str(f) for f in figures],
    }


def _sensitivity_command(args) -> str:
    r = _sensitivity_report(args)
    state = "converged" if r["converged"] else "NOT converged (raise the cap or narrow the distributions)"
    lines = [
        f"orbital sensitivity: {r['scenario']} - Sobol' indices of {r['output']} with SALib",
        f"  N = {r['base_samples']:,} ({r['runs']:,} runs); total-order 95 % half-widths <= {r['target']:g}: {state}",
        f"  {'parameter':34}{'S1':>8}{'± 95%':>8}{'ST':>8}{'± 95%':>8}",
    ]
    for name, row in sorted(r["sobol"].items(), key=lambda kv: -kv[1]["ST"]):
        lines.append(f"  {name:34}{row['S1']:>8.3f}{row['S1_conf']:>8.3f}{row['ST']:>8.3f}{row['ST_conf']:>8.3f}")
    t = r["tornado"]
    lines.append(f"  tornado (P{t['percentiles'][0]} / P{t['percentiles'][1]}, others at base; base {t['base']:.4g}):")
    for name, s in t["swings"].items():
        lines.append(
            f"    {name:32}{s['output_at_low']:>10.4g} at {_fmt_si(name, s['low_value']):>16}"
            f"{s['output_at_high']:>10.4g} at {_fmt_si(name, s['high_value']):>16}"
        )
    lines += [f"  wrote {f}" for f in r["figures"]]
    return "\n".join(lines)


def _crossover_report(args) -> dict:
    from . import uncertainty
    from .scenario import load_scenario

    sc = load_scenario(args.scenario)
    c = _with_progress(
        lambda progress: uncertainty.crossover(sc, args.samples, args.seed, not args.no_cache, progress), args.quiet
    )
    figure = None
    if args.figure:
        from . import plots

        figure = str(plots.save_figure(plots.crossover_chart(sc, crossing=c), args.figure))
    return {
        "scenario": sc.name,
        "year": c.year,
        "years": c.years.tolist(),
        "lcoc_orbital_usd_per_mwh": c.lcoc_orbital.tolist(),
        "lcoc_terrestrial_usd_per_mwh": c.lcoc_terrestrial.tolist(),
        "launch_price_usd_per_kg": c.launch_price_per_kg.tolist(),
        "samples": c.samples,
        "band": c.band,
        "never_fraction": c.never_fraction,
        "trends": dict(sc.trends),
        "figure": figure,
    }


def _crossover_command(args) -> str:
    r = _crossover_report(args)
    years = r["years"]
    t = r["trends"]
    lines = [
        f"orbital crossover: {r['scenario']} - launch on Wright's law, hardware {t['hardware_price_change']:+.1%}/yr, "
        f"bus {t['bus_cost_change']:+.1%}/yr, electricity {t['electricity_price_change']:+.1%}/yr",
        f"  {'year':>6}{'launch USD/kg':>15}{'orbital':>12}{'ground':>12}  USD/MWh",
    ]
    step = max(1, len(years) // 12)
    for i in list(range(0, len(years), step)) + ([len(years) - 1] if (len(years) - 1) % step else []):
        lines.append(
            f"  {years[i]:>6.0f}{r['launch_price_usd_per_kg'][i]:>15,.0f}"
            f"{r['lcoc_orbital_usd_per_mwh'][i]:>12,.0f}{r['lcoc_terrestrial_usd_per_mwh'][i]:>12,.0f}"
        )
    lines.append(f"  crossover: {r['year']:.0f}" if r["year"] is not None else f"  crossover: none by {years[-1]:.0f}")
    if r["samples"]:
        band = r["band"]
        lines.append(
            f"  {r['samples']:,} samples: "
            + (f"P10 {band[10]:.0f}, P50 {band[50]:.0f}, P90 {band[90]:.0f} among those that cross; " if band else "")
            + f"{r['never_fraction']:.1%} never cross by {years[-1]:.0f}"
        )
    if r["figure"]:
        lines.append(f"  wrote {r['figure']}")
    return "\n".join(lines)


def _optimize_report(args) -> dict:
    from . import optimize, sweep
    from .scenario import load_scenario

    if not args.vary:
        raise OrbitalInputError("give at least one --vary section.key=low:high")
    axes = [optimize.parse_bounds(text) for text in args.vary]
    _check_table_file(args.out)
    sc = load_scenario(args.scenario)
    if args.pareto:
        objectives = tuple(o.strip() for o in args.pareto.split(",") if o.strip())
        table = sweep.latin_hypercube(axes, args.samples, args.seed)
        result = sweep.run_table(sc, table, cache=not args.no_cache, workers=0)
        front = optimize.pareto_front(result.columns, objectives)
        columns = {name: np.asarray(value)[front] for name, value in result.columns.items()}
        if args.out is not None:
            sweep.write_table(columns, args.out)
        figure = None
        if args.figure:
            from . import plots

            x, y = (optimize.objective_column(o) for o in objectives[:2])
            figure = str(plots.save_figure(plots.pareto_chart(result.columns, front, x, y), args.figure))
        names = [optimize.objective_column(o) for o in objectives]
        order = np.argsort(columns[names[0]])
        return {
            "scenario": sc.name,
            "pareto": list(objectives),
            "samples": args.samples,
            "front": [
                {**{a.name: float(columns[a.name][i]) for a in axes}, **{n: float(columns[n][i]) for n in names}}
                for i in order
            ],
            "out": args.out,
            "figure": figure,
        }
    best = _with_progress(
        lambda progress: optimize.optimize(
            sc, axes, args.objective, args.seed, cache=not args.no_cache, progress=progress
        ),
        args.quiet,
    )
    return {
        "scenario": sc.name,
        "objective": best.objective,
        "value": best.value,
        "baseline": best.baseline,
        "parameters": best.parameters,
        "at_bound": best.at_bound,
        "outputs": best.outputs,
        "evaluations": best.evaluations,
    }


def _optimize_command(args) -> str:
    from .optimize import objective_column
    from .sweep import unit_of

    r = _optimize_report(args)
    if "pareto" in r:
        names = list(r["front"][0]) if r["front"] else []
        lines = [
            f"orbital optimize: {r['scenario']} - non-dominated designs in {', '.join(r['pareto'])} "
            f"from {r['samples']:,} Latin-hypercube samples: {len(r['front'])}",
            "  " + "".join(f"{n:>30}" for n in names),
        ]
        lines += ["  " + "".join(f"{_fmt_si(n, row[n]):>30}" for n in names) for row in r["front"][:40]]
        if len(r["front"]) > 40:
            lines.append(f"  ... {len(r['front']) - 40} more in the output file")
        lines += [f"  wrote {f}" for f in (r["out"], r["figure"]) if f]
        return "\n".join(lines)
    column = r["objective"]
    unit = unit_of(objective_column(column))
    lines = [
        f"orbital optimize: {r['scenario']} - minimum {column}: {r['value']:,.4g} {unit} "
        f"(scenario as given: {r['baseline']:,.4g}) after {r['evaluations']:,} designs",
    ]
    for name, value in r["parameters"].items():
        bound = "  (at its bound)" if r["at_bound"][name] else ""
        lines.append(f"  {name:34}{_fmt_si(name, value):>18}{bound}")
    o = r["outputs"]
    lines.append(
        f"  orbital {o['lcoc_orbital']:,.0f} vs ground {o['lcoc_terrestrial']:,.0f} USD/MWh "
        f"(ratio {o['cost_ratio']:.3g}), {o['mass']:.1f} kg/kW, dose {o['dose']:.3g} rad/yr"
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Parser and entry point
# --------------------------------------------------------------------------------------


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orbital",
        description="Physics of AI compute in orbit against the ground, per MW.",
    )
    parser.add_argument("--version", action="version", version=f"orbital {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    orbit = commands.add_parser(
        "orbit",
        help="period, drift, sunlight, eclipses and drag of one orbit",
        description=(
            "Propagate one orbit with SGP4 over a span and report its period, J2 drift, "
            "sunlit fraction, eclipse season and longest eclipse; with --ballistic-coefficient, "
            "also the drag make-up delta-v and the lifetime. Values take units: '650 km', '18:00', "
            "'30 s'; bare numbers are in the unit each option names."
        ),
    )
    _add_orbit_options(orbit)
    orbit.add_argument("--ballistic-coefficient", help="m / (C_D A); bare number in kg/m^2; adds drag results")
    orbit.add_argument(
        "--solar-activity",
        choices=("low", "moderate", "high"),
        default="moderate",
        help="ECSS-E-ST-10-04C long-term activity level for drag (default moderate)",
    )
    orbit.set_defaults(handler=lambda args: _format_orbit(_orbit_report(args)), report=_orbit_report)

    sol = commands.add_parser(
        "solar",
        help="solar yield, array and battery per MW, and the ratio to a ground panel",
        description=(
            "Sunlight on an orbit turned into array output (with the cell's operating temperature, "
            "packing, assembly losses and degradation), the array and battery that carry an IT load "
            "through the worst orbit of the span, and the same panel on the ground with pvlib."
        ),
    )
    _add_orbit_options(sol)
    sol.add_argument("--it-power", default="1 MW", help="IT load; bare number in MW (default 1 MW)")
    sol.add_argument("--other-load", default="0 kW", help="other loads on the bus; bare number in kW (default 0)")
    sol.add_argument(
        "--cell", default="xtj-flexible", help=f"cell/array catalog entry: {', '.join(solar.catalog_names('cell'))}"
    )
    sol.add_argument("--efficiency", help="cell efficiency at reference temperature, e.g. 0.30 or '30 %%'")
    sol.add_argument("--packing", help="packing factor (cell area / array area), in (0, 1]")
    sol.add_argument("--degradation", help="fixed power loss per year; bare number in %%/yr (e.g. 0.5)")
    sol.add_argument("--fluence", default="0", help="1-MeV equivalent electron fluence per year, cm^-2 (default 0)")
    sol.add_argument("--lifetime", default="5 yr", help="mission life; bare number in years (default 5)")
    sol.add_argument(
        "--pointing", choices=solar.POINTING_MODES, default="sun-tracking", help="array attitude (default sun-tracking)"
    )
    sol.add_argument("--albedo-power", action="store_true", help="count Earth albedo on the cell side as input")
    sol.add_argument(
        "--battery", default="li-ion-leo", help=f"battery catalog entry: {', '.join(solar.catalog_names('battery'))}"
    )
    sol.add_argument("--depth-of-discharge", help="override the battery's rated depth of discharge, in (0, 1]")
    sol.add_argument(
        "--eclipse-load",
        default="1",
        help="fraction of the load kept up in eclipse (default 1; 0 throttles compute off)",
    )
    sol.add_argument(
        "--site",
        default="greensboro-nc",
        help=f"ground site: {', '.join(solar.catalog_names('site'))}, or 'lat,lon' with --sky clearsky",
    )
    sol.add_argument(
        "--mounting",
        choices=("fixed", "single-axis"),
        default="fixed",
        help="ground panel: fixed at latitude tilt, or single-axis tracker (default fixed)",
    )
    sol.add_argument(
        "--sky",
        choices=("tmy", "clearsky"),
        default="tmy",
        help="ground weather: the site's typical year, or clear sky (default tmy)",
    )
    sol.set_defaults(handler=lambda args: _format_solar(_solar_report(args)), report=_solar_report)

    th = commands.add_parser(
        "thermal",
        help="radiator temperature, sink, net rejection, area and mass per MW of heat",
        description=(
            "The radiator that rejects a heat load in orbit: its temperature (given, or from the GPU junction "
            "limit down the cooling chain), the sun, Earth IR and albedo it absorbs along the orbit for its "
            "coating and attitude, the net flux, and the area and mass for the hot case."
        ),
    )
    _add_orbit_options(th)
    th.add_argument("--heat", default="1 MW", help="heat to reject; bare number in MW (default 1 MW)")
    th.add_argument(
        "--temperature", help="radiator surface temperature, e.g. '20 degC'; bare number in K (default 20 C)"
    )
    th.add_argument(
        "--junction-limit", help="GPU junction limit, e.g. '85 degC'; the radiator temperature follows the loop"
    )
    th.add_argument(
        "--loop", default="single-phase", help=f"heat-transport loop: {', '.join(thermal.catalog_names('loop'))}"
    )
    th.add_argument(
        "--coating", default="silver-teflon", help=f"coating: {', '.join(thermal.catalog_names('coating'))}"
    )
    th.add_argument("--absorptivity", help="solar absorptance at beginning of life, overriding the coating's")
    th.add_argument("--emissivity", help="IR emittance, overriding the coating's")
    th.add_argument("--lifetime", default="5 yr", help="age at which the coating is judged (end of life); bare years")
    th.add_argument("--sides", default="2", help="radiating faces: 1 or 2 (default 2)")
    th.add_argument(
        "--attitude", choices=thermal.ATTITUDES, default="edge-on", help="radiator attitude (default edge-on)"
    )
    th.add_argument("--panel", default="conventional", help=f"panel: {', '.join(thermal.catalog_names('panel'))}")
    th.add_argument("--heat-pump-lift", default="0 K", help="temperature rise a heat pump gives the radiator; bare K")
    th.add_argument("--heat-pump-cop", help="heat-pump coefficient of performance (default: a fraction of Carnot)")
    th.add_argument("--carnot-fraction", default="0.5", help="heat-pump COP as a fraction of Carnot (default 0.5)")
    th.add_argument("--earth-ir", default=f"{EARTH_IR:g}", help="Earth IR exitance; bare W/m^2 (default 237)")
    th.add_argument("--albedo", default=f"{ALBEDO:g}", help="Earth albedo (default 0.30)")
    th.set_defaults(handler=lambda args: _format_thermal(_thermal_report(args)), report=_thermal_report)

    ra = commands.add_parser(
        "radiation",
        help="dose, SEE rates, cluster interruptions, goodput and dose lifetime of accelerators on an orbit",
        description=(
            "Trapped protons and electrons (AP8/AE8) along the orbit's track, the dose behind aluminium "
            "(SHIELDOSE-2) plus galactic H and He through the geomagnetic cutoff, and what they do to a "
            "cluster of beam-tested accelerators: silent data corruptions, uncorrectable memory errors, "
            "SEFIs and crashes per chip-day, interruptions per hour, checkpoint interval and goodput, "
            "and years to the dose limit, beside the same cluster on the ground."
        ),
    )
    _add_orbit_options(ra, days_default="30", sunlight=False)
    ra.add_argument(
        "--samples",
        default="3000",
        help="track samples: phases of the orbit, or over --days for orbits of 0.4 day or more",
    )
    ra.add_argument("--shielding", default="10 mm", help="aluminium-equivalent shield; bare number in mm (default 10)")
    ra.add_argument("--accelerator", default="tpu-v6e", help=f"accelerator: {', '.join(radiation.catalog_names())}")
    ra.add_argument("--chips", default="1", help="accelerators in the cluster (default 1)")
    ra.add_argument("--checkpoint-time", default="60 s", help="time to write a checkpoint; bare s (default 60)")
    ra.add_argument("--restart-time", help="time to restart from a checkpoint; bare s (default: checkpoint time)")
    ra.add_argument(
        "--solar",
        choices=tuple(radiation.SOLAR_CONDITIONS),
        default="worst",
        help="solar cycle: min, max, or worst = AP8-MIN with AE8-MAX and GCR at minimum (default worst)",
    )
    ra.add_argument("--see-threshold", default="10 MeV", help="proton energy that upsets parts; bare MeV (default 10)")
    ra.add_argument("--modulation-potential", help="GCR force-field phi; bare MV (default 400 at min, 1200 at max)")
    ra.add_argument("--solar-fluence", help="file: energy [MeV], solar proton fluence per year above it [cm^-2]")
    ra.add_argument("--solar-event", help="file: energy [MeV], fluence of one event above it [cm^-2], e.g. worst week")
    ra.add_argument(
        "--ground-neutron-flux",
        help="neutrons > 10 MeV at the ground site, e.g. JESD89A's NYC reference; bare /cm^2/h (no default)",
    )
    ra.add_argument("--no-cache", action="store_true", help="recompute the trapped spectra, ignoring the disk cache")
    ra.add_argument("--dose-depth", action="store_true", help="print the dose-depth table (0.5-20 mm Al)")
    ra.set_defaults(
        handler=lambda args: (_format_dose_depth if args.dose_depth else _format_radiation)(_radiation_report(args)),
        report=_radiation_report,
    )

    la = commands.add_parser(
        "launch",
        help="mass per kW, capacity to the orbit, launches per MW and launch cost, now or on a learning curve",
        description=(
            "Launch an orbital data center: the vehicle's capacity to the orbit (a Δv-penalty model on its "
            "reference capacity), the price per kg (list price, --price, or Wright's law in --year), the "
            "satellites per launch, launches per MW, launch cost per kW and per kW-year. Give a satellite "
            "(--mass, --power), or --it-power to size one with the solar, thermal and radiation modules."
        ),
    )
    _add_orbit_options(la, days_default="365", sunlight=False)
    la.add_argument("--vehicle", default="falcon-9-reusable", help=f"vehicle: {', '.join(launch.catalog_names())}")
    la.add_argument("--year", help="price from Wright's law in this year (from its 2025 anchor)")
    la.add_argument("--price", help="price per kg to the vehicle's reference orbit, e.g. '200 USD/kg'")
    la.add_argument("--mass", help="satellite mass; bare kg (with --power)")
    la.add_argument("--power", help="satellite power; bare kW (with --mass)")
    la.add_argument("--it-power", help="IT power of one satellite to size; bare kW (default 100 kW)")
    la.add_argument("--lifetime", default="5 yr", help="mission life; bare years (default 5)")
    la.add_argument("--fill", default="1", help="usable fraction of the capacity (default 1)")
    la.add_argument("--stowed-density", help="satellite mass per stowed volume; bare kg/m^3 (adds the volume limit)")
    la.add_argument("--server", default="gb200-nvl72", help=f"compute hardware: {', '.join(launch.server_names())}")
    la.add_argument("--chassis-removed", action="store_true", help="drop the terrestrial chassis share of its mass")
    la.add_argument("--shielding", default="10 mm", help="aluminium shield; bare mm (default 10)")
    la.add_argument("--radiator-temperature", default="20 degC", help="radiator temperature (default 20 C)")
    la.add_argument("--pmad-mass", help="power management and distribution; bare kg/kW (default 5, assumed)")
    la.add_argument("--comms-mass", help="communication terminals per satellite; bare kg (default 30, assumed)")
    la.add_argument("--thruster-isp", default="1500 s", help="station-keeping thruster Isp (default 1500 s)")
    la.add_argument("--structure-fraction", default="0.2", help="structure share of dry mass (default 0.2)")
    la.add_argument("--margin", default="0.2", help="system margin on dry mass (default 0.2)")
    la.add_argument(
        "--solar-activity",
        choices=("low", "moderate", "high"),
        default="moderate",
        help="ECSS activity level for drag make-up (default moderate)",
    )
    la.add_argument("--learning-rate", default="0.20", help="price fall per doubling of launched mass (default 0.20)")
    la.add_argument("--cadence", help="mass launched per year from 2025; bare t/yr (default 36,000, Suncatcher)")
    la.add_argument("--cadence-growth", default="0", help="annual growth of the cadence (default 0)")
    la.add_argument("--target-price", help="report when the learning curve reaches this price per kg")
    la.set_defaults(handler=lambda args: _format_launch(_launch_report(args)), report=_launch_report)

    li = commands.add_parser(
        "link",
        help="contacts, data rate, daily volume, demand and latency of an orbital data center's links",
        description=(
            "Passes of the orbit over ground stations, the RF (DVB-S2 over ITU-R attenuation) or optical link "
            "budget along them, the daily volume, an optical inter-satellite or relay alternative, and the "
            "traffic an inference or training cluster needs, with round-trip latency against the ground."
        ),
    )
    _add_orbit_options(li, days_default="30", sunlight=False)
    li.add_argument("--step", default="10", help="contact sampling; bare s (default 10)")
    li.add_argument("--band", choices=downlink.BANDS, default="ka", help="link (default ka)")
    li.add_argument(
        "--stations",
        help=f"comma-separated names or 'all' (default: those with the band): {', '.join(downlink.station_names())}",
    )
    li.add_argument("--min-elevation", default="10", help="elevation mask; bare deg (default 10)")
    li.add_argument("--availability", default="99", help="percent of time the RF link must close (default 99)")
    li.add_argument("--it-power", default="1 MW", help="IT power whose traffic the link carries; bare MW")
    li.add_argument("--workload", choices=tuple(downlink.WORKLOADS), default="inference", help="traffic preset")
    li.add_argument("--fibre-distance", default="1000 km", help="fibre from the station to users; bare km")
    li.set_defaults(handler=lambda args: _format_link(_link_report(args)), report=_link_report)

    rn = commands.add_parser(
        "run",
        help="orbital against terrestrial per MW for a scenario file",
        description=(
            "Run a scenario (a TOML file, or a bundled name: see 'orbital scenarios') through every physics "
            "module and print orbital and terrestrial side by side per MW of IT load; with --out, write "
            "result.json, result.csv and the fully resolved scenario there."
        ),
    )
    rn.add_argument("scenario", help="scenario file or bundled scenario name")
    rn.add_argument("--out", help="directory for result.json, result.csv and scenario.resolved.toml")
    rn.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    rn.add_argument("--no-cache", action="store_true", help="recompute the orbit physics, ignoring the disk cache")
    rn.set_defaults(handler=_run_command, report=None)

    pl = commands.add_parser(
        "plot",
        help="publication-ready figures of a scenario",
        description=(
            "Draw a scenario's figures (sunlight, solar-power, radiator, dose-depth, goodput-map, mass-budget, "
            "cost, break-even, learning-curve) into a directory as <name>.<format>; all of them or none are written."
        ),
    )
    pl.add_argument("scenario", help="scenario file or bundled scenario name")
    pl.add_argument("--figure", default="all", help="figure name, or 'all' (default)")
    pl.add_argument("--out", default="figures", help="output directory (default ./figures)")
    pl.add_argument("--format", choices=("png", "svg", "pdf"), default="png", help="file format (default png)")
    pl.set_defaults(handler=_plot_command, report=None, json=False)

    rp = commands.add_parser(
        "report",
        help="one self-contained HTML (or PDF) report of a scenario",
        description=(
            "Write one file with the scenario summary, the results side by side, every figure (embedded, no "
            "external requests), every assumption with its unit and source, and the package version."
        ),
    )
    rp.add_argument("scenario", help="scenario file or bundled scenario name")
    rp.add_argument("-o", "--output", default="report.html", help="report file (default report.html)")
    rp.add_argument(
        "--format", choices=("html", "pdf"), help="html or pdf (default from the file name's suffix, else html)"
    )
    rp.set_defaults(handler=_report_command, report=None, json=False)

    cp = commands.add_parser(
        "compare",
        help="several scenarios side by side",
        description="Run several scenarios and set their results side by side.",
    )
    cp.add_argument("scenarios", nargs="+", help="scenario files or bundled names")
    cp.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    cp.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    cp.set_defaults(handler=_compare_command, report=None)

    sn = commands.add_parser(
        "scenarios",
        help="list the bundled scenarios",
        description="The scenarios that ship with the package, one line each.",
    )
    sn.set_defaults(handler=_scenarios_command, report=None, json=False)

    def add_run_options(p, resumable=True):
        p.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
        p.add_argument(
            "--workers",
            type=int,
            help="local dask worker processes (0: this process; default: a LocalCluster with one per core "
            "when two or more orbits' physics are not cached yet)",
        )
        p.add_argument("--scheduler", help="address of a running dask scheduler, e.g. tcp://10.0.0.5:8786")
        if resumable:
            p.add_argument(
                "--resume", action="store_true", help="reuse the finished chunks an interrupted run left beside --out"
            )
        p.add_argument("--quiet", action="store_true", help="no progress bar")

    sw = commands.add_parser(
        "sweep",
        help="evaluate a trade space of design points",
        description=(
            "Evaluate the whole chain over the Cartesian product of --set ranges (or a Latin hypercube with "
            "--samples), vectorized over design points; orbit physics is computed once per distinct orbit and "
            "cached. --set section.key=start:stop:N (N evenly spaced), start:stop:logN (log-spaced) or a,b,c; "
            "values take units ('400km:1500km:25'); bare numbers are in the key's scenario-file unit."
        ),
    )
    sw.add_argument("scenario", help="scenario file or bundled scenario name")
    sw.add_argument("--set", action="append", default=[], metavar="KEY=RANGE", help="a swept parameter (repeatable)")
    sw.add_argument("--samples", type=int, help="Latin-hypercube sample size instead of the full grid")
    sw.add_argument("--seed", type=int, default=0, help="seed of the Latin hypercube (default 0)")
    sw.add_argument("--out", help="results file: .parquet or .csv (one row per design point, units in the header)")
    sw.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_run_options(sw)
    sw.set_defaults(handler=_sweep_command, report=_sweep_report)

    mc = commands.add_parser(
        "mc",
        help="Monte Carlo over the scenario's [uncertainty] distributions",
        description=(
            "Draw the scenario's [uncertainty] parameters (normal, lognormal, triangular, uniform; bounds "
            "truncate) and report P10/P50/P90 of each output and the probability the orbit is cheaper. "
            "Same seed, same numbers."
        ),
    )
    mc.add_argument("scenario", help="scenario file or bundled scenario name")
    mc.add_argument("--samples", type=int, default=10000, help="number of samples (default 10,000)")
    mc.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    mc.add_argument("--out", help="write every sample: .parquet or .csv")
    mc.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_run_options(mc)
    mc.set_defaults(handler=_mc_command, report=_mc_report)

    se = commands.add_parser(
        "sensitivity",
        help="Sobol' indices and a tornado over the [uncertainty] distributions",
        description=(
            "Sobol' first- and total-order indices (SALib, Saltelli sampling, bootstrap 95 %% intervals; the "
            "sample size doubles until every total-order half-width is within --target) and one-at-a-time "
            "P10/P90 swings of an output."
        ),
    )
    se.add_argument("scenario", help="scenario file or bundled scenario name")
    se.add_argument("--output", default="cost_ratio", help="output analysed (default cost_ratio)")
    se.add_argument("--seed", type=int, default=0, help="seed of the Sobol' sequence and the bootstrap")
    se.add_argument("--target", type=float, default=0.05, help="largest 95 %% half-width of ST (default 0.05)")
    se.add_argument("--figures", help="directory for sensitivity.png and tornado.png")
    se.add_argument("--json", action="store_true", help="print JSON")
    se.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    se.add_argument("--quiet", action="store_true", help="no progress bar")
    se.set_defaults(handler=_sensitivity_command, report=_sensitivity_report)

    co = commands.add_parser(
        "crossover",
        help="the first year the orbit is cheaper, under launch learning and [trends]",
        description=(
            "Levelized costs by launch year from [trends] start_year to end_year: launch price on Wright's law, "
            "hardware, spacecraft and electricity prices at their [trends] rates; with --samples, the crossover "
            "year's band from the [uncertainty] distributions."
        ),
    )
    co.add_argument("scenario", help="scenario file or bundled scenario name")
    co.add_argument("--samples", type=int, default=0, help="Monte Carlo samples for the band (default none)")
    co.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    co.add_argument("--figure", help="write the figure (.png, .svg or .pdf)")
    co.add_argument("--json", action="store_true", help="print JSON")
    co.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    co.add_argument("--quiet", action="store_true", help="no progress bar")
    co.set_defaults(handler=_crossover_command, report=_crossover_report)

    op = commands.add_parser(
        "optimize",
        help="the cheapest design within bounds, or a Pareto front",
        description=(
            "Minimise an output over --vary section.key=low:high ranges (low:high:log searches in the "
            "logarithm) with differential evolution on the vectorized chain; or with --pareto a,b, the "
            "non-dominated designs of a Latin-hypercube sweep of the ranges."
        ),
    )
    op.add_argument("scenario", help="scenario file or bundled scenario name")
    op.add_argument("--vary", action="append", default=[], metavar="KEY=LOW:HIGH", help="a free parameter")
    op.add_argument("--objective", default="lcoc", help="lcoc, ratio, mass, capex, co2 or an output (default lcoc)")
    op.add_argument("--pareto", help="two or more objectives, e.g. lcoc,mass")
    op.add_argument("--samples", type=int, default=4096, help="designs sampled for --pareto (default 4,096)")
    op.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    op.add_argument("--out", help="with --pareto: write the front (.parquet or .csv)")
    op.add_argument("--figure", help="with --pareto: write the front's figure (.png, .svg or .pdf)")
    op.add_argument("--json", action="store_true", help="print JSON")
    op.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    op.add_argument("--quiet", action="store_true", help="no progress bar")
    op.set_defaults(handler=_optimize_command, report=_optimize_report)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``orbital`` command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", OrbitalWarning)
            if args.report is None:
                output = args.handler(args)
            else:
                output = json.dumps(args.report(args), indent=2) if args.json else args.handler(args)
    except OrbitalInputError as exc:
        print(f"orbital {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        out = getattr(args, "out", None)
        partial = Path(f"{out}.partial") if out else None
        kept = (
            f"; finished chunks are kept in {partial}: rerun with --resume"
            if partial is not None and any(partial.glob("chunk-*.npz"))
            else ""
        )
        print(f"orbital {args.command}: interrupted{kept}", file=sys.stderr)
        return EXIT_INTERRUPTED
    for warning in caught:  # the package's warnings as one line each, without Python's source excerpt
        if issubclass(warning.category, OrbitalWarning):
            print(f"orbital {args.command}: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
