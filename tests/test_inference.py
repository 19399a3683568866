"""Denominators implied by a p-value, arm sums and attrition scenarios."""

from __future__ import annotations

import pytest
from reference import rows

from trialaudit import inference, twobytwo

DENOMINATORS = rows("denominator_reference.csv")


@pytest.mark.parametrize(
    "row", DENOMINATORS, ids=lambda r: f"{r['a']:g}/{r['n1']:g} p~{r['p_low']}"
)
def test_fisher_denominators_match_r(row):
    a, n1, c = int(row["a"]), int(row["n1"]), int(row["c"])
    limit = inference.search_limit(n1, 2000)
    assert limit == int(row["upper"])
    fits = inference.denominators_from_p(a, n1, c, (row["p_low"], row["p_high"]), limit)
    cell = row["fisher_fits"]  # space-separated sizes; one size was parsed as a number
    if isinstance(cell, float):
        expected = [] if cell != cell else [int(cell)]
    else:
        expected = [int(v) for v in cell.split()]
    assert fits.get("Fisher exact", []) == expected


def test_doc000_placebo_group_size():
    """10/56 vs none, p = 0.013: only a placebo group of 30 fits Fisher's test."""
    fits = inference.denominators_from_p(10, 56, 0, (0.0125, 0.0135), 330)
    assert fits["Fisher exact"] == [30]


def test_missing_first_arm_is_searched_in_place():
    fits = inference.denominators_from_p(10, 56, 0, (0.0125, 0.0135), 330, missing_arm=1)
    assert fits["Fisher exact"] == [30]
    assert twobytwo.fisher_p(0, 30, 10, 56) == pytest.approx(0.0128362480355483)


@pytest.mark.parametrize(
    ("values", "text"),
    [([28, 29, 30, 35], "28-30, 35"), ([5], "5"), ([], ""), ([3, 1, 2, 2], "1-3")],
)
def test_compact(values, text):
    assert inference.compact(values) == text


def test_attrition_scenarios_doc001():
    """3-year follow-up: 23/49 vs 10/29 analysed of 65 vs 35 randomized."""
    scenarios = inference.attrition_scenarios(23, 49, 10, 29, 65, 35)
    tables = [(s.a, s.n1, s.c, s.n2) for s in scenarios]
    assert tables == [(23, 49, 10, 29), (39, 65, 10, 35), (23, 65, 16, 35)]
    ors = [s.measures()["OR"] for s in scenarios]
    assert ors[1] == pytest.approx(39 * 25 / (26 * 10))
    assert ors[2] == pytest.approx(23 * 19 / (42 * 16))


@pytest.mark.parametrize(
    ("args", "reason"),
    [((23, 49, 10, 29, 40, 35), "more patients analysed than randomized"),
     ((23, 49, 10, 29, 49, 29), "no patients lost"),
     ((23, 0, 10, 29, 49, 29), "an arm of size zero")],
)  # fmt: skip
def test_attrition_reasons(args, reason):
    assert inference.attrition_scenarios(*args) == reason


def test_arm_sums_group_by_sentence():
    base = {"kind": "arm_size", "sentence_start": 0, "sentence_end": 50}
    stats = [
        {**base, "stat_id": 1, "arm": "MSC", "value": 65.0},
        {**base, "stat_id": 2, "arm": "placebo", "value": 35.0},
        {**base, "stat_id": 3, "arm": "MSC", "value": 65.0},
        {**base, "stat_id": 4, "arm": "MSC", "value": 60.0, "sentence_start": 60},
    ]
    (only,) = inference.arm_sums(stats)
    assert only.sizes == (65, 35) and only.total == 100 and only.text == "65 + 35 = 100"
