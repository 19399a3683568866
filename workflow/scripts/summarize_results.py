"""Write the summary a reader opens first."""

from trialaudit.logs import logged
from trialaudit.stages import summarize_results

with logged(snakemake.log[0]):
    summarize_results(
        snakemake.input.documents,
        snakemake.input.statistics,
        snakemake.input.checks,
        snakemake.input.texts,
        snakemake.output.summary,
        snakemake.output.per_document,
    )
