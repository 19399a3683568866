"""Validate one shard's extracted tables; quarantine documents whose rows fail."""

from trialaudit.logs import logged
from trialaudit.stages import EXTRACTED, validate_tables

with logged(snakemake.log[0]):
    validate_tables(
        snakemake.input.texts,
        {name: snakemake.input[name] for name in EXTRACTED},
        {name: snakemake.output[name] for name in EXTRACTED},
        snakemake.output.rejected,
        failures_path=snakemake.input.failures,
    )
