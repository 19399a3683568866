"""Spans that hold digits but never statistics: identifiers, links, doses, dates, citations,
heterogeneity statistics and reference numbers. A statistic overlapping one is dropped."""

from __future__ import annotations

import re

from . import facts, revman, sas
from .spans import Scanner

# Patterns scanned over whole windows open with a literal or one character class, a lookbehind
# moved after it (r"(?<![\d.])\d" written r"\d(?<![\d.]\d)"): Python's matcher then skips to
# where that character occurs instead of trying every position (the same matches, 3-10x
# faster; tests/test_pattern_rewrites.py compares them with the plain forms).
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# The month names less their first letter, each after that letter (for DATE, see above).
_MONTH_REST = (
    r"(?:(?<=J)(?:an(?:uary)?|une?|uly?)|(?<=F)eb(?:ruary)?|(?<=M)(?:ar(?:ch)?|ay)"
    r"|(?<=A)(?:pr(?:il)?|ug(?:ust)?)|(?<=S)ep(?:t(?:ember)?)?|(?<=O)ct(?:ober)?"
    r"|(?<=N)ov(?:ember)?|(?<=D)ec(?:ember)?)"
)
DATE = re.compile(
    rf"""
    [\dJFMASOND](?<![\w.].)(?:
      (?<=\d)\d?(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\.?,?\s\d{{4}}
      |{_MONTH_REST}\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}
      |{_MONTH_REST}\.?,?\s(?:19|20)\d{{2}}
      |(?:(?<=1)9|(?<=2)0)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}
      |(?<=\d)\d?[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}(?![\d.])
      |(?<=\d)\d?/(?:19|20)\d{{2}}
      |(?:(?<=1)9|(?<=2)0)\d{{2}}\u5e74\d{{1,2}}\u6708(?:\d{{1,2}}\u65e5)?
    )(?![\w])
    """,
    re.VERBOSE,
)
# "2025;138(22):2984-2992", "75(3):660-673", "pp. 660-673", "Volume 76, Issue 3". Every
# alternative's first character (v, i, n ignoring case, as the matcher folds them) opens it.
CITATION = re.compile(
    r"""
    [\dpVvIi\u0130\u0131Nn\u5377\u671f\u9875]
    (?:(?:(?<=1)9|(?<=2)0)\d{2}\s?;\s?\d{1,4}
        (?:\s?\(\s?[\w\-]{1,8}\s?\)(?:\s?:\s?[eE]?\d{1,6}(?:\s?-\s?[eE]?\d{1,6})?)?
          |\s?:\s?[eE]?\d{1,6}(?:\s?-\s?[eE]?\d{1,6})?)(?![\d.]\d)
    |(?<=\d)(?<![\d.]\d)\d{0,3}\s?\(\s?[\w\-]{1,8}\s?\)\s?:\s?[eE]?\d{1,6}
        (?:\s?-\s?[eE]?\d{1,6})?(?![\d.]\d)
    |(?<=\d)(?<![\d.]\d)\d{0,3}\s?:\s?[eE]?\d{1,6}\s?-\s?[eE]?\d{1,6}(?![\d.]\d)
    |(?<=p)(?<![A-Za-z]p)(?:p?\.|ages?)\s?\d{1,6}(?:\s?-\s?\d{1,6})?
    |(?<![A-Za-z].)(?i:(?<=v)ol(?:ume)?\.?|(?<=i)ssue|(?<=n)o\.|(?<=\u5377)|(?<=\u671f)
        |(?<=\u9875)\u7801)\s?\d{1,6})
    """,
    re.VERBOSE,
)
# "I² = 59%", "I2 statistic of 59%", "tau² = 0.03": heterogeneity, not a count or percentage.
HETEROGENEITY = re.compile(
    r"(?:I(?<![A-Za-z]I)\s?\^?\s?[2\u00b2]|I(?<![A-Za-z]I)-squared"
    r"|t(?<![A-Za-z]t)au\s?\^?\s?[2\u00b2]|\u03c4(?<![A-Za-z]\u03c4)\s?\^?\s?[2\u00b2])"
    r"(?:\s(?:statistic|value|index))?\s?(?:=|:|of|was|\s)\s?\d{1,3}(?:\.\d{1,4})?\s?%?"
)
# Reference numbers in brackets after a word: "previous studies [3, 4]", "[12-15]"; not an
# interquartile range after a value and its unit ("median 10 days [8-13]").
_AFTER_A_VALUE = "".join(
    rf"(?<!\d\s{unit}\s\[)(?<!\d\s{unit}\[)"
    for unit in ("days", "weeks", "months", "years", "hours", "h", "d", "min", "mg", "kg", "cm")
)
REFERENCE = re.compile(
    r"\[(?<![\d.%]\[)(?<![\d.%]\s\[)"
    + _AFTER_A_VALUE
    + r"\s?\d{1,3}(?:\s?[,\-]\s?\d{1,3}){0,20}\s?\]"
    r"|\.(?<=[A-Za-z)]\.)\d{1,3}(?:[,\-]\d{1,3}){0,10}(?=\s|$)"
)
# Time windows and clock times ("24-48 h", "within 72 hours", "08:30").
CLOCK = re.compile(r"\d(?<![\d.:]\d)\d?:\d{2}(?::\d{2})?(?![\d.:])(?!\s?(?:ratio|allocation))")
# Equipment and code numbers: "version 7.0", "SPSS 26.0", "R 4.2". The letters that match v
# or s ignoring case open it (as for PHASE), for the reason given at the top.
VERSION = re.compile(
    r"[VvSs\u017f](?:(?<=[Vv])(?i:ersion|\.)|(?<=[Ss\u017f])(?i:PSS|tata|AS))"
    r"\s?\d{1,3}(?:\.\d{1,3}){0,3}"
)
# Phase labels "phase 1/2", "phase I/II".
PHASE = re.compile(r"[Pp](?i:hase)\s?(?:\d|I{1,3}|IV)(?:\s?/\s?(?:\d|I{1,3}|IV))?[ab]?")
EMAIL = re.compile(r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}")
# Snellen visual acuity: "Snellen equivalent 20/32 to 20/320", "20/40 or better".
SNELLEN = re.compile(
    r"(?<![\d./])(?:20|6)/\d{1,3}(?![\d/])(?=\s(?:or\s(?:better|worse)|to\s(?:20|6)/\d))"
    r"|(?:(?<=Snellen\s)|(?<=Snellen\sequivalent\s)|(?<=/\d\d\sto\s)|(?<=/\d\d\d\sto\s))"
    r"(?:20|6)/\d{1,3}(?![\d/])"
)
# Gestational ages in weeks and sevenths: "24 6/7 weeks", "18 0/7–24 6/7 weeks of gestation".
GESTATION = re.compile(r"(?<![\d.])[1-4]\d\s[0-6]/7(?![\d/])")
# Categories of a global assessment scale: "sPGA 0/1", "IGA 0/1 response", "ECOG 0/1" (clear
# or almost clear), not 0 of 1 patients.
SCALE_CATEGORIES = re.compile(r"(?<=[A-Z]\s)0\s?/\s?1(?![\d/])")

# Long masks, found anywhere through their literal anchors (see spans.Scanner).
ANCHORED = (
    (facts.REGISTRATION, facts.REGISTRY_ANCHORS, 0, 40),
    (facts.REGISTRATION, ("eudract",), 20, 40),
    (facts.DOI, ("10.",), 0, 260),
    (facts.URL, ("http", "www."), 0, 510),
    (EMAIL, ("@",), 70, 260),
)
# Short masks, looked for only near the candidates they could overlap. In ASCII text a mask
# with words is looked for only in windows that hold one of them (lower case), as each of its
# matches does.
NEARBY = (
    (facts.DOSE, ("10",)),
    (facts.LOST_EXPONENT_DOSE, ("10",)),
    (DATE, ()),
    (CITATION, (";", ":", "p.", "page", "vol", "issue", "no.")),
    (HETEROGENEITY, ()),
    (REFERENCE, ()),
    (CLOCK, (":",)),
    (VERSION, ("version", "v.", "spss", "stata", "sas")),
    (PHASE, ("phase",)),
    (GESTATION, ("/7",)),
    (SNELLEN, ("20/", "6/")),
    (SCALE_CATEGORIES, ("0/1", "0 / 1")),
)
_MARGIN = 90


# A thread's post numbers at the start of its posts: "1/8 🧵 Big late-breaker", "2/8 Design".
_POST_NUMBER = re.compile(r"(?m)^[ \t]{0,3}(?P<k>\d{1,2})/(?P<of>\d{1,2})(?=\s)")


def thread_numbers(norm: str, scan: Scanner) -> list[tuple[int, int]]:
    """Return the spans of a numbered thread's post numbers: three or more line openings "k/N"
    of one N whose k include 1, 2 and 3 (no fraction of people)."""
    if not scan.positions("1/") or not scan.positions("2/"):
        return []
    by_total: dict[str, list[re.Match]] = {}
    for m in _POST_NUMBER.finditer(norm):
        by_total.setdefault(m.group("of"), []).append(m)
    return [
        m.span()
        for found in by_total.values()
        if {"1", "2", "3"} <= {m.group("k") for m in found}
        for m in found
    ]


def masked_spans(norm: str, near: list[tuple[int, int]], scan: Scanner) -> list[tuple[int, int]]:
    """Return the spans of ``norm`` that can hold digits but never a statistic: identifiers,
    links and e-mail addresses anywhere, the short masks around the ``near`` spans (the
    candidates: a mask matters only where it overlaps one)."""
    spans = [*thread_numbers(norm, scan), *revman.weights(norm), *sas.masked(norm)]
    for pattern, anchors, before, after in ANCHORED:
        spans.extend(m.span() for m in scan.finditer(pattern, anchors, before, after))
    ascii_text = norm.isascii()  # lower() keeps offsets and agrees with the matcher's case
    for start, end in windows_around(near, len(norm)):
        for pattern, words in NEARBY:
            if ascii_text and words and not any(scan.occurs(w, start, end) for w in words):
                continue
            spans.extend(m.span() for m in pattern.finditer(norm, start, end))
    return spans


def windows_around(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Return the spans widened by _MARGIN on each side (within [0, length)), overlaps merged."""
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start - _MARGIN), min(length, end + _MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows
