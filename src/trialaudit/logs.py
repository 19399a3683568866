"""Logging for workflow scripts: everything a stage says goes to its Snakemake log file."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def logged(path: str) -> Iterator[logging.Logger]:
    """Send logging and stderr to ``path`` for the duration of a stage; log any exception."""
    with open(path, "w", encoding="utf-8") as handle:
        handler = logging.StreamHandler(handle)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        previous, sys.stderr = sys.stderr, handle
        try:
            yield logging.getLogger("trialaudit")
        except BaseException:
            logging.getLogger("trialaudit").exception("stage failed")
            raise
        finally:
            sys.stderr = previous
            root.removeHandler(handler)
