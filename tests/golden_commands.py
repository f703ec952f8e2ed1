"""The CLI commands whose ``--json`` output is pinned by golden files (tests/golden/*.json).

The golden files were recorded before the API refactor of issue 14 (``python tests/golden_commands.py``)
and are compared with today's output in ``test_golden.py``. Keys that measure the run (wall time,
version) are left out of the comparison.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import sys
from pathlib import Path

GOLDEN = Path(__file__).with_name("golden")

# name -> argv; each ends in --json
COMMANDS = {
    "orbit-sso": ["orbit", "--altitude", "650", "--sso", "--ltan", "18:00", "--days", "30", "--json"],
    "orbit-drag": [
        "orbit",
        "--altitude",
        "550 km",
        "--inclination",
        "53",
        "--days",
        "5",
        "--ballistic-coefficient",
        "100 kg/m2",
        "--solar-activity",
        "high",
        "--json",
    ],
    "solar": ["solar", "--altitude", "650km", "--sso", "--days", "30", "--it-power", "1 MW", "--json"],
    "solar-options": [
        "solar",
        "--altitude",
        "550",
        "--inclination",
        "53",
        "--days",
        "10",
        "--efficiency",
        "0.3",
        "--packing",
        "0.9",
        "--degradation",
        "0.5",
        "--eclipse-load",
        "0.5",
        "--sky",
        "clearsky",
        "--json",
    ],
    "thermal": ["thermal", "--altitude", "650km", "--sso", "--days", "30", "--heat", "1 MW", "--json"],
    "thermal-junction": [
        "thermal",
        "--altitude",
        "800",
        "--inclination",
        "60",
        "--days",
        "10",
        "--junction-limit",
        "358 K",
        "--heat-pump-lift",
        "20 K",
        "--json",
    ],
    "radiation": ["radiation", "--altitude", "650km", "--sso", "--chips", "4096", "--json"],
    "launch-sized": [
        "launch",
        "--altitude",
        "650km",
        "--sso",
        "--it-power",
        "110kW",
        "--vehicle",
        "starship-reuse",
        "--chassis-removed",
        "--target-price",
        "200",
        "--json",
    ],
    "launch-satellite": [
        "launch",
        "--altitude",
        "550",
        "--inclination",
        "53",
        "--mass",
        "575",
        "--power",
        "28",
        "--year",
        "2030",
        "--json",
    ],
    "launch-rideshare": [
        "launch",
        "--altitude",
        "550",
        "--sso",
        "--mass",
        "200",
        "--power",
        "5",
        "--vehicle",
        "rideshare-sso",
        "--json",
    ],
    "link-ka": ["link", "--altitude", "650km", "--sso", "--band", "ka", "--days", "5", "--json"],
    "link-optical": ["link", "--altitude", "650km", "--sso", "--band", "optical", "--days", "5", "--json"],
    "run-baseline": ["run", "baseline", "--json"],
    "run-geo": ["run", "geo", "--json"],
    "run-colossus-orbit": ["run", "colossus-orbit", "--json"],
    "check-design-ai1": ["check-design", "ai1", "--json"],
    "explain-starcloud": ["explain", "baseline", "starcloud", "--json"],
    "fleet-colossus": ["fleet", "colossus-orbit", "--json"],
    "run-starcloud": ["run", "starcloud", "--json"],
    "run-suncatcher": ["run", "suncatcher", "--json"],
    "run-terrestrial-solar": ["run", "terrestrial-solar", "--json"],
    "run-uncertainty": ["run", "uncertainty", "--json"],
    "compare": ["compare", "baseline", "starcloud", "--json"],
    "sweep": [
        "sweep",
        "baseline",
        "--set",
        "launch.price_per_kg=20:3000:log5",
        "--set",
        "thermal.radiator_temperature=280K:380K:3",
        "--workers",
        "0",
        "--quiet",
        "--json",
    ],
    "sweep-lhs": [
        "sweep",
        "baseline",
        "--set",
        "launch.price_per_kg=20:3000:log2",
        "--set",
        "radiation.shielding=1mm:20mm:2",
        "--samples",
        "50",
        "--seed",
        "3",
        "--workers",
        "0",
        "--quiet",
        "--json",
    ],
    "mc": ["mc", "uncertainty", "--samples", "2000", "--seed", "1", "--workers", "0", "--quiet", "--json"],
    "sensitivity": ["sensitivity", "uncertainty", "--target", "0.2", "--quiet", "--json"],
    "crossover": ["crossover", "uncertainty", "--samples", "200", "--seed", "2", "--quiet", "--json"],
    "optimize": [
        "optimize",
        "baseline",
        "--vary",
        "thermal.radiator_temperature=280K:380K",
        "--vary",
        "radiation.shielding=1mm:20mm",
        "--quiet",
        "--json",
    ],
    "optimize-pareto": [
        "optimize",
        "baseline",
        "--vary",
        "radiation.shielding=1mm:20mm:log",
        "--vary",
        "compute.satellite_it_power=20kW:150kW",
        "--pareto",
        "lcoc,mass",
        "--samples",
        "256",
        "--json",
    ],
}

# Keys whose values measure the run rather than the model.
VOLATILE = {"orbital_version", "seconds", "points_per_second"}


def run_json(argv) -> object:
    from orbital.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(list(argv))
    if status != 0:
        raise RuntimeError(f"{argv}: exit {status}")
    return json.loads(out.getvalue())


def run_text(argv) -> str:
    """The table a command prints (the same argv without --json)."""
    from orbital.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([a for a in argv if a != "--json"])
    if status != 0:
        raise RuntimeError(f"{argv}: exit {status}")
    return out.getvalue()


# Commands whose table prints no wall time, so their text is pinned too.
TEXT = [name for name in COMMANDS if name.split("-")[0] not in ("sweep", "mc")]


def strip(value):
    """The value without its volatile keys (recursively)."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def same(a, b, path="") -> list:
    """Where two JSON values differ: floats to 1e-9 relative (NaN equals NaN), everything else exactly."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{path}: keys {sorted(set(a) ^ set(b))} differ"]
        return [d for k in a for d in same(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in same(x, y, f"{path}[{i}]")]
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        equal = (
            a == b
            or (math.isnan(a) and math.isnan(b))
            or (math.isfinite(a) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-300))
        )
        return [] if equal else [f"{path}: {a!r} != {b!r}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


if __name__ == "__main__":  # record
    from orbital import __version__

    GOLDEN.mkdir(exist_ok=True)
    for name in sys.argv[1:] or COMMANDS:
        value = strip(run_json(COMMANDS[name]))
        (GOLDEN / f"{name}.json").write_text(json.dumps(value, indent=1, sort_keys=False) + "\n")
        if name in TEXT:
            text = run_text(COMMANDS[name]).replace(f"orbital {__version__}", "orbital VERSION")
            (GOLDEN / f"{name}.txt").write_text(text)
        print("recorded", name, file=sys.stderr)
