"""Patients per arm of every trial over time, with attrition flags."""

from trialaudit.logs import logged
from trialaudit.stages import follow_up_timeline

with logged(snakemake.log[0]):
    follow_up_timeline(
        {n: snakemake.input[n] for n in ("trials", "arms", "statistics", "comparisons")},
        snakemake.params.settings,
        snakemake.output.timeline,
    )
