# Figures and the summary a reader opens first.


localrules:
    collect_tables,
    plot_figures,
    summarize_results,
    write_audit_cards,


rule plot_figures:
    input:
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_tables.output.checks,
    output:
        estimates_png=report(
            "results/figures/estimates.png",
            caption="../report/estimates.rst",
            category="Figures",
        ),
        estimates_svg="results/figures/estimates.svg",
        verdicts_png=report(
            "results/figures/verdicts.png",
            caption="../report/verdicts.rst",
            category="Figures",
        ),
        verdicts_svg="results/figures/verdicts.svg",
    log:
        "logs/plot_figures/plot_figures.log",
    conda:
        "../../environment.yml"
    params:
        style=STYLE,
    script:
        "../scripts/plot_figures.py"


rule summarize_results:
    input:
        documents=rules.collect_tables.output.documents,
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_tables.output.checks,
        texts=every_shard(rules.normalize_text.output.texts),
    output:
        summary=report(
            "results/summary.md",
            caption="../report/summary.rst",
            category="Summary",
        ),
        per_document=report(
            "results/tables/summary.csv",
            caption="../report/summary_table.rst",
            category="Summary",
        ),
    log:
        "logs/summarize_results/summarize_results.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/summarize_results.py"


rule write_audit_cards:
    input:
        documents=rules.collect_tables.output.documents,
        statistics=rules.collect_tables.output.statistics,
        checks=rules.collect_tables.output.checks,
        texts=every_shard(rules.normalize_text.output.texts),
    output:
        cards=directory("results/documents"),
    log:
        "logs/write_audit_cards/write_audit_cards.log",
    conda:
        "../../environment.yml"
    params:
        max_documents=config["audit_cards_max_documents"],
    script:
        "../scripts/write_audit_cards.py"
