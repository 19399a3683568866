#!/usr/bin/env python3
"""Benchmark what the time-limited worker costs per document over calling extraction directly.

One child process serves every document of a stage (``trialaudit.timelimit``): its start-up is
paid once, then each document costs a pipe round trip and the JSON of its tables. This script
times extraction of the same documents both ways, in CPU time (the parent's plus the child's,
so that load from other processes on the machine does not count), several times over, and
writes the per-document overhead to a table:

    .venv/bin/python benchmarks/worker_overhead.py

Rows for other corpora already in the table are kept. The corpus is the bundled seeds
(``data/raw``), each document repeated ``--copies`` times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import pandas as pd
import psutil

from trialaudit import timelimit
from trialaudit.extract import extract_document

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
COLUMNS = [
    "corpus",
    "documents",
    "repeats",
    "direct_ms_per_document",
    "worker_ms_per_document",
    "worker_parent_ms_per_document",
    "worker_child_ms_per_document",
    "overhead_ms_median",
    "overhead_ms_min",
    "overhead_ms_max",
    "overhead_share_of_direct",
    "load_average_1min",
    "host",
    "date",
]


def _worker_children() -> list[psutil.Process]:
    """The time-limited children this process runs now."""
    return [
        child
        for child in psutil.Process().children()
        if "trialaudit.timelimit" in " ".join(child.cmdline())
    ]


def _cpu_of(process: psutil.Process) -> float:
    """CPU seconds (user plus system) ``process`` has used so far."""
    return sum(process.cpu_times()[:2])


def worker_cpu(payloads: list[dict]) -> tuple[float, float]:
    """CPU seconds per document of the parent and of the child to extract ``payloads`` as the
    stage does (``timelimit.iter_each``: one child, requests written ahead). Counted from the
    first answer to the last, so that the child's start-up and first document are left out."""
    first = parent_start = child_start = None
    for outcome in timelimit.iter_each("extract", payloads, cpu_limit=60):
        if not outcome.ok:
            raise RuntimeError(f"a document failed in the worker: {outcome.failure}")
        if first is None:
            (first,) = _worker_children()
            parent_start, child_start = time.process_time(), _cpu_of(first)
        else:
            parent, child = time.process_time(), _cpu_of(first)
    documents = len(payloads) - 1
    return (parent - parent_start) / documents, (child - child_start) / documents


def direct_cpu(payloads: list[dict]) -> float:
    """CPU seconds per document to extract ``payloads`` in this process."""
    start = time.process_time()
    for payload in payloads:
        extract_document(payload["doc_id"], payload["text"])
    return (time.process_time() - start) / len(payloads)


def measure(texts: dict[str, str], copies: int, repeats: int) -> dict:
    """Time both ways ``repeats`` times, alternating which goes first, and return one row."""
    payloads = [
        {"doc_id": f"{doc_id}~{i}", "text": text}
        for i in range(copies)
        for doc_id, text in sorted(texts.items())
    ]
    direct_cpu(payloads)  # warm this process's caches as the child warms its own
    directs, parents, children, workers, overheads = [], [], [], [], []
    for repeat in range(repeats):
        order = (direct_cpu, worker_cpu) if repeat % 2 == 0 else (worker_cpu, direct_cpu)
        timed = {way: way(payloads) for way in order}
        parent, child = timed[worker_cpu]
        directs.append(timed[direct_cpu])
        parents.append(parent)
        children.append(child)
        workers.append(parent + child)
        overheads.append(parent + child - timed[direct_cpu])
    direct = statistics.median(directs)
    overhead = statistics.median(overheads)
    return {
        "documents": len(payloads),
        "repeats": repeats,
        "direct_ms_per_document": round(direct * 1e3, 3),
        "worker_ms_per_document": round(statistics.median(workers) * 1e3, 3),
        "worker_parent_ms_per_document": round(statistics.median(parents) * 1e3, 3),
        "worker_child_ms_per_document": round(statistics.median(children) * 1e3, 3),
        "overhead_ms_median": round(overhead * 1e3, 3),
        "overhead_ms_min": round(min(overheads) * 1e3, 3),
        "overhead_ms_max": round(max(overheads) * 1e3, 3),
        "overhead_share_of_direct": round(overhead / direct, 4),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "host": platform.node(),
        "date": dt.date.today().isoformat(),
    }


def write(row: dict, out: Path) -> pd.DataFrame:
    """Replace the row for ``row``'s corpus in the table at ``out`` (CSV and Markdown)."""
    table = pd.DataFrame([row], columns=COLUMNS)
    if out.exists():
        earlier = pd.read_csv(out, keep_default_na=False)
        table = pd.concat([earlier[earlier["corpus"] != row["corpus"]], table])
    table = table.sort_values("corpus").reset_index(drop=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    out.with_suffix(".md").write_text(markdown(table), encoding="utf-8")
    return table


def markdown(table: pd.DataFrame) -> str:
    header = (
        "| corpus | documents | repeats | direct (ms/doc) | worker: parent + child (ms/doc) "
        "| overhead median (min-max) ms/doc | overhead / direct | load |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r.corpus} | {r.documents} | {r.repeats} | {r.direct_ms_per_document:.2f} "
        f"| {r.worker_parent_ms_per_document:.2f} + {r.worker_child_ms_per_document:.2f} "
        f"| {r.overhead_ms_median:.2f} "
        f"({r.overhead_ms_min:.2f}-{r.overhead_ms_max:.2f}) "
        f"| {100 * r.overhead_share_of_direct:.1f}% | {r.load_average_1min:.2f} |\n"
        for r in table.itertuples()
    ]
    return header + "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, default=REPO / "data" / "raw")
    parser.add_argument("--copies", type=int, default=20, help="times each document is sent")
    parser.add_argument("--repeats", type=int, default=7, help="timings of each way")
    parser.add_argument(
        "--out", type=Path, default=HERE / "results" / "worker_overhead.csv", help="table"
    )
    args = parser.parse_args(argv)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(args.raw.glob("*.txt"))}
    if len(texts) * args.copies < 2 or args.repeats < 1:
        parser.error(f"need two documents or more in {args.raw} (times --copies), --repeats >= 1")
    raw = args.raw.resolve()
    corpus = str(raw.relative_to(REPO)) if raw.is_relative_to(REPO) else str(raw)
    row = {"corpus": corpus} | measure(texts, args.copies, args.repeats)
    table = write(row, args.out)
    sys.stdout.write(markdown(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
