"""Bytes to text: encoding detection, binary and empty files, HTML to visible text.

The decoded text is the reference for every offset the workflow writes: spans index into it.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .corpus import ROLE_DOCUMENT, ROLE_EXCLUDED
from .normalize import normalize

STATUS_OK = "ok"
STATUS_QUARANTINED = "quarantined"
STATUS_EXCLUDED = "excluded"

# Magic numbers of formats users save under a text name by mistake.
BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"RIFF", "RIFF (WebP/AVI/WAV)"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0", "OLE/legacy Office"),
    (b"{\\rtf", "RTF"),
    (b"%!PS", "PostScript"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x7fELF", "ELF executable"),
    (b"\x00\x05\x16\x07", "AppleDouble, macOS metadata"),
    (b"\x00\x05\x16\x00", "AppleSingle, macOS metadata"),
    (b"wOFF", "WOFF font"),
    (b"\x00\x01\x00\x00\x00", "TrueType font"),
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# One GB18030 character of two or four bytes (valid input assumed: it decoded).
_GB_MULTIBYTE = re.compile(
    rb"[\x81-\xfe](?:[\x30-\x39][\x81-\xfe][\x30-\x39]|[\x40-\x7e\x80-\xfe])"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Bytes examined to tell GB18030 from Latin-1 (enough for a verdict, cheap on large files).
_SAMPLE = 1 << 20
CONTROL_SHARE = 0.01


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


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) when the bytes read as BOM-less UTF-16: mostly-ASCII text has a
    NUL in every other byte, on the high side of each code unit."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.3 and even_nul <= 0.02:
        encoding = "utf-16-le"
    elif even_nul >= 0.3 and odd_nul <= 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _looks_chinese(data: bytes) -> bool:
    """Return True when bytes that decode as GB18030 are Chinese text rather than Latin-1.

    Chinese text keeps to the GB2312 plane (lead and trail byte both 0xA1-0xFE), and mostly to
    its punctuation and most frequent characters (lead 0xA1-0xA9 and 0xB0-0xD7). A Latin-1
    accent followed by an ASCII letter falls outside the plane (trail byte < 0xA1); two
    lower-case accented letters in a row (0xE0-0xFF) land among the rare characters.
    """
    plane = outside = common = four = 0
    for match in _GB_MULTIBYTE.finditer(data[:_SAMPLE]):
        lead, trail = match.group()[0], match.group()[-1]
        if len(match.group()) == 4:
            four += 1  # rare characters, exotic spaces: no Latin-1 text makes these
        elif 0xA1 <= lead <= 0xF7 and trail >= 0xA1:
            plane += 1
            common += lead <= 0xA9 or 0xB0 <= lead <= 0xD7
        else:
            outside += 1
    if not plane + outside:
        return bool(four)
    return plane / (plane + outside) >= 0.75 and common / max(plane, 1) >= 0.75


def _plausible_latin(text: str) -> bool:
    """Return True when text read as Latin-1 looks like a Western-European language: few
    non-ASCII characters, and those seldom next to each other (unlike bytes of another script)."""
    sample = text[:_SAMPLE]
    non_ascii = [m.start() for m in _NON_ASCII.finditer(sample)]
    if len(non_ascii) < 8:
        return True
    if any(0x80 <= ord(sample[i]) <= 0x9F for i in non_ascii):
        return False  # C1 controls: bytes cp1252 leaves undefined
    adjacent = sum(1 for a, b in itertools.pairwise(non_ascii) if b == a + 1)
    letters = len(sample) - len(re.findall(r"\s", sample))
    return adjacent / len(non_ascii) <= 0.5 and len(non_ascii) / letters <= 0.4


def _utf8(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for UTF-8, tolerating a few invalid byte sequences (each becomes
    U+FFFD, and the encoding says how many) when the rest is clearly UTF-8 text."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        truncated_only = error.end == len(data) and error.reason == "unexpected end of data"
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_NON_ASCII.findall(text)) - invalid
    if valid and (truncated_only or valid >= 10 * invalid):
        plural = "s" if invalid > 1 else ""
        return text, f"utf-8 ({invalid} invalid byte sequence{plural} replaced by U+FFFD)"
    return None


def _decode_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for BOM-less bytes, or None when no supported encoding fits."""
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(data):
        return text, "gb18030"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    return (text, encoding) if _plausible_latin(text) else None


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
        if b"\x00" in data:
            return _quarantine("binary content (NUL bytes, not UTF-16 text)")
        return _quarantine("undecodable as UTF-8, UTF-16, GB18030 or Latin-1")
    return _checked(*decoded)


def _checked(text: str, encoding: str) -> Decoded:
    """Quarantine decoded text that is mostly control characters (binary read as text)."""
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) * CONTROL_SHARE):
        return _quarantine("binary content (control characters)", encoding)
    if not text.strip():
        return _quarantine("empty (only white space)", encoding)
    return Decoded(STATUS_OK, "", encoding, text)


class _VisibleText(HTMLParser):
    """Collect the text a browser would show: block elements on their own lines, table cells
    separated by tabs, nothing from scripts, styles, the head, comments or hidden elements."""

    BLOCKS = frozenset(
        (
            "address article aside blockquote br caption dd div dl dt figcaption figure footer "
            "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tr ul"
        ).split()
    )
    CELLS = frozenset({"td", "th"})
    HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})
    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open elements whose content is not shown

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID and (tag in self.HIDDEN or _hidden_by_attributes(attrs)):
            self.hidden.append(tag)
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden.pop() != tag:
                pass
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _hidden_by_attributes(attrs: list[tuple[str, str | None]]) -> bool:
    """Return True for an element a browser does not render (hidden, aria-hidden, display:none)."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and re.search(r"display\s*:\s*none", value, re.I):
            return True
    return False


_INCOMPLETE_MARKUP = re.compile(r"<[A-Za-z/!?]")


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML document: block elements on their own lines, table
    cells separated by tabs, runs of spaces collapsed (character references resolved)."""
    parser = _VisibleText()
    parser.feed(html)
    if _INCOMPLETE_MARKUP.match(parser.rawdata):
        parser.rawdata = ""  # a comment or tag left open at the end: a browser shows none of it
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \r\f\v]+", " ", text)
    text = re.sub(r" ?\t ?", "\t", text)
    return re.sub(r"[ \t]*\n\s*", "\n", text).strip()


_MARKUP_HEAD = re.compile(r"<(?:!doctype\s+html|html|\?xml|head|body)\b", re.I)
_HTML_TAG = re.compile(
    r"<(?:a|body|br|div|h[1-6]|head|li|meta|p|span|table|td|title|tr|ul)\b[^<>]{0,500}>", re.I
)
MARKUP_EXTENSIONS = (".html", ".htm", ".xhtml", ".xml")


def looks_like_html(name: str, text: str) -> bool:
    """Return True for .html/.htm/.xhtml/.xml files and for text that starts like a markup page
    (a doctype, <html>, an XML declaration, or a '<' followed by several HTML tags)."""
    if name.lower().endswith(MARKUP_EXTENSIONS):
        return True
    head = text[:4096].lstrip()
    if _MARKUP_HEAD.match(head):
        return True
    return head.startswith("<") and len(_HTML_TAG.findall(head)) >= 3


def read_document(name: str, data: bytes) -> Decoded:
    """Decode a corpus file; HTML becomes its visible text, which is then the decoded text."""
    decoded = decode_bytes(data)
    if decoded.status != STATUS_OK or not looks_like_html(name, decoded.text):
        return decoded
    text = html_to_text(decoded.text)
    if not text:
        return _quarantine("empty (HTML without visible text)", decoded.encoding)
    return Decoded(STATUS_OK, "", decoded.encoding + "+html", text)


def file_digest(path: str | Path) -> tuple[int, str]:
    """Return (size in bytes, hex SHA-256) of a file, read in chunks (any size)."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


NO_DIGEST = "0" * 64  # the SHA-256 column of a file that could not be read


def _row(source: dict[str, Any], status: str, reason: str) -> dict:
    """Return a texts-table row of one corpus file without size, digest or text."""
    return {
        "doc_id": source["doc_id"],
        "file_name": source["name"],
        "shard": source["shard"],
        "status": status,
        "reason": reason,
        "encoding": "",
        "size_bytes": 0,
        "sha256": NO_DIGEST,
        "text": "",
        "normalized": "",
    }


def source_row(source: dict[str, Any], reason: str = "") -> dict:
    """Return the texts-table row of one corpus file, quarantined with ``reason`` (or the
    source's own problem) and without text; size and SHA-256 are filled in when readable."""
    row = _row(source, STATUS_QUARANTINED, reason or source.get("problem", ""))
    if not source.get("problem"):
        try:
            row["size_bytes"], row["sha256"] = file_digest(source["path"])
        except OSError as error:
            row["reason"] = f"unreadable file ({error.strerror or error})"
    return row


def _not_read(source: dict[str, Any], size: int, max_bytes: int | None) -> tuple[str, str]:
    """Return (status, reason) for a file that is listed but not read, or ('', '')."""
    if source["role"] == ROLE_EXCLUDED:
        return STATUS_EXCLUDED, "excluded by config corpus.exclude"
    if source["role"] != ROLE_DOCUMENT:
        suffix = Path(source["name"]).suffix or "(no extension)"
        return STATUS_QUARANTINED, f"file type {suffix} is not read (see config corpus.extensions)"
    if max_bytes is not None and size > max_bytes:
        return STATUS_QUARANTINED, (
            f"too large: {size / 1e6:.1f} MB, more than config corpus.max_document_megabytes"
            f" = {max_bytes / 1e6:g} (raise it to read this file)"
        )
    return "", ""


def read_source(source: dict[str, Any], max_bytes: int | None = None) -> dict:
    """Return the texts-table row of one corpus file: its status, the reason when it is not
    read, encoding, size, SHA-256 and decoded and normalized text. Never raises on content."""
    if source.get("problem"):
        return source_row(source)
    try:
        size = Path(source["path"]).stat().st_size
        status, reason = _not_read(source, size, max_bytes)
        if status:
            return {**source_row(source, reason), "status": status}
        data = Path(source["path"]).read_bytes()
    except OSError as error:
        return source_row(source, f"unreadable file ({error.strerror or error})")
    decoded = read_document(source["name"], data)
    row = _row(source, decoded.status, decoded.reason)
    row.update(encoding=decoded.encoding, size_bytes=len(data), sha256=sha256(data))
    if decoded.status == STATUS_OK:
        row.update(text=decoded.text, normalized=normalize(decoded.text))
    return row
