"""A mean difference and its CI printed with the two arms' means, SDs and sizes, held to them
(checks.check_difference_from_summaries). The reference interval is R's
    exact <- function(n, m, s) m + s * scale(qnorm(ppoints(n)))[, 1]
    t.test(exact(64, 21.5, 6.2), exact(61, 24.8, 7.9))  # Welch: -5.824352631 -0.775647369
    t.test(..., var.equal = TRUE)                        # pooled: -5.8078561926 -0.7921438074
which rounds to -5.8 to -0.8 either way."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

SIZES = "In total, 64 patients were assigned to drug and 61 to placebo. "
RESULT = (
    "At week 12, pain scores were 21.5 ± 6.2 with drug vs 24.8 ± 7.9 with placebo (mean "
    "difference −3.3, 95% CI −5.8 to −0.8; P = .01)."
)


def _verdicts(text: str) -> dict[str, str]:
    extraction = extract_document("prose", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    return {c["check"]: c["verdict"] for c in checks if "vs_summaries" in c["check"]}


def test_a_difference_and_its_ci_that_fit_the_summaries_are_consistent():
    verdicts = _verdicts(SIZES + RESULT)
    assert verdicts["difference_vs_summaries"] == "consistent"
    assert verdicts["difference_ci_vs_summaries"] == "consistent"


@pytest.mark.parametrize(
    ("printed", "spoiled", "check"),
    [
        ("difference −3.3", "difference −4.3", "difference_vs_summaries"),
        # the SE taken for the SD narrows the CI: no share measured explains it
        ("−5.8 to −0.8", "−5.3 to −1.3", "difference_ci_vs_summaries"),
        ("−5.8 to −0.8", "−6.8 to −1.8", "difference_ci_vs_summaries"),
    ],
)
def test_a_difference_or_ci_that_does_not_fit_is_inconsistent(printed, spoiled, check):
    assert _verdicts(SIZES + RESULT.replace(printed, spoiled))[check] == "inconsistent"


def test_a_wider_ci_with_sizes_printed_apart_may_come_from_fewer_measured():
    verdicts = _verdicts(SIZES + RESULT.replace("−5.8 to −0.8", "−6.3 to −0.3"))
    assert verdicts["difference_ci_vs_summaries"] == "not_checkable"


def test_an_adjusted_difference_is_not_held_to_the_raw_means():
    text = SIZES + RESULT.replace("(mean difference", "(adjusted mean difference")
    verdicts = _verdicts(text.replace("−3.3,", "−4.3,"))
    assert "difference_vs_summaries" not in verdicts


def test_three_arms_listed_with_respectively_are_not_paired_by_order():
    text = (
        "Of 180 patients, 174 were analysed (low dose n = 58, high dose n = 59, saline n = 57). "
        "Mean (SD) changes in function were −18.2 (15.1) with low dose, −24.6 (14.8) with high "
        "dose, and −15.9 (16.0) with saline. Mean (SD) changes in pain were −22.5 (19.8) mm, "
        "−30.1 (20.4) mm, and −19.7 (21.2) mm, respectively; mean differences versus saline "
        "were −2.8 mm (95% CI −10.4, 4.8) for low dose and −10.4 mm (95% CI −18.1, −2.7) for "
        "high dose."
    )
    assert "difference_vs_summaries" not in _verdicts(text)
