"""Radiative heat rejection in vacuum: radiator temperature, net flux, area and mass.

Every watt the GPUs burn in orbit leaves by radiation. The chain, each link a
kernel on SI floats (temperatures in K, angles in degrees):

1. the radiator temperature, given or derived from the GPU junction limit down
   a temperature chain (cold plate, coolant loop, radiator surface)
   (:func:`radiator_temperature_from_junction`), optionally lifted by a heat
   pump whose electrical power is an output (:func:`heat_pump`);
2. the environment each face absorbs: direct sun for the attitude, Earth IR
   and albedo through the face's view factor to Earth
   (:func:`absorbed_flux`, from the orbit's sunlight series in
   :func:`radiator_environment`), hence the sink temperature;
3. the net rejection per m² of panel, ε σ (T⁴ - T_sink⁴) per radiating face,
   and the fin efficiency of a panel of finite conductance;
4. the area and mass for the heat, in the hot case of the span
   (:func:`size_radiator`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .catalogs import load, lookup
from .constants import JULIAN_YEAR, STEFAN_BOLTZMANN
from .environment import ALBEDO, EARTH_IR, earth_view_factor
from .errors import OrbitalInputError, check_choice, check_range
from .orbits import SunlightSeries
from .results import Report, Table
from .solar import SOLAR_CONSTANT, solar_irradiance

__all__ = [
    "ATTITUDES",
    "Coating",
    "Loop",
    "Panel",
    "RadiatorDesign",
    "RadiatorEnvironment",
    "ThermalReport",
    "absorbed_flux",
    "absorptance_at",
    "attitude_absorbed_flux",
    "catalog_names",
    "coating",
    "emitted_flux",
    "fin_efficiency",
    "heat_pump",
    "loop",
    "net_rejection",
    "panel",
    "radiator_area",
    "temperature_for_area",
    "radiator_environment",
    "radiator_temperature_from_junction",
    "screening_environment",
    "sink_temperature",
    "pumped_loop_mass",
    "size_radiator",
    "thermal_report",
]

#: Radiator attitudes. "edge-on": the panel contains the Sun direction and the
#: local vertical (normal along ŝ × r̂): no direct sun, both faces look at the
#: horizon; a dawn-dusk orbit allows it with a slow yaw (ISS radiators fly
#: edge-on by day). "sun-facing": face A normal to the Sun (the worst case, and
#: Starcloud's stated one-sided sun load). "nadir": face A looks straight down.
ATTITUDES = ("edge-on", "sun-facing", "nadir")


# --------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------


def _coatings():
    return load("coatings.toml")


def _radiators():
    return load("radiators.toml")


def catalog_names(kind: str) -> list[str]:
    """Names in the ``"coating"``, ``"panel"`` or ``"loop"`` catalog."""
    check_choice("catalog", kind, ("coating", "panel", "loop"))
    return sorted(_coatings() if kind == "coating" else _radiators()[kind])


@dataclass(frozen=True)
class Coating:
    """Radiator surface: solar absorptance, IR emittance, absorptance rise per year in LEO [yr⁻¹]."""

    name: str
    absorptance: float
    emittance: float
    absorptance_rate: float = 0.0
    sources: tuple = field(default=(), compare=False)

    def __post_init__(self):
        check_range("absorptivity", self.absorptance, 0.0, 1.0)
        check_range("emissivity", self.emittance, 0.0, 1.0, low_open=True)
        check_range("absorptance rate", self.absorptance_rate, 0.0, 1.0, unit="1/yr")


def coating(name="silver-teflon") -> Coating:
    """The catalog entry ``name`` (raises, listing the known coatings, if unknown)."""
    entry = lookup("coating", name, _coatings())
    return Coating(
        name, entry["absorptance"], entry["emittance"], entry["absorptance_rate_per_year"], tuple(entry["sources"])
    )


@dataclass(frozen=True)
class Panel:
    """Radiator panel: areal density [kg m⁻²] and the fin between coolant tubes [W m⁻¹ K⁻¹, m, m]."""

    name: str
    areal_density: float
    fin_conductivity: float
    fin_thickness: float
    fin_half_width: float
    sources: tuple = field(default=(), compare=False)


def panel(name="conventional") -> Panel:
    """The radiator-panel catalog entry ``name``."""
    e = lookup("panel", name, _radiators()["panel"])
    return Panel(
        name,
        e["areal_density_kg_per_m2"],
        e["fin_conductivity_w_per_m_k"],
        e["fin_thickness_m"],
        e["fin_half_width_m"],
        tuple(e["sources"]),
    )


@dataclass(frozen=True)
class Loop:
    """Heat-transport loop: temperature drops [K], the pump package per watt rejected [kg W⁻¹], the heat
    a kg of flow carries [J kg⁻¹], the legs' densities [kg m⁻³] and velocities [m s⁻¹] (no vapour leg
    for a single-phase loop) and the tube wall per m² [kg m⁻²] (:func:`pumped_loop_mass`)."""

    name: str
    junction_to_coolant: float
    loop_delta_t: float
    fluid_to_surface: float
    pump_mass_per_watt: float
    heat_per_kg: float
    liquid_density: float
    liquid_velocity: float
    vapour_density: float = 0.0
    vapour_velocity: float = 0.0
    line_wall: float = 2.7
    sources: tuple = field(default=(), compare=False)

    @property
    def junction_drop(self) -> float:
        """Junction to mean radiator surface [K]: cold plate, half the loop's drop, coolant to surface
        (:func:`radiator_temperature_from_junction`)."""
        return self.junction_to_coolant + 0.5 * self.loop_delta_t + self.fluid_to_surface


def loop(name="single-phase") -> Loop:
    """The heat-transport-loop catalog entry ``name``."""
    e = lookup("loop", name, _radiators()["loop"])
    return Loop(
        name,
        e["junction_to_coolant_k"],
        e["loop_delta_t_k"],
        e["fluid_to_surface_k"],
        pump_mass_per_watt=e["pump_mass_kg_per_kw"] / 1e3,
        heat_per_kg=e["heat_per_kg_j"],
        liquid_density=e["liquid_density_kg_per_m3"],
        liquid_velocity=e["liquid_velocity_m_per_s"],
        vapour_density=e["vapour_density_kg_per_m3"],
        vapour_velocity=e["vapour_velocity_m_per_s"],
        line_wall=e["line_wall_kg_per_m2"],
        sources=tuple(e["sources"]),
    )


def pumped_loop_mass(heat, line_length, loop_params: Loop):
    """Mass of a pumped loop carrying ``heat`` [W] over lines of ``line_length`` each way [m]: the pump
    package per watt plus a supply and a return leg, each sized for the flow at its velocity.

    The flow is ṁ = Q / q (q the heat a kg carries: c_p ΔT for a single-phase loop, the latent heat for
    a two-phase one); a leg of density ρ at velocity v has the bore A = ṁ / (ρ v), holds ρ A of fluid
    and π d t ρ_w of wall per metre (d = √(4A/π)). A single-phase loop has two liquid legs; a two-phase
    loop a vapour supply and a liquid return. Vectorized over ``heat`` and ``line_length``.

    References
    ----------
    Gilmore (2002), Spacecraft Thermal Control Handbook, ch. 12 (pumped loops); ISS EATCS pump module
    (354 kg per 35 kW loop) for the pump package.
    """
    q = check_range("heat", heat, 0.0, np.inf, unit="W")
    length = check_range("loop line length", line_length, 0.0, 1e5, unit="m")
    p = loop_params
    flow = q / p.heat_per_kg

    def leg(density, velocity):
        bore = flow / (density * velocity)
        return density * bore + p.line_wall * np.pi * np.sqrt(4.0 * bore / np.pi)

    supply = (
        leg(p.vapour_density, p.vapour_velocity) if p.vapour_density > 0 else leg(p.liquid_density, p.liquid_velocity)
    )
    per_metre = supply + leg(p.liquid_density, p.liquid_velocity)
    return (q * p.pump_mass_per_watt + length * per_metre)[()]


# --------------------------------------------------------------------------------------
# Kernels
# --------------------------------------------------------------------------------------


def _check_sides(sides):
    sides = np.asarray(sides, dtype=float)
    bad = ~np.isin(sides, (1.0, 2.0))
    if np.any(bad):
        raise OrbitalInputError(
            f"sides = {sides[bad].ravel()[0]:g} must be 1 (back insulated) or 2 (both faces radiate)"
        )
    return sides.astype(float)


def emitted_flux(temperature, emissivity, sides=2):
    """Radiation leaving a panel, n ε σ T⁴ per m² of panel [W m⁻²].

    Parameters
    ----------
    temperature : float or array_like
        Surface temperature [K].
    emissivity : float or array_like
        Hemispherical IR emittance [-], in [0, 1].
    sides : {1, 2} or array_like
        Radiating faces.

    References
    ----------
    Stefan-Boltzmann law; Gilmore (ed.), Spacecraft Thermal Control Handbook
    Vol. I (2002), ch. 6.
    """
    t = check_range("temperature", temperature, 0.0, 3000.0, unit="K")
    eps = check_range("emissivity", emissivity, 0.0, 1.0)
    return (_check_sides(sides) * eps * STEFAN_BOLTZMANN * t**4)[()]


def absorbed_flux(
    absorptivity,
    emissivity,
    sides,
    solar_irradiance_value,
    sun_cosine,
    view_factor_a,
    view_factor_b,
    cos_sun_zenith,
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
):
    """Environmental heat absorbed per m² of panel: sun, Earth IR and albedo on each face [W m⁻²].

    Face A: α S max(cos θ, 0) + ε E_IR F_a + α a S F_a max(cos ζ, 0); face B
    (when both radiate) the same with max(-cos θ, 0) and F_b. Earth IR is
    absorbed with the IR emittance (Kirchhoff), sunlight and albedo with the
    solar absorptance.

    Parameters
    ----------
    absorptivity, emissivity : float or array_like
        Solar absorptance and IR emittance [-].
    sides : {1, 2}
        Radiating (and so absorbing) faces; with 1 only face A counts.
    solar_irradiance_value : float or array_like
        Direct solar irradiance at the spacecraft, 0 in eclipse [W m⁻²].
    sun_cosine : float or array_like
        Cosine of the Sun's angle from face A's normal [-].
    view_factor_a, view_factor_b : float or array_like
        Faces' view factors to Earth [-].
    cos_sun_zenith : float or array_like
        Cosine of the Sun's zenith angle below the spacecraft [-] (albedo).
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].

    References
    ----------
    Gilmore (2002), ch. 2 and 5 (orbital heating); Rickman, NASA TFAWS (2014).
    """
    alpha = check_range("absorptivity", absorptivity, 0.0, 1.0)
    eps = check_range("emissivity", emissivity, 0.0, 1.0)
    n = _check_sides(sides)
    s = np.asarray(solar_irradiance_value, float)
    cos_s = np.asarray(sun_cosine, float)
    cz = np.clip(np.asarray(cos_sun_zenith, float), 0.0, 1.0)
    fa = np.asarray(view_factor_a, float)
    fb = np.asarray(view_factor_b, float)
    face_a = alpha * s * np.clip(cos_s, 0.0, None) + eps * earth_ir * fa + alpha * albedo * s * fa * cz
    face_b = alpha * s * np.clip(-cos_s, 0.0, None) + eps * earth_ir * fb + alpha * albedo * s * fb * cz
    return (face_a + np.where(n > 1, face_b, 0.0))[()]


def sink_temperature(absorbed, emissivity, sides=2):
    """Temperature at which a panel radiates exactly what it absorbs, (q / (n ε σ))^(1/4) [K].

    Parameters
    ----------
    absorbed : float or array_like
        Absorbed environmental flux per m² of panel [W m⁻²].
    emissivity : float or array_like
        IR emittance [-].
    sides : {1, 2}
        Radiating faces.
    """
    q = check_range("absorbed flux", absorbed, 0.0, np.inf, unit="W/m2")
    eps = check_range("emissivity", emissivity, 0.0, 1.0, low_open=True)
    return ((q / (_check_sides(sides) * eps * STEFAN_BOLTZMANN)) ** 0.25)[()]


def net_rejection(temperature, emissivity, absorbed, sides=2):
    """Net heat rejected per m² of panel: n ε σ T⁴ minus the absorbed environment [W m⁻²].

    Equivalently n ε σ (T⁴ - T_sink⁴). Negative when the panel sits below its
    sink (it then gains heat); :func:`radiator_area` refuses that case.

    References
    ----------
    Gilmore (2002), ch. 6 (radiator sizing).
    """
    return (emitted_flux(temperature, emissivity, sides) - np.asarray(absorbed, float))[()]


def fin_efficiency(temperature, emissivity, sides, conductivity, thickness, half_width):
    """Efficiency of a radiating fin between coolant tubes (linearised), tanh(mL)/(mL).

    m² = 4 n ε σ T³ / (k t): the fin loses heat by radiation from n faces while
    conducting it from the tube along a sheet of conductivity k and thickness t;
    L is the half distance between tubes. The efficiency multiplies the net
    rejection of an isothermal panel at the tube temperature.

    Parameters
    ----------
    temperature : float or array_like
        Root (tube) temperature [K].
    emissivity : float or array_like
        IR emittance [-].
    sides : {1, 2}
        Radiating faces.
    conductivity : float or array_like
        Fin conductivity [W m⁻¹ K⁻¹].
    thickness : float or array_like
        Fin thickness [m].
    half_width : float or array_like
        Fin length from tube to mid-span [m].

    Returns
    -------
    float or numpy.ndarray
        Fin efficiency [-], in (0, 1].

    References
    ----------
    Gilmore (2002), ch. 6 (fin efficiency of radiator panels); Karam, Satellite
    Thermal Control for Systems Engineers (AIAA, 1998), ch. 7.
    """
    t = check_range("temperature", temperature, 0.0, 3000.0, unit="K", low_open=True)
    k = check_range("fin conductivity", conductivity, 0.0, np.inf, unit="W/m/K", low_open=True)
    thick = check_range("fin thickness", thickness, 0.0, np.inf, unit="m", low_open=True)
    length = check_range("fin half width", half_width, 0.0, np.inf, unit="m")
    ml = length * np.sqrt(
        4 * _check_sides(sides) * np.asarray(emissivity, float) * STEFAN_BOLTZMANN * t**3 / (k * thick)
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        eff = np.where(ml > 1e-9, np.tanh(ml) / ml, 1.0)
    return eff[()]


def temperature_for_area(heat, area, environment: RadiatorEnvironment, panel_params: Panel, case="hot"):
    """The surface temperature at which a radiator of ``area`` rejects ``heat`` [K]: the root of
    A η_fin(T) n ε σ (T⁴ − T_sink⁴) = Q, found by bisection (vectorized; η_fin falls with T, so the
    left side still rises monotonically over the bracket from the sink to 2,000 K).

    Parameters
    ----------
    heat : float or array_like
        Heat to reject [W].
    area : float or array_like
        Panel area, each m² radiating from ``environment.sides`` faces [m²].
    environment : RadiatorEnvironment
        The coating's absorbed flux on the orbit.
    panel_params : Panel
        Fin geometry (fin efficiency).
    case : {"hot", "mean"}
        Sink of the hot case (sizing) or of the orbit average.
    """
    q = check_range("heat", heat, 0.0, np.inf, unit="W")
    a = check_range("radiator area", area, 0.0, np.inf, unit="m2", low_open=True)
    absorbed = environment.hot if case == "hot" else environment.mean
    eps, n = environment.emissivity, environment.sides
    low = np.broadcast_to(sink_temperature(absorbed, eps, n), np.broadcast(q, a).shape).astype(float)
    high = np.full_like(low, 2000.0)

    def rejected(t):
        eta = fin_efficiency(
            t, eps, n, panel_params.fin_conductivity, panel_params.fin_thickness, panel_params.fin_half_width
        )
        return a * eta * net_rejection(t, eps, absorbed, n)

    for _ in range(60):  # 2,000 K / 2^60: far below a microkelvin
        mid = 0.5 * (low + high)
        over = rejected(mid) > q
        high = np.where(over, mid, high)
        low = np.where(over, low, mid)
    return (0.5 * (low + high))[()]


def radiator_area(heat, net_flux, fin_eff=1.0, sink=None, temperature=None, infeasible="raise"):
    """Panel area that rejects a heat load, Q / (η_fin q_net) [m²].

    Parameters
    ----------
    heat : float or array_like
        Heat to reject [W], ≥ 0.
    net_flux : float or array_like
        Net rejection per m² of panel [W m⁻²].
    fin_eff : float or array_like, optional
        Fin efficiency [-].
    sink, temperature : float or array_like, optional
        Sink and radiator temperatures [K], named in the error when the panel
        is at or below its sink.
    infeasible : {"raise", "inf"}
        What a design at or below its sink gets: an error (default), or an
        infinite area (for sweeps, where such designs are marked, not fatal).

    Raises
    ------
    OrbitalInputError
        Where the net flux is not positive and ``infeasible`` is "raise": a
        radiator at or below its sink temperature rejects nothing.
    """
    check_choice("infeasible", infeasible, ("raise", "inf"))
    q = check_range("heat", heat, 0.0, np.inf, unit="W")
    net = np.asarray(net_flux, float)
    if infeasible == "inf":
        usable = net > 0
        return np.where(usable, q / (np.asarray(fin_eff, float) * np.where(usable, net, 1.0)), np.inf)[()]
    if np.any(net <= 0):
        worst = np.unravel_index(np.argmin(net), net.shape)
        detail = ""
        if sink is not None and temperature is not None:
            t_rad = float(np.broadcast_to(temperature, net.shape)[worst])
            t_sink = float(np.broadcast_to(sink, net.shape)[worst])
            detail = f"radiator temperature = {t_rad:.1f} K is at or below the sink temperature {t_sink:.1f} K, so "
        raise OrbitalInputError(
            f"{detail}the radiator rejects nothing (net {float(net[worst]):.1f} W/m2); raise the radiator "
            "temperature, lower the absorptivity, or change the attitude"
        )
    return (q / (np.asarray(fin_eff, float) * net))[()]


def radiator_temperature_from_junction(junction_limit, junction_to_coolant, loop_delta_t, fluid_to_surface):
    """Radiator surface temperature allowed by a GPU junction limit down the cooling chain.

    T_in = T_j - ΔT(junction→coolant) is the coolant leaving the cold plates;
    it cools by ΔT_loop across the radiator, and the surface runs ΔT(fluid→
    surface) below the fluid. The returned surface temperature is the mean
    along the radiator: (T_in + T_out)/2 - ΔT(fluid→surface), a close match to
    the T⁴-weighted mean when ΔT_loop ≪ T.

    Parameters
    ----------
    junction_limit : float or array_like
        Maximum GPU junction temperature [K].
    junction_to_coolant, loop_delta_t, fluid_to_surface : float or array_like
        Temperature differences of the chain [K], ≥ 0.

    Returns
    -------
    surface : numpy.ndarray
        Mean radiator surface temperature [K].
    coolant_in, coolant_out : numpy.ndarray
        Coolant temperature entering and leaving the radiator [K].

    References
    ----------
    Gilmore (2002), ch. 6 and 11 (pumped-loop radiators).
    """
    tj = check_range("junction limit", junction_limit, 200.0, 500.0, unit="K")
    for name, value in (
        ("junction-to-coolant", junction_to_coolant),
        ("loop delta T", loop_delta_t),
        ("fluid-to-surface", fluid_to_surface),
    ):
        check_range(name, value, 0.0, 300.0, unit="K")
    t_in = tj - np.asarray(junction_to_coolant, float)
    t_out = t_in - np.asarray(loop_delta_t, float)
    surface = 0.5 * (t_in + t_out) - np.asarray(fluid_to_surface, float)
    return surface[()], t_in[()], t_out[()]


def heat_pump(heat, source_temperature, radiator_temperature, cop=None, carnot_fraction=0.5):
    """Electrical power of a heat pump lifting a heat load to a hotter radiator.

    COP = f T_c / (T_h - T_c) (a fraction f of Carnot) unless given; the
    compressor needs W = Q / COP and the radiator must reject Q + W. W is an
    electrical load, so it grows the solar array.

    Parameters
    ----------
    heat : float or array_like
        Heat taken from the coolant [W].
    source_temperature : float or array_like
        Cold side, the coolant [K].
    radiator_temperature : float or array_like
        Hot side, the radiator [K], above the source.
    cop : float or array_like, optional
        Coefficient of performance (heat lifted per work), overriding the Carnot fraction.
    carnot_fraction : float or array_like, optional
        Fraction of the Carnot COP a real machine reaches [-] (vapour-compression
        machines typically reach 0.4-0.6).

    Returns
    -------
    power : numpy.ndarray
        Electrical power [W].
    rejected : numpy.ndarray
        Heat the radiator rejects, Q + W [W].
    cop : numpy.ndarray
        The coefficient of performance used [-].

    References
    ----------
    Carnot COP of a refrigerator, T_c / (T_h - T_c); e.g. Moran & Shapiro,
    Fundamentals of Engineering Thermodynamics, ch. 5.
    """
    q = check_range("heat", heat, 0.0, np.inf, unit="W")
    tc = check_range("source temperature", source_temperature, 1.0, 3000.0, unit="K")
    th = np.asarray(radiator_temperature, float)
    if np.any(th <= tc):
        raise OrbitalInputError(
            f"heat pump: radiator temperature {float(np.min(th)):.1f} K must exceed the source "
            f"temperature {float(np.max(tc)):.1f} K"
        )
    if cop is None:
        f = check_range("carnot fraction", carnot_fraction, 0.0, 1.0, low_open=True)
        cop = f * tc / (th - tc)
    cop = check_range("heat pump COP", cop, 0.0, np.inf, low_open=True)
    power = q / cop
    return power[()], (q + power)[()], np.asarray(cop)[()]


def absorptance_at(age, absorptance, rate):
    """Solar absorptance after ``age`` in orbit, α0 + rate × years, capped at 1.

    Parameters
    ----------
    age : float or array_like
        Time in orbit [s].
    absorptance : float or array_like
        Beginning-of-life absorptance [-].
    rate : float or array_like
        Rise per year [yr⁻¹] (silver-Teflon on HST: 0.0098/yr).

    References
    ----------
    de Groh et al., NASA TM (2006), HST silver-Teflon after 8.25 years.
    """
    years = check_range("age", age, 0.0, 200 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR) / JULIAN_YEAR
    return np.minimum(np.asarray(absorptance, float) + np.asarray(rate, float) * years, 1.0)[()]


# --------------------------------------------------------------------------------------
# Environment over an orbit and sizing
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RadiatorEnvironment:
    """Absorbed environmental flux on a radiator over a span [W m⁻² of panel].

    ``hot`` is the largest over the span (the sizing case), ``cold`` the
    smallest (eclipse), ``mean`` the time average (orbit-average design). The
    numbers may be arrays (one per design) that broadcast together.
    """

    attitude: str
    absorptivity: object
    emissivity: object
    sides: int
    hot: object
    cold: object
    mean: object


def _attitude_geometry(attitude, cos_sun_zenith):
    """Cosine of the Sun on face A and face A's nadir angle [deg] for an attitude."""
    cz = np.clip(np.asarray(cos_sun_zenith, float), -1.0, 1.0)
    if attitude == "edge-on":  # fixed: one view factor, not one per sample (broadcast where it is used)
        return np.zeros(()), np.full((), 90.0)
    if attitude == "sun-facing":
        return np.ones_like(cz), np.degrees(np.arccos(-cz))
    return -cz, np.zeros_like(cz)  # nadir: face A's normal is -r̂, so cos(Sun, normal) = -r̂·ŝ


def attitude_absorbed_flux(
    attitude,
    altitude,
    absorptivity,
    emissivity,
    sides,
    solar_irradiance_value,
    cos_sun_zenith,
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
):
    """Absorbed environmental flux for a named attitude, where the Sun stands at a zenith angle [W m⁻²].

    Vectorized over every numeric argument (altitude, coating, irradiance,
    geometry), for one attitude.

    Parameters
    ----------
    attitude : {"edge-on", "sun-facing", "nadir"}
        See :data:`ATTITUDES`.
    altitude : float or array_like
        Altitude [m].
    absorptivity, emissivity : float or array_like
        Coating properties [-].
    sides : {1, 2}
        Radiating faces.
    solar_irradiance_value : float or array_like
        Direct solar irradiance, 0 in eclipse [W m⁻²].
    cos_sun_zenith : float or array_like
        r̂·ŝ below the spacecraft [-].
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].
    """
    check_choice("attitude", attitude, ATTITUDES)
    cos_a, nadir_a = _attitude_geometry(attitude, cos_sun_zenith)
    fa = earth_view_factor(altitude, nadir_a)
    fb = earth_view_factor(altitude, 180.0 - nadir_a)
    return absorbed_flux(
        absorptivity, emissivity, sides, solar_irradiance_value, cos_a, fa, fb, cos_sun_zenith, earth_ir, albedo
    )


def radiator_environment(
    series: SunlightSeries,
    altitude,
    absorptivity,
    emissivity,
    sides=2,
    attitude="edge-on",
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
    solar_constant=SOLAR_CONSTANT,
) -> RadiatorEnvironment:
    """Hot, cold and mean absorbed flux on a radiator along an orbit's sunlight series.

    Parameters
    ----------
    series : orbital.orbits.SunlightSeries
        Sunlight on the orbit (eclipses remove the sun and albedo terms).
    altitude : float
        Mean altitude [m], for the view factors.
    absorptivity, emissivity : float
        Coating properties [-].
    sides : {1, 2}
        Radiating faces.
    attitude : {"edge-on", "sun-facing", "nadir"}
        See :data:`ATTITUDES`.
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].
    solar_constant : float
        Irradiance at 1 AU [W m⁻²].

    Returns
    -------
    RadiatorEnvironment
    """
    direct = solar_irradiance(series.sun_distance, solar_constant) * series.illuminated_fraction
    q = attitude_absorbed_flux(
        attitude, altitude, absorptivity, emissivity, sides, direct, series.cos_sun_zenith, earth_ir, albedo
    )
    return RadiatorEnvironment(
        attitude, float(absorptivity), float(emissivity), int(sides), float(q.max()), float(q.min()), float(q.mean())
    )


def screening_environment(
    altitude,
    absorptivity,
    emissivity,
    sides=2,
    attitude="edge-on",
    sunlit_fraction=1.0,
    cos_sun_zenith=1.0,
    solar_irradiance_value=1407.8,
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
) -> RadiatorEnvironment:
    """A bounding environment without propagation, for sweeps over altitude and coating.

    Hot case: the Sun at perihelion (1407.8 W m⁻²) with the sub-satellite point
    at the given solar zenith (1 = under the Sun, the bound); cold case: eclipse,
    Earth IR only; mean: the two weighted by the sunlit fraction. Use
    :func:`radiator_environment` on a sunlight series for a real orbit.

    Parameters
    ----------
    altitude, absorptivity, emissivity : float or array_like
        Altitude [m] and coating [-]; broadcast together.
    sides : {1, 2}
        Radiating faces.
    attitude : str
        See :data:`ATTITUDES`.
    sunlit_fraction : float or array_like
        Fraction of time in sunlight [-].
    cos_sun_zenith : float or array_like
        r̂·ŝ in the hot case [-].
    solar_irradiance_value : float or array_like
        Hot-case irradiance [W m⁻²].
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].
    """
    f = check_range("sunlit fraction", sunlit_fraction, 0.0, 1.0)
    hot = attitude_absorbed_flux(
        attitude, altitude, absorptivity, emissivity, sides, solar_irradiance_value, cos_sun_zenith, earth_ir, albedo
    )
    cold = attitude_absorbed_flux(
        attitude, altitude, absorptivity, emissivity, sides, 0.0, cos_sun_zenith, earth_ir, albedo
    )
    return RadiatorEnvironment(attitude, absorptivity, emissivity, int(sides), hot, cold, f * hot + (1 - f) * cold)


@dataclass(frozen=True)
class RadiatorDesign:
    """A radiator sized for a heat load (SI units).

    Attributes
    ----------
    heat : float or ndarray
        Heat from the electronics [W].
    rejected_heat : float or ndarray
        Heat the radiator rejects, the heat plus any heat-pump work [W].
    heat_pump_power : float or ndarray
        Heat-pump electrical power [W] (0 without one).
    heat_pump_cop : float or ndarray
        Its coefficient of performance (nan without one).
    radiator_temperature : float or ndarray
        Radiator surface temperature [K].
    sink_temperature_hot, sink_temperature_cold, sink_temperature_mean : float or ndarray
        Sink temperature in the hot case, the cold case and on average [K].
    net_rejection_hot, net_rejection_mean : float or ndarray
        Net rejection per m² of panel in the hot case and on average [W m⁻²].
    fin_efficiency : float or ndarray
        Fin efficiency [-].
    area : float or ndarray
        Panel area for the hot case [m²].
    area_orbit_average : float or ndarray
        Panel area if sized for the orbit-average environment [m²].
    panel_mass, loop_mass, mass : float or ndarray
        Panel, loop (pumps, fluid, lines) and total mass [kg].
    absorptivity : float or ndarray
        Solar absorptance used (end of life when an age is given) [-].
    """

    heat: object
    rejected_heat: object
    heat_pump_power: object
    heat_pump_cop: object
    radiator_temperature: object
    sink_temperature_hot: object
    sink_temperature_cold: object
    sink_temperature_mean: object
    net_rejection_hot: object
    net_rejection_mean: object
    fin_efficiency: object
    area: object
    area_orbit_average: object
    panel_mass: object
    loop_mass: object
    mass: object
    absorptivity: object


def size_radiator(
    heat,
    temperature,
    environment: RadiatorEnvironment,
    panel_params: Panel,
    loop_params: Loop,
    heat_pump_lift=0.0,
    heat_pump_cop=None,
    carnot_fraction=0.5,
    infeasible="raise",
    transport_length=10.0,
) -> RadiatorDesign:
    """Size a radiator for a heat load at a temperature in an environment; vectorized over the numbers.

    Parameters
    ----------
    heat : float or array_like
        Heat from the electronics [W].
    temperature : float or array_like
        Radiator surface temperature without a heat pump [K] (given, or from
        :func:`radiator_temperature_from_junction`).
    environment : RadiatorEnvironment
        Absorbed flux over the orbit for the coating and attitude.
    panel_params : Panel
        Areal density and fin geometry.
    loop_params : Loop
        Loop mass per watt.
    heat_pump_lift : float or array_like, optional
        Temperature rise the heat pump gives the radiator [K] (0: none).
    heat_pump_cop : float or array_like, optional
        Fixed COP; by default a fraction of Carnot.
    carnot_fraction : float or array_like, optional
        Fraction of Carnot.
    infeasible : {"raise", "inf"}
        Designs at or below their sink: an error, or infinite area and mass.
    transport_length : float or array_like, optional
        Line run from the heat source to the radiator's root [m] (default 10 m, assumed); the lines then
        run the radiator's length, √(panel area), each way (:func:`pumped_loop_mass`).

    Returns
    -------
    RadiatorDesign
    """
    q = check_range("heat", heat, 0.0, np.inf, unit="W")
    t_source = check_range("radiator temperature", temperature, 0.0, 3000.0, unit="K", low_open=True)
    lift = check_range("heat pump lift", heat_pump_lift, 0.0, 1000.0, unit="K")
    env = environment
    if np.any(lift > 0):
        power, rejected, cop = heat_pump(q, t_source, t_source + lift, heat_pump_cop, carnot_fraction)
        power = np.where(lift > 0, power, 0.0)
        rejected = np.where(lift > 0, rejected, q)
        cop = np.where(lift > 0, cop, np.nan)
    else:
        if heat_pump_cop is not None:
            raise OrbitalInputError(
                "a heat-pump COP needs a heat-pump lift > 0 K (the temperature it raises the radiator by)"
            )
        power, rejected, cop = np.zeros_like(q), q, np.full_like(q, np.nan)
    t_rad = t_source + lift
    n = env.sides
    sink_hot = sink_temperature(env.hot, env.emissivity, n)
    net_hot = net_rejection(t_rad, env.emissivity, env.hot, n)
    net_mean = net_rejection(t_rad, env.emissivity, env.mean, n)
    eta = fin_efficiency(
        t_rad, env.emissivity, n, panel_params.fin_conductivity, panel_params.fin_thickness, panel_params.fin_half_width
    )
    area = radiator_area(rejected, net_hot, eta, sink=sink_hot, temperature=t_rad, infeasible=infeasible)
    area_mean = radiator_area(
        rejected,
        net_mean,
        eta,
        sink=sink_temperature(env.mean, env.emissivity, n),
        temperature=t_rad,
        infeasible=infeasible,
    )
    panel_mass = area * panel_params.areal_density
    with np.errstate(invalid="ignore"):
        lines = np.asarray(transport_length) + np.sqrt(np.where(np.isfinite(area), area, 0.0))
    loop_mass = np.where(np.isfinite(area), pumped_loop_mass(rejected, lines, loop_params), np.inf)
    return RadiatorDesign(
        heat=q[()],
        rejected_heat=np.asarray(rejected)[()],
        heat_pump_power=np.asarray(power)[()],
        heat_pump_cop=np.asarray(cop)[()],
        radiator_temperature=np.asarray(t_rad)[()],
        sink_temperature_hot=sink_hot,
        sink_temperature_cold=sink_temperature(env.cold, env.emissivity, n),
        sink_temperature_mean=sink_temperature(env.mean, env.emissivity, n),
        net_rejection_hot=net_hot,
        net_rejection_mean=net_mean,
        fin_efficiency=eta,
        area=area,
        area_orbit_average=area_mean,
        panel_mass=np.asarray(panel_mass)[()],
        loop_mass=np.asarray(loop_mass)[()],
        mass=np.asarray(panel_mass + loop_mass)[()],
        absorptivity=env.absorptivity,
    )


# --------------------------------------------------------------------------------------
# The thermal report (``orbital thermal``)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class ThermalReport(Report):
    """A radiator sized for a heat load on an orbit, with the environment that set it.

    Attributes
    ----------
    orbit : orbital.orbits.OrbitReport
        The orbit and its sunlight span.
    heat : float
        Heat to reject [W].
    coating : Coating
    absorptivity_bol : float
        Solar absorptance when new [-] (the coating's, or the one given).
    lifetime : float
        Age at which the coating is judged [s].
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].
    panel_name : str
    loop : Loop
    chain : dict
        With a junction limit: ``junction_limit``, ``coolant_in``, ``coolant_out`` [K]; else empty.
    environment : RadiatorEnvironment
        Absorbed flux at end of life.
    design : RadiatorDesign
    """

    orbit: object
    heat: float
    coating: Coating
    absorptivity_bol: float
    lifetime: float
    earth_ir: float
    albedo: float
    panel_name: str
    loop: Loop
    chain: dict
    environment: RadiatorEnvironment
    design: RadiatorDesign

    _headline = ("altitude_km", "radiator_temperature_k", "radiator_area_m2_per_mw", "thermal_mass_kg_per_mw")

    def to_dict(self) -> dict:
        design, env = self.design, self.environment
        per_mw = 1e6 / self.heat
        chain = {f"{k}_k": float(v) for k, v in self.chain.items()}
        d = self.orbit.orbit_fields()
        d.update(
            {
                "heat_mw": self.heat / 1e6,
                "coating": self.coating.name,
                "absorptivity_bol": self.absorptivity_bol,
                "absorptivity": env.absorptivity,
                "emissivity": env.emissivity,
                "lifetime_years": self.lifetime / JULIAN_YEAR,
                "sides": env.sides,
                "attitude": env.attitude,
                "earth_ir_w_per_m2": self.earth_ir,
                "albedo": self.albedo,
                "panel": self.panel_name,
                "loop": self.loop.name,
                **chain,
                "radiator_temperature_k": float(design.radiator_temperature),
                "sink_temperature_k": float(design.sink_temperature_hot),
                "sink_temperature_mean_k": float(design.sink_temperature_mean),
                "sink_temperature_cold_k": float(design.sink_temperature_cold),
                "absorbed_hot_w_per_m2": env.hot,
                "absorbed_mean_w_per_m2": env.mean,
                "emitted_w_per_m2": float(emitted_flux(design.radiator_temperature, env.emissivity, env.sides)),
                "net_rejection_w_per_m2": float(design.net_rejection_hot),
                "net_rejection_mean_w_per_m2": float(design.net_rejection_mean),
                "fin_efficiency": float(design.fin_efficiency),
                "heat_pump_cop": None if np.isnan(design.heat_pump_cop) else float(design.heat_pump_cop),
                "heat_pump_power_w_per_mw": float(design.heat_pump_power) * per_mw,
                "rejected_heat_w_per_mw": float(design.rejected_heat) * per_mw,
                "radiator_area_m2_per_mw": float(design.area) * per_mw,
                "radiator_area_orbit_average_m2_per_mw": float(design.area_orbit_average) * per_mw,
                "radiator_mass_kg_per_mw": float(design.panel_mass) * per_mw,
                "loop_mass_kg_per_mw": float(design.loop_mass) * per_mw,
                "thermal_mass_kg_per_mw": float(design.mass) * per_mw,
            }
        )
        return d

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: thermal")
        self.orbit.orbit_rows(table)
        table.section(
            f"Radiator: {r['coating']} ({r['sides']}-sided, {r['attitude']}), {r['panel']} panel, {r['loop']} loop"
        )
        if "junction_limit_k" in r:
            table.row(
                "Junction limit",
                f"{r['junction_limit_k']:.1f} K; coolant {r['coolant_in_k']:.1f} -> {r['coolant_out_k']:.1f} K",
            )
        table.row(
            "Radiator temperature",
            f"{r['radiator_temperature_k']:.1f} K ({r['radiator_temperature_k'] - 273.15:.1f} C)",
        )
        table.row(
            "Absorptivity / emissivity",
            f"{r['absorptivity']:.3f} after {r['lifetime_years']:g} yr "
            f"({r['absorptivity_bol']:.3f} new) / {r['emissivity']:.3f}",
        )
        table.row("Emitted", f"{r['emitted_w_per_m2']:.1f} W/m^2 of panel")
        table.row("Absorbed, hot / mean", f"{r['absorbed_hot_w_per_m2']:.1f} / {r['absorbed_mean_w_per_m2']:.1f} W/m^2")
        table.row(
            "Sink hot / mean / cold",
            f"{r['sink_temperature_k']:.1f} / {r['sink_temperature_mean_k']:.1f} / "
            f"{r['sink_temperature_cold_k']:.1f} K",
        )
        table.row(
            "Net rejection, hot / mean",
            f"{r['net_rejection_w_per_m2']:.1f} / {r['net_rejection_mean_w_per_m2']:.1f} W/m^2"
            f" (fin efficiency {r['fin_efficiency']:.3f})",
        )
        table.section(f"Sized for {r['heat_mw']:g} MW of heat, per MW")
        if r["heat_pump_cop"] is not None:
            table.row(
                "Heat pump", f"COP {r['heat_pump_cop']:.2f}, {r['heat_pump_power_w_per_mw'] / 1e3:,.0f} kW electric"
            )
        table.row("Heat rejected", f"{r['rejected_heat_w_per_mw'] / 1e3:,.0f} kW")
        table.row(
            "Radiator area (hot case)",
            f"{r['radiator_area_m2_per_mw']:,.0f} m^2 of panel "
            f"(orbit average {r['radiator_area_orbit_average_m2_per_mw']:,.0f})",
        )
        table.row(
            "Mass",
            f"{r['thermal_mass_kg_per_mw']:,.0f} kg (panels {r['radiator_mass_kg_per_mw']:,.0f}, "
            f"loop {r['loop_mass_kg_per_mw']:,.0f})",
        )
        return table


def thermal_report(
    orbit,
    heat=1e6,
    temperature=None,
    junction_limit=None,
    coating_name="silver-teflon",
    absorptivity=None,
    emissivity=None,
    lifetime=5 * JULIAN_YEAR,
    sides=2,
    attitude="edge-on",
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
    panel_name="conventional",
    loop_name="single-phase",
    heat_pump_lift=0.0,
    heat_pump_cop=None,
    carnot_fraction=0.5,
    days=365.0,
    step=30.0,
    shadow="conical",
) -> ThermalReport:
    """Size the radiator that rejects a heat load on an orbit (``orbital thermal``).

    Parameters
    ----------
    orbit : orbital.Orbit
    heat : float
        Heat to reject [W].
    temperature : float, optional
        Radiator surface temperature [K] (default 293.15 K, Starcloud's 20 °C).
    junction_limit : float, optional
        GPU junction limit [K]: the radiator temperature then follows the loop's chain
        (:func:`radiator_temperature_from_junction`). Not with ``temperature``.
    coating_name : str
        Coating (:func:`coating`); ``absorptivity`` (at beginning of life) and ``emissivity``
        override its values [-].
    lifetime : float
        Age at which the coating's absorptance is judged [s].
    sides : int
        Radiating faces, 1 or 2.
    attitude : str
        :data:`ATTITUDES`.
    earth_ir, albedo : float
        Earth IR exitance [W m⁻²] and albedo [-].
    panel_name, loop_name : str
        Catalog entries (:func:`panel`, :func:`loop`).
    heat_pump_lift, heat_pump_cop, carnot_fraction
        Heat pump (:func:`heat_pump`): lift [K], COP, fraction of Carnot.
    days, step, shadow
        The sunlight span [day], its step [s] and shadow model.

    Returns
    -------
    ThermalReport
    """
    from .orbits import OrbitReport

    if temperature is not None and junction_limit is not None:
        raise OrbitalInputError("give temperature or junction_limit, not both")
    series = orbit.sunlight(days=days, step=step, shadow=shadow)
    coat = coating(coating_name)
    alpha = coat.absorptance if absorptivity is None else absorptivity
    eps = coat.emittance if emissivity is None else emissivity
    alpha_eol = float(absorptance_at(lifetime, alpha, coat.absorptance_rate))
    the_loop = loop(loop_name)
    chain = {}
    if junction_limit is not None:
        temperature, t_in, t_out = radiator_temperature_from_junction(
            junction_limit, the_loop.junction_to_coolant, the_loop.loop_delta_t, the_loop.fluid_to_surface
        )
        chain = {"junction_limit": junction_limit, "coolant_in": float(t_in), "coolant_out": float(t_out)}
    elif temperature is None:
        temperature = 293.15
    env = radiator_environment(series, orbit.altitude, alpha_eol, eps, sides, attitude, earth_ir, albedo)
    design = size_radiator(
        heat, temperature, env, panel(panel_name), the_loop, heat_pump_lift, heat_pump_cop, carnot_fraction
    )
    return ThermalReport(
        orbit=OrbitReport(orbit, series.summary(), shadow),
        heat=heat,
        coating=coat,
        absorptivity_bol=alpha,
        lifetime=lifetime,
        earth_ir=earth_ir,
        albedo=albedo,
        panel_name=panel_name,
        loop=the_loop,
        chain=chain,
        environment=env,
        design=design,
    )
