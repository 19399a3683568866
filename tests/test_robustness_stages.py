"""The per-shard stages, run in-process: one document that breaks a stage is quarantined with
its reason, and every other document's results are those of a run without it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from workflow_runner import SEEDS

from trialaudit import schemas, stages, tables, timelimit
from trialaudit.checks import Settings
from trialaudit.extract import extract_document

# A copy of a seed whose extracted counts are made too large for a 64-bit column (as an
# extractor might return for "99999999999999999999/999999999999999999999").
HUGE = next(p for p in SEEDS if p.stem.startswith("004_")).read_bytes()
BROKEN_CHECKS = "001_ee862e205fadbfc4"


def _run(root: Path, extra: dict[str, bytes]) -> dict[str, pd.DataFrame]:
    """Run every stage on the seeds plus ``extra`` files in one shard; return the results."""
    raw = root / "raw"
    raw.mkdir(parents=True)
    files = {seed.name: seed.read_bytes() for seed in SEEDS} | extra
    for name, data in files.items():
        (raw / name).write_bytes(data)
    sources = [
        {
            "name": name,
            "path": str(raw / name),
            "doc_id": Path(name).stem,
            "role": "document",
            "shard": "shard00000",
        }
        for name in sorted(files)
    ]
    out = root / "interim"
    texts = str(out / "texts.parquet")
    stages.normalize_text(sources, texts, time_limit=20, max_megabytes=1)
    extracted = {name: str(out / "extracted" / f"{name}.parquet") for name in stages.EXTRACTED}
    stages.extract_statistics(texts, extracted, 20, str(out / "extract_failures.parquet"))
    validated = {name: str(out / "validated" / f"{name}.parquet") for name in stages.EXTRACTED}
    rejected = str(out / "rejected.parquet")
    stages.validate_tables(
        texts, extracted, validated, rejected, str(out / "extract_failures.parquet")
    )
    stages.check_consistency(
        validated["statistics"],
        validated["comparisons"],
        str(out / "checks.parquet"),
        Settings(),
        texts,
        str(out / "reanalysis.parquet"),
        str(out / "check_failures.parquet"),
    )
    names = [*stages.EXTRACTED, "checks", "documents", "quarantine", "reanalysis"]
    outputs = {name: str(root / "tables" / f"{name}.csv") for name in names}
    stages.collect_tables(
        [texts],
        [rejected],
        {name: [path] for name, path in validated.items()},
        {name: outputs[name] for name in [*stages.EXTRACTED, "documents", "quarantine"]},
        [str(out / "check_failures.parquet")],
    )
    stages.collect_checks(
        [str(out / "checks.parquet")],
        [str(out / "reanalysis.parquet")],
        {name: outputs[name] for name in ["checks", "reanalysis"]},
    )
    # What the stage wrote (the big tables are streamed to their CSV, not returned).
    models = {**stages.EXTRACTED, "checks": schemas.ChecksTable,
              "documents": schemas.DocumentsTable, "quarantine": schemas.QuarantineTable,
              "reanalysis": schemas.ReanalysisTable}  # fmt: skip
    return {name: tables.read_csv(outputs[name], models[name]) for name in names}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return _run(tmp_path_factory.mktemp("clean"), {})


def _with_faults(iter_each):
    """``iter_each`` with two faults: counts no 64-bit column holds in one document's
    extraction, and the checks of another raising (as a bug only it reaches would)."""

    def with_faults(task, payloads, *args, **kwargs):
        payloads = list(payloads)
        outcomes = iter_each(task, payloads, *args, **kwargs)
        for payload, outcome in zip(payloads, outcomes, strict=True):
            if task == "extract" and payload["doc_id"] == "huge":
                statistics = outcome.value["statistics"]
                column = {name: i for i, name in enumerate(statistics["columns"])}
                counts = [r for r in statistics["rows"] if r[column["kind"]] == "count"]
                counts[0][column["numerator"]] = counts[0][column["denominator"]] = 10**20
            if task == "check_stored" and payload["doc_id"] == BROKEN_CHECKS:
                failure = "raised ZeroDivisionError: a bug that only this document reaches"
                outcome = timelimit.Outcome(failure=failure)
            yield outcome

    return with_faults


def _broken_run(root: Path, chunk_documents: int) -> dict[str, pd.DataFrame]:
    patch = pytest.MonkeyPatch()
    patch.setattr(timelimit, "iter_each", _with_faults(timelimit.iter_each))
    patch.setattr(stages, "CHUNK_DOCUMENTS", chunk_documents)
    try:
        return _run(root, {"huge.txt": HUGE})
    finally:
        patch.undo()


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return _broken_run(tmp_path_factory.mktemp("broken"), stages.CHUNK_DOCUMENTS)


def test_results_made_into_frames_chunk_by_chunk_are_those_of_one_chunk(broken, tmp_path):
    """Seven documents in chunks of two: the bad one is found within its chunk, and every
    table is that of a single chunk."""
    chunked = _broken_run(tmp_path, chunk_documents=2)
    assert set(chunked) == set(broken)
    for name, df in chunked.items():
        pd.testing.assert_frame_equal(df, broken[name], obj=name)


def test_unrepresentable_and_crashing_documents_are_quarantined_with_reasons(broken):
    reasons = broken["quarantine"].set_index("doc_id")["reason"].to_dict()
    assert reasons["huge"] == (
        "extraction failed validation (statistics: numerator: coerce_dtype('Int64'))"
    )
    assert reasons[BROKEN_CHECKS] == (
        "checks raised ZeroDivisionError: a bug that only this document reaches"
    )
    assert set(reasons) == {"huge", BROKEN_CHECKS}
    documents = broken["documents"].set_index("doc_id")
    assert documents.loc[BROKEN_CHECKS, "n_statistics"] == 0
    for name, df in broken.items():
        if name not in {"documents", "quarantine"}:
            assert not df["doc_id"].isin(["huge", BROKEN_CHECKS]).any(), name


@pytest.mark.parametrize(
    "name", ["statistics", "comparisons", "arms", "facts", "studies", "checks", "reanalysis"]
)
def test_other_documents_keep_exactly_their_results(clean, broken, name):
    keep = [p.stem for p in SEEDS if p.stem != BROKEN_CHECKS]
    ours = broken[name][broken[name]["doc_id"].isin(keep)].reset_index(drop=True)
    theirs = clean[name][clean[name]["doc_id"].isin(keep)].reset_index(drop=True)
    assert len(theirs) > 0 or name == "reanalysis"
    pd.testing.assert_frame_equal(ours, theirs)


def test_tables_written_are_valid(broken):
    tables.validate(broken["documents"], schemas.DocumentsTable)
    tables.validate(broken["quarantine"], schemas.QuarantineTable)


@pytest.mark.parametrize("from_text", [False, True])
def test_the_check_stage_reads_the_text_for_one_sided_tests_only_when_asked(tmp_path, from_text):
    """statcheck's OneTailedTxt: a t test whose p is right only one-tailed passes when the
    text mentions one-tailed tests and the option is on, and fails otherwise."""
    text = "Scores rose, t(40) = 1.45, p = .077 (one-tailed tests throughout)."
    extraction = extract_document("d", text)
    paths = {name: tmp_path / f"{name}.parquet" for name in ("statistics", "comparisons")}
    tables.write_parquet(tables.frame(extraction.statistics, schemas.StatisticsTable),
                         paths["statistics"])  # fmt: skip
    tables.write_parquet(tables.frame(extraction.comparisons, schemas.ComparisonsTable),
                         paths["comparisons"])  # fmt: skip
    texts = tmp_path / "texts.parquet"
    pd.DataFrame({"doc_id": ["d"], "text": [text]}).to_parquet(texts)
    checks = stages.check_consistency(
        str(paths["statistics"]), str(paths["comparisons"]), str(tmp_path / "checks.parquet"),
        Settings(one_tailed_from_text=from_text), str(texts), time_limit=60,
    )  # fmt: skip
    (row,) = checks[checks["check"] == "p_vs_test"].to_dict("records")
    assert row["verdict"] == ("consistent" if from_text else "inconsistent")
    assert ("one-tailed" in row["method"]) == from_text


def test_a_document_whose_span_fails_provenance_leaves_every_table(tmp_path):
    """One statistic whose span no longer reproduces its text rejects its document from all
    five validated tables, not only from the table that failed; the others' rows stay."""
    sources = [
        {"name": p.name, "path": str(p), "doc_id": p.stem, "role": "document", "shard": "s"}
        for p in SEEDS
    ]
    texts = str(tmp_path / "texts.parquet")
    stages.normalize_text(sources, texts, time_limit=20, max_megabytes=1)
    extracted = {name: str(tmp_path / f"x_{name}.parquet") for name in stages.EXTRACTED}
    stages.extract_statistics(texts, extracted, 20)
    in_every_table = set.intersection(
        *(set(pd.read_parquet(path)["doc_id"]) for path in extracted.values())
    )
    bad = min(in_every_table)  # a document with rows in all five tables
    statistics = pd.read_parquet(extracted["statistics"])
    row = statistics.index[statistics["doc_id"] == bad][0]
    statistics.loc[row, "span_start"] += 1  # the span is moved off its text
    statistics.loc[row, "span_end"] += 1
    tables.write_parquet(statistics, extracted["statistics"])
    validated = {name: str(tmp_path / f"v_{name}.parquet") for name in stages.EXTRACTED}
    stages.validate_tables(texts, extracted, validated, str(tmp_path / "rejected.parquet"))
    rejected = pd.read_parquet(tmp_path / "rejected.parquet")
    assert rejected["doc_id"].tolist() == [bad]
    assert "does not reproduce" in rejected["reason"].iloc[0]
    for name in stages.EXTRACTED:
        before = pd.read_parquet(extracted[name])
        after = pd.read_parquet(validated[name])
        others = before[before["doc_id"] != bad].reset_index(drop=True)
        pd.testing.assert_frame_equal(after, others, obj=name)
