"""Trade spaces: many design points through the whole chain, one orbit-physics evaluation per orbit.

A design table holds, per parameter (``"section.key"``), one value per design
point, in SI. :func:`run_table` splits the parameters in two:

* those the orbit physics depends on (:data:`orbital.model.PHYSICS_KEYS`, and
  every text or flag key): the table is grouped by them, and each group's
  :func:`orbital.model.orbit_physics` is computed once and cached on disk;
* the numeric rest (:data:`VECTOR_KEYS`): one vectorized call of
  :func:`orbital.model.compose` per group covers all its design points. The
  radiation shield is one of these: the group's trapped-particle track is
  cached, and each distinct thickness is transported once.

It cuts the table into chunks (within a group), evaluates them in
this process or on dask.distributed (a ``LocalCluster``, or an existing
scheduler), writes each finished chunk to disk so an interrupted run resumes,
and reassembles the columns in table order: the same numbers whichever way it ran.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import shutil
import time
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import catalogs, model
from .cache import check_writable, write_all_atomically, write_atomically
from .errors import OrbitalInputError, OrbitalWarning
from .results import Report, Table
from .scenario import SCHEMA, SCHEMA_NAMES, Scenario, _closest, _parse_value, moved_name

__all__ = [
    "OUTPUTS",
    "VECTOR_KEYS",
    "Axis",
    "Sweep",
    "SweepResult",
    "check_size",
    "check_table",
    "evaluate_group",
    "grid",
    "latin_hypercube",
    "parse_axis",
    "read_table",
    "run_table",
    "scenario_with",
    "shown_value",
    "sweep",
    "unit_of",
    "write_table",
]


def _physics_dependent(name: str) -> bool:
    section, _, key = name.partition(".")
    keys = model.PHYSICS_KEYS.get(section, ())
    return keys is None or key in keys


#: Numeric parameters :func:`orbital.model.compose` takes as arrays over design points: every numeric
#: key the orbit physics does not depend on, and the radiation shield (transported per distinct value).
VECTOR_KEYS = tuple(
    name
    for name in SCHEMA_NAMES
    if SCHEMA[name.partition(".")[0]][name.partition(".")[2]].kind in ("quantity", "optional-quantity")
    and (not _physics_dependent(name) or name == "radiation.shielding")
    and name != "compute.accelerators"  # a count turned into it_power when the scenario is read
    and not name.startswith(("claim.", "fleet."))  # checked or scheduled, not composed per MW
)

#: What a design point reports: name -> (unit, where in :func:`orbital.model.compose`'s answer).
OUTPUTS = {
    "lcoc_orbital": ("USD/MWh", ("orbital", "lcoc_usd_per_mwh")),
    "lcoc_terrestrial": ("USD/MWh", ("terrestrial", "lcoc_usd_per_mwh")),
    "cost_ratio": ("", ("cost_ratio",)),
    "orbital_cheaper": ("", None),
    "break_even_launch_price": ("USD/kg", ("break_even_launch_price",)),
    "parity_budget": ("USD/W", ("parity_budget",)),
    "feasible": ("", ("feasible",)),
    "mass": ("kg/kW", ("orbital", "mass_kg_per_kw")),
    "satellite_mass": ("kg", ("report", "satellite_mass_kg")),
    "capex_orbital": ("USD/W", ("orbital", "capex_usd_per_w")),
    "capex_terrestrial": ("USD/W", ("terrestrial", "capex_usd_per_w")),
    "launch_capex": ("USD/W", ("orbital", "capex_breakdown_usd_per_w", "launch")),
    "goodput_orbital": ("", ("orbital", "goodput")),
    "useful_fraction_orbital": ("", ("orbital", "useful_fraction")),
    "array_area": ("m2/MW", ("orbital", "array_area_m2_per_mw")),
    "radiator_area": ("m2/MW", ("orbital", "radiator_area_m2_per_mw")),
    "dose": ("rad/yr", ("report", "dose_rad_si_per_year")),
    "launches": ("1/MW", ("orbital", "launches_per_mw")),
    "co2_orbital": ("t/(MW yr)", ("orbital", "co2_t_per_mw_year")),
    "co2_terrestrial": ("t/(MW yr)", ("terrestrial", "co2_t_per_mw_year")),
    "usd_per_accelerator_hour_orbital": ("USD", ("orbital", "usd_per_accelerator_hour")),
    "usd_per_accelerator_hour_terrestrial": ("USD", ("terrestrial", "usd_per_accelerator_hour")),
}

#: Design points per chunk: one chunk is one vectorized composer call. 50,000 keep its temporaries to
#: ~0.2x a 10^6-point table (250,000 took 1x) at the same speed (benchmarks/bench_sweep_out.py).
CHUNK_ROWS = 50_000

#: A run keeps its finished chunks on disk (for --resume) once it has taken this long [s], and whenever it
#: is interrupted; a shorter run does not pay for writing them (issue 22: <= 20 % extra for --out).
RESUME_AFTER = 20.0


def _key(name: str):
    if name not in SCHEMA_NAMES:
        if moved_name(name):
            raise OrbitalInputError(f"parameter {name!r} has moved to {moved_name(name)!r}")
        raise OrbitalInputError(f"unknown parameter {name!r}{_closest(name, SCHEMA_NAMES)}")
    section, _, key = name.partition(".")
    return SCHEMA[section][key]


def unit_of(name: str) -> str:
    """The SI unit a parameter or output is carried in (empty for dimensionless, text and flags)."""
    if name in OUTPUTS:
        return OUTPUTS[name][0]
    return _key(name).unit or ""


def shown_value(name: str, value: float) -> str:
    """A parameter's SI value in the unit its scenario key is written in (km, mm, USD/kWh...)."""
    if name in SCHEMA_NAMES:
        from .units import as_float

        key = _key(name)
        if key.bare and key.unit and key.bare != key.unit:
            return f"{value / as_float(f'1 {key.bare}', key.unit, name=name):.4g} {key.bare}"
    return f"{value:.4g} {unit_of(name)}".strip()


# --------------------------------------------------------------------------------------
# Axes and design tables
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """One swept parameter: its values in SI (or text/flags), and for ranges the bounds and spacing.

    ``spacing`` is "linear" or "log" for ``start:stop:N`` / ``start:stop:logN`` (a Latin
    hypercube samples the continuous range), "list" for a comma list.
    """

    name: str
    values: np.ndarray
    spacing: str
    low: float | None = None
    high: float | None = None


def parse_axis(text: str) -> Axis:
    """Read ``section.key=start:stop:N``, ``start:stop:logN`` or ``a,b,c`` (values with units).

    Bare numbers are in the key's bare unit, as in a scenario file
    (``orbit.altitude=400:1500:25`` is in km).
    """
    name, sep, spec = text.partition("=")
    name, spec = name.strip(), spec.strip()
    where = f"--set {text!r}"
    if not sep or not spec:
        raise OrbitalInputError(f"{where}: expected section.key=start:stop:N, start:stop:logN or a,b,c")
    key = _key(name)
    numeric = key.kind in ("quantity", "optional-quantity")
    if ":" in spec:
        if not numeric:
            raise OrbitalInputError(f"{where}: {name} is {key.kind}; give its values as a comma list")
        parts = spec.split(":")
        if len(parts) != 3:
            raise OrbitalInputError(f"{where}: a range is start:stop:N or start:stop:logN (got {len(parts)} fields)")
        start, stop = (_parse_value(key, _number_or_text(p), f"--set {name}") for p in parts[:2])
        steps = parts[2].strip().lower()
        log = steps.startswith("log")
        count = steps[3:] if log else steps
        if not count.isdigit() or int(count) < 2:
            raise OrbitalInputError(
                f"{where}: the number of points {parts[2].strip()!r} must be a whole number >= 2 "
                "(give a single value for one point)"
            )
        n = int(count)
        if start == stop:
            raise OrbitalInputError(f"{where}: start and stop are equal ({start:g} {key.unit}); the range is empty")
        if log:
            if start <= 0 or stop <= 0:
                raise OrbitalInputError(f"{where}: a log range needs positive bounds (got {start:g}, {stop:g})")
            values = np.geomspace(start, stop, n)
        else:
            values = np.linspace(start, stop, n)
        return Axis(name, values, "log" if log else "linear", min(start, stop), max(start, stop))
    items = [item.strip() for item in spec.split(",")]
    if any(not item for item in items):
        raise OrbitalInputError(f"{where}: empty value in the list")
    if key.kind == "flag":
        words = {"true": True, "false": False}
        bad = [item for item in items if item.lower() not in words]
        if bad:
            raise OrbitalInputError(f"{where}: {bad[0]!r} is not true or false")
        return Axis(name, np.array([words[item.lower()] for item in items]), "list")
    values = [_parse_value(key, _number_or_text(item) if numeric else item, f"--set {name}") for item in items]
    if key.kind == "time":
        values = [v.isot for v in values]
    return Axis(name, np.array(values, dtype=float if numeric else object), "list")


def _number_or_text(text: str):
    try:
        return float(text)
    except ValueError:
        return text


def grid(axes: list[Axis]) -> dict:
    """The Cartesian product of the axes (the first varies slowest): name -> values."""
    _check_distinct(axes)
    if not axes:
        return {}
    index = np.meshgrid(*(np.arange(a.values.size) for a in axes), indexing="ij")
    return {a.name: a.values[i.ravel()] for a, i in zip(axes, index, strict=True)}


def latin_hypercube(axes: list[Axis], samples: int, seed=0) -> dict:
    """``samples`` design points of a Latin hypercube over the axes (scipy.stats.qmc).

    Ranges are sampled continuously (log ranges uniformly in the logarithm);
    lists by equal-probability strata of their entries.
    """
    from scipy.stats import qmc

    _check_distinct(axes)
    if int(samples) < 1:
        raise OrbitalInputError(f"--samples = {samples} must be >= 1")
    u = qmc.LatinHypercube(d=max(len(axes), 1), rng=np.random.default_rng(seed)).random(int(samples))
    table = {}
    for j, a in enumerate(axes):
        if a.spacing == "linear":
            table[a.name] = a.low + u[:, j] * (a.high - a.low)
        elif a.spacing == "log":
            table[a.name] = np.exp(np.log(a.low) + u[:, j] * (np.log(a.high) - np.log(a.low)))
        else:
            table[a.name] = a.values[np.minimum((u[:, j] * a.values.size).astype(int), a.values.size - 1)]
    return table


#: What one sweep or Monte Carlo may take without ``allow_large`` (``--allow-large``): the wall time
#: estimated from the measured rates below, and the memory of its columns (at most half the machine).
MAX_SECONDS = 3600.0
MAX_BYTES = 8 * 2**30
#: Measured on the 2-core reference machine (benchmarks/bench_sweep.py, bench_orbits.py): the composer
#: on cached physics ~1 µs per design point; one orbit's physics, cold, ~1.3-2 s.
SECONDS_PER_POINT = 1.5e-6
SECONDS_PER_ORBIT = 2.0


def _memory_limit() -> float:
    import os

    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not every platform says
        return MAX_BYTES
    return min(MAX_BYTES, physical / 2)


def check_size(points: int, columns: int, orbits: int, allow_large=False, what="sweep") -> dict:
    """Estimate a run's memory and time before any allocation; refuse beyond the limits unless allowed.

    Parameters
    ----------
    points : int
        Design points (or samples).
    columns : int
        Input columns of the design table.
    orbits : int
        Distinct orbits whose physics may have to be computed (an upper bound).
    allow_large : bool
        Run whatever the estimate.

    Returns
    -------
    dict
        ``bytes`` and ``seconds`` estimated.
    """
    # Every input and output column in float64, twice over (the table, and the copy a file write makes).
    need = 2 * 8 * float(points) * (columns + len(OUTPUTS))
    seconds = SECONDS_PER_POINT * float(points) + SECONDS_PER_ORBIT * float(orbits)
    limit = _memory_limit()
    if not allow_large and (need > limit or seconds > MAX_SECONDS):
        raise OrbitalInputError(
            f"this {what} has {points:,} design points over up to {orbits:,} orbit(s): about "
            f"{need / 2**30:,.1f} GiB of memory (limit {limit / 2**30:,.1f} GiB here) and {_duration(seconds)} "
            f"(limit {_duration(MAX_SECONDS)}); narrow it, or pass --allow-large (allow_large=True) to run it anyway"
        )
    return {"bytes": need, "seconds": seconds}


#: Up to this many distinct orbits, a run looks each one up in the cache to estimate its time.
CACHE_LOOKUPS = 10_000


def _uncached_orbits(sc: Scenario, table: dict, names, groups) -> int:
    """How many of the table's orbits need their physics computed (all of them past :data:`CACHE_LOOKUPS`)."""
    if not names:
        return 0 if model.physics_is_cached(sc) else 1
    if len(groups) > CACHE_LOOKUPS:
        return len(groups)
    return sum(
        not model.physics_is_cached(scenario_with(sc, {name: np.asarray(table[name])[rows[0]] for name in names}))
        for rows in groups
    )


def _duration(seconds: float) -> str:
    for unit, size in (("days", 86400.0), ("h", 3600.0), ("min", 60.0)):
        if seconds >= size:
            return f"~{seconds / size:,.1f} {unit}"
    return f"~{seconds:.1f} s"


def check_table(table: dict) -> None:
    """Every column names a scenario key, and every number lies in that key's valid range (before any work)."""
    for name, values in table.items():
        key = _key(name)
        if key.kind in ("quantity", "optional-quantity"):
            key.check(values, name)


def _check_distinct(axes):
    names = [a.name for a in axes]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise OrbitalInputError(f"--set {twice[0]} is given more than once")


def _rows(table: dict) -> int:
    sizes = {np.asarray(v).shape[0] for v in table.values()}
    if len(sizes) > 1:
        raise OrbitalInputError(f"the design table's columns differ in length: {sorted(sizes)}")
    return sizes.pop() if sizes else 1


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------


def _as_given(name: str, value):
    """A table value as a scenario file would give it (numbers in SI with their unit)."""
    key = _key(name)
    if key.kind in ("quantity", "optional-quantity"):
        return f"{float(value)!r} {key.unit}".strip() if key.unit else float(value)
    return value.item() if isinstance(value, np.generic) else value


def scenario_with(sc: Scenario, changes: dict) -> Scenario:
    """The scenario with ``"section.key"`` -> SI value changes, validated as a scenario file is."""
    replace = {name.replace(".", "__", 1): _as_given(name, value) for name, value in changes.items()}
    if "launch.price_per_kg" in changes and "launch.year" not in changes:
        replace["launch__year"] = None
    if "launch.year" in changes and "launch.price_per_kg" not in changes:
        replace["launch__price_per_kg"] = None
    return sc.replace(**replace)


def _groups(table: dict, n: int):
    """Row indices of each distinct combination of the physics-dependent columns, in first-seen order."""
    names = [name for name in table if name not in VECTOR_KEYS]
    if not names:
        return names, [np.arange(n)]
    codes = np.zeros(n, dtype=np.int64)
    for name in names:
        _, inverse = np.unique(np.asarray(table[name]).astype(str), return_inverse=True)
        codes = codes * (inverse.max() + 1) + inverse
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    by_group = np.split(np.argsort(inverse, kind="stable"), np.cumsum(np.bincount(inverse))[:-1])
    order = np.argsort(first)  # groups in the order their first row appears
    return names, [by_group[g] for g in order]


def _pick(answer: dict, path):
    value = answer
    for part in path:
        value = value[part]
    return value


def physics_for(sc: Scenario, overrides: dict, cache=True) -> dict:
    """The orbit physics of ``sc`` for design points ``overrides``: a shield given as an array is
    transported through the orbit's trapped environment, thickness by thickness."""
    physics = model.orbit_physics(sc, cache)
    if "radiation.shielding" in overrides:
        from . import radiation

        r = sc.radiation
        env = radiation.trapped_environment(
            model.scenario_orbit(sc), r.track_days / 86400.0, int(r.track_samples), r.solar, cache
        )
        physics = dict(physics, radiation=model.radiation_behind_shield(env, overrides["radiation.shielding"]))
    return physics


def evaluate_group(sc: Scenario, vectors: dict, n: int, cache=True) -> dict:
    """Outputs (:data:`OUTPUTS`) of ``n`` design points sharing one orbit's physics."""
    overrides = {name: np.asarray(value, dtype=float) for name, value in vectors.items()}
    physics = physics_for(sc, overrides, cache)
    with warnings.catch_warnings():  # goodput-0 points are counted once per run (run_table), not per chunk
        warnings.simplefilter("ignore", OrbitalWarning)
        answer = model.compose(sc, physics, overrides, strict=False)
    out = {}
    for name, (_, path) in OUTPUTS.items():
        if path is None:
            continue
        value = _pick(answer, path)
        out[name] = np.broadcast_to(np.asarray(value, dtype=bool if name == "feasible" else float), (n,)).copy()
    # A design that can be built but delivers no useful compute (goodput 0) has no finite cost: not feasible.
    out["feasible"] &= np.isfinite(out["lcoc_orbital"]) & np.isfinite(out["cost_ratio"])
    out["orbital_cheaper"] = out["feasible"] & (out["cost_ratio"] < 1.0)
    return {name: out[name] for name in OUTPUTS}


def _evaluate_rows(sc, table, names, rows, cache):
    """One chunk: rows of one group."""
    first = rows[0]
    group_sc = scenario_with(sc, {name: np.asarray(table[name])[first] for name in names}) if names else sc
    vectors = {name: np.asarray(value)[rows] for name, value in table.items() if name in VECTOR_KEYS}
    return evaluate_group(group_sc, vectors, rows.size, cache)


# --------------------------------------------------------------------------------------
# Chunks, dask and resume
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    """A design table and its outputs, column by column (SI; :func:`unit_of` gives units)."""

    inputs: dict
    outputs: dict
    groups: int
    chunks: int
    resumed_chunks: int
    runner: str

    @property
    def columns(self) -> dict:
        return {**self.inputs, **self.outputs}

    def __len__(self):
        return _rows(self.outputs)

    def __repr__(self) -> str:
        return f"SweepResult({len(self):,} design points, {self.groups} orbit(s), {len(self.columns)} columns)"

    def to_frame(self):
        """One row per design point; columns named ``name [unit]`` as in the output files (pandas)."""
        import pandas as pd

        return pd.DataFrame({column_label(name): np.asarray(value) for name, value in self.columns.items()})


def _plan(table: dict, n: int, chunk_rows: int):
    names, groups = _groups(table, n)
    chunks = []
    for rows in groups:
        for start in range(0, rows.size, chunk_rows):
            chunks.append(rows[start : start + chunk_rows])
    return names, groups, chunks


def _digest(sc: Scenario, table: dict) -> str:
    from . import __version__
    from .scenario import resolved_toml

    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(resolved_toml(sc).encode())
    for name in sorted(table):
        h.update(name.encode())
        values = np.asarray(table[name])
        h.update((values.astype(str) if values.dtype == object else values).tobytes())
    return h.hexdigest()[:20]


def _chunk_bytes(out: dict) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **out)
    return buffer.getvalue()


def _load_chunk(path: Path, rows: int):
    try:
        with np.load(path) as data:
            out = {name: data[name] for name in OUTPUTS}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # damaged or partial: computed again
    return out if all(v.shape == (rows,) for v in out.values()) else None


def _chunk_task(sc, table_rows, names, rows_count, cache):
    """What a dask worker runs: one chunk (its own slice of the table, renumbered from 0)."""
    return _evaluate_rows(sc, table_rows, names, np.arange(rows_count), cache)


def _client(scheduler, workers, timeout=5.0):
    from ._optional import require

    distributed = require("dask.distributed", "a dask cluster (--scheduler, --workers)")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if scheduler:
        from concurrent.futures import ThreadPoolExecutor
        from concurrent.futures import TimeoutError as Late

        # A port that accepts connections but never speaks dask's protocol can hold the handshake
        # past dask's own timeout: the connection gets its own thread and a hard deadline.
        pool = ThreadPoolExecutor(max_workers=1)
        attempt = pool.submit(Client, scheduler, timeout=f"{timeout}s")
        pool.shutdown(wait=False)
        try:
            return attempt.result(timeout=timeout + 2.0), None
        except (OSError, TimeoutError, Late, ValueError) as exc:
            raise OrbitalInputError(
                f"--scheduler {scheduler!r}: no dask scheduler answered within {timeout:g} s ({type(exc).__name__})"
            ) from None
    try:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
    except (OSError, TimeoutError, RuntimeError) as exc:
        raise OrbitalInputError(
            f"--workers {workers}: a local dask cluster could not start ({type(exc).__name__}: {exc}); "
            "run in this process with --workers 0"
        ) from None
    return Client(cluster), cluster


def run_table(
    sc: Scenario,
    table: dict,
    cache=True,
    workers=None,
    scheduler=None,
    work_dir=None,
    resume=False,
    progress=None,
    chunk_rows=None,
    allow_large=False,
) -> SweepResult:
    """Evaluate a design table in chunks, in this process or on dask.distributed.

    Parameters
    ----------
    sc : Scenario
        Every parameter not in the table comes from here.
    table : dict
        ``"section.key"`` -> values in SI (text keys: their text), all of one length.
    cache : bool
        Use the disk cache for orbit physics.
    workers : int, optional
        Local dask workers (processes) of a ``LocalCluster``; 0 or None (the default) runs in
        this process. dask runs only when asked for: a local cluster needs loopback
        networking and costs ~2 s to start.
    scheduler : str, optional
        Address of an existing dask scheduler (``tcp://host:8786``); overrides ``workers``.
    work_dir : path, optional
        Where finished chunks are kept (``.npz``), so an interrupted run can resume.
    resume : bool
        Reuse the chunks in ``work_dir`` that belong to this scenario and table.
    progress : callable, optional
        ``progress(k, n, step)`` after each chunk.
    chunk_rows : int, optional
        Design points per chunk (default :data:`CHUNK_ROWS`).
    allow_large : bool
        Run beyond :func:`check_size`'s limits.

    Returns
    -------
    SweepResult
    """
    n = _rows(table)
    check_table(table)
    names, groups, chunks = _plan(table, n, int(chunk_rows or CHUNK_ROWS))
    check_size(n, len(table), _uncached_orbits(sc, table, names, groups), allow_large)
    out = {name: np.empty(n, dtype=bool if name in ("feasible", "orbital_cheaper") else float) for name in OUTPUTS}
    done = [False] * len(chunks)
    resumed = 0
    folder = Path(work_dir) if work_dir is not None else None
    if folder is not None:
        digest = _digest(sc, table)
        manifest = folder / "manifest.json"
        try:
            same = json.loads(manifest.read_text()).get("digest") == digest
        except (OSError, ValueError, AttributeError):
            same = False  # no manifest, or a damaged one: start afresh
        if not (resume and same):
            shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(manifest, json.dumps({"digest": digest, "chunks": len(chunks), "rows": n}))
        for i, rows in enumerate(chunks):
            part = _load_chunk(folder / f"chunk-{i:06d}.npz", rows.size) if resume and same else None
            if part is not None:
                for name, value in part.items():
                    out[name][rows] = value
                done[i] = True
                resumed += 1

    started, unsaved = time.perf_counter(), []

    def store_unsaved():
        """Write the finished chunks not yet on disk (read back from ``out``)."""
        while unsaved:
            i = unsaved.pop()
            part = {name: out[name][chunks[i]] for name in OUTPUTS}
            write_atomically(folder / f"chunk-{i:06d}.npz", _chunk_bytes(part))

    def finish(i, part):
        rows = chunks[i]
        for name, value in part.items():
            out[name][rows] = value
        if folder is not None:  # a run worth resuming keeps its chunks; a short one only if interrupted
            unsaved.append(i)
            if time.perf_counter() - started > RESUME_AFTER:
                store_unsaved()
        done[i] = True
        if progress:
            progress(sum(done), len(chunks), f"chunk {i + 1} of {len(chunks)} ({rows.size:,} points)")

    pending = [i for i in range(len(chunks)) if not done[i]]
    if workers is not None and (int(workers) != workers or workers < 0):
        raise OrbitalInputError(f"--workers = {workers!r} must be a whole number >= 0 (0: this process)")
    runner = "this process"
    try:
        if pending and (scheduler or workers):
            runner = _run_on_dask(sc, table, names, chunks, pending, cache, scheduler, workers, finish, folder)
        else:
            for i in pending:
                finish(i, _evaluate_rows(sc, table, names, chunks[i], cache))
    except BaseException:
        if folder is not None and not any(done):  # refused before any chunk finished: leave nothing behind
            shutil.rmtree(folder, ignore_errors=True)
        elif folder is not None:
            store_unsaved()  # finished chunks stay for --resume
        raise
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    hopeless = int(np.count_nonzero(out["goodput_orbital"] == 0.0))
    if hopeless:
        warnings.warn(
            f"{hopeless:,} of {n:,} design points have goodput 0: their checkpoint time is not shorter than "
            "the mean time between interruptions (their levelized cost is infinite: not feasible)",
            OrbitalWarning,
            stacklevel=2,
        )
    inputs = {name: np.asarray(value) for name, value in table.items()}
    return SweepResult(inputs, out, len(groups), len(chunks), resumed, runner)


def _run_on_dask(sc, table, names, chunks, pending, cache, scheduler, workers, finish, folder):
    from ._optional import require

    as_completed = require("dask.distributed", "a dask cluster (--scheduler, --workers)").as_completed

    client, cluster = _client(scheduler, workers)
    kept = f"; finished chunks are kept in {folder} for --resume" if folder is not None else ""
    try:
        futures = {}
        for i in pending:
            rows = chunks[i]
            part_table = {name: np.asarray(value)[rows] for name, value in table.items()}
            future = client.submit(_chunk_task, sc, part_table, names, rows.size, cache, pure=False)
            futures[future] = i
        try:
            for future in as_completed(futures):
                finish(futures[future], future.result())
        except OrbitalInputError:
            raise
        except Exception as exc:  # the scheduler or a worker went away: keep what is done
            finished = sum(1 for _ in folder.glob("chunk-*")) if folder is not None else 0
            raise OrbitalInputError(
                f"the dask run stopped ({type(exc).__name__}: {exc}) after {finished} chunk(s){kept}"
            ) from None
        return f"dask ({scheduler or f'LocalCluster, {workers} worker(s)'})"
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------


def column_label(name: str) -> str:
    """``name [unit]`` for a file's header."""
    unit = unit_of(name)
    return f"{name} [{unit}]" if unit else name


def write_table(columns: dict, path) -> Path:
    """Write columns to ``.parquet`` (pyarrow, the ``[parquet]`` extra) or ``.csv``, whole or not at all.

    Headers carry units (``orbit.altitude [m]``); a missing or undefined value (no
    break-even price) is an empty cell in CSV and a null in Parquet; an infinite one
    (the cost of a design that delivers nothing) is ``inf`` in CSV and in Parquet.
    CSV needs no optional package: labels and text are quoted, numbers written in full
    (``repr``), booleans as ``true``/``false``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    _check_table_file(path)
    if suffix == ".parquet":
        _write_arrow(columns, path, "parquet")
        return path
    try:  # pyarrow writes CSV ~6x faster; the files are the same either way
        _write_arrow(columns, path, "csv")
    except OrbitalInputError:
        write_all_atomically({path: _csv_text(columns).encode("utf-8")})
    return path


def _quoted(text: str) -> str:
    return '"' + str(text).replace('"', '""') + '"'


def _csv_cells(value) -> list:
    """A column as CSV fields: numbers in full (repr), NaN empty, booleans true/false, text quoted."""
    v = np.asarray(value)
    if v.dtype.kind == "b":
        return ["true" if x else "false" for x in v.tolist()]
    if v.dtype.kind in "iu":
        return list(map(str, v.tolist()))
    if v.dtype.kind == "f":
        cells = list(map(repr, v.tolist()))
        for k in np.flatnonzero(np.isnan(v)).tolist():  # only the undefined cells are visited
            cells[k] = ""
        return cells
    return [_quoted(x) for x in v.tolist()]


def _csv_text(columns: dict) -> str:
    header = ",".join(_quoted(column_label(name)) for name in columns)
    cells = [_csv_cells(v) for v in columns.values()]
    return "\n".join([header, *map(",".join, zip(*cells, strict=True))]) + "\n"


def _write_arrow(columns: dict, path: Path, kind: str) -> None:
    """Columns to a Parquet or CSV file through pyarrow (the ``[parquet]`` extra), streamed into a temporary
    file renamed into place: never the whole file in memory, and the numbers handed over without a copy."""
    from ._optional import require
    from .cache import atomic_path

    feature = "Parquet output (.parquet; .csv needs nothing more)"
    pa = require("pyarrow", feature)
    writer = require("pyarrow.parquet" if kind == "parquet" else "pyarrow.csv", feature)
    table = pa.Table.from_arrays(
        [_arrow_column(pa, np.asarray(value)) for value in columns.values()],
        names=[column_label(name) for name in columns],
    )
    with atomic_path(path) as tmp:
        if kind == "parquet":
            # Row groups of 2^17 rows: the writer holds one encoded group, not the file. No dictionary
            # pages: a sweep's outputs are all distinct, and trying costs ~3x the write (measured).
            writer.write_table(table, tmp, row_group_size=2**17, use_dictionary=False)
        else:
            writer.write_csv(table, tmp)


def _arrow_column(pa, v):
    """One column as an Arrow array built on numpy's buffers: ``pa.array`` would import pandas (~0.4 s and
    its memory) to check for pandas objects, and copy. NaN is a null; text is Arrow strings."""
    n = v.size
    if v.dtype == object or v.dtype.kind in "US":
        import pyarrow.compute as pc

        text, index = np.unique(v.astype(str), return_inverse=True)
        encoded = [t.encode("utf-8") for t in text.tolist()]  # the distinct texts only
        offsets = np.concatenate([[0], np.cumsum([len(b) for b in encoded])]).astype(np.int32)
        buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
        dictionary = pa.Array.from_buffers(pa.string(), len(encoded), buffers)
        return pc.take(dictionary, pa.Array.from_buffers(pa.int64(), n, [None, pa.py_buffer(index.astype(np.int64))]))
    if v.dtype.kind == "b":
        return pa.Array.from_buffers(pa.bool_(), n, [None, pa.py_buffer(np.packbits(v, bitorder="little"))])
    if v.dtype.kind == "f":
        v = np.ascontiguousarray(v, dtype=np.float64)
        missing = np.isnan(v)
        nulls = int(missing.sum())
        validity = pa.py_buffer(np.packbits(~missing, bitorder="little")) if nulls else None
        return pa.Array.from_buffers(pa.float64(), n, [validity, pa.py_buffer(v)], null_count=nulls)
    return pa.Array.from_buffers(pa.int64(), n, [None, pa.py_buffer(np.ascontiguousarray(v, dtype=np.int64))])


def read_table(path) -> dict:
    """Columns of a file :func:`write_table` wrote, keyed by ``name`` (units dropped from the labels)."""
    path = Path(path)
    parquet = path.suffix.lower() == ".parquet"
    try:
        from ._optional import require

        reader = require("pyarrow.parquet" if parquet else "pyarrow.csv", "reading Parquet files")
    except OrbitalInputError:
        if parquet:
            raise
        reader = None  # CSV without pyarrow: the csv module
    if reader is not None:
        table = reader.read_table(path) if parquet else reader.read_csv(path)
        out = {}
        for label in table.column_names:
            column = table.column(label)
            values = column.to_numpy(zero_copy_only=False)
            if column.null_count and values.dtype.kind != "f":
                values = values.astype(float)
            out[label.split(" [")[0]] = values
        return out
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    labels, cells = rows[0], list(zip(*rows[1:], strict=True)) if len(rows) > 1 else [()] * len(rows[0])
    return {label.split(" [")[0]: _csv_column(column) for label, column in zip(labels, cells, strict=True)}


def _csv_column(cells) -> np.ndarray:
    """A CSV column as booleans, integers, floats (empty: NaN) or text, the first that fits every cell."""
    if cells and all(c in ("true", "false") for c in cells):
        return np.array([c == "true" for c in cells])
    try:
        return np.fromiter(map(int, cells), np.int64, len(cells))
    except ValueError:
        pass
    try:
        return np.fromiter((float(c) if c else np.nan for c in cells), float, len(cells))
    except ValueError:
        return np.array(cells, dtype=object)


# --------------------------------------------------------------------------------------
# A sweep from axes to summary (``orbital sweep``)
# --------------------------------------------------------------------------------------


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


@dataclass(frozen=True, repr=False)
class Sweep(Report):
    """A swept trade space: its axes, every design point's outputs, and the summary ``orbital sweep`` prints.

    ``result`` holds the columns (inputs and :data:`OUTPUTS`, SI); ``to_frame()`` gives them as a
    pandas table and, for a grid, ``to_xarray()`` as an ``xarray.Dataset`` with one dimension per axis.
    """

    scenario_name: str
    axes: tuple
    design: str
    result: SweepResult
    seconds: float
    out: str | None = None

    _headline = ("points", "orbits", "feasible_fraction", "orbital_cheaper_fraction")

    def to_dict(self) -> dict:
        out = self.result.outputs
        n = len(self.result)
        ratio = np.where(out["feasible"], out["cost_ratio"], np.inf)
        best = int(np.argmin(ratio))
        table = self.result.inputs
        return {
            "scenario": self.scenario_name,
            "design": self.design,
            "points": n,
            "parameters": {a.name: {"spacing": a.spacing, "values": int(a.values.size)} for a in self.axes},
            "orbits": self.result.groups,
            "chunks": self.result.chunks,
            "resumed_chunks": self.result.resumed_chunks,
            "runner": self.result.runner,
            "seconds": self.seconds,
            "points_per_second": n / self.seconds if self.seconds > 0 else None,
            "feasible_fraction": float(np.mean(out["feasible"])),
            "orbital_cheaper_fraction": float(np.mean(out["orbital_cheaper"])),
            "lowest_cost_ratio": {
                "cost_ratio": float(ratio[best]),
                "lcoc_orbital": float(out["lcoc_orbital"][best]),
                "at": {name: _plain(table[name][best]) for name in table},
            },
            "out": self.out,
        }

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(
            f"orbital sweep: {r['scenario']} - {r['points']:,} design points ({r['design']}) in {r['seconds']:.2f} s "
            f"on {r['runner']}"
        )
        table.section(
            f"  {r['orbits']} orbit(s), {r['chunks']} chunk(s)"
            + (f", {r['resumed_chunks']} resumed from disk" if r["resumed_chunks"] else "")
        )
        table.section(
            f"  feasible {r['feasible_fraction']:.1%}; orbital cheaper than the ground in "
            f"{r['orbital_cheaper_fraction']:.1%}"
        )
        low = r["lowest_cost_ratio"]
        if np.isfinite(low["cost_ratio"]):
            at = ", ".join(f"{k} = {shown_value(k, v) if isinstance(v, float) else v}" for k, v in low["at"].items())
            table.section(
                f"  lowest cost ratio {low['cost_ratio']:.3g} (orbital {low['lcoc_orbital']:,.0f} USD/MWh) at {at}"
            )
        else:
            table.section("  no design point is feasible")
        if r["out"]:
            table.section(f"  wrote {r['out']}")
        return table

    def to_frame(self):
        """Every design point: inputs and outputs, columns ``name [unit]`` (pandas)."""
        return self.result.to_frame()

    def to_xarray(self):
        """A grid sweep as an ``xarray.Dataset``: one dimension per axis (coordinates in SI), one variable per
        output (``units`` in its attributes). Needs xarray (``pip install xarray``)."""
        if self.design != "grid":
            raise OrbitalInputError("to_xarray needs a grid sweep; a Latin hypercube has no grid (use to_frame)")
        try:
            import xarray as xr
        except ImportError:
            raise OrbitalInputError("to_xarray needs xarray: pip install xarray") from None
        shape = tuple(a.values.size for a in self.axes)
        dims = [a.name for a in self.axes]
        data = {
            name: (dims, np.asarray(value).reshape(shape), {"units": unit_of(name)})
            for name, value in self.result.outputs.items()
        }
        coords = {a.name: (a.name, a.values, {"units": unit_of(a.name)}) for a in self.axes}
        return xr.Dataset(data, coords=coords, attrs={"scenario": self.scenario_name})


@catalogs.scoped
def sweep(
    sc: Scenario,
    axes: list[Axis],
    samples=None,
    seed=0,
    out=None,
    cache=True,
    workers=None,
    scheduler=None,
    resume=False,
    progress=None,
    allow_large=False,
) -> Sweep:
    """Evaluate the whole chain over a grid of axes, or a Latin hypercube of their ranges (``orbital sweep``).

    Parameters
    ----------
    sc : Scenario
        Every parameter not swept comes from here.
    axes : list of Axis
        From :func:`parse_axis` (``section.key=start:stop:N``, ``start:stop:logN``, ``a,b,c``).
    samples : int, optional
        Latin-hypercube sample size (:func:`latin_hypercube`); default the full grid (:func:`grid`).
    seed : int
        Seed of the Latin hypercube.
    out : path, optional
        ``.parquet`` or ``.csv`` file for every design point (:func:`write_table`); finished chunks
        are kept beside it in ``<out>.partial/`` until the end, so ``resume=True`` can pick them up.
    cache, workers, scheduler, resume, progress, allow_large
        As :func:`run_table`; the size is checked (:func:`check_size`) before the table is built.

    Returns
    -------
    Sweep
    """
    import time

    if not axes:
        raise OrbitalInputError("give at least one --set section.key=start:stop:N (or a comma list)")
    options = work_options(out, resume)
    _check_distinct(axes)
    sizes = [a.values.size for a in axes]
    orbit_sizes = [a.values.size for a in axes if a.name not in VECTOR_KEYS]
    if samples:
        points = int(samples)
        ranged = any(a.spacing != "list" for a in axes if a.name not in VECTOR_KEYS)
        orbits = points if ranged else min(points, math.prod(orbit_sizes))
    else:
        points, orbits = math.prod(sizes), math.prod(orbit_sizes)
    # Before the table is built: its memory, and the orbits when they are too many to look up in the cache.
    check_size(points, len(axes), orbits if orbits > CACHE_LOOKUPS else 0, allow_large)
    table = latin_hypercube(axes, samples, seed) if samples else grid(axes)
    start = time.perf_counter()
    result = run_table(
        sc,
        table,
        cache=cache,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
        allow_large=allow_large,
        **options,
    )
    elapsed = time.perf_counter() - start
    if out is not None:
        write_table(result.columns, out)
    return Sweep(
        scenario_name=sc.name,
        axes=tuple(axes),
        design="latin-hypercube" if samples else "grid",
        result=result,
        seconds=elapsed,
        out=None if out is None else str(out),
    )


def _check_table_file(path):
    """Refuse, before any work, an output table that is not .parquet/.csv, is a directory, or cannot be written."""
    p = Path(path)
    if p.suffix.lower() not in (".parquet", ".csv"):
        raise OrbitalInputError(f"--out = {str(path)!r}: give a .parquet or .csv file")
    if p.is_dir():
        raise OrbitalInputError(f"--out = {str(path)!r} is a directory; give a .parquet or .csv file name")
    check_writable(p.parent)


def work_options(out, resume) -> dict:
    """``work_dir`` and ``resume`` of :func:`run_table` for an output file (chunks kept in ``<out>.partial``)."""
    if out is not None:
        _check_table_file(out)
        return {"work_dir": Path(out).with_name(Path(out).name + ".partial"), "resume": resume}
    if resume:
        raise OrbitalInputError("--resume needs --out (finished chunks are kept beside the output file)")
    return {}
