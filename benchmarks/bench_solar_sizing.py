"""Benchmark: sizing 100,000 designs on one precomputed sunlight summary.

Issue #3's target: 100,000 combinations of cell efficiency x array specific power x
load sized (array area and mass, battery) in <= 0.5 s, reusing the orbit's sunlight.
Also times what is done once per orbit: the year of sunlight and its condensation.

Run from the project root: ``python benchmarks/bench_solar_sizing.py``.
"""

from __future__ import annotations

import time

import numpy as np

from orbital import Orbit, solar
from orbital.constants import JULIAN_YEAR

REPEATS = 5


def best_of(repeats, fn):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    orbit = Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")
    t_series, series = best_of(1, lambda: orbit.sunlight(days=365, step=30))
    t_condense, illumination = best_of(3, lambda: solar.array_illumination(series, orbit.altitude))

    efficiency = np.linspace(0.18, 0.36, 50)[:, None, None]
    specific_power = np.linspace(30.0, 300.0, 40)[None, :, None]
    load = np.linspace(0.1e6, 100e6, 50)[None, None, :]
    designs = efficiency.size * specific_power.size * load.size
    cell, battery = solar.cell(), solar.battery()

    def size():
        return solar.size_power_system(
            illumination, load, cell, battery, 5 * JULIAN_YEAR, efficiency=efficiency, specific_power=specific_power
        )

    size()  # warm-up
    t_size, system = best_of(REPEATS, size)
    print(f"650 km dawn-dusk SSO, {series.time.size:,} samples; best of {REPEATS}")
    print(f"  once per orbit: sunlight series            {t_series:8.3f} s")
    print(f"  once per orbit: condense to {illumination.orbit_insolation.size:,} orbits   {t_condense:8.3f} s")
    print(f"  sizing {designs:,} designs (efficiency x W/kg x load) {t_size:8.4f} s   (target <= 0.5 s)")
    print(
        f"  array mass range {system.array_mass.min():,.0f}-{system.array_mass.max():,.0f} kg, "
        f"shape {system.array_mass.shape}"
    )


if __name__ == "__main__":
    main()
