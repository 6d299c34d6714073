"""Tests of the PDF reader on PDFs typeset here with reportlab.

The "journal" PDF is three pages: a full-width title block over two
columns, running header and footer with page numbers, superscript citations
(``survival¹⁴``, ``85%¹⁴``), line-end hyphens (``transplan-``/``tation``
joined, ``single-``/``arm`` kept), a ruled full-width table with caption and
a reference list. The bad inputs are made by the tests too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.ingest.pdf import read_pdf
from litkg.extractor.ingest.pdf_text import Vocabulary, hyphen_join

W, H = letter
LEFT_X, RIGHT_X, COL_W = 50.0, 322.0, 240.0
FONT, SIZE, LEAD = "Times-Roman", 10.0, 12.0
HEADER = "Journal of Synthetic Trials 2024;12:101-103"

LEFT_1 = [
    "Allogeneic hematopoietic cell transplantation is a curative",
    "option for many patients with leukemia. Relapse after",
    "transplantation remains the main cause of failure, and the",
    "overall survival",  # + superscript 14 then rest
    "at two years was 85%",  # + superscript 14
    "of patients in earlier series. We designed a single-",
    "arm study of maintenance after transplan-",
    "tation with a new agent given monthly.",
]
RIGHT_1 = [
    "The single-arm design was chosen because a randomised",
    "comparison was not feasible in this rare population. The",
    "primary endpoint was relapse at one year. Secondary end-",
    "points included toxicity, overall survival and quality of",
    "life. Patients were treated in five centres.",
]
LEFT_2 = [
    "Twenty patients were enrolled. Median age was 41 years.",
    "Grade 3 toxicity occurred in 4 patients and no deaths were",
    "attributed to the agent. The relapse rate was lower than in",
    "historical controls, and the endpoints were met.",
]
RIGHT_2 = [
    "Maintenance after transplantation appears safe. Larger",
    "trials are needed to confirm the benefit on survival in",
    "this population of patients with leukemia.",
]
TABLE = [
    ["Characteristic", "Treated (n=20)", "Control (n=36)"],
    ["Age, median (range)", "41 (18-66)", "44 (19-70)"],
    ["Male, n (%)", "12 (60)", "20 (56)"],
    ["Relapse, n (%)", "3 (15)", "14 (39)"],
]
CAPTION = "Table 1. Baseline characteristics of the patients."
REFS = [
    "1. Smith J, Doe A. Transplantation outcomes. Blood 2020;1:1-10.",
    "2. Roe B. Maintenance therapy. Lancet 2021;2:11-20.",
]


@dataclass
class Made:
    """What was typeset, for the assertions."""

    path: Path
    lines_in_order: list[str] = field(default_factory=list)


def _column(c: canvas.Canvas, x: float, y: float, lines: list[str]) -> float:
    for text in lines:
        c.setFont(FONT, SIZE)
        c.drawString(x, y, text)
        end = x + stringWidth(text, FONT, SIZE)
        if text in ("overall survival", "at two years was 85%"):
            c.setFont(FONT, 6)
            c.drawString(end + 0.5, y + 4, "14")
            if text == "overall survival":
                c.setFont(FONT, SIZE)
                c.drawString(end + 9, y, "was poor in most reports,")
        y -= LEAD
    return y


def _running(c: canvas.Canvas, page: int) -> None:
    c.setFont("Helvetica", 8)
    c.drawString(LEFT_X, H - 30, HEADER)
    c.drawRightString(W - 50, 30, str(page))


def make_journal_pdf(path: Path) -> Made:
    """Typeset the three-page two-column test paper."""
    c = canvas.Canvas(str(path), pagesize=letter)
    # page 1: full-width title block, then two columns
    _running(c, 1)
    c.setFont("Times-Bold", 16)
    c.drawString(LEFT_X, H - 80, "Maintenance after transplantation: a single-arm trial")
    c.setFont(FONT, 11)
    c.drawString(LEFT_X, H - 100, "Ann Author, Bob Writer and Cat Scholar")
    top = H - 140
    _column(c, LEFT_X, top, LEFT_1)
    _column(c, RIGHT_X, top, RIGHT_1)
    c.showPage()
    # page 2: caption + ruled full-width table on top, two columns below
    _running(c, 2)
    c.setFont(FONT, SIZE)
    c.drawString(LEFT_X, H - 70, CAPTION)
    xs = [LEFT_X, 250.0, 400.0, W - 50]
    ys = [H - 80 - i * 18 for i in range(len(TABLE) + 1)]
    c.setLineWidth(0.5)
    c.grid(xs, ys)
    for r, row in enumerate(TABLE):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 13, cell)
    top = ys[-1] - 30
    _column(c, LEFT_X, top, LEFT_2)
    _column(c, RIGHT_X, top, RIGHT_2)
    c.showPage()
    # page 3: references (one column) with header/footer
    _running(c, 3)
    c.setFont("Times-Bold", 11)
    c.drawString(LEFT_X, H - 80, "References")
    _column(c, LEFT_X, H - 100, REFS)
    c.showPage()
    c.save()
    order = [*LEFT_1, *RIGHT_1, *LEFT_2, *RIGHT_2, *REFS]
    return Made(path, order)


def make_image_only_pdf(path: Path) -> None:
    """A page holding only a raster image (a 'scan')."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 180, 80), outline="black")
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(img), 50, 500, width=400, height=200)
    c.showPage()
    c.save()


def make_encrypted_pdf(path: Path) -> None:
    """A PDF that needs the user password "pw"."""
    c = canvas.Canvas(str(path), pagesize=letter, encrypt="pw")
    c.drawString(100, 700, "Secret text")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Made, object]:
    path = tmp_path_factory.mktemp("pdf") / "journal.pdf"
    made = make_journal_pdf(path)
    return made, read_pdf(path)


def test_doc_id_pages_and_format(journal) -> None:
    made, doc = journal
    assert doc.doc_id == "journal"
    assert doc.source_format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert all(p.width == pytest.approx(W) and p.height == pytest.approx(H) for p in doc.pages)
    assert doc.pages[0].char_start == 0 and doc.pages[-1].char_end == len(doc.text)
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert a.char_end <= b.char_start
    assert doc.page_at(doc.text.index("Twenty patients")) == 2
    assert doc.page_at(doc.text.index("Roe B.")) == 3


def test_two_column_reading_order(journal) -> None:
    made, doc = journal
    text = doc.text
    marks = [
        "Maintenance after transplantation: a single-arm trial",
        "Allogeneic hematopoietic",
        "with a new agent given monthly.",
        "The single-arm design",
        "Patients were treated in five centres.",
        "Table 1. Baseline",
        "Characteristic\t",
        "Twenty patients were enrolled.",
        "Maintenance after transplantation appears safe.",
        "References",
        "Roe B.",
    ]
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)
    # a column's lines are joined into one paragraph, not interleaved with the other column
    assert "comparison was not feasible in this rare population" in text
    assert "is a curative option for many patients" in text


def test_running_header_footer_dropped(journal) -> None:
    _, doc = journal
    assert "Journal of Synthetic Trials" not in doc.text
    assert not re.search(r"(?m)^\s*[123]\s*$", doc.text)
    # the header is where the citation is printed: it is read into the metadata
    assert doc.metadata["journal"] == "Journal of Synthetic Trials"
    assert (doc.metadata["year"], doc.metadata["volume"]) == (2024, "12")
    assert (doc.metadata["fpage"], doc.metadata["lpage"]) == ("101", "103")


def test_hyphenation(journal) -> None:
    _, doc = journal
    assert "after transplantation with a new agent" in doc.text  # rejoined
    assert "transplan-" not in doc.text and "transplan tation" not in doc.text
    assert "a single-arm study" in doc.text  # real hyphen kept
    assert "Secondary endpoints included" in doc.text  # "endpoint" elsewhere


def test_superscripts_kept_apart(journal) -> None:
    _, doc = journal
    assert "overall survival¹⁴ was poor" in doc.text
    assert "85%¹⁴ of patients" in doc.text
    assert "85%14" not in doc.text and "survival14" not in doc.text


def test_table_extracted(journal) -> None:
    _, doc = journal
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.rows == TABLE
    assert t.page == 2
    assert t.caption == CAPTION
    x0, top, x1, bottom = t.bbox
    assert x0 == pytest.approx(50, abs=2) and x1 == pytest.approx(W - 50, abs=2)
    assert top == pytest.approx(80, abs=2) and bottom == pytest.approx(80 + 4 * 18, abs=2)
    rendering = "\n".join("\t".join(r) for r in TABLE)
    assert doc.text[t.char_start : t.char_end] == rendering
    for (a, b), row in zip(t.row_spans, TABLE, strict=True):
        assert doc.text[a:b] == "\t".join(row)
    # the table's words are not repeated as prose
    assert doc.text.count("Treated (n=20)") == 1
    assert doc.text.count("44 (19-70)") == 1


def test_load_document_dispatches_pdf(journal) -> None:
    made, _ = journal
    assert load_document(made.path).source_format == "pdf"


@pytest.mark.parametrize(
    ("left", "right", "words", "compounds", "joined"),
    [
        ("transplan-", "tation", {"transplantation"}, set(), True),
        ("single-", "arm", {"single", "arm"}, set(), False),
        ("open-", "label", set(), {"open-label"}, False),
        ("signifi-", "cantly", set(), set(), True),
        ("COVID-", "19", set(), set(), False),
        ("anti-", "CD19", set(), set(), False),
        ("in-", "activity", {"in", "activity"}, set(), True),
    ],
)
def test_hyphen_rule(left, right, words, compounds, joined) -> None:
    assert hyphen_join(left, right, Vocabulary(set(words), set(compounds))) is joined


def _expect_error(path: Path, reason: str) -> IngestError:
    with pytest.raises(IngestError) as info:
        read_pdf(path)
    assert reason in info.value.reason
    assert info.value.path == str(path)
    assert info.value.hint
    with pytest.raises(IngestError):
        load_document(path)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    _expect_error(p, "empty file")


def test_not_a_pdf(tmp_path: Path) -> None:
    p = tmp_path / "page.pdf"
    p.write_text("<!DOCTYPE html><html><body>Access denied</body></html>")
    err = _expect_error(p, "not a PDF")
    assert "HTML" in err.reason


def test_truncated(journal, tmp_path: Path) -> None:
    made, _ = journal
    data = made.path.read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 2])
    _expect_error(p, "truncated")


def test_corrupt(tmp_path: Path) -> None:
    p = tmp_path / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    _expect_error(p, "corrupt PDF")


def test_encrypted(tmp_path: Path) -> None:
    p = tmp_path / "locked.pdf"
    make_encrypted_pdf(p)
    _expect_error(p, "encrypted")


def test_image_only(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    make_image_only_pdf(p)
    err = _expect_error(p, "no text layer (scanned/image-only PDF)")
    assert "OCR" in err.hint
