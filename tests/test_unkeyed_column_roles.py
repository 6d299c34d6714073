"""Which cells of a result table are an arm's value of the row's outcome, and
under what name: the extremes, scale maxima and effect sizes beside an arm's
mean are none; a time point's SD column is the spread of its mean; a whole
number among means with spreads is a mean, not a count; a proportion of 0.25
is 25%; a slash joining two arms prints both arms' numbers; a table of the
sample before the trial began gives no results; a stub that is a stratum, a
category or an item's designator takes its section's measure, and a name
printed under two sections takes each section. Written in orthopaedic,
dermatology, physiotherapy, dental, obstetric and sports-medicine house styles."""

from table_helpers import read

from litkg.extractor.components.unkeyed_cells import like_row
from litkg.extractor.components.unkeyed_roles import is_not_arm_value, joins_two_arms
from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table
from litkg.extractor.tables.values import parse_value


def test_labels_of_columns_that_hold_no_arm_value():
    for label in ("Min.", "Maximum", "Min–max", "Min.Max.", "Partial η2", "Eta squared η",
                  "Highest possible score", "Maximum points (Number of questions)",
                  "Normal range", "Hedges' g"):  # fmt: skip
        assert is_not_arm_value(label), label
    for label in ("Maximum dose", "Minimal intervention", "High dose", "Range", "Brace"):
        assert not is_not_arm_value(label), label


def test_extremes_effect_sizes_and_scale_maxima_beside_the_mean_are_no_arm_values():
    got = read(
        [
            ["Scale", "Brace (n = 40)", "Brace (n = 40)", "Brace (n = 40)", "Splint (n = 38)",
             "Splint (n = 38)", "Splint (n = 38)", "P", "Partial η2", "Highest possible score"],
            ["", "Mean ± SD", "Minimum", "Maximum", "Mean ± SD", "Minimum", "Maximum", "", "", ""],
            ["Grip strength (kg)", "21.4 ± 4.2", "12", "30", "18.9 ± 5.0", "9", "29", "0.03",
             "0.061", "40 (8)"],
            ["Pinch strength (kg)", "6.1 ± 1.3", "3", "9", "5.2 ± 1.6", "2", "8", "0.01", "0.082",
             "12 (4)"],
        ],
        "Table 3. Hand function after 12 weeks",
        footnotes=["Values are mean ± SD."],
        header_rows=2,
    )  # fmt: skip
    assert [(o.name, label, o.value, o.dispersion.value) for _r, o, label in got] == [
        ("Grip strength (kg)", "Brace", 21.4, 4.2),
        ("Grip strength (kg)", "Splint", 18.9, 5.0),
        ("Pinch strength (kg)", "Brace", 6.1, 1.3),
        ("Pinch strength (kg)", "Splint", 5.2, 1.6),
    ]


def test_a_time_points_sd_column_is_its_means_spread_in_a_group_column_table():
    got = read(
        [
            ["", "Arm", "Day 0", "Day 0", "Day 28", "Day 28"],
            ["", "", "Mean", "SD", "Mean", "SD"],
            ["Itch inventory", "", "", "", "", ""],
            ["II", "Cream", "6.4", "1.2", "3.1", "1.0"],
            ["", "Vehicle", "6.2", "1.4", "5.5", "1.3"],
        ],
        "Table 2. Itch inventory subscores by visit",
        header_rows=2,
    )  # fmt: skip
    assert [(o.name, label, o.timepoint, o.value, o.dispersion.value) for _r, o, label in got] == [
        ("Itch inventory II", "Cream", "Day 0", 6.4, 1.2),
        ("Itch inventory II", "Cream", "Day 28", 3.1, 1.0),
        ("Itch inventory II", "Vehicle", "Day 0", 6.2, 1.4),
        ("Itch inventory II", "Vehicle", "Day 28", 5.5, 1.3),
    ]


def test_a_whole_number_among_means_with_spreads_is_no_count():
    row = [parse_value(x) for x in ("12.31 (2.05)", "14 (3.2)", "11.87 (1.9)")]
    assert like_row(row[1], row).kind == "estimate" and like_row(row[1], row).disp == 3.2
    counts = [parse_value(x) for x in ("12 (40)", "14 (47)")]
    assert like_row(counts[1], counts).kind == "count"  # a row of counts stays counts
    got = read(
        [
            ["Test", "Exercise (n = 20)", "Exercise (n = 20)", "Rest (n = 20)", "Rest (n = 20)"],
            ["", "Pre", "Post", "Pre", "Post"],
            ["Timed up and go (s)", "12.31 (2.05)", "14 (3.2)", "11.87 (1.9)", "12.02 (2.2)"],
        ],
        "Table 2. Mobility outcomes",
        header_rows=2,
    )  # fmt: skip
    assert not [o for _r, o, _l in got if o.statistic == "rate"]


def test_a_proportion_printed_as_a_fraction_is_a_percentage():
    got = read(
        [
            ["", "Sealant", "Sealant", "Varnish", "Varnish"],
            ["", "Caries-free/n", "Proportion", "Caries-free/n", "Proportion"],
            ["First molars", "30/40", "0.75", "22/40", "0.55"],
        ],
        "Table 3. Caries-free children after 24 months",
        header_rows=2,
    )  # fmt: skip
    rates = [(label, o.value, o.unit) for _r, o, label in got if o.statistic == "rate"]
    assert rates == [("Sealant Proportion", 75.0, "%"), ("Varnish Proportion", 55.0, "%")]


def test_a_slash_joining_two_arms_prints_both_arms_numbers():
    def names(label):
        return label.lower() in ("sham", "acupuncture")

    assert joins_two_arms("Sham/Acupuncture", ["18/20", "19/20"], names)
    assert not joins_two_arms("Responders/n", ["18/20", "19/20"], names)
    assert not joins_two_arms("Sham/Acupuncture", ["4.1 (1.2)", "3.8 (1.0)"], names)
    got = read(
        [
            ["", "Sham/Acupuncture group", "Mean difference (95% CI)", "P"],
            ["Headache days", "18/20", "-1.9 (-3.1, -0.7)", "0.003"],
            ["Analgesic doses", "19/20", "-2.4 (-4.0, -0.8)", "0.004"],
        ],
        "Table 2. Change from baseline to week 12",
    )  # fmt: skip
    assert [(o.statistic, o.value) for _r, o, _l in got] == [
        ("difference", -1.9),
        ("difference", -2.4),
    ]


def test_a_table_of_the_sample_before_the_trial_began_gives_no_results():
    rows = [
        ["", "Yoga", "Waiting list", "P"],
        ["Sleep latency (min)", "34.2 ± 9.1", "33.0 ± 8.7", "0.61"],
    ]
    assert read(rows, "Table 1. Sleep diary before randomisation") == []
    assert read(rows, "Table 2. Sleep diary during the run-in phase") == []
    assert read(rows, "Table 3. Sleep diary before and after the programme")


def test_strata_categories_and_whole_sample_rows_take_their_sections_measure():
    got = read(
        [
            ["", "Midwife-led (n = 210)", "Obstetric-led (n = 205)", "P"],
            ["Time to first breastfeed (min)", "", "", ""],
            ["All women", "42 ± 18", "55 ± 21", "0.01"],
            ["Primiparas", "48 ± 20", "61 ± 23", "0.02"],
            ["Antenatal visits", "", "", ""],
            ["Adequate", "150 (71.4)", "128 (62.4)", "0.05"],
        ],
        "Table 3. Outcomes of labour and the puerperium",
        footnotes=["Mean ± SD or n (%)."],
    )  # fmt: skip
    names = sorted({o.name for _r, o, _l in got})
    assert names == [
        "Antenatal visits, Adequate",
        "Time to first breastfeed (min)",
        "Time to first breastfeed (min), Primiparas",
    ]


def test_a_name_printed_under_two_sections_takes_each_section():
    got = read(
        [
            ["", "Interval training", "Continuous training", "P"],
            ["Peak exercise", "", "", ""],
            ["VO2 (ml/kg/min)", "31.2 ± 4.0", "28.9 ± 3.8", "0.04"],
            ["Heart rate (bpm)", "171 ± 9", "168 ± 10", "0.30"],
            ["Anaerobic threshold", "", "", ""],
            ["VO2 (ml/kg/min)", "19.8 ± 3.1", "18.5 ± 2.9", "0.12"],
        ],
        "Table 2. Cardiopulmonary exercise test after training",
    )  # fmt: skip
    names = [(o.name, o.value) for _r, o, label in got if label == "Interval training"]
    assert names == [
        ("Peak exercise, VO2 (ml/kg/min)", 31.2),
        ("Heart rate (bpm)", 171.0),
        ("Anaerobic threshold, VO2 (ml/kg/min)", 19.8),
    ]


def _match(label, statistic, value, comparator=None, ci=None):
    from litkg.extractor.components.unkeyed_outcomes import UnkeyedMatch
    from litkg.extractor.records import Outcome

    arm = "intervention" if comparator else None
    o = Outcome(None, statistic, value, None, name="Wound area (cm2)", arm=arm,
                comparator=comparator, ci=ci)  # fmt: skip
    return UnkeyedMatch(o, 0, 0, "t", label)


def test_a_difference_printed_as_control_minus_intervention_is_turned_round():
    from litkg.extractor.components.unkeyed_roles import orient_differences

    table = object()
    arms = {"Hydrocolloid": "intervention", "Gauze": "control"}
    hits = [
        (table, 3, _match("Gauze", "mean", 4.6)),
        (table, 3, _match("Hydrocolloid", "mean", 3.1)),
        (table, 3, _match(None, "difference", 1.5, "control", (0.4, 2.6))),
        (table, 4, _match("Gauze", "mean", 5.0)),
        (table, 4, _match("Hydrocolloid", "mean", 3.9)),
        (table, 4, _match(None, "difference", -1.1, "control", (-2.0, -0.2))),
        (table, 5, _match("Gauze", "mean", 5.0)),
        (table, 5, _match("Hydrocolloid", "mean", 3.9)),
        (table, 5, _match(None, "difference", -0.7, "control")),  # adjusted: unexplained
    ]
    got = [(r, m.outcome.value, m.outcome.ci) for _t, r, m in orient_differences(hits, arms)
           if m.outcome.statistic == "difference"]  # fmt: skip
    assert got == [(3, -1.5, (-2.6, -0.4)), (4, -1.1, (-2.0, -0.2)), (5, -0.7, None)]


def test_a_carried_arm_heading_over_a_difference_column_is_no_arms():
    table = Table(
        rows=[
            ["", "Splint", "", "Cast", "", ""],
            ["", "Healed/n", "Mean days", "Healed/n", "Mean days", "Difference in means (95% CI)"],
            ["Scaphoid union", "18/20", "61.2 ± 9.0", "17/20", "58.4 ± 8.1", "2.8 (-2.7, 8.3)"],
        ],
        caption="Table 2. Union after 12 weeks",
        header_rows=2,
        grid=True,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )  # fmt: skip
    got = unkeyed_from_table(read_table(table))
    diffs = [(label, o.arm, o.comparator, o.value) for _r, o, label in got
             if o.statistic == "difference"]  # fmt: skip
    assert diffs == [(None, "intervention", "control", 2.8)]


def test_a_half_life_row_is_no_time_point():
    got = read(
        [
            ["Parameter", "Generic", "Reference"],
            ["Fasting", "", ""],
            ["t1/2 (hours)", "3.8 ± 0.9", "3.7 ± 1.1"],
        ],
        "Table 2. Pharmacokinetic results",
    )  # fmt: skip
    assert {o.timepoint for _r, o, _l in got} == {None}
    assert {o.name for _r, o, _l in got} == {"t1/2 (hours)"}


def test_a_column_headed_by_a_statistic_alone_is_no_arm():
    got = read(
        [
            ["Parameter", "Geometric mean", "Minimum", "Median", "Maximum"],
            ["Cmax (ng/ml)", "181.2", "97.0", "176.5", "290.4"],
        ],
        "Table 2. Pharmacokinetic results of the test tablet",
    )  # fmt: skip
    assert got == []
