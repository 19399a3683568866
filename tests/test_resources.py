"""What each job asks a cluster scheduler for: every rule has its needs, the needs cover what
the benchmark measured, and the workflow hands each job the needs of the text it covers."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from workflow_runner import REPO, make_project, snakemake

from trialaudit import resources
from trialaudit.corpus import discover

RULE_FILES = [*sorted((REPO / "workflow" / "rules").glob("*.smk")), REPO / "Snakefile"]
MEASURED = REPO / "benchmarks" / "results" / "stage_cpu.csv"


def _rule_blocks() -> dict[str, str]:
    """Return {rule name: the text of its block} of every rule of the workflow."""
    blocks: dict[str, str] = {}
    for path in RULE_FILES:
        text = path.read_text(encoding="utf-8")
        starts = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^rule (\w+):", text)]
        ends = [start for start, _ in starts[1:]] + [len(text)]
        for (start, name), end in zip(starts, ends[: len(starts)], strict=True):
            blocks[name] = text[start:end]
    return blocks


def test_every_rule_asks_for_the_needs_of_its_own_name():
    blocks = _rule_blocks()
    assert len(blocks) > 10
    for name, block in blocks.items():
        if name == "all":
            continue
        assert f'**needs("{name}")' in block, f"rule {name} does not ask for its own needs"
        assert name in resources.NEEDS, name
    assert set(resources.NEEDS) == set(blocks) - {"all"}
    assert set(resources.NEEDS) > resources.SHARD_RULES


def test_an_unknown_rule_is_named():
    with pytest.raises(KeyError, match="no_such_rule"):
        resources.memory_mb("no_such_rule", 1.0)


def _measured() -> pd.DataFrame:
    table = pd.read_csv(MEASURED, keep_default_na=False)
    table = table[(table["job_peak_mb"].astype(str) != "") & table["stage"].isin(resources.NEEDS)]
    return table.astype({"job_peak_mb": float, "job_s": float, "job_raw_mb": float})


def test_the_requests_cover_every_job_the_benchmark_measured_with_headroom():
    measured = _measured()
    # the benchmark's three sizes, every rule at each
    assert sorted(set(measured["documents"].astype(int))) == [1000, 10000, 100000]
    assert set(measured["stage"]) == set(resources.NEEDS)
    for row in measured.itertuples(index=False):
        memory = resources.memory_mb(row.stage, row.job_raw_mb)
        minutes = resources.runtime_minutes(row.stage, row.job_raw_mb)
        assert memory >= resources.MEMORY_HEADROOM * row.job_peak_mb, row
        assert minutes * 60 >= resources.TIME_HEADROOM * row.job_s, row


def test_the_requests_are_not_wildly_above_what_was_measured():
    """A scheduler queues large requests longer: the fitted lines stay near the largest
    measurement of each rule (within 3x the headroom)."""
    measured = _measured()
    largest = measured.loc[measured.groupby("stage")["job_raw_mb"].idxmax()]
    for row in largest.itertuples(index=False):
        memory = resources.memory_mb(row.stage, row.job_raw_mb)
        assert memory <= 3 * resources.MEMORY_HEADROOM * row.job_peak_mb, row


def test_more_text_asks_for_more_and_each_retry_doubles():
    for rule in resources.NEEDS:
        small, large = (resources.memory_mb(rule, mb) for mb in (1.0, 1000.0))
        assert large > small, rule
        assert resources.memory_mb(rule, 50.0, attempt=2) == 2 * resources.memory_mb(rule, 50.0)
        assert resources.runtime_minutes(rule, 0.0) >= resources.MIN_RUNTIME_MINUTES
        assert resources.runtime_minutes(rule, 1e5) > resources.runtime_minutes(rule, 0.0)
        assert resources.runtime_minutes(rule, 50.0, 3) == 4 * resources.runtime_minutes(rule, 50.0)


def test_only_aggregation_steps_within_the_limit_run_on_the_submit_host():
    for rule in resources.NEEDS:
        request = resources.memory_mb(rule, 200.0)
        local = resources.runs_on_submit_host(rule, 200.0, request)
        assert local == (rule not in resources.SHARD_RULES), rule
        assert not resources.runs_on_submit_host(rule, 200.0, request - 1), rule
        assert not resources.runs_on_submit_host(rule, 200.0, 0), rule
    # the default limit keeps every step of a 100,000-abstract corpus (194 MB) local
    assert all(
        resources.runs_on_submit_host(rule, 194.0, 4000)
        for rule in set(resources.NEEDS) - resources.SHARD_RULES
    )


def _planned_resources(output: str) -> list[dict]:
    """Return rule, shard and resources of each job a dry run lists."""
    jobs = []
    for block in re.split(r"\n(?=rule \w+:)", output):
        rule = re.match(r"rule (\w+):", block)
        found = re.search(r"resources: (.*)", block)
        if not rule or not found or rule.group(1) == "all":
            continue
        values = dict(part.split("=", 1) for part in found.group(1).split(", "))
        shard = re.search(r"wildcards: shard=(\w+)", block)
        jobs.append(
            {
                "rule": rule.group(1),
                "shard": shard.group(1) if shard else None,
                "mem_mb": int(values["mem_mb"]),
                "runtime": int(values["runtime"]),
            }
        )
    return jobs


@pytest.mark.e2e
def test_each_job_asks_for_the_needs_of_the_text_it_covers(tmp_path):
    # Files of very different sizes over several shards, so that a job given its neighbour's
    # shard or the whole corpus asks for a different amount.
    sizes = {f"doc{i:02d}.txt": 400_000 * (i + 1) for i in range(12)}
    line = b"Deaths: 3/11 in one group.\n"
    files = {name: (line * (size // len(line) + 1))[:size] for name, size in sizes.items()}
    project = make_project(tmp_path, files, seeds=False, config={"shard_size": 3})
    raw = project / "data" / "raw"
    shard_of = {s.name: s.shard for s in discover(raw, [".txt"], ["README.md"], 3, 2)}
    shard_mb: dict[str, float] = {}
    for name, size in sizes.items():
        shard_mb[shard_of[name]] = shard_mb.get(shard_of[name], 0.0) + size / 1e6
    assert len(set(shard_mb.values())) > 1  # the shards really differ
    corpus_mb = sum(sizes.values()) / 1e6

    jobs = _planned_resources(snakemake(project, "--dry-run").stdout)
    assert {job["rule"] for job in jobs} == set(resources.NEEDS)
    for job in jobs:
        covered = shard_mb[job["shard"]] if job["rule"] in resources.SHARD_RULES else corpus_mb
        if job["shard"]:  # a shard's request differs from the corpus's, so a mix-up shows
            assert resources.memory_mb(job["rule"], covered) != resources.memory_mb(
                job["rule"], corpus_mb
            )
        assert job["mem_mb"] == resources.memory_mb(job["rule"], covered), job
        assert job["runtime"] == resources.runtime_minutes(job["rule"], covered), job
    assert {job["shard"] for job in jobs if job["shard"]} == set(shard_mb)


def test_the_benchmark_table_says_which_text_each_measured_job_covered():
    measured = _measured()
    shard_rows = measured[measured["stage"].isin(resources.SHARD_RULES)]
    corpus_rows = measured[~measured["stage"].isin(resources.SHARD_RULES)]
    for documents, rows in measured.groupby("documents"):
        corpus = corpus_rows.loc[corpus_rows["documents"] == documents, "job_raw_mb"]
        shard = shard_rows.loc[shard_rows["documents"] == documents, "job_raw_mb"]
        assert corpus.nunique() == 1 and shard.nunique() == 1, rows
        assert float(shard.iloc[0]) < float(corpus.iloc[0])
    assert Path(MEASURED).with_suffix(".md").exists()


def test_the_fit_is_an_envelope_of_the_measurements():
    sys.path.insert(0, str(REPO / "benchmarks"))
    import fit_resources

    x, y = np.array([2.0, 20.0, 25.0]), np.array([300.0, 420.0, 700.0])
    base, slope = fit_resources.envelope(x, y, 0.1)
    assert np.all(base + slope * x >= y - 1e-9)  # no measurement above the line
    assert np.any(np.isclose(base + slope * x, y))  # and no higher than it needs to be
    assert slope == pytest.approx(6380 / 439)  # least squares: cov(x, y) / var(x), exactly
    flat = fit_resources.envelope(np.array([1.0, 2.0]), np.array([500.0, 400.0]), 0.1)
    flat_base, flat_slope = flat
    assert flat_slope == 0.1 and flat_base == pytest.approx(499.9)
    assert fit_resources.round_up(12.01, 10) == 20 and fit_resources.round_up(0.3, 0.1) == 0.3
