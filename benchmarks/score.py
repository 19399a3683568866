"""Score the pipeline's checks against the answer key of a synthetic corpus."""

from __future__ import annotations

import pandas as pd


def _within(checks: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Return the key joined with the checks whose span starts inside the planted sentence."""
    merged = key.merge(checks, on="doc_id", how="inner", suffixes=("", "_check"))
    inside = (merged["span_start"] >= merged["sentence_start"]) & (
        merged["span_start"] < merged["sentence_end"]
    )
    return merged[inside]


def score(checks: pd.DataFrame, key: pd.DataFrame) -> dict:
    """Return planted, found (per category too) and false alarms (inconsistent checks outside
    every planted sentence).

    A plant is found when a check named ``expected_check`` (or starting with it) whose span
    starts inside the planted sentence is ``inconsistent``."""
    bad = checks[checks["verdict"] == "inconsistent"]
    hits = _within(bad, key)
    hits = hits[
        [
            c == e or c.startswith(e + "_")
            for c, e in zip(hits["check"], hits["expected_check"], strict=True)
        ]
    ]
    found_ids = set(zip(hits["doc_id"], hits["plant_id"], strict=True))
    key = key.assign(
        found=[(d, p) in found_ids for d, p in zip(key["doc_id"], key["plant_id"], strict=True)]
    )
    explained = _within(bad, key)
    explained_rows = set(
        zip(explained["doc_id"], explained["span_start"], explained["check"], strict=True)
    )
    alarms = [
        row
        for row in zip(bad["doc_id"], bad["span_start"], bad["check"], strict=True)
        if row not in explained_rows
    ]
    per_category = key.groupby("category")["found"].agg(["size", "sum"])
    return {
        "planted": len(key),
        "found": int(key["found"].sum()),
        "false_alarms": len(alarms),
        "by_category": {
            cat: (int(row["sum"]), int(row["size"])) for cat, row in per_category.iterrows()
        },
        "missed": key[~key["found"]],
        "alarm_rows": bad[
            [
                (d, s, c) not in explained_rows
                for d, s, c in zip(bad["doc_id"], bad["span_start"], bad["check"], strict=True)
            ]
        ],
    }
