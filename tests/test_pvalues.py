"""The array p-value helpers against R (fixture made by tests/fixtures/pvalues_2x2.R) and scipy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from trialaudit import pvalues

FIXTURE = Path(__file__).parent / "fixtures" / "pvalues_2x2.csv"


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    return pd.read_csv(FIXTURE)


def test_fisher_matches_r_fisher_test(reference):
    got = pvalues.fisher_p(reference["a"], reference["n1"], reference["c"], reference["n2"])
    np.testing.assert_allclose(got, reference["fisher"], rtol=1e-9)


@pytest.mark.parametrize(("yates", "column"), [(False, "pearson"), (True, "yates")])
def test_pearson_matches_r_chisq_test(reference, yates, column):
    got = pvalues.pearson_p(
        reference["a"], reference["n1"], reference["c"], reference["n2"], yates=yates
    )
    expected = reference[column].to_numpy(dtype=float)
    assert np.array_equal(np.isnan(got), np.isnan(expected))
    ok = ~np.isnan(expected)
    np.testing.assert_allclose(got[ok], expected[ok], rtol=1e-9)


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
        assert pvalues.fisher_p(a, n1, c, n2) == pytest.approx(expected, rel=1e-8, abs=1e-300)


def test_pearson_matches_scipy_on_random_tables():
    tables = [t for t in _random_tables(2, 300) if 0 < t[0] + t[2] < t[1] + t[3]]
    a, n1, c, n2 = (np.array(v) for v in zip(*tables, strict=True))
    for yates in (False, True):
        got = pvalues.pearson_p(a, n1, c, n2, yates=yates)
        expected = [
            stats.chi2_contingency([[x, m - x], [y, k - y]], correction=yates).pvalue
            for x, m, y, k in tables
        ]
        np.testing.assert_allclose(got, expected, rtol=1e-9)


def test_arrays_and_scalars_agree():
    a, n1, c, n2 = np.array([18, 0, 5]), np.array([105, 8, 10]), np.array([30, 8, 5]), 107
    together = pvalues.fisher_p(a, n1, c, n2)
    one_by_one = [
        pvalues.fisher_p(int(x), int(m), int(y), 107) for x, m, y in zip(a, n1, c, strict=True)
    ]
    assert together.tolist() == one_by_one


def test_normal_helpers_match_scipy():
    z = np.array([-3.1, -1.96, 0.0, 0.5, 2.58])
    np.testing.assert_allclose(pvalues.normal_two_sided(z), 2 * stats.norm.sf(np.abs(z)))
    for level in (0.9, 0.95, 0.99):
        assert pvalues.normal_quantile(level) == pytest.approx(stats.norm.ppf(0.5 + level / 2))
