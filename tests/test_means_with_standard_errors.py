"""Two arms' means printed with standard errors ("mean (SE)", "least-squares mean (SE)") are
held to the same t-test checks as means with SDs, each SD being SE x sqrt(n) (Altman & Bland,
BMJ 2005;331:903); a legend saying SE after the last arm's value holds for the first arm too.

Reference values, R 4.x, from samples built with the exact means and SDs
(mk <- function(m, s, n) {z <- rnorm(n); m + s * (z - mean(z)) / sd(z)}):
x <- mk(25.1, 1.2 * sqrt(30), 30); y <- mk(21.3, 1.3 * sqrt(30), 30):
t.test(x, y)$p.value = 0.0359393813961; t.test(x, y, var.equal = TRUE)$p.value =
0.0359122880243.
a <- mk(-10.4, 0.9 * sqrt(120), 120); b <- mk(-6.1, 0.9 * sqrt(120), 120):
t.test(a, b, var.equal = TRUE)$conf.int = -6.80737713702 to -1.79262286298 (Welch's the same)."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind, one_check

_SIZES = "Sixty patients were randomized to MSC (n = 30) or placebo (n = 30). "
_LS_MEANS = (
    "The least-squares mean (SE) change in score at week 6 was -10.4 (0.9) with drug (n = 120) "
    "and -6.1 (0.9) with placebo (n = 120) (least-squares mean difference, -4.3; 95% CI, {ci}; "
    "P < .001)."
)


def test_a_legend_after_the_last_value_gives_every_arm_its_se():
    text = (
        _SIZES + "At day 28, the score was 25.1 ± 1.2 with MSC and 21.3 ± 1.3 with placebo "
        "(mean ± SE; P = 0.04)."
    )
    assert [m["spread_kind"] for m in of_kind(text, "mean")] == ["se", "se"]


@pytest.mark.parametrize(("p", "verdict"), [("0.04", "consistent"), ("0.004", "inconsistent")])
def test_the_p_of_two_means_with_ses(p, verdict):
    text = (
        _SIZES + f"At day 28, the mean (SE) score was 25.1 (1.2) with MSC and 21.3 (1.3) with "
        f"placebo (P = {p})."
    )
    row = one_check(text, "p_vs_summaries")
    assert row["verdict"] == verdict
    # Student's and Welch's p of the printed means and SEs
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (0.0359122880243, 0.0359393813961), rel=1e-9
    )


def test_no_standardized_difference_is_held_to_sds_from_ses():  # guard
    # SD = SE x sqrt(n) rests on the analysed sizes, which need not be those printed; the SDs
    # 0.9 x sqrt(120) = 9.86 would give an SMD of 0.40 to 0.47, and the 0.30 printed may
    # divide by another SD (at baseline, a model's residual SD)
    text = (
        "The mean (SE) change in score at week 6 was -10.4 (0.9) with drug (n = 120) and "
        "-6.1 (0.9) with placebo (n = 120) (standardized mean difference, -0.30)."
    )
    assert not checks_named(text, "smd_vs_summaries")


# A difference whose kind is not named, after two means: R 4.x, samples built with the exact
# means and SDs (x <- mk(25.1, 6.6, 30); y <- mk(21.3, 7.1, 30)): t.test(x, y, var.equal =
# TRUE)$conf.int = 0.25728049314 to 7.34271950686; Welch's 0.256879636468 to 7.343120363532.
_UNNAMED = (
    "The mean (SD) score at day 28 was 25.1 (6.6) with MSC (n = 30) and 21.3 (7.1) with "
    "placebo (n = 30) (difference {difference}, 95% CI {ci})."
)


@pytest.mark.parametrize(
    ("ci", "verdict"), [("0.3 to 7.3", "consistent"), ("1.3 to 6.3", "inconsistent")]
)
def test_a_difference_of_no_named_kind_after_two_means_is_theirs(ci, verdict):
    text = _UNNAMED.format(difference="3.8", ci=ci)
    assert one_check(text, "difference_vs_summaries")["verdict"] == "consistent"
    row = one_check(text, "difference_ci_vs_summaries")
    assert row["verdict"] == verdict
    assert row["recomputed_low"] <= 0.256879636468 <= 0.25728049314
    assert row["recomputed_high"] >= 7.343120363532


def test_a_difference_in_another_unit_is_not_the_means():  # guard
    text = _UNNAMED.format(difference="12%", ci="1% to 23%")
    assert not checks_named(text, "difference_vs_summaries")


# The second arm's value after the first's size ("with drug A (n = 250) and −0.84 (0.06)"),
# its SE named by the first's bracket: R 4.x, x <- mk(-1.12, 0.06 * sqrt(250), 250); y <-
# mk(-0.84, 0.06 * sqrt(248), 248): t.test(x, y, var.equal = TRUE) CI -0.44671796301178 to
# -0.11328203698822, p 0.00103722486873; Welch's CI -0.44671527528668 to -0.11328472471332,
# p 0.00103703322894.
_AFTER_SIZE = (
    "At week 26, the LS mean change in HbA1c was −1.12 percentage points (SE 0.06) with drug A "
    "(n = 250) and −0.84 (0.06) with drug B (n = 248); estimated treatment difference −0.28 "
    "percentage points (95% CI {ci}; P = 0.001)."
)


def test_the_next_arms_value_after_the_first_arms_size_is_read():
    means = of_kind(_AFTER_SIZE.format(ci="−0.45 to −0.11"), "mean")
    assert [(m["value"], m["spread_kind"], m["spread_low_text"]) for m in means] == [
        (-1.12, "se", "0.06"),
        (-0.84, "se", "0.06"),
    ]


@pytest.mark.parametrize(
    ("text", "verdict", "r_interval"),
    [
        (_LS_MEANS.format(ci="-6.8 to -1.8"), "consistent", (-6.80737713702, -1.79262286298)),
        (_LS_MEANS.format(ci="-5.8 to -2.8"), "inconsistent", (-6.80737713702, -1.79262286298)),
        (
            _AFTER_SIZE.format(ci="−0.45 to −0.11"),
            "consistent",
            (-0.44671796301178, -0.11328203698822),
        ),
        (
            _AFTER_SIZE.format(ci="−0.35 to −0.21"),
            "inconsistent",
            (-0.44671796301178, -0.11328203698822),
        ),
    ],
)
def test_the_ci_of_a_difference_of_two_means_with_ses(text, verdict, r_interval):
    assert one_check(text, "difference_vs_summaries")["verdict"] == "consistent"
    row = one_check(text, "difference_ci_vs_summaries")
    assert row["verdict"] == verdict
    # over the rounding of the means and SEs, R's interval lies within the recomputed range
    assert row["recomputed_low"] <= r_interval[0]
    assert row["recomputed_high"] >= r_interval[1]


@pytest.mark.parametrize("ci", ["−0.45 to −0.11", "−0.35 to −0.21"])
def test_the_p_of_an_estimated_treatment_difference_of_two_ls_means(ci):
    p = one_check(_AFTER_SIZE.format(ci=ci), "p_vs_summaries")
    assert p["verdict"] == "consistent"
    assert (p["recomputed_low"], p["recomputed_high"]) == pytest.approx(
        (0.00103703322894, 0.00103722486873), rel=1e-6
    )


# Sizes printed apart from the means: fewer measured than allocated would make the p larger only
# through the df, since the SEs fix Welch's t. R 4.x, samples with means 250.4 and 210.6 and SDs
# 12.1 x sqrt(n) and 11.8 x sqrt(n): n = 20, t.test(x, y)$p.value = 0.0238001614074 (var.equal
# 0.0237967182656), t 2.3548646908549; n = 10, p 0.0300883665057, the same t.
_SIZES_APART = (
    "Forty patients were randomized to MSC (n=20) or placebo (n=20). At day 28, the mean (SE) "
    "PaO2/FiO2 ratio was 250.4 (12.1) with MSC and 210.6 (11.8) with placebo {result}."
)


@pytest.mark.parametrize(
    ("result", "verdict"), [("(P = 0.03)", "not_checkable"), ("(P = 0.05)", "inconsistent")]
)
def test_fewer_measured_change_only_the_df_of_means_with_ses(result, verdict):
    row = one_check(_SIZES_APART.format(result=result), "p_vs_summaries")
    assert row["verdict"] == verdict
    if verdict == "not_checkable":  # 0.03 is within reach of half of each arm measured
        assert "0.0238" in row["note"]
    else:
        nearest = min(
            abs(row["recomputed_value"] - r) / r for r in (0.0238001614074, 0.0237967182656)
        )
        assert nearest < 1e-6


def test_fewer_measured_do_not_change_the_t_of_means_with_ses():
    row = one_check(_SIZES_APART.format(result="(t = 1.80, P = 0.08)"), "test_vs_summaries")
    assert row["verdict"] == "inconsistent"
    assert row["recomputed_low"] <= 2.3548646908549 <= row["recomputed_high"]
    assert "whatever number of each arm was measured" in row["note"]


# A model's adjusted difference is held to the model's own means (least-squares or adjusted),
# not to raw ones. R 4.x, samples built with the exact means and SDs: registry record, x <-
# mk(-0.21, 0.07 * sqrt(150), 150); y <- mk(-0.93, 0.07 * sqrt(152), 152): t.test(y, x, var.equal
# = TRUE)$conf.int = -0.914821031656 to -0.525178968344 (Welch's -0.914812494028 to
# -0.525187505972); prose, a <- mk(4.1, 6, 100); b <- mk(2.3, 6, 100): 0.126687682564 to
# 3.473312317436.
_LS_RECORD = """Primary Outcome Measure:
Title: Change From Baseline in HbA1c at Week 26
Arm/Group Title | Placebo | Drug 10 mg
Overall Number of Participants Analyzed 150 152
{header}
Unit of Measure: percentage points
-0.21 (0.07) | -0.93 (0.07)
Statistical Analysis 1
Comparison Group Selection: Placebo, Drug 10 mg
Method: ANCOVA
P-Value: <0.001
Mean Difference (Net) -0.72
95% Confidence Interval {ci}
"""
_ADJUSTED_PROSE = (
    "The {mean} change in score was 4.1 (SE 0.6) with drug (n = 100) and 2.3 (SE 0.6) with "
    "placebo (n = 100) (adjusted difference 1.8, 95% CI {ci})."
)


@pytest.mark.parametrize(
    ("text", "verdict", "r_interval"),
    [
        (
            _LS_RECORD.format(header="Least Squares Mean (Standard Error)", ci="-0.91 to -0.53"),
            "consistent",
            (-0.914821031656, -0.525178968344),
        ),
        (
            _LS_RECORD.format(header="Least Squares Mean (Standard Error)", ci="-0.81 to -0.63"),
            "inconsistent",
            (-0.914821031656, -0.525178968344),
        ),
        (
            _ADJUSTED_PROSE.format(mean="adjusted mean", ci="0.1 to 3.5"),
            "consistent",
            (0.126687682564, 3.473312317436),
        ),
        (
            _ADJUSTED_PROSE.format(mean="least-squares mean", ci="0.9 to 2.7"),
            "inconsistent",
            (0.126687682564, 3.473312317436),
        ),
    ],
)
def test_an_adjusted_difference_of_a_models_means(text, verdict, r_interval):
    assert one_check(text, "difference_vs_summaries")["verdict"] == "consistent"
    row = one_check(text, "difference_ci_vs_summaries")
    assert row["verdict"] == verdict
    assert row["recomputed_low"] <= r_interval[0]
    assert row["recomputed_high"] >= r_interval[1]


@pytest.mark.parametrize(
    "text",
    [
        _LS_RECORD.format(header="Mean (Standard Error)", ci="-0.91 to -0.53"),
        _ADJUSTED_PROSE.format(mean="mean", ci="0.1 to 3.5"),
    ],
)
def test_an_adjusted_difference_is_not_held_to_raw_means(text):  # guards
    assert not checks_named(text, "difference_vs_summaries")
