"""The package's dated data files (``orbital/data/*.toml``) and the user's additions to them.

One loader and one lookup for all modules. A scenario (``[scenario] catalogs``) or the command line
(``--catalog FILE``) may add or override entries of the catalogs in :data:`EXTENDABLE` from a TOML
file whose tables are named after the catalog, each entry in the bundled file's format, e.g.::

    [servers.my-rack]
    description = "..."
    accelerator = "b200-class"
    ...
    sources = ["vendor datasheet, 2026"]

:func:`read_user_catalog` checks such a file (every field the bundled entries have, of the same
type, finite numbers, a source); :func:`using` puts the checked entries in front of the bundled
ones for the duration of a ``with`` block (a context variable: no global state changes).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import tomllib
from importlib import resources
from pathlib import Path

from .errors import OrbitalInputError

#: Catalogs a user file may extend: its table name -> (data file, group inside the file or None).
EXTENDABLE = {
    "servers": ("servers.toml", None),
    "accelerators": ("accelerators.toml", None),
    "solar_cells": ("solar_cells.toml", None),
    "batteries": ("batteries.toml", None),
    "coatings": ("coatings.toml", None),
    "radiators": ("radiators.toml", ("panel", "loop")),
    "launch_vehicles": ("launch_vehicles.toml", None),
    "ground_stations": ("ground_stations.toml", None),
    "link_terminals": ("link_terminals.toml", None),
}

STATUSES = ("published", "secondary", "derived", "mixed", "projection", "assumed")
_OPTIONAL = {"notes", "field_status", "status"}
_OVERLAY: contextvars.ContextVar[dict | None] = contextvars.ContextVar("orbital_catalog_overlay", default=None)


@functools.cache
def _bundled(filename: str) -> dict:
    return tomllib.loads(resources.files("orbital").joinpath(f"data/{filename}").read_text("utf-8"))


def load(filename: str) -> dict:
    """The data file ``orbital/data/<filename>`` (parsed once per process), with the entries of any
    user catalog in effect (:func:`using`) in front of the bundled ones."""
    extra = (_OVERLAY.get() or {}).get(filename)
    if not extra:
        return _bundled(filename)
    merged = {k: dict(v) if isinstance(v, dict) else v for k, v in _bundled(filename).items()}
    for group, entries in extra.items():
        if group is None:
            merged.update(entries)
        else:
            merged[group] = {**merged.get(group, {}), **entries}
    return merged


def lookup(kind: str, name: str, table: dict) -> dict:
    """Entry ``name`` of a catalog table; an unknown name raises, listing the known ones."""
    if name not in table:
        raise OrbitalInputError(f"{kind} = {name!r} is not in the catalog; known: {', '.join(sorted(table))}")
    return table[name]


@contextlib.contextmanager
def using(overlay: dict | None):
    """Within the block, :func:`load` returns the bundled catalogs with ``overlay``'s entries
    (``{data file: {group or None: {name: entry}}}``, from :func:`read_user_catalog`) in front."""
    if not overlay:
        yield
        return
    token = _OVERLAY.set(overlay)
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def scoped(func):
    """Run an API function whose first argument is a scenario within that scenario's user catalogs."""

    @functools.wraps(func)
    def wrapper(sc, *args, **kwargs):
        with using(getattr(sc, "catalog", None)):
            return func(sc, *args, **kwargs)

    return wrapper


def combine(*overlays: dict) -> dict:
    """Several overlays in order (a later file's entry replaces an earlier one's)."""
    out: dict = {}
    for overlay in overlays:
        for filename, groups in (overlay or {}).items():
            for group, entries in groups.items():
                out.setdefault(filename, {}).setdefault(group, {}).update(entries)
    return out


def read_user_catalog(path, base: dict | None = None) -> dict:
    """Read and check a user catalog file; returns its overlay for :func:`using`.

    Each entry must have every field the bundled entries of its catalog all have (an entry that
    overrides a bundled one of the same name may leave fields out: they keep the bundled values),
    each of the same type, numbers finite, a non-empty ``sources`` list and, if given, a ``status``
    in :data:`STATUSES`. ``base`` is an overlay read before this one (a server may name an
    accelerator it adds). Errors name the file, the ``[catalog.entry]`` and the field.
    """
    path = Path(path)
    try:
        table = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise OrbitalInputError(f"catalog file {path}: not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OrbitalInputError(f"catalog file {path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise OrbitalInputError(f"catalog file {path}: not valid TOML ({exc})") from None
    overlay: dict = {}
    for name, content in table.items():
        if name not in EXTENDABLE:
            raise OrbitalInputError(
                f"{path}: [{name}] is not a catalog that can be extended; known: {', '.join(EXTENDABLE)}"
            )
        filename, groups = EXTENDABLE[name]
        if not isinstance(content, dict):
            raise OrbitalInputError(f"{path}: [{name}] must be a table of entries")
        parts = {None: content} if groups is None else content
        for group, entries in parts.items():
            if groups is not None and group not in groups:
                raise OrbitalInputError(f"{path}: [{name}.{group}] unknown group; known: {', '.join(groups)}")
            if not isinstance(entries, dict):
                raise OrbitalInputError(f"{path}: [{name}.{group}] must be a table of entries")
            bundled = _bundled(filename) if group is None else _bundled(filename)[group]
            where = name if group is None else f"{name}.{group}"
            for entry_name, entry in entries.items():
                checked = _check_entry(path, f"{where}.{entry_name}", entry, bundled, bundled.get(entry_name))
                overlay.setdefault(filename, {}).setdefault(group, {})[entry_name] = checked
    _check_references(path, combine(base or {}, overlay), overlay)
    return overlay


def _check_entry(path, where, entry, bundled: dict, original: dict | None) -> dict:
    if not isinstance(entry, dict):
        raise OrbitalInputError(f"{path}: [{where}] must be a table of fields")
    entries = list(bundled.values())
    required = set.intersection(*(set(e) for e in entries)) - _OPTIONAL - {"sources", "source"}
    known = set.union(*(set(e) for e in entries)) | _OPTIONAL | {"sources"}
    for field in entry:
        if field not in known:
            raise OrbitalInputError(
                f"{path}: [{where}] {field}: unknown field; known: {', '.join(sorted(known - {'source'}))}"
            )
    sources = entry.get("sources")
    if not (isinstance(sources, list) and sources and all(isinstance(s, str) and s.strip() for s in sources)):
        raise OrbitalInputError(
            f"{path}: [{where}] sources: every entry needs a non-empty list of sources (paper, report or datasheet "
            "with its year)"
        )
    missing = sorted(required - set(entry) - set(original or {}))
    if missing:
        raise OrbitalInputError(f"{path}: [{where}] missing field(s): {', '.join(missing)}")
    if "status" in entry and entry["status"] not in STATUSES:
        raise OrbitalInputError(f"{path}: [{where}] status = {entry['status']!r}: must be one of {', '.join(STATUSES)}")
    for field, value in entry.items():
        example = next((e[field] for e in entries if field in e), None)
        _check_type(path, where, field, value, example)
    merged = {**(original or {}), **entry}
    if original is not None and "notes" not in entry:
        merged.pop("notes", None)
    return merged


def _check_type(path, where, field, value, example) -> None:
    def bad(kind):
        raise OrbitalInputError(f"{path}: [{where}] {field} = {value!r}: must be {kind}")

    if isinstance(example, bool):
        if not isinstance(value, bool):
            bad("true or false")
    elif isinstance(example, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            bad("a whole number >= 0")
    elif isinstance(example, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            bad("a finite number")
    elif isinstance(example, str):
        if not isinstance(value, str):
            bad("a string")
    elif isinstance(example, list):
        if not isinstance(value, list):
            bad("a list")
    elif isinstance(example, dict) and not isinstance(value, dict):
        bad("a table")


#: Fields that must be positive (a unit of hardware with no power or mass is not hardware).
_POSITIVE = {
    "servers.toml": ("accelerators", "power_kw", "typical_power_kw", "mass_kg", "pflops_bf16", "domain"),
    "accelerators.toml": ("tid_limit_rad", "beam_energy_mev"),
    "batteries.toml": ("specific_energy_wh_per_kg", "rated_cycles"),
}
_FRACTIONS = {
    "servers.toml": ("chassis_fraction",),
    "solar_cells.toml": ("efficiency", "packing_factor"),
    "coatings.toml": ("absorptance", "emittance"),
    "batteries.toml": ("rated_depth_of_discharge", "charge_efficiency", "discharge_efficiency"),
}


def _check_references(path, overlay_all: dict, overlay: dict) -> None:
    """Ranges the consumers rely on, and a server's accelerator naming a known entry."""
    for filename, groups in overlay.items():
        for group, entries in groups.items():
            for name, entry in entries.items():
                stem = filename.removesuffix(".toml")
                where = f"{stem}.{name}" if group is None else f"{stem}.{group}.{name}"
                for field in _POSITIVE.get(filename, ()):
                    if field in entry and not entry[field] > 0:
                        raise OrbitalInputError(f"{path}: [{where}] {field} = {entry[field]!r}: must be > 0")
                for field in _FRACTIONS.get(filename, ()):
                    if field in entry and not 0 <= entry[field] <= 1:
                        raise OrbitalInputError(f"{path}: [{where}] {field} = {entry[field]!r}: must be in [0, 1]")
                if filename == "servers.toml":
                    chips = {**_bundled("accelerators.toml"), **overlay_all.get("accelerators.toml", {}).get(None, {})}
                    if entry["accelerator"] not in chips:
                        raise OrbitalInputError(
                            f"{path}: [{where}] accelerator = {entry['accelerator']!r} is not in the accelerator "
                            f"catalog; known: {', '.join(sorted(chips))}"
                        )
