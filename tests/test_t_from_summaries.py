"""A t (or an F of one numerator df) printed with two arms' means and SDs, checked against
Student's pooled and Welch's t of them (test_vs_summaries)."""

from __future__ import annotations

import pytest
from reference import close, rows

from trialaudit import continuous
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


@pytest.mark.parametrize("row", rows("t_summaries_reference.csv"))
def test_t_of_two_summaries_matches_r(row):
    """Printed values that round to nothing else give one t: R's t.test on samples with exactly
    those means and SDs (t_summaries_reference.R)."""
    point = [(row["m1"], row["m1"]), (row["s1"], row["s1"]), int(row["n1"])]
    point += [(row["m2"], row["m2"]), (row["s2"], row["s2"]), int(row["n2"])]
    for equal_var, key in ((True, "student_t"), (False, "welch_t")):
        low, high = continuous.t_range(*point, equal_var=equal_var)
        assert close(low, abs(row[key]), 1e-9) and close(high, abs(row[key]), 1e-9)


def test_the_rounding_of_the_summaries_widens_the_range_of_t():
    low, high = continuous.t_range(
        (68.35, 68.45), (12.65, 12.75), 40, (59.05, 59.15), (11.25, 11.35), 40, equal_var=True
    )
    assert low < 3.46002351895873 < high  # R's t of the printed values
    # a mean difference that may be 0 may give no difference at all
    assert continuous.t_range((1.0, 2.0), (1, 1), 10, (1.5, 1.5), (1, 1), 10, False)[0] == 0.0


# Two arms of 40 and their means and SDs (t_summaries_reference.csv, first row); {} is the rest
# of the bracket after them.
TWO_MEANS = (
    "Eighty patients were divided into a laparoscopic group and an open group, with 40 cases in "
    "each group. The operation time of the laparoscopic group was longer than that of the open "
    "group [(68.4±12.7) min vs (59.1±11.3) min, {}]."
)


def t_checks(statistic):
    extraction = extract_document("t", TWO_MEANS.format(f"{statistic}, P<0.05"))
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    return [(c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_summaries"]


@pytest.mark.parametrize(
    ("statistic", "expected"),
    [
        ("t=3.46", [("3.46", "consistent")]),
        ("t=-3.46", [("-3.46", "consistent")]),  # either sign
        ("t(78)=3.46", [("3.46", "consistent")]),
        ("F(1, 78)=11.97", [("11.97", "consistent")]),  # 3.46 squared
        ("t=4.46", [("4.46", "inconsistent")]),
        # the 40 a side are printed in another sentence: fewer measured give a smaller t
        ("t=2.46", [("2.46", "not_checkable")]),
        # but not beyond half of each arm: with 20 a side t is at least 2.410 (scipy:
        # ttest_ind_from_stats(68.35, 12.75, 20, 59.15, 11.35, 20), either equal_var)
        ("t=1.46", [("1.46", "inconsistent")]),
        ("F(2, 117)=11.97", []),  # a test of more arms than two
    ],
)
def test_a_t_printed_with_two_means_is_checked_against_them(statistic, expected):
    assert t_checks(statistic) == expected


def test_a_t_printed_with_two_medians_is_not_checkable():
    text = (
        "Eighty patients were divided into a laparoscopic group and an open group, with 40 "
        "cases in each group. The stay of the laparoscopic group was shorter than that of the "
        "open group [6 (5-8) d vs 8 (6-10) d, t=3.10, P<0.05]."
    )
    extraction = extract_document("t", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c["verdict"] for c in checks if c["check"] == "test_vs_summaries"] == ["not_checkable"]


def p_checks(statistic, p):
    extraction = extract_document("t", TWO_MEANS.format(f"{statistic}, {p}"))
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    return [(c["verdict"], c["method"]) for c in checks if c["check"] == "p_vs_test"]


# R: 2 * pt(-3.46, 78) = 0.0008788081 (Student's df, 40 + 40 - 2); 2 * pt(-3.46,
# 76.9595871426701) = 0.0008840916 (Welch's df, t_summaries_reference.csv)
@pytest.mark.parametrize(
    ("p", "verdict"),
    [("P=0.0009", "consistent"), ("P<0.001", "consistent"), ("P=0.04", "inconsistent")],
)
def test_a_t_without_df_takes_the_df_of_the_arms_beside_it(p, verdict):
    ((found, method),) = p_checks("t=3.46", p)
    assert found == verdict
    assert "df of the two arms' sizes and SDs" in method


def test_a_t_with_its_df_keeps_it():  # guard
    ((found, method),) = p_checks("t(78)=3.46", "P=0.04")
    assert found == "inconsistent"
    assert "df of the two arms" not in method


@pytest.mark.parametrize(
    ("statistic", "expected"),
    [("t=3.46", [("3.46", "consistent")]), ("t=4.46", [("4.46", "inconsistent")])],
)
def test_a_t_without_a_p_value_that_closes_its_bracket_is_checked(statistic, expected):
    extraction = extract_document("t", TWO_MEANS.format(statistic))
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [
        (c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_summaries"
    ] == expected


@pytest.mark.parametrize(
    "text",
    ["Serum levels (t = 2.5) were measured.", "The start time was t = 2.5 h after dosing."],
)
def test_a_letter_t_with_a_value_alone_is_no_test(text):  # guards
    assert [r for r in extract_document("t", text).statistics if r["kind"] == "test"] == []


# scipy.stats.ttest_ind_from_stats(12.35, 3.21, 30, 18.74, 4.02, 30): t = -6.803, and
# (8.12, 2.15, 30, 12.46, 3.07, 30): t = -6.342. The first printed t is IL-6's, the second
# CRP's: read the other way round, both would be inconsistent.
LISTED = (
    "Sixty patients were divided into an observation group (n=30) and a control group (n=30). "
    "After treatment, the levels of IL-6 [(12.35±3.21) pg/mL vs (18.74±4.02) pg/mL] and CRP "
    "[(8.12±2.15) mg/L vs (12.46±3.07) mg/L] in the observation group were lower than those in "
    "the control group (t=6.799, 6.347; both P<0.001)."
)


def test_tests_listed_after_two_pairs_are_the_pairs_tests_in_order():
    extraction = extract_document("d", LISTED)
    rows = {r["source_text"]: r for r in extraction.statistics}
    assert [rows[k]["arm"] for k in ("12.35±3.21", "18.74±4.02", "8.12±2.15", "12.46±3.07")] == [
        "observation",
        "control",
        "observation",
        "control",
    ]
    assert (rows["t=6.799"]["outcome"], rows["6.347"]["outcome"]) == ("IL-6", "CRP")
    assert rows["P<0.001"]["outcome"] == "IL-6; CRP"
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {r["reported"]: r["verdict"] for r in checks if r["check"] == "test_vs_summaries"}
    assert verdicts == {"6.799": "consistent", "6.347": "consistent"}
    p_checks = [r["verdict"] for r in checks if r["check"] == "p_vs_summaries"]
    assert p_checks == ["consistent", "consistent"]  # the one p of both pairs, for each


def test_a_size_stated_for_every_arm_gives_two_named_arms_their_size():
    """ "(30 per group)" with no list of the arms: the two arms a comparison names have 30
    each, so the p of their means is checked (it was "arm size not reported")."""
    text = (
        "Sixty patients were randomised (30 per group). Pain at 24 h was 3.1 ± 1.2 in the "
        "ketamine group and 4.0 ± 1.5 in the placebo group (P = 0.01)."
    )
    extraction = extract_document("d", text)
    (cmp,) = extraction.comparisons
    assert (cmp["total_1"], cmp["total_2"]) == (30, 30)
    (row,) = [
        r
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"] == "p_vs_summaries"
    ]
    # R: Welch's t from the summaries, 2 * pt(-t, df) with Satterthwaite's df: 0.01301835309
    assert row["verdict"] == "consistent"
    assert row["recomputed_value"] == pytest.approx(0.01301835309, abs=1e-8)


def test_a_t_printed_as_zero_holds_zero():
    """ "t = 0.00" stands for any t from -0.005 to 0.005: two equal means give 0.000 to 0.004
    over their rounding (10.00 vs 10.00, SD 10.0, 40 a side: |t| at most 0.01 / 2.236), which
    it holds (it was held to 0.005 alone and called inconsistent)."""
    text = (
        "Patients were randomised to drug (n = 40) or placebo (n = 40). Pain was 10.00 ± 10.0 "
        "with drug and 10.00 ± 10.0 with placebo (t = 0.00, P = 1.00)."
    )
    extraction = extract_document("d", text)
    (row,) = [
        r
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"] == "test_vs_summaries"
    ]
    assert row["verdict"] == "consistent"
