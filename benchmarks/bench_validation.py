"""Benchmark: what the validation layer costs `orbital run` (issue 15's target: <= 5 ms).

Times, in one process on a warm cache, reading and checking the baseline scenario file (every
key's unit and range, catalog names) and the whole `model.run` (composer included), medians of
many repeats. Run it with two installs to compare (the checks are in both timings):
``python benchmarks/bench_validation.py`` and ``/other/venv/bin/python benchmarks/bench_validation.py``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(work, repeats) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model
        from orbital.scenario import load_scenario

        path = ROOT / "configs" / "baseline.toml"
        sc = load_scenario(path)
        model.run(sc)  # fill the cache
        load = _median_ms(lambda: load_scenario(path), 300)
        run = _median_ms(lambda: model.run(load_scenario(path)), 100)
    import orbital

    print(f"orbital {orbital.__version__} from {Path(orbital.__file__).parent}")
    print(f"  read and check baseline.toml       {load:6.2f} ms (median of 300)")
    print(f"  model.run of it, physics cached    {run:6.2f} ms (median of 100)")


if __name__ == "__main__":
    main()
