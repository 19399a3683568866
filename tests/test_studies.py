"""The document model: a document can report several studies, and each statistic, arm and fact
is attributed to the study whose text reports it."""

from __future__ import annotations

from trialaudit.extract import extract_document
from trialaudit.normalize import normalize

FORUM = "001_ee862e205fadbfc4"


def by_study(rows: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["study_id"], []).append(row)
    return groups


def test_forum_thread_quotes_two_studies(seed_texts):
    text = seed_texts[FORUM]
    extraction = extract_document(FORUM, text)
    studies = {s["study_id"]: s for s in extraction.studies}
    assert sorted(studies) == ["S1", "S2"]
    s1, s2 = studies["S1"], studies["S2"]
    assert s1["title"].startswith("Long-term outcomes of mesenchymal stem cell therapy")
    assert s1["year"] == 2025
    assert s1["journal"] == "Stem Cell Research and Therapy"
    assert s1["authors"].startswith("Meng-Qi Yuan; Le Song;")
    assert s2["title"].startswith("Effect of human umbilical cord-derived mesenchymal stem cells")
    assert s2["year"] == 2021
    assert s2["registrations"] == "NCT04288102"
    assert s2["journal"] == "Signal Transduction and Targeted Therapy"
    assert s2["authors"].startswith("Shi, Lei; Huang, Hai;")
    # the second study starts where the thread turns to "the original study"
    assert text[s2["span_start"] :].lstrip().startswith("From the original study")
    for study in (s1, s2):
        assert text[study["title_start"] : study["title_end"]] == study["title"]


def test_statistics_belong_to_the_study_that_reports_them(seed_texts):
    stats = extract_document(FORUM, seed_texts[FORUM]).statistics
    study_of = {normalize(r["source_text"]): r["study_id"] for r in stats}
    assert study_of["odds ratio [OR] = 1.68, 95% confidence interval [CI]: 0.65-4.34"] == "S1"
    assert study_of["One hundred"] == "S1"
    assert study_of["101"] == "S2"
    assert study_of["median difference was -13.31%, 95% CI -29.14%, 2.13%"] == "S2"
    sizes = {(r["study_id"], r["value"]) for r in stats if r["kind"] == "sample_size"}
    assert sizes == {("S1", 100), ("S2", 101), ("S2", 100)}


def test_time_points_of_each_study(seed_texts):
    stats = extract_document(FORUM, seed_texts[FORUM]).statistics
    odds_ratio = next(r for r in stats if r["kind"] == "ratio")
    assert (odds_ratio["timepoint"], odds_ratio["timepoint_days"]) == ("year 3", 3 * 365.25)
    first_difference = next(r for r in stats if r["measure"] == "median difference")
    assert first_difference["timepoint"] == "day 28"


def test_a_repeated_title_is_the_same_study():
    text = (
        "Long-term outcomes of cell therapy in severe COVID-19: 3-year follow-up of a trial\n\n"
        "Long-term outcomes of cell therapy in severe COVID-19: 3-year follow-up of a "
        "randomized trial\n\nAnn Lee, Bo Chen, Cai Wu\n\nMortality was 3/49 vs 5/29."
    )
    assert [s["study_id"] for s in extract_document("t", text).studies] == ["S1"]


REVIEW = (
    "Mesenchymal stem cells for COVID-19: a systematic review of randomized trials\n\n"
    "We identified three trials. Shu et al. (ChiCTR2000031494) randomized 41 patients; "
    "mortality was 0/12 vs 3/29. Lanzoni et al. (NCT04355728) randomized 24 patients; "
    "survival was better with cells (HR 0.16, 95% CI 0.03–0.85). Dilogo et al. (NCT04457609) "
    "randomized 40 patients; mortality was 10/20 vs 16/20. Pooled, the RR was 0.60 (95% CI "
    "0.40–0.91) in NCT04355728."
)


def test_a_review_walks_through_several_trials():
    extraction = extract_document("review", REVIEW)
    studies = {s["study_id"]: s["registrations"] for s in extraction.studies}
    assert studies == {
        "S1": "",
        "S2": "ChiCTR2000031494",
        "S3": "NCT04355728",
        "S4": "NCT04457609",
    }
    rows = {r["source_text"]: r["study_id"] for r in extraction.statistics}
    assert rows["0/12"] == rows["3/29"] == rows["41"] == "S2"
    assert rows["HR 0.16, 95% CI 0.03–0.85"] == "S3"
    assert rows["10/20"] == rows["16/20"] == "S4"
    # a later sentence naming an earlier registration belongs to that trial again
    assert rows["RR was 0.60 (95% CI 0.40–0.91"] == "S3"


def test_one_trial_with_two_registrations_in_one_sentence_is_one_study():
    text = (
        "A randomized trial (NCT04288102; ChiCTR2000029990) of 100 patients. "
        "Mortality was 3/65 vs 4/35."
    )
    assert [s["study_id"] for s in extract_document("t", text).studies] == ["S1"]


def test_every_row_of_every_table_has_a_study_of_its_document(seed_texts):
    for doc_id, text in seed_texts.items():
        extraction = extract_document(doc_id, text)
        ids = {s["study_id"] for s in extraction.studies}
        for table in ("statistics", "arms", "facts", "comparisons"):
            assert {r["study_id"] for r in getattr(extraction, table)} <= ids
