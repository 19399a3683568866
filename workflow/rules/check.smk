# Per shard: re-analyse every reported number; then gather all shards into the results tables.


rule check_consistency:
    input:
        statistics=rules.validate_tables.output.statistics,
        comparisons=rules.validate_tables.output.comparisons,
        texts=rules.normalize_text.output.texts,
    output:
        checks="results/interim/{shard}/checks.parquet",
        reanalysis="results/interim/{shard}/reanalysis.parquet",
        failures="results/interim/{shard}/check_failures.parquet",
    log:
        "logs/check_consistency/{shard}.log",
    benchmark:
        "logs/benchmarks/check_consistency/{shard}.tsv"
    conda:
        "../../environment.yml"
    resources:
        **needs("check_consistency"),
    params:
        settings=settings(),
        time_limit=config["checks"]["document_time_limit_seconds"],
    script:
        "../scripts/check_consistency.py"


rule collect_tables:
    input:
        **{name: every_shard(rules.validate_tables.output[name]) for name in EXTRACTED},
        texts=every_shard(rules.normalize_text.output.texts),
        rejected=every_shard(rules.validate_tables.output.rejected),
        check_failures=every_shard(rules.check_consistency.output.failures),
    output:
        **{name: f"results/tables/{name}.csv" for name in TABLES},
    log:
        "logs/collect_tables/collect_tables.log",
    benchmark:
        "logs/benchmarks/collect_tables/collect_tables.tsv"
    localrule: on_submit_host("collect_tables")
    conda:
        "../../environment.yml"
    resources:
        **needs("collect_tables"),
    script:
        "../scripts/collect_tables.py"


rule collect_checks:
    input:
        checks=every_shard(rules.check_consistency.output.checks),
        reanalysis=every_shard(rules.check_consistency.output.reanalysis),
    output:
        **{name: f"results/tables/{name}.csv" for name in CHECK_TABLES},
    log:
        "logs/collect_checks/collect_checks.log",
    benchmark:
        "logs/benchmarks/collect_checks/collect_checks.tsv"
    localrule: on_submit_host("collect_checks")
    conda:
        "../../environment.yml"
    resources:
        **needs("collect_checks"),
    script:
        "../scripts/collect_checks.py"
