"""Estimates and p-values printed beside two arms' counts that are not those of their 2x2 table:
a model's estimate, a test of three arms."""

from __future__ import annotations

from extraction_helpers import checks_named


def test_a_models_estimated_odds_ratio_is_not_held_to_the_crude_counts():
    # crude OR of 152/294 vs 124/294 is 1.47; a logistic model's estimate may differ
    text = (
        "HbA1c <7.0% was achieved by 152/294 (51.7%) and 124/294 (42.2%) participants with "
        "dorvanesin and glargine, respectively (estimated odds ratio 1.49; 95% CI 1.07 to 2.07)."
    )
    for check in ("ratio_vs_counts", "ci_vs_counts"):
        (row,) = checks_named(text, check)
        assert row["verdict"] == "not_checkable" and "adjusted" in row["note"], row
    crude = text.replace("estimated odds ratio", "odds ratio")
    (row,) = checks_named(crude, "ratio_vs_counts")
    assert row["verdict"] == "inconsistent", "a plain odds ratio is still held to its counts"


def test_the_p_of_a_three_arm_chi_square_is_not_a_pairs_p():
    # chi-square of 9/48, 12/48, 19/48 on 2 df: 5.47, p = 0.065 (scipy.stats.chi2_contingency)
    text = (
        "Nausea occurred in 9 of 48 (18.8%), 12 of 48 (25.0%), and 19 of 48 (39.6%) patients in "
        "the ESP, TAP and sham groups, respectively (χ2(2) = 5.47, P = .065)."
    )
    rows = checks_named(text, "p_vs_counts")
    assert rows and all(r["verdict"] == "not_checkable" for r in rows), rows
    assert all("2 df" in r["note"] for r in rows)
