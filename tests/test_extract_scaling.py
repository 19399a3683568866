"""Adversarial inputs: extraction time grows linearly with the text (bounded quantifiers,
bounded work per sentence), never quadratically, and stays within a time budget."""

from __future__ import annotations

import pytest
from timing import cpu_seconds, grows_superlinearly

from trialaudit.extract import extract_document

UNITS = {
    "statistics in one run-on line": "n = 1 of 2 (3%) vs 4/5 [6, 7] ± 8 × 10 9 ",
    "medians joined by vs": "2.75 [2.35, 3.23] vs . ",
    "enrolment verbs": "patients were randomized to the MSC group and ",
    "percentages": "1% ",
    "fractions": "1/1 ",
    "ratios": "OR 1.5 (95% CI 1.1-2.0) ",
    "full-width counts": "组死亡３／１１（２７．３％）",
    "digits": "1111111111",
    "brackets": "((((((((((",
}


def best_time(text: str) -> float:
    """Return the fastest of three extraction times of ``text`` in CPU seconds."""
    return cpu_seconds(lambda: extract_document("adversarial", text))


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_time_grows_linearly(unit):
    small = unit * (3000 // len(unit) + 1)
    large = small * 4
    superlinear, t_small, t_large = grows_superlinearly(
        lambda: best_time(small), lambda: best_time(large)
    )
    assert not superlinear, (t_small, t_large)
    assert t_large < 10.0
