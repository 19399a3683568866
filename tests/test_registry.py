"""Results tables of registry records flattened to text (registry.py), and the arms their rows
take (attribution.py)."""

from __future__ import annotations

from trialaudit import registry
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document
from trialaudit.normalize import normalize

RECORD = """Primary Outcome Measure:
Title: Change in HbA1c at Week 26
Arm/Group Title | Placebo | Drug 5 mg | Drug 10 mg
Overall Number of Participants Analyzed 98 101 97
Mean (Standard Deviation)
Unit of Measure: percentage points
-0.2 (0.9) | -0.8 (1.0) | -1.1 (0.9)
Secondary Outcome Measure:
Title: Participants Reaching HbA1c Below 7%
Placebo 15 (15.3%) | Drug 5 mg 38 (37.6%) | Drug 10 mg 45 (46.4%)
Adverse Events: Total, serious adverse events
Affected / at Risk (%): 3/100 (3.00%) | 5/103 (4.85%) | 4/99 (4.04%)
"""


def rows(text):
    return [
        (s["kind"], s["source_text"], s["arm"], s["denominator"], s["spread_kind"])
        for s in extract_document("r", text).statistics
        if s["kind"] in {"arm_size", "mean", "count"}
    ]


def test_columns_of_a_flattened_results_table_take_the_arm_titles():
    assert rows(RECORD) == [
        ("arm_size", "98", "Placebo", None, ""),
        ("arm_size", "101", "Drug 5 mg", None, ""),
        ("arm_size", "97", "Drug 10 mg", None, ""),
        ("mean", "-0.2 (0.9)", "Placebo", None, "sd"),
        ("mean", "-0.8 (1.0)", "Drug 5 mg", None, "sd"),
        ("mean", "-1.1 (0.9)", "Drug 10 mg", None, "sd"),
        # a row of cells in the columns' order; the counts take the analysed sizes
        ("count", "15 (15.3%)", "Placebo", 98, ""),
        ("count", "38 (37.6%)", "Drug 5 mg", 101, ""),
        ("count", "45 (46.4%)", "Drug 10 mg", 97, ""),
        ("count", "3/100 (3.00%)", "Placebo", 100, ""),
        ("count", "5/103 (4.85%)", "Drug 5 mg", 103, ""),
        ("count", "4/99 (4.04%)", "Drug 10 mg", 99, ""),
    ]


def test_summaries_take_the_outcome_measure_title():
    outcomes = {
        s["outcome"] for s in extract_document("r", RECORD).statistics if s["kind"] == "mean"
    }
    assert outcomes == {"Change in HbA1c at Week 26"}


def test_a_row_that_does_not_fit_the_titles_is_not_read():
    text = (
        "Arm/Group Title | Placebo | Drug 5 mg | Drug 10 mg\n"
        "Overall Number of Participants Analyzed 98 101\n"
        "Mean (Standard Deviation)\n-0.2 (0.9) | -0.8 (1.0)\n"
    )
    assert registry.candidates(normalize(text)) == []


def test_sizes_analysed_for_one_outcome_are_not_randomized_sizes():
    """The safety population (100, 103, 99 at risk) is larger than the number analysed for the
    primary outcome (98, 101, 97): no 'more analysed than randomized' alarm."""
    extraction = extract_document("r", RECORD)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert not [c for c in checks if c["check"] == "denominator_vs_randomized"]
