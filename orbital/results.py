"""What every typed result of the API shares: a JSON form, a table, and a pleasant notebook display.

Each API function returns a frozen dataclass that mixes in :class:`Report`:

- ``to_dict()`` is exactly what the command line prints with ``--json`` (keys carry their unit,
  ``altitude_km``, because a file has no docstring);
- ``table()`` is the readable table the command line prints, as a :class:`Table` (text with
  ``str``, HTML with ``to_html``), so the CLI, the HTML report and a notebook show the same rows;
- ``to_frame()`` is a one-column pandas ``DataFrame`` of the flattened ``to_dict()`` (index: the
  key, with nested keys joined by ``.``; the unit is the key's suffix, as in the JSON);
- ``repr`` is one short line with the headline numbers, and ``_repr_html_`` the table.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

__all__ = ["Report", "Table", "Written", "bit_rate", "clock", "flatten", "json_safe"]


class Table:
    """Aligned label/value rows under section headings, printable as text or HTML."""

    def __init__(self, title: str):
        self.title = title
        self.items: list[tuple] = []

    def section(self, heading: str) -> None:
        self.items.append((heading,))

    def row(self, label: str, value: str) -> None:
        self.items.append((label, value))

    def __str__(self) -> str:
        return "\n".join([self.title] + [f"  {i[0]:<30}{i[1]}" if len(i) == 2 else i[0] for i in self.items])

    def to_html(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{e(i[0])}</td><td>{e(i[1])}</td></tr>"
            if len(i) == 2
            else f"<tr><th colspan='2' style='text-align:left'><pre style='margin:0'>{e(i[0].strip())}</pre></th></tr>"
            for i in self.items
        )
        return f"<table><caption style='text-align:left'><b>{e(self.title)}</b></caption>{rows}</table>"


class Report:
    """Mixin of the package's result dataclasses (see the module docstring)."""

    #: ``to_dict()`` keys that ``repr`` shows.
    _headline: tuple = ()

    def to_dict(self) -> dict:  # pragma: no cover - every result defines it
        raise NotImplementedError

    def table(self) -> Table:
        """The table the command line prints; by default every flattened ``to_dict()`` entry."""
        table = Table(type(self).__name__)
        for key, value in flatten(self.to_dict()).items():
            table.row(key, _short(value))
        return table

    def to_text(self) -> str:
        return str(self.table())

    def to_json(self, indent=2) -> str:
        """``to_dict()`` as valid JSON: a non-finite number becomes null with a ``<key>_null_reason`` beside it."""
        import json

        return json.dumps(json_safe(self.to_dict()), indent=indent, allow_nan=False)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        d = flatten(self.to_dict())
        shown = ", ".join(f"{k}={_short(d[k])}" for k in self._headline if k in d)
        return f"{type(self).__name__}({shown})"

    def _repr_html_(self) -> str:
        return self.table().to_html()

    def to_frame(self):
        """One row per flattened ``to_dict()`` key, in a ``value`` column (pandas required)."""
        import pandas as pd

        d = flatten(self.to_dict())
        frame = pd.DataFrame({"value": pd.Series(list(d.values()), index=list(d), dtype=object)})
        frame.index.name = "quantity"
        return frame


@dataclass(frozen=True, repr=False)
class Written(Report):
    """The files a call wrote (``orbital plot``, ``orbital report``)."""

    paths: tuple

    def to_dict(self) -> dict:
        return {"files": [str(p) for p in self.paths]}

    def to_text(self) -> str:
        return "\n".join(str(p) for p in self.paths)

    def __repr__(self) -> str:
        return f"Written({', '.join(str(p) for p in self.paths)})"

    def __iter__(self):
        return iter(self.paths)

    def __len__(self):
        return len(self.paths)


def _reason(x: float) -> str:
    return "undefined (NaN)" if math.isnan(x) else ("infinite" if x > 0 else "minus infinite")


def json_safe(value):
    """A JSON value with every non-finite float replaced by null, and the reason beside it.

    In a mapping, ``key: inf`` becomes ``key: null`` and ``key_null_reason: "infinite"``; in a
    list, the entries become null and the list's own key gets a ``_null_reason`` counting them.
    JSON has no Infinity or NaN: this keeps every file readable by every parser.
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if isinstance(item, float) and not math.isfinite(item):
                out[key] = None
                out[f"{key}_null_reason"] = _reason(item)
            elif isinstance(item, (list, tuple)) and _non_finite(item):
                bad = _non_finite(item)
                out[key] = json_safe(list(item))
                kinds = sorted({_reason(x) for x in bad})
                out[f"{key}_null_reason"] = f"{len(bad)} entries are null: {', '.join(kinds)}"
            else:
                out[key] = json_safe(item)
        return out
    if isinstance(value, (list, tuple)):
        return [None if isinstance(x, float) and not math.isfinite(x) else json_safe(x) for x in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _non_finite(items) -> list:
    return [x for x in items if isinstance(x, float) and not math.isfinite(x)]


def flatten(d: dict, prefix: str = "") -> dict:
    """Nested dictionaries flattened to ``outer.inner`` keys; lists and scalars kept as they are."""
    out = {}
    for key, value in d.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def _short(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if math.isfinite(value) else str(value)
    if isinstance(value, list):
        return f"[{len(value)} values]"
    return str(value)


def clock(hours: float) -> str:
    """``HH:MM`` of a local time in hours."""
    minutes = int(round(hours * 60)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def bit_rate(bps: float) -> str:
    """A data rate with its prefix: ``1.2 Gbps``."""
    for unit, scale in (("Tbps", 1e12), ("Gbps", 1e9), ("Mbps", 1e6)):
        if bps >= scale:
            return f"{bps / scale:.3g} {unit}"
    return f"{bps / 1e3:.3g} kbps"
