# Helpers shared by every rule: config validation, the corpus file list and its shards.
import functools
import os
import sys
from pathlib import Path

from snakemake.utils import validate

# Scripts import the installed package (pip install -e .); this process reads it from src/.
sys.path.insert(0, str(Path(workflow.basedir) / "src"))

from trialaudit.config import check_config, load_schema, type_command_line
from trialaudit.corpus import discover, shard_name
from trialaudit.resources import (
    SHARD_RULES,
    memory_mb,
    runs_on_submit_host,
    runtime_minutes,
)

SCHEMA = Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml"
# Nested --config values arrive as text ('checks={p_zero_error: false}'): give them their type.
type_command_line(
    config, workflow.config_settings.overwrite_config, load_schema(SCHEMA)
)
check_config(config, SCHEMA)
validate(config, str(SCHEMA))

RAW_DIR = "data/raw"
SOURCES = discover(
    RAW_DIR,
    config["corpus"]["extensions"],
    config["corpus"]["exclude"],
    config["shard_size"],
    config["min_shards"],
)
SHARDS = sorted({source.shard for source in SOURCES}) or [shard_name(0)]
# The files of each shard, grouped once: input functions are called per shard, and scanning
# every file for every shard costs seconds of DAG building at 100,000 files.
BY_SHARD = {}
for _source in SOURCES:
    BY_SHARD.setdefault(_source.shard, []).append(_source)
N_DOCUMENTS = sum(source.role == "document" for source in SOURCES)
STYLE = str(Path(workflow.basedir) / "workflow" / "styles" / "trialaudit.mplstyle")
TABLES = [
    "documents",
    "quarantine",
    "statistics",
    "comparisons",
    "arms",
    "facts",
    "studies",
]
CHECK_TABLES = ["checks", "reanalysis"]
EXTRACTED = ["statistics", "comparisons", "arms", "facts", "studies"]


wildcard_constraints:
    shard=r"shard\d{5}",


@functools.cache  # one stat per file and run: the localrule choice and the params share it
def fingerprint(path):
    """Size and modification time (ns) of ``path``, of the link itself if it leads nowhere,
    (-1, -1) if there is nothing there."""
    for follow in (True, False):
        try:
            info = os.stat(path, follow_symlinks=follow)
            return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
        except OSError:
            continue
    return {"size": -1, "mtime_ns": -1}


def shard_sources(wildcards):
    """What the normalize stage needs to know of each file of a shard, with the file's size
    and modification time: a changed, added or removed file changes these params and so
    re-runs its shard only (Snakemake's params trigger).

    The raw files are deliberately not declared as inputs: Snakemake spends ~85 us of DAG
    building on every input file (8.5 s for 100,000 files, on every run including a no-op),
    while these fingerprints cost one stat per file."""
    return [
        {
            "name": s.name,
            "path": s.path,
            "doc_id": s.doc_id,
            "role": s.role,
            "shard": s.shard,
            "problem": s.problem,
            **fingerprint(s.path),
        }
        for s in BY_SHARD.get(wildcards.shard, [])
    ]


def raw_megabytes(files):
    """Megabytes of the raw files (as they are now; a missing file counts 0)."""
    return sum(max(0, fingerprint(s.path)["size"]) for s in files) / 1e6


def job_raw_megabytes(rule, wildcards):
    """Raw megabytes a job covers: its shard's files, or the corpus for a rule over all shards."""
    return covered_megabytes(wildcards.shard if rule in SHARD_RULES else None)


@functools.cache  # once per shard and once for the corpus in a run
def covered_megabytes(shard):
    return raw_megabytes(BY_SHARD.get(shard, []) if shard else SOURCES)


def needs(rule):
    """The memory (MB) and run time (minutes) a job of ``rule`` asks a scheduler for, by the
    raw text it covers (trialaudit.resources, fitted to the benchmark); doubled on each retry.
    """

    def memory(wildcards, attempt):
        return memory_mb(rule, job_raw_megabytes(rule, wildcards), attempt)

    def runtime(wildcards, attempt):
        return runtime_minutes(rule, job_raw_megabytes(rule, wildcards), attempt)

    return {"mem_mb": memory, "runtime": runtime}


def on_submit_host(rule):
    """Whether jobs of ``rule`` run where snakemake runs under a cluster profile (a localrule),
    as an aggregation or report step small enough for the submit host (config
    cluster.submit_host_memory_mb) does."""
    # A submitted job runs only its own jobs: it need not stat every file of the corpus.
    if workflow.remote_exec:
        return True
    limit = config["cluster"]["submit_host_memory_mb"]
    return runs_on_submit_host(rule, covered_megabytes(None), limit)


def every_shard(pattern):
    """The file ``pattern`` for every shard."""
    return expand(pattern, shard=SHARDS)


def settings():
    """Analysis settings for the checks, from the validated config."""
    return {
        "alpha": config["alpha"],
        "ci_level": config["ci_level"],
        "continuity_correction": config["checks"]["continuity_correction"],
        "p_zero_error": config["checks"]["p_zero_error"],
        "one_tailed_from_text": config["checks"]["one_tailed_from_text"],
        "denominator_search_max": config["checks"]["denominator_search_max"],
    }


def outcome_map_file():
    """The user's outcome mapping file, if config names one (a missing file is an error)."""
    path = config["outcomes"]["map_file"]
    return [path] if path else []


def meta_settings():
    """Which pooled models to fit, from the validated config."""
    return {k: v for k, v in config["meta_analysis"].items() if k != "forest_measure"}


REPORT_TABLES = [
    "meta_analysis",
    "meta_inputs",
    "trials",
    "trial_evidence",
    "timeline",
    "outcome_groups",
    "summary",
]
