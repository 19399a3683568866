"""A difference printed with both its SE and its CI: the interval is read whether it comes
before or after the SE ("-8.3 (SE 1.42; 95% CI -11.1 to -5.5)"), a registry analysis's
"Parameter Dispersion Type: Standard Error of the Mean / Value" is that analysis's SE, and
the interval is held to the SE (ci_vs_se: a Wald CI is estimate +/- z SE; Altman & Bland, BMJ
2011;343:d2090).

Reference values, R 4.x:
qnorm(0.975) = 1.95996398454005; qt(0.975, 10) = 2.22813885198627;
-8.3 + c(-1, 1) * qnorm(0.975) * se for se = 1.42: -11.08314885804688 -5.51685114195312;
1.62: -11.47514165495489 -5.12485834504511; 1.02: -10.29916326423086 -6.30083673576915;
1.30: -10.84795317990207 -5.75204682009793.
Half-widths in SEs over the rounding of "-11.1 to -5.5" and the SE, c(2.75, 2.85) / SE's upper
and lower limits: 1.42: 1.92982456140351 to 2.01413427561837 (holds 1.960); 1.62:
1.69230769230769 to 1.76470588235294 (below it); 1.02: 2.68292682926829 to 2.80788177339902
(above 2.228); 1.30: 2.10727969348659 to 2.20077220077220 (between)."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind, one, one_check

_PROSE = "The mean difference in systolic pressure was -8.3 mm Hg ({inside}; P < 0.001)."
_RECORD = """Primary Outcome Measure:
Title: Change From Baseline in Systolic Blood Pressure at Week 12
Arm/Group Title | Placebo | Drug 300 mg
Overall Number of Participants Analyzed 180 182
Statistical Analysis 1
Comparison Group Selection: Placebo, Drug 300 mg
Method: ANCOVA
P-Value: <0.001
Estimation Parameter: Least Squares Mean Difference
Estimated Value: -8.3
Confidence Interval: (2-Sided) 95% -11.1 to -5.5
Parameter Dispersion Type: {dispersion}
Value: {value}
"""
_R_LIMITS = {
    "1.42": (-11.08314885804688, -5.51685114195312),
    "1.62": (-11.47514165495489, -5.12485834504511),
    "1.02": (-10.29916326423086, -6.30083673576915),
    "1.30": (-10.84795317990207, -5.75204682009793),
}


@pytest.mark.parametrize(
    "inside", ["SE 1.42; 95% CI -11.1 to -5.5", "95% CI -11.1 to -5.5; SE 1.42"]
)
def test_the_se_and_the_interval_of_a_difference_are_both_read(inside):
    text = _PROSE.format(inside=inside)
    row = one(text, "difference")
    assert (row["ci_low"], row["ci_high"]) == (-11.1, -5.5)
    assert (row["spread_kind"], row["spread_low"]) == ("se", 1.42)
    assert row["source_text"].endswith(inside)


def test_a_registry_analysis_keeps_its_standard_error():
    text = _RECORD.format(dispersion="Standard Error of the Mean", value="1.42")
    row = one(text, "difference")
    assert (row["spread_kind"], row["spread_low"]) == ("se", 1.42)
    assert row["source_text"].endswith("Value: 1.42")
    # the SE's value is not a mean of some outcome called "Value"
    assert all(m["value"] != 1.42 for m in of_kind(text, "mean"))


def test_a_registry_standard_deviation_is_not_an_se():
    text = _RECORD.format(dispersion="Standard Deviation", value="19.2")
    row = one(text, "difference")
    assert row["spread_kind"] != "se"
    assert checks_named(text, "ci_vs_se") == []
    assert of_kind(text, "mean") == []


def test_a_registry_ratios_spread_is_not_read():
    text = (
        _RECORD.format(dispersion="Standard Error of the Mean", value="0.12")
        .replace("Least Squares Mean Difference", "Hazard Ratio (HR)")
        .replace("-8.3", "0.68")
        .replace("-11.1 to -5.5", "0.52 to 0.89")
    )
    row = one(text, "ratio")
    assert row["spread_kind"] != "se"
    assert row["source_text"].endswith("Value: 0.12")
    assert of_kind(text, "mean") == []


@pytest.mark.parametrize(
    ("se", "verdict"),
    [
        ("1.42", "consistent"),
        ("1.62", "inconsistent"),
        ("1.02", "inconsistent"),
        ("1.30", "not_checkable"),
    ],
)
@pytest.mark.parametrize("layout", ["prose", "record"])
def test_an_interval_held_to_the_se(se, verdict, layout):
    text = (
        _PROSE.format(inside=f"SE {se}; 95% CI -11.1 to -5.5")
        if layout == "prose"
        else _RECORD.format(dispersion="Standard Error of the Mean", value=se)
    )
    row = one_check(text, "ci_vs_se")
    assert row["verdict"] == verdict, row["note"]
    assert row["reported"] == "-11.1 to -5.5"
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(_R_LIMITS[se])


def test_a_median_difference_need_not_be_symmetric():
    text = "The median difference was -8.3 days (SE 1.62; 95% CI -11.1 to -5.5)."
    assert checks_named(text, "ci_vs_se") == []


@pytest.mark.parametrize(
    ("se", "verdict", "r_limits"),
    [
        # R: -1.52 + c(-1, 1) * qnorm(0.975) * se
        ("0.61", "consistent", (-2.715578030569433, -0.324421969430567)),
        ("0.41", "inconsistent", (-2.323585233661422, -0.716414766338578)),
    ],
)
def test_the_interval_of_a_regression_coefficient(se, verdict, r_limits):
    text = (
        "In the adjusted model, each additional session was associated with lower scores "
        f"(b = -1.52, SE = {se}, 95% CI -2.72 to -0.32, p = .014)."
    )
    coefficient = one(text, "effect_size")
    assert (coefficient["ci_low"], coefficient["ci_high"]) == (-2.72, -0.32)
    row = one_check(text, "ci_vs_se")
    assert row["verdict"] == verdict
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx(r_limits)
