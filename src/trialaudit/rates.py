"""Rate ratios of two arms' events over person-time, and their confidence intervals."""

from __future__ import annotations

import math

from scipy import stats
from statsmodels.stats.rates import confint_poisson_2indep


def rate_ratio_candidates(
    events_1: int, time_1: float, events_2: int, time_2: float, level: float
) -> dict[str, tuple[float, float, float]]:
    """Return {method: (rate ratio, lower, upper)} of arm 1 against arm 2.

    Exact conditional: the Clopper-Pearson interval of events_1 / (events_1 + events_2),
    mapped to the ratio (R's ``poisson.test(c(x1, x2), c(t1, t2))``). Wald on the log scale,
    variance 1/x1 + 1/x2 (epitools' ``rateratio.wald``). No interval when an arm has no events.
    """
    if min(events_1, events_2) <= 0 or min(time_1, time_2) <= 0:
        return {}
    ratio = (events_1 / time_1) / (events_2 / time_2)
    exact = exact_conditional_interval(events_1, time_1, events_2, time_2, level)
    wald = confint_poisson_2indep(
        events_1, time_1, events_2, time_2, method="wald-log", compare="ratio", alpha=1 - level
    )
    return {
        "exact conditional (Poisson) CI": (ratio, *exact),
        "Wald CI (log scale)": (ratio, float(wald[0]), float(wald[1])),
    }


def exact_conditional_interval(
    events_1: int, time_1: float, events_2: int, time_2: float, level: float
) -> tuple[float, float]:
    """Return the exact conditional CI of the ratio (events_1 / time_1) / (events_2 / time_2):
    given the total events, arm 1's share is binomial; its Clopper-Pearson interval is mapped
    to the ratio (R's ``poisson.test(c(x1, x2), c(t1, t2))``). Arm 1 may have no events (the
    lower limit is then 0); arm 2 needs one."""
    p_low, p_high = stats.binomtest(events_1, events_1 + events_2).proportion_ci(level, "exact")
    scale = time_2 / time_1
    return p_low / (1 - p_low) * scale, p_high / (1 - p_high) * scale if p_high < 1 else math.inf
