"""Standardized mean differences (Cohen's d, Hedges' g, Glass's delta): read from the text and
held to the arms' means and SDs and to their t. Reference values from R 4.x with metafor 3.8.1;
the call that made each is beside it."""

from __future__ import annotations

import pytest

from trialaudit import continuous
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

# CBT 9.4 (SD 4.8), n = 64 vs waitlist 14.1 (SD 5.2), n = 62
BOXES = [(14.1, 14.1), (5.2, 5.2), 62, (9.4, 9.4), (4.8, 4.8), 64]


def test_hedges_correction_against_metafor():
    # exp(lgamma(62) - log(sqrt(62)) - lgamma(61.5)), metafor's .cmicalc(124)
    assert continuous.hedges_correction(62, 64) == pytest.approx(0.993937349432, abs=1e-12)


@pytest.mark.parametrize(
    ("standardizer", "reference"),
    [
        # escalc(measure = "SMD", m1i = 14.1, sd1i = 5.2, n1i = 62, m2i = 9.4, sd2i = 4.8,
        #        n2i = 64)$yi: Hedges' g, the pooled SD times J
        (continuous.POOLED_SD, 0.93415647608),
        # escalc(measure = "SMDH", same arguments)$yi: the root mean of the variances times J
        (continuous.AVERAGE_VARIANCE, 0.933554563314),
    ],
)
def test_smd_of_printed_summaries_against_metafor(standardizer, reference):
    low, high = continuous.smd_range(*BOXES, standardizer)
    j = continuous.hedges_correction(62, 64)
    assert low == pytest.approx(high)
    assert low * j == pytest.approx(reference, abs=1e-9)


def test_smd_of_glass_divides_by_one_arm():
    low, _ = continuous.smd_range(*BOXES, continuous.SD_OF_ARM_2)
    assert low == pytest.approx(4.7 / 4.8)


def test_smd_over_rounding_holds_the_printed_values():
    rounded = [(14.05, 14.15), (5.15, 5.25), 62, (9.35, 9.45), (4.75, 4.85), 64]
    low, high = continuous.smd_range(*rounded, continuous.POOLED_SD)
    exact, _ = continuous.smd_range(*BOXES, continuous.POOLED_SD)
    assert low < exact < high
    assert (low, high) == pytest.approx((4.6 / 5.0513, 4.8 / 4.9512), abs=2e-3)


def test_smd_from_t_against_metafor():
    # escalc(measure = "SMD", ti = 5.27, n1i = 64, n2i = 62)$yi: d from t, times J
    low, high = continuous.smd_from_t((5.27, 5.27), 64, 62)
    assert low == pytest.approx(high)
    assert low * continuous.hedges_correction(64, 62) == pytest.approx(0.93340272949, abs=1e-9)
    # a t that rounds across zero gives sizes from zero
    assert continuous.smd_from_t((-0.05, 0.05), 64, 62)[0] == 0.0


def _differences(text):
    return [
        (r["source_text"], r["value"], r["ci_low"], r["ci_high"], r["flags"])
        for r in extract_document("d", text).statistics
        if r["kind"] == "difference"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The CBT group improved more, t(124) = 5.27, p < .001, d = 0.94.",
            [("d = 0.94", 0.94, None, None, "method_Cohen d")],
        ),
        (
            "The effect was large (Cohen's d = 0.94, 95% CI 0.57 to 1.31).",
            [("Cohen's d = 0.94, 95% CI 0.57 to 1.31", 0.94, 0.57, 1.31, "method_Cohen d")],
        ),
        # a bracketed interval after Hedges' g is its CI, not a median's IQR
        (
            "Pooled across trials, Hedges' g = 0.38 [0.12, 0.64].",
            [
                (
                    "Hedges' g = 0.38 [0.12, 0.64]",
                    0.38,
                    0.12,
                    0.64,
                    "pooled_across_trials;method_Hedges g",
                )
            ],
        ),
        (
            "Relative to controls, Glass's Δ = −0.51 (95% CI −0.90 to −0.12).",
            [
                (
                    "Glass's Δ = −0.51 (95% CI −0.90 to −0.12",
                    -0.51,
                    -0.9,
                    -0.12,
                    "method_Glass delta",
                )
            ],
        ),
        ("Mood improved (g = .45).", [("g = .45", 0.45, None, None, "method_Hedges g")]),
        # a named estimator needs no word or sign before its value
        (
            "Effect sizes were moderate (Cohen's d 0.52).",
            [("Cohen's d 0.52", 0.52, None, None, "method_Cohen d")],
        ),
        # ... and names the effect size printed after it in brackets
        (
            "The between-group effect size (Cohen's d) was 0.52 (95% CI 0.21 to 0.83).",
            [("0.52 (95% CI 0.21 to 0.83)", 0.52, 0.21, 0.83, "method_Cohen d")],
        ),
        # guards: a dose, a day, a word ending in d or g
        ("Participants took 2 g daily (d = 3).", []),
        ("Feelings of being ashamed = 0.4 on average.", []),
    ],
)
def test_standardized_differences_are_read_with_their_estimator(text, expected):
    assert _differences(text) == expected


ABSTRACT = (
    "Participants (N = 126) were randomly assigned to internet-delivered CBT (n = 64) or a "
    "waitlist control (n = 62). At post-treatment, the CBT group reported lower insomnia "
    "severity (M = 9.4, SD = 4.8) than the waitlist group (M = 14.1, SD = 5.2), t({df}) = 5.27, "
    "p < .001, {smd}."
)


def _smd_checks(text):
    extraction = extract_document("d", text)
    return {
        r["check"]: r
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"].startswith("smd_")
    }


@pytest.mark.parametrize(
    ("smd", "verdict"),
    [
        # d = 4.7 / 5.0041 = 0.939 from the summaries, 0.939 from the t (metafor, above)
        ("d = 0.94", "consistent"),
        ("Hedges' g = 0.93", "consistent"),
        # a slip: no standardizer over the rounding gives 0.64, nor does the t
        ("d = 0.64", "inconsistent"),
    ],
)
def test_a_standardized_difference_against_the_summaries_and_the_t(smd, verdict):
    found = _smd_checks(ABSTRACT.format(df=124, smd=smd))
    assert set(found) == {"smd_vs_summaries", "smd_vs_test"}
    assert {r["verdict"] for r in found.values()} == {verdict}
    # an inconsistent one says what else it may divide by
    assert ("SD not printed here" in found["smd_vs_summaries"]["note"]) == (verdict != "consistent")


def test_cohens_d_is_not_held_to_hedges_correction():
    # d from t is 0.939, g 0.933: a "d" of 0.93 is neither d nor within rounding of it
    found = _smd_checks(ABSTRACT.format(df=124, smd="d = 0.93"))
    assert found["smd_vs_test"]["verdict"] == "inconsistent"


def test_a_t_whose_df_are_not_the_arms_is_not_held_to_the_difference():
    found = _smd_checks(ABSTRACT.format(df=63, smd="d = 0.94"))
    assert found["smd_vs_test"]["verdict"] == "not_checkable"
    assert "df (63)" in found["smd_vs_test"]["note"]


def test_smd_ci_by_the_noncentral_t_against_r():
    # t <- 5.27; s <- sqrt(1/64 + 1/62); the noncentralities that put t at the quantiles:
    # uniroot(function(x) pt(t, 124, ncp = x) - 0.975, c(0, 20), tol = 1e-12)$root * s, and
    # the same at 0.025
    d = 5.27 * (1 / 64 + 1 / 62) ** 0.5
    low, high = continuous.smd_ci(d, 64, 62, 0.95, continuous.NONCENTRAL_T_SMD_CI)
    assert (low, high) == pytest.approx((0.569126987039, 1.305644506932), abs=1e-7)


def test_smd_ci_by_the_normal_approximation_against_r():
    # d <- 0.94; d + c(-1, 1) * qnorm(0.975) * sqrt(1/64 + 1/62 + d^2 / (2 * 126))
    low, high = continuous.smd_ci(0.94, 64, 62, 0.95, continuous.NORMAL_SMD_CI)
    assert (low, high) == pytest.approx((0.571962904862, 1.308037095138), abs=1e-9)


def test_smd_ci_of_hedges_g_against_metafor():
    # summary(escalc(measure = "SMD", m1i = 14.1, sd1i = 5.2, n1i = 62, m2i = 9.4, sd2i = 4.8,
    #                n2i = 64)): yi 0.934156, ci.lb 0.566346, ci.ub 1.301967
    low, high = continuous.smd_ci(0.93415647608, 62, 64, 0.95, continuous.NORMAL_SMD_CI)
    assert (low, high) == pytest.approx((0.566346, 1.301967), abs=1e-6)


@pytest.mark.parametrize(
    ("ci", "verdict"),
    [
        ("95% CI [0.57, 1.31]", "consistent"),
        # a slip in the upper limit: neither method gives 1.41
        ("95% CI [0.57, 1.41]", "inconsistent"),
    ],
)
def test_the_ci_of_a_standardized_difference_against_the_arm_sizes(ci, verdict):
    found = _smd_checks(ABSTRACT.format(df=124, smd=f"d = 0.94, {ci}"))
    assert found["smd_ci_vs_sizes"]["verdict"] == verdict


# The means in one sentence, their standardized difference in the next; arms named after "for".
APART = (
    "Method: Adults with major depression were randomized to internet CBT (n = 64) or a waitlist "
    "(n = 62). Results: At post-treatment, PHQ-9 scores were 7.2 (SD = 4.1) for CBT and 10.9 "
    "(SD = 4.6) for the waitlist.{between} This corresponds to a large effect, {smd}, 95% CI "
    "[0.49, 1.21]."
)


def test_arms_named_after_for_are_the_means_arms():
    extraction = extract_document("d", APART.format(between="", smd="d = 0.85"))
    means = [(r["value"], r["arm"]) for r in extraction.statistics if r["kind"] == "mean"]
    assert means == [(7.2, "CBT"), (10.9, "waitlist")]


@pytest.mark.parametrize(
    ("smd", "verdict"),
    [
        # escalc(measure = "SMD", m1i = 10.9, sd1i = 4.6, n1i = 62, m2i = 7.2, sd2i = 4.1,
        #        n2i = 64): yi 0.8448, ci.lb 0.4803, ci.ub 1.2093; d before J: 0.850
        ("d = 0.85", "consistent"),
        # a slip, and the printed CI is no interval around it for these sizes either
        ("d = 1.25", "inconsistent"),
    ],
)
def test_a_standardized_difference_in_the_next_sentence_is_held_to_the_means(smd, verdict):
    found = _smd_checks(APART.format(between="", smd=smd))
    assert found["smd_vs_summaries"]["verdict"] == verdict
    assert found["smd_ci_vs_sizes"]["verdict"] == verdict


def test_a_sentence_between_parts_the_difference_from_the_means():  # guard
    found = _smd_checks(APART.format(between=" Dropout was low in both arms.", smd="d = 1.25"))
    assert "smd_vs_summaries" not in found
