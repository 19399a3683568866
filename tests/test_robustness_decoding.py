"""Bytes to text: every supported encoding decodes to the exact text, everything else is
quarantined with a reason a person understands, and nothing raises."""

from __future__ import annotations

import codecs

import pytest

from trialaudit.decoding import (
    STATUS_OK,
    STATUS_QUARANTINED,
    decode_bytes,
    html_to_text,
    read_document,
)

# Sentences written for these tests: Western-European text (Latin-1 / Windows-1252 territory)
# and Chinese text with the Latin letters, digits and symbols trial reports mix in.
LATIN = [
    "Résultats : la mortalité à 28 jours était de 3/11 (27 %) contre 8/24 (33 %) ; âge 54 ± 12.",
    "Los pacientes del grupo de intervención: mortalidad 12 % frente a 20 % (p = 0,04); niño.",
    "Die Sterblichkeit betrug 3 von 11 gegenüber 8 von 24; größere Läsionen, Überleben 12 Monate.",
    "A mortalidade foi de 3/11 no grupo tratado; não houve eventos adversos graves, exceção.",
    "La mortalità a 28 giorni è stata del 27% nel gruppo trattato, perché più anziani.",
    "Patients received 2 µg/kg at 37 °C; mean ± SD age 54 ± 12 years; café-au-lait spots.",
    "Deaths: 3/11 vs 8/24 — OR 0.75 (95% CI 0.16–3.5); “no difference”… cost €1,200, 5‰ lost.",
    "Sjukdomen påverkade 12 patienter; dödligheten var 3/11 mot 8/24 (p = 0,45).",
    "Ældre patienter (n = 24) havde større risiko; dødeligheden var 33 % i kontrolgruppen.",
    "Na de behandeling was de mortaliteit 27% versus 33%; één patiënt overleed vóór dag 28.",
    "Ángel Martínez-López, José Núñez, François Côté and Søren Jørgensen; größer; niño año señor.",
]
CHINESE = [
    "患者死亡率为 3/11（27%），对照组为 8/24（33%），差异无统计学意义（P = 0.45）。",
    "结果：治疗组正常CT比例为 23/49，对照组为 10/29，OR 1.68（95% CI 0.65–4.34）。",
    "本研究为随机、双盲、安慰剂对照的二期临床试验，共纳入 100 例重症新型冠状病毒肺炎患者。",
    "关键词：间充质干细胞；新型冠状病毒肺炎；随机对照试验；长期随访",
    "首页 期刊介绍 编委会 投稿指南 联系我们 版权所有 © 2022",
    "年龄 54 ± 12 岁，男性占 60%，随访时间中位数为 12 个月（IQR 10–14）。",
    "The patients were randomized. 中文摘要：两组患者的死亡率无显著差异。",
    "α 受体 γ 干扰素 × 10 细胞/千克 “主要终点” 、 。",
]


def _prefixes(text: str) -> list[str]:
    """The text and some of its beginnings (short texts are the hard cases)."""
    return sorted({text[:n] for n in (8, 12, 20, 40, 100)} | {text}, key=len)


def _encodable(texts: list[str], encodings: list[str]) -> list[tuple[str, str]]:
    """(text, encoding) for every beginning of every text that the encoding can represent."""
    pairs = []
    for text in (p for t in texts for p in _prefixes(t)):
        for encoding in encodings:
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                continue
            pairs.append((text, encoding))
    return pairs


@pytest.mark.parametrize(("text", "encoding"), _encodable(LATIN, ["cp1252", "latin-1"]))
def test_western_european_text_decodes_exactly(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.status, decoded.text) == (STATUS_OK, text)
    assert decoded.encoding in {"cp1252", "latin-1", "utf-8"}


@pytest.mark.parametrize(("text", "encoding"), _encodable(CHINESE, ["gb18030", "gbk"]))
def test_chinese_text_decodes_exactly(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.status, decoded.text) == (STATUS_OK, text)
    assert decoded.encoding == ("utf-8" if text.isascii() else "gb18030")


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
        (lambda t: t.encode("gb18030"), "gb18030"),
    ],
)
def test_seed_documents_survive_every_encoding(seed_texts, encode, label):
    """The decoded text (which every offset refers to) is the original text, whatever the
    encoding; GB18030 needs Chinese in the text to be recognised."""
    for doc_id, text in seed_texts.items():
        if label == "gb18030" and not any("\u4e00" <= ch <= "\u9fff" for ch in text):
            continue
        decoded = decode_bytes(encode(text))
        assert (decoded.status, decoded.encoding) == (STATUS_OK, label), doc_id
        assert decoded.text == text, doc_id


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (PDF signature)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary content (ZIP/Office signature)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary content (PNG signature)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "binary content (OLE/legacy Office signature)"),
        (b"{\\rtf1\\ansi Deaths 3/11", "binary content (RTF signature)"),
        (b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X", "binary content (AppleDouble"),
        (b"", "empty"),
        (b" \r\n\t \n", "empty (only white space)"),
        (codecs.BOM_UTF8 + b"  \n", "empty (only white space)"),
        (bytes(range(256)) * 8, "binary content (NUL bytes, not UTF-16 text)"),
        ("患者の死亡率は対照群と差がなかった".encode("shift_jis"), "undecodable as UTF-8, UTF-16"),
        ("Смертность составила 3 из 11 пациентов".encode("cp1251"), "undecodable as UTF-8"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8", "undecodable as utf-16-le despite its"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 4, "binary content (control"),
    ],
)
def test_unreadable_bytes_are_quarantined_with_a_reason(data, reason):
    decoded = decode_bytes(data)
    assert decoded.status == STATUS_QUARANTINED
    assert decoded.reason.startswith(reason)
    assert decoded.text == ""


def test_a_few_invalid_bytes_in_utf8_text_are_replaced_not_fatal():
    text = "Mortalité – 3/11 患者 " * 20
    data = text.encode() + b"\xff" + text.encode()
    decoded = decode_bytes(data)
    assert decoded.status == STATUS_OK
    assert decoded.text == text + "\ufffd" + text
    assert decoded.encoding == "utf-8 (1 invalid byte sequence replaced by U+FFFD)"


def test_utf8_cut_in_the_middle_of_its_last_character_is_kept():
    text = "Décès 3/11 – 患者 " * 5 + "患"
    decoded = decode_bytes(text.encode()[:-1])
    assert decoded.status == STATUS_OK
    assert decoded.text == text[:-1] + "\ufffd"


HTML = """<!DOCTYPE html>
<html><head><title>Journal page</title>
<meta charset="utf-8"><style>p { color: red } /* 9/10 */</style>
<script>var deaths = "5/10 (50%)"; if (a < b && c > d) {}</script></head>
<body><nav hidden>Home &gt; Articles 7/70</nav>
<div style="display: none">Hidden 6/60</div>
<!-- a comment 8/80 -->
<h1>Results</h1><p>Deaths were 3/11 (27%) vs 8/24&nbsp;(33%); p&nbsp;=&nbsp;0.70 &amp; OR&#160;0.75
(95% CI 0.16&ndash;3.5).</p>
<table><tr><th>Arm</th><th>Deaths</th></tr><tr><td>MSC</td><td>3/11</td></tr></table>
<noscript>Enable JavaScript 4/40</noscript><template><p>4/44</p></template>
</body></html>"""


def test_html_is_read_as_its_visible_text():
    decoded = read_document("page.html", HTML.encode())
    assert (decoded.status, decoded.encoding) == (STATUS_OK, "utf-8+html")
    text = decoded.text
    assert "Deaths were 3/11 (27%) vs 8/24\xa0(33%); p\xa0=\xa00.70 & OR\xa00.75" in text
    assert "(95% CI 0.16–3.5)." in text
    assert "Arm\tDeaths\nMSC\t3/11" in text
    for hidden in ("5/10", "7/70", "6/60", "8/80", "9/10", "4/40", "4/44", "Journal page", "<"):
        assert hidden not in text


def test_html_saved_under_a_text_name_is_recognised():
    assert read_document("page.txt", HTML.encode()).encoding == "utf-8+html"
    fragment = "<div><p>Deaths 3/11</p><p>Controls 8/24</p><span>x</span></div>"
    assert read_document("fragment.txt", fragment.encode()).text == "Deaths 3/11\nControls 8/24\nx"
    plain = "p <0.05 and <10 patients; a <b> tag mentioned once"
    assert read_document("plain.txt", plain.encode()).text == plain


def test_html_in_legacy_encodings_and_without_visible_text():
    page = "<html><body><p>Mortalité 3/11 – 患者</p></body></html>"
    decoded = read_document("page.htm", codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    assert (decoded.text, decoded.encoding) == ("Mortalité 3/11 – 患者", "utf-16-le+html")
    empty = read_document("empty.html", b"<html><head><script>x()</script></head></html>")
    assert (empty.status, empty.reason) == (STATUS_QUARANTINED, "empty (HTML without visible text)")


def test_malformed_html_does_not_raise():
    for page in ("<p>3/11", "</div></p>3/11", "<script>3/11", "<p <p <p>3/11", "&#xD800;3/11"):
        decoded = read_document("x.html", page.encode())
        assert decoded.status in {STATUS_OK, STATUS_QUARANTINED}
    assert html_to_text("<td>a</td><td>b</td>") == "a\tb"
