"""Group outcome wordings under one key each; write the decisions."""

from trialaudit.logs import logged
from trialaudit.stages import harmonize_outcomes

with logged(snakemake.log[0]):
    harmonize_outcomes(
        snakemake.input.statistics,
        snakemake.input.comparisons,
        snakemake.input.outcome_map[0] if snakemake.input.outcome_map else "",
        dict(snakemake.output.items()),
    )
