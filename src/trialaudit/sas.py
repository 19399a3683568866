"""SAS listing output of PROC FREQ and PROC TTEST, as a .lst file prints it or a clinical study
report pastes it:

                              Table of TRT01A by RESP8
              TRT01A(Actual Treatment)     RESP8(Week 8 HAM-A Response)
              Frequency      |N       |Y       |  Total
              ---------------+--------+--------+
              DRUG 40 MG     |     38 |     74 |    112
              PLACEBO        |     61 |     49 |    110
              Total                99      123      222

              Statistic                     DF       Value      Prob
              Chi-Square                     1     10.4076    0.0013
              Two-sided Pr <= P             0.0018

Each row of the cross-table is an arm: its cells are counts of the column variable's values
(the last value, Y / Yes / 1 in SAS's sort order, is the event), its total the arm's size, and
the grand total the sample. The statistics table's chi-square tests and Fisher's two-sided p
are tests of that table, each named by its method. PROC TTEST prints each arm's N, mean and SD,
the difference with its CL by the pooled and the Satterthwaite method, both t tests and the
folded F test of equal variances (SAS/STAT User's Guide, "The FREQ Procedure" and "The TTEST
Procedure"). Only two-arm tables make comparisons; every other number inside a listing (page
numbers, standard errors, one arm's CL, percentages of the grand total) is masked.
A procedure that prints several tables or variables under one title is read one table
(from its "Table of" line) or one variable (from its "Variable:" line) at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from .arms import arm_size_candidate, sample_size_candidate
from .registry import last_timepoint
from .spans import Candidate

# The method names a test or p-value row carries (the row field "method"), as the checks
# name the statistics they recompute.
PEARSON = "Pearson chi-square"
YATES = "Pearson chi-square, Yates"
LIKELIHOOD_RATIO = "likelihood-ratio chi-square"
MANTEL_HAENSZEL = "Mantel-Haenszel chi-square"
FISHER = "Fisher exact"
POOLED_T = "Student's pooled t"
WELCH_T = "Welch's t"
FOLDED_F = "folded F"
METHOD_FLAG = "method_"  # a statistics row's flag: "method_Fisher exact", ...

_TITLE = re.compile(r"The (?P<procedure>FREQ|TTEST) Procedure")
_NUMBER = re.compile(r"\d[\d.]{0,20}%?")
# a p as SAS prints it: "<.0001", "0.0285", "1.0000", or in E notation ("2.3E-7")
_P = r"(?P<p><\s?\.\d{1,6}|\d\.\d{1,6}E-\d{1,3}|[01]?\.\d{1,6}|1\.0{0,6})"

# PROC FREQ
_TABLE_OF = re.compile(r"(?m)^[ \t]{0,40}Table of (?P<rows>\w{1,32}) by (?P<columns>\w{1,32})")
_LEGEND = ("Frequency", "Expected", "Deviation", "Cell Chi-Square", "Percent", "Row Pct", "Col Pct")
_LEGEND_LINE = re.compile(r"[ \t]{0,40}(?P<item>" + "|".join(_LEGEND) + r")[ \t]{0,20}\|?[ \t]*$")
_HEADER = re.compile(
    r"(?m)^[ \t]{0,40}(?P<item>" + "|".join(_LEGEND) + r")[ \t]{0,20}\|(?P<values>[^\n]{1,200}?)"
    r"\|?[ \t]{0,20}Total[ \t]*$"
)
_RULE = re.compile(r"[ \t]{0,40}-{2,}[-+]{0,300}[ \t]*$")
_GRAND_TOTAL = re.compile(r"[ \t]{0,40}Total(?:[ \t]{1,20}\d{1,9}){2,20}[ \t]*$")
_CELL = re.compile(r"\d{1,9}(?:\.\d{1,6})?")
_STATISTIC = re.compile(
    r"(?m)^[ \t]{0,40}(?P<name>(?:Likelihood Ratio |Continuity Adj\. |Mantel-Haenszel )?)"
    r"(?P<test>Chi-Square[ \t]{1,40}(?P<df>\d{1,4})[ \t]{1,20}(?P<value>\d{1,9}\.\d{1,6}))"
    rf"[ \t]{{1,20}}{_P}[ \t]*$"
)
_CHI_SQUARES = {
    "": PEARSON,
    "Likelihood Ratio ": LIKELIHOOD_RATIO,
    "Continuity Adj. ": YATES,
    "Mantel-Haenszel ": MANTEL_HAENSZEL,
}
_FISHER = re.compile(rf"Two-sided Pr <= P[ \t]{{1,40}}{_P}")
_SAMPLE_SIZE = re.compile(r"Sample Size = (?P<n>\d{1,9})")

# PROC TTEST
_VARIABLE = re.compile(
    r"Variable:[ \t]{1,10}(?P<name>\w{1,32})(?:[ \t]{1,10}\((?P<label>[^)\n]{1,160})\))?"
)
_SUMMARY_HEADER = re.compile(
    r"(?m)^[ \t]{0,40}(?P<by>\w{1,32})[ \t]{1,40}(?:Method[ \t]{1,40})?N[ \t]{1,20}Mean"
    r"[ \t]{1,20}Std Dev[ \t]{1,20}Std Err[^\n]{0,80}$"
)
_SIGNED = r"-?\d{1,9}(?:\.\d{1,9})?"
_ARM_SUMMARY = re.compile(
    rf"[ \t]{{0,40}}(?P<arm>\S[^\n]{{0,60}}?)[ \t]{{2,40}}(?P<n>\d{{1,9}})[ \t]{{1,20}}"
    rf"(?P<mean>{_SIGNED})[ \t]{{1,20}}(?P<sd>\d{{1,9}}(?:\.\d{{1,9}})?)[ \t]{{1,20}}\d"
)
_DIFFERENCE = re.compile(
    rf"(?m)^[ \t]{{0,40}}Diff \((?P<order>[12]-[12])\)[ \t]{{1,20}}(?P<method>Pooled|Satterthwaite)"
    rf"[ \t]{{1,20}}(?P<estimate>{_SIGNED})(?P<rest>[^\n]{{0,120}})$"
)
_CL_HEADER = re.compile(r"Mean[ \t]{1,20}(?P<level>\d{2}(?:\.\d)?)% CL Mean")
_CL = re.compile(rf"[ \t]{{1,20}}(?P<low>{_SIGNED})[ \t]{{1,20}}(?P<high>{_SIGNED})")
_T_TEST = re.compile(
    r"(?m)^[ \t]{0,40}(?P<method>Pooled|Satterthwaite)[ \t]{1,20}(?:Equal|Unequal)[ \t]{1,20}"
    rf"(?P<test>(?P<df>\d{{1,9}}(?:\.\d{{1,4}})?)[ \t]{{1,20}}(?P<t>{_SIGNED}))[ \t]{{1,20}}{_P}"
    r"[ \t]*$"
)
_FOLDED_F = re.compile(
    r"Folded (?P<test>F[ \t]{1,20}(?P<df1>\d{1,9})[ \t]{1,20}(?P<df2>\d{1,9})[ \t]{1,20}"
    rf"(?P<f>\d{{1,9}}\.\d{{1,9}}))[ \t]{{1,20}}{_P}"
)
_T_METHODS = {"Pooled": POOLED_T, "Satterthwaite": WELCH_T}


@dataclass
class Listing:
    """One procedure's output: where it runs, what it read, and its two-arm comparison's
    parts (candidate indices into ``found``) when it has exactly two arms."""

    procedure: str
    start: int
    end: int
    found: list[Candidate] = field(default_factory=list)
    arms: list[str] = field(default_factory=list)
    outcome_span: tuple[int, int] | None = None  # the label of the variable analysed


# A line of prose, which a listing never prints: a sentence of 80 characters or more from a
# capital to its full stop ("Reviewer's Comment: I reproduced the Applicant's ...").
_PROSE_LINE = re.compile(r"(?m)^[ \t]{0,4}[A-Z][^\n|]{80,2000}[.!?][ \t]*$")


def _sections(norm: str) -> list[tuple[str, int, int]]:
    """Each procedure's output: from its title to the next title or the first line of prose."""
    titles = list(_TITLE.finditer(norm))
    sections = []
    for i, m in enumerate(titles):
        end = titles[i + 1].start() if i + 1 < len(titles) else len(norm)
        prose = _PROSE_LINE.search(norm, m.end(), end)
        sections.append((m["procedure"], m.start(), prose.start() if prose else end))
    return sections


def listings(norm: str) -> tuple[Listing, ...]:
    """Return each PROC FREQ or PROC TTEST listing of a text with what it reports (read once a
    document: the candidates, the masks, the comparisons and the time points all ask)."""
    return _listings(norm) if " Procedure" in norm else ()


@lru_cache(maxsize=1)
def _listings(norm: str) -> tuple[Listing, ...]:
    found = []
    for procedure, start, end in _sections(norm):
        freq = procedure == "FREQ"
        for part_start, part_end in _parts(norm, start, end, _TABLE_OF if freq else _VARIABLE):
            listing = Listing(procedure, part_start, part_end)
            (_read_freq if freq else _read_ttest)(norm, listing)
            found.append(listing)
    return tuple(found)


def _parts(norm: str, start: int, end: int, heading: re.Pattern) -> list[tuple[int, int]]:
    """Split one procedure's output at each of its tables ("Table of ARM by RESP24") or
    variables ("Variable:  CHG24"), the first part keeping the title above it."""
    cuts = [m.start() for m in heading.finditer(norm, start, end)][1:]
    bounds = [start, *cuts, end]
    return list(pairwise(bounds))


def candidates(norm: str) -> list[Candidate]:
    """Return the statistics of every SAS listing of a text (copies: the listings are cached)."""
    return [replace(c, fields=dict(c.fields)) for listing in listings(norm) for c in listing.found]


def masked(norm: str) -> list[tuple[int, int]]:
    """Return the spans of the numbers inside a listing that are none of its statistics."""
    spans = []
    for listing in listings(norm):
        taken = [(c.start, c.end) for c in listing.found]
        for m in _NUMBER.finditer(norm, listing.start, listing.end):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                spans.append(m.span())
    return spans


def outcome_timepoints(norm: str) -> list[tuple[int, int, str, float]]:
    """Return (start, end, label, days) of each listing whose variable's label gives a time
    point ("RESP8(Week 8 HAM-A Response)", "Change from baseline to Week 8 in ...")."""
    spans = []
    for listing in listings(norm):
        found = listing.outcome_span and last_timepoint(norm, *listing.outcome_span)
        if found:
            spans.append((listing.start, listing.end, *found))
    return spans


def _lines(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, offset = [], start
    while offset < end:
        stop = norm.find("\n", offset, end)
        stop = end if stop < 0 else stop
        spans.append((offset, stop))
        offset = stop + 1
    return spans


def _label(norm: str, start: int, end: int, name: str) -> tuple[str, tuple[int, int] | None]:
    """The label SAS prints after a variable's name ("RESP8(Week 8 HAM-A Response)") and its
    span, else the name."""
    m = re.compile(rf"\b{re.escape(name)}\((?P<label>[^)\n]{{1,120}})\)").search(norm, start, end)
    return (m["label"].strip(), m.span("label")) if m else (name, None)


def _read_freq(norm: str, listing: Listing) -> None:
    table = _TABLE_OF.search(norm, listing.start, listing.end)
    header = _HEADER.search(norm, listing.start, listing.end)
    if not table or not header:
        return
    variable, listing.outcome_span = _label(norm, table.end(), header.start(), table["columns"])
    values = [v.strip() for v in header["values"].split("|")]
    legend = [*_legend_above(norm, header.start()), header["item"]]
    if "Frequency" not in legend:
        return
    blocks, grand_total = _freq_rows(norm, header.end(), listing.end, len(values))
    arms = []
    for label, lines in blocks:
        by_item = dict(zip(legend, lines, strict=False))
        cells = by_item.get("Frequency")
        if cells is None or len(cells) < len(values):
            continue
        total = cells[len(values)] if len(cells) > len(values) else None
        percents = by_item.get("Row Pct") or []
        arms.append(label)
        for index, value in enumerate(values):
            start, end, text = cells[index]
            fields = {"numerator": int(float(text)), "value_text": text, "arm": label}
            fields["outcome"] = variable if index == len(values) - 1 else f"{variable} = {value}"
            if total is not None:
                fields["denominator"] = int(float(total[2]))
            if index < len(percents):
                fields["percent_text"] = percents[index][2]
            listing.found.append(Candidate("count", start, end, fields))
        if total is not None:
            listing.found.append(arm_size_candidate(total[0], total[1], total[2], label, ""))
    if grand_total is not None:
        listing.found.append(sample_size_candidate(*grand_total, ""))
    listing.arms = arms
    _freq_tests(norm, listing, variable)


def _legend_above(norm: str, start: int) -> list[str]:
    """The legend's items on the lines above the header, top first."""
    items: list[str] = []
    end = start - 1
    while end > 0 and len(items) < len(_LEGEND):
        line_start = norm.rfind("\n", 0, end) + 1
        m = _LEGEND_LINE.fullmatch(norm, line_start, end)
        if not m:
            break
        items.insert(0, m["item"])
        end = line_start - 1
    return items


def _freq_rows(norm: str, start: int, end: int, columns: int):
    """The arms' blocks of lines (label, [cells of each line]) below the header, and the grand
    total's span and text."""
    blocks: list[tuple[str, list[list[tuple[int, int, str]]]]] = []
    for line_start, line_end in _lines(norm, start + 1, end):
        if _RULE.fullmatch(norm, line_start, line_end):
            continue
        if _GRAND_TOTAL.fullmatch(norm, line_start, line_end):
            last = list(_CELL.finditer(norm, line_start, line_end))[-1]
            return blocks, (last.start(), last.end(), last.group())
        line = norm[line_start:line_end]
        if "|" not in line:
            break
        bar = line.index("|")
        label = line[:bar].strip()
        cells = [
            (m.start(), m.end(), m.group())
            for m in _CELL.finditer(norm, line_start + bar, line_end)
        ]
        if label:
            blocks.append((label, [cells]))
        elif blocks:
            blocks[-1][1].append(cells)
    return blocks, None


def _pair(listing: Listing) -> dict:
    return {"arm": " vs ".join(listing.arms)} if len(listing.arms) == 2 else {}


def _freq_tests(norm: str, listing: Listing, variable: str) -> None:
    own = {"outcome": variable} | _pair(listing)
    for m in _STATISTIC.finditer(norm, listing.start, listing.end):
        method = {"method": _CHI_SQUARES[m["name"]]}
        fields = {"test_type": "chi2", "df1": float(m["df"]), "df2": None, "comparator": "="}
        fields |= {"value_text": m["value"]} | own | method
        listing.found.append(Candidate("test", *m.span("test"), fields))
        listing.found.append(_p_value(m, own | method))
    fisher = _FISHER.search(norm, listing.start, listing.end)
    if fisher:
        listing.found.append(_p_value(fisher, own | {"method": FISHER}))
    size = _SAMPLE_SIZE.search(norm, listing.start, listing.end)
    if size:
        listing.found.append(sample_size_candidate(*size.span(), size["n"], ""))


def _p_value(m: re.Match, own: dict) -> Candidate:
    text = m["p"].replace(" ", "")
    comparator = "<" if text.startswith("<") else "="
    fields = {"value_text": text.lstrip("<"), "comparator": comparator}
    return Candidate("p_value", *m.span("p"), fields | own)


def _read_ttest(norm: str, listing: Listing) -> None:
    variable = _VARIABLE.search(norm, listing.start, listing.end)
    header = _SUMMARY_HEADER.search(norm, listing.start, listing.end)
    if not variable or not header:
        return
    outcome = (variable["label"] or variable["name"]).strip()
    listing.outcome_span = variable.span("label" if variable["label"] else "name")
    for line_start, line_end in _lines(norm, header.end() + 1, listing.end):
        row = _ARM_SUMMARY.match(norm, line_start, line_end)
        if not row or row["arm"].startswith("Diff ("):
            break
        arm = row["arm"].strip()
        listing.arms.append(arm)
        fields = {"value_text": row["mean"], "spread_kind": "sd", "spread_low_text": row["sd"]}
        fields |= {"arm": arm, "outcome": outcome}
        listing.found.append(Candidate("mean", row.start("mean"), row.end("sd"), fields))
        listing.found.append(arm_size_candidate(*row.span("n"), row["n"], arm, ""))
    own = {"outcome": outcome} | _pair(listing)
    level = _CL_HEADER.search(norm, header.end(), listing.end)
    for m in _DIFFERENCE.finditer(norm, header.end(), listing.end):
        fields = {"value_text": m["estimate"], "measure": "mean difference", "unit": ""}
        fields |= own | {"method": _T_METHODS[m["method"]]}
        end = m.end("estimate")
        if level and m.start() > level.end():
            interval = _CL.match(m["rest"])
            if interval:
                fields |= {"ci_low_text": interval["low"], "ci_high_text": interval["high"]}
                fields["ci_level"] = float(level["level"]) / 100
                end = m.start("rest") + interval.end()
        listing.found.append(Candidate("difference", m.start("estimate"), end, fields))
    for m in _T_TEST.finditer(norm, header.end(), listing.end):
        method = {"method": _T_METHODS[m["method"]]}
        fields = {"test_type": "t", "df1": float(m["df"]), "df2": None, "comparator": "="}
        fields |= {"value_text": m["t"]} | own | method
        listing.found.append(Candidate("test", *m.span("test"), fields))
        listing.found.append(_p_value(m, own | method))
    folded = _FOLDED_F.search(norm, header.end(), listing.end)
    if folded:
        method = {"method": FOLDED_F}
        fields = {"test_type": "F", "df1": float(folded["df1"]), "df2": float(folded["df2"])}
        fields |= {"comparator": "=", "value_text": folded["f"]} | own | method
        listing.found.append(Candidate("test", *folded.span("test"), fields))
        listing.found.append(_p_value(folded, own | method))
