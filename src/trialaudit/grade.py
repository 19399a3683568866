"""GRADE evidence profiles and summary-of-findings tables flattened to text, a line per outcome:
the arms are the two columns before "Relative (95% CI)" in the header, each row's outcome and
time point are the line above it ("Pain freedom (assessed at 2 hours)"), and its estimates pool
the trials the row counts (GRADE Working Group, GRADEpro GDT's evidence profile layout)."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import context, grammar

# The header line that names the columns: "... | drug X | placebo | Relative (95% CI) | ...".
_HEADER = re.compile(r"(?im)^[^\n|]*\|[^\n]*\|\s?Relative\s\(95\s?%\s?CI\)[^\n]*$")
# Columns of the certainty assessment, which name no arm.
_ASSESSMENT = re.compile(
    r"(?i)^(?:(?:№|No\.?|Number)\sof\s(?:studies|patients|participants)|study\sdesign|risk\sof\sbias"
    r"|inconsistency|indirectness|imprecision|other\sconsiderations|certainty|importance|effect"
    r"|quality)$"
)
# What the heading of a row says besides its outcome: "(follow-up: 12 weeks)", "(assessed at 2
# hours; scale from 0 to 10)".
_HEADING_DETAILS = re.compile(r"\s?\((?:follow[-\s]?up|assessed|measured|scale)\b[^)]*\)\s?$")
_ARM_KINDS = frozenset({"count", "percentage", "mean", "median"})
_EFFECT_KINDS = frozenset({"ratio", "difference"})


class _Columns(NamedTuple):
    """Where a profile's header puts the relative effect and the comparator's risk (column
    indices), and the arms the two columns before the relative effect name."""

    relative: int
    risk_with: int | None
    intervention: str
    comparator: str


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def _columns(header: list[str]) -> _Columns | None:
    """Return the columns of a header's cells, None when no two arms precede the relative
    effect."""
    relative = next(i for i, cell in enumerate(header) if cell.lower().startswith("relative"))
    if relative < 2:
        return None
    first, second = header[relative - 2], header[relative - 1]
    if not first or not second or _ASSESSMENT.match(first) or _ASSESSMENT.match(second):
        return None
    risk_with = next(
        (i for i, cell in enumerate(header) if cell.lower().startswith("risk with")), None
    )
    arms = (context.clean_arm(first) or first, context.clean_arm(second) or second)
    return _Columns(relative, risk_with, *arms)


def _heading_above(norm: str, line_start: int) -> str:
    """Return the nearest line above ``line_start`` that is no table row, or ''."""
    end = line_start - 1
    while end > 0:
        start = norm.rfind("\n", 0, end) + 1
        line = norm[start:end].strip()
        if line:
            return "" if "|" in line else line
        end = start - 1
    return ""


def assign_evidence_profiles(by_line: dict[int, list[dict]], norm: str) -> None:
    """Give the values in the rows of each evidence profile their arm, outcome and time point,
    and mark its relative and absolute effects as pooled across the row's trials when it counts
    more than one (their summed counts do not reproduce a pooled estimate). ``by_line``: the
    statistics rows by the start of their line (extract.rows_by_line)."""
    if "Relative" not in norm:
        return
    for header in _HEADER.finditer(norm):
        columns = _columns(_cells(header.group()))
        if columns is None:
            continue
        line_end, prose = header.end(), 0
        while line_end < len(norm) and prose < 2:
            start = line_end + 1
            line_end = norm.find("\n", start)
            line_end = len(norm) if line_end < 0 else line_end
            line = norm[start:line_end]
            if "|" not in line:
                # blank lines and an outcome's heading come between rows; two lines of text
                # in a row end the table
                prose = prose + 1 if line.strip() else prose
                continue
            prose = 0
            cells = _cells(line)
            if len(cells) < columns.relative + 1:
                break
            _assign_row(by_line.get(start, []), norm, start, cells, columns)


def _assign_row(
    rows: list[dict], norm: str, line_start: int, cells: list[str], columns: _Columns
) -> None:
    """Give the values of one profile row their arms, outcome and time point."""
    relative, risk_with, intervention, comparator = columns
    heading = _heading_above(norm, line_start)
    time = context.TIMEPOINT.search(heading)
    outcome = _HEADING_DETAILS.sub("", heading).strip()
    pooled = cells[0].isdigit() and int(cells[0]) > 1
    for row in rows:
        column = norm.count("|", line_start, row["span_start"])
        if row["kind"] in _ARM_KINDS and column in (relative - 2, relative - 1, risk_with):
            row["arm"] = intervention if column == relative - 2 else comparator
        elif row["kind"] in _EFFECT_KINDS and column >= relative:
            row["arm"] = f"{intervention} vs {comparator}"
            if pooled:
                row[grammar.POOLED_ACROSS_TRIALS_FLAG] = True
        else:
            continue
        if outcome and not row["outcome"]:
            row["outcome"] = outcome
        if time and not row["timepoint"]:
            row["timepoint"], row["timepoint_days"] = context.timepoint_label(time)
            row["timepoint_source"] = "sentence"
