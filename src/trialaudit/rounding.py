"""Reported numbers as rounding intervals: a reported 1.68 stands for any value that rounds to it.

Following statcheck, a recomputed value is consistent with a reported one when it lies in the
closed interval of values that round to the reported digits. The closed interval covers both
round-half-up and round-half-to-even, and trailing zeros count as reported decimals
("1.40" has two).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

_NUMBER = re.compile(r"^\s*([-+])?\s*(\d*)(?:([.,])(\d+))?\s*$")
# Floating-point slack so that exact boundary values (1.675 for "1.68") are inside.
_EPS = 1e-9


@dataclass(frozen=True)
class Reported:
    """A number as printed: its value and how many decimals were printed."""

    text: str
    value: float
    decimals: int

    @property
    def half_unit(self) -> float:
        """Half of the last printed digit's unit."""
        return 0.5 * 10.0 ** (-self.decimals)

    def interval(self) -> tuple[float, float]:
        """Return the closed interval of values that round to the printed number."""
        return self._interval

    @cached_property  # a parsed number is shared (judgement.as_reported caches them)
    def _interval(self) -> tuple[float, float]:
        lo, hi = self.value - self.half_unit, self.value + self.half_unit
        # relative to the number, so that 3.2 × 10−9 keeps its own rounding interval
        slack = _EPS * max(abs(self.value), self.half_unit)
        return lo - slack, hi + slack

    def contains(self, value: float) -> bool:
        """Return True if ``value`` rounds to the printed number."""
        lo, hi = self.interval()
        return bool(lo <= value <= hi)

    def overlaps(self, lo: float, hi: float) -> bool:
        """Return True if some value in [lo, hi] rounds to the printed number."""
        own_lo, own_hi = self.interval()
        return bool(max(own_lo, lo) <= min(own_hi, hi))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def parse_reported(text: str, decimal_comma: bool = False) -> Reported:
    """Parse a printed number ("1.68", "- 10.8", ".03", "1,234", "0,65" with decimal commas)."""
    cleaned = text.replace("\u2212", "-").replace("\u2013", "-").replace(" ", "")
    if not decimal_comma and "," in cleaned:
        cleaned = _THOUSANDS.sub("", cleaned)
    match = _NUMBER.match(cleaned)
    if not match or not (match.group(2) or match.group(4)):
        raise ValueError(f"not a number: {text!r}")
    sign, whole, separator, fraction = match.groups()
    if separator == "," and not decimal_comma:
        raise ValueError(f"ambiguous comma in {text!r}")
    value = float(f"{whole or '0'}.{fraction or '0'}")
    if sign == "-":
        value = -value
    return Reported(text=text, value=value, decimals=len(fraction or ""))


SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# "3.2 x 10-5", "3.2×10^-5", "2.1E-02", "10⁻⁶" (after superscripts are read and blanks removed)
_POWER_OF_TEN = re.compile(r"^(?:(\d{0,3}\.?\d{1,12})(?:[eE]|[x\u00d7]10\^?)|10\^?)(-\d{1,3})$")


def parse_p(text: str) -> Reported:
    """Parse a printed p-value, in scientific notation too ("3.2 × 10−5", "2e-5", "10⁻⁶").

    The mantissa's printed digits carry the rounding: 3.2 × 10−5 stands for 3.15 to
    3.25 × 10−5, that is 0.000032 printed with six decimals.
    """
    cleaned = (
        text.translate(SUPERSCRIPTS).replace("\u2212", "-").replace("\u2013", "-").replace(" ", "")
    )
    match = _POWER_OF_TEN.match(cleaned)
    if match is None:
        return parse_reported(text)
    mantissa, exponent = match.group(1) or "1", int(match.group(2))
    value = float(f"{mantissa}e{exponent}")
    if value == 0 or not math.isfinite(value):
        raise ValueError(f"not a p-value: {text!r}")
    return Reported(text=text, value=value, decimals=parse_reported(mantissa).decimals - exponent)


def decimals_of(text: str) -> int:
    """Return the number of printed decimals of a number's text."""
    return parse_reported(text).decimals


def format_value(value: float, decimals: int) -> str:
    """Format a recomputed value with two more decimals than were reported (at least 3
    significant digits), so a reader can see where it rounds."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    places = max(decimals + 2, 3)
    return f"{value:.{places}f}"
