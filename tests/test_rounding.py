"""Reported numbers as rounding intervals (half-up and half-even; trailing zeros count)."""

from __future__ import annotations

import pytest

from trialaudit.judgement import p_interval
from trialaudit.rounding import parse_reported


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("1.68", [1.675, 1.6849, 1.685], [1.6749, 1.6851]),  # 1.675 half-up, 1.685 half-even
        ("1.40", [1.395, 1.405], [1.4051, 1.3949]),  # trailing zero: two decimals
        ("1.4", [1.35, 1.4499], [1.4501]),
        ("0.013", [0.0125, 0.0135], [0.0124, 0.0136]),
        ("-10.8", [-10.85, -10.75], [-10.86]),
        ("\u221210.8", [-10.8], [10.8]),
    ],
)
def test_interval_covers_both_rounding_rules(text, inside, outside):
    reported = parse_reported(text)
    assert all(reported.contains(v) for v in inside)
    assert not any(reported.contains(v) for v in outside)


def test_trailing_zeros_count_as_decimals():
    assert parse_reported("1.40").decimals == 2 and parse_reported("1.4").decimals == 1


@pytest.mark.parametrize(
    ("text", "cmp", "expected"),
    [(".05", "<", (0.0, 0.05)), (".05", ">", (0.05, 1.0)), (".000", "=", (0.0, 0.0005))],
)
def test_p_intervals(text, cmp, expected):
    assert p_interval(text, cmp) == pytest.approx(expected, abs=1e-8)
