"""Reading and writing tables: validated against their pandera model, in a stable byte form."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pandera.errors import SchemaErrors

log = logging.getLogger(__name__)

FLOAT_FORMAT = "%.10g"


def columns_of(model: type[pa.DataFrameModel]) -> list[str]:
    """Return the column names a model defines, in order."""
    return list(model.to_schema().columns)


def text_columns(model: type[pa.DataFrameModel]) -> list[str]:
    """Return the names of a model's text columns."""
    return [
        name
        for name, col in model.to_schema().columns.items()
        if str(col.dtype).startswith(("str", "string"))
    ]


def frame(rows: Iterable[dict], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Build a validated frame with exactly the model's columns from a list of row dicts
    (missing text becomes the empty string)."""
    return _finished(pd.DataFrame(list(rows), columns=columns_of(model)), model)


def frame_of_columnar(parts: Iterable[dict], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Build the validated frame of ``frame`` from parts in the compact row form of
    ``timelimit.columnar`` ({"columns": names, "rows": lists of values}), rows in order;
    consecutive parts with the same columns are stacked before a frame is made."""
    runs: list[tuple[list[str], list[list]]] = []
    for part in parts:
        if not part["rows"]:
            continue
        if runs and runs[-1][0] == part["columns"]:
            runs[-1][1].extend(part["rows"])
        else:
            runs.append((part["columns"], list(part["rows"])))
    if not runs:
        return frame([], model)
    frames = [pd.DataFrame(rows, columns=names) for names, rows in runs]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return _finished(df.reindex(columns=columns_of(model)), model)


def _finished(df: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Return ``df`` with missing text as the empty string, validated against ``model``."""
    for name in text_columns(model):
        df[name] = df[name].astype(object).where(df[name].notna(), "").astype(str)
    return validate(df, model)


def validate(df: pd.DataFrame, model) -> pd.DataFrame:
    """Validate lazily; log every failure case and re-raise so that no bad table is written."""
    try:
        return model.validate(df, lazy=True)
    except SchemaErrors as errors:
        name = getattr(model, "__name__", None) or getattr(model, "name", "table")
        log.error("%s failed validation:\n%s", name, errors.failure_cases.to_string())
        raise


def concat(frames: list[pd.DataFrame], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Concatenate frames of one model (an empty list gives an empty, typed frame)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return frame([], model)
    return validate(pd.concat(frames, ignore_index=True), model)


def _floats_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with its float columns as the text ``to_csv(float_format=FLOAT_FORMAT)``
    writes for them (``FLOAT_FORMAT % value``, missing values empty), formatted in one pass
    per column: pandas formats each value through two Python calls and a missing-value test,
    which was 29 of the 75 s of gathering 100,000 documents."""
    formatted = {}
    for name in df.columns:
        column = df[name]
        if column.dtype.kind != "f":
            continue
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        text = np.array([FLOAT_FORMAT % value for value in values.tolist()], dtype=object)
        text[np.isnan(values)] = ""
        formatted[name] = text
    if not formatted:
        return df
    return df.assign(**formatted)


def _to_csv(df: pd.DataFrame, path: str | Path, *, append: bool = False) -> None:
    """Write (or append, without header) ``df`` as CSV, floats as ``_floats_as_text``."""
    _floats_as_text(df).to_csv(
        path, mode="a" if append else "w", header=not append, index=False, lineterminator="\n"
    )


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write a CSV with a fixed float format and Unix line endings (byte-reproducible)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    _to_csv(df, path)


def write_parquet(df: pd.DataFrame, path: str | Path) -> None:
    """Write an intermediate table as Parquet (types survive between stages)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    df.to_parquet(path, index=False)


def read_parquet(path: str | Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Read an intermediate table and validate it against its model."""
    return validate(pd.read_parquet(path), model)


def read_csv(
    path: str | Path, model: type[pa.DataFrameModel], columns: list[str] | None = None
) -> pd.DataFrame:
    """Read a results table written by write_csv and validate it against its model; with
    ``columns``, read and validate only those (big tables, few columns needed)."""
    texts = set(text_columns(model))
    wanted = columns or columns_of(model)
    others = [name for name in wanted if name not in texts]
    df = pd.read_csv(
        path,
        usecols=wanted,
        dtype={name: str for name in wanted if name in texts},
        keep_default_na=False,
        na_values={name: [""] for name in others},
    )
    if columns is None:
        return validate(df, model)
    schema = model.to_schema()
    subset = pa.DataFrameSchema(
        {name: schema.columns[name] for name in columns}, coerce=True, name=model.__name__
    )
    return validate(df[columns], subset)


# Rows converted to pandas at a time when a big table is written (bounds the memory of
# collect_tables at 100,000 documents to the Arrow table plus one chunk).
CHUNK_ROWS = 200_000


def _unique_columns(model: type[pa.DataFrameModel]) -> list[str]:
    return [name for name, col in model.to_schema().columns.items() if col.unique]


def write_sorted_csv(
    paths: Iterable[str | Path],
    model: type[pa.DataFrameModel],
    keys: list[str],
    path: str | Path,
    exclude: Sequence[str] = (),
) -> arrow.Table:
    """Concatenate per-shard Parquet tables of one model, drop the rows of the documents in
    ``exclude``, sort them (stably) by ``keys`` and write one CSV (the bytes write_csv gives
    for the whole frame), validating chunk by chunk; return the concatenated (unsorted) Arrow
    table.

    Arrow holds the rows compactly; pandas (and pandera) only ever see CHUNK_ROWS of them."""
    parts = [pq.read_table(p) for p in paths]
    parts = [t for t in parts if t.num_rows]
    if not parts:
        write_csv(frame([], model), path)
        return arrow.table({c: [] for c in columns_of(model)})
    table = arrow.concat_tables(parts, promote_options="permissive")
    if len(exclude):
        table = table.filter(pc.invert(pc.is_in(table["doc_id"], arrow.array(list(exclude)))))
    for name in _unique_columns(model):
        if pc.count_distinct(table[name]).as_py() != table.num_rows:
            raise ValueError(f"{model.__name__}: {name} is not unique across shards")
    order = pc.sort_indices(table, sort_keys=[(k, "ascending") for k in keys])
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    for start in range(0, max(table.num_rows, 1), CHUNK_ROWS):
        chunk = table.take(order[start : start + CHUNK_ROWS]).to_pandas()
        chunk = validate(chunk.reset_index(drop=True), model)
        _to_csv(chunk, path, append=start > 0)
    return table


def records(df: pd.DataFrame) -> list[dict]:
    """Return a table's rows as dicts of Python values, missing values as None (for per-row
    work in Python: ~10x faster than itertuples over Arrow-backed columns)."""
    columns = []
    for name in df.columns:
        values, missing = df[name].tolist(), df[name].isna()
        if missing.any():
            values = [None if gone else v for v, gone in zip(values, missing.tolist(), strict=True)]
        columns.append(values)
    names = list(df.columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def records_by_doc(df: pd.DataFrame) -> dict[str, list[dict]]:
    """Return a table's rows (as ``records``) grouped by doc_id, in table order."""
    grouped: dict[str, list[dict]] = {}
    for record in records(df):
        grouped.setdefault(record["doc_id"], []).append(record)
    return grouped


def read_csv_head(
    path: str | Path, model: type[pa.DataFrameModel], rows: int
) -> tuple[pd.DataFrame, int]:
    """Return the first ``rows`` rows of a results table, read and validated as read_csv reads
    the whole (the model fixes every column's type), and how many rows it has in all."""
    texts = set(text_columns(model))
    wanted = columns_of(model)
    head = pd.read_csv(
        path,
        usecols=wanted,
        nrows=rows,
        dtype={name: str for name in wanted if name in texts},
        keep_default_na=False,
        na_values={name: [""] for name in wanted if name not in texts},
    )
    total = len(pd.read_csv(path, usecols=[wanted[0]], dtype=str, keep_default_na=False))
    return validate(head, model), total
