"""End to end: the extraction tables the real DAG writes for the seeds (documents, studies,
arms, facts, statistics) keep provenance into the decoded documents."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from workflow_runner import SEEDS, make_project, snakemake

from trialaudit import schemas, tables

pytestmark = pytest.mark.e2e

TABLES = {
    "statistics": schemas.StatisticsTable,
    "arms": schemas.ArmsTable,
    "facts": schemas.FactsTable,
    "studies": schemas.StudiesTable,
    "documents": schemas.DocumentsTable,
    "comparisons": schemas.ComparisonsTable,
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    project = make_project(tmp_path_factory.mktemp("extraction"))
    snakemake(project)
    out: Path = project / "results" / "tables"
    return {name: tables.read_csv(out / f"{name}.csv", model) for name, model in TABLES.items()}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.mark.parametrize("table", ["statistics", "arms", "facts"])
def test_every_row_points_at_its_source_text(results, texts, table):
    frame = results[table]
    assert len(frame) > 0
    for row in frame.itertuples(index=False):
        assert texts[row.doc_id][row.span_start : row.span_end] == row.source_text


def test_every_study_title_points_at_its_text(results, texts):
    studies = results["studies"]
    titled = studies[studies["title"] != ""]
    assert len(titled) == len(studies)
    for row in titled.itertuples(index=False):
        span = texts[row.doc_id][int(row.title_start) : int(row.title_end)]
        assert " ".join(span.split()) == row.title


def test_documents_count_their_studies(results):
    documents = results["documents"].set_index("doc_id")
    assert documents.loc["001_ee862e205fadbfc4", "n_studies"] == 2
    others = documents.drop(index="001_ee862e205fadbfc4")
    assert set(others.loc[others["status"] == "ok", "n_studies"]) == {1}


def test_comparisons_reference_existing_statistics(results):
    ids = set(zip(results["statistics"]["doc_id"], results["statistics"]["stat_id"], strict=True))
    columns = [c for c in results["comparisons"].columns if c.endswith("_stat_id")]
    for row in results["comparisons"].to_dict("records"):
        for column in columns:
            if not pd.isna(row[column]):
                assert (row["doc_id"], int(row[column])) in ids
