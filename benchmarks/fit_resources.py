#!/usr/bin/env python3
"""Fit what each rule's jobs ask a scheduler for (trialaudit.resources.NEEDS) to the benchmark's
per-job measurements, and print the table to paste into src/trialaudit/resources.py.

For each rule, memory and time are fitted as lines in the raw megabytes the job covered
(least squares), then raised until no measurement lies above them: an upper envelope, so
that the headroom in trialaudit.resources is on top of the worst job seen, not the average.

    .venv/bin/python benchmarks/fit_resources.py [benchmarks/results/stage_cpu.csv]
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def envelope(x: np.ndarray, y: np.ndarray, min_slope: float) -> tuple[float, float]:
    """Return (base, slope) of the least-squares line of y on x raised to lie on or above every
    point, with the slope at least ``min_slope`` and the base at least 0."""
    slope = float(np.polyfit(x, y, 1)[0]) if len(set(x)) > 1 else 0.0
    slope = max(slope, min_slope)
    base = max(0.0, float(np.max(y - slope * x)))
    return base, slope


def round_up(value: float, step: float) -> float:
    """Return ``value`` rounded up to a multiple of ``step`` (kept readable in the source)."""
    return round(math.ceil(value / step - 1e-9) * step, 6)


def fit(table: pd.DataFrame) -> dict[str, tuple[float, float, float, float]]:
    """Return {rule: (base_mb, mb_per_raw_mb, base_s, s_per_raw_mb)} from stage_cpu rows."""
    measured = table[(table["job_peak_mb"].astype(str) != "") & (table["stage"] != "snakemake")]
    measured = measured[~measured["stage"].str.startswith("(")]
    measured = measured.astype({"job_peak_mb": float, "job_s": float, "job_raw_mb": float})
    needs = {}
    for rule, rows in sorted(measured.groupby("stage")):
        x = rows["job_raw_mb"].to_numpy()
        base_mb, mb_per = envelope(x, rows["job_peak_mb"].to_numpy(), 0.1)
        base_s, s_per = envelope(x, rows["job_s"].to_numpy(), 0.01)
        needs[rule] = (
            round_up(base_mb, 10),
            round_up(mb_per, 0.1),
            round_up(base_s, 1),
            round_up(s_per, 0.01),
        )
    return needs


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else HERE / "results" / "stage_cpu.csv"
    table = pd.read_csv(path, keep_default_na=False)
    print("NEEDS: dict[str, Need] = {")
    for rule, (base_mb, mb_per, base_s, s_per) in fit(table).items():
        print(f'    "{rule}": Need({base_mb:g}, {mb_per:g}, {base_s:g}, {s_per:g}),')
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
