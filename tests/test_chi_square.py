"""A chi-square statistic printed with the 2x2 counts it tests ("95.00% (38/40) ... (80.00%,
32/40) (χ2=4.11, P<0.05)"), recomputed with and without Yates' correction (against R's
chisq.test) and judged at the printed rounding."""

from __future__ import annotations

import pytest
from reference import close, rows

from trialaudit import twobytwo
from trialaudit.checks import Settings, check_chi_square, check_document
from trialaudit.extract import extract_document

REFERENCE = rows("chi_square_reference.csv")


@pytest.mark.parametrize("row", REFERENCE, ids=lambda r: f"{r['a']:g}/{r['n1']:g}")
def test_pearson_and_yates_statistics_match_r(row):
    table = tuple(int(row[k]) for k in ("a", "n1", "c", "n2"))
    assert close(float(twobytwo.chi_square(*table)), row["pearson"])
    assert close(float(twobytwo.chi_square(*table, yates=True)), row["yates"])


def chi_square_row(value_text, df1=None):
    return {
        "doc_id": "d",
        "stat_id": 3,
        "kind": "test",
        "test_type": "chi2",
        "value_text": value_text,
        "df1": df1,
        "source_text": f"χ2={value_text}",
        "span_start": 0,
        "span_end": 9,
    }


@pytest.mark.parametrize(
    ("printed", "df1", "verdict", "method"),
    [
        # R: chisq.test(matrix(c(38, 2, 32, 8), 2, byrow = TRUE), correct = FALSE) 4.114286,
        # correct = TRUE 2.857143 (chi_square_reference.csv)
        ("4.11", None, "consistent", "Pearson chi-square"),
        ("4.1", 1, "consistent", "Pearson chi-square"),
        ("2.86", None, "consistent", "Pearson chi-square, Yates"),
        ("4.21", None, "inconsistent", "Pearson chi-square"),
        ("2.70", None, "inconsistent", "Pearson chi-square, Yates"),
        # a statistic with 2 df tests something other than this table
        ("4.11", 2, "not_checkable", ""),
    ],
)
def test_a_printed_chi_square_against_its_counts(printed, df1, verdict, method):
    row = check_chi_square(chi_square_row(printed, df1), (38, 40, 32, 40), 0)
    assert (row["check"], row["verdict"], row["method"]) == ("test_vs_counts", verdict, method)


def test_a_table_with_an_empty_margin_has_no_chi_square():
    row = check_chi_square(chi_square_row("1.00"), (20, 20, 20, 20), 0)
    assert row["verdict"] == "not_checkable" and "margin" in row["note"]


def test_a_chi_square_read_with_its_counts_is_checked_against_them():
    text = (
        "Methods: 80 patients were randomly divided into an observation group and a control "
        "group, with 40 cases in each group. Results: The total effective rate of the "
        "observation group was 95.00% (38/40), higher than that of the control group (80.00%, "
        "32/40) (χ2=4.11, P<0.05). Complications: 4/40 (10.0%) vs 11/40 (27.5%) (χ2=4.20, "
        "P<0.05)."
    )
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    found = [(c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_counts"]
    # 4/40 vs 11/40: Pearson 4.0205, Yates 2.9538 (chi_square_reference.csv), neither 4.20
    assert found == [("4.11", "consistent"), ("4.20", "inconsistent")]


@pytest.mark.parametrize(("printed", "verdict"), [("4.76", "consistent"), ("4.90", "inconsistent")])
def test_a_chi_square_with_no_p_after_its_counts_is_checked_against_them(printed, verdict):
    text = (
        "Mortality was 10/50 (20.0%) with treatment and 20/50 (40.0%) with control; "
        f"χ2 = {printed}. No other difference was found."
    )
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    found = [(c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_counts"]
    # 10/50 vs 20/50: Pearson 4.7619, Yates 3.8571 (chi_square_reference.csv)
    assert found == [(printed, verdict)]


# R 4.2: pchisq(c(4.11, 4.5), df = 1, lower.tail = FALSE) -> 0.04263036245, 0.03389485352
@pytest.mark.parametrize(
    ("printed", "p", "verdict", "expected"),
    [
        ("4.11", "P<0.05", "consistent", 0.04263036245),
        ("4.5", "P=0.003", "inconsistent", 0.03389485352),
    ],
)
def test_the_p_of_a_chi_square_without_df_after_two_arms_counts_has_1_df(
    printed, p, verdict, expected
):
    text = (
        "The total effective rate was 95.0% (38/40) in the observation group and 80.0% "
        f"(32/40) in the control group (χ2={printed}, {p})."
    )
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    [row] = [c for c in checks if c["check"] == "p_vs_test"]
    assert row["verdict"] == verdict
    assert close(row["recomputed_value"], expected, 1e-8)
    assert "1 df" in row["method"]


def test_a_chi_square_without_df_and_without_counts_stays_not_checkable():
    text = "Anxiety differed between the groups (χ2=4.11, P<0.05)."
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    [row] = [c for c in checks if c["check"] == "p_vs_test"]
    assert row["verdict"] == "not_checkable"


@pytest.mark.parametrize(
    ("printed", "flag"),
    [
        # 10/50 vs 20/50: Yates 3.8571 (chi_square_reference.csv) cut to two decimals is 3.85
        ("3.85", "last_digit; truncated"),
        ("3.8", "last_digit; truncated"),
        # Pearson 4.7619 rounds to 4.76: 4.75 is one unit of the last digit off, not a cut
        ("4.75", "last_digit"),
        # 4.90 is 14 units from 4.7619: a different number, not a slip of rounding
        ("4.90", ""),
    ],
)
def test_a_chi_square_off_by_one_in_its_last_digit_is_flagged(printed, flag):
    text = (
        "Mortality was 10/50 (20.0%) with treatment and 20/50 (40.0%) with control; "
        f"χ2 = {printed}. No other difference was found."
    )
    extraction = extract_document("d", text)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings(), False)
    found = [(c["verdict"], c["flag"]) for c in checks if c["check"] == "test_vs_counts"]
    assert found == [("inconsistent", flag)]


CHINESE_JOURNAL_ENGLISH = (
    "Methods: Sixty patients with severe COVID-19 were divided into an observation group and a "
    "control group by the random number table method, with 30 cases in each group. Results: The "
    "total effective rate of the observation group (93.33%) was higher than that of the control "
    "group (76.67%) (χ2=4.320, P=0.038). The incidence of adverse reactions was 6.67% in the "
    "observation group and 10.00% in the control group (P>0.05)."
)


def test_a_chi_square_after_two_arms_percentages_has_the_1_df_of_their_2x2_table():
    checks = {
        (r["check"], r["reported"]): r
        for r in check_document(*_extracted(CHINESE_JOURNAL_ENGLISH), Settings())
    }
    # scipy.stats.chi2.sf(4.3195, 1) = 0.037678 and chi2.sf(4.3205, 1) = 0.037656
    row = checks[("p_vs_test", "= 0.038")]
    assert row["verdict"] == "consistent"
    assert row["recomputed_low"] == pytest.approx(0.037656, abs=2e-6)
    assert row["recomputed_high"] == pytest.approx(0.037678, abs=2e-6)
    assert "1 df of the 2x2 table" in row["method"]
    # "30 cases in each group" sizes both arms: 93.33% and 76.67% of 30 are 28/30 and 23/30,
    # whose Wald test of the risk difference gives 0.0630
    # (statsmodels test_proportions_2indep(28, 30, 23, 30, method="wald")): p 0.038 is too small
    row = checks[("p_vs_percentages", "= 0.038")]
    assert (row["verdict"], row["recomputed"]) == ("inconsistent", "0.06301")
    # scipy.stats.fisher_exact([[2, 28], [3, 27]]).pvalue = 1.0
    row = checks[("p_vs_percentages", "> 0.05")]
    assert (row["verdict"], row["recomputed"]) == ("consistent", "1")


def _extracted(text):
    extraction = extract_document("d", text)
    return extraction.statistics, extraction.comparisons


# scipy.stats.chi2_contingency([[28, 2], [23, 7]], correction=False)[0] = 3.2680 and
# correction=True: 2.0915 (R's chisq.test, correct = FALSE / TRUE, gives the same)
@pytest.mark.parametrize(
    ("printed", "verdict"),
    [("4.320", "inconsistent"), ("3.268", "consistent"), ("2.09", "consistent"),
     ("1.50", "not_checkable")],
)  # fmt: skip
def test_a_chi_square_after_two_arms_percentages_against_their_tables(printed, verdict):
    text = CHINESE_JOURNAL_ENGLISH.replace("χ2=4.320", f"χ2={printed}")
    row = next(
        r
        for r in check_document(*_extracted(text), Settings())
        if r["check"] == "test_vs_percentages"
    )
    assert row["verdict"] == verdict
    assert row["recomputed_low"] == pytest.approx(2.0915, abs=1e-4)
    assert row["recomputed_high"] == pytest.approx(3.2680, abs=1e-4)
