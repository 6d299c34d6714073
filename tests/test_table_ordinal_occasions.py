"""Time points printed as ordinal occasions past the fifth ("6th month", "12th
week"), written here in a weight-management house style: a time row under a
measure's heading, not a measure named "6th month", at its months."""

from table_helpers import read

from litkg.extractor.components.unkeyed_names import read_timepoint
from litkg.extractor.tables.labels import TIME_LABEL


def test_ordinal_rows_under_a_measure_are_its_time_points():
    got = read(
        [
            ["", "Drug", "Placebo"],
            ["Weight (kg), mean ± SD", "", ""],
            ["6th month", "71.2 ± 8.0", "74.9 ± 8.3"],
            ["12th month", "69.8 ± 7.7", "75.1 ± 8.6"],
        ],
        "Table 3. Body weight during follow-up",
    )
    facts = {(label, o.name, o.value, o.timepoint_months) for _r, o, label in got}
    assert facts == {
        ("Drug", "Weight (kg)", 71.2, 6.0),
        ("Placebo", "Weight (kg)", 74.9, 6.0),
        ("Drug", "Weight (kg)", 69.8, 12.0),
        ("Placebo", "Weight (kg)", 75.1, 12.0),
    }


def test_an_ordinal_occasion_reads_as_its_months():
    assert read_timepoint("6th month") == ("6th month", 6.0)
    assert read_timepoint("3rd month") == ("3rd month", 3.0)
    assert read_timepoint("12th week")[1] == read_timepoint("12 weeks")[1]
    assert TIME_LABEL.match("24th week")
    assert not TIME_LABEL.match("6th grade students")  # a school year, no occasion
