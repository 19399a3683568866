"""A percentage that says by how much something changed ("HbA1c fell by 2.37%", "reduced the
risk of death by 38%") is not a share of people: no count out of the arm's size stands behind
it, so neither the GRIM check of a lone percentage nor the 2x2 tables of a p-value after two
arms' percentages apply to it."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

ALLOCATION = (
    "A total of 1961 adults were randomly assigned to semaglutide (n = 1306) or placebo (n = 655). "
)
NOT_A_SHARE = "a measurement in percent or the amount of a change, not a share of patients"


def _read(text: str) -> tuple[list[dict], list[dict]]:
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return extraction.statistics, checks


def _of(checks: list[dict], name: str) -> dict[str, dict]:
    return {row["reported"]: row for row in checks if row["check"] == name}


@pytest.mark.parametrize("p", ["P<0.001", "P=0.30"])
def test_changes_of_two_arms_in_percent_make_no_2x2_table(p):
    text = (
        ALLOCATION
        + f"Body weight decreased by 14.9% with semaglutide and by 2.4% with placebo ({p})."
    )
    statistics, checks = _read(text)
    changes = [s for s in statistics if s["kind"] == "percentage"]
    assert [s["source_text"] for s in changes] == ["14.9%", "2.4%"]
    assert all("amount_of_change" in s["flags"].split(";") for s in changes)
    assert not _of(checks, "p_vs_percentages")  # no 194/1306 vs 16/655 behind a weight loss
    granularity = _of(checks, "percent_granularity")
    assert set(granularity) == {"14.9", "2.4"}
    for row in granularity.values():
        assert (row["verdict"], row["note"]) == ("not_checkable", NOT_A_SHARE)


@pytest.mark.parametrize(
    "sentence",
    [
        "HbA1c fell by 2.37% with semaglutide and by 1.09% with placebo.",
        "Semaglutide reduced the risk of progression or death by 38% compared with placebo.",
        "Systolic blood pressure was lowered by 6.5% in the semaglutide group.",
    ],
)
def test_a_percentage_after_a_verb_of_change_and_by_is_not_a_share(sentence):
    statistics, checks = _read(ALLOCATION + sentence)
    changes = [s for s in statistics if s["kind"] == "percentage"]
    assert changes
    assert all("amount_of_change" in s["flags"].split(";") for s in changes)
    for row in _of(checks, "percent_granularity").values():
        assert (row["verdict"], row["note"]) == ("not_checkable", NOT_A_SHARE)


def test_shares_of_people_are_still_held_to_the_arm_sizes():
    """Guards: shares of people, even beside a change, keep their checks."""
    text = ALLOCATION + (
        "Body weight decreased by 14.9% with semaglutide. Remission occurred in 40.0% with "
        "semaglutide and 20.0% with placebo (P<0.001). At week 68, 86.4% of participants in the "
        "semaglutide group lost at least 5% of body weight."
    )
    statistics, checks = _read(text)
    flagged = {s["source_text"] for s in statistics if "amount_of_change" in s["flags"]}
    assert flagged == {"14.9%"}
    p_rows = _of(checks, "p_vs_percentages")
    assert p_rows["< 0.001"]["verdict"] == "consistent"  # 40% of 1306 vs 20% of 655
    assert _of(checks, "percent_granularity")["86.4"]["verdict"] == "consistent"


def _difference(text: str) -> tuple[dict, list[dict], list[dict]]:
    extraction = extract_document("d", text)
    (difference,) = [s for s in extraction.statistics if s["kind"] == "difference"]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return difference, extraction.comparisons, checks


@pytest.mark.parametrize(
    "text",
    [
        "At week 52, HbA1c fell by 2.37% with tirzepatide and by 1.09% with insulin glargine "
        "(difference, -1.28 percentage points; 95% CI, -1.41 to -1.15; P<0.001).",
        ALLOCATION + "Body weight decreased by 14.9% with semaglutide and by 2.4% with placebo "
        "(difference, -12.5 percentage points; 95% CI, -13.4 to -11.6).",
    ],
)
def test_the_difference_of_two_changes_in_percent_is_a_mean_difference(text):
    """Points between two arms' changes of a measurement are a difference of mean changes: not
    a risk difference, and no binary comparison to pool with risks; its arithmetic against the
    two changes is still checked."""
    difference, comparisons, checks = _difference(text)
    assert difference["measure"] == "mean difference"
    assert all(c["kind"] != "binary" for c in comparisons)
    (row,) = _of(checks, "difference_vs_percentages").values()
    assert row["verdict"] == "consistent"


@pytest.mark.parametrize(
    "text",
    [
        "At one year, mortality fell by 5.7% with the drug and by 1.2% with placebo "
        "(difference, 4.5 percentage points; 95% CI, 1.2 to 7.8).",
        "The proportion of patients with HbA1c below 7% increased by 30% with the drug and by 18% "
        "with placebo (difference, 12 percentage points; 95% CI, 5 to 19).",
        "Remission occurred in 40.0% vs 25.0% (difference, 15.0 percentage points; 95% CI, 8.0 "
        "to 22.0).",
    ],
)
def test_points_between_risks_or_shares_of_people_stay_a_risk_difference(text):
    difference, _, _ = _difference(text)
    assert difference["measure"] == "risk difference"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # what changed holds a digit ("HbA1c"), and a second effect follows the first's bracket
        (
            "Compared with usual care, the intervention reduced HbA1c by 0.5 percentage points "
            "(95% CI 0.2 to 0.8; P = 0.001) and body weight by 2.1 kg (95% CI 0.9 to 3.3; "
            "P < 0.001) at 12 months.",
            [("difference", "0.5"), ("difference", "2.1")],
        ),
    ],
)
def test_an_amount_an_intervention_changed_something_by_is_a_difference(text, values):
    rows = [
        (s["kind"], s["value_text"])
        for s in extract_document("t", text).statistics
        if s["kind"] != "p_value"
    ]
    assert rows == values
