"""A bad configuration stops the run before any work, naming key, value and what is allowed."""

from __future__ import annotations

import pytest
from workflow_runner import REPO, make_project, snakemake

from trialaudit.config import ConfigError, check_config, config_errors, load_schema

SCHEMA = REPO / "workflow" / "schemas" / "config.schema.yaml"


@pytest.fixture(scope="module")
def schema() -> dict:
    return load_schema(SCHEMA)


def test_shipped_config_is_valid(schema):
    import yaml

    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text(encoding="utf-8"))
    assert config_errors(config, schema) == []


def test_out_of_range_value_names_key_value_and_bounds(schema):
    (message,) = config_errors({"alpha": 1.5}, schema)
    assert "'alpha'" in message and "1.5" in message and "< 1" in message


def test_wrong_type_names_key_and_type(schema):
    (message,) = config_errors({"shard_size": "many"}, schema)
    assert "'shard_size'" in message and "'many'" in message and "integer" in message


def test_unknown_nested_key_names_it_and_the_allowed_keys(schema):
    (message,) = config_errors({"checks": {"continuity_corection": 0.5}}, schema)
    assert "checks.continuity_corection" in message
    assert "continuity_correction" in message.split("allowed keys")[1]


def test_check_config_raises_with_every_problem(tmp_path):
    with pytest.raises(ConfigError) as error:
        check_config({"alpha": 0, "ci_level": 2}, SCHEMA)
    assert "'alpha'" in str(error.value) and "'ci_level'" in str(error.value)


@pytest.mark.e2e
def test_bad_config_stops_the_workflow_before_any_job(tmp_path):
    project = make_project(tmp_path, config={"ci_level": 95})
    result = snakemake(project, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "'ci_level'" in output and "95" in output
    assert not (project / "results").exists()
