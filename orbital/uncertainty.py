"""Uncertainty: Monte Carlo percentiles, Sobol' indices, tornado swings and the crossover year.

The distributions come from a scenario's ``[uncertainty]`` section
(:mod:`orbital.distributions`). Only parameters the orbit physics does not
depend on can be uncertain (:data:`orbital.sweep.VECTOR_KEYS`): every sample
then reuses one cached orbit, and 100,000 samples are one vectorized call of
the composer. Orbit parameters are swept (``orbital sweep``) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import catalogs, hardware, launch, sweep
from .errors import OrbitalInputError
from .results import Report, Table
from .scenario import Scenario

__all__ = [
    "PERCENTILES",
    "MonteCarlo",
    "Sobol",
    "Crossover",
    "Sensitivity",
    "crossover",
    "monte_carlo",
    "sensitivity",
    "sobol",
    "sobol_indices",
    "tornado",
]

#: The percentiles Monte Carlo reports.
PERCENTILES = (10, 50, 90)

#: Outputs summarised by Monte Carlo and offered to Sobol' and the tornado.
SUMMARY_OUTPUTS = (
    "cost_ratio",
    "lcoc_orbital",
    "lcoc_terrestrial",
    "mass",
    "capex_orbital",
    "goodput_orbital",
    "break_even_launch_price",
)


def _uncertain(sc: Scenario) -> dict:
    if not sc.uncertainty:
        raise OrbitalInputError(
            f"{sc.path or sc.name}: the scenario has no [uncertainty] section; give distributions, e.g. "
            '"launch.price_per_kg" = { distribution = "lognormal", median = "500 USD/kg", sigma = 0.7 }'
        )
    for name in sc.uncertainty:
        if name not in sweep.VECTOR_KEYS:
            raise OrbitalInputError(
                f"{sc.path or sc.name}: [uncertainty] {name} changes the orbit physics; sample only parameters "
                "that do not (costs, prices, temperatures, rates, the shield) and sweep orbits with orbital sweep"
            )
    return dict(sc.uncertainty)


def _draws(distributions: dict, u: np.ndarray) -> dict:
    """Parameter values for uniform draws ``u`` (rows x parameters), kept inside (0, 1)."""
    u = np.clip(u, 1e-12, 1.0 - 1e-12)  # ppf(0) of an unbounded normal is -inf
    return {name: dist.ppf(u[:, j]) for j, (name, dist) in enumerate(distributions.items())}


# --------------------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class MonteCarlo(Report):
    """Samples, their outputs, and the summary (``orbital mc``).

    ``percentiles``: output -> {10: P10, 50: P50, 90: P90, "mean": ...} over the
    feasible samples (a break-even price over the samples that have one);
    ``probability_orbital_cheaper``: the share of all samples where the orbit's
    levelized cost is below the ground's. ``result`` holds every sample
    (``to_frame()`` gives them as a pandas table); ``seconds`` the wall time;
    ``out`` the file the samples were written to.
    """

    samples: int
    seed: int
    result: sweep.SweepResult
    percentiles: dict
    probability_orbital_cheaper: float
    feasible_fraction: float
    scenario_name: str = ""
    distributions: dict = field(default_factory=dict)
    seconds: float = 0.0
    out: str | None = None

    _headline = ("samples", "probability_orbital_cheaper", "percentiles.cost_ratio.50")

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_name,
            "samples": self.samples,
            "seed": self.seed,
            "seconds": self.seconds,
            "uncertain": {name: {"distribution": d.kind, **d.params} for name, d in self.distributions.items()},
            "percentiles": self.percentiles,
            "probability_orbital_cheaper": self.probability_orbital_cheaper,
            "feasible_fraction": self.feasible_fraction,
            "out": self.out,
        }

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(
            f"orbital mc: {r['scenario']} - {r['samples']:,} samples (seed {r['seed']}) in {r['seconds']:.2f} s"
        )
        table.section(f"  uncertain: {', '.join(r['uncertain'])}")
        table.section(f"  {'output':26}{'P10':>12}{'P50':>12}{'P90':>12}{'mean':>12}  unit")
        for name, row in r["percentiles"].items():
            if row is None:
                table.section(f"  {name:26}{'(none)':>12}")
                continue
            cells = "".join(f"{row[p]:>12,.4g}" for p in (10, 50, 90, "mean"))
            extra = f"  ({row['samples']:,} samples have one)" if row["samples"] < r["samples"] else ""
            table.section(f"  {name:26}{cells}  {sweep.unit_of(name)}{extra}")
        table.section(f"  probability the orbit is cheaper: {r['probability_orbital_cheaper']:.2%}")
        if r["feasible_fraction"] < 1:
            table.section(f"  feasible samples: {r['feasible_fraction']:.2%} (percentiles are over these)")
        if r["out"]:
            table.section(f"  wrote {r['out']}")
        return table

    def to_frame(self):
        """Every sample: drawn inputs and outputs, columns ``name [unit]`` (pandas)."""
        return self.result.to_frame()


@catalogs.scoped
def monte_carlo(
    sc: Scenario, samples: int, seed=0, cache=True, progress=None, out=None, resume=False, **run_options
) -> MonteCarlo:
    """Draw the scenario's uncertain parameters ``samples`` times and run the chain on each draw.

    The draws are a function of the seed alone (numpy's PCG64, one uniform per
    parameter and sample, by inverse CDF): the same seed gives the same numbers.
    With ``out`` (``.parquet`` or ``.csv``) every sample is written there
    (:func:`orbital.sweep.write_table`); ``run_options`` are those of
    :func:`orbital.sweep.run_table` (``workers``, ``scheduler``).
    """
    import time

    distributions = _uncertain(sc)
    samples = int(samples)
    if samples < 1:
        raise OrbitalInputError(f"--samples = {samples} must be >= 1")
    run_options.update(sweep.work_options(out, resume))
    sweep.check_size(samples, len(distributions), 1, run_options.get("allow_large", False), "Monte Carlo")
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    table = _draws(distributions, rng.random((samples, len(distributions))))
    result = sweep.run_table(sc, table, cache=cache, progress=progress, **run_options)
    outputs = result.outputs
    feasible = outputs["feasible"]
    summary = {}
    for name in SUMMARY_OUTPUTS:
        values = outputs[name][feasible & ~np.isnan(outputs[name])]
        if values.size == 0:
            summary[name] = None
            continue
        row = {p: float(v) for p, v in zip(PERCENTILES, np.percentile(values, PERCENTILES), strict=True)}
        row["mean"] = float(np.mean(values))
        row["samples"] = int(values.size)
        summary[name] = row
    elapsed = time.perf_counter() - start
    if out is not None:
        sweep.write_table(result.columns, out)
    return MonteCarlo(
        samples=samples,
        seed=int(seed),
        result=result,
        percentiles=summary,
        probability_orbital_cheaper=float(np.mean(outputs["orbital_cheaper"])),
        feasible_fraction=float(np.mean(feasible)),
        scenario_name=sc.name,
        distributions=dict(sc.uncertainty),
        seconds=elapsed,
        out=None if out is None else str(out),
    )


# --------------------------------------------------------------------------------------
# Sobol' indices
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sobol:
    """First-order (S1) and total-order (ST) indices with their bootstrap 95 % half-widths.

    ``base_samples`` is N of Saltelli's scheme (N (d + 2) model runs); it doubled until
    every total-order half-width was within ``target`` (or ``max_base_samples`` was reached:
    ``converged`` says which).
    """

    names: list
    output: str
    first: np.ndarray
    first_conf: np.ndarray
    total: np.ndarray
    total_conf: np.ndarray
    base_samples: int
    runs: int
    target: float
    converged: bool


def sobol_indices(
    func, distributions: dict, output="y", seed=0, target=0.05, base_samples=512, max_base_samples=65536, progress=None
) -> Sobol:
    """Sobol' indices of ``func(table) -> array`` over independent distributions, with SALib.

    Saltelli's sampling (a scrambled Sobol' sequence, no second-order terms) in
    the unit hypercube is mapped through each distribution's inverse CDF, so any
    of the [uncertainty] distributions works. N doubles until the bootstrap 95 %
    confidence half-width of every total-order index is at most ``target``.

    References
    ----------
    Saltelli et al., Comput. Phys. Commun. 181, 259 (2010) (estimators); Herman &
    Usher, SALib, JOSS 2, 97 (2017).
    """
    from ._optional import require

    analyze = require("SALib.analyze.sobol", "Sobol' sensitivity (orbital sensitivity)")
    sample = require("SALib.sample.sobol", "Sobol' sensitivity (orbital sensitivity)")

    names = list(distributions)
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    n = int(base_samples)
    if n < 2 or n & (n - 1):
        raise OrbitalInputError(f"base samples = {n} must be a power of two >= 2 (Sobol' sequence balance)")
    while True:
        u = sample.sample(problem, n, calc_second_order=False, seed=seed)
        draws = _draws(distributions, u)
        y = np.asarray(func(draws), dtype=float)
        bad = ~np.isfinite(y)
        if np.any(bad):
            first = int(np.flatnonzero(bad)[0])
            example = ", ".join(f"{k} = {v[first]:.4g}" for k, v in draws.items())
            raise OrbitalInputError(
                f"{np.count_nonzero(bad):,} of {y.size:,} Sobol' runs give no finite {output} (a design that "
                f"cannot be built or has no useful compute, e.g. at {example} in SI): bound the distributions "
                "(low/high) or pick another output"
            )
        si = analyze.analyze(  # SALib ignores a seed of 0 (`if seed:`): shift it so every seed is repeatable
            problem,
            y,
            calc_second_order=False,
            num_resamples=200,
            conf_level=0.95,
            seed=seed + 1,
            print_to_console=False,
        )
        converged = bool(np.max(si["ST_conf"]) <= target)
        if progress:
            steps = int(np.log2(max_base_samples // int(base_samples))) + 1
            step = int(np.log2(n // int(base_samples))) + 1
            progress(step, steps, f"N = {n:,}: largest ST half-width {np.max(si['ST_conf']):.3f}")
        if converged or 2 * n > max_base_samples:
            break
        n *= 2
    return Sobol(
        names=names,
        output=output,
        first=np.asarray(si["S1"]),
        first_conf=np.asarray(si["S1_conf"]),
        total=np.asarray(si["ST"]),
        total_conf=np.asarray(si["ST_conf"]),
        base_samples=n,
        runs=int(y.size),
        target=float(target),
        converged=converged,
    )


def sobol(sc: Scenario, output="cost_ratio", seed=0, target=0.05, cache=True, **options) -> Sobol:
    """Sobol' indices of a chain output over the scenario's [uncertainty] distributions."""
    if output not in sweep.OUTPUTS:
        raise OrbitalInputError(f"--output = {output!r} is not an output; known: {', '.join(sweep.OUTPUTS)}")

    def chain(table):
        return sweep.run_table(sc, table, cache=cache, workers=0).outputs[output]

    return sobol_indices(chain, _uncertain(sc), output, seed, target, **options)


# --------------------------------------------------------------------------------------
# Tornado
# --------------------------------------------------------------------------------------


def _base_value(sc: Scenario, name: str, dist):
    """The value the scenario itself runs with (a catalog-derived price where the key is unset)."""
    section, _, key = name.partition(".")
    value = sc.values[section][key]
    if value is not None:
        return float(value)
    if name == "compute.hardware_price":
        return hardware.fleet_price_per_watt(sc.compute)
    if name == "launch.price_per_kg":
        vehicle = launch.vehicle(sc.launch.vehicle)
        year = {} if sc.launch.year is None else {"year": sc.launch.year, **launch.world_cadence(sc.launch)}
        return float(launch.launch_price(vehicle, **year)) / vehicle.capacity_reference
    return float(dist.ppf(0.5))


def tornado(sc: Scenario, output="cost_ratio", low=10, high=90, cache=True) -> dict:
    """One-at-a-time swings: each uncertain parameter at its P``low`` and P``high``, the others at the scenario's.

    A parameter the scenario leaves unset sits at the value the scenario runs with
    (the vehicle's list price per kg, the server's price per W) when the others swing.

    Returns
    -------
    dict
        ``base`` (the output at the base values), ``swings``: name -> {low value,
        high value, output at each}, sorted by the size of the swing (largest first).
    """
    if output not in sweep.OUTPUTS:
        raise OrbitalInputError(f"--output = {output!r} is not an output; known: {', '.join(sweep.OUTPUTS)}")
    if not 0 <= low < high <= 100:
        raise OrbitalInputError(f"percentiles {low}, {high} must satisfy 0 <= low < high <= 100")
    distributions = _uncertain(sc)
    names = list(distributions)
    base = {name: _base_value(sc, name, d) for name, d in distributions.items()}
    rows = 1 + 2 * len(names)
    table = {name: np.full(rows, base[name]) for name in names}
    for j, name in enumerate(names):
        table[name][1 + 2 * j] = distributions[name].ppf(low / 100.0)
        table[name][2 + 2 * j] = distributions[name].ppf(high / 100.0)
    y = sweep.run_table(sc, table, cache=cache, workers=0).outputs[output]
    swings = {
        name: {
            "low_value": float(table[name][1 + 2 * j]),
            "high_value": float(table[name][2 + 2 * j]),
            "output_at_low": float(y[1 + 2 * j]),
            "output_at_high": float(y[2 + 2 * j]),
        }
        for j, name in enumerate(names)
    }
    order = sorted(swings, key=lambda k: -abs(swings[k]["output_at_high"] - swings[k]["output_at_low"]))
    return {
        "output": output,
        "percentiles": (low, high),
        "base": float(y[0]),
        "base_values": base,
        "swings": {k: swings[k] for k in order},
    }


# --------------------------------------------------------------------------------------
# Sensitivity: Sobol' indices and the tornado together (``orbital sensitivity``)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Sensitivity(Report):
    """Sobol' indices and one-at-a-time swings of one output over the [uncertainty] distributions.

    ``indices`` from :func:`sobol`, ``swings`` from :func:`tornado`; ``figures`` lists the
    files figures of them were written to, if any.
    """

    scenario_name: str
    indices: Sobol
    swings: dict
    figures: tuple = ()

    _headline = ("output", "base_samples", "converged")

    def to_dict(self) -> dict:
        si = self.indices
        return {
            "scenario": self.scenario_name,
            "output": si.output,
            "base_samples": si.base_samples,
            "runs": si.runs,
            "target": si.target,
            "converged": si.converged,
            "sobol": {
                name: {
                    "S1": float(si.first[j]),
                    "S1_conf": float(si.first_conf[j]),
                    "ST": float(si.total[j]),
                    "ST_conf": float(si.total_conf[j]),
                }
                for j, name in enumerate(si.names)
            },
            "tornado": self.swings,
            "figures": [str(f) for f in self.figures],
        }

    def table(self) -> Table:
        r = self.to_dict()
        state = "converged" if r["converged"] else "NOT converged (raise the cap or narrow the distributions)"
        table = Table(f"orbital sensitivity: {r['scenario']} - Sobol' indices of {r['output']} with SALib")
        table.section(
            f"  N = {r['base_samples']:,} ({r['runs']:,} runs); total-order 95 % half-widths <= {r['target']:g}: "
            f"{state}"
        )
        table.section(f"  {'parameter':34}{'S1':>8}{'± 95%':>8}{'ST':>8}{'± 95%':>8}")
        for name, row in sorted(r["sobol"].items(), key=lambda kv: -kv[1]["ST"]):
            table.section(f"  {name:34}{row['S1']:>8.3f}{row['S1_conf']:>8.3f}{row['ST']:>8.3f}{row['ST_conf']:>8.3f}")
        t = r["tornado"]
        table.section(
            f"  tornado (P{t['percentiles'][0]} / P{t['percentiles'][1]}, others at base; base {t['base']:.4g}):"
        )
        for name, w in t["swings"].items():
            table.section(
                f"    {name:32}{w['output_at_low']:>10.4g} at {sweep.shown_value(name, w['low_value']):>16}"
                f"{w['output_at_high']:>10.4g} at {sweep.shown_value(name, w['high_value']):>16}"
            )
        for f in r["figures"]:
            table.section(f"  wrote {f}")
        return table


@catalogs.scoped
def sensitivity(sc: Scenario, output="cost_ratio", seed=0, target=0.05, cache=True, progress=None) -> Sensitivity:
    """Sobol' indices (:func:`sobol`) and the P10/P90 tornado (:func:`tornado`) of an output."""
    indices = sobol(sc, output, seed, target, cache=cache, progress=progress)
    return Sensitivity(sc.name, indices, tornado(sc, output, cache=cache))


# --------------------------------------------------------------------------------------
# Crossover year
# --------------------------------------------------------------------------------------

#: Parameters the trends move, with the trend rate that moves them.
TRENDS = {
    "compute.hardware_price": "trends.hardware_price_change",
    "launch.bus_cost": "trends.bus_cost_change",
    "terrestrial.electricity_price": "trends.electricity_price_change",
}


@dataclass(frozen=True, repr=False)
class Crossover(Report):
    """Levelized costs by year and the first year the orbit is cheaper (``orbital crossover``).

    ``year`` is the deterministic crossover (None if none by ``years[-1]``);
    with samples, ``band`` holds P10/P50/P90 of the crossover year over the
    samples that cross, ``never_fraction`` the share that do not, and
    ``lcoc_band`` the P10/P50/P90 of both sides' costs in each year. Costs in
    USD/MWh, launch prices in USD/kg to the vehicle's reference orbit.
    ``figure`` is the file a figure of it was written to, if any.
    """

    years: np.ndarray
    lcoc_orbital: np.ndarray
    lcoc_terrestrial: np.ndarray
    launch_price_per_kg: np.ndarray
    year: float | None
    samples: int
    band: dict | None
    never_fraction: float | None
    lcoc_band: dict | None
    scenario_name: str = ""
    trends: dict = field(default_factory=dict)
    figure: str | None = None

    _headline = ("year", "samples", "never_fraction")

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_name,
            "year": self.year,
            "years": self.years.tolist(),
            "lcoc_orbital_usd_per_mwh": self.lcoc_orbital.tolist(),
            "lcoc_terrestrial_usd_per_mwh": self.lcoc_terrestrial.tolist(),
            "launch_price_usd_per_kg": self.launch_price_per_kg.tolist(),
            "samples": self.samples,
            "band": self.band,
            "never_fraction": self.never_fraction,
            "trends": dict(self.trends),
            "figure": self.figure,
        }

    def table(self) -> Table:
        r = self.to_dict()
        years, t = r["years"], r["trends"]
        table = Table(
            f"orbital crossover: {r['scenario']} - launch on Wright's law, hardware "
            f"{t['hardware_price_change']:+.1%}/yr, bus {t['bus_cost_change']:+.1%}/yr, electricity "
            f"{t['electricity_price_change']:+.1%}/yr"
        )
        table.section(f"  {'year':>6}{'launch USD/kg':>15}{'orbital':>12}{'ground':>12}  USD/MWh")
        step = max(1, len(years) // 12)
        for i in list(range(0, len(years), step)) + ([len(years) - 1] if (len(years) - 1) % step else []):
            table.section(
                f"  {years[i]:>6.0f}{r['launch_price_usd_per_kg'][i]:>15,.0f}"
                f"{r['lcoc_orbital_usd_per_mwh'][i]:>12,.0f}{r['lcoc_terrestrial_usd_per_mwh'][i]:>12,.0f}"
            )
        table.section(
            f"  crossover: {r['year']:.0f}" if r["year"] is not None else f"  crossover: none by {years[-1]:.0f}"
        )
        if r["samples"]:
            band = r["band"]
            table.section(
                f"  {r['samples']:,} samples: "
                + (
                    f"P10 {band[10]:.0f}, P50 {band[50]:.0f}, P90 {band[90]:.0f} among those that cross; "
                    if band
                    else ""
                )
                + f"{r['never_fraction']:.1%} never cross by {years[-1]:.0f}"
            )
        if r["figure"]:
            table.section(f"  wrote {r['figure']}")
        return table


def _first_crossing(years, ratio):
    """First year with ratio < 1 along the last axis (inf where none)."""
    below = ratio < 1.0
    first = np.argmax(below, axis=-1)
    return np.where(np.any(below, axis=-1), years[first], np.inf)


def _trend_table(sc: Scenario, years: np.ndarray, draws: dict) -> dict:
    """Rows (sample, year): the learning-curve launch price in each year, and trending prices."""
    samples = next(iter(draws.values())).size if draws else 1
    t0 = sc.trends.start_year
    table = {name: np.repeat(np.asarray(value, dtype=float), years.size) for name, value in draws.items()}
    table["launch.year"] = np.tile(years, samples)
    elapsed = table["launch.year"] - t0
    for name, rate_name in TRENDS.items():
        section, _, key = name.partition(".")
        base = sc.values[section][key]
        if name == "compute.hardware_price" and base is None:
            base = hardware.fleet_price_per_watt(sc.compute)
        base = table.pop(name) if name in table else np.full(elapsed.size, float(base))
        rate_section, _, rate_key = rate_name.partition(".")
        rate = table.pop(rate_name) if rate_name in table else sc.values[rate_section][rate_key]
        if np.any(np.asarray(rate) <= -1.0):
            raise OrbitalInputError(f"{rate_name} must be > -1 (a price cannot fall by 100 % or more a year)")
        table[name] = base * (1.0 + rate) ** elapsed
    for rate_name in TRENDS.values():
        table.pop(rate_name, None)
    return table


@catalogs.scoped
def crossover(sc: Scenario, samples=0, seed=0, cache=True, progress=None) -> Crossover:
    """The first year the orbital levelized cost of compute beats the terrestrial one.

    Each year from ``[trends] start_year`` to ``end_year`` launches at the
    learning-curve price of that year (Wright's law, :func:`orbital.launch.launch_price`
    with ``year``), hardware and spacecraft build cost and the electricity price
    change at their ``[trends]`` rates. With ``samples``, the [uncertainty]
    distributions (trend rates included) give a band.
    """
    t = sc.trends
    first_year = launch.LEARNING_CURVE["year"]
    if t.start_year < first_year:
        raise OrbitalInputError(
            f"[trends] start_year = {t.start_year:g} is before the learning curve's {first_year:.0f} anchor"
        )
    if t.end_year <= t.start_year or t.end_year > 2200:
        raise OrbitalInputError(
            f"[trends] end_year = {t.end_year:g} must be after start_year = {t.start_year:g} and by 2200"
        )
    years = np.arange(np.ceil(t.start_year), np.floor(t.end_year) + 1.0)
    out = sweep.run_table(sc, _trend_table(sc, years, {}), cache=cache, workers=0).outputs
    deterministic = _first_crossing(years, out["cost_ratio"])
    price = (
        launch.launch_price(launch.vehicle(sc.launch.vehicle), year=years, **launch.world_cadence(sc.launch))
        / launch.vehicle(sc.launch.vehicle).capacity_reference
    )
    band = never = lcoc_band = None
    if samples:
        names = [n for n in _uncertain_or_empty(sc) if n != "launch.price_per_kg" and n != "launch.year"]
        distributions = {n: sc.uncertainty[n] for n in names}
        rng = np.random.default_rng(seed)
        draws = _draws(distributions, rng.random((int(samples), len(distributions))))
        if not draws:
            raise OrbitalInputError("crossover --samples needs an [uncertainty] section (trend rates, prices, ...)")
        sampled = sweep.run_table(sc, _trend_table(sc, years, draws), cache=cache, workers=0, progress=progress).outputs
        ratio = sampled["cost_ratio"].reshape(int(samples), years.size)
        crossing = _first_crossing(years, ratio)
        crossed = crossing[np.isfinite(crossing)]
        never = float(np.mean(~np.isfinite(crossing)))
        band = (
            {p: float(v) for p, v in zip(PERCENTILES, np.percentile(crossed, PERCENTILES), strict=True)}
            if crossed.size
            else None
        )
        lcoc_band = {
            side: {
                p: np.percentile(sampled[f"lcoc_{side}"].reshape(int(samples), years.size), p, axis=0)
                for p in PERCENTILES
            }
            for side in ("orbital", "terrestrial")
        }
    return Crossover(
        years=years,
        lcoc_orbital=out["lcoc_orbital"],
        lcoc_terrestrial=out["lcoc_terrestrial"],
        launch_price_per_kg=np.asarray(price),
        year=None if not np.isfinite(deterministic) else float(deterministic),
        samples=int(samples),
        band=band,
        never_fraction=never,
        lcoc_band=lcoc_band,
        scenario_name=sc.name,
        trends=dict(sc.trends),
    )


def _uncertain_or_empty(sc: Scenario) -> dict:
    return _uncertain(sc) if sc.uncertainty else {}
