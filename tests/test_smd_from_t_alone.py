"""A standardized mean difference printed after a t in an APA sentence that names no arms'
summaries (smd_vs_test without a comparison): d = |t| sqrt(1/n1 + 1/n2), n1 + n2 = df + 2
(Lakens 2013, eq. 2). Reference values, R 4.x: c(2.445, 2.455) * sqrt(1/30 + 1/30) =
0.6312962854 0.6338782743 (equal arms of 30, the smallest d any split of 60 gives) and
c(2.445, 2.455) * sqrt(1/2 + 1/58) = 1.758431658 1.765623608 (arms of 2 and 58, the largest)."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

SENTENCE = (
    "Participants reported lower stress after mindfulness training than on the waitlist, "
    "t(58) = 2.45, p = .017, d = {}."
)


def _smd_rows(text: str) -> list[dict]:
    ex = extract_document("t", text)
    found = check_document(ex.statistics, ex.comparisons, Settings())
    return [c for c in found if c["check"] == "smd_vs_test"]


def test_with_the_arms_sizes_the_d_is_held_to_them():
    text = (
        "Participants in the mindfulness group (n = 30) reported lower stress than those in the "
        "waitlist group (n = 30), t(58) = 2.45, p = .017, d = 0.63."
    )
    (row,) = _smd_rows(text)
    assert row["verdict"] == "consistent"
    assert (row["recomputed"]) == "0.631 to 0.634"


@pytest.mark.parametrize("d", ["0.63", "0.64", "1.76"])
def test_without_sizes_a_d_some_split_of_df_plus_two_gives_is_consistent(d):
    (row,) = _smd_rows(SENTENCE.format(d))
    assert row["verdict"] == "consistent"
    assert "arms of" in row["recomputed"]


@pytest.mark.parametrize("d", ["0.53", "1.80"])
def test_a_d_no_split_gives_is_not_checkable_as_it_may_be_a_paired_ts(d):
    # below 0.6313 (equal arms) or above 1.7656 (arms of 2 and 58)
    (row,) = _smd_rows(SENTENCE.format(d))
    assert row["verdict"] == "not_checkable"
    assert "paired" in row["note"]
