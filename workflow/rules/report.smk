# Figures, the summary a reader opens first, and the tables the report shows.


rule plot_figures:
    input:
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_checks.output.checks,
    output:
        estimates_png=report(
            "results/figures/estimates.png",
            caption="../report/estimates.rst",
            category="Figures",
            subcategory="Consistency",
        ),
        estimates_svg="results/figures/estimates.svg",
        verdicts_png=report(
            "results/figures/verdicts.png",
            caption="../report/verdicts.rst",
            category="Figures",
            subcategory="Consistency",
        ),
        verdicts_svg="results/figures/verdicts.svg",
        consistency_png=report(
            "results/figures/consistency.png",
            caption="../report/consistency.rst",
            category="Figures",
            subcategory="Consistency",
        ),
        consistency_svg="results/figures/consistency.svg",
    log:
        "logs/plot_figures/plot_figures.log",
    localrule: on_submit_host("plot_figures")
    conda:
        "../../environment.yml"
    resources:
        **needs("plot_figures"),
    params:
        style=STYLE,
    script:
        "../scripts/plot_figures.py"


rule plot_forest:
    input:
        meta=rules.meta_analysis.output.meta,
        inputs=rules.meta_analysis.output.inputs,
        trials=rules.link_trials.output.trials,
    output:
        forest=report(
            directory("results/figures/forest"),
            patterns=["{outcome}.png"],
            caption="../report/forest.rst",
            category="Figures",
            subcategory="Forest plots",
            labels={"outcome": "{outcome}"},
        ),
    log:
        "logs/plot_forest/plot_forest.log",
    localrule: on_submit_host("plot_forest")
    conda:
        "../../environment.yml"
    resources:
        **needs("plot_forest"),
    params:
        options=config["meta_analysis"],
        style=STYLE,
    script:
        "../scripts/plot_forest.py"


rule plot_timeline:
    input:
        timeline=rules.follow_up_timeline.output.timeline,
        trials=rules.link_trials.output.trials,
    output:
        timeline=report(
            directory("results/figures/timeline"),
            patterns=["{trial}.png"],
            caption="../report/timeline.rst",
            category="Figures",
            subcategory="Follow-up timelines",
            labels={"trial": "{trial}"},
        ),
    log:
        "logs/plot_timeline/plot_timeline.log",
    localrule: on_submit_host("plot_timeline")
    conda:
        "../../environment.yml"
    resources:
        **needs("plot_timeline"),
    params:
        style=STYLE,
    script:
        "../scripts/plot_timeline.py"


rule summarize_results:
    input:
        documents=rules.collect_tables.output.documents,
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_checks.output.checks,
        trials=rules.link_trials.output.trials,
        timeline=rules.follow_up_timeline.output.timeline,
        meta=rules.meta_analysis.output.meta,
        meta_inputs=rules.meta_analysis.output.inputs,
        outcome_groups=rules.harmonize_outcomes.output.groups,
        texts=every_shard(rules.normalize_text.output.texts),
    output:
        summary="results/summary.md",
        summary_html=report(
            "results/report/summary.html",
            caption="../report/summary.rst",
            category="Summary",
        ),
        per_document="results/tables/summary.csv",
    log:
        "logs/summarize_results/summarize_results.log",
    localrule: on_submit_host("summarize_results")
    conda:
        "../../environment.yml"
    resources:
        **needs("summarize_results"),
    script:
        "../scripts/summarize_results.py"


rule render_tables:
    input:
        meta_analysis=rules.meta_analysis.output.meta,
        meta_inputs=rules.meta_analysis.output.inputs,
        trials=rules.link_trials.output.trials,
        trial_evidence=rules.link_trials.output.evidence,
        timeline=rules.follow_up_timeline.output.timeline,
        outcome_groups=rules.harmonize_outcomes.output.groups,
        summary=rules.summarize_results.output.per_document,
    output:
        **{
            name: report(
                f"results/report/tables/{name}.html",
                caption=f"../report/{name}_table.rst",
                category="Tables",
            )
            for name in REPORT_TABLES
        },
    log:
        "logs/render_tables/render_tables.log",
    localrule: on_submit_host("render_tables")
    conda:
        "../../environment.yml"
    resources:
        **needs("render_tables"),
    script:
        "../scripts/render_tables.py"


rule write_audit_cards:
    input:
        documents=rules.collect_tables.output.documents,
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_checks.output.checks,
        texts=every_shard(rules.normalize_text.output.texts),
    output:
        cards=directory("results/documents"),
    log:
        "logs/write_audit_cards/write_audit_cards.log",
    localrule: on_submit_host("write_audit_cards")
    conda:
        "../../environment.yml"
    resources:
        **needs("write_audit_cards"),
    params:
        max_documents=config["audit_cards_max_documents"],
    script:
        "../scripts/write_audit_cards.py"
