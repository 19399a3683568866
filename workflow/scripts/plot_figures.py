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
            name: str(Path(snakemake.output[f"{name}_png"]).with_suffix(""))
            for name in ("estimates", "verdicts", "consistency")
        },
    )
