"""Vaccine efficacy against the cases and people of two arms (100 x (1 - risk ratio))."""

from __future__ import annotations

import math

import pytest
from extraction_helpers import extract_and_check
from reference import close, rows

from trialaudit.checks import Settings, check_document, efficacy_from_risks
from trialaudit.extract import extract_document

REFERENCE = rows("efficacy_reference.csv")


@pytest.mark.parametrize(
    "case", REFERENCE, ids=lambda c: f"{c['x1']}/{c['n1']}-{c['x2']}/{c['n2']}"
)
def test_efficacy_and_its_intervals_match_epitools_and_poisson_test(case):
    table = [int(case[k]) for k in ("x1", "n1", "x2", "n2")]
    found = efficacy_from_risks(*table, 0.95)
    exact = found["risk ratio, exact conditional CI on the total cases"]
    assert close(exact[0], float(case["efficacy"]), 1e-9)
    assert close(exact[1], float(case["exact_lower"]), 1e-7)
    assert close(exact[2], float(case["exact_upper"]), 1e-7)
    if math.isnan(case["katz_lower"]):  # no case in arm 1: epitools gives no Katz interval
        assert "risk ratio, Katz (Wald) CI" not in found
        return
    katz = found["risk ratio, Katz (Wald) CI"]
    assert close(katz[0], float(case["efficacy"]), 1e-9)
    assert close(katz[1], float(case["katz_lower"]), 1e-7)
    assert close(katz[2], float(case["katz_upper"]), 1e-7)


def test_a_comparator_arm_without_cases_gives_no_efficacy():
    assert efficacy_from_risks(12, 500, 0, 500, 0.95) == {}


def test_no_case_among_the_vaccinated_is_an_efficacy_of_100_percent():
    # 0 of 1,005 against 16 of 978 (efficacy_reference.csv): exact 74.77 to 100
    text = (
        "COVID-19 occurred in 0 participants among 1,005 vaccine recipients and 16 among 978 "
        "placebo recipients; vaccine efficacy was 100% (95% CI, 74.8 to 100.0)."
    )
    assert efficacy_checks(text) == [
        ("efficacy_ci_vs_counts", "74.8 to 100.0", "consistent"),
        ("efficacy_vs_counts", "100", "consistent"),
    ]


def counts(text):
    rows_ = extract_document("d", text).statistics
    return [
        (r["source_text"], r["numerator"], r["denominator"], r["arm"], r["outcome"])
        for r in rows_
        if r["kind"] == "count"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "There were 8 cases of Covid-19 among 18,198 vaccine recipients and 162 cases among "
            "18,325 placebo recipients.",
            [
                ("8 cases of Covid-19 among 18,198", 8, 18198, "vaccine", "Covid-19"),
                ("162 cases among 18,325", 162, 18325, "placebo", "Covid-19"),
            ],
        ),
        (
            "Death occurred in 12 among 150 patients given drug.",
            [("12 among 150", 12, 150, "drug", "death")],
        ),
        (
            "Symptomatic COVID-19 was confirmed in 11 participants in the mRNA-1273 group (of "
            "14,134) and in 185 participants in the placebo group (of 14,073).",
            [
                (
                    "11 participants in the mRNA-1273 group (of 14,134)",
                    11,
                    14134,
                    "mRNA-1273",
                    "Symptomatic COVID-19",
                ),
                (
                    "185 participants in the placebo group (of 14,073)",
                    185,
                    14073,
                    "placebo",
                    "Symptomatic COVID-19",
                ),
            ],
        ),
        # guards: what "among" follows here is no count of events
        ("The 3 most common adverse events among 120 patients were headache and nausea.", []),
        ("After 5 years among 200 survivors, relapse was rare.", []),
    ],
)
def test_cases_among_the_people_of_an_arm_are_counts(text, expected):
    assert counts(text) == expected


def test_the_value_after_of_is_what_a_label_names():
    text = "Cases were rare, indicating a vaccine efficacy of 94.1% (95% CI, 89.3 to 96.8%)."
    rows_ = extract_document("d", text).statistics
    assert [(r["kind"], r["outcome"]) for r in rows_] == [("percentage", "vaccine efficacy")]


def efficacy_checks(text):
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return [(c["check"], c["reported"], c["verdict"]) for c in checks if "efficacy" in c["check"]]


# 30/1,000 against 60/1,000 (efficacy_reference.csv): 50.0, Katz 23.18 to 67.46, exact
# conditional 21.25 to 68.86 (poisson.test).
SENTENCE = (
    "Influenza occurred in 30 participants among 1,000 vaccine recipients and 60 among 1,000 "
    "placebo recipients; vaccine efficacy was {} ({} {} to {})."
)


@pytest.mark.parametrize(
    ("efficacy", "interval", "low", "high", "expected"),
    [
        ("50.0%", "95% CI", "23.2", "67.5", ("consistent", "consistent")),  # Katz
        ("50%", "95% CI", "21.3", "68.9", ("consistent", "consistent")),  # exact conditional
        # not reproduced, but inside the exact interval: a hazard ratio's, perhaps
        ("48.0%", "95% CI", "21.3", "68.9", ("not_checkable", "consistent")),
        # outside every recomputed interval
        ("80.0%", "95% CI", "70.1", "88.0", ("inconsistent", "inconsistent")),
        # reproduced by no method, yet overlapping them
        ("50.0%", "95% CI", "30.0", "62.0", ("consistent", "not_checkable")),
        ("50.0%", "95% credible interval", "70.1", "88.0", ("consistent", "not_checkable")),
    ],
)
def test_a_vaccine_efficacy_is_checked_against_the_arms_risks(
    efficacy, interval, low, high, expected
):
    found = efficacy_checks(SENTENCE.format(efficacy, interval, low, high))
    assert found == [
        ("efficacy_ci_vs_counts", f"{low} to {high}", expected[1]),
        ("efficacy_vs_counts", efficacy.rstrip("%"), expected[0]),
    ]


def test_the_placebo_arm_may_be_printed_first():
    text = (
        "Influenza occurred in 60 participants among 1,000 placebo recipients and 30 among 1,000 "
        "vaccine recipients; vaccine efficacy was 50.0% (95% CI 23.2 to 67.5)."
    )
    assert efficacy_checks(text) == [
        ("efficacy_ci_vs_counts", "23.2 to 67.5", "consistent"),
        ("efficacy_vs_counts", "50.0", "consistent"),
    ]


def test_a_percentage_that_is_no_efficacy_is_not_held_against_the_risks():
    text = (
        "Influenza occurred in 30 participants among 1,000 vaccine recipients and 60 among 1,000 "
        "placebo recipients; 50.0% of cases were confirmed by PCR."
    )
    assert efficacy_checks(text) == []


# 8/18,198 against 162/18,325: 100 x (1 - risk ratio) = 95.03 (efficacy_reference.csv, row 1)
PFIZER_COUNTS = (
    "Covid-19 occurred in 8 participants among 18,198 vaccine recipients and 162 among 18,325 "
    "placebo recipients"
)


@pytest.mark.parametrize(
    "ending",
    [
        "; the vaccine was 95.0% effective in preventing Covid-19.",
        "; the vaccine was 95% effective (95% CI, 90.3 to 97.6).",
        # in the sentence after the counts
        ". Efficacy against Covid-19 was 95.0%.",
    ],
)
def test_an_efficacy_said_otherwise_is_checked_against_the_arms_risks(ending):
    found = efficacy_checks(PFIZER_COUNTS + ending)
    assert ("efficacy_vs_counts", "95" if "95%" in ending else "95.0", "consistent") in found


def test_an_efficacy_two_sentences_after_the_counts_is_not_theirs():  # guard
    text = PFIZER_COUNTS + ". Adherence was high. Efficacy against Covid-19 was 95.0%."
    assert efficacy_checks(text) == []


# Vaccine efficacy is 100 x (1 - ratio) (Orenstein et al., Bull WHO 1985): HR 0.059 (0.032 to
# 0.107) gives 94.1 (89.3 to 96.8); 0.331 gives 66.9. A ratio printed to two decimals, 0.33,
# stands for 0.325 to 0.335: efficacies 66.5 to 67.5.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COVID-19 occurred in 11 participants in the vaccine group and 185 in the placebo group "
         "(hazard ratio 0.059; 95% CI 0.032 to 0.107), a vaccine efficacy of 94.1% (95% CI 89.3 "
         "to 96.8).",
         [("efficacy_ci_vs_ratio_ci", "89.3 to 96.8", "consistent"),
          ("efficacy_vs_ratio", "94.1", "consistent")]),
        ("Vaccine efficacy was 76.9% (95% CI 59.0 to 73.4) (HR 0.331, 95% CI 0.266 to 0.420).",
         [("efficacy_ci_vs_ratio_ci", "59.0 to 73.4", "inconsistent"),
          ("efficacy_vs_ratio", "76.9", "inconsistent")]),
        ("Vaccine efficacy was 67.4% (RR 0.33).", [("efficacy_vs_ratio", "67.4", "consistent")]),
        ("Vaccine efficacy was 66.6% (RR 0.33).", [("efficacy_vs_ratio", "66.6", "consistent")]),
        ("Vaccine efficacy was 68.0% (RR 0.33).", [("efficacy_vs_ratio", "68.0", "inconsistent")]),
        # an odds ratio only approximates a risk ratio
        ("Vaccine efficacy was 68.0% (OR 0.33).", []),
        # a relative risk reduction is the same 100 x (1 - RR): RR 0.43 (0.21 to 0.88) gives 57
        # (12 to 79)
        ("MSCs reduced 28-day mortality (RR 0.43, 95% CI 0.21 to 0.88), a relative risk "
         "reduction of 57% (95% CI 12% to 79%).",
         [("efficacy_ci_vs_ratio_ci", "12 to 79", "consistent"),
          ("efficacy_vs_ratio", "57", "consistent")]),
        ("MSCs reduced 28-day mortality by 67% (relative risk reduction; 95% CI 12% to 79%; "
         "RR 0.43, 95% CI 0.21 to 0.88).",
         [("efficacy_ci_vs_ratio_ci", "12 to 79", "consistent"),
          ("efficacy_vs_ratio", "67", "inconsistent")]),
        # a reduction in percentage points is not relative
        ("Mortality fell by 57% (RR 0.43).", []),
    ],
)  # fmt: skip
def test_a_vaccine_efficacy_is_checked_against_the_ratio_printed_with_it(text, expected):
    assert efficacy_checks(text) == expected


# 31/3,901 against 76/3,889: 100 x (1 - (31/3901) / (76/3889)) = 59.33600 (R); metafor 3.8.1
# escalc("RR", ai = 31, n1i = 3901, ci = 76, n2i = 3889): Katz limits 38.39990 to 73.15652; a
# printed 79.3 lies outside every interval of the counts
_CASES_AFTER = (
    "Vaccine efficacy against influenza was {} (95% CI 38.4 to 73.2): 31 cases among 3,901 "
    "vaccinees and 76 among 3,889 placebo recipients."
)


@pytest.mark.parametrize(
    ("efficacy", "verdict"), [("59.3%", "consistent"), ("79.3%", "inconsistent")]
)
def test_an_efficacy_before_its_cases_in_its_sentence_is_checked_against_them(efficacy, verdict):
    found = efficacy_checks(_CASES_AFTER.format(efficacy))
    assert ("efficacy_vs_counts", efficacy.rstrip("%"), verdict) in found
    assert ("efficacy_ci_vs_counts", "38.4 to 73.2", "consistent") in found


def test_an_efficacy_is_not_held_to_the_counts_of_another_outcome_before_it():
    text = (
        "Clinical failure occurred in 62 of 516 children (12.0%) with the vaccine and 58 of 516 "
        "(11.2%) with placebo. Vaccine efficacy against laboratory-confirmed influenza was 59.3%."
    )
    assert efficacy_checks(text) == []


# 22/1,001 against 61/999: 100 x (1 - risk ratio) = 64.0065, Katz CI 41.8619 to 77.7163
# (R 4.2.2, epitools: r <- riskratio.wald(matrix(c(938, 61, 979, 22), nrow = 2, byrow = TRUE));
# 100 * (1 - r$measure[2, c(1, 3, 2)]))
INFLUENZA = (
    "Of 2,000 randomized participants, 1,001 received the vaccine and 999 received placebo. "
    "Influenza occurred in 22 of 1,001 vaccine recipients (2.2%) and 61 of 999 placebo "
    "recipients (6.1%), for a vaccine efficacy of {}."
)


@pytest.mark.parametrize(
    ("efficacy", "expected"),
    [
        ("64.0% (95% CI, 41.9 to 77.7)", ("consistent", "consistent")),
        ("84.0% (95% CI, 79.9 to 88.7)", ("inconsistent", "inconsistent")),
    ],
)
def test_an_efficacy_named_so_after_the_counts_of_another_outcome_is_checked(efficacy, expected):
    # "vaccine efficacy" names an arm ("the vaccine"), so is no outcome label: the words before
    # the percentage still make it an efficacy
    found = efficacy_checks(INFLUENZA.format(efficacy))
    low, high = efficacy.split("CI, ")[1].rstrip(")").split(" to ")
    assert found == [
        ("efficacy_ci_vs_counts", f"{low} to {high}", expected[1]),
        ("efficacy_vs_counts", efficacy.split("%")[0], expected[0]),
    ]
    extraction = extract_document("d", INFLUENZA.format(efficacy))
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    assert not [c for c in checks if c["check"] in {"percent_granularity", "percent_ci_vs_size"}]


def test_an_efficacy_against_something_named_is_not_flagged_by_its_words():  # guard
    # against the first episode, after counts of all episodes: perhaps another outcome, so the
    # words before it do not make it an efficacy to hold against the counts
    text = (
        "In all, 2,400 children were assigned to the vaccine and 1,200 to the control vaccine. "
        "There were 700 episodes of malaria in the vaccine group and 800 in the control group; "
        "vaccine efficacy against the first episode was 60.2% (95% CI 55.1 to 65.0)."
    )
    extraction = extract_document("d", text)
    (efficacy,) = [s for s in extraction.statistics if s["value_text"] == "60.2"]
    assert "efficacy" not in efficacy["flags"].split(";")


# 1.2% and 3.4% round from [1.15, 1.25) and [3.35, 3.45): 100 (1 - x / y) spans 100 (1 -
# 1.25 / 3.35) = 62.69 to 100 (1 - 1.15 / 3.45) = 66.67.
RISKS_THEN_REDUCTION = (
    "A total of 3,000 participants were randomized equally to vaccine or placebo. Confirmed "
    "influenza occurred in {first} and {second} of participants in the {arms} groups, "
    "respectively ({name}, {value}; 95% CI, 44.2 to 77.7)."
)


@pytest.mark.parametrize(
    ("first", "second", "arms", "name", "value", "verdict"),
    [
        ("1.2%", "3.4%", "vaccine and placebo", "relative risk reduction", "64.7%", "consistent"),
        # the comparator's risk printed first
        ("3.4%", "1.2%", "placebo and vaccine", "relative risk reduction", "62.7%", "consistent"),
        ("1.2%", "3.4%", "vaccine and placebo", "relative risk reduction", "66.6%", "consistent"),
        ("1.2%", "3.4%", "vaccine and placebo", "relative risk reduction", "70.7%", "inconsistent"),
        ("1.2%", "3.4%", "vaccine and placebo", "relative risk reduction", "62.6%", "inconsistent"),
        # an efficacy may come from a hazard ratio or person-time
        ("1.2%", "3.4%", "vaccine and placebo", "vaccine efficacy", "70.7%", "not_checkable"),
    ],
)
def test_a_relative_risk_reduction_is_held_to_the_arms_percentages(
    first, second, arms, name, value, verdict
):
    text = RISKS_THEN_REDUCTION.format(
        first=first, second=second, arms=arms, name=name, value=value
    )
    _, checks = extract_and_check(text)
    found = [
        (c["reported"], c["verdict"]) for c in checks if c["check"] == "efficacy_vs_percentages"
    ]
    assert found == [(value.rstrip("%"), verdict)]


def test_a_relative_risk_reduction_is_no_arms_value_for_the_nnt_after_it():
    text = RISKS_THEN_REDUCTION.format(
        first="1.2%",
        second="3.4%",
        arms="vaccine and placebo",
        name="relative risk reduction",
        value="64.7%",
    )
    # 1 / (3.45 - 1.15) % = 43.48 to 1 / (3.35 - 1.25) % = 47.62
    _, checks = extract_and_check(text + " The number needed to vaccinate was 46.")
    found = [(c["check"], c["verdict"]) for c in checks if c["check"].startswith("nnt")]
    assert found == [("nnt_vs_percentages", "consistent")]


# COV-BARRIER's figures (Lancet Respir Med 2021): 24 of 307 vs 39 of 305 deaths by day 28,
# hazard ratio 0.57, "a 43% relative reduction" (100 x (1 - 0.57) = 43).
_NAMED_AFTER = (
    "28-day all-cause mortality was 8% (24 of 307) in the baricitinib group and 13% (39 of 305) "
    "in the placebo group (hazard ratio 0.57 [95% CI 0.35-0.94]; p=0.028), a {rrr}% relative "
    "reduction in mortality."
)


@pytest.mark.parametrize(("rrr", "verdict"), [("43", "consistent"), ("53", "inconsistent")])
def test_a_relative_reduction_named_after_its_percentage_is_held_to_the_ratio(rrr, verdict):
    _, checks = extract_and_check(_NAMED_AFTER.format(rrr=rrr))
    assert [(c["reported"], c["verdict"]) for c in checks if c["check"] == "efficacy_vs_ratio"] == [
        (rrr, verdict)
    ]
    # a relative reduction is no share of people: no GRIM of it
    assert not [c for c in checks if c["check"] == "percent_granularity"]


@pytest.mark.parametrize(("lower", "verdict"), [("35", "consistent"), ("45", "inconsistent")])
def test_a_lower_risk_in_percent_before_its_hazard_ratio_is_held_to_it(lower, verdict):
    text = (
        f"Patients treated with the drug had a {lower}% lower risk of the primary outcome than "
        "those given placebo (HR 0.65; 95% CI 0.52-0.81; P<0.001)."
    )
    _, checks = extract_and_check(text)
    rows = [(c["reported"], c["verdict"]) for c in checks if c["check"] == "efficacy_vs_ratio"]
    assert rows == [(lower, verdict)]  # 100 x (1 - 0.65) = 35


# R 4.2.2, epitools 0.5-10: riskratio.wald(matrix(c(954, 46, 982, 18), nrow = 2, byrow = TRUE))
# gives RR 0.3913043, 95% CI 0.2285315 to 0.6700132: a relative risk reduction of 60.86957%,
# 32.99868 to 77.14685 (18 of 1,000 vaccinees and 46 of 1,000 placebo recipients, the only
# counts out of 1,000 that print as 1.8% and 4.6%).
_REDUCTION_CI = (
    "Participants were randomised to vaccine (n = 1,000) or placebo (n = 1,000). "
    "Laboratory-confirmed influenza occurred in 1.8% and 4.6% of participants in the vaccine and "
    "placebo groups, respectively (relative risk reduction 61%, 95% CI {ci})."
)


@pytest.mark.parametrize(
    ("ci", "verdict"),
    [
        ("33 to 77", "consistent"),
        ("5 to 25", "inconsistent"),  # shares no value with any interval of the counts
        ("45 to 70", "not_checkable"),  # inside them: a model's interval may be narrower
    ],
)
def test_a_reduction_s_ci_is_held_to_the_percentages_of_sized_arms(ci, verdict):
    _, checks = extract_and_check(_REDUCTION_CI.format(ci=ci))
    [row] = [c for c in checks if c["check"] == "efficacy_ci_vs_percentages"]
    assert (row["reported"], row["verdict"]) == (ci, verdict)
    if verdict == "consistent":
        assert (row["recomputed_low"], row["recomputed_high"]) == (
            pytest.approx(32.99868, abs=1e-4),
            pytest.approx(77.14685, abs=1e-4),
        )
