"""Follow-up timeline: patients per arm at randomization and each reported time point,
attrition and the differential-attrition flag."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from trialaudit import schemas, tables, timeline


def _stat(doc_id, stat_id, arm, timepoint, x, n, study_id="S1"):
    text = f"{x}/{n}"
    return {
        "doc_id": doc_id,
        "stat_id": stat_id,
        "study_id": study_id,
        "kind": "count",
        "measure": "",
        "arm": arm,
        "outcome": "o",
        "timepoint": timepoint,
        "value_text": str(x),
        "value": float(x),
        "unit": "",
        "ci_level": None,
        "ci_low_text": "",
        "ci_high_text": "",
        "ci_low": None,
        "ci_high": None,
        "numerator": x,
        "denominator": n,
        "percent_text": "",
        "percent": None,
        "comparator": "",
        "test_type": "",
        "df1": None,
        "df2": None,
        "spread_kind": "",
        "spread_low_text": "",
        "spread_high_text": "",
        "spread_low": None,
        "spread_high": None,
        "refers_to": None,
        "sentence_start": 0,
        "sentence_end": 99,
        "flags": "",
        "source_text": text,
        "span_start": 10 * stat_id,
        "span_end": 10 * stat_id + len(text),
    }


def _arm(doc_id, stat_id, arm, role, n, population="randomized", subgroup="", timepoint=""):
    text = f"{arm} (n = {n})"
    return {
        "doc_id": doc_id,
        "study_id": "S1",
        "arm": arm,
        "arm_key": arm.lower(),
        "role": role,
        "subgroup": subgroup,
        "population": population,
        "n": n,
        "timepoint": timepoint,
        "stat_id": stat_id,
        "source_text": text,
        "span_start": 10 * stat_id,
        "span_end": 10 * stat_id + len(text),
    }


def _trial(rows_arms, rows_stats, settings=None):
    settings = settings or timeline.Settings()
    arms = tables.frame(rows_arms, schemas.ArmsTable)
    statistics = tables.frame(rows_stats, schemas.StatisticsTable)
    comparisons = tables.frame([], schemas.ComparisonsTable)
    units = {(r["doc_id"], "S1") for r in [*rows_arms, *rows_stats]}
    rows = timeline.trial_timeline("T", units, arms, statistics, comparisons, settings)
    return tables.frame(rows, schemas.TimelineTable)


def test_the_phase_2_trial_over_three_years():
    """65 vs 35 randomized; 56 MSC patients at month 12; 49 vs 29 (and 28) at three years."""
    df = _trial(
        [_arm("p2", 1, "UC-MSCs", "intervention", 65), _arm("p2", 2, "placebo", "control", 35)],
        [
            _stat("y1", 3, "MSC", "month 12", 10, 56),
            _stat("y3", 2, "MSC", "year 3", 23, 49),
            _stat("y3", 3, "placebo", "year 3", 10, 29),
            _stat("y3", 6, "MSC", "", 26, 49),
            _stat("y3", 7, "placebo", "", 19, 28),
        ],
    )
    at = df.set_index(["timepoint", "arm"])
    assert at.loc[("randomized", "intervention"), "n"] == 65
    assert at.loc[("randomized", "control"), "n"] == 35
    assert at.loc[("month 12", "intervention"), "n"] == 56
    assert ("month 12", "control") not in at.index
    year3 = at.loc[("year 3", "intervention")]
    assert (year3["n"], year3["lost"]) == (49, 16)
    assert at.loc[("year 3", "control"), "n_reported"] == "29;28"
    assert year3["attrition"] == pytest.approx(16 / 65)
    assert year3["attrition_difference"] == pytest.approx(16 / 65 - 6 / 35)
    # R: fisher.test(matrix(c(16, 49, 6, 29), 2, byrow = TRUE))$p.value  -> 0.4558893754
    assert year3["attrition_p"] == pytest.approx(0.4558893754, rel=1e-9)
    assert year3["differential"] and at.loc[("year 3", "control"), "differential"]
    assert "differential attrition (24.6% vs 17.1% in placebo)" in year3["flags"]
    assert "attrition above 20%" in year3["flags"]
    assert list(df["timepoint"].drop_duplicates()) == ["randomized", "month 12", "year 3"]
    assert not df.loc[df["timepoint"] == "month 12", "differential"].any()


def test_counts_without_a_time_point_take_their_reports_only_one():
    df = _trial(
        [_arm("a", 1, "drug", "intervention", 50), _arm("a", 2, "placebo", "control", 50)],
        [_stat("b", 3, "drug", "week 12", 4, 45), _stat("b", 4, "placebo", "", 5, 44)],
    )
    control = df[(df["arm"] == "control") & (df["timepoint"] != "randomized")].iloc[0]
    assert control["timepoint"] == "week 12"
    assert control["timepoint_source"].startswith("inferred")


def test_a_small_difference_is_not_flagged_and_threshold_is_configurable():
    arms = [_arm("a", 1, "drug", "intervention", 100), _arm("a", 2, "placebo", "control", 100)]
    stats = [_stat("a", 3, "drug", "month 6", 1, 90), _stat("a", 4, "placebo", "month 6", 1, 93)]
    assert not _trial(arms, stats)["differential"].any()
    strict = _trial(arms, stats, timeline.Settings(differential_attrition=0.02))
    assert strict["differential"].any()


def test_more_assessed_than_randomized_is_flagged():
    df = _trial(
        [_arm("a", 1, "drug", "intervention", 20), _arm("a", 2, "placebo", "control", 20)],
        [_stat("a", 3, "drug", "day 28", 2, 22)],
    )
    assert "more patients assessed than randomized" in df["flags"].str.cat()


@pytest.mark.parametrize(
    ("label", "days"),
    [("randomized", 0.0), ("day 28", 28.0), ("month 12", 365.25), ("year 3", 1095.75)],
)
def test_days_of(label, days):
    assert timeline.days_of(label) == pytest.approx(days)


def test_unknown_time_is_nan():
    assert math.isnan(timeline.days_of(timeline.NOT_STATED))


def test_three_arm_trial_keeps_its_arms_apart():
    df = _trial(
        [
            _arm("t", 1, "MSC alone", "intervention", 11),
            _arm("t", 2, "MSC plus EV", "intervention", 8),
            _arm("t", 3, "control", "control", 24),
        ],
        [],
    )
    assert sorted(df["arm_label"]) == ["MSC alone", "MSC plus EV", "control"]
    assert df["arm"].nunique() == 3
    assert isinstance(df, pd.DataFrame)


def test_arm_sizes_prefer_randomized_and_sum_subgroups():
    df = _trial(
        [
            _arm("a", 1, "drug", "intervention", 60, population="treated"),
            _arm("a", 2, "drug", "intervention", 62),
            _arm("a", 3, "placebo", "control", 21, subgroup="moderate", population="enrolled"),
            _arm("a", 4, "placebo", "control", 31, subgroup="severe", population="enrolled"),
            _arm("a", 5, "drug", "intervention", 50, population="analysed", timepoint="month 6"),
        ],
        [],
    )
    at = df.set_index(["timepoint", "arm"])
    assert at.loc[("randomized", "intervention"), "n"] == 62
    assert at.loc[("randomized", "intervention"), "population"] == "randomized"
    assert at.loc[("randomized", "control"), "n"] == 52
    assert "sum of subgroups moderate, severe" in at.loc[("randomized", "control"), "population"]
    assert at.loc[("month 6", "intervention"), "n"] == 50
    assert at.loc[("month 6", "intervention"), "lost"] == 12


def test_attrition_fisher_p_and_counts_are_scipys_and_counters():
    """The attrition p of [[lost, assessed], [lost, assessed]] is scipy's fisher_exact p (to
    rounding: the two sum the same terms in another order)."""
    from collections import Counter

    from scipy import stats

    tables = [(3, 40, 9, 41), (0, 12, 0, 12), (5, 0, 2, 7), (120, 380, 80, 420), (1, 0, 0, 1)]
    for table in tables:
        a, b, c, d = table
        expected = float(stats.fisher_exact([[a, b], [c, d]]).pvalue)
        assert timeline._fisher_p(*table) == pytest.approx(expected, rel=1e-12)
    values = ["placebo", "MSC", "placebo", "", "MSC", "placebo"]
    assert timeline._counts(values) == dict(Counter(values))
    assert timeline._most_reported([40, 41, 41, 40]) == 41


def test_stages_pause_the_garbage_collector_and_restore_it():
    import gc

    from trialaudit import stages

    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(ZeroDivisionError), stages._without_gc():
            assert not gc.isenabled()
            1 / 0  # noqa: B018
        assert gc.isenabled() == enabled
    gc.enable()


def test_a_span_of_hours_from_zero_is_at_its_end():
    from trialaudit import context

    m = context.TIMEPOINT.search("Opioid consumption over 0-72 h was lower")
    assert context.timepoint_label(m) == ("hour 72", 3.0)
