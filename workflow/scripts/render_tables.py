"""Write the summary tables as HTML pages for the report."""

from trialaudit.logs import logged
from trialaudit.stages import render_tables

with logged(snakemake.log[0]):
    render_tables(dict(snakemake.input.items()), dict(snakemake.output.items()))
