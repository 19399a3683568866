#!/usr/bin/env python3
"""Benchmark the whole pipeline on synthetic corpora of N documents, beside R's statcheck.

For each N: generate (or reuse) a seeded corpus with planted inconsistencies, copy the workflow
into a fresh project, time the DAG build (a dry run), the full run (``snakemake --cores 2``)
while sampling the memory of every process, and the no-op re-run; run statcheck on the same
files; score the checks against the answer key; and write one row per N to the results table.

    .venv/bin/python benchmarks/run.py --sizes 1000 10000 100000

Rows for other sizes already in the table are kept, so sizes can be run one at a time.
Corpora and run folders go to benchmarks/results/work/ (git-ignored) unless --work says
otherwise.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from trialaudit import resources

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402
import synthetic  # noqa: E402

WORKFLOW_PARTS = ("Snakefile", "workflow", "config", "profiles", "environment.yml")
COLUMNS = [
    "documents",
    "corpus_mb",
    "mean_characters",
    "shards",
    "jobs",
    "dag_build_s",
    "wall_s",
    "cpu_s",
    "documents_per_s",
    "peak_rss_mb",
    "peak_rss_process",
    "noop_s",
    "statcheck_documents",
    "statcheck_s",
    "statcheck_cpu_s",
    "statcheck_documents_per_s",
    "speedup_vs_statcheck",
    "cpu_speedup_vs_statcheck",
    "planted",
    "found",
    "false_alarms",
    "found_by_category",
    "statcheck_found_p_vs_test",
    "cores",
    "load_before",
    "corpus_read_s",
    "machine",
    "commit",
    "date",
]


def git_commit() -> str:
    """Return the commit of the checkout being measured (with -dirty if it has changes other
    than this benchmark's own results, which the run itself rewrites after each size)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":!benchmarks/results",
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return ""
    return head + ("-dirty" if dirty else "")


def machine() -> str:
    """Return the cores and memory of this machine, e.g. '2 cpu, 23.4 GB'."""
    memory = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cpu, {memory:.1f} GB, Python {platform.python_version()}"


def corpus(n: int, seed: int, work: Path) -> Path:
    """Return the folder holding corpus N (raw/ and key.csv), generating it if needed."""
    folder = work / f"corpus-{n}-seed{seed}"
    manifest = folder / "manifest.json"
    wanted = {"documents": n, "seed": seed, "generator": synthetic.GENERATOR_VERSION}
    if manifest.exists():
        recorded = json.loads(manifest.read_text())
        if {k: recorded.get(k) for k in wanted} == wanted:
            return folder
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    figures = synthetic.write_corpus(n, folder / "raw", folder / "key.csv", seed)
    figures.update(wanted, seconds=round(time.perf_counter() - started, 1))
    manifest.write_text(json.dumps(figures, indent=2))
    print(f"  generated {n} documents in {figures['seconds']} s", flush=True)
    return folder


def project(corpus_dir: Path, run_dir: Path) -> Path:
    """Create a fresh project: the workflow of this checkout and the corpus (hard links)."""
    if run_dir.exists():
        shutil.rmtree(run_dir)
    run_dir.mkdir(parents=True)
    for part in WORKFLOW_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, run_dir / part)
        else:
            shutil.copy2(source, run_dir / part)
    raw = run_dir / "data" / "raw"
    raw.mkdir(parents=True)
    for path in (corpus_dir / "raw").iterdir():
        try:
            os.link(path, raw / path.name)
        except OSError:
            shutil.copy2(path, raw / path.name)
    return run_dir


class PeakMemory:
    """Samples every process of a run (a process and all its descendants) until stopped: the
    largest resident memory, the CPU time each process had used when last seen, credited to
    the stage it works for (``stage_cpu()``), and each job's memory (its rule's process with
    its worker children, summed at each sample, as a scheduler's cgroup counts it) and how
    long it was seen (``stage_jobs()``)."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.peak_name = ""
        self.cpu = 0.0
        self.last_cpu: dict[tuple[int, float], float] = {}  # (pid, start time) -> CPU s
        self.stage_of: dict[tuple[int, float], str] = {}
        self.job_of: dict[tuple[int, float], tuple[int, float]] = {}  # process -> its job's root
        self.jobs: dict[tuple[int, float], dict] = {}  # job root -> stage, peak, first, last
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        """Look at every process of the run once."""
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            processes = []
        now = time.monotonic()
        job_rss: dict[tuple[int, float], int] = {}
        for process in processes:
            try:
                with process.oneshot():
                    key = (process.pid, process.create_time())
                    rss = process.memory_info().rss
                    times = process.cpu_times()
                if key not in self.stage_of:
                    self.stage_of[key], self.job_of[key] = _stage(process)
                self.last_cpu[key] = times.user + times.system
                if rss > self.peak:
                    self.peak = rss
                    self.peak_name = self.stage_of[key]
                job_rss[self.job_of[key]] = job_rss.get(self.job_of[key], 0) + rss
                job = self.jobs.setdefault(
                    self.job_of[key],
                    {"stage": self.stage_of[key], "peak": 0, "first": now, "last": now},
                )
                job["last"] = now
            except psutil.Error:
                continue
        for root, rss in job_rss.items():
            self.jobs[root]["peak"] = max(self.jobs[root]["peak"], rss)

    def stage_cpu(self) -> dict[str, float]:
        """Return the CPU seconds seen per stage (a rule, or "snakemake" for the scheduler);
        CPU a process used after its last sample, or by one that lived less than a sampling
        interval, is not in it."""
        totals: dict[str, float] = {}
        for key, seconds in self.last_cpu.items():
            totals[self.stage_of[key]] = totals.get(self.stage_of[key], 0.0) + seconds
        return totals

    def stage_jobs(self) -> dict[str, dict[str, float]]:
        """Return, per stage, how many jobs were seen, the largest memory of one job (MB: its
        processes' resident memory summed at one sample) and the longest time one job was seen
        (s, from its first to its last sample)."""
        found: dict[str, dict[str, float]] = {}
        for job in self.jobs.values():
            stage = found.setdefault(job["stage"], {"jobs": 0, "job_peak_mb": 0.0, "job_s": 0.0})
            stage["jobs"] += 1
            stage["job_peak_mb"] = max(stage["job_peak_mb"], job["peak"] / 2**20)
            stage["job_s"] = max(stage["job_s"], job["last"] - job["first"])
        return found

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _stage(process: psutil.Process) -> tuple[str, tuple[int, float]]:
    """Return the stage a process works for and the (pid, start time) of its job. The stage is
    its own rule or the snakemake scheduler, else that of its nearest ancestor that has one (a
    rule's worker children count for the rule), else its program's name; the job is the
    outermost process of its lineage that runs that stage itself."""
    try:
        lineage = [process, *process.parents()]
    except psutil.Error:
        lineage = [process]
    names = [_stage_name(candidate) for candidate in lineage]
    found = next((name for name in names if name is not None), None)
    if found is None:
        try:
            cmdline = process.cmdline()
        except psutil.Error:
            cmdline = []
        found = Path(cmdline[0]).name if cmdline else "?"
    root = next(
        (p for p, name in zip(reversed(lineage), reversed(names), strict=True) if name == found),
        process,
    )
    try:
        return found, (root.pid, root.create_time())
    except psutil.Error:  # the ancestor has gone: the process stands for its job
        return found, (process.pid, process.create_time())


def _stage_name(process: psutil.Process) -> str | None:
    """Return "snakemake" for the scheduler, the rule a script process runs, else None."""
    try:
        cmdline = process.cmdline()
    except psutil.Error:
        return None
    text = " ".join(cmdline)
    if "-m snakemake" in text or text.endswith("snakemake"):
        return "snakemake"
    for part in cmdline:
        if ".snakemake/scripts/" in part:
            return Path(part).name.split(".", 1)[-1].rsplit(".", 1)[0]
    return None


def children_cpu() -> float:
    """Return the CPU seconds (user + system) of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def snakemake(project_dir: Path, *args: str, cores: int) -> tuple[float, str, PeakMemory]:
    """Run snakemake in ``project_dir``; return wall seconds, its output and the memory peak
    (``memory.cpu`` holds the CPU seconds of snakemake and all its jobs)."""
    cpu_before = children_cpu()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "snakemake", "--cores", str(cores), *args]
    started = time.perf_counter()
    with (
        subprocess.Popen(
            command,
            cwd=project_dir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as process,
        PeakMemory(process.pid) as memory,
    ):
        output, _ = process.communicate()
    wall = time.perf_counter() - started
    memory.cpu = children_cpu() - cpu_before
    if process.returncode != 0:
        tail = "\n".join(output.splitlines()[-40:])
        raise RuntimeError(f"{' '.join(command)} failed in {project_dir}:\n{tail}")
    return wall, output, memory


def job_benchmark_peak(project_dir: Path) -> tuple[float, str]:
    """Return the largest max_rss (MB) in the jobs' benchmark files and its rule."""
    peak, rule = 0.0, ""
    for path in (project_dir / "logs" / "benchmarks").glob("*/*.tsv"):
        table = pd.read_csv(path, sep="\t")
        if len(table) and float(table["max_rss"].max()) > peak:
            peak, rule = float(table["max_rss"].max()), path.parent.name
    return peak, rule


def count_jobs(dry_run_output: str) -> int:
    """Return the total number of jobs a dry run lists."""
    for line in dry_run_output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "total" and parts[1].isdigit():
            return int(parts[1])
    return 0


def statcheck_available() -> bool:
    """Whether Rscript is on the PATH and loads the statcheck package."""
    if shutil.which("Rscript") is None:
        return False
    probe = ["Rscript", "-e", "suppressPackageStartupMessages(library(statcheck))"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def run_statcheck(
    raw_dir: Path, out_csv: Path, every: int = 1
) -> tuple[int, float, float, pd.DataFrame]:
    """Run R's statcheck on the corpus (every ``every``-th file by name); return documents
    read, seconds (reading the files and statcheck(), R's start-up excluded), CPU seconds of
    the whole R process, and its results."""
    cpu_before = children_cpu()
    result = subprocess.run(
        ["Rscript", str(HERE / "statcheck.R"), str(raw_dir), str(out_csv), str(every)],
        capture_output=True,
        text=True,
        check=True,
    )
    fields = result.stdout.split()
    documents, read_s, statcheck_s = int(fields[0]), float(fields[1]), float(fields[2])
    return documents, read_s + statcheck_s, children_cpu() - cpu_before, pd.read_csv(out_csv)


def statcheck_found(results: pd.DataFrame, key: pd.DataFrame, doc_ids: list[str]) -> str:
    """Return 'found/planted' for the planted test p-values of ``doc_ids`` (the documents
    statcheck read) that statcheck calls errors."""
    planted = key[(key["category"] == "p_vs_test") & key["doc_id"].isin(doc_ids)]
    errors = results[results["error"].astype(str).str.upper() == "TRUE"]
    by_doc: dict[str, list[str]] = {}
    for source, raw in zip(errors["source"], errors["raw"], strict=True):
        by_doc.setdefault(str(source), []).append(" ".join(str(raw).split()))
    found = sum(
        any(raw and text.endswith(raw[1:]) for raw in by_doc.get(doc, []))
        for doc, text in zip(planted["doc_id"], planted["planted_text"], strict=True)
    )
    return f"{found}/{len(planted)}"


def warm_page_cache(raw_dir: Path) -> float:
    """Write out what creating the project left in memory, then read every file of the corpus
    once, so that neither the pipeline nor statcheck is timed waiting for the disk; return
    the seconds the reading took (large when the files were not in memory)."""
    os.sync()
    started = time.perf_counter()
    for path in sorted(raw_dir.iterdir()):
        path.read_bytes()
    return time.perf_counter() - started


def measure(n: int, args: argparse.Namespace) -> tuple[dict, list[dict]]:
    """Benchmark one corpus size; return its row of the results table and its rows of the
    CPU-by-stage table."""
    work = Path(args.work)
    print(f"N = {n}", flush=True)
    corpus_dir = corpus(n, args.seed, work)
    run_dir = project(corpus_dir, work / f"run-{n}")
    manifest = json.loads((corpus_dir / "manifest.json").read_text())

    read_s = warm_page_cache(run_dir / "data" / "raw")
    print(f"  corpus read in {read_s:.1f} s", flush=True)
    load_before = os.getloadavg()[0]
    dag_s, dry_output, _ = snakemake(run_dir, "--dry-run", "--quiet", "rules", cores=args.cores)
    print(f"  DAG build (dry run) {dag_s:.1f} s", flush=True)
    wall_s, _, memory = snakemake(run_dir, cores=args.cores)
    print(f"  full run {wall_s:.1f} s", flush=True)
    noop_s, noop_output, _ = snakemake(run_dir, cores=args.cores)
    if "Nothing to be done" not in noop_output:
        raise RuntimeError(f"the re-run was not a no-op:\n{noop_output[-3000:]}")
    print(f"  no-op re-run {noop_s:.1f} s", flush=True)

    documents = pd.read_csv(run_dir / "results" / "tables" / "documents.csv")
    jobs = memory.stage_jobs()
    stages = stage_rows(
        n, memory.stage_cpu(), memory.cpu, jobs, job_raw_megabytes(documents, list(jobs))
    )
    peak_mb, peak_name = memory.peak / 2**20, memory.peak_name
    job_mb, job_rule = job_benchmark_peak(run_dir)
    if job_mb > peak_mb:
        peak_mb, peak_name = job_mb, job_rule

    key = pd.read_csv(corpus_dir / "key.csv")
    checks = pd.read_csv(run_dir / "results" / "tables" / "checks.csv", keep_default_na=False)
    scored = score.score(checks, key)
    scored["missed"].to_csv(run_dir / "missed_plants.csv", index=False)
    scored["alarm_rows"].to_csv(run_dir / "false_alarms.csv", index=False)
    row = {
        "documents": n,
        "corpus_mb": round(sum(documents["size_bytes"]) / 1e6, 1),
        "mean_characters": round(manifest["characters"] / n),
        "shards": documents["shard"].nunique(),
        "jobs": count_jobs(dry_output),
        "dag_build_s": round(dag_s, 1),
        "wall_s": round(wall_s, 1),
        "cpu_s": round(memory.cpu, 1),
        "documents_per_s": round(n / wall_s, 1),
        "peak_rss_mb": round(peak_mb),
        "peak_rss_process": peak_name,
        "noop_s": round(noop_s, 1),
        "planted": scored["planted"],
        "found": scored["found"],
        "false_alarms": scored["false_alarms"],
        "found_by_category": "; ".join(
            f"{k} {f}/{t}" for k, (f, t) in sorted(scored["by_category"].items())
        ),
        "cores": args.cores,
        "load_before": round(load_before, 2),
        "corpus_read_s": round(read_s, 1),
        "machine": machine(),
        "commit": git_commit(),
        "date": dt.date.today().isoformat(),
    }
    if args.statcheck:
        every = max(1, math.ceil(n / args.statcheck_max_documents))
        docs, seconds, cpu, results = run_statcheck(
            corpus_dir / "raw", run_dir / "statcheck.csv", every
        )
        read = sorted(p.stem for p in (corpus_dir / "raw").glob("*.txt"))[::every]
        rate = docs / seconds if seconds > 0 else float("nan")
        row.update(
            statcheck_documents=docs,
            statcheck_s=round(seconds, 1),
            statcheck_cpu_s=round(cpu, 1),
            cpu_speedup_vs_statcheck=round((cpu / docs) / (memory.cpu / n), 1),
            statcheck_documents_per_s=round(rate, 1),
            speedup_vs_statcheck=round(row["documents_per_s"] / rate, 1),
            statcheck_found_p_vs_test=statcheck_found(results, key, read),
        )
        print(f"  statcheck {seconds:.1f} s ({rate:.0f} documents/s)", flush=True)
    print("  " + json.dumps(row), flush=True)
    if not args.keep:
        shutil.rmtree(run_dir / "results" / "interim", ignore_errors=True)
    return row, stages


def stage_rows(
    n: int,
    seen: dict[str, float],
    run_cpu: float,
    jobs: dict[str, dict[str, float]] | None = None,
    raw_mb: dict[str, float] | None = None,
) -> list[dict]:
    """Return the rows of the CPU-by-stage table of one run: each stage's CPU seconds (its
    rule's processes and their worker children), per document and as a share of the run's
    CPU, largest first, and what the sampling did not see; with ``jobs`` (PeakMemory's
    stage_jobs()) and ``raw_mb`` (raw megabytes of the largest job of each stage), the largest
    job's memory and duration and the text it covered."""
    unseen = max(0.0, run_cpu - sum(seen.values()))
    stages = sorted(seen.items(), key=lambda item: (-item[1], item[0]))
    jobs, raw_mb = jobs or {}, raw_mb or {}
    rows = []
    for stage, seconds in [*stages, ("(not sampled)", unseen)]:
        job = jobs.get(stage, {})
        rows.append(
            {
                "documents": n,
                "stage": stage,
                "cpu_s": round(seconds, 1),
                "cpu_ms_per_document": round(1000 * seconds / n, 3),
                "share_of_run_cpu": round(seconds / run_cpu, 3) if run_cpu > 0 else float("nan"),
                "jobs": int(job["jobs"]) if job else "",
                "job_peak_mb": round(job["job_peak_mb"]) if job else "",
                "job_s": round(job["job_s"], 1) if job else "",
                "job_raw_mb": round(raw_mb[stage], 2) if job and stage in raw_mb else "",
            }
        )
    return rows


STAGE_COLUMNS = [
    "documents",
    "stage",
    "cpu_s",
    "cpu_ms_per_document",
    "share_of_run_cpu",
    "jobs",
    "job_peak_mb",
    "job_s",
    "job_raw_mb",
]


def job_raw_megabytes(documents: pd.DataFrame, stages: list[str]) -> dict[str, float]:
    """Return the raw megabytes (of the files in documents.csv) the largest job of each stage
    covers: its largest shard for a per-shard rule, the whole corpus for any other."""
    corpus = float(documents["size_bytes"].sum()) / 1e6
    largest_shard = float(documents.groupby("shard")["size_bytes"].sum().max()) / 1e6
    return {s: largest_shard if s in resources.SHARD_RULES else corpus for s in stages}


def merge_rows(rows: list[dict], path: Path, columns: list[str]) -> pd.DataFrame:
    """Merge one run's rows into the CSV table at ``path`` (replacing the rows of the same
    corpus sizes, keeping the others), write it and return it, sorted by size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pd.DataFrame(columns=columns)
    if path.exists():
        table = pd.read_csv(path, keep_default_na=False)
    table = table[~table["documents"].astype(int).isin({r["documents"] for r in rows})]
    table = pd.concat([table, pd.DataFrame(rows, columns=columns)], ignore_index=True)
    table = table.reindex(columns=columns)
    table = table.sort_values("documents", key=lambda s: s.astype(int), kind="stable")
    table.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return table


def write_stage_table(rows: list[dict], path: Path) -> None:
    """Merge one run's CPU-by-stage rows into the table and write its Markdown twin."""
    table = merge_rows(rows, path, STAGE_COLUMNS)
    lines = [
        "| documents | stage | CPU (s) | CPU per document (ms) | share of the run's CPU | jobs "
        "| largest job: memory (MB) | largest job: time (s) | largest job: raw text (MB) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {int(r.documents):,} | {r.stage} | {r.cpu_s} | {r.cpu_ms_per_document} | "
            f"{float(r.share_of_run_cpu):.1%} | {r.jobs} | {r.job_peak_mb} | {r.job_s} | "
            f"{r.job_raw_mb} |"
            for r in table.itertuples(index=False)
        ),
    ]
    path.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_table(rows: list[dict], path: Path) -> None:
    """Merge rows into the results CSV (one row per corpus size) and write its Markdown twin."""
    table = merge_rows(rows, path, COLUMNS)
    path.with_suffix(".md").write_text(markdown(table), encoding="utf-8")


def markdown(table: pd.DataFrame) -> str:
    """Return the README's view of the results table."""
    header = (
        "| documents | wall (s) | CPU (s) | documents/s | statcheck documents/s | speed-up "
        "(wall / CPU) | peak RSS (MB) | DAG build (s) | no-op re-run (s) | planted found | "
        "false alarms | load before |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )

    def statcheck_rate(r) -> str:
        """statcheck's rate, with how many files it read when it read a sample."""
        read = str(r.statcheck_documents)
        if read in {"", "nan"} or int(float(read)) >= int(r.documents):
            return str(r.statcheck_documents_per_s)
        return (
            f"{r.statcheck_documents_per_s} (every {int(r.documents) // int(float(read))}th file)"
        )

    lines = [
        f"| {int(r.documents):,} | {r.wall_s} | {r.cpu_s} | {r.documents_per_s} | "
        f"{statcheck_rate(r)} | {r.speedup_vs_statcheck} / "
        f"{r.cpu_speedup_vs_statcheck} | {r.peak_rss_mb} ({r.peak_rss_process}) | "
        f"{r.dag_build_s} | {r.noop_s} | {r.found}/{r.planted} | {r.false_alarms} | "
        f"{r.load_before} |"
        for r in table.itertuples(index=False)
    ]
    return header + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--work", default=str(HERE / "results" / "work"))
    parser.add_argument("--out", default=str(HERE / "results" / "scale.csv"))
    parser.add_argument(
        "--no-statcheck", dest="statcheck", action="store_false", help="skip R's statcheck"
    )
    parser.add_argument(
        "--statcheck-max-documents",
        type=int,
        default=10**9,
        help="run statcheck on every k-th file so that at most this many are read (its rate "
        "falls with corpus size: 120-150/s at 1,000 files, 80-110/s at 10,000)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the intermediate files of each run"
    )
    args = parser.parse_args(argv)
    if args.statcheck and not statcheck_available():
        parser.error(
            "R's statcheck is needed for the comparison: install r-base-core and "
            "r-cran-statcheck (Debian) or the statcheck package from CRAN, or pass --no-statcheck"
        )
    stages_out = Path(args.out).with_name("stage_cpu.csv")
    for n in args.sizes:
        row, stages = measure(n, args)
        write_table([row], Path(args.out))
        write_stage_table(stages, stages_out)
    print(Path(args.out).with_suffix(".md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
