"""From harmonized comparisons to pooled evidence: one independent table per trial and outcome;
the pooled rows carry metafor's numbers on the reading scale."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from trialaudit import schemas, synthesis, tables

FIXTURES = Path(__file__).parent / "fixtures" / "metafor"


def _cmp(
    doc_id,
    comparison_id,
    outcome_key,
    e1,
    n1,
    e2,
    n2,
    timepoint="",
    arm_1="drug",
    arm_2="control",
    study_id="S1",
    allocation_unit="",
):
    return {
        "doc_id": doc_id,
        "comparison_id": comparison_id,
        "study_id": study_id,
        "kind": "binary",
        "subgroup": "",
        "outcome": outcome_key,
        "outcome_key": outcome_key,
        "inverted": False,
        "timepoint": timepoint,
        "arm_1": arm_1,
        "arm_2": arm_2,
        "events_1": e1,
        "total_1": n1,
        "events_2": e2,
        "total_2": n2,
        "events_1_analysed": e1,
        "events_2_analysed": e2,
        "effect_stat_id": None,
        "allocation_unit": allocation_unit,
    }


def _trials(pairs):
    rows = [
        {
            "trial_id": t,
            "trial_label": t,
            "registrations": "",
            "doc_id": d,
            "study_id": "S1",
            "relation": "reports",
            "linked_by": "own study",
            "linked_to_doc_id": "",
            "linked_to_study_id": "",
            "score": None,
            "evidence": "",
            "title": "",
        }
        for d, t in pairs
    ]
    return tables.frame(rows, schemas.TrialsTable)


def _inputs(rows, trial_pairs, settings=None):
    settings = settings or synthesis.Settings()
    comparisons = tables.frame(rows, schemas.HarmonizedComparisonsTable)
    selected = synthesis.select_inputs(comparisons, _trials(trial_pairs), settings)
    return tables.frame(selected, schemas.MetaInputsTable)


def test_one_table_per_trial_the_latest_time_point():
    inputs = _inputs(
        [
            _cmp("y1", 0, "normal_ct", 10, 56, 2, 30, "month 12"),
            _cmp("y3", 0, "normal_ct", 23, 49, 10, 29, "year 3"),
            _cmp("other", 0, "normal_ct", 5, 20, 4, 21, "day 28"),
        ],
        [("y1", "NCT1"), ("y3", "NCT1"), ("other", "NCT2")],
    )
    used = inputs[inputs["used"]]
    assert sorted(used["doc_id"]) == ["other", "y3"]
    skipped = inputs[~inputs["used"]].iloc[0]
    assert skipped["doc_id"] == "y1" and "same trial also reported by y3" in skipped["reason"]
    earliest = _inputs(
        [
            _cmp("y1", 0, "o", 10, 56, 2, 30, "month 12"),
            _cmp("y3", 0, "o", 23, 49, 10, 29, "year 3"),
        ],
        [("y1", "NCT1"), ("y3", "NCT1")],
        synthesis.Settings(timepoint="earliest"),
    )
    assert list(earliest.loc[earliest["used"], "doc_id"]) == ["y1"]


def test_a_cluster_trial_s_counts_are_not_pooled_as_individuals():
    inputs = _inputs(
        [
            _cmp("a", 0, "malaria", 30, 300, 40, 300),
            _cmp("b", 0, "malaria", 25, 280, 38, 290),
            _cmp("villages", 0, "malaria", 300, 3000, 400, 3000, allocation_unit="clusters"),
        ],
        [("a", "T1"), ("b", "T2"), ("villages", "T3")],
    )
    assert sorted(inputs.loc[inputs["used"], "doc_id"]) == ["a", "b"]
    (skipped,) = inputs.loc[~inputs["used"], "reason"]
    assert skipped.startswith("cluster-randomised")


def test_arms_sharing_a_control_are_combined_once():
    inputs = _inputs(
        [
            _cmp("t", 0, "mortality", 3, 11, 8, 24, arm_1="MSC alone"),
            _cmp("t", 1, "mortality", 0, 8, 8, 24, arm_1="MSC plus EV"),
            _cmp("t", 2, "mortality", 3, 11, 8, 24, arm_1="MSC alone"),  # repeated in the text
        ],
        [("t", "IRCT1")],
    )
    row = inputs.iloc[0]
    assert (row["events_1"], row["total_1"], row["events_2"], row["total_2"]) == (3, 19, 8, 24)
    assert row["arm_1"] == "MSC alone + MSC plus EV"
    assert row["comparison_ids"] == "0;1"
    assert "only one trial" in row["reason"]


def test_incomplete_and_unnamed_tables_are_listed_with_the_reason():
    inputs = _inputs(
        [_cmp("a", 0, "", 1, 10, 2, 10), _cmp("b", 0, "death", 1, 10, 0, None)],
        [("a", "A"), ("b", "B")],
    )
    reasons = dict(zip(inputs["doc_id"], inputs["reason"], strict=True))
    assert reasons == {"a": "no outcome named", "b": "no complete 2x2 counts"}
    assert not inputs["used"].any()


def test_the_pooled_rows_are_metafors_numbers_on_the_reading_scale():
    datasets = pd.read_csv(FIXTURES / "datasets.csv")
    reference = pd.read_csv(FIXTURES / "rma.csv")
    bcg = datasets[datasets["dataset"] == "bcg"]
    rows = [
        _cmp(study, 0, "tuberculosis", a, n1, c, n2)
        for study, a, n1, c, n2 in zip(bcg.study, bcg.ai, bcg.n1i, bcg.ci, bcg.n2i, strict=True)
    ]
    inputs = _inputs(rows, [(s, s) for s in bcg.study])
    settings = synthesis.Settings(tau2_methods=("REML", "DL", "PM"))
    pooled = tables.frame(synthesis.pool(inputs, settings), schemas.MetaAnalysisTable)
    assert len(pooled) == 3 * (3 * 2 + 2)
    method_of = {"IV": "FE"}
    for row in pooled.itertuples(index=False):
        ref = reference[
            (reference["dataset"] == "bcg")
            & (reference["measure"] == row.measure)
            & (reference["method"] == method_of.get(row.method, row.method))
            & (reference["test"] == row.test)
        ].iloc[0]
        scale = math.exp if row.measure != "RD" else float
        for ours, theirs in (
            (row.estimate, scale(ref["estimate"])),
            (row.ci_low, scale(ref["ci_low"])),
            (row.ci_high, scale(ref["ci_high"])),
            (row.i2, ref["i2"]),
            (row.q, ref["q"]),
        ):
            assert ours == pytest.approx(theirs, rel=5e-5), (row, ref["call"])
        if row.model == "random":
            assert row.tau2 == pytest.approx(ref["tau2"], rel=5e-5, abs=1e-12)
            assert row.pi_low == pytest.approx(scale(ref["pi_low"]), rel=5e-5)


def test_a_model_that_cannot_be_fitted_says_why():
    inputs = _inputs(
        [_cmp("a", 0, "o", 0, 10, 0, 10), _cmp("b", 0, "o", 0, 12, 0, 11)], [("a", "A"), ("b", "B")]
    )
    pooled = tables.frame(
        synthesis.pool(inputs, synthesis.Settings(measures=("RR",))), schemas.MetaAnalysisTable
    )
    mh = pooled[pooled["method"] == "MH"].iloc[0]
    assert math.isnan(mh["estimate"]) and "no events" in mh["note"]


def test_subgroup_results_are_not_pooled_with_whole_trials():
    row = _cmp("a", 0, "death", 1, 10, 2, 10) | {"subgroup": "severe"}
    inputs = _inputs([row, _cmp("b", 0, "death", 1, 10, 2, 10)], [("a", "A"), ("b", "B")])
    reasons = dict(zip(inputs["doc_id"], inputs["reason"], strict=True))
    assert reasons["a"] == "subgroup (severe): not pooled with whole-trial results"
    assert list(inputs.loc[inputs["used"], "doc_id"]) == ["b"]


def test_effect_sizes_of_all_rows_at_once_are_those_of_each_row():
    import numpy as np

    from trialaudit import meta

    cells = [(3, 10, 0, 12), (0, 10, 0, 12), (10, 10, 5, 12), (1, 50, 2, 60), (7, 9, 9, 9)]
    rows = [
        synthesis._input_row(
            "o",
            synthesis._Candidate("t", "d", "S1", [i], "", "a", "b", e1, n1, e2, n2),
            used=True,
            reason="",
        )
        for i, (e1, n1, e2, n2) in enumerate([*cells, (None, 10, 1, 10), (1, 0, 1, 10)])
    ]
    synthesis._add_effect_sizes(rows)
    assert rows[0]["or_yi"] is not None  # the per-row values below are really compared
    for row, (e1, n1, e2, n2) in zip(rows, cells, strict=False):
        counts = meta.Counts.of([e1], [n1], [e2], [n2])
        for measure in meta.MEASURES:
            yi, vi = meta.effect_sizes(counts, measure)
            name = measure.lower()
            if np.isfinite(yi[0]) and np.isfinite(vi[0]):
                assert (row[f"{name}_yi"], row[f"{name}_vi"]) == (float(yi[0]), float(vi[0]))
            else:
                assert row[f"{name}_yi"] is None and row[f"{name}_vi"] is None
    for row in rows[len(cells) :]:  # incomplete counts, or an arm without patients
        assert all(row[f"{m.lower()}_{v}"] is None for m in meta.MEASURES for v in ("yi", "vi"))


def test_a_table_whose_arms_are_not_named_is_not_pooled():
    inputs = _inputs(
        [
            _cmp("a", 0, "death", 30, 300, 40, 300),
            _cmp("b", 0, "death", 25, 280, 38, 290),
            _cmp("forum", 0, "death", 10, 50, 20, 50, arm_1="", arm_2=""),
        ],
        [("a", "T1"), ("b", "T2"), ("forum", "T3")],
    )
    assert sorted(inputs.loc[inputs["used"], "doc_id"]) == ["a", "b"]
    (skipped,) = inputs.loc[~inputs["used"], "reason"]
    assert skipped.startswith("arms not named")
