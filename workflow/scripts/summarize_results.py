"""Write the summary a reader opens first."""

from trialaudit.logs import logged
from trialaudit.stages import summarize_results

with logged(snakemake.log[0]):
    summarize_results(
        {name: path for name, path in snakemake.input.items() if name != "texts"},
        snakemake.input.texts,
        dict(snakemake.output.items()),
    )
