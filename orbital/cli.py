"""Command-line interface: ``orbital <command> ...``.

Each command parses its options (units at the edge, through :mod:`orbital.units`), makes one
call of the Python API, and prints the result's table, or with ``--json`` its ``to_json()``
(``to_dict()`` as valid JSON). No analysis lives here. Bad input exits with status 2 and a
one-line message naming the option; no failure shows a traceback (see :func:`main`). Only the
chosen command's options are built, so ``orbital --help`` imports no physics.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from pathlib import Path

from ._version import __version__
from .errors import OrbitalInputError, OrbitalWarning

EXIT_ENVIRONMENT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a reader that stopped reading

#: Commands whose options list physics catalogs and model choices.
_PHYSICS_COMMANDS = ("orbit", "solar", "thermal", "radiation", "launch", "link")


# --------------------------------------------------------------------------------------
# Shared options
# --------------------------------------------------------------------------------------


def _add_orbit_options(parser, days_default="365", sunlight=True):
    from .orbits import DEFAULT_EPOCH

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


def _orbit_from_args(args):
    from .orbits import Orbit
    from .units import as_float, as_time

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


def _sunlight_options(args) -> dict:
    from .units import as_float

    return {
        "days": as_float(args.days, "day", name="--days"),
        "step": as_float(args.step, "s", name="--step"),
        "shadow": args.shadow,
    }


#: The valid range of a numeric option of the physics commands: an interval in the option's bare unit,
#: or the scenario key whose range it shares (orbital.scenario.SCHEMA). Options not listed are checked
#: by the model they feed (the orbit's elements, time spans and steps, the learning curve).
OPTION_RANGES = {
    ("solar", "--it-power"): "compute.it_power",
    ("solar", "--other-load"): "[0, 100000]",
    ("solar", "--lifetime"): "finance.lifetime",
    ("solar", "--efficiency"): "[0.01, 0.6]",  # cells from ~1 % (amorphous films) to the 47 % record
    ("solar", "--packing"): "(0, 1]",
    ("solar", "--depth-of-discharge"): "(0, 1]",
    ("solar", "--fluence"): "[0, 1e17]",
    ("solar", "--eclipse-load"): "solar.eclipse_load",
    ("thermal", "--heat"): "(0, 100000]",
    ("thermal", "--lifetime"): "finance.lifetime",
    ("thermal", "--temperature"): "thermal.radiator_temperature",
    ("thermal", "--junction-limit"): "[250, 450]",
    ("thermal", "--absorptivity"): "[0, 1]",
    ("thermal", "--emissivity"): "[0, 1]",
    ("thermal", "--sides"): "[1, 2]",
    ("thermal", "--earth-ir"): "[0, 500]",
    ("thermal", "--albedo"): "[0, 1]",
    ("thermal", "--heat-pump-lift"): "[0, 200]",
    ("thermal", "--heat-pump-cop"): "(0, 50]",
    ("thermal", "--carnot-fraction"): "(0, 1]",
    ("radiation", "--shielding"): "radiation.shielding",
    ("radiation", "--checkpoint-time"): "workload.checkpoint_time",
    ("radiation", "--restart-time"): "(0, 86400]",
    ("radiation", "--see-threshold"): "[1, 1000]",
    ("radiation", "--modulation-potential"): "[0, 2000]",
    ("radiation", "--ground-neutron-flux"): "[0, 10000]",
    ("radiation", "--ground-altitude"): "[-500, 11000]",
    ("radiation", "--lifetime"): "(0, 100]",
    ("launch", "--lifetime"): "finance.lifetime",
    ("launch", "--fill"): "launch.fill",
    ("launch", "--year"): "launch.year",
    ("launch", "--price"): "launch.price_per_kg",
    ("launch", "--cadence"): "(0, 1e9]",
    ("launch", "--cadence-growth"): "[0, 10]",
    ("launch", "--stowed-density"): "[1, 20000]",
    ("launch", "--target-price"): "(0, inf)",
    ("launch", "--mass"): "[1, 1000000]",
    ("launch", "--power"): "[0.01, 100000]",
    ("launch", "--it-power"): "compute.satellite_it_power",
    ("launch", "--shielding"): "radiation.shielding",
    ("launch", "--radiator-temperature"): "thermal.radiator_temperature",
    ("launch", "--thruster-isp"): "launch.thruster_isp",
    ("launch", "--structure-fraction"): "launch.structure_fraction",
    ("launch", "--margin"): "launch.margin",
    ("launch", "--pmad-mass"): "launch.power_management",
    ("launch", "--comms-mass"): "launch.communications",
    ("link", "--it-power"): "compute.it_power",
    ("link", "--min-elevation"): "downlink.min_elevation",
    ("link", "--availability"): "downlink.availability",
    ("link", "--days"): "downlink.days",
    ("link", "--step"): "downlink.step",
    ("link", "--fibre-distance"): "downlink.fibre_distance",
}


def _quantity(args, option, unit, bare_unit=None, optional=True, positive=False):
    """An option's value in SI (None when an optional option is not given), checked against its range."""
    from .units import as_float

    text = getattr(args, option.lstrip("-").replace("-", "_"))
    if text is None and optional:
        return None
    value = as_float(text, unit, name=option, bare_unit=bare_unit)
    if value <= 0 and positive:
        raise OrbitalInputError(f"{option} = {text!r} must be positive")
    valid = OPTION_RANGES.get((args.command, option))
    if valid is not None:
        from .scenario import SCHEMA, Key

        if valid[0] in "[(":
            Key(None, unit, bare_unit or unit, "", valid=valid).check(value, option)
        else:
            section, _, key = valid.partition(".")
            SCHEMA[section][key].check(value, option)
    return value


def _whole_quantity(args, option) -> int:
    value = _quantity(args, option, "", optional=False)
    if value != int(value):
        raise OrbitalInputError(f"{option} = {getattr(args, option.lstrip('-'))!r} must be a whole number")
    return int(value)


def _positive(args, option, unit, bare_unit):
    return _quantity(args, option, unit, bare_unit, optional=False, positive=True)


def _whole(minimum: int):
    """An argparse type: a whole number of at least ``minimum`` (argparse names the option and exits 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is outside the valid range [{minimum}, inf)")
        return value

    parse.__name__ = "whole number"
    return parse


def _fraction_option(text: str) -> float:
    """An argparse type: a number in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value:g} is outside the valid range (0, 1]")
    return value


def _with_progress(work, quiet=False):
    """Run ``work(progress)`` with a progress line on stderr when it is a terminal (and not ``quiet``)."""
    if quiet or not sys.stderr.isatty():
        return work(None)
    progress = TerminalProgress()
    try:
        return work(progress)
    finally:
        progress.close()


class TerminalProgress:
    """A one-line progress display on stderr: ``progress(k, n, step)`` per step, ``close()`` at the end."""

    def __init__(self, stream=None):
        import time

        self.stream = stream or sys.stderr
        self.start = time.perf_counter()
        self.shown = False

    def __call__(self, k, n, step):
        import time

        elapsed = time.perf_counter() - self.start
        filled = int(round(20 * k / n)) if n else 0
        self.stream.write(f"\r\033[K  [{'#' * filled}{'.' * (20 - filled)}] {k}/{n} {step}  ({elapsed:.1f} s)")
        self.stream.flush()
        self.shown = True

    def close(self):
        if self.shown:
            self.stream.write("\r\033[K")  # leave the terminal clean for the printed result
            self.stream.flush()


def _scenario(args):
    from .scenario import load_scenario

    return load_scenario(args.scenario, catalogs=args.catalog or ())


def _add_scenario(parser, default=None) -> None:
    """The scenario argument (optional when it has a ``default``) and ``--catalog``."""
    if default is None:
        parser.add_argument("scenario", help="scenario file or bundled scenario name")
    else:
        parser.add_argument(
            "scenario", nargs="?", default=default, help=f"scenario file or bundled name (default {default})"
        )
    parser.add_argument(
        "--catalog",
        action="append",
        metavar="FILE",
        help="a user catalog (TOML: [servers.NAME], [accelerators.NAME], [solar_cells.NAME], ... in the bundled "
        "files' format, each entry with its sources) adding or overriding entries; may be repeated",
    )


# --------------------------------------------------------------------------------------
# Commands: parse, one API call, return the result
# --------------------------------------------------------------------------------------


def _orbit_command(args):
    from .orbits import orbit_report

    orbit = _orbit_from_args(args)
    return orbit_report(
        orbit,
        **_sunlight_options(args),
        ballistic_coefficient=_quantity(args, "--ballistic-coefficient", "kg/m2"),
        solar_activity=args.solar_activity,
    )


def _solar_command(args):
    from .solar import solar_report

    orbit = _orbit_from_args(args)
    sunlight = _sunlight_options(args)
    return solar_report(
        orbit,
        it_power=_positive(args, "--it-power", "W", "MW"),
        other_load=_quantity(args, "--other-load", "W", "kW"),
        cell_name=args.cell,
        battery_name=args.battery,
        lifetime=_quantity(args, "--lifetime", "s", "yr"),
        efficiency=_quantity(args, "--efficiency", ""),
        packing_factor=_quantity(args, "--packing", ""),
        degradation_rate=_quantity(args, "--degradation", "1/yr", "percent/yr"),
        depth_of_discharge=_quantity(args, "--depth-of-discharge", ""),
        fluence_per_year=_quantity(args, "--fluence", "1/(cm2 yr)"),
        pointing=args.pointing,
        albedo_power=args.albedo_power,
        eclipse_load_fraction=_quantity(args, "--eclipse-load", ""),
        site=args.site,
        mounting=args.mounting,
        sky=args.sky,
        **sunlight,
    )


def _thermal_command(args):
    from .thermal import thermal_report

    orbit = _orbit_from_args(args)
    sunlight = _sunlight_options(args)
    heat = _positive(args, "--heat", "W", "MW")
    lifetime = _quantity(args, "--lifetime", "s", "yr")
    optical = {name: _quantity(args, f"--{name}", "") for name in ("absorptivity", "emissivity")}
    if args.junction_limit is not None and args.temperature is not None:
        raise OrbitalInputError("give --temperature or --junction-limit, not both")
    return thermal_report(
        orbit,
        heat=heat,
        temperature=_quantity(args, "--temperature", "K"),
        junction_limit=_quantity(args, "--junction-limit", "K"),
        coating_name=args.coating,
        lifetime=lifetime,
        sides=_whole_quantity(args, "--sides"),
        attitude=args.attitude,
        earth_ir=_quantity(args, "--earth-ir", "W/m2"),
        albedo=_quantity(args, "--albedo", ""),
        panel_name=args.panel,
        loop_name=args.loop,
        heat_pump_lift=_quantity(args, "--heat-pump-lift", "K"),
        heat_pump_cop=_quantity(args, "--heat-pump-cop", ""),
        carnot_fraction=_quantity(args, "--carnot-fraction", ""),
        **optical,
        **sunlight,
    )


def _read_spectrum(path: str, option: str):
    """Two columns, energy [MeV] and integral fluence above it [cm^-2], '#' comments, comma or blank separated;
    energies increasing (an error names the file and line that breaks the order)."""
    import numpy as np

    file = Path(path)
    if not file.is_file():
        raise OrbitalInputError(f"{option} = {path!r}: no such file")
    rows, lines = [], []
    try:
        text = file.read_text()
    except UnicodeDecodeError as exc:
        raise OrbitalInputError(f"{option}: {path} is not a text file: {exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split("#", 1)[0].replace(",", " ").split()
        if not fields:
            continue
        try:
            values = [float(x) for x in fields]
        except ValueError:
            raise OrbitalInputError(
                f"{option}: {path} line {number}: {line.strip()!r} is not two numbers (energy MeV, fluence cm^-2)"
            ) from None
        if len(values) != 2:
            raise OrbitalInputError(f"{option}: {path} line {number}: give two columns (energy MeV, fluence cm^-2)")
        if rows and values[0] <= rows[-1][0]:
            raise OrbitalInputError(
                f"{option}: {path} line {number}: energy {values[0]:g} MeV does not increase "
                f"(line {lines[-1]} has {rows[-1][0]:g} MeV); sort the file by energy"
            )
        rows.append(values)
        lines.append(number)
    if len(rows) < 2:
        raise OrbitalInputError(
            f"{option}: {path} must have two columns (energy MeV, integral fluence cm^-2) and at least two rows"
        )
    data = np.array(rows)
    return data[:, 0], data[:, 1]


def _radiation_command(args):
    from . import radiation
    from .radiation import radiation_summary

    orbit = _orbit_from_args(args)
    samples = _quantity(args, "--samples", "")
    if samples != int(samples):
        raise OrbitalInputError(f"--samples = {args.samples!r} must be a whole number")
    chips = _quantity(args, "--chips", "")
    if chips != int(chips) or chips < 1:
        raise OrbitalInputError(f"--chips = {args.chips!r} must be a whole number of at least 1")
    return radiation_summary(
        orbit,
        args.accelerator,
        int(chips),
        _quantity(args, "--shielding", "m", "mm"),
        _quantity(args, "--checkpoint-time", "s"),
        _quantity(args, "--restart-time", "s"),
        args.solar,
        _quantity(args, "--see-threshold", "MeV"),
        solar_proton_fluence=None
        if args.solar_fluence is None
        else _read_spectrum(args.solar_fluence, "--solar-fluence"),
        solar_event_fluence=None if args.solar_event is None else _read_spectrum(args.solar_event, "--solar-event"),
        modulation_potential=_quantity(args, "--modulation-potential", "MV"),
        ground_neutron_flux=_quantity(args, "--ground-neutron-flux", "1/(cm2 s)", "1/(cm2 h)"),
        days=_quantity(args, "--days", "day"),
        samples=int(samples),
        ground_altitude=_quantity(args, "--ground-altitude", "m"),
        worst_day_spectrum=radiation.WORST_DAY_PROTONS if args.worst_day == "creme96" else None,
        lifetime=_quantity(args, "--lifetime", "s", "yr"),
        cache=not args.no_cache,
    )


def _launch_command(args):
    from . import launch, spacecraft

    orbit = _orbit_from_args(args)
    lifetime = _quantity(args, "--lifetime", "s", "yr")
    launch_options = {
        "fill": _quantity(args, "--fill", ""),
        "year": _quantity(args, "--year", ""),
        "price_per_kg": _quantity(args, "--price", "USD/kg"),
        "cadence": _quantity(args, "--cadence", "kg/yr", "t/yr"),
        "growth": _quantity(args, "--cadence-growth", ""),
        "learning_rate": _quantity(args, "--learning-rate", ""),
        "stowed_density": _quantity(args, "--stowed-density", "kg/m3"),
        "target_price": _quantity(args, "--target-price", "USD/kg"),
    }
    if args.mass is not None or args.power is not None:
        if args.mass is None or args.power is None or args.it_power is not None:
            raise OrbitalInputError("give --mass and --power for a satellite, or --it-power for a sized one, not both")
        mass = _quantity(args, "--mass", "kg")
        power = _quantity(args, "--power", "W", "kW")
        if mass <= 0 or power <= 0:
            raise OrbitalInputError("--mass and --power must be positive")
        return launch.launch_report(orbit, mass, power, args.vehicle, lifetime, **launch_options)
    design = {
        "shielding": _quantity(args, "--shielding", "m", "mm"),
        "activity": args.solar_activity,
        "radiator_temperature": _quantity(args, "--radiator-temperature", "K"),
        "thruster_isp": _quantity(args, "--thruster-isp", "s"),
        "structure_fraction": _quantity(args, "--structure-fraction", ""),
        "margin": _quantity(args, "--margin", ""),
    }
    if args.pmad_mass is not None:
        design["power_management_per_watt"] = _quantity(args, "--pmad-mass", "kg/W", "kg/kW")
    if args.comms_mass is not None:
        design["communications_mass"] = _quantity(args, "--comms-mass", "kg")
    return spacecraft.design_and_launch(
        orbit,
        it_power=_quantity(args, "--it-power", "W", "kW") if args.it_power else 100e3,
        vehicle_name=args.vehicle,
        lifetime=lifetime,
        sunlight_days=_quantity(args, "--days", "day"),
        server_name=args.server,
        chassis_removed=args.chassis_removed,
        launch_options=launch_options,
        **design,
    )


def _link_command(args):
    from .downlink import link_summary

    orbit = _orbit_from_args(args)
    stations = None
    if args.stations is not None and args.stations.strip().lower() != "all":
        stations = [name.strip() for name in args.stations.split(",") if name.strip()]
    return link_summary(
        orbit,
        args.band,
        stations,
        it_power=_quantity(args, "--it-power", "W", "MW"),
        workload=args.workload,
        min_elevation=_quantity(args, "--min-elevation", "deg"),
        availability=_quantity(args, "--availability", "percent", "percent"),
        days=_quantity(args, "--days", "day"),
        step=_quantity(args, "--step", "s"),
        fibre_length=_quantity(args, "--fibre-distance", "m", "km"),
    )


def _run_command(args):
    from . import model
    from .cache import check_writable

    if args.out is not None:
        check_writable(args.out)  # before the work, not after it
    result = model.run(_scenario(args), cache=not args.no_cache)
    if args.out is not None:
        result.save(args.out)
    return result


def _init_command(args):
    from .scenario import init_scenario

    return init_scenario(args.name, args.source)


def _validate_command(args):
    from .scenario import validate

    return validate(args.files)


def _schema_command(args):
    from .scenario import schema

    return schema()


def _fleet_command(args):
    from . import model
    from .cache import check_writable

    if args.out is not None:
        check_writable(args.out)  # before the work, not after it
    if args.it_power:
        from .units import as_float

        powers = [as_float(text, "W", name="--it-power", bare_unit="MW") for text in args.it_power]
        result = model.fleet_sizes(_scenario(args), powers, cache=not args.no_cache)
    else:
        result = model.fleet(_scenario(args), cache=not args.no_cache)
    if args.out is not None:
        result.save(args.out)
    return result


def _check_design_command(args):
    from .model import check_design

    return check_design(_scenario(args), cache=not args.no_cache)


def _explain_command(args):
    from .explain import DEFAULT_GROUPS, drivers, explain
    from .scenario import load_scenario

    groups = None
    if args.group:
        groups = {}
        for spec in args.group:
            name, sep, keys = spec.partition("=")
            if not name.strip():
                raise OrbitalInputError(f"--group {spec!r}: give NAME=section.key[,section.key...] or a default group")
            if not sep:  # a default group by its name
                if name.strip() not in DEFAULT_GROUPS:
                    raise OrbitalInputError(
                        f"--group {name.strip()!r} is not a default group; known: {', '.join(DEFAULT_GROUPS)} "
                        "(or define one as NAME=section.key,...)"
                    )
                groups[name.strip()] = list(DEFAULT_GROUPS[name.strip()])
                continue
            groups[name.strip()] = [k.strip() for k in keys.split(",") if k.strip()]
    if args.figure:
        from .plots import check_figure_path

        check_figure_path(args.figure)
    catalogs = args.catalog or ()
    a = load_scenario(args.a, catalogs=catalogs)
    if args.b is None:  # A against parity: the walk to its most favourable sourced values
        if groups is not None:
            raise OrbitalInputError("--group needs scenario B (explain A alone uses the default groups)")
        result = drivers(a, cache=not args.no_cache)
    else:
        result = explain(a, load_scenario(args.b, catalogs=catalogs), groups, cache=not args.no_cache)
    if args.figure:
        from .cache import write_all_atomically
        from .plots import explain_chart, figure_bytes

        fmt = Path(args.figure).suffix.lower().lstrip(".")
        write_all_atomically({Path(args.figure): figure_bytes(explain_chart(result), fmt)})
    return result


def _compare_command(args):
    from . import model

    return model.compare(args.scenarios, cache=not args.no_cache)


def _plot_command(args):
    from . import plots

    names = None if args.figure == "all" else [args.figure]
    if names is not None and args.figure not in plots.FIGURES:  # before the scenario: a typo costs nothing
        raise OrbitalInputError(f"--figure = {args.figure!r} is not known; known: {', '.join(plots.FIGURES)}, all")
    if args.against is not None and names != ["explain"]:
        raise OrbitalInputError("--against is for --figure explain (the walk from the scenario to another)")
    sc = _scenario(args)
    against = None
    if args.against is not None:
        from .scenario import load_scenario

        against = load_scenario(args.against, catalogs=args.catalog or ())
    return _with_progress(
        lambda progress: plots.write_figures(sc, args.out, names, args.format, progress, against=against)
    )


def _report_command(args):
    from .report import write_report

    fmt = args.format or ("pdf" if str(args.output).lower().endswith(".pdf") else "html")
    sc = _scenario(args)
    return _with_progress(lambda progress: write_report(sc, args.output, fmt, progress))


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1024 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port for it: give a whole number in [1024, 65535]")
    return port


def _explore_command(args) -> str:
    from ._optional import require

    require("bokeh", "orbital explore")  # before any work: exit 2 naming the extra
    from .explore_app import serve

    sc = _scenario(args)
    serve(sc, port=args.port, open_browser=not args.no_browser, cache=not args.no_cache,
          announce=lambda line: print(line, flush=True))  # fmt: skip
    return "orbital explore: stopped"


def _scenarios_command(args) -> str:
    from .scenario import describe_bundled

    described = describe_bundled()
    width = max(map(len, described)) + 2
    return "\n".join(f"{name:<{width}}{description}" for name, description in described.items())


def _run_options(args) -> dict:
    return {
        "cache": not args.no_cache,
        "workers": args.workers,
        "scheduler": args.scheduler,
        "resume": args.resume,
        "allow_large": args.allow_large,
    }


def _sweep_command(args):
    from . import sweep

    if not args.set:
        raise OrbitalInputError("give at least one --set section.key=start:stop:N (or a comma list)")
    axes = [sweep.parse_axis(text) for text in args.set]
    if args.out is not None:
        sweep.work_options(args.out, args.resume)  # a bad output file is refused before the scenario is read
    sc = _scenario(args)
    return _with_progress(
        lambda progress: sweep.sweep(
            sc, axes, args.samples, args.seed, args.out, progress=progress, **_run_options(args)
        ),
        args.quiet,
    )


def _mc_command(args):
    from . import sweep, uncertainty

    if args.out is not None:
        sweep.work_options(args.out, args.resume)
    sc = _scenario(args)
    return _with_progress(
        lambda progress: uncertainty.monte_carlo(
            sc, args.samples, args.seed, progress=progress, out=args.out, **_run_options(args)
        ),
        args.quiet,
    )


def _sensitivity_command(args):
    import dataclasses

    from . import uncertainty

    if args.figures:
        from . import plots

        for name in ("sensitivity.png", "tornado.png"):
            plots.check_figure_path(Path(args.figures) / name)
    sc = _scenario(args)
    result = _with_progress(
        lambda progress: uncertainty.sensitivity(
            sc, args.output, args.seed, args.target, cache=not args.no_cache, progress=progress
        ),
        args.quiet,
    )
    if args.figures:  # drawing is the presentation layer's: the API result only records the files
        from . import plots

        out = Path(args.figures)
        files = (
            plots.save_figure(plots.sobol_chart(sc, indices=result.indices), out / "sensitivity.png"),
            plots.save_figure(plots.tornado_chart(sc, swings=result.swings), out / "tornado.png"),
        )
        result = dataclasses.replace(result, figures=files)
    return result


def _crossover_command(args):
    import dataclasses

    from . import uncertainty

    if args.figure:
        from . import plots

        plots.check_figure_path(args.figure)
    sc = _scenario(args)
    result = _with_progress(
        lambda progress: uncertainty.crossover(sc, args.samples, args.seed, not args.no_cache, progress), args.quiet
    )
    if args.figure:
        from . import plots

        figure = plots.save_figure(plots.crossover_chart(sc, crossing=result), args.figure)
        result = dataclasses.replace(result, figure=str(figure))
    return result


def _optimize_command(args):
    import dataclasses

    from . import optimize, sweep

    if not args.vary:
        raise OrbitalInputError("give at least one --vary section.key=low:high")
    axes = [optimize.parse_bounds(text) for text in args.vary]
    if args.out is not None:
        sweep.work_options(args.out, False)
    if args.figure:
        from . import plots

        plots.check_figure_path(args.figure)
    sc = _scenario(args)
    if args.pareto:
        objectives = tuple(o.strip() for o in args.pareto.split(",") if o.strip())
        front = optimize.pareto(sc, axes, objectives, args.samples, args.seed, args.out, cache=not args.no_cache)
        if args.figure:
            from . import plots

            x, y = (optimize.objective_column(o) for o in objectives[:2])
            figure = plots.save_figure(plots.pareto_chart(front.sampled, front.front, x, y), args.figure)
            front = dataclasses.replace(front, figure=str(figure))
        return front
    return _with_progress(
        lambda progress: optimize.optimize(
            sc, axes, args.objective, args.seed, cache=not args.no_cache, progress=progress
        ),
        args.quiet,
    )


# --------------------------------------------------------------------------------------
# Parser and entry point
# --------------------------------------------------------------------------------------


def _selected_command(argv) -> str | None:
    """The command named in ``argv`` (its first word that is one), before argparse reads it."""
    names = set(_COMMAND_NAMES)
    return next((word for word in argv if word in names), None)


_COMMAND_NAMES = (
    "orbit",
    "solar",
    "thermal",
    "radiation",
    "launch",
    "link",
    "run",
    "check-design",
    "fleet",
    "explain",
    "plot",
    "report",
    "explore",
    "compare",
    "scenarios",
    "init",
    "validate",
    "schema",
    "sweep",
    "mc",
    "sensitivity",
    "crossover",
    "optimize",
)


def _build_parser(selected=None) -> argparse.ArgumentParser:
    """The parser; only the ``selected`` command's options are built (the others list their name and help)."""
    if selected in _PHYSICS_COMMANDS:  # their help lists catalog entries and model choices
        from . import downlink, launch, radiation, solar, thermal
        from .environment import ALBEDO, EARTH_IR
        from .hardware import server_names

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
    if selected == "orbit":
        _add_orbit_options(orbit)
        orbit.add_argument("--ballistic-coefficient", help="m / (C_D A); bare number in kg/m^2; adds drag results")
        orbit.add_argument(
            "--solar-activity",
            choices=("low", "moderate", "high"),
            default="moderate",
            help="ECSS-E-ST-10-04C long-term activity level for drag (default moderate)",
        )
    orbit.set_defaults(call=_orbit_command)

    sol = commands.add_parser(
        "solar",
        help="solar yield, array and battery per MW, and the ratio to a ground panel",
        description=(
            "Sunlight on an orbit turned into array output (with the cell's operating temperature, "
            "packing, assembly losses and degradation), the array and battery that carry an IT load "
            "through the worst orbit of the span, and the same panel on the ground with pvlib."
        ),
    )
    if selected == "solar":
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
            "--pointing",
            choices=solar.POINTING_MODES,
            default="sun-tracking",
            help="array attitude (default sun-tracking)",
        )
        sol.add_argument("--albedo-power", action="store_true", help="count Earth albedo on the cell side as input")
        sol.add_argument(
            "--battery",
            default="li-ion-leo",
            help=f"battery catalog entry: {', '.join(solar.catalog_names('battery'))}",
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
    sol.set_defaults(call=_solar_command)

    th = commands.add_parser(
        "thermal",
        help="radiator temperature, sink, net rejection, area and mass per MW of heat",
        description=(
            "The radiator that rejects a heat load in orbit: its temperature (given, or from the GPU junction "
            "limit down the cooling chain), the sun, Earth IR and albedo it absorbs along the orbit for its "
            "coating and attitude, the net flux, and the area and mass for the hot case."
        ),
    )
    if selected == "thermal":
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
        th.add_argument(
            "--lifetime", default="5 yr", help="age at which the coating is judged (end of life); bare years"
        )
        th.add_argument("--sides", default="2", help="radiating faces: 1 or 2 (default 2)")
        th.add_argument(
            "--attitude", choices=thermal.ATTITUDES, default="edge-on", help="radiator attitude (default edge-on)"
        )
        th.add_argument("--panel", default="conventional", help=f"panel: {', '.join(thermal.catalog_names('panel'))}")
        th.add_argument(
            "--heat-pump-lift", default="0 K", help="temperature rise a heat pump gives the radiator; bare K"
        )
        th.add_argument("--heat-pump-cop", help="heat-pump coefficient of performance (default: a fraction of Carnot)")
        th.add_argument("--carnot-fraction", default="0.5", help="heat-pump COP as a fraction of Carnot (default 0.5)")
        th.add_argument("--earth-ir", default=f"{EARTH_IR:g}", help="Earth IR exitance; bare W/m^2 (default 237)")
        th.add_argument("--albedo", default=f"{ALBEDO:g}", help="Earth albedo (default 0.30)")
    th.set_defaults(call=_thermal_command)

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
    if selected == "radiation":
        _add_orbit_options(ra, days_default="30", sunlight=False)
        ra.add_argument(
            "--samples",
            default="3000",
            help="track samples: phases of the orbit, or over --days for orbits of 0.4 day or more",
        )
        ra.add_argument(
            "--shielding", default="10 mm", help="aluminium-equivalent shield; bare number in mm (default 10)"
        )
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
        ra.add_argument(
            "--see-threshold", default="10 MeV", help="proton energy that upsets parts; bare MeV (default 10)"
        )
        ra.add_argument("--modulation-potential", help="GCR force-field phi; bare MV (default 400 at min, 1200 at max)")
        ra.add_argument("--solar-fluence", help="file: energy [MeV], solar proton fluence per year above it [cm^-2]")
        ra.add_argument(
            "--solar-event", help="file: energy [MeV], fluence of one event above it [cm^-2], e.g. worst week"
        )
        ra.add_argument(
            "--ground-neutron-flux",
            help="neutrons > 10 MeV at the ground site; bare /cm^2/h (default JESD89A's NYC 13, scaled to "
            "--ground-altitude)",
        )
        ra.add_argument("--ground-altitude", default="0 m", help="the ground site's altitude; bare m (default 0)")
        ra.add_argument(
            "--worst-day",
            choices=("creme96", "none"),
            default="creme96",
            help="a worst day of solar protons reported apart: CREME96's (October 1989) or none (default creme96)",
        )
        ra.add_argument(
            "--lifetime",
            default="5 yr",
            help="mission length from the epoch over which solar-maximum years are counted; bare years (default 5)",
        )
        ra.add_argument(
            "--no-cache", action="store_true", help="recompute the trapped spectra, ignoring the disk cache"
        )
        ra.add_argument("--dose-depth", action="store_true", help="print the dose-depth table (0.5-20 mm Al)")
    ra.set_defaults(call=_radiation_command)

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
    if selected == "launch":
        _add_orbit_options(la, days_default="365", sunlight=False)
        la.add_argument("--vehicle", default="falcon-9-reusable", help=f"vehicle: {', '.join(launch.catalog_names())}")
        la.add_argument("--year", help="price from Wright's law in this year (from its 2025 anchor)")
        la.add_argument("--price", help="price per kg to the vehicle's reference orbit, e.g. '200 USD/kg'")
        la.add_argument("--mass", help="satellite mass; bare kg (with --power)")
        la.add_argument("--power", help="satellite power; bare kW (with --mass)")
        la.add_argument("--it-power", help="IT power of one satellite to size; bare kW (default 100 kW)")
        la.add_argument("--lifetime", default="5 yr", help="mission life; bare years (default 5)")
        la.add_argument("--fill", default="1", help="usable fraction of the capacity (default 1)")
        la.add_argument(
            "--stowed-density", help="satellite mass per stowed volume; bare kg/m^3 (adds the volume limit)"
        )
        la.add_argument("--server", default="gb200-nvl72", help=f"compute hardware: {', '.join(server_names())}")
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
        la.add_argument(
            "--learning-rate", default="0.20", help="price fall per doubling of launched mass (default 0.20)"
        )
        la.add_argument(
            "--cadence",
            help="the world's mass launched to orbit in 2024, behind the learning curve; bare t/yr (default 1,900, "
            "Space Foundation; Suncatcher's scenario: 36,000 with --cadence-growth 0)",
        )
        la.add_argument("--cadence-growth", help="yearly growth of the world's mass to orbit (default 0.40, 2023-2024)")
        la.add_argument("--target-price", help="report when the learning curve reaches this price per kg")
    la.set_defaults(call=_launch_command)

    li = commands.add_parser(
        "link",
        help="contacts, data rate, daily volume, demand and latency of an orbital data center's links",
        description=(
            "Passes of the orbit over ground stations, the RF (DVB-S2 over ITU-R attenuation) or optical link "
            "budget along them, the daily volume, an optical inter-satellite or relay alternative, and the "
            "traffic an inference or training cluster needs, with round-trip latency against the ground."
        ),
    )
    if selected == "link":
        _add_orbit_options(li, days_default="30", sunlight=False)
        li.add_argument("--step", default="10", help="contact sampling; bare s (default 10)")
        li.add_argument("--band", choices=downlink.BANDS, default="ka", help="link (default ka)")
        li.add_argument(
            "--stations",
            help="comma-separated names or 'all' (default: those with the band): "
            + ", ".join(downlink.station_names()),
        )
        li.add_argument("--min-elevation", default="10", help="elevation mask; bare deg (default 10)")
        li.add_argument("--availability", default="99", help="percent of time the RF link must close (default 99)")
        li.add_argument("--it-power", default="1 MW", help="IT power whose traffic the link carries; bare MW")
        li.add_argument("--workload", choices=tuple(downlink.WORKLOADS), default="inference", help="traffic preset")
        li.add_argument("--fibre-distance", default="1000 km", help="fibre from the station to users; bare km")
    li.set_defaults(call=_link_command)

    rn = commands.add_parser(
        "run",
        help="orbital against terrestrial per MW for a scenario file",
        description=(
            "Run a scenario (a TOML file, or a bundled name: see 'orbital scenarios') through every physics "
            "module and print orbital and terrestrial side by side per MW of IT load; with --out, write "
            "result.json, result.csv and the fully resolved scenario there."
        ),
    )
    if selected == "run":
        _add_scenario(rn)
        rn.add_argument("--out", help="directory for result.json, result.csv and scenario.resolved.toml")
        rn.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
        rn.add_argument("--no-cache", action="store_true", help="recompute the orbit physics, ignoring the disk cache")
    rn.set_defaults(call=_run_command)

    cd = commands.add_parser(
        "check-design",
        help="an announced satellite ([claim]) against physics, technology and the model's own",
        description=(
            "For a scenario with a [claim] section (an announced satellite: compute power, array power, radiator "
            "area, mass or kW per tonne), state the radiator temperature, array power, array specific power and "
            "bus mass the claim implies, whether each is inside what physics and today's technology allow, and "
            "the model's own mass for the same power on the same orbit."
        ),
    )
    if selected == "check-design":
        _add_scenario(cd)
        cd.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
        cd.add_argument("--no-cache", action="store_true", help="recompute the orbit physics, ignoring the disk cache")
    cd.set_defaults(call=_check_design_command)

    fl = commands.add_parser(
        "fleet",
        help="fleet scale: satellites, launches, build-out time and the steady launch demand",
        description=(
            "For the scenario's fleet ([fleet] it_power, default [compute] it_power): satellites, mass, launches and "
            "capex; the build-out at the vehicle's cadence (and the production limit) against the ground's build "
            "time; the launches a year that keep it whole, as a share of the world's yearly mass to orbit."
        ),
    )
    if selected == "fleet":
        _add_scenario(fl)
        fl.add_argument(
            "--it-power",
            nargs="+",
            metavar="POWER",
            help="the fleet at these IT powers instead of [fleet] it_power, one row each; bare MW (e.g. 1 100 1GW)",
        )
        fl.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
        fl.add_argument("--out", help="directory for fleet.json and build_out.csv (fleets.json with --it-power)")
        fl.add_argument("--no-cache", action="store_true", help="recompute the orbit physics, ignoring the disk cache")
    fl.set_defaults(call=_fleet_command)

    ex = commands.add_parser(
        "explain",
        help="why two scenarios disagree: the change of the cost ratio by group of keys",
        description=(
            "Move scenario A to scenario B one group of keys at a time (orbit, compute hardware, solar, thermal, "
            "radiation, launch, spacecraft cost, maintenance, terrestrial power, terrestrial facility, finance, "
            "workload) and attribute the change of the cost ratio and of each side's LCOC to each group: Shapley "
            "values over every subset of the groups, beside the sequential waterfall in the groups' order."
        ),
    )
    if selected == "explain":
        ex.add_argument("a", help="scenario A (file or bundled name)")
        ex.add_argument(
            "b",
            nargs="?",
            help="scenario B (file or bundled name); without it, A against parity: the walk to the most "
            "favourable sourced value of each group, and the drivers in plain words",
        )
        ex.add_argument(
            "--group",
            action="append",
            metavar="NAME=KEYS",
            help="a group of your own, NAME=section.key[,section.key...], or a default group by name; may be "
            "repeated (replaces the default groups; keys that differ outside them form a group 'other')",
        )
        ex.add_argument("--catalog", action="append", metavar="FILE", help="a user catalog for both scenarios")
        ex.add_argument("--figure", help="also draw the waterfall and Shapley values to this .png/.svg/.pdf")
        ex.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
        ex.add_argument("--no-cache", action="store_true", help="recompute the orbit physics, ignoring the disk cache")
    ex.set_defaults(call=_explain_command)

    pl = commands.add_parser(
        "plot",
        help="publication-ready figures of a scenario",
        description=(
            "Draw a scenario's figures (sunlight, solar-power, radiator, dose-depth, goodput-map, mass-budget, "
            "cost, break-even, learning-curve) into a directory as <name>.<format>; all of them or none are written."
        ),
    )
    if selected == "plot":
        _add_scenario(pl)
        pl.add_argument("--figure", default="all", help="figure name, or 'all' (default; 'explain' only by name)")
        pl.add_argument(
            "--against", help="with --figure explain: the scenario to walk to (default: its most favourable values)"
        )
        pl.add_argument("--out", default="figures", help="output directory (default ./figures)")
        pl.add_argument("--format", choices=("png", "svg", "pdf"), default="png", help="file format (default png)")
        pl.add_argument("--json", action="store_true", help="print the files written as JSON")
    pl.set_defaults(call=_plot_command)

    rp = commands.add_parser(
        "report",
        help="one self-contained HTML (or PDF) report of a scenario",
        description=(
            "Write one file with the scenario summary, the results side by side, every figure (embedded, no "
            "external requests), every assumption with its unit and source, and the package version."
        ),
    )
    if selected == "report":
        _add_scenario(rp)
        rp.add_argument("-o", "--output", default="report.html", help="report file (default report.html)")
        rp.add_argument(
            "--format", choices=("html", "pdf"), help="html or pdf (default from the file name's suffix, else html)"
        )
        rp.add_argument("--json", action="store_true", help="print the file written as JSON")
    rp.set_defaults(call=_report_command)

    xp = commands.add_parser(
        "explore",
        help="the whole model behind sliders, in the browser",
        description=(
            "Serve an interactive page on 127.0.0.1 (Bokeh, the [explore] extra): every key the composer "
            "vectorizes as a control with its unit and source, the orbit as controls that recompute its physics, "
            "and the ratio, both costs, parity, breakdowns, goodput, a tornado and the walk from the scenario "
            "live; save the point as a scenario or open its report. Ctrl-C stops it."
        ),
    )
    if selected == "explore":
        _add_scenario(xp, default="baseline")
        xp.add_argument("--port", type=_port, help="port on 127.0.0.1 (default: a free one)")
        xp.add_argument("--no-browser", action="store_true", help="print the address; do not open a browser")
        xp.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    xp.set_defaults(call=_explore_command)

    cp = commands.add_parser(
        "compare",
        help="several scenarios side by side",
        description="Run several scenarios and set their results side by side.",
    )
    if selected == "compare":
        cp.add_argument("scenarios", nargs="+", help="scenario files or bundled names")
        cp.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
        cp.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
    cp.set_defaults(call=_compare_command)

    sn = commands.add_parser(
        "scenarios",
        help="list the bundled scenarios",
        description="The scenarios that ship with the package, one line each.",
    )
    sn.set_defaults(call=_scenarios_command)

    it = commands.add_parser(
        "init",
        help="write a commented scenario template",
        description=(
            "Write NAME.toml: every key with its default and the default's source, commented out, so the file "
            "says only what it changes; --from sets the keys another scenario gives. An existing file is kept."
        ),
    )
    if selected == "init":
        it.add_argument("name", help="the file to write (.toml is added)")
        it.add_argument("--from", dest="source", help="a scenario file or bundled name whose given keys are set")
    it.set_defaults(call=_init_command)

    va = commands.add_parser(
        "validate",
        help="check scenario files, reporting every problem at once",
        description=(
            "Read each scenario file and report every problem in it (file, key, value, valid range, closest key) "
            "rather than the first; exit 2 when there is one."
        ),
    )
    if selected == "validate":
        va.add_argument("files", nargs="+", help="scenario files or bundled names")
        va.add_argument("--json", action="store_true", help="print JSON")
    va.set_defaults(call=_validate_command)

    sa = commands.add_parser(
        "schema",
        help="print the scenario format as JSON Schema",
        description="The scenario format as a JSON Schema (draft 2020-12), for an editor's completion and checks.",
    )
    sa.set_defaults(call=_schema_command)

    def add_run_options(p, resumable=True):
        p.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
        p.add_argument(
            "--workers",
            type=_whole(0),
            help="local dask worker processes of a LocalCluster (default 0: this process)",
        )
        p.add_argument("--scheduler", help="address of a running dask scheduler, e.g. tcp://10.0.0.5:8786")
        if resumable:
            p.add_argument(
                "--resume", action="store_true", help="reuse the finished chunks an interrupted run left beside --out"
            )
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        p.add_argument(
            "--allow-large",
            action="store_true",
            help="run even when the estimate exceeds the limits (8 GiB or half the memory, 1 hour)",
        )

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
    if selected == "sweep":
        _add_scenario(sw)
        sw.add_argument(
            "--set", action="append", default=[], metavar="KEY=RANGE", help="a swept parameter (repeatable)"
        )
        sw.add_argument("--samples", type=_whole(1), help="Latin-hypercube sample size instead of the full grid")
        sw.add_argument("--seed", type=_whole(0), default=0, help="seed of the Latin hypercube (default 0)")
        sw.add_argument("--out", help="results file: .parquet or .csv (one row per design point, units in the header)")
        sw.add_argument("--json", action="store_true", help="print the summary as JSON")
        add_run_options(sw)
    sw.set_defaults(call=_sweep_command)

    mc = commands.add_parser(
        "mc",
        help="Monte Carlo over the scenario's [uncertainty] distributions",
        description=(
            "Draw the scenario's [uncertainty] parameters (normal, lognormal, triangular, uniform; bounds "
            "truncate) and report P10/P50/P90 of each output and the probability the orbit is cheaper. "
            "Same seed, same numbers."
        ),
    )
    if selected == "mc":
        _add_scenario(mc)
        mc.add_argument("--samples", type=_whole(1), default=10000, help="number of samples (default 10,000)")
        mc.add_argument("--seed", type=_whole(0), default=0, help="random seed (default 0)")
        mc.add_argument("--out", help="write every sample: .parquet or .csv")
        mc.add_argument("--json", action="store_true", help="print the summary as JSON")
        add_run_options(mc)
    mc.set_defaults(call=_mc_command)

    se = commands.add_parser(
        "sensitivity",
        help="Sobol' indices and a tornado over the [uncertainty] distributions",
        description=(
            "Sobol' first- and total-order indices (SALib, Saltelli sampling, bootstrap 95 %% intervals; the "
            "sample size doubles until every total-order half-width is within --target) and one-at-a-time "
            "P10/P90 swings of an output."
        ),
    )
    if selected == "sensitivity":
        _add_scenario(se)
        se.add_argument("--output", default="cost_ratio", help="output analysed (default cost_ratio)")
        se.add_argument("--seed", type=_whole(0), default=0, help="seed of the Sobol' sequence and the bootstrap")
        se.add_argument(
            "--target", type=_fraction_option, default=0.05, help="largest 95 %% half-width of ST (default 0.05)"
        )
        se.add_argument("--figures", help="directory for sensitivity.png and tornado.png")
        se.add_argument("--json", action="store_true", help="print JSON")
        se.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
        se.add_argument("--quiet", action="store_true", help="no progress bar")
    se.set_defaults(call=_sensitivity_command)

    co = commands.add_parser(
        "crossover",
        help="the first year the orbit is cheaper, under launch learning and [trends]",
        description=(
            "Levelized costs by launch year from [trends] start_year to end_year: launch price on Wright's law, "
            "hardware, spacecraft and electricity prices at their [trends] rates; with --samples, the crossover "
            "year's band from the [uncertainty] distributions."
        ),
    )
    if selected == "crossover":
        _add_scenario(co)
        co.add_argument("--samples", type=_whole(0), default=0, help="Monte Carlo samples for the band (default none)")
        co.add_argument("--seed", type=_whole(0), default=0, help="random seed (default 0)")
        co.add_argument("--figure", help="write the figure (.png, .svg or .pdf)")
        co.add_argument("--json", action="store_true", help="print JSON")
        co.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
        co.add_argument("--quiet", action="store_true", help="no progress bar")
    co.set_defaults(call=_crossover_command)

    op = commands.add_parser(
        "optimize",
        help="the cheapest design within bounds, or a Pareto front",
        description=(
            "Minimise an output over --vary section.key=low:high ranges (low:high:log searches in the "
            "logarithm) with differential evolution on the vectorized chain; or with --pareto a,b, the "
            "non-dominated designs of a Latin-hypercube sweep of the ranges."
        ),
    )
    if selected == "optimize":
        _add_scenario(op)
        op.add_argument("--vary", action="append", default=[], metavar="KEY=LOW:HIGH", help="a free parameter")
        op.add_argument("--objective", default="lcoc", help="lcoc, ratio, mass, capex, co2 or an output (default lcoc)")
        op.add_argument("--pareto", help="two or more objectives, e.g. lcoc,mass")
        op.add_argument("--samples", type=_whole(2), default=4096, help="designs sampled for --pareto (default 4,096)")
        op.add_argument("--seed", type=_whole(0), default=0, help="seed (default 0)")
        op.add_argument("--out", help="with --pareto: write the front (.parquet or .csv)")
        op.add_argument("--figure", help="with --pareto: write the front's figure (.png, .svg or .pdf)")
        op.add_argument("--json", action="store_true", help="print JSON")
        op.add_argument("--no-cache", action="store_true", help="recompute the orbit physics")
        op.add_argument("--quiet", action="store_true", help="no progress bar")
    op.set_defaults(call=_optimize_command)
    return parser


def _output(args, result) -> str:
    if isinstance(result, str):
        return result
    if getattr(args, "json", False):
        return result.to_json()
    if getattr(args, "dose_depth", False):
        return str(result.dose_depth_table())
    return result.to_text()


def main(argv=None) -> int:
    """Entry point of the ``orbital`` command; returns the exit status.

    0 done; 2 bad input (one line naming the option or ``[section] key``, argparse's usage errors
    too); 1 a problem of the environment (disk full, unwritable path, out of memory) in one line,
    or an internal error in one line with the file its traceback was saved to; 130 interrupted
    (Ctrl-C); 141 when whatever reads the output stopped reading (``orbital run ... | head``).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    prefix = "orbital"
    caught = []
    args = None
    try:
        parser = _build_parser(_selected_command(argv))
        args = parser.parse_args(argv)
        prefix = f"orbital {args.command}"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", OrbitalWarning)
            output = _output(args, args.call(args))
        _show_warnings(prefix, caught)
        print(output)
        sys.stdout.flush()
        return 0
    except OrbitalInputError as exc:
        return _fail(prefix, caught, f"error: {exc}", EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        out = getattr(args, "out", None)
        partial = Path(f"{out}.partial") if out else None
        kept = (
            f"; finished chunks are kept in {partial}: rerun with --resume"
            if partial is not None and any(partial.glob("chunk-*.npz"))
            else ""
        )
        return _fail(prefix, caught, f"interrupted{kept}", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): say nothing, and keep Python from complaining at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except MemoryError:
        return _fail(prefix, caught, "error: out of memory (ask for fewer design points or samples)", EXIT_ENVIRONMENT)
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(prefix, caught, f"error: {exc.strerror or exc}{where}", EXIT_ENVIRONMENT)
    except Exception as exc:  # a bug: one line here, the whole story in a file
        saved = _save_traceback()
        return _fail(
            prefix,
            caught,
            f"internal error: {type(exc).__name__}: {exc}"
            + (f" (traceback saved to {saved}; please report it)" if saved else ""),
            EXIT_ENVIRONMENT,
        )


def _show_warnings(prefix, caught) -> None:
    for warning in caught:  # the package's warnings as one line each, without Python's source excerpt
        if issubclass(warning.category, OrbitalWarning):
            print(f"{prefix}: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)


def _fail(prefix, caught, message, status) -> int:
    with contextlib.suppress(Exception):
        _show_warnings(prefix, caught or [])
        print(f"{prefix}: {message}", file=sys.stderr)
    return status


def _save_traceback() -> str | None:
    """Write the current exception's traceback to a file in the temporary directory; its path, or None."""
    import tempfile
    import time
    import traceback

    try:
        fd, path = tempfile.mkstemp(prefix=f"orbital-error-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".txt")
        with os.fdopen(fd, "w") as handle:
            handle.write(f"orbital {__version__}, {sys.version.split()[0]}, argv {sys.argv[1:]!r}\n")
            handle.write(traceback.format_exc())
        return path
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
