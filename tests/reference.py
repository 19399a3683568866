"""Reading the reference fixtures written by the R scripts in tests/fixtures/."""

from __future__ import annotations

import csv
import math
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _value(text: str):
    if text in {"NA", ""}:
        return math.nan
    if text in {"Inf", "-Inf"}:
        return math.inf if text == "Inf" else -math.inf
    if text in {"TRUE", "FALSE"}:
        return text == "TRUE"
    try:
        return float(text)
    except ValueError:
        return text


def rows(name: str) -> list[dict]:
    """Return the rows of tests/fixtures/``name`` with numbers, NA, Inf and logicals parsed."""
    with open(FIXTURES / name, newline="", encoding="utf-8") as handle:
        return [{k: _value(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def close(actual: float, expected: float, rel: float = 1e-6, abs_: float = 1e-9) -> bool:
    """Return True if two values agree (both infinite of one sign also agree)."""
    if math.isinf(expected) or math.isinf(actual):
        return actual == expected
    return math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)
