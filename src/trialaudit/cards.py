"""Per-document audit cards: one Markdown page per document with everything found in it.

A card is written for small corpora only (config ``audit_cards_max_documents``): it lists the
checks that do not add up with the sentence each came from, then every check and every
statistic with its character span, so a reader can audit one document without the tables.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .judgement import last_digit_remark
from .tables import records, records_by_doc

INDEX = "index.md"
SAFE_NAME = re.compile(r"[A-Za-z0-9._~\-]+(?:/[A-Za-z0-9._~\-]+)*")


def _slip_of_rounding(check: Mapping) -> str:
    remark = last_digit_remark(check["flag"])
    return f".{remark}" if remark else ""


def card_path(doc_id: str) -> str:
    """Return the card's path relative to the cards folder: the doc_id itself when it is a
    plain relative path, else a name derived from its hash (no character can escape). The
    index's name, in any case, and README (which web views of a folder show as its front page)
    are taken by the hashed form too."""
    parts = doc_id.split("/")
    if (
        SAFE_NAME.fullmatch(doc_id)
        and not any(p in {".", ".."} for p in parts)
        and doc_id.lower() != INDEX[: -len(".md")]
        and parts[-1].lower() != "readme"
    ):
        return f"{doc_id}.md"
    return f"doc-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:16]}.md"


def _cell(value: object) -> str:
    """Return a value as a Markdown table cell ('' for missing values)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _code(text: object) -> str:
    """Return text as inline code that survives backticks inside it."""
    text = _cell(text)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _sentence(text: str, stat: Mapping | None) -> str:
    """Return the sentence a statistic sits in, whitespace collapsed."""
    if stat is None or not text:
        return ""
    return " ".join(text[int(stat["sentence_start"]) : int(stat["sentence_end"])].split())


def render_card(
    document: Mapping, statistics: list[Mapping], checks: list[Mapping], text: str
) -> str:
    """Return the audit card of one document (its row of the documents table, and the rows of
    the statistics and checks tables that are its, as records in the order to show; ``text``
    is its decoded text, '' if it was not read)."""
    verdicts = Counter(row["verdict"] for row in checks)
    lines = [
        f"# Audit card: {_cell(document['doc_id'])}",
        "",
        f"File {_code(document['file_name'])}, {int(document['size_bytes'])} bytes"
        + (f", {document['encoding']}" if document["encoding"] else "")
        + f"; status **{document['status']}**"
        + (f" ({_cell(document['reason'])})" if document["reason"] else "")
        + ".",
        "",
        f"{len(statistics)} statistics read; {len(checks)} checks: "
        f"{verdicts['consistent']} consistent, "
        f"{verdicts['inconsistent']} inconsistent, "
        f"{verdicts['not_checkable']} not checkable.",
        "",
        "## What does not add up",
        "",
    ]
    by_id = {int(s["stat_id"]): s for s in statistics}
    bad = [row for row in checks if row["verdict"] == "inconsistent"]
    if not bad:
        lines.append("Nothing: every checkable number is reproduced by a standard method.")
    for row in bad:
        lines += [
            f"- {row['check']}: reported {_code(row['reported'])}, recomputed "
            f"{_code(row['recomputed'])} ({_cell(row['method'])}); characters "
            f"{int(row['span_start'])}-{int(row['span_end'])}: {_code(row['source_text'])}"
            + _slip_of_rounding(row),
            f"  > {_sentence(text, by_id.get(int(row['stat_id'])))}",
        ]
    lines += [
        "",
        "## Every check",
        "",
        "| characters | check | reported | recomputed | method | verdict | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in checks:
        lines.append(
            f"| {int(row['span_start'])}-{int(row['span_end'])} | {row['check']} | "
            f"{_cell(row['reported'])} | {_cell(row['recomputed'])} | {_cell(row['method'])} | "
            f"{row['verdict']} | {_cell(row['note'])} |"
        )
    lines += [
        "",
        "## Statistics read",
        "",
        "| characters | kind | measure | arm | outcome | text |",
        "|---|---|---|---|---|---|",
    ]
    for row in statistics:
        lines.append(
            f"| {int(row['span_start'])}-{int(row['span_end'])} | {row['kind']} | "
            f"{_cell(row['measure'])} | {_cell(row['arm'])} | {_cell(row['outcome'])} | "
            f"{_code(row['source_text'])} |"
        )
    return "\n".join(lines) + "\n"


def write_cards(
    documents: pd.DataFrame,
    statistics: pd.DataFrame,
    checks: pd.DataFrame,
    texts: dict[str, str],
    folder: str | Path,
    max_documents: int,
) -> int:
    """Write a card per document and an index into ``folder`` when there are at most
    ``max_documents`` documents (else only an index saying why); return the cards written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    index = ["# Audit cards", ""]
    if len(documents) > max_documents:
        index.append(
            f"The corpus has {len(documents)} files, more than audit_cards_max_documents "
            f"({max_documents}) in config/config.yaml, so no per-document cards were written. "
            "results/tables/ holds the same facts for every document."
        )
        (folder / INDEX).write_text("\n".join(index) + "\n", encoding="utf-8")
        return 0
    # One pass over each table instead of a pandas selection per document: 8 ms -> ~1 ms a card.
    stats_of = records_by_doc(statistics.sort_values(["doc_id", "span_start"], kind="stable"))
    checks_of = records_by_doc(checks.sort_values(["doc_id", "span_start", "check"], kind="stable"))
    index += ["| document | status | statistics | inconsistent | card |", "|---|---|---:|---:|---|"]
    for document in records(documents.sort_values("doc_id", kind="stable")):
        doc_id = document["doc_id"]
        doc_stats = stats_of.get(doc_id, [])
        doc_checks = checks_of.get(doc_id, [])
        path = folder / card_path(doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            render_card(document, doc_stats, doc_checks, texts.get(doc_id, "")), encoding="utf-8"
        )
        n_bad = sum(row["verdict"] == "inconsistent" for row in doc_checks)
        index.append(
            f"| {_cell(doc_id)} | {document['status']} | {len(doc_stats)} | {n_bad} | "
            f"[{card_path(doc_id)}]({card_path(doc_id)}) |"
        )
    (folder / INDEX).write_text("\n".join(index) + "\n", encoding="utf-8")
    return len(documents)
