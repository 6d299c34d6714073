"""Time points printed as section rows under a measure's heading, written here
in a respiratory and a dermatology house style: the measure's heading, its
baseline row, then each time point's heading over rows that print only the
statistic ("Mean ± SD", "Change from baseline (mean ± SD)")."""

from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table


def _table(rows, caption):
    return Table(rows=rows, caption=caption, header_rows=1)


_FEV1 = [
    ["Measure", "Inhaler A (n = 41)", "Inhaler B (n = 39)", "Placebo (n = 40)"],
    ["FEV1, L", "", "", ""],
    ["Baseline, mean ± SD", "2.11 ± 0.42", "2.08 ± 0.40", "2.14 ± 0.45"],
    ["Month 3", "", "", ""],
    ["Mean ± SD", "2.31 ± 0.44", "2.26 ± 0.41", "2.15 ± 0.47"],
    ["Change from baseline (mean ± SD)", "0.20 ± 0.15", "0.18 ± 0.16", "0.01 ± 0.14"],
    ["Month 6", "", "", ""],
    ["Mean ± SD", "2.35 ± 0.46", "2.27 ± 0.43", "2.12 ± 0.44"],
    ["Peak flow, L/min", "", "", ""],
    ["Baseline, mean ± SD", "382 ± 61", "377 ± 58", "385 ± 64"],
    ["Month 3", "", "", ""],
    ["Mean ± SD", "401 ± 60", "395 ± 57", "384 ± 66"],
]


def test_a_time_heading_under_a_measure_keeps_the_measure_in_the_sections():
    m = read_table(_table(_FEV1, "Table 2. Lung function over six months"))
    rows = {r.index: r for r in m.rows}
    assert rows[4].sections == ("FEV1, L", "Month 3")
    assert rows[7].sections == ("FEV1, L", "Month 6")  # the next time replaces the last
    assert rows[9].sections == ("Peak flow, L/min",)  # a new measure ends the times
    assert rows[11].sections == ("Peak flow, L/min", "Month 3")


def test_statistic_rows_under_a_time_heading_give_the_measure_at_that_time():
    got = [
        (label, o.name, o.statistic, o.value, o.timepoint)
        for _, o, label in unkeyed_from_table(
            read_table(_table(_FEV1, "Table 2. Lung function over six months"))
        )
    ]
    assert ("Inhaler A", "FEV1, L", "mean", 2.31, "Month 3") in got
    assert ("Placebo", "FEV1, L", "mean", 2.12, "Month 6") in got
    assert ("Inhaler B", "FEV1, L, change", "mean", 0.18, "Month 3") in got
    assert ("Placebo", "Peak flow, L/min", "mean", 384.0, "Month 3") in got
    assert not any(tp and tp.startswith("Baseline") for *_, tp in got)  # no baseline value
    assert all(name not in ("Month 3", "Month 6") for _, name, *_ in got)


def test_categories_and_terms_without_times_read_as_before():
    m = read_table(
        _table(
            [
                ["Event", "Cream (n = 50)", "Vehicle (n = 48)"],
                ["Skin", "", ""],
                ["Erythema", "", ""],
                ["Mild", "6 (12)", "2 (4)"],
                ["Pruritus", "", ""],
                ["Mild", "4 (8)", "3 (6)"],
            ],
            "Table 3. Local reactions by week 12",
        )
    )
    rows = {r.index: r for r in m.rows}
    assert rows[3].sections == ("Skin", "Erythema")
    assert rows[5].sections == ("Skin", "Pruritus")
