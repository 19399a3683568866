"""Chinese-language trial reports (CNKI style): arms named 治疗组 / 观察组 / 对照组, sizes counted
in 例 (cases), and the checks these make possible."""

from __future__ import annotations

import pytest
from extraction_helpers import extract_and_check, of_kind, one, stats

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document


def _sizes(text: str) -> list[tuple]:
    return [
        (r["kind"], r["source_text"], r["arm"], r["population"])
        for r in stats(text)
        if r["kind"] in {"sample_size", "arm_size"}
    ]


def _checks(text: str) -> dict[str, list[dict]]:
    extraction = extract_document("d", text)
    found: dict[str, list[dict]] = {}
    for row in check_document(extraction.statistics, extraction.comparisons, Settings()):
        found.setdefault(row["check"], []).append(row)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "120 patients were included in all, 60 in the treatment group, 60 in the control group"
        ("患者共纳入120例，治疗组60例，对照组60例。",
         [("sample_size", "120", "", "enrolled"),
          ("arm_size", "60例", "treatment", "enrolled"),
          ("arm_size", "60例", "control", "enrolled")]),
        # "80 patients were randomly divided into a treatment group of 40 and a control group
        # of 40"
        ("方法：将80例重症患者随机分为治疗组40例和对照组40例。",
         [("sample_size", "80", "", "randomized"),
          ("arm_size", "40例", "treatment", "randomized"),
          ("arm_size", "40例", "control", "randomized")]),
        # "3 died in the treatment group, 5 died in the control group": counts, not sizes
        ("治疗组3例死亡，对照组5例出现不良反应。", []),
        # "60 patients with severe COVID-19 were included": digits may come before the number
        ("方法\u3000医院纳入重型COVID-19患者60例，按2:1随机分为治疗组40例和对照组20例。",
         [("sample_size", "60", "", "randomized"),
          ("arm_size", "40例", "treatment", "randomized"),
          ("arm_size", "20例", "control", "randomized")]),
        # "41 patients were divided into an MSC group (12) and a control group (29)": an arm
        # named in Latin letters, each size in brackets
        ("方法 将41例患者分为MSC组(12例)和对照组(29例)。",
         [("sample_size", "41", "", "enrolled"),
          ("arm_size", "12例", "MSC", "enrolled"),
          ("arm_size", "29例", "control", "enrolled")]),
    ],
)  # fmt: skip
def test_sizes_counted_in_cases(text, expected):
    assert _sizes(text) == expected


def test_a_size_of_each_group_knows_how_many_groups_were_named():
    # "randomly divided into an observation group and a control group, 60 in each"
    rows = [
        r for r in stats("按随机数字表法分为观察组和对照组，每组60例。") if r["kind"] == "arm_size"
    ]
    assert [(r["source_text"], r["arm"], r["arm_count"], r["flags"]) for r in rows] == [
        ("每组60例", "", 2, "size_of_each_arm")
    ]


def test_counts_take_the_arm_named_before_them_and_their_p_is_checked():
    text = (
        "方法：将80例重症新冠肺炎患者随机分为治疗组40例和对照组40例。"
        "治疗组病死率为5.0%（2/40），对照组为20.0%（8/40），P=0.04。"
    )
    counts = [(r["source_text"], r["arm"]) for r in stats(text) if r["kind"] == "count"]
    assert counts == [("5.0%（2/40）", "treatment"), ("20.0%（8/40）", "control")]
    # scipy.stats.chi2_contingency([[2, 38], [8, 32]], correction=False): p = 0.04252
    (row,) = _checks(text)["p_vs_counts"]
    assert (row["verdict"], row["method"], row["recomputed"]) == (
        "consistent",
        "Pearson chi-square",
        "0.04252",
    )


def test_a_chi_square_of_an_observation_and_a_control_group_is_recomputed():
    text = "结果 观察组总有效率为95.00%（57/60），高于对照组的80.00%（48/60）（χ2=6.988，P<0.05）。"
    counts = [(r["source_text"], r["arm"]) for r in stats(text) if r["kind"] == "count"]
    assert counts == [("95.00%（57/60）", "observation"), ("80.00%（48/60）", "control")]
    # scipy.stats.chi2_contingency([[57, 3], [48, 12]]): 6.1714 (correction=False), 4.8762
    # (Yates); neither is the printed 6.988
    (row,) = _checks(text)["test_vs_counts"]
    assert row["verdict"] == "inconsistent"
    assert row["recomputed_value"] == pytest.approx(6.171428571, rel=1e-6)


ABSTRACT = (
    "方法 选取我院收治的重症患者120例，按随机数字表法分为观察组和对照组，每组60例。"
    "结果 治疗后观察组氧合指数为（312.5±45.6）mmHg，高于对照组的（278.3±50.2）mmHg"
    "（t={t}，P<0.001）。观察组住院时间（15.2±3.4）d，短于对照组的（18.6±4.1）d（t=4.950，P<0.001）。"
)


def test_each_group_size_takes_the_groups_it_was_divided_into():
    extraction = extract_document("d", ABSTRACT.format(t="3.906"))
    assert [(a["arm"], a["n"]) for a in extraction.arms] == [("observation", 60), ("control", 60)]


@pytest.mark.parametrize(
    ("printed", "verdict"), [("3.906", "consistent"), ("4.906", "inconsistent")]
)
def test_a_t_of_two_groups_means_and_sds_is_recomputed(printed, verdict):
    # scipy.stats.ttest_ind_from_stats(312.5, 45.6, 60, 278.3, 50.2, 60): t = 3.9062;
    # (15.2, 3.4, 60, 18.6, 4.1, 60): t = -4.9445. A larger t than the full arms give cannot
    # come from fewer people measured (a smaller one could: not checkable then).
    found = _checks(ABSTRACT.format(t=printed))["test_vs_summaries"]
    assert [(r["reported"], r["verdict"]) for r in found] == [
        (printed, verdict),
        ("4.950", "consistent"),
    ]


def test_a_chinese_full_stop_ends_a_sentence():
    from trialaudit.context import sentence_bounds
    from trialaudit.normalize import normalize

    text = normalize("观察组60例。对照组60例。")
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["观察组60例.", "对照组60例."]


def test_counts_in_cases_with_their_percentages_and_arms_sized_by_n():
    text = (
        "方法 将90例患者随机分为观察组（n=45）和对照组（n=45）。"
        "结果 观察组出现不良反应3例（6.67%），对照组出现不良反应11例（24.44%），"
        "差异有统计学意义（χ2=5.414，P=0.020）。"
    )
    rows = stats(text)
    assert [(r["kind"], r["source_text"], r["arm"]) for r in rows if r["kind"] != "test"][:5] == [
        ("sample_size", "90", ""),
        ("arm_size", "观察组（n=45）", "observation"),
        ("arm_size", "对照组（n=45）", "control"),
        ("count", "3例（6.67%）", "observation"),
        ("count", "11例（24.44%）", "control"),
    ]
    # scipy.stats.chi2_contingency([[3, 42], [11, 34]], correction=False): 5.4135, p = 0.01998
    found = _checks(text)
    assert [(r["reported"], r["verdict"]) for r in found["test_vs_counts"]] == [
        ("5.414", "consistent")
    ]
    assert [(r["recomputed"], r["verdict"]) for r in found["p_vs_counts"]] == [
        ("0.01998", "consistent")
    ]


def test_groups_named_by_letter_and_a_size_of_each_after_a_comma():
    text = (
        "方法 将60例患者随机分为A组和B组，各30例。"
        "结果 A组有效率为90.00%（27/30），B组为70.00%（21/30），P<0.05。"
    )
    rows = stats(text)
    assert [(r["kind"], r["source_text"], r["arm"]) for r in rows] == [
        ("sample_size", "60", ""),
        ("arm_size", "各30例", ""),
        ("count", "90.00%（27/30）", "group A"),
        ("count", "70.00%（21/30）", "group B"),
        ("p_value", "P<0.05", "group A vs group B"),
    ]
    assert [(a["arm"], a["n"]) for a in extract_document("d", text).arms] == [
        ("group A", 30),
        ("group B", 30),
    ]


def test_a_latin_capital_before_a_chinese_group_in_a_word_is_no_lettered_arm():
    # "MSC组": the MSC group, not group C
    rows = stats("MSC组病死率为5.0%（2/40），对照组为20.0%（8/40）。")
    assert [r["arm"] for r in rows if r["kind"] == "count"] == ["MSC", "control"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("观察组病死率为3.33%（2/60），低于对照组的15.00%（9/60）。", "mortality"),
        ("观察组并发症发生率为6.67%（4/60），低于对照组的20.00%（12/60）。", "complications"),
        ("观察组不良反应发生率为5.00%（3/60），对照组为8.33%（5/60）。", "adverse events"),
        ("观察组总有效率为95.00%（57/60），高于对照组的80.00%（48/60）。", "response rate"),
    ],
)
def test_outcomes_named_in_chinese(text, outcome):
    assert {r["outcome"] for r in stats(text) if r["kind"] == "count"} == {outcome}


def test_a_chinese_label_without_its_arm_or_a_comparison_after_a_unit():
    text = (
        "治疗14 d后，观察组血清D-乳酸(5.12±1.06)mg/L低于对照组的(6.87±1.34)mg/L"
        "(t=7.095，P＜0.001)。"
        "结果 观察组腹痛缓解时间(4.2±1.3)d，差异有统计学意义(t=6.152，P＜0.05)。"
    )
    rows = extract_document("d", text).statistics
    means = [(r["value"], r["outcome"]) for r in rows if r["kind"] == "mean"]
    # 血清D-乳酸 serum D-lactate (both arms: the second is compared with the first, "低于对照组的"
    # is no label); 腹痛缓解时间 time to relief of abdominal pain, without 观察组 or 结果 before it
    assert means == [(5.12, "血清D-乳酸"), (6.87, "血清D-乳酸"), (4.2, "腹痛缓解时间")]
    # "差异有统计学意义" (the difference was significant) names no outcome
    assert all("差异" not in r["outcome"] for r in rows)


@pytest.mark.parametrize(
    ("text", "timepoint"),
    [
        ("治疗14 d后，观察组血清D-乳酸(5.12±1.06)mg/L低于对照组的(6.87±1.34)mg/L。", "day 14"),
        ("第28天，观察组病死率为5.0%（2/40），对照组为20.0%（4/20）。", "day 28"),
        ("12周时观察组有效率为62.5%（25/40）。", "week 12"),
        # "28 d病死率": 28-day mortality
        ("治疗组28 d病死率为5.0%（2/40），对照组为20.0%（4/20）（P=0.16）。", "day 28"),
        ("观察组90 d生存率为85.0%（34/40）。", "day 90"),
        ("Nach 12 Wochen lag der Score bei 24,6 ± 12,3 und 29,8 ± 13,1 Punkten.", "week 12"),
        ("• Off TNFi at mo 18: 61% vs 48%, p=.04", "month 18"),
    ],
)
def test_time_points_in_chinese_german_and_on_a_poster(text, timepoint):
    rows = [r for r in extract_document("d", text).statistics if r["kind"] != "arm_size"]
    assert rows and {r["timepoint"] for r in rows} == {timepoint}


def test_a_chinese_arm_before_the_day_of_its_rate():
    # "治疗组28 d病死率为5.0%": the treatment group's 28-day mortality, though the English
    # abstract beside it sizes two more arms of 40 and 20 (so no denominator tells them apart)
    text = (
        "按2:1随机分为治疗组40例和对照组20例。治疗组28 d病死率为5.0%（2/40），对照组为20.0%"
        "（4/20）（P=0.16）。Sixty patients were randomized 2:1 to UC-MSCs (n = 40) or placebo "
        "(n = 20)."
    )
    counts = [r for r in stats(text) if r["kind"] == "count"]
    assert [(r["source_text"], r["arm"], r["timepoint"]) for r in counts] == [
        ("5.0%（2/40）", "treatment", "day 28"),
        ("20.0%（4/20）", "control", "day 28"),
    ]


def test_two_arms_lists_of_outcomes_joined_by_the_enumeration_comma():
    # each arm's values in the same order of outcomes, joined by "、", and the two t's listed
    # after them in that order: t = (6.1 - 4.2) / sqrt((1.3² + 1.7²) / 48) = 6.15 and
    # (19.4 - 15.6) / sqrt((3.8² + 4.5²) / 48) = 4.47 (Student's pooled t, equal arms)
    text = (
        "采用随机数字表法分为观察组和对照组，各48例。观察组腹痛缓解时间(4.2±1.3)d、住院时间"
        "(15.6±3.8)d均短于对照组的(6.1±1.7)d、(19.4±4.5)d，差异有统计学意义(t=6.152、4.469，"
        "P＜0.05)。"
    )
    extraction = extract_document("d", text)
    rows = {r["source_text"]: r for r in extraction.statistics}
    assert [(rows[v]["arm"], rows[v]["outcome"]) for v in ("4.2±1.3", "6.1±1.7")] == [
        ("observation", "腹痛缓解时间"),
        ("control", "腹痛缓解时间"),
    ]
    assert [rows[v]["arm"] for v in ("15.6±3.8", "19.4±4.5")] == ["observation", "control"]
    assert rows["15.6±3.8"]["outcome"] == rows["19.4±4.5"]["outcome"] == "length of stay"
    assert [rows[v]["outcome"] for v in ("t=6.152", "4.469")] == ["腹痛缓解时间", "length of stay"]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    tests = [(c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_summaries"]
    assert tests == [("6.152", "consistent"), ("4.469", "consistent")]


def test_what_a_chinese_clause_measures_before_its_arm_and_the_tests_of_its_values():
    # "第14天胸部CT病灶吸收率治疗组为62.5%": on day 14, the CT lesion absorption of the
    # treatment group was 62.5%; "高于对照组的35.0%" (higher than the control group's) names no
    # measure; the chi-square and t after the values test what they measure, not the unit
    text = (
        "治疗组40例和对照组20例。第14天胸部CT病灶吸收率治疗组为62.5%（25/40），高于对照组的"
        "35.0%（7/20）（χ²=4.05，P=0.044）。观察组血清D-乳酸(5.12±1.06)mg/L低于对照组的"
        "(6.87±1.34)mg/L(t=7.095，P＜0.001)。"
    )
    outcome = {r["source_text"]: r["outcome"] for r in stats(text)}
    for value in ("62.5%（25/40）", "35.0%（7/20）", "χ²=4.05", "P=0.044"):
        assert outcome[value] == "胸部CT病灶吸收率"
    for value in ("5.12±1.06", "6.87±1.34", "t=7.095", "P＜0.001"):
        assert outcome[value] == "血清D-乳酸"


def test_cases_right_after_a_group_with_a_percentage_are_a_count_not_the_groups_size():
    # 7/45 = 15.6 %, not 17.8 %; 9/45 = 20.0 %
    text = "观察组(n=45)与对照组(n=45)。不良反应：观察组7例(17.8%)，对照组9例（20.0%）。"
    rows = stats(text)
    assert [(r["kind"], r["source_text"], r["arm"]) for r in rows] == [
        ("arm_size", "观察组(n=45)", "observation"),
        ("arm_size", "对照组(n=45)", "control"),
        ("count", "7例(17.8%)", "observation"),
        ("count", "9例（20.0%）", "control"),
    ]
    found = _checks(text)
    assert [(r["reported"], r["verdict"]) for r in found["percent_vs_count"]] == [
        ("17.8", "inconsistent"),
        ("20.0", "consistent"),
    ]
    assert "percent_granularity" not in found


TRADITIONAL = (
    "結果：共238位病人完成隨機分派，試驗組120位，對照組118位。試驗組術後譫妄發生率為18位"
    "（15.0%），對照組為32位（27.1%），勝算比（OR）＝0.47，95%信賴區間（CI）：0.25–0.90，p＝0.022。"
    "30日內再入院者，試驗組9位（7.5%），對照組11位（9.3%）。"
)


def test_a_traditional_chinese_report_counts_people_in_wei_and_names_its_odds_ratio():
    # 位 counts people as 例 does, 組 is 组 (group), 試驗 / 對照 the experimental and control
    # arms, 勝算比 an odds ratio, 信賴區間 its confidence interval; 18/120 vs 32/118 gives OR
    # 0.4743 (Woolf 0.2489 to 0.9038: statsmodels Table2x2([[18, 102], [32, 86]]))
    rows = stats(TRADITIONAL)
    sizes = [(r["kind"], r["value"], r["arm"]) for r in rows if r["kind"].endswith("size")]
    assert sizes == [
        ("sample_size", 238, ""),
        ("arm_size", 120, "experimental"),
        ("arm_size", 118, "control"),
    ]
    ratio = next(r for r in rows if r["kind"] == "ratio")
    assert (ratio["measure"], ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (
        "OR",
        0.47,
        0.25,
        0.9,
    )
    # the full stop before "30日" does not run into the p-value
    assert [r["value"] for r in rows if r["kind"] == "p_value"] == [0.022]
    extraction = extract_document("t", TRADITIONAL)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert {c["verdict"] for c in checks if c["check"] in {"ci_vs_counts", "p_vs_counts"}} == {
        "consistent"
    }


def test_a_japanese_count_of_events_in_a_group_is_no_size():
    text = "重篤な有害事象はMSC群2例，対照群3例に認められた。"
    assert [r for r in stats(text) if r["kind"] == "arm_size"] == []


JAPANESE = (
    "【方法】患者をMSC群（ｎ＝２２）と対照群（ｎ＝２１）に無作為に割り付けた．\n"
    "【結果】４３例が解析対象となった．年齢はMSC群６３．２±９．８歳，対照群６５．０±１０．４歳であった．"
    "重篤な有害事象はMSC群2例，対照群3例に認められた．"
)


def test_a_japanese_report_prints_means_straight_after_the_arm_and_names_the_measure_first():
    # は marks what the sentence is about (年齢, age); 群 is the group, を a particle before it
    rows = stats(JAPANESE)
    assert [(r["kind"], r["value"], r["arm"]) for r in rows if r["kind"].endswith("size")] == [
        ("arm_size", 22, "MSC"),
        ("arm_size", 21, "control"),
        ("sample_size", 43, ""),
    ]
    means = [
        (r["value"], r["spread_low"], r["arm"], r["outcome"]) for r in rows if r["kind"] == "mean"
    ]
    assert means == [(63.2, 9.8, "MSC", "年齢"), (65.0, 10.4, "control", "年齢")]


def test_two_arms_counts_in_li_before_what_happened_are_counts():
    counts = [(r["value"], r["arm"]) for r in stats(JAPANESE) if r["kind"] == "count"]
    assert counts == [(2, "MSC"), (3, "control")]


def test_a_chinese_value_straight_after_its_group_is_read_but_not_inside_a_latin_word():
    rows = stats("年龄观察组63.2±9.8岁，对照组65.0±10.4岁。")
    assert [(r["value"], r["arm"]) for r in rows if r["kind"] == "mean"] == [
        (63.2, "observation"),
        (65.0, "control"),
    ]
    assert [r for r in stats("code AB12.3±2 was used") if r["kind"] == "mean"] == []


@pytest.mark.parametrize(
    ("printed", "verdict"), [("4.019", "consistent"), ("5.019", "inconsistent")]
)
def test_a_measure_named_with_a_digit_between_the_group_and_its_value(printed, verdict):
    """ "治疗后观察组FEV1为（2.41±0.38）L" (after treatment, the observation group's FEV1 was):
    the measure's Latin name holds a digit, and the mean is still the observation group's, so
    the t after the pair is held to both groups' means and SDs. R 4.x: (2.41 - 2.12) /
    sqrt((0.38^2 + 0.41^2) / 60) = 4.01835787355980; Welch's df (a + b)^2 / (a^2 / 59 + b^2 / 59)
    with a = 0.38^2 / 60, b = 0.41^2 / 60, 117.325180105, and 2 * pt(-t, df) = 1.03878470424e-04."""
    text = (
        "结果 共纳入120例患者，随机分为观察组和对照组，每组60例。治疗后观察组FEV1为（2.41±0.38）L，"
        f"高于对照组的（2.12±0.41）L（t={printed}，P<0.001）。"
    )
    means = [r for r in extract_document("d", text).statistics if r["kind"] == "mean"]
    assert [(r["arm"], r["value"]) for r in means] == [("observation", 2.41), ("control", 2.12)]
    checks = _checks(text)
    (test,) = checks["test_vs_summaries"]
    assert (test["reported"], test["verdict"]) == (printed, verdict)
    (p_value,) = checks["p_vs_summaries"]
    assert p_value["method"] == "Welch t-test on means and SDs"
    assert p_value["recomputed_value"] == pytest.approx(1.03878470424e-04, rel=1e-9)


@pytest.mark.parametrize(
    ("clause", "outcome"),
    [
        ("治疗后观察组FEV1为（2.41±0.38）L", "FEV1"),
        ("观察组FEV1为（2.41±0.38）L", "FEV1"),
        ("治疗后观察组IL-6为（2.41±0.38）pg/ml", "IL-6"),
        ("第28天观察组CD4是（2.41±0.38）", "CD4"),
    ],
)
def test_a_chinese_measure_without_its_time_arm_and_copula(clause, outcome):
    """What is measured, not "治疗后观察组FEV1为" (after treatment, the observation group's FEV1
    was): the time and arm before it and the copula after it are no part of its name."""
    text = f"{clause}，高于对照组的（2.12±0.41）（t=4.019，P<0.001）。"
    means = [r for r in extract_document("d", text).statistics if r["kind"] == "mean"]
    assert [(r["arm"], r["outcome"]) for r in means] == [
        ("observation", outcome),
        ("control", outcome),
    ]


# A journal's web page: the sizes of an MSC arm and a control arm in brackets, a clause of the
# control arm that names no measure ("对照组为", the control group was), and a full stop
# right before the Latin letters of the next sentence.
WEB_PAGE_ABSTRACT = (
    "方法 将41例患者分为MSC组(12例)和对照组(29例)。结果 MSC组治疗后CRP为(12.4±8.1)mg/L，"
    "对照组为(25.6±12.3)mg/L(t=3.38，P=0.002)。MSC组病死率0%(0/12)，对照组10.3%(3/29)(P=0.544)。"
)


def test_a_clause_of_the_other_arm_measures_what_the_first_did():
    rows = stats(WEB_PAGE_ABSTRACT)
    means = [(r["arm"], r["outcome"]) for r in rows if r["kind"] == "mean"]
    assert means == [("MSC", "治疗后CRP"), ("control", "治疗后CRP")]
    # the full stop before "MSC组" ends the sentence: the t test's p is not the counts'
    sentences = {r["source_text"]: r["sentence_start"] for r in rows if r["kind"] == "p_value"}
    assert sentences["P=0.002"] < sentences["P=0.544"]


def test_the_t_of_the_arms_bracketed_sizes_is_recomputed():
    """R 4.2.2: sp <- sqrt((11 * 8.1^2 + 28 * 12.3^2) / 39); t <- (25.6 - 12.4) / (sp *
    sqrt(1/12 + 1/29)) gives 3.410815, and 2 * pt(-t, 39) gives 0.001519932 (P = 0.002); the
    printed t = 3.38 is reached within the rounding of the printed means and SDs."""
    checks = _checks(WEB_PAGE_ABSTRACT)
    (t_check,) = checks["test_vs_summaries"]
    assert t_check["verdict"] == "consistent"
    (p_check,) = checks["p_vs_summaries"]
    assert p_check["verdict"] == "consistent"
    assert p_check["recomputed_value"] == pytest.approx(0.001519932, rel=1e-6)


def test_a_japanese_risk_ratio_with_its_interval_checked_against_the_intervention_arms_counts():
    # 介入群 is the intervention group, リスク比 the risk ratio, 信頼区間 the confidence interval.
    # Reference (R 4.2.2, epitools): riskratio.wald(matrix(c(51, 22, 63, 12), 2, 2,
    # byrow=TRUE))$measure prints 0.530909 (0.284115 to 0.99208) for 12/75 against 22/73.
    text = (
        "結果：解析対象は148例（介入群75例、対照群73例）であった。主要評価項目の発生は介入群で"
        "12例（16.0％）、対照群で22例（30.1％）であり（リスク比0.53、95％信頼区間0.28-0.99、"
        "p=0.04）、有意に少なかった。"
    )
    rows = stats(text)
    sizes = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"]
    assert sizes == [(75, "intervention"), (73, "control")]
    ratio = one(text, "ratio")
    assert (ratio["measure"], ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (
        "RR",
        0.53,
        0.28,
        0.99,
    )
    assert [r["value"] for r in of_kind(text, "percentage")] == []  # the 95 of 95％ is the level
    found = {c["check"]: c for c in extract_and_check(text)[1]}
    assert found["ratio_vs_counts"]["verdict"] == found["ci_vs_counts"]["verdict"] == "consistent"
    assert found["ci_vs_counts"]["recomputed"] == "0.2841 to 0.9921"


@pytest.mark.parametrize(("t", "verdict"), [("6.21", "consistent"), ("7.21", "inconsistent")])
def test_a_space_before_the_bracket_of_a_value_still_names_its_arm(t, verdict):
    text = (
        "结果 共纳入120例患者，随机分为观察组和对照组，各60例。治疗后观察组CRP (12.4±5.1) mg/L，"
        f"对照组 (18.9±6.3) mg/L，差异有统计学意义(t={t}, P<0.001)。"
    )
    extraction = extract_document("d", text)
    means = [(r["arm"], r["outcome"]) for r in extraction.statistics if r["kind"] == "mean"]
    assert means == [("observation", "CRP"), ("control", "CRP")]
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    # R: sp2 <- (59*5.1^2 + 59*6.3^2)/118; (18.9 - 12.4)/sqrt(sp2*(2/60)) = 6.21164
    tests = [(c["reported"], c["verdict"]) for c in checks if c["check"] == "test_vs_summaries"]
    assert tests == [(t, verdict)]
