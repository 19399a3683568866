"""Figures, drawn with a pinned style and saved without dates or random ids."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

VERDICT_COLOURS = {
    "consistent": "#1b7837",
    "inconsistent": "#c51b7d",
    "not_checkable": "#878787",
}
REPORTED_COLOUR = "#2b2b2b"
# A figure shows at most this many rows (ratios, documents); the tables hold every one.
MAX_ROWS = 40


def save(fig: plt.Figure, stem: str | Path) -> list[Path]:
    """Save a figure as PNG and SVG with no embedded date or software version."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
    fig.savefig(png, metadata={"Software": None})
    fig.savefig(svg, metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return [png, svg]


def _ratio_rows(statistics: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """One row per reported ratio: reported estimate and CI, recomputed ones where available."""
    keys = ["doc_id", "stat_id"]
    ratios = statistics.loc[statistics["kind"] == "ratio", [*keys, "outcome", "measure"]]
    ratios = ratios.assign(
        reported=statistics["value"], reported_low=statistics["ci_low"],
        reported_high=statistics["ci_high"],
    )  # fmt: skip

    def of(check: str, columns: dict[str, str]) -> pd.DataFrame:
        rows = checks.loc[checks["check"] == check, [*keys, *columns]].drop_duplicates(keys)
        return rows.rename(columns=columns)

    data = (
        ratios.merge(of("ratio_vs_counts", {"verdict": "v1", "recomputed_value": "recomputed"}),
                     on=keys, how="left")
        .merge(of("ci_vs_counts", {"verdict": "v2", "recomputed_low": "recomputed_low",
                                   "recomputed_high": "recomputed_high"}), on=keys, how="left")
        .merge(of("ratio_vs_ci_midpoint", {"verdict": "v3"}), on=keys, how="left")
    )  # fmt: skip
    verdicts = data[["v1", "v2", "v3"]]
    data["verdict"] = np.select(
        [(verdicts == "inconsistent").any(axis=1), (verdicts == "consistent").any(axis=1)],
        ["inconsistent", "consistent"],
        "not_checkable",
    )
    data["label"] = [
        f"{d[:12]} · {o or 'outcome ?'} · {m}"
        for d, o, m in zip(data["doc_id"], data["outcome"], data["measure"], strict=True)
    ]
    columns = ["label", "reported", "reported_low", "reported_high", "recomputed"]
    columns += ["recomputed_low", "recomputed_high", "verdict"]
    return data[columns].astype({"recomputed": float}).reset_index(drop=True)


def _at_most(data: pd.DataFrame, limit: int, first: pd.Series) -> pd.DataFrame:
    """Return at most ``limit`` rows, those where ``first`` holds before the others, keeping
    the original order within each group (big corpora get a readable figure)."""
    if len(data) <= limit:
        return data
    return data.iloc[np.argsort(~first.to_numpy(dtype=bool), kind="stable")[:limit]]


def plot_estimates(statistics: pd.DataFrame, checks: pd.DataFrame, style: str, stem: str) -> list:
    """Reported ratio estimates with their CIs beside the values recomputed from the counts."""
    data = _ratio_rows(statistics, checks)
    total = len(data)
    data = _at_most(data, MAX_ROWS, data["verdict"] == "inconsistent").reset_index(drop=True)
    with plt.style.context(style):
        height = 1.2 + 0.45 * max(len(data), 1)
        fig, ax = plt.subplots(figsize=(7.5, height))
        if data.empty:
            ax.text(
                0.5,
                0.5,
                "no ratio estimates extracted",
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
            ax.set_axis_off()
            return save(fig, stem)
        for i, row in enumerate(data.itertuples(index=False)):
            y = len(data) - 1 - i
            ax.plot(
                [row.reported_low, row.reported_high], [y + 0.12] * 2, color=REPORTED_COLOUR, lw=1.5
            )
            ax.plot(row.reported, y + 0.12, "s", color=REPORTED_COLOUR, ms=5)
            colour = VERDICT_COLOURS[row.verdict]
            if not math.isnan(row.recomputed):
                ax.plot(
                    [row.recomputed_low, row.recomputed_high], [y - 0.12] * 2, color=colour, lw=1.5
                )
                ax.plot(row.recomputed, y - 0.12, "o", color=colour, ms=5)
        ax.axvline(1.0, color="#999999", lw=0.8, ls="--")
        ax.set_xscale("log")
        ax.set_yticks(range(len(data)), list(reversed(data["label"].tolist())))
        ax.set_xlabel("ratio (log scale)")
        ax.set_title(
            "Reported ratios (squares) and ratios recomputed from the counts (circles)"
            + (f"\n{len(data)} of {total} shown, inconsistent first" if total > len(data) else "")
        )
        handles = [
            plt.Line2D([], [], color=REPORTED_COLOUR, marker="s", label="reported, 95% CI"),
            *[
                plt.Line2D([], [], color=c, marker="o", label=f"recomputed: {v.replace('_', ' ')}")
                for v, c in VERDICT_COLOURS.items()
            ],
        ]
        ax.legend(
            handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.4 / height), ncol=2
        )
        return save(fig, stem)


def plot_verdicts(checks: pd.DataFrame, style: str, stem: str) -> list:
    """Per-document stacked bars of consistent / inconsistent / not-checkable checks."""
    counts = (
        checks.groupby(["doc_id", "verdict"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(VERDICT_COLOURS), fill_value=0)
        .sort_index()
    )
    total = len(counts)
    if total > MAX_ROWS:
        worst = counts.sort_values("inconsistent", ascending=False, kind="stable").head(MAX_ROWS)
        counts = worst.sort_index()
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(7.5, 1.2 + 0.4 * max(len(counts), 1)))
        left = pd.Series(0, index=counts.index)
        labels = [d[:24] for d in counts.index]
        for verdict, colour in VERDICT_COLOURS.items():
            ax.barh(
                labels, counts[verdict], left=left, color=colour, label=verdict.replace("_", " ")
            )
            left = left + counts[verdict]
        ax.invert_yaxis()
        ax.set_xlabel("checks")
        ax.set_title(
            "Checks per document by verdict"
            + (
                f"\n{len(counts)} of {total} documents: most inconsistent"
                if total > len(counts)
                else ""
            )
        )
        ax.legend(loc="lower right")
        return save(fig, stem)
