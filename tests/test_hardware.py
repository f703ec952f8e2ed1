"""The hardware of 2026 (issue 17): the system catalog checked against the vendors' specifications, a
choice of system that moves every number it should, mixed fleets that add up, and user catalogs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import catalogs, hardware, model, radiation
from orbital.cli import main
from orbital.errors import OrbitalInputError
from orbital.scenario import load_scenario, parse_scenario

# Vendor specifications, copied here (users have no ../shared): dense = half the "with sparsity" figures.
VENDOR = {
    # NVIDIA H100 datasheet (2023), SXM5: 700 W, 80 GB HBM3, BF16 1,979 / FP8 3,958 TFLOPS with sparsity;
    # DGX H100 user guide: 8 GPUs, 10.2 kW max, 130.45 kg.
    "hgx-h100": {"accelerators": 8, "bf16": 0.989, "fp8": 1.979, "hbm": 80.0, "power": 10.2e3, "chip_w": 700.0},
    # NVIDIA H200 datasheet (2024): 141 GB HBM3e, up to 700 W, the H100's tensor rates.
    "hgx-h200": {"accelerators": 8, "bf16": 0.989, "fp8": 1.979, "hbm": 141.0, "power": 10.2e3, "chip_w": 700.0},
    # GB200 NVL72 (2024): 72 GPUs, 13.4 TB HBM3e per rack, BF16 360 / FP8 720 PFLOPS per rack with sparsity.
    "gb200-nvl72": {"accelerators": 72, "bf16": 2.5, "fp8": 5.0, "hbm": 13.4e3 / 72, "power": 120e3, "chip_w": 1200.0},
    # GB300 NVL72 (GTC 2025): 72 Blackwell Ultra GPUs of 288 GB HBM3e (20.7 TB per rack), 1,400 W each.
    "gb300-nvl72": {"accelerators": 72, "bf16": 2.5, "fp8": 5.0, "hbm": 288.0, "power": 135e3, "chip_w": 1400.0},
    # Google Cloud TPU v6e documentation: 918 TFLOPS BF16, 1,836 TOPS INT8, 32 GB HBM, 8 chips per host.
    "tpu-v6e-host": {"accelerators": 8, "bf16": 0.918, "fp8": 1.836, "hbm": 32.0, "power": None, "chip_w": None},
    # AWS Neuron docs, Trainium2: 667 BF16 / 1,299 FP8 dense TFLOPS, 96 GiB HBM; 16 chips per Trn2 server.
    "trn2-server": {"accelerators": 16, "bf16": 0.667, "fp8": 1.299, "hbm": 96.0, "power": None, "chip_w": None},
}


@pytest.mark.parametrize("name", sorted(VENDOR))
def test_catalog_matches_the_vendor_specifications(name):
    spec, unit = VENDOR[name], hardware.server(name)
    assert unit.accelerators == spec["accelerators"]
    # Dense rates are rounded to three or four figures in the catalog (989.4 -> 0.989 PFLOPS).
    assert unit.pflops_per_accelerator == pytest.approx(spec["bf16"], rel=1e-3)
    assert unit.pflops_fp8_per_accelerator == pytest.approx(spec["fp8"], rel=1e-3)
    assert unit.hbm_gb == pytest.approx(spec["hbm"], rel=0.01)  # 13.4 TB / 72 = 186.1 GB, stored as 186
    if spec["power"] is not None:
        # The vendors' system power (10.2 kW DGX, ~120 kW GB200, 132-140 kW GB300 typical) within 3 %.
        assert unit.power == pytest.approx(spec["power"], rel=0.03)
        # A system draws at least its accelerators' TDP (the rest: CPUs, NICs, switches, fans).
        assert unit.power >= unit.accelerators * spec["chip_w"]
    assert unit.typical_power <= unit.power


@pytest.mark.parametrize("name", hardware.server_names())
def test_every_system_is_sourced_and_names_a_radiation_entry(name):
    unit = hardware.server(name)
    assert unit.status in catalogs.STATUSES
    assert unit.sources and all(len(s) > 20 for s in unit.sources)
    assert unit.accelerator in radiation.catalog_names()
    assert 0 < unit.chassis_fraction < 1
    assert 330 < unit.junction_limit < 400  # 57-127 degC: what data-center silicon throttles at
    assert unit.domain >= 1 and unit.price > 0 and unit.mass > 0


def test_the_choice_of_system_moves_price_mass_accelerators_and_flops():
    base = load_scenario("baseline")
    gb200 = model.run(base)
    h100 = model.run(base.replace(compute__server="hgx-h100", compute__accelerator=None))
    unit = hardware.server("hgx-h100")
    # Accelerators per MW and the ground's hardware price follow the system (the H100's 8 per 10.2 kW).
    for side in (h100.orbital, h100.terrestrial):  # USD per accelerator-hour = LCOC / accelerators per MW
        assert side.lcoc_usd_per_mwh / side.usd_per_accelerator_hour == pytest.approx(8 / 10.2e3 * 1e6)
    assert gb200.orbital.lcoc_usd_per_mwh / gb200.orbital.usd_per_accelerator_hour == pytest.approx(72 / 120e3 * 1e6)
    assert h100.terrestrial.capex_breakdown_usd_per_w["hardware"] == pytest.approx(unit.price / unit.power)
    assert h100.physics["mass_budget_kg_per_kw"]["compute"] == pytest.approx(unit.mass / unit.power * 1e3)
    assert h100.orbital.usd_per_pflop_day != pytest.approx(gb200.orbital.usd_per_pflop_day, rel=0.01)
    assert h100.physics["dose_rad_si_per_year"] == pytest.approx(gb200.physics["dose_rad_si_per_year"])


def test_an_accelerator_that_is_not_the_systems_own_is_an_error_unless_declared():
    mismatch = r"\[compute\] accelerator = 'tpu-v6e' is not the chip of 'gb200-nvl72'"
    with pytest.raises(OrbitalInputError, match=mismatch):
        parse_scenario({"compute": {"server": "gb200-nvl72", "accelerator": "tpu-v6e"}})
    declared = parse_scenario(
        {"compute": {"server": "gb200-nvl72", "accelerator": "tpu-v6e", "accelerator_override": True}}
    )
    assert declared.compute.accelerator == "tpu-v6e"
    assert parse_scenario({"compute": {"server": "hgx-h200"}}).compute.accelerator == ""  # the system's own


def test_suncatcher_is_costed_as_trillium_hosts():
    sc = load_scenario("suncatcher")
    assert sc.compute.server == "tpu-v6e-host"
    assert hardware.fleet_accelerator(sc.compute) == "tpu-v6e"


def test_an_accelerator_count_sets_the_it_power():
    # 220,000 GPUs of 8 per 10.2 kW: 280.5 MW.
    sc = parse_scenario({"compute": {"server": "hgx-h100", "accelerators": 220000}})
    assert sc.compute.it_power == pytest.approx(220000 * 10.2e3 / 8)
    with pytest.raises(OrbitalInputError, match="give it_power or accelerators"):
        parse_scenario({"compute": {"it_power": "1 MW", "accelerators": 100}})


def test_accelerator_shares_become_it_power_shares():
    # Half the GPUs H100 (1,275 W each with their host), half GB200 (1,667 W): power shares 0.433 / 0.567.
    sc = parse_scenario({"compute": {"systems": {"hgx-h100": 0.5, "gb200-nvl72": 0.5}, "share_basis": "accelerators"}})
    h100, gb200 = 10.2e3 / 8, 120e3 / 72
    assert sc.compute.systems["hgx-h100"] == pytest.approx(h100 / (h100 + gb200))
    count = parse_scenario(
        {
            "compute": {
                "systems": {"hgx-h100": 0.5, "gb200-nvl72": 0.5},
                "share_basis": "accelerators",
                "accelerators": 1000,
            }
        }
    )
    assert count.compute.it_power == pytest.approx(500 * h100 + 500 * gb200)


@pytest.mark.parametrize(
    ("compute", "fragment"),
    [
        ({"systems": {"hgx-h100": 0.5, "gb200-nvl72": 0.4}}, "the shares sum to 0.9, not 1"),
        ({"systems": {"hgx-h1000": 1.0}}, "'hgx-h1000' is not in the catalog"),
        ({"systems": {"hgx-h100": -0.5, "gb200-nvl72": 1.5}}, "must be a share in (0, 1]"),
        ({"systems": {"hgx-h100": 1.0}, "server": "hgx-h100"}, "not both"),
        ({"server": "dgx-z9"}, "known: gb200-nvl72, gb300-nvl72, hgx-h100"),
    ],
)
def test_bad_fleets_are_refused_with_the_key(compute, fragment):
    with pytest.raises(OrbitalInputError, match=r"\[compute\]") as info:
        parse_scenario({"compute": compute}, source="fleet.toml")
    assert fragment in str(info.value) and "fleet.toml" in str(info.value)


@pytest.fixture(scope="module")
def fleet_physics():
    base = load_scenario("baseline")
    return base, model.orbit_physics(base)


@settings(max_examples=12, deadline=None)
@given(
    share=st.floats(0.1, 0.9),
    pair=st.sampled_from([("hgx-h100", "gb200-nvl72"), ("hgx-h200", "gb300-nvl72"), ("tpu-v6e-host", "trn2-server")]),
)
def test_a_mixed_fleets_cost_is_the_share_weighted_sum_of_its_pure_fleets(fleet_physics, share, pair):
    """Each system flies on its own satellites, so a fleet of 10 MW at shares s, 1 - s costs (per MW) s times
    system A's fleet of 10 s MW plus (1 - s) times system B's fleet of 10 (1 - s) MW; its LCOC is the total
    cost over the total useful energy."""
    base, physics = fleet_physics
    a, b = pair
    total = 10e6
    mixed = model.compose(
        base.replace(
            compute__server=None,
            compute__accelerator=None,
            compute__systems={a: share, b: 1 - share},
            compute__it_power="10 MW",
        ),
        physics,
    )
    pure = [
        model.compose(
            base.replace(compute__server=name, compute__accelerator=None, compute__it_power=f"{power} W"), physics
        )
        for name, power in ((a, total * share), (b, total * (1 - share)))
    ]
    weights = (share, 1 - share)
    for side in ("orbital", "terrestrial"):
        cost = sum(w * p[side]["lifetime_cost_usd_per_mw"] for w, p in zip(weights, pure, strict=True))
        assert mixed[side]["lifetime_cost_usd_per_mw"] == pytest.approx(cost, rel=1e-9)
        energy = sum(
            w * p[side]["lifetime_cost_usd_per_mw"] / p[side]["lcoc_usd_per_mwh"]
            for w, p in zip(weights, pure, strict=True)
        )
        assert mixed[side]["lcoc_usd_per_mwh"] == pytest.approx(cost / energy, rel=1e-9)
        capex = sum(w * p[side]["capex_usd_per_w"] for w, p in zip(weights, pure, strict=True))
        assert mixed[side]["capex_usd_per_w"] == pytest.approx(capex, rel=1e-9)
    mass = sum(w * p["orbital"]["mass_kg_per_kw"] for w, p in zip(weights, pure, strict=True))
    assert mixed["orbital"]["mass_kg_per_kw"] == pytest.approx(mass, rel=1e-9)
    assert mixed["report"]["satellites"] == sum(p["report"]["satellites"] for p in pure)
    # Upsets add up: the fleet's interruptions are the IT-power-weighted mean of its parts' per-job rates.
    rate = sum(w * p["report"]["cluster_interruptions_per_hour"] for w, p in zip(weights, pure, strict=True))
    assert mixed["report"]["cluster_interruptions_per_hour"] == pytest.approx(rate, rel=1e-9)


USER_SERVER = """
[servers.my-rack]
description = "A hypothetical 100 kW rack"
accelerator = "b200-class"
accelerators = 64
power_kw = 100.0
typical_power_kw = 90.0
mass_kg = 900.0
chassis_fraction = 0.4
price_usd = 2.0e6
pflops_bf16 = 2.0
pflops_fp8 = 4.0
hbm_gb = 192.0
domain = 64
junction_limit_c = 90.0
status = "assumed"
sources = ["A test entry (2026)"]

[servers.gb200-nvl72]
price_usd = 3.0e6
sources = ["A negotiated price (2026)"]
"""


def test_a_user_catalog_adds_and_overrides_entries(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(USER_SERVER)
    overlay = catalogs.read_user_catalog(path)
    with catalogs.using(overlay):
        assert hardware.server("my-rack").mass == 900.0
        assert hardware.server("gb200-nvl72").price == 3.0e6
        assert hardware.server("gb200-nvl72").mass == 1360.0  # the fields not given keep the bundled values
    assert hardware.server("gb200-nvl72").price == 2.5e6  # nothing leaks out of the block
    assert "my-rack" not in hardware.server_names()


def test_a_scenario_names_its_catalogs_and_runs_on_them(tmp_path):
    (tmp_path / "mine.toml").write_text(USER_SERVER)
    (tmp_path / "sc.toml").write_text('[scenario]\ncatalogs = ["mine.toml"]\n[compute]\nserver = "my-rack"\n')
    sc = load_scenario(tmp_path / "sc.toml")
    result = model.run(sc)
    assert result.terrestrial.capex_breakdown_usd_per_w["hardware"] == pytest.approx(2.0e6 / 100e3)
    assert result.physics["mass_budget_kg_per_kw"]["compute"] == pytest.approx(9.0)
    # The same scenario through --catalog, and a bundled scenario priced by the user's file.
    plain = tmp_path / "plain.toml"
    plain.write_text('[compute]\nserver = "my-rack"\n')
    out = tmp_path / "o"
    assert main(["run", str(plain), "--catalog", str(tmp_path / "mine.toml"), "--out", str(out), "--json"]) == 0
    again = model.run(load_scenario("baseline", catalogs=[tmp_path / "mine.toml"]))
    assert again.terrestrial.capex_breakdown_usd_per_w["hardware"] == pytest.approx(3.0e6 / 120e3)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (USER_SERVER.replace('sources = ["A test entry (2026)"]', ""), "[servers.my-rack] sources: every entry needs"),
        (USER_SERVER.replace("mass_kg = 900.0\n", ""), "[servers.my-rack] missing field(s): mass_kg"),
        (USER_SERVER.replace("power_kw = 100.0", 'power_kw = "lots"'), "[servers.my-rack] power_kw = 'lots': must be"),
        (USER_SERVER.replace("power_kw = 100.0", "power_kw = -100.0"), "power_kw = -100.0: must be > 0"),
        (USER_SERVER.replace("power_kw = 100.0", "power_kw = nan"), "must be a finite number"),
        (USER_SERVER.replace("chassis_fraction = 0.4", "chassis_fraction = 1.4"), "must be in [0, 1]"),
        (USER_SERVER.replace('accelerator = "b200-class"', 'accelerator = "x9"'), "accelerator = 'x9' is not in"),
        (USER_SERVER.replace("hbm_gb = 192.0", "hbm_gib = 192.0"), "hbm_gib: unknown field"),
        (USER_SERVER.replace('status = "assumed"', 'status = "guess"'), "must be one of published"),
        ("[rockets.big]\nsources = ['x']\n", "[rockets] is not a catalog that can be extended"),
        ("[servers", "not valid TOML"),
    ],
)
def test_a_bad_user_catalog_names_file_entry_and_field(tmp_path, text, fragment):
    path = tmp_path / "bad-catalog.toml"
    path.write_text(text)
    with pytest.raises(OrbitalInputError) as info:
        catalogs.read_user_catalog(path)
    assert fragment in str(info.value) and "bad-catalog.toml" in str(info.value)
    status = main(["run", "baseline", "--catalog", str(path), "--out", str(tmp_path / "o")])
    assert status == 2 and not (tmp_path / "o").exists()


@pytest.mark.parametrize("name", sorted(catalogs.EXTENDABLE))
def test_every_catalog_accepts_copies_of_all_its_own_entries(tmp_path, name):
    """Every bundled entry, copied under a new name, passes the user-catalog rules: the bundled catalogs are
    held to the rules users are."""
    import tomllib
    from importlib import resources

    filename, groups = catalogs.EXTENDABLE[name]
    data = tomllib.loads(resources.files("orbital").joinpath(f"data/{filename}").read_text("utf-8"))

    def toml(value):
        if isinstance(value, str):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, list):
            return "[" + ", ".join(toml(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{ " + ", ".join(f'"{k}" = {toml(v)}' for k, v in value.items()) + " }"
        return repr(value)

    text, copies = [], []
    for group in groups or (None,):
        for entry_name, entry in (data[group] if group else data).items():
            entry = dict(entry)
            entry.setdefault("sources", [entry.pop("source", "copied for a test (2026)")])
            entry.pop("source", None)
            header = f"[{name}.copy-{entry_name}]" if group is None else f"[{name}.{group}.copy-{entry_name}]"
            text.append(header + "\n" + "\n".join(f"{k} = {toml(v)}" for k, v in entry.items()))
            copies.append((group, f"copy-{entry_name}"))
    path = tmp_path / "copy.toml"
    path.write_text("\n\n".join(text) + "\n")
    overlay = catalogs.read_user_catalog(path)
    with catalogs.using(overlay):
        loaded = catalogs.load(filename)
        for group, copy in copies:
            assert copy in (loaded[group] if group else loaded)


def test_the_hybrid_ground_power_by_hand():
    """Colossus 1's layout: half the facility's energy from the grid, half from on-site turbines sized for
    their half, and one hour of batteries at facility power."""
    base = load_scenario("baseline")
    hybrid = model.run(
        base.replace(terrestrial__power_source="hybrid", terrestrial__grid_share=0.5, terrestrial__storage_hours="1 h")
    )
    t = hybrid.terrestrial
    facility_j = 1e6 * 1.2 * 0.9998 * 365.25 * 86400.0
    assert t.opex_breakdown_usd_per_mw_year["electricity"] == pytest.approx(0.5 * facility_j * 0.0806 / 3.6e6)
    fuel = 0.5 * facility_j * 6200 * 1055.05585262 / 3.6e6 * 4.30 / 1055.05585262e6  # heat rate x gas price
    assert t.opex_breakdown_usd_per_mw_year["fuel"] == pytest.approx(fuel, rel=1e-6)
    assert t.capex_breakdown_usd_per_w["power_plant"] == pytest.approx(0.5 * 1.2 / 0.85 * 1.8)
    assert t.capex_breakdown_usd_per_w["storage"] == pytest.approx(1.0 * 1.2 * 300 / 1000)
    assert math.isfinite(hybrid.cost_ratio)
    assert np.isfinite(t.lcoc_usd_per_mwh)


def test_a_mixed_fleet_sweeps_reports_and_round_trips(tmp_path):
    """Design points of a mixed fleet equal its scalar runs; its resolved scenario reads back to the same answer."""
    from orbital import sweep

    sc = load_scenario("colossus-orbit")
    columns = sweep.sweep(sc, [sweep.parse_axis("launch.price_per_kg=100,1000")]).result.columns
    for price, ratio in zip(columns["launch.price_per_kg"], columns["cost_ratio"], strict=True):
        scalar = model.run(sc.replace(launch__price_per_kg=f"{price} USD/kg"))
        assert ratio == pytest.approx(scalar.cost_ratio, rel=1e-9)
    result = model.run(sc)
    result.save(tmp_path / "out")
    again = model.run(load_scenario(tmp_path / "out" / "scenario.resolved.toml"))
    assert again.cost_ratio == pytest.approx(result.cost_ratio, rel=1e-12)
    assert result.orbital.capital_share["hardware"] == 1.0
