"""Absolute effects of a GRADE summary of findings: the intervention's risk that the comparator's
risk and a relative effect imply, and the difference between the two (Cochrane Handbook,
version 6, chapter 14, section 14.1.5; GRADE handbook, section 5.2)."""

from __future__ import annotations

import itertools

RELATIVE_MEASURES = frozenset({"RR", "OR", "HR"})
PER = 1000.0  # a summary of findings states risks per 1000 people
UNIT = "per 1000"  # the unit of the risks and differences the extractor reads as absolute effects


def is_absolute_effect(stat: dict) -> bool:
    """Return True for a summary of findings' risk or risk difference per 1000."""
    return stat["kind"] in {"mean", "difference"} and stat.get("unit") == UNIT


def risk_with_intervention(assumed: float, ratio: float, measure: str) -> float:
    """Return the intervention's risk for the comparator's risk ``assumed`` (a proportion) and a
    relative effect: RR x risk; for an OR, the risk whose odds are OR x the comparator's odds;
    for an HR, 1 - (1 - risk) ** HR (proportional hazards over the same follow-up)."""
    if measure == "RR":
        return assumed * ratio
    if measure == "OR":
        return ratio * assumed / (1 - assumed + ratio * assumed)
    if measure == "HR":
        return 1 - (1 - assumed) ** ratio
    raise ValueError(f"no absolute effect for a relative measure {measure!r}")


def implied_ranges(
    assumed: tuple[float, float], ratio: tuple[float, float], measure: str
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the ranges, per 1000, of the intervention's risk and of the difference from the
    comparator over every comparator risk per 1000 in ``assumed`` and every ratio in ``ratio``
    (the intervals of numbers that round to the printed ones). The risk rises with both, so the
    corners bound it; the difference is evaluated at the corners and the middle, which over
    intervals this narrow bounds it too."""
    risks, differences = [], []
    middle = (sum(assumed) / 2, sum(ratio) / 2)
    for per_thousand, r in [*itertools.product(assumed, ratio), middle]:
        p = min(max(per_thousand / PER, 0.0), 1.0)
        risk = PER * risk_with_intervention(p, max(r, 0.0), measure)
        risks.append(risk)
        differences.append(risk - PER * p)
    return (min(risks), max(risks)), (min(differences), max(differences))
