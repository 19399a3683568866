"""Outcome harmonization: the different wordings of one outcome grouped under one key, with the
direction of its events (survival counts are mortality counts inverted).

Decisions come, in this order, from the user's mapping file (config ``outcomes.map_file``), from
the built-in rules below where a wording is unambiguous, and otherwise from the wording itself
(identical wordings, up to case, punctuation and ``_``/``-``, form one group).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from jsonschema import Draft202012Validator

from . import tables

DECIDED_BY_MAP = "mapping file"
DECIDED_BY_WORDING = "wording"
UNNAMED = ""


@dataclass(frozen=True)
class Rule:
    """A wording pattern (matched against the whole normalized wording) and its outcome."""

    name: str
    pattern: re.Pattern
    key: str
    inverted: bool = False


def _rule(name: str, pattern: str, key: str, inverted: bool = False) -> Rule:
    return Rule(name, re.compile(rf"^(?:{pattern})$"), key, inverted)


# Only wordings whose meaning is clear; "progression-free survival" is not mortality inverted.
RULES = (
    _rule(
        "mortality",
        r"(?:all cause |overall |in hospital |hospital |28 day |day 28 )?"
        r"(?:mortality|deaths?|died|death rate|case fatality|fatalit(?:y|ies))",
        "mortality",
    ),
    _rule(
        "survival (inverted mortality)",
        r"(?:overall |28 day |day 28 )?(?:survival|survived|survivors?|alive)",
        "mortality",
        inverted=True,
    ),
    _rule(
        "normal CT",
        r"normal (?:ct|chest ct|ct images?|ct findings|findings on (?:chest )?computed "
        r"tomography(?: ct)?(?: images?)?|computed tomography(?: ct)?(?: images?)?)",
        "normal_ct",
    ),
    _rule("reinfection", r"(?:sars cov 2 |covid 19 )?re ?infections?(?: rates?)?", "reinfection"),
    _rule(
        "adverse events",
        r"(?:any |serious |treatment emergent )?adverse events?|aes?|saes?",
        "adverse_events",
    ),
    _rule("tuberculosis", r"(?:cases of )?tuberculosis(?: cases)?|tb", "tuberculosis"),
)


@dataclass(frozen=True)
class Decision:
    """Where one wording goes."""

    wording: str
    normalized: str
    key: str
    inverted: bool
    decided_by: str
    note: str


def normalize_wording(wording: str) -> str:
    """Return a wording lower-cased, with ``_``, ``-`` and punctuation as single spaces."""
    text = re.sub(r"[_\-/]+", " ", wording.lower())
    text = re.sub(r"[^\w\s]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _slug(normalized: str) -> str:
    return re.sub(r"\s+", "_", normalized)


class MappingError(ValueError):
    """The outcome mapping file is malformed; the message names the entry and what is allowed."""


MAPPING_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "outcomes": {
            "type": "object",
            "additionalProperties": {
                "oneOf": [
                    {"type": "string", "pattern": r"^[a-z0-9_]+$"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["key"],
                        "properties": {
                            "key": {"type": "string", "pattern": r"^[a-z0-9_]+$"},
                            "inverted": {"type": "boolean"},
                            "note": {"type": "string"},
                        },
                    },
                ]
            },
        }
    },
}


def load_mapping(path: str | Path | None) -> dict[str, dict]:
    """Return {normalized wording: {key, inverted, note}} from a mapping file (none: {})."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    errors = sorted(
        Draft202012Validator(MAPPING_SCHEMA).iter_errors(data), key=lambda e: list(e.path)
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "<top level>"
        raise MappingError(
            f"{path}: entry '{where}' is invalid ({errors[0].message}); each entry maps an "
            "outcome wording to a key (lower-case letters, digits, _) or to "
            "{key: ..., inverted: true|false, note: ...}"
        )
    mapping = {}
    for wording, target in (data.get("outcomes") or {}).items():
        entry = {"key": target} if isinstance(target, str) else dict(target)
        mapping[normalize_wording(str(wording))] = {
            "key": entry["key"],
            "inverted": bool(entry.get("inverted", False)),
            "note": entry.get("note", ""),
        }
    return mapping


def decide(wording: str, mapping: dict[str, dict]) -> Decision:
    """Return the group of one wording: mapping file first, then the rules, then itself."""
    normalized = normalize_wording(wording)
    if not normalized:
        return Decision(wording, "", UNNAMED, False, "unnamed", "no outcome named; never pooled")
    if normalized in mapping:
        entry = mapping[normalized]
        return Decision(
            wording, normalized, entry["key"], entry["inverted"], DECIDED_BY_MAP, entry["note"]
        )
    for rule in RULES:
        if rule.pattern.match(normalized):
            note = "events counted as the complement" if rule.inverted else ""
            return Decision(
                wording, normalized, rule.key, rule.inverted, f"rule: {rule.name}", note
            )
    return Decision(wording, normalized, _slug(normalized), False, DECIDED_BY_WORDING, "")


def decide_all(wordings: Iterable[str], mapping: dict[str, dict]) -> dict[str, Decision]:
    """Return a decision for each distinct wording."""
    return {w: decide(w, mapping) for w in sorted(set(wordings))}


def group_rows(
    statistics: pd.DataFrame, comparisons: pd.DataFrame, decisions: dict[str, Decision]
) -> list[dict]:
    """Return one row per distinct outcome wording: its key, direction, who decided, and how
    many statistics and comparisons in which documents use it (statistics need only doc_id,
    stat_id and outcome; one pass over each table)."""
    n_statistics: dict[str, int] = defaultdict(int)
    n_comparisons: dict[str, int] = defaultdict(int)
    documents: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[str, int]] = {}
    for wording, doc_id, stat_id in zip(
        *(statistics[c].tolist() for c in ("outcome", "doc_id", "stat_id")), strict=True
    ):
        n_statistics[wording] += 1
        documents[wording].add(doc_id)
        if wording not in first or (doc_id, stat_id) < first[wording]:
            first[wording] = (doc_id, stat_id)
    for wording, doc_id in zip(
        comparisons["outcome"].tolist(), comparisons["doc_id"].tolist(), strict=True
    ):
        n_comparisons[wording] += 1
        documents[wording].add(doc_id)
    rows = []
    for wording, decision in decisions.items():
        docs = sorted(documents.get(wording, ()))
        first_doc_id, first_stat_id = first.get(wording, ("", None))
        rows.append(
            {
                "wording": wording,
                "normalized": decision.normalized,
                "outcome_key": decision.key,
                "inverted": decision.inverted,
                "decided_by": decision.decided_by,
                "note": decision.note,
                "n_statistics": n_statistics.get(wording, 0),
                "n_comparisons": n_comparisons.get(wording, 0),
                "n_documents": len(docs),
                "documents": ";".join(docs),
                "first_doc_id": first_doc_id,
                "first_stat_id": None if first_stat_id is None else int(first_stat_id),
            }
        )
    return rows


def harmonized_rows(comparisons: pd.DataFrame, decisions: dict[str, Decision]) -> list[dict]:
    """Return the comparisons with their outcome key; for binary comparisons of an inverted
    wording the analysed events are the complement (survivors -> deaths)."""
    rows = []
    for row in tables.records(comparisons):
        decision = decisions[row["outcome"]]
        inverted = decision.inverted and row["kind"] == "binary"
        analysed = {}
        for arm in ("1", "2"):
            events, total = row[f"events_{arm}"], row[f"total_{arm}"]
            if inverted:
                missing = pd.isna(events) or pd.isna(total)
                analysed[arm] = None if missing else int(total) - int(events)
            else:
                analysed[arm] = None if pd.isna(events) else int(events)
        rows.append(
            {
                "doc_id": row["doc_id"],
                "comparison_id": row["comparison_id"],
                "study_id": row["study_id"],
                "kind": row["kind"],
                "subgroup": row.get("subgroup", ""),
                "outcome": row["outcome"],
                "outcome_key": decision.key,
                "inverted": inverted,
                "timepoint": row["timepoint"],
                "arm_1": row["arm_1"],
                "arm_2": row["arm_2"],
                "events_1": row["events_1"],
                "total_1": row["total_1"],
                "events_2": row["events_2"],
                "total_2": row["total_2"],
                "events_1_analysed": analysed["1"],
                "events_2_analysed": analysed["2"],
                "effect_stat_id": row["effect_stat_id"],
                "allocation_unit": row.get("allocation_unit", ""),
            }
        )
    return rows
