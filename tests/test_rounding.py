"""Reported numbers stand for the interval of values that round to them."""

from __future__ import annotations

import pytest

from trialaudit.judgement import p_interval
from trialaudit.rounding import parse_reported


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1.68", 1.68, 2),
        ("1.40", 1.4, 2),
        ("- 10.8", -10.8, 1),
        ("\u221213.31", -13.31, 2),
        (".03", 0.03, 2),
        ("1,234", 1234.0, 0),
        ("27.00", 27.0, 2),
    ],
)
def test_parse(text, value, decimals):
    reported = parse_reported(text)
    assert reported.value == pytest.approx(value)
    assert reported.decimals == decimals


def test_decimal_comma_only_when_the_document_uses_it():
    assert parse_reported("0,65", decimal_comma=True).value == pytest.approx(0.65)
    with pytest.raises(ValueError):
        parse_reported("0,65")


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("1.68", [1.675, 1.6849, 1.685], [1.6749, 1.6851]),  # both half-up and half-even ends
        ("1.40", [1.395, 1.4049], [1.3949, 1.4051]),  # trailing zero is a reported decimal
        ("0.08", [0.075, 0.085], [0.0749, 0.0851]),
        ("3", [2.5, 3.5], [2.49, 3.51]),
    ],
)
def test_rounding_interval(text, inside, outside):
    reported = parse_reported(text)
    assert all(reported.contains(v) for v in inside)
    assert not any(reported.contains(v) for v in outside)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "-"])
def test_not_a_number(text):
    with pytest.raises(ValueError):
        parse_reported(text)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("0.013", [0.0125, 0.0135], [0.0124, 0.0136]),
        ("-10.8", [-10.85, -10.75], [-10.86, -10.74]),
        ("\u221210.8", [-10.8], [10.8]),
    ],
)
def test_rounding_interval_of_p_and_negative_values(text, inside, outside):
    reported = parse_reported(text)
    assert all(reported.contains(v) for v in inside)
    assert not any(reported.contains(v) for v in outside)


@pytest.mark.parametrize(
    ("text", "cmp", "expected"),
    [(".05", "<", (0.0, 0.05)), (".05", ">", (0.05, 1.0)), (".000", "=", (0.0, 0.0005))],
)
def test_p_intervals(text, cmp, expected):
    assert p_interval(text, cmp) == pytest.approx(expected, abs=1e-8)
