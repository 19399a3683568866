"""Re-analysis of one document: every reported number that can be recomputed is recomputed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import ci_geometry, twobytwo
from .judgement import (
    CONSISTENT,
    INCONSISTENT,
    NOT_CHECKABLE,
    Verdict,
    as_reported,
    judge,
    judge_pair,
    p_interval,
    ranges_overlap,
    significant,
)
from .rounding import format_value

SYMMETRIC_DIFFERENCES = {"mean difference", "risk difference"}


@dataclass(frozen=True)
class Settings:
    """The analysis choices a check depends on (from config/config.yaml)."""

    alpha: float = 0.05
    ci_level: float = 0.95
    continuity_correction: float = 0.5


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
        **extra,
    }


def check_percent(stat: dict) -> dict | None:
    """Percentage printed beside x/n against 100 x / n (GRIM-style)."""
    percent = as_reported(stat.get("percent_text"))
    if percent is None:
        return None
    if _missing(stat.get("denominator")) or _missing(stat.get("numerator")):
        verdict = Verdict(NOT_CHECKABLE, "", math.nan, "", "no denominator printed with the count")
    elif int(stat["denominator"]) == 0:
        verdict = Verdict(NOT_CHECKABLE, "", math.nan, "", "zero denominator")
    else:
        value = 100.0 * int(stat["numerator"]) / int(stat["denominator"])
        verdict = judge(percent, {"100 x / n": value})
    return _row(stat, "percent_vs_count", stat["percent_text"], verdict)


def _level(stat: dict, settings: Settings) -> float:
    level = stat.get("ci_level")
    return settings.ci_level if _missing(level) else float(level)


def check_ratio_midpoint(stat: dict) -> dict | None:
    """Ratio estimate against the geometric mean of its CI limits (log-scale symmetry)."""
    est, lo, hi = (as_reported(stat.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text"))
    if None in (est, lo, hi):
        return None
    if lo.value <= 0 or hi.value <= 0:
        verdict = Verdict(NOT_CHECKABLE, "", math.nan, "", "CI limit not positive")
    else:
        low, high = ci_geometry.ratio_midpoint(lo.interval(), hi.interval())
        verdict = _judge_range(est, (low, high), "geometric mean of CI limits")
    return _row(stat, "ratio_vs_ci_midpoint", stat["value_text"], verdict)


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
    mid = ci_geometry.difference_midpoint(lo.interval(), hi.interval())
    verdict = _judge_range(est, mid, "arithmetic midpoint of CI limits")
    measure = stat.get("measure") or "difference"
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
    )


def check_p_against_ci(effect: dict, p_stat: dict, settings: Settings) -> dict | None:
    """Reported p against the p implied by the estimate and its CI (Altman & Bland 2011)."""
    est, lo, hi = (
        as_reported(effect.get(k)) for k in ("value_text", "ci_low_text", "ci_high_text")
    )
    if None in (est, lo, hi) or _missing(p_stat.get("value_text")):
        return None
    log_scale = effect["kind"] == "ratio"
    approximate = effect.get("measure") not in SYMMETRIC_DIFFERENCES | {"OR", "RR", "HR", "IRR"}
    try:
        reported_range = p_interval(p_stat["value_text"], p_stat.get("comparator") or "=")
    except ValueError:
        return None
    if log_scale and (lo.value <= 0 or est.value <= 0):
        verdict = Verdict(NOT_CHECKABLE, "", math.nan, "", "ratio or CI limit not positive")
        return _row(p_stat, "p_vs_ci", p_stat["source_text"], verdict)
    implied = ci_geometry.p_from_ci(
        est.interval(), lo.interval(), hi.interval(), _level(effect, settings), log_scale
    )
    method = "Altman-Bland p from CI" + (" (log scale)" if log_scale else "")
    centre = math.sqrt(implied[0] * implied[1]) if min(implied) > 0 else implied[1] / 2
    text = f"{implied[0]:.4g} to {implied[1]:.4g}"
    if ranges_overlap(reported_range, implied):
        verdict = Verdict(CONSISTENT, method, centre, text, "", *implied)
        decision = None
    else:
        note = ""
        if approximate:
            note = "approximate: the CI of this estimate need not be symmetric"
        verdict = Verdict(
            NOT_CHECKABLE if approximate else INCONSISTENT, method, centre, text, note, *implied
        )
        decision = significant(reported_range, settings.alpha) != significant(
            implied, settings.alpha
        )
    row = _row(
        p_stat,
        "p_vs_ci",
        p_stat["value_text"],
        verdict,
        decision_error=decision,
        approximate=approximate,
    )
    row["reported"] = f"{p_stat.get('comparator') or '='} {p_stat['value_text']}".strip()
    return row


def _complete(cmp: dict) -> bool:
    return not any(_missing(cmp.get(k)) for k in ("events_1", "total_1", "events_2", "total_2"))


def check_comparison(cmp: dict, stats_by_id: dict[int, dict], settings: Settings) -> list[dict]:
    """Recompute the effect estimate, its CI and the p-value of a 2x2 comparison."""
    rows: list[dict] = []
    effect = (
        stats_by_id.get(cmp.get("effect_stat_id"))
        if not _missing(cmp.get("effect_stat_id"))
        else None
    )
    p_stat = stats_by_id.get(cmp.get("p_stat_id")) if not _missing(cmp.get("p_stat_id")) else None
    cid = int(cmp["comparison_id"])
    if not _complete(cmp):
        missing = "an arm's denominator is not reported"
        for stat in (s for s in (effect, p_stat) if s is not None):
            check = "p_vs_counts" if stat["kind"] == "p_value" else "ratio_vs_counts"
            rows.append(
                _row(
                    stat,
                    check,
                    stat["value_text"],
                    Verdict(NOT_CHECKABLE, "", math.nan, "", missing),
                    comparison_id=cid,
                )
            )
        return rows
    a, n1, c, n2 = (int(cmp[k]) for k in ("events_1", "total_1", "events_2", "total_2"))
    if min(n1, n2) <= 0 or a > n1 or c > n2 or min(a, c) < 0:
        return rows
    if effect is not None and effect["kind"] == "ratio":
        rows += _check_effect(effect, (a, n1, c, n2), settings, cid)
    if p_stat is not None:
        rows.append(_check_p_counts(p_stat, (a, n1, c, n2), settings, cid))
    return rows


def _effect_candidates(measure: str, table, level: float, correction: float):
    a, n1, c, n2 = table
    functions = {"OR": twobytwo.odds_ratio_wald, "RR": twobytwo.risk_ratio_wald}
    if measure not in functions:
        return None
    estimate, lower, upper = (float(v) for v in functions[measure](a, n1, c, n2, level, correction))
    label = {"OR": "sample odds ratio, Woolf (Wald) CI", "RR": "risk ratio, Katz (Wald) CI"}[
        measure
    ]
    if 0 in (a, n1 - a, c, n2 - c):
        label += f", {correction} added to each cell"
    return {label: (estimate, lower, upper)}


def _check_effect(effect: dict, table, settings: Settings, cid: int) -> list[dict]:
    measure = effect.get("measure") or ""
    est = as_reported(effect["value_text"])
    candidates = _effect_candidates(
        measure, table, _level(effect, settings), settings.continuity_correction
    )
    if candidates is None or est is None:
        verdict = Verdict(
            NOT_CHECKABLE,
            "",
            math.nan,
            "",
            f"{measure or 'this measure'} cannot be recomputed from counts",
        )
        return [_row(effect, "ratio_vs_counts", effect["value_text"], verdict, comparison_id=cid)]
    rows = [
        _row(
            effect,
            "ratio_vs_counts",
            effect["value_text"],
            judge(est, {k: v[0] for k, v in candidates.items()}),
            comparison_id=cid,
        )
    ]
    lo, hi = as_reported(effect.get("ci_low_text")), as_reported(effect.get("ci_high_text"))
    if lo is not None and hi is not None:
        verdict = judge_pair(lo, hi, {k: (v[1], v[2]) for k, v in candidates.items()})
        reported = f"{effect['ci_low_text']} to {effect['ci_high_text']}"
        rows.append(_row(effect, "ci_vs_counts", reported, verdict, comparison_id=cid))
    return rows


def _check_p_counts(p_stat: dict, table, settings: Settings, cid: int) -> dict:
    reported_range = p_interval(p_stat["value_text"], p_stat.get("comparator") or "=")
    candidates = twobytwo.p_values(*table)
    for method, value in candidates.items():
        if reported_range[0] <= value <= reported_range[1]:
            verdict = Verdict(CONSISTENT, method, value, f"{value:.4g}")
            decision = None
            break
    else:
        mid = sum(reported_range) / 2
        method, value = min(candidates.items(), key=lambda kv: abs(kv[1] - mid))
        verdict = Verdict(INCONSISTENT, method, value, f"{value:.4g}")
        decision = significant(reported_range, settings.alpha) != significant(
            (value, value), settings.alpha
        )
    row = _row(
        p_stat,
        "p_vs_counts",
        p_stat["value_text"],
        verdict,
        comparison_id=cid,
        decision_error=decision,
    )
    row["reported"] = f"{p_stat.get('comparator') or '='} {p_stat['value_text']}"
    return row


def check_document(
    statistics: Iterable[dict], comparisons: Iterable[dict], settings: Settings
) -> list[dict]:
    """Return every check of one document's statistics and comparisons, in document order."""
    stats = sorted(statistics, key=lambda s: int(s["stat_id"]))
    by_id = {int(s["stat_id"]): s for s in stats}
    rows: list[dict] = []
    for stat in stats:
        kind = stat["kind"]
        if kind == "count":
            rows.append(check_percent(stat))
        elif kind == "ratio":
            rows.append(check_ratio_midpoint(stat))
        elif kind == "difference":
            rows.append(check_difference_midpoint(stat))
        elif kind == "p_value" and not _missing(stat.get("refers_to")):
            effect = by_id.get(int(stat["refers_to"]))
            if effect is not None and effect["kind"] in {"ratio", "difference"}:
                rows.append(check_p_against_ci(effect, stat, settings))
    for cmp in comparisons:
        rows.extend(check_comparison(cmp, by_id, settings))
    rows = [r for r in rows if r is not None]
    rows.sort(key=lambda r: (r["span_start"], r["check"]))
    for index, row in enumerate(rows):
        row["check_id"] = index
    return rows
