"""A percentage's confidence interval against the intervals of x/n (proportion_ci.py and the
percent_ci_vs_size check), with reference values from tests/fixtures/proportion_ci_reference.R
(binom.test, prop.test with and without correction, and the Wald, Agresti-Coull and Jeffreys
formulas in base R)."""

from __future__ import annotations

import pytest
from reference import rows

from trialaudit import proportion_ci
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

REFERENCE = rows("proportion_ci_reference.csv")
COLUMN = {
    "Clopper-Pearson exact": "clopper_pearson",
    "Wilson score": "wilson",
    proportion_ci.WILSON_CORRECTED: "wilson_cc",
    "Wald": "wald",
    "Agresti-Coull": "agresti_coull",
    "Jeffreys": "jeffreys",
}
BY_COUNT = {(int(r["x"]), int(r["n"]), r["level"]): r for r in REFERENCE}


@pytest.mark.parametrize(
    "row", REFERENCE, ids=[f"{int(r['x'])}/{int(r['n'])} at {r['level']}" for r in REFERENCE]
)
def test_every_interval_of_a_proportion_matches_r(row):
    x, n = int(row["x"]), int(row["n"])
    found = proportion_ci.intervals(x, n, row["level"])
    assert set(found) == set(COLUMN)
    for method, column in COLUMN.items():
        # R's Jeffreys sets the limit at 0 or 1 when x is 0 or n (Brown, Cai & DasGupta 2001);
        # statsmodels keeps the beta quantile, within 2e-4 of it here
        boundary = method == "Jeffreys" and x in (0, n)
        tolerance = 2e-4 if boundary else 1e-12
        low, high = found[method]
        assert low == pytest.approx(row[column + "_low"], abs=tolerance)
        assert high == pytest.approx(row[column + "_high"], abs=tolerance)


def test_the_continuity_correction_is_r_s_even_at_half():
    # prop.test corrects by min(0.5, |x - n/2|): none at 5/10, so it equals the Wilson interval
    row = BY_COUNT[(5, 10, 0.95)]
    assert (row["wilson_cc_low"], row["wilson_cc_high"]) == pytest.approx(
        (row["wilson_low"], row["wilson_high"]), abs=1e-15
    )
    assert proportion_ci.wilson_corrected(5, 10) == pytest.approx(
        (row["wilson_cc_low"], row["wilson_cc_high"]), abs=1e-12
    )


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _limits(row: dict, method: str) -> str:
    """R's interval of one method, in percent to one decimal: '28.6 to 54.3'."""
    return f"{_pct(row[method + '_low'])} to {_pct(row[method + '_high'])}"


def _interval_checks(text: str) -> list[dict]:
    ex = extract_document("t", text)
    found = check_document(ex.statistics, ex.comparisons, Settings())
    return [c for c in found if c["check"] == "percent_ci_vs_size"]


def test_a_single_arm_response_rate_is_held_to_the_exact_interval_of_its_count():
    row = BY_COUNT[(25, 61, 0.95)]
    limits = _limits(row, "clopper_pearson")
    text = (
        "Sixty-one patients were enrolled and treated. The objective response rate was "
        f"41.0% (95% CI, {limits})."
    )
    (check,) = _interval_checks(text)
    assert check["verdict"] == "consistent"
    assert check["method"] == "Clopper-Pearson exact, 25/61"
    assert check["recomputed_low"] == pytest.approx(100 * row["clopper_pearson_low"], abs=1e-9)


@pytest.mark.parametrize("order", ["{pct}% (50/60; 95% CI, {ci})", "50/60 ({pct}%; 95% CI, {ci})"])
def test_a_count_with_its_percentage_and_interval_is_its_own_x_of_n(order):
    row = BY_COUNT[(50, 60, 0.95)]
    wilson = _limits(row, "wilson")
    text = "The clinical success rate was " + order.format(pct="83.3", ci=wilson) + "."
    (check,) = _interval_checks(text)
    assert (check["verdict"], check["method"]) == ("consistent", "Wilson score, 50/60")
    # an interval no method gives for 50/60 (every limit 2 points higher)
    slipped = (
        f"{float(_pct(row['wilson_low'])) + 2:.1f} to {float(_pct(row['wilson_high'])) + 2:.1f}"
    )
    (check,) = _interval_checks("The rate was " + order.format(pct="83.3", ci=slipped) + ".")
    assert check["verdict"] == "inconsistent"


def test_a_survival_estimate_is_not_held_to_x_of_n():
    # the same slipped interval, of a Kaplan-Meier rate: Greenwood's interval is not x/n's
    text = "The 12-month progression-free survival rate was 50/60 (83.3%; 95% CI, 73.9 to 92.7)."
    (check,) = _interval_checks(text)
    assert check["verdict"] == "not_checkable"
    assert "survival" in check["note"]


def test_a_size_the_text_does_not_give_as_the_denominator_is_tried_with_the_others():
    # 25/61 reproduces the interval: of the enrolled 64, the 61 evaluable
    row = BY_COUNT[(25, 61, 0.95)]
    limits = _limits(row, "clopper_pearson")
    text = (
        "Sixty-four patients were enrolled, of whom 61 were evaluable for response. The "
        f"objective response rate was 41.0% (95% CI, {limits})."
    )
    (check,) = _interval_checks(text)
    assert check["verdict"] == "consistent"
    assert "n = 61" in check["assumption"]
    # none of the stated sizes gives it: not checkable, never inconsistent
    (check,) = _interval_checks(text.replace(limits, "20.0 to 45.0"))
    assert check["verdict"] == "not_checkable"


REGISTRY = """Title: Percentage of Participants With Sustained Virologic Response (SVR12)
Arm/Group Title | Sofosbuvir/velpatasvir 12 weeks | Sofosbuvir/velpatasvir 8 weeks
Overall Number of Participants Analyzed | 277 | 275
Measure Type: Number (95% Confidence Interval)
Unit of Measure: percentage of participants
98.2 ({a}) | 95.3 ({b})
"""


def test_a_registry_row_of_percentages_with_intervals_is_read_and_checked():
    first, second = BY_COUNT[(272, 277, 0.95)], BY_COUNT[(262, 275, 0.95)]
    exact = _limits(first, "clopper_pearson")
    text = REGISTRY.format(a=exact, b="92.2 to 97.5")
    rows_ = [r for r in extract_document("r", text).statistics if r["kind"] == "percentage"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows_] == [
        (98.2, 95.8, 99.4),
        (95.3, 92.2, 97.5),
    ]
    checks = _interval_checks(text)
    assert [c["verdict"] for c in checks] == ["consistent", "inconsistent"]
    # 262/275's exact interval is 92.1 to 97.5, and no other method gives 92.2 to 97.5
    assert checks[1]["recomputed_low"] == pytest.approx(100 * second["clopper_pearson_low"])


_REGIMENS = (
    "The proportion of patients with sustained virological response was 94% (95% CI 90-97) "
    "with the 8-week regimen (n=216) and 95% ({low}-{high}) with the 12-week regimen (n=216); "
    "the difference was -1 percentage point (95% CI -5.6 to 3.6)."
)


@pytest.mark.parametrize(
    ("low", "high", "verdict"), [("92", "98", "consistent"), ("88", "98", "not_checkable")]
)
def test_a_percentage_with_a_bare_interval_after_one_with_its_ci_is_no_median(low, high, verdict):
    text = _REGIMENS.format(low=low, high=high)
    extraction = extract_document("t", text)
    values = [
        (s["kind"], s["value_text"], s["arm"], s["ci_low_text"])
        for s in extraction.statistics
        if s["kind"] in {"percentage", "median"}
    ]
    assert values == [
        ("percentage", "94", "8-week regimen", "90"),
        ("percentage", "95", "12-week regimen", low),
    ]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    intervals = [c for c in checks if c["check"] == "percent_ci_vs_size"]
    # R: p <- 205/216; 100*(p + c(-1, 1)*qnorm(.975)*sqrt(p*(1-p)/216)) = 91.97556 97.83925
    # (and 202/216 gives 90.23524 96.80179 for the first arm)
    assert [c["verdict"] for c in intervals] == ["consistent", verdict]
    assert intervals[0]["recomputed_low"] == pytest.approx(90.23524, abs=1e-5)
