"""Every entry under data/raw/ is listed, nothing outside it is read, and names never collide."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from trialaudit.corpus import assign_doc_ids, discover
from trialaudit.decoding import NO_DIGEST, read_source, sha256

EXTENSIONS = [".txt", ".md", ".html", ".htm"]
TEXT = b"Deaths were 3/11 (27%) in the MSC group and 8/24 (33%) in the control group."


def _sources(raw: Path, **kwargs) -> dict[str, dict]:
    found = discover(raw, EXTENSIONS, ["README.md"], 100, **kwargs)
    return {
        f.name: {
            "name": f.name,
            "path": f.path,
            "doc_id": f.doc_id,
            "role": f.role,
            "shard": f.shard,
            "problem": f.problem,
        }
        for f in found
    }


def test_links_pipes_and_folders_are_listed_and_never_followed_out(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"OUTSIDE 77/99 (78%)")
    raw = tmp_path / "raw"
    (raw / "nested" / "deeper").mkdir(parents=True)
    (raw / "nested" / "deeper" / "a.txt").write_bytes(TEXT)
    (raw / "inside.txt").write_bytes(TEXT)
    (raw / "link to inside.txt").symlink_to("inside.txt")
    (raw / "link to outside.txt").symlink_to(outside / "secret.txt")
    (raw / "relative escape.txt").symlink_to("../outside/secret.txt")
    (raw / "broken.txt").symlink_to("missing.txt")
    (raw / "linked folder").symlink_to(outside)
    (raw / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(raw / "pipe.txt")

    sources = _sources(raw)
    assert sorted(sources) == [
        "broken.txt",
        "inside.txt",
        "link to inside.txt",
        "link to outside.txt",
        "linked folder",
        "loop.txt",
        "nested/deeper/a.txt",
        "pipe.txt",
        "relative escape.txt",
    ]
    problems = {name: s["problem"] for name, s in sources.items()}
    assert problems["inside.txt"] == problems["link to inside.txt"] == ""
    assert problems["nested/deeper/a.txt"] == ""
    for name in ("link to outside.txt", "relative escape.txt", "linked folder"):
        assert problems[name] == "symbolic link to a location outside data/raw (not followed)"
    assert problems["broken.txt"].startswith("broken symbolic link")
    assert problems["loop.txt"].startswith("broken symbolic link")
    assert problems["pipe.txt"] == "not a regular file (named pipe)"

    rows = {name: read_source(source) for name, source in sources.items()}
    assert rows["link to inside.txt"]["text"] == TEXT.decode()
    assert rows["nested/deeper/a.txt"]["doc_id"] == "nested/deeper/a"
    for name, problem in problems.items():
        if problem:  # listed with the reason, never opened (a pipe would block the run)
            assert rows[name]["status"] == "quarantined"
            assert rows[name]["reason"] == problem
            assert rows[name]["sha256"] == NO_DIGEST
            assert rows[name]["text"] == ""


def test_a_raw_folder_that_is_itself_a_link_is_read(tmp_path):
    corpus = tmp_path / "corpus on another disk"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(TEXT)
    (corpus / "b.txt").symlink_to("a.txt")
    (tmp_path / "raw").symlink_to(corpus)
    sources = _sources(tmp_path / "raw")
    assert {name: s["problem"] for name, s in sources.items()} == {"a.txt": "", "b.txt": ""}


def test_names_with_spaces_unicode_metacharacters_and_dashes(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    names = [
        "-rf.txt",
        "--help.md",
        "$(touch pwned).txt",
        "a;b|c&d'\".txt",
        "名前 with space.txt",
        "tab\tname.txt",
        "new\nline.txt",
        "a{b}.txt",
        "{shard}.txt",
        "*.txt",
        "[a].txt",
        ".hidden.txt",
    ]
    for name in names:
        (raw / name).write_bytes(TEXT)
    sources = _sources(raw)
    assert sorted(sources) == sorted(names)
    for name, source in sources.items():
        row = read_source(source)
        assert (row["status"], row["text"]) == ("ok", TEXT.decode()), name
        assert row["sha256"] == sha256(TEXT)
    assert not (raw / "pwned").exists() and not Path("pwned").exists()


def test_listed_but_not_read_files_carry_size_and_digest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "README.md").write_bytes(b"# corpus notes")
    (raw / "paper.pdf").write_bytes(b"%PDF-1.7 binary")
    (raw / "notes").write_bytes(b"no extension")
    (raw / "big.txt").write_bytes(TEXT * 20000)  # 76 bytes * 20000 = 1.52 MB
    sources = _sources(raw)
    rows = {name: read_source(s, max_bytes=1_000_000) for name, s in sources.items()}
    assert rows["README.md"]["status"] == "excluded"
    assert rows["paper.pdf"]["reason"] == (
        "file type .pdf is not read (see config corpus.extensions)"
    )
    assert rows["notes"]["reason"] == (
        "file type (no extension) is not read (see config corpus.extensions)"
    )
    assert rows["big.txt"]["reason"] == (
        "too large: 1.5 MB, more than config corpus.max_document_megabytes = 1 "
        "(raise it to read this file)"
    )
    assert rows["big.txt"]["sha256"] == sha256(TEXT * 20000)
    assert rows["big.txt"]["size_bytes"] == len(TEXT) * 20000
    for row in rows.values():
        assert row["text"] == ""
        assert row["sha256"] != NO_DIGEST


def test_a_file_that_vanished_is_quarantined_not_fatal(tmp_path):
    source = {"name": "gone.txt", "path": str(tmp_path / "gone.txt"), "doc_id": "gone"}
    row = read_source({**source, "role": "document", "shard": "shard00000"})
    assert row["status"] == "quarantined"
    assert row["reason"] == "unreadable file (No such file or directory)"


def test_colliding_names_keep_distinct_ids():
    ids = assign_doc_ids(["a.txt", "a.md", "a.html", "a.md.txt", "a", "sub/a.txt", "sub/a.md"])
    assert ids == {
        "a": "a",
        "a.html": "a.html",
        "a.md": "a.md",
        "a.md.txt": "a.md.txt",
        "a.txt": "a.txt",
        "sub/a.md": "sub/a",
        "sub/a.txt": "sub/a.txt",
    }


_NAME = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=12,
).filter(lambda n: n not in {".", ".."})


_EXT = st.sampled_from(["", ".txt", ".md", ".html", ".TXT"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_NAME, _EXT), max_size=30))
def test_doc_ids_are_unique_and_do_not_depend_on_listing_order(parts):
    names = sorted({stem + ext for stem, ext in parts})
    ids = assign_doc_ids(names)
    assert sorted(ids) == names
    assert len(set(ids.values())) == len(names)
    assert assign_doc_ids(list(reversed(names))) == ids
