"""Benchmark: `orbital sweep --out x.parquet` of 10^6 points: its cost over no --out, pandas, peak memory.

Issue #22's targets: the output (and the resume chunks kept beside it) cost <= 20 % over the same sweep
without --out; no pandas import; peak memory <= 1.5x the output table's size. Each run is a fresh process
on a warm orbit-physics cache (the targets are about the table, not the physics), from bytecode as after
`pip install`. Memory is the process's high-water mark (ru_maxrss) above its resident size just before
the sweep, against the bytes of the table's columns.

Run from the project root: ``python benchmarks/bench_sweep_out.py [rounds]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from orbital import sweep
from orbital.scenario import load_scenario

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

sc = load_scenario(sys.argv[1])
axes = [sweep.parse_axis(a) for a in ("launch.price_per_kg=20:3000:log100",
        "thermal.radiator_temperature=280K:380K:100", "terrestrial.electricity_price=0.03:0.2:100")]
out = sys.argv[2] if sys.argv[2] != "-" else None
before = rss()
t0 = time.perf_counter()
result = sweep.sweep(sc, axes, out=out)
elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
table = sum(v.nbytes for v in result.result.columns.values())
print(json.dumps({"seconds": elapsed, "peak_above": peak - before, "table": table,
                  "pandas": "pandas" in sys.modules, "rows": len(result.result)}))
"""


def child(scenario, out, env) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, scenario, out], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(rounds=3) -> None:
    scenario = str(ROOT / "configs" / "uncertainty.toml")
    with (
        tempfile.TemporaryDirectory() as cache,
        tempfile.TemporaryDirectory() as bytecode,
        tempfile.TemporaryDirectory() as out,
    ):
        env = {**os.environ, "ORBITAL_CACHE_DIR": cache, "PYTHONPYCACHEPREFIX": bytecode}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        child(scenario, "-", env)  # the orbit physics into the cache, the bytecode compiled
        plain, parquet = [], []
        for _ in range(rounds):  # alternating: the same machine load for both
            plain.append(child(scenario, "-", env))
            parquet.append(child(scenario, str(Path(out) / "x.parquet"), env))
    bare = statistics.median(r["seconds"] for r in plain)
    written = statistics.median(r["seconds"] for r in parquet)
    last = parquet[-1]
    print(
        f"{last['rows']:,} points, medians of {rounds}: {bare:.2f} s without --out, {written:.2f} s with "
        f"--out x.parquet: +{written / bare - 1:.0%} (target <= 20 %)"
    )
    print(f"pandas imported with --out: {last['pandas']} (target: no)")
    peak = statistics.median(r["peak_above"] for r in parquet)
    print(
        f"peak memory above the start of the sweep: {peak / 1e6:.0f} MB = {peak / last['table']:.2f}x the "
        f"table's {last['table'] / 1e6:.0f} MB (target <= 1.5x); without --out: "
        f"{statistics.median(r['peak_above'] for r in plain) / last['table']:.2f}x"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
