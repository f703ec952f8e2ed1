"""Command-line interface: ``orbital <command> ...``.

The CLI only parses options (through :mod:`orbital.units`), calls the same
Python API a notebook would, and prints. Bad input exits with status 2 and a
one-line message naming the option; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .constants import DAY
from .errors import OrbitalInputError
from .orbits import DEFAULT_EPOCH, Orbit, solar_activity
from .units import as_float, as_time

EXIT_BAD_INPUT = 2


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
    return Orbit(altitude=altitude, inclination=inclination, raan=raan % 360.0, epoch=epoch,
                 eccentricity=eccentricity)


def _orbit_report(args) -> dict:
    orbit = _orbit_from_args(args)
    days = as_float(args.days, "day", name="--days")
    step = as_float(args.step, "s", name="--step", bare_unit="s")
    summary = orbit.sunlight(days=days, step=step, shadow=args.shadow).summary()
    report = {
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
        "shadow": args.shadow,
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
    if args.ballistic_coefficient is not None:
        b = as_float(args.ballistic_coefficient, "kg/m2", name="--ballistic-coefficient")
        activity = solar_activity(args.solar_activity)
        density = orbit.mean_density(args.solar_activity, days=max(days, 1.0))
        report.update(
            {
                "ballistic_coefficient_kg_per_m2": b,
                "solar_activity": args.solar_activity,
                "f107_sfu": activity["f107"],
                "ap": activity["ap"],
                "solar_activity_source": activity["source"],
                "mean_density_kg_per_m3": density,
                "drag_delta_v_m_per_s_per_year": orbit.drag_delta_v_per_year(b, args.solar_activity, max(days, 1.0)),
                "lifetime_years": orbit.lifetime(b, args.solar_activity) / (365.25 * DAY),
            }
        )
    return report


def _format_orbit(report: dict) -> str:
    lines = []

    def row(label, value):
        lines.append(f"  {label:<28}{value}")

    kind = (
        f"sun-synchronous, LTAN {_clock(report['ltan_h'])} (local mean time)"
        if report["sun_synchronous"]
        else f"LTAN {_clock(report['ltan_h'])} at the epoch (local mean time), not sun-synchronous"
    )
    lines.append(f"orbital {report['orbital_version']}: orbit")
    row("Orbit", kind)
    row("Altitude (mean)", f"{report['altitude_km']:,.1f} km, e = {report['eccentricity']:g}")
    row("Inclination", f"{report['inclination_deg']:.3f} deg")
    row("RAAN at epoch", f"{report['raan_deg']:.3f} deg (TEME, {report['start']} UTC)")
    row("Period", f"{report['period_s'] / 60:.2f} min")
    row("Velocity", f"{report['velocity_m_per_s'] / 1e3:.3f} km/s")
    row("Node drift (J2)", f"{report['raan_drift_deg_per_day']:+.4f} deg/day")
    row("Perigee drift (J2)", f"{report['argp_drift_deg_per_day']:+.4f} deg/day")
    lines.append(
        f"Sunlight over {report['days']:g} days at {report['step_s']:g} s steps "
        f"({report['shadow']} shadow, {report['samples']:,} samples)"
    )
    row("Sunlit fraction", f"{report['sunlit_fraction']:.4f} (penumbra counted in part)")
    row("Mean irradiance / S0", f"{report['mean_irradiance_factor']:.4f} (with the 1/r² swing)")
    row("Days with an eclipse", f"{report['eclipse_days']}")
    row("Eclipses", f"{report['eclipse_count']:,}")
    row("Longest eclipse", f"{report['max_eclipse_s'] / 60:.1f} min (umbra {report['max_umbra_s'] / 60:.1f} min)")
    row("Beta angle", f"{report['beta_min_deg']:.2f} to {report['beta_max_deg']:.2f} deg")
    if "drag_delta_v_m_per_s_per_year" in report:
        lines.append(
            f"Drag (NRLMSIS 2.1, {report['solar_activity']} activity: F10.7 {report['f107_sfu']:g} sfu, "
            f"Ap {report['ap']:g})"
        )
        row("Ballistic coefficient", f"{report['ballistic_coefficient_kg_per_m2']:g} kg/m^2 (m / (C_D A))")
        row("Mean density", f"{report['mean_density_kg_per_m3']:.3e} kg/m^3")
        row("Delta-v to hold altitude", f"{report['drag_delta_v_m_per_s_per_year']:.3g} m/s per year")
        row("Lifetime without thrust", f"{report['lifetime_years']:.3g} years (fixed activity level)")
    return "\n".join(lines)


def _clock(hours: float) -> str:
    minutes = int(round(hours * 60)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


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
    orbit.add_argument("--altitude", required=True, help="mean altitude; bare number in km (e.g. 650 or '650 km')")
    plane = orbit.add_mutually_exclusive_group(required=True)
    plane.add_argument("--inclination", help="inclination; bare number in deg")
    plane.add_argument("--sso", action="store_true", help="sun-synchronous: inclination from the altitude")
    orbit.add_argument("--ltan", help="with --sso: local mean time of the ascending node (default 18:00, dawn-dusk)")
    orbit.add_argument("--raan", help="without --sso: RAAN at the start, TEME; bare number in deg (default 0)")
    orbit.add_argument("--eccentricity", default="0", help="mean eccentricity (default 0)")
    orbit.add_argument("--start", default=DEFAULT_EPOCH[:10], help="epoch and start, ISO date (default 2026-01-01)")
    orbit.add_argument("--days", default="365", help="span; bare number in days (default 365)")
    orbit.add_argument("--step", default="30", help="time step; bare number in s (default 30)")
    orbit.add_argument("--shadow", choices=("conical", "cylindrical"), default="conical",
                       help="Earth shadow model (default conical: umbra and penumbra)")
    orbit.add_argument("--ballistic-coefficient", help="m / (C_D A); bare number in kg/m^2; adds drag results")
    orbit.add_argument("--solar-activity", choices=("low", "moderate", "high"), default="moderate",
                       help="ECSS-E-ST-10-04C long-term activity level for drag (default moderate)")
    orbit.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    orbit.set_defaults(handler=_run_orbit)
    return parser


def _run_orbit(args) -> None:
    report = _orbit_report(args)
    print(json.dumps(report, indent=2) if args.json else _format_orbit(report))


def main(argv=None) -> int:
    """Entry point of the ``orbital`` command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        args.handler(args)
    except OrbitalInputError as exc:
        print(f"orbital {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
