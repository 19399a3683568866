"""A mean difference within patients printed with the SD of the differences and a t on df
("the mean within-patient difference in pain score was 2.1 (SD 3.4), t(23) = 3.03") is held to
the paired t, |mean| / (SD / sqrt(df + 1)), a one-sample t of the differences (Student 1908).

Reference values, R 4.x: d <- mk(2.1, 3.4, 24), a sample with exactly that mean and SD (mk <-
function(m, s, n) {z <- rnorm(n); m + s * (z - mean(z)) / sd(z)}): t.test(d)$statistic =
3.02584027049687 on 23 df, p 0.00601373780136; over the rounding of 2.1 and 3.4, 2.05 / (3.45 /
sqrt(24)) = 2.91098781026 to 2.15 / (3.35 / sqrt(24)) = 3.14412116238."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, one, one_check


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "In this crossover trial of 24 patients, the mean within-patient difference in pain "
            "score was 2.1 (SD 3.4), t(23) = 3.03, p = .006.",
            "consistent",
        ),
        (
            "The mean paired difference was 2.1 ± 3.4 points (t(23) = 3.03, P = 0.006).",
            "consistent",
        ),
        (
            "The mean paired difference was 2.1 ± 3.4 points (t(23) = 4.03, P = 0.006).",
            "inconsistent",
        ),
    ],
)
def test_a_t_after_a_paired_difference_and_its_sd(text, verdict):
    difference = one(text, "difference")
    assert (difference["spread_kind"], difference["spread_low_text"]) == ("sd", "3.4")
    row = one_check(text, "test_vs_paired_difference")
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (2.91098781026, 3.14412116238), rel=1e-6
    )
    assert row["recomputed_low"] <= 3.02584027049687 <= row["recomputed_high"]


@pytest.mark.parametrize(
    "text",
    [
        # between groups, an SD beside a difference is not that of paired differences
        "The mean difference between groups was 2.1 (SD 3.4), t(46) = 2.14, p = .04.",
        # a t without df gives no n
        "The mean paired difference was 2.1 ± 3.4 points (t = 3.03, P = 0.006).",
    ],
)
def test_no_paired_t_without_pairs_or_df(text):  # guards
    assert not checks_named(text, "test_vs_paired_difference")
