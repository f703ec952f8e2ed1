"""Links: how much data an orbital data center moves, through which stations, with what latency.

The chain, each link a kernel on SI floats (angles in degrees, powers in W, rates in bit/s):

1. geometry: slant range for an elevation, the ground stations' Earth-fixed
   positions and the elevation of the satellite from each along its propagated
   track; passes, contact minutes per day, alone and for a network
   (:func:`contacts`);
2. RF link budget (:func:`rf_data_rate`): EIRP, free-space path loss,
   gaseous, rain, cloud and scintillation attenuation from the ITU-R
   recommendations through ``itur`` at the station and availability, G/T,
   C/N0, and the best DVB-S2 MODCOD (ETSI EN 302 307-1 Table 13) that closes
   with the implementation margin;
3. optical link budget (:func:`optical_data_rate`): transmit power, aperture
   gains, pointing and atmospheric losses, receiver sensitivity in photons per
   bit, the modem's top rate; cloud-free line of sight from the ITU-R P.840
   liquid-cloud climatology and site diversity;
4. optical inter-satellite links and a relay constellation
   (:func:`isl_capacity`);
5. demand (:func:`demand`) and round-trip latency against a terrestrial data
   center (:func:`round_trip_latency`).
"""

from __future__ import annotations

import functools
import json
import warnings
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from .catalogs import load, lookup
from .constants import DAY, FLATTENING_EARTH, R_EARTH
from .errors import OrbitalInputError, check_choice, check_range
from .orbits import Orbit, _runs, teme_to_ecef, vector_norm
from .results import Report, Table, bit_rate

__all__ = [
    "BANDS",
    "SPEED_OF_LIGHT",
    "Contacts",
    "Demand",
    "LinkPreset",
    "Station",
    "antenna_gain",
    "attenuation_table",
    "atmospheric_loss",
    "LinkSummary",
    "band",
    "cloud_free_probability",
    "contacts",
    "demand",
    "free_space_path_loss",
    "isl_capacity",
    "link_summary",
    "network_availability",
    "optical_data_rate",
    "rate_by_elevation",
    "rf_data_rate",
    "round_trip_latency",
    "slant_range",
    "station",
    "station_names",
]

#: Speed of light in vacuum [m s⁻¹] (SI definition).
SPEED_OF_LIGHT = 299_792_458.0

#: Boltzmann's constant in dB: −10 log₁₀(1.380649e-23 J/K) = 228.6 dBW K⁻¹ Hz⁻¹ (SI 2019).
BOLTZMANN_DB = 228.5991

#: Planck constant [J s] (SI definition).
PLANCK = 6.62607015e-34

#: Refractive index of silica fibre for backhaul latency (group index at 1550 nm, ITU-T G.652 class).
FIBRE_INDEX = 1.468

BANDS = ("x", "ka", "optical", "isl")


# --------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------


def _stations():
    return load("ground_stations.toml")


def _terminals():
    return load("link_terminals.toml")


@functools.cache
def _modcods():
    table = load("dvbs2_modcods.toml")["modcods"]
    names = [row[0] for row in table]
    efficiency = np.array([row[1] for row in table])
    required = np.array([row[2] for row in table])
    return names, efficiency, required


@dataclass(frozen=True)
class Station:
    """A ground station: position (WGS 84) and the bands it serves."""

    name: str
    description: str
    latitude: float
    longitude: float
    altitude: float
    bands: tuple
    sources: tuple = field(default=(), compare=False)


def station_names() -> list[str]:
    """Names in the ground-station catalog."""
    return sorted(_stations())


def station(name) -> Station:
    """The catalog entry ``name`` (raises, listing the known stations, if unknown)."""
    e = lookup("station", name, _stations())
    return Station(
        name,
        e["description"],
        e["latitude_deg"],
        e["longitude_deg"],
        e["altitude_m"],
        tuple(e["bands"]),
        tuple(e["sources"]),
    )


@dataclass(frozen=True)
class LinkPreset:
    """The parameters of one band's link (:data:`BANDS`), from ``orbital/data/link_terminals.toml``."""

    name: str
    kind: str
    description: str
    parameters: dict
    status: str
    sources: tuple = field(default=(), compare=False)


def band(name) -> LinkPreset:
    """The link preset of a band (raises, listing the known bands, if unknown)."""
    check_choice("band", name, BANDS)
    e = dict(_terminals()[name])
    kind, description, status, sources = e.pop("kind"), e.pop("description"), e.pop("status"), e.pop("sources")
    e.pop("notes", None)
    return LinkPreset(name, kind, description, e, status, tuple(sources))


# --------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------


def slant_range(altitude, elevation):
    """Distance from a ground point to a satellite at an elevation [m] (spherical Earth).

    d = √((R+h)² − R² cos² ε) − R sin ε.

    Parameters
    ----------
    altitude : float or array_like
        Satellite altitude [m].
    elevation : float or array_like
        Elevation above the horizon [deg], 0-90.

    References
    ----------
    Vallado (2013) §4.4 (site-track geometry).
    """
    h = check_range("altitude", altitude, 0.0, 1e9, unit="km", scale=1e3)
    e = np.radians(check_range("elevation", elevation, 0.0, 90.0, unit="deg"))
    return (np.sqrt((R_EARTH + h) ** 2 - (R_EARTH * np.cos(e)) ** 2) - R_EARTH * np.sin(e))[()]


def _geodetic_to_ecef(latitude, longitude, altitude):
    lat, lon = np.radians(latitude), np.radians(longitude)
    e2 = FLATTENING_EARTH * (2.0 - FLATTENING_EARTH)
    n = R_EARTH / np.sqrt(1.0 - e2 * np.sin(lat) ** 2)
    return np.stack(
        [
            (n + altitude) * np.cos(lat) * np.cos(lon),
            (n + altitude) * np.cos(lat) * np.sin(lon),
            (n * (1.0 - e2) + altitude) * np.sin(lat),
        ],
        axis=-1,
    )


def _elevations(satellite_ecef, stations):
    """Elevation [deg] and range [m] of the satellite from each station: (stations, samples)."""
    lat = np.array([s.latitude for s in stations])
    lon = np.array([s.longitude for s in stations])
    alt = np.array([s.altitude for s in stations])
    site = _geodetic_to_ecef(lat, lon, alt)  # (k, 3)
    up = np.stack(
        [
            np.cos(np.radians(lat)) * np.cos(np.radians(lon)),
            np.cos(np.radians(lat)) * np.sin(np.radians(lon)),
            np.sin(np.radians(lat)),
        ],
        axis=-1,
    )  # geodetic zenith
    rel = satellite_ecef[None, :, :] - site[:, None, :]
    distance = vector_norm(rel)
    sin_el = np.einsum("ksj,kj->ks", rel, up) / distance
    return np.degrees(np.arcsin(np.clip(sin_el, -1.0, 1.0))), distance


# --------------------------------------------------------------------------------------
# Link budgets
# --------------------------------------------------------------------------------------


def free_space_path_loss(distance, frequency):
    """Free-space path loss (4π d f / c)² in dB.

    Equivalent to 20 log₁₀ d[km] + 20 log₁₀ f[GHz] + 92.45.

    Parameters
    ----------
    distance : float or array_like
        Range [m], > 0.
    frequency : float or array_like
        Frequency [Hz], > 0.

    References
    ----------
    Friis, Proc. IRE 34, 254 (1946); ITU-R P.525-4.
    """
    d = check_range("distance", distance, 0.0, np.inf, unit="m", low_open=True)
    f = check_range("frequency", frequency, 0.0, np.inf, unit="Hz", low_open=True)
    return (20.0 * np.log10(4.0 * np.pi * d * f / SPEED_OF_LIGHT))[()]


def antenna_gain(diameter, wavelength, efficiency=0.8145):
    """Gain of a circular aperture, η (π D / λ)², in dB.

    Parameters
    ----------
    diameter : float or array_like
        Aperture diameter [m], > 0.
    wavelength : float or array_like
        Wavelength [m], > 0.
    efficiency : float or array_like
        Aperture efficiency [-] (0.8145: an optimally truncated Gaussian beam,
        Klein & Degnan 1974; ~0.55-0.7 for RF dishes).
    """
    d = check_range("aperture", diameter, 0.0, np.inf, unit="m", low_open=True)
    lam = check_range("wavelength", wavelength, 0.0, np.inf, unit="m", low_open=True)
    eta = check_range("aperture efficiency", efficiency, 0.0, 1.0, low_open=True)
    return (10.0 * np.log10(eta * (np.pi * d / lam) ** 2))[()]


def atmospheric_loss(
    latitude, longitude, frequency, elevation, availability=99.0, station_altitude=0.0, antenna_diameter=7.0
):
    """Gaseous, rain, cloud and scintillation attenuation on a slant path, exceeded (100 − availability) % [dB].

    Parameters
    ----------
    latitude, longitude : float
        Station [deg].
    frequency : float
        Carrier frequency [Hz], 1-1000 GHz.
    elevation : float or array_like
        Elevation [deg], 5-90 (ITU-R P.618's domain).
    availability : float
        Percentage of time the link must close, in (0, 100).
    station_altitude : float
        Station height above sea level [m].
    antenna_diameter : float
        Station antenna diameter [m] (scintillation averaging).

    References
    ----------
    ITU-R P.618-13, P.676-12, P.840-8, P.837-7, P.838-3 through ``itur``
    (del Portillo, 2017-): ``itur.atmospheric_attenuation_slant_path``.
    """
    from ._optional import require

    itur = require("itur", "ITU-R attenuation at a station outside the shipped table")
    a = check_range("availability", availability, 0.0, 100.0, unit="%", low_open=True, high_open=True)
    e = check_range("elevation", elevation, 5.0, 90.0, unit="deg")
    f = check_range("frequency", frequency, 1e9, 1e12, unit="GHz", scale=1e9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # itur warns at the ends of its domains
        loss = itur.atmospheric_attenuation_slant_path(
            latitude, longitude, f / 1e9, e, 100.0 - float(a), antenna_diameter, hs=station_altitude / 1e3
        )
    return np.asarray(loss.value, dtype=float)[()]


def rf_data_rate(eirp, station_gt, distance, frequency, bandwidth, losses=0.0, rolloff=0.35, implementation_margin=3.0):
    """Data rate of the best DVB-S2 MODCOD that closes an RF link [bit s⁻¹] (0 if none).

    C/N0 = EIRP + G/T − FSPL − L + 228.6 dB-Hz; the symbol rate fills the band,
    Rs = B / (1 + α); Es/N0 = C/N0 − 10 log₁₀ Rs; the MODCOD with the highest
    spectral efficiency whose required Es/N0 plus the implementation margin is
    met sets the rate, efficiency × Rs.

    Parameters
    ----------
    eirp : float or array_like
        Spacecraft EIRP [dBW].
    station_gt : float or array_like
        Ground-station G/T [dB K⁻¹].
    distance : float or array_like
        Slant range [m].
    frequency : float
        Carrier frequency [Hz].
    bandwidth : float or array_like
        Occupied bandwidth [Hz].
    losses : float or array_like
        Atmospheric and other losses [dB], ≥ 0.
    rolloff : float
        Root-raised-cosine roll-off α [-].
    implementation_margin : float or array_like
        Margin above the ideal threshold [dB].

    Returns
    -------
    float or numpy.ndarray
        Information rate [bit s⁻¹].

    References
    ----------
    ETSI EN 302 307-1 V1.4.1 (2014) Table 13; Maral & Bousquet, Satellite
    Communications Systems, 5th ed. (2009) ch. 5.
    """
    b = check_range("bandwidth", bandwidth, 0.0, np.inf, unit="Hz", low_open=True)
    check_range("losses", losses, 0.0, np.inf, unit="dB")
    alpha = check_range("roll-off", rolloff, 0.0, 1.0)
    _, efficiency, required = _modcods()
    symbol_rate = b / (1.0 + alpha)
    c_n0 = (
        np.asarray(eirp)
        + np.asarray(station_gt)
        - free_space_path_loss(distance, frequency)
        - np.asarray(losses)
        + BOLTZMANN_DB
    )
    es_n0 = c_n0 - 10.0 * np.log10(symbol_rate)
    closes = (es_n0[..., None] - np.asarray(implementation_margin)[..., None]) >= required
    best = np.max(np.where(closes, efficiency, 0.0), axis=-1)
    return (best * symbol_rate)[()]


def optical_data_rate(
    transmit_power,
    transmit_aperture,
    receive_aperture,
    wavelength,
    distance,
    losses=0.0,
    photons_per_bit=100.0,
    max_rate=np.inf,
    aperture_efficiency=0.8145,
):
    """Data rate an optical link supports [bit s⁻¹]: received photons over photons per bit, capped by the modem.

    P_rx = P_tx G_t G_r (λ / 4π d)² 10^(−L/10); R = min(P_rx λ / (n h c), R_max).

    Parameters
    ----------
    transmit_power : float or array_like
        Optical power out of the telescope [W], > 0.
    transmit_aperture, receive_aperture : float or array_like
        Aperture diameters [m], > 0.
    wavelength : float
        Wavelength [m].
    distance : float or array_like
        Range [m].
    losses : float or array_like
        Pointing, atmospheric and implementation losses [dB], ≥ 0.
    photons_per_bit : float
        Receiver sensitivity [photons bit⁻¹].
    max_rate : float
        The modem's top rate [bit s⁻¹].
    aperture_efficiency : float
        Of both apertures [-].

    References
    ----------
    Hemmati (ed.), Deep Space Optical Communications (JPL/Wiley, 2006) ch. 4;
    Klein & Degnan, Appl. Opt. 13, 2134 (1974).
    """
    p = check_range("transmit power", transmit_power, 0.0, np.inf, unit="W", low_open=True)
    check_range("losses", losses, 0.0, np.inf, unit="dB")
    n = check_range("photons per bit", photons_per_bit, 0.0, np.inf, low_open=True)
    gains = antenna_gain(transmit_aperture, wavelength, aperture_efficiency) + antenna_gain(
        receive_aperture, wavelength, aperture_efficiency
    )
    path = free_space_path_loss(distance, SPEED_OF_LIGHT / wavelength)
    received = p * 10.0 ** ((gains - path - np.asarray(losses)) / 10.0)
    rate = received * wavelength / (n * PLANCK * SPEED_OF_LIGHT)
    return np.minimum(rate, max_rate)[()]


def isl_capacity(distance, preset: LinkPreset | None = None):
    """Capacity of an optical inter-satellite link with DWDM channels [bit s⁻¹].

    Each channel carries its rate while its received power meets the
    receiver's sensitivity, and proportionally less below it (the same photons
    per bit at a lower rate).

    Parameters
    ----------
    distance : float or array_like
        Range between the satellites [m], > 0.
    preset : LinkPreset, optional
        The ``isl`` preset (default from the catalog).

    References
    ----------
    Suncatcher (arXiv:2511.19468, 2025) §ISL: 24 × 400G DWDM, 9.6 Tbps per aperture.
    """
    q = (preset or band("isl")).parameters
    gain = antenna_gain(q["aperture_m"], q["wavelength_m"], q["aperture_efficiency"])
    path = free_space_path_loss(distance, SPEED_OF_LIGHT / q["wavelength_m"])
    received_dbm = 10.0 * np.log10(q["channel_power_w"] * 1e3) + 2.0 * gain - path - q["pointing_loss_db"]
    fraction = np.minimum(1.0, 10.0 ** ((received_dbm - q["receiver_sensitivity_dbm"]) / 10.0))
    return (q["channels"] * q["channel_rate_bps"] * fraction)[()]


# --------------------------------------------------------------------------------------
# Weather for optical links
# --------------------------------------------------------------------------------------


@functools.cache
def _cloud_free(latitude, longitude):
    shipped = _attenuation_table().get("cloud_free", {}).get(f"{latitude:g},{longitude:g}")
    if shipped is not None:  # a catalog site: no itur needed
        return shipped
    return _cloud_free_itur(latitude, longitude)


def _cloud_free_itur(latitude, longitude):
    from ._optional import require

    itu840 = require("itur.models.itu840", "ITU-R P.840 cloud statistics at a site outside the shipped table")
    p = np.geomspace(0.01, 99.0, 400)  # P.840's tables end below 100 %
    liquid = np.asarray(itu840.columnar_content_reduced_liquid(latitude, longitude, p).value, dtype=float)
    cloudy = p[liquid > 0.0]
    return 1.0 - (cloudy.max() / 100.0 if cloudy.size else 0.0)


def cloud_free_probability(latitude, longitude):
    """Probability that the zenith path holds no liquid-water cloud [-].

    From the ITU-R P.840 statistics of reduced columnar liquid water: the
    fraction of time the content is zero. Ice clouds and aerosols, which also
    block optical links, are not in P.840, so this is an upper bound on a
    clear line of sight.

    Parameters
    ----------
    latitude, longitude : float
        Site [deg].

    References
    ----------
    ITU-R P.840-8 (2019) through ``itur``.
    """
    check_range("latitude", latitude, -90.0, 90.0, unit="deg")
    check_range("longitude", longitude, -180.0, 360.0, unit="deg")
    return _cloud_free(round(float(latitude), 4), round(float(longitude), 4))


def network_availability(probabilities):
    """Probability that at least one site of a network is clear, 1 − Π(1 − p) (independent weather)."""
    p = check_range("cloud-free probability", probabilities, 0.0, 1.0)
    return float(1.0 - np.prod(1.0 - p))


# --------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contacts:
    """Visibility of a satellite from ground stations over a span (SI).

    Attributes
    ----------
    stations : tuple of Station
    time : numpy.ndarray
        Seconds from the epoch of each sample [s].
    step : float
        Sampling step [s].
    elevation : numpy.ndarray
        Elevation from each station [deg], shape (stations, samples).
    distance : numpy.ndarray
        Range from each station [m], same shape.
    min_elevation : float
        Elevation mask [deg].
    passes : numpy.ndarray
        Passes above the mask per station over the span.
    """

    stations: tuple
    time: np.ndarray
    step: float
    elevation: np.ndarray = field(repr=False)
    distance: np.ndarray = field(repr=False)
    min_elevation: float
    passes: np.ndarray

    @property
    def days(self) -> float:
        return self.time.size * self.step / DAY

    @property
    def visible(self) -> np.ndarray:
        return self.elevation >= self.min_elevation

    def minutes_per_day(self) -> np.ndarray:
        """Contact minutes per day from each station."""
        return self.visible.sum(axis=1) * self.step / 60.0 / self.days

    def network_minutes_per_day(self) -> float:
        """Minutes per day with at least one station in view (one terminal: overlaps count once)."""
        return float(self.visible.any(axis=0).sum() * self.step / 60.0 / self.days)

    def passes_per_day(self) -> np.ndarray:
        return self.passes / self.days

    def network_passes_per_day(self) -> float:
        """Separate intervals with any station in view, per day."""
        return len(_runs(self.visible.any(axis=0))[0]) / self.days

    def mean_gap(self) -> float:
        """Mean time between network contacts [s] (inf with none, 0 if always in view)."""
        visible = self.visible.any(axis=0)
        if not visible.any():
            return np.inf
        starts, ends = _runs(~visible)
        return float(np.mean(ends - starts) * self.step) if starts.size else 0.0


def contacts(orbit: Orbit, stations, days=30.0, step=10.0, min_elevation=10.0) -> Contacts:
    """Passes of an orbit over ground stations (SGP4 track, WGS 84 sites).

    Parameters
    ----------
    orbit : Orbit
        The satellite.
    stations : sequence of Station or str
        Catalog entries or names.
    days : float
        Span from the orbit's epoch [day].
    step : float
        Sampling step [s], 1-600.
    min_elevation : float
        Elevation mask [deg], in [0, 90).

    Returns
    -------
    Contacts
    """
    sites = tuple(s if isinstance(s, Station) else station(s) for s in stations)
    if not sites:
        raise OrbitalInputError("give at least one ground station")
    span = float(check_range("days", days, 0.0, 366.0, unit="day", low_open=True))
    dt = float(check_range("step", step, 1.0, 600.0, unit="s"))
    mask = float(check_range("min elevation", min_elevation, 0.0, 90.0, unit="deg", high_open=True))
    t = np.arange(0.0, span * DAY, dt)
    r, _ = orbit.propagate(t)
    ecef = teme_to_ecef(r, orbit.epoch.jd + t / DAY)
    elevation, distance = _elevations(ecef, sites)
    passes = np.array([_runs(row >= mask)[0].size for row in elevation])  # one row per station
    return Contacts(sites, t, dt, elevation, distance, mask, passes)


#: Elevations the link budget is tabulated on along passes [deg] (ITU-R P.618's domain starts at 5°).
ELEVATION_GRID = np.arange(5.0, 90.5, 0.5)

#: Availabilities of the shipped attenuation table [%].
TABULATED_AVAILABILITIES = (90.0, 95.0, 99.0, 99.5, 99.9)


@functools.cache
def _attenuation_table():
    return json.loads(resources.files("orbital").joinpath("data/itu_attenuation.json").read_text("utf-8"))


def _table_key(site: Station, preset: LinkPreset, availability) -> str:
    return f"{site.name}|{preset.name}|{float(availability):g}"


def _tabulated_loss(site: Station, preset: LinkPreset, availability):
    """The shipped ITU-R attenuation for a catalog station and band, or None if not tabulated."""
    table = _attenuation_table()
    key = _table_key(site, preset, availability)
    entry = table["loss_db"].get(key)
    same = entry is not None and table["frequency_hz"][preset.name] == preset.parameters["frequency_hz"]
    catalog = station(site.name) if site.name in _stations() else None
    if not same or catalog != site:  # a moved or renamed site, or a changed preset: compute afresh
        return None
    return np.asarray(entry, dtype=float)


def attenuation_table() -> dict:
    """ITU-R slant-path attenuation for every catalog station and RF band at the tabulated
    availabilities, on :data:`ELEVATION_GRID`, computed with ``itur`` (:func:`atmospheric_loss`).

    ``orbital/data/itu_attenuation.json`` holds its output, so that a link budget at a catalog
    station does not pay itur's ~2 s start (scipy import and map loading); the test suite checks
    the file against a fresh computation. Regenerate with
    ``python -c "import json, orbital.downlink as d; print(json.dumps(d.attenuation_table()))"``.
    """
    from ._optional import require

    itur = require("itur", "recomputing the ITU-R table")
    loss, frequency = {}, {}
    for name in BANDS:
        preset = band(name)
        if preset.kind != "rf":
            continue
        frequency[name] = preset.parameters["frequency_hz"]
        for site_name in station_names():
            site = station(site_name)
            if name not in site.bands:
                continue
            for availability in TABULATED_AVAILABILITIES:
                values = atmospheric_loss(
                    site.latitude, site.longitude, frequency[name], ELEVATION_GRID, availability, site.altitude
                )
                loss[_table_key(site, preset, availability)] = [round(float(v), 4) for v in values]
    clear = {}
    for site_name in station_names():
        site = station(site_name)
        if "optical" in site.bands:
            lat, lon = round(float(site.latitude), 4), round(float(site.longitude), 4)
            clear[f"{lat:g},{lon:g}"] = float(_cloud_free_itur(lat, lon))
    return {
        "source": "ITU-R P.618-13, P.676-12, P.840-8, P.837-7, P.838-3 through itur "
        f"{itur.__version__} (orbital.downlink.attenuation_table); 7 m antenna; dB; cloud_free: P.840 "
        "share of time with no liquid water at each optical site (latitude,longitude)",
        "elevation_deg": ELEVATION_GRID.tolist(),
        "frequency_hz": frequency,
        "loss_db": loss,
        "cloud_free": clear,
    }


def rate_by_elevation(preset: LinkPreset, site: Station, altitude, availability=99.0, elevations=None):
    """Data rate against elevation for one station [bit s⁻¹], on a grid to interpolate passes on.

    RF: the budget with ITU-R attenuation at the station for the availability.
    Optical: clear-sky budget (the cloud-free probability is applied to
    volumes, not rates). Below 5° (ITU-R P.618's domain) the rate is 0.

    Returns
    -------
    tuple of numpy.ndarray
        (elevation grid [deg], rate [bit s⁻¹]).
    """
    grid = ELEVATION_GRID if elevations is None else np.asarray(elevations, dtype=float)
    distance = slant_range(altitude, grid)
    q = preset.parameters
    if preset.kind == "rf":
        tabulated = _tabulated_loss(site, preset, availability) if elevations is None else None
        atmosphere = (
            tabulated
            if tabulated is not None
            else atmospheric_loss(site.latitude, site.longitude, q["frequency_hz"], grid, availability, site.altitude)
        )
        rate = rf_data_rate(
            q["eirp_dbw"],
            q["station_gt_dbk"],
            distance,
            q["frequency_hz"],
            q["bandwidth_hz"],
            atmosphere + q["other_losses_db"],
            q["rolloff"],
            q["implementation_margin_db"],
        )
    elif preset.kind == "optical":
        rate = optical_data_rate(
            q["transmit_power_w"],
            q["transmit_aperture_m"],
            q["receive_aperture_m"],
            q["wavelength_m"],
            distance,
            q["pointing_loss_db"] + q["implementation_margin_db"],
            q["photons_per_bit"],
            q["max_rate_bps"],
            q["aperture_efficiency"],
        )
    else:
        raise OrbitalInputError(f"band {preset.name!r} links satellites, not the ground")
    return grid, np.asarray(rate, dtype=float)


# --------------------------------------------------------------------------------------
# Demand and latency
# --------------------------------------------------------------------------------------

#: Workload presets per MW of IT power, all assumptions to replace with your own: inference
#: at 1e6 output tokens/s per MW (order of a current GPU server's batched throughput),
#: 4 bytes per token (English text averages ~4 characters per token) and 10 prompt
#: tokens per output token; training ingesting 2e6 tokens/s per MW at 4 bytes per token
#: and downloading a 1 TB checkpoint per MW every 6 hours.
WORKLOADS = {
    "inference": {"tokens_per_s_per_mw": 1e6, "bytes_per_token": 4.0, "prompt_ratio": 10.0},
    "training": {
        "tokens_per_s_per_mw": 2e6,
        "bytes_per_token": 4.0,
        "checkpoint_bytes_per_mw": 1e12,
        "checkpoint_interval_s": 6 * 3600.0,
    },
}


@dataclass(frozen=True)
class Demand:
    """Traffic a cluster needs to and from the ground [bit s⁻¹]."""

    workload: str
    uplink: float
    downlink: float

    @property
    def total(self) -> float:
        return self.uplink + self.downlink

    @property
    def busier(self) -> float:
        """The larger of the two directions [bit s⁻¹]."""
        return np.maximum(self.uplink, self.downlink)[()]


def demand(it_power, workload="inference", **overrides) -> Demand:
    """Up- and downlink traffic of a workload on a cluster of ``it_power``.

    Inference: prompts up, generated tokens down. Training: the token stream
    up, checkpoints down.

    Parameters
    ----------
    it_power : float
        IT power [W], > 0.
    workload : {"inference", "training"}
        Preset (:data:`WORKLOADS`).
    **overrides
        Any preset key.
    """
    check_choice("workload", workload, tuple(WORKLOADS))
    mw = check_range("IT power", it_power, 0.0, np.inf, unit="MW", scale=1e6, low_open=True)[()] / 1e6
    q = {**WORKLOADS[workload], **overrides}
    unknown = set(q) - set(WORKLOADS[workload])
    if unknown:
        raise OrbitalInputError(f"unknown {workload} parameters: {', '.join(sorted(unknown))}")
    for key, value in q.items():
        check_range(key.replace("_", " "), value, 0.0, np.inf)
    tokens = q["tokens_per_s_per_mw"] * mw * q["bytes_per_token"] * 8.0
    if workload == "inference":
        return Demand(workload, uplink=tokens * q["prompt_ratio"], downlink=tokens)
    checkpoints = q["checkpoint_bytes_per_mw"] * mw * 8.0 / q["checkpoint_interval_s"]
    return Demand(workload, uplink=tokens, downlink=checkpoints)


def round_trip_latency(path_length, fibre_length=0.0, relay_hops=0, relay_hop_length=0.0):
    """Round-trip propagation delay [s]: radio/optical path at c, fibre backhaul at c / 1.468.

    Parameters
    ----------
    path_length : float or array_like
        One-way space path to the ground station or gateway [m].
    fibre_length : float or array_like
        One-way terrestrial fibre from the station to the users [m].
    relay_hops : int
        Inter-satellite hops through a relay constellation.
    relay_hop_length : float
        Length of each hop [m].
    """
    space = np.asarray(path_length) + relay_hops * np.asarray(relay_hop_length)
    return (2.0 * (space / SPEED_OF_LIGHT + np.asarray(fibre_length) * FIBRE_INDEX / SPEED_OF_LIGHT))[()]


# --------------------------------------------------------------------------------------
# One orbit's links, summarised
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class LinkSummary(Report):
    """What one satellite's links carry, against what its cluster needs (SI; rates in bit/s) (``orbital link``).

    ``data_rate`` is the mean rate while in contact; ``daily_volume`` the bytes
    per day (for optical links, weighted by each station's cloud-free
    probability); ``capacity_to_demand`` compares the day-average capacity
    with the busier direction of the demand, taking the link as symmetric
    (the presets are downlinks; an uplink of the same rate is assumed).
    ``mean_wait_for_contact`` is half the mean gap between contacts, the
    average wait of a request that arrives out of contact.
    """

    band: str
    stations: tuple
    min_elevation: float
    availability: float
    contact_minutes_per_day: float
    passes_per_day: float
    station_minutes_per_day: dict
    station_passes_per_day: dict
    data_rate: float
    peak_rate: float
    daily_volume: float
    cloud_free: dict | None
    network_cloud_free: float | None
    demand: Demand
    capacity_to_demand: float
    round_trip_latency: float
    mean_wait_for_contact: float
    terrestrial_round_trip_latency: float
    isl_capacity: float | None
    orbit: Orbit
    it_power: float

    _headline = ("band", "contact_minutes_per_day", "daily_volume_bytes", "capacity_to_demand")

    def to_dict(self) -> dict:
        from . import __version__

        return {
            "orbital_version": __version__,
            "altitude_km": self.orbit.altitude / 1e3,
            "inclination_deg": self.orbit.inclination,
            "band": self.band,
            "band_status": band(self.band).status,
            "stations": list(self.stations),
            "min_elevation_deg": self.min_elevation,
            "availability_percent": self.availability,
            "contact_minutes_per_day": self.contact_minutes_per_day,
            "passes_per_day": self.passes_per_day,
            "station_minutes_per_day": self.station_minutes_per_day,
            "station_passes_per_day": self.station_passes_per_day,
            "cloud_free_probability": self.cloud_free,
            "network_cloud_free_probability": self.network_cloud_free,
            "data_rate_bps": self.data_rate,
            "peak_rate_bps": self.peak_rate,
            "daily_volume_bytes": self.daily_volume,
            "isl_capacity_bps": self.isl_capacity,
            "workload": self.demand.workload,
            "it_power_mw": self.it_power / 1e6,
            "demand_bps": self.demand.busier,
            "demand_uplink_bps": self.demand.uplink,
            "demand_downlink_bps": self.demand.downlink,
            "capacity_to_demand": self.capacity_to_demand,
            "round_trip_latency_s": self.round_trip_latency,
            "mean_wait_for_contact_s": self.mean_wait_for_contact,
            "terrestrial_round_trip_latency_s": self.terrestrial_round_trip_latency,
        }

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: link")
        table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.2f} deg")
        table.row("Band", f"{r['band']} ({r['band_status']} parameters)")
        if r["band"] == "isl":
            table.row("To the ground", f"through a relay constellation at {bit_rate(r['data_rate_bps'])} per link")
            table.row("Inside the cluster", f"{bit_rate(r['isl_capacity_bps'])} per optical inter-satellite link")
        else:
            table.section(f"Contacts above {r['min_elevation_deg']:g} deg ({len(r['stations'])} stations)")
            for name, minutes in r["station_minutes_per_day"].items():
                cloud = r["cloud_free_probability"]
                weather = "" if cloud is None else f", cloud-free {cloud[name]:.0%}"
                table.row(
                    f"  {name}", f"{minutes:6.1f} min/day, {r['station_passes_per_day'][name]:.1f} passes{weather}"
                )
            table.row("Network", f"{r['contact_minutes_per_day']:.1f} min/day in {r['passes_per_day']:.1f} contacts")
            if r["network_cloud_free_probability"] is not None:
                table.row("At least one site clear", f"{r['network_cloud_free_probability']:.1%} (independent weather)")
            basis = (
                "clear sky, times the cloud-free probability in the volume"
                if r["cloud_free_probability"] is not None
                else f"ITU-R attenuation at {r['availability_percent']:g} % availability"
            )
            table.row(
                "Data rate in contact",
                f"{bit_rate(r['data_rate_bps'])} mean, {bit_rate(r['peak_rate_bps'])} peak ({basis})",
            )
        table.row("Daily volume", f"{r['daily_volume_bytes'] / 1e12:.3g} TB")
        table.section(f"Demand: {r['workload']} for {r['it_power_mw']:g} MW")
        table.row("Up / down", f"{bit_rate(r['demand_uplink_bps'])} / {bit_rate(r['demand_downlink_bps'])}")
        table.row("Capacity / demand", f"{r['capacity_to_demand']:.3g} (day average, busier direction)")
        table.row(
            "Round trip",
            f"{r['round_trip_latency_s'] * 1e3:.1f} ms in contact, plus {r['mean_wait_for_contact_s']:,.0f} s "
            f"average wait for one; ground data center {r['terrestrial_round_trip_latency_s'] * 1e3:.1f} ms",
        )
        return table


def link_summary(
    orbit: Orbit,
    band_name="ka",
    stations=None,
    it_power=1e6,
    workload="inference",
    min_elevation=10.0,
    availability=99.0,
    days=30.0,
    step=10.0,
    fibre_length=1000e3,
    relay_hops=3,
    relay_hop_length=2000e3,
    isl_range=None,
) -> LinkSummary:
    """Contacts, data rate, daily volume, demand and latency of one satellite's links.

    ``band_name`` "x", "ka" or "optical" links the satellite to the ground
    stations directly; "isl" reaches the ground through a relay constellation
    (always in view, at its per-link rate) and reports the cluster's own
    inter-satellite capacity at ``isl_range``.

    Parameters
    ----------
    orbit : Orbit
        The satellite.
    band_name : {"x", "ka", "optical", "isl"}
        Link.
    stations : sequence of str, optional
        Ground stations (default: every catalog station serving the band).
    it_power : float
        IT power of the cluster whose traffic the link carries [W].
    workload : {"inference", "training"}
        Traffic preset (:func:`demand`).
    min_elevation : float
        Elevation mask [deg].
    availability : float
        Percentage of time the RF budget must close (ITU-R attenuation) [%].
    days, step : float
        Contact span [day] and sampling [s].
    fibre_length : float
        One-way fibre from the station (or a terrestrial data center) to the users [m].
    relay_hops, relay_hop_length : int, float
        Relay path for the ``isl`` band [-], [m].
    isl_range : float, optional
        Distance between cluster satellites [m] (default: the preset's).

    Returns
    -------
    LinkSummary
    """
    preset = band(band_name)
    need = demand(it_power, workload)
    terrestrial = float(round_trip_latency(0.0, fibre_length))
    a = float(check_range("availability", availability, 0.0, 100.0, unit="%", low_open=True, high_open=True))
    if preset.kind == "isl":
        q = preset.parameters
        rate = float(q["relay_link_rate_bps"])
        latency = float(round_trip_latency(orbit.altitude, fibre_length, relay_hops, relay_hop_length))
        return LinkSummary(
            band=band_name,
            stations=(),
            min_elevation=float(min_elevation),
            availability=a,
            contact_minutes_per_day=1440.0,
            passes_per_day=0.0,
            station_minutes_per_day={},
            station_passes_per_day={},
            data_rate=rate,
            peak_rate=rate,
            daily_volume=rate * DAY / 8.0,
            cloud_free=None,
            network_cloud_free=None,
            demand=need,
            capacity_to_demand=rate / need.busier,
            round_trip_latency=latency,
            mean_wait_for_contact=0.0,
            terrestrial_round_trip_latency=terrestrial,
            isl_capacity=float(isl_capacity(q["range_m"] if isl_range is None else isl_range, preset)),
            orbit=orbit,
            it_power=it_power,
        )
    names = [n for n in station_names() if band_name in station(n).bands] if stations is None else list(stations)
    sites = tuple(station(n) for n in names)
    wrong = [s.name for s in sites if band_name not in s.bands]
    if wrong:
        raise OrbitalInputError(f"{', '.join(wrong)} has no {band_name} terminal in the catalog")
    seen = contacts(orbit, sites, days, step, min_elevation)
    weight = np.ones(len(sites))
    cloud_free = None
    if preset.kind == "optical":
        cloud_free = {s.name: cloud_free_probability(s.latitude, s.longitude) for s in sites}
        weight = np.array([cloud_free[s.name] for s in sites])
    rates = np.zeros_like(seen.elevation)
    for k, site in enumerate(sites):  # one budget per station (its weather), then interpolated along the track
        grid, table = rate_by_elevation(preset, site, orbit.altitude, a)
        rates[k] = np.where(
            seen.visible[k] & (seen.elevation[k] >= grid[0]), np.interp(seen.elevation[k], grid, table), 0.0
        )
    best = (rates * weight[:, None]).max(axis=0)  # one terminal: the best station in view
    in_contact = seen.visible.any(axis=0)
    volume = best.sum() * seen.step / 8.0 / seen.days
    mean_rate = float(best[in_contact].mean()) if in_contact.any() else 0.0
    distance = np.where(seen.visible, seen.distance, np.inf).min(axis=0)
    path = float(distance[in_contact].mean()) if in_contact.any() else np.inf
    return LinkSummary(
        band=band_name,
        stations=tuple(s.name for s in sites),
        min_elevation=seen.min_elevation,
        availability=a,
        contact_minutes_per_day=seen.network_minutes_per_day(),
        passes_per_day=seen.network_passes_per_day(),
        station_minutes_per_day=dict(zip(names, map(float, seen.minutes_per_day()), strict=True)),
        station_passes_per_day=dict(zip(names, map(float, seen.passes_per_day()), strict=True)),
        data_rate=mean_rate,
        peak_rate=float(best.max()),
        daily_volume=float(volume),
        cloud_free=cloud_free,
        network_cloud_free=None if cloud_free is None else network_availability(list(cloud_free.values())),
        demand=need,
        capacity_to_demand=float(volume * 8.0 / DAY / need.busier),
        round_trip_latency=float(round_trip_latency(path, fibre_length)),
        mean_wait_for_contact=seen.mean_gap() / 2.0,
        terrestrial_round_trip_latency=terrestrial,
        isl_capacity=None,
        orbit=orbit,
        it_power=it_power,
    )
