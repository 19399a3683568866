"""Reading and writing tables: validated against their pandera model, in a stable byte form."""

from __future__ import annotations

import csv
import io
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


def concat_chunks(frames: list[pd.DataFrame], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Concatenate frames that each passed ``model`` (``validate``), as ``concat`` does. The
    models of this package check each row on its own, so the rows of valid frames make a valid
    frame; it is validated again only when the model has a unique column or index (a check
    across rows), or when concatenating changed a column's type."""
    frames = [f for f in frames if len(f)]
    schema = model.to_schema()
    if not frames or schema.unique or any(c.unique for c in schema.columns.values()):
        return concat(frames, model)
    df = pd.concat(frames, ignore_index=True)
    return df if all(df.dtypes.equals(f.dtypes) for f in frames) else validate(df, model)


def _floats_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with its float columns as the text ``to_csv(float_format=FLOAT_FORMAT)``
    writes for them (``_float_text``: ``FLOAT_FORMAT % value``, missing values empty)."""
    formatted = {}
    for name in df.columns:
        if df[name].dtype.kind == "f":
            formatted[name] = _float_text(df[name]).to_numpy(zero_copy_only=False)
    if not formatted:
        return df
    return df.assign(**formatted)


def _float_text(column: pd.Series) -> arrow.Array:
    """Return ``FLOAT_FORMAT % value`` for each value of a float column (missing and NaN
    empty), formatting each distinct bit pattern once (so -0.0 stays apart from 0.0)."""
    values = np.ascontiguousarray(column.to_numpy(dtype="float64", na_value=np.nan))
    codes, distinct = pd.factorize(values.view(np.int64))
    floats = distinct.view(np.float64)
    text = np.array([FLOAT_FORMAT % value for value in floats.tolist()], dtype=object)
    text[np.isnan(floats)] = ""
    return arrow.array(text, arrow.large_string()).take(codes)


def _quote_triggers() -> str:
    """Return the characters that make this Python's csv module (QUOTE_MINIMAL, lineterminator
    "\\n") quote a field, found by asking it, and "\\r", which csv leaves bare (Python 3.11)
    though every CSV reader ends a row there: written bare, a field would not read back."""
    triggers = "\r"
    for char in [chr(code) for code in range(128)] + ["\x85", "\u2028", "\u2029"]:
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(["a" + char, "b"])
        if line.getvalue().startswith('"') and char not in triggers:
            triggers += char
    return triggers


_QUOTE_TRIGGERS = _quote_triggers()
# Scanning UTF-8 byte by byte finds only ASCII triggers (else text goes through pandas).
_QUOTE_BYTES = [ord(c) for c in _QUOTE_TRIGGERS] if _QUOTE_TRIGGERS.isascii() else None


def _text(value: str) -> arrow.Scalar:
    """Return ``value`` as an Arrow large_string scalar."""
    return arrow.scalar(value, arrow.large_string())


def _single(values: arrow.Array | arrow.ChunkedArray) -> arrow.Array:
    """Return ``values`` as one array (no copy when it is one chunk already)."""
    if isinstance(values, arrow.ChunkedArray):
        return values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()
    return values


def _text_bytes(text: arrow.Array) -> tuple[np.ndarray, np.ndarray]:
    """Return the offsets (one more than rows) and the UTF-8 bytes of a large_string array."""
    offsets, data = text.buffers()[1:]
    offsets = np.frombuffer(offsets, dtype=np.int64)[text.offset : text.offset + len(text) + 1]
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return offsets, data


def _rows_to_quote(text: arrow.Array) -> np.ndarray:
    """Return the rows of a large_string array holding a byte that csv quotes for."""
    offsets, data = _text_bytes(text)
    data = data[offsets[0] : offsets[-1]]
    hits = np.zeros(len(data), dtype=bool)
    for byte in _QUOTE_BYTES:
        hits |= data == byte
    positions = np.flatnonzero(hits) + offsets[0]
    return np.unique(np.searchsorted(offsets, positions, side="right") - 1)


def _string_text(column: pd.Series) -> arrow.Array:
    """Return a text column as csv writes it: missing empty, QUOTE_MINIMAL quoting."""
    text = _single(pc.cast(arrow.Array.from_pandas(column), arrow.large_string())).fill_null("")
    rows = _rows_to_quote(text) if len(text) else []
    if not len(rows):
        return text
    quote = _text('"')
    doubled = pc.replace_substring(text.take(rows), '"', '""')
    quoted = pc.binary_join_element_wise(quote, doubled, quote, _text(""))
    chosen = np.zeros(len(text), dtype=bool)
    chosen[rows] = True
    return pc.replace_with_mask(text, arrow.array(chosen), quoted)


def _field_text(column: pd.Series) -> arrow.Array | None:
    """Return each value of ``column`` as ``_pandas_csv`` writes it (a large_string array);
    None for a column type this writer does not know."""
    dtype = column.dtype
    if isinstance(dtype, pd.ArrowDtype):
        return None
    if isinstance(dtype, pd.StringDtype):
        return _string_text(column) if _QUOTE_BYTES else None
    if dtype.kind == "f":
        return _float_text(column)
    if dtype.kind not in "biu":
        return None
    values = _single(arrow.Array.from_pandas(column))
    if dtype.kind == "b":
        return pc.if_else(values, _text("True"), _text("False")).fill_null("")
    return pc.cast(values, arrow.large_string()).fill_null("")


def _csv_lines(df: pd.DataFrame) -> arrow.Array | None:
    """Return the CSV lines (each ending in "\\n") of ``df``'s rows as a large_string array,
    or None when one of its columns has a type ``_field_text`` does not know."""
    fields = [_field_text(df[name]) for name in df.columns]
    if not fields or any(field is None for field in fields):
        return None
    if len(fields) == 1:  # csv writes a row of one empty field as ""
        fields[0] = pc.if_else(pc.equal(fields[0], ""), _text('""'), fields[0])
    fields[-1] = pc.binary_join_element_wise(fields[-1], _text("\n"), _text(""))
    return _single(pc.binary_join_element_wise(*fields, _text(",")))


def _header(names: list[str]) -> str:
    """Return the CSV header line of ``names``, quoted by the rule of the rows (a name holding
    one of _QUOTE_TRIGGERS is quoted, its quotes doubled; a lone empty name is written "")."""
    if names == [""]:
        return '""\n'
    quoted = [
        '"' + name.replace('"', '""') + '"' if any(c in name for c in _QUOTE_TRIGGERS) else name
        for name in names
    ]
    return ",".join(quoted) + "\n"


# pandas writes a lone "\r" quoted when it is passed through csv as "\n" plus a marker character
# that the table does not hold (a private-use code point), that pair then turned back into "\r".
_MARKERS = [chr(code) for code in range(0xE000, 0xF900)]


def _return_marker(texts: Iterable) -> str | None:
    """Return a marker no text of ``texts`` holds, or None when none holds "\\r"."""
    texts = [t for t in texts if isinstance(t, str)]
    if not any("\r" in t for t in texts):
        return None
    return next(m for m in _MARKERS if not any(m in t for t in texts))


def _mark_returns(texts: list, marker: str | None) -> list:
    """Return ``texts`` with each "\\r" as "\\n" + ``marker`` (unchanged without a marker)."""
    if marker is None:
        return texts
    return [t.replace("\r", "\n" + marker) if isinstance(t, str) else t for t in texts]


def _unmark_returns(text: str, marker: str | None) -> str:
    """Undo ``_mark_returns`` in written CSV text."""
    return text if marker is None else text.replace("\n" + marker, "\r")


def _pandas_csv(df: pd.DataFrame, path: str | Path, *, append: bool) -> None:
    """Write ``df`` through pandas, floats as ``_floats_as_text`` (the reference bytes; text
    holding a lone "\\r" quoted, see _quote_triggers)."""
    df = _floats_as_text(df)
    texts = [name for name in df.columns if df[name].dtype.kind == "O" or
             isinstance(df[name].dtype, pd.StringDtype)]  # fmt: skip
    cells = [v for name in texts for v in df[name].tolist()] + list(df.columns)
    marker = _return_marker(cells)
    if marker is None:
        df.to_csv(
            path, mode="a" if append else "w", header=not append, index=False, lineterminator="\n"
        )
        return
    marked = df.assign(**{name: _mark_returns(df[name].tolist(), marker) for name in texts})
    marked.columns = _mark_returns(list(df.columns), marker)
    text = marked.to_csv(None, header=not append, index=False, lineterminator="\n")
    with open(path, "a" if append else "w", encoding="utf-8", newline="") as out:
        out.write(_unmark_returns(text, marker))


def _to_csv(df: pd.DataFrame, path: str | Path, *, append: bool = False) -> None:
    """Write (or append, without header) ``df`` as CSV: the bytes of ``_pandas_csv``, built
    column by column in Arrow."""
    names = list(df.columns)
    plain = df.columns.is_unique and all(isinstance(name, str) for name in names)
    lines = _csv_lines(df) if plain else None
    if lines is None:
        _pandas_csv(df, path, append=append)
        return
    with open(path, "ab" if append else "wb") as out:
        if not append:
            out.write(_header(names).encode())
        if len(lines):
            offsets, data = _text_bytes(lines)
            out.write(data[offsets[0] : offsets[-1]])


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
        del chunk  # freed before the next one is made
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
