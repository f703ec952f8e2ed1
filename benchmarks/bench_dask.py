"""Benchmark: dask.distributed speed-up with 2 workers over 1 on a sweep whose orbit physics is cold.

Each run gets its own empty cache, so all compute the same orbits (sunlight, radiation, links) from
scratch; the outputs of the two runs are compared bit for bit.

Run from the project root: ``python benchmarks/bench_dask.py [ORBITS]`` (default 8).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_run(workers, table):
    from orbital import sweep
    from orbital.scenario import load_scenario

    sc = load_scenario(ROOT / "configs" / "baseline.toml")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        t0 = time.perf_counter()
        result = sweep.run_table(sc, table, workers=workers)
        return time.perf_counter() - t0, result


def main() -> None:
    from orbital import sweep

    orbits = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    table = sweep.grid(
        [sweep.parse_axis(f"orbit.altitude=500km:900km:{orbits}"), sweep.parse_axis("launch.bus_cost=100:3000:20")]
    )
    here, _ = timed_run(0, table)
    one, a = timed_run(1, table)
    two, b = timed_run(2, table)
    same = all(((a.outputs[k] == b.outputs[k]) | (a.outputs[k] != a.outputs[k])).all() for k in a.outputs)
    print(f"{orbits} cold orbits x 20 bus costs on a dask LocalCluster ({os.cpu_count()} cores here)")
    print(f"  in this process (no dask): {here:.1f} s")
    print(f"  1 worker : {one:.1f} s")
    print(f"  2 workers: {two:.1f} s  -> speed-up {one / two:.2f}x; bitwise identical outputs: {same}")


if __name__ == "__main__":
    main()
