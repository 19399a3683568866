"""A CONSORT flow diagram flattened to text (Schulz et al., BMJ 2010;340:c332, figure 1): each
box is read as the stage it counts, and its arm is the one allocated before it."""

from __future__ import annotations

from extraction_helpers import checks_named, stats

from trialaudit.checks import Settings, check_document
from trialaudit.extract import extract_document

FLOW = (
    "Figure 1: Trial profile\n"
    "Assessed for eligibility (n=250)\n"
    "Excluded (n=50)\n"
    " – Not meeting inclusion criteria (n=31)\n"
    " – Declined to participate (n=19)\n"
    "Randomised (n=200)\n"
    "Allocated to ketamine (n=101)\n"
    " – Received allocated intervention (n=99)\n"
    " – Did not receive allocated intervention (n=2; consent withdrawn)\n"
    "Allocated to saline (n=99)\n"
    " – Received allocated intervention (n=99)\n"
    "Lost to follow-up (n=5)\n"
    "Lost to follow-up (n=3)\n"
    "Ketamine: analysed (n=94); excluded from analysis (n=2; no drug given)\n"
    "Saline: analysed (n=96)\n"
    "\n"
    "Depression remitted in 40 of 94 patients (42.6%) given ketamine and 25 of 96 (26.0%) given "
    "saline.\n"
)


def test_each_box_of_a_flow_diagram_counts_its_stage_in_its_arm():
    rows = stats(FLOW)
    sizes = [
        (r["kind"], r["value"], r["arm"], r["population"])
        for r in rows
        if r["kind"].endswith("size") and r["population"] != "screened"
    ]
    assert sizes == [
        ("sample_size", 200, "", "randomized"),
        ("arm_size", 101, "ketamine", "randomized"),
        ("arm_size", 99, "ketamine", "treated"),
        ("arm_size", 99, "saline", "randomized"),
        ("arm_size", 99, "saline", "treated"),
        ("arm_size", 94, "ketamine", "analysed"),
        ("arm_size", 96, "saline", "analysed"),
    ]
    counts = [
        (r["value"], r["denominator"], r["arm"], r["outcome"])
        for r in rows
        if r["kind"] == "count" and r["span_start"] < FLOW.index("Depression")
    ]
    assert counts == [
        (2, 101, "ketamine", "did not receive allocated intervention"),
        (5, 101, "ketamine", "lost to follow-up"),
        (3, 99, "saline", "lost to follow-up"),
        (2, 101, "ketamine", "excluded from analysis"),
    ]


def test_the_boxes_before_randomisation_are_no_arms():
    values = {r["value"] for r in stats(FLOW) if r["kind"] == "arm_size"}
    assert not values & {50, 31, 19}


def test_a_flow_diagram_holds_the_analysed_counts_against_the_randomized_arms():
    attrition = checks_named(FLOW, "denominator_vs_randomized")
    assert [c["reported"] for c in attrition] == ["40/94 vs 25/96"]
    assert "94 of 101 and 96 of 99 analysed" in attrition[0]["recomputed"]
    extraction = extract_document("t", FLOW)
    checks = check_document(extraction.statistics, extraction.comparisons, Settings())
    assert [c for c in checks if c["verdict"] == "inconsistent"] == []
