"""The satellite: where the solar, thermal, radiation and orbit modules meet to size one.

- :func:`mass_budget` closes a spacecraft's mass per watt of IT power: compute, array,
  battery, radiators, power management, shielding, communications, then structure,
  propulsion and propellant, and margin on the dry mass;
- :func:`spacecraft_design` sizes one satellite on an orbit with the other modules (the
  array and battery from :mod:`orbital.solar`, the radiator and loop from
  :mod:`orbital.thermal`, the shield from :mod:`orbital.radiation`, drag make-up from
  :mod:`orbital.orbits`, disposal Δv from :func:`deorbit_delta_v`);
- :func:`design_and_launch` sizes one and launches it (``orbital launch --it-power``).

Launch vehicles, prices, learning and packing stay in :mod:`orbital.launch`; the
compute hardware catalog is :mod:`orbital.hardware`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .constants import GM_EARTH, JULIAN_YEAR, R_EARTH, STANDARD_GRAVITY
from .errors import OrbitalInputError, check_range
from .hardware import server

__all__ = [
    "ASSUMED",
    "DISPOSAL_PERIGEE",
    "DRAG_COEFFICIENT",
    "MassBudget",
    "SpacecraftDesign",
    "deorbit_delta_v",
    "design_and_launch",
    "mass_budget",
    "ram_facing_shares",
    "spacecraft_design",
]

#: A perigee this low ends an orbit within a few revolutions [m] (disposal target).
DISPOSAL_PERIGEE = 50e3


def deorbit_delta_v(altitude, perigee_altitude=DISPOSAL_PERIGEE):
    """Δv to lower the perigee of a circular orbit to ``perigee_altitude`` for disposal [m s⁻¹].

    v_c − v_a of the ellipse with apoapsis at the orbit and the given periapsis.

    References
    ----------
    Vallado (2013) §6.3 (vis-viva); ESA/IADC practice of a controlled or 25-year disposal.
    """
    r = R_EARTH + check_range("altitude", altitude, 150e3, 40_000e3, unit="km", scale=1e3)
    rp = R_EARTH + check_range("disposal perigee", perigee_altitude, 0.0, np.inf, unit="km", scale=1e3)
    rp = np.minimum(rp, r)
    a = (r + rp) / 2.0
    return (np.sqrt(GM_EARTH / r) - np.sqrt(GM_EARTH * (2 / r - 1 / a)))[()]


@dataclass(frozen=True)
class MassBudget:
    """A spacecraft's mass per watt of IT power, by subsystem [kg W⁻¹] (SI; × 1000 for kg/kW).

    Attributes
    ----------
    items : dict
        compute, solar_array, battery, radiator, power_management, shielding,
        communications, structure, propulsion_dry, margin, propellant [kg W⁻¹].
    dry : float or numpy.ndarray
        Dry mass including margin [kg W⁻¹].
    propellant : float or numpy.ndarray
        Propellant for drag make-up and disposal [kg W⁻¹].
    total : float or numpy.ndarray
        Wet mass at launch [kg W⁻¹].
    delta_v : float or numpy.ndarray
        Δv budgeted over the life [m s⁻¹].
    """

    items: dict
    dry: object
    propellant: object
    total: object
    delta_v: object


def mass_budget(
    compute,
    solar_array,
    battery,
    radiator,
    power_management,
    shielding,
    communications,
    drag_delta_v_per_year,
    lifetime,
    disposal_delta_v,
    thruster_isp=1500.0,
    tank_fraction=0.10,
    structure_fraction=0.20,
    margin=0.20,
    infeasible="raise",
    avoidance_delta_v_per_year=0.0,
) -> MassBudget:
    """Spacecraft mass per watt of IT power, closing structure, margin and propellant on the dry mass.

    With subsystem masses S, structure a fraction s of the dry mass, a margin m
    on the dry mass, propellant p = (1+m) D k for k = exp(Δv / (g₀ I_sp)) − 1
    and tanks a fraction t of the propellant, the dry mass before margin is
    D = S / (1 − s − t k (1+m)). Every argument broadcasts, so a grid of
    designs costs one call.

    Parameters
    ----------
    compute, solar_array, battery, radiator, power_management, shielding, communications : float or array_like
        Subsystem masses per watt of IT power [kg W⁻¹] (the solar, thermal and
        radiation modules give the array and battery, radiator and loop, and the
        shield's areal density; :class:`orbital.hardware.Server` the compute).
    drag_delta_v_per_year : float or array_like
        Δv to hold the altitude [m s⁻¹ yr⁻¹] (:meth:`orbital.Orbit.drag_delta_v_per_year`).
    lifetime : float or array_like
        Mission life [s].
    disposal_delta_v : float or array_like
        Δv to dispose of the spacecraft at end of life [m s⁻¹] (:func:`deorbit_delta_v`).
    thruster_isp : float or array_like
        Specific impulse of the station-keeping thrusters [s] (default 1,500 s, a
        Hall thruster; an assumption).
    tank_fraction : float or array_like
        Propulsion dry mass (tanks, feed, thrusters) per kg of propellant [-]
        (default 0.10, an assumption).
    structure_fraction : float or array_like
        Structure as a fraction of dry mass [-] (default 0.20: "typically around
        20 %", Intro to Space Sciences and Spacecraft Applications, ch. 7).
    margin : float or array_like
        System mass margin on the dry mass [-] (default 0.20, an assumption
        customary at concept stage).
    infeasible : {"raise", "inf"}
        Designs whose structure, tankage and propellant leave no mass for the rest
        (D ≤ 0): an error, or infinite mass (for sweeps).
    avoidance_delta_v_per_year : float or array_like
        Δv of collision-avoidance manoeuvres [m s⁻¹ yr⁻¹] (manoeuvres a year × Δv each).

    Returns
    -------
    MassBudget
    """
    parts = {
        "compute": compute,
        "solar_array": solar_array,
        "battery": battery,
        "radiator": radiator,
        "power_management": power_management,
        "shielding": shielding,
        "communications": communications,
    }
    parts = {k: check_range(k.replace("_", " "), v, 0.0, 1.0, unit="kg/kW", scale=1e-3) for k, v in parts.items()}
    dv_year = check_range("drag delta-v per year", drag_delta_v_per_year, 0.0, 5e3, unit="m/s/yr")
    life = check_range("lifetime", lifetime, 0.0, 100 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR)
    dv_disposal = check_range("disposal delta-v", disposal_delta_v, 0.0, 5e3, unit="m/s")
    isp = check_range("thruster isp", thruster_isp, 0.0, 1e5, unit="s", low_open=True)
    t = check_range("tank fraction", tank_fraction, 0.0, 1.0)
    s = check_range("structure fraction", structure_fraction, 0.0, 1.0, high_open=True)
    m = check_range("margin", margin, 0.0, 10.0)
    dv_avoid = check_range("avoidance delta-v per year", avoidance_delta_v_per_year, 0.0, 5e3, unit="m/s/yr")
    delta_v = (dv_year + dv_avoid) * life / JULIAN_YEAR + dv_disposal
    k = np.expm1(delta_v / (STANDARD_GRAVITY * isp))
    denominator = 1.0 - s - t * k * (1.0 + m)
    if infeasible == "inf":
        denominator = np.where(denominator > 0.0, denominator, 0.0)
    elif np.any(denominator <= 0.0):
        raise OrbitalInputError(
            "structure fraction, tankage and propellant leave no mass for the rest of the spacecraft "
            f"(delta-v {np.max(delta_v):.4g} m/s at Isp {np.min(isp):.4g} s): raise the Isp or lower the delta-v"
        )
    subsystems = sum(parts.values())
    with np.errstate(divide="ignore", invalid="ignore"):
        dry_before_margin = np.where(denominator > 0.0, subsystems / np.maximum(denominator, 1e-300), np.inf)
    propellant = (1.0 + m) * dry_before_margin * k
    items = dict(parts)
    items["structure"] = s * dry_before_margin
    items["propulsion_dry"] = t * propellant
    items["margin"] = m * dry_before_margin
    items["propellant"] = propellant
    closed = np.isfinite(dry_before_margin)  # 0 × ∞ in an unclosed design's items is ∞, not NaN
    items = {key: np.where(closed, value, np.inf)[()] for key, value in items.items()}
    dry = (1.0 + m) * dry_before_margin
    return MassBudget(
        items=items,
        dry=np.asarray(dry)[()],
        propellant=np.asarray(propellant)[()],
        total=np.asarray(dry + propellant)[()],
        delta_v=np.asarray(delta_v)[()],
    )


# --------------------------------------------------------------------------------------
# A spacecraft on an orbit, from the other modules
# --------------------------------------------------------------------------------------

#: Defaults of the mass budget with no public source, each an assumption to replace:
#: power management and distribution 5 kg/kW (NASA's 1991 database of flown systems spans
#: 40-183 kg/kW, far above what Starlink-class buses at ~20 kg/kW for the whole satellite
#: imply); a shield enclosure of 0.1 m² per kW (a rack-sized box per ~100 kW of compute);
#: 30 kg of communication terminals per satellite; bus loads (pumps, avionics, attitude
#: control, terminals) 2 % of the IT power; 10 % of the array and radiator area
#: facing the flow (sun-tracking arrays and edge-on radiators in a dawn-dusk orbit are
#: nearly parallel to the velocity).
ASSUMED = {
    "bus_load": 0.02,
    "power_management_kg_per_kw": 5.0,
    "enclosure_area_m2_per_kw": 0.1,
    "communications_kg": 30.0,
    "ram_area_fraction": 0.10,
}

#: Drag coefficient of a flat plate in free-molecular flow (Vallado 2013, §8.6.2).
DRAG_COEFFICIENT = 2.2


def ram_facing_shares(beta, pointing="sun-tracking", attitude="edge-on") -> tuple:
    """Mean share of the array's and of the radiator's area that faces the flow, |n̂·v̂| averaged
    over each orbit and over the beta angles given [-].

    In the orbit frame (x, y in the plane, z along the normal) the Sun is ŝ = (cos β cos u_s,
    cos β sin u_s, sin β) and the velocity at argument of latitude u is v̂ = (−sin u, cos u, 0).
    A sun-tracking array (n̂ = ŝ) presents |cos β sin(u − u_s)|, on average (2/π)|cos β|; a
    single-axis array turning about the orbit normal (2/π); arrays facing the orbit normal or the
    zenith nothing. A radiator edge-on to the Sun with Earth in its plane (n̂ ∥ ŝ × r̂) presents
    |sin β| / √(sin²β + cos²β sin²(u − u_s)): all of it in a dawn-dusk orbit (β → 90°), little
    when the Sun lies in the orbit plane; a sun-facing radiator as a sun-tracking array, a nadir
    one nothing.

    Parameters
    ----------
    beta : array_like
        Beta angles over the span [deg] (:attr:`orbital.orbits.SunlightSeries.beta`).
    pointing : str
        Array pointing (:data:`orbital.solar.POINTING_MODES`).
    attitude : {"edge-on", "sun-facing", "nadir"}
        Radiator attitude.
    """
    b = np.radians(np.asarray(beta, dtype=float))
    tracking = 2.0 / np.pi * np.abs(np.cos(b))
    array = {"sun-tracking": tracking, "single-axis": np.full_like(b, 2.0 / np.pi)}.get(pointing, np.zeros_like(b))
    if attitude == "edge-on":  # mean over the orbit on a grid of beta, then interpolated (cheap for a year)
        grid = np.radians(np.linspace(0.0, 90.0, 181))
        u = np.linspace(0.0, np.pi, 720, endpoint=False)[:, None]
        s, c = np.sin(grid), np.cos(grid)
        with np.errstate(invalid="ignore", divide="ignore"):
            face = np.nan_to_num(s / np.sqrt(s**2 + c**2 * np.sin(u) ** 2), nan=0.0).mean(axis=0)
        radiator = np.interp(np.abs(b), grid, face)
    elif attitude == "sun-facing":
        radiator = tracking
    else:
        radiator = np.zeros_like(b)
    return float(np.mean(array)), float(np.mean(radiator))


@dataclass(frozen=True)
class SpacecraftDesign:
    """One satellite on an orbit: its mass budget and what set it (SI).

    Attributes
    ----------
    it_power : float or numpy.ndarray
        IT power [W].
    budget : MassBudget
        Mass per watt of IT power by subsystem [kg W⁻¹].
    mass : float or numpy.ndarray
        Wet mass [kg] (∞ for an infeasible design with ``infeasible="inf"``).
    array_area, radiator_area : float or numpy.ndarray
        Deployed areas [m²].
    ballistic_coefficient : float or numpy.ndarray
        m / (C_D A) with the ram-facing share of the areas [kg m⁻²].
    drag_delta_v_per_year, disposal_delta_v : float or numpy.ndarray
        Δv budget terms [m s⁻¹ yr⁻¹], [m s⁻¹].
    array_rated_power : float or numpy.ndarray
        The array's rated power at beginning of life [W].
    battery_energy : float or numpy.ndarray
        The battery's capacity [J].
    bus_power : float or numpy.ndarray
        Power delivered to the loads, IT and bus [W].
    heat_rejected : float or numpy.ndarray
        Heat the radiator rejects [W]: the loads, the conversion loss and the battery's round-trip loss.
    """

    it_power: float
    budget: MassBudget
    mass: float
    array_area: float
    radiator_area: float
    ballistic_coefficient: float
    drag_delta_v_per_year: float
    disposal_delta_v: float
    array_rated_power: float = float("nan")
    battery_energy: float = float("nan")
    bus_power: float = float("nan")
    heat_rejected: float = float("nan")


def spacecraft_design(
    orbit,
    it_power,
    lifetime,
    server_name="gb200-nvl72",
    chassis_removed=False,
    shielding=10e-3,
    enclosure_area_per_watt=None,
    power_management_per_watt=None,
    communications_mass=None,
    ram_area_fraction=None,
    ram_projection=None,
    activity="moderate",
    radiator_temperature=293.15,
    cell_name="xtj-flexible",
    battery_name="li-ion-leo",
    coating_name="silver-teflon",
    panel_name="conventional",
    loop_name="single-phase",
    pointing="sun-tracking",
    attitude="edge-on",
    eclipse_load=1.0,
    sunlight_days=365.0,
    illumination=None,
    radiator_environment=None,
    density=None,
    infeasible="raise",
    compute_mass_factor=1.0,
    bus_load=None,
    conversion_efficiency=0.85,
    loop_length=10.0,
    **budget_options,
) -> SpacecraftDesign:
    """Size one satellite for an IT load on an orbit with the solar, thermal and radiation modules.

    The array and battery come from :func:`orbital.solar.size_power_system`
    (worst orbit of the year, at end of life), the radiator and loop from
    :func:`orbital.thermal.size_radiator` (hot case, edge-on, two-sided, at
    ``radiator_temperature``), the shield from the radiation module's areal
    density over the enclosure's area, drag make-up from NRLMSIS along the
    orbit with the ballistic coefficient of the ram-facing area (iterated with
    the mass), and disposal from :func:`deorbit_delta_v`.

    Parameters
    ----------
    orbit : orbital.Orbit
        Mission orbit.
    it_power : float
        IT power of the satellite [W].
    lifetime : float
        Mission life [s].
    server_name : str
        Compute hardware (:func:`orbital.hardware.server`).
    chassis_removed : bool
        Drop the terrestrial chassis share of the compute mass.
    shielding : float
        Aluminium shield thickness [m].
    enclosure_area_per_watt : float, optional
        Shielded enclosure area per watt of IT [m² W⁻¹].
    power_management_per_watt : float, optional
        Power management and distribution [kg W⁻¹].
    communications_mass : float, optional
        Communication terminals per satellite [kg].
    ram_projection : tuple, optional
        Shares of the array's and the radiator's area facing the flow (:func:`ram_facing_shares`); by
        default from the orbit's year of sunlight when it is computed here, else ``ram_area_fraction``.
    ram_area_fraction : float, optional
        Fraction of array and radiator area facing the flow [-].
    activity : str
        Solar activity for drag (:func:`orbital.orbits.solar_activity`).
    radiator_temperature : float
        Radiator surface temperature [K].
    cell_name, battery_name, coating_name, panel_name, loop_name : str
        Catalog entries of the solar and thermal modules.
    pointing, attitude : str
        Array pointing (:data:`orbital.solar.POINTING_MODES`) and radiator attitude.
    eclipse_load : float
        Fraction of the IT load kept up in eclipse [-].
    sunlight_days : float
        Span of sunlight used for sizing [day].
    illumination, radiator_environment, density : optional
        The orbit's :class:`orbital.solar.ArrayIllumination`, the coating's
        :class:`orbital.thermal.RadiatorEnvironment` (at its end-of-life
        absorptance) and the mean density [kg m⁻³], when already computed (the
        composer caches them); computed from the orbit otherwise.
    infeasible : {"raise", "inf"}
        A radiator at or below its sink, or a mass budget that does not close: an
        error, or infinite mass (for sweeps).
    compute_mass_factor : float or array_like
        Compute hardware carried per unit powered (1 / (1 − s) with a share s of cold spares) [-]:
        mass only, the power system is sized for the powered IT load.
    bus_load : float or array_like, optional
        Pumps, avionics, attitude control and terminals as a share of the IT power [-]
        (default :data:`ASSUMED`): on the array and, as heat, on the radiator.
    conversion_efficiency : float or array_like
        Array-to-load efficiency [-] (SMAD's X_d = 0.85). Every watt drawn from the array ends as
        heat: the radiator rejects the loads over this efficiency plus the battery's round-trip loss.
    loop_length : float or array_like
        Line run from the compute to the radiator's root [m] (:func:`orbital.thermal.pumped_loop_mass`).
    **budget_options
        ``thruster_isp``, ``tank_fraction``, ``structure_fraction``, ``margin`` of :func:`mass_budget`.

    The numbers (IT power, shielding, the assumed per-watt terms, radiator
    temperature, eclipse load and the budget options) broadcast against each
    other, so a sweep's design points on one orbit cost one call.

    Returns
    -------
    SpacecraftDesign
    """
    from . import radiation, solar, thermal
    from .orbits import drag_delta_v_per_year

    power = check_range("IT power", it_power, 0.0, 1e9, unit="kW", scale=1e3, low_open=True)
    enclosure = (
        ASSUMED["enclosure_area_m2_per_kw"] / 1e3 if enclosure_area_per_watt is None else enclosure_area_per_watt
    )
    pmad = (
        ASSUMED["power_management_kg_per_kw"] / 1e3 if power_management_per_watt is None else power_management_per_watt
    )
    comms = ASSUMED["communications_kg"] if communications_mass is None else communications_mass
    bus = check_range("bus load", ASSUMED["bus_load"] if bus_load is None else bus_load, 0.0, 1.0)
    eta = check_range("conversion efficiency", conversion_efficiency, 0.0, 1.0, low_open=True)
    load = power * (1.0 + bus)
    ram = ASSUMED["ram_area_fraction"] if ram_area_fraction is None else ram_area_fraction
    ram = check_range("ram area fraction", ram, 0.0, 1.0)
    if ram_area_fraction is not None:
        ram_projection = None  # the user's share of the whole area wins over the geometry
    check_range("communications mass", comms, 0.0, np.inf, unit="kg")
    check_range("enclosure area", enclosure, 0.0, np.inf, unit="m2/kW", scale=1e-3)
    if infeasible not in ("raise", "inf"):
        raise OrbitalInputError(f"infeasible = {infeasible!r} is not one of: raise, inf")

    if illumination is None or radiator_environment is None or (ram_projection is None and ram_area_fraction is None):
        series = orbit.sunlight(days=sunlight_days, step=60.0)
        if ram_projection is None and ram_area_fraction is None:
            ram_projection = ram_facing_shares(series.beta, pointing, attitude)
    if illumination is None:
        illumination = solar.array_illumination(series, orbit.altitude, pointing)
    battery_params = solar.battery(battery_name)
    power_system = solar.size_power_system(
        illumination,
        load,
        solar.cell(cell_name),
        battery_params,
        lifetime,
        conditioning_efficiency=eta,
        eclipse_load_fraction=eclipse_load,
    )
    # Heat: the loads, what conversion loses on the way from the array, and the battery's round trip
    # (orbit average; the hot case sees the charging part of it).
    shadow = illumination.orbit_shadow_time.mean() / illumination.period
    round_trip = battery_params.charge_efficiency * battery_params.discharge_efficiency
    heat = load / eta + load * np.asarray(eclipse_load) * shadow * (1.0 / round_trip - 1.0)
    if radiator_environment is None:
        coat = thermal.coating(coating_name)
        alpha = float(thermal.absorptance_at(lifetime, coat.absorptance, coat.absorptance_rate))
        radiator_environment = thermal.radiator_environment(series, orbit.altitude, alpha, coat.emittance, 2, attitude)
    radiator = thermal.size_radiator(
        heat,
        radiator_temperature,
        radiator_environment,
        thermal.panel(panel_name),
        thermal.loop(loop_name),
        infeasible=infeasible,
        transport_length=loop_length,
    )
    parts = {
        "compute": server(server_name).specific_mass(chassis_removed) * np.asarray(compute_mass_factor),
        "solar_array": power_system.array_mass / power,
        "battery": power_system.battery_mass / power,
        "radiator": radiator.mass / power,
        "power_management": pmad,
        "shielding": radiation.areal_density(shielding) * enclosure,
        "communications": comms / power,
    }
    # A radiator at or below its sink (infeasible="inf") has infinite mass: carried as ∞ past
    # the budget's range check, which is for mistyped inputs.
    unclosed = ~np.isfinite(parts["radiator"])
    if np.any(unclosed):
        parts["radiator"] = np.where(unclosed, 0.0, parts["radiator"])
    disposal = float(deorbit_delta_v(orbit.altitude))
    if ram_projection is None:
        ram_area = ram * (power_system.array_area + radiator.area)
    else:
        ram_area = ram_projection[0] * power_system.array_area + ram_projection[1] * radiator.area
    if density is None:
        density = orbit.mean_density(activity) if orbit.altitude <= 1000e3 else 0.0
    drag_dv, ballistic = 0.0, np.inf
    options = dict(budget_options, infeasible=infeasible)
    for _ in range(4):  # the drag Δv depends on the mass it adds to; converges in a few passes
        budget = mass_budget(
            **parts, drag_delta_v_per_year=drag_dv, lifetime=lifetime, disposal_delta_v=disposal, **options
        )
        mass = np.where(unclosed, np.inf, budget.total * power)[()]
        if density == 0.0 or np.all(ram_area == 0.0):
            break
        with np.errstate(divide="ignore", invalid="ignore"):
            ballistic = np.where((ram_area > 0) & np.isfinite(mass), mass / (DRAG_COEFFICIENT * ram_area), np.inf)[()]
        # No drag where nothing faces the flow (B = ∞) or the design does not close (m = ∞).
        finite = np.isfinite(ballistic)
        drag_dv = drag_delta_v_per_year(density, orbit.altitude, np.where(finite, ballistic, 1.0), orbit.inclination)
        drag_dv = np.where(finite, drag_dv, 0.0)[()]
    return SpacecraftDesign(
        it_power=power,
        budget=budget,
        mass=mass,
        array_area=power_system.array_area,
        radiator_area=radiator.area,
        ballistic_coefficient=ballistic,
        drag_delta_v_per_year=drag_dv,
        disposal_delta_v=disposal,
        array_rated_power=power_system.array_rated_power,
        battery_energy=power_system.battery_energy,
        bus_power=np.asarray(load)[()],
        heat_rejected=np.asarray(heat)[()],
    )


def design_and_launch(
    orbit,
    it_power=100e3,
    vehicle_name="falcon-9-reusable",
    lifetime=5 * JULIAN_YEAR,
    sunlight_days=365.0,
    server_name="gb200-nvl72",
    chassis_removed=False,
    launch_options=None,
    **design_options,
):
    """Size one satellite for an IT power on an orbit and launch it (``orbital launch --it-power``).

    Parameters
    ----------
    orbit : orbital.Orbit
    it_power : float
        IT power of the satellite [W].
    vehicle_name : str
        :func:`orbital.launch.vehicle`.
    lifetime : float
        Mission life [s].
    sunlight_days : float
        Span of sunlight used for sizing [day].
    server_name : str
        Compute hardware (:func:`orbital.hardware.server`).
    chassis_removed : bool
        Drop the terrestrial chassis share of the compute mass.
    launch_options : dict, optional
        ``fill``, ``year``, ``price_per_kg``, ``cadence``, ``growth``, ``learning_rate``,
        ``stowed_density``, ``target_price`` of :func:`orbital.launch.launch_report`.
    **design_options
        Further options of :func:`spacecraft_design` (``shielding``, ``radiator_temperature``,
        ``activity``, ``power_management_per_watt``, ``communications_mass``, ``thruster_isp``,
        ``structure_fraction``, ``margin`` ...).

    Returns
    -------
    orbital.launch.LaunchReport
        With the sized satellite in ``design``.
    """
    from .launch import launch_report

    design = spacecraft_design(
        orbit,
        it_power,
        lifetime,
        server_name=server_name,
        chassis_removed=chassis_removed,
        sunlight_days=sunlight_days,
        **design_options,
    )
    return launch_report(
        orbit,
        design.mass,
        it_power,
        vehicle_name,
        lifetime,
        budget={k: float(v) * 1e3 for k, v in design.budget.items.items()},
        design=design,
        server_name=server_name,
        chassis_removed=chassis_removed,
        **(launch_options or {}),
    )
