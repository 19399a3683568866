"""A p-value its own words call stratified, adjusted or corrected for multiplicity
("Cochran-Mantel-Haenszel test stratified by centre, P = 0.02") comes from a model or strata the
text does not print, so a test of the crude counts, percentages or summaries need not give it:
such a p is not checkable there, with the reason. A p of the crude data stays checked.

Reference values (R 4.x): chisq.test(matrix(c(45, 105, 30, 118), 2, byrow = TRUE)) p =
0.07160687 (Yates), correct = FALSE 0.05297862, fisher.test 0.06182075, none near 0.02; the
t-tests of 12.1 (SD 4.0) and 10.0 (SD 4.2), 50 a side: Student p = 0.0119877, Welch
0.01199143, neither 0.04."""

from __future__ import annotations

import pytest
from extraction_helpers import one_check

_COUNTS = (
    "The primary outcome occurred in 45 of 150 patients (30.0%) in the intervention group and "
    "30 of 148 (20.3%) in the usual care group ({lead}P = 0.02)."
)
_PERCENTAGES = (
    "Mortality was 30.0% in the intervention group (n=150) and 20.3% in the control group "
    "(n=148) ({lead}P = 0.02)."
)
_MEANS = (
    "Mean scores were 12.1 (SD 4.0) in the drug group (n=50) and 10.0 (SD 4.2) in the placebo "
    "group (n=50); {lead}P = 0.04."
)
_OF_A_MODEL = [
    "Cochran-Mantel-Haenszel test stratified by centre, ",
    "CMH test, ",
    "stratified log-rank test, ",
    "logistic regression adjusted for age and sex, ",
    "after adjustment for baseline, ",
    "Bonferroni-adjusted ",
]
_OF_THE_CRUDE_DATA = ["", "two-sided ", "Yates-corrected chi-square test, "]


@pytest.mark.parametrize(
    ("template", "check", "of"),
    [
        (_COUNTS, "p_vs_counts", "crude 2x2 table"),
        (_PERCENTAGES, "p_vs_percentages", "percentages' 2x2 tables"),
        (_MEANS, "p_vs_summaries", "summaries"),
    ],
)
@pytest.mark.parametrize("lead", _OF_A_MODEL)
def test_the_p_of_a_stratified_or_adjusted_analysis_is_not_checkable(template, check, of, lead):
    row = one_check(template.format(lead=lead), check)
    assert row["verdict"] == "not_checkable"
    assert row["note"] == f"the p of a stratified or adjusted analysis is not a test of the {of}"


@pytest.mark.parametrize("template", [_COUNTS, _PERCENTAGES, _MEANS])
@pytest.mark.parametrize("lead", _OF_THE_CRUDE_DATA)
def test_the_p_of_the_crude_data_stays_inconsistent(template, lead):  # guard
    check = {_COUNTS: "p_vs_counts", _PERCENTAGES: "p_vs_percentages", _MEANS: "p_vs_summaries"}
    assert one_check(template.format(lead=lead), check[template])["verdict"] == "inconsistent"


def test_a_stratified_randomisation_in_another_sentence_is_not_the_ps():  # guard
    text = "Randomisation was stratified by centre. " + _COUNTS.format(lead="")
    assert one_check(text, "p_vs_counts")["verdict"] == "inconsistent"
