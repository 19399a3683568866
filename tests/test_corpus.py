"""doc_ids and shards: deterministic, collision-free, stable when the corpus grows."""

from __future__ import annotations

from trialaudit.corpus import assign_doc_ids, discover, shard_count, shard_index


def test_doc_id_is_the_file_name_without_extension():
    assert assign_doc_ids(["000_abc.txt", "b.md"]) == {"000_abc.txt": "000_abc", "b.md": "b"}


def test_colliding_stems_are_both_kept_with_distinct_ids():
    ids = assign_doc_ids(["a.txt", "a.md", "a.html"])
    assert len(set(ids.values())) == 3
    assert "a" in ids.values()


def test_shard_count_is_a_power_of_two_that_bounds_the_average_size():
    assert shard_count(0, 10) == 1
    assert shard_count(10, 10) == 1
    assert shard_count(11, 10) == 2
    assert shard_count(1000, 10) == 128


def test_min_shards_gives_each_core_a_shard_when_shards_stay_worth_their_start_up():
    assert shard_count(10_000, 12_500, min_shards=2) == 2  # not one shard on two cores
    assert shard_count(100_000, 12_500, min_shards=2) == 8  # the size decides above
    assert shard_count(1_000, 12_500, min_shards=3) == 4  # rounded up to a power of two
    assert shard_count(150, 12_500, min_shards=2) == 1  # 75 documents a shard: too few
    assert shard_count(200, 12_500, min_shards=2) == 2
    assert shard_count(5, 12_500, min_shards=2) == 1


def test_shard_assignment_does_not_depend_on_the_other_documents():
    assert shard_index("000_687c769a69b8fe8d", 8) == shard_index("000_687c769a69b8fe8d", 8)
    assert {shard_index(f"doc{i}", 8) for i in range(200)} == set(range(8))


def test_discover_lists_every_file_with_its_role(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.pdf", "README.md", "c.html"):
        (raw / name).write_text("x", encoding="utf-8")
    files = {f.name: f for f in discover(raw, [".txt", ".html", ".md"], ["README.md"], 10)}
    assert {name: f.role for name, f in files.items()} == {
        "README.md": "excluded",
        "a.txt": "document",
        "b.pdf": "unsupported",
        "c.html": "document",
    }


def test_exclude_patterns_match_as_fnmatch_does_each_on_its_own(tmp_path):
    """Several glob patterns at once (wildcards, classes, a folder part, case) exclude exactly
    the names that at least one of them matches under fnmatch.fnmatchcase."""
    import fnmatch

    raw = tmp_path / "raw"
    (raw / "drafts").mkdir(parents=True)
    names = [
        "README.md",
        "readme.md",
        "a.txt",
        "notes_old.txt",
        "trial[1].txt",
        "trial1.txt",
        "drafts/x.txt",
        "b.md",
        "c?.txt",
    ]
    for name in names:
        (raw / name).write_text("x", encoding="utf-8")
    patterns = ["README.md", "*_old.txt", "drafts/*", "trial[0-9].txt", "c[?].txt"]
    files = discover(raw, [".txt", ".md"], patterns, 10)
    excluded = {f.name for f in files if f.role == "excluded"}
    expected = {n for n in names if any(fnmatch.fnmatchcase(n, p) for p in patterns)}
    assert excluded == expected
    assert excluded == {"README.md", "notes_old.txt", "drafts/x.txt", "trial1.txt", "c?.txt"}
    none = discover(raw, [".txt", ".md"], [], 10)
    assert all(f.role == "document" for f in none)
