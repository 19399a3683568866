"""Find the offsets of a hand-chosen string in a text (the annotator's helper for gold spans).

Usage: ``python tests/gold/locate.py data/raw/001_ee862e205fadbfc4.txt "P = 0.080" [occurrence]``
prints ``span_start span_end`` of the string (which must be unique unless an occurrence index,
counted from 0, is given) in the file decoded as UTF-8 without newline translation.
"""

from __future__ import annotations

import sys
from pathlib import Path


def occurrences(text: str, needle: str) -> list[int]:
    """Return the start offset of every (possibly overlapping) occurrence of ``needle``."""
    starts, start = [], text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + 1)
    return starts


def locate(text: str, needle: str, occurrence: int | None = None) -> tuple[int, int]:
    """Return (start, end) of ``needle`` in ``text``; assumes it is unique when ``occurrence``
    is None, else takes the occurrence-th match (0-based). Raises ValueError otherwise."""
    starts = occurrences(text, needle)
    if not starts:
        raise ValueError(f"{needle!r} does not occur")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(f"{needle!r} occurs {len(starts)} times at {starts}: say which")
        occurrence = 0
    if occurrence >= len(starts):
        raise ValueError(f"{needle!r} occurs only {len(starts)} times")
    return starts[occurrence], starts[occurrence] + len(needle)


def read_text(path: str | Path) -> str:
    """Return a file decoded as UTF-8 with its line endings untouched (offsets are into this)."""
    return Path(path).read_bytes().decode("utf-8")


if __name__ == "__main__":
    index = int(sys.argv[3]) if len(sys.argv) > 3 else None
    print(*locate(read_text(sys.argv[1]), sys.argv[2], index))
