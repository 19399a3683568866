"""Provenance on the seed corpus: every row of every extracted table validates against its
pandera model and points at the characters of the decoded document it came from."""

from __future__ import annotations

import pytest

from trialaudit import schemas, tables
from trialaudit.extract import extract_document
from trialaudit.stages import EXTRACTED


def validated(doc_id: str, text: str) -> dict:
    extraction = extract_document(doc_id, text)
    return {
        name: tables.frame(getattr(extraction, name), model) for name, model in EXTRACTED.items()
    }


def test_every_table_validates_on_every_seed(seed_texts):
    for doc_id, text in seed_texts.items():
        frames = validated(doc_id, text)
        assert len(frames["studies"]) >= 1, doc_id


@pytest.mark.parametrize("table", ["statistics", "arms", "facts"])
def test_every_span_reproduces_its_source_text(seed_texts, table):
    for doc_id, text in seed_texts.items():
        rows = getattr(extract_document(doc_id, text), table)
        for row in rows:
            assert text[row["span_start"] : row["span_end"]] == row["source_text"], (doc_id, row)
            assert row["source_text"] == row["source_text"].strip(), (doc_id, row)


def test_every_study_span_reproduces_its_title_and_authors(seed_texts):
    for doc_id, text in seed_texts.items():
        for study in extract_document(doc_id, text).studies:
            assert 0 <= study["span_start"] <= study["span_end"] <= len(text)
            if study["title"]:
                span = text[study["title_start"] : study["title_end"]]
                assert " ".join(span.split()) == study["title"], doc_id
            if study["authors"]:
                assert study["authors_start"] < study["authors_end"] <= len(text)


def test_every_reference_between_rows_exists_and_has_the_right_kind(seed_texts):
    for doc_id, text in seed_texts.items():
        extraction = extract_document(doc_id, text)
        kind_of = {s["stat_id"]: s["kind"] for s in extraction.statistics}
        assert sorted(kind_of) == list(range(len(kind_of)))
        for row in extraction.statistics:
            if row["refers_to"] is not None:
                assert kind_of[row["refers_to"]] in {"ratio", "difference", "test"}
            if row["denominator_stat_id"] is not None:
                assert kind_of[row["denominator_stat_id"]] in {"arm_size", "sample_size"}
        for arm in extraction.arms:
            assert kind_of[arm["stat_id"]] == "arm_size"
        expected = {
            "events_1_stat_id": {"count"},
            "events_2_stat_id": {"count"},
            "total_1_stat_id": {"count", "arm_size", "sample_size"},
            "total_2_stat_id": {"count", "arm_size", "sample_size"},
            "summary_1_stat_id": {"median", "mean", "percentage"},
            "summary_2_stat_id": {"median", "mean", "percentage"},
            "effect_stat_id": {"ratio", "difference"},
            "p_stat_id": {"p_value"},
        }
        for cmp in extraction.comparisons:
            for column, kinds in expected.items():
                if cmp[column] is not None:
                    assert kind_of[cmp[column]] in kinds, (doc_id, column, cmp)


def test_statistic_kinds_are_the_fixed_vocabulary(seed_texts):
    for doc_id, text in seed_texts.items():
        for row in extract_document(doc_id, text).statistics:
            assert row["kind"] in schemas.STATISTIC_KINDS
