"""Sharded work end to end: adding or removing a document re-runs only its shard and the
aggregation; per-document audit cards for small corpora, none above the threshold."""

from __future__ import annotations

import pytest
from workflow_runner import SEEDS, make_project, planned_jobs, snakemake

from trialaudit.cards import card_path
from trialaudit.corpus import discover

pytestmark = pytest.mark.e2e

PER_SHARD = ("normalize_text", "extract_statistics", "validate_tables", "check_consistency")
NEW = "zz_new_trial.txt"
NEW_TEXT = b"Deaths: 3/11 (27.3%) in the MSC group and 8/24 (33.3%) in the placebo group.\n"


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("sharded"), config={"shard_size": 1})
    snakemake(project)
    return project


def _shard_of(project, name: str) -> str:
    sources = discover(project / "data" / "raw", [".txt"], ["README.md"], 1)
    return next(s.shard for s in sources if s.name == name)


def test_adding_a_document_reruns_only_its_shard(sharded):
    (sharded / "data" / "raw" / NEW).write_bytes(NEW_TEXT)
    try:
        shards = len({_shard_of(sharded, p.name) for p in SEEDS})
        assert shards > 2  # the corpus really is spread over several shards
        jobs = planned_jobs(sharded)
        assert all(jobs[rule] == 1 for rule in PER_SHARD), jobs
        assert jobs["collect_tables"] == 1
    finally:
        (sharded / "data" / "raw" / NEW).unlink()


def test_removing_a_document_reruns_only_its_shard(sharded):
    target = sharded / "data" / "raw" / SEEDS[-1].name
    data = target.read_bytes()
    target.unlink()
    try:
        jobs = planned_jobs(sharded)
        # its shard re-runs if other files remain in it, else it is gone; no other shard runs
        assert all(jobs.get(rule, 0) <= 1 for rule in PER_SHARD), jobs
        assert jobs["collect_tables"] == 1
    finally:
        target.write_bytes(data)


def test_small_corpus_gets_an_audit_card_per_document(sharded):
    folder = sharded / "results" / "documents"
    for seed in SEEDS:
        card = (folder / card_path(seed.stem)).read_text(encoding="utf-8")
        assert card.startswith(f"# Audit card: {seed.stem}\n")
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert all(f"[{seed.stem}.md]" in index for seed in SEEDS)


def test_above_the_threshold_no_cards_are_written(tmp_path):
    project = make_project(tmp_path, config={"audit_cards_max_documents": 3})
    snakemake(project, "results/documents")
    folder = project / "results" / "documents"
    written = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert written == ["index.md"]
