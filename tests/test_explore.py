"""`orbital explore` (issue 23): the explorer's model, its command line, and the page in a real browser.

The browser tests start the app on a free port in this process and drive Debian's chromium through
Playwright (`.ci/run` installs both); where either is missing they skip and say so."""

from __future__ import annotations

import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orbital import OrbitalInputError, model
from orbital.cli import main
from orbital.explore import CHOICE_CONTROLS, PHYSICS_CONTROLS, Explorer
from orbital.scenario import SCHEMA, load_scenario
from orbital.sweep import VECTOR_KEYS

CHROMIUM = os.environ.get("ORBITAL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def explorer():
    return Explorer("baseline")


# -- the model behind the page -----------------------------------------------------------------------------


def test_every_vectorized_key_physics_key_and_choice_is_a_control_with_unit_and_source(explorer):
    controls = {c.name: c for c in explorer.controls()}
    assert set(VECTOR_KEYS) | set(PHYSICS_CONTROLS) | set(CHOICE_CONTROLS) == set(controls)
    physics = {f"{s}.{k}" for s, keys in model.PHYSICS_KEYS.items() for k in (keys or SCHEMA[s])}
    assert physics == {name for name, c in controls.items() if c.physics}
    assert {"launch.vehicle", "compute.server", "thermal.coating", "terrestrial.power_source"} <= set(controls)
    for c in controls.values():
        assert c.description, c.name  # the default's source is the tooltip
        assert c.flag or c.text or c.low < c.high, c.name
        if c.choices:
            assert c.value in c.choices, c.name
        if c.value is not None and not c.flag and c.slider:
            assert c.low <= c.value <= c.high, c.name
    assert controls["orbit.altitude"].unit == "km" and controls["orbit.altitude"].value == 650.0
    assert controls["orbit.altitude"].physics and not controls["launch.bus_cost"].physics
    assert controls["orbit.inclination"].placeholder.startswith("default: 97.99")  # derived for SSO


def test_the_answer_is_orbital_run_of_the_point(explorer):
    sc = explorer.propose("launch.price_per_kg", "300 USD/kg")
    answer = explorer.answer(sc)
    run = model.run(load_scenario("baseline").replace(launch__price_per_kg="300 USD/kg"))
    assert answer["cost_ratio"] == run.cost_ratio
    assert answer["lcoc_orbital"] == run.orbital.lcoc_usd_per_mwh
    assert answer["lcoc_terrestrial"] == run.terrestrial.lcoc_usd_per_mwh
    assert sum(answer["mass_budget"].values()) == pytest.approx(run.orbital.mass_kg_per_kw, rel=1e-9)
    assert explorer.scenario is explorer.base  # proposing changes nothing


def test_tornado_bars_are_the_model_at_each_end(explorer):
    """Each bar is the cost ratio with one key at -20 % and +20 %: the top bar rerun through model.run."""
    bars = explorer.tornado(explorer.base)
    assert 5 <= len(bars) <= 12
    swings = [abs(high - low) for _, low, high in bars]
    assert swings == sorted(swings, reverse=True)
    name, low, high = bars[0]
    section, _, key = name.partition(".")
    value = explorer.base.values[section][key]
    spec_scale = SCHEMA[section][key].scale
    for factor, expected in ((0.8, low), (1.2, high)):
        changed = explorer.base.replace(**{f"{section}__{key}": value * factor / spec_scale})
        assert model.run(changed).cost_ratio == pytest.approx(expected, rel=1e-9)


def test_waterfall_walks_from_the_loaded_scenario(tmp_path):
    e = Explorer("baseline")
    assert e.waterfall(e.base) == {}
    sc = e.propose("launch.price_per_kg", 300)
    e.accept("launch.price_per_kg", 300, sc)
    sc = e.propose("finance.discount_rate", 0.1)
    e.accept("finance.discount_rate", 0.1, sc)
    steps = e.waterfall(e.scenario)
    assert set(steps) == {"launch", "finance"}
    assert e.base_result.cost_ratio + sum(steps.values()) == pytest.approx(model.run(e.scenario).cost_ratio, rel=1e-9)


def test_the_orbits_two_forms_stay_consistent():
    """Typing an inclination leaves sun-synchronous (it would be ignored otherwise); leaving sun-synchronous
    keeps its inclination (the scenario would lack one); going back drops a typed inclination."""
    e = Explorer("baseline")
    sso = model.scenario_orbit(e.base).inclination
    sc = e.propose("orbit.sun_synchronous", False)
    assert not sc.orbit.sun_synchronous and sc.orbit.inclination == pytest.approx(sso, abs=1e-4)
    e.accept("orbit.sun_synchronous", False, sc)
    sc = e.propose("orbit.inclination", "53 deg")
    e.accept("orbit.inclination", "53 deg", sc)
    assert model.scenario_orbit(sc).inclination == 53.0
    sc = e.propose("orbit.sun_synchronous", True)
    e.accept("orbit.sun_synchronous", True, sc)
    assert sc.orbit.sun_synchronous and sc.orbit.inclination is None
    sc = Explorer("baseline").propose("orbit.inclination", 30)  # straight from sun-synchronous
    assert not sc.orbit.sun_synchronous and model.scenario_orbit(sc).inclination == 30.0


def test_bad_values_are_refused_with_the_models_message_and_nothing_changes(explorer):
    for value, fragment in (("abc", "could not be read as a quantity in USD / kg"), (-5, "outside the valid range")):
        with pytest.raises(OrbitalInputError, match=fragment):
            explorer.propose("launch.price_per_kg", value)
    with pytest.raises(OrbitalInputError, match="must be a length"):
        explorer.propose("orbit.altitude", "5 kg")
    with pytest.raises(OrbitalInputError, match="unknown control"):
        explorer.propose("launch.price", 3)
    assert explorer.changes == {}


def test_saved_scenario_round_trips_through_orbital_run(tmp_path, capsys):
    e = Explorer("baseline")
    for name, value in (("launch.price_per_kg", "250 USD/kg"), ("thermal.radiator_temperature", "310 K"),
                        ("terrestrial.electricity_price", 0.09)):  # fmt: skip
        e.accept(name, value, e.propose(name, value))
    path = tmp_path / "point.toml"
    path.write_text(e.toml())
    assert main(["run", str(path), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["cost_ratio"] == pytest.approx(e.answer()["cost_ratio"], rel=1e-12)


# -- the command line -----------------------------------------------------------------------------------


def test_command_line_refuses_bad_input_before_serving(capsys, monkeypatch):
    with pytest.raises(SystemExit) as usage:  # argparse's usage error: exit 2
        main(["explore", "--port", "80", "--no-browser"])
    assert usage.value.code == 2
    assert "argument --port: '80' is not a port" in capsys.readouterr().err
    assert main(["explore", "no-such-scenario", "--no-browser"]) == 2
    assert "no-such-scenario" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["explore", "--port", str(port), "--no-browser"]) == 2
        assert f"--port = {port} is in use" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "bokeh", None)  # as if the [explore] extra were not installed
    assert main(["explore", "--no-browser"]) == 2
    assert "pip install 'orbital-dc[explore]'" in capsys.readouterr().err


# -- the page in a browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium here (Debian: apt-get install chromium); the browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the [test] extra)")
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except sync_api.Error as exc:  # installed but unable to start here: the environment, not the app
            pytest.skip(f"chromium at {CHROMIUM} does not start headless: {str(exc).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def app():
    pytest.importorskip("bokeh")
    from orbital.explore_app import start

    running = start("baseline")
    yield running
    running.stop()


def open_page(browser, app, requests=None):
    page = browser.new_page(viewport={"width": 1200, "height": 1500}, accept_downloads=True)
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(app.url)
    page.wait_for_selector("#ratio", timeout=60_000)
    return page


def ratio_text(page) -> str:
    return page.locator("#ratio").inner_text()


def wait_for_change(page, before, timeout=60.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = ratio_text(page)
        if text != before:
            return text
        time.sleep(0.02)
    raise AssertionError(f"the ratio stayed {before} for {timeout} s")


def settled(page, quiet=0.6, timeout=30.0) -> str:
    """The ratio once it has stopped changing for ``quiet`` seconds (a slider sends a value per step)."""
    text, since, end = ratio_text(page), time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < end:
        time.sleep(0.05)
        now = ratio_text(page)
        if now != text:
            text, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return text
    raise AssertionError("the ratio kept changing")


def field(page, section, name):
    page.get_by_text(section, exact=True).first.click()  # the section's tab
    return page.locator(f".orbital-in-{section}-{name} input")


def saved_ratio(page, tmp_path) -> str:
    """Save as scenario in the page, run the file with `orbital run`, print the ratio as the page does."""
    with page.expect_download() as download:
        page.locator(".orbital-save button").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    out = subprocess.run(
        [sys.executable, "-m", "orbital", "run", str(path), "--json"], capture_output=True, text=True, check=True
    )
    return f"{json.loads(out.stdout)['cost_ratio']:.4g}"


def test_page_loads_from_127_0_0_1_only_and_shows_the_scenarios_ratio(browser, app):
    requests = []
    page = open_page(browser, app, requests)
    assert ratio_text(page) == f"{model.run(load_scenario('baseline')).cost_ratio:.4g}"
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:"))]
    assert requests and outside == []
    page.close()


def test_typing_a_value_and_moving_a_slider_match_orbital_run_of_the_saved_scenario(browser, app, tmp_path):
    page = open_page(browser, app)
    before = ratio_text(page)
    price = field(page, "launch", "price_per_kg")
    price.fill("300 USD/kg")
    price.press("Enter")
    typed = wait_for_change(page, before)
    assert typed == saved_ratio(page, tmp_path)
    handle = page.locator(".orbital-slider-launch-bus_cost .noUi-handle")
    handle.focus()
    for _ in range(5):
        handle.press("ArrowLeft")
    wait_for_change(page, typed)
    assert settled(page) == saved_ratio(page, tmp_path)
    page.close()


def test_an_invalid_value_shows_the_models_message_and_keeps_the_answer(browser, app):
    page = open_page(browser, app)
    before = ratio_text(page)
    price = field(page, "launch", "price_per_kg")
    price.fill("cheap")
    price.press("Enter")
    message = page.locator(".orbital-error-launch-price_per_kg .orbital-message")
    message.wait_for(timeout=10_000)
    assert "price_per_kg = 'cheap' could not be read" in message.inner_text()
    assert ratio_text(page) == before
    price.fill("-3 USD/kg")
    price.press("Enter")
    page.wait_for_function(
        "() => true", timeout=1000
    )  # the server answers on its websocket; the message is replaced, the ratio kept
    end = time.monotonic() + 10
    while "outside the valid range" not in message.inner_text() and time.monotonic() < end:
        time.sleep(0.05)
    assert "outside the valid range" in message.inner_text()
    assert ratio_text(page) == before
    page.close()


def test_a_new_orbit_shows_progress_then_its_answer(browser, app, tmp_path):
    page = open_page(browser, app)
    before = ratio_text(page)
    altitude = field(page, "orbit", "altitude")
    altitude.fill("587 km")  # an orbit no other test computes: a cache miss
    altitude.press("Enter")
    page.locator(".orbital-busy").wait_for(timeout=10_000)
    assert "computing the orbit physics" in page.locator(".orbital-status-text").inner_text()
    after = wait_for_change(page, before, timeout=120)
    assert after == saved_ratio(page, tmp_path)
    assert not math.isclose(float(after), float(before))
    page.close()


def test_choosing_a_catalog_entry_matches_orbital_run_of_the_saved_scenario(browser, app, tmp_path):
    page = open_page(browser, app)
    before = ratio_text(page)
    page.get_by_text("launch", exact=True).first.click()
    page.locator(".orbital-in-launch-vehicle select").select_option("falcon-heavy")
    after = wait_for_change(page, before)
    assert after == saved_ratio(page, tmp_path)
    page.close()


def test_open_report_renders_the_current_point(browser, app):
    page = open_page(browser, app)
    with page.expect_popup(timeout=120_000) as popup:
        page.locator(".orbital-report button").click()
    report = popup.value
    report.wait_for_load_state()
    assert "/report/" in report.url and report.url.startswith(app.url.rstrip("/"))
    assert "baseline" in report.title()
    page.close()


def test_the_docs_screenshot_exists():
    """The default state, looked at and committed (docs/_static/explore.png; regenerated by
    benchmarks/bench_explore.py --screenshot)."""
    shot = Path(__file__).parents[1] / "docs" / "_static" / "explore.png"
    assert shot.is_file() and shot.stat().st_size > 50_000
