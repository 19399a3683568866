"""Estimates and p-values printed after two arms' percentages and no counts: the checks
difference_vs_percentages, ratio_vs_percentages and p_vs_percentages.

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


# --- p_vs_percentages ----------------------------------------------------------------------
# 40.0% of 150 is 60/150 and 27.3% of 150 is 41/150 (the only counts that round to them). R 4.x,
# m <- matrix(c(60, 90, 41, 109), 2): fisher.test(m)$p.value = 0.02762408,
# chisq.test(m, correct = FALSE)$p.value = 0.02027189, chisq.test(m)$p.value = 0.02787048.
# 40% and 27% of 150 allow 60/150 and 40/150 (or 41/150): fisher.test(matrix(c(60, 90, 40, 110),
# 2))$p.value = 0.01973616.
ALLOCATED = "We randomly assigned 300 patients to drug (n = 150) or placebo (n = 150). "


@pytest.mark.parametrize(
    ("result", "verdict", "method"),
    [
        ("40.0% with drug and 27.3% with placebo (p = 0.028)", "consistent", "Fisher exact"),
        ("40.0% with drug and 27.3% with placebo (p = 0.020)", "consistent", "Pearson chi-square"),
        ("40% with drug and 27% with placebo (p = 0.0197)", "consistent", "Fisher exact"),
        # smaller than every test gives: fewer analysed could not explain it
        ("40.0% with drug and 27.3% with placebo (p = 0.002)", "inconsistent", ""),
        # larger: fewer analysed than allocated could
        ("40.0% with drug and 27.3% with placebo (p = 0.20)", "not_checkable", ""),
        # the p of the estimate the percentages give
        (
            "40.0% with drug and 27.3% with placebo (RR 1.47, 95% CI 1.08 to 1.99; p = 0.028)",
            "consistent",
            "Fisher exact",
        ),
    ],
)
def test_a_p_value_against_the_counts_the_percentages_and_arm_sizes_give(result, verdict, method):
    (row,) = checks_of(ALLOCATED + "The response rate was " + result + ".", "p_vs_percentages")
    assert row["verdict"] == verdict
    assert row["method"].startswith(method)
    assert "of 150" in row["assumption"]
    if verdict == "consistent":
        assert "/150 vs " in row["method"]


def test_the_analysed_sizes_are_the_denominators_when_the_text_gives_them():
    # 50.0% of 140 is 70/140 and 30.0% of 140 is 42/140 (of 150: 75 and 45); R 4.x:
    # fisher.test(matrix(c(70, 70, 42, 98), 2))$p.value = 0.0009493794
    text = (
        "We randomly assigned 300 patients to drug (n = 150) or placebo (n = 150). The analysis "
        "included 140 patients in the drug group and 140 in the placebo group. The response "
        "rate was 50.0% with drug and 30.0% with placebo (p = 0.00095)."
    )
    rows = checks_of(text, "p_vs_percentages")
    assert [(r["verdict"], r["method"]) for r in rows] == [
        ("consistent", "Fisher exact, 70/140 vs 42/140")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a p of the next sentence's outcome
        ALLOCATED + "Response: 40.0% with drug and 27.3% with placebo. Titres were higher with "
        "drug (p = 0.002).",
        # another hypothesis
        ALLOCATED + "The response rate was 40.0% with drug and 27.3% with placebo (p for "
        "interaction = 0.002).",
        # no arm sizes
        "The response rate was 40.0% with drug and 27.3% with placebo (p = 0.002).",
    ],
)
def test_no_p_check_from_percentages_that_may_not_be_its_counts(text):
    """Guards: no check before this change either."""
    assert checks_of(text, "p_vs_percentages") == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            ALLOCATED + "The response rate was 40.0% with drug and 27.3% with placebo (adjusted "
            "OR 1.9, 95% CI 1.1 to 3.2; p = 0.002).",
            "an adjusted estimate",
        ),
        (
            ALLOCATED + "Death occurred in 40.0% with drug and 27.3% with placebo (HR 1.6, 95% "
            "CI 1.1 to 2.3; p = 0.002).",
            "a hazard ratio",
        ),
    ],
)
def test_the_p_of_an_estimate_the_percentages_cannot_give_is_not_judged(text, why):
    """Guards: the p of an adjusted estimate or a hazard ratio is no test of the percentages'
    2x2 tables; its row says so rather than judging it (it had no row before)."""
    (row,) = checks_of(text, "p_vs_percentages")
    assert row["verdict"] == "not_checkable"
    assert row["note"].startswith(why)


def test_a_p_of_another_hypothesis_is_flagged_in_the_statistics():
    rows = extract_document("d", "The effect did not differ by sex (P for interaction = 0.41).")
    (p_row,) = [r for r in rows.statistics if r["kind"] == "p_value"]
    assert "tests_another_hypothesis" in p_row["flags"].split(";")


# --- ci_vs_percentages ---------------------------------------------------------------------
# 60/150 vs 41/150, R 4.x with epitools, t <- matrix(c(109, 90, 41, 60), 2):
# riskratio.wald(t)$measure[2, ] = 1.463415 (1.055939, 2.028130);
# oddsratio.wald(t)$measure[2, ] = 1.772358 (1.090765, 2.879862).


@pytest.mark.parametrize(
    ("estimate", "verdict"),
    [
        ("RR 1.46, 95% CI 1.06 to 2.03", "consistent"),
        ("OR 1.77, 95% CI 1.09 to 2.88", "consistent"),
        # narrower than any interval of the full arms
        ("RR 1.46, 95% CI 1.27 to 1.71", "inconsistent"),
        ("OR 1.77, 95% CI 1.30 to 2.40", "inconsistent"),
        # wider: fewer analysed could give it
        ("RR 1.46, 95% CI 0.95 to 2.30", "not_checkable"),
    ],
)
def test_a_ci_against_the_counts_the_percentages_and_arm_sizes_give(estimate, verdict):
    text = ALLOCATED + f"The response rate was 40.0% with drug and 27.3% with placebo ({estimate})."
    (row,) = checks_of(text, "ci_vs_percentages")
    assert row["verdict"] == verdict
    assert row["method"].endswith("60/150 vs 41/150")


def test_a_ci_of_a_difference_in_points_against_the_percentages():
    # Wald: 100 x (0.4 - 41/150) +- 1.959964 x sqrt(0.4 x 0.6 / 150 + (41/150)(109/150) / 150)
    # = 12.67 +- 10.60, 2.07 to 23.26
    text = (
        ALLOCATED + "The response rate was 40.0% with drug and 27.3% with placebo (absolute "
        "difference 12.7 percentage points, 95% CI 2.1 to 23.3)."
    )
    (row,) = checks_of(text, "ci_vs_percentages")
    assert row["verdict"] == "consistent"


def test_no_ci_check_of_an_adjusted_ratio_from_percentages():
    """Guard: no check before this change either."""
    text = (
        ALLOCATED + "The response rate was 40.0% with drug and 27.3% with placebo (adjusted OR "
        "1.77, 95% CI 1.30 to 2.40)."
    )
    assert checks_of(text, "ci_vs_percentages") == []


@pytest.mark.parametrize(
    "result",
    [
        # a mean of a measurement printed in percent is no share of people (11/150 vs 12/150
        # would give p = 0.83 and call the printed 0.01 inconsistent)
        "Mean HbA1c at 24 weeks was 7.3% with drug and 8.0% with placebo (p = 0.01).",
        "The median ejection fraction was 40.0% with drug and 27.3% with placebo (p = 0.002).",
    ],
)
def test_no_p_check_from_percentages_that_summarise_a_measurement(result):
    assert checks_of(ALLOCATED + result, "p_vs_percentages") == []
    assert checks_of(ALLOCATED + result, "ci_vs_percentages") == []


@pytest.mark.parametrize(
    ("difference", "verdict", "relative"),
    [
        # 22.9 - 25.7 = -2.8 percentage points
        ("-2.8", "consistent", False),
        # 20.0 and 25.0 as percentages of 25.0 and 20.0: (20 - 25) / 25 = -20%, (25 - 20) / 20 =
        # 25%; over the rounding intervals [19.95, 20.05] and [24.95, 25.05]: 19.64 to 20.36
        # and 24.55 to 25.45 in size
        ("20", "consistent", True),
        ("-25", "consistent", True),
        ("12", "inconsistent", False),
        ("23", "inconsistent", False),
    ],
)
def test_a_difference_in_percent_is_percentage_points_or_relative(difference, verdict, relative):
    a, b = ("22.9", "25.7") if difference == "-2.8" else ("20.0", "25.0")
    (row,) = checks_of(
        f"Mortality at day 28 was {a}% with dexamethasone and {b}% with usual care "
        f"(difference {difference}%, 95% CI -40 to 40)."
    )
    assert row["verdict"] == verdict
    assert row["method"].startswith("relative") == relative
    assert ("neither" in row["note"]) == (verdict == "inconsistent")


# A registry record's percentages of participants and the risk difference of its analysis.
# R 4.x: p1 <- 187/212; p2 <- 179/209; 100 * (p1 - p2) = 2.56161415545725;
# 100 * (p1 - p2 + c(-1, 1) * qnorm(0.975) * sqrt(p1 * (1 - p1) / 212 + p2 * (1 - p2) / 209))
# = -3.87610412874804 8.99933243966254 (Wald); Newcombe's hybrid score interval from the Wilson
# limits w1 <- prop.test(187, 212, correct = FALSE)$conf.int, w2 <- prop.test(179, 209, correct =
# FALSE)$conf.int: 100 * c(p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), p1 - p2 +
# sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)) = -3.93919988989838 9.09204514841178
# Miettinen-Nurminen (tests/fixtures/rd_score_reference.R, row 187/212 vs 179/209):
# -0.0395188207922361 0.0914949776719345, the nearest to -1.8 to 11.0
_RECORD = """Outcome Measure: Percentage of Participants With Clinical Cure at Test-of-Cure Visit
Arm/Group Title | Drug X | Comparator
Overall Number of Participants Analyzed 212 209
Measure Type: Number
Unit of Measure: {unit}
88.2 | 85.6
Statistical Analysis 1
Comparison Group Selection: Drug X, Comparator
Method: Other
Estimation Parameter: Risk Difference (RD)
Estimated Value: {estimate}
Confidence Interval: (2-Sided) 95% {ci}
"""


@pytest.mark.parametrize(
    ("estimate", "ci", "point", "interval", "nearest"),
    [
        ("2.6", "-3.9 to 9.0", "consistent", "consistent", "-3.876 to 8.999"),
        ("4.6", "-1.8 to 11.0", "inconsistent", "not_checkable", "-3.952 to 9.149"),
        ("2.6", "-1.5 to 6.7", "consistent", "inconsistent", "-3.876 to 8.999"),
    ],
)
def test_a_registry_risk_difference_of_percentages_of_participants(
    estimate, ci, point, interval, nearest
):
    text = _RECORD.format(unit="percentage of participants", estimate=estimate, ci=ci)
    assert [r["verdict"] for r in checks_of(text)] == [point]
    rows = checks_of(text, "ci_vs_percentages")
    assert [r["verdict"] for r in rows] == [interval]
    assert rows[0]["recomputed"] == nearest


def test_a_registry_risk_difference_of_another_unit_is_not_held_to_the_row():  # guard
    text = _RECORD.format(unit="proportion of participants", estimate="2.6", ci="-3.9 to 9.0")
    assert checks_of(text) == []
    assert checks_of(text, "ci_vs_percentages") == []


def test_an_interval_narrower_than_any_the_percentages_give_is_inconsistent():
    text = (
        "In all, 421 patients were randomized to drug (n = 212) or placebo (n = 209). Clinical "
        "cure occurred in 88.2% with drug and 85.6% with placebo (risk difference 2.6 "
        "percentage points, 95% CI {ci})."
    )
    narrow = checks_of(text.format(ci="-1.5 to 6.7"), "ci_vs_percentages")
    assert [r["verdict"] for r in narrow] == ["inconsistent"]
    wide = checks_of(text.format(ci="-5.5 to 10.7"), "ci_vs_percentages")
    assert [r["verdict"] for r in wide] == ["not_checkable"]


# A difference printed in % after two percentages is in percentage points when the point
# estimate is their difference: its CI is a risk difference's. R: p1 <- 18/40; p2 <- 8/40;
# se <- sqrt(p1*(1-p1)/40 + p2*(1-p2)/40); 100*(p1 - p2 + c(-1, 1)*qnorm(.975)*se)
# -> 5.217467 44.782533 (Wald).
_POINTS_IN_PERCENT = (
    "Results: 80 patients were enrolled (40 per arm). At week 12, the response rate was 45.0% in "
    "the apremilast arm vs 20.0% in the placebo arm (difference 25.0%; 95% CI {ci}; P = .02)."
)


@pytest.mark.parametrize(
    ("ci", "verdict", "method"),
    [
        ("5.2% to 44.8%", "consistent", "risk difference, Wald CI, in percentage points, 18/40"),
        ("10.2% to 39.8%", "inconsistent", ""),  # narrower than any method gives
    ],
)
def test_the_ci_of_a_difference_in_percent_after_two_percentages(ci, verdict, method):
    extraction = extract_document("t", _POINTS_IN_PERCENT.format(ci=ci))
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (row,) = [c for c in checks if c["check"] == "ci_vs_percentages"]
    assert row["verdict"] == verdict
    assert row["method"].startswith(method)
    if verdict == "consistent":
        assert row["recomputed"] == "5.217 to 44.783"
