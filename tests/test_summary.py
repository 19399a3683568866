"""The summary leads with the claims that do not add up, each with the recomputed value, the
reason and its sentence; the HTML twin says the same, escaped."""

from __future__ import annotations

import pandas as pd

from trialaudit import schemas, summary, tables

TEXT = (
    "Mortality was reported in three patients in the MSC alone group (RR: 0.49; 95% CI "
    "0.14-1.11; P = 0.08) and eight patients in the control group. Fine | pipes <b>here</b>."
)


def _frames():
    documents = pd.DataFrame(
        {
            "doc_id": ["d"],
            "file_name": ["d.txt"],
            "status": ["ok"],
            "n_statistics": [1],
            "reason": [""],
        }
    )
    statistics = pd.DataFrame(
        {"doc_id": ["d"], "stat_id": [5], "sentence_start": [0], "sentence_end": [len(TEXT)]}
    )
    checks = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "stat_id": [5, 5],
            "check": ["ratio_vs_counts", "p_vs_counts"],
            "reported": ["0.49", "= 0.08"],
            "recomputed": ["0.8182", "0.7199"],
            "method": ["risk ratio, Katz (Wald) CI", "Pearson chi-square"],
            "verdict": ["inconsistent", "inconsistent"],
            "decision_error": [None, True],
            "note": ["", ""],
            "source_text": ["RR: 0.49", "RR: 0.49"],
            "span_start": [66, 66],
            "span_end": [74, 74],
            "flag": ["", ""],
        }
    )
    empty = summary.Evidence(
        trials=tables.frame([], schemas.TrialsTable),
        timeline=tables.frame([], schemas.TimelineTable),
        meta=tables.frame([], schemas.MetaAnalysisTable),
        inputs=tables.frame([], schemas.MetaInputsTable),
        groups=tables.frame([], schemas.OutcomeGroupsTable),
    )
    return documents, statistics, checks, {"d": TEXT}, empty


def test_findings_come_first_with_value_reason_and_sentence():
    markdown = summary.render(*_frames())
    sections = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert sections[0] == "## What does not add up"
    finding = markdown.split("## What does not add up")[1].split("## ")[0]
    assert "reported `0.49`, recomputed `0.8182` (risk ratio, Katz (Wald) CI)" in finding
    assert "**Changes the significance decision.**" in finding
    assert "> Mortality was reported in three patients in the MSC alone group" in finding
    assert finding.count("\n- ") == 1  # one claim, two reasons


def test_html_twin_escapes_and_keeps_the_findings():
    outline = summary.outline(*_frames())
    page = summary.to_html(outline, "t")
    assert "<strong>d</strong>" in page
    assert "<code>0.8182</code>" in page
    assert "&lt;b&gt;here&lt;/b&gt;" in page and "<b>here</b>" not in page


def test_table_page_caps_rows():
    df = pd.DataFrame({"a": range(summary.MAX_TABLE_ROWS + 3), "b": "x|y"})
    page = summary.table_page(df, "T", "d")
    assert page.count("<tr>") == summary.MAX_TABLE_ROWS + 1
    assert f"of {summary.MAX_TABLE_ROWS + 3} rows" in page


def test_markdown_tables_escape_pipes():
    outline = summary.Outline()
    outline.table(["a"], [["x|y"]])
    assert "x\\|y" in summary.to_markdown(outline)


def test_long_lists_are_capped_and_say_how_many_more():
    documents, statistics, checks, _texts, evidence = _frames()
    n = summary.MAX_LISTED + 7
    ids = [f"d{i:04d}" for i in range(n)]
    documents = pd.DataFrame(
        {"doc_id": ids, "file_name": [f"{i}.txt" for i in ids], "status": "ok",
         "n_statistics": 1, "reason": ""}
    )  # fmt: skip
    statistics = pd.DataFrame(
        {"doc_id": ids, "stat_id": 5, "sentence_start": 0, "sentence_end": len(TEXT)}
    )
    checks = pd.concat([checks.iloc[:1].assign(doc_id=i) for i in ids], ignore_index=True)
    markdown = summary.render(documents, statistics, checks, {}, evidence)
    finding = markdown.split("## What does not add up")[1].split("## ")[0]
    assert finding.count("\n- ") == summary.MAX_LISTED
    assert "... and 7 more: see results/tables/checks.csv" in finding
    per_document = markdown.split("## Per document")[1]
    assert per_document.count(".txt |") == summary.MAX_LISTED
    assert "... and 7 more: see results/tables/summary.csv" in per_document


def test_timeline_table_has_every_arm_at_every_time_point_of_its_trial():
    def row(trial, arm, label, timepoint, n, attrition, role="intervention"):
        return {
            "trial_id": trial, "arm": arm, "arm_label": label, "role": role,
            "timepoint": timepoint, "days": None, "timepoint_source": "", "population": "",
            "n": n, "n_reported": str(n), "randomized": None, "lost": None,
            "attrition": attrition, "attrition_difference": None, "attrition_p": None,
            "differential": False, "flags": "", "doc_id": "d", "stat_id": 0,
            "source_text": "", "span_start": 0, "span_end": 0,
        }  # fmt: skip

    rows = [
        row("T2", "intervention", "MSC", "randomized", 40, None),
        row("T2", "control", "placebo", "randomized", 41, None, "control"),
        row("T2", "intervention", "MSCs", "month 3", 35, 0.125),
        row("T2", "intervention", "MSC", "month 3", 30, 0.25),  # a second row: the first counts
        row("T1", "control", "usual care", "week 2", 20, None, "control"),
        row("T2", "control", "placebo", "month 6", 33, 41 / 41 - 33 / 41, "control"),
    ]
    documents, statistics, checks, texts, evidence = _frames()
    evidence.timeline = tables.frame(rows, schemas.TimelineTable)
    markdown = summary.render(documents, statistics, checks, texts, evidence)
    table = markdown.split("| trial | time point | patients per arm |")[1].split("\n\n")[0]
    assert table.splitlines()[2:] == [
        "| T1 | week 2 | usual care: 20 |",
        "| T2 | randomized | MSC: 40; placebo: 41 |",
        "| T2 | month 3 | MSC: 35 (12.5% lost); placebo: not reported |",
        "| T2 | month 6 | MSC: not reported; placebo: 33 (19.5% lost) |",
    ]


def test_a_slip_of_the_last_digit_is_counted_and_said():
    documents, statistics, checks, texts, evidence = _frames()
    checks["flag"] = ["last_digit; truncated", ""]
    finding = summary.render(documents, statistics, checks, texts, evidence).split(
        "## What does not add up"
    )[1]
    assert "(1 of the 2 failed checks are off by one unit of the last printed digit" in finding
    assert "(risk ratio, Katz (Wald) CI). Off by one unit of the last digit: the" in finding
    assert finding.count("Off by one unit") == 1


def test_the_summary_stage_reads_the_flag_it_reports():
    # the stage reads only SUMMARY_CHECK_COLUMNS of checks.csv: the flag must be among them
    from trialaudit.checks import Settings, check_document
    from trialaudit.extract import extract_document
    from trialaudit.stages import SUMMARY_CHECK_COLUMNS

    text = (
        "Mortality was 10/50 (20.0%) with treatment and 20/50 (40.0%) with control; "
        "χ2 = 3.85. No other difference was found."
    )
    extraction = extract_document("d", text)
    rows = check_document(extraction.statistics, extraction.comparisons, Settings())
    checks = pd.DataFrame(rows)[SUMMARY_CHECK_COLUMNS]
    documents, _, _, _, evidence = _frames()
    statistics = pd.DataFrame(extraction.statistics)
    finding = summary.render(documents, statistics, checks, {"d": text}, evidence)
    assert "Off by one unit of the last digit: the recomputed value cut" in finding
