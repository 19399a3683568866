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

import functools
import re
from typing import NamedTuple

from .arms import arm_size_candidate, sample_size_candidate
from .context import TIMEPOINT, timepoint_label
from .spans import Candidate, chained

_TITLES = re.compile(r"Arm/Group Title\s?(?::\s?|\|\s?)(?P<titles>[^\n]{1,400})")
_ROW_NUMBERS = r":?\s?(?:\|\s?)?(?P<sizes>\d{1,7}(?:(?:\s\|?\s?|\|\s?)\d{1,7}){1,9})(?!\S)"
# The rows that give each arm's size, with the stage they count: the number analysed for an
# outcome or at baseline, and the participant flow's "Started" row.
_SIZE_ROWS = (
    (re.compile(r"(?:Overall\s)?Number of Participants Analy[sz]ed" + _ROW_NUMBERS), "analysed"),
    (re.compile(r"Overall Number of Baseline Participants" + _ROW_NUMBERS), "analysed"),
    (re.compile(r"(?m)^(?:STARTED|Started)" + _ROW_NUMBERS), "randomized"),
)
# A summary's type as the registry names it: "Mean (Standard Deviation)".
_SUMMARY_TYPE = (
    r"(?P<stat>Mean|Median|Least Squares Mean)\s\((?P<spread>Standard Deviation"
    r"|Standard Error|Inter-Quartile Range|Full Range)\)"
)
_SUMMARY_HEADER = re.compile(rf"(?m)^{_SUMMARY_TYPE}\s*$")
# A baseline row that names its measure and summary before its cells: "Age, Continuous Mean
# (Standard Deviation) | 54.2 (10.1) | 55.0 (9.8) | 54.6 (9.9)".
_SUMMARY_ROW = re.compile(
    rf"(?m)^(?P<label>[^\n|]{{1,80}}?),?\s(?:Continuous\s)?{_SUMMARY_TYPE}"
    r"[^\n|]{0,40}\|(?P<cells>[^\n]{1,400})$"
)
# A count row's cells: "Count of Participants | 30 51.7% | 18 30.5%", "12 (8.0%)".
_COUNT_ROW = re.compile(r"(?m)^Count of Participants:?\s?(?:\|\s?)?(?P<cells>[^\n]{1,400})$")
_COUNT_CELL = re.compile(
    r"(?<![\d.])(?P<x>\d{1,7})\s{1,3}(?:\(\s?(?P<pct>\d{1,3}(?:\.\d{1,4})?)\s?%\s?\)"
    r"|(?P<pct2>\d{1,3}(?:\.\d{1,4})?)\s?%)"
)
# "Measure Type: Count of Participants" (and its unit's line), then rows of one count cell per
# arm under a category's name or none: "Relapse | 14 (6.6%) | 9 (4.3%)", " | 37 (17.4%) | 29".
_COUNT_TYPE_HEADER = re.compile(
    r"(?m)^Measure Type:\s?Count of Participants\s{0,3}\n(?:Unit of Measure:[^\n]{0,80}\n)?"
)
_CATEGORY_ROW = re.compile(r"(?P<label>[^\n|:]{0,80})\|(?P<cells>[^\n]{1,400})(?:\n|$)")
# ... or a row of the cells alone, right under the header: "27 18.0% | 41 27.7%".
_CELLS_ROW = re.compile(r"(?P<cells>\d[^\n]{0,400})(?:\n|$)")
# A count measured as a plain number of people: "Measure Type: Number" with "Unit of Measure:
# participants", then a row of one whole number per arm ("5 | 11", "Deaths | 5 | 11").
_PEOPLE_NUMBER_HEADER = re.compile(
    r"(?m)^Measure Type:\s?Number\s{0,3}\n(?:[^\n]{0,120}\n)?"
    r"Unit of Measure:\s?(?i:participants|patients|subjects|people|persons)\s{0,3}$"
)
# ... or as a percentage of them ("Unit of Measure: percentage of participants"), a row of one
# percentage per arm ("12.2 | 31.7").
_PERCENT_NUMBER_HEADER = re.compile(
    r"(?m)^Measure Type:\s?Number\s{0,3}(?:\n(?:[^\n]{0,120}\n)?|;\s?)"
    r"Unit of Measure:\s?(?i:percent(?:age)?\s(?:of\s)?(?:participants|patients|subjects))\s{0,3}$"
)
_DECIMAL = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,4})?(?![\d.%])")
# ... each with its interval: "Measure Type: Number (95% Confidence Interval)", a row of
# "98.2 (95.8 to 99.4) | 95.3 (92.2 to 97.5)".
_PERCENT_CI_HEADER = re.compile(
    r"(?m)^Measure Type:\s?Number\s\((?P<level>\d{2}(?:\.\d{1,2})?)%\sConfidence\sInterval\)"
    r"\s{0,3}\n(?:[^\n]{0,120}\n)?"
    r"Unit of Measure:\s?(?i:percent(?:age)?\s(?:of\s)?(?:participants|patients|subjects))\s{0,3}$"
)


def _number_row(cell_chars: str) -> re.Pattern:
    """Return the pattern of a table row of numbers, labelled or not ("Deaths | 5 | 11")."""
    return re.compile(
        rf"(?m)^(?:(?P<label>[^\n|\d][^\n|]{{0,80}}?)\s?\|\s?)?(?P<cells>{cell_chars}{{1,200}})$"
    )


_PLAIN_ROW = _number_row(r"[\d|\s]")
_DECIMAL_ROW = _number_row(r"[\d.|\s]")
_INTERVAL_ROW = _number_row(r"[\d.()\-|\sto]")  # "98.2 (95.8 to 99.4) | 95.3 (92.2 to 97.5)"
_WHOLE = re.compile(r"(?<![\d.])\d{1,7}(?![\d.%])")
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
# Baseline in Body Weight at Week 36", "Primary Outcome Measure: Number of Participants Who
# Died".
# (A record copied from the web page separates a row's label from its cells with a tab, which
# the reader sees as a bar: "Title|Percentage of Participants ...".)
_OUTCOME_TITLE = re.compile(
    r"(?m)^(?:Title|(?:(?:Primary|Secondary|Other Pre-specified)\s)?Outcome Measure)[:|]"
    r"[ ]?(?P<title>[^\n]{1,200})$"
)
# The lines that open a section of a results record: an outcome measure, its title, a table of
# adverse events, baseline characteristics, participant flow, eligibility, the posting dates.
_SECTION_START = re.compile(
    r"(?m)^(?P<outcome>(?:(?:Primary|Secondary|Other Pre-specified)\s)?Outcome Measure"
    r"|Title(?::|\|| (?=[A-Z])))"
    r"|^(?:Serious\s|Other\s|All-Cause\s)?(?:Adverse Events|Mortality)"
    r"|^Baseline Characteristics|^Participant Flow|^Eligibility|^Results First Posted"
)
_TIME_FRAME = re.compile(r"(?m)^Time Frame(?:[:|]\s?|\s(?=[A-Z0-9]))(?P<frame>[^\n]{1,300})$")
_FLOW_HEADING = re.compile(r"Reason Not Completed|Reasons? for (?:Not Completing|Withdrawal)")
# A statistical analysis's estimate, in ClinicalTrials.gov's vocabulary of estimation
# parameters ("Hazard Ratio, log" is on the log scale and is left alone), with its interval:
#   Mean Difference (Final Values) -11.2 / 95% Confidence Interval -12.9 to -9.5
#   Estimation Parameter | Hazard Ratio (HR) / Estimated Value 0.68 / Confidence Interval
#   (2-Sided) 95% / 0.52 to 0.89 (or "Confidence Interval: (2-Sided) 95%")
_PARAMETER = {
    "Hazard Ratio": ("ratio", "HR"),
    "Cox Proportional Hazard": ("ratio", "HR"),
    "Odds Ratio": ("ratio", "OR"),
    "Risk Ratio": ("ratio", "RR"),
    "Mean Difference": ("difference", "mean difference"),
    "Median Difference": ("difference", "median difference"),
    "Risk Difference": ("difference", "risk difference"),
}
_GAP = r"[\s|:]{1,6}"  # "Risk Difference (RD): 19.5", "95% Confidence Interval: 8.1 to 30.9"
_LEVEL = r"\d{2}(?:\.\d{1,2})?"
# Printed in the registry's Title Case and layout only: an estimate is either labelled
# "Estimated Value" or followed by the registry's interval line, so prose such as "odds ratio
# 1.9 (95% CI 1.2-3.1)" near a results table is left to the general readers.
_PARAMETER_NAME = (
    rf"(?P<parameter>{'|'.join(_PARAMETER)})(?:\s\((?:Final\sValues|Net|HR|OR|RR|RD"
    rf"|Conditional|Mantel[\s\-]Haenszel)\))?(?!,\slog)"
)
_INTERVAL = (
    rf"(?:{_GAP}(?:(?P<level>{_LEVEL})\s?%\sConfidence\sInterval"
    rf"|Confidence\sInterval(?::\s?|[\s|])\(2-Sided\){_GAP}(?P<level2>{_LEVEL})\s?%)"
    rf"{_GAP}(?P<lo>{_NUMBER})\sto\s(?P<hi>{_NUMBER}))?(?![\d.])"
)
_ESTIMATE = re.compile(
    rf"{_PARAMETER_NAME}{_GAP}(?:(?P<labelled>Estimated\sValue){_GAP})?(?P<est>{_NUMBER})"
    + _INTERVAL
)
# ... or the value first, then what it estimates ("Estimated Value: 17.0 / Parameter Type: Risk
# Difference (RD) / Confidence Interval (2-Sided) 95%: 6.6 to 27.4").
_ESTIMATE_VALUE_FIRST = re.compile(
    rf"(?P<labelled>Estimated\sValue){_GAP}(?P<est>{_NUMBER}){_GAP}Parameter\sType{_GAP}"
    rf"{_PARAMETER_NAME}" + _INTERVAL
)
# The spread printed after an analysis's interval: "Parameter Dispersion Type: Standard Error
# of the Mean / Value: 1.42" is a difference's SE; a standard deviation, or any spread of a
# ratio (perhaps of its logarithm), is kept in the estimate's span but not read.
_DISPERSION = re.compile(
    rf"{_GAP}Parameter\sDispersion(?:\sType)?{_GAP}(?:Type{_GAP})?"
    rf"(?:(?P<se_type>Standard\sError(?:\sof\s(?:the\s)?[Mm]ean)?)|Standard\sDeviation)"
    rf"{_GAP}Value{_GAP}(?P<value>{_NUMBER})(?![\d.])"
)
# How far a block's rows may run after its arm titles, and its title before them.
_BLOCK = 1500
_TITLE_BEFORE = 1500


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
        sizes = _sizes(norm, block.end(), end, titles)
        found += sizes
        found += _flow_counts(norm, end, titles, sizes)
        previous = blocks[index - 1].end() if index else 0
        titled = list(
            _OUTCOME_TITLE.finditer(
                norm, max(previous, block.start() - _TITLE_BEFORE), block.start()
            )
        )
        outcome = titled[-1].group("title").strip() if titled else ""
        found += _summaries(norm, block.end(), end, titles, outcome)
        analysed = {
            c.fields["arm"]: c.fields["size"]
            for c in sizes
            if c.kind == "arm_size" and c.fields["population"] == "analysed"
        }
        found += _counts(norm, block.end(), end, titles, outcome, analysed)
        found += _estimates(norm, block.end(), end, outcome)
    return found


def _estimates(norm: str, start: int, end: int, outcome: str) -> list[Candidate]:
    """The estimates of a block's statistical analyses, each with its interval."""
    found = []
    matches = [
        *_ESTIMATE.finditer(norm, start, end),
        *_ESTIMATE_VALUE_FIRST.finditer(norm, start, end),
    ]
    for m in sorted(matches, key=lambda m: m.start()):
        if not (m.group("labelled") or m.group("lo")):
            continue
        kind, measure = _PARAMETER[m.group("parameter")]
        fields = {"measure": measure, "value_text": m.group("est"), "outcome": outcome}
        if kind == "difference":
            # a risk difference of percentages of participants is in percentage points
            in_points = measure == "risk difference" and (
                _PERCENT_NUMBER_HEADER.search(norm, start, m.start())
                or _PERCENT_CI_HEADER.search(norm, start, m.start())
            )
            fields["unit"] = "percentage points" if in_points else ""
        if m.group("lo"):
            level = m.group("level") or m.group("level2")
            fields.update(
                ci_low_text=m.group("lo"), ci_high_text=m.group("hi"), ci_level=float(level) / 100
            )
        stop = m.end()
        if spread := _DISPERSION.match(norm, stop):
            stop = spread.end()
            if kind == "difference" and spread.group("se_type"):
                fields.update(spread_kind="se", spread_low_text=spread.group("value"))
        found.append(Candidate(kind, m.start(), stop, fields))
    return found


def _sizes(norm: str, start: int, end: int, titles: list[str]) -> list[Candidate]:
    """Each arm's size in the rows that give one per title; a "Total" column's is the sample
    size."""
    found = []
    for row, population in _SIZE_ROWS:
        m = row.search(norm, start, end)
        if not m:
            continue
        numbers = list(re.finditer(r"\d+", m.group("sizes")))
        if len(numbers) != len(titles):
            continue
        offset = m.start("sizes")
        for n, title in zip(numbers, titles, strict=True):
            at = (offset + n.start(), offset + n.end(), n.group())
            if _is_total(title):
                found.append(sample_size_candidate(*at, population))
            else:
                found.append(arm_size_candidate(*at, title, population))
    return found


def _flow_counts(norm: str, end: int, titles: list[str], sizes: list[Candidate]) -> list[Candidate]:
    """The participant flow's counts after its "STARTED" row: each row of one whole number per
    arm ("COMPLETED | 114 | 103", "Adverse Event | 4 | 3") a count over the arm's started size,
    its label the outcome; under a "Reason Not Completed" heading."""
    started = {c.fields["arm"]: c for c in sizes if c.fields.get("population") == "randomized"}
    if len(started) < 2:
        return []
    first = min(c.start for c in started.values())
    line_start = norm.find("\n", first) + 1
    found = []
    while 0 < line_start < end:
        line_end = norm.find("\n", line_start)
        line_end = end if line_end < 0 else min(line_end, end)
        if _FLOW_HEADING.fullmatch(norm, line_start, line_end):
            line_start = line_end + 1
            continue
        # "COMPLETED | 114 | 103", "Adverse Event | 4 | 3": a labelled row of whole numbers
        row = _PLAIN_ROW.fullmatch(norm, line_start, line_end)
        label = (row.group("label") or "").rstrip(" :") if row else ""
        cells = list(_WHOLE.finditer(norm, row.start("cells"), row.end("cells"))) if row else []
        if not label[:1].isalpha() or len(cells) != len(titles):
            break
        for cell, title in zip(cells, titles, strict=True):
            if _is_total(title) or title not in started:
                continue
            fields = {
                "numerator": int(cell.group()),
                "value_text": cell.group(),
                "arm": title,
                "outcome": label.strip().lower(),
                "denominator": started[title].fields["size"],
            }
            found.append(Candidate("count", cell.start(), cell.end(), fields))
        line_start = line_end + 1
    return found


def _is_total(title: str) -> bool:
    return title.lower() in {"total", "overall", "all participants"}


def _counts(
    norm: str, start: int, end: int, titles: list[str], outcome: str, analysed: dict[str, int]
) -> list[Candidate]:
    """A "Count of Participants" row: each arm's count and percentage, in title order, out of
    the number its arm analysed in the block; also the rows of categories under "Measure Type:
    Count of Participants" ("Relapse | 14 (6.6%) | 9 (4.3%)")."""
    found = []
    rows = [*_COUNT_ROW.finditer(norm, start, end)]
    for header in _COUNT_TYPE_HEADER.finditer(norm, start, end):
        rows += (r for r in chained(_CATEGORY_ROW, norm, header.end(), 20) if r.end() <= end)
        bare = _CELLS_ROW.match(norm, header.end(), end)
        rows += [bare] if bare else []
    for row in rows:
        cells = list(_COUNT_CELL.finditer(norm, row.start("cells"), row.end("cells")))
        if len(cells) != len(titles):
            continue
        for cell, title in zip(cells, titles, strict=True):
            if _is_total(title):
                continue
            fields = {
                "numerator": int(cell.group("x")),
                "value_text": cell.group("x"),
                "percent_text": cell.group("pct") or cell.group("pct2"),
                "arm": title,
                "outcome": outcome,
                "denominator": analysed.get(title),
            }
            found.append(Candidate("count", cell.start(), cell.end(), fields))
    for header in _PEOPLE_NUMBER_HEADER.finditer(norm, start, end):
        found += _people_numbers(norm, header.end(), end, titles, outcome, analysed)
    for header in _PERCENT_NUMBER_HEADER.finditer(norm, start, end):
        found += _percentages(norm, header.end(), end, titles, outcome)
    for header in _PERCENT_CI_HEADER.finditer(norm, start, end):
        found += _percentages_with_intervals(norm, header, end, titles, outcome)
    return found


def _row_of_arms(
    norm: str,
    start: int,
    end: int,
    titles: list[str],
    row: re.Pattern,
    cell: re.Pattern,
    lines: int,
) -> tuple[str, list[tuple[re.Match, str]]]:
    """Return the label and the (cell, arm title) pairs, totals left out, of the first of the
    ``lines`` lines after ``start`` that is a ``row`` of one ``cell`` per title; ('', []) when
    none is."""
    line_start = start + 1
    for _ in range(lines):
        line_end = norm.find("\n", line_start)
        line_end = end if line_end == -1 else min(line_end, end)
        found = row.fullmatch(norm, line_start, line_end)
        cells = list(cell.finditer(norm, found.start("cells"), found.end("cells"))) if found else []
        if found and len(cells) == len(titles):
            pairs = [(c, t) for c, t in zip(cells, titles, strict=True) if not _is_total(t)]
            return (found.group("label") or "").strip(), pairs
        line_start = line_end + 1
        if line_start >= end:
            break
    return "", []


def _percentages(
    norm: str, start: int, end: int, titles: list[str], outcome: str
) -> list[Candidate]:
    """The row of percentages of people (one per arm) on the line after a "Measure Type: Number /
    Unit of Measure: percentage of participants" header; a label before the cells names the
    outcome. Each is a percentage of its arm, which the granularity check holds against the
    number the arm analysed."""
    label, cells = _row_of_arms(norm, start, end, titles, _DECIMAL_ROW, _DECIMAL, 1)
    return [
        Candidate(
            "percentage",
            cell.start(),
            cell.end(),
            {"value_text": cell.group(), "unit": "%", "arm": title, "outcome": label or outcome},
        )
        for cell, title in cells
    ]


def _percentages_with_intervals(
    norm: str, header: re.Match, end: int, titles: list[str], outcome: str
) -> list[Candidate]:
    """The row of percentages of people with their intervals (one per arm) on the line after a
    "Measure Type: Number (95% Confidence Interval) / Unit of Measure: percentage of
    participants" header; a label before the cells names the outcome."""
    label, cells = _row_of_arms(norm, header.end(), end, titles, _INTERVAL_ROW, _CELL, 1)
    level = float(header.group("level")) / 100
    return [
        Candidate(
            "percentage",
            cell.start(),
            cell.end(),
            {
                "value_text": cell.group("centre"),
                "unit": "%",
                "arm": title,
                "outcome": label or outcome,
                "ci_low_text": cell.group("low"),
                "ci_high_text": cell.group("high"),
                "ci_level": level,
            },
        )
        for cell, title in cells
        if cell.group("high") is not None
    ]


def _people_numbers(
    norm: str, start: int, end: int, titles: list[str], outcome: str, analysed: dict[str, int]
) -> list[Candidate]:
    """The row of whole numbers of people (one per arm) within the two lines after a "Measure
    Type: Number / Unit of Measure: participants" header: counts out of each arm's analysed
    number; a label before the cells ("Deaths | 5 | 11") names the outcome."""
    label, cells = _row_of_arms(norm, start, end, titles, _PLAIN_ROW, _WHOLE, 2)
    return [
        Candidate(
            "count",
            cell.start(),
            cell.end(),
            {
                "numerator": int(cell.group()),
                "value_text": cell.group(),
                "arm": title,
                "outcome": label or outcome,
                "denominator": analysed.get(title),
            },
        )
        for cell, title in cells
    ]


def _summaries(norm: str, start: int, end: int, titles: list[str], outcome: str) -> list[Candidate]:
    """A row of one summary per arm under a "Mean (Standard Deviation)" header, within the two
    lines after it."""
    found = []
    for row in _SUMMARY_ROW.finditer(norm, start, end):
        stat, kind = _summary_type(row)
        cells = list(_CELL.finditer(norm, row.start("cells"), row.end("cells")))
        if len(cells) == len(titles):
            label = row.group("label").strip()
            for cell, title in zip(cells, titles, strict=True):
                if not _is_total(title):
                    found.append(_summary(cell, stat, kind, title, label))
    for header in _SUMMARY_HEADER.finditer(norm, start, end):
        stat, kind = _summary_type(header)
        # a model's means ("Least Squares Mean"): a model's difference is theirs
        model_based = header.group("stat") == "Least Squares Mean"
        line_start = header.end()
        for _ in range(3):
            line_end = norm.find("\n", line_start + 1)
            line_end = end if line_end == -1 else min(line_end, end)
            cells = list(_CELL.finditer(norm, line_start, line_end))
            if len(cells) == len(titles):
                for cell, title in zip(cells, titles, strict=True):
                    found.append(_summary(cell, stat, kind, title, outcome, model_based))
                break
            line_start = line_end
    return found


def _summary_type(m: re.Match) -> tuple[str, str]:
    """Return (statistic kind, spread kind) of a match of _SUMMARY_TYPE."""
    return ("median" if m.group("stat") == "Median" else "mean"), _SPREAD_KIND[m.group("spread")]


def _summary(
    cell: re.Match, stat: str, kind: str, arm: str, outcome: str, model_based: bool = False
) -> Candidate:
    fields = {
        "value_text": cell.group("centre"),
        "unit": "",
        "spread_kind": kind,
        "arm": arm,
        "outcome": outcome,
        "adjusted": model_based,
    }
    if cell.group("high") is not None:
        fields.update(spread_low_text=cell.group("low"), spread_high_text=cell.group("high"))
    elif kind in {"sd", "se"}:
        fields.update(spread_low_text=cell.group("low"))
    else:
        fields["spread_kind"] = ""
    return Candidate(stat, cell.start(), cell.end(), fields)


def outcome_timepoints(norm: str) -> list[tuple[int, int, str, float]]:
    """Return (start, end, label, days) of each section of a registry record whose time point
    is stated once for all its rows: the last time point of its "Time Frame:" line other than
    baseline ("Baseline, Week 36" is week 36), else the last one of its "Title:" line ("...
    Weight Reduction at Week 36")."""
    if "Time Frame" not in norm and "Arm/Group Title" not in norm:
        return []
    sections = list(_SECTION_START.finditer(norm))
    spans = []
    for index, section in enumerate(sections):
        start = section.start()
        end = sections[index + 1].start() if index + 1 < len(sections) else len(norm)
        frame = _TIME_FRAME.search(norm, start, end)
        if frame:
            found = last_timepoint(norm, frame.start("frame"), frame.end("frame"))
        elif section.group("outcome"):
            line_end = norm.find("\n", start, end)
            found = last_timepoint(norm, start, end if line_end == -1 else line_end)
        else:
            found = None
        if found:
            spans.append((start, end, *found))
    return spans


# An adverse-event row and the event it counts, on the line before: "Adverse Events: Total,
# serious adverse events" / "Affected / at Risk (%): 4/152 (2.63%) | 7/150 (4.67%)".
_AFFECTED_ROW = re.compile(r"(?m)^Affected\s?/\s?at\sRisk\b[^\n]{0,400}$")
_EVENT_LINE = re.compile(
    r"(?:[^\n:]{0,60}:\s?)?(?:Total,\s)?(?P<event>[A-Za-z][^\n|:]{0,120}?)\s{0,3}$"
)


def outcome_sections(norm: str) -> list[tuple[int, int, str, bool]]:
    """Return (start, end, outcome, named_by_row) of the parts of a registry record whose rows
    measure one outcome: a section under a "Title:" line, named by it, and each "Affected / at
    Risk" row of adverse events, named by the line before it (without "Total, "; named_by_row:
    the row's own label is no outcome)."""
    if "Title:" not in norm and "Outcome Measure:" not in norm and "Affected" not in norm:
        return []
    spans = []
    sections = list(_SECTION_START.finditer(norm))
    for index, section in enumerate(sections):
        title = _OUTCOME_TITLE.match(norm, section.start())
        if title:
            end = sections[index + 1].start() if index + 1 < len(sections) else len(norm)
            spans.append((section.start(), end, title.group("title").strip(), False))
    for row in _AFFECTED_ROW.finditer(norm):
        line_start = norm.rfind("\n", 0, max(0, row.start() - 1)) + 1
        event = _EVENT_LINE.fullmatch(norm, line_start, max(line_start, row.start() - 1))
        if event:
            spans.append((row.start(), row.end(), event.group("event").strip(), True))
    return sorted(spans)


# A statistical analysis of a results table: "Statistical Analysis 1 / Comparison Group
# Selection: Placebo, GZR-118 4.8 mg / P-Value <0.001 / Mean Difference ... -11.2". It runs to
# the next analysis, table or section.
_ANALYSIS_START = re.compile(
    r"(?m)^(?:Statistical Analysis\b|(?P<selection>Comparison Group Selection\b))"
)
_COMPARISON_GROUPS = re.compile(r"Comparison Group Selection:?\s?(?P<groups>[^\n]{1,300})")


class Analysis(NamedTuple):
    start: int
    end: int
    arms: str  # "A vs B", the arm titles in the order selected
    first: str
    second: str
    table_start: int  # where the table of the arms it compares begins


# A statistical analysis whose estimate comes from a model with covariates ("Method: ANCOVA",
# "Mixed Models Analysis", "Regression, Logistic") or strata ("Cochran-Mantel-Haenszel"), not
# from the table's raw summaries or counts.
_MODEL_METHOD = re.compile(
    r"(?i)\bMethod(?:\sof\sAnalysis)?[:|]\s?"
    r"(?:ANCOVA|Analysis\sof\sCovariance|Mixed\sModels?|MMRM|Regression|Cox|Generali[sz]ed"
    r"|(?:Cochran[\s\-]+)?Mantel[\s\-]+Haenszel|CMH|Stratified)"
)


# A statistical analysis that names its test of the 2x2 table: "Method: Fisher Exact",
# "Method: Chi-squared", "Method: Chi-squared, Corrected" (ClinicalTrials.gov's names).
_NAMED_TEST = re.compile(
    r"(?im)^Method[:|][ \t]?(?P<test>Fisher(?:'s)?\sExact|Chi-squared?(?:,\sCorrected)?)"
    r"(?:\stest)?[ \t]*$"
)


def by_named_test(norm: str) -> list[tuple[int, int, str]]:
    """Return (start, end, test) of each statistical analysis that names its test of the 2x2
    table, as "fisher", "chi-squared" or "chi-squared, corrected"."""
    if "Method" not in norm:
        return []
    found = []
    for analysis in analyses(norm):
        named = _NAMED_TEST.search(norm, analysis.start, analysis.end)
        if named:
            test = named.group("test").lower()
            test = "fisher" if test.startswith("fisher") else test
            found.append((analysis.start, analysis.end, test))
    return found


def by_model(norm: str) -> list[tuple[int, int]]:
    """Return (start, end) of each statistical analysis that names a model with covariates."""
    if "Method" not in norm:
        return []
    return [
        (analysis.start, analysis.end)
        for analysis in analyses(norm)
        if _MODEL_METHOD.search(norm, analysis.start, analysis.end)
    ]


@functools.lru_cache(maxsize=4)
def analyses(norm: str) -> tuple[Analysis, ...]:
    """Return each statistical analysis of a registry record that compares two arms of the
    table above it: those its "Comparison Group Selection" names, else the table's only two.
    Cached: the adjusted marks, the comparisons and the arms of a document each ask."""
    if "Statistical Analysis" not in norm and "Comparison Group Selection" not in norm:
        return ()
    tables = list(_TITLES.finditer(norm))
    starts = [m for m in _ANALYSIS_START.finditer(norm)]
    found = []
    for index, opener in enumerate(starts):
        if opener.group("selection") and index and _same_analysis(norm, starts[index - 1], opener):
            continue  # the selection of the analysis opened just before
        above = [t for t in tables if t.end() <= opener.start()]
        if not above:
            continue
        following = [m.start() for m in starts[index + 1 :] if not _joins(norm, opener, m)][:1]
        following += [
            m.start()
            for m in (_TITLES.search(norm, opener.end()), _SECTION_START.search(norm, opener.end()))
            if m
        ]
        end = min(following, default=len(norm))
        titles = [t.strip() for t in above[-1].group("titles").split("|") if t.strip()]
        pair = _selected(norm, opener.start(), end, titles)
        if pair:
            found.append(Analysis(opener.start(), end, " vs ".join(pair), *pair, above[-1].start()))
    return tuple(found)


def _same_analysis(norm: str, previous: re.Match, selection: re.Match) -> bool:
    """Return True if a selection line belongs to the analysis opened just before it."""
    return not previous.group("selection") and not _SECTION_START.search(
        norm, previous.end(), selection.start()
    )


def _joins(norm: str, opener: re.Match, later: re.Match) -> bool:
    return bool(later.group("selection")) and _same_analysis(norm, opener, later)


def _selected(norm: str, start: int, end: int, titles: list[str]) -> tuple[str, str] | None:
    """Return the two arm titles an analysis compares, in the order it selects them."""
    selection = _COMPARISON_GROUPS.search(norm, start, end)
    if selection is None:
        arms = [t for t in titles if not _is_total(t)]
        return (arms[0], arms[1]) if len(arms) == 2 else None
    groups = selection.group("groups")
    # the longest title first, so "GZR-118 4.8 mg" is not also found inside a longer one
    chosen: list[tuple[int, str]] = []
    for title in sorted(titles, key=len, reverse=True):
        at = _title_at(groups, title, chosen)
        if at >= 0:
            chosen.append((at, title))
    if len(chosen) != 2:
        return None
    (_, first), (_, second) = sorted(chosen)
    return first, second


def _title_at(groups: str, title: str, chosen: list[tuple[int, str]]) -> int:
    """Return where an arm title stands in a comparison's selection, outside titles already
    found there, or -1."""
    for found in re.finditer(rf"(?<![\w.]){re.escape(title)}(?![\w.])", groups):
        if not any(at <= found.start() < at + len(other) for at, other in chosen):
            return found.start()
    return -1


def last_timepoint(norm: str, start: int, end: int) -> tuple[str, float] | None:
    labels = [timepoint_label(m) for m in TIMEPOINT.finditer(norm, start, end)]
    labels = [label for label in labels if label[0] != "baseline"]
    return labels[-1] if labels else None
