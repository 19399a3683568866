"""Figures, drawn with a pinned style and saved without dates or random ids."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from pathlib import Path
from statistics import NormalDist

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import ticker

VERDICT_COLOURS = {
    "consistent": "#1b7837",
    "inconsistent": "#c51b7d",
    "not_checkable": "#878787",
}
REPORTED_COLOUR = "#2b2b2b"
# A figure shows at most this many rows (ratios, documents); the tables hold every one.
MAX_ROWS = 40
RASTER_POINTS = 2000  # above this many points a scatter layer is a bitmap inside the SVG


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


# --- Evidence figures: forest plots, consistency overview, follow-up timelines ------------

MEASURE_NAMES = {"OR": "Odds ratio", "RR": "Risk ratio", "RD": "Risk difference"}
POOLED_COLOUR = "#2166ac"
COMMON_COLOUR = "#762a83"
ARM_COLOURS = ["#1b7837", "#e08214", "#8073ac", "#b35806", "#35978f"]
CONTROL_COLOUR = "#4d4d4d"
FLAG_COLOUR = "#c51b7d"


def file_stem(name: str) -> str:
    """Return a file-name-safe, unique stem for an outcome key or trial id."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._")[:80] or "unnamed"
    if safe != name:
        safe += "-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return safe


def _fmt(value: float, measure: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.2f}" if measure != "RD" else f"{value:.3f}"


def _interval(est: float, lo: float, hi: float, measure: str) -> str:
    return f"{_fmt(est, measure)} [{_fmt(lo, measure)}, {_fmt(hi, measure)}]"


def _study_interval(yi: float, vi: float, measure: str, level: float) -> tuple[float, ...]:
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)
    values = (yi, yi - z * math.sqrt(vi), yi + z * math.sqrt(vi))
    return tuple(math.exp(v) for v in values) if measure != "RD" else values


def _pooled_row(meta_rows: pd.DataFrame, method: str, test: str) -> pd.Series | None:
    chosen = meta_rows[(meta_rows["method"] == method) & (meta_rows["test"] == test)]
    return chosen.iloc[0] if len(chosen) else None


def _ratio_axis(ax, low: float, high: float) -> None:
    """Log axis from low to high with plain-number ticks at 1-2-5 steps."""
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    ticks = [
        m * 10.0**e
        for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1)
        for m in (1, 2, 5)
    ]
    ticks = [t for t in ticks if low <= t <= high]
    if len(ticks) > 7:
        ticks = [t for t in ticks if f"{t:g}".strip("0.").startswith(("1", "5"))] or ticks
    ax.xaxis.set_major_locator(ticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_locator(ticker.NullLocator())


def plot_forest(
    inputs: pd.DataFrame,
    meta_rows: pd.DataFrame,
    labels: dict[str, str],
    outcome: str,
    measure: str,
    level: float,
    style: str,
    stem: str | Path,
) -> list[Path]:
    """Forest plot of one outcome: each trial's estimate and CI (size by random-effects weight),
    the random-effects (REML, else the first estimator fitted) and Mantel-Haenszel diamonds,
    the HKSJ-adjusted CI, the prediction interval and the heterogeneity statistics."""
    studies = inputs[(inputs["outcome"] == outcome) & inputs["used"]].sort_values(
        ["trial_id", "doc_id"]
    )
    name = measure.lower()
    meta_rows = meta_rows[(meta_rows["outcome"] == outcome) & (meta_rows["measure"] == measure)]
    fitted = [
        r
        for m in ("REML", "DL", "PM")
        if (r := _pooled_row(meta_rows, m, "z")) is not None and not pd.isna(r["estimate"])
    ]
    random = fitted[0] if fitted else None
    hksj = _pooled_row(meta_rows, random["method"], "knha") if random is not None else None
    common = _pooled_row(meta_rows, "MH", "z")
    tau2 = float(random["tau2"]) if random is not None else 0.0
    weights = 1 / (studies[f"{name}_vi"] + tau2)
    weights = weights / weights.sum()
    k_all = len(studies)
    if k_all > MAX_ROWS:  # the MAX_ROWS heaviest trials are drawn; every trial is pooled
        heaviest = weights.sort_values(ascending=False, kind="stable").index[:MAX_ROWS]
        keep = studies.index.isin(heaviest)
        studies, weights = studies[keep], weights[keep]
    summary: list[tuple[str, pd.Series, str]] = []
    if random is not None:
        summary.append(("diamond", random, f"Random effects ({random['method']})"))
        if hksj is not None and not pd.isna(hksj["ci_low"]):
            summary.append(("hksj", hksj, "  CI with HKSJ adjustment"))
        if not pd.isna(random["pi_low"]):
            summary.append(("pi", random, "  Prediction interval"))
    if common is not None and not pd.isna(common["estimate"]):
        summary.append(("diamond", common, "Common effect (Mantel-Haenszel)"))
    n_rows = 1 + len(studies) + (len(summary) + 0.5 if summary else 0)
    with plt.style.context(style):
        fig = plt.figure(figsize=(10.5, 1.3 + 0.3 * n_rows))
        grid = fig.add_gridspec(1, 3, width_ratios=[4.4, 3.0, 2.1], wspace=0.03)
        left, ax, right = (fig.add_subplot(grid[0, i]) for i in range(3))
        for panel in (left, ax, right):
            panel.set_ylim(-0.6, n_rows - 0.4)
        for side in (left, right):
            side.set_axis_off()
        top = n_rows - 1
        bold = {"fontweight": "bold", "va": "center"}
        left.text(0.0, top, "Trial", **bold)
        left.text(0.72, top, "Intervention\nevents/total", ha="right", fontsize=8, **bold)
        left.text(0.99, top, "Control\nevents/total", ha="right", fontsize=8, **bold)
        right.text(0.02, top, f"{measure} [{level:.0%} CI]", **bold)
        right.text(0.99, top, "Weight", ha="right", **bold)
        xs: list[float] = []
        for i, (row, weight) in enumerate(
            zip(studies.itertuples(index=False), weights, strict=True)
        ):
            y = top - 1 - i
            est, lo, hi = _study_interval(
                getattr(row, f"{name}_yi"), getattr(row, f"{name}_vi"), measure, level
            )
            xs += [lo, hi]
            ax.plot([lo, hi], [y, y], color=REPORTED_COLOUR, lw=1.1)
            ax.plot(est, y, "s", color=REPORTED_COLOUR, ms=3 + 9 * math.sqrt(weight))
            left.text(0.0, y, _short(labels.get(row.trial_id, row.trial_id), 30), va="center")
            left.text(0.72, y, f"{row.events_1}/{row.total_1}", ha="right", va="center")
            left.text(0.99, y, f"{row.events_2}/{row.total_2}", ha="right", va="center")
            right.text(0.02, y, _interval(est, lo, hi, measure), va="center")
            if len(studies) > 1:
                right.text(0.99, y, f"{100 * weight:.1f}%", ha="right", va="center")
        y = top - len(studies) - 1.5
        for kind, pooled, text in summary:
            colour = COMMON_COLOUR if pooled["method"] == "MH" else POOLED_COLOUR
            est = float(pooled["estimate"])
            if kind == "pi":
                lo, hi = float(pooled["pi_low"]), float(pooled["pi_high"])
            else:
                lo, hi = float(pooled["ci_low"]), float(pooled["ci_high"])
            xs += [lo, hi]
            if kind == "diamond":
                ax.fill([lo, est, hi, est], [y, y + 0.3, y, y - 0.3], color=colour, zorder=3)
                left.text(0.0, y, text, va="center", fontweight="bold")
                right.text(0.02, y, _interval(est, lo, hi, measure), va="center", fontweight="bold")
            else:
                width = 2.5 if kind == "pi" else 1.2
                ax.plot([lo, hi], [y, y], color=colour, lw=width, alpha=0.55, solid_capstyle="butt")
                left.text(0.0, y, text, va="center", fontsize=8)
                right.text(0.02, y, f"[{_fmt(lo, measure)}, {_fmt(hi, measure)}]", va="center")
            y -= 1
        null = 0.0 if measure == "RD" else 1.0
        ax.axvline(null, color="#999999", lw=0.8, ls="--")
        finite = [x for x in xs if math.isfinite(x) and (measure == "RD" or x > 0)] + [null]
        if measure == "RD":
            pad = (max(finite) - min(finite)) * 0.05 or 0.05
            ax.set_xlim(min(finite) - pad, max(finite) + pad)
        else:
            _ratio_axis(ax, min(finite) / 1.2, max(finite) * 1.2)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(f"{MEASURE_NAMES[measure]}{'' if measure == 'RD' else ' (log scale)'}")
        title = f"{outcome}: {k_all} trial{'s' if k_all != 1 else ''}"
        if k_all > len(studies):
            title += f" ({len(studies)} with the largest weights shown)"
        if random is not None:
            title += (
                f"; heterogeneity τ² = {float(random['tau2']):.3g}, "
                f"I² = {float(random['i2']):.1f}%, Q = {float(random['q']):.2f} "
                f"(df = {int(random['q_df'])}, p {_p_text(float(random['q_p']))})"
            )
        elif k_all < 2:
            title += " (a single trial: not pooled)"
        fig.suptitle(title, x=0.02, ha="left", fontsize=10)
        return save(fig, stem)


def _p_text(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


CHECK_MARKERS = {
    "estimate vs counts": "o",
    "estimate vs centre of its CI": "s",
    "CI lower limit vs counts": "^",
    "CI upper limit vs counts": "v",
}


def consistency_points(statistics: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """Return one point per checked ratio value: reported vs recomputed, with check and
    verdict (estimates checked against the counts or their CI, CI limits against the counts)."""
    ratios = statistics[statistics["kind"] == "ratio"][["doc_id", "stat_id", "ci_low", "ci_high"]]
    data = checks.merge(ratios, on=["doc_id", "stat_id"], how="inner")
    points = []
    for row in data.itertuples(index=False):
        candidates = []
        if "ci" in row.check.split("_vs_")[0]:
            candidates += [
                ("CI lower limit vs counts", row.ci_low, row.recomputed_low),
                ("CI upper limit vs counts", row.ci_high, row.recomputed_high),
            ]
        elif "midpoint" in row.check:
            candidates.append(
                ("estimate vs centre of its CI", row.reported_value, row.recomputed_value)
            )
        else:
            candidates.append(("estimate vs counts", row.reported_value, row.recomputed_value))
        for kind, reported, recomputed in candidates:
            if pd.notna(reported) and pd.notna(recomputed) and reported > 0 and recomputed > 0:
                points.append(
                    {
                        "doc_id": row.doc_id,
                        "stat_id": row.stat_id,
                        "kind": kind,
                        "reported": float(reported),
                        "recomputed": float(recomputed),
                        "verdict": row.verdict,
                    }
                )
    return pd.DataFrame(
        points, columns=["doc_id", "stat_id", "kind", "reported", "recomputed", "verdict"]
    )


def plot_consistency(statistics: pd.DataFrame, checks: pd.DataFrame, style: str, stem: str) -> list:
    """Every checked ratio: reported against recomputed on log scales, coloured by verdict;
    points off the diagonal are claims the numbers do not support."""
    points = consistency_points(statistics, checks)
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(6.5, 6.0))
        if points.empty:
            ax.text(
                0.5,
                0.5,
                "no ratio could be checked",
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
            ax.set_axis_off()
            return save(fig, stem)
        for kind, marker in CHECK_MARKERS.items():
            for verdict, colour in VERDICT_COLOURS.items():
                chosen = points[(points["kind"] == kind) & (points["verdict"] == verdict)]
                if len(chosen):
                    ax.scatter(
                        chosen["recomputed"],
                        chosen["reported"],
                        marker=marker,
                        s=36,
                        facecolor=colour,
                        edgecolor="white",
                        linewidth=0.5,
                        zorder=3,
                        # thousands of points: drawn as one image inside the SVG, not as paths
                        rasterized=len(points) > RASTER_POINTS,
                    )
        values = pd.concat([points["reported"], points["recomputed"]])
        low, high = float(values.min()) / 1.5, float(values.max()) * 1.5
        ax.plot([low, high], [low, high], color="#999999", lw=0.8, ls="--", zorder=1)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
        ax.set_aspect("equal")
        plain = ticker.FuncFormatter(lambda v, _: f"{v:g}")
        ax.xaxis.set_major_formatter(plain)
        ax.yaxis.set_major_formatter(plain)
        bad = points[points["verdict"] == "inconsistent"].drop_duplicates(["doc_id", "stat_id"])
        for row in bad.head(MAX_ROWS).itertuples(index=False):  # labels for the first MAX_ROWS
            ax.annotate(
                f"{row.doc_id[:12]} #{row.stat_id}",
                (row.recomputed, row.reported),
                xytext=(4, 4),
                textcoords="offset points",
                fontsize=7,
                color=VERDICT_COLOURS["inconsistent"],
            )
        ax.set_xlabel("recomputed from the reported numbers (log scale)")
        ax.set_ylabel("reported (log scale)")
        ax.set_title("Reported vs recomputed ratios and CI limits")
        handles = [
            plt.Line2D([], [], ls="", marker="o", color=c, label=v.replace("_", " "))
            for v, c in VERDICT_COLOURS.items()
        ] + [
            plt.Line2D([], [], ls="", marker=m, color="#777777", label=k)
            for k, m in CHECK_MARKERS.items()
        ]
        ax.legend(handles=handles, loc="upper left", fontsize=7)
        return save(fig, stem)


def _baseline_label(rows: pd.DataFrame, timepoint: str) -> str:
    """Return a time point's axis label; the baseline says which count it is when the arms'
    sizes are not all numbers randomized (e.g. 'baseline (enrolled)')."""
    if timepoint != "randomized" or "population" not in rows.columns:
        return timepoint
    populations = {p.split(" (")[0] for p in rows.loc[rows["timepoint"] == timepoint, "population"]}
    populations.discard("")
    if not populations or populations == {"randomized"}:
        return timepoint
    return "baseline (" + "/".join(sorted(populations)) + ")"


def plot_timeline(rows: pd.DataFrame, title: str, style: str, stem: str | Path) -> list[Path]:
    """Patients per arm of one trial at randomization and each reported time point, with the
    proportion lost and the time points where attrition differs between arms marked."""
    order = (
        rows[["timepoint", "days"]]
        .drop_duplicates("timepoint")
        .assign(sort=lambda d: d["days"].fillna(math.inf))
        .sort_values(["sort", "timepoint"])["timepoint"]
        .tolist()
    )
    x_of = {t: i for i, t in enumerate(order)}
    arms = rows.drop_duplicates("arm")[["arm", "arm_label", "role"]].sort_values(
        ["role", "arm"],
        key=lambda s: s.map({"intervention": 0, "control": 1}) if s.name == "role" else s,
    )
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(max(5.0, 1.8 + 1.6 * len(order)), 3.8))
        colours = iter(ARM_COLOURS)
        top = float(rows["n"].max()) if len(rows) else 1.0
        for arm in arms.itertuples(index=False):
            colour = CONTROL_COLOUR if arm.role == "control" else next(colours, "#000000")
            data = (
                rows[rows["arm"] == arm.arm]
                .assign(x=lambda d: d["timepoint"].map(x_of))
                .sort_values("x")
            )
            ax.plot(data["x"], data["n"], "o", color=colour, ms=5, label=arm.arm_label, zorder=3)
            points = list(zip(data["x"], data["n"], strict=True))
            for (x0, n0), (x1, n1) in itertools.pairwise(points):
                style_ = "-" if x1 - x0 == 1 else ":"
                ax.plot([x0, x1], [n0, n1], style_, color=colour, lw=1.5, zorder=2)
            for point in data.itertuples(index=False):
                text = f"{point.n}"
                if point.timepoint != "randomized" and pd.notna(point.attrition):
                    text += f"\n({point.attrition:.0%} lost)"
                ax.annotate(
                    text,
                    (point.x, point.n),
                    xytext=(6, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7.5,
                    color=colour,
                )
                if point.differential:
                    ax.plot(
                        point.x, point.n, "o", ms=11, mfc="none", mec=FLAG_COLOUR, mew=1.5, zorder=4
                    )
        missing = [
            (x_of[t], arm.arm_label)
            for arm in arms.itertuples(index=False)
            for t in order
            if not ((rows["arm"] == arm.arm) & (rows["timepoint"] == t)).any()
        ]
        for i, (x, label) in enumerate(missing):
            ax.annotate(
                f"{label}: not reported",
                (x, top * (0.04 + 0.07 * (i % 3))),
                ha="center",
                fontsize=7,
                color="#888888",
            )
        flagged = sorted({x_of[t] for t in rows.loc[rows["differential"], "timepoint"]})
        for x in flagged:
            ax.annotate(
                "differential\nattrition",
                (x, top * 1.12),
                ha="center",
                va="bottom",
                fontsize=7.5,
                color=FLAG_COLOUR,
            )
        ax.set_xticks(range(len(order)), [_baseline_label(rows, t) for t in order])
        ax.set_xlim(-0.4, len(order) - 0.2)
        ax.set_ylim(0, top * 1.35)
        ax.set_ylabel("patients")
        ax.set_title(_short(title, 90))
        ax.legend(loc="lower left", fontsize=7.5)
        return save(fig, stem)
