"""p-values in every common form, NS, and APA-style test statistics (a superset of statcheck)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from extraction_helpers import kinds, of_kind, one, stats

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "source", "value", "comparator"),
    [
        ("(P = 0.008)", "P = 0.008", 0.008, "="),
        ("(p<0.001)", "p<0.001", 0.001, "<"),
        ("P = .03", "P = .03", 0.03, "="),
        ("(P-value 0.04)", "P-value 0.04", 0.04, "="),
        ("p ≤ 0.05 for the trend", "p ≤ 0.05", 0.05, "≤"),
        ("P value of 0.12", "P value of 0.12", 0.12, "="),
        ("p-value < 0.0001", "p-value < 0.0001", 0.0001, "<"),
        ("P for interaction = 0.03", "P for interaction = 0.03", 0.03, "="),
        ("P < 0·001", "P < 0·001", 0.001, "<"),
        ("P=0.004.", "P=0.004", 0.004, "="),
        ("p = 0.2 in both", "p = 0.2", 0.2, "="),
        ("p > 0.05", "p > 0.05", 0.05, ">"),
        ("P ≥ 0.1", "P ≥ 0.1", 0.1, "≥"),
        # a comparator after the label's colon
        ("P-value: <0.0001.", "P-value: <0.0001", 0.0001, "<"),
        ("P: >0.05", "P: >0.05", 0.05, ">"),
    ],
)
def test_p_value_forms(text, source, value, comparator):
    row = one(text, "p_value")
    assert (row["source_text"], row["value"], row["comparator"]) == (source, value, comparator)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("P = 3.2 × 10−5", 3.2e-5),
        ("P = 2.1e-5", 2.1e-5),
        ("p = 1.5 x 10-8", 1.5e-8),
    ],
)
def test_p_values_in_scientific_notation(text, value):
    assert one(text, "p_value")["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("D-dimer levels did not differ between groups (NS).", "NS"),
        ("Differences in IgG titres were n.s. at month 6.", "n.s."),
        ("12% vs 10% (P = NS)", "P = NS"),
    ],
)
def test_not_significant(text, source):
    row = one(text, "p_value")
    assert (row["source_text"], row["comparator"], row["value"]) == (source, "NS", None)


@pytest.mark.parametrize(
    "text",
    [
        "patients received normal saline (NS) as placebo",
        "A two-sided P < 0.05 was considered statistically significant.",
        "Statistical significance was set at p < 0.05.",
        "see p. 12 and pp. 660-673",
    ],
)
def test_not_p_values(text):
    assert of_kind(text, "p_value") == []


def test_p_value_in_a_ci_bracket_refers_to_the_difference():
    rows = stats("with a difference of - 10.8% (95% CI: - 20.7%, - 1.5%, p = 0.030) on day 10")
    assert [r["kind"] for r in rows] == ["difference", "p_value"]
    assert rows[1]["refers_to"] == rows[0]["stat_id"]


@pytest.mark.parametrize(
    ("text", "test_type", "df1", "df2", "value"),
    [
        ("t(28) = 2.20, p = .04", "t", 28, None, 2.20),
        ("F(2, 57) = 3.1, p < .05", "F", 2, 57, 3.1),
        ("χ2(1) = 4.1, p = .043", "chi2", 1, None, 4.1),
        ("χ²(1) = 5.92, P = 0.015", "chi2", 1, None, 5.92),
        ("chi-square(2, N = 90) = 7.4, p = .025", "chi2", 2, None, 7.4),
        ("r(48) = .32, p = .02", "r", 48, None, 0.32),
        ("z = 2.1, p = .04", "z", None, None, 2.1),
        ("Q(12) = 152.2, P < 0.001", "Q", 12, None, 152.2),
        ("t(28) = −2.20, P ≤ .05", "t", 28, None, -2.20),
        ("H(2) = 6.3, p = .043", "H", 2, None, 6.3),
    ],
)
def test_apa_tests_and_their_p_values(text, test_type, df1, df2, value):
    rows = stats(text)
    assert [r["kind"] for r in rows] == ["test", "p_value"]
    test, p = rows
    assert (test["test_type"], test["df1"], test["df2"], test["value"]) == (
        test_type,
        df1,
        df2,
        value,
    )
    assert p["refers_to"] == test["stat_id"]
    assert "p" not in test["source_text"].lower().replace("chi-square", "")


def _statcheck_rows():
    sentences = (FIXTURES / "statcheck_apa_input.txt").read_text(encoding="utf-8").splitlines()
    with (FIXTURES / "statcheck_apa.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield sentences[int(row["source"]) - 1], row


def _number(text: str) -> float | None:
    return None if text in {"", "NA"} else float(text)


@pytest.mark.parametrize(("sentence", "reference"), list(_statcheck_rows()))
def test_every_result_statcheck_reads_is_read_the_same(sentence, reference):
    """statcheck (R 1.4.0, tests/fixtures/statcheck_apa.R) is the reference: each test it finds
    must be found with the same type, degrees of freedom, value and p-value."""
    rows = stats(sentence)
    tests = [r for r in rows if r["kind"] == "test"]
    assert len(tests) == 1, kinds(sentence)
    test = tests[0]
    expected_type = {"Chi2": "chi2", "Z": "z"}.get(reference["test_type"], reference["test_type"])
    assert test["test_type"] == expected_type
    # statcheck puts the single df of t and r in df2; ours is df1.
    dfs = [_number(reference["df1"]), _number(reference["df2"])]
    expected_dfs = [d for d in dfs if d is not None]
    assert [d for d in (test["df1"], test["df2"]) if d is not None] == expected_dfs
    assert test["value"] == pytest.approx(float(reference["test_value"]))
    p = next(r for r in rows if r["kind"] == "p_value")
    assert p["refers_to"] == test["stat_id"]
    assert p["comparator"] == reference["p_comp"]
    assert p["value"] == pytest.approx(float(reference["reported_p"]))


def test_statcheck_misses_what_we_read():
    """Uppercase P and ≤ (statcheck reads neither) are read."""
    assert kinds("t(28) = 2.20, P ≤ .05") == [("test", "t(28) = 2.20"), ("p_value", "P ≤ .05")]


def test_a_decimal_comma_after_a_p_comparator_in_a_decimal_point_text():
    rows = of_kind("HR 0.68 (0.52-0.89), p=0,03; OS p = 0,2. Doses were 0,1,2 mg.", "p_value")
    assert [(r["source_text"], r["value"]) for r in rows] == [("p=0,03", 0.03), ("p = 0,2", 0.2)]


@pytest.mark.parametrize(
    ("said", "comparator", "value"),
    [
        ("p less than 0.001", "<", 0.001),
        ("p equals 0.03", "=", 0.03),
        ("p greater than 0.2", ">", 0.2),
    ],
)
def test_a_p_value_said_in_words(said, comparator, value):
    row = one(f"The odds ratio was 2.16, 95% CI 1.07 to 4.36, {said}.", "p_value")
    assert (row["source_text"], row["comparator"], row["value"]) == (said, comparator, value)
