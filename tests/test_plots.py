"""Figures and reports (orbital.plots, `orbital plot`, `orbital report`).

The figures are checked against the model they draw: each test recomputes the
plotted numbers through the composer or the physics modules and compares them
at floating-point precision (the same code path, so any difference is a
plumbing bug), and checks that every axis carries a label with its unit.
"""

import html.parser
import re

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from orbital import OrbitalInputError, launch, model, plots, report, scenario
from orbital.cache import write_all_atomically
from orbital.cli import TerminalProgress, main
from orbital.constants import JULIAN_YEAR
from orbital.orbits import Orbit
from orbital.report import write_report

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<?xml", "pdf": b"%PDF-"}


@pytest.fixture(scope="module")
def baseline():
    sc = scenario.load_scenario("baseline")
    return sc, model.run(sc)


@pytest.fixture(scope="module")
def figures(baseline):
    sc, result = baseline
    return plots.render(sc, result=result)


@pytest.fixture(scope="module")
def cheap_bus():
    # The baseline with a 20 USD/kg bus, owned ground stations and 0.50 USD/kWh on the ground: parity
    # lies inside the map.
    sc = scenario.load_scenario("baseline").replace(
        launch__bus_cost="20 USD/kg", terrestrial__electricity_price="0.50 USD/kWh", downlink__pass_fee=0.0
    )
    return sc, model.run(sc)


def test_all_seventeen_figures_are_listed():
    assert list(plots.FIGURES) == [
        "sunlight", "solar-power", "radiator", "dose-depth", "let-spectrum", "worst-day", "goodput-map",
        "mass-budget", "cost",
        "break-even", "learning-curve", "crossover", "sensitivity", "tornado", "explain", "build-out",
        "fleet-shells",
    ]  # fmt: skip


def test_all_means_the_uncertainty_figures_only_with_an_uncertainty_section(baseline):
    sc, _ = baseline
    left_out = plots.ON_REQUEST_FIGURES + plots.FLEET_FIGURES  # neither scenario has a [fleet] section
    assert plots.figure_names(sc) == [
        n for n in plots.FIGURES if n not in plots.UNCERTAINTY_FIGURES and n not in left_out
    ]
    assert plots.figure_names(scenario.load_scenario("uncertainty")) == [n for n in plots.FIGURES if n not in left_out]
    assert "build-out" in plots.figure_names(scenario.load_scenario("colossus-orbit"))
    assert "fleet-shells" not in plots.figure_names(scenario.load_scenario("colossus-orbit"))  # no shells
    assert "fleet-shells" in plots.figure_names(scenario.load_scenario("gigawatt-constellation"))


def test_every_figure_is_written_whole_as_png(baseline, tmp_path):
    sc, _ = baseline
    paths = plots.write_figures(sc, tmp_path / "figs")
    assert sorted(p.name for p in paths) == sorted(f"{n}.png" for n in plots.figure_names(sc))
    for path in paths:
        blob = path.read_bytes()
        assert blob.startswith(MAGIC["png"]) and len(blob) > 20_000, path.name
    assert not list((tmp_path / "figs").glob("*.tmp"))


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_vector_formats(baseline, tmp_path, fmt):
    sc, _ = baseline
    (path,) = plots.write_figures(sc, tmp_path, ["mass-budget"], fmt)
    assert path.name == f"mass-budget.{fmt}"
    assert path.read_bytes().startswith(MAGIC[fmt])


def _has_digits(text):
    return bool(re.search(r"\d", text))


def test_every_axis_has_a_label_with_a_unit(figures):
    # An axis that shows numbers needs "[unit]" ("[-]" for a ratio); a categorical axis needs a label.
    for name, fig in figures.items():
        FigureCanvasAgg(fig).draw()
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                ticks = [t.get_text() for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]
                if not axis.get_visible() or not ticks:
                    continue  # a twin's hidden shared axis, or a colorbar's short side
                label = axis.get_label_text()
                assert label, f"{name}: an axis with ticks {ticks[:3]} has no label"
                if any(_has_digits(t) for t in ticks):
                    assert re.search(r"\[[^\]]+\]", label), f"{name}: {label!r} has no [unit]"
        assert fig.get_suptitle(), f"{name} has no title"


def test_styling_leaves_the_users_matplotlib_alone(baseline):
    import matplotlib.pyplot as plt

    sc, result = baseline
    before = dict(matplotlib.rcParams)
    open_figures = plt.get_fignums()
    plots.mass_budget(sc, result)
    assert dict(matplotlib.rcParams) == before
    assert plt.get_fignums() == open_figures  # bare Figures: nothing registered with pyplot


def test_sunlight_figure_is_the_composers_track(figures, baseline):
    sc, result = baseline
    data = figures["sunlight"].orbital_data
    # 365 whole days of 1-min samples: the mean of the daily means is the composer's sunlit fraction.
    assert np.mean(data["daily_sunlit_fraction"]) == pytest.approx(result.physics["sunlight"]["sunlit_fraction"], 1e-6)
    o = model.scenario_orbit(sc)
    track = o.sunlight(days=sc.orbit.sunlight_days / 86400.0, step=sc.orbit.sunlight_step, shadow=sc.orbit.shadow)
    per_day = 1440  # 1-min steps
    np.testing.assert_allclose(data["daily_beta_deg"], track.beta.reshape(-1, per_day).mean(axis=1), rtol=1e-12)
    assert data["daily_beta_deg"].min() == pytest.approx(track.beta.min(), abs=0.1)  # the wobble is small
    # 650 km dawn-dusk: eclipses only around the June solstice (Suncatcher's orbit, arXiv:2511.19468).
    eclipsed_days = np.flatnonzero(data["daily_sunlit_fraction"] < 1.0)
    assert 100 < eclipsed_days.min() and eclipsed_days.max() < 240


def test_solar_power_figure_matches_the_solar_module(figures, baseline):
    from orbital import solar

    sc, _ = baseline
    data = figures["solar-power"].orbital_data
    cell = solar.cell(sc.solar.cell)
    orbit = Orbit.sun_synchronous(550e3, 18.0, sc.orbit.epoch)
    light = solar.array_illumination(orbit.sunlight(days=365.0, step=1800.0), 550e3, sc.solar.pointing)
    expected = solar.orbit_average_output(light, cell)[0]
    assert data["w_per_m2"][18.0][1] == pytest.approx(float(expected), rel=1e-12)
    ground = model._ground_solar(sc.terrestrial.site, sc.solar.cell)["energy_density"] / JULIAN_YEAR
    assert data["ground_w_per_m2"] == pytest.approx(ground, rel=1e-12)
    # Dawn-dusk sees the Sun ~all year, noon orbits spend ~35-40 % in shadow: the ordering is physics.
    assert np.all(data["w_per_m2"][18.0] > data["w_per_m2"][15.0])
    assert np.all(data["w_per_m2"][15.0] > data["w_per_m2"][12.0])
    assert np.all(data["w_per_m2"][12.0] > 3 * data["ground_w_per_m2"])
    # Suncatcher (arXiv:2511.19468): a dawn-dusk array gets "up to 8x" the annual energy of a
    # mid-latitude ground panel. Greensboro (36 N, fixed tilt, TMY3 with its clouds) is a sunnier site
    # than their upper bound assumes, so the ratio must fall below 8 but well above the 3-4x of noon orbits.
    ratio = data["w_per_m2"][18.0] / data["ground_w_per_m2"]
    assert np.all((5.0 < ratio) & (ratio < 8.0))


def test_radiator_figure_at_the_scenarios_temperature_is_the_composers_area(figures, baseline):
    sc, result = baseline
    data = figures["radiator"].orbital_data
    i = int(np.flatnonzero(data["temperature_k"] == sc.thermal.radiator_temperature)[0])
    # The figure is per MW of heat; the satellite rejects its IT load, bus loads and conversion losses.
    heat_per_it = result.physics["heat_rejected_per_it_watt"]
    assert heat_per_it == pytest.approx(1.02 / 0.85, rel=0.01)  # bus 2 %, X_d 0.85, a small battery loss
    area = data[sc.thermal.coating]["area_m2_per_mw"][i] * heat_per_it
    assert area == pytest.approx(result.orbital.radiator_area_m2_per_mw, 1e-9)
    for coat in ("silver-teflon", "white-epoxy", "black-paint"):  # hotter radiators are smaller (σT⁴)
        assert np.all(np.diff(data[coat]["area_m2_per_mw"]) < 0)


def test_warm_figures_reuse_the_cached_orbit_physics(figures, baseline, monkeypatch):
    """Once a scenario has run, the sunlight and radiator figures read the disk cache (issue 22): they
    must not propagate the year again. A damaged coating entry is recomputed, never drawn."""
    sc, result = baseline

    def no_propagation(_):
        raise AssertionError("the year was propagated again")

    monkeypatch.setattr(plots, "_series", no_propagation)
    assert plots.beta_and_sunlight(sc, result).orbital_data["daily_beta_deg"].size == 365
    again = plots.radiator_vs_temperature(sc, result).orbital_data
    np.testing.assert_array_equal(
        again[sc.thermal.coating]["area_m2_per_mw"],
        figures["radiator"].orbital_data[sc.thermal.coating]["area_m2_per_mw"],
    )
    monkeypatch.undo()
    from orbital import cache

    for entry in cache.cache_dir().glob("coating-environments-*.json"):
        entry.write_text('{"silver-teflon": {"hot": "warm"}}')
    redrawn = plots.radiator_vs_temperature(sc, result).orbital_data
    np.testing.assert_array_equal(redrawn["black-paint"]["net_w_per_m2"], again["black-paint"]["net_w_per_m2"])


def test_dose_depth_figure_at_the_shield_is_the_composers_dose(figures, baseline):
    sc, result = baseline
    data = figures["dose-depth"].orbital_data
    k = int(np.flatnonzero(data["thickness_mm"] == sc.radiation.shielding * 1e3)[0])
    assert data["this scenario"][k] == pytest.approx(result.physics["dose_rad_si_per_year"], rel=1e-12)
    chip_limit = result.physics["tid_lifetime_years"] * result.physics["dose_rad_si_per_year"]
    years = sc.finance.lifetime / JULIAN_YEAR
    assert data["limit_rad_per_year"] == pytest.approx(chip_limit / years, rel=1e-9)
    # Heavier orbits dose more at every depth: polar 1,200 km > 650 km SSO > ISS-like 420 km.
    assert np.all(data["polar"] > data["this scenario"]) and np.all(data["this scenario"] > data["ISS-like"])


def test_goodput_map_cell_is_a_composer_run_at_that_orbit(figures, baseline):
    sc, _ = baseline
    data = figures["goodput-map"].orbital_data
    i, j = 1, 1  # 53 deg, 600 km
    assert (data["inclination_deg"][i], data["altitude_km"][j]) == (53.0, 600.0)
    days, samples = plots._MAP_TRACK
    there = sc.replace(
        orbit__sun_synchronous=False,
        orbit__ltan=None,
        orbit__inclination=53.0,
        orbit__altitude="600 km",
        radiation__track_days=days,
        radiation__track_samples=samples,
    )
    assert data["goodput"][i, j] == pytest.approx(model.run(there).orbital.goodput, rel=1e-12)
    assert np.all((data["goodput"] > 0) & (data["goodput"] <= 1))


def test_mass_budget_figure_is_the_composers_budget(figures, baseline):
    _, result = baseline
    data = figures["mass-budget"].orbital_data
    assert data["kg_per_kw"] == result.physics["mass_budget_kg_per_kw"]
    assert data["total"] == pytest.approx(result.orbital.mass_kg_per_kw, rel=1e-9)


def test_cost_figure_adds_up_to_the_lifetime_costs(figures, baseline):
    _, result = baseline
    data = figures["cost"].orbital_data
    for name, side in (("orbital", result.orbital), ("terrestrial", result.terrestrial)):
        assert sum(data[name].values()) == pytest.approx(side.lifetime_cost_usd_per_mw / 1e6, rel=1e-12)
        for item, usd in side.lifetime_cost_breakdown_usd_per_mw.items():
            assert data[name][item] == pytest.approx(usd / 1e6, rel=1e-12)
        for item, usd_per_w in side.capex_breakdown_usd_per_w.items():  # capital x the study's share of it
            share = side.capital_share[item]
            assert data[name][f"capex: {item}"] == pytest.approx(usd_per_w * share, rel=1e-12)  # USD/W = M USD/MW


def test_break_even_map_equals_direct_composer_runs(cheap_bus):
    sc, result = cheap_bus
    fig = plots.break_even_map(sc, result)
    data = fig.orbital_data
    for i, j in ((0, 0), (17, 42), (49, 59)):
        price, kwh = data["launch_price_usd_per_kg"][j], data["energy_price"][i]
        direct = model.run(sc.replace(launch__price_per_kg=price, terrestrial__electricity_price=kwh))
        assert data["ratio"][i, j] == pytest.approx(direct.cost_ratio, rel=1e-9)
    assert data["ratio"].min() < 1.0 < data["ratio"].max()
    assert any(isinstance(c, matplotlib.contour.ContourSet) for c in fig.axes[0].collections)


def test_break_even_map_for_a_gas_powered_ground_varies_the_gas_price(baseline):
    sc, _ = baseline
    gas = sc.replace(terrestrial__power_source="gas")
    fig = plots.break_even_map(gas)
    assert fig.axes[0].get_ylabel() == "Natural gas price [USD/MMBtu]"
    ratio = fig.orbital_data["ratio"]
    assert np.all(np.diff(ratio[:, 0]) < 0)  # dearer gas, dearer ground, lower ratio


def test_learning_curve_is_wrights_law_and_marks_the_break_even_year(cheap_bus):
    sc, result = cheap_bus
    data = plots.learning_curve(sc, result).orbital_data
    curve = launch.LEARNING_CURVE
    # Suncatcher's anchor: ~1,800 USD/kg in 2025.
    assert data["usd_per_kg"][0] == pytest.approx(curve["price_usd_per_kg"], rel=1e-12)
    for k in (0, 100, 300):
        year = data["year"][k]
        expected = (
            launch.launch_price(launch.vehicle("starship-reuse"), year=year)
            / launch.vehicle("starship-reuse").capacity_reference
        )
        assert data["usd_per_kg"][k] == pytest.approx(expected, rel=1e-12)
    assert data["break_even"] == pytest.approx(result.break_even_launch_price_usd_per_kg)
    assert data["year_reached"] == pytest.approx(float(launch.year_for_price(data["break_even"])))


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------


class _Tables(html.parser.HTMLParser):
    """Rows of every table, images, and anything that would make a request."""

    def __init__(self):
        super().__init__()
        self.tables, self.images, self.external = [], [], []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ""
        elif tag == "img":
            self.images.append(attrs.get("src", ""))
        for key in ("src", "href"):
            if key in attrs and not attrs[key].startswith(("data:", "#")):  # in-page anchors are not external
                self.external.append(attrs[key])
        if tag in ("script", "link", "iframe"):
            self.external.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


@pytest.fixture(scope="module")
def html_report(baseline, tmp_path_factory):
    sc, _ = baseline
    (path,) = write_report(sc, tmp_path_factory.mktemp("report") / "report.html")
    return path.read_text("utf-8")


def test_report_is_self_contained_with_every_figure(html_report):
    parsed = _Tables()
    parsed.feed(html_report)
    assert parsed.external == []
    names = plots.figure_names(sc_of_report := scenario.load_scenario("baseline"))  # no [uncertainty], no explain
    assert sc_of_report.uncertainty == {}
    assert len(parsed.images) == len(names) + 1  # and the walk to parity under "What drives this answer"
    assert "What drives this answer" in html_report and "Against parity" in html_report
    assert all(src.startswith("data:image/png;base64,") and len(src) > 20_000 for src in parsed.images)
    assert re.findall(r"<figure id='([^']+)'", html_report) == names


def test_report_has_one_assumption_row_per_parameter_with_a_source(html_report, baseline):
    sc, result = baseline
    parsed = _Tables()
    parsed.feed(html_report)
    (assumptions,) = [t for t in parsed.tables if t[0][:2] == ["Section", "Key"]]
    rows = assumptions[1:]
    expected = [(section, key) for section, keys in scenario.SCHEMA.items() for key in keys]
    assert [(r[0], r[1]) for r in rows] == expected
    assert all(r[6] for r in rows), [r[:2] for r in rows if not r[6]]
    electricity = next(r for r in rows if r[1] == "electricity_price")
    assert electricity[2:6] == ["0.0806 USD/kWh", "2.23889e-08", "USD/J", "given"]
    # A value the user set is credited to the scenario, not to the default's reference (issue 21).
    assert electricity[6] == "set in baseline.toml"
    altitude = next(r for r in rows if r[1] == "altitude")
    default_source = scenario.SCHEMA["orbit"]["altitude"].source
    assert (altitude[5] == "given") == (altitude[6] != default_source)
    hardware = next(r for r in rows if r[1] == "hardware_price")
    assert hardware[5] == "derived by the composer" and float(hardware[3]) == pytest.approx(20.83, rel=1e-3)


def test_report_shows_results_and_version(html_report, baseline):
    from orbital import __version__

    _, result = baseline
    assert f"orbital {__version__}" in html_report
    assert f"{result.orbital.lcoc_usd_per_mwh:,.0f}" in html_report
    assert f"{result.cost_ratio:.3g}" in html_report


def test_report_itemizes_both_sides_lifetime_costs(html_report, baseline):
    _, result = baseline
    parsed = _Tables()
    parsed.feed(html_report)
    (costs,) = [t for t in parsed.tables if t[0] == ["Item", "Orbital", "Terrestrial", "Unit"]]
    rows = {r[0]: r[1:3] for r in costs[1:]}
    for side, column in ((result.orbital, 0), (result.terrestrial, 1)):
        items = side.lifetime_cost_breakdown_usd_per_mw
        assert {k for k in rows if rows[k][column] != "-"} == {*items, "total"}
        # each line's value adds up to the side's total as printed
        total = sum(float(rows[k][column].split(" ")[0].replace(",", "")) for k in items)
        assert total == pytest.approx(side.lifetime_cost_usd_per_mw, abs=len(items))
    assert rows["opex (PV): ground_segment"][1] == "-" and rows["opex (PV): ground_segment"][0] != "0"
    assert "(x0.407)" in rows["capex: construction"][1]  # a 20-year building in a 5-year study at 8 %


def test_pdf_report(baseline, tmp_path):
    sc, _ = baseline
    (path,) = write_report(sc, tmp_path / "report.pdf", fmt="pdf")
    blob = path.read_bytes()
    assert blob.startswith(b"%PDF-") and blob.rstrip().endswith(b"%%EOF")
    assert blob.count(b"/Type /Page\n") + blob.count(b"/Type /Page ") >= len(plots.figure_names(sc)) // 2 + 2


def test_pdf_report_is_typeset(baseline, tmp_path, monkeypatch):
    """The PDF's pages (captured before they are written): a title block with the verdict, numbered figure
    captions two to a page, page numbers 'page k of N' on every page, the assumptions with sources."""
    import matplotlib.backends.backend_pdf as backend

    pages = []

    class Capture:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def savefig(self, fig):
            pages.append(fig)

    monkeypatch.setattr(backend, "PdfPages", Capture)
    sc, result = baseline
    write_report(sc, tmp_path / "report.pdf", fmt="pdf")
    texts = [[t.get_text() for t in page.texts] for page in pages]
    assert texts[0][0] == "orbital report: baseline" and any(result.verdict()[:30] in t for t in texts[0])
    assert all(any(f"page {k} of {len(pages)}" in t for t in page) for k, page in enumerate(texts, start=1))
    captions = [t for page in texts for t in page if t.startswith("Figure ")]
    names = plots.figure_names(sc)
    assert [c.split(" (")[0] for c in captions[: len(names)]] == [f"Figure {k}" for k in range(1, len(names) + 1)]
    figure_pages = [sum(t.startswith("Figure ") for t in page) for page in texts]
    assert max(figure_pages) == 2  # two to a page
    assert any("set in baseline.toml" in t for page in texts for t in page)  # the assumptions' sources


# --------------------------------------------------------------------------------------
# Bad input and atomic writes
# --------------------------------------------------------------------------------------


def test_unknown_figure_lists_the_known_ones(baseline):
    sc, _ = baseline
    with pytest.raises(OrbitalInputError, match="'beta' is not known; known: sunlight, solar-power"):
        plots.render(sc, ["beta"])


def test_output_below_a_file_is_refused_before_any_work(baseline, tmp_path):
    sc, _ = baseline
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OrbitalInputError, match="is a file"):
        plots.write_figures(sc, blocker / "figs")
    with pytest.raises(OrbitalInputError, match="is a file"):
        write_report(sc, blocker / "report.html")
    with pytest.raises(OrbitalInputError, match="is a directory"):
        write_report(sc, tmp_path)
    with pytest.raises(OrbitalInputError, match="'gif' is not one of: png, svg, pdf"):
        plots.write_figures(sc, tmp_path, fmt="gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_failed_write_leaves_no_file_behind(tmp_path, monkeypatch):
    import os

    real_replace, calls = os.replace, []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        write_all_atomically({tmp_path / "a.png": b"a", tmp_path / "b.png": b"b", tmp_path / "c.png": b"c"})
    # The first rename had landed: the set is incomplete, but no half-written file and no temporaries remain.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png"]
    assert (tmp_path / "a.png").read_bytes() == b"a"


def test_written_files_get_the_usual_permissions(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        write_all_atomically({tmp_path / "f.txt": "text"})
    finally:
        os.umask(umask)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "f.txt").read_text() == "text"


def test_cli_plot_one_figure(tmp_path, capsys):
    assert main(["plot", "baseline", "--figure", "mass-budget", "--out", str(tmp_path), "--format", "svg"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "mass-budget.svg")
    assert [p.name for p in tmp_path.iterdir()] == ["mass-budget.svg"]


def test_cli_plot_unknown_figure(tmp_path, capsys):
    assert main(["plot", "baseline", "--figure", "beta", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("orbital plot: error: --figure = 'beta' is not known; known: sunlight, solar-power,")
    assert "learning-curve, crossover, sensitivity, tornado, explain, build-out, fleet-shells, all" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_scenario_errors_read_as_in_run(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[orbit]\naltitude = '-5 km'\n")
    assert main(["run", str(bad)]) == 2
    run_err = capsys.readouterr().err.removeprefix("orbital run: ")
    for command in (["plot", str(bad), "--out", str(tmp_path / "f")], ["report", str(bad), "-o", str(tmp_path / "r")]):
        assert main(command) == 2
        assert capsys.readouterr().err.removeprefix(f"orbital {command[0]}: ") == run_err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_cli_report_format_from_the_suffix(tmp_path, capsys, monkeypatch):
    seen = {}

    def fake_report(sc, path, fmt, progress=None):
        seen["fmt"] = fmt
        return path

    monkeypatch.setattr(report, "write_report", fake_report)
    assert main(["report", "baseline", "-o", str(tmp_path / "r.PDF")]) == 0
    assert seen["fmt"] == "pdf"
    assert main(["report", "baseline", "-o", str(tmp_path / "r.pdf"), "--format", "html"]) == 0
    assert seen["fmt"] == "html"
    capsys.readouterr()


def test_sunlight_figure_of_a_span_under_a_day(baseline):
    sc, _ = baseline
    data = plots.beta_and_sunlight(sc.replace(orbit__sunlight_days="0.5 d")).orbital_data
    assert data["daily_sunlit_fraction"].shape == (1,)
    assert 0.0 < data["daily_sunlit_fraction"][0] <= 1.0


def test_terminal_progress_line_is_cleared_at_the_end():
    import io

    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress(1, 9, "sunlight")
    progress.close()
    text = stream.getvalue()
    assert "[##" + "." * 18 + "] 1/9 sunlight" in text and text.endswith("\r\033[K")


def test_the_heavy_ion_and_worst_day_figures(baseline, tmp_path):
    """The LET spectrum behind the shield with the chip's curves, and the worst day at 1 AU and at the orbit:
    labelled axes with units, and the orbit's fluence never above the one outside the magnetosphere."""
    sc, result = baseline
    let = plots.let_spectrum_chart(sc, result)
    ax = let.axes[0]
    assert "MeV cm²/mg" in ax.get_xlabel() and "m⁻² sr⁻¹ s⁻¹" in ax.get_ylabel()
    assert "cm²" in let.axes[1].get_ylabel()
    data = let.orbital_data
    assert np.all(np.diff(data["heavy_above"]) <= 0)  # an integral spectrum
    day = plots.worst_day_chart(sc, result)
    d = day.orbital_data
    assert np.all(d["fluence_orbit_cm2"] <= d["fluence_1au_cm2"]) and d["dose_rad_si"] > 0
    assert "MeV" in day.axes[0].get_xlabel() and "cm⁻²" in day.axes[0].get_ylabel()


def test_the_html_report_has_a_table_of_contents_whose_links_resolve(html_report):
    import re

    nav = re.search(r"<nav.*?</nav>", html_report, re.S).group(0)
    targets = re.findall(r"href='#([^']+)'", nav)
    ids = set(re.findall(r"id='([^']+)'", html_report))
    assert {"scenario", "results", "figures", "assumptions"} <= set(targets)
    assert all(t in ids for t in targets), [t for t in targets if t not in ids]
