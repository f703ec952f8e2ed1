"""The package's dated data files (``orbital/data/*.toml``): one loader and one lookup for all modules."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from .errors import OrbitalInputError


@functools.cache
def load(filename: str) -> dict:
    """The parsed TOML data file ``orbital/data/<filename>`` (read once per process)."""
    return tomllib.loads(resources.files("orbital").joinpath(f"data/{filename}").read_text("utf-8"))


def lookup(kind: str, name: str, table: dict) -> dict:
    """Entry ``name`` of a catalog table; an unknown name raises, listing the known ones."""
    if name not in table:
        raise OrbitalInputError(f"{kind} = {name!r} is not in the catalog; known: {', '.join(sorted(table))}")
    return table[name]
