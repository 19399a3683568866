# trialaudit: extract the statistics clinical-trial documents report and check that they add up.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/check.smk"
include: "workflow/rules/synthesis.smk"
include: "workflow/rules/report.smk"


rule all:
    default_target: True
    input:
        rules.collect_tables.output,
        rules.collect_checks.output,
        rules.plot_figures.output,
        rules.summarize_results.output,
        rules.link_trials.output,
        rules.harmonize_outcomes.output,
        rules.follow_up_timeline.output,
        rules.meta_analysis.output,
        rules.plot_forest.output,
        rules.plot_timeline.output,
        rules.render_tables.output,
        rules.write_audit_cards.output,
