"""Radiation: trapped belts, dose-depth, cosmic rays, chip event rates and cluster goodput.

Trapped spectra take ~2-3 s per orbit to compute, so each orbit is computed once
per session (module fixtures) into the session's private disk cache.
"""

import json
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import Orbit, OrbitalInputError, OrbitalWarning, radiation
from orbital.cli import main
from orbital.constants import DAY


@pytest.fixture(scope="module")
def spenvis_orbit():
    # pfandzelter/leo-edge-failure-models, compute-failure/results/95.txt: SPENVIS run for a
    # 550 km circular orbit at 95° starting 2023-01-01 (AP8-MIN, AE8-MAX, SHIELDOSE-2).
    return Orbit.circular("550 km", 95.0, epoch="2023-01-01")


@pytest.fixture(scope="module")
def spenvis_env(spenvis_orbit):
    return radiation.trapped_environment(spenvis_orbit, days=30, samples=3000, solar="worst")


@pytest.fixture(scope="module")
def suncatcher_env(dawn_dusk_650):
    return radiation.trapped_environment(dawn_dusk_650, solar="worst")


@pytest.fixture(scope="module")
def geo_env():
    # A geostationary track barely moves over the ground: one day, 500 samples.
    return radiation.trapped_environment(Orbit.circular("35786 km", 0.0, epoch="2026-01-01"), days=1, samples=500)


@pytest.fixture(scope="module")
def equatorial_env():
    return radiation.trapped_environment(Orbit.circular("550 km", 0.0, epoch="2026-01-01"), days=5, samples=1000)


# --------------------------------------------------------------------------------------
# Published anchors
# --------------------------------------------------------------------------------------


def test_spacepy_documented_ae8_example():
    # spacepy.irbempy.get_AEP8 docstring: AE8-MAX, 1 MeV electrons at [3, 0, 0] Re (GEO
    # cartesian), 2017-02-02T12:00 -> 1932209.44. That call uses spacepy's default
    # fluxtype 'diff', so it is the *differential* flux [cm⁻² s⁻¹ MeV⁻¹] (issue #5 calls it
    # integral; the integral flux above 1 MeV there is ~1.2e6). Same model and point: 1e-6.
    jd = 2457787.0  # 2017-02-02T12:00 UTC
    position = [[3 * 6371.2e3, 0.0, 0.0]]
    diff = radiation.trapped_flux(jd, position, [1.0], "e", "max", "differential")
    assert diff[0, 0] == pytest.approx(1932209.44, rel=1e-6)
    integral = radiation.trapped_flux(jd, position, [1.0], "e", "max", "integral")
    assert 1.0e6 < integral[0, 0] < 1.4e6


def test_spenvis_dose_depth_550km_95deg(spenvis_env):
    # SPENVIS (AP8-MIN, AE8-MAX, SHIELDOSE-2, centre of Al spheres, Si), 5 years:
    # 30,554 rad at 1 mm, 7,080 at 2.5 mm, 1,401 at 5 mm, 560 at 10 mm. The models are the
    # same; the trajectory sampling is not (SPENVIS's own representative orbit and
    # geomagnetic epoch against our 3000 phase samples from SGP4 and IRBEM's IGRF at 2025),
    # and SHIELDOSE-2 sees a differently binned spectrum. Measured ratios are
    # 0.95 / 0.94 / 0.90 / 0.89, a ~5-10 % deficit; ±15 % leaves room for the IGRF
    # epoch and sampling without hiding a broken depth dependence.
    curve = radiation.dose_depth(spenvis_env, [1e-3, 2.5e-3, 5e-3, 10e-3])
    belts_5yr = 5.0 * (curve.total - curve.cosmic_ray)  # SPENVIS's SHIELDOSE-2 totals carry no GCR
    np.testing.assert_allclose(belts_5yr, [30554, 7080, 1401, 560], rtol=0.15)
    assert not curve.solar_included and np.all(curve.solar_proton == 0)


def test_suncatcher_dose_behind_10mm_at_650km_dawn_dusk(dawn_dusk_650, suncatcher_env):
    # Suncatcher (arXiv:2511.19468): ~150 rad(Si)/yr behind ~10 mm Al at 650 km dawn-dusk SSO
    # (750 rad in 5 years). Their environment model and shield geometry are not published in
    # detail. With AP8-MAX (solar maximum, fewest trapped protons) we must land within ±30 %
    # of 150; the worst case (AP8-MIN) is higher, and must stay below 1.5 x 150.
    at_max = radiation.radiation_summary(dawn_dusk_650, solar="max", shielding=10e-3)
    assert at_max.dose_per_year == pytest.approx(150.0, rel=0.30)
    worst = radiation.radiation_summary(dawn_dusk_650, solar="worst", shielding=10e-3)
    assert at_max.dose_per_year < worst.dose_per_year < 1.5 * 150.0
    # Trapped protons dominate behind 10 mm; electrons are stopped.
    assert worst.dose_components["trapped_proton"] > 0.9 * worst.dose_per_year


def test_suncatcher_hbm_limit_is_2_7x_five_years():
    # Suncatcher: HBM irregularities from 2 krad(Si), "≈ 2.7x" the 750 rad of a 5-year mission.
    chip = radiation.accelerator("tpu-v6e")
    assert chip.tid_limit / 750.0 == pytest.approx(2.7, abs=0.05)
    assert radiation.tid_lifetime(150.0, chip.tid_limit) == pytest.approx(13.3, abs=0.1)


def test_tpu_catalog_per_rad_and_cross_sections_agree():
    # Suncatcher gives SDC both as 6-9e-9 cm²/chip and as ~1 per 17 rad at 67 MeV; UE as
    # ~3e-9 cm² and ~1 per 44 rad. σ = (events per rad) / (fluence per rad) must land inside
    # the published range (SDC) and within 10 % (UE: one significant figure published).
    chip = radiation.accelerator("tpu-v6e")
    per_rad_fluence = radiation.fluence_per_rad(chip.beam_energy)
    assert 6e-9 <= chip.sdc_per_rad / per_rad_fluence <= 9e-9
    assert chip.ue_per_rad / per_rad_fluence == pytest.approx(3e-9, rel=0.10)


@pytest.mark.parametrize(("material", "pdg_minimum"), [("silicon", 1.664), ("aluminium", 1.615), ("water", 1.992)])
def test_bethe_minimum_ionization(material, pdg_minimum):
    # PDG Atomic and Nuclear Properties: minimum ionization <-dE/dx>_min [MeV cm² g⁻¹].
    # Our Bethe formula omits the density-effect correction, which lowers the minimum by
    # ~2-3 %: tolerance 3.5 %, and the minimum must sit near βγ ≈ 3-4 (2-3 GeV protons).
    energy = np.geomspace(300.0, 3e4, 3000)
    stopping = radiation.proton_stopping_power(energy, material)
    assert stopping.min() == pytest.approx(pdg_minimum, rel=0.035)
    assert 1500.0 < energy[stopping.argmin()] < 3500.0


def test_stormer_cutoff_at_the_equator_and_above_l5():
    # CREME96 (Tylka et al. 1997) vertical cutoff 14.5/L² GV: 14.5 GV at L = 1; none above L = 5.
    np.testing.assert_allclose(radiation.cutoff_rigidity([1.0, 2.0, 6.0]), [14.5, 3.625, 0.0])
    assert radiation.cutoff_rigidity(np.nan) == 0.0


# --------------------------------------------------------------------------------------
# Invariants
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("env_name", ["suncatcher_env", "geo_env", "spenvis_env"])
def test_more_shielding_never_raises_dose(request, env_name):
    env = request.getfixturevalue(env_name)
    depths = np.array([0.5, 1, 2, 2.5, 3, 4, 5, 7.5, 10, 15, 20]) * 1e-3
    total = radiation.dose_depth(env, depths).total
    assert np.all(np.diff(total) <= 1e-9 * total[:-1])


def test_geo_dose_behind_thin_shielding_exceeds_leo(geo_env, suncatcher_env):
    geo = radiation.dose_depth(geo_env, [1e-3]).total[0]
    leo = radiation.dose_depth(suncatcher_env, [1e-3]).total[0]
    assert geo > 10 * leo
    # GEO lies outside the Størmer cutoff: cosmic rays arrive unshielded by the field.
    assert geo_env.saa_fraction == 0.0 and np.all(geo_env.cutoff == 0.0)


def test_equatorial_leo_is_shielded_from_cosmic_rays(equatorial_env, suncatcher_env):
    # At 550 km on the equator the cutoff is 10-15 GV: only a few % of free-space GCR
    # protons above 10 MeV arrive; a polar (dawn-dusk) orbit crosses the open polar caps.
    assert equatorial_env.cutoff.min() > 9.0
    equatorial = radiation.cosmic_rays(equatorial_env, 1e-3)
    polar = radiation.cosmic_rays(suncatcher_env, 1e-3)
    assert equatorial.transmission < 0.05 < 0.2 < polar.transmission < 0.6
    assert equatorial.dose[0] < polar.dose[0] < polar.dose_free_space


def test_cosmic_rays_force_field():
    energy = np.geomspace(10.0, 1e5, 50)
    # φ = 0 returns the interstellar spectrum; He/H at equal energy per nucleon is 1/12.2
    # (Voyager 1, Cummings et al. 2016).
    np.testing.assert_allclose(radiation.gcr_spectrum(energy, 0.0, "H"), radiation.gcr_interstellar_spectrum(energy))
    ratio = radiation.gcr_interstellar_spectrum(energy, "He") / radiation.gcr_interstellar_spectrum(energy, "H")
    np.testing.assert_allclose(ratio, 1 / 12.2)
    # Modulation only removes particles, most at low energy; above 50 GeV it is < 5 %.
    quiet, active = radiation.gcr_spectrum(energy, 400.0), radiation.gcr_spectrum(energy, 1200.0)
    assert np.all(active < quiet) and np.all(quiet < radiation.gcr_interstellar_spectrum(energy))
    assert np.all(np.diff(active / quiet) > 0)
    assert quiet[-1] / radiation.gcr_interstellar_spectrum(energy[-1]) > 0.95


def test_solar_event_dose_falls_with_shielding_and_cutoff(suncatcher_env, equatorial_env):
    # A hard test spectrum (integral fluence of an event at 1 AU): the dose must fall with
    # shielding, vanish with zero fluence, and an equatorial orbit (cutoff > 10 GV) must be
    # almost untouched next to a polar one.
    event = ([10.0, 30.0, 100.0, 300.0], [1e9, 3e8, 3e7, 2e6])
    depths = [1e-3, 2e-3, 5e-3, 10e-3]
    polar = radiation.solar_event_dose(suncatcher_env, depths, event)
    assert np.all(np.diff(polar) < 0) and polar[0] > 1.0
    assert radiation.solar_event_dose(equatorial_env, depths, event)[0] < 1e-3 * polar[0]
    quiet = radiation.solar_event_dose(suncatcher_env, depths, (event[0], [0, 0, 0, 0]))
    assert np.all(quiet < 1e-9)


def test_solar_fluence_adds_to_the_dose(suncatcher_env):
    base = radiation.dose_depth(suncatcher_env, [2e-3, 10e-3])
    with_sep = radiation.dose_depth(suncatcher_env, [2e-3, 10e-3], ([10.0, 100.0], [1e10, 1e8]))
    assert with_sep.solar_included and np.all(with_sep.solar_proton > 0)
    np.testing.assert_allclose(with_sep.total - with_sep.solar_proton, base.total)


@settings(max_examples=30, deadline=None)
@given(chips=st.integers(1, 10**6), extra=st.integers(1, 10**6))
def test_more_chips_never_fewer_interruptions(dawn_dusk_650, suncatcher_env, chips, extra):
    # suncatcher_env has filled the cache, so each summary costs milliseconds. Large clusters
    # reach goodput 0 (with a warning, tested elsewhere).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OrbitalWarning)
        few = radiation.radiation_summary(dawn_dusk_650, chips=chips)
        many = radiation.radiation_summary(dawn_dusk_650, chips=chips + extra)
    assert many.cluster_interruptions_per_hour > few.cluster_interruptions_per_hour
    assert many.goodput <= few.goodput


def test_shielded_proton_flux_falls_with_thickness(suncatcher_env):
    flux = radiation.shielded_proton_flux(suncatcher_env, np.array([0.0, 1e-3, 5e-3, 10e-3, 20e-3]))
    assert flux[0] == pytest.approx(suncatcher_env.proton_flux_above(10.0))
    assert np.all(np.diff(flux) < 0)


def test_shielding_mass_and_areal_density():
    # 10 mm of Al is 2.699 g/cm² = 26.99 kg/m²; a 10 m² enclosure weighs 269.9 kg.
    assert radiation.areal_density(10e-3) == pytest.approx(26.99)
    assert radiation.shielding_mass(10e-3, 10.0) == pytest.approx(269.9)
    assert radiation.thickness_from_areal_density(26.99) == pytest.approx(10e-3)


# --------------------------------------------------------------------------------------
# Chip rates and cluster consequences
# --------------------------------------------------------------------------------------


def test_per_rad_and_cross_section_routes_agree_for_tpu(dawn_dusk_650):
    # Behind 10 mm in LEO nearly all dose comes from protons well above 10 MeV, the regime of
    # the 67 MeV beam test, so the two routes must agree within a factor of 1.5.
    s = radiation.radiation_summary(dawn_dusk_650, shielding=10e-3)
    for name, per_rad in (("sdc", s.sdc_per_chip_day), ("ue", s.ue_per_chip_day), ("crash", s.crash_per_chip_day)):
        assert s.flux_route[name] == pytest.approx(per_rad, rel=0.5)


def test_ground_rates_from_a_neutron_flux(dawn_dusk_650):
    # σ × flux with the chip's 67 MeV cross-sections: 13 n/cm²/h (the figure usually quoted
    # for JESD89A's New York reference; any value works) gives SDC 7.5e-9 x 13 x 24 per day.
    s = radiation.radiation_summary(dawn_dusk_650, ground_neutron_flux=13.0 / 3600.0)
    assert s.ground_rates_per_chip_day["sdc"] == pytest.approx(7.5e-9 * 13.0 * 24.0)
    assert s.sdc_per_chip_day > 1e3 * s.ground_rates_per_chip_day["sdc"]
    # No flux given: JESD89A's sea-level reference, the same 13 n/cm2/h.
    default = radiation.radiation_summary(dawn_dusk_650).ground_rates_per_chip_day
    assert default["sdc"] == pytest.approx(s.ground_rates_per_chip_day["sdc"])
    with pytest.raises(OrbitalInputError, match="ground neutron flux = -3 cm"):
        radiation.radiation_summary(dawn_dusk_650, ground_neutron_flux=-3.0 / 3600.0)


def test_event_rates_scale_with_dose_and_flux():
    chip = radiation.accelerator("tpu-v6e")
    one = radiation.event_rates(chip, 1.0 / DAY, 1.0)
    assert one.sdc_dose * DAY == pytest.approx(chip.sdc_per_rad)
    assert one.ue_flux == pytest.approx(chip.ue_cross_section)
    two = radiation.event_rates(chip, 2.0 / DAY, 2.0)
    assert two.sefi_dose == pytest.approx(2 * one.sefi_dose) and two.crash_flux == pytest.approx(2 * one.crash_flux)


def test_daly_interval_tends_to_young():
    # Young (1974): τ = √(2δM) when δ ≪ M; Daly's higher-order terms vanish there.
    assert radiation.daly_checkpoint_interval(1.0, 1e8) == pytest.approx(np.sqrt(2e8), rel=1e-3)
    assert radiation.daly_checkpoint_interval(10.0, 3.0) == 3.0  # δ ≥ 2M: τ = M (Daly 2006)


def test_daly_interval_is_near_the_goodput_optimum():
    # Daly's estimate should sit within 1 % of the goodput of the numerically best interval.
    delta, m = 60.0, 3600.0
    intervals = np.geomspace(10.0, 5000.0, 4000)
    best = radiation.goodput(delta, m, interval=intervals).max()
    assert radiation.goodput(delta, m) == pytest.approx(best, rel=0.01)
    assert 0.0 < best < 1.0


def test_checkpoint_longer_than_mtbf_gives_zero_goodput_with_warning():
    with pytest.warns(OrbitalWarning, match="not shorter than the mean time between interruptions"):
        assert radiation.goodput(3600.0, 600.0) == 0.0


def test_goodput_falls_as_interruptions_rise():
    mtbf = np.array([1e6, 1e5, 1e4, 1e3])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = radiation.goodput(30.0, mtbf)
    assert np.all(np.diff(values) < 0) and values[0] > 0.98


def test_catalog_lists_assumed_gpu_entries():
    assert radiation.catalog_names() == [
        "b200-class",
        "b300-class",
        "h100-class",
        "h200-class",
        "tpu-v6e",
        "trainium2-class",
    ]
    assert radiation.accelerator("tpu-v6e").status == "published"
    for name in ("h100-class", "h200-class", "b200-class", "b300-class", "trainium2-class"):
        assert radiation.accelerator(name).status == "assumed"


def test_cache_is_reused_and_survives_damage(dawn_dusk_650, suncatcher_env, private_cache):
    again = radiation.trapped_environment(dawn_dusk_650, solar="worst")
    np.testing.assert_array_equal(again.proton_integral, suncatcher_env.proton_integral)
    files = sorted(private_cache.glob("trapped-*.json"))
    assert files and not list(private_cache.glob("*.tmp"))
    entries = {f: json.loads(f.read_text()) for f in files}
    (target,) = [  # the fixture's own entry: other tests cache the same orbit at other sample counts
        f
        for f, e in entries.items()
        if (e["orbit"], e["solar"], e["samples"]) == (suncatcher_env.orbit, "worst", suncatcher_env.samples)
    ]
    target.write_text("{not json")
    rebuilt = radiation.trapped_environment(dawn_dusk_650, solar="worst")
    np.testing.assert_allclose(rebuilt.proton_integral, suncatcher_env.proton_integral)
    assert json.loads(target.read_text())["samples"] == 3000


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: radiation.areal_density(-1e-3), "shielding = -1 mm"),
        (lambda: radiation.accelerator("h200"), "known: b200-class, b300-class, h100-class, h200-class"),
        (lambda: radiation.goodput(-1.0, 10.0), "checkpoint time"),
        (lambda: radiation.gcr_spectrum(100.0, -5.0), "modulation potential"),
        (lambda: radiation.trapped_flux(2460000.5, [[7e6, 0, 0]], [500.0]), "energy"),
        (lambda: Orbit.circular("100 km", 51.6), "atmosphere"),
    ],
)
def test_bad_input_is_named(call, fragment):
    with pytest.raises(OrbitalInputError, match=fragment):
        call()


def test_zero_chips_is_refused(dawn_dusk_650):
    with pytest.raises(OrbitalInputError, match="chips = 0"):
        radiation.radiation_summary(dawn_dusk_650, chips=0)


def test_solar_spectrum_must_be_an_integral_spectrum(suncatcher_env):
    with pytest.raises(OrbitalInputError, match="cannot grow with energy"):
        radiation.solar_event_dose(suncatcher_env, [1e-3], ([10.0, 100.0], [1e6, 1e7]))


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------

BASE = ["radiation", "--altitude", "650 km", "--sso", "--ltan", "18:00", "--start", "2026-01-01"]


def test_cli_json_keys(capsys):
    assert main([*BASE, "--chips", "4096", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "dose_rad_si_per_year",
        "saa_fraction",
        "proton_flux_gt10mev_cm2_s",
        "sdc_per_chip_day",
        "ue_per_chip_day",
        "sefi_per_chip_day",
        "cluster_interruptions_per_hour",
        "goodput",
        "tid_lifetime_years",
    ):
        assert isinstance(out[key], float), key
    assert out["chips"] == 4096 and 0.0 < out["goodput"] < out["ground_goodput"] < 1.0
    assert out["cluster_interruptions_per_hour"] > out["ground_cluster_interruptions_per_hour"]


def test_cli_table_and_dose_depth(capsys):
    assert main([*BASE, "--shielding", "5 mm"]) == 0
    table = capsys.readouterr().out
    assert "Behind 5 mm Al (1.35" in table and "Goodput" in table and "rad(Si)/yr" in table
    assert main([*BASE, "--dose-depth"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(lines) if "Al [mm]" in line)
    rows = [line.split() for line in lines[header + 1 :]]
    assert [float(r[0]) for r in rows] == [0.5, 1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 20.0]
    totals = [float(r[2]) for r in rows]
    assert totals == sorted(totals, reverse=True)


def test_cli_solar_event_file(capsys, tmp_path):
    spectrum = tmp_path / "event.csv"
    spectrum.write_text("# MeV, cm^-2\n10, 1e9\n30, 3e8\n100, 3e7\n300, 2e6\n")
    assert main([*BASE, "--solar-event", str(spectrum), "--json"]) == 0
    event = json.loads(capsys.readouterr().out)["solar_event"]
    assert event["dose_rad_si"] > 0 and event["cluster_interruptions"] > 0


def test_cli_ground_neutron_flux_in_per_hour(capsys):
    assert main([*BASE, "--ground-neutron-flux", "13", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ground_neutron_flux_cm2_h"] == pytest.approx(13.0)
    assert out["ground_per_chip_day"]["ue"] == pytest.approx(3e-9 * 13.0 * 24.0)
    assert main([*BASE, "--ground-altitude", "1609"]) == 0  # Denver: ~4x the sea-level flux
    assert "52.2 /cm^2/h at 1,609 m" in capsys.readouterr().out


def test_cli_goodput_zero_warns_without_traceback(capsys):
    assert main([*BASE, "--chips", "100000", "--checkpoint-time", "1 h", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["goodput"] == 0.0
    assert "orbital radiation: warning: checkpoint time 3600 s" in captured.err
    assert "Traceback" not in captured.err and "warnings.warn" not in captured.err


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--shielding", "-1 mm"], "shielding = -1 mm"),
        (["--chips", "0"], "--chips = '0'"),
        (["--accelerator", "h200"], "known: b200-class, b300-class, h100-class, h200-class"),
        (["--shielding", "2 kg"], "--shielding"),
        (["--solar-event", "/nonexistent.csv"], "no such file"),
    ],
)
def test_cli_bad_input_exits_2(capsys, extra, fragment):
    assert main([*BASE, *extra]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_cli_orbit_inside_the_atmosphere_exits_2(capsys):
    assert main(["radiation", "--altitude", "100 km", "--inclination", "51.6"]) == 2
    assert "atmosphere" in capsys.readouterr().err


def test_irbem_warnings_never_reach_a_redirected_stdout(tmp_path):
    # IRBEM's IGRF ends in 2025 and its Fortran warns on every later epoch; with stdout redirected to a
    # file gfortran used to flush that warning at exit, after the silencer, into the user's output.
    import os
    import subprocess
    import sys

    script = (
        "from orbital import Orbit, radiation\n"
        "radiation.trapped_environment(Orbit.circular(550e3, 53.0), 1.0, 100, 'min', cache=False)\n"
        "print('done')\n"
    )
    out = tmp_path / "stdout.txt"
    env = {k: v for k, v in os.environ.items() if k != "GFORTRAN_UNBUFFERED_PRECONNECTED"}
    with out.open("w") as handle:
        subprocess.run([sys.executable, "-c", script], stdout=handle, check=True, env=env)
    assert out.read_text() == "done\n"


def test_concurrent_irbem_calls_keep_stdout(tmp_path):
    # Two threads silencing IRBEM at once used to leave file descriptor 1 on /dev/null for good.
    import subprocess
    import sys

    script = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from orbital import Orbit, radiation\n"
        "orbits = [Orbit.circular(a, 53.0) for a in (500e3, 700e3, 900e3, 1100e3)]\n"
        "with ThreadPoolExecutor(4) as pool:\n"
        "    list(pool.map(lambda o: radiation.trapped_environment(o, 1.0, 100, 'min', cache=False), orbits))\n"
        "print('done')\n"
    )
    out = tmp_path / "stdout.txt"
    with out.open("w") as handle:
        subprocess.run([sys.executable, "-c", script], stdout=handle, check=True)
    assert out.read_text() == "done\n"


def test_phase_sampling_does_not_alias_with_the_period():
    # Evenly spaced instants (200 over 15 days: 108 min against a 100.9-min period at 800 km, 30°)
    # missed the South Atlantic Anomaly entirely (flux above 10 MeV 0.2 instead of ~330 /cm²/s).
    # Phase sampling must agree between 200 and 3,000 samples to sampling noise: within 20 %.
    orbit = Orbit.circular("800 km", 30.0, epoch="2026-01-01")
    coarse = radiation.trapped_environment(orbit, days=15, samples=200, solar="min", cache=False)
    fine = radiation.trapped_environment(orbit, days=30, samples=3000, solar="min", cache=False)
    assert coarse.saa_fraction == pytest.approx(fine.saa_fraction, rel=0.2)
    assert radiation.shielded_proton_flux(coarse, 0.01) == pytest.approx(
        radiation.shielded_proton_flux(fine, 0.01), rel=0.2
    )
