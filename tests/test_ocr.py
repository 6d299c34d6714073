"""Scanned, image-only PDFs: OCR with Tesseract, pages marked as OCR.

The OCR tests skip (saying why) when the `tesseract` CLI is not installed;
CI installs it with `apt-get install -y --no-install-recommends tesseract-ocr`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.ingest import ocr as ocr_mod
from litkg.extractor.ingest.pdf import read_pdf
from litkg.extractor.parallel import Extracted, doc_meta, extract_one

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PAGES = [
    [
        "Blinatumomab maintenance after transplantation",
        "Patients received blinatumomab 28 ug/day",
        "by continuous infusion for four cycles.",
    ],
    [
        "Results",
        "Complete remission was achieved by 15 of 24",
        "patients. Median follow-up was 14 months.",
    ],
]

needs_tesseract = pytest.mark.skipif(
    not ocr_mod.ocr_available(),
    reason="tesseract is not installed (apt-get install -y tesseract-ocr): OCR not tested",
)


def make_scanned_pdf(path: Path, pages: list[list[str]] = PAGES) -> None:
    """A PDF whose pages are raster images of rendered text (no text layer)."""
    pytest.importorskip("PIL")
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    if not FONT.is_file():
        pytest.skip(f"{FONT} is missing (apt-get install fonts-dejavu-core)")
    font = ImageFont.truetype(str(FONT), 40)
    c = canvas.Canvas(str(path), pagesize=A4)
    w_pt, h_pt = A4
    for lines in pages:
        # 200 dpi over the top third of the page
        img = Image.new("L", (int(w_pt / 72 * 200), 900), 255)
        draw = ImageDraw.Draw(img)
        for k, line in enumerate(lines):
            draw.text((120, 80 + 90 * k), line, fill=0, font=font)
        c.drawImage(ImageReader(img), 0, h_pt - 900 * 72 / 200, width=w_pt, height=900 * 72 / 200)
        c.showPage()
    c.save()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "scanned_trial.pdf"
    make_scanned_pdf(path)
    return path


def test_the_scan_has_no_text_layer(scanned: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned))
    try:
        assert all(not pdf[i].get_textpage().get_text_range().strip() for i in range(len(pdf)))
    finally:
        pdf.close()


@needs_tesseract
def test_ocr_reads_the_words_and_marks_the_pages(scanned: Path) -> None:
    doc = read_pdf(scanned)
    assert doc.source_format == "pdf" and doc.n_pages == 2
    assert all(p.ocr for p in doc.pages)
    words = set(doc.text.lower().replace(".", " ").split())
    for w in ("blinatumomab", "maintenance", "transplantation", "infusion", "remission", "24"):
        assert w in words, (w, doc.text)
    # page ranges cut the text at the page break
    first = doc.text[doc.pages[0].char_start : doc.pages[0].char_end]
    second = doc.text[doc.pages[1].char_start : doc.pages[1].char_end]
    assert "infusion" in first and "Results" in second and "Results" not in first
    # a paragraph's lines are one string (no line breaks inside a paragraph)
    assert "Patients received blinatumomab" in doc.text
    ocr = doc.metadata["ocr"]
    assert ocr["engine"].startswith("tesseract") and ocr["lang"] == "eng"
    assert all(c is not None and c > 50 for c in ocr["confidence"].values())


@needs_tesseract
def test_ocr_pages_reach_the_build_provenance(scanned: Path) -> None:
    res = extract_one(str(scanned))
    assert isinstance(res, Extracted), res
    assert res.doc_meta["ocr_pages"] == [1, 2]
    assert res.doc_meta["ocr_engine"].startswith("tesseract")
    assert doc_meta(load_document(scanned))["ocr_pages"] == [1, 2]


@needs_tesseract
def test_a_scan_without_text_is_still_an_error(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "blank_scan.pdf"
    img = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 180, 80), outline="black")
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(img), 50, 500, width=400, height=200)
    c.showPage()
    c.save()
    with pytest.raises(IngestError, match="OCR found no text"):
        read_pdf(path)


def test_without_tesseract_the_error_names_the_package(
    scanned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_mod, "tesseract_path", lambda: None)
    with pytest.raises(IngestError) as info:
        read_pdf(scanned)
    assert info.value.reason == "no text layer (scanned/image-only PDF)"
    assert "apt-get install tesseract-ocr" in (info.value.hint or "")


def test_tsv_parsing_joins_lines_and_hyphenated_words() -> None:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        (5, 1, 1, 1, "Treat-", 90),
        (5, 1, 1, 2, "ment", 80),
        (5, 1, 1, 2, "was", 70),
        (5, 1, 1, 3, "well-", 96),
        (5, 1, 1, 4, "Tolerated.", 60),
        (4, 1, 1, 4, "", -1),
        (5, 2, 1, 1, "Results", -1),
    ]
    lines = [head] + [
        f"{lv}\t1\t{b}\t{p}\t{ln}\t1\t0\t0\t1\t1\t{conf}\t{text}"
        for lv, b, p, ln, text, conf in rows
    ]
    paragraphs, conf = ocr_mod._parse_tsv("\n".join(lines) + "\n")
    assert paragraphs == ["Treatment was well- Tolerated.", "Results"]
    assert conf == 79.2
