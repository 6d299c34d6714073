"""Result-table row forms written here in anaesthesia, sports-medicine,
gynaecology and psychology styles: a second stub column naming each row's
measure, rows that are only time points under a caption naming the measure,
arms as rows under a caption naming it, a mean ± SD beside a footnote that
spells out a percentage, intervals with a semicolon, time points in hours,
test rows among arm rows, ANOVA source rows, an inline note mark in JATS."""

from table_helpers import read

from litkg.extractor.components.arms import header_arms
from litkg.extractor.components.unkeyed_names import read_timepoint
from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.ingest.jats import parse_jats
from litkg.extractor.tables import read_table
from litkg.extractor.tables.values import parse_value


def _facts(rows, caption, header_rows=1, spans=(), footnotes=(), is_arm=None):
    return [
        (label, o.name, o.statistic, o.value, o.timepoint)
        for _r, o, label in read(
            rows, caption, header_rows=header_rows, spans=spans, footnotes=footnotes, is_arm=is_arm
        )
    ]


def test_a_second_stub_column_names_the_measure():
    got = _facts(
        [
            ["Speed", "", "Taping (n = 14)", "Sham (n = 14)"],
            ["90°/s", "Peak torque (Nm)", "102.4 ± 12.0", "98.1 ± 11.5"],
            ["90°/s", "Work (J)", "410.2 ± 60.3", "395.0 ± 58.8"],
            ["Sessions attended", "", "11.2 ± 1.1", "10.9 ± 1.4"],
        ],
        "Table 2. Isokinetic strength after four weeks",
        spans=[(0, 0, 1, 2), (3, 0, 1, 2)],
    )
    assert got[:4] == [
        ("Taping", "Peak torque (Nm), 90°/s", "mean", 102.4, None),
        ("Sham", "Peak torque (Nm), 90°/s", "mean", 98.1, None),
        ("Taping", "Work (J), 90°/s", "mean", 410.2, None),
        ("Sham", "Work (J), 90°/s", "mean", 395.0, None),
    ]
    assert ("Taping", "Sessions attended", "mean", 11.2, None) in got


def test_a_second_stub_column_under_time_points_names_the_measure_at_each_time():
    got = _facts(
        [
            ["Time", "", "Ondansetron", "Saline"],
            ["2 h", "Nausea score, mean ± SD", "1.2 ± 0.4", "2.9 ± 0.8"],
            ["2 h", "Pain score, mean ± SD", "3.1 ± 1.0", "3.3 ± 1.2"],
            ["6 h", "Nausea score, mean ± SD", "0.8 ± 0.3", "1.9 ± 0.6"],
        ],
        "Table 3. Postoperative scores",
        spans=[(0, 0, 1, 2)],
    )
    assert got[:2] == [
        ("Ondansetron", "Nausea score", "mean", 1.2, "2 h"),
        ("Saline", "Nausea score", "mean", 2.9, "2 h"),
    ]
    assert ("Saline", "Nausea score", "mean", 1.9, "6 h") in got


def test_a_statistic_in_the_second_column_is_not_a_measure():
    got = _facts(
        [
            ["Specialty", "", "Preferred A", "Preferred B"],
            ["Cardiology", "Mean", "16.6", "18.4"],
            ["Cardiology", "SD", "2.1", "2.4"],
        ],
        "Table 2. Scores by specialty",
    )
    assert not any(name.startswith("Mean") for _l, name, *_ in got)


def test_time_point_rows_take_the_measure_from_the_caption():
    got = _facts(
        [
            ["Time", "Dexamethasone group", "Control group", "P"],
            ["1 h after surgery", "2.1 ± 0.9", "4.0 ± 1.1", "0.001"],
            ["12 h after surgery", "1.0 ± 0.5", "2.2 ± 0.7", "0.01"],
        ],
        "Table 2. Numeric rating scale pain scores at 1 and 12 h after surgery",
    )
    assert got == [
        ("Dexamethasone group", "Numeric rating scale pain scores", "mean", 2.1, "1 h after surgery"),
        ("Control group", "Numeric rating scale pain scores", "mean", 4.0, "1 h after surgery"),
        ("Dexamethasone group", "Numeric rating scale pain scores", "mean", 1.0, "12 h after surgery"),
        ("Control group", "Numeric rating scale pain scores", "mean", 2.2, "12 h after surgery"),
    ]  # fmt: skip


def test_arm_rows_take_the_measure_from_a_changes_caption():
    got = _facts(
        [
            ["", "Before training", "After training"],
            ["Pilates group (n = 15)", "31.2 ± 4.0", "35.6 ± 4.4"],
            ["Control group (n = 15)", "30.8 ± 3.9", "31.0 ± 4.1"],
            ["P-value", "0.71", "0.004"],
        ],
        "Table 3. Changes in peak oxygen uptake after 10 weeks",
    )
    assert got == [
        ("Pilates group (n = 15)", "peak oxygen uptake", "mean", 35.6, "After training"),
        ("Control group (n = 15)", "peak oxygen uptake", "mean", 31.0, "After training"),
    ]


def test_plus_minus_is_a_mean_whatever_a_footnote_spells_out():
    got = _facts(
        [["", "Synbiotic", "Placebo"], ["Fat mass, kg", "21.0 ± 4.1", "22.3 ± 5.0"]],
        "Table 2. Body composition after supplementation",
        footnotes=["FM, fat mass; %BF, percentage of body fat."],
    )
    assert [(label, stat, v) for label, _n, stat, v, _t in got] == [
        ("Synbiotic", "mean", 21.0),
        ("Placebo", "mean", 22.3),
    ]


def test_interval_with_a_semicolon_and_hours_after_baseline():
    v = parse_value("64 (43; 73)")
    assert (v.kind, v.value, v.low, v.high) == ("estimate", 64.0, 43.0, 73.0)
    assert read_timepoint("2 h post-dose")[1] > 0
    assert read_timepoint("Baseline")[1] == 0.0


def test_anova_source_rows_are_no_outcomes():
    got = _facts(
        [["Source", "Sum of squares", "df", "Mean square"], ["Between groups", "120.4", "2", "60.2"],
         ["Within groups", "880.1", "57", "15.4"]],
        "Table 4. Analysis of variance of anxiety scores after the intervention",
    )  # fmt: skip
    assert got == []


_JATS = """<?xml version="1.0"?>
<article><front><article-meta><title-group><article-title>T</article-title></title-group>
</article-meta></front><body><sec><title>Results</title>
<table-wrap id="t2"><label>Table 2</label><caption><p>Change in scores by arm</p></caption>
<table><thead>
<tr><th/><th>Mindfulness (N=40)</th><th>Waitlist (N=38)</th></tr>
<tr><th/><th>Mean change<xref ref-type="table-fn" rid="f1">b</xref></th>
<th>Mean change<xref ref-type="table-fn" rid="f1">b</xref></th></tr>
</thead><tbody>
<tr><td>Stress score</td><td>-4.1</td><td>-0.9</td></tr>
</tbody></table>
<table-wrap-foot><fn id="f1"><label>b</label><p>Week 8 minus baseline.</p></fn></table-wrap-foot>
</table-wrap></sec></body></article>"""


def test_an_inline_note_mark_is_no_part_of_the_label_and_a_change_piece_no_arm():
    doc = parse_jats(_JATS.encode(), doc_id="x")
    (t,) = doc.tables
    assert "Mean changeb" not in " ".join(t.rows[1])
    assert set(header_arms(t).values()) == {("Mindfulness", 40), ("Waitlist", 38)}


def test_a_change_heading_over_dose_arms_with_the_sd_in_its_own_cell():
    got = _facts(
        [
            ["", "12-week change", "", "", "", "", ""],
            ["", "Walking 60 min/wk (n = 20)", "", "Walking 120 min/wk (n = 21)", "",
             "Usual care (n = 19)", ""],
            ["6-min walk distance, m", "18.2", "(20.1)", "31.5", "(22.4)", "2.0", "(18.8)"],
            ["Gait speed, m/s", "0.05", "(0.10)", "0.09", "(0.12)", "0.01", "(0.09)"],
        ],
        "Table 2. Change in function by dose, mean (SD), intent-to-treat and per-protocol samples",
        header_rows=2,
        spans=[(0, 1, 1, 6), (1, 1, 1, 2), (1, 3, 1, 2), (1, 5, 1, 2)],
    )  # fmt: skip
    assert [(label, name, v) for label, name, _s, v, _t in got][:3] == [
        ("Walking 60 min/wk", "6-min walk distance, m, change", 18.2),
        ("Walking 120 min/wk", "6-min walk distance, m, change", 31.5),
        ("Usual care", "6-min walk distance, m, change", 2.0),
    ]
    t = Table(rows=[["", "Walking 60 min/wk (n = 20)"], ["x", "(20.1)"]], header_rows=1)
    assert [c.period for c in read_table(t).columns] == [None]


def test_the_sd_in_its_own_cell_is_the_values_spread():
    t = Table(
        rows=[
            ["", "Tai chi (n = 30)", "", "Stretching (n = 31)", ""],
            ["Berg balance score", "48.2", "(5.1)", "45.0", "(6.3)"],
            ["Falls efficacy score", "22.4", "(4.0)", "25.9", "(5.2)"],
        ],
        caption="Table 3. Balance outcomes at 16 weeks, mean (SD)",
        header_rows=1,
        grid=True,
        spans=[(0, 1, 1, 2), (0, 3, 1, 2)],
    )
    got = unkeyed_from_table(read_table(t))
    assert [
        (label, o.value, o.dispersion.value if o.dispersion else None) for _, o, label in got
    ] == [
        ("Tai chi", 48.2, 5.1),
        ("Stretching", 45.0, 6.3),
        ("Tai chi", 22.4, 4.0),
        ("Stretching", 25.9, 5.2),
    ]


def test_a_blocks_regression_time_and_a_group_lettered_r():
    got = _facts(
        [
            ["Time (min)", "Group L", "Group R", "P"],
            ["Onset of sensory block", "8.1 ± 2.0", "9.0 ± 2.4", "0.21"],
            ["Regression to T10", "121 ± 30", "110 ± 28", "0.14"],
        ],
        "Table 2. Onset and regression time of sensory block",
    )
    assert [(label, v) for label, _n, _s, v, _t in got] == [
        ("Group L", 8.1), ("Group R", 9.0), ("Group L", 121.0), ("Group R", 110.0)
    ]  # fmt: skip
    assert (
        _facts(
            [["", "Coefficient", "P"], ["Age", "0.12", "0.03"]],
            "Table 4. Linear regression of HbA1c",
        )
        == []
    )
