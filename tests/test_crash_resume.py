"""Crash and resume: SIGKILL the whole Snakemake process group at several points, recover with
the commands the README documents (``snakemake --unlock``, then the same command), and compare
every file under results/ byte for byte with an uninterrupted run."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from workflow_runner import SEEDS, environment, make_project, snakemake

pytestmark = pytest.mark.e2e

COMMAND = [sys.executable, "-m", "snakemake", "--cores", "2"]
# Seeds, renamed copies of them (so that there are several shards of real documents) and a few
# files that are quarantined, so that every path through the stages is interrupted somewhere.
FILES = {
    **{f"copy {i} of {seed.name}": seed.read_bytes() for i in (1, 2) for seed in SEEDS},
    "saved as text.txt": b"%PDF-1.7\n%binary\n",
    "empty.txt": b"",
    "export.txt": "\ufeffDeaths 3/11 (27%) vs 8/24 (33%), p = 0.70.".encode("utf-16"),
}
CONFIG = {"shard_size": 6}  # 19 files -> 4 shards -> 4 jobs per per-shard stage


@dataclass
class Run:
    """A Snakemake run in its own process group, its output lines collected as they come."""

    project: Path
    process: subprocess.Popen = field(init=False)
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.start = time.time()
        self.process = subprocess.Popen(
            COMMAND,
            cwd=self.project,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def wrote(self, path: str) -> bool:
        """True once ``path`` (relative to the project) has been written during this run."""
        try:
            return (self.project / path).stat().st_mtime >= self.start - 1
        except FileNotFoundError:
            return False

    def started(self, rule: str) -> bool:
        """True once Snakemake has announced a job of ``rule``."""
        return any(line.strip() in {f"rule {rule}:", f"localrule {rule}:"} for line in self.lines)

    def kill_when(self, condition: Callable[[Run], bool], timeout: float = 600) -> set[str]:
        """SIGKILL the process group as soon as ``condition`` holds; return the outputs
        Snakemake had marked incomplete (jobs in flight) at that moment."""
        deadline = time.monotonic() + timeout
        while not condition(self):
            if self.process.poll() is not None:
                raise AssertionError("the run ended before the kill point:\n" + "".join(self.lines))
            if time.monotonic() > deadline:
                raise AssertionError("kill point not reached in time:\n" + "".join(self.lines))
            time.sleep(0.002)
        os.killpg(self.process.pid, signal.SIGKILL)
        in_flight = incomplete(self.project, since=self.start - 1)
        self.process.wait()
        return in_flight


def incomplete(project: Path, since: float) -> set[str]:
    """Outputs this run marked incomplete (their job started and has not been recorded)."""
    folder = project / ".snakemake" / "incomplete"
    if not folder.is_dir():
        return set()
    return {
        base64.b64decode(p.name).decode()
        for p in folder.iterdir()
        if p.is_file() and p.stat().st_mtime >= since
    }


def first_job_finished(run: Run) -> bool:
    return any("Finished jobid" in line for line in run.lines)


def extracting(run: Run) -> bool:
    """An extract_statistics job is running (its child worker processes are alive)."""
    logs = run.project / "logs" / "extract_statistics"
    return run.started("extract_statistics") and any(
        run.wrote(p.relative_to(run.project).as_posix()) for p in logs.glob("*.log")
    )


def collecting(run: Run) -> bool:
    """collect_tables has written its first table and not yet the others."""
    return run.wrote("results/tables/statistics.csv")


def plotting(run: Run) -> bool:
    """plot_figures has written its first figure."""
    return run.wrote("results/figures/estimates.png")


def results(project: Path) -> dict[str, bytes]:
    """Every file under results/, by relative path."""
    root = project / "results"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def recover(project: Path) -> None:
    """The README's recovery: remove the stale lock (the rerun is the caller's 'same command')."""
    unlocked = subprocess.run(
        [sys.executable, "-m", "snakemake", "--unlock"],
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert unlocked.returncode == 0, unlocked.stdout + unlocked.stderr


def test_killed_runs_resume_to_byte_identical_results(tmp_path):
    reference = make_project(tmp_path / "reference", files=FILES, config=CONFIG)
    snakemake(reference)
    expected = results(reference)
    assert len({p.split("/")[1] for p in expected if p.startswith("interim/")}) >= 3

    project = make_project(tmp_path / "killed", files=FILES, config=CONFIG)
    kill_points = [
        ("after the first job finished", first_job_finished, None),
        ("while extract_statistics runs", extracting, "/extracted/"),
        ("in the middle of collect_tables", collecting, "results/tables/statistics.csv"),
        ("while figures are being written", plotting, "results/figures/estimates.png"),
    ]
    for number, (name, condition, in_flight) in enumerate(kill_points):
        if number:
            recover(project)
        marked = Run(project).kill_when(condition)
        if in_flight is not None:
            assert any(in_flight in m for m in marked), (name, marked)
        if number == 0:
            # Without the unlock the same command refuses to run and says what to do.
            refused = snakemake(project, check=False)
            assert refused.returncode != 0
            assert "--unlock" in refused.stdout + refused.stderr

    recover(project)
    snakemake(project)
    resumed = results(project)
    assert sorted(resumed) == sorted(expected)
    different = [path for path in expected if resumed[path] != expected[path]]
    assert different == []
    dry = snakemake(project, "--dry-run")
    assert "Nothing to be done" in dry.stdout + dry.stderr
