"""Vector paths read once per page (`pdf_paths`) feed the table rules and the
side boxes; checked on a page drawn here, by hand-worked coordinates."""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.ingest import pdf_paths
from litkg.extractor.ingest.pdf_boxes import page_boxes
from litkg.extractor.ingest.pdf_paths import bulk_segments, read_paths
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


def _draw_figure(path: Path) -> None:
    """Paths of many segments, as a figure has: a closed polygon, circles
    (Bezier curves), a stroked polyline, a rectangle, one inside a form."""
    c = canvas.Canvas(str(path), pagesize=A4)
    p = c.beginPath()
    p.moveTo(100, 100)
    for x, y in ((180, 100), (180, 160), (140, 190), (100, 160)):
        p.lineTo(x, y)
    p.close()
    c.drawPath(p, stroke=1, fill=1)
    for i in range(5):
        c.circle(250 + 20 * i, 400, 4.5, stroke=1, fill=1)
    p = c.beginPath()
    p.moveTo(60, 600)
    for i in range(1, 40):
        p.lineTo(60 + 10 * i, 600 + (i % 7) * 3.25)
    c.drawPath(p, stroke=1, fill=0)
    c.rect(300, 200, 200, 100, stroke=1, fill=0)
    c.beginForm("marker")
    c.circle(10, 10, 3, stroke=1, fill=0)
    c.endForm()
    c.saveState()
    c.translate(400, 500)
    c.doForm("marker")
    c.restoreState()
    c.showPage()
    c.save()


def _api_segments(obj: Any) -> tuple[list[tuple[float, float]], list[int], list[bool]]:
    """A path's segments read one by one through pdfium's public API."""
    x, y = ctypes.c_float(), ctypes.c_float()
    points, kinds, closes = [], [], []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        assert pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        points.append((x.value, y.value))
        kinds.append(pdfium_c.FPDFPathSegment_GetType(seg))
        closes.append(bool(pdfium_c.FPDFPathSegment_GetClose(seg)))
    return points, kinds, closes


def _path_handles(page: pdfium.PdfPage) -> list[Any]:
    return [o.raw for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3)]


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value


def test_segments_read_in_one_copy_are_those_of_the_api(tmp_path: Path) -> None:
    pdf_path = tmp_path / "figure.pdf"
    _draw_figure(pdf_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        handles = _path_handles(page)
        long_paths = 0
        for h in handles:
            points, kinds, closes = _api_segments(h)
            if len(points) < 3:
                continue
            long_paths += 1
            bulk = bulk_segments(_address(h), len(points))
            assert bulk is not None  # pdfium's point array as this module expects it
            xs, ys, bkinds, bcloses = bulk
            assert list(zip(xs, ys, strict=True)) == points
            assert (bkinds, bcloses) == (kinds, closes)
        assert long_paths >= 8  # polygon, 5 circles, polyline, rectangle, the form's circle
        assert {1, 2} <= {k for h in handles for k in _api_segments(h)[1]}  # curves, moves
        page.close()
    finally:
        pdf.close()


def test_paths_are_the_same_when_the_copy_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf_path = tmp_path / "figure.pdf"
    _draw_figure(pdf_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        fast = read_paths(page, HEIGHT, 10.0)
        monkeypatch.setattr(pdf_paths, "_STRIDE", 16)  # a layout other than pdfium's
        h = next(h for h in _path_handles(page) if len(_api_segments(h)[0]) >= 3)
        assert bulk_segments(_address(h), len(_api_segments(h)[0])) is None
        slow = read_paths(page, HEIGHT, 10.0)
        page.close()
    finally:
        pdf.close()
    assert len(fast) >= 9
    assert [(p.fill, p.stroke, p.colour, p.points, p.kinds, p.closes) for p in fast] == [
        (p.fill, p.stroke, p.colour, p.points, p.kinds, p.closes) for p in slow
    ]
    polygon = fast[0]
    assert polygon.points[:2] == [(90.0, HEIGHT - 100), (170.0, HEIGHT - 100)]
    assert polygon.closes[-1]


def test_compounds_are_whole_hyphenated_words() -> None:
    vocab = Vocabulary()
    vocab.add("Well-being of non-small-cell cases; 3-fold x-rays, a_b-c and -led\nre-\nsected")
    # no compound across a line break, none begun inside a word or after a digit
    assert vocab.compounds == {"well-being", "non-small-cell", "x-rays", "b-c"}
    assert "being" in vocab.words and "fold" in vocab.words


def test_edges_follow_subpaths_and_closes() -> None:
    import numpy as np

    from litkg.extractor.ingest.pdf_paths import PagePaths

    move, line, curve = (
        pdfium_c.FPDF_SEGMENT_MOVETO,
        pdfium_c.FPDF_SEGMENT_LINETO,
        pdfium_c.FPDF_SEGMENT_BEZIERTO,
    )
    points = [
        # a square's three sides, closed after the second, then a line from its start
        ((0, 0), move, False),
        ((10, 0), line, False),
        ((10, 10), line, True),  # closing: a diagonal back to (0, 0), no edge
        ((0, 10), line, False),  # from (0, 0), the subpath's start after the close
        # a new path: its first point starts it whatever its type
        ((0, 50), line, False),
        ((20, 50.2), line, False),
        # a curve closed: the closing segment is an edge
        ((100, 100), move, False),
        ((200, 100), curve, True),
    ]
    paths = PagePaths(
        np.array([float(p[0][0]) for p in points]),
        np.array([float(p[0][1]) for p in points]),
        np.array([p[1] for p in points]),
        np.array([p[2] for p in points]),
        np.array([0, 4, 6, 8]),
        [1, 1, 1],
        [0, 0, 0],
        [None, None, None],
    )
    got = [(e["orientation"], e["x0"], e["x1"], e["top"], e["bottom"]) for e in page_edges(paths)]
    assert got == [
        ("h", 0.0, 10.0, 0.0, 0.0),
        ("v", 10.0, 10.0, 0.0, 10.0),
        ("v", 0.0, 0.0, 0.0, 10.0),
        ("h", 0.0, 20.0, 50.1, 50.1),
        ("h", 100.0, 200.0, 100.0, 100.0),
    ]
    assert [len(p.points) for p in paths] == [4, 2, 2]
