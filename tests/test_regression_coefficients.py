"""A regression coefficient printed with its standard error ("b = 1.52, SE = 0.61") is read,
and the t or p after it is held to b / SE; a t or z after a difference and its SE too.

Reference values, R 4.x, at the ends of the rounding intervals (widened by rounding's relative
slack of 1e-8, hence rel=1e-6):
b = 1.52, SE = 0.61: 2 * pnorm(-1.525 / 0.605) = 0.011713458676714266,
2 * pnorm(-1.515 / 0.615) = 0.013762066268951651; 1.515 / 0.615 = 2.463414634146341,
1.525 / 0.605 = 2.520661157024793; 2 * pt(-2.49, 98) = 0.014457255577063351.
B = -0.42, SE 0.12: 2 * pnorm(-0.425 / 0.115) = 0.000219323067148498,
2 * pnorm(-0.415 / 0.125) = 0.000900174481184235, 2 * pt(-0.415 / 0.125, 10) =
0.007747459264223021.
0.52, standard error 0.20: 2 * pnorm(-0.525 / 0.195) = 0.007095944543530924,
2 * pnorm(-0.515 / 0.205) = 0.011998272821882976."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, one, one_check, stats


@pytest.mark.parametrize(
    ("text", "value", "se"),
    [
        ("Dose predicted the change in score (b = 1.52, SE = 0.61, p = .014).", 1.52, "0.61"),
        ("Age was associated with lower scores, B = -0.42 (SE 0.12), p = .21.", -0.42, "0.12"),
        ("The regression coefficient was 0.52 (standard error 0.20), P = 0.009.", 0.52, "0.20"),
        ("The effect of treatment (b = .34; s.e. .10) was significant.", 0.34, ".10"),
    ],
)
def test_a_coefficient_is_read_with_its_standard_error(text, value, se):
    row = one(text, "effect_size")
    assert row["measure"] == "regression coefficient"
    assert row["value"] == pytest.approx(value)
    assert (row["spread_kind"], row["spread_low_text"]) == ("se", se)
    assert row["source_text"].endswith(se)


def test_a_p_after_a_coefficient_is_held_to_b_over_se():
    row = one_check(
        "Dose predicted the change in score (b = 1.52, SE = 0.61, p = .014).", "p_vs_se"
    )
    assert row["verdict"] == "consistent"
    assert row["recomputed_low"] == pytest.approx(0.011713458676714266, rel=1e-6)
    assert row["recomputed_high"] == pytest.approx(0.013762066268951651, rel=1e-6)


def test_a_p_far_above_b_over_se_is_inconsistent():
    row = one_check(
        "Age was associated with lower scores, B = -0.42 (SE 0.12), p = .21.", "p_vs_se"
    )
    assert row["verdict"] == "inconsistent"
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (0.000219323067148498, 0.000900174481184235), rel=1e-6
    )
    assert "0.007747" in row["note"]  # a t test on 10 df gives 0.0077 at most


def test_a_coefficient_p_with_rounding():
    text = "The regression coefficient was 0.52 (standard error 0.20), P = 0.009."
    row = one_check(text, "p_vs_se")
    assert row["verdict"] == "consistent"
    assert row["recomputed_low"] == pytest.approx(0.007095944543530924, rel=1e-6)
    assert row["recomputed_high"] == pytest.approx(0.011998272821882976, rel=1e-6)


@pytest.mark.parametrize(("t", "verdict"), [("2.49", "consistent"), ("3.49", "inconsistent")])
def test_a_t_after_a_coefficient_is_b_over_se(t, verdict):
    text = f"Dose predicted the change in score, b = 1.52, SE = 0.61, t(98) = {t}, p = .014."
    row = one_check(text, "test_vs_se")
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (2.463414634146341, 2.520661157024793), rel=1e-6
    )
    # the p belongs to the t, not to b / SE
    assert not checks_named(text, "p_vs_se")
    assert [c["verdict"] for c in checks_named(text, "p_vs_test")] == [
        "consistent" if t == "2.49" else "inconsistent"
    ]


@pytest.mark.parametrize(("t", "verdict"), [("2.83", "consistent"), ("3.83", "inconsistent")])
def test_a_t_after_a_difference_and_its_se(t, verdict):
    # 3.35 / 1.25 = 2.68 to 3.45 / 1.15 = 3.0
    text = f"The mean difference was 3.4 points (SE 1.2), t(58) = {t}, P = .006."
    row = one_check(text, "test_vs_se")
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx((2.68, 3.0), rel=1e-6)


@pytest.mark.parametrize("t", ["-3.50", "3.50"])
def test_a_t_is_compared_by_its_magnitude(t):
    # 0.415 / 0.125 = 3.32 to 0.425 / 0.115 = 3.696
    text = f"Age was associated with lower scores, B = -0.42, SE = 0.12, t(40) = {t}, p = .001."
    row = one_check(text, "test_vs_se")
    assert row["verdict"] == "consistent"
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (3.32, 0.425 / 0.115), rel=1e-6
    )


@pytest.mark.parametrize(
    "text",
    [
        # the SE printed beside a standardized beta is often the unstandardized b's
        "Dose predicted the change in score (β = .25, SE = .10, p = .01).",
        # a mean and its SE tests nothing by itself
        "The mean score was 5.2 (SE 0.3; p = 0.001) in the MSC group.",
        # a b without its SE is not read
        "Dose predicted the change in score (b = 1.52, p = .014).",
    ],
)
def test_no_coefficient_check_without_a_coefficient_and_its_se(text):  # guards
    assert not checks_named(text, "p_vs_se")
    assert not [s for s in stats(text) if s["measure"] == "regression coefficient"]
