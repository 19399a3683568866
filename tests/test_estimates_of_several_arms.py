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


# A risk ratio and a risk difference per treated arm, after three arms' counts listed with their
# arms "respectively". R 4.x, metafor 3.8.1: escalc("RR" / "RD", ai = c(52, 43), n1i = c(188,
# 190), ci = c(74, 74), n2i = c(191, 191)): RR 0.7139160 (0.5331518 to 0.9559681) and
# 0.5841394 (0.4251597 to 0.8025663); RD -11.08388% (-20.49757 to -1.670193) and -16.11188%
# (-25.22966 to -6.994097).
_TWO_MEASURES = (
    "Relapse occurred in 52 of 188 (27.7%), 43 of 190 (22.6%) and 74 of 191 (38.7%) patients "
    "{arms}, respectively (low dose vs placebo: RR 0.71, 95% CI 0.53 to 0.96; RD {first_rd}%, "
    "−20.5 to −1.7; high dose vs placebo: RR 0.58, 0.43 to 0.80; RD −16.1%, −25.2 to −7.0)."
)
_LISTS_OF_THREE = [
    ("in the low-dose, high-dose and placebo groups", ["low-dose", "high-dose", "placebo"]),
    ("receiving the low dose, the high dose and placebo", ["low dose", "high dose", "placebo"]),
    ("in the low dose, high dose, or placebo arms", ["low dose", "high dose", "placebo"]),
]


@pytest.mark.parametrize(("arms", "labels"), _LISTS_OF_THREE)
def test_counts_take_three_arms_listed_respectively(arms, labels):
    extraction, _ = extract_and_check(_TWO_MEASURES.format(arms=arms, first_rd="−11.1"))
    counts = [r["arm"] for r in extraction.statistics if r["kind"] == "count"]
    assert counts == labels


def test_a_list_of_arms_longer_than_the_values_names_none():  # guard
    text = (
        "Relapse occurred in 52 of 188 (27.7%) and 74 of 191 (38.7%) patients in the low-dose, "
        "high-dose and placebo groups, respectively."
    )
    extraction, _ = extract_and_check(text)
    assert [r["arm"] for r in extraction.statistics if r["kind"] == "count"] == ["", ""]


@pytest.mark.parametrize(("arms", "labels"), _LISTS_OF_THREE[:2])
def test_an_estimate_and_its_second_measure_per_arm_are_held_to_its_counts(arms, labels):
    _, checks = extract_and_check(_TWO_MEASURES.format(arms=arms, first_rd="−11.1"))
    ratios = [c for c in checks if c["check"] == "ratio_vs_counts"]
    differences = [c for c in checks if c["check"] == "difference_vs_counts"]
    intervals = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert [c["recomputed_value"] for c in ratios] == pytest.approx([0.7139160, 0.5841394])
    assert [c["recomputed_value"] for c in differences] == pytest.approx(
        [-11.08388, -16.11188], abs=5e-5
    )
    assert [(c["recomputed_low"], c["recomputed_high"]) for c in intervals] == [
        pytest.approx((0.5331518, 0.9559681)),
        pytest.approx((-20.49757, -1.670193), abs=5e-5),
        pytest.approx((0.4251597, 0.8025663)),
        pytest.approx((-25.22966, -6.994097), abs=5e-5),
    ]
    assert {c["verdict"] for c in ratios + differences + intervals} == {"consistent"}


def test_a_slip_in_one_arms_second_measure_is_found_there():
    # -13.1 is not -11.08 over its rounding; the high dose's -16.1 stays consistent
    _, checks = extract_and_check(
        _TWO_MEASURES.format(arms=_LISTS_OF_THREE[0][0], first_rd="−13.1")
    )
    differences = [c["verdict"] for c in checks if c["check"] == "difference_vs_counts"]
    assert differences == ["inconsistent", "consistent"]


def test_measures_in_another_order_per_arm_are_held_to_no_arm():  # guard
    # RR, RD for the low dose but RD, RR for the high dose: not one pattern per arm
    text = _TWO_MEASURES.format(arms=_LISTS_OF_THREE[0][0], first_rd="−11.1").replace(
        "RR 0.58, 0.43 to 0.80; RD −16.1%, −25.2 to −7.0",
        "RD −16.1%, −25.2 to −7.0; RR 0.58, 0.43 to 0.80",
    )
    _, checks = extract_and_check(text)
    held = {"ratio_vs_counts", "difference_vs_counts", "ci_vs_counts"}
    assert [c for c in checks if c["check"] in held] == []


def test_an_estimate_without_counts_says_the_counts_are_missing():
    # the risk differences compare named arms in a sentence that counts no one: the reason is
    # the counts, not one arm's denominator
    text = (
        "Compared with placebo, the risk of relapse was lower with the low dose (RD −11.1%, "
        "−20.5 to −1.7)."
    )
    _, checks = extract_and_check(text)
    (row,) = [c for c in checks if c["check"] == "difference_vs_counts"]
    assert (row["verdict"], row["note"]) == (
        "not_checkable",
        "the arms' counts are not reported with it",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Fractures occurred in 12 (4.0%), 15 (5.0%) and 9 (3.0%) patients in the knee, hip and "
        "ankle, respectively.",
        "Mean pain scores were 3.1 (SD 1.2), 4.2 (SD 1.4) and 5.0 (SD 1.1) for the knee, hip and "
        "ankle, respectively.",
    ],
)
def test_a_list_of_sites_said_respectively_names_no_arms(sentence):
    extraction, _ = extract_and_check(sentence)
    values = [r for r in extraction.statistics if r["kind"] in ("count", "mean")]
    assert len(values) == 3
    assert [r["arm"] for r in values] == ["", "", ""]


def test_a_list_of_arms_the_methods_allocated_to_names_the_values():  # guard
    text = (
        "We randomly assigned 569 adults to ketamine, midazolam or propofol. Relapse occurred in "
        "52 of 188 (27.7%), 43 of 190 (22.6%) and 74 of 191 (38.7%) patients with ketamine, "
        "midazolam and propofol, respectively."
    )
    extraction, _ = extract_and_check(text)
    counts = [r["arm"] for r in extraction.statistics if r["kind"] == "count"]
    assert counts == ["ketamine", "midazolam", "propofol"]
