"""Benchmark: 100,000 radiator designs (temperature x coating x attitude x altitude).

Issue #4's target: <= 0.2 s. Each design gets its bounding environment (sun at perihelion,
albedo under the sub-solar point, Earth IR through the attitude's view factors), sink,
net rejection, fin efficiency, area and mass, in one vectorized pass per attitude.

Run from the project root: ``python benchmarks/bench_thermal_designs.py``.
"""

from __future__ import annotations

import time

import numpy as np

from orbital import thermal

REPEATS = 5


def evaluate(temperature, altitude, alpha, eps, panel, loop):
    shape = np.broadcast_shapes(temperature.shape, altitude.shape, alpha.shape)
    masses = []
    for attitude in thermal.ATTITUDES:  # three categories, each one vectorized pass
        env = thermal.screening_environment(altitude, alpha, eps, 2, attitude, sunlit_fraction=0.65)
        design = thermal.size_radiator(1e6, temperature, env, panel, loop, infeasible="inf")
        masses.append(np.broadcast_to(design.mass, shape))
    return np.stack(masses)


def main() -> None:
    names = thermal.catalog_names("coating")
    coatings = [thermal.coating(n) for n in names]
    temperature = np.linspace(250.0, 400.0, 50)[:, None, None]
    alpha = np.array([c.absorptance for c in coatings])[None, :, None]
    eps = np.array([c.emittance for c in coatings])[None, :, None]
    altitude = np.linspace(300e3, 2000e3, 100)[None, None, :]
    panel, loop = thermal.panel(), thermal.loop()
    evaluate(temperature, altitude, alpha, eps, panel, loop)  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        mass = evaluate(temperature, altitude, alpha, eps, panel, loop)
        times.append(time.perf_counter() - t0)
    n = mass.size
    print(
        f"{n:,} radiator designs ({temperature.size} temperatures x {len(names)} coatings x "
        f"{len(thermal.ATTITUDES)} attitudes x {altitude.size} altitudes), best of {REPEATS}"
    )
    print(f"  evaluated in {min(times):.4f} s   (target <= 0.2 s)")
    feasible = np.isfinite(mass)
    print(
        f"  {feasible.sum():,} feasible (the rest sit at or below their sink); mass per MW "
        f"{mass[feasible].min():,.0f}-{mass[feasible].max():,.0f} kg"
    )


if __name__ == "__main__":
    main()
