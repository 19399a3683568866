"""Results tables of a registry record flattened to text, as ClinicalTrials.gov prints them:

    Arm/Group Title | Placebo | GZR-118 2.4 mg | GZR-118 4.8 mg
    Overall Number of Participants Analyzed 150 148 151
    Mean (Standard Deviation)
    Unit of Measure: percent change
    -2.1 (4.8) | -9.7 (6.2) | -13.4 (7.1)

The arm titles name the columns; the number analysed in each arm and each summary row follow in
the same order.
"""

from __future__ import annotations

import re

from .arms import arm_size_candidate
from .spans import Candidate

_TITLES = re.compile(r"Arm/Group Title\s?(?::\s?|\|\s?)(?P<titles>[^\n]{1,400})")
_ANALYSED = re.compile(
    r"(?:Overall\s)?Number of Participants Analy[sz]ed\s?(?:\|\s?)?"
    r"(?P<sizes>\d{1,7}(?:(?:\s\|?\s?|\|\s?)\d{1,7}){1,9})(?!\S)"
)
_SUMMARY_HEADER = re.compile(
    r"(?m)^(?P<stat>Mean|Median|Least Squares Mean)\s\((?P<spread>Standard Deviation"
    r"|Standard Error|Inter-Quartile Range|Full Range)\)\s*$"
)
_NUMBER = r"-?\d{1,7}(?:\.\d{1,6})?"
_CELL = re.compile(
    rf"(?P<centre>{_NUMBER})\s\((?P<low>{_NUMBER})(?:\s(?:to)\s(?P<high>{_NUMBER}))?\)"
)
_SPREAD_KIND = {
    "Standard Deviation": "sd",
    "Standard Error": "se",
    "Inter-Quartile Range": "iqr",
    "Full Range": "range",
}
# The outcome measure a block reports, on the line before it: "Title: Percent Change From
# Baseline in Body Weight at Week 36".
_OUTCOME_TITLE = re.compile(r"(?m)^Title:\s?(?P<title>[^\n]{1,200})$")
# How far a block's rows may run after its arm titles.
_BLOCK = 1500


def candidates(norm: str) -> list[Candidate]:
    """Return the arm sizes and summaries of every results block in a registry record."""
    if "Arm/Group Title" not in norm:
        return []
    found: list[Candidate] = []
    blocks = list(_TITLES.finditer(norm))
    for index, block in enumerate(blocks):
        titles = [t.strip() for t in block.group("titles").split("|") if t.strip()]
        if len(titles) < 2:
            continue
        end = blocks[index + 1].start() if index + 1 < len(blocks) else len(norm)
        end = min(end, block.end() + _BLOCK)
        found += _sizes(norm, block.end(), end, titles)
        previous = blocks[index - 1].end() if index else 0
        titled = list(
            _OUTCOME_TITLE.finditer(norm, max(previous, block.start() - 400), block.start())
        )
        outcome = titled[-1].group("title").strip() if titled else ""
        found += _summaries(norm, block.end(), end, titles, outcome)
    return found


def _sizes(norm: str, start: int, end: int, titles: list[str]) -> list[Candidate]:
    """The number analysed in each arm, when there is one per title."""
    m = _ANALYSED.search(norm, start, end)
    if not m:
        return []
    numbers = list(re.finditer(r"\d+", m.group("sizes")))
    if len(numbers) != len(titles):
        return []
    offset = m.start("sizes")
    return [
        arm_size_candidate(offset + n.start(), offset + n.end(), n.group(), title, "analysed")
        for n, title in zip(numbers, titles, strict=True)
    ]


def _summaries(norm: str, start: int, end: int, titles: list[str], outcome: str) -> list[Candidate]:
    """A row of one summary per arm under a "Mean (Standard Deviation)" header, within the two
    lines after it."""
    found = []
    for header in _SUMMARY_HEADER.finditer(norm, start, end):
        stat = "median" if header.group("stat") == "Median" else "mean"
        kind = _SPREAD_KIND[header.group("spread")]
        line_start = header.end()
        for _ in range(3):
            line_end = norm.find("\n", line_start + 1)
            line_end = end if line_end == -1 else min(line_end, end)
            cells = list(_CELL.finditer(norm, line_start, line_end))
            if len(cells) == len(titles):
                for cell, title in zip(cells, titles, strict=True):
                    found.append(_summary(cell, stat, kind, title, outcome))
                break
            line_start = line_end
    return found


def _summary(cell: re.Match, stat: str, kind: str, arm: str, outcome: str) -> Candidate:
    fields = {
        "value_text": cell.group("centre"),
        "unit": "",
        "spread_kind": kind,
        "arm": arm,
        "outcome": outcome,
    }
    if cell.group("high") is not None:
        fields.update(spread_low_text=cell.group("low"), spread_high_text=cell.group("high"))
    elif kind in {"sd", "se"}:
        fields.update(spread_low_text=cell.group("low"))
    else:
        fields["spread_kind"] = ""
    return Candidate(stat, cell.start(), cell.end(), fields)
