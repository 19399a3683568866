"""Meta-analysis of 2x2 tables: random effects (DerSimonian-Laird, REML, Paule-Mandel, with the
Hartung-Knapp-Sidik-Jonkman adjustment as an option) and common effect (inverse variance,
Mantel-Haenszel), computed the way R's metafor computes them (checked in tests/test_meta.py
against tests/fixtures/metafor/, written by make_metafor_fixtures.R).

Zero cells follow metafor's defaults: the inverse-variance models add 1/2 to every cell of a
study that has a zero cell (escalc add=1/2, to="only0", studies without events kept); the
Mantel-Haenszel estimate uses the counts as they are, and its heterogeneity Q uses the corrected
study estimates of studies with at least one event (rma.mh drop00=TRUE).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

import numpy as np
from scipy import optimize, stats
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.meta_analysis import combine_effects

MEASURES = ("OR", "RR", "RD")
RATIO_MEASURES = frozenset({"OR", "RR"})
RANDOM_METHODS = ("REML", "DL", "PM")
ZERO_CELL_INCREMENT = 0.5
_TOLERANCE = 1e-12
_MAX_ITERATIONS = 10_000


class MetaAnalysisError(ValueError):
    """The data do not allow the requested model (too few studies, no variance, no convergence)."""


@dataclass(frozen=True)
class Counts:
    """Event counts and arm sizes of k two-arm comparisons (arm 1 = experimental)."""

    events_1: np.ndarray
    total_1: np.ndarray
    events_2: np.ndarray
    total_2: np.ndarray

    @classmethod
    def of(cls, events_1, total_1, events_2, total_2) -> Counts:
        """Return validated counts (integers, 0 <= events <= total, total > 0)."""
        arrays = [np.asarray(x, dtype=float) for x in (events_1, total_1, events_2, total_2)]
        a, n1, c, n2 = arrays
        if not (len(a) == len(n1) == len(c) == len(n2)):
            raise MetaAnalysisError("counts of unequal length")
        if np.any((n1 <= 0) | (n2 <= 0)):
            raise MetaAnalysisError("an arm with no patients")
        if np.any((a < 0) | (c < 0) | (a > n1) | (c > n2)):
            raise MetaAnalysisError("events outside 0..arm size")
        return cls(a, n1, c, n2)

    @property
    def k(self) -> int:
        return len(self.events_1)

    def cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return the four cells a, b, c, d of each 2x2 table."""
        a, c = self.events_1, self.events_2
        return a, self.total_1 - a, c, self.total_2 - c


@dataclass(frozen=True)
class Pooled:
    """One pooled estimate, on the model scale (log for OR/RR, raw for RD)."""

    measure: str
    method: str
    test: str
    k: int
    estimate: float
    se: float
    ci_low: float
    ci_high: float
    statistic: float
    pval: float
    tau2: float
    i2: float
    h2: float
    q: float
    q_df: int
    q_p: float
    pi_low: float
    pi_high: float

    def as_dict(self) -> dict:
        return asdict(self)


def effect_sizes(counts: Counts, measure: str) -> tuple[np.ndarray, np.ndarray]:
    """Return per-study estimates yi (log OR, log RR or RD) and sampling variances vi, adding
    1/2 to every cell of a study with a zero cell (metafor escalc defaults)."""
    a, b, c, d = counts.cells()
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    a, b, c, d = (np.where(zero, x + ZERO_CELL_INCREMENT, x) for x in (a, b, c, d))
    n1, n2 = a + b, c + d
    if measure == "OR":
        # Woolf: var(log OR) = 1/a + 1/b + 1/c + 1/d
        return np.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d
    if measure == "RR":
        # Katz: var(log RR) = 1/a - 1/n1 + 1/c - 1/n2
        return np.log((a / n1) / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2
    if measure == "RD":
        p1, p2 = a / n1, c / n2
        return p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    raise MetaAnalysisError(f"unknown measure {measure!r}; allowed: {', '.join(MEASURES)}")


def _fixed(y: np.ndarray, v: np.ndarray):
    """Return statsmodels' inverse-variance combination of y with variances v."""
    if np.any(~np.isfinite(v)) or np.any(v <= 0):
        raise MetaAnalysisError("a study has no sampling variance (all or no events, no zeros)")
    # its random-effects part and I^2, unused here, may be NaN or divide by a Q of 0
    with np.errstate(invalid="ignore", divide="ignore"):
        return combine_effects(y, v, method_re="dl")


def tau2_dl(y: np.ndarray, v: np.ndarray) -> float:
    """Return the DerSimonian-Laird tau^2 (statsmodels "dl"), truncated at 0 as in metafor."""
    return max(0.0, float(_fixed(y, v).tau2))


def _generalized_q(y: np.ndarray, v: np.ndarray, tau2: float) -> float:
    """Return Q with weights 1 / (v + tau^2) around the weighted mean."""
    w = 1 / (v + tau2)
    return float(np.sum(w * (y - np.sum(w * y) / np.sum(w)) ** 2))


def tau2_pm(y: np.ndarray, v: np.ndarray) -> float:
    """Return the Paule-Mandel tau^2, the root of Q(tau^2) = k - 1 (Paule & Mandel 1982, J Res
    Natl Bur Stand 87:377), or 0 when Q(0) < k - 1; found with scipy's brentq, as metafor uses
    uniroot (statsmodels' "pm" iteration resets to 0 when an iterate overshoots the root)."""
    target = len(y) - 1
    if _generalized_q(y, v, 0.0) <= target:
        return 0.0
    upper = max(float(np.var(y)), float(np.max(v)), 1e-8)
    while _generalized_q(y, v, upper) > target:
        upper *= 2
    return float(
        optimize.brentq(lambda t: _generalized_q(y, v, t) - target, 0.0, upper, xtol=_TOLERANCE)
    )


def tau2_reml(y: np.ndarray, v: np.ndarray) -> float:
    """Return the REML tau^2 by Fisher scoring truncated at 0 (Viechtbauer 2005, J Educ Behav
    Stat 30:261-293, eqs. 9-10; the algorithm of metafor's rma.uni), started at the DL value."""
    tau2 = tau2_dl(y, v)
    for _ in range(_MAX_ITERATIONS):
        w = 1 / (v + tau2)
        sw, sw2, sw3 = w.sum(), (w**2).sum(), (w**3).sum()
        mu = np.sum(w * y) / sw
        trace_p = sw - sw2 / sw
        trace_pp = sw2 - 2 * sw3 / sw + sw2**2 / sw**2
        ypy = np.sum(w**2 * (y - mu) ** 2)
        new = max(0.0, tau2 + (ypy - trace_p) / trace_pp)
        if abs(new - tau2) < _TOLERANCE:
            return new
        tau2 = new
    raise MetaAnalysisError("REML estimate of tau^2 did not converge")


TAU2 = {"REML": tau2_reml, "DL": tau2_dl, "PM": tau2_pm}


def _typical_variance(v: np.ndarray) -> float:
    """Return the 'typical' within-study variance s^2 (Higgins & Thompson 2002, Stat Med
    21:1539, eq. 9), the denominator metafor uses for I^2 and H^2."""
    w = 1 / v
    return (len(v) - 1) * w.sum() / (w.sum() ** 2 - (w**2).sum())


def _inference(estimate: float, se: float, tau2: float, k: int, test: str, level: float):
    """Return statistic, p, CI and prediction interval (metafor: z, or t on k-1 df for knha;
    prediction interval estimate +- crit * sqrt(se^2 + tau^2), as predict.rma)."""
    alpha = 1 - level
    if test == "knha":
        dist = stats.t(k - 1)
    elif test == "z":
        dist = stats.norm()
    else:
        raise MetaAnalysisError(f"unknown test {test!r}; allowed: z, knha")
    crit = float(dist.isf(alpha / 2))
    statistic = estimate / se
    pval = float(2 * dist.sf(abs(statistic)))
    half_pi = crit * math.sqrt(se**2 + tau2)
    return (
        statistic,
        pval,
        estimate - crit * se,
        estimate + crit * se,
        estimate - half_pi,
        estimate + half_pi,
    )


def _shares_of_tau2(tau2: float, v: np.ndarray) -> tuple[float, float]:
    """Return I^2 (percent) and H^2 of a tau^2 over the typical within-study variance."""
    s2 = _typical_variance(v)
    return 100 * tau2 / (tau2 + s2), (tau2 + s2) / s2


def _with_tau2(y: np.ndarray, v: np.ndarray, tau2: float, test: str, level: float):
    """Return the estimate, its SE and _inference's figures of the random-effects model with a
    given tau^2: the inverse-variance combination of the studies with variances v + tau^2
    (statsmodels' "hksj" variance is the Knapp-Hartung one)."""
    pooled = _fixed(y, v + tau2)
    estimate = float(pooled.mean_effect_fe)
    se = float(pooled.sd_eff_w_fe) if test == "z" else math.sqrt(float(pooled.var_hksj_fe))
    return estimate, se, _inference(estimate, se, tau2, len(y), test, level)


def random_effects(
    counts: Counts, measure: str, method: str = "REML", test: str = "z", level: float = 0.95
) -> Pooled:
    """Return the random-effects (or, with method "FE", inverse-variance common-effect) pooled
    estimate of ``measure``; test "knha" applies the Hartung-Knapp-Sidik-Jonkman adjustment
    (Hartung & Knapp 2001, Stat Med 20:3875; not truncated, as metafor's test="knha")."""
    if counts.k < 2:
        raise MetaAnalysisError("pooling needs at least two comparisons")
    y, v = effect_sizes(counts, measure)
    fixed = _fixed(y, v)
    # statsmodels forms Q as a difference of sums, which rounds below 0 (-7e-15) when the
    # estimates agree; Q, a sum of squares, is at least 0
    q, k = max(0.0, float(fixed.q)), counts.k
    if method == "FE":
        tau2 = 0.0
        i2 = 100 * max(0.0, (q - (k - 1)) / q) if q > 0 else 0.0
        h2 = q / (k - 1)
    elif method in TAU2:
        tau2 = TAU2[method](y, v)
        i2, h2 = _shares_of_tau2(tau2, v)
    else:
        raise MetaAnalysisError(f"unknown method {method!r}; allowed: REML, DL, PM, FE")
    estimate, se, (statistic, pval, lo, hi, pi_lo, pi_hi) = _with_tau2(y, v, tau2, test, level)
    if method == "FE":
        pi_lo, pi_hi = math.nan, math.nan
    return Pooled(
        measure=measure,
        method=method,
        test=test,
        k=k,
        estimate=estimate,
        se=se,
        ci_low=lo,
        ci_high=hi,
        statistic=statistic,
        pval=pval,
        tau2=tau2,
        i2=i2,
        h2=h2,
        q=q,
        q_df=k - 1,
        q_p=float(stats.chi2.sf(q, k - 1)),
        pi_low=pi_lo,
        pi_high=pi_hi,
    )


def _mh_log_rr(counts: Counts) -> tuple[float, float]:
    """Return the Mantel-Haenszel log RR (statsmodels) and its variance (Greenland & Robins
    1985, Biometrics 41:55, eq. 13)."""
    a, b, c, d = counts.cells()
    n1, n2 = counts.total_1, counts.total_2
    n = n1 + n2
    table = StratifiedTable(np.stack([np.stack([a, b]), np.stack([c, d])]))
    rr = float(table.riskratio_pooled)
    r, s = np.sum(a * n2 / n), np.sum(c * n1 / n)
    var = np.sum((n1 * n2 * (a + c) - a * c * n) / n**2) / (r * s)
    return math.log(rr), float(var)


def _mh_rd(counts: Counts) -> tuple[float, float]:
    """Return the Mantel-Haenszel risk difference and its variance (Sato, Greenland & Robins
    1989, Biometrics 45:1323, the estimator metafor's rma.mh uses)."""
    a, _, c, _ = counts.cells()
    n1, n2 = counts.total_1, counts.total_2
    n = n1 + n2
    weight = np.sum(n1 * n2 / n)
    rd = np.sum((a * n2 - c * n1) / n) / weight
    p = np.sum((n1**2 * c - n2**2 * a + n1 * n2 * (n2 - n1) / 2) / n**2)
    q = np.sum((a * (n2 - c) + c * (n1 - a)) / (2 * n))
    return float(rd), float((rd * p + q) / weight**2)


def _informative_estimates(counts: Counts, measure: str) -> tuple[np.ndarray, np.ndarray]:
    """Return the corrected estimates and variances of the studies with an event and a non-event
    (metafor rma.mh drop00=TRUE): those Mantel-Haenszel's Q is formed of."""
    a, b, c, d = counts.cells()
    informative = ~(((a == 0) & (c == 0)) | ((b == 0) & (d == 0)))
    y, v = effect_sizes(counts, measure)
    return y[informative], v[informative]


def mantel_haenszel(counts: Counts, measure: str, level: float = 0.95) -> Pooled:
    """Return the Mantel-Haenszel common-effect estimate (no zero-cell correction) with
    Cochran's Q of the corrected study estimates around it (metafor rma.mh)."""
    if counts.k < 2:
        raise MetaAnalysisError("pooling needs at least two comparisons")
    a, b, c, d = counts.cells()
    if measure == "OR":
        table = StratifiedTable(np.stack([np.stack([a, b]), np.stack([c, d])]))
        if not np.sum(b * c / (a + b + c + d)) > 0 or not np.sum(a * d / (a + b + c + d)) > 0:
            raise MetaAnalysisError("Mantel-Haenszel OR undefined (no discordant information)")
        estimate, var = float(table.logodds_pooled), float(table.logodds_pooled_se) ** 2
    elif measure == "RR":
        if not (np.sum(a) > 0 and np.sum(c) > 0):
            raise MetaAnalysisError("Mantel-Haenszel RR undefined (no events in one arm)")
        estimate, var = _mh_log_rr(counts)
    elif measure == "RD":
        estimate, var = _mh_rd(counts)
    else:
        raise MetaAnalysisError(f"unknown measure {measure!r}; allowed: {', '.join(MEASURES)}")
    if not var > 0:
        raise MetaAnalysisError("Mantel-Haenszel estimate has no variance")
    se = math.sqrt(var)
    statistic, pval, lo, hi, _, _ = _inference(estimate, se, 0.0, counts.k, "z", level)
    y, v = _informative_estimates(counts, measure)
    q = float(np.sum((y - estimate) ** 2 / v))
    q_df = len(y) - 1
    i2 = 100 * max(0.0, (q - q_df) / q) if q_df > 0 and q > 0 else 0.0
    return Pooled(
        measure=measure,
        method="MH",
        test="z",
        k=counts.k,
        estimate=estimate,
        se=se,
        ci_low=lo,
        ci_high=hi,
        statistic=statistic,
        pval=pval,
        tau2=math.nan,
        i2=i2,
        h2=q / q_df if q_df > 0 else math.nan,
        q=q,
        q_df=q_df,
        q_p=float(stats.chi2.sf(q, q_df)) if q_df > 0 else math.nan,
        pi_low=math.nan,
        pi_high=math.nan,
    )


def on_reporting_scale(value: float, measure: str) -> float:
    """Return a model-scale value on the scale a reader reads (ratios exponentiated)."""
    return math.exp(value) if measure in RATIO_MEASURES else value


def revman_random(counts: Counts, measure: str, level: float = 0.95) -> Pooled:
    """Return Review Manager 5's "M-H, Random" estimate: DerSimonian-Laird with tau^2 from the
    heterogeneity Q of the Mantel-Haenszel estimate (Deeks & Higgins, Statistical algorithms in
    Review Manager 5, 2010: tau^2 = max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w)), w = 1/v),
    then the inverse-variance combination of the studies with variances v + tau^2."""
    mh = mantel_haenszel(counts, measure, level)
    y, v = _informative_estimates(counts, measure)
    w = 1 / v
    tau2 = max(0.0, (mh.q - mh.q_df) / (w.sum() - (w**2).sum() / w.sum()))
    estimate, se, (statistic, pval, lo, hi, pi_lo, pi_hi) = _with_tau2(y, v, tau2, "z", level)
    i2, h2 = _shares_of_tau2(tau2, v)
    return replace(
        mh,
        method="MH-DL",
        estimate=estimate,
        se=se,
        ci_low=lo,
        ci_high=hi,
        statistic=statistic,
        pval=pval,
        tau2=tau2,
        i2=i2,
        h2=h2,
        pi_low=pi_lo,
        pi_high=pi_hi,
    )
