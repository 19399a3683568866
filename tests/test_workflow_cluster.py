"""The workflow on a cluster: every shard job submitted as its own process through
snakemake-executor-plugin-cluster-generic (profiles/cluster-generic, whose stand-in submit
script starts each job script detached, with state only in files) gives the results of a local
run; the SLURM profile plans shard jobs for the scheduler and the aggregation steps locally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from workflow_runner import make_project, planned_jobs, snakemake

from trialaudit import resources

pytestmark = pytest.mark.e2e

SHARD_RULES = resources.SHARD_RULES
LOCAL_RULES = (
    "collect_tables",
    "collect_checks",
    "plot_figures",
    "summarize_results",
    "write_audit_cards",
)
CONFIG = {"shard_size": 3}  # five seed files and a README: two shards


def _results(project: Path) -> dict[str, bytes]:
    root = project / "results"
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "interim" not in p.parts
    }


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("local"), config=CONFIG)
    snakemake(project)
    return project


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> tuple[Path, str, dict[str, int]]:
    project = make_project(tmp_path_factory.mktemp("cluster"), config=CONFIG)
    planned = planned_jobs(project)
    result = snakemake(project, "--profile", "profiles/cluster-generic")
    return project, result.stdout + result.stderr, planned


def test_every_shard_job_went_through_the_submit_script(cluster):
    project, output, planned = cluster
    remote = sum(planned.get(rule, 0) for rule in SHARD_RULES)
    assert remote == 8, planned  # two shards, four stages each
    submitted = re.findall(r"Submitted job \d+ with external jobid '(job-[0-9-]+)'", output)
    assert len(submitted) == remote
    state = project / ".snakemake" / "cluster-local"
    for job_id in submitted:
        assert (state / f"{job_id}.exit").read_text().strip() == "0"
        assert (state / f"{job_id}.pid").read_text().strip().isdigit()
    pids = {(state / f"{job_id}.pid").read_text() for job_id in submitted}
    assert len(pids) == remote  # each job was a process of its own
    for rule in LOCAL_RULES:
        assert f"localrule {rule}:" in output


def test_cluster_results_equal_a_local_run(local, cluster):
    project, _, _ = cluster
    expected, got = _results(local), _results(project)
    assert "tables/checks.csv" in expected and "documents/index.md" in expected
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def test_a_second_cluster_run_has_nothing_to_do(cluster):
    project, _, _ = cluster
    result = snakemake(project, "--profile", "profiles/cluster-generic")
    assert "Nothing to be done" in result.stdout + result.stderr


def test_steps_too_big_for_the_submit_host_go_to_the_scheduler(local, tmp_path):
    limit = 350  # MB: between the requests of the seed corpus's aggregation steps
    project = make_project(tmp_path, config={**CONFIG, "cluster": {"submit_host_memory_mb": limit}})
    raw = project / "data" / "raw"
    corpus_mb = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6
    aggregation = set(resources.NEEDS) - SHARD_RULES
    stay = {rule for rule in aggregation if resources.memory_mb(rule, corpus_mb) <= limit}
    assert stay and stay != aggregation  # the limit splits them

    result = snakemake(project, "--profile", "profiles/cluster-generic")
    output = result.stdout + result.stderr
    for rule in sorted(aggregation):
        ran_locally = re.search(rf"(?m)^localrule {rule}:", output) is not None
        submitted = re.search(rf"(?m)^rule {rule}:", output) is not None
        assert (ran_locally, submitted) == (rule in stay, rule not in stay), rule
    jobs = re.findall(r"Submitted job \d+ with external jobid", output)
    assert len(jobs) == 2 * len(SHARD_RULES) + len(aggregation - stay)  # two shards
    expected, got = _results(local), _results(project)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def test_slurm_profile_submits_one_job_per_shard(tmp_path):
    project = make_project(tmp_path, config={"shard_size": 2})  # profile's shard_size wins
    result = snakemake(project, "--profile", "profiles/slurm", "--dry-run")
    output = result.stdout + result.stderr
    planned = planned_jobs(project, "--profile", "profiles/slurm")
    assert planned["normalize_text"] == 1  # shard_size 1000 from the profile: one shard
    assert output.count("Group job shard") == 1  # its four stages in one batch job
    for rule in LOCAL_RULES:
        assert f"rule {rule}:" in output
