"""Estimates over strata (weighted, stratified, Mantel-Haenszel) are not the crude estimates of
the summed counts, and the second of two arms' sizes is no total."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

# 264/449 = 58.797%, 258/419 = 61.575%: the crude difference is -2.78 points, not -3.3
RESPONSE = (
    "Overall response occurred in 264 of 449 patients (58.8%) who received tebipenem and in 258 "
    "of 419 patients (61.6%) who received ertapenem ({name}, -3.3 percentage points; 95% CI, "
    "-9.7 to 3.2)."
)


def _checks(text: str) -> dict[str, dict]:
    ex = extract_document("t", text)
    return {c["check"]: c for c in check_document(ex.statistics, ex.comparisons, Settings())}


@pytest.mark.parametrize(
    "name", ["weighted difference", "stratified difference", "Mantel-Haenszel difference"]
)
def test_a_difference_over_strata_is_not_held_to_the_crude_counts(name):
    found = _checks(RESPONSE.format(name=name))
    for check in ("difference_vs_counts", "ci_vs_counts"):
        assert found[check]["verdict"] == "not_checkable"
        assert "adjusted" in found[check]["note"]


def test_a_plain_difference_is_still_held_to_the_counts():
    found = _checks(RESPONSE.format(name="difference"))
    assert found["difference_vs_counts"]["verdict"] == "inconsistent"


def test_the_second_of_two_arms_sizes_is_no_total():
    text = (
        "We randomly assigned 64 patients to zelvorimab and 62 to placebo; 61 and 60 were "
        "evaluable."
    )
    rows = extract_document("t", text).statistics
    assert [r["value"] for r in rows if r["kind"] == "sample_size"] == []
    assert "total_vs_arm_sizes" not in _checks(text)


def test_a_number_after_a_year_is_no_second_arm():
    text = (
        "Findings 64 patients were enrolled between March 2019 and June 2020 and 58 were "
        "analysed (drug n=29; placebo n=29)."
    )
    rows = extract_document("t", text).statistics
    assert [r["value"] for r in rows if r["kind"] == "sample_size"] == [64, 58]
