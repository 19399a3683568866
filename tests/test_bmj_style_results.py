"""A BMJ-style structured abstract: the sample under a "Participants:" heading with its arms'
sizes, counts over their denominators followed by their arms ("84/602 (14.0%) intervention and
112/602 (18.6%) control patients"), and a ratio adjusted for something named between the
ratio and its value ("odds ratio adjusted for clustering 0.71")."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

ABSTRACT = (
    "Design: Pragmatic cluster randomised trial in 12 hospitals.\n"
    "Participants: 1,204 patients (602 intervention, 602 control).\n"
    "Results: Delirium occurred in 84/602 (14.0%) intervention and 112/602 (18.6%) control "
    "patients (odds ratio adjusted for clustering 0.71, 95% confidence interval 0.52 to 0.97; "
    "P=0.03)."
)


def _rows(text: str, kind: str) -> list[dict]:
    return [r for r in extract_document("t", text).statistics if r["kind"] == kind]


def test_the_participants_heading_gives_the_arms_sizes_that_add_up_to_its_total():
    sizes = [(r["value"], r["arm"]) for r in _rows(ABSTRACT, "arm_size")]
    assert sizes == [(602, "intervention"), (602, "control")]


def test_a_bracket_of_sexes_under_the_heading_names_no_arms():
    text = "Participants: 1,204 patients (602 men, 602 women)."
    assert _rows(text, "arm_size") == []
    assert [r["value"] for r in _rows(text, "sample_size")] == [1204]


def test_counts_over_denominators_take_the_arms_named_after_them():
    counts = [
        (r["source_text"], r["numerator"], r["denominator"], r["arm"])
        for r in _rows(ABSTRACT, "count")
    ]
    assert counts == [
        ("84/602 (14.0%)", 84, 602, "intervention"),
        ("112/602 (18.6%)", 112, 602, "control"),
    ]


def test_the_bare_form_still_spans_its_arms_people():
    text = "Hypernatraemia occurred in nine intervention patients and three usual-care patients."
    counts = [(r["source_text"], r["arm"]) for r in _rows(text, "count")]
    assert counts == [
        ("nine intervention patients", "intervention"),
        ("three usual-care patients", "usual-care"),
    ]


def test_the_whole_abstract_is_checked_against_its_counts():
    extraction = extract_document("t", ABSTRACT)
    (comparison,) = extraction.comparisons
    assert (comparison["events_1"], comparison["total_1"]) == (84, 602)
    assert (comparison["events_2"], comparison["total_2"]) == (112, 602)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {c["check"]: c["verdict"] for c in checks}
    assert verdicts["total_vs_arm_sizes"] == "consistent"
    assert verdicts["ratio_vs_ci_midpoint"] == "consistent"
    # adjusted for clustering: not the crude OR of the counts
    assert verdicts["ci_vs_counts"] == "not_checkable"


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "outcome"),
    [
        (
            "Delirium was less frequent (odds ratio adjusted for clustering 0.71, 95% "
            "confidence interval 0.52 to 0.97).",
            0.71,
            0.52,
            0.97,
            "Delirium",
        ),
        (
            "The hazard ratio adjusted for age, sex and diabetes was 0.82 (95% CI 0.70 to 0.96).",
            0.82,
            0.70,
            0.96,
            "",
        ),
        (
            "The odds ratio for death adjusted for age was 1.40 (1.10-1.80).",
            1.40,
            1.10,
            1.80,
            "death",
        ),
    ],
)
def test_a_ratio_adjusted_for_named_covariates_is_read_and_flagged(text, value, low, high, outcome):
    (row,) = _rows(text, "ratio")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)
    assert "adjusted" in row["flags"].split(";")
    assert (row["outcome"] or "") == outcome


def test_a_bracket_after_a_number_of_people_gives_its_arms_in_any_sentence():
    """No verb of allocation: the bracket right after the number of people lists its arms when
    they add up to it and are arms."""
    text = (
        "Compared with placebo, vitamin D did not reduce the incidence of fractures (5.1% vs. "
        "5.3%; HR 0.96, 95% CI 0.82–1.12, P = 0.57) among 12,927 participants (6,463 vitamin D, "
        "6,464 placebo)."
    )
    sizes = [(r["value"], r["arm"]) for r in _rows(text, "arm_size")]
    assert sizes == [(6463, "vitamin D"), (6464, "placebo")]
    # parts that do not add up, or are no arms, are left alone
    assert _rows(text.replace("6,464 placebo", "6,474 placebo"), "arm_size") == []
    assert (
        _rows(text.replace("6,463 vitamin D, 6,464 placebo", "6,463 men, 6,464 women"), "arm_size")
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Adverse events occurred in 20 patients (12 MSC, 8 placebo).",
        "Serious adverse events were reported in 30 participants (18 in the vaccine group, 12 in "
        "the placebo group).",
        "Overall, 45 patients (25 drug, 20 placebo) discontinued treatment.",
    ],
)
def test_people_with_an_event_broken_down_by_arm_are_no_arm_sizes(text):
    """The bracket after people who had an event counts them by arm: no arm sizes."""
    assert _rows(text, "arm_size") == []
