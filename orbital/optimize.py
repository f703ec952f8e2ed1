"""Design optimization on the vectorized chain: the cheapest design within bounds, and Pareto fronts.

The chain is piecewise (whole satellites per launch, infeasible designs at ∞),
so gradients mislead; :func:`optimize` uses scipy's differential evolution,
which evaluates its whole population in one vectorized call of the composer
(``vectorized=True``) and is reproducible for a seed. Every design it tries
goes through the same range checks as a scenario, so the optimum lies inside
every model's validity range (a bound outside it is an error before the search).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from . import catalogs, sweep
from .errors import OrbitalInputError, OrbitalWarning
from .results import Report, Table
from .scenario import Scenario

__all__ = [
    "OBJECTIVES",
    "Optimum",
    "ParetoFront",
    "objective_column",
    "optimize",
    "parse_bounds",
    "pareto",
    "pareto_front",
]

#: Objectives: name -> the output minimised.
OBJECTIVES = {
    "lcoc": "lcoc_orbital",
    "ratio": "cost_ratio",
    "mass": "mass",
    "capex": "capex_orbital",
    "co2": "co2_orbital",
}


def parse_bounds(text: str) -> sweep.Axis:
    """``section.key=low:high`` (or ``low:high:log``) for :func:`optimize` and a Pareto sweep."""
    name, sep, spec = text.partition("=")
    parts = spec.split(":")
    if not sep or len(parts) not in (2, 3) or (len(parts) == 3 and parts[2].strip().lower() != "log"):
        raise OrbitalInputError(f"--vary {text!r}: expected section.key=low:high or low:high:log")
    spacing = "log2" if len(parts) == 3 else "2"
    return sweep.parse_axis(f"{name}={parts[0]}:{parts[1]}:{spacing}")


def objective_column(name: str) -> str:
    if name in OBJECTIVES:
        return OBJECTIVES[name]
    if name in sweep.OUTPUTS and name not in ("feasible", "orbital_cheaper"):
        return name
    raise OrbitalInputError(
        f"objective {name!r} is not known; known: {', '.join(OBJECTIVES)} (or an output: {', '.join(sweep.OUTPUTS)})"
    )


def _check_axes(axes: list[sweep.Axis]):
    if not axes:
        raise OrbitalInputError("give at least one --vary section.key=low:high")
    for a in axes:
        if a.spacing == "list" or a.name not in sweep.VECTOR_KEYS:
            raise OrbitalInputError(
                f"--vary {a.name}: give a numeric range low:high of a parameter that does not change the orbit "
                "physics (sweep orbits with orbital sweep)"
            )


def _evaluator(sc: Scenario, axes, cache):
    lows = np.array([a.low for a in axes])
    highs = np.array([a.high for a in axes])
    log = np.array([a.spacing == "log" for a in axes])

    def to_values(x):  # x: parameters x points, in the unit cube
        x = np.atleast_2d(x)
        lin = lows[:, None] + x * (highs - lows)[:, None]
        lg = np.exp(np.log(np.where(log, lows, 1.0))[:, None] + x * np.log(np.where(log, highs / lows, 1.0))[:, None])
        return {a.name: np.where(log[j], lg[j], lin[j]) for j, a in enumerate(axes)}

    def outputs(x):
        with warnings.catch_warnings():  # designs with no goodput simply lose; they are not the user's input
            warnings.simplefilter("ignore", OrbitalWarning)
            return sweep.run_table(sc, to_values(x), cache=cache, workers=0).outputs

    return to_values, outputs


@dataclass(frozen=True, repr=False)
class Optimum(Report):
    """The cheapest design found: its parameters (SI), outputs, and which bounds it sits on (``orbital optimize``).

    ``value`` and ``baseline`` are the objective at the optimum and for the scenario as given,
    in the unit of its output column (:func:`orbital.sweep.unit_of`).
    """

    objective: str
    value: float
    parameters: dict
    outputs: dict
    at_bound: dict
    evaluations: int
    baseline: float
    scenario_name: str = ""

    _headline = ("objective", "value", "baseline")

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_name,
            "objective": self.objective,
            "value": self.value,
            "baseline": self.baseline,
            "parameters": self.parameters,
            "at_bound": self.at_bound,
            "outputs": self.outputs,
            "evaluations": self.evaluations,
        }

    def table(self) -> Table:
        column = self.objective
        unit = sweep.unit_of(objective_column(column))
        table = Table(
            f"orbital optimize: {self.scenario_name} - minimum {column}: {self.value:,.4g} {unit} "
            f"(scenario as given: {self.baseline:,.4g}) after {self.evaluations:,} designs"
        )
        for name, value in self.parameters.items():
            bound = "  (at its bound)" if self.at_bound[name] else ""
            table.section(f"  {name:34}{sweep.shown_value(name, value):>18}{bound}")
        o = self.outputs
        table.section(
            f"  orbital {o['lcoc_orbital']:,.0f} vs ground {o['lcoc_terrestrial']:,.0f} USD/MWh "
            f"(ratio {o['cost_ratio']:.3g}), {o['mass']:.1f} kg/kW, dose {o['dose']:.3g} rad/yr"
        )
        return table


@dataclass(frozen=True, repr=False)
class ParetoFront(Report):
    """The non-dominated designs of a Latin-hypercube sweep (``orbital optimize --pareto``).

    ``columns`` holds the front's rows (every input and output, SI); ``sampled`` every
    sampled design (for a figure of the front against the cloud); ``front`` the indices of
    the front's rows in ``sampled``. ``out`` and ``figure`` are the files written, if any.
    """

    scenario_name: str
    objectives: tuple
    axes: tuple
    samples: int
    sampled: dict
    front: np.ndarray
    out: str | None = None
    figure: str | None = None

    _headline = ("pareto", "samples")

    @property
    def columns(self) -> dict:
        return {name: np.asarray(value)[self.front] for name, value in self.sampled.items()}

    def to_dict(self) -> dict:
        columns = self.columns
        names = [objective_column(o) for o in self.objectives]
        order = np.argsort(columns[names[0]])
        return {
            "scenario": self.scenario_name,
            "pareto": list(self.objectives),
            "samples": self.samples,
            "front": [
                {**{a.name: float(columns[a.name][i]) for a in self.axes}, **{n: float(columns[n][i]) for n in names}}
                for i in order
            ],
            "out": self.out,
            "figure": self.figure,
        }

    def table(self) -> Table:
        r = self.to_dict()
        names = list(r["front"][0]) if r["front"] else []
        table = Table(
            f"orbital optimize: {r['scenario']} - non-dominated designs in {', '.join(r['pareto'])} "
            f"from {r['samples']:,} Latin-hypercube samples: {len(r['front'])}"
        )
        table.section("  " + "".join(f"{n:>30}" for n in names))
        for row in r["front"][:40]:
            table.section("  " + "".join(f"{sweep.shown_value(n, row[n]):>30}" for n in names))
        if len(r["front"]) > 40:
            table.section(f"  ... {len(r['front']) - 40} more in the output file")
        for f in (r["out"], r["figure"]):
            if f:
                table.section(f"  wrote {f}")
        return table

    def to_frame(self):
        """The front's designs, every input and output, columns ``name [unit]`` (pandas)."""
        import pandas as pd

        return pd.DataFrame({sweep.column_label(n): v for n, v in self.columns.items()})


@catalogs.scoped
def pareto(sc: Scenario, axes: list[sweep.Axis], objectives, samples=4096, seed=0, out=None, cache=True) -> ParetoFront:
    """The non-dominated designs in ``objectives`` (each minimised) of a Latin hypercube of the axes' ranges.

    Parameters
    ----------
    sc : Scenario
    axes : list of Axis
        From :func:`parse_bounds`.
    objectives : sequence of str
        Two or more of :data:`OBJECTIVES` or output names.
    samples, seed : int
        Latin-hypercube size and seed.
    out : path, optional
        Write the front's rows (``.parquet`` or ``.csv``).
    """
    if not axes:
        raise OrbitalInputError("give at least one --vary section.key=low:high")
    if out is not None:
        sweep.work_options(out, False)  # the file's suffix checked before any work
    objectives = tuple(objectives)
    table = sweep.latin_hypercube(axes, samples, seed)
    result = sweep.run_table(sc, table, cache=cache, workers=0)
    front = ParetoFront(
        sc.name,
        objectives,
        tuple(axes),
        int(samples),
        result.columns,
        pareto_front(result.columns, objectives),
        None if out is None else str(out),
    )
    if out is not None:
        sweep.write_table(front.columns, out)
    return front


@catalogs.scoped
def optimize(
    sc: Scenario, axes: list[sweep.Axis], objective="lcoc", seed=0, cache=True, maxiter=60, progress=None
) -> Optimum:
    """Minimise an output over parameter ranges (``start:stop:N`` axes; N is ignored, log ranges search in log).

    Parameters
    ----------
    sc : Scenario
        Every parameter not varied comes from here.
    axes : list of Axis
        From :func:`orbital.sweep.parse_axis` (``--vary``).
    objective : str
        :data:`OBJECTIVES` key or an output name.
    seed : int
        Differential evolution's seed: the same seed finds the same optimum.
    progress : callable, optional
        ``progress(k, maxiter, step)`` after each generation.
    """
    from scipy.optimize import differential_evolution

    _check_axes(axes)
    column = objective_column(objective)
    to_values, outputs = _evaluator(sc, axes, cache)
    corners = np.array(np.meshgrid(*[[0.0, 1.0]] * len(axes), indexing="ij")).reshape(len(axes), -1)
    outputs(corners)  # the bounds themselves through every range check, before the search
    evaluations = 0

    def cost(x):
        nonlocal evaluations
        y = outputs(x)[column]
        evaluations += np.atleast_2d(x).shape[1]
        # Infeasible designs lose; 1e100 squared (the population spread) stays finite.
        return np.where(np.isfinite(y), y, 1e100)

    found = differential_evolution(
        cost,
        [(0.0, 1.0)] * len(axes),
        seed=seed,
        vectorized=True,
        updating="deferred",
        polish=False,
        maxiter=maxiter,
        popsize=32,
        tol=1e-8,
        callback=None if progress is None else _reporter(progress, maxiter),
    )
    best = np.asarray(found.x)[:, None]
    values = {k: float(v[0]) for k, v in to_values(best).items()}
    out = {k: v[0].item() for k, v in outputs(best).items()}
    if not np.isfinite(out[column]):
        raise OrbitalInputError(f"no feasible design within the bounds (every {objective} is infinite)")
    base = sweep.run_table(sc, {}, cache=cache, workers=0).outputs[column][0]
    return Optimum(
        objective=objective,
        value=float(out[column]),
        parameters=values,
        outputs=out,
        at_bound={
            a.name: bool(np.isclose(best[j, 0], 0.0) or np.isclose(best[j, 0], 1.0, atol=1e-6))
            for j, a in enumerate(axes)
        },
        evaluations=evaluations,
        baseline=float(base),
        scenario_name=sc.name,
    )


def _reporter(progress, maxiter):
    generation = 0

    def report(intermediate_result):
        nonlocal generation
        generation += 1
        progress(generation, maxiter, f"generation {generation}, best {intermediate_result.fun:,.6g}")

    return report


def pareto_front(columns: dict, objectives: tuple) -> np.ndarray:
    """Indices of the non-dominated feasible rows when every objective is minimised.

    Two objectives: one sort and a running minimum (O(n log n)); more: a scan
    that drops every point some other point dominates (O(n²), for the few
    thousand points of a Pareto sweep).
    """
    names = [objective_column(o) for o in objectives]
    if len(names) < 2:
        raise OrbitalInputError("--pareto needs two or more objectives, e.g. lcoc,mass")
    values = np.column_stack([np.asarray(columns[n], dtype=float) for n in names])
    ok = np.flatnonzero(np.all(np.isfinite(values), axis=1) & np.asarray(columns.get("feasible", True)))
    v = values[ok]
    if len(names) == 2:
        order = np.lexsort((v[:, 1], v[:, 0]))
        best_second = np.minimum.accumulate(v[order, 1])
        keep = np.r_[True, v[order[1:], 1] < best_second[:-1]]
        return ok[order[keep]]
    dominated = np.zeros(len(v), dtype=bool)
    for i in range(len(v)):
        if dominated[i]:
            continue
        worse = np.all(v >= v[i], axis=1) & np.any(v > v[i], axis=1)
        dominated |= worse
    return ok[~dominated]
