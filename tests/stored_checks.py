"""A shard's check inputs as the pipeline stores them (validated Parquet tables), for tests of
the ``check_stored`` worker task."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trialaudit import schemas, tables
from trialaudit.checks import Settings


def store_check_inputs(folder: Path, extractions, settings: Settings | None = None) -> dict:
    """Write the statistics and comparisons of ``extractions`` (trialaudit.extract.Extraction
    objects) as the validate stage does; return the worker's setup payload."""
    paths = {name: folder / f"{name}.parquet" for name in ("statistics", "comparisons")}
    models = {"statistics": schemas.StatisticsTable, "comparisons": schemas.ComparisonsTable}
    for name, path in paths.items():
        rows = [row for extraction in extractions for row in getattr(extraction, name)]
        tables.write_parquet(tables.frame(rows, models[name]), path)
    return {
        "statistics_path": str(paths["statistics"]),
        "comparisons_path": str(paths["comparisons"]),
        "texts_path": None,
        "settings": dataclasses.asdict(settings or Settings()),
    }


def stored_rows(setup: dict) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Return the stored statistics and comparisons grouped by document, as the child reads
    them (after the Parquet round trip)."""
    return tuple(
        tables.records_by_doc(tables.read_parquet(setup[f"{name}_path"], model))
        for name, model in (
            ("statistics", schemas.StatisticsTable),
            ("comparisons", schemas.ComparisonsTable),
        )
    )
