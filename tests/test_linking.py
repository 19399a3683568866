"""Trials across documents: registration IDs decide, then numbers plus description; distinct
trials by the same authors stay apart; every link carries its evidence with spans."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trialaudit import linking, schemas, tables
from trialaudit.extract import extract_document

BCG = Path(__file__).parent / "data" / "bcg"


def _unit(name, **fields) -> linking.Unit:
    doc_id, study_id = name.split("/")
    unit = linking.Unit(doc_id, study_id)
    for key, value in fields.items():
        setattr(unit, key, value)
    return unit


def _trial_of(trials: dict) -> dict[str, str]:
    return {
        m.unit.name: trial_id
        for trial_id, ms in trials.items()
        for m in ms
        if m.relation == "reports"
    }


def test_shared_registration_links_and_different_ones_never_do():
    a = _unit("a/S1", registrations={"NCT00000001": (0, 11)}, totals={100: (20, 23)})
    b = _unit("b/S1", registrations={"NCT00000001": (5, 16)})
    c = _unit(
        "c/S1",
        registrations={"NCT00000002": (0, 11)},
        totals={100: (1, 4)},
        designs={"double-blind": None, "placebo-controlled": None},
        doses={"4e+07": (9, 12)},
    )
    trial_of = _trial_of(linking.link_units([a, b, c]))
    assert trial_of["a/S1"] == trial_of["b/S1"] == "NCT00000001"
    assert trial_of["c/S1"] == "NCT00000002"
    assert "different registrations" in linking.compare(a, c).veto


def test_numbers_alone_or_description_alone_do_not_link():
    design = {"double-blind": None, "placebo-controlled": None, "phase 2": None}
    numbers_only = linking.compare(
        _unit("a/S1", totals={100: None}), _unit("b/S1", totals={100: None})
    )
    words_only = linking.compare(_unit("a/S1", designs=design), _unit("b/S1", designs=design))
    both = linking.compare(
        _unit("a/S1", totals={100: None}, designs=design),
        _unit("b/S1", totals={100: None}, designs=design),
    )
    assert not linking.same_trial(numbers_only)
    assert not linking.same_trial(words_only)
    assert linking.same_trial(both)


def test_small_shared_totals_are_not_a_fingerprint():
    design = {"double-blind": None, "placebo-controlled": None}
    link = linking.compare(
        _unit("a/S1", totals={12: None}, designs=design),
        _unit("b/S1", totals={12: None}, designs=design),
    )
    assert not linking.same_trial(link)


def test_differing_arm_sizes_veto_a_link():
    a = _unit(
        "a/S1",
        arms=[(65, "intervention", (0, 2)), (35, "control", (5, 7))],
        totals={100: None},
        designs={"double-blind": None, "placebo-controlled": None},
    )
    b = _unit(
        "b/S1",
        arms=[(50, "intervention", (0, 2)), (50, "control", (5, 7))],
        totals={100: None},
        designs={"double-blind": None, "placebo-controlled": None},
    )
    assert "arm sizes differ" in linking.compare(a, b).veto


def test_unregistered_report_joins_the_registered_trial_it_matches():
    design = {"double-blind": (1, 2), "placebo-controlled": (3, 4), "randomized": (5, 6)}
    registered = _unit(
        "a/S1", registrations={"NCT04288102": (0, 11)}, totals={100: (20, 23)}, designs=design
    )
    follow_up = _unit("b/S1", totals={100: (7, 10)}, designs=design, title="x")
    other = _unit(
        "c/S1", registrations={"ChiCTR2000031430": (0, 16)}, totals={100: (1, 4)}, designs=design
    )
    trials = linking.link_units([registered, follow_up, other])
    assert _trial_of(trials)["b/S1"] == "NCT04288102"
    membership = next(m for m in trials["NCT04288102"] if m.unit is follow_up)
    assert membership.linked_by == "similarity"
    kinds = {e.kind for e in membership.link.evidence}
    assert {"total_n", "design"} <= kinds


def test_a_report_that_cites_a_papers_doi_links_to_its_trial():
    paper = _unit(
        "a/S1",
        registrations={"NCT00000001": (0, 11)},
        own_doi="10.1/abc",
        dois={"10.1/abc": (30, 38)},
    )
    citing = _unit(
        "b/S1",
        registrations={"NCT00000009": (0, 11)},
        own_doi="10.9/xyz",
        dois={"10.9/xyz": (40, 48), "10.1/abc": (90, 98)},
    )
    trials = linking.link_units([paper, citing])
    quoted = [m for m in trials["NCT00000001"] if m.unit is citing]
    assert [(m.relation, m.linked_by) for m in quoted] == [("quotes", "doi")]
    assert quoted[0].link.evidence[0].span == (90, 98)


def test_guessed_title_and_authors():
    text = (
        "4.7 Article\n\nA randomized trial of something in severe disease\n"
        "Shi, Lei; Huang, Hai; Lu, Xuechun\n"
    )
    title, span = linking.guess_title(text)
    assert title == "A randomized trial of something in severe disease"
    assert text[span[0] : span[1]] == title
    authors = linking.guess_authors(text)
    assert sorted(authors) == ["hai huang", "lei shi", "lu xuechun"]
    assert all(linking.author_key(text[s:e]) == key for key, (s, e) in authors.items())
    assert linking.author_key("Zerui WANG") == linking.author_key("Ze-Rui Wang")
    assert linking.guess_authors("Yuan M, Song L and Wang Z-R went home.") == {}


def _extracted(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    collected: dict[str, list] = {n: [] for n in ("statistics", "arms", "facts", "studies")}
    for doc_id, text in sorted(texts.items()):
        extraction = extract_document(doc_id, text)
        for name in collected:
            collected[name].extend(getattr(extraction, name))
    models = {
        "statistics": schemas.StatisticsTable,
        "arms": schemas.ArmsTable,
        "facts": schemas.FactsTable,
        "studies": schemas.StudiesTable,
    }
    frames = {name: tables.frame(rows, models[name]) for name, rows in collected.items()}
    frames["documents"] = pd.DataFrame({"doc_id": sorted(texts), "status": "ok"})
    return frames


def _link(texts: dict[str, str]):
    frames = _extracted(texts)
    units = linking.build_units(**frames, texts=texts)
    return linking.link_units(units)


def test_seed_reports_of_one_trial_are_linked(seed_texts):
    trials = _link(seed_texts)
    trial_of = {m.unit.doc_id: t for t, ms in trials.items() for m in ms if m.relation == "reports"}
    assert trial_of["000_687c769a69b8fe8d"] == "NCT04288102"
    assert trial_of["001_ee862e205fadbfc4"] == "NCT04288102"
    assert trial_of["002_41f0e3bedab7cc11"] == "ChiCTR2000031430"
    assert trial_of["004_1d94033127122713"] == "IRCT20200217046526N2"
    assert trial_of["003_b5f6180764dcc2c0"] not in {
        "NCT04288102",
        "ChiCTR2000031430",
        "IRCT20200217046526N2",
    }
    assert len(set(trial_of.values())) == 4


def test_seed_link_evidence_reproduces_its_characters(seed_texts):
    trials = _link(seed_texts)
    rows = tables.frame(linking.evidence_rows(trials, seed_texts), schemas.TrialEvidenceTable)
    linked = rows[rows["doc_id"] == "000_687c769a69b8fe8d"]
    assert set(linked["other_doc_id"]) == {"001_ee862e205fadbfc4"}
    assert "total_n" in set(linked["kind"])
    for row in rows.itertuples(index=False):
        if pd.notna(row.span_start):
            text = seed_texts[row.doc_id]
            assert text[row.span_start : row.span_end] == row.source_text
        if pd.notna(row.other_span_start):
            text = seed_texts[row.other_doc_id]
            assert text[row.other_span_start : row.other_span_end] == row.other_source_text
    table = tables.frame(linking.trials_rows(trials), schemas.TrialsTable)
    follow_up = table[table["doc_id"] == "000_687c769a69b8fe8d"].iloc[0]
    assert follow_up["linked_by"] == "similarity"
    assert "same total (N = 100)" in follow_up["evidence"]


def test_thirteen_bcg_trials_stay_thirteen_trials():
    """Two Rosenthal and three Comstock trials share authors, design and title wording."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(BCG.glob("*.txt"))}
    trials = _link(texts)
    assert len(texts) == 13
    assert len(trials) == 13


def test_only_units_sharing_a_number_or_doi_are_compared():
    units = [
        _unit("a/S1", totals={100: None}),
        _unit("b/S1", totals={100: None}, arms=[(8, "control", (0, 1))]),
        _unit("c/S1", arms=[(8, "control", (0, 1))]),
        _unit("d/S1", totals={12: None}),
        _unit("e/S1", totals={12: None}, own_doi="10.1/x"),
        _unit("f/S1", own_doi="10.1/x"),
    ]
    pairs = [(a.name, b.name) for a, b in linking.candidate_pairs(units)]
    assert pairs == [("a/S1", "b/S1"), ("b/S1", "c/S1"), ("e/S1", "f/S1")]


def test_a_number_shared_by_many_studies_pairs_only_those_sharing_an_author():
    n = linking.MAX_BUCKET + 50
    units = [_unit(f"d{i:04d}/S1", arms=[(50, "intervention", (0, 5))]) for i in range(n)]
    units[3].authors = {"jane roe": (10, 18)}
    units[77].authors = {"jane roe": (10, 18)}
    small = [_unit(f"e{i}/S1", arms=[(61, "intervention", (0, 5))]) for i in range(3)]
    pairs = {(a.name, b.name) for a, b in linking.candidate_pairs(units + small)}
    assert ("d0003/S1", "d0077/S1") in pairs
    assert {("e0/S1", "e1/S1"), ("e0/S1", "e2/S1"), ("e1/S1", "e2/S1")} <= pairs
    assert len(pairs) == 4  # not the n * (n - 1) / 2 pairs of the shared arm of 50


def _reference_authors(text: str) -> dict[str, tuple[int, int]]:
    """guess_authors as first written: every line split by one regex, every part matched."""
    import re

    names: dict[str, tuple[int, int]] = {}
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        pattern = r"[^;]+" if line.count(";") >= 2 else r"(?:(?!,|\s&\s|\sand\s).)+"
        parts = [(m.start(), m.group()) for m in re.finditer(pattern, line)]
        if len(parts) < 3:
            continue
        people = []
        for offset, part in parts:
            if linking._PERSON.match(part.rstrip(".")):
                name = part.strip().rstrip(".")
                start = match.start() + offset + part.index(name)
                people.append((linking.author_key(name), (start, start + len(name))))
        if len(people) >= 3 and len(people) >= 0.8 * len(parts):
            for surname, span in people:
                names.setdefault(surname, span)
    return names


def test_author_parts_are_the_runs_of_the_separator_regex():
    import random
    import re

    runs = re.compile(r"(?:(?!,|\s&\s|\sand\s).)+")
    pieces = [",", "&", "and", " ", "\t", "\u00a0", "\u2028", "a", "n", "d", "X", ";", "Lee"]
    pieces += [" and ", " & ", ", ", "Ann", "band"]
    rng = random.Random(7)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))).replace("\n", "")
        expected = (
            [p for p in line.split(";") if p]
            if line.count(";") >= 2
            else [m.group() for m in runs.finditer(line)]
        )
        assert linking._author_parts(line) == expected, repr(line)


def test_guessed_authors_need_three_names_and_four_parts_in_five():
    lines = [
        "Meng-Qi Yuan, Le Song, Zhi Wang, Hai Huang, 12 patients",  # 4 names in 5 parts
        "Ada Byron, Bob Dole, Cal Ripken, 12 patients, in 2020",  # 3 in 5
        "Ann Lee, Bo Kim",  # two parts
        "Shi, Lei; Huang, Hai; Lu, Xuechun; and others",  # 3 in 4, by semicolons
        "Wu, Tao; Xu, Bin; Ma, Lin; Li, Na",  # 4 in 4
        "In this trial, Eve Lee, Bo Kim, Cy Park, Di Wu and Ed Ho took part",  # 4 in 6
        "A. Smith, B. Jones, C. Brown.",
    ]
    text = "Title line of a report\n\n" + "\n".join(lines) + "\n"
    found = linking.guess_authors(text)
    listed = ["Meng-Qi Yuan", "Le Song", "Zhi Wang", "Hai Huang", "Wu, Tao", "Xu, Bin"]
    listed += ["Ma, Lin", "Li, Na", "A. Smith", "B. Jones", "C. Brown"]
    assert set(found) == {linking.author_key(name) for name in listed}
    for key, (start, end) in found.items():
        assert linking.author_key(text[start:end]) == key
    assert found == _reference_authors(text)


def test_guessed_authors_agree_with_the_reference_on_the_seed_texts(seed_texts):
    for text in seed_texts.values():
        assert linking.guess_authors(text) == _reference_authors(text)


def test_units_need_only_the_texts_texts_needed_names(seed_texts):
    frames = _extracted(seed_texts)
    needed = linking.texts_needed(frames["documents"], frames["studies"])
    everything = linking.build_units(**frames, texts=seed_texts)
    only_needed = linking.build_units(
        **frames, texts={d: t for d, t in seed_texts.items() if d in needed}
    )
    assert only_needed == everything
    # A study with its title located and its authors listed needs no text; a study whose title
    # and authors are guessed does, and so does one whose names are found in their span.
    studies = frames["studies"].iloc[:2].copy()
    studies["doc_id"] = ["located", "guessed"]
    studies["study_id"] = "S1"
    studies["title"] = ["A title", ""]
    studies["authors"] = ["Lee, Ann; Kim, Bo", ""]
    studies["title_start"], studies["title_end"] = 0, 7
    studies["authors_start"] = studies["authors_end"] = pd.NA
    documents = pd.DataFrame({"doc_id": ["located", "guessed"], "status": "ok"})
    assert linking.texts_needed(documents, studies) == {"guessed"}
    studies["authors_start"], studies["authors_end"] = 10, 27
    assert linking.texts_needed(documents, studies) == {"located", "guessed"}
    studies["authors_start"] = pd.NA
    studies["title_start"] = pd.NA  # a title without its span is found in the text
    assert linking.texts_needed(documents, studies) == {"located", "guessed"}
    documents["status"] = ["ok", "quarantined"]
    assert linking.texts_needed(documents, studies) == {"located"}


def test_pairs_among_some_units_are_the_pairs_that_include_one():
    units = [
        _unit("a/S1", totals={100: None}),
        _unit("b/S1", totals={100: None}, arms=[(8, "control", (0, 1))]),
        _unit("c/S1", totals={100: None}, arms=[(8, "control", (0, 1))]),
        _unit("d/S1", arms=[(8, "control", (0, 1))]),
        _unit("e/S1", own_doi="10.1/x"),
        _unit("f/S1", own_doi="10.1/x"),
    ]
    every = [(a.name, b.name) for a, b in linking.candidate_pairs(units)]
    for among in ({"b/S1"}, {"a/S1", "d/S1"}, {"f/S1"}, set()):
        pairs = [(a.name, b.name) for a, b in linking.candidate_pairs(units, among)]
        assert pairs == [p for p in every if p[0] in among or p[1] in among]


def test_registered_units_are_not_compared_with_each_other(monkeypatch):
    """Two units with registrations of their own link by registration or not at all, so
    link_units compares only pairs with an unregistered unit."""
    design = {"double-blind": None, "placebo-controlled": None}
    units = [
        _unit("a/S1", registrations={"NCT00000001": None}, totals={100: None}, designs=design),
        _unit("b/S1", registrations={"NCT00000002": None}, totals={100: None}, designs=design),
        _unit("c/S1", totals={100: None}, designs=design),
    ]
    compared = []
    compare = linking.compare
    monkeypatch.setattr(
        linking, "compare", lambda a, b: compared.append((a.name, b.name)) or compare(a, b)
    )
    trials = linking.link_units(units)
    assert ("a/S1", "b/S1") not in compared
    assert {("a/S1", "c/S1"), ("b/S1", "c/S1")} <= set(compared)
    assert _trial_of(trials)["c/S1"] == "NCT00000001"


def test_own_registrations_follow_changes_of_the_registrations():
    unit = _unit("a/S1", registrations={"NCT00000001": None})
    assert unit.own_registrations() == ["NCT00000001"]
    unit.registrations["NCT00000002"] = None  # two of one registry: the document cites trials
    assert unit.own_registrations() == []
    unit.registrations = {"ISRCTN12345678": None, "NCT00000003": None}
    assert unit.own_registrations() == ["ISRCTN12345678", "NCT00000003"]
