"""The benchmark's process sampler: CPU credited to the stage each process works for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import run

# A rule's script that starts a worker child burning CPU, as the extraction and check stages
# do, and burns a little itself.
SCRIPT = """
import subprocess, sys, time
def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
child = subprocess.Popen([sys.executable, "-c", {child!r}])
burn(0.3)
child.wait()
"""
CHILD = """
import time
end = time.process_time() + 1.2
while time.process_time() < end:
    pass
"""


def test_a_worker_childs_cpu_is_credited_to_its_rule(tmp_path):
    scripts = tmp_path / ".snakemake" / "scripts"
    scripts.mkdir(parents=True)
    script = scripts / "tmpa1b2c3.extract_statistics.py"
    script.write_text(SCRIPT.format(child=CHILD), encoding="utf-8")
    with (
        subprocess.Popen([sys.executable, str(script)]) as process,
        run.PeakMemory(process.pid, interval=0.05) as sampler,
    ):
        process.wait()
    stages = sampler.stage_cpu()
    assert set(stages) == {"extract_statistics"}, stages
    # the child's 1.2 s and the script's 0.3 s, less what ran after the last sample
    assert 1.2 <= stages["extract_statistics"] <= 2.0, stages
    assert sampler.peak_name == "extract_statistics"


def test_stage_rows_add_up_to_the_run_and_show_what_was_not_sampled():
    rows = run.stage_rows(1000, {"check_consistency": 30.0, "snakemake": 5.0}, 40.0)
    assert [r["stage"] for r in rows] == ["check_consistency", "snakemake", "(not sampled)"]
    assert [r["cpu_s"] for r in rows] == [30.0, 5.0, 5.0]
    assert rows[0]["cpu_ms_per_document"] == 30.0
    assert sum(r["share_of_run_cpu"] for r in rows) == 1.0


def test_the_benchmark_runs_end_to_end_and_writes_both_tables(tmp_path, capsys):
    """benchmarks/run.py on a small corpus: the real pipeline, its no-op re-run, the score
    against the answer key and the CPU-by-stage table."""
    out = tmp_path / "results" / "scale.csv"
    argv = ["--sizes", "60", "--no-statcheck", "--work", str(tmp_path / "work"), "--out", str(out)]
    assert run.main(argv) == 0
    capsys.readouterr()
    scale = pd.read_csv(out, keep_default_na=False)
    assert scale["documents"].tolist() == [60]
    row = scale.iloc[0]
    assert int(row["planted"]) > 0 and int(row["found"]) == int(row["planted"])
    assert int(row["false_alarms"]) == 0
    assert 0 < float(row["noop_s"]) < float(row["wall_s"])
    assert float(row["cpu_s"]) > 0 and int(row["peak_rss_mb"]) > 0
    stages = pd.read_csv(out.with_name("stage_cpu.csv"))
    assert {"extract_statistics", "check_consistency", "snakemake"} <= set(stages["stage"])
    assert not stages["stage"].str.startswith("python").any()  # workers count for their rule
    assert abs(stages["cpu_s"].sum() - float(row["cpu_s"])) <= 0.1 * len(stages)
    assert stages["share_of_run_cpu"].sum() == pytest.approx(1, abs=0.01)
    unseen = stages.loc[stages["stage"] == "(not sampled)", "share_of_run_cpu"]
    assert float(unseen.iloc[0]) < 0.15  # the sampler sees nearly all of the run's CPU
    assert "| 60 | extract_statistics |" in out.with_name("stage_cpu.md").read_text()
