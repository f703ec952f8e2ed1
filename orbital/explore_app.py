"""``orbital explore``: the whole model behind sliders, served by Bokeh on 127.0.0.1 (the ``[explore]`` extra).

The page draws what :class:`orbital.explore.Explorer` answers; nothing here computes anything. A control
that leaves the orbit physics cached answers in tens of milliseconds on the server thread; one that
changes the orbit (or the shield) computes the physics on a worker thread while the page says so, and
the answer replaces the old one when it is done (a newer change wins). The report is rendered the same
way and served at ``/report/<token>`` by the same server. The page loads nothing from outside
127.0.0.1: BokehJS comes from the server itself.
"""

from __future__ import annotations

import html
import itertools
import secrets
import socket
import tempfile
import threading
import webbrowser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ._optional import require
from .errors import OrbitalInputError
from .explore import Explorer

__all__ = ["Running", "free_port", "serve", "start"]

#: Colours of the stacks (the package's palette order, colour-blind safe).
_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999", "#000000",
    "#882255", "#44AA99", "#332288",
)  # fmt: skip
_REPORT_FOLDER = Path(tempfile.gettempdir()) / "orbital-explore-reports"
_REPORTS: dict = {}  # token -> report file
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orbital-explore")  # physics and reports


def _css_name(name: str) -> str:
    return name.replace(".", "-")


def _shown(control) -> str:
    """A control's value as its field shows it: numbers to 6 digits in the key's unit, text as it is."""
    if control.value is None:
        return ""
    return control.value if control.text else f"{control.value:.6g}"


def _error_html(exc, source=None) -> str:
    text, source = str(exc), str(source) if source else None
    if source and text.startswith(f"{source}: "):  # the scenario file's path says nothing here
        text = text[len(source) + 2 :]
    return f"<span class='orbital-message' role='alert'>{html.escape(text)}</span>"


class _Page:
    """One browser session: its Explorer, its widgets and figures."""

    def __init__(self, doc, scenario, cache):
        from bokeh.layouts import column, row
        from bokeh.models import Button, ColumnDataSource, CustomJS, Div, TabPanel, Tabs

        self.doc = doc
        self.explorer = Explorer(scenario, cache)
        self.generation = itertools.count()
        self.latest = 0
        self.quiet = False  # True while the page itself moves a control
        self.widgets = {}
        panels = {}
        for control in self.explorer.controls():
            panels.setdefault(control.section, []).append(self._control(control))
        tabs = Tabs(
            # Each section scrolls on its own, so the answer stays in view while a long section is edited.
            tabs=[
                TabPanel(
                    child=column(*rows, height=800, sizing_mode="stretch_width", styles={"overflow-y": "auto"}),
                    title=s,
                )
                for s, rows in panels.items()
            ],
            tabs_location="left",
            width=440,
        )
        self.headline = Div(text="", css_classes=["orbital-headline"], width=900)
        self.status = Div(text="", css_classes=["orbital-status"], width=900)
        self._status("ready")
        self.download = ColumnDataSource(data={"name": [], "text": [], "n": []})
        self.download.js_on_change(
            "data",
            CustomJS(
                args={"source": self.download},
                code="""
                const name = source.data.name[0], text = source.data.text[0];
                if (name === undefined) { return; }
                const url = URL.createObjectURL(new Blob([text], {type: "application/toml"}));
                const link = document.createElement("a");
                link.href = url; link.download = name; document.body.appendChild(link); link.click();
                link.remove(); setTimeout(() => URL.revokeObjectURL(url), 1000);
                """,
            ),
        )
        self.opened = ColumnDataSource(data={"url": [], "n": []})
        self.opened.js_on_change(
            "data",
            CustomJS(args={"source": self.opened}, code="const u = source.data.url[0]; if (u) { window.open(u); }"),
        )
        save = Button(label="Save as scenario", button_type="primary", css_classes=["orbital-save"], width=160)
        save.on_click(self._save)
        report = Button(label="Open report", css_classes=["orbital-report"], width=130)
        report.on_click(self._report)
        reset = Button(label="Reset", css_classes=["orbital-reset"], width=90)
        reset.on_click(self._reset)
        self.figures = _Figures()
        title = Div(
            text=f"<h2 style='margin:0'>orbital explore: {html.escape(self.explorer.base.name)}</h2>"
            "<p style='margin:2px 0 0 0;color:#555'>Per MW of IT load, orbit against ground. Values take units "
            "(<code>650 km</code>, <code>0.06 USD/kWh</code>); hover a field's <b>?</b> for its default's "
            "source.</p>",
            width=1360,
        )
        outputs = column(self.headline, row(save, report, reset), self.status, self.figures.layout(), width=900)
        doc.add_root(column(title, row(tabs, outputs)))
        for source in (self.download, self.opened):  # in the document, so their changes reach the page
            doc.add_root(source)
        doc.title = f"orbital explore: {self.explorer.base.name}"
        self._show(self.explorer.answer())

    # -- controls ---------------------------------------------------------------------------------------

    def _control(self, control):
        from bokeh.layouts import column
        from bokeh.models import CheckboxGroup, Div, Select, Slider, TextInput

        css = _css_name(control.name)
        error = Div(text="", css_classes=[f"orbital-error-{css}", "orbital-error"], styles={"color": "#B00020"})
        label = f"{control.name.partition('.')[2]}" + (f" [{control.unit}]" if control.unit else "")
        if control.physics:
            label += " (orbit physics)"
        if control.flag:
            box = CheckboxGroup(labels=[label], active=[0] if control.value else [], css_classes=[f"orbital-in-{css}"])
            box.on_change("active", lambda attr, old, new: self._change(control.name, bool(new), error))
            self.widgets[control.name] = (box, None, error)
            return column(box, error)
        if control.choices:  # a catalog entry or one of the key's choices
            options = [(c, c or "(default)") for c in control.choices]
            select = Select(title=label, value=control.value or "", options=options, description=control.description,
                            css_classes=[f"orbital-in-{css}"], sizing_mode="stretch_width")  # fmt: skip
            select.on_change("value", lambda attr, old, new: self._change(control.name, new or None, error))
            self.widgets[control.name] = (select, None, error)
            return column(select, error, sizing_mode="stretch_width")
        text = TextInput(
            title=label,
            value=_shown(control),
            placeholder=control.placeholder,
            description=control.description,
            css_classes=[f"orbital-in-{css}"],
            sizing_mode="stretch_width",
        )
        text.on_change("value", lambda attr, old, new: self._change(control.name, new, error))
        parts = [text]
        slider = None
        if control.slider:
            start = control.start
            slider = Slider(
                start=control.low,
                end=control.high,
                value=min(max(start, control.low), control.high),
                step=1 if control.integer else (control.high - control.low) / 200,
                show_value=False,
                title=None,
                css_classes=[f"orbital-slider-{css}"],
                sizing_mode="stretch_width",
            )
            slider.on_change(
                "value_throttled" if control.physics else "value",
                lambda attr, old, new: self._slid(text, new, control.integer),
            )
            parts.append(slider)
        self.widgets[control.name] = (text, slider, error)
        return column(*parts, error, sizing_mode="stretch_width")

    def _slid(self, text, value, integer):
        if not self.quiet:
            text.value = f"{round(value):d}" if integer else f"{value:.6g}"

    def _change(self, name, value, error):
        if self.quiet:
            return
        try:
            self._propose(name, value, error)
        except Exception as exc:  # a bug: said on the page (and in the server's log), never a silent dead page
            self._status(f"internal error: {html.escape(type(exc).__name__)}: {html.escape(str(exc))}")
            raise

    def _propose(self, name, value, error):
        try:
            scenario = self.explorer.propose(name, value)
        except OrbitalInputError as exc:  # the model's own message beside the field; the last answer stays
            error.text = _error_html(exc, self.explorer.base.path)
            return
        error.text = ""
        generation = self.latest = next(self.generation)
        if self.explorer.needs_physics(scenario):
            self._status(
                f"<b>computing the orbit physics</b> for {html.escape(name)} = {html.escape(str(value))} "
                "(a year of sunlight, IRBEM, the links: about a second); the numbers below are the last answer",
                busy=True,
            )
            # Started a moment later, so the progress line reaches the page before the computation takes the GIL.
            self.doc.add_timeout_callback(partial(self._start_physics, scenario, generation, name, value), 50)
            return
        self._apply(name, value, scenario)

    def _start_physics(self, scenario, generation, name, value):
        if generation != self.latest:
            return  # superseded before it started
        future = _WORKER.submit(self._physics, scenario)
        future.add_done_callback(
            lambda f: self.doc.add_next_tick_callback(partial(self._physics_done, f, generation, name, value))
        )

    def _physics(self, scenario):
        from . import model

        model.orbit_physics(scenario, self.explorer.cache)
        return scenario

    def _physics_done(self, future, generation, name, value):
        if generation != self.latest:
            return  # a newer change is on its way
        try:
            scenario = future.result()
        except OrbitalInputError as exc:
            self.widgets[name][2].text = _error_html(exc, self.explorer.base.path)
            self._status("ready")
            return
        self._apply(name, value, scenario)

    def _apply(self, name, value, scenario):
        try:
            answer = self.explorer.answer(scenario)
        except OrbitalInputError as exc:  # a design the model refuses (a radiator below its sink, ...)
            self.widgets[name][2].text = _error_html(exc, self.explorer.base.path)
            return
        self.explorer.accept(name, value, scenario)
        self._status("ready")
        self._show(answer)
        if name.startswith("orbit."):  # the orbit's keys move together (see Explorer._linked)
            self._sync([n for n in self.widgets if n.startswith("orbit.") and n != name], text=True)
        self._sync([name])

    def _sync(self, names, text=False):
        """Controls follow the current point: sliders follow values typed with units; with ``text`` the
        fields and boxes too (the orbit's linked keys, a reset)."""
        self.quiet = True
        try:
            for name in names:
                widget, slider, error = self.widgets[name]
                control = self.explorer.control(name)
                if text:
                    error.text = ""
                    if control.flag:
                        widget.active = [0] if control.value else []
                        continue
                    widget.value = _shown(control)
                    if not control.choices:
                        widget.placeholder = control.placeholder
                if slider is not None and control.start is not None:
                    slider.value = min(max(control.start, slider.start), slider.end)
        finally:
            self.quiet = False

    # -- outputs ----------------------------------------------------------------------------------------

    def _status(self, text, busy=False):
        """The line under the buttons: "ready", or what is being computed (the page never just freezes)."""
        self.status.text = f"<span class='orbital-status-text'>{text}</span>"
        self.status.css_classes = ["orbital-status", "orbital-busy"] if busy else ["orbital-status"]

    def _show(self, a):
        be = a["break_even_launch_price"]
        parity = f"break-even launch price <b>{be:,.0f} USD/kg</b>" if be is not None else html.escape(a["parity_text"])
        self.headline.text = (
            "<div style='font-size:15px;line-height:1.5'>"
            f"<div>cost ratio, orbit / ground: <span id='ratio' style='font-size:28px;font-weight:bold'>"
            f"{a['cost_ratio']:.4g}</span></div>"
            f"<div>levelized cost of compute: orbit <b id='lcoc-orbital'>{a['lcoc_orbital']:,.0f}</b>, ground "
            f"<b id='lcoc-terrestrial'>{a['lcoc_terrestrial']:,.0f}</b> USD/MWh of useful IT energy</div>"
            f"<div>{parity}</div>"
            f"<div>goodput <b id='goodput'>{a['goodput']:.3f}</b> (ground {a['ground_goodput']:.3f}), useful "
            f"fraction <b id='useful'>{a['useful_fraction']:.3f}</b>, mass <b>{a['mass_kg_per_kw']:.1f}</b> kg/kW"
            "</div></div>"
        )
        self.figures.update(a)

    # -- buttons ----------------------------------------------------------------------------------------

    def _save(self):
        name = f"{self.explorer.base.name}-explored.toml"
        n = (self.download.data.get("n") or [0])[0] + 1
        self.download.data = {"name": [name], "text": [self.explorer.toml()], "n": [n]}

    def _report(self):
        self._status("<b>rendering the report</b> of the current point (a few seconds)", busy=True)
        token = secrets.token_hex(8)
        path = _REPORT_FOLDER / f"{token}.html"
        future = _WORKER.submit(self.explorer.report, path)
        future.add_done_callback(lambda f: self.doc.add_next_tick_callback(partial(self._report_done, f, token, path)))

    def _report_done(self, future, token, path):
        try:
            future.result()
        except Exception as exc:  # shown, never a dead page
            self._status(f"the report failed: {html.escape(str(exc))}")
            return
        _REPORTS[token] = path
        self._status("ready (the report opened in a new tab)")
        n = (self.opened.data.get("n") or [0])[0] + 1
        self.opened.data = {"url": [f"/report/{token}"], "n": [n]}

    def _reset(self):
        self.explorer.reset()
        self._sync(list(self.widgets), text=True)
        self._status("ready")
        self._show(self.explorer.answer())


class _Figures:
    """The four interactive figures: cost stacks, mass budget, tornado, waterfall (hover for values)."""

    def __init__(self):
        from bokeh.models import ColumnDataSource, HoverTool, Span
        from bokeh.plotting import figure

        self.cost = ColumnDataSource(data={"side": [], "bottom": [], "top": [], "item": [], "value": [], "colour": []})
        self.cost_fig = figure(
            x_range=["orbital", "terrestrial"], height=320, width=425, tools="", toolbar_location=None,
            title="Lifetime cost per MW [million USD]",
        )  # fmt: skip
        self.cost_fig.vbar(x="side", bottom="bottom", top="top", width=0.6, color="colour", source=self.cost,
                           line_color="white", legend_field="item")  # fmt: skip
        self.cost_fig.add_layout(self.cost_fig.legend[0], "right")
        self.cost_fig.legend.label_text_font_size = "9px"
        self.cost_fig.legend.glyph_height = 10
        self.cost_fig.legend.spacing = 0
        self.cost_fig.add_tools(HoverTool(tooltips=[("", "@side, @item"), ("cost", "@value{0,0.0} million USD/MW")]))
        self.cost_fig.yaxis.axis_label = "Lifetime cost [million USD per MW]"
        self.mass = ColumnDataSource(data={"item": [], "value": []})
        self.mass_fig = figure(y_range=[], height=320, width=425, tools="", toolbar_location=None,
                               title="Mass budget [kg per kW of IT load]")  # fmt: skip
        self.mass_fig.hbar(y="item", right="value", height=0.7, color=_COLOURS[0], source=self.mass)
        self.mass_fig.add_tools(HoverTool(tooltips=[("", "@item"), ("mass", "@value{0.00} kg/kW")]))
        self.mass_fig.xaxis.axis_label = "Mass [kg/kW]"
        self.tornado = ColumnDataSource(data={"name": [], "left": [], "right": [], "low": [], "high": []})
        self.tornado_fig = figure(y_range=[], height=320, width=425, tools="", toolbar_location=None,
                                  title="Cost ratio, each key at -20 % / +20 %")  # fmt: skip
        self.tornado_fig.hbar(y="name", left="left", right="right", height=0.7, color=_COLOURS[1], source=self.tornado)
        self.tornado_fig.add_tools(HoverTool(tooltips=[("", "@name"), ("at -20 %", "@low{0.000}"),
                                                       ("at +20 %", "@high{0.000}")]))  # fmt: skip
        self.tornado_fig.xaxis.axis_label = "Cost ratio, orbit / ground [-]"
        self.base_line = Span(location=0, dimension="height", line_color="#333", line_dash="dashed")
        self.tornado_fig.add_layout(self.base_line)
        self.walk = ColumnDataSource(data={"group": [], "bottom": [], "top": [], "step": [], "colour": []})
        self.walk_fig = figure(x_range=[], height=320, width=425, tools="", toolbar_location=None,
                               title="Cost ratio: loaded scenario to this point")  # fmt: skip
        self.walk_fig.vbar(x="group", bottom="bottom", top="top", width=0.7, color="colour", source=self.walk)
        self.walk_fig.add_tools(HoverTool(tooltips=[("", "@group"), ("change", "@step{+0.000}")]))
        self.walk_fig.yaxis.axis_label = "Cost ratio, orbit / ground [-]"
        self.walk_fig.xaxis.major_label_orientation = 0.6
        for fig in self.layout_figures():
            fig.title.text_font_size = "11px"

    def layout_figures(self):
        return [self.cost_fig, self.tornado_fig, self.mass_fig, self.walk_fig]

    def layout(self):
        from bokeh.layouts import gridplot

        return gridplot([[self.cost_fig, self.tornado_fig], [self.mass_fig, self.walk_fig]], toolbar_location=None)

    def update(self, a):
        cost = {key: [] for key in self.cost.data}
        items = list(dict.fromkeys(item for side in a["costs"].values() for item in side))  # one colour per item
        for side in ("orbital", "terrestrial"):
            up = down = 0.0
            for item, value in a["costs"][side].items():
                k = items.index(item)
                base = up if value >= 0 else down
                cost["side"].append(side)
                cost["bottom"].append(base)
                cost["top"].append(base + value)
                cost["item"].append(item)
                cost["value"].append(value)
                cost["colour"].append(_COLOURS[k % len(_COLOURS)])
                if value >= 0:
                    up += value
                else:
                    down += value
        self.cost.data = cost
        items = list(a["mass_budget"])[::-1]
        self.mass_fig.y_range.factors = [i.replace("_", " ") for i in items]
        self.mass.data = {"item": [i.replace("_", " ") for i in items], "value": [a["mass_budget"][i] for i in items]}
        bars = a["tornado"][::-1]
        self.tornado_fig.y_range.factors = [b[0] for b in bars]
        self.tornado.data = {
            "name": [b[0] for b in bars],
            "left": [min(b[1], b[2]) for b in bars],
            "right": [max(b[1], b[2]) for b in bars],
            "low": [b[1] for b in bars],
            "high": [b[2] for b in bars],
        }
        self.base_line.location = a["cost_ratio"]
        steps = a["waterfall"]
        start = a["cost_ratio"] - sum(steps.values())
        walk = {key: [] for key in self.walk.data}
        level = start
        for group, step in [("loaded scenario", None), *steps.items(), ("this point", None)]:
            if step is None:
                bottom, top, shown = 0.0, (start if group == "loaded scenario" else a["cost_ratio"]), 0.0
                colour = _COLOURS[7]
            else:
                bottom, top, shown = level, level + step, step
                level += step
                colour = _COLOURS[2] if step < 0 else _COLOURS[3]
            walk["group"].append(group)
            walk["bottom"].append(bottom)
            walk["top"].append(top)
            walk["step"].append(shown)
            walk["colour"].append(colour)
        self.walk_fig.x_range.factors = walk["group"]
        self.walk.data = walk


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Running:
    """A server started by :func:`start`: its address, and how to stop it."""

    url: str
    server: object
    thread: threading.Thread

    def stop(self):
        self.server.io_loop.add_callback(self.server.io_loop.stop)
        self.thread.join(timeout=10)


def _check_port(port: int) -> None:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise OrbitalInputError(
                f"--port = {port} is in use on 127.0.0.1: give another, or none for a free one"
            ) from None


def _server(scenario, port, cache):
    require("bokeh", "orbital explore")
    _check_port(port)
    from bokeh.application import Application
    from bokeh.application.handlers.function import FunctionHandler
    from bokeh.server.server import Server
    from tornado.web import HTTPError, RequestHandler

    Explorer(scenario, cache)  # the scenario is read (and its physics computed) before the page is served

    class ReportHandler(RequestHandler):
        def get(self, token):
            path = _REPORTS.get(token)
            if path is None or not Path(path).is_file():
                raise HTTPError(404)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.write(Path(path).read_bytes())

    _REPORT_FOLDER.mkdir(parents=True, exist_ok=True)
    application = Application(FunctionHandler(lambda doc: _Page(doc, scenario, cache)))
    return Server(
        {"/": application},
        address="127.0.0.1",
        port=port,
        allow_websocket_origin=[f"127.0.0.1:{port}", f"localhost:{port}"],
        extra_patterns=[(r"/report/([0-9a-f]+)", ReportHandler)],
    )


def start(scenario="baseline", port=None, cache=True) -> Running:
    """Serve the explorer on a background thread (for notebooks and tests); :meth:`Running.stop` ends it."""
    import asyncio

    port = port or free_port()
    ready = threading.Event()
    box = {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        try:
            server = _server(scenario, port, cache)
            server.start()
            box["server"] = server
        except BaseException as exc:
            box["error"] = exc
            ready.set()
            return
        ready.set()
        server.io_loop.start()
        server.stop()

    thread = threading.Thread(target=run, name="orbital-explore-server", daemon=True)
    thread.start()
    ready.wait()
    if "error" in box:
        raise box["error"]
    return Running(f"http://127.0.0.1:{port}/", box["server"], thread)


def serve(scenario="baseline", port=None, open_browser=True, cache=True, announce=print) -> None:
    """Serve the explorer on 127.0.0.1 until interrupted (``orbital explore``)."""
    port = port or free_port()
    name = getattr(scenario, "name", scenario)
    announce(f"orbital explore: reading {name} and its orbit physics (about a second when not cached) ...")
    server = _server(scenario, port, cache)
    server.start()
    url = f"http://127.0.0.1:{port}/"
    announce(f"orbital explore: {url} (Ctrl-C to stop)")
    if open_browser:
        server.io_loop.add_callback(webbrowser.open, url)
    try:
        server.io_loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
