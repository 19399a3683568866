"""Length-preserving text normalization: every offset into the normalized text is an offset
into the decoded document, so provenance survives cleaning without an offset map."""

from __future__ import annotations

import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(ch): "-" for ch in _DASHES}
    table.update({ord(ch): " " for ch in _SPACES})
    table.update({ord(k): v for k, v in _QUOTES.items()})
    # Full-width ASCII (U+FF01..U+FF5E) to ASCII; NFKC maps each to one character.
    for code in range(0xFF01, 0xFF5F):
        if code == 0xFF0D:
            continue
        table[code] = unicodedata.normalize("NFKC", chr(code))
    table[ord("\u2264")] = "\u2264"  # keep ≤ and ≥: the grammar reads them
    table[ord("\u00b7")] = "\u00b7"  # middle dot is decided in context (decimal point or not)
    table[ord("\r")] = "\n"
    table[ord("\t")] = " "
    return table


TABLE = _build_table()


def normalize(text: str) -> str:
    """Return ``text`` with dashes, minus signs, exotic spaces and full-width forms made ASCII.

    The result has the same length as ``text``: each character maps to exactly one character.
    A middle dot between digits (Lancet style ``0·65``) becomes a decimal point.
    """
    out = text.translate(TABLE)
    if "\u00b7" in out:
        chars = list(out)
        for i, ch in enumerate(chars):
            if (
                ch == "\u00b7"
                and 0 < i < len(chars) - 1
                and chars[i - 1].isdigit()
                and chars[i + 1].isdigit()
            ):
                chars[i] = "."
        out = "".join(chars)
    assert len(out) == len(text)
    return out
