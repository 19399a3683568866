"""A crossover trial gives every patient each treatment in turn, so its two arms are the same
people: a t, p or CI from the arms' summaries or counts as if they were different people (what
the checks recompute) is not what a paired analysis gives (Senn, Cross-over Trials in Clinical
Research, 2002), and each arm's size is the whole sample. Such rows are not checkable there,
and stay what they are in a parallel trial."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_TRIAL = (
    "In this randomized {design}, {total} adults received drug Z (n = 24) and placebo (n = 24) "
    "for 4 weeks each. Mean systolic blood pressure was 128.4 (SD 10.2) mmHg on drug Z and "
    "134.9 (SD 11.5) mmHg on placebo (mean difference −6.5 mmHg, 95% CI −9.8 to −3.2; t(23) = "
    "4.08, p < .001)."
)
_AS_IF_DIFFERENT_PEOPLE = {
    "total_vs_arm_sizes",
    "difference_ci_vs_summaries",
    "test_vs_summaries",
    "p_vs_summaries",
}


def _verdicts(design, total):
    extraction, checks = extract_and_check(_TRIAL.format(design=design, total=total))
    return extraction, {c["check"]: c for c in checks}


def test_a_crossover_trials_arms_are_not_taken_for_different_people():
    extraction, found = _verdicts("double-blind crossover trial", 24)
    assert all("crossover" in r["flags"].split(";") for r in extraction.statistics)
    for check in _AS_IF_DIFFERENT_PEOPLE:
        assert found[check]["verdict"] == "not_checkable", check
        assert "crossover" in found[check]["note"]
    # the difference of the means is what it is either way: -6.6 to -6.4 over their rounding
    assert found["difference_vs_summaries"]["verdict"] == "consistent"


def test_the_same_numbers_in_a_parallel_trial_are_inconsistent():  # guard
    # Welch's t of the summaries is 6.5 / sqrt(10.2^2/24 + 11.5^2/24) = 2.07, not 4.08
    _, found = _verdicts("parallel-group trial", 48)
    for check in _AS_IF_DIFFERENT_PEOPLE - {"total_vs_arm_sizes"}:
        assert found[check]["verdict"] == "inconsistent", check
    assert found["total_vs_arm_sizes"]["verdict"] == "consistent"


@pytest.mark.parametrize(
    ("text", "crossover"),
    [
        ("Design: Randomised, examiner-blind, two-period crossover trial.", True),
        ("We did a randomised, three-way, double-blind crossover study.", True),
        ("Crossover to the active drug was permitted at progression.", False),
    ],
)
def test_a_crossover_design_is_told_from_crossing_over_after_progression(text, crossover):
    extraction, _ = extract_and_check(text + " Response: 12 (30.0%) vs 8 (20.0%).")
    assert {"crossover" in r["flags"].split(";") for r in extraction.statistics} == {crossover}


_THREAD = (
    "Re: drug Z for hypertension - two trials\n\n"
    "Trial 1 (NCT01234567): In this randomized, double-blind crossover trial, 24 adults "
    "received drug Z (n = 24) and placebo (n = 24) for 4 weeks each. Mean systolic blood "
    "pressure was 128.4 (SD 10.2) mmHg on drug Z and 134.9 (SD 11.5) mmHg on placebo (mean "
    "difference −6.5 mmHg, 95% CI −9.8 to −3.2; t(23) = 4.08, p < .001).\n\n"
    "Trial 2 (NCT07654321): In this parallel-group trial, 48 adults were randomized to drug Z "
    "(n = 24) or placebo (n = 24) for 8 weeks. Mean systolic blood pressure was 128.4 (SD 10.2) "
    "mmHg with drug Z and 134.9 (SD 11.5) mmHg with placebo (mean difference −6.5 mmHg, 95% CI "
    "−9.8 to −3.2; t(46) = 4.08, p < .001)."
)


def test_only_the_study_that_says_it_is_a_crossover_trial_is_one():
    # the parallel trial's t of the summaries is 2.07 (Welch), not 4.08: inconsistent there
    extraction, checks = extract_and_check(_THREAD)
    flagged = {r["study_id"]: "crossover" in r["flags"].split(";") for r in extraction.statistics}
    assert flagged == {"S1": True, "S2": False}
    second = _THREAD.index("Trial 2")
    verdicts = {
        (c["check"], c["span_start"] > second): c["verdict"]
        for c in checks
        if c["check"] in _AS_IF_DIFFERENT_PEOPLE - {"total_vs_arm_sizes"}
    }
    for check in _AS_IF_DIFFERENT_PEOPLE - {"total_vs_arm_sizes"}:
        assert verdicts[check, False] == "not_checkable", check
        assert verdicts[check, True] == "inconsistent", check
