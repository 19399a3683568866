"""The benchmark's synthetic corpus: reproducible, abstract-sized, and its answer key right."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats
from scipy.stats.contingency import odds_ratio

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import score
import synthetic


@pytest.fixture(scope="module")
def corpus() -> list[synthetic.Document]:
    return list(synthetic.documents(400))


def test_documents_do_not_depend_on_the_corpus_size(corpus):
    assert [d.text for d in synthetic.documents(50)] == [d.text for d in corpus[:50]]
    assert synthetic.document(7).text == corpus[7].text
    assert synthetic.document(7, seed=1).text != corpus[7].text


def test_documents_are_abstract_sized(corpus):
    lengths = [len(d.text) for d in corpus]
    assert min(lengths) >= 650 and max(lengths) <= 3300
    short = sum(n < 1200 for n in lengths) / len(lengths)
    assert 0.25 < short < 0.55  # about four in ten short, the rest 2-3 KB


def test_every_category_is_planted_and_located(corpus):
    plants = [(d, p, s, e) for d in corpus for p, s, e in d.plants]
    assert {p.category for _, p, _, _ in plants} == set(synthetic.CATEGORIES)
    for doc, plant, start, end in plants:
        assert doc.text[start:end] == plant.sentence
        assert plant.planted_text and plant.planted_text in plant.sentence


def _plants(corpus, category):
    return [p for d in corpus for p, _, _ in d.plants if p.category == category]


def test_planted_percentages_are_far_from_their_counts(corpus):
    for plant in _plants(corpus, "percent_vs_count"):
        pct = float(plant.planted_text.rstrip("%"))
        cell = re.search(rf"(\d+)/(\d+) \({re.escape(plant.planted_text)}\)", plant.sentence)
        cell = cell or re.search(
            rf"{re.escape(plant.planted_text)} \((\d+)/(\d+)\)", plant.sentence
        )
        cell = cell or re.search(
            rf"(\d+) of (\d+) \({re.escape(plant.planted_text)}\)", plant.sentence
        )
        x, n = int(cell.group(1)), int(cell.group(2))
        assert abs(pct - 100 * x / n) >= 3.9


# Documents of the 100,000 corpus whose planted OR (generator version 1) equalled the OR with
# the arms reversed, and so was not an error under that reading (found by the 100k benchmark).
ONCE_AMBIGUOUS = [58125, 84073, 84655]


@pytest.mark.parametrize("reading", ["as printed", "arms reversed"])
def test_planted_odds_ratios_are_far_from_their_counts(corpus, reading):
    documents = corpus + [synthetic.document(i) for i in ONCE_AMBIGUOUS]
    plants = _plants(documents, "ratio_vs_counts")
    assert len(plants) >= 10
    for plant in plants:
        cells = re.findall(r"(\d+)/(\d+)|(\d+) of (\d+)", plant.sentence)
        (a, n1), (c, n2) = [(int(m[0] or m[2]), int(m[1] or m[3])) for m in cells]
        table = (
            [[a, n1 - a], [c, n2 - c]] if reading == "as printed" else [[c, n2 - c], [a, n1 - a]]
        )
        true = odds_ratio(table, kind="conditional").statistic
        printed = float(re.search(r"OR(?: = |: | )([\d.]+)", plant.planted_text).group(1))
        assert max(printed / true, true / printed) > 1.6, plant.sentence


def test_planted_test_p_values_contradict_their_statistic(corpus):
    for plant in _plants(corpus, "p_vs_test"):
        text = plant.planted_text
        value = float(re.search(r"= ([\d.]+),", text).group(1))
        if text.startswith("t("):
            p = 2 * stats.t.sf(value, int(re.search(r"t\((\d+)\)", text).group(1)))
        elif text.startswith("F("):
            p = stats.f.sf(value, 1, int(re.search(r"F\(1, (\d+)\)", text).group(1)))
        else:
            p = stats.chi2.sf(value, 1)
        printed = float("0" + re.search(r"p = (\.\d+)", text).group(1))
        assert abs(printed - p) > 0.05 or max(printed / p, p / printed) > 5


def test_planted_percentage_p_values_are_far_below_every_test_of_the_arms(corpus):
    """Every table whose percentages round to the printed ones, out of the arm sizes the
    methods give, has every standard two-sided p at least five times the printed one."""
    plants = [(d, p) for d in corpus for p, _, _ in d.plants if p.category == "p_vs_percentages"]
    assert len(plants) >= 10
    for doc, plant in plants:
        n1, n2 = map(int, re.findall(r"\(n = (\d+)\)", doc.text))
        pcts = re.findall(r"(\d+\.\d)%", plant.sentence)
        printed = float(re.search(r"p [=<] ([\d.]+)", plant.planted_text).group(1))
        for x1 in range(n1 + 1):
            if f"{100 * x1 / n1:.1f}" != pcts[0]:
                continue
            for x2 in range(n2 + 1):
                if f"{100 * x2 / n2:.1f}" != pcts[1]:
                    continue
                table = [[x1, n1 - x1], [x2, n2 - x2]]
                lowest = min(
                    stats.fisher_exact(table).pvalue,
                    stats.chi2_contingency(table, correction=False).pvalue,
                    stats.chi2_contingency(table, correction=True).pvalue,
                )
                assert lowest > 5 * printed, plant.sentence


def test_score_counts_found_missed_and_false_alarms():
    key = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "plant_id": [0, 1, 0],
            "category": ["percent_vs_count", "p_vs_test", "ratio_vs_counts"],
            "expected_check": ["percent_vs_count", "p_vs_test", "ratio_vs_counts"],
            "planted_text": ["x", "y", "z"],
            "sentence_start": [0, 100, 50],
            "sentence_end": [40, 140, 90],
        }
    )
    checks = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b"],
            "check": [
                "percent_vs_count",  # found, inside plant 0
                "p_vs_test_one_tailed",  # found: a variant of the expected check
                "percent_vs_count",  # false alarm: outside every planted sentence
                "ci_vs_counts",  # inside plant b0 but not the expected check: not found
                "percent_vs_count",  # consistent: neither found nor an alarm
            ],
            "verdict": ["inconsistent"] * 4 + ["consistent"],
            "span_start": [10, 120, 60, 55, 5],
        }
    )
    result = score.score(checks, key)
    assert (result["planted"], result["found"], result["false_alarms"]) == (3, 2, 1)
    assert result["by_category"] == {
        "p_vs_test": (1, 1),
        "percent_vs_count": (1, 1),
        "ratio_vs_counts": (0, 1),
    }
