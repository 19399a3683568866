"""One function per workflow stage: read inputs, call the library, validate, write outputs.

The Snakemake scripts in workflow/scripts/ are thin adapters around these functions, so that
each stage can be run and tested without Snakemake.
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import decoding, schemas, tables, timelimit
from .check_settings import Settings

log = logging.getLogger("trialaudit")

TEXT_COLUMNS = {"text", "normalized"}
EXTRACTED = {
    "statistics": schemas.StatisticsTable,
    "comparisons": schemas.ComparisonsTable,
    "arms": schemas.ArmsTable,
    "facts": schemas.FactsTable,
    "studies": schemas.StudiesTable,
}


EXTRACTION_LIMIT = "extraction.document_time_limit_seconds"
CHECKS_LIMIT = "checks.document_time_limit_seconds"


# Documents whose extraction or check results are turned into frames at a time.
CHUNK_DOCUMENTS = 2000


def _cpu_limit(seconds: float | None) -> float | None:
    """Return the per-document CPU limit in seconds (None: no limit, for 0 or unset)."""
    return None if seconds is None or seconds <= 0 else float(seconds)


def _failure_reason(stage: str, failure: str, limit_key: str) -> str:
    """Return the quarantine reason for a document whose ``stage`` failed in its child process
    (naming the config key of the limit when it was the time limit)."""
    reason = f"{stage} {failure}"
    if "CPU time" in failure or "wall-clock" in failure:
        reason += f" (config {limit_key})"
    return reason


def normalize_text(
    sources: Sequence[dict],
    output: str,
    time_limit: float | None = None,
    max_megabytes: float | None = None,
) -> pd.DataFrame:
    """Decode and normalize every file of a shard in a time-limited child process (a file that
    takes more than ``time_limit`` s of CPU is quarantined); write the texts table."""
    ordered = sorted(sources, key=lambda s: s["doc_id"])
    max_bytes = None if max_megabytes is None else int(max_megabytes * 1e6)
    outcomes = timelimit.run_each(
        "read_source",
        [{"source": dict(source), "max_bytes": max_bytes} for source in ordered],
        _cpu_limit(time_limit),
    )
    rows = []
    for source, outcome in zip(ordered, outcomes, strict=True):
        if outcome.ok:
            rows.append(outcome.value)
            continue
        reason = _failure_reason("reading", outcome.failure, EXTRACTION_LIMIT)
        log.warning("quarantined %s: %s", source["name"], reason)
        rows.append(decoding.source_row(source, reason))
    df = tables.frame(rows, schemas.TextsTable)
    tables.write_parquet(df, output)
    log.info("%d files, %d readable", len(df), int((df["status"] == "ok").sum()))
    return df


def extract_statistics(
    texts_path: str,
    outputs: dict[str, str],
    time_limit: float | None = None,
    failures_output: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Extract statistics, comparisons, arms, facts and studies from a shard's texts, each
    document in a time-limited child process; a document that exceeds ``time_limit`` s of CPU,
    crashes or raises is left out and listed in ``failures_output`` (doc_id, reason).
    Results become frames every CHUNK_DOCUMENTS documents, so memory does not grow with the
    shard as Python objects would."""
    texts = tables.read_parquet(texts_path, schemas.TextsTable)
    readable = texts[texts["status"] == "ok"]
    payloads = (
        {"doc_id": d, "text": t} for d, t in zip(readable["doc_id"], readable["text"], strict=True)
    )
    outcomes = timelimit.iter_each("extract", payloads, _cpu_limit(time_limit))
    chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in EXTRACTED}
    extracted: dict[str, dict[str, dict]] = {}
    failures: list[dict] = []
    for doc_id, outcome in zip(readable["doc_id"], outcomes, strict=True):
        if outcome.ok:
            extracted[doc_id] = outcome.value
        else:
            reason = _failure_reason("extraction", outcome.failure, EXTRACTION_LIMIT)
            log.warning("quarantined %s: %s", doc_id, reason)
            failures.append({"doc_id": doc_id, "reason": reason})
        if len(extracted) == CHUNK_DOCUMENTS:
            _add_chunk(extracted, chunks, failures)
            extracted = {}
    _add_chunk(extracted, chunks, failures)
    frames = {name: tables.concat_chunks(chunks[name], model) for name, model in EXTRACTED.items()}
    for name in EXTRACTED:
        tables.write_parquet(frames[name], outputs[name])
    if failures_output is not None:
        failures.sort(key=lambda f: f["doc_id"])
        tables.write_parquet(tables.frame(failures, schemas.RejectedTable), failures_output)
    log.info("%d statistics from %d documents", len(frames["statistics"]), len(texts))
    return frames


def _add_chunk(
    extracted: dict[str, dict[str, dict]],
    chunks: dict[str, list[pd.DataFrame]],
    failures: list[dict],
) -> None:
    """Append the frames of some documents' results to ``chunks``; documents whose rows fail
    a model are quarantined (added to ``failures``) and left out."""
    try:
        frames = _frames(extracted)
    except Exception:  # some document's rows fail a model: find and quarantine them
        for doc_id, reason in _invalid_documents(extracted).items():
            log.warning("quarantined %s: %s", doc_id, reason)
            failures.append({"doc_id": doc_id, "reason": reason})
            del extracted[doc_id]
        frames = _frames(extracted)
    for name, df in frames.items():
        chunks[name].append(df)


def _frames(extracted: dict[str, dict[str, dict]]) -> dict[str, pd.DataFrame]:
    """Return the validated tables of all documents' extracted rows (raises if any is invalid)."""
    return {
        name: tables.frame_of_columnar((value[name] for value in extracted.values()), model)
        for name, model in EXTRACTED.items()
    }


def _validation_error(rows: list[dict], model) -> str:
    """Return '' when ``rows`` make a valid table of ``model``, else the first failed check."""
    quiet = logging.getLogger(tables.__name__)
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        tables.frame(rows, model)
    except Exception as error:  # pandera SchemaErrors, or a value no column type can hold
        cases = getattr(error, "failure_cases", None)
        if cases is not None and len(cases):
            first = cases.iloc[0]
            return f"{first['column'] or 'row'}: {first['check']}"
        return f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        quiet.setLevel(level)
    return ""


def _invalid_documents(extracted: dict[str, dict[str, dict]]) -> dict[str, str]:
    """Return doc_id -> reason for documents whose rows fail a table's model, found by
    bisection (O(k log n) validations for k bad documents among n)."""
    invalid: dict[str, str] = {}

    def search(doc_ids: list[str], name: str, model) -> None:
        rows = [row for d in doc_ids for row in timelimit.rows_of(extracted[d][name])]
        error = _validation_error(rows, model) if rows else ""
        if not error:
            return
        if len(doc_ids) == 1:
            invalid[doc_ids[0]] = f"extraction failed validation ({name}: {error})"
            return
        middle = len(doc_ids) // 2
        search(doc_ids[:middle], name, model)
        search(doc_ids[middle:], name, model)

    for name, model in EXTRACTED.items():
        search([d for d in extracted if d not in invalid], name, model)
    return invalid


def _provenance_failures(df: pd.DataFrame, texts: dict[str, str], table: str) -> dict[str, str]:
    """Return doc_id -> reason for rows whose span does not reproduce their source_text."""
    failures: dict[str, str] = {}
    if "source_text" not in df.columns:
        return failures
    for row in df[["doc_id", "source_text", "span_start", "span_end"]].itertuples(index=False):
        text = texts.get(row.doc_id, "")
        if text[row.span_start : row.span_end] != row.source_text:
            failures.setdefault(
                row.doc_id,
                f"{table}: span {row.span_start}-{row.span_end} does not reproduce "
                f"{row.source_text!r}",
            )
    return failures


def validate_tables(
    texts_path: str,
    inputs: dict[str, str],
    outputs: dict[str, str],
    rejected_path: str,
    failures_path: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Validate a shard's extracted tables (types, invariants, provenance against the decoded
    text). Documents with failing rows are removed from every table and listed as rejected,
    together with the documents whose extraction failed (``failures_path``)."""
    failed = {}
    if failures_path is not None:
        failures = tables.read_parquet(failures_path, schemas.RejectedTable)
        failed = dict(zip(failures["doc_id"], failures["reason"], strict=True))
    texts = tables.read_parquet(texts_path, schemas.TextsTable)
    text_of = dict(zip(texts["doc_id"], texts["text"], strict=True))
    frames = {name: pd.read_parquet(inputs[name]) for name in EXTRACTED}
    rejected: dict[str, str] = {}
    passed: dict[str, pd.DataFrame] = {}  # the validated tables that no failure was found in
    for name, model in EXTRACTED.items():
        rejected.update(
            {
                k: v
                for k, v in _provenance_failures(frames[name], text_of, name).items()
                if k not in rejected
            }
        )
        try:
            passed[name] = model.validate(frames[name], lazy=True)
        except Exception as errors:  # pandera SchemaErrors: attribute failures to documents
            cases = getattr(errors, "failure_cases", None)
            if cases is None:
                raise
            for index, check in zip(cases["index"], cases["check"], strict=True):
                if index is None or pd.isna(index):
                    continue
                doc_id = frames[name].loc[int(index), "doc_id"]
                rejected.setdefault(doc_id, f"{name}: failed check {check}")
    validated = {}
    for name, model in EXTRACTED.items():
        keep = ~frames[name]["doc_id"].isin(rejected)
        if name in passed and keep.all():  # nothing to remove: validated already
            validated[name] = passed[name]
        else:
            validated[name] = tables.validate(frames[name][keep].reset_index(drop=True), model)
        tables.write_parquet(validated[name], outputs[name])
    for doc_id, reason in sorted(rejected.items()):
        log.warning("rejected %s: %s", doc_id, reason)
    rejected_rows = [
        {"doc_id": k, "reason": failed.get(k) or f"extraction failed validation ({v})"}
        for k, v in sorted({**rejected, **failed}.items())
    ]
    tables.write_parquet(tables.frame(rejected_rows, schemas.RejectedTable), rejected_path)
    return validated


def check_consistency(
    statistics_path: str,
    comparisons_path: str,
    output: str,
    settings: Settings,
    texts_path: str | None = None,
    reanalysis_output: str | None = None,
    failures_output: str | None = None,
    time_limit: float | None = None,
) -> pd.DataFrame:
    """Re-analyse every document of a shard, each in a time-limited child process; write the
    checks table (and the re-analysis table of its 2x2 comparisons when ``reanalysis_output``
    is given). A document whose checks exceed ``time_limit`` s of CPU, crash or raise is left
    out and listed in ``failures_output`` (doc_id, reason), not fatal."""
    from dataclasses import asdict

    # The child reads and groups the shard's rows itself; only doc_ids cross the pipe. It reads
    # the texts only to find mentions of one-sided tests, which count only when asked for.
    doc_ids = sorted(set(pd.read_parquet(statistics_path, columns=["doc_id"])["doc_id"]))
    read_texts = texts_path is not None and settings.one_tailed_from_text
    setup = {
        "statistics_path": str(statistics_path),
        "comparisons_path": str(comparisons_path),
        "texts_path": str(texts_path) if read_texts else None,
        "settings": asdict(settings),
    }
    outcomes = timelimit.iter_each(
        "check_stored", ({"doc_id": d} for d in doc_ids), _cpu_limit(time_limit), setup=setup
    )
    models = {"checks": schemas.ChecksTable, "reanalysis": schemas.ReanalysisTable}
    parts: dict[str, list[dict]] = {name: [] for name in models}
    chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in models}
    failures: list[dict] = []
    for doc_id, outcome in zip(doc_ids, outcomes, strict=True):
        if not outcome.ok:
            reason = _failure_reason("checks", outcome.failure, CHECKS_LIMIT)
            log.warning("quarantined %s: %s", doc_id, reason)
            failures.append({"doc_id": doc_id, "reason": reason})
        else:
            for name in models:
                parts[name].append(outcome.value[name])
        if len(parts["checks"]) == CHUNK_DOCUMENTS or doc_id == doc_ids[-1]:
            for name, model in models.items():
                chunks[name].append(tables.frame_of_columnar(parts[name], model))
                parts[name] = []
    df = tables.concat_chunks(chunks["checks"], schemas.ChecksTable)
    tables.write_parquet(df, output)
    if reanalysis_output is not None:
        tables.write_parquet(
            tables.concat_chunks(chunks["reanalysis"], schemas.ReanalysisTable),
            reanalysis_output,
        )
    if failures_output is not None:
        tables.write_parquet(tables.frame(failures, schemas.RejectedTable), failures_output)
    log.info("%d checks: %s", len(df), df["verdict"].value_counts().to_dict())
    return df


def _concat_parquet(paths: Sequence[str], model) -> pd.DataFrame:
    return tables.concat([pd.read_parquet(p) for p in paths], model)


def _text_meta(path: str) -> pd.DataFrame:
    """Return a shard's texts table without the texts, with their length in characters."""
    meta_columns = [c for c in tables.columns_of(schemas.TextsTable) if c not in TEXT_COLUMNS]
    table = pq.read_table(path, columns=[*meta_columns, "text"])
    lengths = pc.utf8_length(table["text"])
    return table.drop_columns(["text"]).append_column("n_characters", lengths).to_pandas()


def _sort_keys(model) -> list[str]:
    """Return the columns an extracted table is sorted by in the results."""
    columns = tables.columns_of(model)
    keys = ("doc_id", "stat_id", "comparison_id", "study_id", "span_start")
    return [c for c in keys if c in columns]


def collect_tables(
    texts_paths: Sequence[str],
    rejected_paths: Sequence[str],
    inputs: dict[str, Sequence[str]],
    outputs: dict[str, str],
    check_failures_paths: Sequence[str] = (),
) -> dict[str, pd.DataFrame]:
    """Gather every shard into the results tables of what was read and extracted (documents,
    quarantine, statistics, comparisons, arms, facts, studies), each validated and in a stable
    row order; return the documents and quarantine tables (the others are written as they are
    gathered). A document whose checks failed is quarantined: none of its rows are kept."""
    texts = pd.concat([_text_meta(p) for p in texts_paths], ignore_index=True)
    rejected = _concat_parquet(rejected_paths, schemas.RejectedTable)
    check_failures = _concat_parquet(check_failures_paths, schemas.RejectedTable)
    failed = sorted(set(check_failures["doc_id"]))
    rejected = tables.concat([rejected, check_failures], schemas.RejectedTable)
    result = {}
    sizes = {}
    per_doc = {}
    # The big tables go shard by shard through Arrow to their CSV (memory: one table at a time).
    for name, model in EXTRACTED.items():
        table = tables.write_sorted_csv(
            inputs[name], model, _sort_keys(model), outputs[name], exclude=failed
        )
        sizes[name] = table.num_rows
        if name in {"statistics", "studies"}:
            counted = pc.value_counts(table["doc_id"])
            per_doc[name] = pd.Series(
                counted.field("counts").to_numpy(), index=counted.field("values").to_pylist()
            )
        del table

    reasons = dict(zip(rejected["doc_id"], rejected["reason"], strict=True))
    texts.loc[texts["doc_id"].isin(reasons), "status"] = decoding.STATUS_QUARANTINED
    texts["reason"] = [
        reasons.get(d, r) for d, r in zip(texts["doc_id"], texts["reason"], strict=True)
    ]
    documents = pd.DataFrame(
        {
            "doc_id": texts["doc_id"],
            "file_name": texts["file_name"],
            "shard": texts["shard"],
            "status": texts["status"],
            "reason": texts["reason"],
            "encoding": texts["encoding"],
            "size_bytes": texts["size_bytes"],
            "sha256": texts["sha256"],
            "n_characters": texts["n_characters"],
            "n_statistics": texts["doc_id"].map(per_doc["statistics"]).fillna(0).astype(int),
            "n_studies": texts["doc_id"].map(per_doc["studies"]).fillna(0).astype(int),
        }
    ).sort_values("file_name")
    result["documents"] = tables.validate(documents.reset_index(drop=True), schemas.DocumentsTable)
    quarantined = result["documents"][result["documents"]["status"] == "quarantined"]
    result["quarantine"] = tables.frame(
        quarantined[["doc_id", "file_name", "reason"]].to_dict(orient="records"),
        schemas.QuarantineTable,
    )
    for name, df in result.items():
        tables.write_csv(df, outputs[name])
    log.info("%d documents, %d statistics", len(result["documents"]), sizes["statistics"])
    return result


def collect_checks(
    checks_paths: Sequence[str], reanalysis_paths: Sequence[str], outputs: dict[str, str]
) -> dict[str, int]:
    """Gather every shard's checks and re-analyses into checks.csv and reanalysis.csv, each
    validated and in a stable row order; return the number of rows of each. A document whose
    checks failed has no rows to gather (check_consistency keeps none of them; collect_tables
    quarantines it). A rule of its own, so that it runs beside collect_tables and the stages
    that need no checks start sooner."""
    gathered = {
        "checks": (schemas.ChecksTable, checks_paths, ["doc_id", "check_id"]),
        "reanalysis": (schemas.ReanalysisTable, reanalysis_paths, ["doc_id", "comparison_id"]),
    }
    sizes = {}
    for name, (model, paths, keys) in gathered.items():
        sizes[name] = tables.write_sorted_csv(paths, model, keys, outputs[name]).num_rows
    log.info("%d checks, %d re-analysed comparisons", sizes["checks"], sizes["reanalysis"])
    return sizes


SENTENCE_COLUMNS = ["doc_id", "stat_id", "sentence_start", "sentence_end"]
TIMELINE_CHUNK = 50_000
TIMELINE_STAT_COLUMNS = [
    "doc_id", "stat_id", "study_id", "kind", "denominator", "arm", "subgroup", "timepoint",
    "source_text", "span_start", "span_end",
]  # fmt: skip
SUMMARY_CHECK_COLUMNS = [
    "doc_id", "stat_id", "check", "reported", "recomputed", "method", "verdict",
    "decision_error", "note", "source_text", "span_start", "span_end", "flag",
]  # fmt: skip
FIGURE_STAT_COLUMNS = [
    "doc_id", "stat_id", "kind", "measure", "outcome", "value", "ci_low", "ci_high",
]  # fmt: skip
FIGURE_CHECK_COLUMNS = [
    "doc_id", "stat_id", "check", "verdict", "reported_value", "recomputed_value",
    "recomputed_low", "recomputed_high",
]  # fmt: skip


def plot_figures(statistics_path: str, checks_path: str, style: str, stems: dict[str, str]):
    """Draw the figures from the collected tables."""
    from . import figures

    statistics = tables.read_csv(statistics_path, schemas.StatisticsTable, FIGURE_STAT_COLUMNS)
    statistics = statistics[statistics["kind"] == "ratio"].reset_index(drop=True)
    checks = tables.read_csv(checks_path, schemas.ChecksTable, FIGURE_CHECK_COLUMNS)
    figures.plot_estimates(statistics, checks, style, stems["estimates"])
    figures.plot_verdicts(checks, style, stems["verdicts"])
    figures.plot_consistency(statistics, checks, style, stems["consistency"])


def summarize_results(
    inputs: dict[str, str], texts_paths: Sequence[str], outputs: dict[str, str]
) -> str:
    """Write results/summary.md (and its HTML twin for the report) and the per-document
    summary table."""
    from . import summary

    documents = tables.read_csv(inputs["documents"], schemas.DocumentsTable)
    # Only the columns the summary uses (the full tables run to millions of rows).
    statistics = tables.read_csv(inputs["statistics"], schemas.StatisticsTable, SENTENCE_COLUMNS)
    checks = tables.read_csv(inputs["checks"], schemas.ChecksTable, SUMMARY_CHECK_COLUMNS)
    evidence = summary.Evidence(
        trials=tables.read_csv(inputs["trials"], schemas.TrialsTable),
        timeline=tables.read_csv(inputs["timeline"], schemas.TimelineTable),
        meta=tables.read_csv(inputs["meta"], schemas.MetaAnalysisTable),
        inputs=tables.read_csv(inputs["meta_inputs"], schemas.MetaInputsTable),
        groups=tables.read_csv(inputs["outcome_groups"], schemas.OutcomeGroupsTable),
    )
    # Only the texts of documents whose findings are quoted (not every text of a big corpus).
    quoted = sorted(set(checks.loc[checks["verdict"] == "inconsistent", "doc_id"]))
    texts = _texts(texts_paths, quoted)
    outline = summary.outline(documents, statistics, checks, texts, evidence)
    markdown = summary.to_markdown(outline)
    Path(outputs["summary"]).write_text(markdown, encoding="utf-8")
    Path(outputs["summary_html"]).write_text(
        summary.to_html(outline, "trialaudit summary"), encoding="utf-8"
    )
    per_document = tables.validate(
        summary.per_document(documents, checks), schemas.DocumentSummaryTable
    )
    tables.write_csv(per_document, outputs["per_document"])
    return markdown


def write_audit_cards(
    documents_path: str,
    statistics_path: str,
    checks_path: str,
    texts_paths: Sequence[str],
    folder: str,
    max_documents: int,
) -> int:
    """Write the per-document audit cards of a small corpus (see cards.py); return how many."""
    from . import cards

    documents = tables.read_csv(documents_path, schemas.DocumentsTable)
    if len(documents) > max_documents:
        return cards.write_cards(documents, None, None, {}, folder, max_documents)
    statistics = tables.read_csv(statistics_path, schemas.StatisticsTable)
    checks = tables.read_csv(checks_path, schemas.ChecksTable)
    texts = _texts(texts_paths)
    written = cards.write_cards(documents, statistics, checks, texts, folder, max_documents)
    log.info("%d audit cards written to %s", written, folder)
    return written


# --- Synthesis: trials across documents, outcomes, follow-up, pooled evidence -------------


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: stages that build hundreds of thousands of row
    dicts and small objects (none in reference cycles) otherwise spend a third of their time
    re-scanning them, more the bigger the corpus."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _texts(texts_paths: Sequence[str], doc_ids: Sequence[str] | None = None) -> dict[str, str]:
    """Return doc_id -> decoded text from the shards' texts tables (only ``doc_ids`` if given)."""
    if doc_ids is not None and not doc_ids:
        return {}
    filters = None if doc_ids is None else [("doc_id", "in", list(doc_ids))]
    texts: dict[str, str] = {}
    for path in texts_paths:
        df = pd.read_parquet(path, columns=["doc_id", "text"], filters=filters)
        texts.update(zip(df["doc_id"], df["text"], strict=True))
    return texts


def link_trials(inputs: dict[str, str], texts_paths: Sequence[str], outputs: dict[str, str]):
    """Link the studies of every document to trials; write trials.csv and trial_evidence.csv."""
    from . import linking

    read = {
        "documents": schemas.DocumentsTable,
        "studies": schemas.StudiesTable,
        "facts": schemas.FactsTable,
        "arms": schemas.ArmsTable,
        "statistics": schemas.StatisticsTable,
    }
    # Of the statistics, linking uses the stated sample sizes only (the table is the largest).
    columns = {
        "statistics": ["doc_id", "study_id", "kind", "value", "unit", "span_start", "span_end"]
    }
    frames = {
        name: tables.read_csv(inputs[name], model, columns.get(name))
        for name, model in read.items()
    }
    # Only the texts linking reads: documents whose title or authors are guessed or found in
    # the text, then those the evidence quotes.
    needed = linking.texts_needed(frames["documents"], frames["studies"])
    texts = _texts(texts_paths, sorted(needed))
    with _without_gc():
        units = linking.build_units(**frames, texts=texts)
        trials = linking.link_units(units)
        texts.update(_texts(texts_paths, sorted(linking.evidence_documents(trials) - set(texts))))
        trials_df = tables.frame(linking.trials_rows(trials), schemas.TrialsTable)
        evidence = tables.frame(linking.evidence_rows(trials, texts), schemas.TrialEvidenceTable)
    tables.write_csv(trials_df, outputs["trials"])
    tables.write_csv(evidence, outputs["evidence"])
    log.info("%d studies in %d trials", len(units), trials_df["trial_id"].nunique())
    return trials_df


OUTCOME_STAT_COLUMNS = ["doc_id", "stat_id", "outcome"]


def harmonize_outcomes(
    statistics_path: str, comparisons_path: str, map_file: str, outputs: dict[str, str]
):
    """Group outcome wordings under keys; write outcome_groups.csv and the harmonized
    comparisons."""
    from . import outcomes

    # Of the statistics, only which outcome each names (the table is the largest).
    statistics = tables.read_csv(statistics_path, schemas.StatisticsTable, OUTCOME_STAT_COLUMNS)
    comparisons = tables.read_csv(comparisons_path, schemas.ComparisonsTable)
    mapping = outcomes.load_mapping(map_file)
    wordings = [*statistics["outcome"], *comparisons["outcome"]]
    decisions = outcomes.decide_all(wordings, mapping)
    with _without_gc():
        group_rows = outcomes.group_rows(statistics, comparisons, decisions)
        harmonized_rows = outcomes.harmonized_rows(comparisons, decisions)
    groups = tables.frame(group_rows, schemas.OutcomeGroupsTable)
    harmonized = tables.frame(harmonized_rows, schemas.HarmonizedComparisonsTable)
    tables.write_csv(groups, outputs["groups"])
    tables.write_csv(harmonized, outputs["comparisons"])
    log.info("%d wordings in %d outcome groups", len(groups), groups["outcome_key"].nunique())
    return groups, harmonized


# Of trials.csv, the timeline and the pooling need which trial each study reports.
REPORT_COLUMNS = ["trial_id", "doc_id", "study_id", "relation"]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    """Yield ``items`` in lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def follow_up_timeline(inputs: dict[str, str], settings: dict, output: str) -> pd.DataFrame:
    """Write the follow-up timeline of every trial (timeline.csv)."""
    from . import timeline

    # The tables are read straight into the generator (which drops them once it has their
    # rows), and its rows become frames TIMELINE_CHUNK at a time: at 100,000 documents the
    # step held 1.86 GB with the tables kept and all 430,000 row dicts at once.
    rows = timeline.iter_timeline_rows(
        tables.read_csv(inputs["trials"], schemas.TrialsTable, REPORT_COLUMNS),
        tables.read_csv(inputs["arms"], schemas.ArmsTable),
        tables.read_csv(inputs["statistics"], schemas.StatisticsTable, TIMELINE_STAT_COLUMNS),
        tables.read_csv(inputs["comparisons"], schemas.ComparisonsTable),
        timeline.Settings(**settings),
    )
    with _without_gc():
        frames = [
            tables.frame(chunk, schemas.TimelineTable) for chunk in _batches(rows, TIMELINE_CHUNK)
        ]
    df = tables.concat(frames, schemas.TimelineTable)
    tables.write_csv(df, output)
    log.info("%d timeline rows, %d flagged", len(df), int((df["flags"] != "").sum()))
    return df


def meta_analysis(
    comparisons_path: str, trials_path: str, settings: dict, outputs: dict[str, str]
) -> pd.DataFrame:
    """Select one 2x2 table per trial and outcome and pool every outcome with enough trials;
    write meta_inputs.csv and meta_analysis.csv."""
    from . import synthesis

    comparisons = tables.read_csv(comparisons_path, schemas.HarmonizedComparisonsTable)
    trials = tables.read_csv(trials_path, schemas.TrialsTable, REPORT_COLUMNS)
    options = synthesis.Settings(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
    )
    with _without_gc():
        selected = synthesis.select_inputs(comparisons, trials, options)
    inputs = tables.frame(selected, schemas.MetaInputsTable)
    pooled = tables.frame(synthesis.pool(inputs, options), schemas.MetaAnalysisTable)
    tables.write_csv(inputs, outputs["inputs"])
    tables.write_csv(pooled, outputs["meta"])
    log.info("%d candidate tables, %d outcomes pooled", len(inputs), pooled["outcome"].nunique())
    return pooled


def trial_labels(trials: pd.DataFrame) -> dict[str, str]:
    """Return trial_id -> a short label (its registration, else the document of its report)."""
    return {t: t.split("/")[0] for t in trials["trial_id"]}


def plot_forest(
    meta_path: str, inputs_path: str, trials_path: str, options: dict, style: str, folder: str
) -> list[str]:
    """Draw one forest plot per outcome with at least one usable 2x2 table into ``folder``."""
    from . import figures

    meta_rows = tables.read_csv(meta_path, schemas.MetaAnalysisTable)
    inputs = tables.read_csv(inputs_path, schemas.MetaInputsTable)
    labels = trial_labels(tables.read_csv(trials_path, schemas.TrialsTable, ["trial_id"]))
    Path(folder).mkdir(parents=True, exist_ok=True)
    measure, level = options["forest_measure"], options["level"]
    drawn = []
    usable = inputs[inputs["used"] & inputs[f"{measure.lower()}_vi"].notna()]
    for outcome in sorted(usable["outcome"].unique()):
        stem = Path(folder) / figures.file_stem(outcome)
        figures.plot_forest(usable, meta_rows, labels, outcome, measure, level, style, stem)
        drawn.append(outcome)
    log.info("%d forest plots", len(drawn))
    return drawn


def plot_timelines(timeline_path: str, trials_path: str, style: str, folder: str) -> list[str]:
    """Draw the follow-up timeline of each trial with arm sizes into ``folder``: every trial of a
    corpus with at most figures.MAX_ROWS of them, else the MAX_ROWS with the most to show
    (flagged attrition first, then most time points and reports); timeline.csv has them all."""
    from . import figures

    timeline = tables.read_csv(timeline_path, schemas.TimelineTable)
    trials = tables.read_csv(trials_path, schemas.TrialsTable, ["trial_id", "doc_id", "title"])
    titles = trials.sort_values(["trial_id", "doc_id"]).drop_duplicates("trial_id")
    title_of = dict(zip(titles["trial_id"], titles["title"], strict=True))
    Path(folder).mkdir(parents=True, exist_ok=True)
    by_trial = timeline.groupby("trial_id")
    interest = pd.DataFrame(
        {
            "flagged": (timeline["flags"] != "").groupby(timeline["trial_id"]).any().astype(int),
            "timepoints": by_trial["timepoint"].nunique(),
            "reports": by_trial["doc_id"].nunique(),
        }
    )
    shown = (
        interest.reset_index()
        .sort_values(
            ["flagged", "timepoints", "reports", "trial_id"],
            ascending=[False, False, False, True],
        )
        .head(figures.MAX_ROWS)["trial_id"]
    )
    if len(interest) > len(shown):
        log.info("%d of %d trials drawn (see timeline.csv for all)", len(shown), len(interest))
    timeline = timeline[timeline["trial_id"].isin(set(shown))]
    drawn = []
    for trial_id, rows in timeline.groupby("trial_id", sort=True):
        label = trial_labels(pd.DataFrame({"trial_id": [trial_id]}))[trial_id]
        title = f"{label}: {title_of.get(trial_id, '')}".rstrip(": ")
        figures.plot_timeline(rows, title, style, Path(folder) / figures.file_stem(label))
        drawn.append(trial_id)
    log.info("%d timelines", len(drawn))
    return drawn


REPORT_TABLES = {
    "meta_analysis": (schemas.MetaAnalysisTable, "Meta-analysis"),
    "meta_inputs": (schemas.MetaInputsTable, "Trials and 2x2 tables considered for pooling"),
    "trials": (schemas.TrialsTable, "Trials across documents"),
    "trial_evidence": (schemas.TrialEvidenceTable, "Evidence behind each link"),
    "timeline": (schemas.TimelineTable, "Follow-up timeline"),
    "outcome_groups": (schemas.OutcomeGroupsTable, "Outcome wordings and their groups"),
    "summary": (schemas.DocumentSummaryTable, "Checks per document"),
}


def render_tables(inputs: dict[str, str], outputs: dict[str, str]) -> None:
    """Write each summary table as an HTML page for the report (its CSV stays the source)."""
    from . import summary

    for name, path in inputs.items():
        model, title = REPORT_TABLES[name]
        # A page shows the first rows only: those are read, and the rest counted.
        head, total = tables.read_csv_head(path, model, summary.MAX_TABLE_ROWS)
        page = summary.table_page(head, title, f"From results/tables/{Path(path).name}.", total)
        Path(outputs[name]).parent.mkdir(parents=True, exist_ok=True)
        Path(outputs[name]).write_text(page, encoding="utf-8")
