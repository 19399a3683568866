"""Helpers for the extraction tests: run the extractor on a snippet and pick rows."""

from __future__ import annotations

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def stats(text: str) -> list[dict]:
    """Return the statistics rows of ``text``, after checking each row's provenance."""
    rows = extract_document("t", text).statistics
    for row in rows:
        assert text[row["span_start"] : row["span_end"]] == row["source_text"], row
    return rows


def of_kind(text: str, kind: str) -> list[dict]:
    """Return the rows of one kind found in ``text``."""
    return [row for row in stats(text) if row["kind"] == kind]


def one(text: str, kind: str) -> dict:
    """Return the single row of ``kind`` in ``text`` (fails if there are none or several)."""
    rows = of_kind(text, kind)
    assert len(rows) == 1, [(r["kind"], r["source_text"]) for r in stats(text)]
    return rows[0]


def kinds(text: str) -> list[tuple[str, str]]:
    """Return (kind, source_text) of every row of ``text``."""
    return [(row["kind"], row["source_text"]) for row in stats(text)]


def extract_and_check(text: str):
    """Return the extraction of ``text`` and every check row (default settings) of it."""
    extraction = extract_document("t", text)
    return extraction, check_document(extraction.statistics, extraction.comparisons, Settings())


def checks_named(text: str, check: str) -> list[dict]:
    """Return the rows of one check (default settings) of the statistics found in ``text``."""
    _, rows = extract_and_check(text)
    return [row for row in rows if row["check"] == check]


def one_check(text: str, check: str) -> dict:
    """Return the single row of one check of ``text`` (fails if there are none or several)."""
    rows = checks_named(text, check)
    assert len(rows) == 1, rows
    return rows[0]
