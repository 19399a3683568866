"""Configuration errors stop the run before any work; nothing in a config or a document is
executed."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from workflow_runner import REPO, make_project, snakemake

from trialaudit.config import config_errors, load_schema

SCHEMA = load_schema(REPO / "workflow" / "schemas" / "config.schema.yaml")
SIZE, TIME = "corpus.max_document_megabytes", "extraction.document_time_limit_seconds"


@pytest.mark.parametrize(
    ("config", "key", "value", "allowed"),
    [
        ({"corpus": {"max_document_megabytes": 0}}, SIZE, "0", "> 0"),
        ({"corpus": {"max_document_megabytes": "20MB"}}, SIZE, "'20MB'", "number"),
        ({"extraction": {"document_time_limit_seconds": -5}}, TIME, "-5", "> 0"),
        ({"corpus": {"extensions": [".txt", "md"]}}, "corpus.extensions[1]", "'md'", 'e.g. ".txt"'),
        ({"corpus": {"exclude": "README.md"}}, "corpus.exclude", "'README.md'", "array"),
        ({"shard_size": True}, "shard_size", "True", "integer"),
        ({"corpus": {"max_megabytes": 5}}, "corpus.max_megabytes", "5", "max_document_megabytes"),
    ],
)  # fmt: skip
def test_every_message_names_key_value_and_what_is_allowed(config, key, value, allowed):
    (message,) = config_errors(config, SCHEMA)
    assert f"'{key}'" in message
    assert f"value {value}" in message
    assert allowed in message.split("allowed")[1]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"corpus": {"max_document_megabytes": -1}}, f"'{SIZE}' has value -1"),
        ({"extraction": {"document_time_limit_seconds": "fast"}}, "has value 'fast'"),
    ],
)  # fmt: skip
def test_a_bad_value_stops_the_run_before_any_job(tmp_path, config, expected):
    project = make_project(tmp_path, config=config)
    result = snakemake(project, check=False)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
    assert not (project / "results").exists() and not (project / "logs").exists()


@pytest.mark.e2e
def test_yaml_tags_in_the_config_are_not_executed(tmp_path):
    project = make_project(tmp_path)
    path = project / "config" / "config.yaml"
    marker = tmp_path / "pwned"
    path.write_text(
        path.read_text(encoding="utf-8")
        + f'alpha: !!python/object/apply:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    result = snakemake(project, check=False)
    assert result.returncode != 0
    assert not marker.exists()
    assert not (project / "results").exists()


# Calls that would run or unpickle what a document (or any file) contains.
UNSAFE = re.compile(
    r"(?<![.\w])(?:eval|exec|compile)\(|\bpickle\b|\bmarshal\b|\bshelve\b|read_pickle|yaml\.load\(|"
    r"yaml\.(?:unsafe_load|full_load)|Loader=yaml\.(?:Loader|UnsafeLoader|FullLoader)|"
    r"shell=True|os\.system|subprocess\.[a-z_]+\(\s*f?[\"']"
)


def test_no_code_path_evaluates_or_unpickles_input():
    sources = [*sorted((REPO / "src").rglob("*.py")), *sorted((REPO / "workflow").rglob("*.py"))]
    sources += [*sorted((REPO / "workflow").rglob("*.smk")), REPO / "Snakefile"]
    offending = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNSAFE.search(line.split("#")[0]) and not line.lstrip().startswith(('"', "'"))
    ]
    assert offending == []
    assert len(sources) > 20


@pytest.mark.e2e
def test_a_nested_value_given_on_the_command_line_is_used(tmp_path):
    # Snakemake hands 'corpus={max_document_megabytes: 0.003}' over as text ('0.003'); typed,
    # it applies: the seed files above 3,000 bytes are quarantined as too large, the rest read.
    project = make_project(tmp_path)
    snakemake(project, "--config", "corpus={max_document_megabytes: 0.003}")
    sizes = {p.stem: p.stat().st_size for p in (project / "data" / "raw").glob("*.txt")}
    too_large = sorted(doc_id for doc_id, size in sizes.items() if size > 3000)
    assert 0 < len(too_large) < len(sizes)
    quarantine = pd.read_csv(project / "results" / "tables" / "quarantine.csv")
    assert sorted(quarantine["doc_id"]) == too_large
    assert all(
        reason.startswith("too large") and "= 0.003" in reason for reason in quarantine["reason"]
    )
