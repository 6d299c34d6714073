"""PDF -> `Document`: pdfium for text, layout and rules; pdfplumber's table finder.

Pipeline per page (see the modules for the rules):

1. `pdf_chars` (the rules) and `pdf_words` (read in bulk): pdfium characters
   -> words (spaces from glyph gaps);
   `pdf_glyphs` repairs ligatures over the whole document.
2. `pdf_tables`: the page's ruling lines (pdfium paths) go through
   pdfplumber's `TableFinder`; words inside a table become its cells, not prose.
   `pdf_aligned` finds the tables ruled only horizontally (booktabs) or set in
   a box, their columns from word positions.
3. `pdf_layout`: superscripts attached to their word, words -> lines,
   running headers/footers and page numbers dropped, margin columns marked as side blocks, XY-cut
   reading order over lines and tables (columns detected per region).
   `pdf_meta` reads title, DOI, journal, year, volume and pages from the
   first page and the running lines into `Document.metadata`.
4. `pdf_text`: lines -> paragraphs with line-end hyphens resolved; tables
   rendered as tab-separated rows; page ranges recorded.

Unreadable input raises one `IngestError` with a reason and a hint.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from litkg.extractor.document import Document, IngestError
from litkg.extractor.ingest import doc_id_for
from litkg.extractor.ingest.pdf_aligned import find_aligned_tables
from litkg.extractor.ingest.pdf_boxes import Panel, Rect, expand_panels, find_panels, page_boxes
from litkg.extractor.ingest.pdf_chars import PageChars
from litkg.extractor.ingest.pdf_glyphs import repair_ligatures
from litkg.extractor.ingest.pdf_layout import (
    MIN_GUTTER,
    Line,
    attach_scripts,
    build_lines,
    common_size,
    mark_margin_columns,
    merge_weights,
    reading_order,
    size_weights,
    split_running,
)
from litkg.extractor.ingest.pdf_meta import read_metadata
from litkg.extractor.ingest.pdf_paths import read_paths
from litkg.extractor.ingest.pdf_tables import (
    TableBlock,
    attach_captions,
    fill_tables,
    find_table_blocks,
    page_edges,
)
from litkg.extractor.ingest.pdf_text import PageLayout, assemble
from litkg.extractor.ingest.pdf_words import read_page_words

log = logging.getLogger(__name__)

OCR_HINT = (
    "install Tesseract OCR to read it (Debian/Ubuntu: `apt-get install tesseract-ocr`), "
    "or run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then ingest the result"
)


def check_file(path: Path) -> None:
    """Raise `IngestError` for files that cannot be a complete PDF."""
    size = path.stat().st_size
    if size == 0:
        raise IngestError(str(path), "empty file (0 bytes)", "re-download or re-export the PDF")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        kind = _sniff(head)
        raise IngestError(
            str(path),
            f"not a PDF (no %PDF header; looks like {kind})",
            "the file has a .pdf suffix but other content; fetch the real PDF",
        )
    # no %%EOF near the end (bytes appended after it, or a file cut short) is
    # judged by pdfium: only a file it cannot open is called truncated (open_pdf)


def _has_eof(path: Path) -> bool:
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 4096))
        return b"%%EOF" in fh.read()


def _sniff(head: bytes) -> str:
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "XML/markup"
    if head.startswith(b"PK"):
        return "a ZIP archive"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    try:
        head.decode("utf-8")
        return "plain text"
    except UnicodeDecodeError:
        return "binary data"


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open with pdfium, turning load failures into `IngestError`."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise IngestError(
                str(path),
                "encrypted PDF (password required)",
                "remove the password first, e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`",
            ) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise IngestError(
                str(path), "unsupported PDF security handler", "re-save it without encryption"
            ) from exc
        if not _has_eof(path):
            raise IngestError(
                str(path),
                "truncated PDF (no %%EOF end marker, and it cannot be parsed)",
                "the download or copy was cut short; fetch the file again",
            ) from exc
        raise IngestError(
            str(path), "corrupt PDF (cannot be parsed)", "re-download or re-export the PDF"
        ) from exc


def _read_pages(
    path: Path, pdf: pdfium.PdfDocument
) -> tuple[list[PageChars], dict[int, list[TableBlock]], dict[int, list[Rect]], dict[int, list]]:
    """Words of every page, the ruled tables (cell boxes), side boxes and rules by 1-based page."""
    pages: list[PageChars] = []
    tables: dict[int, list[TableBlock]] = {}
    boxes: dict[int, list[Rect]] = {}
    rules: dict[int, list] = {}
    skipped: list[int] = []
    for i in range(len(pdf)):
        try:
            page = pdf[i]
        except pdfium.PdfiumError:
            skipped.append(i + 1)  # one unloadable page costs that page, not the paper
            continue
        try:
            pc = read_page_words(page, i + 1)
            pages.append(pc)
            if pc.words:
                left, bottom, _right, top = page.get_mediabox()
                y_top = top if top > bottom else bottom + pc.height
                paths = read_paths(page, y_top, left)
                edges = page_edges(paths)
                tables[pc.number] = find_table_blocks(edges, pc.width, pc.height)
                boxes[pc.number] = page_boxes(paths, *page.get_size())
                rules[pc.number] = [e for e in edges if e["orientation"] == "h"]
        finally:
            page.close()
    if skipped and not pages:
        raise IngestError(
            str(path), f"corrupt PDF (no page can be loaded: {len(skipped)})", "re-export the PDF"
        )
    if skipped:
        log.warning("%s: skipped unloadable page(s) %s", path, ", ".join(map(str, skipped)))
    return pages, tables, boxes, rules


#: litkg's own limit on one paper's pages, checked before any page is read: a
#: trial report is tens of pages; thousands mean a proceedings volume or a thesis.
DEFAULT_MAX_PAGES = 500
MAX_PAGES_ENV = "LITKG_MAX_PAGES"


def max_pages() -> int | None:
    """The page limit per PDF (`LITKG_MAX_PAGES`; 0 turns it off)."""
    raw = os.environ.get(MAX_PAGES_ENV, "").strip().replace("_", "")
    try:
        n = int(float(raw)) if raw else DEFAULT_MAX_PAGES
    except ValueError:
        return DEFAULT_MAX_PAGES
    return n if n > 0 else None


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Run the block without Python's cyclic garbage collector.

    The reader makes ~1,000 objects a page (words, lines, arrays' lists) and
    frees them by reference count; the collections their allocation set off
    traversed them all and freed next to nothing (a few hundred to a few
    thousand objects a paper, freed at the next collection after the block),
    ~9% of `read_pdf`'s CPU time. The collector is turned back on only if it
    was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_pdf(path: Path) -> Document:
    """Read a PDF into a `Document` (text in reading order, pages, tables)."""
    path = Path(path)
    check_file(path)
    with _cyclic_gc_paused():
        pages, blocks, boxes, rules = _read_document(path)
    if not any(p.words for p in pages):
        # a scan: OCR it with Tesseract when installed, else the error names the package
        from litkg.extractor.ingest.ocr import ocr_pdf

        return ocr_pdf(path, doc_id_for(path))
    with _cyclic_gc_paused():
        return _layout(path, pages, blocks, boxes, rules)


def _read_document(
    path: Path,
) -> tuple[list[PageChars], dict[int, list[TableBlock]], dict[int, list[Rect]], dict[int, list]]:
    """Open the PDF, check its page count and read its pages (`_read_pages`)."""
    pdf = open_pdf(path)
    try:
        if len(pdf) == 0:
            raise IngestError(str(path), "PDF has no pages", "re-export the PDF")
        limit = max_pages()
        if limit is not None and len(pdf) > limit:
            raise IngestError(
                str(path),
                f"{len(pdf):,} pages, more than litkg's limit of {limit:,} for one paper "
                "(a proceedings volume or a thesis?)",
                f"split it into papers, or set {MAX_PAGES_ENV}={len(pdf)} to read it anyway",
            )
        return _read_pages(path, pdf)
    finally:
        pdf.close()


def _layout(
    path: Path,
    pages: list[PageChars],
    blocks: dict[int, list[TableBlock]],
    boxes: dict[int, list[Rect]],
    rules: dict[int, list],
) -> Document:
    """The `Document` of the pages read: ligatures, tables, lines, reading order, text."""
    repair_ligatures(pages)
    per_page: list[tuple[float, list[Line]]] = []
    page_tables: list[list[TableBlock]] = []
    for page in pages:
        words = attach_scripts(page.words)
        all_words = words
        tables, words = fill_tables(blocks.get(page.number, []), words)
        lines = build_lines(words)
        tables, rest = find_aligned_tables(
            words,
            all_words,
            tables,
            boxes.get(page.number, []),
            rules.get(page.number, []),
            page.width,
            lines,
        )
        per_page.append((page.height, lines if rest is words else build_lines(rest)))
        page_tables.append(tables)
    kept, running = split_running(per_page)
    weights = [size_weights(lines) for lines in kept]
    body = common_size(merge_weights(weights))
    metadata = read_metadata(kept[0], running, body)
    layouts = []
    for page, lines, tables, page_weights in zip(pages, kept, page_tables, weights, strict=True):
        attach_captions(tables, lines)
        mark_margin_columns(lines, page.width, body)
        gap = MIN_GUTTER * common_size(page_weights) if lines else 6.0
        panels = find_panels(boxes.get(page.number, []), lines, tables)
        in_panel = {id(ln) for p in panels for ln in p.lines}
        items: list[Line | TableBlock | Panel] = [
            *(ln for ln in lines if id(ln) not in in_panel),
            *tables,
            *panels,
        ]
        ordered = expand_panels(reading_order(items, gap), gap)
        layouts.append(PageLayout(page.number, page.width, page.height, ordered))  # type: ignore[arg-type]
    text, page_ranges, doc_tables = assemble(layouts)
    return Document(
        doc_id=doc_id_for(path),
        source=str(path),
        source_format="pdf",
        text=text,
        pages=page_ranges,
        tables=doc_tables,
        metadata=metadata,
    )
