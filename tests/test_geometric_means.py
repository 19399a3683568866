"""A vaccine trial's geometric mean titres (or concentrations) and their ratio between arms:
the ratio is read as a ratio (measure GMR), the titres as geometric means, and the ratio is
held to the two titres it divides, never to counts or to an arithmetic test."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, extract_and_check, of_kind, one, stats

_VACCINE = (
    "Participants (n = 2,400) were randomised 2:1 to vaccine (n = 1,600) or placebo (n = 800). "
    "At day 35, the geometric mean titre (GMT) was 1,245 (95% CI 1,150 to 1,348) in the vaccine "
    "group and 12.1 (11.0 to 13.3) in the placebo group; the GMT ratio was {ratio} (95% CI 91.4 "
    "to 115.8). Mean (SD) age was 34.2 (8.1) vs 35.0 (7.9) years."
)
_DOSES = (
    "Participants were randomised to the high-dose vaccine (n = 150) or the standard-dose "
    "vaccine (n = 150). At day 28, the geometric mean titre was 412 (95% CI 365 to 465) with "
    "the high-dose vaccine and 205 (181 to 232) with the standard-dose vaccine (P < 0.001); the "
    "geometric mean ratio was {ratio} (95% CI 1.68 to 2.40)."
)


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("the GMT ratio was 102.9 (95% CI 91.4 to 115.8).", "102.9", "91.4", "115.8"),
        ("the geometric mean ratio was 2.01 (95% CI 1.68 to 2.40).", "2.01", "1.68", "2.40"),
        ("Titres were higher (GMTR 4.0, 95% CI 3.1-5.2).", "4.0", "3.1", "5.2"),
        ("IgG rose (GMC ratio 2.38, 95% CI 2.06-2.74).", "2.38", "2.06", "2.74"),
        ("IgG rose (GMR 2.38, 95% CI 2.06-2.74).", "2.38", "2.06", "2.74"),
        (
            "The geometric mean titer ratio was 1.52 (95% CI 1.30 to 1.78).",
            "1.52",
            "1.30",
            "1.78",
        ),
    ],
)
def test_a_geometric_mean_ratio_is_a_ratio_not_a_mean(text, value, low, high):
    row = one(text, "ratio")
    assert (row["measure"], row["value_text"], row["ci_low_text"], row["ci_high_text"]) == (
        "GMR",
        value,
        low,
        high,
    )
    assert not of_kind(text, "mean") and not of_kind(text, "median")


def test_titres_are_geometric_means_and_an_arithmetic_mean_after_them_is_not():
    rows = stats(_VACCINE.format(ratio="102.9"))
    means = [(r["value_text"], r["measure"]) for r in rows if r["kind"] == "mean"]
    assert means == [
        ("1,245", "geometric mean"),
        ("12.1", "geometric mean"),
        ("34.2", "mean"),
        ("35.0", "mean"),
    ]


def test_concentrations_in_binding_antibody_units_are_read():
    text = (
        "Anti-spike IgG geometric mean concentrations at day 35 were 1,520 BAU/mL (95% CI "
        "1,390-1,662) in the booster group (n=98) and 640 BAU/mL (95% CI 571-717) in the "
        "control group (n=97); GMC ratio 2.38 (95% CI 2.06-2.74)."
    )
    means = [(r["value_text"], r["unit"], r["arm"], r["measure"]) for r in of_kind(text, "mean")]
    assert means == [
        ("1,520", "BAU/mL", "booster", "geometric mean"),
        ("640", "BAU/mL", "control", "geometric mean"),
    ]
    # R: 1520/640 = 2.375
    row = checks_named(text, "ratio_vs_geometric_means")
    assert [(r["verdict"], r["reported"]) for r in row] == [("consistent", "2.38")]


# R 4.2.2: 1245/12.1 = 102.8926; 412/205 = 2.009756; the rounding intervals' extremes
# 411.5/205.5 = 2.002433 and 412.5/204.5 = 2.017115.
@pytest.mark.parametrize(
    ("template", "ratio", "verdict"),
    [
        (_VACCINE, "102.9", "consistent"),
        (_VACCINE, "112.9", "inconsistent"),
        (_DOSES, "2.01", "consistent"),
        (_DOSES, "2.03", "inconsistent"),
        (_DOSES, "0.50", "consistent"),  # the other arm on top: 205/412 = 0.4975728
    ],
)
def test_the_ratio_is_held_to_the_two_geometric_means(template, ratio, verdict):
    rows = checks_named(template.format(ratio=ratio), "ratio_vs_geometric_means")
    assert [(r["reported"], r["verdict"]) for r in rows] == [(ratio, verdict)]


def test_geometric_means_get_no_arithmetic_test():
    _, rows = extract_and_check(_DOSES.format(ratio="2.01"))
    checks = {r["check"] for r in rows}
    arithmetic = {"p_vs_summaries", "difference_ci_vs_arm_cis", "test_vs_summaries"}
    assert "ratio_vs_geometric_means" in checks and not checks & arithmetic


def test_an_adjusted_ratio_that_differs_is_not_checkable():
    text = _DOSES.format(ratio="2.31").replace("the geometric mean", "the adjusted geometric mean")
    rows = checks_named(text, "ratio_vs_geometric_means")
    assert [r["verdict"] for r in rows] == ["not_checkable"]


def test_a_ratio_of_titres_after_counts_is_not_their_estimate():
    text = (
        "Participants were randomised to vaccine (n = 150) or placebo (n = 150). "
        "Seroconversion occurred in 140 of 150 (93.3%) vs 20 of 150 (13.3%) participants "
        "(GMR 20.1, 95% CI 16.8-24.0; P = 0.03)."
    )
    _, rows = extract_and_check(text)
    of_counts = [r for r in rows if r["check"] in {"p_vs_counts", "ratio_vs_counts"}]
    assert of_counts and all(r["verdict"] == "not_checkable" for r in of_counts)


def test_arms_named_by_hyphenated_words_after_the_values():
    text = (
        "Patients were randomised to the high-dose vaccine (n = 150) or the standard-dose "
        "vaccine (n = 150). The mean pain score was 3.1 (SD 1.2) with the high-dose vaccine "
        "and 4.0 (SD 1.4) with the standard-dose vaccine (P < 0.001)."
    )
    assert [r["arm"] for r in of_kind(text, "mean")] == [
        "high-dose vaccine",
        "standard-dose vaccine",
    ]
