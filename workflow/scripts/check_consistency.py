"""Re-analyse the statistics of one shard."""

from trialaudit.check_settings import Settings
from trialaudit.logs import logged
from trialaudit.stages import check_consistency

with logged(snakemake.log[0]):
    check_consistency(
        snakemake.input.statistics,
        snakemake.input.comparisons,
        snakemake.output.checks,
        Settings(**snakemake.params.settings),
        snakemake.input.texts,
        snakemake.output.reanalysis,
        failures_output=snakemake.output.failures,
        time_limit=snakemake.params.time_limit,
    )
