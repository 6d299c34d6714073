"""Result tables outside the endpoint keys, written in dermatology, sports
medicine, dentistry and obstetrics house styles."""

from table_helpers import read


def _facts(got):
    return [(o.name, label, o.statistic, o.value) for _, o, label in got]


def test_footnote_says_the_cells_are_means_with_their_sd():
    got = read(
        [
            ["", "Emollient group", "Control group", "P"],
            ["Itch score", "3.1 (1.2)", "4.6 (1.9)", "0.01"],
            ["Lesion area, cm2", "12.5 (6.0)", "14.1 (7.3)", "0.30"],
        ],
        "Table 2. Itch and lesion area after four weeks",
        footnotes=["Values are mean (SD)."],
    )
    assert _facts(got) == [
        ("Itch score", "Emollient group", "mean", 3.1),
        ("Itch score", "Control group", "mean", 4.6),
        ("Lesion area, cm2", "Emollient group", "mean", 12.5),
        ("Lesion area, cm2", "Control group", "mean", 14.1),
    ]
    o = got[0][1]
    assert o.dispersion is not None and (o.dispersion.kind, o.dispersion.value) == ("sd", 1.2)
    assert o.p == 0.01


def test_an_integer_mean_with_its_sd_is_not_read_as_a_count():
    got = read(
        [["", "Sprint training", "Endurance training"], ["VO2max, mean (SD)", "48 (6)", "45 (7)"]],
        "Table 3. Fitness after the programme",
    )
    assert [(o.statistic, o.value, o.dispersion.value) for _, o, _ in got] == [
        ("mean", 48.0, 6.0),
        ("mean", 45.0, 7.0),
    ]


def test_stub_says_counts_and_percentages():
    got = read(
        [
            ["", "Chlorhexidine rinse (n = 40)", "Saline rinse (n = 41)"],
            ["Alveolar osteitis, n (%)", "3 (7.5)", "9 (22.0)"],
        ],
        "Table 4. Healing after extraction",
    )
    assert [(o.name, o.statistic, o.value, o.events) for _, o, _ in got] == [
        ("Alveolar osteitis", "rate", 7.5, 3),
        ("Alveolar osteitis", "rate", 22.0, 9),
    ]


def test_median_with_iqr_where_the_caption_names_both_statistics():
    got = read(
        [
            ["", "Oxytocin", "Carbetocin"],
            ["Blood loss (mL)", "350 (250–500)", "300 (200–400)"],
            ["Haemoglobin fall (g/dL)", "1.2 ± 0.8", "1.0 ± 0.7"],
        ],
        "Table 2. Outcomes: median (IQR) or mean ± SD",
    )
    by = {(o.name, o.value): o for _, o, _ in got}
    blood = by[("Blood loss (mL)", 350.0)]
    assert blood.statistic == "median" and blood.dispersion.kind == "iqr"
    assert blood.dispersion.value == (250.0, 500.0)
    hb = by[("Haemoglobin fall (g/dL)", 1.2)]
    assert hb.statistic == "mean" and hb.dispersion.kind == "sd"


def test_separate_sd_columns_are_the_spread_not_arms():
    got = read(
        [
            ["", "Krill oil", "", "Olive oil", ""],
            ["", "Mean", "SD", "Mean", "SD"],
            ["Triglycerides (mmol/l)", "1.1", "0.4", "1.4", "0.5"],
        ],
        "Table 3. Plasma lipids after eight weeks",
        header_rows=2,
    )
    assert [(label, o.value, o.dispersion.value) for _, o, label in got] == [
        ("Krill oil", 1.1, 0.4),
        ("Olive oil", 1.4, 0.5),
    ]


def test_a_number_no_label_explains_is_left_out():
    got = read(
        [["", "Taping", "Sham taping"], ["Knee pain", "4.2", "5.0"]],
        "Table 2. Outcomes at six weeks",
    )
    assert got == []


def test_test_statistic_columns_are_not_arms():
    got = read(
        [
            ["", "Kangaroo care", "Incubator care", "t value", "P"],
            ["Weight gain (g/day)", "21.3 ± 4.0", "18.9 ± 3.8", "2.41", "0.02"],
        ],
        "Table 3. Weight gain of the infants",
        is_arm=lambda label: label.endswith("care"),
    )
    assert [(label, o.value) for _, o, label in got] == [
        ("Kangaroo care", 21.3),
        ("Incubator care", 18.9),
    ]


def test_baseline_and_demographic_tables_give_no_results():
    rows = [["", "Laser group", "Placebo group"], ["Pain score", "6.1 ± 1.2", "6.3 ± 1.0"]]
    assert read(rows, "Table 1. Demographic and clinical characteristics") == []
    assert read(rows, "Table 1. Scores at baseline") == []
    assert read(rows, "Table 3. Scores at baseline and after 8 weeks") != []


def test_rows_about_the_sample_are_not_results():
    got = read(
        [
            ["", "Yoga group", "Control group"],
            ["Age, years", "41.2 ± 6.0", "40.8 ± 5.5"],
            ["Female, n (%)", "20 (50.0)", "19 (47.5)"],
            ["Anxiety score", "8.2 ± 3.1", "10.4 ± 3.5"],
        ],
        "Table 2. Outcomes after the programme",
    )
    assert {o.name for _, o, _ in got} == {"Anxiety score"}


def test_arms_as_rows_under_an_outcome_heading_with_time_columns():
    got = read(
        [
            ["", "Baseline", "6 weeks", "12 weeks"],
            ["Grip strength (kg)", "", "", ""],
            ["Splint group", "22.0 ± 5.1", "24.3 ± 5.0", "26.1 ± 4.8"],
            ["Control group", "21.7 ± 4.9", "22.0 ± 5.2", "22.6 ± 5.0"],
        ],
        "Table 2. Grip strength over time",
    )
    assert [(o.name, label, o.value, o.timepoint_months) for _, o, label in got] == [
        ("Grip strength (kg)", "Splint group", 24.3, 1.4),
        ("Grip strength (kg)", "Splint group", 26.1, 2.8),
        ("Grip strength (kg)", "Control group", 22.0, 1.4),
        ("Grip strength (kg)", "Control group", 22.6, 2.8),
    ]


def test_category_columns_beside_arm_rows_are_not_arms():
    got = read(
        [
            ["", "Improved", "Unchanged", "Worse"],
            ["Placebo", "5 (25.0)", "10 (50.0)", "5 (25.0)"],
            ["Melatonin", "9 (45.0)", "8 (40.0)", "3 (15.0)"],
        ],
        "Table 3. Change in sleep quality after 4 weeks",
    )
    assert got == []


def test_a_caption_without_result_words_is_read_when_its_columns_are_the_arms():
    rows = [["", "Massage", "Swaddling"], ["Crying time (min/day)", "95 ± 30", "130 ± 42"]]
    assert read(rows, "Table 2. Crying time of the infants") == []  # no arm it knows
    got = read(rows, "Table 2. Crying time of the infants", is_arm=lambda s: s == "Massage")
    assert [(label, o.value) for _, o, label in got] == [("Massage", 95.0), ("Swaddling", 130.0)]


def test_p_value_columns_with_notes_are_not_arms():
    got = read(
        [
            ["", "Tai chi", "Stretching", "P for trend"],
            ["Balance score", "48.1 ± 5.2", "45.0 ± 6.1", "0.04"],
        ],
        "Table 2. Balance after 16 weeks",
    )
    assert [(label, o.value, o.p) for _, o, label in got] == [
        ("Tai chi", 48.1, None),
        ("Stretching", 45.0, None),
    ]


def test_bare_numbers_under_a_rate_caption_are_not_percentages():
    got = read(
        [["", "Bed nets", "No bed nets"], ["Malaria episodes", "0.31", "0.52"]],
        "Table 3. Incidence rates per child-year of follow-up",
    )
    assert got == []
    got = read(
        [["", "Bed nets", "No bed nets"], ["Anaemia", "12.5", "20.1"]],
        "Table 3. Percentage of children with anaemia at follow-up",
    )
    assert [(o.statistic, o.value, o.unit) for _, o, _ in got] == [
        ("rate", 12.5, "%"),
        ("rate", 20.1, "%"),
    ]


def test_regression_tables_give_no_arm_values():
    rows = [["", "Counselling group", "Control group"], ["Quality of life", "0.21", "0.05"]]
    assert read(rows, "Table 4. Linear regression coefficients (mean) for quality of life") == []


def test_a_time_stub_without_an_outcome_heading_names_nothing():
    got = read(
        [["", "Brace group", "Control group"], ["1 year", "12.0 ± 3.1", "14.2 ± 3.0"]],
        "Table 2. Results",
    )
    assert got == []


def test_a_plus_minus_cell_is_a_mean_even_where_the_caption_says_median():
    got = read(
        [["", "Nitrate group", "Placebo group"], ["Pulsatility index", "1.9 ± 0.4", "2.3 ± 0.5"]],
        "Table 2. Doppler results (median or mean)",
    )
    assert {o.statistic for _, o, _ in got} == {"mean"}


def test_difference_effect_size_and_n_columns_are_not_arms():
    got = read(
        [
            ["", "Walking group", "Control group", "Difference", "Effect size", "n"],
            ["Step count (per day)", "7120 ± 1800", "5900 ± 1650", "1220", "0.71", "88"],
        ],
        "Table 3. Activity outcomes at 6 months",
    )
    assert [(label, o.statistic, o.value) for _, o, label in got] == [
        ("Walking group", "mean", 7120.0),
        ("Control group", "mean", 5900.0),
        (None, "difference", 1220.0),  # the comparison, not a third arm
    ]
    assert got[2][1].comparator == "control"


def test_a_group_row_in_an_arm_column_table_is_not_an_outcome():
    got = read(
        [
            ["", "Pre-test", "Post-test"],
            ["Intervention group", "3.2 ± 0.6", "3.9 ± 0.7"],
            ["Control group", "3.3 ± 0.5", "3.4 ± 0.6"],
        ],
        "Table 2. Self-efficacy scores",
    )
    assert all(o.name not in ("Intervention group", "Control group") for _, o, _ in got)


def test_a_group_column_names_each_rows_group_and_the_stub_carries_down():
    got = read(
        [
            ["Outcome", "Group", "Week 0", "Week 8"],
            ["Neck pain (VAS)", "Manipulation", "6.2 ± 1.4", "3.1 ± 1.2"],
            ["", "Exercise", "6.0 ± 1.5", "4.0 ± 1.6"],
        ],
        "Table 2. Pain over the trial",
    )
    assert [(o.name, label, o.value, o.timepoint) for _, o, label in got] == [
        ("Neck pain (VAS)", "Manipulation", 6.2, "Week 0"),
        ("Neck pain (VAS)", "Manipulation", 3.1, "Week 8"),
        ("Neck pain (VAS)", "Exercise", 6.0, "Week 0"),
        ("Neck pain (VAS)", "Exercise", 4.0, "Week 8"),
    ]
    assert [o.timepoint_months for _, o, _ in got[:2]] == [0.0, 1.8]


def test_bare_counts_without_a_total_or_percentage_are_left_out():
    got = read(
        [
            ["", "Gel group", "Placebo group"],
            ["Teeth in category 2, n", "31", "29"],
            ["Caries, n/N", "4/60", "11/58"],
        ],
        "Table 3. Dental outcomes at one year",
    )
    assert [(o.name, o.statistic, o.events, o.total) for _, o, _ in got] == [
        ("Caries", "count", 4, 60),
        ("Caries", "count", 11, 58),
    ]


def test_a_level_of_an_unnamed_outcome_is_not_a_name():
    got = read(
        [
            ["", "Acupuncture group", "Sham group"],
            ["Increased", "12 (30.0)", "5 (12.5)"],
            ["Unchanged", "20 (50.0)", "25 (62.5)"],
        ],
        "Table 3. Outcomes at 8 weeks",
    )
    assert got == []


def test_numbers_that_cannot_be_shares_of_patients_are_not_rates():
    # a parenthesis above 100 under a "%" caption is no percentage
    got = read(
        [
            ["", "Atropine drops (n = 60)", "Placebo drops (n = 58)"],
            ["Axial length, µm", "1210 (140)", "1185 (162)"],
            ["Myopia progression, n (%)", "21 (35.0)", "33 (56.9)"],
        ],
        "Table 2. Refraction outcomes at 12 months (%)",
    )
    assert [(o.name, o.statistic, o.value) for _, o, _ in got] == [
        ("Myopia progression", "rate", 35.0),
        ("Myopia progression", "rate", 56.9),
    ]
    # a negative estimate under "%" with its CI: a change in %, not a rate
    got = read(
        [
            ["", "Low-salt diet", "Usual diet"],
            ["Energy from fat, %", "−4.2 (−5.9 to −2.5)", "0.8 (−0.4 to 2.0)"],
        ],
        "Table 3. Change in dietary intake over 6 months (95% CI)",
    )
    assert [o.statistic for _, o, _ in got] != ["rate", "rate"]
    assert all(o.unit != "%" or 0 <= o.value <= 100 for _, o, _ in got)


def test_a_change_printed_in_percent_is_not_a_rate():
    got = read(
        [
            ["", "Metformin XR", "Metformin IR"],
            ["Fasting glucose, % change", "12.5", "8.1"],
            ["Hypoglycaemia, %", "4.0", "6.5"],
        ],
        "Table 2. Glycaemic outcomes at week 16",
    )
    assert [(o.name, o.value) for _, o, _ in got if o.statistic == "rate"] == [
        ("Hypoglycaemia", 4.0),
        ("Hypoglycaemia", 6.5),
    ]
    got = read(
        [["", "Laser", "Sham"], ["Macular thickness", "160%", "105%"]],
        "Table 4. Retinal outcomes relative to baseline",
    )
    assert [o for _, o, _ in got if o.statistic == "rate"] == []


def test_a_ci_label_alone_does_not_make_the_cells_percentages():
    got = read(
        [
            ["", "Ferrous sulfate", "Placebo"],
            ["Haemoglobin, g/L", "8.4 (6.1 to 10.7)", "1.2 (0.3 to 2.7)"],
        ],
        "Table 3. Haemoglobin gained by 3 months (95% CI)",
    )
    assert [o for _, o, _ in got if o.unit == "%"] == []


def test_an_interval_whose_bounds_are_reversed_is_a_misprint_not_a_ci():
    from litkg.extractor.tables import parse_value

    assert parse_value("−0.6 (−0.8, −04)").kind == "text"  # "−0.4" printed without its point
    assert parse_value("1.8 (1.2–2.6)").kind == "estimate"
    got = read(
        [
            ["", "Day surgery", "Inpatient surgery"],
            ["Return to work, days, median (range)", "6 (3–11)", "9 (14–5)"],
        ],
        "Table 3. Recovery after hernia repair",
    )
    assert [(o.value, o.dispersion.value) for _, o, _ in got] == [(6.0, (3.0, 11.0))]


def test_arms_as_rows_with_an_outcome_in_each_column():
    got = read(
        [
            [
                "Group",
                "Ulcers healed, n (%)",
                "Pain at week 6, mean ± SD",
                "Pain at baseline, mean ± SD",
            ],
            ["Honey dressing", "27 (84.4)", "2.1 ± 1.0", "6.0 ± 1.2"],
            ["Silver dressing", "22 (68.8)", "2.9 ± 1.3", "6.2 ± 1.1"],
        ],
        "Table 3. Wound outcomes",
    )
    assert [(o.name, label, o.statistic, o.value, o.timepoint) for _, o, label in got] == [
        ("Ulcers healed", "Honey dressing", "rate", 84.4, None),
        ("Ulcers healed", "Silver dressing", "rate", 68.8, None),
        ("Pain", "Honey dressing", "mean", 2.1, "week 6"),
        ("Pain", "Silver dressing", "mean", 2.9, "week 6"),
    ]
    assert (got[0][1].events, got[0][1].total) == (27, None)


def test_arm_rows_need_a_group_stub_or_known_arms():
    rows = [
        ["", "Ulcers healed, n (%)"],
        ["Honey dressing", "27 (84.4)"],
        ["Silver dressing", "22 (68.8)"],
    ]
    assert read(rows, "Table 3. Dressings compared") == []  # rows nothing says are groups
    got = read(rows, "Table 3. Dressings compared", is_arm=lambda s: "dressing" in s)
    assert [(label, o.value) for _, o, label in got] == [
        ("Honey dressing", 84.4),
        ("Silver dressing", 68.8),
    ]


def test_outcome_columns_over_time_columns_beside_arm_rows():
    got = read(
        [
            ["Group", "Continence (%)", "", "P"],
            ["Group", "6-month", "12-month", "P"],
            ["Sling", "71.0", "80.5", "0.04"],
            ["Pelvic floor training", "55.2", "61.0", ""],
        ],
        "Table 4. Continence after surgery",
        header_rows=2,
    )
    assert [(o.name, label, o.value, o.timepoint, o.timepoint_months) for _, o, label in got] == [
        ("Continence", "Sling", 71.0, "6-month", 6.0),
        ("Continence", "Pelvic floor training", 55.2, "6-month", 6.0),
        ("Continence", "Sling", 80.5, "12-month", 12.0),
        ("Continence", "Pelvic floor training", 61.0, "12-month", 12.0),
    ]


def test_25th_to_75th_percentiles_are_an_iqr():
    got = read(
        [
            ["", "Brace group", "Cast group", "P"],
            ["Days to return to work", "21 (14-30)", "35 (28-49)", "0.01"],
        ],
        "Table 2. Recovery, median (25th–75th percentiles)",
    )
    assert [(o.statistic, o.value, o.dispersion.kind, o.dispersion.value) for _, o, _ in got] == [
        ("median", 21.0, "iqr", (14.0, 30.0)),
        ("median", 35.0, "iqr", (28.0, 49.0)),
    ]


def test_arm_labels_over_pre_and_post_columns_are_arms_at_two_time_points():
    got = read(
        [
            ["", "Yoga (n = 14)", "", "Stretching (n = 13)", ""],
            ["", "Before", "After", "Before", "After"],
            ["Neck disability index", "18.2 ± 5.1", "9.4 ± 4.0", "17.6 ± 4.8", "14.9 ± 5.2"],
        ],
        "Table 2. Disability before and after eight weeks",
        header_rows=2,
    )
    assert [(label, o.value, o.timepoint, o.timepoint_months) for _, o, label in got] == [
        ("Yoga", 18.2, "Before", 0.0),
        ("Yoga", 9.4, "After", None),
        ("Stretching", 17.6, "Before", 0.0),
        ("Stretching", 14.9, "After", None),
    ]
    assert {o.name for _, o, _ in got} == {"Neck disability index"}


def test_group_over_the_arm_header_row_is_not_a_stub_of_groups():
    got = read(
        [
            ["Group", "Runners", "", "Swimmers", ""],
            ["Variable", "Mean", "SD", "Mean", "SD"],
            ["Age (years)", "34.1", "6.0", "33.8", "5.9"],
            ["Resting heart rate (bpm)", "58", "6", "63", "7"],
        ],
        "Table 2. Outcomes after training",
        header_rows=2,
    )
    assert all(label in ("Runners", "Swimmers") for _, _, label in got)
    assert "Age (years)" not in {o.name for _, o, _ in got}
