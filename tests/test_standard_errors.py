"""A difference printed with its standard error instead of a CI ("-2.1 (SE 0.8; p = 0.01)")
keeps the SE, and its p is held to estimate / SE: a Wald z test (Altman & Bland, BMJ
2011;343:d2304), or, for a larger p, a t test on at least checks.FEWEST_T_DF df.

Reference values, R 4.x, at the ends of the rounding intervals (widened by
rounding's relative slack of 1e-8, hence rel=1e-6 on values from printed numbers):
2 * pnorm(-2.15 / 0.75) = 0.00414819672718818, 2 * pnorm(-2.05 / 0.85) = 0.0158755231158103;
2 * pnorm(-3.45 / 1.15) = 0.00269979606326019, 2 * pnorm(-3.35 / 1.25) = 0.00736221601834996;
2 * pt(-3.45 / 1.15, 10) = 0.0133436550225696, 2 * pt(-3.35 / 1.25, 10) = 0.0230927225274968;
2 * pnorm(-2.45 / 1.15) = 0.0331357347404201, 2 * pnorm(-2.35 / 1.25) = 0.0601080779223996."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, one, one_check

from trialaudit import checks, ci_geometry


@pytest.mark.parametrize(
    ("text", "se"),
    [
        ("The mean difference in SOFA score was -2.1 (SE 0.8; p = 0.01) with MSC.", "0.8"),
        ("The adjusted difference was 3.4 points (standard error 1.2, P = 0.30).", "1.2"),
        ("The adjusted mean difference was 3.4 points (SE = 1.2), P = 0.005.", "1.2"),
        ("The mean difference was 3.4 points (s.e. 1.2; P = 0.005).", "1.2"),
        ("The mean difference was 3.4 points (SEM 1.2; P = 0.005).", "1.2"),
    ],
)
def test_a_difference_keeps_the_standard_error_printed_after_it(text, se):
    difference = one(text, "difference")
    assert (difference["spread_kind"], difference["spread_low_text"]) == ("se", se)
    # the span holds the SE's characters, so that the number can be traced to them
    assert difference["source_text"].endswith(se)
    assert text[difference["span_start"] : difference["span_end"]] == difference["source_text"]


def test_a_p_within_the_z_tests_range_is_consistent():
    row = one_check(
        "The mean difference in SOFA score was -2.1 (SE 0.8; p = 0.01) with MSC.", "p_vs_se"
    )
    assert row["verdict"] == "consistent"
    assert row["recomputed_low"] == pytest.approx(0.00414819672718818, rel=1e-6)
    assert row["recomputed_high"] == pytest.approx(0.0158755231158103, rel=1e-6)


def test_rounding_of_estimate_and_se_is_allowed_for():
    # 2.4 / 1.2 = 2 gives 0.0455 exactly; 0.06 is reached only with 2.35 / 1.25
    row = one_check("The adjusted mean difference was 2.4 points (SE 1.2), P = 0.06.", "p_vs_se")
    assert row["verdict"] == "consistent"
    assert row["recomputed_high"] == pytest.approx(0.0601080779223996, rel=1e-6)


@pytest.mark.parametrize(
    ("p", "verdict", "why"),
    [
        ("0.0001", "inconsistent", "smaller than any test"),
        ("0.30", "inconsistent", "larger than even a t test on 10 df"),
        # between the z test's 0.00736 and the t test's 0.0231 on 10 df: a t test on
        # unprinted df could give it
        ("0.02", "not_checkable", "the text prints no df"),
    ],
)
def test_a_p_outside_the_z_tests_range(p, verdict, why):
    row = one_check(f"The adjusted mean difference was 3.4 points (SE 1.2), P = {p}.", "p_vs_se")
    assert row["verdict"] == verdict
    assert why in row["note"]
    assert row["recomputed_low"] == pytest.approx(0.00269979606326019, rel=1e-6)
    assert row["recomputed_high"] == pytest.approx(0.00736221601834996, rel=1e-6)


def test_the_t_tests_range_on_the_fewest_df():
    low, high = ci_geometry.p_from_se(
        (3.35, 3.45), (1.15, 1.25), lambda t: 2 * checks.special.stdtr(checks.FEWEST_T_DF, -t)
    )
    assert (low, high) == pytest.approx((0.0133436550225696, 0.0230927225274968), rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        # a ratio's SE may be of the ratio or of its logarithm
        "The odds ratio was 1.52 (SE 0.21; P = 0.04).",
        # a CI is the estimate's interval: the p is held to it (the SE beside it is held to the
        # CI, by ci_vs_se)
        "The mean difference was -2.1 (95% CI -3.7 to -0.5; SE 0.8; P = 0.01).",
    ],
)
def test_no_standard_error_is_read_where_it_is_ambiguous_or_not_needed(text):  # guards
    assert not checks_named(text, "p_vs_se")


def test_an_se_in_percent_of_a_difference_in_percent():
    # R 4.x: 2 * pnorm(-5.25 / 2.05) = 0.0104378683789466, 2 * pnorm(-5.15 / 2.15) =
    # 0.0166045593653661
    row = one_check("The risk difference was 5.2% (SE 2.1%; P = 0.01) with MSC.", "p_vs_se")
    assert row["verdict"] == "consistent"
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(
        (0.0104378683789466, 0.0166045593653661), rel=1e-6
    )


def test_an_se_in_percent_is_not_of_a_difference_in_points():  # guard
    assert not checks_named("The mean difference was 5.2 points (SE 2.1%; P = 0.01).", "p_vs_se")
