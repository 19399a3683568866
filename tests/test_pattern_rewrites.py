"""Patterns rewritten for speed find exactly what their plain forms find.

The plain forms below are the patterns as first written (a lookbehind first, a case-insensitive
alternation, one pattern for all outcome phrases, a search from the window's start); each test
runs both on random strings built from the characters and words the patterns care about, on
whole strings and on windows of them, and compares every match (span and groups)."""

from __future__ import annotations

import random
import re

import pytest

from trialaudit import context, facts, grammar, masks, studies
from trialaudit.spans import Scanner, chained

PLAIN = {
    "DOSE": re.compile(
        facts.DOSE.pattern.replace(
            r"(?P<mantissa>\d(?<![\d.]\d)\d{0,3}", r"(?<![\d.])(?P<mantissa>\d{1,4}"
        ),
        re.VERBOSE,
    ),
    "LOST_EXPONENT_DOSE": re.compile(
        r"(?<![\d.\u00d7x])(?<![\d.\u00d7x]\s)10(?P<e>[4-9]|1[0-2])\s?(?P<unit>(?:cells?|MSCs?)"
        r"\s?(?:/\s?kg|per\s(?:kg|infusion|dose)))"
    ),
    "HETEROGENEITY": re.compile(
        r"(?<![A-Za-z])(?:I\s?\^?\s?[2\u00b2]|I-squared|(?:tau|\u03c4)\s?\^?\s?[2\u00b2])"
        r"(?:\s(?:statistic|value|index))?\s?(?:=|:|of|was|\s)\s?\d{1,3}(?:\.\d{1,4})?\s?%?"
    ),
    "REFERENCE": re.compile(
        r"(?<![\d.%])(?<![\d.%]\s)\[\s?\d{1,3}(?:\s?[,\-]\s?\d{1,3}){0,20}\s?\]"
        r"|(?<=[A-Za-z)])\.\d{1,3}(?:[,\-]\d{1,3}){0,10}(?=\s|$)"
    ),
    "CLOCK": re.compile(
        r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d.:])(?!\s?(?:ratio|allocation))"
    ),
    "VERSION": re.compile(r"(?i:version|v\.|SPSS|Stata|SAS)\s?\d{1,3}(?:\.\d{1,3}){0,3}"),
    "PHASE": re.compile(r"(?i:phase)\s?(?:\d|I{1,3}|IV)(?:\s?/\s?(?:\d|I{1,3}|IV))?[ab]?"),
}
PLAIN |= {
    "_JOURNAL_PDF": re.compile(r"\bPDF\s\((?P<j>[A-Z][A-Za-z&,.:\- ]{2,100})\)"),
    "_YEAR_CITATION": re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s?;\s?\d{1,4}\s?[(:]"),
    "_YEAR_COPYRIGHT": re.compile(
        r"(?i)(?:copyright\s?(?:\(c\)|\u00a9)?|\u00a9|published(?:\sonline)?:?)\s?"
        r"(?:[A-Za-z]{3,9}\.?\s)?(?:\d{1,2},?\s)?(?P<y>(?:19|20)\d{2})\b"
    ),
    "SENTENCE_END": re.compile(
        r"(?:(?<=[.!?])|(?<=[.!?]\[\d\])|(?<=[.!?]\[\d\d\])|(?<=\]\[\d\])|(?<=\]\[\d\d\]))"
        r"\s{1,50}(?=[A-Z(\[\"']|[\u00c0-\u00d6\u00d8-\u00de\u0141\u015a\u0179\u017b\u0391-\u03a9\u0401\u0410-\u042f])|\n{1,50}"
        r"|(?:(?<=[\w)%][.!?])(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bal\.))"
        r"\s{1,50}(?=[a-z]{1,3}[A-Z]{1,6}\b)"
        r"|(?:(?<=[\d%)]\.)|(?<=[a-z]{4}\.)(?<!approx\.)(?<!resp\.)(?<!incl\.)(?<!excl\.)"
        r"(?<!figs\.)(?<!refs\.))\s{1,50}(?=\d)"
    ),
    "DISTRIBUTED": re.compile(
        r"(?i)\b(?:on|at|by)\s(?P<unit>day|week|month|year)s\s(?P<n>\d{1,4})\s?\("
    ),
    "DATE": re.compile(
        rf"""
        (?<![\w.])(?:
          \d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{masks._MONTH}\.?,?\s\d{{4}}
          |{masks._MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}
          |{masks._MONTH}\.?,?\s(?:19|20)\d{{2}}
          |(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}
          |\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}(?![\d.])
          |\d{{1,2}}/(?:19|20)\d{{2}}
          |(?:19|20)\d{{2}}\u5e74\d{{1,2}}\u6708(?:\d{{1,2}}\u65e5)?
        )(?![\w])
        """,
        re.VERBOSE,
    ),
    "CITATION": re.compile(
        r"""
        (?:19|20)\d{2}\s?;\s?\d{1,4}
            (?:\s?\(\s?[\w\-]{1,8}\s?\)(?:\s?:\s?[eE]?\d{1,6}(?:\s?-\s?[eE]?\d{1,6})?)?
              |\s?:\s?[eE]?\d{1,6}(?:\s?-\s?[eE]?\d{1,6})?)(?![\d.]\d)
        |(?<![\d.])\d{1,4}\s?\(\s?[\w\-]{1,8}\s?\)\s?:\s?[eE]?\d{1,6}(?:\s?-\s?[eE]?\d{1,6})?
            (?![\d.]\d)
        |(?<![\d.])\d{1,4}\s?:\s?[eE]?\d{1,6}\s?-\s?[eE]?\d{1,6}(?![\d.]\d)
        |(?<![A-Za-z])(?:pp?\.|pages?)\s?\d{1,6}(?:\s?-\s?\d{1,6})?
        |(?<![A-Za-z])(?i:vol(?:ume)?\.?|issue|no\.|\u5377|\u671f|\u9875\u7801)\s?\d{1,6}
        """,
        re.VERBOSE,
    ),
}
REWRITTEN = {
    "_JOURNAL_PDF": studies._JOURNAL_PDF,
    "_YEAR_CITATION": studies._YEAR_CITATION,
    "_YEAR_COPYRIGHT": studies._YEAR_COPYRIGHT,
    "SENTENCE_END": grammar.SENTENCE_END,
    "DISTRIBUTED": context.DISTRIBUTED,
    "DATE": masks.DATE,
    "CITATION": masks.CITATION,
    "DOSE": facts.DOSE,
    "LOST_EXPONENT_DOSE": facts.LOST_EXPONENT_DOSE,
    "HETEROGENEITY": masks.HETEROGENEITY,
    "REFERENCE": masks.REFERENCE,
    "CLOCK": masks.CLOCK,
    "VERSION": masks.VERSION,
    "PHASE": masks.PHASE,
}
# Characters and pieces the patterns read, and letters that match others ignoring case.
PIECES = [
    *"0123456789.,:;%[]()-/ \n\t!?\"'_+xX\u00d7^\u00b2IiVvSsPpCc\u017fK\u212a\u0131aA\u00e9\u4e00",
    "10", "x 10^", " x 10", "\u00d7 10", "cells/kg", " MSCs per kg", "4 x 10^6 cells/kg",
    "1.5 \u00d7 10\u2076 MSCs/kg", "2 x 10(7) cells per infusion", "1e6", "3 x 107 cells/kg",
    "106 cells/kg", "107 MSCs per kg", " x106", "x 10 6", "\u00d7 10e8 viable cells",
    "I2 = ", "I\u00b2 ", "I-squared ",
    "tau2 ", "\u03c4\u00b2 = ", "[3, 4]", "studies.", ".12", "08:30", " ratio",
    "version ", "VERSION ", "v.", "SPSS ", "\u017fpss ", "Stata ", "sas ", "phase ", "PHASE ",
    "Phase I/II", "death", "DIED", "adverse events", "AE", "SAEs", "6-MWD", "6 min walk",
    "six-minute walk", "intubated", "ICU admission", "admitted to the ICU", "length of stay",
    "hospitalization", "PaO2/FiO2", "FEV1", "diffusing capacity", "recovered", "symptoms",
    "quality of life", "general health", "whole-lung lesion", "ground glass", "normal CT",
    "\u6b7b\u4ea1", "mortality", "survival", "fever", "tuberculosis", "solid component lesion",
    "mechanical ventilation", "oxygenation", "IL-6 (", "FEV1, ", "group ", "p = 0.01",
    "Copyright ", "(c) ", "\u00a9 ", "Published online: ", "Jan. 3, ", "2021;", "1999", "2020",
    "PDF (", "Journal ", ". The", "?  (", "\n\n", "2020; 12(", "12:", "Ann Intern Med",
    "on days 28 (", "At Weeks 4 (",
    "by months 6(", "on day\u017f 3 (", "3rd of March 2021", "Jan. 5, 2020", "June 2021",
    "Sept 1999", "12/2020", "3.4.21", "2021-03-04", "2020\u5e743\u6708", "Vol. 7", "Issue 2",
    "\u0131ssue 3", "\u0130SSUE 4", "No. 5", "pp. 12-15", "page 3", "\u5377 3", "\u9875\u7801 5",
    "2020;12(3):4-5", "175:1-9", "75(3):660-673", "approx. ", "resp. ", "excl. ", "figs. ",
    "the group. ", "(4%). ", "p<0.001. 5", ".[16] ", "[3][12] ", ".[4] ",
    "PDF (Stem Cell Res Ther)", "\u00a9 2021 ", "Copyright (c) 2020 ", "published: May 2019 ",
]  # fmt: skip


def _strings(seed: int, count: int, pieces: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(PIECES, k=rnd.randint(1, pieces))) for _ in range(count)]


def _matches(pattern: re.Pattern, text: str, start: int, end: int) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_rewritten_pattern_finds_what_its_plain_form_finds(name):
    plain, rewritten = PLAIN[name], REWRITTEN[name]
    assert plain.pattern != rewritten.pattern
    rnd = random.Random(name)
    found = 0
    for text in _strings(len(name), 20_000):
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        for window in ((0, len(text)), (start, end)):
            expected = _matches(plain, text, *window)
            assert _matches(rewritten, text, *window) == expected, (text, window)
            found += len(expected)
    assert found > 100  # the strings do exercise the pattern


def test_masked_spans_are_those_of_every_mask_in_every_window():
    """The word test that skips windows (ASCII text) loses no mask span."""
    for text in _strings(7, 3000, pieces=30):
        scan = Scanner(text)
        near = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
        assert masks.masked_spans(text, near, scan) == _plain_masked_spans(text, near, scan)


def _plain_masked_spans(norm: str, near: list[tuple[int, int]], scan: Scanner) -> list:
    """masked_spans without skipping any window."""
    spans = []
    for pattern, anchors, before, after in masks.ANCHORED:
        spans.extend(m.span() for m in scan.finditer(pattern, anchors, before, after))
    for start, end in masks.windows_around(near, len(norm)):
        for pattern, _ in masks.NEARBY:
            spans.extend(m.span() for m in pattern.finditer(norm, start, end))
    return spans


def test_outcome_mentions_are_those_of_the_one_pattern_of_all_outcomes():
    whole = re.compile(
        "|".join(
            f"(?P<o{i}>{context._scoped(pattern)})"
            for i, (_, pattern) in enumerate(context.OUTCOMES)
        )
    )
    found = 0
    rnd = random.Random(3)
    for text in _strings(11, 20_000, pieces=20):
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        for window in ((0, len(text)), (start, end)):
            expected = [
                (m.start(), context.OUTCOMES[int(m.lastgroup[1:])][0] or m.group().lower())
                for m in whole.finditer(text, *window)
            ]
            assert context._outcome_mentions(text, *window) == expected, (text, window)
            found += len(expected)
    assert found > 1000


def test_label_before_searches_as_from_the_window_start():
    rnd = random.Random(5)
    for text in _strings(13, 20_000, pieces=16):
        start = rnd.randint(0, len(text))
        sentence = (rnd.randint(0, start), len(text))
        window = text[max(sentence[0], start - 60) : start]
        plain = context._LABEL_BEFORE.search(window)
        fast = context._LABEL_BEFORE.search(window, context._label_search_start(window))
        assert (fast and (fast.span(), fast.groupdict())) == (
            plain and (plain.span(), plain.groupdict())
        ), window


def test_chained_matches_follow_each_other_up_to_the_limit():
    item = re.compile(r",?\s?(?P<n>\d)")
    assert [m["n"] for m in chained(item, "a 1, 2, 3, 4 b 5", 1, 10)] == ["1", "2", "3", "4"]
    assert [m["n"] for m in chained(item, "a 1, 2, 3, 4", 1, 2)] == ["1", "2"]
    assert list(chained(item, "a b 1", 1, 10)) == []
