"""Run the real Snakemake workflow on a corpus in a temporary project folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_PARTS = (
    "Snakefile",
    "workflow",
    "config",
    "profiles",
    "environment.yml",
    "requirements.txt",
)
SEEDS = sorted((REPO / "data" / "raw").glob("*.txt"))
RAW_FILES = sorted(p for p in (REPO / "data" / "raw").iterdir() if p.is_file())


def make_project(
    root: Path,
    files: dict[str, bytes] | None = None,
    seeds: bool = True,
    config: dict | None = None,
) -> Path:
    """Create a project folder with the workflow, the seed corpus (optional), extra raw files
    and config overrides merged into config/config.yaml; return its path."""
    project = root / "project"
    project.mkdir(parents=True)
    for part in WORKFLOW_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        else:
            shutil.copy2(source, project / part)
    raw = project / "data" / "raw"
    raw.mkdir(parents=True)
    if seeds:
        for seed in RAW_FILES:
            shutil.copy2(seed, raw / seed.name)
    for name, data in (files or {}).items():
        target = raw / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if config:
        path = project / "config" / "config.yaml"
        merged = yaml.safe_load(path.read_text(encoding="utf-8"))
        _merge(merged, config)
        path.write_text(yaml.safe_dump(merged, sort_keys=False), encoding="utf-8")
    return project


def _merge(base: dict, override: dict) -> None:
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def environment() -> dict[str, str]:
    """The environment for a workflow run: this checkout's package first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    return env


def snakemake(
    project: Path, *args: str, cores: int = 2, check: bool = True, timeout: float = 900
) -> subprocess.CompletedProcess:
    """Run ``snakemake --cores N args`` in ``project``; raise with its output if it fails."""
    command = [sys.executable, "-m", "snakemake", "--cores", str(cores), *args]
    result = subprocess.run(
        command,
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def planned_jobs(project: Path, *args: str) -> dict[str, int]:
    """Return {rule: number of jobs} that a dry run would execute."""
    result = snakemake(project, *args, "--dry-run", "--quiet", "rules")
    counts: dict[str, int] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit() and parts[0] not in {"total", "job"}:
            counts[parts[0]] = int(parts[1])
    return counts
