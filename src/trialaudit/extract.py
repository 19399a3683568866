"""Extract the statistics a document reports, each with its exact span in the decoded text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import context, facts, grammar
from .normalize import normalize
from .rounding import parse_reported

RATIO_MEASURES = {
    "or": "OR",
    "aor": "OR",
    "rr": "RR",
    "arr": "RR",
    "hr": "HR",
    "ahr": "HR",
    "shr": "HR",
    "irr": "IRR",
    "odds ratio": "OR",
    "risk ratio": "RR",
    "relative risk": "RR",
    "hazard ratio": "HR",
    "rate ratio": "IRR",
    "relative rate": "IRR",
    "incidence rate ratio": "IRR",
}


@dataclass
class Candidate:
    """A matched statistic before context is attached."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


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
    raw = re.sub(r"\s+", " ", raw).removeprefix("adjusted ")
    raw = raw[:-1] if raw.endswith("s") and raw not in {"relative risks"} else raw
    return RATIO_MEASURES.get(raw.removesuffix("s"), RATIO_MEASURES.get(raw, raw.upper()))


def _ci_fields(match: re.Match) -> dict[str, Any]:
    groups = match.groupdict()
    if groups.get("lo"):
        level = groups.get("level")
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


def _word_count(text: str) -> int:
    lowered = re.sub(r"\s+", " ", text.strip().lower())
    if lowered.isdigit():
        return int(lowered)
    return grammar.NUMBER_WORDS[lowered]


def _candidates(norm: str) -> list[Candidate]:
    """Run every pattern over the normalized text, in priority order."""
    found: list[Candidate] = []
    for m in grammar.TEST.finditer(norm):
        test = m.group("test")
        letter = "chi2" if test[0] in "χΧXc" else test[0].lower()
        df1 = m.group("t_df") or m.group("f_df1") or m.group("chi_df") or m.group("r_df")
        df1 = df1 or m.group("q_df")
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
    for m in grammar.RATIO.finditer(norm):
        found.append(
            Candidate(
                "ratio",
                m.start(),
                m.end(),
                {"measure": _measure(m), "value_text": m.group("est"), **_ci_fields(m)},
            )
        )
    for m in grammar.DIFFERENCE.finditer(norm):
        label = re.sub(r"\s+", " ", m.group("label").lower())
        measure = "median difference" if "median" in label else "difference"
        if "mean" in label:
            measure = "mean difference"
        if "risk" in label:
            measure = "risk difference"
        found.append(
            Candidate(
                "difference",
                m.start(),
                m.end(),
                {
                    "measure": measure,
                    "value_text": m.group("est"),
                    "unit": (m.group("unit") or "").strip(),
                    **_ci_fields(m),
                },
            )
        )
    for pattern in (grammar.PERCENT_COUNT, grammar.COUNT_PERCENT, grammar.COUNT_OF):
        for m in pattern.finditer(norm):
            found.append(
                Candidate(
                    "count",
                    m.start(),
                    m.end(),
                    {
                        "numerator": int(m.group("x")),
                        "denominator": int(m.group("n")),
                        "value_text": m.group("x"),
                        "percent_text": m.group("pct"),
                    },
                )
            )
    for m in grammar.MEDIAN_SPREAD.finditer(norm):
        found.append(
            Candidate(
                "median",
                m.start(),
                m.end(),
                {
                    "value_text": m.group("center"),
                    "spread_low_text": m.group("q1"),
                    "spread_high_text": m.group("q3"),
                    "spread_kind": "iqr_or_range",
                },
            )
        )
    for m in grammar.MEAN_SD.finditer(norm):
        found.append(
            Candidate(
                "mean",
                m.start(),
                m.end(),
                {"value_text": m.group("mean"), "spread_kind": "sd", "spread_low_text": None}
                | {"sd_text": m.group("sd")},
            )
        )
    for m in grammar.FRACTION.finditer(norm):
        found.append(
            Candidate(
                "count",
                m.start(),
                m.end(),
                {
                    "numerator": int(m.group("x")),
                    "denominator": int(m.group("n")),
                    "value_text": m.group("x"),
                },
            )
        )
    for m in grammar.N_PERCENT.finditer(norm):
        found.append(
            Candidate(
                "count",
                m.start(),
                m.end(),
                {
                    "numerator": int(m.group("x")),
                    "value_text": m.group("x"),
                    "percent_text": m.group("pct"),
                },
            )
        )
    for m in grammar.PERCENT_PAIR.finditer(norm):
        for name in ("a", "b"):
            end = (
                m.end(name)
                + len(norm[m.end(name) : m.end(name) + 2])
                - len(norm[m.end(name) : m.end(name) + 2].lstrip(" "))
            )
            end = norm.index("%", m.end(name)) + 1
            found.append(Candidate("percentage", m.start(name), end, {"value_text": m.group(name)}))
    for m in grammar.COUNT_IN_GROUP.finditer(norm):
        found.append(
            Candidate(
                "count",
                m.start("xw"),
                m.end("xw"),
                {
                    "numerator": _word_count(m.group("xw")),
                    "value_text": m.group("xw"),
                    "arm": context.clean_arm(m.group("arm")),
                },
            )
        )
    for m in grammar.P_VALUE.finditer(norm):
        text = m.group("p") or m.group("p2")
        found.append(
            Candidate(
                "p_value",
                m.start(),
                m.end(),
                {"value_text": text, "comparator": m.group("cmp") or "="},
            )
        )
    for m in grammar.ARM_N.finditer(norm):
        n_group = "n1" if m.group("n1") else "n2"
        arm = context.clean_arm(m.group("arm"))
        if not arm:
            continue
        found.append(
            Candidate(
                "arm_size",
                m.start("arm") + m.group("arm").rfind(arm.split()[0]),
                m.end(n_group),
                {"value_text": m.group(n_group), "arm": arm},
            )
        )
    for m in grammar.TOTAL_N.finditer(norm):
        name = "n1" if m.group("n1") else "n2"
        found.append(
            Candidate(
                "sample_size",
                m.start(name),
                m.end(name),
                {"value_text": m.group(name), "numerator": None},
            )
        )
    return found


def _masked_spans(norm: str) -> list[tuple[int, int]]:
    """Return spans that can hold digits but never statistics (IDs, DOIs, URLs, doses)."""
    spans = [m.span() for m in facts.REGISTRATION.finditer(norm)]
    spans += [m.span() for m in facts.DOI.finditer(norm)]
    spans += [m.span() for m in facts.URL.finditer(norm)]
    spans += [m.span() for m in facts.DOSE.finditer(norm)]
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _resolve(candidates: list[Candidate], masked: list[tuple[int, int]]) -> list[Candidate]:
    """Keep candidates in priority order, dropping any that overlap a kept or masked span."""
    kept: list[Candidate] = []
    for cand in candidates:
        span = (cand.start, cand.end)
        if any(_overlaps(span, m) for m in masked):
            continue
        if any(_overlaps(span, (k.start, k.end)) for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return parse_reported(text).value
    except ValueError:
        try:
            return float(grammar.NUMBER_WORDS[text.strip().lower()])
        except KeyError:
            return None


def _p_value(text: str) -> float | None:
    sci = re.match(r"\s*(\d*\.?\d+)\s?[x\u00d7]\s?10\s?-\s?(\d+)", text)
    if sci:
        return float(sci.group(1)) * 10.0 ** -int(sci.group(2))
    return _number(text)


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
    return ";".join(flags)


def _statistic_row(doc_id: str, index: int, cand: Candidate, text: str, norm: str, sents) -> dict:
    sentence = sents.of(cand.start)
    f = cand.fields
    row: dict[str, Any] = {
        "doc_id": doc_id,
        "stat_id": index,
        "study_id": "S1",
        "kind": cand.kind,
        "measure": f.get("measure"),
        "arm": f.get("arm") or "",
        "outcome": context.outcome_of(norm, cand.start, sentence),
        "timepoint": context.nearest_timepoint(norm, cand.start, cand.end, sentence),
        "value_text": f.get("value_text"),
        "value": None,
        "unit": f.get("unit") or "",
        "ci_level": f.get("ci_level"),
        "ci_low_text": f.get("ci_low_text"),
        "ci_high_text": f.get("ci_high_text"),
        "ci_low": _number(f.get("ci_low_text")),
        "ci_high": _number(f.get("ci_high_text")),
        "numerator": f.get("numerator"),
        "denominator": f.get("denominator"),
        "percent_text": f.get("percent_text"),
        "percent": _number(f.get("percent_text")),
        "comparator": f.get("comparator") or "",
        "test_type": f.get("test_type") or "",
        "df1": f.get("df1"),
        "df2": f.get("df2"),
        "spread_kind": f.get("spread_kind") or "",
        "spread_low_text": f.get("spread_low_text") or f.get("sd_text"),
        "spread_high_text": f.get("spread_high_text"),
        "spread_low": _number(f.get("spread_low_text") or f.get("sd_text")),
        "spread_high": _number(f.get("spread_high_text")),
        "source_text": text[cand.start : cand.end],
        "span_start": cand.start,
        "span_end": cand.end,
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
    }
    if cand.kind == "p_value":
        row["value"] = _p_value(row["value_text"])
    elif cand.kind in {"count"}:
        row["value"] = float(row["numerator"])
    else:
        row["value"] = _number(row["value_text"])
    if cand.kind == "count" and not row["arm"]:
        row["arm"] = context.arm_near(norm, cand.start, cand.end, sentence)
    row["flags"] = _flags(row)
    return row


_LINK_GAP = re.compile(r"^[\s,;:()\[\]]{0,6}$")


def _link_p_values(stats: list[dict], norm: str) -> None:
    """Set ``refers_to`` of each p-value that directly follows an estimate or test statistic."""
    previous = None
    for row in stats:
        row["refers_to"] = None
        if (
            row["kind"] == "p_value"
            and previous is not None
            and previous["kind"] in {"ratio", "difference", "test"}
            and previous["sentence_start"] == row["sentence_start"]
            and _LINK_GAP.match(norm[previous["span_end"] : row["span_start"]])
        ):
            row["refers_to"] = previous["stat_id"]
        previous = row


def _comparisons(doc_id: str, stats: list[dict], arms: dict[str, dict]) -> list[dict]:
    """Group counts, effect estimates and p-values of a sentence into between-arm comparisons."""
    by_sentence: dict[tuple[int, int], list[dict]] = {}
    for row in stats:
        by_sentence.setdefault((row["sentence_start"], row["sentence_end"]), []).append(row)
    comparisons = []
    for rows in by_sentence.values():
        cells = [r for r in rows if r["kind"] == "count" and r["arm"]]
        effects = [r for r in rows if r["kind"] == "ratio"]
        p_values = [r for r in rows if r["kind"] == "p_value"]
        if len(cells) < 2 or len({context.arm_key(c["arm"]) for c in cells}) < 2:
            continue
        controls = [c for c in cells if context.is_control(c["arm"])]
        control = controls[-1] if controls else cells[-1]
        treated = [c for c in cells if c is not control]
        for position, cell in enumerate(treated):
            following = [e for e in effects if e["span_start"] > cell["span_end"]]
            nxt = treated[position + 1]["span_start"] if position + 1 < len(treated) else None
            own = [e for e in following if nxt is None or e["span_start"] < nxt]
            if len(treated) == 1 and not own:
                own = effects[:1]
            effect = own[0] if own else None
            anchor = effect or cell
            p_after = [p for p in p_values if p["span_start"] > anchor["span_end"]]
            if nxt is not None:
                p_after = [p for p in p_after if p["span_start"] < nxt]
            p_row = p_after[0] if p_after else None
            comparisons.append(
                _comparison_row(doc_id, len(comparisons), cell, control, effect, p_row, arms)
            )
    return comparisons


def _denominator(cell: dict, arms: dict[str, dict]) -> tuple[int | None, int | None]:
    """Return (denominator, stat_id it came from) for a count cell, from the arm size if needed."""
    if cell["denominator"] is not None:
        return cell["denominator"], cell["stat_id"]
    arm = arms.get(context.arm_key(cell["arm"]))
    if arm is None:
        return None, None
    return arm["n"], arm["stat_id"]


def _comparison_row(doc_id, index, treated, control, effect, p_row, arms) -> dict:
    n1, n1_source = _denominator(treated, arms)
    n2, n2_source = _denominator(control, arms)
    return {
        "doc_id": doc_id,
        "comparison_id": index,
        "study_id": treated["study_id"],
        "kind": "binary",
        "outcome": treated["outcome"] or control["outcome"],
        "timepoint": treated["timepoint"] or control["timepoint"],
        "arm_1": treated["arm"],
        "arm_2": control["arm"],
        "events_1": treated["numerator"],
        "total_1": n1,
        "events_2": control["numerator"],
        "total_2": n2,
        "events_1_stat_id": treated["stat_id"],
        "total_1_stat_id": n1_source,
        "events_2_stat_id": control["stat_id"],
        "total_2_stat_id": n2_source,
        "effect_stat_id": effect["stat_id"] if effect else None,
        "p_stat_id": p_row["stat_id"] if p_row else None,
    }


def _facts(doc_id: str, text: str, norm: str) -> list[dict]:
    rows = []

    def add(fact: str, value: str, span: tuple[int, int], number: float | None = None) -> None:
        rows.append(
            {
                "doc_id": doc_id,
                "study_id": "S1",
                "fact": fact,
                "value": value,
                "number": number,
                "source_text": text[span[0] : span[1]],
                "span_start": span[0],
                "span_end": span[1],
            }
        )

    for m in facts.REGISTRATION.finditer(norm):
        identifier = re.sub(r"\s+", "", m.group("id"))
        add("registration", identifier, m.span())
    for m in facts.DOI.finditer(norm):
        add("doi", m.group("doi").lower(), m.span())
    for m in facts.DESIGN.finditer(norm):
        add("design", facts.canonical_design(m.group("design")), m.span())
    for m in facts.DOSE.finditer(norm):
        value = facts.dose_value(m.group("mantissa"), m.group("exponent"))
        end = m.end("exponent")
        if norm[m.start() : end].count("(") > norm[m.start() : end].count(")"):
            end += norm.startswith(")", end)
        add("dose", f"{value:.6g}", (m.start(), end), value)
    return rows


def extract_document(doc_id: str, text: str) -> Extraction:
    """Return the statistics, comparisons, arms, facts and study of one decoded document."""
    norm = normalize(text)
    sents = context.Sentences(norm)
    kept = _resolve(_candidates(norm), _masked_spans(norm))
    stats = [
        _statistic_row(doc_id, index, cand, text, norm, sents) for index, cand in enumerate(kept)
    ]
    _link_p_values(stats, norm)
    arms: dict[str, dict] = {}
    arm_rows = []
    for row in stats:
        if row["kind"] == "arm_size":
            key = context.arm_key(row["arm"])
            arms.setdefault(key, {"n": int(row["value"]), "stat_id": row["stat_id"]})
            arm_rows.append(
                {
                    "doc_id": doc_id,
                    "study_id": row["study_id"],
                    "arm": row["arm"],
                    "arm_key": key,
                    "role": "control" if context.is_control(row["arm"]) else "intervention",
                    "n": int(row["value"]),
                    "timepoint": row["timepoint"],
                    "stat_id": row["stat_id"],
                    "span_start": row["span_start"],
                    "span_end": row["span_end"],
                }
            )
    fact_rows = _facts(doc_id, text, norm)
    study = {
        "doc_id": doc_id,
        "study_id": "S1",
        "registrations": ";".join(
            sorted({f["value"] for f in fact_rows if f["fact"] == "registration"})
        ),
        "designs": ";".join(sorted({f["value"] for f in fact_rows if f["fact"] == "design"})),
        "doi": next((f["value"] for f in fact_rows if f["fact"] == "doi"), ""),
        "span_start": 0,
        "span_end": len(text),
    }
    return Extraction(
        statistics=stats,
        comparisons=_comparisons(doc_id, stats, arms),
        arms=arm_rows,
        facts=fact_rows,
        studies=[study],
    )
