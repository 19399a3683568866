"""A bad configuration stops the run before any work, naming key, value and what is allowed."""

from __future__ import annotations

import pytest
from workflow_runner import REPO, make_project, snakemake

from trialaudit.config import (
    ConfigError,
    check_config,
    config_errors,
    load_schema,
    type_command_line,
)

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


def test_nested_command_line_values_get_their_schema_type(schema):
    # What Snakemake merges for --config 'checks={...}' 'timeline={...}': every scalar as text.
    overrides = {
        "checks": {"p_zero_error": "false", "document_time_limit_seconds": "60"},
        "timeline": {"high_attrition": "0.25"},
    }
    config = {
        "alpha": 0.05,
        "checks": {"continuity_correction": 0.5, **overrides["checks"]},
        "timeline": {"differential_attrition": 0.05, **overrides["timeline"]},
    }
    changed = type_command_line(config, overrides, schema)
    assert sorted(changed) == [
        "checks.document_time_limit_seconds",
        "checks.p_zero_error",
        "timeline.high_attrition",
    ]
    assert config["checks"]["p_zero_error"] is False
    assert config["checks"]["document_time_limit_seconds"] == 60
    assert config["timeline"] == {"differential_attrition": 0.05, "high_attrition": 0.25}
    assert config_errors(config, schema) == []


def test_text_that_is_not_of_the_type_is_still_an_error(schema):
    overrides = {
        "checks": {"denominator_search_max": "1.5", "document_time_limit_seconds": "fast"},
        "timeline": {"high_atrition": "0.2"},  # misspelt: not in the schema
    }
    config = {key: dict(value) for key, value in overrides.items()}
    assert type_command_line(config, overrides, schema) == []
    messages = "\n".join(config_errors(config, schema))
    assert "'checks.denominator_search_max' has value '1.5'" in messages
    assert "'checks.document_time_limit_seconds' has value 'fast'" in messages
    assert "'timeline.high_atrition' is not known" in messages


def test_only_the_command_line_values_are_typed(schema):
    # A quoted number in config.yaml stays an error; so does one the command line did not give.
    config = {"alpha": "0.05", "checks": {"p_zero_error": "false", "continuity_correction": "1"}}
    assert type_command_line(config, {"checks": {"p_zero_error": "false"}}, schema) == [
        "checks.p_zero_error"
    ]
    assert config["alpha"] == "0.05" and config["checks"]["continuity_correction"] == "1"
    assert len(config_errors(config, schema)) == 2
