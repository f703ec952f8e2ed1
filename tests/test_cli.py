"""`orbital orbit`: JSON keys, the readable table, and exit status 2 with a named parameter on bad input."""

import json
import subprocess
import sys

import pytest

from orbital.cli import main

REQUIRED_KEYS = {
    "period_s",
    "inclination_deg",
    "raan_drift_deg_per_day",
    "sunlit_fraction",
    "eclipse_days",
    "max_eclipse_s",
    "beta_min_deg",
    "beta_max_deg",
}


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_json_for_a_dawn_dusk_orbit(capsys):
    report = _json(capsys, "orbit", "--altitude", "650", "--sso", "--ltan", "18:00", "--days", "30", "--json")
    assert REQUIRED_KEYS <= set(report)
    assert "drag_delta_v_m_per_s_per_year" not in report
    assert report["inclination_deg"] == pytest.approx(97.99, abs=0.01)
    assert report["raan_drift_deg_per_day"] == pytest.approx(0.9856, abs=1e-4)
    assert report["period_s"] == pytest.approx(97.73 * 60, abs=1)
    assert report["samples"] == 30 * 2880
    assert report["sun_synchronous"] is True


def test_json_with_drag(capsys):
    report = _json(
        capsys,
        "orbit",
        "--altitude",
        "550 km",
        "--inclination",
        "53",
        "--days",
        "2",
        "--ballistic-coefficient",
        "100 kg/m2",
        "--solar-activity",
        "high",
        "--json",
    )
    assert report["drag_delta_v_m_per_s_per_year"] > 0
    assert report["lifetime_years"] > 0
    assert report["f107_sfu"] == 250


def test_units_in_options(capsys):
    a = _json(capsys, "orbit", "--altitude", "550", "--inclination", "53", "--days", "1", "--json")
    b = _json(
        capsys,
        "orbit",
        "--altitude",
        "550000 m",
        "--inclination",
        "3180 arcmin",
        "--days",
        "24 h",
        "--step",
        "0.5 min",
        "--json",
    )
    assert a["period_s"] == pytest.approx(b["period_s"])
    assert b["inclination_deg"] == pytest.approx(53.0, abs=0.001)


def test_table(capsys):
    assert main(["orbit", "--altitude", "650", "--sso", "--days", "2"]) == 0
    out = capsys.readouterr().out
    for label in (
        "sun-synchronous, LTAN 18:00",
        "Period",
        "97.73 min",
        "Sunlit fraction",
        "Longest eclipse",
        "Beta angle",
    ):
        assert label in out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--altitude", "100", "--inclination", "53"], "altitude = 100 km is outside the valid range [150, 500000] km"),
        (["--altitude", "600000 km", "--inclination", "53"], "altitude = 600000 km"),
        (["--altitude", "550", "--inclination", "200"], "inclination = 200 deg is outside the valid range [0, 180]"),
        (["--altitude", "7000", "--sso"], "no sun-synchronous orbit exists there; the valid range is [150, 5974"),
        (["--altitude", "650", "--sso", "--ltan", "25:00"], "--ltan = '25:00' is not a clock time"),
        (["--altitude", "650", "--sso", "--ltan", "dusk"], "--ltan = 'dusk' could not be read as a time"),
        (["--altitude", "650", "--sso", "--start", "2026-02-30"], "--start = '2026-02-30' is not an ISO 8601 date"),
        (["--altitude", "650", "--sso", "--start", "tomorrow"], "--start = 'tomorrow'"),
        (["--altitude", "650", "--sso", "--step", "0"], "step = 0 s is outside the valid range (0, inf]"),
        (["--altitude", "650 kg", "--sso"], "--altitude = '650 kg' has units of mass"),
        (["--altitude", "650", "--inclination", "98", "--ltan", "18:00"], "--ltan needs --sso"),
        (["--altitude", "650", "--sso", "--raan", "10"], "--raan cannot be combined with --sso"),
        (["--altitude", "1500", "--inclination", "50", "--ballistic-coefficient", "100"], "drag model covers"),
        (["--altitude", "650", "--sso", "--ballistic-coefficient", "-5"], "ballistic coefficient = -5"),
    ],
)
def test_bad_input_exits_2_naming_the_parameter(capsys, argv, fragment):
    assert main(["orbit", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert fragment in captured.err
    assert "Traceback" not in captured.err


def test_missing_required_option_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["orbit", "--sso"])
    assert info.value.code == 2
    assert "--altitude" in capsys.readouterr().err


def test_console_entry_point_end_to_end():
    # The installed module runs as a program, prints JSON and exits 0; bad input exits 2.
    ok = subprocess.run(
        [sys.executable, "-m", "orbital", "orbit", "--altitude", "550", "--inclination", "53", "--days", "1", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert REQUIRED_KEYS <= set(json.loads(ok.stdout))
    bad = subprocess.run(
        [sys.executable, "-m", "orbital", "orbit", "--altitude", "50", "--sso"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "altitude = 50 km" in bad.stderr and "Traceback" not in bad.stderr
