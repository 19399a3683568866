"""Pathological input cannot stall the run: every regular expression of the package is linear on
adversarial strings, and a document that is slow anyway is stopped by the per-document limit."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest
from stored_checks import store_check_inputs
from timing import cpu_seconds, grows_superlinearly

import trialaudit
from trialaudit import timelimit
from trialaudit.extract import extract_document

# Repeated fragments of what the grammar looks for: numbers, separators, brackets, CI and
# p-value openings that never close, arm phrases, HTML tags that never end.
FRAGMENTS = [
    "1", "1 ", "1/", "1.", "1,", "1-", "(", "(1", "[", "95% CI ", "OR 1.2 (95% CI 0.5 to ",
    "p = ", "p<0.0", "1 (1%) ", " ", "\n", "1 of ", "patients ", "vs ", "in the MSC group ",
    "n = ", "t(1) = ", "NCT", "10.", "10.1000/", "1 x 10-", "median 1 (IQR 1-", "a", "A ",
    "day 1 ", "\u00b7", "1\u00b71", "1 to ", "a1", "CI ", "%", "http://", "<", "<a", "&#",
]  # fmt: skip
PATTERN_LENGTH = 20_000
PATTERN_BUDGET = 10.0  # s per pattern and fragment at PATTERN_LENGTH; most take < 0.2 s


def _patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern defined at module level in the package (also inside tuples)."""
    found = []
    for info in pkgutil.iter_modules(trialaudit.__path__):
        module = importlib.import_module(f"trialaudit.{info.name}")
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple | list) else [value]
            for item in values:
                for candidate in item if isinstance(item, tuple) else [item]:
                    if isinstance(candidate, re.Pattern):
                        found.append((f"{info.name}.{name}", candidate))
    return found


PATTERNS = _patterns()


def test_the_package_defines_patterns_to_check():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) >= 30
    assert {"grammar.SENTENCE_END", "facts.DOI", "context.ARM_AFTER"} <= names


def _scan_time(pattern: re.Pattern, fragment: str, length: int) -> float:
    """Return the CPU time of scanning a text of ``length`` repeated fragments for every
    match (the shortest of three timings)."""
    text = fragment * (length // len(fragment))
    subject = text.encode("latin-1", "replace") if isinstance(pattern.pattern, bytes) else text
    return cpu_seconds(lambda: sum(1 for _ in pattern.finditer(subject)))


def _grows_too_fast(pattern: re.Pattern, fragment: str) -> tuple[bool, float, float]:
    """Return (4x the text took more than 8x the time, the two timings); under 5 ms on the
    short text growth is not judged (16x of it would still be harmless)."""
    return grows_superlinearly(
        lambda: _scan_time(pattern, fragment, PATTERN_LENGTH // 4),
        lambda: _scan_time(pattern, fragment, PATTERN_LENGTH),
        measurable=0.005,
    )


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_pattern_backtracks_on_adversarial_strings(name, pattern):
    """Scanning grows linearly with the text (4x the text: about 4x the time, 16x if the
    pattern backtracked quadratically) and stays within budget."""
    for fragment in FRAGMENTS:
        superlinear, small, large = _grows_too_fast(pattern, fragment)
        assert not superlinear, f"{name} on {fragment!r}: {small:.3f} s, {large:.3f} s"
        assert large < PATTERN_BUDGET, f"{name} took {large:.1f} s on {fragment!r}"


def test_the_growth_criterion_flags_a_quadratic_pattern():
    """A pattern that rescans the rest of the text from every start (digits never followed by
    the letter it needs) grows about 16x on 4x the text, which the criterion above rejects."""
    quadratic = re.compile(r"\d+x")
    superlinear, small, large = _grows_too_fast(quadratic, "1")
    assert small >= 0.005
    assert superlinear, (small, large)


# Whole documents: the per-document CPU limit (here 2 s) bounds what each may cost.
CPU_LIMIT = 1.0
DOCUMENT_BUDGET = CPU_LIMIT * timelimit.WALL_FACTOR + 5.0
ADVERSARIAL_DOCUMENTS = {
    "one 1 MB line of digits": "1" * 1_000_000,
    "one 1 MB line of words": "patients in the MSC group " * 40_000,
    "counts in one sentence": "1 (1%) " * 20_000,
    "ratios without closing": "OR 1.2 (95% CI 0.5 to " * 5_000,
    "x of y in one sentence": "1 of " * 20_000,
    "nested brackets": "(" * 100_000 + "3/11" + ")" * 100_000,
    "p-value openings": "p = " * 50_000,
    "many short lines": "3/11 (27%)\n" * 50_000,
}
ADVERSARIAL_HTML = {
    "unclosed tags": "<a" * 100_000,
    "unclosed end tags": "</" * 100_000,
    "processing instructions": "<?" * 100_000,
    "deeply nested": "<div>" * 50_000 + "3/11",
    "unclosed comment": "<!--" + "3/11 " * 50_000,
    "entities": "&#" * 100_000 + "&amp" * 50_000,
}


@pytest.fixture(scope="module")
def timings() -> dict[str, tuple[str, float]]:
    """What happened to each adversarial document and how long it took (printed at the end)."""
    found: dict[str, tuple[str, float]] = {}
    yield found
    for name, (outcome, seconds) in sorted(found.items()):
        print(f"{name:40s} {outcome:60s} {seconds:6.2f} s")


@pytest.mark.parametrize("name", sorted(ADVERSARIAL_DOCUMENTS))
def test_adversarial_documents_finish_or_are_stopped_in_time(name, timings):
    text = ADVERSARIAL_DOCUMENTS[name]
    start = time.monotonic()
    (outcome,) = timelimit.run_each("extract", [{"doc_id": "x", "text": text}], CPU_LIMIT)
    seconds = time.monotonic() - start
    timings[f"extract: {name}"] = (outcome.failure or "ok", seconds)
    assert outcome.ok or outcome.failure == f"took more than {CPU_LIMIT:g} s of CPU time"
    assert seconds < DOCUMENT_BUDGET


@pytest.mark.parametrize("name", sorted(ADVERSARIAL_HTML))
def test_adversarial_html_is_read_or_stopped_in_time(name, timings, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ADVERSARIAL_HTML[name], encoding="utf-8")
    source = {"name": "page.html", "path": str(path), "doc_id": "page", "role": "document"}
    start = time.monotonic()
    (outcome,) = timelimit.run_each(
        "read_source", [{"source": {**source, "shard": "shard00000"}}], CPU_LIMIT
    )
    seconds = time.monotonic() - start
    timings[f"read: {name}"] = (outcome.failure or outcome.value["status"], seconds)
    assert outcome.ok or outcome.failure == f"took more than {CPU_LIMIT:g} s of CPU time"
    assert seconds < DOCUMENT_BUDGET


LARGE_TRIAL = (
    "Deaths were {a}/{n} ({p}%) in the MSC group and {c}/{n} (50.0%) in the control group "
    "(OR 0.50, 95% CI 0.49-0.51; p < 0.001)."
)


@pytest.mark.parametrize("n", [10**5, 10**7])
def test_checks_of_huge_trials_finish_or_are_stopped_in_time(n, timings, tmp_path):
    """Exact tests over millions of patients can take minutes; the limit bounds them."""
    text = LARGE_TRIAL.format(a=n // 3, n=n, p=f"{100 / 3:.1f}", c=n // 2)
    extraction = extract_document("huge", text)
    assert extraction.comparisons, "the sentence must make a 2x2 comparison to check"
    setup = store_check_inputs(tmp_path, [extraction])
    start = time.monotonic()
    (outcome,) = timelimit.run_each("check_stored", [{"doc_id": "huge"}], CPU_LIMIT, setup=setup)
    seconds = time.monotonic() - start
    timings[f"check: {n:,} patients per arm"] = (outcome.failure or "ok", seconds)
    assert outcome.ok or outcome.failure == f"took more than {CPU_LIMIT:g} s of CPU time"
    assert seconds < DOCUMENT_BUDGET + 5  # + start-up of a child that imports scipy
