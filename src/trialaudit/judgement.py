"""Rounding-aware verdicts: does any standard method reproduce what the document printed?"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .rounding import Reported, format_value, parse_p, parse_reported

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
NOT_CHECKABLE = "not_checkable"
# Flags of an inconsistent number within one unit of its last printed digit (checks.py)
LAST_DIGIT_FLAG = "last_digit"
TRUNCATED_FLAG = "truncated"


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing a reported value with recomputed candidates."""

    verdict: str
    method: str
    recomputed: float
    recomputed_text: str
    note: str = ""
    low: float = math.nan
    high: float = math.nan


def closest(candidates: dict[str, float], target: float) -> tuple[str, float]:
    """Return the (method, value) whose value is nearest ``target`` (finite values first)."""
    finite = {k: v for k, v in candidates.items() if v is not None and math.isfinite(v)}
    pool = finite or candidates
    method = min(pool, key=lambda k: abs(pool[k] - target) if math.isfinite(pool[k]) else math.inf)
    return method, pool[method]


def judge(reported: Reported, candidates: dict[str, float], note: str = "") -> Verdict:
    """Consistent if any candidate rounds to the reported number; else the closest candidate."""
    if not candidates:
        return Verdict(NOT_CHECKABLE, "", math.nan, "", note or "nothing to recompute from")
    for method, value in candidates.items():
        if value is not None and math.isfinite(value) and reported.contains(value):
            return Verdict(CONSISTENT, method, value, format_value(value, reported.decimals), note)
    method, value = closest(candidates, reported.value)
    return Verdict(INCONSISTENT, method, value, format_value(value, reported.decimals), note)


def judge_pair(
    lower: Reported, upper: Reported, candidates: dict[str, tuple[float, float]], note: str = ""
) -> Verdict:
    """Judge a reported interval: consistent if one method reproduces both limits."""
    if not candidates:
        return Verdict(NOT_CHECKABLE, "", math.nan, "", note or "nothing to recompute from")
    decimals = max(lower.decimals, upper.decimals)
    best, best_gap = None, math.inf
    for method, (lo, hi) in candidates.items():
        text = f"{format_value(lo, decimals)} to {format_value(hi, decimals)}"
        if lower.contains(lo) and upper.contains(hi):
            return Verdict(CONSISTENT, method, math.nan, text, note, lo, hi)
        gap = abs(lo - lower.value) + abs(hi - upper.value)
        if gap < best_gap:
            best, best_gap = (method, lo, hi, text), gap
    method, lo, hi, text = best
    return Verdict(INCONSISTENT, method, math.nan, text, note, lo, hi)


def p_interval(text: str, comparator: str) -> tuple[float, float]:
    """Return the interval of true p-values a reported p stands for.

    ``p < .05`` stands for [0, .05]; ``p > .05`` for [.05, 1]; ``p = .03`` for its rounding
    interval; ``p = .000`` (printed by software) for [0, .0005], as statcheck reads it.
    """
    reported = parse_p(text)
    if comparator in {"<", "<=", "\u2264"}:
        return 0.0, reported.value
    if comparator in {">", ">=", "\u2265"}:
        return reported.value, 1.0
    lo, hi = reported.interval()
    return max(lo, 0.0), min(hi, 1.0)


def ranges_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Return True if two closed ranges share a point."""
    return max(a[0], b[0]) <= min(a[1], b[1])


def significant(p_range: tuple[float, float], alpha: float) -> bool | None:
    """Return whether a p range is entirely below alpha (True), at or above (False), or straddles
    it (None)."""
    if p_range[1] < alpha:
        return True
    if p_range[0] >= alpha:
        return False
    return None


def as_reported(text: str | None) -> Reported | None:
    """Parse printed text, returning None when it is missing or not a number."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text == "":
        return None
    return _parsed(str(text))


def as_reported_p(text: str) -> Reported | None:
    """Parse a printed p-value (scientific notation too), or None when it is not a number."""
    return _parsed(text, parse_p)


@lru_cache(maxsize=16384)  # a document prints the same texts many times; Reported is frozen
def _parsed(text: str, parse=parse_reported) -> Reported | None:
    try:
        return parse(text)
    except ValueError:
        return None


def last_digit_remark(flag: str) -> str:
    """Return the sentence a report adds to a check flagged as a slip of the last digit."""
    if LAST_DIGIT_FLAG not in flag:
        return ""
    if TRUNCATED_FLAG in flag:
        return " Off by one unit of the last digit: the recomputed value cut, not rounded."
    return " Off by one unit of the last digit only."
