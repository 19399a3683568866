"""Effect sizes of an APA result, read after their test and held to it: eta squared and partial
eta squared after an F (or t), held to the effect's share F df1 / (F df1 + df2) (Cohen 1973;
Lakens 2013, eq. 13); phi and Cramér's V after a chi-square, held to sqrt(chi2 / (N m)).
Reference values computed in R 4.x from the printed statistics, beside each case."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

from trialaudit import schemas, scoring


def _eta_rows(text):
    extraction, rows = extract_and_check(text)
    sizes = [r for r in extraction.statistics if r["kind"] == "effect_size"]
    return sizes, [r for r in rows if r["check"] == "effect_size_vs_test"]


@pytest.mark.parametrize(
    ("text", "source", "measure"),
    [
        ("F(1, 124) = 27.8, p < .001, ηp² = .18", "ηp² = .18", "partial eta squared"),
        ("F(2, 87) = 4.10, p = .020, η2p = .086", "η2p = .086", "partial eta squared"),
        ("the effect was small, partial η² = 0.05", "partial η² = 0.05", "partial eta squared"),
        ("F(3, 120) = 2.9, p = .04, η² = .07", "η² = .07", "eta squared"),
        ("partial eta squared = .12", "partial eta squared = .12", "partial eta squared"),
    ],
)
def test_eta_squared_is_read_with_whether_it_is_partial(text, source, measure):
    sizes, _ = _eta_rows(text)
    assert [(r["source_text"], r["measure"]) for r in sizes] == [(source, measure)]


@pytest.mark.parametrize("text", ["beta = 0.3", "theta2 = .4", "η = .3", "Eta squared was large"])
def test_no_eta_squared_in_other_words(text):  # guard
    assert _eta_rows(text)[0] == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 27.8 / (27.8 + 124) = 0.18313570487
        ("F(1, 124) = 27.8, p < .001, ηp² = .18", "consistent"),
        ("F(1, 124) = 27.8, p < .001, ηp² = .28", "inconsistent"),
        # 2 * 4.10 / (2 * 4.10 + 87) = 0.08613445378
        ("F(2, 87) = 4.10, p = .020, η2p = .086", "consistent"),
        # a t is an F of 1 df: 2.5^2 / (2.5^2 + 40) = 0.13513513514
        ("t(40) = 2.50, p = .017, ηp² = .14", "consistent"),
        ("t(40) = 2.50, p = .017, ηp² = .10", "inconsistent"),
        # 3 * 2.9 / (3 * 2.9 + 120) = 0.06759906760: an eta squared above the effect's share
        # is inconsistent, one below it may be of a factorial design
        ("F(3, 120) = 2.9, p = .04, η² = .12", "inconsistent"),
        ("F(3, 120) = 2.9, p = .04, η² = .04", "not_checkable"),
        ("F(3, 120) = 2.9, p = .04, ηp² = .04", "inconsistent"),
    ],
)
def test_eta_squared_against_its_f(text, verdict):
    _, checks = _eta_rows(text)
    assert [r["verdict"] for r in checks] == [verdict]


def test_the_share_over_the_f_that_round_to_the_printed_one():
    (row,) = _eta_rows("F(1, 124) = 27.8, p < .001, ηp² = .18")[1]
    # 27.75 / 151.75 and 27.85 / 151.85
    assert row["recomputed_low"] == pytest.approx(27.75 / 151.75)
    assert row["recomputed_high"] == pytest.approx(27.85 / 151.85)


def test_eta_squared_without_a_test_before_it_is_not_checked():
    assert _eta_rows("The effect was large (ηp² = .18).")[1] == []


def test_eta_squared_is_a_kind_the_gold_standard_does_not_annotate():
    assert "effect_size" in schemas.STATISTIC_KINDS
    assert "effect_size" in scoring.NOT_ANNOTATED_KINDS


@pytest.mark.parametrize(
    ("text", "measure", "verdict"),
    [
        # sqrt(9.61 / 126) = 0.2761699500 (R)
        ("χ²(1, N = 126) = 9.61, p = .002, φ = .28", "phi", "consistent"),
        ("χ²(1, N = 126) = 9.61, p = .002, φ = .38", "phi", "inconsistent"),
        # a 2 x 5 or 5 x 2 table (m = 1): sqrt(18.2 / 300) = 0.2463060427; a 3 x 3 table
        # (m = 2): sqrt(18.2 / 600) = 0.1741646730 (R)
        ("χ²(4, N = 300) = 18.2, p = .001, Cramér's V = .17", "Cramer's V", "consistent"),
        ("χ²(4, N = 300) = 18.2, p = .001, Cramér's V = .25", "Cramer's V", "consistent"),
        ("χ²(4, N = 300) = 18.2, p = .001, Cramér's V = .21", "Cramer's V", "inconsistent"),
        # sqrt(7.9 / 90) = 0.2962731472 (R), APA's bare V
        ("χ2(2, N = 90) = 7.9, p = .019, V = .30", "Cramer's V", "consistent"),
        # no N: not checkable
        ("χ²(1) = 9.61, p = .002, φ = .28", "phi", "not_checkable"),
    ],
)
def test_phi_and_cramers_v_against_their_chi_square(text, measure, verdict):
    sizes, checks = _eta_rows(text)
    assert [r["measure"] for r in sizes] == [measure]
    assert [r["verdict"] for r in checks] == [verdict]
