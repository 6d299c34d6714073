"""Outcome tables in two layouts, written in cardiology and psychiatry styles."""

from litkg.extractor.components.outcomes import outcomes_from_arm_rows, outcomes_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table


def test_count_with_percentage_cells_give_the_rate():
    rows = [
        ["Best response", "Ramipril (n = 80)", "Placebo (n = 78)"],
        ["Partial response", "15 (19%)", "6 (8%)"],
        ["Disease control", "52/80 (65%)", "40/78 (51%)"],
    ]
    got = outcomes_from_table(rows, {1: "intervention", 2: "control"})
    assert {(o.endpoint, o.value, o.arm) for _, _, o in got} == {
        ("PR", 19.0, "intervention"),
        ("PR", 8.0, "control"),
        ("DCR", 65.0, "intervention"),
        ("DCR", 51.0, "control"),
    }


def test_bare_bracketed_figure_of_a_response_row_is_its_percentage():
    rows = [["", "Lithium", "Quetiapine"], ["CR", "12 (30.0)", "9 (22.5)"]]
    got = outcomes_from_table(rows, {1: "intervention", 2: "control"})
    assert [(o.endpoint, o.value) for _, _, o in got] == [("CR", 30.0), ("CR", 22.5)]


def test_arm_rows_with_endpoint_and_landmark_columns():
    table = Table(
        rows=[
            ["Group", "Overall survival (%)", "", "Event-free survival (%)", ""],
            ["", "2-year", "4-year", "2-year", "P"],
            ["Stent", "93.1", "88.0", "81.5", "0.21"],
            ["Bypass", "95.0", "90.4", "84.2", ""],
            ["All patients", "94.0", "89.2", "82.9", ""],
        ],
        caption="Table 3. Survival by treatment group",
        header_rows=2,
    )
    roles = {"stent": "intervention", "bypass": "control"}
    got = outcomes_from_arm_rows(read_table(table), lambda s: roles.get(s.lower()))
    found = {(o.endpoint, o.value, o.timepoint_months, o.arm) for _, _, o in got}
    assert ("OS", 93.1, 24.0, "intervention") in found
    assert ("OS", 90.4, 48.0, "control") in found
    assert ("EFS", 82.9, 24.0, "overall") in found
    assert not any(o.value == 0.21 for _, _, o in got)


def test_arm_rows_need_two_arms():
    table = Table(rows=[["", "OS (%)"], ["Age < 65", "80.0"], ["Age >= 65", "70.0"]], header_rows=1)
    assert outcomes_from_arm_rows(read_table(table), lambda s: None) == []


def test_stable_and_progressive_disease_rows_of_a_response_table_are_kept_by_name():
    rows = [
        ["", "Drug", "Placebo"],
        ["PR", "9 (18.0)", "4 (8.2)"],
        ["SD", "20 (40.0)", "15 (30.6)"],
    ]
    got = outcomes_from_table(rows, {1: "intervention", 2: "control"})
    other = [(o.endpoint, o.value, o.extra.get("name")) for _, _, o in got if o.endpoint == "OTHER"]
    assert other == [("OTHER", 40.0, "SD"), ("OTHER", 30.6, "SD")]
