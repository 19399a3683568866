"""The checks of one document, on hand-built statistics and comparisons rows."""

from __future__ import annotations

import math

import pytest
from reference import FIXTURES, rows

from trialaudit.checks import (
    Settings,
    check_document,
    counts_for_percent,
    denominators_for_percent,
    sized_arm_key,
)
from trialaudit.extract import extract_document
from trialaudit.judgement import as_reported

SETTINGS = Settings()


def stat(stat_id: int, kind: str, **fields) -> dict:
    """A statistics row with the fields the checks read (text columns default to "")."""
    row = {
        "doc_id": "d",
        "stat_id": stat_id,
        "kind": kind,
        "measure": "",
        "arm": "",
        "value_text": "",
        "value": None,
        "ci_level": None,
        "ci_low_text": "",
        "ci_high_text": "",
        "numerator": None,
        "denominator": None,
        "percent_text": "",
        "comparator": "",
        "test_type": "",
        "df1": None,
        "df2": None,
        "spread_kind": "",
        "spread_low_text": "",
        "spread_high_text": "",
        "refers_to": None,
        "sentence_start": 0,
        "sentence_end": 1000,
        "source_text": f"s{stat_id}",
        "span_start": 10 * stat_id,
        "span_end": 10 * stat_id + len(f"s{stat_id}"),
    }
    row.update(fields)
    return row


def comparison(cid: int, e1, n1, e2, n2, **fields) -> dict:
    row = {
        "doc_id": "d",
        "comparison_id": cid,
        "kind": "binary",
        "arm_1": "MSC",
        "arm_2": "placebo",
        "events_1": e1,
        "total_1": n1,
        "events_2": e2,
        "total_2": n2,
        "events_1_stat_id": None,
        "total_1_stat_id": None,
        "summary_1_stat_id": None,
        "summary_2_stat_id": None,
        "effect_stat_id": None,
        "p_stat_id": None,
    }
    row.update(fields)
    return row


def checks_by_name(text: str) -> dict[str, dict]:
    """Return the checks of a text's extraction by check name (the last of each name)."""
    extraction = extract_document("d", text)
    return {
        c["check"]: c
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
    }


def by_check(checks: list[dict]) -> dict[tuple[int, str], dict]:
    return {(c["stat_id"], c["check"]): c for c in checks}


def ratio(stat_id, measure, est, lo, hi):
    return stat(stat_id, "ratio", measure=measure, value_text=est, ci_low_text=lo, ci_high_text=hi)


def p_value(stat_id, text, comparator="=", **fields):
    return stat(stat_id, "p_value", value_text=text, comparator=comparator, **fields)


# --- the seed facts -------------------------------------------------------------------------


def test_three_year_odds_ratios_are_consistent():
    stats = [
        stat(1, "count", numerator=23, denominator=49, percent_text="46.94"),
        stat(2, "count", numerator=10, denominator=29, percent_text="34.48"),
        ratio(3, "OR", "1.68", "0.65", "4.34"),
        stat(4, "count", numerator=26, denominator=49, percent_text="53.06"),
        stat(5, "count", numerator=19, denominator=28, percent_text="67.86"),
        ratio(6, "OR", "0.54", "0.20", "1.41"),
    ]
    cmps = [
        comparison(0, 23, 49, 10, 29, effect_stat_id=3, events_1_stat_id=1),
        comparison(1, 26, 49, 19, 28, effect_stat_id=6, events_1_stat_id=4),
    ]
    checks = by_check(check_document(stats, cmps, SETTINGS))
    for key in [(1, "percent_vs_count"), (2, "percent_vs_count"), (4, "percent_vs_count"),
                (5, "percent_vs_count"), (3, "ratio_vs_counts"), (3, "ci_vs_counts"),
                (3, "ratio_vs_ci_midpoint"), (6, "ratio_vs_counts"), (6, "ci_vs_counts"),
                (6, "ratio_vs_ci_midpoint")]:  # fmt: skip
        assert checks[key]["verdict"] == "consistent", key
    assert checks[(3, "ci_vs_counts")]["method"] == "sample OR, Woolf (Wald) CI"
    assert checks[(6, "ratio_vs_counts")]["recomputed_value"] == pytest.approx(26 * 9 / (23 * 19))


def test_p_from_a_test_of_the_counts_is_not_judged_by_its_wald_ci():
    """32/77 vs 11/58: Woolf OR 3.04 (1.37-6.75), Pearson chi-square p = 0.005 (scipy
    chi2_contingency(correction=False): 0.00528); the Wald p implied by the CI is 0.006."""
    stats = [ratio(5, "OR", "3.04", "1.37", "6.75"), p_value(6, "0.005", refers_to=5)]
    cmps = [comparison(0, 32, 77, 11, 58, effect_stat_id=5, p_stat_id=6)]
    checks = by_check(check_document(stats, cmps, SETTINGS))
    assert checks[(6, "p_vs_counts")]["verdict"] == "consistent"
    from_ci = checks[(6, "p_vs_ci")]
    assert from_ci["verdict"] == "not_checkable"
    assert from_ci["recomputed_value"] == pytest.approx(0.00628, abs=2e-4)
    assert checks[(6, "p_vs_counts")]["method"] in from_ci["note"]
    # Without the counts, the same p against the same CI is inconsistent.
    alone = by_check(check_document(stats, [], SETTINGS))
    assert alone[(6, "p_vs_ci")]["verdict"] == "inconsistent"


def test_doc004_risk_ratio_is_inconsistent():
    stats = [ratio(5, "RR", "0.49", "0.14", "1.11"), p_value(6, "0.08", refers_to=5)]
    cmps = [comparison(0, 3, 11, 8, 24, arm_1="MSC alone", arm_2="control", effect_stat_id=5,
                       p_stat_id=6)]  # fmt: skip
    checks = by_check(check_document(stats, cmps, SETTINGS))
    counts = checks[(5, "ratio_vs_counts")]
    assert counts["verdict"] == "inconsistent"
    assert counts["recomputed_value"] == pytest.approx(3 / 11 / (8 / 24))
    assert counts["recomputed"] == "0.8182"
    assert checks[(5, "ratio_vs_ci_midpoint")]["verdict"] == "inconsistent"
    assert checks[(5, "ci_vs_counts")]["verdict"] == "inconsistent"
    assert checks[(6, "p_vs_counts")]["verdict"] == "inconsistent"
    # 0.08 and 0.72 are both above alpha: no decision error
    assert checks[(6, "p_vs_counts")]["decision_error"] is False


def test_zero_cell_table_that_crashes_epitools():
    """0/8 vs 8/24 (doc 004): p = 0.07 is the mid-p (0.0699); nothing raises."""
    stats = [ratio(8, "RR", "0.08", "0.005", "1.26"), p_value(9, "0.07", refers_to=8)]
    cmps = [comparison(1, 0, 8, 8, 24, effect_stat_id=8, p_stat_id=9)]
    checks = by_check(check_document(stats, cmps, SETTINGS))
    p = checks[(9, "p_vs_counts")]
    assert p["verdict"] == "consistent" and p["method"] == "mid-p exact"
    assert checks[(8, "ratio_vs_counts")]["verdict"] == "inconsistent"


def test_doc000_placebo_denominator_is_inferred():
    stats = [stat(3, "count", numerator=10, denominator=56), p_value(5, "0.013")]
    cmps = [comparison(0, 10, 56, 0, None, p_stat_id=5)]
    (row,) = check_document(stats, cmps, SETTINGS)[-1:]
    assert row["check"] == "denominator_from_p"
    assert row["verdict"] == "consistent"
    assert row["recomputed"] == "placebo n in {30}"
    assert row["flag"] == "denominator_inferred"


def test_doc001_attrition_is_flagged_with_bounds():
    stats = [
        stat(1, "arm_size", arm="UC-MSCs", value=65.0, sentence_start=0, sentence_end=50),
        stat(2, "arm_size", arm="placebo", value=35.0, sentence_start=0, sentence_end=50),
        stat(3, "sample_size", value_text="100", value=100.0),
        stat(4, "count", numerator=23, denominator=49, percent_text="46.94"),
    ]
    cmps = [comparison(0, 23, 49, 10, 29, events_1_stat_id=4)]
    checks = by_check(check_document(stats, cmps, SETTINGS))
    attrition = checks[(4, "denominator_vs_randomized")]
    assert attrition["flag"] == "attrition; significance_can_change"
    # worst case: 16 lost MSC patients all events -> 39/65 vs 10/35; best: 23/65 vs 16/35
    assert attrition["recomputed_high"] == pytest.approx(39 * 25 / (26 * 10))
    assert attrition["recomputed_low"] == pytest.approx(23 * 19 / (42 * 16))
    assert checks[(3, "total_vs_arm_sizes")]["verdict"] == "consistent"


def test_arm_sizes_of_one_trial_are_not_held_against_another_trials_counts():
    # a thread quoting two trials, each with a placebo arm: the second trial's 42 of 119 on
    # placebo are no attrition from the first trial's 29 randomized to placebo
    text = (
        "Thread: MSC trials for lung scarring\n"
        "Started by wheezy_pete · 3 Feb 2024 · 5 replies\n\n"
        "wheezy_pete\nJoined: May 2020 · Messages: 120\n3 Feb 2024, 10:02\n"
        "The Wuhan trial was small (MSC n = 29, placebo n = 29), 58 patients randomised. CT "
        "normal in 12/29 (41.4%) on MSCs vs 9/29 (31.0%) on placebo, p = 0.41.\nLike 2 · Reply\n\n"
        "lung_doc (verified physician)\n3 Feb 2024, 11:15\n"
        "What about the American one, MEND-ARDS?\nLike 1 · Reply\n\n"
        "wheezy_pete\n3 Feb 2024, 12:40\n"
        "Ventilated ARDS. 240 patients enrolled; 28-day mortality 31 of 121 with cells vs 42 "
        "of 119 with placebo, RR 0.73 (95% CI 0.49-1.07), p=0.10.\nLike 4 · Reply\n"
    )
    extraction = extract_document("d", text)
    studies = {s["study_id"] for s in extraction.statistics}
    assert len(studies) == 2
    checks = check_document(extraction.statistics, extraction.comparisons, SETTINGS)
    assert not [c for c in checks if c["check"] == "denominator_vs_randomized"]
    assert not [c for c in checks if c["verdict"] == "inconsistent"]


def test_a_study_takes_arm_sizes_from_a_report_of_the_same_sample():
    # a follow-up paper sizing only its MSC arm, and the first report it cites (same 100
    # patients) sizing both: the follow-up's 49 and 29 analysed are held against 65 and 35
    stats = [
        stat(1, "sample_size", value_text="100", value=100.0, study_id="S1"),
        stat(2, "arm_size", arm="MSC", value=65.0, study_id="S1"),
        stat(3, "count", numerator=23, denominator=49, percent_text="46.94", study_id="S1"),
        stat(4, "sample_size", value_text="100", value=100.0, study_id="S2"),
        stat(5, "arm_size", arm="MSC", value=65.0, study_id="S2"),
        stat(6, "arm_size", arm="placebo", value=35.0, study_id="S2"),
    ]
    cmps = [comparison(0, 23, 49, 10, 29, events_1_stat_id=3, study_id="S1")]
    attrition = by_check(check_document(stats, cmps, SETTINGS))[(3, "denominator_vs_randomized")]
    assert attrition["recomputed"].startswith("49 of 65 and 29 of 35 analysed")
    # another sample (240, not 100): its placebo arm is not this study's
    other = [dict(s, value=240.0, value_text="240") if s["stat_id"] == 4 else s for s in stats]
    checks = by_check(check_document(other, cmps, SETTINGS))
    assert (3, "denominator_vs_randomized") not in checks


def test_a_p_that_the_percentages_reproduce_is_not_judged_by_its_ci():
    # p = 0.16 is the mid-p (and chi-square) p of 128/306 vs 111/306, the counts 41.8% and
    # 36.3% of 306 give; the CI (narrower than Katz's 0.945-1.407 for those counts) implies
    # 0.093-0.134 only under a Wald test of the ratio, which this p did not come from
    text = (
        "We randomized 612 women to freeze-all (n=306) or fresh transfer (n=306). Live birth "
        "occurred in 41.8% with freeze-all vs 36.3% with fresh transfer (RR 1.15, 95% CI "
        "0.97-1.37; p=0.16)."
    )
    checks = checks_by_name(text)
    assert checks["p_vs_percentages"]["verdict"] == "consistent"
    assert checks["p_vs_ci"]["verdict"] == "not_checkable"
    assert "reproduced from the printed percentages" in checks["p_vs_ci"]["note"]
    # the interval itself is still narrower than any for those counts
    assert checks["ci_vs_percentages"]["verdict"] == "inconsistent"


def test_percentages_take_the_size_of_the_arm_their_label_names():
    # "fresh transfer" is the arm sized as "fresh embryo transfer" (arms.resolve_arm, as in
    # extraction): the two percentages are 128/306 and 111/306, whose mid-p is 0.1603
    text = (
        "We randomized 612 women, 306 to freeze-all and 306 to fresh embryo transfer. Live "
        "birth occurred in 41.8% with freeze-all vs 36.3% with fresh transfer (RR 1.15, 95% "
        "CI 0.97-1.37; p=0.16)."
    )
    checks = checks_by_name(text)
    assert checks["p_vs_percentages"]["verdict"] == "consistent"
    assert "128/306 vs 111/306" in checks["p_vs_percentages"]["method"]


def test_group_sizes_that_do_not_add_up():
    stats = [
        stat(1, "arm_size", arm="MSC", value=50.0),
        stat(2, "arm_size", arm="control", value=50.0),
        stat(3, "sample_size", value_text="120", value=120.0),
    ]
    row = by_check(check_document(stats, [], SETTINGS))[(3, "total_vs_arm_sizes")]
    assert row["verdict"] == "inconsistent"
    assert row["recomputed"] == "50 + 50 = 100"
    assert row["flag"] == "group_sizes_do_not_add_up"


def test_the_number_screened_is_no_total_of_the_arms():
    text = (
        "Of 512 patients screened, 386 were randomly assigned, 195 to ravolimod and 193 to placebo."
    )
    extraction = extract_document("t", text)
    totals = {
        c["reported"]: c["verdict"]
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
        if c["check"] == "total_vs_arm_sizes"
    }
    assert totals == {"386": "inconsistent"}  # 195 + 193 = 388; the 512 screened is not checked


@pytest.mark.parametrize(
    "text",
    [
        "We randomized 302 patients; 299 were included in the analysis (drug, n = 148; placebo, "
        "n = 151).",
        "Se aleatorizaron 302 pacientes; 299 fueron incluidos en el análisis (soravetida, n = 148; "
        "placebo, n = 151).",
    ],
)
def test_arms_analysed_are_no_parts_of_the_total_randomized(text):
    extraction = extract_document("t", text)
    [total] = [
        c
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
        if c["check"] == "total_vs_arm_sizes"
    ]
    assert (total["reported"], total["verdict"]) == ("302", "not_checkable")
    assert "later stage (analysed)" in total["note"]


@pytest.mark.parametrize(
    ("completed", "verdict"),
    [
        ("300 (93.8%) completed the trial", "not_checkable"),
        ("310 completed the trial", "inconsistent"),
    ],
)
def test_arms_that_add_up_to_those_who_completed_are_not_the_total_randomized(completed, verdict):
    text = (
        f"Of 320 randomized participants, {completed}. At 12 weeks, the mean (SD) change in HbA1c "
        "was −1.1 (0.8) in the intervention group (n = 151) and −0.6 (0.9) in the usual care "
        "group (n = 149)."
    )
    extraction = extract_document("t", text)
    [total] = [
        c
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
        if c["check"] == "total_vs_arm_sizes"
    ]
    assert (total["reported"], total["verdict"]) == ("320", verdict)


def test_more_analysed_than_randomized_does_not_add_up():  # guard
    text = (
        "We randomized 302 patients; 309 were included in the analysis (drug, n = 158; placebo, "
        "n = 151)."
    )
    extraction = extract_document("t", text)
    verdicts = [
        c["verdict"]
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
        if c["check"] == "total_vs_arm_sizes"
    ]
    assert verdicts == ["inconsistent"]


# --- p-values ---------------------------------------------------------------------------------


def test_decision_error_when_significance_flips():
    """10/50 vs 15/50: every standard p is above 0.2; a printed p = 0.03 flips the decision."""
    stats = [p_value(1, "0.03")]
    cmps = [comparison(0, 10, 50, 15, 50, p_stat_id=1)]
    row = by_check(check_document(stats, cmps, SETTINGS))[(1, "p_vs_counts")]
    assert row["verdict"] == "inconsistent" and row["decision_error"] is True
    assert row["log10_p_ratio"] < -0.5


def test_apa_result_linked_to_its_p():
    stats = [
        stat(1, "test", test_type="t", df1=28.0, value_text="1.20", comparator="="),
        p_value(2, ".05", comparator="<", refers_to=1),
    ]
    row = by_check(check_document(stats, [], SETTINGS))[(2, "p_vs_test")]
    assert row["verdict"] == "inconsistent" and row["decision_error"] is True
    assert row["recomputed_value"] == pytest.approx(0.240194589750221)  # statcheck's value


def test_p_zero_is_an_error_unless_configured():
    stats = [
        stat(1, "test", test_type="t", df1=120.0, value_text="4.51", comparator="="),
        p_value(2, ".000", refers_to=1),
    ]
    strict = by_check(check_document(stats, [], SETTINGS))[(2, "p_vs_test")]
    lenient = by_check(check_document(stats, [], Settings(p_zero_error=False)))[(2, "p_vs_test")]
    assert strict["verdict"] == "inconsistent" and "p < .001" in strict["note"]
    assert lenient["verdict"] == "consistent"


def test_one_tailed_only_when_the_text_says_so():
    stats = [
        stat(1, "test", test_type="t", df1=40.0, value_text="1.45", comparator="="),
        p_value(2, ".077", refers_to=1),
    ]
    options = Settings(one_tailed_from_text=True)
    plain = by_check(check_document(stats, [], options))[(2, "p_vs_test")]
    said = by_check(check_document(stats, [], options, one_tailed_in_text=True))[(2, "p_vs_test")]
    assert plain["verdict"] == "inconsistent"
    assert said["verdict"] == "consistent" and "one-tailed" in said["method"]


def test_statcheck_agreement_through_the_extractor():
    """Every APA result that both statcheck and our extractor read gets statcheck's verdict."""
    text = (FIXTURES / "statcheck_text.txt").read_text(encoding="utf-8")
    reference = {r["apa"]: r for r in rows("statcheck_reference.csv")}
    extraction = extract_document("statcheck", text)
    checks = [c for c in check_document(extraction.statistics, [], SETTINGS)
              if c["check"] == "p_vs_test"]  # fmt: skip
    stats = {s["stat_id"]: s for s in extraction.statistics}
    compared = 0
    for check in checks:
        p_row = stats[check["stat_id"]]
        test_row = stats[p_row["refers_to"]]
        apa = text[test_row["span_start"] : p_row["span_end"]]
        expected = reference[apa]
        assert (check["verdict"] == "inconsistent") == expected["statcheck_error"], apa
        assert bool(check["decision_error"]) == expected["statcheck_decision_error"], apa
        assert check["recomputed_value"] == pytest.approx(expected["statcheck_computed"])
        compared += 1
    assert compared == len(reference)


# --- percentages, CIs on their own, odd inputs ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n", "counts"),
    [("33.3", 9, [3]), ("33.3", 10, []), ("50", 4, [2]), ("0.0", 7, [0]), ("17.9", 56, [10])],
)
def test_counts_for_percent(text, n, counts):
    assert counts_for_percent(text, n) == counts


def test_percentage_without_count_lists_possible_counts():
    stats = [
        stat(1, "arm_size", arm="MSC", value=9.0),
        stat(2, "arm_size", arm="control", value=12.0),
        stat(3, "percentage", value_text="33.3"),
        stat(4, "percentage", value_text="61.6"),
    ]
    checks = by_check(check_document(stats, [], SETTINGS))
    assert checks[(3, "percent_granularity")]["verdict"] == "consistent"
    assert checks[(3, "percent_granularity")]["recomputed"] == "x/9: x in {3}; x/12: x in {4}"
    assert checks[(4, "percent_granularity")]["verdict"] == "not_checkable"


def test_an_arms_percentage_is_held_against_its_arms_size_only():
    # 24.5% of 205 is no whole count (50/205 = 24.39%, 51/205 = 24.88%), though 101/412 is;
    # a Kaplan-Meier rate of the placebo arm is no share of the whole sample
    stats = [
        stat(1, "sample_size", value=412.0),
        stat(2, "arm_size", arm="zelvatinib", value=207.0),
        stat(3, "arm_size", arm="placebo", value=205.0),
        stat(4, "percentage", arm="placebo", value_text="24.5"),
        stat(5, "percentage", arm="zelvatinib", value_text="31.4"),
        stat(6, "percentage", value_text="24.5"),
    ]
    checks = by_check(check_document(stats, [], SETTINGS))
    assert checks[(4, "percent_granularity")]["verdict"] == "not_checkable"
    assert checks[(5, "percent_granularity")]["verdict"] == "consistent"
    assert checks[(5, "percent_granularity")]["recomputed"] == "x/207: x in {65}"
    # a percentage of no arm may be of any size stated
    assert checks[(6, "percent_granularity")]["recomputed"] == "x/412: x in {101}"


def test_median_difference_ci_is_never_inconsistent():
    stats = [
        stat(1, "difference", measure="median difference", value_text="-13.31",
             ci_low_text="-29.14", ci_high_text="2.13"),
        p_value(2, "0.080", refers_to=1),
    ]  # fmt: skip
    checks = check_document(stats, [], SETTINGS)
    assert {c["verdict"] for c in checks} == {"not_checkable"}
    assert all(c["approximate"] for c in checks)


@pytest.mark.parametrize(
    ("stats", "cmps"),
    [
        ([stat(1, "count", numerator=12, denominator=10, percent_text="120")], []),
        ([stat(1, "count", numerator=0, denominator=0, percent_text="0")], []),
        ([ratio(1, "OR", "1.5", "2.0", "0.8"), p_value(2, "0.3", refers_to=1)], []),
        ([ratio(1, "OR", "1.5", "0", "3.0"), p_value(2, "1.3", refers_to=1)], []),
        ([ratio(1, "OR", "1.5", "0.8", "3.0"), p_value(2, "1.3")],
         [comparison(0, 12, 10, 3, 10, effect_stat_id=1, p_stat_id=2)]),
        ([ratio(1, "OR", "1.5", "0.8", "3.0"), p_value(2, "0.3")],
         [comparison(0, 0, 0, 0, 10, effect_stat_id=1, p_stat_id=2)]),
        ([p_value(2, "0.3")], [comparison(0, 5, 10, 0, 0, p_stat_id=2)]),
        ([p_value(2, "0.3")], [comparison(0, 5, 3, 0, None, p_stat_id=2)]),
        ([stat(1, "test", test_type="r", df1=10.0, value_text="1.5", comparator="="),
          p_value(2, ".01", refers_to=1)], []),
    ],
)  # fmt: skip
def test_odd_inputs_are_not_checkable_never_raise(stats, cmps):
    checks = check_document(stats, cmps, SETTINGS)
    if cmps:  # the estimate's own CI is fine; what rests on the odd table is not checkable
        checks = [c for c in checks if c["comparison_id"] is not None]
    assert checks, "an odd input must still give a row saying why it was not checked"
    assert all(c["verdict"] == "not_checkable" and c["note"] for c in checks), checks


def test_reversed_ci_against_counts_is_not_checkable():
    stats = [ratio(1, "OR", "1.5", "3.0", "0.8")]
    cmps = [comparison(0, 15, 30, 12, 30, effect_stat_id=1)]
    checks = by_check(check_document(stats, cmps, SETTINGS))
    assert checks[(1, "ratio_vs_counts")]["verdict"] == "consistent"
    assert checks[(1, "ci_vs_counts")]["verdict"] == "not_checkable"
    assert checks[(1, "ci_vs_counts")]["note"] == "CI limits reversed"
    assert checks[(1, "ratio_vs_ci_midpoint")]["verdict"] == "not_checkable"


# --- continuous outcomes ----------------------------------------------------------------------


def _fev1(p_text):
    stats = [
        stat(3, "median", value_text="2.75", spread_kind="iqr_or_range",
             spread_low_text="2.35", spread_high_text="3.23"),
        stat(4, "median", value_text="2.11", spread_kind="iqr_or_range",
             spread_low_text="1.96", spread_high_text="2.35"),
        p_value(5, p_text),
    ]  # fmt: skip
    cmp = comparison(0, None, 21, None, 26, kind="continuous", summary_1_stat_id=3,
                     summary_2_stat_id=4, p_stat_id=5)  # fmt: skip
    (row,) = [c for c in check_document(stats, [cmp], SETTINGS) if c["check"] == "p_vs_summaries"]
    return row


def test_continuous_p_is_approximate_and_says_how_far_off():
    """Doc 002, FEV1 in the moderate subgroup (21 vs 26), P = 0.008."""
    row = _fev1("0.008")
    assert row["approximate"] and row["verdict"] == "not_checkable"
    reference = rows("continuous_reference.csv")[0]  # IQR reading, Luo means, R's t.test
    assert row["recomputed_value"] == pytest.approx(reference["welch_p"], rel=1e-6)
    assert row["log10_p_ratio"] == pytest.approx(math.log10(0.008 / reference["welch_p"]))
    assert "orders of magnitude" in row["note"] and "same significance decision" in row["note"]


def test_continuous_p_within_the_approximate_range_is_consistent():
    row = _fev1("0.0006")
    assert row["verdict"] == "consistent" and row["approximate"]


def _means(first, second, n_1, n_2, p_text):
    (m1, s1), (m2, s2) = first, second
    stats = [
        stat(3, "mean", value_text=m1, spread_kind="sd", spread_low_text=s1),
        stat(4, "mean", value_text=m2, spread_kind="sd", spread_low_text=s2),
        p_value(5, p_text),
    ]
    cmp = comparison(0, None, n_1, None, n_2, kind="continuous", summary_1_stat_id=3,
                     summary_2_stat_id=4, p_stat_id=5)  # fmt: skip
    (row,) = [c for c in check_document(stats, [cmp], SETTINGS) if c["check"] == "p_vs_summaries"]
    return row


def test_p_from_means_and_sds_may_be_students_pooled_t():
    # 18.5 ± 5.2 (n = 40) vs 23.1 ± 6.4 (n = 20), printed with t = 2.99, P = 0.004: Student's
    # pooled t gives t = 2.988, p = 0.004111 (scipy.stats.ttest_ind_from_stats(18.5, 5.2, 40,
    # 23.1, 6.4, 20, equal_var=True)); Welch's gives 0.00888, and 0.0072 to 0.0109 over the
    # printed values' rounding (R, welch_rounding_reference.csv)
    row = _means(("18.5", "5.2"), ("23.1", "6.4"), 40, 20, "0.004")
    assert row["verdict"] == "consistent"
    assert row["method"] == "Student's pooled t-test on means and SDs"
    assert row["recomputed_value"] == pytest.approx(0.004111451220100951, rel=1e-9)
    # a p that neither test gives is still inconsistent
    assert _means(("18.5", "5.2"), ("23.1", "6.4"), 40, 20, "0.0004")["verdict"] == "inconsistent"


@pytest.mark.parametrize(
    ("first", "second", "n", "p_text", "verdict", "decision_error"),
    [
        # Welch p from the printed values is 0.514, not 0.52; means 0.5 to 0.7 apart and the
        # SDs' rounding give 0.443 to 0.589 (R, welch_rounding_reference.csv): consistent
        (("38.2", "7.4"), ("37.6", "8.1"), (143, 143), "0.52", "consistent", None),
        # 0.05 is outside that range whichever values were rounded: a decision error
        (("38.2", "7.4"), ("37.6", "8.1"), (143, 143), "0.05", "inconsistent", True),
        # p = 0.20 against 0.023 to 0.052: inconsistent, but whether the printed values make
        # the result significant depends on their rounding, so no decision error is claimed
        (("5.3", "1.2"), ("3.9", "0.4"), (6, 5), "0.20", "inconsistent", None),
    ],
)
def test_p_from_means_and_sds_allows_for_their_rounding(
    first, second, n, p_text, verdict, decision_error
):
    row = _means(first, second, *n, p_text)
    assert row["verdict"] == verdict and not row["approximate"]
    assert row["decision_error"] is decision_error
    if verdict == "consistent":
        assert "rounding" in row["note"] and "0.4432 to 0.5886" in row["note"]


@pytest.mark.parametrize(
    ("denominator_stat_id", "other_size", "verdict", "method"),
    [
        # n inferred from the arm size (448): 22/448 = 4.91% is not 5.0%, but 22/436 = 5.05% is,
        # and the text states 436 (analysed) elsewhere
        (0, 436, "consistent", "100 x / n, n = 436 (another size the text states)"),
        # no other stated size fits: the inferred n stands
        (0, 300, "inconsistent", "100 x / n"),
        # n printed with the count: no other size may rescue it
        (None, 436, "inconsistent", "100 x / n"),
    ],
)
def test_a_percentage_against_an_inferred_denominator(
    denominator_stat_id, other_size, verdict, method
):
    stats = [
        stat(0, "arm_size", arm="short course", value=448.0, value_text="448"),
        stat(1, "sample_size", value=float(other_size), value_text=str(other_size)),
        stat(
            2,
            "count",
            numerator=22,
            denominator=448,
            percent_text="5.0",
            denominator_stat_id=denominator_stat_id,
        ),
    ]
    row = by_check(check_document(stats, [], SETTINGS))[(2, "percent_vs_count")]
    assert (row["verdict"], row["method"]) == (verdict, method)
    assert ("4.911" in row["note"]) == (verdict == "consistent")
    assert bool(row["assumption"]) == (denominator_stat_id is not None)


STEP_LIKE = (
    "A total of 1961 participants were randomly assigned to semaglutide (n = 1306) or placebo "
    "(n = 655). More participants in the semaglutide group than in the placebo group achieved "
    "weight reductions of 5% or more (1047 participants [86.4%] vs. 182 [{placebo}%])."
)


@pytest.mark.parametrize(
    ("placebo", "verdicts"),
    [
        # 1047/1306 = 80.17% and 182/655 = 27.79%; 86.4% is 1047 of 1212 and 31.5% 182 of
        # 577 or 578 (100 x / n by hand): both arms' percentages are of fewer patients than
        # the arm has, as of those with data at a visit
        ("31.5", {"86.4": "not_checkable", "31.5": "not_checkable"}),
        # the placebo percentage is of its arm's own size, so the other should be too
        ("27.8", {"86.4": "inconsistent", "27.8": "consistent"}),
    ],
)
def test_percentages_of_fewer_patients_in_every_arm_are_not_checkable(placebo, verdicts):
    found = checks_of(STEP_LIKE.format(placebo=placebo))
    rows = found["percent_vs_count"]
    assert {r["reported"]: r["verdict"] for r in rows} == verdicts
    short = [r for r in rows if r["verdict"] == "not_checkable"]
    assert all("fewer than that" in r["note"] for r in short)
    assert any("n in {1212}" in r["note"] for r in short) == (placebo == "31.5")


def test_a_lone_percentage_of_fewer_patients_than_its_inferred_n_stays_inconsistent():
    found = checks_of(
        "A total of 1961 participants were randomly assigned to semaglutide (n = 1306) or "
        "placebo (n = 655). Weight fell by 5% or more in 1047 participants [86.4%] with "
        "semaglutide."
    )
    assert [r["verdict"] for r in found["percent_vs_count"]] == ["inconsistent"]


def checks_of(text: str) -> dict[str, list[dict]]:
    extraction = extract_document("d", text)
    found: dict[str, list[dict]] = {}
    for row in check_document(extraction.statistics, extraction.comparisons, SETTINGS):
        found.setdefault(row["check"], []).append(row)
    return found


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Walking was reached by 52/93 (55.9%) in the robot group and 39/91 (42.9%) with "
            "conventional therapy (adjusted OR 1.74, 95% CI 0.96-3.15; P = 0.067).",
            "an adjusted estimate",
        ),
        (
            "The event occurred in 112 of 1024 patients (10.9%) in the drug group and in 150 of "
            "1019 (14.7%) in the placebo group (hazard ratio, 0.72; 95% CI, 0.60 to 0.87; "
            "P<0.001).",
            "a hazard ratio",
        ),
    ],
)
def test_an_adjusted_estimate_or_a_hazard_ratio_is_not_judged_by_its_counts(text, why):
    found = checks_of(text)
    judged = [r for c in ("ratio_vs_counts", "ci_vs_counts", "p_vs_counts") for r in found[c]]
    assert len(judged) == 3
    assert all(r["verdict"] == "not_checkable" and why in r["note"] for r in judged)


def test_the_same_crude_odds_ratio_is_judged_by_its_counts():
    # OR 52*52/(41*39) = 1.691, Woolf CI 0.94-3.03 by hand; Pearson p 0.0765 from
    # scipy.stats.chi2_contingency([[52, 41], [39, 52]], correction=False)
    found = checks_of(
        "Walking was reached by 52/93 (55.9%) in the robot group and 39/91 (42.9%) with "
        "conventional therapy (OR 1.69, 95% CI 0.94-3.03; P = 0.077)."
    )
    assert {r["verdict"] for c in ("ratio_vs_counts", "p_vs_counts") for r in found[c]} == {
        "consistent"
    }


def test_a_p_for_noninferiority_or_interaction_is_not_the_comparison_p():
    found = checks_of(
        "Clinical failure occurred in 41 of 436 participants (9.4%) in the short-course group and "
        "in 55 of 435 (12.6%) in the standard-course group (risk ratio 0.74, 95% CI 0.51 to "
        "1.08; P < .001 for noninferiority). Benefit differed by age (OR 0.61, 95% CI 0.40-0.93; "
        "P-value for interaction=0.03)."
    )
    assert "p_vs_counts" not in found and "p_vs_ci" not in found


@pytest.mark.parametrize(("p", "verdict"), [("0.02", "consistent"), ("0.20", "inconsistent")])
def test_a_p_after_one_for_noninferiority_is_the_test_of_the_estimate(p, verdict):
    # HR 0.74 (0.58 to 0.95): z = ln 0.74 / ((ln 0.95 - ln 0.58) / 3.92) = -2.39, p = 0.017
    found = checks_of(
        "The primary outcome occurred in 6.6% of patients receiving semaglutide and in 8.9% "
        "receiving placebo (hazard ratio, 0.74; 95% CI, 0.58 to 0.95; P<0.001 for "
        f"noninferiority; P={p} for superiority)."
    )
    assert [(r["reported"], r["verdict"]) for r in found["p_vs_ci"]] == [(f"= {p}", verdict)]


REJECTION = (
    "We randomly assigned 414 kidney recipients to tacrolimus minimisation (n = 208) or standard "
    "tacrolimus (n = 206). Biopsy-proven acute rejection by 12 months occurred in 24{} of 208 "
    "patients with minimisation versus 15{} of 206 with standard tacrolimus (risk difference "
    "4.2%, 95% CI -1.4 to 9.8)."
)


@pytest.mark.parametrize(
    ("percentages", "verdict"),
    [
        # 11.5 - 7.3 = 4.2 and its Wald CI -1.40 to 9.80 (statsmodels:
        # confint_proportions_2indep(0.115 * 208, 208, 0.073 * 206, 206, method="wald",
        # compare="diff") = (-0.01405, 0.09805))
        ((" (11.5%)", " (7.3%)"), "consistent"),
        # without them, only the counts: 24/208 - 15/206 = 4.26, Wald CI -1.35 to 9.86
        (("", ""), "inconsistent"),
    ],
)
def test_a_risk_difference_may_be_that_of_the_printed_percentages(percentages, verdict):
    found = checks_of(REJECTION.format(*percentages))
    assert [r["verdict"] for r in found["difference_vs_counts"]] == [verdict]
    assert [r["verdict"] for r in found["ci_vs_counts"]] == [verdict]


def test_a_p_of_counts_may_be_the_wald_test_of_the_risk_difference():
    # 9/108 vs 19/106: Pearson 0.0375, Fisher 0.0435, mid-p 0.0402, Yates 0.0604; the Wald test
    # of the risk difference 0.0361 (statsmodels: test_proportions_2indep(9, 108, 19, 106,
    # method="wald", compare="diff").pvalue)
    text = (
        "Mechanical ventilation by day 28 occurred in 9/108 (8.3%) patients in the intervention "
        "group vs 19/106 (17.9%) in the control group (P = 0.036)."
    )
    (row,) = checks_of(text)["p_vs_counts"]
    assert (row["verdict"], row["method"]) == ("consistent", "Wald test of the risk difference")


@pytest.mark.parametrize(
    ("printed_ci", "flag"),
    [
        # statsmodels Table2x2([[10, 40], [20, 30]]).oddsratio_confint(): Woolf 0.15329 to
        # 0.91738; cut to two decimals both limits are printed
        ("0.15 to 0.91", "last_digit; truncated"),
        # nearest method (mid-p exact, 0.1494 to 0.9220): each limit within one unit
        ("0.16 to 0.93", "last_digit"),
        # 0.95 is three units above every method's upper limit
        ("0.15 to 0.95", ""),
    ],
)
def test_a_ci_off_by_one_in_its_last_digit_is_flagged_and_stays_inconsistent(printed_ci, flag):
    found = checks_of(
        "Death occurred in 10/50 (20.0%) patients with treatment and 20/50 (40.0%) with "
        f"control (OR 0.38, 95% CI {printed_ci})."
    )
    assert [(r["verdict"], r["flag"]) for r in found["ci_vs_counts"]] == [("inconsistent", flag)]


@pytest.mark.parametrize("printed_p", ["0.02", "0.01"])
def test_a_p_value_off_in_its_last_digit_is_not_called_a_slip_of_rounding(printed_p):
    # 10/50 vs 20/50: every standard test gives 0.025 to 0.05 (the nearest, the risk
    # difference's Wald test, statsmodels test_proportions_2indep(method='wald') 0.02535)
    found = checks_of(
        f"Mortality was 10/50 (20.0%) with treatment and 20/50 (40.0%) with control "
        f"(P = {printed_p})."
    )
    assert [(r["verdict"], r["flag"]) for r in found["p_vs_counts"]] == [("inconsistent", "")]


# Hand-worked: 7/39 = 17.95 % and 7/40 = 17.50 %, so no whole n gives 7 as 17.8 %; 9/39 = 23.08 %
# is 23.1 % and 9/38, 9/40 are 23.7 %, 22.5 %; 2/60 = 3.33 % and 2/61 = 3.28 % both round to
# 3.3 %, 2/59 = 3.39 % and 2/62 = 3.23 % do not; 23/85 = 27.06 % and 23/86 = 26.74 % miss 26.8 %.
@pytest.mark.parametrize(
    ("percent", "x", "denominators"),
    [
        ("17.8", 7, []),
        ("23.1", 9, [39]),
        ("3.3", 2, [60, 61]),
        ("26.8", 23, []),
        ("50", 1, [2]),
        ("5", 0, []),  # no patients cannot be 5 % of any
        ("0.0", 0, None),  # nor does 0 % of 0 bound n
        ("0", 3, None),  # 3 of more than 600 rounds to 0 %
    ],
)
def test_denominators_for_percent(percent, x, denominators):
    assert denominators_for_percent(as_reported(percent), x) == denominators


@pytest.mark.parametrize(
    ("x", "percent", "verdict", "recomputed"),
    [
        (7, "17.8", "inconsistent", "7/39 = 17.949%, 7/40 = 17.500%"),
        (9, "23.1", "not_checkable", "n in {39}"),
        (2, "3.3", "not_checkable", "n in {60-61}"),
    ],
)
def test_a_count_printed_without_its_denominator_against_every_whole_n(
    x, percent, verdict, recomputed
):
    stats = [stat(1, "count", numerator=x, percent_text=percent)]
    row = by_check(check_document(stats, [], SETTINGS))[(1, "percent_vs_count")]
    assert (row["verdict"], row["recomputed"]) == (verdict, recomputed)
    assert "GRIM" in row["method"]


@pytest.mark.parametrize(
    ("other_arm", "size", "verdict"),
    [
        # 5/30 = 16.7 %: the other arm's percentage is of its own arm, so 2/60 = 3.3 % (the whole
        # sample's) does not rescue 2/30 = 6.7 %
        ((5, "16.7"), 60, "inconsistent"),
        # 5/60 = 8.3 %: both are percentages of the whole sample
        ((5, "8.3"), 60, "consistent"),
        # nor does any other size larger than the arm (2/61 = 3.3 %, hand-worked above)
        ((5, "16.7"), 61, "inconsistent"),
        ((5, "16.7"), 29, "inconsistent"),  # 2/29 = 6.9 %
    ],
)
def test_a_whole_sample_percentage_beside_an_arm_percentage_is_not_rescued(
    other_arm, size, verdict
):
    stats = [
        stat(0, "arm_size", arm="MSC", value=30.0, value_text="30"),
        stat(1, "arm_size", arm="placebo", value=30.0, value_text="30"),
        stat(2, "sample_size", value=float(size), value_text=str(size)),
        stat(3, "count", arm="MSC", numerator=2, denominator=30, percent_text="3.3",
             denominator_stat_id=0, sentence_start=100, sentence_end=200),
        stat(4, "count", arm="placebo", numerator=other_arm[0], denominator=30,
             percent_text=other_arm[1], denominator_stat_id=1, sentence_start=100,
             sentence_end=200),
    ]  # fmt: skip
    row = by_check(check_document(stats, [], SETTINGS))[(3, "percent_vs_count")]
    assert row["verdict"] == verdict
    assert ("more patients than this arm has" in row["note"]) == (
        verdict == "inconsistent" and size in {60, 61}
    )


def test_a_smaller_analysed_size_may_rescue_a_count_beside_an_arm_percentage():
    # 2/28 = 7.1 %, while the inferred arm of 30 gives 6.7 %
    stats = [
        stat(0, "arm_size", arm="MSC", value=30.0, value_text="30"),
        stat(1, "arm_size", arm="placebo", value=30.0, value_text="30"),
        stat(2, "arm_size", arm="MSC", value=28.0, value_text="28", population="analysed"),
        stat(3, "count", arm="MSC", numerator=2, denominator=30, percent_text="7.1",
             denominator_stat_id=0, sentence_start=100, sentence_end=200),
        stat(4, "count", arm="placebo", numerator=5, denominator=30, percent_text="16.7",
             denominator_stat_id=1, sentence_start=100, sentence_end=200),
    ]  # fmt: skip
    row = by_check(check_document(stats, [], SETTINGS))[(3, "percent_vs_count")]
    assert (row["verdict"], row["method"]) == (
        "consistent",
        "100 x / n, n = 28 (another size the text states)",
    )


@pytest.mark.parametrize(("arm_count", "checked"), [(2, True), (3, False), (None, True)])
def test_a_size_of_each_arm_sizes_the_arms_the_results_name(arm_count, checked):
    # 28/30 vs 23/30: Wald test of the risk difference p = 0.0630 (statsmodels
    # test_proportions_2indep(28, 30, 23, 30, method="wald"))
    stats = [
        stat(0, "arm_size", value=30.0, value_text="30", each_arm=True, arm_count=arm_count),
        stat(1, "percentage", arm="observation", value_text="93.33", unit="%"),
        stat(2, "percentage", arm="control", value_text="76.67", unit="%"),
        stat(3, "p_value", arm="observation vs control", value_text="0.038", comparator="="),
    ]
    rows = by_check(check_document(stats, [], SETTINGS))
    row = rows.get((3, "p_vs_percentages"))
    assert (row is not None and row["recomputed"] == "0.06301") == checked


def test_a_difference_in_percent_that_the_counts_give_is_checked_as_a_risk_difference():
    # "difference 72.0%" after 301/372 (80.9%) and 11/124 (8.9%) is 80.9 - 8.9 points: a risk
    # difference, whose printed CI 56.6 to 78.4 no method gives (Wald 65.64 to 78.45:
    # statsmodels confint_proportions_2indep(301, 372, 11, 124, method="wald")) and whose centre
    # 67.5 is not 72.0; the first, 61.3 to 73.1, is the Wald interval of 268/372 vs 6/124
    # (61.28 to 73.13, the same call)
    text = (
        "PASI 90 was achieved by 268/372 (72.0%) patients in the drug arm and by 6/124 (4.8%) in "
        "the placebo arm (difference 67.2%; 95% CI: 61.3, 73.1; p < 0.0001). sPGA 0/1 response "
        "rates were 301/372 (80.9%) and 11/124 (8.9%), respectively (difference 72.0%; 95% CI: "
        "56.6, 78.4; p < 0.0001)."
    )
    extraction = extract_document("t", text)
    differences = [r for r in extraction.statistics if r["kind"] == "difference"]
    assert [(r["measure"], r["flags"]) for r in differences] == [
        ("risk difference", "risk_difference_from_counts")
    ] * 2
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {
        (c["check"], c["reported"]): c["verdict"]
        for c in checks
        if c["check"] in {"ci_vs_counts", "difference_vs_ci_midpoint", "difference_vs_counts"}
    }
    assert verdicts == {
        ("difference_vs_counts", "67.2"): "consistent",
        ("ci_vs_counts", "61.3 to 73.1"): "consistent",
        ("difference_vs_ci_midpoint", "67.2"): "consistent",
        ("difference_vs_counts", "72.0"): "consistent",
        ("ci_vs_counts", "56.6 to 78.4"): "inconsistent",
        ("difference_vs_ci_midpoint", "72.0"): "inconsistent",
    }


def test_a_relative_difference_in_percent_stays_unnamed():
    # 20/100 vs 40/100: 20 points, or 50% less; "difference 50%" is the relative one
    text = "Relapse occurred in 20/100 (20%) vs 40/100 (40%) (difference 50%; 95% CI 20 to 70)."
    extraction = extract_document("t", text)
    (difference,) = [r for r in extraction.statistics if r["kind"] == "difference"]
    assert difference["measure"] == "difference" and difference["flags"] == ""


@pytest.mark.parametrize(
    ("interval", "p_text", "verdict"),
    [
        ("95% CI −21 to 4; P = .03", "= .03", "inconsistent"),  # holds 0, yet p < 0.05
        ("95% CI −30 to −12; P = .40", "= .40", "inconsistent"),  # excludes 0, yet p > 0.05
        ("95% CI −21 to 1; P = .03", "= .03", "not_checkable"),  # 0 near a limit: rounding
        ("95% CI −21 to 4; P = .30", "= .30", "not_checkable"),  # agrees; the p is approximate
    ],
)
def test_a_median_difference_and_its_p_must_agree_on_significance(interval, p_text, verdict):
    # a Hodges-Lehmann interval inverts the Mann-Whitney test, so whatever its shape, holding
    # the null value goes with p above 0.05 and excluding it with p below
    text = (
        f"Median crying time fell more with probiotic (median difference −9 minutes; {interval})."
    )
    extraction = extract_document("t", text)
    (row,) = [
        c
        for c in check_document(extraction.statistics, extraction.comparisons, SETTINGS)
        if c["check"] == "p_vs_ci"
    ]
    assert (row["reported"], row["verdict"]) == (p_text, verdict)


def test_the_p_of_a_hazard_ratio_is_not_taken_for_the_medians_p():
    found = checks_of(
        "Median overall survival was 14.2 months (95% CI, 12.1 to 16.0) with drug X and "
        "11.3 months (95% CI, 9.9 to 12.8) with placebo (hazard ratio for death, 0.74; "
        "95% CI, 0.61 to 0.89; P=0.002)."
    )
    assert "p_vs_summaries" not in found
    assert [(r["reported"], r["verdict"]) for r in found["p_vs_ci"]] == [("= 0.002", "consistent")]


def test_a_percentage_takes_the_size_of_the_sized_arm_whose_name_holds_its_arms():
    text = (
        "We randomly assigned 1,204 patients to early rhythm control (602 patients) or usual "
        "care (602 patients). The event occurred in 8.8% of the patients in the rhythm-control "
        "group and in 11.1% of those in the other group."
    )
    extraction = extract_document("t", text)
    rows = [
        (r["reported"], r["recomputed"])
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"] == "percent_granularity"
    ]
    # the first is of its arm's 602 only; the second, of no arm, of every size stated
    assert rows == [("8.8", "x/602: x in {53}"), ("11.1", "x/602: x in {67}; x/1204: x in {134}")]


@pytest.mark.parametrize(
    ("arm", "key"),
    [
        ("rhythm-control", "early rhythm control"),
        ("usual care", "usual care"),
        # held by two sized arms' names, or by none: its own key
        ("rhythm control", "rhythm control"),
        ("placebo", "placebo"),
    ],
)
def test_the_sized_arm_a_name_refers_to(arm, key):
    sizes = {"early rhythm control": 300, "delayed rhythm control": 300, "usual care": 300}
    if arm == "rhythm-control":
        del sizes["delayed rhythm control"]
    assert sized_arm_key(arm, sizes) == key
