"""Statistics as a transcript, a newspaper or a press release prints them: "percent" spelled out,
an SD after a comma, an allocation ratio said in words."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind, one

TRANSCRIPT = (
    "They randomized 1,486 patients one to one, 743 to velatrizine 40 milligrams twice a day "
    "and 743 to placebo. The primary endpoint happened in 198 patients, or 26.6 percent, on "
    "velatrizine versus 251, or 33.8 percent, on placebo. Hazard ratio 0.75, 95 percent "
    "confidence interval 0.62 to 0.90. Hospitalizations: 121 of 743, 16.3 percent, versus "
    "167 of 743, 22.5 percent. Hypotension in 9.4 percent versus 5.1 per cent."
)


def test_percent_spelled_out_is_a_percentage():
    assert [(p["value"], p["source_text"]) for p in of_kind(TRANSCRIPT, "percentage")] == [
        (9.4, "9.4 percent"),
        (5.1, "5.1 per cent"),
    ]


def test_counts_with_their_percentage_spelled_out():
    counts = [
        (c["numerator"], c["denominator"], c["percent"]) for c in of_kind(TRANSCRIPT, "count")
    ]
    assert counts == [(198, 743, 26.6), (251, 743, 33.8), (121, 743, 16.3), (167, 743, 22.5)]


def test_an_interval_whose_level_is_spelled_out():
    ratio = one(TRANSCRIPT, "ratio")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"], ratio["ci_level"]) == (
        0.75,
        0.62,
        0.90,
        0.95,
    )


def test_an_allocation_ratio_said_in_words_is_no_arm():
    sizes = [(s["value"], s["arm"]) for s in of_kind(TRANSCRIPT, "arm_size")]
    assert sizes == [(743, "velatrizine"), (743, "placebo")]
    (total,) = checks_named(TRANSCRIPT, "total_vs_arm_sizes")
    assert total["verdict"] == "consistent"


def test_a_spelled_out_percentage_that_its_count_cannot_give_is_caught():
    text = TRANSCRIPT.replace("22.5 percent", "24.5 percent")
    rows = [r for r in checks_named(text, "percent_vs_count") if r["reported"] == "24.5"]
    assert [r["verdict"] for r in rows] == ["inconsistent"]


@pytest.mark.parametrize(
    ("text", "value", "sd"),
    [
        ("Average age was 66.2 years, standard deviation 9.8, and follow-up 18 months.", 66.2, 9.8),
        ("The score went up by a mean of 7.9 points, SD 14.2, on the drug.", 7.9, 14.2),
    ],
)
def test_an_sd_after_a_comma(text, value, sd):
    mean = one(text, "mean")
    assert (mean["value"], mean["spread_kind"], mean["spread_low"]) == (value, "sd", sd)


@pytest.mark.parametrize(
    "text",
    [
        "An ejection fraction of 40 percent or less was required.",
        "Hazard ratio 0.75, 95 percent confidence interval 0.62 to 0.90.",
    ],
)
def test_a_threshold_or_an_interval_level_spelled_out_is_no_result(text):
    assert not of_kind(text, "percentage")
