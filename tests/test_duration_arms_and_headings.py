"""Wordings of structured abstracts and registry records that were misread: arms named by how
long they are treated ("the 7-day group"), capitalized section headings run into a sentence
("RESULTS Clinical cure ..."), named survival end points ("progression-free survival"), and a
registry row of count cells printed without a label. Reference values computed in R 4.x with
metafor 3.8.1 and stats::chisq.test, beside each case."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_NONINFERIORITY = (
    "METHODS We randomly assigned 1450 patients to receive antibiotics for 7 days (725 patients) "
    "or 14 days (725 patients).\n"
    "RESULTS Clinical cure occurred in 612 of 702 patients (87.2%) in the 7-day group and in 619 "
    "of 698 patients (88.7%) in the 14-day group (difference, {difference} percentage points; "
    "95% confidence interval [CI], {low} to {high})."
)


def test_counts_in_arms_named_by_duration_are_compared():
    extraction, checks = extract_and_check(
        _NONINFERIORITY.format(difference="−1.5", low="−4.9", high="1.9")
    )
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["arm"], r["outcome"]) for r in counts] == [
        ("7-day", "Clinical cure"),
        ("14-day", "Clinical cure"),
    ]
    assert [r["timepoint"] for r in counts] == ["", ""]
    [interval] = [c for c in checks if c["check"] == "ci_vs_counts"]
    # metafor::escalc("RD", ai=612, n1i=702, ci=619, n2i=698): 100 yi -1.502461, Wald limits
    # -4.914218 to 1.909295
    assert interval["verdict"] == "consistent"
    assert interval["recomputed_low"] == pytest.approx(-4.914218, abs=1e-6)
    assert interval["recomputed_high"] == pytest.approx(1.909295, abs=1e-6)


def test_a_wrong_difference_between_arms_named_by_duration_is_inconsistent():
    _, checks = extract_and_check(
        _NONINFERIORITY.format(difference="−3.5", low="−6.9", high="−0.1")
    )
    [estimate] = [c for c in checks if c["check"] == "difference_vs_counts"]
    assert estimate["verdict"] == "inconsistent"


@pytest.mark.parametrize(
    "text",
    [
        "Patients completed a 14-day course of antibiotics; 12 (10.0%) relapsed.",
        "The 28-day regimen was given to 40 patients.",
    ],
)
def test_a_treatment_length_is_no_time_point(text):
    extraction, _ = extract_and_check(text)
    assert all(r["timepoint"] == "" for r in extraction.statistics)


def test_a_day_still_names_a_time_point():  # guard
    extraction, _ = extract_and_check("At 28 days, 12 (10.0%) patients had died.")
    assert [r["timepoint"] for r in extraction.statistics] == ["day 28"]


@pytest.mark.parametrize("heading", ["RESULTS", "Results"])
def test_a_capitalized_heading_is_not_part_of_the_outcome(heading):
    extraction, _ = extract_and_check(
        f"{heading} Clinical cure occurred in 612 of 702 patients (87.2%) with drug A."
    )
    assert [r["outcome"] for r in extraction.statistics] == ["Clinical cure"]


@pytest.mark.parametrize(
    ("end_point", "outcome"),
    [
        ("Progression-free survival", "progression-free survival"),
        ("Metastasis-free survival", "metastasis-free survival"),
        ("Disease-free survival", "disease-free survival"),
        ("Overall survival", "survival"),  # guard: as before
    ],
)
def test_a_named_survival_end_point_is_the_outcome_of_its_hazard_ratio(end_point, outcome):
    extraction, _ = extract_and_check(
        f"{end_point} was longer with drug X (hazard ratio 0.68, 95% CI 0.56–0.82; p<0.0001)."
    )
    [ratio] = [r for r in extraction.statistics if r["kind"] == "ratio"]
    assert ratio["outcome"] == outcome


_REGISTRY = """Primary Outcome Measure: Number of Participants With Treatment Failure at Week 24
Time Frame: 24 weeks
Arm/Group Title: Drug A | Placebo
Overall Number of Participants Analyzed: 150 | 148
Measure Type: Count of Participants
Unit of Measure: Participants
27 18.0% | 41 27.7%
Statistical Analysis 1
Comparison Group Selection: Drug A, Placebo
Method: Chi-squared
P-Value: {p}
Method of Estimation: Risk Ratio (RR)
Estimated Value: 0.65
Confidence Interval (2-Sided) 95% 0.42 to 1.00
"""


@pytest.mark.parametrize(
    ("p", "verdict"),
    [
        # chisq.test(matrix(c(27, 123, 41, 107), 2, byrow = TRUE), correct = FALSE): 0.04598475
        ("0.046", "consistent"),
        ("0.006", "inconsistent"),
    ],
)
def test_a_registry_row_of_bare_count_cells_is_read(p, verdict):
    extraction, checks = extract_and_check(_REGISTRY.format(p=p))
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["numerator"], r["denominator"], r["arm"]) for r in counts] == [
        (27, 150, "Drug A"),
        (41, 148, "Placebo"),
    ]
    by_check = {c["check"]: c for c in checks}
    assert by_check["p_vs_counts"]["verdict"] == verdict
    # metafor::escalc("RR", ai=27, n1i=150, ci=41, n2i=148): exp(yi) 0.649756, Katz limits
    # 0.422916 to 0.998267
    assert by_check["ci_vs_counts"]["verdict"] == "consistent"
    assert by_check["ratio_vs_counts"]["recomputed_value"] == pytest.approx(0.649756, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the median is the follow-up's; the survival percentages after it are no medians
        (
            "At a median follow-up of 36.2 months (IQR 30.1-42.5), 3-year disease-free "
            "survival was 78.2% (95% CI 74.1-81.8) in the adjuvant group and 65.4% (60.9-69.5) "
            "in the observation group.",
            ["median", "percentage", "percentage"],
        ),
        # guards: the label's own values
        (
            "Median time to progression was 10.2 months (95% CI 8.1-12.0) with drug and 7.4 "
            "months (6.3-8.8) with placebo.",
            ["median", "median"],
        ),
        (
            "The median percentage of time in range was 62.5% (95% CI 58.0-66.1) with the device "
            "and 55.1% (51.2-59.0) with usual care.",
            ["median", "median"],
        ),
    ],
)
def test_a_median_label_is_not_taken_by_percentages_after_its_own_value(text, kinds):
    extraction, _ = extract_and_check(text)
    rows = extraction.statistics
    assert [r["kind"] for r in rows] == kinds
    assert all(r["ci_low_text"] for r in rows[-2:])


_RECEIVING = (
    "Participants receiving 7 days of therapy and those receiving 14 days had similar "
    "outcomes: clinical success in 221 of 249 patients (88.8%) receiving 7 days of therapy and "
    "218 of 249 (87.6%) receiving 14 days (risk difference {difference} percentage points; 95% "
    "CI -4.5 to 6.9)."
)


def test_arms_named_by_how_long_they_received_treatment():
    extraction, checks = extract_and_check(_RECEIVING.format(difference="1.2"))
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["arm"], r["timepoint"]) for r in counts] == [("7 days", ""), ("14 days", "")]
    [interval] = [c for c in checks if c["check"] == "ci_vs_counts"]
    # metafor::escalc("RD", ai=221, n1i=249, ci=218, n2i=249): 100 yi 1.204819, Wald limits
    # -4.470847 to 6.880486
    assert interval["verdict"] == "consistent"
    assert interval["recomputed_low"] == pytest.approx(-4.470847, abs=1e-6)
    assert interval["recomputed_high"] == pytest.approx(6.880486, abs=1e-6)
    _, wrong = extract_and_check(_RECEIVING.format(difference="2.2"))
    assert [c["verdict"] for c in wrong if c["check"] == "difference_vs_counts"] == ["inconsistent"]


def test_a_time_point_after_receiving_a_dose_is_still_one():  # guard
    text = (
        "Mortality at 28 days was 12 of 100 (12.0%) in patients receiving tocilizumab and 20 of "
        "100 (20.0%) in those receiving placebo."
    )
    extraction, _ = extract_and_check(text)
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [r["timepoint"] for r in counts] == ["day 28", "day 28"]
