"""A table's head row of time points printed as the body's first row: one
marked head row naming the arms, then a body row "Baseline | 12 weeks" with no
value. The row is a head row giving each column its time point; a body row of
durations ("Time to healing | 6 weeks | 9 weeks") and rows of arms under
measures' heads are not. Tables written in nursing-education, physiotherapy,
dermatology and primary-care house styles."""

from table_helpers import read, table

from litkg.extractor.components.unkeyed_tables import _header_in_body
from litkg.extractor.tables import read_table


def _values(got):
    return {
        (label, o.name, o.value, o.timepoint_months) for _r, o, label in got if not o.comparator
    }


def test_a_body_row_of_times_under_the_arms_gives_each_column_its_time():
    got = read(
        [
            ["Variable", "Simulation group", "Simulation group", "Lecture group", "Lecture group"],
            ["", "Baseline", "12 weeks", "Baseline", "12 weeks"],
            ["Knowledge score, mean (SD)", "14.2 (2.1)", "18.9 (1.7)", "14.5 (2.3)", "15.1 (2.0)"],
        ],
        "Table 2. Knowledge of nursing students before and after the course",
    )
    assert ("Simulation group", "Knowledge score", 18.9, 2.8) in _values(got)  # 12 weeks
    assert ("Lecture group", "Knowledge score", 14.5, 0.0) in _values(got)
    assert not any(months is None for *_x, months in _values(got))


def test_a_time_row_beside_blank_test_columns_and_sizes_is_a_head_row():
    got = read(
        [
            ["", "Taping", "Taping", "Sham taping", "Sham taping", "Difference (95% CI)"],
            ["", "Pre-test N = 25", "Month 3 N = 22", "Pre-test N = 24", "Month 3 N = 21", ""],
            [
                "Grip strength (kg), mean (SD)",
                "21.4 (4.0)",
                "25.0 (3.8)",
                "21.9 (4.2)",
                "22.6 (4.1)",
                "2.9 (0.8, 5.0)",
            ],
        ],
        "Table 3. Grip strength",
    )
    months = {(label, o.value): o.timepoint_months for _r, o, label in got if not o.comparator}
    assert months[("Taping", 25.0)] == 3.0
    assert months[("Sham taping", 21.9)] == 0.0
    # the time as printed, its size aside
    assert {o.timepoint for _r, o, _l in got if not o.comparator} == {"Pre-test", "Month 3"}


def test_a_first_body_row_of_durations_is_no_head_row():
    rows = [
        ["Outcome", "Hydrocolloid", "Gauze"],
        ["Median time to healing", "6 weeks", "9 weeks"],
        ["Healed at 12 weeks, n (%)", "30 (75)", "22 (55)"],
    ]
    assert (
        _header_in_body(read_table(table(rows, "Table 2. Healing of pressure ulcers")), None)
        is None
    )


def test_a_time_row_over_arm_rows_under_measures_is_left_to_the_arm_row_readers():
    rows = [
        ["", "Itch score", "", "p", "Lesion area", "", "p"],
        ["Treatment", "Before", "After", "", "Before", "After", ""],
        ["Cream", "6.1±1.0", "2.2±0.9", "0.01", "30±8", "12±5", "0.02"],
        ["Vehicle", "6.0±1.1", "5.1±1.2", "0.40", "31±9", "27±8", "0.30"],
    ]
    model = read_table(table(rows, "Table 2. Scores of the two creams"))
    assert _header_in_body(model, None) is None  # the stub "Treatment": the rows are the arms
    assert _header_in_body(model, lambda label: label in ("Cream", "Vehicle")) is None
