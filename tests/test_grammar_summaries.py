"""Medians with IQR or range, means with SD or SE."""

from __future__ import annotations

import pytest
from extraction_helpers import kinds, of_kind, one, stats


@pytest.mark.parametrize(
    ("text", "source", "value", "low", "high", "spread"),
    [
        ("FEV1, 2.75 [2.35, 3.23] vs", "2.75 [2.35, 3.23]", 2.75, 2.35, 3.23, "iqr"),
        ("age 61 (50, 70.5) years", "61 (50, 70.5)", 61, 50, 70.5, "iqr"),
        ("change 54.3 [− 15.5 to 93.3] mL", "54.3 [− 15.5 to 93.3]", 54.3, -15.5, 93.3, "iqr"),
        ("median 61 (IQR 50–70.5)", "median 61 (IQR 50–70.5)", 61, 50, 70.5, "iqr"),
        (
            "a median of 7.5 days (range, 3–14)",
            "median of 7.5 days (range, 3–14)",
            7.5,
            3,
            14,
            "range",
        ),
        ("median (IQR) age, 61 (50-70.5)", "median (IQR) age, 61 (50-70.5)", 61, 50, 70.5, "iqr"),
        (
            "IL-6 8.2 pg/mL (interquartile range 4.1–15.6)",
            "8.2 pg/mL (interquartile range 4.1–15.6)",
            8.2,
            4.1,
            15.6,
            "iqr",
        ),
        ("24 (17–30) ventilator-free days", "24 (17–30)", 24, 17, 30, "iqr"),
        # clinical units with slashes, superscripts and numbers of their own
        (
            "median eGFR was 54 mL/min per 1·73 m² (IQR 41–67)",
            "median eGFR was 54 mL/min per 1·73 m² (IQR 41–67)",
            54,
            41,
            67,
            "iqr",
        ),
        (
            "median CD4 count was 712 cells/µL (IQR 548–903)",
            "median CD4 count was 712 cells/µL (IQR 548–903)",
            712,
            548,
            903,
            "iqr",
        ),
        (
            "median BMI 27.1 kg/m² (IQR 24.0-30.2)",
            "median BMI 27.1 kg/m² (IQR 24.0-30.2)",
            27.1,
            24.0,
            30.2,
            "iqr",
        ),
        # the p that shares the bracket closes the spread
        ("versus 49 (IQR 37–61; p=0·008)", "49 (IQR 37–61", 49, 37, 61, "iqr"),
    ],
)
def test_median_with_spread(text, source, value, low, high, spread):
    row = one(text, "median")
    assert row["source_text"] == source
    assert (row["value"], row["spread_low"], row["spread_high"]) == (value, low, high)
    assert row["spread_kind"] == spread


def test_a_summary_s_unit_has_no_surrounding_space():
    assert one("median age 61 years (IQR 50-70)", "median")["unit"] == "years"
    assert one("median eGFR 54 mL/min/1.73 m2 (IQR 41-67)", "median")["unit"] == "mL/min/1.73 m2"


def test_median_without_spread_is_still_a_median():
    row = one("the median follow-up was 12 months", "median")
    assert row["value"] == 12


@pytest.mark.parametrize(
    "text",
    [
        "in 2020 [3, 4] and 2021 [5–7]",  # reference numbers after a year
        "COVID-19 (2, 3)",
        "Table 1 (1, 3)",
        "a score of 9 (10, 12)",  # centre outside the interval
    ],
)
def test_brackets_that_are_not_medians(text):
    assert of_kind(text, "median") == []


@pytest.mark.parametrize(
    ("text", "source", "value", "sd", "spread"),
    [
        ("mean age 54.3 ± 12.1 years", "mean age 54.3 ± 12.1", 54.3, 12.1, "sd"),
        ("412 ± 86 m with MSCs", "412 ± 86", 412, 86, "sd"),
        ("a change of −4.2\u00a0±\u00a01.9", "−4.2\u00a0±\u00a01.9", -4.2, 1.9, "sd"),
        ("averaged 6.2 (SD 2.4) in the cell group", "6.2 (SD 2.4)", 6.2, 2.4, "sd"),
        (
            "The mean change was 4.1 (SE 1.2) points.",
            "mean change was 4.1 (SE 1.2)",
            4.1,
            1.2,
            "se",
        ),
        ("M = 45.2, SD = 12.1", "M = 45.2, SD = 12.1", 45.2, 12.1, "sd"),
        # the spread spelled out after a labelled mean
        (
            "The MSC group had a mean score of 24.1 (standard deviation 5.2).",
            "mean score of 24.1 (standard deviation 5.2)",
            24.1,
            5.2,
            "sd",
        ),
        (
            "Mean weight was 71.2 (standard error 1.1) kg.",
            "Mean weight was 71.2 (standard error 1.1)",
            71.2,
            1.1,
            "se",
        ),
        ("weight 70 +/- 8 kg", "70 +/- 8", 70, 8, "sd"),
        # a bracket that goes on after the named SD, with the difference or its p
        ("versus 598 mL (SD 245; mean difference −86 mL)", "598 mL (SD 245", 598, 245, "sd"),
        ("Mean loss was 598 mL (SD 245; P = .02).", "Mean loss was 598 mL (SD 245", 598, 245, "sd"),
        # units per kilogram, hour or day
        ("Stool output was 112 g/kg (SD 45).", "112 g/kg (SD 45)", 112, 45, "sd"),
        ("Urine output was 1.2 mL/kg/h ± 0.4 on day 1.", "1.2 mL/kg/h ± 0.4", 1.2, 0.4, "sd"),
        ("Intake averaged 25 kcal/kg/day (SD 6).", "25 kcal/kg/day (SD 6)", 25, 6, "sd"),
    ],
)
def test_mean_with_sd(text, source, value, sd, spread):
    row = one(text, "mean")
    assert row["source_text"] == source
    assert (row["value"], row["spread_low"], row["spread_kind"]) == (value, sd, spread)


def test_an_arm_in_brackets_after_a_value_and_its_unit():
    text = "IL-6 levels were 12.4 ± 3.1 pg/mL (MSC) versus 18.6 ± 4.0 pg/mL (placebo), p < 0.001."
    assert [(r["value"], r["arm"]) for r in of_kind(text, "mean")] == [
        (12.4, "MSC"),
        (18.6, "placebo"),
    ]


def test_mean_sd_header_makes_bracketed_values_sds():
    text = "SF-36 physical functioning, mean (SD): 67.4 (18.2) vs 58.9 (20.5)."
    assert [(r["value"], r["spread_low"]) for r in of_kind(text, "mean")] == [
        (67.4, 18.2),
        (58.9, 20.5),
    ]


def test_arm_values_of_unstated_summary_type_are_means_with_a_flag():
    text = "higher in the MSC group (67.0) compared to the placebo group (50.0), with a difference"
    rows = of_kind(text, "mean")
    assert [(r["value"], r["arm"]) for r in rows] == [(67.0, "MSC"), (50.0, "placebo")]
    assert all("summary_type_not_stated" in r["flags"] for r in rows)


def test_kind_of_a_bare_bracket_follows_the_word_mean():
    assert kinds("mean (range) 5.2 (4.1-6.3)")[0][0] == "mean"


def test_the_next_arm_s_bare_bracket_holds_the_spread_the_first_named():
    text = (
        "Morphine consumption at 24 h was 14.2 mg (SD 6.1) in the block group and 21.5 mg (7.4) "
        "in the sham group."
    )
    assert [
        (r["value"], r["spread_kind"], r["spread_low"], r["unit"]) for r in of_kind(text, "mean")
    ] == [(14.2, "sd", 6.1, "mg"), (21.5, "sd", 7.4, "mg")]


def test_a_count_after_a_named_sd_stays_a_count():
    text = "Mean age was 52.7 (SD 10.4) years and 41 (12%) were women."
    assert [r["value"] for r in of_kind(text, "mean")] == [52.7]
    assert [r["value"] for r in of_kind(text, "count")] == [41]


def test_laboratory_units():
    text = "Serum 25(OH)D rose by 41.5 nmol/L (SE 2.1) with vitamin D3 versus 1.8 nmol/L (SE 2.0)."
    assert [(r["value"], r["spread_kind"], r["unit"]) for r in of_kind(text, "mean")] == [
        (41.5, "se", "nmol/L"),
        (1.8, "se", "nmol/L"),
    ]


def test_two_arms_values_with_bare_brackets_are_means_of_unstated_type():
    rows = of_kind("Age was 63.2 (11.4) years vs 61.9 (12.0) years.", "mean")
    assert [
        (r["source_text"], r["value"], r["spread_low"], r["spread_kind"], r["unit"]) for r in rows
    ] == [
        ("63.2 (11.4) years", 63.2, 11.4, "", "years"),
        ("61.9 (12.0) years", 61.9, 12.0, "", "years"),
    ]
    assert all(r["summary_type_not_stated"] for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        # whole numbers with a bracket: counts with their percentages as often as means
        "Men were 12 (15.0) vs 20 (25.0).",
        # a time point before the values is not a mean
        "Mean (SD) scores at 12 weeks: 24.1 (6.3) vs 27.9 (7.0).",
    ],
)
def test_bare_brackets_that_are_not_means_of_unstated_type(text):
    assert [r["value"] for r in of_kind(text, "mean")] in ([], [24.1, 27.9])
    assert 12 not in [r["value"] for r in of_kind(text, "mean")]


def test_the_other_arm_s_bare_value_after_a_labelled_summary_without_spread():
    assert [
        (r["kind"], r["source_text"], r["value"], r["outcome"])
        for r in stats("Scores were similar (median 4 vs 5). The median stay was 6 days vs 8 days.")
    ] == [
        ("median", "median 4", 4, "Scores"),
        ("median", "5", 5, "Scores"),
        ("median", "median stay was 6 days", 6, "stay"),
        ("median", "8 days", 8, "stay"),
    ]


def test_a_time_point_in_a_summary_s_label_is_not_its_value():
    rows = stats("Mean scores at week 8 were 18.2 and 21.7.")
    assert 8 not in [r["value"] for r in rows if r["kind"] == "mean"]


def test_a_summary_word_opening_the_subject_is_not_part_of_the_outcome():
    rows = of_kind(
        "Median hospital stay was 12 days (interquartile range 8 to 17) versus 14 days (10 to 21).",
        "median",
    )
    assert [r["outcome"] for r in rows] == ["hospital stay", "hospital stay"]


def test_a_digit_inside_the_name_of_a_measure_is_no_summary():
    text = (
        "Mean HbA1c fell by 1.2 ± 0.4% and 0.5 ± 0.3% in the intervention and usual-care arms, "
        "respectively."
    )
    # the labelled mean spans its label, "fell by" included, as other labelled summaries do
    assert [(r["source_text"], r["arm"]) for r in stats(text)] == [
        ("Mean HbA1c fell by 1.2 ± 0.4", "intervention"),
        ("0.5 ± 0.3", "usual-care"),
    ]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Mean change from baseline: -5.2 (SD 3.1).", "change from baseline"),
        ("Mean change from baseline in FEV1 was 120 mL.", "FEV1"),
        ("Mean change in weight was -3.2 kg.", "weight"),
    ],
)
def test_a_change_from_baseline_measures_what_changed(text, outcome):
    assert [r["outcome"] for r in stats(text)] == [outcome]


@pytest.mark.parametrize(
    ("text", "source", "outcome"),
    [
        # a label with "of" or "before" in it
        (
            "The median duration of symptoms before enrolment was 9 days.",
            "median duration of symptoms before enrolment was 9 days",
            "duration of symptoms before enrolment",
        ),
        (
            "The mean number of exacerbations was 1.2 per year.",
            "mean number of exacerbations was 1.2",
            "number of exacerbations",
        ),
        # "a median of 26 months" is still the median, with no outcome named
        ("Participants were followed for a median of 26 months.", "median of 26 months", ""),
    ],
)
def test_summaries_whose_label_names_what_of_what(text, source, outcome):
    assert [(r["source_text"], r["outcome"]) for r in stats(text)] == [(source, outcome)]


@pytest.mark.parametrize("text", ["BMI 27.4 (SD 4.2) kg/m2", "CRP 12.1 (SD 5.0) mg/L"])
def test_the_abbreviation_of_a_measure_is_no_arm(text):
    assert [(r["arm"], r["outcome"]) for r in stats(text)] == [("", text.split()[0])]


@pytest.mark.parametrize(
    "text",
    [
        "Quality of life improved (mean change 12.4 points; 95% CI 8.1 to 16.7).",
        "Quality of life improved (mean change 12.4 points, 95% CI 8.1 to 16.7).",
    ],
)
def test_an_interval_after_a_labelled_mean_is_its_ci(text):
    row = one(text, "mean")
    assert (row["value"], row["ci_low"], row["ci_high"], row["spread_kind"]) == (
        12.4,
        8.1,
        16.7,
        "ci",
    )


def test_a_percentage_mean_after_an_sd_header_keeps_its_spread():
    text = (
        "The mean (SD) change in HbA1c was −1.2% (0.9) with semaglutide and −0.4% (0.8) with "
        "placebo."
    )
    means = [(r["source_text"], r["value"], r["spread_low"]) for r in of_kind(text, "mean")]
    assert means[1] == ("−0.4% (0.8)", -0.4, 0.8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mean weight loss was 14.9% in the semaglutide group and 2.4% in the placebo group.",
            [("mean", "14.9", "semaglutide"), ("mean", "2.4", "placebo")],
        ),
        (
            "The mean change in HbA1c was -1.2% with semaglutide and -0.4% with placebo.",
            [("mean", "-1.2", "semaglutide"), ("mean", "-0.4", "placebo")],
        ),
        # guard: a value in another unit after the arm is not the next arm's mean
        (
            "Mean weight loss was 14.9% in the semaglutide group and 12 kg in the placebo group.",
            [("mean", "14.9", "semaglutide")],
        ),
    ],
)
def test_the_next_arms_mean_without_a_spread(text, expected):
    rows = stats(text)
    assert [(r["kind"], r["value_text"], r["arm"]) for r in rows if r["kind"] == "mean"] == expected


def test_a_mean_that_decreased_by_a_value():
    text = (
        "Mean HbA1c decreased by 1.4% in the insulin glargine group versus 1.1% in the NPH group "
        "(difference -0.3%; 95% CI -0.5 to -0.1)."
    )
    rows = [r for r in stats(text) if r["kind"] in {"mean", "percentage"}]
    assert [(r["kind"], r["value_text"], r["outcome"]) for r in rows] == [
        ("mean", "1.4", "HbA1c"),
        ("mean", "1.1", "HbA1c"),
    ]


def test_a_score_by_a_week_is_still_no_mean_of_the_week():
    rows = stats("Mean pain scores by 12 weeks were 3.1 and 4.2.")
    assert "12" not in [r["value_text"] for r in rows if r["kind"] == "mean"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fatigue score change: -4.1 points (enzalutamide) vs -1.3 points (control), p=0.03.",
            [("-4.1 points", -4.1, "enzalutamide"), ("-1.3 points", -1.3, "control")],
        ),
        # a minus set apart from its number after a label keeps its sign
        (
            "Score change: - 3.4 points (drug) vs -1.1 points (placebo), p=0.21.",
            [("- 3.4 points", -3.4, "drug"), ("-1.1 points", -1.1, "placebo")],
        ),
        (
            "Monthly migraine days fell by 4.3 with the antibody vs 2.8 with placebo.",
            [("4.3", 4.3, "antibody"), ("2.8", 2.8, "placebo")],
        ),
        (
            "Body weight decreased by 6.2 kg in the semaglutide group and 1.1 kg in the placebo "
            "group.",
            [("6.2 kg", 6.2, "semaglutide"), ("1.1 kg", 1.1, "placebo")],
        ),
    ],
)
def test_two_arms_values_each_with_its_arm_are_means_of_those_arms(text, expected):
    rows = of_kind(text, "mean")
    assert [(r["source_text"], r["value"], r["arm"]) for r in rows] == expected
    assert all("summary_type_not_stated" in r["flags"] for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Events: 12 (drug) vs 8 (placebo).",  # whole numbers: counts, perhaps
        "Response: 44% (drug) vs 30% (placebo).",  # percentages are read as such
        "Age was 61.2 (SD) vs 60.8 (SD).",  # a bracket that names a spread names no arm
    ],
)
def test_values_with_a_bracket_after_them_that_are_no_means_of_arms(text):  # guards
    assert [r["arm"] for r in of_kind(text, "mean")] == []


def test_a_labelled_mean_of_a_long_outcome_reaches_its_value():
    text = (
        "The mean number of days alive and free of ventilation was 17.2 in the prone group and "
        "14.1 in the supine group."
    )
    found = [(r["value"], r["arm"]) for r in of_kind(text, "mean")]
    assert found == [(17.2, "prone"), (14.1, "supine")]


def test_a_poster_s_years_in_y_and_a_change_named_with_delta():
    text = (
        "• Age 57 ± 11 y; 71% female; disease duration 9 y (IQR 5–15)\n"
        "• Mean ΔDAS28-CRP: +0.21 vs +0.44; diff −0.23 (95%CI −0.41 to −0.05)"
    )
    medians = of_kind(text, "median")
    assert [(m["source_text"], m["value"], m["spread_low"], m["spread_high"]) for m in medians] == [
        ("9 y (IQR 5–15)", 9.0, 5.0, 15.0)
    ]
    means = of_kind(text, "mean")
    assert [(m["value"], m["outcome"]) for m in means] == [
        (57.0, "Age"),
        (0.21, "DAS28-CRP change"),
        (0.44, "DAS28-CRP change"),
    ]


def test_a_median_with_its_confidence_interval_spelled_out_and_minutes():
    text = (
        "Median progression-free survival was 14.2 months (95% confidence interval [CI], 11.8 to "
        "16.9) with drug. Median crying time was 62 minutes (IQR 35–104) with probiotic."
    )
    medians = [
        (r["value"], r["spread_kind"], r["spread_low"], r["spread_high"])
        for r in stats(text)
        if r["kind"] == "median"
    ]
    assert medians == [(14.2, "ci", 11.8, 16.9), (62, "iqr", 35, 104)]


def test_both_arms_means_before_a_difference_in_the_second_bracket():
    text = (
        "Mean blood loss was 512 mL (SD 210) with drug versus 598 mL (SD 245; mean difference "
        "−86 mL, 95% CI −128 to −44) with placebo."
    )
    assert [(r["value"], r["spread_low"]) for r in of_kind(text, "mean")] == [
        (512, 210),
        (598, 245),
    ]
    assert one(text, "difference")["ci_low"] == -128


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a median in the sentence before says nothing of this pair
        (
            "4745 patients were randomised to colchicine or placebo, median follow-up 22.6 "
            "months. Primary endpoint hit in 5.5% vs 7.1%.",
            "percentage",
        ),
        # guard: the pair's own sentence names the median
        ("The median inhibition rate was 61.6% vs 67.6%.", "median"),
    ],
)
def test_a_pair_of_percentages_is_a_summary_only_when_its_sentence_says_so(text, kind):
    assert {r["kind"] for r in stats(text) if r["value"] in (5.5, 7.1, 61.6, 67.6)} == {kind}


@pytest.mark.parametrize(
    ("text", "timepoint"),
    [
        ("Mean systolic blood pressure at 12 months was 128.1 mm Hg vs 133.6 mm Hg.", "month 12"),
        ("The mean HbA1c after 26 weeks was 128.1% (SD 0.8) with drug and 133.6% (SD 0.9) with "
         "placebo.", "week 26"),
    ],
)  # fmt: skip
def test_a_labelled_mean_with_its_time_point_before_the_verb(text, timepoint):
    means = [(r["value"], r["timepoint"]) for r in of_kind(text, "mean")]
    assert means == [(128.1, timepoint), (133.6, timepoint)]
    assert of_kind(text, "mean")[0]["source_text"].lower().startswith("mean")


@pytest.mark.parametrize(
    "text",
    [
        "Vaccine efficacy was 94.1% (89.3 to 96.8) against symptomatic COVID-19.",
        "Endpoint | Vaccine (N=15,210) | Placebo (N=15,210) | VE (95% CI)\n"
        "Symptomatic COVID-19 | 11 | 185 | 94.1% (89.3 to 96.8)\n",
    ],
)
def test_an_efficacy_with_a_bare_interval_is_a_percentage_not_a_median(text):
    row = one(text, "percentage")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (94.1, 89.3, 96.8)
    assert not of_kind(text, "median")


@pytest.mark.parametrize(
    "text",
    [
        "Compared with usual care, the intervention reduced HbA1c by 0.31% (95% CI 0.18 to 0.44).",
        # any verb of change (grammar.CHANGE_VERB), with or without the measure between
        "The drug raised HDL cholesterol by 0.31% (95% CI 0.18 to 0.44).",
        "Body weight fell by 0.31% (95% CI 0.18 to 0.44) with drug.",
    ],
)
def test_a_measure_in_percent_changed_by_an_amount_with_its_interval_is_a_difference(text):
    row = one(text, "difference")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (0.31, 0.18, 0.44)
    assert not of_kind(text, "percentage")


def test_a_risk_reduced_by_a_percentage_is_a_relative_reduction():
    # ... but a risk reduced by a percentage is a relative reduction, a percentage
    text = "The intervention reduced the risk of death by 25% (95% CI 10 to 38)."
    assert not of_kind(text, "difference") and one(text, "percentage")["value"] == 25


def test_an_interquartile_range_in_its_own_sentence_is_a_median_after_a_mean():
    text = (
        "SpO2/FiO2 at day 7 was mean 245 (SD 62) vs 212 (SD 70), p = 0.008.\n"
        "Reply #3: ventilator-free days were 14 [IQR 6-21] vs 10 [3-18]."
    )
    assert [
        (r["source_text"], r["kind"]) for r in stats(text) if r["kind"] in {"mean", "median"}
    ] == [
        ("mean 245 (SD 62)", "mean"),
        ("212 (SD 70)", "mean"),
        ("14 [IQR 6-21]", "median"),
        ("10 [3-18]", "median"),
    ]


def test_a_mean_label_before_a_bare_bracket_in_a_table_still_says_mean():  # guard
    text = (
        "Outcome | Mean [SD]\nPain score | 4.1 [2.0] | 5.3 [2.2]\nStay (days) | 3 [1-5] | 4 [2-6]"
    )
    bracketed = [r["kind"] for r in stats(text) if r["source_text"].startswith(("3 [", "4 ["))]
    assert bracketed == ["mean", "mean"]


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # a "mean difference" before is no label of the bare brackets after it: an IQR's
        # median, as any bare "4.0 (3.0-6.0)"
        (
            "The mean difference in pain was -1.2 (95% CI -2.0 to -0.4). Hospital stay was 4.0 "
            "(3.0-6.0) vs 5.0 (4.0-8.0) days (P = 0.03).",
            "4.0 (3.0-6.0)",
            "median",
        ),
        # ... and a "median difference" none of the change by which the next sentence says a
        # walk distance increased
        (
            "Lesions shrank more with MSCs (median difference -7.8%, 95% CI -13.2 to -0.4). The "
            "6-minute walk distance increased by 43.5 m (95% CI 17.0 to 70.0) more with MSCs.",
            "43.5 m (95% CI 17.0 to 70.0)",
            "difference",
        ),
        # guard: a mean named before stays the label
        ("The mean length of stay was 4.0 (3.0-6.0) days.", "4.0 (3.0-6.0)", "mean"),
    ],
)
def test_a_difference_named_mean_or_median_labels_no_summary_after_it(text, source, kind):
    assert [r["kind"] for r in stats(text) if r["source_text"].endswith(source)] == [kind]


@pytest.mark.parametrize(
    ("text", "outcome", "unit", "arms"),
    [
        # an unbracketed "± SD" after the label, and an outcome that opens with its hours
        (
            "Mean ± SD 24-hour opioid consumption was 38.2 ± 17.5 mg in the ESP group and 46.9 "
            "± 19.8 mg in the TAP group.",
            "24-hour opioid consumption",
            "mg",
            ["ESP", "TAP"],
        ),
        # the unit after the SD is the mean's, and the arm comes after it
        (
            "Mean eGFR was 62.3 ± 14.1 mL/min/1.73 m² in the dapagliflozin group and 61.8 ± "
            "13.9 mL/min/1.73 m² in the placebo group.",
            "eGFR",
            "mL/min/1.73 m²",
            ["dapagliflozin", "placebo"],
        ),
    ],
)
def test_a_labelled_mean_with_its_sd_takes_its_label_unit_and_arm(text, outcome, unit, arms):
    rows = of_kind(text, "mean")
    assert [r["outcome"] for r in rows] == [outcome, outcome]
    assert rows[0]["unit"] == unit
    assert [r["arm"] for r in rows] == arms


def test_pain_at_rest_and_the_hours_of_a_median_label():
    text = (
        "Median (IQR) pain scores at rest at 24 hours were 2 (1–3), 3 (2–4), and 3 (2–5) in the "
        "ESP, TAP, and sham groups."
    )
    rows = of_kind(text, "median")
    assert [(r["outcome"], r["timepoint"]) for r in rows] == [
        ("pain scores at rest", "hour 24")
    ] * 3


def test_a_value_that_is_a_duration_is_no_time_point():  # guard
    text = (
        "The median time to recovery was 10 days (IQR 7-15) with remdesivir and 15 days "
        "(IQR 10-19) with placebo."
    )
    assert [r["timepoint"] for r in of_kind(text, "median")] == ["", ""]
