"""Launch: how many launches a spacecraft per MW takes, and what they cost, now and later.

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
3. packing into launches (:func:`satellites_per_launch`) and the launch cost
   per kW and per kW-year of life (:func:`launched_power_price`);
4. one satellite's launch, end to end (:func:`launch_report`, ``orbital launch``).

What the satellite weighs, and why, is :mod:`orbital.spacecraft`'s question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .catalogs import load, lookup
from .constants import GM_EARTH, JULIAN_YEAR, OMEGA_EARTH, R_EARTH, STANDARD_GRAVITY
from .errors import OrbitalInputError, check_range
from .results import Report, Table

__all__ = [
    "LEARNING_CURVE",
    "LaunchReport",
    "LaunchVehicle",
    "capacity_to_orbit",
    "catalog_names",
    "average_wright_price",
    "cumulative_mass_for_price",
    "cumulative_mass_in_year",
    "hohmann_delta_v",
    "insertion_delta_v",
    "launch_cost_per_kw",
    "launch_price",
    "launch_report",
    "launched_by",
    "launched_power_price",
    "orbit_delta_v_penalty",
    "price_per_kg",
    "rideshare_price",
    "satellites_per_launch",
    "vehicle",
    "world_cadence",
    "wright_price",
    "year_for_price",
    "years_to_launch",
]


#: The learning curve: Suncatcher's Wright's law (arXiv:2511.19468, 2025), ~20 % price reduction per
#: doubling of cumulative launched mass (their fits give 18-24 %), anchored on Falcon Heavy at
#: ~$1,800/kg after ~400 t in 2025, flown at the world's measured cadence: ~1,900 t to orbit in 2024
#: (secondary: Space Foundation, The Space Report 2025, as reported: "around 4.2 million pounds", 40 %
#: more than 2023; BryceTech's SpaceX quarterly masses, ~87-90 % of the world's, agree), growing at
#: that 2023-2024 rate, 40 % a year (assumed to continue). Suncatcher's own cadence, ~180 Starship
#: flights a year of 200 t (36,000 t/yr) from 2025, is the scenario behind their "< $200/kg by ~2035";
#: as a default it would price 2026 at ~420 USD/kg, ahead of any vehicle flying then.
LEARNING_CURVE = {
    "price_usd_per_kg": 1800.0,
    "cumulative_mass_kg": 400e3,
    "year": 2025.0,
    "learning_rate": 0.20,
    "upmass_kg_per_year": 1.9e6,
    "upmass_year": 2024.0,
    "upmass_growth": 0.40,
}

#: Suncatcher's cadence scenario (36,000 t/yr from the anchor, no growth), for reproducing their figures.
SUNCATCHER_CADENCE = {"cadence": 180 * 200e3, "growth": 0.0}


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


def launched_by(t, cadence, growth):
    """What a cadence C₀ (1 + g)^t has launched after ``t`` years: C₀ ((1+g)^t − 1) / ln(1+g), C₀ t for no
    growth (a growth under 1e-12 counts as none: it changes nothing at double precision, and underflows)."""
    t, k = np.asarray(t, dtype=float), np.log1p(np.asarray(growth, dtype=float))
    grows = k >= 1e-12
    span = np.where(grows, np.expm1(t * k) / np.where(grows, k, 1.0), t)
    return (np.asarray(cadence) * span)[()]


def years_to_launch(extra_mass, cadence, growth):
    """The inverse of :func:`launched_by`: the years a growing cadence takes to launch ``extra_mass``."""
    k = np.log1p(np.asarray(growth, dtype=float))
    grows = k >= 1e-12
    x = np.asarray(extra_mass) / np.asarray(cadence)
    return np.where(grows, np.log1p(x * k) / np.where(grows, k, 1.0), x)[()]


def world_cadence(launch_section) -> dict:
    """The learning curve's world cadence a scenario's ``[launch]`` section names (``world_upmass``,
    ``upmass_growth``), as the ``cadence`` and ``growth`` of the functions here."""
    return {"cadence": launch_section.world_upmass, "growth": launch_section.upmass_growth}


def _cadence_at_anchor(cadence, growth):
    """The world's mass a year at the curve's anchor year [kg yr⁻¹] and its growth, from a cadence measured
    in the curve's ``upmass_year`` (default the measured one) growing at ``growth`` (default the curve's)."""
    c = LEARNING_CURVE["upmass_kg_per_year"] if cadence is None else cadence
    c = check_range("cadence", c, 0.0, np.inf, unit="t/yr", scale=1e3, low_open=True)
    g = LEARNING_CURVE["upmass_growth"] if growth is None else growth
    g = check_range("cadence growth", g, 0.0, 10.0)
    return c * (1.0 + g) ** (LEARNING_CURVE["year"] - LEARNING_CURVE["upmass_year"]), g


def year_for_price(target_price, cadence=None, growth=None, learning_rate=None, reference_price=None):
    """Year Wright's law reaches a price, for a world launch cadence that may grow.

    Cumulative mass grows as M(t) = M₀ + C ((1+g)^t − 1)/ln(1+g) (C t for g = 0) from the anchor year,
    with C the cadence there.

    Parameters
    ----------
    target_price : float or array_like
        Price to reach [USD kg⁻¹].
    cadence : float or array_like, optional
        The world's mass launched per year in the curve's ``upmass_year`` [kg yr⁻¹] (default the measured
        ~1,900 t of 2024, :data:`LEARNING_CURVE`).
    growth : float or array_like, optional
        Annual growth of the cadence [-], ≥ 0 (default the curve's 40 %).
    learning_rate, reference_price : optional
        The curve (default :data:`LEARNING_CURVE`).

    Returns
    -------
    float or numpy.ndarray
        Calendar year (fractional); the anchor year if the price is already reached.
    """
    c, g = _cadence_at_anchor(cadence, growth)
    m0 = LEARNING_CURVE["cumulative_mass_kg"]
    needed = cumulative_mass_for_price(target_price, reference_price, m0, learning_rate)
    return (LEARNING_CURVE["year"] + years_to_launch(np.maximum(needed - m0, 0.0), c, g))[()]


def launch_price(launcher: LaunchVehicle, year=None, price_per_kg=None, cadence=None, growth=None, learning_rate=None):
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


def average_wright_price(start_mass, added_mass, reference_price=None, reference_mass=None, learning_rate=None):
    """Mean price per kg of launching ``added_mass`` on top of a cumulative ``start_mass`` [USD kg⁻¹]: the
    fleet's own mass moves the price down Wright's curve as it flies.

    (1/ΔM) ∫ P₀ ((M_s + m)/M₀)^b dm = P₀ M₀^-b [(M_s + ΔM)^(b+1) − M_s^(b+1)] / ((b + 1) ΔM), b = log₂(1 − LR).
    """
    p0, m0, lr = _curve(reference_price, reference_mass, learning_rate)
    ms = check_range("cumulative mass", start_mass, 0.0, np.inf, unit="t", scale=1e3, low_open=True)
    dm = check_range("added mass", added_mass, 0.0, np.inf, unit="t", scale=1e3)
    b = np.log2(1.0 - lr)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = p0 * m0**-b * ((ms + dm) ** (b + 1) - ms ** (b + 1)) / ((b + 1) * dm)
    return np.where(dm > 0, mean, wright_price(ms, p0, m0, lr))[()]


def cumulative_mass_in_year(year, cadence=None, growth=None):
    """The world's cumulative launched mass on the learning curve in ``year`` [kg] (``cadence`` and
    ``growth`` as in :func:`year_for_price`)."""
    y0 = LEARNING_CURVE["year"]
    y = check_range("year", year, y0, 2200.0, hint=f"the learning curve starts from its {y0:.0f} anchor")
    c, g = _cadence_at_anchor(cadence, growth)
    return (LEARNING_CURVE["cumulative_mass_kg"] + launched_by(y - y0, c, g))[()]


def _learning_price_in_year(year, cadence, growth, learning_rate):
    return wright_price(cumulative_mass_in_year(year, cadence, growth), learning_rate=learning_rate)


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
# One satellite's launch (``orbital launch``)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class LaunchReport(Report):
    """One satellite on a vehicle: capacity to the orbit, price, satellites per launch, cost per kW.

    Attributes
    ----------
    orbit : orbital.Orbit
    vehicle : LaunchVehicle
    lifetime : float
        Mission life [s].
    mass : float
        Satellite wet mass [kg].
    power : float
        Satellite power [W] (IT power for a sized satellite).
    budget : dict
        Mass per kW by subsystem [kg kW⁻¹] (``{"satellite": ...}`` for a given satellite).
    launch_price : float
        Price of one launch [USD] (of the rideshare slot for a rideshare vehicle).
    satellites_per_launch : int
    fill : float
        Usable fraction of the capacity [-].
    capacity : float or None
        Capacity to this orbit [kg] (None for a rideshare).
    delta_v_penalty : float or None
        Extra Δv of this orbit over the vehicle's reference orbit [m s⁻¹].
    satellites_by_mass, satellites_by_volume : int or None
    year : float or None
        Launch year on the learning curve, when the price came from it.
    design : orbital.spacecraft.SpacecraftDesign or None
        The sized satellite, when it was sized (:func:`orbital.spacecraft.design_and_launch`).
    server_name : str or None
    chassis_removed : bool or None
    target : dict or None
        ``price_per_kg`` [USD kg⁻¹], ``cumulative_mass`` [kg] and ``year`` at which the learning
        curve reaches a target price.
    """

    orbit: object
    vehicle: LaunchVehicle
    lifetime: float
    mass: float
    power: float
    budget: dict
    launch_price: float
    satellites_per_launch: int
    fill: float
    capacity: float | None = None
    delta_v_penalty: float | None = None
    satellites_by_mass: int | None = None
    satellites_by_volume: int | None = None
    year: float | None = None
    design: object = None
    server_name: str | None = None
    chassis_removed: bool | None = None
    target: dict | None = None

    _headline = ("vehicle", "satellite_mass_kg", "satellites_per_launch", "launch_cost_usd_per_kw")

    def to_dict(self) -> dict:
        from . import __version__

        orbit, launcher = self.orbit, self.vehicle
        d = {
            "orbital_version": __version__,
            "altitude_km": orbit.altitude / 1e3,
            "inclination_deg": orbit.inclination,
            "sun_synchronous": orbit.is_sun_synchronous,
            "vehicle": launcher.name,
            "vehicle_status": launcher.status,
            "lifetime_years": self.lifetime / JULIAN_YEAR,
            "satellite_mass_kg": self.mass,
            "satellite_power_kw": self.power / 1e3,
            "mass_kg_per_kw": self.mass / self.power * 1e3,
            "mass_budget_kg_per_kw": self.budget,
        }
        if self.capacity is None:
            d.update(
                {
                    "capacity_kg": None,
                    "satellites_per_launch": 1,
                    "launch_price_usd": self.launch_price,
                    "price_usd_per_kg": self.launch_price / self.mass,
                    "price_usd_per_kg_reference": None,
                }
            )
        else:
            d.update(
                {
                    "capacity_kg": self.capacity,
                    "capacity_reference_kg": launcher.capacity_reference,
                    "delta_v_penalty_m_per_s": self.delta_v_penalty,
                    "satellites_by_mass": self.satellites_by_mass,
                    "satellites_by_volume": self.satellites_by_volume,
                    "satellites_per_launch": self.satellites_per_launch,
                    "launch_price_usd": self.launch_price,
                    "price_usd_per_kg_reference": self.launch_price / launcher.capacity_reference,
                    "price_usd_per_kg": self.launch_price / (self.capacity * self.fill),
                    "fill": self.fill,
                }
            )
            if self.year is not None:
                d["year"] = self.year
        per_kw = float(launch_cost_per_kw(self.launch_price, self.satellites_per_launch, self.power))
        d.update(
            {
                "launches_per_mw": 1e6 / self.power / self.satellites_per_launch,
                "launch_cost_usd_per_kw": per_kw,
                "launched_power_price_usd_per_kw_year": per_kw / (self.lifetime / JULIAN_YEAR),
            }
        )
        if self.design is not None:
            design = self.design
            d.update(
                {
                    "server": self.server_name,
                    "chassis_removed": self.chassis_removed,
                    "array_area_m2": design.array_area,
                    "radiator_area_m2": design.radiator_area,
                    "ballistic_coefficient_kg_per_m2": design.ballistic_coefficient,
                    "drag_delta_v_m_per_s_per_year": design.drag_delta_v_per_year,
                    "disposal_delta_v_m_per_s": design.disposal_delta_v,
                }
            )
        if self.target is not None:
            d["target_price_usd_per_kg"] = self.target["price_per_kg"]
            d["target_cumulative_mass_t"] = self.target["cumulative_mass"] / 1e3
            d["target_year"] = self.target["year"]
        return d

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: launch")
        kind = "sun-synchronous" if r["sun_synchronous"] else "circular"
        table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.2f} deg ({kind})")
        table.row("Vehicle", f"{r['vehicle']} ({r['vehicle_status']})")
        if r["capacity_kg"] is not None:
            table.row(
                "Capacity to this orbit",
                f"{r['capacity_kg']:,.0f} kg ({r['capacity_reference_kg']:,.0f} kg to its "
                f"reference orbit; penalty {r['delta_v_penalty_m_per_s']:,.0f} m/s)",
            )
            when = f" in {r['year']:g} on the learning curve" if "year" in r else ""
            table.row(
                "Launch price",
                f"${r['launch_price_usd'] / 1e6:,.1f}M{when}: ${r['price_usd_per_kg_reference']:,.0f}"
                f"/kg to the reference orbit, ${r['price_usd_per_kg']:,.0f}/kg here at fill {r['fill']:g}",
            )
        else:
            table.row(
                "Rideshare price",
                f"${r['launch_price_usd']:,.0f} for the satellite (${r['price_usd_per_kg']:,.0f}/kg)",
            )
        table.section(
            f"Satellite: {r['satellite_mass_kg']:,.0f} kg for {r['satellite_power_kw']:,.1f} kW "
            f"({r['mass_kg_per_kw']:.1f} kg/kW)"
        )
        budget = r["mass_budget_kg_per_kw"]
        if "satellite" not in budget:
            for key, value in budget.items():
                table.row(f"  {key.replace('_', ' ')}", f"{value:8.2f} kg/kW")
            table.row(
                "  drag make-up / disposal",
                f"{r['drag_delta_v_m_per_s_per_year']:.3g} m/s per year "
                f"(B = {r['ballistic_coefficient_kg_per_m2']:.3g} kg/m^2) / {r['disposal_delta_v_m_per_s']:.0f} m/s",
            )
            table.row("  areas", f"array {r['array_area_m2']:,.0f} m^2, radiator {r['radiator_area_m2']:,.0f} m^2")
        table.section(f"Launches for a {r['lifetime_years']:g}-year life")
        volume = "" if r.get("satellites_by_volume") is None else f", {r['satellites_by_volume']} by volume"
        if r["capacity_kg"] is not None:
            table.row(
                "Satellites per launch", f"{r['satellites_per_launch']} ({r['satellites_by_mass']} by mass{volume})"
            )
        table.row("Launches per MW", f"{r['launches_per_mw']:.3g}")
        table.row("Launch cost", f"${r['launch_cost_usd_per_kw']:,.0f} per kW")
        table.row("Launched power price", f"${r['launched_power_price_usd_per_kw_year']:,.0f} per kW-year")
        if "target_year" in r:
            table.row(
                f"Learning curve to ${r['target_price_usd_per_kg']:g}/kg",
                f"{r['target_cumulative_mass_t']:,.0f} t launched in all, reached in {r['target_year']:.1f}",
            )
        return table


def launch_report(
    orbit,
    mass,
    power,
    vehicle_name="falcon-9-reusable",
    lifetime=5 * JULIAN_YEAR,
    fill=1.0,
    year=None,
    price_per_kg=None,
    cadence=None,
    growth=None,
    learning_rate=None,
    stowed_density=None,
    target_price=None,
    budget=None,
    **sized,
) -> LaunchReport:
    """Launch one satellite of a given mass and power to an orbit (``orbital launch --mass --power``).

    Parameters
    ----------
    orbit : orbital.Orbit
    mass : float
        Satellite wet mass [kg].
    power : float
        Satellite power [W].
    vehicle_name : str
        :func:`vehicle`.
    lifetime : float
        Mission life [s].
    fill : float
        Usable fraction of the capacity [-].
    year, price_per_kg : float, optional
        A launch year on the learning curve, or a price per kg to the reference orbit [USD kg⁻¹]
        (:func:`launch_price`); default the vehicle's list price.
    cadence, growth, learning_rate : optional
        The learning curve (:func:`year_for_price`): the world's mass to orbit in 2024 [kg yr⁻¹], its
        yearly growth [-], the price fall per doubling [-].
    stowed_density : float, optional
        Satellite mass per stowed volume [kg m⁻³]: adds the fairing's volume limit.
    target_price : float, optional
        Also report when the learning curve reaches this price [USD kg⁻¹].
    budget : dict, optional
        Mass per kW by subsystem [kg kW⁻¹] (default: the satellite as one item).
    **sized
        ``design``, ``server_name``, ``chassis_removed`` of a sized satellite
        (:func:`orbital.spacecraft.design_and_launch`).

    Returns
    -------
    LaunchReport
    """
    launcher = vehicle(vehicle_name)
    check_range("satellite mass", mass, 0.0, np.inf, unit="kg", low_open=True)
    check_range("satellite power", power, 0.0, np.inf, unit="kW", scale=1e3, low_open=True)
    learning = {"cadence": cadence, "growth": growth, "learning_rate": learning_rate}
    pricing = {k: v for k, v in (("year", year), ("price_per_kg", price_per_kg)) if v is not None}
    common = {
        "orbit": orbit,
        "vehicle": launcher,
        "lifetime": lifetime,
        "mass": mass,
        "power": power,
        "budget": {"satellite": mass / power * 1e3} if budget is None else budget,
        "fill": fill,
        **sized,
    }
    if target_price is not None:
        common["target"] = {
            "price_per_kg": target_price,
            "cumulative_mass": float(cumulative_mass_for_price(target_price, learning_rate=learning_rate)),
            "year": float(year_for_price(target_price, cadence, growth, learning_rate)),
        }
    if launcher.kind == "rideshare":
        if not orbit.is_sun_synchronous:
            raise OrbitalInputError(f"{launcher.name} flies to sun-synchronous orbits only: give --sso")
        if pricing or cadence is not None:
            raise OrbitalInputError(f"{launcher.name} has a published rideshare price: --year and --price do not apply")
        return LaunchReport(launch_price=float(rideshare_price(launcher, mass)), satellites_per_launch=1, **common)
    capacity = float(capacity_to_orbit(launcher, orbit.altitude, orbit.inclination))
    if mass > capacity * fill:
        raise OrbitalInputError(
            f"the satellite ({mass:,.0f} kg) is heavier than {launcher.name} carries to this orbit "
            f"({capacity:,.0f} kg at fill {fill:g}): lower the IT power per satellite or pick a larger vehicle"
        )
    price = float(launch_price(launcher, **pricing, **learning))
    by_mass, by_volume, count = satellites_per_launch(mass, capacity, fill, launcher.envelope_volume, stowed_density)
    if int(count) < 1:
        raise OrbitalInputError(f"not one satellite fits {launcher.name}'s fairing at this stowed density")
    return LaunchReport(
        launch_price=price,
        satellites_per_launch=int(count),
        capacity=capacity,
        delta_v_penalty=float(
            orbit_delta_v_penalty(
                orbit.altitude, orbit.inclination, launcher.reference_altitude, launcher.site_latitude
            )
        ),
        satellites_by_mass=int(by_mass),
        satellites_by_volume=None if by_volume is None else int(by_volume),
        year=year,
        **common,
    )
