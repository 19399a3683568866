"""Score the extractor against the hand-annotated gold standard (tests/gold/).

    .venv/bin/python benchmarks/score_extraction.py
        runs trialaudit.extract.extract_document on the seed documents and the snippets and
        writes benchmarks/results/extraction_scores.csv (per corpus and kind: gold, predicted,
        matched, precision, recall, F1, attribution accuracy).
    .venv/bin/python benchmarks/score_extraction.py --statistics results/tables/statistics.csv \
        --facts results/tables/facts.csv
        scores a pipeline run's tables for the seeds instead (snippets are still run in-process).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trialaudit import scoring, tables

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Score, write the table, print it as Markdown; return 1 if the extractor raised."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=REPO / "tests" / "gold", type=Path)
    parser.add_argument("--raw", default=REPO / "data" / "raw", type=Path)
    parser.add_argument("--statistics", type=Path, help="a pipeline's statistics.csv")
    parser.add_argument("--facts", type=Path, help="a pipeline's facts.csv")
    parser.add_argument(
        "--output", default=REPO / "benchmarks" / "results" / "extraction_scores.csv", type=Path
    )
    args = parser.parse_args(argv)
    gold = scoring.load_gold(args.gold, args.raw)
    statistics = scoring.read_predicted(args.statistics) if args.statistics else None
    facts = scoring.read_predicted(args.facts, facts=True) if args.facts else None
    report = scoring.score_extraction(gold, statistics, facts)
    tables.write_csv(report.scores, args.output)
    print(scoring.markdown(report.scores))
    hits = {sid: n for sid, n in report.negative_hits.items() if n}
    print(
        f"\nNegative snippets with a statistic extracted: {len(hits)} of "
        f"{len(report.negative_hits)}" + "".join(f"\n  {sid}: {n}" for sid, n in hits.items())
    )
    for message in report.errors:
        print(message, file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
