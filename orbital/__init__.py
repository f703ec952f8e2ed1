"""orbital: does AI compute belong in orbit? Physics of a megawatt in space against one on the ground.

Three entry points
------------------
1. A scenario in, both sides per MW out::

       from orbital import model
       result = model.run("baseline")        # a bundled name, a TOML file, or a Scenario
       result                                # the side-by-side table in a notebook
       result.to_frame(), result.to_dict()   # pandas / the JSON of ``orbital run --json``

2. Trade spaces and uncertainty: :func:`orbital.sweep.sweep` (grids and Latin hypercubes of
   millions of design points), :func:`orbital.uncertainty.monte_carlo`,
   :func:`orbital.uncertainty.sensitivity` (Sobol' and tornado),
   :func:`orbital.uncertainty.crossover`, :func:`orbital.optimize.optimize` and
   :func:`orbital.optimize.pareto`.
3. Figures and reports: :mod:`orbital.plots` (matplotlib ``Figure`` objects, ``ax=``, ``fig=``,
   ``title=False``; :func:`orbital.plots.write_figures`) and :func:`orbital.report.write_report`
   (one self-contained HTML or PDF file).

Each physics command of the CLI is one function of the module that owns the physics:
:func:`orbital.orbits.orbit_report`, :func:`orbital.solar.solar_report`,
:func:`orbital.thermal.thermal_report`, :func:`orbital.radiation.radiation_summary`,
:func:`orbital.launch.launch_report` / :func:`orbital.spacecraft.design_and_launch`,
:func:`orbital.downlink.link_summary`. Every result has ``to_dict()`` (the command's ``--json``),
a table (``str(result)``, ``_repr_html_``) and ``to_frame()``.

Modules, from the bottom up
---------------------------
physics (pure functions on SI floats, angles in degrees)
    :mod:`~orbital.orbits` (geometry, SGP4, sun, eclipses, J2, drag), :mod:`~orbital.environment`
    (Earth IR, albedo, view factors), :mod:`~orbital.solar`, :mod:`~orbital.thermal`,
    :mod:`~orbital.transport` (stopping powers, ranges), :mod:`~orbital.radiation`,
    :mod:`~orbital.heavy_ions` (cosmic-ray nuclei, LET, RPP upsets), :mod:`~orbital.launch`, :mod:`~orbital.downlink`,
    :mod:`~orbital.terrestrial`, :mod:`~orbital.hardware` (compute catalog)
the satellite
    :mod:`~orbital.spacecraft`: mass budget and sizing, where the physics modules meet
the composer
    :mod:`~orbital.model` with :mod:`~orbital.scenario` (scenario files)
analyses
    :mod:`~orbital.sweep`, :mod:`~orbital.uncertainty`, :mod:`~orbital.distributions`,
    :mod:`~orbital.optimize`
presentation
    :mod:`~orbital.results` (what every result shares), :mod:`~orbital.plots`, :mod:`~orbital.report`
command line
    :mod:`~orbital.cli` (nothing imports it)
support
    :mod:`~orbital.units`, :mod:`~orbital.errors`, :mod:`~orbital.constants`,
    :mod:`~orbital.catalogs`, :mod:`~orbital.cache`

``import orbital`` is cheap: submodules (and ``Orbit``, ``as_float``, ``as_time``) load when
first used.
"""

import importlib

from ._version import __version__
from .errors import OrbitalInputError, OrbitalWarning

_SUBMODULES = {
    "cache",
    "catalogs",
    "cli",
    "constants",
    "designs",
    "distributions",
    "downlink",
    "environment",
    "errors",
    "explain",
    "fleet",
    "hardware",
    "heavy_ions",
    "launch",
    "model",
    "optimize",
    "orbits",
    "plots",
    "radiation",
    "report",
    "results",
    "scenario",
    "solar",
    "spacecraft",
    "sweep",
    "terrestrial",
    "thermal",
    "transport",
    "uncertainty",
    "units",
}

#: Names re-exported from a submodule, loaded on first use.
_LAZY = {"Epoch": "units", "Orbit": "orbits", "as_float": "units", "as_time": "units"}

__all__ = ["Epoch", "Orbit", "OrbitalInputError", "OrbitalWarning", "__version__", "as_float", "as_time"]


def __getattr__(name):
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'orbital' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES | set(_LAZY))
