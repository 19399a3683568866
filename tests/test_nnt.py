"""Numbers needed to treat: read from the text, recomputed from the counts (against R's
prop.test and statsmodels' Newcombe interval) and judged against the counts and the printed
risk difference."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from extraction_helpers import kinds, of_kind, one
from reference import close, rows
from statsmodels.stats.proportion import confint_proportions_2indep

from trialaudit import nnt, scoring
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

REFERENCE = rows("nnt_reference.csv")


@pytest.mark.parametrize("row", REFERENCE, ids=lambda r: f"{r['a']:g}/{r['n1']:g}")
def test_nnt_and_its_wald_interval_match_r(row):
    table = tuple(int(row[k]) for k in ("a", "n1", "c", "n2"))
    assert close(nnt.estimates(row["rd"])[nnt.EXACT], row["nnt"])
    found, through_infinity = nnt.intervals(*table, 0.95)
    key = f"{nnt.EXACT}, Wald CI"
    if math.isnan(row["nnt_low"]):
        assert "Wald" in through_infinity and key not in found
    else:
        assert close(found[key][0], row["nnt_low"]) and close(found[key][1], row["nnt_high"])


@pytest.mark.parametrize("row", REFERENCE, ids=lambda r: f"{r['a']:g}/{r['n1']:g}")
def test_nnt_newcombe_interval_is_the_reciprocal_of_statsmodels(row):
    a, n1, c, n2 = (int(row[k]) for k in ("a", "n1", "c", "n2"))
    low, high = confint_proportions_2indep(a, n1, c, n2, method="newcomb", compare="diff")
    found, _ = nnt.intervals(a, n1, c, n2, 0.95)
    key = f"{nnt.EXACT}, Newcombe hybrid score CI"
    if low <= 0 <= high:
        assert key not in found
    else:
        expected = sorted((1 / abs(low), 1 / abs(high)))
        assert close(found[key][0], expected[0]) and close(found[key][1], expected[1])


def test_rounding_up_keeps_a_whole_number_whole():
    assert nnt.estimates(0.2)[nnt.ROUNDED_UP] == 5  # 1 / 0.2 is 5.000000000000001 in floats
    assert nnt.estimates(-0.13)[nnt.ROUNDED_UP] == 8


@pytest.mark.parametrize(
    ("text", "measure", "value", "low", "high", "outcome"),
    [
        ("(NNT 5, 95% CI 3 to 40)", "NNT", 5, 3, 40, ""),
        (
            "The number needed to treat to prevent one death was 8 (95% CI 5 to 21).",
            "NNT",
            8,
            5,
            21,
            "death",
        ),
        ("NNT = 12 (95% CI 7 to 45)", "NNT", 12, 7, 45, ""),
        ("The number needed to harm (NNH) for nausea was 14.", "NNH", 14, None, None, "nausea"),
        ("NNTB 9 (95% CI 6 to 25)", "NNT", 9, 6, 25, ""),
        ("a number needed to treat of 7.7", "NNT", 7.7, None, None, ""),
        # to vaccinate: a benefit, as to treat
        ("The number needed to vaccinate was 46 (95% CI 33 to 77).", "NNT", 46, 33, 77, ""),
        ("(NNV 46, 95% CI 33 to 77)", "NNT", 46, 33, 77, ""),
    ],
)
def test_a_number_needed_to_treat_is_read_with_its_interval(
    text, measure, value, low, high, outcome
):
    row = one(text, "nnt")
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == (
        measure,
        value,
        low,
        high,
    )
    assert row["outcome"] == outcome
    # not also a median with a CI, as "8 (95% CI 5 to 21)" alone would be
    assert [k for k, _ in kinds(text)] == ["nnt"]


def test_an_nnt_is_no_percentage_or_count():
    assert of_kind("NNT 25% of patients", "nnt") == []


def _checks(text: str) -> list[dict]:
    ex = extract_document("t", text)
    found = check_document(ex.statistics, ex.comparisons, Settings(), False)
    return [c for c in found if c["check"].startswith("nnt")]


def _verdicts(text: str) -> dict[str, str]:
    return {c["check"]: c["verdict"] for c in _checks(text)}


COUNTS = "Mortality was 10/50 (20%) in the MSC group and 20/50 (40%) in the control group"


@pytest.mark.parametrize(
    ("tail", "point", "interval"),
    [
        # 1 / 0.2 = 5; Wald limits 1/0.3753 = 2.66 and 1/0.0247 = 40.49 (R, prop.test)
        (" (NNT 5, 95% CI 3 to 40).", "consistent", "consistent"),
        (" (NNT 5, 95% CI 2.7 to 40.5).", "consistent", "consistent"),
        (" (NNT 4, 95% CI 3 to 40).", "inconsistent", "consistent"),
        (" (NNT 5, 95% CI 3 to 20).", "consistent", "inconsistent"),
    ],
)
def test_an_nnt_is_judged_against_its_counts(tail, point, interval):
    assert _verdicts(COUNTS + tail) == {"nnt_vs_counts": point, "nnt_ci_vs_counts": interval}


def test_an_nnt_rounded_up_is_consistent():
    # 1 / (25/100 - 12/100) = 7.69: printed 8, rounded to the nearest or up; 7 is neither
    text = "Relapse: 12/100 (12%) with drug vs 25/100 (25%) with placebo; NNT {}."
    assert _verdicts(text.format(8)) == {"nnt_vs_counts": "consistent"}
    assert _verdicts(text.format(7)) == {"nnt_vs_counts": "inconsistent"}
    # 1 / (20/200 - 30/210) = 23.3: 24 only by rounding up
    text = "Relapse: 20/200 (10.0%) with drug vs 30/210 (14.3%) with placebo; NNT {}."
    rows_ = _checks(text.format(24))
    assert [(r["verdict"], r["method"]) for r in rows_] == [("consistent", nnt.ROUNDED_UP)]


def test_a_finite_interval_when_the_difference_includes_zero_is_inconsistent():
    # 10/50 vs 14/50: the Wald and Newcombe intervals of -0.08 both include 0
    text = (
        "Mortality was 10/50 (20%) in the MSC group and 14/50 (28%) in the control group "
        "(NNT 13, 95% CI 4 to 17)."
    )
    found = {c["check"]: c for c in _checks(text)}
    assert found["nnt_vs_counts"]["verdict"] == "consistent"  # 12.5 prints as 13
    assert found["nnt_ci_vs_counts"]["verdict"] == "inconsistent"
    assert "Altman 1998" in found["nnt_ci_vs_counts"]["note"]


def test_an_nnt_in_the_next_sentence_takes_the_counts_before_it():
    text = (
        "Of 120 patients, 30 of 60 (50%) in the drug group and 18 of 60 (30%) in the placebo "
        "group responded (P = 0.03). The number needed to treat was {} (95% CI 3 to 35)."
    )
    assert _verdicts(text.format(5)) == {
        "nnt_vs_counts": "consistent",
        "nnt_ci_vs_counts": "consistent",
    }
    assert _verdicts(text.format(6))["nnt_vs_counts"] == "inconsistent"
    assert {c["comparison_id"] for c in _checks(text.format(5))} == {0}


_ALLOCATED = (
    "A total of 1,200 patients underwent randomization; 601 were assigned to receive the vaccine "
    "and 599 to receive placebo. "
)
_PRIMARY = (
    "The primary end point occurred in 48 patients (8.0%) in the vaccine group and in 77 (12.9%) "
    "in the placebo group. "
)
_SERIOUS = (
    "Serious adverse events occurred in 31 patients (5.2%) and 29 patients (4.8%), respectively. "
)
_NNT = "The number needed to treat to prevent one {} was 21."


def test_an_nnt_naming_another_outcome_takes_no_counts_of_the_sentence_before():
    # the NNT of the primary end point (1 / (77/599 - 48/601) = 20.54, R) is not that of the
    # serious adverse events just before it (1 / (31/601 - 29/599) = 315.8): held to nothing
    text = _ALLOCATED + _PRIMARY + _SERIOUS + _NNT.format("primary end-point event")
    found = _checks(text)
    assert [(c["check"], c["verdict"]) for c in found] == [("nnt_vs_counts", "not_checkable")]


def test_an_nnt_of_one_death_takes_the_mortality_counts_before_it():
    # 1 / (28/99 - 10/101) = 5.44 (R), 6 rounded up: death and mortality are one outcome
    text = (
        "A total of 200 patients were randomized to MSC (n=101) or placebo (n=99). Mortality at "
        "day 28 was 10 of 101 (9.9%) with MSC and 28 of 99 (28.3%) with placebo. The number "
        "needed to treat to prevent one death was {}."
    )
    assert _verdicts(text.format(6))["nnt_vs_counts"] == "consistent"
    assert _verdicts(text.format(9))["nnt_vs_counts"] == "inconsistent"


@pytest.mark.parametrize(
    ("order", "outcome", "verdict"),
    [
        ((_SERIOUS, _PRIMARY), "primary end-point event", "consistent"),  # 20.54 rounded up
        ((_PRIMARY, _SERIOUS), "serious adverse event", "inconsistent"),  # 315.8
    ],
)
def test_an_nnt_naming_the_outcome_of_the_counts_before_it_takes_them(order, outcome, verdict):
    # guard
    text = _ALLOCATED + "".join(order) + _NNT.format(outcome)
    assert _verdicts(text)["nnt_vs_counts"] == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 1 / 0.125 = 8; 12.45-12.55% gives 7.97-8.03
        ("The absolute risk reduction was 12.5% (95% CI 4.1 to 20.9); NNT 8.", "consistent"),
        ("The absolute risk reduction was 12.5% (95% CI 4.1 to 20.9); NNT 10.", "inconsistent"),
        # 1 / 0.043 = 23.3: 24 rounded up
        ("risk difference 4.3% (95% CI 1.2% to 7.4%), number needed to treat 24", "consistent"),
        ("risk difference 0.043 (95% CI 0.012 to 0.074), number needed to treat 23", "consistent"),
    ],
)
def test_an_nnt_is_judged_against_the_risk_difference_before_it(text, verdict):
    assert _verdicts(text) == {"nnt_vs_difference": verdict}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 1 / 0.050 = 20; 4.95-5.05 points give 19.80-20.20
        ("The absolute risk reduction was 5.0 percentage points (95% CI, -2.4 to 12.4). "
         "The number needed to treat to prevent one death was 20.", "consistent"),
        ("The absolute risk reduction was 5.0 percentage points (95% CI, -2.4 to 12.4). "
         "The number needed to treat to prevent one death was 25.", "inconsistent"),
    ],
)  # fmt: skip
def test_an_nnt_in_the_next_sentence_takes_the_risk_difference_before_it(text, verdict):
    (row,) = _checks(text)
    assert (row["check"], row["verdict"]) == ("nnt_vs_difference", verdict)
    assert "5.0 percentage points" in row["method"]


def test_an_nnt_naming_another_outcome_takes_no_risk_difference_of_the_sentence_before():
    text = (
        "The absolute risk reduction for death was 5.0 percentage points (95% CI, -2.4 to 12.4). "
        "The number needed to treat to prevent one stroke was 25."
    )
    assert _verdicts(text) == {"nnt_vs_counts": "not_checkable"}


@pytest.mark.parametrize(
    ("nnt", "verdict"),
    [
        # 9.35-9.45% and 5.05-5.15% differ by 4.2 to 4.4 points: 1/0.044 = 22.7 to 1/0.042 = 23.8
        ("23", "consistent"),
        ("24", "consistent"),  # 23.8 rounded up
        ("30", "inconsistent"),
    ],
)
def test_an_nnt_after_two_arms_percentages_is_judged_against_them(nnt, verdict):
    text = (
        "Smoking abstinence was 9.4% in the intervention arm vs 5.1% in the control arm "
        f"(adjusted odds ratio 1.93, 95% CI 1.38 to 2.70). The number needed to treat was {nnt}."
    )
    (row,) = _checks(text)[-1:]
    assert (row["check"], row["verdict"]) == ("nnt_vs_percentages", verdict)
    assert "9.4% and 5.1%" in row["method"]


@pytest.mark.parametrize(
    "text",
    [
        # three percentages: which two the NNT compares is not said
        "Response was 9.4%, 7.7% and 5.1% with 20 mg, 10 mg and placebo. The NNT was 23.",
        # the percentages of another outcome
        "Mortality was 9.4% in the intervention arm vs 5.1% in the control arm. The number "
        "needed to treat to prevent one stroke was 23.",
    ],
)
def test_an_nnt_takes_no_percentages_that_are_not_two_arms_of_its_outcome(text):
    assert "nnt_vs_percentages" not in _verdicts(text)


def test_an_nnt_with_nothing_to_recompute_from_says_so():
    found = _checks("The NNT was 12 (95% CI 7 to 45).")
    assert [(c["check"], c["verdict"]) for c in found] == [("nnt_vs_counts", "not_checkable")]
    assert "no counts" in found[0]["note"]


def test_the_check_rows_point_at_the_nnt():
    text = COUNTS + " (NNT 5, 95% CI 3 to 40)."
    for row in _checks(text):
        assert text[row["span_start"] : row["span_end"]] == "NNT 5, 95% CI 3 to 40"


def test_nnts_are_not_scored_against_the_gold_standard():
    # the gold guidelines leave numbers needed to treat unannotated: one is no false positive
    columns = ["doc_id", "kind", "span_start", "span_end", "source_text", "value"]
    predicted = pd.DataFrame(
        [["d", "nnt", 0, 5, "NNT 5", 5.0], ["d", "ratio", 10, 17, "OR 1.20", 1.2]],
        columns=columns,
    )
    gold = pd.DataFrame([["d", "ratio", 10, 17, "OR 1.20", 1.2]], columns=columns)
    scores = scoring.score_statistics("c", predicted, gold)
    overall = next(s for s in scores if s["kind"] == "all")
    assert (overall["predicted"], overall["matched"], overall["precision"]) == (1, 1, 1.0)
    assert "nnt" not in {s["kind"] for s in scores}


def test_an_interval_only_the_wald_method_gives_names_the_method_that_gives_none():
    # 6/30 vs 1/30: Wald's difference interval excludes 0 (NNT 3.1 to 102.3), Newcombe's not
    text = "Infection: 6/30 (20%) vs 1/30 (3.3%); NNT 6 (95% CI {})."
    found = {c["check"]: c for c in _checks(text.format("3 to 102"))}
    assert found["nnt_ci_vs_counts"]["verdict"] == "consistent"
    found = {c["check"]: c for c in _checks(text.format("4 to 40"))}
    assert found["nnt_ci_vs_counts"]["verdict"] == "inconsistent"
    assert (
        "Newcombe hybrid score risk-difference intervals include 0"
        in (found["nnt_ci_vs_counts"]["note"])
    )


def test_a_risk_difference_above_one_without_a_unit_is_in_percentage_points():
    # "-20" can only be points: 1 / 0.20 = 5
    text = "risk difference -20 (95% CI -38 to -2), NNT {}."
    assert _verdicts(text.format(5)) == {"nnt_vs_difference": "consistent"}
    assert _verdicts(text.format(7)) == {"nnt_vs_difference": "inconsistent"}


@pytest.mark.parametrize(
    "text",
    [
        COUNTS + " (RR 0.50, 95% CI 0.26 to 0.96; NNT 5, 95% CI 3 to 40).",
        "The risk difference was -20% (95% CI -37.5 to -2.5); number needed to treat 5 (95% CI "
        "3 to 40).",
    ],
)
def test_an_nnt_after_a_ratio_or_difference_is_no_further_estimate_of_it(text):
    assert one(text, "nnt")["value"] == 5
    assert [r["value"] for r in of_kind(text, "ratio") + of_kind(text, "difference")] in (
        [0.5],
        [-20],
    )


def test_an_nnt_interval_from_the_miettinen_nurminen_difference_is_reproduced():
    # 6/30 vs 1/30: only the Miettinen-Nurminen interval of the difference excludes 0 with
    # Wald's far narrower (R: rd_score_reference.csv); its reciprocal is the NNT interval
    (row,) = [
        r
        for r in rows("rd_score_reference.csv")
        if (r["a"], r["n1"], r["c"], r["n2"]) == (6, 30, 1, 30)
    ]
    limits = f"{1 / row['mn_rd_high']:.0f} to {1 / row['mn_rd_low']:.0f}"
    found = {
        c["check"]: c
        for c in _checks(f"Infection: 6/30 (20%) vs 1/30 (3.3%); NNT 6 (95% CI {limits}).")
    }
    assert found["nnt_ci_vs_counts"]["verdict"] == "consistent"
    assert "Miettinen-Nurminen" in found["nnt_ci_vs_counts"]["method"]


# BMJ's style: the NNT's interval is the reciprocal of the printed interval of the difference.
# 58/611 vs 88/613: the counts' Wald interval of the difference (R 4.x: p1 <- 58/611;
# p2 <- 88/613; 100 * (p1 - p2 + c(-1, 1) * qnorm(0.975) * sqrt(p1 * (1 - p1) / 611 + p2 *
# (1 - p2) / 613)) = -8.483263500 -1.242722568) has the reciprocals 11.78791629 and
# 80.46848313; the printed -8.5% and -1.3% give 11.8 and 76.9.
ADMISSION = (
    "Admission occurred in 58 of 611 (9.5%) patients in the intervention group and 88 of 613 "
    "(14.4%) in the usual care group (absolute risk difference −4.9%, {ci}). The number needed "
    "to treat was 21 ({nnt})."
)


def test_an_nnt_interval_from_the_printed_interval_of_the_difference_is_consistent():
    found = {c["check"]: c for c in _checks(ADMISSION.format(ci="−8.5% to −1.3%", nnt="12 to 77"))}
    row = found["nnt_ci_vs_difference"]
    assert row["verdict"] == "consistent"
    # 1 / 0.0855 and 1 / 0.0125: the ends of what the printed limits stand for
    assert (row["recomputed_low"], row["recomputed_high"]) == pytest.approx((1 / 0.0855, 80.0))
    # the counts' interval, 77 a rounding away from 80.5, defers to it
    assert found["nnt_ci_vs_counts"]["verdict"] == "not_checkable"
    assert "nnt_ci_vs_difference" in found["nnt_ci_vs_counts"]["note"]


def test_an_nnt_interval_neither_the_difference_nor_the_counts_give_is_inconsistent():
    found = {c["check"]: c for c in _checks(ADMISSION.format(ci="−8.5% to −1.3%", nnt="12 to 50"))}
    assert found["nnt_ci_vs_difference"]["verdict"] == "inconsistent"
    assert found["nnt_ci_vs_counts"]["verdict"] == "inconsistent"


def test_an_nnt_interval_after_a_difference_interval_through_zero_is_not_checkable():
    text = ADMISSION.format(ci="−8.5% to 0.4%", nnt="12 to 250")
    found = {c["check"]: c for c in _checks(text)}
    assert found["nnt_ci_vs_difference"]["verdict"] == "not_checkable"


# An NNT from the printed, rounded risk difference: 42/321 vs 38/319 differ by 1.171886444
# percentage points (R 4.2.2: 100 * (42/321 - 38/319)), whose reciprocal 85.3325 rounds up to
# 86; the printed 1.2 points give 1/0.012 = 83.3, rounded up 84.
FAILURE = (
    "Patients were assigned to oral step-down therapy (n=321) or continued intravenous therapy "
    "(n=319). Treatment failure occurred in 42 of 321 patients (13.1%) and 38 of 319 (11.9%) "
    "(difference, 1.2 percentage points; 95% CI, -3.9 to 6.3). The number needed to harm was "
    "{nnh}."
)


def test_an_nnt_from_the_printed_difference_is_not_held_to_the_counts_a_rounding_away():
    found = {c["check"]: c for c in _checks(FAILURE.format(nnh="84"))}
    assert found["nnt_vs_difference"]["verdict"] == "consistent"
    assert found["nnt_vs_counts"]["verdict"] == "not_checkable"
    assert found["nnt_vs_counts"]["recomputed_value"] == pytest.approx(85.3325, abs=1e-4)
    assert "nnt_vs_difference" in found["nnt_vs_counts"]["note"]


def test_an_nnt_neither_the_difference_nor_the_counts_give_is_still_inconsistent():  # guard
    found = {c["check"]: c for c in _checks(FAILURE.format(nnh="70"))}
    assert found["nnt_vs_difference"]["verdict"] == "inconsistent"
    assert found["nnt_vs_counts"]["verdict"] == "inconsistent"
