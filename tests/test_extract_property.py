"""The extractor never raises on any text: arbitrary Unicode and mutated corpus text give valid
rows (every pandera model passes, every span reproduces its source text)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialaudit import tables
from trialaudit.extract import extract_document
from trialaudit.stages import EXTRACTED

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
# Characters the grammar reacts to, so that random text often looks like statistics.
TRIGGERS = [
    *"0123456789.,;:()[]%=<>≤≥±×x/-–—−~ \n\u00a0\u2009",
    "OR ", "RR", "HR ", "95% CI ", "P = ", "p<", "NS", "n = ", " of ", "median ", "mean ",
    "IQR", "SD", "vs. ", "group", " patients", "t(", "F(", "χ²(", "r(", "z = ", "Q(", "NCT",
    "ChiCTR", "10.", "doi", "days ", "month ", "year", "randomized", "×10", "respectively",
    "０", "．", "（", "）", "％", "Ｐ", "＝", "組", "对照组", "·",
]  # fmt: skip
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    """Extract ``text`` and require valid tables with faithful spans."""
    extraction = extract_document("doc", text)
    for name, model in EXTRACTED.items():
        frame = tables.frame(getattr(extraction, name), model)
        if "source_text" in frame.columns:
            for row in frame.itertuples(index=False):
                assert text[row.span_start : row.span_end] == row.source_text


@SETTINGS
@given(st.text(max_size=600))
def test_arbitrary_unicode(text):
    check(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TRIGGERS), st.text(max_size=4)), max_size=150))
def test_statistics_like_soup(pieces):
    check("".join(pieces))


@st.composite
def mutated_seed(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not text:
            break
        start = draw(st.integers(min_value=0, max_value=len(text) - 1))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 200)))
        operation = draw(st.sampled_from(["delete", "insert", "duplicate", "replace"]))
        if operation == "delete":
            text = text[:start] + text[end:]
        elif operation == "insert":
            piece = draw(st.one_of(st.text(max_size=20), st.sampled_from(TRIGGERS)))
            text = text[:start] + piece + text[start:]
        elif operation == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.text(max_size=end - start)) + text[end:]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_corpus_text(text):
    check(text)
