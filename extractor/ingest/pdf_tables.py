"""Ruled tables: found by pdfplumber, only on pages that have rules.

pdfplumber parses a page ~50x slower than pdfium, so it runs only on pages
whose pdfium path objects look like table rules: at least two rectangles, a
grid path, or at least two horizontal and two vertical thin lines. There
`find_tables()` (the "lines" strategy: cells bounded by ruling lines or
rectangle edges) gives the cell boxes; the cell texts are then built from
the pdfium words inside each cell, so spacing and superscripts follow the
same rules as the prose. A found table needs at least two rows, two columns
and four non-empty cells (badges and boxed notes are not tables).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from litkg.extractor.ingest.pdf_chars import Word
from litkg.extractor.ingest.pdf_layout import Line, build_lines

log = logging.getLogger(__name__)

CAPTION = re.compile(r"^\s*(table|tab\.)\s*([0-9]+|[ivxlc]+)\b", re.IGNORECASE)


@dataclass
class TableBlock:
    """A table on a page: box (top-down coordinates), cell boxes, then texts."""

    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[list[tuple[float, float, float, float] | None]]
    rows: list[list[str]] = field(default_factory=list)
    caption_line: Line | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in PDF points from the page's top-left."""
        return (self.x0, self.top, self.x1, self.bottom)


def has_rules(page: pdfium.PdfPage) -> bool:
    """Whether the page's vector paths could form a ruled table (cheap, pdfium)."""
    horiz = vert = rects = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h < 2.5 and w > 15:
            horiz += 1
        elif w < 2.5 and h > 15:
            vert += 1
        elif w > 15 and h > 5:
            segs = pdfium_c.FPDFPath_CountSegments(obj.raw)
            rects += 2 if segs >= 8 else 1
        if rects >= 2 or (horiz >= 2 and vert >= 2):
            return True
    return False


def find_table_blocks(path: Path, page_numbers: list[int]) -> dict[int, list[TableBlock]]:
    """Ruled tables (cell boxes) on the given 1-based pages, via pdfplumber."""
    import pdfplumber

    found: dict[int, list[TableBlock]] = {}
    if not page_numbers:
        return found
    with pdfplumber.open(str(path)) as pdf:
        for number in page_numbers:
            try:
                page = pdf.pages[number - 1]
                x_off, y_off = page.bbox[0], page.bbox[1]
                tables = page.find_tables()
            except Exception as exc:  # pdfminer trouble on one page: no tables there
                log.warning("%s page %d: table detection failed: %s", path, number, exc)
                continue
            blocks = []
            for t in tables:
                cells = [
                    [
                        None
                        if c is None
                        else (c[0] - x_off, c[1] - y_off, c[2] - x_off, c[3] - y_off)
                        for c in row.cells
                    ]
                    for row in t.rows
                ]
                x0, top, x1, bottom = t.bbox
                blocks.append(
                    TableBlock(x0 - x_off, top - y_off, x1 - x_off, bottom - y_off, cells)
                )
            if blocks:
                found[number] = blocks
    return found


def _inside(w: Word, box: tuple[float, float, float, float], pad: float = 1.0) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def cell_text(words: list[Word]) -> str:
    """The text of a cell: its lines, top to bottom, joined by spaces."""
    out = ""
    for line in build_lines(words):
        if out.endswith("-") and out[-2:-1].isalpha():
            out += line.text
        else:
            out = f"{out} {line.text}" if out else line.text
    return out.replace("\t", " ")


def fill_tables(blocks: list[TableBlock], words: list[Word]) -> tuple[list[TableBlock], list[Word]]:
    """Give each table its cell texts; return the real tables and the prose words."""
    kept: list[TableBlock] = []
    rest = words
    for block in blocks:
        inside = [w for w in rest if _inside(w, block.bbox)]
        rows = [
            ["" if c is None else cell_text([w for w in inside if _inside(w, c, 0.5)]) for c in row]
            for row in block.cells
        ]
        filled = sum(1 for row in rows for c in row if c)
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or filled < 4:
            continue
        block.rows = rows
        kept.append(block)
        ids = {id(w) for w in inside}
        rest = [w for w in rest if id(w) not in ids]
    return kept, rest


def attach_captions(blocks: list[TableBlock], lines: list[Line]) -> None:
    """Link each table to the nearest "Table N" line just above (or below) it."""
    for block in blocks:
        best: tuple[float, Line] | None = None
        for ln in lines:
            if not CAPTION.match(ln.text) or ln.x1 < block.x0 or ln.x0 > block.x1:
                continue
            if block.top - 80 <= ln.bottom <= block.top + 2:
                dist = block.top - ln.bottom
            elif block.bottom - 2 <= ln.top <= block.bottom + 40:
                dist = 10 + ln.top - block.bottom
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, ln)
        block.caption_line = best[1] if best else None
