"""Results of an EU Clinical Trials Register record flattened to text, as the register prints
them:

    Arm title: Velirimab 150 mg Q2W
    Number of subjects in period 1: Velirimab 150 mg Q2W 219 · Placebo 217
    End point title: Proportion of subjects achieving HiSCR50 at Week 16
    End point values: Velirimab 150 mg Q2W | Placebo
    Number of subjects analysed: 219 | 217
    Units: subjects
    number (not applicable): 98 | 63
    Comparison groups: Velirimab 150 mg Q2W v Placebo
    Parameter estimate: Odds ratio (OR)
    Point estimate: 1.98
    Confidence interval level: 95 %
    lower limit: 1.33
    upper limit: 2.94

Each end point's values are in the order of its "End point values" titles; a statistical
analysis's estimate compares its "Comparison groups".
"""

from __future__ import annotations

import re

from .arms import arm_size_candidate, sample_size_candidate
from .registry import last_timepoint
from .spans import Candidate

_NUMBER = r"[-\u2212]?\d{1,7}(?:\.\d{1,6})?"
_SAMPLE_ROWS = (
    (re.compile(r"(?m)^Number of subjects started:\s?(?P<n>\d{1,7})[ \t]{0,20}$"), "randomized"),
    (
        re.compile(r"(?m)^Number of subjects included in analysis:\s?(?P<n>\d{1,7})[ \t]{0,20}$"),
        "analysed",
    ),
)
_ARM_TITLE = re.compile(r"(?m)^Arm title:\s?(?P<title>[^\n]{1,120}?)[ \t]{0,20}$")
_PERIOD = re.compile(r"(?m)^Number of subjects in period \d{1,2}:\s?(?P<cells>[^\n]{1,400})$")
_COMPLETED = re.compile(r"(?m)^Completed:\s?(?P<cells>[^\n]{1,200})$")
_END_POINT = re.compile(r"(?m)^End point title:\s?(?P<title>[^\n]{1,300}?)[ \t]{0,20}$")
_VALUES_TITLES = re.compile(r"(?m)^End point values:\s?(?P<titles>[^\n]{1,400})$")
_ANALYSED = re.compile(r"(?m)^Number of subjects analysed:\s?(?P<cells>[^\n]{1,200})$")
_PEOPLE_UNITS = re.compile(r"(?m)^Units:\s?(?i:subjects|participants|patients|people)[ \t]{0,20}$")
_NUMBER_ROW = re.compile(
    r"(?m)^number \((?:not applicable|[^()\n]{0,40})\):\s?(?P<cells>[^\n]{1,200})$"
)
# "least squares mean (standard error): -7.4 (± 0.52) | -4.9 (± 0.53)"
_SUMMARY_ROW = re.compile(
    r"(?m)^(?P<stat>(?:least squares )?mean|median) \((?P<spread>standard deviation"
    r"|standard error|inter-quartile range \(Q1-Q3\)|full range \(min-max\))\):\s?"
    r"(?P<cells>[^\n]{1,400})$"
)
_SUMMARY_CELL = re.compile(
    rf"(?P<centre>{_NUMBER})\s?\(\s?(?:(?:\u00b1\s?)?(?P<low>{_NUMBER})"
    rf"(?:\s(?:to|-)\s(?P<high>{_NUMBER}))?)\s?\)"
)
_SPREAD_KIND = {
    "standard deviation": "sd",
    "standard error": "se",
    "inter-quartile range (Q1-Q3)": "iqr",
    "full range (min-max)": "range",
}
_WHOLE = re.compile(r"(?<![\d.])\d{1,7}(?![\d.])")
_COMPARISON = re.compile(
    r"(?m)^Comparison groups:\s?(?P<a>[^\n]{1,120}?)\sv\s(?P<b>[^\n]{1,120}?)[ \t]{0,20}$"
)
# The estimate of a statistical analysis and its interval, over the register's lines.
_ESTIMATE = re.compile(
    r"Parameter estimate:\s?(?P<name>[^\n]{1,80}?)[ \t]{0,20}\n"
    rf"Point estimate:\s?(?P<est>{_NUMBER})[ \t]{{0,20}}\n"
    r"(?:Confidence interval level:\s?(?P<level>\d{2}(?:\.\d)?)\s?%[ \t]{0,20}\n)?"
    r"(?:sides:[^\n]{0,20}\n)?"
    rf"(?:lower limit:\s?(?P<lo>{_NUMBER})[ \t]{{0,20}}\n"
    rf"upper limit:\s?(?P<hi>{_NUMBER}))?"
)
_MEASURES = (
    (re.compile(r"(?i)odds ratio"), "ratio", "OR"),
    (re.compile(r"(?i)hazard ratio"), "ratio", "HR"),
    (re.compile(r"(?i)risk ratio|relative risk"), "ratio", "RR"),
    (re.compile(r"(?i)rate ratio"), "ratio", "IRR"),
    (re.compile(r"(?i)risk difference|difference in proportions"), "difference", "risk difference"),
    (re.compile(r"(?i)median difference"), "difference", "median difference"),
    (re.compile(r"(?i)mean difference"), "difference", "mean difference"),
)


def candidates(norm: str) -> list[Candidate]:
    """Return the sizes, per-arm values and estimates of an EU Clinical Trials Register
    results record (none unless the text has its "End point values" rows)."""
    if "End point values:" not in norm and "Number of subjects in period" not in norm:
        return []
    found: list[Candidate] = []
    for row, population in _SAMPLE_ROWS:
        found += [
            sample_size_candidate(*m.span("n"), m.group("n"), population)
            for m in row.finditer(norm)
        ]
    found += _periods(norm)
    points = list(_END_POINT.finditer(norm))
    for index, point in enumerate(points):
        end = points[index + 1].start() if index + 1 < len(points) else len(norm)
        found += _end_point(norm, point, end)
    return found


def _cells(norm: str, m: re.Match) -> list[re.Match]:
    return list(_WHOLE.finditer(norm, m.start("cells"), m.end("cells")))


def _periods(norm: str) -> list[Candidate]:
    """Each arm's size in a period ("Velirimab 150 mg Q2W 219 · Placebo 217") and the number
    who completed it, in the arms' order."""
    titles = [m.group("title") for m in _ARM_TITLE.finditer(norm)]
    found: list[Candidate] = []
    for period in _PERIOD.finditer(norm):
        cells = period.group("cells")
        sizes: list[tuple[str, int]] = []
        for title in titles:
            at = re.search(rf"(?<![\w]){re.escape(title)}\s(?P<n>\d{{1,7}})(?![\d.])", cells)
            if at is None:
                return found
            start = period.start("cells") + at.start("n")
            found.append(
                arm_size_candidate(
                    start, start + len(at.group("n")), at.group("n"), title, "randomized"
                )
            )
            sizes.append((title, int(at.group("n"))))
        completed = _COMPLETED.search(norm, period.end(), period.end() + 200)
        if completed and len(cells := _cells(norm, completed)) == len(sizes):
            for cell, (title, size) in zip(cells, sizes, strict=True):
                fields = {"numerator": int(cell.group()), "value_text": cell.group(), "arm": title}
                fields |= {"outcome": "completed", "denominator": size}
                found.append(Candidate("count", cell.start(), cell.end(), fields))
    return found


def _end_point(norm: str, point: re.Match, end: int) -> list[Candidate]:
    """An end point's arm sizes, counts or summaries (one per title) and its analyses'
    estimates."""
    outcome = point.group("title")
    values = _VALUES_TITLES.search(norm, point.end(), end)
    if values is None:
        return []
    titles = [t.strip() for t in values.group("titles").split("|") if t.strip()]
    found: list[Candidate] = []
    analysed: dict[str, int] = {}
    sizes = _ANALYSED.search(norm, values.end(), end)
    if sizes and len(cells := _cells(norm, sizes)) == len(titles):
        for cell, title in zip(cells, titles, strict=True):
            found.append(arm_size_candidate(*cell.span(), cell.group(), title, "analysed"))
            analysed[title] = int(cell.group())
    people = _PEOPLE_UNITS.search(norm, values.end(), end)
    row = _NUMBER_ROW.search(norm, values.end(), end)
    if people and row and len(cells := _cells(norm, row)) == len(titles):
        for cell, title in zip(cells, titles, strict=True):
            fields = {"numerator": int(cell.group()), "value_text": cell.group(), "arm": title}
            fields |= {"outcome": outcome, "denominator": analysed.get(title)}
            found.append(Candidate("count", cell.start(), cell.end(), fields))
    for summary in _SUMMARY_ROW.finditer(norm, values.end(), end):
        cells = list(_SUMMARY_CELL.finditer(norm, summary.start("cells"), summary.end("cells")))
        if len(cells) != len(titles):
            continue
        stat = "median" if summary.group("stat") == "median" else "mean"
        kind = _SPREAD_KIND[summary.group("spread")]
        for cell, title in zip(cells, titles, strict=True):
            fields = {"value_text": cell.group("centre"), "unit": "", "spread_kind": kind}
            fields |= {"arm": title, "outcome": outcome, "spread_low_text": cell.group("low")}
            if cell.group("high") is not None:
                fields["spread_high_text"] = cell.group("high")
            found.append(Candidate(stat, cell.start(), cell.end(), fields))
    found += _estimates(norm, values.end(), end, outcome)
    return found


_P_LINE = re.compile(
    r"(?m)^P-value:\s?(?P<cmp>[<>=\u2264\u2265])\s?(?P<p>(?:0?\.\d{1,6}|1(?:\.0{1,4})?|0))"
    r"[ \t]{0,20}$"
)


def _compared(norm: str, start: int, at: int) -> str:
    """Return "A vs B" of the last "Comparison groups" line between ``start`` and ``at``, or ''."""
    groups = list(_COMPARISON.finditer(norm, start, at))
    return f"{groups[-1].group('a')} vs {groups[-1].group('b')}" if groups else ""


def _estimates(norm: str, start: int, end: int, outcome: str) -> list[Candidate]:
    """Each statistical analysis's estimate with its interval, and its p-value, for the two
    groups it compares."""
    found = []
    for m in _P_LINE.finditer(norm, start, end):
        fields = {"value_text": m.group("p"), "comparator": m.group("cmp"), "outcome": outcome}
        fields["arm"] = _compared(norm, start, m.start())
        found.append(Candidate("p_value", m.start(), m.end(), fields))
    for m in _ESTIMATE.finditer(norm, start, end):
        measure = next(
            (named for pattern, *named in _MEASURES if pattern.search(m.group("name"))), None
        )
        if measure is None:
            continue
        kind, name = measure
        fields = {"measure": name, "value_text": m.group("est"), "outcome": outcome}
        fields["arm"] = _compared(norm, start, m.start())
        if kind == "difference":
            fields["unit"] = ""
        if m.group("lo"):
            level = float(m.group("level")) / 100 if m.group("level") else None
            fields |= {
                "ci_low_text": m.group("lo"),
                "ci_high_text": m.group("hi"),
                "ci_level": level,
            }
        found.append(Candidate(kind, m.start(), m.end(), fields))
    return found


_TIMEFRAME = re.compile(r"(?m)^End point timeframe:\s?(?P<frame>[^\n]{1,200})$")


def outcome_timepoints(norm: str) -> list[tuple[int, int, str, float]]:
    """Return (start, end, label, days) of each end point whose time is stated once for all its
    rows: the last time point of its "End point timeframe" line, else of its title ("... at
    Week 16")."""
    if "End point title:" not in norm:
        return []
    points = list(_END_POINT.finditer(norm))
    spans = []
    for index, point in enumerate(points):
        end = points[index + 1].start() if index + 1 < len(points) else len(norm)
        frame = _TIMEFRAME.search(norm, point.end(), end)
        found = last_timepoint(norm, *(frame.span("frame") if frame else point.span("title")))
        if found:
            spans.append((point.start(), end, *found))
    return spans
