"""Arms for per-arm values printed in parallel, as a reader attributes them.

Abstracts print one value per arm side by side: "[(68.4±12.7) min vs (59.1±11.3) min]",
"92.5% (74/80), higher than 81.3% (65/80) in the quadruple therapy group", "−3.1 (SD 2.4) with
the combination and −2.2 (SD 2.6) with calcipotriol", "n/N (%): 62/141 (44.0) vs 41/139 (29.5)
vs 6/70 (8.6)". A run of such values takes, in order, the arms its sentence names around it, or
else the arms of its study in the order the text gave their sizes when the run is a "vs" list.
A count whose denominator is the size of exactly one arm takes that arm whatever the order.
"""

from __future__ import annotations

import itertools
import re

from . import comparisons, context
from .arms import counts_people, resolve_arm
from .grammar import _PEOPLE, ARM_LABEL

PER_ARM_KINDS = frozenset({"count", "percentage", "mean", "median", "rate"})

# What may stand between two values of one run: connectives and units, no numbers and no verb
# or summary word that would start a new statement ("mean age was 52 years and mean BMI 27").
_RUN_GAP = re.compile(
    r"(?i)(?=(?:[^\d.;]|(?<=bzw)\.|(?<=\bvs)\.){0,80}$)"
    r"(?!.*\b(?:was|were|is|are|had|has|mean|median|respectively)\b)"
    r".*(?:\bvs\b|\sv\s|\bversus\b|\band\b|,|\bthan\b|\bcompared\b|\bcomparison\b|\bagainst\b"
    # German, Spanish, Portuguese, French: "bzw.", "und", "y", "e", "et", "frente a", "contre"
    r"|\bbzw\.|\bund\b|\by\b|\be\b|\bet\b|\bfrente\sa\b|\bcontra\b|\bcontre\b)"
)
# A cell boundary of a registry table's row ("Placebo 12 (8.0%) | GZR-118 2.4 mg 61 (41.2%)"):
# one bar, the next column's title, no line break. Its values are in the order of the arms.
_CELL_GAP = re.compile(r"[^\n|]{0,40}\|[^\n|]{0,40}")
# "mean BMI was 27.3": a value printed with its own label starts a new statement.
_LABELLED = re.compile(r"(?i)[a-z][^\d]{0,40}?\b(?:was|were|is|are|of)\b")
# "vs", German "bzw." ("48 m (IQR 22–71) bzw. 31 m": respectively, the arms in order), Spanish
# "frente a", Spanish and Portuguese "contra", French "contre"
_VS = re.compile(r"(?i)\bvs\b|\bversus\b|\sv\s|\bbzw\.|\bfrente\sa\b|\bcontr[ae]\b")
# "..., respectively", "... in the four groups": the values are in the order of the arms
# (Spanish and Portuguese "respectivamente", Portuguese "respetivamente", French
# "respectivement", Russian "соответственно").
# ... and Swedish "respektive", Romanian "respectiv", Finnish "vastaavasti"
RESPECTIVELY_WORDS = (
    r"\brespectively\b|\bresp?ectivamente\b|\brespectivement\b|соответственно"
    r"|\brespektive\b|\brespectiv\b|\bvastaavasti\b"
)
_RESPECTIVELY = re.compile(
    rf"(?i){RESPECTIVELY_WORDS}"
    r"|\bin\s(?:the|all)\s(?:two|three|four|five|six|both|\d)\s(?:groups|arms)\b"
)
# "in the laparoscopic group", "the open arm"
_GROUP_MENTION = re.compile(rf"(?i)\bthe\s(?P<arm>{ARM_LABEL})\s(?:group|arm|cohort)s?\b")
# "the MSC and control groups": the two arms of a plural "groups".
_PAIR_OF_GROUPS = re.compile(r"(?P<a>.{1,40}?)\s(?:and|or|vs\.?|versus)\s(?:the\s)?(?P<b>.{1,40})")
# "85.7% and 78.6% for ceftriaxone and azithromycin, respectively"
_PAIR_RESPECTIVELY = re.compile(
    rf"\b(?:for|with|in|on)\s(?:the\s)?(?P<a>{ARM_LABEL})\s(?:and|vs\.?|versus)\s(?:the\s)?"
    rf"(?P<b>{ARM_LABEL}),?\s(?i:respectively)\b"
)
# "with the combination", "given placebo", "on enza"
_VERB_MENTION = re.compile(
    r"(?i)\b(?:with|given|receiving|received|in|on|to)\s(?:the\s)?"
    r"(?P<arm>[A-Za-z][\w\-]*(?:\s[A-Za-z][\w\-]*){0,2})"
)
_NOT_ARMS = frozenset(
    "same other whole age each both entire study all two three four subgroup "
    "intention-to-treat per-protocol treatment control-to-treatment".split()
)
# Words too common to tell arms apart by.
_GENERIC = frozenset("therapy treatment group arm patient participant mg dose regimen".split())
# "Compared with stretching, ...": a reference arm named first reverses the order of a run.
_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:\bcompared\s(?:with|to)|\brelative\sto|\bversus|\bvs\.?|\bthan(?:\sthat\sof)?"
    r"|\bover)\s(?:the\s|in\sthe\s)?$"
)


def _mentions(norm: str, lo: int, hi: int, arms: list[dict]) -> list[tuple[int, str]]:
    """Return (offset, arm label) of the distinct arms named in norm[lo:hi], in order of first
    mention: "the X group" phrases, and phrases after with/given/in/on that name a known arm."""
    found: list[tuple[int, str]] = []
    named = []
    for m in _GROUP_MENTION.finditer(norm, lo, hi):
        pair = _PAIR_OF_GROUPS.fullmatch(m.group("arm")) if m.group().endswith("s") else None
        if pair:  # "in the MSC and control groups": two arms
            named += [(m.start("arm") + pair.start(g), pair.group(g)) for g in "ab"]
        else:
            named.append((m.start("arm"), m.group("arm")))
    for m in _PAIR_RESPECTIVELY.finditer(norm, lo, hi):
        # "in the knee and the hip, respectively" gives two sites' values, not two arms'
        if not any(context.is_body_site(m.group(g)) for g in "ab"):
            named += [(m.start(g), m.group(g)) for g in "ab"]
    for offset, text in named:
        label = context.clean_arm(text)
        if not label or label.lower() in _NOT_ARMS:
            continue
        if arms:
            arm = resolve_arm(label, arms)
            if arm is None:
                continue
            label = arm["arm"]
        found.append((offset, label))
    if arms:
        for m in _VERB_MENTION.finditer(norm, lo, hi):
            words = m.group("arm").split()
            cut = next((i for i, w in enumerate(words) if w.lower() in context.STOP_WORDS), None)
            arm = _named_arm(" ".join(words[:cut]), arms)
            if arm is not None:
                found.append((m.start("arm"), arm["arm"]))
    seen: dict[str, tuple[int, str]] = {}
    for offset, label in sorted(found):
        seen.setdefault(context.arm_key(label), (offset, label))
    return sorted(seen.values())


def _named_arm(phrase: str, arms: list[dict]) -> dict | None:
    """Return the only arm whose distinctive words the phrase shares, or whose label it is."""
    key = context.arm_key(phrase)
    words = set(key.split()) - _GENERIC
    if not words:
        return None
    sharing = [a for a in arms if words & (set(a["arm_key"].split()) - _GENERIC)]
    if len({a["arm_key"] for a in sharing}) == 1:
        return sharing[0]
    if context.is_control(phrase):
        controls = [a for a in arms if a["role"] == "control"]
        if len({a["arm_key"] for a in controls}) == 1:
            return controls[0]
    return None


def value_runs(stats: list[dict], norm: str) -> list[list[dict]]:
    """Return the runs of two or more per-arm values of one kind, each next to the other in its
    sentence with only connectives (see _RUN_GAP) or a table's cell boundary between."""
    ordered = sorted(stats, key=lambda r: r["span_start"])
    runs: list[list[dict]] = []
    current: list[dict] = []
    for row in ordered:
        previous = current[-1] if current else None
        if (
            previous is not None
            and row["kind"] == previous["kind"]
            and row["sentence_start"] == previous["sentence_start"]
            and row["span_start"] >= previous["span_end"]
            and not _LABELLED.match(row["source_text"])
            and (
                _RUN_GAP.match(norm, previous["span_end"], row["span_start"])
                or _CELL_GAP.fullmatch(norm, previous["span_end"], row["span_start"])
            )
        ):
            current.append(row)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [row] if row["kind"] in PER_ARM_KINDS else []
    if len(current) >= 2:
        runs.append(current)
    return runs


def study_arms_in_order(stats: list[dict], study_id: str, offset: int) -> list[dict]:
    """Return the first arm-size row of each arm (no strata) of a study given before offset."""
    first: dict[str, dict] = {}
    for row in stats:
        if (
            row["kind"] == "arm_size"
            and counts_people(row)
            and row["study_id"] == study_id
            and row["arm"]
            and not row["subgroup"]
            and row["span_end"] <= offset
        ):
            first.setdefault(context.arm_key(row["arm"]), row)
    return list(first.values())


def _by_denominator(run: list[dict], arms: list[dict]) -> list[str] | None:
    """Return the arms of a run of counts when each denominator is the size of exactly one arm
    and no two counts share an arm."""
    labels = []
    for row in run:
        if row["kind"] != "count" or row["denominator"] is None:
            return None
        sized = {a["arm_key"]: a for a in arms if a["n"] == row["denominator"]}
        if len(sized) != 1:
            return None
        labels.append(next(iter(sized.values()))["arm"])
    return labels if len({context.arm_key(label) for label in labels}) == len(labels) else None


_OPENS_BRACKET = re.compile(r"[(\[]\s?$")


def drop_unknown_arms(stats: list[dict], study_arms) -> None:
    """Clear the arm of a per-arm value that names none of its study's arms, when the text gives
    the sizes of two or more ("Drug-related grade 2-4 adverse events: 14 (5.1%)" is no arm of a
    two-drug vs three-drug trial, nor is "four" in "in the four groups")."""
    for row in stats:
        if row["kind"] not in PER_ARM_KINDS or not row["arm"]:
            continue
        arms = study_arms(row["study_id"], row["subgroup"])
        if len(arms) >= 2 and resolve_arm(row["arm"], arms) is None:
            row["arm"] = ""


def one_outcome_per_run(runs: list[list[dict]]) -> None:
    """Give the values of a run the longest of their outcomes when every other one ends it
    ("Median length of stay: 8 days [IQR 6-11] vs 10 days [IQR 7-15]" gave the first value
    'stay' and the second 'length of stay'), and those with none the one outcome of the others
    ("HIV-1 RNA <50 copies/mL, 255/275 (92.7) vs 250/274 (91.2)"): values side by side measure
    one outcome. Outcomes that differ in case only are one ("Mortality at 30 days was 3.1% v
    3.6%" gave the first value the label, the second the known outcome 'mortality'): the
    lower-case spelling is kept, as the known outcomes and the run's p-value spell it."""
    for run in runs:
        outcomes = {row["outcome"] for row in run if row["outcome"]}
        if not outcomes:
            continue
        # the longest; of those differing in case only, the lower-case one if any, else the
        # first in sorted order (a set's order differs between runs)
        longest = min(outcomes, key=lambda o: (-len(o), o != o.lower(), o))
        if all(
            longest.lower() == o.lower() or longest.lower().endswith(" " + o.lower())
            for o in outcomes
        ):
            for row in run:
                row["outcome"] = longest


def assign_parallel_arms(stats: list[dict], runs: list[list[dict]], norm: str, study_arms) -> None:
    """Give the values of each run that have no arm the arms a reader would (when the reading
    agrees with the arms the others already have): by denominator, else the arms named around
    the run (or, if none, in its sentence) when there are as many as values, else, for a "vs",
    "respectively" or table-row list in a sentence that names no arm, its study's arms in the
    order their sizes were given when there are as many, or, when the study was sized under
    more names, the arms of the last run of as many values.
    ``runs`` are the document's value_runs; ``study_arms(study_id, subgroup)`` returns the arm
    rows of a study."""
    by_start = sorted(stats, key=lambda r: r["span_start"])
    # the arms of the last run whose values all had one (of a study and size of run): "2/40 in
    # the treatment group and 4/20 in the control group ... Length of stay was 18.5 vs 23.1"
    last_arms: dict[tuple[str, int], tuple[list[str], int]] = {}
    for run in (pair for whole in runs for pair in _vs_pairs(whole, norm)):
        _assign_run(run, stats, by_start, norm, study_arms, last_arms)
        labels = [r["arm"] for r in run]
        if all(labels) and len({context.arm_key(a) for a in labels}) == len(run):
            last_arms[run[0]["study_id"], len(run)] = labels, run[-1]["sentence_end"]


def _assign_run(
    run: list[dict],
    stats: list[dict],
    by_start: list[dict],
    norm: str,
    study_arms,
    last_arms: dict[tuple[str, int], tuple[list[str], int]],
) -> None:
    """Give one run of assign_parallel_arms its arms; ``last_arms`` are the arms of the last run
    of each study and length whose values all had one, and where its sentence ends."""
    first = run[0]
    arms = study_arms(first["study_id"], first["subgroup"])
    if _OPENS_BRACKET.search(norm, max(0, first["span_start"] - 2), first["span_start"]):
        # "... in the intervention group than those in the control group (4.2 vs 6.1
        # days)": the arms the sentence names, in order, not the one nearest each value
        labels, _ = _by_mention(run, by_start, norm, arms)
        if labels is None:
            labels = _subject_and_comparator(run, norm, arms)
        if labels is None:
            # a study whose arms are not sized: the two of its last pair with both arms
            paired = last_arms.get((first["study_id"], 2), ([], 0))[0]
            labels = _named_arm_then_the_other(run, norm, arms, paired)
        if labels is not None:
            for row, label in zip(run, labels, strict=True):
                row["arm"] = label
            return
    if all(r["arm"] for r in run):
        return
    labels = _by_denominator(run, arms) if arms else None
    named_any = False
    if labels is None:
        labels, named_any = _by_mention(run, by_start, norm, arms)
    if labels is None and not named_any and _one_value_per_arm(run, norm):
        ordered = study_arms_in_order(stats, first["study_id"], first["span_start"])
        if len(ordered) == len(run):
            # "... in the budesonide group and ... in the montelukast group. Rescue inhaler use
            # fell by 62% and 41%, respectively": the order the sentence before named the arms
            said = _RESPECTIVELY.search(norm, run[-1]["span_end"], run[-1]["sentence_end"])
            before = _arms_of_sentence_before(run, by_start, norm) if said else None
            labels = before or [a["arm"] for a in ordered]
        elif (first["study_id"], len(run)) in last_arms:
            # a study sized under more names than it has arms (an abstract in two languages),
            # or not sized at all: the arms of the run in this sentence or the one right before
            before, sentence_end = last_arms[first["study_id"], len(run)]
            if sentence_end >= first["sentence_start"] or _adjacent(norm, sentence_end, first):
                labels = before
    if labels is not None and all(
        context.arm_key(row["arm"]) == context.arm_key(label)
        for row, label in zip(run, labels, strict=True)
        if row["arm"]
    ):
        for row, label in zip(run, labels, strict=True):
            row["arm"] = row["arm"] or label


def _one_value_per_arm(run: list[dict], norm: str) -> bool:
    """Whether a run reads as one value for each arm, in the order of the arms: a "vs" or
    "respectively" list, a table row, a bracket of values only or counts of one people."""
    first, last = run[0], run[-1]
    return bool(
        _VS.search(norm, first["span_end"], last["span_start"])
        or _RESPECTIVELY.search(norm, last["span_end"], last["sentence_end"])
        or "|" in norm[first["span_end"] : last["span_start"]]
        or _a_bracket_of_values_only(run, norm)
        or _counts_of_one_people(run, norm)
    )


def arms_of_the_sentence_before(stats: list[dict], runs: list[list[dict]], norm: str) -> None:
    """Give a run that reads as one value for each arm and still has no arm, in a study whose
    arms are not sized by name, the arms of the values of the sentence right before it, in
    order, when they are as many ("600 were randomized (300 per group) ... −1.12% with the app
    and −0.61% with standard care. A ≥1% reduction was achieved by 44.2% vs 21.0%"). Runs
    after the first take the arms this gave the runs before them."""
    by_start = sorted(stats, key=lambda r: r["span_start"])
    for run in (pair for whole in runs for pair in _vs_pairs(whole, norm)):
        first = run[0]
        if (
            any(r["arm"] for r in run)
            or not _one_value_per_arm(run, norm)
            or study_arms_in_order(stats, first["study_id"], first["span_start"])
        ):
            continue
        labels = _arms_of_sentence_before(run, by_start, norm)
        for row, label in zip(run, labels or (), strict=bool(labels)):
            row["arm"] = label


def _adjacent(norm: str, sentence_end: int, row: dict) -> bool:
    """Whether the sentence that ends at ``sentence_end`` is the one right before row's."""
    gap = norm[sentence_end : row["sentence_start"]]
    return 0 <= len(gap) <= 3 and "\n" not in gap and sentence_end <= row["sentence_start"]


def _arms_of_sentence_before(run: list[dict], by_start: list[dict], norm: str) -> list[str] | None:
    """Return the arms of the per-arm values of the sentence right before the run's, in the
    order the sentence names them, when they are as many as the run's values; else None."""
    first = run[0]
    named: dict[str, str] = {}
    for row in by_start:
        if row["span_start"] >= first["sentence_start"]:
            break
        if (
            row["kind"] in PER_ARM_KINDS
            and row["arm"]
            and row["study_id"] == first["study_id"]
            and not row["subgroup"]
            and _adjacent(norm, row["sentence_end"], first)
        ):
            named.setdefault(context.arm_key(row["arm"]), row["arm"])
    return list(named.values()) if len(named) == len(run) else None


def _vs_pairs(run: list[dict], norm: str) -> list[list[dict]]:
    """Split a run of pairs, each joined by a "vs" and none to the next ("IL-6 [(12.35±3.21)
    pg/mL vs (18.74±4.02) pg/mL] and CRP [(8.12±2.15) mg/L vs (12.46±3.07) mg/L]"), into the
    pairs, whose values a reader gives the same two arms; else the run whole."""
    if len(run) < 4 or len(run) % 2:
        return [run]
    pairs = [run[i : i + 2] for i in range(0, len(run), 2)]
    joined = all(_VS.search(norm, a["span_end"], b["span_start"]) for a, b in pairs)
    apart = not any(
        _VS.search(norm, one[1]["span_end"], other[0]["span_start"])
        for one, other in itertools.pairwise(pairs)
    )
    return pairs if joined and apart else [run]


def arms_of_parallel_labels(
    stats: list[dict], norm: str, arm_words: frozenset[str] = frozenset()
) -> None:
    """Give values of one sentence that name their arms the same way ("21 of 300 patients on
    budesonide died versus 37 of 298 on placebo", "41.2% (200 mg) vs 22.5% (placebo)") those
    arms, though the labels do not look like arms: when two values or more of one kind do so
    with different labels, and every value that has an arm already has the one its label
    names (context.parallel_arm_label); labels of a weak construction ("for", "with") only
    beside a control's, and only arms of ``arm_words`` when the document names its arms."""
    by_sentence: dict[tuple[int, str, str], list[tuple[dict, str]]] = {}
    for row in stats:
        if row["kind"] not in PER_ARM_KINDS:
            continue
        sentence = (row["sentence_start"], row["sentence_end"])
        construction, label = context.parallel_arm_label(
            norm, row["span_start"], row["span_end"], sentence
        )
        label = context.clean_arm(label) if construction else ""
        if label and not context.TIMEPOINT.fullmatch(label):
            key = (row["sentence_start"], row["kind"], construction)
            by_sentence.setdefault(key, []).append((row, label))
    for (_, _, construction), labelled in by_sentence.items():
        keys = {context.arm_key(label) for _, label in labelled}
        agree = all(
            context.arm_key(row["arm"]) == context.arm_key(label)
            for row, label in labelled
            if row["arm"]
        )
        weak = construction in context.WEAK_ARM_CONSTRUCTIONS
        compared = context.COMPARED_BETWEEN.search(
            norm, labelled[0][0]["span_end"], labelled[-1][0]["span_start"]
        )
        # "12.4% with early antibiotics versus 18.8% with delayed antibiotics": compared values
        beside = any(context.is_control(label) for _, label in labelled) or (
            construction == "with" and compared
        )
        if weak and not beside:
            continue  # "12% for mortality and 8% for stroke", "10% with diabetes and 7% with ..."
        if (
            weak
            and arm_words
            and not all(_names_a_known_arm(label, arm_words) for _, label in labelled)
        ):
            continue  # "9.1% with food and 2.0% with placebo" in a trial of semaglutide
        if construction in context.COMPARED_CONSTRUCTIONS and not compared:
            continue  # "with diabetes (n = 40) and with hypertension (n = 32)": conditions
        if len(labelled) >= 2 and len(keys) == len(labelled) and agree:
            for row, label in labelled:
                row["arm"] = row["arm"] or label


def _names_a_known_arm(label: str, arm_words: frozenset[str]) -> bool:
    """Return True if a label is a control or shares a word with the document's arms."""
    return context.is_control(label) or bool(set(context.arm_key(label).split()) & arm_words)


# At most this much space between a sentence and the one before it in one paragraph.
_NEXT_SENTENCE_GAP = 3
# An arrow that opens a line going on from the line before.
_CONTINUED_LINE = re.compile(r"\s{0,8}(?:\u2192|->|=>)\s{0,3}")


# A sentence about the estimate of the sentence before it opens with the estimate's name: "The
# LS mean difference for 100 mg versus placebo was", "Versus placebo, the mean difference was",
# "HR 0.78 ...", not "For time to discharge, the drug group fared differently (HR ...".
_OPENS_WITH_AN_ESTIMATE = re.compile(
    r"(?:(?i:compared\s(?:with|to)|versus|vs\.?|relative\sto)\s[^,;.\d]{1,40},\s)?"
    r"(?:(?i:the|an?|this|that)\s)?"
    r"(?:(?i:adjusted|unadjusted|LS|least[-\s]squares|mean|median|between[-\s]group|absolute"
    r"|relative|estimated|overall|treatment|within[-\s]participant|generali[sz]ed|pooled)\s){0,3}"
    r"(?i:differences?|hazard\sratio|odds\sratio|risk\sratio|rate\sratio|relative\srisk"
    r"|effect|HR|OR|RR|IRR|MD|RD)\b"
)


# "fell from 8.1 ± 0.9% to 7.2 ± 0.8% with drug": a value before and after a change.
_TO_BETWEEN = re.compile(r"\s?%?\s?to\s")


# Chinese lists: "观察组腹痛缓解时间(4.2±1.3)d、住院时间(15.6±3.8)d均短于对照组的(6.1±1.7)d、
# (19.4±4.5)d，差异有统计学意义(t=6.152、4.469": values (and tests) joined by the enumeration
# comma "、", no other punctuation between.
_ENUMERATED = re.compile(r"[^\d，,；;。!?！？]{0,25}\u3001[^\d，,；;。!?！？]{0,25}")


def enumerated_lists(stats: list[dict], text: str) -> None:
    """Give two lists of one sentence's values, each joined by "、" and as long as the other,
    the reading of a Chinese abstract: every value of a list the arm its first value has, each
    value of the second list the outcome of the value at its place in the first, and a list of
    as many tests after them (t=6.152、4.469) those outcomes in order. ``text`` is the decoded
    text, whose "、" normalization made a comma."""
    lists: list[list[dict]] = []
    for row in sorted(stats, key=lambda r: r["span_start"]):
        last = lists[-1][-1] if lists else None
        if (
            last is not None
            and row["kind"] == last["kind"]
            and row["sentence_start"] == last["sentence_start"]
            and _ENUMERATED.fullmatch(text, last["span_end"], row["span_start"])
        ):
            lists[-1].append(row)
        else:
            lists.append([row])
    for index, first in enumerate(lists):
        if len(first) < 2 or first[0]["kind"] not in PER_ARM_KINDS or index + 1 >= len(lists):
            continue
        second = lists[index + 1]
        if len(second) != len(first) or second[0]["sentence_start"] != first[0]["sentence_start"]:
            continue
        if second[0]["kind"] != first[0]["kind"] or first[0]["arm"] == second[0]["arm"]:
            continue
        outcomes = [row["outcome"] for row in first]
        for values in (first, second):
            for row in values[1:]:
                row["arm"] = row["arm"] or values[0]["arm"]
        if len(set(outcomes)) == len(outcomes) and all(outcomes):
            for row, outcome in zip(second, outcomes, strict=True):
                row["outcome"] = outcome
            tests = lists[index + 2] if index + 2 < len(lists) else []
            if len(tests) == len(first) and tests[0]["kind"] == "test":
                for row, outcome in zip(tests, outcomes, strict=True):
                    row["outcome"] = outcome


def arms_of_changes_from_to(stats: list[dict], norm: str) -> None:
    """Give the value a change starts from the arm of the value it goes to ("Mean HbA1c fell
    from 8.1 ± 0.9% to 7.2 ± 0.8% with drug and from 8.0 ± 1.0% to 7.9 ± 0.9% with placebo"):
    both are that arm's."""
    ordered = sorted(stats, key=lambda r: r["span_start"])
    for before, after in itertools.pairwise(ordered):
        if (
            before["kind"] == after["kind"]
            and before["kind"] in PER_ARM_KINDS
            and not before["arm"]
            and after["arm"]
            and " vs " not in after["arm"]
            and context.FROM_BEFORE.search(
                norm, max(0, before["span_start"] - 6), before["span_start"]
            )
            and _TO_BETWEEN.fullmatch(norm, before["span_end"], after["span_start"])
        ):
            before["arm"] = after["arm"]


def outcomes_carried_to_effects(
    stats: list[dict], norm: str, arm_words: frozenset[str] = frozenset()
) -> None:
    """Give the estimates, tests and p-values of a sentence that names no outcome at all the
    outcome of the sentence right before it, when that one measures one ("... the least-squares
    mean change in weekly average pain was -1.5 with placebo and -2.6 with 100 mg. The LS mean
    difference for 100 mg versus placebo was -1.1 (95% CI -1.8 to -0.4; P = .002)")."""
    sentences: dict[int, list[dict]] = {}
    for row in sorted(stats, key=lambda r: r["span_start"]):
        sentences.setdefault(row["sentence_start"], []).append(row)
    previous: list[dict] = []
    for start, rows in sorted(sentences.items()):
        named = [r for r in previous if r["outcome"] and r["kind"] in PER_ARM_KINDS | EFFECT_KINDS]
        gap = norm[previous[-1]["sentence_end"] : start] if previous else "\n\n"
        # a poster's line that goes on from the one before: "• Major flare: 29/164 (17.7%) vs
        # 25/82 (30.5%)\n   → HR=0.53 (0.31-0.91), p=.02"
        opens = _CONTINUED_LINE.match(norm, start)
        continued = opens or _CONTINUED_LINE.fullmatch(gap)
        # an arm compared with another opens it: the arm, read as its subject, is no outcome
        arm = _arm_compared(norm, start, arm_words)
        if (
            named
            and (continued or (len(gap) <= _NEXT_SENTENCE_GAP and "\n" not in gap))
            and all(not r["outcome"] or r["outcome"] == arm for r in rows)
            and (_OPENS_WITH_AN_ESTIMATE.match(norm, opens.end() if opens else start) or arm)
        ):
            for row in rows:
                if row["kind"] in EFFECT_KINDS and row["study_id"] == named[-1]["study_id"]:
                    row["outcome"] = named[-1]["outcome"]
        previous = rows


# What may stand between the values of a bracket and an estimate after them in it: "(2.1% vs
# 2.3%; adjusted OR 0.93, 0.61-1.41)".
_THEN_AN_ESTIMATE = re.compile(r"[;,]\s(?:(?:adjusted|pooled|unadjusted)\s)?")


def outcomes_of_bracketed_values(stats: list[dict], norm: str) -> None:
    """Give an estimate, test or p-value with no outcome that follows the per-arm values that
    open its bracket the outcome they share ("There was no difference in hospital admissions
    (2.1% vs 2.3%; adjusted OR 0.93, 0.61-1.41)"): it compares those values."""
    by_start = sorted(stats, key=lambda r: r["span_start"])
    for index, row in enumerate(by_start):
        if row["kind"] not in EFFECT_KINDS or row["outcome"] or index < 2:
            continue
        values = []  # the per-arm values right before, back to the one that opens the bracket
        opened = False
        for value in reversed(by_start[:index]):
            if (
                value["kind"] not in PER_ARM_KINDS
                or value["sentence_start"] != row["sentence_start"]
            ):
                break
            values.append(value)
            start = value["span_start"]
            if opened := bool(_OPENS_BRACKET.search(norm, max(0, start - 2), start)):
                break
        if (
            opened
            and len(values) >= 2
            and _THEN_AN_ESTIMATE.fullmatch(norm, values[0]["span_end"], row["span_start"])
            and ")" not in norm[values[-1]["span_start"] : row["span_start"]]
            and len({v["outcome"] for v in values}) == 1
        ):
            row["outcome"] = values[0]["outcome"]


# "The combination was superior to calcipotriol (adjusted OR = 1.93 ...)": an arm compared
# with another, the estimate of the outcome of the sentence before.
_ARM_COMPARED = re.compile(
    r"(?:(?:The|the)\s)?(?P<arm>[A-Za-z][\w\-+]{1,30}(?:\s[A-Za-z][\w\-+]{1,30}){0,2}?)\s"
    r"(?:was|were)\s(?:(?:significantly|statistically|also)\s)?(?:superior|inferior|non-?inferior"
    r"|better|worse|more\seffective|less\seffective)\s(?:to|than)\b"
)


def _arm_compared(norm: str, start: int, arm_words: frozenset[str]) -> str:
    """Return the arm a sentence opens with when it is compared with another (_ARM_COMPARED),
    as printed, or ''."""
    m = _ARM_COMPARED.match(norm, start)
    if m and arm_words and set(context.arm_key(m.group("arm")).split()) <= arm_words:
        return m.group("arm")
    return ""


_LIST_SEPARATOR = re.compile(r",\s|,?\s(?:and|or)\s")


def _a_bracket_of_values_only(run: list[dict], norm: str) -> bool:
    """Return True if a run of values fills a bracket on its own ("Dizziness increased with
    dose (3%, 6%, 11% and 18%)"): one value for each arm, in their order."""
    first, last = run[0], run[-1]
    if not (
        _OPENS_BRACKET.search(norm, max(0, first["span_start"] - 2), first["span_start"])
        and norm.startswith(")", last["span_end"])
    ):
        return False
    return all(
        _LIST_SEPARATOR.fullmatch(norm, a["span_end"], b["span_start"])
        for a, b in itertools.pairwise(run)
    )


# "... occurred in 1 (4%) and 3 (13%) infants": the counts end with the people they count.
_AND_PEOPLE_AFTER = re.compile(rf"\s(?:{_PEOPLE})\b")


def _counts_of_one_people(run: list[dict], norm: str) -> bool:
    """Return True if a run of counts, each with its percentage, is joined by "and" and followed
    by the people they count ("Necrotising enterocolitis occurred in 1 (4%) and 3 (13%)
    infants"): one count for each arm, in the order the arms were sized."""
    return (
        all(r["kind"] == "count" and r["source_text"].endswith("%)") for r in run)
        and all(
            _LIST_SEPARATOR.fullmatch(norm, a["span_end"], b["span_start"])
            for a, b in itertools.pairwise(run)
        )
        and " and " in norm[run[-2]["span_end"] : run[-1]["span_start"]]
        and _AND_PEOPLE_AFTER.match(norm, run[-1]["span_end"]) is not None
    )


def parallel_denominators(runs: list[list[dict]], norm: str) -> None:
    """Give a "respectively" list of counts printed without denominators the denominators (and
    arms) of the list of as many counts with printed denominators before it in its sentence, in
    order ("staining in 17/38 (44.7%) with chlorhexidine and 5/38 (13.2%) with the essential
    oil, and taste disturbance in 9 (23.7%) and 3 (7.9%), respectively": 9 of 38 and 3 of 38)."""
    lists = [
        part
        for run in runs
        if run[0]["kind"] == "count"
        for part in _split_by_printed_denominator(run)
    ]
    for index, counts in enumerate(lists):
        last = counts[-1]
        if any(row["denominator"] is not None for row in counts) or not _RESPECTIVELY.search(
            norm, last["span_end"], last["sentence_end"]
        ):
            continue
        before = lists[index - 1] if index else []
        if (
            len(before) != len(counts)
            or before[0]["sentence_start"] != counts[0]["sentence_start"]
            or not all(_printed_denominator(row) for row in before)
        ):
            continue
        for row, source in zip(counts, before, strict=True):
            row["denominator"], row["denominator_stat_id"] = (
                source["denominator"],
                source["stat_id"],
            )
            row["arm"] = row["arm"] or source["arm"]


_BRACKET = re.compile(r"[\[(][^\[\]()]{0,60}")
_NAMED_SPREAD = re.compile(r"(?i)IQR|range|interquartile|\bSD\b|\bSE|\bCI\b|\bQ1|\bQ3")


def bare_intervals_like_the_first(runs: list[list[dict]]) -> None:
    """In a run of summaries whose first names its bracket a CI, the bare brackets of the others
    are CIs too ("4.1 months (95% CI 3.2-5.6) with minimisation and 3.4 months (2.9-4.3) with
    standard tacrolimus"), not the IQR a bare bracket is taken for alone; nor the bracket of
    no named kind after a mean ("38.2 (95% CI 36.9 to 39.5) ... and 35.1 (33.7 to 36.5)")."""
    for run in runs:
        if run[0]["kind"] not in {"median", "mean"} or run[0]["spread_kind"] != "ci":
            continue
        for row in run[1:]:
            bracket = _BRACKET.search(row["source_text"])
            unnamed = row["spread_kind"] == "iqr" or (
                not row["spread_kind"] and row["spread_high_text"] is not None
            )
            if unnamed and bracket and not _NAMED_SPREAD.search(bracket[0]):
                row["spread_kind"] = "ci"
                for end in ("low", "high"):
                    row[f"ci_{end}_text"] = row[f"spread_{end}_text"]
                    row[f"ci_{end}"] = row[f"spread_{end}"]


def _split_by_printed_denominator(run: list[dict]) -> list[list[dict]]:
    """Split a run of counts where it passes between counts printed with their denominators and
    counts printed without (or with one the extraction inferred)."""
    return [list(part) for _, part in itertools.groupby(run, key=_printed_denominator)]


def _printed_denominator(row: dict) -> bool:
    return row["denominator"] is not None and row["denominator_stat_id"] is None


def _subject_and_comparator(run: list[dict], norm: str, arms: list[dict]) -> list[str] | None:
    """Return the arms of a bracketed pair in a sentence that names its treatment as subject and
    its comparator ("Drug was associated with a lower incidence of delirium than placebo (9% vs
    17%)"): the subject's value first. With known arms both must be among them, and a subject
    that is none of two known arms ("Treatment reduced ... compared with placebo") is the other.
    None also when an arm a value already has disagrees, unless it is the comparator on the
    first value: the arm nearest the first value of "compared with placebo (10% vs 30%)"."""
    if len(run) != 2:
        return None
    sentence = (run[0]["sentence_start"], run[0]["sentence_end"])
    subject, comparator = comparisons.arms_of_sentence(
        norm, sentence, run[0]["span_start"], than_with=True
    )
    if not comparator:
        return None
    if arms:
        second = resolve_arm(comparator, arms)
        first = resolve_arm(subject, arms) if subject else None
        others = {a["arm_key"]: a for a in arms if second and a["arm_key"] != second["arm_key"]}
        if first is None and second is not None and len(others) == 1:
            first = next(iter(others.values()))
        if first is None or second is None or first["arm_key"] == second["arm_key"]:
            return None
        labels = [first["arm"], second["arm"]]
    elif not subject or context.arm_key(subject) == context.arm_key(comparator):
        return None
    else:
        labels = [subject, comparator]
    keys = [context.arm_key(label) for label in labels]
    had = [context.arm_key(r["arm"]) if r["arm"] else "" for r in run]
    if had[0] == keys[1]:
        had[0] = ""
    return labels if all(h in ("", k) for h, k in zip(had, keys, strict=True)) else None


def _named_arm_then_the_other(
    run: list[dict], norm: str, arms: list[dict], paired: list[str]
) -> list[str] | None:
    """Return the arms of a bracketed "vs" pair after the one arm its sentence names, in a
    study of two arms ("Fear of falling was lower in the intervention group (mean 24.1 [SD 7.2]
    vs 25.9 [7.9])"): that arm's value first, the other arm's second. A study whose arms are
    not sized takes them from ``paired``, the arms of its last pair of values with both ("...
    than in the conventional group (93.3% vs 70.0%). Operative time was shorter in the laser
    group (25.4 ± 6.2 vs 38.7 ± 8.9 min)"). None when the sentence names a comparator
    ("compared with placebo"), which _subject_and_comparator reads."""
    if len(run) != 2 or not run[0]["arm"] or run[1]["arm"]:
        return None
    if len(arms) != 2:
        keys = [context.arm_key(label) for label in paired]
        named_key = context.arm_key(run[0]["arm"])
        if len(set(keys)) != 2 or named_key not in keys:
            return None
        arms = [{"arm": label, "arm_key": key} for label, key in zip(paired, keys, strict=True)]
    if not _VS.search(norm, run[0]["span_end"], run[1]["span_start"]):
        return None
    sentence = (run[0]["sentence_start"], run[0]["sentence_end"])
    if comparisons.arms_of_sentence(norm, sentence, run[0]["span_start"])[1]:
        return None
    named = resolve_arm(run[0]["arm"], arms)
    if named is None:
        return None
    other = next(a for a in arms if a["arm_key"] != named["arm_key"])
    return [named["arm"], other["arm"]]


def _by_mention(
    run: list[dict], by_start: list[dict], norm: str, arms: list[dict]
) -> tuple[list[str] | None, bool]:
    """Return the arms named between the statistics around a run (else in its sentence), in
    order, if they are as many as its values and the first is not a reference ("compared
    with placebo, ..."); and whether the sentence names any arm."""
    first, last = run[0], run[-1]
    sentence = (first["sentence_start"], first["sentence_end"])
    lo, hi = sentence
    for row in by_start:
        if row["span_end"] <= first["span_start"] and row["span_end"] > lo:
            lo = row["span_end"]
        if row["span_start"] >= last["span_end"] and row["span_start"] < hi:
            hi = row["span_start"]
    named = _mentions(norm, lo, hi, arms) or _mentions(norm, *sentence, arms)
    if len(named) != len(run) or _REFERENCE_BEFORE.search(
        norm, max(sentence[0], named[0][0] - 30), named[0][0]
    ):
        return None, bool(named)
    return [label for _, label in named], True


EFFECT_KINDS = frozenset({"ratio", "difference", "p_value", "test"})


_EFFECT_ARM = r"[A-Za-z0-9][\w\-+.]{0,24}(?:\s[\w\-+.]{1,25}){0,3}?"
# Two arms an estimate compares, named before it: "lower with 100 mg than with placebo (P=",
# "for 100 mg versus placebo was", "The combination was superior to calcipotriol (OR".
_ARMS_COMPARED_BEFORE = re.compile(
    rf"\b(?:with|for|in|on)\s(?:the\s)?(?P<a>{_EFFECT_ARM})\s(?:than|versus|vs\.?|compared\s"
    rf"(?:with|to))\s(?:with\s|in\s|on\s)?(?:the\s)?(?P<b>{_EFFECT_ARM})"
    r"(?=\s?[(,;.]|\s(?:was|were|is|are|groups?|arms?)\b)"
    rf"|(?P<s>{_EFFECT_ARM})\s(?:was|were)\s(?:[a-z]{{2,15}}ly\s)?(?:superior|inferior"
    rf"|non-?inferior|better|worse)\s(?:to|than)\s(?:the\s)?(?P<c>{_EFFECT_ARM})(?=\s?[(,;.])"
)
_COMPARING_WORDS = (
    " than ",
    " versus ",
    " vs",
    "compared ",
    "superior ",
    "inferior ",
    " better ",
    " worse ",
)
# "... superior to calcipotriol (...) and to vehicle (adjusted OR": the next comparator.
_AND_TO = re.compile(rf"\band\sto\s(?:the\s)?(?P<c>{_EFFECT_ARM})\s?\(\s?(?:[a-z]{{2,12}}\s)?$")
# "Compared with stretching, the fall rate was lower with tai chi (IRR": the arm before it.
_WITH_ARM_BEFORE = re.compile(
    rf"\bwith\s(?:the\s)?(?P<a>{_EFFECT_ARM})\s?\(\s?(?:[a-z]{{2,12}}\s)?$"
)


def _arms_compared_before(row: dict, norm: str, arms: list[dict]) -> str:
    """Return "A vs B" for the two arms of ``arms`` a sentence compares before an estimate,
    test or p-value (see _ARMS_COMPARED_BEFORE), or ''."""
    start, at = row["sentence_start"], row["span_start"]
    if row["kind"] == "difference":  # "The LS mean difference for 100 mg versus placebo was"
        at = row["span_end"]
    first = second = ""
    # the patterns' connectives, looked for first: most sentences have none
    lowered = norm[max(start, at - 240) : at].lower()
    compared = any(word in lowered for word in _COMPARING_WORDS)
    matches = _ARMS_COMPARED_BEFORE.finditer(norm, max(start, at - 240), at) if compared else ()
    found = next(reversed(list(matches)), None)
    if found is not None:
        first, second = found.group("a") or found.group("s"), found.group("b") or found.group("c")
        later = _AND_TO.search(norm, found.end(), at)
        second = later.group("c") if later and found.group("s") else second
    else:
        arm = _WITH_ARM_BEFORE.search(norm, max(start, at - 60), at)
        if arm:
            first, second = arm.group("a"), comparisons.arms_of_sentence(norm, (start, at), at)[1]
        elif row["kind"] in {"ratio", "difference"}:
            first, second = _arm_after_against_opening(row, norm)
    one, other = resolve_arm(first, arms), resolve_arm(second, arms)
    if one is None or other is None or one["arm_key"] == other["arm_key"]:
        return ""
    return f"{one['arm']} vs {other['arm']}"


# "Versus placebo, the mean difference was -1.3 points (95% CI -2.2 to -0.4) for fish oil and
# -0.7 points (...) for vitamin D3": each estimate's arm after it, against the arm the sentence
# opens with.
_ARM_AFTER_ESTIMATE = re.compile(
    r"[)\]]?\s(?:for|with|in)\s(?:the\s)?(?P<a>[A-Za-z0-9][\w\-+]{0,24}(?:\s[\w\-+]{1,25}){0,3}?)"
    r"(?=\s?[,;.]|\s(?:and|groups?|arms?)\b)"
)
_AGAINST_OPENING = re.compile(
    rf"(?i:compared\s(?:with|to)|versus|vs\.?|relative\sto|against)\s(?:the\s)?"
    rf"(?P<b>{_EFFECT_ARM}),"
)


def _arm_after_against_opening(row: dict, norm: str) -> tuple[str, str]:
    """Return (the arm named after an estimate, the arm its sentence opens against), or
    ('', '')."""
    against = _AGAINST_OPENING.match(norm, row["sentence_start"])
    after = _ARM_AFTER_ESTIMATE.match(norm, row["span_end"], row["sentence_end"])
    return (after.group("a"), against.group("b")) if against and after else ("", "")


def arms_of_effects_from_values(stats: list[dict], norm: str, study_arms) -> None:
    """Give an estimate, test or p-value that no comparison labelled the two arms of the values
    before it in its sentence, when they name exactly two ("4/40 (10.0%) ... 11/40 (27.5%) in
    the open group (χ2=4.02" compares laparoscopic with open), a p-value the arms of the
    estimate or test it follows, else the two known arms its sentence compares before it
    (_arms_compared_before). ``study_arms(study_id, subgroup)`` returns a study's arm rows."""
    by_id = {row["stat_id"]: row for row in stats}
    ordered = sorted(stats, key=lambda r: r["span_start"])
    named: list[str] = []  # arms of the per-arm values so far in the sentence, in order
    sentence = None
    for row in ordered:
        if row["sentence_start"] != sentence:
            sentence, named = row["sentence_start"], []
        if row["kind"] in PER_ARM_KINDS:
            if row["arm"] and " vs " not in row["arm"] and row["arm"] not in named:
                named.append(row["arm"])
            continue
        if row["kind"] not in EFFECT_KINDS or row["arm"]:
            continue
        estimate = by_id.get(row["refers_to"]) if row["kind"] == "p_value" else None
        if estimate is not None and estimate["arm"]:
            row["arm"] = estimate["arm"]
        elif len(named) == 2:
            row["arm"] = f"{named[0]} vs {named[1]}"
        else:
            arms = study_arms(row["study_id"], row["subgroup"] or "")
            row["arm"] = _arms_compared_before(row, norm, arms) if len(arms) >= 2 else ""
