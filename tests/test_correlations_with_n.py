"""A correlation reported with its sample size instead of its degrees of freedom ("r = −.32,
p < .001, n = 120") is a test on n − 2 df, its p held to the t test of r as R's cor.test
computes it (statcheck reads only "r(118) = −.32").

Reference values, R 4.x: p(r, n) = 2 * pt(-abs(r * sqrt((n - 2) / (1 - r^2))), n - 2), the p of
cor.test(x, y) for a Pearson r on n pairs:
- p(-.32, 120) = 3.66788831674e-04;
- p(.12, 120) = 1.91723354259e-01, and over r's rounding interval p(.125, 120) =
  1.73730015893e-01 to p(.115, 120) = 2.11032938713e-01;
- p(.41, 85) = 9.74622478726e-05.
"""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check


def _tests_and_checks(text: str) -> tuple[list[dict], dict[str, dict]]:
    extraction, checks = extract_and_check(text)
    tests = [r for r in extraction.statistics if r["kind"] == "test"]
    return tests, {c["check"]: c for c in checks if c["check"] == "p_vs_test"}


def test_a_correlation_with_its_n_after_the_p_is_a_test_on_n_minus_2_df():
    text = "Depression scores correlated with fatigue (r = −.32, p < .001, n = 120)."
    (test,), checks = _tests_and_checks(text)
    assert (test["test_type"], test["df1"], test["value"]) == ("r", 118, -0.32)
    assert text[test["span_start"] : test["span_end"]] == "r = −.32"  # the p lies between
    assert checks["p_vs_test"]["recomputed_value"] == pytest.approx(3.66788831674e-04, rel=1e-9)
    assert checks["p_vs_test"]["verdict"] == "consistent"


def test_a_p_that_does_not_follow_from_r_and_n_is_inconsistent():
    text = "Depression scores correlated with fatigue (r = .12, p = .01, n = 120)."
    _, checks = _tests_and_checks(text)
    check = checks["p_vs_test"]
    assert check["verdict"] == "inconsistent"
    assert check["recomputed_value"] == pytest.approx(1.91723354259e-01, rel=1e-9)
    assert (check["recomputed_low"], check["recomputed_high"]) == pytest.approx(
        (1.73730015893e-01, 2.11032938713e-01), rel=1e-9
    )


def test_an_n_right_after_r_is_part_of_the_test():
    text = "Baseline IL-6 correlated with length of stay (r = 0.41, n = 85; p < 0.001)."
    (test,), checks = _tests_and_checks(text)
    assert text[test["span_start"] : test["span_end"]] == "r = 0.41, n = 85"
    assert test["df1"] == 83
    assert checks["p_vs_test"]["recomputed_value"] == pytest.approx(9.74622478726e-05, rel=1e-9)
    assert checks["p_vs_test"]["verdict"] == "consistent"


@pytest.mark.parametrize(
    "text",
    [
        # a rank correlation's p is not the t test of r
        "IL-6 correlated with length of stay (Spearman r = 0.41, n = 85, p = 0.02).",
        # no n, no df
        "IL-6 correlated with length of stay (r = 0.41, p = 0.02).",
    ],
)
def test_a_correlation_without_the_t_test_or_its_df_is_not_checked(text):  # guards
    extraction, checks = extract_and_check(text)
    assert [r for r in extraction.statistics if r["kind"] == "test"] == []
    assert [c for c in checks if c["check"] == "p_vs_test"] == []


def test_the_n_of_a_correlation_is_no_arm():
    text = "IL-6 correlated with length of stay (Spearman r = 0.41, n = 85, p = 0.02)."
    extraction, _ = extract_and_check(text)
    sizes = [(r["kind"], r["value"]) for r in extraction.statistics if r["kind"].endswith("size")]
    assert sizes == [("sample_size", 85)]
