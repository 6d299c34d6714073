"""Vector paths read once per page (`pdf_paths`) feed the table rules and the
side boxes; checked on a page drawn here, by hand-worked coordinates."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.ingest.pdf_boxes import page_boxes
from litkg.extractor.ingest.pdf_paths import read_paths
from litkg.extractor.ingest.pdf_tables import page_edges
from litkg.extractor.ingest.pdf_text import Vocabulary

HEIGHT = A4[1]


def _draw(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.line(100, 700, 400, 700)  # a rule
    c.line(120, 500, 120, 560)  # a vertical rule
    c.line(100, 650, 101, 650)  # too short for an edge
    c.setFillColorRGB(0.9, 0.9, 1.0)
    c.rect(300, 200, 200, 100, stroke=0, fill=1)  # a shaded panel
    c.setFillColorRGB(1, 1, 1)
    c.rect(50, 50, 200, 100, stroke=0, fill=1)  # white: a mask, no panel
    c.saveState()
    c.translate(0, -100)  # moved by the matrix
    c.line(100, 400, 250, 400)
    c.restoreState()
    c.showPage()
    c.save()


def test_paths_give_rules_and_panels(tmp_path: Path) -> None:
    pdf_path = tmp_path / "paths.pdf"
    _draw(pdf_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        paths = read_paths(page, HEIGHT, 0.0)
        edges = page_edges(paths)
        boxes = page_boxes(paths, *page.get_size())
        page.close()
    finally:
        pdf.close()
    h = sorted(
        (round(e["x0"]), round(e["x1"]), round(e["top"])) for e in edges if e["orientation"] == "h"
    )
    v = [
        (round(e["x0"]), round(e["top"]), round(e["bottom"]))
        for e in edges
        if e["orientation"] == "v"
    ]
    top = round(HEIGHT)
    assert (100, 400, top - 700) in h
    assert (100, 250, top - 300) in h  # the translated rule
    assert (120, top - 560, top - 500) in v
    assert not any(x1 - x0 < 3 for x0, x1, _ in h)
    assert [tuple(round(x) for x in b) for b in boxes] == [(300, top - 300, 500, top - 200)]


def test_starts_word_finds_longer_words_only() -> None:
    vocab = Vocabulary()
    vocab.add("cohorts cohesion cohabit")
    assert vocab.starts_word("coh")  # three longer words
    assert vocab.starts_word("coho")  # "cohorts": three letters longer
    assert not vocab.starts_word("cohort")  # "cohorts" is one letter longer: not counted
    assert not vocab.starts_word("cohorts")  # itself only
    assert not vocab.starts_word("cohortz")
    vocab.add("cohortsize")  # a word added after a look-up counts
    assert vocab.starts_word("cohort")
    assert not vocab.starts_word("zebra")
