"""Solar yield by orbit: electrical power per m² and per kg, sized for an IT load, against a ground panel.

The chain, each link a kernel on SI floats (angles in degrees):

1. irradiance at the spacecraft: S = S0 (1 AU / d)² times the visible fraction of
   the solar disc (:func:`solar_irradiance`, the orbit module's series);
2. pointing: the cosine on the array and the array's angle to nadir
   (:func:`pointing_geometry`), from which Earth IR and albedo loads follow
   (:mod:`orbital.environment`);
3. the cell's operating temperature from the array's radiative balance and
   its efficiency there (:func:`operating_point`);
4. degradation over the mission, by a fixed rate and by a 1-MeV fluence curve
   (:func:`end_of_life_factor`);
5. sizing for a load: the array that carries the worst orbit of the year
   through its eclipse, and the battery for the longest eclipse
   (:func:`array_area_for_load`, :func:`battery_size`);
6. the same panel on the ground with pvlib (:func:`ground_yield`).

:func:`array_illumination` condenses a sunlight series into the per-orbit sums
the sizing needs, so that sizing many designs costs no more propagation.
Lifetimes are in seconds; degradation rates are per Julian year and fluences in
1-MeV electrons per cm², the units of their field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources

import numpy as np

from .catalogs import load, lookup
from .constants import AU, JULIAN_YEAR, STEFAN_BOLTZMANN
from .environment import ALBEDO, EARTH_IR, albedo_irradiance, earth_ir_irradiance, earth_view_factor
from .errors import OrbitalInputError, check_choice, check_range
from .orbits import SunlightSeries
from .results import Report, Table

__all__ = [
    "POINTING_MODES",
    "SOLAR_CONSTANT",
    "ArrayIllumination",
    "Battery",
    "Cell",
    "GroundYield",
    "PowerSystem",
    "SolarReport",
    "array_area_for_load",
    "array_illumination",
    "array_power",
    "battery",
    "battery_size",
    "catalog_names",
    "cell",
    "cell_efficiency",
    "degradation_factor",
    "end_of_life_factor",
    "fluence_remaining_factor",
    "ground_sites",
    "ground_yield",
    "life_average_factor",
    "operating_point",
    "orbit_average_output",
    "pointing_geometry",
    "size_power_system",
    "solar_irradiance",
    "solar_report",
]

#: Total solar irradiance at 1 AU [W m⁻²]: 1360.8 ± 0.5 at the 2008 solar
#: minimum, varying ~0.1 % over a cycle (Kopp & Lean, GRL 38, L01706, 2011).
SOLAR_CONSTANT = 1361.0

#: Array attitudes: "sun-tracking" (two axes, normal on the Sun), "single-axis"
#: (a gimbal about the orbit normal, like the ISS alpha joints), "orbit-normal"
#: (body-fixed, facing along the orbit normal on the Sun's side: the natural
#: fixed array of a dawn-dusk orbit), "zenith" (body-fixed, facing away from Earth).
POINTING_MODES = ("sun-tracking", "single-axis", "orbit-normal", "zenith")

_ZERO_C = 273.15


# --------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------


def _cells():
    return load("solar_cells.toml")


def _batteries():
    return load("batteries.toml")


def _sites():
    return load("ground_sites.toml")


@dataclass(frozen=True)
class Cell:
    """A solar cell on its array, from ``orbital/data/solar_cells.toml`` (see its header).

    Attributes are in SI except where noted: ``reference_temperature`` [K],
    ``temperature_coefficient`` [K⁻¹], ``specific_power`` [W kg⁻¹],
    ``degradation_rate`` [yr⁻¹], ``fluence`` [cm⁻²].
    """

    name: str
    description: str
    efficiency: float
    reference_temperature: float
    temperature_coefficient: float
    packing_factor: float
    assembly_factor: float
    specific_power: float
    absorptance: float
    emittance_front: float
    emittance_back: float
    absorptance_back: float
    degradation_rate: float
    fluence: tuple = ()
    remaining_factor: tuple = ()
    sources: tuple = field(default=(), compare=False)

    def __post_init__(self):
        check_range("efficiency", self.efficiency, 0.0, 1.0, low_open=True, high_open=True)
        check_range("packing factor", self.packing_factor, 0.0, 1.0, low_open=True)
        check_range("assembly factor", self.assembly_factor, 0.0, 1.0, low_open=True)
        check_range("temperature coefficient", self.temperature_coefficient, -0.02, 0.0, unit="1/K")
        check_range("reference temperature", self.reference_temperature, 200.0, 400.0, unit="K")
        check_range("specific power", self.specific_power, 0.0, np.inf, unit="W/kg", low_open=True)
        for name in ("absorptance", "emittance_front", "emittance_back", "absorptance_back"):
            check_range(name, getattr(self, name), 0.0, 1.0)
        check_range("degradation", self.degradation_rate, 0.0, 1.0, unit="1/yr", high_open=True)
        if len(self.fluence) != len(self.remaining_factor):
            raise OrbitalInputError("the fluence curve needs as many remaining factors as fluences")

    def with_overrides(self, **overrides) -> "Cell":
        """A copy with some fields replaced (validated like the original); None leaves a field as is.

        A new efficiency without a new specific power keeps the array's mass per
        area, so the specific power scales with the efficiency.
        """
        changes = {k: v for k, v in overrides.items() if v is not None}
        if "efficiency" in changes and "specific_power" not in changes:
            changes["specific_power"] = self.specific_power * float(changes["efficiency"]) / self.efficiency
        return replace(self, **changes)


def cell(name="xtj-flexible") -> Cell:
    """The catalog entry ``name`` as a :class:`Cell` (raises, listing the known names, if unknown)."""
    entry = lookup("cell", name, _cells())
    return Cell(
        name=name,
        description=entry["description"],
        efficiency=entry["efficiency"],
        reference_temperature=entry["reference_temperature_c"] + _ZERO_C,
        temperature_coefficient=entry["temperature_coefficient"],
        packing_factor=entry["packing_factor"],
        assembly_factor=entry["assembly_factor"],
        specific_power=entry["specific_power_w_per_kg"],
        absorptance=entry["absorptance"],
        emittance_front=entry["emittance_front"],
        emittance_back=entry["emittance_back"],
        absorptance_back=entry["absorptance_back"],
        degradation_rate=entry["degradation_per_year"],
        fluence=tuple(entry["fluence_1mev_e_cm2"]),
        remaining_factor=tuple(entry["remaining_factor"]),
        sources=tuple(entry["sources"]),
    )


@dataclass(frozen=True)
class Battery:
    """Eclipse storage, from ``orbital/data/batteries.toml``.

    ``specific_energy`` is in J kg⁻¹; the rest as in the catalog header. With a
    ``cycle_life_exponent`` k the cycle life follows N(DoD) = N_rated (DoD_rated / DoD)^k up to
    ``max_depth_of_discharge``; without one, the rated depth is never exceeded.
    """

    name: str
    description: str
    specific_energy: float
    rated_depth_of_discharge: float
    rated_cycles: float
    charge_efficiency: float
    discharge_efficiency: float
    sources: tuple = field(default=(), compare=False)
    cycle_life_exponent: float | None = None
    max_depth_of_discharge: float | None = None

    def __post_init__(self):
        check_range("specific energy", self.specific_energy, 0.0, np.inf, unit="Wh/kg", scale=3600.0, low_open=True)
        check_range("depth of discharge", self.rated_depth_of_discharge, 0.0, 1.0, low_open=True)
        check_range("rated cycles", self.rated_cycles, 1.0, np.inf)
        check_range("charge efficiency", self.charge_efficiency, 0.0, 1.0, low_open=True)
        check_range("discharge efficiency", self.discharge_efficiency, 0.0, 1.0, low_open=True)
        if self.cycle_life_exponent is not None:
            check_range("cycle-life exponent", self.cycle_life_exponent, 0.0, 20.0, low_open=True)
            check_range("maximum depth of discharge", self.max_depth_of_discharge, 0.0, 1.0, low_open=True)

    def with_overrides(self, **overrides) -> "Battery":
        """A copy with some fields replaced; None leaves a field as is."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def battery(name="li-ion-leo") -> Battery:
    """The catalog entry ``name`` as a :class:`Battery`."""
    entry = lookup("battery", name, _batteries())
    return Battery(
        name=name,
        description=entry["description"],
        specific_energy=entry["specific_energy_wh_per_kg"] * 3600.0,
        rated_depth_of_discharge=entry["rated_depth_of_discharge"],
        rated_cycles=float(entry["rated_cycles"]),
        charge_efficiency=entry["charge_efficiency"],
        discharge_efficiency=entry["discharge_efficiency"],
        sources=tuple(entry["sources"]),
        cycle_life_exponent=entry.get("cycle_life_exponent"),
        max_depth_of_discharge=entry.get("max_depth_of_discharge"),
    )


def ground_sites() -> dict:
    """Ground sites with shipped weather: name -> description and source."""
    return {name: dict(entry) for name, entry in _sites().items()}


def catalog_names(kind: str) -> list[str]:
    """Names in the ``"cell"``, ``"battery"`` or ``"site"`` catalog."""
    table = {"cell": _cells, "battery": _batteries, "site": _sites}[
        check_choice("catalog", kind, ("cell", "battery", "site"))
    ]
    return sorted(table())


# --------------------------------------------------------------------------------------
# Irradiance, pointing, temperature, efficiency
# --------------------------------------------------------------------------------------


def solar_irradiance(sun_distance, solar_constant=SOLAR_CONSTANT):
    """Direct solar irradiance at a distance from the Sun, S = S0 (1 AU / d)².

    Parameters
    ----------
    sun_distance : float or array_like
        Distance to the Sun [m].
    solar_constant : float, optional
        Irradiance at 1 AU [W m⁻²].

    Returns
    -------
    float or numpy.ndarray
        Irradiance [W m⁻²]: 1316.6 at aphelion, 1407.8 at perihelion.

    References
    ----------
    Kopp & Lean, GRL 38, L01706 (2011) for S0; inverse-square law.
    """
    d = check_range("sun distance", sun_distance, 0.5 * AU, 1.5 * AU, unit="AU", scale=AU)
    check_range("solar constant", solar_constant, 1000.0, 1500.0, unit="W/m2")
    return (solar_constant * (AU / d) ** 2)[()]


def pointing_geometry(pointing, beta, cos_sun_zenith):
    """Cosine of the Sun on the array and the angle of the cell side's normal from nadir.

    Parameters
    ----------
    pointing : {"sun-tracking", "single-axis", "orbit-normal", "zenith"}
        Array attitude (see :data:`POINTING_MODES`).
    beta : float or array_like
        Solar beta angle [deg].
    cos_sun_zenith : float or array_like
        r̂·ŝ, cosine of the Sun's zenith angle at the sub-satellite point [-].

    Returns
    -------
    cos_incidence : numpy.ndarray
        Cosine of the Sun's angle from the array normal, ≥ 0 [-].
    nadir_angle : numpy.ndarray
        Angle between the cell side's normal and nadir [deg]; the back side is
        at 180° minus it.

    References
    ----------
    Geometry: the tracking normal is ŝ; the single-axis normal is ŝ projected
    on the orbit plane (cos = cos β); the orbit-normal face sees cos = |sin β|
    (Wertz & Larson, SMAD, 3rd ed., 1999, ch. 11, array pointing).
    """
    check_choice("pointing", pointing, POINTING_MODES)
    b = np.radians(check_range("beta", beta, -90.0, 90.0, unit="deg"))
    cz = np.clip(np.asarray(cos_sun_zenith, dtype=float), -1.0, 1.0)
    cz, b = np.broadcast_arrays(cz, b)
    if pointing == "sun-tracking":
        cos_inc = np.ones_like(cz)
        cos_nadir = -cz
    elif pointing == "single-axis":
        cos_inc = np.cos(b)
        with np.errstate(divide="ignore", invalid="ignore"):
            cos_nadir = np.where(cos_inc > 1e-9, -cz / cos_inc, 0.0)
    elif pointing == "orbit-normal":
        cos_inc = np.abs(np.sin(b))
        cos_nadir = np.zeros_like(cz)
    else:  # zenith
        cos_inc = np.clip(cz, 0.0, None)
        cos_nadir = -np.ones_like(cz)
    return cos_inc, np.degrees(np.arccos(np.clip(cos_nadir, -1.0, 1.0)))


def cell_efficiency(temperature, efficiency, temperature_coefficient, reference_temperature):
    """Cell efficiency at a temperature, η = η_ref [1 + γ (T - T_ref)].

    Parameters
    ----------
    temperature : float or array_like
        Cell temperature [K].
    efficiency : float or array_like
        Efficiency at the reference temperature [-].
    temperature_coefficient : float or array_like
        γ, relative change per kelvin [K⁻¹] (negative).
    reference_temperature : float or array_like
        T_ref [K].

    Returns
    -------
    float or numpy.ndarray
        Efficiency [-], never below 0.

    References
    ----------
    Linear temperature model of cell data sheets (AIAA S-111 characterisation);
    Wertz & Larson, SMAD (1999), ch. 11.
    """
    t = np.asarray(temperature, float)
    return np.clip(
        np.asarray(efficiency, float)
        * (1.0 + np.asarray(temperature_coefficient, float) * (t - reference_temperature)),
        0.0,
        None,
    )[()]


def array_power(area, irradiance, efficiency, packing_factor, assembly_factor=1.0):
    """Electrical output of an array, P = A S η p a.

    Parameters
    ----------
    area : float or array_like
        Array area [m²].
    irradiance : float or array_like
        Solar irradiance on the array [W m⁻²].
    efficiency : float or array_like
        Cell efficiency at the cells' temperature [-].
    packing_factor : float or array_like
        Cell area / array area [-].
    assembly_factor : float or array_like, optional
        Wiring, mismatch and coverglass losses (SMAD "design and assembly") [-];
        1 for the rated (nameplate) power.

    Returns
    -------
    float or numpy.ndarray
        Power [W].

    References
    ----------
    Wertz & Larson, SMAD, 3rd ed. (1999), ch. 11 (P_BOL = P_0 I_d cos θ, with
    P_0 = η S per m² of cells).
    """
    check_range("area", area, 0.0, np.inf, unit="m2")
    check_range("packing factor", packing_factor, 0.0, 1.0, low_open=True)
    check_range("assembly factor", assembly_factor, 0.0, 1.0, low_open=True)
    return (
        np.asarray(area, float)
        * np.asarray(irradiance, float)
        * np.asarray(efficiency, float)
        * np.asarray(packing_factor, float)
        * np.asarray(assembly_factor, float)
    )[()]


def operating_point(
    irradiance,
    cell_params: Cell,
    ir_front=0.0,
    ir_back=0.0,
    albedo_front=0.0,
    albedo_back=0.0,
    albedo_power=False,
    efficiency=None,
):
    """Steady-state cell temperature and efficiency from the array's radiative balance.

    Per m² of array: α S + α q_alb,f + α_b q_alb,b + ε_f q_IR,f + ε_b q_IR,b
    = η(T) p (S [+ q_alb,f]) + (ε_f + ε_b) σ T⁴, where the electrical output
    η p S leaves the panel as power, not heat. Solved by fixed-point iteration
    to 1e-9 K (η changes by < 0.5 %/K, so the iteration contracts).

    Parameters
    ----------
    irradiance : float or array_like
        Direct solar irradiance on the array, S cos θ [W m⁻²].
    cell_params : Cell
        Optical and electrical properties.
    ir_front, ir_back, albedo_front, albedo_back : float or array_like
        Earth IR and albedo irradiance on each side [W m⁻²].
    albedo_power : bool
        Whether albedo on the cell side also makes electricity.
    efficiency : float or array_like, optional
        Efficiency at the reference temperature, overriding the cell's
        (vectorize designs through it).

    Returns
    -------
    temperature : numpy.ndarray
        Cell temperature [K].
    efficiency : numpy.ndarray
        Cell efficiency at that temperature [-].

    References
    ----------
    Gilmore (ed.), Spacecraft Thermal Control Handbook Vol. I (2002), ch. 2 and 5
    (radiative balance of a thin plate); Wertz & Larson, SMAD (1999), ch. 11.
    """
    c = cell_params
    eta_ref = np.asarray(c.efficiency if efficiency is None else efficiency, float)
    s = np.asarray(irradiance, float)
    converted = s + (np.asarray(albedo_front, float) if albedo_power else 0.0)
    absorbed = (
        c.absorptance * (s + albedo_front)
        + c.absorptance_back * np.asarray(albedo_back, float)
        + c.emittance_front * np.asarray(ir_front, float)
        + c.emittance_back * np.asarray(ir_back, float)
    )
    emit = (c.emittance_front + c.emittance_back) * STEFAN_BOLTZMANN
    eta = eta_ref
    temperature = np.zeros(1)
    for _ in range(50):  # a contraction: |dη/dT| ≪ 4σT³/S, so a few passes reach 1e-9 K
        previous = temperature
        temperature = (np.clip(absorbed - eta * c.packing_factor * converted, 0.0, None) / emit) ** 0.25
        eta = cell_efficiency(temperature, eta_ref, c.temperature_coefficient, c.reference_temperature)
        if np.all(np.abs(temperature - previous) < 1e-9):
            break
    return temperature, eta


# --------------------------------------------------------------------------------------
# Degradation
# --------------------------------------------------------------------------------------


def degradation_factor(lifetime, rate):
    """Remaining power after a fixed yearly loss, compounded: (1 - d)^(t / 1 yr).

    Parameters
    ----------
    lifetime : float or array_like
        Time in orbit [s], ≥ 0.
    rate : float or array_like
        Fractional loss per Julian year [yr⁻¹], in [0, 1).

    Returns
    -------
    float or numpy.ndarray
        Remaining fraction [-].

    References
    ----------
    Wertz & Larson, SMAD (1999), ch. 11: lifetime degradation
    L_d = (1 - degradation/yr)^(satellite life).
    """
    t = check_range("lifetime", lifetime, 0.0, 200 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR)
    d = check_range("degradation", rate, 0.0, 1.0, unit="1/yr", high_open=True)
    return ((1.0 - d) ** (t / JULIAN_YEAR))[()]


def fluence_remaining_factor(fluence, curve_fluence, curve_factor):
    """Remaining power fraction after a 1-MeV-electron-equivalent fluence, from a measured curve.

    Interpolated linearly in log10(fluence) between the curve's points (the
    way cell degradation is plotted), 1 at zero fluence, held at the last
    point beyond the curve.

    Parameters
    ----------
    fluence : float or array_like
        1-MeV electron equivalent fluence [cm⁻²], ≥ 0.
    curve_fluence, curve_factor : sequence of float
        The cell's measured curve (first point may be 0 → 1).

    Returns
    -------
    float or numpy.ndarray
        Remaining fraction [-].

    References
    ----------
    Fetzer et al., 33rd IEEE PVSC (2008): XTJ 0.89 at 5e14, 0.84 at 1e15 cm⁻²;
    the equivalent-fluence method of the JPL Solar Cell Radiation Handbook
    (Tada et al., JPL 82-69, 1982).
    """
    phi = check_range("fluence", fluence, 0.0, 1e18, unit="cm^-2")
    xs = np.asarray(curve_fluence, float)
    ys = np.asarray(curve_factor, float)
    positive = xs > 0
    if not positive.any():
        return np.ones_like(phi)[()]
    log_x = np.log10(xs[positive])
    y = ys[positive]
    # Below the first measured point, fall to it linearly in fluence from (0, 1).
    first = xs[positive][0]
    low = 1.0 - (1.0 - y[0]) * phi / first
    high = np.interp(np.log10(np.maximum(phi, first)), log_x, y)
    return np.where(phi < first, low, high)[()]


def end_of_life_factor(lifetime, rate, fluence_per_year=0.0, curve_fluence=(), curve_factor=()):
    """Remaining power at the end of a mission from both degradation models.

    Parameters
    ----------
    lifetime : float or array_like
        Time in orbit [s].
    rate : float or array_like
        Fixed loss per year [yr⁻¹].
    fluence_per_year : float or array_like, optional
        1-MeV equivalent fluence accumulated per year behind the coverglass [cm⁻² yr⁻¹].
    curve_fluence, curve_factor : sequence of float, optional
        The cell's fluence curve.

    Returns
    -------
    float or numpy.ndarray
        Remaining fraction [-].
    """
    years = np.asarray(lifetime, float) / JULIAN_YEAR
    fluence = check_range("fluence per year", fluence_per_year, 0.0, 1e17, unit="cm^-2/yr") * years
    return (degradation_factor(lifetime, rate) * fluence_remaining_factor(fluence, curve_fluence, curve_factor))[()]


def life_average_factor(lifetime, rate, fluence_per_year=0.0, curve_fluence=(), curve_factor=(), points=65):
    """Mean of :func:`end_of_life_factor` over the mission (trapezoid over ``points`` instants)."""
    t = np.asarray(lifetime, float)
    grid = np.linspace(0.0, 1.0, points).reshape((points,) + (1,) * t.ndim) * t
    factors = end_of_life_factor(grid, rate, fluence_per_year, curve_fluence, curve_factor)
    return np.trapezoid(factors, dx=1.0 / (points - 1), axis=0)[()]


# --------------------------------------------------------------------------------------
# Sunlight on an array, condensed per orbit
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrayIllumination:
    """Sunlight on an array over a span, condensed to what sizing needs.

    Attributes
    ----------
    pointing : str
        Array attitude.
    orbit_insolation : numpy.ndarray
        Solar energy on 1 m² of array in each complete orbit [J m⁻²] (albedo
        on the cell side included when ``albedo_power``).
    orbit_shadow_time : numpy.ndarray
        Equivalent full-shadow time of each complete orbit [s] (penumbra
        counted by the hidden fraction of the disc).
    period : float
        Orbital period [s].
    mean_irradiance : float
        Time-mean irradiance on the array over the span, eclipses included [W m⁻²].
    sunlit_irradiance, ir_front, ir_back, albedo_front, albedo_back : float
        Means over the sunlit time of the direct irradiance on the array and of
        the Earth IR and albedo irradiance on each side [W m⁻²], for the
        operating temperature.
    sunlit_fraction : float
        Time-mean visible fraction of the solar disc [-].
    longest_shadow : float
        Longest continuous passage through shadow [s].
    eclipses_per_year : float
        Shadow passages per Julian year [yr⁻¹].
    albedo_power : bool
        Whether albedo on the cell side counts as input.
    """

    pointing: str
    orbit_insolation: np.ndarray
    orbit_shadow_time: np.ndarray
    period: float
    mean_irradiance: float
    sunlit_irradiance: float
    ir_front: float
    ir_back: float
    albedo_front: float
    albedo_back: float
    sunlit_fraction: float
    longest_shadow: float
    eclipses_per_year: float
    albedo_power: bool


def array_illumination(
    series: SunlightSeries,
    altitude,
    pointing="sun-tracking",
    albedo=ALBEDO,
    earth_ir=EARTH_IR,
    albedo_power=False,
    solar_constant=SOLAR_CONSTANT,
) -> ArrayIllumination:
    """Condense a sunlight series into per-orbit insolation and mean thermal loads on an array.

    Parameters
    ----------
    series : orbital.orbits.SunlightSeries
        Sunlight on the orbit (at least one full period).
    altitude : float
        Mean altitude of the (near-circular) orbit [m], for the Earth view factors.
    pointing : str
        Array attitude (:data:`POINTING_MODES`).
    albedo, earth_ir : float
        Earth albedo [-] and infrared exitance [W m⁻²].
    albedo_power : bool
        Count albedo on the cell side as power input (arrays that see the Earth).
    solar_constant : float
        Irradiance at 1 AU [W m⁻²].

    Returns
    -------
    ArrayIllumination
    """
    check_choice("pointing", pointing, POINTING_MODES)
    step = series.step
    n_orbits = int(series.time.size * step // series.period)
    if n_orbits < 1:
        raise OrbitalInputError(
            f"the sunlight series covers {series.time.size * step / 60:.1f} min, less than one "
            f"orbit ({series.period / 60:.1f} min); give a longer span"
        )
    lit = series.illuminated_fraction
    direct = solar_irradiance(series.sun_distance, solar_constant) * lit
    cos_inc, nadir = pointing_geometry(pointing, series.beta, series.cos_sun_zenith)
    view_front = earth_view_factor(altitude, nadir)
    view_back = earth_view_factor(altitude, 180.0 - nadir)
    on_array = direct * cos_inc
    alb_front = albedo_irradiance(direct, view_front, series.cos_sun_zenith, albedo)
    alb_back = albedo_irradiance(direct, view_back, series.cos_sun_zenith, albedo)
    insolation = on_array + (alb_front if albedo_power else 0.0)

    orbit = (series.time // series.period).astype(np.int64)
    full = orbit < n_orbits
    per_orbit_energy = np.bincount(orbit[full], weights=insolation[full] * step, minlength=n_orbits)
    per_orbit_shadow = np.bincount(orbit[full], weights=(1.0 - lit[full]) * step, minlength=n_orbits)
    weight = lit.sum()
    summary = series.summary()
    span_years = series.time.size * step / JULIAN_YEAR

    def sunlit_mean(values):
        return float(np.sum(values * lit) / weight) if weight > 0 else 0.0

    return ArrayIllumination(
        pointing=pointing,
        orbit_insolation=per_orbit_energy,
        orbit_shadow_time=per_orbit_shadow,
        period=float(series.period),
        mean_irradiance=float(insolation.mean()),
        sunlit_irradiance=sunlit_mean(on_array / np.where(lit > 0, lit, 1.0)),
        ir_front=sunlit_mean(earth_ir_irradiance(view_front, earth_ir)),
        ir_back=sunlit_mean(earth_ir_irradiance(view_back, earth_ir)),
        albedo_front=sunlit_mean(alb_front / np.where(lit > 0, lit, 1.0)),
        albedo_back=sunlit_mean(alb_back / np.where(lit > 0, lit, 1.0)),
        sunlit_fraction=summary.sunlit_fraction,
        longest_shadow=summary.max_eclipse_s,
        eclipses_per_year=summary.eclipse_count / span_years,
        albedo_power=bool(albedo_power),
    )


# --------------------------------------------------------------------------------------
# Sizing
# --------------------------------------------------------------------------------------


def _worst_orbit_weight(illumination: ArrayIllumination, eclipse_load_fraction, eclipse_path_efficiency):
    """max over orbits of (T - T_e + f T_e / X_b) / G  [s per (J m⁻²)], broadcast over f and X_b."""
    g = illumination.orbit_insolation
    if np.any(g <= 0):
        raise OrbitalInputError("an orbit of the span receives no sunlight on the array; no array can carry it")
    t_e = illumination.orbit_shadow_time
    c = 1.0 - np.asarray(eclipse_load_fraction, float) / np.asarray(eclipse_path_efficiency, float)
    c_unique, inverse = np.unique(c, return_inverse=True)
    weights = np.max((illumination.period - t_e[None, :] * c_unique[:, None]) / g[None, :], axis=1)
    return weights[inverse].reshape(c.shape)[()]


def array_area_for_load(
    load,
    illumination: ArrayIllumination,
    power_density_factor,
    conditioning_efficiency=0.85,
    eclipse_load_fraction=1.0,
    battery_round_trip=0.9025,
):
    """Array area whose output carries a load through every orbit of the span, eclipses included.

    For each orbit k the energy the array delivers to the bus must cover the
    load in sunlight and, through the battery, in shadow:
    A X_d η G_k ≥ P (T - T_e,k) + f P T_e,k / η_b, with G_k the orbit's
    insolation on the array, η the array's conversion (cell efficiency at
    operating temperature × packing × end-of-life factor), X_d the array-to-
    load path efficiency and η_b the battery's round trip. The area is the
    largest over orbits: the worst orbit of the year sizes the array.

    Parameters
    ----------
    load : float or array_like
        Electrical load on the bus [W] (the IT load plus anything else).
    illumination : ArrayIllumination
        Per-orbit insolation and shadow.
    power_density_factor : float or array_like
        Array output per unit insolation: η(T) × packing × assembly factor ×
        end-of-life factor [-].
    conditioning_efficiency : float or array_like
        X_d, array-to-load efficiency (wiring, regulation) [-]; 0.85 is SMAD's
        direct-energy-transfer value.
    eclipse_load_fraction : float or array_like
        Fraction of the load kept up in shadow [-] (1: full compute; 0: compute
        throttled off).
    battery_round_trip : float or array_like
        Charge × discharge efficiency [-].

    Returns
    -------
    float or numpy.ndarray
        Array area [m²].

    References
    ----------
    Wertz & Larson, SMAD, 3rd ed. (1999), ch. 11, eq. for the solar array power
    P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d, applied orbit by orbit.
    """
    load = check_range("load", load, 0.0, np.inf, unit="W", low_open=True)
    check_range("conditioning efficiency", conditioning_efficiency, 0.0, 1.0, low_open=True)
    check_range("eclipse load fraction", eclipse_load_fraction, 0.0, 1.0)
    check_range("battery round trip", battery_round_trip, 0.0, 1.0, low_open=True)
    factor = check_range("power density factor", power_density_factor, 0.0, 1.0, low_open=True)
    weight = _worst_orbit_weight(illumination, eclipse_load_fraction, battery_round_trip)
    return (load * weight / (np.asarray(conditioning_efficiency, float) * factor))[()]


def battery_size(eclipse_load, longest_eclipse, cycles, battery_params: Battery, minimum_energy=0.0):
    """Nameplate energy and depth of discharge of the battery for the longest eclipse.

    The battery delivers P_e T_e,max through its discharge efficiency. Without a
    cycle-life curve the depth of discharge is no deeper than rated, and when the
    mission needs more cycles than rated it is cut so that the charge throughput
    (DoD × cycles) stays at the rated value. With a curve N(DoD) = N_r (DoD_r/DoD)^k
    the depth is the one whose cycle life equals the mission's cycles,
    DoD = DoD_r (N_r / n)^(1/k), no deeper than the battery's maximum.

    Parameters
    ----------
    eclipse_load : float or array_like
        Load carried in shadow [W].
    longest_eclipse : float or array_like
        Longest shadow passage [s].
    cycles : float or array_like
        Discharge cycles over the mission [-].
    battery_params : Battery
        Chemistry and ratings.
    minimum_energy : float, optional
        Nameplate energy kept even without eclipses (safe mode) [J].

    Returns
    -------
    energy : numpy.ndarray
        Nameplate energy [J].
    depth_of_discharge : numpy.ndarray
        Depth of discharge used [-].

    References
    ----------
    Wertz & Larson, SMAD (1999), ch. 11 (battery capacity = P_e T_e / (DoD η));
    charge-throughput ageing: Bindner et al., "Lifetime modelling of lead acid
    batteries", Risø-R-1515 (2005).
    """
    b = battery_params
    p = check_range("eclipse load", eclipse_load, 0.0, np.inf, unit="W")
    t = check_range("longest eclipse", longest_eclipse, 0.0, np.inf, unit="s")
    n = check_range("cycles", cycles, 0.0, np.inf)
    with np.errstate(divide="ignore"):
        if b.cycle_life_exponent is None:
            dod = np.minimum(
                b.rated_depth_of_discharge, b.rated_depth_of_discharge * b.rated_cycles / np.maximum(n, 1.0)
            )
        else:
            life = (b.rated_cycles / np.maximum(n, 1.0)) ** (1.0 / b.cycle_life_exponent)
            dod = np.minimum(b.max_depth_of_discharge, b.rated_depth_of_discharge * life)
    energy = p * t / (b.discharge_efficiency * dod)
    return np.maximum(energy, minimum_energy)[()], dod[()]


@dataclass(frozen=True)
class PowerSystem:
    """Array and battery sized for a load, with the yields behind them (SI units).

    Attributes
    ----------
    load : float or ndarray
        Bus load [W].
    operating_temperature : float or ndarray
        Cell temperature in sunlight [K].
    operating_efficiency : float or ndarray
        Cell efficiency there [-].
    orbit_average_power_density : float or ndarray
        Beginning-of-life DC output per m² of array, averaged over the span,
        eclipses included [W m⁻²].
    annual_energy_density : float or ndarray
        That output over a Julian year [J m⁻² yr⁻¹].
    end_of_life_factor, life_average_factor : float or ndarray
        Remaining power at end of life and its mean over the life [-].
    array_area : float or ndarray
        Array area [m²].
    array_rated_power : float or ndarray
        Array power at 1 AU, reference temperature, beginning of life [W].
    array_mass : float or ndarray
        Array mass [kg] (rated power / specific power).
    orbit_average_margin : float or ndarray
        Mean energy delivered to the bus at end of life over the mean energy
        the load needs, minus 1 [-]: what the worst orbit leaves spare on average.
    battery_energy : float or ndarray
        Nameplate battery energy [J].
    battery_mass : float or ndarray
        Battery mass [kg].
    depth_of_discharge : float or ndarray
        Depth of discharge used [-].
    battery_cycles : float or ndarray
        Eclipses over the mission [-].
    longest_eclipse : float
        Longest shadow passage [s].
    """

    load: object
    operating_temperature: object
    operating_efficiency: object
    orbit_average_power_density: object
    annual_energy_density: object
    end_of_life_factor: object
    life_average_factor: object
    array_area: object
    array_rated_power: object
    array_mass: object
    orbit_average_margin: object
    battery_energy: object
    battery_mass: object
    depth_of_discharge: object
    battery_cycles: object
    longest_eclipse: float


def orbit_average_output(illumination: ArrayIllumination, cell_params: Cell, efficiency=None):
    """Beginning-of-life array output per m² averaged over the orbit, at the cells' operating point.

    S̄ η(T) p a: the mean irradiance on the array (eclipses included) times the
    efficiency at the steady sunlit temperature, the packing and the assembly factor.

    Parameters
    ----------
    illumination : ArrayIllumination
        From :func:`array_illumination`.
    cell_params : Cell
        The cells.
    efficiency : float or array_like, optional
        Efficiency at the reference temperature [-] (default the cell's).

    Returns
    -------
    power_density : float or numpy.ndarray
        Output [W m⁻²] of array area.
    temperature, efficiency : float or numpy.ndarray
        Operating temperature [K] and efficiency [-].
    """
    temperature, eta = operating_point(
        illumination.sunlit_irradiance,
        cell_params,
        illumination.ir_front,
        illumination.ir_back,
        illumination.albedo_front,
        illumination.albedo_back,
        illumination.albedo_power,
        efficiency=efficiency,
    )
    density = illumination.mean_irradiance * eta * cell_params.packing_factor * cell_params.assembly_factor
    return np.asarray(density)[()], temperature, eta


def size_power_system(
    illumination: ArrayIllumination,
    load,
    cell_params: Cell,
    battery_params: Battery,
    lifetime,
    efficiency=None,
    specific_power=None,
    fluence_per_year=0.0,
    conditioning_efficiency=0.85,
    eclipse_load_fraction=1.0,
    minimum_battery_energy=0.0,
    solar_constant=SOLAR_CONSTANT,
) -> PowerSystem:
    """Size array and battery for a load on an orbit, at end of life; vectorized over the numbers.

    ``load``, ``lifetime``, ``efficiency``, ``specific_power``,
    ``fluence_per_year``, ``conditioning_efficiency`` and
    ``eclipse_load_fraction`` broadcast against each other, so a grid of
    designs costs one call.

    Parameters
    ----------
    illumination : ArrayIllumination
        From :func:`array_illumination`.
    load : float or array_like
        Bus load [W].
    cell_params : Cell
        Cell and array properties.
    battery_params : Battery
        Battery properties.
    lifetime : float or array_like
        Mission life [s].
    efficiency : float or array_like, optional
        Cell efficiency at reference temperature, overriding the cell's [-].
    specific_power : float or array_like, optional
        Array specific power, overriding the cell's [W kg⁻¹]. When only the
        efficiency is overridden, the array's mass per area is kept, so the
        specific power scales with the efficiency.
    fluence_per_year : float or array_like, optional
        1-MeV equivalent fluence per year [cm⁻² yr⁻¹] (from the radiation module).
    conditioning_efficiency : float or array_like, optional
        Array-to-load efficiency [-].
    eclipse_load_fraction : float or array_like, optional
        Fraction of the load kept up in shadow [-].
    minimum_battery_energy : float, optional
        Battery kept even without eclipses [J].
    solar_constant : float, optional
        Irradiance at 1 AU [W m⁻²], for the rated power.

    Returns
    -------
    PowerSystem
    """
    c = cell_params
    check_range("lifetime", lifetime, 0.0, 200 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR)
    eta_ref = (
        c.efficiency
        if efficiency is None
        else check_range("efficiency", efficiency, 0.0, 1.0, low_open=True, high_open=True)
    )
    if specific_power is None:
        specific_power = c.specific_power * np.asarray(eta_ref) / c.efficiency
    specific_power = check_range("specific power", specific_power, 0.0, np.inf, unit="W/kg", low_open=True)
    power_density, temperature, eta = orbit_average_output(illumination, c, eta_ref)
    eol = end_of_life_factor(lifetime, c.degradation_rate, fluence_per_year, c.fluence, c.remaining_factor)
    average = life_average_factor(lifetime, c.degradation_rate, fluence_per_year, c.fluence, c.remaining_factor)
    round_trip = battery_params.charge_efficiency * battery_params.discharge_efficiency
    conversion = power_density / illumination.mean_irradiance  # array output per unit insolation, BOL
    area = array_area_for_load(
        load, illumination, conversion * eol, conditioning_efficiency, eclipse_load_fraction, round_trip
    )
    rated = array_power(area, solar_constant, eta_ref, c.packing_factor)
    shadow_fraction = illumination.orbit_shadow_time.mean() / illumination.period
    need = np.asarray(load) * ((1 - shadow_fraction) + np.asarray(eclipse_load_fraction) * shadow_fraction / round_trip)
    margin = area * power_density * eol * np.asarray(conditioning_efficiency) / need - 1.0
    years = np.asarray(lifetime, float) / JULIAN_YEAR
    cycles = illumination.eclipses_per_year * years
    energy, dod = battery_size(
        np.asarray(load) * np.asarray(eclipse_load_fraction),
        illumination.longest_shadow,
        cycles,
        battery_params,
        minimum_battery_energy,
    )
    return PowerSystem(
        load=np.asarray(load, float)[()],
        operating_temperature=temperature[()],
        operating_efficiency=eta[()],
        orbit_average_power_density=power_density[()],
        annual_energy_density=(power_density * JULIAN_YEAR)[()],
        end_of_life_factor=eol,
        life_average_factor=average,
        array_area=area,
        array_rated_power=rated[()],
        array_mass=(rated / specific_power)[()],
        orbit_average_margin=margin[()],
        battery_energy=energy,
        battery_mass=(energy / battery_params.specific_energy)[()],
        depth_of_discharge=dod,
        battery_cycles=np.asarray(cycles)[()],
        longest_eclipse=float(illumination.longest_shadow),
    )


# --------------------------------------------------------------------------------------
# The same panel on the ground (pvlib)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroundYield:
    """A year of the same panel at a ground site.

    Attributes
    ----------
    site : str
        Catalog name or "latitude,longitude".
    latitude, longitude : float
        Site coordinates [deg].
    mounting : str
        "fixed" (tilted at the latitude, facing the equator) or "single-axis".
    sky : str
        "tmy" (typical meteorological year) or "clearsky" (Ineichen, no clouds).
    insolation : float
        Plane-of-array irradiation over the year [J m⁻² yr⁻¹].
    energy_density : float
        DC output per m² of panel over the year [J m⁻² yr⁻¹].
    mean_cell_temperature : float
        Irradiance-weighted mean cell temperature [K].
    source : str
        Weather data source.
    hourly_output : numpy.ndarray
        DC output per m² of panel, hour by hour through the year [W m⁻²].
    """

    site: str
    latitude: float
    longitude: float
    mounting: str
    sky: str
    insolation: float
    energy_density: float
    mean_cell_temperature: float
    source: str
    hourly_output: np.ndarray = field(default=None, repr=False)


_COORDINATES = re.compile(r"^\s*([-+]?\d+(?:\.\d*)?)\s*,\s*([-+]?\d+(?:\.\d*)?)\s*$")

#: Air temperature and wind assumed at a site given only by coordinates
#: (clear sky, no weather file) [degC, m/s]: IEC 61215's NOCT-like conditions.
_DEFAULT_AIR_TEMPERATURE = 20.0
_DEFAULT_WIND_SPEED = 1.0


def _read_weather(name):
    import pvlib

    entry = lookup("site", name, _sites())
    path = resources.files("pvlib").joinpath("data", entry["file"])
    if entry["format"] == "tmy3":
        data, meta = pvlib.iotools.read_tmy3(str(path), map_variables=True)
    elif entry["format"] == "tmy2":
        data, meta = pvlib.iotools.read_tmy2(str(path))
        # TMY2 stores temperature and wind speed in tenths (Marion & Urban 1995, Table 3-2).
        data = data.rename(columns={"GHI": "ghi", "DNI": "dni", "DHI": "dhi"})
        data["temp_air"] = data["DryBulb"] / 10.0
        data["wind_speed"] = data["Wspd"] / 10.0
    else:
        raise OrbitalInputError(f"site {name!r}: weather format {entry['format']!r} is not supported")
    return data, meta, entry


def ground_yield(
    site="greensboro-nc",
    cell_params: Cell | None = None,
    mounting="fixed",
    sky="tmy",
    efficiency=None,
    ground_albedo=0.25,
) -> GroundYield:
    """Annual DC output of the same panel on the ground, with pvlib and a shipped TMY file.

    Plane-of-array irradiance by the Perez transposition model on a panel tilted
    at the site's latitude toward the equator (or on a single-axis tracker),
    cell temperature by the Sandia (SAPM) open-rack model, and the cell's own
    efficiency and temperature coefficient, at the same packing factor as in
    orbit (and the same assembly losses). The spectral difference between AM0 and the ground (a few percent
    for silicon and III-V cells) is not modelled.

    Parameters
    ----------
    site : str
        A name from :func:`ground_sites`, or ``"latitude,longitude"`` in
        degrees (clear sky only: there is no weather file for it).
    cell_params : Cell, optional
        The panel (default: the catalog's ``xtj-flexible``).
    mounting : {"fixed", "single-axis"}
        Fixed tilt = latitude facing the equator, or a horizontal north-south
        single-axis tracker with backtracking.
    sky : {"tmy", "clearsky"}
        The site's typical meteorological year, or the Ineichen clear sky
        (Linke turbidity from pvlib's shipped climatology): an upper bound.
    efficiency : float, optional
        Efficiency at reference temperature, overriding the cell's.
    ground_albedo : float, optional
        Ground reflectance for the transposition [-].

    Returns
    -------
    GroundYield

    References
    ----------
    Holmgren, Hansen & Mikofski, "pvlib python", JOSS 3(29), 884 (2018);
    Perez et al., Solar Energy 44 (1990); King, Boyson & Kratochvil, Sandia
    SAND2004-3535 (SAPM temperature); Ineichen & Perez, Solar Energy 73 (2002).
    """
    import pandas as pd
    import pvlib

    check_choice("mounting", mounting, ("fixed", "single-axis"))
    check_choice("sky", sky, ("tmy", "clearsky"))
    c = cell_params if cell_params is not None else cell()
    eta_ref = (
        c.efficiency
        if efficiency is None
        else check_range("efficiency", efficiency, 0.0, 1.0, low_open=True, high_open=True)
    )
    coordinates = _COORDINATES.match(site)
    if coordinates:
        if sky == "tmy":
            raise OrbitalInputError(
                f"site = {site!r}: there is no weather data for a site given by coordinates; use "
                f"sky = 'clearsky' or a site with a weather file: {', '.join(catalog_names('site'))}"
            )
        latitude = check_range("site latitude", float(coordinates.group(1)), -90.0, 90.0, unit="deg")
        longitude = check_range("site longitude", float(coordinates.group(2)), -180.0, 180.0, unit="deg")
        latitude, longitude = float(latitude), float(longitude)
        location = pvlib.location.Location(latitude, longitude)
        times = pd.date_range("2026-01-01 00:30", periods=8760, freq="h", tz="UTC")
        temp_air = np.full(times.size, _DEFAULT_AIR_TEMPERATURE)
        wind = np.full(times.size, _DEFAULT_WIND_SPEED)
        source = "Ineichen clear sky with pvlib's Linke turbidity climatology; 20 degC air, 1 m/s wind"
    else:
        data, meta, entry = _read_weather(site)
        latitude, longitude = float(meta["latitude"]), float(meta["longitude"])
        location = pvlib.location.Location(latitude, longitude, altitude=float(meta["altitude"]))
        # TMY values are hourly totals ending at the stamp: the Sun is placed mid-hour.
        times = data.index - pd.Timedelta(minutes=30)
        temp_air = data["temp_air"].to_numpy(float)
        wind = data["wind_speed"].to_numpy(float)
        source = entry["source"]
    solpos = location.get_solarposition(times)
    if sky == "clearsky":
        clear = location.get_clearsky(times, solar_position=solpos)
        ghi, dni, dhi = clear["ghi"].to_numpy(), clear["dni"].to_numpy(), clear["dhi"].to_numpy()
    else:
        ghi, dni, dhi = (data[k].to_numpy(float) for k in ("ghi", "dni", "dhi"))
    dni_extra = pvlib.irradiance.get_extra_radiation(times).to_numpy()
    airmass = pvlib.atmosphere.get_relative_airmass(solpos["apparent_zenith"]).to_numpy()
    if mounting == "fixed":
        tilt = abs(latitude)
        azimuth = 180.0 if latitude >= 0 else 0.0
    else:
        tracker = pvlib.tracking.singleaxis(
            solpos["apparent_zenith"], solpos["azimuth"], axis_azimuth=180.0, backtrack=True
        )
        tilt = tracker["surface_tilt"].fillna(0.0).to_numpy()
        azimuth = tracker["surface_azimuth"].fillna(180.0).to_numpy()
    poa = pvlib.irradiance.get_total_irradiance(
        tilt,
        azimuth,
        solpos["apparent_zenith"].to_numpy(),
        solpos["azimuth"].to_numpy(),
        dni,
        ghi,
        dhi,
        dni_extra=dni_extra,
        airmass=airmass,
        albedo=ground_albedo,
        model="perez",
    )
    poa_global = np.nan_to_num(np.asarray(poa["poa_global"], float), nan=0.0).clip(0.0, None)
    params = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]["open_rack_glass_polymer"]
    t_cell = pvlib.temperature.sapm_cell(poa_global, temp_air, wind, **params) + _ZERO_C
    eta = cell_efficiency(t_cell, eta_ref, c.temperature_coefficient, c.reference_temperature)
    hours = 3600.0
    insolation = poa_global.sum() * hours * (JULIAN_YEAR / (len(poa_global) * hours))
    hourly = np.asarray(array_power(1.0, poa_global, eta, c.packing_factor, c.assembly_factor), dtype=float)
    energy = hourly.sum() * hours * (JULIAN_YEAR / (len(poa_global) * hours))
    return GroundYield(
        site=site,
        latitude=latitude,
        longitude=longitude,
        mounting=mounting,
        sky=sky,
        insolation=float(insolation),
        energy_density=float(energy),
        mean_cell_temperature=float(np.sum(t_cell * poa_global) / poa_global.sum()),
        source=source,
        hourly_output=hourly,
    )


# --------------------------------------------------------------------------------------
# The solar report (``orbital solar``)
# --------------------------------------------------------------------------------------

_KWH = 3.6e6  # J


@dataclass(frozen=True, repr=False)
class SolarReport(Report):
    """An array and battery sized for an IT load on an orbit, and the same panel on the ground.

    Attributes
    ----------
    orbit : orbital.orbits.OrbitReport
        The orbit and its sunlight span.
    it_power, other_load : float
        IT load and other bus loads [W].
    lifetime : float
        Mission life [s].
    fluence_per_year : float
        1-MeV equivalent electron fluence [cm⁻² yr⁻¹].
    pointing : str
    eclipse_load_fraction : float
        Fraction of the load kept up in eclipse [-].
    cell : Cell
    battery : Battery
    illumination : ArrayIllumination
    system : PowerSystem
        The sized array and battery (for ``it_power + other_load``).
    ground : GroundYield
    """

    orbit: object
    it_power: float
    other_load: float
    lifetime: float
    fluence_per_year: float
    pointing: str
    eclipse_load_fraction: float
    cell: Cell
    battery: Battery
    illumination: ArrayIllumination
    system: PowerSystem
    ground: GroundYield

    _headline = ("altitude_km", "array_area_m2_per_mw", "battery_kwh_per_mw", "ground_ratio")

    def to_dict(self) -> dict:
        s, cell, ground = self.system, self.cell, self.ground
        per_mw = 1e6 / self.it_power
        d = self.orbit.orbit_fields()
        d.update(
            {
                "it_power_mw": self.it_power / 1e6,
                "other_load_kw": self.other_load / 1e3,
                "cell": cell.name,
                "cell_description": cell.description,
                "efficiency": cell.efficiency,
                "packing_factor": cell.packing_factor,
                "assembly_factor": cell.assembly_factor,
                "pointing": self.pointing,
                "lifetime_years": self.lifetime / JULIAN_YEAR,
                "degradation_per_year": cell.degradation_rate,
                "fluence_1mev_e_per_cm2_per_year": self.fluence_per_year,
                "operating_temperature_c": float(s.operating_temperature) - 273.15,
                "operating_efficiency": float(s.operating_efficiency),
                "orbit_average_w_per_m2": float(s.orbit_average_power_density),
                "annual_kwh_per_m2": float(s.annual_energy_density) / _KWH,
                "eol_power_fraction": float(s.end_of_life_factor),
                "life_average_power_fraction": float(s.life_average_factor),
                "array_area_m2_per_mw": float(s.array_area) * per_mw,
                "array_rated_kw_per_mw": float(s.array_rated_power) / 1e3 * per_mw,
                "array_mass_kg_per_mw": float(s.array_mass) * per_mw,
                "orbit_average_margin": float(s.orbit_average_margin),
                "battery": self.battery.name,
                "eclipse_load_fraction": self.eclipse_load_fraction,
                "battery_kwh_per_mw": float(s.battery_energy) / _KWH * per_mw,
                "battery_mass_kg_per_mw": float(s.battery_mass) * per_mw,
                "depth_of_discharge": float(s.depth_of_discharge),
                "battery_cycles": float(s.battery_cycles),
                "ground_site": ground.site,
                "ground_mounting": ground.mounting,
                "ground_sky": ground.sky,
                "ground_source": ground.source,
                "ground_insolation_kwh_per_m2": ground.insolation / _KWH,
                "ground_annual_kwh_per_m2": ground.energy_density / _KWH,
                "ground_mean_cell_temperature_c": ground.mean_cell_temperature - 273.15,
                "ground_ratio": float(s.annual_energy_density) / ground.energy_density,
                "insolation_ratio": self.illumination.mean_irradiance * JULIAN_YEAR / ground.insolation,
            }
        )
        return d

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: solar")
        self.orbit.orbit_rows(table)
        table.section(f"Array: {r['cell']} ({r['pointing']}), {r['lifetime_years']:g}-year life")
        table.row(
            "Cell efficiency (BOL, ref.)",
            f"{r['efficiency']:.3f}; packing {r['packing_factor']:.2f}, assembly {r['assembly_factor']:.2f}",
        )
        table.row(
            "Operating point in sunlight",
            f"{r['operating_temperature_c']:.1f} C, efficiency {r['operating_efficiency']:.3f}",
        )
        table.row("Orbit-average output (BOL)", f"{r['orbit_average_w_per_m2']:.1f} W/m^2 of array")
        table.row("Annual output (BOL)", f"{r['annual_kwh_per_m2']:,.0f} kWh/m^2")
        table.row(
            "End-of-life power",
            f"{r['eol_power_fraction']:.3f} of BOL (life average {r['life_average_power_fraction']:.3f})",
        )
        table.section(f"Sized for {r['it_power_mw']:g} MW of IT load (+{r['other_load_kw']:g} kW other), per MW of IT")
        table.row("Array area", f"{r['array_area_m2_per_mw']:,.0f} m^2 ({r['array_rated_kw_per_mw']:,.0f} kW rated)")
        table.row("Array mass", f"{r['array_mass_kg_per_mw']:,.0f} kg")
        table.row("Orbit-average margin (EOL)", f"{r['orbit_average_margin']:+.1%}")
        table.row(
            "Battery",
            f"{r['battery_kwh_per_mw']:,.0f} kWh at {r['depth_of_discharge']:.0%} DoD, "
            f"{r['battery_mass_kg_per_mw']:,.0f} kg ({r['battery_cycles']:,.0f} cycles, {r['battery']})",
        )
        table.section(f"Same panel on the ground: {r['ground_site']} ({r['ground_mounting']}, {r['ground_sky']})")
        table.row("Plane-of-array insolation", f"{r['ground_insolation_kwh_per_m2']:,.0f} kWh/m^2 per year")
        table.row(
            "Annual output",
            f"{r['ground_annual_kwh_per_m2']:,.0f} kWh/m^2 "
            f"(cell {r['ground_mean_cell_temperature_c']:.1f} C irradiance-weighted)",
        )
        table.row("Orbit / ground", f"{r['ground_ratio']:.2f}x electrical, {r['insolation_ratio']:.2f}x insolation")
        return table


def solar_report(
    orbit,
    it_power=1e6,
    other_load=0.0,
    cell_name="xtj-flexible",
    battery_name="li-ion-leo",
    lifetime=5 * JULIAN_YEAR,
    efficiency=None,
    packing_factor=None,
    degradation_rate=None,
    depth_of_discharge=None,
    fluence_per_year=0.0,
    pointing="sun-tracking",
    albedo_power=False,
    eclipse_load_fraction=1.0,
    site="greensboro-nc",
    mounting="fixed",
    sky="tmy",
    days=365.0,
    step=30.0,
    shadow="conical",
) -> SolarReport:
    """Size the array and battery for an IT load on an orbit and compare the panel with the ground.

    Parameters
    ----------
    orbit : orbital.Orbit
    it_power, other_load : float
        IT load and other bus loads [W].
    cell_name, battery_name : str
        Catalog entries (:func:`catalog_names`).
    lifetime : float
        Mission life [s].
    efficiency, packing_factor, degradation_rate : float, optional
        Overrides of the cell's reference efficiency [-], packing factor [-] and fixed
        degradation [yr⁻¹].
    depth_of_discharge : float, optional
        Override of the battery's rated depth of discharge [-].
    fluence_per_year : float
        1-MeV equivalent electron fluence [cm⁻² yr⁻¹].
    pointing : str
        :data:`POINTING_MODES`.
    albedo_power : bool
        Count Earth albedo on the cell side as input.
    eclipse_load_fraction : float
        Fraction of the load kept up in eclipse [-] (0 throttles compute off).
    site, mounting, sky : str
        The ground panel (:func:`ground_yield`).
    days, step, shadow
        The sunlight span [day], its step [s] and shadow model.

    Returns
    -------
    SolarReport
    """
    from .orbits import OrbitReport

    series = orbit.sunlight(days=days, step=step, shadow=shadow)
    panel = cell(cell_name).with_overrides(
        efficiency=efficiency, packing_factor=packing_factor, degradation_rate=degradation_rate
    )
    storage = battery(battery_name).with_overrides(rated_depth_of_discharge=depth_of_discharge)
    illumination = array_illumination(series, orbit.altitude, pointing, albedo_power=albedo_power)
    system = size_power_system(
        illumination,
        it_power + other_load,
        panel,
        storage,
        lifetime,
        fluence_per_year=fluence_per_year,
        eclipse_load_fraction=eclipse_load_fraction,
    )
    return SolarReport(
        orbit=OrbitReport(orbit, series.summary(), shadow),
        it_power=it_power,
        other_load=other_load,
        lifetime=lifetime,
        fluence_per_year=fluence_per_year,
        pointing=pointing,
        eclipse_load_fraction=eclipse_load_fraction,
        cell=panel,
        battery=storage,
        illumination=illumination,
        system=system,
        ground=ground_yield(site, panel, mounting=mounting, sky=sky),
    )
