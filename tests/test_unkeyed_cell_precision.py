"""Result-table cells that must not become an arm's value: events of a total
printed under a mean (SD) column, a named test's p-values beside the arms, a
calendar date over a column; and "range of motion", an outcome, is no
spread's name. A table of what the arms were given (the diets' ingredients,
the formulas' composition) reports no result. Written in cardiology, physiotherapy, orthopaedic and
survey-research house styles."""

import pytest
from table_helpers import read

from litkg.extractor.tables.labels import is_time


def test_events_of_a_total_under_a_mean_sd_column_are_a_rate():
    got = read(
        [
            ["End point at 6 months", "Ivabradine, mean (SD)", "Usual care, mean (SD)", "P"],
            ["Resting heart rate, beats/min", "64.2 (7.1)", "71.8 (8.0)", "<0.001"],
            ["Admitted for heart failure", "6/112 (5.4)", "15/109 (13.8)", "0.03"],
        ],
        "Table 3 End points by allocated treatment",
    )
    rows = [(o.name, label, o.statistic, o.value, o.events, o.total) for _, o, label in got]
    assert ("Admitted for heart failure", "Ivabradine", "rate", 5.4, 6, 112) in rows
    assert ("Admitted for heart failure", "Usual care", "rate", 13.8, 15, 109) in rows
    assert ("Resting heart rate, beats/min", "Ivabradine", "mean", 64.2, None, None) in rows
    assert not any(o.statistic == "mean" and o.value in (6.0, 15.0) for _, o, _ in got)


@pytest.mark.parametrize(
    "test_label", ["Paired t-test", "Wilcoxon signed-rank test", "Mann-Whitney U, p", "ANOVA"]
)
def test_a_named_tests_p_values_are_no_values(test_label):
    got = read(
        [
            ["Measure", "Cooled leg", "", "", "Control leg", "", ""],
            ["", "Before cooling", "After cooling", test_label, "Before cooling", "After cooling", test_label],
            ["Soleus activity (%MVC)", "31.2 ± 4.0", "27.5 ± 3.8", "0.012", "12.1 ± 2.2", "11.8 ± 2.0", "0.640"],
        ],
        "Table 2 Muscle activity before and after cooling",
        header_rows=2,
    )  # fmt: skip
    values = {o.value for _, o, _ in got}
    assert values and not values & {0.012, 0.64}


@pytest.mark.parametrize("label", ["Spring 2005", "March 2012", "Autumn 2004 (n = 212)", "2014"])
def test_a_calendar_date_is_a_time_point(label):
    assert is_time(label)


@pytest.mark.parametrize("label", ["Group 2014", "Cohort A", "Placebo", "Dose 20 mg"])
def test_a_name_holding_a_number_is_no_calendar_date(label):
    assert not is_time(label)


def test_range_of_motion_in_the_caption_names_the_outcome_not_the_spread():
    got = read(
        [
            ["Joint", "Splint group, mean ± SD", "Exercise group, mean ± SD", "P"],
            ["Wrist extension, degrees", "48.2 ± 9.1", "55.6 ± 8.4", "0.02"],
        ],
        "Table 3 Active range of motion at twelve weeks",
    )
    assert [(o.value, o.dispersion.kind, o.dispersion.value) for _, o, _ in got] == [
        (48.2, "sd", 9.1),
        (55.6, "sd", 8.4),
    ]
    got = read(
        [
            ["Joint", "Splint group", "Exercise group"],
            ["Wrist extension, degrees, mean ± SD", "48.2 ± 9.1", "55.6 ± 8.4"],
        ],
        "Table 3 Range of movement at twelve weeks",
    )
    assert [(o.value, o.dispersion.value) for _, o, _ in got] == [(48.2, 9.1), (55.6, 8.4)]


def test_a_range_column_still_gives_the_range():
    got = read(
        [
            ["Joint", "Splint group, median (range)", "Exercise group, median (range)"],
            ["Wrist extension, degrees", "48 (30-62)", "56 (41-70)"],
        ],
        "Table 3 Range of motion at twelve weeks",
    )
    assert [(o.statistic, o.dispersion.kind, o.dispersion.value) for _, o, _ in got] == [
        ("median", "range", (30.0, 62.0)),
        ("median", "range", (41.0, 70.0)),
    ]


_DIET_ROWS = [
    ["Nutrient", "Low-sodium group, mean (SD)", "Control group, mean (SD)"],
    ["Protein, g/day", "78.2 (9.1)", "77.9 (8.8)"],
    ["Sodium, mg/day", "1480 (210)", "3350 (390)"],
]


@pytest.mark.parametrize(
    "caption",
    [
        "Table 1 Ingredients and nutrient content of the two study diets",
        "Table 1 Nutrient composition of the test meals",
        "Table 1 Composition of the experimental formulas (per 100 ml)",
    ],
)
def test_what_the_arms_were_given_is_no_result(caption):
    assert read(_DIET_ROWS, caption) == []


@pytest.mark.parametrize(
    "caption",
    [
        "Table 3 Nutrient composition of the diets from 3-day food records at 12 weeks",
        "Table 3 Plasma levels of the supplement's active ingredients after 8 weeks",
    ],
)
def test_what_the_participants_ate_or_carried_is_a_result(caption):
    assert [o.value for _, o, _ in read(_DIET_ROWS, caption)] == [78.2, 77.9, 1480.0, 3350.0]


def test_a_column_of_one_measure_with_its_statistic_and_unit_is_no_arm():
    got = read(
        [
            ["Nutrient", "Questionnaire, median (IQR), mg", "Diet diary, median (IQR), mg", "P"],
            ["Calcium", "812 (640-990)", "705 (560-880)", "0.01"],
        ],
        "Table 4 Calcium intake estimated by the two instruments at follow-up",
    )
    assert [label for _, _, label in got if label] == []


def test_an_arm_with_its_dose_and_statistic_is_still_an_arm():
    got = read(
        [
            ["Outcome", "Vitamin D 1000 IU, mean (SD)", "Placebo, mean (SD)", "P"],
            ["Serum 25(OH)D, nmol/l", "71.2 (14.0)", "48.9 (13.1)", "<0.001"],
        ],
        "Table 2 Outcomes at 12 weeks",
    )
    assert [(label, o.value) for _, o, label in got] == [
        ("Vitamin D 1000 IU", 71.2),
        ("Placebo", 48.9),
    ]
