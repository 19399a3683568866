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
