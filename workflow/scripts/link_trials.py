"""Link the studies of every document to trials, with the evidence for each link."""

from trialaudit.logs import logged
from trialaudit.stages import link_trials

with logged(snakemake.log[0]):
    link_trials(
        {n: snakemake.input[n] for n in ("documents", "studies", "facts", "arms", "statistics")},
        snakemake.input.texts,
        dict(snakemake.output.items()),
    )
