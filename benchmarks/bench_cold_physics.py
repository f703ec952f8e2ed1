"""Benchmark: the baseline's orbit physics on a cold cache, in CPU seconds, in fresh processes.

Issue #22's target: <= 1.2 s of CPU (all threads) for `model.orbit_physics` of configs/baseline.toml with
nothing cached, counting the imports of the physics libraries it needs (sgp4, pymsis, IRBEM) but not
`import orbital` itself, from bytecode as after `pip install`. Each round is a new process (so nothing
is cached in memory either); the parts are also timed one by one, serially, to show where it goes.

Run from the project root: ``python benchmarks/bench_cold_physics.py [rounds]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, time
from orbital import model
from orbital.scenario import load_scenario
sc = load_scenario("baseline")
t0 = time.process_time()
model.orbit_physics(sc, cache=False)
total = time.process_time() - t0
print(json.dumps({"total": total}))
"""

PARTS = r"""
import json, time
from orbital import downlink, model, radiation, solar, thermal
from orbital.constants import DAY
from orbital.scenario import load_scenario
sc = load_scenario("baseline")
orbit, o, r, d = model.scenario_orbit(sc), sc.orbit, sc.radiation, sc.downlink
out = {}
def timed(name, f):
    t = time.process_time(); value = f(); out[name] = time.process_time() - t; return value
days = o.sunlight_days / DAY
series = timed("sunlight (SGP4, a year)", lambda: orbit.sunlight(days=days, step=o.sunlight_step, shadow=o.shadow))
timed("array and radiator environment", lambda: (
    solar.array_illumination(series, orbit.altitude, sc.solar.pointing),
    thermal.radiator_environment(series, orbit.altitude, 0.2, 0.85, 2, sc.thermal.attitude)))
timed("drag density (NRLMSIS)", lambda: orbit.mean_density(sc.launch.solar_activity))
env = timed("trapped environment (IRBEM)", lambda: radiation.trapped_environment(
    orbit, r.track_days / DAY, int(r.track_samples), r.solar, cache=False))
timed("dose behind the shield (SHIELDOSE-2)", lambda: model.radiation_behind_shield(env, r.shielding))
stations = [s.strip() for s in d.stations.split(",") if s.strip()] or None
timed("links", lambda: downlink.link_summary(orbit, d.band, stations, min_elevation=d.min_elevation,
      availability=d.availability, days=d.days / DAY, step=d.step, fibre_length=d.fibre_distance))
print(json.dumps(out))
"""


def run(code, env) -> dict:
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(rounds=5) -> None:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as bytecode:
        env = {**os.environ, "ORBITAL_CACHE_DIR": cache, "PYTHONPYCACHEPREFIX": bytecode}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run(CHILD, env)  # compile the bytecode once
        totals, parts = [], []
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as fresh:  # nothing on disk either (IRBEM's spectra have a cache)
                totals.append(run(CHILD, {**env, "ORBITAL_CACHE_DIR": fresh})["total"])
            with tempfile.TemporaryDirectory() as fresh:
                parts.append(run(PARTS, {**env, "ORBITAL_CACHE_DIR": fresh}))
    print(
        f"cold orbit physics of the baseline: median {statistics.median(totals):.2f} s cpu "
        f"(min {min(totals):.2f}, max {max(totals):.2f}; {rounds} fresh processes; target 1.2 s)"
    )
    print("the parts, one by one (median cpu s):")
    for name in parts[0]:
        print(f"  {name:40s} {statistics.median(p[name] for p in parts):.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
