"""Growth tests: is the work on 4x the input superlinear? Timed in CPU seconds of the test
process, so other processes on a busy machine do not count."""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_seconds(work: Callable[[], object], repeats: int = 3) -> float:
    """Return the shortest of ``repeats`` timings of ``work`` in CPU seconds of this process."""
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        timings.append(time.process_time() - start)
    return min(timings)


def grows_superlinearly(
    time_small: Callable[[], float], time_large: Callable[[], float], measurable: float = 0.0
) -> tuple[bool, float, float]:
    """Return (4x the input took more than 8x the time, the two timings): linear work takes
    about 4x, quadratic about 16x. What looks superlinear is timed once more before it is
    judged: quadratic work shows up every time, a stall of the machine does not. Below
    ``measurable`` seconds on the small input, growth is not judged."""
    for _ in range(2):
        small = time_small()
        if small < measurable:
            return False, small, small
        large = time_large()
        if large < 8 * small + 0.05:
            return False, small, large
    return True, small, large
