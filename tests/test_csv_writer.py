"""The Arrow CSV writer gives the bytes of pandas' to_csv (floats as FLOAT_FORMAT text)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialaudit import schemas, tables

ADVERSARIAL = [
    "plain",
    "",
    "a,b",
    ",",
    'say "hi"',
    '"',
    '""',
    "line\nbreak",
    "\n",
    "carriage\rreturn",
    "\r\n",
    "tab\there",
    " leading",
    "trailing ",
    "  ",
    "日本語の試験",
    "emoji 😀 and 👩‍🔬",
    "e\u0301 combined",
    "\u2028 line separator \x85 next line",
    "nul \x00 byte",
    'all of them: ,"\n\r',
]

FLOATS = [
    -0.0,
    0.0,
    1e-300,
    1e300,
    0.1 + 0.2,
    3.0,
    -42.0,
    1e15,
    2.0**53,
    12345678905.0,
    9999999999.5,
    0.0001,
    0.00001,
    123456789.05,
    5e-324,
    1.7976931348623157e308,
    float("inf"),
    float("-inf"),
    float("nan"),
]


def _reference(df: pd.DataFrame, path: Path) -> bytes:
    """pandas' bytes, floats formatted one value at a time (missing empty), and a field
    holding "\\r" quoted: each line is written on its own with "\\r\\n" as the line end, which
    makes csv quote "\\r" as well as "\\n", and that line end is then made "\\n"."""
    df = df.copy()
    for name in df.columns:
        if df[name].dtype.kind == "f":
            values = df[name].to_numpy(dtype="float64", na_value=np.nan)
            text = ["" if np.isnan(v) else tables.FLOAT_FORMAT % v for v in values.tolist()]
            df[name] = np.array(text, dtype=object)
    lines = [df.iloc[:0].to_csv(index=False, lineterminator="\r\n")]
    lines += [
        df.iloc[[i]].to_csv(index=False, header=False, lineterminator="\r\n")
        for i in range(len(df))
    ]
    assert all(line.endswith("\r\n") for line in lines)
    path.write_bytes("".join(line[:-2] + "\n" for line in lines).encode("utf-8"))
    return path.read_bytes()


def _written(df: pd.DataFrame, path: Path) -> bytes:
    tables.write_csv(df, path)
    return path.read_bytes()


def _assert_same_as_pandas(df: pd.DataFrame, tmp_path: Path) -> None:
    assert tables._csv_lines(df) is not None, "the Arrow writer must handle this frame"
    assert _written(df, tmp_path / "got.csv") == _reference(df, tmp_path / "expected.csv")


def _mixed(text: list[str | None]) -> pd.DataFrame:
    n = len(text)
    return pd.DataFrame(
        {
            "before": np.arange(n),
            "text": pd.Series(text, dtype="str"),
            "count": pd.Series([None if i % 3 == 0 else i - 5 for i in range(n)], dtype="Int64"),
            "flag": np.array([i % 2 == 0 for i in range(n)]),
            "maybe": pd.Series([[True, False, None][i % 3] for i in range(n)], dtype="boolean"),
            "x": [FLOATS[i % len(FLOATS)] for i in range(n)],
            "after": pd.Series(text[::-1], dtype="str"),
        }
    )


@pytest.mark.parametrize("text", ADVERSARIAL, ids=repr)
def test_each_adversarial_string_is_written_as_pandas_writes_it(tmp_path, text):
    _assert_same_as_pandas(_mixed([text, "x", text]), tmp_path)


def test_all_adversarial_strings_with_missing_text_in_one_frame(tmp_path):
    _assert_same_as_pandas(_mixed([*ADVERSARIAL, None, "", None]), tmp_path)


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(["", "a", None, "", ","], dtype="str"),
        pd.Series([None, 1, None], dtype="Int64"),
        pd.Series([True, None, False], dtype="boolean"),
        pd.Series([float("nan"), 1.5, float("nan")]),
        pd.Series([0, -1, 2]),
        pd.Series([], dtype="str"),
    ],
    ids=["text", "Int64", "boolean", "float", "int", "no rows"],
)
def test_a_one_column_frame_writes_an_empty_field_as_two_quotes(tmp_path, column):
    _assert_same_as_pandas(pd.DataFrame({"only": column}), tmp_path)


@pytest.mark.parametrize("value", FLOATS, ids=repr)
def test_each_float_is_written_as_float_format(tmp_path, value):
    df = pd.DataFrame({"x": [value, 1.0, value], "y": [value, value, float("nan")]})
    _assert_same_as_pandas(df, tmp_path)
    line = _written(df, tmp_path / "got.csv").decode().splitlines()[1]
    assert line.split(",")[0] == ("" if np.isnan(value) else tables.FLOAT_FORMAT % value)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_floats_of_any_bit_pattern_are_written_as_float_format(tmp_path, seed):
    """Random bit patterns: subnormals, NaN payloads, -0.0 next to 0.0, repeated values."""
    rng = np.random.default_rng(seed)
    bits = rng.integers(np.iinfo(np.int64).min, np.iinfo(np.int64).max, 5000, dtype=np.int64)
    values = np.concatenate(
        [bits.view(np.float64), np.array(FLOATS), np.round(rng.normal(size=500), 3)]
    )
    values = np.concatenate([values, values[::7]])
    _assert_same_as_pandas(pd.DataFrame({"x": values, "n": np.arange(len(values))}), tmp_path)


def test_column_names_are_quoted_like_values(tmp_path):
    df = pd.DataFrame({"a,b": [1], 'say "x"': ["v"], "line\nname": [2.5], "": [True]})
    _assert_same_as_pandas(df, tmp_path)


def test_a_frame_without_rows_gives_the_header_only(tmp_path):
    df = _mixed(["a"]).iloc[:0]
    _assert_same_as_pandas(df, tmp_path)
    assert _written(df, tmp_path / "got.csv").count(b"\n") == 1


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(pd.to_datetime(["2024-01-02", None])),
        pd.Series(["text", 3], dtype=object),
        pd.Series(pd.Categorical(["a", "b,c"])),
    ],
    ids=["datetime", "object", "categorical"],
)
def test_column_types_the_writer_does_not_know_go_through_pandas(tmp_path, column):
    df = pd.DataFrame({"n": [1, 2], "other": column})
    assert tables._csv_lines(df) is None
    assert _written(df, tmp_path / "got.csv") == _reference(df, tmp_path / "expected.csv")


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), TEXT), st.floats(), st.one_of(st.none(), st.integers(-9, 9))
        ),
        max_size=20,
    )
)
def test_any_text_float_and_missing_values_are_written_as_pandas_writes_them(
    tmp_path_factory, rows
):
    tmp_path = tmp_path_factory.mktemp("csv")
    df = pd.DataFrame(
        {
            "text": pd.Series([r[0] for r in rows], dtype="str"),
            "x": pd.Series([r[1] for r in rows], dtype="float64"),
            "k": pd.Series([r[2] for r in rows], dtype="Int64"),
        }
    )
    _assert_same_as_pandas(df, tmp_path)


def _check(i: int) -> dict:
    text = ADVERSARIAL[i % len(ADVERSARIAL)]
    return {
        "doc_id": f"d{i % 7}", "check_id": i, "stat_id": i // 2,
        "comparison_id": None if i % 4 else i, "check": "p_value", "reported": text,
        "recomputed": ADVERSARIAL[(3 * i) % len(ADVERSARIAL)],
        "reported_value": FLOATS[i % len(FLOATS)], "recomputed_value": i / 7,
        "recomputed_low": None, "recomputed_high": float(i), "method": "m, \"n\"",
        "verdict": ["consistent", "inconsistent", "not_checkable"][i % 3],
        "decision_error": [True, False, None][i % 3], "approximate": i % 2 == 0,
        "note": "", "source_text": text, "span_start": 0, "span_end": len(text),
        "assumption": "", "flag": "", "log10_p_ratio": None if i % 5 else -0.0,
    }  # fmt: skip


def _shards(tmp_path: Path, n: int) -> list[Path]:
    rows = [_check(i) for i in range(n)]
    paths = []
    for k, start in enumerate(range(0, n, 11)):
        path = tmp_path / f"shard{k}.parquet"
        tables.write_parquet(
            tables.frame(rows[start : start + 11][::-1], schemas.ChecksTable), path
        )
        paths.append(path)
    return paths


@pytest.mark.parametrize("chunk_rows", [1, 2, 7, 40, 1000])
@pytest.mark.parametrize("exclude", [(), ("d3",)])
def test_chunked_writing_gives_the_bytes_of_the_whole_sorted_frame(
    tmp_path, monkeypatch, chunk_rows, exclude
):
    paths = _shards(tmp_path, 40)
    keys = ["doc_id", "check_id"]
    whole = pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)
    whole = whole[~whole["doc_id"].isin(exclude)].sort_values(keys, kind="stable")
    whole = tables.validate(whole.reset_index(drop=True), schemas.ChecksTable)
    expected = _reference(whole, tmp_path / "expected.csv")

    monkeypatch.setattr(tables, "CHUNK_ROWS", chunk_rows)
    got = tmp_path / "got.csv"
    gathered = tables.write_sorted_csv(paths, schemas.ChecksTable, keys, got, exclude=exclude)
    assert gathered.num_rows == len(whole)
    assert got.read_bytes() == expected


def test_a_written_table_reads_back_as_it_was(tmp_path):
    """Every adversarial string, a lone "\\r" among them, reads back as it was written."""
    rows = [
        {**_check(i), "reported_value": i / 8, "recomputed_value": -i * 0.25} for i in range(30)
    ]
    assert any("carriage\rreturn" in (row["reported"], row["recomputed"]) for row in rows)
    df = tables.frame(rows, schemas.ChecksTable)
    tables.write_csv(df, tmp_path / "checks.csv")
    pd.testing.assert_frame_equal(tables.read_csv(tmp_path / "checks.csv", schemas.ChecksTable), df)


@pytest.mark.parametrize(
    "column",
    [pd.Series(["carriage\rreturn", "x"], dtype="str"), pd.Series(["carriage\rreturn", 3])],
    ids=["text (Arrow)", "object (pandas)"],
)
def test_a_lone_carriage_return_is_quoted_by_both_writers(tmp_path, column):
    """Python 3.11's csv leaves a field holding "\\r" bare, and readers end a row there; both
    writers quote it, and the name of a column holding one too."""
    df = pd.DataFrame({"n": [1, 2], "name\rwith return": column})
    written = _written(df, tmp_path / "got.csv")
    assert written == _reference(df, tmp_path / "expected.csv")
    assert written.startswith(b'n,"name\rwith return"\n1,"carriage\rreturn"\n')
    back = pd.read_csv(tmp_path / "got.csv", dtype=str, keep_default_na=False)
    assert back.shape == (2, 2) and back.iloc[0, 1] == "carriage\rreturn"
