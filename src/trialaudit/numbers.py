"""Numbers as printed: the regex pieces that match them and their values."""

from __future__ import annotations

import re

from .rounding import parse_p, parse_reported

# An integer with optional thousands separators ("1,234"); digits are bounded.
INT = r"(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,9})"
# A decimal number as printed, including a bare leading decimal point (".03").
DEC = rf"(?:{INT}(?:\.\d{{1,9}})?|\.\d{{1,9}})"
# A signed number; the sign may be followed by one space ("- 10.8").
SIGNED = rf"(?:[-+]\s?)?{DEC}"

NUMBER_WORDS = {
    "zero": 0,
    "none": 0,
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one hundred": 100,
    "a hundred": 100,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty-four", "thirty six"
COMPOUND_WORDS = {
    f"{t}{sep}{u}": NUMBER_WORDS[t] + NUMBER_WORDS[u]
    for t in _TENS
    for u in _UNITS
    for sep in ("-", " ")
}
_ALL_WORDS = {**NUMBER_WORDS, **COMPOUND_WORDS}


def trie_pattern(words: list[str]) -> str:
    """Return a regex alternation of ``words`` nested by common prefix, so that a position that
    starts no word is rejected after a character or two (a flat alternation tries every word)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        """Return the alternation of the words below ``node``."""
        ends = "" in node
        branches = [
            (r"\s" if char == " " else re.escape(char)) + render(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        return f"{body}?" if ends else body

    return render(tree)


_BELOW_HUNDRED = [w for w in _ALL_WORDS if w not in {"no", "none", "zero"} and "hundred" not in w]
_WORD_TRIE = trie_pattern(sorted(w for w in _ALL_WORDS if w not in {"no", "none"}))
# "Two hundred and forty", "one hundred twelve", "a hundred".
_HUNDREDS = (
    rf"(?:a|{trie_pattern(list(_UNITS))})\shundred"
    rf"(?:\s(?:and\s)?{trie_pattern(sorted(_BELOW_HUNDRED))}(?![A-Za-z\-]))?"
)
# "Three thousand and twenty-four", "two thousand five hundred": the words of a number below
# a thousand, optionally followed by "thousand" and the words of what is left.
_IN_WORDS = (
    rf"(?:{_HUNDREDS}|{_WORD_TRIE})"
    rf"(?:\sthousand(?:,?\s(?:and\s)?(?:{_HUNDREDS}|{trie_pattern(sorted(_BELOW_HUNDRED))}))?)?"
)
# A count written in digits or words ("12", "Twelve", "twenty-four", "Two hundred and forty").
COUNT_WORD = rf"(?:{INT}|(?i:{_IN_WORDS})(?![A-Za-z\-]))"
# A count before its unit, which may be joined to it by a hyphen ("12 months", "Twelve-month",
# "twenty-four-week").
COUNT_BEFORE_UNIT = rf"(?:{INT}|(?i:{_IN_WORDS})(?![A-Za-z]))"
_HUNDREDS_VALUE = re.compile(r"(\w{1,5}) hundred(?: (?:and )?(.{1,20}))?")
_THOUSANDS_VALUE = re.compile(r"(.{1,30}?) thousand(?:,? (?:and )?(.{1,40}))?")
_BLANKS = re.compile(r"\s{1,100}")


def word_value(text: str) -> int | None:
    """Return the integer a number word (or digit string) names, or None."""
    if text.isdigit():
        return int(text)
    lowered = _BLANKS.sub(" ", text.strip().lower())
    if lowered.replace(",", "").isdigit():
        return int(lowered.replace(",", ""))
    thousands = _THOUSANDS_VALUE.fullmatch(lowered)
    if thousands:
        lead = word_value(thousands[1])
        rest = word_value(thousands[2]) if thousands[2] else 0
        return None if not lead or rest is None or rest >= 1000 else 1000 * lead + rest
    hundreds = _HUNDREDS_VALUE.fullmatch(lowered)
    if hundreds:
        lead = 1 if hundreds[1] == "a" else _ALL_WORDS.get(hundreds[1])
        rest = _ALL_WORDS.get(hundreds[2]) if hundreds[2] else 0
        return None if lead is None or rest is None else 100 * lead + rest
    return _ALL_WORDS.get(lowered)


def value_of(text: str | None) -> float | None:
    """Return the value of a printed number ("1.68", "- 10.8", ".03", "1,234", "Twelve")."""
    if text is None or text == "":
        return None
    try:
        return parse_reported(text).value
    except ValueError:
        word = word_value(text)
        return None if word is None else float(word)


def p_value_of(text: str | None) -> float | None:
    """Return the value of a printed p-value, including "3.2 x 10-5", "2e-5" and "10⁻⁵"."""
    if not text:
        return None
    try:
        return parse_p(text).value
    except ValueError:
        return value_of(text)


def decimals(text: str) -> int:
    """Return the number of printed decimals of a number's text (0 when it has none)."""
    try:
        return parse_reported(text).decimals
    except ValueError:
        return 0
