"""Per-document work in child processes that a time limit can stop.

A regular expression stuck in the C matcher cannot be interrupted by a signal handler, so each
task runs in a child Python process that the parent kills when the task has used more CPU time
than allowed; the document is then reported as failed and a fresh child takes the next one.
One child serves many documents (start-up is paid once, not per document), and requests and
results cross the pipe as length-prefixed JSON: nothing a document contains is ever unpickled
or evaluated.

Run as ``python -m trialaudit.timelimit TASK`` the module is the child's side of the protocol.
"""

from __future__ import annotations

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
from collections.abc import Callable, Sequence
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


def _read_source(source: dict, max_bytes: int | None = None) -> dict:
    from .decoding import read_source

    return read_source(source, max_bytes)


def _extract(doc_id: str, text: str) -> dict[str, list[dict]]:
    from .extract import Extraction, extract_document

    extraction = extract_document(doc_id, text)
    return {name: getattr(extraction, name) for name in Extraction.__dataclass_fields__}


def _check(
    statistics: list[dict], comparisons: list[dict], settings: dict, one_tailed: bool
) -> dict[str, list[dict]]:
    from .checks import Settings, check_document
    from .reanalysis import reanalyse_document

    options = Settings(**settings)
    return {
        "checks": check_document(statistics, comparisons, options, one_tailed),
        "reanalysis": reanalyse_document(statistics, comparisons, options),
    }


# The only functions a child will run, by name, and the modules a child imports before it
# says it is ready (so that no document's time limit pays for start-up).
TASKS: dict[str, Callable[..., Any]] = {
    "read_source": _read_source,
    "extract": _extract,
    "check": _check,
}
PRELOAD = {
    "read_source": ["trialaudit.decoding"],
    "extract": ["trialaudit.extract"],
    "check": ["trialaudit.checks", "trialaudit.reanalysis"],
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


def serve(task: str) -> None:
    """Child side: answer framed JSON requests on stdin with framed JSON results on stdout."""
    function = TASKS[task]
    for module in PRELOAD[task]:
        importlib.import_module(module)
    requests, results = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a task prints goes to the log, not into the protocol
    sys.stdout = sys.stderr
    results.write(_frame(READY))
    results.flush()
    while (header := _read_exactly(requests, _HEADER.size)) is not None:
        body = _read_exactly(requests, _HEADER.unpack(header)[0])
        if body is None:
            break
        try:
            answer = _frame({"value": function(**_loads(body))})
        except Exception as error:  # a task's exception is the document's failure, not ours
            logging.getLogger("trialaudit").exception("task %s failed", task)
            answer = _frame({"error": f"{type(error).__name__}: {str(error)[:300]}"})
        results.write(answer)
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
    """One child process serving ``task``; ``call`` runs it on one payload under a CPU limit."""

    def __init__(self, task: str) -> None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}; known: {', '.join(sorted(TASKS))}")
        self.task = task
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "trialaudit.timelimit", task],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=_stderr(),
            env=env,
        )
        self._psutil = psutil.Process(self.process.pid)
        self._buffer = bytearray()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout.fileno(), selectors.EVENT_READ)
        answer = self._receive(START_TIMEOUT, cpu_limit=None)
        if answer != READY:
            self.close()
            raise RuntimeError(f"worker for {task!r} did not start: {answer!r}")

    def call(
        self, payload: dict, cpu_limit: float | None, wall_limit: float | None = None
    ) -> Outcome:
        """Run the task on ``payload``; a failure names the limit exceeded, the crash or error.
        ``wall_limit`` defaults to WALL_FACTOR * cpu_limit + WALL_GRACE (none without a limit)."""
        try:
            self.process.stdin.write(_frame(payload))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return Outcome(failure=self._crashed())
        wall = wall_limit or (
            math.inf if cpu_limit is None else WALL_FACTOR * cpu_limit + WALL_GRACE
        )
        answer = self._receive(wall, cpu_limit)
        if isinstance(answer, Outcome):
            return answer
        if "error" in answer:
            return Outcome(failure=f"raised {answer['error']}")
        return Outcome(value=answer["value"])

    def _receive(self, wall: float, cpu_limit: float | None) -> Any:
        """Return the next decoded frame, or an Outcome saying why none came in time."""
        start = time.monotonic()
        cpu_start = self._cpu()
        fd = self.process.stdout.fileno()
        while True:
            frame = self._complete_frame()
            if frame is not None:
                return _loads(frame)
            elapsed = time.monotonic() - start
            if elapsed >= wall:
                self.kill()
                return Outcome(failure=f"did not finish within {wall:g} s of wall-clock time")
            if cpu_limit is not None:
                used = self._cpu() - cpu_start
                if used >= cpu_limit:
                    self.kill()
                    return Outcome(failure=f"took more than {cpu_limit:g} s of CPU time")
                wait = min(wall - elapsed, max(0.05, cpu_limit - used))
            else:
                wait = min(wall - elapsed, 60.0)
            if self._selector.select(wait):
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


def _stderr():
    """The file descriptor children write diagnostics to: this process's logging stream."""
    try:
        sys.stderr.flush()
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def run_each(
    task: str,
    payloads: Sequence[dict],
    cpu_limit: float | None,
    wall_limit: float | None = None,
) -> list[Outcome]:
    """Run ``task`` on each payload in one child process, in order; a payload that exceeds
    ``cpu_limit`` seconds of CPU time (or ``wall_limit`` seconds of waiting), crashes the child
    or raises gets a failed Outcome and a fresh child takes the next payload."""
    outcomes: list[Outcome] = []
    worker: Worker | None = None
    try:
        for payload in payloads:
            if worker is None or not worker.alive:
                worker = Worker(task)
            outcome = worker.call(payload, cpu_limit, wall_limit)
            outcomes.append(outcome)
    finally:
        if worker is not None:
            worker.close()
    return outcomes


if __name__ == "__main__":
    serve(sys.argv[1])
