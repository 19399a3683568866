"""Figures: the same bytes every time (no dates, fixed SVG ids), and the points and rows a
reader is meant to see."""

from __future__ import annotations

import pandas as pd
import pytest

from trialaudit import figures, schemas, synthesis, tables

STYLE = "workflow/styles/trialaudit.mplstyle"


@pytest.fixture
def style(repo):
    return str(repo / STYLE)


def _inputs():
    rows = [
        {
            "doc_id": d,
            "comparison_id": 0,
            "study_id": "S1",
            "kind": "binary",
            "subgroup": "",
            "outcome": "death",
            "outcome_key": "death",
            "inverted": False,
            "timepoint": "",
            "arm_1": "drug",
            "arm_2": "control",
            "events_1": a,
            "total_1": n1,
            "events_2": c,
            "total_2": n2,
            "events_1_analysed": a,
            "events_2_analysed": c,
            "effect_stat_id": None,
        }
        for d, a, n1, c, n2 in (("a", 4, 123, 11, 139), ("b", 0, 40, 3, 41), ("c", 13, 90, 20, 88))
    ]
    comparisons = tables.frame(rows, schemas.HarmonizedComparisonsTable)
    trials = tables.frame([], schemas.TrialsTable)
    inputs = tables.frame(
        synthesis.select_inputs(comparisons, trials, synthesis.Settings()), schemas.MetaInputsTable
    )
    meta = tables.frame(synthesis.pool(inputs, synthesis.Settings()), schemas.MetaAnalysisTable)
    return inputs, meta


@pytest.mark.parametrize("measure", ["RR", "OR", "RD"])
def test_forest_plot_bytes_are_reproducible(tmp_path, style, measure):
    inputs, meta = _inputs()
    first = figures.plot_forest(inputs, meta, {}, "death", measure, 0.95, style, tmp_path / "a")
    second = figures.plot_forest(inputs, meta, {}, "death", measure, 0.95, style, tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first[0].read_bytes()


def test_forest_plot_of_a_single_trial(tmp_path, style):
    inputs, meta = _inputs()
    one = inputs[inputs["doc_id"] == "a"]
    paths = figures.plot_forest(one, meta.iloc[0:0], {}, "death", "RR", 0.95, style, tmp_path / "x")
    assert all(p.stat().st_size > 1000 for p in paths)


def _checks(rows):
    base = {
        "comparison_id": None,
        "reported": "",
        "recomputed": "",
        "recomputed_low": None,
        "recomputed_high": None,
        "method": "",
        "decision_error": None,
        "approximate": False,
        "note": "",
        "source_text": "",
        "span_start": 0,
        "span_end": 0,
    }
    return pd.DataFrame([base | r for r in rows])


def test_consistency_points_are_every_checked_ratio_value():
    statistics = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "stat_id": [5, 6],
            "kind": ["ratio", "p_value"],
            "ci_low": [0.14, None],
            "ci_high": [1.11, None],
        }
    )
    checks = _checks(
        [
            {
                "doc_id": "d",
                "check_id": 0,
                "stat_id": 5,
                "check": "ratio_vs_counts",
                "reported_value": 0.49,
                "recomputed_value": 0.82,
                "verdict": "inconsistent",
            },
            {
                "doc_id": "d",
                "check_id": 1,
                "stat_id": 5,
                "check": "ci_vs_counts",
                "reported_value": None,
                "recomputed_value": None,
                "recomputed_low": 0.27,
                "recomputed_high": 2.5,
                "verdict": "inconsistent",
            },
            {
                "doc_id": "d",
                "check_id": 2,
                "stat_id": 5,
                "check": "ratio_vs_ci_midpoint",
                "reported_value": 0.49,
                "recomputed_value": 0.39,
                "verdict": "inconsistent",
            },
            {
                "doc_id": "d",
                "check_id": 3,
                "stat_id": 6,
                "check": "p_vs_ci",
                "reported_value": 0.08,
                "recomputed_value": 0.17,
                "verdict": "inconsistent",
            },
        ]
    )
    points = figures.consistency_points(statistics, checks)
    got = sorted(zip(points["kind"], points["reported"], points["recomputed"], strict=True))
    assert got == [
        ("CI lower limit vs counts", 0.14, 0.27),
        ("CI upper limit vs counts", 1.11, 2.5),
        ("estimate vs centre of its CI", 0.49, 0.39),
        ("estimate vs counts", 0.49, 0.82),
    ]


def test_timeline_figure_with_an_unreported_arm(tmp_path, style):
    rows = pd.DataFrame(
        {
            "trial_id": "T",
            "arm": ["intervention", "control", "intervention"],
            "arm_label": ["MSC", "placebo", "MSC"],
            "role": ["intervention", "control", "intervention"],
            "timepoint": ["randomized", "randomized", "year 3"],
            "days": [0.0, 0.0, 1095.75],
            "n": [65, 35, 49],
            "attrition": [0.0, 0.0, 16 / 65],
            "differential": [False, False, True],
        }
    )
    first = figures.plot_timeline(rows, "T: a trial", style, tmp_path / "a")
    second = figures.plot_timeline(rows, "T: a trial", style, tmp_path / "b")
    assert first[1].read_bytes() == second[1].read_bytes()


def test_file_stems_are_safe_and_distinct():
    assert figures.file_stem("NCT04288102") == "NCT04288102"
    slashed = figures.file_stem("003_b5f6/S1")
    assert "/" not in slashed and slashed != figures.file_stem("003_b5f6_S1")


def test_timelines_drawn_for_a_big_corpus_are_those_with_most_to_show(tmp_path, monkeypatch):
    from trialaudit import stages

    def row(trial, timepoint, doc_id, flags=""):
        return {
            "trial_id": trial, "arm": "control", "arm_label": "placebo", "role": "control",
            "timepoint": timepoint, "days": None, "timepoint_source": "", "population": "",
            "n": 10, "n_reported": "10", "randomized": None, "lost": None, "attrition": None,
            "attrition_difference": None, "attrition_p": None, "differential": False,
            "flags": flags, "doc_id": doc_id, "stat_id": 0, "source_text": "",
            "span_start": 0, "span_end": 0,
        }  # fmt: skip

    rows = [row(f"T{i:03d}", "randomized", "a") for i in range(figures.MAX_ROWS + 20)]
    rows += [row("T050", "week 4", "a"), row("T051", "randomized", "b")]
    rows += [row("T052", "week 4", "b", flags="attrition above 20%")]
    timeline = tmp_path / "timeline.csv"
    tables.write_csv(tables.frame(rows, schemas.TimelineTable), timeline)
    trials = tmp_path / "trials.csv"
    tables.write_csv(tables.frame([], schemas.TrialsTable), trials)
    drawn = []
    monkeypatch.setattr(figures, "plot_timeline", lambda rows, title, *_: drawn.append(title))
    stages.plot_timelines(str(timeline), str(trials), "default", str(tmp_path / "out"))
    expected = ["T052", "T050", "T051"] + [f"T{i:03d}" for i in range(figures.MAX_ROWS - 3)]
    assert drawn == sorted(expected)
