"""The studies a document reports and which stretch of text belongs to which study.

A journal page reports one study; a forum thread may quote a follow-up paper and, further
down, the original trial; a review may walk through several trials. A new study starts at a
paper title followed by an author list, at a line that announces "the original study", or
(when a document names several registrations) at the sentence naming another registration.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .facts import Fact

_TITLE_WORDS = re.compile(
    r"(?i)\b(?:trial|study|follow-up|cohort|randomi[sz]ed|observation|analysis|review|outcomes?"
    r"|efficacy|safety|effects?|treatment|therapy|patients|versus|vs)\b"
)
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_BREAK = re.compile(r"[.!?]\s[A-Z]")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|was|were)\b")
_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z'\-.]{0,30}|[A-Z]{1,3}\.?)(?:\s(?:[A-Z][A-Za-z'\-.]{0,30})){0,5}$"
)
_MARKER = re.compile(
    r"(?i)^\s{0,20}(?:from|in|quoting|here\sis|this\sis)?\s?(?:the\s)?(?:original|earlier|parent"
    r"|previous|first)\s(?:study|trial|paper|article|publication|report)\b"
)
_JOURNAL_LABEL = re.compile(
    r"(?im)^[\s\-]{0,6}(?:journal|source|from|published\sin|\u671f\u520a|\u6765\u6e90)\s?:?\s{0,6}$"
)
_JOURNAL_INLINE = re.compile(
    r"(?im)^[\s\-]{0,6}(?:journal|source|published\sin)\s?:\s?(?P<j>[A-Z][^\n]{2,100})$"
)
# The next three open with a literal or one character class, lookbehinds after it, so that
# the matcher skips to where it occurs (see masks.py; tests/test_pattern_rewrites.py).
_JOURNAL_PDF = re.compile(r"P(?<!\wP)DF\s\((?P<j>[A-Z][A-Za-z&,.:\- ]{2,100})\)")
# Publisher names a citation may print before a journal title of four or more words.
_PUBLISHER = re.compile(
    r"(?:Nature|Springer|Elsevier|Wiley|Cell\sPress|Frontiers|MDPI|BMJ|Oxford|Cambridge|Taylor"
    r"\s&\sFrancis|SAGE|Karger|Thieme|Wolters\sKluwer|Lippincott)\s"
)
_YEAR_CITATION = re.compile(r"(?P<y>(?:1(?<![\d.]1)9|2(?<![\d.]2)0)\d{2})\s?;\s?\d{1,4}\s?[(:]")
_YEAR_COPYRIGHT = re.compile(
    r"[Cc\u00a9Pp](?i:(?<=[Cc])opyright\s?(?:\(c\)|\u00a9)?|(?<=\u00a9)|(?<=[Pp])ublished"
    r"(?:\sonline)?:?)(?i:\s?(?:[A-Za-z]{3,9}\.?\s)?(?:\d{1,2},?\s)?(?P<y>(?:19|20)\d{2})\b)"
)
_YEAR_TITLE = re.compile(r"(?:\((?P<y1>(?:19|20)\d{2})\)|,\s(?P<y2>(?:19|20)\d{2}),\s[A-Z])")
_AUTHOR_LABEL = re.compile(r"(?im)^[\s\-]{0,6}authors?\s?:\s{0,6}$")
_AUTHOR_BLOCK_END = re.compile(r"(?i)author\sinformation|affiliations?|^-\s")
_REVIEW = re.compile(r"(?i)\b(?:review|meta-analysis|meta-analyses|pooled\sanalysis)\b")


@dataclass
class Study:
    """One study of a document: its id, the text segments that belong to it and what the
    text says about it."""

    study_id: str
    segments: list[tuple[int, int]] = field(default_factory=list)
    title: tuple[int, int] | None = None
    title_tokens: frozenset[str] = frozenset()
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Layout:
    """The studies of a document and the study each offset belongs to."""

    studies: list[Study]
    starts: list[int]
    owners: list[int]

    def study_at(self, offset: int) -> str:
        """Return the study_id of the segment containing ``offset``."""
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.studies[self.owners[index]].study_id if self.owners else "S1"


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-empty line, without surrounding spaces."""
    spans = []
    for m in re.finditer(r"[^\n]{1,20000}", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def is_title(line: str) -> bool:
    """Return True if a line reads like a paper title."""
    if len(line) > 400 or not line[0].isupper() or not 5 <= len(line.split()) <= 60:
        return False
    if not _TITLE_WORDS.search(line):
        return False
    letters = len(_LETTER.findall(line))
    if letters < 0.7 * len(line.replace(" ", "")):
        return False
    return not (_SENTENCE_BREAK.search(line) or _FIRST_PERSON.search(line))


def author_names(line: str) -> list[str]:
    """Return the names of an author list line ("A Yuan, L Song & F Wang", "Shi, Lei; Huang,
    Hai; ..."), or [] when the line is not an author list."""
    line = re.sub(r"\s(?:&|and)\s", ", ", line.strip())
    parts = [p.strip(" .*") for p in re.split(r"[;,]", line)]
    parts = [p for p in parts if p.lower() not in {"et al", "et al."}]  # "Castillo-Ruiz M, et al."
    parts = [re.sub(r"\s?\d{1,3}(?:,\d{1,3}){0,5}$", "", p) for p in parts if p]
    if len(parts) < 3 or sum(
        len(p.split()) <= 4 and bool(_NAME.match(p)) for p in parts
    ) < 0.8 * len(parts):
        return []
    if ";" in line:
        return [re.sub(r"\s{1,100}", " ", p).strip() for p in line.split(";") if p.strip()]
    return parts


def _author_fact(text: str, lines: list[tuple[int, int]], index: int) -> Fact | None:
    """Return the author-list fact on the lines right after title line ``index``."""
    for start, end in lines[index + 1 : index + 2]:
        names = author_names(text[start:end])
        if names:
            return Fact("authors", "; ".join(names), start, end, float(len(names)))
    return None


def _author_block(text: str, lines: list[tuple[int, int]]) -> Fact | None:
    """Return the authors of a "Author:" block with one name (and affiliation digits) a line."""
    for index, (start, end) in enumerate(lines):
        if not _AUTHOR_LABEL.match(text[start:end]):
            continue
        names, first, last = [], None, None
        for s, e in lines[index + 1 : index + 200]:
            line = text[s:e]
            if _AUTHOR_BLOCK_END.search(line):
                break
            if _NAME.match(line) and len(line.split()) <= 4:
                names.append(line)
                first = s if first is None else first
                last = e
        if len(names) >= 1 and first is not None and last is not None:
            return Fact("authors", "; ".join(names), first, last, float(len(names)))
    return None


_NEXT_LINE_NAME = re.compile(
    r"(?:\n\s{0,20}){1,3}(?P<j>[A-Z][A-Za-z&,.:\- ]{2,100}?)[ \t]{0,20}(?=\n|$)"
)


def _journal_facts(text: str) -> list[Fact]:
    """Return journal titles: after a "Journal" label, inline, or in "PDF (...)"."""
    rows = []
    for m in _JOURNAL_LABEL.finditer(text):
        nxt = _NEXT_LINE_NAME.match(text, m.end())
        if nxt:
            rows.append(Fact("journal", nxt.group("j").strip(), nxt.start("j"), nxt.end("j")))
    for m in _JOURNAL_INLINE.finditer(text):
        rows.append(Fact("journal", m.group("j").strip(), m.start("j"), m.end("j")))
    for m in _JOURNAL_PDF.finditer(text):
        start = m.start("j")
        publisher = _PUBLISHER.match(m.group("j"))
        if publisher and len(m.group("j")[publisher.end() :].split()) >= 4:
            start += publisher.end()  # "Nature Signal Transduction and Targeted Therapy"
        rows.append(Fact("journal", text[start : m.end("j")].strip(), start, m.end("j")))
    return rows


def _year_facts(text: str, titles: list[tuple[int, int]]) -> list[Fact]:
    """Return publication years of citations, copyright lines and titles."""
    rows = []
    for pattern in (_YEAR_CITATION, _YEAR_COPYRIGHT):
        for m in pattern.finditer(text):
            rows.append(Fact("year", m.group("y"), m.start("y"), m.end("y"), float(m.group("y"))))
    for start, end in titles:
        for m in _YEAR_TITLE.finditer(text, start, end):
            group = "y1" if m.group("y1") else "y2"
            rows.append(
                Fact("year", m.group(group), m.start(group), m.end(group), float(m.group(group)))
            )
    return rows


def _same_study(a: frozenset[str], b: frozenset[str]) -> bool:
    """Return True if two titles share most of their words."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.6


def _tokens(line: str) -> frozenset[str]:
    """Return the words of a title of three or more letters or digits."""
    return frozenset(w for w in re.findall(r"[a-z0-9]{3,}", line.lower()))


def layout(text: str, registrations: list[Fact]) -> Layout:
    """Return the studies of a document: where each starts, its title, authors, journal and
    year (as facts with spans)."""
    lines = _lines(text)
    studies = [Study("S1")]
    anchors: list[tuple[int, int]] = [(0, 0)]
    title_lines: list[tuple[int, int]] = []
    current = 0
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        head = index < 15 and studies[0].title is None
        if _MARKER.match(line) and index > 0:
            studies.append(Study(f"S{len(studies) + 1}"))
            current = len(studies) - 1
            anchors.append((start, current))
            continue
        if not is_title(line):
            continue
        author = _author_fact(text, lines, index)
        if not head and author is None:
            continue
        if head and author is None and line.endswith(".") and index > 10:
            continue
        tokens = _tokens(line)
        title_lines.append((start, end))
        match = next(
            (i for i, s in enumerate(studies) if _same_study(tokens, s.title_tokens)), None
        )
        if head:
            match = 0
        elif match is None:
            if studies[current].title is None and current > 0:
                match = current
            else:
                studies.append(Study(f"S{len(studies) + 1}"))
                match = len(studies) - 1
        study = studies[match]
        if study.title is None:
            study.title = (start, end)
            study.title_tokens = tokens
            study.facts.append(Fact("title", re.sub(r"\s{1,100}", " ", line), start, end))
        if author is not None and not any(f.fact == "authors" for f in study.facts):
            study.facts.append(author)
        if match != current:
            anchors.append((start, match))
            current = match
    anchors = _registration_anchors(text, registrations, anchors, studies)
    anchors = _named_anchors(text, anchors, studies)
    anchors = _ordinal_anchors(text, anchors, studies)
    starts, owners = [], []
    for start, owner in sorted(anchors):
        if owners and owners[-1] == owner:
            continue
        starts.append(start)
        owners.append(owner)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        studies[owners[index]].segments.append((start, end))
    found = Layout(studies=studies, starts=starts, owners=owners)
    block = _author_block(text, lines)
    for fact in [*(_journal_facts(text)), *(_year_facts(text, title_lines))] + (
        [block] if block else []
    ):
        study = studies[owners[max(0, bisect.bisect_right(starts, fact.start) - 1)]]
        if fact.fact == "authors" and any(f.fact == "authors" for f in study.facts):
            continue
        study.facts.append(fact)
    return found


# A registry record's line of the trial's other numbers: "Secondary identifying numbers: EudraCT
# 2017-001234-56" (ISRCTN), "Other Study ID Numbers" and "Secondary IDs" (ClinicalTrials.gov, WHO).
_SECONDARY_IDS = re.compile(
    r"(?i)\b(?:secondary\sidentifying\snumbers|other\sstudy\sid\snumbers|secondary\sids?"
    r"|other\sids?)\b"
)


def _registration_anchors(
    text: str, registrations: list[Fact], anchors: list[tuple[int, int]], studies: list[Study]
) -> list[tuple[int, int]]:
    """When one stretch of text names several registrations in different sentences (a review
    walking through trials), start a study at each sentence naming a new registration. A
    record's secondary identifiers are the same trial's (_SECONDARY_IDS)."""
    registrations = [
        f
        for f in registrations
        if not _SECONDARY_IDS.search(text, text.rfind("\n", 0, f.start) + 1, f.start)
    ]
    distinct = list(dict.fromkeys(f.value for f in registrations))
    if len(distinct) < 2 or len(studies) > 1:
        return anchors
    sentence_ids: dict[int, set[str]] = {}
    for fact in registrations:
        sentence_ids.setdefault(_sentence_start(text, fact.start), set()).add(fact.value)
    if any(len(ids) > 1 for ids in sentence_ids.values()):
        return anchors
    by_id: dict[str, int] = {}
    new_anchors = list(anchors)
    review = bool(studies[0].title and _REVIEW.search(text[slice(*studies[0].title)]))
    for fact in registrations:
        if fact.value in by_id:
            owner = by_id[fact.value]
        elif not by_id and not review:
            owner = 0
            by_id[fact.value] = 0
        else:
            studies.append(Study(f"S{len(studies) + 1}"))
            owner = len(studies) - 1
            by_id[fact.value] = owner
        new_anchors.append((_sentence_start(text, fact.start), owner))
    return new_anchors


# Trials a text tells apart by name: "Study 1 (episodic ...)" and "Study 2 (chronic ...)"
# anywhere; in a discussion thread also "the Kisumu trial", "The Mekong triple-therapy trial" and
# an acronym ("MEND-ARDS").
_NUMBERED_STUDY = re.compile(r"\b(?:Study|Trial)\s(?P<key>[1-9]|[A-D])\b(?![\-.]\d)")
_NAMED_TRIAL = re.compile(
    r"\b[Tt]he\s(?P<key>[A-Z][a-z]{3,20})(?:\s[A-Za-z][\w\-]{1,20})?\s(?:trial|study)\b"
    # "MEND-ARDS": six letters or more, not a test, cell or condition ("RT-PCR", "UC-MSC",
    # "COVID-ARDS")
    r"|(?<![\w\-])(?!COVID|SARS)(?P<acronym>(?=[A-Z\-]{7})[A-Z]{2,10}-[A-Z]{2,10})(?![\w\-])"
)
_THREAD = re.compile(
    r"(?i)\b(?:post\s\#\d|reply\s\#?\d|quote:|posted\sby|joined:|messages:|\d+\sreplies)"
)


def _named_anchors(
    text: str, anchors: list[tuple[int, int]], studies: list[Study]
) -> list[tuple[int, int]]:
    """When a text with no other split names two or more trials (_NUMBERED_STUDY, _NAMED_TRIAL),
    start a study at each sentence that names one, returning to it when it is named again; a
    second name in a sentence starts its study where it is named."""
    if len(studies) > 1:
        return anchors
    mentions = [(m.start(), f"#{m.group('key')}") for m in _NUMBERED_STUDY.finditer(text)]
    if _THREAD.search(text):
        mentions += [
            (m.start(), m.group("key") or m.group("acronym")) for m in _NAMED_TRIAL.finditer(text)
        ]
    if len({key for _, key in mentions}) < 2:
        return anchors
    by_key: dict[str, int] = {}
    new_anchors = list(anchors)
    named_in: dict[int, str] = {}  # sentence start -> the key named first in it
    for start, key in sorted(mentions):
        if key not in by_key:
            if by_key:
                studies.append(Study(f"S{len(studies) + 1}"))
            by_key[key] = len(studies) - 1
        sentence = _sentence_start(text, start)
        first = named_in.setdefault(sentence, key)
        new_anchors.append((sentence if first == key else start, by_key[key]))
    return new_anchors


# A sentence that opens with a further trial and says what it did: "A second trial, FLUENT-HR,
# enrolled ...", "In a third study, 120 patients ..." (not "A second trial is needed", nor "the
# second study visit").
_ORDINAL_STUDY = re.compile(
    r"(?:^|(?<=[.!?\]]\s)|(?<=\n))(?:In\s)?(?:A|The|a|the)\s(?P<nth>second|third|fourth)"
    r"(?:\s[\w\-]{1,20}){0,3}?\s(?:trial|study|RCT)(?=\s?[,(]|\s(?:enrolled|randomi[sz]ed"
    r"|included|recruited|assigned|compared|tested|evaluated|involved|of|in|among|with)\b)"
)


def _ordinal_anchors(
    text: str, anchors: list[tuple[int, int]], studies: list[Study]
) -> list[tuple[int, int]]:
    """When a text with no other split tells of a further trial in a sentence of its own
    (_ORDINAL_STUDY, as an encyclopedia or a review paragraph does), that sentence starts a
    new study."""
    if len(studies) > 1:
        return anchors
    new_anchors = list(anchors)
    for match in _ORDINAL_STUDY.finditer(text):
        studies.append(Study(f"S{len(studies) + 1}"))
        new_anchors.append((match.start(), len(studies) - 1))
    return new_anchors


def _sentence_start(text: str, offset: int) -> int:
    """Return the offset where the sentence containing ``offset`` starts."""
    stop = text.rfind(". ", 0, offset)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, offset) + 1)
