"""Arabic-Indic (U+0660-0669) and Extended Arabic-Indic (Persian, Urdu; U+06F0-06F9) digits,
with the Arabic decimal separator (U+066B), thousands separator (U+066C) and percent sign
(U+066A), read as the ASCII ones: the same statistics at the same offsets, the source text
keeping the document's own characters."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

from trialaudit.normalize import normalize

_ARABIC = str.maketrans(
    "0123456789.%", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u066b\u066a"
)
_PERSIAN = str.maketrans(
    "0123456789.%", "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u066b\u066a"
)
_NUMBERS = (
    "The primary outcome occurred in {} of {} patients ({}) in the MSC group and {} of {} ({}) "
    "in the placebo group (P = {})."
)
_ASCII = ("10", "101", "9.9%", "18", "99", "18.2%", "0.09")


def _rows(text):
    extraction, checks = extract_and_check(text)
    rows = [
        (r["kind"], r["span_start"], r["span_end"], r["value"], r["arm"])
        for r in extraction.statistics
    ]
    return rows, [(c["check"], c["verdict"], c["span_start"]) for c in checks], extraction


@pytest.mark.parametrize("digits", [_ARABIC, _PERSIAN])
def test_eastern_digits_give_the_statistics_of_ascii_digits(digits):
    ascii_rows, ascii_checks, _ = _rows(_NUMBERS.format(*_ASCII))
    text = _NUMBERS.format(*(n.translate(digits) for n in _ASCII))
    rows, checks, extraction = _rows(text)
    assert rows == ascii_rows
    assert checks == ascii_checks
    # p = 0.09 of 10/101 vs 18/99: R chisq.test(correct = FALSE) 0.09152216
    assert ("p_vs_counts", "consistent") in [(c, v) for c, v, _ in checks]
    for row in extraction.statistics:
        assert row["source_text"] == text[row["span_start"] : row["span_end"]]
        assert not any(ch.isascii() and ch.isdigit() for ch in row["source_text"])


def test_arabic_separators_are_a_decimal_point_a_thousands_comma_and_a_percent_sign():
    text = "\u0661\u066c\u0662\u0663\u0664 \u0669\u066b\u0665\u066a \u060c \u061b"
    assert normalize(text) == "1,234 9.5% , ;"
