"""Tables ruled only by horizontal lines (booktabs), read from word positions.

The PDF is typeset here: a captioned booktabs table (top rule, mid rule under
a two-level header with a spanning cell, bottom rule, footnote below), a
stub wrapped over two lines, middle-dot decimals, and on the same page two
columns of prose between two rules, which must not become a table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.ingest.pdf import read_pdf

W, H = A4
ROWS = [
    ("Any adverse event", "41 (82%)", "30 (60%)", "0·04"),
    ("Headache", "12 (24%)", "7 (14%)", "0·21"),
    ("Nausea", "9 (18%)", "8 (16%)", "0·79"),
    ("Raised liver", "3 (6%)", "0", "0·24"),
    ("enzymes", None, None, None),
    ("Rash", "2 (4%)", "1 (2%)", "1·00"),
]
XS = [60, 220, 310, 400]


def make_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Times-Bold", 9)
    c.drawString(60, H - 60, "Table 3: Adverse events by group in the safety population")
    c.setLineWidth(0.8)
    c.line(60, H - 68, 460, H - 68)
    c.setFont("Times-Roman", 8.5)
    c.drawString(XS[1], H - 80, "Treatment groups")
    c.line(XS[1], H - 83, 380, H - 83)
    for x, head in zip(XS, ["Event", "Drops (n=50)", "Placebo (n=50)", "p value"], strict=True):
        c.drawString(x, H - 94, head)
    c.line(60, H - 98, 460, H - 98)
    y = H - 110
    for row in ROWS:
        for x, cell in zip(XS, row, strict=True):
            if cell:
                c.drawString(x + (8 if x == XS[0] and row[1] is None else 0), y, cell)
        y -= 11
    c.line(60, y + 6, 460, y + 6)
    c.setFont("Times-Roman", 7.5)
    c.drawString(60, y - 4, "Data are n (%). p values from Fisher's exact test.")
    # two columns of prose between two rules: no table
    top = y - 60
    c.line(60, top, 460, top)
    c.setFont("Times-Roman", 9)
    left = [
        "Sleep improved in most nurses who",
        "took the drops, and in a few who",
        "took placebo; the diaries agree",
        "with the wrist monitors on this.",
    ]
    right = [
        "Further trials should enrol more",
        "men and workers on rotating shifts",
        "and follow them for a whole year",
        "to see whether the effect lasts.",
    ]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        c.drawString(60, top - 14 - 11 * i, a)
        c.drawString(270, top - 14 - 11 * i, b)
    c.line(60, top - 14 - 11 * len(left), 460, top - 14 - 11 * len(left))
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("booktabs") / "booktabs.pdf"
    make_pdf(path)
    return read_pdf(path)


def test_booktabs_table_rows_header_caption_footnote(doc) -> None:
    assert len(doc.tables) == 1  # the prose between rules is not a table
    t = doc.tables[0]
    assert t.caption == "Table 3: Adverse events by group in the safety population"
    assert t.header_rows == 2
    assert t.rows[1] == ["Event", "Drops (n=50)", "Placebo (n=50)", "p value"]
    assert t.rows[0][1] == "Treatment groups"
    assert ["Headache", "12 (24%)", "7 (14%)", "0·21"] in t.rows
    assert ["Raised liver enzymes", "3 (6%)", "0", "0·24"] in t.rows  # wrapped stub joined
    assert t.footnotes == ["Data are n (%). p values from Fisher's exact test."]
    assert t.page == 1 and t.bbox is not None


def test_prose_between_rules_stays_prose(doc) -> None:
    assert "who took the drops, and in a few who took placebo" in doc.text.replace("\n", " ")


PRE_POST = [
    ("Pain score", "6·1 (1·9)", "4·2 (2·0)", "-1·9 (-2·6 -1·2)", "<0·01"),
    ("Sleep, h/night", "5·8 (1·1)", "6·4 (0·9)", "0·6 (0·1 1·1)", "0·02"),
    ("Steps per day", "4210 (950)", "5980 (1210)", "1770 (1210 2330)", "<0·01"),
]
PRE_POST_HEADER = [
    "Measure",
    "At enrolment mean (SD)",
    "After eight weeks mean (SD)",
    "Eight weeks minus enrolment (95% CI)",
    "p",
]


def test_wordy_header_row_split_into_its_columns(tmp_path: Path) -> None:
    """A header whose labels hold more words than a data row may (a single-group
    pre/post table, CIs printed without a separator) keeps one label a column."""
    path = tmp_path / "prepost.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    xs = [50, 150, 270, 390, 530]
    c.setFont("Helvetica-Bold", 8)
    c.drawString(50, H - 50, "Table 2 Change in symptoms from enrolment to eight weeks")
    c.setLineWidth(0.6)
    c.line(50, H - 58, 545, H - 58)
    c.setFont("Helvetica", 7)
    for x, head in zip(xs, PRE_POST_HEADER, strict=True):
        c.drawString(x, H - 68, head)
    c.line(50, H - 72, 545, H - 72)
    y = H - 84
    for row in PRE_POST:
        for x, cell in zip(xs, row, strict=True):
            c.drawString(x, y, cell)
        y -= 12
    c.line(50, y + 6, 545, y + 6)
    c.showPage()
    c.save()
    doc = read_pdf(path)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.rows[0] == PRE_POST_HEADER
    assert [list(r) for r in PRE_POST] == t.rows[1:]
