"""Heavy ions, solar particle events, latch-up and the ground's neutron reference (issue 20).

CREME96 reference outputs are copied in tests/data/creme96/ (see its README for their provenance)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from astropy.time import Time

from orbital import Orbit, OrbitalInputError, radiation
from orbital.cli import main
from orbital.heavy_ions import LET_GRID, Weibull, chord_lengths, let_spectrum, proton_upset_rate, weibull_upset_rate
from orbital.transport import energy_for_range, proton_csda_range

DATA = Path(__file__).parent / "data" / "creme96"
#: CREME96's LET grid: 1,002 log bins from 1 to 1.1e5 MeV cm2/g, in MeV cm2/mg.
CREME_LET = np.geomspace(1.0, 1.1e5, 1002) / 1e3


def read_creme(name):
    """The 1,002 values after a CREME96 LET file's header line (the one naming the target)."""
    values, started = [], False
    for line in (DATA / name).read_text().splitlines()[1:]:
        text = line.strip()
        if text.startswith("%"):
            continue
        if not started:
            started = "SILICON" in text
            continue
        values += [float(x) for x in text.split()]
    assert len(values) == 1002
    return np.array(values)


def integral_from_differential(differential):
    widths = np.diff(CREME_LET * 1e3)  # the file's differential is per MeV cm2/g
    steps = 0.5 * (differential[1:] + differential[:-1]) * widths
    return np.concatenate([np.cumsum(steps[::-1])[::-1], [0.0]])


@pytest.fixture(scope="module")
def polar_800():
    orbit = Orbit(altitude=800e3, inclination=90.0, raan=0.0, epoch=Time("2026-01-01"))
    return radiation.trapped_environment(orbit, solar="min")


def test_chords_of_a_box_average_cauchys_4v_over_s():
    # Cauchy's formula: the mean chord of a convex body under isotropic flux is 4V/S (exact).
    a, b, c = 44.72136, 44.72136, 1.0
    mean = 4 * a * b * c / (2 * (a * b + b * c + c * a))
    assert chord_lengths(a, b, c).mean() == pytest.approx(mean, rel=1e-3)  # 2^18 quasi-random chords


def test_rpp_weibull_reproduces_creme96_hup():
    """CREME96 HI_UPSET over the Z >= 2 LET spectrum at 800 km polar, solar minimum, 100 mil Al:
    8.69132e-5 upsets/bit/day (Weibull 0.5, 30, 1, 2,000 um2, RPP 44.72 x 44.72 x 1 um) and 2.19981e-6
    (10, 120, 1.5, 5,000 um2, 70.71 x 70.71 x 1 um). The issue asks for 5 %; the integral RPP on 2^18
    chords lands within 1 %."""
    spectrum = integral_from_differential(read_creme("q800a90i100Z2.DLT"))
    for curve, published in (
        (Weibull(0.5, 30.0, 1.0, 2000e-8), 8.69132e-5),
        (Weibull(10.0, 120.0, 1.5, 5000e-8), 2.19981e-6),
    ):
        assert weibull_upset_rate(CREME_LET, spectrum, curve, depth=1.0) * 86400 == pytest.approx(published, rel=0.05)


def test_proton_weibull_reproduces_creme96_pup():
    """CREME96 PUP at the same orbit: 9.55271e-5 upsets/bit/day for the proton Weibull 30 MeV, 10 MeV, 1,
    1e-11 cm2. The printed AP8MIN spectrum (7 energies to 100 MeV) is carried through 100 mil Al in the
    CSDA and extended above 100 MeV at its 50-100 MeV log slope (CREME96 uses its full spectrum, which the
    file does not print, and adds GCR protons): 5 %."""
    energy = np.array([1, 3, 6, 15, 30, 50, 100.0])
    integral = np.array([4.6088e5, 2.2591e5, 1.6208e5, 1.2229e5, 1.0193e5, 8.4274e4, 5.1402e4])
    slope = math.log(integral[-1] / integral[-2]) / math.log(2.0)
    above = np.geomspace(100.0, 400.0, 6)[1:]
    energy = np.concatenate([energy, above])
    integral = np.concatenate([integral, integral[6] * (above / 100.0) ** slope])
    inside = np.geomspace(1.0, 300.0, 300)
    outside = energy_for_range(proton_csda_range(inside) + 0.254 * 2.699)
    behind = np.exp(np.interp(np.log(outside), np.log(energy), np.log(integral)))
    rate = proton_upset_rate(inside, behind, Weibull(30.0, 10.0, 1.0, 1e-11)) * 86400
    assert rate == pytest.approx(9.55271e-5, rel=0.05)


def test_let_spectrum_agrees_with_creme96_between_1_and_20(polar_800):
    """The model's cosmic-ray nuclei (Matthiä et al. 2013, Z = 1-28) through the cutoff and 100 mil Al,
    against CREME96's Z = 1-92 integral LET spectrum at 800 km polar, solar minimum: within a factor of 2
    from 1 to 20 MeV cm2/mg. Why 2: a different GCR model and epoch (CREME96's Nymmik-based 1977 minimum
    vs Matthiä's fit at W = 15), Bethe stopping with Barkas' effective charge instead of CREME96's
    tables, no fragmentation in the shield (a few %). Below 1 MeV cm2/mg CREME96 counts trapped protons,
    which this spectrum does not."""
    creme = read_creme("q800a90i100.LET")
    ours = let_spectrum(polar_800, 2.54e-3)
    window = (CREME_LET >= 1.0) & (CREME_LET <= 20.0)
    ratio = ours.above(CREME_LET[window], heavy_only=False) / creme[window]
    assert np.all((ratio > 0.5) & (ratio < 2.0)), ratio.min()


def test_more_shielding_never_raises_heavy_ion_upsets(polar_800):
    chip = radiation.accelerator("b200-class")
    rates = []
    for mm in (0.5, 1.0, 2.54, 5.0, 10.0, 20.0, 40.0):
        spectrum = let_spectrum(polar_800, mm * 1e-3)
        rates.append(weibull_upset_rate(LET_GRID, spectrum.heavy, chip.heavy_ion_curve(), chip.heavy_ion["depth_um"]))
    assert np.all(np.diff(rates) <= 0.0) and rates[-1] > 0.0


def test_a_higher_cutoff_never_raises_the_solar_event_fluence():
    """Lower inclinations see higher geomagnetic cutoffs: the worst day's fluence at the satellite falls."""
    fluences = []
    for inclination in (90.0, 70.0, 53.0, 28.5):
        env = radiation.trapped_environment(
            Orbit(altitude=550e3, inclination=inclination, raan=0.0, epoch=Time("2026-01-01")), solar="min"
        )
        fluences.append(radiation.worst_day(env, 5e-3)["fluence_gt10mev_cm2"])
    assert np.all(np.diff(fluences) <= 0.0)
    # CREME96's worst day at 1 AU: 1.134e8 /(m2 sr s) > 10 MeV, so 4 pi x a day = 1.23e10 /cm2 outside; a
    # polar orbit's cutoffs let through a share of it, never more.
    assert fluences[0] < 1.134e8 * 4 * math.pi * 86400 * 1e-4


def test_ground_neutron_reference_and_its_altitude_scaling():
    """JESD89A: ~13 neutrons > 10 MeV per cm2 per hour at sea level in New York City (Gordon et al. 2004);
    the flux grows as exp((1033 - d)/131.3) with atmospheric depth d: Denver (1,609 m) ~4x, as quoted."""
    assert radiation.ground_neutron_flux(0.0) * 3600 == pytest.approx(13.0, rel=1e-12)
    assert radiation.ground_neutron_flux(1609.0) / radiation.ground_neutron_flux(0.0) == pytest.approx(4.0, rel=0.05)
    # The ground's upset rates are the chip's cross-sections times the flux: linear in it.
    orbit = Orbit(altitude=550e3, inclination=53.0, raan=0.0, epoch=Time("2026-01-01"))
    one = radiation.radiation_summary(orbit, ground_neutron_flux=13.0 / 3600, worst_day_spectrum=None)
    two = radiation.radiation_summary(orbit, ground_neutron_flux=26.0 / 3600, worst_day_spectrum=None)
    for effect, rate in one.ground_rates_per_chip_day.items():
        assert two.ground_rates_per_chip_day[effect] == pytest.approx(2 * rate, rel=1e-12)
    # No flux given: the reference at the site's altitude, so the ground needs no input.
    default = radiation.radiation_summary(orbit, worst_day_spectrum=None)
    assert default.to_dict()["ground_neutron_flux_cm2_h"] == pytest.approx(13.0)


def test_solar_maximum_years_are_counted_the_ecss_way():
    """ECSS-E-ST-10-04C: 7 active years around each maximum (cycle 25's ~2024.8: 2022.3-2029.3); a mission
    touching one for under a year counts a year."""
    assert radiation.solar_maximum_years(2026.0, 5.0) == pytest.approx(3.3)
    assert radiation.solar_maximum_years(2029.0, 1.0) == pytest.approx(1.0)  # 0.3 yr counts as one
    assert radiation.solar_maximum_years(2030.0, 2.0) == 0.0  # inside solar minimum
    assert radiation.solar_maximum_years(2026.0, 15.0) == pytest.approx(3.3 + 7.0)


def test_the_radiation_command_reports_the_new_blocks(capsys):
    assert main(["radiation", "--sso", "--altitude", "550km", "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    for key in (
        "heavy_ion_upsets_per_chip_day",
        "latchups_per_chip_year",
        "ground_neutron_flux_cm2_h",
        "spe_fluence_gt10mev_cm2",
        "spe_dose_rad_si",
    ):
        assert key in data
    assert data["heavy_ion_response"]["status"] == "assumed"
    assert data["worst_day"]["dose_rad_si"] > 0 and 0 < data["worst_day"]["goodput"] < 1
    # A per-year solar fluence becomes a mission fluence over the solar-maximum years.
    assert data["spe_fluence_gt10mev_cm2"] is None


def test_bad_input_names_it(tmp_path, capsys):
    for args in ((0.5, -1.0, 1.0, 1e-8), (0.5, 30.0, 1.0, -1e-8), (-1.0, 30.0, 1.0, 1e-8)):
        with pytest.raises(OrbitalInputError, match="Weibull"):
            Weibull(*args)
    path = tmp_path / "event.txt"
    path.write_text("# energy, fluence\n10 1e9\n100 1e8\n50 2e8\n")
    assert main(["radiation", "--sso", "--altitude", "550km", "--solar-event", str(path)]) == 2
    err = capsys.readouterr().err
    assert "event.txt line 4" in err and "does not increase" in err
    assert main(["radiation", "--sso", "--altitude", "550km", "--ground-altitude", "20000"]) == 2
    assert "--ground-altitude" in capsys.readouterr().err


def test_the_disk_cached_chip_response_is_the_drawn_one_and_a_damaged_entry_is_recomputed():
    """The composer's responses on the default grid come from the disk cache in a warm process (issue 22):
    they must equal the chords drawn afresh bit for bit, and a damaged cache file must be redrawn, not used."""
    from orbital import cache, heavy_ions

    curve = Weibull(onset=0.7, width=13.0, shape=1.7, saturation=3e-7)  # a curve no other test uses
    drawn = heavy_ions._response(curve, 1.5, LET_GRID)
    heavy_ions._default_grid_response.cache_clear()
    first = heavy_ions.let_response(curve, 1.5)
    np.testing.assert_array_equal(first, drawn)
    (entry,) = [p for p in cache.cache_dir().glob("let-response-*.json") if json.loads(p.read_text()) == drawn.tolist()]
    for damage in ("[1.0, 2.0]", "{not json", "[" + ", ".join(["-1.0"] * LET_GRID.size) + "]"):
        entry.write_text(damage)
        heavy_ions._default_grid_response.cache_clear()
        np.testing.assert_array_equal(heavy_ions.let_response(curve, 1.5), drawn)
