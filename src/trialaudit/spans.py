"""Matched spans before they become table rows, and the rule that keeps one per place."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


_SPACE = re.compile(r"\s")


class Scanner:
    """Finds where a pattern can match without running it over the whole text: each pattern
    names literal anchors that every one of its matches contains (found with str.find, which
    is far faster than a regex scan) and runs only in windows around them. Lookbehinds still
    see the text before a window."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self._positions: dict[tuple[str, bool], list[int]] = {}
        self._windows: dict[tuple, list[tuple[int, int]]] = {}

    def positions(self, literal: str, case: bool = False) -> list[int]:
        """Return the offsets of ``literal`` (case-insensitive unless ``case``)."""
        key = (literal, case)
        if key not in self._positions:
            haystack = self.text if case else self.lower
            needle = literal if case else literal.lower()
            found, index = [], haystack.find(needle)
            while index >= 0:
                found.append(index)
                index = haystack.find(needle, index + 1)
            self._positions[key] = found
        return self._positions[key]

    def windows(
        self, anchors: tuple[str, ...], before: int, after: int, case: tuple[str, ...] = ()
    ) -> list[tuple[int, int]]:
        """Return merged windows of ``before`` characters before and ``after`` characters after
        each anchor (``case`` anchors are case-sensitive), each ending at white space; the whole
        text when the windows would cover most of it anyway."""
        key = (anchors, before, after, case)
        if key not in self._windows:
            self._windows[key] = self._merged(anchors, before, after, case)
        return self._windows[key]

    def _merged(
        self, anchors: tuple[str, ...], before: int, after: int, case: tuple[str, ...]
    ) -> list[tuple[int, int]]:
        length = len(self.text)
        count = sum(len(self.positions(a)) for a in anchors)
        count += sum(len(self.positions(a, True)) for a in case)
        if count * (before + after) >= length:
            return [(0, length)]  # the windows would cover the text: one scan is cheaper
        spans = sorted(
            (max(0, p - before), p + len(a) + after)
            for literals, sensitive in ((anchors, False), (case, True))
            for a in literals
            for p in self.positions(a, sensitive)
        )
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            end = min(length, end)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        if sum(end - start for start, end in merged) > length // 2:
            return [(0, length)]
        return [(start, self._to_space(end)) for start, end in merged]

    def _to_space(self, end: int) -> int:
        """Return ``end`` moved to the next white space (at most 40 characters on), so that a
        window never cuts a number in two."""
        space = _SPACE.search(self.text, end, min(len(self.text), end + 40))
        return space.start() if space else min(len(self.text), end + 40)

    def finditer(
        self,
        pattern: re.Pattern,
        anchors: tuple[str, ...],
        before: int,
        after: int,
        case: tuple[str, ...] = (),
    ) -> Iterator[re.Match]:
        """Yield the matches of ``pattern`` in the windows around its anchors."""
        for start, end in self.windows(anchors, before, after, case):
            yield from pattern.finditer(self.text, start, end)
