"""What a confidence interval implies on its own: the estimate at its centre and the p-value.

Ratio CIs built on the log scale are symmetric there, so the estimate is the geometric mean of
the limits; the p-value follows from the estimate and the SE implied by the CI width
(Altman & Bland, BMJ 2011;343:d2304). Each function takes intervals of reported values
(rounding intervals) and returns the range of what they imply.
"""

from __future__ import annotations

import math

from . import pvalues

Range = tuple[float, float]


def ratio_midpoint(lower: Range, upper: Range) -> Range:
    """Return the range of geometric means sqrt(L*U) over the rounding intervals of L and U."""
    lo = math.sqrt(max(lower[0], 0.0) * max(upper[0], 0.0))
    hi = math.sqrt(max(lower[1], 0.0) * max(upper[1], 0.0))
    return lo, hi


def difference_midpoint(lower: Range, upper: Range) -> Range:
    """Return the range of arithmetic midpoints (L+U)/2 over the rounding intervals."""
    return (lower[0] + upper[0]) / 2, (lower[1] + upper[1]) / 2


def _p_from_z(z: float) -> float:
    return float(pvalues.normal_two_sided(z))


def p_from_ci(estimate: Range, lower: Range, upper: Range, level: float, log_scale: bool) -> Range:
    """Return the range of two-sided p-values implied by an estimate and its CI.

    SE = (U - L) / (2 z) on the analysis scale (log for ratios), z = estimate / SE, and
    p = 2 * (1 - Phi(|z|)). The range runs over all values inside the rounding intervals.
    """
    transform = math.log if log_scale else (lambda v: v)
    if log_scale and min(estimate[0], lower[0], upper[0]) <= 0:
        lower = (max(lower[0], 1e-12), lower[1])
        estimate = (max(estimate[0], 1e-12), estimate[1])
    z_crit = pvalues.normal_quantile(level)
    est_lo, est_hi = transform(estimate[0]), transform(estimate[1])
    width_min = transform(upper[0]) - transform(lower[1])
    width_max = transform(upper[1]) - transform(lower[0])
    if width_max <= 0:
        return (math.nan, math.nan)
    se_min, se_max = max(width_min, 1e-12) / (2 * z_crit), width_max / (2 * z_crit)
    return p_from_se((est_lo, est_hi), (se_min, se_max))


def statistic_range(estimate: Range, se: Range) -> Range:
    """Return the smallest and largest |estimate| / SE over the rounding intervals of both (0
    when the estimate's interval holds 0)."""
    far = max(abs(estimate[0]), abs(estimate[1]))
    near = 0.0 if estimate[0] <= 0 <= estimate[1] else min(abs(estimate[0]), abs(estimate[1]))
    return near / se[1], far / max(se[0], 1e-12)


def half_width_in_ses(low: Range, high: Range, se: Range) -> Range:
    """Return the smallest and largest half-width of an interval, in SEs, over the rounding
    intervals of its limits and of the SE (a Wald CI is estimate +/- z SE)."""
    return max(high[0] - low[1], 0.0) / 2 / se[1], (high[1] - low[0]) / 2 / max(se[0], 1e-12)


def p_from_se(estimate: Range, se: Range, p_of_statistic=None) -> Range:
    """Return the range of two-sided p-values of estimate / SE over the rounding intervals:
    a Wald z test (Altman & Bland 2011), or the test ``p_of_statistic`` gives (|statistic| to
    two-sided p), such as a t test on stated df."""
    p_of = p_of_statistic or _p_from_z
    smallest, largest = statistic_range(estimate, se)
    return p_of(largest), p_of(smallest)
