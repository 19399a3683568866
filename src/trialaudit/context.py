"""What a statistic is about: its sentence, paragraph, arm, outcome, subgroup and time point."""

from __future__ import annotations

import bisect
import functools
import re

from .grammar import (
    ALLOCATED_INTO_GROUPS,
    ALLOCATED_TO_ARMS,
    ARM_ENDS_AHEAD,
    ARM_LABEL,
    CLUSTER_NOUNS,
    DOSE_ARM_LABEL,
    DURATION_ARM_LABEL,
    SENTENCE_END,
    UNIT,
)
from .numbers import COUNT_BEFORE_UNIT, word_value
from .spans import Scanner

CONTROL_WORDS = re.compile(
    r"(?i)\b(?:placebos?|controls?|standard\s(?:of\s)?care|conventional(?:\s\w{1,30})?"
    r"|usual\s(?:care|practice|treatment|curriculum|teaching)|wait(?:ing)?[\s\-]?list(?:ed)?"
    r"|sham|SOC|best\ssupportive\scare|no\streatment|vehicle|saline"
    r"|watchful\swaiting|active\ssurveillance|expectant\smanagement"
    # Portuguese, French, German
    r"|controle|controlo|t[ée]moins?|Kontroll\w*|Placebogruppe)\b"
)
_COMBINATION = re.compile(r"(?i)\s(?:plus|\+|with|combined\swith|and|followed\sby)\s|\s?\+\s?")
_STOP = frozenset(
    (
        "a an the either or and to with of in on for were was be been received receive "
        "receiving randomized randomised assigned allocated finally who that which while "
        "patients patient group groups arm arms vs versus than compared higher lower both "
        "enrolled included into treated had each two three four both all "
        # what an arm's people did, after its name: "12 of 47 receiving MSCs recovered"
        "died recovered improved developed required experienced responded relapsed survived "
        "achieved "
        # German: "im Verhältnis 1:1 der Interventionsgruppe (n = 82) oder der Kontrollgruppe"
        "der oder und im bei "
        # Spanish, Portuguese, French: "al grupo de intervención (n = 40)", "no grupo
        # controle", "dans le groupe témoin"
        "grupo grupos groupe groupes brazo braço de del do da dos das du des al ao au aux "
        # Russian: "Пациенты основной группы (n=124)", "у 81 пациента контрольной группы"
        "пациенты пациентов пациента больные больных у и в"
    ).split()
)
STOP_WORDS = _STOP  # words that end an arm label read backwards (clean_arm)
_ARM_WORDS = {"group", "groups", "arm", "arms", "cohort", "группа", "группы", "группе", "групп"}
# "in the two groups", "of both arms": every arm, not one.
_NO_ARM = r"(?:two|three|four|both|all|each|either|other|same|whole)"
ARM_AFTER = re.compile(
    rf"(?i)[^;\d]{{0,60}}?\b(?:in|of)\sthe\s(?!{_NO_ARM}\s)"
    rf"(?P<arm>{ARM_LABEL}|{DURATION_ARM_LABEL}|{DOSE_ARM_LABEL})\s(?:group|arm|cohort)s?\b"
)
# "120/1204 (10.0%) children in intervention villages": a cluster trial's arm, named by what
# its clusters received.
_CLUSTER_NOUN = rf"(?i:{'|'.join(CLUSTER_NOUNS)})\b"
ARM_CLUSTERS_AFTER = re.compile(
    rf"[^;\d]{{0,40}}?\b(?:in|of)\s(?:the\s)?(?!{_NO_ARM}\s)(?P<arm>{ARM_LABEL})\s{_CLUSTER_NOUN}"
)


@functools.lru_cache(maxsize=8)
def _cluster_nouns(text: str) -> list[int]:
    """Return where a document may name a kind of cluster, once a document (str.find on the
    lower-cased text is about 5x faster than a search for the alternation)."""
    lower, found = text.lower(), []
    for noun in CLUSTER_NOUNS:
        at = lower.find(noun)
        while at >= 0:
            found.append(at)
            at = lower.find(noun, at + 1)
    return sorted(found)


def _cluster_noun_ahead(text: str, end: int, stop: int) -> bool:
    """Return True if a kind of cluster is named in text[end:stop], within ARM_CLUSTERS_AFTER's
    reach (so at most values the pattern is not tried)."""
    nouns = _cluster_nouns(text)
    i = bisect.bisect_right(nouns, end)
    return i < len(nouns) and nouns[i] < min(stop, end + 200)


# Arms named by letter or number: "group A", "arm 2", "cohort II".
_LETTERED = r"(?i:group|arm|cohort)\s(?:[A-D]|[1-4]|I{1,3}|IV)(?![\w\-])"
_LETTERED_ARM = re.compile(rf"\b{_LETTERED}(?=\s?$)")
# "4 (5.0%) in group B", "in arm 2".
ARM_LETTER_AFTER = re.compile(rf"[^;\d]{{0,30}}?\bin\s(?P<arm>{_LETTERED})")
# "3/25 (12%) MSC vs 6/25 (24%) control": an arm's name between its value and "vs".
ARM_THEN_VERSUS = re.compile(
    r"\s(?P<arm>[A-Za-z][\w+\-]{0,24}(?:\s[A-Za-z][\w+\-]{0,24})?)\s(?:vs\.?|versus)\s"
)
ARM_BEFORE = re.compile(
    rf"(?i)\b(?:in|of|for|among)\sthe\s(?P<arm>{ARM_LABEL})\s(?:group|arm|cohort)"
    r"(?:\s?\(\s?[nN]\s?=\s?\d{1,9}\s?\))?(?:\s(?i:was|were))?\s?[,:]?\s?$"
)
# An arm's name of up to three words that ends its clause: "drug B", "standard therapy".
_WHOLE_ARM = re.compile(r"[A-Za-z][\w+\-]{0,24}(?:\s[\w+\-]{1,25}){0,2}(?=\s?[,;.)]|$)")
# "Of the tarcibercept-treated patients, 244 (79.5%) ...", "Of the placebo patients, 12 ...": the
# people of an arm a value counts (an arm only when the arms' words name it).
PEOPLE_OF_ARM_BEFORE = re.compile(
    r"(?i)\bof\sthe\s(?:\d{1,6}\s)?(?P<arm>[A-Za-z][\w\-]{1,30}?)(?:-(?:treated|allocated|assigned))?"
    r"\s(?:patients|participants|subjects|women|men|children|adults),\s$"
)
# "Of the 76 patients who received MSCs, 9 (11.8%) developed fever": the arm before a value.
RECEIVED_BEFORE = re.compile(
    rf"(?i)\b(?:who\s(?:received|were\sgiven|were\streated\swith)|treated\swith|given|receiving"
    rf"|(?:assigned|allocated|randomi[sz]ed)\sto)"
    # "participants treated with elrapitide achieved a mean change ... of -13.9%"
    rf"\s(?:the\s)?(?P<arm>{ARM_LABEL})(?:,\s|\s(?:achieved|had|showed|lost)\s(?:an?\s)?)$"
)
# "who received at least one dose", "given any study drug": no arm, what every arm received.
NO_ARM_GIVEN = re.compile(r"(?i)(?:at\s(?:least|most)|any|all|both|either|no|a|an)\b")
# A capital letter that ends an arm's name ("drug A", "vitamin D", "regimen B").
_LETTER_AFTER_LABEL = re.compile(rf"\s[A-Z](?={ARM_ENDS_AHEAD})")
ARM_AFTER_VERB = re.compile(
    rf"[^;\d]{{0,40}}?\b(?:with|given|receiving|received|treated\swith"
    rf"|(?P<allocated>allocated|assigned|randomi[sz]ed)\sto|on)\s(?:the\s)?(?P<arm>{ARM_LABEL})"
    rf"(?=[\s,;.)]|$)"
)
# "62.1% receiving 30 mg": a dose arm, named by its dose alone.
_DOSE_GIVEN_AFTER = re.compile(
    rf"[^;\d]{{0,40}}?\b(?:given|receiving|received|treated\swith|on)\s"
    rf"(?P<arm>{DOSE_ARM_LABEL})(?=[\s,;.)]|$)"
)
# "88.8% receiving 7 days of therapy and 87.6% receiving 14 days": an arm named by how long it
# was treated (a regimen, not a time point: _REGIMEN_BEFORE).
# ... or "94% (95% CI 90-97) with the 8-week regimen".
_DURATION_GIVEN_AFTER = re.compile(
    r"[^;\d]{0,40}?\b(?:(?:given|receiving|received)\s"
    r"(?P<arm>\d{1,3}\s(?:days?|weeks?|months?))(?:\sof\s[A-Za-z][\w\-]{1,25})?"
    rf"|(?:with|on)\sthe\s(?P<regimen>{DURATION_ARM_LABEL}\s(?:regimen|course|schedule)))"
    r"(?=[\s,;.)]|$)"
)
_REGIMEN_BEFORE = re.compile(r"\b(?:given|receiving|received)\s$")
# An arm after "for" right after a value ("7.2 (SD = 4.1) for CBT"); "for" also names outcomes
# ("12 (10%) for hypertension"), so only a word of the document's arms makes it one.
_FOR_ARM_AFTER = re.compile(rf"\s(?:for|among)\s(?:the\s)?(?P<arm>{ARM_LABEL})(?=[\s,;.)]|$)")
# A German report's arm, one word ending in -gruppe, right before its value.
_GERMAN_GROUP_BEFORE = re.compile(
    r"\b(?:in|bei)\sder\s(?P<arm>[A-Z\u00c4\u00d6\u00dc]\w{2,30}gruppe)\s(?:bei\s)?$"
)
# ... and an Indonesian report's: "pada kelompok intervensi sebesar 16 dari 150" (in the
# intervention group, amounting to), named as its size names it ("kelompok intervensi n = 150").
_INDONESIAN_GROUP_BEFORE = re.compile(
    r"\b(?:pada|di)\s(?P<arm>kelompok\s\w{2,30})\s(?:(?:sebesar|adalah|yaitu)\s)?$"
)
# An arm named after its value in Spanish, Portuguese, French, Italian or German: "12,5 % (5/40)
# en el grupo de intervención", "no grupo controle", "dans le groupe témoin", "du groupe
# placebo", "nel gruppo placebo", "in der Kontrollgruppe".
FOREIGN_GROUP_AFTER = re.compile(
    # the value's unit may come between: "−4,6 ± 4,1 jours dans le groupe traitement"
    r"(?:\s(?:jours?|semaines?|mois|d\u00edas|dias|Tage|giorni|settimane|points?|punti))?"
    r"\s(?:(?:en\s(?:el|los)|no|nos|dans\sles?|du|del|do|dos|nel|nei)\s"
    r"(?:grupo|groupe|brazo|braço|gruppo)"
    r"\s(?:de\s|d[\'’])?(?P<arm>[\wà-öø-ÿ\-]{2,30})"
    r"|in\sder\s(?P<gruppe>[A-ZÄÖÜ]\w{2,30}gruppe)"
    # Swedish "i tarvalimodgruppen", Romanian "din grupul placebo", "în grupul colecalciferol"
    r"|i\s(?P<gruppen>\w{2,30}?)gruppen"
    r"|(?:din|\u00een)\sgrupul\s(?P<grupul>[\w\-]{2,30})"
    # Hebrew "בקבוצת ההתערבות" (in the group of the intervention)
    r"|\u05d1\u05e7\u05d1\u05d5\u05e6\u05ea\s(?P<kvutsa>\w{2,30})"
    # Russian: "98 (79,0%) пациентов основной группы", "больным контрольной группы"
    r"|(?:(?:пациент|больн)[а-яё]{0,3}\s)?(?P<ru>[а-яё]{3,30})\sгрупп[аыеу]?)(?=[\s,;.)]|$)"
)
# What was given, named by how: "died after MSC infusion", "following placebo injection".
_ARM_GIVEN_AFTER = re.compile(
    rf"[^;\d]{{0,40}}?\b(?:after|following)\s(?:the\s)?(?P<arm>{ARM_LABEL})\s(?=(?:infusions?"
    r"|administration|injections?|transplantation|transfusions?|inhalation|instillation)\b)"
    # ... or a crossover's period on it: "during drug A treatment", "during the placebo phase"
    rf"|[^;\d]{{0,40}}?\bduring\s(?:the\s)?(?P<period>{ARM_LABEL})\s(?=(?:treatment|therapy"
    r"|period|phase)\b)"
    r"|[^;\d]{0,40}?\bduring\s(?P<placebo>placebo)(?=[\s,;.)]|$)"
)
# A value that opens a bracket after the arm it belongs to: "with semaglutide (mean −14.9%)".
BRACKET_AFTER_ARM = re.compile(
    rf"\b(?:(?:with|given|receiving|received|on)\s(?:the\s)?(?P<arm>{ARM_LABEL})"
    # ... and a psychology report's "those in the waitlist condition (M = 3.24, SD = 0.81)"
    rf"|(?:of|in|for)\s(?:the\s)?(?P<group>{ARM_LABEL})\s(?:group|arm|condition)(?:\s(?:was|were))?"
    rf"|(?:of|in|for)\s(?P<lettered>{_LETTERED}))\s?\(\s?"
    # "in the waitlist group (n = 60; M = 3.24, SD = 0.81)": the arm's size first
    r"(?:[nN]\s?=\s?\d{1,3}(?:,\d{3})?\s?[;,]\s?)?(?:(?:mean|median|n|M|Mdn)\s?[=:]?\s?)?$"
)
CONTROL_NOUN_AFTER = re.compile(
    r"\s(?:patients\s)?(?:in\s|of\s)?(?P<noun>controls|control\spatients|placebo\srecipients)\b"
)
# "4 of 20 (20%) MSC recipients": the arm whose people received it.
RECIPIENTS_AFTER = re.compile(r"\s(?P<arm>[A-Za-z][\w\-+]{1,24}(?:\s[\w\-+]{1,24})?)\srecipients\b")
# "28.4% of intervention patients", "of semaglutide participants": the arm whose people they are,
# when it is one of the document's arms or a word for an arm's role.
_PEOPLE_OF_ARM_AFTER = re.compile(
    r"\sof\s(?:the\s)?(?P<arm>[A-Za-z][\w\-+]{1,24})\s(?:patients|participants|subjects)\b"
)
_ARM_ROLE_WORDS = frozenset({"intervention", "treatment", "control", "placebo"})
# "7 of 20 (35%) in placebo": a control arm named without "group".
IN_CONTROL_AFTER = re.compile(
    # "to 3.47 ± 0.33 g/dL in controls": the unit may come between
    rf"(?:{UNIT})?"
    r"\s(?:patients\s)?in\s(?:the\s)?(?P<arm>placebo|controls?|sham|usual[-\s]care)\b"
    r"(?!\s(?:group|arm|cohort))"
)
_ARM_NAMED_AFTER_VALUE = re.compile(r"\s(?:with|in|on|among|after)\s")
# The arms of Chinese-language reports, by the word before 组 ("group"): 观察组 observation,
# 治疗组 treatment, 实验组 / 试验组 experimental, 研究组 study, 干预组 intervention (Japanese
# 介入群), 对照组 control.
CJK_ARMS = {
    "\u89c2\u5bdf": "observation",
    "\u6cbb\u7597": "treatment",
    "\u5b9e\u9a8c": "experimental",
    "\u8bd5\u9a8c": "experimental",
    "\u7814\u7a76": "study",
    "\u5e72\u9884": "intervention",
    "\u4ecb\u5165": "intervention",  # Japanese 介入
    "\u5bf9\u7167": "control",
}
# ... by letter: A组 is group A; and by what it was given, abbreviated in Latin letters: MSC组
# is the MSC arm.
CJK_ARM = "|".join(CJK_ARMS) + "|(?<![A-Za-z0-9\\-])(?:[A-H]|[A-Z][A-Za-z0-9\\-]{1,11})"


def cjk_arm_name(word: str) -> str:
    """Return the English name of the arm a Chinese report calls ``word`` + 组."""
    if len(word) > 1 and word.isascii():
        return word  # "MSC组": the MSC arm
    return CJK_ARMS.get(word) or f"group {word}"


# ... also with its size between: "letrozole (n = 320) 3412±498"
ARM_LABEL_BEFORE = re.compile(
    # "治疗组28 d病死率为5.0%": a Chinese arm, perhaps a time ("28 d", "第14天"), what is measured
    # (its Latin name may hold digits: "观察组FEV1为")
    rf"(?:(?P<cjk_arm>{CJK_ARM})\u7ec4"
    r"(?:\u7b2c?\d{1,3}\s?(?:d|\u5929|\u5468|\u4e2a\u6708)[\u540e\u65f6\u672b]?)?"
    # ... and a space typed before the value's bracket: "观察组CRP (12.4±5.1) mg/L"
    r"(?:[^\d\s.,;:)]|(?<=[A-Za-z])\d|(?<=[A-Za-z]-)\d|\s(?=[(\uff08]$)){0,10}"
    rf"|(?P<arm>{ARM_LABEL})(?:\u7ec4[^\d\s]{{0,4}}|\s?:?\s(?:\([nN]\s?=\s?[\d,]{{1,7}}\)\s)?))$"
)
_ARMLIKE = re.compile(
    r"(?:\b[A-Z]{2,}[a-z]?s?\b|\b[A-Z]{1,12}-[A-Z]{1,12}s?\b|(?i:\bcells?\b|therapy|treatment|infusion"
    r"|vaccine|drug|intervention|EVs?\b))"
)
# A drug's international nonproprietary name, by the stem that marks its class (WHO, "The use of
# stems in the selection of INNs", 2018): "with sitagliptin", "on apixaban".
_DRUG_STEM = re.compile(
    r"(?i)\b[a-z]{2,}(?:mab|nib|ciclib|parib|lisib|gliptin|gliflozin|glutide|pril|sartan|olol"
    r"|dipine|vastatin|prazole|conazole|cillin|mycin|floxacin|cycline|vir|parin|xaban|gatran"
    r"|grel|grelor|setron|caine|afil|lukast|terol|tropium|formin|fibrate|azepam|azolam|oxetine"
    r"|pramine|triptyline|triptan|dronate|tidine|ercept|kinra|lidomide|oquine|mectin|fungin"
    r"|penem|asone|isone|olone|medetomidine|onidine|teplase|fentanil|fentanyl|ofol|tocin|profen"
    r"|nidazole|farin|fiban|relin|(?<!pep)(?<!nucleo)tide)\b"
    # sulfonylureas (gli-), and common drugs that no stem marks
    r"|(?i:\bgli[a-z]{2,}ide\b|\b(?:aspirin|insulin|colchicine|paracetamol|acetaminophen"
    r"|morphine|ketamine)\b)"
)
_ARMLIKE_ONLY = re.compile(r"[A-Z\-]{2,12}s?|(?i:cells?|placebo|controls?)")
TIMEPOINT = re.compile(
    rf"""(?ix)
    (?<![A-Za-z0-9\-])(?<!\d[.,])(?<!\d/)(?:
      (?P<u1>day|week|month|year|mo|wk)s?[\s\-](?P<n1>\d{{1,4}})(?!\d)(?!\.\d)
        # a span of them ends at its last: "over weeks 1-12" is at week 12
        (?:\s?(?:-|\u2013|to|through)\s?(?P<r1>\d{{1,4}})(?!\d)(?!\.\d))?
      |(?P<n2>{COUNT_BEFORE_UNIT})[\s\-](?P<u2>day|week|month|year|hour|mo|wk|yr)s?\b
        # "the 7-day group", "a 14-day course": an arm or regimen named by its length
        (?![\s\-](?:walk|interval|old|of\sage|group|arm|course|regimen))
      # "0-72 h" (over the first 72 hours) is at 72 h
      |(?:\d{{1,3}}\s?-\s?)?(?P<n3>\d{{1,3}})\s?(?P<u3>h|hrs?)\b
      |(?P<baseline>baseline)
      # Chinese: "治疗14 d后" (14 days after treatment), "第28天" (day 28), "12周时" (at week 12),
      # "28 d病死率" (28-day mortality; also 死亡率, 生存率, 存活率)
      |\u7b2c?(?P<n4>\d{{1,3}})\s?(?P<u4>d|\u5929|\u5468|\u4e2a\u6708)
        (?=[\u540e\u65f6\u672b]|\u75c5\u6b7b\u7387|\u6b7b\u4ea1\u7387|\u751f\u5b58\u7387|\u5b58\u6d3b\u7387)
      |\u7b2c(?P<n5>\d{{1,3}})(?P<u5>\u5929|\u5468|\u4e2a\u6708)
      # German: "nach 12 Wochen"
      |(?<=nach\s)(?P<n6>\d{{1,3}})\s(?P<u6>Tagen|Wochen|Monaten|Jahren)\b
      # French, Spanish, Portuguese and Italian: "à la semaine 12", "el día 28", "au jour 28",
      # "J28"; "à 12 semaines", "a los 6 meses", "dopo 12 settimane"
      |(?P<u7>semaine|semana|settimana|jour|d\u00eda|dia|giorno|mois|mes|mese|J(?=\s?\d))
        \s?(?P<n7>\d{{1,4}})(?!\d)(?!\.\d)(?![.,]\d)
      # ... Indonesian "28 hari", Russian "на 14-е сутки", "через 12 недель"
      |(?P<n8>\d{{1,4}})(?:-[\u0430-\u044f]{{1,3}})?\s(?P<u8>semaines|semanas|settimane|jours
        |d\u00edas|dias|giorni|mois|meses|mesi|ans|a\u00f1os|anos|anni|hari|minggu|bulan|tahun
        |\u0441\u0443\u0442\u043a\u0438|\u0441\u0443\u0442\u043e\u043a|\u0434\u043d\u0435\u0439
        |\u043d\u0435\u0434\u0435\u043b\u044c|\u043d\u0435\u0434\u0435\u043b\u0438
        |\u043c\u0435\u0441\u044f\u0446\u0435\u0432|\u043c\u0435\u0441\u044f\u0446\u0430)\b
    )"""
)
# "on days 28 (...), 90 (...), and 360 (...)": one time point per bracketed group.
DISTRIBUTED = re.compile(
    r"[OoAaBb](?<!\w[OoAaBb])(?i:(?:(?<=o)n|(?<=a)t|(?<=b)y)\s(?P<unit>day|week|month|year)s\s"
    r"(?P<n>\d{1,4})\s?\()"
)  # "(?i)\b(?:on|at|by)\s..." opening with its first letters (see masks.py)
_NEXT_ITEM = re.compile(r"\s?,?\s?(?:and\s)?(?P<n>\d{1,4})\s?\(")
# Outcomes named by a known phrase; a key of None reports the phrase as printed.
# Chinese-language reports: 病死 (case fatality), 不良反应 / 不良事件 (adverse reactions,
# events), 并发症 (complications), 有效率 (response rate), 住院时间 / 住院天数 (length of
# stay), 机械通气 (mechanical ventilation), 复发 (relapse), 氧合 (oxygenation).
_CJK_OUTCOMES = (
    ("mortality", re.compile("\u75c5\u6b7b")),
    ("adverse events", re.compile("\u4e0d\u826f(?:\u53cd\u5e94|\u4e8b\u4ef6)")),
    ("complications", re.compile("\u5e76\u53d1\u75c7")),
    ("response rate", re.compile("\u6709\u6548\u7387")),
    ("length of stay", re.compile("\u4f4f\u9662(?:\u65f6\u95f4|\u5929\u6570)")),
    ("mechanical ventilation", re.compile("\u673a\u68b0\u901a\u6c14")),
    ("relapse", re.compile("\u590d\u53d1")),
    ("oxygenation", re.compile("\u6c27\u5408")),
)
OUTCOMES = (
    (
        None,
        re.compile(
            r"(?i)\b(?:mortality|deaths?|(?:(?:progression|disease|event|relapse|recurrence"
            r"|metastasis|failure)-free\s)?survival)\b"
        ),
    ),
    ("death", re.compile(r"(?i)\b(?:died|dead)\b")),
    ("mortality", re.compile("\u6b7b\u4ea1")),
    (None, re.compile(r"(?i)\bserious\sadverse\sevents?\b")),
    ("serious adverse events", re.compile(r"(?i)\bserious\sAEs?\b|\bSAEs?\b")),
    (None, re.compile(r"(?i)\badverse\s(?:events?|reactions?)\b")),
    ("adverse events", re.compile(r"(?i)\bAEs?\b")),
    (
        "normal CT",
        re.compile(r"(?i)\bnormal\s(?:CT|findings\son\scomputed\stomography|chest\sCT|imaging)"),
    ),
    (None, re.compile(r"(?i)\breinfection\b|\bfever\b|\bintubation\b|\breadmission\b")),
    ("whole-lung lesion volume", re.compile(r"(?i)whole[-\s]lung\slesion")),
    ("solid component lesion volume", re.compile(r"(?i)solid\scomponent\slesion")),
    ("ground-glass lesions", re.compile(r"(?i)ground[-\s]glass")),
    (None, re.compile(r"(?i)\b6-?\s?(?:min(?:ute)?)[\s-]walk|\b6-?MW[DT]\b|six-minute\swalk")),
    ("SF-36 general health", re.compile(r"(?i)general\shealth")),
    (None, re.compile(r"(?i)quality\sof\slife")),
    (None, re.compile(r"\bFEV1\b|\bVCmax\b|\bFVC\b|\bDLCO\b|(?i:diffusing\scapacity)")),
    (None, re.compile(r"(?i)mechanical\sventilation|intubat\w{0,6}")),
    ("ICU admission", re.compile(r"(?i)\bICU\sadmission|admitted\sto\s(?:the\s)?ICU")),
    (None, re.compile(r"(?i)length\sof\s(?:hospital\s)?stay|hospitali[sz]ation")),
    (None, re.compile(r"(?i)oxygenation|PaO2\s?/\s?FiO2")),
    (None, re.compile(r"(?i)\bsymptoms?\b")),
    ("recovery", re.compile(r"(?i)\brecover(?:y|ed)\b")),
    (None, re.compile(r"(?i)\btuberculosis\b")),
    *_CJK_OUTCOMES,
)
# Words for the people of a sex, and what those who stayed in a trial did: a count of either is a
# share of the whole sample ("131 (61.2%) were men", "171 participants (91.9%) completed the
# study").
SEX_WORDS = r"women|men|females?|males?|girls|boys"
COMPLETED = r"completed\s(?:the\s)?(?:study|trial|treatment|follow-up|both\speriods)"
# A label printed right before a value: "IL-6 (P = 0.015)", "FEV1, 2.75 [2.35, 3.23]".
_LABEL_BEFORE = re.compile(
    r"(?P<label>[^\s(),;:\[\]\u2022|][^(),;:\[\]\u2022|]{0,60}?)\s?[(,:]?\s?$"
)
# Words of a treatment or arm, which a label of an outcome does not contain.
_TREATMENT_WORDS = re.compile(
    r"(?i)\b(?:with|after|given|receiving|cells?|therapy|treatment|infusions?|injections?)\b"
)
UNIT_WORDS = r"(?i:m|cm|mm|ml|mL|L|kg|g|mg|days?|hours?|h|min|mmHg|points?|%)"
# A unit printed after a value, which names no outcome: "mg/L", "μmol/L", "pg/mL", "yuan".
_UNIT_LABEL = re.compile(
    rf"{UNIT_WORDS}|(?i:[µμunpm]?(?:g|mol|IU|U|Eq)/(?:L|dL|mL|kg|d|day)|yuan|RMB|USD|dollars?"
    r"|euros?)"
)
# A label after these names what was given, not what was measured.
_ARM_BEFORE_LABEL = frozenset("with than on versus vs vs. v".split())
_LABEL_STOP = frozenset(
    (
        "such as and or the in of with including vs vs. v versus were was is a an to for at on "
        "from by than compared both between all reduced improved increased decreased shortened "
        "prolonged lowered raised while whereas but against respectively"
    ).split()
)
_NOT_OUTCOME = re.compile(
    r"(?i)^(?:OR|RR|HR|IRR|CI|difference|ratio|P|p|n|N|mean|median|SD|IQR|range|group|arm|"
    r"day|days|month|months|year|years|week|weeks|baseline|controls?|placebo|patients?|"
    r"(?:two|one)[-\s](?:sided|tailed)|(?:not\s)?(?:statistically\s)?(?:significant|significance)"
    r"|NS|similar|unchanged|yes|no|that|this|counts?|nominal|(?:un)?adjusted"
    r"|(?:Bonferroni|Holm|Dunnett|Tukey)[-\s]adjusted|p[-\s]values?"
    r"|(?:(?:mean|treatment|between[-\s]groups?|absolute|estimated\streatment)\s)?difference"
    r"|(?:odds|hazard|risk|rate)\sratio|relative\srisk"
    r"|(?:\d{2}(?:\.\d)?%\s)?confidence\s(?:bound|interval|limit)s?"
    # "respectively" in Norwegian, Swedish, Spanish, Portuguese, Italian, French and German
    r"|respektive|respectivamente|rispettivamente|respectivement|beziehungsweise|bzw\.?"
    # a section's heading, in English, German, Spanish, Portuguese or French
    r"|results|methods|background|conclusions?|Ergebnisse|Methoden|Hintergrund|Resultados"
    r"|M[ée]todos|R[ée]sultats|M[ée]thodes"
    r"|(?:the\s)?(?:two|three|both|all)\sgroups|groups\s.{1,40}"
    # the test a p-value comes from: "(Fisher's exact test, p = 0.05)", "(log-rank P = .01)"
    r"|(?:the\s)?(?:(?:two[-\s]sided|unpaired|paired|Student(?:'s|\u2019s)?)\s)?(?:"
    r"Fisher(?:'s|\u2019s)?(?:\sexact)?|exact|log[-\s]rank|(?:Pearson(?:'s|\u2019s)?\s)?"
    r"(?:chi[-\s]?squared?|\u03c7\s?2|\u03c7\u00b2)|Mann[-\s]Whitney(?:\sU)?|Wilcoxon"
    r"(?:\s(?:rank[-\s]sum|signed[-\s]rank))?|Kruskal[-\s]Wallis|McNemar(?:'s|\u2019s)?|t"
    r"|Cochran[-\s]Mantel[-\s]Haenszel|ANOVA)(?:[-\s]tests?)?)$"
)
_SUBGROUP = re.compile(
    r"(?i)\b(?:in|among|for)\s(?:the\s)?(?:(?:patients|participants|subjects|those|cases)\s"
    r"(?:with\s)?)?(?P<sg>mild|moderate|severe|critical|non-severe|critically\sill)\b"
    r"(?!\sacute)"
)
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25, "hour": 1 / 24, "h": 1 / 24}


# All outcome phrases in one pattern (group o<i> is OUTCOMES[i]), leftmost first.
def _scoped(pattern: re.Pattern) -> str:
    """Return a pattern's text with a leading (?i) made local, to join it with others."""
    text = pattern.pattern
    return f"(?i:{text[4:]})" if text.startswith("(?i)") else text


def _any_of_outcomes(indices: tuple[int, ...]) -> re.Pattern:
    """Return the outcome phrases OUTCOMES[i], i in ``indices``, as one pattern (group o<i>)."""
    return re.compile("|".join(f"(?P<o{i}>{_scoped(OUTCOMES[i][1])})" for i in indices))


_ANY_OUTCOME = _any_of_outcomes(tuple(range(len(OUTCOMES))))
# Lower-case words, one of which every match of OUTCOMES[i] contains. In ASCII text (where
# lower() agrees with the case-insensitive matcher) a sentence is scanned only for the phrases
# whose words it holds: the same matches, leftmost first, as _ANY_OUTCOME gives there.
_OUTCOME_WORDS = (
    ("mortality", "death", "survival"),
    ("died", "dead"),
    ("\u6b7b\u4ea1",),
    ("serious",),
    ("serious", "sae"),
    ("adverse",),
    ("ae",),
    ("normal",),
    ("reinfection", "fever", "intubation", "readmission"),
    ("whole",),
    ("solid",),
    ("ground",),
    ("walk", "mw"),
    ("general",),
    ("quality",),
    ("fev1", "vcmax", "fvc", "dlco", "diffusing"),
    ("mechanical", "intubat"),
    ("icu",),
    ("length", "hospitali"),
    ("oxygenation", "pao2"),
    ("symptom",),
    ("recover",),
    ("tuberculosis",),
    *((),) * len(_CJK_OUTCOMES),  # never in an ASCII sentence
)
_outcomes_among = functools.lru_cache(maxsize=4096)(_any_of_outcomes)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence or line of ``text``; a sentence longer than
    MAX_SENTENCE characters (a flattened table, a run-on line) is cut at its last semicolon,
    comma or space before each limit, so that work per sentence stays bounded."""
    bounds, start = [], 0
    ends = [m.span() for m in SENTENCE_END.finditer(text)]
    if "." in text:
        ends = sorted(ends + [(m.end(), m.end()) for m in _CJK_FULL_STOP.finditer(text)])
    for end, next_start in ends:
        start = _after_quote_marks(text, start, end)
        if end > start:
            bounds.extend(_cut(text, start, end))
        start = max(start, next_start)
    start = _after_quote_marks(text, start, len(text))
    if start < len(text):
        bounds.extend(_cut(text, start, len(text)))
    return _key_value_blocks(text, bounds) if ":" in text else bounds


# A line that is a label, a colon and a statistic: "Drug: 45/402 (11.2%)", "P value: 0.08"; or
# a p-value alone: "p = 0.11".
_KEY_VALUE_LINE = re.compile(
    r"[A-Z][^:\n|]{0,40}:[ \t]+[<>=\u2264\u2265\-\u2212]?\s?\d[^\n]{0,80}"
    r"|[Pp](?:[ \-]?values?)?[ \t]?[=<>\u2264\u2265][ \t]?[01]?\.\d{1,6}[ \t]?"
)
_KEY_VALUE_BLOCK_CHARACTERS = 600


def _key_value_blocks(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join consecutive lines that are each a label and its value into one sentence: a results
    summary pasted line by line ("Drug: 45/402 (11.2%)\nPlacebo: 61/398 (15.3%)\nOdds ratio
    (95% CI): 0.70 (0.46 to 1.05)\nP value: 0.08") says one comparison."""
    joined: list[tuple[int, int]] = []
    after_pair = False  # whether the last line joined or appended is a label and its value
    for start, end in bounds:
        pair = _KEY_VALUE_LINE.fullmatch(text, start, end) is not None
        if (
            pair
            and after_pair
            and text[joined[-1][1] : start].strip() == ""
            and text.count("\n", joined[-1][1], start) == 1
            and end - joined[-1][0] <= _KEY_VALUE_BLOCK_CHARACTERS
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        after_pair = pair
    return joined


# The marks a forum or an e-mail puts before a quoted line ("> A total of 431 adults ..."):
# the sentence starts after them, where its subject does.
_QUOTE_MARKS = re.compile(r"(?:>[ \t]?)+")


def _after_quote_marks(text: str, start: int, end: int) -> int:
    """Return ``start`` moved past the quote marks that open its line, if any."""
    if start < end and text.startswith(">", start) and (start == 0 or text[start - 1] == "\n"):
        return min(end, _QUOTE_MARKS.match(text, start).end())
    return start


MAX_SENTENCE = 1200
# A Chinese full stop (。, "." after normalize) needs no blank after it, also before a word in
# Latin letters ("(P=0.002)。MSC组...").
_CJK_FULL_STOP = re.compile(r"\.(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff)])\.(?=[A-Za-z])")


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return [start, end) as pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(";", start, limit), text.rfind(", ", start, limit))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        if cut <= start:
            cut = limit
        pieces.append((start, cut + 1 if text[cut] in ";," else cut))
        start = cut + 1
    pieces.append((start, end))
    return pieces


class Sentences:
    """Look up the sentence and the paragraph (line) that contain an offset."""

    def __init__(self, text: str) -> None:
        self.bounds = sentence_bounds(text)
        self.starts = [start for start, _ in self.bounds]
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.memo: dict = {}  # per-sentence results of context lookups

    def of(self, offset: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence containing ``offset``."""
        if not self.bounds:
            return (0, 0)
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.bounds[index]

    def paragraph(self, offset: int) -> int:
        """Return the start of the line containing ``offset`` (a paragraph id)."""
        return self.line_starts[max(0, bisect.bisect_right(self.line_starts, offset) - 1)]


def clean_arm(label: str) -> str:
    """Return an arm label without leading articles or verbs ('either an MSC infusion' -> 'MSC
    infusion'): words are kept from the end back to the first stop word. An arm named by letter
    or number keeps its noun ("randomized to group A" -> "group A")."""
    lettered = _LETTERED_ARM.search(label)
    if lettered:
        return lettered.group()
    if _HIRAGANA.search(label):
        label = _HIRAGANA.split(label)[-1]  # "患者をMSC群": the name follows the particle
    if label.endswith("\u7ec4") and label[:-1].isascii():
        label = label[:-1]  # "MSC组" (group) is the MSC arm
    words = label.split()
    # "with placebo –" (a bullet's dash): no word of the name
    while words and (words[-1].lower() in _ARM_WORDS or not any(c.isalnum() for c in words[-1])):
        words.pop()
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if (
            word.lower() == "of"
            and kept == ["care"]
            and index
            and words[index - 1].lower() == "standard"
        ):
            kept.append(word)  # "standard of care" is one name
            continue
        # a capital letter after a word names it ("vitamin A", "drug B"), it is no article
        named = word == "A" and kept == [] and index > 0 and words[index - 1].isalpha()
        if word.lower() in _STOP and not named:
            break
        kept.append(word)
    if len(kept) == 1 and kept[0] in _STATISTIC_ABBREVIATIONS:
        return ""  # "95% CI 12% to 79%": the label before a limit is no arm
    if len(kept) > 1 and kept[-1] in _ARM_HEADINGS:
        kept.pop()  # BMJ's "Interventions Vitamin D3 2000 IU daily (n=1198)": a heading
    return " ".join(reversed(kept))


# Headings of a structured abstract that run into the arm named after them.
_ARM_HEADINGS = frozenset({"Interventions", "Intervention", "INTERVENTIONS", "INTERVENTION"})


_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
_STATISTIC_ABBREVIATIONS = frozenset(
    {"CI", "CrI", "SD", "SE", "SEM", "IQR", "OR", "RR", "HR", "IRR", "NS", "df", "ITT", "PP"}
)


# How a dose is given, after it in an arm's label: "4.15 g three times daily".
SCHEDULE_WORDS = frozenset(
    {"weekly", "daily", "once", "twice", "monthly", "infusion", "infusions", "intravenously"}
    | {"three", "four", "times", "a", "day", "per", "every", "orally", "subcutaneously"}
)
# A drug's dose inside an arm's label: "4.15 g", "500 mg", "8 mg/kg".
# "40 mg", "1.5 g/kg", "40 milligrams" (spoken)
DRUG_DOSE = re.compile(
    r"(?<![\w.,])\d{1,5}(?:[.,]\d{1,3})?\s?(?:mg|g|\u00b5g|mcg|IU|mL"
    r"|(?:milli|micro)?grams?|milli?lit(?:er|re)s?)(?:\s?/\s?(?:kg|day|d))?(?![\w/])"
)


# Arm labels recur across a document's rows and a corpus's reports: each keyed once.
@functools.lru_cache(maxsize=1 << 16)
def arm_key(label: str) -> str:
    """Return a matching key for an arm label (case-folded, group/arm words and plural s off,
    hyphens read as spaces: "short-course" is the "short course" arm)."""
    dose = DRUG_DOSE.search(label)
    if dose and not set(label[dose.end() :].lower().split()) - SCHEDULE_WORDS:
        label = label[: dose.end()]  # "BCAA granules 4.15 g three times daily": not "time daily"
    words = [w for w in clean_arm(label).lower().replace("-", " ").split() if w not in _ARM_WORDS]
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    ]
    return " ".join(words)


def is_control(label: str) -> bool:
    """Return True if an arm label names a control, placebo or usual-care arm: every part of a
    combination ("MSCs plus conventional therapy" is not a control) must be a control."""
    if not CONTROL_WORDS.search(label):
        return False
    if re.search(r"(?i)\((?:control|controls|placebo)\)", label):
        return True
    parts = [p for p in _COMBINATION.split(label) if p.strip()]
    return all(CONTROL_WORDS.search(p) or p.strip().lower() in {"alone", "only"} for p in parts)


def arm_role(label: str) -> str:
    """Return an arm's role: 'control' for a control, placebo or usual-care arm (is_control),
    else 'intervention'."""
    return "control" if is_control(label) else "intervention"


COMPARED_BETWEEN = re.compile(r"(?i)\bthan\b|\bcompared\b|\bcomparison\b|\bversus\b|\bvs\b")
# The arm a count after "n =" is of, named before it: "in MSC (n = 4", "(drug, n = 22".
_ARM_BEFORE_N = re.compile(rf"(?P<arm>{ARM_LABEL})(?:\s?[(\[]\s?|,\s)$")
# An arm right after a value, in a bracket or as what its people were treated with; "(NS)" and
# "(SD)" say what the value is, not whose.
_KNOWN_ARM_AFTER = re.compile(
    # "12.4 ± 3.1 pg/mL (MSC) versus 18.6 ± 4.0 pg/mL (placebo)": the unit may come between
    rf"(?:{UNIT})?"
    r"\s?\((?!(?i:NS|n\.s\.|SD|SE|SEM|IQR|range|mean|median)\))(?P<arm>[A-Za-z][\w\-\s]{0,30}?|\d{1,4}(?:\.\d{1,3})?\s?(?:mg|g|mcg|\u00b5g|IU)"
    r"(?:/\w{1,5})?)\)|\sof\s(?:the\s)?(?P<treated>[A-Za-z][\w\-]{1,30})-treated\b"
)


# "537 of 856 (62.7%) elrapitide-treated participants": what people were treated with is their
# arm, whatever its name looks like.
_TREATED_PEOPLE_AFTER = re.compile(
    r"\s(?P<arm>[A-Za-z][\w\-]{1,30}?)-treated\s(?:patients|participants|subjects|women|men"
    r"|children|adults|infants)\b"
)
# An arm's name before the people a count counts, inside the count's span after its "of N" or
# right after it: "24 of 42 CPT participants (57%)", "24 (57%) CPT participants".
_ARM_OF_THE_PEOPLE = re.compile(
    r"\s(?P<arm>[A-Za-z][\w\-]{1,30}(?:\s[A-Za-z][\w\-]{1,30})?)\s(?:patients|participants"
    r"|subjects|recipients|women|men|children|adults|infants)\b"
)
_COUNT_OF_N = re.compile(r"(?<![\d,])\d[\d,]{0,8}\sof\s(?:the\s)?\d[\d,]{0,8}(?=\s)")
_ARM_WORD_AFTER = re.compile(r"\s(?P<arm>[A-Za-z][\w\-]{1,30})(?=\s(?:vs\.?|versus)\s|\s?[,;.)]|$)")
_GENERIC_ARMS = frozenset({"intervention", "treatment", "active", "experimental"})


# What people were given, right before the label of an arm after a value: "21 of 300 patients
# on budesonide", "7.1% of those given budesonide" (not a bare "with", which also names
# conditions: "8 (7%) with hypertension").
_GIVEN_LABEL_AFTER = re.compile(
    r"[^;\d]{0,40}?\b(?:given|receiving|received|treated\swith|taking"
    r"|(?:allocated|assigned|randomi[sz]ed)\sto|on)\s(?:an?\s|the\s)?"
    rf"(?P<arm>{ARM_LABEL})(?={ARM_ENDS_AHEAD}"
    r"|\s(?:died|developed|experienced|reported|recovered|relapsed|responded)\b)"
)
_RECIPIENTS_INSIDE = re.compile(
    r"\s(?P<arm>[A-Za-z][\w\-+]{1,24}(?:\s[\w\-+]{1,24})?)\srecipients\b"
)


# "-5.1 kg (SD 3.2) for drug and -1.2 kg (SD 2.9) for placebo"; "for" also names outcomes
# ("12% for mortality and 8% for stroke"), so such labels are arms only beside a control.
_FOR_LABEL_AFTER = re.compile(rf"\s(?:for)\s(?:the\s)?(?P<arm>{ARM_LABEL})(?={ARM_ENDS_AHEAD})")
# "5 days (IQR 3 to 8) with oseltamivir and 7 days (IQR 4 to 10) with placebo"; "with" also
# names conditions ("12 (10%) with diabetes and 8 (7%) with hypertension").
_WITH_LABEL_AFTER = re.compile(
    rf"(?:\s?{UNIT_WORDS})?\swith\s(?:the\s)?(?P<arm>{ARM_LABEL})(?={ARM_ENDS_AHEAD})"
)
# "Hallucinations: ketamine 11 (9.2%), placebo 4 (3.3%)": each value after its arm's name in a
# list; also a list of anything else ("Sites: knee 12, hip 8"), so only beside a control.
_LISTED_BEFORE = re.compile(
    r"(?:[:;,]\s)(?P<arm>[A-Za-z][\w\-]{1,25}(?:\s[A-Za-z][\w\-]{1,25})?)\s$"
)
WEAK_ARM_CONSTRUCTIONS = frozenset({"for", "with", "listed"})
# "more frequent with insulin (n=23, 11.5%) than with metformin (n=9, 4.4%)": the value opens a
# bracket after what it was seen with; such labels are arms only when the values are compared.
_WITH_BEFORE_BRACKET = re.compile(
    rf"\b(?:with|on)\s(?:the\s)?(?P<arm>{ARM_LABEL})\s?\(\s?(?:[nN]\s?=\s?)?$"
)
COMPARED_CONSTRUCTIONS = frozenset({"with ("})


def parallel_arm_label(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple:
    """Return (construction, label) of what may name a value's arm right after it, whether or
    not it looks like an arm: "(200 mg)", "on budesonide", "zoledronate recipients" (also
    inside a count's own span); ('', '') when nothing does. A label is an arm when the values
    beside it name theirs the same way (attribution.arms_of_parallel_labels)."""
    bracket = _KNOWN_ARM_AFTER.match(text, end, sentence[1])
    if bracket:
        return "bracket", bracket.group("arm") or bracket.group("treated")
    recipients = RECIPIENTS_AFTER.match(text, end, sentence[1]) or _RECIPIENTS_INSIDE.search(
        text, start, end
    )
    if recipients:
        return "recipients", recipients.group("arm")
    given = _GIVEN_LABEL_AFTER.match(text, end, sentence[1])
    if given:
        return "given", given.group("arm")
    named_for = _FOR_LABEL_AFTER.match(text, end, sentence[1])
    if named_for:
        return "for", named_for.group("arm")  # an arm only beside a control's (see below)
    named_with = _WITH_LABEL_AFTER.match(text, end, sentence[1])
    if named_with:
        return "with", named_with.group("arm")  # as "for"
    opened = _WITH_BEFORE_BRACKET.search(text, max(sentence[0], start - 60), start)
    if opened:
        return "with (", opened.group("arm")  # an arm only when the values are compared
    listed = _LISTED_BEFORE.search(text, max(sentence[0], start - 40), start)
    if listed:
        return "listed", listed.group("arm")  # as "for"
    return "", ""


_COMPARED_RIGHT_BEFORE = re.compile(r"(?i)\b(?:compared|relative|as\scompared)\s$")


# A unit printed after a value, before words (a unit with digits would stop the patterns that
# read an arm named after the value).
_UNIT_THEN_WORDS = re.compile(rf"(?P<unit>{UNIT})(?=\s[A-Za-z])")


def arm_near(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    arm_words: frozenset[str] = frozenset(),
) -> str:
    """Return the arm named right after (or else right before) a span in its sentence: "in the
    MSC group", "with MSCs", "given placebo", "7 of 31 controls", "MSC 3/40", "MSC组".
    ``arm_words`` are the words of the document's arms; a label that names one of them is an
    arm even when it does not look like one ("with semaglutide")."""
    # "62.3 ± 14.1 mL/min/1.73 m² in the dapagliflozin group": the arm after the value's unit
    unit = _UNIT_THEN_WORDS.match(text, end, sentence[1])
    end = unit.end("unit") if unit else end
    named_n = text.startswith(("n", "N"), start) and _ARM_BEFORE_N.search(
        text, max(sentence[0], start - 60), start
    )
    if named_n:
        # "Fever occurred in MSC (n = 4, 6.2%)", "(drug, n = 22 [18%]; placebo, n = 11 [9%])"
        arm = clean_arm(named_n.group("arm"))
        if arm and (is_control(arm) or is_armlike(arm) or _shares_a_word(arm, arm_words)):
            return arm
    opening = BRACKET_AFTER_ARM.search(text, max(sentence[0], start - 60), start)
    if opening and opening.group("group"):
        return clean_arm(opening.group("group"))
    if opening and opening.group("lettered"):
        return opening.group("lettered")
    # "on drug had fewer exacerbations (", "with dexmedetomidine than with placebo (": a label
    # that runs on past a stop word names no arm
    opened = clean_arm(opening.group("arm")) if opening and opening.group("arm") else ""
    if opened and _COMPARED_RIGHT_BEFORE.search(
        text, max(sentence[0], opening.start() - 12), opening.start()
    ):
        opened = ""  # "compared with warfarin (1.11% vs 1.38%)": the comparator, named last
    if opened and len(opened.split()) < len(opening.group("arm").split()):
        opened = ""
    if opened and (is_armlike(opened) or _shares_a_word(opened, arm_words)):
        return opened
    after = _KNOWN_ARM_AFTER.match(text, end, sentence[1])
    # "39.9% (140 mg) vs 23.5% (placebo)", "52% of iron-treated and 31% of placebo-treated"
    named = after and (after.group("arm") or after.group("treated"))
    if named and (is_control(named) or is_armlike(named) or _shares_a_word(named, arm_words)):
        return clean_arm(named)
    treated = _TREATED_PEOPLE_AFTER.match(text, end, sentence[1])
    if treated:
        return treated.group("arm")
    of_n = _COUNT_OF_N.match(text, start, end)
    people = (of_n and _ARM_OF_THE_PEOPLE.match(text, of_n.end(), end)) or (
        _ARM_OF_THE_PEOPLE.match(text, end, sentence[1])
    )
    if people and arm_words and _names_an_arm(people.group("arm"), arm_words):
        return clean_arm(people.group("arm"))
    # "170/320 (53.1%) intervention vs 142/320 (44.4%) control": an arm's word right after
    bare = _ARM_WORD_AFTER.match(text, end, sentence[1])
    word = bare["arm"] if bare else ""
    if word and (
        word.lower() in _GENERIC_ARMS or is_control(word) or _shares_a_word(word, arm_words)
    ):
        return "control" if word.lower() == "controls" else word  # as CONTROL_NOUN_AFTER
    after = ARM_AFTER.match(text, end, sentence[1])
    # "95.00% (38/40), higher than that of the control group": the arm of what it is compared with
    if after and not COMPARED_BETWEEN.search(text, end, after.start("arm")):
        return clean_arm(after.group("arm"))
    after = FOREIGN_GROUP_AFTER.match(text, end, sentence[1])
    if after:
        return after.group(after.lastgroup)  # each language's alternative has one group
    after = _cluster_noun_ahead(text, end, sentence[1]) and ARM_CLUSTERS_AFTER.match(
        text, end, sentence[1]
    )
    if after and _names_an_arm(after.group("arm"), arm_words):
        return clean_arm(after.group("arm"))
    after = ARM_LETTER_AFTER.match(text, end, sentence[1])
    if after:
        return after.group("arm")
    after = ARM_THEN_VERSUS.match(text, end, sentence[1])
    if after and (is_armlike(after.group("arm")) or _shares_a_word(after.group("arm"), arm_words)):
        return clean_arm(after.group("arm"))
    dose = _DOSE_GIVEN_AFTER.match(text, end, sentence[1]) or _DURATION_GIVEN_AFTER.match(
        text, end, sentence[1]
    )
    which = "regimen" if dose and dose.groupdict().get("regimen") else "arm"
    if dose and not COMPARED_BETWEEN.search(text, end, dose.start(which)):
        return dose.group(which)
    after = ARM_AFTER_VERB.match(text, end, sentence[1])
    if after and COMPARED_BETWEEN.search(text, end, after.start("arm")):
        after = None  # "lower with the block (median 2 [IQR 1-3]) than with sham": the other's
    label = after.group("arm") if after else ""
    letter = after and _LETTER_AFTER_LABEL.match(text, after.end("arm"), sentence[1])
    if letter:
        label += letter.group()  # "children given drug A and ...": the letter names the drug
    whole = after and _WHOLE_ARM.match(text, after.start("arm"), sentence[1])
    if whole and not any(word.lower() in _STOP for word in whole.group().split()):
        label = whole.group()  # "treated with drug B.", "receiving standard therapy,"
    if after and (
        is_armlike(label)
        # "148 of 1,019 (14.5%) assigned to aspirin": what people were allocated to is an arm
        or after.group("allocated")
    ):
        return clean_arm(label)
    if after and _shares_a_word(after.group("arm"), arm_words):
        words = _arm_words_from(text, after.start("arm"), sentence[1], arm_words)
        # "with vitamin D and 21 (17.5%) with placebo": the letter ends the arm's name
        return words + letter.group() if letter and words == after.group("arm") else words
    named_for = _FOR_ARM_AFTER.match(text, end, sentence[1])
    if named_for and is_control(named_for.group("arm")):
        return clean_arm(named_for.group("arm"))  # "compared with -2.4% for placebo"
    if named_for and _shares_a_word(named_for.group("arm"), arm_words):
        # "7.2 (SD = 4.1) for CBT and 10.9 (SD = 4.6) for the waitlist"
        return _arm_words_from(text, named_for.start("arm"), sentence[1], arm_words)
    german = _GERMAN_GROUP_BEFORE.search(text, max(sentence[0], start - 50), start)
    if german:  # "in der Interventionsgruppe bei 24,6 ± 12,3"
        return german.group("arm")
    indonesian = _INDONESIAN_GROUP_BEFORE.search(text, max(sentence[0], start - 50), start)
    if indonesian:
        return indonesian.group("arm")
    given = _ARM_GIVEN_AFTER.match(text, end, sentence[1])
    named = given and (given.group("arm") or given.group("period") or given.group("placebo"))
    if named and (is_armlike(named) or is_control(named) or _shares_a_word(named, arm_words)):
        return clean_arm(named)  # "Three patients (6.0%) died after MSC infusion"
    noun = CONTROL_NOUN_AFTER.match(text, end, sentence[1])
    if noun:
        return "control" if noun.group("noun").lower().startswith("control") else "placebo"
    recipients = RECIPIENTS_AFTER.match(text, end, sentence[1])
    if recipients and clean_arm(recipients.group("arm")):
        return clean_arm(recipients.group("arm"))
    people = _PEOPLE_OF_ARM_AFTER.match(text, end, sentence[1])
    if people and (
        people.group("arm").lower() in _ARM_ROLE_WORDS
        or _shares_a_word(people.group("arm"), arm_words)
    ):
        return people.group("arm")  # "28.4% of intervention patients"
    control = IN_CONTROL_AFTER.match(text, end, sentence[1])
    if control:
        arm = clean_arm(control.group("arm"))
        return "control" if arm.lower() == "controls" else arm  # as CONTROL_NOUN_AFTER
    before = ARM_BEFORE.search(text, max(sentence[0], start - 80), start)
    if before:
        return clean_arm(before.group("arm"))
    before = RECEIVED_BEFORE.search(text, max(sentence[0], start - 60), start)
    if before and not NO_ARM_GIVEN.match(before.group("arm")):
        return clean_arm(before.group("arm"))
    before = PEOPLE_OF_ARM_BEFORE.search(text, max(sentence[0], start - 60), start)
    if before and (
        is_control(before.group("arm")) or _shares_a_word(before.group("arm"), arm_words)
    ):
        return before.group("arm")
    before = ARM_LABEL_BEFORE.search(text, max(sentence[0], start - 40), start)
    if before and "\n" in (before.group("arm") or ""):
        # "Primary outcome: 28-day mortality\nIntervention group: 18/102": lines joined into one
        # sentence; the label is on the value's own line
        line = before.start("arm") + before.group("arm").rindex("\n") + 1
        before = ARM_LABEL_BEFORE.search(text, line, start)
    if before:
        if before.group("cjk_arm"):
            return cjk_arm_name(before.group("cjk_arm"))
        # "Treatment success: 72.3% vs 60.1%": a label followed by two arms' values is what
        # they measure, not an arm
        header = text[before.end("arm") : start].strip() == ":"
        compared = header and (
            _VALUES_COMPARED_AFTER.match(text, start)
            # "Treatment response: 39.6% with digital coaching vs ...": its arm comes after it
            or _ARM_NAMED_AFTER_VALUE.match(text, end)
        )
        if (
            # "Gleason ≥8: enza 17 (38%)": a word of the document's arms names one
            is_armlike(before.group("arm")) or _shares_a_word(before.group("arm"), arm_words)
        ) and not (
            _ENDS_A_PHRASE.search(before.group("arm"))
            or _MEASURE_NAMED.search(before.group("arm"))
            or compared
        ):
            return clean_arm(before.group("arm"))
    return ""


def allocated_arms(text: str, scan: Scanner) -> list[tuple[int, tuple[str, ...]]]:
    """Return (offset, arm labels in order, as printed) of each statement that allocates to
    named arms ("randomly assigned 304 adults to semaglutide or placebo")."""
    # tried only where an allocation verb starts (the scanner has found those already)
    verbs = ("randomi", "assigned", "allocated", "divided", "grouped")
    starts = sorted({i for verb in verbs for i in scan.positions(verb)})
    found = []
    for i in starts:
        m = ALLOCATED_TO_ARMS.match(text, i) or ALLOCATED_INTO_GROUPS.match(text, i)
        if m:
            labels = tuple(m.groupdict().get(g) for g in ("first", "second", "last"))
            labels = tuple(label for label in labels if label)
            found.append((i, labels))
    for i in sorted({i for verb in _CJK_DIVIDED for i in scan.positions(verb)}):
        m = _CJK_DIVIDED_INTO.match(text, i)
        if m:
            found.append((i, tuple(cjk_arm_name(m.group(g)) for g in ("first", "second"))))
    return sorted(found)


# "分为观察组和对照组" (divided into an observation group and a control group); 分成 also.
_CJK_DIVIDED = ("\u5206\u4e3a", "\u5206\u6210")
_CJK_DIVIDED_INTO = re.compile(
    rf"\u5206[\u4e3a\u6210](?P<first>{CJK_ARM})\u7ec4[\u548c\u4e0e\u53ca\u3001,]"
    rf"(?P<second>{CJK_ARM})\u7ec4"
)


def declared_arm_words(allocated: list[tuple[int, tuple[str, ...]]]) -> frozenset[str]:
    """Return the words of the arms a document allocates to (see allocated_arms), without
    one-letter words and numbers ("group A", "arm 2")."""
    return frozenset(
        word
        for _, labels in allocated
        for label in labels
        for word in arm_key(label).split()
        if len(word) > 1 and not word.isdigit()
    )


# A label that ends in a preposition or verb runs into its value ("IL-6 fell from 30.1"): it
# does not name the arm the value belongs to.
_ENDS_A_PHRASE = re.compile(
    r"(?i)\b(?:from|to|of|by|at|was|were|is|are|than|fell|rose|increased|decreased|reduced)$"
)


# "vaccine efficacy 43%": what a value measures, though it names an arm's word.
_MEASURE_NAMED = re.compile(r"(?i)\b(?:efficacy|effectiveness)$")


def is_armlike(label: str) -> bool:
    """Return True if a label can name a trial arm: a control, a placebo, an abbreviation
    (MSCs, UC-MSC), a word for a treatment or a drug's name (by its INN stem), but not the
    abbreviation of a common measure (BMI, CRP, VAS)."""
    if label.strip().upper() in MEASURE_ABBREVIATIONS:
        return False
    return bool(is_control(label) or _ARMLIKE.search(label) or _DRUG_STEM.search(label))


# Parts of the body a result may be said of, two at a time "respectively" ("in the knee and
# the hip, respectively"), and the words that qualify them: never the name of an arm.
_BODY_SITES = frozenset(
    "knee knees hip hips shoulder shoulders ankle ankles wrist wrists elbow elbows spine neck "
    "hand hands foot feet leg legs thigh thighs forearm forearms finger fingers toe toes heel "
    "heels eye eyes ear ears lung lungs liver kidney kidneys skin scalp face trunk limb limbs "
    "joint joints jaw chest abdomen pelvis femur tibia radius wound wounds".split()
)
_SITE_QUALIFIERS = frozenset(
    "left right upper lower total lumbar cervical thoracic femoral bilateral index target "
    "treated untreated study fellow the".split()
)


def is_body_site(label: str) -> bool:
    """Return True if a label names only a part of the body ("the knee", "left hip", "lumbar
    spine", "fellow eye"), which a result may be given for but no arm is named by."""
    words = label.lower().split()
    return any(w in _BODY_SITES for w in words) and all(
        w in _BODY_SITES or w in _SITE_QUALIFIERS for w in words
    )


# Abbreviations of measures that trial reports print before a value ("BMI 27.4 (SD 4.2)").
MEASURE_ABBREVIATIONS = frozenset(
    "BMI CRP ESR VAS NRS BP SBP DBP MAP HR LDL HDL ALT AST GGT LVEF EF FEV1 FVC PEF EGFR GFR "
    "HBA1C INR APTT PT WBC RBC PLT HB HGB NIHSS MRS GCS APACHE SOFA PASI EASI DAS28 HAM-D HAMD "
    "MADRS PHQ-9 GAD-7 MMSE MOCA SF-36 EQ-5D ODI WOMAC KOOS IPSS QOL HRQOL ICU LOS PSA TSH IL-6 "
    "TNF-A PCT BNP NT-PROBNP SPO2 PAO2 PACO2 FIO2".split()
)


# Units as printed that TIMEPOINT reads, by the unit they abbreviate.
_UNIT_NAMES = {
    "h": "hour", "hr": "hour", "hrs": "hour", "mo": "month", "wk": "week", "yr": "year",
    "d": "day", "\u5929": "day", "\u5468": "week", "\u4e2a\u6708": "month",
    "tagen": "day", "wochen": "week", "monaten": "month", "jahren": "year",
    **dict.fromkeys(("semaine", "semana", "settimana", "semaines", "semanas", "settimane"), "week"),
    **dict.fromkeys(("jour", "d\u00eda", "dia", "giorno", "j", "jours", "d\u00edas"), "day"),
    **dict.fromkeys(("dias", "giorni"), "day"),
    **dict.fromkeys(("mois", "mes", "mese", "meses", "mesi"), "month"),
    **dict.fromkeys(("ans", "a\u00f1os", "anos", "anni"), "year"),
    # Indonesian; Russian сутки / суток / дней, недель / недели, месяцев / месяца
    "hari": "day", "minggu": "week", "bulan": "month", "tahun": "year",
    **dict.fromkeys(("сутки", "суток", "дней"), "day"),
    **dict.fromkeys(("недель", "недели"), "week"),
    **dict.fromkeys(("месяцев", "месяца"), "month"),
}  # fmt: skip
FROM_BEFORE = re.compile(r"(?i)\bfrom\s$")  # where a change starts: "fell from 8.1"


def timepoint_label(match: re.Match) -> tuple[str, float]:
    """Return a canonical label ('month 12') and the time in days for a TIMEPOINT match."""
    if match.group("baseline"):
        return "baseline", 0.0
    for index in ("1", "2", "3", "4", "5", "6", "7", "8"):
        if match.group(f"u{index}"):
            unit = match.group(f"u{index}").lower()
            raw = match.group(f"n{index}")
            break
    if index == "1" and match.group("r1"):
        raw = match.group("r1")
    unit = _UNIT_NAMES.get(unit, unit)
    number = word_value(raw) or 0
    return f"{unit} {number}", number * _DAYS[unit]


def distributed_timepoints(text: str) -> list[tuple[int, int, str, float]]:
    """Return (start, end, label, days) of each bracketed group in "on days 28 (...), 90
    (...), and 360 (...)"."""
    spans = []
    for m in DISTRIBUTED.finditer(text):
        unit = m.group("unit").lower()
        number, open_at = m.group("n"), m.end() - 1
        for _ in range(20):
            close_at = _closing_bracket(text, open_at)
            if close_at is None:
                break
            days = int(number) * _DAYS[unit]
            spans.append((open_at, close_at + 1, f"{unit} {int(number)}", days))
            nxt = _NEXT_ITEM.match(text, close_at + 1)
            if not nxt:
                break
            number, open_at = nxt.group("n"), nxt.end() - 1
    return spans


def _closing_bracket(text: str, open_at: int, limit: int = 600) -> int | None:
    """Return the offset of the bracket closing the one at ``open_at``, or None."""
    depth = 0
    for index in range(open_at, min(len(text), open_at + limit)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n":
            return None
    return None


def nearest_timepoint(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    memo: dict | None = None,
    values_at: frozenset[int] = frozenset(),
) -> tuple[str, float | None]:
    """Return the time point mentioned nearest to a span within its sentence (label, days);
    on a tie the one after the span wins ("... 2.4 (95% CI 1.4-4.1) at day 90"). A duration
    that starts at one of ``values_at`` (where a statistic's value is printed: "10 days (IQR
    7-15) with remdesivir and 15 days") is a value, not a time point."""
    memo = {} if memo is None else memo
    key = ("timepoints", sentence)
    if key not in memo:
        memo[key] = [
            (m.start(), m.end(), *timepoint_label(m))
            for m in TIMEPOINT.finditer(text, sentence[0], sentence[1])
            # "the change from baseline ... at month 8": where a change starts is no time point
            if not (
                m.group("baseline") and FROM_BEFORE.search(text, max(0, m.start() - 6), m.start())
            )
            # "receiving 7 days of therapy": how long an arm was treated
            and not _REGIMEN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        ]
    best, best_days, best_distance = "", None, None
    for m_start, m_end, label, days in memo[key]:
        if (m_start < end and m_end > start) or m_start in values_at:
            continue
        after = m_start >= end
        distance = m_start - end if after else start - m_end
        if (
            best_distance is None
            or distance < best_distance
            or (after and distance == best_distance)
        ):
            best, best_days = label, days
            best_distance = distance
    return best, best_days


def named_outcome(words: str) -> str:
    """Return the known outcome ``words`` name first, as a sentence naming it is read
    ("hospitalizations" -> 'hospitalization'), else the words."""
    mentions = _outcome_mentions(words, 0, len(words))
    return mentions[0][1] if mentions else words


# The outcome a sentence in German, Spanish, Portuguese or French is about: the subject of a
# sentence whose verb says what it was ("Die Gehstrecke im 6-Minuten-Gehtest nahm ... zu",
# "Nach 12 Wochen lag der WOMAC-Score ...", "Stürze traten bei ...", "La mortalidad a los 28
# días fue ...", "A mortalidade foi ...", "La mortalité à J28 était ..."). Each form needs
# both an article or noun of its language and one of its verbs, so no English sentence
# reads as one.
_GERMAN_NOUNS = r"[A-ZÄÖÜ][\wäöüß\-]{1,40}(?:\s(?:im|des|der)\s[\wäöüß\-]{2,40})?"
_GERMAN_VERBS = (
    r"(?:lag|lagen|betrug|betrugen|war|waren|nahm|nahmen|sank|sanken|stieg|stiegen|trat|traten"
    r"|zeigte|zeigten|verbesserte|verbesserten|verringerte|verringerten|wurde|wurden)"
)
_ROMANCE_WORD = r"[a-zà-öø-ÿ][\wà-öø-ÿ\-]{2,30}"
_ROMANCE_NOUNS = (
    rf"{_ROMANCE_WORD}"
    # "estancia hospitalaria", "tempo de internação", "durée d'hospitalisation"
    r"(?:\s(?!(?:a|al|à|au|aux|en|em|no|na|nos|nas|dans|del|de|do|da|dos|das|des|du|en|entre"
    r"|con|com|avec|y|e|et|fue|foi|fueron|foram|était|étaient|fut|era|eram|eran)\b)"
    rf"{_ROMANCE_WORD})?"
    rf"(?:\s(?:de|del|do|da|dos|das|des|du)\s{_ROMANCE_WORD}|\sd[\'’]{_ROMANCE_WORD})?"
)
_ROMANCE_VERBS = (
    # "era" only before what it was ("era de 65 años"): the English noun ("the COVID era") is not
    r"(?:fue|fueron|(?:era|eran|eram)(?=\s(?:de|del|da|do|un|una|um|uma)\b)|resultó|disminuyó"
    r"|aumentó|mejoró|se\sredujo|foi|foram"
    r"|diminuiu|aumentou|melhorou|reduziu|était|étaient|fut|a\sété|ont\sété|a\sdiminué"
    r"|a\saugmenté)"
)
_FOREIGN_SUBJECT = re.compile(
    r"\s?(?:(?:Ergebnisse|Resultados|R[ée]sultats)\s?:\s)?(?:"
    # subject first: article, the outcome, then (after a time phrase, say) the verb
    rf"(?:Der|Die|Das)\s(?P<german>{_GERMAN_NOUNS})\s[^.;:()]{{0,40}}?{_GERMAN_VERBS}\b"
    # a noun without its article ("Stürze traten bei"), not with "lag" or "war", English words
    rf"|(?P<noun_first>[A-ZÄÖÜ][\wäöüß\-]{{2,40}})\s(?!lag\b|war\b){_GERMAN_VERBS}\s(?:bei|in|im)\b"
    # an article and a space; "L'" without one ("L'hospitalisation")
    rf"|(?:(?:La|El|Los|Las|A|O|Os|As|Le|Les)\s|L[\'’]\s?)(?P<romance>{_ROMANCE_NOUNS})"
    rf"\s[^.;:()]{{0,40}}?{_ROMANCE_VERBS}\b"
    # German, the verb second: "Nach 12 Wochen lag der WOMAC-Score"
    rf"|(?:[\wäöüß\-]{{1,30}}\s){{1,4}}?{_GERMAN_VERBS}\s(?:im\s\w{{1,30}}\s)?(?:der|die|das)\s"
    rf"(?P<german_after_verb>{_GERMAN_NOUNS})"
    r")"
)


# A Chinese clause that names what it measures, then the arm, then the value: "第14天胸部CT病灶
# 吸收率治疗组为62.5%" (on day 14 the CT lesion absorption of the treatment group was 62.5%).
# Japanese names the measure as the topic ("年齢はMSC群63.2±9.8歳", age was, in the MSC group),
# its time point with 日 / 週 / か月 and 時点の (at the time of), and may name the arm in Latin.
_CJK_MEASURE_THEN_ARM = re.compile(
    r"(?:\u7b2c?\d{1,3}\s?(?:d|\u5929|\u5468|\u4e2a\u6708|\u65e5|\u9031|[\u304b\u30f6]\u6708)"
    r"(?:\u6642\u70b9|[\u540e\u65f6\u672b\u5f8c])?\u306e?)?"
    r"(?P<what>[\u4e00-\u9fff\u30a0-\u30ffA-Za-z]"
    r"[\u4e00-\u9fff\u3040-\u30ffA-Za-z0-9\-]{1,15}?)[\u306f\u304c\u3067]?"
    rf"(?:{CJK_ARM}|(?<![A-Za-z])[A-Z][A-Za-z0-9\-]{{1,12}})\u7ec4(?:\u60a3\u8005)?\u7684?"
    r"(?:\u4e3a|\u662f)?[(\uff08]?$"
)


def _cjk_measure_before(text: str, start: int, sentence: tuple[int, int]) -> str:
    """Return what a Chinese clause measures when it names it before the arm of the value at
    ``start`` (_CJK_MEASURE_THEN_ARM), else ''."""
    clause_start = max(sentence[0], start - 30)
    for mark in "\uff0c,\u3002\uff1b;\u3000 ":
        clause_start = max(clause_start, text.rfind(mark, clause_start, start) + 1)
    m = _CJK_MEASURE_THEN_ARM.search(text, clause_start, start)
    if not m or not _CJK_CHARACTER.search(m.group("what")) or _CJK_COMPARED.search(m.group()):
        return ""  # "高于对照组的35.0%" (higher than the control group's) names no measure
    return m.group("what")


def foreign_subject(text: str, sentence: tuple[int, int], start: int) -> str:
    """Return the outcome a German, Spanish, Portuguese or French sentence opens with
    (_FOREIGN_SUBJECT) when the value at ``start`` follows it, else ''."""
    m = _FOREIGN_SUBJECT.match(text, sentence[0], sentence[1])
    if m is None or m.end() > start:
        return ""
    return next(g for g in m.groups() if g)


# What happened, named by its verb, as the outcome's noun: "Two patients withdrew" counts
# withdrawals, "aged 63.8 (SD 14.1)" is the age.
_NOUN_OF_VERB = {
    "withdrew": "withdrawal",
    "died": "death",
    "relapsed": "relapse",
    "responded": "response",
    "recovered": "recovery",
    "discontinued": "discontinuation",
    "dropped out": "dropout",
    "aged": "age",
}


# "Mean ΔDAS28-CRP": the change in DAS28-CRP (the increment sign and the Greek letter).
_DELTA = re.compile(r"^[\u2206\u0394]\s?(?=\S)")


def outcome_name(outcome: str) -> str:
    """Return an outcome as a report names it in words: a verb as its noun (_NOUN_OF_VERB), a
    delta as a change ('ΔDAS28-CRP' -> 'DAS28-CRP change'), any other as it is."""
    if _DELTA.match(outcome):
        return _DELTA.sub("", outcome) + " change"
    outcome = outcome.rstrip(" |")  # a pipe table's label: "Opioid 0-72 h, mean (SD) |"
    outcome = _NOT_OF_THE_NAME.sub("", outcome) or outcome
    if described := _SUMMARY_DESCRIPTOR.search(outcome):
        outcome = outcome[: described.start()]
    return _NOUN_OF_VERB.get(outcome.lower(), outcome)


# Words around an outcome's name that are not of it: "Also SpO2/FiO2 at day 7 improved",
# "Depression scores also decreased", a thread's "the supplement says ventilator-free days were".
_NOT_OF_THE_NAME = re.compile(
    r"^(?:Also|also)\s|\salso$"
    r"|^(?:(?:the|The)\s)?(?:supplement|paper|authors?|study|abstract|table|appendix|article)\s"
    r"(?:says|said|reports?|reported|shows?|showed|states?|stated)\s(?:that\s)?"
    # an odds ratio's "the odds of an acute respiratory infection": the infection
    r"|^(?:(?:the|The)\s)?(?:odds|hazard)\sof\s(?:an?\s)?(?=[A-Za-z])"
)


# A table row label's unit and summary type after its name: "Age, years, mean (SD)", "Symptomatic
# VTE within 90 days, n (%)c" (with a footnote's letter).
_SUMMARY_DESCRIPTOR = re.compile(
    r"(?<=\w),\s(?:[^,\s]{1,12},\s)?(?i:mean|median|n|n/N|no\.)\s?\((?:SD|SE|IQR|%|range)\)"
    r"[a-z*\u2020\u2021\u00a7]?$"
)


def _of_the_value_before(text: str, label: str, start: int, sentence: tuple[int, int]) -> bool:
    """Return True if a label before a value, a comma between, is what the people of the value
    before it received or were ("23% were women, 45% had diabetes")."""
    at = max(sentence[0], text.rfind(label, sentence[0], start))
    return "," in text[at + len(label) : start] and bool(
        _GIVEN_BEFORE_LABEL.search(text, sentence[0], at)
    )


_GIVEN_BEFORE_LABEL = re.compile(
    r"(?:\b(?:receiving|given|received|treated\swith)\s(?:the\s)?"
    # "23% were women, 45% had diabetes": what the value before counted
    r"|[\d%)\]]\s(?:were|was|had|developed)\s)$"
)


def outcome_of(
    text: str,
    start: int,
    sentence: tuple[int, int],
    label_first: bool,
    memo: dict | None = None,
    arm_words: frozenset[str] = frozenset(),
    end: int | None = None,
    counts_people: bool = False,
) -> str:
    """Return the outcome of a value at ``start`` (ending at ``end``, when known): the people it
    counts when a word for them follows it (when ``counts_people``), the label printed right
    before it (when ``label_first``), else the known outcome named nearest before it in its
    sentence, else the first named after it; '' when none is recognised."""
    if counts_people and end is not None:
        group = _PEOPLE_AFTER.match(text, end, sentence[1])
        if group:  # "402 [44.9%] women", "131 (61.2%) were men"
            return (group.group("people") or group.group("foreign")).lower()
        group = _PEOPLE_BEFORE_SHARE.match(text, start, end)
        # "402 women [33.3%]"; but "occurred in 31 women (8.6%)" counts women with an event
        if group and not _EVENT_AMONG_BEFORE.search(text, max(sentence[0], start - 140), start):
            return group.group("people").lower()
    foreign = foreign_subject(text, sentence, start) or _cjk_measure_before(text, start, sentence)
    if foreign:
        return foreign
    if label_first:
        label = label_before(text, start, sentence)
        # "Mean ± SD: drug 5.1 ± 1.2": a label that names one of the arms is no outcome, nor
        # one that looks like an arm after a heading ("Hospital length of stay: MSC 12 days")
        if label and (
            is_control(label)
            or _shares_a_word(label, arm_words)
            # "freeze-all 41.8% vs fresh 36.3%": labels of both values name arms
            or (end is not None and _LABELLED_VALUE_AFTER.match(text, end, sentence[1]))
            or (
                is_armlike(label)
                and _HEADING_BEFORE.search(text, sentence[0], text.rfind(label, sentence[0], start))
            )
            # "58.3% of patients receiving upadacitinib 15 mg, 62.1% receiving 30 mg": what
            # the people of the value before received or were, a comma between
            or _of_the_value_before(text, label, start, sentence)
        ):
            label = ""
        if label:
            known = next((key for key, pattern in OUTCOMES if key and pattern.search(label)), None)
            return known or label
    had = end is not None and _HAD_RIGHT_AFTER.match(text, end, sentence[1])
    had = had and _PREDICATE.match(text, had.end(), sentence[1])
    if had and had.group("had"):
        return had.group("had")  # "23% were women, 45% had diabetes"
    bracketed = _IN_WHAT_BEFORE_BRACKET.search(text, max(sentence[0], start - 60), start)
    if bracketed and not _shares_a_word(bracketed.group("what"), arm_words):
        return bracketed.group("what")  # "... or in birth weight (mean difference 18 g"
    listed = _LISTED_OUTCOME_IN.search(text, max(sentence[0], start - 60), start)
    if listed:  # "..., and taste disturbance in 9 (23.7%) and 3 (7.9%), respectively"
        return listed.group("what")
    if memo is None:
        memo = {}
    if sentence not in memo:
        memo[sentence] = _outcome_mentions(text, sentence[0], sentence[1])
    mentions = memo[sentence]
    before = [name for offset, name in mentions if offset < start]
    # the first named after it in its own clause: "sICH occurred in 11 (2.7%) ...; 38 and 41
    # patients, respectively, had died" does not count deaths
    clause_end = text.find(";", start, sentence[1])
    limit = clause_end if clause_end >= 0 else sentence[1]
    after = [name for offset, name in mentions if start <= offset < limit]
    if before:
        return before[-1]
    if after:
        return after[0]
    changed = list(_CHANGED_OBJECT.finditer(text, sentence[0], start))
    if changed:
        return next(g for g in changed[-1].groups() if g)
    named_for = _FOR_OUTCOME.match(text, sentence[0], start)
    # "For the high dose versus placebo, the odds ratio was": arms compared, not an outcome
    what = named_for.group("what") if named_for else ""
    if named_for and not TIMEPOINT.search(what) and not COMPARED_BETWEEN.search(what):
        return named_for.group("what")  # "For time to discharge, the drug group fared ..."
    subject = sentence_subject(text, sentence, start, arm_words)
    if subject:
        return subject
    # "Thirty-two patients in the drug group and 45 in the placebo group were hospitalized"
    predicate = _PREDICATE.search(text, start, sentence[1])
    if predicate:
        return next(g for g in predicate.groups() if g)
    return foreign_opening(text, sentence, start)


# Words of an English sentence (a sentence without any is in another language).
_ENGLISH_WORD = re.compile(r"(?i)\b(?:the|was|were|with|of|and|had|than|patients?|group)\b")
# ... and of the languages foreign_opening reads: Cyrillic, and the commonest small words of
# Indonesian, Dutch, Polish and Turkish.
_FOREIGN_WORD = re.compile(
    r"[\u0400-\u04ff]|\b(?:dan|yang|pada|dari|dengan|adalah|sebesar|het|een|van|bij|werd"
    r"|oraz|się|przez|grupie|ile|bir|olarak|grubunda)\b"
)
# A heading before the sentence: "Hasil: ", "Результаты. "
_OPENING_HEADING = re.compile(r"[^\W\d]{2,20}:\s")
# Where the opening words of a sentence in another language stop naming what it measures: a
# word that leads to the arms or the values (Indonesian pada, dari, sebesar, adalah, terjadi;
# Russian у, на, при, составил(а); Dutch bij, werd, trad, was; Polish w, u, wyniosła;
# Turkish grubunda, grupta, hastada), or a Russian verb's ending ("потребовался",
# "зарегистрированы", "достигнуто").
_OPENING_STOP = frozenset(
    "pada dari sebesar adalah terjadi yaitu dengan di pasien kelompok "
    "\u0443 \u043d\u0430 \u043f\u0440\u0438 \u0432\u043e "
    "\u0441\u043e\u0441\u0442\u0430\u0432\u0438\u043b "
    "\u0441\u043e\u0441\u0442\u0430\u0432\u0438\u043b\u0430 "
    "bij werd werden trad traden was waren in de het "
    "w u we wyniosła wynosiła wystąpiło wystąpiły grupie "
    "grubunda grupta hastada hastalarda".split()
)
_RUSSIAN_VERB_ENDING = re.compile(
    "(?:\u043b\u0441\u044f|\u043b\u0430\u0441\u044c|\u043b\u043e\u0441\u044c|\u043b\u0438\u0441\u044c"
    "|\u043b\u043e|\u043b\u0438|\u043d\u044b|\u043d\u043e|\u0442\u043e|\u0442\u044b)$"
)
_OPENING_WORDS = 6  # the most words an opening outcome may have


def foreign_opening(text: str, sentence: tuple[int, int], start: int) -> str:
    """Return the words that open a sentence in a language the other readers do not know, up to
    its first number, bracket, time point or a word that leads to the arms or values
    (_OPENING_STOP), when the value at ``start`` follows them: "Mortalitas 28 hari pada
    kelompok intervensi sebesar 16 dari 150" measures 'Mortalitas'. '' for an English or
    Chinese sentence."""
    if _ENGLISH_WORD.search(text, *sentence) or not _FOREIGN_WORD.search(text, *sentence):
        return ""
    begin = sentence[0]
    if heading := _OPENING_HEADING.match(text, begin, start):
        begin = heading.end()
    kept: list[str] = []
    for word in text[begin:start].split():
        bare = word.rstrip(",;:.")
        if (
            not bare
            or not bare[0].isalpha()
            or any(c.isdigit() for c in bare)
            or bare.lower() in _OPENING_STOP
            or (len(bare) > 4 and _RUSSIAN_VERB_ENDING.search(bare.lower()))
        ):
            break
        kept.append(bare)
        if bare != word or len(kept) == _OPENING_WORDS:
            break
    if not any(len(word) >= 4 for word in kept):
        return ""
    return " ".join(kept)


# An outcome that opens a clause of a list, right before its first value (or its second): ", and
# taste disturbance in 9 (23.7%) and 3", "; grade 3 neutropenia in 12"; not people, arms or what
# happened.
_LISTED_OUTCOME_IN = re.compile(
    r"(?:,\s(?:and\s)?|;\s(?:and\s)?)"
    r"(?P<what>(?!(?:those|patients|participants|subjects|women|men|children|adults|the|this"
    r"|that|it|all|both|each)\b)[a-z][a-z\-]{2,25}(?:\s(?![a-z]{2,25}ed\b)[a-z0-9][\w\-]{0,25}){0,3})"
    r"(?<!ed)\sin\s(?:\d{1,6}(?:\.\d{1,3})?(?:\s?\([^()]{1,20}\))?,?\s(?:and|vs\.?|versus)\s)?$"
)
# An outcome a sentence opens with: "For time to discharge, ...", "For the primary outcome,";
# not people ("For patients with diabetes,"), a time or a number.
_FOR_OUTCOME = re.compile(
    r"\s?(?i:for)\s(?:the\s)?(?!(?i:patients|participants|subjects|those|women|men|children"
    r"|adults|each|all|both|every|this|that|these|comparison)\b)"
    r"(?P<what>[A-Za-z][\w\-]{1,25}(?:\s[a-z][\w\-]{0,25}){0,4}),\s"
)
# "vs fresh 36.3%": the value after is labelled by a word of its own.
_LABELLED_VALUE_AFTER = re.compile(r"\s(?:vs\.?|versus)\s[A-Za-z][\w\-]{0,30}\s[-\u2212]?\d")
# The people a count or percentage counts, named right after it: "402 [44.9%] women", "131
# (61.2%) were men", "38% were female".
_PEOPLE_AFTER = re.compile(
    r"\s(?:(?:of\s(?:the\s)?(?:patients|participants)\s)?(?:were|was)\s)?"
    rf"(?P<people>{SEX_WORDS})(?=\s?[),;.]|\sand\b)"
    # "98 (59,8 %) waren Frauen", "eran mujeres", "eram mulheres", "étaient des femmes"
    r"|\s(?:waren|eran|eram|[ée]taient)\s(?:des\s)?(?P<foreign>Frauen|M[äa]nner|mujeres|hombres"
    r"|varones|mulheres|homens|femmes|hommes)\b"
)  # not "... occurred in 11 (5.2%) women with zoledronic acid"
# ... or between the count and its share: "402 women [33.3%]".
_PEOPLE_BEFORE_SHARE = re.compile(rf"(?<![\d,])\d[\d,]*\s(?P<people>{SEX_WORDS})\s?[(\[]")
_EVENT_AMONG_BEFORE = re.compile(
    rf"\b(?:in|among)\s(?:\d[\d,]*\s(?:{SEX_WORDS})\s?[(\[][^;\d]{{0,20}}\d[^;]{{0,80}}\band\s)?$"
)


# What a treatment changed, named before the value: "drug lowered systolic blood pressure by",
# "was associated with a lower incidence of delirium than placebo", "had fewer exacerbations (".
_OUTCOME_WORDS_RE = r"[A-Za-z][\w\-]{1,25}(?:\s[A-Za-z0-9][\w\-]{0,25}){0,4}?"
_CHANGED_OBJECT = re.compile(
    rf"\b(?:lowered|reduced|increased|raised|improved|decreased|shortened|prolonged)\s(?:the\s)?"
    rf"(?P<changed>{_OUTCOME_WORDS_RE})\sby\s"
    r"|\b(?:lower|higher|reduced|greater|increased|smaller|fewer|more)\s(?:incidence|risk|rates?"
    r"|odds|numbers?|proportions?|frequency|prevalence|occurrence)\sof\s(?:the\s)?"
    rf"(?P<rate_of>{_OUTCOME_WORDS_RE})"
    r"(?=\s(?:than|with|in|among|compared|vs\.?|versus|at|during)\b|\s?[(,;.])"
    r"|\b(?:had|showed|reported|experienced|achieved)\s(?:a\s)?(?:significantly\s)?"
    r"(?:fewer|more|less|lower|higher|shorter|longer|greater|larger|smaller|better|worse)\s"
    r"(?P<had_fewer>[A-Za-z][\w\-]{2,25}(?:\s[a-z][\w\-]{2,25}){0,2}?)"
    r"(?=\s?[(,;.]|\s(?:than|compared|vs\.?|versus)\b)"
)


# What a sentence says happened to the people it counts, when it has no other outcome: "... were
# hospitalized", "... was lost to follow-up", "... in the treatment group relapsed".
_PREDICATE = re.compile(
    r"(?:\b(?:were|was)\s(?:[a-z]{2,15}ly\s)?|(?<=group\s)|(?<=arm\s))"
    r"(?P<outcome>(?!randomi[sz]ed|assigned|allocated"
    r"|enrolled|included|analy[sz]ed|treated)(?:lost\sto\sfollow[-\s]up|[a-z][a-z\-]{2,25}ed"
    r"(?:\s(?:to|for|with|in)\s(?:the\s)?[a-z][\w\-]{2,25}(?:\s[a-z][\w\-]{2,25})?)?))"
    r"\s?(?=[.;,(]|$)"
    # "... 5 patients (5%) had bleeding", "8 (4%) vs 15 (7.5%) strokes occurred"
    # "... reported minor bruising", "... achieved at least 5% weight loss"
    r"|\b(?:had|developed|experienced|required|needed|achieved|attained|reported)\s(?:an?\s|the\s)?"
    r"(?P<had>(?!been\b)(?:(?:at\sleast|more\sthan)\s\d{1,2}(?:\.\d)?\s?%\s)?"
    r"[a-zA-Z][\w\-]{2,25}(?:\s[a-z][\w\-]{2,25}){0,2})\s?(?=[.;,(]|$)"
    r"|\b(?P<noun>(?!(?:which|that|this|these|those|they|it|events?|episodes?|cases?)\b)"
    r"[a-z][\w\-]{2,25})"
    r"\s(?:occurred|were\s(?:observed|reported|recorded))\b"
    # "171 participants (91.9%) completed the study", "48 participants (24%) withdrew"
    rf"|\b(?P<completed>{COMPLETED})\b"
    r"|\b(?P<did>withdrew|died|relapsed|responded|recovered|discontinued|dropped\sout)\b"
)


# What a value measures, named right before the bracket it opens: "no differences in neonatal
# death (0.7% v 0.9%) or in birth weight (mean difference 18 g"; not people, an arm or a time.
_IN_WHAT_BEFORE_BRACKET = re.compile(
    r"\b(?:differences?\sin|or\sin|and\sin)\s"
    r"(?P<what>(?!(?:the|those|patients|participants|subjects|women|men|children|adults|all|both"
    r"|each|either|any)\b)[a-z][a-z\-]{2,25}"
    r"(?:\s(?!(?:was|were|is|are|had|has|did|remained|showed)\b)[a-z][a-z0-9\-]{1,25}){0,3})\s\($"
)
# A value its people's "had" follows: "45% had diabetes" (_PREDICATE reads what they had).
_HAD_RIGHT_AFTER = re.compile(r"\s(?=(?:had|developed)\s)")


def _outcome_mentions(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Return (offset, name) of every known outcome named in text[start:end], in order."""
    pattern = _ANY_OUTCOME
    sentence = text[start:end]
    if sentence.isascii():
        lower = sentence.lower()
        named = tuple(i for i, words in enumerate(_OUTCOME_WORDS) if any(w in lower for w in words))
        if not named:
            return []
        pattern = _outcomes_among(named)
    found = []
    for match in pattern.finditer(text, start, end):
        key = OUTCOMES[int(match.lastgroup[1:])][0]
        found.append((match.start(), key or match.group().lower()))
    return found


_SUBJECT = re.compile(
    # "at 6 months the walk distance improved by ...": when, then what
    r"(?:(?i:at|after|by)\s(?:\d{1,3}\s(?i:days?|weeks?|months?|years?)|(?i:day|week|month|year)"
    r"\s\d{1,4})\s)?"
    r"(?:(?:The|A|An|the)\s)?(?P<subject>(?:[A-Za-z]|[\u2265\u2264]?\d{1,3}%\s[a-z])[\w\-/]{0,30}"
    r"(?:(?<=[Mm]ean)\s\((?:SD|SE|SEM)\))?"
    # later words: "PHQ-9", "50%", "≥2", "25(OH)D"
    # ... a threshold ("reaching HbA1c < 7.0%"), and what a summary is ("Mean (SD) changes")
    r"(?:\s(?!was\b|were\b)(?:[A-Za-z0-9\u2265\u2264][\w\-/%]{0,30}|[<>\u2265\u2264]"
    r"|\d{1,3}(?:\.\d{1,2})?%)(?:\([A-Za-z]{1,5}\)[\w\-]{0,10})?"
    r"(?:(?<=\b[Mm]ean)\s\((?:SD|SE|SEM)\))?)"
    r"{0,9}?)(?:\s\([^()\n]{1,70}\))?(?:\s(?:on|at|in)\s(?:day|week|month|year)\s\d{1,4})?"
    r"\s(?:was|were|is|are|fell|rose|changed"
    r"|recovered|decreased|increased|improved|declined|occurred|differed|remained|did|averaged"
    r"|had(?=\s[a-z]+ed\b)"
    r"|showed|developed)\b"
)


# "OHSS (moderate/severe): 2/306 vs 11/306": a label followed by the values of two arms names
# what they measure, not an arm (read so when the document's arms are not known).
_ARMS_COMPARED_AFTER = re.compile(r"[^\n;:]{0,40}?\d[^\n;:]{0,20}?\s(?:vs\.?|versus)\s")
# A label and its colon before a value's own label: "Hospital length of stay: MSC 12 days".
_HEADING_BEFORE = re.compile(r":\s?$")
# "72.3% vs 60.1%": two values with no arm between them.
_VALUES_COMPARED_AFTER = re.compile(r"[^\n;:a-zA-Z]{0,30}?\s(?:vs\.?|versus)\s[(\[]?[-\u2212]?\d")
_HEADER_LABEL = re.compile(
    # "sICH: 6 (1.9%) vs 2 (0.6%)", "eGFR: ...": an abbreviation after a small letter
    r"(?P<label>(?:[A-Z][\w\-]{1,30}|[a-z]{1,2}[A-Z]{2,}[\w\-]{0,20}|(?<=;\s)[a-z][\w\-]{1,30}"
    r"|[\u2265\u2264]?\d{1,3}%\s[a-z][\w\-]{1,30})"
    r"(?:\s[\w\-@/%\u2265\u2264<>]{1,30}){0,6})(?:\s\([^()\n]{1,30}\))?"
    r"(?:,\s[^,:;\n]{1,20}){0,2}:\s"
)  # "OHSS (moderate/severe): 2/306 vs 11/306", "IVH grade ≥3: ...", "Stay, days, median: ...",
# "...; nausea: 5/150 (3.3%) vs 9/148 (6.1%)"
# A structured abstract's heading in capitals: "RESULTS:", "METHODS AND RESULTS:", "MAIN
# OUTCOME MEASURES:". Only these words make one; "CRP:" or "NIHSS:" label what follows.
_CAPITAL_HEADING = re.compile(r"(?<![A-Z])(?P<words>[A-Z]{2,15}[A-Z\s]{0,30}):\s?")
_HEADING_WORDS = frozenset(
    """ABSTRACT AIM AIMS AND BACKGROUND CLINICAL CONCLUSION CONCLUSIONS CONTEXT DESIGN DISCUSSION
    EFFICACY EVIDENCE EXPOSURE EXPOSURES FINDINGS FUNDING IMPORTANCE INTERPRETATION INTERVENTION
    INTERVENTIONS INTRODUCTION KEY LIMITATIONS MAIN MATERIALS MEASURE MEASURES METHOD METHODS
    OBJECTIVE OBJECTIVES OF OUTCOME OUTCOMES PARTICIPANTS PATIENTS POPULATION PRIMARY PURPOSE
    RATIONALE REGISTRATION RELEVANCE RESULT RESULTS SAFETY SECONDARY SETTING SETTINGS STUDY
    SUBJECTS SUMMARY THE TOLERABILITY TRIAL""".split()
)
# A section heading run into the sentence: "Results The operation time ...", "Methods: ...".
_SECTION_HEADING = re.compile(
    r"(?:Results?|Methods?|Findings|Conclusions?|Background|Objectives?|Interpretation"
    r"|RESULTS?|METHODS?|FINDINGS|CONCLUSIONS?|BACKGROUND|OBJECTIVES?|INTERPRETATION"
    # German, Spanish, Portuguese, French
    r"|Ergebnisse|Methoden|Hintergrund|Resultados|M[ée]todos|R[ée]sultats|M[ée]thodes)"
    # ... and the em dash of Circulation's "Results—Among 2,500 ..." (a hyphen once normalized)
    r"(?:\s?:?\s|-)(?=[A-Z\d])"
)
# What a subject or label may end with that is not the outcome: the arm it is measured in ("...
# of the laparoscopic group") or its time point ("... at 6 months").
_SUBJECT_TAIL = re.compile(
    r"(?i)\s(?:(?:of|in|for|among)\s(?:the\s)?[\w\-]+(?:\s[\w\-]+){0,2}\s(?:group|arm)s?"
    r"|(?:at|on|by|after|to|through|until)\s(?:day|week|month|year)s?\s\d{1,4}"
    r"|(?:at|by|after|@)\s(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"\s(?:h|hours?|days?|weeks?|months?|mo|years?)"
    r"(?:\safter\s[\w\-]+)?)$"
)


# Where a subject may start after the sentence's start: a clause ("..., while the hospital
# stay was shorter"), a bullet or line of a slide or registry record, or after the reference of
# a comparison ("Compared with stretching, the fall rate was lower ...").
_CLAUSE_OPENING = re.compile(
    r",\s(?:while|whereas|but|and)\s|;\s(?=[A-Za-z][a-z]|[A-Z]{2,6}-?\d{0,2}\s[a-z])|[\u2022\n]\s?"
    r"|[|\u3000-\u9fff\uff01-\uff5e]\s(?=[A-Z])"  # page furniture: "投稿指南 The effective rate"
    r"|(?i:compared\s(?:with|to)|relative\sto|versus|in\scontrast\sto)\s[^,;\d]{1,40},\s"
    r'|:\s["\u201c]'  # a quotation: 'The review says: "Relapse occurred in ...'
)
# An item of a list of labelled values: "n/N (%): HbA1c <7%, 88/150 (58.7) vs ...".
_LIST_ITEM_OPENING = re.compile(
    r"[:;]\s(?=[A-Za-z\u2265\u2264][^,;:()\n]{0,50},\s[(\[]?(?:n\s?=\s?)?\d)"
)
_AFTER_COLON = re.compile(r":\s(?=[a-z])")
# Words that open a sentence and name nothing in it (also _OPENER_ONLY).
_OPENERS = (
    r"overall|in\stotal|in\sall|altogether|in\saddition|additionally|however|finally"
    r"|similarly|moreover|furthermore|also|thus|of\sthese|of\sthem"
)
# A phrase that opens a sentence before its subject: "After treatment, the VAS score ...".
_OPENING_PHRASE = re.compile(
    r"(?:(?i:after|at|by|during|following|before|in|among|on|over|within|throughout)"
    r"|(?:\d{1,3}|[A-Z]?[a-z]{2,12})\s(?i:days?|weeks?|months?|years?)\s(?i:after|post|following))"
    # "Among 2,500 participants (mean age, 66 years; 38% women), the ...": a number's thousands
    # separator, or a bracket, within it
    r"\s(?:[^,;()]|,(?=\d{3}\b)|\([^()]{0,60}\)){1,40},\s"
    # ... or a word that only opens the sentence: "Overall, the primary outcome occurred in"
    rf"|(?i:{_OPENERS}),\s"
)

# ... or a time point without its comma before a subject in capitals: "At 12 months WOMAC total
# was".
_TIME_OPENING = re.compile(
    r"(?i:at|by|on|after)\s(?i:(?:day|week|month|year)\s\d{1,3}|\d{1,3}\s(?:days|weeks|months|years))"
    r"\s(?=[A-Z])"
)
# A list item's mark: "- ", "• ", "* ".
_BULLET = re.compile(r"[-\u2022*\u2013]\s")


_SUMMARY_WORD = re.compile(
    r"(?i)(?:(?:least[-\s]squares?\s|LS\s)?mean(?:\s\((?:SD|SE|SEM)\))?|median|average)\s(?=\w)"
)


def _without_tail(label: str) -> str:
    """Return a label without a trailing arm phrase or time point, or the summary word that
    opens it ("Median hospital stay" is the hospital stay)."""
    trimmed = _SUBJECT_TAIL.sub("", label)
    trimmed = trimmed if trimmed.strip() else label
    return _SUMMARY_WORD.sub("", trimmed, count=1) if _SUMMARY_WORD.match(trimmed) else trimmed


def sentence_subject(
    text: str, sentence: tuple[int, int], before: int, arm_words: frozenset[str] = frozenset()
) -> str:
    """Return the subject that opens a sentence ("IL-6 fell ...", "Mortality at day 28 was ..."),
    or the clause ``before`` is in, when it ends before ``before`` and is not an arm, a pronoun
    or a study word; else ''. A clause whose subject is an arm ("..., whereas usual care did not
    differ (IRR ...)") keeps the subject of the clause before it. ``arm_words`` are the words of
    the document's arm names, when known: an abbreviation that shares none of them is an
    outcome ("PSA-PFS @ 36 mo: HR=0.68" in a trial of enza vs control)."""
    start = sentence[0]
    head = _CAPITAL_HEADING.match(text[start : min(sentence[1], start + 40)])
    if head and set(head.group("words").split()) <= _HEADING_WORDS:
        start += head.end()  # "RESULTS: ...", not "CRP: MSC 12.1 ± 3.0 vs ..."
    heading = _SECTION_HEADING.match(text, start, sentence[1])  # its lookahead sees past before
    if heading and heading.end() <= before:
        start = heading.end()
    end = min(before, sentence[1])
    bullet = _BULLET.match(text, start, end)
    if bullet:  # "- At 12 months WOMAC total was ..." in a list
        start = bullet.end()
    opening = _OPENING_PHRASE.match(text, start, end) or _TIME_OPENING.match(text, start, end)
    if opening:
        start = opening.end()
    # "..., while the postoperative hospital stay was shorter [...]"
    starts = [start, *(c.end() for c in _CLAUSE_OPENING.finditer(text, start, end))]
    # "n/N (%): HbA1c <7%, 88/150 ..." (searched to the sentence's end, which it looks at)
    starts += [
        c.end() for c in _LIST_ITEM_OPENING.finditer(text, start, sentence[1]) if c.end() < end
    ]
    # "Study 1 (episodic ...): monthly migraine days fell by 4.3": only where a subject opens
    after_colon = {c.end() for c in _AFTER_COLON.finditer(text, start, end)} - set(starts)
    for clause_start in sorted({*starts, *after_colon}, reverse=True):
        heading = _SECTION_HEADING.match(text, clause_start, sentence[1])
        if heading and heading.end() <= end:
            clause_start = heading.end()  # "投稿指南 Results: The effective rate ..."
        subject, is_arm = _subject_at(text, clause_start, end, arm_words, sentence[1])
        if not is_arm and (subject or clause_start not in after_colon):
            return subject
    return ""


# A method that opens a clause, not what it measured.
_METHOD_SUBJECT = re.compile(
    r"(?i)(?:M?AN(?:C)?OVA|GEE|mixed[-\s]models?|(?:\w{1,20}\s)?regression|log[-\s]rank(?:\stest)?)"
)


# A subject that names no outcome: a pronoun, the people, or the estimate itself ("the odds
# ratio was 3.39 (...), p < 0.001", "the mean difference was").
_NO_OUTCOME_SUBJECT = re.compile(
    r"(?i)(?:this|these|that|those|it|they|we|there|our|all|both|no|patients|participants"
    r"|(?P<estimate>(?:the\s)?(?:(?:mean|treatment|between[-\s]groups?|absolute|adjusted"
    r"|estimated\streatment)\s)?(?:differences?|effects?|results?|findings)$"
    r"|(?:the\s)?(?:(?:adjusted|pooled)\s)?(?:(?:odds|hazard|risk|rate)\sratios?"
    r"|relative\srisks?)$"
    # ... or its abbreviation: "(2.1% vs 2.3%; adjusted OR 0.93, 0.61-1.41)"
    r"|(?:(?:adjusted|pooled)\s)?a?(?:OR|HR|RR|IRR|RD)$))\b"
)


def _names_an_estimate(words: str) -> bool:
    """Whether ``words`` name an estimate ("adjusted OR", "the mean difference"), not what it
    measured."""
    named = _NO_OUTCOME_SUBJECT.match(words)
    return bool(named and named.group("estimate"))


def _subject_at(
    text: str,
    start: int,
    end: int,
    arm_words: frozenset[str] = frozenset(),
    verb_limit: int | None = None,
) -> tuple[str, bool]:
    """Return the subject or label a clause opens with (or ''), and whether it names an arm.
    The subject ends before ``end``; its verb may come up to ``verb_limit``, after a bracket
    that holds the value ("The total effective rate of the observation group (95.00%) was")."""
    label = _HEADER_LABEL.match(text, start, end)
    if label and _GENERIC_HEADING.search(_without_tail(label.group("label"))):
        return "", False  # "Week 48 outcomes, n/N (%): ..." heads values of several outcomes
    if label and (
        not _names_an_arm(label.group("label"), arm_words)
        or (not arm_words and _ARMS_COMPARED_AFTER.match(text, label.end()))
    ):
        # "Hospital-acquired infection: MSC 3/40, ...", "Oxford Knee Score at 6 months: ..."
        return _without_tail(label.group("label")), False
    row = _TABLE_ROW.fullmatch(text, start, verb_limit) if verb_limit else None
    if (
        row
        and not _names_an_arm(row.group("label"), arm_words)
        and not is_control(row.group("label"))
        # "(2.1% vs 2.3%; adjusted OR 0.93, 0.61-1.41)": the estimate's own name
        and not _NO_OUTCOME_SUBJECT.match(row.group("label").strip())
    ):
        return _without_tail(row.group("label").strip()), False  # " Headache 10/150 (6.7) ..."
    listed = _LABEL_THEN_VALUE.match(text, start, verb_limit or end)
    if (
        listed
        and listed.end() == end
        and not _NOT_A_LIST_LABEL.match(listed.group("label"))
        # "Response rates were 40%, 52% and 21%": a clause with its own value is no label
        and not _VALUE_OR_VERB_IN_LABEL.search(listed.group("label"))
        and not _names_an_arm(listed.group("label"), arm_words)
    ):
        return _without_tail(listed.group("label")), False  # "; severe hypoglycaemia, 3/150"
    m = _SUBJECT.match(text, start, end)
    if not m and verb_limit is not None and verb_limit > end:
        m = _SUBJECT.match(text, start, verb_limit)
        if m and m.end("subject") > end:
            m = None
    if not m:
        # "Stroke: drug 14/1020 (1.4%); placebo 25/1015 (2.5%)": a clause that is an arm and its
        # value keeps the subject of the clause before it
        opening = _BEFORE_A_VALUE.match(text, start, min(end + 1, len(text)))
        label = opening.group().strip(" ,:") if opening else ""
        if label and _names_an_arm(label, arm_words):
            return "", True
        # "(2.1% vs 2.3%; adjusted OR 0.93, ...)": an estimate measures what the clause before
        # it measured
        words = _BEFORE_A_VALUE.match(text, start, verb_limit or end)
        return "", bool(words) and _names_an_estimate(words.group().strip(" ,:"))
    subject = m.group("subject")
    if subject == "there" or subject.endswith(" there"):
        # "Over 12 months there were 690 episodes of clinical malaria in the vaccine group"
        counted = _THERE_WERE.match(text, m.end(), verb_limit or end)
        return (counted.group("what") if counted else ""), False
    if _NO_OUTCOME_SUBJECT.match(subject):
        # "...; the odds ratio was 0.80 (...)": an estimate measures what the clause before it
        # measured, as a clause whose subject is an arm does
        return "", _names_an_estimate(subject)
    if _METHOD_SUBJECT.fullmatch(subject):
        return "", True  # "ANCOVA showed a group effect": the clause before says what it tested
    # "At day 7, CRP fell by ...": an abbreviation is an arm only if the arms' words allow it
    armlike = _ARMLIKE_ONLY.fullmatch(subject) and (
        not arm_words or _shares_a_word(subject, arm_words)
    )
    if (
        (is_control(subject) and not _CONTROL_ACHIEVED.search(subject))
        or armlike
        or _GROUP_SUBJECT.fullmatch(subject)
    ):
        return "", True
    if arm_words and set(subject.lower().split()) <= arm_words:
        return "", True  # "Compared with placebo, vitamin D did not reduce ...": an arm
    people = _PEOPLE_OF_AN_ARM.fullmatch(subject)
    if people and _names_an_arm(people.group("arm"), arm_words):
        return "", True  # "CBT participants improved by 8.2 points"
    return _without_tail(subject), False


# "Control" as what a treatment achieves names an outcome, not an arm: "The disease control
# rate was 80.0%", "glycaemic control".
_CONTROL_ACHIEVED = re.compile(
    r"(?i)\b(?:disease|glyc(?:a)?emic|glucose|asthma|seizure|pain|symptom|blood\spressure"
    r"|tumou?r|local|locoregional|infection)\scontrol\b"
)
# A row of a table: a label, then only numbers and their brackets, signs and separators
# (" Headache 10/150 (6.7) 8/148 (5.4)", "Nausea | 5 (3.3%) | 9 (6.1%)").
_TABLE_ROW = re.compile(
    r"\s{0,4}(?P<label>(?![^|\n]{0,50}?\b(?:occurred|reported|was|were|had|developed|died)\b)"
    r"[A-Za-z][A-Za-z0-9\-'/ ]{0,50}?)\s?\|?\s(?=[(\[]?[-\u2212]?\d)"
    r"(?=[^\d]{0,8}\d[\d.]{0,8}[^\d.]{1,8}\d)"  # two numbers at least
    r"[\d\s/().,%|\-\u2212\[\];:]{1,200}"
)
# What "there were" counts: "(there were) 690 episodes of clinical malaria in ...".
_THERE_WERE = re.compile(
    r"\s[\d,]{1,9}\s(?:episodes?|cases?|events?|attacks?|occurrences?)\sof\s"
    r"(?P<what>[A-Za-z][\w\-]{1,25}(?:\s[A-Za-z][\w\-]{1,25}){0,3}?)"
    r"(?=\s(?:in|among|with|vs\.?|versus|and|compared|than|during)\b|\s?[.,;(])"
)
# The words of a clause before its first value: "placebo " of "placebo 25/1015 (2.5%)".
_BEFORE_A_VALUE = re.compile(r"[A-Za-z][^\d()\[\];]{0,40}(?=\d)")
# A label, a comma and the values it names, in a list: "HIV-1 RNA <50 copies/mL, 255/275".
_LABEL_THEN_VALUE = re.compile(
    r"(?P<label>[A-Za-z\u2265\u2264][^,;:()\n]{0,50}),\s[(\[]?(?:n\s?=\s?)?(?=[-\u2212]?\d)"
)
# What opens a sentence before its values without naming what they measure: "Overall, 48
# participants (24%) withdrew", "At 6 months, 61% (95/156) ...".
# Words that open a sentence and name nothing it counts: "There were 35 events", "In total, 48".
_OPENER_ONLY = re.compile(rf"(?i)there|total|{_OPENERS}")
_NOT_A_LIST_LABEL = re.compile(
    rf"(?i)(?:{_OPENERS})$"
    r"|(?:at|in|by|after|during|among|of|for|on|from|over|within|following|before|since|with"
    r"|until|through)\s"
)
# ("HbA1c <7%, 88/150" keeps its label: a threshold is part of it.)
_VALUE_OR_VERB_IN_LABEL = re.compile(r"\s\d[\d.]{0,12}\s?%?$|\b(?:was|were|is|are)\b")
# A heading over the values of several outcomes or characteristics.
_GENERIC_HEADING = re.compile(
    r"(?i)\b(?:outcomes|results|characteristics|end\s?points|findings|events"
    r"|statistical\sanalys[ie]s(?:\s\d{1,2})?)$"
)
# The people of an arm as a subject: "CBT participants", "Vitamin A recipients".
_PEOPLE_OF_AN_ARM = re.compile(
    r"(?P<arm>[\w\-+ ]{1,40}?)\s(?i:participants|patients|subjects|children|women|men|adults"
    r"|recipients|users)"
)
# "The two groups", "The MSC group", "the observation and control groups": arms as subjects.
_GROUP_SUBJECT = re.compile(
    r"(?i)(?<![\w\-+])(?:the\s)?(?:(?!of\b|in\b|for\b|with\b)[A-Za-z0-9][\w\-+]{0,24}\s){0,3}"
    r"(?:groups?|arms?|cohorts?)"
)


_LABEL_WORD = re.compile(r"[A-Za-z0-9+\-]{1,25}")


def _arm_words_from(text: str, start: int, end: int, arm_words: frozenset[str]) -> str:
    """Return the words from ``start`` on that are all words of the document's arms ("with
    zoledronic acid and" -> "zoledronic acid"), at most five."""
    taken = start
    for _ in range(5):
        word = _LABEL_WORD.match(text, taken, end)
        key = arm_key(word.group()) if word else ""
        if word and word.group().lower() == "of" and "of" in arm_words:
            key = "of"  # "standard of care", an arm's own "of"
        # "with the high-dose vaccine and": a hyphenated word is the arms' when its parts are
        if not key or not set(key.split()) <= arm_words:
            break
        taken = word.end() + 1
    words = text[start : max(start, taken - 1)]
    return words[:-3] if words.lower().endswith(" of") else words


def _shares_a_word(label: str, arm_words: frozenset[str]) -> bool:
    """Return True if an arm label shares a word with the document's arms."""
    return bool(arm_words and set(arm_key(label).split()) & arm_words)


def _names_an_arm(label: str, arm_words: frozenset[str]) -> bool:
    """Return True if a label can name an arm: by its look (is_armlike) when the arms are not
    known, else by sharing a word with one of them (or naming a control)."""
    if not arm_words:
        return is_armlike(label)
    return is_control(label) or _shares_a_word(label, arm_words)


def names_arm_or_dose(label: str, arm_words: frozenset[str]) -> bool:
    """Return True if a label can name an arm (_names_an_arm) or is a dose, which names the arm
    of a dose-ranging trial ("10 mg", "20-mg")."""
    return _names_an_arm(label, arm_words) or bool(DRUG_DOSE.fullmatch(label.replace("-", " ")))


def label_before(text: str, start: int, sentence: tuple[int, int]) -> str:
    """Return the short label printed right before ``start`` ("IL-6 (P = ...)"), or ''."""
    window_start = max(sentence[0], start - 60)
    window = text[window_start:start]
    described = window.rstrip().endswith((")", "]")) and _SUMMARY_BRACKET.search(window)
    if described:  # "age (mean±SD) 66.1±6.4": the label is before what the values are
        window = window[: described.start()]
    match = _LABEL_BEFORE.search(window, _label_search_start(window))
    if not match:
        return ""
    words = match.group("label").split()
    # "The operation time was longer [(68.4±12.7) min vs ...]": the comparative is no label
    while words and words[-1].lower() in _COMPARATIVE_WORDS:
        words.pop()
    predicate = _NO_DIFFERENCE_TAIL.search(match.group("label"))
    if predicate and predicate.start() > 0:
        # "Ventilator-free days did not differ (median, 6 ...)": the label is the verb's subject
        subject_end = window_start + match.start() + predicate.start()
        wider = text[max(sentence[0], subject_end - 120) : subject_end]
        words = wider[_label_search_start(wider + "    ") :].split()
        if subject_end - 120 > sentence[0]:
            words = words[1:]  # the window may have cut its first word
        kept, stop = _label_words(words, len(words), _SUBJECT_STOP, 6)
        if stop or len(kept) < 6:
            label = " ".join(reversed(kept))
            # "The two groups differed significantly (P = 0.012)": the arms, not a measure
            arms_only = re.search(r"(?i)\b(?:groups?|arms?)$", label)
            return label if label and not arms_only and not is_control(label) else ""
    kept, stop = _label_words(words, len(words))
    article = len(words) - len(kept) - 2  # the word before the stop word
    if stop in {"the", "a", "an"} and article >= 0 and words[article].lower() in _ARM_BEFORE_LABEL:
        stop = words[article].lower()  # "than with the standard device (3.1": an arm
    if not kept and stop in _COPULAS and len(words) > 1:
        # "... and baseline PASI was 14.1 (3.6)": the label is the copula's subject
        kept, stop = _label_words(words, len(words) - 1, _SUBJECT_STOP, 6)
        # six words that a stop word opens are the whole subject ("and CT lesion absorption on
        # day 14 was"), six words after any other word may be part of one
        cut = (len(kept) == 6 and stop not in _SUBJECT_STOP) or (
            not stop and window_start + match.start() > sentence[0]
        )
        kept = [] if cut else _without_tail(" ".join(reversed(kept))).split()[::-1]
    elif not kept and stop == "of" and len(words) > 1:
        # "indicating a vaccine efficacy of 94.1%": the label is what the value is "of"
        kept, stop = _label_words(words, len(words) - 1)
        kept = [] if _OF_WHAT_NOT.fullmatch(" ".join(reversed(kept))) else kept
    label = " ".join(reversed(kept)).strip(" .-\u2013\u2014")  # "12% vs 9% - not significant"
    opening = _TIME_OPENING.match(label)
    if opening:  # "At 12 months WOMAC total was 29.3 ± 12.8": when, then what
        label = label[opening.end() :]
    if _CJK_CHARACTER.search(label):
        label = _cjk_label(label)
    if (
        not label
        or stop in _ARM_BEFORE_LABEL  # "fell more with drug (-3.1 vs -1.2 kg)": an arm
        or stop in _WHEN_BEFORE_LABEL  # "At discharge, 72% vs 58%": when, not what
        or _WHEN_LABEL.fullmatch(label)  # "the 6-month follow-up"
        or not re.search(r"[A-Za-z\u4e00-\u9fff]", label)
        or re.search(r"(?:^|\s)[\d.,]{1,30}\s?%?$|^[\d.,]{1,30}\s", label)
        or _NOT_OUTCOME.match(label)
        or _OPENER_ONLY.fullmatch(label)
        # "in the MSC group", "in group B", German "Kontrollgruppe"
        or re.search(r"(?i)\b(?:group|arm)(?:s|\s(?-i:[A-D]|[1-4]|I{1,3}|IV))?$|gruppe\b", label)
        or TIMEPOINT.fullmatch(label)
        or re.search(r"[=<>\u00b1]|(?i:^respectively$)|\b(?:CI|CrI)\b", label)
        or is_control(label)
        or _TREATMENT_WORDS.search(label)
        or re.fullmatch(r"[A-Z]{2,6}s|(?i:[a-z]{1,2})", label)
        or _UNIT_LABEL.fullmatch(label)
    ):
        return ""
    return label


# A bracket that says what the values after it are: "(mean±SD)", "(median [IQR])", "(n, %)".
_SUMMARY_BRACKET = re.compile(
    r"\s?[(\[](?:(?i:mean|median|SD|SE|IQR|range|n)|[\u00b1\s,;/%\[\]]){1,20}[)\]]\s?$"
)
_COPULAS = frozenset("was were is are".split())
_CJK_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
# A Chinese label runs on without blanks: the arm before what it measures ("观察组血清D-乳酸" is
# serum D-lactate of the observation group), and a comparison with the other arm after a
# value's unit ("mg/L低于对照组的", lower than the control group's) is no label at all.
_CJK_ARM_FIRST = re.compile(r"^(?:" + CJK_ARM + r")\u7ec4(?:\u60a3\u8005)?")
# ... nor is "差异有统计学意义" (the difference was significant) or "比较" (compared).
_CJK_COMPARED = re.compile(
    r"[\u9ad8\u4f4e\u77ed\u957f\u591a\u5c11\u5927\u5c0f\u4f18\u5dee]\u4e8e|\u5bf9\u7167\u7ec4\u7684"
    r"|\u5dee\u5f02|\u7edf\u8ba1\u5b66|\u6bd4\u8f83"
)


# "治疗后观察组FEV1为" (after treatment, the observation group's FEV1 was): a time before the
# arm, and the copula 为 / 是 or the possessive 的 after what is measured, are no part of it.
_CJK_TIME_FIRST = re.compile(
    r"^(?:(?:\u6cbb\u7597|\u5e72\u9884|\u672f|\u62a4\u7406)[\u524d\u540e]"
    r"|\u7b2c?\d{1,3}\s?(?:d|\u5929|\u5468|\u4e2a\u6708)[\u540e\u65f6\u672b]?)"
)
_CJK_COPULA_LAST = re.compile(r"[\u4e3a\u662f\u7684]$")


def _cjk_label(label: str) -> str:
    """Return a Chinese label without the time and arm it opens with and the copula it ends
    with, or '' for a comparison."""
    if _CJK_COMPARED.search(label):
        return ""
    # "结果 观察组腹痛缓解时间": a heading before it is no part of it either
    label = _CJK_ARM_FIRST.sub("", _CJK_TIME_FIRST.sub("", label.split()[-1]))
    return _CJK_COPULA_LAST.sub("", label)


_COMPARATIVE_WORDS = frozenset(
    "longer shorter higher lower greater smaller better worse significantly markedly".split()
)
# A predicate that says the arms' values were alike, after what they measure.
_NO_DIFFERENCE_TAIL = re.compile(
    r"(?i)\s(?:did\snot\s(?:differ|change)|differed|(?:was|were)\s(?:similar|comparable))"
    r"(?:\s(?:significantly|between\s(?:the\s)?(?:two\s)?(?:groups|arms)))?\s?$"
)
# A label after these says when the values were measured.
_WHEN_BEFORE_LABEL = frozenset("at by after during before until following within".split())
_WHEN_LABEL = re.compile(
    r"(?i)(?:the\s)?(?:\d{1,3}|[a-z]{3,12})[\s\-](?:day|week|month|year)s?"
    r"(?:[\s\-](?:follow[\s\-]?up|visit|assessment))?"
)
# "a total of 45", "a median of 12", "10 out of": before "of", not what a value measures.
_OF_WHAT_NOT = re.compile(
    r"(?i)total|median|mean|maximum|minimum|(?:[\d,.]{1,12}\s)?out|[\d,.]{1,12}|"
)
# What ends the subject of a copula, read backwards: "Mean adherence by capsule count was".
_SUBJECT_STOP = frozenset("and or but while whereas the a an than vs vs. versus with".split())


def _label_words(
    words: list[str], end: int, stops: frozenset[str] = _LABEL_STOP, most: int = 3
) -> tuple[list[str], str]:
    """Return the words of a label that ends before words[end], last first (at most ``most``,
    back to one of ``stops``), and the stop word that ended it ('' when none did)."""
    kept: list[str] = []
    for index in range(end - 1, -1, -1):
        word = words[index]
        if word.lower() in stops or len(kept) == most:
            # "correlated with surgical time, r(174) = -.31": a measure after all
            related = index and words[index - 1].lower() in {"correlated", "associated"}
            return kept, "" if related else word.lower()
        kept.append(word)
    return kept, ""


def _label_search_start(window: str) -> int:
    """Return where _LABEL_BEFORE can first match in ``window``: a label holds none of
    "(),;:[]", a bullet or a bar, and what follows it is at most four characters (blank,
    bracket, blank, a newline before $), so no match starts at or before such a character
    earlier than those four (a search from there finds the match a search from 0 finds, without
    the quadratic retries)."""
    return 1 + max(window.rfind(char, 0, max(0, len(window) - 4)) for char in "(),;:[]\u2022|")


def subgroup_of(text: str, start: int, sentence: tuple[int, int], terms: set[str]) -> str:
    """Return the subgroup named before ``start`` in its sentence ("in patients with moderate
    COVID-19" -> 'moderate'), or ''."""
    found = ""
    for match in _SUBGROUP.finditer(text, sentence[0], start):
        found = match.group("sg").lower()
    if found and (not terms or found in terms):
        return found
    return ""
