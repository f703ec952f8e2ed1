"""Benchmark: `orbital fleet` at 1 GW, and fleet size over 10 points from 1 MW to 100 GW, on cached physics.

Issue #19's targets: a 1 GW fleet in <= 2 s; 10 fleet sizes (1 MW - 100 GW) in <= 5 s, on cached orbit
physics (computed before the clock starts).

Run from the project root: ``python benchmarks/bench_fleet.py``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

import numpy as np


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model
        from orbital.scenario import load_scenario

        base = load_scenario("baseline")
        model.orbit_physics(base)
        gw = base.replace(fleet__it_power="1 GW")
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            model.fleet(gw)
            times.append(time.perf_counter() - t0)
        print(f"orbital fleet, 1 GW: median {statistics.median(times):.3f} s of 5 (target <= 2 s)")
        sizes = np.geomspace(1e6, 1e11, 10)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            model.fleet_sizes(base, sizes)
            times.append(time.perf_counter() - t0)
        print(f"10 fleet sizes, 1 MW - 100 GW: median {statistics.median(times):.3f} s of 5 (target <= 5 s)")


if __name__ == "__main__":
    main()
