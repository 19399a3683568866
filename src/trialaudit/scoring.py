"""Extraction quality against the hand-annotated gold standard (tests/gold/): matching rows,
precision, recall and F1 per kind, and how often matched rows are attributed correctly.

A predicted statistic matches a gold one when both have the same document (or snippet) and kind,
their spans overlap, and every number the gold row carries (value, numerator, denominator,
percent, CI limits, spread limits, degrees of freedom) and its comparator agree. Matching is
one-to-one, greedy by overlap length. Facts are scored as facts, not mentions: gold mentions
with the same document, study, fact and normalized value form one fact, found when a predicted
fact of the same kind and value has a span overlapping one of its mentions.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import schemas, tables
from .decoding import STATUS_OK, read_document
from .extract import extract_document

# Kinds the gold standard leaves out by its guidelines (tests/gold/GUIDELINES.md: "a number
# needed to treat ... not annotated"): extracted, but neither scored nor counted as errors.
NOT_ANNOTATED_KINDS = frozenset({"nnt", "rate", "effect_size"})
# "a number screened or assessed ... not annotated" either: the extractor keeps such sizes, with
# population "screened", for the participant flow.
NOT_ANNOTATED_POPULATIONS = frozenset({"screened"})
NUMBER_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "percent",
    "ci_low",
    "ci_high",
    "spread_low",
    "spread_high",
    "df1",
    "df2",
)
ATTRIBUTES = ("study", "arm", "outcome", "timepoint")
STATISTIC_COLUMNS = tables.columns_of(schemas.GoldStatisticsTable)
FACT_COLUMNS = tables.columns_of(schemas.GoldFactsTable)
SCORE_COLUMNS = tables.columns_of(schemas.ExtractionScoresTable)
DAYS_PER = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
_UNIT = {
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "wk": "week",
    "wks": "week",
    "week": "week",
    "weeks": "week",
    "mo": "month",
    "month": "month",
    "months": "month",
    "y": "year",
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
}
_N = r"\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_U = "|".join(sorted(_UNIT, key=len, reverse=True))
TIMEPOINT = re.compile(
    rf"(?i)\b(?:(?P<n1>{_N})[\s-]*(?P<u1>{_U})\b|(?P<u2>hour|day|week|month|year)s?\s*(?P<n2>\d+(?:\.\d+)?))"
)
_STOP_WORDS = frozenset(
    "the a an group groups arm arms vs versus v patients patient participants in of with".split()
)
_COMPARATORS = {"==": "=", "<=": "≤", "=<": "≤", ">=": "≥", "=>": "≥", "N.S.": "NS", "N.S": "NS"}
_DESIGN_ALIASES = {
    "randomised": "randomized",
    "rct": "randomized",
    "multicentre": "multicenter",
    "multi-center": "multicenter",
    "multi-centre": "multicenter",
    "multicentric": "multicenter",
    "real-word": "real-world",
    "double-blinded": "double-blind",
    "single-blinded": "single-blind",
}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


# ---------------------------------------------------------------------------- reading tables


def _text_table(path: str | Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _typed(df: pd.DataFrame, columns: list[str], model: type) -> pd.DataFrame:
    """Return ``df`` with exactly ``columns`` (missing text '' and numbers NaN), typed by model."""
    out = pd.DataFrame(index=df.index)
    numeric = {
        n for n, c in model.to_schema().columns.items() if str(c.dtype).startswith(("f", "i"))
    }
    for name in columns:
        column = df[name] if name in df else pd.Series([""] * len(df), index=df.index, dtype=object)
        if name in numeric:
            out[name] = pd.to_numeric(column.replace("", None), errors="coerce")
        else:
            out[name] = column.astype(object).where(column.notna(), "").astype(str)
    return out.reset_index(drop=True)


def read_gold_statistics(path: str | Path) -> pd.DataFrame:
    """Return a gold statistics CSV (seed_statistics.csv) validated as GoldStatisticsTable."""
    df = _text_table(path)
    return tables.validate(
        _typed(df, STATISTIC_COLUMNS, schemas.GoldStatisticsTable), schemas.GoldStatisticsTable
    )


def _passages(df: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame]:
    """Return the texts by snippet_id of a snippets-format table and its statistics rows."""
    texts: dict[str, str] = {}
    for snippet_id, text in zip(df["snippet_id"], df["text"], strict=True):
        if texts.setdefault(snippet_id, text) != text:
            raise ValueError(f"snippet {snippet_id!r} has rows with different texts")
    rows = df[df["kind"] != ""].rename(columns={"snippet_id": "doc_id"})
    gold = _typed(rows, STATISTIC_COLUMNS, schemas.GoldStatisticsTable)
    return texts, tables.validate(gold, schemas.GoldStatisticsTable)


def read_gold_snippets(path: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """Return the snippet texts by snippet_id and their expected statistics (negative snippets,
    whose single row has an empty kind, contribute a text and no row); doc_id is the snippet_id."""
    return _passages(_text_table(path))


def read_gold_facts(path: str | Path) -> pd.DataFrame:
    """Return the gold fact mentions (seed_facts.csv) validated as GoldFactsTable."""
    df = _typed(_text_table(path), FACT_COLUMNS, schemas.GoldFactsTable)
    return tables.validate(df, schemas.GoldFactsTable)


def predicted_statistics(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Return extracted statistics (extract_document rows or a results statistics.csv read as
    text) in the gold's columns; ``study_id`` becomes ``study``."""
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if "study_id" in df and "study" not in df:
        df = df.rename(columns={"study_id": "study"})
    if "population" in df:
        df = df[~df["population"].isin(NOT_ANNOTATED_POPULATIONS)]
    if df.empty:
        df = pd.DataFrame(columns=STATISTIC_COLUMNS)
    return _typed(df, STATISTIC_COLUMNS, schemas.GoldStatisticsTable)


def predicted_facts(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Return extracted facts (extract_document rows or a facts.csv) in the gold's columns."""
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if "study_id" in df and "study" not in df:
        df = df.rename(columns={"study_id": "study"})
    if "population" in df:
        df = df[~df["population"].isin(NOT_ANNOTATED_POPULATIONS)]
    if df.empty:
        df = pd.DataFrame(columns=FACT_COLUMNS)
    return _typed(df, FACT_COLUMNS, schemas.GoldFactsTable)


def read_predicted(path: str | Path, facts: bool = False) -> pd.DataFrame:
    """Return a pipeline's results/tables/statistics.csv (or facts.csv) in the gold's columns."""
    df = _text_table(path)
    return predicted_facts(df) if facts else predicted_statistics(df)


# ---------------------------------------------------------------------------- agreement


def _missing(value: Any) -> bool:
    return value is None or value == "" or bool(pd.isna(value))


def _close(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def canonical_comparator(text: str) -> str:
    """Return a p-value comparator as one of '', '=', '<', '>', '≤', '≥', 'NS'."""
    cleaned = unicodedata.normalize("NFKC", str(text or "")).strip().upper().replace(" ", "")
    return _COMPARATORS.get(cleaned, cleaned)


def values_agree(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Return True if every number and the comparator the gold row has are present and equal in
    the predicted row (an empty predicted comparator reads as '=')."""
    for name in NUMBER_FIELDS:
        expected = gold.get(name)
        if _missing(expected):
            continue
        found = predicted.get(name)
        if _missing(found) or not _close(found, expected):
            return False
    expected = canonical_comparator(gold.get("comparator", ""))
    return (
        not expected or (canonical_comparator(predicted.get("comparator", "")) or "=") == expected
    )


def words(text: str) -> frozenset[str]:
    """Return the content words of a label: NFKC, case-folded, letters and digits split
    (sf36 -> sf, 36), stop words such as 'group' dropped, a plural 's' removed."""
    found = re.findall(r"[^\W\d_]+|\d+(?:\.\d+)?", unicodedata.normalize("NFKC", text).casefold())
    singular = (
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in found
    )
    return frozenset(w for w in singular if w not in _STOP_WORDS)


def timepoint_days(text: str) -> float | None:
    """Return the first time point or duration in a label, in days ('month 12', '1-year',
    '36 months', '48 h', 'baseline' -> 0), or None when there is none."""
    text = unicodedata.normalize("NFKC", str(text))
    if re.search(r"(?i)\bbaseline\b", text):
        return 0.0
    match = TIMEPOINT.search(text)
    if not match:
        return None
    raw = (match.group("n1") or match.group("n2")).lower()
    number = float(_NUMBER_WORDS.get(raw, 0) or raw)
    unit = _UNIT[(match.group("u1") or match.group("u2")).lower()]
    return number * DAYS_PER[unit]


def arm_agrees(predicted: str, gold: str) -> bool:
    """Return True if the predicted arm names every word of the gold arm (or of one of its
    '|'-separated alternatives)."""
    found = words(predicted)
    return any(
        (expected := words(alt)) and expected <= found for alt in gold.split("|") if alt.strip()
    )


def outcome_agrees(predicted: str, gold: str) -> bool:
    """Return True if the predicted outcome's words contain, or are contained in, those of the
    gold outcome (or of one of its '|'-separated alternatives)."""
    found = words(predicted)
    if not found:
        return False
    return any(
        (expected := words(alt)) and (expected <= found or found <= expected)
        for alt in gold.split("|")
    )


def timepoint_agrees(predicted: str, gold: str) -> bool:
    """Return True if both time points are the same number of days (within 2%), or else the same
    words."""
    a, b = timepoint_days(predicted), timepoint_days(gold)
    if a is not None and b is not None:
        return math.isclose(a, b, rel_tol=0.02, abs_tol=0.01)
    return bool(words(gold)) and words(predicted) == words(gold)


def study_agrees(predicted: str, gold: str) -> bool:
    """Return True if the study labels are equal (case and white space ignored)."""
    return str(predicted).strip().casefold() == str(gold).strip().casefold()


ATTRIBUTE_AGREES: dict[str, Callable[[str, str], bool]] = {
    "study": study_agrees,
    "arm": arm_agrees,
    "outcome": outcome_agrees,
    "timepoint": timepoint_agrees,
}


def fact_key(fact: str, value: str) -> str:
    """Return the normalized value of a fact, so that equal facts written differently compare
    equal (follow-up durations in days, doses as numbers, design labels canonical)."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if fact == "registration":
        return re.sub(r"\s+", "", text).upper()
    if fact == "doi":
        text = re.sub(r"(?i)^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", text)
        return text.rstrip(".,;)").lower()
    if fact == "design":
        label = re.sub(r"[\s_-]+", "-", text.casefold())
        label = _DESIGN_ALIASES.get(label, label)
        phase = re.fullmatch(r"phase-?([ivx\d]+)", label)
        return f"phase-{_ROMAN.get(phase.group(1), phase.group(1))}" if phase else label
    if fact == "dose":
        try:
            return f"{float(text):.6g}"
        except ValueError:
            return text.casefold()
    if fact == "follow_up":
        days = timepoint_days(text)
        return f"{days:.1f} days" if days is not None else text.casefold()
    if fact == "journal":
        return " ".join(re.findall(r"\w+", text.casefold().replace("&", " and ")))
    return text.casefold()


# ---------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Unit:
    """One thing to be matched: a statistic row, or a fact with all its mentions' spans."""

    doc_id: str
    kind: str
    spans: tuple[tuple[int, int], ...]
    row: Mapping[str, Any]


def _overlap(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> int:
    return max(
        (
            max(0, min(a_end, b_end) - max(a_start, b_start))
            for a_start, a_end in a
            for b_start, b_end in b
        ),
        default=0,
    )


def match_units(
    predicted: list[Unit], gold: list[Unit], agree: Callable[[Mapping, Mapping], bool]
) -> list[tuple[int, int]]:
    """Return one-to-one (predicted index, gold index) pairs with the same doc_id and kind,
    overlapping spans and agree(predicted row, gold row), greedily by overlap length."""
    by_key: dict[tuple[str, str], list[int]] = {}
    for j, unit in enumerate(gold):
        by_key.setdefault((unit.doc_id, unit.kind), []).append(j)
    candidates = []
    for i, unit in enumerate(predicted):
        for j in by_key.get((unit.doc_id, unit.kind), []):
            length = _overlap(unit.spans, gold[j].spans)
            if length > 0 and agree(unit.row, gold[j].row):
                candidates.append((-length, j, i))
    pairs, used_predicted, used_gold = [], set(), set()
    for _, j, i in sorted(candidates):
        if i not in used_predicted and j not in used_gold:
            pairs.append((i, j))
            used_predicted.add(i)
            used_gold.add(j)
    return sorted(pairs)


def statistic_units(df: pd.DataFrame) -> list[Unit]:
    """Return one unit per statistics row."""
    return [
        Unit(row["doc_id"], row["kind"], ((int(row["span_start"]), int(row["span_end"])),), row)
        for row in df.to_dict("records")
    ]


def fact_units(df: pd.DataFrame) -> list[Unit]:
    """Return one unit per (doc_id, study, fact, normalized value), with all its mentions."""
    groups: dict[tuple[str, str, str, str], list[dict]] = {}
    for row in df.to_dict("records"):
        key = (row["doc_id"], row["study"], row["fact"], fact_key(row["fact"], row["value"]))
        groups.setdefault(key, []).append(row)
    units = []
    for (doc_id, study, fact, key), rows in groups.items():
        spans = tuple(sorted((int(r["span_start"]), int(r["span_end"])) for r in rows))
        units.append(
            Unit(doc_id, fact, spans, {"study": study, "key": key, "value": rows[0]["value"]})
        )
    return units


def _same_fact(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    return predicted["key"] == gold["key"]


# ---------------------------------------------------------------------------- metrics


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def score_units(
    corpus: str,
    predicted: list[Unit],
    gold: list[Unit],
    pairs: list[tuple[int, int]],
    kinds: list[str],
) -> list[dict]:
    """Return one score row per kind (those of ``kinds`` present in gold or predictions, then any
    other predicted kind) and a final 'all' row."""
    present = {u.kind for u in predicted} | {u.kind for u in gold}
    ordered = [k for k in kinds if k in present] + sorted(present - set(kinds))
    rows = []
    for kind in [*ordered, "all"]:

        def chosen(unit: Unit, kind: str = kind) -> bool:
            return kind == "all" or unit.kind == kind

        kept = [(i, j) for i, j in pairs if chosen(gold[j])]
        n_gold = sum(chosen(u) for u in gold)
        n_predicted = sum(chosen(u) for u in predicted)
        precision, recall = _ratio(len(kept), n_predicted), _ratio(len(kept), n_gold)
        f1 = None
        if precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        row = {
            "corpus": corpus,
            "kind": kind,
            "gold": n_gold,
            "predicted": n_predicted,
            "matched": len(kept),
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }
        for attribute in ATTRIBUTES:
            judged = [
                ATTRIBUTE_AGREES[attribute](
                    str(predicted[i].row.get(attribute, "")), str(gold[j].row[attribute])
                )
                for i, j in kept
                if str(gold[j].row.get(attribute, "")).strip()
            ]
            row[f"{attribute}_n"] = len(judged)
            row[f"{attribute}_accuracy"] = _ratio(sum(judged), len(judged))
        rows.append(row)
    return rows


def score_statistics(
    corpus: str, predicted: pd.DataFrame, gold: pd.DataFrame, doc_ids: Iterable[str] | None = None
) -> list[dict]:
    """Return score rows of predicted against gold statistics. Predictions count only for the
    annotated documents ``doc_ids`` (default: those with gold rows; pass every snippet id so that
    negative snippets, which have none, keep their false positives)."""
    scope = set(gold["doc_id"]) if doc_ids is None else set(doc_ids)
    predicted = predicted[
        predicted["doc_id"].isin(scope) & ~predicted["kind"].isin(NOT_ANNOTATED_KINDS)
    ]
    p_units, g_units = statistic_units(predicted), statistic_units(gold)
    pairs = match_units(p_units, g_units, values_agree)
    kinds = [k for k in schemas.STATISTIC_KINDS if k not in NOT_ANNOTATED_KINDS]
    return score_units(corpus, p_units, g_units, pairs, kinds)


def score_facts(
    predicted: pd.DataFrame, gold: pd.DataFrame, doc_ids: Iterable[str] | None = None
) -> list[dict]:
    """Return score rows of predicted against gold facts (facts, not mentions, are counted;
    predictions count only for ``doc_ids``, default those with gold facts)."""
    scope = set(gold["doc_id"]) if doc_ids is None else set(doc_ids)
    predicted = predicted[predicted["doc_id"].isin(scope)]
    p_units, g_units = fact_units(predicted), fact_units(gold)
    pairs = match_units(p_units, g_units, _same_fact)
    return score_units("facts", p_units, g_units, pairs, schemas.FACT_KINDS)


def scores_table(rows: list[dict]) -> pd.DataFrame:
    """Return score rows as a validated ExtractionScoresTable."""
    return tables.frame(rows, schemas.ExtractionScoresTable)


# ---------------------------------------------------------------------------- running the extractor


@dataclass
class GoldStandard:
    """The gold tables and the texts they annotate."""

    seed_texts: dict[str, str]
    statistics: pd.DataFrame
    facts: pd.DataFrame
    snippet_texts: dict[str, str]
    snippets: pd.DataFrame
    # corpus name ("heldout-dev", "heldout-test") -> (passage texts, their gold statistics)
    heldout: dict[str, tuple[dict[str, str], pd.DataFrame]] = field(default_factory=dict)


HELDOUT_SPLITS = ("dev", "test")  # schemas.SCORED_CORPORA names their corpora
HELDOUT_PASSAGES = "heldout_passages.csv"  # beside heldout.csv, each passage's text once


def read_gold_heldout(
    passages_path: str | Path, rows_path: str | Path
) -> dict[str, tuple[dict[str, str], pd.DataFrame]]:
    """Return the held-out passages by corpus, ``heldout-dev`` and ``heldout-test``, each as
    read_gold_snippets returns them. Each text is stored once (``heldout_passages.csv``:
    snippet_id, split, text); the rows (``heldout.csv``) are the snippets' columns without the
    text, and a negative passage has one row with an empty kind, so that every passage has rows."""
    passages = _text_table(passages_path)
    rows = _text_table(rows_path)
    unknown = sorted(set(passages["split"]) - set(HELDOUT_SPLITS))
    if unknown:
        raise ValueError(f"{passages_path}: split must be one of {HELDOUT_SPLITS}, not {unknown}")
    repeated = sorted(set(passages.loc[passages["snippet_id"].duplicated(), "snippet_id"]))
    if repeated:
        raise ValueError(f"{passages_path}: passages listed more than once: {repeated}")
    orphans = sorted(set(rows["snippet_id"]) - set(passages["snippet_id"]))
    if orphans:
        raise ValueError(f"{rows_path}: rows of passages {passages_path} lacks: {orphans}")
    unannotated = sorted(set(passages["snippet_id"]) - set(rows["snippet_id"]))
    if unannotated:
        raise ValueError(
            f"{rows_path}: no row for passages {unannotated} (a negative has one empty-kind row)"
        )
    joined = rows.merge(passages, on="snippet_id", how="left", validate="many_to_one")
    return {
        f"heldout-{split}": _passages(joined[joined["split"] == split]) for split in HELDOUT_SPLITS
    }


def load_gold(gold_dir: str | Path, raw_dir: str | Path) -> GoldStandard:
    """Return the gold standard in ``gold_dir`` with the decoded seed documents of ``raw_dir``
    (decoded as the pipeline decodes them); raises ValueError if a gold span does not hold its
    source_text."""
    gold_dir, raw_dir = Path(gold_dir), Path(raw_dir)
    statistics = read_gold_statistics(gold_dir / "seed_statistics.csv")
    facts = read_gold_facts(gold_dir / "seed_facts.csv")
    snippet_texts, snippets = read_gold_snippets(gold_dir / "snippets.csv")
    heldout_rows = gold_dir / "heldout.csv"
    heldout = (
        read_gold_heldout(gold_dir / HELDOUT_PASSAGES, heldout_rows)
        if heldout_rows.exists()
        else {}
    )
    seed_texts = {}
    for doc_id in sorted(set(statistics["doc_id"]) | set(facts["doc_id"])):
        path = raw_dir / f"{doc_id}.txt"
        decoded = read_document(path.name, path.read_bytes())
        if decoded.status != STATUS_OK:
            raise ValueError(f"gold document {path} is not readable: {decoded.reason}")
        seed_texts[doc_id] = decoded.text
    for name, df, texts in (
        ("seed_statistics", statistics, seed_texts),
        ("seed_facts", facts, seed_texts),
        ("snippets", snippets, snippet_texts),
        *((name, df, texts) for name, (texts, df) in heldout.items()),
    ):
        for row in df.itertuples(index=False):
            if texts[row.doc_id][row.span_start : row.span_end] != row.source_text:
                raise ValueError(
                    f"{name}: {row.doc_id} [{row.span_start}:{row.span_end}] does not hold "
                    f"{row.source_text!r}"
                )
    return GoldStandard(seed_texts, statistics, facts, snippet_texts, snippets, heldout)


def extract_all(texts: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Return the statistics and facts extract_document finds in each text, and a message per
    text on which it raised (that text then contributes no predictions)."""
    statistics: list[dict] = []
    facts: list[dict] = []
    errors = []
    for doc_id in sorted(texts):
        try:
            extraction = extract_document(doc_id, texts[doc_id])
        except Exception as error:  # the scorer reports a crashing extractor, it does not stop
            errors.append(f"{doc_id}: extract_document raised {type(error).__name__}: {error}")
            continue
        statistics.extend(extraction.statistics)
        facts.extend(extraction.facts)
    return predicted_statistics(statistics), predicted_facts(facts), errors


@dataclass
class Report:
    """Scores table, the extractor's errors, and the statistics wrongly found in negative
    snippets (snippet_id -> number of rows)."""

    scores: pd.DataFrame
    errors: list[str]
    negative_hits: dict[str, int]


def score_extraction(
    gold: GoldStandard,
    seed_statistics: pd.DataFrame | None = None,
    seed_facts: pd.DataFrame | None = None,
) -> Report:
    """Return the scores (seeds, snippets, facts), the extractor's errors and its hits in
    negative snippets. Seed predictions default to running extract_document on the seeds; pass
    a pipeline's statistics/facts tables (see read_predicted) to score a run instead. Snippets
    are always scored by running extract_document on them."""
    errors: list[str] = []
    if seed_statistics is None or seed_facts is None:
        stats, facts, errors = extract_all(gold.seed_texts)
        seed_statistics = stats if seed_statistics is None else seed_statistics
        seed_facts = facts if seed_facts is None else seed_facts
    rows = score_statistics("seeds", seed_statistics, gold.statistics, gold.seed_texts)
    hits: dict[str, int] = {}
    for corpus, (texts, expected) in {
        "snippets": (gold.snippet_texts, gold.snippets),
        **gold.heldout,
    }.items():
        predicted, _, passage_errors = extract_all(texts)
        errors += passage_errors
        rows += score_statistics(corpus, predicted, expected, texts)
        found = predicted["doc_id"].value_counts()
        negatives = sorted(set(texts) - set(expected["doc_id"]))
        hits |= {pid: int(found.get(pid, 0)) for pid in negatives}
    rows += score_facts(seed_facts, gold.facts, gold.seed_texts)
    return Report(scores_table(rows), errors, hits)


def markdown(scores: pd.DataFrame) -> str:
    """Return the scores as a Markdown table (ratios to two decimals, '–' where undefined)."""
    shown = scores[["corpus", "kind", "gold", "predicted", "matched", "precision", "recall", "f1"]]
    shown = shown.assign(
        **{
            f"{a} acc. (n)": [
                "–" if pd.isna(acc) else f"{acc:.2f} ({n})"
                for acc, n in zip(scores[f"{a}_accuracy"], scores[f"{a}_n"], strict=True)
            ]
            for a in ATTRIBUTES
        }
    )
    for name in ("precision", "recall", "f1"):
        shown[name] = ["–" if pd.isna(v) else f"{v:.2f}" for v in shown[name]]
    return shown.to_markdown(index=False, disable_numparse=True)


def planted_slips(gold_dir: str | Path) -> pd.DataFrame:
    """Return the reporting slips the held-out annotators planted on purpose
    (``heldout_slips.csv``: passage, split, the check that should catch it, the reported value
    as checks.csv prints it) with ``found``: whether that check of that value is inconsistent."""
    from .checks import Settings, check_document

    gold = Path(gold_dir)
    slips = pd.read_csv(gold / "heldout_slips.csv", dtype=str, keep_default_na=False)
    text_of = _text_table(gold / HELDOUT_PASSAGES).set_index("snippet_id")["text"]
    found = []
    for slip in slips.itertuples():
        extraction = extract_document(slip.snippet_id, text_of[slip.snippet_id])
        checks = check_document(extraction.statistics, extraction.comparisons, Settings())
        found.append(
            any(
                c["check"] == slip.check
                and c["reported"] == slip.reported
                and c["verdict"] == "inconsistent"
                for c in checks
            )
        )
    return slips.assign(found=found)
