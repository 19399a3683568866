"""The meta-analysis agrees with R's metafor (tests/fixtures/metafor/, made by
make_metafor_fixtures.R, which records the exact call behind every reference value)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from trialaudit import meta

FIXTURES = Path(__file__).parent / "fixtures" / "metafor"
DATASETS = pd.read_csv(FIXTURES / "datasets.csv")
ESCALC = pd.read_csv(FIXTURES / "escalc.csv")
RMA = pd.read_csv(FIXTURES / "rma.csv")
# "Agree to 4 significant digits": relative difference below 5e-5 (a tenth of the rounding
# unit), or an absolute one below 1e-9 for values that are zero up to metafor's convergence.
REL, ABS = 5e-5, 1e-9


def agree(ours: float, theirs: float) -> bool:
    if math.isnan(theirs):
        return math.isnan(ours)
    return math.isclose(ours, theirs, rel_tol=REL, abs_tol=ABS)


def counts_of(dataset: str) -> meta.Counts:
    d = DATASETS[DATASETS["dataset"] == dataset]
    return meta.Counts.of(d["ai"], d["n1i"], d["ci"], d["n2i"])


@pytest.mark.parametrize(
    ("dataset", "measure"), sorted(ESCALC[["dataset", "measure"]].drop_duplicates().values.tolist())
)
def test_effect_sizes_match_escalc(dataset, measure):
    ref = ESCALC[(ESCALC["dataset"] == dataset) & (ESCALC["measure"] == measure)]
    yi, vi = meta.effect_sizes(counts_of(dataset), measure)
    np.testing.assert_allclose(yi, ref["yi"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(vi, ref["vi"], rtol=1e-10)


COLUMNS = [
    "k",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "zval",
    "pval",
    "tau2",
    "i2",
    "h2",
    "q",
    "q_df",
    "q_p",
    "pi_low",
    "pi_high",
]
OURS = {"zval": "statistic"}


@pytest.mark.parametrize(
    "row",
    RMA.to_dict(orient="records"),
    ids=lambda r: "-".join(str(r[c]) for c in ("dataset", "measure", "method", "test")),
)
def test_pooled_estimates_match_metafor(row):
    counts = counts_of(row["dataset"])
    if row["method"] == "MH":
        ours = meta.mantel_haenszel(counts, row["measure"])
    else:
        ours = meta.random_effects(counts, row["measure"], row["method"], row["test"])
    got = ours.as_dict()
    wrong = {
        column: (got[OURS.get(column, column)], row[column])
        for column in COLUMNS
        if not agree(float(got[OURS.get(column, column)]), float(row[column]))
    }
    assert not wrong, f"{row['call']}: ours vs metafor {wrong}"


def test_bcg_published_values():
    """The BCG numbers every meta-analysis text quotes (REML RR 0.489, 0.344-0.696)."""
    pooled = meta.random_effects(counts_of("bcg"), "RR", "REML")
    assert f"{math.exp(pooled.estimate):.3f}" == "0.489"
    assert f"{math.exp(pooled.ci_low):.3f}" == "0.344"
    assert f"{math.exp(pooled.ci_high):.3f}" == "0.696"
    assert f"{pooled.tau2:.3f}" == "0.313"
    assert f"{pooled.i2:.1f}" == "92.2"


def test_one_study_is_not_pooled():
    with pytest.raises(meta.MetaAnalysisError, match="at least two"):
        meta.random_effects(meta.Counts.of([1], [10], [2], [10]), "OR")


def test_bad_counts_are_refused():
    with pytest.raises(meta.MetaAnalysisError, match="outside"):
        meta.Counts.of([11, 1], [10, 10], [2, 2], [10, 10])
    with pytest.raises(meta.MetaAnalysisError, match="no patients"):
        meta.Counts.of([0, 1], [0, 10], [2, 2], [10, 10])


def test_unknown_method_is_named():
    counts = counts_of("pair")
    with pytest.raises(meta.MetaAnalysisError, match="HS"):
        meta.random_effects(counts, "OR", "HS")


@pytest.mark.parametrize("scale", [2, 3, 7])
@pytest.mark.parametrize("measure", ["OR", "RR", "RD"])
@pytest.mark.parametrize("method", ["FE", "REML", "DL", "PM"])
def test_q_of_agreeing_trials_is_not_negative(scale, measure, method):
    # 10/50 vs 20/50 and the same proportions in larger arms: every estimate agrees, Q = 0
    # (statsmodels' Q came out at -7.1e-15 for scale 7, which failed the table's model)
    counts = meta.Counts.of([10, 10 * scale], [50, 50 * scale], [20, 20 * scale], [50, 50 * scale])
    pooled = meta.random_effects(counts, measure, method)
    assert pooled.q >= 0 and pooled.h2 >= 0
    assert pooled.q == pytest.approx(0, abs=1e-9)
