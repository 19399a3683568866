"""Means named by a long label ("The mean change in body weight was -14.9% with semaglutide and
-2.4% with placebo") and the difference printed after them without SDs, held to the difference
of the means over their rounding (difference_vs_summaries). The recomputed ranges are the
arithmetic of the printed roundings, worked beside each case."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_WEIGHT = (
    "The mean change in body weight was −14.9% with semaglutide and −2.4% with placebo "
    "({label}, {difference} percentage points; 95% CI, −13.4 to −11.5; P<0.001)."
)
_FEV1 = (
    "The least-squares mean change from baseline in FEV1 at week 52 was 0.18 L with drug Y and "
    "0.07 L with placebo (difference, {difference} L; 95% CI, 0.07 to 0.15)."
)


def _of_means(checks):
    return [c for c in checks if c["check"] == "difference_vs_summaries"]


def test_means_named_by_a_long_label_are_read_with_their_arms():
    extraction, _ = extract_and_check(
        _WEIGHT.format(label="estimated treatment difference", difference="−12.4")
    )
    means = [(r["value"], r["arm"]) for r in extraction.statistics if r["kind"] == "mean"]
    assert means == [(-14.9, "semaglutide"), (-2.4, "placebo")]


def test_a_time_point_inside_the_label_is_the_means():
    extraction, _ = extract_and_check(_FEV1.format(difference="0.11"))
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    assert [(r["value"], r["arm"], r["timepoint"]) for r in means] == [
        (0.18, "drug Y", "week 52"),
        (0.07, "placebo", "week 52"),
    ]


@pytest.mark.parametrize(
    ("text", "verdict", "low", "high"),
    [
        # [-14.95, -14.85] - [-2.45, -2.35] = [-12.6, -12.4]
        (_WEIGHT.format(label="estimated treatment difference", difference="−12.4"),
         "consistent", -12.6, -12.4),
        (_WEIGHT.format(label="estimated treatment difference", difference="−10.4"),
         "inconsistent", -12.6, -12.4),
        # [0.175, 0.185] - [0.065, 0.075] = [0.10, 0.12]
        (_FEV1.format(difference="0.11"), "consistent", 0.10, 0.12),
        (_FEV1.format(difference="0.21"), "inconsistent", 0.10, 0.12),
    ],
)  # fmt: skip
def test_the_difference_is_held_to_the_means(text, verdict, low, high):
    _, checks = extract_and_check(text)
    [row] = _of_means(checks)
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx((low, high))


def test_values_not_said_to_be_means_are_not_held_to_their_difference():
    # the seed's "(67.0) ... (50.0), with a difference of 12.86": medians would not give it
    text = (
        "The general health (GH) score from the SF-36 was higher in the MSC group (67.0) "
        "compared to the placebo group (50.0), with a difference of 12.86 (95% CI: 1.44–24.28)."
    )
    _, checks = extract_and_check(text)
    assert [row["verdict"] for row in _of_means(checks)] == ["not_checkable"]


@pytest.mark.parametrize(
    "text",
    [
        # an adjusted difference comes from a model, not the raw means
        _WEIGHT.format(label="adjusted difference", difference="−10.4"),
        # a relative difference is in another unit than the means'
        "The mean change in body weight was −14.9 kg with semaglutide and −2.4 kg with placebo "
        "(relative difference, −10.4%; 95% CI, −13.4 to −7.5).",
    ],
)
def test_no_difference_of_means_for_other_estimates(text):  # guard
    _, checks = extract_and_check(text)
    assert _of_means(checks) == []


def test_a_headline_pair_of_means_across_a_time_point_takes_both_arms():
    text = (
        "– Drug Z 10 mg achieved a mean body weight reduction of 12.1% at week 72 versus 3.0% "
        "with placebo –"
    )
    extraction, _ = extract_and_check(text)
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    assert [(r["value"], r["arm"], r["timepoint"]) for r in means] == [
        (12.1, "Drug Z 10 mg", "week 72"),
        (3.0, "placebo", "week 72"),
    ]


_ESTIMAND = (
    "Participants treated with drug Z achieved a mean change in body weight of −12.1% from "
    "baseline to week 72, compared with −3.0% for placebo (estimated treatment difference "
    "{difference} percentage points; 95% CI, −10.0 to −8.2; p<0.001)."
)


@pytest.mark.parametrize(
    ("difference", "verdict"),
    # [-12.15, -12.05] - [-3.05, -2.95] = [-9.2, -9.0]
    [("−9.1", "consistent"), ("−7.1", "inconsistent")],
)
def test_means_compared_across_a_time_phrase_are_held_to_their_difference(difference, verdict):
    extraction, checks = extract_and_check(_ESTIMAND.format(difference=difference))
    means = [(r["value"], r["arm"]) for r in extraction.statistics if r["kind"] == "mean"]
    assert means == [(-12.1, "drug Z"), (-3.0, "placebo")]
    [row] = _of_means(checks)
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx((-9.2, -9.0))
