"""Column heads that name an occasion, not a group: "Predose score" / "Postdose
score", "Pre-surgery night" / "First night post surgery", "Immediately after
surgery", "Between discharge and 3 months". An occasion is never an arm: the
arm is the heading above it, or the table is one cohort's. Written here in
pharmacology, sleep-medicine, neurophysiology and health-services house styles."""

from table_helpers import arms, read

_DOSES = {"Placebo", "10 mg", "20 mg"}


def test_dose_scores_before_and_after_are_no_arms():
    got = arms(
        [
            ["Test", "Predose score", "", "Postdose score", ""],
            ["", "", "", "4 weeks", "8 weeks"],
            ["Reaction time (ms)", "Placebo", "512 ± 40", "505 ± 38", "498 ± 41"],
            ["Reaction time (ms)", "10 mg", "509 ± 44", "490 ± 39", "472 ± 35"],
            ["Reaction time (ms)", "20 mg", "515 ± 37", "481 ± 36", "455 ± 33"],
        ],
        "Table 2. Effect of the extract on cognitive tests",
        header_rows=2,
    )
    assert not got & {"Predose score", "Postdose score"}


def test_nights_around_surgery_are_the_times_of_each_group():
    got = read(
        [
            ["Variables", "Melatonin group", "", "", "Placebo group", "", ""],
            ["", "Pre-surgery night", "First night post surgery", "P",
             "Pre-surgery night", "First night post surgery", "P"],
            ["Urinary cortisol, ug", "11.2 ± 7.9", "88.1 ± 60.2", "0.01",
             "12.0 ± 8.1", "79.4 ± 51.0", "0.01"],
        ],
        "Table 3. Urinary hormones in the nights around surgery",
        header_rows=2,
    )  # fmt: skip
    assert sorted((label, o.value, o.timepoint) for _r, o, label in got) == [
        ("Melatonin group", 11.2, "Pre-surgery night"),
        ("Melatonin group", 88.1, "First night post surgery"),
        ("Placebo group", 12.0, "Pre-surgery night"),
        ("Placebo group", 79.4, "First night post surgery"),
    ]


def test_times_after_surgery_in_one_cohort_give_no_arm():
    got = read(
        [
            ["Soleus muscle", "Before surgery", "Immediately after surgery",
             "Twenty-four hours after surgery"],
            ["Left side", "3.1 ± 0.2", "2.9 ± 0.2", "3.0 ± 0.2"],
            ["Right side", "1.9 ± 0.1", "1.7 ± 0.2", "1.8 ± 0.1"],
        ],
        "Table 1. H-reflex amplitude before and after surgery (mV, mean ± SD)",
    )  # fmt: skip
    assert {label for _r, _o, label in got} == {None}
    assert ("Left side", 2.9, "Immediately after surgery") in {
        (o.name, o.value, o.timepoint) for _r, o, _label in got
    }


def test_intervals_after_discharge_are_times_not_arms():
    got = read(
        [
            ["Days in hospital, median (IQR)", "Between discharge and 3 months",
             "Between 3 and 6 months"],
            ["Readmitted patients", "6.0 (3.0–11.0)", "9.0 (4.0–20.0)"],
        ],
        "Table 4. Hospital use after discharge",
    )  # fmt: skip
    assert [(label, o.value, o.timepoint_months) for _r, o, label in got] == [
        (None, 6.0, 3.0),
        (None, 9.0, 6.0),
    ]


def test_an_occasion_heading_over_repeated_measures_is_their_time_point():
    got = read(
        [
            ["", "Drug A", "Drug B", "Placebo"],
            ["Immediately after the exercise bout", "", "", ""],
            ["Oxygen uptake (mL/min)", "1012 (21)", "1020 (19)", "1009 (22)"],
            ["At peak exercise", "", "", ""],
            ["Oxygen uptake (mL/min)", "1540 (35)", "1561 (33)", "1522 (36)"],
        ],
        "Table 3. Cycle exercise after 8 weeks, mean (SE)",
    )
    assert ("Drug B", "Oxygen uptake (mL/min)", 1020.0, "Immediately after the exercise bout") in {
        (label, o.name, o.value, o.timepoint) for _r, o, label in got
    }
    assert ("Drug B", "At peak exercise, Oxygen uptake (mL/min)", 1561.0, None) in {
        (label, o.name, o.value, o.timepoint) for _r, o, label in got
    }


def test_occasion_rows_under_a_caption_naming_the_effect_on_a_measure():
    got = read(
        [
            ["Cooling rate", "Slow", "Rapid"],
            ["Before freezing", "81.2 ± 1.4", "80.6 ± 1.6"],
            ["Immediately after thawing", "60.3 ± 2.1", "52.8 ± 1.9"],
            ["1 hour after thawing", "51.0 ± 1.8", "44.2 ± 2.0"],
        ],
        "Table 2. The effect of two cooling rates on sperm viability at various thawing times",
    )
    assert [(label, o.name, o.value, o.timepoint) for _r, o, label in got] == [
        ("Slow", "sperm viability", 60.3, "Immediately after thawing"),
        ("Rapid", "sperm viability", 52.8, "Immediately after thawing"),
        ("Slow", "sperm viability", 51.0, "1 hour after thawing"),
        ("Rapid", "sperm viability", 44.2, "1 hour after thawing"),
    ]
