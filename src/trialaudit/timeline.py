"""Follow-up timeline of each trial: patients per arm at randomization and at every time point
its reports give counts for, with attrition per arm and a flag where it differs between arms."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .context import arm_key, is_control

RANDOMIZED = "randomized"
NOT_STATED = "time not stated"
DAYS_PER = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
MULTI_ARM_WINDOW = 200  # characters between two intervention arm sizes of one list
HIGH_ATTRITION = 0.20
POPULATION_ORDER = {
    "randomized": 0,
    "enrolled": 1,
    "treated": 2,
    "": 3,
    "analysed": 4,
    "screened": 5,
}  # Schulz & Grimes 2002 (Lancet 359:781): above 20% threatens validity


@dataclass(frozen=True)
class Settings:
    """Thresholds for the attrition flags."""

    differential_attrition: float = 0.05
    high_attrition: float = HIGH_ATTRITION


def days_of(timepoint: str) -> float:
    """Return the days a time point label ('month 12') stands for; 0 for randomization, NaN
    when unknown."""
    if timepoint == RANDOMIZED:
        return 0.0
    match = re.fullmatch(r"(day|week|month|year) (\d+(?:\.\d+)?)", timepoint)
    return float(match.group(2)) * DAYS_PER[match.group(1)] if match else math.nan


@dataclass
class _Observation:
    arm: str
    label: str
    role: str
    timepoint: str
    source: str
    n: int
    doc_id: str
    stat_id: int
    source_text: str
    span: tuple[int, int]
    population: str = ""
    subgroup: str = ""


def _multi_arm(arms: pd.DataFrame, comparisons: pd.DataFrame) -> bool:
    """Return True when a report lists two different intervention arms' sizes close together
    (within MULTI_ARM_WINDOW characters), or compares two different arms with one control for
    the same outcome and time point."""
    sizes = arms[arms["role"] == "intervention"].sort_values(["doc_id", "span_start"])
    for _, group in sizes.groupby("doc_id", sort=True):
        keys, starts = list(group["arm_key"]), list(group["span_start"])
        for i in range(1, len(keys)):
            if keys[i] != keys[i - 1] and starts[i] - starts[i - 1] <= MULTI_ARM_WINDOW:
                return True
    if comparisons.empty:
        return False
    keyed = comparisons.assign(key_1=comparisons["arm_1"].map(arm_key))
    groups = keyed.groupby(["doc_id", "outcome", "timepoint", "arm_2"])["key_1"].nunique()
    return bool((groups >= 2).any())


def _canonical(label: str, multi_arm: bool) -> tuple[str, str]:
    """Return (arm, role) of an arm label within its trial."""
    if is_control(label):
        return "control", "control"
    return (arm_key(label) if multi_arm else "intervention"), "intervention"


def _observations(
    units: set[tuple[str, str]],
    arms: pd.DataFrame,
    statistics: pd.DataFrame,
    multi_arm: bool,
) -> list[_Observation]:
    """Return arm sizes at randomization and count denominators at later time points."""
    found = []
    text_of = dict(
        zip(zip(statistics["doc_id"], statistics["stat_id"]), statistics["source_text"])  # noqa: B905
    )
    for row in arms.itertuples(index=False):
        arm, role = _canonical(row.arm, multi_arm)
        population = str(getattr(row, "population", "") or "")
        stated = str(getattr(row, "timepoint", "") or "")
        later = population == "analysed" and stated and not math.isnan(days_of(stated))
        found.append(
            _Observation(
                arm,
                row.arm,
                role,
                stated if later else RANDOMIZED,
                "analysed arm size" if later else "arm size",
                int(row.n),
                row.doc_id,
                int(row.stat_id),
                text_of.get((row.doc_id, row.stat_id), ""),
                (int(row.span_start), int(row.span_end)),
                population,
                str(getattr(row, "subgroup", "") or ""),
            )
        )
    counts = statistics[
        (statistics["kind"] == "count")
        & statistics["denominator"].notna()
        & (statistics["arm"] != "")
    ]
    if "subgroup" in counts.columns:
        counts = counts[counts["subgroup"] == ""]
    counts = _of_units(counts, units)
    for (_doc_id, _study_id), group in counts.groupby(["doc_id", "study_id"], sort=True):
        stated = sorted({t for t in group["timepoint"] if t})
        for row in group.itertuples(index=False):
            arm, role = _canonical(row.arm, multi_arm)
            timepoint, source = row.timepoint, "stated"
            if not timepoint and len(stated) == 1:
                timepoint, source = stated[0], "inferred (the only time point of its report)"
            elif not timepoint:
                timepoint = NOT_STATED
            found.append(
                _Observation(
                    arm,
                    row.arm,
                    role,
                    timepoint,
                    source,
                    int(row.denominator),
                    row.doc_id,
                    int(row.stat_id),
                    row.source_text,
                    (int(row.span_start), int(row.span_end)),
                )
            )
    return found


def _of_units(df: pd.DataFrame, units: set[tuple[str, str]]) -> pd.DataFrame:
    """Return the rows of a table that belong to the given (doc_id, study_id) units."""
    keys = zip(df["doc_id"], df["study_id"], strict=True)
    return df[np.fromiter((key in units for key in keys), dtype=bool, count=len(df))]


def _most_reported(values: list[int]) -> int:
    """Return the value reported most often (ties: the largest)."""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v))


def _baseline(obs: list[_Observation]) -> tuple[int, _Observation, str, list[_Observation]]:
    """Return (n, source, population, observations used) of an arm at randomization: the
    population counted earliest (randomized, enrolled, treated, analysed), the size reported most
    often for the whole trial, else the sum over its subgroups."""
    best = min(obs, key=lambda o: POPULATION_ORDER.get(o.population, len(POPULATION_ORDER)))
    same = [o for o in obs if o.population == best.population]
    whole = [o for o in same if not o.subgroup]
    label = best.population or "arm size"
    if whole:
        n = _most_reported([o.n for o in whole])
        chosen = min((o for o in whole if o.n == n), key=lambda o: (o.doc_id, o.stat_id))
        return n, chosen, label, whole
    parts = {}
    for subgroup in sorted({o.subgroup for o in same}):
        parts[subgroup] = _most_reported([o.n for o in same if o.subgroup == subgroup])
    chosen = min(same, key=lambda o: (o.doc_id, o.stat_id))
    label += " (sum of subgroups " + ", ".join(parts) + ")"
    return sum(parts.values()), chosen, label, same


def trial_timeline(
    trial_id: str,
    units: set[tuple[str, str]],
    arms: pd.DataFrame,
    statistics: pd.DataFrame,
    comparisons: pd.DataFrame,
    settings: Settings,
) -> list[dict]:
    """Return the timeline rows of one trial from the reports linked to it."""

    arms, statistics = _of_units(arms, units), _of_units(statistics, units)
    comparisons = _of_units(comparisons, units)
    multi_arm = _multi_arm(arms, comparisons)
    observations = _observations(units, arms, statistics, multi_arm)
    cells: dict[tuple[str, str], list[_Observation]] = defaultdict(list)
    for obs in observations:
        cells[(obs.timepoint, obs.arm)].append(obs)
    baseline = {
        arm: _baseline(obs) for (timepoint, arm), obs in cells.items() if timepoint == RANDOMIZED
    }
    randomized = {arm: b[0] for arm, b in baseline.items()}
    rows = []
    for (timepoint, arm), obs in cells.items():
        population = ""
        if timepoint == RANDOMIZED:
            n, chosen, population, obs = baseline[arm]
        else:
            n = max(o.n for o in obs)
            chosen = min((o for o in obs if o.n == n), key=lambda o: (o.doc_id, o.stat_id))
        labels = Counter(o.label for o in obs)
        base = randomized.get(arm)
        lost = base - n if base is not None else None
        rows.append(
            {
                "trial_id": trial_id,
                "arm": arm,
                "arm_label": max(labels, key=lambda label: (labels[label], label)),
                "role": chosen.role,
                "timepoint": timepoint,
                "days": days_of(timepoint),
                "timepoint_source": "" if timepoint == RANDOMIZED else chosen.source,
                "population": population,
                "n": n,
                "n_reported": ";".join(str(v) for v in sorted({o.n for o in obs}, reverse=True)),
                "randomized": base,
                "lost": lost,
                "attrition": lost / base if base else None,
                "doc_id": chosen.doc_id,
                "stat_id": chosen.stat_id,
                "source_text": chosen.source_text,
                "span_start": chosen.span[0],
                "span_end": chosen.span[1],
            }
        )
    _flag(rows, settings)
    return sorted(
        rows,
        key=lambda r: (
            math.inf if math.isnan(r["days"]) else r["days"],
            r["timepoint"],
            r["role"] == "control",
            r["arm"],
        ),
    )


def _flag(rows: list[dict], settings: Settings) -> None:
    """Set attrition_difference (vs the control arm), its Fisher exact p, and the flags."""
    control = {r["timepoint"]: r for r in rows if r["role"] == "control"}
    for row in rows:
        row.update(attrition_difference=None, attrition_p=None, differential=False, flags=[])
    for row in rows:
        attrition = row["attrition"]
        if attrition is not None and attrition < 0:
            row["flags"].append("more patients assessed than randomized")
        if attrition is not None and attrition > settings.high_attrition:
            row["flags"].append(f"attrition above {settings.high_attrition:.0%}")
        other = control.get(row["timepoint"])
        if (
            row["role"] == "control"
            or row["timepoint"] == RANDOMIZED
            or other is None
            or attrition is None
            or other["attrition"] is None
        ):
            continue
        difference = attrition - other["attrition"]
        row["attrition_difference"] = difference
        if row["lost"] >= 0 and other["lost"] >= 0:
            table = [[row["lost"], row["n"]], [other["lost"], other["n"]]]
            row["attrition_p"] = float(stats.fisher_exact(table).pvalue)
        if abs(difference) > settings.differential_attrition:
            row["differential"] = other["differential"] = True
            row["flags"].append(
                f"differential attrition ({attrition:.1%} vs {other['attrition']:.1%} "
                f"in {other['arm_label']})"
            )
    for row in rows:
        if row["role"] == "control" and row["differential"]:
            row["flags"].append("differential attrition")
        row["flags"] = "; ".join(row["flags"])


def timeline_rows(
    trials: pd.DataFrame,
    arms: pd.DataFrame,
    statistics: pd.DataFrame,
    comparisons: pd.DataFrame,
    settings: Settings,
) -> list[dict]:
    """Return the timeline rows of every trial (from the studies that report it)."""
    reports = trials[trials["relation"] == "reports"]
    rows = []
    for trial_id, group in reports.groupby("trial_id", sort=True):
        units = set(zip(group["doc_id"], group["study_id"], strict=True))
        rows.extend(trial_timeline(trial_id, units, arms, statistics, comparisons, settings))
    return rows
