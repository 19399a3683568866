"""Confidence intervals of one proportion x/n, by each method a report may have used.

Clopper-Pearson (exact), Wilson score, Wald, Agresti-Coull and Jeffreys are statsmodels'
``proportion_confint`` (methods "beta", "wilson", "normal", "agresti_coull", "jeffreys"); the
Wilson interval with continuity correction, R's default ``prop.test(x, n)`` interval, is not in
statsmodels and is written out here from R's formula. Tests hold all of them to R
(tests/fixtures/proportion_ci_reference.R).
"""

from __future__ import annotations

import math
from functools import lru_cache

from statsmodels.stats.proportion import proportion_confint

from . import pvalues

_STATSMODELS = {
    "Clopper-Pearson exact": "beta",
    "Wilson score": "wilson",
    "Wald": "normal",
    "Agresti-Coull": "agresti_coull",
    "Jeffreys": "jeffreys",
}
WILSON_CORRECTED = "Wilson score, continuity-corrected"


def wilson_corrected(x: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Return R's prop.test(x, n, correct = TRUE)$conf.int: the Wilson interval of x/n with
    Yates' correction (Newcombe, Stat Med 1998;17:857, method 4), the correction being
    min(0.5, |x - n/2|) as R takes it against its default null of 1/2."""
    z = pvalues.normal_quantile(level)
    share = x / n
    correction = min(0.5, abs(x - n / 2)) / n
    half = z * z / (2 * n)

    def limit(centre: float, sign: int) -> float:
        spread = z * math.sqrt(centre * (1 - centre) / n + half / (2 * n))
        return (centre + half + sign * spread) / (1 + 2 * half)

    high = share + correction
    low = share - correction
    return (0.0 if low <= 0 else limit(low, -1)), (1.0 if high >= 1 else limit(high, 1))


@lru_cache(maxsize=65536)
def intervals(x: int, n: int, level: float = 0.95) -> dict[str, tuple[float, float]]:
    """Return {method: (lower, upper)} of x/n at ``level``, as proportions; {} when x is not a
    count out of n."""
    if n <= 0 or not 0 <= x <= n:
        return {}
    found = {
        name: tuple(float(v) for v in proportion_confint(x, n, alpha=1 - level, method=method))
        for name, method in _STATSMODELS.items()
    }
    found[WILSON_CORRECTED] = wilson_corrected(x, n, level)
    return found
