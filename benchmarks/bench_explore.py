"""Benchmark: `orbital explore` in a real browser (issue #23).

Targets: a change on cached physics updates every output in <= 200 ms (typed value or slider step to the
new ratio on the page, in headless Debian chromium through Playwright); a new orbit shows progress and
finishes in the cold-physics time (issue #22's 1.2 s of CPU, here measured as wall time to the answer);
the app's idle CPU ~0. Also the server's own share: :meth:`Explorer.answer` alone.

Run from the project root: ``python benchmarks/bench_explore.py [--screenshot]`` (``--screenshot`` also
writes docs/_static/explore.png, the page in its default state). Needs bokeh, playwright and chromium.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    chromium = os.environ.get("ORBITAL_CHROMIUM") or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        print("needs playwright and chromium (apt-get install chromium): nothing measured")
        return
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ORBITAL_CACHE_DIR"] = cache
        from orbital.explore import Explorer
        from orbital.explore_app import start

        explorer = Explorer("baseline")
        server_side = []
        for k in range(20):
            sc = explorer.propose("launch.price_per_kg", 300 + k)
            t0 = time.perf_counter()
            explorer.answer(sc)
            server_side.append(time.perf_counter() - t0)

        app = start("baseline")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(app.url)
            page.wait_for_selector("#ratio")
            load = time.perf_counter() - t0
            if "--screenshot" in sys.argv:
                shot = ROOT / "docs" / "_static" / "explore.png"
                shot.parent.mkdir(exist_ok=True)
                page.wait_for_timeout(500)
                page.screenshot(path=str(shot))
                print(f"screenshot: {shot.relative_to(ROOT)}")

            def ratio():
                return page.locator("#ratio").inner_text()

            def until_changed(before, timeout=120.0):
                end = time.perf_counter() + timeout
                while time.perf_counter() < end:
                    now = ratio()
                    if now != before:
                        return now
                    page.wait_for_timeout(2)
                raise SystemExit("the page did not update")

            page.get_by_text("launch", exact=True).first.click()
            field = page.locator(".orbital-in-launch-price_per_kg input")
            typed = []
            for k in range(15):
                before = ratio()
                field.fill(f"{200 + 37 * k} USD/kg")
                t0 = time.perf_counter()
                field.press("Enter")
                until_changed(before)
                typed.append(time.perf_counter() - t0)
            handle = page.locator(".orbital-slider-launch-bus_cost .noUi-handle")
            handle.focus()
            slid = []
            for k in range(15):
                before = ratio()
                t0 = time.perf_counter()
                handle.press("ArrowLeft" if k % 2 else "ArrowRight")
                until_changed(before)
                slid.append(time.perf_counter() - t0)
                page.wait_for_timeout(100)

            page.get_by_text("orbit", exact=True).first.click()
            altitude = page.locator(".orbital-in-orbit-altitude input")
            before = ratio()
            altitude.fill("612 km")
            t0 = time.perf_counter()
            altitude.press("Enter")
            page.locator(".orbital-busy").wait_for()
            progress = time.perf_counter() - t0
            until_changed(before)
            orbit = time.perf_counter() - t0

            page.wait_for_timeout(1000)
            cpu0, wall0 = os.times(), time.perf_counter()
            time.sleep(5.0)
            cpu1, wall1 = os.times(), time.perf_counter()
            idle = max(0.0, cpu1.user + cpu1.system - cpu0.user - cpu0.system) / (wall1 - wall0)
            browser.close()
        app.stop()
    ms = 1e3
    print(f"page load to the first answer: {load:.2f} s")
    print(
        f"server side, Explorer.answer (run + tornado + waterfall): median {statistics.median(server_side) * ms:.0f} ms"
    )
    print(f"typed value to the new ratio on the page: median {statistics.median(typed) * ms:.0f} ms, "
          f"max {max(typed) * ms:.0f} ms (15; target 200 ms)")  # fmt: skip
    print(f"slider step to the new ratio on the page: median {statistics.median(slid) * ms:.0f} ms, "
          f"max {max(slid) * ms:.0f} ms (15; target 200 ms)")  # fmt: skip
    print(f"a new orbit (612 km, cold cache): progress shown after {progress * ms:.0f} ms, answer after {orbit:.2f} s")
    print(f"idle: the server process used {idle:.1%} of a core over 5 s")


if __name__ == "__main__":
    main()
