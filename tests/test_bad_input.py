"""Every bad input refused clearly (issue 15): exit 2, the option or the file and `[section] key`, the
value and the valid range; nothing written; never a traceback. A table of bad inputs over every
command and every scenario section, and a property test over random scenario files."""

from __future__ import annotations

import contextlib
import io
import json
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbital.cli import main
from orbital.scenario import SCHEMA
from orbital.sweep import VECTOR_KEYS


def run_cli(argv) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one command, in this process (argparse's exits included)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse's usage errors
            status = exc.code
    return status, out.getvalue(), err.getvalue()


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value) if isinstance(value, (str, list)) else repr(value)


def _outside(key) -> list:
    """Values just outside a key's valid range, in its bare unit, as a scenario file writes them."""
    low, high, low_open, high_open = key.bounds
    scale = key.scale
    values = []
    if math.isfinite(low):
        values.append(low / scale if low_open else low / scale - max(1.0, abs(low / scale) * 0.01))
    if math.isfinite(high):
        values.append(high / scale if high_open else high / scale + max(1.0, abs(high / scale) * 0.01))
    return values


# (case id, section, key, TOML value, fragments the message must hold)
SCENARIO_CASES = []
for section, keys in SCHEMA.items():
    for name, key in keys.items():
        if key.kind in ("quantity", "optional-quantity"):
            for value in _outside(key):
                SCENARIO_CASES.append(
                    (f"{section}.{name}={value:g}", section, name, value, ["valid range", key.range_text()])
                )
            SCENARIO_CASES.append(
                (f"{section}.{name}=list", section, name, [1, 2], ["must be a number or a value with units"])
            )
        elif key.kind == "text" and key.choices:
            SCENARIO_CASES.append((f"{section}.{name}=choice", section, name, "nonsense", ["is not one of"]))
        elif key.kind == "flag":
            SCENARIO_CASES.append((f"{section}.{name}=flag", section, name, "yes", ["must be true or false"]))
SCENARIO_CASES += [
    ("radiation.track_samples=fraction", "radiation", "track_samples", 1500.7, ["must be a whole number"]),
    ("orbit.epoch=date", "orbit", "epoch", "2026-02-30", ["is not an ISO 8601 date"]),
    ("orbit.altitude=unit", "orbit", "altitude", "650 kg", ["has units of mass"]),
    ("compute.it_power=zero", "compute", "it_power", "0 MW", ["valid range"]),
    ("finance.nre=negative", "finance", "nre", "-1e9 USD", ["valid range", "[0, inf) USD"]),
    ("finance.discount_rate=-0.9", "finance", "discount_rate", -0.9, ["[0, 0.5]"]),
    ("finance.discount_rate=5", "finance", "discount_rate", 5.0, ["[0, 0.5]"]),
    ("terrestrial.availability=0", "terrestrial", "availability", 0.0, ["(0, 1]"]),
    ("thermal.radiator_temperature=2999K", "thermal", "radiator_temperature", "2999 K", ["[150, 450] K"]),
    ("orbit.sunlight_step=0s", "orbit", "sunlight_step", "0 s", ["[1, 600] s"]),
    ("compute.satellite_it_power=1W", "compute", "satellite_it_power", "1 W", ["[1, 100000] kW"]),
    ("downlink.fibre_distance=-5", "downlink", "fibre_distance", -5, ["[0, 40000] km"]),
    ("compute.server=unknown", "compute", "server", "dgx-z9", ["not in the catalog", "known:"]),
    ("launch.vehicle=unknown", "launch", "vehicle", "saturn-v", ["not in the catalog", "known:"]),
]


@pytest.mark.parametrize(
    ("section", "key", "value", "fragments"),
    [case[1:] for case in SCENARIO_CASES],
    ids=[case[0] for case in SCENARIO_CASES],
)
def test_a_bad_scenario_value_names_file_key_value_and_range(tmp_path, section, key, value, fragments):
    path = tmp_path / "bad.toml"
    path.write_text(f"[{section}]\n{key} = {_toml_value(value)}\n")
    status, out, err = run_cli(["run", path, "--out", tmp_path / "results", "--json"])
    assert status == 2, err
    assert out == "" and "Traceback" not in err
    assert err.count("\n") == 1, err  # one line
    assert f"bad.toml: [{section}] {key}" in err, err
    for fragment in fragments:
        assert fragment in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]  # nothing written


SCENARIO_STRUCTURE_CASES = [
    ("[orbbit]\naltitude = 650\n", ["unknown section [orbbit]", "did you mean 'orbit'"]),
    ("[orbit]\naltitud = 650\n", ["unknown key 'altitud' in [orbit]", "did you mean 'altitude'"]),
    ("[orbit]\naltitude = \n", ["line 2"]),
    ("[orbit]\nsun_synchronous = false\n", ["[orbit] is missing the required key 'inclination'"]),
    ("[launch]\nyear = 2030\nprice_per_kg = 200\n", ["[launch] give year or price_per_kg, not both"]),
    ("orbit = 5\n", ["[orbit] must be a table of keys"]),
    ("[compute]\nit_power = { a = 1 }\n", ["[compute] it_power", "must be a number"]),
    (
        '[uncertainty]\n"launch.price_per_kg" = { distribution = "normal", mean = 500, sd = 200 }\n',
        ["[uncertainty] launch.price_per_kg", "outside the valid range (0, inf) USD/kg", "low = 0"],
    ),
    (
        '[uncertainty]\n"finance.discount_rate" = { distribution = "uniform", low = -0.2, high = 0.1 }\n',
        ["[uncertainty] finance.discount_rate", "its low must be >= 0"],
    ),
    (
        '[uncertainty]\n"launch.bus_cost" = { distribution = "gamma", shape = 2 }\n',
        ["distribution = 'gamma' is not one of"],
    ),
    (
        '[uncertainty]\n"launch.bus_cost" = { distribution = "normal", mean = 500 }\n',
        ["missing sd"],
    ),
    (
        '[uncertainty]\n"orbit.altitude" = { distribution = "uniform", low = 500, high = 700 }\n',
        ["orbit.altitude"],
    ),
    (
        '[uncertainty]\n"launch.vehicle" = { distribution = "uniform", low = 1, high = 2 }\n',
        ["only numeric keys can be uncertain"],
    ),
    ('[uncertainty]\n"launch.nothing" = { distribution = "uniform", low = 1, high = 2 }\n', ["unknown parameter"]),
    (
        '[uncertainty]\n"launch.bus_cost" = { distribution = "lognormal", median = -5, sigma = 1 }\n',
        ["median = -5 must be > 0"],
    ),
]


@pytest.mark.parametrize(("text", "fragments"), SCENARIO_STRUCTURE_CASES)
def test_a_bad_scenario_file_is_refused_in_one_line(tmp_path, text, fragments):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    status, out, err = run_cli(["mc", path, "--samples", "10", "--out", tmp_path / "s.csv"])
    assert status == 2 and out == "" and "Traceback" not in err, err
    assert "bad.toml" in err
    for fragment in fragments:
        assert fragment in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


ORBIT = ["--altitude", "650", "--sso", "--days", "2"]

# (id, argv, fragments of stderr); every one exits 2 and prints nothing on stdout
COMMAND_CASES = [
    ("orbit-altitude", ["orbit", "--altitude", "100", "--sso"], ["altitude = 100 km is outside"]),
    ("orbit-ltan", ["orbit", *ORBIT, "--ltan", "25:00"], ["--ltan = '25:00'"]),
    ("orbit-ecc", ["orbit", "--altitude", "650", "--inclination", "53", "--eccentricity", "1.5"], ["eccentricity"]),
    ("orbit-shadow", ["orbit", *ORBIT, "--shadow", "square"], ["argument --shadow: invalid choice"]),
    ("orbit-step", ["orbit", *ORBIT, "--step", "0"], ["step = 0 s is outside"]),
    ("orbit-bc", ["orbit", *ORBIT, "--ballistic-coefficient", "-5"], ["ballistic coefficient = -5"]),
    ("orbit-missing", ["orbit", "--sso"], ["--altitude"]),
    ("solar-efficiency", ["solar", *ORBIT, "--efficiency", "1e-9"], ["--efficiency = 1e-09", "[0.01, 0.6]"]),
    ("solar-packing", ["solar", *ORBIT, "--packing", "1.5"], ["--packing = 1.5", "(0, 1]"]),
    ("solar-itpower", ["solar", *ORBIT, "--it-power", "0"], ["--it-power = '0' must be positive"]),
    ("solar-eclipse", ["solar", *ORBIT, "--eclipse-load", "2"], ["--eclipse-load = 2", "[0, 1]"]),
    ("solar-cell", ["solar", *ORBIT, "--cell", "perovskite-x"], ["cell = 'perovskite-x' is not in the catalog"]),
    ("solar-dod", ["solar", *ORBIT, "--depth-of-discharge", "0"], ["--depth-of-discharge = 0", "(0, 1]"]),
    ("solar-fluence", ["solar", *ORBIT, "--fluence", "-1"], ["--fluence = -1"]),
    ("thermal-temp", ["thermal", *ORBIT, "--temperature", "2999 K"], ["--temperature = 2999 K", "[150, 450] K"]),
    ("thermal-albedo", ["thermal", *ORBIT, "--albedo", "2"], ["--albedo = 2", "[0, 1]"]),
    ("thermal-sides", ["thermal", *ORBIT, "--sides", "3"], ["--sides = 3", "[1, 2]"]),
    ("thermal-sides-frac", ["thermal", *ORBIT, "--sides", "1.5"], ["--sides = '1.5' must be a whole number"]),
    ("thermal-both", ["thermal", *ORBIT, "--temperature", "300", "--junction-limit", "350"], ["not both"]),
    ("thermal-junction", ["thermal", *ORBIT, "--junction-limit", "600 K"], ["--junction-limit = 600 K"]),
    ("thermal-cop", ["thermal", *ORBIT, "--heat-pump-cop", "0"], ["--heat-pump-cop = 0", "(0, 50]"]),
    ("thermal-coating", ["thermal", *ORBIT, "--coating", "gold"], ["not in the catalog"]),
    ("thermal-ir", ["thermal", *ORBIT, "--earth-ir", "-3"], ["--earth-ir = -3 W/m2"]),
    ("radiation-shield", ["radiation", *ORBIT, "--shielding", "-1 mm"], ["--shielding = -1 mm", "[0.1, 50] mm"]),
    ("radiation-chips", ["radiation", *ORBIT, "--chips", "0"], ["--chips = '0'"]),
    ("radiation-accel", ["radiation", *ORBIT, "--accelerator", "h900"], ["known: b200-class"]),
    ("radiation-see", ["radiation", *ORBIT, "--see-threshold", "0.1"], ["--see-threshold = 0.1 MeV"]),
    ("radiation-phi", ["radiation", *ORBIT, "--modulation-potential", "-5"], ["--modulation-potential = -5 MV"]),
    ("radiation-file", ["radiation", *ORBIT, "--solar-event", "/nonexistent.csv"], ["no such file"]),
    ("radiation-samples", ["radiation", *ORBIT, "--samples", "150.7"], ["--samples = '150.7' must be a whole"]),
    ("radiation-neutrons", ["radiation", *ORBIT, "--ground-neutron-flux", "-13"], ["--ground-neutron-flux"]),
    ("launch-mass", ["launch", *ORBIT, "--mass", "0.001", "--power", "1"], ["--mass = 0.001 kg", "[1, 1e+06] kg"]),
    ("launch-power", ["launch", *ORBIT, "--mass", "500", "--power", "-1"], ["--power = -1 kW"]),
    ("launch-half", ["launch", *ORBIT, "--mass", "575"], ["give --mass and --power"]),
    ("launch-vehicle", ["launch", *ORBIT, "--vehicle", "atlas-v"], ["known: ariane-64"]),
    ("launch-year", ["launch", *ORBIT, "--mass", "575", "--power", "28", "--year", "2019"], ["--year = 2019"]),
    ("launch-fill", ["launch", *ORBIT, "--fill", "0"], ["--fill = 0", "(0, 1]"]),
    ("launch-price", ["launch", *ORBIT, "--price", "-200"], ["--price = -200 USD/kg", "(0, inf)"]),
    ("launch-itpower", ["launch", *ORBIT, "--it-power", "0.5"], ["--it-power = 0.5 kW", "[1, 100000] kW"]),
    ("launch-server", ["launch", *ORBIT, "--server", "cray-1"], ["not in the catalog"]),
    ("launch-isp", ["launch", *ORBIT, "--thruster-isp", "5 s"], ["--thruster-isp = 5 s"]),
    ("launch-margin", ["launch", *ORBIT, "--margin", "-0.2"], ["--margin = -0.2", "[0, 2]"]),
    ("link-band", ["link", *ORBIT, "--band", "s"], ["argument --band: invalid choice"]),
    ("link-availability", ["link", *ORBIT, "--availability", "100"], ["--availability = 100 percent"]),
    ("link-elevation", ["link", *ORBIT, "--min-elevation", "90"], ["[0, 90) deg"]),
    ("link-fibre", ["link", *ORBIT, "--fibre-distance", "-5"], ["--fibre-distance = -5 km"]),
    ("link-station", ["link", *ORBIT, "--stations", "svalbard,mars"], ["known: fairbanks"]),
    ("link-itpower", ["link", *ORBIT, "--it-power", "-1 MW"], ["--it-power = -1 MW is outside"]),
    ("run-missing", ["run", "no/such/file.toml"], ["no/such/file.toml"]),
    ("run-out-file", ["run", "baseline", "--out", "{tmp}/afile/sub"], ["'{tmp}/afile' is a file"]),
    ("compare-missing", ["compare", "baseline", "nonsense-scenario"], ["nonsense-scenario"]),
    ("plot-figure", ["plot", "baseline", "--figure", "beta", "--out", "{tmp}/figs"], ["--figure = 'beta'"]),
    ("plot-format", ["plot", "baseline", "--format", "gif"], ["argument --format: invalid choice"]),
    ("plot-out-file", ["plot", "baseline", "--figure", "cost", "--out", "{tmp}/afile"], ["is a file"]),
    ("report-format", ["report", "baseline", "--format", "docx"], ["argument --format: invalid choice"]),
    ("report-dir", ["report", "baseline", "-o", "{tmp}"], ["is a directory"]),
    ("sweep-none", ["sweep", "baseline"], ["give at least one --set"]),
    ("sweep-key", ["sweep", "baseline", "--set", "orbit.altitud=400:500:3"], ["did you mean 'orbit.altitude'"]),
    ("sweep-range", ["sweep", "baseline", "--set", "launch.price_per_kg=-5:100:3"], ["(0, inf) USD/kg"]),
    ("sweep-list", ["sweep", "baseline", "--set", "finance.discount_rate=0.05,0.9"], ["[0, 0.5]"]),
    ("sweep-out", ["sweep", "baseline", "--set", "launch.bus_cost=1,2", "--out", "{tmp}/x.txt"], ["give a .parquet"]),
    ("sweep-workers", ["sweep", "baseline", "--set", "launch.bus_cost=1,2", "--workers", "-3"], ["--workers"]),
    (
        "sweep-seed",
        ["sweep", "baseline", "--set", "launch.bus_cost=1:9:3", "--samples", "5", "--seed", "-1"],
        ["--seed"],
    ),
    ("sweep-samples", ["sweep", "baseline", "--set", "launch.bus_cost=1:9:3", "--samples", "-1"], ["--samples"]),
    ("sweep-resume", ["sweep", "baseline", "--set", "launch.bus_cost=1,2", "--resume"], ["--resume needs --out"]),
    (
        "sweep-huge",
        ["sweep", "baseline", "--set", "launch.bus_cost=1:9:20000", "--set", "launch.price_per_kg=1:9:20000"],
        ["400,000,000 design points", "--allow-large"],
    ),
    ("mc-none", ["mc", "baseline"], ["[uncertainty]"]),
    ("mc-samples", ["mc", "uncertainty", "--samples", "0"], ["--samples"]),
    ("mc-seed", ["mc", "uncertainty", "--seed", "-1"], ["--seed"]),
    ("mc-huge", ["mc", "uncertainty", "--samples", "1000000000"], ["GiB", "--allow-large"]),
    ("mc-out", ["mc", "uncertainty", "--samples", "10", "--out", "{tmp}"], ["give a .parquet or .csv file"]),
    ("mc-out-below-file", ["mc", "uncertainty", "--samples", "10", "--out", "{tmp}/afile/s.csv"], ["is a file"]),
    ("sensitivity-output", ["sensitivity", "uncertainty", "--output", "beauty"], ["is not an output"]),
    ("sensitivity-target", ["sensitivity", "uncertainty", "--target", "0"], ["--target"]),
    ("sensitivity-seed", ["sensitivity", "uncertainty", "--seed", "-4"], ["--seed"]),
    ("crossover-samples", ["crossover", "uncertainty", "--samples", "-1"], ["--samples"]),
    ("crossover-figure", ["crossover", "uncertainty", "--figure", "{tmp}/c.gif"], ["give a .png, .svg or .pdf"]),
    ("optimize-none", ["optimize", "baseline"], ["give at least one --vary"]),
    ("optimize-orbit", ["optimize", "baseline", "--vary", "orbit.altitude=400km:900km"], ["does not change the orbit"]),
    ("optimize-bounds", ["optimize", "baseline", "--vary", "radiation.shielding=0mm:20mm"], ["[0.1, 50] mm"]),
    ("optimize-objective", ["optimize", "baseline", "--vary", "launch.bus_cost=10:100", "--objective", "joy"], ["joy"]),
    ("optimize-samples", ["optimize", "baseline", "--vary", "launch.bus_cost=10:100", "--samples", "1"], ["--samples"]),
    ("no-command", [], ["COMMAND"]),
    ("unknown-command", ["launchh"], ["invalid choice"]),
]


@pytest.mark.parametrize(("argv", "fragments"), [c[1:] for c in COMMAND_CASES], ids=[c[0] for c in COMMAND_CASES])
def test_a_bad_option_exits_2_naming_it(tmp_path, argv, fragments):
    (tmp_path / "afile").write_text("in the way")
    before = sorted(p.name for p in tmp_path.iterdir())
    status, out, err = run_cli([str(a).replace("{tmp}", str(tmp_path)) for a in argv])
    assert status == 2, (status, err)
    assert out == "" and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment.replace("{tmp}", str(tmp_path)) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, no .partial left


def test_there_are_over_a_hundred_cases():
    assert len(SCENARIO_CASES) + len(SCENARIO_STRUCTURE_CASES) + len(COMMAND_CASES) >= 100


# ------------------------------------------------------------------------------------------
# Random scenario files: a finite answer, or exit 2 naming a key; never anything else
# ------------------------------------------------------------------------------------------

NUMERIC = sorted(name for name in VECTOR_KEYS if SCHEMA[name.split(".")[0]][name.split(".")[1]].valid)


def _in_range(name):
    key = SCHEMA[name.split(".")[0]][name.split(".")[1]]
    low, high, _, _ = key.bounds
    lo = low / key.scale if math.isfinite(low) else -1e6
    hi = high / key.scale if math.isfinite(high) else max(lo, 0) + 1e6
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def _any_value(name):
    key = SCHEMA[name.split(".")[0]][name.split(".")[1]]
    weird = st.sampled_from([-1e300, 1e300, "-3", "", "12 furlongs", "nan", "inf", [1.0], True])
    return st.one_of(_in_range(name), weird, st.floats(allow_nan=False, allow_infinity=False)).map(
        lambda v: round(v, 6) if isinstance(v, float) and abs(v) < 1e12 else v
    ) | st.just(key.default)


@st.composite
def scenario_files(draw):
    names = draw(st.lists(st.sampled_from(NUMERIC), min_size=1, max_size=6, unique=True))
    sections = {}
    for name in names:
        section, key = name.split(".")
        value = draw(_any_value(name))
        if value is not None:
            sections.setdefault(section, {})[key] = value
    return sections


def _toml(sections) -> str:
    lines = []
    for section, keys in sections.items():
        lines.append(f"[{section}]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in keys.items()]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sections=scenario_files())
def test_random_scenarios_give_a_finite_answer_or_a_named_refusal(tmp_path, sections):
    path = tmp_path / "random.toml"
    path.write_text(_toml(sections))
    status, out, err = run_cli(["run", path, "--json"])
    assert "Traceback" not in err and "Infinity" not in out and "NaN" not in out
    if status == 0:
        result = json.loads(out)
        assert math.isfinite(result["cost_ratio"]) and result["orbital"]["lcoc_usd_per_mwh"] > 0
    else:
        assert status == 2, err
        error = [line for line in err.splitlines() if ": error: " in line]
        assert len(error) == 1, err
        # One error, naming the file and each [section] key (several problems are listed below it).
        listed = err[err.index(": error: ") :]
        assert "random.toml" in error[0] and re.search(r"\[[a-z]+\] [a-z_]+", listed), listed
