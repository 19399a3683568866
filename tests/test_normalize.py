"""Normalization keeps every offset: one character in, one character out."""

from __future__ import annotations

from extraction_helpers import stats

from trialaudit.normalize import normalize


def test_dashes_minus_and_spaces_become_ascii():
    text = "OR 1.68 (0.65\u20134.34), \u221213.31%, a\u00a0b, c\u2009d, e\u2014f"
    assert normalize(text) == "OR 1.68 (0.65-4.34), -13.31%, a b, c d, e-f"


def test_full_width_digits_and_punctuation():
    assert normalize("\uff30\uff1d\uff10\uff0e\uff10\uff15") == "P=0.05"


def test_middle_dot_is_a_decimal_point_only_between_digits():
    assert normalize("0\u00b765 \u00b7 item") == "0.65 \u00b7 item"


def test_length_is_preserved_on_the_seed_corpus(seed_texts):
    for text in seed_texts.values():
        assert len(normalize(text)) == len(text)


def test_a_value_in_round_and_square_brackets_reads_as_one_bracket():
    text = "the albumin of the observation group [(35.62±4.18) g/L] was higher"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "the albumin of the observation group ( 35.62±4.18  g/L) was higher"
    pair = "total bilirubin [(28.74±9.36) μmol/L vs (36.15±11.20) μmol/L] and"
    assert normalize(pair) == "total bilirubin  (28.74±9.36) μmol/L vs (36.15±11.20) μmol/L  and"
    # a bracket that goes on to a test is left alone
    kept = "was shorter [(6.2±1.3) d vs (8.1±1.7) d, t=5.61, P<0.05]."
    assert normalize(kept) == kept


def test_values_in_square_brackets_keep_their_arms_and_outcome():
    from trialaudit.extract import extract_document

    text = (
        "After 12 weeks, the serum albumin of the observation group [(35.62±4.18) g/L] was "
        "higher than that of the control group [(32.47±4.35) g/L] (t=3.617, P<0.001)."
    )
    means = [s for s in extract_document("d", text).statistics if s["kind"] == "mean"]
    assert [(m["value"], m["arm"], m["outcome"]) for m in means] == [
        (35.62, "observation", "serum albumin"),
        (32.47, "control", "serum albumin"),
    ]


def test_a_persian_decimal_slash_after_a_p_comparator_is_a_decimal_point():
    # Persian typing separates decimals with a slash: "P=0/007" is 0.007, not 0 of 7
    assert normalize("(P=0/007), 3/15 died") == "(P=0.007), 3/15 died"


def test_a_cyrillic_p_before_a_comparator_is_a_p():
    # "р=0,78": the Cyrillic letter er (U+0440), typed for p in Russian journals; a decimal
    # comma after "p=0" is one
    assert (
        normalize("(\u0440=0,78); \u0440\u0430\u043d\u043e") == "(p=0.78); \u0440\u0430\u043d\u043e"
    )


def test_traditional_and_japanese_group_words_and_people_classifiers_read_as_simplified():
    text = "試驗組120位，對照組118位。MSC群60名，p＝0.022。30日"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "试验组120例,对照组118例.MSC组60例,p=0.022\n30日"


def test_margin_line_numbers_are_blanked_and_broken_words_joined_in_place():
    text = (
        "301  3. Results\n"
        "302  Of 412 patients screened, 370 were ran-\n"
        "303  domized (drug n = 186; placebo n = 184).\n"
    )
    out = normalize(text)
    assert len(out) == len(text)
    assert "301" not in out and "302" not in out and "303" not in out
    assert "370 were randomized\n" in out
    # every digit that is no line number keeps its offset
    for number in ("412", "370", "186", "184"):
        assert out.index(number) == text.index(number)


def test_a_real_hyphen_at_a_line_break_stays_and_two_numbered_lines_are_no_margin():  # guard
    out = normalize("All were followed to the 12-month follow-\nup visit.\n1  Age\n2  Sex\n")
    assert "follow-up\n" in out
    assert "1  Age" in out and "2  Sex" in out


def test_a_ligature_spelled_confidence_interval_is_read():
    rows = stats("The odds ratio was 0.51 (95% conﬁdence interval 0.30–0.85).")
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["kind"] == "ratio"] == [
        (0.51, 0.3, 0.85)
    ]
