"""The benchmark's process sampler: CPU credited to the stage each process works for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
