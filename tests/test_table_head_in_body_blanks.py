"""A head whose last row is printed as the body's first, the groups' names
beside blank cells (a second stub column of time points, a comparison's
column the head above labels), over rows naming each measure once and its
time points below it: written here in a physiotherapy house style."""

from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table

_ROWS = [
    ["", "", "Score, mean ± SD", "", "Adjusted difference (95% CI)", "P"],
    ["Scale", "", "Usual care", "Exercise group", "", ""],
    ["Pain (0-10)", "6 weeks", "5.1 ± 1.2", "4.2 ± 1.0", "-0.9 (-1.5 to -0.3)", "0.004"],
    ["", "12 weeks", "4.8 ± 1.3", "3.9 ± 1.1", "-0.8 (-1.4 to -0.2)", "0.01"],
    ["Function (0-100)", "6 weeks", "61.0 ± 12.4", "68.3 ± 11.0", "7.1 (2.0 to 12.2)", "0.007"],
    ["", "12 weeks", "63.2 ± 12.0", "70.9 ± 10.2", "7.5 (2.6 to 12.4)", "0.003"],
]


def test_groups_named_in_the_first_body_row_beside_blanks_head_their_columns():
    t = Table(rows=_ROWS, caption="Table 2. Outcomes at follow-up", header_rows=1)
    got = [
        (label, o.name, o.statistic, o.value, o.timepoint)
        for _, o, label in unkeyed_from_table(read_table(t))
        if label
    ]
    assert ("Usual care", "Pain (0-10)", "mean", 5.1, "6 weeks") in got
    assert ("Exercise group", "Pain (0-10)", "mean", 3.9, "12 weeks") in got  # the stub above
    assert ("Exercise group", "Function (0-100)", "mean", 70.9, "12 weeks") in got
    assert len(got) == 8


def test_a_first_body_row_of_words_that_name_no_groups_stays_a_row():
    rows = [list(r) for r in _ROWS]
    rows[1] = ["Scale", "", "Range", "Items", "", ""]
    t = Table(rows=rows, caption="Table 2. Outcomes at follow-up", header_rows=1)
    assert not any(label in ("Range", "Items") for _, _, label in unkeyed_from_table(read_table(t)))


def test_group_rows_over_time_rows_are_no_measures_at_those_times():
    # "Low frequency | Pre" / " | Post", "Placebo | Pre" beside measures as columns:
    # the stubs are groups, and the columns' measures are no arms
    t = Table(
        rows=[
            ["", "", "Reaction time (ms)", "Error rate (%)"],
            ["Low frequency", "Pre", "412", "4.1"],
            ["", "Post", "405", "3.9"],
            ["Placebo", "Pre", "418", "4.4"],
            ["", "Post", "409", "4.0"],
        ],
        caption="Table 2. Mean reaction time and error rate before and after stimulation",
        header_rows=1,
    )
    got = unkeyed_from_table(read_table(t))
    assert not any(label in ("Reaction time (ms)", "Error rate (%)") for _, _, label in got)
    assert not any(o.name in ("Low frequency", "Placebo") for _, o, _ in got)
