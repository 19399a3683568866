"""The document model: a document can report several studies, and each statistic, arm and fact
is attributed to the study whose text reports it."""

from __future__ import annotations

import pytest

from trialaudit.checks import Settings, check_document
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


def test_a_registry_records_secondary_numbers_are_the_same_trial():
    text = (
        "ISRCTN registry  ›  Search  ›  ISRCTN48213576\n"
        "Intravenous tranexamic acid versus placebo in primary total knee arthroplasty\n"
        "Secondary identifying numbers: EudraCT 2017-001234-56; IRAS 218765\n"
        "Total final enrolment: 286\n"
        "286 patients were randomised (TXA n=143, placebo n=143).\n"
    )
    extraction = extract_document("t", text)
    assert [s["study_id"] for s in extraction.studies] == ["S1"]
    assert {r["study_id"] for r in extraction.statistics} == {"S1"}


THREAD = (
    "Post #1 by dr_okafor » Joined: 2019\n"
    'Quote: "In the Kisumu trial, ACPR at day 28 was 187/196 (95.4%) versus 181/196 (92.3%)."\n'
    "Post #2 by anna_m\n"
    "The Mekong triple-therapy trial says recrudescence occurred in 4 of 160 patients and 17 of 158"
    " (HR 0.23, 95% CI 0.08–0.68). What about MEND-ARDS? 31 of 121 vs 42 of 119 died.\n"
    "Post #3 by dr_okafor\n"
    "Gametocyte carriage in the Kisumu trial was 12% vs 9%.\n"
)


def test_a_thread_that_names_several_trials_gives_each_its_statistics():
    rows = {r["source_text"]: r["study_id"] for r in extract_document("t", THREAD).statistics}
    assert rows["187/196 (95.4%)"] == rows["181/196 (92.3%)"] == "S1"
    assert rows["4 of 160"] == rows["HR 0.23, 95% CI 0.08–0.68"] == "S2"
    assert rows["31 of 121"] == rows["42 of 119"] == "S3"
    assert rows["12%"] == rows["9%"] == "S1"  # named again: back to that trial


def test_numbered_studies_and_a_second_name_within_a_sentence():
    text = (
        "Study 1: migraine days fell by 4.3 vs 2.8, difference −1.5 (95% CI −2.1 to "
        "−0.9). Study 2: responder rate 39.9% vs 23.5%, OR 2.2, 95% CI 1.5–3.2. "
        "Study 1 randomised 955 patients and Study 2 had n = 190."
    )
    rows = {r["source_text"]: r["study_id"] for r in extract_document("t", text).statistics}
    assert rows["difference −1.5 (95% CI −2.1 to −0.9"] == "S1"
    assert rows["OR 2.2, 95% CI 1.5–3.2"] == "S2"
    assert rows["955"] == "S1" and rows["n = 190"] == "S2"


@pytest.mark.parametrize(
    "text",
    [
        # an abstract that names another trial is no thread: one study
        "The RECOVERY trial used dexamethasone. In the Kisumu trial, 187/196 (95.4%) were cured "
        "versus 181/196 (92.3%).",
        # a thread that names one trial only
        "Post #1 by x\nThe Kisumu trial: 187/196 (95.4%) vs 181/196 (92.3%).\nReply #2\nIn the "
        "Kisumu trial, 12% vs 9%.",
        # ... whose tests, cells and conditions are no trials
        "Post #1 by x\nIn the Kisumu trial, UC-MSC gave 187/196 (95.4%) vs 181/196 (92.3%).\n"
        "Reply #2\nRT-PCR turned negative in 12% vs 9%; COVID-ARDS in 3% vs 4%.",
    ],
)
def test_one_named_trial_or_no_thread_is_one_study(text):  # guard
    assert [s["study_id"] for s in extract_document("t", text).studies] == ["S1"]


def test_every_row_of_every_table_has_a_study_of_its_document(seed_texts):
    for doc_id, text in seed_texts.items():
        extraction = extract_document(doc_id, text)
        ids = {s["study_id"] for s in extraction.studies}
        for table in ("statistics", "arms", "facts", "comparisons"):
            assert {r["study_id"] for r in getattr(extraction, table)} <= ids


ENCYCLOPEDIA = (
    "Clinical trials\nIn FLUENT-1, 1,436 adults were randomized; the median time to alleviation "
    "was 53.4 hours with the drug (n = 719) and 79.8 hours with placebo (n = 717).[14] "
    "A second trial, FLUENT-HR, enrolled adults at high risk.[16] Of 2,184 participants "
    "randomized, 1,094 received the drug and 1,092 received placebo. Complications occurred in "
    "32 of 1,094 (2.9%) and 63 of 1,092 (5.8%) participants, respectively."
)


def test_a_sentence_that_tells_of_a_second_trial_starts_its_study():
    extraction = extract_document("t", ENCYCLOPEDIA)
    rows = {r["source_text"]: r for r in extraction.statistics}
    assert rows["1,436"]["study_id"] == rows["79.8 hours"]["study_id"] == "S1"
    assert rows["2,184"]["study_id"] == rows["32 of 1,094 (2.9%)"]["study_id"] == "S2"
    # the second trial's counts take its arms, not the first trial's sizes
    assert (rows["32 of 1,094 (2.9%)"]["arm"], rows["63 of 1,092 (5.8%)"]["arm"]) == (
        "drug",
        "placebo",
    )
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert not [c for c in checks if c["check"] == "denominator_vs_randomized"]


@pytest.mark.parametrize(
    "text",
    [
        "Mortality was 10/50 (20%) vs 20/50 (40%). A second trial is needed to confirm this.",
        "Mortality was 10/50 (20%) vs 20/50 (40%). A larger trial should test the dose.",
    ],
)
def test_a_trial_still_to_be_done_starts_no_study(text):  # guard
    assert [s["study_id"] for s in extract_document("t", text).studies] == ["S1"]


def test_a_second_visit_of_the_study_is_no_second_study():  # guard
    text = "Mortality was 10/50 (20%) vs 20/50 (40%). The second study visit was at day 28."
    assert [s["study_id"] for s in extract_document("t", text).studies] == ["S1"]


def test_an_author_list_ending_in_et_al_opens_a_study_of_its_own():
    text = (
        "Similar articles\n\nOnce-weekly tenoglipran added to metformin: the TEMPO-1 randomized "
        "clinical trial.\nAl-Rashid S, Moreau C, Bianchi L, Okafor E.\nOf 306 participants "
        "randomized, 304 were analyzed; HbA1c fell by 0.71 points more with tenoglipran.\n\n"
        "Adjuvant pemlarsib after resection of stage III colon cancer (CORAL): an open-label "
        "phase 2 trial.\nJansen RW, Takeda H, Castillo-Ruiz M, et al.\n318 patients were "
        "enrolled. Recurrence or death occurred in 71 of 160 patients with pemlarsib and 92 of "
        "158 with observation (HR 0.71; 95% CI 0.55-0.92; P = .008)."
    )
    extraction = extract_document("t", text)
    assert len(extraction.studies) == 2
    hr = next(r for r in extraction.statistics if r["kind"] == "ratio")
    assert hr["study_id"] == "S2"
