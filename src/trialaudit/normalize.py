"""Length-preserving text normalization: every offset into the normalized text is an offset
into the decoded document, so provenance survives cleaning without an offset map."""

from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043\u2e3a\u2e3b"
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\u200b\ufeff\u180e"
)
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"}
# Comparison signs the grammar reads as ≤ and ≥ (slanted, double-line and full-width forms).
# Slanted and small-form comparison signs ("P\ufe640.05" in CJK typesetting).
_COMPARISONS = {
    "\u2a7d": "\u2264",
    "\u2a7e": "\u2265",
    "\u2266": "\u2264",
    "\u2267": "\u2265",
    "\ufe64": "<",
    "\ufe65": ">",
    "\ufe66": "=",
}
_CJK_PUNCTUATION = {"\u3001": ",", "\u3002": ".", "\uff61": ".", "\u301c": "~"}

# Numbers printed with a decimal comma in a statistical position ("P = 0,03", "46,9%",
# "(0,65-4,34)") against the same with a decimal point; the document decides which it uses.
# A comma before exactly three digits may be a thousands separator and is no evidence.
_COMMA_DECIMAL = re.compile(
    r"(?:[=<>\u2264\u2265(\[]\s?|(?<![\d,.])0)(?:\d{0,3},(?!\d{3}(?![\d,]))\d{1,4}(?![\d,]))"
    r"|(?<![\d,.])\d{1,3},\d{1,2}\s?%"
    r"|(?<![\d,.])\d{1,3},\d{1,3}\s?\u00b1"  # a mean before its SD: "24,6 ± 12,3"
)
_POINT_DECIMAL = re.compile(
    r"(?:[=<>\u2264\u2265(\[]\s?|(?<![\d,.])0)(?:\d{0,3}\.\d{1,4}(?![\d.]))"
    r"|(?<![\d,.])\d{1,3}\.\d{1,2}\s?%"
    r"|(?<![\d,.])\d{1,3}\.\d{1,3}\s?\u00b1"
)
_COMMA_BETWEEN_DIGITS = re.compile(r"(?<=\d),(?=\d)")


# "p=0,03" in a document that otherwise prints decimal points: after a p-value's comparator a
# comma after 0 can only be a decimal comma.
def _p_decimal_after_zero(separator: str) -> re.Pattern:
    """Return the pattern of a separator after "p=0" that can only be a decimal point."""
    return re.compile(
        rf"(?<![\w.])([Pp]\s?[=<>\u2264\u2265]\s?0){separator}(?=\d{{1,4}}(?![\d{separator}]))"
    )


_P_DECIMAL_COMMA = _p_decimal_after_zero(",")
_CJK_STOP_BEFORE_NUMBER = re.compile(r"\u3002(?=[\d\uff10-\uff19])")
# People counted with the classifier 位 (Traditional Chinese) or 名 (Japanese, Chinese) read as
# with 例: "共238位病人", "試驗組120位", "60名患者".
_PEOPLE_CLASSIFIER = re.compile(r"(?<=\d)[\u4f4d\u540d](?=[\u4e00-\u9fff(),.;:\s]|$)")
# "P=0/007": Persian typing's decimal separator is a slash; after a p-value's comparator a slash
# after 0 is one (0 of 7 is no p-value).
_P_DECIMAL_SLASH = _p_decimal_after_zero("/")
# "р=0,78": a Russian p typed with the Cyrillic letter er, before a comparator and a number.
_CYRILLIC_P = re.compile(r"(?<![\w])[\u0440\u0420](?=\s?[=<>\u2264\u2265]\s?\d)")
# Chinese journals' English abstracts put a value in round brackets and it with its unit in
# square ones: "the serum albumin of the observation group [(35.62±4.18) g/L] was higher". The
# two brackets become one, "group ( 35.62±4.18  g/L) was higher", which reads as a value in
# brackets after its arm does (every character keeps its offset).
_SQUARE_AROUND_VALUE = re.compile(r"\[\(([^()\[\]\n]{1,40})\)([^()\[\]\n,;=<>]{0,20}?)\]")


# ... or two arms' values: "total bilirubin [(28.74±9.36) μmol/L vs (36.15±11.20) μmol/L]" reads
# as "total bilirubin  (28.74±9.36) μmol/L vs (36.15±11.20) μmol/L ".
_VALUE_IN_BRACKETS = r"\([^()\[\]\n]{1,40}\)[^()\[\]\n,;=<>]{0,20}?"
_SQUARE_AROUND_PAIR = re.compile(
    rf"\[({_VALUE_IN_BRACKETS}\s(?:vs\.?|versus)\s{_VALUE_IN_BRACKETS})\]"
)


def _one_bracket(m: re.Match) -> str:
    return f"( {m.group(1)} {m.group(2)})"


# A thin or narrow no-break space between digit groups is a thousands separator ("1 234").
_THIN_SPACE_THOUSANDS = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")


def _build_table() -> dict[int, str]:
    """Return the character map of normalize(): one character for each."""
    table: dict[int, str] = {ord(ch): "-" for ch in _DASHES}
    table.update({ord(ch): " " for ch in _SPACES})
    table.update({ord(k): v for k, v in _QUOTES.items()})
    table.update({ord(k): v for k, v in _COMPARISONS.items()})
    table.update({ord(k): v for k, v in _CJK_PUNCTUATION.items()})
    # Full-width ASCII (U+FF01..U+FF5E) to ASCII; NFKC maps each to one character.
    for code in range(0xFF01, 0xFF5F):
        if code == 0xFF0D:
            continue
        table[code] = unicodedata.normalize("NFKC", chr(code))
    # Traditional Chinese and Japanese forms of the characters the Chinese grammar reads, as the
    # simplified ones: 組 / 群 (group), 對照 / 対照 (control), 試驗 / 実験 (experimental), 治療
    # (treatment), 觀察 (observation), 幹預 (intervention)
    for variant, simplified in zip(
        "\u7d44\u7fa4\u5c0d\u5bfe\u8a66\u9a57\u9a13\u7642\u89c0\u5be6\u5b9f\u5e79\u9810",
        "\u7ec4\u7ec4\u5bf9\u5bf9\u8bd5\u9a8c\u9a8c\u7597\u89c2\u5b9e\u5b9e\u5e72\u9884",
        strict=True,
    ):
        table[ord(variant)] = simplified
    # Arabic-Indic and Extended (Persian, Urdu) digits, with the Arabic decimal and thousands
    # separators, percent sign, comma and semicolon (Unicode 15, ch. 9.2)
    for zero in (0x0660, 0x06F0):
        table.update({zero + digit: str(digit) for digit in range(10)})
    table.update({0x066B: ".", 0x066C: ",", 0x066A: "%", 0x060C: ",", 0x061B: ";"})
    table[ord("\uff1c")] = "<"
    table[ord("\uff1e")] = ">"
    table[ord("\r")] = "\n"
    table[ord("\t")] = " "
    table[ord("\u2028")] = "\n"
    table[ord("\u2029")] = "\n"
    table[ord("\u0085")] = "\n"
    return table


TABLE = _build_table()
# The characters TABLE changes, found by one C-speed scan instead of translating every one.
_CHANGED = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in sorted(TABLE) if TABLE[code] != chr(code)) + "]"
)
_COMMA_THEN_DIGIT = re.compile(r",\d")


def _translate(text: str) -> str:
    """Return ``text`` with every character TABLE changes replaced."""
    return _CHANGED.sub(lambda m: TABLE[ord(m.group())], text)


def uses_decimal_comma(text: str) -> bool:
    """Return True if the numbers in statistical positions of ``text`` are mostly printed with
    a decimal comma ("P = 0,03", "46,9%") rather than a decimal point."""
    if not _COMMA_THEN_DIGIT.search(text):
        return False
    commas = len(_COMMA_DECIMAL.findall(text))
    return commas > 0 and commas > len(_POINT_DECIMAL.findall(text))


# A manuscript's or a scanned page's line numbers in the margin: "303  domized (dexmelatine n =
# 186 ...)". Three or more line openings counting up by one are blanked.
_MARGIN_NUMBER = re.compile(r"(?m)^[ \t]{0,6}(?P<n>\d{1,5})(?=[ \t]{2,}|\t)")
_MARGIN_RUN = 3
# A word broken over a line by hyphenation ("ran-\n   domized"): the second part moves up to the
# first, and the line break and spaces after it, so that no offset outside the word changes.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_]{2})-\n(?P<gap>[ \t]{0,12})(?P<rest>[a-z\ufb01\ufb02]{2,})")
# Second parts that follow a real hyphen: "follow-\nup", "placebo-\ncontrolled".
_HYPHENATED_PARTS = frozenset(
    "up based related controlled blind blinded label free term dose treat specific dependent "
    "month year week day hour old year-old matched adjusted naive positive negative risk".split()
)


def _blank_margin_numbers(text: str) -> str:
    """Return ``text`` with runs of margin line numbers (_MARGIN_NUMBER) made spaces."""
    found = [m for m in _MARGIN_NUMBER.finditer(text)]
    blank: list[re.Match] = []
    run: list[re.Match] = []
    for m in found:
        if run and int(m.group("n")) == int(run[-1].group("n")) + 1:
            run.append(m)
            continue
        if len(run) >= _MARGIN_RUN:
            blank += run
        run = [m]
    if len(run) >= _MARGIN_RUN:
        blank += run
    if not blank:
        return text
    chars = list(text)
    for m in blank:
        chars[m.start("n") : m.end("n")] = " " * (m.end("n") - m.start("n"))
    return "".join(chars)


def _join_broken_word(m: re.Match) -> str:
    """Return a hyphenated line break and the word part after it, the part first (_BROKEN_WORD)."""
    rest, gap = m.group("rest"), m.group("gap")
    if rest in _HYPHENATED_PARTS:
        return "-" + rest + "\n" + gap
    return rest + "\n" + gap + " "


def normalize(text: str) -> str:
    """Return ``text`` with dashes, minus signs, exotic spaces and full-width forms made ASCII.

    The result has the same length as ``text``: each character maps to exactly one character.
    A middle dot between digits (Lancet style ``0·65``) becomes a decimal point, and so does a
    comma between digits in a document that prints decimal commas.
    """
    if "\u2009" in text or "\u202f" in text:
        text_for_table = _THIN_SPACE_THOUSANDS.sub(",", text)
    else:
        text_for_table = text
    if "  " in text_for_table or "\t" in text_for_table:
        text_for_table = _blank_margin_numbers(text_for_table)
    if "-\n" in text_for_table:
        text_for_table = _BROKEN_WORD.sub(_join_broken_word, text_for_table)
    if "\u3002" in text_for_table:
        # "p＝0.022。30日內": a full stop before a number would run into it ("0.022.30")
        text_for_table = _CJK_STOP_BEFORE_NUMBER.sub("\n", text_for_table)
    out = _translate(text_for_table)
    if "\u00b7" in out:
        out = re.sub(r"(?<=\d)\u00b7(?=\d)", ".", out)
    if "[(" in out:
        out = _SQUARE_AROUND_PAIR.sub(r" \1 ", _SQUARE_AROUND_VALUE.sub(_one_bracket, out))
    if "\u4f4d" in out or "\u540d" in out:
        out = _PEOPLE_CLASSIFIER.sub("\u4f8b", out)
    if any(sign in out for sign in ("=0/", "= 0/", "<0/", "< 0/", ">0/", "\u22640/")):
        out = _P_DECIMAL_SLASH.sub(r"\1.", out)
    if "\u0440" in out or "\u0420" in out:
        out = _CYRILLIC_P.sub("p", out)
    if uses_decimal_comma(out):
        out = _COMMA_BETWEEN_DIGITS.sub(".", out)
    elif "," in out:
        out = _P_DECIMAL_COMMA.sub(r"\1.", out)
    assert len(out) == len(text)
    return out
