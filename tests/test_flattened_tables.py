"""Results tables flattened to text: a column header ("n/N (%)", "Risk ratio (95% CI)", "P
value") says what the bare numbers of the rows below it are, across section headings between
the rows."""

from __future__ import annotations

import pytest
from extraction_helpers import checks_named, of_kind, one, stats

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

TABLE = (
    "Table 2. Outcomes\n"
    "Outcome\tDrug (N=200)\tPlacebo (N=200)\tRisk ratio (95% CI)\tP value\n"
    "Primary outcome\n"
    "Recovery at day 28, n/N (%)\t120/198 (60.6)\t100/197 (50.8)\t1.19 (1.01–1.41)\t0.04\n"
    "Secondary outcomes\n"
    "Death at day 28\t10/200 (5.0)\t18/200 (9.0)\t0.56 (0.26–1.18)\t0.13\n"
    "Readmission\t22/190 (11.6)\t25/188 (13.3)\t0.87 (0.51–1.48)\t<0.001\n"
)


def test_the_last_bare_interval_of_a_row_is_the_headed_ratio_and_the_number_after_it_its_p():
    ratios = of_kind(TABLE, "ratio")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in ratios] == [
        ("RR", 1.19, 1.01, 1.41),
        ("RR", 0.56, 0.26, 1.18),
        ("RR", 0.87, 0.51, 1.48),
    ]
    ps = of_kind(TABLE, "p_value")
    assert [(p["value"], p["comparator"]) for p in ps] == [(0.04, "="), (0.13, "="), (0.001, "<")]
    assert of_kind(TABLE, "median") == []


def test_rows_under_a_section_heading_keep_the_percent_header():
    counts = of_kind(TABLE, "count")
    assert [(c["numerator"], c["denominator"], c["percent"]) for c in counts] == [
        (120, 198, 60.6),
        (100, 197, 50.8),
        (10, 200, 5.0),
        (18, 200, 9.0),
        (22, 190, 11.6),
        (25, 188, 13.3),
    ]


def test_a_p_that_does_not_fit_its_row_ratio_is_found():
    # RR 0.87 (0.51-1.48): Altman-Bland p = 0.61 (scipy: 2 * norm.sf(log(0.87) / se), se =
    # log(1.48 / 0.51) / 3.92), far from the printed <0.001
    extraction = extract_document("d", TABLE)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = [c["verdict"] for c in checks if c["check"] == "p_vs_ci"]
    assert verdicts == ["consistent", "consistent", "inconsistent"]


def test_without_a_ratio_header_a_bare_interval_is_no_ratio():
    table = TABLE.replace("Risk ratio (95% CI)\tP value", "Median (IQR)\tMedian (IQR)")
    assert of_kind(table, "ratio") == []
    # nor is a bare number at the end of a row a p-value
    assert [p["value"] for p in of_kind(table, "p_value")] == []
    assert stats(table)  # the counts are still read


def test_the_headers_arms_and_the_row_label_go_to_each_rows_cells():
    rows = stats(TABLE)
    counts = [(r["arm"], r["outcome"].lower()) for r in rows if r["kind"] == "count"]
    assert counts == [
        ("Drug", "recovery"),
        ("Placebo", "recovery"),
        ("Drug", "death"),
        ("Placebo", "death"),
        ("Drug", "readmission"),
        ("Placebo", "readmission"),
    ]
    between = {r["arm"] for r in rows if r["kind"] in {"ratio", "p_value"}}
    assert between == {"Drug vs Placebo"}


def test_the_counts_of_a_row_are_checked_against_its_ratio():
    # 10/200 vs 18/200: RR 0.5556, Katz 95% CI 0.2630 to 1.1735 (exp(log(0.5556) -/+ 1.96 *
    # sqrt(1/10 - 1/200 + 1/18 - 1/200)))
    extraction = extract_document("d", TABLE)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    ratio = [c for c in checks if c["check"] == "ratio_vs_counts" and c["reported"] == "0.56"]
    assert [c["verdict"] for c in ratio] == ["consistent"]


def test_ratios_a_footnote_calls_adjusted_are_not_checked_against_crude_counts():
    table = TABLE.replace("Risk ratio (95% CI)", "Risk ratio (95% CI)*") + (
        "*Risk ratios were adjusted for age and site.\n"
    )
    extraction = extract_document("d", table)
    assert all(s.get("adjusted") for s in extraction.statistics if s["kind"] == "ratio")
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert {c["verdict"] for c in checks if c["check"] == "ratio_vs_counts"} == {"not_checkable"}


def test_an_allocation_sentence_is_no_table_header():  # guard
    text = (
        "Patients were randomized to drug (n = 60) or placebo (n = 60).\n"
        "Results: the primary outcome occurred in 12 (20%) and 20 (33%), P = 0.10."
    )
    rows = [r for r in stats(text) if r["kind"] == "p_value"]
    assert [r["arm"] for r in rows] != ["drug vs placebo"] or rows[0]["outcome"] != "Results"
    assert all(not r["outcome"].startswith("Results") for r in stats(text))


def test_a_rows_own_n_percent_label_overrules_a_mean_sd_label_above_it():
    # 23/82 = 28.0 %, printed 26.8; 30/80 = 37.5 %
    table = (
        "Table 1. Baseline characteristics of the patients\n"
        "Characteristic MSC (N = 82) Placebo (N = 80)\n"
        "Age, years, mean (SD) 61.2 (11.4) 60.8 (12.0)\n"
        "Male sex, n (%) 23 (26.8) 30 (37.5)\n"
    )
    rows = stats(table)
    assert [(r["kind"], r["percent_text"] or r["value_text"], r["arm"]) for r in rows[2:]] == [
        ("mean", "61.2", "MSC"),
        ("mean", "60.8", "Placebo"),
        ("count", "26.8", "MSC"),
        ("count", "37.5", "Placebo"),
    ]
    extraction = extract_document("d", table)
    verdicts = [
        (r["reported"], r["verdict"])
        for r in check_document(extraction.statistics, extraction.comparisons, Settings())
        if r["check"] == "percent_vs_count"
    ]
    assert verdicts == [("26.8", "inconsistent"), ("37.5", "consistent")]


STACKED_HEADER = (
    "Supplementary Table S3. Per-protocol population (N = 187)\n"
    "                                        Tranexamic acid      Placebo\n"
    "Characteristic                          (n = 94)             (n = 93)        P value\n"
    "Female sex, n (%)    58 (61.7)       55 (59.1)\n"
    "Allogeneic transfusion, n (%)     3 (3.2)     11 (11.8)        0.028\n"
)


def test_a_header_flattened_onto_two_lines_gives_each_size_the_name_above_it():
    extraction = extract_document("t", STACKED_HEADER)
    rows = extraction.statistics
    sizes = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"]
    assert sizes == [(94, "Tranexamic acid"), (93, "Placebo")]
    counts = [(r["source_text"], r["arm"], r["denominator"]) for r in rows if r["kind"] == "count"]
    assert counts == [
        ("58 (61.7)", "Tranexamic acid", 94),
        ("55 (59.1)", "Placebo", 93),
        ("3 (3.2)", "Tranexamic acid", 94),
        ("11 (11.8)", "Placebo", 93),
    ]


def test_a_line_of_prose_above_two_sizes_is_no_header():
    """A structured abstract's sentence above its allocation: its words stand one space apart,
    not in columns, so the sizes keep the arms they are printed beside."""
    text = (
        "Design, Setting, and Participants: Multicenter randomized clinical trial at 14 "
        "hospitals in Canada and Brazil; 400 adults were enrolled.\n"
        "Interventions: Patients were randomized to awake prone positioning (n = 201) or usual "
        "care (n = 199)."
    )
    sizes = [(r["value"], r["arm"]) for r in stats(text) if r["kind"] == "arm_size"]
    assert sizes == [(201, "awake prone positioning"), (199, "usual care")]


def test_one_name_above_two_sizes_names_neither():
    text = "                 Drug A\nOutcome          (n = 94)       (n = 93)\n"
    assert "Drug A" not in [r["arm"] for r in stats(text)]


# A drug label's table header flattened one cell line by line: each arm's name, its size, the
# cell's unit; the difference column's header broken over three lines; footnote letters on the
# row labels and under the table.
WRAPPED_HEADER = (
    "Table 3: Patients Meeting Endpoints at Week 8 in Study A-2\n"
    "Endpoint Placebo\n"
    "N=150\n"
    "n (%) Drugamab\n"
    "10 mg\n"
    "N=300\n"
    "n (%) Treatment\n"
    "Difference\n"
    "(95% CI)a\n"
    "Remissionb 15 (10%) 90 (30%) 20% (13%, 27%)\n"
    "Responsec 30 (20%) 120 (40%) 20% (5%, 28%)\n"
    "a Drugamab minus placebo; normal approximation.\n"
    "b Score of 0.\n"
    "c Decrease of 2 points or more.\n"
)


def test_a_header_wrapped_cell_by_cell_names_each_size_by_the_lines_above_it():
    rows = stats(WRAPPED_HEADER)
    sizes = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"]
    assert sizes == [(150, "Placebo"), (300, "Drugamab 10 mg")]
    counts = [
        (r["source_text"], r["arm"], r["denominator"], r["outcome"], r["timepoint"])
        for r in rows
        if r["kind"] == "count"
    ]
    assert counts == [
        ("15 (10%)", "Placebo", 150, "Remission", "week 8"),
        ("90 (30%)", "Drugamab 10 mg", 300, "Remission", "week 8"),
        ("30 (20%)", "Placebo", 150, "Response", "week 8"),
        ("120 (40%)", "Drugamab 10 mg", 300, "Response", "week 8"),
    ]
    assert {r["timepoint_source"] for r in rows if r["kind"] == "count"} == {"table_caption"}


def test_the_cells_under_a_difference_column_are_differences_checked_against_the_counts():
    # 90/300 vs 15/150: Wald interval of the difference 12.933 to 27.067 points and 30/150 vs
    # 120/300 11.532 to 28.468 (statsmodels confint_proportions_2indep(90, 300, 15, 150,
    # method="wald", compare="diff")); the second row prints 5 to 28
    differences = of_kind(WRAPPED_HEADER, "difference")
    assert [(r["value"], r["ci_low"], r["ci_high"], r["measure"]) for r in differences] == [
        (20, 13, 27, "risk difference"),
        (20, 5, 28, "risk difference"),
    ]
    intervals = [
        (c["reported"], c["verdict"]) for c in checks_named(WRAPPED_HEADER, "ci_vs_counts")
    ]
    assert intervals == [("13 to 27", "consistent"), ("5 to 28", "inconsistent")]


def test_footnote_letters_stay_on_labels_that_no_footnote_explains():
    text = WRAPPED_HEADER.split("a Drugamab")[0]
    assert {r["outcome"] for r in of_kind(text, "count")} == {"Remissionb", "Responsec"}


def test_one_size_on_its_own_line_heads_no_table():
    text = "Placebo\nN=150\nRemission 15 (10%) 90 (30%)\n"
    assert [r["arm"] for r in of_kind(text, "count")] == ["", ""]


P_COLUMN = (
    "Table S3. Outcomes, per-protocol population\n"
    "                                        Tranexamic acid      Placebo\n"
    "Characteristic                          (n = 94)             (n = 93)        P valuea\n"
    "Age, years, mean (SD)      68.2 (8.1)          67.5 (8.9)\n"
    "Haemoglobin drop at day 2, g/dL,\n"
    "median (IQR)    2.4 (1.9–3.0)     3.1 (2.5–3.8)   <0.001‡\n"
    "Allogeneic transfusion, n (%)     3 (3.2)     11 (11.8)        0.028§\n"
    "Symptomatic VTE within 90 days, n (%)c    1 (1.1)   2 (2.2)   0.62§\n"
)


def test_the_number_that_ends_a_row_under_a_p_value_column_is_its_p_between_the_arms():
    ps = of_kind(P_COLUMN, "p_value")
    assert [(r["comparator"], r["value"], r["arm"], r["outcome"]) for r in ps] == [
        ("<", 0.001, "Tranexamic acid vs Placebo", "Haemoglobin drop at day 2"),
        ("=", 0.028, "Tranexamic acid vs Placebo", "Allogeneic transfusion"),
        ("=", 0.62, "Tranexamic acid vs Placebo", "Symptomatic VTE within 90 days"),
    ]
    # 3/94 vs 11/93: Fisher's exact p 0.02827 (scipy.stats.fisher_exact([[3, 91], [11, 82]]))
    p_checks = [(c["reported"], c["verdict"]) for c in checks_named(P_COLUMN, "p_vs_counts")]
    assert ("= 0.028", "consistent") in p_checks


def test_a_row_label_broken_over_two_lines_names_the_row_without_its_units():
    rows = stats(P_COLUMN)
    medians = [(r["outcome"], r["timepoint"]) for r in rows if r["kind"] == "median"]
    assert medians == [("Haemoglobin drop at day 2", "day 2")] * 2
    assert {r["outcome"] for r in rows if r["kind"] == "mean"} == {"Age"}


def test_a_number_ending_a_row_is_no_p_without_a_p_value_column():  # guard
    text = P_COLUMN.replace("P valuea", "Difference")
    assert of_kind(text, "p_value") == []


# A poster's table: its header names the arms sized in the text above, and its legend below
# says the cells are n (%).
POSTER = (
    "RESULTS\n"
    "In all, 306 patients were randomised (probiotic n=152, placebo n=154).\n"
    "Table 1. Outcomes to day 14   Probiotic   Placebo   p\n"
    "Diarrhoea   12 (7.9)   27 (15.7)   0.011\n"
    "Bloating   19 (12.5)   16 (10.4)   0.56\n"
    "Values are n (%). Chi-square test.\n"
)


def test_a_legend_below_a_table_makes_its_cells_counts_of_the_arms_its_header_names():
    counts = [(r["source_text"], r["arm"], r["denominator"]) for r in of_kind(POSTER, "count")]
    assert counts == [
        ("12 (7.9)", "probiotic", 152),
        ("27 (15.7)", "placebo", 154),
        ("19 (12.5)", "probiotic", 152),
        ("16 (10.4)", "placebo", 154),
    ]
    # 27/154 is 17.5%, printed 15.7
    verdicts = {c["reported"]: c["verdict"] for c in checks_named(POSTER, "percent_vs_count")}
    assert verdicts == {
        "7.9": "consistent",
        "15.7": "inconsistent",
        "12.5": "consistent",
        "10.4": "consistent",
    }


def test_a_legend_of_several_kinds_makes_no_counts():  # guard
    text = POSTER.replace("Values are n (%).", "Values are n (%), mean (SD) or median (IQR).")
    assert of_kind(text, "count") == []


def test_a_header_that_names_the_arms_over_their_sizes():
    text = (
        "Table 14: Change from Baseline at Week 12 (FAS)\n"
        "                                      Ravopixant 60 mg      Placebo\n"
        "                                      N=300                 N=302\n"
        "Baseline, mean (SD)                   11.9 (3.2)            11.7 (3.0)\n"
    )
    sizes = [(s["arm"], s["value"]) for s in of_kind(text, "arm_size")]
    assert sizes == [("Ravopixant 60 mg", 300), ("Placebo", 302)]
    assert not of_kind(text, "sample_size")
    means = [(m["arm"], m["value"]) for m in of_kind(text, "mean")]
    assert means == [("Ravopixant 60 mg", 11.9), ("Placebo", 11.7)]


def test_sizes_that_do_not_stand_under_names_are_not_arms():
    text = (
        "Enrolment by site\n"
        "Site A\n"
        "                                      N=300                 N=302\n"
    )
    assert not of_kind(text, "arm_size")


ROW_LABELLED = """Table 2. Change from baseline at week 12
                                      Drug 60 mg            Placebo
Change at week 12, LS mean (SE)       -2.41 (0.17)          -1.53 (0.17)
Difference from placebo (95% CI)      -0.88 (-1.35, -0.41)
p-value                               0.0003
"""


def test_a_row_that_names_a_difference_and_its_ci_before_the_value():
    difference = one(ROW_LABELLED, "difference")
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (
        -0.88,
        -1.35,
        -0.41,
    )
    assert [p["value"] for p in of_kind(ROW_LABELLED, "p_value")] == [0.0003]
    assert not [r for r in of_kind(ROW_LABELLED, "median") + of_kind(ROW_LABELLED, "mean")
                if r["value"] == -0.88]  # fmt: skip
    # a mean difference's interval is symmetric: one that is not is caught
    mean = ROW_LABELLED.replace("Difference from placebo", "LS mean difference vs placebo")
    assert one(mean, "difference")["measure"] == "mean difference"
    for text, verdict in (
        (mean, "consistent"),
        (mean.replace("-0.88 (", "-0.68 ("), "inconsistent"),
    ):
        assert [c["verdict"] for c in checks_named(text, "difference_vs_ci_midpoint")] == [verdict]


def _piped(table: str) -> str:
    """The table with its cells between bars, as forums and plain-text exports print them."""
    return table.replace("\t", " | ")


def _markdown(table: str) -> str:
    """The table in Markdown: bars around every line and a rule under the header."""
    lines = [f"| {line.replace(chr(9), ' | ')} |" for line in table.rstrip("\n").split("\n")]
    lines.insert(2, "|---|---|---|---|---|")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", [_piped, _markdown])
def test_a_table_whose_cells_are_set_off_by_bars_is_read_as_one_set_off_by_tabs(layout):
    table = layout(TABLE)
    ratios = of_kind(table, "ratio")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in ratios] == [
        ("RR", 1.19, 1.01, 1.41),
        ("RR", 0.56, 0.26, 1.18),
        ("RR", 0.87, 0.51, 1.48),
    ]
    assert of_kind(table, "median") == []
    extraction = extract_document("d", table)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = [c["verdict"] for c in checks if c["check"] == "p_vs_ci"]
    assert verdicts == ["consistent", "consistent", "inconsistent"]


# A results summary pasted line by line into a forum post: each line a label and its value.
KEY_VALUE_BLOCK = (
    "Outcome: All-cause mortality at 90 days\n"
    "Drug: 45/402 (11.2%)\n"
    "Placebo: 61/398 (15.3%)\n"
    "Odds ratio (95% CI): 0.70 (0.46 to 1.05)\n"
    "P value: 0.08\n"
)


def test_lines_of_labels_and_values_are_one_comparison():
    """R 4.2.2: m <- matrix(c(45, 357, 61, 337), 2, byrow = TRUE); OR = 45 * 337 / (357 * 61) =
    0.69638; Woolf: exp(log(0.69638) + c(-1, 1) * qnorm(0.975) * sqrt(sum(1 / m))) = 0.4608 to
    1.0524; chisq.test(m, correct = FALSE)$p.value = 0.08474."""
    extraction = extract_document("d", KEY_VALUE_BLOCK)
    (comparison,) = extraction.comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == ("Drug", "Placebo")
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    verdicts = {c["check"]: (c["verdict"], c["recomputed_value"]) for c in checks}
    assert verdicts["ratio_vs_counts"][0] == "consistent"
    assert verdicts["ci_vs_counts"][0] == "consistent"
    assert verdicts["p_vs_counts"][0] == "consistent"
    assert verdicts["p_vs_counts"][1] == pytest.approx(0.08474, abs=5e-6)


def test_arm_labels_of_a_line_by_line_summary_stay_on_their_line_and_a_bare_p_line_joins():
    """R 4.2.2, epitools: ormidp.test(18, 84, 27, 73) prints two.sided 0.1148046 for 18/102
    against 27/100."""
    text = (
        "Primary outcome: 28-day mortality\n"
        "Intervention group: 18/102 (17.6%)\n"
        "Control group: 27/100 (27.0%)\n"
        "Relative risk: 0.65 (95% CI 0.39 to 1.10)\n"
        "p = 0.11\n"
    )
    extraction = extract_document("d", text)
    (comparison,) = extraction.comparisons
    assert (comparison["arm_1"], comparison["arm_2"]) == ("Intervention", "Control")
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    (p_check,) = [c for c in checks if c["check"] == "p_vs_counts"]
    assert p_check["verdict"] == "consistent"
    assert p_check["recomputed_value"] == pytest.approx(0.1148046, abs=5e-7)


def test_a_markdown_rows_label_after_its_opening_bar_is_its_cells_outcome():
    text = (
        "Table 2. Outcomes at 12 weeks\n"
        "| Outcome | Drug (n = 85) | Placebo (n = 84) | P value |\n"
        "|---|---|---|---|\n"
        "| Remission, n (%) | 34 (40.0) | 19 (22.6) | 0.02 |\n"
        "| Dropout, n (%) | 9 (10.6) | 11 (13.1) | 0.62 |\n"
    )
    found = [
        (r["source_text"], r["arm"], r["outcome"]) for r in stats(text) if r["kind"] != "arm_size"
    ]
    assert found == [
        ("34 (40.0)", "Drug", "Remission"),
        ("19 (22.6)", "Placebo", "Remission"),
        ("0.02", "Drug vs Placebo", "Remission"),
        ("9 (10.6)", "Drug", "Dropout"),
        ("11 (13.1)", "Placebo", "Dropout"),
        ("0.62", "Drug vs Placebo", "Dropout"),
    ]


def test_a_markdown_difference_column_before_a_p_column_holds_differences():
    text = (
        "Table 2. Outcomes at 12 weeks\n"
        "| Outcome | Drug (n = 85) | Placebo (n = 84) | Difference (95% CI) | P value |\n"
        "|---|---|---|---|---|\n"
        "| Remission, n (%) | 34 (40.0) | 19 (22.6) | 17.4 (3.7 to 31.1) | 0.02 |\n"
        "| HAM-D change, mean (SD) | -12.1 (6.8) | -8.4 (7.2) | -3.7 (-5.8 to -1.6) | <0.001 |\n"
    )
    found = [
        (r["source_text"], r["value"], r["ci_low"], r["ci_high"], r["outcome"])
        for r in of_kind(text, "difference")
    ]
    assert found == [
        ("17.4 (3.7 to 31.1)", 17.4, 3.7, 31.1, "Remission"),
        ("-3.7 (-5.8 to -1.6)", -3.7, -5.8, -1.6, "HAM-D change"),
    ]
    assert [r["source_text"] for r in of_kind(text, "p_value")] == ["0.02", "<0.001"]
    assert of_kind(text, "median") == []


# R 4.2: Welch's t from the summaries, 2 * pt(-abs(t), df) with the Welch-Satterthwaite df:
# 58.2 (10.4) vs 60.1 (9.8), n = 50 each, p = 0.3494453203; -12.1 (6.8), n = 85 vs -8.4 (7.2),
# n = 84, p = 0.0007517623811
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Table 1. Baseline characteristics\n"
            "Characteristic\tMSC (n = 50)\tPlacebo (n = 50)\tP value\n"
            "Age, years, mean (SD)\t58.2 (10.4)\t60.1 (9.8)\t0.35\n",
            0.3494453203,
        ),
        (
            "Table 2. Outcomes at 12 weeks\n"
            "| Outcome | Drug (n = 85) | Placebo (n = 84) | P value |\n"
            "|---|---|---|---|\n"
            "| HAM-D change, mean (SD) | -12.1 (6.8) | -8.4 (7.2) | <0.001 |\n",
            0.0007517623811,
        ),
    ],
)
def test_the_two_arms_summaries_of_a_table_row_are_compared(text, expected):
    [check] = checks_named(text, "p_vs_summaries")
    assert check["verdict"] == "consistent"
    assert check["recomputed_value"] == pytest.approx(expected, rel=1e-6)


def test_a_row_of_three_arms_summaries_pairs_none_of_them():  # guard
    text = (
        "Table 2. Outcomes\n"
        "Outcome\tPlacebo (n = 50)\tLow dose (n = 50)\tHigh dose (n = 50)\tP value\n"
        "Score, mean (SD)\t20.1 (5.2)\t18.3 (5.0)\t16.2 (4.9)\t0.001\n"
    )
    assert [c for c in extract_document("t", text).comparisons if c["kind"] == "continuous"] == []
