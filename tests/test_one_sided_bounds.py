"""A one-sided confidence bound (a non-inferiority trial's 'lower bound of the one-sided 97.5%
CI') is read as the one limit it is, and held to the counts as the same limit of the
two-sided interval at twice the error (a one-sided 97.5% lower bound is the two-sided 95%
interval's lower limit).

Reference values (R 4, base stats; prop.test without continuity correction is the Wald
interval of the risk difference):
    prop.test(c(180, 184), c(200, 200), correct = FALSE, alternative = "greater",
              conf.level = 0.975)$conf.int  # -0.0760563405453 1
    prop.test(c(180, 184), c(200, 200), correct = FALSE)$conf.int
        # -0.0760563405453 0.0360563405453
    prop.test(c(170, 184), c(200, 200), correct = FALSE, alternative = "greater",
              conf.level = 0.975)$conf.int  # -0.132149713147 1
"""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

COUNTS = "Clinical cure occurred in 180/200 (90.0%) with drug vs 184/200 (92.0%) with comparator; "


def _extract(text: str):
    extraction = extract_document("doc", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    return extraction.statistics, checks


@pytest.mark.parametrize(
    "tail",
    [
        "difference −2.0 percentage points (lower bound of the one-sided 97.5% CI, −7.6).",
        "difference −2.0% (one-sided 97.5% CI lower bound, −7.6%).",
        "the difference was −2.0 percentage points (97.5% one-sided CI: −7.6 to ∞).",
        "difference −2.0 percentage points, with a lower limit of the one-sided 97.5% "
        "confidence interval of −7.6.",
    ],
)
def test_a_lower_bound_is_read_and_held_to_the_counts(tail):
    statistics, checks = _extract(COUNTS + tail)
    (difference,) = [s for s in statistics if s["kind"] == "difference"]
    assert difference["ci_low"] == pytest.approx(-7.6)
    assert difference["ci_high_text"] == ""
    assert "one_sided_ci" in difference["flags"]
    assert difference["ci_level"] == pytest.approx(0.975)
    assert "7.6" in difference["source_text"]
    (row,) = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert row["verdict"] == "consistent"
    assert row["recomputed_value"] == pytest.approx(-7.60563405453, abs=1e-6)


def test_a_lower_bound_that_the_counts_do_not_give_is_inconsistent():
    tail = "difference −2.0 percentage points (lower bound of the one-sided 97.5% CI, −5.6)."
    _, checks = _extract(COUNTS + tail)
    (row,) = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert row["verdict"] == "inconsistent"
    # the nearest bound of the printed estimate's orientation, not of the arms reversed
    assert row["recomputed_value"] == pytest.approx(-7.60563405453, abs=1e-6)


def test_the_bound_of_other_counts_is_inconsistent():
    text = COUNTS.replace("180/200 (90.0%)", "170/200 (85.0%)") + (
        "difference −7.0 percentage points (lower bound of the one-sided 97.5% CI, −7.6)."
    )
    _, checks = _extract(text)
    (row,) = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert row["verdict"] == "inconsistent"
    assert row["recomputed_value"] == pytest.approx(-13.2149713147, abs=1e-6)


def test_an_upper_bound_of_a_ratio_is_its_upper_limit():
    statistics, _ = _extract(
        "Mortality: HR 0.91 (upper bound of the one-sided 97.5% CI, 1.12; margin 1.3)."
    )
    (ratio,) = [s for s in statistics if s["kind"] == "ratio"]
    assert (ratio["ci_low_text"], ratio["ci_high"]) == ("", pytest.approx(1.12))
    assert "one_sided_ci" in ratio["flags"]


def test_a_two_sided_interval_is_not_taken_for_a_bound():
    statistics, _ = _extract(
        COUNTS + "difference −2.0 percentage points (95% CI −7.6 to 3.6; one-sided p = 0.01)."
    )
    (difference,) = [s for s in statistics if s["kind"] == "difference"]
    assert "one_sided_ci" not in difference["flags"]
    assert difference["ci_high"] == pytest.approx(3.6)
