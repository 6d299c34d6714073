"""Result-table house styles the corpus sample missed, written here in
periodontics, nephrology, urology and embryology styles: a mean ± SD with its
median after it, an estimate printed again in a second unit, the unit beside
the arm's size, between-group rows under a heading, binary outcomes printed
as Yes/No rows, "Groups" over the arm columns."""

import pytest
from table_helpers import read

from litkg.extractor.tables.labels import name
from litkg.extractor.tables.values import parse_value


@pytest.mark.parametrize(
    ("text", "value", "disp", "low", "high"),
    [
        ("3.4±1.1 (3.0)", 3.4, 1.1, None, None),  # mean ± SD (median)
        ("−0.62 ± 0.40 (−0.55)", -0.62, 0.40, None, None),
        ("12.1 ± 3.2 (5–20)", 12.1, 3.2, None, None),  # mean ± SD (range)
        ("2.8 (1.9, 4.6) [25 (17, 41)]", 2.8, None, 1.9, 4.6),  # median (IQR) [other unit]
        ("6.1 (1.4) [110 (25)]", 6.1, 1.4, None, None),  # mean (SD) [other unit]
    ],
)
def test_cells_with_a_second_reading_keep_the_first(text, value, disp, low, high):
    v = parse_value(text)
    assert (v.kind, v.value, v.disp, v.low, v.high) == ("estimate", value, disp, low, high)


def test_a_bracket_of_another_shape_is_not_a_second_unit():
    assert parse_value("6.1 (1.4) [3-9]").kind == "text"  # mean (SD) [range]: unsaid which


def test_the_unit_beside_an_arm_size_is_not_part_of_its_name():
    got = name("Laser (mm; n = 9)")
    assert got is not None and (got.name, got.n) == ("Laser", 9)


def test_mean_sd_median_cells_under_arms_with_units_and_sizes():
    got = read(
        [
            ["Site", "Laser (mm; n = 9)", "Scaling (mm; n = 10)", "P"],
            ["Probing depth", "3.4±1.1 (3.0)", "4.2±0.9 (4.0)", "0.04"],
            ["Attachment gain", "1.2±0.5 (1.0)", "0.6±0.4 (0.5)", "0.01"],
        ],
        "Table 3. Periodontal outcomes at three months",
        footnotes=["Data are mean±SD (median)."],
    )
    assert [(o.name, label, o.statistic, o.value, o.dispersion.value) for _, o, label in got] == [
        ("Probing depth", "Laser", "mean", 3.4, 1.1),
        ("Probing depth", "Scaling", "mean", 4.2, 0.9),
        ("Attachment gain", "Laser", "mean", 1.2, 0.5),
        ("Attachment gain", "Scaling", "mean", 0.6, 0.4),
    ]


def test_time_rows_with_a_parenthesised_statistic_and_between_group_rows():
    got = read(
        [
            ["Analysis population", "Usual care (n = 210)", "Enalapril (n = 204)"],
            ["Proteinuria, g/day [mg/mmol]", "", ""],
            ["Baseline, median (25th, 75th percentile)", "2.8 (1.9, 4.6) [25 (17, 41)]",
             "2.9 (2.0, 4.4) [26 (18, 39)]"],
            ["6 months, median (25th, 75th percentile)", "2.6 (1.7, 4.4) [23 (15, 39)]",
             "1.9 (1.1, 3.0) [17 (10, 27)]"],
            ["Median regression, difference compared with usual care (95% CI)", "", ""],
            ["Unadjusted", "−0.7 (−1.0, −0.4) [−6 (−9, −4)]", ""],
        ],
        "Table 2. Effect of enalapril on proteinuria",
    )  # fmt: skip
    assert [
        (label, o.statistic, o.value, o.timepoint, o.dispersion.kind) for _, o, label in got
    ] == [
        ("Usual care", "median", 2.6, "6 months", "iqr"),
        ("Enalapril", "median", 1.9, "6 months", "iqr"),
    ]
    assert {o.name for _, o, _ in got} == {"Proteinuria, g/day [mg/mmol]"}


def test_yes_rows_under_an_outcome_and_groups_over_the_arms():
    got = read(
        [
            ["", "Study groups", "", "P"],
            ["", "Mesh repair", "Suture repair", "P"],
            ["Seroma", "", "", ""],
            ["No", "28 (93.3)", "21 (70.0)", "0.02"],
            ["Yes", "2 (6.7)", "9 (30.0)", "0.02"],
            ["Recurrence at one year", "", "", ""],
            ["Absent", "29 (96.7)", "27 (90.0)", ""],
            ["Present", "1 (3.3)", "3 (10.0)", "0.30"],
        ],
        "Table 3. Complications of mesh and suture repair",
        footnotes=["Values are n (%)."],
        header_rows=2,
    )
    assert [(o.name, label, o.value, o.events, o.p) for _, o, label in got] == [
        ("Seroma", "Mesh repair", 6.7, 2, 0.02),
        ("Seroma", "Suture repair", 30.0, 9, 0.02),
        ("Recurrence", "Mesh repair", 3.3, 1, 0.30),
        ("Recurrence", "Suture repair", 10.0, 3, 0.30),
    ]
    assert [o.timepoint for _, o, _ in got] == [None, None, "one year", "one year"]


def test_an_effect_caption_naming_an_exposure_is_a_result_table():
    rows = [
        ["Group", "Embryos implanted, n (%)", "Pregnancy at week 12, n (%)"],
        ["Fresh transfer", "41 (45.6)", "30 (33.3)"],
        ["Frozen transfer", "37 (40.2)", "28 (30.4)"],
    ]
    got = read(rows, "Table 4. Effects of cryo-exposure on implantation")
    assert [(o.name, label, o.value, o.timepoint) for _, o, label in got] == [
        ("Embryos implanted", "Fresh transfer", 45.6, None),
        ("Embryos implanted", "Frozen transfer", 40.2, None),
        ("Pregnancy", "Fresh transfer", 33.3, "week 12"),
        ("Pregnancy", "Frozen transfer", 30.4, "week 12"),
    ]
    assert read(rows, "Table 4. Drug exposure and transfers") == []  # an exposure table
    assert read(rows, "Table 4. Effects of cryo-exposure on adverse events") == []


def test_a_p_column_named_for_the_difference_holds_no_difference():
    got = read(
        [
            ["", "Telecoaching", "Usual care", "Difference (95% CI)", "P value (for difference)"],
            [
                "Weekly steps, thousands",
                "6.1±0.4 (212)",
                "5.2±0.4 (208)",
                "0.9 (0.3 to 1.5)",
                "0.004",
            ],
        ],
        "Table 2. Activity at 12 weeks",
        footnotes=["Mean±SE (n)."],
    )
    assert [(label, o.statistic, o.value, o.ci, o.p) for _, o, label in got] == [
        ("Telecoaching", "mean", 6.1, None, 0.004),
        ("Usual care", "mean", 5.2, None, 0.004),
        (None, "difference", 0.9, (0.3, 1.5), 0.004),
    ]
    assert got[0][1].dispersion.kind == "se"


def test_change_under_each_arm_and_a_header_restated_in_the_body():
    got = read(
        [
            ["", "Zinc", "Placebo", "P", "Zinc", "Placebo", "P"],
            ["Measure", "Mean (SD) change from baseline to month 3", "", "",
             "Mean (SD) change from baseline to month 6", "", ""],
            ["Serum zinc, µg/dL", "14.2 (6.1)", "1.3 (5.8)", ".002", "12.8 (6.4)", "0.4 (6.0)", ".004"],
            ["", "Children (%) at month 3", "", "P", "Children (%) at month 6", "", "P"],
            ["Stunted", "21%", "24%", ".61", "19%", "25%", ".33"],
        ],
        "Table 3. Growth and zinc status by arm",
        header_rows=2,
        spans=[(1, 1, 1, 2), (1, 4, 1, 2), (3, 1, 1, 2), (3, 4, 1, 2)],  # as JATS colspans
    )  # fmt: skip
    assert [(o.name, label, o.statistic, o.value, o.timepoint) for _, o, label in got] == [
        ("Serum zinc, µg/dL, change", "Zinc", "mean", 14.2, "month 3"),
        ("Serum zinc, µg/dL, change", "Placebo", "mean", 1.3, "month 3"),
        ("Serum zinc, µg/dL, change", "Zinc", "mean", 12.8, "month 6"),
        ("Serum zinc, µg/dL, change", "Placebo", "mean", 0.4, "month 6"),
        ("Stunted", "Zinc", "rate", 21.0, "month 3"),
        ("Stunted", "Placebo", "rate", 24.0, "month 3"),
        ("Stunted", "Zinc", "rate", 19.0, "month 6"),
        ("Stunted", "Placebo", "rate", 25.0, "month 6"),
    ]


def test_a_confidence_level_names_no_percentage():
    got = read(
        [
            ["", "Splint", "Cast", "p value"],
            ["Grip strength, kg", "24 (19–29)", "21 (17–25)", "0.31"],
        ],
        "Table 2. Hand outcomes at 12 weeks (mean with 95 % CI)",
    )
    assert [(label, o.statistic, o.value, o.ci) for _, o, label in got] == [
        ("Splint", "mean", 24.0, (19.0, 29.0)),
        ("Cast", "mean", 21.0, (17.0, 25.0)),
    ]


def test_a_treatment_condition_column_names_each_rows_arm():
    got = read(
        [
            ["Test", "Treatment condition", "Pre-training Mean (SD)", "After 8 weeks Mean (SD)"],
            ["Digit span", "Computer games", "6.1 (1.2)", "6.9 (1.1)"],
            ["Digit span", "Crosswords", "6.0 (1.3)", "6.2 (1.4)"],
        ],
        "Table 2. Memory scores of the two groups",
    )
    assert [(label, o.value, o.timepoint, o.timepoint_months) for _, o, label in got] == [
        ("Computer games", 6.1, "Pre-training", 0.0),
        ("Computer games", 6.9, "After 8 weeks", 1.8),
        ("Crosswords", 6.0, "Pre-training", 0.0),
        ("Crosswords", 6.2, "After 8 weeks", 1.8),
    ]


def test_change_and_difference_rows_under_the_outcome_heading():
    got = read(
        [
            ["Measure", "Atropine 0.01% (n=40)", "Placebo (n=41)", "Overall P"],
            ["Axial length, mm", "", "", ""],
            ["Mean change (95% CI)", "0.21 (0.15, 0.27)", "0.33 (0.27, 0.39)", "0.004"],
            ["Mean difference (95% CI)", "−0.12 (−0.20, −0.04)", "", "0.004"],
            ["Refraction, D", "", "", ""],
            [
                "Mean change at 12 months (95% CI)",
                "−0.40 (−0.52, −0.28)",
                "−0.71 (−0.83, −0.59)",
                "",
            ],
        ],
        "Table 2. Myopia progression over one year",
    )
    assert [(o.name, label, o.statistic, o.value, o.ci) for _, o, label in got] == [
        ("Axial length, mm, change", "Atropine 0.01%", "mean", 0.21, (0.15, 0.27)),
        ("Axial length, mm, change", "Placebo", "mean", 0.33, (0.27, 0.39)),
        ("Axial length, mm", None, "difference", -0.12, (-0.20, -0.04)),
        ("Refraction, D, change", "Atropine 0.01%", "mean", -0.40, (-0.52, -0.28)),
        ("Refraction, D, change", "Placebo", "mean", -0.71, (-0.83, -0.59)),
    ]
    assert [o.timepoint for _, o, _ in got][3:] == ["12 months", "12 months"]
    assert got[2][1].comparator == "control" and got[2][1].p == 0.004


def test_heart_rate_and_change_from_baseline_rows():
    got = read(
        [
            ["", "Beetroot juice (n=12)", "Placebo juice (n=12)"],
            ["HR (bpm)", "", ""],
            ["Week 4", "71 (8)", "74 (9)"],
            ["Change from baseline", "−4 (6)", "−1 (5)"],
            ["Effect size", "0.41", ""],
        ],
        "Table 2. Cardiovascular outcomes",
        footnotes=["Data are mean (SD)."],
    )
    assert [(o.name, label, o.value, o.timepoint) for _, o, label in got] == [
        ("HR (bpm)", "Beetroot juice", 71.0, "Week 4"),
        ("HR (bpm)", "Placebo juice", 74.0, "Week 4"),
        ("HR (bpm), change", "Beetroot juice", -4.0, None),
        ("HR (bpm), change", "Placebo juice", -1.0, None),
    ]


def test_one_group_with_a_change_block_has_no_arms_and_no_count_differences():
    got = read(
        [
            ["Symptom", "Baseline", "", "Day 28", "", "Change (baseline to day 28)", ""],
            ["Symptom", "N", "Mean (SD)", "N", "Mean (SD)", "N", "Median change"],
            ["Nausea (0–10)", "64", "5.2 (2.0)", "61", "3.9 (2.3)", "61", "−1"],
        ],
        "Table 2. Symptoms before and after four weeks",
        header_rows=2,
    )
    assert all(label is None for _, _, label in got)  # one group: no arm's values
    assert [(o.statistic, o.value) for _, o, _ in got] == [
        ("mean", 5.2),
        ("mean", 3.9),
        ("difference", -1.0),
    ]
