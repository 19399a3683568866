"""Normal tails and quantiles through scipy.special (``ndtr``, ``ndtri``): the functions
scipy.stats.norm calls, without its per-call argument handling. The 2x2 tests themselves are in
twobytwo.py."""

from __future__ import annotations

import functools

import numpy as np
from scipy import special


def normal_two_sided(z):
    """Return 2 * P(Z > |z|) for a standard normal Z (scipy.stats.norm.sf's ``ndtr``)."""
    return 2.0 * special.ndtr(-np.abs(np.asarray(z, dtype=float)))


@functools.lru_cache(maxsize=64)
def normal_quantile(level: float) -> float:
    """Return the two-sided critical value of a ``level`` interval (1.959964 for 0.95)."""
    return float(special.ndtri(0.5 + level / 2))
