"""Failures contained (issue 15): the environment's problems in one line (exit 1), a reader that stops
reading (exit 141, quietly), Ctrl-C (130), a bug (one line and a saved traceback), a cache that
degrades instead of failing, and a dask scheduler that does not answer."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_bad_input import run_cli

from orbital import cache, model, sweep
from orbital.errors import OrbitalInputError
from orbital.scenario import load_scenario


def test_a_full_disk_is_one_line_and_exit_1(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "results" / "result.json"))

    monkeypatch.setattr(cache, "write_all_atomically", full)
    status, out, err = run_cli(["run", "baseline", "--out", tmp_path / "results"])
    assert status == 1 and out == ""
    assert err.strip().endswith("error: No space left on device: " + str(tmp_path / "results" / "result.json"))
    # One error line (the cache, on the same full disk, adds its one warning before it); no traceback.
    assert sum(": error: " in line for line in err.splitlines()) == 1 and "Traceback" not in err


def test_an_unwritable_output_is_refused_before_the_work(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(model, "orbit_physics", lambda *a, **k: calls.append(1))
    status, _, err = run_cli(["run", "baseline", "--out", "/proc/no-such-dir/results"])
    assert status == 1 and "cannot be written" in err and calls == []


def test_a_bug_is_one_line_with_its_traceback_saved(monkeypatch, tmp_path):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(model, "run", broken)
    status, out, err = run_cli(["run", "baseline"])
    assert status == 1 and out == ""
    assert "internal error: ZeroDivisionError: a bug (traceback saved to " in err and err.count("\n") == 1
    saved = Path(err.split("traceback saved to ")[1].split(";")[0])
    assert saved.parent == tmp_path and "ZeroDivisionError: a bug" in saved.read_text()


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(model, "run", interrupted)
    status, out, err = run_cli(["run", "baseline"])
    assert (status, out, err) == (130, "", "orbital run: interrupted\n")


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path):
    # `true` exits at once: the command's output meets a closed pipe (what `| head` does to a long output).
    script = f"{sys.executable} -m orbital run baseline --json | true; echo ${{PIPESTATUS[0]}} >&2"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.stderr.strip() == "141"  # 128 + SIGPIPE, as shells report it; nothing else said


def test_a_cache_directory_that_is_a_file_costs_one_warning(tmp_path, monkeypatch):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("ORBITAL_CACHE_DIR", str(blocker))
    monkeypatch.setattr(cache, "_UNWRITABLE", set())
    status, out, err = run_cli(["run", "baseline", "--json"])
    assert status == 0 and json.loads(out)["cost_ratio"] == pytest.approx(model.run("baseline").cost_ratio, rel=1e-9)
    warnings = [line for line in err.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and "cannot be written" in warnings[0] and "ORBITAL_CACHE_DIR" in warnings[0]


def test_a_cache_entry_of_the_wrong_shape_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("ORBITAL_CACHE_DIR", str(tmp_path))
    sc = load_scenario("baseline")
    good = model.run(sc).cost_ratio
    entries = sorted(tmp_path.glob("physics-*.json"))
    assert len(entries) == 1
    data = json.loads(entries[0].read_text())
    data["illumination"]["orbit_insolation"] = []  # well-formed JSON, wrong shape
    del data["link"]["daily_volume"]
    entries[0].write_text(json.dumps(data))
    assert model.run(sc).cost_ratio == pytest.approx(good, rel=1e-12)
    assert json.loads(entries[0].read_text())["link"]["daily_volume"] > 0  # rewritten whole
    for trapped in tmp_path.glob("trapped-*.json"):
        trapped.write_text(json.dumps({"proton_energy": [1, 2]}))  # damaged track
    assert model.run(sc, cache=True).cost_ratio == pytest.approx(good, rel=1e-12)


def test_a_damaged_resume_chunk_is_recomputed(tmp_path):
    sc = load_scenario("baseline")
    axes = [sweep.parse_axis("launch.bus_cost=100:3000:30")]
    whole = sweep.sweep(sc, axes).result.outputs["cost_ratio"]
    table = sweep.grid(axes)
    folder = tmp_path / "out.csv.partial"
    sweep.run_table(sc, table, work_dir=folder, chunk_rows=10)  # leaves no folder when it finishes
    assert not folder.exists()
    # An interrupted run's folder with a damaged chunk: resumed, the chunk is computed again.
    folder.mkdir()
    digest = sweep._digest(sc, table)
    (folder / "manifest.json").write_text(json.dumps({"digest": digest, "chunks": 3, "rows": 30}))
    (folder / "chunk-000000.npz").write_bytes(b"PK\x03\x04 damaged")
    result = sweep.run_table(sc, table, work_dir=folder, resume=True, chunk_rows=10)
    assert result.resumed_chunks == 0
    assert list(result.outputs["cost_ratio"]) == pytest.approx(list(whole), rel=1e-12)


def test_a_refused_sweep_leaves_no_partial_folder(tmp_path):
    out = tmp_path / "s.csv"
    status, _, err = run_cli(["sweep", "baseline", "--set", "compute.server=gb200-nvl72,cray-1", "--out", out])
    assert status == 2 and "cray-1" in err
    assert list(tmp_path.iterdir()) == []


def test_a_port_that_is_not_a_dask_scheduler_is_an_error_within_seconds(tmp_path):
    """A listener that accepts and never speaks: the connection is given up within its deadline."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    port = server.getsockname()[1]
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        start = time.perf_counter()
        with pytest.raises(OrbitalInputError, match="no dask scheduler answered within 1 s"):
            sweep._client(f"tcp://127.0.0.1:{port}", None, timeout=1.0)
        assert time.perf_counter() - start < 10.0
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        server.close()


def test_the_default_sweep_runs_in_this_process(tmp_path):
    status, out, _ = run_cli(
        ["sweep", "baseline", "--set", "orbit.altitude=600km,700km", "--set", "launch.bus_cost=1,2", "--json"]
    )
    assert status == 0 and json.loads(out)["runner"] == "this process"


def test_output_files_are_whole_or_absent(tmp_path, monkeypatch):
    """A failure while writing leaves neither the file nor a temporary beside it."""
    real = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O error", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        cache.write_all_atomically({tmp_path / "a.txt": "a", tmp_path / "b.txt": "b"})
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert all(not name.endswith(".tmp") for name in leftovers)
