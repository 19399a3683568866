"""Approximate two-arm p-values of continuous outcomes reported as medians with IQR or range.

Means and SDs are estimated from the median, quartiles or extremes and the arm size
(Wan et al., BMC Med Res Methodol 2014;14:135, for SDs and means; Luo et al., Stat Methods Med
Res 2018;27:1785, for means; Hozo et al., BMC Med Res Methodol 2005;5:13, for the mean from the
range), then compared with Welch's t-test on summary statistics (scipy). These p-values are
approximate: papers reporting medians usually test with Mann-Whitney, and the data are skewed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats


@dataclass(frozen=True)
class Summary:
    """One arm's summary: median with quartiles or extremes, or mean with SD, and its size."""

    centre: float
    low: float
    high: float
    n: int
    kind: str  # "iqr", "range" or "sd" (then low = high = SD)


def wan_sd_iqr(q1: float, q3: float, n: int) -> float:
    """SD from the IQR: (q3 - q1) / (2 Phi^-1((0.75 n - 0.125) / (n + 0.25))) (Wan 2014, C3)."""
    return (q3 - q1) / (2 * stats.norm.ppf((0.75 * n - 0.125) / (n + 0.25)))


def wan_sd_range(low: float, high: float, n: int) -> float:
    """SD from the range: (b - a) / (2 Phi^-1((n - 0.375) / (n + 0.25))) (Wan 2014, C1)."""
    return (high - low) / (2 * stats.norm.ppf((n - 0.375) / (n + 0.25)))


def wan_mean_iqr(q1: float, median: float, q3: float) -> float:
    """Mean from median and quartiles: (q1 + m + q3) / 3 (Wan 2014, C3)."""
    return (q1 + median + q3) / 3


def hozo_mean_range(low: float, median: float, high: float) -> float:
    """Mean from median and range: (a + 2 m + b) / 4 (Hozo 2005; Wan 2014, C1)."""
    return (low + 2 * median + high) / 4


def luo_mean_iqr(q1: float, median: float, q3: float, n: int) -> float:
    """Mean from median and quartiles: w (q1 + q3) / 2 + (1 - w) m, w = 0.7 + 0.39 / n (Luo)."""
    w = 0.7 + 0.39 / n
    return w * (q1 + q3) / 2 + (1 - w) * median


def luo_mean_range(low: float, median: float, high: float, n: int) -> float:
    """Mean from median and range: w (a + b) / 2 + (1 - w) m, w = 4 / (4 + n^0.75) (Luo 2018)."""
    w = 4 / (4 + n**0.75)
    return w * (low + high) / 2 + (1 - w) * median


def mean_sd(summary: Summary, mean_method: str) -> tuple[float, float]:
    """Return (mean, SD) of an arm; ``mean_method`` is "Luo" or "Wan" for medians."""
    s = summary
    if s.kind == "sd":
        return s.centre, s.low
    if s.kind == "iqr":
        sd = wan_sd_iqr(s.low, s.high, s.n)
        mean = luo_mean_iqr(s.low, s.centre, s.high, s.n) if mean_method == "Luo" else None
        return (mean if mean is not None else wan_mean_iqr(s.low, s.centre, s.high)), sd
    sd = wan_sd_range(s.low, s.high, s.n)
    if mean_method == "Luo":
        return luo_mean_range(s.low, s.centre, s.high, s.n), sd
    return hozo_mean_range(s.low, s.centre, s.high), sd


def t_test_p(
    m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int, equal_var: bool = False
) -> float:
    """Return Welch's two-sided t-test p from summary statistics (scipy); Student's pooled
    t-test's with ``equal_var``."""
    result = stats.ttest_ind_from_stats(m1, sd1, n1, m2, sd2, n2, equal_var=equal_var)
    return float(result.pvalue)


def _rounding_grid(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    steps: int,
    with_zero: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return broadcastable grids over what rounds to the printed summaries: mean 1 - mean 2 at
    its ends (and at 0 when ``with_zero`` and the interval holds it) on the first axis, each SD
    on ``steps`` values on the second and third."""
    ends = [mean_1[0] - mean_2[1], mean_1[1] - mean_2[0]]
    if with_zero and ends[0] <= 0 <= ends[1]:
        ends.append(0.0)
    s1 = np.linspace(max(sd_1[0], 1e-12), sd_1[1], steps)[None, :, None]
    s2 = np.linspace(max(sd_2[0], 1e-12), sd_2[1], steps)[None, None, :]
    return np.array(ends)[:, None, None], s1, s2


def _over_rounding(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    n_1: int,
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    n_2: int,
    equal_var: bool,
    steps: int,
):
    """Return scipy's ttest_ind_from_stats over the means and SDs that round to the printed
    ones, given as closed (low, high) intervals: the mean difference at its ends (and at 0 when
    the interval holds it), each SD on a grid of ``steps`` values."""
    difference, s1, s2 = _rounding_grid(mean_1, sd_1, mean_2, sd_2, steps, with_zero=True)
    return stats.ttest_ind_from_stats(
        difference, s1, n_1, np.zeros_like(difference), s2, n_2, equal_var=equal_var
    )


def t_test_p_range(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    n_1: int,
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    n_2: int,
    steps: int = 5,
    equal_var: bool = False,
) -> tuple[float, float]:
    """Return the smallest and largest p of Welch's t-test (Student's pooled with
    ``equal_var``) over every mean and SD that rounds to the printed ones. p falls as the mean
    difference moves from 0, so the difference is taken at its ends (and at 0); the SDs, which
    also set Welch's degrees of freedom, on a grid."""
    result = _over_rounding(mean_1, sd_1, n_1, mean_2, sd_2, n_2, equal_var, steps)
    p = np.asarray(result.pvalue, dtype=float)
    return float(p.min()), float(p.max())


def t_range(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    n_1: int,
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    n_2: int,
    equal_var: bool,
) -> tuple[float, float]:
    """Return the smallest and largest |t| of a two-sample t-test (Student's pooled when
    ``equal_var``, else Welch's) over every mean and SD that rounds to the printed ones: |t|
    grows with the mean difference and shrinks as either SD grows, so the intervals' ends are
    enough (and a difference of 0 gives 0)."""
    result = _over_rounding(mean_1, sd_1, n_1, mean_2, sd_2, n_2, equal_var, 2)
    t = np.abs(np.asarray(result.statistic, dtype=float))
    return float(t.min()), float(t.max())


def folded_f_range(sd_1: tuple[float, float], sd_2: tuple[float, float]) -> tuple[float, float]:
    """Return the smallest and largest folded F, the larger variance over the smaller (SAS
    PROC TTEST's test of equal variances), over every SD that rounds to the printed ones: F is
    max(r, 1/r)^2 of r = SD 1 / SD 2, least at r = 1 and growing away from it."""
    low_ratio, high_ratio = sd_1[0] / sd_2[1], sd_1[1] / sd_2[0]
    ends = [max(r, 1 / r) ** 2 for r in (low_ratio, high_ratio)]
    return (1.0 if low_ratio <= 1 <= high_ratio else min(ends)), max(ends)


def problem(s: Summary) -> str:
    """Return why a summary cannot be used, or ""."""
    values = (s.centre, s.low, s.high)
    if any(v is None or not math.isfinite(v) for v in values):
        return "a summary value is missing"
    if s.n is None or s.n < 2:
        return "an arm of fewer than 2 patients"
    if s.kind == "sd":
        return "" if s.low > 0 else "an SD that is not positive"
    if not s.low <= s.centre <= s.high:
        return "a median outside its interval"
    if s.high <= s.low:
        return "an interval of zero width"
    return ""


def approximate_p(first: Summary, second: Summary) -> dict[str, float] | str:
    """Return approximate two-sided p-values of a two-arm comparison, by method, or why not.

    Medians with an interval that may be an IQR or a range are read both ways.
    """
    for s in (first, second):
        reason = problem(s)
        if reason:
            return reason
    readings = {first.kind, second.kind}
    kinds = ["iqr", "range"] if "iqr_or_range" in readings else [None]
    found: dict[str, float] = {}
    for kind in kinds:
        a = first if kind is None or first.kind != "iqr_or_range" else _as(first, kind)
        b = second if kind is None or second.kind != "iqr_or_range" else _as(second, kind)
        exact = a.kind == "sd" and b.kind == "sd"
        for mean_method in ("Luo", "Wan") if not exact else ("",):
            m1, sd1 = mean_sd(a, mean_method)
            m2, sd2 = mean_sd(b, mean_method)
            if exact:
                label = "Welch t-test on means and SDs"
            else:
                spread = {"iqr": "IQR", "range": "range"}
                label = (
                    f"Welch t-test on means ({mean_method}) and SDs (Wan) estimated from "
                    f"medians and {spread.get(a.kind, a.kind)}/{spread.get(b.kind, b.kind)}"
                )
            found[label] = t_test_p(m1, sd1, a.n, m2, sd2, b.n)
            if exact:
                # Student's pooled t is printed as often as Welch's (scipy's
                # ttest_ind_from_stats, equal_var=True; R's t.test(var.equal = TRUE))
                pooled = t_test_p(m1, sd1, a.n, m2, sd2, b.n, equal_var=True)
                found["Student's pooled t-test on means and SDs"] = pooled
    return found


def _as(s: Summary, kind: str) -> Summary:
    return Summary(s.centre, s.low, s.high, s.n, kind)


def difference_ci_ranges(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    n_1: int,
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    n_2: int,
    equal_var: bool,
    level: float = 0.95,
    steps: int = 5,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the ranges of the lower and of the upper limit of the CI of mean 1 - mean 2 over
    every mean and SD that rounds to the printed ones: Student's pooled SE on n1 + n2 - 2 df
    (``equal_var``), else Welch's SE on Satterthwaite's df, the quantile from scipy's t
    (what scipy.stats.ttest_ind(...).confidence_interval and SAS PROC TTEST's CL Mean give).
    Each limit moves with the difference and with the SDs, so the difference is taken at its
    ends and the SDs on a grid."""
    difference, s1, s2 = _rounding_grid(mean_1, sd_1, mean_2, sd_2, steps, with_zero=False)
    v1, v2 = s1**2, s2**2
    if equal_var:
        df = np.full_like(v1 * v2, n_1 + n_2 - 2)
        pooled = ((n_1 - 1) * v1 + (n_2 - 1) * v2) / (n_1 + n_2 - 2)
        se = np.sqrt(pooled * (1 / n_1 + 1 / n_2))
    else:
        a, b = v1 / n_1, v2 / n_2
        se = np.sqrt(a + b)
        df = (a + b) ** 2 / (a**2 / (n_1 - 1) + b**2 / (n_2 - 1))
    half = stats.t.ppf((1 + level) / 2, df) * se
    lower, upper = difference - half, difference + half
    return (float(lower.min()), float(lower.max())), (float(upper.min()), float(upper.max()))


# --- standardized mean differences ------------------------------------------------------------

# What a standardized mean difference divides by: the pooled SD (Cohen's d; Hedges' g), the
# square root of the mean of the two variances (d_av; metafor's SMDH), or one arm's SD (Glass's
# delta, the control's; either arm, as which is the control is not always known).
POOLED_SD, AVERAGE_VARIANCE, SD_OF_ARM_1, SD_OF_ARM_2 = (
    "pooled SD",
    "root mean of the two variances",
    "SD of the first arm",
    "SD of the second arm",
)


def hedges_correction(n_1: int, n_2: int) -> float:
    """Return Hedges' small-sample factor J(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2)), m = n1 + n2
    - 2 (Hedges 1981; as metafor's escalc computes it for measure "SMD")."""
    m = n_1 + n_2 - 2
    return math.exp(math.lgamma(m / 2) - 0.5 * math.log(m / 2) - math.lgamma((m - 1) / 2))


def _standardizer(sd_1: float, sd_2: float, n_1: int, n_2: int, kind: str) -> float:
    if kind == POOLED_SD:
        return math.sqrt(((n_1 - 1) * sd_1**2 + (n_2 - 1) * sd_2**2) / (n_1 + n_2 - 2))
    if kind == AVERAGE_VARIANCE:
        return math.sqrt((sd_1**2 + sd_2**2) / 2)
    return sd_1 if kind == SD_OF_ARM_1 else sd_2


def smd_range(
    mean_1: tuple[float, float],
    sd_1: tuple[float, float],
    n_1: int,
    mean_2: tuple[float, float],
    sd_2: tuple[float, float],
    n_2: int,
    standardizer: str,
) -> tuple[float, float]:
    """Return the smallest and largest |mean 1 - mean 2| / standardizer over every mean and SD
    that rounds to the printed ones (each the closed interval of such values): every
    standardizer grows with each SD, so the intervals' ends are enough."""
    closest, farthest = magnitude((mean_1[0] - mean_2[1], mean_1[1] - mean_2[0]))
    least = _standardizer(sd_1[0], sd_2[0], n_1, n_2, standardizer)
    most = _standardizer(sd_1[1], sd_2[1], n_1, n_2, standardizer)
    return closest / most, farthest / least


def magnitude(interval: tuple[float, float]) -> tuple[float, float]:
    """Return the smallest and largest |x| of x in a closed interval (0 when it holds 0)."""
    low, high = sorted(abs(v) for v in interval)
    return (0.0 if interval[0] <= 0 <= interval[1] else low), high


def smd_from_t(t: tuple[float, float], n_1: int, n_2: int) -> tuple[float, float]:
    """Return the range of Cohen's d = |t| sqrt(1/n1 + 1/n2) of a two-sample pooled t-test over
    the t that round to the printed one (Rosenthal 1994; Lakens 2013, eq. 2)."""
    scale = math.sqrt(1 / n_1 + 1 / n_2)
    low, high = magnitude(t)
    return low * scale, high * scale


# How a standardized mean difference's CI is computed: from its large-sample variance
# 1/n1 + 1/n2 + d^2 / (2 (n1 + n2)) (Hedges and Olkin 1985; metafor's escalc), or exactly, by
# the noncentral t (Steiger and Fouladi 1997).
NORMAL_SMD_CI, NONCENTRAL_T_SMD_CI = "normal approximation", "noncentral t"


def smd_ci(d: float, n_1: int, n_2: int, level: float, method: str) -> tuple[float, float]:
    """Return the CI of a standardized mean difference ``d`` of two arms of n_1 and n_2."""
    if method == NORMAL_SMD_CI:
        half = stats.norm.ppf(0.5 + level / 2) * math.sqrt(
            1 / n_1 + 1 / n_2 + d**2 / (2 * (n_1 + n_2))
        )
        return d - half, d + half
    # the noncentrality parameters that put the observed t at the upper and lower quantiles,
    # back on d's scale
    scale = math.sqrt(1 / n_1 + 1 / n_2)
    t, df = d / scale, n_1 + n_2 - 2
    # twice the normal quantile times the noncentrality's large-sample SE, and one more
    reach = 2 * stats.norm.ppf(0.5 + level / 2) * math.sqrt(1 + t**2 / (2 * df)) + 1

    def ncp_at(p: float) -> float:
        try:
            return optimize.brentq(
                lambda ncp: stats.nct.cdf(t, df, ncp) - p, t - reach, t + reach, xtol=1e-10
            )
        except ValueError:  # scipy's nct.cdf gives NaN far in a tail
            return math.nan

    return ncp_at(0.5 + level / 2) * scale, ncp_at(0.5 - level / 2) * scale
