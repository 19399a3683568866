# trialaudit: extract the statistics clinical-trial documents report and check that they add up.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/check.smk"
include: "workflow/rules/report.smk"


rule all:
    default_target: True
    input:
        rules.collect_tables.output,
        rules.plot_figures.output,
        rules.summarize_results.output,
        rules.write_audit_cards.output,
