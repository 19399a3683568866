"""2x2 p-values and normal helpers against R (tests/fixtures/pvalues_2x2.R) and scipy."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from trialaudit import pvalues, twobytwo

FIXTURE = Path(__file__).parent / "fixtures" / "pvalues_2x2.csv"


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    return pd.read_csv(FIXTURE)


def test_fisher_matches_r_fisher_test(reference):
    got = [twobytwo.fisher_p(*row) for row in _rows(reference)]
    np.testing.assert_allclose(got, reference["fisher"], rtol=1e-9)


@pytest.mark.parametrize(("yates", "column"), [(False, "pearson"), (True, "yates")])
def test_pearson_matches_r_chisq_test(reference, yates, column):
    got = np.array([twobytwo.pearson_p(*row, yates=yates) for row in _rows(reference)])
    expected = reference[column].to_numpy(dtype=float)
    assert np.array_equal(np.isnan(got), np.isnan(expected))
    ok = ~np.isnan(expected)
    np.testing.assert_allclose(got[ok], expected[ok], rtol=1e-9)


def _rows(reference: pd.DataFrame) -> list[tuple[int, int, int, int]]:
    return [tuple(int(v) for v in r) for r in reference[["a", "n1", "c", "n2"]].to_numpy()]


def _random_tables(seed: int, count: int) -> list[tuple[int, int, int, int]]:
    rng = np.random.default_rng(seed)
    tables = []
    for _ in range(count):
        n1, n2 = (int(v) for v in rng.integers(1, 300, size=2))
        tables.append((int(rng.integers(0, n1 + 1)), n1, int(rng.integers(0, n2 + 1)), n2))
    return tables


def test_fisher_matches_scipy_on_random_tables():
    for a, n1, c, n2 in _random_tables(1, 300):
        expected = stats.fisher_exact([[a, n1 - a], [c, n2 - c]]).pvalue
        assert twobytwo.fisher_p(a, n1, c, n2) == pytest.approx(expected, rel=1e-8, abs=1e-300)


def test_pearson_matches_scipy_on_random_tables():
    tables = [t for t in _random_tables(2, 300) if 0 < t[0] + t[2] < t[1] + t[3]]
    for yates in (False, True):
        got = [twobytwo.pearson_p(*t, yates=yates) for t in tables]
        expected = [
            stats.chi2_contingency([[x, m - x], [y, k - y]], correction=yates).pvalue
            for x, m, y, k in tables
        ]
        np.testing.assert_allclose(got, expected, rtol=1e-9)


def test_arrays_and_scalars_agree():
    a, c = np.array([18, 0, 5, 105]), np.array([30, 8, 5, 0])
    together = twobytwo.fisher_p_many(a, 105, c, 107)
    one_by_one = [twobytwo.fisher_p(int(x), 105, int(y), 107) for x, y in zip(a, c, strict=True)]
    np.testing.assert_allclose(together, one_by_one, rtol=1e-14)


def test_normal_helpers_match_scipy():
    z = np.array([-3.1, -1.96, 0.0, 0.5, 2.58])
    np.testing.assert_allclose(pvalues.normal_two_sided(z), 2 * stats.norm.sf(np.abs(z)))
    for level in (0.9, 0.95, 0.99):
        assert pvalues.normal_quantile(level) == pytest.approx(stats.norm.ppf(0.5 + level / 2))


def _conditional(a: int, n1: int, c: int, n2: int) -> tuple[float, float, float]:
    interval = twobytwo.odds_ratio_conditional(a, n1, c, n2)
    return interval.estimate, interval.lower, interval.upper


def test_conditional_odds_ratio_matches_r_fisher_test(reference):
    # R finds the MLE and limits with uniroot's default tolerance (eps^0.25, about 1e-4 on
    # its own scale), so its values carry only two to four correct digits (0.006413 for
    # 0.006400 below); scipy and the closed form (below) agree to 1e-6 and better.
    for row in reference.itertuples(index=False):
        got = _conditional(int(row.a), int(row.n1), int(row.c), int(row.n2))
        expected = (row.cmle, row.fisher_low, row.fisher_high)
        if row.a + row.c in (0, row.n1 + row.n2):
            # One possible table: R prints 0 as the estimate; here it is undefined (NaN).
            assert math.isnan(got[0]) and got[1:] == expected[1:], row
            continue
        np.testing.assert_allclose(got, expected, rtol=5e-3, err_msg=str(row))


def test_conditional_limits_of_a_small_table_match_the_closed_form():
    # 1/2 vs 1/2: X in {0, 1, 2} with weights 1, 4, 1, so P(X >= 1) = (4 psi + psi^2) /
    # (1 + 4 psi + psi^2); the lower limit solves 0.975 psi^2 + 3.9 psi - 0.025 = 0 and the
    # upper limit is its reciprocal (the table is symmetric).
    lower = (-3.9 + math.sqrt(3.9**2 + 4 * 0.975 * 0.025)) / (2 * 0.975)
    estimate, low, high = _conditional(1, 2, 1, 2)
    assert estimate == pytest.approx(1.0, rel=1e-9)
    assert low == pytest.approx(lower, rel=1e-9)
    assert high == pytest.approx(1 / lower, rel=1e-9)


def test_conditional_odds_ratio_matches_scipy_on_random_tables():
    for a, n1, c, n2 in [(3, 6, 3, 6), (18, 105, 30, 107), *_random_tables(3, 60)]:
        result = stats.contingency.odds_ratio([[a, n1 - a], [c, n2 - c]], kind="conditional")
        ci = result.confidence_interval(0.95)
        got = _conditional(a, n1, c, n2)
        np.testing.assert_allclose(got, (result.statistic, ci.low, ci.high), rtol=1e-6)


def test_fisher_many_matches_r_fisher_test(reference):
    """The batched Fisher test the fragility walks use, row by row against R's fisher.test."""
    for n1, n2 in reference[["n1", "n2"]].drop_duplicates().itertuples(index=False):
        rows = reference[(reference["n1"] == n1) & (reference["n2"] == n2)]
        got = twobytwo.fisher_p_many(rows["a"].to_numpy(), int(n1), rows["c"].to_numpy(), int(n2))
        np.testing.assert_allclose(got, rows["fisher"], rtol=1e-9)


def _walks(rng, count: int):
    """Random fragility-style walks: one arm's events moved one at a time (supports that start
    at 0 and then move, arms past the 4,096 patients of the first log k! table)."""
    for i in range(count):
        n1, n2 = (int(v) for v in rng.integers(1, (60, 400, 9000)[i % 3], 2))
        a, c = int(rng.integers(0, n1 + 1)), int(rng.integers(0, n2 + 1))
        arm, step = int(rng.integers(1, 3)), int(rng.choice([-1, 1]))
        events, size = (a, n1) if arm == 1 else (c, n2)
        moved = events + step * np.arange(1, int(rng.integers(1, 300)) + 1)
        moved = moved[(moved >= 0) & (moved <= size)]
        if len(moved):
            other = np.full_like(moved, c if arm == 1 else a)
            yield (moved, n1, other, n2) if arm == 1 else (other, n1, moved, n2)


def test_walks_and_scattered_tables_agree_with_scalars():
    """fisher_p_many lays out rows moving by constant steps as views of one table: on walks,
    on scattered tables (one row per run) and on a mix, it gives fisher_p of every row."""
    rng = np.random.default_rng(7)
    cases = list(_walks(rng, 150))
    for _ in range(30):
        n1, n2 = (int(v) for v in rng.integers(1, 500, 2))
        a, c = rng.integers(0, n1 + 1, 40), rng.integers(0, n2 + 1, 40)
        cases.append((a, n1, c, n2))
    for a, n1, c, n2 in cases:
        together = twobytwo.fisher_p_many(a, n1, c, n2)
        one_by_one = [twobytwo.fisher_p(int(x), n1, int(y), n2) for x, y in zip(a, c, strict=True)]
        np.testing.assert_allclose(together, one_by_one, rtol=1e-13, atol=1e-300)


def test_chi_square_of_arrays_is_the_statistic_of_each_table():
    """chi_square takes arrays (the fragility walks' first batch): row by row it is scipy's
    chi2_contingency statistic, with and without Yates' correction, NaN for empty margins."""
    rng = np.random.default_rng(5)
    n1, n2 = 40, 55
    a = np.concatenate(([0, 40, 0], rng.integers(0, n1 + 1, 50)))
    c = np.concatenate(([0, 55, 20], rng.integers(0, n2 + 1, 50)))
    for yates in (False, True):
        together = twobytwo.chi_square(a, n1, c, n2, yates=yates)
        assert np.isnan(together[:2]).all()
        expected = [
            stats.chi2_contingency([[x, n1 - x], [y, n2 - y]], correction=yates).statistic
            for x, y in zip(a[2:], c[2:], strict=True)
        ]
        np.testing.assert_allclose(together[2:], expected, rtol=1e-9, atol=1e-12)
