"""Benchmark: design points per second of a sweep, samples per second of Monte Carlo, Sobol' cost.

Issue #10's targets: 1,000,000 design points of the analytic chain on cached orbit physics in <= 10 s
on this 2-core machine; 100,000 Monte Carlo samples in <= 2 s. The orbit physics is computed (and
cached in a temporary directory) before the clock starts: the targets are for the chain on top of it.

Run from the project root: ``python benchmarks/bench_sweep.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(repeats, work):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = work()
        times.append(time.perf_counter() - t0)
    return min(times), value


def main() -> None:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model, sweep, uncertainty
        from orbital.scenario import load_scenario

        sc = load_scenario(ROOT / "configs" / "uncertainty.toml")
        t0 = time.perf_counter()
        model.run(sc)  # fills the cache: orbit physics and the trapped-particle track
        cold = time.perf_counter() - t0

        axes = [
            sweep.parse_axis("launch.price_per_kg=20:3000:log100"),
            sweep.parse_axis("thermal.radiator_temperature=280K:380K:100"),
            sweep.parse_axis("terrestrial.electricity_price=0.03:0.2:100"),
        ]
        table = sweep.grid(axes)
        analytic, result = best_of(3, lambda: sweep.run_table(sc, table, workers=0))
        shield_axes = [*axes[:2], sweep.parse_axis("radiation.shielding=1mm:30mm:100")]
        shield_table = sweep.grid(shield_axes)
        shielded, _ = best_of(3, lambda: sweep.run_table(sc, shield_table, workers=0))
        write, _ = best_of(1, lambda: sweep.write_table(result.columns, Path(out) / "sweep.parquet"))
        write_csv, _ = best_of(1, lambda: sweep.write_table(result.columns, Path(out) / "sweep.csv"))

        mc_time, mc = best_of(3, lambda: uncertainty.monte_carlo(sc, 100_000, seed=0, workers=0))
        sobol_time, si = best_of(1, lambda: uncertainty.sobol(sc, "cost_ratio"))
    n = len(result)
    print(f"orbit physics of the scenario, cold: {cold:.2f} s (then cached)")
    print(
        f"sweep, 3 parameters x 100 (economics and radiator), cached physics: {n:,} points in {analytic:.2f} s "
        f"= {n / analytic:,.0f} points/s (target: 1,000,000 in <= 10 s), best of 3"
    )
    print(
        f"sweep with the shield as one of the 3 parameters (100 thicknesses transported): {n:,} points in "
        f"{shielded:.2f} s = {n / shielded:,.0f} points/s, best of 3"
    )
    print(f"write {n:,} rows x {len(result.columns)} columns: parquet {write:.2f} s, csv {write_csv:.2f} s")
    print(
        f"Monte Carlo, {len(sc.uncertainty)} uncertain parameters: 100,000 samples in {mc_time:.2f} s "
        f"= {100_000 / mc_time:,.0f} samples/s (target <= 2 s), best of 3"
    )
    print(
        f"Sobol' indices of the cost ratio: N = {si.base_samples:,} ({si.runs:,} runs), max ST half-width "
        f"{si.total_conf.max():.3f}, in {sobol_time:.2f} s"
    )


if __name__ == "__main__":
    main()
