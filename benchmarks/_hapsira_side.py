"""The poliastro-lineage half of ``crosscheck_poliastro.py``; runs in the hapsira environment.

It must not import orbital (that needs numpy >= 2, hapsira needs numpy < 2). It reads
one JSON case on stdin: an epoch, an osculating TEME state (km, km/s), a span and a
step; it integrates the state numerically with two-body + J2 (hapsira's Cowell/DOP853
and ``J2_perturbation``), puts the Sun where astropy's ``get_sun`` says (transformed
to TEME), applies hapsira's conical shadow function (Escobal 1965, umbra and
penumbra), and prints the sunlight and node-drift figures as JSON on stdout.
"""

import json
import sys
import warnings

import numpy as np
from astropy import units as u
from astropy.coordinates import TEME, get_sun
from astropy.time import Time
from astropy.utils import iers
from hapsira.bodies import Earth, Sun
from hapsira.core.events import eclipse_function
from hapsira.core.perturbations import J2_perturbation
from hapsira.core.propagation import cowell
from hapsira.core.propagation.base import func_twobody

K = Earth.k.to_value(u.km**3 / u.s**2)
R_EARTH = Earth.R.to_value(u.km)
R_SUN = Sun.R.to_value(u.km)
J2 = Earth.J2.value


def two_body_j2(t0, state, k):
    du = func_twobody(t0, state, k)
    du[3:] += J2_perturbation(t0, state, k, J2=J2, R=R_EARTH)
    return du


def runs(mask):
    edges = np.diff(mask.astype(np.int8), prepend=0, append=0)
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def mean_node(r, v, samples_per_orbit):
    h = np.cross(r[:samples_per_orbit], v[:samples_per_orbit])
    node = np.arctan2(h[:, 0], -h[:, 1])
    return np.degrees(np.angle(np.mean(np.exp(1j * node))))


def main():
    case = json.load(sys.stdin)
    step = case["step_s"]
    tofs = np.arange(0.0, case["days"] * 86400.0, step)
    rr, vv = cowell(K, np.array(case["r_km"]), np.array(case["v_km_s"]), tofs, rtol=1e-11, f=two_body_j2)
    r, v = np.array(rr), np.array(vv)

    with (
        warnings.catch_warnings(),
        iers.conf.set_temp("auto_download", False),
        iers.conf.set_temp("iers_degraded_accuracy", "ignore"),
    ):
        warnings.simplefilter("ignore")
        times = Time(case["epoch"], scale="utc") + tofs * u.s
        sun = get_sun(times).transform_to(TEME(obstime=times)).cartesian.xyz.to_value(u.km).T

    state = np.hstack([r, v])
    umbra_fn = np.array([eclipse_function(K, s, p, R_SUN, R_EARTH, True) for s, p in zip(state, sun, strict=True)])
    penumbra_fn = np.array([eclipse_function(K, s, p, R_SUN, R_EARTH, False) for s, p in zip(state, sun, strict=True)])
    night_side = np.einsum("ij,ij->i", r, sun) < 0  # Escobal's function is symmetric in cos ψ
    shadow = night_side & (penumbra_fn > 0)
    umbra = night_side & (umbra_fn > 0)

    starts, ends = runs(shadow)
    u_starts, u_ends = runs(umbra)
    period = 2 * np.pi * np.sqrt(np.linalg.norm(r[0]) ** 3 / K)
    per_orbit = int(round(period / step))
    last = slice(len(tofs) - per_orbit, None)
    drift = (mean_node(r[last], v[last], per_orbit) - mean_node(r, v, per_orbit) + 180) % 360 - 180
    print(
        json.dumps(
            {
                "shadow_time_fraction": float(shadow.mean()),
                "umbra_time_fraction": float(umbra.mean()),
                "eclipse_count": int(starts.size),
                "max_eclipse_s": float((ends - starts).max(initial=0) * step),
                "max_umbra_s": float((u_ends - u_starts).max(initial=0) * step),
                "eclipse_days": int(np.unique((tofs[shadow] // 86400).astype(int)).size),
                "raan_drift_deg_per_day": float(drift / (tofs[last][0] / 86400.0)),
            }
        )
    )


if __name__ == "__main__":
    main()
