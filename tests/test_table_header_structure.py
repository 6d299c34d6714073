"""Header structures that polluted arm labels or hid an arm's values, written
here in physiotherapy, dermatology, veterinary, sleep and nutrition styles: a
statistic printed in the arm's label, time points under or beside an arm, an
occasion heading over the arms, analysis populations under an arm, one
group's time points, a single-number IQR column, a change column under each
arm, a corner saying every row is a change."""

import pytest

from litkg.extractor.components.arms import header_arms
from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table
from litkg.extractor.tables.labels import is_time, name, statistic, time_tail


def _table(rows, caption="Table 2. Outcomes", header_rows=1, spans=()):
    return Table(
        rows=rows, caption=caption, header_rows=header_rows, grid=bool(spans), spans=list(spans)
    )


def _arms(table):
    return [(c.arm, c.arm_n, c.period) for c in read_table(table).columns if c.arm]


@pytest.mark.parametrize(
    ("label", "arm", "n", "stat"),
    [
        ("Verum (n = 41) Mean (SD)", "Verum", 41, "mean (sd)"),
        ("Sham, n (%) N = 33", "Sham", 33, "n (%)"),
        ("Usual care mean ±SD", "Usual care", None, "mean (sd)"),
        ("Cases (n=88) median (IQR)", "Cases", 88, "median (iqr)"),
        ("Topical gel IQR", "Topical gel", None, "iqr"),
        ("Laser mean/median (SD/IQR)", "Laser", None, "mean"),
        ("Group A (XELIRI-Bev) (n = 143)", "Group A (XELIRI-Bev)", 143, None),
    ],
)
def test_a_statistic_printed_in_an_arm_label_is_not_part_of_its_name(label, arm, n, stat):
    got = name(label)
    assert (got.name, got.n) == (arm, n)
    assert got.statistic == stat or (stat == "mean" and got.statistic is None)


def test_statistic_labels_with_other_dashes_and_intervals():
    assert statistic("P‐value") == "p"  # U+2010 hyphen
    assert statistic("Mean (95% CI)") == "mean (95% ci)"
    assert statistic("IQR") == "iqr"
    assert statistic("SEM") == "se"


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Pre-", True), ("Post-", True), ("12 weeks", True), ("Initial", True), ("T2", True),
     ("Baseline (day 0)", True), ("Pre-treatment", True),
     ("Preterm birth", False), ("Placebo", False), ("Final height", False)],
)  # fmt: skip
def test_is_time(label, expected):
    assert is_time(label) is expected


def test_time_tail():
    assert time_tail("Alcohol T1") == ("Alcohol", "T1")
    assert time_tail("Placebo, week 4") == ("Placebo", "week 4")
    assert time_tail("Elobixibat 10 mg") is None


def test_time_under_each_arm_is_the_period_not_part_of_the_arm():
    t = _table(
        [
            ["", "Acupuncture (n = 30)", "", "Sham (n = 28)", ""],
            ["", "Pre-treatment", "8 weeks", "Pre-treatment", "8 weeks"],
            ["Pain VAS, mean (SD)", "6.1 (1.2)", "3.2 (1.5)", "6.0 (1.1)", "4.9 (1.8)"],
        ],
        header_rows=2,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )
    assert _arms(t) == [
        ("Acupuncture", 30, "Pre-treatment"),
        ("Acupuncture", 30, "8 weeks"),
        ("Sham", 28, "Pre-treatment"),
        ("Sham", 28, "8 weeks"),
    ]
    assert set(header_arms(t).values()) == {("Acupuncture", 30), ("Sham", 28)}


def test_arm_and_time_in_one_label():
    t = _table(
        [
            ["", "Yoga T0", "Yoga T1", "Waitlist T0", "Waitlist T1"],
            ["Sleep latency, min, mean ± SD", "31 ± 9", "22 ± 8", "30 ± 10", "29 ± 9"],
        ]
    )
    assert _arms(t) == [("Yoga", None, "T0"), ("Yoga", None, "T1"),
                        ("Waitlist", None, "T0"), ("Waitlist", None, "T1")]  # fmt: skip
    got = unkeyed_from_table(read_table(t))
    assert [(label, o.value, o.timepoint) for _, o, label in got] == [
        ("Yoga", 31.0, "T0"),
        ("Yoga", 22.0, "T1"),
        ("Waitlist", 30.0, "T0"),
        ("Waitlist", 29.0, "T1"),
    ]


def test_one_time_word_beside_each_arm_is_no_time_split():
    # the arms are doses or durations: nothing repeats with two times
    t = _table([["", "Warfarin week 6", "Warfarin week 12"], ["Bleeding, n (%)", "3 (4)", "5 (6)"]])
    assert _arms(t) == [("Warfarin week 6", None, None), ("Warfarin week 12", None, None)]


def test_an_occasion_heading_beside_a_period_heading_is_a_period_too():
    t = _table(
        [
            ["Analyte", "Before calving", "", "Oral glucose challenge", ""],
            ["Analyte", "Control herd (n = 6)", "Treated herd (n = 6)",
             "Control herd (n = 6)", "Treated herd (n = 6)"],
            ["NEFA, mmol/L, median", "0.41", "0.38", "0.62", "0.49"],
        ],
        header_rows=2,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )  # fmt: skip
    assert [a for a, _n, _p in _arms(t)] == ["Control herd", "Treated herd"] * 2
    assert [p for _a, _n, p in _arms(t)] == ["Before calving"] * 2 + ["Oral glucose challenge"] * 2
    got = unkeyed_from_table(read_table(t))
    assert [(label, o.value, o.timepoint) for _, o, label in got][2:] == [
        ("Control herd", 0.62, "Oral glucose challenge"),
        ("Treated herd", 0.49, "Oral glucose challenge"),
    ]


def test_one_groups_time_points_and_populations_under_arms_name_no_arm():
    pre_post = _table(
        [["Measure", "Pre- (n = 9)", "Post- (n = 9)"], ["Torque, Nm", "81 ± 9", "88 ± 10"]]
    )
    assert header_arms(pre_post) == {}
    pops = _table(
        [
            ["", "Vitamin D group", "", "Placebo group", ""],
            ["", "Randomised (n=40)", "Per protocol (n=35)", "Randomised (n=41)", "Per protocol (n=37)"],
            ["Age, years", "54 (8)", "54 (8)", "55 (7)", "55 (7)"],
        ],
        caption="Table 1. Baseline characteristics",
        header_rows=2,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )  # fmt: skip
    assert set(header_arms(pops).values()) == {
        ("Vitamin D group", 40), ("Vitamin D group", 35),
        ("Placebo group", 41), ("Placebo group", 37),
    }  # fmt: skip


def test_a_single_number_iqr_column_leaves_the_median_alone():
    t = _table(
        [
            ["Marker", "Supplemented (n = 8)", "", "Unsupplemented (n = 8)", "", "P‐value"],
            ["Marker", "Median", "IQR", "Median", "IQR", "P‐value"],
            ["Haptoglobin, g/L", "0.52", "0.31", "0.88", "0.40", "0.03"],
        ],
        caption="Table 3. Inflammatory markers after treatment",
        header_rows=2,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )
    got = unkeyed_from_table(read_table(t))
    assert [(label, o.statistic, o.value, o.dispersion, o.p) for _, o, label in got] == [
        ("Supplemented", "median", 0.52, None, 0.03),
        ("Unsupplemented", "median", 0.88, None, 0.03),
    ]


def test_a_delta_column_under_each_arm_is_that_arms_change():
    t = _table(
        [
            ["Variable", "Diet", "", "", "Control", "", ""],
            ["Variable", "Baseline", "Week 10", "Δ", "Baseline", "Week 10", "Δ"],
            ["Weight, kg", "82.1 ± 9.0", "79.0 ± 8.7", "−3.1 ± 1.2", "81.5 ± 8.8", "81.2 ± 8.9", "−0.3 ± 0.9"],
        ],
        caption="Table 2. Body composition before and after the programme",
        header_rows=2,
        spans=[(0, 1, 1, 3), (0, 4, 1, 3)],
    )  # fmt: skip
    got = unkeyed_from_table(read_table(t))
    assert [(label, o.name, o.value) for _, o, label in got] == [
        ("Diet", "Weight, kg", 82.1),
        ("Diet", "Weight, kg", 79.0),
        ("Diet", "Weight, kg, change", -3.1),
        ("Control", "Weight, kg", 81.5),
        ("Control", "Weight, kg", 81.2),
        ("Control", "Weight, kg, change", -0.3),
    ]


def test_an_arms_mean_with_its_ci_under_a_change_corner():
    t = _table(
        [
            ["Change from baseline", "Brace (n=20)", "No brace (n=21)", "Between-group difference", ""],
            ["Change from baseline", "Mean (95% CI)", "Mean (95% CI)", "Mean (95% CI)", "p"],
            ["Knee flexion, degrees", "4.2 (1.1 to 7.3)", "0.8 (−2.0 to 3.6)", "3.4 (−0.8 to 7.6)", "0.11"],
        ],
        header_rows=2,
        spans=[(0, 3, 1, 2)],
    )  # fmt: skip
    got = unkeyed_from_table(read_table(t))
    assert [(label, o.name, o.statistic, o.value, o.ci) for _, o, label in got] == [
        ("Brace", "Knee flexion, degrees, change", "mean", 4.2, (1.1, 7.3)),
        ("No brace", "Knee flexion, degrees, change", "mean", 0.8, (-2.0, 3.6)),
        (None, "Knee flexion, degrees", "difference", 3.4, (-0.8, 7.6)),
    ]
