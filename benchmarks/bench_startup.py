"""Benchmark: start-up cost of the package and its command line (issue 14's targets).

`import orbital` <= 0.1 s and `orbital --help` <= 0.2 s (both import no physics), and a warm
`orbital run baseline` (orbit physics cached on disk) no slower than before. Each is a fresh
process, timed REPEATS times in alternation with a bare `python -c pass` reference, so the
medians and the ratios to the reference come from the same minutes on this shared machine.

Run: ``python benchmarks/bench_startup.py`` (the installed package, console script beside the
interpreter). To compare installs in one run, name their interpreters:
``python benchmarks/bench_startup.py /tmp/venv-before/bin/python``. An editable install adds
the editable finder's look-ups to every import: compare regular installs with each other.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPEATS = 15


def _time(command, env, cwd) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _commands(python: str) -> dict:
    script = Path(python).with_name("orbital")
    orbital = [str(script)] if script.exists() else [python, "-m", "orbital"]
    return {
        "python -c pass (reference)": [python, "-c", "pass"],
        "import orbital": [python, "-c", "import orbital"],
        "orbital --help": [*orbital, "--help"],
        "orbital run baseline (warm)": [*orbital, "run", "baseline"],
    }


def main() -> None:
    interpreters = [sys.executable, *sys.argv[1:]]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ORBITAL_CACHE_DIR": cache}
        cwd = cache  # outside any source tree: from a project root `python -c` would import ./orbital
        commands = {python: _commands(python) for python in interpreters}
        for python in interpreters:  # fill the cache: every later run is warm
            subprocess.run(
                commands[python]["orbital run baseline (warm)"], check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL
            )
        times = {(python, name): [] for python in interpreters for name in commands[python]}
        for _ in range(REPEATS):  # alternate, so that load on the machine hits all alike
            for python in interpreters:
                for name, command in commands[python].items():
                    times[python, name].append(_time(command, env, cwd))
    for python in interpreters:
        reference = statistics.median(times[python, "python -c pass (reference)"])
        print(f"{python}: medians of {REPEATS} fresh processes")
        for name in commands[python]:
            median = statistics.median(times[python, name])
            print(f"  {name:32}{median:8.3f} s  ({median - reference:+.3f} s over the bare interpreter)")


if __name__ == "__main__":
    main()
