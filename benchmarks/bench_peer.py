"""Benchmark: a warm `orbital run baseline` against the peer's `orbitdc compare` (spacedc-mdao), side by side.

Issue #22's target: a warm `orbital run baseline` faster than the peer's compare on the same machine, in one
alternating run (this machine is shared and noisy: the two commands take turns, medians are compared).
Installs nothing: the peer is run when its `orbitdc` command is on the PATH (or ``$ORBITDC`` names it),
with its own example scenarios named by ``$PEER_SPACE`` and ``$PEER_EARTH`` (its repository's
examples/scenarios/orbital_1mw_inference.yaml and earth_hyperscale_baseline.yaml); the benchmark says so
and stops otherwise.

Run from the project root: ``PEER_SPACE=... PEER_EARTH=... python benchmarks/bench_peer.py [rounds]``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def orbital_command() -> list[str]:
    script = Path(sys.executable).with_name("orbital")
    return [str(script)] if script.exists() else [sys.executable, "-m", "orbital"]


def peer_command() -> list[str] | None:
    scenarios = [os.environ.get("PEER_SPACE"), os.environ.get("PEER_EARTH")]
    if not all(scenarios):
        return None
    command = os.environ.get("ORBITDC") or shutil.which("orbitdc")
    if command:
        return [command, "compare", *scenarios]
    if importlib.util.find_spec("orbitdc") is not None:
        return [sys.executable, "-m", "orbitdc", "compare", *scenarios]
    return None


def cpu_seconds(command, env) -> float:
    """User + system CPU time of one run of a command (its children's resource usage)."""
    before = os.times()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main(rounds=7) -> None:
    peer = peer_command()
    if peer is None:
        print(
            "the peer (spacedc-mdao's orbitdc) or its scenarios ($PEER_SPACE, $PEER_EARTH) are not here: nothing "
            "to compare (this benchmark installs nothing)"
        )
        return
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as bytecode:
        # Both from bytecode, as after `pip install` (which compiles it): an editable install under
        # PYTHONDONTWRITEBYTECODE would otherwise recompile the package's sources on every run (~0.06 s).
        env = {**os.environ, "ORBITAL_CACHE_DIR": cache, "PYTHONPYCACHEPREFIX": bytecode}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ours = [*orbital_command(), "run", str(ROOT / "configs" / "baseline.toml")]
        subprocess.run(ours, check=True, env=env, stdout=subprocess.DEVNULL)  # fill the caches: a warm run
        subprocess.run(peer, check=True, env=env, stdout=subprocess.DEVNULL)
        mine, theirs = [], []
        for _ in range(rounds):  # alternating, so both see the same machine load
            t0 = time.perf_counter()
            mine.append((cpu_seconds(ours, env), time.perf_counter() - t0))
            t0 = time.perf_counter()
            theirs.append((cpu_seconds(peer, env), time.perf_counter() - t0))
    m_cpu, m_wall = (statistics.median(x) for x in zip(*mine, strict=True))
    p_cpu, p_wall = (statistics.median(x) for x in zip(*theirs, strict=True))
    print(f"warm orbital run baseline: median {m_cpu:.2f} s cpu, {m_wall:.2f} s wall ({rounds} rounds)")
    print(f"peer orbitdc compare:      median {p_cpu:.2f} s cpu, {p_wall:.2f} s wall")
    print(f"ratio orbital / peer: {m_cpu / p_cpu:.2f} in cpu time (target < 1), {m_wall / p_wall:.2f} in wall time")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
