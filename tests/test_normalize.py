"""Normalization keeps every offset: one character in, one character out."""

from __future__ import annotations

from trialaudit.normalize import normalize


def test_dashes_minus_and_spaces_become_ascii():
    text = "OR 1.68 (0.65\u20134.34), \u221213.31%, a\u00a0b, c\u2009d, e\u2014f"
    assert normalize(text) == "OR 1.68 (0.65-4.34), -13.31%, a b, c d, e-f"


def test_full_width_digits_and_punctuation():
    assert normalize("\uff30\uff1d\uff10\uff0e\uff10\uff15") == "P=0.05"


def test_middle_dot_is_a_decimal_point_only_between_digits():
    assert normalize("0\u00b765 \u00b7 item") == "0.65 \u00b7 item"


def test_length_is_preserved_on_the_seed_corpus(seed_texts):
    for text in seed_texts.values():
        assert len(normalize(text)) == len(text)
