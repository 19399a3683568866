"""Event rates per person-time and the rate ratios printed after them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reference import close, rows

from trialaudit import rates as rate_ratios
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

REFERENCE = rows("rate_ratio_reference.csv")


def rates(text):
    rows = extract_document("d", text).statistics
    return [(r["value_text"], r["unit"], r["arm"]) for r in rows if r["kind"] == "rate"]


def rate_checks(text, check="ratio_vs_rates"):
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return [(c["reported"], c["verdict"]) for c in checks if c["check"] == check]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rate of exacerbations was 0.85 per patient-year with drug and 1.21 with placebo.",
            [("0.85", "per patient-year", "drug"), ("1.21", "per patient-year", "placebo")],
        ),
        (
            "The incidence of malaria was 1.2 vs 1.8 episodes per child-year.",
            [("1.2", "per child-year", ""), ("1.8", "per child-year", "")],
        ),
        (
            "Incidence was 3.2 per 1,000 person-years in the vaccine group versus 8.5 per "
            "1,000 person-years in the placebo group.",
            [
                ("3.2", "per 1000 person-years", "vaccine"),
                ("8.5", "per 1000 person-years", "placebo"),
            ],
        ),
        ("Falls: 12.3/100 PY.", [("12.3", "per 100 PY", "")]),
        ("Falls: 12.3 per 100 person years.", [("12.3", "per 100 person-years", "")]),
        (
            "The annualized rate was 0.93 per patient per year in the benralizumab group.",
            [("0.93", "per patient per year", "benralizumab")],
        ),
        # doses and schedules are not rates of events
        ("Patients took 2 tablets per day for 5 days.", []),
        ("The dose was 5 mg per kg per day.", []),
        ("Visits were scheduled 4 per year.", []),
    ],
)
def test_rates_per_person_time_are_read_with_their_unit(text, expected):
    assert rates(text) == expected


@pytest.mark.parametrize(
    ("ratio", "verdict"),
    # 0.85 / 1.21 over the rounding of both: 0.845 / 1.215 = 0.6955 to 0.855 / 1.205 = 0.7095
    [("0.70", "consistent"), ("0.71", "consistent"), ("0.75", "inconsistent")],
)
def test_a_rate_ratio_is_checked_against_the_rates_before_it(ratio, verdict):
    text = (
        "The rate of exacerbations was 0.85 per patient-year with drug and 1.21 with placebo "
        f"(rate ratio, {ratio}; 95% CI, 0.60 to 0.82)."
    )
    assert rate_checks(text) == [(ratio, verdict)]


def test_either_order_of_the_rates_is_tried():
    # 1.8 / 1.2 = 1.5 (1.85 / 1.15 = 1.609 to 1.75 / 1.25 = 1.4)
    text = "Malaria: 1.2 vs 1.8 episodes per child-year (rate ratio 1.5, 95% CI 1.2 to 1.9)."
    assert rate_checks(text) == [("1.5", "consistent")]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Falls: 12.3/100 PY vs 18.4/1000 PY (IRR 0.67).", "different amounts"),
        (
            "The rate was 0.5 per patient-year with drug and 0.9 with placebo (adjusted rate "
            "ratio 0.45, 95% CI 0.3 to 0.7).",
            "adjusted ratio",
        ),
    ],
)
def test_rates_that_cannot_give_the_ratio_are_not_checkable(text, why):
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    [row] = [c for c in checks if c["check"] == "ratio_vs_rates"]
    assert row["verdict"] == "not_checkable" and why in row["note"]


def test_a_ratio_without_two_rates_before_it_has_no_rate_check():
    text = "Exacerbations fell (rate ratio 0.70, 95% CI 0.60 to 0.82); 0.85 per patient-year."
    assert rate_checks(text) == []


@pytest.mark.parametrize("row", REFERENCE, ids=lambda r: f"{r['x1']:g}/{r['t1']:g}")
def test_rate_ratio_intervals_match_r(row):
    found = rate_ratios.rate_ratio_candidates(
        int(row["x1"]), row["t1"], int(row["x2"]), row["t2"], 0.95
    )
    exact = found["exact conditional (Poisson) CI"]
    wald = found["Wald CI (log scale)"]
    assert close(exact[0], row["ratio"]) and close(wald[0], row["ratio"])
    assert close(exact[1], row["exact_lower"], 1e-7) and close(exact[2], row["exact_upper"], 1e-7)
    assert close(wald[1], row["wald_lower"], 1e-7) and close(wald[2], row["wald_upper"], 1e-7)


def test_an_arm_without_events_has_no_interval():
    assert rate_ratios.rate_ratio_candidates(0, 100.0, 5, 100.0, 0.95) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malaria occurred in 35 episodes in 1,200 person-years in the vaccine group.",
            (35, 1200.0, "per person-year", "vaccine"),
        ),
        ("There were 35/1,200 person-years.", (35, 1200.0, "per person-year", "")),
        (
            "We observed 14 infections during 843.5 person-months of follow-up.",
            (14, 843.5, "per person-month", ""),
        ),
    ],
)
def test_events_over_person_time_are_read(text, expected):
    [row] = [r for r in extract_document("d", text).statistics if r["kind"] == "rate"]
    assert (row["numerator"], row["person_time"], row["unit"], row["arm"]) == expected
    assert close(row["value"], expected[0] / expected[1])


# 35 events in 1,200 and 60 in 1,180 person-years (rate_ratio_reference.csv): ratio 0.5736,
# exact 0.3669 to 0.8846 (poisson.test), Wald 0.3781 to 0.8703 (epitools::rateratio.wald)
EVENTS = (
    "Malaria occurred in 35 episodes in 1,200 person-years in the vaccine group and 60 "
    "episodes in 1,180 person-years in the control group (IRR {}, 95% CI {} to {})."
)


@pytest.mark.parametrize(
    ("ratio", "low", "high", "ratio_verdict", "ci_verdict"),
    [
        ("0.57", "0.37", "0.88", "consistent", "consistent"),  # exact
        ("0.57", "0.38", "0.87", "consistent", "consistent"),  # Wald
        # the other order: poisson.test(c(60, 35), c(1180, 1200)) gives 1.1305 to 2.7258
        ("1.74", "1.13", "2.73", "consistent", "consistent"),
        ("0.64", "0.42", "0.97", "inconsistent", "inconsistent"),
        ("0.57", "0.40", "0.80", "consistent", "inconsistent"),
    ],
)
def test_a_rate_ratio_and_its_ci_are_checked_against_events_and_person_time(
    ratio, low, high, ratio_verdict, ci_verdict
):
    text = EVENTS.format(ratio, low, high)
    assert rate_checks(text, "ratio_vs_events") == [(ratio, ratio_verdict)]
    assert rate_checks(text, "ci_vs_events") == [(f"{low} to {high}", ci_verdict)]


@pytest.mark.parametrize(
    ("printed", "verdict"),
    # 100 x 14 / 843 = 1.6607
    [("1.7", "consistent"), ("1.66", "consistent"), ("1.9", "inconsistent")],
)
def test_a_rate_is_checked_against_the_events_before_it(printed, verdict):
    text = (
        "We observed 14 infections during 843 person-months of follow-up "
        f"({printed} per 100 person-months)."
    )
    assert rate_checks(text, "rate_vs_events") == [(printed, verdict)]


def test_a_rate_in_another_unit_of_time_is_not_held_against_the_events():
    text = "We observed 14 infections during 843 person-months (19.9 per 1000 person-years)."
    assert rate_checks(text, "rate_vs_events") == []


@pytest.mark.parametrize(
    ("efficacy", "low", "high", "verdict", "ci_verdict"),
    # 100 x (1 - rate ratio), limits swapped, from rate_ratio_reference.csv's first row:
    # 42.64; exact 11.54 to 63.31, Wald 12.97 to 62.19
    [
        ("43", "12", "63", "consistent", "consistent"),
        ("43", "13", "62", "consistent", "consistent"),
        ("50", "12", "63", "inconsistent", "consistent"),
        ("43", "20", "70", "consistent", "inconsistent"),
    ],
)
def test_a_vaccine_efficacy_is_checked_against_events_and_person_time(
    efficacy, low, high, verdict, ci_verdict
):
    text = (
        "Malaria occurred in 35 episodes in 1,200 person-years in the vaccine group and 60 "
        f"episodes in 1,180 person-years in the control group (vaccine efficacy {efficacy}%, "
        f"95% CI {low} to {high})."
    )
    assert rate_checks(text, "efficacy_vs_events") == [(efficacy, verdict)]
    assert rate_checks(text, "efficacy_ci_vs_events") == [(f"{low} to {high}", ci_verdict)]
    [row] = [r for r in extract_document("d", text).statistics if r["kind"] == "percentage"]
    assert row["arm"] == ""  # what it measures names the vaccine, but is no arm


def test_an_efficacy_without_events_before_it_keeps_its_granularity_check():
    text = "A total of 40 participants were enrolled. The vaccine efficacy was 62.5%."
    assert rate_checks(text, "percent_granularity") == [("62.5", "consistent")]
    assert rate_checks(text, "efficacy_vs_events") == []


def test_a_rate_ratio_of_zero_is_not_checkable_against_the_rates():
    text = (
        "The rate was 0.85 per patient-year with drug and 1.21 with placebo (rate ratio 0.00, "
        "95% CI 0.00 to 0.02)."
    )
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    [row] = [c for c in checks if c["check"] == "ratio_vs_rates"]
    assert row["verdict"] == "not_checkable" and "not positive" in row["note"]


def test_a_rate_per_person_time_of_follow_up_is_checked_against_its_events():
    # 100 x 14 / 843 = 1.6607; the unit's "of follow-up" names no other unit of time
    text = (
        "There were 14 infections during 843 person-years of follow-up (1.7 per 100 "
        "person-years of follow-up)."
    )
    assert rates(text)[-1] == ("1.7", "per 100 person-years", "")
    assert rate_checks(text, "rate_vs_events") == [("1.7", "consistent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The annualized rate of severe exacerbations was 0.85 with benralizumab and 1.21 "
            "with placebo.",
            [("0.85", "per year", "benralizumab"), ("1.21", "per year", "placebo")],
        ),
        (
            "The annualised exacerbation rate was 0.93 in the dupilumab group versus 2.76 in the "
            "placebo group.",
            [("0.93", "per year", "dupilumab"), ("2.76", "per year", "placebo")],
        ),
        (
            "The annualized relapse rate (ARR) was 0.16 in the ocrelizumab group.",
            [("0.16", "per year", "ocrelizumab")],
        ),
        (
            "Patients had 1.2 vs 1.8 exacerbations per year.",
            [("1.2", "per year", ""), ("1.8", "per year", "")],
        ),
        # an annualized value that is no rate, and schedules per year
        ("The annualized cost was 1200 per patient.", []),
        ("Patients received 4 injections per year.", []),
        ("Patients had 2.5 visits per month.", []),
    ],
)
def test_annualized_rates_and_events_per_year_are_rates_per_year(text, expected):
    assert rates(text) == expected


def test_a_rate_ratio_is_checked_against_two_annualized_rates():
    text = (
        "The annualized rate of severe exacerbations was 0.85 with benralizumab and 1.21 with "
        "placebo (rate ratio 0.{}, 95% CI 0.60 to 0.82)."
    )
    # 0.85 / 1.21 over the rounding of both: 0.6955 to 0.7095
    assert rate_checks(text.format("70")) == [("0.70", "consistent")]
    assert rate_checks(text.format("75")) == [("0.75", "inconsistent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients had 1.2 vs 1.8 exacerbations per year.", ["exacerbations"] * 2),
        (
            "We observed 0.42 falls per person-year in the exercise group and 0.61 in the "
            "control group.",
            ["falls"] * 2,
        ),
        # "episodes" says no more than the sentence: its outcome stays the sentence's
        (
            "The incidence of malaria was 1.2 vs 1.8 episodes per child-year.",
            ["incidence of malaria"] * 2,
        ),
    ],
)
def test_a_rate_measures_the_events_it_counts(text, expected):
    rows = extract_document("d", text).statistics
    assert [r["outcome"] for r in rows if r["kind"] == "rate"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "There were 14 hospitalizations in the vaccine group versus 25 in the placebo group.",
            [("count", "14 hospitalizations", "vaccine"), ("count", "25", "placebo")],
        ),
        (
            "There were 14 infections in the vaccine group and 25 in the placebo group.",
            [("count", "14 infections", "vaccine"), ("count", "25", "placebo")],
        ),
        # guard: people in groups are the arms' sizes
        (
            "There were 120 patients in the drug group and 118 in the placebo group.",
            [("arm_size", "120", "drug"), ("arm_size", "118", "placebo")],
        ),
    ],
)
def test_events_counted_in_a_group_are_counts_not_arm_sizes(text, expected):
    rows = extract_document("d", text).statistics
    assert [(r["kind"], r["source_text"], r["arm"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The drug arm (n=120) had 14 hospitalizations versus 25 in the placebo arm (n=118).",
            [("14 hospitalizations", "drug", 120, "events"), ("25", "placebo", 118, "events")],
        ),
        (
            "There were 14 hospitalizations versus 25 with placebo.",
            [("14 hospitalizations", "", None, "events"), ("25", "placebo", None, "events")],
        ),
        # guard: people who were hospitalized are counted out of their arm
        (
            "Hospitalization occurred in 14 patients in the vaccine group (n=100) versus 25 in the "
            "placebo group (n=98).",
            [("14 patients", "vaccine", 100, ""), ("25", "placebo", 98, "")],
        ),
    ],
)
def test_a_count_of_events_makes_no_two_by_two_table(text, expected):
    extraction = extract_document("d", text)
    rows = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["source_text"], r["arm"], r["denominator"], r["unit"]) for r in rows] == expected
    # its arm's size is the people at risk (tests/gold/GUIDELINES.md), yet the counts make no
    # 2x2 table: a person may have more than one event
    tables = [c for c in extraction.comparisons if c["kind"] == "binary"]
    assert len(tables) == (1 if expected[0][3] == "" else 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drug reduced hospitalizations (14 vs 25; p=0.04).",
            [("14", "", "hospitalization", "events"), ("25", "", "hospitalization", "events")],
        ),
        # the words before the bracket name what was counted, not an arm
        (
            "Patients on drug had fewer exacerbations (112 vs 165).",
            [("112", "", "exacerbations", "events"), ("165", "", "exacerbations", "events")],
        ),
        (
            "There were fewer deaths (14 vs 25).",
            [("14", "", "deaths", ""), ("25", "", "deaths", "")],
        ),
        # guard: a pair of other numbers after an event's name is no count
        ("Exacerbations (1.2 vs 1.8 per year) were rarer.", []),
    ],
)
def test_counts_of_events_in_a_bracket_after_their_name(text, expected):
    rows = [r for r in extract_document("d", text).statistics if r["kind"] == "count"]
    assert [(r["source_text"], r["arm"], r["outcome"], r["unit"]) for r in rows] == expected


def test_rates_in_two_units_are_named_in_one_order_whatever_the_hash_seed():
    """Sets of strings iterate in an order that changes with PYTHONHASHSEED; results must not."""
    code = (
        "from trialaudit.checks import Settings, check_document\n"
        "from trialaudit.extract import extract_document\n"
        "e = extract_document('d', 'Falls: 12.3/100 PY vs 18.4/1000 PY (IRR 0.67).')\n"
        "print([c['assumption'] for c in check_document(e.statistics, e.comparisons, Settings())"
        " if c['check'] == 'ratio_vs_rates'])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
    assert "per 100 PY per 1000 PY" in outputs.pop()


@pytest.mark.parametrize(
    "text",
    [
        "Person-time was 1098 and 1069 person-years, respectively.",
        "Follow-up totalled 2,400 and 2,310 patient-months, respectively.",
        "The cohort contributed 120 and 118 person years of observation.",
    ],
)
def test_person_time_is_no_count_of_people(text):
    """ "1098 and 1069 person-years" are two arms' person-time, not 1098 and 1069 people."""
    counts = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert counts == []


# RECOVERY (Lancet 2021;397:1637), tocilizumab: a rate ratio from a time-to-event analysis and
# its log-rank p after the crude counts of deaths.
RECOVERY_COUNTS = (
    "Overall, 621 (30.7%) of 2022 patients in the tocilizumab group and 729 (34.8%) of 2094 "
    "patients in the usual care group died within 28 days (rate ratio 0.85; 95% CI 0.76–0.94; "
    "p=0.0028)."
)
RECOVERY_PERCENTAGES = (
    "A total of 4116 patients were randomly assigned, 2022 to tocilizumab and 2094 to usual "
    "care. Mortality at day 28 was 30.7% in the tocilizumab group and 34.8% in the usual care "
    "group (rate ratio 0.85; 95% CI, 0.76 to 0.94; P=0.0028)."
)


@pytest.mark.parametrize(
    ("text", "check"),
    [(RECOVERY_COUNTS, "p_vs_counts"), (RECOVERY_PERCENTAGES, "p_vs_percentages")],
)
def test_the_p_of_a_rate_ratio_is_not_a_test_of_the_two_by_two_table(text, check):
    """The crude tests of 621/2022 vs 729/2094 give p about 0.005; the printed 0.0028 is the
    rate ratio's, whose CI it agrees with (p_vs_ci), not a false alarm."""
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (row,) = [c for c in checks if c["check"] == check]
    assert row["verdict"] == "not_checkable"
    assert "rate ratio" in row["note"]
    (ci_row,) = [c for c in checks if c["check"] == "p_vs_ci"]
    assert ci_row["verdict"] == "consistent"


@pytest.mark.parametrize(
    ("estimate", "why"),
    [("hazard ratio 0.85", "hazard ratio"), ("adjusted odds ratio 0.85", "adjusted estimate")],
)
def test_the_p_of_a_hazard_ratio_after_percentages_is_judged_not_checkable(estimate, why):
    """As a rate ratio's: the p of a hazard ratio, or of an adjusted estimate, after two arms'
    percentages gets a p_vs_percentages row that says why it is not held to their 2x2 tables
    (it used to get no row at all), while p_vs_ci still holds it to the estimate's CI."""
    text = RECOVERY_PERCENTAGES.replace("rate ratio 0.85", estimate)
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (row,) = [c for c in checks if c["check"] == "p_vs_percentages"]
    assert row["verdict"] == "not_checkable"
    assert why in row["note"]
    (ci_row,) = [c for c in checks if c["check"] == "p_vs_ci"]
    assert ci_row["verdict"] == "consistent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # events per 100 person-years, printed as a percentage per year
        (
            "We randomised 1,842 patients: 921 were assigned to the anticoagulant and 921 to "
            "aspirin. The primary outcome occurred in 48 patients (1.9% per year) with the "
            "anticoagulant and 71 patients (2.8% per year) with aspirin.",
            [("1.9", "% per year", "anticoagulant"), ("2.8", "% per year", "aspirin")],
        ),
        # the unit once, after the second of a pair
        (
            "Stroke occurred at 1.11% vs 1.38% per year.",
            [("1.11", "% per year", ""), ("1.38", "% per year", "")],
        ),
    ],
)
def test_a_percentage_per_year_is_a_rate_not_a_share(text, expected):
    assert rates(text) == expected
    extraction = extract_document("d", text)
    assert not [r for r in extraction.statistics if r["kind"] == "percentage"]
    # no whole count of an arm's people is looked for behind it (GRIM)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    assert not [c for c in checks if c["check"] == "percent_granularity"]
