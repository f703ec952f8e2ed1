"""Charged-particle transport basics shared by :mod:`orbital.radiation` and :mod:`orbital.heavy_ions`:
proton rigidity, the Earth's shadow, Bethe stopping powers and CSDA ranges.
"""

from __future__ import annotations

import functools

import numpy as np

from .constants import R_EARTH
from .errors import check_choice, check_range

__all__ = [
    "ALUMINIUM_DENSITY",
    "PROTON_MASS_MEV",
    "earth_shadow_factor",
    "energy_for_range",
    "proton_csda_range",
    "proton_energy_from_rigidity",
    "proton_rigidity",
    "proton_stopping_power",
]

#: Density of aluminium [kg m⁻³] (CRC Handbook of Chemistry and Physics).
ALUMINIUM_DENSITY = 2699.0

#: Proton rest energy [MeV] (CODATA 2018).
PROTON_MASS_MEV = 938.27208816


def proton_rigidity(energy):
    """Magnetic rigidity of a proton, R = √(E² + 2 E m c²) / e [GV].

    Parameters
    ----------
    energy : float or array_like
        Kinetic energy [MeV].
    """
    e = np.asarray(energy, dtype=float)
    return (np.sqrt(e**2 + 2.0 * e * PROTON_MASS_MEV) / 1e3)[()]


def proton_energy_from_rigidity(rigidity):
    """Kinetic energy of a proton of a given rigidity [MeV] (inverse of :func:`proton_rigidity`)."""
    pc = np.asarray(rigidity, dtype=float) * 1e3
    return (np.sqrt(pc**2 + PROTON_MASS_MEV**2) - PROTON_MASS_MEV)[()]


def earth_shadow_factor(altitude):
    """Fraction of the sky not hidden by the Earth, (1 + cos ρ) / 2 with sin ρ = R / (R + h).

    Isotropic cosmic rays and solar particles cannot arrive from directions the
    solid Earth blocks.

    Parameters
    ----------
    altitude : float or array_like
        Altitude [m].

    References
    ----------
    CREME96 Earth shadowing (Tylka et al. 1997), as described on the SPENVIS
    CREME background page; solid angle of a sphere's disc.
    """
    h = check_range("altitude", altitude, 0.0, np.inf, unit="km", scale=1e3)
    sin_rho = R_EARTH / (R_EARTH + h)
    return ((1.0 + np.sqrt(1.0 - sin_rho**2)) / 2.0)[()]


#: Bethe inputs: Z/A and mean excitation energy I [eV] (ICRU Report 49, 1993).
_MATERIALS = {"aluminium": (13.0 / 26.9815, 166.0), "silicon": (14.0 / 28.0855, 173.0), "water": (0.55509, 75.0)}
_ELECTRON_MASS_MEV = 0.51099895
_K_BETHE = 0.307075  # 4π N_A r_e² m_e c² [MeV cm² mol⁻¹] (PDG)


def proton_stopping_power(energy, material="aluminium"):
    """Electronic mass stopping power of protons, Bethe formula without shell corrections.

    -dE/dx = K (Z/A) (1/β²) [½ ln(2 m c² β² γ² T_max / I²) - β²], accurate to
    ~2 % above a few MeV (where shell and Barkas corrections fade).

    Parameters
    ----------
    energy : float or array_like
        Proton kinetic energy [MeV], ≥ 1.
    material : {"aluminium", "silicon", "water"}
        Absorber.

    Returns
    -------
    float or numpy.ndarray
        Stopping power [MeV cm² g⁻¹].

    References
    ----------
    Particle Data Group, Review of Particle Physics, "Passage of particles through
    matter" (Bethe equation); ICRU Report 49 (1993) for Z/A and I.
    """
    check_choice("material", material, tuple(_MATERIALS))
    e = check_range("proton energy", energy, 1.0, 1e5, unit="MeV")
    z_over_a, mean_excitation = _MATERIALS[material]
    gamma = 1.0 + e / PROTON_MASS_MEV
    beta2 = 1.0 - 1.0 / gamma**2
    ratio = _ELECTRON_MASS_MEV / PROTON_MASS_MEV
    t_max = 2.0 * _ELECTRON_MASS_MEV * beta2 * gamma**2 / (1.0 + 2.0 * gamma * ratio + ratio**2)
    i_mev = mean_excitation * 1e-6
    log_term = 0.5 * np.log(2.0 * _ELECTRON_MASS_MEV * beta2 * gamma**2 * t_max / i_mev**2)
    return (_K_BETHE * z_over_a / beta2 * (log_term - beta2))[()]


@functools.cache
def _range_table(material):
    energy = np.geomspace(1.0, 1e5, 2500)
    inverse = 1.0 / proton_stopping_power(energy, material)
    csda = np.concatenate([[0.0], np.cumsum(0.5 * (inverse[1:] + inverse[:-1]) * np.diff(energy))])
    # Below 1 MeV the range is < 0.005 g/cm² in these materials; start the table there.
    return energy, csda


def proton_csda_range(energy, material="aluminium"):
    """CSDA range of protons, ∫ dE / S(E) from 1 MeV [g cm⁻²].

    Parameters
    ----------
    energy : float or array_like
        Kinetic energy [MeV], 1-100,000.
    material : {"aluminium", "silicon", "water"}
        Absorber.

    References
    ----------
    Bethe stopping power (:func:`proton_stopping_power`); checked against NIST
    PSTAR (100 MeV protons in water: 7.718 g cm⁻²).
    """
    check_choice("material", material, tuple(_MATERIALS))
    e = check_range("proton energy", energy, 1.0, 1e5, unit="MeV")
    table_e, table_r = _range_table(material)
    return np.interp(e, table_e, table_r)[()]


def energy_for_range(csda, material="aluminium"):
    table_e, table_r = _range_table(material)
    return np.interp(csda, table_r, table_e)
