"""Arm sizes and sample sizes: how many people each arm (and the whole study) had, and at
which stage (randomized, enrolled, treated, analysed)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from . import context, facts, grammar
from .numbers import COUNT_WORD, INT, word_value
from .spans import Candidate, Scanner, chained, line_bounds
from .vocabulary import CLUSTERS

_PEOPLE = grammar._PEOPLE
# The stage a number of people counts, from the verb of its sentence.
_ANALYSED = re.compile(
    r"(?i)\b(?:final\sanalysis|analy[sz]ed|analy[sz]is\s(?:set|included)|evaluable|per[-\s]protocol"
    r"|included\sin\sthe\s(?:primary\s|efficacy\s|safety\s)?analysis"
    r"|intention[-\s]to[-\s]treat|m?ITT|completed\sthe\s(?:study|trial|follow[-\s]?up)"
    r"|(?:were|was)\savailable\sfor"
    # Spanish, Portuguese, French, Italian, German: "incluidos en el análisis", "analisados"
    r"|incluid[oa]s\sen\sel\san\u00e1lisis|inclu\u00edd[oa]s\sna\san\u00e1lise"
    r"|analizad[oa]s|analisad[oa]s|analys\u00e9(?:e?s)?|analizzati|ausgewertet)\b"
)
_STAGE = re.compile(
    r"(?i)\b(?P<randomized>randomi[sz]ed|randomly\sassigned|assigned|allocated"
    r"|underwent\srandomi[sz]ation|randomly\sdivided|randomi[sz]ation\sof)\b"
    r"|\b(?P<enrolled>enrolled|recruited|included|registered|enrol(?:l)?ment\sof)\b"
    r"|\b(?P<treated>treated|received|receiving|infused|administered)\b"
    r"|\b(?P<screened>screened)\b"
)
# (not at the point of a decimal: "assigned to vitamin D 4.15 g ...")
_ARM_END = (
    r"(?:\s(?:group|arm|cohort)s?\b|(?=\s?(?:[,;)]|\.(?!\d))|\s(?:and|or|while|whereas)\s|$)"
    r"|(?=\s\((?i:fig(?:ure)?|table)\b))"  # "193 to placebo (figure 1)"
)
# ... or, of one arm's size, its dose: "195 to ravolimod 0.5 mg once daily and 193 to placebo"
_ARM_END_OR_DOSE = rf"(?:{_ARM_END}|(?=\s{context.DRUG_DOSE.pattern}))"
_ENROL_INTO = re.compile(
    rf"""(?i)(?:were\s|was\s)?(?:(?:subsequently|then|finally|randomly)\s)?
    (?:randomi[sz]ed|assigned|allocated|enrolled|recruited|included|treated)\s
    (?:to|in|into)\s(?:the\s|an?\s|receive\s)?(?P<arm>{grammar.ARM_LABEL}){_ARM_END}""",
    re.VERBOSE,
)
# Cluster-randomised trials allocate groups of people: "32 dialysis units were allocated (1:1)",
# "16 units (1,184 patients) were allocated to cooled dialysate and 16 units (1,157 patients) to
# standard dialysate". A size counted in clusters has the unit CLUSTERS and counts no people.
# A count of events a person can have more than once ("14 hospitalizations in the vaccine
# group") has the unit EVENTS: it keeps its arm's size as denominator, as the people at risk
# (tests/gold/GUIDELINES.md), but makes no 2x2 table.
_CLUSTER_NOUN = rf"(?i:{'|'.join(grammar.CLUSTER_NOUNS)})\b"
# "(1,184 patients)", "(n = 640)": the people the clusters hold.
_CLUSTER_PEOPLE = (
    rf"\s\((?:(?i:n)\s?=\s?)?(?P<people>(?P<n>{INT})"
    rf"(?:\s(?:[\w\-]{{1,20}}\s)?[A-Za-z][\w\-]{{1,20}})?)\)"
)
_TO_ARM = rf"\s(?:to|into)\s(?:the\s|receive\s)?(?P<arm>{grammar.ARM_LABEL}){_ARM_END}"
_CLUSTER_SIZE = re.compile(
    rf"""(?<![\w.,\-])(?P<clusters>(?P<k>{COUNT_WORD})\s(?:[\w\-]{{1,20}}\s)?{_CLUSTER_NOUN})
    (?:\s\((?i:clusters?)\))?(?:{_CLUSTER_PEOPLE})?
    (?:\s(?:were|was)\s(?:(?:randomly|then|subsequently)\s)?
      (?P<verb>(?i:randomi[sz]ed|assigned|allocated))(?:\s\(\d{{1,2}}:\d{{1,2}}\))?)?
    (?:{_TO_ARM})?""",
    re.VERBOSE,
)
# "... and twelve (n = 655) to control": the next arm of the list, its noun left out.
_CLUSTER_NEXT = re.compile(
    rf""",?\s(?:and\s)?(?P<clusters>(?P<k>{COUNT_WORD})(?:\s(?:[\w\-]{{1,20}}\s)?{_CLUSTER_NOUN})?)
    (?:{_CLUSTER_PEOPLE})?{_TO_ARM}""",
    re.VERBOSE,
)
# "... were randomised: 12 to the intervention (1,480 patients) and 12 to control (1,512
# patients)": the arms of a list after the clusters allocated, each with its people after it.
_CLUSTER_ITEM = re.compile(
    rf"""(?::|,?\s(?:and\s)?)\s?
    (?P<clusters>(?P<k>{COUNT_WORD})(?:\s(?:[\w\-]{{1,20}}\s)?{_CLUSTER_NOUN})?)
    \s(?:to|into)\s(?:the\s)?(?P<arm>{grammar.ARM_LABEL}){_CLUSTER_PEOPLE}""",
    re.VERBOSE,
)
# "... to the programme or to usual teaching": the clusters went to two arms, not to one.
_SECOND_ARM = re.compile(rf"\s(?:or|versus|vs\.?|and)\s(?!{COUNT_WORD}\s)")
# "patients from 12 hospitals were randomised": the places people came from, not what was
# allocated.
_PLACES_OF_PEOPLE = re.compile(r"(?i)(?:\b(?:from|at|in|across|within|among)|(?<!total\s)of)\s$")
# "we randomly assigned 24 villages": the allocation verb before the clusters it allocates.
_ALLOCATES_BEFORE = re.compile(
    r"(?i)\b(?:randomi[sz]ed|randomly\s(?:assigned|allocated)|assigned|allocated)\s(?:a\stotal\sof\s)?$"
)
# "101 to the MSC group", "61 were assigned to cells", "35 to placebo".
_N_TO_ARM = re.compile(
    rf"""(?<![\w.,\-:])(?P<n>{COUNT_WORD})\s(?:(?i:{_PEOPLE})\s)?
    (?:(?:(?:were|was)\s)?(?:(?:randomly|subsequently|then|finally)\s)?
        (?i:randomi[sz]ed|assigned|allocated|enrolled|included)\s(?:to|into|in)
      |to|into)
    \s(?:the\s|receive\s)?(?P<arm>{grammar.ARM_LABEL}){_ARM_END_OR_DOSE}""",
    re.VERBOSE,
)

# "300 to each group": a size every arm has, of no one arm.
_EVERY_ARM = re.compile(r"(?i)(?:each|both|either|every|all)\b")
# "to two groups", "into three equal arms": how many arms, not which.
_NUMBER_OF_ARMS = re.compile(
    r"(?i)\b(?P<k>two|three|four|five|six|[2-9])\s(?:(?:equal|equally[-\s]sized|equal-sized"
    r"|parallel|different|separate|treatment|study)\s)?(?:groups|arms|cohorts)\b"
)
# "... to vitamin D3, fish oil or placebo": the arm is one of a list of alternatives, each
# perhaps with its dose ("to upadacitinib 15 mg, upadacitinib 30 mg or placebo").
_ALTERNATIVE_ARM = re.compile(
    r"(?:\s?\([^()\n]{1,40}\))?"
    r"(?:,\s[^,;.()\n\d]{0,40}(?:\d[^,;()\n]{0,20}?)?(?:\s?\([^()\n]{1,40}\))?){0,4},?"
    r"\s(?:or|versus|vs\.?)\s"
)
_DOSE_THEN_ALTERNATIVE = re.compile(r"\s\d[^,;()\n]{0,60}?" + _ALTERNATIVE_ARM.pattern)


def _list_item(i: int) -> str:
    # "2,101 were assigned tranexamic acid and 2,097 placebo"
    return rf"""(?P<n{i}>{INT})\s
    (?:(?:received|were\sgiven|(?:were\s)?(?:assigned|allocated)(?:\sto)?|to)\s)?(?:the\s)?
    (?P<arm{i}>{grammar.ARM_LABEL})"""


# "(2408 vaccine, 1204 control)", "244 received iron and 242 placebo": arm sizes in a list,
# read only when they add up to a total printed in the same sentence.
_LIST_SEPARATOR = r"(?:,\s(?:and\s)?|;\s|\sand\s|\svs\.?\s|\sversus\s)"
_ARM_LIST = re.compile(
    rf"""(?<![\w.,\-]){_list_item(1)}{_LIST_SEPARATOR}{_list_item(2)}
    (?:{_LIST_SEPARATOR}{_list_item(3)})?{_ARM_END}""",
    re.VERBOSE,
)
# "12 had diabetes and 38 hypertension" splits a sample by a characteristic, not into arms.
_NOT_AN_ARM_START = re.compile(
    r"(?i)(?:had|has|have|were|was|with|without|developed|died|experienced|showed|reported"
    r"|achieved|required|completed|withdrew|discontinued|did|do|does)\b"
)
_INTEGER = re.compile(rf"(?<![\w.,])(?P<n>{INT})(?![\w.,]\d)")
# ... or in words ("Ninety-eight patients completed the study (MSC 49, placebo 49)")
_INTEGER_OR_WORDS = re.compile(rf"(?<![\w.,\-])(?P<n>{COUNT_WORD})(?![\w.,]\d)")
_N_PEOPLE = re.compile(
    rf"""(?<![\w.,\-])(?P<n>{COUNT_WORD})\s(?:(?:(?P<adj>[a-z][\w\-]{{1,20}})\s)?
    (?:[A-Z][\w\-]{{1,20}}\s)?(?i:{_PEOPLE})\b|(?=(?:were|was)\s))""",
    re.VERBOSE,
)
# Literal anchors (see spans.Scanner).
_VERBS = ("randomi", "assigned", "allocated", "enrolled", "recruited", "included", "treated")
_TREATED = ("treated with", "receiving", "received", "given", " got ")
_ENROLMENT_WORDS = (
    "recruit", "enrol", "includ", "randomi", "assigned", "allocated", "screened", "analy",
    "treated", "received", "completed",
)  # fmt: skip
_DIVIDED_WORDS = ("divided", "randomi", "assigned", "allocated")
_ALLOCATION_WORDS = (
    "randomi", "randomly", "assigned", "allocated", "enrol", "recruit", "includ", "analy",
    "completed",
)  # fmt: skip
_STAGE_WORDS = (
    "randomi", "enrol", "recruit", "includ", "eligible", "evaluable", "treated", "vaccinated",
    "analy", "hospitali", "consecutive",
)  # fmt: skip
_SAMPLE_NOUN = re.compile(rf"(?i){_PEOPLE}|trials?|stud(?:y|ies)|cohorts?|populations?|sets?")
_TOTAL_WORDS = frozenset(
    "total overall all sample randomized randomised enrolled included analysed analyzed treated"
    " completed screened evaluable itt mitt".split()
)
_TOTAL_BEFORE = re.compile(
    r"(?i)(?:total(?:\snumber)?\sof|\bof\sthe|\bamong(?:\sthe)?"
    r"|randomi[sz]ation\sof|enrol(?:l)?ment\sof|allocation\sof)\s$|\b[Nn]\s?=\s?$"
)
# "Of 120 patients, 60 were assigned to MSC": people split by the number after them.
_SPLIT_AFTER = re.compile(rf",\s(?:of\swhom\s)?{COUNT_WORD}\s(?!{_PEOPLE})")
_STAGE_ADJECTIVE = re.compile(
    r"(?i)randomi[sz]ed|enrolled|recruited|included|eligible|evaluable|screened|consecutive"
)
_CLAUSE_BREAK = re.compile(r";|:\s|,\s(?:while|whereas|and\sthen)\s|\.\s")
_ENROLMENT_VERB = re.compile(
    r"(?i)\b(?:enrolled|randomi[sz]ed|randomi[sz]ation|randomly|included|assigned|allocated|recruited"
    r"|analy[sz]ed|completed|there\swere)\b"
)
_EVENT_WORDS = re.compile(
    r"(?i)\b(?:died|deaths?|mortality|events?|experienced|developed|had|reported|showed|occurred"
    r"|observed|required|needed|achieved|improved|recovered|discharged|episodes?|cases\sof"
    r"|withdr[ae]w\w{0,2}|discontinued|dropped\sout|lost\sto\sfollow)\b"
)


def allocates(norm: str, sentence: tuple[int, int]) -> bool:
    """Return True if a sentence enrols, allocates or analyses people (its counts of people may
    be sizes)."""
    return bool(_ENROLMENT_VERB.search(norm, *sentence))


def reports_events(norm: str, sentence: tuple[int, int]) -> bool:
    """Return True if a sentence reports what happened to people (died, events, reported, ...)
    and allocates no one: its counts of people are counts, not arm sizes."""
    return bool(_EVENT_WORDS.search(norm, *sentence)) and not _ENROLMENT_VERB.search(
        norm, *sentence
    )


# "were included in the per-protocol analysis" names an analysis set, not an arm.
_ANALYSIS_SET = re.compile(r"(?i)\b(?:analys[ie]s|populations?|sets?|stud(?:y|ies)|trials?)$")


def population_of(text: str, sentence: tuple[int, int]) -> str:
    """Return the stage a size in this sentence counts: analysed, randomized, enrolled,
    treated, screened, or '' when the sentence does not say."""
    if _ANALYSED.search(text, sentence[0], sentence[1]):
        return "analysed"
    # "Of the 412 adults screened, 350 were randomised: 141 to ...": a later stage than
    # screening is the one its other sizes count
    stages = [m.lastgroup for m in _STAGE.finditer(text, sentence[0], sentence[1])]
    return next((s for s in stages if s != "screened"), stages[0] if stages else "")


def _population_before(text: str, sentence: tuple[int, int], start: int) -> str:
    """Return the stage the verb right before a list of sizes names ("were randomly assigned
    (2408 vaccine, 1204 control)"), else its sentence's."""
    return population_of(text, (max(sentence[0], start - 30), start)) or population_of(
        text, sentence
    )


def _size(kind: str, start: int, end: int, n_text: str, **extra) -> Candidate:
    """Return an arm-size or sample-size candidate for the number ``n_text``."""
    fields = {"value_text": n_text, "numerator": None, "size": word_value(n_text), **extra}
    return Candidate(kind, start, end, fields)


def arm_size_candidate(start: int, end: int, n_text: str, arm: str, population: str) -> Candidate:
    """Return an arm-size candidate of a whole arm (no stratum)."""
    return _size("arm_size", start, end, n_text, arm=arm, subgroup="", population=population)


_arm_size = arm_size_candidate


def sample_size_candidate(start: int, end: int, n_text: str, population: str) -> Candidate:
    """Return a sample-size candidate."""
    return _size("sample_size", start, end, n_text, population=population)


# Sizes every arm has, of no one arm: "40 cases in each group", "80 to each group", "30
# patients per arm", "(n = 62 per arm)", "(n = 30 each)", "each group consisted of 30
# patients", "three groups of 45 patients each", "two equal groups of 30".
_EACH_ARM = r"(?:each|every)\s(?:of\sthe\s(?:two|three|four|\d)\s)?(?:group|arm|cohort)\b"
_PER_ARM = r"per\s(?:group|arm|cohort)\b"
# ... in French, Spanish, Portuguese, Italian and German: "(48 dans chaque groupe)", "(48 par
# groupe)", "(48 en cada grupo)", "(48 por grupo)", "(48 em cada grupo)", "(48 per gruppo)",
# "(48 pro Gruppe)", "(je 48)" is left alone.
_EACH_ARM_ELSEWHERE = (
    r"(?:dans\schaque\sgroupe|par\sgroupe|en\scada\sgrupo|por\sgrupo|em\scada\sgrupo"
    r"|in\sogni\sgruppo|per\sgruppo|in\sjeder\sGruppe|pro\sGruppe)\b"
)
_EACH_ARM_AFTER = re.compile(
    rf"""(?<![\w.,\-:=])(?P<size>(?P<n>{COUNT_WORD})(?:\s(?:[a-z][\w\-]{{1,20}}\s)?(?i:{_PEOPLE}))?)
    \s(?:(?:were|was)\s(?:(?:randomly|then)\s)?)?
    (?:(?i:randomi[sz]ed|assigned|allocated|enrolled|included)\s)?
    (?i:(?:in|to|into|for)\s{_EACH_ARM}|{_PER_ARM}|each\b|{_EACH_ARM_ELSEWHERE})""",
    re.VERBOSE,
)
_N_EACH_ARM = re.compile(
    rf"(?P<size>(?P<nsym>[nN])\s?=\s?(?P<n>{INT}))\s(?:(?i:in|for)\s{_EACH_ARM}|{_PER_ARM}|each\b)"
)
_EACH_ARM_BEFORE = re.compile(
    rf"""(?i:{_EACH_ARM})\s(?i:consisted\sof|comprised|included|contained|enrolled|had|of|with
    |was\scomposed\sof|was\smade\sup\sof)\s
    (?P<size>(?P<n>{COUNT_WORD})(?:\s(?:[a-z][\w\-]{{1,20}}\s)?(?i:{_PEOPLE})))\b""",
    re.VERBOSE,
)
_GROUPS_OF = re.compile(
    rf"""(?i:(?P<k>two|three|four|[2-4])\s(?P<equal>equal(?:-sized)?\s)?(?:groups|arms)\sof)\s
    (?P<size>(?P<n>{COUNT_WORD})(?:\s(?:[a-z][\w\-]{{1,20}}\s)?(?i:{_PEOPLE}))?)
    (?P<each>\s(?i:each)\b)?""",
    re.VERBOSE,
)
_EACH_ANCHORS = (
    "each", "every", "per group", "per arm", "per cohort", "chaque groupe", "par groupe",
    "cada grupo", "por grupo", "ogni gruppo", "per gruppo", "jeder gruppe", "pro gruppe",
)  # fmt: skip
# "Ten patients in each group experienced nausea": what happened in every arm, not its size.
_EVENT_AFTER = re.compile(
    r"(?i)\s(?:experienced|developed|died|reported|required|needed|withdrew|discontinued"
    r"|were\s(?:lost|hospitali[sz]ed|readmitted|withdrawn))\b"
)
# The distinct arms a sentence names ("into an observation group and a control group").
_ARM_NAMED = re.compile(
    r"(?i)\b(?!(?:each|every|both|either|all|per|two|three|four|the|a|an|same|other|this"
    r"|that|one)\s)(?P<arm>[A-Za-z][\w\-]{1,24})\s(?:group|arm|cohort)\b(?!s)"
)


def _arms_stated(norm: str, sentence: tuple[int, int], before: int) -> int | None:
    """Return how many arms the sentence of an each-arm size says there are: a number of
    groups before it ("into two groups"), else the arms it allocates to, else the distinct arms
    it names before it when at least two; None otherwise."""
    counted = _NUMBER_OF_ARMS.search(norm, sentence[0], before)
    if counted:
        return word_value(counted.group("k"))
    # "to receive MSCs or placebo (60 per group)", "randomised (120 per group) to drug or
    # placebo": the allocation names the arms before the size or after it
    allocated = grammar.ALLOCATED_TO_ARMS.search(norm, sentence[0], sentence[1])
    if allocated:
        return 3 if allocated.group("second") else 2
    named = {m.group("arm").lower() for m in _ARM_NAMED.finditer(norm, sentence[0], before)}
    return len(named) if len(named) >= 2 else None


_CLUSTERS_BRACKET_BEFORE = re.compile(rf"{_CLUSTER_NOUN}\s?\($")


def each_arm_sizes(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Sizes stated once for every arm: arm-size rows with no arm, marked ``each_arm``."""
    found = []
    readers = (
        (_N_EACH_ARM, _EACH_ANCHORS, 20),
        (_EACH_ARM_AFTER, _EACH_ANCHORS, 70),
        (_EACH_ARM_BEFORE, ("each", "every"), 0),
        (_GROUPS_OF, ("groups of", "arms of"), 20),
    )
    for pattern, anchors, before in readers:
        for m in scan.finditer(pattern, anchors, before, 60):
            if pattern is _GROUPS_OF and not (m.group("equal") or m.group("each")):
                continue
            if word_value(m.group("n")) is None or _EVENT_AFTER.match(norm, m.end()):
                continue
            sentence = sents.of(m.start())
            start, end = m.span("size")
            if _CLUSTERS_BRACKET_BEFORE.search(norm, max(0, start - 30), start):
                continue  # "24 practices (12 per arm)": clusters, not people
            stated = m.groupdict().get("k")
            arm_count = word_value(stated) if stated else _arms_stated(norm, sentence, start)
            population = population_of(norm, sentence)
            found.append(_each_arm_size(start, end, m.group("n"), population, arm_count))
    return found


def _each_arm_size(
    start: int, end: int, n_text: str, population: str, arm_count: int | None
) -> Candidate:
    """Return an arm-size candidate of no one arm: the size every one of ``arm_count`` arms
    has."""
    return _size(
        "arm_size",
        start,
        end,
        n_text,
        arm="",
        subgroup="",
        population=population,
        each_arm=True,
        arm_count=arm_count,
    )


# Chinese-language reports count people in 例 (cases): "随机分为治疗组40例和对照组40例" (an
# arm's size), "每组60例" (each group's), "选取我院收治的120例患者" / "共纳入120例" / "将90例患者
# 随机分为" (the sample).
_CJK_ARM_SIZE = re.compile(
    rf"(?P<arm>{context.CJK_ARM})\u7ec4\s?\(?\s?[\u5404\u5171]?\s?(?P<n>\d{{1,5}})\s?\u4f8b"
)
# 每组 / 各组 (each group), or 各 (each) after a comma: "分为A组和B组，各30例"
_CJK_EACH_ARM = re.compile(
    r"(?:\u6bcf\u7ec4|\u5404\u7ec4|(?<=,)\s?\u5404)\s?\u5404?\s?(?P<n>\d{1,5})\s?\u4f8b"
)
# 共 (in all), 纳入 / 入选 / 选取 / 收治 / 招募 (included, selected, admitted, recruited)
_CJK_TOTAL = re.compile(
    r"(?:\u5171(?:\u7eb3\u5165|\u5165\u9009|\u9009\u53d6|\u6536\u6cbb|\u62db\u52df)?"
    r"|\u7eb3\u5165|\u5165\u9009|\u9009\u53d6|\u6536\u6cbb|\u62db\u52df|\u5c06(?=\d))"
    # (digits may come between: "纳入重型COVID-19患者60例")
    r"[^.;\u3002]{0,24}?(?<!\d)(?P<n>\d{1,6})\s?\u4f8b"
)
# What happened to people counted in 例: 死亡 died, 发生 / 出现 occurred, 有效 / 显效 / 无效
# responded (or not), 痊愈 / 治愈 / 好转 recovered, 不良 adverse, 并发 complication, 感染
# infection, 复发 relapse, 转阴 turned negative; Japanese 認められた (were seen), 発生 (occurred).
CJK_EVENT_AFTER = re.compile(
    r"[^\d.,;]{0,6}?(?:\u6b7b\u4ea1|\u53d1\u751f|\u51fa\u73b0|\u6709\u6548|\u663e\u6548"
    r"|\u65e0\u6548|\u75ca\u6108|\u6cbb\u6108|\u597d\u8f6c|\u4e0d\u826f|\u5e76\u53d1"
    r"|\u611f\u67d3|\u590d\u53d1|\u8f6c\u9634"
    # Japanese: 認められた (were observed), 発生 (occurred)
    r"|\u8a8d\u3081|\u767a\u751f)"
)
# A percentage in brackets right after the 例: "观察组7例(17.8%)" counts events, not the arm.
_CJK_PERCENT_AFTER = re.compile(r"\s?[(\uff08]\s?\d{1,3}(?:\.\d{1,3})?\s?%")
_CJK_ARM_NAMED = re.compile(rf"(?:{context.CJK_ARM})(?=\u7ec4)")
_CJK_RANDOMIZED = "\u968f\u673a"  # 随机


# The people a report analysed or enrolled, counted before the verb: Japanese "43例が解析対象と
# なった" (43 were analysed), 登録 (registered), 組み入れ (enrolled); Chinese "60例患者纳入研究".
_CJK_TOTAL_BEFORE_VERB = re.compile(
    r"(?<![\d.])(?P<n>\d{1,6})\s?\u4f8b(?:\u60a3\u8005)?\s?[\u304c\u3092\u88ab]?\s?"
    r"(?:\u89e3\u6790|\u767b\u9332|\u7d44\u307f\u5165|\u7eb3\u5165)"
)


def _cjk_sizes(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Arm sizes, each-arm sizes and the sample of a Chinese-language report (see above);
    a number of 例 followed by what happened to them, or by a percentage, is a count."""
    found = []
    # how far before its 例 each match may start
    readers = (
        (_CJK_ARM_SIZE, 14),
        (_CJK_EACH_ARM, 12),
        (_CJK_TOTAL, 38),
        (_CJK_TOTAL_BEFORE_VERB, 7),
    )
    for pattern, before in readers:
        for m in scan.finditer(pattern, ("\u4f8b",), before):
            if CJK_EVENT_AFTER.match(norm, m.end()) or _CJK_PERCENT_AFTER.match(norm, m.end()):
                continue
            sentence = sents.of(m.start())
            randomized = _CJK_RANDOMIZED in norm[sentence[0] : sentence[1]]
            population = "randomized" if randomized else "enrolled"
            if pattern is _CJK_ARM_SIZE:
                arm = context.cjk_arm_name(m.group("arm"))
                found.append(_arm_size(m.start("n"), m.end(), m.group("n"), arm, population))
            elif pattern is _CJK_EACH_ARM:
                # "分为观察组和对照组，每组60例": the distinct arms named before it
                named = set(_CJK_ARM_NAMED.findall(norm, sentence[0], m.start()))
                arm_count = len(named) if len(named) >= 2 else None
                found.append(_each_arm_size(*m.span(), m.group("n"), population, arm_count))
            else:
                found.append(
                    _size("sample_size", *m.span("n"), m.group("n"), population=population)
                )
    return found


# A CONSORT flow diagram flattened to text, box by box (Schulz et al., BMJ 2010;340:c332,
# figure 1): "Assessed for eligibility (n=412)", "Excluded (n=112)" and its reasons,
# "Randomised (n=300)", "Allocated to X (n=151)", "– Received allocated intervention (n=148)",
# "X: lost to follow-up (n=4; ...)", "X: analysed (n=144); excluded from analysis (n=3)".
_FLOW_BOX = re.compile(
    r"(?P<label>[A-Za-z][^():;\n]{1,80}?)\s?\(\s?[nN]\s?=\s?(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})"
    r"(?=\s?[);,])"
)
# What each box counts, tried in this order; "excluded" before randomisation is no statistic.
_FLOW_STAGES = tuple(
    (stage, re.compile(pattern, re.I))
    for stage, pattern in (
        ("screened", r"assessed\sfor\seligibility|\bscreened\b"),
        ("allocated", r"^allocated\s(?:to\s)?(?:the\s)?(?P<arm>\S.{0,60}?)\s?$"),
        ("randomized", r"^(?:randomi[sz]ed|randomi[sz]ation|enrolled)$"),
        ("not_received", r"did\snot\sreceive|not\streated"),
        ("received", r"\breceived\b"),
        ("lost", r"lost\sto\sfollow"),
        ("discontinued", r"discontinued|withdr[ae]w"),
        ("excluded_from_analysis", r"excluded\sfrom\s(?:the\s)?analys"),
        ("analysed", r"^(?:analy[sz]ed|included\sin\s(?:the\s)?(?:\w+\s)?analys)"),
        ("excluded", r"^(?:excluded|declined|not\smeeting|other\sreasons|refused)"),
    )
)
_FLOW_COUNTS = {"not_received", "lost", "discontinued", "excluded_from_analysis"}
_FLOW_LINE = 160  # the longest line of a flow diagram's boxes
_FLOW_INDENT = 6  # how far into its line "Allocated" may start (after a bullet)
_FLOW_SIZES = {"received": "treated", "analysed": "analysed"}
_FLOW_PREFIX = re.compile(
    r"[ \t]{0,8}(?:[\u2013\u2014\u2022*\-][ \t]{0,4})?(?:(?P<arm>[^:\n]{1,40}):\s)?"
)


def _flow_boxes(norm: str, scan: Scanner) -> list[tuple[str, re.Match, str, re.Match]]:
    """Return each box of a CONSORT flow diagram as (stage, box, the arm its line names, the
    stage's match), when the text has one: boxes that allocate and boxes of another stage."""
    # a box is a short line, and one of them opens with "Allocated"
    if not any(p - line_bounds(norm, p)[0] <= _FLOW_INDENT for p in scan.positions("allocated")):
        return []
    boxes = []
    for line_start, line_end in _lines_with(norm, scan.positions("n=") + scan.positions("n =")):
        if line_end - line_start > _FLOW_LINE:
            continue
        prefix = _FLOW_PREFIX.match(norm, line_start, line_end)
        named = (prefix.group("arm") or "").strip() if prefix else ""
        for box in _FLOW_BOX.finditer(norm, line_start, line_end):
            label = box.group("label").strip()
            for stage, pattern in _FLOW_STAGES:
                if stage_match := pattern.search(label):
                    boxes.append((stage, box, named, stage_match))
                    break
    stages = {stage for stage, *_ in boxes}
    if "allocated" not in stages or not stages & {"screened", "randomized", "analysed"}:
        return []
    return boxes


def _lines_with(norm: str, positions: list[int]) -> list[tuple[int, int]]:
    """Return the lines that hold the positions, in order, each once."""
    return sorted({line_bounds(norm, p) for p in positions})


def _consort_flow(norm: str, scan: Scanner) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Return the statistics of a CONSORT flow diagram (_FLOW_BOX) and the spans of all its
    boxes: the randomized sample, each arm's allocated, treated and analysed sizes, and the
    counts of those who did not receive the intervention, were lost, discontinued or were
    excluded from the analysis, over the arm's allocated size. A box's arm is the one its
    line names ("Midazolam: analysed"), else the k-th arm allocated for the k-th box of its
    stage."""
    boxes = _flow_boxes(norm, scan)
    arms = [
        (m.group("arm").strip(), int(b.group("n").replace(",", "")))
        for s, b, _, m in boxes
        if s == "allocated"
    ]
    found: list[Candidate] = []
    seen: dict[str, int] = {}
    for stage, box, named, stage_match in boxes:
        n_start, n_end = box.span("n")
        if stage == "screened":
            found.append(sample_size_candidate(n_start, n_end, box.group("n"), "screened"))
        elif stage == "randomized":
            found.append(sample_size_candidate(n_start, n_end, box.group("n"), "randomized"))
        elif stage == "allocated":
            arm = context.clean_arm(stage_match.group("arm"))
            found.append(arm_size_candidate(n_start, n_end, box.group("n"), arm, "randomized"))
        elif stage in _FLOW_COUNTS or stage in _FLOW_SIZES:
            order = seen[stage] = seen.get(stage, -1) + 1
            arm, allocated = _flow_arm(named, order, arms)
            if stage in _FLOW_SIZES:
                found.append(
                    arm_size_candidate(n_start, n_end, box.group("n"), arm, _FLOW_SIZES[stage])
                )
                continue
            fields = {
                "numerator": word_value(box.group("n")),
                "denominator": allocated,
                "value_text": box.group("n"),
                "arm": arm,
                "outcome": box.group("label").strip().lower(),
            }
            found.append(Candidate("count", n_start, n_end, fields))
    return found, [box.span() for _, box, _, _ in boxes]


def _flow_arm(named: str, order: int, arms: list[tuple[str, int]]) -> tuple[str, int | None]:
    """Return the arm of a flow box and its allocated size: the allocated arm whose name shares a
    word with the one its line names, else the ``order``-th allocated arm."""
    if named:
        words = set(named.lower().split())
        sharing = [(a, n) for a, n in arms if words & set(a.lower().split())]
        return sharing[0] if len(sharing) == 1 else (named, None)
    return arms[order] if order < len(arms) else ("", None)


def size_candidates(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return arm-size and sample-size candidates, most specific first."""
    flow, boxes = _consort_flow(norm, scan)
    found: list[Candidate] = each_arm_sizes(norm, sents, scan)
    found += _stacked_header_sizes(norm, scan)
    found += _wrapped_header_sizes(norm, scan)
    found += _column_header_sizes(norm, scan)
    found += _cluster_sizes(norm, sents, scan)
    found += _enrolled_into(norm, sents, scan)
    found += _analysed_respectively(norm, sents, scan)
    found += _n_to_arm(norm, sents, scan)
    found += _sizes_that_add_up(norm, sents, scan)
    found += _treated_with(norm, sents, scan)
    found += _shares_that_got(norm, scan)
    found += _group_equals(norm, sents, scan)
    found += _arms_that_had(norm, sents, scan)
    found += _sizes_of_two_arms(norm, sents, scan)
    found += _n_equals(norm, sents, scan)
    found += _labelled_n_equals(norm, sents, scan)
    found += _in_group_sizes(norm, sents, scan)
    found += _foreign_group_sizes(norm, sents)
    found += _totals(norm, sents, scan)
    found += _cjk_sizes(norm, sents, scan)
    found += _foreign_totals(norm, sents, scan)
    # "headache (n=12 vs n=9)" counts events, not people (candidates.py reads them)
    pairs = [m.span() for m in scan.finditer(grammar.N_PAIR, (" vs", " versus"), 20, 20)]
    found = [c for c in found if not any(c.start < b and a < c.end for a, b in pairs)]
    allocating: dict[tuple[int, int], int | None] = {}
    found = [_in_clusters(c, norm, sents, allocating) for c in found]
    # "Assuming ..., 97 infants per arm would give 80% power": a planned size, not the sample's
    found = [c for c in found if not _calculates_power(norm, sents.of(c.start))]
    if boxes:  # a flow diagram's boxes are read as its stages, nothing else
        found = flow + [c for c in found if not any(c.start < b and a < c.end for a, b in boxes)]
    return found


# A table header flattened from PDF onto two lines, the arms' names above their sizes:
#                      Tranexamic acid      Placebo
#   Characteristic     (n = 94)             (n = 93)        P value
_COLUMN_LABEL = re.compile(r"\S+(?:\s\S+){0,5}")  # words apart by one space: one column's name
_COLUMN_GAP = re.compile(r"(?:\s\s|\t)\Z")  # what stands before a column's name


def _stacked_header_sizes(norm: str, scan: Scanner) -> list[Candidate]:
    """Return the arm sizes of a header line of two bracketed sizes or more, each taking the
    name printed above it on the line before (the nearest by column)."""
    found: list[Candidate] = []
    done: set[int] = set()
    for position in scan.positions("(n"):
        line_start = norm.rfind("\n", 0, position) + 1
        if line_start in done or line_start == 0:
            continue
        done.add(line_start)
        line_end = norm.find("\n", position)
        line_end = len(norm) if line_end < 0 else line_end
        sizes = [
            m for m in _BRACKETED_SIZE.finditer(norm, line_start, line_end) if m.group("n_equals")
        ]
        above_start = norm.rfind("\n", 0, line_start - 1) + 1
        # the names above, but not the row labels' heading at the line's start; a column's
        # name stands apart by a wide gap (a line of prose is no header)
        labels = [
            m
            for m in _COLUMN_LABEL.finditer(norm, above_start, line_start - 1)
            if m.start() > above_start and _COLUMN_GAP.search(norm, m.start() - 2, m.start())
        ]
        if len(sizes) < 2 or len(labels) < len(sizes) or line_end - line_start > 200:
            continue
        named = []
        for size in sizes:
            column = size.start() - line_start
            label = min(labels, key=lambda m: abs((m.start() - above_start) - column))
            if abs((label.start() - above_start) - column) > _COLUMN_SLACK:
                break
            named.append(arm_size_candidate(*size.span("n"), size.group("n"), label.group(), ""))
        else:
            found += named
    return found


_COLUMN_SLACK = 12  # how many characters a size may stand away from its name's column


# A table header flattened from a drug label's PDF one cell line by line, each arm's name above
# its size and the cell's unit below it:
#   Endpoint Placebo / N=147 / n (%) ZELVORA / 40 mg / N=294 / n (%) Treatment / Difference
_SIZE_LINE = re.compile(r"[ \t]{0,8}\(?N\s?=\s?(?P<n>\d{1,6})\)?[ \t]{0,8}")
_CELL_UNIT = re.compile(r"(?i)(?:n\s?/\s?N\s?\(%\)|n\s?\(%\)|\(%\)|%|mean\s?\((?:SD|SE)\))\s")
_ROW_HEADING = re.compile(
    r"(?i)(?:efficacy\s)?(?:endpoints?|outcomes?|characteristics?|parameters?|variables?"
    r"|(?:adverse\s)?(?:reactions?|events?))\s"
)
_HEADER_CELL = 40  # the longest line of a header cell
_HEADER_LINES = 4  # how many lines a cell's name may run over


def _wrapped_header_sizes(norm: str, scan: Scanner) -> list[Candidate]:
    """Return the arm sizes of a table header printed one cell line after line (above), each
    named by the lines between it and the size before it, without the cell's unit ("n (%)") and,
    for the first, the row labels' heading ("Endpoint")."""
    size_lines = sorted(
        {line_bounds(norm, p) for literal in ("N=", "N =") for p in scan.positions(literal, True)}
    )
    size_lines = [line for line in size_lines if _SIZE_LINE.fullmatch(norm, *line)]
    found: list[Candidate] = []
    index = 0
    while index < len(size_lines):
        header = [size_lines[index]]
        while index + 1 < len(size_lines) and _cell_lines(
            norm, header[-1][1], size_lines[index + 1][0]
        ):
            index += 1
            header.append(size_lines[index])
        index += 1
        if len(header) >= 2:
            found += _named_header_sizes(norm, header)
    return found


# A header line of sizes alone, one per column: "      N=300                 N=302".
_SIZES_ROW = re.compile(r"[ \t]{0,60}(?:N\s?=\s?\d{1,6}[ \t]{2,60}){1,5}N\s?=\s?\d{1,6}[ \t]{0,20}")
_SIZE_CELL = re.compile(r"N\s?=\s?(?P<n>\d{1,6})")
_NAME_CELL = re.compile(r"\S+(?: \S+)*")  # a column name: words one blank apart


def _column_header_sizes(norm: str, scan: Scanner) -> list[Candidate]:
    """Return the arm sizes of a table whose header names the arms on one line and gives their
    sizes on the next, each under its name ("Ravopixant 60 mg      Placebo" over "N=300
    N=302"): as many names as sizes, each name overlapping its size's column."""
    found: list[Candidate] = []
    lines = {line_bounds(norm, p) for p in scan.positions("N=", True)}
    lines |= {line_bounds(norm, p) for p in scan.positions("N =", True)}
    for start, end in sorted(lines):
        if start < 2 or not _SIZES_ROW.fullmatch(norm, start, end):
            continue
        above = line_bounds(norm, start - 2)  # the line before this one
        names = list(_NAME_CELL.finditer(norm, *above))
        sizes = list(_SIZE_CELL.finditer(norm, start, end))
        if len(names) != len(sizes):
            continue
        for name, size in zip(names, sizes, strict=True):
            left, right = name.start() - above[0], name.end() - above[0]
            if right <= size.start() - start - 12 or left >= size.end() - start + 12:
                break  # the names do not stand over the sizes
        else:
            for name, size in zip(names, sizes, strict=True):
                arm = context.clean_arm(name.group())
                if arm:
                    found.append(_arm_size(size.start(), size.end(), size["n"], arm, ""))
    return found


def _cell_lines(norm: str, end: int, start: int) -> list[str] | None:
    """Return the lines between two offsets when they can be one header cell's, else None."""
    lines = norm[end + 1 : start - 1].split("\n") if start > end + 1 else []
    if (
        not lines
        or len(lines) > _HEADER_LINES
        or any(not line.strip() or len(line) > _HEADER_CELL for line in lines)
    ):
        return None
    return lines


def _named_header_sizes(norm: str, header: list[tuple[int, int]]) -> list[Candidate]:
    """Name each size line of a wrapped header (_wrapped_header_sizes) by the cell above it."""
    first_start = header[0][0]
    above: list[str] = []
    while len(above) < _HEADER_LINES and first_start > 0:
        line_start, line_end = line_bounds(norm, first_start - 1)
        line = norm[line_start:line_end]
        if not line.strip() or len(line) > _HEADER_CELL:
            break
        above.insert(0, line)
        first_start = line_start
    if not above:
        return []
    above[0] = above[0].strip()
    heading = _ROW_HEADING.match(above[0])
    above[0] = above[0][heading.end() :] if heading else above[0]
    cells = [above] + [_cell_lines(norm, a[1], b[0]) or [] for a, b in itertools.pairwise(header)]
    named = []
    for (line_start, line_end), lines in zip(header, cells, strict=True):
        name = " ".join(line.strip() for line in lines).strip()
        name = name[unit.end() :] if (unit := _CELL_UNIT.match(name)) else name
        if not name or len(name) > _HEADER_CELL:
            return []
        size = _SIZE_LINE.fullmatch(norm, line_start, line_end)
        text_start = norm.index("N", line_start)
        named.append(arm_size_candidate(text_start, size.end("n"), size.group("n"), name, ""))
    return named


# "Communities were randomized to the STEADY-AL program (n = 12) or usual care (n = 12)": the
# sentence allocates clusters, so its sizes count them.
_ALLOCATED_VERB = re.compile(
    r"\s(?:were|was)\s(?:(?:randomly|then)\s)?(?i:randomi[sz]ed|allocated|assigned)\b"
)
_CLUSTER_WORD = re.compile(_CLUSTER_NOUN)

_PEOPLE_IN_OR_AFTER = re.compile(rf"\b(?i:{_PEOPLE})\b")


def _clusters_allocated_at(norm: str, sentence: tuple[int, int]) -> int | None:
    """Return where a sentence says its clusters were allocated ("Communities were
    randomized"), or None."""
    for verb in _ALLOCATED_VERB.finditer(norm, *sentence):
        word = norm.rfind(" ", sentence[0], verb.start()) + 1
        if _CLUSTER_WORD.fullmatch(norm, max(word, sentence[0]), verb.start()):
            return verb.start()
    return None


def _in_clusters(
    cand: Candidate,
    norm: str,
    sents: context.Sentences,
    allocating: dict[tuple[int, int], int | None],
) -> Candidate:
    """Return a size without a unit as one in clusters when its sentence allocates clusters
    before it and the size names no people (``allocating``: where each sentence does, found
    once)."""
    if cand.fields.get("unit") or cand.kind not in {"arm_size", "sample_size"}:
        return cand
    sentence = sents.of(cand.start)
    if sentence not in allocating:
        allocating[sentence] = _clusters_allocated_at(norm, sentence)
    at = allocating[sentence]
    if (
        at is None
        or at > cand.start
        or _PEOPLE_IN_OR_AFTER.search(norm[cand.start : cand.end + 12])
    ):
        return cand  # "(n = 320 patients)" counts people
    return replace(cand, fields={**cand.fields, "unit": CLUSTERS, "population": "randomized"})


_POWER_CALCULATION = re.compile(
    r"(?i)\b(?:\d{2}\s?%\spower|power\sof\s\d{2}\s?%|assuming|to\sdetect|would\s(?:provide|give)"
    r"|(?:was|were)\srequired\sto)\b"
)


def _calculates_power(norm: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence is a sample-size calculation ("Assuming an event rate of 60% ... 97
    infants per arm give 80% power")."""
    return _POWER_CALCULATION.search(norm, *sentence) is not None


# "allocated to a daily programme (24 schools, 1698 pupils) or usual curriculum (n = 24
# schools, 1714 pupils)": an arm's clusters and the people they hold, in the bracket after it.
_CLUSTERS_IN_BRACKET = re.compile(
    rf"""(?<=\()(?:[nN]\s?=\s?)?
    (?P<clusters>(?P<k>{COUNT_WORD})\s(?:[\w\-]{{1,20}}\s)?{_CLUSTER_NOUN})(?:[,;]\s|\swith\s)(?P<people>(?P<n>{INT})\s(?:[\w\-]{{1,20}}\s)?[A-Za-z][\w\-]{{1,20}})\)""",
    re.VERBOSE,
)


def _cluster_sizes(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Clusters allocated, in all or to one arm, with the people they hold when the text says:
    sizes in clusters (unit "clusters") and, beside them, sizes in people."""
    found = []
    for m in scan.finditer(_CLUSTERS_IN_BRACKET, grammar.CLUSTER_NOUNS, 45, 60):
        sentence = sents.of(m.start())
        arm, _ = _label_before(norm, m.start() - 1, sentence)
        if (
            arm
            and word_value(m.group("k")) is not None
            and _ALLOCATED_VERB.search(norm, sentence[0], m.start())
        ):
            found += _clusters_and_people(m, arm)
    for m in scan.finditer(_CLUSTER_SIZE, grammar.CLUSTER_NOUNS, 45, 200):
        sentence = sents.of(m.start())
        if _PLACES_OF_PEOPLE.search(norm, max(sentence[0], m.start() - 12), m.start()):
            continue
        allocated = m.group("verb") or _ALLOCATES_BEFORE.search(
            norm, max(sentence[0], m.start() - 40), m.start()
        )
        arm = context.clean_arm(m.group("arm")) if m.group("arm") else ""
        if arm and _SECOND_ARM.match(norm, m.end()):
            arm = ""
        if word_value(m.group("k")) is None or not (
            allocated or (arm and population_of(norm, sentence) == "randomized")
        ):
            continue
        found += _clusters_and_people(m, arm)
        # the other arms of the list (at most eight), or the arms listed after the allocation
        for nxt in chained(_CLUSTER_NEXT if arm else _CLUSTER_ITEM, norm, m.end(), 8):
            arm = context.clean_arm(nxt.group("arm"))
            if not arm or word_value(nxt.group("k")) is None:
                break
            found += _clusters_and_people(nxt, arm)
    return found


def _clusters_and_people(m: re.Match, arm: str) -> list[Candidate]:
    """The size in clusters of a match and the size in people beside it, of an arm or (no arm)
    of the whole study."""
    kind, extra = ("arm_size", {"arm": arm, "subgroup": ""}) if arm else ("sample_size", {})
    found = [
        _size(
            kind, *m.span("clusters"), m.group("k"), population="randomized", unit=CLUSTERS, **extra
        )
    ]
    if m.group("n"):
        found.append(_size(kind, *m.span("people"), m.group("n"), population="randomized", **extra))
    return found


EACH_ARM_FLAG = "size_of_each_arm"


def of_each_arm(row: dict) -> bool:
    """Return True for a size stated once for every arm ("40 cases in each group"), in a row
    being extracted or read back from the statistics table."""
    return bool(row.get("each_arm")) or EACH_ARM_FLAG in str(row.get("flags") or "")


def counts_people(row: dict) -> bool:
    """Return False for a size counted in clusters (villages, practices, units)."""
    return row.get("unit") != CLUSTERS


# What stands between the people a verb allocates and the next of them, or the verb: no number
# or closing bracket ("Of 195 patients (74 women [38%]), 98 were assigned to ...": only the 98).
_OTHER_VALUE_BETWEEN = re.compile(r"[\d)\]]")


def _subjects_of(norm: str, mentions: list[re.Match], verb: int) -> list[re.Match]:
    """Return the mentions of people that are the verb's subject: the run of them that ends
    right before the verb, back to the first with another value or a bracket's end after it."""
    run: list[re.Match] = []
    end = verb
    for mention in reversed(mentions):
        if _OTHER_VALUE_BETWEEN.search(norm, mention.end(), end):
            break
        run.append(mention)
        end = mention.start()
    return run[::-1]


def _enrolled_into(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "21 moderate patients and 31 severe patients were enrolled in the MSC group"."""
    found = []
    for verb in scan.finditer(_ENROL_INTO, _VERBS, 20, 160):
        sentence = sents.of(verb.start())
        clause_start = sentence[0]
        for brk in _CLAUSE_BREAK.finditer(norm, sentence[0], verb.start()):
            clause_start = brk.end()
        mentions = [
            m
            for m in _N_PEOPLE.finditer(norm, clause_start, verb.start())
            if not _TOTAL_BEFORE.search(norm, max(0, m.start() - 20), m.start())
            and not _SPLIT_AFTER.match(norm, m.end())
            and not _STAGE_ADJECTIVE.fullmatch(m.group("adj") or "")
        ]
        mentions = _subjects_of(norm, mentions, verb.start())
        if not mentions:
            continue
        arm = context.clean_arm(verb.group("arm"))
        if not arm or _ANALYSIS_SET.search(arm):
            continue
        if _ALTERNATIVE_ARM.match(norm, verb.end()):
            continue  # "40 patients were randomized to MSCs or placebo": the sample, no arm's
        if _NUMBER_OF_ARMS.match(norm, verb.start("arm")):
            # "The 60 patients were assigned to two groups": the whole sample, not an arm
            if len(mentions) == 1:
                population = population_of(norm, sentence)
                n = mentions[0]
                found.append(
                    _size("sample_size", *n.span("n"), n.group("n"), population=population)
                )
            continue
        adjectives = {m.group("adj") for m in mentions if m.group("adj")}
        population = population_of(norm, (verb.start(), sentence[1])) or population_of(
            norm, sentence
        )
        for m in mentions:
            subgroup = m.group("adj") if len(adjectives) > 1 and m.group("adj") else ""
            found.append(
                _size(
                    "arm_size",
                    m.start("n"),
                    m.end("n"),
                    m.group("n"),
                    arm=arm,
                    subgroup=subgroup,
                    population=population,
                )
            )
    return found


def _n_to_arm(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "We randomly assigned 200 patients, 101 to the MSC group and 99 to the placebo group"."""
    found = []
    for m in scan.finditer(_N_TO_ARM, (" to ", " into ", " in "), 90, 140):
        sentence = sents.of(m.start())
        if not _ENROLMENT_VERB.search(norm, *sentence):
            continue
        arm = context.clean_arm(m.group("arm"))
        if not arm or word_value(m.group("n")) is None or _EVERY_ARM.match(m.group("arm")):
            continue
        if word_value(arm) is not None:
            continue  # "randomized 1,486 patients one to one": an allocation ratio, spoken
        analysed = _ANALYSIS_SET.search(arm)
        if analysed or _NUMBER_OF_ARMS.match(norm, m.start("arm")):
            # "60 patients were assigned to two groups", "560 patients were included in the
            # analysis": the whole sample, not an arm
            population = "analysed" if analysed else population_of(norm, sentence)
            found.append(_size("sample_size", *m.span("n"), m.group("n"), population=population))
            continue
        # "assigned 304 adults to semaglutide or placebo": the alternatives all had the 304
        # (also after the first one's dose: "to vitamin D 4.15 g three times daily (n=60) or")
        if _ALTERNATIVE_ARM.match(norm, m.end()) or _DOSE_THEN_ALTERNATIVE.match(norm, m.end()):
            continue
        found.append(
            _size(
                "arm_size",
                m.start("n"),
                m.end("n"),
                m.group("n"),
                arm=arm,
                subgroup="",
                population=population_of(norm, sentence),
            )
        )
    return found


# "among 12,927 participants (6,463 vitamin D, 6,464 placebo)", "Participants: 1,204 patients
# (602 intervention, 602 control)": a bracket right after a number of people lists its parts.
_PEOPLE_BRACKETS = (
    "participants (", "patients (", "adults (", "children (", "subjects (", "women (", "men (",
    "infants (", "people (", "individuals (", "volunteers (",
)  # fmt: skip
_NUMBER_OF_PEOPLE_BEFORE = re.compile(rf"(?<![\w.,]){INT}\s(?:[\w\-]{{1,20}}\s){{0,2}}$")


def _sample_broken_down(norm: str, sents: context.Sentences, scan: Scanner) -> set[tuple[int, int]]:
    """The sentences where a number of people is followed by a bracket, which may list the
    arms the sample was split into (read as arm sizes when they add up to it and are arms); not
    those that report what happened to people ("Adverse events occurred in 20 patients (12
    MSC, 8 placebo)" counts them by arm)."""
    found = set()
    for anchor in _PEOPLE_BRACKETS:
        for p in scan.positions(anchor):
            sentence = sents.of(p)
            if _NUMBER_OF_PEOPLE_BEFORE.search(
                norm, max(sentence[0], p - 40), p
            ) and not reports_events(norm, sentence):
                found.add(sentence)
    return found


def _sample_that_received(
    norm: str, sents: context.Sentences, scan: Scanner
) -> set[tuple[int, int]]:
    """The sentences that open with the people they split and say what some of them received
    ("Of 486 patients, 244 received iron and 242 placebo")."""
    return {
        sentence
        for anchor in _TREATED
        for sentence in map(sents.of, scan.positions(anchor))
        if _OF_TOTAL.match(norm, *sentence) and not reports_events(norm, sentence)
    }


def _sizes_that_add_up(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "3612 children were randomly assigned (2408 vaccine, 1204 control)", "Of 486 randomized
    patients, 244 received iron and 242 placebo": two or three arm sizes whose sum is printed
    in the same sentence (that sum is what tells them from other numbers in a list)."""
    found = []
    # only in sentences that allocate, or break a number of people down in a bracket (found
    # from the scanner's cached word positions)
    near = {sents.of(p) for word in _ALLOCATION_WORDS for p in scan.positions(word)}
    allocating = {s for s in near if _ENROLMENT_VERB.search(norm, *s)} | _sample_broken_down(
        norm, sents, scan
    )
    # "Of 50 patients, 12 received insulin and 38 metformin" splits a sample by what it was
    # treated with; "Of 486 patients, 244 received iron and 242 placebo" names a control arm
    received_only = _sample_that_received(norm, sents, scan) - allocating
    allocating = sorted(allocating | received_only)
    found += _labelled_sizes_that_add_up(norm, sents, allocating)
    found += _bracketed_sizes_that_add_up(norm, allocating)
    lists = (m for sentence in allocating for m in _ARM_LIST.finditer(norm, *sentence))
    for first in lists:
        m = first
        # a list that starts with the total ("486 randomized patients, 244 ...") is retried
        # from its second item
        while m is not None and not _adds_up(norm, sents, m):
            m = _ARM_LIST.match(norm, m.start("n2")) if m.group("n3") else None
        if m is None:
            continue
        sentence = sents.of(m.start())
        if sentence in received_only and not any(
            context.is_control(context.clean_arm(m[f"arm{i}"] or "")) for i in (1, 2, 3)
        ):
            continue
        population = _population_before(norm, sentence, m.start())
        sizes = [word_value(m.group(f"n{i}")) for i in (1, 2, 3) if m.group(f"n{i}")]
        # "36 primary care practices (18 intervention, 18 control)": the arms' clusters
        clusters = _CLUSTERS_OPEN_BRACKET.search(norm, max(sentence[0], m.start() - 60), m.start())
        in_clusters = clusters is not None and word_value(clusters.group("n")) == sum(sizes)
        for i in (1, 2, 3):
            if m.group(f"n{i}"):
                n, arm = f"n{i}", context.clean_arm(m.group(f"arm{i}"))
                if in_clusters:
                    found.append(
                        _size(
                            "arm_size", *m.span(n), m.group(n), arm=arm, subgroup="",
                            population="randomized", unit=CLUSTERS,
                        )
                    )  # fmt: skip
                else:
                    found.append(_arm_size(m.start(n), m.end(n), m.group(n), arm, population))
        # "of whom 3390 (2259 vaccine, 1131 control) received three doses": the total the
        # bracket splits
        total = _TOTAL_BEFORE_BRACKET.search(
            norm, max(0, m.start() - 28), m.start()
        ) or _OF_TOTAL.match(norm, sentence[0], m.start())  # "Of 120 patients, 60 ..."
        if total and word_value(total.group("n")) == sum(sizes):
            found.append(
                _size("sample_size", *total.span("n"), total.group("n"), population=population)
            )
    return found


# "36 primary care practices (": clusters a bracket after them splits into arms.
_CLUSTERS_OPEN_BRACKET = re.compile(
    rf"(?<![\w.,\-])(?P<n>{COUNT_WORD})\s(?:[\w\-]{{1,20}}\s){{0,3}}{_CLUSTER_NOUN}\s\($"
)
# "Of the 220 patients, 110 were assigned to ...": the people a sentence that allocates splits.
_OF_TOTAL = re.compile(
    rf"(?<![\w\-])(?i:of)\s(?:the\s)?(?P<n>{COUNT_WORD})\s(?:[\w\-]{{1,20}}\s)?"
    rf"(?i:{grammar._PARTICIPANTS})(?P<randomized>\s(?i:randomi[sz]ed|randomly\sassigned))?,\s"
)
# ... or the people randomized, then how: "- 59 people randomised: 30 got ..., 29 got saline".
_TOTAL_RANDOMIZED = re.compile(
    rf"(?:[-\u2022*]\s)?(?P<n>{COUNT_WORD})\s(?:[\w\-]{{1,20}}\s)?(?i:{grammar._PARTICIPANTS})"
    r"(?:\swere)?\s(?P<randomized>(?i:randomi[sz]ed|randomly\sassigned))[:,]\s"
)
# How far a randomized total may be from its arms' sum and still be theirs (a slip of a few
# people, which total_vs_arm_sizes then reports).
_RANDOMIZED_SLACK = 0.05


# ... or with its stage between: "Participants: 62 randomised (31 drug, 31 placebo)".
_TOTAL_BEFORE_BRACKET = re.compile(
    rf"(?<![\w.,])(?P<n>{INT})\s?(?:(?i:randomi[sz]ed|enrolled|included|allocated)\s)?\($"
)
# "(placebo 73, 25 mg 72, 50 mg 71, 100 mg 72)": a bracket of labels each followed by a size.
_BRACKET = re.compile(r"\((?P<items>[^()\n]{5,200})\)")
# ... or after the allocation and a colon or arrow: "640 women were randomised: letrozole 320 /
# clomiphene 320", "N=612 randomised → frozen 306 / fresh 306".
_LISTED_AFTER_ALLOCATION = re.compile(
    r"(?i:randomi[sz]ed|allocated|assigned)\s?(?::|\u2192|->)\s?(?P<items>[^;.()\n]{5,200}?)"
    r"(?=\s?[;.)\n]|$)"
)
_LIST_SEPARATOR = re.compile(r",\s(?:and\s)?|;\s|\sand\s|\s?/\s?")
_LABEL_THEN_SIZE = re.compile(
    r"(?P<arm>[A-Za-z0-9][\w\-.]{0,30}(?:\s[\w\-.]{1,30}){0,3}?)\s(?P<n>\d{1,6})"
)


def _labelled_sizes_that_add_up(
    norm: str, sents: context.Sentences, allocating: list[tuple[int, int]]
) -> list[Candidate]:
    """ "288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72)": two or more
    labels each followed by a size, in a bracket of a sentence that allocates (or after its
    allocation and a colon or arrow), whose sizes sum to a number printed in the sentence
    outside the list."""
    found = []
    for sentence in allocating:
        lists = [*_BRACKET.finditer(norm, *sentence)]
        lists += _LISTED_AFTER_ALLOCATION.finditer(norm, *sentence)
        for bracket in lists:
            items, position = [], bracket.start("items")
            for part in _LIST_SEPARATOR.split(bracket.group("items")):
                item = _LABEL_THEN_SIZE.fullmatch(part)
                if item is None or not re.search(r"[A-Za-z]", item.group("arm")):
                    items = []
                    break
                start = norm.index(part, position)
                items.append((start + item.start("n"), item.group("n"), item.group("arm")))
                position = start + len(part)
            if len(items) < 2:
                continue
            printed = {
                word_value(t.group("n"))
                for t in _INTEGER_OR_WORDS.finditer(norm, *sentence)
                if not bracket.start() <= t.start() < bracket.end()
            }
            if sum(int(n) for _, n, _ in items) not in printed:
                continue
            population = population_of(norm, sentence)
            for start, n, arm in items:
                found.append(_arm_size(start, start + len(n), n, arm, population))
    return found


# A size in a bracket after an arm: "dexamethasone (752)", "usual care (4321 patients)",
# "ivermectin (n = 200)".
_BRACKETED_SIZE = re.compile(
    rf"\((?P<n_equals>[nN]\s?=\s?)?(?P<n>{INT})(?!\d)(?!\.\d)(?:\s(?i:{grammar._PARTICIPANTS}))?\)"
)


def _bracketed_sizes_that_add_up(norm: str, allocating: list[tuple[int, int]]) -> list[Candidate]:
    """ "1,502 were randomly assigned to receive dexamethasone (752) or usual care (750)": two or
    more arms each followed by its size in a bracket, in a sentence that allocates, whose sizes
    sum to a number printed in the sentence outside the brackets. Sizes printed "n = 752" are
    _n_equals' to read."""
    found = []
    for sentence in allocating:
        brackets = list(_BRACKETED_SIZE.finditer(norm, *sentence))
        if len(brackets) < 2:
            continue
        inside = [(m.start("n"), m.end()) for m in brackets]
        printed = {
            word_value(t.group("n"))
            for t in _INTEGER.finditer(norm, *sentence)
            if not any(a <= t.start() < b for a, b in inside)
        }
        if sum(word_value(m.group("n")) for m in brackets) not in printed:
            continue
        population = population_of(norm, sentence)
        for m in brackets:
            if m.group("n_equals"):
                continue
            arm, start = _label_before(norm, m.start(), sentence)
            if arm:
                found.append(_arm_size(start, m.end(), m.group("n"), arm, population))
    return found


def _adds_up(norm: str, sents: context.Sentences, m: re.Match) -> bool:
    """Return True if a list's labels are arms and its sizes sum to a number printed elsewhere
    in its sentence (which allocates: see _sizes_that_add_up)."""
    items = [(m.group(f"n{i}"), m.group(f"arm{i}")) for i in (1, 2, 3) if m.group(f"n{i}")]
    sizes = [word_value(n) for n, _ in items]
    arms = [context.clean_arm(arm) for _, arm in items]
    if None in sizes or not all(arms) or any(_SAMPLE_NOUN.search(a) for a in arms):
        return False
    if any(_NOT_AN_ARM_START.match(arm) for _, arm in items):
        return False
    sentence = sents.of(m.start())
    printed = {
        word_value(t.group("n"))
        for t in _INTEGER.finditer(norm, *sentence)
        if not m.start() <= t.start() < m.end()
    }
    return sum(sizes) in printed


_OF_WHOM = re.compile(r"(?i)\bof\swhom\s$")
_CLAUSE_ENDS = re.compile(r"\s?[,;.]")
# "Of the 160 infants ...", "Among all 76 patients ...": the people what follows counts.
AMONG_BEFORE = re.compile(r"(?i)\b(?:among|of)\s(?:the\s|all\s)?$")


# A plain-language summary's arms: "About half (219) got belrasimab, ... and the rest (218)
# got a placebo infusion".
_SHARE_THAT_GOT = re.compile(
    r"(?i:(?:about\s|roughly\s|nearly\s|just\sover\s|just\sunder\s)?half|the\s(?:rest|others"
    r"|remainder|other\shalf))\s\((?P<n>\d{1,6})\)\s(?:got|received|were\sgiven|took)\s"
    r"(?:an?\s|the\s)?(?P<arm>[\w\-]{1,30}(?:\s[\w\-]{1,30}){0,2}?)"
    r"(?=[,;.)]|\s(?:and|as|on|in|for|every|at|plus|with)\b)"
)


_FORMULATION = re.compile(r"\s(?:infusions?|injections?|tablets?|pills?|capsules?|shots?)$")


def _shares_that_got(norm: str, scan: Scanner) -> list[Candidate]:
    """Arm sizes in brackets after a share of the people ("half (219) got X"); the arm is what
    they got, less its form ("a placebo infusion" is the placebo arm)."""
    return [
        _arm_size(m.start("n"), m.end("n"), m.group("n"), _FORMULATION.sub("", m["arm"]), "")
        for m in scan.finditer(_SHARE_THAT_GOT, ("half (", "rest (", "others (", "remainder ("), 30)
    ]


def _treated_with(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "Twelve patients ... treated with MSCs plus conventional therapy and 13 treated with
    conventional therapy alone (control) were included"."""
    found = []
    unexplained: dict[tuple[int, int], list[re.Match]] = {}
    for m in scan.finditer(grammar.N_TREATED_WITH, _TREATED, 90, 230):
        sentence = sents.of(m.start())
        verb = _ENROLMENT_VERB.search(norm, m.end(), sentence[1])
        # "Of the 76 patients who received MSCs, 9 (11.8%) developed fever": the arm's people
        # the counts after it are of
        of_those = AMONG_BEFORE.search(norm, max(sentence[0], m.start() - 12), m.start())
        # "Enrollment totaled 240 participants, of whom 118 received the intervention."
        of_whom = _OF_WHOM.search(norm, max(sentence[0], m.start() - 10), m.start()) and (
            _CLAUSE_ENDS.match(norm, m.end())
        )
        if not (verb or (of_those and norm.startswith(",", m.end())) or of_whom):
            unexplained.setdefault(sentence, []).append(m)
            continue
        if _RANDOMIZED_AFTER.match(norm, m.end()):
            continue  # "240 children receiving antibiotics were randomised to LGG or placebo"
        arm = m.group("arm").strip()
        arm = context.clean_arm(arm) if of_whom else arm  # "received the intervention"
        if word_value(arm.split()[0]) is not None or context.NO_ARM_GIVEN.match(arm):
            continue  # "3390 received three doses", "who received at least one dose"
        population = population_of(norm, (verb.start(), sentence[1]) if verb else sentence)
        found.append(_arm_size(m.start("n"), m.end("n"), m.group("n"), arm, population))
    # "Of the 7,544 participants, 3,772 received the vaccine and 3,772 received placebo": sizes
    # that add up to the people the sentence opens with ("Of the 240 patients, 30 received
    # rescue therapy" does not)
    for sentence, matches in unexplained.items():
        total = _OF_TOTAL.match(norm, sentence[0], matches[0].start()) or _TOTAL_RANDOMIZED.match(
            norm, sentence[0], matches[0].start()
        )
        arms = [context.clean_arm(m.group("arm")) for m in matches]
        if total is None or len(matches) < 2 or not all(arms):
            continue
        summed, stated = (
            sum(word_value(m.group("n")) or 0 for m in matches),
            word_value(total.group("n")),
        )
        # "Of 2,184 participants randomized, 1,094 received X and 1,092 received placebo":
        # everyone randomized received an arm, so sizes near the total are the arms' too
        near = (
            total.group("randomized")
            and len(set(arms)) == len(arms)
            and abs(summed - stated) <= _RANDOMIZED_SLACK * stated
        )
        if summed != stated and not near:
            continue
        population = population_of(norm, sentence)
        found.append(
            _size("sample_size", *total.span("n"), total.group("n"), population=population)
        )
        for m, arm in zip(matches, arms, strict=True):
            found.append(_arm_size(m.start("n"), m.end("n"), m.group("n"), arm, population))
    return found


def _label_before(norm: str, end: int, sentence: tuple[int, int]) -> tuple[str, int]:
    """Return the arm label that ends at ``end`` and its start offset."""
    dose = _DOSE_BRACKET_BEFORE.search(norm, max(sentence[0], end - 60), end)
    if dose:  # "MSCs (1 × 10^6 cells/kg) (n = 112)": the arm is named before its dose
        label, _ = _label_before(norm, dose.start(), sentence)
        return label, _after_bracket(norm, end) if label else end
    window_start = max(sentence[0], end - 80)
    window = norm[window_start:end]
    cut = max(window.rfind(ch) for ch in "(),;:[]|\n\u2192\u2022")
    if cut >= 0:
        window_start += cut + 1
        window = window[cut + 1 :]
    cjk = _CJK_ARM_AT_END.search(window)
    if cjk:  # "随机分为观察组（n=45）": the Chinese arm, by its English name
        return context.cjk_arm_name(cjk.group("arm")), window_start + cjk.start()
    label = _COLUMN_HEADING.sub("", context.clean_arm(window))
    drug = context.DRUG_DOSE.search(window)
    if drug and label and window.rfind(label) >= drug.start():
        # "vitamin D 4.15 g three times daily (n=60)": the label was cut at the dose's number
        name = context.clean_arm(window[: drug.start()])
        after = window[drug.end() :].lower().split()
        if name and not set(after) - context.SCHEDULE_WORDS:
            label = window[window.rfind(name, 0, drug.start()) :].strip()
    dose = facts.DOSE.search(label)
    if dose:  # "1 × 10^6 cells/kg MSCs (n = 60)", "MSCs at 1 × 10^6 cells/kg (n = 60)"
        after = label[dose.end() :].strip()
        if not set(after.lower().split()) - context.SCHEDULE_WORDS:
            # the size's row starts after the dose (a fact of its own) and the bracket
            return _DOSE_CONNECTOR.sub("", label[: dose.start()]), _after_bracket(norm, end)
        label = after
    if not label:
        return "", end
    return label, window_start + window.rfind(label)


# The first column's heading of a flattened table, before the first arm's: "Outcome
# Tenecteplase (N=412) Alteplase (N=405)".
_COLUMN_HEADING = re.compile(
    r"^(?:Outcomes?|Characteristics?|Variables?|End\s?points?|Parameters?|Measures?)\s+(?=\S)"
)


def _after_bracket(norm: str, at: int) -> int:
    """Return where the size after ``at`` starts: past the "(" and spaces of "(n = 60)"."""
    ahead = norm[at : at + 3]
    return at + len(ahead) - len(ahead.lstrip("([ "))


# A dose in brackets after an arm's label (facts.DOSE's cell dose, or a drug's in mg, g, IU, mL).
_DOSE_BRACKET_BEFORE = re.compile(
    rf"\s?\((?:{facts.DOSE.pattern}|\d[\d.,]*\s?(?:mg|g|\u00b5g|mcg|IU|mL))[^()]{{0,30}}\)\s?$",
    re.VERBOSE,
)
_DOSE_CONNECTOR = re.compile(r"(?:\s(?:at|of|in|with|a|dose|doses|dosed|,))*\s*$")

_CJK_ARM_AT_END = re.compile(rf"(?P<arm>{context.CJK_ARM})\u7ec4\s?$")


def _group_equals(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "MSC alone group = 11", "control arm, n = 24"."""
    found = []
    for m in scan.finditer(grammar.GROUP_EQUALS, ("group", "arm"), 0, 30):
        sentence = sents.of(m.start())
        label, start = _label_before(norm, m.start(), sentence)
        if not label:
            continue
        if _closes_a_list_of_arms(norm, start, m.end("n"), sentence):
            # "to the MSC group or the placebo group (n = 160)": the arms' total
            population = population_of(norm, sentence)
            found.append(
                _size("sample_size", m.start("n"), m.end("n"), m.group("n"), population=population)
            )
            continue
        found.append(
            _size(
                "arm_size",
                start,
                m.end("n"),
                m.group("n"),
                arm=label,
                subgroup="",
                population=population_of(norm, sentence),
            )
        )
    return found


_TWO_ARMS_ANCHORS = ("n was", "n were", "n =", "n=", "sizes", "size ", "numbers")


_ANALYSED_ANCHORS = ("evaluable", "analysed", "analyzed", "analysis", "analyses")


def _analysed_respectively(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "58 and 57, respectively, were evaluable": the analysed sizes of two arms, in the order
    the sentence named them (_assign_respectively reads which); without a "respectively" of
    their own the two numbers are left alone (they may be one arm at two time points)."""
    found = []
    for m in scan.finditer(grammar.TWO_ANALYSED_SIZES, _ANALYSED_ANCHORS, 90, 40):
        if not m["respectively"] and not _respectively_after(norm, m.end(), sents.of(m.start())):
            continue
        for n in ("n1", "n2"):
            found.append(_arm_size(m.start(n), m.end(n), m.group(n), "", "analysed"))
    return found


_PAIR_BEFORE_RESPECTIVELY = re.compile(r"\s(?:and|or)\s")


def _respectively_after(norm: str, end: int, sentence: tuple[int, int]) -> bool:
    """Whether a "respectively" later in the sentence goes with the pair that ends at ``end``:
    no other pair stands between them ("61 and 60 were evaluable at weeks 12 and 24,
    respectively" lists one arm's time points)."""
    at = norm.find("respectively", end, sentence[1])
    return at >= 0 and _PAIR_BEFORE_RESPECTIVELY.search(norm, end, at) is None


def _sizes_of_two_arms(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "n was 101 and 99 in the MSC and placebo arms", "sample sizes were 101 (MSC) and 99
    (placebo)": two arms' sizes, with the arms the phrase names (none when it says
    "respectively", which _assign_respectively then reads); "n = 52 and 49" only with its arms
    or "respectively", as a bracket of two numbers after "n =" may count events."""
    found = []
    for m in scan.finditer(grammar.SIZES_OF_TWO_ARMS, _TWO_ARMS_ANCHORS, 22, 120):
        named = bool(m["label2"] or m["arm1"])
        if m["n_equals"] and not (named or m["respectively"]):
            continue
        if bool(m["label1"]) != bool(m["label2"]):
            continue
        labels = (m["label1"], m["label2"]) if m["label1"] else (m["arm1"], m["arm2"])
        arms = [context.clean_arm(label) if label else "" for label in labels]
        population = population_of(norm, sents.of(m.start()))
        for n, arm in zip(("n1", "n2"), arms, strict=True):
            found.append(_arm_size(m.start(n), m.end(n), m.group(n), arm, population))
    return found


_STATISTIC_IN_LABEL = re.compile(r"[=<>\u2264\u2265]\s?[-\u2212]?\.?\d")


# "randomized to MSC or placebo (n = 160)": an n after the last of two or more arms, none of
# them sized before it, is the total of them all ("MSC (n = 80) or placebo (n = 80)" is not).
_LIST_OF_ARMS_BEFORE = re.compile(r"[\w)\-+]\s(?:or|vs\.?|versus)\s(?:the\s)?$")
_STATISTIC_OR_SIZE = re.compile(r"[=<>\u2264\u2265]")
# A psychology report's summary of an arm before its size in one bracket: "M = 2.81, SD = 0.74"
_APA_SUMMARY = re.compile(
    r"\s?(?:M|Mdn)\s?=\s?[-\u2212]?\d{1,6}(?:\.\d{1,4})?,\s?(?:SD|SE)\s?=\s?\d{1,6}(?:\.\d{1,4})?"
)
_SIZED_BEFORE = re.compile(r"[(;,]\s?[nN]\s?=")  # "(n = 65)", "(..., three infusions; n = 65)"
_EACH_AFTER = re.compile(r"\s?(?:each|per\s(?:group|arm)|in\seach)\b")
# How far back an arm list before an n is read
_LIST_REACH = 60


def _closes_a_list_of_arms(norm: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the n at ``end``, after the arm label at ``start``, closes a list of arms none of
    which has its own size before it: the arms' total."""
    before = norm[max(sentence[0], start - _LIST_REACH) : start]
    return (
        _LIST_OF_ARMS_BEFORE.search(before) is not None
        and _SIZED_BEFORE.search(before) is None
        and _EACH_AFTER.match(norm, end) is None
    )


# People sized and then randomized: "Adults prescribed antibiotics (N=2,941) were randomized to
# probiotic (n=1,470) or placebo (n=1,471)" are the sample, not an arm.
_RANDOMIZED_AFTER = re.compile(
    r"\)?\s(?:were|was)\s(?:then\s)?(?:randomi[sz]ed|randomly\sassigned|randomly\sallocated)\b"
)


def _n_equals(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "UC-MSCs (n = 65)": an arm size after an arm, a sample size after "patients"."""
    found = []
    for m in scan.finditer(grammar.N_EQUALS, ("=",), 8, 15):
        if _ANOTHER_N_AFTER.match(norm, m.end("n")):
            continue  # "(...; n = 20 and 20)": each arm's size
        sentence = sents.of(m.start())
        bracket = m.start() - 1  # the "(" of "(n = 65)", or the space of "( n = 65)"
        if norm[bracket].isspace():
            bracket -= 1
        described = None
        if norm[bracket] == "," and _APA_SUMMARY.fullmatch(
            norm, norm.rfind("(", sentence[0], bracket) + 1, bracket
        ):
            # "in the mindfulness group (M = 2.81, SD = 0.74, n = 60)": the arm's summary, then
            # its size
            described = _label_before(norm, norm.rfind("(", sentence[0], bracket), sentence)[0]
        if norm[bracket] == ";":
            # "MSCs (4 x 10^7 cells per infusion, three infusions; n = 65)": the last item of a
            # bracket that lists what the arm named before it received (not "(short course; n =
            # 448)", whose one item names the arm), when nothing in it is a statistic
            opening = norm.rfind("(", sentence[0], bracket)
            inside = norm[opening + 1 : bracket] if opening >= 0 else ""
            if "," in inside and ")" not in inside and not _STATISTIC_OR_SIZE.search(inside):
                described = _label_before(norm, opening, sentence)[0]
        label, start = _label_before(norm, bracket, sentence)
        if described:
            label, start = described, m.start("nsym")  # the size's span: "n = 65)"
        # "the observation group received acupuncture in addition (n = 45)": the group is the arm
        subject = _GROUP_RECEIVED.search(norm, max(sentence[0], bracket - 120), bracket)
        if subject:
            label, start = context.clean_arm(subject.group("arm")), m.start("nsym")
        # the closing bracket is part of "MSCs (n = 60)", not of "n = 60" alone
        closed = norm.startswith(")", m.end("n")) and not subject and start < bracket
        close = m.end("n") + 1 if closed else m.end("n")
        population = population_of(norm, sentence)
        last = label.split()[-1].lower() if label else ""
        # "In the per-protocol analysis (n = 221)", "ITT population (n = 240)": an analysis set,
        # all its arms; "(Spearman r = 0.41, n = 85": the size of a statistic's sample
        if (
            not label
            or _SAMPLE_NOUN.fullmatch(last)
            or _ANALYSIS_SET.search(label)
            or _STATISTIC_IN_LABEL.search(label)
            or _closes_a_list_of_arms(norm, start, m.end("n"), sentence)
            or _RANDOMIZED_AFTER.match(norm, m.end("n"))
        ):
            found.append(
                _size(
                    "sample_size",
                    m.start("nsym"),
                    m.end("n"),
                    m.group("n"),
                    population=population,
                )
            )
            continue
        found.append(
            _size(
                "arm_size",
                start,
                close,
                m.group("n"),
                arm=label,
                subgroup="",
                population=population,
            )
        )
    return found


def _labelled_n_equals(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "(intervention n = 108; standard care n = 106)": each list item an arm and its size;
    a total ("overall n = 214", "patients n = 214") is a sample size."""
    found = []
    for m in scan.finditer(grammar.LABEL_N_EQUALS, ("n =", "n="), 45, 15):
        sentence = sents.of(m.start())
        label = context.clean_arm(m.group("label"))
        last = label.split()[-1].lower() if label else ""
        population = population_of(norm, sentence)
        # "(Spearman r = 0.41, n = 85": the size of a statistic's sample, no arm's
        statistic = _STATISTIC_IN_LABEL.search(label)
        if not label or _SAMPLE_NOUN.fullmatch(last) or last in _TOTAL_WORDS or statistic:
            size = _size("sample_size", m.start("nsym"), m.end("n"), m.group("n"))
            found.append(size)
            continue
        found.append(_arm_size(m.start("label"), m.end("n"), m.group("n"), label, population))
    return found


# "in the ravolimod and placebo groups": two arms, not one.
_TWO_ARMS_GROUPS = re.compile(r"\s(?:and|or|vs\.?|versus)\s.{0,80}\s(?i:groups|arms|cohorts)$")


# Each arm's size in the bracket after a total, in other languages: Romanian "208 pacienți (104
# în grupul colecalciferol și 104 în grupul placebo)", Hebrew "420 מטופלים (212 בקבוצת
# ההתערבות ו-208 בקבוצת הביקורת)"; the group phrase is context.FOREIGN_GROUP_AFTER's.
_FOREIGN_GROUP_WORDS = (
    "grupul",
    "\u05d1\u05e7\u05d1\u05d5\u05e6\u05ea",
    "gruppen",
    "grupo",
    "groupe",
)
_SIZE_IN_BRACKET = re.compile(
    r"(?:\(|\s(?:\u0219i|si|och|y|e|et|ja)\s|\s\u05d5-?)(?P<n>\d{1,6})(?=\s)"
)
_NUMBER_BEFORE_BRACKET = re.compile(r"\d[^\d()]{1,30}$")


def _foreign_group_sizes(norm: str, sents: context.Sentences) -> list[Candidate]:
    """Arm sizes listed in a bracket after a total, each followed by its group in another
    language; a number with its percentage ("36 (17.0%) בקבוצת ...") is a count, not a size."""
    if not any(word in norm for word in _FOREIGN_GROUP_WORDS):
        return []
    found = []
    for m in _SIZE_IN_BRACKET.finditer(norm):
        group = context.FOREIGN_GROUP_AFTER.match(norm, m.end("n"))
        if not group or group.group("ru") or not norm.startswith(" ", m.end("n")):
            continue
        sentence = sents.of(m.start("n"))
        opening = norm.rfind("(", sentence[0], m.start("n") + 1)
        if opening < 0 or ")" in norm[opening : m.start("n")]:
            continue
        if not _NUMBER_BEFORE_BRACKET.search(norm, max(sentence[0], opening - 30), opening):
            continue
        arm = group.group(group.lastgroup)
        population = population_of(norm, sentence)
        found.append(_arm_size(m.start("n"), m.end("n"), m.group("n"), arm, population))
    return found


def _in_group_sizes(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "50 patients in the MSC group" is an arm size in a sentence about enrolment that
    reports no events."""
    found = []
    matches = list(scan.finditer(grammar.COUNT_IN_GROUP, ("in the",), 70, 150))
    # "There were 14 hospitalizations in the vaccine group versus 25 in the placebo group"
    counting_events = {
        sents.of(m.start()) for m in matches if grammar.EVENTS_AFTER.match(norm, m.end("xw"))
    }
    for m in matches:
        if not m.group("xw")[0].isdigit():
            continue
        sentence = sents.of(m.start())
        if (
            not _ENROLMENT_VERB.search(norm, *sentence)
            or _EVENT_WORDS.search(norm, *sentence)
            or sentence in counting_events
            or _TWO_ARMS_GROUPS.search(m.group(0))
        ):
            continue
        found.append(
            _size(
                "arm_size",
                m.start("xw"),
                m.end("xw"),
                m.group("xw"),
                arm=context.clean_arm(m.group("arm")),
                subgroup="",
                population=(
                    "analysed"
                    if _COMPLETED_AFTER.match(norm, m.end(), sentence[1])
                    else population_of(norm, sentence)
                ),
            )
        )
    return found


# "Of the 200 randomised participants, 98 in the exercise group and 95 in the control group
# completed the 12-week assessment": the sizes of those who completed it, not of the arms.
_COMPLETED_AFTER = re.compile(
    r"(?:,?\s(?:and\s)?\d{1,3}(?:,\d{3})?\sin\sthe\s[\w\-]{1,25}(?:\s[\w\-]{1,25}){0,2}?"
    r"\s(?:group|arm)s?){0,3}\s(?:completed|were\sanaly[sz]ed|were\sevaluable|had\s(?:data|outcome\sdata))\b"
)


# Sample-size patterns with the literal anchors each match contains and window sizes.
# A percentage in brackets right after a number of people makes it a count of some of them.
_PERCENT_BRACKET = re.compile(r"\s?[(\[]\s?\d{1,3}(?:[.,\u00b7]\d{1,3})?\s?%\s?[)\]]")
_TOTALS = (
    (grammar.TOTAL_OF, ("total", "cohort of", "sample of"), 5, 130),
    (
        grammar.VERB_N,
        (*_ENROLMENT_WORDS, "followed", "comprised", "involv", "consist", "studied", "total"),
        5,
        130,
    ),
    # "Participants were 640 adults aged ..."
    (grammar.VERB_N, ("participants were", "patients were", "subjects were"), 0, 130),
    (
        grammar.VERB_N,
        (
            "trial of",
            "trial in",
            "trial among",
            "study of",
            "study in",
            "RCT in",
            "RCT of",
            "data from",
        ),
        0,
        130,
    ),
    (grammar.N_STAGE_PEOPLE, _STAGE_WORDS, 80, 80),
    (
        grammar.N_PEOPLE_VERB,
        (*_ENROLMENT_WORDS, "participated", "took part", "assessed for"),
        170,
        20,
    ),
    (
        grammar.N_WERE_ANALYSED,
        (
            "analy",
            "evaluable",
            "randomi",
            "assigned",
            "enrolled",
            "received",
            "underwent",
            "eligible",
            "consented",
        ),
        20,
        40,
    ),
    (grammar.N_WERE_ANALYSED, ("eligible and",), 20, 40),
    (grammar.N_LEFT_FOR_ANALYSIS, ("leaving", "left"), 0, 60),  # "1,600 were eligible and ..."
    (grammar.ENROLMENT_FIELD, ("enrolment", "enrollment", "ised:", "ized:", "olled:"), 20, 20),
    (grammar.N_TOTAL, ("n =", "n="), 3, 20),
    # every label ends in "n" or "s" before its colon
    (grammar.LABELLED_TOTAL, ("n:", "s:", "n :", "s :", "total:", "total :"), 24, 60),
    (grammar.NUMBER_OF_TOTAL, ("number of",), 6, 40),
)


# Body parts counted before the people they belong to: "96 eyes of 48 patients", "120 knees
# from 60 participants"; the sample is the people.
_PARTS_OF_PEOPLE = re.compile(
    rf"""\s(?i:eyes|knees|hips|ears|teeth|lesions|limbs|feet|hands|ulcers|wounds|implants)
    \s(?:of|from|in)\s(?P<n>{grammar.COUNT_WORD})\s""",
    re.VERBOSE,
)


# The words a sentence may open with before its subject: a section heading.
_HEADING = re.compile(r"(?i)(?:methods?|results?|participants?|patients)\s?:?\s")


# The people of a report in German, Spanish, Portuguese or French ("wurden 164 Patientinnen und
# Patienten ... eingeschlossen", "se incluyeron 120 pacientes", "foram randomizados 96
# participantes"), a sample size when their sentence enrols or randomizes them.
_FOREIGN_PEOPLE = re.compile(
    r"(?<![\w.,])(?<!von\s)(?<!de\s)(?<!of\s)(?P<n>\d{1,6})\s(?:(?:[^\W\d]{1,20}\s){0,2}?"
    r"(?:Patient(?:inn)?en|Teilnehm(?:er(?:innen)?|ende)|Proband(?:inn)?en|pacientes|participantes"
    r"|sujetos|doentes|(?:patients|participants|sujets)(?=\sont\s)"
    # Italian, Greek, Vietnamese, Russian, Dutch, Polish, Turkish
    r"|pazienti|partecipanti|soggetti|\u03b1\u03c3\u03b8\u03b5\u03bd\u03b5\u03af\u03c2"
    r"|\u03b1\u03c3\u03b8\u03b5\u03bd\u03ce\u03bd|b\u1ec7nh\snh\u00e2n|tr\u1ebb"
    r"|\u043f\u0430\u0446\u0438\u0435\u043d\u0442(?:\u043e\u0432|\u0430)"
    r"|\u0431\u043e\u043b\u044c\u043d\u044b\u0445|pati\u00ebnten|deelnemers"
    r"|pacjent(?:\u00f3w|ek|ki)|chorych|hasta"
    # Swedish, Romanian, Finnish
    r"|patienter|deltagare|pacien[\u021b\u0163]i|potila(?:a?sta|ista|ita)"
    # Hebrew "מטופלים", "חולים", "משתתפים" (patients, participants)
    r"|\u05de\u05d8\u05d5\u05e4\u05dc\u05d9\u05dd|\u05d7\u05d5\u05dc\u05d9\u05dd"
    r"|\u05de\u05e9\u05ea\u05ea\u05e4\u05d9\u05dd)\b"
    # French without the noun: "301 patients ont été randomisés et 294 ont été inclus"
    r"|ont\s\u00e9t\u00e9\s(?P<stage_after>\w{1,20}))"
)
_FOREIGN_PEOPLE_WORDS = (
    *("Patient", "Teilnehm", "Proband", "pacientes", "participantes", "sujetos", "doentes"),
    *("pazienti", "partecipanti", "soggetti", "\u03b1\u03c3\u03b8\u03b5\u03bd", "nh\u00e2n"),
    *("tr\u1ebb", "\u043f\u0430\u0446\u0438\u0435\u043d\u0442", "\u0431\u043e\u043b\u044c\u043d"),
    *("pati\u00ebnten", "deelnemers", "pacjent", "chorych", "hasta"),
    *("patienter", "deltagare", "pacien\u021bi", "pacien\u0163i", "potila"),
    *("\u05de\u05d8\u05d5\u05e4\u05dc\u05d9\u05dd", "\u05d7\u05d5\u05dc\u05d9\u05dd"),
    "\u05de\u05e9\u05ea\u05ea\u05e4\u05d9\u05dd",
    "s ont ",  # French: "120 patients ont été randomisés"
    " ont \u00e9t\u00e9 ",
)
_FOREIGN_STAGE = re.compile(
    r"(?i)\b(?:(?P<randomized>randomisiert|zugeteilt|zugewiesen|aleatori[sz]ad[oa]s|randomi[sz]ad[oa]s"
    r"|aleatori[sz]aron|randomi[sz]aron|asignad[oa]s|alocad[oa]s|randomis[ée]s"
    # Italian, Greek, Vietnamese, Russian, Dutch, Polish, Turkish
    r"|randomizzati|\u03c4\u03c5\u03c7\u03b1\u03b9\u03bf\u03c0\u03bf\u03b9"
    r"\u03ae\u03b8\u03b7\u03ba\u03b1\u03bd|ng\u1eabu\snhi\u00ean"
    r"|\u0440\u0430\u043d\u0434\u043e\u043c\u0438\u0437\u0438\u0440\u043e\u0432\u0430\u043d\w{0,2}"
    r"|gerandomiseerd|zrandomizowano|randomize\sedildi"
    # Swedish, Romanian, Finnish
    r"|randomiserades|randomiserade|randomiza[\u021b\u0163]i|satunnaistet\w{0,6}"
    # Hebrew "רנדומיזציה" (randomization), "הוקצו" (were allocated)
    r"|\u05e8\u05e0\u05d3\u05d5\u05de\u05d9\u05d6\u05e6\u05d9\u05d4|\u05d4\u05d5\u05e7\u05e6\u05d5)"
    r"|(?P<enrolled>eingeschlossen|rekrutiert|aufgenommen|incluid[oa]s|inclu[íi]d[oa]s|incluyeron"
    r"|reclutad[oa]s|recrutad[oa]s|reclutaron|inclus"
    r"|arruolati|inclusi|\u03b5\u03bd\u03c4\u03ac\u03c7\u03b8\u03b7\u03ba\u03b1\u03bd"
    r"|tham\sgia|\u0432\u043a\u043b\u044e\u0447\u0435\u043d\w{0,2}|ge\u00efncludeerd"
    r"|w\u0142\u0105czono|dahil\sedildi|inkluderades|inclu[s\u0219]i"
    r"|\u05e0\u05db\u05dc\u05dc\u05d5)"  # Hebrew "נכללו" (were included)
    r"|(?P<analysed>analizzati|\u03b1\u03bd\u03b1\u03bb\u03cd\u03b8\u03b7\u03ba\u03b1\u03bd"
    r"|ph\u00e2n\st\u00edch|geanalyseerd|przeanalizowano|analiz\s?edildi))\b"
)


def _clause(norm: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The stretch of a sentence between full stops around an offset: a script without capitals
    (Hebrew) runs its sentences together for the splitter."""
    before = norm.rfind(". ", sentence[0], offset)
    after = norm.find(". ", offset, sentence[1])
    return (before + 2 if before >= 0 else sentence[0]), (after if after >= 0 else sentence[1])


def _foreign_totals(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Sample sizes of reports in German, Spanish, Portuguese or French (_FOREIGN_PEOPLE)."""
    found = []
    for m in scan.finditer(_FOREIGN_PEOPLE, _FOREIGN_PEOPLE_WORDS, 30, 20):
        if _PERCENT_BRACKET.match(norm, m.end("n")) or _PERCENT_BRACKET.match(norm, m.end()):
            continue  # "36 pacientes (17,0 %)": a count with its percentage
        if m.group("stage_after"):  # its own verb says the stage
            stage = _FOREIGN_STAGE.fullmatch(m.group("stage_after"))
        else:
            stage = _FOREIGN_STAGE.search(norm, *_clause(norm, sents.of(m.start()), m.start()))
        if stage:
            found.append(
                _size("sample_size", *m.span("n"), m.group("n"), population=stage.lastgroup)
            )
    return found


# A phrase that sets the scene before the subject: "In this single-center, open-label
# randomized trial, 48 patients ... were assigned".
_SETTING_PHRASE = re.compile(r"(?i)(?:in|during|for)\s(?:this|the|a|our)\s[^.;:\d]{0,80},\s")


def _subjects_allocated(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """The number of people a sentence opens with when it goes on to allocate them ("Eighty
    patients ... were divided into a laparoscopic group and an open group")."""
    found = []
    for m in scan.finditer(grammar.SUBJECT_ALLOCATED, _DIVIDED_WORDS, 230, 20):
        start = sents.of(m.start())[0]
        heading = _HEADING.match(norm, start)
        opening = heading.end() if heading else start
        if m.start() not in (start, opening) and not _SETTING_PHRASE.fullmatch(
            norm, opening, m.start()
        ):
            continue
        people = _PARTS_OF_PEOPLE.match(norm, m.end("n")) or m
        span, text = people.span("n"), people.group("n")
        found.append(_size("sample_size", *span, text, population="randomized"))
    return found


# Stages named by verbs that _STAGE leaves to their sentence: "880 were eligible and 640
# consented", "4,500 patients assessed for eligibility".
_VERB_STAGE = {"eligible": "screened", "assessed": "screened", "consented": "enrolled"}
_VERB_STAGE_WORD = re.compile(r"eligible|assessed|consented")


# "n = 20 and 20": a size of each arm after one "n ="
_ANOTHER_N_AFTER = re.compile(r"\s(?:and|vs\.?|versus)\s\d")


def _totals(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """ "a total of 43 patients", "we recruited 101 ... patients", "N = 120"."""
    found = _subjects_allocated(norm, sents, scan)
    for pattern, anchors, before, after in _TOTALS:
        for m in scan.finditer(pattern, anchors, before, after):
            if _PERCENT_BRACKET.match(norm, m.end()):
                continue  # "a total of 9 patients (18.0%) discontinued": a count of some
            if _ANOTHER_N_AFTER.match(norm, m.end("n")):
                continue  # "(...; n = 20 and 20)": each arm's size, not the sample's
            sentence = sents.of(m.start())
            # "549 received at least one dose", "1,200 underwent randomization": the stage is
            # in the match even where no verb group names it
            stage_in_match = pattern is grammar.N_WERE_ANALYSED
            verb = m.groupdict().get("verb") or (m.group() if stage_in_match else "")
            population = population_of(verb, (0, len(verb))) if verb else ""
            staged = _VERB_STAGE_WORD.search(verb or "")
            population = population or (_VERB_STAGE[staged[0]] if staged else "")
            population = population or population_of(norm, sentence)
            start = m.start() if pattern is grammar.N_TOTAL else m.start("n")
            n_span, n_text = m.span("n"), m.group("n")
            people = _PARTS_OF_PEOPLE.match(norm, m.end("n"))
            if people:
                start, n_span, n_text = people.start("n"), people.span("n"), people.group("n")
            arm = _ARM_SUBJECT.search(norm, max(sentence[0], m.start() - 60), m.start())
            if arm and pattern is grammar.VERB_N:
                # "The intervention arm comprised 150 participants": that arm's size
                label = context.clean_arm(arm.group("arm"))
                found.append(_arm_size(*n_span, n_text, label, population))
                continue
            found.append(_size("sample_size", start, n_span[1], n_text, population=population))
    found += _group_then_bracketed_people(norm, sents, scan)
    for m in scan.finditer(_OF_TOTAL, ("of ",), 0, 60):
        sentence = sents.of(m.start())
        if m.start() == sentence[0] and _ENROLMENT_VERB.search(norm, m.end(), sentence[1]):
            population = population_of(norm, (m.end(), sentence[1]))
            found.append(_size("sample_size", *m.span("n"), m.group("n"), population=population))
    return found


# A group that received what the words up to a bracket name: "the observation group received
# acupuncture in addition (n = 45)".
_GROUP_RECEIVED = re.compile(
    rf"""(?:^|(?<=[,;]\s)|(?<=\.\s))(?:(?:and|while|whereas)\s)?(?i:the)\s(?P<arm>{grammar.ARM_LABEL})
    \s(?:group|arm)\s(?:received|was\sgiven|was\streated\swith|underwent)\s[^,;()]{{1,80}}$""",
    re.VERBOSE,
)
# An arm that is the subject of the verb right after it: "The intervention arm comprised".
_ARM_SUBJECT = re.compile(
    rf"(?i:the)\s(?P<arm>{grammar.ARM_LABEL}|{grammar.DOSE_ARM_LABEL})\s(?:group|arm)\s$"
)
# Whom an arm has: not "women" or "men", which an arm has as a baseline characteristic.
_ARM_MEMBERS = r"(?:patients|participants|subjects|cases|persons|people|individuals|volunteers)"
# An arm that had its size: "The placebo group had 88 patients and the drug group had 90", "the
# 140 mg arm of Study 2 had n = 190". A bare number counts people only after such a size.
_ARM_HAD = re.compile(
    rf"""(?<![\w\-])(?i:the)\s(?P<arm>{grammar.ARM_LABEL}|{grammar.DOSE_ARM_LABEL})
    \s(?i:group|arm|cohort)(?:\s(?:of|in)\s(?:Study|Trial|Part|Cohort)\s[\w\-]{{1,6}})?
    \s(?:had|included|contained|comprised|consisted\sof)\s
    (?:(?P<equals>[nN]\s?=\s?)?(?P<n>{COUNT_WORD})(?P<people>\s(?i:{_ARM_MEMBERS}))?)
    (?=\s?[,;.)]|\s(?:and|while|whereas|but)\s|$)""",
    re.VERBOSE,
)


def _arms_that_had(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Sizes of arms that had them (_ARM_HAD), in people or as n = ."""
    found, stated = [], set()
    for m in scan.finditer(
        _ARM_HAD, (" had ", " included ", " contained ", " comprised ", " consisted "), 70, 40
    ):
        sentence = sents.of(m.start())
        if any(e[0].lower() != "had" for e in _EVENT_WORDS.finditer(norm, *sentence)):
            continue  # "Deaths: the placebo group had 12 patients": a count
        if not (m.group("equals") or m.group("people")) and sentence not in stated:
            continue  # "the drug group had 12": of what, the sentence must have said
        stated.add(sentence)
        arm = context.clean_arm(m.group("arm"))
        if arm and word_value(m.group("n")) is not None:
            start = m.start("equals") if m.group("equals") else m.start("n")
            found.append(
                _arm_size(start, m.end("n"), m.group("n"), arm, population_of(norm, sentence))
            )
    return found


# "divided into the study group (60 cases) and the control group (60 cases)".
_GROUP_PEOPLE_BRACKET = re.compile(
    rf"""(?i:group|arm)\s?\(\s?(?P<n>{INT})\s
    (?i:cases|patients|participants|subjects|persons|people|children|women|men)\s?\)""",
    re.VERBOSE,
)


def _group_then_bracketed_people(
    norm: str, sents: context.Sentences, scan: Scanner
) -> list[Candidate]:
    """An arm followed by its size in people, in a sentence that allocates: "the study group
    (60 cases)"."""
    found = []
    for m in scan.finditer(_GROUP_PEOPLE_BRACKET, ("group (", "arm ("), 0, 30):
        sentence = sents.of(m.start())
        if not _ENROLMENT_VERB.search(norm, *sentence) and "divided" not in norm[slice(*sentence)]:
            continue
        label, start = _label_before(norm, m.start(), sentence)
        if label:
            population = population_of(norm, sentence)
            found.append(_arm_size(start, m.end(), m.group("n"), label, population))
    return found


_DOSE_ALONE = re.compile(grammar.DOSE_ARM_LABEL)
# An arm named for being a combination of treatments or one of them alone ("in the combination
# group", "with monotherapy"), and an arm whose label combines two ("trifluridine-tipiracil plus
# bevacizumab", "FOLFOX + bevacizumab", "chemotherapy in combination with nivolumab").
_COMBINATION_KEY = re.compile(r"(?:combination|combined|combo)(?:\s(?:therapy|treatment|regimen))?")
_MONOTHERAPY_KEY = re.compile(
    r"(?:monotherapy|single\sagent|single\sdrug)(?:\s(?:therapy|treatment|regimen))?"
)
_COMBINED_LABEL = re.compile(r"(?i)\splus\s|\+|\bcombined\swith\b|\bin\scombination\swith\b")


def _combination_or_its_part(key: str, arms: list[dict]) -> dict | None:
    """Return the arm "the combination" names, the only one whose label combines treatments,
    or the arm "monotherapy" names, the other of two when one is that combination."""
    first: dict[str, dict] = {}
    for arm in arms:
        first.setdefault(arm["arm_key"], arm)
    combined = [a for a in first.values() if _COMBINED_LABEL.search(a["arm"])]
    if len(combined) != 1:
        return None
    if _COMBINATION_KEY.fullmatch(key):
        return combined[0]
    others = [a for a in first.values() if a is not combined[0]]
    return others[0] if len(others) == 1 else None


_DOSE_AT_END = re.compile(rf"(?:^|\s)(?P<dose>{grammar.DOSE_ARM_LABEL})$")


def _dose_of(key: str) -> str:
    """Return the dose an arm's key ends with, without spaces ("upadacitinib 30 mg": "30mg")."""
    m = _DOSE_AT_END.search(key)
    return m.group("dose").replace(" ", "") if m else ""


def resolve_arm(label: str, arms: list[dict]) -> dict | None:
    """Return the arm row (of one study) an arm label refers to: same key, else the only arm
    of its role (control or intervention) when it shares no word with an arm of the other,
    else the only arm of its role sharing a word, else the only arm of the other role that
    does."""
    if not label or not arms:
        return None
    key = context.arm_key(label)
    same = [a for a in arms if a["arm_key"] == key]
    if same:
        return same[0]
    role = context.arm_role(label)
    by_role = [a for a in arms if a["role"] == role]
    words = set(key.split())
    # a label that shares its words with an arm of the other role names that one ("usual" is
    # the usual-care arm, not the only intervention arm)
    elsewhere = [a for a in arms if a["role"] != role and words & set(a["arm_key"].split())]
    if len({a["arm_key"] for a in by_role}) == 1 and not elsewhere:
        return by_role[0]
    sharing = [a for a in by_role if words & set(a["arm_key"].split())]
    if len({a["arm_key"] for a in sharing}) == 1:
        return sharing[0]
    if _DOSE_ALONE.fullmatch(key):
        # "62.1% receiving 30 mg": the only arm given that dose ("upadacitinib 30 mg")
        dosed = [a for a in by_role if _dose_of(a["arm_key"]) == key.replace(" ", "")]
        if len({a["arm_key"] for a in dosed}) == 1:
            return dosed[0]
    if not sharing and len({a["arm_key"] for a in elsewhere}) == 1:
        return elsewhere[0]
    if _COMBINATION_KEY.fullmatch(key) or _MONOTHERAPY_KEY.fullmatch(key):
        return _combination_or_its_part(key, arms)
    if key == "control" and not by_role:
        # "than in the control group" of a trial of two arms neither of which is called a
        # control ("CBT-I (n = 43) or sleep hygiene education (n = 43)"): the one named second
        first: dict[str, dict] = {}
        for arm in sorted(arms, key=lambda a: a.get("span_start") or 0):
            first.setdefault(arm["arm_key"], arm)
        if len(first) == 2:
            return list(first.values())[1]
    return None
