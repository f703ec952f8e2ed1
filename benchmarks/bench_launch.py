"""Benchmark: mass budget and launch cost for 1,000,000 parameter combinations.

Issue #6's target: <= 1 s. The grid crosses compute, radiator and array specific masses,
shield areal mass, drag make-up, structure fraction and margin with altitudes (the capacity
to each orbit by the Δv-penalty model) and prices per kg; every step is one vectorized call.

Run from the project root: ``python benchmarks/bench_launch.py``.
"""

from __future__ import annotations

import time

import numpy as np

from orbital import launch, spacecraft
from orbital.constants import JULIAN_YEAR
from orbital.orbits import sun_synchronous_inclination

REPEATS = 5


def evaluate(grid, vehicle):
    compute, radiator, array, drag, structure, margin, altitude, price = grid
    budget = spacecraft.mass_budget(
        compute,
        array,
        8e-3,
        radiator,
        5e-3,
        2.7e-3,
        0.3e-3,
        drag,
        5 * JULIAN_YEAR,
        170.0,
        structure_fraction=structure,
        margin=margin,
    )
    it_power = 100e3
    mass = budget.total * it_power
    capacity = launch.capacity_to_orbit(vehicle, altitude, sun_synchronous_inclination(altitude))
    satellites = np.maximum(np.floor(capacity / mass), 1.0)  # oversized satellites fly alone in this sweep
    launch_price = price * vehicle.capacity_reference
    cost_per_kw = launch.launch_cost_per_kw(launch_price, satellites, it_power)
    return budget.total, cost_per_kw


def main() -> None:
    axes = [
        np.linspace(5e-3, 20e-3, 10)[:, None, None, None, None, None, None, None],  # compute kg/W
        np.linspace(5e-3, 40e-3, 10)[None, :, None, None, None, None, None, None],  # radiator kg/W
        np.linspace(5e-3, 30e-3, 10)[None, None, :, None, None, None, None, None],  # array kg/W
        np.linspace(0.0, 20.0, 5)[None, None, None, :, None, None, None, None],  # drag m/s/yr
        np.linspace(0.1, 0.3, 5)[None, None, None, None, :, None, None, None],  # structure
        np.linspace(0.1, 0.3, 4)[None, None, None, None, None, :, None, None],  # margin
        np.linspace(400e3, 1200e3, 5)[None, None, None, None, None, None, :, None],  # altitude m
        np.geomspace(50.0, 5000.0, 4)[None, None, None, None, None, None, None, :],  # price USD/kg
    ]
    starship = launch.vehicle("starship-reuse")
    evaluate(axes, starship)  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        mass, cost = evaluate(axes, starship)
        times.append(time.perf_counter() - t0)
    print(f"{cost.size:,} combinations (mass budget, capacity to SSO, packing, launch cost per kW), best of {REPEATS}")
    print(f"  evaluated in {min(times):.3f} s   (target <= 1 s)")
    print(
        f"  mass {mass.min() * 1e3:.1f}-{mass.max() * 1e3:.1f} kg/kW; "
        f"launch cost ${cost.min():,.0f}-${cost.max():,.0f} per kW"
    )


if __name__ == "__main__":
    main()
