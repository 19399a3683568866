"""benchmarks/worker_overhead.py: the per-document cost of the time-limited worker, measured
(not asserted) and written to its table."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import worker_overhead

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_the_benchmark_times_both_ways_and_keeps_other_corpora(tmp_path, capsys):
    out = tmp_path / "results" / "worker_overhead.csv"
    two = tmp_path / "two"
    two.mkdir()
    for path in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copy(path, two / path.name)
    argv = ["--copies", "2", "--repeats", "3", "--out", str(out)]
    assert worker_overhead.main([*argv, "--raw", str(RAW)]) == 0
    assert worker_overhead.main([*argv, "--raw", str(two)]) == 0
    printed = capsys.readouterr().out
    table = pd.read_csv(out, keep_default_na=False).set_index("corpus")
    assert sorted(table.index) == sorted([str(two), "data/raw"])
    seeds = len(list(RAW.glob("*.txt")))
    assert table.loc["data/raw", "documents"] == 2 * seeds
    assert table.loc[str(two), "documents"] == 4
    for _, row in table.iterrows():
        assert row["repeats"] == 3
        assert row["direct_ms_per_document"] > 0 and row["worker_child_ms_per_document"] > 0
        assert row["worker_parent_ms_per_document"] > 0
        assert row["overhead_ms_min"] <= row["overhead_ms_median"] <= row["overhead_ms_max"]
        share = row["overhead_ms_median"] / row["direct_ms_per_document"]
        assert abs(row["overhead_share_of_direct"] - share) < 0.01
    assert printed.count("| data/raw | ") == 2  # the table is printed after each run
    assert out.with_suffix(".md").read_text().count("\n") == 2 + 2


def test_bad_arguments_stop_with_a_message(tmp_path, capsys):
    with pytest.raises(SystemExit):
        worker_overhead.main(["--raw", str(tmp_path), "--out", str(tmp_path / "o.csv")])
    assert "need two documents or more in" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()
