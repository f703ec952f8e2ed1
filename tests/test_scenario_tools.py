"""Scenario tooling (issue 21): every problem at once, a commented template, a JSON Schema."""

from __future__ import annotations

import json
import tomllib

import pytest

from orbital import model
from orbital.cli import main
from orbital.scenario import SCHEMA, ScenarioErrors, bundled_scenarios, json_schema, load_scenario


def test_a_file_with_three_mistakes_reports_all_three(tmp_path, capsys):
    path = tmp_path / "three.toml"
    path.write_text('[orbit]\naltitud = "550 km"\ninclination = "200 deg"\n[launch]\nfill = 3\n')
    with pytest.raises(ScenarioErrors) as caught:
        load_scenario(path)
    messages = caught.value.messages
    assert len(messages) == 3
    assert any("did you mean 'altitude'" in m for m in messages)
    assert any("inclination = 200 deg is outside the valid range [0, 180] deg" in m for m in messages)
    assert any("[launch] fill = 3 is outside the valid range (0, 1]" in m for m in messages)
    assert all(str(path) in m for m in messages)
    assert main(["validate", str(path), "baseline"]) == 2
    err = capsys.readouterr().err
    assert "3 problems" in err and "Traceback" not in err
    # One mistake reads exactly as before.
    path.write_text("[launch]\nfill = 3\n")
    with pytest.raises(ScenarioErrors, match=r"fill = 3 is outside the valid range \(0, 1\]$"):
        load_scenario(path)


def test_validate_passes_good_files(capsys):
    assert main(["validate", "baseline", "suncatcher", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["file"] for v in data["valid"]] == ["baseline", "suncatcher"]


def test_init_writes_a_template_that_runs_as_its_source(tmp_path, capsys):
    target = tmp_path / "mine"
    assert main(["init", str(target), "--from", "suncatcher"]) == 0
    written = tmp_path / "mine.toml"
    text = written.read_text()
    assert "# altitude" not in text and 'altitude = "650 km"  # given' in text  # what suncatcher gives, set
    assert "# eccentricity = 0.0  # default: circular orbit" in text  # the rest commented, with sources
    tomllib.loads(text)  # valid TOML
    again = model.run(load_scenario(written))
    assert again.cost_ratio == pytest.approx(model.run(load_scenario("suncatcher")).cost_ratio, rel=1e-12)
    assert main(["init", str(target)]) == 2  # an existing file is kept
    assert "exists" in capsys.readouterr().err
    assert main(["init", str(tmp_path / "blank")]) == 0
    assert load_scenario(tmp_path / "blank.toml").name == "blank"


def test_the_json_schema_covers_every_key_and_every_bundled_scenario(capsys):
    schema = json_schema()
    for section, keys in SCHEMA.items():
        properties = schema["properties"][section]["properties"]
        assert set(properties) == set(keys)
    assert schema["properties"]["solar"]["properties"]["pointing"]["enum"]
    for name, path in bundled_scenarios().items():
        raw = tomllib.loads(path.read_text())
        for section, keys in raw.items():
            if section == "uncertainty":
                continue
            properties = schema["properties"][section]["properties"]
            for key, value in keys.items():
                kind = properties[key].get("type")
                accepted = kind if isinstance(kind, list) else [kind]
                python = {"string": str, "number": (int, float), "boolean": bool, "object": dict, "array": list}
                assert any(isinstance(value, python[t]) for t in accepted if t), (name, section, key)
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "orbital scenario"
