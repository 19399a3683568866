"""Statistic candidates: every match of the grammar that reads as a statistic, with the
numbers it carries, before overlaps are resolved and context is attached."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from . import absolute_effects, context, eu_register, grammar, registry, revman, sas
from . import arms as arm_sizes
from .numbers import value_of, word_value
from .spans import Candidate, Scanner, chained, line_bounds
from .vocabulary import EVENTS, GEOMETRIC_MEAN_RATIO

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
    **dict.fromkeys(["gmr", "gmtr", "gmcr", "gmt ratio", "gmc ratio"], GEOMETRIC_MEAN_RATIO),
    **dict.fromkeys(
        ["risque relatif", "riesgo relativo", "risco relativo", "rischio relativo"], "RR"
    ),
    **dict.fromkeys(["relatives risiko", "relative risiko"], "RR"),
    **dict.fromkeys(
        ["rapport de cotes", "rapport des cotes", "razón de momios", "razon de momios"], "OR"
    ),
    **dict.fromkeys(
        ["razón de probabilidades", "razon de probabilidades", "razão de chances"], "OR"
    ),
    **dict.fromkeys(
        ["razao de chances", "chancenverhältnis", "chancenverhaltnis", "quotenverhältnis"], "OR"
    ),
    "quotenverhaltnis": "OR",
    **dict.fromkeys(["riskkvot", "risc relativ", "riscul relativ"], "RR"),
    **dict.fromkeys(["oddskvot", "vetosuhde"], "OR"),
    **dict.fromkeys(["hasardkvot", "hasardisuhde", "riskisuhde"], "HR"),
    **dict.fromkeys(["frekvenskvot", "incidenskvot"], "IRR"),
    "\u05d9\u05d7\u05e1 \u05e1\u05d9\u05db\u05d5\u05e0\u05d9\u05dd": "HR",
    "\u05d9\u05d7\u05e1 \u05e1\u05d9\u05db\u05d5\u05d9\u05d9\u05dd": "OR",
    "\u05e1\u05d9\u05db\u05d5\u05df \u05d9\u05d7\u05e1\u05d9": "RR",
    **dict.fromkeys(["\u52dd\u7b97\u6bd4", "\u6bd4\u503c\u6bd4", "\u4f18\u52bf\u6bd4"], "OR"),
    **dict.fromkeys(["\u98ce\u9669\u6bd4", "\u98a8\u96aa\u6bd4"], "HR"),
    **dict.fromkeys(["\u76f8\u5bf9\u5371\u9669\u5ea6", "\u76f8\u5bf9\u5371\u96aa\u5ea6"], "RR"),
    "\u30aa\u30c3\u30ba\u6bd4": "OR",  # Japanese オッズ比
    "\u30ea\u30b9\u30af\u6bd4": "RR",  # リスク比
    "\u30cf\u30b6\u30fc\u30c9\u6bd4": "HR",  # ハザード比
}
DIFFERENCE_MEASURES = {
    "MD": "mean difference",
    "WMD": "mean difference",
    "SMD": "standardized mean difference",
    "RD": "risk difference",
    "ARD": "risk difference",
    "ARR": "risk difference",
    "ARI": "risk difference",
    "ETD": "difference",  # estimated treatment difference, from a model
}
_GROUP_LABEL = re.compile(
    rf"(?i)\b(?:in|for|to|with|than|versus|vs\.?)\sthe\s(?P<arm>{grammar.ARM_LABEL})\s$"
)
# Literal anchors every match of a pattern contains (see spans.Scanner).
_COMPARATORS = ("=", "<", ">", "\u2264", "\u2265")
_PERCENT_THEN_OF = ("%) of ", "%] of ", "%) out of ", "%] out of ")
# ... "Mittelwertdifferenz", "diferencia", "diferença", "différence", a poster's "diff -0.23"
_DIFFERENCE_WORDS = (
    "difference",
    "absolute risk",
    "differenz",
    "diferen",
    "différence",
    "diff ",
    "skillnad",
    "\u05d4\u05e4\u05e8\u05e9",  # Hebrew "difference"
    "ero oli",  # Finnish "the difference was"
)
_DIFFERENCE_ABBREVIATIONS = ("MD", "RD", "ARR", "ARD", "ARI", "ETD")
_RISK_REDUCTION_ABBREVIATIONS = frozenset({"ARR", "ARD", "ARI"})
_OUTCOME_STOP = frozenset(
    "the a an between groups group arms arm in of for was were is change changes".split()
)
_SPLIT_OF = re.compile(r"(?<![\d.,])(?P<total>\d{1,6})\s[A-Za-z]{2,15}\s?[(\[]\s?$")
# inside a label, prepositions stay ("duration of symptoms")
_INNER_STOP = _OUTCOME_STOP - {"in", "of", "for"}
_FROM_BASELINE = re.compile(r"(?i)\bfrom\sbaseline\b")
_BELOW = re.compile(
    r"(?i)(?:[<>\u2264\u2265]|more\sthan|less\sthan|fewer\sthan|at\sleast|at\smost|over|above"
    r"|below|under|up\sto|exceeding|threshold\sof|cut-?off\sof"
    r"|\b(?:v\u00e4hint\u00e4\u00e4n|yli|alle))\s?$"  # Finnish "at least", "over", "under"
)
# A sentence that states a significance threshold rather than a result.
_THRESHOLD = re.compile(
    r"(?i)considered\s(?:to\sbe\s)?(?:statistically\s)?significan|significance\s(?:level|threshold)"
    r"|level\sof\s(?:statistical\s)?significance|(?:was|were)\sset\sat|\balpha\b"
    r"|defined\sas\s(?:statistically\s)?significan|indicated\s(?:statistical\s)?significance"
    # a stopping boundary of a planned interim analysis: "(nominal P < 0.003)"
    r"|interim\sanalys[ie]s|O'Brien|stopping\s(?:rules?|boundar(?:y|ies))"
    # ... in other languages: Russian "различия считали статистически значимыми при p<0,05",
    # Indonesian "dianggap bermakna", Dutch "als significant beschouwd", Polish "uznano za
    # istotne", Turkish "anlamlı kabul edildi", Spanish and Portuguese "se consideró
    # significativo", French "considéré comme significatif", German "als signifikant gewertet"
    r"|\u0441\u0447\u0438\u0442\u0430\w{0,4}\s(?:\w{1,20}\s){0,2}\u0437\u043d\u0430\u0447\u0438\u043c"
    r"|dianggap\s(?:bermakna|signifikan)|als\s(?:statistisch\s)?significant\s(?:beschouwd|aangemerkt)"
    r"|uznano\sza\s(?:statystycznie\s)?istotn|anlaml[\u0131i]\skabul\sedil"
    r"|consider[\u00f3oa]\w{0,3}\s(?:estad[\u00ed]sticamente\s)?significativ"
    r"|consid\u00e9r\u00e9\w{0,2}\scomme\ssignificati"
    r"|als\s(?:statistisch\s)?signifikant\s(?:gewertet|angesehen|betrachtet)"
)
# Sentences of methods and eligibility, whose percentages are not results.
_METHODS = re.compile(
    r"(?i)\b(?:eligib\w{0,8}|inclusion|exclusion|criteria|considered\sas|defined\sas|power"
    r"|significance\slevel|sample\ssize\s(?:calculation|estimation)|assum\w{0,8}|threshold"
    r"|cut-?off|to\sdetect|clinically\s(?:important|relevant|meaningful)"
    r"|interim\sanalys[ie]s"
    # "Significance was set at 5%", "an alpha of 5%"
    r"|significance\s(?:was\s|is\s)?(?:set|accepted|fixed)|alpha\s(?:level|of|was|=))\b"
    # what an end point is defined as: "The primary endpoint was a 50% reduction in ..."
    r"|\b(?:end[\s\-]?points?|outcomes?)\s(?:was|were|is)\s(?:an?|the)\s(?![^.;]{0,40}\b(?:occurred|was\sobserved))"
)
# What is given in a concentration: "2% lidocaine", "lidocaine 2% with epinephrine".
_CONCENTRATED = (
    r"lidocaine|lignocaine|bupivacaine|ropivacaine|chlorhexidine|povidone|iodine|alcohol"
    r"|isopropyl|hydrogen\speroxide|sucrose|mannitol|bicarbonate|formalin"
)
_NOT_A_RESULT_AFTER = re.compile(
    r"(?i)\s?(?:(?:human\s)?albumin|saline|sodium|NaCl|glucose|dextrose|ethanol|solution|w/v|v/v"
    rf"|CO2|power|{_CONCENTRATED}"
    r"|or\s(?:lower|higher|less|more|greater|above|below)|upvoted|upvotes"
    # a share of a dose: "alteplase 0.9 mg/kg, 10% as bolus and the remainder over 60 minutes",
    # "up-titrated to 100% of the target dose"
    r"|as\s(?:an?\s)?(?:initial\s)?bolus"
    r"|of\s(?:the\s)?(?:total|target|maximum|maximal|recommended|prescribed|planned|full)?\s?dose)\b"
    # a concentration: of a formulation ("0.1% drops", "0.12% chlorhexidine mouthrinse"), a gas
    # ("5% O2") or a fixed combination ("phenylephrine 1%-ketorolac 0.3%")
    r"|\s?(?:[a-z][\w\-]{2,20}\s)?(?:eye\s)?(?:drops|cream|gel|ointment|lotion|foam|spray"
    r"|(?:mouth)?rinse|mouthwash|O2|oxygen)\b|[\u2013\-][a-z]{4,20}\b"
    # an outcome named by its threshold: "50% responder rate", "50% responders: 47.6% vs 29.1%"
    r"|\s?responder\s(?:rate|analysis)\b|\s?responders?\s?:"
)
# "with 20 mL ropivacaine 0.5%", "phenylephrine 1%-ketorolac 0.3%", "lidocaine 2% with
# epinephrine": a drug's concentration.
_CONCENTRATION_BEFORE = re.compile(
    r"(?:\d\s?mL|\d%[\u2013\-][a-z][\w\-]{2,20})\s[a-z][\w\-]{2,20}\s$|\d%[\u2013\-][a-z]{4,20}\s$"
    rf"|(?i:\b(?:{_CONCENTRATED}|saline|dextrose))\s$"
)
# "Patients with HbA1c between 7.0% and 10.5% were enrolled": a range of eligibility, not two
# arms' results (a difference between two percentages is).
_RANGE_BEFORE = re.compile(
    r"(?i)(?<!difference\s)(?<!differences\s)\bbetween\s(?:\d[\d.,]{0,8}\s?%\s(?:and|to)\s)?$"
)
# A Bayesian analysis's probability printed in percent ("posterior probability of superiority
# 96.2%", "probability of benefit was 97%"): of a hypothesis, not a share of people.
_PROBABILITY_BEFORE = re.compile(r"(?i)\bprobabilit(?:y|ies)\b[^.;%()\d]{0,40}$")
# "48 patients (1.9% per year)": a percentage per unit of time is a rate (events per 100
# person-years), no share of an arm's people.
_PER_YEAR_AFTER = re.compile(
    r"\s?(?:per\s(?:year|annum|patient-year|person-year)|/\s?(?:year|yr)|a\syear)\b"
)
PERCENT_PER_YEAR = "% per year"
_OR_LOWER = re.compile(r"\s?or\s(?:lower|higher|less|more|greater|above|below)")
_CI_LEVELS = frozenset({80.0, 90.0, 95.0, 97.5, 99.0})
_CI_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:IC|CI|KI|I\u00ce)|\u05e8\u05d5\u05d5\u05d7\s\u05e1\u05de\u05da"
    # a registry's "Confidence Interval (2-Sided) 95%"
    r"|(?i:confidence\sinterval\s\((?:[12]|one|two)-sided\)"
    r"|confidence\sinterval\slevel|intervalle\sde\sconfiance"
    r"|intervall[oe]\sdi\sconfidenza))\s?(?:\u00e0|al|del|de|di|:)?\s?$"
)
_CI_WORD_AFTER = re.compile(
    r"(?::n)?[\s-]?(?:CI|C\.I\.|CrI|KI|IC\b|I\u00ce|LV\b|(?i:confidence|credible|konfidens|luottamus))"
)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|months|year|years|phase|version|step|stage|cycle"
    r"|dose|part|page|slide|table|figure|fig\.|item|question|chapter|grade|level|visit|lines?"
    r"|per)\s$"  # "3.4 per 100 patients": a rate's base
)
# "3 of the 4 secondary outcomes", "4 of 6 trials": what was counted is no patient.
_NOT_PEOPLE_AFTER = re.compile(
    r"(?i)\s(?:[a-z][\w\-]{1,20}\s)?(?:outcomes?|end-?points?|domains?|items|studies|trials"
    r"|criteria|subscales?|measures|comparisons|analyses|variables|questions|parameters)\b"
)
_BRACKET_CONTEXT = re.compile(
    r"(?i)\b(?:table|figure|fig\.|supplementary|appendix|refs?\.?|references?|studies|trials"
    r"|study|trial|version|eq\.?|equation)\s?$"
)
# ... and French, Spanish, Italian and German "médiane", "mediana", "moyenne", "Mittelwert"
# ... not of a difference between arms ("median difference -7.8%, 95% CI ...")
_MEAN_OR_MEDIAN = re.compile(
    r"(?i)\b(?P<word>median|mean|average|m[e\u00e9]diane|mediana|moyenne|mittelwert)\b"
    r"(?!\s(?:[\w\-]{1,20}\s)?differences?\b)"
)
_FOREIGN_LABELS = {
    **dict.fromkeys(["mediane", "m\u00e9diane", "mediana"], "median"),
    **dict.fromkeys(["moyenne", "mittelwert"], "mean"),
}


def _label_word(m: re.Match) -> str:
    """The summary a match of _MEAN_OR_MEDIAN names: median, mean or average."""
    word = m.group("word").lower()
    return _FOREIGN_LABELS.get(word, word)


# A percentage with its CI, before a percentage with a bare interval in the sentence.
_PERCENT_WITH_CI = re.compile(r"%\s?[(\[]\s?\d{2}(?:\.\d{1,2})?\s?%\s?(?:CI|confidence)")
# The first number after a summary's label, and whether it is in percent.
_FIRST_VALUE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?P<percent>\s?%)?")


def _label_of_another_unit(norm: str, label_end: int, start: int, fields: dict) -> bool:
    """Whether the median or mean label before a percentage with its CI already has a value
    of its own not in percent ("At a median follow-up of 36.2 months (IQR 30.1-42.5), 3-year
    disease-free survival was 78.2% (95% CI 74.1-81.8)": the survival is no median)."""
    if fields.get("unit") != "%":
        return False
    first = _FIRST_VALUE.search(norm, label_end, start)
    return first is not None and not first.group("percent")


_SE_NEAR = re.compile(r"(?i)\b(?:SEM?|standard\serror)\b")
# How far after a mean ± spread, within its sentence, a legend saying SE is looked for.
_LEGEND_REACH = 160
_HEART_RATE_UNIT = re.compile(r"(?i)\s?(?:bpm|beats|breaths|/\s?min|per\smin|mm\s?Hg|times)")
_PEOPLE_AFTER = re.compile(rf"(?i)\s{grammar._PEOPLE}\b")


def _measure(match: re.Match) -> str:
    """Return the ratio measure (OR, RR, HR, IRR) a RATIO match names."""
    return _measure_named(match.group("abbr2") or match.group("abbr") or match.group("name"))


def _measure_named(name: str | None) -> str:
    """Return the ratio measure (OR, RR, HR, IRR) of a ratio's name or abbreviation."""
    raw = (name or "").lower()
    raw = re.sub(r"\s{1,100}", " ", raw)
    raw = re.sub(
        r"^(?:(?:adjusted|unadjusted|crude|pooled|summary|overall|subdistribution|cause-specific)"
        r"\s){1,3}",
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
    if raw.startswith("geometric mean"):
        return GEOMETRIC_MEAN_RATIO
    return RATIO_MEASURES.get(raw, raw.upper())


def _ci_fields(match: re.Match) -> dict[str, Any]:
    """Return the CI limits and level of a match with a CI_BODY or CI_BARE, or {}."""
    groups = match.groupdict()
    if groups.get("lo"):
        level = groups.get("level") or groups.get("level2")
        return {
            "ci_low_text": groups["lo"],
            "ci_high_text": groups["hi"],
            "ci_level": float(level) / 100 if level else None,
        }
    if groups.get("bare_lo"):
        level = groups.get("heading_level")  # "HR (90% CI) 0.62 (0.45 to 0.85)"
        return {
            "ci_low_text": groups["bare_lo"],
            "ci_high_text": groups["bare_hi"],
            "ci_level": float(level) / 100 if level else None,
        }
    if groups.get("comma_lo"):
        # a bare pair after a comma is an interval only if it holds the estimate
        low, high, estimate = (value_of(groups[g]) for g in ("comma_lo", "comma_hi", "est"))
        if None not in (low, high, estimate) and low <= estimate <= high:
            return {"ci_low_text": groups["comma_lo"], "ci_high_text": groups["comma_hi"]}
    return {}


_TIME_PREPOSITION = re.compile(r"(?i)(?:at|after|by|over|in)\s")
_TIME_PREPOSITION_INSIDE = re.compile(r"(?i)\s(?:at|after|by|over|in)\s")


def _outcome_words(text: str | None) -> str:
    """Return what a measure's label says it measures ("for death" -> 'death', "in the SGRQ
    score" -> 'SGRQ score'), without articles and group words; '' when it names nothing."""
    if not text:
        return ""
    # "change from baseline in HbA1c" measures HbA1c; "change from baseline" alone, the change
    measured = _FROM_BASELINE.sub("", text)
    words = measured.split()
    # stop words at the ends go ("in the SGRQ score"), those inside stay ("duration of symptoms")
    while words and words[0].lower() in _OUTCOME_STOP:
        words.pop(0)
    while words and words[-1].lower() in _OUTCOME_STOP:
        words.pop()
    words = [w for w in words if w.lower() not in _INNER_STOP]
    label = " ".join(words).strip(" ,;:()")
    if not words and measured != text:
        label = "change from baseline"
    when = _TIME_PREPOSITION.match(label)
    if when and context.TIMEPOINT.fullmatch(label, when.end()):
        return ""  # "difference in change at 8 weeks": when, not what
    # "6-minute walk distance at week 12": what, then when
    for later in _TIME_PREPOSITION_INSIDE.finditer(label):
        if context.TIMEPOINT.fullmatch(label, later.end()):
            label = label[: later.start()]
            break
    # a word of one or two small letters names nothing (German "im Median um 48 m")
    if context.is_control(label) or re.fullmatch(r"[a-z]{1,2}", label):
        return ""
    return label if re.search(r"[A-Za-z]{2}", label) else ""


# No bracket after the value, unless it holds the difference between the two or a p ("-0.9%
# vs -0.3% (difference, -0.6 percentage points [...]", "(P = .02)"): the unit stays with it.
_BARE_NEXT = re.compile(
    rf"\s(?:vs\.?|versus)\s(?P<center>{grammar.SIGNED})(?!\d)(?!\.\d)(?P<unit>{grammar.UNIT})?"
    rf"(?![\w(\[/])(?!\s?[(\[](?!{grammar.DIFFERENCE_OPENING}|(?i:p\s?[=<>\u2264])))",
    re.VERBOSE,
)
# Bracketed words after a number that say what it is, not whose it is.
_NOT_AN_ARM = re.compile(
    r"(?i)(?:IQR|range|SD|SE|SEM|CI|n|N|mean|median|min|max|years?|months?|weeks?|days?|hours?"
    r"|points?|percent|ref(?:erence)?|NS|ns)$"
)
# Words before a bracketed value that make it an estimate between arms, not a summary of one.
_EFFECT_BEFORE = re.compile(
    r"(?i)\b(?:differences?|differed(?:\sby)?|(?:treatment|intervention)\seffect|between[-\s]group"
    r"|effect\ssize)\b[^.;\d]{0,30}$|\b(?:reduced|lowered|decreased|increased|raised|improved"
    # ... what changed may hold a digit after a letter: "reduced HbA1c by 0.5 percentage points"
    r"|shortened|lengthened|prolonged|fell|rose|changed)\b(?:[^.;\d]|(?<=[A-Za-z])\d){0,50}\sby\s$"
    # ... and the next of a list of such effects: "(95% CI 0.2 to 0.8; P = 0.001) and body
    # weight by 2.1 kg (95% CI 0.9 to 3.3)"
    r"|\)\s(?:and\s)?(?:[^.;\d()]|(?<=[A-Za-z])\d){1,30}\sby\s$"
)
# "FEV1 changed by -183.4 mL (95% CI ...) in the MSC group and by -38.4 mL (95% CI ...) in the
# placebo group": one arm's own change and its interval, beside another arm's, is a mean of that
# arm whose summary type is not stated, no difference between arms and no median; but "the
# treatment effect was -4.2 (95% CI ...) in the low-dose group and -1.1 (...) in the high-dose
# group" gives each arm's difference from a common comparator.
_ARM_AFTER = (
    r"\s(?:in|with|among)\s[^,.;:()\[\]\d]{1,40}?,?\s(?:and|but|versus|vs\.?|compared\swith)\s"
)
# the first arm's value: its arm, then the other arm's value
_ANOTHER_ARMS_VALUE_AFTER = re.compile(rf"(?i){_ARM_AFTER}(?:by\s)?[-\u2212+]?\d")
# the second arm's value: the first's bracket and arm before it, its own arm after it
_ANOTHER_ARMS_VALUE_BEFORE = re.compile(rf"(?i)[)\]]{_ARM_AFTER}(?:by\s)?$")
_ITS_ARM_AFTER = re.compile(r"(?i)\s(?:in|with|among)\s")
_DIFFERENCE_NAMED = re.compile(r"(?i)\bdiffer|\beffect\b|\bbetween[-\s]group")


# What makes a bare interval after a percentage its CI: an efficacy, or a column of CIs.
_EFFICACY = re.compile(r"(?i)\b(?:efficacy|effectiveness|VE)\b|[\[(]\s?95\s?%\s?CI\s?[\])]")


def _beside_another_arms(norm: str, sents: context.Sentences, m: re.Match) -> str:
    """Return what a bracketed interval's value is when it is one arm's, printed beside another
    arm's value (its arm named right after the bracket): "difference" (against a common
    comparator) in a sentence that names a difference or an effect, else "mean"; or ''."""
    if _ITS_ARM_AFTER.match(norm, m.end()) is None:
        return ""
    if not (
        _ANOTHER_ARMS_VALUE_AFTER.match(norm, m.end())
        or _ANOTHER_ARMS_VALUE_BEFORE.search(_before(norm, m.start(), 80))
    ):
        return ""
    named = _DIFFERENCE_NAMED.search(norm, sents.of(m.start())[0], m.start())
    return "difference" if named else "mean"


# "The absolute risk reduction for death was 5.0 percentage points (95% CI ...)": a risk
# difference whose name the outcome keeps apart from its value (a relative risk reduction is
# 1 - RR, no difference).
_RISK_DIFFERENCE_BEFORE = re.compile(
    r"(?i)\b(?<!relative\s)(?:absolute\s)?risk\s(?:reduction|difference|increase)\b"
    r"[^.;\d]{0,60}$"
)
# "Compared with placebo, the odds of an acute respiratory infection were 0.85 (95% CI
# 0.62-1.16) with low-dose and 0.71 (95% CI 0.51-0.98) with high-dose supplementation": an
# odds or hazard named apart from its value is a ratio, as is the next value of its list.
_ODDS_OR_HAZARD_OF = re.compile(
    r"(?i)\bthe\s(?P<what>odds|hazard)\sof\s[^.;:()\d]{1,60}?\s(?:was|were)\s(?:about\s)?$"
)
_LEVEL_PERCENT = re.compile(r"(\d{2})\s?%")
_NEXT_OF_THE_LIST = re.compile(r"\s(?:with|for|in|among)\s[^.;:()\d]{1,40}?,?\sand\s$")


def _ratio_named_apart(
    norm: str, m: re.Match, fields: dict[str, Any], kind: str, found: list[Candidate]
) -> Candidate | None:
    """Return a bare value and its CI as the odds or hazard ratio named apart before it (see
    _ODDS_OR_HAZARD_OF), or as the next of that ratio's list; else None."""
    if kind != "ci" or fields["unit"]:
        return None
    named = _ODDS_OR_HAZARD_OF.search(_before(norm, m.start(), 90))
    if named:
        measure = "OR" if named.group("what").lower() == "odds" else "HR"
    else:
        last = found[-1] if found else None
        if not (
            last is not None
            and last.kind == "ratio"
            and _NEXT_OF_THE_LIST.fullmatch(norm, last.end, m.start())
            and _ODDS_OR_HAZARD_OF.search(_before(norm, last.start, 90))
        ):
            return None
        measure = last.fields["measure"]
    level = _LEVEL_PERCENT.search(norm, m.start("open"), m.start("q1"))
    return Candidate(
        "ratio",
        m.start(),
        m.end(),
        {
            "measure": measure,
            "outcome": "",
            "value_text": fields["value_text"],
            "ci_low_text": m.group("q1"),
            "ci_high_text": m.group("q3"),
            "ci_level": float(level.group(1)) / 100 if level else None,
        },
    )


# "The relative risk reduction for death was 0.25 (95% CI 0.10 to 0.38)": 1 - RR and its CI,
# no summary of one arm's values (a relative reduction in percent is read as efficacy).
_RELATIVE_REDUCTION_BEFORE = re.compile(
    r"(?i)\brelative\s(?:risk\s)?(?:reduction|increase)\b[^.;\d]{0,60}$"
)
# A number needed to treat named among further estimates of a ratio or difference.
_NEEDED_WORD = re.compile(rf"\b(?:{grammar.NNT_ABBREVIATIONS}|(?i:needed))\b")
# A ratio named before a further estimate is its own, of its own measure: "risk ratio 0.82,
# 0.69 to 0.97; hazard ratio 0.60, 0.40 to 0.90".
_RATIO_NAMED = re.compile(r"(?i:\bratio\b)|\b(?:HR|OR|RR|IRR)\b")
_NUMBER_NEEDED = re.compile(
    rf"(?i)\b(?:{grammar.NNT_ABBREVIATIONS}|number\sneeded\sto\s(?:treat|harm|vaccinate|screen))\b[^\d]{{0,12}}$"
)


def _before(norm: str, start: int, width: int = 40) -> str:
    """Return the ``width`` characters of ``norm`` before ``start``."""
    return norm[max(0, start - width) : start]


# "[(68.4±12.7) min vs (59.1±11.3) min, t=3.46]": two values compared in the bracket.
_TWO_VALUES_BEFORE = re.compile(
    r"\d[^()\[\]]{0,30}\)?(?:\s[A-Za-z%/]{1,10})?\s(?:vs\.?|versus)\s\(?[-\u2212]?\d"
)


def _tests(norm: str, scan: Scanner) -> list[Candidate]:
    """Return APA-style test statistics ("t(28) = 2.20"), without their p-values."""
    found = []
    for m in scan.finditer(grammar.TEST, _COMPARATORS, 30, 30):
        if m.group("closing_t") and not _TWO_VALUES_BEFORE.search(_before(norm, m.start(), 80)):
            continue  # "Serum levels (t = 2.5)": a t alone is a test only after two arms' values
        test = m.group("test")
        chi_list = m.group("list_t") and m.group("list_t") != "t"
        if (
            m.group("chi")
            or m.group("bare_chi")
            or m.group("greek_chi")
            or m.group("chi_df_after")
            or chi_list
        ):
            letter = "chi2"
        elif m.group("h_df"):
            letter = "H"
        else:
            letter = {"Z": "z"}.get(test[0], test[0])
        df1 = next(
            (
                m.group(g)
                for g in ("t_df", "f_df1", "fs_df1", "chi_df", "r_df", "q_df", "h_df")
                if m.group(g)
            ),
            None,
        )
        end = m.end()
        if m.group("r_with_n"):
            if _RANK_CORRELATION.search(_before(norm, m.start())):
                continue  # Spearman's p is not the t test of r
            size = _SIZE_AFTER.match(norm, end)
            n = int(size.group("n").replace(",", ""))
            if n < 3:
                continue
            df1 = str(n - 2)
            end = size.end() if size.group("p") is None else end  # the n beside r, not past p
        df_after = _DF_AFTER.match(norm, end) if letter in {"chi2", "t"} and not df1 else None
        if df_after:  # "chi-square = 6.12, df = 1", "chi2 = 4.2 (df = 1)", "χ2 = 4.2 (1 df)"
            df1 = next(df_after.group(g) for g in ("df", "df_in", "df_first") if df_after.group(g))
            end = df_after.end()
        found.append(
            Candidate(
                "test",
                m.start(),
                end,
                {
                    "test_type": letter,
                    "df1": float(df1) if df1 else None,
                    "df2": next(
                        (float(m.group(g)) for g in ("f_df2", "fs_df2") if m.group(g)), None
                    ),
                    "value_text": m.group("stat"),
                    "comparator": m.group("cmp"),
                },
            )
        )
        if m.group("list_t"):  # "t=3.517, 2.914; all P<0.05": each value a test of its own
            for item in chained(grammar.TEST_LIST_NEXT, norm, end, 5):
                fields = {"test_type": letter, "df1": None, "df2": None}
                fields |= {"value_text": item.group("stat"), "comparator": "="}
                found.append(Candidate("test", item.start("stat"), item.end("stat"), fields))
    return found


# The sample size after a correlation's value (TEST's r_with_n), or after its p: ", n = 120".
_SIZE_AFTER = re.compile(
    r"\s?[,;(]\s?(?P<p>[Pp]\s?[=<>\u2264\u2265]\s?\.?\d[\d.]{0,7}\s?[,;]\s?)?[Nn]\s?=\s?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,7})(?![\d.])"
)
_RANK_CORRELATION = re.compile(r"(?i)spearman|kendall|\brho\b|\u03c1|\btau\b|\brank")


# Degrees of freedom printed after a chi-square or t: "chi-square = 6.12, df = 1".
_DF_AFTER = re.compile(
    r"[,;]?\s?(?i:df|d\.f\.)\s?[=:]?\s?(?P<df>\d{1,5})(?![\d.])"
    r"|\s?\(\s?(?:(?i:df|d\.f\.)\s?[=:]?\s?(?P<df_in>\d{1,5})|(?P<df_first>\d{1,5})\s?(?i:df|d\.f\.))"
    r"\s?\)"
)


# How many further estimates of one measure a list may hold ("... at day 28 and ... at day 90").
_FURTHER_ESTIMATES = 8


def _ratios(norm: str, scan: Scanner) -> list[Candidate]:
    """Return ratio estimates with their CIs, and further estimates of one measure."""
    found = []
    anchors = ("ratio", "relati", "cotes", "momios", "probabilidades", "chances", "risiko", "verh")
    anchors += ("kvot", "suhde", "risc")  # Swedish, Finnish, Romanian names
    anchors += ("\u05d9\u05d7\u05e1", "\u05e1\u05d9\u05db\u05d5\u05df")  # Hebrew "ratio", "risk"
    anchors += ("\u6bd4", "\u5371")  # 比 (ratio), 危 (risk) in Chinese names
    case = ("OR", "RR", "HR", "GMR", "GMTR", "GMCR")
    for m in scan.finditer(grammar.RATIO, anchors, 40, 260, case=case):
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
        named = {"measure": measure, "outcome": _outcome_words(m.group("qual"))}
        fields = {**named, "value_text": m.group("est"), **_ci_fields(m)}
        found.append(Candidate("ratio", m.start(), m.end(), fields))
        if not m.group("ci"):
            continue
        for nxt in chained(grammar.RATIO_NEXT, norm, m.end(), _FURTHER_ESTIMATES):
            if _NEEDED_WORD.search(norm, nxt.start(), nxt.start("est")) or _RATIO_NAMED.search(
                norm, nxt.start(), nxt.start("est")
            ):
                break  # "RR 0.50 (...); NNT 5, 95% CI 3 to 40": another measure
            interval = _ci_fields(nxt)
            if not interval:
                break  # a pair after a comma that does not hold the estimate is no interval
            further = {**named, "value_text": nxt.group("est"), **interval}
            found.append(Candidate("ratio", nxt.start("est"), nxt.end(), further))
    return found


def _numbers_needed(norm: str, scan: Scanner) -> list[Candidate]:
    """Return numbers needed to treat (measure NNT) or harm (NNH) with their CIs."""
    found = []
    for m in scan.finditer(grammar.NUMBER_NEEDED, ("needed", "NNT", "NNH", "NNV"), 40, 160):
        abbr = (m.group("abbr") or "").upper()
        harm = abbr in {"NNH", "NNTH"} or (m.group("verb") or "").lower() == "harm"
        fields = {
            "measure": "NNH" if harm else "NNT",
            "value_text": m.group("est"),
            "outcome": _outcome_words(m.group("qual") or m.group("qual2")),
        }
        found.append(Candidate("nnt", m.start(), m.end(), fields | _ci_fields(m)))
    return found


# "person years" is spelled "person-years" in the unit; "patient per year" keeps its spaces.
_PERSON_TIME_SPACE = re.compile(r"(?<!per)\s(?=(?i:years?|yrs?|months?|weeks?|days?)\b)")
_TIME_TAIL = re.compile(r"(?i)\s(?:at\srisk|of\sfollow-up)$")
_PLURAL_TIME = re.compile(r"(?i)(year|yr|month|week|day|PY)s\b")


def _person_time_unit(text: str, multiplier: str = "", singular: bool = False) -> str:
    """Return the unit a rate is in: "1,000 person years of follow-up" -> "per 1000
    person-years"; a rate of events over person-time is per one unit ("per person-year")."""
    unit = _TIME_TAIL.sub("", _PERSON_TIME_SPACE.sub("-", text))
    unit = _PLURAL_TIME.sub(r"\1", unit) if singular else unit
    unit = unit if unit.isupper() else unit.lower()
    return f"per {multiplier + ' ' if multiplier else ''}{unit}"


def _rates(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return event rates per person-time ("0.85 per patient-year"), with the rate printed
    before or after one of them without its unit ("1.2 vs 1.8 episodes per child-year",
    "0.85 per patient-year with drug and 1.21 with placebo")."""
    found = []
    anchors = ("per ", "/100", "/1000", "/1,000", "/ 100", "/ 1000")
    for m in scan.finditer(grammar.RATE, anchors, 60, 60):
        multiplier = (m.group("mult") or "").replace(",", "").strip()
        found += _rate_and_its_pair(norm, sents, m, _person_time_unit(m.group("time"), multiplier))
    for m in scan.finditer(grammar.RATE_PER_YEAR, ("per year", "/year", "per yr"), 60, 10):
        found += _rate_and_its_pair(norm, sents, m, PER_YEAR)
    for m in scan.finditer(grammar.ANNUALIZED_RATE, ("annuali",), 0, 120):
        if re.search(r"(?i)\brates?\b", m.group("what")):
            found += _rate_and_its_pair(norm, sents, m, PER_YEAR, m.start("est"))
    return found


# "1.8 episodes per child-year" says what is counted no more than the sentence does.
_ONLY_EVENTS = re.compile(r"(?i)episodes?|events?|cases?")
PER_YEAR = "per year"  # an annualized rate, or events per year


def _rate_and_its_pair(
    norm: str, sents: context.Sentences, m: re.Match, unit: str, start: int | None = None
) -> list[Candidate]:
    """Return the rate of a match (from ``start``, else the match's start, to its end) and the
    rate printed before or after it without its unit, each with the arm named near it."""
    start = m.start() if start is None else start
    sentence = sents.of(start)
    # the rate with its unit spans the unit; one printed without it, only its number
    spans = [(start, m.end(), m.group("est"))]
    before = grammar.RATE_BEFORE.search(norm, max(sentence[0], start - 30), start)
    after = None if before else grammar.RATE_AFTER.match(norm, m.end())
    for other in (before, after):
        if other and other.end() <= sentence[1]:
            spans.append((*other.span("est"), other.group("est")))
    # "1.2 vs 1.8 exacerbations per year": both rates count the events the unit follows
    events = m.groupdict().get("events")
    outcome = _outcome_words(events) if events and not _ONLY_EVENTS.fullmatch(events) else ""
    found = []
    for begin, end, value_text in spans:
        arm = context.arm_near(norm, begin, end, sentence)
        fields = {"value_text": value_text, "unit": unit, "arm": arm, "outcome": outcome}
        found.append(Candidate("rate", begin, end, fields))
    return found


_FEWER = frozenset({"fewer", "less", "lower"})
# A label that names the table, not an outcome: "Anticipated absolute effects: 314 per 1000 ...".
_NOT_AN_OUTCOME_LABEL = re.compile(r"(?i)absolute|effects?$|risk|certainty|summary|findings")


def _row_outcome(norm: str, line: tuple[int, int]) -> str:
    """Return the outcome a summary of findings' row label names ("Delirium: RR 0.68 ..."), or
    '' when the label names the table ("Anticipated absolute effects: ...")."""
    label = grammar.ROW_LABEL.match(norm, *line)
    return "" if not label or _NOT_AN_OUTCOME_LABEL.search(label["label"]) else label["label"]


def _signed(number: str, direction: str) -> str:
    """Return "71" of "71 fewer" as "-71": GRADE states a difference's sign in words."""
    return f"-{number}" if direction.lower() in _FEWER and number.strip("0") else number


def _absolute_effects(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return a summary of findings' absolute effects per 1000 (GRADE handbook 5.2): the risk
    with the comparator and with the intervention, read as means (an arm's rate), and their
    difference, signed by "more" or "fewer". Risks are read only on lines that hold such a
    difference or name absolute effects; a risk whose arm is not named takes the arms of the
    last line that named them, in the table's order (comparator first)."""
    found: list[Candidate] = []
    lines: set[tuple[int, int]] = set()
    for m in scan.finditer(grammar.ABSOLUTE_DIFFERENCE, ("per 1",), 20, 80):
        line = line_bounds(norm, m.start())
        lines.add(line)
        fields = {"measure": "risk difference", "unit": absolute_effects.UNIT}
        fields["value_text"] = _signed(m.group("est"), m.group("dir"))
        if m.group("lo"):
            fields["ci_low_text"] = _signed(m.group("lo"), m.group("lo_dir"))
            fields["ci_high_text"] = _signed(m.group("hi"), m.group("hi_dir"))
        fields["outcome"] = _outcome_words(_row_outcome(norm, line))
        found.append(Candidate("difference", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.GRADE_MEAN_DIFFERENCE, (" higher (", " lower ("), 20, 60):
        measure = "standardized mean difference" if m["abbr"] == "SMD" else "mean difference"
        fields = {"measure": measure, "value_text": _signed(m["est"], m["dir"]), "unit": ""}
        fields |= {"ci_low_text": _signed(m["lo"], m["lo_dir"])}
        fields |= {"ci_high_text": _signed(m["hi"], m["hi_dir"])}
        fields["outcome"] = _outcome_words(_row_outcome(norm, line_bounds(norm, m.start())))
        found.append(Candidate("difference", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.ABSOLUTE_EFFECTS_CUE, ("absolute", "risk with"), 0):
        lines.add(line_bounds(norm, m.start()))
    named: tuple[str, str] = ("", "")  # (comparator, intervention) of the last line naming both
    for line in sorted(lines):
        risks = list(grammar.ABSOLUTE_RISK.finditer(norm, *line))
        arms = [
            context.clean_arm(m["arm"])
            if m["arm"]
            else context.arm_near(norm, m.start(), m.end(), sents.of(m.start()))
            for m in risks
        ]
        outcome = _outcome_words(_row_outcome(norm, line))
        if len(risks) == 2 and all(arms):
            named = (arms[0], arms[1])
        elif len(risks) == 2 and all(named):
            arms = list(named)
        for m, arm in zip(risks, arms, strict=True):
            fields = {"value_text": m.group("est"), "unit": absolute_effects.UNIT, "arm": arm}
            fields["outcome"] = outcome
            if m.group("lo"):
                fields |= {"ci_low_text": m.group("lo"), "ci_high_text": m.group("hi")}
            found.append(Candidate("mean", m.start(), m.end(), fields))
        if len(risks) == 2 and all(arms):
            for cand in found:
                if cand.kind == "difference" and line[0] <= cand.start < line[1]:
                    cand.fields["arm"] = f"{arms[1]} vs {arms[0]}"
    return found


_RATE_EVENT_ANCHORS = (
    "person-",
    "person ",
    "patient-",
    "patient year",
    "participant-",
    "child-",
    "subject-",
    "woman-",
    "women-",
    "infant-",
)
_PER_MULTIPLIER = re.compile(r"(?:100|1,?000|10,?000|100,?000)")


def _rate_events(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return an arm's events over its person-time ("35 events in 1,200 person-years",
    "35/1,200 person-years"): a rate per unit of person-time, from the two numbers."""
    found = []
    for m in scan.finditer(grammar.RATE_EVENTS, _RATE_EVENT_ANCHORS, 100, 40, case=("PY",)):
        time_text = m.group("time")
        slash = "/" in norm[m.end("events") : m.start("time")]
        if slash and _PER_MULTIPLIER.fullmatch(time_text):
            continue  # "12/100 PY" is 12 per 100 person-years, read as a rate
        time = value_of(time_text)
        if not time:
            continue
        fields = {
            "numerator": int(m.group("events").replace(",", "")),
            "person_time": time,
            "unit": _person_time_unit(m.group("unit"), singular=True),
            "arm": context.arm_near(norm, m.start(), m.end(), sents.of(m.start())),
        }
        found.append(Candidate("rate", m.start(), m.end(), fields))
    return found


# "There was no difference in mortality: 12/100 (12%) ...": what follows the name of a
# difference without a CI is an arm's value when it is a count or the name is negated.
_AN_ARM_VALUE_AFTER = re.compile(r"\s?/\s?\d")
_NO_BEFORE = re.compile(r"(?i)\bno\s(?:[a-z]{1,15}\s){0,3}$")


# a value printed after "P =" is the p-value of what is named before it
_P_BEFORE = re.compile(r"(?<![A-Za-z])[Pp](?:[\s\-]?(?i:values?))?\s?[=<>\u2264\u2265]\s?$")


# "The mean change in body weight was −14.9% with semaglutide and −2.4% with placebo (estimated
# treatment difference, −12.4 percentage points": a difference of mean percentages, not of risks;
# also with the spread named between ("The mean (SD) change in HbA1c was −1.6% (0.9) ...").
_MEAN_CHANGE = re.compile(
    r"(?i)\b(?:mean|average)\s(?:[(\[](?:\u00b1\s?)?(?:SD|SE|SEM|standard\serror)[)\]]\s)?"
    r"(?:(?:percent(?:age)?|relative)\s)?"
    r"(?:change|reduction|decrease|increase|loss|gain)\b"
)


# "The between-group difference in change was -0.8 percentage points" (HbA1c, in %): the
# difference names a change or a mean, so it is of means, not of risks
_MEAN_QUALIFIER = re.compile(r"(?i)(?:the\s)?(?:mean|average|changes?)\b")


# A verb of change, then "by" in its clause: what comes before the amount of a change.
_CHANGED_BY_WORDS = rf"{grammar.CHANGE_VERB}\b[^;:]{{0,80}}\sby"
# "HbA1c fell by 2.37% with tirzepatide and by 1.09% with insulin glargine (difference, -1.28
# percentage points": the amount a measurement changed by, in each arm.
_CHANGED_BY_AMOUNT = re.compile(rf"{_CHANGED_BY_WORDS}\s[-\u2212+]?\d")
# ... unless what changed is a share of people or a risk ("mortality fell by 5.7%"), whose
# difference in percentage points is a risk difference.
_SHARE_OR_RISK = re.compile(
    r"(?i)\b(?:risks?|mortality|deaths?|died|incidence|rates?|proportions?|odds|events?"
    r"|(?:percentage|share|number)\sof)\b"
)


def _of_mean_changes(norm: str, start: int) -> bool:
    """Whether the sentence before ``start`` (at most 250 characters) names a mean change, or
    says by how much a measurement changed (not a share of people or a risk)."""
    window = max(0, start - 250)
    window = max(window, norm.rfind(". ", window, start) + 1)
    if _MEAN_CHANGE.search(norm, window, start) is not None:
        return True
    if _A_MEAN_CHANGED.search(norm, window, start) is not None:
        return True  # "Mean (SD) HbA1c decreased from 8.6 (0.9)% to 7.1 (0.8)%"
    changed = _CHANGED_BY_AMOUNT.search(norm, window, start)
    return changed is not None and _SHARE_OR_RISK.search(norm, window, start) is None


# A mean said to have changed: "Mean (SD) HbA1c decreased from 8.6 (0.9)% to 7.1 (0.8)%".
_A_MEAN_CHANGED = re.compile(
    rf"(?i)\b(?:mean|average)\s(?:\((?:SD|SE|SEM)\)\s)?(?:[\w\-]{{1,25}}\s){{1,4}}?{grammar.CHANGE_VERB}\b"
)


# The estimator a standardized difference names, as a statistics row's method flag.
_STANDARDIZED_ESTIMATORS = {"cohen": "Cohen d", "hedges": "Hedges g", "glass": "Glass delta"}
_STANDARDIZED_ANCHORS = ("cohen", "hedges", "glass", "d =", "d=", "g =", "g=")


def _estimator(m: re.Match) -> str:
    """The estimator a match of grammar._SMD_ESTIMATOR names, or ""."""
    return next((name for group, name in _STANDARDIZED_ESTIMATORS.items() if m[group]), "")


def _standardized_differences(norm: str, scan: Scanner) -> list[Candidate]:
    """Return standardized mean differences named by their estimator (Cohen's d, Hedges' g,
    Glass's delta) or printed as APA's d or g, with their CIs."""
    found = []
    for m in scan.finditer(grammar.STANDARDIZED_DIFFERENCE, _STANDARDIZED_ANCHORS, 0, 80):
        named = _estimator(m) or ("Cohen d" if (m["apa"] or m["apa_open"]) == "d" else "Hedges g")
        fields = {
            "measure": "standardized mean difference",
            "value_text": m["est"],
            "unit": "",
            "method": named,
        }
        found.append(Candidate("difference", m.start(), m.end(), fields | _ci_fields(m)))
    return found


_ETA_ANCHORS = ("\u03b7", "eta squared", "eta-squared", "eta\u00b2", "eta2", "eta^2")


def _eta_squared(norm: str, scan: Scanner) -> list[Candidate]:
    """Return eta squared and partial eta squared ("F(1, 124) = 27.8, p < .001, ηp² = .18")."""
    found = []
    for m in scan.finditer(grammar.ETA_SQUARED, _ETA_ANCHORS, 8, 30):
        partial = m["partial"] or m["p_before"] or m["p_after"] or m["p_eta"]
        measure = "partial eta squared" if partial else "eta squared"
        fields = {"value_text": m["est"], "measure": measure, "unit": ""}
        found.append(Candidate("effect_size", m.start(), m.end(), fields))
    return found


_OMEGA_OR_F_ANCHORS = ("\u03c9", "omega", "cohen's f", "cohens f", "cohen f")


def _omega_squared_or_f(norm: str, scan: Scanner) -> list[Candidate]:
    """Return omega squared and Cohen's f of an F test ("F(2, 87) = 13.05, ω² = .21")."""
    found = []
    for m in scan.finditer(grammar.OMEGA_SQUARED_OR_F, _OMEGA_OR_F_ANCHORS, 8, 30):
        if m["cohen"]:
            measure = "Cohen's f squared" if m["f_squared"] else "Cohen's f"
        else:
            partial = m["partial"] or m["p_before"] or m["p_after"] or m["p_omega"]
            measure = "partial omega squared" if partial else "omega squared"
        fields = {"value_text": m["est"], "measure": measure, "unit": ""}
        found.append(Candidate("effect_size", m.start(), m.end(), fields))
    return found


_R_SQUARED_ANCHORS = ("R\u00b2", "R2", "R ^2", "R^2", "R \u00b2", "R squared", "R-squared")
# what makes an R squared another than a least-squares model's: "pseudo R²", "Nagelkerke R²",
# "marginal R²", "R² change"
_OTHER_R_SQUARED = re.compile(
    r"(?i)(?:pseudo|nagelkerke|cox|snell|mcfadden|tjur|marginal|conditional|bayes(?:ian)?)"
    r"[\s\-]*(?:adjusted\s)?$"
)


def _r_squared(norm: str, scan: Scanner) -> list[Candidate]:
    """Return a regression's R squared or adjusted R squared ("R² = .18, F(3, 116) = 8.47")."""
    found = []
    for m in scan.finditer(grammar.R_SQUARED, _R_SQUARED_ANCHORS, 10, 20):
        if _OTHER_R_SQUARED.search(norm, max(0, m.start() - 16), m.start()):
            continue
        measure = "adjusted R squared" if m["adjusted"] else "R squared"
        fields = {"value_text": m["est"], "measure": measure, "unit": ""}
        found.append(Candidate("effect_size", m.start(), m.end(), fields))
    return found


def _coefficients(norm: str, scan: Scanner) -> list[Candidate]:
    """Return regression coefficients printed with their standard errors ("b = 1.52, SE =
    0.61, t(98) = 2.49"), kind effect_size, with the SE as their spread and the interval that
    may follow it ("b = -1.52, SE = 0.61, 95% CI -2.72 to -0.32")."""
    found = []
    for m in scan.finditer(
        grammar.COEFFICIENT_WITH_SE, ("standard error", "s.e."), 45, 20, case=("SE",)
    ):
        fields = {
            "value_text": m["est"],
            "measure": grammar.REGRESSION_COEFFICIENT,
            "unit": "",
            "spread_kind": "se",
            "spread_low_text": m["se"],
        }
        end = m.end()
        if ci := _CI_AFTER_SUMMARY.match(norm, end):
            fields |= _ci_fields(ci)
            end = ci.end()
        found.append(Candidate("effect_size", m.start(), end, fields))
    return found


_PHI_ANCHORS = ("\u03c6", "\u03d5", "phi", "cram", "v =", "v=")


def _phi_or_v(norm: str, scan: Scanner) -> list[Candidate]:
    """Return phi and Cramér's V of a chi-square test ("χ²(1, N = 126) = 9.61, φ = .28")."""
    return [
        Candidate(
            "effect_size",
            m.start(),
            m.end(),
            {"value_text": m["est"], "measure": "phi" if m["phi"] else "Cramer's V", "unit": ""},
        )
        for m in scan.finditer(grammar.PHI_OR_V, _PHI_ANCHORS, 8, 20)
    ]


# "difference, -2.9 [95% CI, -5.3 to -0.5] percentage points" (JAMA): the unit after the interval
_POINTS_AFTER_INTERVAL = re.compile(r"\s?[)\]]\s(?P<unit>percentage[\s-]points?|pp)\b")


def _differences(norm: str, scan: Scanner) -> list[Candidate]:
    """Return differences with their CIs (or an explicit value) and measure."""
    found = []
    for m in scan.finditer(
        grammar.DIFFERENCE, _DIFFERENCE_WORDS, 60, 300, case=_DIFFERENCE_ABBREVIATIONS
    ):
        # "absolute risk reduction 15%": a name that says what the value is needs no "of"
        # ... nor does its abbreviation ("ARR 1.6% (NNT 63)"), unlike an MD or RD's
        named_in_percent = (
            m.group("arr") or m.group("dabbr") in _RISK_REDUCTION_ABBREVIATIONS
        ) and (m.group("unit") or "").strip().startswith(("%", "perc"))
        if (
            not m.group("ci")
            and not _one_sided_bound(norm, m.end())
            and (
                (not m.group("sep") and not named_in_percent)
                or (m.group("sep") or "").endswith("(")
                or (m.group("dabbr") and not named_in_percent)
                or _AN_ARM_VALUE_AFTER.match(norm, m.end("est"))
                or _NO_BEFORE.search(norm, max(0, m.start() - 40), m.start())
            )
        ):
            continue
        if _P_BEFORE.search(norm, max(0, m.start("est") - 20), m.start("est")):
            continue  # "the differences between ESP and TAP (adjusted P = .074)": a p-value
        if m.group("dabbr"):
            measure = DIFFERENCE_MEASURES[m.group("dabbr")]
        elif m.group("arr"):
            measure = "risk difference"
        else:
            label = re.sub(r"\s{1,100}", " ", m.group("label").lower())
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
        if not unit and m.group("ci"):
            after = _POINTS_AFTER_INTERVAL.match(norm, m.end())
            unit = after.group("unit") if after else ""
        # "percentage points", Finnish "prosenttiyksikköä"
        if measure == "difference" and re.match(r"(?i)percentage|pp|prosenttiyksik", unit):
            qualifier = m.groupdict().get("qual") or ""
            of_means = _MEAN_QUALIFIER.match(qualifier) or _of_mean_changes(norm, m.start())
            measure = "mean difference" if of_means else "risk difference"
        fields = {"measure": measure, "value_text": m.group("est"), "unit": unit}
        fields["outcome"] = _outcome_words(m.groupdict().get("qual"))
        found.append(Candidate("difference", m.start(), m.end(), fields | _ci_fields(m)))
        if not m.group("ci"):
            continue
        for nxt in chained(grammar.DIFFERENCE_NEXT, norm, m.end(), _FURTHER_ESTIMATES):
            if _NEEDED_WORD.search(norm, nxt.start(), nxt.start("est")):
                break
            further = {"value_text": nxt.group("est"), "unit": (nxt.group("unit") or "").strip()}
            found.append(
                Candidate(
                    "difference", nxt.start("est"), nxt.end(), fields | further | _ci_fields(nxt)
                )
            )
    for m in scan.finditer(grammar.DIFFERENCE_BEFORE, ("absolute",), 30, 120):
        if not m.group("ci"):
            continue  # "80% power to detect a 15% absolute difference": a target, not a result
        fields = {"measure": "risk difference", "value_text": m.group("est")}
        fields["unit"] = m.group("unit").strip()
        found.append(Candidate("difference", m.start(), m.end(), fields | _ci_fields(m)))
    return found


def _differences_named_after(norm: str, sents: context.Sentences, scan: Scanner) -> list:
    """Return differences printed before their name ("a 5.7-percentage-point difference in
    mortality"), outside sentences of methods."""
    found = []
    for m in scan.finditer(grammar.DIFFERENCE_NAMED_AFTER, ("difference",), 60, 60):
        if _in_methods(norm, sents, m.start()):
            continue  # "powered to detect a 10-point difference"
        unit = m.group("unit").replace("-", " ")
        head = (m.group("head") or "").lower()
        measure = "difference"
        # "a 15% difference" may be relative; "a 15% absolute difference" is not
        if unit.startswith("percentage") or head.startswith(("risk", "absolute")):
            measure = "risk difference"
        elif head.startswith(("mean", "median")):
            measure = f"{head.strip()} difference"
        fields = {"measure": measure, "value_text": m.group("est"), "unit": unit}
        # "in mortality striking": the first known outcome of the words after, else the words
        fields["outcome"] = context.named_outcome(_outcome_words(m.group("qual")))
        end = m.start("qual") if m.group("qual") else m.end()
        found.append(Candidate("difference", m.start(), end, fields))
    for m in scan.finditer(grammar.DIFFERENCE_COMPARATIVE, _COMPARATIVES, 40, 80):
        if _in_methods(norm, sents, m.start()):
            continue  # "to detect 10 points more (...)"
        unit = (m.group("unit") or "").strip()
        fields = {"measure": "difference", "value_text": m.group("est"), "unit": unit}
        found.append(Candidate("difference", m.start(), m.end(), fields | _ci_fields(m)))
    return found


_COMPARATIVES = (
    " further", " more", " less", " fewer", " longer", " shorter", " higher", " lower",
    " greater", " smaller",
)  # fmt: skip


_SAID_COMPARATORS = {"less than": "<", "greater than": ">", "equals": "=", "equal to": "="}


def _p_values(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return p-values and NS, leaving out significance thresholds of methods."""
    found = []
    for m in grammar.P_VALUE.finditer(norm):
        said = _SAID_COMPARATORS.get(m.group("said_cmp") or "")
        cmp = m.group("cmp") or m.group("colon_cmp") or m.group("pipe_cmp") or said or "="
        if cmp in {"<", "\u2264", "<=", "=<"} and _THRESHOLD.search(norm, *sents.of(m.start())):
            continue  # "P < 0.05 was considered significant" is a threshold, not a result
        fields = {"value_text": m.group("p"), "comparator": cmp}
        found.append(Candidate("p_value", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.NOT_SIGNIFICANT, (), 10, 10, case=("NS", "N.S.", "n.s.", "ns")):
        if not _reads_as_not_significant(norm, m):
            continue
        fields = {"value_text": m.group("ns"), "comparator": "NS", "not_significant": True}
        found.append(Candidate("p_value", m.start(), m.end(), fields))
    return found


def _reads_as_not_significant(norm: str, m: re.Match) -> bool:
    """Return True if an NS / n.s. is a p-value ("P = NS", "(NS)", "were n.s.") and not an
    abbreviation ("normal saline (NS)")."""
    if m.group("label") or m.group("ns").lower() == "n.s.":
        return True
    before = norm[max(0, m.start() - 40) : m.start()]
    if not before.rstrip().endswith(("(", ";", ",", "[")):
        return False
    words = re.findall(r"[A-Za-z][\w\-]{0,40}", before)
    if len(words) >= 2 and words[-2].lower() in {"not", "non"} and words[-1] == "significant":
        return True  # "12% vs 9%, not significant (NS)": a result that names its abbreviation
    if len(words) >= 2 and (words[-2][0] + words[-1][0]).upper() == "NS":
        return False  # defines the abbreviation ("normal saline (NS)")
    return bool(re.search(r"[\d%)]|(?i:differ|between|compared|versus|vs\b|change)", before))


def _count(m: re.Match, **extra: Any) -> Candidate:
    """Return a count candidate from a match with groups x (or x_people), n and pct."""
    groups = m.groupdict()
    x_text = groups.get("x") or groups.get("x_people")  # "16.7% (5 cases)"
    numerator = word_value(x_text) if x_text else None
    denominator = word_value(groups["n"]) if groups.get("n") else None
    fields = {
        "numerator": numerator,
        "denominator": denominator,
        "value_text": x_text,
        "percent_text": groups.get("pct"),
        **extra,
    }
    return Candidate("count", m.start(), m.end(), fields)


def _event_counts_in_arms(norm: str, scan: Scanner) -> list[Candidate]:
    """Two arms' counts of people with an event, each followed by its arm's name and noun
    (grammar.EVENT_IN_ARM_PEOPLE), when both names look like arms ("12 older patients and 8
    younger patients" are subgroups)."""
    found = []
    anchors = (" patient", " recipient", " participant", " subject", " child", " infant", " adult")
    for m in scan.finditer(grammar.EVENT_IN_ARM_PEOPLE, anchors, 60, 120):
        if not grammar.EVENT_IN_ARM_LEAD.search(norm, max(0, m.start() - 30), m.start()):
            continue
        arms = [m.group("a1"), m.group("a2")]
        if not all(_is_arm_of_people(arm) for arm in arms):
            continue
        for k in "12":
            fields = {
                "numerator": word_value(m.group("x" + k)),
                "denominator": word_value(m.group("d" + k)) if m.group("d" + k) else None,
                "value_text": m.group("x" + k),
                "percent_text": m.group("p" + k),
                "arm": context.clean_arm(m.group("a" + k)),
            }
            # a count printed over its denominator spans that ("84/602 (14.0%)"), as the
            # readers of x/n do; any other spans its arm's people (or its arm, when the pair
            # names them once: "84 (14.0%) intervention and 112 (18.6%) control patients")
            if m.group("d" + k):
                end = m.end("c" + k)
            else:
                end = m.end("n" + k) if m.group("n" + k) else m.end("a" + k)
            found.append(Candidate("count", m.start("x" + k), end, fields))
    return found


def _cjk_count_pairs(norm: str, scan: Scanner) -> list[Candidate]:
    """Two arms' counts in 例 followed by what happened to them (grammar.CJK_COUNT_PAIR,
    arm_sizes.CJK_EVENT_AFTER); without the event they are the arms' sizes."""
    found = []
    for m in scan.finditer(grammar.CJK_COUNT_PAIR, ("\u4f8b",), 8, 30):
        if not arm_sizes.CJK_EVENT_AFTER.match(norm, m.end()):
            continue
        for x in ("x1", "x2"):
            fields = {"numerator": int(m.group(x)), "value_text": m.group(x)}
            found.append(Candidate("count", m.start(x), m.end(x) + 1, fields))
    return found


def _is_arm_of_people(label: str) -> bool:
    """Whether a label before "patients" names an arm ("usual-care", "MSC", "intervention")."""
    words = label.replace("-", " ")
    return context.is_control(words) or context.is_armlike(words)


def _explicit_counts(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Counts printed with their denominator or their percentage."""
    found = []
    for m in scan.finditer(grammar.COUNT_PERCENT_OF, _PERCENT_THEN_OF, 40, 20):
        found.append(_count(m))
    for pattern in (
        grammar.PERCENT_COUNT,
        grammar.COUNT_PERCENT,
        grammar.PERCENT_N,
        grammar.N_COUNT_PERCENT,
    ):
        for m in scan.finditer(pattern, ("%",), 70, 60):
            found.append(_count(m))
    for m in scan.finditer(grammar.N_BRACKET_PERCENT, ("n =", "n="), 0, 30):
        found.append(_count(m))
    for pattern in (grammar.PERCENT_COUNT_CI, grammar.COUNT_PERCENT_CI):
        for m in scan.finditer(pattern, ("confidence",), 45, 40, case=("CI",)):
            found.append(_count(m, **_ci_fields(m)))
    for m in scan.finditer(grammar.PERCENT_COMMA_FRACTION, ("%,", "%;", "% ,"), 8, 20):
        found.append(_count(m))
    for m in scan.finditer(grammar.FRACTION_COMMA_PERCENT, ("/",), 12, 20):
        found.append(_count(m))
    for m in scan.finditer(grammar.FRACTION_EQUALS_PERCENT, ("/",), 12, 20):
        found.append(_count(m))
    for m in scan.finditer(grammar.FRACTION_PAREN, ("/",), 25, 40):
        if _header_before(norm, m.start(), sents, grammar.PERCENT_HEADER):
            found.append(_count(m))
    for m in scan.finditer(grammar.COUNT_OF_COMMA_PERCENT, (" of ",), 40, 50):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is not None and n and x <= n:
            found.append(_count(m))
    for m in scan.finditer(grammar.COUNT_OR_PERCENT, (", or ",), 40, 30):
        found.append(_count(m))
    for m in scan.finditer(
        grammar.COUNT_OF, (" of ", " dari ", " din ", " av ", " de ", " von "), 40, 40
    ):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is None or n is None or x > n or n == 0:
            continue
        if _NOT_A_COUNT_BEFORE.search(_before(norm, m.start(), 12)) or _NOT_PEOPLE_AFTER.match(
            norm, m.end()
        ):
            continue
        found.append(_count(m))
    for m in scan.finditer(grammar.COUNT_AMONG, (" among ",), 130, 80):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is None or n is None or x > n or n == 0:
            continue
        given, event = m.group("given"), m.group("event").partition(" of ")[2]
        arm = context.clean_arm(given) if given else ""
        # "cases of Covid-19"; the span ends at the denominator, before "vaccine recipients"
        found.append(replace(_count(m, arm=arm, outcome=_outcome_words(event)), end=m.end("n")))
    for m in scan.finditer(grammar.FRACTION, ("/",), 25, 25):
        x, n = word_value(m.group("x")), word_value(m.group("n"))
        if x is None or n is None or x > n or n == 0:
            continue
        if n <= 4 and re.match(r"\s?of\b", norm[m.end() : m.end() + 4]):
            continue
        split = _SPLIT_OF.search(_before(norm, m.start(), 30))
        if split and word_value(split.group("total")) == x + n:
            continue  # "randomised 100 pts (50/50)": how the total was split, not a count
        if _NOT_A_COUNT_BEFORE.search(_before(norm, m.start(), 12)):
            continue
        found.append(_count(m))
    return found


def _count_of(m: re.Match, group: str, start: int, end: int, **extra: Any) -> Candidate:
    """Return the count candidate of one arm of a pair, its number in ``group``."""
    fields = {"numerator": word_value(m.group(group)), "value_text": m.group(group), **extra}
    return Candidate("count", start, end, fields)


# The verb of two arms' sizes listed "respectively": "the groups comprised 191 and 188 patients".
_SIZE_VERB_BEFORE = re.compile(
    r"(?i)\b(?:comprised|included|enrolled|consisted\sof|contained|numbered|recruited"
    r"|randomi[sz]ed|assigned|allocated|available\sfor|among|(?<=%\s)of)\s$"
)

# ... and the arms they are of, named before the verb: "The ravolimod and placebo groups".
_GROUPS_BEFORE = re.compile(
    rf"\b(?i:the)\s(?P<a>{grammar.ARM_LABEL})\s(?:and|or)\s(?:the\s)?(?P<b>{grammar.ARM_LABEL})"
    r"\s(?:groups|arms|cohorts),?\s$"
)


def _counts_sharing_a_noun(m: re.Match) -> list[Candidate]:
    """Return the two counts of "22 vs 8 patients" (the noun goes with the second) or of "14
    hospitalizations versus 25" (with the first)."""
    if m.groupdict().get("x2_bare"):
        events = m.group("events1")  # "14 hospitalizations": events, not people
        outcome = context.named_outcome(events) if events else ""
        unit = EVENTS if events else ""
        return [
            _count_of(m, "x1", m.start("x1"), m.end("noun1"), outcome=outcome, unit=unit),
            _count_of(
                m, "x2_bare", m.start("x2_bare"), m.end("x2_bare"), outcome=outcome, unit=unit
            ),
        ]
    return [
        _count_of(m, "x1", m.start("x1"), m.end("x1")),
        _count_of(m, "x2", m.start("x2"), m.end()),
    ]


_TABLE_ROWS_ABOVE = 12  # how many rows of a table a header line may head
_TABLE_SECTION_CHARACTERS = 40  # "Secondary outcomes": a heading between a table's rows


def _header_before(norm: str, start: int, sents: context.Sentences, header: re.Pattern) -> bool:
    """Return True if a column header such as "n (%)" or "mean (SD)" precedes ``start`` in its
    sentence, or heads the table whose row holds ``start`` (_header_above)."""
    sentence = sents.of(start)
    return bool(header.search(norm, sentence[0], start)) or bool(
        _header_above(norm, start, sents, header)
    )


_LEGEND_LINES = 8  # how many lines below a table's row its legend may stand


def _legend_below(norm: str, start: int, legend: re.Pattern) -> bool:
    """Return True if a legend such as "Values are n (%)" stands a few lines below ``start``,
    with no blank line between (the table's own legend)."""
    end = start
    for _ in range(_LEGEND_LINES):
        line_start = norm.find("\n", end) + 1
        if line_start == 0:
            return False
        end = norm.find("\n", line_start)
        end = len(norm) if end < 0 else end
        if not norm[line_start:end].strip():
            return False
        if legend.search(norm, line_start, end):
            return True
    return False


def _nearest_header(norm: str, start: int, sents: context.Sentences, header: re.Pattern) -> int:
    """Return where the last header before ``start`` in its sentence starts, else the start of
    the header of its table (_header_above), else -1."""
    found = -1
    for m in header.finditer(norm, sents.of(start)[0], start):
        found = m.start()
    if found < 0 and (above := _header_above(norm, start, sents, header)):
        found = above.start()
    return found


def _header_above(
    norm: str,
    start: int,
    sents: context.Sentences,
    header: re.Pattern,
    across_lines: bool = False,
    rows: int = _TABLE_ROWS_ABOVE,
) -> re.Match | None:
    """Return the header of the table whose row holds ``start``: a line at most
    _TABLE_ROWS_ABOVE lines above it, with only rows (short lines that hold a number) and short
    section headings between ("Adverse events, n/N (%)" over " Headache 10/150 (6.7) 8/148
    (5.4)"; "Safety outcomes" between two rows). A header ``across_lines`` may run over
    the lines above the row ("Treatment\nDifference\n(95% CI)")."""
    row_start = line_end = sents.paragraph(start)
    for _ in range(rows):
        if line_end == 0:
            return None
        line_start = sents.paragraph(line_end - 1)
        line = norm[line_start : line_end - 1]
        if across_lines:
            if found := header.search(norm, line_start, row_start):
                return found
        elif header.search(line):
            return header.search(norm, line_start, line_end - 1)
        numbered = any(c.isdigit() for c in line)
        heading = not numbered and 0 < len(line.strip()) <= _TABLE_SECTION_CHARACTERS
        if not line.strip() or len(line) > 200 or not (numbered or heading):
            return None  # a blank line or prose ends the table
        line_end = line_start
    return None


def _table_estimates(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """A flattened table whose last columns are "Risk ratio (95% CI)" and "P value": the last
    bare "1.08 (0.94-1.25)" of each row is that ratio, and a bare number after it its p
    ("Death at 90 days 38/412 (9.2) 44/405 (10.9) 0.85 (0.56-1.28) 0.04")."""
    found = []
    for m in scan.finditer(grammar.TABLE_ROW_ESTIMATE, ("(",), 12, 40):
        header = _header_above(norm, m.start(), sents, grammar.RATIO_CI_HEADER)
        if header is None or (m.group("p") and not header.group("p_column")):
            continue
        fields = {"value_text": m.group("est"), "measure": _measure_named(header.group("measure"))}
        found.append(Candidate("ratio", m.start(), m.end("bare_hi") + 1, fields | _ci_fields(m)))
        if m.group("p"):
            p_fields = {"value_text": m.group("p"), "comparator": m.group("p_cmp") or "="}
            p_start = m.start("p_cmp") if m.group("p_cmp") else m.start("p")
            found.append(Candidate("p_value", p_start, m.end("p"), p_fields))
    return found


def _table_differences(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """A flattened table whose last column is "Difference (95% CI)": the last bare "17% (10%,
    24%)" of each row is that difference, in percentage points when the cell prints percent
    signs."""
    found = []
    for m in scan.finditer(grammar.TABLE_ROW_DIFFERENCE, ("(",), 14, 40):
        if _header_above(norm, m.start(), sents, grammar.DIFFERENCE_CI_HEADER, True) is None:
            continue
        unit = (m.group("unit") or "").strip()
        fields = {
            "measure": "risk difference" if unit else "difference",
            "value_text": m.group("est"),
            "unit": unit,
        }
        found.append(Candidate("difference", m.start(), m.end("interval"), fields | _ci_fields(m)))
    return found


_P_COLUMN_ROWS = 30  # how many rows a "P value" column may run under its header
_CELLS_BEFORE_P = re.compile(r"\d[^\d\n]{1,40}\d")  # two values at least in the row before it


def _row_labelled_differences(norm: str, scan: Scanner) -> list[Candidate]:
    """A table row naming a difference and its CI before the value (grammar.
    ROW_LABELLED_DIFFERENCE), with the p-value row right under it."""
    found: list[Candidate] = []
    for m in scan.finditer(grammar.ROW_LABELLED_DIFFERENCE, ("CI)",), 80, 80):
        label = m.group("label").lower()
        measure = "mean difference" if "mean" in label or "ls " in label else "difference"
        fields = {"measure": measure, "value_text": m.group("est"), "unit": ""}
        end = m.start() + len(m.group().rstrip())
        found.append(Candidate("difference", m.start("label"), end, fields | _ci_fields(m)))
        p = grammar.ROW_P_VALUE.match(norm, m.end())
        if p:
            comparator = (p.group("cmp") or "=").strip().replace("\u2264", "<")
            p_fields = {
                "value_text": p.group("p").removeprefix(p.group("cmp") or ""),
                "comparator": comparator,
            }
            found.append(Candidate("p_value", p.start("p"), p.end("p"), p_fields))
    return found


def _table_p_values(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """A flattened table whose last column is "P value": the bare number that ends a row of
    two values or more is that p."""
    found: list[Candidate] = []
    if not any(scan.positions(header) for header in ("p value", "p-value", " p\n")):
        return found
    for line_start in sorted({sents.paragraph(p) for p in scan.positions(".")}):
        line_end = norm.find("\n", line_start)
        line_end = len(norm) if line_end < 0 else line_end
        m = grammar.TABLE_ROW_P.search(norm, line_start, line_end)  # the row's last cell
        if m is None or not _CELLS_BEFORE_P.search(norm, line_start, m.start()):
            continue
        if (
            _header_above(norm, m.start(), sents, grammar.P_COLUMN_HEADER, rows=_P_COLUMN_ROWS)
            is None
        ):
            continue
        fields = {"value_text": m.group("p"), "comparator": m.group("p_cmp") or "="}
        start = m.start("p_cmp") if m.group("p_cmp") else m.start("p")
        found.append(Candidate("p_value", start, m.end("p"), fields))
    return found


# Where a count named by what its people received has its first arm (COUNT_ARM_GIVEN).
# Headings of whom the arms had, whose counts are the arms' sizes; and of other things that are
# no outcome.
_SIZES_HEADING = re.compile(
    r"(?i)\b(?:participants|patients|subjects|enrol(?:l)?ment|enrolled|randomi[sz]ed|allocated"
    r"|analy[sz]ed|sample(?:\ssize)?|population)\s?:\s$"
)
_NOT_AN_OUTCOME_HEADING = re.compile(
    r"(?i)(?:results?|methods?|findings|n|sex|gender|women|men|arms?|groups?)"
)
_GIVEN_ANCHORS = ("receiving", "given", "treated with", "assigned to", " on ", ") and ", ") vs")


_OPENS_THE_BRACKET = re.compile(r"\(\s?(?:[nN]\s?=\s?)?$")


# Where a count of people says what happened to them (PEOPLE_THEN_EVENT).
_DIED_ANCHORS = (
    " died",
    " relapsed",
    " withdrew",
    " discontinued",
    " had ",
    " developed",
    " experienced",
    " suffered",
    " occurred",
    " were recorded",
    " were observed",
    " were reported",
)


def _arms_after_heading(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Two arms' numbers listed after a heading, each with its arm in a bracket: counts of the
    outcome the heading names, or the arms' sizes after a heading of whom they had."""
    found = []
    for m in scan.finditer(grammar.COUNT_ARMS_AFTER_HEADING, ("), ",), 50, 40):
        sentence = sents.of(m.start())
        sizes = _SIZES_HEADING.search(norm, max(sentence[0], m.start() - 30), m.start())
        for i in ("1", "2"):
            end = m.end(f"p{i}") if m.group(f"p{i}") else m.end(f"b{i}") + 1
            arm = context.clean_arm(m.group(f"b{i}"))
            if sizes:  # "Randomised: 40 patients (drug), 38 (placebo)": the arms' sizes
                population = arm_sizes.population_of(sizes.group(), (0, len(sizes.group())))
                x_span = m.span(f"x{i}")
                found.append(
                    arm_sizes.arm_size_candidate(*x_span, m.group(f"x{i}"), arm, population)
                )
                continue
            heading = context.label_before(norm, m.start() - 2, sentence)
            if heading and not _NOT_AN_OUTCOME_HEADING.fullmatch(heading):
                outcome = heading
                found.append(_count_of(m, f"x{i}", m.start(f"x{i}"), end, arm=arm, outcome=outcome))
    return found


def _loose_counts(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Counts whose denominator is given elsewhere: "23 (46.9%)", "three patients in the MSC
    group", "none in the placebo group"."""
    found = []
    # before the bare "9 (20%)" of the same span: these know their arm
    for m in scan.finditer(
        grammar.GIVEN_THEN_COUNT,
        (" receiving ", " given ", " treated with ", " recipients, "),
        60,
        90,
    ):
        value = word_value(m.group("xw"))
        arm = context.clean_arm(m.group("arm") or m.group("recipients"))
        if value is None or not arm or word_value(m.group("n")) is None:
            continue
        fields = {"numerator": value, "value_text": m.group("xw"), "arm": arm}
        if m.group("pct"):
            fields["percent_text"] = m.group("pct")
        end = m.end("bracket") if m.group("bracket") else m.end("xw")
        found.append(Candidate("count", m.start("xw"), end, fields))
        if m.group("recipients"):  # "45 placebo recipients": the arm's size
            population = arm_sizes.population_of(norm, sents.of(m.start()))
            found.append(arm_sizes.arm_size_candidate(*m.span("n"), m.group("n"), arm, population))
    percent_counts = itertools.chain(
        scan.finditer(grammar.N_PERCENT, ("%",), 60, 5),
        scan.finditer(grammar.CJK_N_PERCENT, ("%",), 20, 5),
    )
    for m in percent_counts:
        x = word_value(m.group("x"))
        groups = m.groupdict()
        pct_text = groups["pct"] or groups.get("pct_sq") or groups.get("pct_comma")
        if groups.get("pct_comma") and not _OPENS_THE_BRACKET.search(
            norm, max(0, m.start() - 8), m.start()
        ):
            continue  # "in 15 patients, 12.5%)": the bracket opened before another value
        pct = value_of(pct_text)
        if x is None or pct is None or pct > 100:
            continue
        if 1900 <= x <= 2100 and not m.group(0)[len(m.group("x")) :].strip().startswith(("p", "P")):
            continue
        if _BELOW.search(_before(norm, m.start(), 16)):
            continue
        arm = groups.get("treated") or context.clean_arm(groups.get("given") or "")
        found.append(_count(m, percent_text=pct_text, arm=arm))
    for m in scan.finditer(grammar.PEOPLE_THEN_EVENT, _DIED_ANCHORS, 90, 60):
        sentence = sents.of(m.start())
        if word_value(m.group("x")) is None or arm_sizes.allocates(norm, sentence):
            continue
        end = m.end("people") if m.group("people") else m.end("deaths")
        what = m.group("what") or m.group("verb") or ""
        outcome = context.named_outcome(what) if what else ""
        found.append(replace(_count(m, outcome=outcome), end=end))
    for m in scan.finditer(grammar.NONE_OF_PEOPLE, ("none of",), 0, 40):
        arm = "control" if m.group("controls") else ""
        outcome = context.named_outcome(m.group("what")) if m.group("what") else ""
        found.append(replace(_count(m, arm=arm, outcome=outcome), end=m.end("x")))
    legend = any(scan.positions(word) for word in (" are n (", " are number (", " are no. ("))
    for m in scan.finditer(grammar.VALUE_PAREN, ("(",), 30, 30):
        x = word_value(m.group("center"))
        if x is None or not (
            _header_before(norm, m.start(), sents, grammar.PERCENT_HEADER)
            or (legend and _legend_below(norm, m.start(), grammar.N_PERCENT_LEGEND))
        ):
            continue
        fields = {"numerator": x, "value_text": m.group("center"), "percent_text": m.group("inner")}
        found.append(Candidate("count", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.COUNT_ARM_PAIR, (" vs", " versus "), 45, 45):
        if _NOT_AN_ARM.match(m.group("a1")) or _NOT_AN_ARM.match(m.group("a2")):
            continue
        for x, arm in (("x1", "a1"), ("x2", "a2")):
            arm_name = context.clean_arm(m.group(arm))
            found.append(_count_of(m, x, m.start(x), m.end(arm) + 1, arm=arm_name))
    for m in scan.finditer(grammar.COUNT_ARM_GIVEN, _GIVEN_ANCHORS, 40, 120):
        if not arm_sizes.reports_events(norm, sents.of(m.start())):
            continue
        for i in ("1", "2"):
            # the span: the count with its noun ("34 participants"), or up to its bracketed arm
            if m.group(f"a{i}"):
                label, end = (
                    m.group(f"a{i}"),
                    m.end(f"p{i}") if m.group(f"p{i}") else m.end(f"x{i}"),
                )
            else:
                label, end = m.group(f"b{i}"), m.end(f"b{i}") + 1
            found.append(_count_of(m, f"x{i}", m.start(f"x{i}"), end, arm=context.clean_arm(label)))
    for m in scan.finditer(grammar.COUNT_VS_COUNT, (" vs", " versus "), 45, 40):
        found += _counts_sharing_a_noun(m)
    for sentence in sorted({sents.of(p) for p in scan.positions("respectively")}):
        for m in grammar.COUNT_AND_COUNT.finditer(norm, *sentence):
            verb = _SIZE_VERB_BEFORE.search(norm, max(sentence[0], m.start() - 30), m.start())
            if verb:
                # "The X and placebo groups comprised 191 and 188 patients, respectively": sizes
                groups = _GROUPS_BEFORE.search(
                    norm, max(sentence[0], verb.start() - 120), verb.start()
                )
                labels = [context.clean_arm(groups.group(g)) for g in "ab"] if groups else ["", ""]
                population = arm_sizes.population_of(norm, sentence)
                found += [
                    arm_sizes.arm_size_candidate(m.start(x), end, m.group(x), label, population)
                    for x, end, label in (
                        ("x1", m.end("x1"), labels[0]),
                        ("x2", m.end(), labels[1]),
                    )
                ]
                continue
            found += _counts_sharing_a_noun(m)
    for m in scan.finditer(grammar.N_PAIR, (" vs", " versus"), 20, 20):
        # the event is the label before the bracket: "headache (n=12 vs n=9)"
        event = context.label_before(norm, m.start(), sents.of(m.start()))
        for n, x in (("n1", "x1"), ("n2", "x2")):
            found.append(_count_of(m, x, m.start(n), m.end(n), outcome=event))
    for m in scan.finditer(grammar.CASES_OF, (" case of ", " cases of ", " episodes of "), 20, 80):
        value = word_value(m.group("x"))
        if value is None:
            continue
        unit = EVENTS if m.group("noun").lower().startswith("episode") else ""
        fields = {"outcome": _outcome_words(m.group("event")), "unit": unit}
        found.append(_count_of(m, "x", m.start(), m.end(), **fields))
    for m in scan.finditer(grammar.EVENTS_PAIR, (" vs", " versus"), 40, 10):
        noun = m.group("noun").lower()
        fields = {"outcome": context.named_outcome(noun)}
        fields["unit"] = "" if noun == "deaths" else EVENTS
        found += [_count_of(m, x, m.start(x), m.end(x), **fields) for x in ("x1", "x2")]
    for m in scan.finditer(grammar.COUNTS_THEN_RATIO, (" vs", " versus"), 12, 40):
        found += [_count_of(m, x, m.start(x), m.end(x)) for x in ("x1", "x2")]
    for m in scan.finditer(grammar.GROUP_THEN_COUNT, ("group, ", "arm, "), 45, 80):
        value = word_value(m.group("xw"))
        if value is not None:
            arm = context.clean_arm(m.group("arm"))
            fields = {"numerator": value, "value_text": m.group("xw"), "arm": arm}
            found.append(Candidate("count", m.start("xw"), m.end("xw"), fields))
    counting_events: dict[tuple[int, int], str] = {}  # sentence: the events its counts count
    for m in scan.finditer(grammar.COUNT_IN_GROUP, ("in the",), 70, 150):
        value = word_value(m.group("xw"))
        if value is None or _NOT_A_COUNT_BEFORE.search(_before(norm, m.start(), 12)):
            continue  # "Ulcer healing on day 28 in the pilot cohort was 64%"
        end = m.end("xw")
        noun = re.match(rf"\s(?i:{grammar._PEOPLE})\b", norm[end : end + 20])
        if noun and arm_sizes.AMONG_BEFORE.search(_before(norm, m.start(), 12)):
            # "Among the 160 infants in the probiotic group, 12 (7.5%) developed ...": its size
            population = arm_sizes.population_of(norm, sents.of(m.start()))
            arm = context.clean_arm(m.group("arm"))
            found.append(
                arm_sizes.arm_size_candidate(m.start("xw"), end, m.group("xw"), arm, population)
            )
            continue
        fields = {
            "numerator": value,
            "value_text": m.group("xw"),
            "arm": context.clean_arm(m.group("arm")),
        }
        events = None if noun else grammar.EVENTS_AFTER.match(norm, end)
        sentence = sents.of(m.start())
        if events:  # "14 infections in the vaccine group": what it counts, events not people
            counting_events[sentence] = context.named_outcome(events.group("events").lower())
        if events or (not noun and sentence in counting_events):  # "... versus 25 in the ..."
            fields.update(outcome=counting_events[sentence], unit=EVENTS)
        of_n = word_value(m.group("of_n")) if m.group("of_n") else None
        if of_n is not None and value <= of_n:
            fields["denominator"] = of_n
            end = m.end()
        elif noun or events:
            end = events.end() if events else end + noun.end()
        found.append(Candidate("count", m.start("xw"), end, fields))
    return found


def _spread_kind(word: str) -> str:
    """Return the spread a label names: iqr, range, ci, se or sd ('' when it names none)."""
    word = word.upper()
    iqr = ("IQR", "IIQ", "EIQ", "RIC", "INTERQUARTILE", "KVARTIILI", "Q1", "\u0395\u03a4\u0395")
    if any(w in word for w in iqr):
        return "iqr"
    if "RANGE" in word:
        return "range"
    if "CI" in word or "CONFIDENCE" in word:
        return "ci"
    if "SE" in word or "STANDARD ERROR" in word:
        return "se"
    if "SD" in word or "S.D." in word or "DEVIATION" in word:
        return "sd"
    return ""


def _summary_fields(m: re.Match, stat: str) -> dict[str, Any] | None:
    """Return the fields of a SUMMARY_LABEL match, or None for a spread it cannot have."""
    fields: dict[str, Any] = {
        "value_text": m.group("center"),
        "unit": (m.group("unit") or "").strip(),
    }
    header = m.group("header") or ""
    if m.group("pm"):
        kind = "se" if _spread_kind(header) == "se" else "sd"
        fields.update(spread_kind=kind, spread_low_text=m.group("pm"))
    elif m.group("q1"):
        kind = _spread_kind(m.group("skind") or header) or ("iqr" if stat == "median" else "")
        if kind in {"sd", "se"}:
            return None
        if kind == "ci":
            level = _LEVEL_PERCENT.search(m.group("skind") or header)
            fields.update(
                ci_low_text=m.group("q1"),
                ci_high_text=m.group("q3"),
                ci_level=float(level.group(1)) / 100 if level else None,
            )
        fields.update(
            spread_kind=kind, spread_low_text=m.group("q1"), spread_high_text=m.group("q3")
        )
    elif m.group("sd"):
        kind = _spread_kind(m.group("sd_word") or header)
        if kind in {"sd", "se"} or (stat == "mean" and not kind):
            fields.update(spread_kind=kind or "sd", spread_low_text=m.group("sd"))
        else:
            return None
    elif m.group("r1"):
        kind = _spread_kind(m.group("iqr_word"))
        fields.update(
            spread_kind=kind, spread_low_text=m.group("r1"), spread_high_text=m.group("r2")
        )
    return fields


# An interval after a comma or semicolon that follows a labelled summary without a spread.
_CI_AFTER_SUMMARY = re.compile(rf"[,;]\s?(?:{grammar.CI_BODY})", re.VERBOSE)


# A number that is part of a name: "mean 25(OH)D was".
_NAME_BRACKET_AFTER = re.compile(r"\([A-Z]{1,3}\)")


def _not_a_summary(norm: str, m: re.Match) -> bool:
    """Return True if a labelled summary's number is a threshold ("a mean arterial pressure
    below 65 mmHg", "an average pain score of 4 or more") or part of a name."""
    center, after = m.start("center"), m.end("center")
    return bool(
        _BELOW.search(norm, max(0, center - 20), center)
        or _OR_LOWER.match(norm, after)
        or _NAME_BRACKET_AFTER.match(norm, after)
    )


# "Mean weight loss was 14.9% in the semaglutide group and 2.4% in the placebo group": the next
# arm's value, in the same unit, before its own arm (the first arm's size may come between:
# "53.4 hours in the drug group (n = 719) compared with 79.8 hours in the placebo group").
_NEXT_ARMS_VALUE = re.compile(
    rf"""[^.;\n\d()]{{0,60}}?(?:\(\s?[nN]\s?=\s?{grammar.INT}\s?\)[^.;\n\d()]{{0,4}}?)?
    # "13.9% at week 68 versus 2.4% with placebo", "from baseline to week 68, compared with
    # -2.4% for placebo": the time point of both
    (?:\s{grammar.TIME_BETWEEN_VALUES},?)?
    \s(?:and|vs\.?|versus|compared\swith)\s
    (?P<center>{grammar.SIGNED})(?!\d)(?!\.\d)(?P<unit>{grammar.UNIT})?
    (?=\s(?:in|with|among|on|for)\s)""",
    re.VERBOSE,
)


def _next_arms_value(norm: str, end: int, fields: dict[str, Any]) -> re.Match | None:
    """Return the next arm's value after a summary without a spread, when its unit is the
    first's."""
    other = _NEXT_ARMS_VALUE.match(norm, end)
    if other is None or (other.group("unit") or "").strip() != (fields.get("unit") or "").strip():
        return None
    return other


# "Mean HbA1c decreased by 1.4%": what the mean measures is HbA1c (its change).
_CHANGED_BY = re.compile(r"\s(?:(?:de|in)creased|fell|rose|reduced)\sby$")


# A median of time the people were followed for: "Over a median of 2.8 years", "after a
# median of 26 months" (a unit of time, and nothing named between "median" and its value).
_OVER_A = re.compile(r"(?i)\b(?:over|after|during|within)\sa\s$")
_TIME_UNIT = re.compile(r"(?i)(?:days?|weeks?|months?|years?|yrs?|mo)$")


def _summaries(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Medians and means, labelled or recognisable by their spread."""
    found = []
    for m in scan.finditer(grammar.SUMMARY_LABEL, ("median", "mean", "average"), 0, 220):
        stat = "median" if m.group("stat").lower() == "median" else "mean"
        if _PEOPLE_AFTER.match(norm, m.end("center")) or _not_a_summary(norm, m):
            continue
        fields = _summary_fields(m, stat)
        if fields is None or not _within(fields):
            continue
        fields["outcome"] = _outcome_words(_CHANGED_BY.sub("", m.group("what")))
        if (
            not fields["outcome"]
            and _TIME_UNIT.match(fields.get("unit") or "")
            and _OVER_A.search(norm, max(0, m.start() - 12), m.start())
        ):
            fields["outcome"] = "follow-up"  # "Over a median of 2.8 years, the primary ..."
        end = m.end()
        if m.group("pm") and m.group("pm_unit") and not fields["unit"]:
            # "was 62.3 ± 14.1 mL/min/1.73 m² in the dapagliflozin group": the unit after the
            # SD is the mean's (the span ends with the SD, as a bare mean's does)
            fields["unit"] = m.group("pm_unit").strip()
        ci = None if fields.get("spread_kind") else _CI_AFTER_SUMMARY.match(norm, end)
        if ci:  # "mean change 12.4 points; 95% CI 8.1 to 16.7": the interval is the mean's
            fields |= _ci_fields(ci)
            fields.update(
                spread_kind="ci",
                spread_low_text=fields["ci_low_text"],
                spread_high_text=fields["ci_high_text"],
            )
            end = ci.end()
        found.append(Candidate(stat, m.start(), end, fields))
        if m.group("sd_word"):
            found += _next_summaries(norm, m.end(), stat, fields["spread_kind"])
        elif not fields.get("spread_kind"):
            # "(median 4 vs 5)": the other arm's value, without a spread like the first
            other = _BARE_NEXT.match(norm, m.end()) or _next_arms_value(norm, m.end(), fields)
            if other:
                unit = (other.group("unit") or "").strip()
                fields = {"value_text": other.group("center"), "unit": unit, "spread_kind": ""}
                found.append(Candidate(stat, other.start("center"), other.end(), fields))
    for m in scan.finditer(grammar.APA_MEAN, (), 0, 40, case=("M =", "M=")):
        fields = {
            "value_text": m.group("mean"),
            "spread_kind": _spread_kind(m.group("sd_word")),
            "spread_low_text": m.group("sd"),
        }
        found.append(Candidate("mean", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.MEAN_SD, ("\u00b1", "+/-", "+-"), 40, 40):
        # a legend after the last arm's value holds for the first's too: "250.4 ± 12.1 with
        # MSC and 210.6 ± 11.8 with placebo (mean ± SE)"
        legend_end = max(m.end() + 40, min(sents.of(m.start())[1], m.end() + _LEGEND_REACH))
        sentence_window = norm[max(0, m.start() - 120) : legend_end]
        kind = "se" if _SE_NEAR.search(sentence_window) and "SD" not in sentence_window else "sd"
        fields = {
            "value_text": m.group("mean"),
            "unit": (m.group("unit") or m.group("sd_unit") or "").strip(),
            "spread_kind": kind,
            "spread_low_text": m.group("sd"),
        }
        found.append(Candidate("mean", m.start(), m.end(), fields))
    for m in scan.finditer(
        grammar.MEAN_SPREAD_NAMED, ("standard",), 40, 40, case=("SD", "SE", "s.d.")
    ):
        fields = {
            "value_text": m.group("center"),
            "unit": (m.group("unit") or m.group("sd_unit") or "").strip(),
            "spread_kind": _spread_kind(m.group("sd_word")),
            "spread_low_text": m.group("sd"),
        }
        found.append(Candidate("mean", m.start(), m.end(), fields))
        found += _next_summaries(norm, m.end(), "mean", fields["spread_kind"])
    for m in scan.finditer(grammar.VALUE_PAREN, ("(",), 30, 30):
        sd_header = _nearest_header(norm, m.start(), sents, grammar.SD_HEADER)
        if (
            sd_header < 0
            or _nearest_header(norm, m.start(), sents, grammar.PERCENT_HEADER) > sd_header
        ):
            continue  # "Age, mean (SD) 61.2 (11.4) ... Male sex, n (%) 23 (26.8)": the nearer rules
        header = grammar.SD_HEADER.search(norm, sents.of(m.start())[0], m.start())
        fields = {
            "value_text": m.group("center"),
            "spread_kind": _spread_kind(header.group() if header else "") or "sd",
            "spread_low_text": m.group("inner"),
        }
        found.append(Candidate("mean", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.MEDIAN_SPREAD, ("(", "["), 40, 100):
        if _BRACKET_CONTEXT.search(_before(norm, m.start(), 16)):
            continue
        kind = _spread_kind(m.group("skind") or "")
        if kind in {"sd", "se"}:
            continue
        fields: dict[str, Any] = {
            "value_text": m.group("center"),
            "unit": (m.group("unit") or "").strip(),
            "spread_low_text": m.group("q1"),
            "spread_high_text": m.group("q3"),
            "spread_kind": kind,
        }
        if kind == "ci":
            fields.update(ci_low_text=m.group("q1"), ci_high_text=m.group("q3"))
        if not _within(fields):
            continue
        label = None
        for label_match in _MEAN_OR_MEDIAN.finditer(norm, max(0, m.start() - 160), m.start()):
            label = _label_word(label_match)
        sentence_start = sents.of(m.start())[0]
        if (
            label == "mean"
            and label_match.start() < sentence_start
            and _IQR_SAID.search(norm, sentence_start, m.end())
        ):
            # "mean 245 (SD 62) vs 212 (SD 70).\nVentilator-free days were 14 [IQR 6-21] vs
            # 10 [3-18]": an interquartile range in its own sentence says median
            label = "median"
        of_another = label is not None and _label_of_another_unit(
            norm, label_match.end(), m.start(), fields
        )
        if (
            fields["unit"] == "%"
            and label is None
            and kind == "ci"
            and _amount_of_change(norm, sents, m.start())
            and not _SHARE_OR_RISK.search(norm, sents.of(m.start())[0], m.start())
        ):
            # "the intervention reduced HbA1c by 0.31% (95% CI 0.18 to 0.44)": a difference
            # between arms in a measure printed in %, not a share of people
            effect = {"measure": "difference", "value_text": fields["value_text"], "unit": "%"}
            effect |= {"ci_low_text": m.group("q1"), "ci_high_text": m.group("q3")}
            found.append(Candidate("difference", m.start(), m.end(), effect))
            continue
        if fields["unit"] == "%" and (
            (label is None and kind == "ci")
            or (of_another and kind in {"ci", ""})
            # "Vaccine efficacy was 94.1% (89.3 to 96.8)", a "VE (95% CI)" column
            or (label is None and not kind and _header_before(norm, m.start(), sents, _EFFICACY))
        ):
            # "efficacy was 61.3% (95% CI 55.8-66.1)": a percentage and its CI; so is "65.4%
            # (60.9-69.5)" after a median of months
            continue
        if (
            fields["unit"] == "%"
            and label is None
            and not kind
            and _PERCENT_WITH_CI.search(norm, sents.of(m.start())[0], m.start())
        ):
            continue  # "94% (95% CI 90-97) with A and 95% (92-98) with B": the CI of a percentage
        if label is None and _NUMBER_NEEDED.search(_before(norm, m.start(), 40)):
            continue  # "NNT = 12 (95% CI 7 to 45)" is no median
        risk = None
        if label is None:
            name = _before(norm, m.start(), 90)  # a name an outcome keeps apart from the value
            if _RELATIVE_REDUCTION_BEFORE.search(name):
                continue
            risk = _RISK_DIFFERENCE_BEFORE.search(name)
            ratio = _ratio_named_apart(norm, m, fields, kind, found)
            if ratio is not None:
                found.append(ratio)
                continue
        of_an_arm = _beside_another_arms(norm, sents, m) if label is None and kind == "ci" else ""
        if of_an_arm == "mean":
            fields["summary_type_not_stated"] = True
            found.append(Candidate("mean", m.start(), m.end(), fields))
            continue
        if (
            label is None
            and kind in {"ci", ""}
            and (risk or of_an_arm or _EFFECT_BEFORE.search(_before(norm, m.start())))
        ):
            # "The treatment effect was -4.2 points (95% CI -6.0 to -2.4)", "Between-group
            # differences: -1.8 kg (-2.9 to -0.7)", "drug lowered systolic blood pressure by
            # 8.2 mmHg (95% CI 6.1 to 10.3)": an estimate between arms and its interval
            effect = {
                "measure": "risk difference" if risk else "difference",
                "value_text": fields["value_text"],
                "unit": fields["unit"],
                "ci_low_text": m.group("q1"),
                "ci_high_text": m.group("q3"),
            }
            named = grammar.SMD_ESTIMATOR_BEFORE.search(_before(norm, m.start()))
            if named:  # "The between-group effect size (Cohen's d) was 0.52 (95% CI ...)"
                effect |= {"measure": "standardized mean difference", "method": _estimator(named)}
            found.append(Candidate("difference", m.start(), m.end(), effect))
            continue
        stat = "mean" if label in {"mean", "average"} else "median"
        if stat == "median" and not kind:
            fields["spread_kind"] = "iqr"  # the journal convention for a bare "2.75 [2.35, 3.23]"
        found.append(Candidate(stat, m.start(), m.end(), fields))
    for m in scan.finditer(grammar.BARE_SUMMARY_PAIR, (" vs", " versus"), 45, 45):
        if "." not in m.group("c1") + m.group("c2"):
            continue  # "12 (15.0) vs 20 (25.0)" may be counts and percentages
        if _header_before(norm, m.start(), sents, grammar.PERCENT_HEADER):
            continue
        for center, spread, unit, end in (
            ("c1", "s1", "u1", m.end("u1") if m.group("u1") else m.end("s1") + 1),
            ("c2", "s2", "u2", m.end()),
        ):
            fields = {
                "value_text": m.group(center),
                "unit": (m.group(unit) or "").strip(),
                "spread_low_text": m.group(spread),
                "summary_type_not_stated": True,
            }
            found.append(Candidate("mean", m.start(center), end, fields))
    for m in scan.finditer(grammar.BRACKETED_UNIT_PAIR, (" vs", " versus"), 16, 30):
        unit = m.group("u2").strip()
        if unit == "%" or (m.group("u1") and m.group("u1").strip() != unit):
            continue  # percentages are read as such; two units are two measures
        for center, end in (("c1", m.end("u1") if m.group("u1") else m.end("c1")), ("c2", m.end())):
            fields = {"value_text": m.group(center), "unit": unit, "summary_type_not_stated": True}
            found.append(Candidate("mean", m.start(center), end, fields))
    found += _values_of_named_arms(norm, scan)
    for m in scan.finditer(grammar.GROUP_VALUE, ("group", "arm"), 0, 40):
        # "higher in the MSC group (67.0) compared to the placebo group (50.0)": an arm's value
        # whose summary type is not stated, read as a mean.
        sentence = sents.of(m.start())
        label = _GROUP_LABEL.search(norm, max(sentence[0], m.start() - 60), m.start())
        if not label:
            continue
        unit = (m.group("unit") or "").strip()
        fields = {
            "value_text": m.group("value"),
            "unit": unit,
            "arm": context.clean_arm(label.group("arm")),
        }
        if unit == "%":  # "adverse reactions in the study group (5.0%)": a percentage
            found.append(Candidate("percentage", m.start("value"), m.end("unit"), fields))
            continue
        fields["summary_type_not_stated"] = True
        found.append(Candidate("mean", m.start("value"), m.end("value"), fields))
    return found


# A minus sign set apart from its number after a label: ": - 3.4".
_SPACED_MINUS = re.compile(r"(?:^|[:;(]\s?)-\s$")


# "Mean systolic blood pressure fell by 12.4 mm Hg in the intervention group and by 6.1 mm Hg
# in the usual-care group": the sentence's subject names the changes as means.
_MEAN_SUBJECT = re.compile(r"(?i)(?:^|[.;:]\s|\bthe\s)(?:mean|average)\s(?:[\w\-]{1,25}\s){1,5}$")


def _values_of_named_arms(norm: str, scan: Scanner) -> list[Candidate]:
    """Two arms' values of a summary the text does not name, each with its arm: "-4.1 points
    (enzalutamide) vs -1.3 points (control)", "fell by 4.3 with the antibody vs 2.8 with
    placebo", or with none before their difference ("changed by -2.9 kg vs -0.8 kg
    (difference, ..."). Means of an unstated type unless the subject says mean; none when they
    are percentages or whole numbers without a unit (counts, perhaps)."""
    found = []
    pairs = [
        (m, m.group("a1"), m.group("a2"))
        for m in scan.finditer(grammar.ARM_BRACKET_PAIR, (") vs", ") versus", ") v "), 60, 60)
    ]
    pairs += [
        (m, m.group("a1"), m.group("a2"))
        for m in scan.finditer(grammar.CHANGED_BY_PAIR, (" by ",), 12, 120)
    ]
    pairs += [
        (m, "", "") for m in scan.finditer(grammar.CHANGED_BY_UNNAMED_PAIR, (" by ",), 12, 80)
    ]
    for m, *arms in pairs:
        units = {(m.group(u) or "").strip() for u in ("u1", "u2")}
        if "%" in units or (units == {""} and "." not in m.group("c1") + m.group("c2")):
            continue
        means = m.re is not grammar.ARM_BRACKET_PAIR and _MEAN_SUBJECT.search(
            norm, max(0, m.start() - 160), m.start()
        )
        for index, arm in enumerate(arms, 1):
            fields = {
                "value_text": m.group(f"c{index}"),
                "unit": (m.group(f"u{index}") or "").strip(),
                "arm": context.clean_arm(arm) if arm else "",
                "summary_type_not_stated": not means,
            }
            start = m.start(f"c{index}")
            if index == 1 and _SPACED_MINUS.search(norm, max(0, start - 4), start):
                start -= 2  # "change: - 3.4 points (enza)"
                fields["value_text"] = norm[start : m.end("c1")]
            end = m.end(f"u{index}") if m.group(f"u{index}") else m.end(f"c{index}")
            found.append(Candidate("mean", start, end, fields))
    return found


def _next_summaries(norm: str, end: int, stat: str, spread_kind: str) -> list[Candidate]:
    """The values of the next arms, each with a bare bracket that holds the spread the first
    named ("14.2 mg (SD 6.1) in the block group and 21.5 mg (7.4) in the sham group")."""
    found = []
    for nxt in chained(grammar.SUMMARY_NEXT, norm, end, 6):
        fields = {
            "value_text": nxt.group("center"),
            "unit": (nxt.group("unit") or "").strip(),
            "spread_kind": spread_kind,
            "spread_low_text": nxt.group("sd") or nxt.group("said_sd"),
        }
        found.append(Candidate(stat, nxt.start("center"), nxt.end(), fields))
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


_IQR_SAID = re.compile(r"\bIQR\b|(?i:\binterquartile\b)")
_OTHER_UNIT = re.compile(r"\s?(?![%p])[A-Za-z\u00b5\u03bc]")  # a unit other than percent


# What names a percentage an efficacy, right before it: "for a vaccine efficacy of", "VE:";
# not an efficacy against something named ("against the first clinical episode was"), which
# may be another outcome than the counts before it measure.
_EFFICACY_BEFORE = re.compile(
    r"(?i)\b(?:efficacy|effectiveness|VE)(?:\s(?:was|of|is)|\s?[=:,])?\s?$"
)


# ... or "a 35% lower risk of the primary outcome (HR 0.65 ...)", "a 30% reduction in the risk"
_RELATIVE_REDUCTION_AFTER = re.compile(
    r"\s(?i:relative\s(?:risk\s)?reduction|lower\s(?:relative\s)?risk|reduction\sin\s(?:the\s)?risk)\b"
)


def _named_an_efficacy(norm: str, start: int) -> bool:
    """Return True if the words right before the percentage at ``start`` call it an efficacy."""
    return bool(_EFFICACY_BEFORE.search(_before(norm, start, 80)))


# What comes before a percentage that is the amount of a change: a verb of change, then "by"
# ("fell by 2.37% with tirzepatide and by 1.09% with insulin glargine").
_CHANGED_BY_BEFORE = re.compile(rf"{_CHANGED_BY_WORDS}(?:\s[-\u2212+]?)?$")


def _amount_of_change(norm: str, sents: context.Sentences, start: int) -> bool:
    """Return True if the percentage at ``start`` says by how much something changed."""
    return bool(_CHANGED_BY_BEFORE.search(norm, max(sents.of(start)[0], start - 100), start))


def _percentages(norm: str, sents: context.Sentences, scan: Scanner) -> list[Candidate]:
    """Return percentages reported as results (pairs, with a CI, alone), not thresholds."""
    found = []
    for m in scan.finditer(grammar.PERCENT_PAIR, ("%",), 25, 60):
        if (
            _BELOW.search(_before(norm, m.start(), 16))
            or _RANGE_BEFORE.search(_before(norm, m.start(), 30))
            or _in_methods(norm, sents, m.start())
        ):
            continue  # "Patients with HbA1c between 7% and 10% were eligible"
        # "median f/u 22.6 months. Primary endpoint hit in 5.5% vs 7.1%": not the median's
        start = max(m.start() - 60, sents.of(m.start())[0])
        summary = _MEAN_OR_MEDIAN.search(norm, start, m.start())
        kind = "percentage"
        if summary:
            kind = "median" if _label_word(summary) == "median" else "mean"
        change = _amount_of_change(norm, sents, m.start())
        unit = "%"
        per_year = _PER_YEAR_AFTER.match(norm, norm.index("%", m.end("b")) + 1)
        if per_year and kind == "percentage":
            kind, unit = "rate", PERCENT_PER_YEAR  # "1.11% vs 1.38% per year": both are rates
        for name in ("a", "b"):
            end = norm.index("%", m.end(name)) + 1
            if kind == "rate" and name == "b":
                end = per_year.end()
            fields = {"value_text": m.group(name), "unit": unit, "pair": m.start()}
            if change:
                fields[grammar.CHANGE_AMOUNT_FLAG] = True
            found.append(Candidate(kind, m.start(name), end, fields))
    for m in scan.finditer(grammar.SHARED_PERCENT, (" vs", " versus"), 6, 12):
        a, b = m.group("a"), m.group("b")
        if ("." in a) != ("." in b) or _in_methods(norm, sents, m.start()):
            continue  # "24 vs 48.5%": the first value is not said to the same precision
        arm = context.arm_near(norm, m.start(), m.end("a"), sents.of(m.start()))
        fields = {"value_text": a, "unit": "%", "arm": arm}
        found.append(Candidate("percentage", m.start(), m.end("a"), fields))
    for m in scan.finditer(grammar.PERCENT_EFFECTIVE, ("% effective", "% efficacious"), 12, 120):
        fields = {"value_text": m.group("est"), "unit": "%", "outcome": "efficacy"}
        found.append(Candidate("percentage", m.start(), m.end(), fields | _ci_fields(m)))
    for m in scan.finditer(grammar.PERCENT_CI, ("%",), 25, 120):
        if _CI_WORD_AFTER.match(norm, norm.index("%", m.start()) + 1):
            continue
        if m.group("bare_hi") and _OTHER_UNIT.match(norm, m.end("bare_hi")):
            continue  # "HbA1c 7.0-10.5% (53-91 mmol/mol)": the same range in other units
        if _BELOW.search(_before(norm, m.start(), 16)):
            continue
        fields = {"value_text": m.group("est"), "unit": "%", **_ci_fields(m)}
        fields[grammar.EFFICACY_FLAG] = _named_an_efficacy(norm, m.start())
        found.append(Candidate("percentage", m.start(), m.end(), fields))
    for m in scan.finditer(grammar.PERCENT, ("%", " percent", " per cent"), 25, 12):
        percent_end = m.end()
        if _CI_WORD_AFTER.match(norm, percent_end) or _BELOW.search(_before(norm, m.start(), 16)):
            continue
        if value_of(m.group("pct")) in _CI_LEVELS and _CI_LEVEL_BEFORE.search(
            _before(norm, m.start(), 30)
        ):
            continue  # French "IC à 95 %", a registry's "Confidence interval level: 95 %"
        if _OR_LOWER.match(norm, percent_end) or _NOT_A_RESULT_AFTER.match(norm, percent_end):
            continue
        if _CONCENTRATION_BEFORE.search(_before(norm, m.start(), 40)):
            continue
        if _RANGE_BEFORE.search(_before(norm, m.start(), 30)) or _in_methods(
            norm, sents, m.start()
        ):
            continue
        value = value_of(m.group("pct"))
        if value is None or value > 1000:
            continue
        per_year = _PER_YEAR_AFTER.match(norm, percent_end)
        if per_year:
            arm = context.arm_near(norm, m.start(), per_year.end(), sents.of(m.start()))
            fields = {"value_text": m.group("pct"), "unit": PERCENT_PER_YEAR, "arm": arm}
            found.append(Candidate("rate", m.start(), per_year.end(), fields))
            continue
        arm = context.arm_near(norm, m.start(), percent_end, sents.of(m.start()))
        fields = {"value_text": m.group("pct"), "unit": "%", "arm": arm}
        if _PROBABILITY_BEFORE.search(_before(norm, m.start(), 50)):
            fields[grammar.PROBABILITY_FLAG] = True
        if _amount_of_change(norm, sents, m.start()):
            fields[grammar.CHANGE_AMOUNT_FLAG] = True
        # "a 43% relative reduction in mortality": named so after it
        fields[grammar.EFFICACY_FLAG] = _named_an_efficacy(norm, m.start()) or bool(
            _RELATIVE_REDUCTION_AFTER.match(norm, percent_end)
        )
        found.append(Candidate("percentage", m.start(), percent_end, fields))
    return found


def _in_methods(norm: str, sents: context.Sentences, offset: int) -> bool:
    """Return True if the sentence at ``offset`` speaks of methods or eligibility."""
    sentence = sents.of(offset)
    key = ("methods", sentence)
    if key not in sents.memo:
        sents.memo[key] = bool(_METHODS.search(norm, *sentence))
    return sents.memo[key]


def _one_sided_bound(norm: str, end: int) -> tuple[re.Match, str] | None:
    """Return the one-sided bound printed at ``end`` and its side ("lower", "upper"), or None
    when there is none or neither its side nor an infinite other end is named."""
    if "sided" not in norm[end : end + 60]:
        return None
    m = grammar.ONE_SIDED_BOUND.match(norm, end)
    side = m and (m["side"] or m["side2"] or m["side3"] or ("lower" if m["infinite"] else ""))
    return (m, side.lower()) if side else None


def _with_one_sided_bounds(norm: str, found: list[Candidate]) -> list[Candidate]:
    """Give a ratio or difference without an interval the one-sided bound printed after it
    ("difference -2.0 points (lower bound of the one-sided 97.5% CI, -7.6)") as its one limit,
    at the printed one-sided level."""
    for cand in found:
        fields = cand.fields
        if cand.kind not in {"ratio", "difference"} or fields.get("ci_low_text"):
            continue
        bound = None if fields.get("ci_high_text") else _one_sided_bound(norm, cand.end)
        if bound is None:
            continue
        m, side = bound
        limit = "ci_low_text" if side == "lower" else "ci_high_text"
        level = float(m["level"] or m["level2"]) / 100
        fields |= {limit: m["bound"], "ci_level": level, grammar.ONE_SIDED_FLAG: True}
        cand.end = m.end()
    return found


_IN_PERCENT = re.compile(r"\s?(?:%|perc|pp\b)")


def _with_spreads(norm: str, sents: context.Sentences, found: list[Candidate]) -> list:
    """Give a difference the spread printed right after it: its standard error ("mean
    difference -2.1 (SE 0.8; p = 0.01)"), with the interval that may follow the SE ("-8.3 (SE
    1.42; 95% CI -11.1 to -5.5)") or precede it; or, without an interval and within patients
    (its sentence says paired, within-patient or crossover), the SD of the paired differences
    ("the mean within-patient difference was 2.1 (SD 3.4)"), which with n gives the paired t. A
    ratio's SE is left alone: it may be of the ratio or of its logarithm."""
    for cand in found:
        fields = cand.fields
        if cand.kind != "difference" or fields.get("spread_kind"):
            continue
        if not _SPREAD_NEAR.search(norm, cand.end, cand.end + 24):
            continue
        with_interval = bool(fields.get("ci_low_text") or fields.get("ci_high_text"))
        m = grammar.STANDARD_ERROR_AFTER.match(norm, cand.end)
        if m is not None:
            if m["pct"] and not _IN_PERCENT.match(fields.get("unit") or ""):
                continue  # an SE in percent is of an estimate in percent
            fields |= {"spread_kind": "se", "spread_low_text": m["se"]}
            cand.end = m.end()
            if not with_interval and (ci := _CI_AFTER_SUMMARY.match(norm, cand.end)):
                fields |= _ci_fields(ci)
                cand.end = ci.end()
            continue
        if with_interval:
            continue
        m = grammar.SD_AFTER.match(norm, cand.end)
        if m is None or not grammar.PAIRED.search(norm, sents.of(cand.start)[0], cand.end):
            continue
        fields |= {"spread_kind": "sd", "spread_low_text": m["sd"]}
        cand.end = m.end("sd")
    return found


# What a spread printed after a difference starts with (a cheap test before the patterns).
_SPREAD_NEAR = re.compile(r"SE|s\.e\.|tandard|SD|s\.d\.|deviation|\u00b1|\+/-")


def candidates(
    norm: str, sents: context.Sentences, scan: Scanner, cells: str | None = None
) -> list[Candidate]:
    """Return every statistic candidate of a normalized text, most specific first (``cells``:
    the text with the tabs of a flattened registry table as bars, for registry.candidates)."""
    found = [
        *registry.candidates(cells or norm),
        *eu_register.candidates(norm),
        *revman.candidates(norm),
        *sas.candidates(norm),
        *_tests(norm, scan),
        *_standardized_differences(norm, scan),
        *_eta_squared(norm, scan),
        *_omega_squared_or_f(norm, scan),
        *_r_squared(norm, scan),
        *_coefficients(norm, scan),
        *_phi_or_v(norm, scan),
        *_ratios(norm, scan),
        *_table_estimates(norm, sents, scan),
        *_table_differences(norm, sents, scan),
        *_row_labelled_differences(norm, scan),
        *_table_p_values(norm, sents, scan),
        *_numbers_needed(norm, scan),
        *_rate_events(norm, sents, scan),
        *_rates(norm, sents, scan),
        *_absolute_effects(norm, sents, scan),
        *_differences(norm, scan),
        *_differences_named_after(norm, sents, scan),
        *_p_values(norm, sents, scan),
        *_event_counts_in_arms(norm, scan),
        *_cjk_count_pairs(norm, scan),
        *_explicit_counts(norm, sents, scan),
        *_summaries(norm, sents, scan),
        *_arms_after_heading(norm, sents, scan),
        *arm_sizes.size_candidates(norm, sents, scan),
        *_loose_counts(norm, sents, scan),
        *_percentages(norm, sents, scan),
    ]
    return _with_spreads(norm, sents, _with_one_sided_bounds(norm, found))
