"""What a job of each rule asks a cluster scheduler for: memory and run time, by the raw text
it covers (a shard's files for the per-shard stages, the whole corpus for the others)."""

from __future__ import annotations

# The four stages run once per shard; every other rule reads all shards.
SHARD_RULES = frozenset(
    {"normalize_text", "extract_statistics", "validate_tables", "check_consistency"}
)
