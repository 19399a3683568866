"""A psychology report's two conditions, each with its APA summary and size in one bracket
("in the mindfulness group (M = 2.81, SD = 0.74, n = 60)", "(n = 60; M = 2.81, SD = 0.74)"),
are two arms compared: the t after them is held to their means, SDs and sizes.

Reference values, R 4.2.2: sp2 <- (59*0.74^2 + 59*0.81^2)/118; (3.24 - 2.81)/sqrt(sp2*(2/60))
= 3.035882 (Student's pooled t); 2*pt(-3.035882, 118) = 0.002951734."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check

_SIZE_AFTER = (
    "Participants in the mindfulness group (M = 2.81, SD = 0.74, n = 60) reported lower stress "
    "than those in the waitlist group (M = 3.24, SD = 0.81, n = 60), t(118) = {t}, p = .003."
)
_SIZE_FIRST = (
    "Stress was lower in the mindfulness group (n = 60; M = 2.81, SD = 0.74) than in the "
    "waitlist group (n = 60; M = 3.24, SD = 0.81), t(118) = {t}, p = .003."
)


@pytest.mark.parametrize("template", [_SIZE_AFTER, _SIZE_FIRST])
@pytest.mark.parametrize(("t", "verdict"), [("3.04", "consistent"), ("4.04", "inconsistent")])
def test_two_conditions_with_their_sizes_are_compared(template, t, verdict):
    extraction, checks = extract_and_check(template.format(t=t))
    [comparison] = extraction.comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == ("mindfulness", "waitlist")
    assert (comparison["total_1"], comparison["total_2"]) == (60, 60)
    [test] = [c for c in checks if c["check"] == "test_vs_summaries"]
    assert (test["reported"], test["verdict"]) == (t, verdict)
    assert test["recomputed_low"] <= 3.035882 <= test["recomputed_high"]
    [p] = [c for c in checks if c["check"] == "p_vs_summaries"]
    assert p["verdict"] == "consistent"


def test_a_bracket_of_other_statistics_before_an_n_gives_no_arm_size():  # guard
    text = "Stress correlated with sleep in the mindfulness group (r = .41, p = .01, n = 60)."
    extraction, _ = extract_and_check(text)
    assert [s["kind"] for s in extraction.statistics if s["source_text"] == "n = 60"] != [
        "arm_size"
    ]
