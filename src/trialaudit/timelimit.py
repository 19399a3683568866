"""Per-document work in child processes that a time limit can stop.

A regular expression stuck in the C matcher cannot be interrupted by a signal handler, so each
task runs in a child Python process that the parent kills when the task has used more CPU time
than allowed; the document is then reported as failed and a fresh child takes the next one.
One child serves many documents (start-up is paid once, not per document), and requests and
results cross the pipe as length-prefixed JSON: nothing a document contains is ever unpickled
or evaluated. The parent writes the next requests while the child works (as many as the pipe
holds without blocking), so the child never waits for the parent to wake up between documents.

Run as ``python -m trialaudit.timelimit TASK`` the module is the child's side of the protocol.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import json
import logging
import math
import os
import selectors
import signal
import struct
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

_HEADER = struct.Struct(">Q")
READY = {"ready": True}
# A child that waits (on I/O, say) rather than computes is stopped after this many times the
# CPU limit of wall-clock time, plus a grace period for a loaded machine.
WALL_FACTOR, WALL_GRACE = 4.0, 10.0
START_TIMEOUT = 120.0
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
# Requests written ahead of the child: at most this many, and no more than the pipe to the
# child holds (its size asked for, then read back, on Linux; a cautious guess elsewhere), so
# that writing one never blocks while the child, in turn, waits for us to read its answers.
# Linux keeps a pipe's data in pages and refuses a write when every page is in use, however
# little each holds (fs/pipe.c, pipe_write), so room is counted in pages, not bytes.
MAX_AHEAD = 256
PIPE_BYTES = 1 << 20
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_FALLBACK_PIPE_BYTES = 8192
_END = object()


def columnar(rows: list[dict]) -> dict:
    """Return row dicts as {"columns": every key in first-seen order, "rows": value lists}: a
    third of the JSON of the dicts themselves (missing keys become None)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return {"columns": columns, "rows": [[row.get(c) for c in columns] for row in rows]}


def rows_of(part: dict) -> list[dict]:
    """Return the row dicts of a ``columnar`` part."""
    return [dict(zip(part["columns"], row, strict=True)) for row in part["rows"]]


def _read_source(source: dict, max_bytes: int | None = None) -> dict:
    from .decoding import read_source

    return read_source(source, max_bytes)


def _extract(doc_id: str, text: str) -> dict[str, dict]:
    """Return each table of a document's extraction in ``columnar`` form."""
    from .extract import Extraction, extract_document

    extraction = extract_document(doc_id, text)
    return {name: columnar(getattr(extraction, name)) for name in Extraction.__dataclass_fields__}


# A shard's check inputs, loaded once by a child (``_load_shard_checks``) and then checked one
# document at a time (``_check_stored``): the parent sends doc_ids, not the rows.
_SHARD: dict[str, Any] = {}


def _records_by_doc(path: str) -> dict[str, list[dict]]:
    """Return a shard table's rows as dicts grouped by doc_id, in table order, read with
    pyarrow alone (missing values None, as tables.records gives them): the validate stage
    checked these tables against their models, and importing pandas and pandera for them
    made each check child's start 2.6-2.7 s of CPU instead of 1.9-2.2 s."""
    import pyarrow.parquet as pq

    grouped: dict[str, list[dict]] = {}
    for record in pq.read_table(path).to_pylist():
        grouped.setdefault(record["doc_id"], []).append(record)
    return grouped


def _load_shard_checks(
    statistics_path: str, comparisons_path: str, texts_path: str | None, settings: dict
) -> int:
    from .apa import mentions_one_tailed
    from .check_settings import Settings

    texts: dict[str, str] = {}
    if texts_path is not None:
        import pyarrow.parquet as pq

        columns = pq.read_table(texts_path, columns=["doc_id", "text"]).to_pydict()
        texts = dict(zip(columns["doc_id"], columns["text"], strict=True))
    _SHARD.clear()
    _SHARD.update(
        statistics=_records_by_doc(statistics_path),
        comparisons=_records_by_doc(comparisons_path),
        one_tailed=lambda doc_id: mentions_one_tailed(texts.get(doc_id) or ""),
        options=Settings(**settings),
    )
    return len(_SHARD["statistics"])


def _check_stored(doc_id: str) -> dict[str, list[dict]]:
    from .checks import check_document
    from .reanalysis import reanalyse_document

    statistics = _SHARD["statistics"].get(doc_id, [])
    comparisons = _SHARD["comparisons"].get(doc_id, [])
    options = _SHARD["options"]
    return {
        "checks": columnar(
            check_document(statistics, comparisons, options, _SHARD["one_tailed"](doc_id))
        ),
        "reanalysis": columnar(reanalyse_document(statistics, comparisons, options)),
    }


# The only functions a child will run, by name, and the modules a child imports before it
# says it is ready (so that no document's time limit pays for start-up). A task listed in
# SETUP is prepared once per child by that function (run without a time limit) before its
# first payload.
TASKS: dict[str, Callable[..., Any]] = {
    "read_source": _read_source,
    "extract": _extract,
    "check_stored": _check_stored,
}
SETUP: dict[str, Callable[..., Any]] = {"check_stored": _load_shard_checks}
PRELOAD = {
    "read_source": ["trialaudit.decoding"],
    "extract": ["trialaudit.extract"],
    "check_stored": ["trialaudit.checks", "trialaudit.reanalysis", "pyarrow.parquet"],
}


@dataclass(frozen=True)
class Outcome:
    """The result of one task, or why there is none (``failure`` is '' on success)."""

    value: Any = None
    failure: str = ""

    @property
    def ok(self) -> bool:
        """True when the task returned."""
        return not self.failure


def _native(value: Any) -> Any:
    """Return a JSON-ready stand-in for a numpy scalar or a pandas missing value."""
    if hasattr(value, "item"):
        return value.item()
    if value is None or str(value) in {"<NA>", "NaT"}:
        return None
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _frame(payload: Any) -> bytes:
    """Return ``payload`` as one protocol frame: 8-byte length, then UTF-8 JSON."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_native)
    body = body.encode("utf-8", errors="surrogatepass")
    return _HEADER.pack(len(body)) + body


def _loads(body: bytes) -> Any:
    """Return the value a frame's body holds (JSON data only: no objects, no code)."""
    return json.loads(body.decode("utf-8", errors="surrogatepass"))


def _read_exactly(stream, size: int) -> bytes | None:
    """Return ``size`` bytes from ``stream``, or None at end of input."""
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _child_cpu() -> float:
    """Return the CPU seconds (user + system) this process has used."""
    times = os.times()
    return times.user + times.system


def serve(task: str) -> None:
    """Child side: answer framed JSON requests on stdin with framed JSON results on stdout.
    A request is ``{"call": kwargs}`` (run the task) or ``{"setup": kwargs}`` (run the task's
    SETUP function); every answer carries the CPU time the child has used so far."""
    function, setup = TASKS[task], SETUP.get(task)
    for module in PRELOAD[task]:
        importlib.import_module(module)
    requests, results = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a task prints goes to the log, not into the protocol
    sys.stdout = sys.stderr
    results.write(_frame({**READY, "cpu": _child_cpu()}))
    results.flush()
    while (header := _read_exactly(requests, _HEADER.size)) is not None:
        body = _read_exactly(requests, _HEADER.unpack(header)[0])
        if body is None:
            break
        request = _loads(body)
        try:
            run = setup if "setup" in request else function
            if run is None:
                raise ValueError(f"task {task!r} has no setup")
            value = run(**request.get("setup", request.get("call")))
            answer = {"value": value}
        except Exception as error:  # a task's exception is the document's failure, not ours
            logging.getLogger("trialaudit").exception("task %s failed", task)
            answer = {"error": f"{type(error).__name__}: {str(error)[:300]}"}
        answer["cpu"] = _child_cpu()
        results.write(_frame(answer))
        results.flush()


def _describe_exit(code: int | None) -> str:
    """Return how a child process ended, in words ('killed by SIGKILL', 'exit code 1')."""
    if code is None:
        return "stopped"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class Worker:
    """One child process serving ``task``; ``call`` runs it on one payload under a CPU limit.
    ``setup`` (for tasks listed in SETUP) is run once, before the first payload."""

    def __init__(self, task: str, setup: dict | None = None) -> None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}; known: {', '.join(sorted(TASKS))}")
        self.task = task
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        # One thread: CPU time then grows no faster than the clock (see _receive).
        env.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "trialaudit.timelimit", task],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=_stderr(),
            env=env,
        )
        self._psutil = psutil.Process(self.process.pid)
        self.pipe_pages = _pipe_capacity(self.process.stdin.fileno()) // PAGE_BYTES
        self._buffer = bytearray()
        self._cpu_mark: float | None = None  # the child's CPU time at its last answer
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout.fileno(), selectors.EVENT_READ)
        answer = self._receive(START_TIMEOUT, cpu_limit=None)
        if not isinstance(answer, dict) or not answer.get("ready"):
            self.close()
            raise RuntimeError(f"worker for {task!r} did not start: {answer!r}")
        if setup is not None:
            outcome = self._request({"setup": setup}, cpu_limit=None, wall_limit=math.inf)
            if not outcome.ok:
                self.close()
                raise RuntimeError(f"worker for {task!r} could not be set up: {outcome.failure}")

    def call(
        self, payload: dict, cpu_limit: float | None, wall_limit: float | None = None
    ) -> Outcome:
        """Run the task on ``payload``; a failure names the limit exceeded, the crash or error.
        ``wall_limit`` defaults to WALL_FACTOR * cpu_limit + WALL_GRACE (none without a limit)."""
        return self._request({"call": payload}, cpu_limit, wall_limit)

    def send(self, frame: bytes) -> bool:
        """Write one request frame (``request_frame``); False if the child has gone."""
        try:
            self.process.stdin.write(frame)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return False
        return True

    def answer(self, cpu_limit: float | None, wall_limit: float | None = None) -> Outcome:
        """Wait for the answer to the oldest request not yet answered (see ``call``). Its CPU
        time counts from the child's previous answer, when it started on this request."""
        wall = wall_limit or (
            math.inf if cpu_limit is None else WALL_FACTOR * cpu_limit + WALL_GRACE
        )
        answer = self._receive(wall, cpu_limit)
        if isinstance(answer, Outcome):
            return answer
        if "error" in answer:
            return Outcome(failure=f"raised {answer['error']}")
        return Outcome(value=answer["value"])

    def _request(self, request: dict, cpu_limit: float | None, wall_limit: float | None):
        if not self.send(_frame(request)):
            return Outcome(failure=self._crashed())
        return self.answer(cpu_limit, wall_limit)

    def _receive(self, wall: float, cpu_limit: float | None) -> Any:
        """Return the next decoded frame, or an Outcome saying why none came in time.

        The CPU time of the request counts from the child's last answer. A one-thread child
        cannot use more CPU time than the clock shows, so its CPU time is read (a /proc read,
        ~0.1 ms) only when the remaining allowance could have been used up, not per wake-up."""
        start = time.monotonic()
        cpu_start = self._cpu_mark if self._cpu_mark is not None else self._cpu()
        check_at = start if cpu_limit is None else start + cpu_limit
        fd = self.process.stdout.fileno()
        while True:
            frame = self._complete_frame()
            if frame is not None:
                answer = _loads(frame)
                if isinstance(answer, dict) and "cpu" in answer:
                    self._cpu_mark = answer["cpu"]
                return answer
            now = time.monotonic()
            if now - start >= wall:
                self.kill()
                return Outcome(failure=f"did not finish within {wall:g} s of wall-clock time")
            wait = min(wall - (now - start), 60.0)
            if cpu_limit is not None:
                if now >= check_at:
                    used = self._cpu() - cpu_start
                    if used >= cpu_limit:
                        self.kill()
                        return Outcome(failure=f"took more than {cpu_limit:g} s of CPU time")
                    check_at = now + max(0.05, cpu_limit - used)
                wait = min(wait, check_at - now)
            if self._selector.select(max(wait, 0.0)):
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return Outcome(failure=self._crashed())
                self._buffer += chunk

    def _complete_frame(self) -> bytes | None:
        """Return the body of the first complete frame received, removing it, or None."""
        if len(self._buffer) < _HEADER.size:
            return None
        end = _HEADER.size + _HEADER.unpack_from(self._buffer)[0]
        if len(self._buffer) < end:
            return None
        frame = bytes(self._buffer[_HEADER.size : end])
        del self._buffer[:end]
        return frame

    def _cpu(self) -> float:
        """Return the CPU seconds (user + system) the child has used so far."""
        try:
            times = self._psutil.cpu_times()
        except psutil.Error:
            return 0.0
        return times.user + times.system

    def _crashed(self) -> str:
        """Return why the child stopped answering (it exited or was killed)."""
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.returncode
        return f"crashed the worker process ({_describe_exit(code)})"

    @property
    def alive(self) -> bool:
        """True while the child runs."""
        return self.process.poll() is None

    def kill(self) -> None:
        """Stop the child at once (SIGKILL) and reap it."""
        if self.alive:
            self.process.kill()
        self.process.wait()

    def close(self) -> None:
        """Let the child finish (end of input), or kill it if it does not."""
        if self.alive:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()
        self._selector.close()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None and not stream.closed:
                stream.close()


def request_frame(payload: dict) -> bytes:
    """Return the frame that asks a child to run its task on ``payload``."""
    return _frame({"call": payload})


def pages_needed(frame_bytes: int) -> int:
    """Return the most pipe pages a write of ``frame_bytes`` can spread over: the kernel puts
    into the last page only what fits in its room, and the rest in fresh pages."""
    return -(-frame_bytes // PAGE_BYTES)


def fits_ahead(waiting_pages: int, frame_bytes: int, pipe_pages: int) -> bool:
    """True if a frame can be written behind unanswered requests spread over at most
    ``waiting_pages`` pages without the write blocking. Every page in use holds an unread byte
    of an unanswered request (the child answers only what it has read), so the pages in use
    never exceed the sum of their ``pages_needed``."""
    return waiting_pages + pages_needed(frame_bytes) <= pipe_pages


def _pipe_capacity(fd: int) -> int:
    """Return how many bytes the pipe ``fd`` holds, enlarged to PIPE_BYTES where allowed."""
    grow, size = getattr(fcntl, "F_SETPIPE_SZ", None), getattr(fcntl, "F_GETPIPE_SZ", None)
    if grow is None or size is None:
        return _FALLBACK_PIPE_BYTES
    with contextlib.suppress(OSError):  # above the system's limit: keep the size it has
        fcntl.fcntl(fd, grow, PIPE_BYTES)
    try:
        return int(fcntl.fcntl(fd, size))
    except OSError:
        return _FALLBACK_PIPE_BYTES


def _stderr():
    """The file descriptor children write diagnostics to: this process's logging stream."""
    try:
        sys.stderr.flush()
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def iter_each(
    task: str,
    payloads: Iterable[dict],
    cpu_limit: float | None,
    wall_limit: float | None = None,
    setup: dict | None = None,
) -> Iterator[Outcome]:
    """Run ``task`` on each payload in one child process, in order, yielding each Outcome as it
    comes; a payload that exceeds ``cpu_limit`` seconds of CPU time (or ``wall_limit``
    seconds of waiting), crashes the child or raises gets a failed Outcome and a fresh child
    (set up again with ``setup``) takes the next payload. Requests are written ahead of the
    child (see MAX_AHEAD); those a stopped child had not answered go to the fresh one."""
    source = iter(payloads)
    todo: deque[tuple[dict, bytes]] = deque()  # to send, in order, before the rest of source
    sent: deque[tuple[dict, bytes]] = deque()  # sent to the current child, not yet answered
    sent_pages = 0  # pipe pages the unanswered requests can take up at most
    worker: Worker | None = None
    try:
        while True:
            while len(sent) < MAX_AHEAD:
                if not todo:
                    payload = next(source, _END)
                    if payload is _END:
                        break
                    todo.append((payload, request_frame(payload)))
                if worker is None or not worker.alive:
                    if sent:
                        break  # answers still to come, or the reason it stopped
                    worker = Worker(task, setup)
                if sent and not fits_ahead(sent_pages, len(todo[0][1]), worker.pipe_pages):
                    break
                sent.append(todo.popleft())
                sent_pages += pages_needed(len(sent[-1][1]))
                if not worker.send(sent[-1][1]):
                    break  # the child has gone: answer() says how
            if not sent:
                return
            sent_pages -= pages_needed(len(sent.popleft()[1]))
            yield worker.answer(cpu_limit, wall_limit)
            if not worker.alive:  # stopped or crashed: resend what it had not answered
                todo.extendleft(reversed(sent))
                sent.clear()
                sent_pages = 0
                worker.close()
    finally:
        if worker is not None:
            worker.close()


def run_each(
    task: str,
    payloads: Sequence[dict],
    cpu_limit: float | None,
    wall_limit: float | None = None,
    setup: dict | None = None,
) -> list[Outcome]:
    """Return the Outcomes of ``iter_each`` as a list."""
    return list(iter_each(task, payloads, cpu_limit, wall_limit, setup))


if __name__ == "__main__":
    serve(sys.argv[1])
