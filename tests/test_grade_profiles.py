"""A GRADE evidence profile flattened to text: each row's values take the arms of the header's
columns before "Relative (95% CI)", the outcome and time point of the line above the row, and a
row that counts several trials pools them, so its estimates are not held to the summed counts."""

from __future__ import annotations

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

PROFILE = """Summary of findings: Drug X compared with placebo for chronic cough

Certainty assessment | No of patients | Effect | Certainty
No of studies | Study design | Risk of bias | drug X | placebo | Relative (95% CI) \
| Absolute (95% CI)

Cough frequency response (follow-up: 12 weeks)
4 | randomised trials | not serious | 230/610 (37.7%) | 160/598 (26.8%) | RR 1.41 (1.19 to 1.67) \
| 110 more per 1,000 (from 51 more to 179 more) | HIGH

Serious adverse events (assessed at 24 weeks)
{studies} | randomised trials | not serious | 21/610 (3.4%) | 18/598 (3.0%) | RR 1.14 (0.62 to \
2.12) | 4 more per 1,000 (from 12 fewer to 34 more) | MODERATE
"""


def _extract(studies: int = 4):
    return extract_document("d", PROFILE.format(studies=studies))


def test_values_take_the_arms_of_their_columns_and_the_outcome_and_time_above_them():
    rows = [
        (r["source_text"][:8], r["arm"], r["outcome"], r["timepoint"])
        for r in _extract().statistics
        if r["kind"] in {"count", "ratio"}
    ]
    assert rows == [
        ("230/610 ", "drug X", "Cough frequency response", "week 12"),
        ("160/598 ", "placebo", "Cough frequency response", "week 12"),
        ("RR 1.41 ", "drug X vs placebo", "Cough frequency response", "week 12"),
        ("21/610 (", "drug X", "Serious adverse events", "week 24"),
        ("18/598 (", "placebo", "Serious adverse events", "week 24"),
        ("RR 1.14 ", "drug X vs placebo", "Serious adverse events", "week 24"),
    ]


def test_the_estimates_of_several_trials_are_not_held_to_their_summed_counts():
    extraction = _extract()
    ratios = [r for r in extraction.statistics if r["kind"] == "ratio"]
    assert all("pooled_across_trials" in r["flags"].split(";") for r in ratios)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    of_counts = [c for c in checks if c["check"] in {"ratio_vs_counts", "ci_vs_counts"}]
    assert of_counts and {c["verdict"] for c in of_counts} == {"not_checkable"}


def test_the_estimate_of_one_trial_is_held_to_its_counts():
    # 21/610 vs 18/598: RR 1.1437, Katz CI 0.6156 to 2.1247 (R: rr <- (21/610)/(18/598);
    # se <- sqrt(1/21 - 1/610 + 1/18 - 1/598); exp(log(rr) + c(-1, 1) * qnorm(0.975) * se))
    extraction = _extract(studies=1)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {
        (c["check"], c["reported"]): c["verdict"]
        for c in checks
        if c["check"] in {"ratio_vs_counts", "ci_vs_counts"}
    }
    assert verdicts[("ratio_vs_counts", "1.14")] == "consistent"
    assert verdicts[("ci_vs_counts", "0.62 to 2.12")] == "consistent"


def test_a_table_without_arms_before_its_relative_effect_is_left_alone():
    text = PROFILE.replace("drug X | placebo", "Imprecision | Other considerations").format(
        studies=4
    )
    counts = [r for r in extract_document("d", text).statistics if r["kind"] == "count"]
    assert {r["arm"] for r in counts} == {""}


def test_the_profile_ends_where_two_lines_of_text_follow_its_last_row():
    text = PROFILE.format(studies=4) + (
        "\nFootnotes: a. Two trials were open label.\nb. Wide confidence interval.\n\n"
        "3 | cohort studies | serious | 12/610 (2.0%) | 10/598 (1.7%) | 0.70 | 4 more\n"
    )
    counts = [
        r for r in extract_document("d", text).statistics if r["source_text"][:3] in {"12/", "10/"}
    ]
    assert [r["arm"] for r in counts] == ["", ""]
