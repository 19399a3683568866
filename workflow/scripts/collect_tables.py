"""Gather every shard into the validated results tables."""

from trialaudit.logs import logged
from trialaudit.stages import EXTRACTED, collect_tables

with logged(snakemake.log[0]):
    collect_tables(
        snakemake.input.texts,
        snakemake.input.rejected,
        {name: snakemake.input[name] for name in EXTRACTED},
        dict(snakemake.output.items()),
        check_failures_paths=snakemake.input.check_failures,
    )
