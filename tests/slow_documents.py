"""Documents that take a known minimum of CPU time to extract, for tests of the time limit.

Extraction is linear in the length of text (issue 3), so a document is made slow by size: the
cost of a block is measured on this machine and the block repeated until the document needs at
least the CPU time asked for, however fast the extractor becomes.
"""

from __future__ import annotations

import functools
import math
import time

from trialaudit.extract import extract_document

BLOCK = "Deaths were 3 of 11 (27.3%) vs 8 of 24 (33.3%); OR 0.75 (95% CI 0.16-3.5), p = 0.70. " * 50


@functools.cache
def _seconds_per_block() -> float:
    start = time.process_time()
    for _ in range(3):
        extract_document("calibration", BLOCK)
    return (time.process_time() - start) / 3


def slow_text(cpu_seconds: float) -> str:
    """Return a text whose extraction needs at least ``cpu_seconds`` of CPU time (twice that
    by the calibration, for the margin)."""
    return BLOCK * math.ceil(2 * cpu_seconds / max(_seconds_per_block(), 1e-4))
