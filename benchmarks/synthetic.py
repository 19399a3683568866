"""A synthetic corpus of trial abstracts with planted inconsistencies and their answer key.

Every document is generated from its own seeded random stream (``seed`` and its index), so
document ``i`` is the same whatever the corpus size: the corpus of 1,000 is a prefix of the
corpus of 10,000. Correct numbers come from scipy's implementations of the standard methods
(sample odds ratio with the Woolf interval, Katz risk-ratio interval, Pearson chi-square, t, F
and chi-square tail areas, normal-theory CIs); a planted error is an order of magnitude beyond
rounding and beyond the spread between standard methods, so no method can reproduce it; nor can
a different but legitimate reading of the same numbers (an odds ratio with the arms reversed).
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scipy import stats
from scipy.stats.contingency import odds_ratio, relative_risk

GENERATOR_VERSION = "3"
Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975)
PLANT_MARGIN = 1.8  # a planted ratio is at least this factor from every legitimate reading

# What a planted error is, and the check of checks.csv that must call it inconsistent.
CATEGORIES = {
    "percent_vs_count": "a percentage that does not match its count",
    "ratio_vs_counts": "an odds ratio (and its CI) that does not match its 2x2 counts",
    "ratio_vs_ci_midpoint": "a hazard ratio away from the centre of its CI on the log scale",
    "difference_vs_ci_midpoint": "a mean difference away from the centre of its CI",
    "p_vs_ci": "a p-value that contradicts the CI of its estimate",
    "p_vs_test": "a p-value that contradicts its APA-style test statistic",
    "p_vs_percentages": "a p-value far below what the arms' percentages and sizes give",
}
KEY_COLUMNS = [
    "doc_id",
    "plant_id",
    "category",
    "expected_check",
    "planted_text",
    "sentence_start",
    "sentence_end",
]

CONDITIONS = [
    ("severe COVID-19 pneumonia", "adults hospitalised with severe COVID-19 pneumonia"),
    ("community-acquired pneumonia", "adults admitted with community-acquired pneumonia"),
    ("septic shock", "patients in septic shock"),
    ("acute heart failure", "patients admitted with acute heart failure"),
    ("type 2 diabetes", "adults with poorly controlled type 2 diabetes"),
    ("major depressive disorder", "outpatients with major depressive disorder"),
    ("knee osteoarthritis", "older adults with symptomatic knee osteoarthritis"),
    ("acute ischaemic stroke", "patients with acute ischaemic stroke"),
    ("chronic low back pain", "adults with chronic low back pain"),
    ("ARDS", "ventilated patients with acute respiratory distress syndrome"),
]
INTERVENTIONS = [
    "tocilizumab",
    "dexamethasone",
    "mesenchymal stem cells",
    "empagliflozin",
    "esketamine",
    "physiotherapy",
    "vitamin D",
    "tenecteplase",
    "acupuncture",
    "hydrocortisone",
    "colchicine",
    "digital coaching",
]
CONTROLS = ["placebo", "usual care", "standard of care", "control"]
BINARY_OUTCOMES = [
    ("Death at day 28", "deaths"),
    ("Clinical improvement at day 14", "improvement"),
    ("Readmission within 90 days", "readmissions"),
    ("Mechanical ventilation", "ventilation"),
    ("Remission at week 8", "remission"),
    ("Treatment response at 6 months", "response"),
    ("Serious adverse events", "adverse events"),
]
SCORES = [
    ("pain score", "points"),
    ("quality-of-life score", "points"),
    ("length of stay", "days"),
    ("depression score", "points"),
    ("6-minute walking distance", "m"),
    ("HbA1c", "%"),
]
BACKGROUND = [
    "Whether {intervention} improves outcomes in {condition} remains uncertain, and previous "
    "trials were small and heterogeneous.",
    "Observational studies suggested a benefit of {intervention} in {condition}, but "
    "randomised evidence is limited.",
    "Current guidelines make no firm recommendation on {intervention} for {condition} because "
    "high-quality evidence is lacking.",
    "The burden of {condition} on patients and health systems is substantial and few "
    "treatments change its course.",
]
METHODS_EXTRA = [
    "Randomisation was stratified by centre and by age, and outcome assessors were masked to "
    "the allocation.",
    "The trial was conducted at university and district hospitals, and an independent data "
    "monitoring committee reviewed safety data throughout the trial.",
    "Analyses followed the intention-to-treat principle and missing outcomes were handled by "
    "multiple imputation.",
    "Allocation was concealed using a central web-based system and participants, clinicians "
    "and investigators were unaware of the assigned treatment.",
]
RESULTS_EXTRA = [
    "Adverse events were mostly mild and occurred at similar rates in both groups.",
    "Results were consistent across prespecified subgroups defined by age, sex and severity.",
    "Sensitivity analyses excluding participants with protocol deviations gave similar results.",
    "Adherence to the allocated treatment was high and did not differ between the groups.",
    "No unexpected safety signals were identified during the follow-up period.",
    "Secondary outcomes generally favoured the intervention but were not adjusted for "
    "multiplicity and should be considered exploratory.",
]
CONCLUSIONS = [
    "In {condition}, {intervention} was well tolerated; larger trials should confirm these "
    "findings before practice changes.",
    "These results support further evaluation of {intervention} in a definitive trial with "
    "longer follow-up.",
    "{Intervention} did not clearly change the primary outcome, and its secondary effects "
    "should be interpreted with caution.",
    "The findings add to the evidence on {intervention} and should inform updated guidelines "
    "for {condition}.",
]
DESIGNS = [
    "randomised, double-blind, placebo-controlled",
    "multicentre, open-label, randomised",
    "pragmatic, parallel-group, randomised",
    "randomized controlled",
]


@dataclass
class Plant:
    """One planted inconsistency: its category and where its sentence lies."""

    category: str
    planted_text: str
    sentence: str


@dataclass
class Document:
    """A generated document: its text and what was planted in it."""

    doc_id: str
    text: str
    plants: list[tuple[Plant, int, int]] = field(default_factory=list)


def fmt(value: float, decimals: int) -> str:
    """Format a number with a fixed number of decimals (no negative zero)."""
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def fmt_p(p: float, style: str) -> str:
    """Format a p-value as abstracts print it: 'p = 0.032', 'p = .032' (APA) or 'p < 0.001'."""
    if p < 0.001:
        return "p < .001" if style == "apa" else "p < 0.001"
    text = fmt(p, 3)
    return f"p = {text[1:] if style == 'apa' else text}"


def _wrong_p(p: float, rng: random.Random) -> str:
    """Return a printed p-value far from ``p`` (across the 0.05 line when possible)."""
    if p < 0.01:
        return f"p = 0.{rng.randint(21, 64)}"
    if p > 0.1:
        return rng.choice(["p < 0.001", f"p = 0.00{rng.randint(2, 4)}"])
    return f"p = 0.{rng.randint(41, 79)}"


class Writer:
    """Builds one document sentence by sentence, recording where planted sentences lie."""

    def __init__(self, doc_id: str) -> None:
        self.doc = Document(doc_id, "")
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str, plant: Plant | None = None, sep: str = " ") -> None:
        if self.parts:
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        if plant is not None:
            self.doc.plants.append((plant, start, self.length))

    def finish(self) -> Document:
        self.doc.text = "".join(self.parts) + "\n"
        return self.doc


def _counts(rng: random.Random, n1: int, n2: int) -> tuple[int, int]:
    """Return event counts with every cell of the 2x2 table at least 5."""
    while True:
        p1, p2 = rng.uniform(0.08, 0.6), rng.uniform(0.08, 0.6)
        a, c = round(n1 * p1), round(n2 * p2)
        if min(a, n1 - a, c, n2 - c) >= 5:
            return a, c


def _count_text(x: int, n: int, pct: str, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{x}/{n} ({pct}%)"
    if style == 1:
        return f"{pct}% ({x}/{n})"
    return f"{x} of {n} ({pct}%)"


def _near_inverse(planted: float, estimate: float) -> bool:
    """Whether a planted ratio lies within a factor ``PLANT_MARGIN`` of ``1 / estimate``: the
    same counts read with the arms (or events and non-events) the other way round give it, so a
    checker that allows that reading rightly accepts it."""
    return abs(math.log(planted * estimate)) < math.log(PLANT_MARGIN)


def binary_sentence(ctx: dict, rng: random.Random, plant: str | None) -> tuple[str, str]:
    """A binary outcome: counts with percentages per arm, OR or RR with CI, and a p-value.

    Returns the sentence and the text of the planted statistic (empty when nothing planted)."""
    n1, n2 = ctx["n1"], ctx["n2"]
    a, c = _counts(rng, n1, n2)
    pct1, pct2 = fmt(100 * a / n1, 1), fmt(100 * c / n2, 1)
    planted = ""
    if plant == "percent_vs_count":
        shift = rng.choice([-1, 1]) * rng.uniform(4, 12)
        wrong = 100 * a / n1 + shift
        if not 1 < wrong < 99:
            wrong = 100 * a / n1 - shift
        pct1 = fmt(wrong, 1)
    measure = rng.choice(["OR", "OR", "RR"]) if plant != "ratio_vs_counts" else "OR"
    table = [[a, n1 - a], [c, n2 - c]]
    if measure == "OR":
        result = odds_ratio(table, kind="sample")
        est, ci = float(result.statistic), result.confidence_interval(0.95)
    else:
        result = relative_risk(a, n1, c, n2)
        est, ci = float(result.relative_risk), result.confidence_interval(0.95)
    lo, hi = float(ci.low), float(ci.high)
    if plant == "ratio_vs_counts":
        k = rng.uniform(1.8, 2.6)
        k = k if est * k < 8 and rng.random() < 0.5 else 1 / k
        if _near_inverse(est * k, est):
            k = 1 / k  # now more than k**2 / PLANT_MARGIN > PLANT_MARGIN away from 1 / est
        est, lo, hi = est * k, lo * k, hi * k
    p = float(stats.chi2_contingency(table, correction=False).pvalue)
    outcome = ctx["binary"][0]
    arm1, arm2 = ctx["arm1"], ctx["arm2"]
    cell1 = _count_text(a, n1, pct1, rng)
    cell2 = _count_text(c, n2, pct2, rng)
    if plant == "percent_vs_count":
        planted = f"{pct1}%"
    sep = rng.choice([" = ", " ", ": "])
    ratio = f"{measure}{sep}{fmt(est, 2)}, 95% CI: {fmt(lo, 2)}-{fmt(hi, 2)}"
    if plant == "ratio_vs_counts":
        planted = ratio
        tail = f"({ratio})"
    else:
        tail = f"({ratio}; {fmt_p(p, 'plain')})"
    sentence = (
        f"{outcome} occurred in {cell1} patients in the {arm1} group and {cell2} in the "
        f"{arm2} group {tail}."
    )
    return sentence, planted


def hazard_sentence(ctx: dict, rng: random.Random, plant: str | None) -> tuple[str, str]:
    """A hazard ratio with its CI (and p), as survival analyses print it."""
    log_hr = rng.gauss(-0.25, 0.3)
    se = rng.uniform(0.08, 0.3)
    lo, hi = math.exp(log_hr - Z95 * se), math.exp(log_hr + Z95 * se)
    est = math.exp(log_hr)
    p = float(2 * stats.norm.sf(abs(log_hr / se)))
    planted = ""
    label = rng.choice(["time to recovery", "overall survival", "time to discharge"])
    if plant == "ratio_vs_ci_midpoint":
        # Off centre by more than a third of the log-scale half-width, still inside the CI.
        est = math.exp(log_hr + rng.choice([-1, 1]) * rng.uniform(0.45, 0.7) * Z95 * se)
        ratio = f"HR {fmt(est, 2)}, 95% CI {fmt(lo, 2)}-{fmt(hi, 2)}"
        planted = ratio
        return f"For {label}, the {ctx['arm1']} group fared differently ({ratio}).", planted
    p_text = fmt_p(p, "plain")
    if plant == "p_vs_ci":
        p_text = _wrong_p(p, rng)
        planted = p_text
    ratio = f"HR {fmt(est, 2)}, 95% CI {fmt(lo, 2)}-{fmt(hi, 2)}; {p_text}"
    return f"For {label}, the {ctx['arm1']} group fared differently ({ratio}).", planted


def difference_sentence(ctx: dict, rng: random.Random, plant: str | None) -> tuple[str, str]:
    """A mean difference in a continuous score with its CI and p-value."""
    score, unit = ctx["score"]
    scale = {"points": 6.0, "days": 2.5, "m": 40.0, "%": 0.6}[unit]
    decimals = 0 if unit == "m" else 1 if unit != "%" else 2
    se = scale * rng.uniform(0.25, 0.8)
    diff = rng.gauss(-0.6, 1.2) * scale
    lo_v, hi_v = diff - Z95 * se, diff + Z95 * se
    lo, hi = round(lo_v, decimals), round(hi_v, decimals)
    est_text = fmt(diff, decimals)
    p = float(2 * stats.norm.sf(abs(diff / se)))
    planted = ""
    unit_text = {"points": " points", "days": " days", "m": " m", "%": "%"}[unit]
    if plant == "difference_vs_ci_midpoint":
        offset = rng.choice([-1, 1]) * rng.uniform(0.4, 0.7) * (hi - lo) / 2
        est_text = fmt((lo + hi) / 2 + offset, decimals)
    p_text = fmt_p(p, "plain")
    if plant == "p_vs_ci":
        p_text = _wrong_p(p, rng)
        planted = p_text
    body = f"{est_text}{unit_text} (95% CI {fmt(lo, decimals)} to {fmt(hi, decimals)}; {p_text})"
    if plant == "difference_vs_ci_midpoint":
        body = f"{est_text}{unit_text} (95% CI {fmt(lo, decimals)} to {fmt(hi, decimals)})"
        planted = f"mean difference in {score} was {body[:-1]}"
    return f"The mean difference in {score} was {body}.", planted


def test_sentence(ctx: dict, rng: random.Random, plant: str | None) -> tuple[str, str]:
    """An APA-style test (t, F or chi-square) with its p-value, as statcheck reads them."""
    n = ctx["n1"] + ctx["n2"]
    kind = rng.choice(["t", "t", "F", "chi2"])
    value = round(rng.uniform(0.4, 4.2), 2)
    if kind == "t":
        df = n - 2
        test = f"t({df}) = {value:.2f}"
        p = float(2 * stats.t.sf(value, df))
    elif kind == "F":
        value = round(value**2, 2)
        test = f"F(1, {n - 2}) = {value:.2f}"
        p = float(stats.f.sf(value, 1, n - 2))
    else:
        value = round(value**2, 2)
        test = f"χ2(1, N = {n}) = {value:.2f}"
        p = float(stats.chi2.sf(value, 1))
    p_text = fmt_p(p, "apa")
    planted = ""
    if plant == "p_vs_test":
        if p < 0.01:
            p_text = f"p = .{rng.randint(21, 64)}"
        elif p > 0.1:
            p_text = f"p = .00{rng.randint(2, 4)}"
        else:
            p_text = f"p = .{rng.randint(41, 79)}"
        planted = f"{test}, {p_text}"
    score = ctx["score"][0]
    sentence = (
        f"The {score} differed between the {ctx['arm1']} and {ctx['arm2']} groups "
        f"({test}, {p_text})."
    )
    return sentence, planted


def percentages_sentence(ctx: dict, rng: random.Random, plant: str | None) -> tuple[str, str]:
    """Percentages per arm and a p-value, no counts (the arms' sizes are in the methods).

    The p is Pearson's chi-square of the counts; a planted p is a tenth of it or less, below
    every test of any table whose percentages round to the printed ones."""
    n1, n2 = ctx["n1"], ctx["n2"]
    while True:
        a, c = _counts(rng, n1, n2)
        p = float(stats.chi2_contingency([[a, n1 - a], [c, n2 - c]], correction=False).pvalue)
        if plant != "p_vs_percentages" or p >= 0.03:
            break
    p_text, planted = fmt_p(p, "plain"), ""
    if plant == "p_vs_percentages":
        p_text = fmt_p(p / rng.uniform(10, 30), "plain")
        planted = p_text
    outcome = rng.choice(BINARY_OUTCOMES)[0]
    pct1, pct2 = fmt(100 * a / n1, 1), fmt(100 * c / n2, 1)
    arm1, arm2 = ctx["arm1"], ctx["arm2"]
    if rng.random() < 0.5:
        sentence = (
            f"{outcome} was reported in {pct1}% of the {arm1} group and {pct2}% of the {arm2} "
            f"group ({p_text})."
        )
    else:
        sentence = f"{outcome}: {pct1}% with {arm1} vs {pct2}% with {arm2} ({p_text})."
    return sentence, planted


def median_sentence(ctx: dict, rng: random.Random) -> str:
    """Medians with interquartile ranges per arm (read, not re-analysed)."""
    m1 = rng.randint(5, 20)
    m2 = m1 + rng.randint(-3, 4)
    q = [m1 - rng.randint(1, 4), m1 + rng.randint(2, 6), m2 - rng.randint(1, 4), m2 + 3]
    return (
        f"Median time to recovery was {m1} ({q[0]}-{q[1]}) days with {ctx['arm1']} and "
        f"{m2} ({q[2]}-{q[3]}) days with {ctx['arm2']}."
    )


SENTENCES = {
    "binary": binary_sentence,
    "hazard": hazard_sentence,
    "difference": difference_sentence,
    "test": test_sentence,
    "percentages": percentages_sentence,
}
PLANT_SENTENCE = {
    "percent_vs_count": "binary",
    "ratio_vs_counts": "binary",
    "ratio_vs_ci_midpoint": "hazard",
    "difference_vs_ci_midpoint": "difference",
    "p_vs_ci": "hazard",
    "p_vs_test": "test",
    "p_vs_percentages": "percentages",
}


def _fillers(rng: random.Random, fill: dict) -> dict[str, list[str]]:
    """Return the number-free sentences each section may be padded with, shuffled."""
    pools = {
        "background": [t.format(**fill) for t in BACKGROUND],
        "methods": list(METHODS_EXTRA),
        "results": list(RESULTS_EXTRA),
        "conclusions": [t.format(**fill) for t in CONCLUSIONS],
    }
    for pool in pools.values():
        rng.shuffle(pool)
    return pools


def document(index: int, seed: int = 2024, plant_rate: float = 0.12) -> Document:
    """Return synthetic document number ``index`` (deterministic in ``seed`` and ``index``).

    Four in ten are short (about 700-1,000 characters, two or three results), the others long
    (about 2,000-3,000 characters, five results and more context)."""
    rng = random.Random(f"{seed}:{index}")
    doc_id = f"syn{index:06d}"
    condition, population = rng.choice(CONDITIONS)
    intervention = rng.choice(INTERVENTIONS)
    control = rng.choice(CONTROLS)
    n1, n2 = rng.randint(30, 400), rng.randint(30, 400)
    ctx = {
        "n1": n1,
        "n2": n2,
        "arm1": intervention,
        "arm2": control,
        "binary": rng.choice(BINARY_OUTCOMES),
        "score": rng.choice(SCORES),
    }
    fill = {
        "intervention": intervention,
        "Intervention": intervention[0].upper() + intervention[1:],
        "condition": condition,
    }
    long_form = rng.random() < 0.6
    target = rng.uniform(2000, 3000) if long_form else rng.uniform(700, 1000)
    kinds = ["binary", "test"]
    if long_form:
        kinds += rng.sample(["hazard", "difference", "binary", "test", "median", "percentages"], 3)
    elif rng.random() < 0.5:
        kinds.append(rng.choice(["hazard", "difference", "median", "percentages"]))
    plants: dict[str, str] = {}
    if rng.random() < plant_rate:
        category = rng.choice(list(CATEGORIES))
        home = PLANT_SENTENCE[category]
        if home not in kinds:
            kinds[-1] = home
        plants[home] = category
    results: list[tuple[str, Plant | None]] = []
    for kind in kinds:
        if kind == "median":
            results.append((median_sentence(ctx, rng), None))
            continue
        category = plants.pop(kind, None)
        if kind == "binary" and results:
            ctx["binary"] = rng.choice(BINARY_OUTCOMES)
        sentence, planted = SENTENCES[kind](ctx, rng, category)
        results.append((sentence, Plant(category, planted, sentence) if category else None))
    registration = f"NCT0{rng.randint(1000000, 6999999)}"
    sections = {
        "title": [
            f"{fill['Intervention']} versus {control} in {condition}: a {rng.choice(DESIGNS)} trial"
        ],
        "background": [],
        "methods": [
            f"We randomly assigned {n1 + n2} {population} to {intervention} (n = {n1}) "
            f"or {control} (n = {n2}) ({registration})."
        ],
        "results": [],
        "conclusions": [],
    }
    pools = _fillers(rng, fill)
    sections["background"].append(pools["background"].pop())
    sections["conclusions"].append(pools["conclusions"].pop())
    length = sum(len(s) + 1 for part in sections.values() for s in part)
    length += sum(len(s) + 1 for s, _ in results)
    order = ["background", "methods", "results", "conclusions"]
    turn = 0
    while length < target and any(pools.values()):
        name = order[turn % len(order)]
        turn += 1
        if pools[name]:
            sentence = pools[name].pop()
            sections[name].append(sentence)
            length += len(sentence) + 1
    w = Writer(doc_id)
    w.add(sections["title"][0])
    for name, label in (("background", "Background: "), ("methods", "Methods: ")):
        for position, sentence in enumerate(sections[name]):
            w.add(label + sentence if position == 0 else sentence, sep=" " if position else "\n\n")
    for position, (sentence, plant) in enumerate(results):
        w.add(sentence, plant, sep=" " if position else "\n\nResults: ")
    for sentence in sections["results"]:
        w.add(sentence)
    for position, sentence in enumerate(sections["conclusions"]):
        w.add(
            "Conclusions: " + sentence if position == 0 else sentence,
            sep=" " if position else "\n\n",
        )
    return w.finish()


def documents(n: int, seed: int = 2024) -> Iterator[Document]:
    """Yield the first ``n`` documents of the corpus with this seed."""
    for index in range(n):
        yield document(index, seed)


def write_corpus(n: int, raw_dir: Path, key_path: Path, seed: int = 2024) -> dict:
    """Write ``n`` documents as UTF-8 files into ``raw_dir`` and the answer key as CSV; return
    the corpus's size figures."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    key_path.parent.mkdir(parents=True, exist_ok=True)
    total_chars = 0
    n_plants = 0
    with key_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(KEY_COLUMNS)
        for doc in documents(n, seed):
            (raw_dir / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
            total_chars += len(doc.text)
            for plant_id, (plant, start, end) in enumerate(doc.plants):
                expected = plant.category
                writer.writerow(
                    [doc.doc_id, plant_id, plant.category, expected, plant.planted_text, start, end]
                )
                n_plants += 1
    return {"documents": n, "characters": total_chars, "plants": n_plants}
