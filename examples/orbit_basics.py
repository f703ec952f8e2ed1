"""A tour of orbital.orbits for a notebook: Suncatcher's dawn-dusk orbit against a noon-midnight one.

Run: python examples/orbit_basics.py
"""

import numpy as np

from orbital import Orbit, orbits

dawn_dusk = Orbit.sun_synchronous("650 km", ltan="18:00", epoch="2026-01-01")
noon_midnight = Orbit.sun_synchronous("650 km", ltan="12:00", epoch="2026-01-01")

print(f"650 km sun-synchronous inclination: {dawn_dusk.inclination:.2f} deg, period {dawn_dusk.period / 60:.2f} min")
for name, orbit in (("dawn-dusk", dawn_dusk), ("noon-midnight", noon_midnight)):
    s = orbit.sunlight(days=365, step=30).summary()
    print(
        f"{name:>14}: sunlit {s.sunlit_fraction:.3f}, {s.eclipse_days} eclipse days, "
        f"longest eclipse {s.max_eclipse_s / 60:.1f} min, beta {s.beta_min_deg:.1f}..{s.beta_max_deg:.1f} deg"
    )

# Kernels take SI floats and broadcast: eclipse duration over altitude x beta in one call.
altitude = np.array([400e3, 550e3, 650e3, 800e3])[:, None]
beta = np.array([0.0, 30.0, 60.0])
print("eclipse duration [min] (rows: 400/550/650/800 km; columns: beta 0/30/60 deg)")
print(np.round(orbits.eclipse_duration(altitude, beta, "conical") / 60, 1))

# Drag: delta-v per year to hold 650 km for a ballistic coefficient of 100 kg/m^2.
for level in ("low", "moderate", "high"):
    print(f"{level:>9} activity: {dawn_dusk.drag_delta_v_per_year('100 kg/m2', level):.2f} m/s per year")
