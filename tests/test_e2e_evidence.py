"""End to end: the real DAG on the BCG trials as documents agrees with metafor; on the seed
corpus it links the reports of one trial, follows its patients and writes the report."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from workflow_runner import make_project, snakemake

pytestmark = pytest.mark.e2e

BCG = Path(__file__).parent / "data" / "bcg"
FIXTURES = Path(__file__).parent / "fixtures" / "metafor"


def bcg_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(BCG.glob("*.txt"))}


@pytest.fixture(scope="module")
def bcg_project(tmp_path_factory):
    project = make_project(
        tmp_path_factory.mktemp("bcg"),
        files=bcg_files(),
        seeds=False,
        config={"meta_analysis": {"tau2_methods": ["REML", "DL", "PM"]}},
    )
    snakemake(project, cores=2)
    return project


def test_bcg_meta_analysis_agrees_with_metafor(bcg_project):
    ours = pd.read_csv(bcg_project / "results" / "tables" / "meta_analysis.csv")
    ref = pd.read_csv(FIXTURES / "rma.csv")
    ref = ref[ref["dataset"] == "bcg"].copy()
    ref["method"] = ref["method"].replace({"FE": "IV"})
    merged = ours.merge(ref, on=["measure", "method", "test"], suffixes=("", "_r"))
    # 3 measures x (3 tau2 estimators x 2 tests + MH + IV)
    assert len(ours) == len(merged) == 24
    assert set(ours["outcome"]) == {"tuberculosis"}
    assert (ours["k"] == 13).all()
    wrong = []
    for row in merged.itertuples(index=False):
        scale = math.exp if row.measure != "RD" else float
        pairs = {
            "estimate": (row.estimate, scale(row.estimate_r)),
            "ci_low": (row.ci_low, scale(row.ci_low_r)),
            "ci_high": (row.ci_high, scale(row.ci_high_r)),
            "i2": (row.i2, row.i2_r),
            "q": (row.q, row.q_r),
            "pval": (row.pval, row.pval_r),
        }
        if row.model == "random":
            pairs["tau2"] = (row.tau2, row.tau2_r)
            pairs["pi_low"] = (row.pi_low, scale(row.pi_low_r))
            pairs["pi_high"] = (row.pi_high, scale(row.pi_high_r))
        for name, (a, b) in pairs.items():
            if not math.isclose(a, b, rel_tol=5e-5, abs_tol=1e-12):
                wrong.append((row.measure, row.method, row.test, name, a, b))
    assert not wrong, wrong
    reml = ours[(ours["measure"] == "RR") & (ours["method"] == "REML") & (ours["test"] == "z")]
    assert [f"{reml.iloc[0][c]:.3f}" for c in ("estimate", "ci_low", "ci_high", "tau2")] == [
        "0.489",
        "0.344",
        "0.696",
        "0.313",
    ]


def test_bcg_trials_forest_plot_and_checks(bcg_project):
    results = bcg_project / "results"
    trials = pd.read_csv(results / "tables" / "trials.csv", keep_default_na=False)
    assert trials["trial_id"].nunique() == 13
    assert (results / "figures" / "forest" / "tuberculosis.png").stat().st_size > 10_000
    assert (results / "figures" / "forest" / "tuberculosis.svg").exists()
    inputs = pd.read_csv(results / "tables" / "meta_inputs.csv")
    assert inputs["used"].all() and len(inputs) == 13


@pytest.fixture(scope="module")
def seed_project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("seeds"))
    snakemake(project, cores=2)
    return project


def test_seed_trials_are_linked_with_evidence(seed_project):
    trials = pd.read_csv(seed_project / "results" / "tables" / "trials.csv", keep_default_na=False)
    reports = trials[trials["relation"] == "reports"]
    trial_of = reports.groupby("doc_id")["trial_id"].agg(lambda ids: set(ids))
    assert trial_of["000_687c769a69b8fe8d"] == {"NCT04288102"}
    assert trial_of["001_ee862e205fadbfc4"] == {"NCT04288102"}  # both of its studies
    assert trial_of["002_41f0e3bedab7cc11"] == {"ChiCTR2000031430"}
    assert trial_of["004_1d94033127122713"] == {"IRCT20200217046526N2"}
    assert len(trial_of["003_b5f6180764dcc2c0"]) == 1
    assert trials["trial_id"].nunique() == 4
    follow_up = reports[reports["doc_id"] == "000_687c769a69b8fe8d"].iloc[0]
    assert (
        follow_up["linked_by"] == "similarity" and "same total (N = 100)" in follow_up["evidence"]
    )


def test_seed_timeline_flags_differential_attrition(seed_project):
    timeline = pd.read_csv(
        seed_project / "results" / "tables" / "timeline.csv", keep_default_na=False
    )
    nct = timeline[timeline["trial_id"] == "NCT04288102"].set_index(["timepoint", "role"])
    assert nct.loc[("randomized", "intervention"), "n"] == 65
    assert nct.loc[("randomized", "control"), "n"] == 35
    assert nct.loc[("year 3", "intervention"), "n"] == 49
    assert nct.loc[("year 3", "control"), "n"] == 29
    assert bool(nct.loc[("year 3", "intervention"), "differential"])
    assert (seed_project / "results" / "figures" / "timeline" / "NCT04288102.png").exists()


def test_seed_summary_leads_with_findings(seed_project):
    text = (seed_project / "results" / "summary.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## What does not add up", "## Trials behind the documents"]
    assert "Mortality was reported in three patients" in text


def test_report_has_every_figure_and_table_with_a_caption(seed_project):
    snakemake(seed_project, "--report", "results/report.html")
    report = (seed_project / "results" / "report.html").read_text(encoding="utf-8")
    for name in (
        "estimates.png",
        "verdicts.png",
        "consistency.png",
        "summary.html",
        "meta_analysis.html",
        "trials.html",
        "timeline.html",
        "outcome_groups.html",
        "mortality.png",
        "NCT04288102.png",
    ):
        assert name in report, name
    assert "Forest plot of the outcome <strong>normal_ct</strong>" in report
    assert "Follow-up of trial <strong>NCT04288102</strong>" in report
    assert "Every checked ratio at a glance" in report
