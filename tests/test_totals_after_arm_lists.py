"""An n printed after the last of two or more arms, none of them sized before it ("randomized
to MSC or placebo (n = 160)"), is the arms' total, not the last arm's size: read as the last
arm's, it gave each of that arm's counts a denominator of 160 and called their percentages
inconsistent (11 of 160 is 6.9%, where 13.8% is 11 of 80)."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind

_DEATHS = (
    " Death occurred in 8 (10.0%) and 11 (13.8%) patients in the MSC and placebo groups, "
    "respectively."
)


@pytest.mark.parametrize(
    "allocation",
    [
        "Patients were randomized to MSC or placebo (n = 160).",
        "Patients were randomized to the MSC group or the placebo group (n = 160).",
        "Patients were randomized to MSC versus placebo (n = 160).",
    ],
)
def test_an_n_after_a_list_of_unsized_arms_is_their_total(allocation):
    text = allocation + _DEATHS
    assert [s["value"] for s in of_kind(text, "sample_size")] == [160]
    assert not [s for s in of_kind(text, "arm_size") if s["value"] == 160]
    assert not [c for c in checks_named(text, "percent_vs_count") if c["verdict"] == "inconsistent"]


@pytest.mark.parametrize(
    ("allocation", "sizes"),
    [
        ("Patients were randomized to MSC (n = 80) or placebo (n = 80).", [80, 80]),
        ("Patients received MSC and usual care (n = 40) or usual care alone (n = 41).", [40, 41]),
    ],
)
def test_arms_sized_one_by_one_keep_their_sizes(allocation, sizes):  # guards
    text = allocation + _DEATHS
    assert [s["value"] for s in of_kind(text, "arm_size")] == sizes
