"""Ruled tables whose caption and notes are typeset inside the frame.

Some journals box a table completely: the caption is the frame's first cell
(across all columns) and the notes its last. The PDF is typeset here in such
a style (Helvetica, every cell ruled, the caption band shaded): an outcomes
table of a two-arm trial of a walking programme, the control printed first,
one row marked with a note that calls it a serious adverse event, middle-dot
decimals and a U+2212 minus. The caption must become the table's caption and
the notes its footnotes (rendered after the rows, as JATS renders them), so
the header is read as a header and only the row the note names becomes an
adverse event.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.components.ae_tables import table_adverse_events
from litkg.extractor.ingest.pdf import read_pdf
from litkg.extractor.tables import read_table

W, H = A4
CAPTION = "Table 3 | Outcomes at 12 weeks by trial arm"
HEADER = ["Outcome", "Usual care (n=120)", "Walking (n=118)", "Difference (95% CI)"]
BODY = [
    ["Mean (SD) systolic pressure (mm Hg)", "141·2 (12·0)", "136·9 (11·4)", "−4·3 (−7·1 to −1·5)"],
    ["Falls, n (%)", "14 (12)", "9 (8)", "−4 (−11 to 3)"],
    ["Hip fracture†, n (%)", "3 (3)", "1 (1)", "—"],
]
NOTE = (
    "†Defined before the trial as a serious adverse event. Differences are walking minus "
    "usual care, adjusted for centre."
)
XS = [40, 230, 330, 430, 555]


def make_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 50, "Participants walked three times a week for twelve weeks.")
    top = H - 70
    row_h = 16
    n_rows = 2 + len(BODY) + 1  # caption, header, body, note
    bottom = top - row_h * n_rows - 10  # the note row is taller
    c.setFillGray(0.85)
    c.rect(XS[0], top - row_h, XS[-1] - XS[0], row_h, stroke=0, fill=1)
    c.setFillGray(0)
    c.setLineWidth(0.5)
    # horizontal rules: frame, under the caption, under each row
    ys = [top - row_h * k for k in range(n_rows)] + [bottom]
    for y in ys:
        c.line(XS[0], y, XS[-1], y)
    # vertical rules: the frame; column rules only across the header and body rows
    c.line(XS[0], top, XS[0], bottom)
    c.line(XS[-1], top, XS[-1], bottom)
    for x in XS[1:-1]:
        c.line(x, top - row_h, x, top - row_h * (n_rows - 1))
    c.setFont("Helvetica-Bold", 8)
    c.drawString(XS[0] + 3, top - row_h + 5, CAPTION)
    c.setFont("Helvetica", 7.5)
    for r, row in enumerate([HEADER, *BODY], start=1):
        y = top - row_h * (r + 1) + 5
        for x, cell in zip(XS, row, strict=False):
            c.drawString(x + 3, y, cell)
    y = top - row_h * (n_rows - 1) - 10
    c.setFont("Helvetica", 7)
    words = NOTE.split()
    half = len(words) // 2
    c.drawString(XS[0] + 3, y, " ".join(words[:half]))
    c.drawString(XS[0] + 3, y - 9, " ".join(words[half:]))
    c.setFont("Helvetica", 9)
    c.drawString(40, bottom - 30, "Blood pressure fell more with walking than with usual care.")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("framed") / "framed.pdf"
    make_pdf(path)
    return read_pdf(path)


def test_caption_and_notes_inside_the_frame_are_not_rows(doc) -> None:
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.caption == CAPTION
    assert t.rows == [HEADER, *BODY]
    assert t.footnotes == [NOTE]
    # the caption precedes the rows in the text, the note follows them, both verbatim
    before = doc.text[: t.char_start]
    assert before.rstrip("\n").endswith(CAPTION)
    assert [doc.text[a:b] for a, b in t.footnote_spans] == [NOTE]
    assert doc.text[t.char_start : t.char_end] == "\n".join("\t".join(r) for r in t.rows)
    assert doc.text.count(CAPTION) == 1


def test_header_read_as_header(doc) -> None:
    model = read_table(doc.tables[0])
    assert model.header_rows == 1
    arms = model.arm_columns()
    assert arms == {"Usual care": 120, "Walking": 118}


def test_only_the_row_a_note_names_is_an_adverse_event(doc) -> None:
    events = table_adverse_events(doc.tables[0])
    got = sorted((e.match.term, e.match.n, e.match.arm) for e in events)
    # "Falls" is an outcome here; the note makes only the hip fracture an adverse event
    assert [t for t, _n, _a in got] == ["hip fracture", "hip fracture"]
    assert {(n, a) for _t, n, a in got} == {(3, "Usual care"), (1, "Walking")}
