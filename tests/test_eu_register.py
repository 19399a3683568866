"""Results of an EU Clinical Trials Register record flattened to text (eu_register.py): arm sizes
per period and per end point, counts and summaries in the order of the end point's titles, and
each statistical analysis's estimate, interval and p-value for its comparison groups."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

RECORD = """EU Clinical Trials Register › Clinical trial results
EudraCT number: 2019-001234-11
Subject disposition
Number of subjects started: 300
Arm title: Drug X 10 mg
Arm title: Placebo
Number of subjects in period 1: Drug X 10 mg 151 · Placebo 149
Completed: 140 · 131
End points
End point title: Proportion of subjects in remission at Week 24
End point type: Primary
End point timeframe: Week 24
End point values: Drug X 10 mg | Placebo
Subject group type: Reporting group | Reporting group
Number of subjects analysed: 150 | 148
Units: subjects
number (not applicable): 60 | 37
Statistical analysis title: Remission at Week 24
Comparison groups: Drug X 10 mg v Placebo
Number of subjects included in analysis: 298
P-value: = 0.20
Method: Cochran-Mantel-Haenszel
Parameter estimate: Odds ratio (OR)
Point estimate: 2.0
Confidence interval level: 95 %
sides: 2-sided
lower limit: 1.22
upper limit: 3.27
End point title: Change from baseline in pain score at Week 24
End point type: Secondary
End point values: Drug X 10 mg | Placebo
Number of subjects analysed: 146 | 143
Units: points
least squares mean (standard error): -2.9 (± 0.21) | -1.8 (± 0.22)
Statistical analysis title: Pain at Week 24
Comparison groups: Drug X 10 mg v Placebo
P-value: < 0.001
Parameter estimate: LS mean difference
Point estimate: -1.1
Confidence interval level: 95 %
sides: 2-sided
lower limit: -1.70
upper limit: -0.50
"""


@pytest.fixture(scope="module")
def extraction():
    return extract_document("eu", RECORD)


def rows_of(extraction, kind):
    return [s for s in extraction.statistics if s["kind"] == kind]


def test_sizes_of_the_trial_its_periods_and_its_end_points(extraction):
    sizes = [(s["source_text"], s["arm"], s["population"]) for s in rows_of(extraction, "arm_size")]
    assert sizes == [
        ("151", "Drug X 10 mg", "randomized"),
        ("149", "Placebo", "randomized"),
        ("150", "Drug X 10 mg", "analysed"),
        ("148", "Placebo", "analysed"),
        ("146", "Drug X 10 mg", "analysed"),
        ("143", "Placebo", "analysed"),
    ]
    totals = [(s["value"], s["population"]) for s in rows_of(extraction, "sample_size")]
    assert totals == [(300, "randomized"), (298, "analysed")]


def test_counts_take_their_arm_and_the_number_it_analysed(extraction):
    counts = [(s["value"], s["denominator"], s["arm"]) for s in rows_of(extraction, "count")]
    assert counts == [
        (140, 151, "Drug X 10 mg"),
        (131, 149, "Placebo"),
        (60, 150, "Drug X 10 mg"),
        (37, 148, "Placebo"),
    ]
    remission = next(s for s in rows_of(extraction, "count") if s["value"] == 60)
    assert remission["outcome"] == "Proportion of subjects in remission at Week 24"
    assert remission["timepoint"] == "week 24"


def test_summaries_estimates_and_p_values_of_each_analysis(extraction):
    means = [(s["value"], s["spread_kind"], s["spread_low"]) for s in rows_of(extraction, "mean")]
    assert means == [(-2.9, "se", 0.21), (-1.8, "se", 0.22)]
    (ratio,) = rows_of(extraction, "ratio")
    assert (ratio["measure"], ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (
        "OR",
        2.0,
        1.22,
        3.27,
    )
    assert ratio["arm"] == "Drug X 10 mg vs Placebo"
    (difference,) = rows_of(extraction, "difference")
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (-1.1, -1.7, -0.5)
    p_values = rows_of(extraction, "p_value")
    assert [(p["comparator"], p["value"]) for p in p_values] == [("=", 0.2), ("<", 0.001)]
    assert [p["refers_to"] for p in p_values] == [ratio["stat_id"], difference["stat_id"]]


def test_a_p_value_that_its_analysis_interval_contradicts_is_caught(extraction):
    # OR 2.0 (1.22 to 3.27): se = (ln 3.27 - ln 1.22) / (2 * 1.959964) = 0.2515, z = ln 2.0 /
    # 0.2515 = 2.756, p = 2 * scipy.stats.norm.sf(2.756) = 0.0059 (Altman & Bland 2011), not
    # 0.20; the difference -1.1 (-1.70 to -0.50): z = 1.1 / 0.3061 = 3.59, p = 0.00033 < 0.001
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {c["reported"]: c["verdict"] for c in checks if c["check"] == "p_vs_ci"}
    assert verdicts == {"= 0.20": "inconsistent", "< 0.001": "consistent"}
    totals = [c["verdict"] for c in checks if c["check"] == "total_vs_arm_sizes"]
    assert totals == ["consistent", "consistent"]  # 151 + 149 = 300; 150 + 148 = 298


def test_prose_without_the_registers_rows_is_left_to_the_other_readers():  # guard
    text = "Parameter estimate: the odds ratio was 2.0 (95% CI 1.22-3.27)."
    assert [s["kind"] for s in extract_document("t", text).statistics] == ["ratio"]
