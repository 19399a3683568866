"""Per-document audit cards: safe file names, the threshold, and what a card says."""

from __future__ import annotations

import pandas as pd

from trialaudit import cards

TEXT = "Deaths were 3/11 (27.3%) vs 8/24 (40.0%). Another sentence follows here."


def _documents(*doc_ids: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": list(doc_ids),
            "file_name": [f"{d}.txt" for d in doc_ids],
            "status": "ok",
            "reason": "",
            "encoding": "utf-8",
            "size_bytes": len(TEXT),
        }
    )


def _statistics(doc_id: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [doc_id, doc_id],
            "stat_id": [0, 1],
            "kind": ["count", "count"],
            "measure": ["", ""],
            "arm": ["MSC", "control"],
            "outcome": ["mortality", "mortality"],
            "source_text": ["3/11 (27.3%)", "8/24 (40.0%)"],
            "span_start": [12, 28],
            "span_end": [24, 40],
            "sentence_start": [0, 0],
            "sentence_end": [41, 41],
        }
    )


def _checks(doc_id: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [doc_id, doc_id],
            "stat_id": [0, 1],
            "check": ["percent_vs_count", "percent_vs_count"],
            "reported": ["27.3", "40.0"],
            "recomputed": ["27.273", "33.333"],
            "method": ["100 x / n", "100 x / n"],
            "verdict": ["consistent", "inconsistent"],
            "note": ["", ""],
            "source_text": ["3/11 (27.3%)", "8/24 (40.0%)"],
            "span_start": [12, 28],
            "span_end": [24, 40],
            "flag": ["", ""],
        }
    )


def test_card_path_keeps_plain_ids_and_hashes_the_rest():
    assert cards.card_path("000_abc") == "000_abc.md"
    assert cards.card_path("sub/paper-1") == "sub/paper-1.md"
    for unsafe in ("../etc/passwd", "a b", "x|y", "./a", "index", "a/../../b"):
        name = cards.card_path(unsafe)
        assert name.startswith("doc-") and "/" not in name and name.endswith(".md"), unsafe
    assert cards.card_path("a b") != cards.card_path("a  b")


def test_no_card_takes_the_index_or_a_readme_name():
    for reserved in ("index", "Index", "README", "readme", "sub/README", "a/b/ReadMe"):
        name = cards.card_path(reserved)
        assert name.startswith("doc-") and name.endswith(".md"), reserved
    assert cards.card_path("sub/index") == "sub/index.md"  # the index is at the top only
    assert cards.card_path("readme_notes") == "readme_notes.md"
    assert cards.card_path("README-2") == "README-2.md"


def test_card_lists_what_does_not_add_up_with_its_sentence(tmp_path):
    written = cards.write_cards(
        _documents("d1"), _statistics("d1"), _checks("d1"), {"d1": TEXT}, tmp_path, 10
    )
    assert written == 1
    card = (tmp_path / "d1.md").read_text(encoding="utf-8")
    problems = card.split("## What does not add up")[1].split("## Every check")[0]
    assert "reported `40.0`, recomputed `33.333`" in problems
    assert "characters 28-40: `8/24 (40.0%)`" in problems
    assert "> Deaths were 3/11 (27.3%) vs 8/24 (40.0%)." in problems
    assert problems.count("\n- ") == 1  # the consistent check is not listed as a problem
    assert "2 checks: 1 consistent, 1 inconsistent, 0 not checkable" in card
    assert "| 12-24 | count |  | MSC | mortality | `3/11 (27.3%)` |" in card
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "| d1 | ok | 2 | 1 | [d1.md](d1.md) |" in index


def test_a_document_without_statistics_gets_a_card_too(tmp_path):
    empty_stats, empty_checks = _statistics("d1").iloc[0:0], _checks("d1").iloc[0:0]
    cards.write_cards(_documents("d2"), empty_stats, empty_checks, {}, tmp_path, 10)
    card = (tmp_path / "d2.md").read_text(encoding="utf-8")
    assert "0 statistics read; 0 checks" in card
    assert "Nothing: every checkable number" in card


def test_above_the_threshold_only_the_index_explains(tmp_path):
    documents = _documents("d1", "d2", "d3")
    written = cards.write_cards(documents, None, None, {}, tmp_path, 2)
    assert written == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.md"]
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "3 files, more than audit_cards_max_documents (2)" in index


def test_each_card_has_only_its_rows_in_text_order(tmp_path):
    stats = pd.concat([_statistics("d1"), _statistics("d2")]).iloc[::-1]
    checks = _checks("d1")
    checks = pd.concat([checks, checks.assign(check="ci_vs_count"), _checks("d2")]).iloc[::-1]
    written = cards.write_cards(
        _documents("d2", "d1"), stats, checks, {"d1": TEXT, "d2": TEXT}, tmp_path, 10
    )
    assert written == 2
    card = (tmp_path / "d1.md").read_text(encoding="utf-8")
    every_check = card.split("## Every check")[1].split("## Statistics read")[0]
    rows = [line.split(" | ")[:2] for line in every_check.splitlines() if line[:3] == "| 1"]
    rows += [line.split(" | ")[:2] for line in every_check.splitlines() if line[:3] == "| 2"]
    assert rows == [
        ["| 12-24", "ci_vs_count"],
        ["| 12-24", "percent_vs_count"],
        ["| 28-40", "ci_vs_count"],
        ["| 28-40", "percent_vs_count"],
    ]
    read = card.split("## Statistics read")[1]
    assert read.index("| 12-24 |") < read.index("| 28-40 |")
    assert read.count("| count |") == 2  # d2's statistics are not on d1's card
    assert "4 checks: 2 consistent, 2 inconsistent" in card
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert index.index("| d1 |") < index.index("| d2 |")
