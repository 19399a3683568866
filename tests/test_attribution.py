"""Arms of per-arm values printed side by side (attribution.py), the denominators they then
take from their arm's sizes, and the outcomes of values whose sentence or clause names them."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, extract_and_check, of_kind, one, stats

from trialaudit import attribution
from trialaudit.extract import extract_document
from trialaudit.grammar import SENTENCE_END
from trialaudit.normalize import normalize

RANDOMIZED = "We randomised 300 adults: 150 were assigned to ketamine and 150 to placebo. "


def per_arm(text):
    """Return (source_text, arm, denominator) of every per-arm value of a text."""
    return [
        (s["source_text"], s["arm"], s["denominator"])
        for s in extract_document("t", text).statistics
        if s["kind"] in attribution.PER_ARM_KINDS
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arms the sentence names before a bracketed "vs" pair, for both pairs of the
        # sentence (the second pair has no arm of its own around it)
        (
            "Patients were divided into a robotic group and a manual group. The blood loss of "
            "the robotic group was lower than that of the manual group [(120.5±30.2) mL vs "
            "(180.3±41.6) mL, t=6.52, P<0.001], and the stay was shorter [(5.1±1.2) d vs "
            "(6.8±1.9) d, t=4.15, P<0.001].",
            [
                ("120.5±30.2", "robotic", None),
                ("180.3±41.6", "manual", None),
                ("5.1±1.2", "robotic", None),
                ("6.8±1.9", "manual", None),
            ],
        ),
        # an arm named before the first value and one after the second
        (
            "The cure rate in the probiotic group was 90.0% (45/50), higher than 76.0% (38/50) "
            "in the placebo group (P=0.038).",
            [("90.0% (45/50)", "probiotic", 50), ("76.0% (38/50)", "placebo", 50)],
        ),
        # known arms after "with": the sizes come from the arms
        (
            RANDOMIZED + "Remission occurred in 60 (40.0%) with ketamine and 30 (20.0%) with "
            "placebo.",
            [("60 (40.0%)", "ketamine", 150), ("30 (20.0%)", "placebo", 150)],
        ),
        # a "vs" list in a sentence that names no arm: the study's arms in the order given
        (
            RANDOMIZED + "Remission at week 8, n (%): 60 (40.0) vs 30 (20.0).",
            [("60 (40.0)", "ketamine", 150), ("30 (20.0)", "placebo", 150)],
        ),
        # each denominator is the size of one arm: that arm, whatever the order
        (
            "We randomised 250 adults: 130 were assigned to ketamine and 120 to placebo. "
            "Response, n/N: 52/120 vs 65/130.",
            [("52/120", "placebo", 120), ("65/130", "ketamine", 130)],
        ),
        # the arm named first is the reference: the order of the values is not known
        (
            RANDOMIZED + "Compared with placebo, remission was more frequent with ketamine: "
            "60 (40.0%) vs 30 (20.0%).",
            [("60 (40.0%)", "", None), ("30 (20.0%)", "", None)],
        ),
        # a label before the values that names none of the study's arms is no arm
        (
            "In all, 549 received at least one dose (two-drug n = 275; three-drug n = 274). "
            "Drug-related grade 2–4 adverse events: 14 (5.1%) vs 9 (3.3%).",
            [("14 (5.1%)", "two-drug", 275), ("9 (3.3%)", "three-drug", 274)],
        ),
        # "in the four groups" orders values as "respectively" does
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72). "
            "Response was achieved by 10 (13.7%), 14 (19.4%), 18 (25.4%) and 24 (33.3%) "
            "patients in the four groups.",
            [
                ("10 (13.7%)", "placebo", 73),
                ("14 (19.4%)", "25 mg", 72),
                ("18 (25.4%)", "50 mg", 71),
                ("24 (33.3%)", "100 mg", 72),
            ],
        ),
        # counts joined by "and" and followed by the people they count, in a sentence that
        # names no arm: the arms in the order their sizes were given
        (
            "A total of 48 infants were enrolled (intervention n=24; control n=24). Necrotising "
            "enterocolitis occurred in 1 (4%) and 3 (13%) infants.",
            [("1 (4%)", "intervention", 24), ("3 (13%)", "control", 24)],
        ),
        # ... but not counts of what the people had, which may be two outcomes
        (
            RANDOMIZED + "Overall, 20 (6.7%) and 12 (4.0%) had nausea and vomiting.",
            [("20 (6.7%)", "", None), ("12 (4.0%)", "", None)],
        ),
        # three values, two arms named: no reading of the run (the first and last values keep
        # the arms named right after them)
        (
            RANDOMIZED + "Scores were 4.1 (SD 1.0) with ketamine, 3.9 (SD 1.1) and 3.2 (SD 0.9) "
            "with placebo.",
            [
                ("4.1 (SD 1.0)", "ketamine", None),
                ("3.9 (SD 1.1)", "", None),
                ("3.2 (SD 0.9)", "placebo", None),
            ],
        ),
    ],
)
def test_values_side_by_side_take_the_arms_a_reader_would(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Scores were 4.1 (SD 1.0) vs 3.9 (SD 1.1).", [["4.1 (SD 1.0)", "3.9 (SD 1.1)"]]),
        # a new statement between two values: not one run
        ("Mean age was 52.1 (SD 8.0) years and mean BMI was 27.3 (SD 4.1).", []),
        # a number between them
        ("Scores were 4.1 (SD 1.0) at 6 months and 3.9 (SD 1.1) later.", []),
        # different kinds
        ("Death occurred in 4/40 (10.0%) vs a median of 3 days (IQR 2-5).", []),
    ],
)
def test_what_makes_a_run(text, runs):
    norm = normalize(text)
    stats = extract_document("t", text).statistics
    found = [[r["source_text"] for r in run] for run in attribution.value_runs(stats, norm)]
    assert found == runs


def test_a_count_takes_the_analysed_denominator_its_percentage_fits():
    """22 (5.0%) is 22 of the 436 analysed in the short-course arm, not of its 448 randomized;
    the denominator's provenance is the count that prints 436."""
    text = (
        "Participants were randomized to stop antibiotics (short course; n = 448) or to continue "
        "(standard course; n = 447). Clinical failure occurred in 41 of 436 participants (9.4%) "
        "in the short-course group and in 55 of 435 (12.6%) in the standard-course group. "
        "Diarrhea occurred in 22 (5.0%) and 46 (10.6%) participants, respectively. Rash "
        "occurred in 9 (2.0%) and 4 (0.9%) participants, respectively."
    )
    stats = extract_document("t", text).statistics
    by_text = {s["source_text"]: s for s in stats}
    assert by_text["22 (5.0%)"]["denominator"] == 436
    assert (
        by_text["22 (5.0%)"]["denominator_stat_id"]
        == by_text["41 of 436 participants (9.4%)"]["stat_id"]
    )
    assert by_text["46 (10.6%)"]["denominator"] == 435
    # 9/448 = 2.0% fits the randomized size, which stays the default
    assert by_text["9 (2.0%)"]["denominator"] == 448
    assert by_text["4 (0.9%)"]["denominator"] == 447


def outcomes_of(text):
    return [(s["source_text"], s["outcome"]) for s in extract_document("t", text).statistics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a section heading run into the sentence, and the arm the subject is measured in
        (
            "Results The incidence of postoperative complications in the laparoscopic group was "
            "4/40 (10.0%).",
            [("4/40 (10.0%)", "incidence of postoperative complications")],
        ),
        # each clause its own subject
        (
            "The operation time was longer [(68.4±12.7) min vs (59.1±11.3) min], while the "
            "hospital stay was shorter [(6.2±1.3) d vs (8.1±1.7) d].",
            [
                ("68.4±12.7", "operation time"),
                ("59.1±11.3", "operation time"),
                ("6.2±1.3", "hospital stay"),
                ("8.1±1.7", "hospital stay"),
            ],
        ),
        # a label without its time point; a time point alone is no outcome
        (
            "Oxford Knee Score at 6 months: 38.2 ± 7.4 vs 37.6 ± 8.1.",
            [("38.2 ± 7.4", "Oxford Knee Score"), ("37.6 ± 8.1", "Oxford Knee Score")],
        ),
        # the test statistic printed before a p-value is not the p-value's outcome
        (
            "Results The operation time of the laparoscopic group was longer than that of the "
            "open group [(68.4±12.7) min vs (59.1±11.3) min, t=3.46, P<0.05].",
            [
                ("68.4±12.7", "operation time"),
                ("59.1±11.3", "operation time"),
                ("t=3.46", "operation time"),
                ("P<0.05", "operation time"),
            ],
        ),
        # after the reference of a comparison; a clause whose subject is an arm keeps the
        # outcome of the clause before it
        (
            "Compared with stretching, the fall rate was lower with tai chi (IRR 0.58, 95% CI "
            "0.44–0.77; p<0.001), whereas usual care did not differ (IRR 1.06, 0.83–1.36).",
            [
                ("IRR 0.58, 95% CI 0.44–0.77", "fall rate"),
                ("p<0.001", "fall rate"),
                ("IRR 1.06, 0.83–1.36", "fall rate"),
            ],
        ),
        # a bracketed aside in the subject; "developed" as its verb; a bullet as a start
        (
            "The Short Physical Performance Battery (range 0–12) improved by 1.4 (SE 0.2) and "
            "0.3 (SE 0.2) points, respectively.",
            [
                ("1.4 (SE 0.2)", "Short Physical Performance Battery"),
                ("0.3 (SE 0.2)", "Short Physical Performance Battery"),
            ],
        ),
        (
            "New-onset diabetes developed in 19 patients (9.1%) and 31 (15.0%), respectively.",
            [("19 patients (9.1%)", "New-onset diabetes"), ("31 (15.0%)", "New-onset diabetes")],
        ),
        (
            "Key results\n• Live birth: 41.8% vs 36.3%",
            [("41.8%", "Live birth"), ("36.3%", "Live birth")],
        ),
        # the second clause's subject of six words ("and" opens it); the percentage after
        # "vs" and the p right after the pair measure what the first percentage does
        (
            "Length of stay was 18.5 ± 5.2 vs 23.1 ± 6.4 days (P = 0.004), and CT lesion "
            "absorption on day 14 was 62.5% vs 35.0% (P = 0.044).",
            [
                ("18.5 ± 5.2", "Length of stay"),
                ("23.1 ± 6.4", "Length of stay"),
                ("P = 0.004", "Length of stay"),
                ("62.5%", "CT lesion absorption"),
                ("35.0%", "CT lesion absorption"),
                ("P = 0.044", "CT lesion absorption"),
            ],
        ),
        # a p right after the values of a clause tests what they measure, not what the
        # sentence named first
        (
            "The day 3 SOFA score was 7 (4–10) in the intervention group and 8 (5–11) in the "
            "usual care group (p = 0.09), and vasopressor-free days to day 28 were 22 (0–25) "
            "versus 21 (0–25) (p = 0.71).",
            [
                ("7 (4–10)", "day 3 SOFA score"),
                ("8 (5–11)", "day 3 SOFA score"),
                ("p = 0.09", "day 3 SOFA score"),
                ("22 (0–25)", "vasopressor-free days"),
                ("21 (0–25)", "vasopressor-free days"),
                ("p = 0.71", "vasopressor-free days"),
            ],
        ),
        # a clause after ", and" has a subject of its own, perhaps after when it was measured;
        # a source ("From the abstract:") is no outcome
        (
            "From the abstract: 58 patients randomised, and at 6 months the walk distance "
            "improved by 42.6 ± 30.1 m with MSCs vs 18.9 ± 28.4 m with placebo (P = 0.003).",
            [
                ("58", ""),
                ("42.6 ± 30.1", "walk distance"),
                ("18.9 ± 28.4", "walk distance"),
                ("P = 0.003", "walk distance"),
            ],
        ),
        (
            "Forty volunteers were randomised, and 38 (95%) completed both periods.",
            [("Forty", ""), ("38 (95%)", "completed both periods")],
        ),
        # an abbreviation that shares no word with the arms is an outcome; a method that
        # opens a clause is not, and leaves the clause before it its outcome
        (
            "Patients were randomized to AD-MSC (n=31) or SOC (n=31). At day 7, CRP fell by a "
            "mean of 58.3 (SD 31.2) in the AD-MSC arm vs 39.0 (SD 35.4) mg/L in the SOC arm.",
            [
                ("AD-MSC (n=31)", ""),
                ("SOC (n=31)", ""),
                ("mean of 58.3 (SD 31.2)", "CRP"),
                ("39.0 (SD 35.4)", "CRP"),
            ],
        ),
        (
            "Change in PHQ-9 score was −1.8 (SD 2.2) with vitamin D3 and −1.1 (SD 2.3) with "
            "placebo; ANCOVA showed a group effect, F(2, 167) = 4.12, P = .018.",
            [
                ("−1.8 (SD 2.2)", "Change in PHQ-9 score"),
                ("−1.1 (SD 2.3)", "Change in PHQ-9 score"),
                ("F(2, 167) = 4.12", "group effect"),
                ("P = .018", "Change in PHQ-9 score"),
            ],
        ),
        # a unit after the values names no outcome
        (
            "The drug cost per patient was (486.3±52.7) yuan vs (712.5±66.4) yuan (P<0.05).",
            [
                ("486.3±52.7", "drug cost per patient"),
                ("712.5±66.4", "drug cost per patient"),
                ("P<0.05", "drug cost per patient"),
            ],
        ),
        # words that open a sentence name no outcome
        (
            "There were 35 events in 1,200 person-years in the drug group and 60 in 1,180 "
            "person-years in the placebo group.",
            [("35 events in 1,200 person-years", ""), ("60 in 1,180 person-years", "")],
        ),
        (
            "In total, 35 events were observed in 1,200 person-years in the drug group.",
            [("35 events were observed in 1,200 person-years", "")],
        ),
        # what the people of the value before were is no label of the next: each value counts
        # what its own people had
        (
            "Baseline characteristics were balanced: 23% were women, 45% had diabetes, and 57% "
            "had ischemic cardiomyopathy.",
            [("23%", "women"), ("45%", "diabetes"), ("57%", "ischemic cardiomyopathy")],
        ),
        # an odds ratio's odds of what: the what
        (
            "After adjustment, the odds of discharge remained higher (aOR 2.3, 95% CI 1.1-4.8).",
            [("aOR 2.3, 95% CI 1.1-4.8", "discharge")],
        ),
        # what the people reported or achieved, after their counts
        (
            "Eleven women (34%) in the acupuncture group and four (13%) in the sham group "
            "reported minor bruising.",
            [("Eleven women (34%)", "minor bruising"), ("four (13%)", "minor bruising")],
        ),
        (
            "312 (73.8%) of 423 participants in the drug group and 84 (19.9%) of 423 in the "
            "placebo group achieved at least 5% weight loss.",
            [
                ("312 (73.8%) of 423", "at least 5% weight loss"),
                ("84 (19.9%) of 423", "at least 5% weight loss"),
            ],
        ),
        # the label of the first value and the known outcome of the second differ in case
        # only: one outcome, spelled as the known outcome and the p-value spell it
        (
            "Mortality at 30 days was 3.1% v 3.6% (P=0.65).",
            [("3.1%", "mortality"), ("3.6%", "mortality"), ("P=0.65", "mortality")],
        ),
    ],
)
def test_outcomes_of_subjects_clauses_and_labels(text, expected):
    assert outcomes_of(text) == expected


def counts_of(text):
    return [
        (s["source_text"], s["denominator"], "denominator_from_arm_size" in s["flags"])
        for s in extract_document("t", text).statistics
        if s["kind"] == "count"
    ]


def test_a_respectively_list_takes_the_denominators_of_the_list_before_it():
    text = (
        "Dry mouth was reported in 12/41 (29.3%) periods with the spray and 4/40 (10.0%) with the "
        "gel, and headache in 6 (14.6%) and 2 (5.0%), respectively."
    )
    assert counts_of(text) == [
        ("12/41 (29.3%)", 41, False),
        ("4/40 (10.0%)", 40, False),
        ("6 (14.6%)", 41, True),
        ("2 (5.0%)", 40, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # not a "respectively" list: the counts need not be of the same denominators
        "Dry mouth was reported in 12/41 (29.3%) periods with the spray and 4/40 (10.0%) with "
        "the gel, and headache in 6 (14.6%) and 2 (5.0%).",
        # as many counts as denominators are needed
        "Dry mouth was reported in 12/41 (29.3%) periods with the spray and 4/40 (10.0%) with "
        "the gel, and headache in 6 (14.6%), 2 (5.0%) and 1 (2.5%), respectively.",
    ],
)
def test_counts_without_a_parallel_list_keep_no_denominator(text):
    assert [denominator for _, denominator, _ in counts_of(text)[2:]] == [None] * (
        len(counts_of(text)) - 2
    )


def spreads(text):
    return [
        (s["source_text"], s["spread_kind"], s["ci_low"], s["ci_high"])
        for s in extract_document("t", text).statistics
        if s["kind"] in {"median", "mean"}
    ]


def test_a_bare_bracket_after_a_named_interval_is_an_interval_too():
    text = (
        "Median time to viraemia was 4.1 months (95% CI 3.2-5.6) with minimisation and 3.4 "
        "months (2.9-4.3) with standard tacrolimus."
    )
    assert spreads(text) == [
        ("Median time to viraemia was 4.1 months (95% CI 3.2-5.6)", "ci", 3.2, 5.6),
        ("3.4 months (2.9-4.3)", "ci", 2.9, 4.3),
    ]


def test_a_bare_bracket_after_a_mean_and_its_interval_is_an_interval_too():
    text = (
        "At 2 years, the mean Oxford Knee Score was 38.2 (95% CI 36.9 to 39.5) in the surgery "
        "group and 35.1 (33.7 to 36.5) in the conservative group."
    )
    assert spreads(text)[1] == ("35.1 (33.7 to 36.5)", "ci", 33.7, 36.5)


def test_a_mean_and_its_sd_leave_the_next_bracket_unnamed():
    text = "Mean score was 38.2 (SD 6.1) with surgery and 35.1 (33.7 to 36.5) with physiotherapy."
    _, kind, low, high = spreads(text)[1]
    assert (kind, low, high) != ("ci", 33.7, 36.5) and low is None


@pytest.mark.parametrize(
    "text",
    [
        # the first names an IQR: the bare bracket is read as the journal convention has it
        "Median stay was 6 days (IQR 4-9) with surgery and 8 days (5-12) with stenting.",
        # the second names its own spread
        "Median survival was 4.1 months (95% CI 3.2-5.6) with A and 3.4 months (IQR 2.9-4.3) "
        "with B.",
    ],
)
def test_a_bracket_keeps_its_own_reading(text):
    assert spreads(text)[1][1] == "iqr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation that names none of the document's arms is an outcome
        (
            "PATIENTS • enza n=45 vs control n=44\nRESULTS\n• PSA-PFS @ 36 mo: HR=0.68 "
            "(0.52-0.89), p=0.03",
            [("HR=0.68 (0.52-0.89)", "PSA-PFS"), ("p=0.03", "PSA-PFS")],
        ),
        # the arms unknown: a label followed by two arms' values and a bracketed aside
        (
            "• OHSS (moderate/severe): 2/306 vs 11/306, RR 0.18 [0.04;0.82]",
            [("2/306", "OHSS"), ("11/306", "OHSS"), ("RR 0.18 [0.04;0.82]", "OHSS")],
        ),
    ],
)
def test_labels_that_look_like_arms_but_are_outcomes(text, expected):
    assert [row for row in outcomes_of(text) if row[0] in dict(expected)] == expected


def test_a_label_that_names_an_arm_is_no_outcome():
    text = "We randomised 80 patients: 40 to MSC and 40 to placebo.\n• MSC: 3/40 (7.5%)."
    assert dict(outcomes_of(text))["3/40 (7.5%)"] != "MSC"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arms the methods allocate to, without sizes, name the arms of the results: a drug
        # name does not look like an arm, but it is one of this trial's
        (
            "We randomly assigned 304 adults with obesity to semaglutide or placebo. Mortality "
            "was 1.4% (2/152) with semaglutide versus 2.0% (3/152) with placebo.",
            [("1.4% (2/152)", "semaglutide", 152), ("2.0% (3/152)", "placebo", 152)],
        ),
        # ... with every word of a name of several words, and no word past it
        (
            "Women were randomised to zoledronic acid (n = 212) or alendronate (n = 209). "
            "Fractures occurred in 11 (5.2%) women with zoledronic acid versus 23 (11.0%) with "
            "alendronate.",
            [("11 (5.2%)", "zoledronic acid", 212), ("23 (11.0%)", "alendronate", 209)],
        ),
        # a value that opens a bracket after its arm belongs to that arm, not to the next
        (
            "We randomly assigned 304 adults to semaglutide or placebo. Weight loss was greater "
            "with semaglutide (mean -14.9%) than with placebo (mean -2.4%).",
            [("mean -14.9%", "semaglutide", None), ("mean -2.4%", "placebo", None)],
        ),
        # arms named by letter
        (
            "Eighty patients were randomized to group A (n = 40) or group B (n = 40). Death "
            "occurred in 10 patients (25.0%) in group A and 4 (10.0%) in group B.",
            [("10 patients (25.0%)", "group A", 40), ("4 (10.0%)", "group B", 40)],
        ),
        # a word that names no arm of the trial is not read as one
        (
            "We randomly assigned 304 adults to semaglutide or placebo. Nausea was 9.1% "
            "(14/154) with food and 2.0% (3/150) with placebo.",
            [("9.1% (14/154)", "", 154), ("2.0% (3/150)", "placebo", 150)],
        ),
    ],
)
def test_arms_the_methods_allocate_to(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-word subject is an outcome, not an arm (an abbreviation would be an arm)
        (
            "Nausea occurred in 22 (14%) vs 8 (5%) patients (P = .01).",
            [("22 (14%)", "Nausea"), ("8 (5%)", "Nausea"), ("P = .01", "Nausea")],
        ),
        # a count printed before a p-value is not the p-value's label
        (
            "Nausea occurred in 22 vs 8 patients (P = .01).",
            [("22", "Nausea"), ("8 patients", "Nausea"), ("P = .01", "Nausea")],
        ),
        # control as what a treatment achieves is no control arm
        (
            "The disease control rate was 80.0% (84/105).",
            [("80.0% (84/105)", "disease control rate")],
        ),
        (
            "Glycaemic control was achieved by 45.2% (95/210).",
            [("45.2% (95/210)", "Glycaemic control")],
        ),
    ],
)
def test_the_subject_of_a_sentence_is_its_outcome(text, expected):
    assert outcomes_of(text) == expected


@pytest.mark.parametrize(
    "text", ["The control group had 12 deaths.", "Rate control was achieved in 80% (84/105)."]
)
def test_a_control_arm_that_opens_a_sentence_is_no_outcome(text):
    assert not any("control" in outcome.lower() for _, outcome in outcomes_of(text))


def test_a_subject_that_is_one_of_the_arms_is_no_outcome():
    text = (
        "Compared with placebo, vitamin D did not reduce the incidence of fractures (5.1% vs. "
        "5.3%; HR 0.96, 95% CI 0.82-1.12, P = 0.57) among 12,927 participants (6,463 vitamin D, "
        "6,464 placebo)."
    )
    assert "vitamin D" not in {outcome for _, outcome in outcomes_of(text)}


def test_an_abbreviation_that_opens_a_sentence_is_an_arm_not_an_outcome():
    text = "MSCs were given to 20 patients. MSCs showed 3 (15%) infections."
    assert dict(outcomes_of(text)).get("3 (15%)") != "MSCs"


def test_a_clause_after_a_semicolon_opening_with_an_abbreviation_has_its_own_subject():
    text = "MSCs were well tolerated; IL-6 fell from 30.1 ± 5.2 to 12.3 ± 4.0."
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"], r["outcome"]) for r in rows] == [
        ("30.1 ± 5.2", "", "IL-6"),
        ("12.3 ± 4.0", "", "IL-6"),
    ]


def test_an_event_before_a_bracket_of_two_ns_is_their_outcome():
    assert outcomes_of("Adverse events: headache (n=12 vs n=9), dizziness (n=5 vs n=7).") == [
        ("n=12", "headache"),
        ("n=9", "headache"),
        ("n=5", "dizziness"),
        ("n=7", "dizziness"),
    ]


def test_compared_with_first_names_the_comparator_then_the_subject():
    text = (
        "Methods: 120 patients were randomized to early mobilization (n=60) or usual care "
        "(n=60). Results: Compared with usual care, early mobilization reduced ICU stay "
        "(4.2 ± 1.1 vs 5.6 ± 1.9 days, P < 0.001)."
    )
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"], r["outcome"]) for r in rows[3:]] == [
        ("4.2 ± 1.1", "early mobilization", "ICU stay"),
        ("5.6 ± 1.9", "usual care", "ICU stay"),
        ("P < 0.001", "early mobilization vs usual care", "ICU stay"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value that opens a bracket after "of the X group"
        (
            "The total effective rate of the observation group (95.00%) was higher than that of "
            "the control group (80.00%).",
            [("95.00%", "observation"), ("80.00%", "control")],
        ),
        # "in the X group was" before the value
        (
            "The incidence of adverse reactions in the study group was 5.00% (2/40), lower than "
            "20.00% (8/40) in the control group.",
            [("5.00% (2/40)", "study"), ("20.00% (8/40)", "control")],
        ),
    ],
)
def test_arms_named_before_a_value(text, expected):
    assert [(s, a) for s, a, _ in per_arm(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word joined to its unit by a hyphen
        ("Twelve-month mortality was 10% vs 18%.", ["month 12", "month 12"]),
        ("Twenty-four-week scores were 12.1 ± 3.0 vs 14.2 ± 3.1.", ["week 24", "week 24"]),
        # the decimals of a duration are not a time point of their own ("2.3 years" is not
        # year 3)
        (
            "At the end of follow-up (median 2.3 years), 40 (20%) vs 55 (27%) patients had died.",
            ["", "", ""],
        ),
        # a median that is a duration is no time point of the values near it
        (
            "The median time to recovery was 10 days (IQR 7-15) with remdesivir and 15 days "
            "(IQR 10-19) with placebo (P<0.001).",
            ["", "", ""],
        ),
        ("Hospital stay was shorter (median 12 vs 18 days, p = 0.02).", ["", "", ""]),
        # a time point stays one when a duration is printed beside it
        (
            "At day 28, hospital stay was shorter (median 12 vs 18 days, p = 0.02).",
            ["day 28", "day 28", "day 28"],
        ),
        # months and weeks abbreviated, a day joined to its number
        ("• PSA-PFS @ 36 mo: HR=0.68 (0.52-0.89), p=0.03", ["month 36", "month 36"]),
        ("Day-28 mortality: 10/50 vs 18/49.", ["day 28", "day 28"]),
        ("Response at 12 wk: 40% vs 22%.", ["week 12", "week 12"]),
        # where a change starts is no time point
        (
            "At month 8, the change from baseline in the symptom score was 7.9±16.2 points with "
            "drug and 5.1±17.0 points with placebo.",
            ["month 8", "month 8"],
        ),
        # a span of weeks is at its last
        ("Over weeks 1–12, the response was 41.2% (126/306) vs 26.8% (82/306).",
         ["week 12", "week 12"]),
    ],
)  # fmt: skip
def test_time_points(text, expected):
    assert [s["timepoint"] for s in extract_document("t", text).statistics] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a treatment changed "by" an amount
        (
            "Compared with placebo, drug lowered systolic blood pressure by 8.2 mmHg (95% CI 6.1 "
            "to 10.3).",
            {"systolic blood pressure"},
        ),
        # the incidence, risk or rate of something, not the subject that had it
        (
            "Drug was associated with a lower incidence of delirium than placebo (9% vs 17%; OR "
            "0.48, 95% CI 0.30-0.77; P=0.002).",
            {"delirium"},
        ),
        # what the subject had fewer (or more) of
        (
            "Patients receiving drug had fewer exacerbations (rate ratio 0.58; 95% CI 0.44-0.76).",
            {"exacerbations"},
        ),
        # "In the intention-to-treat analysis," opens the sentence before its subject
        (
            "In the intention-to-treat analysis, the proportion of patients with sustained "
            "virologic response was 95% (190/200) in group A and 88% (176/200) in group B.",
            {"proportion of patients with sustained virologic response"},
        ),
        # an opening phrase is not the subject
        (
            "Results: After treatment, the VAS score of the observation group was lower than "
            "that of the control group [(2.31±0.52) points vs (3.45±0.61) points, t=8.99, "
            "P<0.001].",
            {"VAS score"},
        ),
        # page furniture before a heading starts a clause; the heading is no subject
        (
            "首页 | 期刊介绍 | 投稿指南 Results: The effective rate of the treatment group was "
            "93.3% (42/45), higher than 77.8% (35/45) of the control group (χ2=4.41, P=0.036).",
            {"effective rate"},
        ),
        # what the people "had", and events that "occurred"
        ("In the first 30 days, 5 patients (5%) had bleeding.", {"bleeding"}),
        ("During the 2-year follow-up, 8 (4%) vs 15 (7.5%) strokes occurred.", {"strokes"}),
        # a subject before "had" and a participle
        ("By week 24, HbA1c had decreased by 1.5% (SD 0.8).", {"HbA1c"}),
        # a time after an event opens the sentence before its subject
        (
            "Six months after surgery, pain scores were 2.1 ± 1.0 vs 3.4 ± 1.2 (P < 0.001).",
            {"pain scores"},
        ),
        # a CI printed before a p-value is no label of it
        (
            "The response rate was 45.2% in the combination arm versus 30.1% in the monotherapy "
            "arm (odds ratio 1.91, 95% CI 1.20-3.05, p=0.006).",
            {"response rate"},
        ),
        # a label in capitals is no section heading unless its words make one
        ("CRP: MSC 12.1 ± 3.0 vs control 18.4 ± 4.2 mg/L (P = 0.01).", {"CRP"}),
        ("NIHSS: 4.1 ± 2.0 vs 6.3 ± 2.2 (P = 0.02).", {"NIHSS"}),
        ("METHODS AND RESULTS: Mortality was 12% vs 20%.", {"mortality"}),
        ("MAIN OUTCOME MEASURES: Mortality was 12% vs 20%.", {"mortality"}),
        # what the bracket a value opens is "in"
        (
            "There were no differences in neonatal death (0.7% v 0.9%) or in birth weight "
            "(mean difference 18 g, 95% CI -21 to 57).",
            {"neonatal death", "birth weight"},
        ),
        # ... but not a clause's verb and what follows it
        (
            "The difference in lesion volume was significant (P = 0.008).",
            {"difference in lesion volume"},
        ),
        # any word that only opens a sentence (context._OPENERS) stands before its subject
        (
            "Of these, the primary outcome occurred in 12 (10%) and 20 (17%) patients.",
            {"primary outcome"},
        ),
    ],
)
def test_the_outcome_a_sentence_names(text, expected):
    assert {outcome for _, outcome in outcomes_of(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair of values with their unit once, in a bracket after the arms are named: the
        # arms in the order the sentence names them, what the subjects had shorter the outcome
        (
            "Patients in the intervention group had shorter ICU stays than those in the control "
            "group (4.2 vs 6.1 days).",
            [("4.2", "intervention", "ICU stays"), ("6.1 days", "control", "ICU stays")],
        ),
        (
            "The MSC group showed greater improvement than controls (12.3 ± 2.1 vs 8.4 ± 2.5).",
            [("12.3 ± 2.1", "MSC", "improvement"), ("8.4 ± 2.5", "controls", "improvement")],
        ),
        # a label right after "with" is what was given, not what was measured
        (
            "Weight fell more with drug (-3.1 vs -1.2 kg; P = 0.02).",
            [("-3.1", "drug", "Weight"), ("-1.2 kg", "", "Weight"), ("P = 0.02", "", "Weight")],
        ),
    ],
)
def test_a_bracketed_pair_after_the_arms_of_a_comparison(text, expected):
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"], r["outcome"]) for r in rows] == expected
    bare = [r for r in rows if r["kind"] == "mean" and "±" not in r["source_text"]]
    assert all(r["summary_type_not_stated"] for r in bare)


def test_a_count_takes_the_arm_its_people_were_assigned_to():
    text = (
        "The primary outcome occurred in 112 of 1,024 patients (10.9%) assigned to apixaban and "
        "148 of 1,019 (14.5%) assigned to aspirin."
    )
    rows = extract_document("t", text).statistics
    assert [(r["numerator"], r["arm"]) for r in rows] == [(112, "apixaban"), (148, "aspirin")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the treatment as subject, the comparator after "than" or "compared with": the
        # subject's value first
        (
            "Drug was associated with a lower incidence of delirium than placebo (9% vs 17%).",
            [("9%", "Drug"), ("17%", "placebo")],
        ),
        (
            "Compared with placebo, dexmedetomidine reduced the incidence of delirium (9% vs 17%).",
            [("9%", "dexmedetomidine"), ("17%", "placebo")],
        ),
        # of two sized arms, a subject that is neither ("Treatment") is the one not compared
        # with; the first value was the comparator's, as the arm nearest to it
        (
            "We randomized 60 patients to MSC (n = 30) or placebo (n = 30). Treatment reduced "
            "mortality compared with placebo (10% vs 30%).",
            [
                ("MSC (n = 30)", "MSC"),
                ("placebo (n = 30)", "placebo"),
                ("10%", "MSC"),
                ("30%", "placebo"),
            ],
        ),
        # a value already given another arm by its own label is left alone
        (
            "Drug was associated with less delirium than placebo (usual care 9% vs 17%).",
            [("9%", "usual care"), ("17%", "")],
        ),
    ],
)
def test_a_bracketed_pair_takes_the_subject_and_comparator_of_its_sentence(text, expected):
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"]) for r in rows if r["kind"] != "sample_size"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "(two-sided P = 0.03)",
        "The difference was statistically significant (P < 0.05).",
        "(two-tailed P=0.21)",
        "(log-rank P = 0.003)",
        # the arms as the subject name no outcome
        "The two groups differed significantly (P = 0.012).",
        "The MSC group differed from controls (P = 0.04).",
    ],
)
def test_words_about_the_test_are_no_outcome(text):
    assert [outcome for _, outcome in outcomes_of(text)] == [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a section heading is no outcome; what happened to the people counted is
        (
            "Results: Thirty-two patients in the drug group and 45 in the placebo group were "
            "hospitalized.",
            ["hospitalized", "hospitalized"],
        ),
        ("Twelve (12%) and 20 (20%) were lost to follow-up.", ["lost to follow-up"] * 2),
        # what they achieved, named by a capitalised score
        (
            "At week 16, 36 patients (38%) in the dupilumab group and 10 (11%) in the placebo "
            "group achieved an EASI-75 response.",
            ["EASI-75 response"] * 2,
        ),
    ],
)
def test_the_predicate_of_a_sentence_without_subject_is_its_outcome(text, expected):
    assert [outcome for _, outcome in outcomes_of(text)] == expected


def test_a_past_tense_verb_after_the_group_is_the_outcome():
    text = "Ten of the 42 patients (23.8%) in the treatment group relapsed."
    assert outcomes_of(text) == [("Ten of the 42 patients (23.8%)", "relapse")]


def test_a_value_bracketed_inside_its_subject_takes_that_subject():
    text = (
        "The total effective rate of the observation group (95.00%) was higher than that of "
        "the control group (80.00%)."
    )
    assert outcomes_of(text) == [
        ("95.00%", "total effective rate"),
        ("80.00%", "total effective rate"),
    ]


def test_a_label_that_names_an_arm_is_not_the_outcome_of_its_value():
    text = (
        "Methods: We randomized 80 patients to drug (n = 40) or placebo (n = 40). Results: Pain "
        "scores (mean ± SD): drug 5.1 ± 1.2, placebo 6.3 ± 1.5."
    )
    assert [o for s, o in outcomes_of(text) if "±" in s] == ["Pain scores", "Pain scores"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of the X group" before and after the value, as Chinese-journal English writes it
        (
            "The effective rate of the treatment group was 93.3% (42/45), higher than 77.8% "
            "(35/45) of the control group.",
            [("93.3% (42/45)", "treatment", 45), ("77.8% (35/45)", "control", 45)],
        ),
        # a control arm named without "group", as a forum post quotes a trial
        (
            "At day 28, 2 of 20 (10%) in the MSC arm vs 7 of 20 (35%) in placebo had died.",
            [("2 of 20 (10%)", "MSC", 20), ("7 of 20 (35%)", "placebo", 20)],
        ),
    ],
)
def test_arms_of_the_group_and_in_placebo(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "n = 4, 13.3%" after a lettered group counts events in it; it is no arm size
        (
            "The number of patients needing rescue medication was lower in group A (n = 4, "
            "13.3%) than in group B (n = 11, 36.7%).",
            [("n = 4, 13.3%", "group A", None), ("n = 11, 36.7%", "group B", None)],
        ),
        # a label before two values joined by "vs" is what they measure, not an arm ...
        ("Treatment success: 72.3% vs 60.1%.", [("72.3%", "", None), ("60.1%", "", None)]),
        # ... while labels before each value name the arms
        ("MSC: 3/40 vs control: 8/40.", [("3/40", "MSC", 40), ("8/40", "control", 40)]),
    ],
)
def test_lettered_groups_with_a_count_and_labels_before_compared_values(text, expected):
    assert per_arm(text) == expected
    assert not [s for s in extract_document("t", text).statistics if s["kind"] == "arm_size"]


@pytest.mark.parametrize(
    ("text", "arms", "outcome"),
    [
        (
            "Clinical improvement by day 14 occurred in 61.8% of the MSC group compared with "
            "38.2% of controls.",
            ["MSC", "control"],
            "Clinical improvement",
        ),
        # "in the two groups" is every arm, not an arm called "two"
        (
            "The rate of grade 3 or higher adverse events was 12.5% (5/40) and 10.0% (4/40) in "
            "the two groups.",
            ["", ""],
            "adverse events",
        ),
        # what the people developed
        (
            "One patient (2.5%) in the MSC group and three patients (7.5%) in the control group "
            "developed pneumonia.",
            ["MSC", "control"],
            "pneumonia",
        ),
    ],
)
def test_arms_of_controls_of_no_one_arm_and_what_people_developed(text, arms, outcome):
    rows = extract_document("t", text).statistics
    assert [r["arm"] for r in rows] == arms
    assert {r["outcome"] for r in rows} == {outcome}


def test_an_arm_after_a_heading_is_not_the_outcome_of_its_value():
    text = "Hospital length of stay: MSC 12 days (IQR 9-16), placebo 15 days (IQR 11-20), P = 0.03."
    assert [(s, o) for s, o in outcomes_of(text)] == [
        ("12 days (IQR 9-16)", "length of stay"),
        ("15 days (IQR 11-20)", "length of stay"),
        ("P = 0.03", "length of stay"),
    ]


@pytest.mark.parametrize(
    ("text", "kinds", "expected"),
    [
        # values side by side measure one outcome
        (
            "Median length of stay: 8 days [IQR 6-11] vs 10 days [IQR 7-15], P = .02.",
            {"mean", "median"},
            ["length of stay", "length of stay"],
        ),
        (
            "The mean duration of symptoms was 6.2 days (SD, 2.1) in the intervention group vs 7.9 "
            "days (SD, 2.8) in the control group.",
            {"mean", "median"},
            ["duration of symptoms", "duration of symptoms"],
        ),
        # what the result was, or when, is not what was measured
        ("The difference was not statistically significant (p = 0.12).", {"p_value"}, [""]),
        (
            "The between-group difference in change at 8 weeks was 4.1 points (95% confidence "
            "interval, 1.9 to 6.3).",
            {"difference"},
            [""],
        ),
    ],
)
def test_the_outcome_of_each_value(text, kinds, expected):
    rows = extract_document("t", text).statistics
    assert [r["outcome"] for r in rows if r["kind"] in kinds] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people a count or percentage counts, named right after it
        (
            "Among 640 randomized patients (median age, 58 years; 301 [47.0%] women), 612 "
            "completed follow-up.",
            [("301 [47.0%]", "women")],
        ),
        ("Mean age was 61.4 ± 9.9 years and 212 (55.2%) were men.", [("212 (55.2%)", "men")]),
        # ... or between the count and its share
        (
            "Among 1206 randomized patients (median age, 64 years [IQR, 55-73]; 402 women "
            "[33.3%]), 1198 (99.3%) completed the trial.",
            [("402 women [33.3%]", "women")],
        ),
        ("Mean (SD) age was 52.0 (11.0) years, 44% were women.", [("44%", "women")]),
        # ... but not the people an event occurred in
        (
            "Fractures occurred in 11 (5.2%) women with zoledronic acid versus 23 (10.9%) with "
            "placebo.",
            [("11 (5.2%)", "Fractures")],
        ),
        (
            "Preterm birth occurred in 31 women (8.6%) given progesterone and 44 women (12.2%) "
            "given placebo.",
            [("31 women (8.6%)", "Preterm birth"), ("44 women (12.2%)", "Preterm birth")],
        ),
        (
            "Of the 1,200 participants, 600 men (50.0%) and 600 women (50.0%) were enrolled.",
            [("600 women (50.0%)", "women")],
        ),
        # what "there were" counts
        (
            "Over 6 months there were 214 episodes of migraine in the erenumab group and 388 in "
            "the placebo group (rate ratio 0.55, 95% CI 0.46 to 0.66).",
            [("388", "migraine"), ("rate ratio 0.55, 95% CI 0.46 to 0.66", "migraine")],
        ),
        # a subject with a long bracket, a percentage in it, or more than eight words
        (
            "Complete remission (defined as no detectable disease on imaging at any site) "
            "occurred in 41 of 120 patients (34.2%) in the intervention group and in 22 of 118 "
            "(18.6%) in the control group.",
            [("41 of 120 patients (34.2%)", "Complete remission")],
        ),
        (
            "At least 30% pain relief was achieved by 40 (50.0%), 31 (38.8%) and 22 (27.5%) "
            "patients in the three groups.",
            [("31 (38.8%)", "At least 30% pain relief")],
        ),
        (
            "Serum 25(OH)D rose by 38.0 nmol/L (SE 2.5) with vitamin D versus 2.1 nmol/L (SE "
            "2.2) with placebo.",
            [("38.0 nmol/L (SE 2.5)", "Serum 25(OH)D")],
        ),
        # a subject in a quotation
        (
            'The review quotes it: "Relapse by month 6 occurred in 9 of 80 patients on drug and '
            '21 of 79 on placebo."',
            [("9 of 80", "Relapse")],
        ),
        # labelled lists: the label of each item, not the heading over them
        (
            "Week 24 outcomes, n/N (%): HbA1c <7%, 88/150 (58.7) vs 61/149 (40.9); severe "
            "hypoglycaemia, 3/150 (2.0) vs 4/149 (2.7).",
            [
                ("88/150 (58.7)", "HbA1c <7%"),
                ("61/149 (40.9)", "HbA1c <7%"),
                ("3/150 (2.0)", "severe hypoglycaemia"),
                ("4/149 (2.7)", "severe hypoglycaemia"),
            ],
        ),
        # labels with a grade, a leading percentage, or what the values are after a comma
        ("• Pneumonia grade ≥3: (n = 4/60) vs (n = 11/61), NS.", [("4/60", "Pneumonia grade ≥3")]),
        ("75% responders: 33.0% vs 18.5%.", [("33.0%", "75% responders")]),
        (
            "Hospital stay, days: drug 6 [IQR 4-9], placebo 8 [IQR 5-12].",
            [("6 [IQR 4-9]", "Hospital stay")],
        ),
        (
            "• Haemoglobin, g/dL, mean±SD: 11.2±1.4 vs 10.6±1.5, p=0.01",
            [("11.2±1.4", "Haemoglobin"), ("p=0.01", "Haemoglobin")],
        ),
        # a label before a bracket that says what the values are, after a bullet
        ("• n=45 vs n=44 • age (mean±SD) 64.2±7.1 vs 63.8±6.9", [("64.2±7.1", "age")]),
        # the subject of the copula before the value
        (
            "Mean (SD) age was 52.0 (11.0) years and baseline HbA1c was 8.1 (0.9).",
            [("8.1 (0.9)", "baseline HbA1c")],
        ),
        # a subject after a colon
        (
            "Study 1 (episodic, 4-14 migraine days a month at entry): monthly migraine days fell "
            "by 4.3 with the antibody vs 2.8 with placebo, difference −1.5 days (95% CI −2.1 to "
            "−0.9).",
            [("difference −1.5 days (95% CI −2.1 to −0.9", "monthly migraine days")],
        ),
        # a label before a percentage, unless the value after it has one of its own (two arms)
        ("tested monthly: 50% responder rate 39.9% vs 23.5%.", [("39.9%", "50% responder rate")]),
        (
            "• Live birth: freeze-all 41.8% vs fresh 36.3%, RR 1.15 (0.97-1.37), p=0.16",
            [("41.8%", "Live birth"), ("RR 1.15 (0.97-1.37)", "Live birth")],
        ),
    ],
)
def test_outcomes_of_labelled_lists_people_and_long_subjects(text, expected):
    found = outcomes_of(text)
    assert [row for row in found if row[0] in dict(expected)] == expected


def arms_of(text):
    return [(s["source_text"], s["arm"]) for s in extract_document("t", text).statistics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an estimate, test or p-value takes the two arms of the values before it
        (
            "Eighty patients were randomized to laparoscopic (n = 40) or open (n = 40) surgery. "
            "Complications occurred in 4/40 (10.0%) in the laparoscopic group and 11/40 (27.5%) "
            "in the open group (χ2=4.02, P<0.05).",
            [("χ2=4.02", "laparoscopic vs open"), ("P<0.05", "laparoscopic vs open")],
        ),
        # ... or the two known arms its sentence compares before it
        (
            "We randomized 350 adults to the combination (n = 141), calcipotriol (n = 139) or "
            "vehicle (n = 70). The combination was superior to calcipotriol (adjusted OR = 1.93 "
            "[1.17–3.18]; P = .01) and to vehicle (adjusted OR = 8.71 [3.52–21.6]; p<0.0001).",
            [
                ("OR = 1.93 [1.17–3.18]", "combination vs calcipotriol"),
                ("P = .01", "combination vs calcipotriol"),
                ("OR = 8.71 [3.52–21.6]", "combination vs vehicle"),
            ],
        ),
        (
            "We randomized 612 adults to tai chi (n = 153), Otago (n = 154) or stretching (n = "
            "152). Compared with stretching, the fall rate was lower with tai chi (IRR 0.58, 95% "
            "CI 0.44–0.77; p<0.001) and with Otago (IRR 0.69, 0.53–0.90; P = .006).",
            [
                ("IRR 0.58, 95% CI 0.44–0.77", "tai chi vs stretching"),
                ("IRR 0.69, 0.53–0.90", "Otago vs stretching"),
            ],
        ),
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72). "
            "The LS "
            "mean difference for 100 mg versus placebo was −1.1 (95% CI −1.8 to −0.4; P = .002). "
            "Sleep scores were lower with 100 mg than with placebo (P=0.01).",
            [
                ("P = .002", "100 mg vs placebo"),
                ("P=0.01", "100 mg vs placebo"),
            ],
        ),
        # an arm in a bracket after a value, or what its people were treated with
        (
            "Patients were randomized to 140 mg (n = 200) or placebo (n = 198). The 50% "
            "responder rate was 39.9% (140 mg) vs 23.5% (placebo).",
            [("39.9%", "140 mg"), ("23.5%", "placebo")],
        ),
        (
            "We randomly assigned 120 patients to iron (n = 60) or placebo (n = 60). NYHA class "
            "improved in 52% of iron-treated and 31% of placebo-treated patients.",
            [("52%", "iron"), ("31%", "placebo")],
        ),
        # two arms not known to the document are no comparison's arms
        (
            "Sleep scores were lower with the new regimen than with usual care (P=0.01).",
            [("P=0.01", "")],
        ),
    ],
)
def test_arms_of_estimates_and_of_values_with_an_arm_after_them(text, expected):
    found = arms_of(text)
    assert [row for row in found if row[0] in dict(expected)] == expected


def test_a_count_of_a_known_arm_after_a_label_and_one_of_all_who_completed_take_their_sizes():
    rows = extract_document(
        "t",
        "We randomised 186 adults to vitamin D3 or placebo. Results: 171 participants (91.9%) "
        "completed the study.\nPATIENTS • enza n=45 vs control n=44 • Gleason ≥8: enza 17 "
        "(38%), control 15 (34%)",
    ).statistics
    found = {
        r["source_text"]: (r["arm"], r["denominator"], r["outcome"])
        for r in rows
        if r["kind"] == "count"
    }
    assert found["171 participants (91.9%)"] == ("", 186, "completed the study")
    assert found["17 (38%)"] == ("enza", 45, "Gleason ≥8")


def rows_of(text, kinds):
    return [
        (r["kind"], r["source_text"], r["arm"], r["denominator"], r["outcome"])
        for r in extract_document("t", text).statistics
        if r["kind"] in kinds
    ]


@pytest.mark.parametrize(
    ("text", "kinds", "expected"),
    [
        # a count after "n =" with its percentage in a bracket, and the arm named before it
        (
            "Patients were randomised to MSC (n = 65) or placebo (n = 35). Fever occurred in MSC "
            "(n = 4, 6.2%) and placebo (n = 2 [5.7%]).",
            {"count"},
            [
                ("count", "n = 4, 6.2%", "MSC", 65, "fever"),
                ("count", "n = 2 [5.7%]", "placebo", 35, "fever"),
            ],
        ),
        # the people a sentence counts among are an arm's size
        (
            "Among the 160 infants in the probiotic group, 12 (7.5%) developed necrotizing "
            "enterocolitis.",
            {"count", "arm_size"},
            [
                ("arm_size", "160", "probiotic", None, ""),
                ("count", "12 (7.5%)", "probiotic", 160, "necrotizing enterocolitis"),
            ],
        ),
        # an arm's name between its value and "vs"
        (
            "Mortality: 3/25 (12%) MSC vs 6/25 (24%) control, p=0.46.",
            {"count"},
            [
                ("count", "3/25 (12%)", "MSC", 25, "mortality"),
                ("count", "6/25 (24%)", "control", 25, "mortality"),
            ],
        ),
        # what the arm's people did is not part of its name
        (
            "Twenty-three of 48 patients (47.9%) receiving MSCs recovered, compared with 12 of 47 "
            "(25.5%) receiving placebo.",
            {"count"},
            [
                ("count", "Twenty-three of 48 patients (47.9%)", "MSCs", 48, "recovery"),
                ("count", "12 of 47 (25.5%)", "placebo", 47, "recovery"),
            ],
        ),
        # a count in words keeps the percentage in brackets after its denominator
        (
            "Twelve of 50 patients (24%) in the control group died, compared with five of 50 "
            "(10%) in the MSC group.",
            {"count"},
            [
                ("count", "Twelve of 50 patients (24%)", "control", 50, "death"),
                ("count", "five of 50 (10%)", "MSC", 50, "death"),
            ],
        ),
        # each arm's people named by the arm, after an event
        (
            "Patients were randomised to intervention (n = 206) or usual care (n = 203). "
            "Hypernatraemia occurred in nine intervention patients and three usual-care patients.",
            {"count"},
            [
                ("count", "nine intervention patients", "intervention", 206, "Hypernatraemia"),
                ("count", "three usual-care patients", "usual-care", 203, "Hypernatraemia"),
            ],
        ),
        (
            "MSCs (n = 37) or control (n = 35). Three patients died (one MSC patient and two "
            "control patients).",
            {"count"},
            [
                ("count", "Three patients", "", None, "death"),
                ("count", "one MSC patient", "MSC", 37, "death"),
                ("count", "two control patients", "control", 35, "death"),
            ],
        ),
        (
            "MSC (n = 37) or control (n = 35). Adverse events occurred in 22 (59.5%) MSC patients "
            "and 20 (57.1%) control patients.",
            {"count"},
            [
                ("count", "22 (59.5%) MSC patients", "MSC", 37, "adverse events"),
                ("count", "20 (57.1%) control patients", "control", 35, "adverse events"),
            ],
        ),
        # an arm named by how it was given
        (
            "Three patients (6.0%) died after MSC infusion compared with seven (14.0%) in the "
            "placebo group.",
            {"count"},
            [
                ("count", "Three patients (6.0%)", "MSC", None, "death"),
                ("count", "seven (14.0%)", "placebo", None, "death"),
            ],
        ),
        # the people of an arm named by what they received
        (
            "Of the 60 patients receiving MSCs, 6 died.",
            {"count", "arm_size"},
            [("arm_size", "60", "MSCs", None, ""), ("count", "6", "MSCs", 60, "death")],
        ),
        (
            "Among 45 placebo recipients, 9 (20%) required mechanical ventilation.",
            {"count", "arm_size"},
            [
                ("arm_size", "45", "placebo", None, ""),
                ("count", "9 (20%)", "placebo", 45, "mechanical ventilation"),
            ],
        ),
        # arms with their sizes in brackets that add up to the total randomized
        (
            "Of the 2,341 patients assessed, 1,502 were enrolled and randomly assigned to receive "
            "dexamethasone (752) or usual care (750).",
            {"arm_size"},
            [
                ("arm_size", "dexamethasone (752)", "dexamethasone", None, ""),
                ("arm_size", "usual care (750)", "usual care", None, ""),
            ],
        ),
        (
            "In total, 603 patients were randomized to ivermectin (n = 200), fluvoxamine (201) or "
            "placebo (202).",
            {"arm_size"},
            [
                ("arm_size", "ivermectin (n = 200)", "ivermectin", None, ""),
                ("arm_size", "fluvoxamine (201)", "fluvoxamine", None, ""),
                ("arm_size", "placebo (202)", "placebo", None, ""),
            ],
        ),
        # ... and brackets that do not add up are no sizes
        (
            "1,502 were randomly assigned to receive dexamethasone (752) or usual care (650).",
            {"arm_size"},
            [],
        ),
        # an opening word is no label of the values after it; what they did is their outcome
        (
            "Overall, 48 participants (24%) withdrew before week 12.",
            {"count"},
            [("count", "48 participants (24%)", "", None, "withdrawal")],
        ),
    ],
)
def test_counts_after_n_equals_sizes_among_and_in_brackets(text, kinds, expected):
    assert rows_of(text, kinds) == expected


def test_a_count_after_its_group_and_an_arm_clause_that_keeps_the_outcome_before_it():
    assert rows_of(
        "In the intervention group, 18 patients died, compared with 30 patients in the control "
        "group.",
        {"count"},
    ) == [
        ("count", "18 patients", "intervention", None, "death"),  # with its noun
        ("count", "30 patients", "control", None, "death"),
    ]
    assert rows_of(
        "Stroke: drug 14/1020 (1.4%); placebo 25/1015 (2.5%); HR 0.56 (0.29-1.07).",
        {"count", "ratio"},
    ) == [
        ("count", "14/1020 (1.4%)", "drug", 1020, "Stroke"),
        ("count", "25/1015 (2.5%)", "placebo", 1015, "Stroke"),
        ("ratio", "HR 0.56 (0.29-1.07)", "drug vs placebo", None, "Stroke"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # when the values were measured is not what they measure
        ("At the 6-month follow-up, 45% vs 30% of patients were abstinent.", ["", ""]),
        ("At discharge, 72% vs 58% were independent (P = 0.01).", ["", "", "independent"]),
        # a heading over several outcomes, with its time point, is none of them
        # ... but the label the counts open with is ("recurrence 8 (6.7%) vs 19 (15.8%)")
        (
            "Outcomes at 12 months (primary endpoint): recurrence 8 (6.7%) vs 19 (15.8%).",
            ["recurrence", "recurrence"],
        ),
        # a label right before a percentage is its outcome
        ("Response: 61% vs 43% (P = 0.02).", ["Response", "Response", "Response"]),
    ],
)
def test_when_and_headings_are_no_outcome_of_the_values_after_them(text, expected):
    assert [outcome for _, outcome in outcomes_of(text)] == expected


def test_people_named_by_their_arm_and_an_arm_named_by_a_capital_letter():
    rows = rows_of(
        "We randomly assigned 400 patients to apixaban (n = 200) or warfarin (n = 200). Major "
        "bleeding occurred in 4 apixaban-treated patients (2.0%) and 11 warfarin-treated "
        "patients (5.5%).",
        {"count"},
    )
    assert rows == [
        ("count", "4 apixaban-treated patients (2.0%)", "apixaban", 200, "Major bleeding"),
        ("count", "11 warfarin-treated patients (5.5%)", "warfarin", 200, "Major bleeding"),
    ]
    assert arms_of(
        "We randomized 500 children to vitamin A (n = 250) or placebo (n = 250). CBT "
        "participants improved by 8.2 points (SD 4.1)."
    )[:2] == [("500", ""), ("vitamin A (n = 250)", "vitamin A")]
    assert outcomes_of(
        "Participants were randomized to CBT (n = 60) or waitlist (n = 58). CBT participants "
        "improved by 8.2 points (SD 4.1) versus 2.3 points (SD 3.9) for waitlist participants."
    )[2:] == [("8.2 points (SD 4.1)", ""), ("2.3 points (SD 3.9)", "")]


def test_an_arm_after_a_comparison_belongs_to_the_value_compared_with():
    text = (
        "Methods: 80 patients were randomly divided into an observation group and a control "
        "group, with 40 cases in each group. Results: The total effective rate of the "
        "observation group was 95.00% (38/40), higher than that of the control group (80.00%, "
        "32/40) (χ2=4.11, P<0.05)."
    )
    assert rows_of(text, {"count"}) == [
        ("count", "95.00% (38/40)", "observation", 40, "total effective rate"),
        ("count", "80.00%, 32/40", "control", 40, "total effective rate"),
    ]
    assert arms_of("• Primary endpoint: 58% (drug) vs 41% (placebo), p=0.002") == [
        ("58%", "drug"),
        ("41%", "placebo"),
        ("p=0.002", "drug vs placebo"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # BMJ's "v" joins two arms' values as "vs" does
        (
            "Patients on drug had lower rates of relapse (12% v 24%; relative risk 0.50, 95% "
            "confidence interval 0.31 to 0.81).",
            [("12%", "relapse"), ("24%", "relapse")],
        ),
        (
            "Mean pain scores were 3.1 (SD 1.9) v 4.4 (2.1) at 12 weeks.",
            [("Mean pain scores were 3.1 (SD 1.9)", "pain scores"), ("4.4 (2.1)", "pain scores")],
        ),
    ],
)
def test_bmj_v_joins_two_values(text, expected):
    assert [row for row in outcomes_of(text) if row[0] in dict(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural "groups" names two arms
        (
            "The response rates in the MSC and control groups were 80% (16/20) and 45% (9/20), "
            "respectively.",
            [("80% (16/20)", "MSC"), ("45% (9/20)", "control")],
        ),
        # the arms a "respectively" list ends with
        (
            "Clinical cure rates were 85.7% (120/140) and 78.6% (110/140) for ceftriaxone and "
            "azithromycin, respectively.",
            [("85.7% (120/140)", "ceftriaxone"), ("78.6% (110/140)", "azithromycin")],
        ),
        # guard: a singular "group" named with "and" is one arm, not the two of a list
        (
            "In the diet and exercise group, response rates were 80% (16/20) and 45% (9/20) at "
            "weeks 4 and 12.",
            [("80% (16/20)", ""), ("45% (9/20)", "")],
        ),
    ],
)
def test_two_arms_named_together(text, expected):
    assert [(source, arm) for source, arm, _ in per_arm(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A total of 31 (62.0%) patients in the experimental group and 18 (36.0%) in the "
            "control group achieved remission.",
            ["remission", "remission"],
        ),
        (
            "In the treatment arm, 18 patients (36%) responded, versus 9 (18%) in the control arm.",
            ["response", "response"],
        ),
    ],
)
def test_what_the_counted_people_achieved_or_did_is_the_outcome(text, expected):
    rows = extract_document("t", text).statistics
    assert [r["outcome"] for r in rows if r["kind"] == "count"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FEV1 improved by 120 mL (SD 85) versus 40 mL (SD 90).", ["", ""]),
        ("HbA1c fell by 1.2% (SD 0.4) versus 0.4% (SD 0.5).", ["", ""]),
        # guard: an arm that opens the sentence stays the first value's arm
        ("MSC improved FEV1 by 120 mL (SD 85) versus 40 mL (SD 90).", ["MSC", ""]),
    ],
)
def test_a_measure_that_opens_a_sentence_is_no_arm(text, expected):
    rows = extract_document("t", text).statistics
    assert [r["arm"] for r in rows if r["kind"] == "mean"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The primary end point was reached by 170/320 (53.1%) intervention vs 142/320 "
            "(44.4%) control.",
            ["intervention", "control"],
        ),
        ("Fever: 12/40 (30%) treatment, 4/40 (10%) placebo.", ["treatment", "placebo"]),
        # guard: a word after a value that names no arm
        ("Fever: 12/40 (30%) overall, 4/40 (10%) later.", ["", ""]),
    ],
)
def test_an_arm_word_right_after_a_value(text, expected):
    rows = extract_document("t", text).statistics
    assert [r["arm"] for r in rows if r["kind"] == "count"] == expected


def test_a_time_point_in_words_ends_no_outcome():
    text = "Mortality at six months was 12% with drug and 20% with placebo."
    rows = extract_document("t", text).statistics
    assert [(r["outcome"].lower(), r["timepoint"]) for r in rows] == [("mortality", "month 6")] * 2


def test_the_arm_people_were_assigned_to_before_their_count():
    text = (
        "Among the 150 participants assigned to the intervention, 30 (20%) developed diabetes, "
        "compared with 45 (30%) of the 150 assigned to usual care."
    )
    rows = extract_document("t", text).statistics
    counts = [(r["arm"], r["denominator"]) for r in rows if r["kind"] == "count"]
    assert counts == [("intervention", 150), ("usual care", 150)]


def test_a_relative_pronoun_is_no_outcome():
    text = (
        "Dapagliflozin reduced the risk of the primary outcome (hazard ratio, 0.74; 95% CI, 0.65 "
        "to 0.85), which occurred in 386 patients (16.3%) in the dapagliflozin group."
    )
    rows = extract_document("t", text).statistics
    assert "which" not in {r["outcome"] for r in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relapse occurred in 5 of 150 patients on artesunate and 19 of 149 on quinine.",
            ["artesunate", "quinine"],
        ),
        (
            "By day 28, 7.1% of those given budesonide had died, compared with 12.4% of those "
            "given a placebo.",
            ["budesonide", "placebo"],
        ),
        (
            "Put another way, 21 of 300 patients on budesonide died versus 37 of 298 on placebo.",
            ["budesonide", "placebo"],
        ),
        ("Response rate was 41.2% (200 mg) vs 22.5% (placebo).", ["200 mg", "placebo"]),
        (
            "Flu-like symptoms were reported by 45 of 230 zoledronate recipients (19.6%) and 12 "
            "of 228 placebo recipients (5.3%).",
            ["zoledronate", "placebo"],
        ),
    ],
)
def test_values_that_name_their_arms_alike_take_those_arms(text, expected):
    values = [r for r in extract_document("t", text).statistics if r["kind"] != "ratio"]
    assert [r["arm"] for r in values] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare "with" also names conditions
        "Fractures occurred in 12 patients (10%) with diabetes and 8 (7%) with hypertension.",
        # one value alone
        "Relapse occurred in 5 of 150 patients on artesunate.",
        # two values that name one label
        "Relapse occurred in 5 of 150 patients on day 7 and 9 of 150 on day 7.",
    ],
)
def test_labels_that_are_not_parallel_arms_name_no_arm(text):  # guards
    values = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert [r["arm"] for r in values] == [""] * len(values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adverse events, n/N (%)\n Headache 10/150 (6.7) 8/148 (5.4)\n Nausea 5/150 (3.3) "
            "9/148 (6.1)",
            ["Headache", "Headache", "Nausea", "Nausea"],
        ),
        (
            "Event | Drug (n=150) | Placebo (n=148)\nHeadache | 10 (6.7%) | 8 (5.4%)\nNausea | "
            "5 (3.3%) | 9 (6.1%)",
            ["Headache", "Headache", "Nausea", "Nausea"],
        ),
        (
            "Headache: 10/150 (6.7%) vs 8/148 (5.4%); nausea: 5/150 (3.3%) vs 9/148 (6.1%).",
            ["Headache", "Headache", "nausea", "nausea"],
        ),
    ],
)
def test_each_row_of_a_table_or_list_names_the_outcome_of_its_values(text, expected):
    counts = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert [r["outcome"] for r in counts] == expected


def test_the_columns_of_a_pipe_table_name_the_arms_without_the_pipes():
    text = "Event | Drug (n=150) | Placebo (n=148)\nHeadache | 10 (6.7%) | 8 (5.4%)"
    sizes = [r for r in extract_document("t", text).statistics if r["kind"] == "arm_size"]
    assert [(r["source_text"], r["arm"]) for r in sizes] == [
        ("Drug (n=150)", "Drug"),
        ("Placebo (n=148)", "Placebo"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nausea occurred in 12 patients out of 120.",
        "Nausea occurred in 12 of 120 (10.0%).",
    ],
)
def test_a_sentence_that_ends_in_numbers_is_no_table_row(text):  # guards
    (count,) = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert count["outcome"] == "Nausea"


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a sentence about the estimate of the one before takes its outcome
        (
            "The LS mean difference for 100 mg versus placebo was -1.1 (95% CI -1.8 to -0.4; "
            "P = .002).",
            ["change in weekly average pain", "change in weekly average pain"],
        ),
        (
            "Versus placebo, the mean difference was -1.1 (95% CI -1.8 to -0.4).",
            ["change in weekly average pain"],
        ),
        # one that opens otherwise names an outcome of its own
        ("For time to discharge, the drug group fared differently (HR 0.84, 95% CI 0.71-1.01).",
         ["time to discharge"]),
    ],
)  # fmt: skip
def test_an_estimate_in_the_next_sentence_takes_the_outcome_of_its_values(second, expected):
    text = (
        "The change in weekly average pain was -1.5 (SE 0.24) with placebo and -2.6 (SE 0.24) "
        f"with 100 mg. {second}"
    )
    effects = [
        r for r in extract_document("t", text).statistics if r["kind"] in {"difference", "ratio",
                                                                            "p_value"}
    ]  # fmt: skip
    assert [r["outcome"] for r in effects] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For time to discharge, the drug group fared differently (HR 0.84, 95% CI 0.71-1.01; "
            "p = 0.41).",
            ["time to discharge", "time to discharge"],
        ),
        ("For the primary outcome, the odds ratio was 0.81 (95% CI 0.57-1.14).",
         ["primary outcome"]),
        # people and times are no outcomes (guards)
        ("For patients with diabetes, the odds ratio was 0.81 (95% CI 0.57-1.14).", [""]),
        ("For 12 weeks, pain fell by 2.1 points (95% CI 1.2 to 3.0).", [""]),
    ],
)  # fmt: skip
def test_an_outcome_a_sentence_opens_with_is_its_values(text, expected):
    assert [r["outcome"] for r in extract_document("t", text).statistics] == expected


def test_doses_that_share_their_unit_before_respectively_name_the_arms():
    text = (
        "A total of 288 patients were randomised to placebo (n=73), 25 mg (n=72), 50 mg (n=71) "
        "or 100 mg (n=72). The mean change in pain was -1.5 (SE 0.24) with placebo and -1.9 (SE "
        "0.25), -2.2 (SE 0.25) and -2.6 (SE 0.24) with 25, 50 and 100 mg, respectively."
    )
    means = [r for r in extract_document("t", text).statistics if r["kind"] == "mean"]
    assert [r["arm"] for r in means] == ["placebo", "25 mg", "50 mg", "100 mg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Response rates were 40%, 52% and 21% with 10 mg, 20 mg and placebo, respectively.",
            ["Response rates"] * 3,
        ),
        # a threshold is part of a list's label (guard)
        ("Week 24, n/N (%): HbA1c <7%, 88/150 (58.7) vs 61/149 (40.9).", ["HbA1c <7%"] * 2),
    ],
)
def test_a_clause_with_its_own_value_is_no_label_of_the_next(text, expected):
    values = [r for r in extract_document("t", text).statistics if r["kind"] != "arm_size"]
    assert [r["outcome"] for r in values] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72). "
            "Dizziness increased with dose (3%, 6%, 11% and 18%).",
            ["placebo", "25 mg", "50 mg", "100 mg"],
        ),
        # a bracket that holds more than the values, or other than one value an arm (guards)
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72). "
            "Dizziness was rare (3% and 6% at weeks 4 and 12).",
            ["", ""],
        ),
        (
            "A total of 288 patients were randomised (placebo 73, 25 mg 72, 50 mg 71, 100 mg 72). "
            "Dizziness was rare (3% and 6%).",
            ["", ""],
        ),
    ],
)
def test_a_bracket_of_one_value_for_each_arm_takes_the_arms_in_order(text, expected):
    values = [r for r in extract_document("t", text).statistics if r["kind"] == "percentage"]
    assert [r["arm"] for r in values] == expected


def test_a_change_from_one_value_to_another_is_one_arm_s():
    text = (
        "Patients were randomized to drug (n=100) or placebo (n=100). Mean HbA1c fell from 8.1 ± "
        "0.9% to 7.2 ± 0.8% with drug and from 8.0 ± 1.0% to 7.9 ± 0.9% with placebo."
    )
    extraction = extract_document("t", text)
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    assert [(r["source_text"], r["arm"], r["outcome"]) for r in means] == [
        ("8.1 ± 0.9", "drug", "HbA1c"),
        ("7.2 ± 0.8", "drug", "HbA1c"),
        ("8.0 ± 1.0", "placebo", "HbA1c"),
        ("7.9 ± 0.9", "placebo", "HbA1c"),
    ]
    # a value after treatment is not compared with the other arm's value before it
    assert extraction.comparisons == []


def test_a_digit_inside_a_name_after_mean_is_no_mean():
    text = (
        "Patients were randomized to drug (n=100) or placebo (n=100). At 6 months, the drug "
        "group had a mean 6MWD of 412 m (SD 88) compared with 380 m (SD 92) in the placebo group."
    )
    means = [r for r in extract_document("t", text).statistics if r["kind"] == "mean"]
    assert [(r["source_text"], r["arm"]) for r in means] == [
        ("412 m (SD 88)", "drug"),
        ("380 m (SD 92)", "placebo"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Weight change was −5.1 kg (SD 3.2) for drug and −1.2 kg (SD 2.9) for placebo.",
            ["drug", "placebo"],
        ),
        # "for" also names outcomes: without a control beside them, no arms (guard)
        ("Event rates were 12% for mortality and 8% for stroke.", ["", ""]),
    ],
)
def test_values_for_an_arm_and_for_a_control_take_those_arms(text, expected):
    values = [r for r in extract_document("t", text).statistics if r["kind"] != "arm_size"]
    assert [r["arm"] for r in values] == expected


STANDARD_OF_CARE = (
    "We randomly assigned 300 adults to digital coaching (n = 150) or standard of care (n = 150). "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "standard of care" is one arm's name, not "care"
        (
            STANDARD_OF_CARE + "Remission: 40.0% with digital coaching vs 27.3% with standard of "
            "care.",
            [("40.0%", "digital coaching", None), ("27.3%", "standard of care", None)],
        ),
        # a heading before a value whose arm follows it is no arm ("Treatment" looks like one)
        (
            STANDARD_OF_CARE + "Treatment response: 40.0% with digital coaching vs 27.3% with "
            "standard of care.",
            [("40.0%", "digital coaching", None), ("27.3%", "standard of care", None)],
        ),
        # an arm's own "of" is kept only when its arm goes on after it
        (
            STANDARD_OF_CARE + "Remission: 40.0% with standard of living.",
            [("40.0%", "standard", None)],
        ),
    ],
)
def test_arms_named_with_of_and_after_a_heading(text, expected):
    assert per_arm(text) == expected
    arms = {a["arm"] for a in extract_document("t", text).arms}
    assert arms == {"digital coaching", "standard of care"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hypoglycaemia was more frequent with insulin (n=23, 11.5%) than with metformin "
            "(n=9, 4.4%).",
            [("n=23, 11.5%", "insulin", None), ("n=9, 4.4%", "metformin", None)],
        ),
        # guard: what values were seen with, not compared, names conditions
        (
            "Patients with diabetes (n = 40, 20%) and with hypertension (n = 32, 16%) were "
            "included.",
            [("n = 40, 20%", "", None), ("n = 32, 16%", "", None)],
        ),
    ],
)
def test_values_compared_each_in_a_bracket_after_what_it_was_seen_with(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value "with" its arm beside a control's ("with" alone names conditions too)
        (
            "The mean change in HbA1c was -1.2% with semaglutide and -0.4% with placebo.",
            [("mean change in HbA1c was -1.2%", "semaglutide", None), ("-0.4%", "placebo", None)],
        ),
        (
            "FEV1 improved by 120 mL (SD 85) with tiotropium versus 40 mL (SD 90) with placebo.",
            [("120 mL (SD 85)", "tiotropium", None), ("40 mL (SD 90)", "placebo", None)],
        ),
        # NEJM's "(interquartile range [IQR], 3 to 8)" is the first value's IQR
        (
            "The median duration was 5 days (interquartile range [IQR], 3 to 8) with oseltamivir "
            "and 7 days (IQR, 4 to 10) with placebo.",
            [
                (
                    "median duration was 5 days (interquartile range [IQR], 3 to 8)",
                    "oseltamivir",
                    None,
                ),
                ("7 days (IQR, 4 to 10)", "placebo", None),
            ],
        ),
        # "Mean (±SD)" heads what the values are
        (
            "Mean (±SD) change in HbA1c was −1.2±0.9% with tirzepatide and −0.8±1.0% with placebo.",
            [
                ("Mean (±SD) change in HbA1c was −1.2±0.9", "tirzepatide", None),
                ("−0.8±1.0", "placebo", None),
            ],
        ),
    ],
)
def test_values_with_an_arm_beside_a_control(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # percentages listed "respectively" after the arms the sentence names
        (
            "Serious adverse events were reported in 8.2% and 9.1% of patients in the treatment "
            "and placebo groups, respectively (P=0.62).",
            [("8.2%", "treatment", None), ("9.1%", "placebo", None)],
        ),
        # Chinese-journal English: "the VAS score of the study group was (2.31±0.52) points"
        (
            "After treatment, the VAS score of the study group was (2.31±0.52) points, lower than "
            "(3.45±0.61) points in the control group (t=9.87, P<0.001).",
            [("2.31±0.52", "study", None), ("3.45±0.61", "control", None)],
        ),
    ],
)
def test_arms_named_after_respectively_and_before_a_copula(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # values "with" two arms, neither a control, that the sentence compares
        (
            "Mortality was 12.4% (31/250) with early antibiotics versus 18.8% (47/250) with "
            "delayed antibiotics.",
            [
                ("12.4% (31/250)", "early antibiotics", 250),
                ("18.8% (47/250)", "delayed antibiotics", 250),
            ],
        ),
        (
            "Median PFS was 11.2 months with the combination vs 7.4 months with monotherapy.",
            [
                ("Median PFS was 11.2 months", "combination", None),
                ("7.4 months", "monotherapy", None),
            ],
        ),
        # guard: joined by "and", not compared, "with" names conditions
        (
            "Mortality was 12.4% (31/250) with diabetes and 18.8% (47/250) with hypertension.",
            [("12.4% (31/250)", "", 250), ("18.8% (47/250)", "", 250)],
        ),
    ],
)
def test_values_with_two_arms_the_sentence_compares(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hallucinations: ketamine 11 (9.2%), placebo 4 (3.3%).",
            [("11 (9.2%)", "ketamine", None), ("4 (3.3%)", "placebo", None)],
        ),
        # guard: a list of other things, with no control among them
        ("Sites: knee 12 (10%), hip 8 (7%).", [("12 (10%)", "", None), ("8 (7%)", "", None)]),
    ],
)
def test_values_listed_after_their_arms_names_beside_a_control(text, expected):
    assert per_arm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outcome that opens a clause of a list names the values after it
        (
            "Tooth staining was recorded in 17/38 (44.7%) periods with chlorhexidine and 5/38 "
            "(13.2%) with the essential oil, and taste disturbance in 9 (23.7%) and 3 (7.9%), "
            "respectively.",
            [
                ("17/38 (44.7%)", "Tooth staining"),
                ("5/38 (13.2%)", "Tooth staining"),
                ("9 (23.7%)", "taste disturbance"),
                ("3 (7.9%)", "taste disturbance"),
            ],
        ),
        (
            "Nausea occurred in 12/40 (30.0%) patients given ondansetron and 20/41 (48.8%) given "
            "placebo, and vomiting in 5 (12.5%) and 11 (26.8%), respectively.",
            [
                ("12/40 (30.0%)", "Nausea"),
                ("20/41 (48.8%)", "Nausea"),
                ("5 (12.5%)", "vomiting"),
                ("11 (26.8%)", "vomiting"),
            ],
        ),
    ],
)
def test_an_outcome_that_opens_a_clause_of_a_list(text, expected):
    assert outcomes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Baseline characteristics were similar (mean age 61.2 ± 12.4 vs 59.8 ± 13.1 years).",
         "age"),
        ("The primary outcome was similar (mean IL-6 12.4 ± 3.1 vs 13.0 ± 3.5 pg/mL).", "IL-6"),
        ("Secondary outcomes did not differ (median SOFA 4 [IQR 2-6] versus 5 [IQR 3-7]).",
         "SOFA"),
    ],
)  # fmt: skip
def test_the_second_of_two_summaries_joined_by_vs_measures_what_the_first_names(text, outcome):
    rows = [r for r in extract_document("d", text).statistics if r["kind"] in {"mean", "median"}]
    assert [r["outcome"] for r in rows] == [outcome, outcome]


@pytest.mark.parametrize(
    ("text", "kind", "outcome"),
    [
        # the subject of a verb that says the arms were alike
        ("Ventilator-free days did not differ (median, 6 [IQR, 0 to 19] days with MSCs vs. 5 "
         "[IQR, 0 to 17] days with placebo; P = 0.52).", "median", "Ventilator-free days"),
        # ... however far before the value it begins
        ("Albumin rose in both arms. The Geriatric Nutritional Risk Index did not differ "
         "significantly between the two groups (p = 0.27).", "p_value",
         "Geriatric Nutritional Risk Index"),
        # a clause's own subject, without the time point it runs to, for both of its values
        ("The day 3 SOFA score was 7 (4–10) in the intervention group and 8 (5–11) in the usual "
         "care group (p = 0.09), and vasopressor-free days to day 28 were 22 (0–25) versus 21 "
         "(0–25) (p = 0.71).", "median", "vasopressor-free days"),
        # a conjunction before the label is no part of it
        ("Albumin was higher, while total bilirubin [(28.74±9.36) μmol/L vs (36.15±11.20) μmol/L] "
         "was lower.", "mean", "total bilirubin"),
    ],
)  # fmt: skip
def test_the_outcome_of_values_is_their_clauses_subject(text, kind, outcome):
    rows = [r for r in extract_document("d", text).statistics if r["kind"] == kind]
    last_two = rows[-2:] if kind != "p_value" else rows[-1:]
    assert {r["outcome"].removeprefix("The ") for r in last_two} == {outcome.removeprefix("The ")}


def test_the_value_a_change_starts_from_is_the_baseline():
    text = (
        "Serum albumin rose from 3.42 ± 0.31 to 3.61 ± 0.28 g/dL with BCAA and from 3.45 ± 0.29 "
        "to 3.47 ± 0.33 g/dL in controls. At 6 months, HbA1c fell from 8.1% to 7.2% with the "
        "drug; from 5 to 12 patients were screened daily."
    )
    rows = extract_document("t", text).statistics
    when = {r["source_text"]: (r["timepoint"], r["timepoint_source"]) for r in rows}
    assert when["3.42 ± 0.31"] == when["3.45 ± 0.29"] == ("baseline", "change_start")
    assert when["3.61 ± 0.28"][0] == when["3.47 ± 0.33"][0] == ""
    assert when["8.1%"] == ("baseline", "change_start")
    assert when["7.2%"] == ("month 6", "sentence")


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Two patients (8.3%) in the BCAA group and one (4.2%) in the control group withdrew.",
         "withdrawal"),
        ("Of those treated, 12 (20.0%) relapsed.", "relapse"),
        ("Eighteen patients (30.0%) discontinued.", "discontinuation"),
    ],
)  # fmt: skip
def test_what_happened_named_by_its_verb_is_named_by_its_noun(text, outcome):
    rows = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert rows and {r["outcome"] for r in rows} == {outcome}


def test_a_posters_arrow_line_measures_what_the_line_before_does():
    text = (
        "RESULTS\n• 246 pts randomised → US-guided n=164, clinical n=82\n"
        "• Major flare: 29/164 (17.7%) vs 25/82 (30.5%)\n   → HR=0.53 (0.31-0.91), p=.02\n"
    )
    rows = {r["source_text"]: r for r in extract_document("t", text).statistics}
    assert rows["HR=0.53 (0.31-0.91)"]["outcome"] == rows["p=.02"]["outcome"] == "Major flare"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("• Serious AEs: 6 vs 5 pts, NS", "serious adverse events"),
        ("SAEs were reported in 3 (5%) and 2 (3%), respectively.", "serious adverse events"),
        ("AEs occurred in 12 (20%) and 10 (17%), respectively.", "adverse events"),
        ("Serious adverse events occurred in 3 (5%) and 2 (3%), respectively.",
         "serious adverse events"),
    ],
)  # fmt: skip
def test_adverse_events_named_by_abbreviation_are_named_in_full(text, outcome):
    rows = extract_document("t", text).statistics
    assert rows and {r["outcome"] for r in rows} == {outcome}


def test_a_delta_is_named_as_a_change():
    text = "• Mean ΔDAS28-CRP: +0.21 vs +0.44; diff −0.23 (95%CI −0.41 to −0.05)"
    outcomes = {r["outcome"] for r in extract_document("t", text).statistics}
    assert outcomes == {"DAS28-CRP change"}


def test_a_control_arm_named_after_a_unit():
    text = (
        "Patients were assigned to BCAA (n=24) or usual care (n=24). Serum albumin rose from "
        "3.42 ± 0.31 to 3.61 ± 0.28 g/dL with BCAA and from 3.45 ± 0.29 to 3.47 ± 0.33 g/dL in "
        "controls (p = 0.021)."
    )
    arms = {r["source_text"]: r["arm"] for r in extract_document("t", text).statistics}
    assert [arms[v] for v in ("3.42 ± 0.31", "3.61 ± 0.28")] == ["BCAA", "BCAA"]
    assert [arms[v] for v in ("3.45 ± 0.29", "3.47 ± 0.33")] == ["control", "control"]
    assert arms["p = 0.021"] == "BCAA vs control"


def test_a_vs_pair_takes_the_arms_of_the_sentence_before_when_the_study_has_more_names():
    # the Chinese abstract sizes 治疗组 and 对照组, the English one UC-MSCs and placebo: four
    # names for two arms, so the pair after "vs" takes the arms of the sentence before it
    text = (
        "按2:1随机分为治疗组40例和对照组20例。Methods Sixty patients were randomized 2:1 to "
        "UC-MSCs (n = 40) or placebo (n = 20). Results Mortality at day 28 was 2/40 (5.0%) in "
        "the treatment group and 4/20 (20.0%) in the control group (P = 0.16). Length of stay "
        "was 18.5 ± 5.2 vs 23.1 ± 6.4 days (P = 0.004)."
    )
    arms = {r["source_text"]: r["arm"] for r in extract_document("t", text).statistics}
    assert [arms["18.5 ± 5.2"], arms["23.1 ± 6.4"]] == ["treatment", "control"]
    assert arms["P = 0.004"] == "treatment vs control"


def test_estimates_of_an_arm_compared_with_others_measure_the_outcome_before():
    text = (
        "Of 350 randomised, 141 to the combination, 139 to calcipotriol and 70 to vehicle. PASI "
        "75 at week 12, n/N (%): 62/141 (44.0) vs 41/139 (29.5) vs 6/70 (8.6). The combination "
        "was superior to calcipotriol (adjusted OR = 1.93 [1.17–3.18]; P = .01) and to vehicle "
        "(adjusted OR = 8.71 [3.52–21.6]; p<0.0001)."
    )
    rows = extract_document("t", text).statistics
    assert {r["outcome"] for r in rows if r["kind"] in {"ratio", "p_value"}} == {"PASI 75"}


def test_a_percentage_after_the_first_ones_bracketed_arm_and_vs_measures_the_same():
    text = "Study 2: 50% responder rate 39.9% (140 mg) vs 23.5% (placebo), OR 2.2."
    rows = {r["source_text"]: r for r in extract_document("t", text).statistics}
    assert rows["39.9%"]["outcome"] == rows["23.5%"]["outcome"] == "50% responder rate"


@pytest.mark.parametrize(
    ("definition", "timepoint"),
    [
        ("• Primary endpoint: major flare (DAS28-CRP >3.2 + ≥0.6 increase) by mo 18\n",
         "month 18"),
        ("The primary outcome was major flare at 12 months. ", "month 12"),
    ],
)  # fmt: skip
def test_a_result_takes_the_time_its_outcomes_definition_gives(definition, timepoint):
    text = definition + "Patients: US-guided n=164, clinical n=82.\n• Major flare: 29/164 (17.7%)"
    (count,) = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert (count["outcome"], count["timepoint"]) == ("Major flare", timepoint)
    assert count["timepoint_source"] == "outcome_definition"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop after a p-value, a percentage, a bracket or a word ends the sentence
        # before a number that opens the next one
        ("Mortality was 10/50 (20%) vs 20/50 (40%), p<0.001. 50% of patients responded.",
         ["Mortality was 10/50 (20%) vs 20/50 (40%), p<0.001.", "50% of patients responded."]),
        ("Death: 4 (8%). 12 patients were readmitted.",
         ["Death: 4 (8%).", "12 patients were readmitted."]),
        ("No deaths occurred in the placebo group. 20 patients withdrew.",
         ["No deaths occurred in the placebo group.", "20 patients withdrew."]),
        # ... and so does a full stop with reference numbers after it
        ("Risk was lower.[16] Of 2,184 randomized, 1,094 received drug.",
         ["Risk was lower.[16]", "Of 2,184 randomized, 1,094 received drug."]),
        ("Risk was lower (p = 0.37).[14][15] Adverse events were rare.",
         ["Risk was lower (p = 0.37).[14][15]", "Adverse events were rare."]),
        # an abbreviation's full stop does not
        ("Response was 40% vs. 30% (approx. 25 patients; see Fig. 2).",
         ["Response was 40% vs. 30% (approx. 25 patients; see Fig. 2)."]),
    ],
)  # fmt: skip
def test_a_sentence_may_open_with_a_number(text, expected):
    from trialaudit.context import sentence_bounds

    assert [text[a:b] for a, b in sentence_bounds(text)] == expected


def test_a_sentence_that_opens_with_a_number_has_its_own_outcome():
    text = (
        "Mortality was 10/50 (20%) vs 20/50 (40%), p<0.001. 50% of patients in the MSC group "
        "responded at day 28 versus 30% in the placebo group."
    )
    rows = {r["source_text"]: r for r in extract_document("t", text).statistics}
    assert rows["50%"]["outcome"] == "response"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a summary's spread named after "Mean", a least-squares mean, a time phrase that opens
        ("Mean (SD) changes in WOMAC total score at 12 months were −18.2 (15.1) with low-dose "
         "MSCs and −15.9 (16.0) with HA.", "changes in WOMAC total score"),
        ("The least-squares mean (SE) change in MADRS score at week 6 was −14.8 (0.8) with "
         "veltraxone and −11.2 (0.8) with placebo.", "change in MADRS score"),
        ("On day 7, IL-6 was lower in the MSC group (18.4 ± 9.6 pg/mL) than in the control "
         "group (31.6 ± 11.8 pg/mL).", "IL-6"),
        # "changed by", and a threshold inside the subject
        ("Central subfield thickness changed by −142.6±118.3 μm and −138.9±121.0 μm, "
         "respectively.", "Central subfield thickness"),
        ("The proportion reaching HbA1c < 7.0% was 44.3% (27/61) in the experimental group and "
         "23.3% (14/60) in the control group.", "proportion reaching HbA1c < 7.0%"),
    ],
)  # fmt: skip
def test_the_subject_of_summaries_and_proportions(text, outcome):
    rows = [r for r in extract_document("t", text).statistics if r["kind"] in {"mean", "count"}]
    assert len(rows) == 2 and {r["outcome"] for r in rows} == {outcome}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "vs." with its full stop between two arms' values
        ("Of 127 randomized, 121 were analyzed (experimental group n = 61, control group n = 60). "
         "Baseline sex (male 33 [54.1%] vs. 30 [50.0%], p = .652) was similar.",
         [("33 [54.1%]", "experimental", 61), ("30 [50.0%]", "control", 60)]),
        # the people of an arm a value counts
        ("In total, 614 patients were randomized, 307 to tarcibercept and 307 to aflibercept. Of "
         "the tarcibercept-treated patients, 244 (79.5%) kept the 16-week interval.",
         [("244 (79.5%)", "tarcibercept", 307)]),
    ],
)  # fmt: skip
def test_arms_of_values_after_vs_and_of_an_arms_people(text, expected):
    rows = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert [(r["source_text"], r["arm"], r["denominator"]) for r in rows] == expected


def test_a_tables_counts_are_out_of_the_size_its_heading_gives_their_arm():
    # randomized 195 and 193; the safety table's headings give 191 and 188, which its
    # percentages fit (128/191 = 67.0%, 128/195 = 65.6%)
    text = (
        "In all, 386 were randomly assigned, 195 to ravolimod and 193 to placebo.\n"
        "Table 3. Adverse events in the safety population, n (%)\n"
        "Event | Ravolimod (n = 191) | Placebo (n = 188)\n"
        "Any adverse event | 128 (67.0) | 112 (59.6)\n"
    )
    rows = [r for r in extract_document("t", text).statistics if r["kind"] == "count"]
    assert [(r["source_text"], r["denominator"]) for r in rows] == [
        ("128 (67.0)", 191),
        ("112 (59.6)", 188),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "At 12 months WOMAC total was 29.3 ± 12.8 vs 41.2 ± 15.1, p = 0.002.",
        "- At 12 months WOMAC total was 29.3 ± 12.8 vs 41.2 ± 15.1, p = 0.002.",
        "• WOMAC total: 29.3 ± 12.8 vs 41.2 ± 15.1, p = 0.002.",
    ],
)
def test_the_subject_after_a_list_mark_or_an_opening_time_point_is_the_outcome(line):
    rows = extract_document("t", line).statistics
    assert {r["outcome"] for r in rows} == {"WOMAC total"}


def test_a_sentence_may_open_with_an_abbreviation_in_lower_case():
    # "... (risk ratio 1.15, 0.99-1.34). sICH occurred in ...": two sentences, so the first
    # one's counts are of its own subject, not of the deaths the second names
    text = (
        "An mRS score of 0-1 at 90 days was achieved by 198 (48.3%) patients in the drug group "
        "and 171 (41.9%) in the control group (risk ratio 1.15, 0.99-1.34). sICH occurred in 11 "
        "(2.7%) and nine (2.2%) patients, respectively; 38 (9.3%) and 41 (10.0%) patients, "
        "respectively, had died by 90 days."
    )
    outcomes = [(r["source_text"], r["outcome"]) for r in extract_document("t", text).statistics]
    assert outcomes == [
        ("198 (48.3%)", "mRS score of 0-1"),
        ("171 (41.9%)", "mRS score of 0-1"),
        ("risk ratio 1.15, 0.99-1.34", "mRS score of 0-1"),
        ("11 (2.7%)", "sICH"),
        ("nine (2.2%)", "sICH"),
        ("38 (9.3%)", "death"),
        ("41 (10.0%)", "death"),
    ]


def test_vs_and_eg_before_a_lower_case_abbreviation_end_no_sentence():
    assert [m.group() for m in SENTENCE_END.finditer("1.34). sICH occurred")] == [" "]
    for text in ("12.1 vs. eGFR-matched", "(e.g. hsCRP 3.1)", "Smith et al. eGFR"):
        assert list(SENTENCE_END.finditer(text)) == [], text


def test_values_in_brackets_after_groups_named_without_the():
    text = (
        "On day 7, PaO2/FiO2 improved significantly in MSC group (186.3 ± 45.1) in comparison "
        "with control group (139.7 ± 41.8) (P=0.007)."
    )
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"]) for r in rows] == [
        ("186.3 ± 45.1", "MSC"),
        ("139.7 ± 41.8", "control"),
        ("P=0.007", "MSC vs control"),
    ]


def test_a_baseline_dates_only_its_own_sentence():
    text = (
        "At baseline, mean eGFR was 41.6 (11.8) ml/min. The chronic eGFR slope was -3.41 (SEM, "
        "0.33) and -2.29 (SEM, 0.34) ml/min per year with placebo and drug, respectively."
    )
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["timepoint"]) for r in rows] == [
        ("mean eGFR was 41.6 (11.8)", "baseline"),
        ("-3.41 (SEM, 0.33)", ""),
        ("-2.29 (SEM, 0.34)", ""),
    ]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        (
            "The chronic eGFR slope was -3.41 (SEM, 0.33), -2.29 (SEM, 0.34), and -1.83 (SEM, "
            "0.33) ml/min per year with placebo, 10 mg, and 20 mg, respectively.",
            ["-3.41 (SEM, 0.33)", "-2.29 (SEM, 0.34)", "-1.83 (SEM, 0.33)"],
        ),
        (
            "The composite outcome occurred in 52 (22.8%), 44 (19.2%), and 37 (16.3%) "
            "participants in the placebo, 10 mg, and 20 mg groups; hazard ratios were 0.93 "
            "(95% CI, 0.55 to 1.24) and 0.66 (95% CI, 0.44 to 0.99).",
            ["52 (22.8%)", "44 (19.2%)", "37 (16.3%)"],
        ),
    ],
)
def test_three_arms_named_in_a_list_after_their_values(sentence, values):
    # the methods allocated in another order: the list after the values decides
    text = (
        "Adults were randomized 1:1:1 to velnerenone 10 mg, velnerenone 20 mg, or placebo. "
        + sentence
    )
    rows = {r["source_text"]: r["arm"] for r in extract_document("t", text).statistics}
    assert [rows[v] for v in values] == ["placebo", "10 mg", "20 mg"]


def test_a_list_of_outcomes_after_values_names_no_arms():
    text = "Pain fell by 12%, 15%, and 9% in the knee, hip, and ankle, respectively."
    rows = extract_document("t", text).statistics
    assert [r["arm"] for r in rows] == ["", "", ""]


def test_respectively_in_an_unsized_study_takes_the_arms_of_the_sentence_before():
    text = (
        "Remission occurred in 30/100 (30%) in the drug arm and 15/100 (15%) in the placebo arm. "
        "Response rates were 45/100 (45%) and 25/100 (25%), respectively."
    )
    rows = extract_document("t", text).statistics
    assert [r["arm"] for r in rows if r["kind"] == "count"] == ["drug", "placebo"] * 2


def test_for_one_arm_versus_another_opens_no_outcome():
    text = (
        "Clinical remission at week 12 was seen in 38 of 126 patients on the high dose and 14 of "
        "124 on placebo. For the high dose versus placebo, the odds ratio was 3.39 (95% CI 1.73 "
        "to 6.66)."
    )
    rows = extract_document("t", text).statistics
    ratio = next(r for r in rows if r["kind"] == "ratio")
    assert "versus" not in ratio["outcome"]


@pytest.mark.parametrize("letter", ["A", "D"])
def test_a_capital_letter_after_what_was_given_names_the_arm(letter):
    text = (
        f"Fever resolved within 48 h in 96/118 (81.4%) children given drug {letter} and 84/117 "
        "(71.8%) given drug B (risk difference 9.6%, 95% CI -1.2 to 20.4; p=0.08)."
    )
    counts = [(c["numerator"], c["arm"]) for c in of_kind(text, "count")]
    assert counts == [(96, f"drug {letter}"), (84, "drug B")]
    assert one(text, "difference")["arm"] == f"drug {letter} vs drug B"


_TWO_ARMS = "Participants were randomly assigned to MSC (n=101) or placebo (n=99). "


@pytest.mark.parametrize(
    ("sentence", "arms"),
    [
        (
            "Scores were lower in the MSC group (mean 24.1 [SD 7.2] vs 25.9 [7.9]; P = 0.11).",
            ["MSC", "placebo"],
        ),
        ("Shingles was more common with placebo (14 people vs 4).", ["placebo", "MSC"]),
        # guard: a comparator the sentence names is the second arm, as before
        (
            "Compared with placebo, pain was lower with MSC (mean 3.1 [SD 1.2] vs 3.5 [1.3]).",
            ["MSC", "placebo"],
        ),
    ],
)
def test_a_pair_after_the_one_arm_its_sentence_names_gives_the_other_arm_second(sentence, arms):
    rows = [
        r
        for r in extract_document("t", _TWO_ARMS + sentence).statistics
        if r["kind"] in ("mean", "count")
    ]
    assert [r["arm"] for r in rows] == arms


def test_a_pair_after_one_of_three_arms_names_no_other_arm():  # guard
    text = (
        "Participants were randomly assigned to low dose (n=60), high dose (n=60) or placebo "
        "(n=60). Scores were lower in the high dose group (mean 24.1 [SD 7.2] vs 25.9 [7.9])."
    )
    rows = [r for r in extract_document("t", text).statistics if r["kind"] == "mean"]
    assert [r["arm"] for r in rows] == ["high dose", ""]


def test_the_p_of_a_pair_after_the_one_arm_named_is_held_to_the_summaries():
    # R 4.x, Welch's t on 24.1 (7.2, n = 101) vs 25.9 (7.9, n = 99): t = -1.683146, df =
    # 195.5241, p = 0.09394277
    text = (
        _TWO_ARMS
        + "Scores were lower in the MSC group (mean 24.1 [SD 7.2] vs 25.9 [7.9]; P = 0.11)."
    )
    [check] = checks_named(text, "p_vs_summaries")
    assert check["recomputed_value"] == pytest.approx(0.09394277, abs=5e-9)
    assert check["verdict"] == "consistent"


_UNSIZED = (
    "Results In total, 60 patients were included (30 in each group). The success rate was higher "
    "in the laser group than in the conventional group (93.3% vs 70.0%, P = 0.045). Operative "
    "time was shorter in the {} group (25.4 ± 6.2 vs 38.7 ± 8.9 min, P < 0.001)."
)


def test_a_pair_after_the_one_arm_named_takes_the_other_of_the_last_pair_of_arms():
    # R 4.x, Welch's t on 25.4 (6.2, n = 30) vs 38.7 (8.9, n = 30): p = 1.429733e-08
    text = _UNSIZED.format("laser")
    rows = of_kind(text, "mean")
    assert [r["arm"] for r in rows] == ["laser", "conventional"]
    [check] = checks_named(text, "p_vs_summaries")[1:]
    assert check["recomputed_value"] == pytest.approx(1.429733e-08, rel=1e-6)


def test_a_pair_after_an_arm_of_no_earlier_pair_names_no_other():  # guard
    rows = of_kind(_UNSIZED.format("robotic"), "mean")
    assert [r["arm"] for r in rows][1] == ""


def test_the_arm_after_than_is_the_other_values_not_this_ones():
    text = (
        "VAS pain at 24 h was lower with the block (median 2 [IQR 1-3]) than with sham (median 4 "
        "[IQR 3-6]; P<0.001)."
    )
    assert [r["arm"] for r in stats(text) if r["kind"] == "median"] == ["block", "sham"]


@pytest.mark.parametrize(
    "opening",
    ["Overall, ", "Among 2,500 participants, ", "Among 2,500 participants (mean age, 66 years), "],
)
def test_an_opening_phrase_with_a_thousands_separator_or_a_bracket_before_the_subject(opening):
    text = (
        opening + "the primary outcome occurred in 98 participants (7.8%) assigned to colchicine "
        "and 131 (10.5%) assigned to placebo."
    )
    outcomes = [r["outcome"] for r in stats(text) if r["kind"] == "count"]
    assert outcomes == ["primary outcome", "primary outcome"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Circulation's em dash after the heading
        (
            "Results—Among 2,500 participants, the primary end point occurred in 98 participants "
            "(7.8%) assigned to colchicine and 131 (10.5%) assigned to placebo.",
            "primary end point",
        ),
        # an abbreviation that opens with a small letter labels its values
        ("Results: sICH: 6 (1.9%) vs 2 (0.6%), p=0.17.", "sICH"),
    ],
)
def test_the_outcome_after_a_dashed_heading_or_of_a_label_in_small_capitals(text, outcome):
    assert [r["outcome"] for r in stats(text) if r["kind"] == "count"] == [outcome, outcome]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "At 12 months, 28.4% of intervention patients and 22.1% of control patients had "
            "controlled blood pressure.",
            "controlled blood pressure",
        ),
        (
            "In the MSC group, 12 patients (24%) developed acute kidney injury, compared with 20 "
            "(40%) in the placebo group.",
            "acute kidney injury",
        ),
    ],
)
def test_what_the_people_counted_had_or_developed_in_three_words_is_their_outcome(text, outcome):
    rows = [r for r in stats(text) if r["kind"] in {"count", "percentage"}]
    assert [r["outcome"] for r in rows] == [outcome, outcome]


@pytest.mark.parametrize("name", ["adjusted OR", "aOR", "HR", "adjusted hazard ratio"])
def test_the_name_of_an_estimate_after_a_semicolon_is_no_outcome(name):
    text = (
        RANDOMIZED + "There was no difference in hospital admissions (2.1% vs 2.3%; "
        f"{name} 0.93, 0.61-1.41)."
    )
    outcomes = dict(outcomes_of(text))
    assert [outcomes["2.1%"], outcomes["2.3%"]] == ["hospital admissions"] * 2
    # ... and the estimate measures what the values before it measured
    (ratio,) = [s for s in extract_document("t", text).statistics if s["kind"] == "ratio"]
    assert ratio["outcome"] == "hospital admissions"


@pytest.mark.parametrize(
    "estimate", ["the odds ratio was 0.80", "the adjusted mean difference was -1.2", "aOR 0.80"]
)
def test_an_estimate_in_a_clause_of_its_own_measures_what_the_clause_before_did(estimate):  # guard
    text = f"Mortality was 5% vs 6%; {estimate} (95% CI 0.50 to 1.30; P = 0.40)."
    rows = extract_document("t", text).statistics
    assert {r["kind"]: r["outcome"] for r in rows if r["kind"] != "percentage"} == {
        "ratio" if "ratio" in estimate or "OR" in estimate else "difference": "mortality",
        "p_value": "mortality",
    }


def test_the_p_value_after_an_estimate_after_values_measures_what_they_measured():
    text = (
        RANDOMIZED + "Hospital admissions occurred less often with ketamine (2.1% vs 2.3%; "
        "adjusted OR 0.93, 95% CI 0.71-1.22; P = 0.60)."
    )
    rows = extract_document("t", text).statistics
    assert [r["outcome"] for r in rows if r["kind"] in {"ratio", "p_value"}] == [
        "Hospital admissions"
    ] * 2


def test_a_subject_of_its_own_after_a_semicolon_is_still_the_outcome():  # guard
    text = "Mortality was 5% vs 6%; readmission was 20% vs 30% (OR 0.58, 95% CI 0.40-0.85)."
    (ratio,) = [s for s in extract_document("t", text).statistics if s["kind"] == "ratio"]
    assert ratio["outcome"] == "readmission"


@pytest.mark.parametrize(
    "text",
    [
        "Over a median of 2.8 years, the primary outcome occurred in 48 patients.",
        "After a median of 26 months, 48 patients had died.",
    ],
)
def test_a_median_of_time_opening_the_sentence_is_the_follow_up(text):
    (median,) = [s for s in extract_document("t", text).statistics if s["kind"] == "median"]
    assert median["outcome"] == "follow-up"


def test_a_median_of_something_else_is_not_the_follow_up():  # guard
    text = "Over a median of 4 visits, 12 patients improved."
    (median,) = [s for s in extract_document("t", text).statistics if s["kind"] == "median"]
    assert median["outcome"] != "follow-up"


def test_a_crossover_period_names_the_arm_of_the_count_before_it():
    text = (
        "In this crossover trial, 24 patients received both treatments in random order. Ankle "
        "oedema occurred in 5 of 24 (21%) patients during drug A treatment and in 1 of 24 (4%) "
        "during placebo."
    )
    assert [(s, a) for s, a, _ in per_arm(text)] == [
        ("5 of 24 (21%)", "drug A"),
        ("1 of 24 (4%)", "placebo"),
    ]


def test_the_arm_compared_with_before_a_bracket_is_not_the_first_values():
    # "compared with warfarin (1.11% vs 1.38% per year)": warfarin is the comparator, the second
    text = (
        "The drug cut the risk of stroke by 21% compared with warfarin (1.11% vs 1.38% per "
        "year; hazard ratio 0.79; 95% CI 0.66-0.96)."
    )
    rates = [s for s in extract_document("t", text).statistics if s["kind"] == "rate"]
    assert rates[0]["arm"] != "warfarin"


# Arms named only by the values of one sentence ("with the app and ... with standard care"),
# a sample sized per group without names.
UNNAMED_SIZES = (
    "Of 1,024 participants screened, 600 were randomized (300 per group). At 12 weeks, the "
    "mean change in HbA1c was -1.12% (SD 0.84) with the app and -0.61% (SD 0.79) with standard "
    "care."
)


def test_a_vs_run_takes_the_arms_of_the_values_of_the_sentence_before():
    text = (
        UNNAMED_SIZES + " A reduction of 1% or more was achieved by 44.2% vs 21.0% of "
        "participants. Hypoglycaemia was reported by 12 (4.0%) and 9 (3.0%) participants."
    )
    rows = extract_document("t", text).statistics
    assert [(r["source_text"], r["arm"]) for r in rows if r["kind"] in {"percentage", "count"}] == [
        ("44.2%", "app"),
        ("21.0%", "standard care"),
        ("12 (4.0%)", "app"),
        ("9 (3.0%)", "standard care"),
    ]


@pytest.mark.parametrize(
    "later",
    [
        # not the sentence right before: a paragraph between
        "\n\nA reduction of 1% or more was achieved by 44.2% vs 21.0% of participants.",
        # three values, two arms before
        " A reduction was achieved by 44.2% vs 21.0% vs 30.5% of participants.",
    ],
)
def test_a_run_not_right_after_or_not_as_long_as_the_arms_before_takes_none(later):  # guard
    rows = extract_document("t", UNNAMED_SIZES + later).statistics
    assert all(r["arm"] == "" for r in rows if r["kind"] == "percentage")


COMBINATION_TRIAL = (
    "Patients were randomly assigned to trifluridine-tipiracil plus bevacizumab (n=275) or "
    "trifluridine-tipiracil alone (n=137). Median overall survival was 10.8 months (95% CI "
    "9.4-11.8) in the combination group and 7.5 months (95% CI 6.3-8.6) in the monotherapy "
    "group."
)


def test_the_combination_and_monotherapy_groups_are_the_arms_that_combine_and_do_not():
    (comparison,) = extract_document("t", COMBINATION_TRIAL).comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == (
        "trifluridine-tipiracil plus bevacizumab",
        "trifluridine-tipiracil alone",
    )
    assert [a for _, a, _ in per_arm(COMBINATION_TRIAL)] == ["combination", "monotherapy"]


def test_no_arm_is_the_combination_when_none_combines_treatments():  # guard
    text = COMBINATION_TRIAL.replace("trifluridine-tipiracil plus bevacizumab", "regorafenib")
    assert [a for _, a, _ in per_arm(text)] == ["", ""]


@pytest.mark.parametrize(
    "count",
    [
        "24 of 42 CPT participants (57%)",
        "24 of 42 (57%) CPT participants",
        "24 (57%) CPT participants",
        "24 of the 42 CPT patients (57%)",
    ],
)
def test_the_arm_named_before_the_people_a_count_counts_is_its_arm(count):
    text = (
        "Participants (N = 84) were randomly assigned to cognitive processing therapy (CPT; n = "
        f"42) or a waitlist (n = 42). At posttreatment, {count} no longer met criteria for PTSD "
        "compared with 6 of 42 (14%) on the waitlist, χ2(1, N = 84) = 16.8, p < .001."
    )
    assert [a for _, a, _ in per_arm(text)] == ["CPT", "waitlist"]
    # ... so the chi-square is held to the 2x2 table: chisq.test(matrix(c(24, 18, 6, 36), 2,
    # byrow = TRUE), correct = FALSE)$statistic 16.8 (R 4.2.2)
    _, checks = extract_and_check(text)
    (test,) = [c for c in checks if c["check"] == "test_vs_counts"]
    assert test["verdict"] == "consistent"
    assert test["recomputed_value"] == pytest.approx(16.8, abs=1e-9)


def test_a_word_before_the_people_that_names_no_arm_is_not_their_arm():  # guard
    text = (
        "Participants (N = 84) were randomly assigned to cognitive processing therapy (CPT; n = "
        "42) or a waitlist (n = 42). At baseline, 24 of 42 female participants (57%) were "
        "employed."
    )
    assert [a for _, a, _ in per_arm(text)] == [""]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Also SpO2/FiO2 at day 7 improved more in the MSC group: mean 245 (SD 62) vs 212 (SD "
            "70), p = 0.008.",
            "SpO2/FiO2",
        ),
        ("Depression scores also decreased (t(82) = 3.12, p = .002).", "Depression scores"),
        (
            "Reply #3: the supplement says ventilator-free days were 14 [IQR 6-21] vs 10 [3-18].",
            "ventilator-free days",
        ),
    ],
)
def test_words_around_an_outcome_that_are_not_of_its_name_are_left_out(text, outcome):
    assert {r["outcome"] for r in stats(text)} == {outcome}


ORDER_SIZED = (
    "Eighty adults were randomized to melatonin 3 mg (n = 40) or zolpidem 5 mg (n = 40). "
    "Sleep latency fell from 48.2 ± 10.1 to 30.5 ± 9.8 minutes in the zolpidem group and "
    "from 47.6 ± 11.0 to 35.9 ± 10.4 minutes in the melatonin group."
)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # "respectively" right after a sentence that named the arms the other way round
        (
            " Next-day drowsiness was reported by 35% and 10%, respectively.",
            [("35%", "zolpidem"), ("10%", "melatonin")],
        ),
        # a paragraph between: the order the arms were sized in
        (
            "\n\nNext-day drowsiness was reported by 35% and 10%, respectively.",
            [("35%", "melatonin 3 mg"), ("10%", "zolpidem 5 mg")],
        ),
        # "vs" keeps the order the arms were sized in
        (
            " Next-day drowsiness was reported by 35% vs 10%.",
            [("35%", "melatonin 3 mg"), ("10%", "zolpidem 5 mg")],
        ),
    ],
)
def test_respectively_takes_the_order_the_sentence_before_named_the_arms(after, expected):
    found = [(t, arm) for t, arm, _ in per_arm(ORDER_SIZED + after) if t.endswith("%")]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label before the first value is the known outcome both values measure: no arm
        ("Also ICU mortality 10% vs 9.5%, p=0.89.", [("10%", ""), ("9.5%", "")]),
        # ... or what the label names, a scale's change: the arms the sentence names
        (
            "Compared with sham, active tDCS reduced depressive symptoms (MADRS change -12.3 ± 6.1 "
            "vs -6.8 ± 5.9; p = 0.006).",
            [("-12.3 ± 6.1", "active tDCS"), ("-6.8 ± 5.9", "sham")],
        ),
        # guard: labels that name arms stay the values' arms
        (
            "Mortality: MSC 10% vs placebo 9.5%, p=0.89.",
            [("10%", "MSC"), ("9.5%", "placebo")],
        ),
    ],
)
def test_a_label_that_names_the_outcome_is_no_arm(text, expected):
    assert [(t, arm) for t, arm, _ in per_arm(text)] == expected


_APA_CONDITIONS = (
    "An independent-samples t test showed that participants in the mindfulness condition "
    "reported lower stress (M = 2.81, SD = 0.74) than those in the waitlist condition "
    "(M = 3.24, SD = 0.81), t(118) = 3.04, p = .003, d = 0.55."
)


def test_a_condition_is_an_arm_and_a_test_is_none():
    rows = extract_document("t", _APA_CONDITIONS)
    means = [(s["source_text"], s["arm"]) for s in rows.statistics if s["kind"] == "mean"]
    assert means[1] == ("M = 3.24, SD = 0.81", "waitlist")
    labels = {s["arm"] for s in rows.statistics} | {
        c[k] for c in rows.comparisons for k in ("arm_1", "arm_2")
    }
    assert not any("test" in label or "those" in label for label in labels), labels


def test_a_subject_that_is_a_drug_still_names_the_arm():  # guard
    text = (
        "Ropivacaine showed longer analgesia (mean 412 min, SD 60) than bupivacaine "
        "(mean 356 min, SD 70), P < 0.001."
    )
    comparisons = extract_document("t", text).comparisons
    assert [(c["arm_1"], c["arm_2"]) for c in comparisons] == [("Ropivacaine", "bupivacaine")]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("[19:08] raj: and the catch: nausea 41/159 (25.8%) vs 22/159 (13.8%)", "nausea"),
        ("Nausea 41/159 (25.8%) vs 22/159 (13.8%).", "Nausea"),
        ("• Dry mouth: 12/80 (15.0%) vs 3/79 (3.8%)", "Dry mouth"),
        # the known outcome a label names, not its modifier
        ("Mostly hospitalizations 121 of 743 vs 167 of 741.", "hospitalization"),
    ],
)
def test_the_label_a_count_opens_with_is_its_outcome(text, outcome):
    assert [o for _, o in outcomes_of(text)] == [outcome, outcome]


@pytest.mark.parametrize(
    "text",
    [
        "Put another way, 33 of 532 died vs 52 of 529.",
        "In that trial we saw 38 of 126 vs 20 of 124 in remission.",
        "Posted by statsnerd\nThey say 2/20 died with MSC vs 7/20 with placebo.",
    ],
)
def test_what_a_sentence_says_before_its_count_is_no_label(text):  # guard
    assert all(
        o not in {"Put another way", "we saw", "In that trial we saw", "They say"}
        for _, o in outcomes_of(text)
    )
