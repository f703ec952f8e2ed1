"""Benchmark: `orbital explain` over 12 groups (4,096 subsets) on cached orbit physics.

Issue #18's target: 12 groups in <= 2 s on cached orbit physics. Scenario B is the baseline with one
key changed in each of the 12 default groups (the orbit's altitude among them, so one group is walked
subset by subset and the other 11 ride on arrays), and the bundled baseline -> starcloud for reference.

Run from the project root: ``python benchmarks/bench_explain.py``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

CHANGES = {
    "orbit__altitude": "600 km",
    "compute__hardware_price": "25 USD/W",
    "solar__eclipse_load": 0.5,
    "thermal__radiator_temperature": "30 degC",
    "radiation__shielding": "8 mm",
    "launch__price_per_kg": "300 USD/kg",
    "launch__bus_cost": "700 USD/kg",
    "maintenance__spares_share": 0.2,
    "terrestrial__electricity_price": "0.06 USD/kWh",
    "terrestrial__capex": "10 USD/W",
    "finance__discount_rate": 0.1,
    "workload__recovery_time": "10 min",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import explain, model
        from orbital.scenario import load_scenario

        a = load_scenario("baseline")
        b = a.replace(**CHANGES)
        for sc in (a, b, a.replace(orbit__altitude="600 km"), load_scenario("starcloud")):
            model.orbit_physics(sc)  # cached before the clock starts
        first = explain.explain(a, b)  # also warms the remaining subsets' physics
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            result = explain.explain(a, b)
            times.append(time.perf_counter() - t0)
        print(
            f"explain baseline -> baseline with one key changed in each of 12 groups: {result.subsets:,} subsets, "
            f"median {statistics.median(times):.2f} s (best {min(times):.2f} s) of 5 (target <= 2 s)"
        )
        assert first.subsets == 4096
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            ref = explain.explain("baseline", "starcloud")
            times.append(time.perf_counter() - t0)
        print(
            f"explain baseline starcloud: {ref.subsets} subsets ({len(ref.differences)} groups differ), "
            f"median {statistics.median(times):.2f} s of 5"
        )


if __name__ == "__main__":
    main()
