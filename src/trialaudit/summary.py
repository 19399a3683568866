"""The summary a reader opens first: the claims that do not add up, the trials behind the
documents, what happened to their patients, and what the pooled evidence says. Written as
Markdown (results/summary.md) and as HTML for the Snakemake report, from one outline."""

from __future__ import annotations

import html
import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from . import tables
from .judgement import LAST_DIGIT_FLAG, last_digit_remark
from .schemas import VERDICTS

# Lists in summary.md stop here for big corpora; the tables in results/tables/ hold every row.
MAX_LISTED = 200
CHECK_LABELS = {
    "percent_vs_count": "percentage vs its count",
    "percent_ci_vs_size": "CI of a percentage vs its count and n",
    "ratio_vs_counts": "estimate vs the counts",
    "ci_vs_counts": "CI vs the counts",
    "ratio_vs_ci_midpoint": "estimate vs the centre of its CI (log scale)",
    "difference_vs_ci_midpoint": "difference vs the centre of its CI",
    "p_vs_ci": "p-value vs its CI",
    "p_vs_counts": "p-value vs the counts",
    "p_vs_se": "p-value vs its estimate and standard error",
    "test_vs_se": "t or z vs its estimate over its standard error",
    "ci_vs_se": "CI vs its estimate and standard error",
    "test_vs_paired_difference": "paired t vs the mean difference within patients and its SD",
    "difference_vs_counts": "difference vs the counts",
    "difference_vs_percentages": "difference in points vs the two arms' percentages",
    "ratio_vs_percentages": "odds or risk ratio vs the two arms' percentages",
    "p_vs_percentages": "p-value vs the counts the percentages and arm sizes give",
    "ci_vs_percentages": "CI vs the counts the percentages and arm sizes give",
    "percent_granularity": "percentage vs every count it could come from",
    "denominator_from_p": "p-value vs the arm sizes it implies",
    "denominator_vs_randomized": "analysed vs randomized arm sizes",
    "total_vs_arm_sizes": "total vs the arm sizes",
    "p_vs_test": "p-value vs its test statistic",
    "test_vs_counts": "chi-square statistic vs the counts",
    "test_vs_percentages": "chi-square statistic vs the counts the percentages and arm sizes give",
    "p_vs_summaries": "p-value vs the group summaries",
    "test_vs_summaries": "t (or F of 1 df, or a folded F) vs the two arms' means and SDs",
    "difference_vs_summaries": "mean difference vs the two arms' means",
    "difference_ci_vs_summaries": "CI of a mean difference vs the two arms' means, SDs and sizes",
    "difference_ci_vs_arm_cis": "CI of a mean difference vs the two arms' own CIs",
    "smd_vs_summaries": "standardized mean difference vs the two arms' means and SDs",
    "smd_vs_test": "standardized mean difference vs its t and the arm sizes",
    "smd_ci_vs_sizes": "CI of a standardized mean difference vs its estimate and the arm sizes",
    "effect_size_vs_test": "eta squared vs its F (or t) and degrees of freedom",
    "nnt_vs_counts": "number needed to treat vs the counts",
    "nnt_ci_vs_counts": "CI of the number needed to treat vs the counts",
    "nnt_vs_difference": "number needed to treat vs its risk difference",
    "nnt_vs_percentages": "number needed to treat vs the two arms' percentages",
    "nnt_ci_vs_difference": "CI of a number needed to treat vs the difference's CI",
    "ratio_vs_rates": "rate ratio vs the event rates",
    "ratio_vs_events": "rate ratio vs the events and person-time",
    "ci_vs_events": "CI of a rate ratio vs the events and person-time",
    "rate_vs_events": "rate vs its events and person-time",
    "efficacy_vs_events": "vaccine efficacy vs the events and person-time",
    "efficacy_ci_vs_events": "CI of a vaccine efficacy vs the events and person-time",
    "efficacy_vs_counts": "vaccine efficacy vs the cases and people of each arm",
    "efficacy_ci_vs_counts": "CI of a vaccine efficacy vs the cases and people of each arm",
    "efficacy_vs_percentages": "relative risk reduction or efficacy vs the arms' percentages",
    "efficacy_ci_vs_percentages": "CI of a relative risk reduction vs the arms' percentages",
    "ratio_vs_geometric_means": "geometric mean ratio vs the arms' geometric means",
    "difference_vs_changes": "between-group difference vs the arms' baseline and follow-up means",
    "efficacy_vs_ratio": "vaccine efficacy or relative risk reduction vs the ratio",
    "efficacy_ci_vs_ratio_ci": "CI of an efficacy or relative risk reduction vs the ratio's CI",
    "absolute_risk_vs_ratio": "risk per 1000 vs the comparator's risk and the ratio",
    "absolute_risk_ci_vs_ratio_ci": "CI of a risk per 1000 vs the ratio's CI",
    "absolute_difference_vs_ratio": "difference per 1000 vs the comparator's risk and the ratio",
    "absolute_difference_ci_vs_ratio_ci": "CI of a difference per 1000 vs the ratio's CI",
}
MAX_TABLE_ROWS = 500


@dataclass
class Outline:
    """Blocks of a document: ("h", level, text), ("p", text), ("ul", items), ("quote", text),
    ("table", header, rows, align). Text may hold **bold** and `code`."""

    blocks: list[tuple] = field(default_factory=list)

    def heading(self, text: str, level: int = 2) -> None:
        self.blocks.append(("h", level, text))

    def para(self, text: str) -> None:
        self.blocks.append(("p", text))

    def items(self, items: list[str | tuple[str, str]]) -> None:
        """Bullets; a (text, quote) item has the quote beneath it."""
        self.blocks.append(("ul", items))

    def table(self, header: list[str], rows: list[list[str]], align: str = "") -> None:
        """A table; ``align`` has one letter per column, l or r (default l)."""
        self.blocks.append(("table", header, rows, align or "l" * len(header)))


def _md_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(outline: Outline) -> str:
    """Return the outline as Markdown."""
    lines: list[str] = []
    for block in outline.blocks:
        kind = block[0]
        if kind == "h":
            lines += ["#" * block[1] + " " + block[2], ""]
        elif kind == "p":
            lines += [block[1], ""]
        elif kind == "ul":
            for item in block[1]:
                text, quote = item if isinstance(item, tuple) else (item, "")
                lines.append(f"- {text}")
                if quote:
                    lines.append(f"  > {quote}")
            lines.append("")
        elif kind == "table":
            _, header, rows, align = block
            lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
            lines.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _inline_html(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"`([^`]*)`", r"<code>\1</code>", escaped)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)


STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;line-height:1.45;"
    "max-width:70em;margin:1em auto;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.2em}"
    "th,td{border-bottom:1px solid #ddd;padding:.25em .6em;vertical-align:top}"
    "th{background:#f3f3f3;text-align:left}td.r,th.r{text-align:right}"
    "blockquote{margin:.2em 0 .6em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#444}"
    "code{background:#f5f5f5;padding:0 .2em}"
)


def to_html(outline: Outline, title: str) -> str:
    """Return the outline as a self-contained HTML page (no scripts, no dates)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>",
    ]
    for block in outline.blocks:
        kind = block[0]
        if kind == "h":
            parts.append(f"<h{block[1]}>{_inline_html(block[2])}</h{block[1]}>")
        elif kind == "p":
            parts.append(f"<p>{_inline_html(block[1])}</p>")
        elif kind == "ul":
            parts.append("<ul>")
            for item in block[1]:
                text, quote = item if isinstance(item, tuple) else (item, "")
                quoted = f"<blockquote>{_inline_html(quote)}</blockquote>" if quote else ""
                parts.append(f"<li>{_inline_html(text)}{quoted}</li>")
            parts.append("</ul>")
        elif kind == "table":
            _, header, rows, align = block
            parts.append("<table><thead><tr>")
            parts += [
                f'<th class="{a}">{_inline_html(str(h))}</th>'
                for h, a in zip(header, align, strict=True)
            ]
            parts.append("</tr></thead><tbody>")
            for row in rows:
                cells = "".join(
                    f'<td class="{a}">{_inline_html(str(c))}</td>'
                    for c, a in zip(row, align, strict=True)
                )
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def table_page(df: pd.DataFrame, title: str, description: str, total: int | None = None) -> str:
    """Return a table as an HTML page for the report (at most MAX_TABLE_ROWS rows); ``df`` may
    be the start of a table of ``total`` rows."""
    outline = Outline()
    outline.heading(title, 1)
    outline.para(description)
    shown = df.head(MAX_TABLE_ROWS)
    total = len(df) if total is None else total
    if total > len(shown):
        outline.para(f"First {len(shown)} of {total} rows; the CSV has them all.")
    align = "".join("r" if pd.api.types.is_numeric_dtype(df[c]) else "l" for c in df.columns)
    rows = [[_value(v) for v in row] for row in shown.itertuples(index=False)]
    outline.table(list(df.columns), rows, align)
    return to_html(outline, title)


def _value(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def per_document(documents: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """Return one row per file: status, statistics found and checks by verdict."""
    counts = (
        checks.groupby(["doc_id", "verdict"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=VERDICTS, fill_value=0)
    )
    table = documents[["doc_id", "file_name", "status", "n_statistics"]].merge(
        counts, left_on="doc_id", right_index=True, how="left"
    )
    for verdict in VERDICTS:
        table[verdict] = table[verdict].fillna(0).astype(int)
    return table.sort_values("file_name").reset_index(drop=True)


def _sentences(
    statistics: pd.DataFrame, doc_ids: set[str] | None = None
) -> dict[tuple[str, int], tuple[int, int]]:
    """Return (doc_id, stat_id) -> (sentence_start, sentence_end), built once per render (of
    the statistics of ``doc_ids`` only, if given)."""
    if doc_ids is not None:
        statistics = statistics[statistics["doc_id"].isin(doc_ids)]
    keys = zip(statistics["doc_id"], statistics["stat_id"].astype(int), strict=True)
    bounds = zip(statistics["sentence_start"], statistics["sentence_end"], strict=True)
    return {k: (int(a), int(b)) for k, (a, b) in zip(keys, bounds, strict=True)}


def _sentence(texts: dict[str, str], sentences: dict, doc_id: str, stat_id: int) -> str:
    bounds = sentences.get((doc_id, int(stat_id)))
    if bounds is None or doc_id not in texts:
        return ""
    return " ".join(texts[doc_id][bounds[0] : bounds[1]].split())


def _more(outline: Outline, total: int, where: str) -> None:
    """Say how many rows a capped list left out, if any."""
    if total > MAX_LISTED:
        outline.para(f"... and {total - MAX_LISTED} more: see {where}.")


def _num(value: float, digits: int = 2) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:.{digits}f}"


def _p(value: float) -> str:
    if value is None or pd.isna(value):
        return "–"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


@dataclass
class Evidence:
    """The synthesis tables the summary reports (empty frames when a stage found nothing)."""

    trials: pd.DataFrame
    timeline: pd.DataFrame
    meta: pd.DataFrame
    inputs: pd.DataFrame
    groups: pd.DataFrame


def _findings(outline, checks, statistics, texts) -> None:
    bad = checks[checks["verdict"] == "inconsistent"].sort_values(["doc_id", "span_start"])
    outline.heading("What does not add up")
    if bad.empty:
        outline.para("Every checkable claim is consistent with a standard method.")
        return
    n_claims = bad[["doc_id", "stat_id"]].drop_duplicates().shape[0]
    n_slips = int(bad["flag"].str.contains(LAST_DIGIT_FLAG, regex=False).sum())
    slips = (
        f" ({n_slips} of the {len(bad)} failed checks are off by one unit of the last printed "
        "digit only, flag `last_digit`)"
        if n_slips
        else ""
    )
    outline.para(
        f"{n_claims} reported claim{'s' if n_claims != 1 else ''} in "
        f"{bad['doc_id'].nunique()} document{'s' if bad['doc_id'].nunique() != 1 else ''} "
        f"cannot be reproduced from the numbers reported beside them{slips}:"
    )
    items = []
    listed = list(itertools.islice(bad.groupby(["doc_id", "stat_id"], sort=False), MAX_LISTED))
    sentences = _sentences(statistics, {doc_id for (doc_id, _), _ in listed})
    for (doc_id, stat_id), group in listed:
        first = group.iloc[0]
        reasons = []
        for row in group.itertuples(index=False):
            label = CHECK_LABELS.get(row.check, row.check.replace("_", " "))
            note = f"; {row.note}" if row.note else ""
            decision = (
                " **Changes the significance decision.**" if row.decision_error is True else ""
            )
            reasons.append(
                f"{label}: reported `{row.reported}`, recomputed `{row.recomputed}` "
                f"({row.method}{note}).{decision}{last_digit_remark(row.flag)}"
            )
        items.append(
            (
                f"**{doc_id}** `{first.source_text}` (characters {first.span_start}-"
                f"{first.span_end}): " + " ".join(reasons),
                _sentence(texts, sentences, doc_id, int(stat_id)),
            )
        )
    outline.items(items)
    _more(outline, n_claims, "results/tables/checks.csv (verdict inconsistent)")


def _trials(outline, ev: Evidence) -> None:
    outline.heading("Trials behind the documents")
    trials = ev.trials
    if trials.empty:
        outline.para("No study was found in the documents.")
        return
    several = trials[trials["relation"] == "reports"].groupby("trial_id")["doc_id"].nunique()
    outline.para(
        f"{trials['trial_id'].nunique()} trials; {int((several > 1).sum())} reported in more "
        "than one document. Links by registration ID first; otherwise by shared numbers (arm "
        "sizes, totals) together with design, dose, title or authors "
        "(`results/tables/trials.csv`, spans in `trial_evidence.csv`)."
    )
    rows = []
    for row in trials.head(MAX_LISTED).itertuples(index=False):
        how = row.linked_by
        if row.linked_to_doc_id:
            how += f" to {row.linked_to_doc_id}"
        rows.append(
            [row.trial_id, f"{row.doc_id} ({row.study_id})", row.relation, how, row.evidence]
        )
    outline.table(["trial", "document (study)", "relation", "linked by", "evidence"], rows)
    _more(outline, len(trials), "results/tables/trials.csv")


def _timeline(outline, ev: Evidence) -> None:
    outline.heading("Follow-up and attrition")
    timeline = ev.timeline
    if timeline.empty:
        outline.para("No arm sizes were reported, so no follow-up timeline could be built.")
        return
    flagged = timeline[(timeline["flags"] != "") & (timeline["role"] != "control")]
    items = []
    for row in flagged.head(MAX_LISTED).itertuples(index=False):
        items.append(
            f"**{row.trial_id}**, {row.arm_label} at {row.timepoint}: {row.n} of "
            f"{row.randomized} randomized assessed; {row.flags} "
            f"(Fisher exact p for lost vs retained = {_p(row.attrition_p)}; from {row.doc_id}, "
            f"`{row.source_text}`)"
        )
    if items:
        outline.items(items)
        _more(outline, len(flagged), "results/tables/timeline.csv (column flags)")
    rows = []
    trial_ids = sorted(set(timeline["trial_id"]))
    shown = timeline[timeline["trial_id"].isin(set(trial_ids[:MAX_LISTED]))]
    columns = ["trial_id", "arm", "arm_label", "timepoint", "n", "attrition"]
    by_trial: dict[str, list[dict]] = defaultdict(list)
    for row in tables.records(shown[columns]):
        by_trial[row["trial_id"]].append(row)
    for trial_id in sorted(by_trial):
        group = by_trial[trial_id]
        labels: dict[str, str] = {}  # each arm's first label, arms in order of appearance
        at_time: dict[str, dict[str, dict]] = {}  # time point -> arm -> its first row
        for r in group:
            labels.setdefault(r["arm"], r["arm_label"])
            at_time.setdefault(r["timepoint"], {}).setdefault(r["arm"], r)
        for timepoint, at in at_time.items():
            cells = []
            for arm, label in labels.items():
                r = at.get(arm)
                if r is None:
                    cells.append(f"{label}: not reported")
                    continue
                lost = (
                    ""
                    if pd.isna(r["attrition"]) or timepoint == "randomized"
                    else (f" ({r['attrition']:.1%} lost)")
                )
                cells.append(f"{label}: {r['n']}{lost}")
            rows.append([trial_id, timepoint, "; ".join(cells)])
    outline.table(["trial", "time point", "patients per arm"], rows)
    if len(trial_ids) > MAX_LISTED:
        outline.para(
            f"... and {len(trial_ids) - MAX_LISTED} more trials: see results/tables/timeline.csv."
        )


def _pooled(outline, ev: Evidence) -> None:
    outline.heading("Pooled evidence")
    meta, inputs = ev.meta, ev.inputs
    single = sorted(set(inputs.loc[inputs["used"], "outcome"]) - set(meta["outcome"]))
    if meta.empty:
        outline.para("No outcome is reported with 2x2 counts by two or more independent trials.")
    else:
        rows = []
        for (outcome, measure), group in meta.groupby(["outcome", "measure"], sort=True):
            random = group[(group["model"] == "random") & (group["test"] == "z")]
            random = (
                random[random["method"] == "REML"] if "REML" in set(random["method"]) else random
            )
            hksj = group[(group["test"] == "knha")]
            mh = group[group["method"] == "MH"]
            digits = 3 if measure == "RD" else 2

            def ci(df, lo="ci_low", hi="ci_high", est=True, digits=digits) -> str:
                if df.empty or pd.isna(df.iloc[0][lo]):
                    return "–"
                r = df.iloc[0]
                head = f"{_num(r['estimate'], digits)} " if est else ""
                return f"{head}[{_num(r[lo], digits)}, {_num(r[hi], digits)}]"

            r = random.iloc[0] if len(random) else None
            hksj = hksj[hksj["method"] == r["method"]] if r is not None else hksj.iloc[0:0]
            rows.append(
                [
                    outcome,
                    measure,
                    str(int(group["k"].iloc[0])),
                    f"{ci(random)} ({r['method']})" if r is not None else "–",
                    ci(hksj, est=False),
                    ci(random, "pi_low", "pi_high", est=False),
                    _num(r["tau2"], 3) if r is not None else "–",
                    f"{_num(r['i2'], 1)}%" if r is not None else "–",
                    f"{_num(r['q'], 2)} ({_p(r['q_p'])})" if r is not None else "–",
                    ci(mh),
                ]
            )
        outline.table(
            ["outcome", "measure", "trials", "random effects [95% CI]", "HKSJ CI",
             "prediction interval", "τ²", "I²", "Q (p)", "Mantel-Haenszel [95% CI]"],
            rows,
            "llrlllrrll",
        )  # fmt: skip
    if single:
        outline.para(
            "Reported by a single trial (shown in its forest plot, not pooled): "
            + ", ".join(single)
            + "."
        )
    outline.para(
        "Methods: random effects with REML and DerSimonian-Laird τ² (Paule-Mandel on request), "
        "z-based CIs and the Hartung-Knapp-Sidik-Jonkman adjustment, prediction interval as "
        "metafor's predict(); common effect by Mantel-Haenszel. One 2x2 table per trial "
        "(latest time point; arms sharing a control combined). 1/2 is added to every cell of a "
        "study with a zero cell in the inverse-variance models, none in Mantel-Haenszel "
        "(metafor's defaults). All of it reproduces R's metafor to at least 4 significant digits "
        "(tests/test_meta.py). Studies and reasons: `results/tables/meta_inputs.csv`."
    )


def _groups(outline, ev: Evidence) -> None:
    groups = ev.groups
    merged = groups[
        (groups["outcome_key"] != "")
        & (
            (groups["decided_by"] != "wording")
            & ((groups["normalized"] != groups["outcome_key"].str.replace("_", " "))
               | groups["inverted"] | (groups["decided_by"] == "mapping file"))
        )
    ]  # fmt: skip
    outline.heading("Outcome wordings")
    outline.para(
        f"{len(groups)} wordings in {groups['outcome_key'].nunique()} outcome groups "
        "(`results/tables/outcome_groups.csv`); your decisions go in the file named by config "
        "`outcomes.map_file`."
    )
    if len(merged):
        outline.table(
            ["wording", "outcome", "inverted", "decided by"],
            [
                [r.wording, r.outcome_key, "yes" if r.inverted else "", r.decided_by]
                for r in merged.head(MAX_LISTED).itertuples(index=False)
            ],
        )
        _more(outline, len(merged), "results/tables/outcome_groups.csv")


def outline(
    documents: pd.DataFrame,
    statistics: pd.DataFrame,
    checks: pd.DataFrame,
    texts: dict[str, str],
    evidence: Evidence,
) -> Outline:
    """Return the summary outline: findings first, then trials, follow-up, pooled evidence,
    outcome wordings and the per-document table."""
    out = Outline()
    out.heading("Audit of reported statistics and the evidence they add up to", 1)
    n_ok = int((documents["status"] == "ok").sum())
    verdicts = checks["verdict"].value_counts()
    out.para(
        f"{len(documents)} files: {n_ok} read, "
        f"{int((documents['status'] == 'quarantined').sum())} quarantined, "
        f"{int((documents['status'] == 'excluded').sum())} excluded. "
        f"{len(statistics)} statistics extracted; {len(checks)} checks: "
        + ", ".join(f"{int(verdicts.get(v, 0))} {v.replace('_', ' ')}" for v in VERDICTS)
        + f". {evidence.trials['trial_id'].nunique()} trials; "
        f"{evidence.meta['outcome'].nunique()} outcomes pooled."
    )
    _findings(out, checks, statistics, texts)
    _trials(out, evidence)
    _timeline(out, evidence)
    _pooled(out, evidence)
    _groups(out, evidence)
    out.heading("Per document")
    table = per_document(documents, checks)
    out.table(
        ["document", "status", "statistics", "consistent", "inconsistent", "not checkable"],
        [
            [r.file_name, r.status, r.n_statistics, r.consistent, r.inconsistent, r.not_checkable]
            for r in table.head(MAX_LISTED).itertuples(index=False)
        ],
        "llrrrr",
    )
    _more(out, len(table), "results/tables/summary.csv")
    quarantined = documents[documents["status"] == "quarantined"]
    if len(quarantined):
        out.heading("Quarantined files")
        out.items([f"{r.file_name}: {r.reason}" for r in quarantined.head(MAX_LISTED).itertuples()])
        _more(out, len(quarantined), "results/tables/quarantine.csv")
    out.para(
        "Tables: `results/tables/` (statistics.csv, checks.csv, trials.csv, timeline.csv, "
        "meta_analysis.csv, ...). Every row carries the document's id and the character span "
        "of the text it came from. Figures: `results/figures/`."
    )
    return out


def render(
    documents: pd.DataFrame,
    statistics: pd.DataFrame,
    checks: pd.DataFrame,
    texts: dict[str, str],
    evidence: Evidence,
) -> str:
    """Return the Markdown summary: findings first."""
    return to_markdown(outline(documents, statistics, checks, texts, evidence))
