"""Results tables of registry records flattened to text (registry.py), and the arms their rows
take (attribution.py)."""

from __future__ import annotations

import pytest
from reference import rows as reference_rows

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


TIMED_RECORD = """Primary Outcome Measure:
Title: Change in HbA1c
Time Frame: Baseline, Week 26
Arm/Group Title | Placebo | Drug 10 mg
Overall Number of Participants Analyzed 98 97
Mean (Standard Deviation)
-0.2 (0.9) | -1.1 (0.9)
Statistical Analysis 1
Mean Difference (Final Values) -0.9
95% Confidence Interval -1.15 to -0.65
Secondary Outcome Measure:
Title: Participants Reaching HbA1c Below 7% at Week 52
Placebo 15 (15.3%) | Drug 10 mg 45 (46.4%)
Adverse Events: Total, serious adverse events
Time Frame: up to 30 weeks
Affected / at Risk (%): 3/100 (3.00%) | 4/99 (4.04%)
Eligibility: HbA1c 7.5% to 10%.
Other Outcome Measure:
Title: Participants Reaching HbA1c Below 6.5%
Placebo 5 (5.1%) | Drug 10 mg 21 (21.6%)
"""


def test_a_section_takes_its_time_frame_else_its_title_s_time_point():
    timed = {
        s["source_text"]: (s["timepoint"], s["timepoint_source"])
        for s in extract_document("r", TIMED_RECORD).statistics
        if s["kind"] in {"mean", "count", "difference"}
    }
    assert timed == {
        # "Baseline, Week 26": the time point other than baseline
        "-0.2 (0.9)": ("week 26", "time_frame"),
        "-1.1 (0.9)": ("week 26", "time_frame"),
        "Mean Difference (Final Values) -0.9\n95% Confidence Interval -1.15 to -0.65": (
            "week 26",
            "time_frame",
        ),
        # no Time Frame line: the title's
        "15 (15.3%)": ("week 52", "time_frame"),
        "45 (46.4%)": ("week 52", "time_frame"),
        # the adverse events' own time frame, not the outcome's before it
        "3/100 (3.00%)": ("week 30", "time_frame"),
        "4/99 (4.04%)": ("week 30", "time_frame"),
        # a section that states none
        "5 (5.1%)": ("", ""),
        "21 (21.6%)": ("", ""),
    }


def test_statistical_analyses_give_estimates_with_their_intervals():
    text = (
        "Arm/Group Title | Placebo | Drug\n"
        "Overall Number of Participants Analyzed 150 151\n"
        "Statistical Analysis 1\n"
        "Method of Estimation | Estimation Parameter | Hazard Ratio (HR)\n"
        "Estimated Value 0.68\nConfidence Interval (2-Sided) 90%\n0.52 to 0.89\n"
        "Statistical Analysis 2\n"
        "Risk Difference (RD) 12.5\n95% Confidence Interval 4.1 to 20.9\n"
        "Statistical Analysis 3\n"
        "Odds Ratio, log 0.31\n95% Confidence Interval 0.05 to 0.57\n"
    )
    found = [
        (
            c.kind,
            c.fields["measure"],
            c.fields["value_text"],
            c.fields.get("ci_low_text"),
            c.fields.get("ci_high_text"),
            c.fields.get("ci_level"),
        )
        for c in registry.candidates(normalize(text))
        if c.kind in {"ratio", "difference"}
    ]
    # the log odds ratio is on another scale and is not read as an odds ratio
    assert found == [
        ("ratio", "HR", "0.68", "0.52", "0.89", 0.90),
        ("difference", "risk difference", "12.5", "4.1", "20.9", 0.95),
    ]


def test_prose_estimates_near_a_results_table_are_left_to_the_general_readers():
    text = (
        "Arm/Group Title | Placebo | Drug\n"
        "Overall Number of Participants Analyzed 150 151\n"
        "In the full analysis the odds ratio 1.9 (95% CI 1.2 to 3.1) favoured the drug.\n"
    )
    assert [c for c in registry.candidates(normalize(text)) if c.kind == "ratio"] == []
    ratios = [
        (s["value"], s["ci_low"], s["ci_high"])
        for s in extract_document("r", text).statistics
        if s["kind"] == "ratio"
    ]
    assert ratios == [(1.9, 1.2, 3.1)]


FLOW_AND_BASELINE = """Participant Flow
Arm/Group Title | Drug A | Placebo
Started | 60 | 60
Completed | 55 | 57
Baseline Characteristics
Arm/Group Title | Drug A | Placebo | Total
Overall Number of Baseline Participants | 60 | 60 | 120
Age, Continuous Mean (Standard Deviation) | 54.2 (10.1) | 55.0 (9.8) | 54.6 (9.9)
Primary Outcome Measure:
Title: Number of Participants With Treatment Response
Arm/Group Title | Drug A | Placebo
Overall Number of Participants Analyzed | 58 | 59
Measure Type: Count of Participants
Count of Participants | 30 51.7% | 18 30.5%
"""


def test_participant_flow_baseline_and_count_rows_take_the_arm_titles():
    stats = extract_document("r", FLOW_AND_BASELINE).statistics
    assert [
        (s["kind"], s["source_text"], s["arm"], s["population"], s["denominator"], s["outcome"])
        for s in stats
    ] == [
        ("arm_size", "60", "Drug A", "randomized", None, ""),
        ("arm_size", "60", "Placebo", "randomized", None, ""),
        # the flow's rows after "Started" count over the arms started
        ("count", "55", "Drug A", "", 60, "completed"),
        ("count", "57", "Placebo", "", 60, "completed"),
        ("arm_size", "60", "Drug A", "analysed", None, ""),
        ("arm_size", "60", "Placebo", "analysed", None, ""),
        # the Total column is the sample, and no arm
        ("sample_size", "120", "", "analysed", None, ""),
        ("mean", "54.2 (10.1)", "Drug A", "", None, "Age"),
        ("mean", "55.0 (9.8)", "Placebo", "", None, "Age"),
        ("arm_size", "58", "Drug A", "analysed", None, ""),
        ("arm_size", "59", "Placebo", "analysed", None, ""),
        # each count takes the number its arm analysed as denominator
        ("count", "30 51.7%", "Drug A", "", 58, "Number of Participants With Treatment Response"),
        ("count", "18 30.5%", "Placebo", "", 59, "Number of Participants With Treatment Response"),
    ]


def test_a_count_row_that_does_not_fit_the_titles_is_not_read():
    text = FLOW_AND_BASELINE.replace("| 18 30.5%", "")
    rows = extract_document("r", text).statistics
    start = text.index("Primary Outcome")
    assert not [s for s in rows if s["kind"] == "count" and s["span_start"] > start]


def test_a_planned_number_of_participants_is_no_sample_size():
    kinds = [
        (s["kind"], s["source_text"])
        for s in extract_document(
            "r", "Target number of participants: 300\nNumber of subjects: 48"
        ).statistics
    ]
    assert kinds == [("sample_size", "48")]


PLAIN_NUMBERS = """Primary Outcome Measure:
Title: All-Cause Mortality at Day 28
Arm/Group Title | MSC | Placebo
Overall Number of Participants Analyzed | 50 | 49
Measure Type: Number
Unit of Measure: participants
5 | 11
Secondary Outcome Measure:
Title: Number of Participants With Serious Adverse Events
Arm/Group Title | MSC | Placebo
Overall Number of Participants Analyzed | 50 | 49
Measure Type: Number
Unit of Measure: Participants
Serious adverse events | 3 | 4
Secondary Outcome Measure:
Title: Change in Weight
Arm/Group Title | MSC | Placebo
Overall Number of Participants Analyzed | 50 | 49
Measure Type: Number
Unit of Measure: kg
3 | 4
"""


def test_a_plain_number_of_participants_per_arm_is_a_count_of_its_analysed_arm():
    counts = [
        (s["source_text"], s["arm"], s["denominator"], s["outcome"])
        for s in extract_document("r", PLAIN_NUMBERS).statistics
        if s["kind"] == "count"
    ]
    assert counts == [
        ("5", "MSC", 50, "All-Cause Mortality at Day 28"),
        ("11", "Placebo", 49, "All-Cause Mortality at Day 28"),
        # a label before the cells names what was counted; kilograms are no people
        ("3", "MSC", 50, "Serious adverse events"),
        ("4", "Placebo", 49, "Serious adverse events"),
    ]


def test_a_plain_number_row_that_does_not_fit_the_titles_is_not_read():
    text = PLAIN_NUMBERS.replace("5 | 11", "5 | 11 | 16")
    counts = [
        s["source_text"] for s in extract_document("r", text).statistics if s["kind"] == "count"
    ]
    assert counts == ["3", "4"]


PERCENT_RECORD = """Primary Outcome Measure:
Title: Percentage of Participants With Clinical Remission at Week 12
Time Frame: Week 12
Arm/Group Title | Placebo | Drug 200 mg
Overall Number of Participants Analyzed | 98 | 101
Measure Type: Number; Unit of Measure: percentage of participants
12.2 | 31.7
Statistical Analysis 1
P-Value: 0.001
Risk Difference (RD): 19.5
95% Confidence Interval: 8.1 to 30.9
Serious Adverse Events
Total, serious adverse events
Affected / at Risk (%) | 8/150 (5.33%) | 12/148 (8.11%)
Pneumonia
Affected / at Risk (%) | 2/150 (1.33%) | 3/148 (2.03%)
"""


def test_percentages_of_participants_an_estimate_with_colons_and_events_named_above_their_rows():
    found = [
        (s["kind"], s["source_text"].replace("\n", " / "), s["arm"], s["outcome"])
        for s in extract_document("r", PERCENT_RECORD).statistics
        if s["kind"] in {"percentage", "difference", "count"}
    ]
    title = "Percentage of Participants With Clinical Remission at Week 12"
    assert found == [
        ("percentage", "12.2", "Placebo", title),
        ("percentage", "31.7", "Drug 200 mg", title),
        (
            "difference",
            "Risk Difference (RD): 19.5 / 95% Confidence Interval: 8.1 to 30.9",
            "Placebo vs Drug 200 mg",  # the groups its analysis selects
            title,
        ),
        ("count", "8/150 (5.33%)", "Placebo", "serious adverse events"),
        ("count", "12/148 (8.11%)", "Drug 200 mg", "serious adverse events"),
        ("count", "2/150 (1.33%)", "Placebo", "Pneumonia"),
        ("count", "3/148 (2.03%)", "Drug 200 mg", "Pneumonia"),
    ]
    extraction = extract_document("r", PERCENT_RECORD)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    granularity = [c for c in checks if c["check"] == "percent_granularity"]
    # 12.2% of the 98 analysed is 12/98 (12.24%), 31.7% of 101 is 32/101 (31.68%)
    assert [(c["reported"], c["verdict"]) for c in granularity] == [
        ("12.2", "consistent"),
        ("31.7", "consistent"),
    ]


def test_the_rows_of_a_titled_outcome_take_its_title():
    found = {
        s["source_text"]: s["outcome"]
        for s in extract_document("r", RECORD).statistics
        if s["kind"] == "count"
    }
    assert found["15 (15.3%)"] == "Participants Reaching HbA1c Below 7%"
    assert found["3/100 (3.00%)"] == "serious adverse events"


# 6/50 against 10/50. R 4: epitools oddsratio.wald(matrix(c(40,10,44,6),2,byrow=TRUE)) 0.5454545
# (0.1817535 to 1.636946); fisher.test(matrix(c(6,44,10,40),2,byrow=TRUE))$p.value 0.4139466
ANALYSED = """Primary Outcome Measure: Number of Participants Who Died by Day 28
Arm/Group Title: MSC | Placebo
Overall Number of Participants Analyzed: 50 | 50
Measure Type: Count of Participants
Unit of Measure: Participants
Count of Participants: 6 (12.0%) | 10 (20.0%)
Statistical Analysis 1
{selection}P-Value {p}
Method: Fisher Exact
Odds Ratio (OR) {odds}
95% Confidence Interval 0.18 to 1.64
"""


def analysis_checks(text):
    extraction = extract_document("r", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return {(c["check"], c["verdict"]) for c in checks if c["check"].endswith("_vs_counts")}


def test_a_statistical_analysis_of_two_arms_is_checked_against_their_counts():
    # a table of two arms needs no selection of the groups compared
    text = ANALYSED.format(selection="", p="0.41", odds="0.55")
    assert analysis_checks(text) == {
        ("ratio_vs_counts", "consistent"),
        ("ci_vs_counts", "consistent"),
        ("p_vs_counts", "consistent"),
    }
    odds = ANALYSED.format(selection="", p="0.41", odds="0.35")
    assert ("ratio_vs_counts", "inconsistent") in analysis_checks(odds)


@pytest.mark.parametrize(("p", "verdict"), [("| 0.41", "consistent"), ("| <0.01", "inconsistent")])
def test_the_p_value_of_an_analysis_printed_as_a_tables_row_is_read(p, verdict):
    text = ANALYSED.format(selection="", p=p, odds="0.55")
    assert ("p_vs_counts", verdict) in analysis_checks(text)


def test_rows_with_a_colon_after_their_name_take_the_arm_titles():
    stats = extract_document("r", ANALYSED.format(selection="", p="0.41", odds="0.55"))
    assert [
        (s["kind"], s["arm"], s["denominator"], s["outcome"])
        for s in stats.statistics
        if s["kind"] in {"arm_size", "count"}
    ] == [
        ("arm_size", "MSC", None, ""),
        ("arm_size", "Placebo", None, ""),
        ("count", "MSC", 50, "Number of Participants Who Died by Day 28"),
        ("count", "Placebo", 50, "Number of Participants Who Died by Day 28"),
    ]


THREE_ARMS = """Primary Outcome Measure:
Title: Participants With Remission at Week 12
Arm/Group Title | Placebo | Drug 100 mg | Drug 200 mg
Overall Number of Participants Analyzed | 98 | 101 | 99
Count of Participants | 12 (12.2%) | 25 (24.8%) | 32 (32.3%)
Statistical Analysis 1
{selection}P-Value 0.001
Risk Difference (RD) 20.1
95% Confidence Interval 9.0 to 31.2
"""


def arms_of_the_analysis(text):
    return [
        (s["kind"], s["arm"])
        for s in extract_document("r", text).statistics
        if s["kind"] in {"p_value", "difference"}
    ]


def test_an_analysis_takes_the_two_arms_it_selects_in_their_order():
    text = THREE_ARMS.format(selection="Comparison Group Selection: Placebo, Drug 200 mg\n")
    assert arms_of_the_analysis(text) == [
        ("p_value", "Placebo vs Drug 200 mg"),
        ("difference", "Placebo vs Drug 200 mg"),
    ]


def test_an_analysis_of_three_arms_that_selects_none_names_no_arms():  # guard
    assert arms_of_the_analysis(THREE_ARMS.format(selection="")) == [
        ("p_value", ""),
        ("difference", ""),
    ]


TABBED_RECORD = (
    "Outcome Measure 1 (Primary)\n"
    "Title: Number of Participants With Relapse by Week 48\n"
    "Time Frame: Week 48\n"
    "Arm/Group Title\tArm A: Short Regimen\tArm B: Standard Regimen\n"
    "Overall Number of Participants Analyzed\t200\t198\n"
    "Measure Type: Count of Participants\n"
    "Unit of Measure: Participants\n"
    "Relapse\t12 (6.0%)\t9 (4.5%)\n"
    "Statistical Analysis 1\n"
    "Estimation Parameter\tRisk Ratio (RR)\n"
    "Estimated Value\t1.32\n"
    "Confidence Interval\t(2-Sided) 95%\n"
    "0.57\n"
    "to\n"
    "3.06\n"
)


def test_a_record_copied_with_tabs_between_its_columns():
    rows = extract_document("d", TABBED_RECORD).statistics
    sizes = [(r["arm"], r["value"]) for r in rows if r["kind"] == "arm_size"]
    assert sizes == [("Arm A: Short Regimen", 200), ("Arm B: Standard Regimen", 198)]
    counts = [(r["arm"], r["numerator"], r["denominator"]) for r in rows if r["kind"] == "count"]
    assert counts == [("Arm A: Short Regimen", 12, 200), ("Arm B: Standard Regimen", 9, 198)]
    (ratio,) = [r for r in rows if r["kind"] == "ratio"]
    assert (ratio["measure"], ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (
        "RR",
        1.32,
        0.57,
        3.06,
    )


# A results record copied from the web page: tabs between a row's label and its cells.
COPIED = (
    "Participant Flow\n"
    "Arm/Group Title\tDrug 40 mg\tPlacebo\n"
    "Period Title: Overall Study\n"
    "STARTED\t126\t125\n"
    "COMPLETED\t114\t103\n"
    "NOT COMPLETED\t12\t22\n"
    "Reason Not Completed\n"
    "Adverse Event\t4\t3\n"
    "Outcome Measures\n"
    "1. Primary Outcome\n"
    "Title\tPercentage of Participants Achieving PASI 75 at Week 16\n"
    "Time Frame\tBaseline, Week 16\n"
    "Arm/Group Title\tDrug 40 mg\tPlacebo\n"
    "Overall Number of Participants Analyzed\t126\t125\n"
    "Measure Type: Count of Participants\n"
    "Unit of Measure: Participants\n"
    "\t58  46.0%\t16  12.8%\n"
)


def test_the_participant_flow_rows_after_started_are_counts_over_the_arms_started():
    rows = extract_document("t", COPIED).statistics
    flow = [
        (r["value"], r["arm"], r["outcome"], r["denominator"])
        for r in rows
        if r["kind"] == "count" and r["span_start"] < COPIED.index("Outcome Measures")
    ]
    assert flow == [
        (114, "Drug 40 mg", "completed", 126),
        (103, "Placebo", "completed", 125),
        (12, "Drug 40 mg", "not completed", 126),
        (22, "Placebo", "not completed", 125),
        (4, "Drug 40 mg", "adverse event", 126),
        (3, "Placebo", "adverse event", 125),
    ]


def test_a_copied_record_names_its_outcome_and_time_frame_across_tabs():
    rows = extract_document("t", COPIED).statistics
    counts = [
        (r["value"], r["percent"], r["outcome"], r["timepoint"])
        for r in rows
        if r["kind"] == "count" and r["span_start"] > COPIED.index("Outcome Measures")
    ]
    title = "Percentage of Participants Achieving PASI 75 at Week 16"
    assert counts == [(58, 46.0, title, "week 16"), (16, 12.8, title, "week 16")]


CONTINUOUS_ANALYSIS = """Title: Change From Baseline in HbA1c at Week 26
Time Frame: Baseline, Week 26
Arm/Group Title | Drug A | Placebo
Overall Number of Participants Analyzed | 150 | 148
Mean (Standard Deviation)
Unit of Measure: percentage of HbA1c
-1.2 (0.9) | -0.3 (0.8)
Statistical Analysis 1
Comparison Group Selection: Drug A, Placebo
Method: {method}
P-Value: {p}
Method of Estimation: Mean Difference (Net)
Estimated Value: -0.9
Confidence Interval (2-Sided) 95% -1.09 to -0.71
"""


def _continuous_checks(method, p):
    extraction = extract_document("r", CONTINUOUS_ANALYSIS.format(method=method, p=p))
    rows = check_document(extraction.statistics, extraction.comparisons, Settings())
    return {row["check"]: row for row in rows}


@pytest.mark.parametrize(("p", "verdict"), [("<0.001", "consistent"), ("0.04", "inconsistent")])
def test_a_registry_analysis_of_means_is_held_to_the_table(p, verdict):
    found = _continuous_checks("t-test, 2 sided", p)
    # -1.2 - (-0.3) over the rounding of both means: -1.0 to -0.8
    assert found["difference_vs_summaries"]["verdict"] == "consistent"
    # Welch: se = sqrt(0.81/150 + 0.64/148), Satterthwaite df 292.841, -0.9 -/+ qt(.975, df) se
    # = -1.094078 to -0.705922; pooled (296 df) -1.094223 to -0.705777 (R)
    assert found["difference_ci_vs_summaries"]["verdict"] == "consistent"
    # 2 * pt(-0.9 / se, 292.841) = 1.18e-17
    assert found["p_vs_summaries"]["verdict"] == verdict


def test_a_registry_analysis_by_a_model_is_not_held_to_the_raw_means():
    found = _continuous_checks("ANCOVA", "0.04")
    assert "difference_vs_summaries" not in found
    assert found["p_vs_summaries"]["verdict"] == "not_checkable"
    assert "adjusted" in found["p_vs_summaries"]["note"]


BINARY_ANALYSIS = """Title: Number of Participants With Treatment Response at Week 12
Time Frame: Week 12
Arm/Group Title: Drug X 10 mg | Placebo
Overall Number of Participants Analyzed: 150 | 148
Measure Type: Count of Participants
Unit of Measure: Participants
Count of Participants: 63 (42.0%) | 41 (27.7%)
Statistical Analysis 1
Comparison Group Selection: Drug X 10 mg, Placebo
P-Value: 0.011
Method: {method}
Method of Estimation: Odds Ratio (OR)
Estimated Value: 1.89
Confidence Interval (2-Sided) 95%: 1.17 to 3.06
"""


def _binary_checks(method):
    extraction = extract_document("r", BINARY_ANALYSIS.format(method=method))
    rows = check_document(extraction.statistics, extraction.comparisons, Settings())
    return {row["check"]: row for row in rows}


@pytest.mark.parametrize(
    "method", ["Cochran-Mantel-Haenszel", "Mantel Haenszel", "CMH, stratified by region"]
)
def test_a_registry_analysis_stratified_is_not_held_to_the_crude_counts(method):
    # R 4.x, metafor 3.8.1: escalc("OR", ai = 63, n1i = 150, ci = 41, n2i = 148) gives the crude
    # OR 1.889823 (1.164158 to 3.067824), which a stratified (Mantel-Haenszel) interval of 1.17
    # to 3.06 need not be; on the crude table fisher.test gives p 0.01081459 (chisq.test
    # 0.009627346 uncorrected, 0.01360984 corrected)
    found = _binary_checks(method)
    for check in ("ratio_vs_counts", "ci_vs_counts", "p_vs_counts"):
        assert found[check]["verdict"] == "not_checkable"
        assert "adjusted" in found[check]["note"]


def test_a_registry_analysis_of_the_crude_table_is_held_to_its_counts():  # guard
    found = _binary_checks("Fisher Exact")
    assert found["ci_vs_counts"]["verdict"] == "inconsistent"
    assert found["p_vs_counts"]["verdict"] == "consistent"
    assert found["p_vs_counts"]["recomputed_value"] == pytest.approx(0.01081459, abs=5e-8)


@pytest.mark.parametrize(
    ("method", "test", "p", "verdict"),
    [
        # R 4.x on matrix(c(63, 87, 41, 107), 2, byrow = TRUE): chisq.test(correct = FALSE)
        # 0.009627346, which the printed 0.011 is not, though fisher.test's 0.01081459 is
        ("Chi-squared", "Pearson chi-square", 0.009627346, "inconsistent"),
        # chisq.test(correct = TRUE) 0.01360984
        ("Chi-squared, Corrected", "Pearson chi-square, Yates", 0.01360984, "inconsistent"),
        ("Fisher Exact", "Fisher exact", 0.01081459, "consistent"),
        # a test of no 2x2 table names none: the p is held to any of them (Fisher's agrees)
        ("t-test, 2 sided", "Fisher exact", 0.01081459, "consistent"),
    ],
)
def test_the_p_of_a_registry_analysis_is_held_to_the_test_it_names(method, test, p, verdict):
    found = _binary_checks(method)
    assert found["p_vs_counts"]["method"] == test
    assert found["p_vs_counts"]["recomputed_value"] == pytest.approx(p, abs=5e-9)
    assert found["p_vs_counts"]["verdict"] == verdict


COLON_RECORD = (
    "Outcome Measure: Number of Participants With Treatment Failure\n"
    "Arm/Group Title: Azithromycin | Placebo\n"
    "Overall Number of Participants Analyzed: 210 | 206\n"
    "Measure Type: Count of Participants\n"
    "Unit of Measure: Participants\n"
    "  37 (17.6%) | 52 (25.2%)\n"
    "Statistical Analysis 1\n"
    "Comparison Group Selection: Azithromycin, Placebo\n"
    "Method: Chi-squared\n"
    "P-Value: 0.058\n"
    "Method of Estimation: Risk Difference (RD)\n"
    "Estimated Value: -7.6\n"
    "Confidence Interval: (2-Sided) 95%\n"
    "-15.5 to 0.3\n"
)


def test_an_interval_labelled_with_a_colon_is_the_estimates():
    """'Confidence Interval: (2-Sided) 95%' is the estimate's interval, not a percentage of 95.
    The Miettinen-Nurminen interval of 37/210 vs 52/206 (tests/fixtures/rd_score_reference.R)
    reproduces it, and is tried before the Wald interval of the printed percentages, which
    would too (R 4.x: 100 * (-0.076 + c(-1, 1) * qnorm(0.975) * sqrt(0.176 * 0.824 / 210 +
    0.252 * 0.748 / 206)) = -15.453611643272 to 0.253611643272)."""
    extraction = extract_document("d", COLON_RECORD)
    (difference,) = [r for r in extraction.statistics if r["kind"] == "difference"]
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (-7.6, -15.5, 0.3)
    assert [r for r in extraction.statistics if r["kind"] == "percentage"] == []
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (interval,) = [c for c in checks if c["check"] == "ci_vs_counts"]
    (row,) = [r for r in reference_rows("rd_score_reference.csv") if (r["a"], r["c"]) == (37, 52)]
    assert (interval["recomputed_low"], interval["recomputed_high"]) == pytest.approx(
        (100 * row["mn_rd_low"], 100 * row["mn_rd_high"]), abs=1e-9
    )
    assert interval["method"].startswith("risk difference, Miettinen-Nurminen")
    assert interval["verdict"] == "consistent"


VALUE_FIRST_RECORD = COLON_RECORD.replace(
    "Method of Estimation: Risk Difference (RD)\n"
    "Estimated Value: -7.6\n"
    "Confidence Interval: (2-Sided) 95%\n"
    "-15.5 to 0.3\n",
    "Estimated Value: -7.6\n"
    "Parameter Type: Risk Difference (RD)\n"
    "Confidence Interval (2-Sided) 95%: -15.5 to 0.3\n",
)


def test_an_estimated_value_printed_before_its_parameter_type_is_the_estimate():
    """The same analysis with the value first, then what it estimates and its interval on one
    line: the difference with its CI (checked against the Miettinen-Nurminen interval of 37/210
    vs 52/206, as above), and the 95 of the interval's label no percentage."""
    assert VALUE_FIRST_RECORD != COLON_RECORD
    extraction = extract_document("d", VALUE_FIRST_RECORD)
    (difference,) = [r for r in extraction.statistics if r["kind"] == "difference"]
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (-7.6, -15.5, 0.3)
    assert difference["measure"] == "risk difference"
    assert [r for r in extraction.statistics if r["kind"] == "percentage"] == []
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (interval,) = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert interval["method"].startswith("risk difference, Miettinen-Nurminen")
    assert interval["verdict"] == "consistent"
