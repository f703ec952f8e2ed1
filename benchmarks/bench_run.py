"""Benchmark: `orbital run configs/baseline.toml` end to end, cold and warm, and the composer alone.

Issue #8's targets: end to end (process start to files written) <= 3 s cold and <= 0.6 s with the
orbit physics cached on disk; the composer on cached physics <= 50 ms per scenario.

Run from the project root: ``python benchmarks/bench_run.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 3


def end_to_end(cache_dir, out_dir) -> float:
    # The installed console script, run outside the source tree: from the project root
    # `python -m orbital` would import the uncompiled sources instead of the installed package.
    env = {**os.environ, "ORBITAL_CACHE_DIR": cache_dir}
    script = Path(sys.executable).with_name("orbital")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "orbital"]
    command += ["run", str(ROOT / "configs" / "baseline.toml"), "--out", out_dir]
    t0 = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=out_dir)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        cold = end_to_end(cache, out)
        warm = min(end_to_end(cache, out) for _ in range(REPEATS))
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model
        from orbital.scenario import load_scenario

        scenario = load_scenario(ROOT / "configs" / "baseline.toml")
        model.run(scenario)
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            model.run(scenario)
            times.append(time.perf_counter() - t0)
    print("orbital run configs/baseline.toml, process start to files written")
    print(f"  cold (empty cache)       {cold:.2f} s   (target <= 3 s)")
    print(f"  warm (physics cached)    {warm:.2f} s   (target <= 0.6 s), best of {REPEATS}")
    print(f"  composer alone, cached   {min(times) * 1e3:.1f} ms (target <= 50 ms), best of 20")


if __name__ == "__main__":
    main()
