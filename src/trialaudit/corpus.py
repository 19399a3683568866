"""Which files make up the corpus, the doc_id of each, and the shard each belongs to."""

from __future__ import annotations

import fnmatch
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROLE_DOCUMENT = "document"
ROLE_EXCLUDED = "excluded"
ROLE_UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class SourceFile:
    """One file under the raw-data folder and how the workflow treats it."""

    name: str  # path relative to the raw folder, POSIX separators
    path: str  # path as given to Snakemake (raw folder joined with name)
    doc_id: str
    role: str
    shard: str


def _stem(name: str) -> str:
    """Return the file name without its last extension (the contract's doc_id)."""
    path = PurePosixPath(name)
    stem = path.stem if path.suffix else path.name
    parent = path.parent.as_posix()
    return stem if parent == "." else f"{parent}/{stem}"


def assign_doc_ids(names: list[str]) -> dict[str, str]:
    """Return a doc_id per file name: the name without extension, made unique deterministically.

    When several names share a stem (``a.txt`` and ``a.md``), the first in sorted order keeps the
    stem and the others get the stem plus their extension (``a.md``), then a counter if needed.
    """
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        candidate = _stem(name)
        if candidate in taken:
            candidate = name
        base, counter = candidate, 2
        while candidate in taken:
            candidate, counter = f"{base}~{counter}", counter + 1
        taken.add(candidate)
        ids[name] = candidate
    return ids


def shard_count(n_documents: int, shard_size: int) -> int:
    """Return the number of shards: the smallest power of two giving at most ``shard_size`` each
    on average, so that the assignment only changes when the corpus doubles or halves."""
    needed = max(1, math.ceil(n_documents / shard_size))
    return 1 << (needed - 1).bit_length()


def shard_index(doc_id: str, n_shards: int) -> int:
    """Return the shard of a document: a stable hash of its doc_id modulo the shard count."""
    digest = hashlib.sha1(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n_shards


def shard_name(index: int) -> str:
    """Return the wildcard value naming a shard."""
    return f"shard{index:05d}"


def discover(
    raw_dir: str | Path, extensions: list[str], exclude: list[str], shard_size: int
) -> list[SourceFile]:
    """Return every regular file or link below ``raw_dir`` with its doc_id, role and shard."""
    raw = Path(raw_dir)
    names = sorted(
        path.relative_to(raw).as_posix()
        for path in raw.rglob("*")
        if path.is_file() or path.is_symlink()
    )
    ids = assign_doc_ids(names)
    wanted = {ext.lower() for ext in extensions}
    n_shards = shard_count(len(names), shard_size)
    files = []
    for name in names:
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in exclude):
            role = ROLE_EXCLUDED
        elif PurePosixPath(name).suffix.lower() in wanted:
            role = ROLE_DOCUMENT
        else:
            role = ROLE_UNSUPPORTED
        doc_id = ids[name]
        files.append(
            SourceFile(
                name=name,
                path=(raw / name).as_posix(),
                doc_id=doc_id,
                role=role,
                shard=shard_name(shard_index(doc_id, n_shards)),
            )
        )
    return files
