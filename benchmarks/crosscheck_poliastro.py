"""Cross-check orbital's sunlight and J2 drift against the poliastro lineage (hapsira).

poliastro does not install on Python >= 3.11 and its fork hapsira pins numpy < 2,
matplotlib < 3.8 and astropy < 7, so it cannot share orbital's environment. This
script runs in orbital's environment and calls ``_hapsira_side.py`` in a separate
one, found at ``$HAPSIRA_PYTHON`` (default ``.venv-hapsira/bin/python``). Without
it, the script says so and exits 0.

For each case both sides start from the same osculating TEME state (orbital's SGP4
state at the epoch) and cover the same span at the same step:

* orbital: SGP4 mean-element propagation, Meeus sun, conical shadow geometry;
* hapsira: numerical two-body + J2 (Cowell, DOP853), astropy's get_sun, Escobal's
  conical shadow function.

Set up the other environment once::

    python3 -m venv .venv-hapsira
    .venv-hapsira/bin/pip install hapsira "astropy<7"

then run ``python benchmarks/crosscheck_poliastro.py`` from the project root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from orbital import Orbit
from orbital.constants import DAY

HERE = Path(__file__).resolve().parent
CASES = [
    ("650 km dawn-dusk SSO, June (eclipse season)", lambda: Orbit.sun_synchronous("650 km", "18:00", "2026-06-01")),
    ("550 km noon-midnight SSO, January", lambda: Orbit.sun_synchronous("550 km", "12:00", "2026-01-01")),
    ("550 km, 53 deg (Starlink shell), March", lambda: Orbit.circular("550 km", 53, raan=40, epoch="2026-03-01")),
]
DAYS = 30.0
STEP = 30.0


def orbital_side(orbit: Orbit) -> dict:
    series = orbit.sunlight(days=DAYS, step=STEP, shadow="conical")
    summary = series.summary()
    shadow = series.illuminated_fraction < 1
    return {
        "shadow_time_fraction": float(shadow.mean()),
        "umbra_time_fraction": summary.umbra_fraction,
        "eclipse_count": summary.eclipse_count,
        "max_eclipse_s": summary.max_eclipse_s,
        "max_umbra_s": summary.max_umbra_s,
        "eclipse_days": summary.eclipse_days,
        "raan_drift_deg_per_day": orbit.raan_drift_rate * DAY,
        "raan_drift_sgp4_deg_per_day": _propagated_node_drift(orbit),
    }


def _mean_node(orbit: Orbit, t0: float) -> float:
    """RAAN of the SGP4 orbit averaged over one revolution from t0 [deg]."""
    t = np.linspace(t0, t0 + orbit.period, 400, endpoint=False)
    r, v = orbit.propagate(t)
    h = np.cross(r, v)
    return float(np.degrees(np.angle(np.mean(np.exp(1j * np.arctan2(h[:, 0], -h[:, 1]))))))


def _propagated_node_drift(orbit: Orbit) -> float:
    """Node drift of orbital's SGP4 propagation over the span [deg/day]."""
    end = DAYS * DAY - orbit.period
    return ((_mean_node(orbit, end) - _mean_node(orbit, 0.0) + 180) % 360 - 180) / (end / DAY)


def hapsira_side(python: str, orbit: Orbit) -> dict:
    r, v = orbit.propagate(0.0)
    case = {
        "epoch": orbit.epoch.isot,
        "r_km": (r / 1e3).tolist(),
        "v_km_s": (v / 1e3).tolist(),
        "days": DAYS,
        "step_s": STEP,
    }
    done = subprocess.run(
        [python, str(HERE / "_hapsira_side.py")],
        input=json.dumps(case),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the hapsira side failed:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> int:
    python = os.environ.get("HAPSIRA_PYTHON", ".venv-hapsira/bin/python")
    probe = (
        subprocess.run([python, "-c", "import hapsira"], capture_output=True, text=True, check=False)
        if Path(python).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        print(f"skipped: no hapsira environment at {python} (see this script's docstring to create one)")
        return 0
    keys = [
        ("shadow_time_fraction", "{:.5f}"),
        ("umbra_time_fraction", "{:.5f}"),
        ("eclipse_count", "{:d}"),
        ("max_eclipse_s", "{:.0f}"),
        ("max_umbra_s", "{:.0f}"),
        ("eclipse_days", "{:d}"),
        ("raan_drift_deg_per_day", "{:.5f}"),
        ("raan_drift_sgp4_deg_per_day", "{:.5f}"),
    ]
    print(
        f"{DAYS:g} days at {STEP:g} s steps; orbital = SGP4 + Meeus sun + conical shadow, "
        "hapsira = Cowell two-body+J2 + astropy sun + Escobal conical shadow.\n"
        "raan_drift: orbital's analytic J2 rate; raan_drift_sgp4: measured on orbital's SGP4 "
        "orbit; both against the drift measured on hapsira's numerical orbit.\n"
    )
    for label, make in CASES:
        orbit = make()
        t0 = time.perf_counter()
        ours = orbital_side(orbit)
        t1 = time.perf_counter()
        theirs = hapsira_side(python, orbit)
        theirs["raan_drift_sgp4_deg_per_day"] = theirs["raan_drift_deg_per_day"]
        t2 = time.perf_counter()
        print(f"{label}  (orbital {t1 - t0:.2f} s, hapsira {t2 - t1:.1f} s)")
        print(f"  {'quantity':<30}{'orbital':>12}{'hapsira':>12}  difference")
        for key, fmt in keys:
            a, b = ours[key], theirs[key]
            diff = a - b
            rel = f" ({diff / b:+.2%})" if isinstance(b, float) and b else ""
            print(f"  {key:<30}{fmt.format(a):>12}{fmt.format(b):>12}  {diff:+.4g}{rel}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
