"""The size of an analysis set ("In the per-protocol analysis (n = 221)") is a sample size, and a
size of one arm no count names is not the denominator of two arms' counts.

Reference values, R 4.x, for 78 of 120 against 62 of 120: metafor 3.8.1 escalc("OR", ai = 78,
n1i = 120, ci = 62, n2i = 120): 1.737327 (1.034366 to 2.918026); the Wald test of the log odds
ratio, 2 * pnorm(-abs(log(78 * 58 / (42 * 62)) / sqrt(1/78 + 1/42 + 1/62 + 1/58))) =
0.03682744164 (glm's binomial fit gives 0.03682738 to its convergence tolerance)
(chisq.test(correct = FALSE) 0.03618062, fisher.test 0.04928414); the mid-p exact interval of
the conditional OR, the roots in psi of P(X > 78) + P(X = 78) / 2 = 0.025 and of its complement
under the noncentral hypergeometric (dhyper(s, 120, 120, 140) psi^s, normalised; uniroot, tol
1e-12): 1.032041112 to 2.925862936."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check, of_kind

_TRIAL = (
    "Of 312 patients screened, 240 were randomised (120 per group). At 6 months, the primary "
    "endpoint was met by 78 (65.0%) patients in the ticagrelor group and 62 (51.7%) in the "
    "clopidogrel group (OR 1.74, 95% CI 1.03-2.93, p = 0.037). {} (n = 221), results were "
    "consistent (OR 1.81, 95% CI 1.05-3.12)."
)


@pytest.mark.parametrize(
    "opening", ["In the per-protocol analysis", "In the intention-to-treat population"]
)
def test_the_size_of_an_analysis_set_is_a_sample_size(opening):
    text = _TRIAL.format(opening)
    assert [r["value"] for r in of_kind(text, "sample_size")][-1] == 221
    assert [r["value"] for r in of_kind(text, "arm_size") if r["value"] == 221] == []


@pytest.mark.parametrize(
    "opening",
    [
        "In the per-protocol analysis",
        # a label read as an arm's: two arms' counts in one sentence cannot both be its
        "In the per-protocol cohort",
    ],
)
def test_two_arms_counts_do_not_take_the_size_of_another_label(opening):
    extraction, checks = extract_and_check(_TRIAL.format(opening))
    counts = [r for r in extraction.statistics if r["kind"] == "count"]
    assert [(r["numerator"], r["denominator"]) for r in counts] == [(78, 120), (62, 120)]
    assert [c["verdict"] for c in checks if c["verdict"] == "inconsistent"] == []
    by_check = {c["check"]: c for c in checks if c["check"].endswith("_vs_counts")}
    assert by_check["ratio_vs_counts"]["recomputed_value"] == pytest.approx(1.737327, abs=5e-7)
    assert (
        by_check["ci_vs_counts"]["recomputed_low"],
        by_check["ci_vs_counts"]["recomputed_high"],
    ) == pytest.approx((1.032041112, 2.925862936), abs=5e-8)
    assert by_check["ci_vs_counts"]["method"] == "median-unbiased OR, mid-p exact CI"
    assert by_check["p_vs_counts"]["recomputed_value"] == pytest.approx(0.03682744164, abs=5e-11)


def test_an_arm_sized_under_another_name_still_gives_its_counts_their_denominator():  # guard
    text = (
        "Patients were randomized to UC-MSC (n = 65) or placebo (n = 35). Mortality was 5 (7.7%) "
        "with MSC."
    )
    [count] = of_kind(text, "count")
    assert count["denominator"] == 65


# Figures of the WOMAN trial (Lancet 2017): arms of 10,051 and 10,009 women; among those treated
# within 3 h of birth, 89 and 127 deaths from bleeding, printed as 1.2% and 1.7%.
_SUBGROUP = (
    "We randomly allocated women with postpartum haemorrhage to tranexamic acid (n=10,051) or "
    "placebo (n=10,009). Among women treated within 3 h of birth, bleeding deaths numbered "
    "{x1} [{p1}%] with tranexamic acid and 127 [1.7%] with placebo (RR 0.69, 95% CI 0.52-0.91; "
    "p=0.008)."
)


def test_counts_whose_percentages_are_of_a_subgroup_are_not_held_to_the_arms_sizes():
    _, checks = extract_and_check(_SUBGROUP.format(x1=89, p1="1.2"))
    of_counts = {"ratio_vs_counts", "ci_vs_counts", "p_vs_counts", "denominator_vs_randomized"}
    verdicts = {(c["check"], c["verdict"]) for c in checks if c["check"] in of_counts}
    assert verdicts == {
        ("ratio_vs_counts", "not_checkable"),
        ("ci_vs_counts", "not_checkable"),
        ("p_vs_counts", "not_checkable"),
    }


def test_a_count_whose_percentage_fits_its_arm_is_still_held_to_the_table():  # guard
    # 89/10051 = 0.885%: printed as 0.9%, the tranexamic arm's count is of the whole arm, so the
    # table stands (one arm short of its size is no subgroup)
    _, checks = extract_and_check(_SUBGROUP.format(x1=89, p1="0.9"))
    assert [c["verdict"] for c in checks if c["check"] == "ratio_vs_counts"] == ["inconsistent"]


@pytest.mark.parametrize(
    ("verb", "verdict"),
    [("completed the 12-week assessment", "not_checkable"), ("were randomised", "inconsistent")],
)
def test_arm_sizes_of_those_who_completed_are_no_randomised_total(verb, verdict):
    # 98 + 95 = 193 of 200 randomised completed: sizes of the analysed, not of the arms; said
    # as randomised, they do not add up to 200
    text = (
        "Of the 200 randomised participants, 98 in the exercise group and 95 in the control "
        f"group {verb}."
    )
    _, checks = extract_and_check(text)
    assert [c["verdict"] for c in checks if c["check"] == "total_vs_arm_sizes"] == [verdict]
