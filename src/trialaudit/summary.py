"""The summary a reader opens first: what was found and what does not add up."""

from __future__ import annotations

import pandas as pd

from .schemas import VERDICTS

# Lists in summary.md stop here for big corpora; the tables in results/tables/ hold every row.
MAX_LISTED = 200
CHECK_LABELS = {
    "percent_vs_count": "percentage vs its count",
    "ratio_vs_counts": "estimate vs the counts",
    "ci_vs_counts": "CI vs the counts",
    "ratio_vs_ci_midpoint": "estimate vs the centre of its CI (log scale)",
    "difference_vs_ci_midpoint": "difference vs the centre of its CI",
    "p_vs_ci": "p-value vs its CI",
    "p_vs_counts": "p-value vs the counts",
}


def per_document(documents: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """Return one row per file: status, statistics found and checks by verdict."""
    counts = (
        checks.groupby(["doc_id", "verdict"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=VERDICTS, fill_value=0)
    )
    table = documents[["doc_id", "file_name", "status", "n_statistics"]].merge(
        counts, left_on="doc_id", right_index=True, how="left"
    )
    for verdict in VERDICTS:
        table[verdict] = table[verdict].fillna(0).astype(int)
    return table.sort_values("file_name").reset_index(drop=True)


def _sentences(statistics: pd.DataFrame) -> dict[tuple[str, int], tuple[int, int]]:
    """Return (doc_id, stat_id) -> (sentence_start, sentence_end), built once per render."""
    keys = zip(statistics["doc_id"], statistics["stat_id"].astype(int), strict=True)
    bounds = zip(statistics["sentence_start"], statistics["sentence_end"], strict=True)
    return {k: (int(a), int(b)) for k, (a, b) in zip(keys, bounds, strict=True)}


def _sentence(texts: dict[str, str], sentences: dict, doc_id: str, stat_id: int) -> str:
    bounds = sentences.get((doc_id, int(stat_id)))
    if bounds is None or doc_id not in texts:
        return ""
    return " ".join(texts[doc_id][bounds[0] : bounds[1]].split())


def _more(shown: int, total: int, where: str) -> list[str]:
    """Return the line saying how many rows were left out of a list, if any."""
    if total <= shown:
        return []
    return ["", f"... and {total - shown} more: see {where}."]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(
    documents: pd.DataFrame,
    statistics: pd.DataFrame,
    checks: pd.DataFrame,
    texts: dict[str, str],
) -> str:
    """Return the Markdown summary: findings first, then the per-document table."""
    table = per_document(documents, checks)
    n_ok = int((documents["status"] == "ok").sum())
    verdicts = checks["verdict"].value_counts()
    lines = [
        "# Audit of reported statistics",
        "",
        f"{len(documents)} files: {n_ok} read, "
        f"{int((documents['status'] == 'quarantined').sum())} quarantined, "
        f"{int((documents['status'] == 'excluded').sum())} excluded. "
        f"{len(statistics)} statistics extracted; {len(checks)} checks: "
        + ", ".join(f"{int(verdicts.get(v, 0))} {v.replace('_', ' ')}" for v in VERDICTS)
        + ".",
        "",
        "## What does not add up",
        "",
    ]
    bad = checks[checks["verdict"] == "inconsistent"].sort_values(["doc_id", "span_start"])
    if bad.empty:
        lines.append("Every checkable claim is consistent with a standard method.")
    sentences = _sentences(statistics)
    for row in bad.head(MAX_LISTED).itertuples(index=False):
        label = CHECK_LABELS.get(row.check, row.check)
        decision = " **Changes the significance decision.**" if row.decision_error is True else ""
        lines += [
            f"- **{row.doc_id}**, {label}: reported `{row.reported}`, recomputed "
            f"`{row.recomputed}` ({row.method}).{decision} "
            f"[characters {row.span_start}-{row.span_end}: `{row.source_text}`]",
            f"  > {_sentence(texts, sentences, row.doc_id, row.stat_id)}",
        ]
    lines += _more(MAX_LISTED, len(bad), "results/tables/checks.csv (verdict inconsistent)")
    lines += [
        "",
        "## Per document",
        "",
        "| document | status | statistics | consistent | inconsistent | not checkable |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in table.head(MAX_LISTED).itertuples(index=False):
        lines.append(
            f"| {_cell(row.file_name)} | {row.status} | {row.n_statistics} | {row.consistent} "
            f"| {row.inconsistent} | {row.not_checkable} |"
        )
    lines += _more(MAX_LISTED, len(table), "results/tables/summary.csv")
    quarantined = documents[documents["status"] == "quarantined"]
    if len(quarantined):
        lines += ["", "## Quarantined files", ""]
        lines += [
            f"- {_cell(r.file_name)}: {r.reason}" for r in quarantined.head(MAX_LISTED).itertuples()
        ]
        lines += _more(MAX_LISTED, len(quarantined), "results/tables/quarantine.csv")
    lines += [
        "",
        "Tables: `results/tables/` (statistics.csv, checks.csv, ...). Every row carries the "
        "document's id and the character span of the text it came from.",
        "",
    ]
    return "\n".join(lines)
