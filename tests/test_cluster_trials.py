"""Cluster-randomised trials (arms.py, checks.py): sizes counted in clusters are told from sizes
counted in people, and checks of the counts allow for the design effect one-sided."""

from __future__ import annotations

import math

import pytest

from trialaudit import checks
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def sizes(text):
    return [
        (s["kind"], s["source_text"], s["arm"], s["unit"])
        for s in extract_document("t", text).statistics
        if s["kind"] in {"arm_size", "sample_size"}
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Results: 16 units (1,184 patients) were allocated to cooled dialysate and 16 units "
            "(1,157 patients) to standard dialysate.",
            [
                ("arm_size", "16 units", "cooled dialysate", "clusters"),
                ("arm_size", "1,184 patients", "cooled dialysate", ""),
                ("arm_size", "16 units", "standard dialysate", "clusters"),
                ("arm_size", "1,157 patients", "standard dialysate", ""),
            ],
        ),
        # the noun left out of the second arm
        (
            "Twelve practices (n = 640) were randomised to the intervention and twelve (n = 655) "
            "to control.",
            [
                ("arm_size", "Twelve practices", "intervention", "clusters"),
                ("arm_size", "640", "intervention", ""),
                ("arm_size", "twelve", "control", "clusters"),
                ("arm_size", "655", "control", ""),
            ],
        ),
        # the arms listed after the allocation, each with its people after it (and the word
        # "clusters" in a bracket after the noun)
        (
            "Twenty-four general practices (clusters) were randomised: 12 to the intervention "
            "(1,480 patients) and 12 to control (1,512 patients).",
            [
                ("sample_size", "Twenty-four general practices", "", "clusters"),
                ("arm_size", "12", "intervention", "clusters"),
                ("arm_size", "1,480 patients", "intervention", ""),
                ("arm_size", "12", "control", "clusters"),
                ("arm_size", "1,512 patients", "control", ""),
            ],
        ),
        # clusters shared between two arms are the whole study's
        (
            "We randomly assigned 24 schools (4,312 pupils) to the programme or to usual teaching.",
            [
                ("sample_size", "24 schools", "", "clusters"),
                ("sample_size", "4,312 pupils", "", ""),
            ],
        ),
        (
            "A total of 32 practices were randomised (1:1).",
            [
                ("sample_size", "32 practices", "", "clusters"),
            ],
        ),
        # where people came from is not what was allocated
        ("Patients from 12 hospitals were randomised to A or B.", []),
        # each arm's clusters and people in the bracket after the arm
        (
            "In this trial, 48 primary schools (3412 pupils) were allocated to a daily physical "
            "activity programme (24 schools, 1698 pupils) or usual curriculum (24 schools, 1714 "
            "pupils).",
            [
                ("sample_size", "48 primary schools", "", "clusters"),
                ("sample_size", "3412 pupils", "", ""),
                ("arm_size", "24 schools", "daily physical activity programme", "clusters"),
                ("arm_size", "1698 pupils", "daily physical activity programme", ""),
                ("arm_size", "24 schools", "usual curriculum", "clusters"),
                ("arm_size", "1714 pupils", "usual curriculum", ""),
            ],
        ),
        (
            "Pupils were allocated to a daily programme (n = 24 clusters, 1698 pupils) or usual "
            "curriculum (n = 24 clusters, 1714 pupils).",
            [
                ("arm_size", "24 clusters", "daily programme", "clusters"),
                ("arm_size", "1698 pupils", "daily programme", ""),
                ("arm_size", "24 clusters", "usual curriculum", "clusters"),
                ("arm_size", "1714 pupils", "usual curriculum", ""),
            ],
        ),
        # ... only where the sentence allocates
        ("Uptake was highest in the cycling programme (24 schools, 1698 pupils).", []),
    ],
)
def test_sizes_in_clusters_and_in_people(text, expected):
    assert sizes(text) == expected


CLUSTER_TRIAL = (
    "In this cluster-randomised trial, 48 villages (6,000 children) were randomised: 24 villages "
    "(3,000 children) to bed nets and 24 villages (3,000 children) to usual care. Malaria "
    "occurred in 300 (10.0%) and 400 (13.3%) children, respectively (RR 0.75, 95% CI {ci}; "
    "p={p})."
)


def verdicts(text):
    extraction = extract_document("t", text)
    return {
        c["check"]: c["verdict"]
        for c in check_document(extraction.statistics, extraction.comparisons, Settings())
    }


def test_counts_take_the_arms_sizes_in_people_and_totals_add_up_by_unit():
    extraction = extract_document("t", CLUSTER_TRIAL.format(ci="0.58 to 0.97", p="0.03"))
    denominators = [s["denominator"] for s in extraction.statistics if s["kind"] == "count"]
    assert denominators == [3000, 3000]
    assert {a["n"] for a in extraction.arms} == {3000}
    assert {c["allocation_unit"] for c in extraction.comparisons} == {"clusters"}
    totals = [
        (c["reported"], c["verdict"])
        for c in check_document(extraction.statistics, extraction.comparisons, Settings())
        if c["check"] == "total_vs_arm_sizes"
    ]
    assert totals == [("48", "consistent"), ("6,000", "consistent")]


def test_a_wider_interval_and_a_larger_p_are_what_clustering_does():
    # 300/3000 vs 400/3000 taken as individuals: RR 0.75, 95% CI 0.65 to 0.86, p < 0.001
    checked = verdicts(CLUSTER_TRIAL.format(ci="0.58 to 0.97", p="0.03"))
    assert checked["ci_vs_counts"] == "not_checkable"
    assert checked["p_vs_counts"] == "not_checkable"
    assert checked["ratio_vs_counts"] == "consistent"


def test_a_narrower_interval_or_a_smaller_p_stays_inconsistent():
    checked = verdicts(CLUSTER_TRIAL.format(ci="0.70 to 0.80", p="0.000001"))
    assert checked["ci_vs_counts"] == "inconsistent"
    assert checked["p_vs_counts"] == "inconsistent"


def test_the_same_numbers_of_an_individually_randomised_trial_are_inconsistent():
    text = (
        "6,000 children were randomised: 3,000 to bed nets and 3,000 to usual care. Malaria "
        "occurred in 300 (10.0%) and 400 (13.3%) children, respectively (RR 0.75, 95% CI 0.58 to "
        "0.97; p=0.03)."
    )
    checked = verdicts(text)
    assert checked["ci_vs_counts"] == "inconsistent"
    assert checked["p_vs_counts"] == "inconsistent"


def test_the_design_effect_and_icc_an_interval_implies():
    # by hand: log widths ln 4 against ln 2, a width ratio of 2, a variance ratio of 4
    assert checks.implied_design_effect((0.5, 2.0), (2**-0.5, 2**0.5), log_scale=True) == (
        pytest.approx(4.0)
    )
    # differences on their own scale: widths 6 against 3
    assert checks.implied_design_effect((-2.0, 4.0), (0.0, 3.0), log_scale=False) == 4.0
    # DE = 1 + (m - 1) ICC: 4 = 1 + 100 x 0.03
    assert checks.implied_icc(4.0, 101) == pytest.approx(0.03)
    assert math.isnan(checks.implied_icc(4.0, 1))


def test_the_not_checkable_interval_says_what_clustering_it_implies():
    extraction = extract_document("t", CLUSTER_TRIAL.format(ci="0.58 to 0.97", p="0.03"))
    (row,) = [
        c
        for c in check_document(extraction.statistics, extraction.comparisons, Settings())
        if c["check"] == "ci_vs_counts"
    ]
    # 300/3000 vs 400/3000 as individuals: RR 95% CI 0.6514 to 0.8635 (Katz); 125 a village
    expected_de = (
        math.log(0.97 / 0.58) / math.log(row["recomputed_high"] / row["recomputed_low"])
    ) ** 2
    assert f"design effect of {expected_de:.2f}" in row["note"]
    assert f"ICC of {(expected_de - 1) / 124:.3f} with 125 people a cluster" in row["note"]


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        # as individuals, 300/3000 vs 400/3000 give NNT 30, 95% CI 20.2 to 58.5 (Wald): a wider
        # interval is what clustering does, a narrower one stays inconsistent
        ("12 to 250", "not_checkable"),
        ("25 to 40", "inconsistent"),
    ],
)
def test_a_cluster_trials_nnt_interval_is_judged_one_sided(interval, expected):
    text = CLUSTER_TRIAL.format(ci="0.58 to 0.97", p="0.03").replace(
        "p=0.03).", f"p=0.03; NNT 30, 95% CI {interval})."
    )
    checked = verdicts(text)
    assert checked["nnt_vs_counts"] == "consistent"
    assert checked["nnt_ci_vs_counts"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In this cluster-randomised trial, 24 villages were randomly assigned to the "
            "intervention or to usual care. Malaria occurred in 120/1204 (10.0%) children in "
            "intervention villages and 180/1180 (15.3%) in control villages.",
            ["intervention", "control"],
        ),
        (
            "Thirty general practices were randomised. Vaccination uptake was 420 of 1000 (42.0%) "
            "in intervention practices and 350 of 1000 (35.0%) in usual care practices.",
            ["intervention", "usual care"],
        ),
        # guard: clusters described by a word that names no arm
        (
            "Malaria occurred in 120/1204 (10.0%) children in rural villages and 180/1180 "
            "(15.3%) in urban villages.",
            ["", ""],
        ),
    ],
)
def test_counts_take_the_arm_their_clusters_received(text, expected):
    rows = extract_document("t", text).statistics
    assert [s["arm"] for s in rows if s["kind"] == "count"] == expected


def test_sizes_in_brackets_count_clusters_when_their_sentence_allocates_clusters():
    text = (
        "INTERVENTION: Communities were randomized to the STEADY-AL program (n = 12) or usual "
        "care (n = 12).\nRESULTS: Of 1,036 residents enrolled (534 in intervention and 502 in "
        "usual care communities), the proportion with at least one fall was 47.0% (251/534) in "
        "intervention and 53.8% (270/502) in usual care communities (odds ratio = 0.76, 95% CI "
        "= 0.55-1.06)."
    )
    assert sizes(text)[:2] == [
        ("arm_size", "STEADY-AL program (n = 12)", "STEADY-AL program", "clusters"),
        ("arm_size", "usual care (n = 12)", "usual care", "clusters"),
    ]
    # 534 residents are no more than the 12 communities randomized, and the OR's interval, wider
    # than the one of individuals (Woolf 0.59 to 0.98), is what clustering does
    assert verdicts(text)["ci_vs_counts"] == "not_checkable"
    assert "denominator_vs_randomized" not in verdicts(text)


def test_people_in_a_sentence_that_allocates_clusters_stay_people():
    text = (
        "Practices were randomized to intervention (n = 320 patients) or usual care (n = 300 "
        "patients)."
    )
    assert {unit for _, _, _, unit in sizes(text)} == {""}


def test_the_arms_named_by_their_role_after_arms_sized_in_clusters():
    text = (
        "Methods: 48 primary schools (3412 pupils) were allocated to a daily physical activity "
        "programme (24 schools, 1698 pupils) or usual curriculum (24 schools, 1714 pupils). "
        "Results: At 12 months, mean BMI z-score was 0.42 (SD 1.08) in the intervention arm and "
        "0.51 (SD 1.11) in the control arm."
    )
    statistics = extract_document("t", text).statistics
    assert [s["arm"] for s in statistics if s["kind"] == "mean"] == ["intervention", "control"]
    rows = check_document(statistics, extract_document("t", text).comparisons, Settings())
    totals = [r["recomputed"] for r in rows if r["check"] == "total_vs_arm_sizes"]
    assert totals == ["24 + 24 = 48", "1698 + 1714 = 3412"]


@pytest.mark.parametrize(
    ("text", "people_sizes"),
    [
        # the bracket counts practices in each arm, not people
        ("In this cluster trial, 24 practices (12 per arm) enrolled 1,890 patients.", []),
        # guard: a bracket after people counts people
        ("We randomised 240 patients (120 per arm) to drug or placebo.", [120]),
    ],
)
def test_a_size_of_each_arm_in_a_bracket_after_clusters_counts_no_people(text, people_sizes):
    rows = extract_document("t", text).statistics
    assert [r["value"] for r in rows if r["kind"] == "arm_size"] == people_sizes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracket after the clusters splits them into arms: sizes in clusters
        (
            "Cluster randomized trial in 36 primary care practices (18 intervention, 18 control) "
            "enrolling 2,418 patients.",
            [("18", "intervention", "clusters"), ("18", "control", "clusters")],
        ),
        # guard: the same bracket after people splits people
        (
            "Randomized trial in 36 patients (18 intervention, 18 control) with gout.",
            [("18", "intervention", ""), ("18", "control", "")],
        ),
    ],
)
def test_a_list_of_arm_sizes_in_a_bracket_after_clusters_counts_clusters(text, expected):
    found = [(t, arm, unit) for kind, t, arm, unit in sizes(text) if kind == "arm_size"]
    assert found == expected


def test_arms_sized_in_clusters_raise_no_alarm_against_the_people_enrolled():
    text = (
        "Cluster randomized trial in 36 primary care practices (18 intervention, 18 control) "
        "enrolling 2,418 patients. At 12 months, 612 of 1,230 patients (49.8%) in intervention "
        "practices and 451 of 1,188 (38.0%) in control practices achieved blood pressure control."
    )
    extraction = extract_document("t", text)
    rows = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [r["check"] for r in rows if r["verdict"] == "inconsistent"] == []
    assert [r["check"] for r in rows if r["verdict"] == "consistent"] == ["percent_vs_count"] * 2
