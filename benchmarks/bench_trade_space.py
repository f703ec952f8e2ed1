"""Benchmark: an orbit trade space through the whole chain on a cold cache (issue #22).

Target: 100 distinct orbits (altitude x inclination) in <= 60 s cold on this machine, in this process or
on a dask LocalCluster, whichever is faster here; and the time for 2,500 orbits extrapolated from a
measured 400 (per-orbit time x 2,500: the orbits are independent, so the run is linear in their number
once the cluster is up). Every run starts with an empty cache directory, from bytecode as after
`pip install`; the design table also sweeps 20 launch prices per orbit (cheap: the composer).

Run from the project root: ``python benchmarks/bench_trade_space.py [ORBITS] [runner ...]`` with runner
``process`` or ``dask`` (default: 100 orbits, both runners).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def trade_space(orbits: int, runner: str) -> float:
    from orbital import sweep
    from orbital.scenario import load_scenario

    sc = load_scenario(ROOT / "configs" / "baseline.toml")
    inclinations = max(1, round(math.sqrt(orbits)))
    altitudes = orbits // inclinations
    table = sweep.grid(
        [
            sweep.parse_axis(f"orbit.altitude=450km:1200km:{altitudes}"),
            sweep.parse_axis(f"orbit.inclination=30:98:{inclinations}"),
            sweep.parse_axis("launch.price_per_kg=50:2000:log20"),
        ]
    )
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        t0 = time.perf_counter()
        result = sweep.run_table(sc, table, workers=(os.cpu_count() or 2) if runner == "dask" else None)
        elapsed = time.perf_counter() - t0
    print(
        f"{result.groups} orbits x 20 launch prices ({len(result):,} points) on {result.runner}: "
        f"{elapsed:.1f} s cold = {elapsed / result.groups:.2f} s per orbit"
    )
    return elapsed / result.groups


def main() -> None:
    orbits = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    runners = sys.argv[2:] or ["process", "dask"]
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # dask workers: from bytecode, as after pip install
    per_orbit = {runner: trade_space(orbits, runner) for runner in runners}
    best = min(per_orbit, key=per_orbit.get)
    print(f"fastest here: {best}, {per_orbit[best]:.2f} s per orbit")
    print(
        f"  100 orbits: {100 * per_orbit[best]:.0f} s (target 60 s); 2,500 orbits extrapolated: "
        f"{2500 * per_orbit[best] / 60:.0f} min"
    )


if __name__ == "__main__":
    main()
