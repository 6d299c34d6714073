"""Rows that are the groups, said by the stub column's heading ("Drug",
"Treatment", "Condition", "Group" over a blank sub-heading) or by a group's
designator ("Group II"), and the levels of a score printed under each time
point. Written in exercise-physiology, dermatology and neurology house styles."""

from table_helpers import read


def _facts(rows, caption, header_rows=1, is_arm=None):
    return [
        (r, label, o.name, o.statistic, o.value, o.timepoint)
        for r, o, label in read(rows, caption, header_rows=header_rows, is_arm=is_arm)
    ]


def test_rows_under_a_drug_or_condition_stub_are_the_arms():
    for stub in ("Drug", "Treatment", "Condition", "Regimen"):
        got = _facts(
            [
                [stub, "Peak force, N (SD)", "t (df)", "p"],
                ["Vehicle", "212 (31)", "1.1 (9)", "0.30"],
                ["Caffeine", "241 (28)", "3.9 (9)", "0.004"],
                ["Caffeine + taurine", "238 (35)", "3.2 (9)", "0.01"],
            ],
            "Table 2. Maximal voluntary contraction under each supplement",
        )  # fmt: skip
        assert [(label, v) for _r, label, _n, _s, v, _t in got] == [
            ("Vehicle", 212.0),
            ("Caffeine", 241.0),
            ("Caffeine + taurine", 238.0),
        ], stub


def test_group_stub_heading_over_a_blank_sub_heading_names_the_rows_groups():
    got = _facts(
        [
            ["Group", "n", "Itch score", "", "Lesion area, cm²", ""],
            ["", "", "Week 2", "Week 4", "Week 2", "Week 4"],
            ["Group I", "30", "3.1 ± 1.2", "2.0 ± 1.1", "14.2 ± 5.0", "9.8 ± 4.1"],
            ["Group II", "30", "4.4 ± 1.5", "3.8 ± 1.4", "15.0 ± 5.3", "13.9 ± 4.8"],
        ],
        "Table 3. Itch and lesion area in group I (cream) and group II (ointment)",
        header_rows=2,
    )  # fmt: skip
    assert {label for _r, label, *_x in got} == {"Group I", "Group II"}
    assert (2, "Group I", "Itch score", "mean", 2.0, "Week 4") in got
    assert (3, "Group II", "Lesion area, cm", "mean", 13.9, "Week 4") in got
    assert len(got) == 8  # the n column is the groups' size, no result


def test_a_condition_stub_over_diagnoses_in_a_characteristics_table_gives_nothing():
    got = _facts(
        [
            ["Condition", "Laser (n = 20)", "Sham (n = 20)"],
            ["Hypertension", "6 (30%)", "5 (25%)"],
            ["Diabetes", "3 (15%)", "4 (20%)"],
        ],
        "Table 1. Comorbid conditions at baseline",
    )
    assert got == []


def test_score_levels_under_time_points_name_each_levels_share():
    # a tremor scale's levels 1 and 2 under each visit
    got = _facts(
        [
            ["Visit", "Week 2", "Week 2", "Week 6", "Week 6"],
            ["Drug", "Week 2", "Week 2", "Week 6", "Week 6"],
            ["", "1", "2", "1", "2"],
            ["Gabapentin", "40%", "10%", "62%", "4%"],
            ["Placebo", "35%", "20%", "38%", "18%"],
        ],
        "Table 2. Tremor scores at each visit",
        header_rows=3,
    )  # fmt: skip  (the visits' cells spanned over their levels, as JATS marks them)
    assert (3, "Gabapentin", "Tremor scores, 2", "rate", 4.0, "Week 6") in got
    assert (4, "Placebo", "Tremor scores, 1", "rate", 35.0, "Week 2") in got
    assert len(got) == 8


def test_a_statistics_letter_under_a_time_point_is_no_category():
    got = _facts(
        [
            ["Drug", "Week 2", "Week 2", "Week 6", "Week 6"],
            ["", "M", "SD", "M", "SD"],
            ["Gabapentin", "3.1", "1.0", "2.2", "0.9"],
            ["Placebo", "3.3", "1.1", "3.0", "1.2"],
        ],
        "Table 2. Tremor scores at each visit",
        header_rows=2,
    )  # fmt: skip
    assert {name for _r, _l, name, *_x in got} <= {"Tremor scores"}


def test_a_spread_column_beside_the_rows_estimates_is_no_outcome():
    got = _facts(
        [
            ["Treatment", "N", "Adjusted mean", "", "Ratio vs placebo"],
            ["Treatment", "N", "Estimate", "SE", "Estimate"],
            ["Low dose", "20", "0.91", "0.031", "1.05"],
            ["High dose", "20", "0.84", "0.029", "0.97"],
        ],
        "Table 3. Airway conductance by treatment",
        header_rows=2,
    )  # fmt: skip
    assert all(v not in (0.031, 0.029) for *_x, v, _t in got)
