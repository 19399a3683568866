"""Things that look like statistics and are not (issue 3, item 3): nothing is extracted."""

from __future__ import annotations

import pytest
from extraction_helpers import kinds, of_kind, stats

NOT_STATISTICS = [
    # a share of a dose
    "alteplase 0.9 mg/kg (maximum 90 mg), 10% as bolus and the remainder over 60 minutes",
    "with 10% of the dose given as an initial bolus",
    "Doses were up-titrated to 100% of the target dose where tolerated.",
    "patients received 50% of the recommended dose",
    # a registry's interval label
    "Confidence Interval (2-Sided) 95%",
    # doses with a lost superscript
    "The MSC group received 4 × 107 cells on days 0, 3 and 6.",
    "two injections of 100 × 106 cells",
    "a dose of 106 cells/kg",
    "infusions of 1 × 10(6) cells/kg",
    "4 × 10 7 cells per infusion",
    "2.5 × 10⁶ MSCs/kg",
    # page ranges, volume and issue, citations
    "Chinese Medical Journal 2025;138(22):2984-2992",
    "Lancet. 2020;395(10223):497-506.",
    "Stem Cell Res Ther 13:660-673",
    "pp. 660-673",
    "Volume 76, Issue 3",
    "卷 75, 期 -, 页码 -",
    # dates
    "Registered 13th April 2020.",
    "Discussion started by forestglip, Feb 27, 2025.",
    "Accepted 2021-03-15; published 15/04/2021.",
    "received on 04/13/20",
    # age ranges and eligibility
    "patients aged 18–65 years were eligible",
    "aged 18 to 65 years",
    "respiratory rate ≥ 30 times/min",
    "arterial oxygen partial pressure (PaO2)/fraction of inspired oxygen ≤ 300 mmHg",
    # registration numbers and grants
    "ClinicalTrials.gov number, NCT04288102.",
    "IRCT registration number: IRCT20200217046526N2",
    "ChiCTR2000031430 and ChiCTR-IPR-17012345",
    "National Key R&D Program of China [2020YFC0841900, 2020YFC0844000]",
    "EudraCT 2020-001234-56",
    "CTRI/2020/05/025114",
    # heterogeneity
    "heterogeneity was substantial (I² = 59%)",
    "I2 = 59%",
    # reference numbers
    "as reported previously [12]",
    "earlier trials [3, 4] and [5–7]",
    "guidelines (version 7.0).33",
    # furniture, names with numbers, design descriptors
    "4.7 Article",
    "Messages: 1,778",
    "Beijing 100039, China",
    "阅读:1",
    "IL-6, FEV1, COVID-19, SARS-CoV-2, SF-36, 6-MWD",
    "randomly assigned at a 2:1 ratio",
    "a phase 2 trial based on our phase 1 data",
    "followed up at 3-month intervals for 1 year",
    "assessed 48 h after the second intervention",
    "https://www.nature.com/articles/s41392-021-00488-5",
    "http://www.irct.ir/trial/47073",
    "doi: 10.1016/j.ebiom.2021.103789",
    "contact info@example.com",
    "(1) dyspnea; (2) oxygen saturation",
    # concentrations of what was given, and outcomes named by their threshold
    "a block with 20 mL ropivacaine 0.5% or a sham block",
    "To compare a 0.12% chlorhexidine mouthrinse with an essential-oil rinse",
    "intracameral phenylephrine 1%–ketorolac 0.3% (ICPK) or nepafenac 0.1% drops",
    "culture at 37 °C in 5% O2",
    "Lidocaine 2% with epinephrine was injected at the incision.",
    # a range of eligibility and a significance level
    "Patients with HbA1c between 7.0% and 10.5% were enrolled.",
    "Adults with an ejection fraction between 25% to 40% took part.",
    "Statistical significance was set at 5%.",
    "50% responder rate",
    # counts of outcomes or studies, not of patients
    "3 of the 4 secondary outcomes favoured the intervention",
    "superior in 4 of 6 trials",
    "Improvement was seen in 5 of 7 prespecified endpoints",
    "Slide 14/22 — oral session O-081",
    "Ulcer healing on day 28 in the pilot cohort",
    # thresholds of eligibility or subgroups, and a number in a name, are no summaries
    "adults with an average daily pain score of 4 or more on a 0–10 scale",
    "larger in units with a median session length above 4 h",
    "Patients with a mean arterial pressure below 65 mmHg were excluded.",
    "and mean 25(OH)D was low",
    "or to matching placebo (Plasma-Lyte 148 with 5% human albumin)",
    # gestational ages in sevenths, Snellen visual acuity
    "at 18 0/7–24 6/7 weeks of gestation, or progesterone alone until 36 6/7 weeks",
    "78 to 24 ETDRS letters (Snellen equivalent 20/32 to 20/320) in the study eye",
    "a visual acuity of 20/40 or better",
]


@pytest.mark.parametrize("text", NOT_STATISTICS)
def test_nothing_is_extracted(text):
    assert kinds(text) == []


def test_dose_next_to_an_arm_size_leaves_the_arm_size_alone():
    text = (
        "randomized to receive either an MSC infusion (n = 65, 4 × 107 cells/dose, on days 0, "
        "3, and 6)"
    )
    assert kinds(text) == [("arm_size", "MSC infusion (n = 65")]


def test_reference_bracket_after_a_ratio_is_not_a_median():
    text = "Pooling six trials (n = 412) gave an RR of 0.62 (95% CI 0.41–0.94; I² = 59%) [18]."
    assert [k for k, _ in kinds(text)] == ["sample_size", "ratio"]
    assert of_kind(text, "median") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mortality was 12% in the ketorolac group.",
        "nepafenac 12% vs ketorolac 9%",
        "drops in 12%",
        "60% responders in the drug arm",
        # guards of the range and concentration rules
        "Mortality was 12% and 20% in the lidocaine and saline groups.",
        "The difference between 12% and 20% was significant.",
    ],
)
def test_percentages_near_drug_names_are_still_results(text):
    assert of_kind(text, "percentage")


def test_a_threshold_naming_an_outcome_is_not_one_of_its_results():
    text = "50% responders: 47.6% vs 29.1%."
    assert [r["value"] for r in of_kind(text, "percentage")] == [47.6, 29.1]


def test_references_after_words_stay_references():
    text = "Earlier trials of MSCs in ARDS [8-13] and in sepsis [14, 15] were small."
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Time to recovery: median 10 days [8-13] vs 12 days [9-16].",
        "Median time to recovery was 10 days [8-13] vs 12 days [9-16].",
    ],
)
def test_an_interquartile_range_after_a_value_and_its_unit_is_no_reference(text):
    medians = of_kind(text, "median")
    assert [(m["value"], m["spread_low"], m["spread_high"]) for m in medians] == [
        (10, 8, 13),
        (12, 9, 16),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Patients received 0.9% saline or 2% lidocaine.",
        "Skin was prepared with 2% chlorhexidine in 70% alcohol.",
        "Patients with HbA1c between 7% and 10% were eligible.",
        "A 20% relative reduction was considered clinically important.",
    ],
)
def test_concentrations_criteria_and_targets_are_no_percentages(text):
    assert of_kind(text, "percentage") == []


def test_a_rate_per_100_patients_is_no_count_of_100():
    text = "Rates of the primary outcome were 2.1 and 3.4 per 100 patients in the two groups."
    assert of_kind(text, "count") == []


def test_a_percentage_in_a_bracket_after_a_group_is_a_percentage():
    text = (
        "The incidence of adverse reactions in the study group (5.0%) was lower than that in "
        "the control group (17.5%) (P<0.05)."
    )
    rows = [r for r in kinds(text) if r[0] in {"mean", "percentage"}]
    assert rows == [("percentage", "5.0%"), ("percentage", "17.5%")]


@pytest.mark.parametrize(
    "text",
    [
        "There was no difference in mortality: 12/100 (12%) in the drug group and 20/100 (20%) "
        "in the placebo group.",
        "There was no significant difference in 28-day mortality: 12% in the drug group and 20% "
        "in the placebo group.",
    ],
)
def test_the_values_after_a_difference_that_is_not_there_are_the_arms(text):
    assert of_kind(text, "difference") == []
    assert [r[0] for r in kinds(text)] in (["count", "count"], ["percentage", "percentage"])


def test_a_difference_without_a_ci_is_still_read():  # guard
    text = "The mean difference in pain was 1.2 points."
    assert kinds(text) == [("difference", "mean difference in pain was 1.2 points")]


@pytest.mark.parametrize(
    "text",
    [
        # a sample-size calculation plans sizes, it does not report them
        "Assuming an event rate of 60% with placebo and an absolute reduction of 20 percentage "
        "points, 97 infants per arm (194 in total) give 80% power.",
        "Assuming a failure rate of 30%, 186 participants per group (372 in total) would provide "
        "80% power at a two-sided alpha of 0.05.",
        # an interim analysis's share of the sample and its stopping boundary
        "One interim analysis was planned after 50% of participants had reached day 28, using an "
        "O'Brien-Fleming boundary (nominal P < 0.003).",
    ],
)
def test_a_planned_analysis_reports_no_statistic(text):
    assert stats(text) == []


def test_a_p_beside_an_ordinary_boundary_is_a_result():  # guard
    text = "The upper boundary of the CI was below the margin (P<0.001 for noninferiority)."
    assert [p["value"] for p in of_kind(text, "p_value")] == [0.001]


@pytest.mark.parametrize("scale", ["sPGA", "IGA", "ECOG"])
def test_the_categories_of_a_global_assessment_scale_are_no_count(scale):
    text = f"{scale} 0/1 response rates were 301/372 (80.9%) and 11/124 (8.9%), respectively."
    assert [r["source_text"] for r in of_kind(text, "count")] == [
        "301/372 (80.9%)",
        "11/124 (8.9%)",
    ]


def test_a_threads_post_numbers_are_no_counts():
    text = (
        "1/4 Big trial today: drug vs placebo.\n"
        "2/4 N=600 randomized (drug n=300 / placebo n=300).\n"
        "3/4 Deaths 12 (4.0%) vs 24 (8.0%).\n"
        "4/4 That's it.\n"
    )
    rows = stats(text)
    assert [r["source_text"] for r in rows if r["kind"] == "count"] == ["12 (4.0%)", "24 (8.0%)"]
    assert [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"] == [
        (300, "drug"),
        (300, "placebo"),
    ]


def test_fractions_at_line_starts_that_do_not_count_posts_stay_counts():  # guard
    text = "Responders by site:\n3/8 in Oslo\n5/8 in Bergen\n"
    assert [r["source_text"] for r in stats(text) if r["kind"] == "count"] == ["3/8", "5/8"]
