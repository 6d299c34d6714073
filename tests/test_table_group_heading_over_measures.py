"""A "Group" heading printed over the measures' stub columns while the columns
after it are the groups ("Group | Treated group | Untreated group | t | P"),
written here in a hospital-outcomes house style: the rows are measures, each
read per group column, not groups themselves."""

from table_helpers import read


def test_group_spanning_the_stub_over_group_columns_gives_each_measure_per_group():
    got = read(
        [
            ["Group", "", "Treated group", "Untreated group", "t", "P"],
            ["Length of stay (days)", "", "9.4 ± 2.1", "12.8 ± 3.0", "3.1", "<0.05"],
            ["Serum albumin (g/L)", "", "36.2 ± 4.0", "33.1 ± 4.4", "2.6", "<0.05"],
        ],
        "Table 2. Clinical indicators of the two groups",
        spans=[(0, 0, 1, 2)],
    )
    facts = {(label, o.name, o.statistic, o.value) for _r, o, label in got}
    assert facts == {
        ("Treated group", "Length of stay (days)", "mean", 9.4),
        ("Untreated group", "Length of stay (days)", "mean", 12.8),
        ("Treated group", "Serum albumin (g/L)", "mean", 36.2),
        ("Untreated group", "Serum albumin (g/L)", "mean", 33.1),
    }


def test_group_over_a_column_of_measures_is_no_group_column():
    got = read(
        [
            ["", "Group", "Treated group", "Untreated group", "P"],
            ["4th week", "Serum ferritin (ng/mL)", "98.1 ± 12.0", "91.7 ± 11.5", "0.21"],
            ["4th week", "Haemoglobin (g/dL)", "11.2 ± 1.1", "10.9 ± 1.3", "0.40"],
            ["8th week", "Serum ferritin (ng/mL)", "120.4 ± 13.2", "95.0 ± 12.1", "<0.01"],
            ["8th week", "Haemoglobin (g/dL)", "12.0 ± 1.0", "11.0 ± 1.2", "0.03"],
        ],
        "Table 3. Iron indices during follow-up",
    )
    facts = {(label, o.name, o.value, o.timepoint) for _r, o, label in got}
    assert ("Treated group", "Serum ferritin (ng/mL)", 120.4, "8th week") in facts
    assert ("Untreated group", "Haemoglobin (g/dL)", 10.9, "4th week") in facts
    assert len(facts) == 8
    assert {label for label, *_ in facts} == {"Treated group", "Untreated group"}


def test_a_group_column_naming_each_rows_group_still_reads_so():
    got = read(
        [
            ["Measure", "Group", "Before", "After"],
            ["Pain (VAS)", "Laser", "6.2 ± 1.1", "3.1 ± 1.0"],
            ["", "Sham", "6.0 ± 1.2", "5.4 ± 1.3"],
            ["Stiffness", "Laser", "4.4 ± 0.9", "2.9 ± 0.8"],
            ["", "Sham", "4.5 ± 1.0", "4.1 ± 1.1"],
        ],
        "Table 2. Outcomes before and after treatment",
    )
    assert {label for _r, _o, label in got} == {"Laser", "Sham"}
