"""Arms named by their doses: a total allocated to a list of dose arms is no arm's size, a
value followed by the dose its people received ("62.1% receiving 30 mg") or by "in the 30 mg
group" takes that dose's arm, and what the people before received is no outcome."""

from __future__ import annotations

import pytest
from extraction_helpers import of_kind

SIZED = (
    "We randomised 300 adults to upadacitinib 15 mg (n=100), upadacitinib 30 mg (n=100) or "
    "placebo (n=100). "
)


@pytest.mark.parametrize(
    "allocation",
    [
        "We randomised 300 adults to ketamine 15 mg, ketamine 30 mg or placebo.",
        "We randomised 300 adults to ketamine 15 mg, 30 mg or placebo.",
    ],
)
def test_a_total_allocated_to_a_list_of_doses_is_the_sample(allocation):
    assert [(r["kind"], r["source_text"]) for r in of_kind(allocation, "sample_size")] == [
        ("sample_size", "300")
    ]
    assert of_kind(allocation, "arm_size") == []


def test_each_value_takes_the_dose_its_people_received():
    text = (
        "At week 12, the ACR20 response was achieved by 58.3% of patients receiving "
        "upadacitinib 15 mg, 62.1% receiving 30 mg and 32.4% receiving placebo."
    )
    rows = of_kind(text, "percentage")
    assert [(r["arm"], r["outcome"]) for r in rows] == [
        ("upadacitinib 15 mg", "ACR20 response"),
        ("30 mg", "ACR20 response"),
        ("placebo", "ACR20 response"),
    ]


def test_a_dose_group_is_the_arm_given_that_dose():
    text = SIZED + (
        "Serious infections occurred in 2 patients (2.0%) in the 15 mg group and 5 (5.0%) in "
        "the 30 mg group."
    )
    rows = of_kind(text, "count")
    assert [(r["arm"], r["denominator"]) for r in rows] == [("15 mg", 100), ("30 mg", 100)]


def test_a_dose_given_to_two_arms_names_neither():
    # both arms had 30 mg (of different drugs): the dose alone does not tell which
    text = (
        "We randomised 200 adults to drugA 30 mg (n=100) or drugB 30 mg (n=100). Nausea "
        "occurred in 12 (12.0%) receiving 30 mg."
    )
    assert [r["denominator"] for r in of_kind(text, "count")] == [None]
