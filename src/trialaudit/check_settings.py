"""The analysis choices the checks depend on, apart from the checks themselves: the check
stage's own process builds them from the config without importing the checks (and scipy),
which only its worker child needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """The analysis choices a check depends on (from config/config.yaml)."""

    alpha: float = 0.05
    ci_level: float = 0.95
    continuity_correction: float = 0.5
    p_zero_error: bool = True
    one_tailed_from_text: bool = False
    denominator_search_max: int = 2000
