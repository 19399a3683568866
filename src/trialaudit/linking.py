"""Trials across documents: which documents (and studies within them) report the same trial,
and the evidence for each link.

Registration IDs decide first: studies that share one report the same trial, and studies with
different IDs never do. A study without an ID joins another study's trial only when the numbers
agree (a shared total or arm sizes: the fingerprint of a trial) and so does the description
(design, dose, title or authors). A study that cites a paper's DOI links to that paper's trial.
Title and author lists come from the studies table when it has ``title``/``authors`` columns,
otherwise from a look at the first lines of the document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from .facts import registry_of
from .vocabulary import CLUSTERS

GENERIC_DESIGNS = frozenset({"randomized", "prospective", "retrospective", "cohort"})
MIN_SHARED_TOTAL = 20  # a shared total below this is too common to identify a trial
MAX_BUCKET = 100  # studies sharing a number beyond which the number alone pairs nobody
MIN_TITLE_SIMILARITY = 0.3
MIN_SHARED_AUTHORS = 2
MIN_SPECIFIC_DESIGNS = 2
WEIGHTS = {
    "registration": 10.0,
    "doi": 10.0,
    "arm_size": 2.0,
    "total_n": 2.0,
    "design": 0.5,
    "generic_design": 0.25,
    "dose": 1.0,
    "title": 3.0,  # times the similarity
    "author": 0.5,
}
_STOPWORDS = frozenset(
    (
        "a an and as at by for from in into of on or the to with without vs versus after "
        "among during patients patient study trial results et al"
    ).split()
)
_NAME = r"[A-Z][A-Za-z'\u00C0-\u024F]+(?:-[A-Za-z][A-Za-z'\u00C0-\u024F]*)?"
_PERSON = re.compile(
    rf"^\s*(?:(?P<last>{_NAME}),\s(?:{_NAME}|[A-Z]\.?)(?:\s(?:{_NAME}|[A-Z]\.?))*"
    rf"|(?:(?:{_NAME}|[A-Z]\.)\s){{1,3}}(?P<final>{_NAME}))\s*$"
)


@dataclass(frozen=True)
class Evidence:
    """One observation behind a link, with its span in each of the two documents."""

    kind: str
    value: str
    weight: float
    span: tuple[int, int] | None = None
    other_span: tuple[int, int] | None = None


@dataclass
class Unit:
    """One study of one document and what identifies its trial."""

    doc_id: str
    study_id: str
    registrations: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    own_doi: str = ""
    dois: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    designs: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    arms: list[tuple[int, str, tuple[int, int]]] = field(default_factory=list)  # n, role, span
    totals: dict[int, tuple[int, int]] = field(default_factory=dict)
    doses: dict[str, tuple[int, int]] = field(default_factory=dict)
    title: str = ""
    title_span: tuple[int, int] | None = None
    authors: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    relation: str = "reports"
    # own_registrations of the registrations it was last computed for (linking asks often)
    _own: tuple[tuple[str, ...], list[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def name(self) -> str:
        return f"{self.doc_id}/{self.study_id}"

    def own_registrations(self) -> list[str]:
        """Registrations that identify this study's own trial: all of them, unless several
        come from one registry (then the document cites other trials and none is decisive)."""
        ids = tuple(self.registrations)
        if self._own is None or self._own[0] != ids:
            ordered = sorted(ids)
            registries = [registry_of(i) for i in ordered]
            self._own = ids, ordered if len(set(registries)) == len(registries) else []
        return list(self._own[1])


@dataclass
class Link:
    """Evidence that two units report the same trial, or why they cannot."""

    a: Unit
    b: Unit
    evidence: list[Evidence]
    veto: str = ""

    @property
    def score(self) -> float:
        return round(sum(e.weight for e in self.evidence), 6)

    def kinds(self) -> set[str]:
        return {e.kind for e in self.evidence}


def title_tokens(title: str) -> frozenset[str]:
    """Return the content words of a title (lower-case, crude plural folding)."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", title.lower())
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _STOPWORDS
    )


def title_similarity(a: str, b: str) -> float:
    """Return the Jaccard similarity of two titles' content words."""
    ta, tb = title_tokens(a), title_tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def guess_title(text: str) -> tuple[str, tuple[int, int] | None]:
    """Return the first line among the first 15 non-empty ones that reads like a title (six or
    more words, no digits-only start), with its span; ('', None) if there is none."""
    seen = 0
    for match in re.finditer(r"[^\n]+", text):
        line = match.group().strip()
        if not line:
            continue
        seen += 1
        if seen > 15:
            break
        if len(line.split()) >= 6 and len(line) >= 30 and not re.match(r"^[\d.]+\s", line):
            start = match.start() + match.group().index(line)
            return line, (start, start + len(line))
    return "", None


_SEMICOLON = re.compile(r"[^;]+")
_COMMA_OR_AND = re.compile(r"(?:(?!,|\s&\s|\sand\s).)+")
_AND = re.compile(r"\s(?=&\s|and\s)")


def _author_parts(line: str) -> list[str]:
    """Return the parts of a line an author list is split into: between semicolons when it has
    two or more, else between commas and the white space before '& ' or 'and ' (the runs that
    _COMMA_OR_AND finds, by splitting at the characters where it stops)."""
    if line.count(";") >= 2:
        return [part for part in line.split(";") if part]
    parts = []
    for piece in line.split(","):
        if "&" in piece or "and" in piece:
            parts.extend(part for part in _AND.split(piece) if part)
        elif piece:
            parts.append(piece)
    return parts


def _lists_authors(line: str) -> bool:
    """Return True when three or more parts of a line, and at least 80% of them, are person
    names (stops at the failure that makes that impossible)."""
    parts = _author_parts(line)
    needed = max(3, 0.8 * len(parts))
    failed = 0
    for part in parts:
        if not _PERSON.match(part.rstrip(".")):
            failed += 1
            if len(parts) - failed < needed:
                return False
    return len(parts) >= 3


def guess_authors(text: str) -> dict[str, tuple[int, int]]:
    """Return author key -> span for lines that list three or more person names separated by
    commas or semicolons ("Shi, Lei; Huang, Hai; ..." or "Meng-Qi Yuan, Le Song, ...")."""
    names: dict[str, tuple[int, int]] = {}
    line_start = 0
    for line in text.split("\n"):
        at, line_start = line_start, line_start + len(line) + 1
        if not line or not _lists_authors(line):
            continue
        pattern = _SEMICOLON if line.count(";") >= 2 else _COMMA_OR_AND
        for m in pattern.finditer(line):
            part = m.group()
            if _PERSON.match(part.rstrip(".")):
                name = part.strip().rstrip(".")
                start = at + m.start() + part.index(name)
                names.setdefault(author_key(name), (start, start + len(name)))
    return names


def _values(df: pd.DataFrame, name: str) -> list:
    """Return a column as Python values, missing ones as None (all None when the table lacks
    the column)."""
    if name not in df.columns:
        return [None] * len(df)
    missing = df[name].isna().tolist()
    return [None if gone else value for value, gone in zip(df[name].tolist(), missing, strict=True)]


def _text(value) -> str:
    return str(value or "")


def _given_span(start, end) -> tuple[int, int] | None:
    """Return the span two studies columns give, None when either is missing."""
    return None if start is None or end is None else (int(start), int(end))


def _first_studies(studies: pd.DataFrame) -> dict[str, str]:
    """Return doc_id -> the first (smallest) study_id of each document."""
    first: dict[str, str] = {}
    for doc_id, study_id in zip(
        studies["doc_id"].tolist(), studies["study_id"].tolist(), strict=True
    ):
        if doc_id not in first or study_id < first[doc_id]:
            first[doc_id] = study_id
    return first


def texts_needed(documents: pd.DataFrame, studies: pd.DataFrame) -> set[str]:
    """Return the readable documents whose text build_units reads: a first study without a
    title or authors (guessed from the text), a title without its span (found in the text)
    or an author list with its span (each name found in it)."""
    readable = set(documents.loc[documents["status"] == "ok", "doc_id"])
    first = _first_studies(studies)
    needed = set()
    for doc_id, study_id, title, title_start, title_end, authors, authors_start, authors_end in zip(
        *(_values(studies, name) for name in STUDY_TEXT_COLUMNS), strict=True
    ):
        if doc_id not in readable:
            continue
        is_first = study_id == first[doc_id]
        if (
            (_text(title) and _given_span(title_start, title_end) is None)
            or (_text(authors) and _given_span(authors_start, authors_end) is not None)
            or (is_first and not (_text(title) and _text(authors)))
        ):
            needed.add(doc_id)
    return needed


STUDY_TEXT_COLUMNS = (
    "doc_id", "study_id", "title", "title_start", "title_end",
    "authors", "authors_start", "authors_end",
)  # fmt: skip
GIVEN_FACTS = ("registration", "doi", "design", "dose")


def build_units(
    documents: pd.DataFrame,
    studies: pd.DataFrame,
    facts: pd.DataFrame,
    arms: pd.DataFrame,
    statistics: pd.DataFrame,
    texts: Mapping[str, str],
) -> list[Unit]:
    """Return one unit per study of every readable document, with what identifies its trial
    (columns a table lacks are simply not used). ``texts`` needs to hold the documents
    texts_needed names (others are not read).

    Works from whole columns, one pass per table (no per-row table look-ups)."""
    readable = set(documents.loc[documents["status"] == "ok", "doc_id"])
    first = _first_studies(studies)
    units: dict[tuple[str, str], Unit] = {}
    ordered = studies.sort_values(["doc_id", "study_id"])
    columns = (*STUDY_TEXT_COLUMNS, "doi", "registrations", "designs", "relation")
    for (
        doc_id, study_id, title, title_start, title_end, authors, authors_start, authors_end,
        doi, registrations, designs, relation,
    ) in zip(*(_values(ordered, name) for name in columns), strict=True):  # fmt: skip
        if doc_id not in readable:
            continue
        unit = Unit(doc_id, study_id)
        unit.own_doi = _text(doi).lower()
        for value in _text(registrations).split(";"):
            if value:
                unit.registrations[value] = None
        for value in _text(designs).split(";"):
            if value:
                unit.designs[value] = None
        if _text(relation):
            unit.relation = str(relation)
        title, authors = _text(title), _text(authors)
        is_first = study_id == first[doc_id]
        if title:
            unit.title = title
            unit.title_span = _given_span(title_start, title_end) or _found_span(
                texts.get(doc_id, ""), title
            )
        elif is_first:
            unit.title, unit.title_span = guess_title(texts.get(doc_id, ""))
        if authors:
            span = _given_span(authors_start, authors_end)
            text = texts.get(doc_id, "") if span is not None else ""
            unit.authors.update(_listed_authors(authors, span, text))
        elif is_first:
            unit.authors.update(guess_authors(texts.get(doc_id, "")))
        units[(doc_id, study_id)] = unit
    given = facts[facts["fact"].isin(GIVEN_FACTS)]
    for doc_id, study_id, fact, value, start, end in zip(
        *(given[c].tolist() for c in ("doc_id", "study_id", "fact", "value")),
        given["span_start"].tolist(),
        given["span_end"].tolist(),
        strict=True,
    ):
        unit = units.get((doc_id, study_id))
        if unit is None:
            continue
        span = int(start), int(end)
        if fact == "registration":
            unit.registrations[value] = span
        elif fact == "doi":
            unit.dois.setdefault(value.lower(), span)
        elif fact == "design":
            if unit.designs.get(value) is None:
                unit.designs[value] = span
        else:
            unit.doses.setdefault(value, span)
    for doc_id, study_id, n, role, start, end in zip(
        *(arms[c].tolist() for c in ("doc_id", "study_id", "n", "role", "span_start", "span_end")),
        strict=True,
    ):
        unit = units.get((doc_id, study_id))
        if unit is not None:
            unit.arms.append((int(n), role, (int(start), int(end))))
    sizes = statistics[
        (statistics["kind"] == "sample_size")
        & statistics["value"].notna()
        & (statistics["unit"] != CLUSTERS)
    ]
    for doc_id, study_id, value, start, end in zip(
        *(sizes[c].tolist() for c in ("doc_id", "study_id", "value", "span_start", "span_end")),
        strict=True,
    ):
        unit = units.get((doc_id, study_id))
        if unit is not None and float(value).is_integer():
            unit.totals.setdefault(int(value), (int(start), int(end)))
    for unit in units.values():
        by_role: dict[str, list[int]] = defaultdict(list)
        for n, role, _ in unit.arms:
            by_role[role].append(n)
        if by_role.get("intervention") and by_role.get("control"):
            total = max(by_role["intervention"]) + max(by_role["control"])
            if len(set(by_role["intervention"])) == 1:
                unit.totals.setdefault(total, None)
    return list(units.values())


def _found_span(text: str, value: str) -> tuple[int, int] | None:
    """Return where ``value`` first occurs in the text, else None."""
    found = text.find(value) if value else -1
    return (found, found + len(value)) if found >= 0 else None


def author_key(name: str) -> str:
    """Return a key for a person's name that ignores order, case, hyphens and initials' dots
    ("Shi, Lei", "Lei Shi" and "Lei SHI" give one key)."""
    words = re.sub(r"[^a-z\s]", "", name.lower().replace("-", "").replace(",", " ")).split()
    return " ".join(sorted(words))


def _listed_authors(
    authors: str, span: tuple[int, int] | None, text: str
) -> dict[str, tuple[int, int] | None]:
    """Return author key -> span of the name in the text for a ';'-separated author list."""
    found: dict[str, tuple[int, int] | None] = {}
    region_start = span[0] if span else 0
    region = text[span[0] : span[1]] if span else ""
    for name in (n.strip() for n in authors.split(";")):
        key = author_key(name)
        if not key:
            continue
        at = region.find(name) if region else -1
        found.setdefault(
            key, (region_start + at, region_start + at + len(name)) if at >= 0 else None
        )
    return found


def compare(a: Unit, b: Unit) -> Link:
    """Return the evidence that two units report the same trial, with a veto where they
    cannot (different registrations, or arm sizes that all differ)."""
    evidence: list[Evidence] = []
    reg_a, reg_b = set(a.own_registrations()), set(b.own_registrations())
    for rid in sorted(reg_a & reg_b):
        evidence.append(
            Evidence(
                "registration",
                rid,
                WEIGHTS["registration"],
                a.registrations[rid],
                b.registrations[rid],
            )
        )
    if reg_a and reg_b and not reg_a & reg_b:
        rids = f"{'+'.join(sorted(reg_a))} vs {'+'.join(sorted(reg_b))}"
        return Link(a, b, evidence, veto=f"different registrations ({rids})")
    if a.own_doi and a.own_doi == b.own_doi:
        evidence.append(
            Evidence("doi", a.own_doi, WEIGHTS["doi"], a.dois.get(a.own_doi), b.dois.get(a.own_doi))
        )
    shared_arms = []
    for n, role, span in a.arms:
        for m, other_role, other_span in b.arms:
            if (
                n == m
                and role == other_role
                and (n, role) not in [(x, r) for x, r, _ in shared_arms]
            ):
                shared_arms.append((n, role, (span, other_span)))
    for n, role, (span, other_span) in shared_arms:
        evidence.append(
            Evidence("arm_size", f"{role} n = {n}", WEIGHTS["arm_size"], span, other_span)
        )
    roles_a = {role for _, role, _ in a.arms}
    roles_b = {role for _, role, _ in b.arms}
    if not shared_arms and {"intervention", "control"} <= roles_a & roles_b:
        sizes = "/".join(str(n) for n, _, _ in a.arms), "/".join(str(n) for n, _, _ in b.arms)
        return Link(a, b, evidence, veto=f"arm sizes differ ({sizes[0]} vs {sizes[1]})")
    for total in sorted(set(a.totals) & set(b.totals), reverse=True):
        if total >= MIN_SHARED_TOTAL:
            evidence.append(
                Evidence(
                    "total_n", f"N = {total}", WEIGHTS["total_n"], a.totals[total], b.totals[total]
                )
            )
            break
    for design in sorted(set(a.designs) & set(b.designs)):
        kind = "generic_design" if design in GENERIC_DESIGNS else "design"
        evidence.append(Evidence(kind, design, WEIGHTS[kind], a.designs[design], b.designs[design]))
    for dose in sorted(set(a.doses) & set(b.doses)):
        evidence.append(Evidence("dose", dose, WEIGHTS["dose"], a.doses[dose], b.doses[dose]))
    similarity = title_similarity(a.title, b.title)
    if similarity >= MIN_TITLE_SIMILARITY:
        evidence.append(
            Evidence(
                "title",
                f"{similarity:.2f}",
                WEIGHTS["title"] * similarity,
                a.title_span,
                b.title_span,
            )
        )
    shared_authors = sorted(set(a.authors) & set(b.authors))
    if len(shared_authors) >= MIN_SHARED_AUTHORS:
        for name in shared_authors[:6]:
            evidence.append(
                Evidence("author", name, WEIGHTS["author"], a.authors[name], b.authors[name])
            )
    return Link(a, b, evidence)


def same_trial(link: Link) -> bool:
    """Return True when a link is decisive (registration, same paper) or when both the numbers
    (shared total >= 20, or arm sizes) and the description (two specific design labels, dose,
    title or authors) agree."""
    if link.veto:
        return False
    kinds = link.kinds()
    if kinds & {"registration", "doi"}:
        return True
    arms = [e for e in link.evidence if e.kind == "arm_size"]
    numbers = (
        "total_n" in kinds
        or len(arms) >= 2
        or any(int(e.value.rsplit("= ", 1)[1]) >= MIN_SHARED_TOTAL for e in arms)
    )
    specific = sum(1 for e in link.evidence if e.kind == "design")
    description = specific >= MIN_SPECIFIC_DESIGNS or kinds & {"dose", "title", "author"}
    return bool(numbers and description)


def _pairs(members: list[Unit], among: set[str] | None = None) -> set[tuple[str, str]]:
    """Return the name pairs (first < second) of ``members``; with ``among``, only the pairs
    with at least one of those names."""
    names = sorted(u.name for u in members)
    if among is None:
        return {(a, names[j]) for i, a in enumerate(names) for j in range(i + 1, len(names))}
    return {(a, b) if a < b else (b, a) for a in names if a in among for b in names if b != a}


def candidate_pairs(units: list[Unit], among: set[str] | None = None) -> list[tuple[Unit, Unit]]:
    """Return the pairs of units that share a number or their own DOI (the only pairs
    same_trial can accept besides a registration), sorted by name; avoids comparing all pairs.
    With ``among`` (unit names), only the pairs with at least one unit named in it.

    A number shared by more than MAX_BUCKET studies (an arm of 50 in a literature of 100,000
    abstracts) would give millions of pairs; within such a group only studies that also share
    an author are paired, so the work stays linear in the corpus. Such studies without authors
    are linked by registration or DOI only."""
    buckets: dict[tuple, list[Unit]] = defaultdict(list)
    for unit in units:
        keys = {("total", n) for n in unit.totals if n >= MIN_SHARED_TOTAL}
        keys |= {("arm", n, role) for n, role, _ in unit.arms}
        if unit.own_doi:
            keys.add(("doi", unit.own_doi))
        for key in keys:
            buckets[key].append(unit)
    pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if among is not None and not any(u.name in among for u in members):
            continue
        if len(members) <= MAX_BUCKET:
            pairs |= _pairs(members, among)
            continue
        by_author: dict[str, list[Unit]] = defaultdict(list)
        for unit in members:
            for author in unit.authors:
                by_author[author].append(unit)
        for group in by_author.values():
            if 1 < len(group) <= MAX_BUCKET:
                pairs |= _pairs(group, among)
    by_name = {u.name: u for u in units}
    return [(by_name[a], by_name[b]) for a, b in sorted(pairs)]


class _Groups:
    """Union-find over unit names."""

    def __init__(self, names: list[str]) -> None:
        self.parent = {n: n for n in names}

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.parent):
            out[self.find(name)].append(name)
        return out


@dataclass
class Membership:
    """A unit's place in a trial and the link that put it there."""

    unit: Unit
    relation: str
    linked_by: str
    link: Link | None = None


def link_units(units: list[Unit]) -> dict[str, list[Membership]]:
    """Return trial_id -> memberships: registration groups first, then the strongest links by
    similarity that do not join two differently registered trials, then DOI citations."""
    by_name = {u.name: u for u in units}
    groups = _Groups(sorted(by_name))
    first_with: dict[str, str] = {}
    chosen: dict[str, Link] = {}
    for unit in sorted(units, key=lambda u: u.name):
        for rid in unit.own_registrations():
            if rid in first_with:
                chosen.setdefault(unit.name, compare(by_name[first_with[rid]], unit))
                groups.union(first_with[rid], unit.name)
            else:
                first_with[rid] = unit.name
    links = []
    # Two units with registrations of their own never link by similarity (a shared one is a
    # registration link, different ones a veto): only pairs with an unregistered unit count.
    unregistered = {u.name for u in units if not u.own_registrations()}
    for a, b in candidate_pairs(units, unregistered):
        link = compare(a, b)
        if same_trial(link) and not link.kinds() & {"registration"}:
            links.append(link)
    links.sort(key=lambda ln: (-ln.score, ln.a.name, ln.b.name))
    # Registrations of each group, kept up to date as groups merge (by root).
    registered: dict[str, set[str]] = defaultdict(set)
    for name, unit in by_name.items():
        registered[groups.find(name)].update(unit.own_registrations())

    for link in links:
        ra, rb = groups.find(link.a.name), groups.find(link.b.name)
        if ra == rb:
            continue
        reg_a, reg_b = registered[ra], registered[rb]
        if reg_a and reg_b and not reg_a & reg_b:
            continue
        for unit in (link.b, link.a):
            if unit.name not in chosen and not unit.own_registrations():
                chosen[unit.name] = link
                break
        groups.union(ra, rb)
        registered[groups.find(ra)] = reg_a | reg_b
    trials: dict[str, list[Membership]] = {}
    trial_of: dict[str, str] = {}
    for root, names in groups.members().items():
        rids = sorted({rid for n in names for rid in by_name[n].own_registrations()})
        trial_id = "+".join(rids) if rids else root
        memberships = []
        for name in names:
            unit, link = by_name[name], chosen.get(name)
            own = unit.own_registrations()
            if own and (link is None or "registration" not in link.kinds()):
                link = Link(
                    unit,
                    unit,
                    [
                        Evidence(
                            "registration", rid, WEIGHTS["registration"], unit.registrations[rid]
                        )
                        for rid in own
                    ],
                )
            if own:
                linked_by = "registration"
            elif link is not None:
                linked_by = "doi" if "doi" in link.kinds() else "similarity"
            else:
                linked_by = "own study"
            memberships.append(Membership(unit, unit.relation, linked_by, link))
            trial_of[name] = trial_id
        trials[trial_id] = memberships
    _add_citations(units, trials, trial_of)
    return dict(sorted(trials.items()))


def _add_citations(units: list[Unit], trials: dict, trial_of: dict[str, str]) -> None:
    """Link a unit to the trial of every paper whose DOI it cites, and to every registered
    trial it names without it being its own (several IDs of one registry)."""
    own_doi = {u.own_doi: u for u in units if u.own_doi}
    registered = {rid: tid for tid in trials for rid in tid.split("+")}
    for unit in sorted(units, key=lambda u: u.name):
        linked = {trial_of[unit.name]}
        for doi, span in sorted(unit.dois.items()):
            target = own_doi.get(doi)
            if doi == unit.own_doi or target is None:
                continue
            trial_id = trial_of[target.name]
            if trial_id in linked:
                continue
            link = Link(
                unit, target, [Evidence("doi", doi, WEIGHTS["doi"], span, target.dois.get(doi))]
            )
            trials[trial_id].append(Membership(unit, "quotes", "doi", link))
            linked.add(trial_id)
        if unit.own_registrations():
            continue
        for rid, span in sorted(unit.registrations.items()):
            trial_id = registered.get(rid)
            if trial_id is None or trial_id in linked:
                continue
            link = Link(unit, unit, [Evidence("registration", rid, WEIGHTS["registration"], span)])
            trials[trial_id].append(Membership(unit, "mentions", "registration", link))
            linked.add(trial_id)


def _describe(link: Link | None) -> str:
    """Return the evidence of a link in words, strongest first."""
    if link is None:
        return ""
    order = sorted(link.evidence, key=lambda e: (-e.weight, e.kind, e.value))
    words = {
        "registration": "registration {}",
        "doi": "DOI {}",
        "arm_size": "same arm size ({})",
        "total_n": "same total ({})",
        "design": "design {}",
        "generic_design": "design {}",
        "dose": "dose {} cells",
        "title": "title similarity {}",
        "author": "author {}",
    }
    return "; ".join(words[e.kind].format(e.value) for e in order)


def trials_rows(trials: dict[str, list[Membership]]) -> list[dict]:
    """Return one row per (trial, document study) with how it was linked and why."""
    rows = []
    for trial_id, memberships in trials.items():
        titles = [m.unit.title for m in memberships if m.relation == "reports" and m.unit.title]
        label = trial_id if "/" not in trial_id else (titles[0][:80] if titles else trial_id)
        for m in memberships:
            other = None
            if m.link is not None:
                other = m.link.b if m.link.a is m.unit else m.link.a
            rows.append(
                {
                    "trial_id": trial_id,
                    "trial_label": label,
                    "registrations": ";".join(m.unit.own_registrations()),
                    "doc_id": m.unit.doc_id,
                    "study_id": m.unit.study_id,
                    "relation": m.relation,
                    "linked_by": m.linked_by,
                    "linked_to_doc_id": other.doc_id
                    if other is not None and other is not m.unit
                    else "",
                    "linked_to_study_id": other.study_id
                    if other is not None and other is not m.unit
                    else "",
                    "score": m.link.score if m.link is not None else None,
                    "evidence": _describe(m.link),
                    "title": m.unit.title,
                }
            )
    return rows


def evidence_documents(trials: dict[str, list[Membership]]) -> set[str]:
    """Return the documents whose text evidence_rows quotes (both ends of every link)."""
    needed = set()
    for memberships in trials.values():
        for m in memberships:
            if m.link is not None and m.link.evidence:
                needed.update((m.link.a.doc_id, m.link.b.doc_id))
    return needed


def evidence_rows(trials: dict[str, list[Membership]], texts: Mapping[str, str]) -> list[dict]:
    """Return one row per piece of evidence behind each link, with its span in both texts."""
    rows = []
    for trial_id, memberships in trials.items():
        for m in memberships:
            if m.link is None:
                continue
            other = m.link.b if m.link.a is m.unit else m.link.a
            for e in m.link.evidence:
                span, other_span = (
                    (e.span, e.other_span) if m.link.a is m.unit else (e.other_span, e.span)
                )
                text, other_text = texts.get(m.unit.doc_id, ""), texts.get(other.doc_id, "")
                rows.append(
                    {
                        "trial_id": trial_id,
                        "doc_id": m.unit.doc_id,
                        "study_id": m.unit.study_id,
                        "other_doc_id": other.doc_id if other is not m.unit else "",
                        "other_study_id": other.study_id if other is not m.unit else "",
                        "kind": e.kind,
                        "value": e.value,
                        "weight": e.weight,
                        "source_text": text[span[0] : span[1]] if span else "",
                        "span_start": span[0] if span else None,
                        "span_end": span[1] if span else None,
                        "other_source_text": (
                            other_text[other_span[0] : other_span[1]]
                            if other_span and other is not m.unit
                            else ""
                        ),
                        "other_span_start": other_span[0]
                        if other_span and other is not m.unit
                        else None,
                        "other_span_end": other_span[1]
                        if other_span and other is not m.unit
                        else None,
                    }
                )
    return rows
