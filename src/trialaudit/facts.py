"""Study facts that are not statistics: registrations, DOI, design, doses and schedules,
allocation ratios and follow-up times, each with the span it was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import COUNT_WORD, word_value
from .rounding import SUPERSCRIPTS
from .spans import Scanner

REGISTRATION = re.compile(
    r"""
    (?<![A-Za-z0-9])(?P<id>
        NCT[\s\-]?\d{8}
        |ChiCTR-?[A-Z]{2,4}-?\d{8}|ChiCTR\d{10}
        |IRCT\d{8,14}N\d{1,3}|IRCT\d{8,14}
        |ISRCTN\s?\d{8}
        |ACTRN\d{14}
        |EudraCT\s?(?:No\.?|[Nn]umber)?:?\s?\d{4}-\d{6}-\d{2}|\d{4}-\d{6}-\d{2}(?=\s?\(EudraCT)
        |DRKS\d{8}
        |JPRN-[A-Za-z]{1,12}-?\d{1,14}|jRCT[a-z]?\d{10}|UMIN\d{9}
        |CTRI/\d{4}/\d{2,3}/\d{6}
        |KCT\d{7}|TCTR\d{11}|PACTR\d{15}|NTR\d{3,5}|NL\d{4,5}|RBR-\w{6,8}
    )(?![A-Za-z0-9])
    """,
    re.VERBOSE,
)
REGISTRY_OF = (
    ("NCT", "ClinicalTrials.gov"),
    ("ChiCTR", "ChiCTR"),
    ("IRCT", "IRCT"),
    ("ISRCTN", "ISRCTN"),
    ("ACTRN", "ANZCTR"),
    ("EudraCT", "EudraCT"),
    ("DRKS", "DRKS"),
    ("JPRN", "JPRN"),
    ("jRCT", "jRCT"),
    ("UMIN", "UMIN-CTR"),
    ("CTRI", "CTRI"),
    ("KCT", "CRiS"),
    ("TCTR", "TCTR"),
    ("PACTR", "PACTR"),
    ("NTR", "NTR"),
    ("NL", "NTR"),
    ("RBR", "ReBEC"),
)
DOI = re.compile(r"(?<![A-Za-z0-9])(?P<doi>10\.\d{4,9}/[^\s\"<>,;]{0,200}[^\s\"<>,;.)\]])")
URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"]{1,500}")
DESIGN = re.compile(
    r"""(?ix)(?<![A-Za-z])(?P<design>
        non[-\s]?randomi[sz]ed|randomi[sz]ed|randomly\sassigned|RCT
        |double[-\s]blind(?:ed)?|single[-\s]blind(?:ed)?|triple[-\s]blind(?:ed)?|open[-\s]label
        |placebo[-\s]controlled|single[-\s]arm|real[-\s]wor(?:l)?d
        |(?:contemporaneous\s|historical\s)?external\scontrols?
        |multi[-\s]?cent(?:er|re)|single[-\s]cent(?:er|re)|prospective|retrospective
        |observational|case\sseries|pilot|cohort|cross[-\s]?over|parallel[-\s]group
        |(?:block|stratified|central|computer-generated)\srandomi[sz]ation
        |phase\s?(?:[1-4]|I{1,3}|IV)(?:\s?/\s?(?:[1-4]|I{1,3}|IV))?[ab]?
    )(?![A-Za-z])""",
)
# "4 x 10^7", "4 × 10(7)", "4 × 10 7", "1.5 × 10⁶" and "4 × 107" where the superscript was
# lost (the lost form needs an exponent of 2 to 19, so "3 × 100 mg" is not read as a dose).
_DOSE_UNIT = (
    r"(?P<unit>\s?(?:(?:viable\s)?(?:cells?|MSCs?|UC-MSCs?|(?:stem\s)?cells?|EVs?|particles))?"
    r"(?:\s?/\s?(?:kg|m2|m\u00b2|dose|infusion|injection)|\sper\s(?:kg|infusion|injection|dose)"
    r"(?:\sof\sbody\sweight)?)?)"
)
DOSE = re.compile(
    rf"""
    (?P<mantissa>\d(?<![\d.]\d)\d{{0,3}}(?:\.\d{{1,3}})?)\s?[x\u00d7]\s?10
    (?:\s?\^\s?(?P<e1>\d{{1,2}})|\s?\(\s?(?P<e2>\d{{1,2}})\s?\)|\s(?P<e3>\d{{1,2}})(?![\d.])
      |(?P<e4>[2-9]|1[0-9])(?![\d.])|\s?(?P<e5>[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{{1,2}})
      |[eE](?P<e6>\d{{1,2}}))
    {_DOSE_UNIT}
    """,
    re.VERBOSE,
)
# "106 cells/kg" meaning 10^6 cells/kg (mantissa and superscript both lost).
LOST_EXPONENT_DOSE = re.compile(
    r"10(?<![\d.\u00d7x]10)(?<![\d.\u00d7x]\s10)(?P<e>[4-9]|1[0-2])\s?(?P<unit>(?:cells?|MSCs?)"
    r"\s?(?:/\s?kg|per\s(?:kg|infusion|dose)))"
)
SCHEDULE = re.compile(
    r"""(?i)(?<![A-Za-z])(?:on|at)\s(?:days?|d)\s?(?P<days>\d{1,3}(?:\s?(?:,\s?and|,|and|&)\s?
        \d{1,3}){1,12})(?![\d.])""",
    re.VERBOSE,
)
REPEATED = re.compile(
    rf"(?<![A-Za-z])(?P<count>{COUNT_WORD})\s(?:(?i:consecutive|separate|repeated|weekly|daily)\s)?"
    r"(?i:(?:intravenous\s)?(?:infusions|injections|doses|administrations))"
)
ALLOCATION = re.compile(
    r"(?<![\d.:])(?P<ratio>\d{1,2}\s?:\s?\d{1,2}(?:\s?:\s?\d{1,2})?)(?![\d.:])"
    r"(?=\s(?:ratio|randomi|allocation|fashion|manner))"
    r"|(?i:ratio\sof\s)(?P<ratio2>\d{1,2}\s?:\s?\d{1,2})(?![\d.:])"
)
_UNIT_WORD = r"(?P<unit>day|week|month|year|hour|h)"
# Around a unit: "1-year follow-up", "Three years post-treatment", "48 h after the second
# infusion", "at 36 months post-MSC therapy", "from baseline to day 28".
FOLLOW_UP = re.compile(
    rf"""(?ix)
    (?<![A-Za-z0-9.])(?P<n1>{COUNT_WORD})[\s\-]{_UNIT_WORD.replace("unit", "u1")}s?\s
        (?:(?:of\s)?follow[\s\-]?up|post[\s\-]?[\w\-]{{1,25}}
        |after\s(?:the\s)?(?:treatment|infusion|randomi[sz]ation|discharge|intervention|second
        |first|last))
    |(?<![A-Za-z])at\s(?P<n3>{COUNT_WORD})\s(?P<u3>day|week|month|year)s?\s
        (?:post|after|following)\b
    |baseline\s(?:to|until|through)\s(?P<u5>day|week|month)\s(?P<n5>\d{{1,4}})(?![\d.])
    """,
)
# "followed up ... for 1 year", "follow-up conducted over 3 years".
FOLLOW_UP_FOR = re.compile(
    rf"""(?ix)follow(?:ed)?[\s\-]?up\s(?:[\w\-]{{1,20}}\s){{0,5}}?(?:for|over|of|to|through|until)\s
        (?:up\sto\s)?(?P<n2>{COUNT_WORD})\s(?P<u2>day|week|month|year)s?\b"""
)
# "followed up at 3-month intervals": the visit interval.
FOLLOW_UP_INTERVAL = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<n4>{COUNT_WORD})[\s\-](?P<u4>day|week|month|year)s?\sintervals?\b"
)
FOLLOW_UP_LIST = re.compile(
    r"""(?i)(?<![A-Za-z])(?:on|at)\s(?P<unit>day|week|month)s\s(?P<items>\d{1,4}(?:\s?(?:,\s?and
        |,|and)\s?\d{1,4}){1,20})(?![\d.])""",
    re.VERBOSE,
)

# Literal anchors every match contains (see spans.Scanner).
REGISTRY_ANCHORS = (
    "nct", "chictr", "irct", "isrctn", "actrn", "eudract", "drks", "jprn", "jrct", "umin", "ctri",
    "kct", "tctr", "pactr", "ntr", "nl", "rbr",
)  # fmt: skip
_DESIGN_ANCHORS = (
    "random", "rct", "blind", "label", "placebo", "single", "real", "external", "multi",
    "prospective", "retrospective", "observational", "series", "pilot", "cohort", "cross",
    "parallel", "phase",
)  # fmt: skip
_REPEATED_NOUNS = ("infusions", "injections", "doses", "administrations")
_FOLLOW_UP_ANCHORS = ("day", "week", "month", "year", "hour", "h after", "h post", "baseline")
_DESIGN_CANON = (
    (r"non[-\s]?randomi[sz]ed", "non-randomized"),
    (r"randomi[sz]ed|randomly|rct|\w{1,30}\srandomi[sz]ation", "randomized"),
    (r"double[-\s]blind", "double-blind"),
    (r"single[-\s]blind", "single-blind"),
    (r"triple[-\s]blind", "triple-blind"),
    (r"placebo[-\s]controlled", "placebo-controlled"),
    (r"open[-\s]label", "open-label"),
    (r"single[-\s]arm", "single-arm"),
    (r"real[-\s]wor", "real-world"),
    (r"(?:contemporaneous\s|historical\s)?external\scontrol", "external control"),
    (r"multi[-\s]?cent", "multicenter"),
    (r"single[-\s]cent", "single-center"),
    (r"cross[-\s]?over", "crossover"),
    (r"case\sseries", "case series"),
    (r"parallel", "parallel-group"),
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# Sentences that speak of other or future studies ("a phase 3 trial is required", "further
# randomized trials are warranted", "based on our phase 1 data").
HEDGE = re.compile(
    r"(?i)\b(?:is|are|be)\s(?:still\s)?(?:required|warranted|needed|necessary)\b|\bfurther\s"
    r"(?:\w{1,30}\s){0,3}?(?:studies|trials|research)|\bfuture\b|\bbased\son\sour\b|\bshould\sbe\b"
    r"|\bwill\sbe\b|\bongoing\b"
)
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25, "hour": 1 / 24, "h": 1 / 24}


@dataclass(frozen=True)
class Fact:
    """A study fact read from a span of the normalized text."""

    fact: str
    value: str
    start: int
    end: int
    number: float | None = None


def registry_of(identifier: str) -> str:
    """Return the registry that issues an identifier."""
    for prefix, registry in REGISTRY_OF:
        if identifier.startswith(prefix):
            return registry
    return "EudraCT" if re.match(r"\d{4}-\d{6}-\d{2}", identifier) else "unknown"


def canonical_registration(raw: str) -> str:
    """Return a registration ID without spaces or the hyphen some authors add after NCT."""
    identifier = re.sub(r"\s{1,100}", "", raw)
    identifier = re.sub(r"^EudraCT(?:No\.?|[Nn]umber)?:?", "", identifier)
    return re.sub(r"^NCT-", "NCT", re.sub(r"^ISRCTN-", "ISRCTN", identifier))


def canonical_design(text: str) -> str:
    """Return the canonical design label of a matched design phrase."""
    lowered = re.sub(r"\s{1,100}", " ", text.lower())
    if lowered.startswith("phase"):
        number = lowered[5:].strip().replace(" ", "")
        parts = [_ROMAN.get(p.rstrip("ab"), p.rstrip("ab")) for p in number.split("/")]
        return "phase " + "/".join(parts)
    for pattern, label in _DESIGN_CANON:
        if re.match(pattern, lowered):
            return label
    return lowered


def dose_exponent(match: re.Match) -> int:
    """Return the power of ten of a DOSE match."""
    for name in ("e1", "e2", "e3", "e4", "e6"):
        if match.group(name):
            return int(match.group(name))
    return int(match.group("e5").translate(SUPERSCRIPTS))


def dose_value(mantissa: str, exponent: int | str) -> float:
    """Return the number of cells a dose expression means (4 x 10^7 -> 4e7)."""
    return float(mantissa) * 10.0 ** int(exponent)


def _dose_label(value: float) -> str:
    """Return the value of a dose fact: the number of cells, as a number."""
    return f"{value:.6g}"


def dose_facts(norm: str, scan: Scanner) -> list[Fact]:
    """Return the doses of ``norm`` with their value in cells (or units) as a number."""
    rows = []
    for m in scan.finditer(DOSE, ("10",), 15, 70):
        value = dose_value(m.group("mantissa"), dose_exponent(m))
        end = m.end("unit") if m.group("unit").strip() else m.end("unit") - len(m.group("unit"))
        rows.append(Fact("dose", _dose_label(value), m.start(), end, value))
    for m in scan.finditer(LOST_EXPONENT_DOSE, ("10",), 5, 40):
        value = 10.0 ** int(m.group("e"))
        rows.append(Fact("dose", _dose_label(value), m.start(), m.end(), value))
    return rows


def schedule_facts(norm: str, sentences, scan: Scanner) -> list[Fact]:
    """Return administration schedules ("on days 0, 3 and 6", "two consecutive infusions")
    from sentences that speak of giving a treatment."""
    rows = []
    for m in scan.finditer(SCHEDULE, ("day", "on d", "at d"), 5, 80):
        start, end = sentences.of(m.start())
        if not _ADMINISTRATION.search(norm, start, end):
            continue
        days = re.findall(r"\d{1,3}", m.group("days"))
        rows.append(Fact("schedule", "days " + ",".join(days), m.start(), m.end(), len(days)))
    for m in scan.finditer(REPEATED, _REPEATED_NOUNS, 70, 5):
        count = word_value(m.group("count"))
        if count:
            rows.append(Fact("schedule", f"{count} doses", m.start(), m.end(), float(count)))
    return rows


_ADMINISTRATION = re.compile(
    r"(?i)\b(?:dose|doses|infusions?|injections?|administ\w{0,10}|received|receive|receiving"
    r"|given|cells|transfus\w{0,6}|treated|placebo)\b"
)


def allocation_facts(norm: str, scan: Scanner) -> list[Fact]:
    """Return allocation ratios ("randomly assigned at a 2:1 ratio")."""
    rows = []
    for m in scan.finditer(ALLOCATION, (":",), 10, 40):
        group = "ratio" if m.group("ratio") else "ratio2"
        value = re.sub(r"\s", "", m.group(group))
        rows.append(Fact("allocation", value, m.start(group), m.end(group)))
    return rows


_VISITS = re.compile(
    r"(?i)follow|visits?\b|measured|assessed|evaluated|recorded|examined|outcomes?\b|endpoint"
)


def follow_up_facts(norm: str, sentences, scan: Scanner) -> list[Fact]:
    """Return follow-up durations and visit times, each as a canonical label ("year 3") with
    the time in days as its number; a list of days counts only in a sentence about visits."""
    rows = []
    matches = [
        *scan.finditer(FOLLOW_UP, _FOLLOW_UP_ANCHORS, 30, 70),
        *scan.finditer(FOLLOW_UP_FOR, ("follow",), 0, 170),
    ]
    for m in matches:
        for index in ("1", "2", "3", "5"):
            if m.groupdict().get(f"n{index}"):
                number = word_value(m.group(f"n{index}"))
                unit = m.group(f"u{index}").lower()
                if number is None:
                    continue
                unit = "hour" if unit == "h" else unit
                rows.append(
                    Fact("follow_up", f"{unit} {number}", m.start(), m.end(), number * _DAYS[unit])
                )
    for m in scan.finditer(FOLLOW_UP_INTERVAL, ("interval",), 30, 5):
        number = word_value(m.group("n4"))
        unit = m.group("u4").lower()
        if number is not None:
            days = number * _DAYS[unit]
            rows.append(Fact("follow_up", f"{unit} {number}", m.start(), m.end(), days))
    for m in scan.finditer(FOLLOW_UP_LIST, ("days", "weeks", "months"), 10, 150):
        start, end = sentences.of(m.start())
        if not _VISITS.search(norm, start, end) or _ADMINISTRATION.search(norm, start, end):
            continue
        unit = m.group("unit").lower()
        for item in re.finditer(r"\d{1,4}", m.group("items")):
            number = int(item.group())
            start = m.start("items") + item.start()
            rows.append(
                Fact(
                    "follow_up",
                    f"{unit} {number}",
                    start,
                    start + len(item.group()),
                    number * _DAYS[unit],
                )
            )
    return rows


def design_facts(norm: str, sentences, scan: Scanner) -> list[Fact]:
    """Return design phrases, leaving out those in sentences about other or future studies."""
    rows = []
    for m in scan.finditer(DESIGN, _DESIGN_ANCHORS, 30, 30):
        start, end = sentences.of(m.start())
        if HEDGE.search(norm, start, end):
            continue
        rows.append(Fact("design", canonical_design(m.group("design")), m.start(), m.end()))
    return rows


def identifier_facts(norm: str, scan: Scanner) -> list[Fact]:
    """Return registration IDs and DOIs."""
    matches = {
        m.span(): m
        for anchors, before in ((REGISTRY_ANCHORS, 0), (("eudract",), 20))
        for m in scan.finditer(REGISTRATION, anchors, before, 40)
    }
    rows = [
        Fact("registration", canonical_registration(m.group("id")), m.start(), m.end())
        for _, m in sorted(matches.items())
    ]
    rows += [
        Fact("doi", m.group("doi").lower(), m.start("doi"), m.end())
        for m in scan.finditer(DOI, ("10.",), 0, 260)
    ]
    return rows
