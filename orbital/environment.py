"""The Earth as a source of heat and light for a spacecraft: infrared emission, albedo, view factors.

Shared by the solar array's temperature (:mod:`orbital.solar`) and the radiator
sink (:mod:`orbital.thermal`). Kernels take SI floats and angles in degrees.
"""

from __future__ import annotations

import numpy as np

from .constants import R_EARTH
from .errors import check_range

__all__ = ["ALBEDO", "EARTH_IR", "albedo_irradiance", "earth_ir_irradiance", "earth_view_factor"]

#: Orbit-average Earth infrared exitance at the top of the atmosphere [W m⁻²];
#: design values range from about 150 to 350 with latitude, cloud and season.
#: Gilmore (ed.), Spacecraft Thermal Control Handbook, Vol. I (2002), ch. 2.
EARTH_IR = 237.0

#: Orbit-average Earth albedo (fraction of incident sunlight reflected) [-];
#: NASA design models use 0.30-0.35. Gilmore (2002), ch. 2.
ALBEDO = 0.30


def earth_view_factor(altitude, nadir_angle):
    """View factor from one face of a flat plate to the Earth.

    The face's normal makes ``nadir_angle`` with the direction to the Earth's
    centre. With H = (R+h)/R: fully in view (ψ ≤ 90° - ρ, sin ρ = 1/H),
    F = cos ψ / H²; out of view (ψ ≥ 90° + ρ), F = 0; in between the Earth's
    disc is cut by the plate's horizon and the closed form of the tilted-plate
    configuration applies. It reduces to Rickman's nadir-facing
    F = (R/(R+h))² at ψ = 0 and to F = (2ρ - sin 2ρ)/(2π) at ψ = 90°.

    Parameters
    ----------
    altitude : float or array_like
        Height above the Earth's (spherical, equatorial) radius [m], > 0.
    nadir_angle : float or array_like
        Angle between the face's outward normal and nadir [deg], in [0, 180].

    Returns
    -------
    float or numpy.ndarray
        View factor [-], in [0, 1].

    References
    ----------
    Howell, A Catalog of Radiation Heat Transfer Configuration Factors (3rd ed.,
    2010), differential planar element to a sphere, tilted; Rickman,
    "Introduction to Orbital Mechanics and Spacecraft Attitudes for Thermal
    Engineers", NASA TFAWS (2014), for the nadir and horizontal special cases.
    """
    h = check_range("altitude", altitude, 0.0, np.inf, unit="km", scale=1e3, low_open=True)
    psi = np.radians(check_range("nadir angle", nadir_angle, 0.0, 180.0, unit="deg"))
    big_h = (R_EARTH + h) / R_EARTH
    rho = np.arcsin(1.0 / big_h)
    root = np.sqrt(big_h**2 - 1.0)
    cos_psi, sin_psi = np.cos(psi), np.sin(psi)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # the branch is masked below
        partial = (
            0.5
            - np.arcsin(np.clip(root / (big_h * sin_psi), -1.0, 1.0)) / np.pi
            + (
                cos_psi * np.arccos(np.clip(-root * cos_psi / sin_psi, -1.0, 1.0))
                - root * np.sqrt(np.clip(1.0 - big_h**2 * cos_psi**2, 0.0, None))
            )
            / (np.pi * big_h**2)
        )
    full = cos_psi / big_h**2
    factor = np.where(psi <= np.pi / 2 - rho, full, np.where(psi >= np.pi / 2 + rho, 0.0, partial))
    return np.clip(factor, 0.0, 1.0)[()]


def earth_ir_irradiance(view_factor, earth_ir=EARTH_IR):
    """Earth infrared irradiance on a face, q = E_IR · F [W m⁻²].

    Parameters
    ----------
    view_factor : float or array_like
        Face-to-Earth view factor [-].
    earth_ir : float, optional
        Earth infrared exitance [W m⁻²].

    References
    ----------
    Gilmore (2002), ch. 2 and 5 (environmental heat loads).
    """
    check_range("earth_ir", earth_ir, 0.0, 500.0, unit="W/m2")
    return (np.asarray(view_factor, float) * earth_ir)[()]


def albedo_irradiance(solar_irradiance, view_factor, cos_sun_zenith, albedo=ALBEDO):
    """Sunlight reflected by the Earth onto a face, q = a · S · F · max(cos ζ, 0) [W m⁻²].

    ζ is the solar zenith angle at the sub-satellite point: the reflected flux
    follows the illumination of the Earth below, vanishing over the night side.
    The form is the standard engineering approximation; it overestimates near the
    terminator, where a satellite still sees part of the lit Earth.

    Parameters
    ----------
    solar_irradiance : float or array_like
        Direct solar irradiance at the spacecraft [W m⁻²].
    view_factor : float or array_like
        Face-to-Earth view factor [-].
    cos_sun_zenith : float or array_like
        Cosine of the Sun's zenith angle at the sub-satellite point [-].
    albedo : float, optional
        Earth albedo [-], in [0, 1].

    References
    ----------
    Gilmore (2002), ch. 2 and 5; Rickman, NASA TFAWS (2014).
    """
    check_range("albedo", albedo, 0.0, 1.0)
    cos_z = np.clip(np.asarray(cos_sun_zenith, float), 0.0, 1.0)
    return (albedo * np.asarray(solar_irradiance, float) * np.asarray(view_factor, float) * cos_z)[()]
