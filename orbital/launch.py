"""Launch: what a spacecraft per MW weighs, how many launches it takes, and what they cost, now and later.

The chain, each link a kernel on SI floats (angles in degrees, prices in USD):

1. a dated launch-vehicle catalog (``orbital/data/launch_vehicles.toml``) and
   the capacity to the mission orbit from the vendor's reference capacity by a
   Δv-penalty model (:func:`orbit_delta_v_penalty`, :func:`capacity_to_orbit`):
   the extra Δv of the mission orbit (Earth-rotation assist lost to the
   inclination, a plane change below the site's latitude, a Hohmann raise) is
   taken from the payload by the rocket equation of the upper stage, whose
   effective burnout mass is fitted to the vendor's GTO capacity;
2. price per kg for a vehicle and payload fill, and Wright's law for the price
   against cumulative launched mass or year (:func:`wright_price`,
   :func:`year_for_price`);
3. the spacecraft mass budget for an IT load (:func:`mass_budget`): compute,
   array, battery, radiators, power management, shielding, communications,
   structure, propulsion and propellant, margin;
4. packing into launches (:func:`satellites_per_launch`) and the launch cost
   per kW and per kW-year of life (:func:`launched_power_price`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .catalogs import load, lookup
from .constants import GM_EARTH, JULIAN_YEAR, OMEGA_EARTH, R_EARTH
from .errors import OrbitalInputError, check_range

__all__ = [
    "LEARNING_CURVE",
    "STANDARD_GRAVITY",
    "LaunchVehicle",
    "MassBudget",
    "Server",
    "capacity_to_orbit",
    "catalog_names",
    "cumulative_mass_for_price",
    "deorbit_delta_v",
    "hohmann_delta_v",
    "insertion_delta_v",
    "launch_cost_per_kw",
    "launch_price",
    "launched_power_price",
    "mass_budget",
    "orbit_delta_v_penalty",
    "price_per_kg",
    "rideshare_price",
    "satellites_per_launch",
    "server",
    "server_names",
    "vehicle",
    "wright_price",
    "year_for_price",
]

#: Standard gravity, for specific impulse [m s⁻²] (CGPM 1901).
STANDARD_GRAVITY = 9.80665

#: Suncatcher's learning curve (arXiv:2511.19468, 2025): ~20 % price reduction per doubling
#: of cumulative launched mass (fits give 18-24 %), anchored on Falcon Heavy at ~$1,800/kg
#: after ~400 t. The anchor year 2025 and the cadence of 36,000 t/yr are derived from their
#: statement that < $200/kg by ~2035 needs ~370,000 t more, ~180 Starship flights a year of
#: 200 t: a scenario, not a forecast.
LEARNING_CURVE = {
    "price_usd_per_kg": 1800.0,
    "cumulative_mass_kg": 400e3,
    "year": 2025.0,
    "learning_rate": 0.20,
    "cadence_kg_per_year": 180 * 200e3,
}

#: A perigee this low ends an orbit within a few revolutions [m] (disposal target).
DISPOSAL_PERIGEE = 50e3


# --------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LaunchVehicle:
    """A launch vehicle (SI: kg, m, s, USD; angles in degrees).

    ``burnout_mass`` is the effective mass the upper stage carries to orbit
    besides the payload, fitted so that the Δv-penalty model reproduces the
    vendor's GTO capacity (:func:`burnout_mass_from_gto`).
    """

    name: str
    description: str
    kind: str
    site_latitude: float
    reference_altitude: float
    capacity_reference: float | None
    capacity_gto: float | None
    upper_stage_isp: float | None
    burnout_mass: float | None
    price: float | None
    price_per_kg_reference: float | None
    price_year: int
    minimum_mass: float | None
    minimum_price: float | None
    fairing_diameter: float | None
    fairing_height: float | None
    status: str
    sources: tuple = field(default=(), compare=False)

    @property
    def envelope_volume(self) -> float | None:
        """Bounding cylinder of the payload envelope [m³] (an upper bound on the usable volume)."""
        if self.fairing_diameter is None or self.fairing_height is None:
            return None
        return float(np.pi / 4 * self.fairing_diameter**2 * self.fairing_height)


def _vehicles():
    return load("launch_vehicles.toml")


def catalog_names() -> list[str]:
    """Names in the launch-vehicle catalog."""
    return sorted(_vehicles())


def vehicle(name="falcon-9-reusable") -> LaunchVehicle:
    """The catalog entry ``name`` (raises, listing the known vehicles, if unknown)."""
    e = lookup("vehicle", name, _vehicles())
    reference_altitude = e["reference_altitude_km"] * 1e3
    isp = e.get("upper_stage_isp_s")
    gto = e.get("capacity_gto_kg")
    capacity = e.get("capacity_reference_kg")  # None for a rideshare, sold per kg
    burnout = (
        burnout_mass_from_gto(capacity, gto, isp, reference_altitude) if gto is not None and isp is not None else None
    )
    return LaunchVehicle(
        name=name,
        description=e["description"],
        kind=e["kind"],
        site_latitude=e["site_latitude_deg"],
        reference_altitude=reference_altitude,
        capacity_reference=capacity,
        capacity_gto=gto,
        upper_stage_isp=isp,
        burnout_mass=burnout,
        price=e.get("price_usd"),
        price_per_kg_reference=e.get("price_per_kg_usd"),
        price_year=e["price_year"],
        minimum_mass=e.get("minimum_mass_kg"),
        minimum_price=e.get("minimum_price_usd"),
        fairing_diameter=e.get("fairing_diameter_m"),
        fairing_height=e.get("fairing_height_m"),
        status=e["status"],
        sources=tuple(e["sources"]),
    )


@dataclass(frozen=True)
class Server:
    """A unit of compute hardware as sold for the ground: mass [kg], power [W], accelerators, dense BF16
    PFLOPS per accelerator, price [USD], chassis share [-]."""

    name: str
    description: str
    mass: float
    power: float
    accelerators: int
    pflops_per_accelerator: float
    price: float
    chassis_fraction: float
    status: str
    sources: tuple = field(default=(), compare=False)

    def specific_mass(self, chassis_removed=False) -> float:
        """Mass per watt of IT power [kg W⁻¹], without the terrestrial chassis if asked."""
        keep = 1.0 - self.chassis_fraction if chassis_removed else 1.0
        return self.mass * keep / self.power


def _servers():
    return load("servers.toml")


def server_names() -> list[str]:
    """Names in the compute-hardware catalog."""
    return sorted(_servers())


def server(name="gb200-nvl72") -> Server:
    """The compute-hardware entry ``name`` (raises, listing the known ones, if unknown)."""
    e = lookup("server", name, _servers())
    return Server(
        name,
        e["description"],
        e["mass_kg"],
        e["power_kw"] * 1e3,
        e["accelerators"],
        e["pflops_per_accelerator"],
        e["price_usd"],
        e["chassis_fraction"],
        e["status"],
        tuple(e["sources"]),
    )


# --------------------------------------------------------------------------------------
# Δv and capacity to the mission orbit
# --------------------------------------------------------------------------------------


def _circular_speed(altitude):
    return np.sqrt(GM_EARTH / (R_EARTH + np.asarray(altitude, dtype=float)))


def hohmann_delta_v(altitude_from, altitude_to):
    """Δv of a Hohmann transfer between circular orbits [m s⁻¹], signed: negative going down.

    Parameters
    ----------
    altitude_from, altitude_to : float or array_like
        Altitudes of the two circular orbits [m].

    References
    ----------
    Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 36.
    """
    r1 = R_EARTH + np.asarray(altitude_from, dtype=float)
    r2 = R_EARTH + np.asarray(altitude_to, dtype=float)
    a = (r1 + r2) / 2.0
    burn1 = np.abs(np.sqrt(GM_EARTH * (2 / r1 - 1 / a)) - np.sqrt(GM_EARTH / r1))
    burn2 = np.abs(np.sqrt(GM_EARTH / r2) - np.sqrt(GM_EARTH * (2 / r2 - 1 / a)))
    return (np.sign(r2 - r1) * (burn1 + burn2))[()]


def insertion_delta_v(altitude, inclination, site_latitude):
    """Velocity to add to the launch site's own to be in a circular orbit [m s⁻¹], plane change excluded.

    The site moves east at u = ωR cos φ. Launched on the azimuth β that gives
    inclination i (sin β = cos i / cos φ), the orbital velocity v has the
    eastward component v cos i / cos φ, so the velocity to add is
    √(v² + u² − 2 v ωR cos i). Inclinations outside [φ, 180° − φ] cannot be
    launched into directly: this is the insertion into the nearest reachable
    one, and :func:`orbit_delta_v_penalty` adds the plane change.

    Parameters
    ----------
    altitude : float or array_like
        Altitude of the circular orbit [m].
    inclination : float or array_like
        Inclination [deg], 0-180.
    site_latitude : float or array_like
        Geodetic latitude of the launch site [deg] (its absolute value is used).

    References
    ----------
    Curtis, Orbital Mechanics for Engineering Students, 3rd ed. (2014), §4.6;
    Vallado (2013) §6.4.
    """
    i = check_range("inclination", inclination, 0.0, 180.0, unit="deg")
    phi = np.abs(np.asarray(site_latitude, dtype=float))
    v = _circular_speed(altitude)
    reachable = np.clip(i, phi, 180.0 - phi)
    omega_r = OMEGA_EARTH * R_EARTH
    u = omega_r * np.cos(np.radians(phi))
    return np.sqrt(v**2 + u**2 - 2.0 * v * omega_r * np.cos(np.radians(reachable)))[()]


def orbit_delta_v_penalty(altitude, inclination, reference_altitude, site_latitude, reference_inclination=None):
    """Extra Δv a circular mission orbit costs beyond the vehicle's reference orbit [m s⁻¹].

    Insertion at the reference altitude into the mission's inclination (or the
    nearest one the site can reach), against insertion into the reference
    inclination (default: the site's latitude, due-east launch); a Hohmann
    transfer from the reference altitude; and the plane change for an
    inclination outside [φ, 180° − φ], made where it is cheapest, in the
    higher of the two orbits: 2 v sin(Δi / 2).

    Parameters
    ----------
    altitude, inclination : float or array_like
        Mission orbit [m], [deg].
    reference_altitude : float
        The vendor's reference orbit altitude [m].
    site_latitude : float
        Launch site latitude [deg].
    reference_inclination : float, optional
        Inclination of the reference orbit [deg].

    References
    ----------
    Curtis (2014) §6.10 (plane change); Vallado (2013) §6.4.
    """
    phi = abs(float(site_latitude))
    ref_i = phi if reference_inclination is None else reference_inclination
    i = np.asarray(check_range("inclination", inclination, 0.0, 180.0, unit="deg"), dtype=float)
    extra = insertion_delta_v(reference_altitude, i, phi) - insertion_delta_v(reference_altitude, ref_i, phi)
    plane = np.abs(np.clip(i, phi, 180.0 - phi) - i)
    speed = _circular_speed(np.maximum(reference_altitude, np.asarray(altitude, dtype=float)))
    return (extra + hohmann_delta_v(reference_altitude, altitude) + 2.0 * speed * np.sin(np.radians(plane) / 2.0))[()]


def _gto_delta_v(reference_altitude):
    r = R_EARTH + reference_altitude
    a = (r + R_EARTH + 35_786e3) / 2.0
    return np.sqrt(GM_EARTH * (2 / r - 1 / a)) - np.sqrt(GM_EARTH / r)


def burnout_mass_from_gto(capacity_reference, capacity_gto, isp, reference_altitude):
    """Effective upper-stage burnout mass that makes the rocket equation give the GTO capacity [kg].

    With payload m and burnout mass m_b, an extra Δv δ leaves (m + m_b) e^(−δ/v_e) − m_b;
    δ for GTO is the perigee burn from the reference orbit (inclination kept).

    Parameters
    ----------
    capacity_reference, capacity_gto : float
        Payloads to the reference orbit and to GTO [kg].
    isp : float
        Upper-stage specific impulse [s].
    reference_altitude : float
        Reference (and GTO perigee) altitude [m].

    References
    ----------
    Tsiolkovsky rocket equation; Sutton & Biblarz, Rocket Propulsion Elements, 9th ed. (2017) ch. 4.
    """
    e = np.exp(-_gto_delta_v(reference_altitude) / (STANDARD_GRAVITY * isp))
    return float((capacity_gto - capacity_reference * e) / (e - 1.0))


def capacity_to_orbit(launcher: LaunchVehicle, altitude, inclination):
    """Payload a vehicle puts into a circular orbit [kg]; 0 where it cannot reach it.

    The rocket equation of the upper stage takes the orbit's extra Δv
    (:func:`orbit_delta_v_penalty`) from payload plus burnout mass:
    m = (m_ref + m_b) exp(−δ / (g₀ I_sp)) − m_b. Lighter payloads also let the
    lower stages go faster, which this neglects (conservative).

    Parameters
    ----------
    launcher : LaunchVehicle
        Catalog entry with a reference capacity.
    altitude, inclination : float or array_like
        Mission orbit [m], [deg].

    Returns
    -------
    float or numpy.ndarray
        Capacity [kg].
    """
    check_range("altitude", altitude, 150e3, 40_000e3, unit="km", scale=1e3)
    if launcher.kind == "rideshare":
        raise OrbitalInputError(f"{launcher.name} sells mass to SSO per kg; it has no capacity to an arbitrary orbit")
    delta = orbit_delta_v_penalty(altitude, inclination, launcher.reference_altitude, launcher.site_latitude)
    m_b = launcher.burnout_mass
    payload = (launcher.capacity_reference + m_b) * np.exp(-delta / (STANDARD_GRAVITY * launcher.upper_stage_isp)) - m_b
    return np.maximum(payload, 0.0)[()]


# --------------------------------------------------------------------------------------
# Prices
# --------------------------------------------------------------------------------------


def wright_price(cumulative_mass, reference_price=None, reference_mass=None, learning_rate=None):
    """Wright's law: price falls by ``learning_rate`` with every doubling of cumulative mass.

    P = P₀ (M / M₀)^log₂(1 − LR).

    Parameters
    ----------
    cumulative_mass : float or array_like
        Cumulative mass launched [kg].
    reference_price, reference_mass : float, optional
        Anchor point [USD kg⁻¹], [kg] (default :data:`LEARNING_CURVE`).
    learning_rate : float, optional
        Fractional reduction per doubling, in (0, 1) (default 0.20).

    Returns
    -------
    float or numpy.ndarray
        Price [USD kg⁻¹].

    References
    ----------
    Wright, J. Aeronautical Sciences 3, 122 (1936); Suncatcher (arXiv:2511.19468, 2025).
    """
    p0, m0, lr = _curve(reference_price, reference_mass, learning_rate)
    m = check_range("cumulative mass", cumulative_mass, 0.0, np.inf, unit="t", scale=1e3, low_open=True)
    return (p0 * (m / m0) ** np.log2(1.0 - lr))[()]


def _curve(reference_price, reference_mass, learning_rate):
    p0 = LEARNING_CURVE["price_usd_per_kg"] if reference_price is None else reference_price
    m0 = LEARNING_CURVE["cumulative_mass_kg"] if reference_mass is None else reference_mass
    lr = LEARNING_CURVE["learning_rate"] if learning_rate is None else learning_rate
    check_range("learning rate", lr, 0.0, 1.0, low_open=True, high_open=True)
    check_range("reference price", p0, 0.0, np.inf, unit="USD/kg", low_open=True)
    check_range("reference mass", m0, 0.0, np.inf, unit="t", scale=1e3, low_open=True)
    return p0, m0, lr


def cumulative_mass_for_price(target_price, reference_price=None, reference_mass=None, learning_rate=None):
    """Cumulative launched mass at which Wright's law reaches a price [kg] (inverse of :func:`wright_price`)."""
    p0, m0, lr = _curve(reference_price, reference_mass, learning_rate)
    p = check_range("target price", target_price, 0.0, np.inf, unit="USD/kg", low_open=True)
    return (m0 * (p / p0) ** (1.0 / np.log2(1.0 - lr)))[()]


def _years_to_mass(extra_mass, cadence, growth):
    if np.all(growth == 0):
        return extra_mass / cadence
    g = np.log1p(growth)
    return np.log1p(extra_mass * g / cadence) / g


def year_for_price(
    target_price,
    cadence=None,
    growth=0.0,
    learning_rate=None,
    reference_price=None,
    reference_mass=None,
    reference_year=None,
):
    """Year Wright's law reaches a price, for a launch cadence that may grow.

    Cumulative mass grows as M(t) = M₀ + C ((1+g)^t − 1)/ln(1+g) (C t for g = 0).

    Parameters
    ----------
    target_price : float or array_like
        Price to reach [USD kg⁻¹].
    cadence : float or array_like, optional
        Mass launched per year at the anchor year [kg yr⁻¹] (default Suncatcher's scenario).
    growth : float or array_like
        Annual growth of the cadence [-], ≥ 0.
    learning_rate, reference_price, reference_mass, reference_year : optional
        The curve (default :data:`LEARNING_CURVE`).

    Returns
    -------
    float or numpy.ndarray
        Calendar year (fractional); the anchor year if the price is already reached.
    """
    c = LEARNING_CURVE["cadence_kg_per_year"] if cadence is None else cadence
    c = check_range("cadence", c, 0.0, np.inf, unit="t/yr", scale=1e3, low_open=True)
    g = check_range("cadence growth", growth, 0.0, 10.0)
    y0 = LEARNING_CURVE["year"] if reference_year is None else reference_year
    m0 = LEARNING_CURVE["cumulative_mass_kg"] if reference_mass is None else reference_mass
    needed = cumulative_mass_for_price(target_price, reference_price, m0, learning_rate)
    return (y0 + _years_to_mass(np.maximum(needed - m0, 0.0), c, g))[()]


def launch_price(launcher: LaunchVehicle, year=None, price_per_kg=None, cadence=None, growth=0.0, learning_rate=None):
    """Price of one launch [USD]: the list price, a given price per kg, or the learning curve in a year.

    A price per kg (given, or from :func:`wright_price` for ``year``) is per kg of
    full capacity to the vehicle's reference orbit, the way launch prices are quoted.

    Parameters
    ----------
    launcher : LaunchVehicle
        Dedicated vehicle.
    year : float, optional
        Calendar year of the launch, on the learning curve (not before its anchor year).
    price_per_kg : float, optional
        Price per kg to the reference orbit [USD kg⁻¹].
    cadence, growth, learning_rate : optional
        The learning-curve scenario (:func:`year_for_price`).
    """
    if launcher.kind == "rideshare":
        raise OrbitalInputError(f"{launcher.name} has no price per launch; use rideshare_price for a satellite")
    if year is not None and price_per_kg is not None:
        raise OrbitalInputError("give a year or a price per kg, not both")
    if year is not None:
        per_kg = _learning_price_in_year(year, cadence, growth, learning_rate)
    elif price_per_kg is not None:
        per_kg = check_range("price per kg", price_per_kg, 0.0, np.inf, unit="USD/kg", low_open=True)
    elif launcher.price is not None:
        return float(launcher.price)
    elif launcher.price_per_kg_reference is not None:
        per_kg = launcher.price_per_kg_reference
    else:
        raise OrbitalInputError(f"{launcher.name} has no published price: give a price per kg or a year")
    return (np.asarray(per_kg) * launcher.capacity_reference)[()]


def _learning_price_in_year(year, cadence, growth, learning_rate):
    y0 = LEARNING_CURVE["year"]
    y = check_range("year", year, y0, 2200.0, hint=f"the learning curve starts from its {y0:.0f} anchor")
    c = LEARNING_CURVE["cadence_kg_per_year"] if cadence is None else cadence
    c = check_range("cadence", c, 0.0, np.inf, unit="t/yr", scale=1e3, low_open=True)
    g = check_range("cadence growth", growth, 0.0, 10.0)
    t = y - y0
    launched = c * t if np.all(g == 0) else c * np.expm1(t * np.log1p(g)) / np.log1p(g)
    return wright_price(LEARNING_CURVE["cumulative_mass_kg"] + launched, learning_rate=learning_rate)


def price_per_kg(launcher: LaunchVehicle, altitude, inclination, fill=1.0, **price_options):
    """Price per kg delivered to a circular orbit [USD kg⁻¹]: launch price / (capacity there × fill).

    Parameters
    ----------
    launcher : LaunchVehicle
        Dedicated vehicle.
    altitude, inclination : float or array_like
        Mission orbit [m], [deg].
    fill : float or array_like
        Fraction of the capacity the payload uses, in (0, 1].
    **price_options
        ``year``, ``price_per_kg``, ``cadence``, ``growth``, ``learning_rate`` of :func:`launch_price`.
    """
    f = check_range("fill", fill, 0.0, 1.0, low_open=True)
    capacity = capacity_to_orbit(launcher, altitude, inclination)
    if np.any(capacity <= 0):
        raise OrbitalInputError(f"{launcher.name} cannot reach this orbit (capacity 0 kg)")
    return (launch_price(launcher, **price_options) / (capacity * f))[()]


def rideshare_price(launcher: LaunchVehicle, mass):
    """Price of a rideshare slot for a satellite of ``mass`` [USD]: the minimum, then a price per kg.

    Parameters
    ----------
    launcher : LaunchVehicle
        A ``rideshare`` entry.
    mass : float or array_like
        Satellite mass [kg], > 0.
    """
    if launcher.kind != "rideshare":
        raise OrbitalInputError(f"{launcher.name} is not a rideshare service")
    m = check_range("satellite mass", mass, 0.0, np.inf, unit="kg", low_open=True)
    extra = np.maximum(m - launcher.minimum_mass, 0.0)
    return (launcher.minimum_price + extra * launcher.price_per_kg_reference)[()]


# --------------------------------------------------------------------------------------
# Mass budget
# --------------------------------------------------------------------------------------


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
        shield's areal density; :class:`Server` the compute).
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
    delta_v = dv_year * life / JULIAN_YEAR + dv_disposal
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
# Packing and launch cost
# --------------------------------------------------------------------------------------


def satellites_per_launch(satellite_mass, capacity, fill=1.0, envelope_volume=None, stowed_density=None):
    """Whole satellites a launch carries, by mass and, where known, by volume.

    Parameters
    ----------
    satellite_mass : float or array_like
        Wet mass of one satellite [kg].
    capacity : float or array_like
        The vehicle's capacity to the orbit [kg].
    fill : float or array_like
        Usable fraction of the capacity (adapters, dispensers) [-].
    envelope_volume : float, optional
        Bounding volume of the payload envelope [m³].
    stowed_density : float or array_like, optional
        Mass per stowed volume of a satellite [kg m⁻³]; with ``envelope_volume``
        this bounds the count by volume.

    Returns
    -------
    tuple of numpy.ndarray
        (by mass, by volume or None, the smaller of the two).
    """
    m = check_range("satellite mass", satellite_mass, 0.0, np.inf, unit="kg", low_open=True)
    f = check_range("fill", fill, 0.0, 1.0, low_open=True)
    by_mass = np.floor(np.asarray(capacity) * f / m)
    by_volume = None
    if envelope_volume is not None and stowed_density is not None:
        rho = check_range("stowed density", stowed_density, 0.0, np.inf, unit="kg/m3", low_open=True)
        by_volume = np.floor(envelope_volume * rho / m)
    count = by_mass if by_volume is None else np.minimum(by_mass, by_volume)
    return by_mass[()], None if by_volume is None else by_volume[()], count[()]


def launch_cost_per_kw(launch_price_usd, satellites, satellite_it_power):
    """Launch cost per kW of IT power [USD kW⁻¹]: one launch's price over the IT power it carries.

    Parameters
    ----------
    launch_price_usd : float or array_like
        Price of one launch [USD].
    satellites : float or array_like
        Satellites per launch, ≥ 1.
    satellite_it_power : float or array_like
        IT power of one satellite [W].
    """
    n = np.asarray(satellites, dtype=float)
    if np.any(n < 1):
        raise OrbitalInputError("a launch must carry at least one satellite")
    return (np.asarray(launch_price_usd) / (n * np.asarray(satellite_it_power) / 1e3))[()]


def launched_power_price(mass, power, lifetime, price_per_kg_usd):
    """Suncatcher's "launched power price": launch cost per kW per year of life [USD kW⁻¹ yr⁻¹].

    (mass × price per kg) / (power × life).

    Parameters
    ----------
    mass : float or array_like
        Satellite mass [kg].
    power : float or array_like
        Satellite power [W] (Suncatcher uses the array's power).
    lifetime : float or array_like
        Life [s].
    price_per_kg_usd : float or array_like
        Launch price [USD kg⁻¹].

    References
    ----------
    Suncatcher (arXiv:2511.19468, 2025), Table 1.
    """
    m = check_range("satellite mass", mass, 0.0, np.inf, unit="kg", low_open=True)
    p = check_range("satellite power", power, 0.0, np.inf, unit="kW", scale=1e3, low_open=True)
    life = check_range("lifetime", lifetime, 0.0, 100 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR, low_open=True)
    return (m * np.asarray(price_per_kg_usd) / (p / 1e3 * life / JULIAN_YEAR))[()]


# --------------------------------------------------------------------------------------
# A spacecraft on an orbit, from the other modules
# --------------------------------------------------------------------------------------

#: Defaults of the mass budget with no public source, each an assumption to replace:
#: power management and distribution 5 kg/kW (NASA's 1991 database of flown systems spans
#: 40-183 kg/kW, far above what Starlink-class buses at ~20 kg/kW for the whole satellite
#: imply); a shield enclosure of 0.1 m² per kW (a rack-sized box per ~100 kW of compute);
#: 30 kg of communication terminals per satellite; 10 % of the array and radiator area
#: facing the flow (sun-tracking arrays and edge-on radiators in a dawn-dusk orbit are
#: nearly parallel to the velocity).
ASSUMED = {
    "power_management_kg_per_kw": 5.0,
    "enclosure_area_m2_per_kw": 0.1,
    "communications_kg": 30.0,
    "ram_area_fraction": 0.10,
}

#: Drag coefficient of a flat plate in free-molecular flow (Vallado 2013, §8.6.2).
DRAG_COEFFICIENT = 2.2


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
    """

    it_power: float
    budget: MassBudget
    mass: float
    array_area: float
    radiator_area: float
    ballistic_coefficient: float
    drag_delta_v_per_year: float
    disposal_delta_v: float


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
        Compute hardware (:func:`server`).
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
    ram = ASSUMED["ram_area_fraction"] if ram_area_fraction is None else ram_area_fraction
    ram = check_range("ram area fraction", ram, 0.0, 1.0)
    check_range("communications mass", comms, 0.0, np.inf, unit="kg")
    check_range("enclosure area", enclosure, 0.0, np.inf, unit="m2/kW", scale=1e-3)
    if infeasible not in ("raise", "inf"):
        raise OrbitalInputError(f"infeasible = {infeasible!r} is not one of: raise, inf")

    if illumination is None or radiator_environment is None:
        series = orbit.sunlight(days=sunlight_days, step=60.0)
    if illumination is None:
        illumination = solar.array_illumination(series, orbit.altitude, pointing)
    power_system = solar.size_power_system(
        illumination,
        power,
        solar.cell(cell_name),
        solar.battery(battery_name),
        lifetime,
        eclipse_load_fraction=eclipse_load,
    )
    if radiator_environment is None:
        coat = thermal.coating(coating_name)
        alpha = float(thermal.absorptance_at(lifetime, coat.absorptance, coat.absorptance_rate))
        radiator_environment = thermal.radiator_environment(series, orbit.altitude, alpha, coat.emittance, 2, attitude)
    radiator = thermal.size_radiator(
        power,
        radiator_temperature,
        radiator_environment,
        thermal.panel(panel_name),
        thermal.loop(loop_name),
        infeasible=infeasible,
    )
    parts = {
        "compute": server(server_name).specific_mass(chassis_removed),
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
    area = power_system.array_area + radiator.area
    if density is None:
        density = orbit.mean_density(activity) if orbit.altitude <= 1000e3 else 0.0
    drag_dv, ballistic = 0.0, np.inf
    options = dict(budget_options, infeasible=infeasible)
    for _ in range(4):  # the drag Δv depends on the mass it adds to; converges in a few passes
        budget = mass_budget(
            **parts, drag_delta_v_per_year=drag_dv, lifetime=lifetime, disposal_delta_v=disposal, **options
        )
        mass = np.where(unclosed, np.inf, budget.total * power)[()]
        if density == 0.0 or np.all(ram == 0.0):
            break
        with np.errstate(divide="ignore", invalid="ignore"):
            ballistic = np.where((ram > 0) & np.isfinite(mass), mass / (DRAG_COEFFICIENT * ram * area), np.inf)[()]
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
    )
