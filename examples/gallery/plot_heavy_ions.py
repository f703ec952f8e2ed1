"""
Cosmic-ray heavy ions behind a shield
=====================================

The LET spectrum in silicon of cosmic-ray nuclei H to Ni (Matthiä et al. 2013) on an 800 km polar orbit
at solar minimum, behind 1, 2.54 and 10 mm of aluminium, and the heavy-ion upsets it causes in a chip.
"""

import matplotlib.pyplot as plt

from orbital import Orbit, radiation
from orbital.heavy_ions import LET_GRID, let_response, let_spectra

env = radiation.trapped_environment(Orbit(altitude=800e3, inclination=90.0, raan=0.0, epoch="2026-01-01"),
                                    solar="min")
chip = radiation.accelerator("b200-class")
response = let_response(chip.heavy_ion_curve("interrupt"), chip.heavy_ion["depth_um"])
thicknesses = [1e-3, 2.54e-3, 10e-3]
_, heavy = let_spectra(env, thicknesses)

fig, ax = plt.subplots(figsize=(6.5, 4.2))
for t, spectrum in zip(thicknesses, heavy, strict=True):
    rate = response @ spectrum * 86400
    ax.loglog(LET_GRID, spectrum, label=f"{t * 1e3:g} mm Al: {rate:.2g} interruptions per chip-day")
ax.set_xlim(0.1, 40)
ax.set_ylim(1e-5, 10)
ax.set_xlabel("LET in silicon [MeV cm²/mg]")
ax.set_ylabel("Nuclei Z ≥ 2 above LET [m⁻² sr⁻¹ s⁻¹]")
ax.set_title("Heavy ions at 800 km polar, solar minimum")
ax.legend(fontsize=8)
fig.tight_layout()
