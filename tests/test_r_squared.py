"""A regression's R squared and adjusted R squared, read and held to the overall F printed
beside them (only p-values between): R² = F df1 / (F df1 + df2) and adjusted R² = 1 - (1 - R²)
(df1 + df2) / df2 for least squares with an intercept.

Reference values, R 4.x, from a fitted model rather than from F: set.seed(1); x1 <- rnorm(40);
x2 <- rnorm(40); y <- 0.5 * x1 + rnorm(40); s <- summary(lm(y ~ x1 + x2)): F(2, 37) =
3.00906640974, r.squared = 0.13989758330, adj.r.squared = 0.09340556077."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind

_MODEL = "Anxiety was predicted by the two scales, {}."


@pytest.mark.parametrize(
    ("printed", "measure"),
    [
        ("R² = .14", "R squared"),
        ("R2 = 0.14", "R squared"),
        ("R-squared = .14", "R squared"),
        ("adjusted R² = .09", "adjusted R squared"),
    ],
)
def test_r_squared_is_read(printed, measure):
    (row,) = of_kind(_MODEL.format(f"{printed}, F(2, 37) = 3.01, p = .06"), "effect_size")
    assert (row["source_text"], row["measure"]) == (printed, measure)


@pytest.mark.parametrize(
    ("results", "verdict"),
    [
        ("R² = .14, F(2, 37) = 3.01, p = .06", "consistent"),  # 0.13989758330
        ("F(2, 37) = 3.01, p = .06, R² = .14", "consistent"),  # the F before it
        ("F(2, 37) = 3.01, p = .06, adjusted R² = .09", "consistent"),  # 0.09340556077
        ("R² = .24, F(2, 37) = 3.01, p = .06", "inconsistent"),
        ("R² = .04, F(2, 37) = 3.01, p = .06", "inconsistent"),  # exact: below is wrong too
        ("F(2, 37) = 3.01, p = .06, adjusted R² = .14", "inconsistent"),  # unadjusted
    ],
)
def test_r_squared_is_held_to_the_f_beside_it(results, verdict):
    [check] = checks_named(_MODEL.format(results), "effect_size_vs_test")
    assert check["verdict"] == verdict


def test_the_recomputed_r_squared_is_the_fitted_models():
    [check] = checks_named(
        _MODEL.format("R² = .14, F(2, 37) = 3.009066, p = .06"), "effect_size_vs_test"
    )
    assert check["recomputed_value"] == pytest.approx(0.13989758330, abs=1e-7)
    [adjusted] = checks_named(
        _MODEL.format("F(2, 37) = 3.009066, p = .06, adjusted R² = .09"), "effect_size_vs_test"
    )
    assert adjusted["recomputed_value"] == pytest.approx(0.09340556077, abs=1e-7)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a change in R squared, a pseudo R squared, another name ending in R, an F
        # that is not beside it
        "Adding the scale raised the fit, ΔR² = .05, F(1, 37) = 3.01, p = .09.",
        "The logistic model had a Nagelkerke R² = .31, F(2, 37) = 3.01.",
        "The CR2 = .50 cohort differed, F(2, 37) = 3.01, p = .06.",
        "The model had R² = .40 (n = 40); the interaction was F(2, 37) = 3.01, p = .06.",
    ],
)
def test_other_r_squared_values_are_not_held_to_the_f(text):
    assert checks_named(text, "effect_size_vs_test") == []
