"""Gather every shard's checks and re-analyses into the validated results tables."""

from trialaudit.logs import logged
from trialaudit.stages import collect_checks

with logged(snakemake.log[0]):
    collect_checks(
        snakemake.input.checks,
        snakemake.input.reanalysis,
        dict(snakemake.output.items()),
    )
