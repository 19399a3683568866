"""A credible interval is a Bayesian posterior's, so frequentist intervals recomputed from the
counts or events cannot refute it: not reproduced, it is not checkable; reproduced, it is
consistent. A confidence interval with the same limits stays inconsistent."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def interval_checks(text):
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    return [(c["check"], c["reported"], c["verdict"]) for c in checks if "ci_vs" in c["check"]]


# 12/100 against 20/100. R 4, epitools 0.5-10.1 with matrix(c(80,20,88,12),2,byrow=TRUE):
# riskratio.wald 0.6 (0.3101659 to 1.160669); oddsratio.wald 0.5454545 (0.2507688 to 1.186434)
COUNTS = "Mortality was 12/100 (12%) in the drug group and 20/100 (20%) in the placebo group ({})."


@pytest.mark.parametrize(
    ("effect", "expected"),
    [
        # not reproduced by any method: a confidence interval is refuted, a credible one is not
        ("risk ratio 0.60, 95% CI 0.20 to 0.95", "inconsistent"),
        ("risk ratio 0.60, 95% CrI 0.20 to 0.95", "not_checkable"),
        ("odds ratio 0.55; 95% credible interval, 0.25 to 1.18", "not_checkable"),
        ("odds ratio 0.55; 95% CI, 0.25 to 1.18", "inconsistent"),
        # reproduced (Katz; Woolf): consistent whatever it is called
        ("risk ratio 0.60, 95% CrI 0.31 to 1.16", "consistent"),
        ("odds ratio 0.55; 95% credible interval, 0.25 to 1.19", "consistent"),
    ],
)
def test_a_credible_interval_of_a_ratio_is_not_refuted_by_the_counts(effect, expected):
    (check,) = interval_checks(COUNTS.format(effect))
    assert check[0] == "ci_vs_counts"
    assert check[2] == expected


# 35 events in 1,200 person-years against 60 in 1,180; Wald on the log scale 0.3781 to 0.8703
# (R: exp(log(35/1200/(60/1180)) + c(-1, 1) * qnorm(0.975) * sqrt(1/35 + 1/60)))
EVENTS = (
    "There were 35 events in 1,200 person-years in the drug group and 60 in 1,180 person-years "
    "in the placebo group (rate ratio 0.57, 95% {} 0.45 to 0.70)."
)


@pytest.mark.parametrize(
    ("interval", "expected"), [("CI", "inconsistent"), ("CrI", "not_checkable")]
)
def test_a_credible_interval_of_a_rate_ratio_is_not_refuted_by_the_events(interval, expected):
    assert interval_checks(EVENTS.format(interval)) == [("ci_vs_events", "0.45 to 0.70", expected)]
