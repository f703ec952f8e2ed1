"""The self-contained report of a scenario: HTML with its figures embedded, or PDF.

One file with the scenario summary, the side-by-side results (the table :class:`orbital.model.Result`
defines), every figure of :mod:`orbital.plots`, every assumption with its value, origin and
source, and the physics behind the orbital side.
"""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

from . import cache, catalogs, hardware, model, plots
from .cache import write_all_atomically
from .constants import JULIAN_YEAR
from .errors import OrbitalInputError
from .results import Written, clock
from .scenario import SCHEMA, Scenario

__all__ = ["REPORT_FORMATS", "write_report"]

REPORT_FORMATS = ("html", "pdf")


def _assumptions(sc: Scenario, derived: dict):
    """One row per scenario parameter: section, key, value as written, SI value, SI unit, origin, source."""
    from .units import as_float

    rows = []
    where = f"set in {sc.path.name}" if sc.path else "set in the scenario"
    for section, keys in SCHEMA.items():
        for key, spec in keys.items():
            value, source = sc.values[section][key], spec.source
            if key in sc.given.get(section, {}):
                # The user's value: its source is the user, not the default's reference.
                shown, origin, source = sc.given[section][key], "given", where
            elif key in derived.get(section, {}):
                shown, origin = derived[section][key], "derived by the composer"
                value = as_float(shown, spec.unit or "", name=f"[{section}] {key}")
            else:
                shown, origin = spec.default, "default"
            if value is None:
                si = ""
            elif hasattr(value, "isot"):
                si = value.isot
            elif isinstance(value, float):
                si = f"{value:.6g}"
            else:
                si = str(value)
            shown = "(not set)" if shown is None else ("(empty)" if shown == "" else str(shown))
            rows.append((section, key, shown, si, spec.unit or "", origin, source))
    return rows


#: Units of the nested physics quantities in the report (the flat ones carry theirs in their names).
_PHYSICS_UNITS = {
    "link.contact_minutes_per_day": "min/day",
    "link.passes_per_day": "1/day",
    "link.data_rate": "bit/s",
    "link.daily_volume": "byte/day",
    "link.round_trip_latency": "s",
    "link.mean_wait_for_contact": "s",
    "link.terrestrial_round_trip_latency": "s",
    "link.isl_capacity": "bit/s",
    "radiation_environment.dose_per_year": "rad(Si)/yr",
    "radiation_environment.proton_flux": "cm⁻² s⁻¹ above 10 MeV",
    "radiation_environment.saa_fraction": "-",
    "radiation_environment.cosmic_ray_dose": "rad(Si)/yr",
    "sunlight.sunlit_fraction": "-",
    "sunlight.eclipse_days": "day",
    "sunlight.max_eclipse_s": "s",
}


def _physics_rows(result):
    """(quantity, value, unit) for every physics number behind the orbital side, nested ones flattened."""
    from .results import flatten

    def shown(value):
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.4g}"
        if isinstance(value, list):
            return ", ".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in value)
        return str(value)

    rows = []
    for key, value in flatten(result.physics).items():
        if key.startswith("mass_budget_kg_per_kw."):
            rows.append((f"mass budget: {key.split('.', 1)[1]}", shown(value), "kg/kW"))
        else:
            rows.append((key, shown(value), _PHYSICS_UNITS.get(key, "")))
    return rows


def _cost_rows(result):
    """(item, orbital, terrestrial, unit): every line of both sides' lifetime cost (PV per MW), capital items
    with the share of their price the study bears, then each side's total."""
    sides = (result.orbital, result.terrestrial)
    items = {}
    for side in sides:
        items.update(dict.fromkeys(side.lifetime_cost_breakdown_usd_per_mw))

    def cell(side, item):
        value = side.lifetime_cost_breakdown_usd_per_mw.get(item)
        if value is None:
            return "-"
        kind, _, name = item.partition(": ")
        share = side.capital_share.get(name, 1.0) if kind == "capex" else 1.0
        return f"{value:,.0f}" + (f" (x{share:.3f})" if share != 1.0 else "")

    rows = [(item, *(cell(side, item) for side in sides), "USD/MW") for item in items]
    rows.append(("total", *(f"{side.lifetime_cost_usd_per_mw:,.0f}" for side in sides), "USD/MW"))
    return rows


def _workload_text(sc: Scenario, replica) -> str:
    w = sc.workload
    training = (
        f"training jobs of {w.job_it_power / 1e6:g} MW, {w.checkpoint_time:g} s checkpoints, "
        f"{w.restart_time / 60:g} min restarts"
    )
    inference = f"inference replicas of {replica} accelerators, {w.recovery_time / 60:g} min recovery"
    if w.kind == "training":
        return training
    if w.kind == "inference":
        return inference
    return f"{w.training_share:.0%} {training}; the rest {inference}"


def _summary_rows(sc: Scenario, result):
    """The scenario in a few lines: what flies where, on what, against what."""
    o, p = model.scenario_orbit(sc), result.physics
    orbit = f"{plots.orbit_label(o)}" + (
        f", sun-synchronous, LTAN {clock(sc.orbit.ltan)}" if sc.orbit.sun_synchronous else ""
    )
    ground = sc.terrestrial.power_source + (
        f" at {sc.terrestrial.site}" if sc.terrestrial.power_source == "solar-storage" else ""
    )
    return [
        ("Orbit", orbit),
        (
            "Compute",
            f"{sc.compute.it_power / 1e6:g} MW of {hardware.fleet_label(sc.compute)} "
            f"({hardware.fleet_accelerator(sc.compute)}), "
            f"{sc.compute.satellite_it_power / 1e3:g} kW per satellite",
        ),
        (
            "Spacecraft",
            f"{p['satellites']:,} satellites of {p['satellite_mass_kg']:,.0f} kg, {p['satellites_per_launch']} "
            f"per launch",
        ),
        (
            "Launch",
            f"{sc.launch.vehicle}: {p['launches']:,} launches at {p['launch_price_usd'] / 1e6:,.1f} M USD "
            f"({p['price_per_kg_reference']:,.0f} USD/kg to its reference orbit)",
        ),
        (
            "Workload",
            _workload_text(
                sc,
                result.derived.get("workload", {}).get("replica_accelerators")
                or (
                    "each system's own domain"
                    if sc.workload.replica_accelerators is None
                    else f"{sc.workload.replica_accelerators:g}"
                ),
            ),
        ),
        (
            "Maintenance",
            f"{sc.maintenance.strategy} (cheapest: {p['maintenance']['cheapest']}), "
            f"{p['hardware_failures_per_accelerator_year']:.1%}/yr of the hardware and "
            f"{sc.maintenance.satellite_failure_rate:.2%}/yr of the satellites lost without repair",
        ),
        ("Ground", f"{ground}, PUE {sc.terrestrial.pue:g}"),
        ("Finance", f"{sc.finance.lifetime / JULIAN_YEAR:g}-year life, {sc.finance.discount_rate:.0%} discount rate"),
    ]


@catalogs.scoped
def write_report(sc: Scenario, path, fmt="html", progress=None) -> Written:
    """Write a self-contained report (HTML with embedded figures, or PDF) for a scenario, atomically.

    Parameters
    ----------
    sc : Scenario
    path : path
        The report file.
    fmt : {"html", "pdf"}
    progress : callable, optional
        ``progress(k, n, step)`` before each figure.

    Returns
    -------
    orbital.results.Written
        The file written.
    """
    from . import __version__

    if fmt not in REPORT_FORMATS:
        raise OrbitalInputError(f"format = {fmt!r} is not one of: {', '.join(REPORT_FORMATS)}")
    path = Path(path)
    if path.is_dir():
        raise OrbitalInputError(f"report path {str(path)!r} is a directory; give a file name such as report.{fmt}")
    cache.check_writable(path.parent)
    png = {}  # HTML: each figure encoded as soon as it is drawn

    def encode(name, fig):
        png[name] = plots.figure_bytes(fig, "png", dpi=plots.SCREEN_DPI)

    figures = plots.render(sc, progress=progress, on_figure=encode if fmt == "html" else None)
    result = model.run(sc)  # from the disk cache render has just filled
    walks = _walks(sc)
    drawn = {f"explain:{name}": plots.explain_chart(w) for name, w in walks.items() if not isinstance(w, str)}
    if fmt == "html":
        png.update({name: plots.figure_bytes(fig, "png", dpi=plots.SCREEN_DPI) for name, fig in drawn.items()})
    else:
        figures.update(drawn)
    assumptions = _assumptions(sc, result.derived)
    results = [tuple(row) for row in result.rows()]
    verdict = result.verdict()
    if progress:
        progress(len(figures), len(figures), f"writing {path.name}")
    if fmt == "pdf":
        blob = _pdf(sc, result, figures, assumptions, results, verdict, __version__, walks)
    else:
        blob = _html(sc, result, png, assumptions, results, verdict, __version__, walks).encode("utf-8")
    write_all_atomically({path: blob})
    return Written((path,))


def _walks(sc) -> dict:
    """The attributions the report shows: the scenario against parity (the walk to its most favourable
    sourced values, with the drivers in words) and, if it names one, the walk to its reference scenario.
    A walk that cannot be composed (a mixture that cannot be built) is left out with its reason."""
    from . import explain

    walks = {}
    try:
        walks["parity"] = explain.drivers(sc)
    except OrbitalInputError as exc:
        walks["parity"] = str(exc)
    if sc.scenario.reference:
        try:
            walks["reference"] = explain.explain(sc, sc.scenario.reference)
        except OrbitalInputError as exc:
            walks["reference"] = str(exc)
    return walks


def _walk_rows(walk) -> list:
    return [
        (g, f"{walk.shapley['cost_ratio'][g]:+.3g}", f"{walk.waterfall['cost_ratio'][g]:+.3g}")
        for g in walk.ranked()
        if walk.shapley["cost_ratio"][g] != 0.0 or walk.waterfall["cost_ratio"][g] != 0.0
    ]


def _table(header, rows, numeric=()):
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='num'>{e(str(c))}</td>" if k in numeric else f"<td>{e(str(c))}</td>" for k, c in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return f"<table><tr>{head}</tr>\n{body}</table>"


def _walk_title(name, walk) -> str:
    if name == "parity":
        return "Against parity: the most favourable sourced value of each group"
    return f"From this scenario to {walk.b if not isinstance(walk, str) else 'its reference'}"


def _html(sc, result, png, assumptions, results, verdict, version, walks) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>orbital report: {e(sc.name)}</title>",
        "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:1050px;margin:2em auto;color:#222;}"
        "table{border-collapse:collapse;font-size:0.85em;margin:1em 0;}"
        "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;}"
        "th{background:#f0f0f0;} td.num{text-align:right;} figure{margin:1.5em 0;} img{max-width:100%;}"
        "figcaption{font-size:0.9em;color:#444;} .small{font-size:0.8em;color:#555;}</style></head><body>",
        f"<h1>orbital report: {e(sc.name)}</h1>",
        f"<p>{e(sc.scenario.description)}</p>",
        f"<p><strong>{e(verdict)}</strong></p>",
        f"<p class='small'>orbital {e(version)}; scenario file {e(str(sc.path or '(built in code)'))}; "
        "all costs per MW of IT load.</p>",
        "<h2 id='scenario'>Scenario</h2>",
        _table(("", ""), _summary_rows(sc, result)),
        "<h2 id='results'>Results</h2>",
        _table(("Metric", "Orbital", "Terrestrial", "Unit"), results, numeric=(1, 2)),
        "<h2 id='lifetime-cost-by-item'>Lifetime cost by item</h2>"
        "<p class='small'>Present value over the study per MW of IT load: "
        "capital items at the share of their price the study bears (shown where it is not 1), opex "
        "discounted, credits negative.</p>",
        _table(("Item", "Orbital", "Terrestrial", "Unit"), _cost_rows(result), numeric=(1, 2)),
        "<h2 id='what-drives-this-answer'>What drives this answer</h2>"
        "<p class='small'>The change of the cost ratio attributed to groups of "
        "keys (orbital explain): Shapley values average every order of the steps; the waterfall walks the groups "
        "in order.</p>",
    ]
    for name, walk in walks.items():
        parts.append(f"<h3>{e(_walk_title(name, walk))}</h3>")
        if isinstance(walk, str):
            parts.append(f"<p class='small'>Not shown: {e(walk)}</p>")
            continue
        parts += [f"<p>{e(line[0].upper() + line[1:])}.</p>" for line in walk.drivers]
        parts.append(_table(("Group", "Shapley", "Waterfall"), _walk_rows(walk), numeric=(1, 2)))
        data = base64.b64encode(png[f"explain:{name}"]).decode("ascii")
        parts.append(
            f"<figure><img alt='{e(_walk_title(name, walk))}' src='data:image/png;base64,{data}'>"
            f"<figcaption>{e(_walk_title(name, walk))}: the sequential walk and the Shapley values of the cost "
            f"ratio, {walk.values['cost_ratio'][0]:.3g} to {walk.values['cost_ratio'][1]:.3g}.</figcaption></figure>"
        )
    parts.append("<h2 id='figures'>Figures</h2>")
    for k, name in enumerate([n for n in plots.FIGURES if n in png], start=1):
        data = base64.b64encode(png[name]).decode("ascii")
        caption = plots.FIGURES[name][0]
        parts.append(
            f"<figure id='{e(name)}'><img alt='{e(caption)}' src='data:image/png;base64,{data}'>"
            f"<figcaption>Figure {k} ({e(name)}). {e(caption)}.</figcaption></figure>"
        )
    parts += [
        "<h2 id='assumptions'>Assumptions</h2>"
        "<p class='small'>Every scenario parameter: as written (or its default), in SI units, "
        "and where the number comes from.</p>",
        _table(("Section", "Key", "Value", "SI value", "SI unit", "Origin", "Source"), assumptions, numeric=(3,)),
        "<h2 id='physics-behind-the-orbital-side'>Physics behind the orbital side</h2>",
        _table(("Quantity", "Value", "Unit"), _physics_rows(result), numeric=(1,)),
        f"<p class='small'>Generated by orbital {e(version)}.</p></body></html>",
    ]
    # A table of contents after the title block: every section, and the figures by number.
    sections = re.findall(r"<h2 id='([^']+)'>([^<]+)</h2>", "\n".join(parts))
    figures = [n for n in plots.FIGURES if n in png]
    items = []
    for slug, title in sections:
        entry = f"<li><a href='#{slug}'>{title}</a>"
        if slug == "figures":
            entry += (
                "<ol>" + "".join(f"<li><a href='#{e(n)}'>{e(plots.FIGURES[n][0])}</a></li>" for n in figures) + "</ol>"
            )
        items.append(entry + "</li>")
    toc = "<nav class='small'><strong>Contents</strong><ol>" + "".join(items) + "</ol></nav>"
    parts.insert(parts.index(next(p for p in parts if p.startswith("<h2 id='scenario'>"))), toc)
    return "\n".join(parts)


def _pdf(sc, result, figures, assumptions, results, verdict, version, walks) -> bytes:
    """The report as a typeset PDF (A4): a title block with the verdict, tables with aligned numeric
    columns, the figures two to a page with numbered captions, the assumptions with their sources, and
    page numbers."""
    from matplotlib.backends.backend_pdf import PdfPages

    doc = _Document(f"orbital report: {sc.name}", f"orbital {version}")
    doc.title(
        f"orbital report: {sc.name}",
        sc.scenario.description,
        verdict,
        f"orbital {version}; scenario file {sc.path or '(built in code)'}; all costs per MW of IT load.",
    )
    doc.heading("Scenario")
    doc.table(("", ""), _summary_rows(sc, result), widths=(0.18, 0.82))
    doc.heading("Results")
    doc.table(("Metric", "Orbital", "Terrestrial", "Unit"), results, widths=(0.4, 0.2, 0.2, 0.2), numeric=(1, 2))
    doc.heading("Lifetime cost by item")
    doc.paragraph(
        "Present value over the study per MW of IT load: capital items at the share of their price the "
        "study bears, opex discounted, credits negative."
    )
    doc.table(
        ("Item", "Orbital", "Terrestrial", "Unit"), _cost_rows(result), widths=(0.46, 0.19, 0.19, 0.16), numeric=(1, 2)
    )
    doc.heading("What drives this answer")
    for name, walk in walks.items():
        doc.subheading(_walk_title(name, walk))
        if isinstance(walk, str):
            doc.paragraph(f"Not shown: {walk}")
            continue
        for line in walk.drivers:
            doc.paragraph(line[0].upper() + line[1:] + ".")
        doc.table(("Group", "Shapley", "Waterfall"), _walk_rows(walk), widths=(0.5, 0.25, 0.25), numeric=(1, 2))
    doc.heading("Physics behind the orbital side")
    doc.table(("Quantity", "Value", "Unit"), _physics_rows(result), widths=(0.6, 0.2, 0.2), numeric=(1,))
    doc.new_page()
    doc.heading("Figures")
    names = [n for n in plots.FIGURES if n in figures] + [n for n in figures if n not in plots.FIGURES]
    for k, name in enumerate(names, start=1):
        caption = plots.FIGURES[name][0] if name in plots.FIGURES else name
        doc.figure(figures[name], f"Figure {k} ({name}). {caption}.")
    doc.new_page()
    doc.heading("Assumptions")
    doc.paragraph(
        "Every scenario parameter: as written (or its default), in SI units, its origin and where the "
        "number comes from."
    )
    rows = [
        (f"[{section}] {key}", shown, " ".join(x for x in (si, unit) if x), origin, source)
        for section, key, shown, si, unit, origin, source in assumptions
    ]
    doc.table(("Key", "Value", "SI", "Origin", "Source"), rows, widths=(0.22, 0.16, 0.14, 0.1, 0.38), size=6.5)
    buffer = io.BytesIO()
    metadata = {"Title": f"orbital report: {sc.name}", "Creator": f"orbital {version}"}
    with PdfPages(buffer, metadata=metadata) as pdf:
        for page in doc.finish():
            pdf.savefig(page)
    return buffer.getvalue()


class _Document:
    """A4 pages filled top-down with blocks (title, headings, paragraphs, tables, figures); a block that
    does not fit starts a new page, and every page gets a footer with its number."""

    WIDTH, HEIGHT = 8.27, 11.69  # inches
    LEFT, RIGHT, TOP, BOTTOM = 0.8, 0.8, 0.8, 0.9

    def __init__(self, title, creator):
        self.pages, self.footer = [], f"{title}  ·  {creator}"
        self.new_page()

    def new_page(self):
        from matplotlib.figure import Figure

        if self.pages and self.y == self.HEIGHT - self.TOP:
            return  # the current page is still empty
        self.pages.append(Figure(figsize=(self.WIDTH, self.HEIGHT)))
        self.y = self.HEIGHT - self.TOP

    @property
    def text_width(self):
        return self.WIDTH - self.LEFT - self.RIGHT

    def _room(self, height):
        if self.y - height < self.BOTTOM:
            self.new_page()

    def _text(self, x, y, text, **style):
        self.pages[-1].text(x / self.WIDTH, y / self.HEIGHT, text, va="top", **style)

    def _wrap(self, text, width_in, size, em=0.52):
        import textwrap

        chars = max(8, int(width_in * 72 / (em * size)))  # ~0.52 em per character in DejaVu Sans, 0.6 bold
        return textwrap.wrap(str(text), chars) or [""]

    def title(self, title, description, verdict, provenance):
        from matplotlib.patches import Rectangle

        self._text(self.LEFT, self.y, title, fontsize=18, weight="bold")
        self.y -= 0.45
        self.paragraph(description, size=10)
        lines = self._wrap(verdict, self.text_width - 0.3, 10, em=0.62)
        box = 0.2 * len(lines) + 0.2
        self.pages[-1].patches.append(
            Rectangle(
                (self.LEFT / self.WIDTH, (self.y - box) / self.HEIGHT),
                self.text_width / self.WIDTH,
                box / self.HEIGHT,
                transform=self.pages[-1].transFigure,
                facecolor="#eef3f8",
                edgecolor="#0072B2",
            )
        )
        self._text(self.LEFT + 0.15, self.y - 0.1, "\n".join(lines), fontsize=10, weight="bold", linespacing=1.35)
        self.y -= box + 0.15
        self.paragraph(provenance, size=8, color="#555555")

    def heading(self, text):
        self._room(0.9)
        self.y -= 0.12
        self._text(self.LEFT, self.y, text, fontsize=13, weight="bold", color="#0b3d66")
        self.y -= 0.32

    def subheading(self, text):
        self._room(0.7)
        self._text(self.LEFT, self.y, text, fontsize=10, weight="bold")
        self.y -= 0.24

    def paragraph(self, text, size=8.5, color="#222222"):
        lines = self._wrap(text, self.text_width, size)
        height = len(lines) * size * 1.35 / 72
        self._room(height)
        self._text(self.LEFT, self.y, "\n".join(lines), fontsize=size, color=color, linespacing=1.35)
        self.y -= height + 0.08

    def table(self, header, rows, widths, numeric=(), size=7.5):
        """Rows under a bold header, numeric columns right-aligned, long cells wrapped; a table that runs
        onto a new page repeats its header there."""
        from matplotlib.lines import Line2D

        columns = [w * self.text_width for w in widths]
        starts = [self.LEFT + sum(columns[:k]) for k in range(len(columns))]
        line = size * 1.3 / 72
        show_header = any(header)

        def height_of(cells):
            wrapped = [self._wrap(c, w - 0.08, size, em=0.64) for c, w in zip(cells, columns, strict=True)]
            return wrapped, max(len(w) for w in wrapped) * line + 0.05

        def draw(cells, bold=False):
            wrapped, height = height_of(cells)
            for k, (lines, x, w) in enumerate(zip(wrapped, starts, columns, strict=True)):
                right = k in numeric
                self._text(
                    x + (w - 0.04 if right else 0.02),
                    self.y,
                    "\n".join(lines),
                    fontsize=size,
                    weight="bold" if bold else "normal",
                    ha="right" if right else "left",
                    linespacing=1.3,
                )
            self.y -= height
            y = (self.y + 0.025) / self.HEIGHT
            x0, x1 = self.LEFT / self.WIDTH, (self.LEFT + self.text_width) / self.WIDTH
            self.pages[-1].add_artist(
                Line2D(
                    [x0, x1],
                    [y, y],
                    color="#555555" if bold else "#d0d0d0",
                    lw=0.5,
                    transform=self.pages[-1].transFigure,
                )
            )

        header_height = height_of(header)[1] if show_header else 0.0
        self._room(header_height + line * 2)
        if show_header:
            draw(header, bold=True)
        for row in rows:
            cells = [str(c) for c in row]
            if self.y - height_of(cells)[1] < self.BOTTOM:
                self.new_page()
                if show_header:
                    draw(header, bold=True)
            draw(cells)
        self.y -= 0.15

    def figure(self, fig, caption):
        """A figure at the text width, half a page high at most, with its caption below."""
        import matplotlib.image as mpimg

        from .plots import figure_bytes

        image = mpimg.imread(io.BytesIO(figure_bytes(fig, "png", dpi=150)), format="png")
        height_px, width_px = image.shape[:2]
        width = self.text_width
        height = min(width * height_px / width_px, (self.HEIGHT - self.TOP - self.BOTTOM) / 2 - 0.55)
        width = height * width_px / height_px
        self._room(height + 0.5)
        ax = self.pages[-1].add_axes(
            (self.LEFT / self.WIDTH, (self.y - height) / self.HEIGHT, width / self.WIDTH, height / self.HEIGHT)
        )
        ax.imshow(image)
        ax.set_axis_off()
        self.y -= height + 0.06
        self.paragraph(caption, size=8, color="#333333")
        self.y -= 0.1

    def finish(self):
        total = len(self.pages)
        for k, page in enumerate(self.pages, start=1):
            page.text(
                0.5,
                0.4 / self.HEIGHT,
                f"{self.footer}  ·  page {k} of {total}",
                ha="center",
                fontsize=7,
                color="#777777",
            )
        return self.pages
