"""pandera models: the one place where every table's columns, types and invariants are defined."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .vocabulary import CLUSTERS

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
    "nnt",
    "rate",
    "effect_size",
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
# (...)" list, an earlier statistic of its paragraph, its study's title ("3-year follow-up"), or
# the "Time Frame:" (else "Title:") line of its section of a registry record.
TIMEPOINT_SOURCES = [
    "",
    "sentence",
    "bracket",
    "paragraph",
    "title",
    "time_frame",
    "change_start",
    "outcome_definition",
    "table_caption",
]
VERDICTS = ["consistent", "inconsistent", "not_checkable"]
# What a trial randomized: individuals ('') or clusters of them.
ALLOCATION_UNITS = ["", CLUSTERS]


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
    # for a size stated once for every arm ("40 cases in each group"): how many arms the text
    # says there are, when it says
    arm_count: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=2)
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
    # the person-time of a rate's events ("35 events in 1,200 person-years"), in its unit
    person_time: Series[float] = pa.Field(nullable=True, gt=0)
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
    # an estimate of another measure printed right after the first (a risk ratio, then the
    # risk difference), checked against the same counts
    second_effect_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    p_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    # the chi-square statistic printed after the counts, with or without a p-value
    test_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    # "clusters" when the study's text gives arm sizes in clusters (a cluster-randomised trial)
    allocation_unit: Series[str] = pa.Field(isin=ALLOCATION_UNITS)


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
    and Miettinen-Nurminen score; RD: Wald, Newcombe, Miettinen-Nurminen score), fragility
    indices, best/worst case for patients not analysed and arm sizes inferred from the printed
    p."""

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
    rd_mn: Series[float] = pa.Field(nullable=True)
    rd_mn_low: Series[float] = pa.Field(nullable=True)
    rd_mn_high: Series[float] = pa.Field(nullable=True)
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


TRIAL_RELATIONS = ["reports", "quotes", "mentions"]
LINKED_BY = ["registration", "doi", "similarity", "own study"]
EVIDENCE_KINDS = [
    "registration",
    "doi",
    "arm_size",
    "total_n",
    "design",
    "generic_design",
    "dose",
    "title",
    "author",
]


class TrialsTable(_Strict):
    """Which trial each study of each document reports (or quotes), how it was linked and the
    evidence in words (results/tables/trials.csv; spans in trial_evidence.csv)."""

    trial_id: Series[str]
    trial_label: Series[str]
    registrations: Series[str]
    doc_id: Series[str]
    study_id: Series[str]
    relation: Series[str] = pa.Field(isin=TRIAL_RELATIONS)
    linked_by: Series[str] = pa.Field(isin=LINKED_BY)
    linked_to_doc_id: Series[str]
    linked_to_study_id: Series[str]
    score: Series[float] = pa.Field(nullable=True, ge=0)
    evidence: Series[str]
    title: Series[str]

    @pa.dataframe_check(error="a study reports more than one trial")
    def one_trial_per_study(cls, df: pd.DataFrame) -> Series[bool]:
        reports = df[df["relation"] == "reports"]
        twice = reports.duplicated(["doc_id", "study_id"], keep=False)
        return ~twice.reindex(df.index, fill_value=False)


class TrialEvidenceTable(_Strict):
    """One row per piece of evidence behind a link, with its span in both documents."""

    trial_id: Series[str]
    doc_id: Series[str]
    study_id: Series[str]
    other_doc_id: Series[str]
    other_study_id: Series[str]
    kind: Series[str] = pa.Field(isin=EVIDENCE_KINDS)
    value: Series[str]
    weight: Series[float] = pa.Field(ge=0)
    source_text: Series[str]
    span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    other_source_text: Series[str]
    other_span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    other_span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check(error="source_text length must equal span_end - span_start")
    def span_length(cls, df: pd.DataFrame) -> Series[bool]:
        length = (df["span_end"] - df["span_start"]).fillna(0)
        other = (df["other_span_end"] - df["other_span_start"]).fillna(0)
        return (df["source_text"].str.len() == length) & (
            df["other_source_text"].str.len() == other
        )


class OutcomeGroupsTable(_Strict):
    """Every outcome wording and the group it was put in, with who decided
    (results/tables/outcome_groups.csv)."""

    wording: Series[str] = pa.Field(unique=True)
    normalized: Series[str]
    outcome_key: Series[str]
    inverted: Series[bool]
    decided_by: Series[str]
    note: Series[str]
    n_statistics: Series[int] = pa.Field(ge=0)
    n_comparisons: Series[int] = pa.Field(ge=0)
    n_documents: Series[int] = pa.Field(ge=0)
    documents: Series[str]
    first_doc_id: Series[str]
    first_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)


class HarmonizedComparisonsTable(_Strict):
    """Comparisons under their outcome key; ``events_*_analysed`` are the events counted in the
    key's direction (the complement where the wording is inverted, e.g. survivors)."""

    doc_id: Series[str]
    comparison_id: Series[int] = pa.Field(ge=0)
    study_id: Series[str]
    kind: Series[str] = pa.Field(isin=["binary", "continuous"])
    subgroup: Series[str]
    outcome: Series[str]
    outcome_key: Series[str]
    inverted: Series[bool]
    timepoint: Series[str]
    arm_1: Series[str]
    arm_2: Series[str]
    events_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    events_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    events_1_analysed: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    events_2_analysed: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    effect_stat_id: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    allocation_unit: Series[str] = pa.Field(isin=ALLOCATION_UNITS)


class TimelineTable(_Strict):
    """Patients per arm of each trial at randomization and at each reported time point, with
    attrition and the flags a reviewer looks for (results/tables/timeline.csv)."""

    trial_id: Series[str]
    arm: Series[str]
    arm_label: Series[str]
    role: Series[str] = pa.Field(isin=["intervention", "control"])
    timepoint: Series[str]
    days: Series[float] = pa.Field(nullable=True, ge=0)
    timepoint_source: Series[str]
    population: Series[str]
    n: Series[int] = pa.Field(ge=0)
    n_reported: Series[str]
    randomized: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    lost: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    attrition: Series[float] = pa.Field(nullable=True, le=1)
    attrition_difference: Series[float] = pa.Field(nullable=True)
    attrition_p: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    differential: Series[bool]
    flags: Series[str]
    doc_id: Series[str]
    stat_id: Series[int] = pa.Field(ge=0)
    source_text: Series[str]
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int] = pa.Field(ge=0)


class MetaInputsTable(_Strict):
    """Every 2x2 table that could enter a meta-analysis, whether it did and why not
    (results/tables/meta_inputs.csv); yi/vi as metafor's escalc (1/2 added to zero cells)."""

    outcome: Series[str]
    trial_id: Series[str]
    doc_id: Series[str]
    study_id: Series[str]
    comparison_ids: Series[str]
    timepoint: Series[str]
    arm_1: Series[str]
    arm_2: Series[str]
    events_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_1: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    events_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    total_2: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    used: Series[bool]
    reason: Series[str]
    note: Series[str]
    or_yi: Series[float] = pa.Field(nullable=True)
    or_vi: Series[float] = pa.Field(nullable=True, gt=0)
    rr_yi: Series[float] = pa.Field(nullable=True)
    rr_vi: Series[float] = pa.Field(nullable=True, gt=0)
    rd_yi: Series[float] = pa.Field(nullable=True)
    rd_vi: Series[float] = pa.Field(nullable=True, ge=0)


class MetaAnalysisTable(_Strict):
    """One row per outcome, measure and model (results/tables/meta_analysis.csv): estimate and
    intervals on the reading scale (ratios as ratios), coef and se on the model scale (log for
    OR/RR), heterogeneity as metafor reports it (i2 in percent)."""

    outcome: Series[str]
    measure: Series[str] = pa.Field(isin=["OR", "RR", "RD"])
    model: Series[str] = pa.Field(isin=["random", "common"])
    method: Series[str] = pa.Field(isin=["REML", "DL", "PM", "MH", "IV"])
    test: Series[str] = pa.Field(isin=["z", "knha"])
    k: Series[int] = pa.Field(ge=2)
    estimate: Series[float] = pa.Field(nullable=True)
    ci_low: Series[float] = pa.Field(nullable=True)
    ci_high: Series[float] = pa.Field(nullable=True)
    pi_low: Series[float] = pa.Field(nullable=True)
    pi_high: Series[float] = pa.Field(nullable=True)
    coef: Series[float] = pa.Field(nullable=True)
    se: Series[float] = pa.Field(nullable=True, ge=0)
    statistic: Series[float] = pa.Field(nullable=True)
    pval: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    tau2: Series[float] = pa.Field(nullable=True, ge=0)
    tau: Series[float] = pa.Field(nullable=True, ge=0)
    i2: Series[float] = pa.Field(nullable=True, ge=0, le=100)
    h2: Series[float] = pa.Field(nullable=True, ge=0)
    q: Series[float] = pa.Field(nullable=True, ge=0)
    q_df: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    q_p: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    trials: Series[str]
    note: Series[str]


COMPARATORS = ["", "=", "<", ">", "≤", "≥", "NS"]
SPREAD_KINDS = ["", "IQR", "range", "SD", "SE"]
TEST_TYPES = ["", "t", "F", "chi2", "r", "z", "Q"]
SCORED_CORPORA = ["seeds", "snippets", "heldout-dev", "heldout-test", "facts"]


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
