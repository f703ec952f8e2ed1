"""Scenario files: TOML in, validated typed values out, and the fully resolved scenario written back.

A scenario has sections (``[orbit]``, ``[compute]``, ``[solar]``, ``[thermal]``,
``[radiation]``, ``[launch]``, ``[downlink]``, ``[terrestrial]``, ``[finance]``)
whose keys all have defaults with a source (:data:`SCHEMA`). Values are strings
with units (``"650 km"``, ``"200 USD/kg"``) or bare numbers in the key's
documented unit, parsed once here with :func:`orbital.units.as_float`; the
composer (:mod:`orbital.model`) then sees SI floats only. An unknown section or
key is an error naming the file and the closest valid one.
"""

from __future__ import annotations

import difflib
import functools
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .distributions import parse_distribution
from .errors import OrbitalInputError, check_range
from .results import Report, Written
from .units import as_float, as_time

__all__ = [
    "SCHEMA",
    "SCHEMA_NAMES",
    "Schema",
    "ScenarioErrors",
    "Validation",
    "init_scenario",
    "json_schema",
    "schema",
    "validate",
    "Key",
    "Scenario",
    "bundled_scenarios",
    "describe_bundled",
    "load_scenario",
    "parse_scenario",
    "resolved_toml",
]


@dataclass(frozen=True)
class Key:
    """One scenario key: its default, the SI unit it is parsed into (None for text and
    flags), the unit of a bare number, the allowed choices, where the default comes from,
    and for numbers the valid range.

    ``valid`` is an interval written in the key's bare unit, ``"[150, 500000]"`` or
    ``"(0, inf)"`` (a round bracket excludes the bound); ``integer`` asks for a whole number.
    Every value a scenario, a sweep axis, a distribution or an optimizer bound gives the key
    is checked against it before any work (:meth:`check`).
    """

    default: object
    unit: str | None
    bare: str | None
    source: str
    choices: tuple | None = None
    kind: str = "quantity"  # "quantity", "text", "flag", "time", "optional-quantity", "shares", "paths"
    valid: str | None = None
    integer: bool = False
    catalog: tuple | None = None  # (data file, table or None): text that must name an entry of it

    @property
    def bounds(self) -> tuple:
        """(low, high, low_open, high_open) in SI."""
        return _bounds(self.valid, self.unit or "", self.bare or "")

    @property
    def scale(self) -> float:
        """SI units per bare unit (1000 for a key written in km and carried in m)."""
        return _scale(self.unit or "", self.bare or "")

    def range_text(self) -> str:
        """The valid range as written, with its unit: ``[150, 500000] km``."""
        return f"{self.valid} {self.bare}".strip() if self.valid else ""

    def check(self, values, where: str):
        """Raise :class:`OrbitalInputError` naming ``where`` unless every value lies in the valid range."""
        import numpy as np

        low, high, low_open, high_open = self.bounds
        array = np.asarray(values, dtype=float)
        check_range(
            where, array, low, high, unit=self.bare or "", scale=self.scale, low_open=low_open, high_open=high_open
        )
        if self.integer and np.any(array != np.round(array)):
            bad = array[array != np.round(array)].flat[0]
            raise OrbitalInputError(f"{where} = {bad:g} must be a whole number")
        return values


@functools.lru_cache(maxsize=None)
def _scale(unit: str, bare: str) -> float:
    return 1.0 if unit == bare else as_float(f"1 {bare}", unit, name="scale")


@functools.lru_cache(maxsize=None)
def _bounds(valid: str | None, unit: str, bare: str) -> tuple:
    if valid is None:
        return (-math.inf, math.inf, False, False)
    low, high = (float(v) for v in valid[1:-1].split(","))
    scale = _scale(unit, bare)
    return (low * scale, high * scale, valid[0] == "(", valid[-1] == ")")


def _q(default, unit, bare, source, valid, integer=False):
    return Key(default, unit, bare, source, valid=valid, integer=integer)


def _opt(unit, bare, source, valid):
    return Key(None, unit, bare, source, kind="optional-quantity", valid=valid)


def _text(default, source, choices=None, catalog=None):
    return Key(default, None, None, source, choices, kind="text", catalog=catalog)


def catalog_entries(catalog: tuple) -> list:
    """The names a catalog-backed text key accepts."""
    from .catalogs import load

    filename, table = catalog
    data = load(filename)
    return sorted(data[table] if table else data)


def _flag(default, source):
    return Key(default, None, None, source, kind="flag")


#: Every section and key a scenario may set, with its default and the default's source.
SCHEMA = {
    "scenario": {
        "name": _text("", "the file's name when empty"),
        "description": _text("", "free text"),
        "reference": _text(
            "",
            "a scenario (file or bundled name) the report walks this one to, key group by key group "
            "(orbital explain); published analyses name our baseline",
        ),
        "catalogs": Key(
            (),
            None,
            None,
            "user catalog files (TOML, paths relative to the scenario) adding or overriding catalog entries",
            kind="paths",
        ),
    },
    "orbit": {
        "altitude": _q(
            "650 km", "m", "km", "Suncatcher (arXiv:2511.19468, 2025): 650 km dawn-dusk SSO", "[150, 500000]"
        ),
        "sun_synchronous": _flag(True, "Suncatcher: sun-synchronous"),
        "ltan": _q("18:00", "h", "h", "Suncatcher: dawn-dusk (18:00 ascending node)", "[0, 24)"),
        "inclination": _opt("deg", "deg", "required when sun_synchronous = false", "[0, 180]"),
        "eccentricity": _q(0.0, "", "", "circular orbit", "[0, 0.1]"),
        "epoch": Key("2026-01-01", None, None, "start of the analysis", kind="time"),
        "sunlight_days": _q("365 d", "s", "day", "a full year covers the eclipse season", "(0, 3653]"),
        "sunlight_step": _q("60 s", "s", "s", "1-minute steps resolve eclipses to ~1 %", "[1, 600]"),
        "shadow": _text("conical", "umbra and penumbra (Montenbruck & Gill 2000)", ("conical", "cylindrical")),
    },
    "compute": {
        "it_power": _q(
            "1 MW", "W", "MW", "results are reported per MW; this sets the cluster's size", "[0.001, 100000]"
        ),
        "server": _text(
            "gb200-nvl72",
            "orbital/data/servers.toml (GB200 NVL72, 2025); every number of the system (power, mass, price, "
            "accelerators, FLOPS, radiation response) follows the choice",
            catalog=("servers.toml", None),
        ),
        "systems": Key(
            None,
            None,
            None,
            "a mixed fleet: { system = share, ... } (shares sum to 1), each system on its own satellites; "
            "instead of server",
            kind="shares",
            catalog=("servers.toml", None),
        ),
        "share_basis": _text("it_power", "shares of a mixed fleet are of IT power", ("it_power", "accelerators")),
        "accelerators": _opt("", "", "the cluster's size as an accelerator count, instead of it_power", "[1, 1e+09]"),
        "accelerator": _text(
            "",
            "the server's own (orbital/data/accelerators.toml; GPU entries assumed from the TPU v6e beam test)",
            catalog=("accelerators.toml", None),
        ),
        "accelerator_override": _flag(False, "an accelerator other than the server's is an error unless declared here"),
        "chassis_removed": _flag(False, "terrestrial rack mass flown as is"),
        "hardware_price": _opt("USD/W", "USD/W", "the server's price / power (catalog: $2.5M / 120 kW)", "[0, inf)"),
        "hardware_failure_rate": _q(
            (0.301 + 0.172) * 419.0 / (54.0 * 16384.0) * 365.25,
            "",
            "",
            "accelerators needing replacement per accelerator-year: faulty GPU (30.1 %) and HBM3 (17.2 %) shares of "
            "419 unexpected interruptions in 54 days on 16,384 H100s (Llama 3, arXiv:2407.21783, Table 5)",
            "[0, 1]",
        ),
        "hardware_life": _q(
            "5 yr",
            "s",
            "yr",
            "secondary: hyperscalers depreciate servers over 5-6 years (10-K filings, 2023-2025)",
            "(0, 50]",
        ),
        "satellite_it_power": _q(
            "100 kW", "W", "kW", "assumed: about one rack-scale unit per satellite", "[1, 100000]"
        ),
    },
    "solar": {
        "cell": _text("xtj-flexible", "orbital/data/solar_cells.toml", catalog=("solar_cells.toml", None)),
        "battery": _text("li-ion-leo", "orbital/data/batteries.toml", catalog=("batteries.toml", None)),
        "pointing": _text(
            "sun-tracking", "arrays track the Sun", ("sun-tracking", "single-axis", "orbit-normal", "zenith")
        ),
        "eclipse_load": _q(1.0, "", "", "compute kept up through eclipses", "[0, 1]"),
        "conversion_efficiency": _q(
            0.85,
            "",
            "",
            "array-to-load efficiency (wiring, regulation; SMAD 1999, ch. 11: X_d = 0.85); the loss is heat the "
            "radiator rejects",
            "(0, 1]",
        ),
    },
    "thermal": {
        "coating": _text("silver-teflon", "orbital/data/coatings.toml", catalog=("coatings.toml", None)),
        "panel": _text("conventional", "orbital/data/radiators.toml", catalog=("radiators.toml", "panel")),
        "loop": _text("single-phase", "orbital/data/radiators.toml", catalog=("radiators.toml", "loop")),
        "radiator_temperature": _q("20 degC", "K", "K", "Starcloud white paper (2024): 20 °C radiator", "[150, 450]"),
        "radiator_temperature_basis": _text(
            "given",
            "radiator_temperature as given; junction-limit derives it from the system's junction limit down the "
            "loop's chain (cold plate, coolant, radiator surface)",
            ("given", "junction-limit"),
        ),
        "loop_length": _q(
            "10 m",
            "m",
            "m",
            "assumed line run from the compute to the radiator's root; the loop's lines then run the radiator's "
            "length each way, and its mass scales with that length and the heat",
            "[0, 10000]",
        ),
        "junction_margin": _q(
            "10 K",
            "K",
            "K",
            "assumed design margin below the vendor's throttle point (junction-limit basis only)",
            "[0, 100]",
        ),
        "attitude": _text("edge-on", "radiators edge-on to the Sun", ("edge-on", "sun-facing", "nadir")),
    },
    "radiation": {
        "shielding": _q("10 mm", "m", "mm", "Suncatcher: ~10 mm Al behind which the TPU sees ~150 rad/yr", "[0.1, 50]"),
        "solar": _text("worst", "AP8-MIN with AE8-MAX, the conservative SPENVIS choice", ("min", "max", "worst")),
        "enclosure_area": _q("0.1 m2/kW", "m2/W", "m2/kW", "assumed: a rack-sized shielded box per ~100 kW", "[0, 10]"),
        "track_days": _q(
            "30 d", "s", "day", "SPENVIS-like 30-day trajectory; orbits under 0.4 day are phase-averaged", "(0, 365]"
        ),
        "track_samples": _q(
            1500,
            "",
            "",
            "1,500 phase samples agree with 6,000 to 2.5 % in dose (475-1,200 km)",
            "[100, 100000]",
            integer=True,
        ),
    },
    "launch": {
        "vehicle": _text(
            "falcon-9-reusable", "orbital/data/launch_vehicles.toml", catalog=("launch_vehicles.toml", None)
        ),
        "price_per_kg": _opt("USD/kg", "USD/kg", "the vehicle's list price when absent", "(0, inf)"),
        "year": _opt(
            "",
            "",
            "Wright's-law price in this year when set (Suncatcher's curve at the world's cadence, world_upmass)",
            "[2025, 2200]",
        ),
        "world_upmass": _q(
            "1900 t",
            "kg",
            "t",
            "secondary: the world's mass launched to orbit in 2024, ~4.2 million lb (Space Foundation, The Space "
            "Report 2025, as reported; BryceTech's SpaceX quarterly masses, ~87-90 % of it, agree); per year, the "
            "learning curve's cadence and the yardstick of a fleet's launch demand",
            "(0, 1e+12]",
        ),
        "upmass_growth": _q(
            0.40,
            "",
            "",
            "secondary: the 2023-2024 growth of the world's mass to orbit (Space Foundation, 40 %), assumed to "
            "continue (per year; the learning curve's cadence)",
            "[0, 10]",
        ),
        "fill": _q(1.0, "", "", "full use of the capacity", "(0, 1]"),
        "structure_fraction": _q(0.2, "", "", "structure ~20 % of dry mass (spacecraft texts)", "[0, 0.9]"),
        "margin": _q(0.2, "", "", "assumed system margin on dry mass", "[0, 2]"),
        "power_management": _q("5 kg/kW", "kg/W", "kg/kW", "assumed (orbital.spacecraft.ASSUMED)", "[0, 200]"),
        "bus_load": _q(
            0.02,
            "",
            "",
            "assumed: pumps, avionics, attitude control and terminals as a share of IT power (coolant pumps ~1 % of "
            "the heat they move; avionics and terminals ~1 kW on a 100 kW satellite); on the array and radiator",
            "[0, 1]",
        ),
        "communications": _q("30 kg", "kg", "kg", "assumed terminals per satellite", "[0, 10000]"),
        "thruster_isp": _q("1500 s", "s", "s", "assumed Hall thruster", "[100, 20000]"),
        "avoidance_manoeuvres": _q(
            32.0,
            "",
            "",
            "secondary: Starlink's collision-avoidance manoeuvres per satellite a year, ~149,000 from June to "
            "November 2025 over ~9,400 satellites (SpaceX semi-annual report to the FCC, 31 Dec 2025, as reported); "
            "measured at ~550 km, and it grows with the traffic (it doubled every six months in 2021-2023)",
            "[0, 100000]",
        ),
        "avoidance_delta_v": _q(
            "0.05 m/s",
            "m/s",
            "m/s",
            "assumed: a tangential burn half an orbit before the closest approach opens ~180 m of radial "
            "separation (Clohessy-Wiltshire: 4 dv / n, n = 1.1e-3 rad/s at 550 km); per manoeuvre",
            "[0, 100]",
        ),
        "ram_area_fraction": _opt(
            "",
            "",
            "share of array and radiator area facing the flow; default: from the geometry of the array's pointing "
            "and the radiator's attitude over the year's beta angles (orbital.spacecraft.ram_facing_shares)",
            "[0, 1]",
        ),
        "solar_activity": _text("moderate", "ECSS-E-ST-10-04C long-term level", ("low", "moderate", "high")),
        "bus_cost": _q(
            "1000 USD/kg",
            "USD/kg",
            "USD/kg",
            "secondary: build cost of everything but the compute, per kg; Quilty Space (2024) estimates Starlink "
            "V1 at ~200,000 USD for 260 kg (~770 USD/kg) and V2 mini at ~800,000 USD for ~730 kg (~1,100 USD/kg); "
            "a public calculator (2025) prices a V2-mini-class satellite at 22 USD/W, ~800 USD/kg",
            "[0, inf)",
        ),
        "array_cost": _opt(
            "USD/W",
            "USD/W",
            "per W of rated array; default assumed: the array's mass at bus_cost (no public space-array price by cell "
            "technology was found; the whole-bus USD/kg of Quilty's Starlink estimates already includes its arrays)",
            "[0, inf)",
        ),
        "radiator_cost": _opt(
            "USD/m2",
            "USD/m2",
            "per m² of radiator panel; default assumed: its mass (panels and loop) at bus_cost (no public price per m² "
            "found; bus_cost is the sourced whole-bus figure that includes thermal hardware)",
            "[0, inf)",
        ),
        "battery_cost": _opt(
            "USD/J",
            "USD/kWh",
            "per kWh of battery; default assumed: its mass at bus_cost (no public space-battery price per kWh found; "
            "bus_cost is the sourced whole-bus figure that includes batteries)",
            "[0, inf)",
        ),
        "compute_integration": _q(
            0.0,
            "",
            "",
            "share of the compute hardware's price to adapt and integrate it for flight (none unless given)",
            "[0, 10]",
        ),
        "insurance_rate": _q(
            0.05,
            "",
            "",
            "assumed: launch and first-year cover at a few percent of the insured spacecraft and launch value",
            "[0, 1]",
        ),
        "co2_per_kg": _q(
            25.0, "", "", "assumed kg CO2 per kg to orbit (kerosene first stage, order of Falcon 9)", "[0, 1000]"
        ),
        "break_even_ceiling": _q(
            "100000 USD/kg", "USD/kg", "USD/kg", "highest launch price searched for parity", "(0, inf)"
        ),
    },
    "workload": {
        "kind": _text(
            "inference",
            "assumed: a cluster rented out for inference (the link presets' default); training or a mix by share",
            ("inference", "training", "mix"),
        ),
        "training_share": _q(0.5, "", "", "with kind = mix: the share of IT power training (assumed even)", "[0, 1]"),
        "job_it_power": _q(
            "1 MW", "W", "MW", "assumed IT power of one synchronous, checkpointed training job", "(0, 100000]"
        ),
        "checkpoint_time": _q("60 s", "s", "s", "assumed time to write a checkpoint", "(0, 86400]"),
        "restart_time": _q(
            "10 min",
            "s",
            "s",
            "assumed: detect, drain, reschedule and reload a job; purpose-built recovery does it in 150 s for 4,800 "
            "devices (FlashRecovery, arXiv:2509.03047, 2025), automated node replacement in < 5 min (Crusoe, 2025)",
            "(0, 86400]",
        ),
        "sdc_rollback": _flag(
            True, "assumed: silent data corruptions are detected (checksums, loss spikes) and rolled back or retried"
        ),
        "replica_accelerators": Key(
            None,
            "",
            "",
            "one inference replica per server's accelerator domain (e.g. 72 for a GB200 NVL72)",
            kind="optional-quantity",
            valid="[1, 100000]",
            integer=True,
        ),
        "recovery_time": _q(
            "5 min", "s", "s", "assumed: a failed replica drained and its model reloaded elsewhere", "(0, 86400]"
        ),
    },
    "maintenance": {
        "strategy": _text(
            "none",
            "no repair in orbit: lost hardware stays lost; 'spares' carries cold spare accelerators from launch, "
            "'replenish' launches new satellites, 'service' visits to replace failed hardware",
            ("none", "spares", "replenish", "service"),
        ),
        "accelerator_failures": _q(
            190.0 * 365.25 / (54.0 * 16384.0),
            "",
            "",
            "Llama 3 (arXiv:2407.21783, 2024) Table 5: faulty GPU 148, GPU SRAM 19, GPU system processor 17, "
            "thermal interface and sensor 6 in 54 days on 16,384 H100s, per accelerator-year",
            "[0, 10]",
        ),
        "hbm_failures": _q(
            72.0 * 365.25 / (54.0 * 16384.0),
            "",
            "",
            "Llama 3 (arXiv:2407.21783, 2024) Table 5: GPU HBM3 72 in 54 days on 16,384 H100s, per accelerator-year",
            "[0, 10]",
        ),
        "host_failures": _q(
            14.0 * 365.25 / (54.0 * 16384.0),
            "",
            "",
            "Llama 3 (arXiv:2407.21783, 2024) Table 5: CPU 2, system memory 2, SSD 3, power supply 3, chassis 2, "
            "IO board 2 in 54 days on 16,384 H100s, per accelerator-year (each takes its host's accelerators)",
            "[0, 10]",
        ),
        "network_failures": _q(
            42.0 * 365.25 / (54.0 * 16384.0),
            "",
            "",
            "Llama 3 (arXiv:2407.21783, 2024) Table 5: network switch or cable 35, NIC 7 in 54 days on 16,384 "
            "H100s, per accelerator-year (assumed to cut off one host each in orbit)",
            "[0, 10]",
        ),
        "accelerators_per_host": _q(
            4, "", "", "GB200 NVL72: 18 compute trays of 4 Blackwell GPUs (NVIDIA, 2025)", "[1, 1000]", integer=True
        ),
        "satellite_failure_rate": _q(
            0.0118,
            "",
            "",
            "secondary: Castet & Saleh, Reliab. Eng. Syst. Saf. 94, 1718 (2009): Weibull reliability of 1,584 "
            "satellites (shape 0.4521, scale 2,607 yr) is 0.943 at 5 years, a mean loss of 1.18 %/yr",
            "[0, 1]",
        ),
        "replenish_threshold": _q(
            0.8,
            "",
            "",
            "with strategy = replenish: new satellites restore full capacity when it falls to this share (assumed)",
            "(0, 1)",
        ),
        "service_interval": _q(
            "1 yr", "s", "yr", "with strategy = service: time between servicing visits (assumed)", "(0, 50]"
        ),
        "service_cost": _q(
            "13e6 USD",
            "USD",
            "USD",
            "with strategy = service: one visit to one satellite; secondary: Northrop Grumman's Mission Extension "
            "Vehicle was reported at ~13 M USD a year per client (2017-2020), a life extension, not a parts swap",
            "[0, inf)",
        ),
        "spares_share": _q(
            0.1,
            "",
            "",
            "with strategy = spares: the share of the accelerators carried that are cold spares (assumed)",
            "[0, 0.9]",
        ),
    },
    "downlink": {
        "band": _text("ka", "Ka-band EESS downlink (orbital/data/link_terminals.toml)", ("x", "ka", "optical", "isl")),
        "stations": _text(
            "", "every catalog station serving the band when empty", catalog=("ground_stations.toml", None)
        ),
        "min_elevation": _q("10 deg", "deg", "deg", "customary 10° mask", "[0, 90)"),
        "availability": _q(99.0, "percent", "percent", "link closes 99 % of the time (ITU-R statistics)", "(0, 100)"),
        "days": _q("30 d", "s", "day", "a month of passes", "(0, 365]"),
        "step": _q("10 s", "s", "s", "10 s contact sampling", "[1, 600]"),
        "fibre_distance": _q("1000 km", "m", "km", "assumed fibre from station or data center to users", "[0, 40000]"),
        "pass_fee": _q(
            "22 USD/min",
            "USD/s",
            "USD/min",
            "AWS Ground Station on-demand wideband (> 40 MHz) antenna time, AWS Price List (Sept 2026): 22 USD/min "
            "(10 narrowband), billed for the minutes the workload's traffic needs; rented, not owned, stations "
            "(set lower for an owned gateway network; the isl band's relay fees are not modelled)",
            "[0, inf)",
        ),
    },
    "terrestrial": {
        "power_source": _text(
            "grid",
            "grid electricity; hybrid = grid_share from the grid, the rest from on-site gas turbines, plus "
            "storage_hours of batteries (the Colossus 1 layout)",
            ("grid", "gas", "solar-storage", "hybrid"),
        ),
        "grid_share": _q(
            0.5,
            "",
            "",
            "hybrid only: share of the facility's energy from the grid (Colossus 1: 150 of ~300 MW)",
            "[0, 1]",
        ),
        "storage_hours": _q(
            "0 h", "s", "h", "hybrid only: battery energy in hours of facility power (none unless given)", "[0, 100]"
        ),
        "electricity_price": _q(
            "0.0806 USD/kWh", "USD/J", "USD/kWh", "EIA: US industrial average 8.06 ¢/kWh (2023)", "[0, inf)"
        ),
        "capex": _q("11.7 USD/W", "USD/W", "USD/W", "Cushman & Wakefield (2025): $11.7M/MW, 19 US markets", "[0, inf)"),
        "pue": _q(1.2, "", "", "assumed new hyperscale facility (Google fleet 1.10, Uptime average 1.56)", "[1, 3]"),
        "wue": _q(1.8, "", "", "industry ~1.8 L/kWh of IT energy (secondary)", "[0, 20]"),
        "availability": _q(0.9998, "", "", "assumed (Uptime Tier III-class)", "(0, 1]"),
        "maintenance": _q(
            0.02, "", "", "assumed facility maintenance per year, fraction of construction capex", "[0, 1]"
        ),
        "grid_co2": _q(
            "0.37 kg/kWh", "kg/J", "kg/kWh", "assumed US grid average (orbital/data/terrestrial.toml)", "[0, 2]"
        ),
        "gas_capex": _q(
            "1800 USD/kW", "USD/W", "USD/kW", "a public calculator (2025): gas turbines $1,800/kW", "[0, inf)"
        ),
        "gas_heat_rate": _q(6200.0, "", "", "BTU per kWh, a public calculator (2025)", "[3412, 30000]"),
        "gas_price": _q("4.30 USD/MMBtu", "USD/J", "USD/MMBtu", "a public calculator (2025)", "[0, inf)"),
        "gas_capacity_factor": _q(0.85, "", "", "a public calculator (2025)", "(0, 1]"),
        "site": _text(
            "greensboro-nc",
            "pvlib-shipped TMY3 site (orbital/data/ground_sites.toml)",
            catalog=("ground_sites.toml", None),
        ),
        "solar_cell": _text(
            "silicon-starlink-class",
            "silicon cells from the catalog for a ground array",
            catalog=("solar_cells.toml", None),
        ),
        "pv_capex": _q(
            "1.0 USD/W", "USD/W", "USD/W", "assumed utility-scale PV (orbital/data/terrestrial.toml)", "[0, inf)"
        ),
        "storage_capex": _q(
            "300 USD/kWh", "USD/J", "USD/kWh", "assumed battery price (orbital/data/terrestrial.toml)", "[0, inf)"
        ),
        "construction_life": _q(
            "20 yr",
            "s",
            "yr",
            "assumed: data-center shell and MEP are usually given 15-25 years (secondary)",
            "(0, 100]",
        ),
        "power_plant_life": _q("25 yr", "s", "yr", "assumed: CCGT plants are usually given 25-30 years", "(0, 100]"),
        "pv_life": _q(
            "25 yr", "s", "yr", "assumed: utility PV is usually given 25-30 years (module warranties)", "(0, 100]"
        ),
        "storage_life": _q("12 yr", "s", "yr", "assumed: Li-ion storage is usually given 10-15 years", "(0, 100]"),
        "warranty": _q("3 yr", "s", "yr", "assumed: a 3-year vendor warranty on servers, the common term", "[0, 50]"),
        "replacement_share": _q(
            0.75,
            "",
            "",
            "assumed: a failed accelerator board (GPU and HBM) is ~3/4 of the system price per accelerator",
            "[0, 1]",
        ),
        "resale_value": _q(0.1, "", "", "assumed: a 5-year-old accelerator resells for ~10 % of its price", "[0, 1]"),
        "round_trip_efficiency": _q(0.9, "", "", "assumed battery round trip", "(0, 1]"),
        "array_oversize": _q(1.5, "", "", "assumed PV energy over load energy", "[1, 10]"),
    },
    "trends": {
        "start_year": _q(2026.0, "", "", "first year of the crossover analysis (this release's year)", "[2025, 2200]"),
        "end_year": _q(2060.0, "", "", "last year searched for a crossover", "[2025, 2200]"),
        "electricity_price_change": _q(0.0, "", "", "assumed flat real electricity price (change per year)", "(-1, 1]"),
        "hardware_price_change": _q(0.0, "", "", "assumed constant server price per W (change per year)", "(-1, 1]"),
        "bus_cost_change": _q(
            0.0, "", "", "assumed constant spacecraft build cost per kg (change per year)", "(-1, 1]"
        ),
    },
    "finance": {
        "lifetime": _q("5 yr", "s", "yr", "Suncatcher Table 1: 5-year satellites", "(0, 50]"),
        "discount_rate": _q(0.08, "", "", "assumed real discount rate", "[0, 0.5]"),
        "nre": _q("0 USD", "USD", "USD", "no non-recurring engineering unless given", "[0, inf)"),
        "fleet_it_power": _opt(
            "W",
            "MW",
            "the IT power the NRE is spread over (default: [compute] it_power, this scenario alone)",
            "(0, inf)",
        ),
        "orbital_operations": _q(
            "0 USD/(MW yr)",
            "USD/(W s)",
            "USD/(MW yr)",
            "fixed orbital operations beyond the share of capex below and [downlink] pass_fee (none unless given)",
            "[0, inf)",
        ),
        "operations_share": _q(
            0.01,
            "",
            "",
            "secondary: a public calculator's default (McCalip, Dec 2025): orbital operations 1 % of capex a year "
            "(~0.2 M USD a year per baseline satellite; NASA OTPS, Space-Based Solar Power, 2024, puts today's "
            "practice at ~0.5 M USD a year per satellite)",
            "[0, 1]",
        ),
    },
    "fleet": {
        "it_power": _opt("W", "MW", "the fleet's IT power (orbital fleet); default: [compute] it_power", "(0, 1e+12]"),
        "accelerators": _opt(
            "",
            "",
            "the fleet's size as an accelerator count of [compute]'s system or mix, instead of it_power",
            "[1, 1e+12]",
        ),
        "start": Key(None, None, None, "the build-out's first launch; default: [orbit] epoch", kind="time"),
        "launches_per_year": _q(
            134.0,
            "",
            "",
            "secondary: Falcon launches in 2024, the highest yearly cadence one vehicle family has flown "
            "(134; Benzinga/BryceTech, Dec 2024)",
            "(0, 100000]",
        ),
        "cadence_growth": _q(0.0, "", "", "assumed: the cadence stays as it is (growth per year)", "[0, 10]"),
        "production_per_year": _opt(
            "", "", "satellites built per year (a limit on the build-out); default: no limit", "(0, 1e+09]"
        ),
        "ground_build_time": _q(
            "2 yr",
            "s",
            "yr",
            "assumed: construction and power interconnection of a hyperscale campus; xAI's Colossus 1, 122 days "
            "in an existing factory (2024, secondary), is the fast end",
            "(0, 20]",
        ),
        "antennas_per_station": _q(
            1,
            "",
            "",
            "assumed: one antenna (or optical terminal) per ground station for this fleet; each serves one "
            "satellite at a time",
            "[1, 10000]",
            integer=True,
        ),
        "backbone_capacity": _opt(
            "bit/s",
            "Gbit/s",
            "with [downlink] band = isl: what the relay constellation carries to the ground for this fleet; "
            "default: no limit (each satellite's relay link is the only bound)",
            "(0, 1e+18]",
        ),
        "build_learning_rate": _opt(
            "",
            "",
            "the satellite's build cost falls by this share per doubling of satellites built (Wright's law over the "
            "fleet's own production); default: none, [launch] bus_cost holds at any scale",
            "(0, 1)",
        ),
        "build_reference_units": _q(
            7000,
            "",
            "",
            "secondary: satellites built at the scale [launch] bus_cost describes, the ~7,000 Starlink satellites "
            "launched by the end of 2024 (as reported) that Quilty's per-kg estimate prices",
            "[1, 1e+09]",
            integer=True,
        ),
        "shells": _text(
            "",
            "shell preset the fleet is spread over (empty: the scenario's orbit alone); spacex-2026: SpaceX's FCC "
            "supplement (May 2026, secondary): 565-585 km @ 97.7 deg (10 planes), 707-744 km @ 97.2 deg (22), "
            "967-1,002 km @ 99.4 deg (22)",
            ("", "spacex-2026"),
        ),
        "min_spacing": _q(
            "10 km",
            "m",
            "km",
            "assumed: the least along-track distance between satellites of one plane (cluster formations excepted)",
            "(0, 10000]",
        ),
        "debris_density": _opt(
            "",
            "",
            "objects per km3 (the size class you count, e.g. tracked > 10 cm) at the fleet's altitude, from a model "
            "such as ESA MASTER or NASA ORDEM; no default: collisions are estimated only when given",
            "(0, 1]",
        ),
        "debris_catalog": _text(
            "",
            "a CelesTrak SATCAT or Space-Track GP CSV (path relative to the scenario): the density of its objects "
            "in orbit (all but operating payloads, which manoeuvre) at the fleet's altitudes, from each orbit's "
            "time in the shell; instead of debris_density",
        ),
        "debris_shell": _q(
            "50 km",
            "m",
            "km",
            "assumed: the thickness of the shell around the fleet's altitude a catalog's density is counted in",
            "(0, 1000]",
        ),
        "relative_speed": _q(
            "13 km/s",
            "m/s",
            "km/s",
            "ECSS-E-ST-10-04C annex J (MASTER): mean debris impact speed ~10 km/s at low inclination, ~13 km/s "
            "at high inclination (SSO)",
            "(0, 30]",
        ),
    },
    "claim": {
        "name": _text("", "an announced design this scenario reproduces (orbital check-design); empty: none"),
        "source": _text("", "where the claim was published, with its date"),
        "it_power": _opt("W", "kW", "the claim's average compute power per satellite", "(0, 1e+06]"),
        "peak_it_power": _opt("W", "kW", "the claim's peak compute power (the radiator's sizing load)", "(0, 1e+06]"),
        "array_power": _opt("W", "kW", "the claim's solar array power", "(0, 1e+07]"),
        "radiator_area": _opt("m2", "m2", "the claim's radiator area (panel area, both faces radiating)", "(0, 1e+06]"),
        "mass": _opt("kg", "kg", "the claim's satellite mass", "(0, 1e+07]"),
        "specific_power": _opt(
            "W/kg", "kW/t", "the claim's compute power per satellite mass, instead of mass", "(0, 10000]"
        ),
    },
}


#: Every parameter as ``"section.key"``.
SCHEMA_NAMES = [f"{section}.{key}" for section, keys in SCHEMA.items() for key in keys]


class Section(Mapping):
    """A read-only section of a resolved scenario, with attribute access."""

    def __init__(self, values):
        self._values = MappingProxyType(dict(values))

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Scenario:
    """A scenario resolved to SI values, with what was given and where every default came from.

    Attributes
    ----------
    name : str
    path : Path or None
    values : dict
        section -> key -> SI value (or text/flag).
    given : dict
        section -> key -> the raw value as written in the file (``uncertainty`` holds
        the ``[uncertainty]`` tables as written).
    uncertainty : dict
        ``"section.key"`` -> :class:`orbital.distributions.Distribution` in SI.
    """

    name: str
    path: Path | None
    values: dict
    given: dict
    uncertainty: dict = field(default_factory=dict)
    catalog: dict = field(default_factory=dict, repr=False)

    def __getattr__(self, section):
        values = object.__getattribute__(self, "values")
        if section in values:
            return Section(values[section])
        raise AttributeError(section)

    def replace(self, **changes) -> Scenario:
        """A copy with ``section__key=value`` changes applied.

        Values are read as in a scenario file: a bare number is in the key's bare
        unit (km for the altitude, USD/kWh for the electricity price), a string
        may carry its own units ("650 km", "2.2e-8 USD/J").

        ``None`` removes a given value, so that the key takes its default again.
        """
        raw = {s: dict(v) for s, v in self.given.items()}
        for name, value in changes.items():
            section, _, key = name.partition("__")
            if value is None:
                raw.get(section, {}).pop(key, None)
            else:
                raw.setdefault(section, {})[key] = value
        return parse_scenario(
            raw, source=str(self.path) if self.path else "<replace>", name=self.name, catalog=self.catalog
        )


def _closest(word, options):
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return f"; did you mean {match[0]!r}?" if match else f"; valid: {', '.join(sorted(options))}"


def _parse_value(key: Key, value, where):
    if key.kind == "text":
        if not isinstance(value, str):
            raise OrbitalInputError(f"{where} = {value!r} must be text")
        if key.choices and value not in key.choices:
            raise OrbitalInputError(f"{where} = {value!r} is not one of: {', '.join(key.choices)}")
        if key.catalog:  # a name (or a comma list of names) of catalog entries
            known = catalog_entries(key.catalog)
            for name in (n.strip() for n in value.split(",") if n.strip()):
                if name not in known:
                    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
                    raise OrbitalInputError(
                        f"{where} = {name!r} is not in the catalog ({key.catalog[0]}); known: {', '.join(known)}"
                        + (f"; did you mean {close[0]!r}?" if close else "")
                    )
        return value
    if key.kind == "shares":
        return _parse_shares(key, value, where)
    if key.kind == "paths":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
            raise OrbitalInputError(f"{where} = {value!r} must be a file name or a list of file names")
        return tuple(value)
    if key.kind == "flag":
        if not isinstance(value, bool):
            raise OrbitalInputError(f"{where} = {value!r} must be true or false")
        return value
    if key.kind == "time":
        return as_time(value, name=where)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise OrbitalInputError(
            f"{where} = {value!r} must be a number or a value with units"
            + (f" in {key.range_text()}" if key.valid else "")
        )
    number = as_float(value, key.unit, name=where, bare_unit=key.bare)
    key.check(number, where)
    return number


def _parse_shares(key: Key, value, where) -> dict:
    """``{name = share, ...}``: catalog names with positive shares summing to 1."""
    if not isinstance(value, dict) or not value:
        raise OrbitalInputError(
            f"{where} must be a table of system = share, e.g. {{ hgx-h100 = 0.5, gb200-nvl72 = 0.5 }}"
        )
    known = catalog_entries(key.catalog)
    shares = {}
    for name, share in value.items():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            raise OrbitalInputError(
                f"{where}: {name!r} is not in the catalog ({key.catalog[0]}); known: {', '.join(known)}"
                + (f"; did you mean {close[0]!r}?" if close else "")
            )
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
            raise OrbitalInputError(f"{where}: {name} = {share!r} must be a share in (0, 1]")
        shares[name] = float(share)
    total = sum(shares.values())
    if abs(total - 1.0) > 1e-3:
        raise OrbitalInputError(f"{where}: the shares sum to {total:g}, not 1")
    return {name: share / total for name, share in shares.items()}  # rounding in the file removed


#: Keys that moved: old (section, key) -> new (section, key). A file that still uses an old name is
#: read as the new one, with a warning naming it (an error when it also gives the new one).
MOVED = {
    ("downlink", "workload"): ("workload", "kind"),
    ("radiation", "job_it_power"): ("workload", "job_it_power"),
    ("radiation", "checkpoint_time"): ("workload", "checkpoint_time"),
}


def moved_name(name: str) -> str | None:
    """The current ``section.key`` of a moved ``section.key``, or None."""
    section, _, key = name.partition(".")
    new = MOVED.get((section, key))
    return None if new is None else ".".join(new)


def _move_renamed_keys(raw: dict, source: str) -> dict:
    import warnings

    from .errors import OrbitalWarning

    raw = {section: (dict(keys) if isinstance(keys, dict) else keys) for section, keys in raw.items()}
    for (section, key), (new_section, new_key) in MOVED.items():
        if not isinstance(raw.get(section), dict) or key not in raw[section]:
            continue
        target = raw.setdefault(new_section, {})
        if not isinstance(target, dict) or new_key in target:
            raise OrbitalInputError(
                f"{source}: [{section}] {key} has moved to [{new_section}] {new_key}, which the file also gives: "
                "keep only the new one"
            )
        target[new_key] = raw[section].pop(key)
        warnings.warn(
            f"{source}: [{section}] {key} has moved to [{new_section}] {new_key}; read as such (rename it in the file)",
            OrbitalWarning,
            stacklevel=3,
        )
    return raw


def parse_scenario(raw: dict, source="<scenario>", name=None, catalog: dict | None = None) -> Scenario:
    """Validate a scenario given as nested dicts (as TOML parses) into SI values.

    Parameters
    ----------
    raw : dict
        section -> key -> value.
    source : str
        File name used in messages.
    name : str, optional
        Scenario name when ``[scenario] name`` is empty.
    catalog : dict, optional
        User catalog entries read already (:func:`orbital.catalogs.read_user_catalog`, e.g. from
        ``--catalog``); they take precedence over the files ``[scenario] catalogs`` names.
    """
    from .catalogs import combine, read_user_catalog, using

    files = (raw.get("scenario") or {}).get("catalogs", ()) if isinstance(raw.get("scenario"), dict) else ()
    overlay = {}
    if files:
        names = _parse_value(SCHEMA["scenario"]["catalogs"], files, f"{source}: [scenario] catalogs")
        folder = Path(source).parent if not source.startswith("<") else Path.cwd()
        for file in names:
            overlay = combine(overlay, read_user_catalog(folder / file, base=overlay))
    overlay = combine(overlay, catalog or {})
    with using(overlay):
        sc = _parse_scenario(raw, source, name)
    return Scenario(sc.name, sc.path, sc.values, sc.given, sc.uncertainty, overlay)


class ScenarioErrors(OrbitalInputError):
    """Every problem found in a scenario, not only the first (``orbital validate``); ``messages`` lists them."""

    def __init__(self, source, messages):
        self.messages = list(messages)
        if len(self.messages) == 1:
            super().__init__(self.messages[0])
        else:
            lines = "\n".join(f"  - {m.removeprefix(f'{source}: ')}" for m in self.messages)
            super().__init__(f"{source}: {len(self.messages)} problems\n{lines}")


_FAILED = object()  # a key whose value did not parse (its error is collected)


def _parse_scenario(raw: dict, source, name) -> Scenario:
    errors = []

    def attempt(check, *args):
        """Run a check, collecting its error instead of stopping at it."""
        try:
            return check(*args)
        except ScenarioErrors as exc:
            errors.extend(exc.messages)
        except OrbitalInputError as exc:
            errors.append(str(exc))
        return _FAILED

    raw = _move_renamed_keys(dict(raw), source)
    uncertain_raw = attempt(_flat_uncertainty, raw.pop("uncertainty", {}), source)
    for section, keys in list(raw.items()):
        if section not in SCHEMA:
            errors.append(f"{source}: unknown section [{section}]{_closest(section, SCHEMA)}")
            continue
        if not isinstance(keys, dict):
            errors.append(f"{source}: [{section}] must be a table of keys")
            raw[section] = {}
            continue
        for key in keys:
            if key not in SCHEMA[section]:
                errors.append(f"{source}: unknown key {key!r} in [{section}]{_closest(key, SCHEMA[section])}")
    values, given = {}, {}
    for section, keys in SCHEMA.items():
        values[section], given[section] = {}, {}
        supplied_keys = raw.get(section, {}) if isinstance(raw.get(section), dict) else {}
        for key, spec in keys.items():
            supplied = key in supplied_keys
            value = supplied_keys[key] if supplied else spec.default
            if supplied:
                given[section][key] = value
            where = f"{source}: [{section}] {key}"
            values[section][key] = None if value is None else attempt(_parse_value, spec, value, where)
    parsed = all(v is not _FAILED for keys in values.values() for v in keys.values())
    if parsed:  # the checks across keys need every key's value
        attempt(_check_across_keys, values, given, source)
    uncertainty = {}
    for full, spec in (uncertain_raw if uncertain_raw is not _FAILED else {}).items():
        uncertainty[full] = attempt(_parse_uncertain, full, spec, source)
    if errors:
        raise ScenarioErrors(source, errors)
    if uncertain_raw:
        given["uncertainty"] = uncertain_raw
    label = values["scenario"]["name"] or name or ("scenario" if source.startswith("<") else Path(source).stem)
    return Scenario(
        name=label,
        path=Path(source) if source and not source.startswith("<") else None,
        values=values,
        given=given,
        uncertainty=uncertainty,
    )


def _check_across_keys(values, given, source) -> None:
    """Checks that involve several keys (each parsed on its own already)."""
    if not values["orbit"]["sun_synchronous"] and values["orbit"]["inclination"] is None:
        raise OrbitalInputError(
            f"{source}: [orbit] is missing the required key 'inclination' (sun_synchronous = false)"
        )
    if values["terrestrial"]["warranty"] > values["compute"]["hardware_life"]:
        raise OrbitalInputError(
            f"{source}: [terrestrial] warranty = {values['terrestrial']['warranty'] / 31557600:g} yr is longer than "
            f"[compute] hardware_life = {values['compute']['hardware_life'] / 31557600:g} yr"
        )
    if values["launch"]["year"] is not None and values["launch"]["price_per_kg"] is not None:
        raise OrbitalInputError(f"{source}: [launch] give year or price_per_kg, not both")
    if values["fleet"]["debris_density"] is not None and values["fleet"]["debris_catalog"]:
        raise OrbitalInputError(f"{source}: [fleet] give debris_density or debris_catalog, not both")
    _check_compute(values, given["compute"], source)


def _parse_uncertain(full, spec, source):
    if moved_name(full):
        raise OrbitalInputError(f"{source}: [uncertainty] {full} has moved to {moved_name(full)}: rename it")
    section, _, key = full.partition(".")
    where = f"{source}: [uncertainty] {full}"
    if section not in SCHEMA or key not in SCHEMA[section]:
        raise OrbitalInputError(f"{where}: unknown parameter{_closest(full, SCHEMA_NAMES)}")
    if SCHEMA[section][key].kind not in ("quantity", "optional-quantity"):
        raise OrbitalInputError(f"{where}: only numeric keys can be uncertain ({full} is {SCHEMA[section][key].kind})")
    return parse_distribution(spec, SCHEMA[section][key], where)


def _check_compute(values: dict, given: dict, source) -> None:
    """One system or a mixed fleet; the accelerator the system's own unless declared; the cluster's and the
    fleet's size as IT power or as an accelerator count (turned into IT power here); the fleet's start."""
    c = values["compute"]
    from .hardware import server

    if "systems" in given and "server" in given:
        raise OrbitalInputError(f"{source}: [compute] give server (one system) or systems (a mixed fleet), not both")
    if "accelerators" in given and "it_power" in given:
        raise OrbitalInputError(f"{source}: [compute] give it_power or accelerators (a count), not both")
    systems = c["systems"] or {c["server"]: 1.0}
    units = {name: server(name) for name in systems}
    if c["accelerator"] and not c["accelerator_override"]:
        for name, unit in units.items():
            if unit.accelerator != c["accelerator"]:
                raise OrbitalInputError(
                    f"{source}: [compute] accelerator = {c['accelerator']!r} is not the chip of {name!r} "
                    f"({unit.accelerator!r}); leave accelerator out to use the system's own, or set "
                    "[compute] accelerator_override = true to use another chip's radiation response on purpose"
                )
    if c["systems"] and c["share_basis"] == "accelerators":  # accelerator shares -> IT power shares
        power = {name: share / units[name].accelerators_per_watt for name, share in systems.items()}
        total = sum(power.values())
        c["systems"] = {name: p / total for name, p in power.items()}
    shares = c["systems"] or {c["server"]: 1.0}
    per_watt = sum(p * units[name].accelerators_per_watt for name, p in shares.items())
    if c["accelerators"] is not None:  # IT power = count / (accelerators per watt of the fleet)
        c["it_power"] = c["accelerators"] / per_watt
        SCHEMA["compute"]["it_power"].check(c["it_power"], f"{source}: [compute] accelerators (as IT power)")
    f = values["fleet"]
    if f["accelerators"] is not None:
        if f["it_power"] is not None:
            raise OrbitalInputError(f"{source}: [fleet] give it_power or accelerators (a count), not both")
        f["it_power"] = f["accelerators"] / per_watt
        SCHEMA["fleet"]["it_power"].check(f["it_power"], f"{source}: [fleet] accelerators (as IT power)")
    if f["start"] is not None and f["start"] < values["orbit"]["epoch"]:
        raise OrbitalInputError(
            f"{source}: [fleet] start = {f['start'].iso[:10]} is before [orbit] epoch = "
            f"{values['orbit']['epoch'].iso[:10]}: the build-out starts at or after the analysis"
        )


def _flat_uncertainty(table, source) -> dict:
    """``[uncertainty]`` as ``"section.key"`` -> table, from quoted dotted keys or nested tables."""
    if not isinstance(table, dict):
        raise OrbitalInputError(f"{source}: [uncertainty] must be a table of distributions")
    flat = {}
    for name, value in table.items():
        if isinstance(value, dict) and "distribution" not in value and "." not in name:
            for key, spec in value.items():
                flat[f"{name}.{key}"] = spec
        else:
            flat[name] = value
    return flat


def bundled_scenarios() -> dict:
    """The scenarios that ship with the package: name -> path."""
    from importlib import resources

    folder = resources.files("orbital").joinpath("scenarios")
    return {
        e.name[:-5]: Path(str(e)) for e in sorted(folder.iterdir(), key=lambda e: e.name) if e.name.endswith(".toml")
    }


def describe_bundled() -> dict:
    """The bundled scenarios' one-line descriptions: name -> ``[scenario] description``."""
    import tomllib

    return {
        name: tomllib.loads(path.read_text("utf-8")).get("scenario", {}).get("description", "")
        for name, path in bundled_scenarios().items()
    }


def load_scenario(path, catalogs=()) -> Scenario:
    """Read and validate a scenario file (TOML), or a bundled scenario by name (``"baseline"``).

    ``catalogs``: user catalog files (:mod:`orbital.catalogs`) read after those the scenario names.
    """
    from .catalogs import combine, read_user_catalog

    extra = {}
    for catalog in catalogs:
        extra = combine(extra, read_user_catalog(catalog, base=extra))
    file = Path(path)
    bundled = bundled_scenarios()
    if not file.is_file() and str(path) in bundled:
        file = bundled[str(path)]
    if not file.is_file():
        raise OrbitalInputError(f"scenario file {str(path)!r} not found")
    try:
        raw = tomllib.loads(file.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise OrbitalInputError(f"{file}: TOML syntax error: {exc}") from None
    except UnicodeDecodeError as exc:
        raise OrbitalInputError(f"{file}: not UTF-8 text: {exc}") from None
    return parse_scenario(raw, source=str(file), name=file.stem, catalog=extra)


def _toml_value(value):
    """A value as TOML text. Strings (and keys) are TOML basic strings written as JSON writes them: its
    escapes (\\n, \\", \\uXXXX, ...) are TOML's, so multi-line and unicode text round-trips."""
    import json

    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml_value(v)}" for k, v in value.items())
            + " }"
        )
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")  # TOML forbids a raw DEL


def resolved_toml(scenario: Scenario, derived: dict | None = None, template=False) -> str:
    """The scenario with every key filled in, each default marked with its source, as TOML text.

    Parameters
    ----------
    scenario : Scenario
    derived : dict, optional
        section -> key -> a value the composer filled in for an empty default
        (e.g. the hardware price from the server catalog).
    template : bool
        Comment the defaults out (``orbital init``): the file then says only what it changes.
    """
    from . import __version__

    lines = (
        [
            f"# Scenario {scenario.name!r} (orbital {__version__}): uncomment a key to change it.",
            "# Each line names the default's source; values take units ('550 km', '20 mm', '0.06 USD/kWh').",
        ]
        if template
        else [
            f"# Resolved scenario {scenario.name!r}, orbital {__version__}.",
            "# Keys marked 'default' were not in the file; each names its source.",
        ]
    )
    off = "# " if template else ""
    derived = derived or {}
    given = scenario.given
    # Keys that give way to another one the file gives (reading both back would be an error).
    replaced = {
        ("compute", "server"): "systems" in given.get("compute", {}),
        ("compute", "it_power"): "accelerators" in given.get("compute", {}),
        ("fleet", "it_power"): "accelerators" in given.get("fleet", {}),
    }
    for section, keys in SCHEMA.items():
        lines.append(f"\n[{section}]")
        for key, spec in keys.items():
            if replaced.get((section, key)):
                lines.append(f"# {key}: set by the keys given below  # default: {spec.source}")
            elif key in scenario.given.get(section, {}):
                lines.append(f"{key} = {_toml_value(scenario.given[section][key])}  # given")
            elif key in derived.get(section, {}):
                lines.append(f"{key} = {_toml_value(derived[section][key])}  # derived: {spec.source}")
            elif spec.default is None:
                lines.append(f"# {key} = (not set)  # default: {spec.source}")
            else:
                lines.append(f"{off}{key} = {_toml_value(spec.default)}  # default: {spec.source}")
    if scenario.given.get("uncertainty"):
        lines.append("\n[uncertainty]")
        for name, table in scenario.given["uncertainty"].items():
            inner = ", ".join(f"{k} = {_toml_value(v)}" for k, v in table.items())
            lines.append(f"{_toml_value(name)} = {{ {inner} }}  # given")
    return "\n".join(lines) + "\n"


def json_schema() -> dict:
    """A JSON Schema (draft 2020-12) of the scenario format, for editors' completion and validation
    (``orbital schema``): every section and key, its default and source, the choices of text keys, and
    the valid range of numbers in the key's display unit (a value may also be a string with units)."""
    sections = {}
    for section, keys in SCHEMA.items():
        properties = {}
        for key, spec in keys.items():
            entry = {"description": spec.source}
            if spec.kind in ("quantity", "optional-quantity"):
                unit = f" [{spec.bare}]" if spec.bare else ""
                entry["description"] += f"; a number{unit} or a string with units" + (
                    f"; valid {spec.range_text()}" if spec.valid else ""
                )
                entry["type"] = ["number", "string"]
            elif spec.kind == "flag":
                entry["type"] = "boolean"
            elif spec.kind in ("text", "time"):
                entry["type"] = "string"
                choices = spec.choices or ()
                if choices:
                    entry["enum"] = list(choices)
            elif spec.kind == "paths":
                entry["type"] = ["string", "array"]
            elif spec.kind == "shares":
                entry["type"] = "object"
                entry["additionalProperties"] = {"type": "number", "exclusiveMinimum": 0}
            if spec.default is not None:
                entry["default"] = spec.default
            properties[key] = entry
        sections[section] = {"type": "object", "properties": properties, "additionalProperties": False}
    sections["uncertainty"] = {
        "type": "object",
        "description": "section.key = { distribution = ..., ... } for numeric keys (orbital mc, sensitivity)",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "orbital scenario",
        "type": "object",
        "properties": sections,
        "additionalProperties": False,
    }


@dataclass(frozen=True, repr=False)
class Validation(Report):
    """Scenario files that read without a problem (``orbital validate``); a file with problems raises
    :class:`ScenarioErrors` listing every one of them."""

    files: tuple
    given: tuple

    def to_dict(self) -> dict:
        return {"valid": [{"file": f, "keys_given": n} for f, n in zip(self.files, self.given, strict=True)]}

    def to_text(self) -> str:
        return "\n".join(f"{f}: valid ({n} keys given)" for f, n in zip(self.files, self.given, strict=True))


def validate(paths) -> Validation:
    """Read each scenario file, reporting every problem in each (all files are read before raising)."""
    files, counts, problems = [], [], []
    for path in paths:
        try:
            sc = load_scenario(path)
        except ScenarioErrors as exc:
            problems.extend(exc.messages)
            continue
        except OrbitalInputError as exc:
            problems.append(str(exc))
            continue
        files.append(str(path))
        counts.append(sum(len(keys) for section, keys in sc.given.items() if section != "uncertainty"))
    if problems:
        raise ScenarioErrors("the scenario files", problems)
    return Validation(tuple(files), tuple(counts))


@dataclass(frozen=True, repr=False)
class Schema(Report):
    """The scenario format as JSON Schema (``orbital schema``)."""

    schema: dict

    def to_dict(self) -> dict:
        return self.schema

    def to_text(self) -> str:
        import json

        return json.dumps(self.schema, indent=2, ensure_ascii=False)


def schema() -> Schema:
    """:func:`json_schema` as a printable result."""
    return Schema(json_schema())


def init_scenario(path, source=None) -> Written:
    """Write a commented scenario template to ``path`` (``orbital init``): every key with its default and
    the default's source, commented out; with ``source`` (a scenario file or bundled name) its given
    keys are set. An existing file is not overwritten."""
    from .cache import write_atomically

    target = Path(path)
    if target.suffix != ".toml":
        target = target.with_name(target.name + ".toml")
    if target.exists():
        raise OrbitalInputError(f"{target} exists: choose another name or remove it")
    if source is None:
        sc = parse_scenario({"scenario": {"name": target.stem}}, f"<{target.stem}>")
    else:
        base = load_scenario(source)
        given = {k: dict(v) for k, v in base.given.items() if k != "uncertainty"}
        given.setdefault("scenario", {})["name"] = target.stem
        sc = Scenario(target.stem, None, base.values, given, base.uncertainty, base.catalog)
    write_atomically(target, resolved_toml(sc, template=True))
    return Written((target,))
