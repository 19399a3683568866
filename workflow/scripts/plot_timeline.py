"""Draw the follow-up timeline of every trial."""

from trialaudit.logs import logged
from trialaudit.stages import plot_timelines

with logged(snakemake.log[0]):
    plot_timelines(
        snakemake.input.timeline,
        snakemake.input.trials,
        snakemake.params.style,
        snakemake.output.timeline,
    )
