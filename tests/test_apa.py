"""APA test results against R's statcheck (tests/fixtures/statcheck_reference.R)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from reference import FIXTURES, close, rows

from trialaudit import apa
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

REFERENCE = rows("statcheck_reference.csv")
IDS = [r["apa"] for r in REFERENCE]


def _text(value) -> str:
    """Fixture cells were read as numbers where possible; the printed text matters here."""
    return value if isinstance(value, str) else ("" if math.isnan(value) else repr(value))


def _run(row, **options):
    # the printed statistic and p (with their decimals) come from the APA string itself
    stat_part, p_part = row["apa"].split(", p ")
    value_text = stat_part.split(" = ")[-1]
    p_cmp, p_text = p_part.split(" ")
    return apa.statcheck(
        row["test"],
        value_text,
        None if _text(row["df1"]) == "" else float(row["df1"]),
        None if _text(row["df2"]) == "" else float(row["df2"]),
        "=",
        p_text,
        p_cmp,
        **options,
    )


@pytest.mark.parametrize("row", REFERENCE, ids=IDS)
def test_two_tailed_agrees_with_statcheck(row):
    result = _run(row)
    assert close(result.computed, row["statcheck_computed"], rel=1e-9)
    assert result.error == row["statcheck_error"]
    assert result.decision_error == row["statcheck_decision_error"]


@pytest.mark.parametrize("row", REFERENCE, ids=IDS)
def test_one_tailed_text_agrees_with_statcheck(row):
    result = _run(row, one_tailed_in_text=True, one_tailed_txt=True)
    assert close(result.computed, row["statcheck_1tail_computed"], rel=1e-9)
    assert result.error == row["statcheck_1tail_error"]
    assert result.decision_error == row["statcheck_1tail_decision_error"]


def test_reference_text_is_the_one_statcheck_read():
    text = (FIXTURES / "statcheck_text.txt").read_text(encoding="utf-8")
    assert all(r["apa"] in text for r in REFERENCE)


@pytest.mark.parametrize(
    "args",
    [
        ("t", "2.1", None, None, "=", ".03", "="),  # no df
        ("r", "1.2", 20, None, "=", ".03", "="),  # r outside [-1, 1]
        ("F", "-2", 1, 20, "=", ".03", "="),  # negative F
        ("t", "2.1", 20, None, "=", "1.5", "="),  # p outside [0, 1]
        ("t", "abc", 20, None, "=", ".03", "="),  # not a number
        ("W", "2.1", 20, None, "=", ".03", "="),  # unknown test
    ],
)
def test_unreadable_results_give_a_reason(args):
    assert isinstance(apa.statcheck(*args), str)


@pytest.mark.parametrize("test_type", ["t", "F", "z", "r", "chi2", "Q", "H"])
def test_compute_p_matches_scipy_stats_sf(test_type):
    """The scipy.special tails equal scipy.stats' survival functions (the reference)."""
    from scipy import stats

    rng = np.random.default_rng(7)
    for _ in range(300):
        df1, df2 = float(rng.integers(1, 40)), float(rng.uniform(0.5, 500))
        value = float(rng.uniform(-0.99, 0.99) if test_type == "r" else rng.uniform(-1, 25))
        if test_type == "t":
            expected = 2 * stats.t.sf(abs(value), df2)
        elif test_type == "F":
            expected = stats.f.sf(value, df1, df2)
        elif test_type == "z":
            expected = 2 * stats.norm.sf(abs(value))
        elif test_type == "r":
            expected = 2 * stats.t.sf(abs(value) / np.sqrt((1 - value**2) / df2), df2)
        else:
            expected = stats.chi2.sf(value, df1)
        got = apa.compute_p(test_type, value, df1, df2, two_tailed=True)
        assert got == pytest.approx(expected, rel=1e-12, abs=1e-300), (value, df1, df2)


def test_tests_without_degrees_of_freedom_are_read_only_before_a_p_value():
    from extraction_helpers import of_kind

    text = "Operation time was shorter (t=3.46, P<0.05) and complications fewer (χ2=4.02, P=0.045)."
    tests = of_kind(text, "test")
    assert [(t["source_text"], t["test_type"], t["df1"]) for t in tests] == [
        ("t=3.46", "t", None),
        ("χ2=4.02", "chi2", None),
    ]
    assert of_kind("At t = 0 the infusion started and at t = 24 it ended.", "test") == []


@pytest.mark.parametrize(
    ("text", "test", "df", "verdict"),
    [
        # scipy.stats.chi2.sf(6.12, 1) = 0.013366; 2 * scipy.stats.t.sf(2.45, 58) = 0.017325
        ("Recovery differed between arms (chi-square = 6.12, df = 1, P = 0.013).", "chi2", 1.0,
         "consistent"),
        ("Recovery differed between arms (chi-square = 6.12, df = 1, P = 0.043).", "chi2", 1.0,
         "inconsistent"),
        ("Scores differed between arms (t = 2.45, df = 58, P = 0.017).", "t", 58.0,
         "consistent"),
        # ... or in a bracket: scipy.stats.chi2.sf(4.2, 1) = 0.040424;
        # 2 * scipy.stats.t.sf(2.31, 98) = 0.022986
        ("Recovery differed (chi2 = 4.2 (df = 1), p = 0.04).", "chi2", 1.0, "consistent"),
        ("Recovery differed (χ2 = 4.2 (1 df), P = 0.01).", "chi2", 1.0, "inconsistent"),
        ("Scores differed (t = 2.31 (df = 98), p = 0.023).", "t", 98.0, "consistent"),
        ("Scores differed (t = 2.31 (98 df), p = 0.23).", "t", 98.0, "inconsistent"),
    ],
)  # fmt: skip
def test_degrees_of_freedom_printed_after_the_statistic(text, test, df, verdict):
    extraction = extract_document("d", text)
    (row,) = [s for s in extraction.statistics if s["kind"] == "test"]
    assert (row["test_type"], row["df1"]) == (test, df)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c["verdict"] for c in checks if c["check"] == "p_vs_test"] == [verdict]


@pytest.mark.parametrize(
    ("text", "letter", "values"),
    [
        ("Total bilirubin and MELD score were lower (t=3.517, 2.914; all P<0.05).", "t",
         [3.517, 2.914]),
        ("腹痛缓解时间和住院时间均短于对照组（t=6.152、4.469，P<0.05）。", "t", [6.152, 4.469]),
        ("Both rates differed (χ²=5.315, 4.012, P<0.05).", "chi2", [5.315, 4.012]),
    ],
)  # fmt: skip
def test_a_list_of_one_tests_values_with_one_p_is_a_test_each(text, letter, values):
    tests = [s for s in extract_document("d", text).statistics if s["kind"] == "test"]
    assert [(t["test_type"], t["value"]) for t in tests] == [(letter, v) for v in values]


def test_a_number_after_a_test_and_a_comma_is_no_test_without_a_p_for_all():  # guard
    text = "Scores differed (t = 2.45, 58 patients)."
    tests = [s for s in extract_document("d", text).statistics if s["kind"] == "test"]
    assert [t["value"] for t in tests] in ([], [2.45])


@pytest.mark.parametrize(
    ("text", "df", "verdict"),
    [
        # JAMA's subscript degrees of freedom flattened into the text:
        # scipy.stats.f.sf(2.07, 5, 1420) = 0.066575; scipy.stats.f.sf(4.10, 2, 57) = 0.021696
        ("the treatment-by-visit interaction was significant (F5,1420 = 2.07; P = .007).",
         (5.0, 1420.0), "inconsistent"),
        ("Scores differed by dose (F2,57 = 4.10; P = .02).", (2.0, 57.0), "consistent"),
    ],
)  # fmt: skip
def test_an_f_with_its_degrees_of_freedom_as_a_flattened_subscript(text, df, verdict):
    extraction = extract_document("d", text)
    (row,) = [s for s in extraction.statistics if s["kind"] == "test"]
    assert (row["test_type"], row["df1"], row["df2"]) == ("F", *df)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c["verdict"] for c in checks if c["check"] == "p_vs_test"] == [verdict]


@pytest.mark.parametrize(
    ("text", "p", "verdict"),
    [
        # R 4.x: pchisq(7.81, 2, lower.tail = FALSE) = 0.02014095449, as kruskal.test takes its
        # p from H (kruskal.test(list(c(1, 3, 5, 7, 9), c(2, 4, 6, 8, 10, 12), c(11, 13, 14, 15,
        # 16))): H = 9.494117647, df = 2, p = 0.008677178823 = pchisq(H, 2, lower = FALSE))
        (
            "Pain scores differed across the three arms, H(2) = 7.81, p = .02.",
            0.02014095449,
            "consistent",
        ),
        # on 3 df, pchisq(7.81, 3, lower.tail = FALSE) = 0.05010605635 (the H that round to
        # 7.81 give 0.04999390 to 0.05021845), not .02
        (
            "Ranks differed across the four arms, H(3) = 7.81, p = .02.",
            0.05010605635,
            "inconsistent",
        ),
    ],
)
def test_a_kruskal_wallis_h_is_held_to_the_chi_square_on_its_df(text, p, verdict):
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    [check] = [c for c in checks if c["check"] == "p_vs_test"]
    assert check["verdict"] == verdict
    assert check["recomputed_value"] == pytest.approx(p, abs=5e-11)
