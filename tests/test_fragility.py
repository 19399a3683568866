"""Fragility and reverse fragility indices against fisher.test loops in R
(tests/fixtures/fragility_reference.R)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from reference import close, rows

import trialaudit.fragility as fragility_module
from trialaudit.fragility import Fragility, fragility, moves
from trialaudit.twobytwo import fisher_p

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


def _first_flip(a, n1, c, n2, arm, step, alpha, until_sig):
    """The definition, one scalar Fisher test per step: changes until significance flips."""
    events, size = (a, n1) if arm == 1 else (c, n2)
    for k in range(1, (size - events if step > 0 else events) + 1):
        moved = events + step * k
        table = (moved, n1, c, n2) if arm == 1 else (a, n1, moved, n2)
        if (fisher_p(*table) < alpha) == until_sig:
            return k
    return None


def _by_definition(a, n1, c, n2, alpha=0.05):
    significant = fisher_p(a, n1, c, n2) < alpha
    found = []
    for arm, step in moves(a, n1, c, n2, significant):
        k = _first_flip(a, n1, c, n2, arm, step, alpha, not significant)
        if k is not None:
            found.append((k, arm, "non-event to event" if step > 0 else "event to non-event"))
    return significant, (min(found) if found else (None, None, ""))


def test_batched_and_bounded_walks_give_the_definition():
    """Walks tested in batches, each stopping at the best index found so far, against every
    walk taken one Fisher test at a time: same index, arm and direction, ties included (equal
    arms and equal risks walk two or four ways)."""
    rng = np.random.default_rng(11)
    tables = [(3, 20, 3, 20), (0, 15, 0, 15), (12, 12, 30, 30), (5, 40, 5, 40), (1, 30, 9, 31)]
    for _ in range(400):
        n1, n2 = (int(v) for v in rng.integers(1, 120, 2))
        a = int(rng.integers(0, n1 + 1))
        c = a if rng.random() < 0.2 and a <= n2 else int(rng.integers(0, n2 + 1))
        tables.append((a, n1, c, n2))
    for table in tables:
        result = fragility.__wrapped__(*table)
        significant, (index, arm, direction) = _by_definition(*table)
        assert result.significant == significant, table
        assert (result.index, result.arm, result.direction) == (index, arm, direction), table


@pytest.mark.parametrize(
    "table",
    [
        (186, 50634, 141, 27338),
        (23, 49, 10, 29),
        (5, 120, 18, 118),
        (0, 40, 7, 41),
        (12, 300, 12, 300),
    ],
)
def test_the_walk_in_small_batches_finds_the_same_flip(monkeypatch, table):
    # BCG, Comstock 1974 (186/50,634 vs 141/27,338) took 18 GB in one batch before batches
    # were bounded; any bound must leave the index unchanged
    whole = fragility.__wrapped__(*table)
    sizes = []
    many = fragility_module.fisher_p_many

    def recorded(a, n1, c, n2):
        sizes.append(len(a))
        return many(a, n1, c, n2)

    monkeypatch.setattr(fragility_module, "MAX_BATCH_CELLS", 64)
    monkeypatch.setattr(fragility_module, "fisher_p_many", recorded)
    assert fragility.__wrapped__(*table) == whole
    assert max(sizes, default=0) <= max(1, 64 // (min(table[1], table[3]) + 1))
