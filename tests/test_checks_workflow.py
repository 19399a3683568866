"""End to end: the real DAG on the seed corpus writes the checks and re-analysis tables."""

from __future__ import annotations

import pandas as pd
import pytest
from workflow_runner import make_project, snakemake

from trialaudit import schemas, tables


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, pd.DataFrame]:
    project = make_project(tmp_path_factory.mktemp("checks"))
    snakemake(project)
    folder = project / "results" / "tables"
    return {
        "checks": tables.read_csv(folder / "checks.csv", schemas.ChecksTable),
        "reanalysis": tables.read_csv(folder / "reanalysis.csv", schemas.ReanalysisTable),
    }


def _row(checks, doc, check, source):
    found = checks[
        checks["doc_id"].str.startswith(doc)
        & (checks["check"] == check)
        & checks["source_text"].str.contains(source, regex=False)
    ]
    assert len(found) == 1, (doc, check, source, found)
    return found.iloc[0]


def test_seed_facts_hold(results):
    checks = results["checks"]
    for source in ("46.94% (23/49)", "34.48% (10/29)", "53.06% (26/49)", "67.86% (19/28)"):
        assert _row(checks, "001", "percent_vs_count", source)["verdict"] == "consistent"
    for source in ("1.68", "0.54"):
        for check in ("ratio_vs_counts", "ci_vs_counts"):
            assert _row(checks, "001", check, source)["verdict"] == "consistent"
    rr = _row(checks, "004", "ratio_vs_counts", "RR: 0.49")
    assert rr["verdict"] == "inconsistent" and rr["recomputed"] == "0.8182"
    assert _row(checks, "004", "ratio_vs_ci_midpoint", "RR: 0.49")["verdict"] == "inconsistent"


def test_inferred_denominator_and_attrition(results):
    checks = results["checks"]
    inferred = _row(checks, "000", "denominator_from_p", "p = 0.013")
    assert inferred["recomputed"] == "placebo n in {30}"
    attrition = checks[checks["check"] == "denominator_vs_randomized"]
    assert set(attrition["reported"]) == {"23/49 vs 10/29", "26/49 vs 19/28"}


def test_reanalysis_has_every_binary_comparison(results):
    reanalysis = results["reanalysis"]
    assert len(reanalysis) == 5
    doc000 = reanalysis[reanalysis["doc_id"].str.startswith("000")].iloc[0]
    assert doc000["inferred_total"] == "total_2 in {30}"
    zero = reanalysis[(reanalysis["events_1"] == 0) & (reanalysis["total_1"] == 8)].iloc[0]
    assert bool(zero["zero_cell"]) and zero["p_midp"] == pytest.approx(0.0699229913579191)
