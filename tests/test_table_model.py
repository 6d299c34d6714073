"""The table model on tables written here, in house styles of our own:
JATS with colspan/rowspan, text exports whose header rows lost their spans,
and PDF-like rows with blanks after a spanning label."""

from __future__ import annotations

import pytest

from litkg.extractor.document import Table
from litkg.extractor.ingest.jats import parse_jats
from litkg.extractor.ingest.text import parse_text
from litkg.extractor.tables import grade, parse_value, read_table

# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "kind", "n", "pct"),
    [
        ("14 (22.6)", "count", 14, 22.6),
        ("14 (22.6%)", "count", 14, 22.6),
        ("14 [22·6]", "count", 14, 22.6),
        ("3 (<1%)", "count", 3, None),
        ("7/31", "count", 7, None),
        ("7/31 (22.6%)", "count", 7, 22.6),
        ("12‡ (30.0)", "count", 12, 30.0),
        ("6 (15.0)c", "count", 6, 15.0),
        ("0 (0.0)", "count", 0, 0.0),
        ("41%", "percent", None, 41.0),
        ("<1%", "percent", None, None),
        ("NA", "absent", None, None),
        ("..", "absent", None, None),
        ("—", "absent", None, None),
        ("NR", "nr", None, None),
    ],
)
def test_parse_value_counts(text, kind, n, pct):
    v = parse_value(text)
    assert v.kind == kind
    assert v.n == n
    assert v.percent == pct


def test_parse_value_estimates_and_p():
    v = parse_value("0.71 (0.52–0.97)")
    assert (v.kind, v.value, v.low, v.high) == ("estimate", 0.71, 0.52, 0.97)
    v = parse_value("18.4 (9.1-30.2)")
    assert (v.value, v.low, v.high) == (18.4, 9.1, 30.2)
    v = parse_value("54.1 ± 8.3")
    assert (v.value, v.disp) == (54.1, 8.3)
    v = parse_value("P < 0.01")
    assert (v.kind, v.value, v.op) == ("number", 0.01, "<")
    v = parse_value("0·042")
    assert v.value == 0.042
    assert parse_value("0").is_zero and parse_value("0%").is_zero
    assert parse_value("marked").kind == "text"


def test_grade_labels():
    assert grade("Grade 3/4").grade == "3-4"
    assert grade("G3–4").grade == "3-4"
    assert grade("≥ Grade 3").grade == ">=3"
    assert grade("Grades III-IV, n (%)").grade == "3-4"
    assert grade("All grades").any
    assert grade("III–IV") is None
    assert grade("III–IV", allow_bare=True).grade == "3-4"
    assert grade("Placebo") is None


# ---------------------------------------------------------------- JATS

_JATS = """<?xml version="1.0"?>
<article><front><article-meta><title-group><article-title>T</article-title></title-group>
</article-meta></front><body><sec><title>Results</title>
<p>See <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Toxicity by cycle</p></caption>
<table><thead>
<tr><th rowspan="2">Event</th><th colspan="2">Cycle 1</th><th colspan="2">Cycles 2-6</th></tr>
<tr><th>Drug X (n = 30)</th><th>Control (n = 28)</th><th>Drug X (n = 30)</th><th>Control (n = 28)</th></tr>
</thead><tbody>
<tr><td colspan="5">Blood</td></tr>
<tr><td>Neutropenia</td><td>5 (16.7)</td><td>0</td><td>9 (30.0)</td><td>2 (7.1)</td></tr>
<tr><td>Other*</td><td>1 (3.3)</td><td>-</td><td>-</td><td>-</td></tr>
</tbody></table>
<table-wrap-foot><fn><label>*</label><p>Syncope and hiccups.</p></fn></table-wrap-foot>
</table-wrap></sec></body></article>"""


def test_jats_table_keeps_header_spans_and_footnotes(tmp_path):
    doc = parse_jats(_JATS.encode(), doc_id="x")
    (t,) = doc.tables
    assert t.header_rows == 2
    assert t.grid
    assert (0, 1, 1, 2) in t.spans and (0, 0, 2, 1) in t.spans
    assert t.footnotes == ["* Syncope and hiccups."]
    a, b = t.footnote_spans[0]
    assert doc.text[a:b] == "* Syncope and hiccups."
    m = read_table(t)
    cols = m.columns
    assert [(c.arm, c.arm_n, c.period) for c in cols] == [
        ("Drug X", 30, "Cycle 1"),
        ("Control", 28, "Cycle 1"),
        ("Drug X", 30, "Cycles 2-6"),
        ("Control", 28, "Cycles 2-6"),
    ]
    rows = m.data_rows()
    assert [r.stub for r in rows] == ["Neutropenia", "Other"]
    assert rows[0].sections == ("Blood",)
    assert rows[1].marks == "*"
    counts = [c.count() for c in m.cells(rows[0])]
    assert counts == [(5, 16.7), None, (9, 30.0), (2, 7.1)]
    assert m.arm_columns() == {"Drug X": 30, "Control": 28}


# ---------------------------------------------------------------- text exports

_TEXT = """# Title

[TABLE] Table 2 Grade 3 and 4 events
H: Event | Alpha regimen | Beta regimen
H: N = 52 | N = 50
H: Grade 3 | Grade 4 | Grade 3 | Grade 4
H: n | % | n | % | n | % | n | %
Thrombocytopenia | 4 | 7.7 | 1 | 1.9 | – | – | 2 | 4.0
Mucositis | 3 | 5.8 | – | – | 0 | 0 | – | –
Note: Events graded by CTCAE v4.
Prose resumes here.
"""


def test_text_table_spreads_header_rows_over_the_body():
    doc = parse_text(_TEXT)
    (t,) = doc.tables
    assert t.header_rows == 4
    assert t.caption == "Table 2 Grade 3 and 4 events"
    assert t.footnotes == ["Events graded by CTCAE v4."]
    m = read_table(t)
    assert [(c.indices, c.arm, c.arm_n, c.grade, c.statistic) for c in m.columns] == [
        ((1, 2), "Alpha regimen", 52, "3", "n (%)"),
        ((3, 4), "Alpha regimen", 52, "4", "n (%)"),
        ((5, 6), "Beta regimen", 50, "3", "n (%)"),
        ((7, 8), "Beta regimen", 50, "4", "n (%)"),
    ]
    row = m.data_rows()[0]
    assert [c.count() for c in m.cells(row)] == [(4, 7.7), (1, 1.9), None, (2, 4.0)]
    # evidence: the row as printed
    a, b = t.row_spans[row.index]
    assert doc.text[a:b].startswith("Thrombocytopenia | 4 | 7.7")
    assert "Prose resumes" not in doc.text[t.char_start : t.char_end]


def test_text_table_groups_by_repeating_grade_labels_and_keeps_p_column():
    text = (
        "[TABLE] Table 3 Toxicity\n"
        "H:  | Arm one | Arm two | P\n"
        "H:  | G1-2 | G3 | G4 | G1-2 | G3 | G4 | \n"
        "Rash | 10 (20%) | 2 (4%) | .. | 8 (16%) | .. | .. | 0.61\n"
    )
    m = read_table(parse_text(text).tables[0])
    assert [(c.arm, c.grade, c.statistic) for c in m.columns] == [
        ("Arm one", "1-2", None),
        ("Arm one", "3", None),
        ("Arm one", "4", None),
        ("Arm two", "1-2", None),
        ("Arm two", "3", None),
        ("Arm two", "4", None),
        (None, None, "p"),
    ]


def test_grade_rows_under_a_term_row():
    text = (
        "[TABLE] Table 4 Haematological events\n"
        "H:  | Cohort 1 N (%) | Cohort 2 N (%)\n"
        "Thrombocytopenia\n"
        "I–II | 3 (10.0) | 5 (16.1)\n"
        "III–IV | 1 (3.3) | 0\n"
    )
    m = read_table(parse_text(text).tables[0])
    rows = m.data_rows()
    assert [(r.concept, r.grade.grade) for r in rows] == [
        ("Thrombocytopenia", "1-2"),
        ("Thrombocytopenia", "3-4"),
    ]
    assert m.columns[0].statistic == "n (%)"
    assert [c.count() for c in m.cells(rows[1])] == [(1, 3.3), None]


# ---------------------------------------------------------------- PDF-like rows


def test_pdf_like_rows_blank_after_a_spanning_label():
    t = Table(
        rows=[
            ["", "Treatment", "", "Observation", ""],
            ["Adverse event", "All grades", "Grade ≥3", "All grades", "Grade ≥3"],
            ["Fatigue", "20 (40%)", "3 (6%)", "12 (25%)", "0"],
        ],
        caption="Table 5. Adverse events",
    )
    m = read_table(t)
    assert m.header_rows == 2
    assert [(c.arm, c.grade, c.any_grade) for c in m.columns] == [
        ("Treatment", None, True),
        ("Treatment", ">=3", False),
        ("Observation", None, True),
        ("Observation", ">=3", False),
    ]
    assert [c.count() for c in m.cells(m.data_rows()[0])] == [
        (20, 40.0),
        (3, 6.0),
        (12, 25.0),
        None,
    ]


def test_caption_grade():
    t = Table(
        rows=[["", "A", "B"], ["Nausea", "2", "1"]], caption="Table 2. Grade 3 or 4 toxicities"
    )
    assert read_table(t).caption_grade == "3-4"


def test_outcome_table_estimates_and_p_values():
    t = Table(
        rows=[
            ["Endpoint", "Arm 1 (n=80)", "Arm 2 (n=79)", "HR (95% CI)", "P value"],
            ["Median PFS, months", "7.9 (6.1–9.0)", "5.2 (4.4–6.3)", "0.71 (0.52–0.97)", "0·03"],
            ["Weight change, kg", "-1.2 ± 3.4", "0.4 ± 2.9", "", "<0.001"],
        ]
    )
    m = read_table(t)
    arm1, arm2, hr, p = m.columns
    assert (arm1.arm, arm1.arm_n, hr.statistic, p.statistic) == ("Arm 1", 80, "hr (95% ci)", "p")
    assert hr.is_test and p.is_test and not arm1.is_test
    pfs, weight = m.data_rows()
    assert m.cell(pfs, arm1).estimate() == (7.9, 6.1, 9.0)
    assert m.cell(pfs, hr).estimate() == (0.71, 0.52, 0.97)
    assert m.cell(pfs, p).p_value() == 0.03
    assert m.cell(weight, arm1).dispersion() == (-1.2, 3.4)
    assert m.cell(weight, p).p_value() == 0.001
    assert m.cell(pfs, arm1).count() is None


def test_markdown_table_header_is_the_rows_above_the_separator():
    text = (
        "Table 6. Response by week\n\n"
        "| Week | 12 | 24 |\n"
        "|---|---|---|\n"
        "| Responders | 14 (35%) | 18 (45%) |\n"
    )
    (t,) = parse_text(text).tables
    assert t.header_rows == 1  # a header of numbers, which inference would read as data
    m = read_table(t)
    assert [c.labels for c in m.columns] == [("12",), ("24",)]
    assert [r.stub for r in m.data_rows()] == ["Responders"]


def test_a_short_table_note_is_not_a_back_matter_heading():
    from litkg.extractor.sections import SectionIndex

    text = (
        "# Trial\n\n## Results\n"
        "[TABLE] Table 1 Events\n"
        "H: Event | Arm 1 | Arm 2\n"
        "Rash | 4 | 2\n"
        "Note: values are n (%)\n"
        "Rash of grade 2 was seen in four patients.\n"
    )
    doc = parse_text(text)
    assert doc.tables[0].footnotes == ["values are n (%)"]
    after = text.index("Rash of grade 2")
    assert SectionIndex(doc).kind_at(after) == "results"


def test_population_headings_over_repeated_arms_are_groups():
    t = Table(
        rows=[
            ["", "Whole cohort", "", "Age ≥ 70 years", ""],
            ["", "Drug Z", "Usual care", "Drug Z", "Usual care"],
            ["Patients, n", "210", "205", "48", "51"],
            ["Fall", "12 (5.7)", "9 (4.4)", "6 (12.5)", "4 (7.8)"],
        ],
        caption="Table 3 Adverse events",
    )
    m = read_table(t)
    assert [(c.group, c.member, c.arm_n) for c in m.columns] == [
        ("Whole cohort", "Drug Z", 210),
        ("Whole cohort", "Usual care", 205),
        ("Age ≥ 70 years", "Drug Z", 48),
        ("Age ≥ 70 years", "Usual care", 51),
    ]
    assert m.columns[2].arm == "Age ≥ 70 years Drug Z"  # the whole name, as before
    # two arms under two names are not groups: "Group A" / "(regimen)" is one arm's name
    t2 = Table(
        rows=[
            ["", "Group A", "Group B"],
            ["", "(short course)", "(long course)"],
            ["Fall", "3", "2"],
        ]
    )
    assert [(c.group, c.member, c.arm) for c in read_table(t2).columns] == [
        (None, None, "Group A (short course)"),
        (None, None, "Group B (long course)"),
    ]


def test_interval_printed_without_a_separator() -> None:
    from litkg.extractor.tables.values import parse_value

    v = parse_value("-2·4 (-3·9 -0·8)")  # both bounds negative, minus signs attached
    assert (v.kind, v.value, v.low, v.high) == ("estimate", -2.4, -3.9, -0.8)
    v = parse_value("88.1 (12.6 163.0)")
    assert (v.kind, v.value, v.low, v.high) == ("estimate", 88.1, 12.6, 163.0)
    # a spaced hyphen is still a separator, and a misprinted bound is no interval
    v = parse_value("-2.4 (-3.9 - -0.8)")
    assert (v.low, v.high) == (-3.9, -0.8)
    assert parse_value("4.1 (07 7.5)").kind == "text"
    assert parse_value("6 (9 2)").kind == "text"  # bounds in the wrong order


@pytest.mark.parametrize(
    "cell, number, marks",
    [
        ("9.12c,d", 9.12, "c,d"),
        ("3.75 b, c, e", 3.75, "b, c, e"),
        ("14.2a–d", 14.2, "a–d"),
        ("0.88 b-c", 0.88, "b-c"),
    ],
)
def test_trailing_list_or_range_of_letter_marks_is_stripped(cell, number, marks):
    v = parse_value(cell)
    assert v.kind == "number" and v.value == number and v.marks == marks


def test_count_with_a_range_of_letter_marks_keeps_its_percent():
    v = parse_value("31 (27.4%)a–c")
    assert v.kind == "count" and v.n == 31 and v.percent == 27.4
