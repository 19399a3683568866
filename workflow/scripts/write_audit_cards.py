"""Write a per-document audit card for each document of a small corpus."""

from trialaudit.logs import logged
from trialaudit.stages import write_audit_cards

with logged(snakemake.log[0]):
    write_audit_cards(
        snakemake.input.documents,
        snakemake.input.statistics,
        snakemake.input.checks,
        snakemake.input.texts,
        snakemake.output.cards,
        snakemake.params.max_documents,
    )
