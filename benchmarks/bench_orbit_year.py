"""Benchmark: a year of one orbit at 30 s steps, propagation plus sunlight summary.

Issue #2's target: about 1.05 million samples (365 days / 30 s) in <= 1 s on the
2-core reference machine. Also times astropy's ``get_sun`` on a subsample of the
same instants, scaled to the full count, to show what the analytic ephemeris saves.

Run from the project root: ``python benchmarks/bench_orbit_year.py``.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
from astropy.coordinates import get_sun
from astropy.time import Time

from orbital import Orbit, orbits

REPEATS = 5
SUBSAMPLE = 20_000


def best_of(repeats, fn):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    orbit = Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")
    orbit.sunlight(days=1)  # warm-up: imports, first SGP4 record
    total, summary = best_of(REPEATS, lambda: orbit.sunlight(days=365, step=30).summary())
    n = summary.samples

    jd = orbit.epoch.jd + np.arange(n) * 30.0 / 86400.0
    propagate, _ = best_of(REPEATS, lambda: orbit.propagate(np.arange(n) * 30.0))
    ephemeris, _ = best_of(REPEATS, lambda: orbits.sun_position(jd))

    sub = jd[:: n // SUBSAMPLE][:SUBSAMPLE]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        times = Time(sub, format="jd", scale="utc")
        astropy_sub, _ = best_of(2, lambda: get_sun(times))
    astropy_full = astropy_sub * n / sub.size

    print(f"{n:,} samples (365 days at 30 s), 650 km dawn-dusk SSO, best of {REPEATS}")
    print(f"  propagation + sunlight summary   {total:8.3f} s   (target <= 1 s)")
    print(f"    of which SGP4 propagation      {propagate:8.3f} s")
    print(f"  orbital.sun_position, all {n:,}  {ephemeris:8.3f} s")
    print(f"  astropy get_sun, {sub.size:,} timed     {astropy_sub:8.3f} s -> {astropy_full:.1f} s scaled to {n:,}")
    print(f"  get_sun / sun_position           {astropy_full / ephemeris:8.0f} x")
    print(f"  get_sun alone / whole pipeline   {astropy_full / total:8.1f} x")


if __name__ == "__main__":
    main()
