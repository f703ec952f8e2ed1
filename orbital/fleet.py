"""Fleet scale (``orbital fleet``, :func:`orbital.model.fleet`): a cluster of hundreds of MW built,
launched and kept alive.

From the composer's satellite (its mass, the satellites a launch carries, its dose life and the
maintenance strategy's losses), for the fleet's IT power (``[fleet] it_power``):

* **size**: satellites, mass in orbit, launches, capex in USD;
* **build-out**: launches at the vehicle's cadence C(t) = C₀ (1 + g)^t (``launches_per_year``,
  ``cadence_growth``), capped by the satellites built per year (``production_per_year``); the IT power
  in orbit month by month and the time to full capacity, N / C₀ for a constant cadence, set against the
  ground's build time (``ground_build_time``);
* **steady state**: the launches a year that keep the fleet whole: every satellite replaced at the end
  of its life (the study life or its dose limit, whichever is first), whole satellites lost on the way
  replaced as they fail, and under ``replenish`` the hardware losses; as a share of the world's yearly
  mass to orbit (``[launch] world_upmass``). A fleet needing more than the world launches is an answer, said so.

* **downlink at fleet scale**: each station's antennas serve one satellite at a time
  (:func:`station_capacity`), the fleet's capacity against its traffic;
* **learning**: on the learning curve, the fleet's own mass moves the launch price down Wright's curve;
* **money on the schedule**: the ground's capital spent over its build (interest during construction),
  each satellite paid and earning from its launch;
* **shells and collisions**: the fleet over filed shells at a minimum spacing, spatial density, and the
  kinetic-gas collision flux for a given debris density;
* **relays** (``[downlink] band = "isl"``): each satellite's own link to a relay constellation, bounded by
  its backbone to the ground (``[fleet] backbone_capacity``);
* **collision avoidance**: the manoeuvres a day across the fleet (``[launch] avoidance_manoeuvres``, each
  ``avoidance_delta_v``) and the propellant they burn a year;
* **sizes**: the fleet at several IT powers from one run (:func:`sizes`).

No debris density profile is shipped (``[fleet] debris_density`` is the user's, from MASTER or ORDEM):
no public tabulation could be confirmed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import launch
from .constants import JULIAN_YEAR, STANDARD_GRAVITY
from .errors import OrbitalInputError
from .results import Report, Table

__all__ = [
    "SHELL_PRESETS",
    "Fleet",
    "FleetSizes",
    "antennas_needed",
    "assess",
    "build_out",
    "catalog_density",
    "collision_rate",
    "read_catalog",
    "shell_occupancy",
    "sizes",
    "station_capacity",
]

#: Shell sets from public filings: name -> ((lowest altitude [m], highest [m], inclination [deg], planes), ...).
SHELL_PRESETS = {
    # SpaceX, FCC SAT-LOA-20260108-00016, May 2026 supplement (secondary: as reported).
    "spacex-2026": ((565e3, 585e3, 97.7, 10), (707e3, 744e3, 97.2, 22), (967e3, 1002e3, 99.4, 22)),
}

#: Months of the build-out curve at most (100 years).
_MAX_MONTHS = 1200


def build_out(launches, launches_per_year, growth=0.0, per_launch=1.0, production_per_year=None):
    """Years to fly ``launches`` at a cadence C(t) = C₀ (1 + g)^t launches per year, or at the production
    limit P / per_launch if that is lower (P satellites a year, ``per_launch`` satellites a launch).

    The launches flown by t are ∫₀ᵗ r(τ) dτ with r = min(C, P/n); for a constant rate the time is N / r,
    with growth ln(1 + N g ln(1+g) / C₀) / ln(1+g) while the cadence binds.

    Returns
    -------
    years : float
        Time to the last launch [yr] (0 when nothing is to be launched).
    """
    n = float(launches)
    c0 = float(launches_per_year)
    if c0 <= 0:
        raise OrbitalInputError(f"[fleet] launches_per_year = {c0:g} must be > 0")
    cap = math.inf if production_per_year is None else float(production_per_year) / float(per_launch)
    if cap <= 0:
        raise OrbitalInputError(f"[fleet] production_per_year = {production_per_year:g} must be > 0")
    if n <= 0:
        return 0.0
    t_cap = _time_to_cap(c0, growth, cap)
    flown_at_cap = float(launch.launched_by(t_cap, c0, growth)) if math.isfinite(t_cap) else math.inf
    if n <= flown_at_cap:
        return float(launch.years_to_launch(n, c0, growth))
    return t_cap + (n - flown_at_cap) / cap


def _time_to_cap(c0, growth, cap) -> float:
    """When a cadence growing from C₀ reaches the production limit (now if it starts above; never without
    a limit or growth)."""
    if not math.isfinite(cap):
        return math.inf
    if cap <= c0:
        return 0.0
    return math.log(cap / c0) / math.log1p(growth) if growth >= 1e-12 else math.inf


def station_capacity(minutes_per_day, satellites, antennas, rate):
    """The ground's capacity for a fleet [bit s⁻¹] when each antenna serves one satellite at a time.

    A satellite is in view of station s a fraction f_s = (minutes a day) / 1,440 of the time; with N
    satellites spread along their orbits the number in view, K_s, is Binomial(N, f_s), and the station's
    ``antennas`` serve E[min(a, K_s)] = Σ_{j=1..a} P(K_s ≥ j) of them. Capacity is their sum times
    the link's mean rate in contact. Without contention it would be N Σ f_s × rate.

    Parameters
    ----------
    minutes_per_day : sequence of float
        Each station's minutes a day in view of one satellite.
    satellites : int
        Satellites in the fleet.
    antennas : int
        Antennas (terminals) per station.
    rate : float
        Data rate while in contact [bit s⁻¹].
    """
    from scipy.stats import binom

    f = np.clip(np.asarray(list(minutes_per_day), dtype=float) / 1440.0, 0.0, 1.0)
    a = int(antennas)
    if a < 1 or satellites < 0:
        raise OrbitalInputError(f"[fleet] antennas_per_station = {a} must be >= 1")
    # E[min(a, K)] = Σ_{j=1..a} P(K >= j): survival functions, accurate where few satellites are in view
    # (a − Σ (a − k) P(K = k) loses it to cancellation).
    j = np.arange(a)[:, None]
    served = np.sum(binom.sf(j, int(satellites), f[None, :]), axis=0)
    return float(np.sum(served) * rate)


def antennas_needed(minutes_per_day, satellites, rate, demand):
    """The fewest antennas per station for which :func:`station_capacity` carries ``demand`` [bit s⁻¹], or
    None when even one antenna per satellite in view could not (the stations see too little of the fleet).

    Capacity grows with each antenna by rate Σ_s P(K_s ≥ a); the sums are taken once for every a that
    could matter (up to the most satellites a station can have in view, 10 standard deviations out).
    """
    from scipy.stats import binom

    f = np.clip(np.asarray(list(minutes_per_day), dtype=float) / 1440.0, 0.0, 1.0)
    n = int(satellites)
    mean, spread = n * f.max(), math.sqrt(n * f.max() * (1.0 - f.max()))
    top = max(1, min(n, math.ceil(mean + 10.0 * spread + 10.0)))
    j = np.arange(top)[:, None]
    capacity = np.cumsum(np.sum(binom.sf(j, n, f[None, :]), axis=1)) * rate
    enough = np.nonzero(capacity >= demand)[0]
    return int(enough[0]) + 1 if enough.size else None


def collision_rate(density, relative_speed, cross_section):
    """Expected impacts per second on a body: the kinetic-gas flux, density × relative speed × cross-section
    (n [m⁻³] × v [m s⁻¹] × A [m²]); Kessler & Cour-Palais (1978), ECSS-E-ST-10-04C annex J."""
    return float(np.asarray(density) * np.asarray(relative_speed) * np.asarray(cross_section))


def catalog_density(perigee, apogee, low, high):
    """Spatial density [m⁻³] in the shell ``low``-``high`` [m altitude] of objects on Keplerian orbits with
    the given perigee and apogee altitudes [m]: each object's share of time in the shell over its volume.

    On an ellipse r = a (1 − e cos E) and the time since perigee ∝ E − e sin E (Kepler), so the share of time
    below radius R is (E_R − e sin E_R)/π with cos E_R = (1 − R/a)/e; a circular orbit spends all its time
    at a. The standard way to turn a catalog into a spatial density (Kessler, Icarus 48, 39, 1981).
    """
    from .constants import R_EARTH

    rp = R_EARTH + np.asarray(perigee, dtype=float)
    ra = R_EARTH + np.maximum(np.asarray(apogee, dtype=float), np.asarray(perigee, dtype=float))
    a = 0.5 * (rp + ra)
    e = (ra - rp) / (ra + rp)
    r1, r2 = R_EARTH + float(low), R_EARTH + float(high)

    def share_below(radius):
        elliptic = e > 1e-9
        cos_e = np.clip((1.0 - radius / a) / np.where(elliptic, e, 1.0), -1.0, 1.0)
        anomaly = np.arccos(cos_e)
        return np.where(elliptic, (anomaly - e * np.sin(anomaly)) / np.pi, (a <= radius).astype(float))

    time_in_shell = share_below(r2) - share_below(r1)
    return float(time_in_shell.sum() / (4.0 / 3.0 * np.pi * (r2**3 - r1**3)))


#: CelesTrak SATCAT operational status codes of payloads that still manoeuvre (operational, partly,
#: backup, spare, extended mission): left out of the debris a fleet collides with.
_OPERATING = frozenset("+PBSX")


def read_catalog(path, key="[fleet] debris_catalog"):
    """Perigee and apogee altitudes [m] of the objects in orbit in a CelesTrak SATCAT CSV (``PERIGEE``,
    ``APOGEE`` in km, ``DECAY_DATE``, ``OPS_STATUS_CODE``, ``ORBIT_CENTER``) or a Space-Track GP CSV
    (``PERIAPSIS``, ``APOAPSIS``), leaving out decayed objects and operating payloads."""
    import csv

    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise OrbitalInputError(f"{key} = {str(path)!r} cannot be read: {exc}") from None
    names = set(rows[0]) if rows else set()
    columns = ("PERIGEE", "APOGEE") if {"PERIGEE", "APOGEE"} <= names else ("PERIAPSIS", "APOAPSIS")
    if not set(columns) <= names:
        raise OrbitalInputError(
            f"{key} = {str(path)!r} is not a CelesTrak SATCAT or Space-Track GP CSV: it needs PERIGEE and APOGEE "
            "(or PERIAPSIS and APOAPSIS) columns in km"
        )
    perigee, apogee = [], []
    for row in rows:
        if (row.get("DECAY_DATE") or "").strip() or (row.get("ORBIT_CENTER") or "EA") != "EA":
            continue
        if (row.get("OBJECT_TYPE") or "").upper() in ("PAY", "PAYLOAD") and (
            row.get("OPS_STATUS_CODE") or ""
        ) in _OPERATING:
            continue
        try:
            low, high = float(row[columns[0]]), float(row[columns[1]])
        except (TypeError, ValueError):
            continue  # no orbit published (objects beyond Earth orbit, or unknown)
        perigee.append(low * 1e3)
        apogee.append(high * 1e3)
    if not perigee:
        raise OrbitalInputError(f"{key} = {str(path)!r} lists no object in Earth orbit")
    return np.array(perigee), np.array(apogee)


def shell_occupancy(satellites, shells, min_spacing):
    """The fleet spread over ``shells`` in proportion to what each can hold at ``min_spacing`` along track.

    A plane at radius r holds at most ⌊2π r / spacing⌋ satellites; a shell of P planes P times that.
    Spatial density is the shell's satellites over its volume, 4π r² Δh (r at mid-shell).

    Returns
    -------
    list of dict
        Per shell: altitude range, inclination, planes, satellites, per plane, capacity, spacing [m] and
        density [km⁻³]. Raises if the fleet is larger than the shells hold.
    """
    from .constants import R_EARTH

    caps = []
    for low, high, _inclination, planes in shells:
        r = R_EARTH + 0.5 * (low + high)
        caps.append(planes * math.floor(2 * math.pi * r / min_spacing))
    total = sum(caps)
    if satellites > total:
        raise OrbitalInputError(
            f"[fleet] shells hold at most {total:,} satellites at [fleet] min_spacing = {min_spacing / 1e3:g} km; "
            f"the fleet has {satellites:,}: lower min_spacing or choose more shells"
        )
    out = []
    left = satellites
    for k, ((low, high, inclination, planes), cap) in enumerate(zip(shells, caps, strict=True)):
        n = left if k == len(shells) - 1 else min(round(satellites * cap / total), left)
        left -= n
        r = R_EARTH + 0.5 * (low + high)
        per_plane = n / planes
        volume_km3 = 4 * math.pi * (r / 1e3) ** 2 * max(high - low, 1e3) / 1e3
        out.append(
            {
                "altitude_m": (low, high),
                "inclination_deg": inclination,
                "planes": planes,
                "satellites": int(n),
                "per_plane": per_plane,
                "capacity": int(cap),
                "spacing_m": 2 * math.pi * r / per_plane if per_plane > 0 else None,
                "density_per_km3": n / volume_km3,
            }
        )
    return out


@dataclass(frozen=True, repr=False)
class Fleet(Report):
    """A fleet's size, build-out and steady state (SI: W, kg, USD, years)."""

    scenario: str
    it_power: float
    satellites: int
    satellite_mass: float
    mass: float
    launches: int
    satellites_per_launch: int
    capex: float
    build_years: float
    ground_build_years: float
    months: tuple
    it_power_in_orbit: tuple
    launches_per_year_steady: float
    mass_per_year_steady: float
    reentry_mass_per_year: float
    world_share_build: float
    world_share_steady: float
    replacement_life_years: float
    notes: tuple
    start: str = ""
    learning: dict | None = None
    ground_link: dict | None = None
    shells: tuple = ()
    collisions: dict | None = None
    avoidance: dict | None = None
    schedule: dict | None = None

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "it_power_w": self.it_power,
            "satellites": self.satellites,
            "satellite_mass_kg": self.satellite_mass,
            "mass_kg": self.mass,
            "launches": self.launches,
            "satellites_per_launch": self.satellites_per_launch,
            "capex_usd": self.capex,
            "build_years": self.build_years,
            "ground_build_years": self.ground_build_years,
            "start": self.start,
            "full_capacity": _date_after(self.start, self.build_years),
            "ground_on_line": _date_after(self.start, self.ground_build_years),
            "build_out": {"month": list(self.months), "it_power_in_orbit_w": list(self.it_power_in_orbit)},
            "steady_state": {
                "launches_per_year": self.launches_per_year_steady,
                "mass_kg_per_year": self.mass_per_year_steady,
                "reentry_mass_kg_per_year": self.reentry_mass_per_year,
                "replacement_life_years": self.replacement_life_years,
            },
            "world_upmass_share": {"build_out": self.world_share_build, "steady_state": self.world_share_steady},
            "learning": self.learning,
            "ground_link": self.ground_link,
            "shells": list(self.shells),
            "collisions": self.collisions,
            "avoidance": self.avoidance,
            "schedule": self.schedule,
            "notes": list(self.notes),
        }

    def table(self) -> Table:
        t = Table(f"orbital fleet: {self.scenario}, {_mw(self.it_power)} of IT in orbit")
        t.section("Size")
        t.row("Satellites", f"{self.satellites:,} of {self.satellite_mass:,.0f} kg ({self.mass / 1e3:,.0f} t in orbit)")
        t.row("Launches", f"{self.launches:,} ({self.satellites_per_launch} satellites each)")
        t.row(
            "Capex",
            f"{self.capex / 1e9:,.{0 if self.capex >= 1e11 else 3}{'f' if self.capex >= 1e11 else 'g'}} billion USD "
            "(hardware, spacecraft, launch, insurance; at the scenario's launch price)",
        )
        t.section("Build-out")
        t.row(
            "Orbit",
            f"{self.build_years:,.3g} years to full capacity (first launch {self.start}, full "
            f"{_date_after(self.start, self.build_years)})",
        )
        t.row(
            "Ground",
            f"{self.ground_build_years:,.3g} years to build and connect (on line "
            f"{_date_after(self.start, self.ground_build_years)}, started the same day)",
        )
        t.row("World upmass", f"{self.world_share_build:.1%} of the world's yearly mass to orbit while it is built")
        if self.schedule:
            s = self.schedule
            t.row(
                "On schedule",
                f"cost ratio {s['cost_ratio']:.3g} (per MW: {s['cost_ratio_per_mw']:.3g}): the ground's capital "
                f"is spent over its build and earns from the end of it (x{s['ground_capital_factor']:.3g}); "
                "each satellite is paid and earns from its launch",
            )
        t.section("Steady state")
        t.row(
            "Launches",
            f"{self.launches_per_year_steady:,.1f} a year ({self.mass_per_year_steady / 1e3:,.0f} t/yr; each satellite "
            f"replaced every {self.replacement_life_years:.3g} years, losses as they fail)",
        )
        t.row("World upmass", f"{self.world_share_steady:.1%} of the world's yearly mass to orbit")
        t.row("Re-entry", f"{self.reentry_mass_per_year / 1e3:,.0f} t a year of retired satellites (dry mass)")
        if self.ground_link:
            g = self.ground_link
            t.section(f"Downlink at fleet scale ({g['band']})")
            if g["band"] == "isl":
                backbone = (
                    "no limit given ([fleet] backbone_capacity)"
                    if g["backbone_bps"] is None
                    else f"{g['backbone_bps'] / 1e9:,.4g} Gbit/s"
                )
                t.row(
                    "Capacity",
                    f"{g['capacity_bps'] / 1e9:,.4g} Gbit/s: each satellite's {g['relay_link_bps'] / 1e9:,.4g} Gbit/s "
                    f"link to the relay constellation; its backbone to the ground: {backbone}",
                )
            else:
                t.row(
                    "Capacity",
                    f"{g['capacity_bps'] / 1e9:,.3g} Gbit/s from {g['stations']} stations of "
                    f"{g['antennas_per_station']} antenna(s), one satellite each at a time "
                    f"({g['uncontended_bps'] / 1e9:,.3g} Gbit/s if none were shared)",
                )
                t.row(
                    "Antennas needed",
                    f"{g['antennas_needed']:,} per station carry the demand"
                    if g["antennas_needed"] is not None
                    else "no number of antennas at these stations carries the demand: add stations",
                )
            t.row(
                "Demand",
                f"{g['demand_bps'] / 1e9:,.3g} Gbit/s: capacity/demand {g['capacity_to_demand']:.3g} (downlink only)",
            )
        if self.shells:
            t.section("Shells")
            for s in self.shells:
                low, high = s["altitude_m"]
                t.row(
                    f"{low / 1e3:,.0f}-{high / 1e3:,.0f} km @ {s['inclination_deg']:g} deg",
                    f"{s['satellites']:,} satellites, {s['per_plane']:,.0f} per plane in {s['planes']} planes "
                    f"({s['spacing_m'] / 1e3:,.1f} km apart), {s['density_per_km3']:.3g} per km3",
                )
        if self.collisions or self.avoidance:
            t.section("Conjunctions and collisions")
        if self.avoidance:
            a = self.avoidance
            t.row(
                "Avoidance",
                f"{a['manoeuvres_per_day']:,.3g} collision-avoidance manoeuvres a day across the fleet "
                f"({a['manoeuvres_per_satellite_year']:g} per satellite a year, "
                f"{a['delta_v_m_per_s_per_year']:.3g} m/s a year each), "
                f"{a['propellant_kg_per_year'] / 1e3:,.3g} t of propellant a year (in the mass budget)",
            )
        if self.collisions:
            c = self.collisions
            where = (
                ", ".join(
                    f"{d:.3g} per km3 at {low / 1e3:,.0f}-{high / 1e3:,.0f} km"
                    for d, (low, high) in zip(c["density_per_km3"], c["altitude_m"], strict=True)
                )
                if c["altitude_m"][0] is not None
                else f"{c['density_per_km3'][0]:.3g} per km3"
            )
            t.row(
                "Collisions",
                f"{c['per_year']:.3g} a year across the fleet with the debris of {c['source']} ({where}; at "
                f"{c['relative_speed_m_per_s'] / 1e3:g} km/s on {c['cross_section_m2']:,.0f} m2 per satellite)",
            )
        if self.learning:
            x = self.learning
            t.section("Learning from its own scale (Wright's law)")
            if "price_before_usd_per_kg" in x:
                t.row(
                    "Launch price",
                    f"{x['price_before_usd_per_kg']:,.0f} USD/kg before the fleet, "
                    f"{x['price_average_usd_per_kg']:,.0f} on average over its {x['fleet_mass_kg'] / 1e3:,.0f} t, "
                    f"{x['price_after_usd_per_kg']:,.0f} after it",
                )
            if "build_cost_factor" in x:
                t.row(
                    "Build cost",
                    f"x{x['build_cost_factor']:.3g} on average over its {self.satellites:,} satellites "
                    f"({x['build_learning_rate']:.0%} cheaper per doubling from the "
                    f"{x['build_reference_units']:,} built at [launch] bus_cost)",
                )
            t.row(
                "Capex",
                f"{x['capex_with_learning_usd'] / 1e9:,.4g} billion USD with learning (the capex above is at the "
                "scenario's prices)",
            )
        for note in self.notes:
            t.row("Note", note)
        return t

    def build_out_csv(self) -> str:
        """The build-out month by month: ``month,it_power_in_orbit_w``."""
        rows = (f"{m},{p:.6g}" for m, p in zip(self.months, self.it_power_in_orbit, strict=True))
        return "month,it_power_in_orbit_w\n" + "\n".join(rows) + "\n"

    def save(self, directory) -> Path:
        """Write ``fleet.json`` and ``build_out.csv`` into ``directory``, both or neither."""
        from .cache import output_directory, write_all_atomically

        out = output_directory(directory)
        write_all_atomically({out / "fleet.json": self.to_json(), out / "build_out.csv": self.build_out_csv()})
        return out

    def __repr__(self) -> str:
        return (
            f"Fleet({self.scenario}: {_mw(self.it_power)}, {self.satellites:,} satellites, "
            f"{self.launches:,} launches, {self.build_years:.3g} yr to build)"
        )


@dataclass(frozen=True, repr=False)
class FleetSizes(Report):
    """One scenario's fleet at several sizes (``orbital fleet --it-power A B ...``,
    :func:`orbital.model.fleet_sizes`): a row per size, the per-MW satellite the same in each."""

    scenario: str
    fleets: tuple

    #: Row label -> (column heading, how the fleet's value is shown).
    _COLUMNS = (
        ("IT power", lambda f: _mw(f.it_power)),
        ("satellites", lambda f: f"{f.satellites:,}"),
        ("launches", lambda f: f"{f.launches:,}"),
        ("mass [t]", lambda f: f"{f.mass / 1e3:,.0f}"),
        ("capex [bn USD]", lambda f: f"{f.capex / 1e9:,.4g}"),
        ("build [yr]", lambda f: f"{f.build_years:,.3g}"),
        ("launches/yr kept", lambda f: f"{f.launches_per_year_steady:,.1f}"),
        ("world upmass", lambda f: f"{f.world_share_steady:.1%}"),
        (
            "capacity/demand",
            lambda f: (
                "-"
                if not f.ground_link or f.ground_link["capacity_to_demand"] is None
                else f"{f.ground_link['capacity_to_demand']:.3g}"
            ),
        ),
    )

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "fleets": [f.to_dict() for f in self.fleets]}

    def table(self) -> Table:
        t = Table(f"orbital fleet: {self.scenario}, {len(self.fleets)} fleet sizes")
        (first, label), *columns = self._COLUMNS
        widths = [max(len(h), *(len(show(f)) for f in self.fleets)) for h, show in columns]
        t.row(first, "  ".join(h.rjust(w) for (h, _), w in zip(columns, widths, strict=True)))
        for f in self.fleets:
            t.row(label(f), "  ".join(show(f).rjust(w) for (_, show), w in zip(columns, widths, strict=True)))
        return t

    def save(self, directory) -> Path:
        """Write ``fleets.json`` (every size's fleet) into ``directory``."""
        from .cache import output_directory, write_all_atomically

        out = output_directory(directory)
        write_all_atomically({out / "fleets.json": self.to_json()})
        return out

    def __repr__(self) -> str:
        return f"FleetSizes({self.scenario}: {', '.join(_mw(f.it_power) for f in self.fleets)})"


def sizes(sc, result, it_powers) -> FleetSizes:
    """The fleet at each of ``it_powers`` [W] from one :func:`orbital.model.run` result (the per-MW
    satellite does not depend on the fleet's size; the entry point is :func:`orbital.model.fleet_sizes`)."""
    powers = [float(p) for p in np.atleast_1d(it_powers)]
    if not powers:
        raise OrbitalInputError("give at least one fleet IT power")
    for p in powers:
        if not (math.isfinite(p) and 0.0 < p <= 1e12):
            raise OrbitalInputError(
                f"fleet IT power (--it-power, [fleet] it_power) = {p:g} W is outside the valid range (0, 1e+12] W"
            )
    # Each size replaces the scenario's own (an IT power or an accelerator count).
    resized = (sc.replace(fleet__accelerators=None, fleet__it_power=f"{p!r} W") for p in powers)
    return FleetSizes(sc.name, tuple(assess(one, result) for one in resized))


def assess(sc, result) -> Fleet:
    """The scenario's fleet from its :func:`orbital.model.run` result: size, build-out and steady state.

    The entry point is :func:`orbital.model.fleet` (``orbital fleet``); see the module docstring.
    """
    f = sc.fleet
    target = f.it_power if f.it_power is not None else sc.compute.it_power
    per_satellite = sc.compute.satellite_it_power
    if target < per_satellite:
        raise OrbitalInputError(
            f"{sc.path or sc.name}: [fleet] it_power = {target / 1e6:g} MW is less than one satellite "
            f"([compute] satellite_it_power = {per_satellite / 1e3:g} kW)"
        )
    p = result.physics
    satellites = math.ceil(target / per_satellite - 1e-9)
    per_launch = int(p["satellites_per_launch"])
    if per_launch < 1:
        raise OrbitalInputError(f"{sc.path or sc.name}: the satellite cannot be launched on [launch] vehicle")
    launches = math.ceil(satellites / per_launch - 1e-9)
    mass_one = float(p["satellite_mass_kg"])
    mass = satellites * mass_one
    capex = result.orbital.capex_usd_per_w * target
    years = build_out(launches, f.launches_per_year, f.cadence_growth, per_launch, f.production_per_year)
    months = np.arange(0, min(_MAX_MONTHS, max(1, math.ceil(years * 12.0)) + 1))
    flown = _launches_by(months / 12.0, f.launches_per_year, f.cadence_growth, per_launch, f.production_per_year)
    in_orbit = np.minimum(np.floor(np.minimum(flown, launches) + 1e-9) * per_launch, satellites) * per_satellite
    # Steady state: each satellite replaced at the end of its life (the study's or its dose limit),
    # whole satellites lost on the way as they fail; replenish also replaces the hardware it loses.
    life = min(sc.finance.lifetime / JULIAN_YEAR, float(p["tid_lifetime_years"]))
    rate = 1.0 / life + sc.maintenance.satellite_failure_rate
    if sc.maintenance.strategy == "replenish":
        rate += float(p["hardware_failures_per_accelerator_year"])
    sat_per_year = satellites * rate
    steady_launches = sat_per_year / per_launch
    steady_mass = sat_per_year * mass_one
    # What comes back: every retired or failed satellite's dry mass (the propellant is spent on the way).
    dry_one = mass_one - float(p["mass_budget_kg_per_kw"]["propellant"]) * per_satellite / 1e3
    reentry = sat_per_year * dry_one
    world = sc.launch.world_upmass  # kg per year
    build_rate = mass / years if years > 0 else math.inf
    notes = []
    if steady_mass > world:
        notes.append(
            f"keeping the fleet whole needs {steady_mass / world:.1f}x the world's yearly mass to orbit "
            f"({world / 1e3:,.0f} t)"
        )
    if years > f.ground_build_time / JULIAN_YEAR:
        notes.append(
            f"the ground is built {years - f.ground_build_time / JULIAN_YEAR:,.3g} years sooner than the orbit"
        )
    shells = ()
    if sc.fleet.shells:
        shells = tuple(shell_occupancy(satellites, SHELL_PRESETS[sc.fleet.shells], sc.fleet.min_spacing))
    collisions = _collisions(sc, result, satellites, shells)
    avoidance = _avoidance(sc, satellites, mass_one)
    schedule = _on_schedule(sc, result)
    ground_link = _ground_link(sc, p, satellites, target)
    if ground_link and ground_link["capacity_to_demand"] is not None and ground_link["capacity_to_demand"] < 1.0:
        notes.append(
            f"the ground stations carry {ground_link['capacity_to_demand']:.0%} of the fleet's traffic: add stations "
            "or antennas ([fleet] antennas_per_station)"
        )
    learning = _learning(sc, result, mass, satellites, target, capex)
    return Fleet(
        scenario=sc.name,
        it_power=target,
        satellites=satellites,
        satellite_mass=mass_one,
        mass=mass,
        launches=launches,
        satellites_per_launch=per_launch,
        capex=capex,
        build_years=years,
        ground_build_years=f.ground_build_time / JULIAN_YEAR,
        months=tuple(int(m) for m in months),
        it_power_in_orbit=tuple(float(x) for x in in_orbit),
        launches_per_year_steady=steady_launches,
        mass_per_year_steady=steady_mass,
        reentry_mass_per_year=reentry,
        world_share_build=build_rate / world,
        world_share_steady=steady_mass / world,
        replacement_life_years=life,
        notes=tuple(notes),
        start=(f.start if f.start is not None else sc.orbit.epoch).iso[:10],
        learning=learning,
        ground_link=ground_link,
        shells=shells,
        collisions=collisions,
        avoidance=avoidance,
        schedule=schedule,
    )


def _learning(sc, result, mass, satellites, it_power, capex) -> dict | None:
    """What the fleet's own scale does to its prices (Wright's law): the launch price along the world's
    cumulative mass (with ``[launch] year``) and the build cost along its own production (with
    ``[fleet] build_learning_rate``), and the capex with both."""
    f = sc.fleet
    if sc.launch.year is None and f.build_learning_rate is None:
        return None
    out = {}
    launch_factor = build_factor = 1.0
    if sc.launch.year is not None:  # on the learning curve: the fleet's own mass moves the price
        world_mass = float(launch.cumulative_mass_in_year(sc.launch.year, **launch.world_cadence(sc.launch)))
        before = float(launch.wright_price(world_mass))
        average = float(launch.average_wright_price(world_mass, mass))
        out |= {
            "year": sc.launch.year,
            "world_cumulative_mass_kg": world_mass,
            "fleet_mass_kg": mass,
            "price_before_usd_per_kg": before,
            "price_average_usd_per_kg": average,
            "price_after_usd_per_kg": float(launch.wright_price(world_mass + mass)),
        }
        launch_factor = average / before
    if f.build_learning_rate is not None:
        # The mean unit cost of units x0 .. x0 + N on Wright's curve, relative to unit x0's: the same
        # integral as the launch price's over mass.
        x0 = float(f.build_reference_units)
        build_factor = float(launch.average_wright_price(x0, satellites, 1.0, x0, f.build_learning_rate))
        out |= {
            "build_learning_rate": f.build_learning_rate,
            "build_reference_units": int(x0),
            "build_cost_factor": build_factor,
        }
    parts = result.orbital.capex_breakdown_usd_per_w
    saved = (parts["launch"] * (1.0 - launch_factor) + parts["spacecraft"] * (1.0 - build_factor)) * it_power
    return out | {"capex_with_learning_usd": capex - saved}


def _collisions(sc, result, satellites, shells) -> dict | None:
    """Collisions a year with the debris ([fleet] debris_density, one value everywhere, or the density of a
    catalog's objects at each shell's altitude, or at the orbit's within ``debris_shell``)."""
    f = sc.fleet
    if f.debris_density is None and not f.debris_catalog:
        return None
    # A flat plate's mean projected area over all directions is half its (one-sided) area: Cauchy's
    # formula, a quarter of its surface, both faces counted.
    area = (
        result.orbital.array_area_m2_per_mw + result.orbital.radiator_area_m2_per_mw
    ) * sc.compute.satellite_it_power
    cross_section = 0.5 * area / 1e6
    if f.debris_density is not None:
        bands = [(None, satellites, f.debris_density * 1e-9)]
    else:
        folder = Path(sc.path).parent if sc.path else Path.cwd()
        perigee, apogee = read_catalog(folder / f.debris_catalog)
        half = 0.5 * f.debris_shell
        if shells:
            ranges = [(s["altitude_m"][0] - half, s["altitude_m"][1] + half, s["satellites"]) for s in shells]
        else:
            ranges = [(sc.orbit.altitude - half, sc.orbit.altitude + half, satellites)]
        bands = [((low, high), n, catalog_density(perigee, apogee, low, high)) for low, high, n in ranges]
    per_year = [collision_rate(density, f.relative_speed, cross_section) * JULIAN_YEAR for _, _, density in bands]
    return {
        "source": "[fleet] debris_density" if f.debris_density is not None else f"catalog {f.debris_catalog}",
        "density_per_km3": [density * 1e9 for _, _, density in bands],
        "altitude_m": [band for band, _, _ in bands],
        "relative_speed_m_per_s": f.relative_speed,
        "cross_section_m2": cross_section,
        "per_satellite_per_year": per_year,
        "per_year": float(sum(n * rate for (_, n, _), rate in zip(bands, per_year, strict=True))),
    }


def _avoidance(sc, satellites, satellite_mass) -> dict | None:
    """The fleet's collision-avoidance manoeuvres and the propellant they burn a year (rocket equation on
    each satellite's yearly manoeuvre Δv; the satellite's mass budget carries the same Δv over its life)."""
    lc = sc.launch
    per_satellite = lc.avoidance_manoeuvres
    if per_satellite == 0.0:
        return None
    dv = per_satellite * lc.avoidance_delta_v
    burned = satellite_mass * -math.expm1(-dv / (STANDARD_GRAVITY * lc.thruster_isp))
    return {
        "manoeuvres_per_satellite_year": per_satellite,
        "manoeuvres_per_day": satellites * per_satellite / (JULIAN_YEAR / 86400.0),
        "delta_v_m_per_s_per_year": dv,
        "propellant_kg_per_year": satellites * burned,
    }


def _on_schedule(sc, result) -> dict:
    """Both sides' LCOC with the money on the real schedule: the ground's capital spent evenly over its
    build time and its compute on line at the end of it (interest during construction,
    ((1 + r)^T − 1) / (T ln(1 + r)) on the capital); a satellite paid at its launch and earning from it,
    so the orbit's levelized cost does not move with the pace of the build-out."""
    r = sc.finance.discount_rate
    years = sc.fleet.ground_build_time / JULIAN_YEAR
    factor = 1.0 if r == 0 else math.expm1(years * math.log1p(r)) / (years * math.log1p(r))
    ground = result.terrestrial
    capital = sum(v for k, v in ground.lifetime_cost_breakdown_usd_per_mw.items() if k.startswith("capex: "))
    lcoc = (
        ground.lcoc_usd_per_mwh
        * (ground.lifetime_cost_usd_per_mw + capital * (factor - 1.0))
        / (ground.lifetime_cost_usd_per_mw)
    )
    return {
        "ground_capital_factor": factor,
        "lcoc_terrestrial_usd_per_mwh": lcoc,
        "lcoc_orbital_usd_per_mwh": result.orbital.lcoc_usd_per_mwh,
        "cost_ratio": result.orbital.lcoc_usd_per_mwh / lcoc,
        "cost_ratio_per_mw": result.cost_ratio,
    }


def _ground_link(sc, p, satellites, target) -> dict:
    """The fleet's downlink against its traffic, with station contention (:func:`station_capacity`)."""
    link = p["link"]
    demand = float(p["demand_bps"]) * target / sc.compute.it_power
    base = {"band": sc.downlink.band, "demand_bps": demand, "antennas_per_station": int(sc.fleet.antennas_per_station)}
    if sc.downlink.band == "isl":
        # Each satellite has its own link to the relay constellation (always in view: no contention on the
        # satellite side); the backbone behind it carries at most [fleet] backbone_capacity when given.
        own = satellites * float(link["data_rate"])
        backbone = sc.fleet.backbone_capacity
        capacity = own if backbone is None else min(own, backbone)
        return base | {
            "stations": 0,
            "relay_link_bps": float(link["data_rate"]),
            "backbone_bps": backbone,
            "capacity_bps": capacity,
            "uncontended_bps": own,
            "capacity_to_demand": capacity / demand if demand > 0 else None,
        }
    minutes = link["station_minutes_per_day"]
    rate = float(link["data_rate"])
    capacity = station_capacity(minutes.values(), satellites, sc.fleet.antennas_per_station, rate)
    uncontended = satellites * float(link["daily_volume"]) * 8.0 / 86400.0
    return base | {
        "stations": len(minutes),
        "capacity_bps": capacity,
        "uncontended_bps": uncontended,
        "capacity_to_demand": capacity / demand if demand > 0 else None,
        "antennas_needed": antennas_needed(minutes.values(), satellites, rate, demand),
    }


def _date_after(start: str, years: float) -> str:
    """The calendar date ``years`` Julian years after the ISO date ``start`` (``start`` itself for none)."""
    from datetime import date, timedelta

    if not start:
        return ""
    if years > 2000:  # beyond any calendar worth printing
        return "never"
    return (date.fromisoformat(start) + timedelta(days=years * JULIAN_YEAR / 86400.0)).isoformat()


def _mw(watts) -> str:
    return f"{watts / 1e6:,.0f} MW" if watts >= 1e8 else f"{watts / 1e6:,.4g} MW"


def _launches_by(t, c0, growth, per_launch, production_per_year):
    """Launches flown by times ``t`` [yr] (the integral of min(C(t), P/n))."""
    t = np.asarray(t, dtype=float)
    cap = np.inf if production_per_year is None else production_per_year / per_launch
    t_cap = _time_to_cap(c0, growth, cap)
    grown = launch.launched_by(np.minimum(t, t_cap), c0, growth)
    if not np.isfinite(t_cap):
        return grown
    return grown + np.where(t > t_cap, (t - t_cap) * cap, 0.0)
