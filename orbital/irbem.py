"""The IRBEM library, called directly: AE8/AP8 along a track, McIlwain L, SHIELDOSE-2.

IRBEM (Boscher, Bourdarie, O'Brien, Guild et al., the COSPAR PRBEM library) ships compiled inside
spacepy (``spacepy/irbempy/libirbem.so``). spacepy's Python layer in front of it imports astropy.time,
scipy.constants and its own coordinate and time classes (~0.25 s on every cold radiation run, and in
every dask worker) and fills IRBEM's input arrays one sample at a time; the three routines the package
uses take plain arrays, so this module loads the same library and fills them with numpy.

The argument lists are IRBEM's Fortran interfaces (``source/onera_desp_lib.f``, ``AE8_AP8.f``,
``shieldose2.f``): every argument by reference, arrays sized by the library's fixed maxima
(``NTIME_MAX`` samples, ``NENE_MAX`` energies, 71 depths, 301 spectrum points), two-dimensional ones in
Fortran (column-major) order. tests/test_irbem.py checks each routine against spacepy's own wrapper.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import importlib.util
import os
import sys
import sysconfig
import threading
from pathlib import Path

import numpy as np

from .units import utc_datetime64

__all__ = ["EARTH_RADIUS", "NENE_MAX", "NTIME_MAX", "library", "make_lstar", "nasa_flux", "quiet", "shieldose2"]

#: IRBEM's fixed array sizes (its ``ntime_max``, ``nene_max``) and SHIELDOSE-2's (``imaxi``, ``jmaxi``).
NTIME_MAX = 100_000
NENE_MAX = 25
_DEPTHS_MAX = 71
_SPECTRUM_MAX = 301
#: The Earth radius IRBEM's GEO Cartesian coordinates are in [m] (spacepy's ``Re``).
EARTH_RADIUS = 6371.2e3
#: Value IRBEM writes where a quantity is undefined.
BAD_VALUE = -1e31

_GEO_CARTESIAN = 1  # IRBEM's sysaxes code
_INT = ctypes.c_int32
_REAL = ctypes.c_double

#: One IRBEM call at a time: the file-descriptor swap in :func:`quiet` is process-wide (two threads
#: swapping at once left fd 1 on /dev/null for good), and IRBEM's Fortran keeps state in common blocks,
#: so it is not documented as reentrant.
_LOCK = threading.Lock()


@functools.cache
def library() -> ctypes.CDLL:
    """IRBEM's shared library, as spacepy installs it (without importing spacepy's Python layer)."""
    spec = importlib.util.find_spec("spacepy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("orbital needs spacepy for IRBEM (pip install spacepy)")
    folder = Path(list(spec.submodule_search_locations)[0]) / "irbempy"
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ""
    names = ["libirbem.so", "libirbem.dylib", "irbem.dll", "libirbem.dll.a", f"libirbem{suffix}", f"irbem{suffix}"]
    for name in names:
        if (folder / name).exists():
            try:
                return ctypes.CDLL(str(folder / name))
            except OSError:
                continue
    raise RuntimeError(f"IRBEM's library is not in {folder}: spacepy was installed without it")


def _function(name):
    lib = library()
    function = getattr(lib, f"{name}_", None) or getattr(lib, name)
    function.restype = None
    return function


def _int(value):
    return ctypes.byref(_INT(int(value)))


def _real(value):
    return ctypes.byref(_REAL(float(value)))


def _flush_fortran_stdout():
    """Flush gfortran's unit 6 while it still points at /dev/null.

    When stdout is a file or a pipe gfortran buffers it, and IRBEM's warnings would otherwise be
    written at exit, after file descriptor 1 is restored, into the user's output.
    """
    flush = getattr(library(), "_gfortran_flush_i4", None)  # resolved through IRBEM's libgfortran
    if flush is not None:
        flush(ctypes.byref(ctypes.c_int(6)))


@contextlib.contextmanager
def quiet():
    """One IRBEM call at a time, with its Fortran prints ("year out of valid range") silenced on fd 1."""
    with _LOCK:
        sys.stdout.flush()
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            yield
        finally:
            _flush_fortran_stdout()
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)


def _track(jd_utc, position):
    """IRBEM's time and position arrays for Julian dates (UTC) and Earth-fixed positions [m]."""
    jd = np.atleast_1d(np.asarray(jd_utc, dtype=float))
    xyz = np.atleast_2d(np.asarray(position, dtype=float)) / EARTH_RADIUS
    n = jd.size
    if n > NTIME_MAX:
        raise ValueError(f"{n} positions exceed IRBEM's limit of {NTIME_MAX:,} per call")
    if xyz.shape != (n, 3):
        raise ValueError(f"positions of shape {xyz.shape} for {n} instants: give (n, 3)")
    when = utc_datetime64(jd)
    day = when.astype("datetime64[D]")
    year = when.astype("datetime64[Y]")
    arrays = {
        "year": np.zeros(NTIME_MAX, dtype=np.int32),
        "doy": np.zeros(NTIME_MAX, dtype=np.int32),
        "ut": np.zeros(NTIME_MAX),
        "x1": np.zeros(NTIME_MAX),
        "x2": np.zeros(NTIME_MAX),
        "x3": np.zeros(NTIME_MAX),
    }
    arrays["year"][:n] = year.astype(int) + 1970
    arrays["doy"][:n] = (day - year.astype("datetime64[D]")).astype(int) + 1
    arrays["ut"][:n] = (when - day).astype("timedelta64[us]").astype(float) / 1e6
    for k in range(3):
        arrays[f"x{k + 1}"][:n] = xyz[:, k]
    return n, arrays


def nasa_flux(jd_utc, position, energies, model: int, kind: int):
    """AE8/AP8 omnidirectional flux at Earth-fixed positions (IRBEM ``fly_in_nasa_aeap1``).

    Parameters
    ----------
    jd_utc, position : array_like
        Julian dates (UTC) [day] and Earth-fixed positions [m], shape ``(n, 3)``.
    energies : array_like
        Energies [MeV].
    model : int
        IRBEM's ``whichm``: 1 AE8MIN, 2 AE8MAX, 3 AP8MIN, 4 AP8MAX.
    kind : int
        IRBEM's ``whatf``: 1 differential [cm⁻² s⁻¹ MeV⁻¹], 3 integral [cm⁻² s⁻¹].

    Returns
    -------
    numpy.ndarray
        Flux, shape ``(len(energies), n)``, with IRBEM's bad value where the model has none.
    """
    n, t = _track(jd_utc, position)
    energies = np.atleast_1d(np.asarray(energies, dtype=float))
    out = np.empty((energies.size, n))
    function = _function("fly_in_nasa_aeap1")
    for start in range(0, energies.size, NENE_MAX):  # at most 25 energies per call
        chunk = energies[start : start + NENE_MAX]
        energy = np.zeros((NENE_MAX, 2))  # Fortran energy(2, nene)
        energy[: chunk.size, 0] = chunk
        flux = np.empty((NENE_MAX, NTIME_MAX))  # Fortran flux(ntime, nene)
        with quiet():
            function(
                _int(n), _int(_GEO_CARTESIAN), _int(model), _int(kind), _int(chunk.size), energy.ctypes,
                t["year"].ctypes, t["doy"].ctypes, t["ut"].ctypes, t["x1"].ctypes, t["x2"].ctypes, t["x3"].ctypes,
                flux.ctypes,
            )  # fmt: skip
        out[start : start + chunk.size] = flux[: chunk.size, :n]
    return out


def make_lstar(jd_utc, position, field: int = 0):
    """McIlwain Lm of locally mirroring particles, the local field and the field minimum on the line
    (IRBEM ``make_lstar1``, no external field, L* not computed).

    Parameters
    ----------
    jd_utc, position : array_like
        Julian dates (UTC) [day] and Earth-fixed positions [m], shape ``(n, 3)``.
    field : int
        IRBEM's internal-field option: 0 IGRF at the date, 2 Jensen & Cain 1960, 3 GSFC 12/66.

    Returns
    -------
    dict
        ``lm`` [Earth radii], ``b_local`` and ``b_min`` [nT], with IRBEM's bad value where undefined.
    """
    n, t = _track(jd_utc, position)
    options = (_INT * 5)(0, 0, 0, 0, int(field))
    magnetic_inputs = np.zeros((NTIME_MAX, 25))  # Fortran maginput(25, ntime): unused without external field
    outputs = {name: np.empty(NTIME_MAX) for name in ("lm", "lstar", "b_local", "b_min", "xj", "mlt")}
    with quiet():
        _function("make_lstar1")(
            _int(n), _int(0), options, _int(_GEO_CARTESIAN), t["year"].ctypes, t["doy"].ctypes, t["ut"].ctypes,
            t["x1"].ctypes, t["x2"].ctypes, t["x3"].ctypes, magnetic_inputs.ctypes,
            *(outputs[name].ctypes for name in ("lm", "lstar", "b_local", "b_min", "xj", "mlt")),
        )  # fmt: skip
    return {name: outputs[name][:n].copy() for name in ("lm", "b_local", "b_min")}


def shieldose2(depths_mm, electron, trapped, untrapped, detector=3, nuclear=1):
    """SHIELDOSE-2 doses behind aluminium (Seltzer 1994, IRBEM ``shieldose2``).

    Parameters
    ----------
    depths_mm : array_like
        Aluminium depths [mm], increasing, at most 71.
    electron, trapped, untrapped : tuple of array_like
        ``(energy [MeV], differential fluence [cm⁻² MeV⁻¹])`` of electrons, trapped protons and untrapped
        (solar) protons, at most 301 points each; the two proton spectra on one energy grid.
    detector : int
        Detector material (3: silicon).
    nuclear : int
        Nuclear attenuation option (1: none for protons in Al).

    Returns
    -------
    dict
        Doses [rad] per depth and geometry (semi-infinite slab, finite slab, sphere centre),
        shape ``(depths, 3)``: ``proton_untrapped``, ``proton_trapped``, ``electron``,
        ``bremsstrahlung``, ``total``.
    """
    depths = np.atleast_1d(np.asarray(depths_mm, dtype=float))
    if depths.size > _DEPTHS_MAX:
        raise ValueError(f"SHIELDOSE-2 takes at most {_DEPTHS_MAX} depths, not {depths.size}")
    spectra = {}
    for name, (energy, flux) in (("e", electron), ("p_tr", trapped), ("p_un", untrapped)):
        energy, flux = np.atleast_1d(np.asarray(energy, dtype=float)), np.atleast_1d(np.asarray(flux, dtype=float))
        if energy.size > _SPECTRUM_MAX or energy.size != flux.size:
            raise ValueError(f"SHIELDOSE-2 {name} spectrum: {energy.size} energies for {flux.size} fluxes (max 301)")
        spectra[name] = (_padded(energy, _SPECTRUM_MAX), _padded(flux, _SPECTRUM_MAX), energy)
    e_grid, p_grid = spectra["e"][2], spectra["p_un"][2]
    doses = [np.zeros((3, _DEPTHS_MAX)) for _ in range(5)]  # Fortran dose(71, 3)
    with quiet():
        _function("shieldose2")(
            _int(detector), _int(nuclear), _int(depths.size), _int(3), _padded(depths, _DEPTHS_MAX).ctypes,
            _real(p_grid.min()), _real(p_grid.max()), _real(spectra["p_tr"][2].min()),
            _real(spectra["p_tr"][2].max()), _int(p_grid.size), _real(e_grid.min()), _real(e_grid.max()),
            _int(e_grid.size), _int(p_grid.size), _int(p_grid.size), _int(e_grid.size), _real(1.0), _real(1.0),
            spectra["p_un"][0].ctypes, spectra["p_un"][1].ctypes, spectra["p_tr"][0].ctypes,
            spectra["p_tr"][1].ctypes, spectra["e"][0].ctypes, spectra["e"][1].ctypes,
            *(dose.ctypes for dose in doses),
        )  # fmt: skip
    names = ("proton_untrapped", "proton_trapped", "electron", "bremsstrahlung", "total")
    return {name: dose.T[: depths.size].copy() for name, dose in zip(names, doses, strict=True)}


def _padded(values, size):
    out = np.zeros(size)
    out[: values.size] = values
    return out
