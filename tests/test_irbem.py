"""orbital.irbem calls IRBEM's library (the one spacepy ships) without spacepy's Python layer (issue 22).

Each routine must give, bit for bit, what spacepy's own wrapper gives for the same inputs: the binding
changes how the arrays are filled, never the physics. spacepy is imported here only as the reference."""

from __future__ import annotations

import numpy as np
import pytest

from orbital import Orbit, irbem, radiation
from orbital.orbits import vector_norm


@pytest.fixture(scope="module")
def track():
    """300 samples of a 650 km, 60° orbit: through the SAA, the horns and the slot."""
    orbit = Orbit(altitude=650e3, inclination=60.0, raan=10.0, epoch="2026-03-01")
    return radiation._track_samples(orbit, 5.0, 300)


def spacepy_inputs(jd, ecef):
    import spacepy.coordinates as spc
    import spacepy.time as spt

    ticks = spt.Ticktock(irbem.utc_datetime64(jd).astype(object), "UTC")
    loci = spc.Coords(np.asarray(ecef) / irbem.EARTH_RADIUS, "GEO", "car", use_irbem=True)
    loci.ticks = ticks
    return ticks, loci


@pytest.mark.parametrize(("particle", "model", "which"), [("p", "min", 3), ("e", "max", 2), ("p", "max", 4)])
def test_nasa_flux_is_fly_in_nasa_aeap_through_spacepy(track, particle, model, which):
    """The same routine through spacepy's inputs (prep_irbem) and library handle, as the package called it
    before; 1e-12: spacepy's UT is a day-of-year fraction times 86,400 s, ours whole microseconds."""
    import ctypes

    import spacepy.irbempy as spacepy_irbem

    jd, ecef = track
    ticks, loci = spacepy_inputs(jd, ecef)
    omni = {
        key: [0] * len(loci)
        for key in (
            "Kp",
            "Dst",
            "dens",
            "velo",
            "Pdyn",
            "ByIMF",
            "BzIMF",
            "G1",
            "G2",
            "G3",
            "W1",
            "W2",
            "W3",
            "W4",
            "W5",
            "W6",
        )
    }
    args = spacepy_irbem.prep_ctypes(spacepy_irbem.prep_irbem(ticks=ticks, loci=loci, omnivals=omni))
    energies = np.array([1.0, 2.0]) if particle == "e" else np.array([10.0, 30.0, 100.0])
    energy = np.zeros((irbem.NENE_MAX, 2))
    energy[: energies.size, 0] = energies
    flux = np.empty((irbem.NENE_MAX, irbem.NTIME_MAX))
    real8 = spacepy_irbem.real8
    with irbem.quiet():
        spacepy_irbem.irbemlib.fly_in_nasa_aeap1(
            spacepy_irbem.int4(len(loci)), args["sysaxes"], spacepy_irbem.int4(which), spacepy_irbem.int4(3),
            spacepy_irbem.int4(energies.size),
            energy.ctypes.data_as(ctypes.POINTER((real8 * 2) * irbem.NENE_MAX)),
            args["iyearsat"], args["idoysat"], args["utsat"], args["xin1"], args["xin2"], args["xin3"],
            flux.ctypes.data_as(ctypes.POINTER((real8 * irbem.NTIME_MAX) * irbem.NENE_MAX)),
        )  # fmt: skip
    reference = flux[: energies.size, : len(loci)]
    mine = irbem.nasa_flux(jd, ecef, energies, which, 3)
    assert np.sum(reference > 0) > 50
    np.testing.assert_allclose(mine, reference, rtol=1e-12)


def test_make_lstar_is_spacepys_get_lm(track):
    import spacepy.irbempy as spacepy_irbem

    jd, ecef = track
    ticks, loci = spacepy_inputs(jd, ecef)
    reference = np.asarray(spacepy_irbem.get_Lm(ticks, loci, [90.0], extMag="0", intMag="IGRF")["Lm"]).ravel()
    mine = irbem.make_lstar(jd, ecef, field=0)["lm"]
    finite = np.isfinite(reference)
    assert finite.sum() > 250
    np.testing.assert_allclose(mine[finite], reference[finite], rtol=1e-12)  # UT as above
    assert np.all(np.isclose(mine[~finite], irbem.BAD_VALUE))


def test_shieldose2_is_spacepys_class():
    import spacepy.irbempy as spacepy_irbem

    depths = np.geomspace(0.01, 50.0, 70)
    energy_e, energy_p = np.geomspace(0.04, 7.0, 120), np.geomspace(0.1, 400.0, 299)
    electron = (energy_e, 1e9 * np.exp(-energy_e / 0.3))
    trapped = (energy_p, 1e7 * np.exp(-energy_p / 40.0))
    untrapped = (energy_p, 1e5 * np.exp(-energy_p / 25.0))
    reference = spacepy_irbem.Shieldose2()
    reference.set_shielding(depths=depths, units="mm")
    for (energy, flux), name in ((electron, "e"), (trapped, "p_tr"), (untrapped, "p_un")):
        reference.set_flux(flux, energy, name)
    reference.get_dose(detector=3, nucmeth=1)
    mine = irbem.shieldose2(depths, electron, trapped, untrapped)
    for name in ("proton_untrapped", "proton_trapped", "electron", "bremsstrahlung", "total"):
        np.testing.assert_array_equal(mine[name], np.asarray(reference.results[f"dose_{name}"]))
    assert mine["total"][0, 2] > 0


def test_track_limits_are_named():
    with pytest.raises(ValueError, match="IRBEM's limit"):
        irbem.make_lstar(np.zeros(irbem.NTIME_MAX + 1), np.ones((irbem.NTIME_MAX + 1, 3)))
    with pytest.raises(ValueError, match="at most 71 depths"):
        irbem.shieldose2(np.ones(72), *[(np.ones(2), np.ones(2))] * 3)


def test_vector_norm_is_numpys_to_the_bit():
    v = np.random.default_rng(1).normal(size=(10_000, 3)) * 7e6
    np.testing.assert_array_equal(vector_norm(v), np.linalg.norm(v, axis=-1))
    np.testing.assert_array_equal(vector_norm(v.reshape(100, 100, 3)), np.linalg.norm(v.reshape(100, 100, 3), axis=-1))
