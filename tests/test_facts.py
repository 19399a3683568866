"""Study facts: registrations, DOI, design, dose and schedule, allocation, follow-up, journal,
year; each with the span it was read from."""

from __future__ import annotations

import pytest

from trialaudit.extract import extract_document
from trialaudit.facts import registry_of


def facts(text: str, kind: str | None = None) -> list[dict]:
    rows = extract_document("t", text).facts
    for row in rows:
        assert text[row["span_start"] : row["span_end"]] == row["source_text"]
    return [r for r in rows if kind is None or r["fact"] == kind]


def values(text: str, kind: str) -> list[str]:
    return [r["value"] for r in facts(text, kind)]


@pytest.mark.parametrize(
    ("text", "identifier", "registry"),
    [
        ("ClinicalTrials.gov number, NCT04288102.", "NCT04288102", "ClinicalTrials.gov"),
        ("registered as NCT 04288102", "NCT04288102", "ClinicalTrials.gov"),
        ("Chinese Clinical Trial Registry, ChiCTR2000031430.", "ChiCTR2000031430", "ChiCTR"),
        ("ChiCTR-IPR-17012345", "ChiCTR-IPR-17012345", "ChiCTR"),
        ("ChiCTR-IOR-17012345", "ChiCTR-IOR-17012345", "ChiCTR"),
        ("IRCT registration number: IRCT20200217046526N2.", "IRCT20200217046526N2", "IRCT"),
        ("ISRCTN83971151", "ISRCTN83971151", "ISRCTN"),
        ("ACTRN12620000445976", "ACTRN12620000445976", "ANZCTR"),
        ("EudraCT number 2020-001234-56", "2020-001234-56", "EudraCT"),
        ("DRKS00021238", "DRKS00021238", "DRKS"),
        ("JPRN-jRCT2031200001", "JPRN-jRCT2031200001", "JPRN"),
        ("JPRN-UMIN000040390", "JPRN-UMIN000040390", "JPRN"),
        ("CTRI/2020/05/025114", "CTRI/2020/05/025114", "CTRI"),
    ],
)
def test_registrations(text, identifier, registry):
    assert values(text, "registration") == [identifier]
    assert registry_of(identifier) == registry


def test_doi_is_lower_case_without_prefix_or_trailing_punctuation():
    assert values("DOI: 10.1016/j.ebiom.2021.103789.", "doi") == ["10.1016/j.ebiom.2021.103789"]
    assert values("https://doi.org/10.1097/CM9.0000000000003459)", "doi") == [
        "10.1097/cm9.0000000000003459"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a randomized, double-blind, placebo-controlled phase 2 trial",
            ["randomized", "double-blind", "placebo-controlled", "phase 2"],
        ),
        (
            "This was a single-arm, multicenter, real-word study",
            ["single-arm", "multicenter", "real-world"],
        ),
        ("a contemporaneous external control was included", ["external control"]),
        ("an open-label phase II/III study", ["open-label", "phase 2/3"]),
        ("allocated using block randomization", ["randomized"]),
        ("In this prospective, longitudinal, cohort study", ["prospective", "cohort"]),
        ("Keywords: RCT", ["randomized"]),
        ("a randomised crossover pilot", ["randomized", "crossover", "pilot"]),
    ],
)
def test_designs(text, expected):
    assert values(text, "design") == expected


@pytest.mark.parametrize(
    "text",
    [
        "A phase 3 trial is required to evaluate effects on mortality.",
        "Further studies involving a large cohort or randomized controlled trials are warranted.",
        "based on our phase 1 data",
    ],
)
def test_designs_of_future_or_other_studies_are_not_facts(text):
    assert facts(text, "design") == []


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        (
            "an MSC infusion (n = 65, 4 × 107 cells/dose, on days 0, 3, and 6)",
            4e7,
            "4 × 107 cells/dose",
        ),
        ("a dose of 4 × 10 7 cells on days 0, 3, and 6", 4e7, "4 × 10 7 cells"),
        ("two injections of MSCs (100 × 10(6) cells)", 1e8, "100 × 10(6) cells"),
        ("1 × 10^6 cells/kg", 1e6, "1 × 10^6 cells/kg"),
        ("1.5 × 10⁶ cells per kg", 1.5e6, "1.5 × 10⁶ cells per kg"),
        ("a dose of 106 cells/kg", 1e6, "106 cells/kg"),
        ("3 x 10E7 cells", 3e7, "3 x 10E7 cells"),
    ],
)
def test_doses_read_lost_superscripts(text, number, source):
    rows = facts(text, "dose")
    assert [(r["number"], r["source_text"]) for r in rows] == [(number, source)]
    assert float(rows[0]["value"]) == number


def test_a_multiplication_is_not_a_dose():
    assert facts("given 3 × 100 mg daily", "dose") == []


def test_schedule_of_administration():
    rows = facts("received 4 × 107 cells on days 0, 3, and 6", "schedule")
    assert [(r["value"], r["number"]) for r in rows] == [("days 0,3,6", 3)]
    rows = facts("received two consecutive injections of MSCs", "schedule")
    assert [(r["value"], r["number"]) for r in rows] == [("2 doses", 2)]


def test_allocation_ratio():
    assert values("They were randomly assigned at a 2:1 ratio", "allocation") == ["2:1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-year follow-up results", ["year 1"]),
        ("followed up at 3-month intervals for 1 year", ["year 1", "month 3"]),
        ("with follow-up conducted over 3 years", ["year 3"]),
        ("At 36 months post-MSC therapy, patients were followed up", ["month 36"]),
        ("assessed at baseline and 48 h after the second intervention", ["hour 48"]),
        ("lesion volumes from baseline to day 28", ["day 28"]),
        (
            "were measured on days 28, 90, 180, 270, and 360 during the follow-up visits",
            ["day 28", "day 90", "day 180", "day 270", "day 360"],
        ),
    ],
)
def test_follow_up(text, expected):
    assert values(text, "follow_up") == expected


def test_an_administration_schedule_is_not_a_follow_up():
    assert facts("cells were infused on days 0, 3, and 6 and outcomes recorded", "follow_up") == []


def test_journal_and_year_of_a_landing_page():
    text = "Title of a study of cells in patients\n\nJournal\n\nCLINICS\nVolume 76\n"
    assert values(text, "journal") == ["CLINICS"]
    text = "- From:\nChinese Medical Journal\n2025;138(22):2984-2992\n"
    assert values(text, "journal") == ["Chinese Medical Journal"]
    assert values(text, "year") == ["2025"]


def test_journal_without_publisher_and_copyright_year():
    assert values("Link | PDF (Nature Signal Transduction and Targeted Therapy)", "journal") == [
        "Signal Transduction and Targeted Therapy"
    ]
    assert values("Link | PDF (Nature Medicine)", "journal") == ["Nature Medicine"]
    assert values("Copyright (C) 2021 The Author(s).", "year") == ["2021"]


def test_dates_of_posting_and_registration_are_not_years():
    assert facts("started by forestglip, Feb 27, 2025. Registered 13th April 2020", "year") == []
