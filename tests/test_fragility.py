"""Fragility and reverse fragility indices against fisher.test loops in R
(tests/fixtures/fragility_reference.R)."""

from __future__ import annotations

import math

import pytest
from reference import close, rows

from trialaudit.fragility import Fragility, fragility

REFERENCE = rows("fragility_reference.csv")
IDS = [f"{int(r['a'])}/{int(r['n1'])} vs {int(r['c'])}/{int(r['n2'])}" for r in REFERENCE]


@pytest.mark.parametrize("row", REFERENCE, ids=IDS)
def test_index_matches_r(row):
    result = fragility(int(row["a"]), int(row["n1"]), int(row["c"]), int(row["n2"]))
    assert isinstance(result, Fragility)
    assert close(result.p_value, row["fisher_p"], rel=1e-9)
    assert result.significant == row["significant"]
    expected = None if math.isnan(row["index"]) else int(row["index"])
    assert result.index == expected


def test_walsh_definition_by_hand():
    """1/30 vs 9/31: p = 0.012; one more event in arm 1 gives p = 0.026, two give 0.05+."""
    result = fragility(1, 30, 9, 31)
    assert result.significant and result.arm == 1 and result.index == 2


@pytest.mark.parametrize("table", [(5, 3, 1, 4), (0, 0, 1, 4), (-1, 3, 1, 4)])
def test_odd_tables_give_a_reason(table):
    assert isinstance(fragility(*table), str)
