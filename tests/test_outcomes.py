"""Outcome harmonization: clear wordings grouped by rule, the user's mapping file first,
everything else kept as its own group; inverted wordings count the complement."""

from __future__ import annotations

import pandas as pd
import pytest

from trialaudit import outcomes, schemas, tables


@pytest.mark.parametrize(
    ("wording", "key", "inverted"),
    [
        ("mortality", "mortality", False),
        ("Deaths", "mortality", False),
        ("all-cause mortality", "mortality", False),
        ("died", "mortality", False),
        ("survival", "mortality", True),
        ("Overall survival", "mortality", True),
        ("normal_ct", "normal_ct", False),
        ("normal findings on computed tomography (CT) images", "normal_ct", False),
        ("normal CT images", "normal_ct", False),
        ("SARS-CoV-2 reinfection", "reinfection", False),
        ("tuberculosis", "tuberculosis", False),
    ],
)
def test_clear_wordings_are_grouped_by_rule(wording, key, inverted):
    decision = outcomes.decide(wording, {})
    assert (decision.key, decision.inverted) == (key, inverted)
    assert decision.decided_by.startswith("rule: ")


@pytest.mark.parametrize("wording", ["progression-free survival", "ICU admission", "FEV1"])
def test_unclear_wordings_stay_their_own_group(wording):
    decision = outcomes.decide(wording, {})
    assert decision.decided_by == "wording"
    assert decision.key != "mortality" and not decision.inverted


def test_identical_wordings_up_to_case_and_punctuation_share_a_key():
    keys = {outcomes.decide(w, {}).key for w in ("ICU admission", "icu-admission", "ICU_admission")}
    assert keys == {"icu_admission"}


def test_unnamed_outcome_is_never_a_group():
    decision = outcomes.decide("", {})
    assert decision.key == "" and decision.decided_by == "unnamed"


def test_mapping_file_wins_over_the_rules(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(
        "outcomes:\n"
        "  Survival at day 28: {key: mortality, inverted: true, note: survivors}\n"
        "  death: death_any_cause\n"
        "  ICU admission: icu\n",
        encoding="utf-8",
    )
    mapping = outcomes.load_mapping(path)
    assert outcomes.decide("survival at day 28", mapping).inverted is True
    assert outcomes.decide("survival-at-day-28", mapping).key == "mortality"
    death = outcomes.decide("Death", mapping)
    assert (death.key, death.decided_by) == ("death_any_cause", "mapping file")
    assert outcomes.decide("icu admission", mapping).key == "icu"


def test_a_malformed_mapping_names_the_entry(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("outcomes:\n  death: {inverted: yes}\n", encoding="utf-8")
    with pytest.raises(outcomes.MappingError, match=r"outcomes/death"):
        outcomes.load_mapping(path)
    path.write_text("outcome: {}\n", encoding="utf-8")
    with pytest.raises(outcomes.MappingError, match="outcome"):
        outcomes.load_mapping(path)


def test_no_mapping_file_means_no_user_decisions():
    assert outcomes.load_mapping("") == {}


def test_shipped_mapping_file_is_valid(repo):
    assert outcomes.load_mapping(repo / "config" / "outcome_map.yaml") == {}


def _comparisons(rows):
    base = {
        "study_id": "S1",
        "kind": "binary",
        "timepoint": "",
        "arm_1": "a",
        "arm_2": "control",
        "events_1_stat_id": None,
        "total_1_stat_id": None,
        "events_2_stat_id": None,
        "total_2_stat_id": None,
        "summary_1_stat_id": None,
        "summary_2_stat_id": None,
        "effect_stat_id": None,
        "p_stat_id": None,
    }
    return tables.frame([base | r for r in rows], schemas.ComparisonsTable)


def test_survivors_become_deaths():
    comparisons = _comparisons(
        [
            {
                "doc_id": "a",
                "comparison_id": 0,
                "outcome": "survival",
                "events_1": 90,
                "total_1": 100,
                "events_2": 80,
                "total_2": 100,
            },
            {
                "doc_id": "b",
                "comparison_id": 0,
                "outcome": "deaths",
                "events_1": 7,
                "total_1": 50,
                "events_2": 12,
                "total_2": 48,
            },
            {
                "doc_id": "c",
                "comparison_id": 0,
                "outcome": "survival",
                "events_1": 9,
                "total_1": None,
                "events_2": 8,
                "total_2": 10,
            },
        ]
    )
    decisions = outcomes.decide_all(comparisons["outcome"], {})
    rows = tables.frame(
        outcomes.harmonized_rows(comparisons, decisions), schemas.HarmonizedComparisonsTable
    )
    assert list(rows["outcome_key"]) == ["mortality"] * 3
    assert list(rows["events_1_analysed"].astype("Int64")) == [10, 7, pd.NA]
    assert list(rows["events_2_analysed"]) == [20, 12, 2]
    assert list(rows["inverted"]) == [True, False, True]


def test_groups_table_counts_each_wording():
    comparisons = _comparisons(
        [
            {
                "doc_id": d,
                "comparison_id": 0,
                "outcome": w,
                "events_1": 1,
                "total_1": 9,
                "events_2": 2,
                "total_2": 9,
            }
            for d, w in (("a", "Deaths"), ("b", "mortality"))
        ]
    )
    statistics = pd.DataFrame({"doc_id": ["a"], "stat_id": [3], "outcome": ["Deaths"]})
    decisions = outcomes.decide_all(comparisons["outcome"], {})
    groups = tables.frame(
        outcomes.group_rows(statistics, comparisons, decisions), schemas.OutcomeGroupsTable
    )
    deaths = groups.set_index("wording").loc["Deaths"]
    assert deaths["outcome_key"] == "mortality"
    assert (deaths["n_statistics"], deaths["n_comparisons"], deaths["first_stat_id"]) == (1, 1, 3)


def test_groups_table_counts_several_documents_and_the_first_statistic():
    statistics = pd.DataFrame(
        {
            "doc_id": ["b", "a", "a", "c", "b"],
            "stat_id": [1, 7, 2, 0, 0],
            "outcome": ["Deaths", "Deaths", "Deaths", "", "survival"],
        }
    )
    comparisons = _comparisons(
        [
            {
                "doc_id": d,
                "comparison_id": i,
                "outcome": w,
                "events_1": 1,
                "total_1": 9,
                "events_2": 2,
                "total_2": 9,
            }
            for i, (d, w) in enumerate((("d", "Deaths"), ("e", "pain"), ("d", "Deaths")))
        ]
    )
    wordings = [*statistics["outcome"], *comparisons["outcome"]]
    decisions = outcomes.decide_all(wordings, {})
    groups = tables.frame(
        outcomes.group_rows(statistics, comparisons, decisions), schemas.OutcomeGroupsTable
    ).set_index("wording")
    assert list(groups.index) == ["", "Deaths", "pain", "survival"]
    deaths = groups.loc["Deaths"]
    assert (deaths["n_statistics"], deaths["n_comparisons"], deaths["n_documents"]) == (3, 2, 3)
    assert deaths["documents"] == "a;b;d"
    assert (deaths["first_doc_id"], deaths["first_stat_id"]) == ("a", 2)
    pain = groups.loc["pain"]
    assert (pain["n_statistics"], pain["n_comparisons"], pain["documents"]) == (0, 1, "e")
    assert pain["first_doc_id"] == "" and pd.isna(pain["first_stat_id"])
    assert groups.loc["survival", "first_doc_id"] == "b"
