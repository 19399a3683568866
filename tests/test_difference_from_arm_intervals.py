"""A difference of two arms' means printed each with its own CI: the difference against the
means, and its CI against the arms' CIs (the SE of a difference of two independent estimates is
the root sum of their squared SEs; Altman & Bland, BMJ 2003;326:219).

Reference values from R 4 (base R only):
    h1 <- qt(0.975, 11) * 3.0 / sqrt(12); h2 <- qt(0.975, 11) * 3.2 / sqrt(12)
    10 - h1; 10 + h1                      # 8.093891 11.906109  (printed 8.1 to 11.9)
    7 - h2; 7 + h2                        # 4.966817  9.033183  (printed 5.0 to 9.0)
    sp <- sqrt((11 * 3^2 + 11 * 3.2^2) / 22); hp <- qt(0.975, 22) * sp * sqrt(2 / 12)
    3 - hp; 3 + hp                        # 0.374004  5.625996  (pooled t: printed 0.4 to 5.6)
    3 - sqrt(h1^2 + h2^2); 3 + sqrt(h1^2 + h2^2)   # 0.213051 5.786949 (normal quantiles)
    sqrt(1.2^2 + 1.2^2)                   # 1.697056  (JAMA example: -3.8 +/- 1.70)
"""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named

JAMA = (
    "Mean weight change at 12 months was −5.9 kg (95% CI, −7.1 to −4.7) in the intervention "
    "group vs −2.1 kg (95% CI, −3.3 to −0.9) in the control group (difference, −3.8 kg [95% CI, "
    "−5.5 to −2.1]; P < .001)."
)
SMALL_ARMS = (
    "At 8 weeks, the mean score was 10.0 (95% CI, 8.1 to 11.9) in the yoga group (n = 12) and "
    "7.0 (95% CI, 5.0 to 9.0) in the control group (n = 12); the mean difference was 3.0 points "
    "(95% CI, 0.4 to 5.6)."
)


def _one(text: str, check: str) -> dict:
    (row,) = checks_named(text, check)
    return row


def test_a_difference_and_its_ci_agree_with_the_arms_cis():
    row = _one(JAMA, "difference_ci_vs_arm_cis")
    assert row["verdict"] == "consistent"
    assert row["method"].startswith("normal")
    # R: -3.8 -/+ 1.697056 lies inside the range over the printed limits' rounding
    assert row["recomputed_low"] <= -3.8 - 1.697056 and row["recomputed_high"] >= -3.8 + 1.697056
    assert _one(JAMA, "difference_vs_summaries")["verdict"] == "consistent"
    assert JAMA[row["span_start"] : row["span_end"]].startswith("difference, −3.8 kg")


def test_small_arms_need_their_sizes_for_t_quantiles():
    row = _one(SMALL_ARMS, "difference_ci_vs_arm_cis")
    assert (row["verdict"], row["method"]) == (
        "consistent",
        "Student's t: arms n - 1 df, difference pooled df",
    )
    # R's pooled limits 0.374004 and 5.625996 lie within the ranges the check gives
    assert row["recomputed_low"] <= 0.374004 and row["recomputed_high"] >= 5.625996
    # without the sizes, only normal quantiles: R's 0.213 to 5.787 is wider than 0.4 to 5.6
    unsized = SMALL_ARMS.replace(" (n = 12)", "")
    row = _one(unsized, "difference_ci_vs_arm_cis")
    assert row["verdict"] == "not_checkable"
    assert "narrower" in row["note"]


@pytest.mark.parametrize(
    ("text", "verdict", "note"),
    [
        # wider than any method gives, with the sizes printed
        (SMALL_ARMS.replace("0.4 to 5.6", "-0.5 to 6.5"), "inconsistent", ""),
        # ... and without them: small arms' t quantiles could widen it
        (JAMA.replace("−5.5 to −2.1", "−6.4 to −1.2"), "not_checkable", "sizes are not printed"),
        # a crossover trial: the same patients in both arms, no independent estimates
        (
            "In this randomised, two-period crossover trial, "
            + SMALL_ARMS.replace("0.4 to 5.6", "-0.5 to 6.5").replace("At 8", "at 8"),
            "not_checkable",
            "crossover",
        ),
        # an arm's interval not centred on its mean
        (SMALL_ARMS.replace("11.9", "12.4"), "not_checkable", "not symmetric"),
        # a model's adjusted difference after raw means, wider
        (
            SMALL_ARMS.replace("0.4 to 5.6", "-0.5 to 6.5").replace(
                "the mean difference", "the adjusted mean difference"
            ),
            "not_checkable",
            "adjusted difference",
        ),
    ],
)
def test_what_the_arms_cis_cannot_give(text, verdict, note):
    row = _one(text, "difference_ci_vs_arm_cis")
    assert row["verdict"] == verdict
    assert note in row["note"]


def test_a_difference_the_means_cannot_give_is_inconsistent():
    text = JAMA.replace(
        "difference, −3.8 kg [95% CI, −5.5 to −2.1]", "difference, −4.8 kg [95% CI, −6.5 to −3.1]"
    )
    assert _one(text, "difference_vs_summaries")["verdict"] == "inconsistent"
