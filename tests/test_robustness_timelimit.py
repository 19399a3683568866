"""The time-limited worker: same results as a direct call, a stuck document is stopped at the
CPU limit and the next one still runs, crashes and exceptions stay with their document."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
import time

import psutil
import pytest
from slow_documents import slow_text

from trialaudit import timelimit
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document
from trialaudit.reanalysis import reanalyse_document

# A document that needs at least 3 s of CPU time to extract (calibrated on this machine).
STUCK = slow_text(3.0)


def _payloads(seed_texts: dict[str, str], copies: int = 1) -> list[dict]:
    return [
        {"doc_id": f"{doc_id}~{i}", "text": text}
        for i in range(copies)
        for doc_id, text in sorted(seed_texts.items())
    ]


def test_results_are_those_of_a_direct_call(seed_texts):
    payloads = _payloads(seed_texts)
    outcomes = timelimit.run_each("extract", payloads, cpu_limit=60)
    for payload, outcome in zip(payloads, outcomes, strict=True):
        assert outcome.ok, outcome.failure
        expected = dataclasses.asdict(extract_document(payload["doc_id"], payload["text"]))
        assert _plain(outcome.value) == _plain(expected)


def test_checks_in_the_child_are_those_of_a_direct_call(seed_texts):
    settings = Settings()
    payloads, expected = [], []
    for doc_id, text in sorted(seed_texts.items()):
        extraction = extract_document(doc_id, text)
        payloads.append(
            {
                "statistics": extraction.statistics,
                "comparisons": extraction.comparisons,
                "settings": dataclasses.asdict(settings),
                "one_tailed": False,
            }
        )
        expected.append(
            {
                "checks": check_document(extraction.statistics, extraction.comparisons, settings),
                "reanalysis": reanalyse_document(
                    extraction.statistics, extraction.comparisons, settings
                ),
            }
        )
    outcomes = timelimit.run_each("check", payloads, cpu_limit=60)
    assert sum(len(e["checks"]) for e in expected) > 20
    for outcome, wanted in zip(outcomes, expected, strict=True):
        assert outcome.ok, outcome.failure
        assert _plain(outcome.value) == _plain(wanted)


def _plain(value):
    """``value`` with numpy scalars as Python scalars and NaN as a comparable marker."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return "NaN"
    return value


@pytest.mark.parametrize("task", sorted(timelimit.TASKS))
def test_the_limit_does_not_count_the_child_start_up(seed_texts, tmp_path, task):
    """Importing what a task needs (scipy for the checks: about a second) happens before the
    first document, so that a tight limit does not fail every document."""
    text = seed_texts[sorted(seed_texts)[4]]
    extraction = extract_document("d", text)
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    payload = {
        "read_source": {
            "source": {"name": "d.txt", "path": str(tmp_path / "d.txt"), "doc_id": "d"}
            | {"role": "document", "shard": "shard00000"}
        },
        "extract": {"doc_id": "d", "text": text},
        "check": {
            "statistics": extraction.statistics,
            "comparisons": extraction.comparisons,
            "settings": dataclasses.asdict(Settings()),
            "one_tailed": False,
        },
    }[task]
    outcomes = timelimit.run_each(task, [payload, payload], cpu_limit=0.3)
    assert [o.failure for o in outcomes] == ["", ""]
    assert set(timelimit.PRELOAD) == set(timelimit.TASKS)


def test_a_stuck_document_is_stopped_at_the_limit_and_the_next_still_runs(seed_texts):
    good = _payloads(seed_texts)[1]
    payloads = [good, {"doc_id": "stuck", "text": STUCK}, good]
    start = time.monotonic()
    outcomes = timelimit.run_each("extract", payloads, cpu_limit=1.0)
    elapsed = time.monotonic() - start
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].failure == "took more than 1 s of CPU time"
    assert outcomes[0].value == outcomes[2].value
    assert elapsed < 1.0 * timelimit.WALL_FACTOR + 3.0  # stopped by CPU time, not the wall


def test_a_document_that_waits_instead_of_computing_is_stopped_by_the_wall_clock(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # reading it blocks for ever: no CPU time is used
    source = {"name": "pipe.txt", "path": str(pipe), "doc_id": "pipe", "role": "document"}
    start = time.monotonic()
    (outcome,) = timelimit.run_each(
        "read_source", [{"source": {**source, "shard": "shard00000"}}], 5.0, wall_limit=1.0
    )
    assert outcome.failure == "did not finish within 1 s of wall-clock time"
    assert time.monotonic() - start < 5.0


def test_a_task_that_raises_fails_its_document_only(seed_texts):
    good = _payloads(seed_texts)[0]
    outcomes = timelimit.run_each("extract", [{"doc_id": "x", "text": 5}, good], cpu_limit=30)
    assert re.match(r"raised \w+Error: .*'int'", outcomes[0].failure), outcomes[0].failure
    assert outcomes[1].ok


def test_a_crashed_worker_is_reported_and_replaced(seed_texts):
    worker = timelimit.Worker("extract")
    killer = threading.Timer(0.5, os.kill, (worker.process.pid, signal.SIGKILL))
    killer.start()
    try:
        outcome = worker.call({"doc_id": "stuck", "text": STUCK}, cpu_limit=30)
    finally:
        killer.cancel()
        worker.close()
    assert outcome.failure == "crashed the worker process (killed by SIGKILL)"
    assert not worker.alive
    fresh = timelimit.Worker("extract")
    try:
        assert fresh.call(_payloads(seed_texts)[0], cpu_limit=30).ok
    finally:
        fresh.close()


def test_only_registered_tasks_run():
    with pytest.raises(ValueError, match=r"unknown task 'os\.system'"):
        timelimit.Worker("os.system")


def test_text_crosses_the_pipe_unchanged():
    """Whatever a document holds (code, pickle opcodes, NUL, lone surrogates from a broken
    decoder) comes back as the same characters and is never executed."""
    text = (
        "__import__('os').system('touch pwned') cos\nsystem\n(S'touch pwned'\ntR. \x00 \ud800 "
        "{{ 7*7 }} ${7*7} `touch pwned` 3/11"
    )
    (outcome,) = timelimit.run_each("extract", [{"doc_id": "code", "text": text}], cpu_limit=30)
    assert outcome.ok
    assert outcome.value["studies"][0]["span_end"] == len(text)
    assert not os.path.exists("pwned")


def test_overhead_per_document_is_small(seed_texts):
    """One child serves every document: start-up once, then one pipe round trip each. CPU time
    (parent plus child) is compared with direct calls, so that load from other processes on
    the machine does not count."""
    payloads = _payloads(seed_texts, copies=20)
    worker = timelimit.Worker("extract")
    try:
        parent_start = time.process_time()
        child_start = sum(psutil.Process(worker.process.pid).cpu_times()[:2])
        outcomes = [worker.call(payload, cpu_limit=60) for payload in payloads]
        child = sum(psutil.Process(worker.process.pid).cpu_times()[:2]) - child_start
        isolated = time.process_time() - parent_start + child
    finally:
        worker.close()
    assert all(o.ok for o in outcomes)
    direct = 0.0
    for _ in range(2):  # before and after would be fairer; twice after evens out warm-up
        start = time.process_time()
        for payload in payloads:
            extract_document(payload["doc_id"], payload["text"])
        direct += (time.process_time() - start) / 2
    overhead = (isolated - direct) / len(payloads)
    print(f"extraction {direct / len(payloads) * 1e3:.2f} ms/doc, overhead {overhead * 1e3:.2f} ms")
    assert overhead < 0.005
