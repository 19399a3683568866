"""Compiled regular expressions for the statistics that trial reports print.

Patterns run on normalized text (see normalize.py): dashes and minus signs are '-', exotic
spaces are ' ', full-width forms are ASCII, decimal commas are points. Every quantifier is
bounded, so that no pattern backtracks catastrophically on adversarial lines, and every
pattern starts on a word start (a letter, a digit, a sign before a digit), where
spans.Scanner tries it near the literal anchors its matches contain.
"""

from __future__ import annotations

import re

from .numbers import COUNT_WORD, DEC, INT, SIGNED

_X = re.VERBOSE

# Units that may follow a value or a CI limit ("27.00 m; 95% CI 0.00, 57.00"); time in French,
# Swedish, Romanian ("36 de zile") and Finnish; amounts per kilogram, hour or day ("112 g/kg
# (SD 45)", "1.2 mL/kg/h", "25 kcal/kg/day", "2 L/min").
UNIT = r"""(?:\s?%|\s?(?:percentage[\s-]points?|pp|points?|mm\s?Hg|m|cm|mm|ml|mL|L|kg|g|mg
    |days?|d|hours?|h|minutes?|mins?|weeks?|months?|years?|yrs?|mo|y(?=\s?[(\[;,.])|jours?|semaines?
    |dagar|veckor|(?:de\s)?(?:zile|ani)|Tagen?|d[i\u00ed]as|giorni|p\u00e4iv\u00e4\u00e4|viikkoa|kuukautta|mg/dL|mg/L|mmol/L|ng/mL|pg/mL|U/L|IU/L|bpm|score|m/s
    |(?:cells|copies)/(?:µL|μL|mm3|mm³|mL)|[µμnp]mol/L|mL/min(?:/|\sper\s)1\.73\s?m[²2]|mL/min
    |mg/kg|kg/m[²2]
    |(?:[µμnm]?g|m?L|kcal|m?mol|I?U)/kg(?:/(?:h|d|day|min))?|(?:[µμm]?g|kcal)/d(?:ay)?|m?L/(?:h|d)|L/min|[µμn]g/(?:L|m[Ll]|d[Ll])|g/(?:L|dL)|mEq/L|mmol/mol|m?IU/mL
    # an antibody concentration: "binding antibody units", "ELISA units" per mL
    |B?AU/mL|EL?U/mL)(?![\w/]))"""
# A percent sign, or the word a transcript, a newspaper or a press release prints: "26.6
# percent", "95 per cent".
PCT = r"(?:\s?%|\s(?i:percent|per\scent)(?![A-Za-z]))"
# ... and in German, Spanish, Portuguese, French and Swedish reports: "bis", "a", "à", "till".
_SEP = r"\s?(?:-|~|to|,|;|and|bis|a|\u00e0|till)\s?"
# "95% CI: 0.65-4.34", "95% confidence interval [CI]: 0.65-4.34", "95% CI -29.14%, 2.13%",
# "CI 95% 0.65 to 4.34", "(95% CI, 0.65; 4.34)", "95% CI between 0.65 and 4.34"; German "95%-KI
# -9,1 bis -1,3", Spanish and Portuguese "IC 95%: 0,60-0,91", "IC95% 0,42-0,95", French "IC à
# 95 %", Indonesian "IK 95% 0,29–0,89".
CI_BODY = rf"""
    (?:(?P<level>\d{{2}}(?:\.\d{{1,2}})?){PCT}(?::n)?[\s-]?)?
    (?:CI|C\.I\.|CrI|KI|IK|IC(?:\s\u00e0)?|I\u00ce|LV|\u05e8\u05d5\u05d5\u05d7\s\u05e1\u05de\u05da
      |(?i:konfidensintervall(?:et)?|luottamusv\u00e4li)
      |(?i:con(?:fi|\ufb01)dence\s(?:intervals?|limits)|credible\sintervals?|uncertainty\sinterval
        |Konfidenzintervall|intervalo\sde\sconfian(?:za|\u00e7a))
      # Chinese: 置信区间, 可信区间, 信賴區間; Japanese 信頼区間
      |\u7f6e\u4fe1\u533a\u95f4|\u53ef\u4fe1\u533a\u95f4|\u4fe1\u8cf4\u5340\u9593|\u4fe1\u983c\u533a\u9593
      |(?<=%\s)(?:CL|UI)|(?<=%)(?:CL|UI))
    (?:\s?[\[(](?:\d{{2}}\s?%\s)?(?:CI|CrI)[\])])?
    (?:\s?(?P<level2>\d{{2}})\s?%)?
    \s?(?:[:=,]\s?)?(?:(?:from|between|of)\s)?
    (?P<ci_open>[\[(])?\s?
    (?P<lo>{SIGNED}){UNIT}?
    {_SEP}
    (?P<hi>{SIGNED}){UNIT}?(?!\d)(?!\.\d)
    (?(ci_open)\s?[\])])
"""
# An interval or IQR closed by the p that shares its bracket: "-0.7 (-1.4 to 0.0; P = .05)",
# "49 (IQR 37-61; p=0.008)".
_P_IN_BRACKET = r"(?=;\s?[Pp]\s?(?:[=<>\u2264]|value))"
# A bare bracketed interval right after an estimate: "1.68 (0.65-4.34)", "1.68 [0.65, 4.34]".
CI_BARE = rf"""
    (?P<bare_open>[\[(])\s?(?P<bare_lo>{SIGNED}){UNIT}?\s?(?:-|~|to|,|;)\s?
    (?P<bare_hi>{SIGNED}){UNIT}?(?:\s?[\])]|{_P_IN_BRACKET})
"""
# "0.42, with a 95% confidence interval of 0.20 to 0.87"
_CI_WITH = r"(?:(?i:with|and)\s(?:an?\s|the\s|its\s)?)"
_CI_TAIL = rf"(?:\s?(?:[,;(\[]\s?){{0,2}}{_CI_WITH}?(?:{CI_BODY})|\s?{CI_BARE})"
# Lancet's interval after a comma inside the estimate's bracket: "(IRR 0.69, 0.53-0.90)", or
# after a semicolon: "(HR 0.65; 0.51-0.83)", or said at a sentence's end in a talk's transcript
# ("hazard ratio 0.91, 0.67 to 1.24.").
CI_AFTER_COMMA = rf"""
    [,;]\s(?P<comma_lo>{SIGNED}){UNIT}?\s?(?:-|~|to)\s?(?P<comma_hi>{SIGNED}){UNIT}?
    (?!\d)(?!\.\d)(?=\s?[)\];]|\.(?:\s|$)|,\s?[Pp]\s?[=<>\u2264])  # "(OR 1.76, 1.17-2.66, p=0.007)"
"""
_CI_TAIL_OR_COMMA = rf"(?:{_CI_TAIL}|{CI_AFTER_COMMA})"

# "was" in German, Spanish, Portuguese, French and Italian reports ("betrug", "fue", "foi",
# "était de", "era", "è stato pari a").
_FOREIGN_WAS = (
    r"(?:betrug|war|(?:fue|foi)(?:\sde)?|(?:\u00e9tait|est)(?:\sde)?"
    r"|(?:era|\u00e8|fu)(?:\sstat[oa])?(?:\spari\sa)?|pari\sa|oli)"
)
# A column heading that says a bare interval follows the estimate: "Odds ratio (95% CI): 0.35
# (0.14-0.88)", "MD (95% CI) -2.1 (-3.9 to -0.3)".
CI_HEADING = (
    r"(?:\s?[\[(](?:(?P<heading_level>\d{2}(?:\.\d)?)\s?%\s?)?"
    r"(?:CI|(?i:con(?:fi|\ufb01)dence\sinterval))[\])])"
)
# A table's row that names a difference and its CI before the value, the columns apart:
# "Difference from placebo (95% CI)      -0.88 (-1.35, -0.41)", "Treatment difference (95% CI)
# -3.1 (-5.0 to -1.2)", and the p-value row under it ("p-value     0.0003").
ROW_LABELLED_DIFFERENCE = re.compile(
    rf"""(?m)(?<![^\n])[ \t]{{0,10}}(?P<label>(?i:(?:(?:LS|least[-\s]squares|adjusted|mean
    |treatment|estimated|between[-\s]group)\s){{0,3}}difference
    (?:\s(?:from|vs\.?|versus)\s[\w\-]{{1,25}}(?:\s[\w\-]{{1,25}}){{0,2}})?))
    ,?{CI_HEADING}[ \t]{{2,60}}(?P<est>{SIGNED})\s?{CI_BARE}[ \t]*$""",
    _X,
)
ROW_P_VALUE = re.compile(
    r"\n[ \t]{0,10}(?i:p[-\s]value|p)[ \t]{2,60}"
    r"(?P<p>(?P<cmp>[<>\u2264]\s?)?(?:0?\.\d{1,6}|1\.0{0,4}))[ \t]*(?=\n|$)"
)
# ... and a vaccine trial's geometric mean (titre or concentration) ratio: "GMTR 4.0"
_RATIO_ABBR = r"(?:a|adj)?(?:OR|RR|HR|IRR)s?|AOR|AHR|sHR|csHR|aIRR|GM[TC]?Rs?"
RATIO = re.compile(
    rf"""
    (?<![A-Za-z\-])
    (?:(?P<abbr>{_RATIO_ABBR})
      |(?P<name>(?i:(?:(?:adjusted|unadjusted|crude|pooled|summary|overall|subdistribution
            |cause-specific|incidence)\s){{0,2}}
          (?:odds|risk|hazard|rate)\sratios?|relative\s(?:risks?|rates?)
          |(?:geometric\smean(?:\s(?:antibody\s)?(?:titre|titer|concentration)s?)?|GM[TC])\sratios?
          # ... in French, Spanish, Portuguese, Italian and German reports
          |risque\srelatif|rapport\sde[s]?\scotes|riesgo\srelativo|raz[o\u00f3]n\sde\s(?:momios
          |probabilidades)|risco\srelativo|raz[a\u00e3]o\sde\schances|rischio\srelativo
          |relatives?\sRisiko|(?:Chancen|Quoten)verh[a\u00e4]ltnis
          # ... Swedish, Finnish and Romanian
          |(?:risk|odds|hasard|frekvens|incidens)kvot|(?:veto|riski|hasardi)suhde
          |risc(?:ul)?\srelativ)
          # ... and Chinese: odds ratio, hazard ratio, relative risk
          |\u52dd\u7b97\u6bd4|\u6bd4\u503c\u6bd4|\u4f18\u52bf\u6bd4|\u98ce\u9669\u6bd4|\u98a8\u96aa\u6bd4
          |\u76f8\u5bf9\u5371[\u9669\u96aa]\u5ea6
          # ... and Japanese: odds ratio, risk ratio, hazard ratio (オッズ比, リスク比, ハザード比)
          |\u30aa\u30c3\u30ba\u6bd4|\u30ea\u30b9\u30af\u6bd4|\u30cf\u30b6\u30fc\u30c9\u6bd4
          # ... and Hebrew: hazard ratio, odds ratio, relative risk
          |\u05d9\u05d7\u05e1\s\u05e1\u05d9\u05db\u05d5\u05e0\u05d9\u05dd|\u05d9\u05d7\u05e1\s\u05e1\u05d9\u05db\u05d5\u05d9\u05d9\u05dd|\u05e1\u05d9\u05db\u05d5\u05df\s\u05d9\u05d7\u05e1\u05d9))
    (?![A-Za-z])
    (?:\s?[\[(](?P<abbr2>{_RATIO_ABBR})[\])])?
    (?:,?\s(?:for|of)\s(?![\d\-])(?P<qual>[A-Za-z][\w\-]{{0,24}}
        (?:\s(?!was\b|were\b|is\b|of\b|adjusted\b|stratified\b)[A-Za-z][\w\-]{{0,24}}){{0,3}}))?
    # "odds ratio adjusted for clustering 0.71": what it was adjusted for (extract flags it)
    (?:,?\s(?P<adjusted_for>(?i:adjusted|stratified|controlled)\sfor\s(?![\d\-])[A-Za-z][\w\-]{{0,24}}
        (?:,?\s(?!was\b|were\b|is\b)[A-Za-z][\w\-]{{0,24}}){{0,4}}),?)?
    # "hazard ratios versus placebo were 0.93": what the ratio compares with, before the verb
    (?:\s(?:versus|vs\.?)\s[A-Za-z][\w\-]{{0,24}}(?=\s(?:was|were)\s))?
    {CI_HEADING}?
    \s?(?:[:=,]|\s(?:was|of|is|were|would\sbe|equal\sto|{_FOREIGN_WAS}))?\s?(?:[:=]\s?)?
    (?P<est>{DEC})(?!\d)(?!\.\d)(?!\s?/)
    (?P<ci>{_CI_TAIL_OR_COMMA})?
    """,
    _X,
)

# A number needed to treat or harm, with its interval: "NNT 5 (95% CI 3 to 40)", "the number
# needed to treat to prevent one death was 8 (95% CI 5 to 21)", "NNTB = 12.5".
# ... and to vaccinate (NNV) or screen, one benefit each: "The number needed to vaccinate was 46"
NNT_ABBREVIATIONS = r"(?:NNTB|NNTH|NNT|NNH|NNV)"
NUMBER_NEEDED = re.compile(
    rf"""
    (?<![A-Za-z\-])
    (?:(?P<abbr>{NNT_ABBREVIATIONS})s?
      |(?P<name>(?i:numbers?\sneeded\sto\s(?P<verb>treat|harm|vaccinate|screen)
        (?:\s\({NNT_ABBREVIATIONS}\))?)))
    (?![A-Za-z])
    (?:,?\s(?i:for|of|in)\s(?![\d\-])(?P<qual>[A-Za-z][\w\-]{{0,24}}
        (?:\s(?!was\b|were\b|is\b|of\b)[A-Za-z][\w\-]{{0,24}}){{0,3}}))?
    (?:\s(?i:to|for)\s(?i:prevent|avoid|cause|achieve|obtain|save)\s(?:(?i:one|1|a|an)\s)?
        (?P<qual2>[^\d;.]{{1,60}}?))?
    {CI_HEADING}?
    \s?(?:[:=,]|\s(?:was|of|is|were|equal\sto))?\s?(?:[:=]\s?)?
    (?P<est>{DEC})(?!\d)(?!\.\d)(?!\s?[/%])
    (?P<ci>{_CI_TAIL})?
    """,
    _X,
)

# Event rates per person-time: "0.85 per patient-year", "1.8 episodes per child-year",
# "3.2 per 1,000 person-years", "12.3/100 PY", "0.93 exacerbations per patient per year".
_PERSON_TIME = (
    r"(?:(?i:person|patient|participant|child|subject|woman|man|infant|resident|pupil)s?"
    r"[-\s](?i:years?|yrs?|months?|weeks?|days?)(?:\s(?i:at\srisk|of\sfollow-up))?"
    r"|PYs?(?![A-Za-z])|(?i:patient|person|participant|child)\sper\s(?i:year|month))"
)
RATE = re.compile(
    rf"""
    (?<![\w.,/\-])(?P<est>{DEC})(?!\s?%)
    (?:\s(?P<events>(?:[A-Za-z][\w\-]{{1,20}}\s){{0,2}}?[A-Za-z][\w\-]{{1,20}}))?
    \s?(?:(?i:per)\s|/\s?)(?P<mult>(?:100|1,?000|10,?000|100,?000)\s)?(?P<time>{_PERSON_TIME})
    """,
    _X,
)
# Things that happen to a person more than once, whose count per year is a rate ("1.2 vs 1.8
# exacerbations per year"); "4 tablets per year" is a schedule.
RECURRENT_EVENTS = (
    r"(?i:exacerbations|episodes|attacks|falls|infections|relapses|seizures|admissions"
    r"|hospitali[sz]ations|bleeds|events|flares|crises|migraines)"
)
# The events a count right before counts: "14 hospitalizations in the vaccine group".
EVENTS_AFTER = re.compile(rf"\s(?P<events>{RECURRENT_EVENTS})\b")
RATE_PER_YEAR = re.compile(
    rf"""(?<![\w.,/\-])(?P<est>{DEC})(?!\s?%)
    \s(?P<events>(?:[A-Za-z][\w\-]{{1,20}}\s){{0,2}}?{RECURRENT_EVENTS})
    \s(?:(?i:per)\s|/\s?)(?P<time>(?i:year|yr))\b""",
    _X,
)
# "The annualized rate of severe exacerbations was 0.85", "annualised relapse rate (ARR) of
# 0.16": events a patient has in a year, on average.
ANNUALIZED_RATE = re.compile(
    rf"""(?i:annuali[sz]ed)\s(?P<what>(?:[\w\-]{{1,25}}\s){{0,6}}?)(?:\([A-Z]{{2,5}}\)\s)?
    (?:was|were|of)\s(?P<est>{DEC})(?!\d|\.\d|\s?%|\s?/)""",
    _X,
)
# Events over the person-time they occurred in: "35 events in 1,200 person-years", "12 cases
# during 843 person-months of follow-up", "35/1,200 person-years".
RATE_EVENTS = re.compile(
    rf"""
    (?<![\w.,/\-])(?P<events>{INT})(?!\.\d)
    (?:\s?/\s?|\s(?:[A-Za-z][\w\-]{{1,20}}\s){{0,4}}?(?i:in|over|during|among)\s)
    (?P<time>{DEC})\s(?P<unit>{_PERSON_TIME})
    """,
    _X,
)
# The rate before one with its unit, in a pair that prints the unit once: "1.2 vs 1.8 episodes
# per child-year".
RATE_BEFORE = re.compile(
    rf"(?<![\w.,/\-])(?P<est>{DEC})\s?(?:vs\.?|versus|v|and|compared\swith)\s$"
)
# The rate after one with its unit: "0.85 per patient-year with drug and 1.21 with placebo".
RATE_AFTER = re.compile(
    rf"""[^;:()%\n]{{0,60}}?\s(?:and|vs\.?|versus|v|compared\swith|against)\s
    (?P<est>{DEC})(?!\d|\.\d|\s?%|\s?/|\s(?i:per)\s)(?=\s(?:with|in|for|among|on)\s|\s?[,;)]|\.(?!\d))""",
    _X,
)

# Absolute effects of a GRADE summary of findings (GRADE handbook, section 5.2): each arm's risk
# per 1000 ("314 per 1000 with usual care", "455 per 1000 (341 to 607)") and their difference
# ("141 more per 1000 (27 more to 293 more)"), both derived from the comparator's risk and the
# relative effect. A rate per 1000 person-years is not one.
# (a comma or point after it ends the clause: "an assumed risk of 200 per 1000, this is ...")
_PER_THOUSAND = r"(?i:per)\s1(?:[,.\s\u2009]?000)(?!\d|[,.]\d)"
_NOT_PERSON_TIME = (
    r"(?!\s(?i:person|patient|participant|child|women|men|live|births|PY|population|inhabitants))"
)
_MORE_FEWER = r"(?i:more|fewer|less|higher|lower)"
ABSOLUTE_DIFFERENCE = re.compile(
    rf"""(?<![\w.,/\-])(?P<est>\d{{1,4}})\s(?P<dir>{_MORE_FEWER})\s{_PER_THOUSAND}{_NOT_PERSON_TIME}
    (?:\s?\((?:95\s?%\s?CI:?\s?|from\s)?(?P<lo>\d{{1,4}})\s(?P<lo_dir>{_MORE_FEWER})
    \s?(?:to|-|\u2013)\s?(?P<hi>\d{{1,4}})\s(?P<hi_dir>{_MORE_FEWER})\)?)?""",
    _X,
)
ABSOLUTE_RISK = re.compile(
    rf"""(?<![\w.,/\-])(?P<est>\d{{1,4}})\s{_PER_THOUSAND}{_NOT_PERSON_TIME}
    (?:\s(?:with|in|for|on)\s(?P<arm>[^()\n;,.:]{{1,40}}?)(?=\s?\(|[;,.]|\s(?:vs|versus|and|that)\b|$))?
    (?:\s?\((?:95\s?%\s?CI:?\s?)?(?P<lo>\d{{1,4}})\s?(?:to|-|\u2013)\s?(?P<hi>\d{{1,4}})\))?""",
    _X | re.MULTILINE,
)
# A summary of findings' continuous absolute effect (GRADE handbook 5.2.2): "MD 0.9 higher (0.5
# higher to 1.3 higher)", "SMD 0.3 lower (0.5 lower to 0.1 lower)".
GRADE_MEAN_DIFFERENCE = re.compile(
    rf"""(?<![A-Za-z])(?P<abbr>S?MD)\s(?P<est>{DEC})\s(?P<dir>higher|lower)\s?\((?:95\s?%\s?CI:?\s?)?
    (?P<lo>{DEC})\s(?P<lo_dir>higher|lower)\s(?:to|-|\u2013)\s(?P<hi>{DEC})\s(?P<hi_dir>higher|lower)\)""",
    _X,
)
# A summary of findings' row label: "Independent walking at 30 days: 71/156 ...".
ROW_LABEL = re.compile(r"(?P<label>[^:\n]{3,80}):\s")
# What tells that a line's risks per 1000 are a summary of findings' absolute effects.
ABSOLUTE_EFFECTS_CUE = re.compile(r"(?i)absolute\seffects?|risk\swith\b")

# A further estimate of the same measure: "... 1.9 (95% CI 1.2-3.0) at day 28 and 2.4 (95% CI
# 1.4-4.1) at day 90". It needs its own CI.
_NEXT_LEAD = r"[^.;\n]{0,40}?(?:,|\band\b|;|\bvs\.?|\sv\.?(?=\s)|\bversus\b)\s?"
RATIO_NEXT = re.compile(
    # the p of the first may stand between them, and a label before the next: "odds ratio 1.76,
    # 95% CI 1.17-2.66, p=0.0066; high dose vs placebo: 2.13, 1.41-3.21"
    rf"""(?:[;,]\s?[Pp]\s?[=<>\u2264]\s?0?\.\d{{1,6}})?
    {_NEXT_LEAD}(?:[A-Za-z][\w\-]{{0,20}}:?\s){{0,4}}?
    (?:(?:was|of|were|is)\s)?(?P<est>{DEC})(?!\d)(?!\.\d)(?P<ci>{_CI_TAIL_OR_COMMA})""",
    _X,
)

# A further difference of the same measure, with its own CI: "mean difference was -1.3 points
# (95% CI -2.2 to -0.4) for fish oil and -0.7 points (95% CI -1.6 to 0.2) for vitamin D3".
# The p of the first may stand between them ("...; P = .002), and for 50 mg versus placebo
# -0.7 (-1.4 to 0.0").
DIFFERENCE_NEXT = re.compile(
    rf"""(?:[;,]\s?[Pp]\s?[=<>\u2264]\s?0?\.\d{{1,6}}\)?)?
    {_NEXT_LEAD}(?:\w[\w\-]{{0,20}}\s){{0,6}}?
    (?:(?:was|of|were|is)\s)?(?P<est>{SIGNED})(?P<unit>{UNIT})?(?!\d)(?!\.\d)(?P<ci>{_CI_TAIL})""",
    _X,
)

# Words of a unit the UNIT list lacks, read only when an interval's label follows them: "−0.5
# letters; 95% CI", "−16.5 mg morphine equivalents (95% CI".
# ... also in Hebrew ("26 מטרים; רווח סמך 95%"), Romanian ("IÎ") and Finnish ("95 %:n LV")
# ... a count of events per time among them: "-0.79 micturitions per 24 hours (95% CI ..."
_WORDS_BEFORE_CI = (
    r"(?:\s[a-z\u00b5\u03bc\u05d0-\u05ea][\w\-/]{0,20})"
    r"(?:\s[a-z\u00b5\u03bc\u05d0-\u05ea][\w\-/]{0,20}|\sper\s\d{1,3}(?=\s[a-z])){0,3}"
    r"(?=\s?[;,(\[]\s?(?:\d{2}\s?%(?::n)?\s?)?(?:CI|IC|KI|I\u00ce|LV|luottamusv|confidence|\u05e8\u05d5\u05d5\u05d7))"
)

DIFFERENCE = re.compile(
    rf"""
    (?:
      (?P<label>(?i:(?:(?:adjusted|unadjusted|mean|median|absolute|risk|between[-\s]group
            |estimated|treatment|least[-\s]squares?|LS|standardi[sz]ed|weighted|overall|pooled
            |rate|proportion)\s){{0,3}}
        # ... and in German, Spanish, Portuguese and French reports, and a poster's "diff"
        (?:differences?|Mittelwertdifferenz|Differenz|diferencia(?:\sde\smedias)?
          |diferen\u00e7a(?:\sm\u00e9dia)?|diff\u00e9rence(?:\smoyenne)?|diff(?=\s[-\u2212+]?\d)
          # ... Swedish and Romanian
          |medelskillnad(?:en)?|diferen[\u021b\u0163]a\s(?:mediilor|medie)
          # ... Finnish "ero oli" (the difference was)
          |(?<![\w-])ero(?=\soli\s)
          # ... and Hebrew "הפרש ממוצע" (mean difference)
          |\u05d4\u05e4\u05e8\u05e9(?:\s\u05de\u05de\u05d5\u05e6\u05e2)?)
        # "in 6MWD" (a digit before capitals names a measure), "in the 6-minute walk distance
        # at week 12"
        (?:\s(?:in|of|between|for)\s(?P<qual>(?:[A-Za-z(]|\d{{1,3}}-(?=[A-Za-z])|\d(?=[A-Z]{{2}})
          |\d{{1,4}}\s?(?=(?:mg|g|mL|ml|IU)\b))[\w\-()]{{0,24}}
          # ... but no bracketed number: "in the primary outcome (-1.2 points; 95% CI ...)",
          # nor the estimate before its CI's level: "difference in change 47, 95% CI 21 to 73"
          (?:\s(?!was\b|were\b|is\b|of\s?[\d\-\u2212.]|\([-+]?[\d.]
            |[-\u2212+]?\d{{1,6}}(?:\.\d{{1,4}})?,\s?\d{{2}}(?:\.\d)?\s?%)[\w\-()]{{1,24}}){{0,7}}))?
        # "The least-squares mean difference versus placebo was -5.2"
        (?:\s(?:versus|vs\.?|compared\s(?:with|to))\s(?:the\s)?[\w\-]{{1,25}}(?:\s[\w\-]{{1,25}})?
          (?=\s(?:was|is|were|are)\s))?))
      |(?<![A-Za-z])(?P<dabbr>MD|SMD|WMD|RD|ARD|ARR|ARI|ETD)(?![A-Za-z])
      |(?P<arr>(?i:absolute\srisk\s(?:reduction|increase|difference)))
    )
    {CI_HEADING}?
    # "The difference (-1.2 percentage points; 95% CI ...)": a bracket opens the value and its CI
    (?P<sep>\s(?:was|of|is|were|are|=|{_FOREIGN_WAS})|\s?[:=,]|\s\((?=[-+]?\d))?\s?(?:[:=]\s?)?
    (?<![\d.])(?P<est>{SIGNED})(?P<unit>{_WORDS_BEFORE_CI}|{UNIT})?(?!\d)(?!\.\d)
    (?P<ci>{_CI_TAIL_OR_COMMA})?
    """,
    _X,
)

# The difference before its name: "a 12% absolute reduction (95% CI 5 to 19%)".
DIFFERENCE_BEFORE = re.compile(
    rf"""(?<![\w.,\-])(?P<est>{SIGNED})(?P<unit>\s?%|\spercentage[\s-]points?)
    \s(?P<arr>(?i:absolute\s(?:risk\s)?(?:reduction|increase|difference)))
    (?P<ci>{_CI_TAIL_OR_COMMA})?""",
    _X,
)
# A difference printed before its name, after an article: "a 5.7-percentage-point difference in
# mortality", "the 3-point difference"; methods sentences ("to detect a 10-point difference")
# are left out where it is read (candidates._differences_named_after).
DIFFERENCE_NAMED_AFTER = re.compile(
    rf"""(?:(?<=\b[Aa]\s)|(?<=\b[Aa]n\s)|(?<=\b[Tt]he\s))(?P<est>{DEC})
    (?:-|\s)(?P<unit>percentage[\s-]points?|points?|kg|days?|hours?|%|mm\s?Hg)
    \s(?P<head>(?i:absolute|mean|median|between[-\s]group|risk)\s)?difference\b
    (?P<qual>\s(?:in|of)\s(?:the\s)?[A-Za-z][\w\-]{{1,25}}(?:\s(?!was\b|were\b|is\b|between\b)[a-z][\w\-]{{1,25}}){{0,3}})?""",
    _X,
)
# A difference said by a comparative, with its CI right after: "walked 45 m further (95% CI,
# 20 to 70 m) than controls", "stayed 2.1 days shorter (95% CI 0.8 to 3.4)".
DIFFERENCE_COMPARATIVE = re.compile(
    rf"""(?<![\w.,\-])(?P<est>{SIGNED})(?P<unit>{UNIT})?
    \s(?P<word>(?i:further|more|less|fewer|longer|shorter|higher|lower|greater|smaller))
    (?P<ci>{_CI_TAIL})""",
    _X,
)
# A one-sided confidence bound after an estimate, as non-inferiority trials print it: "(lower
# bound of the one-sided 97.5% CI, -7.6)", "(one-sided 97.5% CI lower bound, -7.6%)",
# "(97.5% one-sided CI: -7.6 to infinity)", "with a lower limit of the one-sided 97.5%
# confidence interval of -7.6", "(one-sided 95% upper confidence limit 1.12)". A one-sided
# bound at 1 - a is the limit of the two-sided interval at 1 - 2a (CONSORT extension for
# non-inferiority and equivalence trials, Piaggio et al., JAMA 2012).
# the flag of an estimate whose one limit is such a bound
# The time point of two values printed between them: "13.9% at week 68 versus 2.4%", "-13.9%
# from baseline to week 68, compared with -2.4%".
TIME_BETWEEN_VALUES = (
    r"(?i:(?:from\sbaseline\s)?(?:at|by|after|to)\s(?:week|day|month|year))\s\d{1,3}"
)
# A crossover trial, where every patient receives each treatment in turn ("randomized,
# double-blind crossover trial", "a two-period crossover design"); not a parallel trial that
# allowed crossover after progression ("crossover to the active drug was permitted").
CROSSOVER_FLAG = "crossover"
CROSSOVER_DESIGN = re.compile(
    r"(?i)\bcross[-\s]?over\s(?:trial|study|design|fashion|manner|RCT)\b"
    r"|\b(?:two|three|four|[234])[-\s](?:period|way|treatment|sequence)[-\s,]{1,3}"
    r"(?:\w{1,20}[-\s,]{1,3}){0,2}?cross[-\s]?over\b"
)
ONE_SIDED_FLAG = "one_sided_ci"
# an effect estimate whose sentence says it pools several trials
POOLED_ACROSS_TRIALS_FLAG = "pooled_across_trials"
# A percentage that is a probability of a hypothesis ("posterior probability of superiority
# 96.2%"), not a share of people.
PROBABILITY_FLAG = "probability"
# A percentage that is how much a measure changed, after a verb of change and "by" ("HbA1c
# fell by 2.37%", "reduced mortality by 30%"): not a share of people.
CHANGE_AMOUNT_FLAG = "amount_of_change"
# A percentage that is a (vaccine) efficacy by the words before it ("for a vaccine efficacy of
# 64.0%"), whatever outcome it is against: 100 x (1 - risk ratio), not a share of people.
EFFICACY_FLAG = "efficacy"
# The measure of a regression coefficient read with its SE (kind effect_size).
REGRESSION_COEFFICIENT = "regression coefficient"

# A standardized mean difference named by its estimator: "Cohen's d = 0.94", "Hedges' g = 0.38
# [0.12, 0.64]", "Glass's Δ = 0.51", or APA's bare d or g after a comma, semicolon or bracket
# ("t(124) = 5.27, p < .001, d = 0.94"), with a decimal point (so no dose or day).
_SMD_ESTIMATOR = (
    r"(?i:cohen)[\u2019']?s?\s?(?P<cohen>d)|(?i:hedges)[\u2019']?s?\s?(?P<hedges>g)"
    r"|(?i:glass)[\u2019']?s?\s?(?P<glass>\u0394|\u03b4|(?i:delta))"
)
STANDARDIZED_DIFFERENCE = re.compile(
    rf"""
    (?:
      (?:{_SMD_ESTIMATOR})(?![A-Za-z])\s?(?:[=:,]|\s(?:was|of))?\s?
      |(?<=[,;(\[]\s)(?P<apa>[dg])\s?=\s?
      |(?<=[(\[])(?P<apa_open>[dg])\s?=\s?
    )
    (?P<est>[-\u2212]?\d{{0,2}}\.\d{{1,4}})(?!\d)
    (?P<ci>{_CI_TAIL})?
    """,
    _X,
)
# An analysis of variance's effect size, its share of variance: "ηp² = .18", "η2p = .06",
# "partial η² = .18", "η² = .04", "partial eta squared = 0.18" (p or "partial": of the effect
# and the error only).
ETA_SQUARED = re.compile(
    r"""
    (?P<partial>(?i:partial)[\s-])?
    (?:\u03b7\s?(?P<p_before>p)?\s?(?:\u00b2|\^?2)(?:_?(?P<p_after>p))?
      |(?i:eta)(?:[\s-](?i:squared)|\u00b2|\^?2)(?:_?(?P<p_eta>p))?
    )
    (?![A-Za-z\d])\s?(?:[=:,]|\s(?:was|of))\s?
    (?P<est>0?\.\d{1,4})(?!\d)
    """,
    _X,
)
# An analysis of variance's other effect sizes: omega squared, which may be negative ("ω² =
# .09", "ωp² = -.01", "partial omega squared = 0.12"), and Cohen's f or f squared ("Cohen's f =
# 0.35", "Cohen's f² = .12").
OMEGA_SQUARED_OR_F = re.compile(
    r"""
    (?:(?P<partial>(?i:partial)[\s-])?
      (?:\u03c9\s?(?P<p_before>p)?\s?(?:\u00b2|\^?2)(?:_?(?P<p_after>p))?
        |(?i:omega)(?:[\s-](?i:squared)|\u00b2|\^?2)(?:_?(?P<p_omega>p))?)
      |(?P<cohen>(?i:cohen)'?s?\s?f)(?P<f_squared>\u00b2|\^?2|\s(?i:squared))?
    )
    (?![A-Za-z\d])\s?(?:[=:,]|\s(?:was|of))\s?
    (?P<est>-?0?\.\d{1,4}|[1-9]\.\d{1,4})(?!\d)
    """,
    _X,
)
# A regression's R squared, or adjusted R squared: "R² = .18", "R2 = 0.18", "adjusted R² = .16",
# "R-squared was .18" (not a change in R squared, "ΔR² = .05", nor CR2 or other names ending
# in R: the letter stands alone).
R_SQUARED = re.compile(
    r"""
    (?<![\w\u0394\u2206])(?P<adjusted>(?i:adjusted|adj\.?)\s?)?
    R(?:\s?\u00b2|\^2|2|[\s-](?i:squared))(?![\w\u00b2])
    \s?(?:=|:|\s(?:was|of))\s?
    (?P<est>0?\.\d{1,4}|0|1(?:\.0{1,4})?)(?!\d|\.\d)
    """,
    _X,
)
# A chi-square test's effect size: "χ²(1, N = 126) = 9.61, p = .002, φ = .28", "Cramér's V =
# .21", or APA's bare V after a comma, semicolon or bracket.
PHI_OR_V = re.compile(
    r"""
    (?:(?P<phi>[\u03c6\u03d5\u03a6]|(?i:phi))(?![A-Za-z])
      |(?P<cramer>(?i:cram[e\u00e9]r)[\u2019']?s?\s?V)(?![A-Za-z])
      |(?<=[,;(]\s)(?P<v>V)
    )
    \s?=\s?(?P<est>0?\.\d{1,4})(?!\d)
    """,
    _X,
)
# ... named in brackets before what it is: "The between-group effect size (Cohen's d) was 0.52"
SMD_ESTIMATOR_BEFORE = re.compile(rf"(?:{_SMD_ESTIMATOR})(?![A-Za-z])[^.;\d]{{0,15}}$")
_BOUND_WORD = r"(?:bound(?:ary)?|limit)"
ONE_SIDED_BOUND = re.compile(
    rf"""\s?[,;(\[]?\s?(?:(?i:with)\s)?(?:(?i:an?|the)\s)?
    (?:(?P<side>(?i:lower|upper))\s{_BOUND_WORD}\s(?:of|for)\s(?:the\s|an?\s)?)?
    (?:(?i:one)[\s\-]sided\s(?P<level>\d{{2}}(?:\.\d{{1,2}})?)\s?%
      |(?P<level2>\d{{2}}(?:\.\d{{1,2}})?)\s?%\s(?i:one)[\s\-]sided)
    \s(?:(?:CI|confidence\sinterval)(?:,?\s(?P<side2>lower|upper)\s{_BOUND_WORD})?
      |(?P<side3>lower|upper)\s(?:confidence\s)?{_BOUND_WORD})
    \s?(?:[:,=]\s?|(?:of|was|is)\s)?(?P<bound>{SIGNED})(?P<unit>{UNIT})?
    (?P<infinite>\s?(?:to|-|,)\s?\+?(?:\u221e|infinity))?""",
    _X,
)
# An estimate's standard error printed after it instead of a CI: "-2.1 (SE 0.8; p = 0.01)",
# "3.4 points (standard error 1.2, P=0.30)", "0.52, s.e. 0.20,", "5.2% (SE 2.1%;".
STANDARD_ERROR_AFTER = re.compile(
    rf"""\s?[,;(\[]\s?(?:(?i:with\s)?(?:an?\s|the\s)?)?
    (?:(?<![A-Za-z])SEM?(?![A-Za-z])|(?<![A-Za-z])s\.e\.|(?i:standard\serror))
    \s?(?:[:=,]\s?|(?:of|was|is)\s)?(?P<se>{DEC})(?!\d|\.\d|\s?/)(?P<pct>\s?%)?
    (?=\s?[;,)\]])""",
    _X,
)
# The SD of paired differences printed after their mean: "2.1 (SD 3.4)", "2.1 ± 3.4 points".
SD_AFTER = re.compile(
    rf"""(?:\s?[,;(\[]\s?(?:(?<![A-Za-z])SD(?![A-Za-z])|(?<![A-Za-z])s\.d\.|(?i:standard\sdeviation))
      \s?(?:[:=,]\s?|(?:of|was|is)\s)?|\s?(?:\u00b1|\+/-)\s?)
    (?P<sd>{DEC})(?!\d|\.\d|\s?%|\s?/)(?=\s?(?:[;,)\]]|{UNIT}))""",
    _X,
)
# Words that say a difference is within patients: its SD is that of the paired differences.
PAIRED = re.compile(
    r"(?i)\bpaired\b|\bwithin[\s\-](?:patient|subject|participant|person|individual)s?\b"
    r"|\bcross[\s\-]?over\b"
)
# A regression coefficient printed with its standard error: "b = 1.52, SE = 0.61", "B = -0.42
# (SE 0.12)", "regression coefficient 0.52 (standard error 0.20)". A standardized beta is left
# alone: the SE printed beside it is often the unstandardized coefficient's.
COEFFICIENT_WITH_SE = re.compile(
    rf"""(?<![\w.\-])(?:[bB]|(?i:(?:regression\s)?coefficient))
    \s?(?:=|:|\s(?:was|of)\s)\s?(?P<est>{SIGNED})(?!\d|\.\d|\s?%|\s?/)
    \s?[,;(]\s?(?:(?<![A-Za-z])SE(?![A-Za-z])|(?<![A-Za-z])s\.e\.|(?i:standard\serror))
    \s?(?:[:=]\s?|(?:of|was|is)\s)?(?P<se>{DEC})(?!\d|\.\d|\s?%|\s?/)""",
    _X,
)
# A p-value as printed: "0.008", ".03", "3.2 x 10-5", "2e-5", "10⁻⁵", "1.0".
_SUP = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
PNUM = rf"""(?:\d(?:\.\d{{1,9}})?\s?[x\u00d7]\s?10\s?\^?\s?[-\u207b]\s?[\d{_SUP}]{{1,3}}
    |10\s?\^?\s?[-\u207b]\s?[\d{_SUP}]{{1,3}}
    |\d?\.\d{{1,12}}(?:[eE]-\d{{1,3}})?|\d[eE]-\d{{1,3}}|[01](?:\.\d{{1,12}})?)"""
P_VALUE = re.compile(
    rf"""
    (?<![A-Za-z0-9])
    (?P<label>[Pp](?:\s?-\s?(?i:values?)|\s(?i:values?)|(?i:values?))?
      (?:[\s\-_]?(?i:for\s)?(?i:interaction|trend|heterogeneity|non-?inferiority|superiority
        |adj(?:usted)?|int|het|difference))?)
    (?:\s?(?P<cmp><=|>=|=<|=>|[=<>\u2264\u2265])
      |\s?:(?:\s?(?P<colon_cmp>[<>=\u2264\u2265]))?  # "P-value: <0.0001", "P-value: = 0.0008"
      # a registry's analysis as a table's row: "P-Value | <0.001"
      |(?<=[Vv]alue)\s?\|(?:\s?(?P<pipe_cmp>[<>=\u2264\u2265]))?
      |\s(?i:of|was|is|were)|(?<=[Vv]alue)\s|(?<=[Vv]alues)\s
      # said, not printed: "p less than 0.001", "p equals 0.03" (a call's transcript)
      |\s(?P<said_cmp>less\sthan|greater\sthan|equals|equal\sto))
    \s?(?P<p>{PNUM})(?!\d)(?!\.\d)
    """,
    _X,
)
# "NS" / "n.s." as a p-value: after "P =" or in a bracket right after a result.
NOT_SIGNIFICANT = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<label>[Pp])\s?(?P<cmp>[=:])\s?)?(?P<ns>NS|N\.S\.|n\.s\.|ns)"
    r"(?![A-Za-z0-9])"
)

# APA-style tests; the p-value that follows is read by P_VALUE.
TEST = re.compile(
    rf"""
    (?<![A-Za-z0-9])(?P<test>
        t\s?\(\s?(?P<t_df>\d{{1,6}}(?:\.\d{{1,3}})?)\s?\)
        |F\s?\(\s?(?P<f_df1>\d{{1,4}}(?:\.\d{{1,3}})?)\s?,\s?(?P<f_df2>\d{{1,6}}(?:\.\d{{1,3}})?)\s?\)
        # ... its degrees of freedom a subscript flattened into the text: "F5,1420 = 2.07"
        |F(?P<fs_df1>\d{{1,2}}),(?P<fs_df2>\d{{1,5}})(?=\s?[=<>])
        |(?P<chi>\u03c7\s?[2\u00b2]|\u03a7\s?[2\u00b2]|(?i:chi[-\s]?squared?|chi\s?[2\u00b2])|X[2\u00b2])
            \s?\(\s?(?P<chi_df>\d{{1,4}})(?:\s?,\s?[Nn]\s?=\s?{INT})?\s?\)
        |r\s?\(\s?(?P<r_df>\d{{1,6}})\s?\)
        |Q\s?\(\s?(?P<q_df>\d{{1,4}})\s?\)
        |H\s?\(\s?(?P<h_df>\d{{1,4}})\s?\)
        |[zZ]
        |(?P<bare>t|(?P<bare_chi>\u03c7\s?[2\u00b2]|X[2\u00b2]|(?i:chi\s?[2\u00b2])))
          (?=\s?=\s?{SIGNED}\s?[,;]\s?[Pp]\s?[=<>\u2264\u2265])
        # a t without df or p that closes its bracket: "[(68.4±12.7) min vs (59.1±11.3) min,
        # t=3.46]"
        |(?P<closing_t>t)(?=\s?=\s?-?\d{{1,3}}\.\d{{1,4}}\s?[)\]])
        # ... or is followed by its degrees of freedom: "t = 2.45, df = 58", "t = 2.45 (df = 58)"
        |t(?=\s?=\s?{SIGNED}\s?(?:[,;(]\s?(?i:df|d\.f\.)\s?[=:]?\s?\d|\(\s?\d{{1,5}}\s?(?i:df|d\.f\.)))
        # ... or with its degrees of freedom in a bracket after it: "chi2 = 4.2 (df = 1)",
        # "χ2 = 4.2 (1 df)"
        |(?P<chi_df_after>\u03c7\s?[2\u00b2]|\u03a7\s?[2\u00b2]|(?i:chi[-\s]?squared?|chi\s?[2\u00b2])|X[2\u00b2])
            (?=\s?=\s?{SIGNED}\s?\(\s?(?:(?i:df|d\.f\.)\s?[=:]?\s?\d{{1,4}}|\d{{1,4}}\s?(?i:df|d\.f\.))\s?\))
        # ... or heads a list of one test's values with one p for all: "t=3.517, 2.914; all
        # P<0.05", Chinese "t=6.152、4.469，P<0.05" (each value is a test of its own)
        |(?P<list_t>t|[\u03c7\u03a7]\s?[2\u00b2])(?=\s?=\s?{SIGNED}(?:\s?,\s?{SIGNED}){{1,5}}\s?[,;]\s?
          (?:(?i:all|both)\s)?[Pp]\s?[=<>\u2264\u2265\u5747])
        # a correlation with its sample size instead of df, the size after it or after its p:
        # "(r = −.32, p < .001, n = 120)", "r = 0.41 (n = 85)" (df = n − 2)
        |(?P<r_with_n>r)(?=\s?=\s?{SIGNED}\s?[,;(]\s?(?:[Pp]\s?[=<>\u2264\u2265]\s?\.?\d[\d.]{{0,7}}
          \s?[,;]\s?)?[Nn]\s?=\s?\d)
        # a Greek chi-square without df or p ("; χ2 = 4.76)"): the 1 df of a 2x2 table is implied;
        # RevMan's "Chi² = 1.24, df = 4" gives its df after
        |(?P<greek_chi>[\u03c7\u03a7]\s?[2\u00b2]|(?i:chi[-\s]squared?\b)|Chi\u00b2)(?=\s?=\s?\d{{1,4}}\.\d{{1,4}}(?!\d|\.\d))
    )
    \s?(?P<cmp><=|>=|[=<>\u2264\u2265])\s?(?P<stat>{SIGNED})(?!\d)(?!\.\d)
    """,
    _X,
)

# "23/49", "23 of 49", "23 out of 49", and German, Spanish and Portuguese "4 von 82", "12 de 40"
# The further values of a test's list (TEST's list_t): ", 2.914".
TEST_LIST_NEXT = re.compile(rf"\s?,\s?(?P<stat>{SIGNED})(?!\d)(?!\.\d)")
_OF = r"(?:\s?/\s?|\s(?:of|out\sof|von|de)\s(?:the\s|all\s)?)"
_PEOPLE = (
    r"(?:patients?|participants?|subjects?|cases?|persons?|people|individuals|adults|children"
    r"|infants|women|men|volunteers|deaths?|events?|eyes|recipients|vaccinees|neonates|newborns"
    r"|mothers"
    r"|students|residents|workers|survivors|smokers|outpatients|inpatients|adolescents|teenagers"
    r"|girls|boys|nurses|physicians|clinicians|pupils|athletes|employees|veterans|caregivers"
    # German, Spanish and Portuguese reports
    r"|Patient(?:inn)?en(?:\sund\sPatienten)?|Teilnehmende|Teilnehmer(?:innen)?|Probanden"
    r"|pacientes|participantes|sujetos|doentes"
    # Indonesian and Malay: "16 dari 150 pasien (10,7%)"
    r"|pasien|peserta"
    # Italian
    r"|pazienti|partecipanti|soggetti"
    # Swedish, Romanian ("pacienți", either cedilla) and Finnish (by case)
    r"|patienter|deltagare|pacien[\u021b\u0163]i|participan[\u021b\u0163]i"
    r"|potila(?:a?sta|alla|ita|ista)"
    # Hebrew: patients (treated), patients (ill)
    r"|\u05de\u05d8\u05d5\u05e4\u05dc\u05d9\u05dd|\u05d7\u05d5\u05dc\u05d9\u05dd"
    # the abbreviation of posters and slides: "3 of 25 pts (12%)"
    r"|pts)"
    # person-time is no people: "1098 and 1069 person-years", "2,400 patient-months"
    r"(?![\-\s](?:years?|months?|weeks?|days?|time)\b)"
)
# The people a sample size counts: not deaths or events ("a total of 14 deaths (9.3%)").
_PARTICIPANTS = _PEOPLE.replace("|deaths?|events?", "")
# "46.94% (23/49)", "46.9% [23 of 49]", "46.9% (n = 23/49)".
PERCENT_COUNT = re.compile(
    rf"""(?<![\d.])(?P<pct>{DEC})\s?%\s?[(\[]\s?(?:[nN]\s?=\s?)?
    (?P<x>{INT}){_OF}(?P<n>{INT})(?!\d)(?:\s{_PEOPLE})?\s?[)\]]""",
    _X,
)
# The percentage a count after "n =" is of: "n = 22 [18%]".
N_PERCENT_AFTER = rf"[(\[]\s?(?P<pct>{DEC})\s?%\s?[)\]]"
# "(80.00%, 32/40)": a percentage and its count in one bracket.
PERCENT_COMMA_FRACTION = re.compile(
    rf"(?<=[(\[])\s?(?P<pct>{DEC})\s?%\s?[,;]\s?(?P<x>{INT})\s?/\s?(?P<n>{INT})(?!\d)(?=\s?[)\]])"
)
# "126/306 = 41%": a count and the percentage it works out to.
FRACTION_EQUALS_PERCENT = re.compile(
    rf"(?<![\w./:\-])(?P<x>{INT})\s?/\s?(?P<n>{INT})\s?=\s?(?P<pct>{DEC})\s?%"
)
# "(72/120, 60%)": a count and its percentage in one bracket, or two such counts compared in
# it: "(152/271, 56.1% vs 61/273, 22.3%)".
FRACTION_COMMA_PERCENT = re.compile(
    rf"(?:(?<=[(\[])|(?<=\svs\s)|(?<=\svs\.\s)|(?<=\sversus\s))\s?(?P<x>{INT})\s?/\s?(?P<n>{INT})"
    rf"(?!\d)\s?[,;]\s?(?P<pct>{DEC})\s?%(?=\s?[)\]]|\s(?:vs\.?|versus)\s)"
)
# "46.9% (n = 23)", "16.7% (5 cases)".
PERCENT_N = re.compile(
    rf"""(?<![\d.])(?P<pct>{DEC})\s?%\s?[(\[]\s?
    (?:[nN]\s?=\s?(?P<x>{INT})(?!\d)|(?P<x_people>{INT})(?!\d)(?!\.\d)\s(?i:{_PEOPLE}))\s?[)\]]""",
    _X,
)
# "in group A (n = 4, 13.3%)": a count and its percentage after n =.
N_COUNT_PERCENT = re.compile(
    rf"(?<=[(\[])\s?[nN]\s?=\s?(?P<x>{INT})(?!\d)(?!\.\d)\s?[,;]\s?(?P<pct>{DEC})\s?%(?=\s?[)\]])"
)
# "(drug, n = 22 [18%]; placebo, n = 11 [9%])": ... or in a bracket after it.
N_BRACKET_PERCENT = re.compile(
    rf"(?:(?<=[(\[,;])|(?<=[(\[,;]\s))[nN]\s?=\s?(?P<x>{INT})(?!\d)(?!\.\d)\s?{N_PERCENT_AFTER}"
)
# "23/49 (46.9%)", "23 of 49 patients (46.9%)", "n = 23 of 49 (46.9%)", "38 of 212 zoledronic
# acid recipients (17,9 %)".
COUNT_PERCENT = re.compile(
    rf"""(?<![\d.,/])(?:[nN]\s?=\s?)?(?P<x>{INT}){_OF}(?P<n>{INT})(?!\d)(?!\.\d)
    (?:\s(?:[A-Za-z][\w\-]{{1,20}}\s){{0,3}}?{_PEOPLE})?\s?[(\[]\s?(?P<pct>{DEC})\s?%\s?[)\]]""",
    _X,
)
# A count with its percentage and the percentage's interval in one bracket: "83.3% (50/60; 95%
# CI 71.5-91.7)", "50/60 (83.3%; 95% CI, 71.5 to 91.7)".
_SHARE_CI = rf"\s?[;,]\s?(?:{CI_BODY})(?=\s?[)\]])"
PERCENT_COUNT_CI = re.compile(
    rf"""(?<![\d.])(?P<pct>{DEC})\s?%\s?[(\[]\s?(?:[nN]\s?=\s?)?
    (?P<x>{INT}){_OF}(?P<n>{INT})(?!\d)(?:\s{_PEOPLE})?{_SHARE_CI}""",
    _X,
)
COUNT_PERCENT_CI = re.compile(
    rf"""(?<![\d.,/])(?:[nN]\s?=\s?)?(?P<x>{INT}){_OF}(?P<n>{INT})(?!\d)(?!\.\d)
    (?:\s{_PEOPLE})?\s?[(\[]\s?(?P<pct>{DEC})\s?%{_SHARE_CI}""",
    _X,
)
# "nine (16%) of 58 patients", "412 (17%) of 2408" (Lancet's order).
COUNT_PERCENT_OF = re.compile(
    rf"""(?<![\w.,/\-])(?:[nN]\s?=\s?)?(?P<x>{COUNT_WORD})\s?[(\[]\s?(?P<pct>{DEC})\s?%\s?[)\]]
    \s(?:of|out\sof)\s(?:the\s|all\s)?(?P<n>{INT})(?!\d)(?!\.\d)(?!\s?%)""",
    _X,
)
# "23 of 49", "n = 23 of 49", "three of the 11 patients", "23 out of 49", "five of 50 (10%)",
# Spanish and Portuguese "10 de 101 pacientes", German "4 von 82".
COUNT_OF = re.compile(
    rf"""(?<![\w.,/\-])(?:[nN]\s?=\s?)?(?P<x>{COUNT_WORD}|(?i:none)(?![\w]))
    (?:\s(?i:{_PEOPLE})(?=\sout\sof\s))?  # "12 patients out of 120"
    \s(?:of|out\sof|dari|din|av|de|von)\s
    (?:the\s|all\s|these\s|those\s)?
    (?P<n>{INT})(?!\d)(?!\.\d)(?!\s?%)
    (?:(?:(?=\s(?:[\w\-]{{1,20}}\s){{0,2}}?(?i:{_PEOPLE})\s?[(\[]\s?{DEC}\s?%\s?[)\]])
      \s(?:[\w\-]{{1,20}}\s){{0,2}}?(?i:{_PEOPLE}))?\s?[(\[]\s?(?P<pct>{DEC})\s?%\s?[)\]])?""",
    _X,
)
# ... or with its percentage after a comma or a semicolon: "38 of 126 patients, or 30.2%", "27 of
# 125, 21.6%", "(45 of 150; 30.0%)".
COUNT_OF_COMMA_PERCENT = re.compile(
    rf"""(?<![\w.,/\-])(?P<x>{COUNT_WORD})\s(?:of|out\sof)\s(?P<n>{INT})(?!\d)(?!\.\d)
    (?:\s(?i:{_PEOPLE}))?(?:,\s(?:or\s)?|;\s)(?P<pct>{DEC}){PCT}""",
    _X,
)
# ... or without its denominator, after "or": "198 patients, or 26.6 percent", "251, or 33.8%".
COUNT_OR_PERCENT = re.compile(
    rf"""(?<![\w.,/\-])(?P<x>{INT})(?!\.\d)(?:\s(?i:{_PEOPLE}))?,\sor\s(?P<pct>{DEC}){PCT}""",
    _X,
)
# What cluster-randomised trials allocate (arms.py; CONSORT cluster extension, Campbell et al.
# 2012): "32 dialysis units", "in intervention villages".
CLUSTER_NOUNS = (
    "units", "clusters", "practices", "villages", "schools", "hospitals", "wards", "communities",
    "households", "sites", "centres", "centers", "clinics", "districts", "homes", "classes",
    "classrooms", "teams", "facilities", "hamlets", "towns", "neighbourhoods", "neighborhoods",
    "compounds", "parishes", "municipalities", "counties", "pharmacies",
)  # fmt: skip

# "8 cases of Covid-19 among 18,198 vaccine recipients", "162 among 18,325 placebo recipients":
# events among the people at risk; the words before "recipients" name what they received.
COUNT_AMONG = re.compile(
    rf"""(?<![\w.,/\-])(?P<x>{COUNT_WORD})(?!\s?%)
    (?!\s(?i:most|main|leading|common|top|first|other|times?|years?|months?|weeks?|days?|hours?
      |percent|mg|ml|g|kg)\b)
    (?P<event>(?:\s[\w\-]{{1,25}}){{0,4}}?)\samong\s
    (?:the\s|all\s)?(?P<n>{INT})(?!\d)(?!\.\d)(?!\s?%)
    (?:\s(?P<given>[\w\-+]{{1,25}}(?:\s[\w\-+]{{1,25}})?)(?=\s(?i:recipients)\b))?
    (?=\s(?:[\w\-]{{1,25}}\s){{0,2}}?(?i:{_PEOPLE}|controls)\b)""",
    _X,
)
FRACTION = re.compile(
    rf"(?<![\w./:\-])(?P<x>{INT})\s?/\s?(?P<n>{INT})(?![\d/])(?!\.\d)(?!\s?(?:mm\s?Hg|mmHg))"
)
# "23 (46.9%)", "Twelve patients (48%)", "n = 23 (46.9%)", JAMA's "402 [44.9%]" with the group
# size given elsewhere.
N_PERCENT = re.compile(  # "4 apixaban-treated patients (2.0%)": the people's arm in "treated"
    # or before "recipients"
    rf"""(?<![\w.,/\-])(?:[nN]\s?=\s?)?(?P<x>{COUNT_WORD})
    (?:(?:\s(?P<treated>[A-Za-z][\w\-]{{0,30}})-(?:treated|allocated|assigned))?\s{_PEOPLE}
      (?:\s(?i:died|relapsed|responded|recovered))?  # "12 patients died (10%)"
      # "11 ketamine recipients (9.2%)"
      |\s(?P<given>(?!(?i:of|in|and|or|the)\s)[A-Za-z][\w\-]{{0,30}})\s(?i:recipients)
      |\s(?i:died|relapsed|responded|recovered))?\s?
    (?:\(\s?(?P<pct>{DEC})\s?%\s?\)|\[\s?(?P<pct_sq>{DEC})\s?%\s?\]
      # "(15 patients, 12.5%)": the count opens the bracket that holds its percentage
      |(?<=[A-Za-z]),\s?(?P<pct_comma>{DEC})\s?%(?=\s?\)))""",
    _X,
)
# A count in Chinese, in 例 (cases), and its percentage: "不良反应3例（6.67%）".
CJK_N_PERCENT = re.compile(
    rf"(?<![\d.,/\-])(?P<x>\d{{1,5}})\s?\u4f8b\s?\(\s?(?P<pct>{DEC})\s?%\s?\)"
)
# Two arms' counts in 例 without percentages, the second arm named between them: "MSC群2例，対照群
# 3例に認められた" (were seen in 2 of the MSC group and 3 of the control group); candidates.py
# keeps it only when what happened follows.
CJK_COUNT_PAIR = re.compile(
    r"(?<=\u7ec4)\s?(?P<x1>\d{1,5})\s?\u4f8b\s?[,\u3001]\s?[^\d,;.\u3002]{1,12}?\u7ec4\s?"
    r"(?P<x2>\d{1,5})\s?\u4f8b"
)
# A count of people and what happened to them, printed without a percentage: "1 patient had a
# seizure", "Twelve patients in the drug group died", "12 deaths were recorded".
PEOPLE_THEN_EVENT = re.compile(
    rf"""(?<![\w.,/\-])(?P<x>{COUNT_WORD})\s
    (?:(?P<people>(?i:patients?|participants?|subjects?|children|adults|infants|women|men))
      (?:\s(?:in|on|with)\s(?:the\s)?(?!(?i:each|every|both|all)\b)[\w\-]{{1,25}}
        (?:\s(?:group|arm))?)?
      \s(?:(?P<verb>died|relapsed|withdrew)|discontinued\s(?:treatment|the\sstudy)
        |(?:had|developed|experienced|suffered)\s(?!been\b|a\s(?:mean|median)\b|received\b)
          (?:an?\s)?(?P<what>[A-Za-z][\w\-]{{1,25}}(?:\s[\w\-]{{1,25}}){{0,3}}?)
          (?=\s?[,;.)]|\s(?:and|or|in|during|after|while|but|at|on|within)\b))
    |(?P<deaths>(?i:deaths))\s(?:were\s(?:recorded|observed|reported)|occurred))""",
    _X,
)
# Event counts in words or digits: "three patients in the MSC alone group", "none in the
# placebo group", "8 deaths occurred in the control arm".
ARM_LABEL = r"[A-Za-z][A-Za-z0-9+\-]{0,24}(?:\s[A-Za-z0-9+\-]{1,25}){0,4}?"
# An arm named by how long it is treated: "the 7-day group", "the 3-month arm".
DURATION_ARM_LABEL = r"\d{1,3}-(?:day|week|month|year|hour|dose)"
# An arm named by its dose: "the 140 mg arm", "the 0.5 mg/kg group".
DOSE_ARM_LABEL = r"\d{1,4}(?:\.\d{1,3})?\s?(?:mg|g|mcg|\u00b5g|IU)(?:/\w{1,5})?"
# The arms a sentence allocates to: "randomly assigned 304 adults with obesity to semaglutide or
# placebo", "randomized to receive either budesonide, formoterol or placebo for 12 weeks".
# Where an arm's name ends: punctuation, the end, or a word that starts what follows it.
ARM_ENDS_AHEAD = (
    r"\s?(?:[,;)(]|\.(?!\d))|$|\s(?:or|versus|vs|for|in|at|with|and|until|during|once|twice|daily|every"
    r"|over|from|on|was|were|is|had|did|showed)\b"
)
_ARM_ENDS = rf"(?={ARM_ENDS_AHEAD})"
_ASIDE = r"(?:\s?\([^()\n]{1,40}\))?"
ALLOCATED_TO_ARMS = re.compile(
    rf"""(?i:randomi[sz]ed|randomly\s(?:assigned|allocated)|assigned|allocated)\b[^.;\n]{{0,100}}?
    \bto\s(?:receive\s)?(?:either\s)?(?P<first>{ARM_LABEL}){_ARM_ENDS}{_ASIDE}
    (?:,\s(?P<second>{ARM_LABEL}){_ARM_ENDS}{_ASIDE})?,?\s(?:or|versus|vs\.?)\s(?:to\s)?
    (?P<last>{ARM_LABEL}){_ARM_ENDS}""",
    _X,
)
# ... or into named groups, as Chinese journals write it: "were divided into a laparoscopic
# group and an open group", "randomly divided into the observation group (n=45) and the control
# group".
ALLOCATED_INTO_GROUPS = re.compile(
    rf"""(?i:divided|randomi[sz]ed|assigned|allocated|grouped)\s(?:(?i:randomly|equally)\s)?
    into\s(?:(?i:two)\sgroups?\s?[:,]?\s)?(?:(?i:an?|the)\s)?(?P<first>{ARM_LABEL})\s(?:group|arm)
    (?:\s\([^()\n]{{0,40}}\))?,?\s(?:and|or|versus|vs\.?)\s(?:(?i:an?|the)\s)?
    (?P<last>{ARM_LABEL})\s(?:group|arm)\b""",
    _X,
)
# Two arms' counts, each with its arm in brackets: "Infections: 12 (intervention) vs 19
# (control)".
COUNT_ARM_PAIR = re.compile(
    rf"""(?<![\w.,/\-])(?P<x1>{INT})\s?\((?P<a1>[A-Za-z][\w\-]{{0,24}}(?:\s[\w\-]{{1,24}}){{0,2}})\)
    \s(?:vs\.?|versus)\s(?P<x2>{INT})\s?\((?P<a2>[A-Za-z][\w\-]{{0,24}}(?:\s[\w\-]{{1,24}}){{0,2}})\)""",
    _X,
)
# Two arms' counts sharing a noun: "Nausea occurred in 22 vs 8 patients", "(3 vs 5 events)".
_SHARED_NOUN = rf"(?P<x2>{INT})\s(?:(?i:{_PEOPLE})|episodes|cases)\b"
# "14 hospitalizations versus 25 with placebo": the noun once, after the first.
COUNT_VS_COUNT = re.compile(
    rf"""(?<![\w.,\-])(?P<x1>{INT})(?:\s(?P<noun1>(?P<people1>(?i:{_PEOPLE}))|(?P<events1>{RECURRENT_EVENTS})))?
    \s(?:vs\.?|versus)\s
    (?:{_SHARED_NOUN}|(?(noun1)(?P<x2_bare>{INT})(?!\d|\.\d)(?=\s(?:with|in|on|among)\s|\s?[,;.)])|(?!)))""",
    _X,
)
# ... or joined by "and" in a sentence that goes on to name the arms "respectively": "Deaths
# occurred in 5 and 9 patients in the MSC and control groups, respectively".
COUNT_AND_COUNT = re.compile(
    rf"(?<![\w.,\-])(?<!(?i:between)\s)(?P<x1>{INT})\s(?:and|or)\s{_SHARED_NOUN}"
)
# Two arms' people with an event, each named by its arm: "Hypernatraemia occurred in nine
# intervention patients and three usual-care patients", "in 22 (59.5%) BMMNC patients and 20
# (57.1%) control patients", "in 29 MSC recipients and 31 placebo recipients", "in 84/602
# (14.0%) intervention and 112/602 (18.6%) control patients" (the first noun left out).
# ... or in a bracket after the event: "Three patients died (one BMMNC patient and two control
# patients)". The words before the first count (EVENT_IN_ARM_LEAD) are checked by its reader.
_ARM_PEOPLE = r"(?:recipients?|patients?|participants?|subjects?|children|infants?|adults?)"
_ARM_WORDS = r"[A-Za-z][\w\-+]{0,24}(?:\s[A-Za-z][\w\-+]{0,24})?"
EVENT_IN_ARM_LEAD = re.compile(
    r"(?:(?i:occurred|reported|observed|seen|recorded|developed)\s(?:in|among)\s|\()$"
)
EVENT_IN_ARM_PEOPLE = re.compile(
    rf"""(?<![\w.,\-])(?P<c1>(?P<x1>{COUNT_WORD})(?:\s?/\s?(?P<d1>{INT}))?(?:\s?\((?P<p1>{DEC})\s?%\))?)
    \s(?P<a1>{_ARM_WORDS}?)(?:\s(?P<n1>{_ARM_PEOPLE}))?
    (?:,\s|\s)(?:and|vs\.?|versus|compared\swith)\s
    (?P<c2>(?P<x2>{COUNT_WORD})(?:\s?/\s?(?P<d2>{INT}))?(?:\s?\((?P<p2>{DEC})\s?%\))?)
    \s(?P<a2>{_ARM_WORDS})\s(?P<n2>{_ARM_PEOPLE})\b""",
    _X,
)
# "there were 2 cases of nausea, 1 case of dizziness", "Four cases of pneumonia occurred".
CASES_OF = re.compile(
    rf"""(?<![\w.,/\-])(?P<x>{COUNT_WORD})\s(?P<noun>(?i:cases?|episodes?))\sof\s
    (?P<event>[A-Za-z][\w\-]{{1,25}}(?:\s(?!(?:in|among|and|or|were|was|occurred|with|during)\b)
      [a-z][\w\-]{{1,25}}){{0,2}})""",
    _X,
)
# No one of a group: "Hypercalcaemia occurred in none of the participants", "none of the
# controls had grade 3 rash".
NONE_OF_PEOPLE = re.compile(
    rf"""(?<![\w\-])(?P<x>(?i:none))\sof\s(?:the|these|those|our)\s
    (?:(?P<controls>(?i:controls|control\spatients))|(?:[\w\-]{{1,20}}\s)?(?i:{_PEOPLE}))\b
    (?:\s(?:had|developed|experienced|required|needed)\s(?:an?\s)?
      (?P<what>[A-Za-z][\w\-]{{1,25}}(?:\s[\w\-]{{1,25}}){{0,3}}?)
      (?=\s?[,;.)\n]|\s(?:and|or|in|during|after|while|but|at|on|within)\b|$))?""",
    _X,
)
# "11 participants in the mRNA-1273 group (of 14,134)": the group's size may follow it.
COUNT_IN_GROUP = re.compile(
    rf"""
    (?<![\w.,])(?P<xw>{COUNT_WORD}|(?i:none|no)(?![\w]))
    \s(?:(?i:{_PEOPLE}|{RECURRENT_EVENTS})\s)?(?:(?i:were|was|occurred|died|had)\s)?
    (?i:in)\sthe\s(?!(?i:two|three|four|both|all|each|other|same)\s)(?P<arm>{ARM_LABEL})
    \s(?i:group|arm|cohort)s?\b
    (?:\s\((?:of|out\sof)\s(?P<of_n>{INT})(?!\d)(?!\.\d)\))?
    """,
    _X,
)
# What the people a count follows did: the verb after it, not one that allocates them.
_EVENT_VERB_AHEAD = r"""died|had\s|developed|experienced|required|needed|reported|relapsed
      |(?:were|was)\s(?!randomi|enrolled|included|assigned|allocated|analy|treated|given)[a-z]"""
# A count after the group it is in: "In the intervention group, 18 patients died".
GROUP_THEN_COUNT = re.compile(
    rf"""(?i:in|among)\sthe\s(?P<arm>{ARM_LABEL})\s(?i:group|arm)s?,\s
    (?P<xw>{COUNT_WORD})\s(?:(?i:{_PEOPLE})\s)?(?:\([^()\n]{{1,20}}\)\s)?
    (?={_EVENT_VERB_AHEAD})""",
    _X,
)
# The people of an arm named by what they received, then how many of them had an event: "Of the
# 60 patients receiving MSCs, 6 died", "Among 45 placebo recipients, 9 (20%) required ...".
GIVEN_THEN_COUNT = re.compile(
    rf"""(?<![\w\-])(?i:of|among)\s(?:the\s|all\s)?(?P<n>{COUNT_WORD})\s
    (?:(?:[\w\-]{{1,20}}\s){{0,2}}?(?i:{_PEOPLE})\s(?i:receiving|given|treated\swith)\s(?:the\s)?
      (?P<arm>{ARM_LABEL})
    |(?P<recipients>[A-Za-z][\w\-]{{1,30}}(?:\s[A-Za-z][\w\-]{{1,30}})?)\s(?i:recipients)),\s
    (?P<xw>{COUNT_WORD})\s(?:(?i:{_PEOPLE})\s)?(?:(?P<bracket>\((?P<pct>{DEC})\s?%\))\s)?
    (?=recovered|{_EVENT_VERB_AHEAD})""",
    _X,
)
# Two counts each named by what its people received: "34 participants receiving drug and 29
# receiving placebo", "5 patients (MSC) and 7 patients (placebo)".
_GIVEN = r"(?i:receiving|given|treated\swith|assigned\sto|on)\s(?:the\s)?"
COUNT_ARM_GIVEN = re.compile(
    rf"""
    (?<![\w.,])(?P<x1>{COUNT_WORD})\s(?:(?P<p1>(?i:{_PEOPLE}))\s)?
    (?:{_GIVEN}(?P<a1>{ARM_LABEL})(?={ARM_ENDS_AHEAD})|\((?P<b1>{ARM_LABEL})\))
    ,?\s(?i:and|vs\.?|versus|compared\swith)\s
    (?P<x2>{COUNT_WORD})\s(?:(?P<p2>(?i:{_PEOPLE}))\s)?
    (?:{_GIVEN}(?P<a2>{ARM_LABEL})(?={ARM_ENDS_AHEAD})|\((?P<b2>{ARM_LABEL})\))
    """,
    _X,
)
# Two arms' counts listed after the outcome they count, each with its arm in a bracket:
# "Pneumothorax: three infants (LISA), none (INSURE)", "Rash: 4 patients (drug), 1 (placebo)".
COUNT_ARMS_AFTER_HEADING = re.compile(
    rf"""(?<=:\s)(?P<x1>{COUNT_WORD})\s(?:(?P<p1>(?i:{_PEOPLE}))\s)?\((?P<b1>{ARM_LABEL})\)
    ,\s(?P<x2>{COUNT_WORD}|(?i:none))\s(?:(?P<p2>(?i:{_PEOPLE}))\s)?\((?P<b2>{ARM_LABEL})\)
    (?=\s?[.;\n]|$)""",
    _X,
)
# Group values compared: "61.6% vs. 67.6%", "53% and 67%", "12.5% versus 9.1%".
PERCENT_PAIR = re.compile(
    rf"""(?<![\d.])(?P<a>{DEC})\s?%\s?(?:(?i:vs\.?|versus|and|compared\swith|compared\sto)\s?|v\s
    (?:(?i:the)\s)?)(?P<b>{DEC})\s?%""",
    _X,
)
# One percent sign for two values, as said aloud: "8.2 versus 7.7 percent", "9.4 vs 5.1%".
SHARED_PERCENT = re.compile(
    rf"(?P<a>\d{{1,2}}(?:\.\d{{1,2}})?)(?![\d.,%])\s(?i:vs\.?|versus)\s"
    rf"(?P<b>\d{{1,2}}(?:\.\d{{1,2}})?){PCT}"
)
# A percentage with its own CI: "12.5% (95% CI 8.1-17.2)".
# What a percentage with an interval is may be named in its bracket before the interval:
# "reduced mortality by 57% (relative risk reduction; 95% CI 12% to 79%)".
_PERCENT_MEASURE = (
    r"(?i:relative\s(?:risk\s)?reduction|risk\sreduction|(?:vaccine\s)?efficacy|RRR|VE)"
)
PERCENT_CI = re.compile(
    rf"(?<![\d.])(?P<est>{DEC})\s?%(?P<ci>(?:\s?[(\[]\s?{_PERCENT_MEASURE}\s?[;,:])?{_CI_TAIL})",
    _X,
)
# An efficacy said as how effective something was: "the vaccine was 95.0% effective (95% CI,
# 90.3 to 97.6) in preventing Covid-19".
PERCENT_EFFECTIVE = re.compile(
    rf"(?<![\d.])(?P<est>{DEC})\s?%\s(?i:effective|efficacious)\b(?P<ci>{_CI_TAIL})?", _X
)

# NEJM prints the abbreviation after the name: "(interquartile range [IQR], 3 to 8)".
_SPREAD_WORD = (
    # Greek ΕΤΕ (ενδοτεταρτημοριακό εύρος), the interquartile range
    # Romanian IIQ, Finnish kvartiiliväli
    # French EIQ (\u00e9cart interquartile), Spanish RIC (rango intercuart\u00edlico)
    r"(?P<skind>IQR|IIQ|EIQ|RIC|(?i:kvartiiliv\u00e4li)|interquartile\srange(?:\s\[IQR\])?|(?i:range)"
    r"|Q1\s?-\s?Q3|Q1,\s?Q3"
    r"|\u0395\u03a4\u0395"
    r"|(?:\d{2}%\s?)?(?:CI|(?i:confidence\sinterval)(?:\s?\[CI\])?)|SD|SE|SEM)"
)
# Median with IQR or range: "2.75 [2.35, 3.23]", "61 (50, 70.5)", "54.3 [- 15.5 to 93.3]".
MEDIAN_SPREAD = re.compile(
    rf"""
    (?<![\w.\-])(?P<center>{SIGNED})(?P<unit>{UNIT})?\s?(?P<open>[\[(])\s?
    (?:{_SPREAD_WORD}\s?[:,=]?\s?)?
    (?P<q1>{SIGNED}){UNIT}?\s?(?:,|;|-|to)\s?(?P<q3>{SIGNED}){UNIT}?(?:\s?[\])]|{_P_IN_BRACKET})
    """,
    _X,
)
# Labelled summary: "median 61 (IQR 50-70.5)", "median (IQR) age 61 (50, 70.5) years",
# "mean (SD) 45.2 (12.1)", "Mean (±SD)", "mean age was 45.2 years", "median follow-up of 12 months".
SUMMARY_LABEL = re.compile(
    rf"""
    (?<![A-Za-z])(?P<stat>(?i:median|mean|average))
    (?!(?:\s[\w\-]{{1,20}}){{0,2}}\s(?i:difference)\b)  # "mean (change) difference 0.07" differs
    (?P<header>\s?[(\[](?:\u00b1\s?)?(?i:IQR|range|SD|SE|SEM|interquartile\srange|Q1\s?-\s?Q3|95%\s?CI)
        (?:\s?[,;]\s?(?i:IQR|range|SD|SE|SEM))?[)\]]
      # ... unbracketed: "Mean ± SD 24-hour opioid consumption was 38.2 ± 17.5 mg"
      |\s\u00b1\s?(?i:SD|SE|SEM)(?=\s[A-Za-z0-9]))?
    (?P<what>(?:\s(?i:changes?\sfrom\sbaseline))?
      # ... a word may open with a number of hours or minutes: "24-hour opioid consumption"
      (?:\s(?!was\b|were\b|of\b|is\b|from\b)[\u0394\u2206]?(?:[A-Za-z]|\d{{1,3}}-(?=[A-Za-z]))
        [\w\-]{{0,20}}){{0,3}}
      # "The median duration of symptoms before enrolment was 9 days"
      # "The mean number of days alive and free of ventilation was 17.2"
      # "The mean change in body weight was", "change from baseline in FEV1 at week 52 was",
      # "change in pain score from baseline to week 12 was"
      (?:\s(?:of|before|after|in)\s(?!the\b)[A-Za-z][\w\-]{{1,20}}
        (?:\s(?!was\b|were\b|is\b)(?:[A-Za-z][\w\-]{{1,20}}|\d{{1,3}}(?=\s(?:was|were|is)\b))){{0,7}}
        (?=\s(?:was|were|is|of)\b)){{0,1}}
      # "Median pain scores at rest at 24 hours were"
      (?:\s(?:at\srest|on\s(?:movement|coughing|exertion|mobili[sz]ation))(?=\s(?:at|was|were|is)\b))?)
    # "Mean systolic blood pressure at 12 months was", "at week 12 were"
    (?:\s(?:at|after|by|over|during)\s(?:(?i:week|month|day|year|visit)\s\d{{1,3}}
      |\d{{1,3}}\s(?i:weeks?|months?|days?|years?|hours?))(?=\s(?:was|were|is)\b))?
    (?:\s?[(\[](?i:IQR|range|SD|SE|SEM|interquartile\srange|95%\s?CI)[)\]])?
    (?:\s(?:was|were|of|is)|\s?[:=,])?\s?(?:[:=]\s?)?
    # "scores at 12 weeks", "by week 4"; but "Mean HbA1c decreased by 1.4%"
    (?<!\bat\s)(?<!\bafter\s)(?<!(?<!creased)(?<!fell)(?<!rose)(?<!reduced)\sby\s)
    (?<!\bover\s)(?<!\bwithin\s)
    (?<!\bday\s)(?<!\bweek\s)(?<!\bmonth\s)(?<!\byear\s)(?<!\bvisit\s)  # "at week 8 were"
    (?<![A-Za-z0-9])(?<![A-Za-z]-)(?P<center>{SIGNED})(?!\d)(?!\.\d)(?!\s?/)
    (?!(?!IU\b)[A-Z]{{2}})  # "a mean 6MWD of 412 m", "Median IL-6": the 6 is part of a name
    (?!-[A-Za-z])  # "the mean change in 6-minute walk distance was": part of the outcome's name
    (?P<unit>{UNIT})?
    (?:
      \s?(?:\u00b1|\+/-|\+-)\s?(?P<pm>{DEC})(?!\d)(?=(?P<pm_unit>{UNIT}))?
      |\s?[,;]?\s?[(\[]\s?{_SPREAD_WORD}?\s?[:,=]?\s?
          (?P<q1>{SIGNED}){UNIT}?\s?(?:,|;|-|to)\s?(?P<q3>{SIGNED}){UNIT}?(?:\s?[)\]]|{_P_IN_BRACKET})
      # "(SD 14.2)", or spoken after a comma: "7.9 points, SD 14.2", "66.2 years, standard
      # deviation 9.8"
      |(?:\s?(?P<sd_open>[(\[])\s?|(?:\s[a-z]{{2,12}})?,\s(?=SD\b|SE\b|(?i:standard\s(?:deviation|error))))
          (?P<sd_word>SD|SE|SEM|(?i:standard\s(?:deviation|error)))?\s?[:,=]?\s?
          (?P<sd>{DEC})(?!\d)(?(sd_open)(?:\s?[)\]]|(?(sd_word)(?=;\s)|(?!)))|(?!\.\d))
      |[,;]?\s(?P<iqr_word>IQR|(?i:interquartile\srange|range))\s?[:,=]?\s?
          (?P<r1>{SIGNED}){UNIT}?\s?(?:-|to|,)\s?(?P<r2>{SIGNED}){UNIT}?(?!\d)(?!\.\d)
    )?
    """,
    _X,
)
# A value with its SD named in the bracket: "6.2 (SD 2.4)", "4.1 (SE 1.2)", "54 [SD, 12]", also
# when the bracket goes on: "598 mL (SD 245; mean difference -86 mL ...)".
MEAN_SPREAD_NAMED = re.compile(
    rf"""(?<![\w.])(?P<center>{SIGNED})(?P<unit>{UNIT})?\s?[(\[]\s?(?P<sd_word>SD|SE|SEM|s\.d\.|(?i:standard
    \sdeviation|standard\serror))\s?[:,=]?\s?(?P<sd>{DEC})(?!\d)(?P<sd_unit>{UNIT})?
    (?:\s?[)\]]|(?=;\s))""",
    _X,
)
# The next arm's value after one whose bracket names its SD or SE, its own bracket bare: "14.2 mg
# (SD 6.1) in the block group and 21.5 mg (7.4) in the sham group".
SUMMARY_NEXT = re.compile(
    # the first arm's size may stand between: "with dorvanesin (n = 294) and −1.31 (0.05)"
    rf"""(?:[^.;\n\d(]|\((?:n|N)\s?=\s?\d{{1,6}}\)|\((?!\s?(?:n|N)\s?=)){{0,60}}?
    (?:,|\band\b|\bvs\.?|\sv|\bversus\b|\bcompared\swith\b)\s
    (?:[A-Za-z][\w\-]{{0,20}}\s){{0,4}}?(?P<center>{SIGNED})(?!\d)(?!\.\d)(?P<unit>{UNIT})?
    (?:\s?[(\[]\s?(?P<sd>{DEC})(?!\d)(?!\.\d)\s?[)\]]
      # said aloud, as the first arm's: "7.9 points, SD 14.2, on the drug and 4.6, SD 13.8"
      |,\s(?:SD|(?i:standard\sdeviation))\s(?P<said_sd>{DEC})(?!\d)(?!\.\d))""",
    _X,
)
# A value with one bracketed number, read as mean (SD) or n (%) only under a header that says so
# ("mean (SD): 67.4 (18.2) vs 58.9 (20.5)", "n/N (%): 5/32 (15.6)").
VALUE_PAREN = re.compile(  # "(SD)" before: "−0.4% (0.8)", "52.0 (11.0)"
    rf"(?<![\w.,/\-])(?P<center>{SIGNED})%?\s?\(\s?(?P<inner>{DEC})(?!\d)(?!\.\d)\s?\)"
)
FRACTION_PAREN = re.compile(
    rf"(?<![\w.,/\-])(?P<x>{INT})\s?/\s?(?P<n>{INT})\s?\(\s?(?P<pct>{DEC})(?!\d)(?!\.\d)\s?\)"
)
SD_HEADER = re.compile(r"(?i)\b(?:mean|average)\s?[(\[,]\s?(?:SD|SE|SEM)\b|\((?:SD|SE)\)")
PERCENT_HEADER = re.compile(r"\(\s?%\s?\)|\[\s?%\s?\]")
# A table's legend below it that says its cells are counts: "Values are n (%).", "Data are
# number (%)"; not a legend of several kinds ("n (%), mean (SD) or median (IQR)").
N_PERCENT_LEGEND = re.compile(
    r"(?i)\b(?:values|data|numbers)\s(?:are|shown\sas|given\sas|presented\sas|expressed\sas)"
    r"\s(?:the\s)?(?:n|no\.|number)\s?\(%\)(?!\s?(?:,|or\b|and\b))"
)
# Between two cells of a flattened table, and at the end of its row: blanks, or a bar
# ("RR (95% CI) | P |", as Markdown and plain-text exports print them).
_CELL_GAP = r"(?:\s+|[ \t]*\|[ \t]*)"
_ROW_END = r"[ \t]*(?:\|[ \t]*)?$"
# The last columns of a flattened results table: "Risk ratio (95% CI)* P value".
RATIO_CI_HEADER = re.compile(
    r"(?im)(?P<measure>(?:adjusted\s)?(?:risk|odds|hazard|(?:incidence\s)?rate)\sratio"
    r"|a?(?:RR|OR|HR)|IRR)\s?[\[(]\s?95\s?%\s?CI\s?[\])][*\u2020\u2021\u00a7]?"
    rf"(?P<p_column>{_CELL_GAP}P(?:\s?-?\s?value)?[*\u2020\u2021\u00a7]?)?{_ROW_END}"
)
# ... and the cells of one of its rows: the estimate with its bare interval, and the p after it,
# at the end of the line (before a closing bar).
TABLE_ROW_ESTIMATE = re.compile(
    rf"""(?m)(?<![\w.,/\-])(?P<est>{DEC})\s?{CI_BARE}
    (?:{_CELL_GAP}(?P<p_cmp>[<>\u2264])?\s?(?P<p>{PNUM}))?{_ROW_END}""",
    _X,
)
# A difference column's header, which a header flattened from PDF may break over lines:
# "Treatment\nDifference\n(95% CI)a" ...
DIFFERENCE_CI_HEADER = re.compile(
    r"(?i)\bdifference[a-z*\u2020\u2021\u00a7]?\s{1,3}[\[(]\s?95\s?%\s?CI\s?[\])]"
)
# ... and the last cell of a row below it: "Clinical remission 16 (11%) 82 (28%) 17% (10%, 24%)",
# or the last but a p-value's: "| 34 (40.0) | 19 (22.6) | 17.4 (3.7 to 31.1) | 0.02 |".
TABLE_ROW_DIFFERENCE = re.compile(
    rf"""(?m)(?<![\w.,/\-])(?P<est>{SIGNED})(?P<unit>\s?%)?\s?(?P<interval>{CI_BARE})
    (?:{_CELL_GAP}[<>\u2264]?\s?{PNUM})?{_ROW_END}""",
    _X,
)
# A table whose last column is the p-value: "Characteristic (n = 94) (n = 93) P valuea" ...
P_COLUMN_HEADER = re.compile(
    r"(?i)(?:\bP[\s-]?values?[a-z*\u2020\u2021\u00a7]?|(?<=\s)P)[ \t]{0,8}(?:\|[ \t]{0,8})?$"
)
# ... and the last cell of a row below it, with the mark of its test: "812 (274) 1046 (311)
# <0.001†".
TABLE_ROW_P = re.compile(
    r"(?m)(?<=\s)(?P<p_cmp>[<>\u2264])?\s?(?P<p>0?\.\d{1,4}|1\.0{1,3})(?!\d)"
    r"(?P<mark>[*\u2020\u2021\u00a7]{1,3}|[a-z])?[ \t]{0,8}(?:\|[ \t]{0,8})?$"
)
# Any other percentage; extract.py keeps it only outside thresholds and methods.
PERCENT = re.compile(rf"(?<![\d.\-])(?P<pct>{DEC}){PCT}")

# A word character that is no Chinese or Japanese one: "MSC群63.2±9.8歳" prints its value
# straight after the arm's name.
LATIN_WORD = r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
# Mean with SD: "45.2 ± 12.1", "45.2 +/- 12.1".
MEAN_SD = re.compile(
    rf"(?<!{LATIN_WORD})(?<!\.)(?P<mean>{SIGNED})(?P<unit>{UNIT})?\s?(?:\u00b1|\+/-|\+-)\s?(?P<sd>{DEC})(?!\d)"
    rf"(?=(?P<sd_unit>{UNIT}))?"
)
# APA descriptives: "M = 45.2, SD = 12.1".
APA_MEAN = re.compile(
    rf"(?<![A-Za-z])M\s?=\s?(?P<mean>{SIGNED}),?\s?(?P<sd_word>SD|SE)\s?=\s?(?P<sd>{DEC})(?!\d)"
)
# A group's value in brackets right after the group: "higher in the MSC group (67.0)"; the arm
# label is read backwards from "group".
# Two arms' values each with one bare bracket, joined by "vs": "63.2 (11.4) years vs 61.9 (12.0)
# years". A summary whose type the text does not state (candidates.py reads it only when a value
# has decimals, which a count "12 (15.0)" never has).
BARE_SUMMARY_PAIR = re.compile(
    rf"""(?<![\w.,/\-])(?P<c1>{SIGNED})(?:{UNIT})?\s?\(\s?(?P<s1>{DEC})(?!\d)(?!\.\d)\s?\)
    (?P<u1>{UNIT})?\s(?:vs\.?|v|versus)\s
    (?P<c2>{SIGNED})(?:{UNIT})?\s?\(\s?(?P<s2>{DEC})(?!\d)(?!\.\d)\s?\)(?P<u2>{UNIT})?""",
    _X,
)
# Two arms' values in a bracket that gives their unit once: "(4.2 vs 6.1 days)", "(-3.1 vs
# -1.2 kg; P = 0.02)"; a summary whose type the text does not state.
BRACKETED_UNIT_PAIR = re.compile(
    rf"""(?:(?<=[(\[])|(?<=[(\[]\s))(?P<c1>{SIGNED})(?P<u1>{UNIT})?\s(?:vs\.?|v|versus)\s
    (?P<c2>{SIGNED})(?P<u2>{UNIT})(?=\s?[)\];,])""",
    _X,
)
# Two arms' values, each with its arm in a bracket after it: "-4.1 points (enzalutamide) vs
# -1.3 points (control)"; a summary whose type the text does not state.
_BRACKETED_ARM = rf"(?!(?i:SD|SE|IQR|range|n|mean|median|CI|p|ns)\b){ARM_LABEL}"
ARM_BRACKET_PAIR = re.compile(
    rf"""(?<![\w.,/\-])(?P<c1>{SIGNED})(?P<u1>{UNIT})?\s?\((?P<a1>{_BRACKETED_ARM})\)
    \s(?:vs\.?|v|versus)\s
    (?P<c2>{SIGNED})(?P<u2>{UNIT})?\s?\((?P<a2>{_BRACKETED_ARM})\)""",
    _X,
)


# A verb of change before "by" and its value: "fell by 4.3".
CHANGE_VERB = (
    r"\b(?i:fell|decreased|declined|dropped|increased|rose|raised|improved|changed|reduced|lowered)"
)
# What opens the bracket of a difference between the two values before it: "(difference, -2.1
# kg", "(mean difference", "(between-group ...".
DIFFERENCE_OPENING = r"(?i:(?:mean\s|adjusted\s|absolute\s)?differences?\b|between[-\s]group)"


# Two arms' changes, each with its arm after it: "fell by 4.3 with the antibody vs 2.8 with
# placebo"; a summary whose type the text does not state.
def _change_arm(index: int) -> str:
    return rf"\s(?:with|in|on)\s(?:the\s)?(?P<a{index}>{ARM_LABEL})(?={ARM_ENDS_AHEAD})"


CHANGED_BY_PAIR = re.compile(
    rf"""{CHANGE_VERB}
    \sby\s(?P<c1>{SIGNED})(?P<u1>{UNIT})?{_change_arm(1)}
    ,?\s(?:vs\.?|versus|compared\swith|and)\s
    (?:by\s)?(?P<c2>{SIGNED})(?P<u2>{UNIT})?{_change_arm(2)}""",
    _X,
)
# ... and without arms, when the difference between the two follows: "Body weight changed by
# -2.9 kg vs -0.8 kg (difference, -2.1 kg; 95% CI ...)".
CHANGED_BY_UNNAMED_PAIR = re.compile(
    rf"""{CHANGE_VERB}
    \sby\s(?P<c1>{SIGNED})(?P<u1>{UNIT})\s(?:vs\.?|versus)\s(?:by\s)?(?P<c2>{SIGNED})(?P<u2>{UNIT})
    (?=\s?[(\[]\s?{DIFFERENCE_OPENING})""",
    _X,
)
GROUP_VALUE = re.compile(
    rf"(?<![A-Za-z])(?i:group|arm)\s?\(\s?(?P<value>{SIGNED})(?!\d)(?P<unit>{UNIT})?\s?\)"
)

# Arm sizes: "(n = 65)", "MSC alone group = 11", "control group, n = 24", "control arm: 24".
# Two arms' counts of one event, each written as n: "headache (n=12 vs n=9)".
N_PAIR = re.compile(
    rf"""(?:(?<=[(\[])|(?<=[(\[]\s))(?P<n1>[nN]\s?=\s?(?P<x1>{INT}))(?!\d)\s?(?:vs\.?|versus)
    \s?(?P<n2>[nN]\s?=\s?(?P<x2>{INT}))(?!\d)(?=\s?[)\]])""",
    _X,
)
# Two arms' sizes in one phrase, as a forum post or a letter gives them: "n was 101 and 99 in
# the MSC and placebo arms", "the sample sizes were 101 (MSC) and 99 (placebo)", "group sizes:
# 64 and 61, respectively", "(n = 52 and 49, respectively)".
SIZES_OF_TWO_ARMS = re.compile(
    rf"""(?<![A-Za-z])(?:
      (?P<n_verb>[nN]\s(?i:was|were)|(?i:(?:sample|group|arm)\s(?:sizes?|numbers?))\s?(?:[=:]|(?i:was|were)))
      |(?P<n_equals>[nN]\s?=))\s?
    (?P<n1>{INT})(?!\d|\.\d|\s?%)(?:\s\((?P<label1>{ARM_LABEL})\))?
    \s(?:and|vs\.?|versus)\s
    (?P<n2>{INT})(?!\d|\.\d|\s?%)
    (?:\s\((?P<label2>{ARM_LABEL})\)
      |\s(?i:in|for)\s(?:the\s)?(?P<arm1>{ARM_LABEL})\s(?:and|vs\.?|versus)\s(?:the\s)?
       (?P<arm2>{ARM_LABEL})\s(?i:groups|arms|cohorts)
      |(?P<respectively>,?\s(?i:respectively))
    )?""",
    _X,
)
# Two arms' counts of events named right before their bracket: "fewer exacerbations (112 vs
# 165)", "deaths (14 vs 25; p=0.04)"; or, as a forum post writes, after a colon or "were":
# "Deaths were 10 vs 18, ...", "deaths: 10 vs 18 (p=0.09)".
EVENTS_PAIR = re.compile(
    rf"""\b(?P<noun>{RECURRENT_EVENTS}|(?i:deaths))(?:\s?\(|:|\s(?i:were))\s?(?P<x1>{INT})(?!\d|\.\d)
    \s?(?:vs\.?|versus)\s?(?P<x2>{INT})(?!\d|\.\d|\s?%)(?=\s?[;,)(]|\.(?!\d)|$)""",
    _X,
)
# Two whole numbers that open a bracket, then the ratio of a binary outcome in it: the arms'
# counts of that outcome ("Fewer patients died with drug A (12 vs 20; RR 0.60, 0.30-1.20)").
COUNTS_THEN_RATIO = re.compile(
    rf"""(?<=\()(?P<x1>{INT})(?!\d|\.\d|\s?%)\s?(?:vs\.?|versus)\s?(?P<x2>{INT})(?!\d|\.\d|\s?%)
    (?=[;,]\s?(?:(?:adjusted|unadjusted|crude)\s)?(?:RR|OR|RD|(?i:risk\sratio|odds\sratio
    |relative\srisk|risk\sdifference))\b)""",
    _X,
)
N_EQUALS = re.compile(
    rf"(?:(?<=[(\[,;])|(?<=[(\[,;]\s))(?P<nsym>[nN])\s?=\s?(?P<n>{INT})(?!\d)(?!\.\d)"
    rf"(?!\s?{N_PERCENT_AFTER})"  # "n = 22 [18%]" counts events
)
# "(intervention n = 108; standard care n = 106)", "(TXA n=143, placebo n=143)", a slide's
# "• enza n=45 vs control n=44": a list item that is an arm's name and its size.
# ... in a script other than Latin: "(ρεμποτίδη n=64, εικονικό φάρμακο n=61)"
OTHER_SCRIPT_ARM_LABEL = r"[^\W\d_A-Za-z][^\W_]{0,24}(?:\s[^\W_]{1,25}){0,4}?"
LABEL_N_EQUALS = re.compile(
    rf"""(?:(?<=[(\[,;\u2022])|(?<=[(\[,;:\u2022\u2192/]\s)|(?<=\svs\s)|(?<=\sversus\s))
    # "(50 mg: n = 101; 100 mg: n = 99; placebo: n = 100)": a dose may name the arm
    (?P<label>{ARM_LABEL}|{OTHER_SCRIPT_ARM_LABEL}|\d{{1,4}}(?:\.\d{{1,3}})?\s?(?:mg|g|mcg|\u00b5g|IU))
    :?\s(?P<nsym>[nN])\s?=\s?
    # "(brivo n=4,611 / apix n=4,605)": arms apart by a slash
    (?P<n>{INT})(?!\d)(?!\.\d)(?=\s?[)\],;.\u2022\n]|\svs\.?\s|\sversus\s|\s/\s|$)""",
    _X,
)
GROUP_EQUALS = re.compile(
    rf"(?i:group|arm)\s?(?:=|:|,\s?[nN]\s?=|\(\s?[nN]\s?=)\s?(?P<n>{INT})(?!\d)(?!\.\d)(?!\s?%)"
    rf"(?!\s?[,;]\s?{DEC}\s?%)"  # "group A (n = 4, 13.3%)" counts events
)
# "Twelve patients ... treated with MSCs plus conventional therapy and 13 treated with
# conventional therapy alone (control)".
N_TREATED_WITH = re.compile(
    rf"""
    (?<![\w.,\-])(?P<n>{COUNT_WORD})\s(?:(?i:{_PEOPLE})\s)?(?:(?i:with|having)\s[\w\-]{{1,20}}\s)?
    (?i:treated\swith|receiving|received|given|who\sreceived|got)\s
    (?P<arm>[A-Za-z][\w+\-]{{0,25}}(?:\s(?!and\b|or\b|were\b|was\b)[\w+\-]{{1,25}}){{0,5}}
      (?:\s?\((?i:control|controls|placebo)\))?)
    """,
    _X,
)
# Sample sizes need a cue: "a total of 43 patients", "recruited 101 ... patients",
# "One hundred patients with severe COVID-19 were randomized".
_WORDS = r"(?:[\w\-]{1,20}\s)"
# "a total of 43 patients", "For a total of 110 patients", "A cohort of 5,012 pregnant women".
TOTAL_OF = re.compile(
    rf"(?i:(?:a\s)?(?:total(?:\snumber)?|cohort|sample)\sof\s)(?P<n>{COUNT_WORD})\s{_WORDS}{{0,3}}?(?i:{_PARTICIPANTS})\b"
)
# "we recruited 101 severe COVID-19 patients", "We randomly assigned 200 patients".
VERB_N = re.compile(
    rf"""(?P<verb>(?i:recruited|enrolled|included|randomi[sz]ed|randomly\sassigned|assigned
    |(?<![\w\-])(?:participants|patients|subjects)\swere
    |allocated|screened|analy[sz]ed|treated|followed|comprised|involved|involving|enrolling|including
    |studied|totall?ed
    |randomi[sz]ing|randomi[sz]ation\sof|enrol(?:l)?ment\sof|consist(?:ed|ing)\sof
    |(?:trial|study|RCT)\s(?:of|in|among)
    |(?<![Mm]issing\s)data\sfrom))
    # not the first of two arms' numbers: "comprised 191 and 188 patients, respectively"
    \s(?P<n>{COUNT_WORD})(?!\s(?:and|or|vs\.?|versus)\s\d)\s{_WORDS}{{0,3}}?(?i:{_PARTICIPANTS})\b""",
    _X,
)
# "the 120 randomized patients", "12,450 vaccinated adults"; not "the 140 mg arm enrolled 190
# patients", whose people have their own number.
N_STAGE_PEOPLE = re.compile(
    rf"""(?<![\w.,\-])(?<![Ss]tudy\s)(?<![Tt]rial\s)(?<![Pp]art\s)(?<![Pp]hase\s)
    (?<![Cc]ohort\s)(?<![Ss]tage\s)(?P<n>{COUNT_WORD})\s{_WORDS}{{0,2}}?
    (?P<verb>(?i:randomi[sz]ed|enrolled|recruited|included|eligible|evaluable|treated|vaccinated
      |analy[sz]ed|hospitali[sz]ed|consecutive|randomly\sassigned|randomly\sallocated))
    \s(?:(?!\d){_WORDS}){{0,2}}?(?i:{_PARTICIPANTS})\b""",
    _X,
)
# "One hundred patients with severe COVID-19 were randomized", "100 patients enrolled in".
N_PEOPLE_VERB = re.compile(  # ("246 pts randomised": "pts" that a stage follows are patients)
    rf"""(?<![\w.,\-])(?P<n>{COUNT_WORD})\s{_WORDS}{{0,3}}?(?i:{_PARTICIPANTS}|pts)
    \s(?:\((?!\s?{DEC}\s?%\s?\))[^()\n]{{0,60}}\)\s)?{_WORDS}{{0,5}}?
    (?i:(?:were\s|was\s)?(?:(?:finally|subsequently|then|eventually|prospectively|randomly)\s)?
      (?P<verb>randomi[sz]ed|enrolled|recruited|included|received|treated|analy[sz]ed
        |screened|completed|assigned|allocated|underwent\srandomi[sz]ation|participated
        |took\spart|assessed\sfor\seligibility))\b""",
    _X,
)
# The subject of a sentence that allocates it: "Eighty patients aged 65 years or older with
# complicated appendicitis admitted from 2021 to 2022 were divided into a laparoscopic group and
# an open group", "Methods: 96 adults with asthma were randomly assigned to".
SUBJECT_ALLOCATED = re.compile(
    rf"""(?P<n>{COUNT_WORD})\s{_WORDS}{{0,3}}?(?i:{_PARTICIPANTS})\b(?:[^.;:]|\.(?=\d)){{0,200}}?
    \s(?i:were|was)\s(?:(?i:then|subsequently|randomly)\s)?
    (?P<verb>(?i:divided|randomi[sz]ed|assigned|allocated))\b""",
    _X,
)
# "Two patients ... withdrew, leaving 45 for analysis".
N_LEFT_FOR_ANALYSIS = re.compile(
    rf"""(?i:leaving|left)\s(?P<n>{COUNT_WORD})\s(?:{_WORDS}{{0,2}}?(?i:{_PARTICIPANTS})\s)?
    (?i:for|in)\s(?:the\s)?(?:(?i:final)\s)?(?P<verb>(?i:analys[ie]s))\b""",
    _X,
)
# Not the second of two arms' numbers ("61 and 60 were evaluable", "61, 60"), though after a
# year ("between October 2020 and February 2021 and 62 were analysed"): a count of one to three
# digits before it.
_SECOND_OF_TWO = "".join(
    rf"(?<![^\d]{digits}{joint})"
    for digits in (r"\d", r"\d\d", r"\d\d\d")
    for joint in (r"\sand\s", r"\sor\s", r",\s")
)
# "116 were analysed" (after "120 patients were randomised and"), "350 were randomised",
# "549 received at least one dose".
N_WERE_ANALYSED = re.compile(
    rf"""(?<![\w.,\-:]){_SECOND_OF_TWO}(?P<n>{INT})\s
    (?:(?:were|was)\s(?:(?:finally|subsequently|randomly)\s)?
      (?:eligible\sand\s(?:were\s)?(?:randomly\s)?)?
      (?P<verb>analy[sz]ed|evaluable|included\sin\sthe\s(?:final\s)?analysis|randomi[sz]ed
        |assigned|enrolled|eligible(?=\s?[,;.]|\sand\s))(?!\s(?:to|into|in)\s)
      |underwent\srandomi[sz]ation|consented(?=\s?[,;.]|\sto\s|\sand\s)
      |received\s(?:at\sleast\sone\s(?:dose|injection|infusion|vaccination)
        |(?:the\s)?study\s(?:drug|treatment|medication|intervention)))\b""",
    _X,
)
# Two arms' analysed sizes listed "respectively": "58 and 57, respectively, were evaluable",
# "58 and 57 patients were included in the primary analysis, respectively".
TWO_ANALYSED_SIZES = re.compile(
    rf"""(?<![\w.,\-:])(?<!\d\sand\s)(?<!\d\sor\s)(?<!\d,\s)(?!(?:19|20)\d\d\s(?:and|or)\s(?:19|20)\d\d\b)(?P<n1>{INT})\s(?:and|or)\s(?P<n2>{INT})(?![\d%]|[.,]\d)
    (?:\s{_WORDS}{{0,1}}?(?i:{_PARTICIPANTS}))?(?P<respectively>,?\srespectively)?,?\s
    (?:were|was)\s(?:(?:subsequently|finally)\s)?
    (?P<verb>evaluable|analy[sz]ed|included\sin\sthe\s(?:[\w\-]{{1,20}}\s){{0,2}}?analys[ie]s
      |available\sfor\s(?:the\s)?(?:[\w\-]{{1,20}}\s){{0,2}}?analys[ie]s)\b""",
    _X,
)
# A registry's enrolment field: "Total final enrolment: 286", "Enrollment: 240 (Actual)"; a
# flow line: "Randomised: 412; completed: 380".
ENROLMENT_FIELD = re.compile(
    rf"(?<![\w\-])(?i:(?:total\s(?:final\s)?)?enrol(?:l)?ment|randomi[sz]ed|enrolled)\s?:\s?"
    rf"(?P<n>{INT})(?!\d)(?!\.\d)(?!\s?%)"
)
# A labelled line or sentence: "Study population: 310 patients", "Participants: 1,024 adults".
LABELLED_TOTAL = re.compile(
    rf"""(?<![\w\-])(?<!(?i:number)\sof\s)(?i:(?:study\s)?(?:population|participants|patients
    |subjects)|(?<![A-Za-z]\s)T(?i:otal))[ ]?:[ ]?(?P<n>{COUNT_WORD})[ ]
    (?:[\w\-]{{1,20}}[ ]){{0,2}}?
    (?i:{_PARTICIPANTS})\b""",
    _X,
)
# "Number of subjects: 48".
NUMBER_OF_TOTAL = re.compile(
    rf"(?<!(?i:target)\s)(?<!(?i:planned)\s)(?<!(?i:anticipated)\s)(?<!(?i:estimated)\s)(?i:(?:total\s)?number\sof\s(?:subjects|participants|patients))\s?:\s?(?P<n>{INT})(?![\d.,%])"
)
# "N = 1,234".
N_TOTAL = re.compile(rf"(?<![\w.,\-])[Nn]\s?=\s?(?P<n>{INT})(?!\d)(?!\.\d)")

# Capitals beyond ASCII a sentence may open with: accented Latin ("Étude", "Łącznie"), Greek and
# Cyrillic ("Пациенты основной группы").
_CAPITAL = r"[\u00c0-\u00d6\u00d8-\u00de\u0141\u015a\u0179\u017b\u0391-\u03a9\u0401\u0410-\u042f]"
# A sentence ends at blanks after .!? before a capital or bracket, or at line breaks; written
# to open with \s so that the matcher skips to blanks (see masks.py). It also ends before a
# digit when the full stop closes a number, a percentage, a bracket or a word of four letters
# or more that is no abbreviation ("p<0.001. 50% responded", "(18%). 12 patients", "the
# placebo group. 20 patients"), never after "vs.", "Fig.", "approx." or "resp."; and after the
# reference numbers an encyclopedia prints after its full stop ("diabetes.[16] Of 2,184").
SENTENCE_END = re.compile(
    r"\s(?:(?:(?<=[.!?]\s)|(?<=[.!?]\[\d\]\s)|(?<=[.!?]\[\d\d\]\s)|(?<=\]\[\d\]\s)"
    r"|(?<=\]\[\d\d\]\s))\s{0,49}(?=[A-Z(\[\"']|" + _CAPITAL + r")|(?<=\n)\n{0,49}"
    # an abbreviation that opens in lower case: "(risk ratio 1.15, 0.99-1.34). sICH occurred"
    r"|(?<=[\w)%][.!?]\s)(?<!\bvs\.\s)(?<!\be\.g\.\s)(?<!\bi\.e\.\s)(?<!\bal\.\s)"
    r"\s{0,49}(?=[a-z]{1,3}[A-Z]{1,6}\b)"
    r"|(?:(?<=[\d%)]\.\s)|(?<=[a-z]{4}\.\s)(?<!approx\.\s)(?<!resp\.\s)(?<!incl\.\s)"
    r"(?<!excl\.\s)(?<!figs\.\s)(?<!refs\.\s))\s{0,49}(?=\d))"
)
