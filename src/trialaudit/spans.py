"""Matched spans before they become table rows, and the rule that keeps one per place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import ahocorasick


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


# Where a statistic can start: a letter or digit not preceded by an ASCII letter or digit (CJK
# text runs into numbers: "组死亡３／１１"), or a sign or point before a digit.
_START = re.compile(r"(?<![A-Za-z0-9])[^\W_]|[-+.](?=\d)")


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Return the start and end of the line that holds ``offset``."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end


def chained(pattern: re.Pattern, text: str, end: int, limit: int) -> Iterator[re.Match]:
    """Yield up to ``limit`` matches of ``pattern``, the first at ``end`` and each next one where
    the last ended: the further items of a list ("1.9 (1.2-3.0) at day 28 and 2.4 (1.4-4.1) at
    day 90")."""
    for _ in range(limit):
        m = pattern.match(text, end)
        if m is None:
            return
        yield m
        end = m.end()


def occurrences(text: str, literal: str) -> list[int]:
    """Return the offsets of ``literal`` in ``text`` (str.find: far faster than a regex scan)."""
    found, index = [], text.find(literal)
    while index >= 0:
        found.append(index)
        index = text.find(literal, index + 1)
    return found


class _AnchorIndex:
    """Every case-insensitive anchor the readers have asked for, found in one pass over a
    text with an Aho-Corasick automaton (Aho & Corasick, CACM 1975;18:333): the ~430 anchors
    in a tenth of the time of a str.find loop for each. An anchor not yet in the automaton is
    found with str.find and joins it when it is next built, before the next text's scan."""

    def __init__(self) -> None:
        self.words: frozenset[str] = frozenset()
        self.pending: set[str] = set()
        self.automaton: Any = None

    def current(self) -> tuple[Any, frozenset[str]]:
        """Return the automaton and its words, built again first if anchors are pending."""
        if self.pending:
            self.words = self.words | self.pending
            self.pending = set()
            automaton = ahocorasick.Automaton()
            for word in sorted(self.words):
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton
        return self.automaton, self.words


_ANCHORS = _AnchorIndex()


class Scanner:
    """Finds the matches of a pattern without running it over the whole text: each pattern
    names literal anchors that every one of its matches contains, at most ``before``
    characters after the match's start. The anchors are found in one pass (_AnchorIndex; far
    faster than a regex scan) and the pattern is tried only at the word starts that close before
    them.
    Lookbehinds still see the text before a start, and a match may run past ``after``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self._positions: dict[tuple[str, bool], list[int]] = {}
        self._starts: list[int] | None = None
        self._indexed: frozenset[str] | None = None  # the anchors _scan holds every offset of
        self._scan: dict[str, list[int]] = {}

    def positions(self, literal: str, case: bool = False) -> list[int]:
        """Return the offsets of ``literal`` (case-insensitive unless ``case``), in order."""
        if not case:
            if self._indexed is None:
                self._scan_anchors()
            word = literal.lower()
            if word in self._indexed:
                return self._scan.get(word) or []
        key = (literal, case)
        found = self._positions.get(key)
        if found is None:
            if case:
                found = occurrences(self.text, literal)
            else:
                found = occurrences(self.lower, word)
                if word:
                    _ANCHORS.pending.add(word)
            self._positions[key] = found
        return found

    def _scan_anchors(self) -> None:
        """Find every anchor of the automaton in the text, once."""
        automaton, self._indexed = _ANCHORS.current()
        if automaton is not None:
            for end, word in automaton.iter(self.lower):
                self._scan.setdefault(word, []).append(end - len(word) + 1)

    def occurs(self, literal: str, start: int, end: int) -> bool:
        """Return True if ``literal`` occurs (ignoring case) wholly inside [start, end)."""
        found = self.positions(literal)
        index = bisect.bisect_left(found, start)
        return index < len(found) and found[index] + len(literal) <= end

    def starts(self) -> list[int]:
        """Return every offset where a statistic can start, in order."""
        if self._starts is None:
            self._starts = [m.start() for m in _START.finditer(self.text)]
        return self._starts

    def finditer(
        self,
        pattern: re.Pattern,
        anchors: tuple[str, ...],
        before: int,
        after: int = 0,
        case: tuple[str, ...] = (),
    ) -> Iterator[re.Match]:
        """Yield the non-overlapping matches of ``pattern`` that start at most ``before``
        characters before one of its anchors (``case`` anchors are case-sensitive; ``after``
        is only documentation of how far a match may run past its anchor)."""
        del after
        found = [hits for hits in map(self.positions, anchors) if hits]
        found += [hits for hits in (self.positions(a, True) for a in case) if hits]
        if not found:
            return
        # one anchor's offsets are already in order and distinct
        anchor_at = found[0] if len(found) == 1 else sorted(set().union(*found))
        starts, text, match = self.starts(), self.text, pattern.match
        done = 0  # matches do not overlap: no start before the end of the last one
        tried = -1  # every start up to here has been tried already
        for p in anchor_at:
            low = bisect.bisect_left(starts, max(done, tried + 1, p - before))
            high = bisect.bisect_right(starts, p, low)
            tried = p
            for q in starts[low:high]:
                if q < done:
                    continue
                m = match(text, q)
                if m and m.end() > q:
                    done = m.end()
                    yield m
