"""The one-pass anchor scan of spans.Scanner gives every offset that str.find gives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialaudit import spans
from trialaudit.extract import extract_document

# Letters whose lower case differs, a dotted capital I that lowers to two characters, a
# character outside the BMP and a lone surrogate: offsets must stay those of text.lower().
ALPHABET = "aAbB.% 9\nI\u0130\U0001f600\ud800"


@contextmanager
def _fresh_anchors() -> Iterator[None]:
    """An empty anchor automaton for the block, the process's own one back after it."""
    kept = spans._ANCHORS
    spans._ANCHORS = spans._AnchorIndex()
    try:
        yield
    finally:
        spans._ANCHORS = kept


@pytest.fixture
def fresh_anchors() -> Iterator[None]:
    with _fresh_anchors():
        yield


def _every_offset(haystack: str, word: str) -> list[int]:
    """Reference: every (overlapping) start of ``word`` in ``haystack``, by brute force."""
    return [i for i in range(len(haystack)) if haystack.startswith(word, i)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=60),
    literals=st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), max_size=6),
)
def test_positions_are_every_offset_of_the_lowered_literal(text, literals):
    with _fresh_anchors():
        _positions_agree(text, literals)


def _positions_agree(text: str, literals: list[str]) -> None:
    first = spans.Scanner(text)  # literals seen for the first time: found with str.find
    found_first = [first.positions(w) for w in literals]
    second = spans.Scanner(text)  # now in the automaton
    found_second = [second.positions(w) for w in literals]
    lower = text.lower()
    for word, by_find, by_automaton in zip(literals, found_first, found_second, strict=True):
        expected = _every_offset(lower, word.lower())
        assert by_find == expected
        assert by_automaton == expected
        assert word.lower() in spans._ANCHORS.words
        assert second.positions(word, True) == _every_offset(text, word)


def test_a_literal_asked_for_joins_the_automaton_of_the_next_text(fresh_anchors):
    spans.Scanner("odds ratio 2.1").positions("Odds Ratio")
    automaton, words = spans._ANCHORS.current()
    assert words == {"odds ratio"}
    assert [end for end, _ in automaton.iter("an odds ratio; odds ratios")] == [12, 24]
    assert spans.Scanner("The Odds Ratio was 2.1").positions("odds RATIO") == [4]


def test_extraction_is_the_same_with_and_without_the_automaton(fresh_anchors, seed_texts):
    """The first pass over a text asks for every anchor for the first time (str.find); the
    second finds them all in the automaton."""
    for doc_id, text in seed_texts.items():
        spans._ANCHORS.__init__()
        by_find = extract_document(doc_id, text)
        assert spans._ANCHORS.pending  # every anchor came from str.find
        by_automaton = extract_document(doc_id, text)
        assert not spans._ANCHORS.pending  # every anchor came from the automaton
        assert by_automaton.statistics
        assert by_find == by_automaton
