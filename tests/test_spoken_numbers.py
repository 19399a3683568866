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


def test_the_other_arm_s_mean_with_its_sd_said_after_a_comma():
    text = (
        "The score went up by a mean of 7.9 points, SD 14.2, on the drug and 4.6, SD 13.8, on "
        "placebo."
    )
    means = [(m["value"], m["spread_low"], m["arm"]) for m in of_kind(text, "mean")]
    assert means == [(7.9, 14.2, "drug"), (4.6, 13.8, "placebo")]


@pytest.mark.parametrize(
    "text",
    [
        "An ejection fraction of 40 percent or less was required.",
        "Hazard ratio 0.75, 95 percent confidence interval 0.62 to 0.90.",
    ],
)
def test_a_threshold_or_an_interval_level_spelled_out_is_no_result(text):
    assert not of_kind(text, "percentage")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Discontinuations were similar, 8.2 versus 7.7 percent.", [8.2, 7.7]),
        ("Hypotension occurred in 9.4 vs 5.1% of patients.", [9.4, 5.1]),
        # the first value said to another precision is not the same kind of number
        ("Symptoms lasted 24 vs 48.5% of the time.", [48.5]),
    ],
)
def test_one_percent_sign_for_two_values(text, values):
    assert [r["value"] for r in of_kind(text, "percentage")] == values


def test_shares_of_a_lay_summary_are_arm_sizes():
    text = (
        "About half (219) got belrasimab, 300 mg every 4 weeks, and the rest (218) got a "
        "placebo infusion. After one year, 112 of 219 people (51%) on belrasimab improved, "
        "compared with 74 of 218 (34%) on placebo. Shingles was more common with belrasimab "
        "(14 people vs 4)."
    )
    assert [(r["value"], r["arm"]) for r in of_kind(text, "arm_size")] == [
        (219, "belrasimab"),
        (218, "placebo"),
    ]
    shingles = next(c for c in of_kind(text, "count") if c["numerator"] == 14)
    assert shingles["denominator"] == 219


def test_a_chi_square_spelled_chi2_before_its_p():
    test = one("redid it from the counts: chi2 = 7.15, p = 0.008, so it holds", "test")
    assert (test["test_type"], test["value"]) == ("chi2", 7.15)


def test_a_difference_in_events_per_time_keeps_its_interval():
    text = "The treatment difference was -0.79 micturitions per 24 hours (95% CI -1.27, -0.31)."
    difference = one(text, "difference")
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (
        -0.79,
        -1.27,
        -0.31,
    )
