"""Counts in every printed form, percentages paired with them, and standalone percentages."""

from __future__ import annotations

import pytest
from extraction_helpers import kinds, of_kind, one, stats


@pytest.mark.parametrize(
    ("text", "source", "x", "n", "pct"),
    [
        ("died: 23/49 in the MSC group", "23/49", 23, 49, None),
        ("23 of 49 patients died", "23 of 49", 23, 49, None),
        ("the outcome occurred in n = 23 of 49 participants", "n = 23 of 49", 23, 49, None),
        ("46.94% (23/49) of patients", "46.94% (23/49)", 23, 49, 46.94),
        ("23/49 (46.9%) patients", "23/49 (46.9%)", 23, 49, 46.9),
        ("23 of 49 (46.9%) patients", "23 of 49 (46.9%)", 23, 49, 46.9),
        ("46.9% [23/49]", "46.9% [23/49]", 23, 49, 46.9),
        ("12 out of 40 patients", "12 out of 40", 12, 40, None),
        ("Two of the 12 treated patients", "Two of the 12", 2, 12, None),
        ("none of the 13 controls", "none of the 13", 0, 13, None),
        ("1,234/5,678 (21.7%) vaccinees", "1,234/5,678 (21.7%)", 1234, 5678, 21.7),
        # the people counted named in a few words between the count and its percentage
        (
            "reported by 38 of 212 zoledronic acid recipients (17,9 %).",
            "38 of 212 zoledronic acid recipients (17,9 %)",
            38,
            212,
            17.9,
        ),
        ("12 of 40 MSC-treated patients (30%)", "12 of 40 MSC-treated patients (30%)", 12, 40, 30),
    ],
)
def test_count_forms(text, source, x, n, pct):
    row = one(text, "count")
    assert row["source_text"] == source
    assert (row["numerator"], row["denominator"], row["percent"]) == (x, n, pct)
    assert row["value"] == x


def test_count_with_the_group_size_given_before():
    text = "In the treatment arm (n = 49), 23 (46.9%) patients had a normal CT scan at month 12."
    row = one(text, "count")
    assert (row["numerator"], row["percent"], row["denominator"]) == (23, 46.9, 49)
    assert "denominator_from_arm_size" in row["flags"]
    size = one(text, "arm_size")
    assert row["denominator_stat_id"] == size["stat_id"]


def test_number_words_with_arm_sizes_given_elsewhere():
    text = (
        "A total number of 43 patients (the MSC alone group = 11, MSC plus EV group = 8, and "
        "control group = 24) were included. Mortality was reported in three patients in the "
        "MSC alone group; zero patient in the MSC plus EV group and eight patients in the "
        "control group."
    )
    counts = of_kind(text, "count")
    assert [(c["source_text"], c["numerator"], c["denominator"]) for c in counts] == [
        ("three patients", 3, 11),
        ("zero patient", 0, 8),
        ("eight patients", 8, 24),
    ]


def test_counts_matched_to_arms_by_respectively():
    text = (
        "Of the 120 randomized patients, 61 were assigned to cells and 59 to placebo; death "
        "occurred in 5 (8.2%) and 9 (15.3%), respectively."
    )
    counts = of_kind(text, "count")
    assert [(c["numerator"], c["denominator"], c["percent"]) for c in counts] == [
        (5, 61, 8.2),
        (9, 59, 15.3),
    ]
    assert one(text, "sample_size")["value"] == 120


def test_percentages_without_sign_under_an_n_percent_header():
    text = "Adverse events, n/N (%): 5/32 (15.6) vs 6/31 (19.4)."
    assert [(c["numerator"], c["denominator"], c["percent"]) for c in of_kind(text, "count")] == [
        (5, 32, 15.6),
        (6, 31, 19.4),
    ]


def test_bracketed_number_without_header_is_not_a_percentage():
    assert of_kind("FEV1 5/32 (15.6)", "count")[0]["percent"] is None


def test_count_denominator_from_the_sample_of_its_sentence():
    row = one("Among 12,450 vaccinated adults, 1,234 (9.9%) reported a local reaction.", "count")
    assert (row["numerator"], row["denominator"], row["percent"]) == (1234, 12450, 9.9)


@pytest.mark.parametrize(
    "text",
    [
        "phase 1/2 trial",
        "available 24/7",
        "blood pressure 120/80 mmHg",
        "on 13/04/2020 and 04/13/20",
        "one of the most common",
        "on day 3 of 5",
        "1/3 of patients",
        "PaO2/FiO2 ≤ 300",
    ],
)
def test_slashes_and_ofs_that_are_not_counts(text):
    assert of_kind(text, "count") == []


def test_numerator_above_denominator_is_flagged_when_a_percentage_is_printed():
    row = one("50/49 (102.0%)", "count")
    assert "numerator_exceeds_denominator" in row["flags"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a reduction that was observed is a result
        ("A 30% reduction in mortality was observed with drug.", 30.0),
        ("MSC infusion was associated with a 35% lower rate of ventilation.", 35.0),
        ("Adherence to the infusion schedule was 96.5% across both sites.", 96.5),
        ("mortality was 53% in the placebo group", 53.0),
    ],
)
def test_standalone_percentages(text, value):
    row = one(text, "percentage")
    assert row["value"] == value
    assert row["source_text"] == f"{value:g}%"


def test_percentage_pair_after_median_is_two_medians():
    text = "Neutralizing antibodies had a similar median inhibition rate (61.6% vs. 67.6%)."
    assert kinds(text) == [("median", "61.6%"), ("median", "67.6%")]


@pytest.mark.parametrize(
    "text",
    [
        "oxygen saturation of 93% or lower on room air",
        "lesions progressed by > 50% in 24–48 h",
        "Estimates are given with 95% confidence intervals.",
        "The study had 80% power to detect a difference.",
        "Patients were eligible if their saturation was below 90%.",
        "infused in 0.9% saline",
        "I² = 59%",
        # what an end point is defined as
        "The primary endpoint was a 50% reduction in seizure frequency.",
    ],
)
def test_percentages_that_are_not_results(text):
    assert of_kind(text, "percentage") == [] and of_kind(text, "count") == []


@pytest.mark.parametrize(
    ("text", "source", "x", "n", "pct"),
    [
        ("vomiting occurred in nine (16%) of 58 patients", "nine (16%) of 58", 9, 58, 16.0),
        ("Fever was reported in 412 (17%) of 2408 recipients", "412 (17%) of 2408", 412, 2408, 17),
        ("n = 5 (10.0%) out of 50 had a rash", "n = 5 (10.0%) out of 50", 5, 50, 10.0),
    ],
)
def test_count_with_its_percentage_then_its_denominator(text, source, x, n, pct):
    row = one(text, "count")
    assert row["source_text"] == source
    assert (row["numerator"], row["denominator"], row["percent"]) == (x, n, pct)


def test_arm_sizes_listed_with_their_labels_and_counts_respectively_after_them():
    text = (
        "A total of 214 patients were randomized (intervention n = 108; standard care n = 106). "
        "Serious adverse events occurred in 11 (10.2%) and 12 (11.3%) patients, respectively."
    )
    sizes = of_kind(text, "arm_size")
    assert [(s["source_text"], s["value"]) for s in sizes] == [
        ("intervention n = 108", 108),
        ("standard care n = 106", 106),
    ]
    counts = of_kind(text, "count")
    assert [(c["source_text"], c["denominator"]) for c in counts] == [
        ("11 (10.2%)", 108),
        ("12 (11.3%)", 106),
    ]


def test_a_total_in_a_labelled_list_stays_a_sample_size():
    text = "Participants were enrolled (overall n = 300; analysed n = 280)."
    assert [s["value"] for s in of_kind(text, "arm_size")] == []
    assert 300 in [s["value"] for s in of_kind(text, "sample_size")]


def test_respectively_without_as_many_arms_as_counts_assigns_no_arm():
    text = (
        "Patients were randomized (low dose n = 10; high dose n = 10; placebo n = 10). "
        "Rash occurred in 2 (20%) and 3 (30%) patients, respectively."
    )
    assert [c["arm"] for c in of_kind(text, "count")] == ["", ""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "286 patients were randomised (TXA n=143, placebo n=150). "
            "Venous thromboembolism: two (1.4%) TXA, three (2.0%) placebo.",
            [("two (1.4%)", "TXA", 143), ("three (2.0%)", "placebo", 150)],
        ),
        (
            "Children were randomised (vaccine n=200; control n=100). Fever: 30 (15.0%) vaccine "
            "recipients and 10 (10.0%) controls.",
            [("30 (15.0%)", "vaccine", 200), ("10 (10.0%)", "control", 100)],
        ),
        # the people who received an arm
        (
            "At 28 days, 4 of 20 (20%) MSC recipients and 9 of 20 (45%) controls had died.",
            [("4 of 20 (20%)", "MSC", 20), ("9 of 20 (45%)", "control", 20)],
        ),
        # words after the count that name no arm give none
        (
            "286 patients were randomised (TXA n=143, placebo n=150). "
            "Venous thromboembolism: two (1.4%) in week 1, three (2.0%) overall.",
            [("two (1.4%)", "", None), ("three (2.0%)", "", None)],
        ),
    ],
)
def test_a_count_takes_the_arm_named_right_after_it(text, expected):
    counts = of_kind(text, "count")
    assert [(c["source_text"], c["arm"], c["denominator"]) for c in counts] == expected


def test_events_in_each_group_and_an_analysis_set_are_not_arm_sizes():
    text = (
        "In all, 3612 children were randomly assigned (2408 vaccine, 1204 control), of whom 3390 "
        "received three doses and were included in the per-protocol analysis. Over 12 months "
        "there were 690 episodes of malaria in the vaccine group and 792 in the control group."
    )
    sizes = [(s["source_text"], s["arm"]) for s in of_kind(text, "arm_size")]
    assert sizes == [("2408", "vaccine"), ("1204", "control")]


@pytest.mark.parametrize(
    ("text", "source", "denominator"),
    [
        (
            "Among 895 randomized participants (median age, 64 years; 402 [44.9%] women), most "
            "completed the trial.",
            "402 [44.9%]",
            895,
        ),
        (
            "A total of 214 patients were randomized. Mean age was 57.2 years and 131 (61.2%) "
            "were men.",
            "131 (61.2%)",
            214,
        ),
        # not a share of the sample: no denominator is guessed
        (
            "A total of 214 patients were randomized. Later, 131 (61.2%) had a fever.",
            "131 (61.2%)",
            None,
        ),
    ],
)
def test_a_share_of_the_whole_sample_takes_its_size(text, source, denominator):
    row = one(text, "count")
    assert (row["source_text"], row["denominator"]) == (source, denominator)


def test_a_percentage_with_its_ci_and_no_summary_label_is_a_percentage():
    row = one("Vaccine efficacy was 61.3% (95% CI 55.8-66.1).", "percentage")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (61.3, 55.8, 66.1)
    assert of_kind("The median was 61.3% (95% CI 55.8-66.1).", "median") != []


def test_a_percentage_whose_bracket_names_it_before_the_ci_keeps_the_ci():
    text = "MSC reduced mortality by 57% (relative risk reduction; 95% CI 12% to 79%)."
    (row,) = stats(text)
    assert (row["kind"], row["value"], row["ci_low"], row["ci_high"]) == (
        "percentage",
        57.0,
        12.0,
        79.0,
    )


def test_a_statistic_abbreviation_before_a_percentage_is_no_arm():
    rows = of_kind("Response: CI 12% vs SD 79%.", "percentage")
    assert [r["arm"] for r in rows] == ["", ""]


def test_arm_sizes_on_a_slide_separated_by_vs():
    sizes = of_kind("PATIENTS \u2022 enza n=45 vs control n=44 \u2022 age 66", "arm_size")
    assert [(s["source_text"], s["arm"], s["value"]) for s in sizes] == [
        ("enza n=45", "enza", 45),
        ("control n=44", "control", 44),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two arms' counts sharing their noun
        (
            "Nausea occurred in 22 vs 8 patients.",
            [("count", "22", 22), ("count", "8 patients", 8)],
        ),
        (
            "Rates of infection did not differ (3 versus 5 events).",
            [("count", "3", 3), ("count", "5 events", 5)],
        ),
        # joined by "and" when the sentence names the arms "respectively" ...
        (
            "Deaths occurred in 5 and 9 patients in the MSC group and the control group, "
            "respectively.",
            [("count", "5", 5), ("count", "9 patients", 9)],
        ),
        # ... and not otherwise, nor a range
        ("Deaths occurred in 5 and 9 patients.", []),
        ("Fever resolved in between 5 and 9 patients of each arm, respectively.", []),
        # numbers compared that do not count people or events
        ("Patients were aged 45 vs 50 years.", []),
        ("Scores were 12 vs 15 points.", []),
    ],
)
def test_counts_of_two_arms_sharing_a_noun(text, expected):
    assert [(r["kind"], r["source_text"], r["numerator"]) for r in stats(text)] == expected


def test_a_sample_allocated_to_alternatives_is_no_arm_size():
    text = "We randomly assigned 304 adults to semaglutide or placebo."
    assert kinds(text) == [("sample_size", "304")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "x of the n people (p%)" is one count with its percentage
        (
            "Ten of the 42 patients (23.8%) in the treatment group relapsed.",
            [("count", "Ten of the 42 patients (23.8%)", 10, 42, 23.8, "treatment")],
        ),
        # a total of deaths is a count, not a sample size
        (
            "A total of 14 deaths (9.3%) were recorded in the active arm compared with 23 "
            "(15.4%) in the control arm.",
            [
                ("count", "14 deaths (9.3%)", 14, None, 9.3, "active"),
                ("count", "23 (15.4%)", 23, None, 15.4, "control"),
            ],
        ),
        # each count with its arm in brackets
        (
            "Infections: 12 (intervention) vs 19 (control).",
            [
                ("count", "12 (intervention)", 12, None, None, "intervention"),
                ("count", "19 (control)", 19, None, None, "control"),
            ],
        ),
        # ... but not a bracket that names a statistic
        ("Scores: 12 (IQR) vs 19 (range).", []),
    ],
)
def test_counts_with_their_arms(text, expected):
    assert [
        (r["kind"], r["source_text"], r["numerator"], r["denominator"], r["percent"], r["arm"])
        for r in stats(text)
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Response rates were 62% (31 of 50) and 40% (20 of 50) in the drug and placebo "
            "groups, respectively.",
            [("62% (31 of 50)", "drug"), ("40% (20 of 50)", "placebo")],
        ),
        (
            "Deaths occurred in 5 and 9 patients in the MSC group and the control group, "
            "respectively.",
            [("5", "MSC"), ("9 patients", "control")],
        ),
        (
            "Median stay was 6 (IQR 4-9) and 8 (IQR 5-12) days for the early and late groups, "
            "respectively.",
            [("Median stay was 6 (IQR 4-9)", "early"), ("8 (IQR 5-12)", "late")],
        ),
    ],
)
def test_values_take_the_arms_named_after_them_respectively(text, expected):
    rows = [r for r in stats(text) if r["kind"] in {"count", "median", "mean"}]
    assert [(r["source_text"], r["arm"]) for r in rows] == expected


def test_a_total_of_people_with_a_percentage_is_a_count_of_some():
    text = "A total of 9 patients (18.0%) discontinued treatment because of adverse events."
    assert kinds(text) == [("count", "9 patients (18.0%)")]


def test_a_split_of_the_sample_is_no_count():
    text = "They randomised 100 pts (50/50). Primary endpoint met: 24/50 vs 12/50, p=0.01."
    assert [r["source_text"] for r in of_kind(text, "count")] == ["24/50", "12/50"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adverse events were reported by 34 participants receiving drug and 29 receiving "
            "placebo.",
            [("34 participants", "drug"), ("29", "placebo")],
        ),
        (
            "Serious adverse events occurred in 5 patients (MSC) and 7 patients (placebo).",
            [("5 patients (MSC)", "MSC"), ("7 patients (placebo)", "placebo")],
        ),
        (
            "Nausea occurred in 12 patients given ondansetron and 25 given placebo (P = 0.02).",
            [("12 patients", "ondansetron"), ("25", "placebo")],
        ),
    ],
)
def test_two_counts_each_named_by_what_its_people_received(text, expected):
    assert [(c["source_text"], c["arm"]) for c in of_kind(text, "count")] == expected


def test_people_allocated_to_what_they_received_are_no_counts():
    text = "We randomized 34 participants receiving drug and 29 receiving placebo."
    assert of_kind(text, "count") == []


@pytest.mark.parametrize(
    "text",
    ["Ten patients in each group experienced nausea.", "Two patients per arm withdrew consent."],
)
def test_what_happened_in_every_arm_is_no_size_of_every_arm(text):
    assert of_kind(text, "arm_size") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a percentage with the people it counts in its bracket
        (
            "The incidence of POCD was 16.7% (5 cases) in group A and 40.0% (12 cases) in group B.",
            [("16.7% (5 cases)", 5, 16.7), ("40.0% (12 cases)", 12, 40.0)],
        ),
        # a verb of the event between the count and its percentage
        (
            "Among patients receiving tocilizumab, 12 died (10%), compared with 20 (17%) among "
            "those receiving usual care.",
            [("12 died (10%)", 12, 10.0), ("20 (17%)", 20, 17.0)],
        ),
        # both counts with their noun
        ("Hypotension: 8 cases vs 15 cases.", [("8", 8, None), ("15 cases", 15, None)]),
    ],
)
def test_counts_with_their_noun_or_verb_beside_them(text, expected):
    assert [(r["source_text"], r["numerator"], r["percent"]) for r in of_kind(text, "count")] == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the treatment group, there were 2 cases of nausea, 1 case of dizziness, and the "
            "incidence was 7.5%.",
            [("2 cases of nausea", 2, "nausea", ""), ("1 case of dizziness", 1, "dizziness", "")],
        ),
        (
            "Four cases of pneumonia occurred in the placebo arm.",
            [("Four cases of pneumonia", 4, "pneumonia", "")],
        ),
        (
            "Over 12 months there were 690 episodes of clinical malaria in the vaccine group.",
            [("690 episodes of clinical malaria", 690, "clinical malaria", "events")],
        ),
        # guard: cases of a number are a count of that number, not of cases of something
        ("The 3 cases of 40 were excluded.", []),
    ],
)
def test_cases_and_episodes_of_an_event(text, expected):
    rows = of_kind(text, "count")
    assert [(r["source_text"], r["numerator"], r["outcome"], r["unit"]) for r in rows] == expected


def test_a_count_and_its_percentage_after_a_comma_in_one_bracket():
    text = (
        "Treatment success was more frequent with drug (72/120, 60%) than with placebo "
        "(48/118, 41%)."
    )
    rows = of_kind(text, "count")
    assert [(r["source_text"], r["numerator"], r["denominator"], r["percent"]) for r in rows] == [
        ("72/120, 60%", 72, 120, 60),
        ("48/118, 41%", 48, 118, 41),
    ]
    assert of_kind(text, "percentage") == []


def test_a_header_line_heads_the_rows_of_its_table():
    text = (
        "Adverse events, n/N (%)\n"
        " Headache 10/150 (6.7) 8/148 (5.4)\n"
        " Nausea 5/150 (3.3) 9/148 (6.1)\n"
    )
    rows = of_kind(text, "count")
    assert [(r["source_text"], r["percent"]) for r in rows] == [
        ("10/150 (6.7)", 6.7),
        ("8/148 (5.4)", 5.4),
        ("5/150 (3.3)", 3.3),
        ("9/148 (6.1)", 6.1),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "\n",  # a blank line ends the table
        "Patients were followed for a year and all visits took place in the outpatient clinic "
        "of the department, where the study nurses recorded what happened at each visit, as "
        "the protocol of the trial described it in detail.\n",  # so does prose
    ],
)
def test_a_header_heads_no_line_after_the_end_of_its_table(between):
    text = "Adverse events, n/N (%)\n" + between + " Headache 10/150 (6.7) 8/148 (5.4)\n"
    assert [r["percent"] for r in of_kind(text, "count")] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In total, 12 patients died (10%).", [("12 patients died (10%)", 12, 10.0, None)]),
        (
            "Headache was the most common adverse event (15 patients, 12.5%).",
            [("15 patients, 12.5%", 15, 12.5, None)],
        ),
        ("Nausea occurred in 12 patients out of 120.", [("12 patients out of 120", 12, None, 120)]),
    ],
)
def test_counts_with_people_between_the_number_and_its_percentage_or_denominator(text, expected):
    assert [
        (c["source_text"], c["numerator"], c["percent"], c["denominator"])
        for c in of_kind(text, "count")
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During follow-up, 112 deaths occurred.", [("112 deaths", 112)]),
        ("Overall, 1 patient had a seizure.", [("1 patient", 1)]),
        (
            "One patient developed grade 3 neutropenia and two patients withdrew.",
            [("One patient", 1), ("two patients", 2)],
        ),
    ],
)
def test_people_and_what_happened_to_them_are_counts(text, expected):
    assert [(c["source_text"], c["numerator"]) for c in of_kind(text, "count")] == expected


def test_what_happened_to_people_names_the_outcome_of_their_count():
    text = "One patient developed grade 3 neutropenia and two patients withdrew."
    assert [c["outcome"] for c in of_kind(text, "count")] == ["grade 3 neutropenia", "withdrawal"]


@pytest.mark.parametrize(
    "text",
    [
        "Three patients had been excluded.",
        "A total of 120 patients were randomized and 12 patients had diabetes.",
        "Ten patients in each group experienced nausea.",
        "Before treatment, 15 patients, 12.5%) were excluded.",
    ],
)
def test_people_that_are_no_count_of_an_outcome(text):  # guards
    assert of_kind(text, "count") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no one of the whole sample: out of it
        (
            "A total of 186 adults were randomised. Hypercalcaemia occurred in none of the "
            "participants.",
            [("none", 0, "", 186, "Hypercalcaemia")],
        ),
        # no one of the controls, and what they did not have
        (
            "Fatigue: twelve patients on enza vs four patients on control; none of the controls "
            "had grade 3 rash.",
            [
                ("twelve patients", 12, "enza", None, "Fatigue"),
                ("four patients", 4, "control", None, "Fatigue"),
                ("none", 0, "control", None, "grade 3 rash"),
            ],
        ),
    ],
)
def test_none_of_a_group_is_a_count_of_zero(text, expected):
    assert [
        (c["source_text"], c["numerator"], c["arm"], c["denominator"], c["outcome"])
        for c in of_kind(text, "count")
    ] == expected


def test_none_of_the_studies_is_no_count():  # guard
    assert of_kind("None of the 12 studies reported harms.", "count") == []


def test_a_forum_score_is_no_result():
    assert kinds("Score: 214 · 96 comments · 89% upvoted") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hallucinations occurred in eleven ketamine recipients (9.2%) and four placebo "
            "recipients (3.3%).",
            [("eleven ketamine recipients (9.2%)", 11, 9.2, "ketamine"),
             ("four placebo recipients (3.3%)", 4, 3.3, "placebo")],
        ),
        (
            "11 vaccine recipients (0.1%) and 9 placebo recipients (0.1%) had anaphylaxis.",
            [("11 vaccine recipients (0.1%)", 11, 0.1, "vaccine"),
             ("9 placebo recipients (0.1%)", 9, 0.1, "placebo")],
        ),
    ],
)  # fmt: skip
def test_a_count_of_what_its_people_received_takes_that_arm(text, expected):
    found = [(r["source_text"], r["value"], r["percent"], r["arm"]) for r in of_kind(text, "count")]
    assert found == expected


def test_two_counts_with_their_percentages_compared_in_one_bracket():
    rows = of_kind(
        "Discharge was more common with the pessary (152/271, 56.1% vs 61/273, 22.3%).", "count"
    )
    assert [(r["numerator"], r["denominator"], r["percent"]) for r in rows] == [
        (152, 271, 56.1),
        (61, 273, 22.3),
    ]


def test_a_count_and_the_percentage_it_works_out_to():
    rows = of_kind("my own arithmetic: 126/306 = 41% vs 82/306 = 27%", "count")
    assert [(r["numerator"], r["denominator"], r["percent"]) for r in rows] == [
        (126, 306, 41.0),
        (82, 306, 27.0),
    ]


def test_a_count_of_its_denominator_with_its_percentage_after_a_comma():
    text = (
        "Remission was achieved by 38 of 126 patients, or 30.2%, on 150 mg, 27 of 125, 21.6%, "
        "on 50 mg and 14 of 124, 11.3%, on placebo."
    )
    counts = [(r["numerator"], r["denominator"], r["percent"]) for r in of_kind(text, "count")]
    assert counts == [(38, 126, 30.2), (27, 125, 21.6), (14, 124, 11.3)]
    assert of_kind(text, "percentage") == []


def test_a_count_of_its_denominator_with_its_percentage_after_a_semicolon():
    text = (
        "Grade 3 or higher adverse events were more frequent with drug (45 of 150; 30.0%) than "
        "with placebo (30 of 148; 20.3%)."
    )
    counts = [(r["numerator"], r["denominator"], r["percent"]) for r in of_kind(text, "count")]
    assert counts == [(45, 150, 30.0), (30, 148, 20.3)]
    assert of_kind(text, "percentage") == []


def test_pts_abbreviates_patients_between_a_count_and_its_percentage():
    count = one("Grade 3 AEs occurred in 3 of 25 pts (12%).", "count")
    assert (count["numerator"], count["denominator"], count["percent"]) == (3, 25, 12)
    assert of_kind("Grade 3 AEs occurred in 3 of 25 pts (12%).", "percentage") == []


def test_data_available_for_two_arms_respectively_are_their_analysed_sizes():
    text = (
        "In total, 168 infants were randomly assigned (probiotic, n = 85; placebo, n = 83). Day 28 "
        "diaries were available for 81 and 79 infants, respectively."
    )
    sizes = [
        (r["value"], r["arm"], r["population"]) for r in stats(text) if r["kind"] == "arm_size"
    ]
    assert sizes[-2:] == [(81, "probiotic", "analysed"), (79, "placebo", "analysed")]
    assert of_kind(text, "count") == []
