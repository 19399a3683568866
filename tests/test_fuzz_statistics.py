"""Property-based tests of the re-analysis: for any 2x2 table and any reported estimate, CI and
p-value, nothing raises, recomputed p-values are probabilities and intervals are ordered."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import event, given, settings
from hypothesis import strategies as st

from trialaudit import ci_geometry, schemas, tables, twobytwo
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

LEVEL = st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999])


@st.composite
def two_by_two(draw, max_n: int = 5000) -> tuple[int, int, int, int]:
    """(a, n1, c, n2) with 0 <= a <= n1 and 0 <= c <= n2, zero cells included."""
    n1, n2 = draw(st.integers(1, max_n)), draw(st.integers(1, max_n))
    return draw(st.integers(0, n1)), n1, draw(st.integers(0, n2)), n2


def _reported(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


@st.composite
def comparison_sentence(draw) -> str:
    """A sentence reporting two arms' counts, an estimate with its CI and a p-value, as the
    seeds print them; the reported numbers are drawn freely (consistent or not)."""
    a, n1, c, n2 = draw(two_by_two(max_n=500))
    measure = draw(st.sampled_from(["OR", "RR", "HR", "odds ratio", "risk ratio"]))
    ratio = draw(st.floats(0.001, 200, allow_nan=False))
    low, high = sorted(draw(st.floats(0.0005, 500, allow_nan=False)) for _ in range(2))
    if draw(st.booleans()):
        low, high = high, low  # reversed limits happen in print
    p = draw(st.one_of(st.floats(0, 1), st.sampled_from([0.0, 1.0, 0.05, 1e-4])))
    comparator = draw(st.sampled_from(["=", "<", ">", "≤"]))
    digits = draw(st.integers(1, 3))
    return (
        f"Deaths were {a}/{n1} ({100 * a / n1:.1f}%) in the MSC group and {c}/{n2} "
        f"({100 * c / n2:.1f}%) in the control group ({measure} {_reported(ratio, digits)}, "
        f"95% CI {_reported(low, digits)}-{_reported(high, digits)}; p {comparator} "
        f"{_reported(p, draw(st.integers(1, 4)))})."
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(comparison_sentence(), min_size=1, max_size=3), LEVEL, st.sampled_from([0.5, 1]))
def test_checks_of_any_comparison_are_probabilities_and_ordered_intervals(
    sentences, level, correction
):
    text = " ".join(sentences)
    extraction = extract_document("fuzz", text)
    rows = check_document(
        extraction.statistics,
        extraction.comparisons,
        Settings(ci_level=level, continuity_correction=correction),
    )
    for row in rows:
        event(f"{row['check']}: {row['verdict']}")
        value, low, high = (
            math.nan if row[k] is None else float(row[k])
            for k in ("recomputed_value", "recomputed_low", "recomputed_high")
        )
        if row["check"].startswith("p_vs"):
            assert all(math.isnan(p) or 0 <= p <= 1 for p in (value, low, high)), row
        if not (math.isnan(low) or math.isnan(high)):
            assert low <= high, row
        assert text[row["span_start"] : row["span_end"]] == row["source_text"]
    if rows:
        tables.frame(rows, schemas.ChecksTable)


@settings(max_examples=1000, deadline=None)
@given(two_by_two(), LEVEL, st.sampled_from([0.5, 0.25, 1.0]))
def test_ratio_intervals_contain_their_estimate(table, level, correction):
    for function in (twobytwo.odds_ratio_wald, twobytwo.risk_ratio_wald):
        estimate, low, high = (float(v) for v in function(*table, level, correction))
        if all(math.isfinite(v) for v in (estimate, low, high)):
            assert 0 <= low <= estimate * (1 + 1e-9) and estimate <= high * (1 + 1e-9)
    rd, low, high = (float(v) for v in twobytwo.risk_difference_wald(*table, level))
    assert -1 <= rd <= 1
    assert low <= rd + 1e-12 and rd <= high + 1e-12


@settings(max_examples=300, deadline=None)
@given(two_by_two(max_n=3000))
def test_recomputed_p_values_are_probabilities(table):
    for method, p in twobytwo.p_values(*table).items():
        assert 0 <= p <= 1 or np.isnan(p), (method, p)


_POSITIVE = st.floats(1e-6, 1e6, allow_nan=False)


@settings(max_examples=1000, deadline=None)
@given(_POSITIVE, _POSITIVE, _POSITIVE, st.floats(0, 0.5), LEVEL, st.booleans())
def test_p_implied_by_a_ci_is_a_probability_range(estimate, lower, upper, slack, level, log):
    ranges = [(v * (1 - slack / 10), v * (1 + slack / 10)) for v in (estimate, lower, upper)]
    low, high = ci_geometry.p_from_ci(*ranges, level=level, log_scale=log)
    if not (math.isnan(low) and math.isnan(high)):
        assert 0 <= low <= high <= 1
