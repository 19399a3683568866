"""The time-limited worker: same results as a direct call, a stuck document is stopped at the
CPU limit and the next one still runs, crashes and exceptions stay with their document."""

from __future__ import annotations

import dataclasses
import fcntl
import os
import random
import re
import signal
import threading
import time
from collections import deque

import psutil
import pytest
from slow_documents import slow_text
from stored_checks import store_check_inputs, stored_rows

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
        assert _plain({name: timelimit.rows_of(part) for name, part in outcome.value.items()}) == (
            _plain(
                {
                    name: [dict.fromkeys(outcome.value[name]["columns"]) | row for row in rows]
                    for name, rows in expected.items()
                }
            )
        )


def test_the_check_child_reads_the_rows_pandas_would_give_it(seed_texts, tmp_path):
    """The check child reads its shard's tables with pyarrow alone; every row, value and
    Python type (None where missing) is what the validated pandas frame gives."""
    extractions = [extract_document(d, text) for d, text in sorted(seed_texts.items())]
    setup = store_check_inputs(tmp_path, extractions)
    for name, expected in zip(("statistics", "comparisons"), stored_rows(setup), strict=True):
        found = timelimit._records_by_doc(setup[f"{name}_path"])
        assert list(found) == list(expected)
        pairs = [(a, b) for d in expected for a, b in zip(found[d], expected[d], strict=True)]
        assert len(pairs) > 10
        for got, want in pairs:
            assert got == want
            assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in want.items()}
        assert any(v is None for got, _ in pairs for v in got.values())


def test_checks_in_the_child_are_those_of_a_direct_call(seed_texts, tmp_path):
    settings = Settings()
    extractions = [extract_document(d, text) for d, text in sorted(seed_texts.items())]
    setup = store_check_inputs(tmp_path, extractions, settings)
    statistics, comparisons = stored_rows(setup)
    doc_ids = sorted(statistics)
    expected = [
        {
            "checks": timelimit.columnar(
                check_document(statistics[d], comparisons.get(d, []), settings)
            ),
            "reanalysis": timelimit.columnar(
                reanalyse_document(statistics[d], comparisons.get(d, []), settings)
            ),
        }
        for d in doc_ids
    ]
    outcomes = timelimit.run_each(
        "check_stored", [{"doc_id": d} for d in doc_ids], cpu_limit=60, setup=setup
    )
    assert len(doc_ids) == len(seed_texts)
    assert sum(len(e["checks"]["rows"]) for e in expected) > 20
    for outcome, wanted in zip(outcomes, expected, strict=True):
        assert outcome.ok, outcome.failure
        assert _plain(outcome.value) == _plain(wanted)


def test_a_fresh_child_is_set_up_again_after_a_crash(seed_texts, tmp_path):
    """The child that replaces a killed one reads the shard again: the documents after the
    crash still get their checks."""
    extractions = [extract_document(d, text) for d, text in sorted(seed_texts.items())]
    setup = store_check_inputs(tmp_path, extractions)
    doc_ids = sorted(stored_rows(setup)[0])
    worker = timelimit.Worker("check_stored", setup)
    first = worker.call({"doc_id": doc_ids[0]}, cpu_limit=60)
    worker.kill()
    outcomes = timelimit.run_each(
        "check_stored", [{"doc_id": d} for d in doc_ids], cpu_limit=60, setup=setup
    )
    assert first.ok and worker.call({"doc_id": doc_ids[1]}, cpu_limit=60).failure
    assert all(o.ok for o in outcomes) and outcomes[0].value == first.value


def test_a_setup_that_fails_stops_the_stage_with_its_reason(tmp_path):
    """A shard whose tables cannot be read is the stage's failure, not every document's."""
    missing = str(tmp_path / "missing.parquet")
    setup = {"statistics_path": missing, "comparisons_path": missing, "texts_path": None}
    with pytest.raises(RuntimeError, match=r"could not be set up: raised .*missing\.parquet"):
        timelimit.run_each("check_stored", [{"doc_id": "d"}], 60, setup=setup | {"settings": {}})


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
    """Importing what a task needs (scipy for the checks: about a second) and its setup
    (reading the shard's tables) happen before the first document, so that a tight limit does
    not fail every document."""
    text = seed_texts[sorted(seed_texts)[4]]
    extraction = extract_document("d", text)
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    payload = {
        "read_source": {
            "source": {"name": "d.txt", "path": str(tmp_path / "d.txt"), "doc_id": "d"}
            | {"role": "document", "shard": "shard00000"}
        },
        "extract": {"doc_id": "d", "text": text},
        "check_stored": {"doc_id": "d"},
    }[task]
    setup = store_check_inputs(tmp_path, [extraction]) if task in timelimit.SETUP else None
    outcomes = timelimit.run_each(task, [payload, payload], cpu_limit=0.3, setup=setup)
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
    # stopped by CPU time, before the wall-clock limit would have stopped it (a margin that
    # holds on a loaded machine: the message above already says which limit stopped it)
    assert elapsed < 1.0 * timelimit.WALL_FACTOR + timelimit.WALL_GRACE


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
    assert timelimit.rows_of(outcome.value["studies"])[0]["span_end"] == len(text)
    assert not os.path.exists("pwned")


def test_one_child_serves_every_document(seed_texts):
    """Start-up is paid once a stage, not once a document: the same child answers every
    request. What the worker costs per document is measured by benchmarks/worker_overhead.py,
    not asserted here (a timed bound fails on a loaded host)."""
    payloads = _payloads(seed_texts, copies=10)
    children = []
    for outcome in timelimit.iter_each("extract", payloads, cpu_limit=60):
        assert outcome.ok, outcome.failure
        children.append(frozenset(_child_pids()))
    assert len(children) == len(payloads)
    assert len(set(children)) == 1 and len(children[0]) == 1


def _child_pids() -> set[int]:
    """The time-limited children this process runs now."""
    return {
        child.pid
        for child in psutil.Process().children()
        if "trialaudit.timelimit" in " ".join(child.cmdline())
    }


def test_a_child_killed_mid_stream_fails_its_document_and_the_rest_are_resent(seed_texts):
    """Requests are written ahead of the child, so when it dies the documents it had been
    sent but not answered go to a fresh child: only the one it was working on fails."""
    good = _payloads(seed_texts, copies=3)
    victim = {"doc_id": "victim", "text": slow_text(2.0)}
    payloads = [*good[:4], victim, *good[4:]]
    outcomes = []
    killer = None
    for outcome in timelimit.iter_each("extract", payloads, cpu_limit=60):
        outcomes.append(outcome)
        if len(outcomes) == 4:  # the child now works on the victim, the rest queued behind it
            (pid,) = _child_pids()
            killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))
            killer.start()
    killer.join()
    assert [o.ok for o in outcomes] == [True] * 4 + [False] + [True] * (len(good) - 4)
    assert outcomes[4].failure == "crashed the worker process (killed by SIGKILL)"
    direct = timelimit.run_each("extract", good, cpu_limit=60)
    assert [o.value for o in outcomes if o.ok] == [o.value for o in direct]


def _track_ahead(patch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """Record, at each request written, (requests waiting, the pages they can take up, the
    pipe's pages)."""
    record: list[tuple[int, int, int]] = []
    waiting: dict[int, list[int]] = {}
    send, answer = timelimit.Worker.send, timelimit.Worker.answer

    def tracked_send(worker, frame):
        sizes = waiting.setdefault(id(worker), [])
        sizes.append(len(frame))
        pages = sum(-(-size // timelimit.PAGE_BYTES) for size in sizes)
        record.append((len(sizes), pages, worker.pipe_pages))
        return send(worker, frame)

    def tracked_answer(worker, *args, **kwargs):
        waiting[id(worker)].pop(0)
        return answer(worker, *args, **kwargs)

    patch.setattr(timelimit.Worker, "send", tracked_send)
    patch.setattr(timelimit.Worker, "answer", tracked_answer)
    return record


def test_requests_written_ahead_fit_in_the_pipe_so_that_nothing_deadlocks(seed_texts, monkeypatch):
    """With the pipe to the child shrunk to four pages, a big document and many small ones
    (whose answers are bigger than the pipe back) still all come back, because a request is
    written ahead only when all waiting requests fit in the pipe's pages."""
    monkeypatch.setattr(timelimit, "PIPE_BYTES", 4 * timelimit.PAGE_BYTES)
    record = _track_ahead(monkeypatch)
    small = [
        {"doc_id": f"p{i}", "text": "Mortality 3/20 (15%) vs 7/21; p = 0.04."} for i in range(300)
    ]
    big = {"doc_id": "big", "text": " ".join(seed_texts.values()) * 20}
    payloads = [*small[:150], big, *small[150:]]
    outcomes: list = []
    runner = threading.Thread(
        target=lambda: outcomes.extend(timelimit.iter_each("extract", payloads, cpu_limit=60)),
        daemon=True,
    )
    runner.start()
    runner.join(timeout=120)
    assert not runner.is_alive(), "the parent and its child wait for each other"
    assert len(outcomes) == len(payloads) and all(o.ok for o in outcomes)
    assert max(count for count, _, _ in record) > 1  # requests were written ahead
    for count, pages, pipe in record:
        assert count == 1 or pages <= pipe
    assert {pipe for _, _, pipe in record} == {4}


def _writes_that_block(admit, seed: int, steps: int = 3000) -> int:
    """Play the stage and its child on a real four-page pipe: the stage writes frames of
    random sizes (most a few hundred bytes, some several pages) whenever ``admit`` lets it,
    the child reads random amounts and answers frames only once it has read them whole.
    Return how many writes found the pipe without room (the write end does not block)."""
    rng = random.Random(seed)
    read_end, write_end = os.pipe()
    try:
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4 * timelimit.PAGE_BYTES)
        pipe_pages = fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ) // timelimit.PAGE_BYTES
        os.set_blocking(write_end, False)
        waiting: deque[int] = deque()  # sizes of frames written and not yet answered
        written = read = answered = refused = 0
        for _ in range(steps):
            size = rng.randint(2000, 9000) if rng.random() < 0.1 else rng.randint(60, 700)
            if not waiting or admit(list(waiting), size, pipe_pages):
                try:
                    done = os.write(write_end, b"x" * size)
                except BlockingIOError:
                    done = 0
                if done < size:
                    refused += 1
                    os.read(read_end, 1 << 20)  # start again from an empty pipe
                    read = written = answered = 0
                    waiting.clear()
                    continue
                waiting.append(size)
                written += size
            if read < written and rng.random() < 0.7:
                read += len(os.read(read_end, rng.randint(1, 9000)))
            while waiting and answered + waiting[0] <= read and rng.random() < 0.6:
                answered += waiting.popleft()
        return refused
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_request_admitted_ahead_never_finds_the_pipe_full():
    """The stage's rule (pages, not bytes) against the kernel itself. A byte count of the
    waiting requests is not enough: a pipe refuses a write while its pages are half empty."""

    def by_pages(waiting, size, pipe_pages):
        taken = sum(timelimit.pages_needed(s) for s in waiting)
        return timelimit.fits_ahead(taken, size, pipe_pages)

    def by_bytes(waiting, size, pipe_pages):
        return sum(waiting) + size <= pipe_pages * timelimit.PAGE_BYTES

    assert sum(_writes_that_block(by_pages, seed) for seed in range(20)) == 0
    assert sum(_writes_that_block(by_bytes, seed) for seed in range(20)) > 0
