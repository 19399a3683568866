"""Draw the figures from the collected tables."""

from pathlib import Path

from trialaudit.logs import logged
from trialaudit.stages import plot_figures

with logged(snakemake.log[0]):
    plot_figures(
        snakemake.input.statistics,
        snakemake.input.checks,
        snakemake.params.style,
        {
            "estimates": str(Path(snakemake.output.estimates_png).with_suffix("")),
            "verdicts": str(Path(snakemake.output.verdicts_png).with_suffix("")),
        },
    )
