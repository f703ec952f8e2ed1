"""Benchmark: `orbital report configs/baseline.toml` end to end, cold and warm; `orbital plot ... all`.

Targets: the HTML report in <= 12 s cold and <= 5 s warm (issue #22; #9 asked 15 s), process start to
file written. "Cold" starts with an empty orbital cache (every trapped-particle track, the ground
solar year and the composer's physics recomputed); "warm" reuses it, as a user's second report does.
Also reported: where the time goes, figure by figure, on a warm cache.

Run from the project root: ``python benchmarks/bench_report.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def command(*args) -> list[str]:
    # The installed console script, run outside the source tree (see bench_run.py).
    script = Path(sys.executable).with_name("orbital")
    return ([str(script)] if script.exists() else [sys.executable, "-m", "orbital"]) + list(args)


def timed(args, cache_dir, cwd) -> float:
    env = {**os.environ, "ORBITAL_CACHE_DIR": cache_dir}
    t0 = time.perf_counter()
    subprocess.run(command(*args), check=True, env=env, stdout=subprocess.DEVNULL, cwd=cwd)
    return time.perf_counter() - t0


def main() -> None:
    baseline = str(ROOT / "configs" / "baseline.toml")
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        report = ["report", baseline, "-o", str(Path(out) / "report.html")]
        cold = timed(report, cache, out)
        size = (Path(out) / "report.html").stat().st_size
        warm = min(timed(report, cache, out) for _ in range(2))
        pdf = timed(["report", baseline, "-o", str(Path(out) / "report.pdf")], cache, out)
        with tempfile.TemporaryDirectory() as cache2:
            plot_cold = timed(["plot", baseline, "--out", str(Path(out) / "figs")], cache2, out)

        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital import model, plots
        from orbital.scenario import load_scenario

        scenario = load_scenario(baseline)
        result = model.run(scenario)
        per_figure = {}
        for name in plots.figure_names(scenario):  # the figures the report draws for this scenario
            draw = plots.FIGURES[name][1]
            t0 = time.perf_counter()
            plots.figure_bytes(draw(scenario, result), "png")
            per_figure[name] = time.perf_counter() - t0

    print("orbital report configs/baseline.toml -o report.html, process start to file written")
    print(f"  cold (empty cache)    {cold:5.1f} s   (target <= 12 s); report {size / 1e6:.1f} MB")
    print(f"  warm (cache filled)   {warm:5.1f} s   (target <= 5 s), best of 2")
    print(f"  --format pdf, warm    {pdf:5.1f} s")
    print(f"orbital plot configs/baseline.toml (all {len(per_figure)} PNGs), cold: {plot_cold:.1f} s")
    print("Per figure, warm cache, drawn and encoded as PNG:")
    for name, seconds in per_figure.items():
        print(f"  {name:<16}{seconds:5.2f} s")


if __name__ == "__main__":
    main()
