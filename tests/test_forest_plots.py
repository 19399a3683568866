"""A forest plot exported as text by Review Manager: each trial's counts and estimate, the pooled
estimate recomputed from the trials with the model the header names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from extraction_helpers import checks_named, of_kind, stats

from trialaudit import meta

FIXTURES = Path(__file__).parent / "fixtures" / "metafor"

# The counts are metafor's "homogeneous" set (datasets.csv). The printed values are metafor's
# (R 4.2, metafor 3.8): per trial escalc("OR", ...) with 1.959964 * sqrt(vi); pooled
# rma.mh(ai, n1i, ci, n2i, measure = "OR"): 0.7996 [0.5379, 1.1886], QE 0.0551 (p 0.9966),
# z -1.1058 (p 0.2688).
FOREST = """Analysis 2.1. Comparison 2: Drug versus placebo, Outcome 1: Death at 90 days

Study or Subgroup      Drug              Placebo           Weight   Odds Ratio
                       Events  Total     Events  Total              M-H, Fixed, 95% CI
Adams 2011             10      100       12      100       24.4%    0.81 [0.33, 1.98]
Baker 2013             11      100       13      100       26.2%    0.83 [0.35, 1.95]
Chen 2016 (1)          9       100       12      100       24.6%    0.73 [0.29, 1.81]
Diaz 2019              20      200       24      200       24.8%    0.81 [0.43, 1.53]

Total (95% CI)                 500               500       100.0%   0.80 [0.54, 1.19]
Total events           50                61
Heterogeneity: Chi² = 0.06, df = 3 (P = 1.00); I² = 0%
Test for overall effect: Z = 1.11 (P = 0.27)
"""


def test_revman_random_effects_agree_with_metafor():
    # tests/fixtures/metafor/revman.csv, written by make_revman_fixtures.R (its call column)
    reference = pd.read_csv(FIXTURES / "revman.csv")
    datasets = pd.read_csv(FIXTURES / "datasets.csv")
    m09 = pd.DataFrame(
        {"ai": [14, 12, 22, 6, 19], "n1i": [120, 86, 210, 64, 175]}
        | {"ci": [25, 14, 37, 8, 33], "n2i": [118, 88, 205, 61, 180]}
    )
    assert len(reference) == 10
    for row in reference.itertuples():
        d = m09 if row.dataset == "forest_m09" else datasets[datasets["dataset"] == row.dataset]
        pooled = meta.revman_random(meta.Counts.of(d.ai, d.n1i, d.ci, d.n2i), row.measure)
        got = (pooled.estimate, pooled.ci_low, pooled.ci_high, pooled.q, pooled.tau2)
        want = (row.estimate, row.ci_low, row.ci_high, row.q, row.tau2)
        assert got == pytest.approx(want, rel=1e-8, abs=1e-10), row.dataset
        assert pooled.statistic == pytest.approx(row.z, rel=1e-8)


def test_each_trial_is_a_study_with_its_counts_and_estimate():
    counts = of_kind(FOREST, "count")
    assert [(c["numerator"], c["denominator"], c["arm"], c["study_id"]) for c in counts] == [
        (10, 100, "Drug", "S1"),
        (12, 100, "Placebo", "S1"),
        (11, 100, "Drug", "S2"),
        (13, 100, "Placebo", "S2"),
        (9, 100, "Drug", "S3"),
        (12, 100, "Placebo", "S3"),
        (20, 200, "Drug", "S4"),
        (24, 200, "Placebo", "S4"),
        (50, 500, "Drug", "S5"),  # the pooled rows are one more study
        (61, 500, "Placebo", "S5"),
    ]
    ratios = of_kind(FOREST, "ratio")
    assert [(r["value"], r["measure"], r["study_id"]) for r in ratios] == [
        (0.81, "OR", "S1"),
        (0.83, "OR", "S2"),
        (0.73, "OR", "S3"),
        (0.81, "OR", "S4"),
        (0.80, "OR", "S5"),
    ]
    assert {(r["outcome"], r["timepoint"]) for r in counts + ratios} == {("Death", "day 90")}
    sizes = of_kind(FOREST, "arm_size")
    assert [(s["value"], s["arm"]) for s in sizes] == [(500, "Drug"), (500, "Placebo")]
    assert not of_kind(FOREST, "percentage"), "a trial's weight is no statistic"
    (chi2,) = [t for t in of_kind(FOREST, "test") if t["test_type"] == "chi2"]
    assert (chi2["value"], chi2["df1"]) == (0.06, 3.0)


def test_the_pooled_estimate_is_recomputed_from_the_trials_with_the_stated_model():
    expected = {
        "pooled_vs_trials": ("0.80", "Mantel-Haenszel"),
        "pooled_ci_vs_trials": ("0.54 to 1.19", "Mantel-Haenszel"),
        "heterogeneity_vs_trials": ("0.06", "Mantel-Haenszel"),
        "overall_z_vs_trials": ("1.11", "Mantel-Haenszel"),
    }
    for check, (reported, method) in expected.items():
        (row,) = checks_named(FOREST, check)
        assert (row["reported"], row["method"], row["verdict"]) == (reported, method, "consistent")
    (row,) = checks_named(FOREST, "pooled_vs_trials")
    assert FOREST[row["span_start"] : row["span_end"]].startswith("0.80 [0.54, 1.19]")


@pytest.mark.parametrize(
    ("printed", "slip", "check"),
    [
        ("0.80 [0.54, 1.19]", "0.70 [0.54, 1.19]", "pooled_vs_trials"),
        ("0.80 [0.54, 1.19]", "0.80 [0.64, 1.19]", "pooled_ci_vs_trials"),
        ("Chi² = 0.06", "Chi² = 6.06", "heterogeneity_vs_trials"),
        ("Z = 1.11", "Z = 2.11", "overall_z_vs_trials"),
        # a fixed-effect result under a random-effects label agrees while tau^2 is 0; an
        # inverse-variance model is not a Mantel-Haenszel one, but here they round alike
    ],
)
def test_a_pooled_result_the_trials_cannot_give_is_inconsistent(printed, slip, check):
    (row,) = checks_named(FOREST.replace(printed, slip), check)
    assert row["verdict"] == "inconsistent", row


def test_a_trial_whose_estimate_its_counts_cannot_give_is_caught():
    text = FOREST.replace("0.73 [0.29, 1.81]", "0.93 [0.29, 1.81]")
    midpoints = checks_named(text, "ratio_vs_ci_midpoint")
    assert [r["verdict"] for r in midpoints if r["reported"] == "0.93"] == ["inconsistent"]
    by_counts = checks_named(text, "ratio_vs_counts")
    assert [r["verdict"] for r in by_counts if r["reported"] == "0.93"] == ["inconsistent"]


def test_a_continuous_forest_plot_gives_each_arm_mean_sd_and_size():
    text = (
        "Study or Subgroup  Exercise          Usual care        Weight  Mean Difference\n"
        "                   Mean  SD   Total  Mean  SD   Total          IV, Random, 95% CI\n"
        "Evans 2015         -4.2  6.1  40     -1.0  5.8  41     55.0%   -3.20 [-5.79, -0.61]\n"
        "Ford 2018          -3.5  7.0  35     -1.4  6.6  33     45.0%   -2.10 [-5.33, 1.13]\n"
    )
    means = of_kind(text, "mean")
    assert [(m["value"], m["spread_low"], m["arm"], m["study_id"]) for m in means] == [
        (-4.2, 6.1, "Exercise", "S1"),
        (-1.0, 5.8, "Usual care", "S1"),
        (-3.5, 7.0, "Exercise", "S2"),
        (-1.4, 6.6, "Usual care", "S2"),
    ]
    assert {m["spread_kind"] for m in means} == {"sd"}, "as every other reader writes an SD"
    sizes = [(a["value"], a["arm"], a["study_id"]) for a in of_kind(text, "arm_size")]
    assert sizes == [
        (40, "Exercise", "S1"),
        (41, "Usual care", "S1"),
        (35, "Exercise", "S2"),
        (33, "Usual care", "S2"),
    ]
    assert [d["value"] for d in of_kind(text, "difference")] == [-3.2, -2.1]
    assert all(text[s["span_start"] : s["span_end"]] == s["source_text"] for s in stats(text))
