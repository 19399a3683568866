"""Follow-up timeline of each trial: patients per arm at randomization and at every time point
its reports give counts for, with attrition per arm and a flag where it differs between arms."""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import tables, twobytwo
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


Records = list[dict]


def _records(table: pd.DataFrame | Records) -> Records:
    """Return a table's rows as dicts (tables.records); lists pass through."""
    return tables.records(table) if isinstance(table, pd.DataFrame) else table


def _multi_arm(arms: Records, comparisons: Records) -> bool:
    """Return True when a report lists two different intervention arms' sizes close together
    (within MULTI_ARM_WINDOW characters), or compares two different arms with one control for
    the same outcome and time point."""
    sizes = sorted(
        (r for r in arms if r["role"] == "intervention"),
        key=lambda r: (r["doc_id"], r["span_start"]),
    )
    for previous, row in itertools.pairwise(sizes):
        if (
            row["doc_id"] == previous["doc_id"]
            and row["arm_key"] != previous["arm_key"]
            and row["span_start"] - previous["span_start"] <= MULTI_ARM_WINDOW
        ):
            return True
    compared: dict[tuple, set[str]] = defaultdict(set)
    for row in comparisons:
        key = (row["doc_id"], row["outcome"], row["timepoint"], row["arm_2"])
        if any(v is None for v in key):  # as pandas' groupby, which drops missing keys
            continue
        compared[key].add(arm_key(row["arm_1"]))
    return any(len(arms_1) >= 2 for arms_1 in compared.values())


@lru_cache(maxsize=1 << 16)
def _canonical(label: str, multi_arm: bool) -> tuple[str, str]:
    """Return (arm, role) of an arm label within its trial."""
    if is_control(label):
        return "control", "control"
    return (arm_key(label) if multi_arm else "intervention"), "intervention"


def _observations(
    units: set[tuple[str, str]],
    arms: Records,
    statistics: Records,
    multi_arm: bool,
) -> list[_Observation]:
    """Return arm sizes at randomization and count denominators at later time points."""
    found = []
    text_of = {(r["doc_id"], r["stat_id"]): r["source_text"] for r in statistics}
    for row in arms:
        arm, role = _canonical(row["arm"], multi_arm)
        population = str(row.get("population") or "")
        stated = str(row.get("timepoint") or "")
        later = population == "analysed" and stated and not math.isnan(days_of(stated))
        found.append(
            _Observation(
                arm,
                row["arm"],
                role,
                stated if later else RANDOMIZED,
                "analysed arm size" if later else "arm size",
                int(row["n"]),
                row["doc_id"],
                int(row["stat_id"]),
                text_of.get((row["doc_id"], row["stat_id"]), ""),
                (int(row["span_start"]), int(row["span_end"])),
                population,
                str(row.get("subgroup") or ""),
            )
        )
    by_report: dict[tuple[str, str], Records] = defaultdict(list)
    for row in statistics:
        if (
            row["kind"] == "count"
            and row["denominator"] is not None
            and row["arm"] != ""
            and not row.get("subgroup")
            and (row["doc_id"], row["study_id"]) in units
        ):
            by_report[(row["doc_id"], row["study_id"])].append(row)
    for report in sorted(by_report):
        group = by_report[report]
        stated = sorted({r["timepoint"] for r in group if r["timepoint"]})
        for row in group:
            arm, role = _canonical(row["arm"], multi_arm)
            timepoint, source = row["timepoint"], "stated"
            if not timepoint and len(stated) == 1:
                timepoint, source = stated[0], "inferred (the only time point of its report)"
            elif not timepoint:
                timepoint = NOT_STATED
            found.append(
                _Observation(
                    arm,
                    row["arm"],
                    role,
                    timepoint,
                    source,
                    int(row["denominator"]),
                    row["doc_id"],
                    int(row["stat_id"]),
                    row["source_text"],
                    (int(row["span_start"]), int(row["span_end"])),
                )
            )
    return found


def _of_units(rows: Records, units: set[tuple[str, str]]) -> Records:
    """Return the rows of a table that belong to the given (doc_id, study_id) units."""
    return [r for r in rows if (r["doc_id"], r["study_id"]) in units]


def _counts(values: list) -> dict:
    """Return value -> how often it occurs (collections.Counter without its overhead)."""
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_reported(values: list[int]) -> int:
    """Return the value reported most often (ties: the largest)."""
    counts = _counts(values)
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
    arms: pd.DataFrame | Records,
    statistics: pd.DataFrame | Records,
    comparisons: pd.DataFrame | Records,
    settings: Settings,
) -> list[dict]:
    """Return the timeline rows of one trial from the reports linked to it (tables as frames
    or as lists of row dicts)."""

    arms, statistics = _of_units(_records(arms), units), _of_units(_records(statistics), units)
    comparisons = _of_units(_records(comparisons), units)
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
        labels = _counts([o.label for o in obs])
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


def _fisher_p(a: int, b: int, c: int, d: int) -> float:
    """Return the two-sided Fisher exact p of [[a, b], [c, d]]: twobytwo.fisher_p of a of
    a + b vs c of c + d (tested against R's fisher.test; scipy's fisher_exact gives the same
    p to 1e-12 but took ~0.9 ms per table, 4 s of this stage at 100,000 documents)."""
    return twobytwo.fisher_p(a, a + b, c, c + d)


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
            row["attrition_p"] = _fisher_p(row["lost"], row["n"], other["lost"], other["n"])
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


def iter_timeline_rows(
    trials: pd.DataFrame,
    arms: pd.DataFrame,
    statistics: pd.DataFrame,
    comparisons: pd.DataFrame,
    settings: Settings,
) -> Iterator[dict]:
    """Yield the timeline rows of every trial (from the studies that report it), trial by
    trial."""
    reports = trials[trials["relation"] == "reports"]
    keys = ["doc_id", "stat_id"]
    of_arm_sizes = pd.MultiIndex.from_frame(statistics[keys]).isin(
        pd.MultiIndex.from_frame(arms[keys])
    )
    used = of_arm_sizes | (
        (statistics["kind"] == "count")
        & statistics["denominator"].notna()
        & (statistics["arm"] != "")
    )
    statistics = statistics[used]
    # Each trial looks only at the rows of its own documents (linear in the corpus).
    by_doc: list[dict[str, Records]] = []
    for table in (arms, statistics, comparisons):
        grouped: dict[str, Records] = defaultdict(list)
        for row in _records(table):
            grouped[row["doc_id"]].append(row)
        by_doc.append(grouped)
    units_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for trial_id, doc_id, study_id in zip(
        *(reports[c].tolist() for c in ("trial_id", "doc_id", "study_id")), strict=True
    ):
        units_of[trial_id].add((doc_id, study_id))
    # The rows are in by_doc now: the frames go (when the caller holds none of them either).
    del trials, reports, arms, statistics, comparisons, table, of_arm_sizes, used
    for trial_id in sorted(units_of):
        units = units_of[trial_id]
        docs = sorted({doc_id for doc_id, _ in units})
        own = [[row for d in docs for row in table.get(d, [])] for table in by_doc]
        yield from trial_timeline(trial_id, units, *own, settings)
