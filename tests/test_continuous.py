"""Means/SDs from medians and the approximate Welch p, against R
(tests/fixtures/continuous_reference.R)."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from reference import FIXTURES, close, rows

from trialaudit import continuous
from trialaudit.continuous import Summary
from trialaudit.rounding import parse_reported

REFERENCE = rows("continuous_reference.csv")


def _arms(row, kind):
    return (
        Summary(row["m1"], row["l1"], row["h1"], int(row["n1"]), kind),
        Summary(row["m2"], row["l2"], row["h2"], int(row["n2"]), kind),
    )


@pytest.mark.parametrize(
    "row", REFERENCE, ids=lambda r: f"{r['m1']}-{r['kind']}-{r['mean_method']}"
)
def test_estimates_and_p_match_r(row):
    first, second = _arms(row, row["kind"])
    m1, sd1 = continuous.mean_sd(first, row["mean_method"])
    m2, sd2 = continuous.mean_sd(second, row["mean_method"])
    for ours, theirs in ((m1, "mean_1"), (sd1, "sd_1"), (m2, "mean_2"), (sd2, "sd_2")):
        assert close(ours, row[theirs], rel=1e-12)
    p = continuous.t_test_p(m1, sd1, first.n, m2, sd2, second.n)
    assert close(p, row["welch_p"], rel=1e-6)


def test_ambiguous_interval_is_read_both_ways():
    row = REFERENCE[0]
    found = continuous.approximate_p(*_arms(row, "iqr_or_range"))
    assert len(found) == 4
    expected = {r["welch_p"] for r in REFERENCE[:4]}
    assert sorted(found.values()) == pytest.approx(sorted(expected), rel=1e-6)


def test_estimators_recover_normal_parameters():
    """For a large normal sample, the estimates from its quantiles approach mean 10, SD 2."""
    n = 4001
    x = 10 + 2 * np.sort(np.random.default_rng(1).standard_normal(n))
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    mean, sd = continuous.mean_sd(Summary(med, q1, q3, n, "iqr"), "Luo")
    assert mean == pytest.approx(10, abs=0.1) and sd == pytest.approx(2, abs=0.1)


@pytest.mark.parametrize(
    "summary",
    [
        Summary(2.0, 2.5, 3.0, 20, "iqr"),  # median outside its interval
        Summary(2.0, 1.0, 3.0, 1, "iqr"),  # one patient
        Summary(2.0, 2.0, 2.0, 20, "range"),  # zero width
        Summary(2.0, -1.0, -1.0, 20, "sd"),  # negative SD
        Summary(float("nan"), 1.0, 3.0, 20, "iqr"),
    ],
)
def test_unusable_summaries_give_a_reason(summary):
    good = Summary(2.0, 1.0, 3.0, 20, "iqr")
    assert isinstance(continuous.approximate_p(summary, good), str)


def _printed_cases():
    with open(FIXTURES / "welch_rounding_reference.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("case", _printed_cases(), ids=lambda c: f"{c['m1']}v{c['m2']}")
def test_p_range_over_the_rounding_of_printed_means_and_sds_matches_r(case):
    """R's t.test (Welch's, and Student's with var.equal = TRUE) over a grid of every printed
    mean and SD's rounding interval (tests/fixtures/welch_rounding_reference.R) finds the same
    smallest and largest p."""
    interval = {k: parse_reported(case[k]).interval() for k in ("m1", "s1", "m2", "s2")}
    low, high = continuous.t_test_p_range(
        interval["m1"], interval["s1"], int(case["n1"]),
        interval["m2"], interval["s2"], int(case["n2"]),
    )  # fmt: skip
    assert close(low, float(case["p_min"]), rel=1e-6, abs_=1e-20)
    assert close(high, float(case["p_max"]), rel=1e-6)
    pooled_low, pooled_high = continuous.t_test_p_range(
        interval["m1"], interval["s1"], int(case["n1"]),
        interval["m2"], interval["s2"], int(case["n2"]), equal_var=True,
    )  # fmt: skip
    assert close(pooled_low, float(case["pooled_p_min"]), rel=1e-6, abs_=1e-20)
    assert close(pooled_high, float(case["pooled_p_max"]), rel=1e-6)
    printed = continuous.t_test_p(
        float(case["m1"]), float(case["s1"]), int(case["n1"]),
        float(case["m2"]), float(case["s2"]), int(case["n2"]),
    )  # fmt: skip
    assert low <= printed <= high
