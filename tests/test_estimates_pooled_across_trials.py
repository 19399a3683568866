"""An estimate that pools several trials is not held to the trials' summed counts, whose crude
2x2 table does not reproduce a meta-analysis (each trial is its own stratum).

R 4.x, metafor 3.8.1: escalc("RR", ai = 62, n1i = 330, ci = 89, n2i = 312) gives the crude risk
ratio 0.6586313 (0.4953494 to 0.8757357): a printed pooled interval of 0.49 to 0.89 is not it,
and need not be. escalc("RR", ai = 12, n1i = 60, ci = 21, n2i = 58): 0.5523810 (0.2999666 to
1.0171956), one trial's subgroup."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_CRUDE_ONLY = "the crude estimate of their summed counts"


@pytest.mark.parametrize(
    "text",
    [
        "Compared with control, MSC therapy reduced 28-day mortality (risk ratio 0.66, 95% CI 0.49 "
        "to 0.89; I2 = 12%; P = 0.006), with 62 deaths among 330 MSC recipients and 89 among 312 "
        "controls.",
        "Across nine trials, 62 of 330 MSC recipients and 89 of 312 controls died (pooled risk "
        "ratio 0.66, 95% CI 0.49 to 0.89; P = 0.006).",
        "In a random-effects meta-analysis of nine trials, mortality was 62 of 330 (18.8%) with "
        "MSC and 89 of 312 (28.5%) with control (risk ratio 0.66, 95% CI 0.49 to 0.89; P = 0.006).",
        # a meta-analysis's heterogeneity, with no other word of pooling
        "Across nine trials, MSC therapy reduced 28-day mortality (risk ratio 0.66, 95% CI 0.49 "
        "to 0.89; P = 0.006; no heterogeneity), with 62 deaths among 330 MSC recipients and 89 "
        "among 312 controls.",
    ],
)
def test_a_pooled_estimate_is_not_held_to_the_summed_counts(text):
    _, checks = extract_and_check(text)
    held = {c["check"]: c for c in checks if c["check"].endswith("_vs_counts")}
    assert set(held) == {"ratio_vs_counts", "ci_vs_counts", "p_vs_counts"}
    for check in held.values():
        assert check["verdict"] == "not_checkable"
    assert _CRUDE_ONLY in held["ratio_vs_counts"]["note"]


def test_a_trials_estimate_is_still_held_to_its_counts():  # guard
    text = (
        "Mortality was 62 of 330 (18.8%) with MSC and 89 of 312 (28.5%) with control (risk ratio "
        "0.66, 95% CI 0.49 to 0.89)."
    )
    _, checks = extract_and_check(text)
    [interval] = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert interval["verdict"] == "inconsistent"
    assert (interval["recomputed_low"], interval["recomputed_high"]) == pytest.approx(
        (0.4953494, 0.8757357), abs=5e-7
    )


def test_the_controls_total_of_a_meta_analysis_is_read():
    text = "There were 62 deaths among 330 MSC recipients and 89 among 312 controls."
    extraction, _ = extract_and_check(text)
    counts = [
        (r["numerator"], r["denominator"]) for r in extraction.statistics if r["kind"] == "count"
    ]
    assert counts == [(62, 330), (89, 312)]


def test_the_heterogeneity_of_one_trials_subgroups_pools_no_trials():
    """A trial's test of heterogeneity across its subgroups is an interaction test: the
    subgroup's estimate is still the crude one of its counts."""
    text = (
        "In the prespecified subgroup of patients aged 65 years or older, death occurred in 12 of "
        "60 patients (20.0%) in the MSC group and 21 of 58 (36.2%) in the placebo group (risk "
        "ratio 0.55, 95% CI 0.30 to 1.02; P for heterogeneity = 0.40)."
    )
    _, checks = extract_and_check(text)
    held = {c["check"]: c for c in checks if c["check"].endswith("_vs_counts")}
    assert set(held) == {"ratio_vs_counts", "ci_vs_counts"}  # the P tests another hypothesis
    assert held["ratio_vs_counts"]["recomputed_value"] == pytest.approx(0.5523810, abs=5e-8)
    assert (held["ci_vs_counts"]["recomputed_low"], held["ci_vs_counts"]["recomputed_high"]) == (
        pytest.approx((0.2999666, 1.0171956), abs=5e-8)
    )
    assert {c["verdict"] for c in held.values()} == {"consistent"}
