"""Omega squared and Cohen's f (or f squared) of an F test, read and held to the F printed before
them in their sentence (a t being an F of 1 df).

Reference values, R 4.x, from the sums of squares of aov() rather than from F:
- one-way, set.seed(11); g <- factor(rep(1:3, each = 30)); y <- rnorm(90) + c(0, 0.6,
  0.9)[g]; summary(aov(y ~ g)): F(2, 87) = 13.045694; omega squared (SSb - 2 MSw) / (SST +
  MSw) = 0.2111587; Cohen's f sqrt(SSb / SSw) = 0.5476322.
- two-way, set.seed(3); A <- factor(rep(1:2, each = 40)); B <- factor(rep(rep(1:2, each =
  20), 2)); y <- rnorm(80) + 0.8 * (A == 2) + 0.3 * (B == 2) + 0.6 * (A == 2 & B == 2);
  summary(aov(y ~ A * B)): A's F(1, 76) = 37.804124; its partial omega squared (MSa - MSe) /
  (MSa + (N - 1) MSe), N = 80, is 0.3150927, below the one-way value 0.3205819 of 78
  observations."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind

_ONE_WAY = (
    "A one-way ANOVA showed an effect of condition on recall, F(2, 87) = 13.05, p < .001, {}."
)


@pytest.mark.parametrize(
    ("printed", "measure"),
    [
        ("ω² = .21", "omega squared"),
        ("ωp² = .21", "partial omega squared"),
        ("partial omega squared = 0.21", "partial omega squared"),
        ("Cohen's f = 0.55", "Cohen's f"),
        ("Cohen’s f² = .30", "Cohen's f squared"),
    ],
)
def test_omega_squared_and_cohens_f_are_read(printed, measure):
    (row,) = of_kind(_ONE_WAY.format(printed), "effect_size")
    assert (row["source_text"], row["measure"]) == (printed, measure)


@pytest.mark.parametrize(
    ("printed", "truth"),
    [("ω² = .21", 0.2111587), ("Cohen's f = 0.55", 0.5476322), ("Cohen's f² = .30", 0.2999)],
)
def test_a_one_way_anovas_effect_size_is_consistent(printed, truth):
    (row,) = checks_named(_ONE_WAY.format(printed), "effect_size_vs_test")
    assert row["verdict"] == "consistent"
    # the range over the Fs that round to 13.05 holds the value of the data (f squared: 0.5476^2)
    assert row["recomputed_low"] - 1e-3 <= truth <= row["recomputed_high"] + 1e-3


@pytest.mark.parametrize("printed", ["ω² = .31", "Cohen's f = 0.65", "Cohen's f² = .40"])
def test_an_effect_size_above_the_tests_is_inconsistent(printed):
    (row,) = checks_named(_ONE_WAY.format(printed), "effect_size_vs_test")
    assert row["verdict"] == "inconsistent"


def test_a_factorial_designs_smaller_omega_squared_is_not_checkable():  # guard
    text = "There was a main effect of A, F(1, 76) = 37.80, p < .001, ωp² = .315."
    (row,) = checks_named(text, "effect_size_vs_test")
    assert row["verdict"] == "not_checkable"
    assert "more observations" in row["note"]


def test_a_negative_omega_squared_of_an_f_below_one_is_consistent():
    # df1 (F - 1) / (df1 (F - 1) + df1 + df2 + 1) = -0.5 / 41.5 = -0.0120
    (row,) = checks_named(
        "The interaction was not significant, F(1, 40) = 0.50, ω² = -.01.", "effect_size_vs_test"
    )
    assert row["verdict"] == "consistent"


def test_a_t_is_an_f_of_one_df():
    # F = 2.10^2 = 4.41: omega squared 3.41 / (3.41 + 42) = 0.0751, not 0.30
    text = "Recall differed, t(40) = 2.10, p = .042, partial omega squared = {}."
    assert checks_named(text.format("0.08"), "effect_size_vs_test")[0]["verdict"] == "consistent"
    assert checks_named(text.format("0.30"), "effect_size_vs_test")[0]["verdict"] == "inconsistent"
