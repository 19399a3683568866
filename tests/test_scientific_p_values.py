"""p-values printed in scientific notation ("P = 3.2 × 10−2", "p=2.1E-02", "10⁻⁶") are judged
like any other: the mantissa's printed digits give the rounding interval.

Reference values (R 4, base stats):
    x <- 10; d <- dhyper(x, 30, 70, 50)                  # 10/50 against 20/50
    2 * min(phyper(x - 1, 30, 70, 50) + d / 2,
            phyper(x, 30, 70, 50, lower.tail = FALSE) + d / 2)   # mid-p 0.0320993090931
    chisq.test(matrix(c(10, 40, 20, 30), 2), correct = FALSE)$p.value  # 0.0290963317412522
    2 * pt(5.2, 28, lower.tail = FALSE)                   # 1.60543390263922e-05
    2 * pt(5.195, 28, lower.tail = FALSE)                 # 1.62751220390218e-05
    2 * pt(5.205, 28, lower.tail = FALSE)                 # 1.58365599257346e-05
"""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document
from trialaudit.rounding import parse_p

COUNTS = "Mortality was 10/50 (20%) with MSCs vs 20/50 (40%) with placebo, P = {p}."
RATIO = "Death: OR 2.1 (95% CI 1.5 to 2.9), p = {p}."
TEST = "Scores differed between the groups, t(28) = 5.20, p = {p}."


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("3.2 × 10−4", 3.15e-4, 3.25e-4),
        ("3.2x10^-4", 3.15e-4, 3.25e-4),
        ("2.1E-02", 0.0205, 0.0215),
        ("2e-5", 1.5e-5, 2.5e-5),
        ("1.0 x 10-5", 0.95e-5, 1.05e-5),
        ("10⁻⁶", 0.5e-6, 1.5e-6),
        ("0.03", 0.025, 0.035),
    ],
)
def test_the_mantissa_carries_the_rounding(text, low, high):
    interval = parse_p(text).interval()
    assert interval == pytest.approx((low, high), rel=1e-6)


@pytest.mark.parametrize("text", ["10-5x", "3.2 × 10", "0e-5", "1e-999"])
def test_what_is_no_p_value_is_refused(text):
    with pytest.raises(ValueError):
        parse_p(text)


def _check(text: str, check: str) -> dict:
    extraction = extract_document("doc", text)
    rows = check_document(extraction.statistics, extraction.comparisons, Settings())
    (row,) = [r for r in rows if r["check"] == check]
    return row


@pytest.mark.parametrize(
    ("p", "verdict", "recomputed"),
    [
        ("3.2 × 10−2", "consistent", 0.0320993090931),
        ("2.9 × 10−2", "consistent", 0.0290963317412522),
        ("9E-03", "inconsistent", None),
    ],
)
def test_a_p_in_scientific_notation_is_held_to_the_counts(p, verdict, recomputed):
    row = _check(COUNTS.format(p=p), "p_vs_counts")
    assert row["verdict"] == verdict
    if recomputed is not None:
        assert row["recomputed_value"] == pytest.approx(recomputed, abs=5e-5)


@pytest.mark.parametrize(
    ("p", "verdict"), [("1.0 x 10-5", "consistent"), ("1.0 x 10-2", "inconsistent")]
)
def test_a_p_in_scientific_notation_is_held_to_the_ci(p, verdict):
    assert _check(RATIO.format(p=p), "p_vs_ci")["verdict"] == verdict


@pytest.mark.parametrize(
    ("p", "verdict"), [("1.6 × 10−5", "consistent"), ("1.6 × 10−3", "inconsistent")]
)
def test_a_p_in_scientific_notation_is_held_to_its_test(p, verdict):
    row = _check(TEST.format(p=p), "p_vs_test")
    assert row["verdict"] == verdict
    assert row["recomputed_value"] == pytest.approx(1.60543390263922e-05, rel=1e-6)
    assert row["recomputed_low"] == pytest.approx(1.58365599257346e-05, rel=1e-6)
    assert row["recomputed_high"] == pytest.approx(1.62751220390218e-05, rel=1e-6)
