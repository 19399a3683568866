"""Between-arm comparisons: which counts (binary) or summaries (continuous), effect estimate
and p-value of a document belong together, and the arm sizes they rest on."""

from __future__ import annotations

import bisect
import itertools
import re

from . import context, registry, sas
from .arms import counts_people, resolve_arm
from .grammar import ARM_ENDS_AHEAD, ARM_LABEL, REGRESSION_COEFFICIENT, TIME_BETWEEN_VALUES
from .vocabulary import CLUSTERS, EVENTS

_VERSUS_GAP = re.compile(
    r"(?i)^[\s,]{0,3}(?:vs\.?|versus|v\.?|compared\s(?:with|to)|and)\s?\.?\s?(?:the\s)?$"
)
# a time point in the gap between two summaries does not part them
_TIME_IN_GAP = re.compile(TIME_BETWEEN_VALUES)
# "in the MSC group (67.0) compared to the placebo group (50.0)".
_NAMED_ARMS_GAP = re.compile(
    r"(?i)^(?:[^\d;]{0,40}?(?:vs\.?|versus|compared\s(?:with|to)|than|and)\b[^\d;]{0,40}"
    r"|,\s[^\d;,]{1,40}"  # "drug 5.1 ± 1.2, placebo 6.3 ± 1.5"
    # "(312.5±45.6) mmHg，高于对照组的（278.3±50.2）": the second arm's 组 (group) named
    rf"|[^\d;]{{0,30}}(?:{context.CJK_ARM})\u7ec4[^\d;]{{0,10}})$"
)
# "3412±498 g in the letrozole group (n = 320) and ...": an arm's size inside the gap
_CELL_GAP = re.compile(r"[ \t]{1,12}|[ \t]{0,6}\|[ \t]{0,6}")
# ... or opening the bracket of the second summary: "than in the waitlist group (n = 60; M = 3.24"
# ... or closing the first summary's: "(M = 2.81, SD = 0.74, n = 60) reported lower stress than"
_ARM_SIZE_IN_GAP = re.compile(r"(?:\(|^[,;]\s?)n\s?=\s?\d{1,3}(?:,\d{3})?(?:\)|\s?[;,]\s?$)")
_COMPARED_WITH = re.compile(
    # "than those in the waitlist condition": the people of the arm compared with
    rf"(?i)\b(?:compared\s(?:with|to)|versus|vs\.?|than(?:\sin|\sthose\s(?:in|on|given))?"
    rf"|relative\sto)\s(?:the\s)?(?P<arm>{ARM_LABEL})(?=\s(?:group|arm|condition)s?\b|{ARM_ENDS_AHEAD})"
)
_SUBJECT_VERBS = (
    r"(?:improved|reduced|increased|decreased|lowered|raised|showed|exerted|was\sassociated"
    r"|led|resulted|achieved|shortened|prolonged)"
)
_SUBJECT = re.compile(
    r"(?P<subj>[A-Z][\w\-+]{0,25}(?:\s(?!\w{2,15}ly\b)[\w\-+]{1,25}){0,3})\s(?:\w{2,15}ly\s)?"
    + _SUBJECT_VERBS
    + r"\b"
)
# "Compared with usual care, early mobilization reduced ...": the comparator, then the subject.
_COMPARED_FIRST = re.compile(
    rf"(?i:compared\s(?:with|to)|relative\sto|versus)\s(?:the\s)?(?P<arm>{ARM_LABEL})"
    r"(?:\s(?:group|arm)s?)?,\s(?:the\s)?(?P<subj>[\w\-+]{1,25}(?:\s[\w\-+]{1,25}){0,3}?)"
    rf"(?:\s(?:group|arm)s?)?\s(?:\w{{2,15}}ly\s)?{_SUBJECT_VERBS}\b"
)
# "longer with ropivacaine than with bupivacaine (412 vs 356 min": the subject is what the
# comparative says the value was seen with, when no verb of _SUBJECT opens the sentence.
_WITH_THAN_WITH = re.compile(
    rf"\b(?P<prep>with|on|after)\s(?:the\s)?(?P<subj>{ARM_LABEL})\s(?=than\s(?P=prep)\s)"
)
# "An independent-samples t test showed that ...": an analysis, not an arm, as a subject.
_A_TEST = re.compile(r"(?i)\b(?:tests?|ANOVA|ANCOVA|MANOVA|analys[ie]s|regression|model)$")
# Abstract section headings that run into the first sentence ("Findings MSC administration").
_HEADING = re.compile(
    r"^(?:Background|Methods?|Findings|Results?|Conclusions?|Interpretation|Objectives?|Aims?"
    r"|Purpose|Design|Setting|Interventions?|Outcomes?)\s"
)
_POPULATION_ORDER = {"analysed": 0, "treated": 1, "randomized": 2, "enrolled": 3, "": 4}
SUMMARY_KINDS = {"median", "mean"}


# A p for interaction, trend, heterogeneity or non-inferiority tests another hypothesis than
# the estimate or counts before it ("P < .001 for noninferiority", "P-value for interaction=0.03").
_P_FOR_ANOTHER_TEST = re.compile(
    r"(?i)\b(?:interaction|trend|heterogeneity|non-?inferiority|int|het)\b"
)
# "for noninferiority" after a p: what it tests (extract links the p after it to the estimate).
FOR_ANOTHER_TEST = r"\s?for\s(?:the\s)?(?:interaction|trend|heterogeneity|non-?inferiority)\b"
_P_FOR_ANOTHER_TEST_AFTER = re.compile(rf"(?i){FOR_ANOTHER_TEST}")


# The flag of such a p-value in statistics.csv.
ANOTHER_HYPOTHESIS_FLAG = "tests_another_hypothesis"


def has_standard_error(stat: dict) -> bool:
    """Whether ``stat`` is a difference or a regression coefficient read with its SE."""
    return stat.get("spread_kind") == "se" and (
        stat["kind"] == "difference" or stat.get("measure") == REGRESSION_COEFFICIENT
    )


def tests_another_hypothesis(p_row: dict, norm: str) -> bool:
    """Return True if a p-value is labelled as a test of interaction, trend, heterogeneity or
    non-inferiority, in its own words or right after them."""
    return bool(
        _P_FOR_ANOTHER_TEST.search(p_row["source_text"])
        or _P_FOR_ANOTHER_TEST_AFTER.match(norm, p_row["span_end"])
    )


def build(doc_id: str, stats: list[dict], arm_rows: list[dict], norm: str) -> list[dict]:
    """Return the comparisons of one document, binary first, in document order (a p-value of
    another hypothesis joins none)."""
    used: set[int] = set()
    rows: list[dict] = []
    stats = [s for s in stats if s["kind"] != "p_value" or not tests_another_hypothesis(s, norm)]
    rows += _sas_listings(stats, norm, used)
    rows += _registry_analyses(stats, arm_rows, norm, used)
    rows += _binary(stats, arm_rows, used)
    rows += _unnamed_binary_pairs(stats, norm, used)
    _estimates_opening_the_next_sentence(rows, stats, used)
    _estimates_listed_in_the_next_sentence(rows, stats, norm, used)
    _estimates_of_the_sentence_before(rows, stats, norm, used)
    rows += _summary_pairs(stats, arm_rows, norm, used)
    _standardized_differences_after(rows, stats, norm, used)
    rows += _effects_and_p_values(stats, arm_rows, norm, used)
    _with_sizes_of_each_arm(rows, stats, arm_rows)
    rows.sort(key=lambda r: r.pop("_order"))
    clustered = {s["study_id"] for s in stats if not counts_people(s)}
    for index, row in enumerate(rows):
        row["doc_id"] = doc_id
        row["comparison_id"] = index
        row["allocation_unit"] = CLUSTERS if row["study_id"] in clustered else ""
    return rows


# An estimate that starts this near its sentence's start opens it ("The risk ratio was 0.54").
OPENS_ITS_SENTENCE = 24
# The most characters between the end of one sentence and the start of the next.
SENTENCE_GAP = 3
# The kinds of value one arm has; a sentence that prints them reports a comparison of its own.
PER_ARM_VALUES = frozenset({"count", "percentage", "mean", "median", "rate"})


def _binary_rows_by_sentence(
    rows: list[dict], stats: list[dict]
) -> dict[tuple[int, int], list[tuple[dict, dict]]]:
    """Return each binary comparison with its first arm's count, by the count's sentence."""
    by_id = {s["stat_id"]: s for s in stats}
    of_sentence: dict[tuple[int, int], list[tuple[dict, dict]]] = {}
    for row in rows:
        cell = by_id.get(row["events_1_stat_id"]) if row["kind"] == "binary" else None
        if cell is not None:
            key = (cell["sentence_start"], cell["sentence_end"])
            of_sentence.setdefault(key, []).append((row, cell))
    return of_sentence


def _counts_then_the_next_sentence(rows: list[dict], stats: list[dict]):
    """Yield, for each sentence with binary comparisons whose next sentence follows it within
    SENTENCE_GAP, its (comparison, first count) pairs, that next sentence's bounds and its rows."""
    sentences = _by_sentence(stats)
    following = dict(itertools.pairwise(sorted(sentences)))
    for sentence, own in _binary_rows_by_sentence(rows, stats).items():
        nxt = following.get(sentence)
        if nxt is not None and nxt[0] - sentence[1] <= SENTENCE_GAP:
            yield own, nxt, sentences[nxt]


def _estimates_opening_the_next_sentence(
    rows: list[dict], stats: list[dict], used: set[int]
) -> None:
    """Give the one comparison of two arms' counts in a sentence, when it has no estimate and
    no p of its own, the estimate that opens the next sentence, its second of another measure
    and their p, when that sentence gives no arm a value of its own: "Mortality was 10 of 101
    (9.9%) in the MSC group and 18 of 99 (18.2%) in the placebo group. The risk ratio was 0.54
    (95% CI 0.26 to 1.11; P = 0.09)." A hazard ratio is not the counts'."""
    by_id = {s["stat_id"]: s for s in stats}
    for own, nxt, after in _counts_then_the_next_sentence(rows, stats):
        row, cell = own[0]
        if len(own) != 1:
            continue
        first = after[0]
        if (
            first["kind"] not in {"ratio", "difference"}
            or first["stat_id"] in used
            or first["span_start"] - first["sentence_start"] > OPENS_ITS_SENTENCE
            or first.get("measure") == "HR"
            or any(s["kind"] in PER_ARM_VALUES for s in after)
        ):
            continue
        if row["effect_stat_id"] is not None:
            # "... (odds ratio, 0.57; 95% CI, 0.33 to 0.98; P = 0.04). The risk ratio was 0.63
            # (95% CI 0.39 to 0.99)": the counts' estimate of another measure, of no other outcome
            own_effect = by_id.get(row["effect_stat_id"])
            if (
                row["second_effect_stat_id"] is None
                and own_effect is not None
                and own_effect.get("measure") != first.get("measure")
                and (
                    not first["outcome"]
                    or _outcome_words(first["outcome"]) & _outcome_words(cell["outcome"] or "")
                )
            ):
                first["outcome"] = first["outcome"] or cell["outcome"]
                row["second_effect_stat_id"] = first["stat_id"]
                used.add(first["stat_id"])
            continue
        if row["p_stat_id"] is not None:
            continue
        estimates = [s for s in after if s["kind"] in {"ratio", "difference"}]
        second = _second_estimate(estimates)
        p_row = _p_of_estimate(second or first, estimates, after, nxt[1], used)
        for later in (first, second, p_row):
            if later is not None:
                later["outcome"] = later["outcome"] or cell["outcome"]
        row["effect_stat_id"] = first["stat_id"]
        row["second_effect_stat_id"] = second["stat_id"] if second else None
        row["p_stat_id"] = p_row["stat_id"] if p_row else None
        used.update(r["stat_id"] for r in (first, second, p_row) if r is not None)


def _estimates_listed_in_the_next_sentence(
    rows: list[dict], stats: list[dict], norm: str, used: set[int]
) -> None:
    """Give the comparisons of arms' counts in a sentence, none with an estimate of its own, the
    estimates the next sentence lists, in their order, when they are as many, of one measure
    (not a hazard ratio's), name no arm, and that sentence gives no arm a value of its own:
    "... 46 of 120 (38.3%) treated with upadacitinib 15 mg, 58 of 121 (47.9%) treated with
    upadacitinib 30 mg, and 19 of 119 (16.0%) receiving placebo. The differences versus placebo
    were 22.3 percentage points (95% CI 11.3 to 33.4) and 31.9 percentage points (...),
    respectively." Each takes the p right after it. A sentence that names the arms of the
    comparisons ("superior to calcipotriol (OR 1.93 ...) and to vehicle (OR 8.71 ...)") says
    itself which estimate is whose."""
    for own, nxt, next_rows in _counts_then_the_next_sentence(rows, stats):
        if (
            len(own) < 2
            or any(row["effect_stat_id"] is not None for row, _ in own)
            or any(s["kind"] in PER_ARM_VALUES for s in next_rows)
            or _names_an_arm_of(norm[nxt[0] : nxt[1]], [row for row, _ in own])
        ):
            continue
        after = sorted(next_rows, key=lambda s: s["span_start"])
        estimates = [
            s for s in after if s["kind"] in {"ratio", "difference"} and s["stat_id"] not in used
        ]
        if (
            len(estimates) != len(own)
            or len({e.get("measure") for e in estimates}) != 1
            or estimates[0].get("measure") == "HR"
            or any(e["arm"] for e in estimates)
        ):
            continue
        in_order = sorted(own, key=lambda pair: pair[1]["span_start"])
        for (row, cell), effect in zip(in_order, estimates, strict=True):
            p_row = None
            if row["p_stat_id"] is None:
                p_row = _p_of_estimate(effect, estimates, after, nxt[1], used)
                row["p_stat_id"] = p_row["stat_id"] if p_row else None
            for later in (effect, p_row):
                if later is not None:
                    later["outcome"] = later["outcome"] or cell["outcome"]
            row["effect_stat_id"] = effect["stat_id"]
            used.update(r["stat_id"] for r in (effect, p_row) if r is not None)


def _names_an_arm_of(sentence: str, rows: list[dict]) -> bool:
    """Whether a sentence names an arm the comparisons do not share (their first arms when
    they all have one comparator)."""
    arms = {row[key] for row in rows for key in ("arm_1", "arm_2") if row[key]}
    shared = set.intersection(*({row["arm_1"], row["arm_2"]} for row in rows))
    words = set(_WORD.findall(sentence.lower()))
    return any(set(_WORD.findall(arm.lower())) <= words for arm in arms - shared)


_WORD = re.compile(r"\w+")


def estimates_of_each_arm_in_the_next_sentence(rows: list[dict], stats: list[dict]) -> None:
    """Give each of the comparisons of several arms' counts in a sentence, none with an
    estimate or a p of its own, the ratio of the next sentence that names its two arms, and
    the p right after it, when that sentence gives no arm a value of its own: "... occurred in
    45 (15.0%), 60 (19.9%) and 75 (25.0%) patients, respectively. Compared with placebo, the
    relative risk was 0.60 (95% CI 0.43-0.84) for high-dose and 0.80 (0.59-1.08) for
    low-dose." A hazard ratio is not the counts'. Run once the ratios have their arms."""
    used = {
        row[key]
        for row in rows
        for key in ("effect_stat_id", "second_effect_stat_id", "p_stat_id", "test_stat_id")
        if row.get(key) is not None
    }
    for own, nxt, next_rows in _counts_then_the_next_sentence(rows, stats):
        if (
            len(own) < 2
            or any(
                row["effect_stat_id"] is not None or row["p_stat_id"] is not None for row, _ in own
            )
            or any(s["kind"] in PER_ARM_VALUES for s in next_rows)
        ):
            continue
        after = sorted(next_rows, key=lambda s: s["span_start"])
        # ratios only: a difference's measure is named from its counts before this runs
        estimates = [
            s
            for s in after
            if s["kind"] == "ratio" and s["stat_id"] not in used and s.get("measure") != "HR"
        ]
        for row, _ in own:
            pair = {context.arm_key(row["arm_1"]), context.arm_key(row["arm_2"])}
            named = [e for e in estimates if _arm_pair(e["arm"]) == pair]
            if len(named) != 1:
                continue
            effect = named[0]
            p_row = _p_of_estimate(effect, estimates, after, nxt[1], used)
            used.update(r["stat_id"] for r in (effect, p_row) if r is not None)
            row["effect_stat_id"] = effect["stat_id"]
            row["p_stat_id"] = p_row["stat_id"] if p_row else None


def _p_of_estimate(
    anchor: dict, estimates: list[dict], rows: list[dict], sentence_end: int, used: set[int]
) -> dict | None:
    """The first p-value among ``rows`` after the estimate ``anchor`` and before the next of
    ``estimates`` (else the sentence's end) that no comparison has taken."""
    further = [e["span_start"] for e in estimates if e["span_start"] > anchor["span_end"]]
    until = further[0] if further else sentence_end
    return next(
        (
            p
            for p in rows
            if p["kind"] == "p_value"
            and anchor["span_end"] <= p["span_start"] < until
            and p["stat_id"] not in used
        ),
        None,
    )


def _arm_pair(arms: str) -> set[str]:
    """The keys of the two arms of an estimate's "A vs B", else an empty set."""
    named = arms.split(" vs ")
    return {context.arm_key(a) for a in named} if len(named) == 2 else set()


# Words an estimate's outcome and its counts' outcome may share without naming the same thing.
_GENERIC_OUTCOME_WORDS = frozenset(
    "risk odds rate rates ratio proportion number incidence occurrence patients participants "
    "people those the and for any with than from that were was group groups arm arms lower "
    "higher reduced increased".split()
)
_OUTCOME_WORD = re.compile(r"[^\W\d_]{3,}")


def _outcome_words(outcome: str) -> set[str]:
    return {w for w in _OUTCOME_WORD.findall(outcome.lower()) if w not in _GENERIC_OUTCOME_WORDS}


def _estimates_of_the_sentence_before(
    rows: list[dict], stats: list[dict], norm: str, used: set[int]
) -> None:
    """Give the comparisons of arms' counts in a sentence, when none has an estimate or a p of
    its own, the estimates of the sentence just before (each with its second of another
    measure and their p), when that sentence gives no arm a value, names the same outcome and
    no unestimated counts come just before it, so that the estimates could be theirs: "Death
    was less frequent with MSC (risk ratio 0.62, 95% CI 0.41 to 0.96; P = 0.03). It occurred in
    25 of 120 patients in the MSC group and 40 of 120 in the control group." With more than one
    treated arm, each estimate must come after its arm's name, in the counts' order ("lower with
    the low dose (RR 0.71, ...) and the high dose (RR 0.58, ...)"). A hazard ratio is not the
    counts'."""
    sentences = _by_sentence(stats)
    preceding = {b: a for a, b in itertools.pairwise(sorted(sentences))}
    of_sentence = _binary_rows_by_sentence(rows, stats)
    unestimated = {
        sentence
        for sentence, own in of_sentence.items()
        if any(r["effect_stat_id"] is None for r, _ in own)
    }
    for sentence, own in of_sentence.items():
        before = preceding.get(sentence)
        if (
            any(r["effect_stat_id"] is not None or r["p_stat_id"] is not None for r, _ in own)
            or before is None
            or sentence[0] - before[1] > SENTENCE_GAP
            or preceding.get(before) in unestimated
        ):
            continue
        earlier = sentences[before]
        estimates = [s for s in earlier if s["kind"] in {"ratio", "difference"}]
        per_arm = _estimates_per_arm(estimates)
        cell = own[0][1]
        if (
            len(per_arm) != len(own)
            or any(s["kind"] not in {"ratio", "difference", "p_value"} for s in earlier)
            or any(e["stat_id"] in used or e.get("measure") == "HR" for e in estimates)
            or len({tuple(e.get("measure") for e in group) for group in per_arm}) != 1
            or not _outcome_words(estimates[0]["outcome"] or "")
            & _outcome_words(cell["outcome"] or "")
            or estimates[0]["study_id"] != cell["study_id"]
            or (estimates[0].get("subgroup") or "") != (cell.get("subgroup") or "")
            or (
                estimates[0]["timepoint"]
                and cell["timepoint"]
                and estimates[0]["timepoint"] != cell["timepoint"]
            )
        ):
            continue
        starts = [before[0]] + [group[-1]["span_end"] for group in per_arm]
        if len(own) > 1 and not all(
            _names_arm(norm[starts[i] : group[0]["span_start"]], row["arm_1"])
            for i, ((row, _), group) in enumerate(zip(own, per_arm, strict=True))
        ):
            continue
        ends = [group[0]["span_start"] for group in per_arm[1:]] + [before[1]]
        for (row, _), group, end in zip(own, per_arm, ends, strict=True):
            p_row = next(
                (
                    p
                    for p in earlier
                    if p["kind"] == "p_value"
                    and group[-1]["span_end"] <= p["span_start"] < end
                    and p["stat_id"] not in used
                ),
                None,
            )
            row["effect_stat_id"] = group[0]["stat_id"]
            row["second_effect_stat_id"] = group[1]["stat_id"] if len(group) > 1 else None
            row["p_stat_id"] = p_row["stat_id"] if p_row else None
            used.update(r["stat_id"] for r in (*group, p_row) if r is not None)


def _names_arm(text: str, arm: str) -> bool:
    """Whether ``text`` names the arm labelled ``arm``: its matching key (``context.arm_key``)
    from the start of a word."""
    key = context.arm_key(arm)
    words = text.lower().replace("-", " ")
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}", words) is not None


def _standardized_differences_after(
    rows: list[dict], stats: list[dict], norm: str, used: set[int]
) -> None:
    """Give the one comparison of two means in a sentence the standardized difference that
    opens the statistics of the sentence right after it, when that sentence prints no summary
    of its own ("PHQ-9 scores were 7.2 (SD = 4.1) for CBT and 10.9 (SD = 4.6) for the waitlist.
    This corresponds to a large effect, d = 0.85, 95% CI [0.49, 1.21].")."""
    by_id = {s["stat_id"]: s for s in stats}
    sentences = _by_sentence(stats)
    starts = sorted(sentences)
    pairs_in: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        first = by_id.get(row["summary_1_stat_id"])
        if row["kind"] == "continuous" and first is not None:
            pairs_in.setdefault((first["sentence_start"], first["sentence_end"]), []).append(row)
    for sentence, pairs in pairs_in.items():
        row = pairs[0]
        means = [by_id.get(row[f"summary_{side}_stat_id"]) for side in "12"]
        at = bisect.bisect_left(starts, (sentence[1],))
        following = starts[at] if at < len(starts) else None
        if (
            len(pairs) != 1
            or row["effect_stat_id"] is not None
            or any(m is None or m["kind"] != "mean" for m in means)
            or following is None
            or norm[sentence[1] : following[0]].strip()
        ):
            continue
        group = sentences[following]
        smd = group[0]
        if (
            smd["kind"] != "difference"
            or smd.get("measure") != "standardized mean difference"
            or smd["stat_id"] in used
            or any(r["kind"] in SUMMARY_KINDS for r in group)
        ):
            continue
        row["effect_stat_id"] = smd["stat_id"]
        smd["outcome"] = smd["outcome"] or row["outcome"]
        used.add(smd["stat_id"])


def _with_sizes_of_each_arm(rows: list[dict], stats: list[dict], arm_rows: list[dict]) -> None:
    """Give the continuous comparisons of two arms, both named or neither, the size stated for
    every arm of their study ("Sixty patients were randomised (30 per group). Pain ... in the
    ketamine group and ... in the placebo group"; a thread's "They randomised 120 (60 per arm).
    ... the SOFA change was -2.4 +/- 1.9 vs -1.6 +/- 2.2"), when the study states one such size
    and no arm of it has a size of its own (the arms table then has none of its arms)."""
    each: dict[str, set[tuple[int, int]]] = {}
    for s in stats:
        if s["kind"] == "arm_size" and s.get("each_arm") and s["value"] and counts_people(s):
            each.setdefault(s["study_id"], set()).add((int(s["value"]), s["stat_id"]))
    with_arms = {a["study_id"] for a in arm_rows}
    for row in rows:
        sizes = each.get(row["study_id"], set())
        if (
            row["kind"] != "continuous"
            or len({n for n, _ in sizes}) != 1
            or row["study_id"] in with_arms
            or bool(row["arm_1"]) != bool(row["arm_2"])
            or row["total_1"] is not None
            or row["total_2"] is not None
        ):
            continue
        n, stat_id = min(sizes)
        row.update(total_1=n, total_1_stat_id=stat_id, total_2=n, total_2_stat_id=stat_id)


def _by_sentence(stats: list[dict]) -> dict[tuple[int, int], list[dict]]:
    """Return the statistics grouped by their sentence."""
    groups: dict[tuple[int, int], list[dict]] = {}
    for row in stats:
        groups.setdefault((row["sentence_start"], row["sentence_end"]), []).append(row)
    return groups


def study_arms(arm_rows: list[dict], study_id: str, subgroup: str) -> list[dict]:
    """Return the arm sizes of a study for a subgroup, the best population of each arm."""
    own = [a for a in arm_rows if a["study_id"] == study_id and a["subgroup"] == subgroup]
    best: dict[str, dict] = {}
    for arm in own:
        current = best.get(arm["arm_key"])
        rank = _POPULATION_ORDER.get(arm["population"], 4)
        if current is None or rank < _POPULATION_ORDER.get(current["population"], 4):
            best[arm["arm_key"]] = arm
    return list(best.values())


def _total(label: str, arms: list[dict]) -> tuple[int | None, int | None, str]:
    """Return (n, stat_id, arm label) of the arm a label names, or (None, None, label)."""
    arm = resolve_arm(label, arms)
    if arm is None:
        return None, None, label
    return arm["n"], arm["stat_id"], arm["arm"]


def _row(order: int, kind: str, first: dict, **values) -> dict:
    """Return a comparisons row ordered by ``first``, with ``values``."""
    row = {
        "_order": order,
        "doc_id": first["doc_id"],
        "comparison_id": 0,
        "study_id": first["study_id"],
        "kind": kind,
        "subgroup": first.get("subgroup") or "",
        "outcome": first["outcome"],
        "timepoint": first["timepoint"],
        "arm_1": "",
        "arm_2": "",
        "events_1": None,
        "total_1": None,
        "events_2": None,
        "total_2": None,
        "events_1_stat_id": None,
        "total_1_stat_id": None,
        "events_2_stat_id": None,
        "total_2_stat_id": None,
        "summary_1_stat_id": None,
        "summary_2_stat_id": None,
        "effect_stat_id": None,
        "second_effect_stat_id": None,
        "p_stat_id": None,
        "test_stat_id": None,
    }
    row.update(values)
    return row


def _binary(stats: list[dict], arm_rows: list[dict], used: set[int]) -> list[dict]:
    """Counts of two or more arms in one sentence, each arm against the control."""
    rows = []
    for group in _by_sentence(stats).values():
        # a count of events ("14 hospitalizations") makes no 2x2 table with the arm's people
        cells = [
            r
            for r in group
            if r["kind"] == "count"
            and r["arm"]
            and r["unit"] != EVENTS
            and r["stat_id"] not in used
            # a table's "Total" column is both arms together, no arm of its own
            and r["arm"].strip().lower() not in _ALL_ARMS
        ]
        # "48.8% with drug vs 34.2% with placebo (OR ...), and remission rates were 32.5% vs
        # 22.2% (OR ...)": an arm named again starts the counts of another outcome
        segments: list[list[dict]] = []
        for cell in cells:
            if not segments or any(_same_arm(cell, c) for c in segments[-1]):
                segments.append([])
            segments[-1].append(cell)
        for index, segment in enumerate(segments):
            since = segment[0]["span_start"] if index else -1
            until = segments[index + 1][0]["span_start"] if index + 1 < len(segments) else None
            within = [
                r
                for r in group
                if r["span_start"] > since and (until is None or r["span_start"] < until)
            ]
            if len(segment) >= 2:
                rows += _binary_segment(segment, within, group, arm_rows, used)
    return rows


_ALL_ARMS = frozenset({"total", "overall", "all", "all patients", "all participants"})


def _same_arm(a: dict, b: dict) -> bool:
    return context.arm_key(a["arm"]) == context.arm_key(b["arm"])


def _binary_segment(
    cells: list[dict], within: list[dict], group: list[dict], arm_rows: list[dict], used: set[int]
) -> list[dict]:
    """The comparisons of one outcome's counts (``cells``, two or more, one per arm) against the
    control, with the estimates and p-values ``within`` their stretch of the sentence."""
    rows: list[dict] = []
    effects = [r for r in within if r["kind"] in {"ratio", "difference"}]
    p_values = [r for r in within if r["kind"] == "p_value"]
    controls = [c for c in cells if context.is_control(c["arm"])]
    control = controls[-1] if controls else cells[-1]
    treated = [c for c in cells if c is not control]
    arms = study_arms(arm_rows, control["study_id"], control.get("subgroup") or "")
    # "88 (43.8%) ..., 97 (48.5%) ... and 61 (30.7%) ... (low dose vs placebo: odds ratio 1.76,
    # ...; high dose vs placebo: 2.13, ...)": one estimate per treated arm after all the counts,
    # in the arms' order; when they are not one per arm of one measure, which arm each
    # compares is not known
    trailing = (
        len(treated) > 1
        and bool(effects)
        and effects[0]["span_start"] > max(c["span_end"] for c in cells)
    )
    # "(low dose vs placebo: RR 0.71, ...; RD -11.1%, ...; high dose vs placebo: RR 0.58, ...;
    # RD -16.1%, ...)": an estimate and its second of another measure, per arm
    per_arm = _estimates_per_arm(effects) if trailing else []
    in_order = (
        len(per_arm) == len(treated)
        and len({tuple(e.get("measure") for e in estimates) for estimates in per_arm}) == 1
    )
    for position, cell in enumerate(treated):
        nxt = treated[position + 1]["span_start"] if position + 1 < len(treated) else None
        if in_order:
            own = per_arm[position]
            nxt = per_arm[position + 1][0]["span_start"] if position + 1 < len(per_arm) else None
        elif trailing:
            own = []
        else:
            own = [
                e
                for e in effects
                if e["span_start"] > cell["span_end"] and (nxt is None or e["span_start"] < nxt)
            ]
        if len(treated) == 1 and not own:
            own = effects[:1]
        effect = own[0] if own else None
        second = _second_estimate(own, p_values)
        anchor = second or effect or cell
        # the first estimate's p-value, printed before the second estimate
        p_after = _p_values_between(p_values, effect, second) if second else []
        p_after = p_after or [
            p
            for p in p_values
            if p["span_start"] > anchor["span_end"] and (nxt is None or p["span_start"] < nxt)
        ]
        if not p_after and effect is not None:
            # "14/90 vs 26/90 (p = 0.032; OR 0.45; 95% CI 0.22-0.94)": the table's p before
            # its estimate
            counts_end = max(cell["span_end"], control["span_end"])
            p_after = [p for p in p_values if counts_end < p["span_start"] < effect["span_start"]]
        p_row = p_after[0] if p_after and (in_order or not trailing) else None
        test = _chi_square_after(group, cell, nxt)
        # what the counts measure is what their estimate, p and test do, when those name none
        for later in (effect, second, p_row, test):
            if later is not None:
                later["outcome"] = later["outcome"] or cell["outcome"] or control["outcome"]
        totals = _denominator(cell, arms), _denominator(control, arms)
        row = _binary_row(cell, control, totals, effect, p_row, test)
        row["second_effect_stat_id"] = second["stat_id"] if second else None
        rows.append(row)
        used.update(r["stat_id"] for r in (cell, control, effect, second, p_row) if r is not None)
    return rows


# The most characters between two estimates of the same counts ("risk ratio 0.82, 0.69 to
# 0.97; absolute risk difference -3.8 percentage points, ...").
_SECOND_ESTIMATE_GAP = 6


def _second_estimate(own: list[dict], p_values: list[dict] = ()) -> dict | None:
    """The estimate of another measure printed right after the first estimate of a pair of
    counts (a risk ratio and then the risk difference), which the same 2x2 table gives, or
    after the first's p-value among ``p_values`` ("risk ratio 0.67, 0.52-0.86; p=0.001;
    absolute risk difference -9.9 percentage points, ..."); a hazard ratio is not one."""
    if len(own) < 2:
        return None
    first, second = own[0], own[1]
    measures = {first.get("measure"), second.get("measure")}
    between = sum(
        p["span_end"] - p["span_start"] for p in _p_values_between(p_values, first, second)
    )
    if (
        second["span_start"] - first["span_end"] - between > _SECOND_ESTIMATE_GAP
        or first.get("measure") == second.get("measure")
        or "HR" in measures
    ):
        return None
    return second


def _p_values_between(p_values: list[dict], first: dict, second: dict) -> list[dict]:
    """The p-values printed between two estimates."""
    return [
        p
        for p in p_values
        if first["span_end"] <= p["span_start"] < p["span_end"] <= second["span_start"]
    ]


def _estimates_per_arm(effects: list[dict]) -> list[list[dict]]:
    """The estimates in order, an estimate and its second (``_second_estimate``) together."""
    grouped: list[list[dict]] = []
    for effect in effects:
        if grouped and len(grouped[-1]) == 1 and _second_estimate([grouped[-1][0], effect]):
            grouped[-1].append(effect)
        else:
            grouped.append([effect])
    return grouped


def _registry_analyses(
    stats: list[dict], arm_rows: list[dict], norm: str, used: set[int]
) -> list[dict]:
    """A registry's statistical analysis of two arms (registry.analyses) whose table above it
    counts people in each: their last counts there, with the analysis's first estimate and
    p-value; or, when it counts none, their last means or medians there."""
    rows = []
    for analysis in registry.analyses(norm):
        inside = [
            s for s in stats if analysis.start <= s["span_start"] and s["span_end"] <= analysis.end
        ]
        effect = next((s for s in inside if s["kind"] in {"ratio", "difference"}), None)
        p_row = next((s for s in inside if s["kind"] == "p_value"), None)
        table = [
            s
            for s in stats
            if s["kind"] == "count"
            and s["unit"] != EVENTS
            and analysis.table_start <= s["span_start"] < analysis.start
            and s["stat_id"] not in used
        ]
        cells = [
            next((c for c in reversed(table) if c["arm"] == arm), None)
            for arm in (analysis.first, analysis.second)
        ]
        if effect is None and p_row is None:
            continue
        if None in cells:
            summaries = [
                s
                for s in stats
                if s["kind"] in SUMMARY_KINDS
                and analysis.table_start <= s["span_start"] < analysis.start
                and s["stat_id"] not in used
            ]
            pair = [
                next((m for m in reversed(summaries) if m["arm"] == arm), None)
                for arm in (analysis.first, analysis.second)
            ]
            if None not in pair:
                arms = _arms_for(pair[0], pair[1], arm_rows, norm)
                rows.append(_continuous_row(pair[0], pair[1], arms, effect, p_row, None))
                used.update(r["stat_id"] for r in (*pair, effect, p_row) if r is not None)
            continue
        first, second = cells
        totals = _denominator(first, []), _denominator(second, [])
        rows.append(_binary_row(first, second, totals, effect, p_row))
        used.update(r["stat_id"] for r in (first, second, effect, p_row) if r is not None)
    return rows


def _sas_listings(stats: list[dict], norm: str, used: set[int]) -> list:
    """A SAS listing of two arms (sas.listings): one comparison for each test it prints of them,
    each with its own p (Pearson's, the likelihood-ratio, the continuity-adjusted and the
    Mantel-Haenszel chi-square and Fisher's p of the cross-table; the pooled and the
    Satterthwaite t with each method's difference of means); every row of it is used."""
    rows = []
    for listing in sas.listings(norm):
        inside = [
            s for s in stats if listing.start <= s["span_start"] and s["span_end"] <= listing.end
        ]
        used.update(s["stat_id"] for s in inside)
        if len(listing.arms) != 2:
            continue
        tested = [s for s in inside if s["kind"] in {"test", "p_value"} and s.get("method")]
        if listing.procedure == "FREQ":
            rows += _sas_cross_table(inside, tested, listing.arms)
        else:
            rows += _sas_t_tests(inside, tested, listing.arms)
    return rows


def _sas_cross_table(inside: list[dict], tested: list[dict], arms: list[str]) -> list[dict]:
    # each arm's last cell is its event (the last value of the column variable)
    cells = [[s for s in inside if s["kind"] == "count" and s["arm"] == arm] for arm in arms]
    if not all(cells):
        return []
    first, second = cells[0][-1], cells[1][-1]
    totals = _denominator(first, []), _denominator(second, [])
    rows = []
    for p_row in (s for s in tested if s["kind"] == "p_value"):
        test = next((t for t in tested if t["kind"] == "test" and _same_method(t, p_row)), None)
        rows.append(_binary_row(first, second, totals, None, p_row, test))
    return rows


def _same_method(a: dict, b: dict) -> bool:
    return a.get("method") == b.get("method")


def _sas_t_tests(inside: list[dict], tested: list[dict], arms: list[str]) -> list[dict]:
    means = [next((s for s in inside if s["kind"] == "mean" and s["arm"] == a), None) for a in arms]
    if None in means:
        return []
    first, second = means
    # each mean's N is printed on its line, just before it
    sizes = [
        max(
            (s for s in inside if s["kind"] == "arm_size" and s["span_end"] <= m["span_start"]),
            key=lambda s: s["span_end"],
            default=None,
        )
        for m in means
    ]
    if None in sizes:
        return []
    sides = (first["arm"], second["arm"], *((int(s["value"]), s["stat_id"]) for s in sizes))
    rows = []
    for effect in (s for s in inside if s["kind"] == "difference"):
        later = [s for s in inside if s["kind"] == "difference" and _same_method(s, effect)][-1]
        test = p_row = None
        if later is effect:  # the method's test goes with its last difference (the one with CL)
            own = [s for s in tested if _same_method(s, effect)]
            test = next((t for t in own if t["kind"] == "test"), None)
            p_row = next((p for p in own if p["kind"] == "p_value"), None)
        rows.append(_continuous_row(first, second, sides, effect, p_row, test))
    # the folded F of equal variances goes with the two SDs alone (its p with the F only)
    folded = next(
        (t for t in tested if t["kind"] == "test" and t.get("method") == sas.FOLDED_F), None
    )
    if folded:
        rows.append(_continuous_row(first, second, sides, None, None, folded))
    return rows


def _chi_square_after(group: list[dict], cell: dict, limit: int | None) -> dict | None:
    """Return the first chi-square statistic after a count and before ``limit`` in its sentence
    ("... 12/50 (24.0%) with control; χ2 = 4.76"), whether or not a p-value follows it."""
    return next(
        (
            r
            for r in group
            if r["kind"] == "test"
            and r.get("test_type") == "chi2"
            and r["span_start"] > cell["span_end"]
            and (limit is None or r["span_start"] < limit)
        ),
        None,
    )


def _binary_row(
    first: dict,
    second: dict,
    totals: tuple,
    effect: dict | None,
    p_row: dict | None,
    test: dict | None = None,
) -> dict:
    """Return the comparison row of two arms' counts; ``totals`` are (n, stat_id) of each."""
    (n1, n1_id), (n2, n2_id) = totals
    return _row(
        first["stat_id"],
        "binary",
        first,
        outcome=first["outcome"] or second["outcome"],
        timepoint=first["timepoint"] or second["timepoint"],
        arm_1=first["arm"],
        arm_2=second["arm"],
        events_1=first["numerator"],
        total_1=n1,
        events_2=second["numerator"],
        total_2=n2,
        events_1_stat_id=first["stat_id"],
        total_1_stat_id=n1_id,
        events_2_stat_id=second["stat_id"],
        total_2_stat_id=n2_id,
        effect_stat_id=effect["stat_id"] if effect else None,
        p_stat_id=p_row["stat_id"] if p_row else None,
        test_stat_id=test["stat_id"] if test else None,
    )


# Two counts joined by "vs" with nothing but the joining words between them.
_PAIR_GAP = re.compile(r"(?i)^[\s,;]{0,3}(?:vs\.?|v|versus|compared\s(?:with|to))\s?$")


def _unnamed_binary_pairs(stats: list[dict], norm: str, used: set[int]) -> list[dict]:
    """Two counts with their denominators joined by "vs" in a sentence that names no arm
    ("mortality 10/50 (20%) vs 20/50 (40%), RR 0.50 (0.26-0.97)"), with the effect and p-value
    after them: a comparison of arms unnamed, in the order printed (the checks try both)."""
    rows = []
    for group in _by_sentence(stats).values():
        cells = [
            r
            for r in group
            if r["kind"] == "count" and r["stat_id"] not in used and r["denominator"] is not None
        ]
        for first, second in itertools.pairwise(cells):
            if first["arm"] or second["arm"] or first["stat_id"] in used:
                continue
            if first["span_end"] > second["span_start"] or not _PAIR_GAP.match(
                norm[first["span_end"] : second["span_start"]]
            ):
                continue
            # a sentence's statistics are in document order (spans.resolve sorts them)
            after = [
                r
                for r in group
                if r["span_start"] >= second["span_end"] and r["stat_id"] not in used
            ]
            nxt = next((r for r in after if r["kind"] == "count"), None)
            after = [r for r in after if nxt is None or r["span_start"] < nxt["span_start"]]
            effect = next((r for r in after if r["kind"] in {"ratio", "difference"}), None)
            p_row = next((r for r in after if r["kind"] == "p_value"), None)
            test = _chi_square_after(after, second, None)
            totals = _denominator(first, []), _denominator(second, [])
            rows.append(_binary_row(first, second, totals, effect, p_row, test))
            used.update(r["stat_id"] for r in (first, second, effect, p_row) if r is not None)
    return rows


def _denominator(cell: dict, arms: list[dict]) -> tuple[int | None, int | None]:
    """Return (denominator, stat_id it came from) for a count cell, from the arm size if needed."""
    if cell["denominator"] is not None:
        return cell["denominator"], cell.get("denominator_stat_id") or cell["stat_id"]
    arm = resolve_arm(cell["arm"], arms)
    if arm is None:
        return None, None
    return arm["n"], arm["stat_id"]


def arms_of_sentence(
    norm: str, sentence: tuple[int, int], before: int, than_with: bool = False
) -> tuple[str, str]:
    """Return the (intervention, comparator) labels a sentence names: its subject and what it
    is compared with ("MSC treatment improved ... compared with the controls", "Compared with
    usual care, early mobilization reduced ..."); with ``than_with``, for the two values of a
    bracket after it, also "lower with ropivacaine than with bupivacaine (412 vs 356 min"."""
    subject, comparator = "", ""
    for m in _SUBJECT.finditer(norm, sentence[0], max(sentence[0], before)):
        words = context.clean_arm(_HEADING.sub("", m.group("subj")))
        # "FEV1 improved by 120 mL ...": a measure that opens the sentence is no arm, nor is
        # the test that "showed" a difference
        of_no_arm = words.upper() in context.MEASURE_ABBREVIATIONS or _A_TEST.search(words)
        subject = "" if of_no_arm else words or subject
    first = _COMPARED_FIRST.search(norm, sentence[0], max(sentence[0], before))
    if first:
        return context.clean_arm(first.group("subj")), context.clean_arm(first.group("arm"))
    m = _COMPARED_WITH.search(norm, sentence[0], sentence[1])
    if m:
        comparator = context.clean_arm(m.group("arm"))
    if than_with and not subject and comparator:
        paired = _WITH_THAN_WITH.search(norm, sentence[0], m.end())
        if paired and paired.end() == m.start():  # the "than" _COMPARED_WITH starts at
            subject = context.clean_arm(paired.group("subj"))
    return subject, comparator


def _arms_for(
    first: dict, second: dict | None, arm_rows: list[dict], norm: str
) -> tuple[str, str, tuple[int | None, int | None], tuple[int | None, int | None]]:
    """Return arm labels and (n, stat_id) totals for a continuous comparison."""
    sentence = (first["sentence_start"], first["sentence_end"])
    label_1 = first.get("arm") or ""
    label_2 = (second or {}).get("arm") or ""
    if not label_1 or not label_2:
        subject, comparator = arms_of_sentence(norm, sentence, first["span_start"])
        label_1 = label_1 or subject
        label_2 = label_2 or comparator
    arms = study_arms(arm_rows, first["study_id"], first.get("subgroup") or "")
    n1, id1, arm_1 = _total(label_1, arms) if label_1 else (None, None, "")
    n2, id2, arm_2 = _total(label_2, arms) if label_2 else (None, None, "")
    if arm_1 and arm_1 == arm_2 and context.arm_key(label_1) != context.arm_key(label_2):
        # two labels read as one arm ("group A" and "group B" of a ketamine arm): neither is
        # known, and the arms stay as written
        return label_1, label_2, (None, None), (None, None)
    return arm_1, arm_2, (n1, id1), (n2, id2)


def _summary_pairs(stats: list[dict], arm_rows: list[dict], norm: str, used: set[int]) -> list:
    """Two medians or means joined by "vs" ("2.75 [2.35, 3.23] vs . 2.11 [1.96, 2.35]"), with
    the difference and p-value printed after them."""
    rows = []
    for group in _by_sentence(stats).values():
        summaries = [
            r
            for r in group
            if (
                r["kind"] in SUMMARY_KINDS
                or (r["kind"] == "percentage" and r.get("measure") in SUMMARY_KINDS)
            )
            # "fell from 8.1 ± 0.9% to 7.2 ± 0.8% with drug": where a change starts, no arm's
            # value to compare
            and not context.FROM_BEFORE.search(norm, max(0, r["span_start"] - 6), r["span_start"])
        ]
        pairs = []
        second: set[int] = set()
        for a, b in itertools.pairwise(summaries):
            if a["stat_id"] in used or a["stat_id"] in second:
                continue
            gap = _TIME_IN_GAP.sub("", norm[a["span_end"] : b["span_start"]])
            named = (
                _two_arms(a, b)
                # "X 4.2, Y 15.6 in A vs X 6.1, Y 19.4 in B": Y of A is not compared with X of B
                and not other_outcomes(a["outcome"], b["outcome"])
                and _NAMED_ARMS_GAP.match(_ARM_SIZE_IN_GAP.sub("", gap))
            )
            # "Age, years, mean (SD) | 58.2 (10.4) | 60.1 (9.8) | 0.35": a table row's cells of
            # the two arms its header names, the row's only two summaries
            cells = (
                _two_arms(a, b)
                and _CELL_GAP.fullmatch(gap)
                and _summaries_on_the_line(norm, a, summaries) == 2
            )
            if _VERSUS_GAP.match(gap) or named or cells:
                pairs.append((a, b))
                second.add(b["stat_id"])
        pairs = _with_enumerated_pairs(pairs, summaries, used)
        listed, shared_p = _tests_listed_after(pairs, group, norm)
        for index, (a, b) in enumerate(pairs):
            limit = pairs[index + 1][0]["span_start"] if index + 1 < len(pairs) else None
            after = [
                r
                for r in group
                if r["span_start"] >= b["span_end"]
                and (limit is None or r["span_start"] < limit)
                and r["stat_id"] not in used
            ]
            effect = next((r for r in after if r["kind"] in {"difference", "ratio"}), None)
            p_row = next((r for r in after if r["kind"] == "p_value"), None)
            omnibus = p_row is not None and _of_more_arms(group, summaries, b, p_row)
            p_row = None if omnibus else p_row
            # "[(68.4±12.7) min vs (59.1±11.3) min, t=3.46, P<0.05]": the test of the pair,
            # printed before its p-value if it has one
            test = next(
                (r for r in after if r["kind"] == "test" and r.get("test_type") in {"t", "F"}),
                None,
            )
            if omnibus or (test and p_row and test["span_start"] > p_row["span_start"]):
                test = None
            if index in listed:  # "IL-6 [A vs B] and CRP [C vs D] (t=6.799, 6.347; both P<0.001)"
                effect, test, p_row = None, listed[index], shared_p
                test["outcome"] = test["outcome"] or a["outcome"]
            arms = _arms_for(a, b, arm_rows, norm)
            a["arm"], b["arm"] = a["arm"] or arms[0], b["arm"] or arms[1]
            for later in (b, effect, p_row, test):
                if later is not None:
                    later["outcome"] = later["outcome"] or a["outcome"]
            rows.append(_continuous_row(a, b, arms, effect, p_row, test))
            used.update(r["stat_id"] for r in (a, b, effect, test) if r is not None)
            if p_row is not None and index not in listed:
                used.add(p_row["stat_id"])
        if shared_p is not None:
            used.add(shared_p["stat_id"])
    return rows


def _continuous_row(
    first: dict, second: dict, arms: tuple, effect: dict | None, p_row: dict | None, test
) -> dict:
    """Return the comparison row of two arms' summaries; ``arms``: (label 1, label 2, (n 1,
    stat_id), (n 2, stat_id)) as _arms_for gives them."""
    return _row(
        first["stat_id"],
        "continuous",
        first,
        **_arm_fields(arms),
        summary_1_stat_id=first["stat_id"],
        summary_2_stat_id=second["stat_id"],
        effect_stat_id=effect["stat_id"] if effect else None,
        p_stat_id=p_row["stat_id"] if p_row else None,
        test_stat_id=test["stat_id"] if test else None,
    )


def _arm_fields(arms: tuple) -> dict:
    """Return a comparison row's arm labels and sizes from (label 1, label 2, (n 1, stat_id),
    (n 2, stat_id)), as _arms_for gives them."""
    label_1, label_2, (n1, id1), (n2, id2) = arms
    return {
        "arm_1": label_1,
        "arm_2": label_2,
        "total_1": n1,
        "total_1_stat_id": id1,
        "total_2": n2,
        "total_2_stat_id": id2,
    }


def other_outcomes(first: str, second: str) -> bool:
    """Whether two values' outcomes are different measures: both named, sharing no word
    ("腹痛缓解时间" and "length of stay"; not "6-minute walk distance" and "6-minute walk")."""
    words = [set(o.lower().split()) for o in (first, second)]
    return bool(first and second and not words[0] & words[1])


def _summaries_on_the_line(norm: str, row: dict, summaries: list[dict]) -> int:
    """How many of ``summaries`` stand on the line of ``row``."""
    start = norm.rfind("\n", 0, row["span_start"]) + 1
    end = norm.find("\n", row["span_end"])
    end = len(norm) if end < 0 else end
    return sum(start <= s["span_start"] < end for s in summaries)


def _two_arms(a: dict, b: dict) -> bool:
    return bool(a["arm"] and b["arm"] and context.arm_key(a["arm"]) != context.arm_key(b["arm"]))


def _with_enumerated_pairs(pairs: list, summaries: list[dict], used: set[int]) -> list:
    """Add to ``pairs`` the summaries of one sentence that two arms' lists give in the same
    order of outcomes ("观察组腹痛缓解时间(4.2±1.3)d、住院时间(15.6±3.8)d均短于对照组的(6.1±1.7)d、
    (19.4±4.5)d": 4.2 with 6.1, 15.6 with 19.4), when none of them is paired yet."""
    paired = {r["stat_id"] for pair in pairs for r in pair} | used
    free = [r for r in summaries if r["stat_id"] not in paired]
    half = len(free) // 2
    if half < 2 or len(free) % 2:
        return pairs
    first, second = free[:half], free[half:]
    outcomes = [r["outcome"] for r in first]
    if (
        not all(outcomes)
        or len(set(outcomes)) != half
        or [r["outcome"] for r in second] != outcomes
        or not all(_two_arms(a, b) for a, b in zip(first, second, strict=True))
        or len({context.arm_key(r["arm"]) for r in first}) != 1
    ):
        return pairs
    return sorted([*pairs, *zip(first, second, strict=True)], key=lambda p: p[0]["span_start"])


def _tests_listed_after(
    pairs: list[tuple[dict, dict]], group: list[dict], norm: str
) -> tuple[dict[int, dict], dict | None]:
    """Return {pair index: test} for the t or F tests printed in one list after the last two or
    more pairs of summaries, one for each of them in order, when nothing but those pairs comes
    between them, and the one p-value after the list; ({}, None) otherwise. A p of them all
    ("both P<0.001") without an outcome of its own takes the pairs' outcomes, joined."""
    last = pairs[-1][1]["span_end"] if pairs else 0
    tests = [r for r in group if r["span_start"] >= last and r["kind"] == "test"]
    k = len(tests)
    if k < 2 or len(pairs) < k or any(t.get("test_type") not in {"t", "F"} for t in tests):
        return {}, None
    listed = pairs[-k:]
    members = {r["stat_id"] for pair in listed for r in pair}
    first = listed[0][0]["span_start"]
    if any(first < r["span_start"] < last and r["stat_id"] not in members for r in group):
        return {}, None
    after = max(t["span_end"] for t in tests)
    p_rows = [r for r in group if r["kind"] == "p_value" and r["span_start"] >= after]
    shared = p_rows[0] if len(p_rows) == 1 else None
    outcomes = [a["outcome"] for a, _ in listed]
    if shared and not shared["outcome"] and all(outcomes) and _ALL_OF_THEM.match(norm, after):
        shared["outcome"] = "; ".join(outcomes)
    offset = len(pairs) - k
    return {offset + i: t for i, t in enumerate(tests)}, shared


# What joins a list of tests to the one p of them all: "t=6.799, 6.347; both P<0.001".
_ALL_OF_THEM = re.compile(r"[;,]?\s?(?i:both|all)\s?[Pp]\b")


def _of_more_arms(group: list[dict], summaries: list[dict], last: dict, p_row: dict) -> bool:
    """Return True if a p-value after a pair of summaries tests more than their two arms: the
    summaries since the p-value before it are of three arms or more, or a test of more than one
    degree of freedom in its numerator stands between the pair and it ("-1.8 with vitamin D3,
    -2.4 with fish oil and -1.1 with placebo; F(2, 167) = 4.12, P = .018")."""
    since = max(
        (
            r["span_end"]
            for r in group
            if r["kind"] == "p_value" and r is not p_row and r["span_end"] <= p_row["span_start"]
        ),
        default=-1,
    )
    arms = {
        context.arm_key(r["arm"])
        for r in summaries
        if r["arm"] and since <= r["span_start"] < p_row["span_start"]
    }
    return len(arms) >= 3 or any(
        r["kind"] == "test"
        and r.get("test_type") in {"F", "chi2"}
        and (r.get("df1") or 0) >= 2
        and last["span_end"] <= r["span_start"] < p_row["span_start"]
        for r in group
    )


def _effects_and_p_values(
    stats: list[dict], arm_rows: list[dict], norm: str, used: set[int]
) -> list[dict]:
    """A difference, or a p-value standing alone, in a sentence that compares an intervention
    with a named comparator ("... compared with the placebo (median difference ...; P = ...)")."""
    rows = []
    p_of = {
        r["refers_to"]: r for r in stats if r["kind"] == "p_value" and r["refers_to"] is not None
    }
    for row in stats:
        if row["stat_id"] in used:
            continue
        sentence = (row["sentence_start"], row["sentence_end"])
        if row["kind"] == "difference":
            p_row = p_of.get(row["stat_id"])
        elif row["kind"] == "p_value" and row["refers_to"] is None:
            p_row = row
        else:
            continue
        subject, comparator = arms_of_sentence(norm, sentence, row["span_start"])
        if not comparator:
            continue
        if row["kind"] == "p_value" and not context.is_control(comparator):
            continue
        arms = _arms_for({**row, "arm": subject}, {"arm": comparator}, arm_rows, norm)
        effect = row if row["kind"] == "difference" else None
        kind = "binary" if effect and effect["measure"] == "risk difference" else "continuous"
        rows.append(
            _row(
                row["stat_id"],
                kind,
                row,
                **_arm_fields(arms),
                effect_stat_id=effect["stat_id"] if effect else None,
                p_stat_id=p_row["stat_id"] if p_row else None,
            )
        )
        used.update(r["stat_id"] for r in (effect, p_row) if r is not None)
    return rows
