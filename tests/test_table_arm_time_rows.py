"""Arms printed as rows with their time points in one or two stub columns after
the arm's name, and the outcomes as the other columns, written here in a
nephrology and a paediatric house style: "Arm | Visit | eGFR | Creatinine" over
"Standard care | Baseline | ..." and " | Month 6 | ...", the arm's name printed
once over its rows or on every row."""

from table_helpers import read


def _facts(rows, caption, is_arm=None):
    return [
        (label, o.name, o.statistic, o.value, o.timepoint)
        for _r, o, label in read(rows, caption, is_arm=is_arm)
    ]


def test_arm_rows_with_a_visit_column_give_each_arm_at_each_visit():
    got = _facts(
        [
            ["Arm", "Visit", "eGFR (ml/min)", "Creatinine (mg/dl)"],
            ["Standard care", "Baseline", "48.2 ± 9.1", "1.61 ± 0.32"],
            ["", "Month 6", "46.9 ± 9.4", "1.66 ± 0.35"],
            ["", "Month 12", "45.1 ± 9.8", "1.70 ± 0.37"],
            ["Intensive control", "Baseline", "47.8 ± 8.7", "1.63 ± 0.30"],
            ["", "Month 6", "48.5 ± 8.9", "1.59 ± 0.31"],
            ["", "Month 12", "49.0 ± 9.0", "1.57 ± 0.33"],
        ],
        "Table 2. Renal function during follow-up",
        is_arm=lambda label: label in ("Standard care", "Intensive control"),
    )
    assert ("Standard care", "eGFR (ml/min)", "mean", 46.9, "Month 6") in got
    assert ("Standard care", "Creatinine (mg/dl)", "mean", 1.70, "Month 12") in got
    assert ("Intensive control", "eGFR (ml/min)", "mean", 49.0, "Month 12") in got
    assert not any(tp == "Baseline" for *_, tp in got)  # the baseline is no result
    assert len(got) == 8


def test_two_time_columns_give_the_innermost_time():
    got = _facts(
        [
            ["Group", "Phase", "Time", "Weight z-score", "Length z-score"],
            ["Formula group", "Pre-treatment", "", "-1.21 ± 0.40", "-0.90 ± 0.52"],
            ["Formula group", "Post-treatment", "4 weeks", "-0.95 ± 0.41", "-0.81 ± 0.50"],
            ["Formula group", "", "8 weeks", "-0.70 ± 0.38", "-0.72 ± 0.49"],
            ["Breast milk group", "Pre-treatment", "", "-1.18 ± 0.44", "-0.93 ± 0.55"],
            ["Breast milk group", "Post-treatment", "4 weeks", "-1.02 ± 0.43", "-0.88 ± 0.51"],
            ["Breast milk group", "", "8 weeks", "-0.91 ± 0.40", "-0.84 ± 0.52"],
        ],
        "Table 3. Growth of the two groups (mean ± SD)",
    )
    assert ("Formula group", "Weight z-score", "mean", -0.70, "8 weeks") in got
    assert ("Breast milk group", "Length z-score", "mean", -0.88, "4 weeks") in got
    assert len(got) == 8


def test_rows_that_are_no_arms_are_not_read_so():
    got = _facts(
        [
            ["Stratum", "Visit", "Score A", "Score B"],
            ["Boys", "Baseline", "12.1 ± 2.0", "8.4 ± 1.1"],
            ["", "Week 8", "10.2 ± 2.2", "7.9 ± 1.3"],
            ["Girls", "Baseline", "11.8 ± 2.1", "8.8 ± 1.0"],
            ["", "Week 8", "10.9 ± 2.0", "8.1 ± 1.2"],
        ],
        "Table 4. Scores by sex",
        is_arm=lambda label: False,
    )
    assert not any(label in ("Boys", "Girls") for label, *_ in got)
