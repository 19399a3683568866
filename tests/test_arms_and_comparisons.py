"""Arm sizes (with the stage they count and their stratum) and between-arm comparisons, binary
and continuous, as engineer A's checks consume them."""

from __future__ import annotations

import pytest
from extraction_helpers import kinds, stats
from stored_checks import store_check_inputs, stored_rows

from trialaudit import context
from trialaudit.arms import resolve_arm
from trialaudit.checks import Settings, check_document, randomized_sizes
from trialaudit.extract import extract_document

REAL_WORLD = "002_41f0e3bedab7cc11"
THREE_ARMS = "004_1d94033127122713"
FORUM = "001_ee862e205fadbfc4"
FOLLOW_UP = "000_687c769a69b8fe8d"
PILOT = "003_b5f6180764dcc2c0"


def arms_of(doc_id, text):
    return [
        (a["study_id"], a["arm"], a["role"], a["subgroup"], a["population"], a["n"])
        for a in extract_document(doc_id, text).arms
    ]


def test_stratified_arms_of_the_real_world_study(seed_texts):
    assert arms_of(REAL_WORLD, seed_texts[REAL_WORLD]) == [
        ("S1", "MSC treatment", "intervention", "moderate", "enrolled", 21),
        ("S1", "MSC treatment", "intervention", "severe", "enrolled", 31),
        ("S1", "control", "control", "moderate", "enrolled", 26),
        ("S1", "control", "control", "severe", "enrolled", 32),
    ]


def test_arms_analysed_in_the_three_arm_trial(seed_texts):
    assert arms_of(THREE_ARMS, seed_texts[THREE_ARMS]) == [
        ("S1", "MSC alone", "intervention", "", "analysed", 11),
        ("S1", "MSC plus EV", "intervention", "", "analysed", 8),
        ("S1", "control", "control", "", "analysed", 24),
    ]


def test_arms_randomized_and_treated_in_each_study_of_the_thread(seed_texts):
    assert arms_of(FORUM, seed_texts[FORUM]) == [
        ("S1", "MSC infusion", "intervention", "", "randomized", 65),
        ("S2", "UC-MSCs", "intervention", "", "treated", 65),
        ("S2", "placebo", "control", "", "treated", 35),
    ]


def test_a_combination_with_usual_care_is_not_a_control(seed_texts):
    assert arms_of(PILOT, seed_texts[PILOT]) == [
        ("S1", "MSCs plus conventional therapy", "intervention", "", "enrolled", 12),
        ("S1", "conventional therapy alone (control)", "control", "", "enrolled", 13),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We randomly assigned 200 patients, 101 to the MSC group and 99 to the placebo group.",
            [("sample_size", "200"), ("arm_size", "101"), ("arm_size", "99")],
        ),
        (
            "The trial enrolled N = 1,234 participants, of whom 617 were assigned to MSCs.",
            [("sample_size", "N = 1,234"), ("arm_size", "617")],
        ),
        (
            "Overall, 240 patients (n = 240) were analysed.",
            [("sample_size", "240"), ("sample_size", "n = 240")],
        ),
        (
            "UC-MSCs (n = 65) or placebo (n = 35)",
            [("arm_size", "UC-MSCs (n = 65)"), ("arm_size", "placebo (n = 35)")],
        ),
        (
            "In all, 3\u2009612 children were randomly assigned (2408 vaccine, 1204 control).",
            [("sample_size", "3\u2009612"), ("arm_size", "2408"), ("arm_size", "1204")],
        ),
        (
            "Of 486 randomized patients, 244 received iron and 242 placebo.",
            [("sample_size", "486"), ("arm_size", "244"), ("arm_size", "242")],
        ),
        (
            "120 patients were randomised and 116 were analysed.",
            [("sample_size", "120"), ("sample_size", "116")],
        ),
        (
            "Target number of participants: 300\nTotal final enrolment: 286\n",
            [("sample_size", "286")],
        ),
        # the subject of a sentence that goes on to allocate it, however far away the verb
        (
            "Methods Eighty patients aged 65 years or older with complicated appendicitis "
            "admitted to our hospital from January to December were divided into a laparoscopic "
            "group and an open group.",
            [("sample_size", "Eighty")],
        ),
        ("The study followed 1,046 adults at 31 hospitals.", [("sample_size", "1,046")]),
        (
            "In all, 420 kidney transplant recipients were enrolled and 414 received study drug.",
            [("sample_size", "420"), ("sample_size", "414")],
        ),
        # a study's number is not a sample size
        ("Study 1 randomised 955 patients.", [("sample_size", "955")]),
        # labels each followed by a size, adding up to the total
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72).",
            [
                ("sample_size", "288"),
                ("arm_size", "73"),
                ("arm_size", "72"),
                ("arm_size", "71"),
                ("arm_size", "72"),
            ],
        ),
        # a cell dose in an arm's label, before or after its name, is not part of the arm
        (
            "120 adults were randomly assigned 1:1 to two infusions of 1 × 10^6 cells/kg MSCs "
            "(n = 60) or placebo (n = 60).",
            [
                ("sample_size", "120"),
                ("arm_size", "MSCs (n = 60)"),
                ("arm_size", "placebo (n = 60)"),
            ],
        ),
        (
            "120 adults were randomly assigned to MSCs at 1 × 10^6 cells/kg (n = 60) or placebo "
            "(n = 60).",
            [("sample_size", "120"), ("arm_size", "n = 60"), ("arm_size", "placebo (n = 60)")],
        ),
        # ... or in a bracket of its own before the size
        (
            "Two infusions of MSCs (1 × 10^6 cells/kg) (n = 112) or placebo (n = 110).",
            [("arm_size", "n = 112"), ("arm_size", "placebo (n = 110)")],
        ),
        # arms listed after a poster's arrow, and "pts" a stage follows are patients
        (
            "• 246 pts randomised → US-guided n=164, clinical n=82",
            [
                ("sample_size", "246"),
                ("arm_size", "US-guided n=164"),
                ("arm_size", "clinical n=82"),
            ],
        ),
        # ... also at a later stage, and to a total in words
        (
            "Ninety-eight patients completed the study (MSC 49, placebo 49).",
            [("sample_size", "Ninety-eight"), ("arm_size", "49"), ("arm_size", "49")],
        ),
        (
            "In all, 95 patients were analysed (MSC 48, placebo 47).",
            [("sample_size", "95"), ("arm_size", "48"), ("arm_size", "47")],
        ),
        # ... and not when they do not add up (ages, not arms)
        (
            "A total of 288 patients were randomised (age 18 to 65, BMI 30, HbA1c 8).",
            [("sample_size", "288")],
        ),
        # a list that does not add up to a printed total, or that splits a sample by a
        # characteristic, is not a list of arms
        (
            "Of 486 randomized patients, 240 received iron and 242 placebo.",
            [("sample_size", "486")],
        ),
        (
            "Of 50 randomized patients, 12 had diabetes and 38 hypertension.",
            [("sample_size", "50")],
        ),
        # no allocation in the sentence: a split of the sample by treatment received, not arms
        ("Of 50 patients, 12 received insulin and 38 metformin.", []),
        # number words past a hundred
        (
            "Two hundred and forty participants were randomly allocated.",
            [("sample_size", "Two hundred and forty")],
        ),
        ("In total, 1,532 patients underwent randomization.", [("sample_size", "1,532")]),
        (
            "The intention-to-treat population comprised 498 patients.",
            [("sample_size", "498")],
        ),
        ("Study population: 310 patients with sepsis.", [("sample_size", "310")]),
        # people who left an arm are counts, not the arm's size
        (
            "Of the 150 randomized participants, 12 in the intervention arm and 20 in the "
            "control arm withdrew.",
            [("sample_size", "150"), ("count", "12"), ("count", "20")],
        ),
        # two arms' counts of one event written as n
        (
            "Adverse events: headache (n=12 vs n=9).",
            [("count", "n=12"), ("count", "n=9")],
        ),
        # an analysis population with its n is a sample, not an arm
        (
            "In the ITT population (n = 300), the endpoint was met by 62% vs 48%.",
            [("sample_size", "n = 300"), ("percentage", "62%"), ("percentage", "48%")],
        ),
        # a trial or study "of" or "in" its people, and what the sample consisted of
        (
            "In this multicenter trial of 1,234 patients with sepsis, mortality was lower.",
            [("sample_size", "1,234")],
        ),
        (
            "We conducted a randomised trial in 96 children aged 6-12 years.",
            [("sample_size", "96")],
        ),
        ("The study population consisted of 250 patients.", [("sample_size", "250")]),
        ("A randomized trial enrolling 300 patients was conducted.", [("sample_size", "300")]),
        # ... but not of anything else
        ("A meta-analysis of 12 trials and a trial of 3 doses.", []),
        # a size every arm has is no one arm's (test_sizes_of_every_arm)
        (
            "Of 1,203 patients screened, 600 were randomized: 300 to each group.",
            [("sample_size", "1,203"), ("sample_size", "600"), ("arm_size", "300")],
        ),
        # a count under a label of people is no sample size
        ("Patients: 45 (60%) men.", [("count", "45 (60%)")]),
        # people who took part, a trial that involved them, those who underwent randomization
        (
            "Three hundred and twelve children participated.",
            [("sample_size", "Three hundred and twelve")],
        ),
        ("Altogether 150 patients took part in the trial.", [("sample_size", "150")]),
        (
            "We performed a randomized trial involving 1,500 patients with atrial fibrillation.",
            [("sample_size", "1,500")],
        ),
        (
            "Of the 2,345 patients screened, 1,200 underwent randomization.",
            [("sample_size", "2,345"), ("sample_size", "1,200")],
        ),
        # an analysis is no arm
        ("Overall, 560 patients were included in the analysis.", [("sample_size", "560")]),
        # the people a sentence that allocates opens with
        (
            "Of the 220 patients, 110 were assigned to tocilizumab and 110 to standard care.",
            [("sample_size", "220"), ("arm_size", "110"), ("arm_size", "110")],
        ),
        ("Of the 50 patients with diabetes, 12 died.", []),
        (
            "Of 500 randomly assigned patients, 480 were included in the primary analysis.",
            [("sample_size", "500"), ("sample_size", "480")],
        ),
        # the people a trial was run in, or whose data were analysed; missing data are not
        (
            "We conducted a double-blind RCT in 150 patients with knee osteoarthritis.",
            [("sample_size", "150")],
        ),
        ("We analysed data from 3,456 participants.", [("sample_size", "3,456")]),
        ("Missing data from 12 patients were imputed.", []),
        # people randomized to one of two alternatives, or to every arm: the sample, no arm's
        ("40 patients were randomized to MSCs or placebo.", [("sample_size", "40")]),
        (
            "40 patients were randomized to receive two doses of MSCs or placebo.",
            [("sample_size", "40")],
        ),
        ("300 women were randomly assigned to each of two groups.", [("sample_size", "300")]),
        # "underwent randomization" allocates as "were randomized" does
        (
            "A total of 1,204 patients underwent randomization: 602 to the intervention and 602 "
            "to usual care.",
            [("sample_size", "1,204"), ("arm_size", "602"), ("arm_size", "602")],
        ),
        (
            "We enrolled 300 women, of whom 150 were randomly assigned to each group.",
            [("sample_size", "300"), ("arm_size", "150")],
        ),
        # a bracket that describes the people, not a percentage of them, before the verb
        (
            "Overall, 2,850 patients (mean age 67 years; 38% women) were included in the analysis.",
            [("sample_size", "2,850"), ("mean", "mean age 67 years"), ("percentage", "38%")],
        ),
        (
            "We screened 2,011 patients, of whom 1,600 were eligible and randomly assigned.",
            [("sample_size", "2,011"), ("sample_size", "1,600")],
        ),
        ("Participants were 640 adults aged 60 years or older.", [("sample_size", "640")]),
        ("Randomised: 412; completed: 380.", [("sample_size", "412")]),
        # arms that everyone randomized received, even when the printed total is two off
        (
            "Of 2,184 participants randomized, 1,094 received sorafluvir and 1,092 received "
            "placebo.",
            [("sample_size", "2,184"), ("arm_size", "1,094"), ("arm_size", "1,092")],
        ),
        # an arm's dose after its name, a figure after the last arm
        (
            "In all, 386 were randomly assigned, 195 to ravolimod 0.5 mg once daily and 193 to "
            "placebo (figure 1).",
            [("sample_size", "386"), ("arm_size", "195"), ("arm_size", "193")],
        ),
        # ... but what some of them received is no arm
        (
            "Of the 240 patients randomized, 30 received rescue therapy and 20 received "
            "antibiotics.",
            [("sample_size", "240")],
        ),
    ],
)
def test_sample_and_arm_sizes_in_prose(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "populations"),
    [
        (
            "Of the 2,345 patients screened, 1,200 underwent randomization.",
            ["screened", "randomized"],
        ),
        (
            "120 patients were randomised; 118 received at least one dose.",
            ["randomized", "treated"],
        ),
        (
            "Of 500 randomly assigned patients, 480 were included in the primary analysis.",
            ["randomized", "analysed"],
        ),
        # arms are randomized, though their sentence opens with those screened
        (
            "Of the 412 adults screened, 350 were randomised: 141 to the combination, 139 to "
            "calcipotriol and 70 to vehicle.",
            ["screened", "randomized", "randomized", "randomized", "randomized"],
        ),
    ],
)
def test_the_stage_each_sample_size_counts(text, populations):
    assert [r["population"] for r in stats(text)] == populations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eighty patients were randomly divided into an observation group and a control "
            "group, with 40 cases in each group.",
            [("sample_size", "Eighty", ""), ("arm_size", "40 cases", "randomized")],
        ),
        (
            "Participants received fish oil or placebo for 24 weeks (n = 62 per arm).",
            [("arm_size", "n = 62", "treated")],
        ),
        (
            "Ninety participants were enrolled, 30 per group.",
            [("sample_size", "Ninety", ""), ("arm_size", "30", "enrolled")],
        ),
        (
            "A total of 150 adults (75 per arm) were randomized to drug or placebo.",
            [("sample_size", "150", ""), ("arm_size", "75", "randomized")],
        ),
        ("Each group consisted of 30 patients.", [("arm_size", "30 patients", "")]),
        (
            "Each arm included 25 participants who completed the study.",
            [("arm_size", "25 participants", "analysed")],
        ),
        (
            "Patients were randomized into three groups of 45 patients each.",
            [("arm_size", "45 patients", "randomized")],
        ),
        # "two groups" says how many arms there were, not which: 60 is the whole sample
        (
            "The 60 patients were assigned to two groups (n = 30 each).",
            [("sample_size", "60", ""), ("arm_size", "n = 30", "randomized")],
        ),
        (
            "Sixty children were randomly allocated to two equal groups of 30.",
            [("sample_size", "Sixty", ""), ("arm_size", "30", "randomized")],
        ),
        # groups of a size that are not said to be equal are not each arm's size
        ("They were randomized to three groups of 45 and 30 and 25 patients.", []),
    ],
)
def test_sizes_of_every_arm(text, expected):
    """A size stated once for every arm is one arm-size row with no arm, flagged, and no arm
    of the arms table unless the text names the arms it divides people into (then each has
    that size: test_a_size_of_each_arm_gives_each_allocated_arm_that_size); an arm "two
    groups" makes the number before it the whole sample."""
    extraction = extract_document("d", text)
    rows = [r for r in extraction.statistics if r["kind"] in {"sample_size", "arm_size"}]
    assert [
        (r["kind"], r["source_text"], "" if r["kind"] == "sample_size" else r["population"])
        for r in rows
    ] == expected
    for row in rows:
        assert ("size_of_each_arm" in row["flags"]) == (row["kind"] == "arm_size")
        assert row["arm"] == ""
    named = {"observation": 40, "control": 40} if "observation group" in text else {}
    assert {a["arm"]: a["n"] for a in extraction.arms} == named


def test_counts_of_named_arms_are_out_of_the_size_of_every_arm():
    text = (
        "Eighty patients were randomly divided into an observation group and a control group, "
        "with 40 cases in each group. Mortality was 5 in the observation group and 12 in the "
        "control group. Infection occurred in 3 (8.1%) patients in the observation group."
    )
    extraction = extract_document("d", text)
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["arm"], r["numerator"], r["denominator"]) for r in counts] == [
        ("observation", 5, 40),
        ("control", 12, 40),
        # 3/40 is 7.5%, not 8.1%: the percentage says it is out of another number
        ("observation", 3, None),
    ]
    size = next(r for r in extraction.statistics if r["kind"] == "arm_size")
    assert counts[0]["denominator_stat_id"] == size["stat_id"]
    comparison = extraction.comparisons[0]
    assert (comparison["events_1"], comparison["total_1"]) == (5, 40)
    assert (comparison["events_2"], comparison["total_2"]) == (12, 40)


def test_a_size_of_every_arm_is_not_added_to_the_named_arms():
    text = (
        "A total of 120 patients were randomized (60 per arm): 60 were assigned to drug and 60 "
        "to placebo."
    )
    checks = check_document(*_tables(text), Settings())
    sums = [r for r in checks if r["check"] == "total_vs_arm_sizes"]
    assert [r["verdict"] for r in sums] == ["consistent"]
    assert sums[0]["recomputed"] == "60 + 60 = 120"


def _tables(text):
    extraction = extract_document("d", text)
    return extraction.statistics, extraction.comparisons


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two hundred and forty participants were randomly allocated.", 240),
        ("One hundred twelve patients were enrolled.", 112),
        ("A hundred patients were enrolled.", 100),
        ("Nine hundred and ninety-nine adults were randomised.", 999),
        # thousands: "Three" alone was read as a sample of 3
        ("Three thousand and twenty-four patients were randomized.", 3024),
        ("A total of two thousand five hundred participants were enrolled.", 2500),
        ("Twelve thousand adults took part.", 12000),
        # the people, not their eyes or knees
        ("We enrolled 96 eyes of 48 patients with glaucoma.", 48),
        ("Ninety-six eyes of 48 patients were randomized.", 48),
        ("A total of 120 knees from 60 participants were included.", 60),
    ],
)
def test_sample_sizes_in_words_have_their_value(text, value):
    assert [r["value"] for r in stats(text) if r["kind"] == "sample_size"] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A cohort of 5,012 pregnant women was followed.", 5012),
        ("A sample of 150 nurses participated.", 150),
        ("Our sample comprised 87 adolescents.", 87),
        ("We studied 48 healthy volunteers.", 48),
    ],
)
def test_samples_named_cohorts_and_people_named_by_role(text, value):
    assert [r["value"] for r in stats(text) if r["kind"] == "sample_size"] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Cohort 2 of 3 patients received the higher dose.",
        "A subsample of the data was reviewed.",
        "We studied the effect of 5 mg on blood pressure.",
    ],
)
def test_no_sample_where_none_is_given(text):
    assert [r for r in stats(text) if r["kind"] == "sample_size"] == []


def test_an_event_count_in_an_arm_is_not_an_arm_size():
    assert kinds("Mortality was reported in 3 patients in the MSC group.") == [
        ("count", "3 patients")
    ]


def comparisons(doc_id, text):
    extraction = extract_document(doc_id, text)
    by_id = {s["stat_id"]: s for s in extraction.statistics}
    return extraction.comparisons, by_id


def test_continuous_comparisons_of_medians_in_the_moderate_stratum(seed_texts):
    rows, stats = comparisons(REAL_WORLD, seed_texts[REAL_WORLD])
    medians = [r for r in rows if r["summary_1_stat_id"] is not None]
    assert len(medians) == 6
    first = medians[0]
    assert first["kind"] == "continuous"
    assert (first["outcome"], first["timepoint"], first["subgroup"]) == (
        "FEV1",
        "day 28",
        "moderate",
    )
    assert (first["arm_1"], first["arm_2"]) == ("MSC treatment", "control")
    assert (first["total_1"], first["total_2"]) == (21, 26)
    assert stats[first["total_1_stat_id"]]["source_text"] == "21"
    assert stats[first["total_2_stat_id"]]["source_text"] == "26"
    assert stats[first["summary_1_stat_id"]]["source_text"] == "2.75 [2.35, 3.23]"
    assert stats[first["summary_2_stat_id"]]["source_text"] == "2.11 [1.96, 2.35]"
    assert stats[first["p_stat_id"]]["source_text"] == "P = 0.008"
    assert [m["timepoint"] for m in medians] == ["day 28"] * 2 + ["day 90"] * 2 + ["day 360"] * 2
    assert [m["outcome"] for m in medians] == ["FEV1", "VCmax"] * 3


def test_a_p_value_compared_with_the_controls_in_the_severe_stratum(seed_texts):
    rows, stats = comparisons(REAL_WORLD, seed_texts[REAL_WORLD])
    severe = [r for r in rows if r["subgroup"] == "severe"]
    assert len(severe) == 1
    assert (severe[0]["total_1"], severe[0]["total_2"]) == (31, 32)
    assert stats[severe[0]["p_stat_id"]]["source_text"].endswith("0.045")
    assert severe[0]["timepoint"] == "day 90"


def test_binary_comparisons_of_the_three_arm_trial(seed_texts):
    rows, stats = comparisons(THREE_ARMS, seed_texts[THREE_ARMS])
    found = [
        (
            r["kind"],
            r["arm_1"],
            r["arm_2"],
            r["events_1"],
            r["total_1"],
            r["events_2"],
            r["total_2"],
        )
        for r in rows
    ]
    assert found == [
        ("binary", "MSC alone", "control", 3, 11, 8, 24),
        ("binary", "MSC plus EV", "control", 0, 8, 8, 24),
    ]
    assert stats[rows[0]["effect_stat_id"]]["value"] == 0.49
    assert stats[rows[0]["p_stat_id"]]["value"] == 0.08
    assert stats[rows[1]["effect_stat_id"]]["value"] == 0.08
    assert stats[rows[1]["p_stat_id"]]["value"] == 0.07
    # denominators come from the arm sizes, and say so
    assert stats[rows[0]["total_1_stat_id"]]["kind"] == "arm_size"


def test_binary_and_continuous_comparisons_of_the_three_year_follow_up(seed_texts):
    rows, stats = comparisons(FORUM, seed_texts[FORUM])
    binary = [r for r in rows if r["kind"] == "binary"]
    assert [(r["events_1"], r["total_1"], r["events_2"], r["total_2"]) for r in binary] == [
        (23, 49, 10, 29),
        (26, 49, 19, 28),
    ]
    assert [stats[r["effect_stat_id"]]["value"] for r in binary] == [1.68, 0.54]
    general_health = next(r for r in rows if r["summary_1_stat_id"] is not None)
    assert stats[general_health["summary_1_stat_id"]]["value"] == 67.0
    assert stats[general_health["summary_2_stat_id"]]["value"] == 50.0
    assert stats[general_health["effect_stat_id"]]["value"] == 12.86


def test_the_placebo_count_without_a_denominator_stays_incomplete(seed_texts):
    rows, stats = comparisons(FOLLOW_UP, seed_texts[FOLLOW_UP])
    binary = next(r for r in rows if r["kind"] == "binary")
    assert (binary["events_1"], binary["total_1"], binary["events_2"], binary["total_2"]) == (
        10,
        56,
        0,
        None,
    )
    assert stats[binary["p_stat_id"]]["value"] == 0.013


def test_between_arm_statistics_name_both_arms(seed_texts):
    stats = extract_document(THREE_ARMS, seed_texts[THREE_ARMS]).statistics
    assert [r["arm"] for r in stats if r["kind"] == "ratio"] == [
        "MSC alone vs control",
        "MSC plus EV vs control",
    ]


def test_a_total_split_in_a_bracket_and_the_stage_of_each_list():
    text = (
        "3612 children were randomly assigned (2408 vaccine, 1204 control), of whom 3390 (2259 "
        "vaccine, 1131 control) received three doses and were included in the per-protocol "
        "analysis."
    )
    extraction = extract_document("t", text)
    sizes = [
        (s["kind"], s["source_text"], s["arm"], s["population"])
        for s in extraction.statistics
        if s["kind"] in {"arm_size", "sample_size"}
    ]
    assert sizes == [
        ("sample_size", "3612", "", "randomized"),
        ("arm_size", "2408", "vaccine", "randomized"),
        ("arm_size", "1204", "control", "randomized"),
        ("sample_size", "3390", "", "analysed"),
        ("arm_size", "2259", "vaccine", "analysed"),
        ("arm_size", "1131", "control", "analysed"),
    ]
    totals = [
        (c["reported"], c["verdict"])
        for c in check_document(extraction.statistics, extraction.comparisons, Settings())
        if c["check"] == "total_vs_arm_sizes"
    ]
    assert totals == [("3612", "consistent"), ("3390", "consistent")]


ARMS = [
    {"arm": "early mobilization", "arm_key": "early mobilization", "role": "intervention"},
    {"arm": "usual care", "arm_key": "usual care", "role": "control"},
]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("early mobilization group", "early mobilization"),
        ("controls", "usual care"),
        # the only intervention arm, for a label that names no other arm
        ("intervention", "early mobilization"),
        # a word of the control arm's name is the control arm, not the only intervention arm
        ("usual", "usual care"),
        ("mobilization", "early mobilization"),
    ],
)
def test_an_arm_label_resolves_to_the_arm_it_names(label, expected):
    assert resolve_arm(label, ARMS)["arm"] == expected


def test_those_who_completed_the_trial_are_the_analysed_population():
    rows = extract_document(
        "t", "Sixty-four patients completed the trial (intervention, n=33; control, n=31)."
    ).statistics
    assert [(r["kind"], r["value"], r["population"]) for r in rows] == [
        ("sample_size", 64, "analysed"),
        ("arm_size", 33, "analysed"),
        ("arm_size", 31, "analysed"),
    ]


def test_two_counts_joined_by_vs_without_arms_form_a_comparison_with_its_effect_and_p():
    text = (
        "Smith et al: mortality 10/50 (20%) vs 20/50 (40%), RR 0.50 (0.26-0.96).\n"
        "Lee et al: mortality 3/30 vs 6/30, p=0.47."
    )
    extraction = extract_document("f", text)
    by_id = {s["stat_id"]: s["source_text"] for s in extraction.statistics}
    assert [
        (
            c["arm_1"],
            c["arm_2"],
            c["events_1"],
            c["total_1"],
            c["events_2"],
            c["total_2"],
            by_id.get(c["effect_stat_id"]),
            by_id.get(c["p_stat_id"]),
        )
        for c in extraction.comparisons
    ] == [
        ("", "", 10, 50, 20, 50, "RR 0.50 (0.26-0.96)", None),
        ("", "", 3, 30, 6, 30, None, "p=0.47"),
    ]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {(c["check"], c["source_text"]): c["verdict"] for c in checks}
    # RR 0.5 with Katz limits 0.261-0.958 (R epitools: riskratio(matrix(c(40, 10, 30, 20), 2,
    # byrow = TRUE), method = "wald") gives 2, 1.044-3.831, the reciprocal); Fisher's p for 3/30
    # vs 6/30 is 0.4716 (R: fisher.test(matrix(c(3, 27, 6, 24), 2))$p.value)
    assert verdicts[("ratio_vs_counts", "RR 0.50 (0.26-0.96)")] == "consistent"
    assert verdicts[("ci_vs_counts", "RR 0.50 (0.26-0.96)")] == "consistent"
    assert verdicts[("p_vs_counts", "p=0.47")] == "consistent"


def test_counts_joined_by_and_without_arms_form_no_comparison():
    text = "Mortality was 10/50 (20%) at day 28 and 20/50 (40%) at day 90."
    assert extract_document("f", text).comparisons == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Methods: 120 patients were randomly divided into the study group (60 cases) and the "
            "control group (60 cases).",
            [
                ("sample_size", "120", ""),
                ("arm_size", "study group (60 cases)", "study"),
                ("arm_size", "control group (60 cases)", "control"),
            ],
        ),
        (
            "The control group received routine care (n = 45), and the observation group "
            "received acupuncture in addition (n = 45).",
            [("arm_size", "n = 45", "control"), ("arm_size", "n = 45", "observation")],
        ),
        (
            "The intervention arm comprised 150 participants.",
            [("arm_size", "150", "intervention")],
        ),
        # an arm named by its dose; 140 is no number of people
        ("The 140 mg arm enrolled 190 patients.", [("arm_size", "190", "140 mg")]),
        ("The 140 mg arm of Study 2 had n = 190.", [("arm_size", "n = 190", "140 mg")]),
        (
            "The placebo group had 88 patients and the drug group had 90.",
            [("arm_size", "88", "placebo"), ("arm_size", "90", "drug")],
        ),
        # guards: what an arm had that is no size
        ("The drug group had 12 deaths.", []),
        ("Deaths: the placebo group had 12 patients, the drug group had 5.", []),
        ("The drug group had 12 and the placebo group had 9 responders.", []),
        ("At baseline the intervention group had 24 women and the control group had 26.", []),
    ],
)
def test_arms_named_as_the_subject_of_their_size(text, expected):
    assert [(r["kind"], r["source_text"], r["arm"]) for r in stats(text)] == expected


def test_two_named_arms_summaries_separated_by_a_comma_are_compared():
    text = (
        "Methods: We randomized 80 patients to drug (n = 40) or placebo (n = 40). Results: Pain "
        "scores (mean ± SD): drug 5.1 ± 1.2, placebo 6.3 ± 1.5 (P = 0.04)."
    )
    extraction = extract_document("t", text)
    (comparison,) = extraction.comparisons
    assert (comparison["arm_1"], comparison["arm_2"], comparison["total_1"]) == (
        "drug",
        "placebo",
        40,
    )
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_check,) = [c for c in checks if c["check"] == "p_vs_summaries"]
    # Welch's t for 5.1 ± 1.2 vs 6.3 ± 1.5, 40 each: p = 0.000175, far from 0.04 (R: se <-
    # sqrt(1.2^2/40 + 1.5^2/40); df <- se^4 / ((1.2^2/40)^2/39 + (1.5^2/40)^2/39);
    # 2 * pt(-1.2 / se, df)); with 20 each and the values anywhere in their rounding, at most
    # 0.0183 (scipy: ttest_ind_from_stats(5.15, 1.25, 20, 6.25, 1.55, 20, equal_var=False))
    assert p_check["verdict"] == "inconsistent"


@pytest.mark.parametrize(
    ("text", "arm_count", "recomputed", "verdict"),
    [
        # the arms the sentence names
        (
            "Eighty patients were randomly divided into an observation group and a control "
            "group, with 40 cases in each group.",
            2,
            "40 + 40 = 80",
            "consistent",
        ),
        (
            "Ninety patients were randomly divided into an observation group and a control "
            "group, with 40 cases in each group.",
            2,
            "40 + 40 = 80",
            "inconsistent",
        ),
        # the number of groups it states
        (
            "A total of 150 patients were randomized into three groups of 50 patients each.",
            3,
            "50 + 50 + 50 = 150",
            "consistent",
        ),
        (
            "The 60 patients were assigned to two groups (n = 30 each).",
            2,
            "30 + 30 = 60",
            "consistent",
        ),
        # the arms it allocates to, after the size
        (
            "In this trial, 240 adults were randomised (120 per group) to vitamin D or placebo.",
            2,
            "120 + 120 = 240",
            "consistent",
        ),
        (
            "In this trial, 250 adults were randomised (120 per group) to vitamin D or placebo.",
            2,
            "120 + 120 = 240",
            "inconsistent",
        ),
    ],
)
def test_a_total_against_the_size_of_every_arm(text, arm_count, recomputed, verdict, tmp_path):
    """The number of arms times the size stated for each, held against the stated total, the
    same from the rows in memory and from the stored (Parquet) tables the check stage reads."""
    extraction = extract_document("d", text)
    size = next(r for r in extraction.statistics if r["kind"] == "arm_size")
    assert size["arm_count"] == arm_count
    stored, _ = stored_rows(store_check_inputs(tmp_path, [extraction]))
    for statistics in (extraction.statistics, stored["d"]):
        rows = [
            r
            for r in check_document(statistics, [], Settings())
            if r["check"] == "total_vs_arm_sizes"
        ]
        assert [(r["recomputed"], r["verdict"], r["method"]) for r in rows] == [
            (recomputed, verdict, "number of arms times the size stated for each arm")
        ]


def test_a_size_of_every_arm_without_a_number_of_arms_is_held_against_nothing():
    text = "Ninety participants were enrolled, 30 per group."
    extraction = extract_document("d", text)
    assert [r["arm_count"] for r in extraction.statistics if r["kind"] == "arm_size"] == [None]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [r for r in checks if r["check"] == "total_vs_arm_sizes"] == []


ABSTRACT = (
    "Methods: In this double-blind trial, we randomly assigned 120 adults with ARDS to receive "
    "MSCs or placebo (60 per group). Results: Serious adverse events occurred in 12 patients "
    "(20.0%) and 14 patients (23.3%), respectively."
)


def test_respectively_takes_the_allocated_arms_and_the_size_of_each():
    """Counts listed "respectively" in an abstract that names no arm size take the arms in the
    order the methods allocated to them, and the size stated for every arm: so their
    percentages and the total can be checked."""
    extraction = extract_document("d", ABSTRACT)
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["arm"], r["numerator"], r["denominator"]) for r in counts] == [
        ("MSCs", 12, 60),
        ("placebo", 14, 60),
    ]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {(r["check"], r["reported"]): r["verdict"] for r in checks}
    assert verdicts[("percent_vs_count", "20.0")] == "consistent"
    assert verdicts[("percent_vs_count", "23.3")] == "consistent"
    assert verdicts[("total_vs_arm_sizes", "120")] == "consistent"


def test_a_letter_ends_the_name_of_an_arm_whose_words_the_text_knows():
    """ "with vitamin D and 21 (17.5%) with placebo": the arm is vitamin D, as allocated, not
    vitamin; so the two counts are compared and their p is checked."""
    text = (
        "240 adults were randomised (120 per group) to vitamin D or placebo. Hypertension "
        "resolved in 30 (25.0%) participants with vitamin D and 21 (17.5%) with placebo "
        "(P = 0.21)."
    )
    extraction = extract_document("d", text)
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["arm"], r["denominator"]) for r in counts] == [("vitamin D", 120), ("placebo", 120)]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_check,) = [r for r in checks if r["check"] == "p_vs_counts"]
    # R: fisher.test(matrix(c(30, 90, 21, 99), 2))$p.value 0.206559837
    assert p_check["verdict"] == "consistent"
    assert float(p_check["recomputed"]) == pytest.approx(0.206559837, abs=1e-4)


def _sizes_and_counts(text):
    return [
        (s["kind"], s["source_text"], s["arm"], s["denominator"])
        for s in extract_document("t", text).statistics
        if s["kind"] in {"arm_size", "sample_size", "count"}
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 76 patients who received MSCs, 9 (11.8%) developed fever, compared with 2 of "
            "74 (2.7%) controls.",
            [
                ("arm_size", "76", "MSCs", None),
                ("count", "9 (11.8%)", "MSCs", 76),
                ("count", "2 of 74 (2.7%)", "control", 74),
            ],
        ),
        (
            "Of the 250 patients treated with drug A, 40 (16%) experienced a relapse.",
            [("arm_size", "250", "drug A", None), ("count", "40 (16%)", "drug A", 250)],
        ),
        # guard: what every arm received names no arm
        (
            "Of the 76 patients who received at least one dose, 9 (11.8%) developed fever.",
            [("sample_size", "76", "", None), ("count", "9 (11.8%)", "", 76)],
        ),
    ],
)
def test_of_the_people_who_received_an_arm(text, expected):
    assert _sizes_and_counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole name of an arm that ends its clause, not its first word
        ("Relapse occurred in 62 of 248 (25%) treated with drug B.", "drug B"),
        (
            "Complete remission was achieved by 12/41 (29.3%) receiving standard therapy.",
            "standard therapy",
        ),
        # guard: a clause that runs on past the arm keeps the arm's first word only
        ("Remission: 20/88 (22.7%) on placebo achieved the target.", "placebo"),
    ],
)
def test_an_arm_named_after_a_count_is_read_whole(text, expected):
    (count,) = [s for s in extract_document("t", text).statistics if s["kind"] == "count"]
    assert count["arm"] == expected


def test_two_labels_of_one_arm_are_not_held_against_its_size_twice():
    sizes = {"drug a": 250, "placebo": 248}
    assert randomized_sizes({"arm_1": "drug A", "arm_2": "drug"}, sizes) == (None, None)
    assert randomized_sizes({"arm_1": "drug", "arm_2": "placebo"}, sizes) == (250, 248)
    assert randomized_sizes({"arm_1": "drug B", "arm_2": "placebo"}, {"placebo": 248}) == (
        None,
        248,
    )
    # one size under two labels of the arm (seed 001: "MSC infusion" and "UC-MSC", 65 each)
    two_labels = {"msc infusion": 65, "uc msc": 65, "placebo": 35}
    assert randomized_sizes({"arm_1": "MSC", "arm_2": "placebo"}, two_labels) == (65, 35)


def test_of_whom_an_arm_received():
    text = "Enrollment totaled 240 participants, of whom 118 received the intervention."
    assert _sizes_and_counts(text) == [
        ("sample_size", "240", "", None),
        ("arm_size", "118", "intervention", None),
    ]


def test_a_size_of_each_arm_gives_each_allocated_arm_that_size():
    text = (
        "We randomised 186 adults to vitamin D3, fish oil or placebo for 24 weeks (n = 62 per "
        "arm). Versus placebo, the mean difference was -1.3 points (95% CI -2.2 to -0.4) for "
        "fish oil and -0.7 points (95% CI -1.6 to 0.2) for vitamin D3."
    )
    extraction = extract_document("d", text)
    size = next(r for r in extraction.statistics if r["kind"] == "arm_size")
    assert size["arm"] == ""  # the statistic still names no arm
    assert [(a["arm"], a["n"], a["stat_id"]) for a in extraction.arms] == [
        ("vitamin D3", 62, size["stat_id"]),
        ("fish oil", 62, size["stat_id"]),
        ("placebo", 62, size["stat_id"]),
    ]
    # each estimate's arm is named after it, against the arm the sentence opens with
    differences = [r for r in extraction.statistics if r["kind"] == "difference"]
    assert [r["arm"] for r in differences] == ["fish oil vs placebo", "vitamin D3 vs placebo"]


def test_a_size_of_each_arm_that_counts_other_arms_names_none():  # guard
    text = "We randomised 186 adults to vitamin D3, fish oil or placebo (two groups of 93)."
    assert extract_document("d", text).arms == []


@pytest.mark.parametrize(
    "test",
    [
        "F(2, 183) = 4.12, ",  # a test of three arms
        "",  # or none, after a third arm's summary
    ],
)
def test_a_p_value_after_three_arms_summaries_is_not_one_pair_s(test):
    text = (
        "A total of 186 adults were randomised to vitamin D3 (n=62), fish oil (n=62) or placebo "
        "(n=62). The score changed by -1.8 (SD 2.2) with vitamin D3, -2.4 (SD 2.5) with fish oil "
        f"and -1.1 (SD 2.3) with placebo ({test}P = .018)."
    )
    extraction = extract_document("d", text)
    p_row = next(r for r in extraction.statistics if r["kind"] == "p_value")
    assert all(c["p_stat_id"] != p_row["stat_id"] for c in extraction.comparisons)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c for c in checks if c["check"] == "p_vs_summaries"] == []


def test_a_p_value_after_two_arms_summaries_and_their_t_test_is_theirs():  # guard
    text = (
        "A total of 124 adults were randomised to fish oil (n=62) or placebo (n=62). The score "
        "changed by -2.4 (SD 2.5) with fish oil and -1.1 (SD 2.3) with placebo (t(122) = -3.01, "
        "P = .003)."
    )
    extraction = extract_document("d", text)
    p_row = next(r for r in extraction.statistics if r["kind"] == "p_value")
    assert any(c["p_stat_id"] == p_row["stat_id"] for c in extraction.comparisons)


@pytest.mark.parametrize(
    "text",
    [
        "We randomised 186 adults to vitamin D3, fish oil or placebo.",
        "We randomly assigned 300 patients to drug A (10 mg), drug B (20 mg), or placebo.",
    ],
)
def test_a_number_allocated_to_a_list_of_alternatives_is_the_sample(text):
    assert [(r["kind"], r["arm"]) for r in stats(text) if "size" in r["kind"]] == [
        ("sample_size", "")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In all, 640 women were randomised: letrozole 320 / clomiphene 320.",
            [("sample_size", "640", ""), ("arm_size", "320", "letrozole"),
             ("arm_size", "320", "clomiphene")],
        ),
        (
            "N=612 randomised \u2192 frozen 306 / fresh 306; ITT",
            [("sample_size", "N=612", ""), ("arm_size", "306", "frozen"),
             ("arm_size", "306", "fresh")],
        ),
        # sizes that do not add up to a number printed are not read as the arms'
        ("In all, 640 women were randomised: letrozole 300 / clomiphene 320.",
         [("sample_size", "640", "")]),
    ],
)  # fmt: skip
def test_arm_sizes_listed_after_the_allocation(text, expected):
    assert [(r["kind"], r["source_text"], r["arm"]) for r in stats(text)] == expected


ALLOCATED = "In all, 640 women were randomised: letrozole 320 / clomiphene 320. "


def test_a_p_from_summaries_says_it_assumes_the_arms_sizes_printed_elsewhere():
    text = ALLOCATED + "Birthweight: letrozole 3412±498 vs clomiphene 3287±521, p=0.02."
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_check,) = [c for c in checks if c["check"] == "p_vs_summaries"]
    assert "n = 320 and 320, the arms' sizes printed elsewhere" in p_check["assumption"]


BIRTHWEIGHT = "Birthweight: letrozole 3412±498 vs clomiphene 3287±521, {}."


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Welch's and Student's t of 320 a side give p = 0.0020 (scipy ttest_ind_from_stats)
        (ALLOCATED + BIRTHWEIGHT.format("p=0.002"), "consistent"),
        # a smaller p than all 320 a side give cannot come from fewer measured
        (ALLOCATED + BIRTHWEIGHT.format("p=0.0001"), "inconsistent"),
        # a larger one may: the birthweights of the live births only, say
        (ALLOCATED + BIRTHWEIGHT.format("p=0.02"), "not_checkable"),
        # but not beyond half of each arm: with 160 a side p is at most 0.0304 (scipy:
        # ttest_ind_from_stats(3411.5, 498.5, 160, 3287.5, 521.5, 160, equal_var=False))
        (ALLOCATED + BIRTHWEIGHT.format("p>0.05"), "inconsistent"),
        # sizes printed beside the means are the numbers measured: no such way out
        (
            "In all, 640 women were randomised. Birthweight was 3412±498 g in the letrozole "
            "group (n = 320) and 3287±521 g in the clomiphene group (n = 320), p=0.02.",
            "inconsistent",
        ),
    ],
)
def test_a_p_from_summaries_above_that_of_the_arms_full_sizes_is_not_checkable(text, verdict):
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c["verdict"] for c in checks if c["check"] == "p_vs_summaries"] == [verdict]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of 1,340 patients screened, 880 were eligible and 640 consented.",
            [("1,340", "screened"), ("880", "screened"), ("640", "enrolled")],
        ),
        (
            "Among 4,500 patients assessed for eligibility, 1,200 underwent randomization.",
            [("4,500", "screened"), ("1,200", "randomized")],
        ),
    ],
)
def test_the_stages_of_a_participant_flow_in_one_sentence(text, expected):
    assert [
        (r["source_text"], r["population"]) for r in stats(text) if r["kind"] == "sample_size"
    ] == expected


def test_eligibility_criteria_are_no_sample():  # guard
    text = "Patients were eligible if they were older than 18 years and had consented."
    assert [r for r in stats(text) if r["kind"] == "sample_size"] == []


@pytest.mark.parametrize(
    "allocation",
    [
        "were divided into a laparoscopic group and an open group by the random number table "
        "method, with 40 cases in each group",
        "were randomly divided into two groups: the laparoscopic group and the open group, 40 "
        "cases in each group",
    ],
)
def test_groups_a_text_divides_people_into_take_the_size_of_each(allocation):
    text = (
        f"Eighty patients {allocation}. The time to first flatus was (31.5±6.8) h and "
        "(42.7±9.1) h, respectively (P<0.01)."
    )
    extraction = extract_document("t", text)
    assert [(a["arm"], a["n"]) for a in extraction.arms] == [("laparoscopic", 40), ("open", 40)]
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    assert [r["arm"] for r in means] == ["laparoscopic", "open"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 7,544 participants, 3,772 received the vaccine and 3,772 received placebo.",
            [("sample_size", "7,544", ""), ("arm_size", "3,772", "vaccine"),
             ("arm_size", "3,772", "placebo")],
        ),
        # what some of the people received, not how they were allocated: no sum, no arms
        ("Of the 240 patients, 30 received rescue therapy and 12 received antibiotics.", []),
        # the verb said once, for both arms, one of which is a control
        (
            "Of 486 patients, 244 received iron and 242 placebo.",
            [("sample_size", "486", ""), ("arm_size", "244", "iron"),
             ("arm_size", "242", "placebo")],
        ),
        (
            "Of 120 patients, 60 received intravenous iron and 60 usual care.",
            [("sample_size", "120", ""), ("arm_size", "60", "intravenous iron"),
             ("arm_size", "60", "usual care")],
        ),
        # two treatments, neither a control: a split by what was given (as "12 received insulin
        # and 38 metformin" in test_sample_and_arm_sizes_in_prose)
        ("Of 120 patients, 60 received intravenous iron and 60 oral iron.", []),
        ("Of the 240 patients, 30 received rescue therapy and 12 placebo.", []),
        # those who did not receive it are no arm
        ("Of 100 patients, 60 received dexamethasone and 40 did not.", []),
    ],
)  # fmt: skip
def test_arm_sizes_that_add_up_to_the_people_a_sentence_opens_with(text, expected):
    found = [(r["kind"], r["source_text"], r["arm"]) for r in stats(text)]
    assert [f for f in found if f[0] in {"sample_size", "arm_size"}] == expected


def test_summaries_after_their_arms_names_and_sizes_take_those_arms():
    text = "Birthweight: letrozole (n = 320) 3412±498 vs clomiphene (n = 320) 3287±521, p=0.02."
    assert [r["arm"] for r in stats(text) if r["kind"] == "mean"] == ["letrozole", "clomiphene"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Randomisation of 622 participants was done centrally.",
         [("sample_size", "622", "", "randomized")]),
        ("Enrollment of 340 patients began in 2020.", [("sample_size", "340", "", "enrolled")]),
        ("Total: 100 patients; intervention 50, control 50.",
         [("sample_size", "100", "", "")]),
        # a total at the start of a list item, not "the total" of a sentence's events
        ("The total: 12 patients died.", []),
        ("Participants: 62 randomised (31 drug, 31 placebo).",
         [("sample_size", "62", "", "randomized"), ("arm_size", "31", "drug", "randomized"),
          ("arm_size", "31", "placebo", "randomized")]),
        # the 120 are split by the number after them: not the MSC arm's size
        ("After randomization of 120 patients, 60 were assigned to MSC.",
         [("sample_size", "120", "", "randomized"), ("arm_size", "60", "MSC", "randomized")]),
        ("Of 120 patients, 60 were assigned to MSC and 60 to placebo.",
         [("sample_size", "120", "", "randomized"), ("arm_size", "60", "MSC", "randomized"),
          ("arm_size", "60", "placebo", "randomized")]),
    ],
)  # fmt: skip
def test_sample_sizes_named_by_a_noun_a_label_or_a_stage(text, expected):
    found = [(r["kind"], r["source_text"], r["arm"], r["population"]) for r in stats(text)]
    assert [f for f in found if f[0] in {"sample_size", "arm_size"}] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decimal dose ended the arm's name at "4" and cut its label at "three"
        (
            "We randomly assigned 120 patients to vitamin D 4.15 g three times daily (n=60) or "
            "placebo (n=60).",
            [
                ("sample_size", "120", "", None),
                ("arm_size", "vitamin D 4.15 g three times daily (n=60)",
                 "vitamin D 4.15 g three times daily", None),
                ("arm_size", "placebo (n=60)", "placebo", None),
            ],
        ),
        # a setting phrase before the subject, and a decimal threshold inside it
        (
            "Methods: In this single-center, open-label randomized trial, 48 patients aged 65 "
            "years or older with serum albumin <3.8 g/dL were assigned to BCAA granules (n=24) or "
            "usual care (n=24). Two patients in the BCAA group withdrew, leaving 45 for analysis.",
            [
                ("sample_size", "48", "", None),
                ("arm_size", "BCAA granules (n=24)", "BCAA granules", None),
                ("arm_size", "usual care (n=24)", "usual care", None),
                ("count", "Two patients", "BCAA", 24),
                ("sample_size", "45", "", None),
            ],
        ),
    ],
)  # fmt: skip
def test_sizes_around_doses_settings_and_those_left_for_analysis(text, expected):
    assert _sizes_and_counts(text) == expected


def test_an_arms_key_leaves_out_how_its_dose_is_given():
    from trialaudit.context import arm_key

    assert arm_key("BCAA granules 4.15 g three times daily") == "bcaa granule 4.15 g"
    assert arm_key("alendronate 70 mg weekly") == "alendronate 70 mg"
    assert arm_key("drug 10 mg") != arm_key("drug 20 mg")  # guard: doses tell arms apart


def test_a_count_of_all_the_trials_dead_is_out_of_its_sample():
    text = (
        "Methods: 72 patients were randomized to BMMNC (n = 37) or control (n = 35). Results: "
        "Three patients died (one BMMNC patient and two control patients)."
    )
    assert _sizes_and_counts(text)[3:] == [
        ("count", "Three patients", "", 72),
        ("count", "one BMMNC patient", "BMMNC", 37),
        ("count", "two control patients", "control", 35),
    ]


def test_two_summaries_whose_outcomes_share_a_word_are_compared():  # guard
    # "6-minute walk distance" and "6-minute walk" name one measure
    text = (
        "The 6-minute walk distance was 412 ± 86 m with MSCs and 371 ± 94 m with placebo "
        "(P = 0.04)."
    )
    (cmp,) = extract_document("d", text).comparisons
    assert (cmp["kind"], cmp["arm_1"], cmp["arm_2"]) == ("continuous", "MSCs", "placebo")


def test_counts_of_two_outcomes_in_one_sentence_make_a_table_each():
    # an arm named again starts the next outcome's counts: each estimate and p with its own
    text = (
        "Among 318 randomized participants, 160 received veltraxone and 158 received placebo. "
        "Response rates were 48.8% (78 of 160) with veltraxone vs 34.2% (54 of 158) with placebo "
        "(odds ratio [OR], 1.83; 95% CI, 1.17-2.88; P = .009), and remission rates were 32.5% "
        "(52 of 160) vs 22.2% (35 of 158) (OR, 1.69; 95% CI, 1.03-2.79; P = .04)."
    )
    rows, stats = comparisons("t", text)
    tables = [
        (
            stats[r["events_1_stat_id"]]["source_text"],
            stats[r["events_2_stat_id"]]["source_text"],
            stats[r["effect_stat_id"]]["source_text"],
        )
        for r in rows
    ]
    assert tables == [
        ("48.8% (78 of 160)", "34.2% (54 of 158)", "odds ratio [OR], 1.83; 95% CI, 1.17-2.88"),
        ("32.5% (52 of 160)", "22.2% (35 of 158)", "OR, 1.69; 95% CI, 1.03-2.79"),
    ]
    # so the first OR is held against its own counts: Woolf's interval of 78/160 vs 54/158 is
    # 1.1660 to 2.8784 (statsmodels Table2x2([[78, 82], [54, 104]]).oddsratio_confint();
    # R: exp(log(78*104/(82*54)) + c(-1, 1) * qnorm(0.975) * sqrt(1/78+1/82+1/54+1/104)))
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert {c["verdict"] for c in checks if c["check"] == "ci_vs_counts"} == {"consistent"}


def test_a_tables_total_column_is_no_arm_and_two_arms_numbers_no_total():
    text = (
        "In all, 386 were randomly assigned, 195 to ravolimod and 193 to placebo; the safety "
        "population comprised 191 and 188 patients, respectively.\n"
        "Table 3. Adverse events in the safety population, n (%)\n"
        "Event | Ravolimod (n = 191) | Placebo (n = 188) | Total (N = 379)\n"
        "Headache | 29 (15.2) | 18 (9.6) | 47 (12.4)\n"
    )
    rows, stats = comparisons("t", text)
    headache = [r for r in rows if stats[r["events_1_stat_id"]]["source_text"] == "29 (15.2)"]
    assert [(r["arm_1"], r["arm_2"]) for r in headache] == [("Ravolimod", "Placebo")]
    assert not any("Total" in (r["arm_1"], r["arm_2"]) for r in rows)
    totals = [s["source_text"] for s in stats.values() if s["kind"] == "sample_size"]
    assert "191" not in totals


@pytest.mark.parametrize(
    "sentence",
    [
        "The ravolimod and placebo groups comprised 191 and 188 patients, respectively.",
        "We enrolled 191 and 188 patients in the ravolimod and placebo groups, respectively.",
        # no arm named in the sentence: the arms in the order the text gave their sizes
        "In all, 386 were randomly assigned, 195 to ravolimod and 193 to placebo; the safety "
        "population comprised 191 and 188 patients, respectively.",
    ],
)
def test_two_arms_sizes_listed_respectively_are_arm_sizes_of_those_arms(sentence):
    text = sentence + " Headache occurred in 29 (15.2%) and 18 (9.6%) patients, respectively."
    rows = extract_document("t", text).statistics
    sizes = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size" and r["value"] < 193]
    assert sizes == [(191, "ravolimod"), (188, "placebo")]
    # the counts are of those sizes: 29/191 = 15.18%, 18/188 = 9.57%
    counts = [(r["arm"], r["denominator"]) for r in rows if r["kind"] == "count"]
    assert counts == [("ravolimod", 191), ("placebo", 188)]


@pytest.mark.parametrize(
    ("sentence", "arms"),
    [
        (
            "Serious adverse events occurred in 12.3% and 8.0% of patients in the dapagliflozin "
            "and placebo groups, among 651 and 327 patients, respectively (P=0.04).",
            ["dapagliflozin", "placebo"],
        ),
        (
            "Serious adverse events occurred in 12.3% and 8.0% of 651 and 327 patients, "
            "respectively (P=0.04).",
            ["", ""],
        ),
    ],
)
def test_two_sizes_said_after_their_percentages_are_arm_sizes(sentence, arms):
    """ "among 651 and 327 patients" and "% of 651 and 327 patients" are the arms' sizes, not
    counts of events."""
    extraction = extract_document("t", sentence)
    sizes = [(r["value"], r["arm"] or "") for r in extraction.statistics if r["kind"] == "arm_size"]
    assert sizes == list(zip((651, 327), arms, strict=True))
    assert not [r for r in extraction.statistics if r["kind"] == "count"]
    if arms[0]:  # with arms named, the p is held to the counts the sizes give (80/651, 26/327)
        checks = check_document(extraction.statistics, extraction.comparisons, Settings())
        (p_row,) = [c for c in checks if c["check"] == "p_vs_percentages"]
        assert "80/651 vs 26/327" in p_row["method"]


def test_events_said_respectively_stay_counts():
    text = "Nausea occurred in 45 and 30 patients in the drug and placebo groups, respectively."
    kinds = [r["kind"] for r in extract_document("t", text).statistics]
    assert kinds == ["count", "count"]


def test_a_table_count_is_out_of_its_columns_size_even_when_its_percentage_slipped():
    # 17/191 = 8.90%, not the 9.8% printed; 17/195 (the randomized) = 8.72%: the table's
    # header, not the randomized arm, is the denominator of its cells
    text = (
        "In all, 386 were randomly assigned, 195 to ravolimod and 193 to placebo.\n"
        "Table 3. Adverse events in the safety population, n (%)\n"
        "Event | Ravolimod (n = 191) | Placebo (n = 188)\n"
        "Lymphopenia | 17 (9.8) | 2 (1.1)\n"
    )
    extraction = extract_document("t", text)
    counts = {
        r["source_text"]: r["denominator"] for r in extraction.statistics if r["kind"] == "count"
    }
    assert counts == {"17 (9.8)": 191, "2 (1.1)": 188}
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    slipped = [c for c in checks if c["check"] == "percent_vs_count" and c["reported"] == "9.8"]
    assert [(c["verdict"], round(float(c["recomputed"]), 2)) for c in slipped] == [
        ("inconsistent", 8.9)
    ]


def test_sizes_of_a_randomized_total_split_by_got():
    text = (
        "- 59 people randomised: 30 got one intra-articular injection of MSCs (40 x 10^6 "
        "cells), 29 got saline.\n- OMERACT-OARSI responders: 19/30 (63%) with MSCs vs 9/29 "
        "(31%) with saline."
    )
    rows = extract_document("t", text).statistics
    sizes = [(r["kind"], r["value"]) for r in rows if r["kind"] in {"sample_size", "arm_size"}]
    assert sizes == [("sample_size", 59), ("arm_size", 30), ("arm_size", 29)]


def test_got_is_no_size_when_the_numbers_do_not_add_up_to_the_randomized():
    text = "- 59 people randomised: 12 got rescue therapy, 9 got antibiotics."
    rows = extract_document("t", text).statistics
    assert [r for r in rows if r["kind"] == "arm_size"] == []


@pytest.mark.parametrize(
    ("label", "control"),
    [
        ("usual curriculum", True),
        ("usual practice", True),
        ("waitlist", True),
        ("wait-list control", True),
        ("waiting list", True),
        ("daily physical activity programme", False),
        ("usual dose of the new drug plus exercise", False),
    ],
)
def test_usual_practice_and_waiting_lists_are_controls(label, control):
    assert context.is_control(label) is control


@pytest.mark.parametrize(
    "text",
    [
        "Résultats : 96 patients ont été randomisés (48 dans chaque groupe).",
        "Résultats : 96 patients ont été randomisés (48 par groupe).",
        "Resultados: se aleatorizaron 96 pacientes (48 por grupo).",
        "Resultados: se aleatorizaron 96 pacientes (48 en cada grupo).",
        "Resultados: 96 pacientes foram randomizados (48 em cada grupo).",
        "Risultati: 96 pazienti sono stati randomizzati (48 per gruppo).",
        "Ergebnisse: 96 Patienten wurden randomisiert (48 pro Gruppe).",
    ],
)
def test_a_size_of_each_arm_in_other_languages(text):
    rows = extract_document("t", text).statistics
    sizes = [(r["kind"], r["value"]) for r in rows if r["kind"] in {"arm_size", "sample_size"}]
    assert ("arm_size", 48) in sizes
    assert all(r["arm"] in ("", None) for r in rows if r["kind"] == "arm_size")


_EVALUABLE_RESPECTIVELY = (
    "Of the 121 patients who underwent randomization, 61 were assigned to the dapagliflozin "
    "group and 60 to the placebo group; 58 and 57, respectively, were evaluable for the primary "
    "end point. The primary end point occurred in 12 patients (20.7%) in the dapagliflozin group "
    "and in 21 (36.8%) in the placebo group (relative risk, 0.56; 95% CI, 0.31 to 1.03; P=0.06)."
)


def test_two_analysed_sizes_said_respectively_are_the_arms_denominators():
    """ "58 and 57, respectively, were evaluable": the analysed arms (20.7% = 12/58, 36.8% =
    21/57), so the RR's interval is held to 12/58 vs 21/57, not to the randomized 61 and 60
    (which gave 0.30 to 1.04 and called the printed 0.31 to 1.03 inconsistent)."""
    extraction = extract_document("t", _EVALUABLE_RESPECTIVELY)
    sizes = [
        (r["value"], r["arm"], r["population"])
        for r in extraction.statistics
        if r["kind"] == "arm_size"
    ]
    assert (58, "dapagliflozin", "analysed") in sizes
    assert (57, "placebo", "analysed") in sizes
    (comparison,) = extraction.comparisons
    assert (comparison["total_1"], comparison["total_2"]) == (58, 57)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {c["check"]: c["verdict"] for c in checks if c["check"] != "percent_vs_count"}
    assert verdicts["ci_vs_counts"] == "consistent"
    assert "inconsistent" not in verdicts.values()
    assert {c["verdict"] for c in checks if c["check"] == "percent_vs_count"} == {"consistent"}


def test_analysed_sizes_with_respectively_after_the_verb_are_arm_sizes():
    text = (
        "We randomly assigned 61 patients to dapagliflozin and 60 to placebo; 58 and 57 "
        "patients were included in the primary analysis, respectively."
    )
    extraction = extract_document("t", text)
    sizes = [(r["kind"], r["value"], r["arm"]) for r in extraction.statistics]
    assert ("arm_size", 58, "dapagliflozin") in sizes
    assert ("arm_size", 57, "placebo") in sizes
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert not [c for c in checks if c["verdict"] == "inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        # one arm at two time points: the "respectively" is the weeks'
        "We randomly assigned 61 patients to dapagliflozin and 60 to placebo; 58 and 55 were "
        "evaluable at weeks 12 and 24, respectively.",
        # no "respectively": the two numbers may be anything
        "We randomly assigned 61 patients to dapagliflozin and 60 to placebo; 58 and 55 were "
        "evaluable.",
    ],
)
def test_two_analysed_numbers_without_their_own_respectively_are_no_arm_sizes(text):
    values = [r["value"] for r in extract_document("t", text).statistics if r["kind"] == "arm_size"]
    assert 58 not in values and 55 not in values


def test_the_p_of_a_table_printed_before_its_estimate_is_the_tables():
    """The p between two arms' counts and their odds ratio tests the 2x2 table. Reference:
    R 4.2, chisq.test(matrix(c(14, 76, 26, 64), 2, byrow = TRUE), correct = FALSE)$p.value
    = 0.03144373, the nearest of the standard tests to the printed 0.032, which none gives."""
    text = (
        "In total, 180 patients were randomized (intervention n = 90, control n = 90). The "
        "relapse rate at 12 months was 15.6% (14/90) vs 28.9% (26/90) (p = 0.032; OR 0.45; "
        "95% CI 0.22-0.94)."
    )
    extraction = extract_document("t", text)
    (p_row,) = [r for r in extraction.statistics if r["kind"] == "p_value"]
    (comparison,) = extraction.comparisons
    assert comparison["p_stat_id"] == p_row["stat_id"]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_check,) = [c for c in checks if c["check"] == "p_vs_counts"]
    assert p_check["verdict"] == "inconsistent"
    assert p_check["recomputed_value"] == pytest.approx(0.03144373, abs=5e-9)


@pytest.mark.parametrize("pair", ["n = 20 and 20", "n = 20 vs 21", "N = 20 versus 20"])
def test_two_arms_sizes_after_one_n_are_no_sample_size(pair):
    text = (
        "Compared with controls, patients receiving MSCs had a greater improvement in PaO2/FiO2 "
        f"at day 7 (mean change 98.5 [SD 61.2] vs 52.3 [SD 58.9]; P = 0.01; {pair})."
    )
    assert [r for r in stats(text) if r["kind"] == "sample_size"] == []


def test_one_n_after_a_label_is_still_a_sample_size():  # guard
    text = "In all patients (N = 120), mortality was 10%."
    assert [r["value"] for r in stats(text) if r["kind"] == "sample_size"] == [120]


def test_the_control_group_of_two_arms_neither_called_a_control_is_the_one_named_second():
    """R 4.2.2: sp <- sqrt((42 * 4.2^2 + 42 * 5.0^2) / 84); (13.5 - 8.1) / (sp * sqrt(1/43 +
    1/43)) prints 5.422748, Student's t of the two arms' means."""
    text = (
        "Participants were randomized to CBT-I (n = 43) or sleep hygiene education (n = 43). "
        "Insomnia Severity Index scores decreased more in the CBT-I group (M = 8.1, SD = 4.2) "
        "than in the control group (M = 13.5, SD = 5.0), t(84) = 5.42, p < .001."
    )
    means = [r["arm"] for r in stats(text) if r["kind"] == "mean"]
    assert means == ["CBT-I", "sleep hygiene education"]
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (t_check,) = [c for c in checks if c["check"] == "test_vs_summaries"]
    assert t_check["verdict"] == "consistent"
    assert t_check["recomputed_low"] <= 5.422748 <= t_check["recomputed_high"]


def test_a_control_of_three_arms_none_called_a_control_stays_unresolved():  # guard
    arms = [
        {"arm_key": key, "role": "intervention", "span_start": start}
        for key, start in (("cbt-i", 10), ("sleep hygiene education", 40), ("exercise", 80))
    ]
    assert resolve_arm("control group", arms) is None
    assert resolve_arm("control group", arms[:2]) is arms[1]


def test_a_share_of_the_people_of_an_arm_takes_that_arm():
    text = (
        "At 12 months, 28.4% of intervention patients and 22.1% of control patients had "
        "controlled blood pressure. Overall, 30% of ICU patients had delirium."
    )
    arms = [(r["value"], r["arm"]) for r in stats(text) if r["kind"] == "percentage"]
    assert arms == [(28.4, "intervention"), (22.1, "control"), (30, "")]


LETTER_GROUPS = (
    "Sixty patients were randomly allocated to group A (ketamine 0.5 mg/kg, n = 30) or group B "
    "(saline, n = 30). Pain scores at 2 h were lower in group A (2.3 ± 0.9) than in group B "
    "(4.1 ± 1.2) (P < 0.001)."
)


def test_values_of_a_group_called_by_its_letter_take_the_arm_sized_under_it():
    extraction = extract_document("t", LETTER_GROUPS)
    means = [(r["source_text"], r["arm"]) for r in extraction.statistics if r["kind"] == "mean"]
    assert means == [("2.3 ± 0.9", "ketamine 0.5 mg/kg"), ("4.1 ± 1.2", "saline")]
    [comparison] = extraction.comparisons
    assert (comparison["arm_1"], comparison["total_1"]) == ("ketamine 0.5 mg/kg", 30)
    assert (comparison["arm_2"], comparison["total_2"]) == ("saline", 30)


def test_two_labels_read_as_one_arm_give_the_comparison_no_sizes():
    # "group C" and "group D" name no sized arm; both would resolve to the one intervention arm
    text = LETTER_GROUPS.replace("in group A (2", "in group C (2").replace(
        "in group B (4", "in group D (4"
    )
    [comparison] = extract_document("t", text).comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == ("group C", "group D")
    assert (comparison["total_1"], comparison["total_2"]) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the n that ends a bracket listing what the arm before it received is that arm's
        (
            "In this trial, 100 patients with severe COVID-19 were randomly assigned 2:1 to "
            "receive umbilical cord MSCs (4 x 10^7 cells per infusion, three infusions; n = 65) "
            "or placebo (n = 35).",
            [
                ("sample_size", "", 100),
                ("arm_size", "umbilical cord MSCs", 65),
                ("arm_size", "placebo", 35),
            ],
        ),
        # guards: a bracket whose one item names the arm, and a list of labelled sizes
        (
            "Patients were randomized to stop antibiotics (short course; n = 448) or to take "
            "them for 5 more days (standard course; n = 447).",
            [("arm_size", "short course", 448), ("arm_size", "standard course", 447)],
        ),
        (
            "We analysed 178 patients (prolocaine XR, n = 88; placebo, n = 90).",
            [
                ("sample_size", "", 178),
                ("arm_size", "prolocaine XR", 88),
                ("arm_size", "placebo", 90),
            ],
        ),
    ],
)
def test_the_n_ending_a_bracket_that_describes_an_arm_is_that_arms_size(text, expected):
    found = [(r["kind"], r["arm"], r["value"]) for r in stats(text) if r["kind"].endswith("size")]
    assert found == expected
