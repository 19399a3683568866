# From documents to trials to evidence: link reports of one trial, harmonize outcomes, follow
# each trial's patients over time, and pool the trials.


rule link_trials:
    input:
        documents=rules.collect_tables.output.documents,
        studies=rules.collect_tables.output.studies,
        facts=rules.collect_tables.output.facts,
        arms=rules.collect_tables.output.arms,
        statistics=rules.collect_tables.output.statistics,
        texts=every_shard(rules.normalize_text.output.texts),
    output:
        trials="results/tables/trials.csv",
        evidence="results/tables/trial_evidence.csv",
    log:
        "logs/link_trials/link_trials.log",
    benchmark:
        "logs/benchmarks/link_trials/link_trials.tsv"
    # The longest chain of the aggregation: started first when the cores are short.
    priority: 10
    localrule: on_submit_host("link_trials")
    conda:
        "../../environment.yml"
    resources:
        **needs("link_trials"),
    script:
        "../scripts/link_trials.py"


rule harmonize_outcomes:
    input:
        statistics=rules.collect_tables.output.statistics,
        comparisons=rules.collect_tables.output.comparisons,
        outcome_map=outcome_map_file(),
    output:
        groups="results/tables/outcome_groups.csv",
        comparisons="results/tables/harmonized_comparisons.csv",
    log:
        "logs/harmonize_outcomes/harmonize_outcomes.log",
    localrule: on_submit_host("harmonize_outcomes")
    conda:
        "../../environment.yml"
    resources:
        **needs("harmonize_outcomes"),
    script:
        "../scripts/harmonize_outcomes.py"


rule follow_up_timeline:
    input:
        trials=rules.link_trials.output.trials,
        arms=rules.collect_tables.output.arms,
        statistics=rules.collect_tables.output.statistics,
        comparisons=rules.collect_tables.output.comparisons,
    output:
        timeline="results/tables/timeline.csv",
    log:
        "logs/follow_up_timeline/follow_up_timeline.log",
    # The longest chain of the aggregation: started first when the cores are short.
    priority: 10
    localrule: on_submit_host("follow_up_timeline")
    conda:
        "../../environment.yml"
    resources:
        **needs("follow_up_timeline"),
    params:
        settings=config["timeline"],
    script:
        "../scripts/follow_up_timeline.py"


rule meta_analysis:
    input:
        comparisons=rules.harmonize_outcomes.output.comparisons,
        trials=rules.link_trials.output.trials,
    output:
        meta="results/tables/meta_analysis.csv",
        inputs="results/tables/meta_inputs.csv",
    log:
        "logs/meta_analysis/meta_analysis.log",
    benchmark:
        "logs/benchmarks/meta_analysis/meta_analysis.tsv"
    localrule: on_submit_host("meta_analysis")
    conda:
        "../../environment.yml"
    resources:
        **needs("meta_analysis"),
    params:
        settings=meta_settings(),
    script:
        "../scripts/meta_analysis.py"
