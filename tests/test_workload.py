"""The [workload] section (issue 16): training jobs, inference replicas or a mix, on both sides alike."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbital import model, radiation
from orbital.errors import OrbitalInputError, OrbitalWarning
from orbital.scenario import load_scenario, parse_scenario


def test_replica_goodput_is_the_renewal_availability():
    # Alternating renewal process (Barlow & Proschan 1965): up a mean 1/(λn), down T each time,
    # availability (1/(λn)) / (1/(λn) + T) = 1 / (1 + λnT). λ = 1e-6 /s per chip, n = 72, T = 300 s.
    assert radiation.replica_goodput(1e-6, 72, 300.0) == pytest.approx(1.0 / (1.0 + 1e-6 * 72 * 300), rel=1e-15)
    assert radiation.replica_goodput(0.0, 72, 300.0) == 1.0  # no upsets, no loss


@settings(max_examples=50, deadline=None)
@given(rate=st.floats(1e-12, 1e-3), n=st.integers(1, 10_000), t=st.floats(1.0, 3600.0))
def test_inference_goodput_tends_to_one_as_upsets_vanish(rate, n, t):
    rates = rate * np.array([1.0, 1e-3, 1e-6, 1e-9, 1e-15])
    g = radiation.replica_goodput(rates, n, t)
    # Monotone, and within λnT of 1: at most 1e-3 x 1e-15 x 1e4 x 3600 = 3.6e-11 for the last.
    assert np.all(np.diff(g) >= 0) and g[-1] == pytest.approx(1.0, abs=1e-10)


@settings(max_examples=50, deadline=None)
@given(
    rate=st.floats(1e-9, 1e-5),
    chips=st.integers(8, 100_000),
    delta=st.floats(10.0, 600.0),
    restart=st.floats(0.0, 3600.0),
    more=st.floats(1.0, 3600.0),
)
def test_training_goodput_falls_as_the_restart_grows(rate, chips, delta, restart, more):
    common = {"kind": "training", "job_accelerators": chips, "checkpoint_time": delta}
    common |= {"replica_accelerators": 1, "recovery_time": 1.0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OrbitalWarning)  # goodput 0 draws are allowed here
        fast = radiation.workload_goodput(rate, restart_time=restart, **common)
        slow = radiation.workload_goodput(rate, restart_time=restart + more, **common)
    assert slow <= fast


def test_training_goodput_is_dalys_with_the_restart():
    # Daly (2006) eq. 20: wall time per unit work M e^(R/M) (e^((τ+δ)/M) − 1) / τ at his optimum τ.
    rate, chips, delta, restart = 2e-7, 4096, 60.0, 600.0
    m = 1.0 / (rate * chips)
    tau = radiation.daly_checkpoint_interval(delta, m)
    expected = tau / (m * np.exp(restart / m) * np.expm1((tau + delta) / m))
    got = radiation.workload_goodput(
        rate, "training", chips, delta, restart, replica_accelerators=72, recovery_time=300.0
    )
    assert got == pytest.approx(expected, rel=1e-12)


def test_a_mix_is_weighted_by_its_training_share():
    args = {"job_accelerators": 4096, "checkpoint_time": 60.0, "restart_time": 600.0}
    args |= {"replica_accelerators": 72, "recovery_time": 300.0}
    train = radiation.workload_goodput(3e-8, "training", **args)
    infer = radiation.workload_goodput(3e-8, "inference", **args)
    mix = radiation.workload_goodput(3e-8, "mix", training_share=0.3, **args)
    assert mix == pytest.approx(0.3 * train + 0.7 * infer, rel=1e-15)
    with pytest.raises(OrbitalInputError, match="workload = 'serving'"):
        radiation.workload_goodput(3e-8, "serving", **args)


def test_both_sides_run_the_same_workload():
    base = load_scenario("baseline")
    inference = model.run(base)
    training = model.run(base.replace(workload__kind="training"))
    # The ground loses more to a 10-minute restart of a 600-accelerator job than to 5-minute replica recoveries.
    assert training.terrestrial.goodput < inference.terrestrial.goodput < 1.0
    assert training.orbital.goodput < inference.orbital.goodput
    # And the link carries the workload's traffic: training sends checkpoints down, inference tokens.
    assert training.physics["demand_bps"] != inference.physics["demand_bps"]
    mix = model.run(base.replace(workload__kind="mix", workload__training_share=0.5))
    assert min(training.orbital.goodput, inference.orbital.goodput) < mix.orbital.goodput
    assert mix.orbital.goodput < max(training.orbital.goodput, inference.orbital.goodput)


def test_the_replica_defaults_to_the_servers_accelerator_domain():
    result = model.run("baseline")
    assert result.derived["workload"]["replica_accelerators"] == "72"  # GB200 NVL72


def test_moved_keys_are_read_with_a_warning_naming_the_new_key():
    with pytest.warns(OrbitalWarning, match=r"\[radiation\] checkpoint_time has moved to \[workload\] checkpoint_time"):
        sc = parse_scenario({"radiation": {"checkpoint_time": "90 s"}}, source="old.toml")
    assert sc.workload.checkpoint_time == 90.0
    with pytest.warns(OrbitalWarning, match=r"\[downlink\] workload has moved to \[workload\] kind"):
        assert parse_scenario({"downlink": {"workload": "training"}}, source="old.toml").workload.kind == "training"
    with pytest.raises(OrbitalInputError, match="also gives: keep only the new one"):
        parse_scenario({"radiation": {"job_it_power": 2}, "workload": {"job_it_power": 3}}, source="old.toml")
    with pytest.raises(OrbitalInputError, match="has moved to workload.checkpoint_time"):
        parse_scenario(
            {"uncertainty": {"radiation.checkpoint_time": {"distribution": "uniform", "low": 30, "high": 90}}},
            source="old.toml",
        )


def test_bad_workload_input_is_named():
    for raw, fragment in (
        ({"workload": {"kind": "serving"}}, "[workload] kind = 'serving' is not one of"),
        (
            {"workload": {"restart_time": "0 s"}},
            "[workload] restart_time = 0 s is outside the valid range (0, 86400] s",
        ),
        ({"workload": {"training_share": 1.5}}, "[workload] training_share = 1.5 is outside"),
        ({"workload": {"replica_accelerators": 7.5}}, "[workload] replica_accelerators = 7.5 must be a whole number"),
        ({"workload": {"recovery_time": "-1 s"}}, "[workload] recovery_time = -1 s"),
    ):
        with pytest.raises(OrbitalInputError, match=None) as info:
            parse_scenario(raw, source="w.toml")
        assert fragment in str(info.value), str(info.value)
