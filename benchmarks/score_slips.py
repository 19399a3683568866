"""List the reporting slips the held-out annotators planted and whether the checks find them.

.venv/bin/python benchmarks/score_slips.py
    reads tests/gold/heldout_slips.csv, runs the extractor and the checks on each passage
    and prints one row per slip (found: its check says inconsistent) and the totals per split.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trialaudit import scoring

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    slips = scoring.planted_slips(REPO / "tests" / "gold")
    print(slips.to_markdown(index=False))
    for split, rows in slips.groupby("split"):
        print(f"{split}: {int(rows['found'].sum())} of {len(rows)} found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
