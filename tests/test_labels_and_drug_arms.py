"""What a value's label may and may not be: the name of the test a p-value comes from, a word
of comparison ("against", "respectively") or a lettered group is no outcome; a drug's name
(known by its INN stem) after "with" is an arm even when no sentence introduced it; and a
difference in percentage points after mean changes printed with their SDs is of means."""

from __future__ import annotations

import pytest

from trialaudit.context import arm_role
from trialaudit.extract import extract_document


def _statistics(text: str) -> list[dict]:
    return extract_document("d", text).statistics


def _only(rows: list[dict], kind: str) -> dict:
    found = [r for r in rows if r["kind"] == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "test_name",
    [
        "Fisher's exact test",
        "Fisher exact",
        "chi-square test",
        "Pearson chi-squared test",
        "Mann-Whitney U test",
        "Wilcoxon rank-sum test",
        "log-rank",
    ],
)
def test_the_name_of_a_test_is_not_the_outcome_of_its_p_value(test_name):
    text = (
        "Mortality at day 28 was 2 of 14 (14%) with treatment versus 6 of 14 (43%) with placebo "
        f"({test_name} P = 0.21)."
    )
    p_value = _only(_statistics(text), "p_value")
    assert p_value["outcome"] == "mortality"


def test_a_value_after_against_takes_the_outcome_of_the_value_it_is_set_against():
    text = "The median duration of sedation was 31 min (IQR 16-50) against 10 min (0-18)."
    medians = [r for r in _statistics(text) if r["kind"] == "median"]
    assert [r["source_text"] for r in medians][1] == "10 min (0-18)"
    assert {r["outcome"] for r in medians} == {"duration of sedation"}


def test_a_lettered_group_is_the_arm_not_the_outcome_of_a_p_value():
    text = (
        "The VAS score decreased from 7.2 ± 1.1 to 2.4 ± 1.3 in group A and from 7.0 ± 1.2 to "
        "4.1 ± 1.5 in group B (p < 0.001)."
    )
    p_value = _only(_statistics(text), "p_value")
    assert p_value["outcome"] == "VAS score"


def test_respectively_is_not_the_outcome_of_a_test():
    text = (
        "Complete response was achieved in 21 (70%) and 12 (40%) patients respectively "
        "(χ2 = 5.45, p = 0.020)."
    )
    test = _only(_statistics(text), "test")
    assert test["outcome"] == "Complete response"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("sitagliptin", "glimepiride"),
        ("apixaban", "warfarin"),
        ("tocilizumab", "dexamethasone"),
        ("empagliflozin", "insulin"),
    ],
)
def test_drugs_named_by_their_stem_are_the_arms_of_the_values_before_them(first, second):
    text = (
        f"The mean (SD) change in systolic blood pressure was -8.1 (9.0) with {first} and "
        f"-5.2 (9.4) with {second} (p<0.001)."
    )
    extraction = extract_document("d", text)
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    assert [r["arm"] for r in means] == [first, second]
    (comparison,) = extraction.comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == (first, second)


@pytest.mark.parametrize("condition", ["diabetes", "hypertension", "sepsis"])
def test_a_condition_after_with_is_no_arm(condition):
    text = f"Mortality was 12.4% in patients with {condition}."
    percentage = _only(_statistics(text), "percentage")
    assert percentage["arm"] == ""


def test_a_difference_in_percentage_points_after_mean_changes_with_their_sds_is_of_means():
    text = (
        "The mean (SD) change in HbA1c from baseline to week 26 was −1.6% (0.9) with the "
        "combination and −1.1% (0.9) with metformin alone (estimated treatment difference −0.5 "
        "percentage points, 95% CI −0.7 to −0.3; p<0.0001)."
    )
    difference = _only(_statistics(text), "difference")
    assert difference["measure"] == "mean difference"


@pytest.mark.parametrize(
    ("first", "second"), [("ropivacaine", "bupivacaine"), ("the new device", "the standard device")]
)
def test_a_comparative_with_one_arm_than_with_the_other_names_both_values_arms(first, second):
    text = f"Pain was lower with {first} than with {second} (3.1 ± 1.2 vs 4.0 ± 1.5; P = 0.01)."
    extraction = extract_document("d", text)
    means = [r for r in extraction.statistics if r["kind"] == "mean"]
    expected = [first.removeprefix("the "), second.removeprefix("the ")]
    assert [r["arm"] for r in means] == expected
    assert {r["outcome"] for r in extraction.statistics} == {"Pain"}
    (comparison,) = extraction.comparisons
    assert [comparison["arm_1"], comparison["arm_2"]] == expected


def test_a_quoted_line_of_a_forum_post_opens_with_its_subject():
    text = (
        "Pasting the bits of the abstract that matter:\n\n"
        "> A total of 431 adults were randomized (lomafitide n = 214, placebo n = 212).\n"
        "> Pain freedom at 2 hours occurred in 88/214 (41.1%) lomafitide and 61/212 (29.8%) "
        "placebo participants (RR 1.43, 95% CI 1.10–1.86; p = 0.008).\n"
        ">> Nausea was reported by 19 (8.9%) lomafitide and 7 (3.3%) placebo participants.\n"
    )
    rows = [r for r in _statistics(text) if r["kind"] in {"count", "ratio", "p_value"}]
    assert [r["outcome"] for r in rows] == ["Pain freedom"] * 4 + ["Nausea"] * 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Compared with placebo, the mean difference was −2.3 (95% CI −8.1 to 3.5; P = 0.43).",
        "Compared with placebo, the treatment difference was −2.3 (95% CI −8.1 to 3.5; P = 0.43).",
        "For the high dose versus placebo, the odds ratio was 3.39, with a 95% confidence interval "
        "of 1.73 to 6.66, P = 0.43.",
        "That is a difference of 17 percentage points (95% CI 8 to 26; P = 0.43).",
    ],
)
def test_the_name_of_an_estimate_or_a_pronoun_is_no_outcome(sentence):
    p_value = next(r for r in _statistics(sentence) if r["source_text"] == "P = 0.43")
    assert p_value["outcome"] == ""


@pytest.mark.parametrize(
    "label", ["Bonferroni-adjusted", "adjusted", "nominal", "yes", "unchanged", "counts"]
)
def test_a_qualifier_before_a_p_value_is_no_outcome(label):
    text = f"Pain at week 12 was lower with MSCs than with placebo. This was {label} P = 0.04."
    p_value = next(r for r in _statistics(text) if r["kind"] == "p_value")
    assert p_value["outcome"] == ""


def test_two_arms_said_respectively_without_groups_when_both_look_like_arms():
    text = (
        "Discontinuations due to adverse events were 6.2% and 11.8% with obrexatinib and "
        "chemotherapy, respectively."
    )
    assert [r["arm"] for r in _statistics(text)] == ["obrexatinib", "chemotherapy"]


def test_people_treated_with_a_drug_are_its_arm_whatever_its_name():
    text = (
        "A total of 537 of 856 (62.7%) elrapitide-treated participants lost at least 10% of "
        "body weight, compared with 51 of 428 (11.9%) on placebo."
    )
    counts = [r for r in _statistics(text) if r["kind"] == "count"]
    assert [r["arm"] for r in counts] == ["elrapitide", "placebo"]


@pytest.mark.parametrize("drug", ["zentrafiban", "leuprorelin", "liraglutide"])
def test_more_inn_stems_name_arms(drug):
    text = f"Bleeding occurred in 3.1% with {drug} and in 2.0% with ticagrelor."
    assert [r["arm"] for r in _statistics(text)] == [drug, "ticagrelor"]


def test_two_drugs_said_respectively_stay_the_arms_of_values_before_them():
    text = (
        "Cure rates were 85.7% (24/28) and 78.6% (22/28) for ceftriaxone and azithromycin, "
        "respectively."
    )
    extraction = extract_document("d", text)
    assert [r["arm"] for r in extraction.statistics] == ["ceftriaxone", "azithromycin"]
    (comparison,) = extraction.comparisons
    assert (comparison["events_1"], comparison["events_2"]) == (24, 22)


@pytest.mark.parametrize("label", ["watchful waiting", "active surveillance"])
def test_deferred_treatment_is_a_control_arm(label):
    assert arm_role(label) == "control"


@pytest.mark.parametrize(
    "text",
    [
        "The mean change in pain was -2.1 (SD 1.0) and -1.8 (SD 0.9) in the knee and the hip, "
        "respectively.",
        "Cartilage loss was 12.0% and 9.5% in the knee and hip, respectively.",
        "Bone density rose by 3.1% and 1.2% in the lumbar spine and the total hip, respectively.",
    ],
)
def test_two_body_sites_said_respectively_are_no_arms(text):
    arms = {row["arm"] for row in _statistics(text)}
    assert arms <= {"", None}


@pytest.mark.parametrize(
    ("label", "site"),
    [
        ("the knee", True),
        ("left hip", True),
        ("lumbar spine", True),
        ("fellow eye", True),
        ("knee injection", False),
        ("arm", False),
        ("placebo", False),
        ("the treated", False),
    ],
)
def test_a_body_site_is_a_part_of_the_body_and_nothing_else(label, site):
    from trialaudit.context import is_body_site

    assert is_body_site(label) is site


@pytest.mark.parametrize(
    "text",
    [
        "At 6 months, the mean change in 6-minute walk distance was 32.1 m (95% CI, 21.4 to "
        "42.8 m) in the exercise group.",
        "The mean score on the 10-item scale was 14.2 (SD 3.1) in the exercise group.",
    ],
)
def test_a_number_that_names_the_outcome_is_no_value(text):
    values = [row["value"] for row in _statistics(text) if row["kind"] == "mean"]
    assert values and values[0] in (32.1, 14.2)
