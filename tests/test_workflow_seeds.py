"""End to end: the real DAG on the seed corpus in a temporary project."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from workflow_runner import RAW_FILES, SEEDS, make_project, planned_jobs, snakemake

from trialaudit import schemas, tables

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("seeds"))
    snakemake(project)
    return project


@pytest.fixture(scope="module")
def statistics(project) -> pd.DataFrame:
    return tables.read_csv(project / "results/tables/statistics.csv", schemas.StatisticsTable)


@pytest.fixture(scope="module")
def checks(project) -> pd.DataFrame:
    return tables.read_csv(project / "results/tables/checks.csv", schemas.ChecksTable)


def _decoded(doc_id: str) -> str:
    return next(p for p in SEEDS if p.stem == doc_id).read_text(encoding="utf-8")


def test_every_statistic_points_at_its_source_text(statistics):
    assert len(statistics) > 0
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    for row in statistics.itertuples(index=False):
        assert texts[row.doc_id][row.span_start : row.span_end] == row.source_text


def test_every_check_points_at_the_value_it_checks(checks):
    assert set(checks["verdict"]) <= {"consistent", "inconsistent", "not_checkable"}
    for row in checks.itertuples(index=False):
        assert _decoded(row.doc_id)[row.span_start : row.span_end] == row.source_text


def _check(checks, doc_prefix: str, source_contains: str, check: str) -> pd.Series:
    rows = checks[
        checks["doc_id"].str.startswith(doc_prefix)
        & checks["source_text"].str.contains(source_contains, regex=False)
        & (checks["check"] == check)
    ]
    assert len(rows) == 1, f"expected one {check} check of {source_contains!r}, got {len(rows)}"
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("source", "check"),
    [
        ("46.94% (23/49)", "percent_vs_count"),
        ("34.48% (10/29)", "percent_vs_count"),
        ("53.06% (26/49)", "percent_vs_count"),
        ("67.86% (19/28)", "percent_vs_count"),
        ("1.68", "ratio_vs_counts"),
        ("1.68", "ci_vs_counts"),
        ("1.68", "ratio_vs_ci_midpoint"),
        ("0.54", "ratio_vs_counts"),
        ("0.54", "ci_vs_counts"),
        ("0.54", "ratio_vs_ci_midpoint"),
    ],
)
def test_three_year_follow_up_claims_are_consistent(checks, source, check):
    assert _check(checks, "001_", source, check)["verdict"] == "consistent"


def test_three_year_odds_ratios_are_recomputed_from_their_own_counts(checks):
    # Sample odds ratios of the 2x2 tables the abstract prints, computed here from the counts.
    for source, (a, n1, c, n2) in {"1.68": (23, 49, 10, 29), "0.54": (26, 49, 19, 28)}.items():
        row = _check(checks, "001_", source, "ratio_vs_counts")
        expected = (a / (n1 - a)) / (c / (n2 - c))
        assert math.isclose(row["recomputed_value"], expected, rel_tol=1e-9)


def test_extracellular_vesicle_trial_risk_ratio_does_not_add_up(checks):
    row = _check(checks, "004_", "RR: 0.49", "ratio_vs_counts")
    assert row["verdict"] == "inconsistent"
    # 3 deaths of 11 (MSC alone) vs 8 of 24 (control), the arm sizes printed elsewhere.
    assert math.isclose(row["recomputed_value"], (3 / 11) / (8 / 24), rel_tol=1e-9)
    midpoint = _check(checks, "004_", "RR: 0.49", "ratio_vs_ci_midpoint")
    assert midpoint["verdict"] == "inconsistent"
    assert math.isclose(midpoint["recomputed_value"], math.sqrt(0.14 * 1.11), rel_tol=0.02)


def test_outputs_exist_and_are_valid(project):
    results = project / "results"
    for name in ("documents", "quarantine", "statistics", "checks", "comparisons", "summary"):
        assert (results / "tables" / f"{name}.csv").stat().st_size > 0
    documents = tables.read_csv(results / "tables/documents.csv", schemas.DocumentsTable)
    assert sorted(documents.loc[documents["status"] == "ok", "doc_id"]) == sorted(
        p.stem for p in SEEDS
    )
    assert documents.set_index("file_name").loc["README.md", "status"] == "excluded"
    for stem in ("estimates", "verdicts"):
        assert (results / "figures" / f"{stem}.png").read_bytes()[:4] == b"\x89PNG"
        assert b"<svg" in (results / "figures" / f"{stem}.svg").read_bytes()[:2000]
    summary = (results / "summary.md").read_text(encoding="utf-8")
    assert "What does not add up" in summary
    assert "RR: 0.49" in summary


def test_raw_data_is_never_written(project):
    raw = project / "data" / "raw"
    for original in RAW_FILES:
        assert (raw / original.name).read_bytes() == original.read_bytes()
    assert sorted(p.name for p in raw.iterdir()) == sorted(p.name for p in RAW_FILES)


def test_nothing_to_do_after_a_complete_run(project):
    assert planned_jobs(project) == {}


def test_forcing_one_stage_reruns_it_and_what_depends_on_it(project):
    jobs = planned_jobs(project, "--forcerun", "check_consistency")
    assert set(jobs) == {
        "check_consistency",
        "collect_tables",
        "collect_checks",
        "plot_figures",
        "summarize_results",
        "link_trials",
        "harmonize_outcomes",
        "follow_up_timeline",
        "meta_analysis",
        "plot_forest",
        "plot_timeline",
        "render_tables",
        "write_audit_cards",
        "all",
    }


def test_asking_for_one_output_builds_only_its_inputs(tmp_path):
    project = make_project(tmp_path)
    jobs = planned_jobs(project, "results/tables/checks.csv")
    assert set(jobs) == {
        "normalize_text",
        "extract_statistics",
        "validate_tables",
        "check_consistency",
        "collect_checks",
    }


def test_the_trial_stages_do_not_wait_for_the_checks_to_be_gathered(tmp_path):
    """checks.csv and reanalysis.csv (the largest tables) are gathered by a rule of their own,
    beside collect_tables: linking, timelines and pooling need none of them."""
    project = make_project(tmp_path)
    targets = ["results/tables/timeline.csv", "results/tables/meta_analysis.csv"]
    jobs = planned_jobs(project, *targets)
    assert {"collect_tables", "link_trials", "follow_up_timeline", "meta_analysis"} <= set(jobs)
    assert "collect_checks" not in jobs
    assert planned_jobs(project, "results/tables/reanalysis.csv")["collect_checks"] == 1


def test_changing_one_document_reruns_only_its_shard(tmp_path):
    project = make_project(tmp_path, config={"shard_size": 1})
    snakemake(project)
    target = project / "data" / "raw" / SEEDS[0].name
    target.write_bytes(target.read_bytes() + b"\nAdded: 5/10 (50%) in the MSC group.\n")
    jobs = planned_jobs(project)
    per_shard = ("normalize_text", "extract_statistics", "validate_tables", "check_consistency")
    assert all(jobs[rule] == 1 for rule in per_shard), jobs
    assert jobs["collect_tables"] == 1
