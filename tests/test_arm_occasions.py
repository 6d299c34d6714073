"""A table's columns that are the occasions one cohort was surveyed on
("Wave 1 (n = 812) | Wave 2 (n = 790)", "Baseline interview (N = 302) |
Follow-up interview (N = 260)") are times, not arms: the sizes printed in
them are how many answered each time, and a one-cohort study has no arms."""

import pytest

from litkg.extractor.components.arms import (
    arm_columns,
    arms_from_table_header,
    header_arms,
    is_occasion,
)
from litkg.extractor.document import Table


@pytest.mark.parametrize(
    "label",
    [
        "Wave 1",
        "Second wave (2011)",
        "Round 3",
        "Baseline interview",
        "Follow up questionnaire",
        "Winter 2004 survey",
        "Pre-test assessment",
        "Post test (delayed)",
        "Midline",
        "Endline survey",
        "Visit 4 (week 12)",
    ],
)
def test_occasions(label):
    assert is_occasion(label)


@pytest.mark.parametrize(
    "label",
    [
        "Immediate",  # immediate vs delayed start of treatment: arms
        "Delayed treatment",
        "Early",
        "Test",  # a bioequivalence study's test formulation
        "Reference",
        "Survey respondents",
        "Usual care",
        "Baseline care (historical cohort)",
        "Screening programme",
        "Fall prevention class",
    ],
)
def test_arms_are_no_occasions(label):
    assert not is_occasion(label)


def _waves() -> Table:
    return Table(
        rows=[
            ["Item", "Wave 1 (n = 812)", "Wave 2 (n = 790)", "Wave 3 (n = 744)", "P"],
            ["Ever smoked, %", "31.2", "29.8", "27.5", "0.04"],
            ["Drinks weekly, %", "44.0", "45.1", "47.9", "0.11"],
        ],
        header_rows=1,
    )


def _interviews() -> Table:
    return Table(
        rows=[
            ["", "Baseline interview (N = 302)", "Follow-up interview (N = 260)"],
            ["Depressive symptoms, mean (SD)", "14.1 (6.2)", "11.9 (5.8)"],
        ],
        header_rows=1,
    )


@pytest.mark.parametrize("table", [_waves(), _interviews()])
def test_surveyed_occasions_are_no_arms(table):
    assert header_arms(table) == {}
    assert arms_from_table_header(table) == {}
    assert arm_columns(table) == {}


def test_occasions_without_sizes_are_no_arm_columns():
    t = Table(
        rows=[
            ["", "Pre-test", "Post-test", "p"],
            ["Knowledge score", "12.1", "15.3", "<0.001"],
        ],
        header_rows=1,
    )
    assert arm_columns(t) == {}


def test_arms_with_sizes_are_still_arms():
    t = Table(
        rows=[
            ["", "Immediate start (n = 40)", "Delayed start (n = 41)"],
            ["Weight loss, kg", "4.1", "2.2"],
        ],
        header_rows=1,
    )
    assert sorted(label for label, _n in header_arms(t).values()) == [
        "Delayed start",
        "Immediate start",
    ]
    assert {a.n for a in arms_from_table_header(t).values()} == {40, 41}


@pytest.mark.parametrize("label", ["Visit", "Assessment", "Survey", "Time point"])
def test_a_bare_occasion_noun_heads_a_column_of_labels(label):
    assert not is_occasion(label)
