"""An estimate that opens the sentence after two arms' counts ("Mortality at day 28 was 10 of
101 (9.9%) in the MSC group and 18 of 99 (18.2%) in the placebo group. The risk ratio was 0.54
(95% CI 0.26 to 1.12; P = 0.09).") is the counts' estimate: it, its CI and its p are held to
the 2x2 table, not only to the printed percentages.

Reference values, R 4.x, metafor 3.8.1: escalc("RR", ai = 10, n1i = 101, ci = 18, n2i = 99):
RR 0.5445545, 95% CI 0.2646363 to 1.1205553; escalc("OR", ...): OR 0.4945055, 0.2158499 to
1.1328969; m <- matrix(c(10, 91, 18, 81), 2, byrow = TRUE); chisq.test(m, correct =
FALSE)$p.value 0.09152216."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_COUNTS = (
    "Mortality at day 28 was 10 of 101 (9.9%) in the MSC group and 18 of 99 (18.2%) in the "
    "placebo group."
)


def _checks(text: str) -> dict[str, dict]:
    _, checks = extract_and_check(text)
    return {c["check"]: c for c in checks if c["check"] != "percent_vs_count"}


@pytest.mark.parametrize(
    ("estimate", "value", "low", "high"),
    [
        (
            "The risk ratio was 0.54 (95% CI 0.26 to 1.12; P = 0.09).",
            0.5445545,
            0.2646363,
            1.1205553,
        ),
        (
            "The odds ratio was 0.49 (95% CI 0.22 to 1.13), P = 0.09.",
            0.4945055,
            0.2158499,
            1.1328969,
        ),
    ],
)
def test_the_estimate_opening_the_next_sentence_is_held_to_the_counts(estimate, value, low, high):
    found = _checks(f"{_COUNTS} {estimate}")
    assert found["ratio_vs_counts"]["verdict"] == "consistent"
    assert found["ratio_vs_counts"]["recomputed_value"] == pytest.approx(value, rel=1e-6)
    assert found["ci_vs_counts"]["verdict"] == "consistent"
    assert (found["ci_vs_counts"]["recomputed_low"], found["ci_vs_counts"]["recomputed_high"]) == (
        pytest.approx(low, rel=1e-6),
        pytest.approx(high, rel=1e-6),
    )
    assert found["p_vs_counts"]["verdict"] == "consistent"
    assert "ratio_vs_percentages" not in found


def test_a_slip_in_its_interval_is_found():
    # 1.11 is not 1.1206 to two decimals; the percentages alone could not tell
    found = _checks(f"{_COUNTS} The risk ratio was 0.54 (95% CI 0.26 to 1.11; P = 0.09).")
    assert found["ci_vs_counts"]["verdict"] == "inconsistent"


@pytest.mark.parametrize(
    "estimate",
    [
        # a hazard ratio is no estimate of the counts
        "The hazard ratio was 0.52 (95% CI 0.24 to 1.13; P = 0.10).",
        # a sentence with values of its own reports its own comparison
        "The risk ratio of hospitalisation, 12.9% vs 20.2%, was 0.64 (95% CI 0.33 to 1.24).",
        # an estimate that does not open its sentence is not said to be of the counts before
        "In a sensitivity analysis that imputed missing outcomes, the risk ratio was 0.41 (95% CI "
        "0.19 to 0.88).",
    ],
)
def test_other_estimates_in_the_next_sentence_are_not_the_counts(estimate):  # guard
    found = _checks(f"{_COUNTS} {estimate}")
    assert "ratio_vs_counts" not in found and "ci_vs_counts" not in found


# Two doses against one placebo, the next sentence listing one difference for each, in order.
# R 4.x, metafor 3.8.1: escalc("RD", ai = 46, n1i = 120, ci = 19, n2i = 119): 100 yi 22.36695,
# Wald limits 11.45891 to 33.27498; escalc("RD", ai = 58, n1i = 121, ci = 19, n2i = 119):
# 31.96750, 20.89747 to 43.03753.
_DOSES = (
    "Response at week 12 was achieved by 46 of 120 patients (38.3%) treated with upadacitinib "
    "15 mg, 58 of 121 (47.9%) treated with upadacitinib 30 mg, and 19 of 119 (16.0%) receiving "
    "placebo. The differences versus placebo were 22.4 percentage points (95% CI 11.5 to 33.3) "
    "and 32.0 percentage points (95% CI 20.9 to {high}), respectively."
)


@pytest.mark.parametrize(("high", "verdict"), [("43.0", "consistent"), ("45.0", "inconsistent")])
def test_differences_listed_in_the_next_sentence_are_each_comparisons(high, verdict):
    extraction, checks = extract_and_check(_DOSES.format(high=high))
    linked = [
        (c["arm_1"], c["arm_2"], c["effect_stat_id"] is not None) for c in extraction.comparisons
    ]
    assert linked == [
        ("upadacitinib 15 mg", "placebo", True),
        ("upadacitinib 30 mg", "placebo", True),
    ]
    intervals = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert [(c["reported"], c["verdict"]) for c in intervals] == [
        ("11.5 to 33.3", "consistent"),
        (f"20.9 to {high}", verdict),
    ]
    assert intervals[0]["recomputed_low"] == pytest.approx(11.45891, abs=1e-5)


def test_fewer_estimates_than_comparisons_are_not_dealt_out():  # guard
    text = _DOSES.format(high="43.0").replace(
        " and 32.0 percentage points (95% CI 20.9 to 43.0), respectively", ""
    )
    extraction, _ = extract_and_check(text)
    linked = [c["effect_stat_id"] is not None for c in extraction.comparisons if c["arm_1"]]
    assert linked == [False, False]


def test_a_next_sentence_that_names_the_arms_is_not_dealt_out_in_order():  # guard
    # the comparisons are high dose vs placebo and low dose vs placebo; the sentence after
    # compares high dose with low dose first, then with placebo
    text = (
        "Patients were randomised to high dose (n=120), low dose (n=118) or placebo (n=60). "
        "Remission at week 8 occurred in 50/120 (41.7%) with high dose, 35/118 (29.7%) with low "
        "dose and 12/60 (20.0%) with placebo. High dose was superior to low dose (OR 1.69, 95% CI "
        "0.99 to 2.88) and to placebo (OR 2.86, 95% CI 1.37 to 5.95)."
    )
    extraction, _ = extract_and_check(text)
    ratios = {s["stat_id"]: s["value_text"] for s in extraction.statistics if s["kind"] == "ratio"}
    linked = {
        (c["arm_1"], c["arm_2"]): ratios.get(c["effect_stat_id"])
        for c in extraction.comparisons
        if c["events_1"] is not None
    }
    assert linked == {("high dose", "placebo"): "2.86", ("low dose", "placebo"): None}
