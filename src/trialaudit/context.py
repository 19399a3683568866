"""What a statistic is about: its sentence, arm, outcome and time point."""

from __future__ import annotations

import bisect
import functools
import re

from .grammar import NUMBER_WORDS, SENTENCE_END

CONTROL_WORDS = re.compile(
    r"(?i)\b(?:placebo|control|controls|standard\s(?:of\s)?care|usual\scare|conventional|sham|SOC)\b"
)
_STOP = frozenset(
    (
        "a an the either or and to with of in on for were was be been received receive "
        "receiving randomized randomised assigned allocated finally who that which while "
        "patients group arm vs versus"
    ).split()
)
ARM_AFTER = re.compile(
    r"(?i)[^;]{0,60}?\bin\sthe\s(?P<arm>[A-Za-z0-9+\-]{1,25}(?:\s[A-Za-z0-9+\-]{1,25}){0,4}?)"
    r"\s(?:group|arm)\b"
)
ARM_BEFORE = re.compile(
    r"(?i)\b(?:in|for)\sthe\s(?P<arm>[A-Za-z0-9+\-]{1,25}(?:\s[A-Za-z0-9+\-]{1,25}){0,4}?)"
    r"\s(?:group|arm)\s?[,:]?\s?$"
)
TIMEPOINT = re.compile(
    r"""(?ix)
    \b(?:(?P<unit1>day|week|month|year)s?\s(?P<n1>\d+)(?![\d.])
      |(?P<n2>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)
       [\s-](?P<unit2>day|week|month|year)s?\b(?!\s?walk)
    )"""
)
OUTCOMES = (
    ("mortality", re.compile(r"(?i)\b(?:mortality|deaths?|died|survival)\b")),
    ("normal_ct", re.compile(r"(?i)\bnormal\s(?:CT|findings\son\scomputed\stomography|chest\sCT)")),
    ("reinfection", re.compile(r"(?i)\breinfection")),
    ("adverse_events", re.compile(r"(?i)\badverse\sevents?\b")),
    ("whole_lung_lesion_volume", re.compile(r"(?i)whole[-\s]lung\slesion")),
    ("solid_component_lesion_volume", re.compile(r"(?i)solid\scomponent\slesion")),
    ("six_minute_walk", re.compile(r"(?i)\b6-?(?:min(?:ute)?)[\s-]walk")),
    ("sf36_general_health", re.compile(r"(?i)general\shealth")),
    ("fev1", re.compile(r"\bFEV1\b")),
    ("vcmax", re.compile(r"\bVCmax\b")),
)
_WORD_NUMBERS = {**NUMBER_WORDS, "twenty-four": 24, "thirty-six": 36}


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence or line of ``text``."""
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


class Sentences:
    """Look up the sentence that contains an offset."""

    def __init__(self, text: str) -> None:
        self.bounds = sentence_bounds(text)
        self.starts = [start for start, _ in self.bounds]

    def of(self, offset: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence containing ``offset``."""
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        if not self.bounds:
            return (0, 0)
        return self.bounds[index]


def clean_arm(label: str) -> str:
    """Return an arm label without leading articles or verbs ('either an MSC infusion' -> 'MSC
    infusion'): words are kept from the end back to the first stop word."""
    words = label.split()
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _STOP:
            break
        kept.append(word)
    return " ".join(reversed(kept))


def arm_key(label: str) -> str:
    """Return a matching key for an arm label (case-folded, group/arm words removed)."""
    words = [w for w in clean_arm(label).lower().split() if w not in {"group", "arm"}]
    return " ".join(words)


def is_control(label: str) -> bool:
    """Return True if an arm label names a control, placebo or usual-care arm."""
    return bool(CONTROL_WORDS.search(label))


def arm_near(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """Return the arm named right after (or else right before) a span in its sentence."""
    after = ARM_AFTER.match(text, end, sentence[1])
    if after:
        return clean_arm(after.group("arm"))
    before = ARM_BEFORE.search(text, max(sentence[0], start - 80), start)
    if before:
        return clean_arm(before.group("arm"))
    return ""


def timepoint_label(match: re.Match) -> tuple[str, float]:
    """Return a canonical label ('month 12') and the time in days for a TIMEPOINT match."""
    unit = (match.group("unit1") or match.group("unit2")).lower()
    raw = (match.group("n1") or match.group("n2")).lower()
    number = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    days = number * {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}[unit]
    return f"{unit} {number}", days


@functools.lru_cache(maxsize=512)
def _timepoints(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, label) of every time point in text[start:end] (cached per sentence,
    which every statistic of the sentence asks about)."""
    return tuple(
        (m.start(), m.end(), timepoint_label(m)[0]) for m in TIMEPOINT.finditer(text, start, end)
    )


def nearest_timepoint(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """Return the time point mentioned nearest to a span within its sentence, or ''."""
    best, best_distance = "", None
    for m_start, m_end, label in _timepoints(text, sentence[0], sentence[1]):
        distance = start - m_end if m_end <= start else m_start - end
        if distance < 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = label, distance
    return best


@functools.lru_cache(maxsize=512)
def _outcomes(text: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    """Return (start, key) of every outcome named in text[start:end], in OUTCOMES order
    (cached per sentence)."""
    return tuple(
        (m.start(), key) for key, pattern in OUTCOMES for m in pattern.finditer(text, start, end)
    )


def outcome_of(text: str, offset: int, sentence: tuple[int, int]) -> str:
    """Return the outcome named nearest before ``offset`` in its sentence (else the first named
    after it), or '' when none is recognised."""
    before, after = (-1, ""), (len(text) + 1, "")
    for m_start, key in _outcomes(text, sentence[0], sentence[1]):
        if m_start < offset and m_start > before[0]:
            before = (m_start, key)
        elif m_start >= offset and m_start < after[0]:
            after = (m_start, key)
    return before[1] or after[1]
