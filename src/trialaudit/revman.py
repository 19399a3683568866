"""A meta-analysis forest plot exported as text by Review Manager (RevMan 5):

    Study or Subgroup     Zelvoprant      Placebo        Weight   Risk Ratio
                          Events  Total   Events  Total           M-H, Random, 95% CI
    Abernathy 2016        14      120     25      118    21.5%    0.55 [0.30, 1.01]
    Total (95% CI)                655             652    100.0%   0.62 [0.47, 0.82]
    Total events          73              117

Each row above the total is one trial (study S1, S2, ... in row order): its events and total in
each arm and its estimate with the CI; the pooled rows are one more study. Continuous outcomes
print each arm's mean, SD and total instead of events and total. A trial's weight is not read.
"""

from __future__ import annotations

import re

from .arms import arm_size_candidate
from .numbers import DEC, SIGNED
from .registry import last_timepoint
from .spans import Candidate

_MEASURES = {
    "Risk Ratio": ("ratio", "RR"),
    "Odds Ratio": ("ratio", "OR"),
    "Peto Odds Ratio": ("ratio", "OR"),
    "Hazard Ratio": ("ratio", "HR"),
    "Risk Difference": ("difference", "risk difference"),
    "Mean Difference": ("difference", "mean difference"),
    "Std. Mean Difference": ("difference", "standardized mean difference"),
}
_HEADER = re.compile(
    r"(?m)^Study or Subgroup[ \t]{2,}(?P<arms>[^\n]{1,120}?)[ \t]{2,}Weight[ \t]{2,}"
    r"(?P<measure>" + "|".join(re.escape(m) for m in _MEASURES) + r")\b[^\n]{0,80}\n"
    r"(?P<columns>[^\n]{0,200})\n"
)
# The pooling model the header names: "M-H, Random, 95% CI" -> "MH_random".
_MODEL = re.compile(r"(?P<method>M-H|IV|Peto),\s?(?P<effects>Fixed|Random)")
POOLED_FLAG = "pooled_"  # a statistics row's flag: "pooled_MH_random", "pooled_IV_fixed", ...

_SEP = r"[ \t]{1,30}"
_ESTIMATE = rf"(?P<est>{SIGNED})\s?\[(?P<lo>{SIGNED}),\s?(?P<hi>{SIGNED})\]?"
_WEIGHT = r"(?:\d{1,3}(?:\.\d{1,2})?%" + _SEP + r")?"
_BINARY_ROW = re.compile(
    rf"(?P<study>[^\s\d][^\n]{{0,60}}?)[ \t]{{2,30}}(?P<e1>\d{{1,6}}){_SEP}(?P<n1>\d{{1,6}}){_SEP}"
    rf"(?P<e2>\d{{1,6}}){_SEP}(?P<n2>\d{{1,6}}){_SEP}{_WEIGHT}{_ESTIMATE}"
)
_CONTINUOUS_ROW = re.compile(
    rf"(?P<study>[^\s\d][^\n]{{0,60}}?)[ \t]{{2,30}}(?P<m1>{SIGNED}){_SEP}(?P<sd1>{DEC}){_SEP}"
    rf"(?P<n1>\d{{1,6}}){_SEP}(?P<m2>{SIGNED}){_SEP}(?P<sd2>{DEC}){_SEP}(?P<n2>\d{{1,6}}){_SEP}"
    rf"{_WEIGHT}{_ESTIMATE}"
)
_TOTAL_ROW = re.compile(
    rf"Total \((?P<level>\d{{2}})% CI\){_SEP}(?P<n1>\d{{1,7}}){_SEP}(?P<n2>\d{{1,7}}){_SEP}"
    rf"{_WEIGHT}{_ESTIMATE}"
)
_TOTAL_EVENTS = re.compile(rf"Total events{_SEP}(?P<e1>\d{{1,7}}){_SEP}(?P<e2>\d{{1,7}})\b")
_WEIGHT_CELL = re.compile(r"(?<=[ \t])\d{1,3}(?:\.\d{1,2})?%(?=[ \t]{1,30}-?\d)")
# The pooled rows' tests: "Heterogeneity: Tau² = 0.00; Chi² = 1.24, df = 4 (P = 0.87); I² = 0%"
# and "Test for overall effect: Z = 3.43 (P = 0.0006)".
_P = r"\((?P<p>P\s?(?P<cmp>[=<>])\s?(?P<pv>0?\.\d{1,6}|1\.0{1,4}|1))\)"
_HETEROGENEITY = re.compile(
    rf"Heterogeneity:[^\n]{{0,60}}?(?P<test>Chi\u00b2\s?=\s?(?P<stat>{DEC}),\s?df\s?=\s?"
    rf"(?P<df>\d{{1,3}}))\s?{_P}"
)
_OVERALL = re.compile(rf"Test for overall effect:\s?(?P<test>Z\s?=\s?(?P<stat>{DEC}))\s?{_P}")
# "Outcome 1.1: New-onset atrial fibrillation ...", or in an analysis caption "Analysis 2.1.
# Comparison 2: Drug versus placebo, Outcome 1: Death at 90 days"
_OUTCOME = re.compile(r"(?m)(?:^|,\s)Outcome\s[\d.]{1,8}:\s?(?P<outcome>[^\n]{1,200})$")
# "New-onset atrial fibrillation within 7 days of surgery": what, then when
_TIME_TAIL = re.compile(
    r"(?i)\s(?:within|at|by|after|over|during|in|up\sto)\s[^\n]{0,40}\d[^\n]{0,60}$"
)
_ROWS = 60  # how many lines a forest plot's trials may take


def weights(norm: str) -> list[tuple[int, int]]:
    """Return the spans of the trials' weights ("21.5%"), which are no statistic of a trial."""
    if "Study or Subgroup" not in norm:
        return []
    spans = []
    for header in _HEADER.finditer(norm):
        for start, end in _lines(norm, header.end()):
            spans += [m.span() for m in _WEIGHT_CELL.finditer(norm, start, end)]
    return spans


def _lines(norm: str, start: int) -> list[tuple[int, int]]:
    lines, offset = [], start
    for _ in range(_ROWS):
        end = norm.find("\n", offset)
        end = len(norm) if end < 0 else end
        lines.append((offset, end))
        if end >= len(norm):
            break
        offset = end + 1
    return lines


def candidates(norm: str) -> list[Candidate]:
    """Return the counts, arm sizes, summaries and estimates of every forest plot in a text."""
    if "Study or Subgroup" not in norm:
        return []
    found: list[Candidate] = []
    for header in _HEADER.finditer(norm):
        arms = [a.strip() for a in re.split(r"[ \t]{2,}", header["arms"].strip()) if a.strip()]
        if len(arms) != 2:
            continue
        kind, measure = _MEASURES[header["measure"]]
        binary = "Events" in header["columns"]
        row_pattern = _BINARY_ROW if binary else _CONTINUOUS_ROW
        titled = list(_OUTCOME.finditer(norm, 0, header.start()))
        outcome = _TIME_TAIL.sub("", titled[-1]["outcome"].strip()) if titled else ""
        common = {"measure": measure, "outcome": outcome}
        model = _MODEL.search(norm, header.start(), header.end())
        pooled = f"{model['method'].replace('-', '')}_{model['effects'].lower()}" if model else ""
        study = 0
        for start, end in _lines(norm, header.end()):
            total = _TOTAL_ROW.match(norm, start, end)
            if total:
                study += 1
                for arm, group in zip(arms, ("n1", "n2"), strict=True):
                    size = arm_size_candidate(*total.span(group), total[group], arm, "analysed")
                    size.fields |= _own(arm, study, outcome)
                    found.append(size)
                found.append(_estimate(total, kind, common | {"pooled_model": pooled}, study, arms))
                after = (total.end(), min(len(norm), total.end() + 400))
                found += _pooled_tests(norm, *after, f"S{study}", outcome, arms)
                events = _TOTAL_EVENTS.search(norm, *after)
                if events and binary:
                    for arm, e, n in zip(arms, ("e1", "e2"), ("n1", "n2"), strict=True):
                        fields = {"numerator": int(events[e]), "value_text": events[e]}
                        fields |= {"denominator": int(total[n])} | _own(arm, study, outcome)
                        found.append(Candidate("count", *events.span(e), fields))
                break
            row = row_pattern.match(norm, start, end)
            if not row:
                continue
            study += 1
            for arm, one in zip(arms, ("1", "2"), strict=True):
                if binary:
                    fields = {"numerator": int(row["e" + one]), "value_text": row["e" + one]}
                    fields |= {"denominator": int(row["n" + one])}
                    span = (row.start("e" + one), row.end("n" + one))
                    found.append(Candidate("count", *span, fields | _own(arm, study, outcome)))
                else:
                    fields = {"value_text": row["m" + one], "spread_kind": "sd"}
                    fields |= {"spread_low_text": row["sd" + one]}
                    span = (row.start("m" + one), row.end("sd" + one))
                    found.append(Candidate("mean", *span, fields | _own(arm, study, outcome)))
                    n = "n" + one
                    size = arm_size_candidate(*row.span(n), row[n], arm, "analysed")
                    size.fields |= _own(arm, study, outcome)
                    found.append(size)
            found.append(_estimate(row, kind, common, study, arms))
    return found


def _pooled_tests(
    norm: str, start: int, end: int, study: str, outcome: str, arms: list[str]
) -> list[Candidate]:
    """The pooled rows' heterogeneity chi-square (Cochran's Q, of no arm) and the z test of the
    overall effect, each with its p."""
    found = []
    for pattern, letter, arm in ((_HETEROGENEITY, "chi2", ""), (_OVERALL, "z", " vs ".join(arms))):
        m = pattern.search(norm, start, end)
        if not m:
            continue
        own = {"study": study, "outcome": outcome, "arm": arm}
        df = float(m["df"]) if letter == "chi2" else None
        fields = {"test_type": letter, "df1": df, "df2": None, "value_text": m["stat"]}
        found.append(Candidate("test", *m.span("test"), fields | {"comparator": "="} | own))
        fields = {"value_text": m["pv"], "comparator": m["cmp"]}
        found.append(Candidate("p_value", *m.span("p"), fields | own))
    return found


def _own(arm: str, study: int, outcome: str) -> dict:
    return {"arm": arm, "study": f"S{study}", "outcome": outcome}


def _estimate(m: re.Match, kind: str, common: dict, study: int, arms: list[str]) -> Candidate:
    fields = common | {"value_text": m["est"], "ci_low_text": m["lo"], "ci_high_text": m["hi"]}
    fields |= {"study": f"S{study}", "arm": f"{arms[0]} vs {arms[1]}"}
    if kind == "difference":
        fields["unit"] = ""
    return Candidate(kind, m.start("est"), m.end(), fields)


def outcome_timepoints(norm: str) -> list[tuple[int, int, str, float]]:
    """Return (start, end, label, days) of each forest plot's outcome whose title gives its
    time point ("Outcome 1.1: New-onset atrial fibrillation within 7 days of surgery"): the
    section runs from the title to the next one."""
    if "Study or Subgroup" not in norm:
        return []
    titles = list(_OUTCOME.finditer(norm))
    spans = []
    for index, title in enumerate(titles):
        end = titles[index + 1].start() if index + 1 < len(titles) else len(norm)
        found = last_timepoint(norm, title.start("outcome"), title.end("outcome"))
        if found:
            spans.append((title.start(), end, *found))
    return spans
