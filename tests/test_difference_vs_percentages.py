"""A difference in percentage points printed after two arms' percentages, and nothing else to
check it against: the check difference_vs_percentages.

Reference values are interval arithmetic on the printed numbers' rounding intervals: 21.3 and
15.6 stand for [21.25, 21.35] and [15.55, 15.65], whose difference lies in [5.6, 5.8]; 45 and 30
stand for [44.5, 45.5] and [29.5, 30.5], whose difference lies in [14, 16].
"""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def checks_of(text: str, name: str = "difference_vs_percentages") -> list[dict]:
    extraction = extract_document("d", text)
    rows = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return [row for row in rows if row["check"] == name]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Mortality was 21.3% vs 15.6%, a 5.7-percentage-point difference.", "consistent"),
        ("Mortality was 21.3% vs 15.6%, a 5.6-percentage-point difference.", "consistent"),
        ("Mortality was 21.3% vs 15.6%, a 5.9-percentage-point difference.", "inconsistent"),
        ("Mortality was 21.3% vs 15.6%, a 7.7-percentage-point difference.", "inconsistent"),
        (
            "Mortality was 21.3% in the drug group and 15.6% in the placebo group (absolute "
            "difference, -5.7 percentage points; 95% CI -11.8 to 0.4).",
            "consistent",
        ),
        (
            "Mortality was 21.3% vs 15.6%. The 5.7-percentage-point difference was not "
            "significant.",
            "consistent",
        ),
        (
            "The response rate was 45% with drug and 30% with placebo (absolute risk reduction "
            "16 percentage points).",
            "consistent",
        ),
        (
            "The response rate was 45% with drug and 30% with placebo (absolute risk reduction "
            "17 percentage points).",
            "inconsistent",
        ),
        (
            "The response rate was 45% with drug and 30% with placebo (absolute risk reduction "
            "15%).",
            "consistent",
        ),
    ],
)
def test_a_difference_against_the_two_percentages_before_it(text, verdict):
    (row,) = checks_of(text)
    assert row["verdict"] == verdict
    assert text[row["span_start"] : row["span_end"]] == row["source_text"]
    assert row["reported"] in row["source_text"]


def test_the_recomputed_difference_has_the_sign_printed():
    (row,) = checks_of(
        "Mortality was 21.3% with drug and 15.6% with placebo (absolute difference, -5.7 "
        "percentage points; 95% CI -11.8 to 0.4)."
    )
    assert row["recomputed_value"] == pytest.approx(-5.7)


@pytest.mark.parametrize(
    "text",
    [
        # the counts are there: difference_vs_counts checks it
        "Mortality was 64/300 (21.3%) vs 47/301 (15.6%), a 5.7-percentage-point difference.",
        # two pairs before two differences: which goes with which is not read
        "Mortality was 21% vs 16% and ICU admission 30% vs 20%, differences of 5 and 10 "
        "percentage points.",
        # a percent difference may be relative
        "Mortality was 21.3% vs 15.6%, a 27% difference.",
        # three arms' percentages
        "Mortality was 21.3%, 18.0% and 15.6%, a 5.7-percentage-point difference.",
    ],
)
def test_no_check_where_the_two_percentages_are_not_known(text):
    """Guards: no check before this change either."""
    assert checks_of(text) == []


def test_a_difference_with_its_counts_is_checked_against_them_instead():
    text = "Mortality was 64/300 (21.3%) vs 47/301 (15.6%), a 5.7-percentage-point difference."
    (row,) = checks_of(text, "difference_vs_counts")
    assert row["verdict"] == "consistent"


# --- ratio_vs_percentages ------------------------------------------------------------------
# R 4.x: (21.25/78.75)/(15.65/84.35) = 1.454384 and (21.35/78.65)/(15.55/84.45) = 1.474241,
# the odds ratios at the corners of the rounding box of 21.3% and 15.6%; 21.25/15.65 =
# 1.357827 and 21.35/15.55 = 1.372990 the risk ratios.


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Mortality was 21.3% vs 15.6% (RR 1.37, 95% CI 1.01 to 1.85).", "consistent"),
        ("Mortality was 21.3% vs 15.6% (RR 1.36).", "consistent"),
        ("Mortality was 21.3% vs 15.6% (RR 1.38).", "inconsistent"),
        ("Mortality was 21.3% vs 15.6% (OR 1.46, 95% CI 1.02 to 2.10).", "consistent"),
        ("Mortality was 21.3% vs 15.6% (OR 1.47).", "consistent"),
        ("Mortality was 21.3% vs 15.6% (OR 1.49).", "inconsistent"),
        # a risk ratio printed as an odds ratio
        ("Mortality was 21.3% vs 15.6% (OR 1.37, 95% CI 1.01 to 1.85).", "inconsistent"),
        # the arms the other way round: 15.6 / 21.3 = 0.732, its reciprocal 1.37
        ("Mortality was 15.6% with drug and 21.3% with placebo (RR 1.37).", "consistent"),
        ("Mortality was 15.6% with drug and 21.3% with placebo (RR 0.73).", "consistent"),
        # adjusted: need not be the crude ratio
        ("Mortality was 21.3% vs 15.6% (adjusted OR 1.80, 95% CI 1.2 to 2.6).", "not_checkable"),
    ],
)
def test_a_ratio_against_the_two_percentages_before_it(text, verdict):
    (row,) = checks_of(text, "ratio_vs_percentages")
    assert row["verdict"] == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Mortality was 21.3% vs 15.6% (HR 1.52, 95% CI 1.1 to 2.0).",  # time to event
        "Mortality was 64/300 (21.3%) vs 47/301 (15.6%) (RR 1.37).",  # ratio_vs_counts
        "Mortality was 0% vs 15.6% (RR 0.10).",  # no finite range
    ],
)
def test_no_ratio_check_against_percentages_that_cannot_give_it(text):
    """Guards: no check before this change either."""
    assert checks_of(text, "ratio_vs_percentages") == []
