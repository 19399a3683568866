"""Re-analysis of one document: every reported number that can be recomputed is recomputed.

A reported value is ``consistent`` when some standard method reproduces it within its rounding
interval (rounding.py), ``inconsistent`` when none does, and ``not_checkable`` when the text does
not give what the check needs or the method is only approximate. Each row names the method that
matched (or came closest) and what was assumed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from functools import lru_cache
from typing import Any

from scipy import special

from . import (
    absolute_effects,
    apa,
    ci_geometry,
    context,
    continuous,
    inference,
    meta,
    nnt,
    proportion_ci,
    rates,
    twobytwo,
)
from .arms import CLUSTERS, counts_people, of_each_arm, resolve_arm
from .check_settings import Settings
from .comparisons import (
    ANOTHER_HYPOTHESIS_FLAG,
    OPENS_ITS_SENTENCE,
    PER_ARM_VALUES,
    SENTENCE_GAP,
    has_standard_error,
    other_outcomes,
)
from .grammar import (
    CHANGE_AMOUNT_FLAG,
    CROSSOVER_FLAG,
    EFFICACY_FLAG,
    ONE_SIDED_FLAG,
    POOLED_ACROSS_TRIALS_FLAG,
    PROBABILITY_FLAG,
    REGRESSION_COEFFICIENT,
)
from .judgement import (
    CONSISTENT,
    INCONSISTENT,
    LAST_DIGIT_FLAG,
    NOT_CHECKABLE,
    TRUNCATED_FLAG,
    Verdict,
    as_reported,
    as_reported_p,
    judge,
    judge_pair,
    p_interval,
    ranges_overlap,
    significant,
)
from .revman import POOLED_FLAG
from .rounding import Reported, format_value
from .sas import (
    FISHER,
    FOLDED_F,
    LIKELIHOOD_RATIO,
    MANTEL_HAENSZEL,
    METHOD_FLAG,
    PEARSON,
    POOLED_T,
    WELCH_T,
    YATES,
)
from .vocabulary import GEOMETRIC_MEAN, GEOMETRIC_MEAN_RATIO

SYMMETRIC_DIFFERENCES = {"mean difference", "risk difference"}
# Arm labels recur across a document's rows and documents: their roles once each
# (context.arm_key keeps its own cache).
arm_key = context.arm_key
is_control = lru_cache(maxsize=8192)(context.is_control)
RATIO_MEASURES = {"OR": "OR", "RR": "RR"}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _row(stat: dict, check: str, reported: str, verdict: Verdict, **extra: Any) -> dict:
    reported_value = as_reported(reported)
    return {
        "doc_id": stat["doc_id"],
        "stat_id": int(stat["stat_id"]),
        "comparison_id": extra.pop("comparison_id", None),
        "check": check,
        "reported": reported,
        "recomputed": verdict.recomputed_text,
        "reported_value": reported_value.value if reported_value else math.nan,
        "recomputed_value": verdict.recomputed,
        "recomputed_low": verdict.low,
        "recomputed_high": verdict.high,
        "method": verdict.method,
        "verdict": verdict.verdict,
        "decision_error": extra.pop("decision_error", None),
        "approximate": extra.pop("approximate", False),
        "note": verdict.note,
        "source_text": stat["source_text"],
        "span_start": int(stat["span_start"]),
        "span_end": int(stat["span_end"]),
        "assumption": extra.pop("assumption", ""),
        "flag": extra.pop("flag", ""),
        "log10_p_ratio": extra.pop("log10_p_ratio", math.nan),
        **extra,
    }


def _not_checkable(why: str, method: str = "") -> Verdict:
    return Verdict(NOT_CHECKABLE, method, math.nan, "", why)


# --- percentages ------------------------------------------------------------------------------


def check_percent(
    stat: dict,
    sizes: Iterable[int] = (),
    parallel_of_own_arm: bool = False,
    fewer_in_every_arm: bool = False,
) -> dict | None:
    """Percentage printed beside x/n against 100 x / n (GRIM-style). When n is not printed with
    the count but inferred (the size the text gives the arm elsewhere, or the sample's), a
    mismatch may be the inference's: then any other size the document states (``sizes``) that
    reproduces the percentage makes it consistent, with the inferred n named in the note;
    unless ``parallel_of_own_arm``: another arm's count in the sentence is a percentage of that
    arm's own size, so this one should be too ("2 (3.3%) ... and 5 (16.7%)" in arms of 30);
    and unless ``fewer_in_every_arm``: every arm's percentage in the sentence is of fewer
    patients than its arm has, as when they count those with data at a visit, which the text
    does not number; then a mismatch is not checkable."""
    percent = as_reported(stat.get("percent_text"))
    if percent is None:
        return None
    inferred = not _missing(stat.get("denominator_stat_id"))
    assumption = "n is the size the text gives this arm or sample elsewhere" if inferred else ""
    if _missing(stat.get("numerator")):
        verdict = _not_checkable("no count printed with the percentage")
    elif _missing(stat.get("denominator")):
        verdict = _without_denominator(percent, int(stat["numerator"]))
    elif int(stat["denominator"]) == 0:
        verdict = _not_checkable("zero denominator")
    elif int(stat["numerator"]) > int(stat["denominator"]):
        verdict = _not_checkable("more events than patients")
    else:
        x, n = int(stat["numerator"]), int(stat["denominator"])
        verdict = judge(percent, {"100 x / n": 100.0 * x / n})
        if verdict.verdict == INCONSISTENT and inferred:
            verdict = _another_size(verdict, percent, x, n, sizes, parallel_of_own_arm)
        if verdict.verdict == INCONSISTENT and inferred and fewer_in_every_arm:
            verdict = _fewer_assessed(verdict, percent, x, n)
    return _row(stat, "percent_vs_count", stat["percent_text"], verdict, assumption=assumption)


def _another_size(
    verdict: Verdict, percent: Reported, x: int, n: int, sizes: Iterable[int], parallel: bool
) -> Verdict:
    """A percentage that the inferred n does not give, against the other sizes the text states.
    With a ``parallel`` of its own arm's size, only a smaller size (fewer analysed) may give it:
    a larger one counts more patients than the arm has."""
    others = {m for m in sizes if m != n and m > 0 and m >= x}
    allowed = {m for m in others if m < n} if parallel else others
    fitting = _percent_of_sizes(percent, x, allowed)
    if fitting is not None and fitting.verdict == CONSISTENT:
        note = f"the inferred n = {n} gives {verdict.recomputed_text}"
        return Verdict(
            CONSISTENT, fitting.method, fitting.recomputed, fitting.recomputed_text, note
        )
    larger = _percent_of_sizes(percent, x, others - allowed)
    if larger is not None and larger.verdict == CONSISTENT:
        note = (
            f"{larger.method.split(', ', 1)[1]} gives {larger.recomputed_text}, more patients "
            "than this arm has, while the other arm's percentage in the sentence is of that "
            "arm's own size"
        )
        return replace(verdict, note=note)
    return verdict


def _fewer_assessed(verdict: Verdict, percent: Reported, x: int, n: int) -> Verdict:
    """A percentage that only fewer patients than the inferred n give, beside another arm's
    that does the same ("1047 participants [86.4%] vs. 182 [31.5%]" of arms of 1306 and 655,
    of whom 1212 and 577 had data at week 68): not checkable."""
    fits = _fewer_than_inferred(percent, x, n)
    if not fits:
        return verdict
    return replace(
        verdict,
        verdict=NOT_CHECKABLE,
        note=(
            f"the inferred n = {n} gives {verdict.recomputed_text}; the percentage implies n in "
            f"{{{inference.compact(fits)}}}, fewer than that: it may count only those assessed"
        ),
    )


def _fewer_than_inferred(percent: Reported, x: int, n: int) -> list[int]:
    """The whole denominators that give the percentage when all are fewer than the inferred
    ``n``; else none."""
    fits = denominators_for_percent(percent, x)
    return fits if fits and max(fits) < n else []


def _shortfall_in_every_arm(stats: list[dict], sentences: _RowsBySentence) -> set[int]:
    """The counts with an inferred n whose sentence gives two or more arms' counts, every one
    with a percentage that only fewer patients than its n give: percentages of those assessed."""
    short = set()
    for rows in sentences.starting.values():
        counts = [
            s
            for s in rows
            if s["kind"] == "count" and not _missing(s.get("denominator_stat_id")) and s.get("arm")
        ]
        if len({s["arm"] for s in counts}) < 2:
            continue
        if all(_short_of_own_size(s) for s in counts):
            short.update(int(s["stat_id"]) for s in counts)
    return short


def _short_of_own_size(count: dict) -> bool:
    """Whether a count's percentage is only of fewer patients than the n it has."""
    read = _percent_of_count(count)
    return bool(read and read[1] > 0 and _fewer_than_inferred(*read))


def _percent_of_count(count: dict) -> tuple[Reported, int, int] | None:
    """A count's printed percentage, x and n, when it has all three and 0 <= x <= n, n > 0."""
    percent = as_reported(count.get("percent_text"))
    x, n = count.get("numerator"), count.get("denominator")
    if percent is None or _missing(x) or _missing(n) or not 0 <= int(x) <= int(n) or int(n) == 0:
        return None
    return percent, int(x), int(n)


def _percent_of_sizes(percent: Reported, x: int, sizes: set[int]) -> Verdict | None:
    if not sizes:
        return None
    return judge(
        percent,
        {
            f"100 x / n, n = {m} (another size the text states)": 100.0 * x / m
            for m in sorted(sizes)
        },
    )


def _parallels_of_own_arm(stats: list[dict], sentences: _RowsBySentence) -> set[int]:
    """The counts whose sentence holds another arm's count, with an inferred n, whose percentage
    that arm's own size gives: their percentages should be of their own arm's size too."""
    fitting = [
        s
        for s in stats
        if s["kind"] == "count"
        and not _missing(s.get("denominator_stat_id"))
        and s.get("arm")
        and _percent_of_own_size(s)
    ]
    parallel = set()
    for fit in fitting:
        for other in sentences.starting.get(fit["sentence_start"], []):
            if other["kind"] == "count" and other.get("arm") and other["arm"] != fit["arm"]:
                parallel.add(int(other["stat_id"]))
    return parallel


def _percent_of_own_size(count: dict) -> bool:
    """Whether a count's percentage is 100 x / n of the n it has."""
    read = _percent_of_count(count)
    return bool(read and read[0].contains(100.0 * read[1] / read[2]))


# Beyond this many candidate denominators a percentage constrains n too little to test.
_MOST_DENOMINATORS = 100_000


def denominators_for_percent(percent: Reported, x: int) -> list[int] | None:
    """Return every whole n >= x whose 100 x / n rounds to the printed percentage: GRIM (Brown
    and Heathers 2017) turned round, for a count printed without its denominator. None when
    the percentage leaves n unbounded (0 %, or a count of 0)."""
    lo, hi = percent.interval()
    if x == 0:
        return None if percent.contains(0.0) else []
    if lo <= 0:
        return None
    first = max(x, math.floor(100.0 * x / hi))
    last = math.ceil(100.0 * x / lo)
    if last - first > _MOST_DENOMINATORS:
        return None
    return [n for n in range(first, last + 1) if percent.contains(100.0 * x / n)]


def _without_denominator(percent: Reported, x: int) -> Verdict:
    """A count printed with its percentage but not its denominator: inconsistent when no whole
    number of patients gives the count that percentage ("7 (17.8%)": 7/39 is 17.9%, 7/40 17.5%)."""
    method = "whole denominators n >= x with 100 x / n rounding to the percentage (GRIM)"
    fits = denominators_for_percent(percent, x)
    if fits is None:
        return _not_checkable("no denominator printed with the count", method)
    if fits:
        return Verdict(
            NOT_CHECKABLE,
            method,
            math.nan,
            f"n in {{{inference.compact(fits)}}}",
            "no denominator printed with the count; the percentage implies one of these n",
        )
    near = max(x, math.floor(100.0 * x / percent.value)) if percent.value > 0 else x
    neighbours = ", ".join(
        f"{x}/{n} = {format_value(100.0 * x / n, percent.decimals)}%"
        for n in (near, near + 1)
        if n > 0 and n >= x
    )
    return Verdict(
        INCONSISTENT,
        method,
        math.nan,
        neighbours,
        f"no whole number of patients gives {x} as {percent.text}%",
    )


def counts_for_percent(percent_text: str, n: int) -> list[int]:
    """Return every count x in 0..n whose 100 x / n rounds to the printed percentage (GRIM)."""
    percent = as_reported(percent_text)
    if percent is None or n <= 0:
        return []
    lo, hi = percent.interval()
    first, last = max(0, math.ceil(lo * n / 100 - 1e-9)), min(n, math.floor(hi * n / 100 + 1e-9))
    return [x for x in range(first, last + 1) if percent.contains(100.0 * x / n)]


def check_percent_granularity(stat: dict, sizes: list[int], of_arm: bool = False) -> dict | None:
    """A percentage without its count: which counts out of the stated n could produce it.
    ``sizes`` are the sizes of the percentage's arm when ``of_arm``, else every sample and arm
    size the document states (an arm's share is no share of the whole sample)."""
    text = stat.get("value_text") or stat.get("percent_text")
    percent = as_reported(text)
    if percent is None or not 0 <= percent.value <= 100:
        return None
    if _has_flag(stat, PROBABILITY_FLAG):
        why = "a probability of a hypothesis (a Bayesian analysis's), not a share of patients"
        return _row(stat, "percent_granularity", text, _not_checkable(why))
    own = None if _missing(stat.get("denominator")) else int(stat["denominator"])
    candidates = [own] if own else sorted(set(sizes))
    if not candidates:
        return None
    if _not_a_share(stat):
        why = "a measurement in percent or the amount of a change, not a share of patients"
        return _row(stat, "percent_granularity", text, _not_checkable(why))
    fits = {n: counts_for_percent(text, n) for n in candidates if n > 0}
    text_of = "; ".join(f"x/{n}: x in {{{inference.compact(xs)}}}" for n, xs in fits.items() if xs)
    method = "counts x with 100 x / n rounding to the percentage (GRIM)"
    if any(fits.values()):
        verdict = Verdict(CONSISTENT, method, math.nan, text_of)
    elif own:
        verdict = Verdict(INCONSISTENT, method, math.nan, "", f"no count out of {own} gives it")
    else:
        verdict = _not_checkable(
            f"no count out of n in {{{inference.compact(candidates)}}} gives it; the percentage "
            "may not be a proportion of these patients",
            method,
        )
    if own:
        assumption = ""
    elif of_arm:
        assumption = "n is a size (randomized or analysed) stated for the value's arm"
    else:
        assumption = "n is one of the sample or arm sizes stated in the document"
    return _row(stat, "percent_granularity", text, verdict, assumption=assumption)


def sizes_of_arm(stat: dict, arm_sizes: dict[str, int], analysed: dict[str, int]) -> list[int]:
    """Return the sizes the text states for a value's arm (randomized and analysed), if any."""
    key = sized_arm_key(stat.get("arm") or "", arm_sizes)
    return sorted({n for n in (arm_sizes.get(key), analysed.get(key)) if n})


def sized_arm_key(arm: str, arm_sizes: dict[str, int]) -> str:
    """Return the key of the sized arm a value's arm names: its own, else the one sized arm whose
    name holds all its words ("the rhythm-control group" of "early rhythm control (602
    patients)"), else its own."""
    key = arm_key(arm)
    if not key or key in arm_sizes:
        return key
    words = set(key.split())
    holding = [sized for sized in arm_sizes if words <= set(sized.split())]
    return holding[0] if len(holding) == 1 else key


# A percentage whose interval comes from a survival curve or a model (Greenwood or log-log
# intervals of a Kaplan-Meier estimate), not from x of n people.
_NOT_A_CRUDE_SHARE = re.compile(
    r"(?i)surviv|(?<![a-z])free\b|Kaplan|Meier|cumulative|probabilit|estimated|time\sto\b"
    r"|\bKM\b|hazard|per\s(?:100|1000|1,000)|rate\sat\b"
)


def percentage_sizes(
    stat: dict, arm_sizes: dict[str, int], analysed: dict[str, int], samples: list[int]
) -> tuple[int, bool] | None:
    """Return the n a percentage is most likely of and whether the text says so: its own
    printed denominator or its arm's analysed number (said), else its arm's stated size or,
    for a percentage of no arm, the smallest sample size the text states (not said; the check
    tries the others too)."""
    if not _missing(stat.get("denominator")):
        return int(float(stat["denominator"])), True
    arm = stat.get("arm") or ""
    key = sized_arm_key(arm, arm_sizes)
    if arm and key in analysed:
        return analysed[key], True
    if arm and key in arm_sizes:
        return arm_sizes[key], False
    if not arm and samples:
        return samples[0], False
    return None


def _share_intervals(stat: dict, text: str, n: int, level: float) -> dict:
    """Return {method and x/n: (lower, upper) in percent} of every count x out of n whose share
    rounds to the percentage (a count's own x only)."""
    counts = [int(stat["numerator"])] if stat["kind"] == "count" else counts_for_percent(text, n)
    return {
        f"{method}, {x}/{n}": (100 * low, 100 * high)
        for x in counts
        for method, (low, high) in proportion_ci.intervals(x, n, level).items()
    }


def check_percent_interval(
    stat: dict, size: tuple[int, bool], settings: Settings, other_sizes: Iterable[int] = ()
) -> dict | None:
    """A percentage's CI against x/n's intervals (proportion_ci.py: Clopper-Pearson, Wilson
    with and without continuity correction, Wald, Agresti-Coull, Jeffreys) for every count x
    out of n whose share rounds to the percentage: consistent if one reproduces both limits.
    When none does, inconsistent only if the text gives n as the percentage's (its printed or
    analysed denominator) and names no survival or model estimate, whose intervals are not
    x/n's. An n the text does not give as the percentage's (its arm's or the sample's size)
    may be the wrong one: then the other sizes the text states are tried, and if none
    reproduces the interval it is not checkable. A count printed with its percentage and the
    percentage's interval ("50/60 (83.3%; 95% CI, 71.5 to 91.7)") is its own x of n."""
    text = (stat.get("percent_text") if stat["kind"] == "count" else stat.get("value_text")) or ""
    est = as_reported(text)
    lo, hi = as_reported(stat.get("ci_low_text")), as_reported(stat.get("ci_high_text"))
    if None in (est, lo, hi) or _is_efficacy(stat) or _not_a_share(stat):
        return None
    n, said = size
    reported = f"{lo.text} to {hi.text}"
    if _interval_problem(lo, hi):
        verdict = _not_checkable(_interval_problem(lo, hi))
        return _row(stat, "percent_ci_vs_size", reported, verdict)
    level = _level(stat, settings)
    candidates = _share_intervals(stat, text, n, level)
    verdict = _unless_credible(judge_pair(lo, hi, candidates), stat)
    assumption = f"the percentage is of n = {n}" + ("" if said else " (its arm or sample size)")
    if verdict.verdict != CONSISTENT and not said:
        for other in sorted(set(other_sizes) - {n}):
            found = judge_pair(lo, hi, _share_intervals(stat, text, other, level))
            if found.verdict == CONSISTENT:
                verdict = found
                assumption = f"the percentage is of n = {other}, a size the text states"
                break
    assumption += f"; {level:g} level"
    label = " ".join(str(stat.get(k) or "") for k in ("outcome", "source_text"))
    if verdict.verdict == NOT_CHECKABLE and not candidates:
        verdict = _not_checkable(f"no count out of {n} gives {text}%")
    elif verdict.verdict == INCONSISTENT and not said:
        why = (
            f"no interval of a count out of {n} or of another size the text states is it; the "
            "percentage may be of other (evaluable) patients, or a Kaplan-Meier or model estimate"
        )
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    elif verdict.verdict == INCONSISTENT and _NOT_A_CRUDE_SHARE.search(label):
        why = "a survival or model estimate's interval (Greenwood, log-log) is not x/n's"
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    return _row(stat, "percent_ci_vs_size", reported, verdict, assumption=assumption)


# --- CIs on their own ---------------------------------------------------------------------------


def _level(stat: dict, settings: Settings) -> float:
    """The two-sided level of a statistic's interval; a one-sided bound at 1 - a is a limit of
    the two-sided interval at 1 - 2a (Piaggio et al., JAMA 2012)."""
    level = stat.get("ci_level")
    if _missing(level):
        return settings.ci_level
    return 2 * float(level) - 1 if _has_flag(stat, ONE_SIDED_FLAG) else float(level)


def _interval_problem(lo, hi) -> str:
    if lo.value > hi.value:
        return "CI limits reversed"
    return ""


def check_ratio_midpoint(stat: dict) -> dict | None:
    """Ratio estimate against the geometric mean of its CI limits (log-scale symmetry)."""
    est, lo, hi = (as_reported(stat.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text"))
    if None in (est, lo, hi):
        return None
    if lo.value <= 0 or hi.value <= 0:
        verdict = _not_checkable("CI limit not positive")
    elif _interval_problem(lo, hi):
        verdict = _not_checkable(_interval_problem(lo, hi))
    else:
        low, high = ci_geometry.ratio_midpoint(lo.interval(), hi.interval())
        verdict = _judge_range(est, (low, high), "geometric mean of CI limits")
    return _row(stat, "ratio_vs_ci_midpoint", stat["value_text"], verdict)


def check_rate_ratio(ratio: dict, first: dict, second: dict) -> dict | None:
    """A rate ratio against the two event rates printed before it ("0.85 per patient-year with
    drug and 1.21 with placebo (rate ratio, 0.70 ...)"): the ratio of the rates, over every
    pair of values that round to them, in either order. An adjusted ratio that differs is not
    checkable: a model need not reproduce the ratio of crude rates."""
    est, r1, r2 = (as_reported(s.get("value_text")) for s in (ratio, first, second))
    if None in (est, r1, r2):
        return None
    units = {first.get("unit") or "", second.get("unit") or ""} - {""}
    (lo1, hi1), (lo2, hi2) = r1.interval(), r2.interval()
    if len(units) > 1:
        verdict = _not_checkable("the rates are per different amounts of person-time")
    elif est.value <= 0:
        verdict = _not_checkable("a rate ratio that is not positive")
    elif min(lo1, lo2) <= 0:
        verdict = _not_checkable("a rate that may be zero")
    else:
        orders = {  # (ratio, lowest, highest) over the rates' rounding
            "ratio of the rates, first / second": (r1.value / r2.value, lo1 / hi2, hi1 / lo2),
            "ratio of the rates, second / first": (r2.value / r1.value, lo2 / hi1, hi2 / lo1),
        }
        matching = [name for name, (_, *bounds) in orders.items() if est.overlaps(*bounds)]
        method = (
            matching or sorted(orders, key=lambda n: abs(math.log(orders[n][0] / est.value)))
        )[0]
        centre, low, high = orders[method]
        text = f"{format_value(centre, est.decimals)} ({low:.4g} to {high:.4g})"
        if matching:
            verdict = Verdict(CONSISTENT, method, centre, text, "", low, high)
        elif _adjusted(ratio):
            note = "an adjusted ratio need not equal the ratio of the printed rates"
            verdict = Verdict(NOT_CHECKABLE, method, centre, text, note, low, high)
        else:
            verdict = Verdict(INCONSISTENT, method, centre, text, "", low, high)
    return _row(
        ratio,
        "ratio_vs_rates",
        ratio["value_text"],
        verdict,
        # sorted: a set's order changes with PYTHONHASHSEED, and results must not
        assumption=f"rates {first['value_text']} and {second['value_text']} "
        + " ".join(sorted(units)),
    )


def check_rate_ratio_events(ratio: dict, first: dict, second: dict, settings: Settings) -> list:
    """A rate ratio and its CI against two arms' events over their person-time ("35 events in
    1,200 person-years ... 60 in 1,180 person-years (IRR 0.57, 95% CI 0.37 to 0.88)"), in
    either order: the ratio of the rates, its exact conditional and Wald CIs (rates.py)."""
    est = as_reported(ratio.get("value_text"))
    if est is None:
        return []
    a, t1 = int(first["numerator"]), float(first["person_time"])
    b, t2 = int(second["numerator"]), float(second["person_time"])
    assumption = f"{a} events in {t1:g} and {b} in {t2:g} of person-time (either order)"
    units = {first.get("unit"), second.get("unit")}
    candidates = {}
    for label, counts in (("first / second", (a, t1, b, t2)), ("second / first", (b, t2, a, t1))):
        found = rates.rate_ratio_candidates(*counts, _level(ratio, settings))
        candidates.update({f"{method}, {label}": values for method, values in found.items()})
    if len(units) > 1 or not candidates:
        why = "rates per different person-time" if len(units) > 1 else "an arm with no events"
        verdict = _not_checkable(why)
        return [_row(ratio, "ratio_vs_events", ratio["value_text"], verdict)]
    estimates = {}
    for method, (value, _, _) in candidates.items():
        estimates.setdefault("rate ratio, " + method.rsplit(", ", 1)[1], value)
    verdict = judge(est, estimates)
    if verdict.verdict == INCONSISTENT and _adjusted(ratio):
        verdict = _not_checkable("an adjusted ratio need not equal the ratio of crude rates")
    rows = [_row(ratio, "ratio_vs_events", ratio["value_text"], verdict, assumption=assumption)]
    assumption += f"; {_level(ratio, settings):g} level"
    return rows + _interval_against(ratio, "ci_vs_events", candidates, assumption)


_CREDIBLE = re.compile(r"\bcredible\b|\bCrI\b", re.IGNORECASE)


def _unless_credible(verdict: Verdict, stat: dict) -> Verdict:
    """A credible interval that no frequentist method reproduces is not checkable: it is a
    quantile interval of a Bayesian posterior, which its prior moves away from them."""
    if verdict.verdict != INCONSISTENT or not _CREDIBLE.search(stat.get("source_text") or ""):
        return verdict
    why = "a credible interval comes from a Bayesian model's posterior, not from the counts"
    return replace(verdict, verdict=NOT_CHECKABLE, note=why)


def _interval_against(stat: dict, check: str, candidates: dict, assumption: str) -> list[dict]:
    """The row of a printed CI judged against {method: (estimate, lower, upper)}; none when
    the statistic has no CI."""
    lo, hi = as_reported(stat.get("ci_low_text")), as_reported(stat.get("ci_high_text"))
    if lo is None or hi is None:
        return []
    problem = _interval_problem(lo, hi)
    pairs = {method: (low, high) for method, (_, low, high) in candidates.items()}
    verdict = _not_checkable(problem) if problem else judge_pair(lo, hi, pairs)
    verdict = _unless_credible(verdict, stat)
    reported = f"{stat['ci_low_text']} to {stat['ci_high_text']}"
    return [_row(stat, check, reported, verdict, assumption=assumption)]


_RATE_UNIT = re.compile(r"per\s(?:(?P<mult>\d{1,6})\s)?(?P<time>.{1,40}?)s?$")


def check_rate_against_events(rate: dict, events: dict) -> dict | None:
    """A rate printed right after the events and person-time it comes from ("14 infections
    during 843 person-months (1.7 per 100 person-months)"): events / person-time, scaled."""
    est = as_reported(rate.get("value_text"))
    printed, own = _RATE_UNIT.match(rate["unit"] or ""), _RATE_UNIT.match(events["unit"] or "")
    if est is None or printed is None or own is None:
        return None
    if printed["time"].lower() != own["time"].lower():
        return None  # "per 1000 person-years" after events in person-months: not its rate
    scale = float(printed["mult"] or 1)
    value = scale * int(events["numerator"]) / float(events["person_time"])
    method = f"{scale:g} x events / person-time"
    verdict = _judge_range(est, (value, value), method)
    return _row(
        rate,
        "rate_vs_events",
        rate["value_text"],
        verdict,
        assumption=f"{events['numerator']} events in {float(events['person_time']):g}",
    )


def _events_just_before(rate: dict, stats: list[dict], gap: int = 4) -> dict | None:
    """Return the events-over-person-time row that ends at most a bracket before a rate."""
    return next(
        (
            s
            for s in reversed(stats)
            if s["kind"] == "rate"
            and not _missing(s.get("person_time"))
            and s["sentence_start"] == rate["sentence_start"]
            and 0 <= rate["span_start"] - s["span_end"] <= gap
        ),
        None,
    )


def check_efficacy_events(efficacy: dict, first: dict, second: dict, settings: Settings) -> list:
    """A vaccine efficacy in percent after two arms' events over person-time ("vaccine efficacy
    43%, 95% CI 12 to 63"): 100 x (1 - rate ratio) of the first arm against the second, its
    CI from the rate ratio's (exact conditional and Wald, rates.py) with the limits swapped."""
    est = as_reported(efficacy.get("value_text"))
    units = {first.get("unit"), second.get("unit")}
    counts = (int(first["numerator"]), float(first["person_time"]))
    counts += (int(second["numerator"]), float(second["person_time"]))
    found = rates.rate_ratio_candidates(*counts, _level(efficacy, settings))
    if est is None or len(units) > 1 or not found:
        return []
    candidates = _as_efficacy(found)
    assumption = f"100 x (1 - rate ratio) of {counts[0]} events in {counts[1]:g} against"
    assumption += f" {counts[2]} in {counts[3]:g} of person-time"
    value = next(iter(candidates.values()))[0]
    rows = [
        _row(
            efficacy,
            "efficacy_vs_events",
            efficacy["value_text"],
            judge(est, {"100 x (1 - rate ratio)": value}),
            assumption=assumption,
        )
    ]
    assumption += f"; {_level(efficacy, settings):g} level"
    return rows + _interval_against(efficacy, "efficacy_ci_vs_events", candidates, assumption)


_NOT_FROM_RISKS = (
    "a vaccine efficacy may come from a hazard ratio or from cases per person-time, not from "
    "the crude risks"
)


def efficacy_from_risks(
    cases_1: int, people_1: int, cases_2: int, people_2: int, level: float
) -> dict[str, tuple[float, float, float]]:
    """Return {method: (efficacy %, lower, upper)} of arm 1 against arm 2 from their risks:
    100 x (1 - risk ratio), each risk-ratio interval's limits swapped. Methods: Katz (Wald, log
    scale), Koopman and Miettinen-Nurminen score (twobytwo.py), and exact conditional on the
    total cases, arm 1's share binomial with its people as exposure (R's poisson.test with the
    arm sizes as time base; rates.py)."""
    if cases_2 <= 0 or cases_1 < 0:
        return {}
    table = (cases_1, people_1, cases_2, people_2)
    ratio = (cases_1 / people_1) / (cases_2 / people_2)
    found = {}
    if cases_1 > 0:  # the Katz interval needs a case in each arm
        _, katz_low, katz_high = twobytwo.risk_ratio_wald(*table, level, 0)
        found["risk ratio, Katz (Wald) CI"] = (ratio, float(katz_low), float(katz_high))
    for mn, label in ((False, "Koopman score CI"), (True, "Miettinen-Nurminen score CI")):
        found[f"risk ratio, {label}"] = (ratio, *twobytwo.risk_ratio_score(*table, level, mn))
    # "0 cases among 1,005 vaccine recipients": the exact interval's lower limit is 0
    exact = rates.exact_conditional_interval(*table, level)
    found["risk ratio, exact conditional CI on the total cases"] = (ratio, *exact)
    return _as_efficacy(found)


def _as_efficacy(ratios: dict[str, tuple[float, float, float]]) -> dict:
    """Return {method: (efficacy %, lower, upper)} of {method: (ratio, lower, upper)}: 100 x
    (1 - ratio), the interval's limits swapped."""
    return {
        method: (100 * (1 - ratio), 100 * (1 - high), 100 * (1 - low))
        for method, (ratio, low, high) in ratios.items()
    }


def check_efficacy_counts(efficacy: dict, first: dict, second: dict, settings: Settings) -> list:
    """A vaccine efficacy in percent after two arms' cases among their people ("8 cases among
    18,198 vaccine recipients and 162 among 18,325 placebo recipients; vaccine efficacy was
    95.0%"), the arms as printed, then reversed: 100 x (1 - risk ratio). A value that no order
    reproduces but that lies inside the recomputed exact interval may come from a hazard ratio or
    from person-time (not checkable); one outside it is inconsistent. Its CI: consistent when a
    risk-ratio method reproduces it, inconsistent when it shares no value with any of them, else
    not checkable (a credible interval, as every ratio's: _unless_credible)."""
    est = as_reported(efficacy.get("value_text"))
    level = _level(efficacy, settings)
    counts = [(int(r["numerator"]), int(float(r["denominator"]))) for r in (first, second)]
    candidates = {}
    for label, (one, two) in (("as printed", counts), ("arms reversed", counts[::-1])):
        found = efficacy_from_risks(*one, *two, level)
        candidates.update({f"{method}, {label}": values for method, values in found.items()})
    if est is None or not candidates:
        return []
    assumption = f"100 x (1 - risk ratio) of {counts[0][0]}/{counts[0][1]} against"
    assumption += f" {counts[1][0]}/{counts[1][1]} (arms reversed also tried)"
    points = {}
    for method, (value, _, _) in candidates.items():
        points.setdefault(f"100 x (1 - risk ratio), {method.rsplit(', ', 1)[1]}", value)
    verdict = judge(est, points)
    if verdict.verdict == INCONSISTENT and any(
        low <= est.value <= high for _, low, high in candidates.values()
    ):
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=_NOT_FROM_RISKS)
    rows = [
        _row(efficacy, "efficacy_vs_counts", efficacy["value_text"], verdict, assumption=assumption)
    ]
    assumption += f"; {level:g} level"
    rows += _interval_against(efficacy, "efficacy_ci_vs_counts", candidates, assumption)
    if rows[1:] and rows[1]["verdict"] == INCONSISTENT:
        rows[1] = _unless_disjoint(rows[1], efficacy, candidates)
    return rows


# Ratios a vaccine efficacy is 100 x (1 - ratio) of (Orenstein et al., Bull WHO 1985); an odds
# ratio only approximates a risk ratio, so it is not one of them.
_EFFICACY_RATIOS = frozenset({"HR", "RR", "IRR"})


def _ratio_of_efficacy(stat: dict, stats: list[dict]) -> dict | None:
    """Return the hazard, risk or rate ratio printed in a vaccine efficacy's sentence, the
    nearest to it, or None."""
    if not _is_efficacy(stat):
        return None
    ratios = [
        s
        for s in stats
        if s["kind"] == "ratio"
        and s.get("measure") in _EFFICACY_RATIOS
        and s["sentence_start"] == stat["sentence_start"]
        and as_reported(s.get("value_text")) is not None
    ]
    return min(ratios, key=lambda s: abs(s["span_start"] - stat["span_start"]), default=None)


def _judge_efficacy(est: Reported, ratio: Reported, method: str) -> Verdict:
    """Judge an efficacy against those of every ratio that rounds to the printed one."""
    low, high = ratio.interval()
    efficacies = (100 * (1 - high), 100 * (1 - low))
    value = 100 * (1 - ratio.value)
    verdict = CONSISTENT if est.overlaps(*efficacies) else INCONSISTENT
    return Verdict(verdict, method, value, format_value(value, est.decimals), "", *efficacies)


def check_efficacy_ratio(efficacy: dict, ratio: dict) -> list[dict]:
    """A vaccine efficacy in percent printed with the hazard, risk or rate ratio it comes from
    ("hazard ratio 0.059 ... a vaccine efficacy of 94.1%"): 100 x (1 - ratio), and its CI from
    the ratio's with the limits swapped. The ratio is printed rounded, so the efficacy is
    consistent when it rounds from the efficacy of any ratio that rounds to the printed one."""
    est, printed = as_reported(efficacy.get("value_text")), as_reported(ratio["value_text"])
    if est is None or printed is None:
        return []
    measure = ratio["measure"]
    method = f"100 x (1 - {measure})"
    assumption = f"the efficacy is 100 x (1 - {measure}) of the {measure} in its sentence"
    rows = [
        _row(
            efficacy,
            "efficacy_vs_ratio",
            efficacy["value_text"],
            _judge_efficacy(est, printed, method),
            assumption=assumption,
        )
    ]
    lo, hi = as_reported(efficacy.get("ci_low_text")), as_reported(efficacy.get("ci_high_text"))
    r_lo, r_hi = as_reported(ratio.get("ci_low_text")), as_reported(ratio.get("ci_high_text"))
    if None in (lo, hi, r_lo, r_hi):
        return rows
    # the efficacy's lower limit is that of the ratio's upper limit, and the other way round
    lower = _judge_efficacy(lo, r_hi, method)
    upper = _judge_efficacy(hi, r_lo, method)
    both = CONSISTENT if CONSISTENT == lower.verdict == upper.verdict else INCONSISTENT
    interval = Verdict(
        both,
        f"{method}, limits of the {measure}'s CI swapped",
        math.nan,
        f"{lower.recomputed_text} to {upper.recomputed_text}",
        "",
        lower.recomputed,
        upper.recomputed,
    )
    reported = f"{efficacy['ci_low_text']} to {efficacy['ci_high_text']}"
    rows.append(
        _row(efficacy, "efficacy_ci_vs_ratio_ci", reported, interval, assumption=assumption)
    )
    return rows


def _unless_disjoint(row: dict, efficacy: dict, candidates: dict) -> dict:
    """A vaccine efficacy's CI that no risk-ratio method reproduces is not checkable when it
    shares a value with one of them (it may be a model's), else it stays inconsistent."""
    lo, hi = as_reported(efficacy["ci_low_text"]), as_reported(efficacy["ci_high_text"])
    if any(low <= hi.value and lo.value <= high for _, low, high in candidates.values()):
        return {**row, "verdict": NOT_CHECKABLE, "note": _NOT_FROM_RISKS}
    return row


def _counts_of_efficacy(stat: dict, stats: list[dict]) -> tuple[dict, dict] | None:
    """Return the two counts with denominators a vaccine efficacy comes from: the last two
    before it in its sentence, else the first two after it there ("efficacy was 59.3% (...):
    31 cases among 3,901 vaccinees and 76 among 3,889 placebo recipients"), else the last two
    of the sentence just before it ("... 162 among 18,325 placebo recipients. Efficacy against
    Covid-19 was 95.0%.") unless they count another outcome; or None."""
    if not _is_efficacy(stat):
        return None
    counts = [
        s
        for s in stats
        if s["kind"] == "count"
        and not _missing(s.get("numerator"))
        and not _missing(s.get("denominator"))
    ]
    own = [s for s in counts if s["sentence_start"] == stat["sentence_start"]]
    before = [s for s in own if s["span_end"] <= stat["span_start"]]
    after = [s for s in own if s["span_start"] >= stat["span_end"]]
    previous = [
        s
        for s in counts
        if s["span_end"] <= stat["span_start"]
        and 0 <= stat["sentence_start"] - s["sentence_end"] <= SENTENCE_GAP
    ]
    if len(before) >= 2:
        return before[-2], before[-1]
    if len(after) >= 2:
        return after[0], after[1]
    against = _EFFICACY_WORDS.sub(" ", stat.get("outcome") or "").strip()
    if len(previous) >= 2 and not _another_outcome(against, previous[-1].get("outcome") or ""):
        return previous[-2], previous[-1]
    return None


# the words that name an efficacy rather than what it is against ("Vaccine efficacy against
# laboratory-confirmed influenza")
_EFFICACY_WORDS = re.compile(r"(?i)\b(?:vaccine|efficacy|effectiveness|against|of|the|was)\b")


def _events_of_efficacy(stat: dict, stats: list[dict]) -> tuple[dict, dict] | None:
    """Return the two arms' events over person-time a vaccine efficacy follows, or None."""
    if not _is_efficacy(stat):
        return None
    found = _rates_before(stat, stats)
    return found if found and _have_person_time(found) else None


def _is_efficacy(stat: dict) -> bool:
    """Return True if a value's outcome is a (vaccine) efficacy, or a percentage says it is a
    relative risk reduction: the same 100 x (1 - risk ratio)."""
    outcome = stat.get("outcome") or ""
    if "efficacy" in outcome.lower() or _RELATIVE_REDUCTION.search(outcome):
        return True
    if _has_flag(stat, EFFICACY_FLAG):
        return True  # "for a vaccine efficacy of 64.0%": named so before it
    return stat["kind"] == "percentage" and bool(
        _RELATIVE_REDUCTION.search(stat.get("source_text") or "")
    )


_RELATIVE_REDUCTION = re.compile(r"(?i)\brelative\s(?:risk\s)?reduction\b|\bRRR\b")


def _have_person_time(rates: tuple[dict, dict]) -> bool:
    """Return True if both rates were read as events over person-time."""
    return all(not _missing(r.get("person_time")) for r in rates)


def _rates_before(ratio: dict, stats: list[dict]) -> tuple[dict, dict] | None:
    """Return the last two rates printed before a rate ratio in its sentence, and after any
    rate ratio before it there; None when there are not two."""
    sentence = ratio["sentence_start"]
    earlier = [
        s for s in stats if s["sentence_start"] == sentence and s["span_end"] <= ratio["span_start"]
    ]
    since = [s for s in earlier if s["kind"] == "ratio" and s.get("measure") == "IRR"]
    floor = since[-1]["span_end"] if since else -1
    rates = [s for s in earlier if s["kind"] == "rate" and s["span_start"] >= floor]
    return (rates[-2], rates[-1]) if len(rates) >= 2 else None


# A difference in percentage points: "5.7 percentage points", "an absolute risk reduction of 5.7%".
_PERCENTAGE_POINTS = re.compile(r"(?i)percentage|pp\b|%-?points?")


def _in_percentage_points(stat: dict) -> bool:
    unit = stat.get("unit") or ""
    return bool(_PERCENTAGE_POINTS.match(unit)) or (
        unit.strip() == "%" and stat.get("measure") == "risk difference"
    )


def _percent_difference(stat: dict) -> bool:
    """A 'difference' printed in % ("difference -2.8%"): percentage points or relative."""
    return (stat.get("unit") or "").strip() == "%" and stat.get("measure") == "difference"


def _percent_text(stat: dict) -> str:
    """The percentage a percentage or count row prints ('' when none)."""
    if stat["kind"] == "percentage" and (stat.get("unit") or "%") == "%":
        return str(stat.get("value_text") or "")
    if stat["kind"] == "count" and not _missing(stat.get("percent_text")):
        return str(stat["percent_text"])
    return ""


def _changes_of_two_arms(
    diff: dict, sentences: _RowsBySentence
) -> tuple[tuple[dict, dict], tuple[dict, dict]] | None:
    """The (baseline, follow-up) means of each of two arms printed before a between-group
    difference in its sentence ("decreased from 152.3 ± 12.1 to 138.4 ± 11.6 mmHg in the
    intervention group and from 151.8 ± 11.9 to 146.2 ± 12.4 mmHg in the control group
    (between-group difference -8.3 mmHg ...)"), in the order the arms come; None unless the
    sentence holds exactly those four means, of one outcome, and no other estimate before it."""
    if (diff.get("measure") or "") not in {"difference", "mean difference"}:
        return None
    before = sentences.own(diff)
    means = [s for s in before if s["kind"] == "mean"]
    if len(means) != 4 or any(s["kind"] in {"ratio", "difference"} for s in before):
        return None
    if len({m.get("outcome") or "" for m in means}) != 1 or any(not m.get("arm") for m in means):
        return None
    arms: dict[str, list[dict]] = {}
    for mean in means:
        arms.setdefault(mean["arm"], []).append(mean)
    pairs = list(arms.values())
    if len(pairs) != 2 or any(
        len(pair) != 2 or [m.get("timepoint") == "baseline" for m in pair] != [True, False]
        for pair in pairs
    ):
        return None
    return (pairs[0][0], pairs[0][1]), (pairs[1][0], pairs[1][1])


# The slope of the follow-up on the baseline values an analysis of covariance may estimate:
# 0 gives the difference of the follow-up means, 1 that of the changes; above 2 needs the
# follow-up SD over twice the baseline SD with a near-perfect correlation (Vickers & Altman,
# BMJ 2001; 323:1123).
_ANCOVA_SLOPES = (0.0, 2.0)


def check_difference_against_changes(
    diff: dict, first: tuple[dict, dict], second: tuple[dict, dict]
) -> dict | None:
    """A between-group difference after each arm's baseline and follow-up means: the
    difference of the changes (slope 1), of the follow-up means (slope 0) or an analysis of
    covariance's (follow-up difference minus a slope times the baseline difference, slope 0 to
    2), over every value that rounds to the four means; either arm first."""
    est = as_reported(diff.get("value_text"))
    values = [as_reported(m.get("value_text")) for m in (*first, *second)]
    if est is None or None in values:
        return None
    b1, f1, b2, f2 = (v.interval() for v in values)
    method = (
        "difference of the follow-up means minus a slope (0 to 2) times that of the baseline "
        "means, over their rounding intervals (slope 1: the difference of the changes)"
    )
    verdicts = []
    for sign in (1, -1):
        ends = [
            sign * ((f1[i] - f2[1 - i]) - slope * (b1[j] - b2[1 - j]))
            for slope in _ANCOVA_SLOPES
            for i in (0, 1)
            for j in (0, 1)
        ]
        low, high = min(ends), max(ends)
        centre = sign * ((f1[0] + f1[1] - b1[0] - b1[1]) - (f2[0] + f2[1] - b2[0] - b2[1])) / 2
        judged = _judge_range(est, (low, high), method)
        text = format_value(centre, est.decimals)
        verdicts.append(
            replace(judged, recomputed=centre, recomputed_text=text, low=low, high=high)
        )
    verdict = _first_fit(verdicts, est)
    assumption = (
        f"{values[0].text} to {values[1].text} and {values[2].text} to {values[3].text} are the "
        "two arms' baseline and follow-up means of the difference's outcome"
    )
    return _row(diff, "difference_vs_changes", diff["value_text"], verdict, assumption=assumption)


class _RowsBySentence:
    """A document's statistics by the sentence they start in and the one they end in."""

    def __init__(self, stats: list[dict]) -> None:
        self.starting: dict[int, list[dict]] = {}
        self.ending: dict[int, list[dict]] = {}
        for row in stats:
            self.starting.setdefault(row["sentence_start"], []).append(row)
            self.ending.setdefault(row["sentence_end"], []).append(row)

    def own(self, row: dict) -> list[dict]:
        """The rows of ``row``'s sentence that end before it starts."""
        rows = self.starting.get(row["sentence_start"], [])
        return [s for s in rows if s["span_end"] <= row["span_start"]]

    def just_before(self, row: dict) -> list[dict]:
        """The rows of the sentence that ends at most SENTENCE_GAP before ``row``'s."""
        start = row["sentence_start"]
        found = [s for gap in range(SENTENCE_GAP, -1, -1) for s in self.ending.get(start - gap, [])]
        return sorted(found, key=lambda s: s["span_start"])


def _percentages_before(
    diff: dict, sentences: _RowsBySentence, own_sentence: bool = False
) -> tuple[dict, dict] | None:
    """Return the two arms' percentages an estimate follows: the only two values printed since
    the last estimate before it, in its sentence, else, when it opens a sentence that has
    none, in the sentence just before ("Mortality was 21.3% vs 15.6%. The 5.7-point difference
    ..."; not "... 15.6%. Readmission was lower with drug (OR 0.7)"); None otherwise, and for
    a difference not in percentage points."""
    if diff["kind"] == "difference" and not (
        _in_percentage_points(diff) or _percent_difference(diff)
    ):
        return None
    windows = [sentences.own(diff)]
    if not own_sentence and diff["span_start"] - diff["sentence_start"] <= OPENS_ITS_SENTENCE:
        windows.append(sentences.just_before(diff))
    for window in windows:
        since = [s for s in window if s["kind"] in {"difference", "ratio", "test", "nnt"}]
        floor = since[-1]["span_end"] if since else -1
        # a relative risk reduction in percent is an estimate, not an arm's value
        values = [
            s
            for s in window
            if s["span_start"] >= floor and s["kind"] in PER_ARM_VALUES and not _is_efficacy(s)
        ]
        if values:
            shown = [s for s in values if _percent_text(s)]
            return (shown[0], shown[1]) if len(values) == len(shown) == 2 else None
    return None


def _percentages_of_its_arms(diff: dict, stats: list[dict]) -> tuple[dict, dict] | None:
    """Return the percentages a risk difference in percentage points compares when they are not
    in its sentence: a registry record's row of each arm's percentage of participants above its
    statistical analysis. They must be the only percentages before it of its outcome, one of
    each of its two arms (in its order)."""
    if diff["kind"] != "difference" or not _in_percentage_points(diff) or not diff.get("outcome"):
        return None
    arms = (diff.get("arm") or "").split(" vs ")
    if len(arms) != 2:
        return None
    shown = [
        s
        for s in stats
        if s["kind"] == "percentage"
        and s["span_end"] <= diff["span_start"]
        and s.get("outcome") == diff["outcome"]
        and _percent_text(s)
    ]
    if [s.get("arm") for s in shown] == arms:
        return shown[0], shown[1]
    return None


def check_difference_against_percentages(diff: dict, first: dict, second: dict) -> dict | None:
    """A difference in percentage points against the two arms' printed percentages: some pair
    of values that round to them must differ by a value that rounds to the difference (either
    order: the sign follows which arm is subtracted)."""
    est = as_reported(diff.get("value_text"))
    a, b = (as_reported(_percent_text(s)) for s in (first, second))
    if est is None or a is None or b is None:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = a.interval(), b.interval()
    span = _signed_size(a_lo - b_hi, a_hi - b_lo, est.value < 0)
    method = "difference of the two printed percentages, over their rounding intervals"
    verdict = _judge_range(est, span, method)
    assumption = f"{a.text}% and {b.text}% are the two arms' percentages of the same outcome"
    if verdict.verdict == INCONSISTENT and _percent_difference(diff):
        # "difference 25%" may be relative to the comparator: (x - y) / y, either arm as y
        relative = [_judge_range(est, span, _RELATIVE) for span in _relative_spans(a, b, est)]
        fits = [v for v in relative if v.verdict == CONSISTENT]
        verdict = fits[0] if fits else replace(verdict, note=_NEITHER)
    return _row(
        diff, "difference_vs_percentages", diff["value_text"], verdict, assumption=assumption
    )


def check_efficacy_against_percentages(efficacy: dict, first: dict, second: dict) -> dict | None:
    """A relative risk reduction or efficacy in percent after two arms' printed percentages
    ("1.2% and 3.4% ... (relative risk reduction, 64.7%)"): 100 x (1 - x / y) over every pair
    of values that round to them, either arm as y. An efficacy that differs may come from a
    hazard ratio or person-time, so only a value named a relative risk reduction is
    inconsistent."""
    est = as_reported(efficacy.get("value_text"))
    a, b = (as_reported(_percent_text(s)) for s in (first, second))
    if est is None or a is None or b is None:
        return None
    method = "100 x (1 - ratio of the two printed percentages), over their rounding intervals"
    verdicts = [
        _judge_range(est, (100 * (1 - x_hi / y_lo), 100 * (1 - x_lo / y_hi)), method)
        for (x_lo, x_hi), (y_lo, y_hi) in (
            (a.interval(), b.interval()),
            (b.interval(), a.interval()),
        )
        if y_lo > 0
    ]
    if not verdicts:
        return None
    verdict = _first_fit(verdicts, est)
    if verdict.verdict != CONSISTENT and not _RELATIVE_REDUCTION.search(
        f"{efficacy.get('outcome') or ''} {efficacy.get('source_text') or ''}"
    ):
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=_NOT_FROM_RISKS)
    assumption = f"{a.text}% and {b.text}% are the two arms' risks of the same outcome"
    return _row(
        efficacy, "efficacy_vs_percentages", efficacy["value_text"], verdict, assumption=assumption
    )


def check_efficacy_ci_against_percentages(
    efficacy: dict, first: dict, second: dict, sizes: dict[str, int], settings: Settings
) -> list[dict]:
    """The CI of a relative risk reduction or efficacy after two arms' printed percentages
    whose arms' sizes the text gives ("1.8% and 4.6% ... (relative risk reduction 61%, 95% CI
    33 to 77)" in arms of 1,000): the efficacy intervals (efficacy_from_risks) of every 2x2
    table whose counts out of those sizes round to the percentages, either arm first. One that none
    reproduces is not checkable when it shares a value with one of them (a model's, or of fewer
    analysed), inconsistent when it shares none."""
    if _missing(efficacy.get("ci_low_text")) or _missing(efficacy.get("ci_high_text")):
        return []
    tables = _tables_from_percentages(first, second, sizes)
    if not tables:
        return []
    level = _level(efficacy, settings)
    candidates = {}
    for x1, n1, x2, n2 in tables:
        for one, two in (((x1, n1), (x2, n2)), ((x2, n2), (x1, n1))):
            found = efficacy_from_risks(*one, *two, level)
            label = f"{one[0]}/{one[1]} vs {two[0]}/{two[1]}"
            candidates.update({f"{method}, {label}": v for method, v in found.items()})
    if not candidates:
        return []
    assumption = f"{_all_analysed(first, second, tables)}; {level:g} level"
    rows = _interval_against(efficacy, "efficacy_ci_vs_percentages", candidates, assumption)
    if rows and rows[0]["verdict"] == INCONSISTENT:
        rows[0] = _unless_disjoint(rows[0], efficacy, candidates)
    return rows


_RELATIVE = "relative difference of the two printed percentages, over their rounding intervals"
_NEITHER = "a difference in % that is neither the percentage points nor the relative difference"


def _signed_size(low: float, high: float, negative: bool) -> tuple[float, float]:
    """The sizes of the differences in [low, high] (from 0 when it holds 0), signed as the
    printed difference: "-5.7 percentage points" is the same size the other way round."""
    size = (0.0 if low <= 0 <= high else min(abs(low), abs(high)), max(abs(low), abs(high)))
    return (-size[1], -size[0]) if negative else size


def _relative_spans(a: Reported, b: Reported, est: Reported) -> list[tuple[float, float]]:
    """The relative differences 100 (x - y) / y of values x, y that round to a and b, with b
    as y and then a, as sizes signed as the printed difference."""
    spans = []
    for (x_lo, x_hi), (y_lo, y_hi) in ((a.interval(), b.interval()), (b.interval(), a.interval())):
        if y_lo > 0:  # (x - y) / y = x / y - 1 grows with x and falls with y
            spans.append(
                _signed_size(100 * (x_lo / y_hi - 1), 100 * (x_hi / y_lo - 1), est.value < 0)
            )
    return spans


def _odds(p: float) -> float:
    return p / (100.0 - p) if p < 100.0 else math.inf


def check_ratio_against_percentages(ratio: dict, first: dict, second: dict) -> dict | None:
    """An odds or risk ratio against the two arms' printed percentages: the ratio of risks
    (RR) or of odds (OR) over every pair of values that round to them, in either order. An
    adjusted ratio that differs is not checkable."""
    measure = ratio.get("measure")
    est = as_reported(ratio.get("value_text"))
    a, b = (as_reported(_percent_text(s)) for s in (first, second))
    if measure not in RATIO_MEASURES or est is None or a is None or b is None:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = a.interval(), b.interval()
    if min(a_lo, b_lo) <= 0 or max(a_hi, b_hi) >= 100:
        return None  # a zero or full arm: the ratio's range is unbounded
    of = (lambda p: p) if measure == "RR" else _odds
    # both ratios increase with the first percentage and fall with the second
    forward = (of(a_lo) / of(b_hi), of(a_hi) / of(b_lo))
    method = f"{'risk' if measure == 'RR' else 'odds'} ratio of the two printed percentages"
    verdict = _judge_range(est, forward, method + ", over their rounding intervals")
    if verdict.verdict == INCONSISTENT:
        backward = _judge_range(est, (1 / forward[1], 1 / forward[0]), method + ", reversed")
        verdict = backward if backward.verdict == CONSISTENT else verdict
    if verdict.verdict == INCONSISTENT and _adjusted(ratio):
        verdict = _not_checkable("an adjusted ratio need not equal the crude ratio", method)
    assumption = f"{a.text}% and {b.text}% are the two arms' percentages of the same outcome"
    return _row(ratio, "ratio_vs_percentages", ratio["value_text"], verdict, assumption=assumption)


# Measurements printed in percent, whose values are means or medians, not shares of people.
_PERCENT_MEASUREMENTS = re.compile(
    r"(?i)hba1c|\ba1c\b|glycated|haemoglobin\sa1c|hemoglobin\sa1c|ejection\sfraction|lvef"
    r"|saturation|spo2|ha?ematocrit|body\sfat|fev1|fvc|predicted|bone\smineral|\bbmd\b"
    r"|weight\s(?:loss|change|reduction)|change|reduction|decrease|increase|adherence|coverage"
)


def _measured_in_percent(stat: dict) -> bool:
    """Return True if a percentage is a summary of a measurement (a mean, a median, or an
    outcome measured in percent such as HbA1c), not the share of an arm with an event."""
    return (stat.get("measure") or "") in {"mean", "median"} or bool(
        _PERCENT_MEASUREMENTS.search(stat.get("outcome") or "")
    )


def _not_a_share(stat: dict) -> bool:
    """Return True if a percentage is a measurement (``_measured_in_percent``) or the amount of
    a change ("HbA1c fell by 2.37%", "reduced mortality by 30%"), not the share of an arm."""
    return _measured_in_percent(stat) or _has_flag(stat, CHANGE_AMOUNT_FLAG)


# At most this many 2x2 tables (counts that round to the two percentages) are tried.
_MAX_TABLES_FROM_PERCENTAGES = 36


def _tables_from_percentages(first: dict, second: dict, sizes: dict[str, int]) -> list | None:
    """Return the 2x2 tables (x1, n1, x2, n2) whose percentages round to the two printed ones,
    each n the size the text gives that arm (the arm found as extraction finds it: "fresh
    transfer" is the arm sized as "fresh embryo transfer"); None when an arm or its size is not
    known."""
    if any(s.get("subgroup") for s in (first, second)):
        return None
    if any(_not_a_share(s) for s in (first, second)):
        return None  # "Mean HbA1c was 7.3% with drug and 8.0% with placebo": no share of people
    arms = [{"arm_key": k, "role": context.arm_role(k)} for k in sizes]
    found = [resolve_arm(s.get("arm") or "", arms) for s in (first, second)]
    if None in found or found[0] is found[1]:
        return None
    n1, n2 = (sizes[arm["arm_key"]] for arm in found)
    if not n1 or not n2:
        return None
    xs1, xs2 = (
        counts_for_percent(_percent_text(first), n1),
        counts_for_percent(_percent_text(second), n2),
    )
    if not xs1 or not xs2 or len(xs1) * len(xs2) > _MAX_TABLES_FROM_PERCENTAGES:
        return None
    return [(x1, n1, x2, n2) for x1 in xs1 for x2 in xs2]


def _all_analysed(first: dict, second: dict, tables: list) -> str:
    """The assumption of a check on the tables the two percentages give."""
    _, n1, _, n2 = tables[0]
    return (
        f"{_percent_text(first)}% of {n1} and {_percent_text(second)}% of {n2}, the sizes the "
        "text gives the arms, all analysed"
    )


def _unless_fewer_analysed(
    p_stat: dict,
    candidates: dict[str, float],
    verdict: Verdict,
    decision,
    log_ratio: float,
    largest_at_floor: float = math.inf,
) -> tuple[Verdict, bool | None, float]:
    """Return ``judge_p``'s result, or not checkable when it is inconsistent only because the
    printed p is larger than one recomputed from the arms' full sizes: fewer people analysed
    than allocated give a larger p, so such a p may be right for the people measured. A p
    larger than ``largest_at_floor`` (the largest p with MEASURED_SHARE_FLOOR of each arm
    measured) stays inconsistent."""
    reported = _p_range(p_stat)
    finite = [v for v in candidates.values() if math.isfinite(v)]
    if verdict.verdict != INCONSISTENT or reported is None or not finite:
        return verdict, decision, log_ratio
    if reported[0] <= min(finite):
        return verdict, decision, log_ratio
    if reported[0] > largest_at_floor:
        note = (
            "fewer measured than the arms' sizes would give a larger p, but not this one "
            f"unless fewer than {MEASURED_SHARE_FLOOR:.0%} of each arm were measured (p at "
            f"most {largest_at_floor:.4g} with that share)"
        )
        return replace(verdict, note=note), decision, log_ratio
    why = (
        f"the printed p is above a p of the arms' full sizes ({verdict.recomputed_text} the "
        "nearest); fewer analysed than allocated would give a larger p"
    )
    return _not_checkable(why, verdict.method), None, math.nan


def check_p_against_percentages(
    p_stat: dict,
    first: dict,
    second: dict,
    sizes: dict[str, int],
    settings: Settings,
    effect: dict | None = None,
) -> dict | None:
    """A p-value after two arms' percentages whose arms' sizes the text gives: the standard
    tests of every 2x2 table whose percentages round to the printed ones, each arm's count
    out of its size (GRIM, Brown & Heathers 2017). Fewer people analysed than the sizes say
    would only raise the p, so a printed p larger than every recomputed one is not checkable;
    one smaller than all of them is inconsistent. The p of an ``effect`` its counts cannot give
    (a hazard or rate ratio, an adjusted estimate: _not_from_counts) is not checkable."""
    tables = _tables_from_percentages(first, second, sizes)
    if tables is None:
        return None
    if why := _not_from_counts(effect):
        why += "; its p is not a test of the percentages' 2x2 tables"
        return _row(p_stat, "p_vs_percentages", _reported_p(p_stat), _not_checkable(why))
    if _adjusted(p_stat):
        why = _P_OF_A_MODEL.format("the percentages' 2x2 tables")
        return _row(p_stat, "p_vs_percentages", _reported_p(p_stat), _not_checkable(why))
    candidates = {
        f"{method}, {x1}/{n1} vs {x2}/{n2}": value
        for x1, n1, x2, n2 in tables
        for method, value in twobytwo.p_values(x1, n1, x2, n2).items()
    }
    verdict, decision, log_ratio = _unless_fewer_analysed(
        p_stat, candidates, *judge_p(p_stat, candidates, settings)
    )
    assumption = _all_analysed(first, second, tables) + "; two-sided tests of the 2x2 table"
    return _row(
        p_stat,
        "p_vs_percentages",
        _reported_p(p_stat),
        verdict,
        decision_error=decision,
        log10_p_ratio=log_ratio,
        approximate=len(tables) > 1,
        assumption=assumption,
    )


def check_test_against_percentages(
    test: dict, first: dict, second: dict, sizes: dict[str, int]
) -> dict | None:
    """A chi-square printed after two arms' percentages whose arms' sizes the text gives:
    Pearson's chi-square, without and with Yates' correction, of every 2x2 table whose counts
    out of those sizes round to the percentages (as test_vs_counts does for printed counts).
    Fewer analysed than allocated would give a smaller statistic, so one larger than every
    recomputed value is inconsistent and one smaller not checkable."""
    tables = _tables_from_percentages(first, second, sizes)
    reported = as_reported(test.get("value_text"))
    if tables is None or reported is None:
        return None
    if not _missing(test.get("df1")) and float(test["df1"]) != 1:
        return None
    candidates = {
        f"{name}, {x1}/{n1} vs {x2}/{n2}": value
        for x1, n1, x2, n2 in tables
        for name, value in _chi_squares(x1, n1, x2, n2).items()
    }
    if not candidates:
        return None
    verdict = judge(reported, candidates)
    low, high = min(candidates.values()), max(candidates.values())
    verdict = replace(verdict, recomputed_text=f"{low:.3f} to {high:.3f}", low=low, high=high)
    if verdict.verdict == INCONSISTENT and reported.interval()[1] < low:
        why = (
            f"the printed statistic is below every table's ({low:.3f} to {high:.3f}); fewer "
            "analysed than allocated would give a smaller one"
        )
        verdict = replace(_not_checkable(why, verdict.method), low=low, high=high)
    return _row(
        test,
        "test_vs_percentages",
        test.get("value_text") or "",
        verdict,
        approximate=len(tables) > 1,
        assumption=_all_analysed(first, second, tables)
        + "; Pearson's chi-square of the 2x2 table, 1 df, with or without Yates' correction",
    )


def check_ci_against_percentages(
    effect: dict, first: dict, second: dict, sizes: dict[str, int], settings: Settings
) -> dict | None:
    """The CI of an OR, RR or risk difference after two arms' percentages whose arms' sizes the
    text gives: the intervals of ci_vs_counts on every 2x2 table whose counts out of those sizes
    round to the percentages. Fewer analysed than allocated would only widen them, so a printed
    CI narrower than every recomputed one is inconsistent, any other that none reproduces not
    checkable (its centre is checked against its estimate by the midpoint checks)."""
    measure = effect.get("measure") or ""
    if measure == "difference" and _percent_difference(effect):
        # "difference 25.0%; 95% CI 5.2% to 44.8%": _estimate_against_percentages asks only when
        # the point estimate is the percentages' difference in points, not a relative one
        measure = "risk difference"
    lo, hi = as_reported(effect.get("ci_low_text")), as_reported(effect.get("ci_high_text"))
    if lo is None or hi is None or _interval_problem(lo, hi) or _not_from_counts(effect):
        return None
    tables = _tables_from_percentages(first, second, sizes)
    if tables is None or measure not in {"OR", "RR", "risk difference"}:
        return None
    level = _level(effect, settings)
    pairs: dict[str, tuple[float, float]] = {}
    for table in tables:
        found = effect_candidates(measure, table, level, settings.continuity_correction)
        label = "{}/{} vs {}/{}".format(*table)
        pairs.update({f"{m}, {label}": (v[1], v[2]) for m, v in (found or {}).items()})
    finite = {m: v for m, v in pairs.items() if math.isfinite(v[0]) and math.isfinite(v[1])}
    if not finite:
        return None
    verdict = _unless_credible(judge_pair(lo, hi, finite), effect)
    if verdict.verdict == INCONSISTENT:
        ratio = measure in RATIO_MEASURES
        if ratio and min(v[0] for v in finite.values()) <= 0:
            return None
        scale = math.log if ratio else (lambda v: v)
        widest_printed = scale(hi.interval()[1]) - scale(
            max(lo.interval()[0], 1e-12 if ratio else -math.inf)
        )
        # a risk difference is recomputed both as a fraction and in points: only the intervals
        # on the printed scale say how narrow it could be
        points = _in_percentage_points(effect) or _percent_difference(effect)
        printed_scale = [
            v for m, v in finite.items() if ratio or ("in percentage points" in m) == points
        ]
        narrowest = min(scale(b) - scale(a) for a, b in printed_scale or finite.values())
        if widest_printed >= narrowest:
            why = (
                f"no interval of the arms' full sizes is it ({verdict.recomputed_text} the "
                "nearest); fewer analysed than allocated would give wider ones"
            )
            verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    assumption = _all_analysed(first, second, tables)
    reported = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
    return _row(
        effect,
        "ci_vs_percentages",
        reported,
        verdict,
        approximate=len(tables) > 1,
        assumption=assumption,
    )


def _estimate_against_percentages(
    effect: dict,
    sentences: _RowsBySentence,
    sizes: dict[str, int],
    settings: Settings,
    stats: list[dict] = (),
) -> list[dict | None]:
    """The checks of a ratio or difference, and of its CI, against the two arms' percentages
    before it (none when there are not two)."""
    pair = _percentages_before(effect, sentences) or _percentages_of_its_arms(effect, stats)
    if pair is None:
        return []
    against = (
        check_ratio_against_percentages
        if effect["kind"] == "ratio"
        else check_difference_against_percentages
    )
    point = against(effect, *pair)
    if _percent_difference(effect) and (point is None or point["method"] == _RELATIVE):
        return [point]  # a relative difference's CI is not one of the percentage points
    return [point, check_ci_against_percentages(effect, *pair, sizes, settings)]


def _p_and_its_percentages(p_stat: dict, sentences: _RowsBySentence, by_id: dict) -> tuple | None:
    """Return the two arms' percentages a p-value tests: those before the estimate or test it
    follows, else those right before it in its sentence; None for a p of another hypothesis.
    (The p of an estimate its counts cannot give is found too, and judged not checkable.)"""
    if _has_flag(p_stat, ANOTHER_HYPOTHESIS_FLAG):
        return None
    target = None if _missing(p_stat.get("refers_to")) else by_id.get(int(p_stat["refers_to"]))
    if target is None or target["kind"] == "test":
        # a p alone, or a test's, takes no values of the sentence before: "... 47 (3.9%)
        # controls. Titres were higher in vaccinees (p<0.0001)" tests titres
        return _percentages_before(target or p_stat, sentences, own_sentence=True)
    return _percentages_before(target, sentences)


def _first_fit(verdicts: list[Verdict], reported: Reported) -> Verdict:
    """The first consistent verdict of those of several readings (the arms either way round),
    else the one whose value is nearest the reported one."""
    fits = [v for v in verdicts if v.verdict == CONSISTENT]
    return fits[0] if fits else min(verdicts, key=lambda v: abs(v.recomputed - reported.value))


def _judge_range(reported, value_range: tuple[float, float], method: str, note: str = ""):
    """Consistent when some value of ``value_range`` rounds to the reported number."""
    centre = (value_range[0] + value_range[1]) / 2
    text = format_value(centre, reported.decimals)
    if reported.overlaps(*value_range):
        return Verdict(CONSISTENT, method, centre, text, note)
    return Verdict(INCONSISTENT, method, centre, text, note)


def check_difference_midpoint(stat: dict) -> dict | None:
    """Difference estimate against the arithmetic midpoint of its CI."""
    est, lo, hi = (as_reported(stat.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text"))
    if None in (est, lo, hi):
        return None
    measure = stat.get("measure") or "difference"
    if _interval_problem(lo, hi):
        verdict = _not_checkable(_interval_problem(lo, hi))
        return _row(stat, "difference_vs_ci_midpoint", stat["value_text"], verdict)
    mid = ci_geometry.difference_midpoint(lo.interval(), hi.interval())
    verdict = _judge_range(est, mid, "arithmetic midpoint of CI limits")
    if verdict.verdict == INCONSISTENT and measure not in SYMMETRIC_DIFFERENCES:
        why = (
            "median differences (Hodges-Lehmann) have asymmetric CIs by construction"
            if measure == "median difference"
            else "the kind of difference is not stated; median (Hodges-Lehmann) or bootstrap "
            "CIs are asymmetric by construction"
        )
        verdict = Verdict(
            NOT_CHECKABLE, verdict.method, verdict.recomputed, verdict.recomputed_text, why
        )
    return _row(
        stat,
        "difference_vs_ci_midpoint",
        stat["value_text"],
        verdict,
        approximate=measure not in SYMMETRIC_DIFFERENCES,
        assumption="" if measure in SYMMETRIC_DIFFERENCES else "a symmetric (Wald-type) CI",
    )


# --- absolute effects of a summary of findings -----------------------------------------------

_ABSOLUTE_EFFECTS_WINDOW = 400  # characters after a ratio in which its absolute effects stand


def _absolute_effects_after(ratio: dict, stats: list[dict]) -> tuple[dict | None, ...]:
    """Return the comparator's risk (printed without a CI), the intervention's risk (with one)
    and their difference, per 1000, printed after a ratio and before the next ratio."""
    found: dict[str, dict] = {}
    end = ratio["span_end"]
    for stat in stats:  # in document order (spans.resolve sorts the rows)
        if stat["span_start"] < end:
            continue
        if stat["kind"] == "ratio" or stat["span_start"] - end > _ABSOLUTE_EFFECTS_WINDOW:
            break
        if absolute_effects.is_absolute_effect(stat):
            role = (
                "difference"
                if stat["kind"] == "difference"
                else ("risk" if stat.get("ci_low_text") else "assumed")
            )
            found.setdefault(role, stat)
    return found.get("assumed"), found.get("risk"), found.get("difference")


def check_absolute_effects(ratio: dict, stats: list[dict]) -> list[dict]:
    """A summary of findings' intervention risk and risk difference per 1000, and their CIs,
    against the comparator's risk and the relative effect (and its CI) printed with them, over
    every pair of values that round to the printed ones (absolute_effects.implied_ranges)."""
    measure = ratio.get("measure")
    if measure not in absolute_effects.RELATIVE_MEASURES:
        return []
    assumed, risk, difference = _absolute_effects_after(ratio, stats)
    acr = as_reported(assumed.get("value_text")) if assumed else None
    est, lo, hi = (as_reported(ratio.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text"))
    if acr is None or est is None:
        return []
    method = {
        "RR": "comparator's risk x RR",
        "OR": "risk with the comparator's odds x OR",
        "HR": "1 - (1 - comparator's risk) ^ HR",
    }[measure]
    assumption = (
        f"comparator's risk {assumed['value_text']} per 1000, {measure} {ratio['value_text']}"
    )
    at_estimate = absolute_effects.implied_ranges(acr.interval(), est.interval(), measure)
    at_limits = (
        None
        if lo is None or hi is None
        else [
            absolute_effects.implied_ranges(acr.interval(), limit.interval(), measure)
            for limit in (lo, hi)
        ]
    )
    rows = []
    for stat, which, name in ((risk, 0, "absolute_risk"), (difference, 1, "absolute_difference")):
        value = as_reported(stat.get("value_text")) if stat else None
        if value is None:
            continue
        verdict = _judge_range(value, at_estimate[which], method)
        rows.append(
            _row(stat, f"{name}_vs_ratio", stat["value_text"], verdict, assumption=assumption)
        )
        low, high = (as_reported(stat.get(k)) for k in ("ci_low_text", "ci_high_text"))
        if at_limits is None or low is None or high is None:
            continue
        (low_range, high_range) = (at_limits[0][which], at_limits[1][which])
        agrees = low.overlaps(*low_range) and high.overlaps(*high_range)
        text = " to ".join(
            format_value(sum(r) / 2, reported.decimals)
            for r, reported in ((low_range, low), (high_range, high))
        )
        verdict = Verdict(
            CONSISTENT if agrees else INCONSISTENT,
            f"{method}, at the CI limits of the {measure}",
            math.nan,
            text,
            "",
            low_range[0],
            high_range[1],
        )
        reported = f"{stat['ci_low_text']} to {stat['ci_high_text']}"
        rows.append(
            _row(
                stat,
                f"{name}_ci_vs_ratio_ci",
                reported,
                verdict,
                assumption=f"{assumption} ({ratio['ci_low_text']} to {ratio['ci_high_text']})",
            )
        )
    return rows


# --- a forest plot's pooled estimate -----------------------------------------------------------

# The estimates a forest plot's stated model may have printed (revman.POOLED_FLAG + model).
# RevMan's "M-H, Random" is DerSimonian-Laird with tau^2 from the Mantel-Haenszel Q (Deeks &
# Higgins 2010); with tau^2 from the inverse-variance Q it differs in the third digit at most,
# and when tau^2 is 0 a random-effects analysis is a common-effect one, with either weights.
_POOLED_MODELS = {
    "MH_fixed": ("MH",),
    "MH_random": ("MH-DL", "DL"),
    "IV_fixed": ("FE",),
    "IV_random": ("DL",),
}
_POOLED_MEASURES = {"RR": "RR", "OR": "OR", "risk difference": "RD"}


def _has_flag(stat: dict | None, flag: str) -> bool:
    """Return whether a statistic's ";"-joined flags hold ``flag``."""
    return flag in ((stat or {}).get("flags") or "").split(";")


def _flag_value(stat: dict | None, prefix: str) -> str | None:
    """Return what a statistic's flag with ``prefix`` says ("pooled_MH_random" -> "MH_random"),
    else None."""
    flags = ((stat or {}).get("flags") or "").split(";")
    return next((f.removeprefix(prefix) for f in flags if f.startswith(prefix)), None)


def _pooled_model(stat: dict) -> str | None:
    """Return the pooling model of a forest plot's pooled estimate ("MH_random"), else None."""
    return _flag_value(stat, POOLED_FLAG)


def _forest_studies(pooled: dict, stats: list[dict]) -> meta.Counts | None:
    """Return the events and totals of the trials above a pooled estimate (each trial's two
    counts, experimental arm first, since the previous pooled estimate), or None."""
    earlier = [s for s in stats if s["span_end"] <= pooled["span_start"]]
    since = [s for s in earlier if _pooled_model(s) is not None]
    floor = since[-1]["span_end"] if since else -1
    by_study: dict[str, list[dict]] = {}
    for s in earlier:
        if s["kind"] == "count" and s["span_start"] > floor and s["study_id"] != pooled["study_id"]:
            by_study.setdefault(s["study_id"], []).append(s)
    pairs = [sorted(c, key=lambda s: s["span_start"]) for c in by_study.values()]
    if len(pairs) < 2 or any(
        len(c) != 2 or _missing(c[0].get("denominator")) or _missing(c[1].get("denominator"))
        for c in pairs
    ):
        return None
    columns = [
        [float(c[i][key]) for c in pairs] for i in (0, 1) for key in ("numerator", "denominator")
    ]
    try:
        return meta.Counts.of(*columns)
    except meta.MetaAnalysisError:
        return None


def _pooled_fits(counts: meta.Counts, measure: str, model: str) -> dict[str, meta.Pooled]:
    """Return the estimates the stated model may have printed, by method name."""
    methods = {
        "MH": lambda: meta.mantel_haenszel(counts, measure),
        "MH-DL": lambda: meta.revman_random(counts, measure),
        "FE": lambda: meta.random_effects(counts, measure, "FE"),
        "DL": lambda: meta.random_effects(counts, measure, "DL"),
    }
    fits: dict[str, meta.Pooled] = {}

    def fit(names: Iterable[str]) -> None:
        for name in names:
            with suppress(meta.MetaAnalysisError):
                fits[name] = methods[name]()

    fit(_POOLED_MODELS[model])
    if model.endswith("random") and fits and all(f.tau2 == 0 for f in fits.values()):
        fit(("MH", "FE"))
    return fits


_METHOD_NAMES = {
    "MH": "Mantel-Haenszel",
    "MH-DL": "DerSimonian-Laird, tau^2 from the Mantel-Haenszel Q (RevMan)",
    "DL": "DerSimonian-Laird",
    "FE": "inverse variance",
}


def check_pooled_estimate(pooled: dict, stats: list[dict]) -> list[dict]:
    """A forest plot's pooled estimate and CI, its heterogeneity chi-square (Cochran's Q) and
    its z test, recomputed from the trials' counts above it with the model its header names
    (meta.py, checked against metafor); consistent when one method the model allows gives
    values that round to the printed ones."""
    model, measure = _pooled_model(pooled), _POOLED_MEASURES.get(pooled.get("measure") or "")
    counts = _forest_studies(pooled, stats) if model in _POOLED_MODELS and measure else None
    fits = _pooled_fits(counts, measure, model) if counts is not None else {}
    if not fits:
        return []

    def scale(value: float) -> float:
        return meta.on_reporting_scale(value, measure)

    assumption = f"{counts.k} trials' counts above it, {model.replace('_', ' ')} effects"
    rows = []

    def judge(stat: dict, check: str, reported: str, values: dict[str, tuple[float, ...]]):
        texts = [as_reported(t) for t in reported.split(" to ")]
        if None in texts:
            return
        agreeing = [
            name
            for name, v in values.items()
            if all(t.contains(x) for t, x in zip(texts, v, strict=True))
        ]
        name = (agreeing or list(values))[0]
        shown = " to ".join(
            format_value(x, t.decimals + 2) for t, x in zip(texts, values[name], strict=True)
        )
        verdict = Verdict(
            CONSISTENT if agreeing else INCONSISTENT, _METHOD_NAMES[name], values[name][0], shown
        )
        rows.append(_row(stat, check, reported, verdict, assumption=assumption))

    judge(
        pooled,
        "pooled_vs_trials",
        pooled["value_text"],
        {n: (scale(f.estimate),) for n, f in fits.items()},
    )
    if pooled.get("ci_low_text") and pooled.get("ci_high_text"):
        judge(
            pooled,
            "pooled_ci_vs_trials",
            f"{pooled['ci_low_text']} to {pooled['ci_high_text']}",
            {n: (scale(f.ci_low), scale(f.ci_high)) for n, f in fits.items()},
        )
    after = [
        s
        for s in stats
        if s["kind"] == "test"
        and s["study_id"] == pooled["study_id"]
        and s["span_start"] > pooled["span_end"]
    ]
    for test in after[:2]:
        if test.get("test_type") == "chi2":
            judge(
                test,
                "heterogeneity_vs_trials",
                test["value_text"],
                {n: (f.q,) for n, f in fits.items()},
            )
        elif test.get("test_type") == "z":
            judge(
                test,
                "overall_z_vs_trials",
                test["value_text"].lstrip("-−"),
                {n: (abs(f.statistic),) for n, f in fits.items()},
            )
    return rows


# --- p-values ---------------------------------------------------------------------------------


def _p_parts(p_stat: dict) -> tuple[str, str]:
    return (p_stat.get("comparator") or "=").strip(), str(p_stat["value_text"])


def _reported_p(p_stat: dict) -> str:
    cmp, text = _p_parts(p_stat)
    return f"{cmp} {text}"


def _decision_error(p_stat: dict, computed: float, alpha: float) -> bool | None:
    """statcheck's decision error: the printed p and the recomputed p fall on opposite sides
    of alpha (p = alpha counts as significant)."""
    cmp, text = _p_parts(p_stat)
    reported = as_reported_p(text)
    if reported is None or not math.isfinite(computed):
        return None
    cmp = {"\u2264": "<", "<=": "<", "\u2265": ">", ">=": ">"}.get(cmp, cmp)
    return apa._decision_error(reported.value, computed, "=", cmp, alpha, True)


def _log10_ratio(p_stat: dict, computed: float) -> float:
    cmp, text = _p_parts(p_stat)
    reported = as_reported_p(text)
    if cmp != "=" or reported is None or reported.value <= 0 or not computed > 0:
        return math.nan
    return math.log10(reported.value / computed)


def _p_range(p_stat: dict) -> tuple[float, float] | None:
    try:
        low, high = p_interval(*reversed(_p_parts(p_stat)))
    except ValueError:
        return None
    if low > high or high < 0 or low > 1:
        return None
    return low, high


def judge_p(
    p_stat: dict, candidates: dict[str, float], settings: Settings
) -> tuple[Verdict, bool | None, float]:
    """Judge a printed p against recomputed p-values: (verdict, decision error, log10 ratio)."""
    reported_range = _p_range(p_stat)
    if reported_range is None:
        return _not_checkable("the p-value is not a number in [0, 1]"), None, math.nan
    finite = {k: v for k, v in candidates.items() if v is not None and math.isfinite(v)}
    if not finite:
        return _not_checkable("no p-value could be recomputed"), None, math.nan
    for method, value in finite.items():
        if reported_range[0] <= value <= reported_range[1]:
            return Verdict(CONSISTENT, method, value, f"{value:.4g}"), None, math.nan
    mid = sum(reported_range) / 2
    method, value = min(finite.items(), key=lambda kv: abs(math.log(max(kv[1], 1e-300) / mid))
                        if mid > 0 else kv[1])  # fmt: skip
    verdict = Verdict(INCONSISTENT, method, value, f"{value:.4g}")
    return verdict, _decision_error(p_stat, value, settings.alpha), _log10_ratio(p_stat, value)


def _p_centre(implied: tuple[float, float]) -> float:
    """The centre of a range of p-values: geometric where both ends are positive."""
    return math.sqrt(implied[0] * implied[1]) if min(implied) > 0 else implied[1] / 2


def check_p_against_ci(effect: dict, p_stat: dict, settings: Settings) -> dict | None:
    """Reported p against the p implied by the estimate and its CI (Altman & Bland 2011)."""
    est, lo, hi = (
        as_reported(effect.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text")
    )
    if None in (est, lo, hi) or _missing(p_stat.get("value_text")):
        return None
    log_scale = effect["kind"] == "ratio"
    approximate = effect.get("measure") not in SYMMETRIC_DIFFERENCES | {"OR", "RR", "HR", "IRR"}
    reported_range = _p_range(p_stat)
    if reported_range is None:
        return None
    if log_scale and (lo.value <= 0 or est.value <= 0):
        verdict = _not_checkable("ratio or CI limit not positive")
        return _row(p_stat, "p_vs_ci", _reported_p(p_stat), verdict)
    if _interval_problem(lo, hi):
        return _row(p_stat, "p_vs_ci", _reported_p(p_stat), _not_checkable("CI limits reversed"))
    implied = ci_geometry.p_from_ci(
        est.interval(), lo.interval(), hi.interval(), _level(effect, settings), log_scale
    )
    if not all(math.isfinite(v) for v in implied):
        return _row(p_stat, "p_vs_ci", _reported_p(p_stat), _not_checkable("CI of zero width"))
    method = "Altman-Bland p from CI" + (" (log scale)" if log_scale else "")
    centre = _p_centre(implied)
    text = f"{implied[0]:.4g} to {implied[1]:.4g}"
    decision = None
    log_ratio = math.nan
    if ranges_overlap(reported_range, implied):
        verdict = Verdict(CONSISTENT, method, centre, text, "", *implied)
    else:
        note = "approximate: the CI of this estimate need not be symmetric" if approximate else ""
        verdict = Verdict(
            NOT_CHECKABLE if approximate else INCONSISTENT, method, centre, text, note, *implied
        )
        decision = _decision_error(p_stat, centre, settings.alpha)
        log_ratio = _log10_ratio(p_stat, centre)
        level = _level(effect, settings)
        if approximate and math.isclose(level, 1 - settings.alpha):
            side = _null_side(lo.value, hi.value, 1.0 if log_scale else 0.0)
            significant = reported_range[1] < settings.alpha
            if (side == "inside" and significant) or (
                side == "outside" and reported_range[0] > settings.alpha
            ):
                # a test and the interval that inverts it agree on significance whatever the
                # interval's shape (a Hodges-Lehmann CI and its Mann-Whitney p)
                why = (
                    f"the {level:.0%} CI {'holds' if side == 'inside' else 'excludes'} the null "
                    f"value, but the p is {'below' if significant else 'above'} {settings.alpha:g}"
                )
                verdict = Verdict(INCONSISTENT, method, centre, text, why, *implied)
                decision = True
        named = stated_method(p_stat)
        if named in _TESTS_OF_A_TABLE and verdict.verdict == INCONSISTENT:
            # "P = .07 by Fisher exact test": held to that test by p_vs_counts
            why = f"the p is of the test its text names ({named}), not a Wald test of the estimate"
            verdict = Verdict(NOT_CHECKABLE, method, centre, text, why, *implied)
            decision = None
    return _row(
        p_stat,
        "p_vs_ci",
        _reported_p(p_stat),
        verdict,
        decision_error=decision,
        approximate=approximate,
        log10_p_ratio=log_ratio,
        assumption="a normal (Wald) CI of the stated or default level",
    )


def check_test_against_se(estimate: dict, test: dict) -> dict | None:
    """A t or z printed right after an estimate and its SE against |estimate| / SE over the
    rounding intervals of both (the Wald statistic; a t of a regression coefficient is b / SE);
    after a difference within patients and the SD of the differences, a t on df against the
    paired t, |mean| / (SD / sqrt(df + 1)), a one-sample t of the differences."""
    est, spread, printed = (
        as_reported(s.get(k))
        for s, k in ((estimate, "value_text"), (estimate, "spread_low_text"), (test, "value_text"))
    )
    if None in (est, spread, printed) or spread.value <= 0:
        return None
    if estimate.get("spread_kind") == "sd":
        if test.get("test_type") != "t" or _missing(test.get("df1")):
            return None
        root_n = math.sqrt(float(test["df1"]) + 1)
        se = tuple(v / root_n for v in spread.interval())
        check, method = "test_vs_paired_difference", "paired t: |mean| / (SD / sqrt(df + 1))"
    else:
        se, check, method = spread.interval(), "test_vs_se", "|estimate| / SE"
    implied = ci_geometry.statistic_range(est.interval(), se)
    text = f"{implied[0]:.4g} to {implied[1]:.4g}"
    centre = sum(implied) / 2
    # the magnitude alone: a t's sign is printed as often without as with the estimate's
    magnitude = tuple(sorted(abs(v) for v in printed.interval()))
    judged = CONSISTENT if ranges_overlap(magnitude, implied) else INCONSISTENT
    verdict = Verdict(judged, method, centre, text, "", *implied)
    return _row(test, check, test["value_text"], verdict)


# How far (characters) a t or z may stand after the estimate and spread it is the ratio of:
# "b = 1.52, SE = 0.61, t(98) = 2.49", "2.1 ± 3.4 points (t(23) = 3.03".
_TEST_AFTER_SE_GAP = 12


def _estimate_with_spread_before(test: dict, by_id: dict[int, dict]) -> dict | None:
    """The difference or coefficient with its SE, or the difference within patients with its
    SD, printed right before a t or z, if any."""
    if test.get("test_type") not in {"t", "z"}:
        return None
    before = by_id.get(int(test["stat_id"]) - 1)
    paired = before is not None and before["kind"] == "difference"
    if (
        before is None
        or not (has_standard_error(before) or (paired and before.get("spread_kind") == "sd"))
        or before["sentence_start"] != test["sentence_start"]
        or not 0 <= int(test["span_start"]) - int(before["span_end"]) <= _TEST_AFTER_SE_GAP
    ):
        return None
    return before


# The fewest degrees of freedom assumed of a t test behind an estimate and its SE when the
# text prints none: a two-arm trial of 12 participants.
FEWEST_T_DF = 10


def check_p_against_se(effect: dict, p_stat: dict, settings: Settings) -> dict | None:
    """Reported p against the estimate and its printed standard error: z = estimate / SE,
    p = 2(1 - Phi(|z|)) (the Wald test; Altman & Bland, BMJ 2011;343:d2304). A t test on
    unprinted df gives a larger p than z, so a larger p that a t test on FEWEST_T_DF or more df
    gives is not checkable; a smaller one is inconsistent whatever the test."""
    est, se = (as_reported(effect.get(k)) for k in ("value_text", "spread_low_text"))
    reported_range = _p_range(p_stat)
    if None in (est, se, reported_range):
        return None
    if se.value <= 0:
        return _row(p_stat, "p_vs_se", _reported_p(p_stat), _not_checkable("SE not positive"))
    implied = ci_geometry.p_from_se(est.interval(), se.interval())
    few_df = ci_geometry.p_from_se(
        est.interval(), se.interval(), lambda t: float(2 * special.stdtr(FEWEST_T_DF, -t))
    )
    method = "Wald z of estimate / SE"
    centre = _p_centre(implied)
    text = f"{implied[0]:.4g} to {implied[1]:.4g}"
    decision, log_ratio = None, math.nan
    if ranges_overlap(reported_range, implied):
        verdict = Verdict(CONSISTENT, method, centre, text, "", *implied)
    elif reported_range[0] > implied[1] and ranges_overlap(reported_range, few_df):
        why = (
            f"larger than the z test gives; a t test on {FEWEST_T_DF} df gives "
            f"{few_df[0]:.4g} to {few_df[1]:.4g}, and the text prints no df"
        )
        verdict = Verdict(NOT_CHECKABLE, method, centre, text, why, *implied)
    else:
        why = (
            "smaller than any test of estimate / SE gives"
            if reported_range[1] < implied[0]
            else f"larger than even a t test on {FEWEST_T_DF} df gives ({few_df[1]:.4g} at most)"
        )
        verdict = Verdict(INCONSISTENT, method, centre, text, why, *implied)
        decision = _decision_error(p_stat, centre, settings.alpha)
        log_ratio = _log10_ratio(p_stat, centre)
    return _row(
        p_stat,
        "p_vs_se",
        _reported_p(p_stat),
        verdict,
        decision_error=decision,
        log10_p_ratio=log_ratio,
        assumption="a Wald z test of the estimate over its printed SE",
    )


def check_ci_against_se(effect: dict, settings: Settings) -> dict | None:
    """A printed interval against the estimate's printed SE: a Wald CI is estimate +/- z SE
    (z = 1.960 at 95%; Altman & Bland, BMJ 2011;343:d2090), a t CI on df wider, by t(df) / z.
    The half-width, in SEs over the rounding of the limits and the SE, must reach z; one that
    only a t CI on FEWEST_T_DF or more df gives is not checkable, the df being unprinted; one
    wider than that is inconsistent. A median difference's interval need not be symmetric."""
    se, lo, hi = (
        as_reported(effect.get(k)) for k in ("spread_low_text", "ci_low_text", "ci_high_text")
    )
    est = as_reported(effect.get("value_text"))
    if None in (se, lo, hi, est) or effect.get("measure") == "median difference":
        return None
    reported = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
    problem = _interval_problem(lo, hi) or ("SE not positive" if se.value <= 0 else "")
    if problem:
        return _row(effect, "ci_vs_se", reported, _not_checkable(problem))
    level = _level(effect, settings)
    z = float(special.ndtri(0.5 + level / 2))
    t_few = float(special.stdtrit(FEWEST_T_DF, 0.5 + level / 2))
    fewest, most = ci_geometry.half_width_in_ses(lo.interval(), hi.interval(), se.interval())
    method = f"estimate +/- {z:.3f} SE (Wald)"
    low, high = est.value - z * se.value, est.value + z * se.value
    decimals = max(lo.decimals, hi.decimals)
    text = f"{format_value(low, decimals)} to {format_value(high, decimals)}"
    width = f"the half-width is {fewest:.3f} to {most:.3f} SEs"
    if fewest <= z <= most:
        verdict = Verdict(CONSISTENT, method, est.value, text, "", low, high)
    elif most < z:
        why = f"narrower than any {level:.0%} CI of the estimate and its SE: {width}, not {z:.3f}"
        verdict = Verdict(INCONSISTENT, method, est.value, text, why, low, high)
    elif fewest <= t_few:
        why = (
            f"wider than the Wald CI ({width}); a t CI on {FEWEST_T_DF} or more df gives up to "
            f"{t_few:.3f}, and the text prints no df"
        )
        verdict = Verdict(NOT_CHECKABLE, method, est.value, text, why, low, high)
    else:
        why = f"wider than even a t CI on {FEWEST_T_DF} df ({t_few:.3f} SEs): {width}"
        verdict = Verdict(INCONSISTENT, method, est.value, text, why, low, high)
    return _row(
        effect,
        "ci_vs_se",
        reported,
        verdict,
        assumption=f"a {level:.0%} CI" if _missing(effect.get("ci_level")) else "",
    )


# Tests of a 2x2 table a p's text may name, whose p a Wald CI of the estimate need not give.
_TESTS_OF_A_TABLE = frozenset({FISHER, PEARSON, YATES})
_NULL_MARGIN = 0.1  # how far, as a share of the CI's width, the null must lie from a limit


def _null_side(low: float, high: float, null: float) -> str:
    """Return 'inside' or 'outside' when the null value lies clearly (_NULL_MARGIN) inside or
    outside the interval [low, high], else '' (near a limit, where rounding could decide)."""
    margin = _NULL_MARGIN * (high - low)
    if low + margin < null < high - margin:
        return "inside"
    if null < low - margin or null > high + margin:
        return "outside"
    return ""


def check_apa(
    test: dict,
    p_stat: dict,
    settings: Settings,
    one_tailed_in_text: bool,
    two_by_two: bool = False,
    t_dfs: tuple[float, ...] = (),
) -> dict:
    """A p-value printed with its test statistic, recomputed with statcheck's rules. A
    chi-square printed without df in the comparison of two arms' counts (``two_by_two``,
    "χ2=4.11, P<0.05") has the 1 df of a 2x2 table, where statcheck would not read it; a t
    printed without df with two arms' means and SDs (``t_dfs``: Student's n1 + n2 - 2 and
    Welch's df) is judged with each, consistent when either reproduces the p."""
    test_type = test.get("test_type") or ""
    df1 = test.get("df1")
    implied_df = test_type == "chi2" and two_by_two and _missing(df1)
    dfs = t_dfs if test_type == "t" and _missing(df1) and t_dfs else (1 if implied_df else df1,)
    results = [
        apa.statcheck(
            test_type,
            test.get("value_text") or "",
            df,
            test.get("df2"),
            test.get("comparator") or "=",
            p_stat.get("value_text") or "",
            p_stat.get("comparator") or "=",
            alpha=settings.alpha,
            one_tailed_in_text=one_tailed_in_text,
            one_tailed_txt=settings.one_tailed_from_text,
            p_zero_error=settings.p_zero_error,
            folded=stated_method(test) == FOLDED_F,
        )
        for df in dfs
    ]
    judged = [r for r in results if not isinstance(r, str)]
    result = next((r for r in judged if not r.error), judged[0] if judged else results[0])
    implied_t = len(dfs) > 1 or (test_type == "t" and _missing(df1) and bool(t_dfs))
    label = apa.NAMES.get({"f": "F", "q": "Q"}.get(test_type, test_type), test_type)
    if isinstance(result, str):
        return _row(p_stat, "p_vs_test", _reported_p(p_stat), _not_checkable(result, label))
    tails = "one-tailed (the text mentions one-sided tests)" if result.one_tailed else "two-tailed"
    method = f"statcheck: {label}, {tails}" + (", 1 df of the 2x2 table" if implied_df else "")
    if stated_method(test) == FOLDED_F:
        method += ", folded (twice the upper tail)"
    if implied_t:
        method += ", df of the two arms' sizes and SDs"
    text = f"{result.computed:.4g} ({result.low:.4g} to {result.high:.4g})"
    verdict = Verdict(
        INCONSISTENT if result.error else CONSISTENT,
        method,
        result.computed,
        text,
        result.note,
        result.low,
        result.high,
    )
    return _row(
        p_stat,
        "p_vs_test",
        _reported_p(p_stat),
        verdict,
        decision_error=result.decision_error if result.error else None,
        log10_p_ratio=_log10_ratio(p_stat, result.computed) if result.error else math.nan,
        assumption=f"{test.get('source_text', '')}; the statistic's last digit was rounded"
        + ("; 1 df, that of the 2x2 table of the counts before it" if implied_df else "")
        + (
            f"; df {' or '.join(f'{df:.4g}' for df in dfs)} (Student's and Welch's) of the arms"
            if implied_t
            else ""
        ),
    )


def _t_dfs_of_comparisons(comparisons: list[dict], by_id: dict[int, dict]) -> dict:
    """Return {test stat_id: (Student's df, Welch's df)} of the t printed with two arms' means
    and SDs in a continuous comparison: n1 + n2 - 2, and the Welch-Satterthwaite df of the
    printed SDs (Welch 1947), which scipy's ttest_ind_from_stats does not return."""
    found = {}
    for cmp in comparisons:
        test = _stat(by_id, cmp.get("test_stat_id"))
        if cmp.get("kind") != "continuous" or test is None or test.get("test_type") != "t":
            continue
        first = _summary(_stat(by_id, cmp.get("summary_1_stat_id")), cmp.get("total_1"))
        second = _summary(_stat(by_id, cmp.get("summary_2_stat_id")), cmp.get("total_2"))
        if isinstance(first, str) or isinstance(second, str) or first.kind != "sd":
            continue
        if second.kind != "sd" or min(first.n, second.n) < 2:
            continue
        v1, v2 = first.low**2 / first.n, second.low**2 / second.n
        welch = (v1 + v2) ** 2 / (v1**2 / (first.n - 1) + v2**2 / (second.n - 1))
        found[int(test["stat_id"])] = (float(first.n + second.n - 2), welch)
    return found


# --- 2x2 comparisons --------------------------------------------------------------------------


def _table_of(cmp: dict) -> tuple[int, int, int, int] | None:
    keys = ("events_1", "total_1", "events_2", "total_2")
    if any(_missing(cmp.get(k)) for k in keys):
        return None
    return tuple(int(cmp[k]) for k in keys)


def _stat(stats_by_id: dict[int, dict], key: Any) -> dict | None:
    return None if _missing(key) else stats_by_id.get(int(key))


def effect_candidates(
    measure: str, table, level: float, correction: float, orientations=(False, True)
) -> dict[str, tuple[float, float, float]] | None:
    """Return {method: (estimate, lower, upper)} of a measure from counts, in the given
    orientations (False: arms as extracted, True: reversed), in that order."""
    key = {"OR": "OR", "RR": "RR", "risk difference": "RD"}.get(measure)
    if key is None:
        return None
    a, n1, c, n2 = table
    found: dict[str, tuple[float, float, float]] = {}
    for reverse in orientations:
        cells = (c, n2, a, n1) if reverse else table
        for interval in twobytwo.intervals(*cells, level, correction)[key]:
            values = (interval.estimate, interval.lower, interval.upper)
            method = interval.method + (", arms reversed" if reverse else "")
            found[method] = values
            if key == "RD":
                found[method + ", in percentage points"] = tuple(100 * v for v in values)
    return found


def check_comparison(
    cmp: dict, stats_by_id: dict[int, dict], settings: Settings, arm_sizes: dict | None = None
) -> list[dict]:
    """Recompute the effect estimate, its CI and the p-value of a 2x2 comparison; infer a
    missing denominator from the p-value; flag attrition against the randomized numbers."""
    if (cmp.get("kind") or "binary") == "continuous":
        if any((m or {}).get("measure") == GEOMETRIC_MEAN for m in _summaries_of(cmp, stats_by_id)):
            return check_ratio_of_geometric_means(cmp, stats_by_id)
        return (
            check_continuous(cmp, stats_by_id, settings)
            + check_t_from_summaries(cmp, stats_by_id)
            + check_difference_from_summaries(cmp, stats_by_id)
            + check_smd_from_summaries(cmp, stats_by_id)
            + check_smd_from_test(cmp, stats_by_id)
            + check_smd_ci(cmp, stats_by_id)
        )
    rows: list[dict] = []
    effect = _stat(stats_by_id, cmp.get("effect_stat_id"))
    second = _stat(stats_by_id, cmp.get("second_effect_stat_id"))
    p_stat = _stat(stats_by_id, cmp.get("p_stat_id"))
    cid = int(cmp["comparison_id"])
    table = _table_of(cmp)
    if table is None:
        rows += _check_missing_denominator(cmp, effect, p_stat, settings, cid)
        return rows
    reason = twobytwo.valid_table(*table)
    if reason:
        for stat in (s for s in (effect, second, p_stat) if s is not None):
            check = "p_vs_counts" if stat["kind"] == "p_value" else "ratio_vs_counts"
            rows.append(
                _row(stat, check, stat["value_text"], _not_checkable(reason), comparison_id=cid)
            )
        return rows
    of_fewer = _counts_of_fewer_than_their_arms(cmp, stats_by_id)
    not_from_counts = of_fewer or _not_from_counts(effect)
    for estimate in (effect, second):
        if estimate is None or estimate["kind"] not in {"ratio", "difference"}:
            continue
        why = of_fewer or _not_from_counts(estimate)
        if why:
            rows += _not_recomputable(estimate, why, cid)
        else:
            # only a risk difference may be that of the printed percentages
            difference = estimate.get("measure") == "risk difference"
            printed = _printed_percentages(cmp, stats_by_id) if difference else None
            rows += _check_effect(estimate, table, settings, cid, printed)
    if p_stat is not None:
        several = _of_a_test_of_several_arms(p_stat, stats_by_id)
        # "(absolute difference, -4.3% [...]; hazard ratio, 0.68 [...]; P = .003)": the p of
        # the hazard ratio it follows
        of_estimate = _not_from_counts(_stat(stats_by_id, p_stat.get("refers_to")))
        p_not_from_counts = not_from_counts or of_estimate
        if p_not_from_counts or several or _adjusted(p_stat):
            reason = (
                several
                or (
                    p_not_from_counts
                    and f"{p_not_from_counts}; its p is not a test of the 2x2 table"
                )
                or _P_OF_A_MODEL.format("the crude 2x2 table")
            )
            verdict = _not_checkable(reason)
            rows.append(
                _row(p_stat, "p_vs_counts", _reported_p(p_stat), verdict, comparison_id=cid)
            )
        else:
            rows.append(_check_p_counts(p_stat, table, settings, cid))
    test = _chi_square_of(cmp, p_stat, stats_by_id)
    if test is not None:
        if not_from_counts:
            reason = f"{not_from_counts}; its chi-square is not a test of the 2x2 table"
            verdict = _not_checkable(reason)
            rows.append(
                _row(test, "test_vs_counts", test["value_text"], verdict, comparison_id=cid)
            )
        else:
            rows.append(check_chi_square(test, table, cid))
    attrition = _check_attrition(cmp, table, stats_by_id, arm_sizes or {}, settings, cid)
    if attrition is not None and not of_fewer:
        rows.append(attrition)
    return rows


def _counts_of_fewer_than_their_arms(cmp: dict, stats_by_id: dict[int, dict]) -> str:
    """Why a comparison's counts, each given its arm's size as n, are of fewer patients than
    that, or '': every one's printed percentage needs a smaller n (WOMAN's "within 3 h of giving
    birth (89 [1.2%] in the tranexamic acid group vs 127 [1.7%] in the placebo group", a
    subgroup of arms of 10,051 and 10,009), so the 2x2 table of the arms' sizes is not theirs."""
    counts = [_stat(stats_by_id, cmp.get(f"events_{side}_stat_id")) for side in "12"]
    if any(c is None or _missing(c.get("denominator_stat_id")) for c in counts):
        return ""
    if not all(_short_of_own_size(c) for c in counts):
        return ""
    return (
        "the counts' percentages are of fewer patients than their arms' sizes (a subgroup, or "
        "those assessed), whose numbers are not printed"
    )


def _adjusted(effect: dict) -> bool:
    """Return True if an estimate is flagged as adjusted (from a model, not the crude data)."""
    return _has_flag(effect, "adjusted")


# why a p-value its words call stratified or adjusted ("Cochran-Mantel-Haenszel test stratified
# by centre, P = 0.02") is not held to a test of the crude data
_P_OF_A_MODEL = "the p of a stratified or adjusted analysis is not a test of {}"


def _not_from_counts(effect: dict | None) -> str:
    """Return why an effect (and its p) cannot be judged against its crude 2x2 counts, or ''."""
    if effect is None:
        return ""
    if _adjusted(effect):
        return "an adjusted estimate is not the crude estimate of the counts"
    if _has_flag(effect, POOLED_ACROSS_TRIALS_FLAG):
        return "an estimate pooled across trials is not the crude estimate of their summed counts"
    if (effect.get("measure") or "") == "HR":
        return "a hazard ratio comes from a time-to-event analysis"
    if (effect.get("measure") or "") == "IRR":
        # RECOVERY's "rate ratio 0.85 ... p=0.0028" after 621/2022 vs 729/2094 is a
        # time-to-event model's, as a Poisson rate ratio is of events over person-time
        return "a rate ratio comes from events over person-time or a time-to-event analysis"
    if (effect.get("measure") or "") == GEOMETRIC_MEAN_RATIO:
        return "a geometric mean ratio divides the arms' geometric means, not their counts"
    return ""


def _not_recomputable(effect: dict, why: str, cid: int) -> list[dict]:
    """The not_checkable rows of an effect (and its CI) that its counts cannot reproduce."""
    check = "ratio_vs_counts" if effect["kind"] == "ratio" else "difference_vs_counts"
    rows = [_row(effect, check, effect["value_text"], _not_checkable(why), comparison_id=cid)]
    if effect.get("ci_low_text") and effect.get("ci_high_text"):
        reported = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
        rows.append(_row(effect, "ci_vs_counts", reported, _not_checkable(why), comparison_id=cid))
    return rows


def _printed_percentages(cmp: dict, stats_by_id: dict[int, dict]) -> tuple[float, float] | None:
    """Return the percentages printed with a comparison's two counts, or None."""
    shown = []
    for side in "12":
        stat = _stat(stats_by_id, cmp.get(f"events_{side}_stat_id")) or {}
        percent = as_reported(stat.get("percent_text"))
        if percent is None:
            return None
        shown.append(percent.value)
    return shown[0], shown[1]


def _check_effect(
    effect: dict, table, settings: Settings, cid: int, printed: tuple[float, float] | None = None
) -> list[dict]:
    """Judge an effect estimate and its CI against the counts. The arms as extracted are tried
    first: judge and judge_pair take the first method that reproduces a number, and those
    methods come first either way, so when nothing is inconsistent the reversed orientation
    (half of the exact-interval root finding) cannot change a verdict and is skipped."""
    rows = _judge_effect(effect, table, settings, cid, (False,), printed)
    if any(row["verdict"] == INCONSISTENT for row in rows):
        rows = _judge_effect(effect, table, settings, cid, (False, True), printed)
    return rows


def _difference_of_printed(
    printed: tuple[float, float], table, level: float, orientations
) -> dict[str, tuple[float, float, float]]:
    """Return the risk difference of the percentages printed with the counts and its Wald CI
    (the arithmetic of authors who subtract their own rounded percentages: 11.5% - 7.3% = 4.2
    where 24/208 - 15/206 = 4.26), in percentage points, in the given orientations."""
    _, n1, _, n2 = table
    arms = [(printed[0], n1), (printed[1], n2)]
    found = {}
    for reverse in orientations:
        (p1, size_1), (p2, size_2) = arms[::-1] if reverse else arms
        rd = twobytwo.risk_difference_wald(
            p1 / 100 * size_1, size_1, p2 / 100 * size_2, size_2, level
        )
        method = "risk difference of the printed percentages, Wald CI" + (
            ", arms reversed" if reverse else ""
        )
        found[method + ", in percentage points"] = tuple(100 * float(v) for v in rd)
    return found


def _judge_effect(
    effect: dict, table, settings: Settings, cid: int, orientations, printed=None
) -> list[dict]:
    measure = effect.get("measure") or ""
    est = as_reported(effect["value_text"])
    level = _level(effect, settings)
    candidates = effect_candidates(
        measure, table, level, settings.continuity_correction, orientations
    )
    if candidates is not None and printed is not None:
        candidates.update(_difference_of_printed(printed, table, level, orientations))
    zero = twobytwo.has_zero_cell(*table)
    assumption = "arm 1 vs arm 2 as extracted (arms reversed also tried)"
    if zero:
        assumption += (
            f"; zero cell: Wald methods with and without {settings.continuity_correction:g} added"
        )
    check = "ratio_vs_counts" if effect["kind"] == "ratio" else "difference_vs_counts"
    if candidates is None or est is None:
        verdict = _not_checkable(f"{measure or 'this measure'} cannot be recomputed from counts")
        return [_row(effect, check, effect["value_text"], verdict, comparison_id=cid)]
    estimates: dict[str, float] = {}
    for method, (value, _, _) in candidates.items():
        label = ", ".join(part for part in method.split(", ") if not part.endswith("CI"))
        estimates.setdefault(label, value)
    rows = [
        _row(
            effect,
            check,
            effect["value_text"],
            judge(est, estimates),
            comparison_id=cid,
            assumption=assumption,
        )
    ]
    lo, hi = as_reported(effect.get("ci_low_text")), as_reported(effect.get("ci_high_text"))
    interval = None
    if lo is not None and hi is not None:
        pairs = {
            k: (v[1], v[2])
            for k, v in candidates.items()
            if math.isfinite(v[1]) and math.isfinite(v[2])
        }
        pairs.update({k: (v[1], v[2]) for k, v in candidates.items() if k not in pairs})
        verdict = (
            _not_checkable(_interval_problem(lo, hi))
            if _interval_problem(lo, hi)
            else judge_pair(lo, hi, pairs)
        )
        verdict = _unless_credible(verdict, effect)
        null = 0.0 if measure == "risk difference" else 1.0
        decision = None
        if verdict.verdict == INCONSISTENT:
            reported_excludes = not (lo.value <= null <= hi.value)
            recomputed_excludes = not (verdict.low <= null <= verdict.high)
            decision = reported_excludes != recomputed_excludes
        interval = (f"{lo.text} to {hi.text}", verdict, decision, f"; {level:g} level")
    elif _has_flag(effect, ONE_SIDED_FLAG) and (lo is None) != (hi is None):
        side, bound, index = ("lower", lo, 1) if lo is not None else ("upper", hi, 2)
        limits = {k: v[index] for k, v in candidates.items()}
        # a bound belongs to the interval of the printed estimate's orientation
        own = {k: limits[k] for k, v in candidates.items() if est.contains(v[0])}
        verdict = _unless_credible(judge(bound, own or limits), effect)
        why = f"; a one-sided {side} bound: that limit of the two-sided {level:g} interval"
        interval = (bound.text, verdict, None, why)
    if interval is not None:
        reported, verdict, decision, why = interval
        rows.append(
            _row(
                effect,
                "ci_vs_counts",
                reported,
                verdict,
                comparison_id=cid,
                decision_error=decision,
                assumption=assumption + why,
            )
        )
    return rows


# --- numbers needed to treat ------------------------------------------------------------------

_NNT_ASSUMPTION = "NNT = 1 / |risk difference| (Laupacis et al. 1988), exact or rounded up"
_PERCENT_UNIT = re.compile(r"(?i)%|percent|point|pp")


def _nnt_comparison(stat: dict, comparisons: list[dict], by_id: dict[int, dict]) -> dict | None:
    """Return the 2x2 comparison an NNT comes from: the last whose counts both precede it in
    its own sentence, else in the sentence just before it when the NNT names no other outcome
    ("... Serious adverse events occurred in 31 patients (5.2%) and 29 patients (4.8%),
    respectively. The number needed to treat to prevent one primary end-point event was 21")."""
    best, best_key = None, None
    for cmp in comparisons:
        if (cmp.get("kind") or "binary") != "binary" or _table_of(cmp) is None:
            continue
        cells = [_stat(by_id, cmp.get(k)) for k in ("events_1_stat_id", "events_2_stat_id")]
        if None in cells or max(c["span_start"] for c in cells) >= stat["span_start"]:
            continue
        last = max(cells, key=lambda c: c["span_start"])
        same = last["sentence_start"] == stat["sentence_start"]
        gap = stat["sentence_start"] - last["sentence_end"]
        if not same and not 0 <= gap <= SENTENCE_GAP:
            continue
        if not same and _another_outcome(stat.get("outcome") or "", cmp.get("outcome") or ""):
            continue
        key = (same, last["span_start"])
        if best_key is None or key > best_key:
            best, best_key = cmp, key
    return best


# The words of one outcome, death, in any of its forms.
_DEATH_WORDS = frozenset({"death", "deaths", "died", "dead", "mortality", "survival", "fatal"})


def _another_outcome(first: str, second: str) -> bool:
    """Whether an NNT's outcome and its counts' are other outcomes: both named, sharing no word
    (comparisons.other_outcomes) once every word of death is one ("one death" and "mortality"
    are one outcome)."""

    def words(outcome: str) -> str:
        return " ".join("death" if w in _DEATH_WORDS else w for w in outcome.lower().split())

    return other_outcomes(words(first), words(second))


def _nnt_difference(stat: dict, stats: list[dict]) -> dict | None:
    """Return the risk difference printed before an NNT: the nearest in its sentence, else the
    last in the sentence just before it when the NNT names no other outcome ("The absolute risk
    reduction was 5.0 percentage points. The number needed to treat to prevent one death was
    20"), as _nnt_comparison takes counts."""
    before = sorted(
        (
            s
            for s in stats
            if s["kind"] == "difference"
            and s.get("measure") == "risk difference"
            and s["span_end"] <= stat["span_start"]
        ),
        key=lambda s: s["span_start"],
    )
    own = [s for s in before if s["sentence_start"] == stat["sentence_start"]]
    if own:
        return own[-1]
    previous = [
        s
        for s in before
        if 0 <= stat["sentence_start"] - s["sentence_end"] <= SENTENCE_GAP
        and not _another_outcome(stat.get("outcome") or "", s.get("outcome") or "")
    ]
    return previous[-1] if previous else None


def check_nnt(stat: dict, table, settings: Settings, cid: int) -> list[dict]:
    """Judge a number needed to treat (and its CI) against the 2x2 counts it comes from."""
    reported = as_reported(stat["value_text"])
    if reported is None:
        return []
    a, n1, c, n2 = table
    why = twobytwo.valid_table(*table) or (
        "the counts give equal risks in the two arms: no finite NNT" if a * n2 == c * n1 else ""
    )
    verdict = _not_checkable(why) if why else judge(reported, nnt.estimates(a / n1 - c / n2))
    rows = [
        _row(
            stat,
            "nnt_vs_counts",
            stat["value_text"],
            verdict,
            comparison_id=cid,
            assumption=_NNT_ASSUMPTION,
        )
    ]
    lo, hi = as_reported(stat.get("ci_low_text")), as_reported(stat.get("ci_high_text"))
    if lo is None or hi is None:
        return rows
    level = _level(stat, settings)
    if why:
        ci_verdict = verdict
    elif problem := _interval_problem(lo, hi):
        ci_verdict = _not_checkable(problem)
    else:
        found, through_infinity = nnt.intervals(a, n1, c, n2, level)
        ci_verdict = judge_pair(lo, hi, found) if found else _through_infinity(through_infinity)
        if ci_verdict.verdict == INCONSISTENT and found and through_infinity:
            note = f"the {' and '.join(through_infinity)} risk-difference intervals include 0"
            ci_verdict = replace(ci_verdict, note=note)
    reported_ci = f"{stat['ci_low_text']} to {stat['ci_high_text']}"
    rows.append(
        _row(
            stat,
            "nnt_ci_vs_counts",
            reported_ci,
            ci_verdict,
            comparison_id=cid,
            assumption=f"{_NNT_ASSUMPTION}; the reciprocal of the risk difference's "
            f"{level:g} CI (Altman 1998)",
        )
    )
    return rows


def _through_infinity(methods: list[str]) -> Verdict:
    """The verdict on a finite NNT interval when every risk-difference interval includes 0."""
    return Verdict(
        INCONSISTENT,
        ", ".join(f"{nnt.EXACT}, {m} CI" for m in methods),
        math.nan,
        "not one interval: it runs through infinity",
        "every risk-difference interval of the counts includes 0, so the NNT's interval "
        "is NNT(benefit) to infinity to NNT(harm), not two finite limits (Altman 1998)",
    )


def _with_unit(stat: dict) -> str:
    """A value as printed with its unit: '5.0%', '5.0 percentage points'."""
    unit = stat.get("unit") or ""
    return stat["value_text"] + (" " if unit[:1].isalpha() else "") + unit


def _difference_scale(difference: dict, *printed: Reported) -> float:
    """Return 100 when a risk difference is in percentage points, by its unit or because a
    difference of proportions is at most 1 (any printed value above it), else 1."""
    percent = _PERCENT_UNIT.search(difference.get("unit") or "") or any(
        abs(p.value) > 1 for p in printed
    )
    return 100.0 if percent else 1.0


def check_nnt_against_difference(stat: dict, difference: dict) -> dict | None:
    """Judge an NNT against the risk difference printed before it: the reported difference
    stands for every value that rounds to it, so the NNT may be any 1/|d| of those."""
    reported = as_reported(stat["value_text"])
    printed = as_reported(difference.get("value_text"))
    if reported is None or printed is None:
        return None
    scale = _difference_scale(difference, printed)
    rounds_from = tuple(v / scale for v in printed.interval())
    what = f"the printed {_with_unit(difference)}"
    verdict = _judge_nnt(reported, rounds_from, printed.value / scale, what)
    return _row(stat, "nnt_vs_difference", stat["value_text"], verdict, assumption=_NNT_ASSUMPTION)


def check_nnt_ci_against_difference(stat: dict, difference: dict) -> dict | None:
    """Judge an NNT's interval against the interval of the risk difference printed before it
    (Altman, BMJ 1998;317:1309): the NNT's lower limit is 1/|d| of the difference limit
    farther from 0, its upper limit of the nearer one, each d anything that rounds to the
    printed limit ("absolute risk difference -4.9%, -8.5% to -1.3%. The number needed to
    treat was 21 (12 to 77)": 1/0.085 = 11.8, 1/0.013 = 76.9), exact or rounded up."""
    lo, hi = as_reported(stat.get("ci_low_text")), as_reported(stat.get("ci_high_text"))
    d_lo, d_hi = (as_reported(difference.get(k)) for k in ("ci_low_text", "ci_high_text"))
    if None in (lo, hi, d_lo, d_hi):
        return None
    reported = f"{lo.text} to {hi.text}"
    if d_lo.value <= 0 <= d_hi.value or d_hi.value <= 0 <= d_lo.value:
        why = "the printed interval of the difference includes 0: the NNT's runs through infinity"
        return _row(stat, "nnt_ci_vs_difference", reported, _not_checkable(why))
    scale = _difference_scale(difference, d_lo, d_hi)
    far, near = sorted((d_lo, d_hi), key=lambda d: -abs(d.value))
    verdicts = [
        _judge_nnt(bound, tuple(v / scale for v in limit.interval()), limit.value / scale, what)
        for bound, limit, what in (
            (lo, far, f"the printed limit {far.text}"),
            (hi, near, f"the printed limit {near.text}"),
        )
    ]
    worst = next((v for v in verdicts if v.verdict != CONSISTENT), verdicts[0])
    verdict = Verdict(
        worst.verdict,
        " and ".join(v.method for v in verdicts),
        math.nan,
        " and ".join(v.recomputed_text for v in verdicts),
        worst.note,
        verdicts[0].low,
        verdicts[1].high,
    )
    assumption = f"{_NNT_ASSUMPTION}; the reciprocal of the printed interval of the difference"
    return _row(stat, "nnt_ci_vs_difference", reported, verdict, assumption=assumption)


def _judge_nnt(
    reported: Reported, differences: tuple[float, float], middle: float, what: str
) -> Verdict:
    """An NNT against the risk differences (proportions) from ``differences[0]`` to
    ``differences[1]``: it may be 1/|d| of any of them, exact or rounded up."""
    if differences[0] <= 0 <= differences[1]:
        return _not_checkable(f"{what} may be 0: no finite NNT")
    low, high = sorted(abs(v) for v in differences)
    nnt_low, nnt_high = nnt.of_difference(high), nnt.of_difference(low)
    exact = reported.overlaps(nnt_low, nnt_high)
    up = nnt.rounded_up(nnt_low) <= reported.value <= nnt.rounded_up(nnt_high)
    method = nnt.EXACT if exact or not up else nnt.ROUNDED_UP
    text = f"{format_value(nnt_low, 2)} to {format_value(nnt_high, 2)}"
    return Verdict(
        CONSISTENT if exact or up else INCONSISTENT,
        f"{method} of {what}",
        nnt.of_difference(middle),
        text,
        "",
        nnt_low,
        nnt_high,
    )


def _nnt_percentages(stat: dict, sentences: _RowsBySentence) -> tuple[dict, dict] | None:
    """Return the two arms' percentages an NNT follows when no counts or risk difference stand
    before it: the only two printed percentages of two arms in its sentence, else in the
    sentence just before when the NNT names no other outcome ("Abstinence was 9.4% in the
    intervention arm vs 5.1% in the control arm (...). The number needed to treat was 23")."""
    windows = [sentences.own(stat), sentences.just_before(stat)]
    for index, window in enumerate(windows):
        shown = [
            s
            for s in window
            if s["kind"] in PER_ARM_VALUES and _percent_text(s) and not _is_efficacy(s)
        ]
        if not shown:
            continue
        arms = {arm_key(s["arm"]) for s in shown if s.get("arm")}
        if len(shown) != 2 or len(arms) != 2:
            return None
        if index and any(
            _another_outcome(stat.get("outcome") or "", s.get("outcome") or "") for s in shown
        ):
            return None
        return shown[0], shown[1]
    return None


def check_nnt_against_percentages(stat: dict, first: dict, second: dict) -> dict | None:
    """Judge an NNT against the two arms' printed percentages: 1/|x - y| of some x and y that
    round to them, exact or rounded up."""
    reported = as_reported(stat["value_text"])
    a, b = (as_reported(_percent_text(s)) for s in (first, second))
    if reported is None or a is None or b is None:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = a.interval(), b.interval()
    what = f"the printed {a.text}% and {b.text}%"
    verdict = _judge_nnt(
        reported, ((a_lo - b_hi) / 100, (a_hi - b_lo) / 100), (a.value - b.value) / 100, what
    )
    assumption = (
        f"{_NNT_ASSUMPTION}; {a.text}% and {b.text}% are the two arms' risks of its outcome"
    )
    return _row(stat, "nnt_vs_percentages", stat["value_text"], verdict, assumption=assumption)


# What an NNT (or its interval) that is the reciprocal of the printed, rounded risk difference
# (or its interval) came from: check of the counts -> check of the printed difference, and the
# note the deferred row gets.
_NNT_FROM_THE_DIFFERENCE = {
    "nnt_vs_counts": (
        "nnt_vs_difference",
        "the NNT is the reciprocal of the printed risk difference (nnt_vs_difference), which "
        "is rounded",
    ),
    "nnt_ci_vs_counts": (
        "nnt_ci_vs_difference",
        "the interval is the reciprocal of the printed interval of the risk difference "
        "(nnt_ci_vs_difference), whose limits are rounded",
    ),
}


def _defer_nnt_to_difference(rows: list[dict | None]) -> None:
    """An NNT (or interval) that is the reciprocal of the printed risk difference (or of its
    interval) came from those rounded values, so the counts' own, a rounding away, cannot show
    it wrong ("13.1% and 11.9% ... difference 1.2 percentage points ... number needed to harm
    84": 1/0.012 rounds up to 84, the counts' 1/0.01172 to 86): an inconsistent row against the
    counts is then not_checkable."""
    done = [r for r in rows if r is not None]
    consistent = {r["check"] for r in done if r["verdict"] == CONSISTENT}
    for row in done:
        of_difference, note = _NNT_FROM_THE_DIFFERENCE.get(row["check"], ("", ""))
        if of_difference in consistent and row["verdict"] == INCONSISTENT:
            row["verdict"] = NOT_CHECKABLE
            row["note"] = note


def _check_nnt_of_document(
    stat: dict,
    stats: list[dict],
    comparisons: list[dict],
    by_id: dict[int, dict],
    settings,
    sentences: _RowsBySentence,
) -> list[dict]:
    """The checks of one NNT: against its counts and the risk difference before it; when it
    has neither, one not_checkable row that says so."""
    rows: list[dict] = []
    cmp = _nnt_comparison(stat, comparisons, by_id)
    if cmp is not None:
        rows += check_nnt(stat, _table_of(cmp), settings, int(cmp["comparison_id"]))
        if cmp.get("allocation_unit") == CLUSTERS:
            mean_size = _mean_cluster_size(stats, cmp["study_id"])
            rows = [_allow_for_clustering(row, by_id, mean_size) for row in rows]
    difference = _nnt_difference(stat, stats)
    if difference is not None:
        rows.append(check_nnt_against_difference(stat, difference))
        rows.append(check_nnt_ci_against_difference(stat, difference))
        _defer_nnt_to_difference(rows)
    if not any(rows) and (pair := _nnt_percentages(stat, sentences)) is not None:
        rows.append(check_nnt_against_percentages(stat, *pair))
    if not any(rows):
        why = (
            "no counts of two arms, and no risk difference, before it in its sentence or the one "
            "before"
        )
        rows.append(_row(stat, "nnt_vs_counts", stat["value_text"], _not_checkable(why)))
    return [r for r in rows if r is not None]


def _of_a_test_of_several_arms(p_stat: dict, stats_by_id: dict[int, dict]) -> str:
    """Return why a p is not that of two arms' 2x2 table when it is the p of a test printed
    with it on more than one degree of freedom ("19 of 48 ... (χ2(2) = 5.47, P = .065)": three
    arms), else ''."""
    if _missing(p_stat.get("refers_to")):
        return ""
    test = stats_by_id.get(int(p_stat["refers_to"]))
    if test is None or test["kind"] != "test" or _missing(test.get("df1")):
        return ""
    if test.get("test_type") in {"chi2", "F", "H"} and float(test["df1"]) >= 2:
        return (
            f"the p of a test on {float(test['df1']):g} df (more than two arms), not of a 2x2 table"
        )
    return ""


def stated_method(stat: dict | None) -> str:
    """Return the test a statistic's flags name (a SAS listing's row: "Fisher exact"), or ""."""
    return _flag_value(stat, METHOD_FLAG) or ""


def _check_p_counts(p_stat: dict, table, settings: Settings, cid: int) -> dict:
    candidates = dict(twobytwo.p_values(*table))
    method = stated_method(p_stat)
    if method in _NAMED_CHI_SQUARES:
        statistic = _NAMED_CHI_SQUARES[method](*table)
        candidates = {method: float(special.chdtrc(1, statistic))}
    elif method in candidates:  # the p of a named test is held to that test alone
        candidates = {method: candidates[method]}
    verdict, decision, log_ratio = judge_p(p_stat, candidates, settings)
    return _row(
        p_stat,
        "p_vs_counts",
        _reported_p(p_stat),
        verdict,
        comparison_id=cid,
        decision_error=decision,
        log10_p_ratio=log_ratio,
        assumption="two-sided test of the 2x2 table",
    )


def _chi_square_of(cmp: dict, p_stat: dict | None, stats_by_id: dict[int, dict]) -> dict | None:
    """Return the chi-square statistic of a 2x2 comparison: the one printed after its counts
    ("χ2 = 4.76"), or the one its p-value follows ("χ2=4.11, P<0.05"); else None."""
    test = _stat(stats_by_id, cmp.get("test_stat_id"))
    if test is None and p_stat is not None:
        test = _stat(stats_by_id, p_stat.get("refers_to"))
    return test if test is not None and test.get("test_type") == "chi2" else None


# Chi-square statistics of a 2x2 table that are recomputed only where a listing names them.
_NAMED_CHI_SQUARES = {
    LIKELIHOOD_RATIO: twobytwo.likelihood_ratio_chi_square,
    MANTEL_HAENSZEL: twobytwo.mantel_haenszel_chi_square,
}


def _chi_squares(x1: int, n1: int, x2: int, n2: int, method: str = "") -> dict[str, float]:
    """Pearson's chi-square of a 2x2 table without and with Yates' correction (R's chisq.test,
    correct = FALSE / TRUE), or only the one ``method`` names (also the likelihood-ratio or the
    Mantel-Haenszel chi-square), leaving out one an empty margin makes undefined."""
    if method in _NAMED_CHI_SQUARES:
        statistics = {method: _NAMED_CHI_SQUARES[method](x1, n1, x2, n2)}
    else:
        statistics = {
            name: float(twobytwo.chi_square(x1, n1, x2, n2, yates=yates))
            for name, yates in (("Pearson chi-square", False), ("Pearson chi-square, Yates", True))
        }
        if method in statistics:
            statistics = {method: statistics[method]}
    return {name: value for name, value in statistics.items() if math.isfinite(value)}


def check_chi_square(test: dict, table: tuple[int, int, int, int], cid: int) -> dict:
    """Recompute a printed chi-square statistic from the 2x2 counts of its comparison: Pearson's,
    without and with Yates' continuity correction (R's chisq.test, correct = FALSE / TRUE). It
    is consistent when one of them rounds to the printed value; a 2x2 table has 1 df."""
    reported = as_reported(test.get("value_text"))
    df = test.get("df1")
    statistics = _chi_squares(*table, method=stated_method(test))
    if reported is None or not statistics:
        why = "no chi-square statistic of this table: a margin is empty"
        verdict = _not_checkable(why if reported is not None else "the statistic is not a number")
    elif not _missing(df) and float(df) != 1:
        verdict = _not_checkable(f"df = {df}: not a test of the 2x2 table, which has 1 df")
    else:
        matching = [name for name, value in statistics.items() if reported.contains(value)]
        method = (
            matching or sorted(statistics, key=lambda n: abs(statistics[n] - reported.value))
        )[0]
        text = " / ".join(f"{value:.3f} ({name})" for name, value in statistics.items())
        verdict = Verdict(
            CONSISTENT if matching else INCONSISTENT,
            method,
            statistics[method],
            text,
            "",
            min(statistics.values()),
            max(statistics.values()),
        )
    return _row(
        test,
        "test_vs_counts",
        test.get("value_text") or "",
        verdict,
        comparison_id=cid,
        assumption="Pearson's chi-square of the 2x2 table, 1 df, with or without Yates' correction",
    )


def _check_missing_denominator(cmp, effect, p_stat, settings: Settings, cid: int) -> list[dict]:
    """One arm's denominator is missing: which sizes make the printed p come out?"""
    rows = []
    known = [
        (k, cmp.get(k))
        for k in ("events_1", "total_1", "events_2", "total_2")
        if not _missing(cmp.get(k))
    ]
    have = {k for k, _ in known}
    missing_arm = None
    if have == {"events_1", "total_1", "events_2"}:
        missing_arm = 2
    elif have == {"events_1", "events_2", "total_2"}:
        missing_arm = 1
    # an estimate compared with a named arm in a sentence that counts no one's events
    why = (
        "an arm's denominator is not reported"
        if {"events_1", "events_2"} <= have
        else "the arms' counts are not reported with it"
    )
    if effect is not None:
        rows.append(
            _row(
                effect,
                "ratio_vs_counts" if effect["kind"] == "ratio" else "difference_vs_counts",
                effect["value_text"],
                _not_checkable(why),
                comparison_id=cid,
            )
        )
    if p_stat is None:
        return rows
    p_range = _p_range(p_stat)
    if missing_arm is None or p_range is None:
        rows.append(
            _row(p_stat, "p_vs_counts", _reported_p(p_stat), _not_checkable(why), comparison_id=cid)
        )
        return rows
    if missing_arm == 2:
        a, n1, c = int(cmp["events_1"]), int(cmp["total_1"]), int(cmp["events_2"])
    else:
        a, n1, c = int(cmp["events_2"]), int(cmp["total_2"]), int(cmp["events_1"])
    limit = inference.search_limit(n1, settings.denominator_search_max)
    if n1 <= 0 or a > n1:
        fits = {}
    else:
        fits = inference.denominators_from_p(a, n1, c, p_range, limit, missing_arm)
    arm = cmp.get(f"arm_{missing_arm}") or f"arm {missing_arm}"
    fisher = fits.get("Fisher exact", [])
    others = {k: v for k, v in fits.items() if k != "Fisher exact" and v}
    if fisher:
        text = f"{arm} n in {{{inference.compact(fisher)}}}"
        verdict = Verdict(CONSISTENT, "Fisher exact", math.nan, text, _others_note(others))
    elif others:
        method, sizes = next(iter(others.items()))
        text = f"{arm} n in {{{inference.compact(sizes)}}}"
        verdict = Verdict(CONSISTENT, method, math.nan, text, _others_note(others))
    else:
        verdict = _not_checkable(
            f"no {arm} size from {max(c, 1)} to {limit} gives this p with a standard test",
            "Fisher exact",
        )
    rows.append(
        _row(
            p_stat,
            "denominator_from_p",
            _reported_p(p_stat),
            verdict,
            comparison_id=cid,
            flag="denominator_inferred" if fits else "",
            assumption=f"the p is a two-sided test of this 2x2 table; {arm} size searched up to "
            f"{limit}",
        )
    )
    return rows


def _others_note(others: dict[str, list[int]]) -> str:
    return "; ".join(f"{k}: {{{inference.compact(v)}}}" for k, v in others.items())


def _randomized(label: str, arm_sizes: dict[str, int]) -> tuple[str, int] | None:
    """Return (arm key, randomized size) of the arm called ``label`` when it is unambiguous."""
    key = arm_key(label or "")
    if not key or not arm_sizes:
        return None
    if key in arm_sizes:
        return key, arm_sizes[key]
    for fits in (lambda k: key in k or k in key, lambda k: is_control(k) == is_control(key)):
        # one size, perhaps under two labels ("MSC infusion" and "UC-MSC", 65 each)
        found = {k: n for k, n in arm_sizes.items() if fits(k)}
        if len(set(found.values())) == 1:
            return min(found), found[min(found)]
    return None


def randomized_sizes(cmp: dict, arm_sizes: dict[str, int]) -> tuple[int | None, int | None]:
    """Return the randomized sizes of a comparison's two arms (None where unknown); none when
    both labels name the same arm ("drug" after "drug A" would be held against its size)."""
    first = _randomized(cmp.get("arm_1") or "", arm_sizes)
    second = _randomized(cmp.get("arm_2") or "", arm_sizes)
    if first is not None and second is not None and first[0] == second[0]:
        return None, None
    return (first[1] if first else None), (second[1] if second else None)


def _check_attrition(cmp, table, stats_by_id, arm_sizes, settings: Settings, cid: int):
    """Analysed denominators against the randomized arm sizes (best/worst-case imputation)."""
    r1, r2 = randomized_sizes(cmp, arm_sizes)
    if r1 is None or r2 is None:
        return None
    anchor = _stat(stats_by_id, cmp.get("events_1_stat_id")) or _stat(
        stats_by_id, cmp.get("total_1_stat_id")
    )
    if anchor is None:
        return None
    a, n1, c, n2 = table
    reported = f"{a}/{n1} vs {c}/{n2}"
    scenarios = inference.attrition_scenarios(a, n1, c, n2, r1, r2)
    method = "best/worst case for patients not analysed (Fisher exact)"
    if isinstance(scenarios, str):
        if scenarios == "no patients lost":
            return None
        verdict = Verdict(INCONSISTENT, method, math.nan, f"randomized {r1} vs {r2}", scenarios)
        return _row(anchor, "denominator_vs_randomized", reported, verdict, comparison_id=cid,
                    flag="more_analysed_than_randomized")  # fmt: skip
    measures = [s.measures() for s in scenarios]
    ors = [m["OR"] for m in measures[1:]]
    ps = [m["p"] for m in measures]
    flips = len({p < settings.alpha for p in ps}) > 1
    text = (
        f"{n1} of {r1} and {n2} of {r2} analysed; OR {min(ors):.3g} to {max(ors):.3g}, "
        f"Fisher p {min(ps):.3g} to {max(ps):.3g} across best/worst cases"
    )
    note = (
        "the significance decision depends on the outcomes of patients not analysed"
        if flips
        else "the significance decision holds in the best and worst cases"
    )
    verdict = Verdict(CONSISTENT, method, math.nan, text, note, min(ors), max(ors))
    return _row(
        anchor,
        "denominator_vs_randomized",
        reported,
        verdict,
        comparison_id=cid,
        flag="attrition" + ("; significance_can_change" if flips else ""),
        assumption="the arm sizes stated in the document are the randomized numbers; "
        "fewer analysed may be attrition or a subgroup",
    )


# --- continuous outcomes -------------------------------------------------------------------------


def _summary(stat: dict | None, n) -> continuous.Summary | str:
    if stat is None:
        return "no summary statistic"
    if _missing(n):
        return "arm size not reported"
    centre = as_reported(stat.get("value_text"))
    low, high = as_reported(stat.get("spread_low_text")), as_reported(stat.get("spread_high_text"))
    kind = stat.get("spread_kind") or ""
    if stat["kind"] == "mean" and kind in {"sd", "se"}:
        spread = low or high
        if centre is None or spread is None:
            return "mean without SD"
        sd = spread.value * _sd_per_se(stat, n)
        return continuous.Summary(centre.value, sd, sd, int(n), "sd")
    if stat["kind"] != "median" or kind not in {"iqr", "range", "iqr_or_range"}:
        return "not a median with IQR or range, nor a mean with SD"
    if None in (centre, low, high):
        return "median without its interval"
    return continuous.Summary(centre.value, low.value, high.value, int(n), kind)


def check_ratio_of_geometric_means(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A geometric mean ratio against the two arms' geometric means it divides ("GMT 1,245 ...
    in the vaccine group and 12.1 ... in the placebo group; the GMT ratio was 102.9"): the
    ratio of every pair of values that round to them, either arm on top. The arms' geometric
    means and their CIs are on the log scale, so no arithmetic test of them applies."""
    effect = _stat(stats_by_id, cmp.get("effect_stat_id"))
    means = _summaries_of(cmp, stats_by_id)
    if effect is None or effect.get("measure") != GEOMETRIC_MEAN_RATIO or None in means:
        return []
    est = as_reported(effect.get("value_text"))
    first, second = (as_reported(m.get("value_text")) for m in means)
    if est is None or first is None or second is None:
        return []
    method = "ratio of the two arms' geometric means, over their rounding intervals"
    verdicts = [
        _judge_range(est, (top_lo / bottom_hi, top_hi / bottom_lo), method)
        for (top_lo, top_hi), (bottom_lo, bottom_hi) in (
            (first.interval(), second.interval()),
            (second.interval(), first.interval()),
        )
        if bottom_lo > 0
    ]
    if not verdicts:
        return []
    verdict = _first_fit(verdicts, est)
    if verdict.verdict != CONSISTENT and _adjusted(effect):
        why = "an adjusted ratio (a model's) need not be the ratio of the crude geometric means"
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    assumption = f"{first.text} and {second.text} are the geometric means the ratio divides"
    return [
        _row(
            effect,
            "ratio_vs_geometric_means",
            effect["value_text"],
            verdict,
            comparison_id=int(cmp["comparison_id"]),
            assumption=assumption,
        )
    ]


def _summaries_of(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict | None]:
    """Return the two summary rows (means or medians) a comparison pairs, None where missing."""
    return [_stat(stats_by_id, cmp.get(f"summary_{side}_stat_id")) for side in "12"]


def _sd_per_se(stat: dict, n) -> float:
    """The factor from a mean's printed spread to its SD: sqrt(n) for a standard error, SD =
    SE x sqrt(n) (Altman & Bland, BMJ 2005;331:903), else 1."""
    return math.sqrt(int(n)) if stat.get("spread_kind") == "se" else 1.0


def _of_ses(cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a comparison's means are printed with SEs: the SDs they give rest on the sizes
    (an SMD's would), where a t of them does not (Welch's t is the difference over the root sum
    of the squared SEs)."""
    return any((m or {}).get("spread_kind") == "se" for m in _summaries_of(cmp, stats_by_id))


def _rounding_boxes(cmp: dict, stats_by_id: dict[int, dict]) -> list:
    """Return [mean 1, SD 1, n 1, mean 2, SD 2, n 2] of a comparison of two means and SDs (or
    SEs, as SDs), each mean and SD as the closed interval of values that round to it."""
    boxes: list = []
    for side in ("1", "2"):
        stat = _stat(stats_by_id, cmp.get(f"summary_{side}_stat_id"))
        n = int(cmp[f"total_{side}"])
        mean = as_reported(stat.get("value_text"))
        sd = as_reported(stat.get("spread_low_text")) or as_reported(stat.get("spread_high_text"))
        boxes += [mean.interval(), tuple(v * _sd_per_se(stat, n) for v in sd.interval()), n]
    return boxes


# A p or t from two arms' means and SDs, whose sizes are printed away from them, may come from
# fewer people measured (missing data, a subset such as live births) and is not called
# inconsistent while this share of each arm measured could reproduce it; a report that lost
# more than half of both arms for an outcome without saying so is a finding in itself.
MEASURED_SHARE_FLOOR = 0.5


def _measured_share(boxes: list, of_ses: bool = False) -> list:
    """Return ``_rounding_boxes`` with each arm's size cut to MEASURED_SHARE_FLOOR of it; with
    SEs printed (``of_ses``) the SDs they give, SE x sqrt(n), shrink with the sizes, so that
    Welch's t stays what the SEs give and only its df fall."""
    m1, s1, n1, m2, s2, n2 = boxes
    share = MEASURED_SHARE_FLOOR
    k1, k2 = max(2, math.floor(n1 * share)), max(2, math.floor(n2 * share))
    if of_ses:
        s1, s2 = (
            tuple(v * math.sqrt(k / n) for v in sd) for sd, k, n in ((s1, k1, n1), (s2, k2, n2))
        )
    return [m1, s1, k1, m2, s2, k2]


def _t_test_p_range(boxes: list) -> tuple[float, float]:
    """Return the smallest and largest p of Welch's and Student's pooled t-tests over
    ``_rounding_boxes``."""
    ranges = [continuous.t_test_p_range(*boxes, equal_var=pooled) for pooled in (False, True)]
    return min(low for low, _ in ranges), max(high for _, high in ranges)


def _within_rounding(
    p_stat: dict,
    cmp: dict,
    stats_by_id: dict[int, dict],
    verdict: Verdict,
    decision: bool | None,
    settings: Settings,
) -> tuple[Verdict, bool | None]:
    """Judge a p that the printed means and SDs do not reproduce against every mean and SD that
    rounds to them: "38.2 ± 7.4 vs 37.6 ± 8.1" may be 0.5 to 0.7 apart, so p from 0.45 to
    0.59. Consistent if the reported p is in that range; a decision error only if the whole
    range is on the other side of alpha."""
    low, high = _t_test_p_range(_rounding_boxes(cmp, stats_by_id))
    reported_range = _p_range(p_stat)
    if reported_range is None or not ranges_overlap(reported_range, (low, high)):
        settled = significant((low, high), settings.alpha) is not None
        return verdict, decision if settled else None
    note = (
        f"{verdict.method} gives p {verdict.recomputed:.4g}; with the means and SDs "
        f"anywhere in their rounding, Welch's and Student's t-tests give {low:.4g} to "
        f"{high:.4g}, which holds the reported p"
    )
    return Verdict(
        CONSISTENT, verdict.method, verdict.recomputed, verdict.recomputed_text, note
    ), None


def _of_a_longer_list(cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a comparison's two means stand in a sentence with a third of the same outcome
    ("-22.5 (19.8), -30.1 (20.4) and -19.7 (21.2) mm, respectively"): which two a difference
    compares is then not known from their order."""
    pair = _summaries_of(cmp, stats_by_id)
    ids = {s["stat_id"] for s in pair if s is not None}
    first = pair[0] or {}
    return any(
        s["kind"] == "mean"
        and s["stat_id"] not in ids
        and s["sentence_start"] == first.get("sentence_start")
        and s["outcome"] == first.get("outcome")
        for s in stats_by_id.values()
    )


def _two_means_with_sds(cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a comparison pairs two arms' means with SDs and sizes, not two of a longer list
    (_of_a_longer_list): what a difference of means can be held to."""
    first = _summary(_stat(stats_by_id, cmp.get("summary_1_stat_id")), cmp.get("total_1"))
    second = _summary(_stat(stats_by_id, cmp.get("summary_2_stat_id")), cmp.get("total_2"))
    if isinstance(first, str) or isinstance(second, str) or not first.kind == second.kind == "sd":
        return False
    return not _of_a_longer_list(cmp, stats_by_id)


def _reversed_by_sign(m1: tuple, m2: tuple, reported) -> bool:
    """Whether only mean 2 - mean 1 (of their rounding intervals) gives a printed difference its
    sign."""
    sign = -1 if reported.value < 0 else 1
    return (m1[1] - m2[0]) * sign < 0 <= (m2[1] - m1[0]) * sign


def _difference_of_means_row(effect: dict, reported, m1: tuple, m2: tuple, cid: int) -> dict:
    """The difference_vs_summaries row: a printed difference against mean 1 - mean 2 over the
    means' rounding intervals."""
    low, high = m1[0] - m2[1], m1[1] - m2[0]
    verdict = Verdict(
        CONSISTENT if reported.overlaps(low, high) else INCONSISTENT,
        "difference of the two arms' means",
        (low + high) / 2,
        f"{low:.4g} to {high:.4g}" if high - low > 5e-4 else f"{low:.4g}",
        "",
        low,
        high,
    )
    return _row(effect, "difference_vs_summaries", effect["value_text"], verdict,
                comparison_id=cid)  # fmt: skip


def _difference_of_means_alone(cmp: dict, stats_by_id: dict[int, dict], effect: dict, reported):
    """A difference printed after two arms' means without a spread ("0.18 L with drug Y and
    0.07 L with placebo (difference, 0.11 L; ...)"): against mean 1 - mean 2 over the means'
    rounding, in the order that gives it its sign; its CI would need the SDs. Only a difference
    in the means' own unit (percentage points of means in percent)."""
    means = _summaries_of(cmp, stats_by_id)
    if any(m is None or m["kind"] != "mean" or m.get("spread_kind") for m in means):
        return []
    boxes = [as_reported(m.get("value_text")) for m in means]
    if (
        not _in_the_means_unit(effect, means)
        or None in boxes
        or _of_a_longer_list(cmp, stats_by_id)
    ):
        return []
    cid = int(cmp["comparison_id"])
    if any(_has_flag(m, "summary_type_not_stated") for m in means):
        # "higher in the MSC group (67.0) compared to the placebo group (50.0), with a
        # difference of 12.86": medians would not give a difference of means
        why = "the arms' values are not said to be means; a difference of means need not be theirs"
        verdict = _not_checkable(why)
        return [_row(effect, "difference_vs_summaries", effect["value_text"], verdict,
                     comparison_id=cid)]  # fmt: skip
    m1, m2 = (box.interval() for box in boxes)
    if _reversed_by_sign(m1, m2, reported):
        m1, m2 = m2, m1
    return [_difference_of_means_row(effect, reported, m1, m2, cid)]


def _in_the_means_unit(effect: dict, means: list[dict], unitless_means: bool = False) -> bool:
    """Whether a difference is of means and in their own unit (percentage points of means in
    percent); with ``unitless_means``, means printed without a unit take any unit of their
    difference but percent ("10.0 and 7.0; the mean difference was 3.0 points")."""
    if effect.get("measure") not in {"mean difference", "difference"}:
        return False
    units = {(m.get("unit") or "").strip() for m in means}
    unit = (effect.get("unit") or "").strip()
    in_points = units == {"%"} and bool(_PERCENTAGE_POINTS.match(unit))
    if unitless_means and units == {""}:
        return not unit.startswith(("%", "perc"))
    return len(units) == 1 and (unit in units or in_points)


def _half_widths(low_text, high_text) -> tuple[float, float] | None:
    """The range of half the width of an interval whose printed limits round to these."""
    low, high = as_reported(low_text), as_reported(high_text)
    if low is None or high is None:
        return None
    (low_lo, low_hi), (high_lo, high_hi) = low.interval(), high.interval()
    return max(0.0, (high_lo - low_hi) / 2), (high_hi - low_lo) / 2


def _symmetric_about(centre, low_text, high_text) -> bool:
    """Whether a printed interval can be centred on the printed value (a back-transformed or
    skewed interval is not)."""
    low, high = as_reported(low_text), as_reported(high_text)
    c_lo, c_hi = centre.interval()
    below = (c_lo - low.interval()[1], c_hi - low.interval()[0])
    above = (high.interval()[0] - c_hi, high.interval()[1] - c_lo)
    return ranges_overlap(below, above)


def _quantile(level: float, df: float) -> float:
    """The two-sided ``level`` quantile of Student's t on ``df`` degrees of freedom."""
    return float(special.stdtrit(df, 0.5 + level / 2))


def _difference_half_widths(
    arms: list[tuple[float, float]], sizes: list[int] | None, level: float
) -> dict[str, tuple[float, float]]:
    """The half-widths a difference's CI can have from the two arms' CI half-widths ``arms``
    (each a range): the root sum of the squared standard errors of two independent estimates
    (Altman & Bland, BMJ 2003;326:219), each SE the half-width over its quantile. With normal
    quantiles throughout they cancel; with the arms' sizes, also Student's t of each arm (n - 1
    df) and of the difference (pooled n1 + n2 - 2 df, or Welch-Satterthwaite df)."""
    found = {
        "normal: root sum of squares of the arms' half-widths": (
            math.hypot(arms[0][0], arms[1][0]),
            math.hypot(arms[0][1], arms[1][1]),
        )
    }
    if sizes is None or min(sizes) < 2:
        return found
    q1, q2 = (_quantile(level, n - 1) for n in sizes)
    ses = [(sum(h) / 2) / q for h, q in zip(arms, (q1, q2), strict=True)]
    welch = (ses[0] ** 2 + ses[1] ** 2) ** 2 / sum(
        se**4 / (n - 1) for se, n in zip(ses, sizes, strict=True)
    )
    for name, df in (("pooled", sizes[0] + sizes[1] - 2), ("Welch", welch)):
        q = _quantile(level, df)
        found[f"Student's t: arms n - 1 df, difference {name} df"] = tuple(
            q * math.hypot(arms[0][k] / q1, arms[1][k] / q2) for k in (0, 1)
        )
    return found


def _difference_from_arm_intervals(
    cmp: dict, stats_by_id: dict[int, dict], effect: dict, reported
) -> list[dict]:
    """A difference printed after two arms' means, each with its CI ("-5.9 kg (95% CI, -7.1 to
    -4.7) in the intervention group vs -2.1 kg (95% CI, -3.3 to -0.9) ... (difference, -3.8 kg
    [95% CI, -5.5 to -2.1])"): the difference against mean 1 - mean 2, and its CI's half-width
    against those the arms' half-widths give (_difference_half_widths), over every printed limit's
    rounding. A narrower CI is what a model sharing covariates between the arms gives (not
    checkable); a wider one is inconsistent when the arms' sizes are printed (the t quantiles
    are then known), else not checkable."""
    means = _summaries_of(cmp, stats_by_id)
    centres = [as_reported(m.get("value_text")) for m in means]
    if None in centres or not _in_the_means_unit(effect, means, unitless_means=True):
        return []
    cid = int(cmp["comparison_id"])
    m1, m2 = (c.interval() for c in centres)
    rows = []
    if not _adjusted(effect) or _of_model_means(cmp, stats_by_id):
        if _reversed_by_sign(m1, m2, reported):
            m1, m2 = m2, m1
        rows.append(_difference_of_means_row(effect, reported, m1, m2, cid))
    levels = {
        0.95 if _missing(s.get("ci_level")) else float(s["ci_level"]) for s in [*means, effect]
    }
    arms = [_half_widths(m.get("spread_low_text"), m.get("spread_high_text")) for m in means]
    own = _half_widths(effect.get("ci_low_text"), effect.get("ci_high_text"))
    if own is None or None in arms or len(levels) != 1:
        return rows
    if not all(
        _symmetric_about(c, m.get("spread_low_text"), m.get("spread_high_text"))
        for c, m in zip(centres, means, strict=True)
    ):
        why = "an arm's CI is not symmetric about its mean (a transformed or skewed interval)"
        verdict = _not_checkable(why)
    else:
        sizes = [cmp.get("total_1"), cmp.get("total_2")]
        known = None if any(_missing(n) for n in sizes) else [int(n) for n in sizes]
        found = _difference_half_widths(arms, known, levels.pop())
        matching = [name for name, (lo, hi) in found.items() if ranges_overlap(own, (lo, hi))]
        method = (matching or list(found))[0]
        lo, hi = found[method]
        centre = reported.value
        verdict = Verdict(
            CONSISTENT if matching else INCONSISTENT,
            method,
            centre - (lo + hi) / 2,
            f"{centre - hi:.4g} to {centre - lo:.4g}, {centre + lo:.4g} to {centre + hi:.4g}",
            "",
            centre - hi,
            centre + hi,
        )
        narrowest = min(low for low, _ in found.values())
        if not matching and own[1] < narrowest:
            why = "narrower than independent arms' CIs give: a model that adjusts for covariates"
            why += " correlates the arms' means"
            verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
        elif not matching and known is None:
            why = "wider than the arms' CIs give with normal quantiles; t quantiles of small arms"
            why += " could give it, and the arms' sizes are not printed"
            verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
        elif not matching and _adjusted(effect) and not _of_model_means(cmp, stats_by_id):
            why = "an adjusted difference (a model's, perhaps with imputed data) after raw means"
            verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    reported_ci = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
    rows.append(
        _row(effect, "difference_ci_vs_arm_cis", reported_ci, verdict, comparison_id=cid,
             assumption="the two arms' estimates are independent")
    )  # fmt: skip
    return rows


def _two_means_with_cis(cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a comparison pairs two arms' means, each printed with its CI."""
    means = _summaries_of(cmp, stats_by_id)
    return all(
        m is not None and m["kind"] == "mean" and m.get("spread_kind") == "ci" for m in means
    ) and not _of_a_longer_list(cmp, stats_by_id)


def _of_model_means(cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a comparison's two means are a model's (least-squares or adjusted means), whose
    difference is the model's adjusted difference."""
    return all(m is not None and _adjusted(m) for m in _summaries_of(cmp, stats_by_id))


def _a_difference_of_the_means(effect: dict, cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a difference whose kind is not named ("difference 2.9, 95% CI 0.8 to 5.0") is
    printed without a unit, or in the unit of the means that print one, or, when neither
    does, in a unit that is not percent: after two means, a difference of them."""
    if effect.get("measure") != "difference":
        return False
    unit = (effect.get("unit") or "").strip()
    units = {((m or {}).get("unit") or "").strip() for m in _summaries_of(cmp, stats_by_id)}
    units -= {""}
    if not unit:
        return True
    if units:
        return units <= {unit}
    return not unit.startswith(("%", "perc"))  # a difference in percent may be relative


def check_difference_from_summaries(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A mean difference printed with two arms' means, SDs and sizes: the difference against
    mean 1 - mean 2, and its CI against Student's pooled and Welch's CI of them (continuous.
    difference_ci_ranges), over every mean and SD that rounds to the printed ones and either
    order of the arms. An adjusted difference (ANCOVA, a model) is not held to raw means, only to
    least-squares or adjusted means (_of_model_means)."""
    effect = _stat(stats_by_id, cmp.get("effect_stat_id"))
    if effect is None:
        return []
    reported = as_reported(effect.get("value_text"))
    if reported is None:
        return []
    if _two_means_with_cis(cmp, stats_by_id):  # its CI is held even when adjusted
        return _difference_from_arm_intervals(cmp, stats_by_id, effect, reported)
    if _adjusted(effect) and not _of_model_means(cmp, stats_by_id):
        return []
    if not _two_means_with_sds(cmp, stats_by_id):
        return _difference_of_means_alone(cmp, stats_by_id, effect, reported)
    if effect.get("measure") != "mean difference" and not _a_difference_of_the_means(
        effect, cmp, stats_by_id
    ):
        return []
    cid = int(cmp["comparison_id"])
    m1, s1, n1, m2, s2, n2 = _rounding_boxes(cmp, stats_by_id)
    if _reversed_by_sign(m1, m2, reported):
        m1, s1, n1, m2, s2, n2 = m2, s2, n2, m1, s1, n1
    assumed = _sizes_assumed(cmp, stats_by_id)
    rows = [_difference_of_means_row(effect, reported, m1, m2, cid)]
    ci_low = as_reported(effect.get("ci_low_text"))
    ci_high = as_reported(effect.get("ci_high_text"))
    if ci_low is None or ci_high is None:
        return rows
    level = effect.get("ci_level")
    level = 0.95 if _missing(level) else float(level)
    named = stated_method(effect)  # a listing's "Pooled" or "Satterthwaite" row
    found = {
        name: continuous.difference_ci_ranges(m1, s1, n1, m2, s2, n2, equal_var, level)
        for name, equal_var in ((POOLED_T, True), (WELCH_T, False))
        if named not in (POOLED_T, WELCH_T) or name == named
    }
    matching = [
        name
        for name, (lower, upper) in found.items()
        if ci_low.overlaps(*lower) and ci_high.overlaps(*upper)
    ]
    method = (matching or list(found))[0]
    lower, upper = found[method]
    verdict = Verdict(
        CONSISTENT if matching else INCONSISTENT,
        method,
        (lower[0] + lower[1]) / 2,
        f"{lower[0]:.4g} to {lower[1]:.4g}, {upper[0]:.4g} to {upper[1]:.4g}",
        "",
        lower[0],
        upper[1],
    )
    # fewer measured than the sizes printed elsewhere widen a CI, and never narrow it
    if not matching and assumed and ci_high.value - ci_low.value > upper[1] - lower[0]:
        why = f"{assumed}; fewer measured than allocated would give a wider CI"
        verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    reported_ci = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
    rows.append(
        _row(
            effect,
            "difference_ci_vs_summaries",
            reported_ci,
            verdict,
            comparison_id=cid,
            assumption=f"{level:.0%} CI of the difference of two independent means",
        )
    )
    return rows


# --- standardized mean differences -----------------------------------------------------------

STANDARDIZED = "standardized mean difference"
_HEDGES_J = ", times Hedges' J"
# Which standardizers, and whether times Hedges' J, each named estimator may have used: Cohen's
# d divides by the pooled SD or the root mean of the variances (Lakens 2013), Hedges' g by the
# pooled SD with or without J (Hedges 1981 named the uncorrected one g), Glass's delta by one
# arm's SD; an SMD that names no estimator, any of d's and g's.
_SMD_METHODS = {
    "Cohen d": [(continuous.POOLED_SD, False), (continuous.AVERAGE_VARIANCE, False)],
    "Hedges g": [(continuous.POOLED_SD, False), (continuous.POOLED_SD, True)],
    "Glass delta": [(continuous.SD_OF_ARM_1, False), (continuous.SD_OF_ARM_2, False)],
    "": [
        (standardizer, corrected)
        for standardizer in (continuous.POOLED_SD, continuous.AVERAGE_VARIANCE)
        for corrected in (False, True)
    ],
}


def _smd_of(cmp: dict, stats_by_id: dict[int, dict]) -> dict | None:
    """The comparison's unadjusted standardized mean difference, if it has one."""
    effect = _stat(stats_by_id, cmp.get("effect_stat_id"))
    if effect is None or effect.get("measure") != STANDARDIZED or _adjusted(effect):
        return None
    return effect if as_reported(effect.get("value_text")) is not None else None


def _judge_size(
    reported: Reported, found: dict[str, tuple[float, float]], digits: int = 3
) -> Verdict:
    """Judge the size of a reported statistic (either sign: which arm comes first is not always
    said) against ranges of sizes, each by its method: consistent when one holds it, else the
    nearest is named (shown to ``digits`` decimals)."""
    low_r, high_r = continuous.magnitude(reported.interval())
    matching = [name for name, (lo, hi) in found.items() if low_r <= hi and lo <= high_r]
    size = abs(reported.value)
    nearest = sorted(found, key=lambda name: min(abs(v - size) for v in found[name]))
    method = (matching or nearest)[0]
    low, high = found[method]
    text = (
        f"{low:.{digits}f} to {high:.{digits}f}"
        if high - low > 0.5 / 10**digits
        else f"{low:.{digits}f}"
    )
    return Verdict(
        CONSISTENT if matching else INCONSISTENT, method, (low + high) / 2, text, "", low, high
    )


def check_smd_from_summaries(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A standardized mean difference printed with two arms' means, SDs and sizes against the
    difference of the means over the standardizers its estimator may use (_SMD_METHODS), over
    every mean and SD that rounds to the printed ones (continuous.smd_range); its size only,
    as the order of the arms is not always said."""
    effect = _smd_of(cmp, stats_by_id)
    if effect is None or not _two_means_with_sds(cmp, stats_by_id) or _of_ses(cmp, stats_by_id):
        return []
    boxes = _rounding_boxes(cmp, stats_by_id)
    j = continuous.hedges_correction(boxes[2], boxes[5])
    found = {}
    for standardizer, corrected in _SMD_METHODS[stated_method(effect)]:
        low, high = continuous.smd_range(*boxes, standardizer)
        name = f"difference of the means / {standardizer}" + (_HEDGES_J if corrected else "")
        found[name] = (low * j, high * j) if corrected else (low, high)
    verdict = _judge_size(as_reported(effect["value_text"]), found)
    if verdict.verdict == INCONSISTENT:
        note = "none of these standardizers gives it; it may divide by an SD not printed here"
        verdict = replace(verdict, note=note + " (at baseline, a model's residual SD)")
    return [
        _row(effect, "smd_vs_summaries", effect["value_text"], verdict,
             comparison_id=int(cmp["comparison_id"]),
             assumption=_sizes_assumed(cmp, stats_by_id))
    ]  # fmt: skip


def check_smd_ci(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A standardized mean difference's CI against the CI its estimate and the arms' sizes
    give, by the normal approximation (metafor) and by the noncentral t, over every estimate
    that rounds to the printed one (both limits grow with it). Hedges' g's noncentral-t CI is
    d's times J."""
    effect = _smd_of(cmp, stats_by_id)
    if effect is None or _missing(cmp.get("total_1")) or _missing(cmp.get("total_2")):
        return []
    ci_low, ci_high = (
        as_reported(effect.get("ci_low_text")),
        as_reported(effect.get("ci_high_text")),
    )
    if ci_low is None or ci_high is None or _has_flag(effect, ONE_SIDED_FLAG):
        return []
    n_1, n_2 = int(cmp["total_1"]), int(cmp["total_2"])
    if min(n_1, n_2) < 2:
        return []
    level = effect.get("ci_level")
    level = 0.95 if _missing(level) else float(level)
    named = stated_method(effect)
    j = continuous.hedges_correction(n_1, n_2)
    ends = as_reported(effect["value_text"]).interval()
    found = {}
    for method in (continuous.NORMAL_SMD_CI, continuous.NONCENTRAL_T_SMD_CI):
        corrected = named == "Hedges g" and method == continuous.NONCENTRAL_T_SMD_CI
        scale = j if corrected else 1.0
        limits = [continuous.smd_ci(e / scale, n_1, n_2, level, method) for e in ends]
        if any(math.isnan(v) for pair in limits for v in pair):
            continue
        found[method + (_HEDGES_J if corrected else "")] = (
            (limits[0][0] * scale, limits[1][0] * scale),
            (limits[0][1] * scale, limits[1][1] * scale),
        )
    if not found:
        return []
    matching = [
        name
        for name, (lower, upper) in found.items()
        if ci_low.overlaps(*lower) and ci_high.overlaps(*upper)
    ]
    method = (matching or list(found))[0]
    (low_1, low_2), (high_1, high_2) = found[method]
    verdict = Verdict(
        CONSISTENT if matching else INCONSISTENT,
        method,
        math.nan,
        f"{low_1:.3f} to {low_2:.3f}, {high_1:.3f} to {high_2:.3f}",
        "" if matching else f"the CI of {n_1} and {n_2} patients' estimate by either method",
    )
    reported = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
    return [
        _row(effect, "smd_ci_vs_sizes", reported, verdict,
             comparison_id=int(cmp["comparison_id"]))
    ]  # fmt: skip


def _t_of_test(test: dict | None) -> tuple[tuple[float, float], float | None] | None:
    """Return the range of |t| that rounds to a printed t (or to the root of an F on 1 df) and
    the t's degrees of freedom (None when not printed); None for any other test."""
    reported = as_reported(test.get("value_text")) if test else None
    if reported is None or test.get("test_type") not in {"t", "F"}:
        return None
    squared = test["test_type"] == "F"
    if squared and (_missing(test.get("df1")) or float(test["df1"]) != 1):
        return None
    df = test.get("df2") if squared else test.get("df1")
    low_t, high_t = reported.interval()
    if squared:
        low_t, high_t = math.sqrt(max(low_t, 0.0)), math.sqrt(max(high_t, 0.0))
    return (low_t, high_t), (None if _missing(df) else float(df))


def _smd_ranges(
    t: tuple[float, float], n_1: int, n_2: int, named: str
) -> dict[str, tuple[float, float]]:
    """Return {method: range} of d = |t| sqrt(1/n1 + 1/n2) over the t of ``t`` (Lakens 2013,
    eq. 2), and of Hedges' g = d J unless the text says Cohen's d."""
    low, high = continuous.smd_from_t(t, n_1, n_2)
    found = {"|t| sqrt(1/n1 + 1/n2)": (low, high)}
    if named != "Cohen d":
        j = continuous.hedges_correction(n_1, n_2)
        found["|t| sqrt(1/n1 + 1/n2)" + _HEDGES_J] = (low * j, high * j)
    return found


def check_smd_from_test(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A standardized mean difference printed with the two-sample t (or F of 1 df) of the same
    comparison against d = |t| sqrt(1/n1 + 1/n2) (Lakens 2013, eq. 2), and Hedges' g = d J, over
    the t that round to the printed one; only when the t's degrees of freedom are the arms'
    sizes less two (a paired t gives another d)."""
    effect = _smd_of(cmp, stats_by_id)
    of_test = _t_of_test(_stat(stats_by_id, cmp.get("test_stat_id")))
    if effect is None or of_test is None:
        return []
    t, df = of_test
    named = stated_method(effect)
    n_1, n_2 = cmp.get("total_1"), cmp.get("total_2")
    if named == "Glass delta":
        verdict = _not_checkable("Glass's delta needs an arm's SD, which the t does not give")
    elif _missing(n_1) or _missing(n_2) or df is None:
        verdict = _not_checkable("the arms' sizes or the test's degrees of freedom not reported")
    elif df != int(n_1) + int(n_2) - 2:
        why = f"the test's df ({df:g}) is not the arms' sizes ({n_1} + {n_2}) less two"
        verdict = _not_checkable(why)
    else:
        found = _smd_ranges(t, int(n_1), int(n_2), named)
        verdict = _judge_size(as_reported(effect["value_text"]), found)
    return [
        _row(effect, "smd_vs_test", effect["value_text"], verdict,
             comparison_id=int(cmp["comparison_id"]))
    ]  # fmt: skip


def _smd_splits(
    reported: Reported, t: tuple[float, float], total: int, named: str
) -> list[tuple[int, int, str]]:
    """Return the (n1, n2, method) of every split of ``total`` people into two arms of 2 or
    more whose d = |t| sqrt(1/n1 + 1/n2) (or Hedges' g = d J, unless the text says Cohen's d)
    over the t that round to the printed one holds the reported value."""
    low_r, high_r = continuous.magnitude(reported.interval())
    return [
        (n_1, total - n_1, method)
        for n_1 in range(2, total // 2 + 1)
        for method, (lo, hi) in _smd_ranges(t, n_1, total - n_1, named).items()
        if lo <= high_r and low_r <= hi
    ]


def check_smd_against_t_alone(
    effect: dict, test: dict, sizes: tuple[int, int] | None
) -> dict | None:
    """A standardized mean difference after a t (or F on 1 df) in its sentence that no
    comparison joined to arms (APA style: "t(58) = 2.45, p = .017, d = 0.63"): d = |t|
    sqrt(1/n1 + 1/n2) with n1 + n2 = df + 2 (Lakens 2013, eq. 2). With two arm sizes that add
    up to df + 2 it is held to them as smd_vs_test is; without, consistent when some split of
    df + 2 people into two arms gives it (the splits are named), else not checkable: a paired
    or one-sample t gives another d (Lakens 2013, eqs. 6-8)."""
    reported, of_test = as_reported(effect.get("value_text")), _t_of_test(test)
    if reported is None or of_test is None or of_test[1] is None or of_test[1] < 2:
        return None
    t, df = of_test
    total, named = int(df) + 2, stated_method(effect)
    if named == "Glass delta" or df != int(df):
        return None
    if sizes is not None:
        verdict = _judge_size(reported, _smd_ranges(t, *sizes, named))
        assumption = (
            f"arms of {sizes[0]} and {sizes[1]}, the sizes the text gives, with df = n1 + n2 - 2"
        )
        return _row(effect, "smd_vs_test", effect["value_text"], verdict, assumption=assumption)
    splits = _smd_splits(reported, t, total, named)
    method = "|t| sqrt(1/n1 + 1/n2), n1 + n2 = df + 2"
    if splits:
        shown = sorted({(a, b) for a, b, _ in splits}, key=lambda p: abs(p[0] - p[1]))
        text = "; ".join(f"{a} and {b}" for a, b in shown[:3]) + ("; ..." if len(shown) > 3 else "")
        verdict = Verdict(CONSISTENT, method, math.nan, f"arms of {text}")
    else:
        verdict = _not_checkable(
            f"no split of {total} people into two arms gives it; a paired or one-sample t "
            "gives another d",
            method,
        )
    assumption = "a two-sample t on df = n1 + n2 - 2; the arm sizes are not given"
    return _row(effect, "smd_vs_test", effect["value_text"], verdict, assumption=assumption)


def _smd_checks_without_comparison(
    stats: list[dict], sentences: _RowsBySentence, done: list[dict | None], arm_sizes: dict
) -> list[dict | None]:
    """The smd_vs_test rows of standardized mean differences no comparison checked, each
    against the last t or F before it in its sentence."""
    checked = {r["stat_id"] for r in done if r is not None and r["check"] == "smd_vs_test"}
    rows = []
    for effect in stats:
        if (
            effect["kind"] != "difference"
            or effect.get("measure") != STANDARDIZED
            or _adjusted(effect)
            or int(effect["stat_id"]) in checked
        ):
            continue
        tests = [
            s
            for s in sentences.own(effect)
            if s["kind"] == "test"
            and s.get("test_type") in {"t", "F"}
            and s["span_end"] <= effect["span_start"]
        ]
        if not tests:
            continue
        of_test = _t_of_test(tests[-1])
        sizes = list(arm_sizes.get(_study_of(effect), {}).values())
        pair = None
        if len(sizes) == 2 and of_test and of_test[1] is not None and sum(sizes) == of_test[1] + 2:
            pair = (sizes[0], sizes[1])
        rows.append(check_smd_against_t_alone(effect, tests[-1], pair))
    return rows


# --- effect sizes of an analysis of variance ---------------------------------------------------


def _test_before(stat: dict, sentences: _RowsBySentence, types: set[str]) -> dict | None:
    """The last test of one of ``types`` before ``stat`` in its sentence, or None."""
    tests = [s for s in sentences.own(stat) if s["kind"] == "test" and s.get("test_type") in types]
    return tests[-1] if tests else None


def _f_before(stat: dict, sentences: _RowsBySentence) -> tuple | str | None:
    """The F printed before an effect size in its sentence, as (the Fs that round to it, df1,
    df2, how it was read), a t being an F of 1 df (F = t squared); why not, when its degrees of
    freedom are not printed; None when there is no F or t."""
    return _as_f(_test_before(stat, sentences, {"F", "t"}))


def _as_f(test: dict | None) -> tuple | str | None:
    """An F or t test as _f_before returns it (a t as an F of 1 df), why not, or None."""
    if test is None:
        return None
    value = as_reported(test.get("value_text"))
    from_t = test["test_type"] == "t"
    df1, df2 = (1.0, test.get("df1")) if from_t else (test.get("df1"), test.get("df2"))
    if value is None or _missing(df1) or _missing(df2):
        return "the test's degrees of freedom are not reported"
    low, high = value.interval()
    if from_t:
        low, high = (v**2 for v in continuous.magnitude((low, high)))
    return (
        (max(low, 0.0), max(high, 0.0)),
        float(df1),
        float(df2),
        (", F = t squared" if from_t else ""),
    )


_SHARE_OF_F = "F df1 / (F df1 + df2)"


def _share_of_f(f: float, df1: float, df2: float) -> float:
    """The effect's share of an F test, F df1 / (F df1 + df2): partial eta squared, and a
    least-squares model's R squared from its overall F."""
    return f * df1 / (f * df1 + df2)


def _at_most(reported: Reported, method: str, bounds: tuple[float, float], below: str) -> Verdict:
    """Judge an effect size whose value from the test is ``bounds`` in the simplest design:
    consistent when the printed value's rounding interval meets them, inconsistent above them,
    and under them not checkable, ``below`` saying why, when other designs give less (else
    inconsistent)."""
    low, high = bounds
    low_r, high_r = reported.interval()
    text = f"{low:.4f} to {high:.4f}" if high - low > 0.00005 else f"{low:.4f}"
    fits = low_r <= high and low <= high_r
    verdict = Verdict(
        CONSISTENT if fits else INCONSISTENT, method, (low + high) / 2, text, "", low, high
    )
    if not fits and below and high_r < low:
        return replace(verdict, verdict=NOT_CHECKABLE, note=below)
    return verdict


def check_anova_effect_size(stat: dict, sentences: _RowsBySentence) -> dict | None:
    """An analysis of variance's effect size against the F printed before it in its sentence,
    over the F that round to the printed one (a t is an F of 1 df):
    - partial eta squared is the effect's share F df1 / (F df1 + df2) (Cohen 1973; Lakens
      2013, eq. 13); eta squared is that share in a one-way design and less in others;
    - omega squared, partial or not, is df1 (F - 1) / (df1 (F - 1) + N) (Olejnik & Algina 2003;
      Lakens 2013, eq. 15) with N observations: df1 + df2 + 1 in a one-way design, more in
      others, which give less;
    - Cohen's f is at most sqrt(F df1 / df2), the square root of partial eta squared over one
      less it (Cohen 1988, eq. 8.2.19), and f squared F df1 / df2; f from omega squared, or from
      eta squared in a design of several factors, is smaller.
    So a value above the one-way value is inconsistent, one below not checkable (but for
    partial eta squared, which is the share in any design)."""
    reported = as_reported(stat.get("value_text"))
    test = _f_before(stat, sentences)
    if reported is None or test is None:
        return None
    if isinstance(test, str):
        return _row(stat, "effect_size_vs_test", stat["value_text"], _not_checkable(test))
    (low, high), df1, df2, read = test
    measure = stat.get("measure") or ""
    if "eta" in measure:
        of_f, method = (lambda f: _share_of_f(f, df1, df2)), _SHARE_OF_F
        several = "an eta squared below the effect's share may be of a design of several factors"
        below = several if measure == "eta squared" else ""
    elif "omega" in measure:
        n = df1 + df2 + 1
        of_f = lambda f: df1 * (f - 1) / (df1 * (f - 1) + n)  # noqa: E731
        method = "df1 (F - 1) / (df1 (F - 1) + df1 + df2 + 1)"
        below = "an omega squared below the one-way value may be of a design with more observations"
    else:
        squared = measure.endswith("squared")
        of_f = (lambda f: f * df1 / df2) if squared else (lambda f: math.sqrt(f * df1 / df2))
        method = "F df1 / df2" if squared else "sqrt(F df1 / df2)"
        below = "a smaller Cohen's f may be from omega squared or a design of several factors"
    verdict = _at_most(reported, method + read, (of_f(low), of_f(high)), below)
    return _row(stat, "effect_size_vs_test", stat["value_text"], verdict)


def _f_beside(stat: dict, sentences: _RowsBySentence) -> dict | None:
    """The F printed right before or after a statistic in its sentence, with nothing but
    p-values between them ("R² = .18, F(3, 116) = 8.47, p < .001"), or None."""
    rows = sentences.starting.get(stat["sentence_start"], [])
    here = next((i for i, row in enumerate(rows) if row is stat), None)
    if here is None:
        return None
    for step in (-1, 1):
        i = here + step
        while 0 <= i < len(rows) and rows[i]["kind"] == "p_value":
            i += step
        if 0 <= i < len(rows) and rows[i]["kind"] == "test" and rows[i].get("test_type") == "F":
            return rows[i]
    return None


def check_r_squared(stat: dict, sentences: _RowsBySentence) -> dict | None:
    """A regression's R squared against the overall F printed beside it: for a least-squares
    model with an intercept, df1 predictors and df2 residual degrees of freedom, the overall F
    is (R² / df1) / ((1 - R²) / df2), so R² = F df1 / (F df1 + df2), and adjusted R² = 1 -
    (1 - R²) (df1 + df2) / df2 (as R's summary.lm computes both), over the Fs that round to the
    printed one; both ways exact."""
    reported = as_reported(stat.get("value_text"))
    test = _as_f(_f_beside(stat, sentences))
    if reported is None or test is None:
        return None
    if isinstance(test, str):
        return _row(stat, "effect_size_vs_test", stat["value_text"], _not_checkable(test))
    (low, high), df1, df2, _ = test
    shares = (_share_of_f(low, df1, df2), _share_of_f(high, df1, df2))
    if stat["measure"] == "adjusted R squared":
        bounds = tuple(1 - (1 - share) * (df1 + df2) / df2 for share in shares)
        method = "1 - (1 - F df1 / (F df1 + df2)) (df1 + df2) / df2"
    else:
        bounds, method = shares, _SHARE_OF_F
    verdict = _at_most(reported, method, bounds, "")
    return _row(stat, "effect_size_vs_test", stat["value_text"], verdict)


# the number of observations an APA chi-square prints in its bracket: "χ²(1, N = 126)"
_N_OF_TEST = re.compile(r"\bN\s?=\s?(?P<n>\d{1,3}(?:,\d{3})+|\d{1,7})(?!\d)")


def check_phi_or_v(stat: dict, sentences: _RowsBySentence) -> dict | None:
    """Phi or Cramér's V against the chi-square printed before it in its sentence, with its N
    and df: sqrt(chi2 / (N m)), m = min(rows, columns) - 1 (Cramér 1946; phi: m = 1), over the
    chi-squares that round to the printed one. The table's shape is not printed, so V may use
    any m that divides df with m squared at most df ((r - 1)(c - 1) = df)."""
    reported = as_reported(stat.get("value_text"))
    test = _test_before(stat, sentences, {"chi2"})
    if reported is None or test is None:
        return None
    value, size = as_reported(test.get("value_text")), _N_OF_TEST.search(test["source_text"])
    df = test.get("df1")
    if value is None or size is None or _missing(df):
        why = "the chi-square's N or degrees of freedom are not reported"
        return _row(stat, "effect_size_vs_test", stat["value_text"], _not_checkable(why))
    n, df = int(size["n"].replace(",", "")), int(float(df))
    shapes = (
        [1]
        if stat["measure"] == "phi"
        else [m for m in range(1, df + 1) if not df % m and m * m <= df]
    )
    low, high = (max(v, 0.0) for v in value.interval())
    found = {
        f"sqrt(chi2 / (N m)), m = {m}": (math.sqrt(low / (n * m)), math.sqrt(high / (n * m)))
        for m in shapes
    }
    matching = [name for name, (lo, hi) in found.items() if reported.overlaps(lo, hi)]
    method = (matching or list(found))[0]
    least, most = found[method]
    verdict = Verdict(
        CONSISTENT if matching else INCONSISTENT,
        method,
        (least + most) / 2,
        f"{least:.4f} to {most:.4f}",
        "",
        least,
        most,
    )
    return _row(stat, "effect_size_vs_test", stat["value_text"], verdict)


def _sizes_assumed(cmp: dict, stats_by_id: dict[int, dict]) -> str:
    """Say which numbers of people a p from two summaries assumes when they are the arms' sizes
    printed away from the summaries: fewer measured (missing data, a subset such as live births)
    give a larger p."""
    first = _stat(stats_by_id, cmp.get("summary_1_stat_id")) or {}
    sizes = [_stat(stats_by_id, cmp.get(f"total_{side}_stat_id")) for side in "12"]
    summaries = [first, _stat(stats_by_id, cmp.get("summary_2_stat_id")) or first]
    # each size in its summary's sentence (or both in the first's): "(n = 40) 5.1 ± 1.2 vs
    # (n = 38) 6.0 ± 1.4", a listing's line of each arm's N, mean and SD
    if any(s is None for s in sizes) or all(
        s["sentence_start"] in {first.get("sentence_start"), summary.get("sentence_start")}
        for s, summary in zip(sizes, summaries, strict=True)
    ):
        return ""
    return (
        f"n = {cmp['total_1']} and {cmp['total_2']}, the arms' sizes printed elsewhere, were all "
        "measured"
    )


def check_t_from_summaries(cmp: dict, stats_by_id: dict[int, dict]) -> list[dict]:
    """A t (or an F of 1 numerator df, t squared) printed with two arms' means and SDs against
    Student's pooled and Welch's t of them (scipy's ttest_ind_from_stats), over every mean and
    SD that rounds to the printed ones and either sign: consistent when either reproduces it.
    Sizes printed away from the summaries are assumed all measured (the assumption says so)."""
    test = _stat(stats_by_id, cmp.get("test_stat_id"))
    reported = as_reported(test.get("value_text")) if test else None
    if reported is None:
        return []
    if stated_method(test) == FOLDED_F:
        return _check_folded_f(cmp, stats_by_id, test, reported)
    squared = test.get("test_type") == "F"
    if squared and (_missing(test.get("df1")) or float(test["df1"]) != 1):
        return []  # an F of more than one numerator df tests more than two arms
    first = _summary(_stat(stats_by_id, cmp.get("summary_1_stat_id")), cmp.get("total_1"))
    second = _summary(_stat(stats_by_id, cmp.get("summary_2_stat_id")), cmp.get("total_2"))
    problem = next((s for s in (first, second) if isinstance(s, str)), None)
    sizes_assumed = _sizes_assumed(cmp, stats_by_id)
    if problem is None and not first.kind == second.kind == "sd":
        problem = "a t from medians would need their means and SDs estimated"
    if problem:
        verdict = _not_checkable(problem)
    else:
        boxes = _rounding_boxes(cmp, stats_by_id)
        found = {}
        for name, equal_var in (("Student's pooled t", True), ("Welch's t", False)):
            low, high = continuous.t_range(*boxes, equal_var=equal_var)
            found[name] = (low**2, high**2) if squared else (low, high)
        verdict = _judge_size(reported, found)
        if squared:
            verdict = replace(verdict, method=verdict.method + ", squared (F of 1 df)")
        low_r, high_r = continuous.magnitude(reported.interval())  # "t = 0.00" holds 0
        text = verdict.recomputed_text
        # fewer measured than the arms' sizes printed elsewhere give a smaller t
        if (
            verdict.verdict == INCONSISTENT
            and sizes_assumed
            and low_r < max(hi for _, hi in found.values())
        ):
            of_ses = _of_ses(cmp, stats_by_id)
            measured = _measured_share(boxes, of_ses)
            floor = min(
                continuous.t_range(*measured, equal_var=equal_var)[0] for equal_var in (True, False)
            )
            floor = floor**2 if squared else floor
            if high_r < floor and of_ses:
                note = "the SEs give the statistic whatever number of each arm was measured"
                verdict = replace(verdict, note=note)
            elif high_r < floor:
                note = (
                    "fewer measured than the arms' sizes would give a smaller statistic, but "
                    f"not this one unless fewer than {MEASURED_SHARE_FLOOR:.0%} of each arm "
                    f"were measured (at least {floor:.3f} with that share)"
                )
                verdict = replace(verdict, note=note)
            else:
                why = (
                    f"the printed statistic is below one of the arms' full sizes ({text} the "
                    "nearest); fewer measured than allocated would give a smaller one"
                )
                verdict = replace(verdict, verdict=NOT_CHECKABLE, note=why)
    assumption = "; ".join(
        filter(None, ["two-sample t of the means and SDs, either sign", sizes_assumed])
    )
    return [_test_vs_summaries_row(test, cmp, verdict, assumption)]


def _test_vs_summaries_row(test: dict, cmp: dict, verdict: Verdict, assumption: str) -> dict:
    return _row(
        test,
        "test_vs_summaries",
        test.get("value_text") or "",
        verdict,
        comparison_id=int(cmp["comparison_id"]),
        assumption=assumption,
    )


def _check_folded_f(cmp: dict, stats_by_id: dict[int, dict], test: dict, reported) -> list[dict]:
    """A folded F (SAS PROC TTEST's Equality of Variances) against the larger squared SD over
    the smaller, over every SD that rounds to the printed ones (R's var.test statistic, or its
    inverse); its degrees of freedom are the sizes less one, the larger SD's arm first."""
    _, sd_1, n_1, _, sd_2, n_2 = _rounding_boxes(cmp, stats_by_id)
    low, high = continuous.folded_f_range(sd_1, sd_2)
    dfs = (float(test.get("df1") or 0), float(test.get("df2") or 0))
    if sorted(dfs) != sorted((n_1 - 1.0, n_2 - 1.0)):
        verdict = _not_checkable(
            f"its degrees of freedom {dfs[0]:g} and {dfs[1]:g} are not the arms' sizes less one "
            f"({n_1 - 1} and {n_2 - 1})"
        )
    else:
        text = f"{low:.4f} to {high:.4f}" if high - low > 5e-5 else f"{low:.4f}"
        fits = reported.overlaps(low, high)
        method = "folded F: the larger SD squared over the smaller"
        verdict = Verdict(
            CONSISTENT if fits else INCONSISTENT, method, (low + high) / 2, text, "", low, high
        )
    return [_test_vs_summaries_row(test, cmp, verdict, "the two arms' printed SDs")]


def _p_of_another_estimate(p_stat: dict, cmp: dict, stats_by_id: dict[int, dict]) -> bool:
    """Whether a p follows a ratio, or a difference other than the comparison's own ("median
    14.2 vs 11.3 months (hazard ratio 0.74; 95% CI ...; P=0.002)": the hazard ratio's p, a test
    of survival, not of the two summaries)."""
    target = _stat(stats_by_id, p_stat.get("refers_to"))
    if target is None or target["kind"] not in {"ratio", "difference"}:
        return False
    own = cmp.get("effect_stat_id")
    return target["kind"] == "ratio" or _missing(own) or int(own) != int(target["stat_id"])


def check_continuous(cmp: dict, stats_by_id: dict[int, dict], settings: Settings) -> list[dict]:
    """Reported p of a two-arm continuous comparison against the approximate p from the
    summaries (means and SDs estimated from medians); never called inconsistent."""
    p_stat = _stat(stats_by_id, cmp.get("p_stat_id"))
    if p_stat is None or _p_of_another_estimate(p_stat, cmp, stats_by_id):
        return []
    cid = int(cmp["comparison_id"])
    first = _summary(_stat(stats_by_id, cmp.get("summary_1_stat_id")), cmp.get("total_1"))
    second = _summary(_stat(stats_by_id, cmp.get("summary_2_stat_id")), cmp.get("total_2"))
    problem = next((s for s in (first, second) if isinstance(s, str)), None)
    candidates = problem or continuous.approximate_p(first, second)
    if isinstance(candidates, str):
        verdict = _not_checkable(candidates)
        return [_row(p_stat, "p_vs_summaries", _reported_p(p_stat), verdict, comparison_id=cid,
                     approximate=True)]  # fmt: skip
    exact = first.kind == "sd" and second.kind == "sd"
    verdict, decision, log_ratio = judge_p(p_stat, candidates, settings)
    if exact and verdict.verdict == INCONSISTENT:
        verdict, decision = _within_rounding(p_stat, cmp, stats_by_id, verdict, decision, settings)
    if verdict.verdict == INCONSISTENT and _adjusted(_stat(stats_by_id, cmp.get("effect_stat_id"))):
        # "Method: ANCOVA": the p of a model's estimate need not be a t-test's of the summaries
        why = "the p of an adjusted estimate (a model) need not be a t-test's of the summaries"
        verdict, decision = replace(verdict, verdict=NOT_CHECKABLE, note=why), None
    elif verdict.verdict == INCONSISTENT and _adjusted(p_stat):
        why = _P_OF_A_MODEL.format("the summaries")
        verdict, decision = replace(verdict, verdict=NOT_CHECKABLE, note=why), None
    sizes_assumed = _sizes_assumed(cmp, stats_by_id)
    if exact and sizes_assumed:
        measured = _measured_share(_rounding_boxes(cmp, stats_by_id), _of_ses(cmp, stats_by_id))
        at_floor = _t_test_p_range(measured)
        verdict, decision, log_ratio = _unless_fewer_analysed(
            p_stat, candidates, verdict, decision, log_ratio, largest_at_floor=at_floor[1]
        )
    values = [v for v in candidates.values() if math.isfinite(v)]
    low, high = (min(values), max(values)) if values else (math.nan, math.nan)
    reported_range = _p_range(p_stat)
    note = ""
    if not exact and verdict.verdict == INCONSISTENT:
        overlap = reported_range is not None and ranges_overlap(reported_range, (low, high))
        method, value = verdict.method, verdict.recomputed
        note = (
            f"approximate p {value:.3g} vs reported {_reported_p(p_stat)}"
            + (
                f" ({abs(log_ratio):.2g} orders of magnitude apart)"
                if math.isfinite(log_ratio)
                else ""
            )
            + (
                "; the significance decision differs"
                if decision
                else "; same significance decision"
            )
        )
        verdict = Verdict(
            CONSISTENT if overlap else NOT_CHECKABLE, method, value, f"{value:.4g}", note, low, high
        )
    else:
        verdict = Verdict(
            verdict.verdict, verdict.method, verdict.recomputed, verdict.recomputed_text,
            verdict.note, low, high,
        )  # fmt: skip
    return [
        _row(
            p_stat,
            "p_vs_summaries",
            _reported_p(p_stat),
            verdict,
            comparison_id=cid,
            approximate=not exact,
            decision_error=decision if exact else None,
            log10_p_ratio=log_ratio,
            assumption="; ".join(
                filter(
                    None,
                    [
                        ""
                        if exact
                        else "normal data; the bracketed interval read as IQR and as range",
                        sizes_assumed,
                    ],
                )
            ),
        )
    ]


# --- group sizes --------------------------------------------------------------------------------


_EACH_ARM_METHOD = "number of arms times the size stated for each arm"


def check_arm_sums(statistics: list[dict]) -> list[dict]:
    """Stated totals against arm sizes stated together: do the groups add up?"""
    # the number screened is no total of the arms ("512 were screened and 386 randomly assigned")
    totals = [
        s
        for s in statistics
        if s["kind"] == "sample_size"
        and not _missing(s.get("value"))
        and float(s["value"]) > 0
        and s.get("population") != "screened"
    ]
    # a total in clusters is held against arm sizes in clusters, one in people against people,
    # and a study's total against the arms of its own trial (a page may report two trials;
    # arm_sizes_by_study)
    by_study: dict[str, list[dict]] = {}
    for s in statistics:
        by_study.setdefault(_study_of(s), []).append(s)
    trial = {study: {study, *others} for study, others in _same_trial(by_study).items()}
    study_of = {int(s["stat_id"]): _study_of(s) for s in statistics}
    sums_in: dict[tuple[str, str], list[inference.ArmSum]] = {}
    for arm_sum in inference.arm_sums(statistics):
        sums_in.setdefault((study_of[arm_sum.stat_ids[0]], arm_sum.unit), []).append(arm_sum)
    totals_in: dict[tuple[str, str], set[int]] = {}
    for t in totals:
        if float(t["value"]).is_integer():
            key = (_study_of(t), t.get("unit") or "")
            totals_in.setdefault(key, set()).add(int(float(t["value"])))
    rows = []
    for total in totals:
        unit, studies = total.get("unit") or "", sorted(trial[_study_of(total)])
        sums = [s for study in studies for s in sums_in.get((study, unit), [])]
        if not sums:
            continue
        sum_values = {s.total for s in sums}
        total_values = set().union(*(totals_in.get((study, unit), set()) for study in studies))
        value = float(total["value"])
        matching = [s for s in sums if s.total == value]
        method = "sum of arm sizes stated together"
        if matching:
            if matching[0].each:
                method = _EACH_ARM_METHOD
            verdict = Verdict(CONSISTENT, method, matching[0].total, matching[0].text)
        elif sum_values & total_values:
            other = ", ".join(map(str, sorted(sum_values & total_values)))
            why = (
                f"another stated total ({other}) matches the arm sizes; this one may count "
                "another stage (screened, enrolled, analysed)"
            )
            verdict = Verdict(NOT_CHECKABLE, method, sums[0].total, sums[0].text, why)
        else:
            nearest = min(sums, key=lambda s: abs(s.total - value))
            method = _EACH_ARM_METHOD if nearest.each else method
            later = _later_stage(nearest.population, total.get("population") or "")
            if later and nearest.total < value:
                # "302 were randomised; 299 were analysed (drug, n = 148; placebo, n = 151)"
                why = f"the arm sizes count a later stage ({later}) than this total"
                verdict = Verdict(NOT_CHECKABLE, method, nearest.total, nearest.text, why)
            elif nearest.total < value and nearest.total in (
                counted := _counts_of_a_later_stage(statistics, studies)
            ):
                # "Of 320 randomized, 300 (93.8%) completed the trial ... (n = 151) ... (n = 149)"
                why = (
                    f"the arm sizes add up to the {nearest.total} counted as "
                    f"'{counted[nearest.total]}', a later stage than this total"
                )
                verdict = Verdict(NOT_CHECKABLE, method, nearest.total, nearest.text, why)
            else:
                verdict = Verdict(INCONSISTENT, method, nearest.total, nearest.text,
                                  "the arm sizes do not add up to this total")  # fmt: skip
        rows.append(
            _row(
                total,
                "total_vs_arm_sizes",
                total["value_text"],
                verdict,
                flag="" if verdict.verdict == CONSISTENT else "group_sizes_do_not_add_up",
                assumption="the arms stated in one sentence are all the arms of the study",
            )
        )
    return rows


_STAGE_ORDER = ("screened", "enrolled", "randomized", "treated", "analysed")
# a count of people who reached a later stage than randomization ("300 (93.8%) completed the
# trial", "289 were included in the analysis")
_LATER_STAGE_COUNT = re.compile(
    r"(?i)\b(?:complet|analy[sz]|evaluable|followed[\s-]up|finished|included\sin\sthe\sanaly)"
)


def _counts_of_a_later_stage(statistics: list[dict], studies: list[str]) -> dict[int, str]:
    """Return {number: what it counts} of the counts of people of a later stage in studies."""
    return {
        int(s["numerator"]): s["outcome"]
        for s in statistics
        if s["kind"] == "count"
        and not _missing(s.get("numerator"))
        and _study_of(s) in studies
        and _LATER_STAGE_COUNT.search(s.get("outcome") or "")
    }


def _later_stage(arms: str, total: str) -> str:
    """Return the arms' stage when it comes after the total's (both stated), else ''."""
    if arms in _STAGE_ORDER and total in _STAGE_ORDER:
        return arms if _STAGE_ORDER.index(arms) > _STAGE_ORDER.index(total) else ""
    return ""


def _arm_sizes(statistics: list[dict], analysed: bool = False) -> dict[str, int]:
    """Return arm key -> stated size, dropping arms stated with two different sizes and sizes
    the text says were analysed (a registry's "Number of Participants Analyzed" of one outcome
    is no randomized size to hold another outcome's denominators against); with ``analysed``,
    only those."""
    sizes: dict[str, set[int]] = {}
    randomized: dict[str, set[int]] = {}
    for s in statistics:
        if (
            s["kind"] == "arm_size"
            and not _missing(s.get("value"))
            and s.get("arm")
            and (s.get("population") == "analysed") == analysed
            and counts_people(s)
        ):
            sizes.setdefault(arm_key(s["arm"]), set()).add(int(float(s["value"])))
            if s.get("population") == "randomized":
                randomized.setdefault(arm_key(s["arm"]), set()).add(int(float(s["value"])))
    for key, n in _sizes_of_each_arm(statistics, analysed).items():
        sizes.setdefault(key, set()).add(n)
    # an arm allocated 151 and treated 148 (a flow diagram) was randomized 151
    sizes |= {k: v for k, v in randomized.items() if len(v) == 1 and not analysed}
    return {k: next(iter(v)) for k, v in sizes.items() if len(v) == 1}


def arm_sizes_by_study(statistics: list[dict], analysed: bool = False) -> dict[str, dict[str, int]]:
    """Return study_id -> ``_arm_sizes`` of that study's statistics: one trial's arm sizes are
    no denominators for another's results (a thread quoting two trials, each with a placebo
    arm). A study also takes the sizes of arms it does not size itself from studies stating
    the same total sample: one trial reported twice on a page (a follow-up paper and, below it,
    the first report it cites)."""
    by_study: dict[str, list[dict]] = {}
    for s in statistics:
        by_study.setdefault(_study_of(s), []).append(s)
    own = {study: _arm_sizes(rows, analysed) for study, rows in by_study.items()}
    sizes: dict[str, dict[str, int]] = {}
    for study, others in _same_trial(by_study).items():
        sizes[study] = dict(own[study])
        for other in others:
            for key, n in own[other].items():
                sizes[study].setdefault(key, n)
    return sizes


def _same_trial(by_study: dict[str, list[dict]]) -> dict[str, list[str]]:
    """Return study_id -> the other studies of the page that state one of its total samples
    (one trial reported twice), from each study's statistics."""
    samples = {study: _samples_stated(rows) for study, rows in by_study.items()}
    return {
        study: [o for o in samples if o != study and samples[study] & samples[o]]
        for study in samples
    }


def _samples_stated(statistics: list[dict]) -> set[int]:
    return {
        int(float(s["value"]))
        for s in statistics
        if s["kind"] == "sample_size" and counts_people(s) and not _missing(s.get("value"))
    }


def _study_of(row: dict) -> str:
    return "" if _missing(row.get("study_id")) else str(row["study_id"])


def _sizes_of_each_arm(statistics: list[dict], analysed: bool) -> dict[str, int]:
    """A size stated once for every arm ("with 30 cases in each group"), given to each arm the
    results name, when they name as many arms as the size's sentence divided the sample into."""
    each = [
        s
        for s in statistics
        if s["kind"] == "arm_size"
        and of_each_arm(s)
        and not s.get("arm")
        and not _missing(s.get("value"))
        and counts_people(s)
        and (s.get("population") == "analysed") == analysed
    ]
    if len({int(float(s["value"])) for s in each}) != 1:
        return {}
    named = {
        arm_key(s["arm"])
        for s in statistics
        if s.get("arm") and s["kind"] not in {"arm_size", "sample_size"} and " vs " not in s["arm"]
    }
    arm_count = each[0].get("arm_count")
    if not named or (not _missing(arm_count) and len(named) != int(arm_count)):
        return {}
    return dict.fromkeys(named, int(float(each[0]["value"])))


def _sizes_stated(statistics: list[dict]) -> list[int]:
    return sorted(
        {
            int(float(s["value"]))
            for s in statistics
            if s["kind"] in {"sample_size", "arm_size"}
            and counts_people(s)
            and not _missing(s.get("value"))
            and float(s["value"]).is_integer()
            and float(s["value"]) > 0
        }
    )


# Checks of p-values and of whole counts: there one unit of the last digit is material.
_UNIT_MATTERS = ("p_vs_", "denominator_vs_randomized", "total_vs_arm_sizes")


def _printed_and_recomputed(row: dict) -> list[tuple[Any, float]]:
    texts = str(row["reported"]).split(" to ")
    if len(texts) == 2:
        recomputed = [row["recomputed_low"], row["recomputed_high"]]
    else:
        recomputed = [row["recomputed_value"]]
    return list(zip(map(as_reported, texts), recomputed, strict=False))


def _flag_last_digit(row: dict) -> None:
    """Flag an inconsistent estimate, CI, test statistic or percentage whose every printed
    number is within one unit of its last digit of the value recomputed (3.95 printed for
    3.9553): a slip of rounding, such as truncation or rounding an already rounded
    intermediate, rather than a different number. The verdict stays inconsistent; the flag
    lets a reader triage. 'truncated' is added when cutting the recomputed digits off
    reproduces every printed number."""
    if row["verdict"] != INCONSISTENT or row["check"].startswith(_UNIT_MATTERS):
        return
    pairs = _printed_and_recomputed(row)
    if not pairs or any(
        printed is None or _missing(value) or not math.isfinite(value) for printed, value in pairs
    ):
        return
    # one unit beyond the rounding interval: |printed - recomputed| <= 1.5 units
    if not all(abs(value - p.value) <= 3 * p.half_unit * (1 + 1e-9) for p, value in pairs):
        return
    flags = [LAST_DIGIT_FLAG]
    if all(p.value == _truncated(value, p.decimals) for p, value in pairs):
        flags.append(TRUNCATED_FLAG)
    row["flag"] = "; ".join(filter(None, [row["flag"], *flags]))


def _truncated(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.trunc(round(value * scale, 6)) / scale


def _defer_to_counts(rows: list[dict]) -> None:
    """A p-value reproduced by a standard test of its 2x2 table, from the counts (p_vs_counts)
    or the percentages (p_vs_percentages), came from that test, not from a Wald test of the
    estimate, so the p implied by the CI (Altman & Bland, BMJ 2011;343:d2304, an approximation
    for Wald intervals) cannot show it wrong: such a p_vs_ci row is not_checkable, with the
    test that reproduced the p named."""
    table_of = {"p_vs_counts": "2x2 counts", "p_vs_percentages": "printed percentages"}
    reproduced = {
        (r["doc_id"], r["stat_id"]): (table_of[r["check"]], r["method"])
        for r in rows
        if r["check"] in table_of and r["verdict"] == CONSISTENT
    }
    for row in rows:
        source = reproduced.get((row["doc_id"], row["stat_id"]))
        if row["check"] == "p_vs_ci" and row["verdict"] == INCONSISTENT and source:
            row["verdict"] = NOT_CHECKABLE
            row["decision_error"] = None
            row["note"] = (
                f"the p-value is reproduced from the {source[0]} ({source[1]}); the p implied "
                "by the CI assumes a Wald test of the estimate"
            )


_MIDPOINT_CHECKS = {"ratio_vs_ci_midpoint", "difference_vs_ci_midpoint"}


def _defer_midpoints_to_counts(rows: list[dict]) -> None:
    """An interval the 2x2 counts reproduce by a method that is not symmetric about the
    estimate (exact or mid-p for an OR, score for an RR or RD; Fisher's CI of 23/49 vs 10/29
    is 0.59 to 4.91 about an OR of 1.67, geometric mean 1.70) came from that method, so the
    midpoint check, which assumes a Wald interval, cannot show the estimate wrong: such an
    inconsistent midpoint row is not_checkable, with the method named. A Wald method is tried
    first by ci_vs_counts, so an interval it reproduces keeps its midpoint verdict."""
    asymmetric = {
        (r["doc_id"], r["stat_id"]): r["method"]
        for r in rows
        if r["check"] == "ci_vs_counts" and r["verdict"] == CONSISTENT and "Wald" not in r["method"]
    }
    for row in rows:
        method = asymmetric.get((row["doc_id"], row["stat_id"]))
        if row["check"] in _MIDPOINT_CHECKS and row["verdict"] == INCONSISTENT and method:
            row["verdict"] = NOT_CHECKABLE
            row["decision_error"] = None
            row["note"] = (
                f"the CI is reproduced from the 2x2 counts ({method}), an interval not "
                "symmetric about the estimate; the midpoint assumes a Wald interval"
            )


_CLUSTER_NOTE = (
    "cluster-randomised (the text gives arm sizes in clusters): an analysis that allows for "
    "clustering widens the interval and raises the p of the counts taken as individuals "
    "(design effect 1 + (m - 1) ICC; Donner & Klar 2000; CONSORT cluster extension, Campbell et "
    "al. 2012, item 12a)"
)


def implied_design_effect(
    reported: tuple[float, float], individual: tuple[float, float], log_scale: bool
) -> float:
    """Return the design effect a reported interval implies against the one the counts give as
    if individuals were randomized: the variance ratio, (width / individual width)^2, widths on
    the log scale for ratios (Donner & Klar 2000, ch. 5: the variance is inflated by the design
    effect, the interval's width by its square root)."""
    scale = math.log if log_scale else float
    if log_scale and min(*reported, *individual) <= 0:
        return math.nan
    width = scale(reported[1]) - scale(reported[0])
    individual_width = scale(individual[1]) - scale(individual[0])
    return (width / individual_width) ** 2 if individual_width > 0 else math.nan


def implied_icc(design_effect: float, mean_cluster_size: float) -> float:
    """Return the intracluster correlation a design effect implies for clusters of mean size m:
    (DE - 1) / (m - 1), from DE = 1 + (m - 1) ICC (Donner & Klar 2000)."""
    if not mean_cluster_size > 1 or math.isnan(design_effect):
        return math.nan
    return (design_effect - 1) / (mean_cluster_size - 1)


def _mean_cluster_size(stats: list[dict], study_id: str) -> float:
    """Return the people per cluster a study's stated sizes give (people over clusters, the
    arm sizes of each unit summed, else the totals), or NaN."""
    for kind in ("arm_size", "sample_size"):
        people = clusters = 0.0
        for s in stats:
            if (
                s["kind"] == kind
                and s["study_id"] == study_id
                and not _missing(s.get("value"))
                and not of_each_arm(s)
            ):
                if counts_people(s):
                    people += float(s["value"])
                else:
                    clusters += float(s["value"])
        if people and clusters:
            return people / clusters
    return math.nan


def _clustering_note(row: dict, effect: dict, mean_size: float) -> str:
    """The cluster note of a CI check, with the design effect (and ICC) the interval implies."""
    low, high = as_reported(effect.get("ci_low_text")), as_reported(effect.get("ci_high_text"))
    if low is None or high is None:
        return _CLUSTER_NOTE
    design_effect = implied_design_effect(
        (low.value, high.value),
        (row["recomputed_low"], row["recomputed_high"]),
        log_scale=effect["kind"] == "ratio",
    )
    if math.isnan(design_effect):
        return _CLUSTER_NOTE
    implied = f"the reported interval implies a design effect of {design_effect:.2f}"
    icc = implied_icc(design_effect, mean_size)
    if not math.isnan(icc):
        implied += f", an ICC of {icc:.3f} with {mean_size:.0f} people a cluster"
    return f"{_CLUSTER_NOTE}; {implied}"


def _allow_for_clustering(row: dict, by_id: dict[int, dict], mean_size: float) -> dict:
    """Judge a check of a cluster trial's counts one-sided: a reported interval wider than the
    one the counts give as if individuals were randomized, or a larger p, is what clustering
    does (not checkable); a narrower interval or a smaller p stays inconsistent; an estimate
    that differs may be adjusted for clustering (not checkable)."""
    if row["verdict"] != INCONSISTENT:
        return row
    if row["check"] in {"ratio_vs_counts", "difference_vs_counts", "nnt_vs_counts"}:
        explained = True
    elif row["check"] in {"ci_vs_counts", "nnt_ci_vs_counts"}:
        effect = by_id[row["stat_id"]]
        low, high = as_reported(effect.get("ci_low_text")), as_reported(effect.get("ci_high_text"))
        explained = (
            low is not None
            and high is not None
            and low.value <= row["recomputed_low"]
            and high.value >= row["recomputed_high"]
        )
    elif row["check"] in {"p_vs_counts", "p_vs_summaries"}:
        reported_p = by_id[row["stat_id"]].get("value")
        explained = not _missing(reported_p) and float(reported_p) > row["recomputed_value"]
    elif row["check"] == "test_vs_counts":  # allowing for clustering divides chi-square by DE
        explained = row["reported_value"] < row["recomputed_low"]
    else:
        return row
    if not explained:
        tighter = f"{_CLUSTER_NOTE}; yet the reported value is more precise than that analysis"
        return {**row, "note": "; ".join(filter(None, [row["note"], tighter]))}
    note = (
        _clustering_note(row, by_id[row["stat_id"]], mean_size)
        if row["check"] == "ci_vs_counts"
        else _CLUSTER_NOTE
    )
    return {**row, "verdict": NOT_CHECKABLE, "decision_error": None, "note": note}


# Checks that take the arms for groups of different people: in a crossover trial every patient
# is in each arm, so a paired analysis (Senn, Cross-over Trials in Clinical Research, 2002)
# gives another t, p and CI, and the arms' sizes each count the whole sample.
_INDEPENDENT_ARMS_CHECKS = frozenset(
    {
        "test_vs_summaries", "p_vs_summaries", "difference_ci_vs_summaries", "smd_vs_test",
        "difference_ci_vs_arm_cis", "smd_ci_vs_sizes", "p_vs_counts", "ci_vs_counts",
        "test_vs_counts", "p_vs_percentages", "ci_vs_percentages", "test_vs_percentages",
        "total_vs_arm_sizes", "denominator_vs_randomized",
    }
)  # fmt: skip
_WITHIN_PATIENTS_NOTE = (
    "a crossover trial compares treatments within the same patients; a paired analysis gives "
    "another result, and each arm counts the whole sample"
)


def _within_patients(row: dict, by_id: dict[int, dict]) -> dict:
    """An inconsistent row of a check that takes the arms for different people, in a crossover
    trial: not checkable, with the reason."""
    stat = by_id.get(int(row["stat_id"])) if not _missing(row.get("stat_id")) else None
    if (
        row["verdict"] != INCONSISTENT
        or row["check"] not in _INDEPENDENT_ARMS_CHECKS
        or not _has_flag(stat, CROSSOVER_FLAG)
    ):
        return row
    note = "; ".join(filter(None, [row.get("note") or "", _WITHIN_PATIENTS_NOTE]))
    return {**row, "verdict": NOT_CHECKABLE, "decision_error": None, "note": note}


def _of_binary_counts(comparisons: Iterable[dict], key: str, *also: str) -> set[int]:
    """The stat_ids under ``key`` of the binary comparisons that have both arms' events (and
    the fields ``also`` names)."""
    needed = ("events_1", "events_2", *also)
    return {
        int(c[key])
        for c in comparisons
        if c["kind"] == "binary"
        and not _missing(c.get(key))
        and not any(_missing(c.get(k)) for k in needed)
    }


def check_document(
    statistics: Iterable[dict],
    comparisons: Iterable[dict],
    settings: Settings,
    one_tailed_in_text: bool = False,
) -> list[dict]:
    """Return every check of one document's statistics and comparisons, in document order."""
    stats = sorted(statistics, key=lambda s: int(s["stat_id"]))
    by_id = {int(s["stat_id"]): s for s in stats}
    sizes = _sizes_stated(stats)
    printed = [
        int(float(s["denominator"]))
        for s in stats
        if s["kind"] == "count"
        and not _missing(s.get("denominator"))
        and _missing(s.get("denominator_stat_id"))
    ]
    denominators = sorted(set(sizes) | set(printed))
    two_by_two = _of_binary_counts(comparisons, "p_stat_id")
    t_dfs = _t_dfs_of_comparisons(comparisons, by_id)
    chi_square_of_counts = _of_binary_counts(comparisons, "test_stat_id")
    # estimates checked against their counts (difference_vs_counts) need no percentages
    with_counts = _of_binary_counts(comparisons, "effect_stat_id", "total_1", "total_2")
    with_counts |= _of_binary_counts(comparisons, "second_effect_stat_id", "total_1", "total_2")
    arm_sizes = arm_sizes_by_study(stats)
    # the denominators results' percentages most likely have: analysed sizes if the text says
    analysed_sizes = arm_sizes_by_study(stats, analysed=True)
    percent_sizes_of = {
        study: sizes | analysed_sizes.get(study, {}) for study, sizes in arm_sizes.items()
    }
    rows_of_study: dict[str, list[dict]] = {}
    for s in stats:
        rows_of_study.setdefault(_study_of(s), []).append(s)
    samples_of = {study: sorted(_samples_stated(rows)) for study, rows in rows_of_study.items()}
    sentences = _RowsBySentence(stats)
    parallels = _parallels_of_own_arm(stats, sentences)
    short_in_every_arm = _shortfall_in_every_arm(stats, sentences)
    rows: list[dict | None] = []
    for stat in stats:
        kind = stat["kind"]
        percent_sizes = percent_sizes_of[_study_of(stat)]
        if kind == "count":
            stat_id = int(stat["stat_id"])
            rows.append(
                check_percent(
                    stat, denominators, stat_id in parallels, stat_id in short_in_every_arm
                )
            )
            if not _missing(stat.get("ci_low_text")) and not _missing(stat.get("denominator")):
                size = (int(float(stat["denominator"])), True)
                rows.append(check_percent_interval(stat, size, settings))
        elif kind == "percentage" and (events := _events_of_efficacy(stat, stats)):
            rows.extend(check_efficacy_events(stat, *events, settings))
        elif kind == "percentage" and (counts := _counts_of_efficacy(stat, stats)):
            rows.extend(check_efficacy_counts(stat, *counts, settings))
        elif (
            kind == "percentage"
            and _is_efficacy(stat)
            and (shown := _percentages_before(stat, sentences))
        ):
            rows.append(check_efficacy_against_percentages(stat, *shown))
            rows += check_efficacy_ci_against_percentages(stat, *shown, percent_sizes, settings)
        elif kind == "percentage":
            of_arm = sizes_of_arm(
                stat, arm_sizes.get(_study_of(stat), {}), analysed_sizes.get(_study_of(stat), {})
            )
            rows.append(check_percent_granularity(stat, of_arm or sizes, bool(of_arm)))
            if not _missing(stat.get("ci_low_text")) and (
                size := percentage_sizes(
                    stat,
                    arm_sizes.get(_study_of(stat), {}),
                    analysed_sizes.get(_study_of(stat), {}),
                    samples_of.get(_study_of(stat), []),
                )
            ):
                rows.append(check_percent_interval(stat, size, settings, denominators))
        elif kind == "effect_size" and stat.get("measure") in {"phi", "Cramer's V"}:
            rows.append(check_phi_or_v(stat, sentences))
        elif kind == "effect_size" and "R squared" in (stat.get("measure") or ""):
            rows.append(check_r_squared(stat, sentences))
        elif kind == "effect_size" and stat.get("measure") == REGRESSION_COEFFICIENT:
            rows.append(
                check_ci_against_se(stat, settings)
            )  # and against the t or p printed after it
        elif kind == "effect_size":
            rows.append(check_anova_effect_size(stat, sentences))
        elif kind == "rate" and stat.get("value_text"):
            events = _events_just_before(stat, stats)
            if events is not None:
                rows.append(check_rate_against_events(stat, events))
        elif kind == "ratio":
            rows.append(check_ratio_midpoint(stat))
            if int(stat["stat_id"]) not in with_counts:
                rows += _estimate_against_percentages(stat, sentences, percent_sizes, settings)
            rates = _rates_before(stat, stats) if stat.get("measure") == "IRR" else None
            if rates is not None and _have_person_time(rates):
                rows.extend(check_rate_ratio_events(stat, *rates, settings))
            elif rates is not None:
                rows.append(check_rate_ratio(stat, *rates))
            rows += check_absolute_effects(stat, stats)
            if _pooled_model(stat) is not None:
                rows += check_pooled_estimate(stat, stats)
        elif kind == "difference" and not absolute_effects.is_absolute_effect(stat):
            rows.append(check_difference_midpoint(stat))
            if (changes := _changes_of_two_arms(stat, sentences)) is not None:
                rows.append(check_difference_against_changes(stat, *changes))
            if has_standard_error(stat):
                rows.append(check_ci_against_se(stat, settings))
            if _pooled_model(stat) is not None:
                rows += check_pooled_estimate(stat, stats)
            elif int(stat["stat_id"]) not in with_counts:
                rows += _estimate_against_percentages(
                    stat, sentences, percent_sizes, settings, stats
                )
        # an efficacy's ratio is checked whatever counts or events it also follows
        if kind == "percentage" and (ratio := _ratio_of_efficacy(stat, stats)):
            rows.extend(check_efficacy_ratio(stat, ratio))
        if (
            kind == "test"
            and stat.get("test_type") == "chi2"
            and int(stat["stat_id"]) not in chi_square_of_counts
            and (pair := _percentages_before(stat, sentences, own_sentence=True)) is not None
        ):
            rows.append(check_test_against_percentages(stat, *pair, percent_sizes))
        if kind == "test" and (estimate := _estimate_with_spread_before(stat, by_id)) is not None:
            rows.append(check_test_against_se(estimate, stat))
        if kind == "p_value" and int(stat["stat_id"]) not in two_by_two:
            pair = _p_and_its_percentages(stat, sentences, by_id)
            if pair is not None:
                effect = (
                    None if _missing(stat.get("refers_to")) else by_id.get(int(stat["refers_to"]))
                )
                rows.append(
                    check_p_against_percentages(stat, *pair, percent_sizes, settings, effect)
                )
        if kind == "p_value" and not _missing(stat.get("refers_to")):
            target = by_id.get(int(stat["refers_to"]))
            # a difference's p is held to its CI when it has one (the SE is, by ci_vs_se)
            if (
                target is not None
                and has_standard_error(target)
                and (target["kind"] != "difference" or _missing(target.get("ci_low_text")))
            ):
                rows.append(check_p_against_se(target, stat, settings))
            elif target is not None and target["kind"] in {"ratio", "difference"}:
                rows.append(check_p_against_ci(target, stat, settings))
            elif target is not None and target["kind"] == "test":
                # a chi-square after two arms' counts or percentages is a 2x2 table's
                in_table = int(stat["stat_id"]) in two_by_two or (
                    target.get("test_type") == "chi2"
                    and _p_and_its_percentages(stat, sentences, by_id) is not None
                )
                implied = t_dfs.get(int(target["stat_id"]), ())
                rows.append(
                    check_apa(target, stat, settings, one_tailed_in_text, in_table, implied)
                )
    for stat in (s for s in stats if s["kind"] == "nnt"):
        rows.extend(_check_nnt_of_document(stat, stats, comparisons, by_id, settings, sentences))
    for cmp in comparisons:
        compared = check_comparison(cmp, by_id, settings, arm_sizes.get(_study_of(cmp), {}))
        if cmp.get("allocation_unit") == CLUSTERS:
            mean_size = _mean_cluster_size(stats, cmp["study_id"])
            compared = [_allow_for_clustering(row, by_id, mean_size) for row in compared]
        rows.extend(compared)
    rows.extend(check_arm_sums(stats))
    rows.extend(_smd_checks_without_comparison(stats, sentences, rows, arm_sizes))
    done = [_within_patients(r, by_id) for r in rows if r is not None]
    _defer_to_counts(done)
    _defer_midpoints_to_counts(done)
    for row in done:
        _flag_last_digit(row)
    done.sort(key=lambda r: (r["span_start"], r["check"], r["comparison_id"] or -1))
    for index, row in enumerate(done):
        row["check_id"] = index
    return done
