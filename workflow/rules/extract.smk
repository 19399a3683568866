# Per shard: decode and normalize the text, extract what it reports, validate the tables.


rule normalize_text:
    output:
        texts="results/interim/{shard}/texts.parquet",
    log:
        "logs/normalize_text/{shard}.log",
    benchmark:
        "logs/benchmarks/normalize_text/{shard}.tsv"
    conda:
        "../../environment.yml"
    resources:
        **needs("normalize_text"),
    params:
        sources=shard_sources,
        time_limit=config["extraction"]["document_time_limit_seconds"],
        max_megabytes=config["corpus"]["max_document_megabytes"],
    script:
        "../scripts/normalize_text.py"


rule extract_statistics:
    input:
        texts=rules.normalize_text.output.texts,
    output:
        **{
            name: f"results/interim/{{shard}}/extracted/{name}.parquet"
            for name in EXTRACTED
        },
        failures="results/interim/{shard}/extracted/failures.parquet",
    log:
        "logs/extract_statistics/{shard}.log",
    benchmark:
        "logs/benchmarks/extract_statistics/{shard}.tsv"
    conda:
        "../../environment.yml"
    resources:
        **needs("extract_statistics"),
    params:
        time_limit=config["extraction"]["document_time_limit_seconds"],
    script:
        "../scripts/extract_statistics.py"


rule validate_tables:
    input:
        **rules.extract_statistics.output,
        texts=rules.normalize_text.output.texts,
    output:
        **{
            name: f"results/interim/{{shard}}/validated/{name}.parquet"
            for name in EXTRACTED
        },
        rejected="results/interim/{shard}/rejected.parquet",
    log:
        "logs/validate_tables/{shard}.log",
    benchmark:
        "logs/benchmarks/validate_tables/{shard}.tsv"
    conda:
        "../../environment.yml"
    resources:
        **needs("validate_tables"),
    script:
        "../scripts/validate_tables.py"
