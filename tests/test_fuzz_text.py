"""Property-based tests of reading and normalizing text: no input raises, offsets survive."""

from __future__ import annotations

import codecs

from hypothesis import example, given, settings
from hypothesis import strategies as st

from trialaudit.decoding import (
    BINARY_SIGNATURES,
    STATUS_OK,
    STATUS_QUARANTINED,
    decode_bytes,
    html_to_text,
    read_document,
)
from trialaudit.normalize import normalize

# Text a document may hold: any character but surrogates, control characters (a text full of
# them is binary) and the byte-order mark (a leading one is read as a BOM, by design).
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
TEXT = st.text(alphabet=st.one_of(_CHARS, st.sampled_from("\n\t 0123456789.,-/%()")), max_size=300)
READABLE = TEXT.filter(
    lambda t: t.strip() and not t.encode().startswith(tuple(s for s, _ in BINARY_SIGNATURES))
)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=500))
@example("0\u00b75 \u2013 1\u00b72\u00b73 \uff11\uff10 \u00b7\u00b7")
def test_normalize_preserves_length_and_is_idempotent(text):
    once = normalize(text)
    assert len(once) == len(text)
    assert normalize(once) == once


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_quarantined_with_a_reason(data):
    decoded = decode_bytes(data)
    if decoded.status == STATUS_OK:
        assert decoded.text.strip() and decoded.reason == ""
    else:
        assert decoded.status == STATUS_QUARANTINED
        assert decoded.reason and decoded.text == ""


@settings(max_examples=500, deadline=None)
@given(
    READABLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
)
def test_unicode_encodings_round_trip_exactly(text, encoding):
    """Whatever the text, UTF-8 (with or without BOM) and UTF-16 with BOM decode to exactly it,
    so that offsets into the decoded text are offsets into what the author wrote."""
    data = {
        "utf-8": lambda: text.encode("utf-8"),
        "utf-8-sig": lambda: codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16": lambda: text.encode("utf-16"),
        "utf-16-le-bom": lambda: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }[encoding]()
    decoded = decode_bytes(data)
    assert (decoded.status, decoded.text) == (STATUS_OK, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TEXT, st.sampled_from(["<p>", "</p>", "<td>", "<script>", "</script>",
       "<!--", "-->", "<br/>", "&amp;", "&#x41;", "&nbsp;", "<div hidden>", "</div>", "<"])),
       max_size=40))  # fmt: skip
def test_any_markup_reads_without_raising(parts):
    page = "".join(parts)
    visible = html_to_text(page)
    assert "<script>" not in visible
    decoded = read_document("page.html", page.encode("utf-8", "surrogatepass"))
    assert decoded.status in {STATUS_OK, STATUS_QUARANTINED}
