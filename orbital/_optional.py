"""Optional dependencies: each feature that needs one says which extra installs it.

``pip install orbital-dc`` gives everything the main job needs; Parquet files (``[parquet]``), dask
clusters (``[scale]``), Sobol' indices (``[sensitivity]``) and ITU-R propagation at stations outside
the shipped table (``[itu]``) and the browser explorer (``[explore]``) come with extras.
"""

from __future__ import annotations

import importlib

from .errors import OrbitalInputError

#: Top-level module -> the extra that installs it.
EXTRAS = {
    "pyarrow": "parquet",
    "dask": "scale",
    "distributed": "scale",
    "SALib": "sensitivity",
    "itur": "itu",
    "bokeh": "explore",
}


def require(module: str, feature: str):
    """Import ``module`` (e.g. ``"SALib.sample.sobol"``) for ``feature``, or raise an input error naming
    the extra to install (the command line's exit 2, no traceback)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise OrbitalInputError(
            f"{feature} needs the optional package {top}: pip install 'orbital-dc[{EXTRAS[top]}]'"
        ) from None
