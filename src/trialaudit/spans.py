"""Matched spans before they become table rows, and the rule that keeps one per place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Candidate:
    """A matched statistic (offsets into the normalized text) before context is attached."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


class Occupancy:
    """Which characters of a text are already taken by a kept or masked span."""

    def __init__(self, length: int) -> None:
        self.taken = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        """Return True if no character of [start, end) is taken."""
        return self.taken.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as taken."""
        self.taken[start:end] = b"\x01" * (end - start)


def resolve(
    candidates: list[Candidate], masked: list[tuple[int, int]], length: int
) -> list[Candidate]:
    """Keep candidates in priority order, dropping any that overlap a kept or masked span."""
    occupancy = Occupancy(length)
    mask = Occupancy(length)
    for start, end in masked:
        mask.take(start, end)
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.end <= cand.start:
            continue
        if not mask.free(cand.start, cand.end) or not occupancy.free(cand.start, cand.end):
            continue
        occupancy.take(cand.start, cand.end)
        kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))
