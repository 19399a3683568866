"""A p-value whose own words name Fisher's exact test is held to that test alone, as a
registry's or SAS listing's named test is, and not to the Wald test its estimate's CI implies.

Reference values, R 4.x, for 6 of 48 against 13 of 48: fisher.test(matrix(c(6, 42, 13, 35), 2,
byrow = TRUE))$p.value = 0.122892115645; chisq.test(..., correct = FALSE)$p.value =
0.0729523265541; with Yates's correction 0.124301251244."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_COUNTS = "Mortality was 6 of 48 (12.5%) with MSC and 13 of 48 (27.1%) with placebo "


def _p_checks(text: str) -> dict[str, dict]:
    _, checks = extract_and_check(text)
    return {c["check"]: c for c in checks if c["check"].startswith("p_vs")}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            _COUNTS + "(relative risk, 0.46; 95% CI, 0.19 to 1.11; P = .07 by Fisher exact test).",
            "inconsistent",
        ),
        (_COUNTS + "(P = 0.07, Fisher's exact test).", "inconsistent"),
        (_COUNTS + "(Fisher's exact test, P = 0.12).", "consistent"),
        (_COUNTS + "(P = 0.12 by two-sided Fisher’s exact test).", "consistent"),
    ],
)
def test_a_p_named_as_fishers_is_held_to_fishers_test(text, verdict):
    found = _p_checks(text)
    assert found["p_vs_counts"]["method"] == "Fisher exact"
    assert found["p_vs_counts"]["recomputed_value"] == pytest.approx(0.122892115645, rel=1e-9)
    assert found["p_vs_counts"]["verdict"] == verdict


def test_the_ci_of_an_estimate_is_not_held_to_a_fisher_p():
    text = _COUNTS + "(relative risk, 0.46; 95% CI, 0.19 to 1.11; P = .07 by Fisher exact test)."
    interval = _p_checks(text)["p_vs_ci"]
    assert interval["verdict"] == "not_checkable"
    assert "names (Fisher exact)" in interval["note"]


@pytest.mark.parametrize(
    "text",
    [
        _COUNTS + "(P = 0.07).",
        # a methods sentence that names the tests is not the p's own
        "Categorical variables were compared with Fisher's exact test. " + _COUNTS + "(P = 0.07).",
    ],
)
def test_a_p_that_names_no_test_may_be_any_test_of_the_table(text):  # guards
    check = _p_checks(text)["p_vs_counts"]
    assert (check["verdict"], check["method"]) == ("consistent", "Pearson chi-square")
    assert check["recomputed_value"] == pytest.approx(0.0729523265541, rel=1e-9)
