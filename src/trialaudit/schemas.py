"""pandera models: the one place where every table's columns, types and invariants are defined."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

STATUSES = ["ok", "quarantined", "excluded"]
STATISTIC_KINDS = [
    "count",
    "percentage",
    "ratio",
    "difference",
    "median",
    "mean",
    "p_value",
    "test",
    "sample_size",
    "arm_size",
]
FACT_KINDS = [
    "registration",
    "doi",
    "design",
    "dose",
    "follow_up",
    "journal",
    "year",
    "schedule",
    "allocation",
]
# The stage a number of people counts (arm and sample sizes); '' when the text does not say.
POPULATIONS = ["", "screened", "enrolled", "randomized", "treated", "analysed"]
# Where a statistic's time point was read: its sentence, the bracket of a "days 28 (...), 90
# (...)" list, an earlier statistic of its paragraph, or its study's title ("3-year follow-up").
TIMEPOINT_SOURCES = ["", "sentence", "bracket", "paragraph", "title"]
VERDICTS = ["consistent", "inconsistent", "not_checkable"]


class _Strict(pa.DataFrameModel):
    """Exactly these columns, in this order, coerced to these types. Text columns are never
    null: a missing text is the empty string, so that CSV round trips are lossless."""

    class Config:
        strict = True
        coerce = True
        ordered = True


class _Span(_Strict):
    """Provenance checks of tables with source_text, span_start and span_end columns."""

    @pa.dataframe_check(error="span_end must not precede span_start")
    def span_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["span_end"] >= df["span_start"]

    @pa.dataframe_check(error="source_text length must equal span_end - span_start")
    def span_length(cls, df: pd.DataFrame) -> Series[bool]:
        return df["source_text"].str.len() == df["span_end"] - df["span_start"]


class DocumentsTable(_Strict):
    """Every file under data/raw/, read or not, with what became of it."""

    doc_id: Series[str] = pa.Field(unique=True)
    file_name: Series[str] = pa.Field(unique=True)
    shard: Series[str]
    status: Series[str] = pa.Field(isin=STATUSES)
    reason: Series[str]
    encoding: Series[str]
    size_bytes: Series[int] = pa.Field(ge=0)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    n_characters: Series[int] = pa.Field(ge=0)
    n_statistics: Series[int] = pa.Field(ge=0)
    n_studies: Series[int] = pa.Field(ge=0)


class QuarantineTable(_Strict):
    """Files that could not be read as documents, each with a reason a person understands."""

    doc_id: Series[str] = pa.Field(unique=True)
    file_name: Series[str]
    reason: Series[str] = pa.Field(str_length={"min_value": 1})


class TextsTable(_Strict):
    """Decoded text of each readable document (intermediate, per shard)."""

    doc_id: Series[str] = pa.Field(unique=True)
    file_name: Series[str]
    shard: Series[str]
    status: Series[str] = pa.Field(isin=STATUSES)
    reason: Series[str]
    encoding: Series[str]
    size_bytes: Series[int] = pa.Field(ge=0)
    sha256: Series[str]
    text: Series[str]
    normalized: Series[str]

    @pa.dataframe_check(error="normalization must preserve length (offsets are shared)")
    def same_length(cls, df: pd.DataFrame) -> Series[bool]:
        return df["text"].str.len() == df["normalized"].str.len()


class RejectedTable(_Strict):
    """Documents whose extracted rows failed validation; they are quarantined, not dropped."""

    doc_id: Series[str] = pa.Field(unique=True)
    reason: Series[str] = pa.Field(str_length={"min_value": 1})


class StatisticsTable(_Span):
    """One row per extracted statistic, with its exact span (the output contract)."""

    doc_id: Series[str]
    stat_id: Series[int] = pa.Field(ge=0)
    study_id: Series[str]
    kind: Series[str] = pa.Field(isin=STATISTIC_KINDS)
    measure: Series[str]
    arm: Series[str]
    outcome: Series[str]
    timepoint: Series[str]
    timepoint_days: Series[float] = pa.Field(nullable=True, ge=0)
    timepoint_source: Series[str] = pa.Field(isin=TIMEPOINT_SOURCES)
    subgroup: Series[str]
    population: Series[str] = pa.Field(isin=POPULATIONS)
    value_text: Series[str]
    value: Series[float] = pa.Field(nullable=True)
    unit: Series[str]
    ci_level: Series[float] = pa.Field(nullable=True, gt=0, lt=1)
    ci_low_text: Series[str]
    ci_high_text: Series[str]
    ci_low: Series[float] = pa.Field(nullable=True)
    ci_high: Series[float] = pa.Field(nullable=True)
    numerator: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    denominator: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    denominator_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    percent_text: Series[str]
    percent: Series[float] = pa.Field(nullable=True)
    comparator: Series[str]
    test_type: Series[str]
    df1: Series[float] = pa.Field(nullable=True, ge=0)
    df2: Series[float] = pa.Field(nullable=True, ge=0)
    spread_kind: Series[str]
    spread_low_text: Series[str]
    spread_high_text: Series[str]
    spread_low: Series[float] = pa.Field(nullable=True)
    spread_high: Series[float] = pa.Field(nullable=True)
    refers_to: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    sentence_start: Series[int] = pa.Field(ge=0)
    sentence_end: Series[int] = pa.Field(ge=0)
    flags: Series[str]
    source_text: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(error="a count's numerator exceeds its denominator without a flag")
    def numerator_within_denominator(cls, df: pd.DataFrame) -> Series[bool]:
        over = (df["numerator"] > df["denominator"]).fillna(False)
        return ~over | df["flags"].str.contains("numerator_exceeds_denominator")

    @pa.dataframe_check(error="a CI's lower limit exceeds its upper limit without a flag")
    def ci_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        reversed_ci = (df["ci_low"] > df["ci_high"]).fillna(False)
        return ~reversed_ci | df["flags"].str.contains("ci_lower_above_upper")

    @pa.dataframe_check(error="a p-value outside [0, 1] without a flag")
    def p_in_unit_interval(cls, df: pd.DataFrame) -> Series[bool]:
        is_p = df["kind"] == "p_value"
        bad = is_p & df["value"].notna() & ~df["value"].between(0, 1)
        return ~bad | df["flags"].str.contains("p_outside_unit_interval")


class ComparisonsTable(_Strict):
    """Between-arm comparisons: which counts (binary) or summaries such as medians
    (continuous, ``summary_*_stat_id``), estimate and p-value belong together; ``total_*`` are
    the arm sizes the comparison rests on."""

    doc_id: Series[str]
    comparison_id: Series[int] = pa.Field(ge=0)
    study_id: Series[str]
    kind: Series[str] = pa.Field(isin=["binary", "continuous"])
    subgroup: Series[str]
    outcome: Series[str]
    timepoint: Series[str]
    arm_1: Series[str]
    arm_2: Series[str]
    events_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    events_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    events_1_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    total_1_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    events_2_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    total_2_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    summary_1_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    summary_2_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    effect_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    p_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)


class ArmsTable(_Span):
    """Arms of each study with the size the text gives them (one row per size statement:
    subgroup and population say whom the number counts)."""

    doc_id: Series[str]
    study_id: Series[str]
    arm: Series[str]
    arm_key: Series[str]
    role: Series[str] = pa.Field(isin=["intervention", "control"])
    subgroup: Series[str]
    population: Series[str] = pa.Field(isin=POPULATIONS)
    n: Series[int] = pa.Field(ge=0)
    timepoint: Series[str]
    stat_id: Series[int] = pa.Field(ge=0)
    source_text: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)


class FactsTable(_Span):
    """Study facts that are not statistics (registration, DOI, design, dose, follow-up)."""

    doc_id: Series[str]
    study_id: Series[str]
    fact: Series[str] = pa.Field(isin=FACT_KINDS)
    value: Series[str]
    number: Series[float] = pa.Field(nullable=True)
    source_text: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)


class StudiesTable(_Strict):
    """Studies reported in each document: what the text says about each (details with their
    spans are in the facts table) and the stretch of text (``segments``) that belongs to it."""

    doc_id: Series[str]
    study_id: Series[str]
    title: Series[str]
    title_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    title_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    authors: Series[str]
    authors_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    authors_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    journal: Series[str]
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1900, le=2100)
    registrations: Series[str]
    designs: Series[str]
    doi: Series[str]
    sample_size: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    dose: Series[float] = pa.Field(nullable=True, ge=0)
    follow_up: Series[str]
    segments: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)


class ChecksTable(_Strict):
    """One row per check of a reported value (the output contract)."""

    doc_id: Series[str]
    check_id: Series[int] = pa.Field(ge=0)
    stat_id: Series[int] = pa.Field(ge=0)
    comparison_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    check: Series[str]
    reported: Series[str]
    recomputed: Series[str]
    reported_value: Series[float] = pa.Field(nullable=True)
    recomputed_value: Series[float] = pa.Field(nullable=True)
    recomputed_low: Series[float] = pa.Field(nullable=True)
    recomputed_high: Series[float] = pa.Field(nullable=True)
    method: Series[str]
    verdict: Series[str] = pa.Field(isin=VERDICTS)
    decision_error: Series[pd.BooleanDtype] = pa.Field(nullable=True)
    approximate: Series[bool]
    note: Series[str]
    source_text: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)
    assumption: Series[str]
    flag: Series[str]
    log10_p_ratio: Series[float] = pa.Field(nullable=True)


class ReanalysisTable(_Strict):
    """One row per 2x2 comparison: every standard method's estimate, CI and p from the counts
    (OR: Woolf, conditional MLE with Fisher CI, median-unbiased with mid-p CI; RR: Katz, Koopman
    and Miettinen-Nurminen score; RD: Wald, Newcombe), fragility indices, best/worst case for
    patients not analysed and arm sizes inferred from the printed p."""

    doc_id: Series[str]
    comparison_id: Series[int] = pa.Field(ge=0)
    study_id: Series[str]
    outcome: Series[str]
    timepoint: Series[str]
    arm_1: Series[str]
    arm_2: Series[str]
    events_1: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    total_1: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    events_2: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    total_2: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    or_wald: Series[float] = pa.Field(nullable=True)
    or_wald_low: Series[float] = pa.Field(nullable=True)
    or_wald_high: Series[float] = pa.Field(nullable=True)
    or_fisher: Series[float] = pa.Field(nullable=True)
    or_fisher_low: Series[float] = pa.Field(nullable=True)
    or_fisher_high: Series[float] = pa.Field(nullable=True)
    or_midp: Series[float] = pa.Field(nullable=True)
    or_midp_low: Series[float] = pa.Field(nullable=True)
    or_midp_high: Series[float] = pa.Field(nullable=True)
    rr_wald: Series[float] = pa.Field(nullable=True)
    rr_wald_low: Series[float] = pa.Field(nullable=True)
    rr_wald_high: Series[float] = pa.Field(nullable=True)
    rr_koopman: Series[float] = pa.Field(nullable=True)
    rr_koopman_low: Series[float] = pa.Field(nullable=True)
    rr_koopman_high: Series[float] = pa.Field(nullable=True)
    rr_mn: Series[float] = pa.Field(nullable=True)
    rr_mn_low: Series[float] = pa.Field(nullable=True)
    rr_mn_high: Series[float] = pa.Field(nullable=True)
    rd_wald: Series[float] = pa.Field(nullable=True)
    rd_wald_low: Series[float] = pa.Field(nullable=True)
    rd_wald_high: Series[float] = pa.Field(nullable=True)
    rd_newcombe: Series[float] = pa.Field(nullable=True)
    rd_newcombe_low: Series[float] = pa.Field(nullable=True)
    rd_newcombe_high: Series[float] = pa.Field(nullable=True)
    p_fisher: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    p_midp: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    p_chi2: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    p_yates: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    zero_cell: Series[pd.BooleanDtype] = pa.Field(nullable=True)
    fragility_index: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    reverse_fragility_index: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    fragility_arm: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=[1, 2])
    inferred_total: Series[str]
    randomized_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    randomized_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    attrition_or_low: Series[float] = pa.Field(nullable=True)
    attrition_or_high: Series[float] = pa.Field(nullable=True)
    attrition_p_low: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    attrition_p_high: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    significance_can_change: Series[pd.BooleanDtype] = pa.Field(nullable=True)
    note: Series[str]


class DocumentSummaryTable(_Strict):
    """Per file: status, statistics extracted and checks by verdict (results/tables/summary.csv)."""

    doc_id: Series[str] = pa.Field(unique=True)
    file_name: Series[str]
    status: Series[str] = pa.Field(isin=STATUSES)
    n_statistics: Series[int] = pa.Field(ge=0)
    consistent: Series[int] = pa.Field(ge=0)
    inconsistent: Series[int] = pa.Field(ge=0)
    not_checkable: Series[int] = pa.Field(ge=0)


COMPARATORS = ["", "=", "<", ">", "≤", "≥", "NS"]
SPREAD_KINDS = ["", "IQR", "range", "SD", "SE"]
TEST_TYPES = ["", "t", "F", "chi2", "r", "z", "Q"]
SCORED_CORPORA = ["seeds", "snippets", "facts"]


class GoldStatisticsTable(_Span):
    """Hand-annotated statistics (tests/gold/): what a reviewer extracting by hand records."""

    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=STATISTIC_KINDS)
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)
    value: Series[float] = pa.Field(nullable=True)
    numerator: Series[float] = pa.Field(nullable=True, ge=0)
    denominator: Series[float] = pa.Field(nullable=True, ge=0)
    percent: Series[float] = pa.Field(nullable=True)
    ci_low: Series[float] = pa.Field(nullable=True)
    ci_high: Series[float] = pa.Field(nullable=True)
    measure: Series[str]
    comparator: Series[str] = pa.Field(isin=COMPARATORS)
    spread_kind: Series[str] = pa.Field(isin=SPREAD_KINDS)
    spread_low: Series[float] = pa.Field(nullable=True)
    spread_high: Series[float] = pa.Field(nullable=True)
    test_type: Series[str] = pa.Field(isin=TEST_TYPES)
    df1: Series[float] = pa.Field(nullable=True, ge=0)
    df2: Series[float] = pa.Field(nullable=True, ge=0)
    study: Series[str] = pa.Field(str_matches=r"^S\d+$")
    arm: Series[str]
    outcome: Series[str]
    timepoint: Series[str]
    note: Series[str]


class GoldFactsTable(_Span):
    """Hand-annotated mentions of study facts (tests/gold/seed_facts.csv)."""

    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    study: Series[str] = pa.Field(str_matches=r"^S\d+$")
    fact: Series[str] = pa.Field(isin=FACT_KINDS)
    value: Series[str] = pa.Field(str_length={"min_value": 1})
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)
    note: Series[str]


class ExtractionScoresTable(_Strict):
    """Extraction precision and recall per corpus and kind against the gold standard, with the
    share of matched rows whose study, arm, outcome and time point agree (``*_n`` rows had one
    in the gold)."""

    corpus: Series[str] = pa.Field(isin=SCORED_CORPORA)
    kind: Series[str]
    gold: Series[int] = pa.Field(ge=0)
    predicted: Series[int] = pa.Field(ge=0)
    matched: Series[int] = pa.Field(ge=0)
    precision: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    recall: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    f1: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    study_n: Series[int] = pa.Field(ge=0)
    study_accuracy: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    arm_n: Series[int] = pa.Field(ge=0)
    arm_accuracy: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    outcome_n: Series[int] = pa.Field(ge=0)
    outcome_accuracy: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    timepoint_n: Series[int] = pa.Field(ge=0)
    timepoint_accuracy: Series[float] = pa.Field(nullable=True, ge=0, le=1)

    @pa.dataframe_check(error="more rows matched than there are gold or predicted rows")
    def matched_within_counts(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["matched"] <= df["gold"]) & (df["matched"] <= df["predicted"])
