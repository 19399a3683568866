"""Typography: dashes, minus signs, spaced minus, thousands separators, decimal commas, no-break
and thin spaces, full-width forms. Spans always point into the text as printed."""

from __future__ import annotations

import pytest
from extraction_helpers import of_kind, one

from trialaudit.normalize import normalize, uses_decimal_comma


@pytest.mark.parametrize(
    "dash", ["-", "\u2013", "\u2014", "\u2012", "\u2212", "\uff0d", "~", "\uff5e"]
)
def test_every_dash_separates_ci_limits(dash):
    row = one(f"OR 1.68 (95% CI 0.65{dash}4.34)", "ratio")
    assert (row["ci_low"], row["ci_high"]) == (0.65, 4.34)


@pytest.mark.parametrize(
    ("printed", "value"),
    [("\u221213.31", -13.31), ("- 13.31", -13.31), ("-13.31", -13.31), ("\u2212 13.31", -13.31)],
)
def test_minus_signs(printed, value):
    row = one(f"mean difference {printed} (95% CI -20.1 to -6.5)", "difference")
    assert row["value"] == value
    assert row["source_text"].startswith("mean difference " + printed)


def test_thousands_separators():
    row = one("1,234 of 12,450 (9.9%) reported a reaction", "count")
    assert (row["numerator"], row["denominator"]) == (1234, 12450)


def test_thin_space_thousands_separator():
    row = one("A total of 1\u2009234 patients were randomized.", "sample_size")
    assert row["value"] == 1234
    assert row["source_text"].startswith("1\u2009234")


def test_decimal_commas_in_a_document_that_uses_them():
    text = (
        "Mortality was 12,5 % (3/24) with MSCs and 33,3 % (8/24) in controls "
        "(OR 0,29; 95 % CI 0,07–1,24; p = 0,09)."
    )
    assert uses_decimal_comma(text)
    ratio = one(text, "ratio")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (0.29, 0.07, 1.24)
    assert one(text, "p_value")["value"] == 0.09
    assert [c["percent"] for c in of_kind(text, "count")] == [12.5, 33.3]


def test_commas_are_not_decimals_in_a_document_with_decimal_points():
    text = "Of 1,234 patients, mortality was 12.5% (OR 0.29; 95% CI 0.07-1.24)."
    assert not uses_decimal_comma(text)
    assert normalize(text) == text


def test_a_comma_before_three_digits_is_no_evidence_of_decimal_commas():
    assert not uses_decimal_comma("The trial enrolled N = 1,234 participants.")


def test_no_break_spaces():
    row = one("−4.2\u00a0±\u00a01.9 with MSCs", "mean")
    assert (row["value"], row["spread_low"]) == (-4.2, 1.9)
    assert row["source_text"] == "−4.2\u00a0±\u00a01.9"


def test_full_width_digits_and_punctuation():
    text = "两组死亡风险比较：ＯＲ＝０．７５（９５％ ＣＩ：０．１５～３．６８），Ｐ＝０．７２。"
    ratio = one(text, "ratio")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (0.75, 0.15, 3.68)
    assert ratio["source_text"] == "ＯＲ＝０．７５（９５％ ＣＩ：０．１５～３．６８"
    p = one(text, "p_value")
    assert (p["source_text"], p["value"]) == ("Ｐ＝０．７２", 0.72)


def test_full_width_counts_with_chinese_group_labels():
    text = "MSC组死亡３／１１（２７．３％），对照组死亡８／２４（３３．３％）。"
    rows = of_kind(text, "count")
    assert [(r["numerator"], r["denominator"], r["percent"], r["arm"]) for r in rows] == [
        (3, 11, 27.3, "MSC"),
        (8, 24, 33.3, "control"),
    ]


def test_lancet_middle_dot_decimals():
    row = one("HR 0·72 (95% CI 0·55–0·94)", "ratio")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (0.72, 0.55, 0.94)


def test_normalization_keeps_length_on_every_special_character():
    text = (
        "\u2013\u2014\u2212\u00a0\u2009\u202f\u3000\uff10\uff05\u00b7\u2264\u2a7d\u301c1\u20092345"
    )
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    ("printed", "comparator"),
    [("P\ufe640.05", "<"), ("P\ufe650.05", ">"), ("P\ufe660.05", "="), ("P\u22660.05", "≤")],
)
def test_small_form_and_slanted_comparison_signs(printed, comparator):
    row = one(f"The difference was significant ({printed}).", "p_value")
    assert (row["value"], row["comparator"]) == (0.05, comparator)
