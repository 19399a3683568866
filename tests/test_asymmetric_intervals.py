"""Intervals the counts reproduce by a method not symmetric about the estimate: the
Miettinen-Nurminen score interval of a risk difference (rd_score_reference.R), Fisher's exact
interval of an odds ratio (twobytwo_reference.R), and what the midpoint checks make of them."""

from __future__ import annotations

import pytest
from reference import rows

from trialaudit import reanalysis
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

RD_SCORE = {
    tuple(int(r[k]) for k in ("a", "n1", "c", "n2")): r for r in rows("rd_score_reference.csv")
}
TWO_BY_TWO = {
    tuple(int(r[k]) for k in ("a", "n1", "c", "n2")): r for r in rows("twobytwo_reference.csv")
}
# 56/70 vs 48/80 (Newcombe, Stat Med 1998;17:873, example (a)); R: -> 0.0528 to 0.3382
CURE = (
    "Cure occurred in 56 of 70 patients (80.0%) in the ceftazidime group and 48 of 80 (60.0%) "
    "in the meropenem group (difference, {} percentage points; 95% CI, {} to {})."
)
# 23/49 vs 10/29; R's fisher.test: estimate 1.6696, CI 0.5924 to 4.9068
DEATH = (
    "Death occurred in 23 of 49 patients (46.9%) in the MSC group and 10 of 29 (34.5%) in the "
    "placebo group (odds ratio, {}; 95% CI, {} to {})."
)


def _checks(text: str) -> dict[str, dict]:
    ex = extract_document("t", text)
    return {c["check"]: c for c in check_document(ex.statistics, ex.comparisons, Settings(), False)}


def _pp(value: float) -> str:
    return f"{100 * value:.1f}"


def test_a_miettinen_nurminen_interval_of_a_difference_is_reproduced():
    row = RD_SCORE[(56, 70, 48, 80)]
    found = _checks(CURE.format("20.0", _pp(row["mn_rd_low"]), _pp(row["mn_rd_high"])))
    assert found["ci_vs_counts"]["verdict"] == "consistent"
    assert found["ci_vs_counts"]["method"].startswith("risk difference, Miettinen-Nurminen")
    # its midpoint (19.55) is not the estimate, and says nothing against it
    midpoint = found["difference_vs_ci_midpoint"]
    assert midpoint["verdict"] == "not_checkable"
    assert "Miettinen-Nurminen" in midpoint["note"]


def test_a_90_percent_miettinen_nurminen_interval_is_reproduced():
    row = RD_SCORE[(56, 70, 48, 80)]
    text = CURE.format("20.0", _pp(row["mn_rd90_low"]), _pp(row["mn_rd90_high"]))
    found = _checks(text.replace("95% CI", "90% CI"))
    assert found["ci_vs_counts"]["verdict"] == "consistent"
    assert "Miettinen-Nurminen" in found["ci_vs_counts"]["method"]


def test_a_slipped_limit_of_a_score_interval_is_still_inconsistent():
    row = RD_SCORE[(56, 70, 48, 80)]
    found = _checks(CURE.format("20.0", _pp(row["mn_rd_low"]), "38.3"))
    assert found["ci_vs_counts"]["verdict"] == "inconsistent"


def test_fishers_interval_of_an_odds_ratio_leaves_its_geometric_mean_unjudged():
    row = TWO_BY_TWO[(23, 49, 10, 29)]
    limits = (f"{row['fisher_test_low']:.2f}", f"{row['fisher_test_high']:.2f}")
    found = _checks(DEATH.format(f"{row['fisher_test_estimate']:.2f}", *limits))
    assert found["ci_vs_counts"]["verdict"] == "consistent"
    assert found["ci_vs_counts"]["method"] == "conditional MLE OR, Fisher CI"
    assert found["ratio_vs_counts"]["verdict"] == "consistent"
    assert found["ratio_vs_ci_midpoint"]["verdict"] == "not_checkable"
    assert "Fisher" in found["ratio_vs_ci_midpoint"]["note"]


def test_an_estimate_off_its_wald_interval_keeps_its_midpoint_verdict():
    row = TWO_BY_TWO[(23, 49, 10, 29)]
    limits = (f"{row['escalc_or_low']:.2f}", f"{row['escalc_or_high']:.2f}")
    found = _checks(DEATH.format("2.10", *limits))
    assert found["ci_vs_counts"]["method"].startswith("sample OR, Woolf (Wald)")
    assert found["ratio_vs_ci_midpoint"]["verdict"] == "inconsistent"


def test_the_reanalysis_table_carries_the_miettinen_nurminen_difference():
    row = RD_SCORE[(56, 70, 48, 80)]
    ex = extract_document("t", CURE.format("20.0", "5.3", "33.8"))
    by_id = {int(s["stat_id"]): s for s in ex.statistics}
    (cmp,) = ex.comparisons
    found = reanalysis.reanalyse_comparison(cmp, by_id, {}, Settings())
    assert found["rd_mn"] == pytest.approx(0.2, abs=1e-12)
    assert found["rd_mn_low"] == pytest.approx(row["mn_rd_low"], abs=1e-10)
    assert found["rd_mn_high"] == pytest.approx(row["mn_rd_high"], abs=1e-10)
