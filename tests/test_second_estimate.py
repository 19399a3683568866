"""Two estimates of one pair of counts ("risk ratio 0.82, 0.69 to 0.97; absolute risk
difference -3.8 percentage points, -6.9 to -0.7"), events over person-time named by a long
noun phrase, and a structured abstract's "Interventions" heading before an arm. Reference
values computed in R 4.x with metafor 3.8.1 and stats::poisson.test, beside each case."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_COUNTS = (
    "Interventions Vitamin D3 2000 IU daily (n=1198) or placebo (n=1202) for 12 months.\n"
    "Results At least one infection was reported by 201 (16.8%) participants in the vitamin D "
    "group and 247 (20.5%) in the placebo group ({estimates})."
)


def _of(checks, name, source_start):
    return [c for c in checks if c["check"] == name and c["source_text"].startswith(source_start)]


def test_a_risk_difference_after_the_risk_ratio_is_held_to_the_same_counts():
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97; absolute risk difference −3.8 percentage "
        "points, −6.9 to −0.7"
    )
    _, checks = extract_and_check(text)
    [ratio] = _of(checks, "ratio_vs_counts", "risk ratio")
    [difference] = _of(checks, "difference_vs_counts", "absolute risk difference")
    [interval] = _of(checks, "ci_vs_counts", "absolute risk difference")
    assert ratio["verdict"] == difference["verdict"] == interval["verdict"] == "consistent"
    # metafor::escalc("RD", ai=201, n1i=1198, ci=247, n2i=1202): yi -0.037711215864, Wald
    # limits yi -/+ qnorm(.975) sqrt(vi) = -0.068848100358, -0.006574331371
    assert difference["recomputed_value"] == pytest.approx(-3.7711215864, abs=1e-8)
    assert interval["recomputed_low"] == pytest.approx(-6.8848100358, abs=1e-8)
    assert interval["recomputed_high"] == pytest.approx(-0.6574331371, abs=1e-8)


def test_a_risk_difference_after_the_risk_ratio_and_its_p_is_held_to_the_counts():
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97; p=0.02; absolute risk difference −3.8 "
        "percentage points, −6.9 to −0.7"
    )
    _, checks = extract_and_check(text)
    [difference] = _of(checks, "difference_vs_counts", "absolute risk difference")
    [interval] = _of(checks, "ci_vs_counts", "absolute risk difference")
    assert difference["verdict"] == interval["verdict"] == "consistent"
    # metafor::escalc("RD", ...) as above
    assert difference["recomputed_value"] == pytest.approx(-3.7711215864, abs=1e-8)
    assert interval["recomputed_low"] == pytest.approx(-6.8848100358, abs=1e-8)
    # the p between is the risk ratio's, of the same counts: fisher.test(matrix(c(201, 997,
    # 247, 955), 2, byrow = TRUE))$p.value 0.01842449672, chisq.test(..., correct = FALSE)
    # 0.0177540984; both print as 0.02
    [p_value] = _of(checks, "p_vs_counts", "p=0.02")
    assert p_value["verdict"] == "consistent"


def test_an_estimate_after_a_p_and_more_words_is_no_second_estimate():  # guard
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97; p=0.02; in the per-protocol population, "
        "absolute risk difference −3.8 percentage points, −6.9 to −0.7"
    )
    _, checks = extract_and_check(text)
    assert not _of(checks, "difference_vs_counts", "absolute risk difference")


def test_a_wrong_risk_difference_after_the_risk_ratio_is_inconsistent():
    # 201/1198 - 247/1202 is -3.77 points (above): -5.8 is no rounding of it
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97; risk difference −5.8%, −8.9 to −2.7"
    )
    _, checks = extract_and_check(text)
    [difference] = _of(checks, "difference_vs_counts", "risk difference")
    assert difference["verdict"] == "inconsistent"
    [ratio] = _of(checks, "ratio_vs_counts", "risk ratio")
    assert ratio["verdict"] == "consistent"


def test_an_odds_ratio_before_the_risk_difference_is_held_to_the_counts_too():
    # metafor::escalc("OR", ai=201, n1i=1198, ci=247, n2i=1202): exp(yi) 0.7794842016, Woolf
    # limits 0.6342104911 to 0.9580346416
    text = _COUNTS.format(
        estimates="odds ratio 0.78, 95% CI 0.63 to 0.96; risk difference −3.8%, −6.9 to −0.7"
    )
    _, checks = extract_and_check(text)
    [ratio] = _of(checks, "ratio_vs_counts", "odds ratio")
    assert ratio["verdict"] == "consistent"
    assert ratio["recomputed_value"] == pytest.approx(0.7794842016, abs=1e-9)
    [interval] = _of(checks, "ci_vs_counts", "odds ratio")
    assert interval["verdict"] == "consistent"
    assert [c["verdict"] for c in _of(checks, "difference_vs_counts", "risk difference")] == [
        "consistent"
    ]


def test_an_estimate_of_another_outcome_later_in_the_sentence_is_not_held_to_the_counts():
    # guard: the odds ratio of admissions is words away from the risk ratio of the counts
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97), and fewer were admitted to hospital (odds "
        "ratio 0.40, 0.20 to 0.80"
    )
    _, checks = extract_and_check(text)
    assert _of(checks, "ratio_vs_counts", "odds ratio") == []
    assert [c["verdict"] for c in _of(checks, "ratio_vs_counts", "risk ratio")] == ["consistent"]


def test_a_hazard_ratio_after_the_risk_ratio_is_not_held_to_the_counts():
    # guard: a hazard ratio comes from the times to events, which the counts do not give
    text = _COUNTS.format(
        estimates="risk ratio 0.82, 0.69 to 0.97; hazard ratio 0.60, 0.40 to 0.90"
    )
    _, checks = extract_and_check(text)
    assert [c["check"] for c in checks if c["source_text"].startswith("hazard ratio")] == [
        "ratio_vs_ci_midpoint"
    ]


_RATES = (
    "Results 312 acute respiratory infections occurred over 2890 person years in the vitamin D "
    "group and 368 over 2870 person years in the placebo group (incidence rate ratio {irr}, 95% "
    "confidence interval {low} to {high}; P=0.03)."
)


def test_events_named_by_a_long_phrase_over_person_time_are_a_rate():
    extraction, _ = extract_and_check(_RATES.format(irr="0.84", low="0.72", high="0.98"))
    rates = [r for r in extraction.statistics if r["kind"] == "rate"]
    assert [(r["numerator"], r["person_time"]) for r in rates] == [(312, 2890.0), (368, 2870.0)]


@pytest.mark.parametrize(
    ("irr", "low", "high", "verdicts"),
    [
        # poisson.test(c(312, 368), c(2890, 2870)): estimate 0.8419587784, exact conditional
        # interval 0.7217406790 to 0.9817114709; metafor::escalc("IRR") Wald limits
        # 0.7240759784 to 0.9790334242
        ("0.84", "0.72", "0.98", ("consistent", "consistent")),
        ("0.74", "0.64", "0.86", ("inconsistent", "inconsistent")),
    ],
)
def test_the_rate_ratio_is_held_to_the_events_over_person_time(irr, low, high, verdicts):
    _, checks = extract_and_check(_RATES.format(irr=irr, low=low, high=high))
    [ratio] = [c for c in checks if c["check"] == "ratio_vs_events"]
    [interval] = [c for c in checks if c["check"] == "ci_vs_events"]
    assert (ratio["verdict"], interval["verdict"]) == verdicts
    assert ratio["recomputed_value"] == pytest.approx(0.8419587784, abs=1e-9)


def test_an_interventions_heading_is_not_part_of_the_arm():
    extraction, _ = extract_and_check(_COUNTS.format(estimates="risk ratio 0.82, 0.69 to 0.97"))
    sizes = [(r["arm"], r["value"]) for r in extraction.statistics if r["kind"] == "arm_size"]
    assert sizes == [("Vitamin D3 2000 IU daily", 1198), ("placebo", 1202)]


@pytest.mark.parametrize("label", ["Intervention group", "the intervention arm"])
def test_an_arm_named_intervention_keeps_its_name(label):  # guard
    extraction, _ = extract_and_check(
        f"Patients were randomized to {label} (n=40) or control (n=41)."
    )
    sizes = [r["arm"] for r in extraction.statistics if r["kind"] == "arm_size"]
    assert sizes[0].lower() == "intervention"


_JAMA = (
    "The primary outcome occurred in 98 of 1021 patients (9.6%) in the intervention group and "
    "142 of 1022 (13.9%) in the usual care group (absolute difference, −4.3% [95% CI, −7.1% to "
    "−1.5%]; {hazard}P = .003)."
)


def test_the_p_of_a_hazard_ratio_after_the_counts_is_not_held_to_them():
    _, checks = extract_and_check(_JAMA.format(hazard="hazard ratio, 0.68 [95% CI, 0.53-0.88]; "))
    [p] = [c for c in checks if c["check"] == "p_vs_counts"]
    assert p["verdict"] == "not_checkable"
    assert "hazard ratio" in p["note"]


def test_the_p_of_the_counts_own_difference_is_held_to_them():  # guard
    # chisq.test(matrix(c(98, 923, 142, 880), 2, byrow = TRUE), correct = FALSE): 0.002567732
    _, checks = extract_and_check(_JAMA.format(hazard=""))
    [p] = [c for c in checks if c["check"] == "p_vs_counts"]
    assert p["verdict"] == "consistent"


def test_people_sized_and_then_randomized_are_the_sample_not_an_arm():
    text = (
        "Adults prescribed antibiotics (N=2,941) were randomized to probiotic (n=1,470) or "
        "placebo (n=1,471). Antibiotic-associated diarrhoea occurred in 159 (10.8%) vs 153 "
        "(10.4%), RR 1.04 (95% CI 0.84 to 1.28), P = 0.71."
    )
    extraction, checks = extract_and_check(text)
    sizes = [(r["kind"], r["value"]) for r in extraction.statistics if r["kind"].endswith("size")]
    assert sizes == [
        ("sample_size", 2941),
        ("arm_size", 1470),
        ("arm_size", 1471),
    ]
    # with two arms, the counts are theirs and the ratio is held to them: epitools
    # riskratio.wald(matrix(c(1318, 153, 1311, 159), 2, byrow = TRUE)) 1.039922636, 95% CI
    # 0.8430593615 to 1.282755566; chisq.test(..., correct = FALSE)$p.value 0.7146436569
    [ratio] = _of(checks, "ratio_vs_counts", "RR 1.04")
    [interval] = _of(checks, "ci_vs_counts", "RR 1.04")
    assert ratio["verdict"] == interval["verdict"] == "consistent"
    assert ratio["recomputed_value"] == pytest.approx(1.039922636, abs=1e-9)
    assert interval["recomputed_low"] == pytest.approx(0.8430593615, abs=1e-9)
    assert interval["recomputed_high"] == pytest.approx(1.282755566, abs=1e-9)


THREE_ARMS = (
    "We randomly assigned 903 patients to high-dose (n=301), low-dose (n=302) or placebo "
    "(n=300). The primary outcome occurred in 45 (15.0%), 60 (19.9%) and 75 (25.0%) patients, "
    "respectively. Compared with placebo, the relative risk was {high} for high-dose and {low} "
    "for low-dose."
)


def test_each_ratio_of_the_next_sentence_is_held_to_the_counts_of_the_arms_it_names():
    text = THREE_ARMS.format(high="0.60 (95% CI 0.43-0.83)", low="0.79 (0.59-1.07)")
    _, checks = extract_and_check(text)
    ratios = [c for c in checks if c["check"] == "ratio_vs_counts"]
    intervals = [c for c in checks if c["check"] == "ci_vs_counts"]
    assert [c["verdict"] for c in ratios + intervals] == ["consistent"] * 4
    # epitools riskratio.wald(matrix(c(225, 75, 256, 45), 2, byrow = TRUE)): 0.5980066445,
    # 0.4285503356 to 0.8344689460; (..., c(225, 75, 242, 60) ...): 0.7947019868,
    # 0.5890058715 to 1.0722325163
    assert [c["recomputed_value"] for c in ratios] == pytest.approx(
        [0.5980066445, 0.7947019868], abs=1e-9
    )
    assert [c["recomputed_high"] for c in intervals] == pytest.approx(
        [0.8344689460, 1.0722325163], abs=1e-9
    )


def test_a_ratio_printed_for_the_wrong_arm_is_inconsistent():
    # the low dose's 0.79 printed as the high dose's and the other way round
    text = THREE_ARMS.format(high="0.79 (0.59-1.07)", low="0.60 (95% CI 0.43-0.83)")
    _, checks = extract_and_check(text)
    assert {c["verdict"] for c in checks if c["check"] == "ratio_vs_counts"} == {"inconsistent"}


def test_two_whole_numbers_opening_a_bracket_with_a_risk_ratio_are_the_arms_counts():
    text = (
        "We randomly assigned 400 patients to drug A (n=200) or placebo (n=200). Fewer patients "
        "died with drug A (12 vs 20; RR 0.60, 95% CI 0.30-1.19)."
    )
    extraction, checks = extract_and_check(text)
    counts = [(r["value"], r["arm"]) for r in extraction.statistics if r["kind"] == "count"]
    assert counts == [(12, "drug A"), (20, "placebo")]
    # epitools riskratio.wald(matrix(c(180, 20, 188, 12), 2, byrow = TRUE)): 0.6, 95% CI
    # 0.3014526407 to 1.1942174371
    [interval] = _of(checks, "ci_vs_counts", "RR 0.60")
    assert interval["verdict"] == "consistent"
    assert interval["recomputed_low"] == pytest.approx(0.3014526407, abs=1e-9)
    assert interval["recomputed_high"] == pytest.approx(1.1942174371, abs=1e-9)


@pytest.mark.parametrize(
    "bracket",
    [
        "(12 vs 20 days; mean difference -8, -12 to -4)",
        "(12 vs 20; P = 0.04)",
        "(12.5 vs 20.1; OR 0.60, 0.30-1.19)",
    ],
)
def test_numbers_in_a_bracket_with_a_unit_decimals_or_no_ratio_are_no_counts(bracket):  # guard
    text = (
        "We randomly assigned 400 patients to drug A (n=200) or placebo (n=200). Fewer patients "
        f"died with drug A {bracket}."
    )
    extraction, _ = extract_and_check(text)
    assert not [r for r in extraction.statistics if r["kind"] == "count"]


def test_people_receiving_a_treatment_and_then_randomized_are_the_sample_not_an_arm():
    text = (
        "Methods: 240 children receiving antibiotics were randomised to Lactobacillus rhamnosus "
        "GG (n=120) or placebo (n=120). Results: AAD occurred in 9/118 (7.6%) children in the "
        "probiotic group and 27/117 (23.1%) in the placebo group (RR 0.33, 95% CI 0.16-0.67)."
    )
    extraction, checks = extract_and_check(text)
    sizes = [(r["kind"], r["value"]) for r in extraction.statistics if r["kind"].endswith("size")]
    assert sizes == [("sample_size", 240), ("arm_size", 120), ("arm_size", 120)]
    # the probiotic is the one arm that is not placebo: epitools
    # riskratio.wald(matrix(c(90, 27, 109, 9), 2, byrow = TRUE)) 0.3305084746, 95% CI
    # 0.1625363816 to 0.6720701586
    [ratio] = _of(checks, "ratio_vs_counts", "RR 0.33")
    [interval] = _of(checks, "ci_vs_counts", "RR 0.33")
    assert ratio["verdict"] == interval["verdict"] == "consistent"
    assert ratio["recomputed_value"] == pytest.approx(0.3305084746, abs=1e-9)
    assert interval["recomputed_low"] == pytest.approx(0.1625363816, abs=1e-9)
    assert interval["recomputed_high"] == pytest.approx(0.6720701586, abs=1e-9)


def test_an_estimate_of_another_measure_opening_the_next_sentence_is_the_counts_second():
    text = (
        "We randomly assigned 400 patients to drug (n = 200) or placebo (n = 200). The primary "
        "outcome occurred in 25 patients (12.5%) in the drug group and 40 (20.0%) in the placebo "
        "group (odds ratio, 0.57; 95% CI, 0.33 to 0.98; P = 0.04). The risk ratio was {rr} (95% "
        "CI 0.39 to 0.99)."
    )
    # epitools riskratio.wald(matrix(c(160, 40, 175, 25), 2, byrow = TRUE)) 0.625, 95% CI
    # 0.394689 to 0.989702
    _, checks = extract_and_check(text.format(rr="0.63"))
    [ratio] = _of(checks, "ratio_vs_counts", "risk ratio")
    [interval] = _of(checks, "ci_vs_counts", "risk ratio")
    assert ratio["verdict"] == interval["verdict"] == "consistent"
    assert ratio["recomputed_value"] == pytest.approx(0.625, abs=1e-9)
    assert interval["recomputed_low"] == pytest.approx(0.394689, abs=1e-6)
    assert interval["recomputed_high"] == pytest.approx(0.989702, abs=1e-6)
    _, checks = extract_and_check(text.format(rr="0.73"))
    assert _of(checks, "ratio_vs_counts", "risk ratio")[0]["verdict"] == "inconsistent"
    # guard: an estimate of another outcome is not the counts'
    _, checks = extract_and_check(
        text.format(rr="0.63").replace("risk ratio was", "risk ratio for death was")
    )
    assert _of(checks, "ratio_vs_counts", "risk ratio") == []
