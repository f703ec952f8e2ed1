"""A terrestrial data center per MW: construction, power (grid, gas turbines, solar plus storage), water, CO₂.

Kernels on SI floats (W, J, s; prices in USD per SI unit), each broadcasting:

- :func:`facility_energy` — energy a facility draws for an IT load, IT × PUE over a year;
- :func:`grid_power` — the energy bill and emissions at a grid price and carbon intensity;
- :func:`gas_turbine_power` — on-site turbines: capex, fuel at a heat rate, emissions;
- :func:`solar_storage_power` — a pvlib-sized PV array and battery at a site, day by day, the
  shortfall bought from the grid;
- :func:`water_use` — WUE × IT energy.

Defaults and their sources live in ``orbital/data/terrestrial.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalogs import load, lookup
from .constants import JULIAN_YEAR
from .errors import check_range

__all__ = [
    "KWH",
    "MMBTU",
    "SolarStorage",
    "data",
    "electricity_price",
    "facility_energy",
    "gas_turbine_power",
    "grid_power",
    "pue",
    "solar_storage_power",
    "water_use",
]

#: Kilowatt-hour [J].
KWH = 3.6e6

#: Million British thermal units [J] (International Table BTU, 1055.05585 J).
MMBTU = 1055.05585e6


def data() -> dict:
    """The terrestrial data file (values with their sources)."""
    return load("terrestrial.toml")


def electricity_price(region="us-average") -> float:
    """Industrial electricity price of a region from the data file [USD J⁻¹]."""
    table = {k: v for k, v in data()["electricity_usd_per_kwh"].items() if k not in ("status", "source")}
    return lookup("electricity region", region, table) / KWH


def pue(name="uptime-average") -> float:
    """A published power usage effectiveness from the data file [-]."""
    table = {k: v for k, v in data()["pue"].items() if k not in ("status", "source")}
    return lookup("PUE", name, table)


def facility_energy(it_power, power_usage_effectiveness, availability=1.0):
    """Energy the facility draws in a year for an IT load [J yr⁻¹]: P_IT × PUE × availability × 1 yr.

    Parameters
    ----------
    it_power : float or array_like
        IT load [W].
    power_usage_effectiveness : float or array_like
        PUE [-], ≥ 1 (The Green Grid's definition: facility energy / IT energy).
    availability : float or array_like
        Fraction of the year the load runs [-].
    """
    p = check_range("IT power", it_power, 0.0, np.inf, unit="MW", scale=1e6)
    u = check_range("PUE", power_usage_effectiveness, 1.0, 5.0)
    a = check_range("availability", availability, 0.0, 1.0)
    return (p * u * a * JULIAN_YEAR)[()]


def grid_power(energy, price, co2_intensity):
    """Annual energy bill [USD yr⁻¹] and CO₂ [kg yr⁻¹] of buying ``energy`` from the grid.

    Parameters
    ----------
    energy : float or array_like
        Energy per year [J yr⁻¹].
    price : float or array_like
        Price [USD J⁻¹].
    co2_intensity : float or array_like
        Emissions [kg J⁻¹].
    """
    e = check_range("energy", energy, 0.0, np.inf, unit="J")
    c = check_range("electricity price", price, 0.0, np.inf, unit="USD/kWh", scale=1 / KWH)
    g = check_range("grid CO2 intensity", co2_intensity, 0.0, np.inf, unit="kg/kWh", scale=1 / KWH)
    return (e * c)[()], (e * g)[()]


def gas_turbine_power(peak_power, energy, capex_per_watt, heat_rate, fuel_price, capacity_factor, co2_per_fuel_energy):
    """On-site gas turbines: capex [USD], fuel [USD yr⁻¹] and CO₂ [kg yr⁻¹].

    The plant is rated at peak / capacity factor; fuel = energy × heat rate × price.

    Parameters
    ----------
    peak_power : float or array_like
        Facility power to supply [W].
    energy : float or array_like
        Facility energy per year [J yr⁻¹].
    capex_per_watt : float or array_like
        Installed cost [USD W⁻¹].
    heat_rate : float or array_like
        Fuel energy per electrical energy [-] (6,200 BTU/kWh = 1.817).
    fuel_price : float or array_like
        Gas price [USD J⁻¹].
    capacity_factor : float or array_like
        Ratio of mean output to rating [-], in (0, 1].
    co2_per_fuel_energy : float or array_like
        Emissions per fuel energy [kg J⁻¹].
    """
    cf = check_range("capacity factor", capacity_factor, 0.0, 1.0, low_open=True)
    h = check_range("heat rate", heat_rate, 1.0, 10.0)
    fuel_energy = np.asarray(energy) * h
    capex = np.asarray(peak_power) / cf * np.asarray(capex_per_watt)
    return capex[()], (fuel_energy * np.asarray(fuel_price))[()], (fuel_energy * np.asarray(co2_per_fuel_energy))[()]


@dataclass(frozen=True)
class SolarStorage:
    """A PV array with a battery feeding a constant load, the shortfall from the grid (SI)."""

    array_area: float
    array_rated_power: float
    storage_energy: float
    solar_fraction: float
    grid_energy: float


def solar_storage_power(
    load, hourly_output, rated_power_density, array_oversize=1.5, round_trip_efficiency=0.9, storage_percentile=90.0
) -> SolarStorage:
    """Size a PV array and battery for a constant load from a year of hourly PV output (pvlib).

    The array makes ``array_oversize`` times the load's annual energy. Day by
    day, hours above the load charge the battery (up to its size), hours below
    draw on it; the battery is sized for the ``storage_percentile`` of the
    daily deficits, and what it cannot cover comes from the grid. Multi-day
    storage is not modelled.

    Parameters
    ----------
    load : float
        Constant facility load [W].
    hourly_output : array_like
        DC output per m² of array for 8760 hours [W m⁻²] (:attr:`orbital.solar.GroundYield.hourly_output`).
    rated_power_density : float
        Rated (STC) power per m² of array [W m⁻²], for the PV price.
    array_oversize : float
        Annual PV energy over annual load [-], ≥ 1.
    round_trip_efficiency : float
        Battery round trip [-].
    storage_percentile : float
        Percentile of daily deficits the battery covers [%].

    Returns
    -------
    SolarStorage
    """
    p = float(check_range("load", load, 0.0, np.inf, unit="MW", scale=1e6, low_open=True))
    over = float(check_range("array oversize", array_oversize, 1.0, 10.0))
    eta = float(check_range("round-trip efficiency", round_trip_efficiency, 0.0, 1.0, low_open=True))
    q = float(check_range("storage percentile", storage_percentile, 0.0, 100.0))
    per_m2 = np.asarray(hourly_output, dtype=float)
    hours = per_m2.size - per_m2.size % 24
    per_m2 = per_m2[:hours].reshape(-1, 24)
    area = over * p * 24.0 / per_m2.sum(axis=1).mean()
    pv = area * per_m2
    surplus = np.clip(pv - p, 0.0, None).sum(axis=1) * 3600.0  # J per day
    deficit = np.clip(p - pv, 0.0, None).sum(axis=1) * 3600.0
    storage = float(np.percentile(deficit, q)) / np.sqrt(eta)
    delivered = np.minimum(surplus * np.sqrt(eta), storage) * np.sqrt(eta)
    shortfall = np.clip(deficit - delivered, 0.0, None)
    load_energy = p * hours * 3600.0
    grid = float(shortfall.sum()) * JULIAN_YEAR / (hours * 3600.0)
    return SolarStorage(
        array_area=float(area),
        array_rated_power=float(area * rated_power_density),
        storage_energy=storage,
        solar_fraction=1.0 - float(shortfall.sum()) / load_energy,
        grid_energy=grid,
    )


def water_use(it_energy, wue):
    """Water a facility consumes [m³ yr⁻¹]: WUE [L per kWh of IT energy] × IT energy.

    Parameters
    ----------
    it_energy : float or array_like
        IT energy per year [J yr⁻¹].
    wue : float or array_like
        Water usage effectiveness [L kWh⁻¹] (The Green Grid).
    """
    w = check_range("WUE", wue, 0.0, 100.0, unit="L/kWh")
    return (np.asarray(it_energy) / KWH * w / 1e3)[()]
