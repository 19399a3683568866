"""The extraction scorer (matching, metrics, attribution) and the integrity of the gold standard."""

from __future__ import annotations

import html
import math
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from trialaudit import schemas, scoring, tables

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
RAW = REPO / "data" / "raw"


def stat(doc, kind, start, end, **fields):
    """A statistics row with a placeholder source text of the span's length."""
    return {
        "doc_id": doc,
        "kind": kind,
        "source_text": "x" * (end - start),
        "span_start": start,
        "span_end": end,
        **fields,
    }


GOLD_ROWS = [
    stat("d1", "count", 0, 14, value=23, numerator=23, denominator=49, percent=46.94, arm="MSC"),
    stat("d1", "ratio", 20, 60, value=1.68, ci_low=0.65, ci_high=4.34, measure="OR"),
    stat("d1", "p_value", 62, 71, value=0.08, comparator="="),
]


def scores(predicted, gold=GOLD_ROWS, doc_ids=None):
    """Score rows by kind (and 'all') of predicted against gold row dicts."""
    rows = scoring.score_statistics(
        "seeds",
        scoring.predicted_statistics(predicted),
        scoring.predicted_statistics(gold),
        doc_ids,
    )
    return {row["kind"]: row for row in scoring.scores_table(rows).to_dict("records")}


def changed(index, **fields):
    """GOLD_ROWS with row ``index`` updated."""
    rows = [dict(row) for row in GOLD_ROWS]
    rows[index].update(fields)
    return rows


# ---------------------------------------------------------------------------- metrics


def test_identical_tables_score_one_everywhere():
    result = scores(GOLD_ROWS)
    for kind in ("count", "ratio", "p_value", "all"):
        assert (result[kind]["precision"], result[kind]["recall"], result[kind]["f1"]) == (1, 1, 1)
    assert result["all"]["matched"] == 3


def test_a_missing_row_lowers_recall_not_precision():
    result = scores(GOLD_ROWS[:2])["all"]
    assert result["precision"] == 1
    assert result["recall"] == pytest.approx(2 / 3)
    assert scores(GOLD_ROWS[:2])["p_value"]["recall"] == 0


def test_an_extra_row_lowers_precision_not_recall():
    extra = stat("d1", "percentage", 80, 83, value=53)
    result = scores([*GOLD_ROWS, extra])
    assert result["all"]["recall"] == 1
    assert result["all"]["precision"] == pytest.approx(3 / 4)
    assert result["percentage"]["precision"] == 0
    assert math.isnan(result["percentage"]["recall"])


def test_a_number_screened_is_neither_scored_nor_an_error():
    # GUIDELINES.md: "a number screened or assessed ... not annotated"
    screened = stat("d1", "sample_size", 80, 83, value=412, population="screened")
    assert scores([*GOLD_ROWS, screened])["all"]["precision"] == 1
    randomized = {**screened, "population": "randomized"}
    assert scores([*GOLD_ROWS, randomized])["all"]["precision"] == pytest.approx(3 / 4)


@pytest.mark.parametrize(
    "index, fields",
    [
        (1, {"value": 1.86}),  # transposed digits
        (1, {"ci_high": 4.43}),
        (1, {"ci_low": None}),  # the gold has a CI: a ratio without one is not the same row
        (0, {"denominator": 94}),
        (0, {"denominator": None}),
        (0, {"percent": 46.9}),
        (0, {"value": 32, "numerator": 32}),
        (2, {"value": 0.8}),
        (2, {"comparator": "<"}),
    ],
)
def test_a_wrong_number_does_not_match(index, fields):
    result = scores(changed(index, **fields))
    kind = GOLD_ROWS[index]["kind"]
    assert result[kind]["matched"] == 0
    assert result[kind]["precision"] == 0 and result[kind]["recall"] == 0


def test_a_negative_value_must_keep_its_sign():
    gold = [stat("d", "difference", 0, 30, value=-10.8, ci_low=-20.7, ci_high=-1.5)]
    flipped = [stat("d", "difference", 0, 30, value=10.8, ci_low=-20.7, ci_high=-1.5)]
    assert scores(flipped, gold)["difference"]["matched"] == 0
    assert scores(gold, gold)["difference"]["matched"] == 1


def test_numbers_the_gold_lacks_are_not_required():
    gold = [stat("d", "count", 0, 4, value=0, numerator=0)]  # 'none in the placebo group'
    predicted = [stat("d", "count", 0, 4, value=0, numerator=0, denominator=29, percent=0)]
    assert scores(predicted, gold)["count"]["matched"] == 1


def test_comparators_are_compared_canonically():
    gold = [stat("d", "p_value", 0, 8, value=0.05, comparator="≤")]
    assert scores([stat("d", "p_value", 0, 8, value=0.05, comparator="<=")], gold)["all"]["matched"]
    assert not scores([stat("d", "p_value", 0, 8, value=0.05, comparator="<")], gold)["all"][
        "matched"
    ]
    equal = [stat("d", "p_value", 0, 8, value=0.05, comparator="=")]
    assert scores([stat("d", "p_value", 0, 8, value=0.05, comparator="")], equal)["all"]["matched"]
    ns = [stat("d", "p_value", 0, 2, comparator="NS")]
    assert scores([stat("d", "p_value", 0, 2, comparator="n.s.")], ns)["all"]["matched"]
    assert not scores([stat("d", "p_value", 0, 2, value=0.05, comparator="")], ns)["all"]["matched"]


@pytest.mark.parametrize(
    "fields",
    [
        {"span_start": 14, "span_end": 19},  # adjacent, not overlapping
        {"doc_id": "d2"},
        {"kind": "percentage"},
    ],
)
def test_rows_must_share_document_and_kind_and_overlap(fields):
    predicted = changed(0, **fields)[:1]
    predicted[0]["source_text"] = "x" * (predicted[0]["span_end"] - predicted[0]["span_start"])
    assert scores(predicted, GOLD_ROWS[:1], doc_ids={"d1", "d2"})["all"]["matched"] == 0


def test_a_longer_or_shorter_span_still_matches():
    predicted = [stat("d1", "count", 7, 12, value=23, numerator=23, denominator=49, percent=46.94)]
    assert scores(predicted, GOLD_ROWS[:1])["all"]["matched"] == 1


def test_matching_is_one_to_one():
    twice = [GOLD_ROWS[2], stat("d1", "p_value", 60, 75, value=0.08, comparator="=")]
    result = scores(twice, GOLD_ROWS[2:])["all"]
    assert (result["matched"], result["predicted"], result["precision"]) == (1, 2, 0.5)


def test_matching_is_greedy_by_overlap_length():
    gold = [stat("d", "p_value", 0, 10, value=0.5), stat("d", "p_value", 8, 20, value=0.5)]
    # x overlaps gold 0 by 9 and gold 1 by 1; y overlaps gold 0 by 3 and gold 1 by 12
    x, y = stat("d", "p_value", 0, 9, value=0.5), stat("d", "p_value", 7, 20, value=0.5)
    p_units = scoring.statistic_units(scoring.predicted_statistics([y, x]))
    g_units = scoring.statistic_units(scoring.predicted_statistics(gold))
    assert scoring.match_units(p_units, g_units, scoring.values_agree) == [(0, 1), (1, 0)]


def test_predictions_for_unannotated_documents_are_ignored_unless_in_scope():
    stray = stat("other", "count", 0, 5, value=1, numerator=1, denominator=2)
    assert scores([*GOLD_ROWS, stray])["all"]["precision"] == 1
    in_scope = scores([*GOLD_ROWS, stray], doc_ids={"d1", "other"})["all"]
    assert in_scope["precision"] == pytest.approx(3 / 4)


def test_an_empty_prediction_scores_zero_recall():
    result = scores([])["all"]
    assert (result["predicted"], result["matched"], result["recall"]) == (0, 0, 0)
    assert math.isnan(result["precision"])


# ---------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    "predicted, gold, agrees",
    [
        ("MSC treatment group", "MSC", True),
        ("UC-MSCs", "MSC", True),
        ("the placebo group", "placebo", True),
        ("placebo vs MSC", "MSC vs placebo", True),
        ("MSC", "MSC plus EV", False),
        ("MSC", "MSC vs placebo", False),
        ("", "control", False),
        ("control", "MSC moderate", False),
    ],
)
def test_arm_agreement(predicted, gold, agrees):
    assert scoring.arm_agrees(predicted, gold) is agrees


@pytest.mark.parametrize(
    "predicted, gold, agrees",
    [
        ("normal_ct", "normal CT", True),
        ("sf36_general_health", "SF-36 general health", True),
        ("six_minute_walk", "6-MWT distance|six-minute walk", True),
        ("lesion volume", "whole lung lesion volume", True),
        ("reinfection", "normal CT", False),
        ("", "mortality", False),
    ],
)
def test_outcome_agreement(predicted, gold, agrees):
    assert scoring.outcome_agrees(predicted, gold) is agrees


@pytest.mark.parametrize(
    "predicted, gold, agrees",
    [
        ("month 12", "1 year", True),
        ("year 3", "3 years", True),
        ("36 months", "3 years", True),
        ("day 28", "day 28", True),
        ("day 90", "day 28", False),
        ("", "day 10", False),
        ("baseline", "day 0", True),
    ],
)
def test_timepoint_agreement(predicted, gold, agrees):
    assert scoring.timepoint_agrees(predicted, gold) is agrees


def test_attribution_is_judged_only_on_matched_rows_whose_gold_has_the_attribute():
    gold = changed(0, outcome="normal CT", timepoint="month 12")
    gold[1].update(outcome="normal CT")
    predicted = changed(0, outcome="normal_ct", timepoint="day 10", arm="placebo")
    predicted[1].update(outcome="reinfection", arm="MSC")
    predicted[2].update(value=0.9)  # unmatched: its attributes are not judged
    result = scores(predicted, gold)["all"]
    assert (result["arm_n"], result["arm_accuracy"]) == (1, 0)
    assert (result["outcome_n"], result["outcome_accuracy"]) == (2, 0.5)
    assert (result["timepoint_n"], result["timepoint_accuracy"]) == (1, 0)


# ---------------------------------------------------------------------------- facts


def fact(doc, study, kind, value, start, end):
    return {
        "doc_id": doc,
        "study": study,
        "fact": kind,
        "value": value,
        "source_text": "x" * (end - start),
        "span_start": start,
        "span_end": end,
    }


FACT_GOLD = [
    fact("d", "S1", "follow_up", "3 year", 0, 16),
    fact("d", "S1", "follow_up", "36 month", 100, 109),
    fact("d", "S1", "design", "double-blind", 20, 32),
    fact("d", "S2", "design", "double-blind", 200, 212),
    fact("d", "S2", "registration", "NCT04288102", 300, 311),
]


def fact_scores(predicted, gold=FACT_GOLD):
    rows = scoring.score_facts(scoring.predicted_facts(predicted), scoring.predicted_facts(gold))
    return {row["kind"]: row for row in scoring.scores_table(rows).to_dict("records")}


def test_mentions_of_one_fact_count_once_and_any_mention_finds_it():
    result = fact_scores([fact("d", "S1", "follow_up", "36 months", 100, 109)])
    assert (result["follow_up"]["gold"], result["follow_up"]["matched"]) == (1, 1)
    assert result["all"]["gold"] == 4


def test_a_fact_needs_its_value_and_an_overlapping_mention():
    assert not fact_scores([fact("d", "S2", "registration", "NCT04288103", 300, 311)])["all"][
        "matched"
    ]
    assert not fact_scores([fact("d", "S2", "registration", "NCT04288102", 400, 411)])["all"][
        "matched"
    ]


def test_one_fact_attributed_to_one_study_finds_only_that_study():
    merged = [
        fact("d", "S1", "design", "Double blind", 20, 32),
        fact("d", "S1", "design", "double-blind", 200, 212),
    ]
    result = fact_scores(merged)["design"]
    assert (result["gold"], result["predicted"], result["matched"]) == (2, 1, 1)
    split = [
        fact("d", "S1", "design", "double-blind", 20, 32),
        fact("d", "S2", "design", "double-blind", 200, 212),
    ]
    result = fact_scores(split)["design"]
    assert (result["matched"], result["study_accuracy"]) == (2, 1)


@pytest.mark.parametrize(
    "fact_kind, a, b, same",
    [
        ("follow_up", "36 months", "3 year", True),
        ("follow_up", "1-year", "12 month", True),
        ("follow_up", "28 day", "90 day", False),
        ("design", "Phase II", "phase 2", True),
        ("design", "randomised", "randomized", True),
        ("design", "Multicentre", "multicenter", True),
        ("design", "open-label", "double-blind", False),
        ("dose", "4e7", "40000000", True),
        ("dose", "4e7", "4e6", False),
        (
            "doi",
            "https://doi.org/10.1097/CM9.0000000000003459",
            "10.1097/cm9.0000000000003459",
            True,
        ),
        ("registration", "nct 04288102", "NCT04288102", True),
        ("journal", "Stem Cell Research & Therapy", "stem cell research and therapy", True),
    ],
)
def test_fact_values_are_normalized(fact_kind, a, b, same):
    assert (scoring.fact_key(fact_kind, a) == scoring.fact_key(fact_kind, b)) is same


# ---------------------------------------------------------------------------- the gold standard


@pytest.fixture(scope="module")
def gold():
    return scoring.load_gold(GOLD, RAW)


NUMBER_WORDS = re.compile(
    r"(?i)\b(?:none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
    r"|hundred|thousand"
    # the third batch's Portuguese, Spanish and German passages
    r"|dois|duas|tr[eê]s|quatro|cinco|nenhum|uno|una|dos|cuatro|ninguno|zwei|drei|vier|keine?"
    # the fourth batch's "no cases", the fifth's "no ertapenem recipient"
    r"|no(?=\scases?\b|\s[a-z]{1,20}\s(?:recipients?|patients?|participants?)\b))"
)


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
WORD_NUMBERS = dict(zip(f"{_UNITS} {_TEENS}".split(), range(21), strict=True)) | {
    w: 10 * k for k, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
}


def printed_numbers(text):
    """Every number a text could be read as (signed and unsigned; comma as decimal point, as
    thousands separator or between items; thin-space thousands; Lancet's raised point)."""
    # "&minus;1.42" in an abstract pasted with its HTML entities
    text = unicodedata.normalize("NFKC", html.unescape(text)).replace("\u2009", " ")
    text = re.sub(r"(?<=\d)\u00b7(?=\d)", ".", text)  # Lancet's decimal point
    text = text.replace("\u066b", ".").replace("\u066c", ",")  # Arabic decimal and thousands
    text = re.sub(r"([Pp]\s?[=<>]\s?0)/(?=\d)", r"\1.", text)  # Persian typing's "P=0/007"
    # "3 612" may be one number or, in a flattened table ("150 148 151"), several
    text = text + "\n" + re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    found = set()
    pattern = r"(?P<sign>[-−–—] ?)?(?P<num>\d+(?:[.,]\d+)*|\.\d+)(?P<fewer> fewer)?"
    for match in re.finditer(pattern, text):  # "71 fewer per 1000": -71
        raw = match.group("num")
        readings = {raw.replace(",", ""), raw.replace(",", ".")} if "," in raw else {raw}
        readings |= set(raw.split(","))  # a list without spaces: "2.06,95"
        for reading in readings:
            try:
                number = float(reading)
            except ValueError:
                continue
            found.add(number)
            if match.group("sign") or match.group("fewer"):
                found.add(-number)
    for word in re.findall(r"[a-z]+", text.lower()):  # "Forty volunteers were randomised"
        if word in WORD_NUMBERS:
            found.add(float(WORD_NUMBERS[word]))
    for tens, unit in re.findall(r"([a-z]+ty)-([a-z]+)", text.lower()):  # "Seventy-two"
        if tens in WORD_NUMBERS and unit in WORD_NUMBERS and WORD_NUMBERS[unit] < 10:
            found.add(float(WORD_NUMBERS[tens] + WORD_NUMBERS[unit]))
    return found


def gold_rows(gold):
    seeds = gold.statistics.assign(corpus="seeds")
    snippets = gold.snippets.assign(corpus="snippets")
    heldout = [df.assign(corpus=name) for name, (_, df) in gold.heldout.items()]
    return pd.concat([seeds, snippets, *heldout], ignore_index=True)


def gold_texts(gold):
    heldout = [texts for texts, _ in gold.heldout.values()]
    return {k: v for d in (gold.seed_texts, gold.snippet_texts, *heldout) for k, v in d.items()}


def test_gold_spans_hold_their_source_text(gold):
    # load_gold raises on any mismatch; check the counts it loaded are the annotated ones
    assert len(gold.statistics) == len(pd.read_csv(GOLD / "seed_statistics.csv"))
    assert set(gold.seed_texts) == {p.stem for p in RAW.glob("*.txt")}
    for row in gold.facts.itertuples():
        assert gold.seed_texts[row.doc_id][row.span_start : row.span_end] == row.source_text


def test_every_gold_number_is_printed_in_its_span(gold):
    for row in gold_rows(gold).to_dict("records"):
        source = row["source_text"]
        if "×" in source or re.search(r"(?i)\bpoint\s[a-z]", source):
            continue  # p = 3.2 × 10^-5; "point seven three", a decimal said in words
        printed = printed_numbers(source)
        fields = ["percent", "ci_low", "ci_high", "spread_low", "spread_high", "df1", "df2"]
        if not NUMBER_WORDS.search(source):
            fields.append("value")
        for name in fields:
            if not pd.isna(row[name]):
                assert any(math.isclose(row[name], n) for n in printed), (
                    row["doc_id"],
                    name,
                    source,
                )


def test_count_rows_are_consistent(gold):
    texts = gold_texts(gold)
    counts = gold_rows(gold).query("kind == 'count'")
    assert (counts["value"] == counts["numerator"]).all()
    for row in counts.dropna(subset=["denominator"]).itertuples():
        assert row.numerator <= row.denominator
        # a denominator given elsewhere is printed somewhere in the same text, in digits unless
        # the count is said in words ("forty-two out of a hundred and ten")
        if not NUMBER_WORDS.search(row.source_text):
            assert row.denominator in printed_numbers(texts[row.doc_id])


def test_gold_intervals_and_p_values_are_well_formed(gold):
    rows = gold_rows(gold)
    with_ci = rows.dropna(subset=["ci_low", "ci_high"])
    assert (with_ci["ci_low"] <= with_ci["ci_high"]).all()
    p = rows[rows["kind"] == "p_value"]
    assert p["value"].dropna().between(0, 1).all()
    assert set(p.loc[p["value"].isna(), "comparator"]) == {"NS"}
    assert (rows.loc[rows["kind"] == "ratio", "measure"].isin(["OR", "RR", "HR", "IRR"])).all()


def test_snippets_cover_every_kind_and_enough_traps(gold):
    raw = pd.read_csv(GOLD / "snippets.csv", dtype=str, keep_default_na=False)
    negatives = raw[raw["kind"] == ""]
    assert len(gold.snippet_texts) >= 80
    annotated = set(schemas.STATISTIC_KINDS) - scoring.NOT_ANNOTATED_KINDS
    assert set(gold.snippets["kind"]) == annotated
    assert len(negatives) >= 25
    assert not negatives["snippet_id"].duplicated().any()
    assert not negatives["snippet_id"].isin(gold.snippets["doc_id"]).any()
    empty = negatives.drop(columns=["snippet_id", "text", "note"])
    assert (empty == "").all().all(), "a negative snippet's row has only an id, a text and a note"


def test_heldout_passages_are_split_in_two_halves_each_with_traps(gold):
    passages = pd.read_csv(GOLD / scoring.HELDOUT_PASSAGES, dtype=str, keep_default_na=False)
    assert set(gold.heldout) == {"heldout-dev", "heldout-test"}
    for name, (texts, df) in gold.heldout.items():
        negatives = set(texts) - set(df["doc_id"])
        assert len(texts) >= 12 and len(df) >= 100 and len(negatives) >= 2, name
    dev, test = (set(gold.heldout[f"heldout-{s}"][0]) for s in ("dev", "test"))
    assert not dev & test and dev | test == set(passages["snippet_id"])
    for texts, _ in gold.heldout.values():
        stored = passages.set_index("snippet_id")["text"]
        assert all(stored[pid] == text for pid, text in texts.items())


@pytest.fixture
def heldout_copy(tmp_path):
    """A copy of the held-out gold's two files, to be spoiled by a test."""
    passages = pd.read_csv(GOLD / scoring.HELDOUT_PASSAGES, dtype=str, keep_default_na=False)
    rows = pd.read_csv(GOLD / "heldout.csv", dtype=str, keep_default_na=False)

    def read(passages=passages, rows=rows):
        passages.to_csv(tmp_path / "passages.csv", index=False)
        rows.to_csv(tmp_path / "rows.csv", index=False)
        return scoring.read_gold_heldout(tmp_path / "passages.csv", tmp_path / "rows.csv")

    return passages, rows, read


def test_heldout_split_must_be_dev_or_test(heldout_copy):
    passages, _, read = heldout_copy
    passages.loc[passages.index[0], "split"] = "train"
    with pytest.raises(ValueError, match=r"split must be one of .* not \['train'\]"):
        read(passages=passages)


def test_heldout_passage_listed_twice_is_refused(heldout_copy):
    passages, _, read = heldout_copy
    with pytest.raises(ValueError, match=r"passages listed more than once: \['heldout-a01'\]"):
        read(passages=pd.concat([passages, passages.iloc[[0]]]))


def test_heldout_rows_must_name_a_stored_passage(heldout_copy):
    _, rows, read = heldout_copy
    rows.loc[rows.index[0], "snippet_id"] = "heldout-z99"
    with pytest.raises(ValueError, match=r"lacks: \['heldout-z99'\]"):
        read(rows=rows)


def test_heldout_passage_without_rows_is_refused_not_taken_for_a_negative(heldout_copy):
    _, rows, read = heldout_copy
    with pytest.raises(ValueError, match=r"no row for passages \['heldout-a01'\]"):
        read(rows=rows[rows["snippet_id"] != "heldout-a01"])


def test_the_gold_scores_perfectly_against_itself(gold):
    rows = (
        scoring.score_statistics("seeds", gold.statistics, gold.statistics, gold.seed_texts)
        + scoring.score_statistics("snippets", gold.snippets, gold.snippets, gold.snippet_texts)
        + scoring.score_facts(gold.facts, gold.facts)
    )
    for name, (texts, df) in gold.heldout.items():
        rows += scoring.score_statistics(name, df, df, texts)
    table = scoring.scores_table(rows)
    assert (table["precision"] == 1).all() and (table["recall"] == 1).all()
    for attribute in scoring.ATTRIBUTES:
        judged = table[table[f"{attribute}_n"] > 0]
        assert (judged[f"{attribute}_accuracy"] == 1).all()


# ---------------------------------------------------------------------------- the script


def run_script(argv):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import score_extraction
    finally:
        sys.path.pop(0)
    return score_extraction.main(argv)


def test_script_writes_a_valid_scores_table(tmp_path, capsys):
    output = tmp_path / "scores.csv"
    assert run_script(["--output", str(output)]) == 0
    table = tables.validate(pd.read_csv(output), schemas.ExtractionScoresTable)
    assert set(table["corpus"]) == {"seeds", "snippets", "heldout-dev", "heldout-test", "facts"}
    seeds_all = table[(table["corpus"] == "seeds") & (table["kind"] == "all")].iloc[0]
    assert seeds_all["gold"] == len(pd.read_csv(GOLD / "seed_statistics.csv"))
    assert "| seeds" in capsys.readouterr().out


def test_script_scores_a_pipeline_statistics_table(tmp_path):
    # a statistics.csv that reports exactly the gold (study as study_id, as the pipeline writes it)
    statistics = pd.read_csv(GOLD / "seed_statistics.csv", dtype=str, keep_default_na=False)
    statistics = statistics.rename(columns={"study": "study_id"})
    statistics.to_csv(tmp_path / "statistics.csv", index=False)
    facts = pd.read_csv(GOLD / "seed_facts.csv", dtype=str, keep_default_na=False)
    facts.rename(columns={"study": "study_id"}).to_csv(tmp_path / "facts.csv", index=False)
    output = tmp_path / "scores.csv"
    argv = [
        "--statistics",
        str(tmp_path / "statistics.csv"),
        "--facts",
        str(tmp_path / "facts.csv"),
    ]
    assert run_script([*argv, "--output", str(output)]) == 0
    table = pd.read_csv(output)
    scored = table[table["corpus"].isin(["seeds", "facts"])]
    assert (scored["precision"] == 1).all() and (scored["recall"] == 1).all()
