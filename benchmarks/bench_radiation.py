"""Benchmark: one orbit's radiation summary, computed and then read back from the disk cache.

Issue #5's targets: the summary (trapped spectra along the track + dose-depth + rates) in
<= 5 s; a sweep that revisits an orbit pays nothing for the trapped spectra. The cache goes
to a temporary directory so the first run is really cold. Issue #20's: the heavy-ion (LET spectrum,
integral RPP for three curves) and worst-day blocks add <= 0.3 s to a cold summary, quoted apart (cold:
the chord sets of the chip's sensitive boxes drawn for the first time in the process).

Run from the project root: ``python benchmarks/bench_radiation.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
import warnings

import numpy as np

from orbital import Orbit, OrbitalWarning, heavy_ions, radiation

REPEATS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        orbit = Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")
        radiation.accelerator("tpu-v6e")  # catalog read, not part of the physics
        t0 = time.perf_counter()
        cold = radiation.radiation_summary(orbit, chips=4096)
        cold_time = time.perf_counter() - t0
        warm_times = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            radiation.radiation_summary(orbit, chips=4096)
            warm_times.append(time.perf_counter() - t0)
        shields = np.linspace(1e-3, 20e-3, 20)
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OrbitalWarning)  # thin shields leave this cluster no goodput
            sweep = [radiation.radiation_summary(orbit, shielding=s, chips=4096).dose_per_year for s in shields]
        sweep_time = time.perf_counter() - t0
        t0 = time.perf_counter()
        env = radiation.trapped_environment(orbit)
        env_time = time.perf_counter() - t0
        chip = radiation.accelerator("tpu-v6e")
        heavy_ions.chord_lengths.cache_clear()
        heavy_ions._default_grid_response.cache_clear()  # cold: chords and responses drawn afresh
        t0 = time.perf_counter()
        radiation._heavy_ion_block(chip, env, 10e-3)
        radiation.worst_day(env, 10e-3)
        new_cold = time.perf_counter() - t0
        new_warm = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            radiation._heavy_ion_block(chip, env, 10e-3)
            radiation.worst_day(env, 10e-3)
            new_warm.append(time.perf_counter() - t0)

    print("650 km dawn-dusk SSO, 30 days x 3000 track samples, AP8-MIN/AE8-MAX, TPU v6e x 4096")
    print(f"  cold summary (IRBEM + SHIELDOSE-2 + GCR) {cold_time:.2f} s   (target <= 5 s)")
    print(f"  cached summary, best of {REPEATS}           {min(warm_times) * 1e3:.1f} ms")
    print(f"  cached trapped spectra alone          {env_time * 1e3:.2f} ms")
    print(
        f"  sweep of {shields.size} shield thicknesses      {sweep_time:.2f} s "
        f"({sweep_time / shields.size * 1e3:.0f} ms each)"
    )
    print(f"  dose behind 10 mm {cold.dose_per_year:.1f} rad(Si)/yr; 1-20 mm: {sweep[0]:,.0f} -> {sweep[-1]:,.0f}")
    print(
        f"  heavy ions + worst day: cold {new_cold:.3f} s (target <= 0.3 s), warm median "
        f"{sorted(new_warm)[REPEATS // 2] * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main()
