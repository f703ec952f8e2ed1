"""Benchmark: contacts of one orbit with a 10-station network over 30 days at 10 s steps.

Issue #7's target: <= 2 s (SGP4 track, Earth-fixed positions, elevations from every station,
passes and contact minutes). The link budget along the passes (ITU-R attenuation per station
through itur) is timed separately.

Run from the project root: ``python benchmarks/bench_contacts.py``.
"""

from __future__ import annotations

import time

from orbital import Orbit, downlink

REPEATS = 3


def main() -> None:
    orbit = Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")
    names = downlink.station_names()
    downlink.contacts(orbit, names, days=1, step=10)  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        seen = downlink.contacts(orbit, names, days=30, step=10)
        times.append(time.perf_counter() - t0)
    print(f"{len(names)} stations x 30 days at 10 s ({seen.time.size:,} samples), best of {REPEATS}")
    print(f"  contacts in {min(times):.2f} s   (target <= 2 s)")
    print(f"  network {seen.network_minutes_per_day():.0f} min/day in {seen.network_passes_per_day():.1f} contacts")
    t0 = time.perf_counter()
    summary = downlink.link_summary(orbit, "ka", days=30, step=10)
    print(
        f"  Ka link summary with ITU-R attenuation at {len(summary.stations)} stations: "
        f"{time.perf_counter() - t0:.2f} s (first itur call loads its maps)"
    )


if __name__ == "__main__":
    main()
