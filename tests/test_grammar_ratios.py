"""Ratio measures and differences with their CIs, in every common typography."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, kinds, of_kind, one, stats


@pytest.mark.parametrize(
    ("text", "measure", "est", "lo", "hi", "level"),
    [
        ("odds ratio 1.68 (95% CI: 0.65–4.34)", "OR", 1.68, 0.65, 4.34, 0.95),
        ("OR 1.68, 95% CI 0.65 to 4.34", "OR", 1.68, 0.65, 4.34, 0.95),
        ("OR 1.68 [95% CI 0.65, 4.34]", "OR", 1.68, 0.65, 4.34, 0.95),
        ("(OR = 1.68, 95% confidence interval [CI]: 0.65–4.34)", "OR", 1.68, 0.65, 4.34, 0.95),
        ("RR: 0.49; 95% CI 0.14-1.11; P = 0.08", "RR", 0.49, 0.14, 1.11, 0.95),
        ("hazard ratio, 0.62; 95% CI, 0.44 to 0.87", "HR", 0.62, 0.44, 0.87, 0.95),
        ("hazard ratio for death was 0.62 (95% CI 0.44—0.87)", "HR", 0.62, 0.44, 0.87, 0.95),
        ("HR 0.72 (0.55-0.94)", "HR", 0.72, 0.55, 0.94, None),
        ("aOR 2.3, 95% CI 1.1—4.8", "OR", 2.3, 1.1, 4.8, 0.95),
        ("adjusted odds ratio 2.3 (90% CI 1.1 to 4.8)", "OR", 2.3, 1.1, 4.8, 0.90),
        ("IRR 1.21 (95% CI 1.05–1.40)", "IRR", 1.21, 1.05, 1.40, 0.95),
        ("incidence rate ratio 1.21 (1.05–1.40)", "IRR", 1.21, 1.05, 1.40, None),
        ("relative rate of infection was 0.61 (95% CI 0.40–0.93)", "IRR", 0.61, 0.40, 0.93, 0.95),
        ("relative risk 0.83 (95% CrI 0.61–1.12)", "RR", 0.83, 0.61, 1.12, 0.95),
        ("risk ratio 0.8 (95% CI 0.6; 1.1)", "RR", 0.8, 0.6, 1.1, 0.95),
        ("OR 0.75 (95% CI 0.15~3.68)", "OR", 0.75, 0.15, 3.68, 0.95),
        ("OR 1.5 (CI 95% 1.1-2.0)", "OR", 1.5, 1.1, 2.0, 0.95),
    ],
)
def test_ratio_with_ci(text, measure, est, lo, hi, level):
    row = one(text, "ratio")
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == (measure, est, lo, hi)
    assert row["ci_level"] == level


def test_ratio_span_runs_from_its_name_to_the_upper_limit():
    text = "normal CT (odds ratio [OR] = 1.68, 95% confidence interval [CI]: 0.65–4.34)."
    row = one(text, "ratio")
    assert row["source_text"] == "odds ratio [OR] = 1.68, 95% confidence interval [CI]: 0.65–4.34"


def test_ratio_without_ci_needs_decimals_when_abbreviated():
    assert one("an OR of 2.5 for death", "ratio")["value"] == 2.5
    assert of_kind("heart rate (HR 88 bpm) and RR 30/min", "ratio") == []
    assert of_kind("HR 88 beats per minute", "ratio") == []


def test_two_estimates_after_one_measure_name():
    text = "The odds ratios were 1.9 (95% CI 1.2–3.0) at day 28 and 2.4 (95% CI 1.4–4.1) at day 90."
    rows = of_kind(text, "ratio")
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [
        (1.9, 1.2, 3.0),
        (2.4, 1.4, 4.1),
    ]
    assert [r["timepoint"] for r in rows] == ["day 28", "day 90"]


def test_lowercase_or_is_a_word_not_a_ratio():
    assert of_kind("MSCs or placebo 2 times", "ratio") == []


@pytest.mark.parametrize(
    ("text", "measure", "est", "lo", "hi"),
    [
        (
            "a difference of - 10.8% (95% CI: - 20.7%, - 1.5%, p = 0.030)",
            "difference",
            -10.8,
            -20.7,
            -1.5,
        ),
        (
            "the median difference was −13.31%, 95% CI −29.14%, 2.13%",
            "median difference",
            -13.31,
            -29.14,
            2.13,
        ),
        (
            "(median difference: −15.45%; 95% CI −30.82%, −0.39%; P = 0.043)",
            "median difference",
            -15.45,
            -30.82,
            -0.39,
        ),
        ("(difference: 27.00 m; 95% CI 0.00, 57.00; P = 0.057)", "difference", 27.0, 0.0, 57.0),
        ("mean difference -2.1 (95% CI -3.4 to -0.8)", "mean difference", -2.1, -3.4, -0.8),
        (
            "risk difference, −8.2 percentage points; 95% CI, −14.1 to −2.3",
            "risk difference",
            -8.2,
            -14.1,
            -2.3,
        ),
        ("difference, 5.0 percentage points (95% CI 1.0 to 9.0)", "risk difference", 5.0, 1.0, 9.0),
        ("absolute risk reduction 5.1% (95% CI 1.2–9.0)", "risk difference", 5.1, 1.2, 9.0),
        ("MD −3.2 mmHg (95% CI −5.9 to −0.5)", "mean difference", -3.2, -5.9, -0.5),
        ("between-group difference 3.2 (1.1 to 5.3)", "difference", 3.2, 1.1, 5.3),
        (
            "mean difference in the SGRQ score was -4.1 (95% CI -7.9 to -0.3)",
            "mean difference",
            -4.1,
            -7.9,
            -0.3,
        ),
        # the comparator between the name and the value
        (
            "The least-squares mean difference versus placebo was -5.2 points (-7.4 to -3.0).",
            "mean difference",
            -5.2,
            -7.4,
            -3.0,
        ),
        # the value before the name
        (
            "There was a 12% absolute reduction (95% CI 5 to 19%) in the risk of death.",
            "risk difference",
            12,
            5,
            19,
        ),
    ],
)
def test_difference_with_ci(text, measure, est, lo, hi):
    row = one(text, "difference")
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == (measure, est, lo, hi)


def test_difference_keeps_a_spaced_minus_in_its_span():
    row = one(
        "with a difference of - 10.8% (95% CI: - 20.7%, - 1.5%, p = 0.030) on day 10", "difference"
    )
    assert row["source_text"] == "difference of - 10.8% (95% CI: - 20.7%, - 1.5%"
    assert row["unit"] == "%"
    assert row["timepoint"] == "day 10"


@pytest.mark.parametrize(
    ("text", "expected", "p_values"),
    [
        (
            "The mean difference was -1.3 points (95% CI -2.2 to -0.4) for fish oil and -0.7 "
            "points (95% CI -1.6 to 0.2) for vitamin D3.",
            [
                ("mean difference", -1.3, -2.2, -0.4, "points"),
                ("mean difference", -0.7, -1.6, 0.2, "points"),
            ],
            [],
        ),
        # a dose names what is compared; the p of the first shares its bracket and stands
        # between the two
        (
            "The LS mean difference for 100 mg versus placebo was -1.1 (95% CI -1.8 to -0.4; "
            "P = .002), and for 50 mg versus placebo -0.7 (-1.4 to 0.0; P = .05).",
            [("mean difference", -1.1, -1.8, -0.4, ""), ("mean difference", -0.7, -1.4, 0.0, "")],
            [0.002, 0.05],
        ),
    ],
)
def test_further_differences_of_one_measure_each_with_its_interval(text, expected, p_values):
    rows = of_kind(text, "difference")
    assert [
        (r["measure"], r["value"], r["ci_low"], r["ci_high"], r["unit"]) for r in rows
    ] == expected
    assert [r["value"] for r in of_kind(text, "p_value")] == p_values


def test_a_further_value_without_its_own_interval_is_no_difference():
    text = "The mean difference was -1.3 points (95% CI -2.2 to -0.4) for fish oil and -0.7 for D3."
    assert [r["value"] for r in of_kind(text, "difference")] == [-1.3]


def test_a_difference_named_after_its_value_needs_a_ci():
    text = "The trial has 80% power to detect a 15% absolute difference at a two-sided alpha."
    assert of_kind(text, "difference") == []


def test_difference_needs_a_ci_or_an_explicit_value():
    assert of_kind("No difference in adverse events at 12 months was observed.", "difference") == []
    assert one("a difference of 3 days", "difference")["value"] == 3


def test_p_value_after_a_ratio_refers_to_it():
    rows = {r["kind"]: r for r in stats("RR: 0.49; 95% CI 0.14-1.11; P = 0.08")}
    assert rows["p_value"]["refers_to"] == rows["ratio"]["stat_id"]
    assert kinds("RR: 0.49; 95% CI 0.14-1.11; P = 0.08") == [
        ("ratio", "RR: 0.49; 95% CI 0.14-1.11"),
        ("p_value", "P = 0.08"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "value", "low", "high"),
    [
        ("Falls were fewer (IRR 0.69, 0.53-0.90) with exercise.", "ratio", 0.69, 0.53, 0.90),
        # ... or after a semicolon
        ("Relapse was less frequent (HR 0.65; 0.51–0.83).", "ratio", 0.65, 0.51, 0.83),
        ("Relapse was less frequent (HR 0.65; P = 0.02).", "ratio", 0.65, None, None),
        ("QoR-15 was higher (mean difference 6.8, 2.1 to 11.5).", "difference", 6.8, 2.1, 11.5),
        # a pair after the comma that does not hold the estimate is no interval
        ("Rates fell (OR 0.56, 0.61-1.01) overall.", "ratio", 0.56, None, None),
        # ... or said at a sentence's end, as a talk's transcript prints it
        (
            "Death alone: 77 versus 84, hazard ratio 0.91, 0.67 to 1.24. Not",
            "ratio",
            0.91,
            0.67,
            1.24,
        ),
        ("Death alone: hazard ratio 0.91, 0.97 to 1.24. Not", "ratio", 0.91, None, None),
        (
            "Gait speed rose (mean difference 0.07 m/s, 95% CI 0.01 to 0.13).",
            "difference",
            0.07,
            0.01,
            0.13,
        ),
    ],
)
def test_an_interval_after_a_comma_and_a_difference_in_metres_per_second(
    text, kind, value, low, high
):
    row = one(text, kind)
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)
    assert of_kind(text, "mean") == []


def test_a_difference_in_mm_hg_keeps_its_interval():
    row = one(
        "The between-group difference was -1.9 mm Hg (95% CI -3.4 to -0.4; P = .01).", "difference"
    )
    assert (row["value"], row["unit"], row["ci_low"], row["ci_high"]) == (-1.9, "mm Hg", -3.4, -0.4)


@pytest.mark.parametrize(
    "text", ["NNT = 12 (95% CI 7 to 45)", "The number needed to treat was 12 (95% CI 7 to 45)."]
)
def test_a_number_needed_to_treat_is_no_median(text):
    assert [kind for kind, _ in kinds(text)] == ["nnt"]


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("The treatment effect was −4.2 points (95% CI −6.0 to −2.4).", -4.2, -6.0, -2.4),
        ("Between-group differences: −1.8 kg (−2.9 to −0.7).", -1.8, -2.9, -0.7),
        ("Scores differed by 2.3 points (95% CI 0.9 to 3.7) in favour of exercise.", 2.3, 0.9, 3.7),
        # a change "by" an amount with its interval
        (
            "Compared with placebo, drug lowered systolic blood pressure by 8.2 mmHg (95% CI 6.1 "
            "to 10.3).",
            8.2,
            6.1,
            10.3,
        ),
        ("Length of stay was reduced by 2.1 days (95% CI 0.9-3.3).", 2.1, 0.9, 3.3),
    ],
)
def test_an_estimate_between_arms_with_its_interval_is_a_difference(text, value, low, high):
    row = one(text, "difference")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)
    assert not of_kind(text, "median")


@pytest.mark.parametrize(
    "text",
    [
        "At 12 months, FEV1 changed by -183.4 mL (95% CI -240.1 to -126.7) in the MSC group and "
        "by -38.4 mL (95% CI -95.2 to 18.4) in the placebo group.",
        "Body weight fell by 183.4 g (95% CI 126.7 to 240.1) with semaglutide versus 38.4 g (95% "
        "CI -18.4 to 95.2) with placebo.",
    ],
)
def test_each_arms_own_change_with_its_interval_is_a_mean_of_that_arm(text):
    means = [(abs(r["value"]), r["arm"], r["ci_low"] is not None) for r in of_kind(text, "mean")]
    assert means == [(183.4, means[0][1], True), (38.4, "placebo", True)]
    assert means[0][1] in {"MSC", "semaglutide"}
    assert not of_kind(text, "difference") and not of_kind(text, "median")


def test_per_arm_intervals_named_as_differences_stay_differences():
    text = (
        "Against usual care, the treatment effect was -4.2 points (95% CI -6.0 to -2.4) in the "
        "low-dose group and -1.1 points (95% CI -2.9 to 0.7) in the high-dose group."
    )
    assert [r["value"] for r in of_kind(text, "difference")] == [-4.2, -1.1]
    assert not of_kind(text, "mean")


@pytest.mark.parametrize(
    "text",
    [
        # the bracketed number is the value, not a word of what the difference is in
        "The upper bound of the 97.5% CI for the difference in the primary outcome (−1.2 "
        "percentage points; 97.5% CI, −4.0 to 1.6) was below the margin.",
        # a bracket opens the value and its interval
        "The difference (−1.2 percentage points; 95% CI, −4.0 to 1.6) was small.",
    ],
)
def test_a_difference_whose_value_opens_a_bracket(text):
    row = one(text, "difference")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (-1.2, -4.0, 1.6)
    assert row["measure"] == "risk difference"


def test_a_bracketed_number_after_a_difference_without_an_interval_is_no_difference():  # guard
    assert not of_kind("Differences in 6MWD (12 patients) were small.", "difference")


def test_percentage_points_after_the_interval_make_a_risk_difference_checked_against_counts():
    # JAMA prints the unit after the bracket
    text = (
        "The primary outcome occurred in 97 of 1,160 (8.4%) in the intervention group vs 131 of "
        "1,158 (11.3%) in the usual care group (difference, −2.9 [95% CI, −5.3 to −0.5] "
        "percentage points; P = .02)."
    )
    row = one(text, "difference")
    assert (row["value"], row["measure"]) == (-2.9, "risk difference")
    rows = checks_named(text, "difference_vs_counts")
    assert [r["verdict"] for r in rows] == ["consistent"]


def test_a_ratio_named_with_what_it_compares_with_before_its_verb():
    text = (
        "Hazard ratios versus placebo were 0.93 (95% CI, 0.55 to 1.24) for 10 mg and 0.66 (95% "
        "CI, 0.44 to 0.99) for 20 mg."
    )
    ratios = [(r["value"], r["ci_low"], r["ci_high"]) for r in of_kind(text, "ratio")]
    assert ratios == [(0.93, 0.55, 1.24), (0.66, 0.44, 0.99)]
    assert of_kind(text, "median") == []


def test_a_value_after_p_equals_is_no_difference():
    text = (
        "Consumption was lower with ESP than sham, whereas the differences between ESP and TAP "
        "(adjusted P = .074) and between TAP and sham (adjusted P = .078) were not significant."
    )
    assert of_kind(text, "difference") == []
    assert [p["value_text"] for p in of_kind(text, "p_value")] == [".074", ".078"]


def test_a_ratio_someone_works_out_in_a_thread():
    text = "Reply: 11/60 is 18.3%, 19/60 is 31.7%. OR would be 0.48 (0.21-1.12)."
    row = one(text, "ratio")
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == ("OR", 0.48, 0.21, 1.12)
    assert of_kind(text, "median") == []


def test_a_difference_in_percentage_points_after_a_mean_said_to_change_is_of_means():
    text = (
        "Mean (SD) HbA1c decreased from 8.6 (0.9)% to 7.1 (0.8)% with tirzepatide and from 8.5 "
        "(1.0)% to 7.9 (0.9)% with glargine; the estimated treatment difference was −0.70 "
        "percentage points (95% CI −0.85 to −0.55; P<.001)."
    )
    assert one(text, "difference")["measure"] == "mean difference"
    # ... but a share of people that fell is a risk
    text = (
        "Mortality decreased from 12% to 8% with the intervention; the difference was -4.0 "
        "percentage points (95% CI -7.1 to -0.9)."
    )
    assert one(text, "difference")["measure"] == "risk difference"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the odds named apart from the value, and the next value of its list
        (
            "Compared with placebo, the odds of an acute respiratory infection were 0.85 (95% CI "
            "0.62-1.16) with low-dose and 0.71 (95% CI 0.51-0.98) with high-dose vitamin D.",
            [("OR", 0.85, 0.62, 1.16, 0.95), ("OR", 0.71, 0.51, 0.98, 0.95)],
        ),
        (
            "The hazard of death was 0.74 (90% CI 0.60 to 0.91) with the new regimen.",
            [("HR", 0.74, 0.60, 0.91, 0.90)],
        ),
    ],
)
def test_odds_or_hazard_named_apart_from_its_value_is_a_ratio(text, expected):
    found = [
        (r["measure"], r["value"], r["ci_low"], r["ci_high"], r["ci_level"])
        for r in of_kind(text, "ratio")
    ]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        # a mean with its CI after other words stays a summary
        "The mean of the scores was 0.85 (95% CI 0.62-1.16) with low-dose.",
        # a percentage is no ratio
        "The odds of response were 35% (95% CI 30-40%) with low-dose.",
        # the next value of a list without the odds named before it
        "Scores were 0.85 (95% CI 0.62-1.16) with low-dose and 0.71 (95% CI 0.51-0.98) with "
        "high-dose.",
    ],
)
def test_values_not_named_odds_or_hazard_are_no_ratio(text):
    assert of_kind(text, "ratio") == []
