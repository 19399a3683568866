"""SAS PROC FREQ and PROC TTEST listings: what is read, and each printed test held to the counts
or the summaries by the method the listing names.

Reference values (R 4.x, recorded by the calls below; the listing prints them rounded as SAS
does):
    t <- matrix(c(30, 70, 45, 55), 2, byrow = TRUE)
    chisq.test(t, correct = FALSE)        # X-squared 4.8, p 0.02845973692
    chisq.test(t, correct = TRUE)         # X-squared 4.181333333, p 0.04087153409
    MASS::loglm(~1 + 2, t)$lrt            # 4.824672109, p 0.02805520096
    x <- rep(c(1, 0, 1, 0), c(30, 70, 45, 55)); g <- rep(1:2, c(100, 100))
    (length(x) - 1) * cor(x, g)^2         # Mantel-Haenszel 4.776, p 0.02885908103
    fisher.test(t)$p.value                # 0.04053400651
    exact <- function(n, m, s) m + s * scale(qnorm(ppoints(n)))[, 1]
    a <- exact(64, 21.5, 6.2); b <- exact(61, 24.8, 7.9)
    t.test(a, b, var.equal = TRUE)        # t -2.6046739, df 123, p 0.01032955,
                                          #   CI -5.8078561926 -0.7921438074
    t.test(a, b)                          # t -2.5897374, df 113.77961, p 0.01086003,
                                          #   CI -5.824352631 -0.775647369
    var.test(b, a)                        # F 1.6235692, df 60 and 63, p 0.05894001
    var.test(exact(110, -6.03, 11.24), exact(112, -12.41, 10.87))  # F 1.06923590582
    11.245^2 / 10.865^2; 11.235^2 / 10.875^2  # 1.07117260764, 1.06730273484 (SDs to 2 places)
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from trialaudit import comparisons, continuous, sas
from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

LISTING = """\
                          The SAS System        14:02 Monday, June 3, 2024   7

Trial ABC-301   Week 12 responders (FAS)            Program: t_resp.sas  v2.0
  proc freq data=adresp; tables arm*resp12 / chisq fisher nopercent norow nocol; run;

                              The FREQ Procedure

                            Table of ARM by RESP12

              ARM(Randomized Arm)     RESP12(Week 12 Responder)

              Frequency      |N       |Y       |  Total
              ---------------+--------+--------+
              ACTIVE 10 MG   |     70 |     30 |    100
              ---------------+--------+--------+
              PLACEBO        |     55 |     45 |    100
              ---------------+--------+--------+
              Total               125       75      200

                    Statistics for Table of ARM by RESP12

              Statistic                     DF       Value      Prob
              ------------------------------------------------------
              Chi-Square                     1      4.8000    0.0285
              Likelihood Ratio Chi-Square    1      4.8247    0.0281
              Continuity Adj. Chi-Square     1      4.1813    0.0409
              Mantel-Haenszel Chi-Square     1      4.7760    0.0289
              Phi Coefficient                      -0.1549

                             Fisher's Exact Test
                      ----------------------------------
                      Cell (1,1) Frequency (F)        70
                      Two-sided Pr <= P             0.0405

                              Sample Size = 200

  proc ttest data=adeff; class arm; var chg12; run;

                              The TTEST Procedure

              Variable:  CHG12  (Change from baseline to Week 12 in pain score)

              ARM               Method              N        Mean     Std Dev     Std Err
              ACTIVE 10 MG                         64     21.5000      6.2000      0.7750
              PLACEBO                              61     24.8000      7.9000      1.0115
              Diff (1-2)        Pooled                    -3.3000      7.0804      1.2669

              ARM               Method             Mean       95% CL Mean
              Diff (1-2)        Pooled          -3.3000    -5.8079   -0.7921
              Diff (1-2)        Satterthwaite   -3.3000    -5.8244   -0.7756

              Method           Variances        DF    t Value    Pr > |t|
              Pooled           Equal           123      -2.60      0.0103
              Satterthwaite    Unequal      113.78      -2.59      0.0109

                              Equality of Variances
              Method      Num DF    Den DF    F Value    Pr > F
              Folded F        60        63       1.62    0.0589
"""


def _run(text: str):
    extraction = extract_document("listing", text)
    return extraction, check_document(extraction.statistics, extraction.comparisons, Settings())


def _by_text(checks: list[dict], text: str, document: str) -> dict[str, str]:
    """The verdict of each check of the statistic printed as ``text`` (its first occurrence)."""
    start = document.index(text)
    return {c["check"]: c["verdict"] for c in checks if c["span_start"] <= start < c["span_end"]}


def test_a_cross_table_gives_each_arms_counts_size_and_the_sample():
    extraction, _ = _run(LISTING)
    rows = extraction.statistics
    counts = {(r["arm"], r["value_text"]): r for r in rows if r["kind"] == "count"}
    assert set(counts) == {("ACTIVE 10 MG", "70"), ("ACTIVE 10 MG", "30"), ("PLACEBO", "55"),
                           ("PLACEBO", "45")}  # fmt: skip
    assert counts[("PLACEBO", "45")]["denominator"] == 100
    assert counts[("ACTIVE 10 MG", "30")]["outcome"] == "Week 12 Responder"
    assert counts[("ACTIVE 10 MG", "70")]["outcome"] == "Week 12 Responder = N"
    assert {r["timepoint"] for r in counts.values()} == {"week 12"}
    sizes = sorted((r["arm"], r["value"]) for r in rows if r["kind"] == "arm_size")
    assert sizes == [("ACTIVE 10 MG", 64), ("ACTIVE 10 MG", 100), ("PLACEBO", 61), ("PLACEBO", 100)]
    assert sorted(r["source_text"] for r in rows if r["kind"] == "sample_size") == [
        "200",
        "Sample Size = 200",
    ]


def test_every_test_is_read_with_its_method_and_no_other_number_of_the_listing():
    extraction, _ = _run(LISTING)
    rows = extraction.statistics
    methods = [
        (r["kind"], r["value_text"], r["flags"])
        for r in rows
        if r["kind"] in {"test", "p_value"} and "method_" in r["flags"]
    ]
    assert ("test", "4.8247", "method_" + sas.LIKELIHOOD_RATIO) in methods
    assert ("p_value", "0.0405", "method_" + sas.FISHER) in methods
    assert ("test", "-2.59", "method_" + sas.WELCH_T) in methods
    assert len(methods) == 2 * 4 + 1 + 2 * 2 + 2  # four chi-squares, Fisher, two t, folded F
    # no page number, time, version, CL level, phi, standard error or Fisher's cell
    printed = {r["source_text"] for r in rows}
    for stray in ("7", "14:02", "2.0", "95%", "-0.1549", "0.7750", "1.2669", "301"):
        assert not any(stray == text or text.startswith(stray + " ") for text in printed), stray


def test_each_printed_test_agrees_with_the_counts_and_summaries_it_names():
    _, checks = _run(LISTING)
    expected = {
        "4.8000": ("test_vs_counts", sas.PEARSON),
        "4.8247": ("test_vs_counts", sas.LIKELIHOOD_RATIO),
        "4.1813": ("test_vs_counts", sas.YATES),
        "4.7760": ("test_vs_counts", sas.MANTEL_HAENSZEL),
        "0.0281": ("p_vs_counts", sas.LIKELIHOOD_RATIO),
        "0.0289": ("p_vs_counts", sas.MANTEL_HAENSZEL),
        "0.0405": ("p_vs_counts", sas.FISHER),
    }
    for text, (check, method) in expected.items():
        found = [c for c in checks if c["check"] == check and c["reported"].endswith(text)]
        assert [(c["verdict"], c["method"]) for c in found] == [("consistent", method)], text
    assert _by_text(checks, "-5.8244", LISTING)["difference_ci_vs_summaries"] == "consistent"
    assert _by_text(checks, "-5.8079", LISTING)["difference_ci_vs_summaries"] == "consistent"
    assert _by_text(checks, "0.0589", LISTING) == {"p_vs_test": "consistent"}
    assert LISTING.count("1.62") == 1
    assert _by_text(checks, "1.62", LISTING) == {"test_vs_summaries": "consistent"}
    assert not [c for c in checks if c["verdict"] == "inconsistent"]


@pytest.mark.parametrize(
    ("printed", "spoiled", "check"),
    [
        ("4.8247    0.0281", "4.8000    0.0281", "test_vs_counts"),  # LR given Pearson's value
        ("4.1813", "4.8000", "test_vs_counts"),  # the continuity-adjusted given Pearson's
        ("Pr <= P             0.0405", "Pr <= P             0.0285", "p_vs_counts"),
        ("1.62    0.0589", "1.62    0.0295", "p_vs_test"),  # the folded F's upper tail alone
        ("1.62    0.0589", "1.92    0.0589", "test_vs_summaries"),  # not 7.9^2 / 6.2^2
        ("1.62    0.0589", "1.62    5.89E-3", "p_vs_test"),  # E notation, read and judged
        ("-5.8079   -0.7921", "-5.8244   -0.7756", "difference_ci_vs_summaries"),  # Welch's
        ("-5.8244   -0.7756", "-5.3244   -1.2756", "difference_ci_vs_summaries"),  # SE for SD
    ],
)
def test_a_number_that_does_not_fit_its_method_is_inconsistent(printed, spoiled, check):
    assert LISTING.count(printed) == 1
    text = LISTING.replace(printed, spoiled)
    _, checks = _run(text)
    changed = next(i for i, (a, b) in enumerate(zip(printed, spoiled, strict=True)) if a != b)
    position = LISTING.index(printed) + changed  # the first character spoiled
    verdicts = [
        c["verdict"]
        for c in checks
        if c["check"] == check and c["span_start"] <= position < c["span_end"]
    ]
    assert verdicts == ["inconsistent"]


PERCENT_LISTING = """\
                              The FREQ Procedure

                            Table of TRT by DEATH

              TRT(Treatment)     DEATH(Death by Day 28)

              Frequency|
              Percent  |
              Row Pct  |
              Col Pct  |No      |Yes     |  Total
              ---------+--------+--------+
              Drug     |    180 |     20 |    200
                       |  45.00 |   5.00 |  50.00
                       |  90.00 |  10.00 |
                       |  51.43 |  40.00 |
              ---------+--------+--------+
              Placebo  |    170 |     30 |    200
                       |  42.50 |   7.50 |  50.00
                       |  85.00 |  15.00 |
                       |  48.57 |  60.00 |
              ---------+--------+--------+
              Total         350       50      400
                          87.50    12.50   100.00
"""


def test_a_cross_table_with_percentages_gives_each_count_its_row_percentage():
    extraction, checks = _run(PERCENT_LISTING)
    counts = {
        (r["arm"], r["value_text"]): r["percent"]
        for r in extraction.statistics
        if r["kind"] == "count"
    }
    assert counts == {("Drug", "180"): 90.0, ("Drug", "20"): 10.0, ("Placebo", "170"): 85.0,
                      ("Placebo", "30"): 15.0}  # fmt: skip
    assert [c["verdict"] for c in checks if c["check"] == "percent_vs_count"] == ["consistent"] * 4
    # the cell, column and grand-total percentages are no statistic of an arm
    assert {r["kind"] for r in extraction.statistics} == {"count", "arm_size", "sample_size"}
    spoiled = PERCENT_LISTING.replace("|  85.00 |", "|  58.00 |")
    _, checks = _run(spoiled)
    assert sorted(c["verdict"] for c in checks if c["check"] == "percent_vs_count") == [
        "consistent",
        "consistent",
        "consistent",
        "inconsistent",
    ]


def test_three_arms_give_counts_but_no_two_by_two_comparison():
    three = LISTING.replace(
        "              PLACEBO        |     55 |     45 |    100\n",
        "              PLACEBO        |     55 |     45 |    100\n"
        "              ---------------+--------+--------+\n"
        "              ACTIVE 20 MG   |     60 |     40 |    100\n",
    ).replace("1      4.8000    0.0285", "2      4.8000    0.0907")
    extraction, checks = _run(three)
    arms = {r["arm"] for r in extraction.statistics if r["kind"] == "count"}
    assert arms == {"ACTIVE 10 MG", "PLACEBO", "ACTIVE 20 MG"}
    assert not [c for c in checks if c["check"] in {"test_vs_counts", "p_vs_counts"}]


def test_the_difference_ci_ranges_are_scipys_interval_at_the_printed_summaries():
    # samples with exactly these means and SDs give scipy's interval (an independent route)
    def exact(n, mean, sd):
        z = stats.norm.ppf((np.arange(1, n + 1) - 0.5) / n)
        return mean + sd * (z - z.mean()) / z.std(ddof=1)

    a, b = exact(64, 21.5, 6.2), exact(61, 24.8, 7.9)
    for equal_var in (True, False):
        reference = stats.ttest_ind(a, b, equal_var=equal_var).confidence_interval(0.95)
        (lo_min, lo_max), (hi_min, hi_max) = continuous.difference_ci_ranges(
            (21.5, 21.5), (6.2, 6.2), 64, (24.8, 24.8), (7.9, 7.9), 61, equal_var
        )
        assert lo_min == pytest.approx(reference.low, abs=1e-9) == lo_max
        assert hi_min == pytest.approx(reference.high, abs=1e-9) == hi_max
    # R's t.test(a, b) on the same samples: -5.824352631 -0.775647369 (Welch)
    (low, _), (_, high) = continuous.difference_ci_ranges(
        (21.5, 21.5), (6.2, 6.2), 64, (24.8, 24.8), (7.9, 7.9), 61, equal_var=False
    )
    assert (low, high) == pytest.approx((-5.824352631, -0.775647369), abs=1e-8)


def test_prose_after_a_listing_is_read_as_prose():
    prose = (
        "\nReviewer's comment: at day 28, mortality was 12/100 (12.0%) with drug vs 20/100 "
        "(20.0%) with placebo (odds ratio 0.55, 95% CI 0.25 to 1.19).\n"
    )
    extraction, checks = _run(LISTING + prose)
    after = [
        (r["kind"], r["value"]) for r in extraction.statistics if r["span_start"] > len(LISTING)
    ]
    assert after == [("count", 12), ("count", 20), ("ratio", 0.55)]
    assert "ratio_vs_counts" in {c["check"] for c in checks if c["span_start"] > len(LISTING)}


def test_means_without_their_sizes_make_no_t_comparison():
    means = [
        {"kind": "mean", "arm": arm, "stat_id": i, "span_start": 100 * i, "span_end": 100 * i + 9}
        for i, arm in enumerate(("A", "B"))
    ]
    assert comparisons._sas_t_tests(means, [], ["A", "B"]) == []


def test_a_folded_f_in_e_notation_is_read():
    _, checks = _run(LISTING.replace("1.62    0.0589", "1.62    5.89E-2"))
    assert _by_text(checks, "5.89E-2", LISTING.replace("0.0589", "5.89E-2")) == {
        "p_vs_test": "consistent"
    }


@pytest.mark.parametrize(
    ("sd_1", "sd_2", "low", "high", "reference"),
    [
        ((11.23995, 11.24005), (10.86995, 10.87005), 1.0692, 1.0693, 1.06923590582),
        ((10.865, 10.875), (11.235, 11.245), 1.06730273484, 1.07117260764, 1.06923590582),
        ((6.15, 6.25), (6.15, 6.25), 1.0, (6.25 / 6.15) ** 2, 1.0),
    ],
)
def test_the_folded_f_range_holds_rs_variance_ratio(sd_1, sd_2, low, high, reference):
    found = continuous.folded_f_range(sd_1, sd_2)
    assert found == pytest.approx((low, high), abs=1e-4)
    assert found[0] <= reference <= found[1]


def test_a_folded_f_whose_df_are_not_the_sizes_is_not_held_to_the_sds():
    _, checks = _run(
        LISTING.replace("Folded F        60        63", "Folded F        59        63")
    )
    (row,) = [c for c in checks if c["check"] == "test_vs_summaries" and c["reported"] == "1.62"]
    assert row["verdict"] == "not_checkable"
    assert "degrees of freedom" in row["note"]


SECOND_TABLE = """
                            Table of ARM by RESP24

              ARM(Randomized Arm)     RESP24(Week 24 Responder)

              Frequency      |N       |Y       |  Total
              ---------------+--------+--------+
              ACTIVE 10 MG   |     60 |     40 |    100
              ---------------+--------+--------+
              PLACEBO        |     72 |     28 |    100
              ---------------+--------+--------+
              Total               132       68      200

                    Statistics for Table of ARM by RESP24

              Statistic                     DF       Value      Prob
              ------------------------------------------------------
              Chi-Square                     1      3.2086    0.0733
              Likelihood Ratio Chi-Square    1      3.2212    0.0727
              Continuity Adj. Chi-Square     1      2.6961    0.1006
              Mantel-Haenszel Chi-Square     1      3.1925    0.0740

                             Fisher's Exact Test
                      ----------------------------------
                      Two-sided Pr <= P             0.1003

                              Sample Size = 200
"""
# R: t <- matrix(c(60, 40, 72, 28), 2, byrow = TRUE)
#    chisq.test(t, correct = FALSE)  # 3.20855614973, p 0.07325409978
#    chisq.test(t)                   # 2.6960784314, p 0.1005954042
#    MASS::loglm(~1 + 2, t)$lrt      # 3.22119426112, p 0.07269057854
#    199 / 200 * 3.20855614973       # Mantel-Haenszel 3.192513369, p 0.07397619319
#    fisher.test(t)$p.value          # 0.1002501338


def test_every_cross_table_of_one_freq_section_is_read_with_its_own_tests():
    first_end = LISTING.index("  proc ttest")
    text = LISTING[:first_end] + SECOND_TABLE + LISTING[first_end:]
    extraction, checks = _run(text)
    counts = {
        (r["arm"], r["value_text"], r["outcome"])
        for r in extraction.statistics
        if r["kind"] == "count" and r["value_text"] in {"40", "28"}
    }
    assert counts == {("ACTIVE 10 MG", "40", "Week 24 Responder"),
                      ("PLACEBO", "28", "Week 24 Responder")}  # fmt: skip
    second = text.index("Table of ARM by RESP24")
    later = [
        c for c in checks if c["span_start"] > second and c["span_start"] < text.index("TTEST")
    ]
    verdicts = {(c["check"], c["reported"].split()[-1]): c["verdict"] for c in later}
    for printed in ("3.2086", "3.2212", "2.6961", "3.1925"):
        assert verdicts[("test_vs_counts", printed)] == "consistent", printed
    for printed in ("0.0733", "0.0727", "0.1006", "0.0740", "0.1003"):
        assert verdicts[("p_vs_counts", printed)] == "consistent", printed
    # the first table's tests are still held to the first table's counts
    assert not [c for c in checks if c["verdict"] == "inconsistent"]
    spoiled = text.replace("3.2212    0.0727", "4.8247    0.0727")
    _, checks = _run(spoiled)
    assert [
        c["verdict"] for c in checks if c["reported"] == "4.8247" and c["span_start"] > second
    ] == ["inconsistent"]


SECOND_VARIABLE = """
              Variable:  CHG24  (Change from baseline to Week 24 in pain score)

              ARM               Method              N        Mean     Std Dev     Std Err
              ACTIVE 10 MG                         64     10.0000      4.0000      0.5000
              PLACEBO                              61     12.0000      5.0000      0.6402
              Diff (1-2)        Pooled                    -2.0000      4.5156      0.8080

              ARM               Method             Mean       95% CL Mean
              Diff (1-2)        Pooled          -2.0000    -3.5994   -0.4006
              Diff (1-2)        Satterthwaite   -2.0000    -3.6090   -0.3910

              Method           Variances        DF    t Value    Pr > |t|
              Pooled           Equal           123      -2.48      0.0147
              Satterthwaite    Unequal      114.83      -2.46      0.0153

                              Equality of Variances
              Method      Num DF    Den DF    F Value    Pr > F
              Folded F        60        63       1.56    0.0818
"""
# R: a <- exact(64, 10, 4); b <- exact(61, 12, 5)
#    t.test(a, b, var.equal = TRUE)  # t -2.47524780065, df 123, p 0.01467572948,
#                                    #   CI -3.59938627928 -0.40061372072
#    t.test(a, b)                    # t -2.46213561796, df 114.83179804514, p 0.01529678222,
#                                    #   CI -3.60904084704 -0.39095915296
#    var.test(b, a)                  # F 1.5625, p 0.08179040468


def test_every_variable_of_one_ttest_section_is_held_to_its_own_summaries():
    text = LISTING + SECOND_VARIABLE
    extraction, checks = _run(text)
    second = text.index("Variable:  CHG24")
    means = {
        (r["arm"], r["value_text"], r["outcome"])
        for r in extraction.statistics
        if r["kind"] == "mean" and r["span_start"] > second
    }
    assert means == {
        ("ACTIVE 10 MG", "10.0000", "Change from baseline to Week 24 in pain score"),
        ("PLACEBO", "12.0000", "Change from baseline to Week 24 in pain score"),
    }
    later = {
        (c["check"], c["reported"].split()[-1]): c["verdict"]
        for c in checks
        if c["span_start"] > second
    }
    assert later[("difference_ci_vs_summaries", "-0.4006")] == "consistent"
    assert later[("difference_ci_vs_summaries", "-0.3910")] == "consistent"
    for printed in ("-2.48", "-2.46", "1.56"):
        assert later[("test_vs_summaries", printed)] == "consistent", printed
    for printed in ("0.0147", "0.0153", "0.0818"):
        assert later[("p_vs_test", printed)] == "consistent", printed
    assert not [c for c in checks if c["verdict"] == "inconsistent"]
