"""Reading and writing tables: validated against their pandera model, in a stable byte form."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
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
    columns = columns_of(model)
    df = pd.DataFrame(list(rows), columns=columns)
    for name in text_columns(model):
        df[name] = df[name].astype(object).where(df[name].notna(), "").astype(str)
    return validate(df, model)


def validate(df: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Validate lazily; log every failure case and re-raise so that no bad table is written."""
    try:
        return model.validate(df, lazy=True)
    except SchemaErrors as errors:
        log.error("%s failed validation:\n%s", model.__name__, errors.failure_cases.to_string())
        raise


def concat(frames: list[pd.DataFrame], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Concatenate frames of one model (an empty list gives an empty, typed frame)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return frame([], model)
    return validate(pd.concat(frames, ignore_index=True), model)


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write a CSV with a fixed float format and Unix line endings (byte-reproducible)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n", float_format=FLOAT_FORMAT)


def write_parquet(df: pd.DataFrame, path: str | Path) -> None:
    """Write an intermediate table as Parquet (types survive between stages)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    df.to_parquet(path, index=False)


def read_parquet(path: str | Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Read an intermediate table and validate it against its model."""
    return validate(pd.read_parquet(path), model)


def read_csv(path: str | Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Read a results table written by write_csv and validate it against its model."""
    texts = set(text_columns(model))
    others = [name for name in columns_of(model) if name not in texts]
    df = pd.read_csv(
        path,
        dtype={name: str for name in texts},
        keep_default_na=False,
        na_values={name: [""] for name in others},
    )
    return validate(df, model)
