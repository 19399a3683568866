"""A between-group difference printed after each arm's baseline and follow-up means ("fell
from 152.3 to 138.4 mmHg in the intervention group and from 151.8 to 146.2 mmHg in the control
group (between-group difference -8.3 mmHg)") is held to the difference of the changes, of the
follow-up means, or an analysis of covariance's between them (follow-up difference minus a slope
of 0 to 2 times the baseline difference; Vickers & Altman, BMJ 2001).

Reference values, R 4.2.2: (138.4 - 152.3) - (146.2 - 151.8) = -8.3; over the rounding
intervals, the widest range is (138.35 - 146.25) - 2 * (152.35 - 151.75) = -9.1 to
(138.45 - 146.15) - 0 * (152.25 - 151.85) = -7.7."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named

_TEXT = (
    "Mean systolic blood pressure decreased from 152.3 ± 12.1 to 138.4 ± 11.6 mmHg in the "
    "intervention group (n = 85) and from 151.8 ± 11.9 to 146.2 ± 12.4 mmHg in the control "
    "group (n = 83) (between-group difference {difference} mmHg, 95% CI -11.9 to -4.7, "
    "P < 0.001)."
)


@pytest.mark.parametrize(
    ("difference", "verdict"),
    [
        ("-8.3", "consistent"),  # the difference of the changes
        ("-8.6", "consistent"),  # an analysis of covariance's, between
        ("8.3", "consistent"),  # the control arm first
        ("-3.3", "inconsistent"),
        ("-9.5", "inconsistent"),
    ],
)
def test_a_difference_is_held_to_the_arms_changes(difference, verdict):
    rows = checks_named(_TEXT.format(difference=difference), "difference_vs_changes")
    assert [(r["reported"], r["verdict"]) for r in rows] == [(difference, verdict)]
    assert abs(rows[0]["recomputed_value"]) == pytest.approx(8.3)


def test_the_range_runs_over_the_slopes_and_the_rounding():
    [row] = checks_named(_TEXT.format(difference="-8.3"), "difference_vs_changes")
    assert (row["recomputed_low"], row["recomputed_high"]) == (
        pytest.approx(-9.1),
        pytest.approx(-7.7),
    )


def test_without_both_arms_baselines_there_is_no_such_check():  # guard
    text = (
        "Mean systolic blood pressure was 138.4 ± 11.6 mmHg in the intervention group (n = 85) "
        "and 146.2 ± 12.4 mmHg in the control group (n = 83) (between-group difference -7.8 "
        "mmHg, 95% CI -11.4 to -4.2, P < 0.001)."
    )
    assert checks_named(text, "difference_vs_changes") == []
