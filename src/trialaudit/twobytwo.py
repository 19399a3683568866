"""Effect measures of a 2x2 table (events a of n1 vs c of n2) with Wald confidence intervals.

Formulas: Rothman, Greenland & Lash, Modern Epidemiology (3rd ed.), ch. 14; the zero-cell
correction adds ``correction`` to every cell when any cell is zero, as metafor's
``escalc(..., add = 1/2, to = "only0")``. All functions accept scalars or numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import pvalues


@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence limits and the method that produced them."""

    estimate: float
    lower: float
    upper: float
    method: str


def z_value(level: float) -> float:
    """Return the standard normal quantile for a two-sided ``level`` interval (1.96 for 0.95)."""
    return pvalues.normal_quantile(level)


def _cells(a, n1, c, n2, correction: float):
    a, n1, c, n2 = (np.asarray(v, dtype=float) for v in (a, n1, c, n2))
    b, d = n1 - a, n2 - c
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    add = np.where(zero, correction, 0.0)
    return a + add, b + add, c + add, d + add


def odds_ratio_wald(a, n1, c, n2, level: float = 0.95, correction: float = 0.5):
    """Return (OR, lower, upper): sample odds ratio with the Woolf (log-scale Wald) interval."""
    a, b, c, d = _cells(a, n1, c, n2, correction)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_or = np.log(a * d / (b * c))
        se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    z = z_value(level)
    return np.exp(log_or), np.exp(log_or - z * se), np.exp(log_or + z * se)


def risk_ratio_wald(a, n1, c, n2, level: float = 0.95, correction: float = 0.5):
    """Return (RR, lower, upper): risk ratio with the Katz log-scale Wald interval."""
    a, b, c, d = _cells(a, n1, c, n2, correction)
    m1, m2 = a + b, c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        log_rr = np.log((a / m1) / (c / m2))
        se = np.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2)
    z = z_value(level)
    return np.exp(log_rr), np.exp(log_rr - z * se), np.exp(log_rr + z * se)


def risk_difference_wald(a, n1, c, n2, level: float = 0.95):
    """Return (RD, lower, upper): difference of proportions with the Wald interval."""
    a, n1, c, n2 = (np.asarray(v, dtype=float) for v in (a, n1, c, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = a / n1, c / n2
        se = np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    z = z_value(level)
    rd = p1 - p2
    return rd, rd - z * se, rd + z * se


def p_values(a: int, n1: int, c: int, n2: int) -> dict[str, float]:
    """Return two-sided p-values of the standard tests of a 2x2 table (see pvalues.py, tested
    against R and scipy): Fisher's exact test, Pearson's chi-square without and with Yates'
    correction (the chi-square tests only when no row or column total is zero)."""
    result = {"Fisher exact": float(pvalues.fisher_p(a, n1, c, n2))}
    if min(n1, n2) > 0 and 0 < a + c < n1 + n2:
        for yates, name in ((False, "Pearson chi-square"), (True, "Pearson chi-square, Yates")):
            result[name] = float(pvalues.pearson_p(a, n1, c, n2, yates=yates))
    return result
