"""Arms printed as rows beside columns headed by a statistic alone, the measure
named by the caption only, written here in a cardiology, a smoking-cessation
and a dental house style: "Table 2. Systolic blood pressure at 12 weeks" over
"Group | n | Mean | SD" / "Intervention group | 40 | 128.4 | 11.2"."""

from table_helpers import read


def _facts(rows, caption, is_arm=None):
    return [
        (label, o.name, o.statistic, o.value, o.timepoint, o.timepoint_months)
        for _r, o, label in read(rows, caption, is_arm=is_arm)
    ]


def test_mean_and_sd_columns_give_the_caption_measure_per_arm_row():
    got = read(
        [
            ["Group", "n", "Mean", "SD"],
            ["Intervention group", "40", "128.4", "11.2"],
            ["Control group", "38", "136.9", "12.5"],
        ],
        "Table 2. Systolic blood pressure at 12 weeks",
    )
    facts = [(label, o.name, o.statistic, o.value, o.timepoint_months) for _r, o, label in got]
    assert facts == [
        ("Intervention group", "Systolic blood pressure", "mean", 128.4, 2.8),
        ("Control group", "Systolic blood pressure", "mean", 136.9, 2.8),
    ]
    assert got[0][1].dispersion is not None and got[0][1].dispersion.value == 11.2


def test_count_and_percent_columns_give_each_arm_rate():
    got = read(
        [
            ["Arm", "No.", "%"],
            ["Varenicline", "31", "27.4"],
            ["Placebo", "12", "10.9"],
        ],
        "Table 3. Continuous abstinence after 6 months",
    )
    facts = {(label, o.statistic, o.value, o.timepoint_months) for _r, o, label in got}
    assert facts == {("Varenicline", "rate", 27.4, 6.0), ("Placebo", "rate", 10.9, 6.0)}


def test_a_caption_opening_with_its_statistics_names_the_measure_after_them():
    got = _facts(
        [
            ["Group", "Mean", "Minimum", "Maximum", "SD"],
            ["Group A", "2.41", "1.10", "3.62", "0.31"],
            ["Group B", "3.07", "1.95", "4.40", "0.44"],
        ],
        "Table 1. Mean and range of gingival index scores in the two groups",
    )
    assert [(label, name, value) for label, name, _s, value, *_ in got] == [
        ("Group A", "gingival index scores", 2.41),
        ("Group B", "gingival index scores", 3.07),
    ]  # the minimum and maximum are the sample's extremes, no arm's result


def test_a_caption_of_the_sample_or_a_baseline_gives_nothing():
    rows = [["Group", "Mean", "SD"], ["Drug", "54.2", "8.1"], ["Placebo", "55.0", "7.7"]]
    assert read(rows, "Table 1. Age of the participants") == []
    assert read(rows, "Table 1. Body weight at baseline") == []


def test_a_column_naming_a_measure_of_its_own_is_not_the_caption_measure():
    got = _facts(
        [
            ["Group", "Weight (kg), mean", "Waist (cm), mean"],
            ["Drug", "81.2", "94.0"],
            ["Placebo", "84.9", "97.3"],
        ],
        "Table 2. Anthropometry at 24 weeks",
    )
    assert not any(name == "Anthropometry" for _l, name, *_ in got)


def test_a_row_that_is_no_arm_stops_the_reading():
    got = read(
        [
            ["", "Mean", "SD"],
            ["Drug", "4.1", "1.2"],
            ["Placebo", "5.3", "1.4"],
            ["Duration of pain (days)", "6.0", "2.2"],
        ],
        "Table 2. Pain score on day 3",
        is_arm=lambda label: label in ("Drug", "Placebo"),
    )
    assert not any(o.name == "Pain score" for _r, o, _l in got)


def test_a_caption_naming_no_statistic_leaves_an_unexplained_pair_out():
    got = read(
        [
            ["Group", "Value"],
            ["Drug", "4.1 (1.2)"],
            ["Placebo", "5.3 (1.4)"],
        ],
        "Table 2. Pain score on day 3",
    )
    assert got == []  # "Value" says no statistic, and "4.1 (1.2)" may be a mean or a median


def test_a_caption_of_one_result_word_names_that_measure_not_a_generic_one():
    rows = [["Group", "n (%)"], ["Intervention", "12 (30.0)"], ["Control", "5 (13.2)"]]
    got = read(rows, "Table 4. Remission at 6 months")
    assert [(label, o.name, o.value, o.timepoint_months) for _r, o, label in got] == [
        ("Intervention", "Remission", 30.0, 6.0),
        ("Control", "Remission", 13.2, 6.0),
    ]
    assert read(rows, "Table 4. Outcomes at 6 months") == []  # names no measure
