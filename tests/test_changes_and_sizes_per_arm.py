"""A difference in change is of means, and two unnamed arms take the size stated per arm."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind, one_check

HBA1C = (
    "Mean (SD) HbA1c fell from 8.9 (1.2) to 7.6 (1.1) in the coaching group and from 8.8 (1.3) "
    "to 8.4 (1.2) in the control group. The between-group {label} was -0.8 percentage points "
    "(95% CI -1.1 to -0.5; P < 0.001)."
)


@pytest.mark.parametrize(
    ("label", "measure"),
    [
        ("difference in change", "mean difference"),
        ("difference in the change", "mean difference"),
        ("difference in mean HbA1c", "mean difference"),
        # guards: a difference of proportions stays a risk difference
        ("difference in the proportion reaching target", "risk difference"),
        ("difference in remission", "risk difference"),
    ],
)
def test_a_difference_in_change_in_percentage_points_is_of_means(label, measure):
    (difference,) = of_kind(HBA1C.format(label=label), "difference")
    assert difference["measure"] == measure


# A thread quoting a trial: the arms are not named, their size is stated once for each.
THREAD = (
    "They randomised 120 (60 per arm). 28-day mortality 11/60 vs 19/60. Also the SOFA change "
    "was -2.4 \u00b1 1.9 vs -1.6 \u00b1 2.2 (p={p})."
)


def test_two_unnamed_arms_take_the_size_stated_for_each_arm():
    """R 4.x: v1 <- 1.9^2/60; v2 <- 2.2^2/60; t <- (-2.4 - -1.6)/sqrt(v1 + v2);
    df <- (v1 + v2)^2/(v1^2/59 + v2^2/59); 2*pt(-abs(t), df) = 0.0351451026965511
    (t = -2.1317548400847715, df = 115.5516530115722986)."""
    row = one_check(THREAD.format(p="0.04"), "p_vs_summaries")
    assert row["verdict"] == "consistent"
    assert float(row["recomputed"]) == pytest.approx(0.0351451026965511, rel=1e-3)
    assert one_check(THREAD.format(p="0.40"), "p_vs_summaries")["verdict"] == "inconsistent"


def test_arms_sized_differently_give_no_size_to_unnamed_arms():
    text = THREAD.format(p="0.04").replace("(60 per arm)", "(60 per arm in the pilot, 50 per arm)")
    (row,) = checks_named(text, "p_vs_summaries")
    assert (row["verdict"], row["note"]) == ("not_checkable", "arm size not reported")


# Two means and their difference, JAMA's way: the second mean keeps its unit before the bracket
# that holds the difference, so the difference is held to the two means (before, "-0.3" was read
# without its "%" and the units disagreed).
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "The mean change in HbA1c was -0.9% vs -0.3% (difference, -0.6 percentage points "
            "[95% CI, -0.8 to -0.4]; P < .001).",
            "consistent",
        ),
        (
            "Mean weight change was -2.9 kg vs -0.8 kg (difference, -2.1 kg [95% CI, -2.8 to "
            "-1.4]).",
            "consistent",
        ),
        (
            "Mean weight change was -2.9 kg vs -0.8 kg (difference, -2.5 kg [95% CI, -2.8 to "
            "-1.4]).",
            "inconsistent",
        ),
        (
            "Mean weight change was -2.9 kg vs -0.8 kg (mean difference -2.1 kg, 95% CI -2.8 to "
            "-1.4).",
            "consistent",
        ),
    ],
)
def test_a_difference_after_two_means_is_held_to_them(text, verdict):
    first, second = of_kind(text, "mean")
    assert second["unit"] == first["unit"] != ""
    assert one_check(text, "difference_vs_summaries")["verdict"] == verdict


def test_a_value_with_its_own_bracket_is_still_read_without_it():
    """Guard: after "vs", a value followed by its own spread keeps the old reading."""
    text = "Mean age was 54 years vs 56 years (range 40-70)."
    assert [m["source_text"] for m in of_kind(text, "mean")][1:] == ["56"]


def test_a_long_label_before_a_mean_change_still_names_it_a_mean():
    """Seven words after "in" before "was": "from baseline to week 12" after the outcome."""
    text = (
        "The mean change in pain score from baseline to week 12 was -2.5 in the duloxetine group "
        "and -1.6 in the placebo group (difference, {d} [95% CI, -1.4 to -0.4])."
    )
    assert [m["source_text"][-4:] for m in of_kind(text.format(d="-0.9"), "mean")] == [
        "-2.5",
        "-1.6",
    ]
    assert one_check(text.format(d="-0.9"), "difference_vs_summaries")["verdict"] == "consistent"
    assert one_check(text.format(d="-1.9"), "difference_vs_summaries")["verdict"] == "inconsistent"


BLOOD_PRESSURE = (
    "{subject} fell by 12.4 mm Hg in the intervention group and by 6.1 mm Hg in the usual-care "
    "group (difference, {d} mm Hg; 95% CI, -8.9 to -3.7)."
)


@pytest.mark.parametrize(
    ("subject", "difference", "verdict"),
    [
        ("Mean systolic blood pressure", "-6.3", "consistent"),
        ("The average systolic pressure", "-6.3", "consistent"),
        ("Mean systolic blood pressure", "-7.3", "inconsistent"),
        # guards: changes not said to be means
        ("Systolic blood pressure", "-6.3", "not_checkable"),
        ("Median systolic blood pressure", "-6.3", "not_checkable"),
    ],
)
def test_changes_by_arm_are_means_when_the_subject_says_so(subject, difference, verdict):
    text = BLOOD_PRESSURE.format(subject=subject, d=difference)
    assert one_check(text, "difference_vs_summaries")["verdict"] == verdict


# Two changes with no arm named, the difference between them in the bracket after them.
UNNAMED_CHANGES = (
    "{subject} changed by -2.9 kg vs -0.8 kg (difference, {d} kg; 95% CI, -2.8 to -1.4 kg)."
)


@pytest.mark.parametrize(
    ("subject", "difference", "verdict"),
    [
        ("Mean body weight", "-2.1", "consistent"),
        ("Mean body weight", "-2.6", "inconsistent"),
        ("Body weight", "-2.1", "not_checkable"),  # changes not said to be means
    ],
)
def test_two_changes_of_unnamed_arms_before_their_difference(subject, difference, verdict):
    text = UNNAMED_CHANGES.format(subject=subject, d=difference)
    assert [m["source_text"] for m in of_kind(text, "mean")] == ["-2.9 kg", "-0.8 kg"]
    assert one_check(text, "difference_vs_summaries")["verdict"] == verdict


def test_two_changes_without_a_difference_after_them_are_not_two_arms():
    """Guard: without the difference, "A vs B" may be two times or two outcomes."""
    assert of_kind("Body weight changed by -2.9 kg vs -0.8 kg in the year before.", "mean") == []
