"""Numbers needed to treat (or harm) from 2x2 counts or from a printed risk difference.

NNT = 1 / |risk difference| (Laupacis, Sackett & Roberts 1988, N Engl J Med 318:1728). Its
confidence interval is the reciprocal of the risk difference's; when that interval includes 0
the NNT's is not one interval but runs from NNT(benefit) through infinity to NNT(harm) (Altman
1998, BMJ 317:1309). Reports print the NNT exactly, to the nearest whole patient, or rounded up
to the next one (Cook & Sackett 1995, BMJ 310:452).
"""

from __future__ import annotations

import math

from . import twobytwo

EXACT = "1 / |risk difference|"
ROUNDED_UP = "1 / |risk difference|, rounded up"
# below this a float's distance from a whole number is taken as rounding error, not a fraction
_WHOLE = 1e-9


def rounded_up(value: float) -> float:
    """Return ``value`` rounded up to a whole patient (a float 5.000000000001 stays 5)."""
    return float(math.ceil(value - _WHOLE))


def of_difference(difference: float) -> float:
    """Return the NNT of a risk difference (a proportion, not percentage points)."""
    return math.inf if difference == 0 else 1.0 / abs(difference)


def estimates(difference: float) -> dict[str, float]:
    """Return the NNT a risk difference gives, exact and rounded up, by convention."""
    exact = of_difference(difference)
    return {EXACT: exact, ROUNDED_UP: rounded_up(exact) if math.isfinite(exact) else exact}


def interval(low: float, high: float) -> tuple[float, float] | None:
    """Return the NNT interval of a risk-difference interval, or None when that includes 0
    (then the NNT's interval is two pieces through infinity, Altman 1998)."""
    if low <= 0 <= high:
        return None
    return tuple(sorted((of_difference(low), of_difference(high))))


def intervals(
    a: int, n1: int, c: int, n2: int, level: float
) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Return the NNT intervals of a 2x2 table ({method: (lower, upper)}, exact and rounded
    up) from the Wald, Newcombe and Miettinen-Nurminen risk-difference intervals, and the
    methods whose risk-difference interval includes 0 (and so give no single NNT interval)."""
    differences = {
        "Wald": twobytwo.risk_difference_wald(a, n1, c, n2, level)[1:],
        "Newcombe hybrid score": twobytwo.newcombe_interval(a, n1, c, n2, level),
        "Miettinen-Nurminen score": twobytwo.risk_difference_score(a, n1, c, n2, level),
    }
    found: dict[str, tuple[float, float]] = {}
    through_infinity: list[str] = []
    for method, (low, high) in differences.items():
        limits = interval(float(low), float(high))
        if limits is None:
            through_infinity.append(method)
            continue
        found[f"{EXACT}, {method} CI"] = limits
        found[f"{ROUNDED_UP}, {method} CI"] = (rounded_up(limits[0]), rounded_up(limits[1]))
    return found, through_infinity
