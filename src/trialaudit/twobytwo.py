"""Effect measures, confidence intervals and p-values of a 2x2 table (events a of n1 vs c of n2).

Wald formulas: Rothman, Greenland & Lash, Modern Epidemiology (3rd ed.), ch. 14; the zero-cell
correction adds ``correction`` to every cell when any cell is zero, as metafor's
``escalc(..., add = 1/2, to = "only0")``. The exact methods (Fisher's p, the conditional MLE
with Fisher's CI, the median-unbiased estimate with the mid-p CI, the mid-p test; Rothman et al.
ch. 14, as R's fisher.test and epitools' oddsratio.midp / ormidp.test) are computed here from the
noncentral hypergeometric distribution, because scipy's versions take seconds on large trials;
tests hold them to R and scipy. Newcombe's interval is statsmodels' arithmetic without its
argument handling (tests hold it to statsmodels); the RR score intervals are solved here
(statsmodels' misbehave when a proportion is 1). Every function returns NaN, never raises, for
degenerate tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import optimize, special, stats

from . import pvalues

MEASURES = ("OR", "RR", "RD")


@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence limits and the method that produced them."""

    estimate: float
    lower: float
    upper: float
    method: str


def z_value(level: float) -> float:
    """Return the standard normal quantile for a two-sided ``level`` interval (1.96 for 0.95)."""
    return pvalues.normal_quantile(level)  # scipy's ndtri, cached per level


def valid_table(a, n1, c, n2) -> str:
    """Return why (a of n1, c of n2) is not a 2x2 table, or "" when it is one."""
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (a, n1, c, n2)):
        return "a count is missing"
    if min(a, n1, c, n2) < 0:
        return "a negative count"
    if n1 == 0 or n2 == 0:
        return "an arm of size zero"
    if a > n1 or c > n2:
        return "more events than patients in an arm"
    return ""


def has_zero_cell(a: int, n1: int, c: int, n2: int) -> bool:
    """Return True if any of the four cells a, n1-a, c, n2-c is zero."""
    return 0 in (a, n1 - a, c, n2 - c)


def _cells(a, n1, c, n2, correction: float):
    a, n1, c, n2 = (np.asarray(v, dtype=float) for v in (a, n1, c, n2))
    b, d = n1 - a, n2 - c
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    add = np.where(zero, correction, 0.0)
    return a + add, b + add, c + add, d + add


def _log_odds_ratio(a, b, c, d):
    """Return the log odds ratio of cells a, b (arm 1) and c, d (arm 2) and Woolf's SE."""
    return np.log(a * d / (b * c)), np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)


def _log_risk_ratio(a, b, c, d):
    """Return the log risk ratio of cells a, b and c, d and Katz's SE."""
    m1, m2 = a + b, c + d
    return np.log((a / m1) / (c / m2)), np.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2)


def _risk_difference(a, n1, c, n2):
    """Return the difference of proportions a / n1 - c / n2 and its unpooled SE."""
    p1, p2 = a / n1, c / n2
    return p1 - p2, np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)


def odds_ratio_wald(a, n1, c, n2, level: float = 0.95, correction: float = 0.5):
    """Return (OR, lower, upper): sample odds ratio with the Woolf (log-scale Wald) interval."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_or, se = _log_odds_ratio(*_cells(a, n1, c, n2, correction))
        z = z_value(level)
        return np.exp(log_or), np.exp(log_or - z * se), np.exp(log_or + z * se)


def risk_ratio_wald(a, n1, c, n2, level: float = 0.95, correction: float = 0.5):
    """Return (RR, lower, upper): risk ratio with the Katz log-scale Wald interval."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_rr, se = _log_risk_ratio(*_cells(a, n1, c, n2, correction))
        z = z_value(level)
        return np.exp(log_rr), np.exp(log_rr - z * se), np.exp(log_rr + z * se)


def risk_difference_wald(a, n1, c, n2, level: float = 0.95):
    """Return (RD, lower, upper): difference of proportions with the Wald interval."""
    a, n1, c, n2 = (np.asarray(v, dtype=float) for v in (a, n1, c, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        rd, se = _risk_difference(a, n1, c, n2)
        z = z_value(level)
        return rd, rd - z * se, rd + z * se


# --- the conditional (noncentral hypergeometric) distribution of a given the margins ---------


_LOG_FACTORIALS = special.gammaln(np.arange(1.0, 4098.0))  # log k! for k = 0..4096, grown below
_TABLE_LIMIT = 1 << 24  # beyond 16.7 million patients log k! is computed, not looked up


def _log_factorials(k: np.ndarray | int) -> np.ndarray:
    """Return log k! (looked up in a table grown by doubling: ~2x faster than gammaln)."""
    global _LOG_FACTORIALS
    top = k if isinstance(k, int) else int(k.max())
    if top >= _TABLE_LIMIT:
        return special.gammaln(np.asarray(k, dtype=float) + 1)
    if top >= len(_LOG_FACTORIALS):
        size = len(_LOG_FACTORIALS)
        while size <= top:
            size *= 2
        _LOG_FACTORIALS = special.gammaln(np.arange(1.0, size + 1.0))
    return _LOG_FACTORIALS[k]


@lru_cache(maxsize=128)  # arrays as long as the smaller margin: keep few of them
def _support(a: int, n1: int, c: int, n2: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (x, log weights) of a's conditional distribution given the margins at OR = 1."""
    m1 = a + c
    x = np.arange(max(0, m1 - n2), min(n1, m1) + 1)
    lf = _log_factorials
    logw = (lf(n1) + lf(n2)) - lf(x) - lf(n1 - x) - lf(m1 - x) - lf(n2 - m1 + x)
    return x, logw


LOG_OR_RANGE = (-60.0, 60.0)  # odds ratios from 1e-26 to 1e26


def _distribution(a: int, n1: int, c: int, n2: int, log_or: float):
    """Return (x, p, k): the support, its probabilities at odds ratio exp(log_or) and the
    index of a in x (x is consecutive)."""
    x, logw = _support(a, n1, c, n2)
    logp = logw + x * log_or
    # Normalized in place of special.logsumexp, whose argument handling took 85% of the check
    # stage; the same max-shifted sum.
    p = np.exp(logp - logp.max())
    p /= p.sum()
    return x, p, int(a - x[0])


def _tails(a: int, n1: int, c: int, n2: int, log_or: float) -> tuple[float, float, float]:
    """Return (P(X < a), P(X = a), P(X > a)) at odds ratio exp(log_or)."""
    _x, p, k = _distribution(a, n1, c, n2, log_or)
    at = float(p[k]) if 0 <= k < len(p) else 0.0
    return float(p[: max(k, 0)].sum()), at, float(p[max(k + 1, 0) :].sum())


def _expectations(x, logw, g: np.ndarray, log_or: list[float]) -> tuple[list, list]:
    """Return E[g_i(X)] at exp(log_or[i]) for each row g_i of ``g`` and its derivative in log
    OR, Cov(g_i(X), X) (the conditional law is an exponential family in log OR with sufficient
    statistic X): all rows by one array operation each (np.vecdot takes the same dot product
    per row as ``@`` of one row: the same bits)."""
    if len(g) == 1:  # the last root still stepping: the same sums on 1-D arrays, cheaper
        logp = logw + x * log_or[0]
        p = np.exp(logp - logp.max())
        p /= p.sum()
        mean = float(x @ p)
        return [float(g[0] @ p)], [float((g[0] * (x - mean)) @ p)]
    logp = logw + x * np.array(log_or)[:, None]
    # Normalized in place of special.logsumexp, whose argument handling took 85% of the check
    # stage; the same max-shifted sum.
    p = np.exp(logp - logp.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    mean = np.vecdot(x, p)
    return np.vecdot(g, p).tolist(), np.vecdot(g * (x - mean[:, None]), p).tolist()


def _rtsafe_step(t: float, f: float, slope: float, lo: float, hi: float, rising: bool):
    """Return (lo, hi, next t, found) after one step of Newton's method kept inside a bracket
    (Press et al., Numerical Recipes, 3rd ed., section 9.4, rtsafe): the bracket narrowed by the
    sign of f at t (f increasing through the root where ``rising``), a Newton step, or a
    bisection when the step leaves the bracket, and whether the step was below 1e-12 relative
    (a converged Newton step is tested first: it may land on the end just set)."""
    if (f < 0) == rising:
        lo = t
    else:
        hi = t
    tolerance = 1e-12 * max(1.0, abs(t))
    nxt = t - f / slope if slope and math.isfinite(slope) else math.nan
    if abs(nxt - t) <= tolerance:
        return lo, hi, nxt, True
    if not (lo < nxt < hi):
        nxt = 0.5 * (lo + hi)
    return lo, hi, nxt, abs(nxt - t) <= tolerance


def _solve_expectations(x, logw, g: np.ndarray, targets, starts, rising) -> list[float]:
    """Return for each row i the log OR in [-60, 60] at which E[g_i(X)] = targets[i]
    (increasing in log OR where ``rising[i]``, else decreasing), NaN where there is none.

    Newton steps with the exact derivative, kept inside a bracket that shrinks with every
    evaluation and bisected when a step leaves it (Press et al., Numerical Recipes, 3rd ed.,
    section 9.4, rtsafe): about 6 evaluations per root where Brent's method took ~19. The roots
    step together, each step evaluating all their distributions at once."""
    low, high = LOG_OR_RANGE
    n = len(g)
    lo, hi = [low] * n, [high] * n
    t = [min(max(s, low), high) for s in starts]
    active, exact = list(range(n)), set()
    for _ in range(200):
        if not active:
            break
        rows = g if len(active) == n else g[active]
        values, slopes = _expectations(x, logw, rows, [t[i] for i in active])
        still = []
        for i, value, slope in zip(active, values, slopes, strict=True):
            f = value - targets[i]
            if f == 0:
                exact.add(i)
                continue
            lo[i], hi[i], t[i], done = _rtsafe_step(t[i], f, slope, lo[i], hi[i], rising[i])
            if not done:
                still.append(i)
        active = still
    # Converged onto an end of the range: the root is there only if the sign changes there.
    for i in set(range(n)) - exact:
        for end, below in ((low, True), (high, False)):
            if abs(t[i] - end) <= 1e-9:
                f_end = _expectations(x, logw, g[i : i + 1], [end])[0][0] - targets[i]
                if f_end != 0 and (f_end < 0) == (rising[i] != below):
                    t[i] = math.nan
    return t


def _woolf(a: int, n1: int, c: int, n2: int) -> tuple[float, float]:
    """Return the Woolf estimate of log OR (0.5 added to every cell) and its SE: Newton's
    method starts z SEs from it, near the exact limit."""
    cells = (a + 0.5, n1 - a + 0.5, c + 0.5, n2 - c + 0.5)
    log_or = math.log(cells[0] * cells[3] / (cells[1] * cells[2]))
    return log_or, math.sqrt(sum(1 / v for v in cells))


FISHER_METHOD = "conditional MLE OR, Fisher CI"
MIDP_METHOD = "median-unbiased OR, mid-p exact CI"


@lru_cache(maxsize=65536)
def _exact_ors(a: int, n1: int, c: int, n2: int, level: float) -> tuple[Interval, Interval]:
    """Return the exact conditional OR intervals of one table, Fisher's and the mid-p, with
    their six roots solved together. Each lower limit solves P(X > a) + w P(X = a) = (1 -
    level)/2, each upper P(X < a) + w P(X = a) = (1 - level)/2 (w = 1: Fisher; w = 1/2: mid-p);
    the estimates solve E[X] = a (conditional MLE) and P(X > a) + P(X = a)/2 = 1/2
    (median-unbiased); a at the edge of its support gives 0 or infinity."""
    x, logw = _support(a, n1, c, n2)
    if len(x) == 1:
        return tuple(Interval(math.nan, 0.0, math.inf, m) for m in (FISHER_METHOD, MIDP_METHOD))
    tail, z = (1 - level) / 2, pvalues.normal_quantile(level)
    at_min, at_max = a == x[0], a == x[-1]
    xf = x.astype(float)
    above, below, at = (x > a).astype(float), (x < a).astype(float), x == a
    # (g, target, start, rising) of every root: lower limits, upper limits, estimates
    roots = {}
    if not at_min:
        roots["fisher low"] = (np.where(at, 1.0, above), tail, -z, True)
        roots["midp low"] = (np.where(at, 0.5, above), tail, -z, True)
    if not at_max:
        roots["fisher high"] = (np.where(at, 1.0, below), tail, z, False)
        roots["midp high"] = (np.where(at, 0.5, below), tail, z, False)
    if not (at_min or at_max):
        roots["fisher estimate"] = (xf, float(a), 0.0, True)
        roots["midp estimate"] = (np.where(at, 0.5, above), 0.5, 0.0, True)
    g, target, shift, rising = zip(*roots.values(), strict=True)
    log_or, se = _woolf(a, n1, c, n2)
    start = [log_or + s * se for s in shift]
    solved = _solve_expectations(xf, logw, np.stack(g), target, start, rising)
    found = dict(zip(roots, map(math.exp, solved), strict=True))
    edge = 0.0 if at_min else math.inf
    fisher, midp = (
        Interval(found.get(f"{name} estimate", edge), found.get(f"{name} low", 0.0),
                 found.get(f"{name} high", math.inf), method)
        for name, method in (("fisher", FISHER_METHOD), ("midp", MIDP_METHOD))
    )  # fmt: skip
    return fisher, midp


def odds_ratio_midp(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Interval:
    """Return the median-unbiased OR with its mid-p exact CI (Rothman et al., ch. 14).

    The lower limit solves P(X > a) + P(X = a)/2 = (1 - level)/2, the upper limit
    P(X < a) + P(X = a)/2 = (1 - level)/2; a at the edge of its support gives 0 or infinity.
    """
    return _exact_ors(a, n1, c, n2, level)[1]


def odds_ratio_conditional(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Interval:
    """Return the conditional MLE of the OR with Fisher's exact CI, as R's fisher.test: the
    estimate solves E[X] = a, the limits P(X >= a) = (1 - level)/2 and P(X <= a) = (1 - level)/2.
    (scipy's odds_ratio does the same but takes 0.9 s at 5,000 patients per arm.)"""
    return _exact_ors(a, n1, c, n2, level)[0]


def _newton_in_bracket(fn, lo: float, hi: float, f_lo: float, start: float) -> float:
    """Return the root of ``fn`` (t -> (value, slope)) in [lo, hi], whose ends have opposite
    signs (``f_lo`` at lo), by _rtsafe_step from ``start``."""
    rising = f_lo < 0
    t = start if lo < start < hi else 0.5 * (lo + hi)
    for _ in range(400):
        f, slope = fn(t)
        if f == 0:
            return t
        lo, hi, t, found = _rtsafe_step(t, f, slope, lo, hi, rising)
        if found:
            return t
    return t


@lru_cache(maxsize=65536)
def risk_ratio_score(
    x1: int, n1: int, x2: int, n2: int, level: float = 0.95, mn: bool = False
) -> tuple[float, float]:
    """Return the score CI of the risk ratio: Koopman (1984), or Miettinen & Nurminen (1985)
    with the variance multiplied by N/(N-1) when ``mn``. The restricted MLE of p2 under
    p1 = theta p2 is the smaller root of N theta p^2 - (n1 theta + x1 + n2 + x2 theta) p + x1 + x2.
    Each limit is where the score statistic equals the chi-square(1) quantile, found by Newton
    steps in log theta with the statistic's exact derivative (about 6 evaluations per limit
    where brentq took 24), starting from the Katz limit.
    (statsmodels' score interval misbehaves when a proportion is 1, so it is not used here.)"""
    if x1 == 0 and x2 == 0:
        return math.nan, math.nan
    big_n = n1 + n2
    lam = big_n / (big_n - 1) if mn else 1.0
    z = pvalues.normal_quantile(level)
    crit = z * z  # chi2(1) quantile = squared normal quantile
    est = (x1 / n1) / (x2 / n2) if x2 else math.inf
    mid = math.log(min(max(est, 1e-8), 1e8))
    qc, rate1, rate2 = x1 + x2, x1 / n1, x2 / n2
    # floats once (the same values: each int below is converted before every operation)
    f1, f2, g1, g2, big = float(n1), float(n2), float(x1), float(x2), float(big_n)

    def excess(log_theta: float) -> tuple[float, float]:
        """Return the score statistic at theta = exp(log_theta) minus its critical value, and
        its derivative in log theta (dp2/dtheta by implicit differentiation of the quadratic,
        whose 2 N theta p2 - (...) is minus the root of its discriminant)."""
        theta = math.exp(log_theta)
        qa, qb = big * theta, -(f1 * theta + g1 + f2 + g2 * theta)
        disc = qb * qb - 4.0 * qa * qc
        root = math.sqrt(0.0 if disc < 0.0 else disc)
        p2 = (-qb - root) / (2.0 * qa)
        p1 = theta * p2
        variance = (p1 * (1.0 - p1) / f1 + theta**2 * p2 * (1.0 - p2) / f2) * lam
        gap = rate1 - theta * g2 / f2
        if variance <= 0:
            return (math.inf if gap else -crit), math.nan
        if root == 0.0:
            return gap * gap / variance - crit, math.nan
        dp2 = (big * p2 * p2 - (f1 + g2) * p2) / root
        dp1 = p2 + theta * dp2
        dvariance = lam * (
            (1.0 - 2.0 * p1) * dp1 / f1
            + (2.0 * theta * p2 * (1.0 - p2) + theta**2 * (1.0 - 2.0 * p2) * dp2) / f2
        )
        slope = -2.0 * gap * rate2 / variance - gap * gap * dvariance / variance**2
        return gap * gap / variance - crit, theta * slope

    low_end, high_end = math.log(1e-10), math.log(1e10)
    f_low_end, f_mid, f_high_end = (excess(t)[0] for t in (low_end, mid, high_end))

    def limit(lo: float, f_lo: float, hi: float, f_hi: float, start: float) -> float:
        if not (math.isfinite(f_lo) and math.isfinite(f_hi)) or f_lo * f_hi > 0:
            return math.nan
        return _newton_in_bracket(excess, lo, hi, f_lo, start)

    # Start z Katz standard errors of log RR (0.5 for an empty count) from the estimate, and
    # never within 0.001 of it: there the discriminant cancels to rounding noise and the
    # statistic (truly near 0) can come out as a spurious infinity.
    katz = sum(1.0 / max(v, 0.5) for v in (x1, x2)) - 1.0 / n1 - 1.0 / n2
    spread = max(z * math.sqrt(max(katz, 0.0)), 1e-3)
    lower = 0.0 if x1 == 0 else math.exp(limit(low_end, f_low_end, mid, f_mid, mid - spread))
    upper = math.inf if x2 == 0 else math.exp(limit(mid, f_mid, high_end, f_high_end, mid + spread))
    return lower, upper


def _restricted_risks(x1: int, n1: int, x2: int, n2: int, delta: float) -> tuple[float, float]:
    """Return the MLE of (p1, p2) under p1 - p2 = delta: the root in range of the cubic of
    Miettinen & Nurminen (Stat Med 1985;4:213), in the closed form of Farrington & Manning
    (Stat Med 1990;9:1447, eq. 7 and the appendix)."""
    rate1, rate2, ratio = x1 / n1, x2 / n2, n2 / n1
    a = 1.0 + ratio
    b = -(1.0 + ratio + rate1 + ratio * rate2 + delta * (ratio + 2.0))
    c = delta * delta + delta * (2.0 * rate1 + ratio + 1.0) + rate1 + ratio * rate2
    d = -rate1 * delta * (1.0 + delta)
    v = b**3 / (27.0 * a**3) - b * c / (6.0 * a * a) + d / (2.0 * a)
    u = math.copysign(math.sqrt(max(b * b / (9.0 * a * a) - c / (3.0 * a), 0.0)), v)
    cosine = min(max(v / u**3, -1.0), 1.0) if u else 0.0
    p1 = 2.0 * u * math.cos((math.pi + math.acos(cosine)) / 3.0) - b / (3.0 * a)
    p1 = min(max(p1, max(delta, 0.0)), min(1.0 + delta, 1.0))
    return p1, p1 - delta


def risk_difference_score(x1: int, n1: int, x2: int, n2: int, level: float = 0.95):
    """Return the Miettinen-Nurminen score CI of x1/n1 - x2/n2 (_risk_difference_score); the
    arms swapped give the same interval negated, so each table is solved in one order only
    (the checks try both)."""
    if (x2, n2) < (x1, n1):
        lower, upper = _risk_difference_score(x2, n2, x1, n1, level)
        return -upper, -lower
    return _risk_difference_score(x1, n1, x2, n2, level)


@lru_cache(maxsize=65536)
def _risk_difference_score(x1: int, n1: int, x2: int, n2: int, level: float = 0.95):
    """Return the Miettinen-Nurminen score CI of x1/n1 - x2/n2 (Stat Med 1985;4:213): the
    deltas where (p1hat - p2hat - delta)^2 / [(p1(1 - p1)/n1 + p2(1 - p2)/n2) N/(N - 1)],
    p1 and p2 the MLEs under p1 - p2 = delta, reaches the chi-square(1) quantile; found by
    scipy's brentq on each side of the estimate, first within a fifth of the Wald half-width
    of the Wald limit (a third fewer evaluations on most tables), else between the estimate
    and -1 or 1. (statsmodels' confint_proportions_2indep
    with method="score", compare="diff" is not used: on 23/49 vs 10/29 it gives -0.1041 to
    0.3292 where the definition gives -0.1043 to 0.3327, and it raises when a proportion is
    0 or 1.)"""
    if n1 <= 0 or n2 <= 0 or not (0 <= x1 <= n1 and 0 <= x2 <= n2):
        return math.nan, math.nan
    estimate = x1 / n1 - x2 / n2
    crit = pvalues.normal_quantile(level) ** 2
    inflation = (n1 + n2) / (n1 + n2 - 1.0)

    def excess(delta: float) -> float:
        p1, p2 = _restricted_risks(x1, n1, x2, n2, delta)
        variance = (p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2) * inflation
        gap = (estimate - delta) ** 2
        if variance <= 0.0:
            return math.inf if gap > 0.0 else -crit
        return gap / variance - crit

    edge = 1.0 - 1e-12
    rate1, rate2 = x1 / n1, x2 / n2
    wald = math.sqrt(crit * (rate1 * (1 - rate1) / n1 + rate2 * (1 - rate2) / n2))

    def limit(side: int) -> float:
        """The limit below (side -1) or above (side 1) the estimate; -1 or 1 when the
        statistic never reaches the quantile there."""
        end = side * edge
        if side * estimate >= edge or excess(end) <= 0.0:
            return float(side)
        near = sorted((estimate + side * 0.8 * wald, estimate + side * 1.2 * wald))
        near = [min(max(v, -edge), edge) for v in near]
        if excess(near[0]) * excess(near[1]) < 0.0:
            return optimize.brentq(excess, near[0], near[1], xtol=1e-13)
        return optimize.brentq(excess, *sorted((estimate, end)), xtol=1e-13)

    return limit(-1), limit(1)


@lru_cache(maxsize=16)
def _wilson_critical(level: float) -> float:
    """Return the normal quantile of a two-sided ``level`` interval as statsmodels takes it
    (norm.isf(alpha / 2) = -ndtri(alpha / 2))."""
    return float(-special.ndtri((1 - level) / 2.0))


def _wilson(count: int, n: int, crit: float) -> tuple[float, float]:
    """Return the Wilson (1927) score interval of count/n, clipped to [0, 1], in the order of
    operations of statsmodels' proportion_confint(method="wilson")."""
    q = count / n
    crit2 = crit * crit
    denom = 1 + crit2 / n
    center = (q + crit2 / (2 * n)) / denom
    dist = crit * math.sqrt(q * (1.0 - q) / n + crit2 / (4.0 * n**2))
    dist /= denom
    return min(max(center - dist, 0.0), 1.0), min(max(center + dist, 0.0), 1.0)


def newcombe_interval(a: int, n1: int, c: int, n2: int, level: float) -> tuple[float, float]:
    """Return Newcombe's hybrid score CI of a/n1 - c/n2 (Newcombe, Stat Med 1998;17:873,
    method 10: Wilson limits of each proportion combined as a square root of sums of squares),
    with statsmodels' confint_proportions_2indep(method="newcomb") arithmetic (the same bits,
    tested), without its ~0.4 ms of argument handling per table."""
    if n1 <= 0 or n2 <= 0:
        return math.nan, math.nan
    crit = _wilson_critical(level)
    p1, p2 = a / n1, c / n2
    low1, upp1 = _wilson(a, n1, crit)
    low2, upp2 = _wilson(c, n2, crit)
    diff = p1 - p2
    d_low = math.sqrt((p1 - low1) ** 2 + (upp2 - p2) ** 2)
    d_upp = math.sqrt((p2 - low2) ** 2 + (upp1 - p1) ** 2)
    return diff - d_low, diff + d_upp


@lru_cache(maxsize=65536)
def intervals(
    a: int, n1: int, c: int, n2: int, level: float = 0.95, correction: float = 0.5
) -> dict[str, tuple[Interval, ...]]:
    """Return every standard estimate and CI of OR, RR and RD for one table, by measure.

    Zero cells: the Wald methods appear uncorrected (only when finite) and with ``correction``
    added to every cell; exact and score methods need no correction.
    """
    zero = has_zero_cell(a, n1, c, n2)
    add = f", {correction:g} added to each cell"
    found: dict[str, list[Interval]] = {m: [] for m in MEASURES}
    wald = {"OR": (odds_ratio_wald, "sample OR, Woolf (Wald) CI"),
            "RR": (risk_ratio_wald, "risk ratio, Katz (Wald) CI")}  # fmt: skip
    for measure, (fn, label) in wald.items():
        if not zero:
            found[measure].append(Interval(*(float(v) for v in fn(a, n1, c, n2, level, 0)), label))
        else:
            found[measure].append(
                Interval(*(float(v) for v in fn(a, n1, c, n2, level, correction)), label + add)
            )
            raw = [float(v) for v in fn(a, n1, c, n2, level, 0.0)]
            found[measure].append(Interval(*raw, label + ", no correction"))
    rd = [float(v) for v in risk_difference_wald(a, n1, c, n2, level)]
    found["RD"].append(Interval(*rd, "risk difference, Wald CI"))
    found["OR"].append(odds_ratio_conditional(a, n1, c, n2, level))
    mue = odds_ratio_midp(a, n1, c, n2, level)
    found["OR"].append(mue)
    cmle = found["OR"][-2]
    found["OR"].append(
        Interval(cmle.estimate, mue.lower, mue.upper, "conditional MLE OR, mid-p CI")
    )
    rr = a * n2 / (n1 * c) if c else (math.inf if a else math.nan)
    for mn, label in ((False, "Koopman score CI"), (True, "Miettinen-Nurminen score CI")):
        low, high = risk_ratio_score(a, n1, c, n2, level, mn)
        found["RR"].append(Interval(rr, low, high, f"risk ratio, {label}"))
    diff = a / n1 - c / n2
    low, high = newcombe_interval(a, n1, c, n2, level)
    found["RD"].append(Interval(diff, low, high, "risk difference, Newcombe hybrid score CI"))
    low, high = risk_difference_score(a, n1, c, n2, level)
    found["RD"].append(Interval(diff, low, high, "risk difference, Miettinen-Nurminen score CI"))
    return {m: tuple(v) for m, v in found.items()}


# --- p-values -----------------------------------------------------------------------------


def midp_value(a: int, n1: int, c: int, n2: int) -> float:
    """Return the two-sided mid-p of the conditional test of OR = 1 (as epitools ormidp.test):
    2 * min(P(X < a) + P(X = a)/2, P(X > a) + P(X = a)/2)."""
    below, at, above = _tails(a, n1, c, n2, 0.0)
    return float(min(1.0, 2 * min(below + 0.5 * at, above + 0.5 * at)))


@lru_cache(maxsize=65536)
def fisher_p(a: int, n1: int, c: int, n2: int) -> float:
    """Return Fisher's exact two-sided p as R's fisher.test computes it: the probability of
    every table with the same margins no more likely than the observed one (within a relative
    1e-7). Same rule as scipy's fisher_exact, which is 10x slower on large trials."""
    x, logw = _support(a, n1, c, n2)
    weights = np.exp(logw - logw.max())  # normalized below (as logsumexp would, but faster)
    observed = logw[int(a - x[0])]
    no_more_likely = logw <= observed + math.log1p(1e-7)
    return float(min(1.0, weights[no_more_likely].sum() / weights.sum()))


_PAD = 1024  # log k! of k < 0 is +inf: a cell past the end of its support comes out -inf
_PADDED = np.concatenate((np.full(_PAD, np.inf), _LOG_FACTORIALS))
_SLIDES = {}


def _slides(top: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Return views of every window of _PADDED, forwards and backwards (log k! up to ``top``
    and at least ``width`` +infs before log 0!, grown as needed)."""
    global _PADDED, _PAD
    if top + 2 * _PAD >= len(_PADDED) or width > _PAD:  # every window of _PAD must fit
        _PAD = max(_PAD, width)
        size = 2 * (top + _PAD)
        _PADDED = np.concatenate((np.full(_PAD, np.inf), _log_factorials(np.arange(size))))
        _SLIDES.clear()
    if not _SLIDES:
        view = np.lib.stride_tricks.sliding_window_view
        _SLIDES.update(forwards=view(_PADDED, _PAD), backwards=view(_PADDED[::-1], _PAD))
    return _SLIDES["forwards"], _SLIDES["backwards"]


def _runs(low: np.ndarray, m1: np.ndarray):
    """Yield (start, stop) of consecutive rows over which low and m1 move by constant steps
    (a fragility walk is one or two such runs)."""
    n = len(low)
    if n <= 2:
        yield 0, n
        return
    d_low, d_m1 = low[1:] - low[:-1], m1[1:] - m1[:-1]
    changes = np.flatnonzero((d_low[1:] != d_low[:-1]) | (d_m1[1:] != d_m1[:-1])).tolist()
    start = 0
    for change in changes:  # step `change + 1` differs from step `change`
        if change >= start:
            yield start, change + 2
            start = change + 2
    if start < n:
        yield start, n


def _windows(slides: np.ndarray, origin: int, starts: np.ndarray, width: int) -> np.ndarray:
    """Return the rows slides[origin + s, :width] for starts s moving by a constant step, as a
    view (one row, broadcast, when s does not move)."""
    first = origin + int(starts[0])
    step = int(starts[1] - starts[0]) if len(starts) > 1 else 0
    if step == 0:
        return slides[first : first + 1, :width]
    return slides[first::step][: len(starts), :width]


def fisher_p_many(a: np.ndarray, n1: int, c: np.ndarray, n2: int) -> np.ndarray:
    """Return fisher_p of the tables (a[i] of n1, c[i] of n2) at once: the supports of all of
    them laid out as rows of one array (for walks over neighbouring tables, as the fragility
    index takes; the same rule and arithmetic as fisher_p). The log k! terms of the rows are
    windows of one table padded with +inf before log 0! (views, not gathered cell by cell),
    so cells past the end of a support come out -inf."""
    a, c = np.asarray(a, dtype=np.int64), np.asarray(c, dtype=np.int64)
    m1 = a + c
    low = np.maximum(0, m1 - n2)
    width = int((np.minimum(n1, m1) - low).max()) + 1
    forwards, backwards = _slides(max(n1, n2) + width, width)
    rising, falling = _PAD, len(_PADDED) - 1 - _PAD  # row of log 0! in each
    head = _PADDED[_PAD + n1] + _PADDED[_PAD + n2]
    logw = np.empty((len(a), width))
    for start, stop in _runs(low, m1):
        lo, m, block = low[start:stop], m1[start:stop], logw[start:stop]
        np.subtract(head, _windows(forwards, rising, lo, width), out=block)
        np.subtract(block, _windows(backwards, falling, lo - n1, width), out=block)
        np.subtract(block, _windows(backwards, falling, lo - m, width), out=block)
        np.subtract(block, _windows(forwards, rising, n2 - m + lo, width), out=block)
    weights = np.exp(logw - logw.max(axis=1, keepdims=True))
    observed = logw[np.arange(len(a)), a - low][:, None]
    no_more_likely = logw <= observed + math.log1p(1e-7)
    p = np.where(no_more_likely, weights, 0.0).sum(axis=1) / weights.sum(axis=1)
    return np.minimum(1.0, p)


def chi_square(a, n1: int, c, n2: int, yates: bool = False):
    """Return Pearson's chi-square statistic of a 2x2 table, NaN with an empty margin (an
    array of them when a and c are arrays). Closed form N (|ad - bc| - k)^2 / (n1 n2 m1 m0),
    k = min(N/2, |ad - bc|) with Yates' correction, else 0 (the same statistic as scipy's
    chi2_contingency and R's chisq.test)."""
    b, d = n1 - a, n2 - c
    total, m1, m0 = n1 + n2, a + c, b + d
    margins = np.float64(n1) * n2 * m1 * m0
    gap = np.abs(np.float64(a) * d - np.float64(b) * c)
    if yates:
        gap = gap - np.minimum(total / 2, gap)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(margins == 0, np.nan, total * gap * gap / margins)


def pearson_p(a: int, n1: int, c: int, n2: int, yates: bool = False) -> float:
    """Return Pearson's chi-square p of a 2x2 table (chi_square), NaN with an empty margin."""
    return float(special.chdtrc(1, chi_square(a, n1, c, n2, yates)))


def likelihood_ratio_chi_square(a: int, n1: int, c: int, n2: int) -> float:
    """Return the likelihood-ratio chi-square (G) of a 2x2 table, NaN with an empty margin
    (scipy's chi2_contingency with lambda_="log-likelihood"; SAS PROC FREQ's "Likelihood Ratio
    Chi-Square", R's MASS::loglm)."""
    table = np.array([[a, n1 - a], [c, n2 - c]], dtype=float)
    if (table.sum(axis=0) == 0).any() or (table.sum(axis=1) == 0).any():
        return math.nan
    return float(stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0])


def mantel_haenszel_chi_square(a: int, n1: int, c: int, n2: int) -> float:
    """Return the Mantel-Haenszel chi-square of one 2x2 table, (N - 1) r^2 with r the
    correlation of the two binary variables, which is Pearson's times (N - 1) / N (Agresti,
    Categorical Data Analysis, 3rd ed., sec. 3.4.6; SAS PROC FREQ's "Mantel-Haenszel
    Chi-Square"), NaN with an empty margin."""
    total = n1 + n2
    return float(chi_square(a, n1, c, n2)) * (total - 1) / total


@lru_cache(maxsize=65536)
def p_values(a: int, n1: int, c: int, n2: int) -> dict[str, float]:
    """Return two-sided p-values of the standard tests of a 2x2 table: Fisher's exact test,
    the mid-p exact test, Pearson's chi-square without and with Yates' correction."""
    if valid_table(a, n1, c, n2):
        return {}
    result = {"Fisher exact": fisher_p(a, n1, c, n2), "mid-p exact": midp_value(a, n1, c, n2)}
    if a + c not in (0, n1 + n2):
        result["Pearson chi-square"] = pearson_p(a, n1, c, n2)
        result["Pearson chi-square, Yates"] = pearson_p(a, n1, c, n2, yates=True)
    result.update(wald_p_values(a, n1, c, n2))
    return result


def wald_p_values(a: int, n1: int, c: int, n2: int) -> dict[str, float]:
    """Return the two-sided p of the Wald z test of each measure of a 2x2 table, where its
    standard error is finite and not zero: the log odds ratio (Woolf's SE, as a logistic
    regression on the arm reports it), the log risk ratio (Katz's SE) and the risk difference
    (unpooled SE); no cell is corrected."""
    b, d = n1 - a, n2 - c
    found = {}
    if min(a, b, c, d) > 0:
        found["Wald test of the log odds ratio"] = _log_odds_ratio(a, b, c, d)
    if a > 0 and c > 0 and (b > 0 or d > 0):
        found["Wald test of the log risk ratio"] = _log_risk_ratio(a, b, c, d)
    difference, se = _risk_difference(a, n1, c, n2)
    if se > 0:
        found["Wald test of the risk difference"] = difference, se
    return {
        name: float(pvalues.normal_two_sided(estimate / se))
        for name, (estimate, se) in found.items()
    }
