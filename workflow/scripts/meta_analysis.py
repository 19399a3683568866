"""Pool every outcome reported by enough independent trials."""

from trialaudit.logs import logged
from trialaudit.stages import meta_analysis

with logged(snakemake.log[0]):
    meta_analysis(
        snakemake.input.comparisons,
        snakemake.input.trials,
        snakemake.params.settings,
        dict(snakemake.output.items()),
    )
