"""Rows printing two arms in one cell, the line break between them read as a
space: the arms' names stacked in a label column beside one value per arm in
each cell. Written in behavioural-medicine and anaesthesia house styles."""

from table_helpers import read

from litkg.extractor.tables.stacked import split_arms, split_values


def _facts(rows, caption, is_arm=None):
    return [
        (r, label, o.name, o.statistic, o.value, o.timepoint_months)
        for r, o, label in read(rows, caption, is_arm=is_arm)
    ]


def test_values_printed_side_by_side_are_split():
    assert split_values("41.2 (8.0) 40.6 (7.5)") == ["41.2 (8.0)", "40.6 (7.5)"]
    assert split_values("12 ± 3 15 ± 4") == ["12±3", "15±4"]
    assert split_values("−2.6 (−2.9 to −2.4) 0.4") == ["−2.6 (−2.9 to −2.4)", "0.4"]
    assert split_values("improved 12") is None  # a word is no value


def test_arm_names_are_cut_only_where_each_piece_is_an_arm():
    arms = {"yoga", "waitlist", "usual care"}.__contains__

    def names_arm(label):
        return arms(label.lower())

    assert split_arms("Yoga (SD) Waitlist (SD)", 2, names_arm) == ["Yoga", "Waitlist"]
    assert split_arms("Yoga Usual care", 2, names_arm) == ["Yoga", "Usual care"]
    assert split_arms("Yoga Diet", 2, names_arm) is None


def test_stacked_arms_give_each_arm_its_values_at_follow_up():
    got = _facts(
        [
            ["Scale", "", "Week 0", "Week 10", "Effect size (d)"],
            ["Worry index", "Yoga (SD) Waitlist (SD)", "41.2 (8.0) 40.6 (7.5)", "33.1 (9.2) 39.8 (8.1)", "0.88 0.10"],
            ["Sleep latency, min", "Yoga (SD) Waitlist (SD)", "35 (12) 37 (14)", "22 (10) 36 (13)", "1.17 0.07"],
        ],
        "Table 2. Means and standard deviations of outcomes by group",
        is_arm=lambda s: s.lower() in ("yoga", "waitlist"),
    )  # fmt: skip
    assert got == [
        (1, "Yoga", "Worry index", "mean", 33.1, 2.3),  # the row of the printed table
        (1, "Waitlist", "Worry index", "mean", 39.8, 2.3),
        (2, "Yoga", "Sleep latency, min", "mean", 22.0, 2.3),
        (2, "Waitlist", "Sleep latency, min", "mean", 36.0, 2.3),
    ]  # baselines are no result, effect sizes no arm's value


def test_placebo_named_first_without_brackets():
    got = _facts(
        [
            ["Outcome at 24 h", "", "Mean ± SD"],
            ["Morphine use, mg", "Placebo Ketamine group", "18.5 ± 6.0 12.1 ± 5.2"],
        ],
        "Table 3. Postoperative analgesic outcomes",
    )
    assert [(g[1], g[4]) for g in got] == [("Placebo", 18.5), ("Ketamine group", 12.1)]


def test_a_row_whose_cells_do_not_match_the_arms_gives_nothing():
    got = _facts(
        [
            ["Scale", "", "Week 10"],
            ["Worry index", "Yoga (SD) Waitlist (SD)", "33.1 (9.2)"],
        ],
        "Table 2. Outcomes by group",
        is_arm=lambda s: s.lower() in ("yoga", "waitlist"),
    )
    assert got == []


def test_arm_rows_under_outcome_headings_beside_one_statistic_column():
    got = _facts(
        [
            ["Measure", "Median (IQR)"],
            ["Time to first analgesic, h", ""],
            ["Bupivacaine group", "9.5 (7.0–12.0)"],
            ["Saline group", "4.0 (3.0–5.5)"],
            ["Baseline pain score", ""],
            ["Bupivacaine group", "6 (5–7)"],
            ["Saline group", "6 (5–8)"],
        ],
        "Table 2. Analgesic outcomes",
    )
    assert got == [
        (2, "Bupivacaine group", "Time to first analgesic, h", "median", 9.5, None),
        (3, "Saline group", "Time to first analgesic, h", "median", 4.0, None),
    ]  # the baseline heading gives no result


def test_one_groups_table_with_time_points_as_section_rows():
    got = _facts(
        [
            ["Measure", "Lowest", "Highest", "Range", "Mean (SD)"],
            ["Before training", "", "", "", ""],
            ["Grip strength, kg", "14", "39", "14–39", "24.6 (6.2)"],
            ["After training", "", "", "", ""],
            ["Grip strength, kg", "16", "42", "16–42", "27.9 (6.8)"],
        ],
        "Table 4. Measurements in the exercise group",
    )
    assert got == [
        (2, "exercise group", "Grip strength, kg", "mean", 24.6, 0.0),
        (4, "exercise group", "Grip strength, kg", "mean", 27.9, None),
    ]  # the sample's extremes and range are no value of the group


def test_a_table_naming_no_one_group_gives_no_section_values():
    got = _facts(
        [
            ["Measure", "Mean (SD)"],
            ["Before training", ""],
            ["Grip strength, kg", "24.6 (6.2)"],
        ],
        "Table 4. Measurements of the exercise and control groups",
    )
    assert got == []


def test_a_statistic_header_cut_short_is_no_group():
    got = _facts(
        [
            ["Item", "Min", "Max", "Mean ±"],
            ["Before surgery", "", "", ""],
            ["Serum sodium, mmol/L", "128", "141", "134.2 ± 3.1"],
            ["After surgery", "", "", ""],
            ["Serum sodium, mmol/L", "133", "144", "138.9 ± 2.4"],
        ],
        "Table 2. Laboratory values of the saline group",
    )
    assert [(g[1], g[4], g[5]) for g in got] == [
        ("saline group", 134.2, 0.0),
        ("saline group", 138.9, None),
    ]
