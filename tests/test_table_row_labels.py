"""Result tables whose second stub column says what each row is: a time point
("Resting heart rate | Week 6 | 61 ± 3") or a group ("Resting heart rate |
Sham | 64 ± 2"), and a "Group" heading spanned down the whole head over the
groups' columns. Written in sports-medicine, environmental-exposure and
dermatology house styles."""

from table_helpers import read

from litkg.extractor.components.unkeyed_tables import is_result_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table


def _facts(rows, caption, header_rows=1, is_arm=None):
    return [
        (r, label, o.name, o.statistic, o.value, o.timepoint)
        for r, o, label in read(rows, caption, header_rows=header_rows, is_arm=is_arm)
    ]


def test_second_stub_column_of_time_points():
    got = _facts(
        [
            ["", "", "Sham", "Cooling vest", "P"],
            ["Core temperature, °C", "Pre", "37.1 ± 0.2", "37.0 ± 0.3", "0.41"],
            ["Core temperature, °C", "30 min", "38.2 ± 0.3", "37.6 ± 0.2", "0.01"],
            ["Core temperature, °C", "60 min", "38.9 ± 0.4", "38.0 ± 0.3", "0.003"],
            ["Sweat rate, L/h", "Pre", "0.1 ± 0.1", "0.1 ± 0.1", "0.90"],
            ["Sweat rate, L/h", "60 min", "1.4 ± 0.3", "1.1 ± 0.2", "0.04"],
        ],
        "Table 2. Thermoregulatory effects of exercise in the heat",
    )  # fmt: skip
    assert got == [
        (2, "Sham", "Core temperature, °C", "mean", 38.2, "30 min"),
        (2, "Cooling vest", "Core temperature, °C", "mean", 37.6, "30 min"),
        (3, "Sham", "Core temperature, °C", "mean", 38.9, "60 min"),
        (3, "Cooling vest", "Core temperature, °C", "mean", 38.0, "60 min"),
        (5, "Sham", "Sweat rate, L/h", "mean", 1.4, "60 min"),
        (5, "Cooling vest", "Sweat rate, L/h", "mean", 1.1, "60 min"),
    ]  # the pre-exercise rows are baselines, no result


def test_second_stub_column_naming_each_rows_group_in_turn():
    got = _facts(
        [
            ["", "", "Before", "1 h", "4 h"],
            ["FEV1, L", "Clean air", "3.9 ± 0.2", "3.9 ± 0.2", "3.8 ± 0.2"],
            ["FEV1, L", "Ozone", "3.8 ± 0.3", "3.5 ± 0.3", "3.6 ± 0.2"],
            ["Sputum neutrophils, %", "Clean air", "21 ± 4", "22 ± 5", "24 ± 5"],
            ["Sputum neutrophils, %", "Ozone", "20 ± 4", "35 ± 6", "41 ± 7"],
            ["IL-8, pg/mL", "Clean air", "95 ± 20", "101 ± 22", "99 ± 21"],
            ["IL-8, pg/mL", "Ozone", "97 ± 19", "160 ± 30", "188 ± 35"],
        ],
        "Table 3. Respiratory effects of exposure to ozone and clean air",
    )  # fmt: skip
    arms = {(label, name, v, tp) for _r, label, name, _s, v, tp in got}
    assert ("Ozone", "FEV1, L", 3.5, "1 h") in arms
    assert ("Clean air", "Sputum neutrophils", 24.0, "4 h") in arms
    assert ("Ozone", "IL-8, pg/mL", 188.0, "4 h") in arms
    assert len(got) == 18  # every group's value at every time, the first its baseline
    assert all(label in ("Clean air", "Ozone") for _r, label, *_x in got)


def test_a_group_stub_over_the_measures_rows_is_not_read_as_a_group_column():
    # "Arm A (emollient)" heads the block, the second column names the measure
    got = _facts(
        [
            ["", "", "TEWL (g/m²/h)", "Hydration (AU)"],
            ["Arm A (emollient)", "Forearm", "9.1 (2.0)", "41 (6)"],
            ["", "Shin", "8.4 (1.9)", "35 (7)"],
            ["Arm B (vehicle)", "Forearm", "11.3 (2.4)", "33 (6)"],
            ["", "Shin", "10.9 (2.2)", "29 (5)"],
        ],
        "Table 2. Skin barrier measures at week 4",
    )  # fmt: skip
    assert {label for _r, label, *_x in got} <= {"Arm A (emollient)", "Arm B (vehicle)"}


def test_two_conditions_over_three_measures_is_no_group_column():
    # "Unguided" heads three rows of measures: the measures cycle, not groups
    got = _facts(
        [
            ["Implant", "", "Deviation, mm"],
            ["Unguided", "Buccolingual", "1.9"],
            ["", "Mesiodistal", "1.4"],
            ["", "Apical depth", "2.2"],
            ["Guided", "Buccolingual", "0.7"],
            ["", "Mesiodistal", "0.6"],
            ["", "Apical depth", "0.9"],
        ],
        "Table 2. Deviation between planned and placed implants",
    )  # fmt: skip
    assert all(
        label not in ("Buccolingual", "Mesiodistal", "Apical depth") for _r, label, *_x in got
    )


def test_the_papers_arms_cycling_in_the_second_column_are_its_groups():
    got = _facts(
        [
            ["", "", "Day 3"],
            ["Pruritus (VAS)", "Tacrolimus", "2.1 ± 0.8"],
            ["Pruritus (VAS)", "Vehicle", "4.0 ± 1.1"],
            ["Erythema score", "Tacrolimus", "1.2 ± 0.5"],
            ["Erythema score", "Vehicle", "1.9 ± 0.6"],
        ],
        "Table 2. Itch and erythema scores on day 3",
        is_arm=lambda s: s.lower() in ("tacrolimus", "vehicle"),
    )  # fmt: skip
    assert [(label, v) for _r, label, _n, _s, v, _t in got] == [
        ("Tacrolimus", 2.1),
        ("Vehicle", 4.0),
        ("Tacrolimus", 1.2),
        ("Vehicle", 1.9),
    ]  # two groups over two measures: the paper names the groups


def test_effects_of_exposure_caption_is_a_result_table():
    rows = [["", "Filtered air", "Diesel exhaust"], ["Heart rate, bpm", "62 ± 3", "66 ± 3"]]
    for caption, expected in [
        ("Table 2. Cardiovascular effects of exposure to diesel exhaust", True),
        ("Table 2. Effects of exposure to diesel exhaust", True),
        ("Table 1. Exposure characteristics", False),
        ("Table 4. Adverse effects of exposure to diesel exhaust", False),
    ]:
        model = read_table(Table(rows=rows, caption=caption, header_rows=1))
        assert is_result_table(model) is expected, caption


def test_group_heading_spanned_down_the_head_labels_the_groups_not_the_rows():
    got = _facts(
        [
            ["Group", "", "Balance training group", "Control group"],
            ["Group", "", "Mean±SD", "Mean±SD"],
            ["TUG (s)", "Baseline", "14.2±2.1", "14.0±2.4"],
            ["TUG (s)", "Week 6", "11.8±1.9", "13.7±2.2"],
            ["FRT (cm)", "Baseline", "21.5±4.0", "22.1±3.8"],
            ["FRT (cm)", "Week 6", "26.9±3.7", "22.6±4.1"],
        ],
        "Table 2. Comparison of TUG and FRT between the groups",
        header_rows=2,
    )  # fmt: skip
    assert got == [
        (3, "Balance training group", "TUG (s)", "mean", 11.8, "Week 6"),
        (3, "Control group", "TUG (s)", "mean", 13.7, "Week 6"),
        (5, "Balance training group", "FRT (cm)", "mean", 26.9, "Week 6"),
        (5, "Control group", "FRT (cm)", "mean", 22.6, "Week 6"),
    ]


def test_group_stub_heading_alone_still_names_the_rows_groups():
    got = _facts(
        [["Group", "Mean", "SD"], ["Massage", "3.1", "1.2"], ["Rest", "4.6", "1.4"]],
        "Table 3. Soreness scores after 48 h",
    )
    assert {label for _r, label, *_x in got} <= {"Massage", "Rest"}


def test_a_period_label_mentioning_both_arms_leaves_the_group_stub_naming_the_rows():
    got = _facts(
        [
            ["Group", "Run-in (4 weeks)", "Crossover (6 weeks on intervention, 6 weeks on control)"],
            ["Group", "Mean", "Mean"],
            ["AB", "3.9", "2.8"],
            ["BA", "4.1", "3.0"],
        ],
        "Table 2. Night-time awakenings by sequence group",
        header_rows=2,
    )  # fmt: skip
    assert all(label in ("AB", "BA") for _r, label, *_x in got)  # no period is an arm
