"""Benchmark: a sweep over 200 distinct orbits (sunlight, radiation and links of each), cold and cached,
and the one-orbit physics cache miss and hit.

Issue #10's target: the second run of a 200-orbit sweep takes <= 10 % of the first. The first run
computes each orbit's physics on a dask LocalCluster (one worker per core, the default when several
orbits are not cached); the second finds every orbit in the disk cache.

Run from the project root: ``python benchmarks/bench_orbits.py [ORBITS]`` (default 200: ~5 min here).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    orbits = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model, sweep
        from orbital.scenario import load_scenario

        sc = load_scenario(ROOT / "configs" / "baseline.toml")
        t0 = time.perf_counter()
        model.orbit_physics(sc)
        miss = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.orbit_physics(sc)
        hit = time.perf_counter() - t0

        ltans = 10
        altitudes = orbits // ltans
        table = sweep.grid(
            [
                sweep.parse_axis(f"orbit.altitude=450km:1200km:{altitudes}"),
                sweep.parse_axis(f"orbit.ltan=6:18:{ltans}"),
                sweep.parse_axis("launch.price_per_kg=50:2000:log50"),
            ]
        )
        t0 = time.perf_counter()
        first = sweep.run_table(sc, table)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        second = sweep.run_table(sc, table)
        warm = time.perf_counter() - t0
    same = all((first.outputs[k] == second.outputs[k]).all() for k in ("lcoc_orbital", "dose", "mass"))
    print(f"one orbit's physics (baseline): cache miss {miss:.2f} s, hit {hit * 1e3:.1f} ms")
    print(f"{first.groups} distinct orbits x 50 launch prices = {len(first):,} points")
    print(f"  first run  (cold, {first.runner}): {cold:.1f} s = {cold / first.groups:.2f} s per orbit")
    print(
        f"  second run (cached, {second.runner}): {warm:.2f} s = {warm / cold:.1%} of the first "
        f"(target <= 10 %); identical outputs: {same}"
    )


if __name__ == "__main__":
    main()
