"""The re-analysis table: one row per 2x2 comparison with every standard method's estimate,
CI and p-value, the (reverse) fragility index, the best/worst case for patients not analysed
and any denominator inferred from the printed p."""

from __future__ import annotations

import math
from collections.abc import Iterable

from . import fragility, inference, twobytwo
from .checks import (
    Settings,
    _missing,
    _p_range,
    _study_of,
    _table_of,
    arm_sizes_by_study,
    randomized_sizes,
)

# (column prefix, measure, method prefix) of every interval written to the table
INTERVALS = (
    ("or_wald", "OR", "sample OR, Woolf (Wald) CI"),
    ("or_fisher", "OR", "conditional MLE OR, Fisher CI"),
    ("or_midp", "OR", "median-unbiased OR, mid-p exact CI"),
    ("rr_wald", "RR", "risk ratio, Katz (Wald) CI"),
    ("rr_koopman", "RR", "risk ratio, Koopman score CI"),
    ("rr_mn", "RR", "risk ratio, Miettinen-Nurminen score CI"),
    ("rd_wald", "RD", "risk difference, Wald CI"),
    ("rd_newcombe", "RD", "risk difference, Newcombe hybrid score CI"),
    ("rd_mn", "RD", "risk difference, Miettinen-Nurminen score CI"),
)
P_VALUES = (
    ("p_fisher", "Fisher exact"),
    ("p_midp", "mid-p exact"),
    ("p_chi2", "Pearson chi-square"),
    ("p_yates", "Pearson chi-square, Yates"),
)


def _intervals(table, settings: Settings) -> dict[str, float]:
    found = twobytwo.intervals(*table, settings.ci_level, settings.continuity_correction)
    row: dict[str, float] = {}
    for prefix, measure, method in INTERVALS:
        match = next((i for i in found[measure] if i.method.startswith(method)), None)
        values = (match.estimate, match.lower, match.upper) if match else (math.nan,) * 3
        for suffix, value in zip(("", "_low", "_high"), values, strict=True):
            row[prefix + suffix] = value
    return row


def _empty() -> dict:
    row: dict = {p + s: math.nan for p, _, _ in INTERVALS for s in ("", "_low", "_high")}
    row.update({name: math.nan for name, _ in P_VALUES})
    return row


def reanalyse_comparison(cmp: dict, stats_by_id: dict, arm_sizes: dict, settings: Settings):
    """Return the re-analysis row of one binary comparison."""
    table = _table_of(cmp)
    row = {
        k: cmp.get(k)
        for k in (
            "doc_id",
            "comparison_id",
            "study_id",
            "outcome",
            "timepoint",
            "arm_1",
            "arm_2",
            "events_1",
            "total_1",
            "events_2",
            "total_2",
        )
    }
    row.update(_empty())
    randomized_1, randomized_2 = randomized_sizes(cmp, arm_sizes)
    row.update(
        zero_cell=None,
        fragility_index=None,
        reverse_fragility_index=None,
        fragility_arm=None,
        inferred_total="",
        randomized_1=randomized_1,
        randomized_2=randomized_2,
        attrition_or_low=math.nan,
        attrition_or_high=math.nan,
        attrition_p_low=math.nan,
        attrition_p_high=math.nan,
        significance_can_change=None,
        note="",
    )
    p_stat = None if _missing(cmp.get("p_stat_id")) else stats_by_id.get(int(cmp["p_stat_id"]))
    notes = []
    if table is None:
        _infer(cmp, p_stat, row, settings)
        row["note"] = "an arm's denominator is not reported"
        return row
    reason = twobytwo.valid_table(*table)
    if reason:
        row["note"] = reason
        return row
    row["zero_cell"] = twobytwo.has_zero_cell(*table)
    if row["zero_cell"]:
        notes.append(f"zero cell: Wald columns have {settings.continuity_correction:g} added")
    row.update(_intervals(table, settings))
    p_values = twobytwo.p_values(*table)
    for name, method in P_VALUES:
        row[name] = p_values.get(method, math.nan)
    fi = fragility.fragility(*table, settings.alpha)
    if isinstance(fi, fragility.Fragility):
        key = "fragility_index" if fi.significant else "reverse_fragility_index"
        row[key] = fi.index
        row["fragility_arm"] = fi.arm
        if fi.note:
            notes.append(fi.note)
    r1, r2 = row["randomized_1"], row["randomized_2"]
    if r1 is not None and r2 is not None:
        scenarios = inference.attrition_scenarios(*table, r1, r2)
        if isinstance(scenarios, str):
            notes.append(scenarios)
        else:
            measures = [s.measures() for s in scenarios]
            ors = [m["OR"] for m in measures[1:]]
            ps = [m["p"] for m in measures]
            row.update(
                attrition_or_low=min(ors),
                attrition_or_high=max(ors),
                attrition_p_low=min(ps),
                attrition_p_high=max(ps),
                significance_can_change=len({p < settings.alpha for p in ps}) > 1,
            )
    row["note"] = "; ".join(notes)
    return row


def _infer(cmp: dict, p_stat: dict | None, row: dict, settings: Settings) -> None:
    """Fill ``inferred_total`` with the arm sizes that make Fisher's p come out as printed."""
    have = {k for k in ("events_1", "total_1", "events_2", "total_2") if not _missing(cmp.get(k))}
    p_range = None if p_stat is None else _p_range(p_stat)
    if p_range is None:
        return
    if have == {"events_1", "total_1", "events_2"}:
        a, n1, c, missing = int(cmp["events_1"]), int(cmp["total_1"]), int(cmp["events_2"]), 2
    elif have == {"events_1", "events_2", "total_2"}:
        a, n1, c, missing = int(cmp["events_2"]), int(cmp["total_2"]), int(cmp["events_1"]), 1
    else:
        return
    if n1 <= 0 or a > n1:
        return
    limit = inference.search_limit(n1, settings.denominator_search_max)
    fits = inference.denominators_from_p(a, n1, c, p_range, limit, missing)
    if fits.get("Fisher exact"):
        row["inferred_total"] = f"total_{missing} in {{{inference.compact(fits['Fisher exact'])}}}"


def reanalyse_document(
    statistics: Iterable[dict], comparisons: Iterable[dict], settings: Settings
) -> list[dict]:
    """Return the re-analysis rows of one document's binary comparisons."""
    stats = list(statistics)
    by_id = {int(s["stat_id"]): s for s in stats}
    arm_sizes = arm_sizes_by_study(stats)
    return [
        reanalyse_comparison(cmp, by_id, arm_sizes.get(_study_of(cmp), {}), settings)
        for cmp in sorted(comparisons, key=lambda c: int(c["comparison_id"]))
        if (cmp.get("kind") or "binary") == "binary"
    ]
