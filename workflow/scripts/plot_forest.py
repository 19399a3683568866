"""Draw one forest plot per outcome."""

from trialaudit.logs import logged
from trialaudit.stages import plot_forest

with logged(snakemake.log[0]):
    plot_forest(
        snakemake.input.meta,
        snakemake.input.inputs,
        snakemake.input.trials,
        snakemake.params.options,
        snakemake.params.style,
        snakemake.output.forest,
    )
