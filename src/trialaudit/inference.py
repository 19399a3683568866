"""What the text leaves out: denominators implied by a p-value, arm sizes that do not add up,
and what patients lost to follow-up could do to a 2x2 result (best/worst case)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import twobytwo
from .arms import of_each_arm


def compact(values: list[int]) -> str:
    """Return sorted integers as runs: [28, 29, 30, 35] -> "28-30, 35"."""
    values = sorted(set(values))
    runs: list[str] = []
    start = prev = None
    for v in [*values, None]:
        if v is not None and prev is not None and v == prev + 1:
            prev = v
            continue
        if start is not None:
            runs.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = v
    return ", ".join(runs)


def denominators_from_p(
    a: int, n1: int, c: int, p_range: tuple[float, float], upper: int, missing_arm: int = 2
) -> dict[str, list[int]]:
    """Return, per test, the sizes n of the arm with ``c`` events and no stated denominator for
    which a of n1 vs c of n gives a two-sided p inside ``p_range`` (n from max(c, 1) to
    ``upper``); ``missing_arm`` says whether that arm is the table's first or second row."""
    fits: dict[str, list[int]] = {}
    for n in range(max(c, 1), max(upper, c) + 1):
        table = (a, n1, c, n) if missing_arm == 2 else (c, n, a, n1)
        for method, p in twobytwo.p_values(*table).items():
            if p_range[0] <= p <= p_range[1]:
                fits.setdefault(method, []).append(n)
    return fits


def search_limit(known_n: int, ceiling: int) -> int:
    """Return the largest denominator tried: five times the known arm plus 50, capped."""
    return min(5 * known_n + 50, ceiling)


@dataclass(frozen=True)
class ArmSum:
    """Arm sizes stated together and their sum."""

    stat_ids: tuple[int, ...]
    sizes: tuple[int, ...]
    unit: str = ""  # "clusters" for sizes counted in clusters
    each: bool = False  # one size stated for every arm ("two groups of 40")
    population: str = ""  # the stage the sizes count: randomized, analysed, ...

    @property
    def total(self) -> int:
        return sum(self.sizes)

    @property
    def text(self) -> str:
        return " + ".join(str(s) for s in self.sizes) + f" = {self.total}"


def arm_sums(statistics: list[dict]) -> list[ArmSum]:
    """Return the sets of two or more arm sizes stated in one sentence (one size per arm, unit
    and stage: "16 units (1,184 patients) ... and 16 units (1,157 patients)" gives two sets, as
    does "assigned (2408 vaccine, 1204 control), of whom 3390 (2259 vaccine, 1131 control) were
    analysed")."""
    groups: dict[tuple[int, int, str, str], dict[str, dict]] = {}
    for row in statistics:
        if row["kind"] != "arm_size" or row.get("value") is None or of_each_arm(row):
            continue
        value = float(row["value"])
        if math.isnan(value) or value != int(value):
            continue
        key = (
            int(row["sentence_start"]),
            int(row["sentence_end"]),
            row.get("unit") or "",
            row.get("population") or "",
        )
        arm = (row.get("arm") or "").strip().lower() or f"#{row['stat_id']}"
        groups.setdefault(key, {}).setdefault(arm, row)
    sums = [s for s in map(_each_arm_sum, statistics) if s is not None]
    for (_, _, unit, population), arms in groups.items():
        if len(arms) >= 2:
            rows = sorted(arms.values(), key=lambda r: int(r["stat_id"]))
            sums.append(
                ArmSum(
                    tuple(int(r["stat_id"]) for r in rows),
                    tuple(int(r["value"]) for r in rows),
                    unit,
                    population=population,
                )
            )
    return sums


def _each_arm_sum(row: dict) -> ArmSum | None:
    """Return the sizes of ``arm_count`` arms of one size each ("two groups of 40"), or None."""
    if row["kind"] != "arm_size" or not of_each_arm(row):
        return None
    count, value = row.get("arm_count"), row.get("value")
    if any(
        v is None or v == "" or (isinstance(v, float) and math.isnan(v)) for v in (count, value)
    ):
        return None
    if float(value) != int(float(value)):
        return None
    size = int(float(value))
    return ArmSum((int(row["stat_id"]),), (size,) * int(count), row.get("unit") or "", each=True)


@dataclass(frozen=True)
class Scenario:
    """One way of filling in the outcomes of the patients lost to follow-up."""

    name: str
    a: int
    n1: int
    c: int
    n2: int

    def measures(self) -> dict[str, float]:
        """Return OR, RR, RD (Wald point estimates, 0.5 added for zero cells) and Fisher's p."""
        a, n1, c, n2 = self.a, self.n1, self.c, self.n2
        or_, _, _ = twobytwo.odds_ratio_wald(a, n1, c, n2)
        rr, _, _ = twobytwo.risk_ratio_wald(a, n1, c, n2)
        rd = a / n1 - c / n2
        return {"OR": float(or_), "RR": float(rr), "RD": rd, "p": twobytwo.fisher_p(a, n1, c, n2)}


def attrition_scenarios(
    a: int, n1: int, c: int, n2: int, randomized_1: int, randomized_2: int
) -> list[Scenario] | str:
    """Return the complete-case table and the two extreme imputations of the lost patients
    (all lost in arm 1 had the event and none in arm 2, and the reverse), or why not."""
    reason = twobytwo.valid_table(a, n1, c, n2)
    if reason:
        return reason
    lost_1, lost_2 = randomized_1 - n1, randomized_2 - n2
    if lost_1 < 0 or lost_2 < 0:
        return "more patients analysed than randomized"
    if lost_1 == 0 and lost_2 == 0:
        return "no patients lost"
    return [
        Scenario("complete case", a, n1, c, n2),
        Scenario("lost in arm 1 all events, in arm 2 none", a + lost_1, randomized_1, c,
                 randomized_2),
        Scenario("lost in arm 1 no events, in arm 2 all", a, randomized_1, c + lost_2,
                 randomized_2),
    ]  # fmt: skip
