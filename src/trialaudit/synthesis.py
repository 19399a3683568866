"""From harmonized comparisons to pooled evidence: one independent 2x2 table per trial and
outcome, and the meta-analysis models of every outcome that has two or more of them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import meta, tables
from .timeline import days_of
from .vocabulary import CLUSTERS


@dataclass(frozen=True)
class Settings:
    """Which models to fit (config ``meta_analysis``)."""

    measures: tuple[str, ...] = meta.MEASURES
    tau2_methods: tuple[str, ...] = ("REML", "DL")
    hksj: bool = True
    common_effect: tuple[str, ...] = ("MH", "IV")
    level: float = 0.95
    timepoint: str = "latest"
    min_trials: int = 2


@dataclass
class _Candidate:
    """One trial's 2x2 table for an outcome (arms sharing a control combined)."""

    trial_id: str
    doc_id: str
    study_id: str
    comparison_ids: list[int]
    timepoint: str
    arm_1: str
    arm_2: str
    events_1: int
    total_1: int
    events_2: int
    total_2: int
    notes: list[str] = field(default_factory=list)

    @property
    def days(self) -> float:
        return days_of(self.timepoint)


# Cochrane Handbook 23.1.4: a cluster trial's counts analysed as if individuals were randomized
# give too narrow an interval; without the intracluster correlation its table is not pooled.
_CLUSTERED = (
    "cluster-randomised: its counts taken as individuals overstate its precision, and the text "
    "gives no intracluster correlation to reduce them to an effective sample size"
)


def _complete(df: pd.DataFrame) -> pd.Series:
    cells = ["events_1_analysed", "total_1", "events_2_analysed", "total_2"]
    valid = df[cells].notna().all(axis=1)
    numbers = df[cells].fillna(0).astype(int)
    return (
        valid
        & (numbers["total_1"] > 0)
        & (numbers["total_2"] > 0)
        & (numbers["events_1_analysed"] <= numbers["total_1"])
        & (numbers["events_2_analysed"] <= numbers["total_2"])
        & (numbers["events_1_analysed"] >= 0)
        & (numbers["events_2_analysed"] >= 0)
    )


def _candidates(group: list[dict], trial_id: str) -> list[_Candidate]:
    """Return one candidate per (document, study, time point) of a trial and outcome; several
    experimental arms against one control are combined into one arm (Cochrane Handbook 6.5,
    section 23.3.4: combine groups to make a single pair-wise comparison)."""
    keys = ("doc_id", "study_id", "timepoint", "arm_2", "events_2_analysed", "total_2")
    by_key: dict[tuple, list[dict]] = {}
    for row in group:
        key = tuple(row[k] for k in keys)
        if any(v is None for v in key):  # as pandas' groupby, which drops missing keys
            continue
        by_key.setdefault(key, []).append(row)
    found = []
    for key in sorted(by_key):
        doc_id, study_id, timepoint, arm_2, e2, n2 = key
        rows, seen = [], set()
        for row in sorted(by_key[key], key=lambda r: r["comparison_id"]):
            arm = (row["arm_1"], row["events_1_analysed"], row["total_1"])
            if arm not in seen:
                seen.add(arm)
                rows.append(row)
        candidate = _Candidate(
            trial_id=trial_id,
            doc_id=doc_id,
            study_id=study_id,
            comparison_ids=[int(r["comparison_id"]) for r in rows],
            timepoint=timepoint,
            arm_1=" + ".join(r["arm_1"] for r in rows),
            arm_2=arm_2,
            events_1=int(sum(r["events_1_analysed"] for r in rows)),
            total_1=int(sum(r["total_1"] for r in rows)),
            events_2=int(e2),
            total_2=int(n2),
        )
        if len(rows) > 1:
            candidate.notes.append(f"{len(rows)} arms sharing the control arm combined")
        found.append(candidate)
    return found


def _preference(candidate: _Candidate, settings: Settings) -> tuple:
    days = candidate.days
    known = 0 if math.isnan(days) else 1
    order = days if settings.timepoint == "latest" else -days
    return (
        known,
        0.0 if math.isnan(days) else order,
        candidate.total_1 + candidate.total_2,
        candidate.doc_id,
    )


def select_inputs(
    comparisons: pd.DataFrame, trials: pd.DataFrame, settings: Settings
) -> list[dict]:
    """Return one row per candidate 2x2 table with whether it is pooled and why (one table per
    trial and outcome: the latest (or earliest) time point, then the larger, then the first)."""
    reports = trials[trials["relation"] == "reports"][["doc_id", "study_id", "trial_id"]]
    data = comparisons.merge(reports, on=["doc_id", "study_id"], how="left")
    data["trial_id"] = data["trial_id"].fillna(data["doc_id"] + "/" + data["study_id"])
    data = data[data["kind"] == "binary"]
    rows: list[dict] = []
    usable = data[
        (data["outcome_key"] != "")
        & (data["subgroup"] == "")
        & (data["allocation_unit"] != CLUSTERS)
        & (data["arm_1"] != "")
        & (data["arm_2"] != "")
        & _complete(data)
    ]
    for row in data[~data.index.isin(usable.index)].itertuples(index=False):
        if not row.outcome_key:
            reason = "no outcome named"
        elif row.subgroup:
            reason = f"subgroup ({row.subgroup}): not pooled with whole-trial results"
        elif row.allocation_unit == CLUSTERS:
            reason = _CLUSTERED
        elif not row.arm_1 or not row.arm_2:
            reason = "arms not named: which is the intervention is not known"
        else:
            reason = "no complete 2x2 counts"
        rows.append(_input_row(row.outcome_key, _single(row), used=False, reason=reason))
    columns = [
        "outcome_key", "trial_id", "doc_id", "study_id", "timepoint", "arm_1", "arm_2",
        "events_1_analysed", "total_1", "events_2_analysed", "total_2", "comparison_id",
    ]  # fmt: skip
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in tables.records(usable[columns]):
        groups.setdefault((row["outcome_key"], row["trial_id"]), []).append(row)
    for outcome, trial_id in sorted(groups):
        candidates = _candidates(groups[(outcome, trial_id)], trial_id)
        best = max(candidates, key=lambda c: _preference(c, settings))
        for candidate in candidates:
            if candidate is best:
                rows.append(_input_row(outcome, candidate, used=True, reason=""))
            else:
                reason = (
                    f"same trial also reported by {best.doc_id} "
                    f"({best.timepoint or 'time not stated'}), which is pooled"
                )
                rows.append(_input_row(outcome, candidate, used=False, reason=reason))
    _add_effect_sizes(rows)
    counts = pd.Series([r["outcome"] for r in rows if r["used"]]).value_counts()
    for row in rows:
        if row["used"] and counts.get(row["outcome"], 0) < settings.min_trials:
            row["reason"] = "only one trial reports this outcome: not pooled"
    return sorted(
        rows, key=lambda r: (r["outcome"], r["trial_id"], r["doc_id"], r["comparison_ids"])
    )


def _single(row) -> _Candidate:
    def whole(value) -> int | None:
        return None if pd.isna(value) else int(value)

    return _Candidate(
        trial_id=row.trial_id,
        doc_id=row.doc_id,
        study_id=row.study_id,
        comparison_ids=[int(row.comparison_id)],
        timepoint=row.timepoint,
        arm_1=row.arm_1,
        arm_2=row.arm_2,
        events_1=whole(row.events_1_analysed),
        total_1=whole(row.total_1),
        events_2=whole(row.events_2_analysed),
        total_2=whole(row.total_2),
    )


def _input_row(outcome: str, c: _Candidate, used: bool, reason: str) -> dict:
    row = {
        "outcome": outcome,
        "trial_id": c.trial_id,
        "doc_id": c.doc_id,
        "study_id": c.study_id,
        "comparison_ids": ";".join(str(i) for i in c.comparison_ids),
        "timepoint": c.timepoint,
        "arm_1": c.arm_1,
        "arm_2": c.arm_2,
        "events_1": c.events_1,
        "total_1": c.total_1,
        "events_2": c.events_2,
        "total_2": c.total_2,
        "used": used,
        "reason": reason,
        "note": "; ".join(c.notes),
    }
    for measure in meta.MEASURES:
        row[f"{measure.lower()}_yi"] = row[f"{measure.lower()}_vi"] = None
    return row


def _add_effect_sizes(rows: list[dict]) -> None:
    """Set every measure's yi and vi (where finite) of the rows with complete counts and
    patients in both arms: one meta.effect_sizes call per measure for all of them, the same
    element-wise arithmetic as per row (a row with events outside its arm raises, as alone)."""
    cells = ("events_1", "total_1", "events_2", "total_2")
    complete = [
        row
        for row in rows
        if None not in (row[c] for c in cells) and row["total_1"] > 0 and row["total_2"] > 0
    ]
    if not complete:
        return
    counts = meta.Counts.of(*([row[c] for row in complete] for c in cells))
    for measure in meta.MEASURES:
        name = measure.lower()
        yi, vi = meta.effect_sizes(counts, measure)
        finite = (np.isfinite(yi) & np.isfinite(vi)).tolist()
        for row, y, v, ok in zip(complete, yi.tolist(), vi.tolist(), finite, strict=True):
            if ok:
                row[f"{name}_yi"], row[f"{name}_vi"] = y, v


def _models(settings: Settings) -> list[tuple[str, str, str]]:
    """Return (model, method, test) of every model to fit."""
    models = []
    for method in settings.tau2_methods:
        models.append(("random", method, "z"))
        if settings.hksj:
            models.append(("random", method, "knha"))
    for method in settings.common_effect:
        models.append(("common", method, "z"))
    return models


def pool(inputs: pd.DataFrame, settings: Settings) -> list[dict]:
    """Return one row per outcome, measure and model for every outcome with enough trials."""
    used = inputs[inputs["used"]]
    rows = []
    for outcome, group in used.groupby("outcome", sort=True):
        if len(group) < settings.min_trials:
            continue
        group = group.sort_values(["trial_id", "doc_id"])
        counts = meta.Counts.of(
            group["events_1"], group["total_1"], group["events_2"], group["total_2"]
        )
        trials = ";".join(group["trial_id"])
        for measure in settings.measures:
            for model, method, test in _models(settings):
                rows.append(_fit(outcome, measure, model, method, test, counts, trials, settings))
    return rows


def _fit(outcome, measure, model, method, test, counts, trials, settings) -> dict:
    row = {
        "outcome": outcome,
        "measure": measure,
        "model": model,
        "method": method,
        "test": test,
        "k": counts.k,
        "trials": trials,
        "note": "",
    }
    try:
        if method == "MH":
            pooled = meta.mantel_haenszel(counts, measure, settings.level)
        else:
            fit_method = "FE" if method == "IV" else method
            pooled = meta.random_effects(counts, measure, fit_method, test, settings.level)
    except meta.MetaAnalysisError as error:
        row["note"] = str(error)
        return row
    scale = meta.on_reporting_scale
    row.update(
        estimate=scale(pooled.estimate, measure),
        ci_low=scale(pooled.ci_low, measure),
        ci_high=scale(pooled.ci_high, measure),
        pi_low=scale(pooled.pi_low, measure),
        pi_high=scale(pooled.pi_high, measure),
        coef=pooled.estimate,
        se=pooled.se,
        statistic=pooled.statistic,
        pval=pooled.pval,
        tau2=pooled.tau2,
        tau=math.sqrt(pooled.tau2) if not math.isnan(pooled.tau2) else math.nan,
        i2=pooled.i2,
        h2=pooled.h2,
        q=pooled.q,
        q_df=pooled.q_df,
        q_p=pooled.q_p,
    )
    return row
