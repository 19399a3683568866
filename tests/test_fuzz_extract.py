"""Property-based tests of the extractor and the re-analysis on generated trial prose: no input
raises, every row points at its source, impossible values are flagged, recomputed p-values are
probabilities and recomputed intervals are ordered."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from trialaudit import schemas, tables
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

# Numbers as trial reports print them, including the impossible and the absurd.
INTEGER = st.one_of(st.integers(0, 120), st.integers(0, 10**6), st.integers(10**17, 10**30)).map(
    str
)
DECIMAL = st.one_of(
    st.floats(0, 1, allow_nan=False).map(lambda v: f"{v:.3f}"),
    st.floats(0, 100, allow_nan=False).map(lambda v: f"{v:.1f}"),
    st.floats(-50, 50, allow_nan=False).map(lambda v: f"{v:.2f}"),
    st.sampled_from([".03", "0·65", "1,234", "0,05", "1e-5", "−2.5", "3 × 10−4", "10^-6"]),
)
NUMBER = st.one_of(INTEGER, DECIMAL)
DASH = st.sampled_from(["-", "–", " to ", ", ", "—", "−"])
MEASURE = st.sampled_from(["OR", "RR", "HR", "aOR", "odds ratio", "risk ratio", "hazard ratio"])
ARM = st.sampled_from(["MSC group", "control group", "placebo group", "MSC + EV group"])


@st.composite
def fragment(draw) -> str:
    """One statistic-like phrase (or connective text) with drawn numbers."""
    n, x, y, z = (draw(NUMBER) for _ in range(4))
    a, b = draw(INTEGER), draw(INTEGER)
    templates = [
        f"{a}/{b} ({x}%)",
        f"{a} of {b} patients ({x}%)",
        f"{a}/{b} in the {draw(ARM)}",
        # A between-arm comparison as the seeds print it: counts, estimate, CI, p-value.
        f"{x}% ({a}/{b}) of patients in the MSC group and {y}% ({draw(INTEGER)}/"
        f"{draw(INTEGER)}) in the placebo group had the outcome ({draw(MEASURE)} = {z}, 95% CI: "
        f"{draw(NUMBER)}{draw(DASH)}{draw(NUMBER)}; p = {n})",
        f"Deaths were {a}/{b} in the MSC group and {draw(INTEGER)}/{draw(INTEGER)} in the "
        f"control group (p = {n})",
        f"{draw(MEASURE)} {x} (95% CI {y}{draw(DASH)}{z})",
        f"{draw(MEASURE)}, {x}; 95% CI, {y}{draw(DASH)}{z}; P = {n}",
        f"{draw(MEASURE)} {x} [{y}, {z}]",
        f"mean difference {x} (95% CI {y} to {z})",
        f"median {x} (IQR {y}{draw(DASH)}{z})",
        f"p = {x}",
        f"P < {x}",
        f"p{draw(st.sampled_from(['=', '<', '>', '≤']))}{n}",
        f"t({a}) = {x}, p = {y}",
        f"F({a}, {b}) = {x}, p = {y}",
        f"χ2({a}) = {x}, p = {y}",
        f"n = {a}",
        f"{a} patients were randomized to the {draw(ARM)} and {b} to the {draw(ARM)}",
        f"NCT{a}",
        f"{x} × 10^{a} cells/kg",
        "day 28",
        "mortality",
        "95% CI",
        "(",
        ")",
        ". ",
        "\n",
        draw(st.text(max_size=20)),
    ]
    return draw(st.sampled_from(templates))


DOCUMENT = st.lists(fragment(), min_size=1, max_size=25).map(
    lambda parts: " ".join(parts)
)  # fmt: skip
EXAMPLES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Validating five tables with pandera costs ~0.2 s per example.
VALIDATING = settings(EXAMPLES, max_examples=150)


@EXAMPLES
@given(DOCUMENT)
def test_extraction_never_raises_and_every_row_points_at_its_text(text):
    extraction = extract_document("fuzz", text)
    count = len(extraction.statistics)
    event(f"statistics: {count}" if count < 10 else "statistics: 10 or more")
    for table in ("statistics", "facts"):
        for row in getattr(extraction, table):
            assert text[row["span_start"] : row["span_end"]] == row["source_text"]
            assert 0 <= row["span_start"] <= row["span_end"] <= len(text)


@EXAMPLES
@given(DOCUMENT)
def test_impossible_values_are_flagged(text):
    for row in extract_document("fuzz", text).statistics:
        flags = row["flags"].split(";")
        num, den = row["numerator"], row["denominator"]
        if num is not None and den is not None and num > den:
            assert "numerator_exceeds_denominator" in flags, row
        lo, hi = row["ci_low"], row["ci_high"]
        if lo is not None and hi is not None and lo > hi:
            assert "ci_lower_above_upper" in flags, row
        if row["kind"] == "p_value" and row["value"] is not None:
            assert 0 <= row["value"] <= 1 or "p_outside_unit_interval" in flags, row


@VALIDATING
@given(DOCUMENT)
def test_extracted_rows_make_valid_tables_or_are_set_aside(text):
    """The tables the stage writes validate against their pandera models; rows that cannot
    (a count beyond 64-bit integers) are what extract_statistics quarantines, document by
    document, rather than losing the shard."""
    extraction = extract_document("fuzz", text)
    huge = any(
        (row.get(k) or 0) > 2**63 - 1
        for row in extraction.statistics
        for k in ("numerator", "denominator")
    )
    for name, model in (
        ("statistics", schemas.StatisticsTable),
        ("comparisons", schemas.ComparisonsTable),
        ("arms", schemas.ArmsTable),
        ("facts", schemas.FactsTable),
        ("studies", schemas.StudiesTable),
    ):
        try:
            tables.frame(getattr(extraction, name), model)
        except Exception:
            assert huge, f"{name} rows fail validation"


@EXAMPLES
@given(DOCUMENT, st.sampled_from([0.9, 0.95, 0.99]), st.sampled_from([0.5, 0.25, 1.0]))
def test_reanalysis_never_raises_and_gives_probabilities_and_ordered_intervals(
    text, level, correction
):
    extraction = extract_document("fuzz", text)
    if any(
        (row.get(k) or 0) > 2**63 - 1
        for row in extraction.statistics
        for k in ("numerator", "denominator")
    ):
        return  # such a document is quarantined before the checks (see above)
    statistics = [dict(row) for row in extraction.statistics]
    comparisons = [dict(row) for row in extraction.comparisons]
    rows = check_document(
        statistics, comparisons, Settings(ci_level=level, continuity_correction=correction)
    )
    for row in rows:
        event(f"check {row['check']}: {row['verdict']}")
        value, low, high = (
            _number(row[k]) for k in ("recomputed_value", "recomputed_low", "recomputed_high")
        )
        if row["check"].startswith("p_vs"):
            for p in (value, low, high):
                assert math.isnan(p) or 0 <= p <= 1, row
        if not (math.isnan(low) or math.isnan(high)):
            assert low <= high, row
    if rows:
        tables.frame(rows, schemas.ChecksTable)


def _number(value) -> float:
    return math.nan if value is None else float(value)
