"""Extract the statistics a document reports, each with its exact span in the decoded text,
and the studies, arms, comparisons and facts they belong to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import arms as arm_sizes
from . import comparisons, context, facts, grammar, masks, studies
from .normalize import normalize
from .numbers import p_value_of, value_of, word_value
from .spans import Candidate, resolve

RATIO_MEASURES = {
    "or": "OR",
    "aor": "OR",
    "ador": "OR",
    "rr": "RR",
    "arr": "RR",
    "adrr": "RR",
    "hr": "HR",
    "ahr": "HR",
    "adhr": "HR",
    "shr": "HR",
    "cshr": "HR",
    "irr": "IRR",
    "airr": "IRR",
    "odds ratio": "OR",
    "risk ratio": "RR",
    "relative risk": "RR",
    "hazard ratio": "HR",
    "rate ratio": "IRR",
    "relative rate": "IRR",
    "incidence rate ratio": "IRR",
}
DIFFERENCE_MEASURES = {
    "MD": "mean difference",
    "WMD": "mean difference",
    "SMD": "standardized mean difference",
    "RD": "risk difference",
    "ARD": "risk difference",
    "ARR": "risk difference",
    "ARI": "risk difference",
}
RESULT_KINDS = {"count", "percentage", "ratio", "difference", "median", "mean", "p_value", "test"}
_LINKABLE = {"ratio", "difference", "test"}
_LINK_GAP = re.compile(r"^[\s,;:()\[\]]{0,6}(?:(?:two|one)[-\s](?:sided|tailed)\s?)?$")
_BELOW = re.compile(
    r"(?i)(?:[<>\u2264\u2265]|more\sthan|less\sthan|fewer\sthan|at\sleast|at\smost|over|above"
    r"|below|under|up\sto|by|exceeding|reduction\sof|increase\sof|threshold\sof|cut-?off\sof)\s?$"
)
_OR_LOWER = re.compile(r"^\s?or\s(?:lower|higher|less|more|greater|above|below)")
_CI_WORD_AFTER = re.compile(r"^\s?(?:CI|C\.I\.|CrI|(?i:confidence|credible))")
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|months|year|years|phase|version|step|stage|cycle"
    r"|dose|part|page|table|figure|fig\.|item|question|chapter|grade|level|visit|lines?)\s$"
)
_BRACKET_CONTEXT = re.compile(
    r"(?i)\b(?:table|figure|fig\.|supplementary|appendix|refs?\.?|references?|studies|trials"
    r"|study|trial|version|eq\.?|equation)\s?$"
)
_MEAN_OR_MEDIAN = re.compile(r"(?i)\b(?P<word>median|mean|average)\b")
_SE_NEAR = re.compile(r"(?i)\b(?:SEM?|standard\serror)\b")
_HEART_RATE_UNIT = re.compile(r"(?i)^\s?(?:bpm|beats|breaths|/\s?min|per\smin|mm\s?Hg|times)")
_PEOPLE_AFTER = re.compile(rf"(?i)^\s{grammar._PEOPLE}\b")


@dataclass
class Extraction:
    """Everything extracted from one document, as lists of table rows."""

    statistics: list[dict[str, Any]]
    comparisons: list[dict[str, Any]]
    arms: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    studies: list[dict[str, Any]]


def _measure(match: re.Match) -> str:
    raw = (match.group("abbr2") or match.group("abbr") or match.group("name") or "").lower()
    raw = re.sub(r"\s+", " ", raw)
    raw = re.sub(
        r"^(?:(?:adjusted|unadjusted|crude|pooled|summary|overall|subdistribution|cause-specific)"
        r"\s)+",
        "",
        raw,
    )
    raw = raw.removeprefix("adj") if raw.startswith("adj") and " " not in raw else raw
    if raw.endswith("s") and raw[:-1] in RATIO_MEASURES:
        raw = raw[:-1]
    if raw.endswith("ratios"):
        raw = raw[:-1]
    if raw.startswith("relative") and raw.endswith("s"):
        raw = raw[:-1]
    return RATIO_MEASURES.get(raw, raw.upper())


def _ci_fields(match: re.Match) -> dict[str, Any]:
    groups = match.groupdict()
    if groups.get("lo"):
        level = groups.get("level") or groups.get("level2")
        return {
            "ci_low_text": groups["lo"],
            "ci_high_text": groups["hi"],
            "ci_level": float(level) / 100 if level else None,
        }
    if groups.get("bare_lo"):
        return {
            "ci_low_text": groups["bare_lo"],
            "ci_high_text": groups["bare_hi"],
            "ci_level": None,
        }
    return {}


def _before(norm: str, start: int, width: int = 40) -> str:
    return norm[max(0, start - width) : start]


def _tests(norm: str) -> list[Candidate]:
    found = []
    for m in grammar.TEST.finditer(norm):
        test = m.group("test")
        if m.group("chi"):
            letter = "chi2"
        elif m.group("h_df"):
            letter = "h"
        else:
            letter = test[0].lower()
        df1 = next(
            (m.group(g) for g in ("t_df", "f_df1", "chi_df", "r_df", "q_df", "h_df") if m.group(g)),
            None,
        )
        found.append(
            Candidate(
                "test",
                m.start(),
                m.end(),
                {
                    "test_type": letter,
                    "df1": float(df1) if df1 else None,
                    "df2": float(m.group("f_df2")) if m.group("f_df2") else None,
                    "value_text": m.group("stat"),
                    "comparator": m.group("cmp"),
                },
            )
        )
    return found


def _ratios(norm: str) -> list[Candidate]:
    found = []
    for m in grammar.RATIO.finditer(norm):
        measure = _measure(m)
        abbreviated = bool(m.group("abbr")) and not m.group("name")
        # "HR 88 bpm" is a heart rate and "RR 30" a respiratory rate: without a CI an
        # abbreviated ratio needs decimals and no unit of a vital sign.
        if (
            abbreviated
            and not m.group("ci")
            and measure in {"HR", "RR"}
            and ("." not in m.group("est") or _HEART_RATE_UNIT.match(norm, m.end()))
        ):
            continue
        found.append(
            Candidate(
                "ratio",
                m.start(),
                m.end(),
                {"measure": measure, "value_text": m.group("est"), **_ci_fields(m)},
            )
        )
    return found


def _differences(norm: str) -> list[Candidate]:
    found = []
    for m in grammar.DIFFERENCE.finditer(norm):
        if not m.group("ci") and (not m.group("sep") or m.group("dabbr")):
            continue
        if m.group("dabbr"):
            measure = DIFFERENCE_MEASURES[m.group("dabbr")]
        elif m.group("arr"):
            measure = "risk difference"
        else:
            label = re.sub(r"\s+", " ", m.group("label").lower())
            head = label.split(" difference")[0]
            measure = "difference"
            if "median" in head:
                measure = "median difference"
            elif "standardi" in head:
                measure = "standardized mean difference"
            elif "mean" in head or "least" in head or head.startswith("ls"):
                measure = "mean difference"
            elif "risk" in head or "proportion" in head:
                measure = "risk difference"
        unit = (m.group("unit") or "").strip()
        if measure == "difference" and re.match(r"(?i)percentage|pp", unit):
            measure = "risk difference"
        found.append(
            Candidate(
                "difference",
                m.start(),
                m.end(),
                {"measure": measure, "value_text": m.group("est"), "unit": unit, **_ci_fields(m)},
            )
        )
    return found


def _p_values(norm: str) -> list[Candidate]:
    found = []
    for m in grammar.P_VALUE.finditer(norm):
        found.append(
            Candidate(
                "p_value",
                m.start(),
                m.end(),
                {"value_text": m.group("p"), "comparator": m.group("cmp") or "="},
            )
        )
    for m in grammar.NOT_SIGNIFICANT.finditer(norm):
        if not m.group("label"):
            before = norm[max(0, m.start() - 20) : m.start()].rstrip()
            if not before.endswith(("(", ";", ",", "[")) or not re.search(r"[\d%)]", before):
                continue
        found.append(
            Candidate(
                "p_value",
                m.start(),
                m.end(),
                {"value_text": m.group("ns"), "comparator": ">", "not_significant": True},
            )
        )
    return found


def _count(m: re.Match, kind: str = "count", **extra: Any) -> Candidate:
    groups = m.groupdict()
    numerator = word_value(groups["x"]) if groups.get("x") else None
    denominator = word_value(groups["n"]) if groups.get("n") else None
    fields = {
        "numerator": numerator,
        "denominator": denominator,
        "value_text": groups.get("x"),
        "percent_text": groups.get("pct"),
        **extra,
    }
    return Candidate(kind, m.start(), m.end(), fields)


def _explicit_counts(norm: str) -> list[Candidate]:
    """Counts printed with their denominator or their percentage."""
    found = []
    for pattern in (grammar.PERCENT_COUNT, grammar.COUNT_PERCENT, grammar.PERCENT_N):
        for m in pattern.finditer(norm):
            found.append(_count(m))
    for m in grammar.COUNT_OF.finditer(norm):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is None or n is None or x > n or n == 0:
            continue
        if _NOT_A_COUNT_BEFORE.search(_before(norm, m.start(), 12)):
            continue
        found.append(_count(m))
    for m in grammar.FRACTION.finditer(norm):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is None or n is None or x > n or n == 0:
            continue
        if n <= 4 and re.match(r"\s?of\b", norm[m.end() : m.end() + 4]):
            continue
        if _NOT_A_COUNT_BEFORE.search(_before(norm, m.start(), 12)):
            continue
        found.append(_count(m))
    return found


def _loose_counts(norm: str) -> list[Candidate]:
    """Counts whose denominator is given elsewhere: "23 (46.9%)", "three patients in the MSC
    group", "none in the placebo group"."""
    found = []
    for m in grammar.N_PERCENT.finditer(norm):
        x = word_value(m.group("x"))
        pct = value_of(m.group("pct"))
        if x is None or pct is None or pct > 100:
            continue
        if 1900 <= x <= 2100 and not m.group(0)[len(m.group("x")) :].strip().startswith(("p", "P")):
            continue
        if _BELOW.search(_before(norm, m.start(), 16)):
            continue
        found.append(_count(m))
    for m in grammar.COUNT_IN_GROUP.finditer(norm):
        value = word_value(m.group("xw"))
        if value is None:
            continue
        found.append(
            Candidate(
                "count",
                m.start("xw"),
                m.end("xw"),
                {
                    "numerator": value,
                    "value_text": m.group("xw"),
                    "arm": context.clean_arm(m.group("arm")),
                },
            )
        )
    return found


def _summary_fields(m: re.Match, stat: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"value_text": m.group("center"), "unit": (m.group("unit") or "")}
    header = (m.group("header") or "").upper()
    if m.group("pm"):
        fields.update(spread_kind="sd", spread_low_text=m.group("pm"))
        if "SE" in header:
            fields["spread_kind"] = "se"
    elif m.group("q1"):
        word = (m.group("skind") or header or "").upper()
        kind = "iqr_or_range"
        if "IQR" in word or "INTERQUARTILE" in word or "Q1" in word:
            kind = "iqr"
        elif "RANGE" in word:
            kind = "range"
        elif "CI" in word:
            kind = "ci"
        if kind == "ci":
            fields.update(ci_low_text=m.group("q1"), ci_high_text=m.group("q3"))
            level = re.search(r"(\d{2})\s?%", word)
            fields["ci_level"] = float(level.group(1)) / 100 if level else None
        fields.update(
            spread_kind=kind, spread_low_text=m.group("q1"), spread_high_text=m.group("q3")
        )
    elif m.group("sd"):
        word = (m.group("sd_word") or header).upper()
        if "SD" in word or "SE" in word or stat == "mean":
            fields.update(spread_kind="se" if "SE" in word else "sd", spread_low_text=m.group("sd"))
    elif m.group("r1"):
        word = m.group("iqr_word").upper()
        fields.update(
            spread_kind="range" if word == "RANGE" else "iqr",
            spread_low_text=m.group("r1"),
            spread_high_text=m.group("r2"),
        )
    return fields


def _summaries(norm: str) -> list[Candidate]:
    """Medians and means, labelled or recognisable by their spread."""
    found = []
    for m in grammar.SUMMARY_LABEL.finditer(norm):
        stat = "median" if m.group("stat").lower() == "median" else "mean"
        if _PEOPLE_AFTER.match(norm, m.end("center")):
            continue
        fields = _summary_fields(m, stat)
        if not _within(fields):
            continue
        found.append(Candidate(stat, m.start(), m.end(), fields))
    for m in grammar.APA_MEAN.finditer(norm):
        kind = "se" if m.group("sd_word") == "SE" else "sd"
        found.append(
            Candidate(
                "mean",
                m.start(),
                m.end(),
                {
                    "value_text": m.group("mean"),
                    "spread_kind": kind,
                    "spread_low_text": m.group("sd"),
                },
            )
        )
    for m in grammar.MEAN_SD.finditer(norm):
        sentence_window = norm[max(0, m.start() - 120) : m.end() + 40]
        kind = "se" if _SE_NEAR.search(sentence_window) and "SD" not in sentence_window else "sd"
        found.append(
            Candidate(
                "mean",
                m.start(),
                m.end(),
                {
                    "value_text": m.group("mean"),
                    "unit": (m.group("unit") or m.group("sd_unit") or "").strip(),
                    "spread_kind": kind,
                    "spread_low_text": m.group("sd"),
                },
            )
        )
    for m in grammar.MEDIAN_SPREAD.finditer(norm):
        if _BRACKET_CONTEXT.search(_before(norm, m.start(), 16)):
            continue
        word = (m.group("skind") or "").upper()
        fields: dict[str, Any] = {
            "value_text": m.group("center"),
            "unit": (m.group("unit") or "").strip(),
            "spread_low_text": m.group("q1"),
            "spread_high_text": m.group("q3"),
            "spread_kind": "iqr_or_range",
        }
        if "IQR" in word or "INTERQUARTILE" in word or "Q1" in word:
            fields["spread_kind"] = "iqr"
        elif "RANGE" in word:
            fields["spread_kind"] = "range"
        elif "CI" in word:
            fields.update(spread_kind="ci", ci_low_text=m.group("q1"), ci_high_text=m.group("q3"))
        elif word in {"SD", "SE", "SEM"}:
            continue
        if not _within(fields):
            continue
        label = None
        for label_match in _MEAN_OR_MEDIAN.finditer(norm, max(0, m.start() - 160), m.start()):
            label = label_match.group("word").lower()
        kind = "mean" if label in {"mean", "average"} else "median"
        found.append(Candidate(kind, m.start(), m.end(), fields))
    return found


def _within(fields: dict[str, Any]) -> bool:
    """Return True unless a centre lies outside the interval printed with it."""
    centre = value_of(fields.get("value_text"))
    low, high = value_of(fields.get("spread_low_text")), value_of(fields.get("spread_high_text"))
    if centre is None:
        return False
    if low is None or high is None or fields.get("spread_kind") in {"sd", "se"}:
        return True
    return low <= high and low <= centre <= high


def _percentages(norm: str) -> list[Candidate]:
    found = []
    for m in grammar.PERCENT_PAIR.finditer(norm):
        if _BELOW.search(_before(norm, m.start(), 16)):
            continue
        median = re.search(r"(?i)\bmedian\b", _before(norm, m.start(), 60))
        for name in ("a", "b"):
            end = norm.index("%", m.end(name)) + 1
            found.append(
                Candidate(
                    "percentage",
                    m.start(name),
                    end,
                    {
                        "value_text": m.group(name),
                        "unit": "%",
                        "measure": "median" if median else "",
                        "pair": m.start(),
                    },
                )
            )
    for m in grammar.PERCENT_CI.finditer(norm):
        if _CI_WORD_AFTER.match(norm, norm.index("%", m.start()) + 1):
            continue
        if _BELOW.search(_before(norm, m.start(), 16)):
            continue
        found.append(
            Candidate(
                "percentage",
                m.start(),
                m.end(),
                {"value_text": m.group("est"), "unit": "%", **_ci_fields(m)},
            )
        )
    for m in grammar.PERCENT_OF.finditer(norm):
        if _BELOW.search(_before(norm, m.start(), 16)) or _OR_LOWER.match(norm, m.end()):
            continue
        end = norm.index("%", m.start()) + 1
        found.append(
            Candidate(
                "percentage",
                m.start(),
                end,
                {
                    "value_text": m.group("pct"),
                    "unit": "%",
                    "arm": context.clean_arm(m.group("arm") or ""),
                },
            )
        )
    return found


def candidates(norm: str, sents: context.Sentences) -> list[Candidate]:
    """Return every statistic candidate of a normalized text, most specific first."""
    return [
        *_tests(norm),
        *_ratios(norm),
        *_differences(norm),
        *_p_values(norm),
        *_explicit_counts(norm),
        *_summaries(norm),
        *arm_sizes.size_candidates(norm, sents),
        *_loose_counts(norm),
        *_percentages(norm),
    ]


def _flags(row: dict[str, Any]) -> str:
    flags = []
    num, den = row.get("numerator"), row.get("denominator")
    if num is not None and den is not None and num > den:
        flags.append("numerator_exceeds_denominator")
    if den == 0:
        flags.append("zero_denominator")
    lo, hi = row.get("ci_low"), row.get("ci_high")
    if lo is not None and hi is not None and lo > hi:
        flags.append("ci_lower_above_upper")
    est = row.get("value")
    if (
        row["kind"] in {"ratio", "difference"}
        and None not in (lo, hi, est)
        and lo <= hi
        and not lo <= est <= hi
    ):
        flags.append("estimate_outside_ci")
    if row["kind"] == "ratio" and est is not None and est <= 0:
        flags.append("nonpositive_ratio")
    if row["kind"] == "p_value" and est is not None and not 0 <= est <= 1:
        flags.append("p_outside_unit_interval")
    if row["kind"] == "count" and row.get("percent") is not None and row["percent"] > 100:
        flags.append("percent_above_100")
    if row.get("not_significant"):
        flags.append("not_significant")
    return ";".join(flags)


def _value(cand: Candidate) -> float | None:
    f = cand.fields
    if cand.kind == "p_value":
        return None if f.get("not_significant") else p_value_of(f.get("value_text"))
    if cand.kind == "count":
        return None if f.get("numerator") is None else float(f["numerator"])
    if cand.kind in {"arm_size", "sample_size"}:
        return None if f.get("size") is None else float(f["size"])
    return value_of(f.get("value_text"))


def _statistic_row(doc_id: str, cand: Candidate, text: str) -> dict[str, Any]:
    f = cand.fields
    row: dict[str, Any] = {
        "doc_id": doc_id,
        "stat_id": 0,
        "study_id": "S1",
        "kind": cand.kind,
        "measure": f.get("measure") or "",
        "arm": f.get("arm") or "",
        "subgroup": f.get("subgroup") or "",
        "population": f.get("population") or "",
        "outcome": "",
        "timepoint": "",
        "timepoint_days": None,
        "value_text": f.get("value_text") or "",
        "value": _value(cand),
        "unit": f.get("unit") or "",
        "ci_level": f.get("ci_level"),
        "ci_low_text": f.get("ci_low_text") or "",
        "ci_high_text": f.get("ci_high_text") or "",
        "ci_low": value_of(f.get("ci_low_text")),
        "ci_high": value_of(f.get("ci_high_text")),
        "numerator": f.get("numerator"),
        "denominator": f.get("denominator"),
        "percent_text": f.get("percent_text") or "",
        "percent": value_of(f.get("percent_text")),
        "comparator": f.get("comparator") or "",
        "test_type": f.get("test_type") or "",
        "df1": f.get("df1"),
        "df2": f.get("df2"),
        "spread_kind": f.get("spread_kind") or "",
        "spread_low_text": f.get("spread_low_text") or "",
        "spread_high_text": f.get("spread_high_text") or "",
        "spread_low": value_of(f.get("spread_low_text")),
        "spread_high": value_of(f.get("spread_high_text")),
        "refers_to": None,
        "source_text": text[cand.start : cand.end],
        "span_start": cand.start,
        "span_end": cand.end,
        "not_significant": f.get("not_significant", False),
        "pair": f.get("pair"),
    }
    if cand.kind == "median" and row["measure"] == "":
        row["measure"] = "median"
    if cand.kind == "mean" and row["measure"] == "":
        row["measure"] = "mean"
    return row


def _attach_context(
    rows: list[dict], norm: str, sents: context.Sentences, layout, found: list[facts.Fact]
) -> None:
    """Set each row's study, sentence, outcome, arm, subgroup and time point."""
    distributed = context.distributed_timepoints(norm)
    subgroup_terms: dict[str, set[str]] = {}
    for row in rows:
        row["study_id"] = layout.study_at(row["span_start"])
        if row["kind"] == "arm_size" and row["subgroup"]:
            subgroup_terms.setdefault(row["study_id"], set()).add(row["subgroup"].lower())
    defaults = _study_default_timepoints(layout, found)
    previous: dict[tuple[str, int], tuple[str, float | None]] = {}
    for row in rows:
        start, end = row["span_start"], row["span_end"]
        sentence = sents.of(start)
        row["sentence_start"], row["sentence_end"] = sentence
        kind = row["kind"]
        if kind in RESULT_KINDS:
            row["outcome"] = context.outcome_of(
                norm, start, sentence, label_first=kind in {"p_value", "median", "mean", "test"}
            )
            if kind in {"count", "percentage", "median", "mean"} and not row["arm"]:
                row["arm"] = context.arm_near(norm, start, end, sentence)
            if not row["subgroup"]:
                terms = subgroup_terms.get(row["study_id"], set())
                row["subgroup"] = context.subgroup_of(norm, start, sentence, terms) if terms else ""
        label, days = "", None
        inside = [d for d in distributed if d[0] <= start and end <= d[1]]
        if kind in {"arm_size", "sample_size"} and row["population"] != "analysed":
            pass
        elif inside:
            label, days = inside[-1][2], inside[-1][3]
        else:
            label, days = context.nearest_timepoint(norm, start, end, sentence)
        key = (row["study_id"], sents.paragraph(start))
        if kind in RESULT_KINDS:
            if not label and key in previous:
                label, days = previous[key]
            if not label and row["study_id"] in defaults:
                label, days = defaults[row["study_id"]]
            if label:
                previous[key] = (label, days)
        row["timepoint"], row["timepoint_days"] = label, days


def _study_default_timepoints(layout, found: list[facts.Fact]) -> dict[str, tuple[str, float]]:
    """Return the follow-up time a study's title announces ("3-year follow-up")."""
    defaults = {}
    for study in layout.studies:
        if study.title is None:
            continue
        for fact in found:
            if (
                fact.fact == "follow_up"
                and study.title[0] <= fact.start < study.title[1]
                and fact.number is not None
            ):
                defaults[study.study_id] = (fact.value, fact.number)
                break
    return defaults


def _link_p_values(stats: list[dict], norm: str) -> None:
    """Set ``refers_to`` of each p-value that directly follows an estimate or test statistic."""
    previous = None
    for row in stats:
        if (
            row["kind"] == "p_value"
            and previous is not None
            and previous["kind"] in _LINKABLE
            and previous["sentence_start"] == row["sentence_start"]
            and _LINK_GAP.match(norm[previous["span_end"] : row["span_start"]])
        ):
            row["refers_to"] = previous["stat_id"]
        previous = row


def _arm_rows(doc_id: str, stats: list[dict], text: str) -> list[dict]:
    rows = []
    for row in stats:
        if row["kind"] != "arm_size" or row["value"] is None:
            continue
        rows.append(
            {
                "doc_id": doc_id,
                "study_id": row["study_id"],
                "arm": row["arm"],
                "arm_key": context.arm_key(row["arm"]),
                "role": "control" if context.is_control(row["arm"]) else "intervention",
                "subgroup": row["subgroup"],
                "population": row["population"],
                "n": int(row["value"]),
                "timepoint": row["timepoint"],
                "stat_id": row["stat_id"],
                "source_text": text[row["span_start"] : row["span_end"]],
                "span_start": row["span_start"],
                "span_end": row["span_end"],
            }
        )
    return rows


def _fact_rows(doc_id: str, text: str, found: list[facts.Fact], layout) -> list[dict]:
    rows = []
    for fact in sorted(found, key=lambda f: (f.start, f.end, f.fact)):
        rows.append(
            {
                "doc_id": doc_id,
                "study_id": layout.study_at(fact.start),
                "fact": fact.fact,
                "value": fact.value,
                "number": fact.number,
                "source_text": text[fact.start : fact.end],
                "span_start": fact.start,
                "span_end": fact.end,
            }
        )
    return rows


def _first(rows: list[dict], fact: str) -> dict | None:
    return next((r for r in rows if r["fact"] == fact), None)


def _study_rows(doc_id: str, layout, fact_rows: list[dict], stats: list[dict]) -> list[dict]:
    rows = []
    for study in layout.studies:
        own = [f for f in fact_rows if f["study_id"] == study.study_id]
        sizes = [s for s in stats if s["study_id"] == study.study_id and s["kind"] == "sample_size"]
        title = _first(own, "title")
        year = _first(own, "year")
        dose = _first(own, "dose")
        segments = study.segments or [(0, 0)]
        rows.append(
            {
                "doc_id": doc_id,
                "study_id": study.study_id,
                "title": title["value"] if title else "",
                "title_start": title["span_start"] if title else None,
                "title_end": title["span_end"] if title else None,
                "authors": (_first(own, "authors") or {}).get("value", ""),
                "journal": (_first(own, "journal") or {}).get("value", ""),
                "year": int(year["value"]) if year else None,
                "registrations": ";".join(
                    sorted({f["value"] for f in own if f["fact"] == "registration"})
                ),
                "designs": ";".join(sorted({f["value"] for f in own if f["fact"] == "design"})),
                "doi": (_first(own, "doi") or {}).get("value", ""),
                "sample_size": int(sizes[0]["value"]) if sizes and sizes[0]["value"] else None,
                "dose": dose["number"] if dose else None,
                "follow_up": ";".join(
                    dict.fromkeys(f["value"] for f in own if f["fact"] == "follow_up")
                ),
                "segments": ";".join(f"{s}-{e}" for s, e in segments),
                "span_start": segments[0][0],
                "span_end": segments[-1][1],
            }
        )
    return rows


def extract_document(doc_id: str, text: str) -> Extraction:
    """Return the statistics, comparisons, arms, facts and studies of one decoded document."""
    norm = normalize(text)
    sents = context.Sentences(norm)
    found_facts = facts.identifier_facts(norm)
    layout = studies.layout(norm, [f for f in found_facts if f.fact == "registration"])
    found_facts += facts.design_facts(norm, sents)
    found_facts += facts.dose_facts(norm)
    found_facts += facts.schedule_facts(norm, sents)
    found_facts += facts.allocation_facts(norm)
    found_facts += facts.follow_up_facts(norm, sents)
    for study in layout.studies:
        found_facts += study.facts
    kept = resolve(candidates(norm, sents), masks.masked_spans(norm), len(norm))
    stats = [_statistic_row(doc_id, cand, text) for cand in kept]
    for index, row in enumerate(stats):
        row["stat_id"] = index
    _attach_context(stats, norm, sents, layout, found_facts)
    _link_p_values(stats, norm)
    arm_rows = _arm_rows(doc_id, stats, text)
    comparison_rows = comparisons.build(doc_id, stats, arm_rows, norm)
    fact_rows = _fact_rows(doc_id, text, found_facts, layout)
    study_rows = _study_rows(doc_id, layout, fact_rows, stats)
    for row in stats:
        row["flags"] = _flags(row)
    return Extraction(
        statistics=stats,
        comparisons=comparison_rows,
        arms=arm_rows,
        facts=fact_rows,
        studies=study_rows,
    )
