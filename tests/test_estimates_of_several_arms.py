"""Three arms' counts followed by one estimate per treated arm (The Lancet: "(low dose vs
placebo: odds ratio 1·76, 95% CI 1·17–2·66, p=0·0066; high dose vs placebo: 2·13, 1·41–3·21,
p=0·0003)"), and an interval after a comma followed by a p. Reference values computed in R 4.x
with metafor 3.8.1 escalc(measure = "OR") and chisq.test, beside each case."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_THREE_ARMS = (
    "Findings 600 participants were randomly assigned to low-dose drug Q (n=201), high-dose drug "
    "Q (n=200), or placebo (n=199). At week 24, a clinical response was achieved by 88 (43·8%) "
    "of 201 participants in the low-dose group, 97 (48·5%) of 200 in the high-dose group, and "
    "61 (30·7%) of 199 in the placebo group (low dose vs placebo: odds ratio 1·76, 95% CI "
    "1·17–2·66, p=0·0066; high dose vs placebo: {second}, 1·41–3·21, p=0·0003)."
)


def test_each_treated_arm_takes_its_estimate_in_order():
    extraction, _ = extract_and_check(_THREE_ARMS.format(second="2·13"))
    ratios = [(r["value"], r["arm"]) for r in extraction.statistics if r["kind"] == "ratio"]
    assert ratios == [
        (1.76, "low-dose drug Q vs placebo"),
        (2.13, "high-dose drug Q vs placebo"),
    ]


@pytest.mark.parametrize(
    ("second", "verdicts"),
    [
        # escalc("OR", ai=88, n1i=201, ci=61, n2i=199): 1.7618 (1.1687 to 2.6559), chisq p
        # 0.00662; escalc("OR", ai=97, n1i=200, ci=61, n2i=199): 2.1305 (1.4146 to 3.2088)
        ("2·13", ["consistent", "consistent"]),
        # a slip in the second estimate: its interval (printed right) holds it no longer
        ("2·43", ["consistent", "inconsistent"]),
    ],
)
def test_each_estimate_is_held_to_its_arms_counts(second, verdicts):
    _, checks = extract_and_check(_THREE_ARMS.format(second=second))
    by_value = [c for c in checks if c["check"] == "ratio_vs_counts"]
    assert [c["verdict"] for c in by_value] == verdicts
    assert by_value[0]["recomputed_value"] == pytest.approx(1.7618, abs=5e-5)
    intervals = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert [c["verdict"] for c in intervals] == ["consistent", "consistent"]
    assert intervals[1]["recomputed_low"] == pytest.approx(1.4146, abs=5e-5)
    p_values = [c["verdict"] for c in checks if c["check"] == "p_vs_counts"]
    assert p_values == ["consistent", "consistent"]


def test_estimates_not_one_per_arm_are_held_to_no_arm():
    # three estimates after two treated arms' counts: which arms each compares is not known,
    # so none is held to (the wrong) counts
    text = _THREE_ARMS.format(second="2·13").replace(
        "1·41–3·21,", "1·41–3·21; any dose vs placebo: 1·94, 1·35–2·80,"
    )
    _, checks = extract_and_check(text)
    held = {"ratio_vs_counts", "ci_vs_counts", "p_vs_counts"}
    assert [c for c in checks if c["check"] in held] == []


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("1.17–2.66", ("1.17", "2.66")),
        # a pair that does not hold the estimate is no interval of it (guard)
        ("2.17–2.66", ("", "")),
    ],
)
def test_an_interval_after_a_comma_may_be_followed_by_a_p(interval, expected):
    extraction, _ = extract_and_check(
        f"Response was higher with drug (odds ratio 1.76, {interval}, p=0.0066)."
    )
    [ratio] = [r for r in extraction.statistics if r["kind"] == "ratio"]
    assert (ratio["ci_low_text"], ratio["ci_high_text"]) == expected
