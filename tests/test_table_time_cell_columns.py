"""A column of each row's time point beside the arms' columns, headed "Time" or
by the time unit ("Weeks"), written here in a lifestyle-trial and a
physiotherapy house style: the rows are the measure at that time, a "P value"
row among them is the times' test, no arm's value."""

from table_helpers import read


def _facts(rows, caption, **kw):
    return {
        (label, o.name, o.value, o.timepoint, o.timepoint_months)
        for _r, o, label in read(rows, caption, **kw)
    }


def test_a_time_column_after_the_model_columns_gives_each_rows_time():
    got = _facts(
        [
            ["Outcome", "Time effect", "Group effect", "Time", "Coaching, mean (SE)",
             "Usual care, mean (SE)", "P"],
            ["Waist, cm", "<.001", "<.001", "Baseline", "104.2 (1.8)", "106.0 (1.9)", ".48"],
            ["Waist, cm", "<.001", "<.001", "Month 6", "99.1 (1.7)", "105.2 (1.9)", ".02"],
            ["Waist, cm", "<.001", "<.001", "P value", "<.001", ".40", ""],
            ["Waist, cm", "<.001", "<.001", "Month 12", "98.7 (1.8)", "105.5 (2.0)", ".01"],
        ],
        "Table 2. Waist circumference by group",
    )  # fmt: skip
    assert ("Coaching", "Waist, cm", 99.1, "Month 6", 6.0) in got
    assert ("Usual care", "Waist, cm", 105.5, "Month 12", 12.0) in got
    assert ("Coaching", "Waist, cm", 104.2, "Baseline", 0.0) in got
    assert not any(value == 0.4 for _l, _n, value, *_ in got)  # the "P value" row's .40
    assert len(got) == 6


def test_a_weeks_column_after_the_stub_names_the_time_of_each_row():
    got = _facts(
        [
            ["Variable", "Weeks", "Prone", "Supine", "F", "P"],
            ["Pain (VAS)", "Pre-treatment", "6.1±1.0", "6.0±1.2", "0.2", "0.81"],
            ["", "4th week", "3.9±1.1", "4.6±1.3", "2.9", "0.06"],
            ["", "8th week", "2.2±0.9", "3.5±1.2", "6.1", "0.004"],
        ],
        "Table 4. Pain in the two position groups",
        is_arm=lambda label: label in ("Prone", "Supine"),
    )
    assert ("Prone", "Pain (VAS)", 3.9, "4th week", 0.9) in got
    assert ("Supine", "Pain (VAS)", 3.5, "8th week", 1.8) in got
    assert ("Prone", "Pain (VAS)", 6.1, "Pre-treatment", 0.0) in got  # the measure's baseline
    assert not any(name in ("4th week", "8th week") for _l, name, *_ in got)
    assert len(got) == 6


def test_a_time_heading_over_both_stub_columns_keeps_the_measure_column():
    got = _facts(
        [
            ["Time", "", "Drug", "Placebo"],
            ["Day 1", "Pain score, mean ± SD", "2.1 ± 0.5", "3.4 ± 0.7"],
            ["Day 3", "Pain score, mean ± SD", "1.2 ± 0.4", "2.6 ± 0.6"],
        ],
        "Table 3. Pain scores",
        spans=[(0, 0, 1, 2)],
    )
    assert ("Drug", "Pain score", 1.2, "Day 3", 0.1) in got
