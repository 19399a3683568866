"""Event rates per person-time and the rate ratios printed after them."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def rates(text):
    rows = extract_document("d", text).statistics
    return [(r["value_text"], r["unit"], r["arm"]) for r in rows if r["kind"] == "rate"]


def rate_checks(text):
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return [(c["reported"], c["verdict"]) for c in checks if c["check"] == "ratio_vs_rates"]


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
