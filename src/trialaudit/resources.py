"""What a job of each rule asks a cluster scheduler for: memory and run time, by the raw text
it covers (a shard's files for the per-shard stages, the whole corpus for the others).

Both grow linearly with the raw megabytes from a start-up base (an interpreter with pandas,
pyarrow and pandera). The coefficients are upper envelopes of the benchmark's per-job
measurements (``benchmarks/results/stage_cpu.csv``: the largest job of each rule at 1,000,
10,000 and 100,000 synthetic abstracts, its memory summed over its worker children as a
scheduler's cgroup counts it), with headroom on top: memory x MEMORY_HEADROOM, run time
x TIME_HEADROOM and never under MIN_RUNTIME_MINUTES, because a cluster's cores can be slower
than the benchmark's and a killed job is paid for in the queue. Each retry (Snakemake's
``attempt``) doubles both, so a job killed for memory or time gets twice as much.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# The four stages run once per shard; every other rule reads all shards.
SHARD_RULES = frozenset(
    {"normalize_text", "extract_statistics", "validate_tables", "check_consistency"}
)

MEMORY_HEADROOM = 1.5
TIME_HEADROOM = 5.0
MIN_RUNTIME_MINUTES = 10


@dataclass(frozen=True)
class Need:
    """A job's measured memory and run time: base + per raw megabyte of text it covers."""

    base_mb: float
    mb_per_raw_mb: float
    base_s: float
    s_per_raw_mb: float


# The larger (base and slope each) of benchmarks/fit_resources.py's fits to run E (2026-12-02, a
# host at half speed), run F (the same day, the usual host), runs H and K (2026-12-03), runs L,
# M and N (2026-12-04), run O (2026-12-05) and runs P, Q, R and S (2026-12-06): each request
# covers the jobs of all twelve runs. collect_checks exists since run S, which alone measured it
# (before, collect_tables did its work, and its needs still cover that).
NEEDS: dict[str, Need] = {
    "check_consistency": Need(530, 29.6, 9, 3.64),
    "collect_checks": Need(300, 3.9, 2, 0.04),
    "collect_tables": Need(330, 5.3, 4, 0.17),
    "extract_statistics": Need(260, 12.1, 6, 4.96),
    "follow_up_timeline": Need(270, 6.9, 4, 0.28),
    "harmonize_outcomes": Need(160, 3.3, 3, 0.07),
    "link_trials": Need(220, 5.8, 4, 0.22),
    "meta_analysis": Need(240, 2.5, 6, 0.09),
    "normalize_text": Need(160, 12.4, 3, 0.36),
    "plot_figures": Need(230, 3, 10, 0.14),
    "plot_forest": Need(280, 0.8, 23, 0.03),
    "plot_timeline": Need(240, 1.4, 24, 0.07),
    "render_tables": Need(170, 0.8, 4, 0.01),
    "summarize_results": Need(220, 4.6, 4, 0.11),
    "validate_tables": Need(200, 11.5, 5, 0.19),
    "write_audit_cards": Need(260, 0.1, 4, 0.01),
}


def _need(rule: str) -> Need:
    if rule not in NEEDS:
        raise KeyError(f"no resource needs for rule {rule!r}: add it to trialaudit.resources")
    return NEEDS[rule]


def memory_mb(rule: str, raw_mb: float, attempt: int = 1) -> int:
    """Return the memory (MB) a job of ``rule`` covering ``raw_mb`` of raw text asks for."""
    need = _need(rule)
    measured = need.base_mb + need.mb_per_raw_mb * max(0.0, raw_mb)
    return math.ceil(MEMORY_HEADROOM * measured) * 2 ** (attempt - 1)


def runtime_minutes(rule: str, raw_mb: float, attempt: int = 1) -> int:
    """Return the run time (minutes) a job of ``rule`` covering ``raw_mb`` of raw text asks
    for."""
    need = _need(rule)
    measured_s = need.base_s + need.s_per_raw_mb * max(0.0, raw_mb)
    return max(MIN_RUNTIME_MINUTES, math.ceil(TIME_HEADROOM * measured_s / 60)) * 2 ** (attempt - 1)


def runs_on_submit_host(rule: str, corpus_mb: float, limit_mb: int) -> bool:
    """Return True if a job of ``rule`` runs where snakemake runs (a localrule) rather than
    through the scheduler: an aggregation or report step whose memory request for the whole
    corpus is at most ``limit_mb``. The per-shard stages always go to the scheduler."""
    return rule not in SHARD_RULES and memory_mb(rule, corpus_mb) <= limit_mb
