"""Extract the statistics a document reports, each with its exact span in the decoded text,
and the studies, arms, comparisons and facts they belong to."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Any

from . import (
    attribution,
    comparisons,
    context,
    eu_register,
    facts,
    grade,
    grammar,
    masks,
    registry,
    revman,
    sas,
    studies,
)
from .arms import EACH_ARM_FLAG, counts_people, resolve_arm
from .candidates import candidates
from .grammar import ONE_SIDED_FLAG
from .normalize import normalize
from .numbers import p_value_of, value_of
from .spans import Candidate, Scanner, resolve
from .vocabulary import GEOMETRIC_MEAN

# Study details kept in the studies table (with their spans) rather than as facts.
STUDY_ONLY = {"title", "authors"}
# Kinds that report a result (every kind but the sizes): they get an outcome and a time point.
RESULT_KINDS = frozenset(
    "count percentage ratio difference median mean p_value test nnt rate".split()
)
_LINKABLE = {"ratio", "difference", "test"}
_RESPECTIVELY = re.compile(rf"(?i){attribution.RESPECTIVELY_WORDS}")
_LINK_GAP = re.compile(r"^[\s,;:()\[\]|]{0,6}(?:(?:two|one)[-\s](?:sided|tailed)\s?)?$")


@dataclass
class Extraction:
    """Everything extracted from one document, as lists of table rows."""

    statistics: list[dict[str, Any]]
    comparisons: list[dict[str, Any]]
    arms: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    studies: list[dict[str, Any]]


# Flags a reader sets on a candidate, each a field of that name, kept in the row by that name.
_CANDIDATE_FLAGS = (
    ONE_SIDED_FLAG,
    grammar.PROBABILITY_FLAG,
    grammar.CHANGE_AMOUNT_FLAG,
    grammar.EFFICACY_FLAG,
)


def _flags(row: dict[str, Any]) -> str:
    """Return the ";"-joined flags of a statistics row (errors and how it was read)."""
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
    if row.get("another_hypothesis"):
        flags.append(comparisons.ANOTHER_HYPOTHESIS_FLAG)
    if row.get("summary_type_not_stated"):
        flags.append("summary_type_not_stated")
    if row.get("adjusted"):
        flags.append("adjusted")
    if row.get("crossover"):
        flags.append(grammar.CROSSOVER_FLAG)
    if row.get(grammar.POOLED_ACROSS_TRIALS_FLAG):
        flags.append(grammar.POOLED_ACROSS_TRIALS_FLAG)
    if row.get("each_arm"):
        flags.append(EACH_ARM_FLAG)
    if row.get("denominator_stat_id") is not None:
        flags.append("denominator_from_arm_size")
    if row.get("measure_from_counts"):
        flags.append("risk_difference_from_counts")
    if row.get("pooled_model"):
        flags.append(revman.POOLED_FLAG + row["pooled_model"])
    if row.get("method"):
        flags.append(sas.METHOD_FLAG + row["method"])
    flags += [flag for flag in _CANDIDATE_FLAGS if row.get(flag)]
    return ";".join(flags)


def _value(cand: Candidate) -> float | None:
    """Return a candidate's value: the count, the size, the p-value or the number."""
    f = cand.fields
    if cand.kind == "p_value":
        return None if f.get("not_significant") else p_value_of(f.get("value_text"))
    if cand.kind == "count":
        return None if f.get("numerator") is None else float(f["numerator"])
    if cand.kind in {"arm_size", "sample_size"}:
        return None if f.get("size") is None else float(f["size"])
    if cand.kind == "rate" and f.get("person_time"):
        return f["numerator"] / f["person_time"]  # "35 events in 1,200 person-years"
    return value_of(f.get("value_text"))


def _statistic_row(doc_id: str, cand: Candidate, text: str) -> dict[str, Any]:
    """Return the statistics row of a candidate (context is attached later)."""
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
        "outcome": f.get("outcome") or "",
        "timepoint": "",
        "timepoint_days": None,
        "value_text": f.get("value_text") or "",
        "value": _value(cand),
        "unit": f.get("unit") or "",
        "pooled_model": f.get("pooled_model") or "",
        "method": f.get("method") or "",
        "ci_level": f.get("ci_level"),
        "ci_low_text": f.get("ci_low_text") or "",
        "ci_high_text": f.get("ci_high_text") or "",
        "ci_low": value_of(f.get("ci_low_text")),
        "ci_high": value_of(f.get("ci_high_text")),
        "numerator": f.get("numerator"),
        "denominator": f.get("denominator"),
        "person_time": f.get("person_time"),
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
        "summary_type_not_stated": f.get("summary_type_not_stated", False),
        "each_arm": f.get("each_arm", False),
        **{flag: f.get(flag, False) for flag in _CANDIDATE_FLAGS},
        "adjusted": f.get("adjusted", False),
        "arm_count": f.get("arm_count"),
        "denominator_stat_id": None,
        "timepoint_source": "",
    }
    if cand.kind == "median" and row["measure"] == "":
        row["measure"] = "median"
    if cand.kind == "mean" and row["measure"] == "":
        row["measure"] = "mean"
    return row


_LABELLED_KINDS = frozenset({"p_value", "median", "mean", "test", "percentage", "rate", "count"})


def _outcome_of(
    row: dict, norm: str, sentence: tuple[int, int], memo: dict, arm_words: frozenset
) -> str:
    """The outcome of a value (context.outcome_of), the label printed right before it first;
    a count's only when the label stands on its own (_a_label_of_its_own: "Nausea 41/159
    (25.8%) vs 22/159 (13.8%)", not "Put another way, 33 of 532") and is not the count's own
    arm ("MSC: 3/40 vs control: 8/40"), the known outcome it names if any."""
    start, end, kind = row["span_start"], row["span_end"], row["kind"]
    for label_first in (kind in _LABELLED_KINDS, False):
        outcome = context.outcome_of(
            norm,
            start,
            sentence,
            label_first=label_first,
            memo=memo,
            arm_words=arm_words,
            end=end,
            counts_people=kind in {"count", "percentage"},
        )
        if kind != "count" or not label_first:
            return outcome
        if not _names_the_arm(outcome, row["arm"]) and _a_label_of_its_own(
            norm, outcome, sentence, start
        ):
            # "Mostly hospitalizations 121 of 743": the known outcome the label names
            return context.named_outcome(outcome)
    return outcome


# A count's label stands on its own: it opens its sentence, line or clause and the count
# follows it at once ("• Nausea: 41/159", "and the catch: nausea 41/159"), not the words a
# sentence says before its count ("Put another way, 33 of 532", "we saw 38 of 126").
_LABEL_GAP = re.compile(r"[ \t]{0,3}:?[ \t]{0,3}")
_LABEL_OPENS = re.compile(r"(?:^|[\n;(\u2022]|(?<!%):)[ \t]{0,2}$")  # Finnish "50 %:n vaste"


# ... and names what is counted, not who speaks or what they did: "They say 2/20 died".
_SPEAKER_OR_VERB = re.compile(
    r"(?i)^(?:they|we|i|it|he|she|you|this|that|there|these|those|our|their)\b"
    r"|\b(?:says?|said|saw|see|get|got|report(?:s|ed)?|found|had|was|were|is|are)$"
)


def _a_label_of_its_own(norm: str, label: str, sentence: tuple[int, int], start: int) -> bool:
    """Whether ``label``, printed before the count at ``start``, is the count's own label."""
    if _SPEAKER_OR_VERB.search(label):
        return False
    at = norm.rfind(label, sentence[0], start)
    if at < 0 or not _LABEL_GAP.fullmatch(norm, at + len(label), start):
        return False
    return at == sentence[0] or bool(_LABEL_OPENS.search(norm, max(sentence[0], at - 3), at))


def _names_the_arm(outcome: str, arm: str) -> bool:
    """Whether a count's label is its arm's name."""
    return bool(outcome and arm) and context.arm_key(outcome) == context.arm_key(arm)


def _arm_words(rows: list[dict], allocated: list[tuple[int, tuple[str, ...]]]) -> frozenset:
    """The words of the arms a document allocates to or gives sizes of."""
    return context.declared_arm_words(allocated) | frozenset(
        word
        for row in rows
        if row["kind"] == "arm_size" and row["arm"]
        for word in context.arm_key(row["arm"]).split()
    )


# "group A (ketamine 0.5 mg/kg, n = 30) or group B (saline, n = 30)": the letter the results
# then call each arm by, right before its size's bracket.
_LETTER_OF_THE_ARM = re.compile(r"\b[Gg]roup\s(?P<letter>[A-Z]{1,3})\s?\($")
_BY_ITS_LETTER = re.compile(r"(?:[Tt]he\s)?[Gg]roup\s(?P<letter>[A-Z]{1,3})")


def _arms_named_by_their_letter(stats: list[dict], norm: str) -> None:
    """Give values whose arm is a group's letter ("lower in group A (2.3 ± 0.9)") the arm the
    text sized under that letter ("group A (ketamine 0.5 mg/kg, n = 30)")."""
    named: dict[tuple[str, str], str] = {}
    for row in stats:
        if row["kind"] == "arm_size" and row["arm"]:
            at = row["span_start"]
            letter = _LETTER_OF_THE_ARM.search(norm, max(0, at - 12), at)
            if letter:
                named[row["study_id"], letter.group("letter")] = row["arm"]
    if not named:
        return
    for row in stats:
        called = _BY_ITS_LETTER.fullmatch(row["arm"] or "") if row["kind"] != "arm_size" else None
        if called and (row["study_id"], called.group("letter")) in named:
            row["arm"] = named[row["study_id"], called.group("letter")]


def _arm_is_the_outcome(arm: str, outcome: str, kind: str) -> bool:
    """Whether an arm read from the label before a value is the value's outcome ("Also ICU
    mortality 10% vs 9.5%" gave both 'ICU mortality', "(MADRS change −12.3 ± 6.1 vs −6.8 ±
    5.9" both 'MADRS change'): outcome_of has already found that a summary's or percentage's
    label names no arm. A count's outcome is not read from its label ("MSC: 3/40 vs control:
    8/40"), so only a known outcome is one there."""
    if not arm or not outcome:
        return False
    same = arm.lower() == outcome.lower() or arm.lower().endswith(" " + outcome.lower())
    if kind == "count":
        return same and any(pattern.search(outcome) for _, pattern in context.OUTCOMES)
    return same


def _attach_context(
    rows: list[dict],
    norm: str,
    sents: context.Sentences,
    arm_words: frozenset[str],
    layout,
    found: list[facts.Fact],
    studies: dict[int, str],
) -> None:
    """Set each row's study, sentence, outcome, arm, subgroup and time point (``arm_words``:
    _arm_words; ``studies``: the study of each stat_id whose reader knew it, as a forest plot's
    rows)."""
    distributed = context.distributed_timepoints(norm)
    distributed_starts = [d[0] for d in distributed]
    sections = sorted(
        registry.outcome_timepoints(norm)
        + eu_register.outcome_timepoints(norm)
        + revman.outcome_timepoints(norm)
        + sas.outcome_timepoints(norm)
    )
    section_starts = [section[0] for section in sections]
    measured = registry.outcome_sections(norm)
    measured_starts = [span[0] for span in measured]
    subgroup_terms: dict[str, set[str]] = {}
    for row in rows:
        row["study_id"] = studies.get(row["stat_id"]) or layout.study_at(row["span_start"])
        if row["kind"] == "arm_size" and row["subgroup"]:
            subgroup_terms.setdefault(row["study_id"], set()).add(row["subgroup"].lower())
    defaults = _study_default_timepoints(layout, found)
    definitions = _defined_timepoints(norm)
    previous: dict[tuple[str, int], tuple[str, float | None]] = {}
    values_at = _durations_printed(rows)
    last_summary: dict | None = None
    last_result: dict | None = None
    tests_of_values: set[int] = set()
    for row in rows:
        start, end = row["span_start"], row["span_end"]
        sentence = sents.of(start)
        row["sentence_start"], row["sentence_end"] = sentence
        kind = row["kind"]
        before, last_result = last_result, (row if kind in RESULT_KINDS else last_result)
        # "mean IL-6 12.4 ± 3.1 vs 13.0 ± 3.5": the second measures what the first one does
        first = last_summary if last_summary and _paired_summary(norm, last_summary, row) else None
        if kind in _SUMMARY_KINDS:
            last_summary = row
        if kind in RESULT_KINDS and not row["outcome"]:
            row["outcome"] = _outcome_of(row, norm, sentence, sents.memo, arm_words)
            # a registry row whose text names no outcome measures its section's; an adverse
            # event's row ("Affected / at Risk (%): 3/100 ...") the event's
            inside = _enclosing(measured, measured_starts, start, end)
            if inside and (inside[-1][3] or not row["outcome"]):
                row["outcome"] = inside[-1][2]
        if first is not None:
            _one_outcome_for_the_pair(first, row)
        # "62.5% vs 35.0% (P = 0.044)", "(RR 0.25, 95% CI 0.05-1.25; P = 0.16)": a p or test
        # right after a value tests what that value measures, and a p right after such a test
        if (
            kind in {"p_value", "test"}
            and before is not None
            and (before["kind"] in _TESTED_KINDS or before["stat_id"] in tests_of_values)
            and before["outcome"]
            and _P_RIGHT_AFTER.fullmatch(norm, before["span_end"], start)
        ):
            row["outcome"] = before["outcome"]
            if kind == "test":
                tests_of_values.add(row["stat_id"])
        if kind in {"count", "percentage", "median", "mean", "rate"} and not row["arm"]:
            row["arm"] = context.arm_near(norm, start, end, sentence, arm_words)
            if _arm_is_the_outcome(row["arm"], row["outcome"], kind):
                row["arm"] = ""  # "Also ICU mortality 10% vs 9.5%": the label is what is measured
        if kind in RESULT_KINDS and not row["subgroup"]:
            terms = subgroup_terms.get(row["study_id"], set())
            row["subgroup"] = context.subgroup_of(norm, start, sentence, terms) if terms else ""
        label, days, source = "", None, ""
        inside = _enclosing(distributed, distributed_starts, start, end)
        if kind in {"arm_size", "sample_size"} and row["population"] != "analysed":
            pass
        elif inside:
            label, days, source = inside[-1][2], inside[-1][3], "bracket"
        else:
            label, days = context.nearest_timepoint(
                norm, _value_start(row, start), end, sentence, sents.memo, values_at
            )
            source = "sentence" if label else ""
            section = _enclosing(sections, section_starts, start, end) if not label else []
            if section:
                label, days, source = section[-1][2], section[-1][3], "time_frame"
        key = (row["study_id"], sents.paragraph(start))
        if kind in RESULT_KINDS:
            if not label and key in previous:
                (label, days), source = previous[key], "paragraph"
            if not label and row["outcome"]:
                named = row["outcome"].lower()
                # "Major flare: 29/164 ..." after "Primary endpoint: major flare ... by mo 18"
                defined = next((t for what, t in definitions if what == named), None)
                if defined:
                    (label, days), source = defined, "outcome_definition"
            if not label and row["study_id"] in defaults:
                (label, days), source = defaults[row["study_id"]], "title"
            # a baseline is its own sentence's: "mean (SD) baseline eGFR was 41.6 (11.8)" does
            # not date the results after it
            if label and label != "baseline":
                previous[key] = (label, days)
        if kind in _SUMMARY_KINDS and _starts_a_change(norm, start, end, sentence):
            label, days, source = "baseline", 0.0, "change_start"
        row["timepoint"], row["timepoint_days"], row["timepoint_source"] = label, days, source


# "rose from 3.42 ± 0.31 to 3.61 ± 0.28 g/dL": the value after "from" is where the change
# started, the baseline; the one after "to" keeps the time point of its sentence.
_TO_ANOTHER_VALUE = re.compile(r"\s?(?:[^\s\d()]{1,10}\s?)?to\s[-+\u2212]?\(?\d")


def _starts_a_change(norm: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    return bool(
        context.FROM_BEFORE.search(norm, max(sentence[0], start - 6), start)
        and _TO_ANOTHER_VALUE.match(norm, end, sentence[1])
    )


# What may stand between a value and the p that tests it: a unit and a bracket ("days (P",
# "(6.87±1.34)mg/L(t="), or the separator of a bracket's items ("1.25; P").
_P_RIGHT_AFTER = re.compile(r"\)?\s?(?:[^\s\d()\[\];,.]{1,12}\s?)?[(\[]\s?|[;,]\s?")
_TESTED_KINDS = frozenset({"count", "percentage", "mean", "median", "ratio", "difference"})
# Values whose second, after nothing but "vs", measures what the first does ("62.5% vs 35.0%")
_SUMMARY_KINDS = frozenset({"median", "mean", "percentage"})
# ... also across the brackets and units of the two: "(28.74±9.36) μmol/L vs (36.15±11.20)"
_VERSUS_ONLY = re.compile(
    r"\)?\s{0,2}(?:[^\s()\d]{1,10}\s)?"
    # ... or the first value's arm in brackets: "39.9% (140 mg) vs 23.5% (placebo)"
    r"(?:\((?:\d{1,4}\s?(?:mg|g|\u00b5g|mcg|IU|mL)|[A-Za-z][^()\d]{0,24})\)\s)?"
    r"(?:vs\.?|versus)\s\(?\s?",
    re.IGNORECASE,
)


def _one_outcome_for_the_pair(first: dict, second: dict) -> None:
    """Give two summaries joined by "vs" one outcome: the second's when it extends the first's
    at its start ("stay" and "length of stay"), else the first's, read from its own clause, over the
    second's, which may be a mention elsewhere in the sentence."""
    a, b = first["outcome"], second["outcome"]
    if a and b and len(b) > len(a) and b.lower().endswith(a.lower()):
        first["outcome"] = b
    elif a:
        second["outcome"] = a
    else:
        first["outcome"] = b


def _paired_summary(norm: str, before: dict, row: dict) -> bool:
    """Whether ``row`` is the second of two summaries joined by nothing but "vs" ("mean age
    61.2 ± 12.4 vs 59.8 ± 13.1"): it measures what the first one does."""
    return (
        row["kind"] == before["kind"]
        and before["span_end"] <= row["span_start"]
        and _VERSUS_ONLY.fullmatch(norm, before["span_end"], row["span_start"]) is not None
    )


# Kinds whose value may be a duration ("median 10 days") that reads as a time point.
_DURATION_KINDS = frozenset({"median", "mean", "difference"})


def _durations_printed(rows: list[dict]) -> frozenset[int]:
    """Return the offsets where the value of a median, mean or difference is printed."""
    found = set()
    for row in rows:
        if row["kind"] in _DURATION_KINDS and row.get("value_text"):
            # after the label a summary may carry: "Median pain scores at 24 hours were 2 (1-3)"
            after_label = _value_start(row, row["span_start"]) - row["span_start"]
            at = row["source_text"].find(row["value_text"], after_label)
            if at >= 0:
                found.add(row["span_start"] + at)
    return frozenset(found)


def _enclosing(spans: list[tuple], starts: list[int], start: int, end: int) -> list[tuple]:
    """Return the spans (sorted by start, non-overlapping) that enclose [start, end)."""
    index = bisect.bisect_right(starts, start) - 1
    return [spans[index]] if index >= 0 and end <= spans[index][1] else []


# An outcome defined with its time: "Primary endpoint: major flare (DAS28-CRP >3.2 + ≥0.6
# increase) by mo 18", "The primary outcome was mortality at day 28".
_OUTCOME_DEFINED = re.compile(
    # opens with its first character, so that the matcher skips to it (see masks.py)
    r"[PpSsMm](?<![A-Za-z][PpSsMm])(?:rimary|econdary|ain|RIMARY|ECONDARY|AIN)"
    r"\s(?i:(?:end\s?points?|outcomes?)(?:\s(?:was|were)|:))\s"
    r"(?:the\s)?(?P<what>[A-Za-z][\w\-]{1,30}(?:\s[A-Za-z][\w\-]{0,30}){0,3}?)"
    r"(?:\s\([^()\n]{1,60}\))?\s(?i:at|by|through|to|until)\s"
)


# Where a labelled summary's value follows its label: "mean change in MADRS score at week 6 was
# -14.8 (0.8)" (the time point in the label is the value's).
_LABEL_THEN_VALUE = re.compile(r"(?:\swas|\swere|\sis|\sof|[:=,])\s?(?:[:=]\s?)?")


_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


def _value_start(row: dict, start: int) -> int:
    """Where a mean's or median's value starts in its span, after any label it carries; the
    span's start for every other statistic."""
    # the value is read with an ASCII minus ("−14.8" is "-14.8"), one character for one
    text, value = row["source_text"].translate(_MINUS_SIGNS), row["value_text"]
    if row["kind"] not in {"mean", "median"} or not value or not text[:1].isalpha():
        return start
    for m in _LABEL_THEN_VALUE.finditer(text):
        if text.startswith(value, m.end()):
            return start + m.end()
    return start


def _defined_timepoints(norm: str) -> list[tuple[str, tuple[str, float]]]:
    """Return (outcome, its time point) of each outcome the text defines with a time
    (_OUTCOME_DEFINED), lower-cased."""
    found = []
    for m in _OUTCOME_DEFINED.finditer(norm):
        when = context.TIMEPOINT.match(norm, m.end())
        if when:
            found.append((m.group("what").lower(), context.timepoint_label(when)))
    return found


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


# "adjusted OR 1.74", "(adjusted hazard ratio", "aOR=0.48": estimated with covariates;
# "weighted difference", "stratified risk ratio", "Mantel-Haenszel odds ratio": over strata.
# "adjusted odds ratio", and a model's "estimated odds ratio" (Diabetes Care's house style)
_ADJUSTED_BEFORE = re.compile(
    r"(?i)\b(?:adjusted|estimated|weighted|stratified|Mantel[\s\-–]+Haenszel)\s(?:[\w\-]+\s)?$"
)
_ADJUSTED_IN = re.compile(
    r"\b(?i:adjusted|weighted|stratified|Mantel[\s\-–]+Haenszel)\b|\b(?:a|adj)(?:OR|RR|HR|IRR)s?\b"
    r"|\bA(?:OR|HR)\b"
)
# Means of a model, named before them in their sentence: least-squares, adjusted or estimated
# marginal means.
_MODEL_MEANS = re.compile(
    r"(?i)\bleast[\s\-]squares?\s(?:\(LS\)\s)?means?\b|\bLS\s?means?\b|\bLSM\b"
    r"|\badjusted\smeans?\b|\bestimated\smarginal\smeans?\b"
)


# the words before a p-value that name a stratified, adjusted or multiplicity-corrected
# analysis: "(Cochran-Mantel-Haenszel test stratified by centre, P = 0.02)", "after adjustment
# for age, P = 0.04", "(logistic regression, P = 0.01)"
_P_OF_A_MODEL = re.compile(
    r"(?i)\b(?:adjust(?:ed|ing|ment)|stratified|(?:Cochran[\s\-–]+)?Mantel[\s\-–]+Haenszel|CMH"
    r"|logistic[\s\-]regression|mixed[\s\-](?:effects?[\s\-])?models?|generali[sz]ed estimating"
    r"|GEE|ANCOVA|analysis of covariance|controlling for|Bonferroni|Holm|multiplicity)\b"
)
# how far before a p-value its test may be named
_P_LEAD = 100
# the tests a registry's statistical analysis may name (registry.by_named_test), as the checks
# recompute them
_REGISTRY_TESTS = {
    "fisher": sas.FISHER,
    "chi-squared": sas.PEARSON,
    "chi-square": sas.PEARSON,
    "chi-squared, corrected": sas.YATES,
    "chi-square, corrected": sas.YATES,
}
# what says an estimate pools several trials: "pooled RR", "(risk ratio 0.66, 95% CI 0.49 to
# 0.89; I2 = 12%)", "in a random-effects meta-analysis"
_POOLED_ACROSS_TRIALS = re.compile(
    r"(?i)\bpooled\b|\bI(?:2|\u00b2|\^2)\s?(?:=|of\b|was\b)|\bmeta-?analy[sz]"
    r"|\b(?:random|fixed)[\s\-]effects?\s(?:model|meta)"
)
# ... and "heterogeneity", unless the sentence is of one trial's subgroups, whose test of
# heterogeneity is an interaction test ("In the prespecified subgroup ... P for heterogeneity
# = 0.40")
_HETEROGENEITY = re.compile(r"(?i)\bheterogeneity\b")
_SUBGROUPS = re.compile(r"(?i)\bsub-?groups?\b")


# Fisher's exact test named right beside a p-value: "(P = .07 by Fisher exact test)",
# "P = 0.03, Fisher's exact test", "(Fisher's exact test, P = 0.03)"
_FISHER_AFTER_P = re.compile(
    r"\s?(?:[,;]\s?|\(|\s(?:by|using|with|on)\s)(?:the\s|a\s|two-sided\s)?Fisher(?:'s|\u2019s)?"
    r"\s(?i:exact)\b"
)
_FISHER_BEFORE_P = re.compile(
    r"Fisher(?:'s|\u2019s)?\s(?i:exact)(?:\s(?i:test))?\s?[,;:]?\s?(?:(?i:two-sided)\s)?$"
)


def _name_stated_tests(stats: list[dict], norm: str) -> None:
    """Give each p-value the test its text names, which the checks then hold it to alone: the
    method of the registry analysis it belongs to ("Method: Fisher Exact",
    registry.by_named_test), else Fisher's exact test named right beside it."""
    named = registry.by_named_test(norm)
    for row in stats:
        if row["kind"] != "p_value" or row.get("method"):
            continue
        tests = [test for start, end, test in named if start <= row["span_start"] < end]
        if tests:
            row["method"] = _REGISTRY_TESTS[tests[-1]]
        elif _fisher_beside(norm, row):
            row["method"] = sas.FISHER


def _fisher_beside(norm: str, p_row: dict) -> bool:
    """Whether Fisher's exact test is named right after a p-value or right before it."""
    if _FISHER_AFTER_P.match(norm, p_row["span_end"], p_row["sentence_end"]):
        return True
    before = norm[max(p_row["sentence_start"], p_row["span_start"] - 30) : p_row["span_start"]]
    return _FISHER_BEFORE_P.search(before.rstrip("( ")) is not None


def _mark_adjusted(stats: list[dict], norm: str) -> None:
    """Mark effect estimates adjusted for covariates, by their own words or the word before, or
    by the model a registry's statistical analysis names (registry.by_model); p-values whose
    words since the statistic before them (in their sentence) name a stratified or adjusted
    analysis, or that such a registry analysis gives, which a test of the crude counts or
    summaries does not reproduce; and estimates whose sentence says they pool several trials
    (_POOLED_ACROSS_TRIALS), which the trials' summed counts do not reproduce either."""
    modelled = registry.by_model(norm)
    lead_from = 0
    sentence = None
    for row in stats:
        if row["sentence_start"] != sentence:
            sentence, lead_from = row["sentence_start"], row["sentence_start"]
        if (
            row["kind"] == "p_value"
            and not row.get("method")
            and (
                _P_OF_A_MODEL.search(
                    norm, max(lead_from, row["span_start"] - _P_LEAD), row["span_start"]
                )
                or any(start <= row["span_start"] < end for start, end in modelled)
            )
        ):
            row["adjusted"] = True
        lead_from = max(lead_from, row["span_end"])
        if row["kind"] in {"ratio", "difference"} and (
            _ADJUSTED_IN.search(row["source_text"])
            or _ADJUSTED_BEFORE.search(norm, max(0, row["span_start"] - 30), row["span_start"])
            or any(start <= row["span_start"] < end for start, end in modelled)
        ):
            row["adjusted"] = True
        if row["kind"] == "mean" and _MODEL_MEANS.search(norm, sentence, row["span_end"]):
            row["adjusted"] = True  # "The least-squares mean (SE) change ... was −14.8 (0.8)"
        if row["kind"] in {"ratio", "difference"} and _pools_trials(norm, row):
            row[grammar.POOLED_ACROSS_TRIALS_FLAG] = True


# The label of the summaries after it: a geometric mean (titre, concentration, or their ratio)
# or an arithmetic mean or median.
_SUMMARY_LABEL = re.compile(
    r"(?i)\b(?P<geometric>geometric\smeans?|GM[TC]s?)\b|\b(?:means?|medians?|average)\b"
)


def _mark_geometric_means(stats: list[dict], norm: str) -> None:
    """Give the measure "geometric mean" to means whose nearest summary label before them in
    their sentence is a geometric mean ("the geometric mean titre was 412 (95% CI 365 to 465)
    with ... and 205 (181 to 232) with ...", "GMCs ...")."""
    for row in stats:
        if row["kind"] != "mean":
            continue
        labels = list(_SUMMARY_LABEL.finditer(norm, row["sentence_start"], row["span_end"]))
        if labels and labels[-1].group("geometric"):
            row["measure"] = GEOMETRIC_MEAN


def _pools_trials(norm: str, row: dict) -> bool:
    """Whether the sentence of an estimate says it pools several trials."""
    sentence = (row["sentence_start"], row["sentence_end"])
    return _POOLED_ACROSS_TRIALS.search(norm, *sentence) is not None or (
        _HETEROGENEITY.search(norm, *sentence) is not None
        and _SUBGROUPS.search(norm, *sentence) is None
    )


# The words after a p of another hypothesis, before the p that tests the estimate's own null:
# "(HR 0.74; 95% CI 0.58 to 0.95; P<0.001 for noninferiority; P=0.02 for superiority)".
_AFTER_ANOTHER_TEST = re.compile(rf"(?i)^(?:{comparisons.FOR_ANOTHER_TEST})?[\s,;:]{{0,4}}$")


def _link_p_values(stats: list[dict], norm: str) -> None:
    """Set ``refers_to`` of each p-value that directly follows an estimate or test statistic,
    or follows a p of another hypothesis that directly follows one."""
    previous = None
    waiting = None  # the estimate before a p of another hypothesis
    for row in stats:
        other = row["kind"] == "p_value" and comparisons.tests_another_hypothesis(row, norm)
        if other:
            row["another_hypothesis"] = True
        follows = (
            previous is not None
            and previous["sentence_start"] == row["sentence_start"]
            and (previous["kind"] in _LINKABLE or comparisons.has_standard_error(previous))
            and _LINK_GAP.match(norm[previous["span_end"] : row["span_start"]]) is not None
        )
        if row["kind"] == "p_value" and not other and follows:
            row["refers_to"] = previous["stat_id"]
        elif (
            row["kind"] == "p_value"
            and not other
            and waiting is not None
            and previous["sentence_start"] == row["sentence_start"]
            and _AFTER_ANOTHER_TEST.match(norm[previous["span_end"] : row["span_start"]])
        ):
            row["refers_to"] = waiting["stat_id"]
        waiting = (previous if follows else waiting) if other else None
        previous = row
    # an EU register analysis prints its p-value before its estimate (eu_register)
    for row, nxt in itertools.pairwise(stats):
        if (
            row["kind"] == "p_value"
            and row["refers_to"] is None
            and row["source_text"].startswith("P-value:")
            and nxt["kind"] in {"ratio", "difference"}
            and nxt["source_text"].startswith("Parameter estimate:")
            and nxt["span_start"] - row["span_end"] < _EU_ANALYSIS_GAP
        ):
            row["refers_to"] = nxt["stat_id"]


_EU_ANALYSIS_GAP = 200


# "in the drug and placebo groups, respectively", "in the MSC group and the control group,
# respectively": two arms named in the order of the values before them.
_ARMS_RESPECTIVELY = re.compile(
    rf"""\b(?:in|for|of|among|with)\s(?:the\s)?(?P<arm1>{grammar.ARM_LABEL})
    (?:\s(?:group|arm|cohort))?\s(?:and|vs\.?|versus)\s(?:the\s|in\sthe\s)?
    (?P<arm2>{grammar.ARM_LABEL})(?:\s(?P<groups>groups?|arms?|cohorts?))?,?\s
    (?i:respectively)\b""",
    re.VERBOSE,
)
# three or more arms: "in the low-dose, high-dose and placebo groups, respectively", "patients
# receiving the low dose, the high dose and placebo, respectively"
_ARM_LIST_RESPECTIVELY = re.compile(
    rf"""\b(?P<lead>in|for|of|among|with|receiving)\s(?:the\s)?
    (?P<list>{grammar.ARM_LABEL}(?:,\s(?:the\s)?{grammar.ARM_LABEL}){{1,4}},?\s(?:and|or)\s
    (?:the\s)?{grammar.ARM_LABEL})(?:\s(?P<groups>groups?|arms?|cohorts?))?,?\s(?i:respectively)\b""",
    re.VERBOSE,
)
_IN_ARM_ORDER = {"count", "mean", "median"}


def _lists_arms(listed: re.Match, labels: list[str], arm_words: frozenset[str]) -> bool:
    """Return True if a list said "respectively" (_ARM_LIST_RESPECTIVELY) names arms: it says
    so ("groups", "arms"), follows "receiving", or one of its items can name an arm or is a dose
    (context.names_arm_or_dose); "in the knee, hip and ankle, respectively" names sites."""
    return (
        bool(listed.group("groups"))
        or listed.group("lead") == "receiving"
        or any(context.names_arm_or_dose(label, arm_words) for label in labels)
    )


_TABLE_ROWS = 30  # how many lines below its header a flattened table's rows may run
_ARM_COLUMN_KINDS = frozenset({"count", "percentage", "mean", "median"})
_BETWEEN_COLUMN_KINDS = frozenset({"ratio", "difference", "p_value", "test"})


def rows_by_line(stats: list[dict], norm: str) -> dict[int, list[dict]]:
    """Return the statistics rows by the start of the line they start on."""
    by_line: dict[int, list[dict]] = {}
    for row in stats:
        by_line.setdefault(norm.rfind("\n", 0, row["span_start"]) + 1, []).append(row)
    return by_line


def _assign_table_columns(by_line: dict[int, list[dict]], norm: str) -> None:
    """Give arms to the cells of a flattened table whose header line names its arms with their
    sizes ("Outcome Tenecteplase (N=412) Alteplase (N=405) Risk ratio (95% CI) P value"): in
    each row below it (to a blank line), the values of one kind take the arms in the header's
    order when there are as many as arms, and the estimates and p-values between them all
    arms. Cells that already have an arm keep it. ``by_line``: rows_by_line."""
    for line_start, header in _table_headers(by_line, norm):
        line_end = norm.find("\n", line_start)
        header_line = norm[line_start : line_end if line_end >= 0 else None]
        if not _is_table_line(_CAPTION_NUMBER.sub("", header_line)):
            continue  # "randomized to drug (n = 60) or placebo (n = 60)." is prose
        adjusted = _adjusted_column(norm, header_line)
        caption_time = _caption_timepoint(norm, line_start)
        labelled: list[tuple[list[dict], str]] = []
        wrapped_label: re.Match | None = None
        for _ in range(_TABLE_ROWS):
            if line_end < 0:
                break
            start, line_end = line_end + 1, norm.find("\n", line_end + 1)
            line = norm[start : line_end if line_end >= 0 else len(norm)]
            if not _is_table_line(line):
                break  # a blank line or prose ends the table
            cells = by_line.get(start, [])
            if not cells:
                wrapped_label = _WRAPPED_LABEL.fullmatch(line.strip())
                continue
            _assign_row(cells, header)
            # the label starts at its first letter, after a Markdown row's opening bar
            indent = len(line) - len(line.lstrip(" \t|"))
            label = _ROW_LABEL.match(norm, start + indent, min(c["span_start"] for c in cells))
            if label and wrapped_label and _SUMMARY_ONLY.fullmatch(label.group("label")):
                _label_from_line_above(cells, label.group("label"), wrapped_label.group("label"))
            wrapped_label = None
            for cell in cells:
                if adjusted and cell["kind"] in {"ratio", "difference"}:
                    cell["adjusted"] = True
                if label and not cell["outcome"] and cell["kind"] in RESULT_KINDS:
                    cell["outcome"] = label.group("label")
                if caption_time and not cell["timepoint"] and cell["kind"] in RESULT_KINDS:
                    cell["timepoint"], cell["timepoint_days"] = caption_time
                    cell["timepoint_source"] = "table_caption"
            if label:
                labelled.append((cells, label.group("label")))
        _drop_footnote_letters(labelled, norm)


# A row label PDF broke over two lines, its summary type on the line of its cells:
# "Haemoglobin drop at day 2, g/dL," over "median (IQR)    2.4 (1.9–3.0)    3.1 (2.5–3.8)".
_WRAPPED_LABEL = re.compile(r"(?P<label>[A-Za-z][^,\n]{1,60}),[^\n]{0,20},")
_SUMMARY_ONLY = re.compile(r"(?i)(?:mean|median|n)\s?\((?:SD|SE|IQR|%|range)\)")


def _label_from_line_above(cells: list[dict], summary: str, label: str) -> None:
    """Give the cells of a row labelled only by its summary type ("median (IQR)") the label of
    the line above them, and the time point it names ("at day 2")."""
    time = context.TIMEPOINT.search(label)
    for cell in cells:
        if cell["kind"] not in RESULT_KINDS:
            continue
        if cell["outcome"] in {"", summary}:
            cell["outcome"] = label
        if time and not cell["timepoint"]:
            cell["timepoint"], cell["timepoint_days"] = context.timepoint_label(time)
            cell["timepoint_source"] = "sentence"


# A table's caption: "Table 7: Proportion of Patients Meeting Efficacy Endpoints at Week 12".
_CAPTION_OPENING = r"^[ \t]?Table\s?\d{1,3}[.:]\s"
_CAPTION = re.compile(rf"(?m){_CAPTION_OPENING}[^\n]{{0,200}}")
_CAPTION_LINES = 12  # how many lines above its header's last line a caption may stand
_CAPTION_NUMBER = re.compile(_CAPTION_OPENING)  # "Table 1. " opening a header line


def _caption_timepoint(norm: str, header_start: int) -> tuple[str, float] | None:
    """Return the one time point the caption above a table's header names, or None."""
    start = header_start
    for _ in range(_CAPTION_LINES):
        if start == 0:
            return None
        start = norm.rfind("\n", 0, start - 1) + 1
        if caption := _CAPTION.match(norm, start):
            times = {
                context.timepoint_label(m) for m in context.TIMEPOINT.finditer(caption.group())
            }
            return times.pop() if len(times) == 1 else None
    return None


# A footnote under a table, marked by a letter: "b SFS ≤1, RBS of 0, and ES ≤1".
_LETTER_FOOTNOTE = re.compile(r"(?m)^[ \t]?([a-z])[ \t]+[A-Z(\d]")


def _drop_footnote_letters(labelled: list[tuple[list[dict], str]], norm: str) -> None:
    """Take the footnote letters off a table's row labels and the outcomes named by them
    ("Clinical remissionb", "Clinical responsec"): when two rows or more end in letters that
    follow one another ("b", "c", "d") and each marks a footnote printed in the text."""
    marked = [(cells, label) for cells, label in labelled if label[-1:].islower()]
    letters = [label[-1] for _, label in marked]
    if len(marked) < 2 or any(ord(b) - ord(a) != 1 for a, b in itertools.pairwise(letters)):
        return
    if not set(letters) <= set(_LETTER_FOOTNOTE.findall(norm)):
        return
    for cells, label in marked:
        for cell in cells:
            if cell["outcome"].endswith(label):
                cell["outcome"] = cell["outcome"][:-1]


_WRAPPED_HEADER_LINES = 5  # how many lines apart two sizes of one wrapped header may stand


def _table_headers(by_line: dict[int, list[dict]], norm: str) -> list[tuple[int, list[dict]]]:
    """Return each table header's last line's start and its arm sizes: a line naming two arms or
    more with their sizes, or short lines that each hold only one arm's size, a few lines apart
    (a header wrapped cell by cell: "Placebo / N=147 / n (%) ZELVORA / 40 mg / N=294")."""
    headers = _headers_naming_sized_arms(by_line, norm)
    wrapped: list[tuple[int, dict]] = []
    for line_start in sorted(by_line):
        sized = [r for r in by_line[line_start] if r["kind"] == "arm_size" and r["arm"]]
        if len(sized) >= 2:
            headers.append((line_start, sized))
            continue
        line_end = norm.find("\n", line_start)
        line = norm[line_start : line_end if line_end >= 0 else None].strip()
        if len(sized) != 1 or line != sized[0]["source_text"].strip():
            continue
        if wrapped and norm.count("\n", wrapped[-1][0], line_start) > _WRAPPED_HEADER_LINES:
            if len(wrapped) >= 2:
                headers.append((wrapped[-1][0], [row for _, row in wrapped]))
            wrapped = []
        wrapped.append((line_start, sized[0]))
    if len(wrapped) >= 2:
        headers.append((wrapped[-1][0], [row for _, row in wrapped]))
    return sorted(headers, key=lambda header: header[0])


def _headers_naming_sized_arms(
    by_line: dict[int, list[dict]], norm: str
) -> list[tuple[int, list[dict]]]:
    """Return the header lines whose last cells, apart by two spaces or more, name the arms the
    text sized elsewhere, in column order ("Table 1. Outcomes   Probiotic   Placebo   p" after
    "probiotic n=152, placebo n=154"), each with the arm's size."""
    sized: dict[str, dict] = {}
    for rows in by_line.values():
        for row in rows:
            if row["kind"] == "arm_size" and row["arm"] and row["value"] is not None:
                sized.setdefault(row["arm"].lower(), row)
    if len(sized) < 2 or "  " not in norm:
        return []
    names = "|".join(re.escape(name) for name in sorted(sized, key=len, reverse=True))
    one_cell = rf"[ \t]{{2,}}(?P<name>{names})(?=[ \t]{{2,}}|[ \t]*$)"
    cell = re.compile("(?im)" + one_cell)
    cells = re.compile(rf"(?im)(?:{one_cell}){{2,}}(?:[ \t]{{2,}}p(?:\s?value)?)?[ \t]*$")
    headers = []
    for m in cells.finditer(norm):
        line_start = norm.rfind("\n", 0, m.start()) + 1
        if line_start in by_line and any(r["kind"] in RESULT_KINDS for r in by_line[line_start]):
            continue  # a row of values, not a header
        named = [c.group("name") for c in cell.finditer(m.group())]
        if len({n.lower() for n in named}) == len(named):
            headers.append((line_start, [sized[n.lower()] for n in named]))
    return headers


# The estimate's column heading and its footnote mark: "Risk ratio (95% CI)*" ... "*Risk ratios
# were adjusted for age and baseline NIHSS score."
_ESTIMATE_COLUMN = re.compile(
    r"(?i)(?P<adjusted>adjusted\s)?(?:ratio|difference|\bOR|\bRR|\bHR|\bIRR|\bMD)\s?"
    r"\(\s?95\s?%\s?CI\s?\)\s?(?P<mark>[*\u2020\u2021\u00a7])?"
)


def _adjusted_column(norm: str, header: str) -> bool:
    """Whether a table's header, or the footnote its estimate column is marked with, says the
    estimates are adjusted."""
    column = _ESTIMATE_COLUMN.search(header)
    if column is None:
        return False
    if column.group("adjusted"):
        return True
    mark = column.group("mark")
    return (
        bool(mark)
        and re.search(re.escape(mark) + r"[^\n*\u2020\u2021\u00a7]{0,120}\badjusted\b", norm, re.I)
        is not None
    )


# A table row's label: what its cells measure ("Death from any cause at 90 days", without ", n/N
# (%)" or a footnote's mark).
_ROW_LABEL = re.compile(
    r"(?P<label>[A-Za-z][^\n]{1,80}?)(?:,\s?(?:n/N|n|No\.)\s?\(%\))?[*\u2020\u2021\u00a7]?\s*$"
)


_SENTENCE_INSIDE = re.compile(r"[.:;]\s+[A-Z]|[.:;]\s*$")


def _is_table_line(line: str) -> bool:
    """Whether a line can be a header or row of a flattened table: short, and no sentence."""
    return bool(line.strip()) and len(line) <= 200 and not _SENTENCE_INSIDE.search(line)


def _assign_row(cells: list[dict], header: list[dict]) -> None:
    """Give one row of a table its arms, and a count printed without its denominator the size
    its column's header gives (_assign_table_columns): "Ravolimod (n = 191)" heads "17 (9.8)"
    whatever else the text says of the arm."""
    arms = [h["arm"] for h in header]
    for kind in _ARM_COLUMN_KINDS:
        values = [c for c in cells if c["kind"] == kind]
        if len(values) == len(arms) and not any(c["arm"] for c in values):
            for cell, column in zip(values, header, strict=True):
                cell["arm"] = column["arm"]
                if (
                    kind == "count"
                    and cell["denominator"] is None
                    and cell["numerator"] is not None
                    and column["value"] is not None
                    and counts_people(column)
                    and cell["numerator"] <= column["value"]
                ):
                    cell["denominator"] = int(column["value"])
                    cell["denominator_stat_id"] = column["stat_id"]
    if len(arms) == 2:
        for cell in cells:
            if cell["kind"] in _BETWEEN_COLUMN_KINDS and not cell["arm"]:
                cell["arm"] = " vs ".join(arms)


def _assign_respectively(
    stats: list[dict],
    by_sentence: dict[int, list[dict]],
    norm: str,
    allocated: list[tuple[int, tuple[str, ...]]],
    arm_words: frozenset[str],
) -> None:
    """Give arms to counts and summaries listed "..., respectively" in the order the sentence
    names the arms after them ("in the drug and placebo groups, respectively"), else its arm
    sizes ("61 were assigned to cells and 59 to placebo; death occurred in 5 (8.2%)
    and 9 (15.3%), respectively"); when the sentence names none, counts take the arms of their
    study in the order the text first gave their sizes ("(intervention n = 108; standard care n =
    106) ... Serious adverse events occurred in 11 (10.2%) and 12 (11.3%) patients,
    respectively"), if there are exactly as many arms as counts; when the text gives no arm's
    size, the values take the arms in the order the methods allocated to them (``allocated``:
    context.allocated_arms). ``by_sentence``: the rows of each sentence (_rows_by_sentence);
    ``arm_words``: _arm_words."""
    for start, rows in by_sentence.items():
        said = _RESPECTIVELY.search(norm, start, rows[0]["sentence_end"])
        if not said:
            continue
        listed = _ARM_LIST_RESPECTIVELY.search(norm, start, said.end())
        if listed:
            labels = [context.clean_arm(label) for label in _LIST_SPLIT.split(listed.group("list"))]
            before = [
                r for r in rows if r["kind"] in _IN_ARM_ORDER and r["span_end"] <= listed.start()
            ]
            if (
                len(before) == len(labels)
                and all(labels)
                and _lists_arms(listed, labels, arm_words)
            ):
                for arm, value in zip(labels, before, strict=True):
                    value["arm"] = arm
                continue
        named = _ARMS_RESPECTIVELY.search(norm, start, said.end())
        if named:
            # "62% (31 of 50) and 40% (20 of 50) in the drug and placebo groups, respectively"
            labels = [context.clean_arm(named.group(g)) for g in ("arm1", "arm2")]
            # "in 8.2% and 9.1% of patients in the treatment and placebo groups, respectively"
            before = [
                r
                for r in rows
                if r["kind"] in _IN_ARM_ORDER | {"percentage"} and r["span_end"] <= named.start()
            ]
            sizes = [r for r in rows if r["kind"] == "arm_size" and r["span_end"] <= named.start()]
            if not before and len(sizes) == 2 and not any(r["arm"] for r in sizes):
                before = sizes  # "enrolled 191 and 188 patients in the X and placebo groups, ..."
            # "with obrexatinib and chemotherapy, respectively": without "groups", both must
            # look like arms ("in the knee and hip, respectively" names sites)
            looks = named.group("groups") or all(
                context.names_arm_or_dose(label, arm_words) for label in labels
            )
            if len(before) == 2 and all(labels) and looks:
                for arm, value in zip(labels, before, strict=True):
                    value["arm"] = arm
                continue
        doses = _DOSES_RESPECTIVELY.search(norm, start, said.end())
        unnamed = [
            r
            for r in rows
            if r["kind"] in _IN_ARM_ORDER
            and not r["arm"]
            and doses
            and r["span_end"] <= doses.start()
        ]
        if doses and len(unnamed) == len(numbers := _DOSE_NUMBER.findall(doses.group("list"))):
            # "-1.9 (SE 0.25), -2.2 (SE 0.25) and -2.6 (SE 0.24) with 25, 50 and 100 mg,
            # respectively": the doses share their unit
            for number, value in zip(numbers, unnamed, strict=True):
                value["arm"] = f"{number} {doses.group('unit')}"
            continue
        arms = [r for r in rows if r["kind"] == "arm_size"]
        unnamed = [r for r in arms if not r["arm"]]
        if len(unnamed) >= 2:
            # "the safety population comprised 191 and 188 patients, respectively": the arms in
            # the order the text first gave their sizes
            first = unnamed[0]
            ordered = attribution.study_arms_in_order(stats, first["study_id"], first["span_start"])
            if len(ordered) == len(unnamed):
                for arm, size in zip(ordered, unnamed, strict=True):
                    size["arm"] = arm["arm"]
            elif not ordered:
                # "randomized to MSC or placebo (n = 101 and 99, respectively)": the arms the
                # sentence, or the methods before it, allocated to
                before = [
                    labels for offset, labels in allocated if offset < unnamed[0]["span_start"]
                ]
                if before and len(before[-1]) == len(unnamed):
                    for label, size in zip(before[-1], unnamed, strict=True):
                        size["arm"] = context.clean_arm(label)
        values = [r for r in rows if r["kind"] in _IN_ARM_ORDER and not r["arm"]]
        if len(arms) < 2 and values and all(r["kind"] == "count" for r in values):
            arms = attribution.study_arms_in_order(stats, values[0]["study_id"], start)
        if len(arms) >= 2 and len(values) == len(arms):
            for arm, value in zip(arms, values, strict=True):
                value["arm"] = arm["arm"]
                value["subgroup"] = value["subgroup"] or arm["subgroup"]
        elif not arms and values:
            # "randomly assigned 120 adults to receive MSCs or placebo (60 per group) ...
            # Serious adverse events occurred in 12 patients (20.0%) and 14 patients (23.3%),
            # respectively": the arms in the order the methods allocated to them
            before = [labels for offset, labels in allocated if offset < start]
            if before and len(before[-1]) == len(values):
                for label, value in zip(before[-1], values, strict=True):
                    value["arm"] = context.clean_arm(label)


# Three arms or more named in a list after their values: "-3.41 (SEM, 0.33), -2.29 (SEM, 0.34),
# and -1.83 (SEM, 0.33) ml/min with placebo, 10 mg, and 20 mg, respectively", "52 (22.8%), 44
# (19.2%), and 37 (16.3%) participants in the placebo, 10-mg, and 20-mg groups".
_ARM_ITEM = r"[A-Za-z0-9][\w\-+.]{0,24}(?:\s[A-Za-z0-9][\w\-+]{0,24}){0,2}?"
_ARM_LIST_AFTER = re.compile(
    rf"""\b(?:in|for|with|on|among|receiving)\s(?:the\s)?
    (?P<items>{_ARM_ITEM}(?:,\s{_ARM_ITEM}){{1,5}},?\s(?:and|or)\s{_ARM_ITEM})
    (?:\s(?P<groups>groups|arms|cohorts)|,?\s(?P<resp>respectively))\b""",
    re.VERBOSE,
)
_LIST_SPLIT = re.compile(r",\s(?:(?:and|or)\s)?|\s(?:and|or)\s")


def _rows_by_sentence(stats: list[dict]) -> dict[int, list[dict]]:
    """Return the rows of each sentence, by the sentence's start, in text order."""
    by_sentence: dict[int, list[dict]] = {}
    for row in stats:
        by_sentence.setdefault(row["sentence_start"], []).append(row)
    return by_sentence


def _assign_arm_lists(
    by_sentence: dict[int, list[dict]], norm: str, arm_words: frozenset[str]
) -> None:
    """Give values without arms the arms a list after them names, in order (a list that says it
    names groups, or whose items the values are "respectively"), when as many values of one
    kind stand in its clause before it and every item can name an arm (``arm_words``: the
    document's arms) or is a dose. ``by_sentence``: the rows of each sentence."""
    for start, rows in by_sentence.items():
        for m in _ARM_LIST_AFTER.finditer(norm, start, rows[0]["sentence_end"]):
            items = [context.clean_arm(i) for i in _LIST_SPLIT.split(m.group("items"))]
            clause = max(start, norm.rfind(";", start, m.start()) + 1)
            values = [
                r
                for r in rows
                if r["kind"] in _IN_ARM_ORDER | {"percentage"}
                and clause <= r["span_start"]
                and r["span_end"] <= m.start()
            ]
            if (
                all(context.names_arm_or_dose(item, arm_words) for item in items)
                and len(values) == len(items)
                and len({r["kind"] for r in values}) == 1
                and not any(r["arm"] for r in values[:-1])
            ):
                for row, item in zip(values, items, strict=True):
                    row["arm"] = item


# Doses that share their unit, named before "respectively": "with 25, 50 and 100 mg,
# respectively".
_DOSES_RESPECTIVELY = re.compile(
    r"\b(?:with|in|for|at|on|receiving)\s(?:the\s)?"
    r"(?P<list>\d{1,5}(?:\.\d{1,3})?(?:,\s\d{1,5}(?:\.\d{1,3})?){0,6},?\s(?:and|or)\s"
    r"\d{1,5}(?:\.\d{1,3})?)\s(?P<unit>(?:mg|g|mcg|\u00b5g|\u03bcg|IU|mL|ml)(?:/(?:kg|d|day))?)"
    r"(?:\s(?:doses?|groups?|arms?))?,?\s(?=respectively)"
)
_DOSE_NUMBER = re.compile(r"\d{1,5}(?:\.\d{1,3})?")
# The words right after a count: "two (1.4%) TXA, three (2.1%) placebo", "three infants (LISA),
# none (INSURE)", "84 (3.5%) vaccine recipients and 47 (3.9%) controls".
_LABEL_AFTER = re.compile(
    r"\s?(?:\((?P<bracketed>[^()\n]{1,30})\)|(?P<plain>[A-Za-z][\w\-]*(?:\s[A-Za-z][\w\-]*){0,2}?))"
    r"(?=\s?[,;.)]|\s(?:and|vs\.?|versus)\s|$)"
)


def _arms_named_after(stats: list[dict], norm: str, arm_rows: list[dict]) -> None:
    """Give a count without an arm the arm its following words name, when every word of one
    (and only one) of its study's arms is among them."""
    for row in stats:
        if row["kind"] != "count" or row["arm"]:
            continue
        m = _LABEL_AFTER.match(norm, row["span_end"])
        if not m:
            continue
        words = set(context.arm_key(m.group("bracketed") or m.group("plain")).split())
        arms = comparisons.study_arms(arm_rows, row["study_id"], row["subgroup"])
        named = {
            a["arm_key"]: a for a in arms if a["arm_key"] and set(a["arm_key"].split()) <= words
        }
        if len(named) == 1:
            row["arm"] = next(iter(named.values()))["arm"]


# What a count of the whole sample says after it: "131 (61.2%) were men", "171 participants
# (91.9%) completed the study".
_SHARE_OF_ALL_AFTER = re.compile(
    rf"(?i)\s?(?:were\s|was\s)?(?:{context.SEX_WORDS})\b|\s{context.COMPLETED}\b"
    r"|\sof\sthe\s(?:participants|patients|subjects)\b"  # "none of the participants"
    # "Three patients died (one BMMNC patient and two control patients)": all the trial's
    r"|(?:(?<=patients)|(?<=participants))\s(?:died|withdrew|discontinued)\b"
    # "98 (59,8 %) waren Frauen", "eran mujeres", "eram mulheres", "étaient des femmes"
    r"|\s?(?:waren|eran|eram|[ée]taient)\s(?:des\s)?(?:Frauen|M[äa]nner|mujeres|hombres|varones"
    r"|mulheres|homens|femmes|hommes)\b"
)


def _size_that_fits(row: dict, arm: dict, arms: list[dict], stats: list[dict]) -> tuple[int, int]:
    """Return (n, stat_id) for a count of an arm printed without its denominator: the arm's
    size, unless its percentage fits only the denominator another count of the same arm prints
    ("41 of 436 participants (9.4%) in the short-course group ... 22 (5.0%)" is 22 of the 436
    analysed, not of the 448 randomized)."""
    if row["percent"] is None or _percent_fits(row, arm["n"]):
        return arm["n"], arm["stat_id"]
    # another size the text gives the same arm: "195 to ravolimod" randomized, "Ravolimod (n =
    # 191)" heading the safety table whose "128 (67.0)" is of the 191
    for size in stats:
        if (
            size["kind"] == "arm_size"
            and size["value"] is not None
            and size["study_id"] == row["study_id"]
            and size["subgroup"] == row["subgroup"]
            and _percent_fits(row, size["value"])
            and resolve_arm(size["arm"], arms) is arm
        ):
            return int(size["value"]), size["stat_id"]
    for other in stats:
        if (
            other["kind"] == "count"
            and other["denominator_stat_id"] is None
            and other["denominator"] is not None
            and other["study_id"] == row["study_id"]
            and other["subgroup"] == row["subgroup"]
            and resolve_arm(other["arm"], arms) is arm
            and _percent_fits(row, other["denominator"])
        ):
            return int(other["denominator"]), other["stat_id"]
    return arm["n"], arm["stat_id"]


def _percent_fits(row: dict, n: float) -> bool:
    """Return True if numerator / n rounds to the row's printed percentage."""
    if not n:
        return False
    digits = re.search(r"[.,\u00b7](\d+)", row["percent_text"])
    half = 0.5 * 10.0 ** -(len(digits.group(1)) if digits else 0)
    return abs(100.0 * row["numerator"] / n - row["percent"]) <= half + 1e-9


def _each_arm_size(row: dict, sizes: list[dict]) -> dict | None:
    """Return the size stated for every arm ("40 cases in each group") that a count of a named
    arm without a size of its own is out of: the one such size of its study, or the one its
    percentage fits."""
    fitting = [s for s in sizes if s["value"] >= row["numerator"]]
    if row["percent"] is not None:
        fitting = [s for s in fitting if _percent_fits(row, s["value"])]
    elif any(s["population"] != "analysed" for s in fitting):
        fitting = [s for s in fitting if s["population"] != "analysed"]
    return fitting[0] if len({s["value"] for s in fitting}) == 1 else None


def _sources_of_counts(stats: list[dict], study_arms) -> dict[int, dict]:
    """Return the arm row (arms.resolve_arm) whose size each count without a denominator may
    take, by stat_id; none for counts of two arms in one sentence that resolve to the same row
    ("78 (65.0%) patients in the ticagrelor group and 62 (51.7%) in the clopidogrel group"
    against the one sized "per-protocol cohort (n = 221)"), which is neither's.
    ``study_arms(study_id, subgroup)`` returns the arm rows of a study (cached by the caller)."""
    found: dict[int, tuple[dict, tuple[int, int]]] = {}
    claims: dict[tuple[int, int], set[str]] = {}
    for row in stats:
        if row["kind"] != "count" or row["denominator"] is not None or row["numerator"] is None:
            continue
        if not row["arm"]:
            continue
        source = resolve_arm(row["arm"], study_arms(row["study_id"], row["subgroup"]))
        if source is not None:
            claim = (row["sentence_start"], source["stat_id"])
            found[row["stat_id"]] = source, claim
            claims.setdefault(claim, set()).add(context.arm_key(row["arm"]))
    return {
        stat_id: source for stat_id, (source, claim) in found.items() if len(claims[claim]) == 1
    }


def _fill_denominators(stats: list[dict], study_arms, norm: str) -> None:
    """Give a count printed without its denominator ("three patients in the MSC alone group",
    "23 (46.9%)") the size the text gives its arm (or every arm: "40 cases in each group"), or
    the sample size its sentence starts from ("Among 12,450 vaccinated adults, 1,234 (9.9%)
    ..."), or, for a count of women or men or of those who completed the study, the study's last
    sample size before it. ``study_arms`` as for _sources_of_counts."""
    totals_of: dict[int, list[dict]] = {}
    study_totals: dict[str, list[dict]] = {}
    each_arm: dict[str, list[dict]] = {}
    for s in stats:
        if s["kind"] == "arm_size" and s["each_arm"] and s["value"] and counts_people(s):
            each_arm.setdefault(s["study_id"], []).append(s)
        if s["kind"] == "sample_size" and s["value"] is not None and counts_people(s):
            totals_of.setdefault(s["sentence_start"], []).append(s)
            study_totals.setdefault(s["study_id"], []).append(s)
    shared = {s["stat_id"] for sizes in each_arm.values() for s in sizes}
    sources = _sources_of_counts(stats, study_arms)
    for row in stats:
        if row["kind"] != "count" or row["denominator"] is not None or row["numerator"] is None:
            continue
        source = None
        if row["arm"]:
            arms = study_arms(row["study_id"], row["subgroup"])
            source = sources.get(row["stat_id"])
            if source is not None and source["stat_id"] in shared:
                source = None  # an arm's share of a size of each arm: the percentage must fit
            if source is not None:
                n, stat_id = _size_that_fits(row, source, arms, stats)
                row["denominator"], row["denominator_stat_id"] = n, stat_id
            elif (size := _each_arm_size(row, each_arm.get(row["study_id"], []))) is not None:
                row["denominator"], row["denominator_stat_id"] = int(size["value"]), size["stat_id"]
            continue
        totals = [
            s
            for s in totals_of.get(row["sentence_start"], [])
            if s["span_end"] <= row["span_start"]
        ]
        if not totals and _SHARE_OF_ALL_AFTER.match(norm, row["span_end"]):
            # "Mean age was 57.2 years and 131 (61.2%) were men": a share of the whole sample
            totals = [
                s
                for s in study_totals.get(row["study_id"], [])
                if s["span_end"] <= row["span_start"]
            ]
        if totals:
            row["denominator"] = int(totals[-1]["value"])
            row["denominator_stat_id"] = totals[-1]["stat_id"]


def _label_between_arm_statistics(stats: list[dict], comparison_rows: list[dict]) -> None:
    """Give effect estimates and p-values of a comparison the arms they compare ("MSC vs
    placebo")."""
    by_id = {row["stat_id"]: row for row in stats}
    for cmp in comparison_rows:
        if not cmp["arm_1"] or not cmp["arm_2"]:
            continue
        for key in ("effect_stat_id", "second_effect_stat_id", "p_stat_id", "test_stat_id"):
            row = by_id.get(cmp[key])
            if row is not None and not row["arm"]:
                row["arm"] = f"{cmp['arm_1']} vs {cmp['arm_2']}"


def _risk_differences_of_counts(stats: list[dict], comparison_rows: list[dict]) -> None:
    """Call a difference in percent that its sentence's counts give as the difference of their
    percentages ("301/372 (80.9%) and 11/124 (8.9%) ... (difference 72.0%; 95% CI ...)") a risk
    difference, which the checks can then hold against the counts and its CI's midpoint; a
    relative difference (72.0% of 8.9%) or one no rounding of the counts gives stays unnamed."""
    by_id = {row["stat_id"]: row for row in stats}
    estimates = [
        (cmp, by_id.get(cmp[key]))
        for cmp in comparison_rows
        for key in ("effect_stat_id", "second_effect_stat_id")
    ]
    for cmp, effect in estimates:
        if (
            cmp["kind"] != "binary"
            or effect is None
            or effect["kind"] != "difference"
            or effect["measure"] != "difference"
            or effect["unit"] != "%"
            or effect["value"] is None
            or not cmp["total_1"]
            or not cmp["total_2"]
        ):
            continue
        points = 100.0 * (cmp["events_1"] / cmp["total_1"] - cmp["events_2"] / cmp["total_2"])
        digits = re.search(r"[.,\u00b7](\d+)", effect["value_text"])
        # the printed difference's own rounding, and the authors' subtracting their rounded
        # percentages (0.05 each at one decimal)
        allowed = 0.5 * 10.0 ** -(len(digits.group(1)) if digits else 0) + 0.1
        if abs(abs(effect["value"]) - abs(points)) <= allowed:
            effect["measure"] = "risk difference"
            effect["measure_from_counts"] = True


def _arms_of_registry_analyses(stats: list[dict], norm: str) -> None:
    """Give the estimates, tests and p-values of a registry's statistical analysis the two arms
    it selects, when nothing else named them."""
    analyses = registry.analyses(norm)
    starts = [analysis.start for analysis in analyses]
    for row in stats:
        if row["kind"] in attribution.EFFECT_KINDS and not row["arm"]:
            inside = _enclosing(analyses, starts, row["span_start"], row["span_end"])
            row["arm"] = inside[-1].arms if inside else ""


def _name_strata(stats: list[dict]) -> None:
    """Append the stratum to the arm a statistic names, as a reviewer writes it ("MSC treatment
    (moderate)", "MSC treatment (moderate) vs control (moderate)"); the subgroup column keeps
    it on its own."""
    for row in stats:
        if row["subgroup"] and row["arm"] and f"({row['subgroup']})" not in row["arm"]:
            row["arm"] = " vs ".join(
                f"{arm} ({row['subgroup']})" for arm in row["arm"].split(" vs ")
            )


def _arm_rows(
    doc_id: str, stats: list[dict], text: str, allocated: list[tuple[int, tuple[str, ...]]]
) -> list[dict]:
    """Return the arms table rows: one per arm-size statement, and one per arm allocated to
    for a size of each arm ("to vitamin D3, fish oil or placebo ... (n = 62 per arm)")."""
    rows = []
    for row in stats:
        if row["kind"] != "arm_size" or row["value"] is None or not counts_people(row):
            continue
        arms = _arms_of_each(row, allocated) if row["each_arm"] else [row["arm"]]
        rows += [
            {
                "doc_id": doc_id,
                "study_id": row["study_id"],
                "arm": arm,
                "arm_key": context.arm_key(arm),
                "role": context.arm_role(arm),
                "subgroup": row["subgroup"],
                "population": row["population"],
                "n": int(row["value"]),
                "timepoint": row["timepoint"],
                "stat_id": row["stat_id"],
                "source_text": text[row["span_start"] : row["span_end"]],
                "span_start": row["span_start"],
                "span_end": row["span_end"],
            }
            for arm in arms
        ]
    return rows


# How far before a size of each arm the allocation that names the arms may start.
_EACH_ARM_REACH = 300


def _arms_of_each(row: dict, allocated: list[tuple[int, tuple[str, ...]]]) -> list[str]:
    """Return the arms a size of each arm counts: those of the allocation in its sentence or
    just before it, when they are as many as the text says; else none."""
    before = [
        labels
        for at, labels in allocated
        if row["span_start"] - _EACH_ARM_REACH <= at < row["span_start"]
    ]
    if not before:
        return []
    labels = [context.clean_arm(label) for label in before[-1]]
    expected = row.get("arm_count")
    stated = isinstance(expected, (int, float)) and expected == expected  # not NaN
    if len(labels) < 2 or (stated and int(expected) != len(labels)) or not all(labels):
        return []
    return labels


def _fact_rows(doc_id: str, text: str, found: list[facts.Fact], layout) -> list[dict]:
    """Return the facts table rows, each attributed to the study its span lies in."""
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
    """Return the first fact row of a kind, or None."""
    return next((r for r in rows if r["fact"] == fact), None)


def _study_rows(doc_id: str, layout, fact_rows: list[dict], stats: list[dict]) -> list[dict]:
    """Return the studies table rows with what the facts and statistics say."""
    rows = []
    for study in layout.studies:
        own = [f for f in fact_rows if f["study_id"] == study.study_id]
        sizes = [
            s
            for s in stats
            if s["study_id"] == study.study_id and s["kind"] == "sample_size" and counts_people(s)
        ]
        details = {f.fact: f for f in study.facts if f.fact in STUDY_ONLY}
        title, authors = details.get("title"), details.get("authors")
        year = _first(own, "year")
        dose = _first(own, "dose")
        segments = study.segments or [(0, 0)]
        rows.append(
            {
                "doc_id": doc_id,
                "study_id": study.study_id,
                "title": title.value if title else "",
                "title_start": title.start if title else None,
                "title_end": title.end if title else None,
                "authors": authors.value if authors else "",
                "authors_start": authors.start if authors else None,
                "authors_end": authors.end if authors else None,
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


def _between_tabs(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` between its tabs (normalize keeps every offset)."""
    tabs = [m.start() for m in _TAB.finditer(text)]
    return list(zip([0, *(t + 1 for t in tabs)], [*tabs, len(text)], strict=True))


_TAB = re.compile("\t")


def extract_document(doc_id: str, text: str) -> Extraction:
    """Return the statistics, comparisons, arms, facts and studies of one decoded document."""
    norm = normalize(text)
    sents = context.Sentences(norm)
    scan = Scanner(norm)
    found_facts = facts.identifier_facts(norm, scan)
    layout = studies.layout(norm, [f for f in found_facts if f.fact == "registration"])
    found_facts += facts.design_facts(norm, sents, scan)
    found_facts += facts.dose_facts(norm, scan)
    found_facts += facts.schedule_facts(norm, sents, scan)
    found_facts += facts.allocation_facts(norm, scan)
    found_facts += facts.follow_up_facts(norm, sents, scan)
    for study in layout.studies:
        found_facts += [f for f in study.facts if f.fact not in STUDY_ONLY]
    # a registry record copied from its web page separates its columns with tabs, which
    # normalize makes blanks; the registry reader sees them as bars (same offsets)
    cells = "|".join(norm[a:b] for a, b in _between_tabs(text)) if "\t" in text else None
    found = candidates(norm, sents, scan, cells)
    kept = resolve(
        found, masks.masked_spans(norm, [(c.start, c.end) for c in found], scan), len(norm)
    )
    stats = [_statistic_row(doc_id, cand, text) for cand in kept]
    for index, row in enumerate(stats):
        row["stat_id"] = index
    allocated = context.allocated_arms(norm, scan)
    # arm sizes keep the arms they were read with, so their words are known from here on
    arm_words = _arm_words(stats, allocated)
    known_studies = {i: c.fields["study"] for i, c in enumerate(kept) if c.fields.get("study")}
    _attach_context(stats, norm, sents, arm_words, layout, found_facts, known_studies)
    _arms_named_by_their_letter(stats, norm)
    _name_stated_tests(stats, norm)
    _mark_adjusted(stats, norm)
    _mark_geometric_means(stats, norm)
    _link_p_values(stats, norm)
    by_sentence = _rows_by_sentence(stats)
    _assign_arm_lists(by_sentence, norm, arm_words)
    _assign_respectively(stats, by_sentence, norm, allocated, arm_words)
    by_line = rows_by_line(stats, norm)
    _assign_table_columns(by_line, norm)
    grade.assign_evidence_profiles(by_line, norm)
    arm_rows = _arm_rows(doc_id, stats, text, allocated)

    arms_of: dict[tuple[str, str], list[dict]] = {}

    def study_arms(study: str, subgroup: str) -> list[dict]:
        if (study, subgroup) not in arms_of:
            arms_of[study, subgroup] = comparisons.study_arms(arm_rows, study, subgroup)
        return arms_of[study, subgroup]

    attribution.drop_unknown_arms(stats, study_arms)
    # which values stand side by side depends on their kinds and places only: found once
    runs = attribution.value_runs(stats, norm)
    attribution.assign_parallel_arms(stats, runs, norm, study_arms)
    attribution.one_outcome_per_run(runs)
    _arms_named_after(stats, norm, arm_rows)
    attribution.arms_of_parallel_labels(stats, norm, arm_words)
    attribution.arms_of_changes_from_to(stats, norm)
    attribution.enumerated_lists(stats, text)
    attribution.arms_of_the_sentence_before(stats, runs, norm)
    _fill_denominators(stats, study_arms, norm)
    attribution.parallel_denominators(runs, norm)
    attribution.bare_intervals_like_the_first(runs)
    attribution.outcomes_of_bracketed_values(stats, norm)
    for row in stats:
        row["outcome"] = context.outcome_name(row["outcome"])
    comparison_rows = comparisons.build(doc_id, stats, arm_rows, norm)
    _label_between_arm_statistics(stats, comparison_rows)
    _risk_differences_of_counts(stats, comparison_rows)
    _arms_of_registry_analyses(stats, norm)
    attribution.arms_of_effects_from_values(stats, norm, study_arms)
    comparisons.estimates_of_each_arm_in_the_next_sentence(comparison_rows, stats)
    attribution.outcomes_carried_to_effects(stats, norm, arm_words)
    _name_strata(stats)
    fact_rows = _fact_rows(doc_id, text, found_facts, layout)
    study_rows = _study_rows(doc_id, layout, fact_rows, stats)
    # a thread quoting a crossover trial and a parallel one: the studies that say so
    within_patients = {layout.study_at(m.start()) for m in grammar.CROSSOVER_DESIGN.finditer(norm)}
    for row in stats:
        row["crossover"] = row["study_id"] in within_patients
        row["flags"] = _flags(row)
    return Extraction(
        statistics=stats,
        comparisons=comparison_rows,
        arms=arm_rows,
        facts=fact_rows,
        studies=study_rows,
    )
