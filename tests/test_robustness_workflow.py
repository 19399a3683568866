"""End to end: whatever a user drops into data/raw/, the run exits 0, every file is listed with
what became of it, and the other documents' results are exactly those of a clean run."""

from __future__ import annotations

import codecs
import math
import os
from pathlib import Path

import pandas as pd
import pytest
from slow_documents import slow_text
from workflow_runner import RAW_FILES, SEEDS, make_project, planned_jobs, snakemake

from trialaudit import schemas, tables
from trialaudit.decoding import sha256

pytestmark = pytest.mark.e2e

SEED = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
S000, S001, S002, S003, S004 = sorted(SEED)
FRENCH = (
    "Résultats. La mortalité à J28 était de 3/11 (27 %) dans le groupe CSM et de 8/24 (33 %) "
    "dans le groupe témoin ; âge moyen 54 ± 12 ans, p = 0.70.\n"
    "Les événements indésirables : 2 of 11 (18%) contre 5 of 24 (21%).\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Trial 9/99</title><script>var x = '5/55 (9%)';</script>"
    "<style>.a{}</style></head><body><nav hidden>7/77 (9%)</nav><p>Deaths were 3 of 11 "
    "(27.3%) in the MSC group and 8 of 24 (33.3%) in the control group (p&nbsp;=&nbsp;0.70)."
    "</p><!-- 6/66 (9%) --></body></html>"
)
# A document that needs at least 2 s of CPU time (twice the limit), sized on this machine; the
# size limit lets it through and stops a dump twice its size.
STUCK = slow_text(2.0).encode()
LIMIT_MB = max(1, math.ceil(2 * len(STUCK) / 1e6))
CONFIG = {
    "corpus": {"max_document_megabytes": LIMIT_MB},
    "extraction": {"document_time_limit_seconds": 1},
}
# Copies of seeds under other names and encodings: their statistics must equal the seed's.
COPIES = {
    "export utf16.txt": (S004, codecs.BOM_UTF16_LE + SEED[S004].encode("utf-16-le")),
    "export utf16 big endian no bom.txt": (S001, SEED[S001].encode("utf-16-be")),
    "chinese page gb18030.txt": (S000, SEED[S000].encode("gb18030")),
    "with bom.md": (S002, codecs.BOM_UTF8 + SEED[S002].encode()),
    "a{b}.txt": (S004, SEED[S004].encode()),
    "{shard}.txt": (S004, SEED[S004].encode()),
    "-rf.txt": (S004, SEED[S004].encode()),
    "$(touch pwned); rm -rf x.txt": (S004, SEED[S004].encode()),
    "名前 with space.txt": (S004, SEED[S004].encode()),
    "dup.txt": (S004, SEED[S004].encode()),
    "dup.md": (S004, SEED[S004].encode()),
}
BAD = {
    "saved as text.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF signature)"),
    "scan.txt": (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary content (PNG signature)"),
    "._mac.txt": (b"\x00\x05\x16\x07\x00\x02\x00\x00", "binary content (AppleDouble"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t\n", "empty (only white space)"),
    "japanese.txt": (
        "患者の死亡率は対照群と差がなかった。".encode("shift_jis"),
        "undecodable as UTF-8, UTF-16, GB18030 or Latin-1",
    ),
    "paper.pdf": (b"%PDF-1.7", "file type .pdf is not read (see config corpus.extensions)"),
    "dump.txt": (
        SEED[S001].encode() * math.ceil(1.2 * LIMIT_MB * 1e6 / len(SEED[S001].encode())),
        f"too large: {1.2 * LIMIT_MB:.1f} MB, more than config corpus.max_document_megabytes"
        f" = {LIMIT_MB}",
    ),
    "stuck.txt": (
        STUCK,
        "extraction took more than 1 s of CPU time (config extraction.document_time_limit_seconds)",
    ),
    "hidden only.html": (
        b"<html><head><script>x = '3/11'</script></head><body><div hidden>5/10</div></body>",
        "empty (HTML without visible text)",
    ),
}
OUTSIDE = b"OUTSIDE: deaths 77/99 (77.8%) in the MSC group."


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("clean"), config=CONFIG)
    snakemake(project)
    return project


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("messy")
    files = {name: data for name, (_, data) in COPIES.items()}
    files.update({name: data for name, (data, _) in BAD.items()})
    files["french cp1252.txt"] = FRENCH.encode("cp1252")
    files["page.txt"] = PAGE.encode()
    project = make_project(root, files=files, config=CONFIG)
    raw = project / "data" / "raw"
    (root / "outside.txt").write_bytes(OUTSIDE)
    (raw / "link out.txt").symlink_to(root / "outside.txt")
    (raw / "broken link.txt").symlink_to("nowhere.txt")
    os.mkfifo(raw / "pipe.txt")
    before = _digests(raw)
    result = snakemake(project)
    assert result.returncode == 0
    assert _digests(raw) == before
    return project


def _digests(raw: Path) -> dict[str, str]:
    return {
        p.name: ("link" if p.is_symlink() else sha256(p.read_bytes()) if p.is_file() else "other")
        for p in raw.iterdir()
    }


def _table(project: Path, name: str) -> pd.DataFrame:
    model = {
        "documents": schemas.DocumentsTable,
        "quarantine": schemas.QuarantineTable,
        "statistics": schemas.StatisticsTable,
        "checks": schemas.ChecksTable,
        "comparisons": schemas.ComparisonsTable,
        "arms": schemas.ArmsTable,
        "facts": schemas.FactsTable,
        "studies": schemas.StudiesTable,
    }[name]
    return tables.read_csv(project / "results" / "tables" / f"{name}.csv", model)


def test_every_file_is_listed_with_what_became_of_it(messy):
    documents = _table(messy, "documents").set_index("file_name")
    raw = messy / "data" / "raw"
    assert sorted(documents.index) == sorted(p.name for p in raw.iterdir())
    assert documents.loc["README.md", "status"] == "excluded"
    assert documents.loc["french cp1252.txt", "encoding"] == "cp1252"
    assert documents.loc["chinese page gb18030.txt", "encoding"] == "gb18030"
    assert documents.loc["export utf16.txt", "encoding"] == "utf-16-le"
    assert documents.loc["export utf16 big endian no bom.txt", "encoding"] == "utf-16-be"
    assert documents.loc["page.txt", "encoding"] == "utf-8+html"
    for name, (data, _) in BAD.items():
        assert documents.loc[name, "size_bytes"] == len(data)
        assert documents.loc[name, "sha256"] == sha256(data)
    ok = documents[documents["status"] == "ok"]
    assert sorted(ok.index) == sorted(
        [*(p.name for p in SEEDS), *COPIES, "french cp1252.txt", "page.txt"]
    )
    assert len(set(documents["doc_id"])) == len(documents)
    assert documents.loc["dup.txt", "doc_id"] != documents.loc["dup.md", "doc_id"]


def test_quarantine_says_why_in_words(messy):
    quarantine = _table(messy, "quarantine").set_index("file_name")["reason"].to_dict()
    expected = {name: reason for name, (_, reason) in BAD.items()}
    expected.update(
        {
            "link out.txt": "symbolic link to a location outside data/raw (not followed)",
            "broken link.txt": "broken symbolic link (its target does not exist)",
            "pipe.txt": "not a regular file (named pipe)",
        }
    )
    assert sorted(quarantine) == sorted(expected)
    for name, reason in expected.items():
        assert quarantine[name].startswith(reason), (name, quarantine[name])


@pytest.mark.parametrize("table", ["statistics", "checks", "comparisons", "arms", "facts"])
def test_the_seeds_results_are_exactly_those_of_a_clean_run(clean, messy, table):
    ours = _table(messy, table)
    ours = ours[ours["doc_id"].isin(SEED)].reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, _table(clean, table))


def test_copies_in_other_encodings_and_names_give_the_seeds_statistics(messy):
    documents = _table(messy, "documents").set_index("file_name")
    statistics = _table(messy, "statistics")
    by_doc = {
        d: g.drop(columns="doc_id").reset_index(drop=True) for d, g in statistics.groupby("doc_id")
    }
    for name, (seed, _) in COPIES.items():
        copy = by_doc.get(documents.loc[name, "doc_id"])
        assert copy is not None, name
        pd.testing.assert_frame_equal(copy, by_doc[seed], obj=name)


def test_offsets_refer_to_the_decoded_text_of_a_latin1_document(messy):
    documents = _table(messy, "documents").set_index("file_name")
    statistics = _table(messy, "statistics")
    rows = statistics[statistics["doc_id"] == documents.loc["french cp1252.txt", "doc_id"]]
    assert len(rows) >= 2
    for row in rows.itertuples(index=False):
        assert FRENCH[row.span_start : row.span_end] == row.source_text


def test_html_is_read_as_its_visible_text_only(messy):
    documents = _table(messy, "documents").set_index("file_name")
    statistics = _table(messy, "statistics")
    rows = statistics[statistics["doc_id"] == documents.loc["page.txt", "doc_id"]]
    assert "3 of 11" in " ".join(rows["source_text"])
    for hidden in ("9/99", "5/55", "7/77", "6/66"):
        assert not statistics["source_text"].str.contains(hidden, regex=False).any()


def test_nothing_is_read_from_outside_or_executed(messy):
    statistics = _table(messy, "statistics")
    assert not statistics["source_text"].str.contains("77/99", regex=False).any()
    assert not (messy / "pwned").exists()
    assert not (messy / "data" / "raw" / "pwned").exists()
    assert sorted(p.name for p in messy.iterdir()) == sorted(
        [*("Snakefile", "workflow", "config", "profiles", "environment.yml", "requirements.txt"),
         *("data", "results", "logs", ".snakemake")]
    )  # fmt: skip
    assert (
        len(list((messy / "data" / "raw").iterdir())) == len(RAW_FILES) + len(COPIES) + len(BAD) + 5
    )


def test_files_snakemake_cannot_track_still_rerun_their_shard_when_changed(messy):
    assert planned_jobs(messy) == {}
    target = messy / "data" / "raw" / "a{b}.txt"
    target.write_bytes(target.read_bytes() + b"\nAdded: 5/10 (50%) in the MSC group.\n")
    jobs = planned_jobs(messy)
    assert jobs.get("normalize_text") == 1 and jobs.get("collect_tables") == 1
