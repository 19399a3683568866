"""An estimate in the sentence just before its arms' counts is held to them ("Death was less
frequent with ticagrelor (risk ratio 0.62, ...). It occurred in 25 of 120 ... and 40 of 120
..."), arm by arm when there are more treated arms, and only when nothing else could own it.

Reference values, R 4.x with metafor 3.8.1:
- escalc("RR", ai = 25, n1i = 120, ci = 40, n2i = 120): 0.6250000, Wald CI of the log RR
  0.4062045 to 0.9616463. The mid-p exact p of the 2x2 table (hypergeometric, 120, 120, 65
  drawn, x = 25): 2 * (phyper(24, 120, 120, 65) + dhyper(25, 120, 120, 65) / 2) =
  0.0306299275721.
- escalc("RR", ai = 52, n1i = 188, ci = 74, n2i = 191): 0.7139160 (0.5331518 to 0.9559681);
  escalc("RD", ...) x 100: -11.0838810 (-20.4975693 to -1.6701927).
- escalc("RR", ai = 43, n1i = 190, ci = 74, n2i = 191): 0.5841394 (0.4251597 to 0.8025663);
  escalc("RD", ...) x 100: -16.1118766 (-25.2296561 to -6.9940970).
"""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_ALLOCATION = (
    "A total of 240 patients were randomised to ticagrelor (n = 120) or clopidogrel (n = 120). "
)
_TWO_ARMS = (
    "{estimate} The primary endpoint occurred in 25 of 120 patients in the ticagrelor group and "
    "40 of 120 in the clopidogrel group."
)
_ESTIMATE = (
    "The risk of the primary endpoint was lower with ticagrelor (risk ratio {rr}, 95% CI 0.41 "
    "to 0.96; p = 0.03)."
)


def _against_counts(text: str) -> dict[str, dict]:
    _, checks = extract_and_check(text)
    return {c["check"]: c for c in checks if c["check"].endswith("_vs_counts")}


def test_an_estimate_in_the_sentence_before_is_held_to_the_counts():
    text = _ALLOCATION + _TWO_ARMS.format(estimate=_ESTIMATE.format(rr="0.62"))
    found = _against_counts(text)
    assert found["ratio_vs_counts"]["recomputed_value"] == pytest.approx(0.6250000, abs=5e-8)
    assert (found["ci_vs_counts"]["recomputed_low"], found["ci_vs_counts"]["recomputed_high"]) == (
        pytest.approx((0.4062045, 0.9616463), abs=5e-8)
    )
    assert found["p_vs_counts"]["recomputed_value"] == pytest.approx(0.0306299275721, abs=5e-13)
    assert {c["verdict"] for c in found.values()} == {"consistent"}
    ratio = text.index("0.62")
    assert (found["ratio_vs_counts"]["span_start"], found["ratio_vs_counts"]["span_end"]) == (
        ratio - len("risk ratio "),
        text.index("0.96") + len("0.96"),
    )


def test_a_slip_in_an_estimate_before_its_counts_is_found():
    text = _ALLOCATION + _TWO_ARMS.format(estimate=_ESTIMATE.format(rr="0.52"))
    assert _against_counts(text)["ratio_vs_counts"]["verdict"] == "inconsistent"


_THREE_ARMS = (
    "Compared with placebo, the risk of relapse was lower with the {first} (RR {rr1}, 95% CI "
    "{ci1}; RD −11.1%, −20.5 to −1.7) and the {second} (RR 0.58, 0.43 to 0.80; RD −16.1%, −25.2 "
    "to −7.0). Relapse occurred in 52 of 188 (27.7%), 43 of 190 (22.6%) and 74 of 191 (38.7%) "
    "patients receiving the low dose, the high dose and placebo, respectively."
)


def test_each_treated_arm_takes_the_estimates_after_its_name():
    text = _THREE_ARMS.format(first="low dose", second="high dose", rr1="0.71", ci1="0.53 to 0.96")
    _, checks = extract_and_check(text)
    by_check: dict[str, list] = {}
    for c in checks:
        by_check.setdefault(c["check"], []).append(c)
    assert [c["recomputed_value"] for c in by_check["ratio_vs_counts"]] == pytest.approx(
        [0.7139160, 0.5841394], abs=5e-8
    )
    assert [c["recomputed_value"] for c in by_check["difference_vs_counts"]] == pytest.approx(
        [-11.0838810, -16.1118766], abs=5e-7
    )
    intervals = [(c["recomputed_low"], c["recomputed_high"]) for c in by_check["ci_vs_counts"]]
    assert intervals == [
        pytest.approx(pair, abs=5e-7)
        for pair in [
            (0.5331518, 0.9559681),
            (-20.4975693, -1.6701927),
            (0.4251597, 0.8025663),
            (-25.2296561, -6.9940970),
        ]
    ]
    assert {c["verdict"] for c in checks} == {"consistent"}


@pytest.mark.parametrize(
    "text",
    [
        # estimates in another order than the counts: which arm each compares is not said
        _THREE_ARMS.format(first="high dose", second="low dose", rr1="0.71", ci1="0.53 to 0.96"),
        # another outcome
        _ALLOCATION
        + _TWO_ARMS.format(
            estimate="Mortality was lower with ticagrelor (risk ratio 0.52, 95% CI 0.31 to 0.88)."
        ),
        # a hazard ratio is not the counts'
        _ALLOCATION
        + _TWO_ARMS.format(
            estimate="The primary endpoint was less frequent with ticagrelor (hazard ratio 0.52, "
            "95% CI 0.31 to 0.88)."
        ),
        # the estimate's own sentence gives the arms values: it is theirs
        _ALLOCATION
        + _TWO_ARMS.format(
            estimate="The primary endpoint at 30 days was 10.0% with ticagrelor and 18.3% with "
            "clopidogrel (risk ratio 0.55, 95% CI 0.28 to 1.05)."
        ),
        # counts without an estimate come just before it: it may be theirs
        _ALLOCATION
        + "The primary endpoint occurred in 12 of 120 patients in the ticagrelor group and 24 of "
        "120 in the clopidogrel group at 30 days. "
        + _TWO_ARMS.format(estimate=_ESTIMATE.format(rr="0.62")),
    ],
    ids=["other order", "other outcome", "hazard ratio", "own values", "earlier counts"],
)
def test_an_estimate_that_may_not_be_the_counts_is_not_held_to_them(text):  # guards
    _, checks = extract_and_check(text)
    assert [c["check"] for c in checks if c["verdict"] == "inconsistent"] == []
    assert not [c for c in checks if c["check"] == "ratio_vs_counts" and c["recomputed_value"]]
