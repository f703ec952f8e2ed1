"""Benchmark: the default in-process sweep against a dask LocalCluster, on the README's orbit sweep.

Issue 15 made sweeps run in this process unless --workers/--scheduler ask for dask (a LocalCluster
needs loopback networking and ~2 s to start, and hung where networking was unavailable). This
measures, from a cold cache each time, the README's first sweep (12 altitudes x 50 launch prices x
4 shields = 2,400 points over 12 orbits) in this process and on a 2-worker LocalCluster (the old
default on this 2-core machine), alternating, and prints the medians and their ratio.

Run: ``python benchmarks/bench_sweep_runner.py [REPEATS]`` (default 2; each run is ~15-25 s).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

AXES = [
    "--set",
    "orbit.altitude=400km:1500km:12",
    "--set",
    "launch.price_per_kg=20:3000:log50",
    "--set",
    "radiation.shielding=2,5,10,20",
]


def _run(extra) -> float:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ORBITAL_CACHE_DIR": cache}
        command = [sys.executable, "-m", "orbital", "sweep", "baseline", *AXES, "--quiet", *extra]
        t0 = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=cache, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    times = {"in-process (default)": [], "LocalCluster, 2 workers": []}
    for _ in range(repeats):
        times["in-process (default)"].append(_run([]))
        times["LocalCluster, 2 workers"].append(_run(["--workers", "2"]))
    medians = {k: statistics.median(v) for k, v in times.items()}
    print(f"README sweep, 2,400 points over 12 cold orbits, medians of {repeats}:")
    for name, value in medians.items():
        print(f"  {name:26}{value:7.1f} s   ({', '.join(f'{t:.1f}' for t in times[name])})")
    ratio = medians["in-process (default)"] / medians["LocalCluster, 2 workers"]
    print(f"  in-process / LocalCluster = {ratio:.2f}")


if __name__ == "__main__":
    main()
