"""Bytes to text: encoding detection, binary and empty files, HTML to visible text.

The decoded text is the reference for every offset the workflow writes: spans index into it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

STATUS_OK = "ok"
STATUS_QUARANTINED = "quarantined"

# Magic numbers of formats users save under a text name by mistake.
BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "OLE/legacy Office"),
    (b"{\\rtf", "RTF"),
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class Decoded:
    """The outcome of reading one file."""

    status: str
    reason: str
    encoding: str
    text: str


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _quarantine(reason: str, encoding: str = "") -> Decoded:
    return Decoded(STATUS_QUARANTINED, reason, encoding, "")


def _decode_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for BOM-less bytes, or None when no supported encoding fits."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        non_ascii = [ch for ch in text if ord(ch) > 127]
        cjk = sum(1 for ch in non_ascii if _CJK.match(ch))
        # GB18030 accepts many Latin-1 byte pairs; call it Chinese only when the
        # non-ASCII characters are overwhelmingly CJK ideographs or punctuation.
        if non_ascii and cjk / len(non_ascii) >= 0.9:
            return text, "gb18030"
    if b"\x00" in data:
        return None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def decode_bytes(data: bytes) -> Decoded:
    """Return the decoded text of a file's bytes, or a quarantine reason a person understands."""
    if not data.strip():
        return _quarantine("empty" if not data else "empty (only white space)")
    for signature, label in BINARY_SIGNATURES:
        if data.startswith(signature):
            return _quarantine(f"binary content ({label} signature)")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                return _quarantine(f"undecodable as {encoding} despite its byte-order mark")
            return _checked(text, encoding)
    decoded = _decode_without_bom(data)
    if decoded is None:
        return _quarantine("binary content (NUL bytes, no byte-order mark)")
    return _checked(*decoded)


def _checked(text: str, encoding: str) -> Decoded:
    """Quarantine decoded text that is mostly control characters (binary read as text)."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        return _quarantine("binary content (control characters)", encoding)
    if not text.strip():
        return _quarantine("empty (only white space)", encoding)
    return Decoded(STATUS_OK, "", encoding, text)


class _VisibleText(HTMLParser):
    """Collect the text a browser would show, one block element per line."""

    BLOCKS = frozenset(
        (
            "address article aside blockquote br dd div dl dt footer form h1 h2 h3 h4 h5 h6 "
            "header hr li main nav ol p pre section table td th tr ul"
        ).split()
    )
    HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML document, block elements on their own lines."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def looks_like_html(name: str, text: str) -> bool:
    """Return True for .html/.htm files and for text that starts like an HTML page."""
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def read_document(name: str, data: bytes) -> Decoded:
    """Decode a corpus file; HTML becomes its visible text, which is then the decoded text."""
    decoded = decode_bytes(data)
    if decoded.status != STATUS_OK or not looks_like_html(name, decoded.text):
        return decoded
    text = html_to_text(decoded.text)
    if not text:
        return _quarantine("empty (HTML without visible text)", decoded.encoding)
    return Decoded(STATUS_OK, "", decoded.encoding + "+html", text)
