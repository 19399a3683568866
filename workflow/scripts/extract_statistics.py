"""Extract statistics, comparisons, arms, facts and studies from one shard's texts."""

from trialaudit.logs import logged
from trialaudit.stages import EXTRACTED, extract_statistics

with logged(snakemake.log[0]):
    extract_statistics(
        snakemake.input.texts,
        {name: snakemake.output[name] for name in EXTRACTED},
        time_limit=snakemake.params.time_limit,
        failures_output=snakemake.output.failures,
    )
