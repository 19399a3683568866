"""Absolute effects of a GRADE summary of findings: read, attributed and checked against the
comparator's risk and the relative effect."""

from __future__ import annotations

import math

import pytest
import scipy.special
import scipy.stats
from extraction_helpers import checks_named, of_kind, one, one_check

from trialaudit.absolute_effects import implied_ranges, risk_with_intervention

SUMMARY_OF_FINDINGS = (
    "Summary of findings 1. Early walking compared with usual care (1 RCT; 312 participants)\n"
    "Walking unaided at 30 days: 71/156 with early walking vs 49/156 with usual care; RR 1.45 "
    "(95% CI 1.09 to 1.93). Anticipated absolute effects: 314 per 1000 with usual care; 455 per "
    "1000 with early walking (341 to 607), that is 141 more per 1000 (27 more to 293 more).\n"
    "Delirium: RR 0.68 (95% CI 0.42 to 1.09); 218 per 1000 vs 147 per 1000 (91 to 238); 71 "
    "fewer per 1000 (127 fewer to 20 more).\n"
)


@pytest.mark.parametrize(
    ("assumed", "ratio"), [(0.314, 1.45), (0.218, 0.68), (0.05, 3.2), (0.9, 0.4)]
)
def test_risk_from_an_odds_ratio_is_the_risk_of_the_multiplied_odds(assumed, ratio):
    # reference: the logit scale, scipy.special.expit(logit(p) + log(OR))
    expected = scipy.special.expit(scipy.special.logit(assumed) + math.log(ratio))
    assert risk_with_intervention(assumed, ratio, "OR") == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("assumed", "ratio"), [(0.314, 0.7), (0.071, 1.92), (0.6, 0.35)])
def test_risk_from_a_hazard_ratio_is_that_of_proportional_exponential_hazards(assumed, ratio):
    # reference: scipy.stats.expon over one unit of follow-up, hazard -log(1 - p) times the HR
    hazard = -math.log(1 - assumed)
    expected = scipy.stats.expon.cdf(1, scale=1 / (ratio * hazard))
    assert risk_with_intervention(assumed, ratio, "HR") == pytest.approx(expected, rel=1e-12)


def test_risk_from_a_risk_ratio_and_the_ranges_over_rounding():
    assert risk_with_intervention(0.314, 1.45, "RR") == pytest.approx(0.4553)
    # 313.5-314.5 per 1000 times 1.445-1.455: 453.0 to 457.6; difference 139.5 to 143.1
    (risk_low, risk_high), (diff_low, diff_high) = implied_ranges(
        (313.5, 314.5), (1.445, 1.455), "RR"
    )
    assert (risk_low, risk_high) == pytest.approx((313.5 * 1.445, 314.5 * 1.455))
    assert (diff_low, diff_high) == pytest.approx((313.5 * 0.445, 314.5 * 0.455))
    with pytest.raises(ValueError, match="'MD'"):
        risk_with_intervention(0.3, 1.2, "MD")


def test_summary_of_findings_risks_and_differences_are_read_with_arms_and_signs():
    means = of_kind(SUMMARY_OF_FINDINGS, "mean")
    assert [(m["source_text"], m["arm"], m["ci_low"], m["ci_high"]) for m in means] == [
        ("314 per 1000 with usual care", "usual care", None, None),
        ("455 per 1000 with early walking (341 to 607)", "early walking", 341.0, 607.0),
        # the second row names no arm: the table's order, comparator first
        ("218 per 1000", "usual care", None, None),
        ("147 per 1000 (91 to 238)", "early walking", 91.0, 238.0),
    ]
    assert [m["outcome"] for m in means] == ["Walking unaided"] * 2 + ["Delirium"] * 2
    differences = of_kind(SUMMARY_OF_FINDINGS, "difference")
    assert [(d["value"], d["ci_low"], d["ci_high"]) for d in differences] == [
        (141.0, 27.0, 293.0),
        (-71.0, -127.0, 20.0),
    ]
    assert {d["arm"] for d in differences} == {"early walking vs usual care"}


@pytest.mark.parametrize(
    "text",
    [
        "The incidence was 3.2 per 1000 person-years with drug and 4.1 per 1000 person-years.",
        "Neonatal mortality fell from 24 per 1000 live births to 18 per 1000 live births.",
        "The screening rate was 12 per 1000 in the intervention district.",
    ],
)
def test_a_rate_per_1000_outside_a_summary_of_findings_is_no_absolute_effect(text):
    assert not [m for m in of_kind(text, "mean") if "per 1000" in m["source_text"]]
    assert not of_kind(text, "difference")


def test_absolute_effects_agree_with_the_comparator_risk_and_the_ratio():
    for check in ("absolute_risk_vs_ratio", "absolute_difference_vs_ratio"):
        rows = checks_named(SUMMARY_OF_FINDINGS, check)
        assert [r["verdict"] for r in rows] == ["consistent", "consistent"], rows
    limits = checks_named(SUMMARY_OF_FINDINGS, "absolute_risk_ci_vs_ratio_ci")
    assert [(r["reported"], r["verdict"]) for r in limits] == [
        ("341 to 607", "consistent"),
        ("91 to 238", "consistent"),
    ]
    # 218 x 0.68 = 148.2 and 218 x 0.42 = 91.6: the check spans the value it judges
    (row,) = [
        r
        for r in checks_named(SUMMARY_OF_FINDINGS, "absolute_risk_vs_ratio")
        if r["reported"] == "147"
    ]
    assert SUMMARY_OF_FINDINGS[row["span_start"] : row["span_end"]] == "147 per 1000 (91 to 238)"
    assert not checks_named(SUMMARY_OF_FINDINGS, "difference_vs_ci_midpoint")


@pytest.mark.parametrize(
    ("slip", "check", "reported"),
    [
        ("455 per 1000 with early walking", "absolute_risk_vs_ratio", "485"),
        ("(341 to 607)", "absolute_risk_ci_vs_ratio_ci", "341 to 670"),
        ("141 more per 1000 (27", "absolute_difference_vs_ratio", "171"),
        ("(127 fewer to 20 more)", "absolute_difference_ci_vs_ratio_ci", "-127 to 2"),
    ],
)
def test_an_absolute_effect_that_the_ratio_cannot_give_is_inconsistent(slip, check, reported):
    wrong = {
        "485": slip.replace("455", "485"),
        "341 to 670": slip.replace("607", "670"),
        "171": slip.replace("141", "171"),
        "-127 to 2": slip.replace("20 more", "2 more"),
    }[reported]
    text = SUMMARY_OF_FINDINGS.replace(slip, wrong)
    rows = [r for r in checks_named(text, check) if r["reported"] == reported]
    assert [r["verdict"] for r in rows] == ["inconsistent"], checks_named(text, check)


@pytest.mark.parametrize(
    ("line", "measure", "values"),
    [
        (
            "Satisfaction | 2 | randomised trials | 640 | 628 | MD 0.9 higher (0.5 higher to 1.3 "
            "higher) | MODERATE",
            "mean difference",
            (0.9, 0.5, 1.3),
        ),
        (
            "Pain | 3 | randomised trials | 410 | 402 | SMD 0.32 lower (0.51 lower to 0.13 lower) "
            "| LOW",
            "standardized mean difference",
            (-0.32, -0.51, -0.13),
        ),
    ],
)
def test_a_continuous_absolute_effect_is_a_signed_mean_difference(line, measure, values):
    difference = one(line, "difference")
    assert difference["measure"] == measure
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == values


# A review's results in prose: the assumed risk ends its clause with a comma.
REVIEW_PROSE = (
    "Compared with placebo, antibiotics probably reduce treatment failure (RR 0.65, 95% CI 0.52 "
    "to 0.81; 9 studies, 2,980 participants). With an assumed risk of 200 per 1000, this is 70 "
    "fewer per 1000 (96 fewer to 38 fewer)."
)


@pytest.mark.parametrize(
    ("slip", "verdicts"),
    [
        # 200 x (1 - 0.65) = 70; 200 x (1 - 0.52) = 96; 200 x (1 - 0.81) = 38
        ("", ("consistent", "consistent")),
        ("(96 fewer to 28 fewer)", ("consistent", "inconsistent")),
        ("this is 60 fewer", ("inconsistent", "consistent")),
    ],
)
def test_an_assumed_risk_before_a_comma_is_the_comparators_risk(slip, verdicts):
    original = {
        "": "",
        "(96 fewer to 28 fewer)": "(96 fewer to 38 fewer)",
        "this is 60 fewer": "this is 70 fewer",
    }[slip]
    text = REVIEW_PROSE.replace(original, slip) if slip else REVIEW_PROSE
    (assumed,) = [m for m in of_kind(text, "mean") if "per 1000" in m["source_text"]]
    assert assumed["source_text"] == "200 per 1000"
    got = tuple(
        one_check(text, check)["verdict"]
        for check in ("absolute_difference_vs_ratio", "absolute_difference_ci_vs_ratio_ci")
    )
    assert got == verdicts
