# Helpers shared by every rule: config validation, the corpus file list and its shards.
import os
import sys
from pathlib import Path

from snakemake.io import contains_wildcard
from snakemake.utils import validate

# Scripts import the installed package (pip install -e .); this process reads it from src/.
sys.path.insert(0, str(Path(workflow.basedir) / "src"))

from trialaudit.config import check_config
from trialaudit.corpus import discover, shard_name

SCHEMA = Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml"
check_config(config, SCHEMA)
validate(config, str(SCHEMA))

RAW_DIR = "data/raw"
SOURCES = discover(
    RAW_DIR,
    config["corpus"]["extensions"],
    config["corpus"]["exclude"],
    config["shard_size"],
)
SHARDS = sorted({source.shard for source in SOURCES}) or [shard_name(0)]
STYLE = str(Path(workflow.basedir) / "workflow" / "styles" / "trialaudit.mplstyle")
TABLES = [
    "documents",
    "quarantine",
    "statistics",
    "comparisons",
    "arms",
    "facts",
    "studies",
    "checks",
    "reanalysis",
]
EXTRACTED = ["statistics", "comparisons", "arms", "facts", "studies"]


wildcard_constraints:
    shard=r"shard\d{5}",


def tracked(source):
    """True for a file Snakemake can track as an input: a readable file whose name it would
    not read as a wildcard (``a{b}.txt``); the others are tracked by shard_sources."""
    return source.readable and not contains_wildcard(source.path)


def shard_files(wildcards):
    """Raw files of one shard (their change re-runs only this shard)."""
    return [s.path for s in SOURCES if s.shard == wildcards.shard and tracked(s)]


def shard_sources(wildcards):
    """What the normalize stage needs to know of each file of a shard; files left out of
    shard_files carry their size and modification time, so that a change re-runs the shard.
    """
    return [
        {
            "name": s.name,
            "path": s.path,
            "doc_id": s.doc_id,
            "role": s.role,
            "shard": s.shard,
            "problem": s.problem,
            **({} if tracked(s) else fingerprint(s.path)),
        }
        for s in SOURCES
        if s.shard == wildcards.shard
    ]


def fingerprint(path):
    """Size and modification time of ``path`` (of the link itself when it leads nowhere)."""
    try:
        stat = os.stat(path)
    except OSError:
        try:
            stat = os.lstat(path)
        except OSError:
            return {}
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


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
