"""Two arms' sizes given together, as forum posts, letters and brief reports give them ("n was
101 and 99 in the MSC and placebo arms", "the sample sizes were 101 (MSC) and 99 (placebo)",
"randomized to MSC or placebo (n = 101 and 99, respectively)"), and two arms' deaths after a
colon or "were" ("Deaths were 10 vs 18"), so that the counts take the sizes as denominators
and their p is checked.

Reference values, R 4.x: m <- matrix(c(10, 91, 18, 81), 2, byrow = TRUE); chisq.test(m,
correct = FALSE)$p.value = 0.09152216, chisq.test(m)$p.value = 0.13790779, fisher.test(m)
$p.value = 0.10551174."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind

_SIZES = [
    "I read the paper: n was 101 and 99 in the MSC and placebo arms.",
    "The sample sizes were 101 (MSC) and 99 (placebo).",
    "Patients were randomized to MSC or placebo (n = 101 and 99, respectively).",
]


@pytest.mark.parametrize("sizes", _SIZES)
def test_two_arms_sizes_given_together_are_read_with_their_arms(sizes):
    rows = of_kind(sizes, "arm_size")
    assert [(r["source_text"], r["arm"]) for r in rows] == [("101", "MSC"), ("99", "placebo")]


@pytest.mark.parametrize("sizes", _SIZES)
@pytest.mark.parametrize(
    ("deaths", "verdict"),
    [
        ("Deaths were 10 vs 18, p=0.09.", "consistent"),
        ("Deaths: 10 vs 18 (p=0.09).", "consistent"),
        # no test of the table gives 0.04 (0.0915, 0.138, 0.106)
        ("Deaths were 10 vs 18, they claim p=0.04.", "inconsistent"),
    ],
)
def test_the_deaths_of_two_arms_take_their_sizes(sizes, deaths, verdict):
    counts = of_kind(f"{sizes} {deaths}", "count")
    assert [(r["numerator"], r["denominator"]) for r in counts] == [(10, 101), (18, 99)]
    (row,) = checks_named(f"{sizes} {deaths}", "p_vs_counts")
    assert row["verdict"] == verdict


def test_a_bracket_of_two_numbers_after_n_equals_is_no_pair_of_arm_sizes():  # guard
    # "headache (n = 12 and 9)" may count events; without arms or "respectively" no sizes
    assert of_kind("Headache occurred in more patients (n = 12 and 9).", "arm_size") == []


def test_decimals_after_deaths_were_are_no_counts():  # guard
    text = "The sample sizes were 101 (MSC) and 99 (placebo). Deaths were 10.5 vs 18.2 per 100."
    assert of_kind(text, "count") == []


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        (
            "Among 195 randomized patients (mean age, 61 years; 74 women [38%]), 98 were assigned "
            "to early mobilization and 97 to usual care.",
            ["consistent"],  # 98 + 97 = 195
        ),
        (
            "Of 195 patients (74 women [38%]), 98 were assigned to early mobilization and 97 to "
            "usual care.",
            [],
        ),
    ],
)
def test_people_before_the_subject_of_an_allocation_are_no_arm(text, totals):
    # the women are a share of the whole sample, no arm's size
    rows = of_kind(text, "arm_size")
    assert [(r["source_text"], r["arm"]) for r in rows] == [
        ("98", "early mobilization"),
        ("97", "usual care"),
    ]
    assert [c["verdict"] for c in checks_named(text, "total_vs_arm_sizes")] == totals


def test_people_joined_before_their_allocation_are_each_a_size():  # guard
    rows = of_kind(
        "21 moderate patients and 31 severe patients were enrolled in the MSC group.", "arm_size"
    )
    assert [(r["source_text"], r["subgroup"]) for r in rows] == [
        ("21", "moderate"),
        ("31", "severe"),
    ]


def test_arm_sizes_said_with_were_assigned_and_the_verb_said_once():
    text = (
        "Findings 4,198 women were enrolled: 2,101 were assigned tranexamic acid and 2,097 placebo."
    )
    sizes = [(r["value"], r["arm"]) for r in of_kind(text, "arm_size")]
    assert sizes == [(2101, "tranexamic acid"), (2097, "placebo")]
    assert [r["value"] for r in of_kind(text, "sample_size")] == [4198]
