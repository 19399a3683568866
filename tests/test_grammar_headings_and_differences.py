"""Values named after a heading or before the word that says what they are: counts and sizes
listed under an outcome or a stage ("Pneumothorax: three infants (LISA), none (INSURE)"),
differences printed before "difference", and NS named with its abbreviation."""

from __future__ import annotations

import pytest
from extraction_helpers import kinds, of_kind, one, stats

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pneumothorax: three infants (LISA), none (INSURE).",
            [("three infants", 3, "LISA"), ("none (INSURE)", 0, "INSURE")],
        ),
        (
            "Rash: 4 patients (drug), 1 (placebo).",
            [("4 patients", 4, "drug"), ("1 (placebo)", 1, "placebo")],
        ),
        (
            "Sepsis: 12 (drug), 9 (placebo); rash: 4 (drug), 1 (placebo).",
            [
                ("12 (drug)", 12, "drug"),
                ("9 (placebo)", 9, "placebo"),
                ("4 (drug)", 4, "drug"),
                ("1 (placebo)", 1, "placebo"),
            ],
        ),
    ],
)
def test_counts_of_two_arms_listed_after_their_outcome(text, expected):
    rows = stats(text)
    assert [(r["source_text"], r["numerator"], r["arm"]) for r in rows] == expected
    headings = [r["outcome"].lower() for r in rows]
    assert all(h in {"pneumothorax", "rash", "sepsis"} for h in headings), headings


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Randomised: 40 patients (drug), 38 (placebo).", "randomized"),
        ("Participants: 40 patients (drug), 38 (placebo).", ""),
    ],
)
def test_sizes_of_two_arms_listed_after_a_stage(text, population):
    rows = stats(text)
    assert [(r["kind"], r["value"], r["arm"], r["population"]) for r in rows] == [
        ("arm_size", 40, "drug", population),
        ("arm_size", 38, "placebo", population),
    ]


def test_counts_after_a_heading_take_the_sizes_listed_after_another():
    text = "Participants: 40 patients (drug), 38 (placebo). Rash: 4 (drug), 1 (placebo)."
    counts = of_kind(text, "count")
    assert [(r["numerator"], r["denominator"]) for r in counts] == [(4, 40), (1, 38)]


@pytest.mark.parametrize(
    "text",
    [
        "Results: 40 patients (drug), 38 (placebo).",  # a section, neither outcome nor stage
        "Sex: 40 women (drug), 38 (placebo).",
        # guards: a list that goes on, and values that are not the heading's
        "Rash: 4 patients (drug), 1 (placebo), 2 (other).",
        "Rash was seen in 4 patients (drug), 1 (placebo).",
    ],
)
def test_no_counts_of_arms_after_other_headings(text):
    """Guards: none of these gave a count before the heading reader either."""
    assert not of_kind(text, "count")
    assert not of_kind(text, "arm_size")


@pytest.mark.parametrize(
    ("text", "source", "value", "measure", "unit", "outcome"),
    [
        (
            "Mortality was 21.3% vs 15.6%, a 5.7-percentage-point difference.",
            "5.7-percentage-point difference",
            5.7,
            "risk difference",
            "percentage point",
            "mortality",
        ),
        (
            "He called the 5.7-percentage-point difference in mortality striking.",
            "5.7-percentage-point difference",
            5.7,
            "risk difference",
            "percentage point",
            "mortality",
        ),
        (
            "The 3-point difference in pain scores was not significant.",
            "3-point difference",
            3,
            "difference",
            "point",
            "pain scores",
        ),
        (
            "Weight fell in both arms; the 3.4 kg mean difference between arms was small.",
            "3.4 kg mean difference",
            3.4,
            "mean difference",
            "kg",
            "",
        ),
    ],
)
def test_a_difference_printed_before_its_name(text, source, value, measure, unit, outcome):
    row = one(text, "difference")
    assert (row["source_text"], row["value"], row["measure"], row["unit"]) == (
        source,
        value,
        measure,
        unit,
    )
    assert row["outcome"].lower() == outcome


@pytest.mark.parametrize(
    "text",
    [
        "The trial was powered to detect a 10-point difference in the SF-36 score.",
        "A 15% difference was considered clinically important.",
        "We assumed a 5-point difference between arms.",
    ],
)
def test_a_difference_a_trial_was_designed_to_detect_is_no_result(text):
    """Guards for the reader of differences printed before their name."""
    assert not of_kind(text, "difference")


def test_a_difference_printed_before_its_name_is_checked_against_the_counts():
    text = "Mortality was 64/300 (21.3%) vs 47/301 (15.6%), a {} difference."

    def verdict(printed):
        extraction = extract_document("d", text.format(printed))
        checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
        return [c["verdict"] for c in checks if c["check"] == "difference_vs_counts"]

    # 64/300 - 47/301 = 5.719 percentage points
    assert verdict("5.7-percentage-point") == ["consistent"]
    assert verdict("7.7-percentage-point") == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "Carriage on day 7 was 12% vs 9%, not significant (NS).",
        "Carriage on day 7 was 12% vs 9% - not significant (NS).",
    ],
)
def test_ns_named_after_not_significant_is_a_p_value(text):
    row = one(text, "p_value")
    assert (row["source_text"], row["comparator"]) == ("NS", "NS")
    assert row["outcome"] == "Carriage"


def test_ns_after_a_value_names_no_arm():
    rows = stats("Carriage on day 7 was 12% vs 9% (NS).")
    assert [(r["kind"], r["arm"]) for r in rows] == [
        ("percentage", ""),
        ("percentage", ""),
        ("p_value", ""),
    ]


def test_an_abbreviation_of_two_other_words_is_still_no_p_value():
    # guard: "normal saline (NS)" defines the abbreviation
    assert kinds("Patients received normal saline (NS) as placebo.") == []


@pytest.mark.parametrize(
    ("text", "source", "value", "low", "high", "unit"),
    [
        ("Participants in the exercise group walked 45 m further (95% CI, 20 to 70 m) than "
         "controls.", "45 m further (95% CI, 20 to 70 m", 45.0, 20.0, 70.0, "m"),
        ("Patients given the drug stayed 2.1 days shorter (95% CI 0.8 to 3.4) in hospital.",
         "2.1 days shorter (95% CI 0.8 to 3.4", 2.1, 0.8, 3.4, "days"),
    ],
)  # fmt: skip
def test_a_difference_said_by_a_comparative_with_its_ci(text, source, value, low, high, unit):
    row = one(text, "difference")
    assert (row["source_text"], row["value"], row["ci_low"], row["ci_high"], row["unit"]) == (
        source,
        value,
        low,
        high,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The drug group had 45 more patients with nausea.",  # no CI: a count, not a difference
        "We powered the trial to detect 10 points more (95% CI 5 to 15) with the drug.",
    ],
)
def test_comparatives_without_an_estimate_and_its_ci_are_no_difference(text):
    assert of_kind(text, "difference") == []


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "outcome"),
    [
        # a measure named by a digit and capitals
        ("The mean difference in 6MWD was 38.5 m (95% CI 12.1-64.9; P=0.004).",
         38.5, 12.1, 64.9, "6MWD"),
        ("The difference in 6MWD was 38.5 m (95% CI 12.1 to 64.9).", 38.5, 12.1, 64.9, "6MWD"),
        # a long name that ends with the time point it was measured at
        ("The adjusted mean difference in the 6-minute walk distance at week 12 was 38.5 m "
         "(95% CI, 12.1 to 64.9).", 38.5, 12.1, 64.9, "6-minute walk distance"),
    ],
)  # fmt: skip
def test_a_difference_named_by_what_it_measures_is_a_difference(text, value, low, high, outcome):
    row = one(text, "difference")
    assert (row["value"], row["ci_low"], row["ci_high"], row["outcome"]) == (
        value,
        low,
        high,
        outcome,
    )
    assert {kind for kind, _ in kinds(text)} <= {"difference", "p_value"}


def test_the_p_of_a_difference_named_by_its_measure_is_checked_against_its_ci():
    from trialaudit.checks import Settings, check_document
    from trialaudit.extract import extract_document

    extraction = extract_document(
        "d", "The mean difference in 6MWD was 38.5 m (95% CI 12.1-64.9; P=0.004)."
    )
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_vs_ci,) = [c for c in checks if c["check"] == "p_vs_ci"]
    # scipy: 2 * norm.sf(38.5 / ((64.9 - 12.1) / (2 * norm.ppf(0.975)))) = 0.004259
    low, high = (float(v) for v in p_vs_ci["recomputed"].split(" to "))
    assert low <= 0.004259 <= high
    assert p_vs_ci["verdict"] == "consistent"


@pytest.mark.parametrize(
    ("text", "kind", "value", "low", "high", "level"),
    [
        # a column heading between the name and a bare interval
        ("Odds ratio (95% CI): 0.35 (0.14-0.88).", "ratio", 0.35, 0.14, 0.88, 0.95),
        ("HR (90% CI) 0.62 (0.45 to 0.85); P=0.02", "ratio", 0.62, 0.45, 0.85, 0.90),
        ("Mean difference (95% CI): 1.3 (0.7 to 1.9).", "difference", 1.3, 0.7, 1.9, 0.95),
        ("MD (95% CI) −2.1 (−3.9 to −0.3), P=0.02", "difference", -2.1, -3.9, -0.3, 0.95),
        ("Risk difference (95% CI): −14.0% (−26.5% to −1.5%).", "difference", -14.0, -26.5,
         -1.5, 0.95),
        ("NNT (95% CI): 7 (4 to 67).", "nnt", 7.0, 4.0, 67.0, 0.95),
        # the interval's own words
        ("The odds ratio was 0.35 (95% confidence limits 0.14 and 0.88).", "ratio", 0.35, 0.14,
         0.88, 0.95),
        ("The risk ratio was 0.42, with a 95% confidence interval of 0.20 to 0.87.", "ratio",
         0.42, 0.20, 0.87, 0.95),
        ("The mean difference was 1.3 points, with a 95% CI of 0.7 to 1.9.", "difference", 1.3,
         0.7, 1.9, 0.95),
    ],
)  # fmt: skip
def test_an_estimate_keeps_its_interval_after_a_heading_or_in_words(
    text, kind, value, low, high, level
):
    row = one(text, kind)
    assert (row["value"], row["ci_low"], row["ci_high"], row["ci_level"]) == (
        value,
        low,
        high,
        level,
    )
    assert not {k for k, _ in kinds(text)} & {"mean", "median"}


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        # an abbreviation with its level in the interval's label
        ("The mean difference was −2.3 (95% confidence interval [95% CI] −8.1, 3.5; P = 0.43).",
         -2.3, -8.1, 3.5),
        # "differences ... were"
        ("Mean differences versus HA were −2.8 mm (95% CI −10.4, 4.8) for low-dose MSCs.",
         -2.8, -10.4, 4.8),
        # unit words the unit list lacks, before the interval's label
        ("The difference, −0.5 letters; 95% CI, −2.4 to 1.4, was within the margin.",
         -0.5, -2.4, 1.4),
        ("Opioid use was lower (mean difference of −16.5 mg morphine equivalents (95% CI −28.3 "
         "to −4.7)).", -16.5, -28.3, -4.7),
    ],
)  # fmt: skip
def test_a_difference_and_its_interval_after_words_between(text, value, low, high):
    row = one(text, "difference")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)


def test_words_after_a_difference_without_an_interval_are_no_unit():  # guard
    row = one("The mean difference was −2.3 points favouring drug (P = 0.04).", "difference")
    assert (row["value"], row["ci_low"]) == (-2.3, None)


def test_an_estimated_treatment_difference_abbreviated_with_its_interval():
    text = "Time in range was 64.3% vs. 59.8% (ETD 4.5 percentage points; 95% CI 1.4 to 7.6)."
    difference = one(text, "difference")
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (4.5, 1.4, 7.6)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # a difference of two arms' mean percent changes
        (
            "The mean change in body weight from baseline to week 68 was −14.9% with "
            "semaglutide and −2.4% with placebo (estimated treatment difference, −12.4 "
            "percentage points; 95% CI, −13.4 to −11.5).",
            "mean difference",
        ),
        # guard: a difference of two arms' proportions
        (
            "Mortality was 3.1% vs 4.0% (difference, −0.9 percentage points; 95% CI, −2.6 to 0.8).",
            "risk difference",
        ),
        # guard: a mean change in an earlier sentence says nothing of this one
        (
            "The mean change in weight was −2.1 kg. Remission occurred in 31% vs 22% (difference, "
            "9 percentage points; 95% CI, 2 to 16).",
            "risk difference",
        ),
    ],
)
def test_a_difference_in_percentage_points_of_mean_changes_is_a_mean_difference(text, measure):
    assert one(text, "difference")["measure"] == measure


def test_a_range_restated_in_other_units_is_no_interval_of_a_percentage():
    text = "Adults with HbA1c 7.0–10.5% (53–91 mmol/mol) were randomized."
    assert not [r for r in of_kind(text, "percentage") if r["ci_low"] is not None]
    kept = "Remission at one year was 10.5% (95% CI 8.1–13.2)."
    assert [(r["value"], r["ci_low"]) for r in of_kind(kept, "percentage")] == [(10.5, 8.1)]


def test_an_absolute_risk_reduction_abbreviated_in_percent_needs_no_interval():
    text = "Over two years the ARR was about that of aspirin: ARR 1.6% (NNT 63)."
    difference = one(text, "difference")
    assert (difference["value"], difference["measure"]) == (1.6, "risk difference")
    extraction = extract_document("d", text)
    (row,) = [
        r
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"] == "nnt_vs_difference"
    ]
    # 1 / 0.0155 = 64.5 and 1 / 0.0165 = 60.6 hold 63
    assert row["verdict"] == "consistent"


def test_a_mean_or_risk_difference_abbreviated_without_an_interval_is_none():  # guard
    assert of_kind("The RD 1.6% was small, the MD 2.1 points smaller.", "difference") == []


@pytest.mark.parametrize(
    ("text", "source", "value", "outcome"),
    [
        (
            "The absolute risk reduction for death was 5.0 percentage points (95% CI, -2.4 to "
            "12.4).",
            "5.0 percentage points (95% CI, -2.4 to 12.4)",
            5.0,
            "death",
        ),
        (
            "The absolute risk increase of major bleeding with apixaban was 1.1 percentage points "
            "(95% CI 0.3 to 1.9).",
            "1.1 percentage points (95% CI 0.3 to 1.9)",
            1.1,
            "major bleeding",
        ),
    ],
)
def test_a_risk_difference_whose_outcome_stands_before_its_value(text, source, value, outcome):
    """The outcome between a risk difference's name and its value keeps the difference grammar
    from reading it; the value and its CI are that difference, not a median."""
    (row,) = stats(text)
    assert (row["kind"], row["source_text"], row["value"]) == ("difference", source, value)
    assert row["measure"] == "risk difference"
    assert outcome in row["outcome"]


def test_a_relative_risk_reduction_is_no_risk_difference_nor_a_median():
    """1 - RR, not a difference of risks: it is not held to the counts as one, nor read as a
    median with its interval."""
    rows = stats("The relative risk reduction for death was 0.25 (95% CI 0.10 to 0.38).")
    assert all(row["kind"] not in {"difference", "median", "mean"} for row in rows), rows


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the estimate right before its CI's level is no word of what the difference is in
        ("(difference in change 47, 95% CI 21 to 73; P < 0.001)", "47"),
        ("The difference in HbA1c at week 26, -1.2%, 95% CI -1.5 to -0.9.", "-1.2"),
        ("The difference in HbA1c at week 26 was -1.2% (95% CI -1.5 to -0.9).", "-1.2"),
    ],
)
def test_a_difference_is_the_number_before_its_ci_not_its_level(text, value):
    [row] = [s for s in stats(text) if s["kind"] == "difference"]
    assert (row["value_text"], row["ci_low_text"]) == (value, text.split("CI ")[1].split()[0])
