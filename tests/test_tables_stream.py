"""Tables gathered shard by shard through Arrow: same bytes as one pandas frame, bounded chunks."""

from __future__ import annotations

import pandas as pd
import pytest
from pandera.errors import SchemaErrors

from trialaudit import schemas, tables, timelimit


def _studies(doc_ids: list[str]) -> pd.DataFrame:
    return tables.frame(
        [
            {
                "doc_id": d,
                "study_id": "S1",
                "registrations": "NCT0000000" + d[-1],
                "designs": "",
                "doi": "",
                "span_start": 0,
                "span_end": 10 + i,
            }
            for i, d in enumerate(doc_ids)
        ],
        schemas.StudiesTable,
    )


def test_chunked_write_equals_sorting_the_whole_frame(tmp_path, monkeypatch):
    shards = [["d5", "d1", "d9"], ["d2", "d8"], [], ["d3", "d7", "d4", "d6"]]
    paths = []
    for i, doc_ids in enumerate(shards):
        path = tmp_path / f"shard{i}.parquet"
        tables.write_parquet(_studies(doc_ids), path)
        paths.append(path)
    whole = pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)
    whole = whole.sort_values(["doc_id", "study_id"], kind="stable").reset_index(drop=True)
    tables.write_csv(tables.validate(whole, schemas.StudiesTable), tmp_path / "expected.csv")

    monkeypatch.setattr(tables, "CHUNK_ROWS", 2)  # five chunks of at most two rows
    gathered = tables.write_sorted_csv(
        paths, schemas.StudiesTable, ["doc_id", "study_id"], tmp_path / "got.csv"
    )
    assert gathered.num_rows == 9
    assert (tmp_path / "got.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()


def test_no_rows_gives_the_header_only(tmp_path):
    empty = tmp_path / "empty.parquet"
    tables.write_parquet(_studies([]), empty)
    tables.write_sorted_csv([empty], schemas.StudiesTable, ["doc_id"], tmp_path / "out.csv")
    header = ",".join(tables.columns_of(schemas.StudiesTable))
    assert (tmp_path / "out.csv").read_text() == header + "\n"


def test_a_unique_column_duplicated_across_shards_is_refused(tmp_path):
    paths = []
    for i in range(2):
        path = tmp_path / f"r{i}.parquet"
        tables.write_parquet(
            tables.frame([{"doc_id": "same", "reason": "x"}], schemas.RejectedTable), path
        )
        paths.append(path)
    with pytest.raises(ValueError, match="doc_id is not unique across shards"):
        tables.write_sorted_csv(paths, schemas.RejectedTable, ["doc_id"], tmp_path / "r.csv")


def test_reading_some_columns_validates_those(tmp_path):
    path = tmp_path / "s.csv"
    tables.write_csv(_studies(["d1", "d2"]), path)
    df = tables.read_csv(path, schemas.StudiesTable, ["doc_id", "span_end"])
    assert list(df.columns) == ["doc_id", "span_end"]
    assert df["span_end"].tolist() == [10, 11]


def test_columnar_parts_make_the_frame_of_their_row_dicts():
    """Extraction results cross the worker pipe as column names plus value lists; parts whose
    rows name different keys (a key missing, keys in another order) still make, in order,
    the frame of the original dicts."""
    rows = _studies(["d1", "d2", "d3"]).to_dict("records")
    parts = [
        timelimit.columnar(rows[:1]),
        timelimit.columnar([]),
        timelimit.columnar([{k: rows[1][k] for k in reversed(rows[1])}]),
        timelimit.columnar([{k: v for k, v in rows[2].items() if k != "doi"}]),
    ]
    assert parts[2]["columns"] != parts[0]["columns"] and "doi" not in parts[3]["columns"]
    assert timelimit.rows_of(parts[0]) == rows[:1]
    expected = tables.frame([rows[0], rows[1], {**rows[2], "doi": None}], schemas.StudiesTable)
    built = tables.frame_of_columnar(parts, schemas.StudiesTable)
    pd.testing.assert_frame_equal(built, expected)
    assert built["doc_id"].tolist() == ["d1", "d2", "d3"]
    assert built["doi"].tolist()[2] == ""
    empty = tables.frame_of_columnar([timelimit.columnar([])], schemas.StudiesTable)
    pd.testing.assert_frame_equal(empty, tables.frame([], schemas.StudiesTable))


def _timeline_row(i: int) -> dict:
    return {
        "trial_id": f"T{i}", "arm": "control", "arm_label": 'placebo\nline 2, "q"',
        "role": "control", "timepoint": "randomized", "days": 0.0 if i > 3 else None,
        "timepoint_source": "", "population": "", "n": i, "n_reported": str(i),
        "randomized": i if i % 2 else None, "lost": None, "attrition": i / 9,
        "attrition_difference": None, "attrition_p": None, "differential": i == 5,
        "flags": "", "doc_id": "d", "stat_id": i, "source_text": "", "span_start": 0,
        "span_end": 0,
    }  # fmt: skip


def test_the_head_of_a_table_is_the_start_of_the_whole_and_its_rows_are_counted(tmp_path):
    path = tmp_path / "timeline.csv"
    rows = [_timeline_row(i) for i in range(9)]
    tables.write_csv(tables.frame(rows, schemas.TimelineTable), path)
    whole = tables.read_csv(path, schemas.TimelineTable)
    for n in (2, 4, 9, 20):
        head, total = tables.read_csv_head(path, schemas.TimelineTable, n)
        assert total == 9
        pd.testing.assert_frame_equal(head, whole.head(n))


def test_chunks_that_passed_their_model_concatenate_to_what_validation_gives():
    """The stages validate their results chunk by chunk and concatenate the chunks without
    validating them again; the rows and the types are those of validating the whole."""
    chunks = [_studies(["d1", "d2"]), _studies([]), _studies(["d3"])]
    joined = tables.concat_chunks(chunks, schemas.StudiesTable)
    pd.testing.assert_frame_equal(joined, tables.concat(chunks, schemas.StudiesTable))
    assert joined["doc_id"].tolist() == ["d1", "d2", "d3"]
    empty = tables.concat_chunks([_studies([])], schemas.StudiesTable)
    pd.testing.assert_frame_equal(empty, tables.frame([], schemas.StudiesTable))


def test_chunks_are_validated_again_when_their_types_differ_or_a_column_is_unique():
    """A chunk whose column came out as another type is coerced (the model's types hold for
    the whole), and a unique column is checked across chunks, which no chunk alone can do."""
    valid = _studies(["d1"])
    wider = _studies(["d2"]).astype({"span_end": "float64"})
    joined = tables.concat_chunks([valid, wider], schemas.StudiesTable)
    assert joined["span_end"].dtype == valid["span_end"].dtype
    same = tables.frame([{"doc_id": "same", "reason": "x"}], schemas.RejectedTable)
    with pytest.raises(SchemaErrors):
        tables.concat_chunks([same, same], schemas.RejectedTable)
