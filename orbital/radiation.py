"""Radiation by orbit and what it does to AI accelerators: dose, upsets, crashes, goodput.

Units of the field, used throughout and stated in every docstring: particle
energies in MeV, fluxes in cm⁻² s⁻¹ (per MeV for differential fluxes),
fluences in cm⁻², cross-sections in cm², doses in rad(Si) (1 rad = 0.01 Gy),
rigidities in GV. Times, lengths (shield thickness) and masses stay SI.

The chain:

1. trapped protons (AP8) and electrons (AE8) along the orbit's Earth-fixed
   track, from IRBEM (the library spacepy ships; :func:`trapped_flux`), averaged in
   :func:`trapped_environment` with the fraction of time in the South
   Atlantic Anomaly and the vertical geomagnetic cutoff along the track;
2. the dose-depth curve behind aluminium from SHIELDOSE-2 (:func:`dose_depth`),
   with galactic H and He through the geomagnetic cutoff (:func:`cosmic_rays`)
   and solar protons when a mission fluence spectrum is supplied; one solar
   event on its own with :func:`solar_event_dose`;
3. single-event rates per chip from the beam-tested accelerator catalog, by
   events per rad and by cross-section × proton flux behind the shield
   (:func:`event_rates`);
4. cluster interruptions, the optimal checkpoint interval and goodput
   (:func:`daly_checkpoint_interval`, :func:`goodput`), the total-dose
   lifetime, and the same figures on the ground from published fleet data.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import asdict, dataclass, field

import numpy as np

from .cache import cache_dir, read_entry, store_entry
from .catalogs import load, lookup
from .constants import DAY, JULIAN_YEAR
from .errors import OrbitalInputError, OrbitalWarning, check_choice, check_range
from .orbits import Orbit, teme_to_ecef
from .results import Report, Table, clock
from .transport import (
    ALUMINIUM_DENSITY,
    PROTON_MASS_MEV,
    earth_shadow_factor,
    energy_for_range,
    proton_csda_range,
    proton_energy_from_rigidity,
    proton_rigidity,
    proton_stopping_power,
)

__all__ = [
    "SOLAR_CONDITIONS",
    "GCR_SPECIES",
    "MODULATION_POTENTIAL",
    "Accelerator",
    "ClusterEffects",
    "CosmicRays",
    "DoseDepth",
    "EventRates",
    "RadiationSummary",
    "TrappedEnvironment",
    "accelerator",
    "areal_density",
    "catalog_names",
    "cluster_effects",
    "cutoff_rigidity",
    "cosmic_rays",
    "daly_checkpoint_interval",
    "differential_from_integral",
    "dose_depth",
    "earth_shadow_factor",
    "event_rates",
    "fluence_per_rad",
    "gcr_interstellar_spectrum",
    "gcr_spectrum",
    "goodput",
    "mcilwain_l",
    "replica_goodput",
    "nucleus_rigidity",
    "phase_averaged",
    "proton_csda_range",
    "proton_energy_from_rigidity",
    "proton_rigidity",
    "proton_stopping_power",
    "radiation_summary",
    "shielded_proton_flux",
    "solar_event_dose",
    "transmitted",
    "HEAVY_ION_RESPONSE",
    "LATCHUP_RESPONSE",
    "shielding_mass",
    "thickness_from_areal_density",
    "tid_lifetime",
    "trapped_environment",
    "trapped_flux",
    "workload_goodput",
]

#: Solar-cycle conditions and the (AP8, AE8) models they select. "worst" pairs
#: AP8-MIN (protons peak at solar minimum) with AE8-MAX (electrons peak at
#: maximum), the conservative choice SPENVIS users make for dose.
SOLAR_CONDITIONS = {"min": ("min", "min"), "max": ("max", "max"), "worst": ("min", "max")}

#: Energy grids inside the models' domains (AP8: 0.1-400 MeV, AE8: 0.04-7 MeV) [MeV];
#: IRBEM takes at most 25 energies per call.
PROTON_ENERGIES = np.geomspace(0.1, 395.0, 25)
ELECTRON_ENERGIES = np.geomspace(0.05, 6.5, 20)

#: A track sample counts as inside the South Atlantic Anomaly when the AP8 flux of
#: protons above 10 MeV exceeds this [cm⁻² s⁻¹] (the lowest contour SPENVIS maps show).
SAA_THRESHOLD = 1.0

#: MeV per erg-gram conversion for dose: 1 rad = 100 erg/g = 6.2415e7 MeV/g.
MEV_PER_G_PER_RAD = 6.241509074e7

#: Interruptions per GPU-day on the ground: 419 unexpected job interruptions in
#: 54 days of Llama 3 405B pre-training on 16,384 H100 GPUs (Meta, "The Llama 3
#: Herd of Models", arXiv:2407.21783, 2024, as reported by DatacenterDynamics and
#: Tom's Hardware): 30.1 % faulty GPUs, 17.2 % HBM3.
GROUND_INTERRUPTIONS_PER_CHIP_DAY = 419.0 / (54.0 * 16384.0)

# --------------------------------------------------------------------------------------
# Trapped particles (IRBEM, the library spacepy ships: orbital.irbem)
# --------------------------------------------------------------------------------------


def trapped_flux(jd_utc, position, energies, particle="p", model="min", kind="integral"):
    """Omnidirectional trapped proton (AP8) or electron (AE8) flux at Earth-fixed positions.

    Parameters
    ----------
    jd_utc : array_like
        Julian dates (UTC) [day]; IRBEM's IGRF ends in 2025 and uses 2025 after it.
    position : array_like
        Earth-fixed (ITRF) positions [m], shape ``(n, 3)``.
    energies : array_like
        Energies [MeV] (AP8: 0.1-400, AE8: 0.04-7).
    particle : {"p", "e"}
        Protons or electrons.
    model : {"min", "max"}
        Solar-minimum or solar-maximum version of the model.
    kind : {"integral", "differential"}
        Flux above each energy [cm⁻² s⁻¹] or per MeV at it [cm⁻² s⁻¹ MeV⁻¹].

    Returns
    -------
    numpy.ndarray
        Flux, shape ``(len(energies), n)``; 0 where the model has none.

    References
    ----------
    Sawyer & Vette, AP-8 (NSSDC/WDC-A-R&S 76-06, 1976); Vette, AE-8 (NSSDC/WDC-A-R&S
    91-24, 1991); IRBEM library (Boscher et al.) ``fly_in_nasa_aeap1``, as shipped in
    spacepy (Morley et al., SpacePy, 2011-), called through :mod:`orbital.irbem`.
    """
    from . import irbem

    check_choice("particle", particle, ("p", "e"))
    check_choice("model", model, ("min", "max"))
    check_choice("kind", kind, ("integral", "differential"))
    energies = np.atleast_1d(np.asarray(energies, dtype=float))
    limits = (0.1, 400.0) if particle == "p" else (0.04, 7.0)
    check_range("energy", energies, *limits, unit="MeV")
    samples = np.atleast_1d(np.asarray(jd_utc)).size
    if samples > irbem.NTIME_MAX:
        raise OrbitalInputError(f"samples = {samples} exceeds IRBEM's limit of {irbem.NTIME_MAX} positions per call")
    which_model = {("e", "min"): 1, ("e", "max"): 2, ("p", "min"): 3, ("p", "max"): 4}[(particle, model)]
    values = irbem.nasa_flux(jd_utc, position, energies, which_model, 3 if kind == "integral" else 1)
    bad = np.isclose(values, irbem.BAD_VALUE) | ~np.isfinite(values) | (values < 0)
    return np.where(bad, 0.0, values)


def mcilwain_l(jd_utc, position):
    """McIlwain L of Earth-fixed positions in the IGRF field (no external field).

    Parameters
    ----------
    jd_utc : array_like
        Julian dates (UTC) [day].
    position : array_like
        Earth-fixed positions [m], shape ``(n, 3)``.

    Returns
    -------
    numpy.ndarray
        L [Earth radii]; NaN where undefined (open or very distant field lines).

    References
    ----------
    McIlwain, J. Geophys. Res. 66, 3681 (1961); IRBEM ``make_lstar1`` (:func:`orbital.irbem.make_lstar`).
    """
    from . import irbem

    result = irbem.make_lstar(jd_utc, position, field=0)  # IGRF at the date
    lm = np.abs(result["lm"])
    return np.where((lm > 0.5) & (lm < 1e3), lm, np.nan)


def cutoff_rigidity(l_shell):
    """Vertical geomagnetic cutoff rigidity from McIlwain L, R_c = 14.5 / L² GV.

    Above L = 5 (and where L is undefined) no geomagnetic shielding is assumed.

    Parameters
    ----------
    l_shell : float or array_like
        McIlwain L [Earth radii].

    Returns
    -------
    float or numpy.ndarray
        Cutoff rigidity [GV].

    References
    ----------
    Størmer vertical cutoff with the CREME96 coefficient (Tylka et al., IEEE TNS
    44, 2150, 1997), as SPENVIS applies it ("CREME" background page).
    """
    l_shell = np.asarray(l_shell, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        rc = np.where(np.isfinite(l_shell) & (l_shell <= 5.0), 14.5 / l_shell**2, 0.0)
    return rc[()]


def differential_from_integral(energy, integral):
    """Differential spectrum from an integral one, j = -dJ/dE on a log-log interpolation.

    Energies with no flux are given a floor of 1e-30 (SHIELDOSE-2 takes logarithms).

    Parameters
    ----------
    energy : array_like
        Increasing energies [MeV].
    integral : array_like
        Flux or fluence above each energy [cm⁻² (s⁻¹)].

    Returns
    -------
    numpy.ndarray
        Differential flux or fluence [cm⁻² (s⁻¹) MeV⁻¹].
    """
    e = np.asarray(energy, dtype=float)
    j = np.nan_to_num(np.asarray(integral, dtype=float))
    out = np.full_like(e, 1e-30)
    ok = j > 0
    if ok.sum() >= 2:
        slope = np.gradient(np.log(j[ok]), np.log(e[ok]))
        out[ok] = np.clip(-slope * j[ok] / e[ok], 1e-30, None)
    return out


@dataclass(frozen=True)
class TrappedEnvironment:
    """Orbit-averaged trapped-particle spectra and geomagnetic shielding along a track.

    Attributes
    ----------
    orbit : dict
        The orbit's elements and epoch (what the cache is keyed on).
    solar : str
        Solar-cycle condition (:data:`SOLAR_CONDITIONS`).
    days, samples : float, int
        Span and number of track samples averaged.
    altitude : float
        Mean altitude [m].
    proton_energy, electron_energy : numpy.ndarray
        Energy grids [MeV].
    proton_integral, electron_integral : numpy.ndarray
        Time-mean integral fluxes above each energy [cm⁻² s⁻¹].
    saa_fraction : float
        Fraction of time with > 10 MeV proton flux above :data:`SAA_THRESHOLD`.
    cutoff : numpy.ndarray
        Vertical cutoff rigidity at every k-th track sample, at most
        :data:`CUTOFF_SAMPLES` of them [GV].
    """

    orbit: dict
    solar: str
    days: float
    samples: int
    altitude: float
    proton_energy: np.ndarray
    proton_integral: np.ndarray
    electron_energy: np.ndarray
    electron_integral: np.ndarray
    saa_fraction: float
    cutoff: np.ndarray = field(repr=False)

    def proton_flux_above(self, energy):
        """Time-mean proton flux above ``energy`` [MeV], log-log interpolated [cm⁻² s⁻¹]."""
        return _loglog_interp(energy, self.proton_energy, self.proton_integral)

    def transmission(self, energy):
        """Fraction of time protons of ``energy`` [MeV] get past the geomagnetic cutoff [-]."""
        return self.rigidity_transmission(proton_rigidity(energy))

    def rigidity_transmission(self, rigidity):
        """Fraction of track samples whose vertical cutoff lies below ``rigidity`` [GV] [-]."""
        rigidity = np.asarray(rigidity, dtype=float)
        cutoff = np.sort(self.cutoff)
        return (np.searchsorted(cutoff, rigidity, side="right") / cutoff.size)[()]

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps({k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in data.items()})

    @classmethod
    def from_json(cls, text: str) -> "TrappedEnvironment":
        """Read :meth:`to_json`'s text; raises ``ValueError`` on an entry of the wrong shape."""
        data = json.loads(text)
        for key in ("proton_energy", "proton_integral", "electron_energy", "electron_integral", "cutoff"):
            data[key] = np.asarray(data[key], dtype=float)
            if data[key].ndim != 1 or not np.all(np.isfinite(data[key])):
                raise ValueError(f"cache entry: {key} is not a 1-D array of numbers")
        if (
            data["proton_energy"].shape != PROTON_ENERGIES.shape
            or data["electron_energy"].shape != ELECTRON_ENERGIES.shape
        ):
            raise ValueError("cache entry: energy grids differ from this version's")
        for grid in ("proton", "electron"):
            if data[f"{grid}_integral"].shape != data[f"{grid}_energy"].shape:
                raise ValueError(f"cache entry: {grid} spectrum and energies differ in length")
        if data["cutoff"].size == 0:
            raise ValueError("cache entry: no cutoff samples")
        return cls(**data)


def _loglog_interp(x, xp, fp):
    x = np.asarray(x, dtype=float)
    fp = np.asarray(fp, dtype=float)
    positive = fp > 0
    if positive.sum() < 2:
        return np.zeros_like(x)[()]
    log_f = np.interp(np.log(x), np.log(xp[positive]), np.log(fp[positive]), right=-np.inf)
    return np.where(x > xp[positive][-1], 0.0, np.exp(log_f))[()]


def _orbit_key(orbit: Orbit) -> dict:
    return {
        "altitude": orbit.altitude,
        "inclination": orbit.inclination,
        "raan": orbit.raan,
        "eccentricity": orbit.eccentricity,
        "argp": orbit.argp,
        "mean_anomaly": orbit.mean_anomaly,
        "epoch": orbit.epoch.isot,
    }


#: Above this period [s] (GEO, 12-h navigation orbits) the ground track repeats, so the track is
#: followed in time instead of averaged over the Earth's orientation.
_PHASE_SAMPLING_MAX_PERIOD = 0.4 * DAY

#: Track samples the geomagnetic cutoff distribution is traced at, at most.
CUTOFF_SAMPLES = 500

#: R2 low-discrepancy sequence in two dimensions (Roberts 2018): steps 1/g and 1/g², g the plastic number.
_R2_STEPS = np.array([1.0 / 1.324717957244746, 1.0 / 1.324717957244746**2])


def phase_averaged(orbit: Orbit) -> bool:
    """Whether :func:`trapped_environment` averages this orbit over its phases (period < 0.4 day)."""
    return orbit.period <= _PHASE_SAMPLING_MAX_PERIOD


def _track_samples(orbit: Orbit, days, samples):
    """Julian dates and Earth-fixed positions [m] standing for an orbit's long-term track."""
    if not phase_averaged(orbit):  # GEO, 12-h orbits: the ground track repeats; follow it
        seconds = np.linspace(0.0, days * DAY, samples, endpoint=False)
        jd = orbit.epoch.jd + seconds / DAY
        r, _ = orbit.propagate(seconds)
        return jd, teme_to_ecef(r, jd)
    # Time along one revolution (SGP4 keeps the J2 wobble of radius and the eccentricity) and the
    # Earth's orientation under it, both spread by the R2 sequence.
    phases = (0.5 + np.arange(samples)[:, None] * _R2_STEPS) % 1.0
    seconds = phases[:, 0] * orbit.period
    jd = orbit.epoch.jd + seconds / DAY
    r, _ = orbit.propagate(seconds)
    ecef = teme_to_ecef(r, jd)
    turn = 2.0 * np.pi * phases[:, 1]
    cos_t, sin_t = np.cos(turn), np.sin(turn)
    x, y = ecef[:, 0], ecef[:, 1]
    return jd, np.column_stack((cos_t * x - sin_t * y, sin_t * x + cos_t * y, ecef[:, 2]))


#: Version of the trapped-particle track and its sampling: part of every cache key built on a
#: track (here and the composer's orbit physics), so a changed algorithm never reuses old entries.
TRACK_VERSION = 3


def trapped_environment(orbit: Orbit, days=30.0, samples=3000, solar="worst", cache=True) -> TrappedEnvironment:
    """Trapped proton and electron spectra averaged along an orbit's track, with SAA time and cutoffs.

    An orbit shorter than 0.4 day is averaged over its phases: over months the
    position along the orbit and the Earth's rotation under it sweep
    independently, so ``samples`` points of a 2-D low-discrepancy (R2)
    sequence over (time within one SGP4 revolution, Earth rotation angle)
    stand for the long-term track. Evenly spaced instants would not: where the
    spacing resonates with the period and the day they miss part of the South
    Atlantic Anomaly (-34 % in the >10 MeV flux at 475 km, 53°, for 1,500
    samples over 30 days; -100 % for 200 over 15 days at 800 km, 30°). Longer
    orbits (GEO, 12-hour orbits) repeat their ground track and are sampled at
    instants spread evenly over ``days``. Results are cached on disk
    (``$ORBITAL_CACHE_DIR``, default ``~/.cache/orbital``) keyed on the orbit,
    the sampling and the models, and written atomically.

    Parameters
    ----------
    orbit : Orbit
        The orbit (altitude up to 500,000 km; below 150 km is refused by Orbit).
    days : float
        Span sampled for orbits of 0.4 day or longer [day] (30, SPENVIS's
        "representative trajectory", by default); shorter ones are phase-averaged.
    samples : int
        Track samples (at most 100,000, IRBEM's limit).
    solar : {"min", "max", "worst"}
        Solar-cycle condition.
    cache : bool
        Read and write the disk cache.

    Returns
    -------
    TrappedEnvironment
    """
    check_choice("solar", solar, tuple(SOLAR_CONDITIONS))
    days = float(check_range("days", days, 0.0, 3650.0, unit="day", low_open=True))
    samples = int(check_range("samples", samples, 100, 100_000))
    key = {
        "orbit": _orbit_key(orbit),
        "days": days,
        "samples": samples,
        "solar": solar,
        "models": "AP8/AE8 IRBEM-20220829, IGRF L, CREME96 cutoff",
        "sampling": "R2 over revolution x Earth rotation below 0.4 day, else even instants",
        "version": TRACK_VERSION,
    }
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    path = cache_dir() / f"trapped-{digest}.json"
    if cache:
        env = read_entry(path, TrappedEnvironment.from_json)  # None when missing or damaged: recomputed
        if env is not None:
            return env
    jd, ecef = _track_samples(orbit, days, samples)
    proton_model, electron_model = SOLAR_CONDITIONS[solar]
    protons = trapped_flux(jd, ecef, PROTON_ENERGIES, "p", proton_model)
    electrons = trapped_flux(jd, ecef, ELECTRON_ENERGIES, "e", electron_model)
    above_10 = _loglog_rows(10.0, PROTON_ENERGIES, protons)
    # The cutoff only enters as a distribution over the track (GCR transmission): 500 samples
    # resolve it to 0.2 % and spare IRBEM's field-line tracing, a third of its time at 1,500.
    stride = -(-samples // CUTOFF_SAMPLES)
    env = TrappedEnvironment(
        orbit=key["orbit"],
        solar=solar,
        days=days,
        samples=samples,
        altitude=float(orbit.altitude),
        proton_energy=PROTON_ENERGIES.copy(),
        proton_integral=protons.mean(axis=1),
        electron_energy=ELECTRON_ENERGIES.copy(),
        electron_integral=electrons.mean(axis=1),
        saa_fraction=float(np.mean(above_10 > SAA_THRESHOLD)),
        cutoff=np.asarray(cutoff_rigidity(mcilwain_l(jd[::stride], ecef[::stride])), dtype=float),
    )
    if cache:
        store_entry(path, env.to_json())
    return env


def _loglog_rows(x, xp, rows):
    """Each column of ``rows`` (energies × samples) interpolated at energy ``x`` on log-log axes."""
    i = np.searchsorted(xp, x) - 1
    x0, x1 = np.log(xp[i]), np.log(xp[i + 1])
    lo, hi = rows[i], rows[i + 1]
    both = (lo > 0) & (hi > 0)
    w = (np.log(x) - x0) / (x1 - x0)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.exp((1 - w) * np.log(np.where(both, lo, 1.0)) + w * np.log(np.where(both, hi, 1.0)))
    return np.where(both, value, 0.0)


# --------------------------------------------------------------------------------------
# Shielding and dose
# --------------------------------------------------------------------------------------


def areal_density(thickness):
    """Areal density of an aluminium shield, ρ t [kg m⁻²] (1 mm Al = 2.70 kg/m² = 0.270 g/cm²).

    Parameters
    ----------
    thickness : float or array_like
        Aluminium thickness [m], ≥ 0.
    """
    t = check_range("shielding", thickness, 0.0, 1.0, unit="mm", scale=1e-3)
    return (ALUMINIUM_DENSITY * t)[()]


def thickness_from_areal_density(density):
    """Aluminium thickness [m] of an areal density [kg m⁻²]."""
    d = check_range("areal density", density, 0.0, np.inf, unit="kg/m2")
    return (d / ALUMINIUM_DENSITY)[()]


def shielding_mass(thickness, area):
    """Mass of an aluminium enclosure wall [kg]: areal density × enclosed surface area.

    Parameters
    ----------
    thickness : float or array_like
        Wall thickness [m].
    area : float or array_like
        Surface area of the enclosure [m²].
    """
    a = check_range("enclosure area", area, 0.0, np.inf, unit="m2")
    return (areal_density(thickness) * a)[()]


def _fine_spectrum(energy, integral, points=299):
    """Differential spectrum on a fine log grid: SHIELDOSE-2 interpolates its input linearly,
    so a coarse model grid makes the dose ripple with depth; 299 points (its limit is 301)
    resolve the range-energy mapping."""
    energy = np.asarray(energy, dtype=float)
    integral = np.asarray(integral, dtype=float)
    positive = integral > 0
    top = energy[positive][-1] if positive.any() else energy[-1]
    fine = np.geomspace(energy[0], top, points)
    return differential_from_integral(fine, _loglog_interp(fine, energy, integral)), fine


@dataclass(frozen=True)
class DoseDepth:
    """Dose per year behind aluminium at the centre of a solid sphere, in silicon [rad(Si) yr⁻¹].

    Attributes
    ----------
    thickness : numpy.ndarray
        Shield thicknesses [m].
    trapped_proton, electron, bremsstrahlung : numpy.ndarray
        Trapped-belt contributions from SHIELDOSE-2 [rad(Si) yr⁻¹].
    cosmic_ray : numpy.ndarray
        Galactic H and He (:func:`cosmic_rays`) [rad(Si) yr⁻¹].
    solar_proton : numpy.ndarray
        Solar protons, zero unless a mission fluence was given [rad(Si) yr⁻¹].
    total : numpy.ndarray
        Their sum [rad(Si) yr⁻¹].
    solar_included : bool
        Whether a solar-proton fluence was part of the calculation.
    """

    thickness: np.ndarray
    trapped_proton: np.ndarray
    electron: np.ndarray
    bremsstrahlung: np.ndarray
    cosmic_ray: np.ndarray
    solar_proton: np.ndarray
    total: np.ndarray
    solar_included: bool


#: The depths SHIELDOSE-2 is always run on [m]: 70 (its limit is 71), 0.01-50 mm.
_SHIELDOSE_DEPTHS = np.geomspace(1e-5, 0.05, 70)


def _shieldose(thickness, electron=None, trapped=None, untrapped=None):
    """Sphere-centre doses [rad(Si)] from SHIELDOSE-2 for integral spectra ``(energy, fluence above)``.

    SHIELDOSE-2 reports half the sphere-centre dose (its slab and sphere columns
    share a 2π normalisation), so the sphere column is doubled to give the 4π
    dose SPENVIS reports. Returns the trapped-proton, electron,
    bremsstrahlung and untrapped-proton doses.
    """
    from . import irbem

    # SHIELDOSE-2's results depend on the depth list it is given (zeros for two depths,
    # several % shifts between sparse lists): always run it on one fixed dense grid and
    # interpolate the curves, piecewise linear in log-log (monotone), to the depths asked for.
    # Both proton channels on one grid, from 0.1 MeV to the highest energy either spectrum has flux at.
    tops = [
        np.asarray(spectrum[0])[np.asarray(spectrum[1]) > 0].max()
        for spectrum in (trapped, untrapped)
        if spectrum is not None and np.any(np.asarray(spectrum[1]) > 0)
    ]
    grid = np.geomspace(0.1, max(tops, default=1e3), 299)

    def protons(spectrum):
        if spectrum is None:
            return grid, np.full(grid.size, 1e-30)
        return grid, differential_from_integral(grid, _loglog_interp(grid, *map(np.asarray, spectrum)))

    if electron is not None:
        flux, energy = _fine_spectrum(*electron)
        electrons = energy, flux
    else:  # none: a negligible spectrum (SHIELDOSE-2 transports each species on its own)
        electrons = np.geomspace(0.04, 10.0, 30), np.full(30, 1e-30)
    doses = irbem.shieldose2(_SHIELDOSE_DEPTHS * 1e3, electrons, protons(trapped), protons(untrapped))
    sphere = 2  # SHIELDOSE-2 geometry columns: semi-infinite slab, finite slab, sphere centre (½ dose)

    log_depth = np.log(np.asarray(thickness, dtype=float))

    def column(name):
        dose = 2.0 * np.nan_to_num(doses[name][:, sphere])
        log_dose = np.interp(log_depth, np.log(_SHIELDOSE_DEPTHS), np.log(np.maximum(dose, 1e-30)))
        return np.where(log_dose > np.log(1e-29), np.exp(log_dose), 0.0)

    return tuple(column(name) for name in ("proton_trapped", "electron", "bremsstrahlung", "proton_untrapped"))


def _check_depths(thickness):
    t = np.atleast_1d(check_range("shielding", thickness, 1e-5, 0.05, unit="mm", scale=1e-3))
    # SHIELDOSE-2 itself always runs on its fixed grid (_shieldose), so any number of depths may be asked for.
    if np.any(np.diff(t) <= 0):
        raise OrbitalInputError("thickness must be increasing")
    return t


def transmitted(environment, spectrum, name="solar spectrum"):
    """A solar-particle integral spectrum ``(energy, fluence)`` at 1 AU cut by the orbit's
    geomagnetic cutoff and the Earth's shadow."""
    energy, fluence = (np.atleast_1d(np.asarray(x, dtype=float)) for x in spectrum)
    check_range(f"{name} energy", energy, 0.1, 1e4, unit="MeV")
    check_range(f"{name} fluence", fluence, 0.0, np.inf, unit="cm^-2")
    if energy.size < 2 or energy.size != fluence.size or np.any(np.diff(energy) <= 0):
        raise OrbitalInputError(f"{name}: give at least two increasing energies with one fluence each")
    if np.any(np.diff(fluence) > 0):
        raise OrbitalInputError(f"{name}: an integral fluence cannot grow with energy")
    return energy, fluence * environment.transmission(energy) * earth_shadow_factor(environment.altitude)


def dose_depth(
    environment: TrappedEnvironment, thickness, solar_proton_fluence=None, modulation_potential=None
) -> DoseDepth:
    """Dose-depth curve behind aluminium spheres: SHIELDOSE-2 for the belts and solar protons, plus GCR.

    The orbit-mean trapped spectra over one Julian year are transported
    through solid aluminium spheres with SHIELDOSE-2 (silicon detector, dose at
    the centre from all directions, as SPENVIS reports it); galactic H and He
    come from :func:`cosmic_rays`.

    Parameters
    ----------
    environment : TrappedEnvironment
        Orbit-mean trapped spectra.
    thickness : array_like
        Aluminium thicknesses [m], increasing, 0.01-50 mm.
    solar_proton_fluence : tuple of array_like, optional
        ``(energy [MeV], integral fluence per year above it at 1 AU [cm⁻² yr⁻¹])``
        from a solar proton model (ESP, JPL, ...), cut by the orbit's geomagnetic
        transmission and the Earth's shadow before transport. Without it the
        solar contribution is zero and ``solar_included`` is False.
    modulation_potential : float, optional
        GCR modulation φ [MV] (default by solar condition).

    Returns
    -------
    DoseDepth

    References
    ----------
    Seltzer, SHIELDOSE-2, NISTIR 5477 (1994), IRBEM's ``shieldose2`` (:func:`orbital.irbem.shieldose2`);
    NASA-HDBK-4002 (dose-depth practice).
    """
    t = _check_depths(thickness)
    solar_included = solar_proton_fluence is not None
    untrapped = transmitted(environment, solar_proton_fluence, "solar proton") if solar_included else None
    trapped, electron, brems, solar = _shieldose(
        t,
        electron=(environment.electron_energy, environment.electron_integral * JULIAN_YEAR),
        trapped=(environment.proton_energy, environment.proton_integral * JULIAN_YEAR),
        untrapped=untrapped,
    )
    solar = solar if solar_included else np.zeros_like(t)
    galactic = cosmic_rays(environment, t, modulation_potential).dose
    return DoseDepth(
        thickness=t,
        trapped_proton=trapped,
        electron=electron,
        bremsstrahlung=brems,
        cosmic_ray=galactic,
        solar_proton=solar,
        total=trapped + electron + brems + galactic + solar,
        solar_included=solar_included,
    )


def solar_event_dose(environment: TrappedEnvironment, thickness, event_fluence):
    """Dose behind aluminium from one solar particle event (e.g. CREME96's worst week) on an orbit.

    Parameters
    ----------
    environment : TrappedEnvironment
        The orbit's track (geomagnetic cutoffs, altitude).
    thickness : array_like
        Aluminium thicknesses [m], increasing.
    event_fluence : tuple of array_like
        ``(energy [MeV], integral fluence of the event above it at 1 AU [cm⁻²])``.

    Returns
    -------
    numpy.ndarray
        Dose at the centre of each sphere [rad(Si)] from the event alone.

    References
    ----------
    SHIELDOSE-2 (Seltzer 1994); geomagnetic transmission and Earth shadow as in
    CREME96 (Tylka et al. 1997).
    """
    t = _check_depths(thickness)
    return _shieldose(t, untrapped=transmitted(environment, event_fluence, "solar event"))[3]


#: CREME96's worst day of solar protons (the October 1989 event), integral intensity above each energy at
#: 1 AU [m⁻² sr⁻¹ s⁻¹] (Tylka et al., IEEE Trans. Nucl. Sci. 44, 2150, 1997; CREME96 output as published
#: with the public course repository tdloveless/me-radfx, P3A-Solar-particle-fluxes.html). Status: published.
WORST_DAY_PROTONS = (
    np.array([1.0, 10.0, 28.0, 32.0, 50.0, 100.0, 200.0, 500.0]),
    np.array([7.107e8, 1.134e8, 2.393e7, 1.870e7, 7.549e6, 1.450e6, 2.284e5, 1.498e4]),
)

#: Years of high solar activity (ECSS-E-ST-10-04C: the 7 years from 2.5 before to 4.5 after a maximum),
#: from the maximum of cycle 25 (~2024.8: NASA/NOAA Solar Cycle Prediction Panel, October 2024;
#: secondary) repeating every 11 years.
SOLAR_MAXIMUM_YEAR = 2024.8
SOLAR_CYCLE_YEARS = 11.0


def solar_maximum_years(start_year, years):
    """Years of high solar activity in a mission from ``start_year`` lasting ``years``, counted the ECSS way:
    the overlap with the 7-year active windows [max − 2.5, max + 4.5], and a mission that touches one for
    less than a year counts one (ECSS-E-ST-10-04C 9.2.2.2b; SPENVIS does the same)."""
    start = float(check_range("mission start", start_year, 1950.0, 2200.0))
    span = float(check_range("mission length", years, 0.0, 100.0, unit="yr", low_open=True))
    first = SOLAR_MAXIMUM_YEAR + SOLAR_CYCLE_YEARS * np.floor((start - SOLAR_MAXIMUM_YEAR - 4.5) / SOLAR_CYCLE_YEARS)
    maxima = first + SOLAR_CYCLE_YEARS * np.arange(int(span / SOLAR_CYCLE_YEARS) + 3)
    low, high = np.maximum(maxima - 2.5, start), np.minimum(maxima + 4.5, start + span)
    active = float(np.sum(np.maximum(high - low, 0.0)))
    active = round(active, 9)  # whole windows add up to whole years, not 6.999999999
    return 0.0 if active == 0.0 else max(active, 1.0)


def _fluence_above(energy, integral, threshold) -> float:
    """An integral spectrum at ``threshold`` [MeV], log-log between its points, its end values beyond them."""
    log_f = np.log(np.maximum(integral, 1e-300))
    return float(np.exp(np.interp(np.log(threshold), np.log(energy), log_f)))


def worst_day(environment: TrappedEnvironment, thickness, spectrum=WORST_DAY_PROTONS) -> dict:
    """A day of the worst solar proton event (CREME96's worst day) on an orbit: the fluence above 10 and
    100 MeV at the satellite (through the geomagnetic cutoff along the track and the Earth's shadow, no
    shield), the protons above 10 MeV and the dose behind ``thickness`` of aluminium.

    Parameters
    ----------
    environment : TrappedEnvironment
    thickness : float
        Aluminium [m].
    spectrum : tuple
        ``(energy [MeV], integral intensity at 1 AU [m⁻² sr⁻¹ s⁻¹])`` held for a day.

    Returns
    -------
    dict
        ``fluence_gt10mev_cm2``, ``fluence_gt100mev_cm2`` (at the satellite), ``proton_fluence_behind_shield_cm2``
        (above 10 MeV inside), ``dose_rad_si``.
    """
    energy, intensity = spectrum
    day_fluence = np.asarray(intensity, dtype=float) * 4.0 * np.pi * DAY * 1e-4  # cm⁻² over the day
    at_1au = (np.asarray(energy, dtype=float), day_fluence)
    e, local = transmitted(environment, at_1au, "worst day")
    grams = ALUMINIUM_DENSITY * float(thickness) * 0.1
    entry = float(energy_for_range(proton_csda_range(10.0) + grams))
    return {
        "fluence_gt10mev_cm2": _fluence_above(e, local, 10.0),
        "fluence_gt100mev_cm2": _fluence_above(e, local, 100.0),
        "proton_fluence_behind_shield_cm2": _fluence_above(e, local, min(entry, float(e[-1]))),
        "dose_rad_si": float(solar_event_dose(environment, [float(thickness)], at_1au)[0]),
    }


#: JEDEC JESD89A (2006) reference: neutrons above 10 MeV at sea level in New York City, ~13 cm⁻² h⁻¹
#: (Gordon et al., IEEE Trans. Nucl. Sci. 51, 3427, 2004) [cm⁻² s⁻¹]. Status: published.
GROUND_NEUTRON_FLUX_NYC = 13.0 / 3600.0

#: Attenuation length of the atmospheric neutron flux [g cm⁻²] and sea-level depth [g cm⁻²], JESD89A
#: annex A: F(d) = F_NYC exp((1033 − d) / 131.3).
NEUTRON_ATTENUATION_LENGTH = 131.3
SEA_LEVEL_DEPTH = 1033.0


def ground_neutron_flux(altitude=0.0):
    """Neutrons above 10 MeV at a ground site [cm⁻² s⁻¹]: JESD89A's New York City reference scaled to the
    site's atmospheric depth, d = 1033 (1 − 2.25577e-5 h)^5.25588 g cm⁻² (ISA barometric formula, h [m]),
    F = F_NYC exp((1033 − d)/131.3). Denver (1,609 m) comes out at ~4x sea level, the figure usually
    quoted. The geomagnetic latitude's effect (NYC's cutoff taken everywhere) is not modelled.

    Parameters
    ----------
    altitude : float or array_like
        Site altitude [m], -500 to 11,000 (the troposphere).
    """
    h = check_range("ground site altitude", altitude, -500.0, 11000.0, unit="m")
    depth = SEA_LEVEL_DEPTH * (1.0 - 2.25577e-5 * h) ** 5.25588
    return (GROUND_NEUTRON_FLUX_NYC * np.exp((SEA_LEVEL_DEPTH - depth) / NEUTRON_ATTENUATION_LENGTH))[()]


# --------------------------------------------------------------------------------------
# Proton stopping and the flux behind a shield
# --------------------------------------------------------------------------------------


def shielded_proton_flux(environment: TrappedEnvironment, thickness, threshold_energy=10.0):
    """Trapped proton flux that still carries ``threshold_energy`` after crossing a shield.

    A proton that leaves the shield above E_th entered above E_in, where
    R(E_in) = R(E_th) + ρ t in the continuous-slowing-down, straight-ahead
    approximation; the flux behind the shield above E_th is the free-space flux
    above E_in.

    Parameters
    ----------
    environment : TrappedEnvironment
        Orbit-mean trapped spectra.
    thickness : float or array_like
        Aluminium thickness [m].
    threshold_energy : float
        Proton energy needed inside to cause the effect [MeV], ≥ 1.

    Returns
    -------
    float or numpy.ndarray
        Flux [cm⁻² s⁻¹].

    References
    ----------
    CSDA shielding approximation (e.g. NASA-HDBK-4002, SPENVIS CREME background).
    """
    t = check_range("shielding", thickness, 0.0, 1.0, unit="mm", scale=1e-3)
    e_th = check_range("threshold energy", threshold_energy, 1.0, 400.0, unit="MeV")
    grams = ALUMINIUM_DENSITY * t * 0.1  # kg/m² -> g/cm²
    entry = energy_for_range(proton_csda_range(e_th) + grams)
    return environment.proton_flux_above(np.minimum(entry, PROTON_ENERGIES[-1] * 1.0))


def fluence_per_rad(energy, material="silicon"):
    """Proton fluence that deposits 1 rad in a thin layer, 1 / (S × 1.602e-8) [cm⁻² rad⁻¹].

    Links a beam test's events per rad to its cross-section: σ = (events/rad) /
    (fluence/rad). At 67 MeV in silicon, 7.9e6 cm⁻² per rad(Si) (Bethe formula).

    Parameters
    ----------
    energy : float or array_like
        Beam energy [MeV].
    material : str
        Target.
    """
    return (MEV_PER_G_PER_RAD / proton_stopping_power(energy, material))[()]


# --------------------------------------------------------------------------------------
# Galactic cosmic rays
# --------------------------------------------------------------------------------------

#: GCR species modelled: charge Z, mass number A and abundance relative to
#: protons at equal energy per nucleon in the local interstellar medium. H/He =
#: 12.2 ± 0.9 (Voyager 1 beyond the heliopause, 3-346 MeV/nucleon; Cummings et
#: al., ApJ 831, 18, 2016), assumed at all energies. Heavier ions are not
#: modelled (no elemental spectra could be verified offline), so GCR dose is a
#: lower bound.
GCR_SPECIES = {"H": (1, 1, 1.0), "He": (2, 4, 1.0 / 12.2)}

#: Heliospheric modulation potential φ of the force-field model by solar
#: condition [MV]. Representative round values inside the range of the monthly
#: reconstruction of Usoskin et al. (J. Geophys. Res. 116, A02104, 2011), made
#: with the same local interstellar spectrum; the exact values of a given epoch
#: were not available offline, so pass ``modulation_potential`` for one. "worst"
#: (the dose case) takes solar minimum, when cosmic rays peak.
MODULATION_POTENTIAL = {"min": 400.0, "max": 1200.0, "worst": 400.0}

#: Energy-per-nucleon grid for cosmic-ray integrals [MeV/nucleon].
GCR_ENERGIES = np.geomspace(1.0, 1e5, 400)


def gcr_interstellar_spectrum(energy, species="H"):
    """Local interstellar spectrum of cosmic-ray nuclei, differential in energy per nucleon.

    J_LIS = 1.9e4 P^-2.78 / (1 + 0.4866 P^-2.51) [m⁻² sr⁻¹ s⁻¹ (GeV/n)⁻¹], with
    P = √(T (T + 2 m_p c²)) in GV and T in GeV/nucleon (Burger et al. 2000 as
    given by Usoskin et al. 2005, eq. 2), scaled by the species' abundance.

    Parameters
    ----------
    energy : float or array_like
        Kinetic energy per nucleon [MeV/nucleon], > 0.
    species : {"H", "He"}
        Nucleus.

    Returns
    -------
    float or numpy.ndarray
        Intensity [cm⁻² sr⁻¹ s⁻¹ (MeV/n)⁻¹].

    References
    ----------
    Burger, Potgieter & Heber, J. Geophys. Res. 105, 27447 (2000); Usoskin et al.,
    J. Geophys. Res. 110, A12108 (2005); Cummings et al., ApJ 831, 18 (2016).
    """
    check_choice("species", species, tuple(GCR_SPECIES))
    t = check_range("energy per nucleon", energy, 0.0, 1e7, unit="MeV", low_open=True) / 1e3
    p = np.sqrt(t * (t + 2.0 * PROTON_MASS_MEV / 1e3))
    per_m2_gev = 1.9e4 * p**-2.78 / (1.0 + 0.4866 * p**-2.51)
    return (per_m2_gev * 1e-7 * GCR_SPECIES[species][2])[()]  # m⁻² GeV⁻¹ -> cm⁻² MeV⁻¹


def gcr_spectrum(energy, modulation_potential=MODULATION_POTENTIAL["min"], species="H"):
    """Cosmic-ray intensity near Earth (outside the magnetosphere) in the force-field model.

    J(T) = J_LIS(T + Φ) T (T + 2 m c²) / ((T + Φ)(T + Φ + 2 m c²)), Φ = (Z/A) φ,
    with T the energy per nucleon and m the nucleon mass.

    Parameters
    ----------
    energy : float or array_like
        Kinetic energy per nucleon [MeV/nucleon].
    modulation_potential : float
        φ [MV], 0-3000 (≈ 300-1500 over a solar cycle).
    species : {"H", "He"}
        Nucleus.

    Returns
    -------
    float or numpy.ndarray
        Intensity [cm⁻² sr⁻¹ s⁻¹ (MeV/n)⁻¹].

    References
    ----------
    Gleeson & Axford, ApJ 154, 1011 (1968); Usoskin et al., J. Geophys. Res. 110,
    A12108 (2005).
    """
    check_choice("species", species, tuple(GCR_SPECIES))
    phi = float(check_range("modulation potential", modulation_potential, 0.0, 3000.0, unit="MV"))
    t = check_range("energy per nucleon", energy, 0.0, 1e6, unit="MeV", low_open=True)
    z, a, _ = GCR_SPECIES[species]
    shift = z / a * phi
    m = PROTON_MASS_MEV
    factor = t * (t + 2.0 * m) / ((t + shift) * (t + shift + 2.0 * m))
    return (gcr_interstellar_spectrum(t + shift, species) * factor)[()]


def nucleus_rigidity(energy, species="H"):
    """Rigidity of a nucleus with kinetic energy per nucleon ``energy`` [MeV/n], (A/Z) p/nucleon [GV]."""
    z, a, _ = GCR_SPECIES[species]
    return (a / z * proton_rigidity(energy))[()]


@dataclass(frozen=True)
class CosmicRays:
    """Galactic cosmic rays on an orbit behind a shield: dose and the proton flux that upsets chips.

    Attributes
    ----------
    modulation_potential : float
        φ used [MV].
    thickness : numpy.ndarray
        Aluminium thicknesses [m].
    dose : numpy.ndarray
        Dose rate from H and He at the centre of a sphere of each thickness [rad(Si) yr⁻¹].
    dose_free_space : float
        Unshielded dose rate outside the magnetosphere, for scale [rad(Si) yr⁻¹].
    proton_flux : numpy.ndarray
        Omnidirectional proton flux still above the threshold energy behind each
        thickness, after geomagnetic cutoff and Earth shadow [cm⁻² s⁻¹].
    transmission : float
        Fraction of the free-space proton flux above 10 MeV that reaches the orbit [-].
    """

    modulation_potential: float
    thickness: np.ndarray
    dose: np.ndarray
    dose_free_space: float
    proton_flux: np.ndarray
    transmission: float


def _exit_energy(energy, grams):
    """Energy per nucleon left after ``grams`` [g cm⁻²] of aluminium (CSDA, straight ahead); 0 if stopped.
    H and He share it: the range at equal velocity scales as A/Z², which is 1 for both."""
    residual = proton_csda_range(energy) - grams
    return np.where(residual > 0, energy_for_range(np.maximum(residual, 0.0)), 0.0)


def cosmic_rays(
    environment: TrappedEnvironment, thickness, modulation_potential=None, threshold_energy=10.0
) -> CosmicRays:
    """Cosmic-ray dose and proton flux behind aluminium on an orbit.

    Each species' force-field spectrum is cut by the geomagnetic cutoff along
    the track (:meth:`TrappedEnvironment.rigidity_transmission`) and by the
    Earth's shadow, slowed through the shield in the straight-ahead CSDA
    approximation (the path to the centre of a sphere is its radius), and its
    dose in silicon is ∫ 4π J Z² S_p(E_exit) dE. Nuclear interactions are
    neglected (≤ 5 g cm⁻² of Al is a few % of a nuclear interaction length).

    Parameters
    ----------
    environment : TrappedEnvironment
        The orbit's track (cutoffs, altitude, solar condition).
    thickness : float or array_like
        Aluminium thicknesses [m].
    modulation_potential : float, optional
        φ [MV] (default: :data:`MODULATION_POTENTIAL` of the environment's solar condition).
    threshold_energy : float
        Proton energy inside the shield counted in ``proton_flux`` [MeV].

    Returns
    -------
    CosmicRays

    References
    ----------
    Force field (Gleeson & Axford 1968) with the Usoskin et al. (2005) LIS;
    Størmer cutoff and Earth shadow as in CREME96 (Tylka et al. 1997).
    """
    phi = MODULATION_POTENTIAL[environment.solar] if modulation_potential is None else modulation_potential
    t = np.atleast_1d(check_range("shielding", thickness, 0.0, 1.0, unit="mm", scale=1e-3))
    e_th = float(check_range("threshold energy", threshold_energy, 1.0, 400.0, unit="MeV"))
    grams = ALUMINIUM_DENSITY * t * 0.1  # kg/m² -> g/cm²
    energy = GCR_ENERGIES
    shadow = earth_shadow_factor(environment.altitude)
    log_e = np.log(energy)
    dose = np.zeros_like(t)
    free = 0.0
    proton_flux = np.zeros_like(t)
    exit_energy = _exit_energy(energy[None, :], grams[:, None])  # depth x energy, the same for H and He
    for species, (z, _, _) in GCR_SPECIES.items():  # two species; the energy and depth axes are vectorized
        omni = 4.0 * np.pi * gcr_spectrum(energy, phi, species)  # cm⁻² s⁻¹ (MeV/n)⁻¹
        local = omni * environment.rigidity_transmission(nucleus_rigidity(energy, species)) * shadow
        stopping = np.where(exit_energy > 0, z**2 * proton_stopping_power(np.maximum(exit_energy, 1.0), "silicon"), 0.0)
        dose += np.trapezoid(local * stopping * energy, log_e, axis=-1)
        free += np.trapezoid(omni * z**2 * proton_stopping_power(energy, "silicon") * energy, log_e)
        if species == "H":
            proton_flux = np.trapezoid(np.where(exit_energy >= e_th, local, 0.0) * energy, log_e, axis=-1)
            above = energy >= 10.0
            transmission = np.trapezoid((local * energy)[above], log_e[above]) / np.trapezoid(
                (omni * energy)[above], log_e[above]
            )
    per_year = JULIAN_YEAR / MEV_PER_G_PER_RAD
    return CosmicRays(
        modulation_potential=float(phi),
        thickness=t,
        dose=dose * per_year,
        dose_free_space=float(free * per_year),
        proton_flux=proton_flux,
        transmission=float(transmission),
    )


# --------------------------------------------------------------------------------------
# Accelerators and cluster consequences
# --------------------------------------------------------------------------------------


def _accelerators():
    return load("accelerators.toml")


@dataclass(frozen=True)
class Accelerator:
    """An accelerator's radiation response per chip (catalog ``orbital/data/accelerators.toml``).

    Cross-sections [cm²], events per rad(Si) [rad⁻¹], dose limits [rad(Si)],
    beam energy of the test [MeV].
    """

    name: str
    description: str
    beam_energy: float
    sdc_cross_section: float
    sdc_per_rad: float
    ue_cross_section: float
    ue_per_rad: float
    sefi_cross_section: float
    sefi_per_rad: float
    host_crash_per_rad: float
    tid_limit: float
    tid_no_hard_failure: float
    status: str
    sources: tuple = field(default=(), compare=False)
    heavy_ion: dict = field(default_factory=dict, compare=False)
    latchup: dict = field(default_factory=dict, compare=False)

    def heavy_ion_curve(self, effect="interrupt"):
        """The chip's heavy-ion Weibull in LET for ``effect``: "interrupt" (uncorrectable errors, SEFIs and host
        crashes: what stops a job) or "sdc" (silent corruption), per chip (:data:`HEAVY_ION_RESPONSE`)."""
        from .heavy_ions import Weibull

        h = self.heavy_ion
        return Weibull(h["onset_let"], h["width"], h["shape"], h[f"{effect}_saturation_cm2"], f"{self.name} heavy-ion")

    def latchup_curve(self):
        """The chip's single-event latch-up Weibull in LET (:data:`LATCHUP_RESPONSE`)."""
        from .heavy_ions import Weibull

        x = self.latchup
        return Weibull(x["onset_let"], x["width"], x["shape"], x["saturation_cm2"], f"{self.name} latch-up")


#: The heavy-ion response of a chip with no heavy-ion beam data (none exists for any AI accelerator):
#: a Weibull in LET with the onset, width and shape typical of deep-submicron CMOS SRAM and logic
#: (thresholds below 1 MeV cm² mg⁻¹), over a 1 µm deep sensitive volume (CREME96's worked example), and a
#: saturation ``proton_ratio`` times the chip's own proton cross-section for the same effects: a proton
#: upsets only through a nuclear reaction in the few µm of silicon around a node, ~(2 µm × 2.33 g cm⁻³) /
#: ~100 g cm⁻² ≈ 5e-6 of the time, so heavy-ion cross-sections run ~1e5 times the proton ones.
#: Status: assumed. A catalog entry's ``heavy_ion_*`` fields replace any of these.
HEAVY_ION_RESPONSE = {"onset_let": 0.5, "width": 20.0, "shape": 1.5, "depth_um": 1.0, "proton_ratio": 1e5}

#: Single-event latch-up with no beam data: FinFET CMOS rarely latches, so a late onset (15 MeV cm² mg⁻¹)
#: and a small saturation (1e-6 cm² per chip) over a 2 µm deep volume. Status: assumed; a latch-up is
#: counted as a permanent loss of the chip. ``latchup_*`` fields in a catalog entry replace these.
LATCHUP_RESPONSE = {"onset_let": 15.0, "width": 30.0, "shape": 2.0, "saturation_cm2": 1e-6, "depth_um": 2.0}


def accelerator(name="tpu-v6e") -> Accelerator:
    """The catalog entry ``name`` (raises, listing the known accelerators, if unknown)."""
    e = lookup("accelerator", name, _accelerators())
    return Accelerator(
        name=name,
        description=e["description"],
        beam_energy=e["beam_energy_mev"],
        sdc_cross_section=e["sdc_cross_section_cm2"],
        sdc_per_rad=e["sdc_per_rad"],
        ue_cross_section=e["ue_cross_section_cm2"],
        ue_per_rad=e["ue_per_rad"],
        sefi_cross_section=e["sefi_cross_section_cm2"],
        sefi_per_rad=e["sefi_per_rad"],
        host_crash_per_rad=e["host_crash_per_rad"],
        tid_limit=e["tid_limit_rad"],
        tid_no_hard_failure=e["tid_no_hard_failure_rad"],
        status=e["status"],
        sources=tuple(e["sources"]),
        heavy_ion=_heavy_ion_response(e),
        latchup={k: e.get(f"latchup_{k}", v) for k, v in LATCHUP_RESPONSE.items()}
        | {"status": "given" if any(k.startswith("latchup_") for k in e) else "assumed"},
    )


def _heavy_ion_response(e: dict) -> dict:
    """The entry's heavy-ion Weibull (its own ``heavy_ion_*`` fields, else :data:`HEAVY_ION_RESPONSE`)."""
    h = {k: e.get(f"heavy_ion_{k}", v) for k, v in HEAVY_ION_RESPONSE.items()}
    crash = e["host_crash_per_rad"] / fluence_per_rad(e["beam_energy_mev"])
    interrupt = e["ue_cross_section_cm2"] + e["sefi_cross_section_cm2"] + crash
    return h | {
        "interrupt_saturation_cm2": e.get("heavy_ion_interrupt_saturation_cm2", h["proton_ratio"] * interrupt),
        "sdc_saturation_cm2": e.get("heavy_ion_sdc_saturation_cm2", h["proton_ratio"] * e["sdc_cross_section_cm2"]),
        "status": "given" if any(k.startswith("heavy_ion_") for k in e) else "assumed",
    }


def catalog_names() -> list[str]:
    """Names in the accelerator catalog."""
    return sorted(_accelerators())


@dataclass(frozen=True)
class EventRates:
    """Single-event rates per chip [s⁻¹], by events-per-rad and by cross-section × flux.

    ``*_dose`` use the dose rate (all particles); ``*_flux`` use the proton flux
    behind the shield above the threshold energy. Host crashes have no published
    cross-section; theirs is derived from events per rad at the beam energy.
    """

    sdc_dose: object
    ue_dose: object
    sefi_dose: object
    crash_dose: object
    sdc_flux: object
    ue_flux: object
    sefi_flux: object
    crash_flux: object


def event_rates(chip: Accelerator, dose_rate, proton_flux) -> EventRates:
    """Silent data corruption, uncorrectable memory error, SEFI and host-crash rates per chip.

    Parameters
    ----------
    chip : Accelerator
        Beam-test response.
    dose_rate : float or array_like
        Dose rate behind the shield [rad(Si) s⁻¹].
    proton_flux : float or array_like
        Proton flux behind the shield above the effects' threshold [cm⁻² s⁻¹].

    Returns
    -------
    EventRates
        Per-chip rates [s⁻¹].

    References
    ----------
    Suncatcher (arXiv:2511.19468) beam test of TPU v6e; rate = σ × flux
    (e.g. Petersen, Single Event Effects in Aerospace, Wiley 2011, ch. 9).
    """
    d = check_range("dose rate", dose_rate, 0.0, np.inf, unit="rad/s")
    f = check_range("proton flux", proton_flux, 0.0, np.inf, unit="cm^-2 s^-1")
    crash_cross_section = chip.host_crash_per_rad / fluence_per_rad(chip.beam_energy)
    return EventRates(
        sdc_dose=(chip.sdc_per_rad * d)[()],
        ue_dose=(chip.ue_per_rad * d)[()],
        sefi_dose=(chip.sefi_per_rad * d)[()],
        crash_dose=(chip.host_crash_per_rad * d)[()],
        sdc_flux=(chip.sdc_cross_section * f)[()],
        ue_flux=(chip.ue_cross_section * f)[()],
        sefi_flux=(chip.sefi_cross_section * f)[()],
        crash_flux=(crash_cross_section * f)[()],
    )


def daly_checkpoint_interval(checkpoint_time, mtbf):
    """Checkpoint interval that maximises useful work (Daly's higher-order estimate).

    τ = √(2δM) [1 + (1/3)√(δ/(2M)) + (1/9)(δ/(2M))] - δ for δ < 2M, else τ = M;
    to first order this is Young's √(2δM).

    Parameters
    ----------
    checkpoint_time : float or array_like
        Time to write a checkpoint δ [s], > 0.
    mtbf : float or array_like
        Mean time between interruptions M [s], > 0.

    Returns
    -------
    float or numpy.ndarray
        Interval of computation between checkpoints [s].

    References
    ----------
    Young, Commun. ACM 17, 530 (1974); Daly, Future Gener. Comput. Syst. 22, 303
    (2006), eq. 37.
    """
    delta = check_range("checkpoint time", checkpoint_time, 0.0, np.inf, unit="s", low_open=True)
    m = check_range("mean time between interruptions", mtbf, 0.0, np.inf, unit="s", low_open=True)
    x = delta / (2.0 * m)
    tau = np.sqrt(2.0 * delta * m) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) - delta
    return np.where(delta < 2.0 * m, tau, m)[()]


def goodput(checkpoint_time, mtbf, restart_time=None, interval=None):
    """Useful fraction of wall time with checkpoint/restart under random interruptions.

    With interval τ, checkpoint cost δ, restart cost R and exponential
    interruptions of mean M, the expected wall time per unit of work is
    M e^(R/M) (e^((τ+δ)/M) - 1) / τ; goodput is its inverse. A checkpoint that
    takes as long as the mean time between interruptions leaves no useful work:
    goodput 0, with an :class:`~orbital.errors.OrbitalWarning`.

    Parameters
    ----------
    checkpoint_time : float or array_like
        δ [s].
    mtbf : float or array_like
        M [s].
    restart_time : float or array_like, optional
        R [s] (default: equal to δ, reading back a checkpoint).
    interval : float or array_like, optional
        τ [s] (default: :func:`daly_checkpoint_interval`).

    Returns
    -------
    float or numpy.ndarray
        Goodput in [0, 1].

    References
    ----------
    Daly, Future Gener. Comput. Syst. 22, 303 (2006), eq. 20.
    """
    delta = check_range("checkpoint time", checkpoint_time, 0.0, np.inf, unit="s", low_open=True)
    m = check_range("mean time between interruptions", mtbf, 0.0, np.inf, unit="s", low_open=True)
    r = delta if restart_time is None else check_range("restart time", restart_time, 0.0, np.inf, unit="s")
    tau = (
        daly_checkpoint_interval(delta, m)
        if interval is None
        else check_range("checkpoint interval", interval, 0.0, np.inf, unit="s", low_open=True)
    )
    hopeless = delta >= m
    if np.any(hopeless):
        first = np.flatnonzero(np.broadcast_to(hopeless, np.broadcast(delta, m).shape))[0]
        d_first, m_first = (np.broadcast_to(x, np.broadcast(delta, m).shape).ravel()[first] for x in (delta, m))
        warnings.warn(
            f"checkpoint time {d_first:.4g} s is not shorter than the mean time between interruptions "
            f"{m_first:.4g} s: no useful work survives (goodput 0); checkpoint faster or interrupt less",
            OrbitalWarning,
            stacklevel=2,
        )
    with np.errstate(over="ignore"):
        value = tau / (m * np.exp(r / m) * np.expm1((tau + delta) / m))
    return np.where(hopeless, 0.0, np.clip(value, 0.0, 1.0))[()]


def tid_lifetime(dose_per_year, limit):
    """Years until the accumulated dose reaches a limit [yr].

    Parameters
    ----------
    dose_per_year : float or array_like
        Dose rate [rad(Si) yr⁻¹], > 0.
    limit : float or array_like
        Dose the part tolerates [rad(Si)].
    """
    d = check_range("dose per year", dose_per_year, 0.0, np.inf, unit="rad/yr", low_open=True)
    return (np.asarray(limit, dtype=float) / d)[()]


@dataclass(frozen=True)
class ClusterEffects:
    """What a dose rate and a proton flux do to a cluster (rates per chip-day; times in s).

    ``per_chip_day`` holds the four events by both routes (``*_dose`` per rad,
    ``*_flux`` by cross-section); interruptions add the ground fleet's rate to
    the radiation-induced UE, SEFI and crashes.
    """

    per_chip_day: dict
    interruptions_per_chip_day: float
    cluster_interruptions_per_hour: float
    ground_cluster_interruptions_per_hour: float
    checkpoint_interval: float
    goodput: float
    ground_goodput: float
    tid_lifetime_years: float
    tid_no_hard_failure_years: float


def replica_goodput(events_per_chip_second, replica_accelerators, recovery_time):
    """Useful fraction of an inference replica's time when each event idles it for its recovery.

    Independent replicas of ``n`` accelerators serve requests; an event on any of them takes the
    replica out for ``T`` while the request is retried elsewhere. With events at ``λ`` per chip the
    replica is down a fraction λ n T / (1 + λ n T) of the time (alternating renewal process): goodput
    1 / (1 + λ n T), which tends to 1 as events become rare.

    Parameters
    ----------
    events_per_chip_second : float or array_like
        λ [s⁻¹ per accelerator].
    replica_accelerators : float or array_like
        n, accelerators one replica needs (one server's NVLink domain, say).
    recovery_time : float or array_like
        T [s].

    References
    ----------
    Barlow & Proschan, Mathematical Theory of Reliability (1965): steady-state availability
    MTBF / (MTBF + MTTR) of an alternating renewal process.
    """
    rate = check_range("events per chip", events_per_chip_second, 0.0, np.inf, unit="1/s")
    n = check_range("replica accelerators", replica_accelerators, 1.0, np.inf)
    t = check_range("recovery time", recovery_time, 0.0, np.inf, unit="s")
    return (1.0 / (1.0 + rate * n * t))[()]


def workload_goodput(
    events_per_chip_second,
    kind,
    job_accelerators,
    checkpoint_time,
    restart_time,
    replica_accelerators,
    recovery_time,
    training_share=0.5,
):
    """Goodput of a workload under interruptions: training jobs, inference replicas, or a mix by share.

    Training is one synchronous job of ``job_accelerators`` that checkpoints and restarts
    (:func:`goodput`, Daly's optimum interval); inference is independent replicas
    (:func:`replica_goodput`); ``"mix"`` weights them by ``training_share`` of the IT power.

    Parameters
    ----------
    events_per_chip_second : float or array_like
        Interruptions per accelerator-second [s⁻¹].
    kind : {"training", "inference", "mix"}
    job_accelerators : float or array_like
        Accelerators in one training job.
    checkpoint_time, restart_time : float or array_like
        Training checkpoint write and restart times [s].
    replica_accelerators : float or array_like
        Accelerators in one inference replica.
    recovery_time : float or array_like
        A replica's recovery time [s].
    training_share : float or array_like
        With ``"mix"``: the share of IT power training [-].
    """
    check_choice("workload", kind, ("training", "inference", "mix"))
    share = {"training": 1.0, "inference": 0.0}.get(kind, check_range("training share", training_share, 0.0, 1.0))
    rate = check_range("events per chip", events_per_chip_second, 0.0, np.inf, unit="1/s")
    if np.any(share > 0):
        job = check_range("job accelerators", job_accelerators, 1.0, np.inf)
        training = goodput(checkpoint_time, 1.0 / (job * rate), restart_time)
    else:
        training = 0.0
    inference = replica_goodput(rate, replica_accelerators, recovery_time) if np.any(share < 1) else 0.0
    return np.asarray(share * training + (1.0 - share) * inference)[()]


def cluster_effects(
    chip: Accelerator, chips, dose_per_year, proton_flux, checkpoint_time, restart_time=None, heavy_ion_rate=0.0
):
    """Event rates, interruptions, checkpoint interval, goodput and dose life of a cluster.

    Parameters
    ----------
    chip : Accelerator
        Beam-test response.
    chips : int or array_like
        Accelerators in the cluster.
    dose_per_year : float or array_like
        Dose behind the shield [rad(Si) yr⁻¹].
    proton_flux : float or array_like
        Protons above the effects' threshold behind the shield [cm⁻² s⁻¹].
    checkpoint_time, restart_time : float or array_like
        Checkpoint write and restart times [s] (restart defaults to the write time).
    heavy_ion_rate : float or array_like
        Interruptions per chip per second from cosmic-ray nuclei by direct ionization
        (:func:`orbital.model.heavy_ion_rates`), on top of the proton-calibrated events per rad.

    The numbers broadcast against each other (a sweep's design points); a scalar
    call gives scalars.

    Returns
    -------
    ClusterEffects
    """
    chips = np.round(check_range("chips", chips, 1, 1e9))
    dose_year = check_range("dose per year", dose_per_year, 0.0, np.inf, unit="rad/yr", low_open=True)
    rates = event_rates(chip, dose_year / JULIAN_YEAR, proton_flux)
    per_day = {k: (np.asarray(v) * DAY)[()] for k, v in asdict(rates).items()}
    per_day["heavy_ion"] = (np.asarray(heavy_ion_rate, dtype=float) * DAY)[()]
    per_chip = (
        GROUND_INTERRUPTIONS_PER_CHIP_DAY
        + per_day["ue_dose"]
        + per_day["sefi_dose"]
        + per_day["crash_dose"]
        + per_day["heavy_ion"]
    )
    cluster_per_second = chips * per_chip / DAY
    ground_per_second = chips * GROUND_INTERRUPTIONS_PER_CHIP_DAY / DAY
    return ClusterEffects(
        per_chip_day=per_day,
        interruptions_per_chip_day=per_chip,
        cluster_interruptions_per_hour=(cluster_per_second * 3600.0)[()],
        ground_cluster_interruptions_per_hour=(ground_per_second * 3600.0)[()],
        checkpoint_interval=daly_checkpoint_interval(checkpoint_time, 1.0 / cluster_per_second),
        goodput=goodput(checkpoint_time, 1.0 / cluster_per_second, restart_time),
        ground_goodput=goodput(checkpoint_time, 1.0 / ground_per_second, restart_time),
        tid_lifetime_years=tid_lifetime(dose_year, chip.tid_limit),
        tid_no_hard_failure_years=tid_lifetime(dose_year, chip.tid_no_hard_failure),
    )


@dataclass(frozen=True, repr=False)
class RadiationSummary(Report):
    """Radiation on one orbit and what it does to a cluster, side by side with the ground (``orbital radiation``).

    Rates are per chip per day unless named otherwise; doses in rad(Si). ``source_orbit``
    is the :class:`~orbital.orbits.Orbit`, ``orbit`` the track's description, ``days`` and
    ``samples`` the track sampling. ``table()`` is the summary, ``dose_depth_table()`` the
    dose-depth curve.
    """

    source_orbit: Orbit
    days: float
    samples: int
    orbit: dict
    solar: str
    shielding: float
    areal_density: float
    accelerator: str
    accelerator_status: str
    chips: int
    dose_per_year: float
    dose_components: dict
    solar_protons_included: bool
    modulation_potential: float
    gcr_transmission: float
    saa_fraction: float
    proton_flux_gt10: float
    see_threshold: float
    proton_flux_behind_shield: float
    gcr_proton_flux_behind_shield: float
    sdc_per_chip_day: float
    ue_per_chip_day: float
    sefi_per_chip_day: float
    crash_per_chip_day: float
    flux_route: dict
    ground_interruptions_per_chip_day: float
    interruptions_per_chip_day: float
    cluster_interruptions_per_hour: float
    ground_cluster_interruptions_per_hour: float
    checkpoint_time: float
    checkpoint_interval: float
    goodput: float
    ground_goodput: float
    tid_lifetime_years: float
    tid_no_hard_failure_years: float
    solar_event: dict | None
    ground_neutron_flux: float | None
    ground_rates_per_chip_day: dict | None
    dose_depth: DoseDepth
    heavy_ion: dict = field(default_factory=dict)
    worst_day: dict | None = None
    solar_particles: dict = field(default_factory=dict)
    ground_altitude: float = 0.0

    _headline = ("altitude_km", "shielding_mm", "dose_rad_si_per_year", "goodput")

    def to_dict(self) -> dict:
        from . import __version__

        orbit, curve = self.source_orbit, self.dose_depth
        return {
            "orbital_version": __version__,
            **orbit.to_dict(),
            "track_days": self.days,
            "track_samples": self.samples,
            "track_phase_averaged": phase_averaged(orbit),
            "solar": self.solar,
            "trapped_models": "AP8-{} / AE8-{}".format(*(m.upper() for m in SOLAR_CONDITIONS[self.solar])),
            "shielding_mm": self.shielding * 1e3,
            "areal_density_g_per_cm2": self.areal_density * 0.1,
            "dose_rad_si_per_year": self.dose_per_year,
            "dose_components_rad_si_per_year": self.dose_components,
            "solar_protons_included": self.solar_protons_included,
            "modulation_potential_mv": self.modulation_potential,
            "gcr_transmission": self.gcr_transmission,
            "saa_fraction": self.saa_fraction,
            "proton_flux_gt10mev_cm2_s": self.proton_flux_gt10,
            "see_threshold_mev": self.see_threshold,
            "proton_flux_behind_shield_cm2_s": self.proton_flux_behind_shield,
            "gcr_proton_flux_behind_shield_cm2_s": self.gcr_proton_flux_behind_shield,
            "accelerator": self.accelerator,
            "accelerator_status": self.accelerator_status,
            "chips": self.chips,
            "sdc_per_chip_day": self.sdc_per_chip_day,
            "ue_per_chip_day": self.ue_per_chip_day,
            "sefi_per_chip_day": self.sefi_per_chip_day,
            "crash_per_chip_day": self.crash_per_chip_day,
            "cross_section_route_per_chip_day": self.flux_route,
            "interruptions_per_chip_day": self.interruptions_per_chip_day,
            "ground_interruptions_per_chip_day": self.ground_interruptions_per_chip_day,
            "cluster_interruptions_per_hour": self.cluster_interruptions_per_hour,
            "ground_cluster_interruptions_per_hour": self.ground_cluster_interruptions_per_hour,
            "checkpoint_time_s": self.checkpoint_time,
            "checkpoint_interval_s": self.checkpoint_interval,
            "goodput": self.goodput,
            "ground_goodput": self.ground_goodput,
            "tid_lifetime_years": self.tid_lifetime_years,
            "tid_no_hard_failure_years": self.tid_no_hard_failure_years,
            "solar_event": self.solar_event,
            "ground_neutron_flux_cm2_h": self.ground_neutron_flux * 3600.0,
            "ground_altitude_m": self.ground_altitude,
            "ground_per_chip_day": self.ground_rates_per_chip_day,
            "heavy_ion_upsets_per_chip_day": self.heavy_ion["interrupt_per_chip_day"]
            + self.heavy_ion["sdc_per_chip_day"],
            "heavy_ion_interruptions_per_chip_day": self.heavy_ion["interrupt_per_chip_day"],
            "heavy_ion_sdc_per_chip_day": self.heavy_ion["sdc_per_chip_day"],
            "latchups_per_chip_year": self.heavy_ion["latchups_per_chip_year"],
            "heavy_ion_response": self.heavy_ion["response"],
            "let_spectrum": self.heavy_ion["let_spectrum"],
            **self.solar_particles,
            "worst_day": self.worst_day,
            "dose_depth": {
                "thickness_mm": (curve.thickness * 1e3).tolist(),
                "total_rad_si_per_year": curve.total.tolist(),
                "trapped_proton": curve.trapped_proton.tolist(),
                "electron": curve.electron.tolist(),
                "bremsstrahlung": curve.bremsstrahlung.tolist(),
                "cosmic_ray": curve.cosmic_ray.tolist(),
                "solar_proton": curve.solar_proton.tolist(),
            },
        }

    def _track_rows(self, table: Table, r: dict) -> None:
        kind = f"sun-synchronous, LTAN {clock(r['ltan_h'])}" if r["sun_synchronous"] else "not sun-synchronous"
        table.row("Orbit", f"{r['altitude_km']:,.1f} km, {r['inclination_deg']:.3f} deg, {kind}")
        if r["track_phase_averaged"]:
            table.row("Track averaged", f"{r['track_samples']:,} phases (along the orbit x Earth rotation under it)")
        else:
            table.row(
                "Track averaged", f"{r['track_days']:g} days, {r['track_samples']:,} samples from {r['start']} UTC"
            )
        table.row(
            "Trapped models", f"{r['trapped_models']} (solar {r['solar']}), GCR phi {r['modulation_potential_mv']:g} MV"
        )

    def dose_depth_table(self) -> Table:
        """The dose-depth curve behind aluminium, by component (``orbital radiation --dose-depth``)."""
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: radiation dose-depth (centre of Al spheres, Si)")
        self._track_rows(table, r)
        d = r["dose_depth"]
        solar = "solar p" if r["solar_protons_included"] else "solar p (not given)"
        table.section(
            f"  {'Al [mm]':>8} {'g/cm^2':>8} {'total':>11} {'trapped p':>11} {'electron':>11} "
            f"{'brems':>9} {'GCR H+He':>9} {solar:>10}   [rad(Si)/yr]"
        )
        for i, t in enumerate(d["thickness_mm"]):
            table.section(
                f"  {t:8.2f} {t * 0.2699:8.3f} {d['total_rad_si_per_year'][i]:11.4g} "
                f"{d['trapped_proton'][i]:11.4g} {d['electron'][i]:11.4g} {d['bremsstrahlung'][i]:9.3g} "
                f"{d['cosmic_ray'][i]:9.3g} {d['solar_proton'][i]:10.3g}"
            )
        return table

    def table(self) -> Table:
        r = self.to_dict()
        table = Table(f"orbital {r['orbital_version']}: radiation")
        self._track_rows(table, r)
        table.section("Environment")
        table.row("Protons > 10 MeV (orbit mean)", f"{r['proton_flux_gt10mev_cm2_s']:.3g} /cm^2/s")
        table.row("Time in the SAA", f"{r['saa_fraction']:.1%} (> 10 MeV protons above 1 /cm^2/s)")
        table.row("GCR reaching the orbit", f"{r['gcr_transmission']:.1%} of free-space protons > 10 MeV")
        table.section(f"Behind {r['shielding_mm']:g} mm Al ({r['areal_density_g_per_cm2']:.3f} g/cm^2)")
        c = r["dose_components_rad_si_per_year"]
        table.row("Dose", f"{r['dose_rad_si_per_year']:.4g} rad(Si)/yr")
        table.row(
            "  of which",
            f"trapped p {c['trapped_proton']:.3g}, electrons {c['electron']:.3g}, "
            f"brems {c['bremsstrahlung']:.3g}, GCR {c['cosmic_ray']:.3g}",
        )
        table.row(
            "  solar protons",
            f"{c['solar_proton']:.3g}" if r["solar_protons_included"] else "not included (give --solar-fluence)",
        )
        table.row(
            f"Protons > {r['see_threshold_mev']:g} MeV inside",
            f"{r['proton_flux_behind_shield_cm2_s']:.3g} /cm^2/s (GCR {r['gcr_proton_flux_behind_shield_cm2_s']:.3g})",
        )
        table.section(f"Per chip: {r['accelerator']} ({r['accelerator_status']} data), per day")
        x = r["cross_section_route_per_chip_day"]
        ground = r["ground_per_chip_day"]
        table.row("", f"{'per rad':>11} {'sigma x flux':>13}" + (f" {'ground':>11}" if ground else ""))
        for label, key, route in (
            ("Silent data corruption", "sdc_per_chip_day", "sdc"),
            ("Uncorrectable memory error", "ue_per_chip_day", "ue"),
            ("SEFI", "sefi_per_chip_day", "sefi"),
            ("Host crash", "crash_per_chip_day", "crash"),
        ):
            table.row(label, f"{r[key]:11.3g} {x[route]:13.3g}" + (f" {ground[route]:11.3g}" if ground else ""))
        table.row(
            "  ground: neutrons > 10 MeV",
            f"{r['ground_neutron_flux_cm2_h']:.3g} /cm^2/h at {r['ground_altitude_m']:,.0f} m (JESD89A NYC reference "
            "scaled by altitude) x the same cross-sections",
        )
        h = r["heavy_ion_response"]
        table.row(
            "Heavy ions (Z 2-28, RPP)",
            f"{r['heavy_ion_interruptions_per_chip_day']:.3g} interruptions, {r['heavy_ion_sdc_per_chip_day']:.3g} SDC "
            f"a day; {r['latchups_per_chip_year']:.3g} latch-ups a year ({h['status']} Weibull: onset "
            f"{h['onset_let']:g} MeV cm2/mg, saturation {h['interrupt_saturation_cm2']:.3g} cm2)",
        )
        chips = f"{r['chips']:,} chip" + ("s" if r["chips"] > 1 else "")
        table.section(f"Cluster of {chips}, checkpoint {r['checkpoint_time_s']:g} s")
        table.row("", f"{'orbit':>11} {'ground':>13}")
        table.row(
            "Interruptions per hour",
            f"{r['cluster_interruptions_per_hour']:11.3g} {r['ground_cluster_interruptions_per_hour']:13.3g}",
        )
        table.row("Goodput", f"{r['goodput']:11.3f} {r['ground_goodput']:13.3f}")
        table.row("Checkpoint interval (Daly)", f"{r['checkpoint_interval_s'] / 60:.1f} min")
        table.row(
            "Dose lifetime",
            f"{r['tid_lifetime_years']:.3g} yr to HBM irregularities "
            f"({r['tid_no_hard_failure_years']:.3g} yr to the tested 15 krad)",
        )
        if r["solar_event"] is not None:
            e = r["solar_event"]
            table.section("Solar particle event (--solar-event)")
            table.row("Dose", f"{e['dose_rad_si']:.3g} rad(Si)")
            table.row(
                "Per chip", f"SDC {e['sdc_per_chip']:.3g}, UE {e['ue_per_chip']:.3g}, crash {e['crash_per_chip']:.3g}"
            )
            table.row("Cluster interruptions", f"{e['cluster_interruptions']:.3g}")
        if r["worst_day"] is not None:
            d = r["worst_day"]
            table.section("Worst day of solar protons (CREME96, October 1989; not in the annual numbers)")
            table.row(
                "At the satellite",
                f"{d['fluence_gt10mev_cm2']:.3g} /cm^2 > 10 MeV, {d['fluence_gt100mev_cm2']:.3g} > 100 MeV "
                "over the day",
            )
            table.row("Dose behind the shield", f"{d['dose_rad_si']:.3g} rad(Si) in the day")
            table.row(
                "Per chip", f"{d['interruptions_per_chip']:.3g} interruptions, {d['sdc_per_chip']:.3g} SDC in the day"
            )
            table.row("Cluster goodput that day", f"{d['goodput']:.3f}")
        sp = r["solar_max_years"]
        table.row(
            "Solar maximum years",
            f"{sp:.3g} of the {r['mission_years']:g}-year mission (ECSS: 7-year windows around maxima)"
            + (
                f"; mission fluence {r['spe_fluence_gt10mev_cm2']:.3g} /cm^2 > 10 MeV, "
                f"dose {r['spe_dose_rad_si']:.3g} rad"
                if r["spe_fluence_gt10mev_cm2"] is not None
                else "; mission fluence needs a --solar-fluence per year (no ESP model is shipped)"
            ),
        )
        table.row("Ground baseline", "Llama 3 fleet (Meta 2024): 419 interruptions in 54 days on 16,384 GPUs")
        return table


def radiation_summary(
    orbit: Orbit,
    accelerator_name="tpu-v6e",
    chips=1,
    shielding=10e-3,
    checkpoint_time=60.0,
    restart_time=None,
    solar="worst",
    see_threshold=10.0,
    solar_proton_fluence=None,
    solar_event_fluence=None,
    modulation_potential=None,
    ground_neutron_flux=None,
    days=30.0,
    samples=3000,
    cache=True,
    ground_altitude=0.0,
    worst_day_spectrum=WORST_DAY_PROTONS,
    lifetime=5.0 * JULIAN_YEAR,
) -> RadiationSummary:
    """Dose, single-event rates, interruptions, goodput and dose lifetime for a cluster on an orbit.

    Event rates are taken per rad from the dose behind the shield (the beam
    test's own metric); the cross-section × flux route, with trapped and
    galactic protons above ``see_threshold`` behind the shield, is reported
    beside it for comparison. Interruptions per chip are the ground fleet's
    rate (hardware fails in orbit too) plus the radiation-induced uncorrectable
    errors, SEFIs and host crashes; silent data corruptions are reported, not
    counted as interruptions.

    Parameters
    ----------
    orbit : Orbit
        The orbit; its mean altitude must be above the atmosphere (≥ 150 km).
    accelerator_name : str
        Catalog entry.
    chips : int
        Accelerators in the cluster, ≥ 1.
    shielding : float
        Aluminium-equivalent shield [m], 0.1-50 mm.
    checkpoint_time : float
        Time to write a checkpoint [s].
    restart_time : float, optional
        Time to restart from a checkpoint [s] (default: the checkpoint time).
    solar : {"min", "max", "worst"}
        Solar-cycle condition of the trapped models and of the GCR modulation.
    see_threshold : float
        Proton energy that triggers the effects inside the shield [MeV]
        (cross-section route only; 10 MeV assumed for deep-submicron parts).
    solar_proton_fluence : tuple, optional
        Solar proton mission-average fluence per year (see :func:`dose_depth`).
    solar_event_fluence : tuple, optional
        ``(energy [MeV], fluence above it [cm⁻²])`` of one solar particle event
        at 1 AU (e.g. CREME96's worst week); its dose and the events it causes
        per chip are reported separately in ``solar_event``.
    modulation_potential : float, optional
        GCR modulation φ [MV] (default by ``solar``).
    ground_neutron_flux : float, optional
        Flux of atmospheric neutrons above 10 MeV at the terrestrial site [cm⁻² s⁻¹] (default JESD89A's
        New York City reference at ``ground_altitude``, :func:`ground_neutron_flux`). The ground's SDC,
        UE, SEFI and crash rates per chip are its product with the chip's cross-sections, taking the
        67 MeV proton cross-section for high-energy neutrons, which upset silicon through the same
        nuclear reactions. The fleet's interruption rate already contains these, so the ground goodput
        does not change.
    ground_altitude : float
        Altitude of the terrestrial site [m] for the default neutron flux.
    worst_day_spectrum : tuple or None
        A day of solar protons ``(energy [MeV], integral intensity at 1 AU [m⁻² sr⁻¹ s⁻¹])`` (default
        CREME96's worst day); its fluence, dose, upsets and the cluster's goodput that day are reported in
        ``worst_day``, apart from the annual numbers. None: no worst day.
    lifetime : float
        Mission length [s] from the orbit's epoch over which solar-maximum years are counted (and a
        ``solar_proton_fluence`` per year turned into a mission fluence).
    days, samples : float, int
        Track sampling for the trapped environment.
    cache : bool
        Use the disk cache.

    Returns
    -------
    RadiationSummary
    """
    chips = int(check_range("chips", chips, 1, 1e9))
    chip = accelerator(accelerator_name)
    shielding = float(check_range("shielding", shielding, 0.1e-3, 50e-3, unit="mm", scale=1e-3))
    env = trapped_environment(orbit, days, samples, solar, cache)
    depths = np.unique(np.r_[[0.5e-3, 1e-3, 2e-3, 2.5e-3, 3e-3, 4e-3, 5e-3, 7.5e-3, 10e-3, 15e-3, 20e-3], shielding])
    curve = dose_depth(env, depths, solar_proton_fluence, modulation_potential)
    i = int(np.flatnonzero(np.isclose(depths, shielding))[0])
    dose_year = float(curve.total[i])
    galactic = cosmic_rays(env, shielding, modulation_potential, see_threshold)
    trapped_flux_behind = float(shielded_proton_flux(env, shielding, see_threshold))
    flux = trapped_flux_behind + float(galactic.proton_flux[0])
    heavy = _heavy_ion_block(chip, env, shielding)
    effects = cluster_effects(
        chip, chips, dose_year, flux, checkpoint_time, restart_time, heavy["interrupt_per_chip_day"] / DAY
    )
    per_day = effects.per_chip_day
    if ground_neutron_flux is None:
        neutrons = float(_ground_flux(ground_altitude))  # the parameter shadows ground_neutron_flux()
    else:
        neutrons = float(
            check_range("ground neutron flux", ground_neutron_flux, 0.0, 1.0, unit="cm^-2 h^-1", scale=1 / 3600)
        )
    on_ground = asdict(event_rates(chip, 0.0, neutrons))
    ground = {k.replace("_flux", ""): float(v) * DAY for k, v in on_ground.items() if k.endswith("_flux")}
    mission_years = (
        float(check_range("lifetime", lifetime, 0.0, 100 * JULIAN_YEAR, unit="yr", scale=JULIAN_YEAR, low_open=True))
        / JULIAN_YEAR
    )
    start_year = float(orbit.epoch.decimalyear)
    solar_max = solar_maximum_years(start_year, mission_years)
    particles = {
        "mission_years": mission_years,
        "solar_max_years": solar_max,
        "spe_fluence_gt10mev_cm2": None,
        "spe_fluence_gt100mev_cm2": None,
        "spe_dose_rad_si": None,
    }
    if solar_proton_fluence is not None:
        energy, per_year = (np.asarray(x, dtype=float) for x in solar_proton_fluence)
        mission = (energy, per_year * solar_max)
        e, local = transmitted(env, mission, "solar fluence")
        particles.update(
            spe_fluence_gt10mev_cm2=_fluence_above(e, local, 10.0),
            spe_fluence_gt100mev_cm2=_fluence_above(e, local, 100.0),
            spe_dose_rad_si=float(solar_event_dose(env, [shielding], mission)[0]),
        )
    day = None
    if worst_day_spectrum is not None:
        day = worst_day(env, shielding, worst_day_spectrum)
        per_rad = chip.ue_per_rad + chip.sefi_per_rad + chip.host_crash_per_rad
        extra = day["dose_rad_si"] * per_rad  # interruptions per chip that day from the event
        rate = chips * (effects.interruptions_per_chip_day + extra) / DAY
        with warnings.catch_warnings():  # a day with no goodput is the answer for that day, not a warning
            warnings.simplefilter("ignore", OrbitalWarning)
            that_day = float(goodput(checkpoint_time, 1.0 / rate, restart_time))
        day.update(
            interruptions_per_chip=float(effects.interruptions_per_chip_day + extra),
            sdc_per_chip=float(chip.sdc_per_rad * day["dose_rad_si"] + per_day["sdc_dose"]),
            sdc_per_chip_cross_section=float(chip.sdc_cross_section * day["proton_fluence_behind_shield_cm2"]),
            goodput=that_day,
        )
    event = None
    if solar_event_fluence is not None:
        event_dose = float(solar_event_dose(env, [shielding], solar_event_fluence)[0])
        event = {
            "dose_rad_si": event_dose,
            "sdc_per_chip": chip.sdc_per_rad * event_dose,
            "ue_per_chip": chip.ue_per_rad * event_dose,
            "sefi_per_chip": chip.sefi_per_rad * event_dose,
            "crash_per_chip": chip.host_crash_per_rad * event_dose,
            "cluster_interruptions": chips
            * event_dose
            * (chip.ue_per_rad + chip.sefi_per_rad + chip.host_crash_per_rad),
        }
    return RadiationSummary(
        source_orbit=orbit,
        days=float(days),
        samples=int(samples),
        orbit=env.orbit,
        solar=solar,
        shielding=shielding,
        areal_density=float(areal_density(shielding)),
        accelerator=chip.name,
        accelerator_status=chip.status,
        chips=chips,
        dose_per_year=dose_year,
        dose_components={
            "trapped_proton": float(curve.trapped_proton[i]),
            "electron": float(curve.electron[i]),
            "bremsstrahlung": float(curve.bremsstrahlung[i]),
            "cosmic_ray": float(curve.cosmic_ray[i]),
            "solar_proton": float(curve.solar_proton[i]),
        },
        solar_protons_included=curve.solar_included,
        modulation_potential=galactic.modulation_potential,
        gcr_transmission=galactic.transmission,
        saa_fraction=env.saa_fraction,
        proton_flux_gt10=float(env.proton_flux_above(10.0)),
        see_threshold=float(see_threshold),
        proton_flux_behind_shield=flux,
        gcr_proton_flux_behind_shield=float(galactic.proton_flux[0]),
        sdc_per_chip_day=per_day["sdc_dose"],
        ue_per_chip_day=per_day["ue_dose"],
        sefi_per_chip_day=per_day["sefi_dose"],
        crash_per_chip_day=per_day["crash_dose"],
        flux_route={k.replace("_flux", ""): v for k, v in per_day.items() if k.endswith("_flux")},
        ground_interruptions_per_chip_day=GROUND_INTERRUPTIONS_PER_CHIP_DAY,
        interruptions_per_chip_day=effects.interruptions_per_chip_day,
        cluster_interruptions_per_hour=effects.cluster_interruptions_per_hour,
        ground_cluster_interruptions_per_hour=effects.ground_cluster_interruptions_per_hour,
        checkpoint_time=float(checkpoint_time),
        checkpoint_interval=effects.checkpoint_interval,
        goodput=effects.goodput,
        ground_goodput=effects.ground_goodput,
        tid_lifetime_years=effects.tid_lifetime_years,
        tid_no_hard_failure_years=effects.tid_no_hard_failure_years,
        solar_event=event,
        ground_neutron_flux=neutrons,
        ground_rates_per_chip_day=ground,
        dose_depth=curve,
        heavy_ion=heavy,
        worst_day=day,
        solar_particles=particles,
        ground_altitude=float(ground_altitude),
    )


_ground_flux = ground_neutron_flux


def _heavy_ion_block(chip: Accelerator, env: TrappedEnvironment, shielding) -> dict:
    """Heavy-ion interruptions and SDC per chip-day, latch-ups per chip-year, the chip's response and the
    LET spectrum behind the shield (every 10th point of the grid)."""
    from .heavy_ions import chip_rates, let_spectrum

    spectrum = let_spectrum(env, shielding)
    rates = chip_rates(chip, spectrum.heavy)
    return {
        "interrupt_per_chip_day": float(rates["interrupt"]) * DAY,
        "sdc_per_chip_day": float(rates["sdc"]) * DAY,
        "latchups_per_chip_year": float(rates["latchup"]) * JULIAN_YEAR,
        "response": {k: (float(v) if not isinstance(v, str) else v) for k, v in chip.heavy_ion.items()},
        "let_spectrum": {
            "let_mev_cm2_per_mg": spectrum.let[::10].tolist(),
            "heavy_ions_above_m2_sr_s": spectrum.heavy[::10].tolist(),
            "all_nuclei_above_m2_sr_s": spectrum.integral[::10].tolist(),
        },
    }
