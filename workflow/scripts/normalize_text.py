"""Decode and normalize the files of one shard."""

from trialaudit.logs import logged
from trialaudit.stages import normalize_text

with logged(snakemake.log[0]):
    normalize_text(
        snakemake.params.sources,
        snakemake.output.texts,
        time_limit=snakemake.params.time_limit,
        max_megabytes=snakemake.params.max_megabytes,
    )
