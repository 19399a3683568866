"""Study facts that are not statistics: registrations, DOI, design, doses, follow-up times."""

from __future__ import annotations

import re

REGISTRATION = re.compile(
    r"""
    (?<![A-Za-z0-9])(?P<id>
        NCT\d{8}
        |ChiCTR-?[A-Z]{2,4}-?\d{8}|ChiCTR\d{10}
        |IRCT\d{8,14}N\d{1,3}|IRCT\d{8,14}
        |ISRCTN\d{8}
        |ACTRN\d{14}
        |EudraCT\s?(?:No\.?|number)?:?\s?\d{4}-\d{6}-\d{2}|\d{4}-\d{6}-\d{2}(?=\s?\(EudraCT)
        |DRKS\d{8}
        |JPRN-[A-Za-z]+-?\d+|jRCT[a-z]?\d{10}|UMIN\d{9}
        |CTRI/\d{4}/\d{2,3}/\d{6}
        |KCT\d{7}|TCTR\d{11}|PACTR\d{15}|NTR\d{3,5}|NL\d{4,5}
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
)
DOI = re.compile(r"(?<![A-Za-z0-9/])(?P<doi>10\.\d{4,9}/[^\s\"<>,;]{1,200}[^\s\"<>,;.)\]])")
URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]{1,500}")
DESIGN = re.compile(
    r"""(?ix)(?=[rRdDsStTpPoOnNeEmMcC])\b(?P<design>
        randomi[sz]ed|double[-\s]blind(?:ed)?|single[-\s]blind(?:ed)?|triple[-\s]blind(?:ed)?
        |placebo[-\s]controlled|open[-\s]label|single[-\s]arm|non[-\s]randomi[sz]ed
        |real[-\s]wor(?:l)?d|external\scontrol|multi[-\s]?cent(?:er|re)|prospective|retrospective
        |cohort|pilot|cross[-\s]over|crossover|phase\s(?:[1-4]|I{1,3}V?|IV)(?:/(?:[1-4]|I{1,3}))?[ab]?
    )\b""",
)
# "4 x 10^7", "4 × 10(7)", "4 × 10 7", and "4 × 107" where the superscript was lost.
DOSE = re.compile(
    r"""
    (?=\d)(?<![\d.])(?P<mantissa>\d+(?:\.\d+)?)\s?[x\u00d7]\s?10\s?(?:\^\s?|\(\s?|\s|(?=\d))
    (?P<exponent>\d{1,2})\)?
    (?P<unit>\s?(?:cells?|MSCs?|UC-MSCs?)?(?:\s?/\s?kg|\s?per\s(?:kg|infusion|dose)|/dose)?)
    """,
    re.VERBOSE,
)
_DESIGN_CANON = (
    (r"randomi[sz]ed", "randomized"),
    (r"non[-\s]randomi[sz]ed", "non-randomized"),
    (r"double[-\s]blind", "double-blind"),
    (r"single[-\s]blind", "single-blind"),
    (r"triple[-\s]blind", "triple-blind"),
    (r"placebo[-\s]controlled", "placebo-controlled"),
    (r"open[-\s]label", "open-label"),
    (r"single[-\s]arm", "single-arm"),
    (r"real[-\s]wor", "real-world"),
    (r"external\scontrol", "external control"),
    (r"multi[-\s]?cent", "multicenter"),
    (r"cross[-\s]?over", "crossover"),
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def registry_of(identifier: str) -> str:
    """Return the registry that issues an identifier."""
    for prefix, registry in REGISTRY_OF:
        if identifier.startswith(prefix):
            return registry
    return "EudraCT" if re.match(r"\d{4}-\d{6}-\d{2}", identifier) else "unknown"


def canonical_design(text: str) -> str:
    """Return the canonical design label of a matched design phrase."""
    lowered = text.lower()
    if lowered.startswith("phase"):
        number = lowered.split(None, 1)[1]
        parts = [_ROMAN.get(p.rstrip("ab"), p) for p in number.split("/")]
        return "phase " + "/".join(parts)
    for pattern, label in _DESIGN_CANON:
        if re.match(pattern, lowered):
            return label
    return lowered


def dose_value(mantissa: str, exponent: str) -> float:
    """Return the number of cells a dose expression means (4 x 10^7 -> 4e7)."""
    return float(mantissa) * 10.0 ** int(exponent)
