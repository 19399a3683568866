"""Reproducible to the byte: the same input gives the same results/ (figures included) with
--cores 1, with --cores 4, and after a --forceall rerun; logs and timings live in logs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_runner import make_project, snakemake

pytestmark = pytest.mark.e2e

BCG = Path(__file__).parent / "data" / "bcg"


def snapshot(project: Path) -> dict[str, bytes]:
    results = project / "results"
    return {
        p.relative_to(results).as_posix(): p.read_bytes()
        for p in sorted(results.rglob("*"))
        if p.is_file()
    }


def test_results_are_byte_identical_across_runs_and_cores(tmp_path):
    files = {f"bcg/{p.name}": p.read_bytes() for p in sorted(BCG.glob("*.txt"))}
    config = {"shard_size": 16}  # several shards, so that --cores 4 runs them side by side
    one = make_project(tmp_path / "one", files=files, config=config)
    four = make_project(tmp_path / "four", files=files, config=config)
    snakemake(one, cores=1)
    first = snapshot(one)
    snakemake(four, cores=4)
    snakemake(one, "--forceall", cores=4)
    again = snapshot(one)
    assert len({p.split("/")[1] for p in first if p.startswith("interim/")}) >= 2
    for name in (
        "figures/forest/tuberculosis.svg",
        "figures/consistency.png",
        "tables/meta_analysis.csv",
        "summary.md",
    ):
        assert name in first, name
    for label, other in (("--cores 4", snapshot(four)), ("--forceall", again)):
        assert sorted(other) == sorted(first), label
        differing = [name for name in first if first[name] != other[name]]
        assert not differing, f"{label}: {differing}"
